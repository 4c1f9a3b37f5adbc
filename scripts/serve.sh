#!/usr/bin/env bash
# Builds the app (installing any missing tool first) and serves it on
# http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
step "trunk serve --release on http://127.0.0.1:8080"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 "$@"
