#!/usr/bin/env bash
# Builds the app (installing any missing tool first) and serves it on
# http://127.0.0.1:8080 for development, with live reload. It builds into
# target/serve-dist/, so dist/ stays the deploy build (scripts/build.sh).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
step "trunk serve --release on http://127.0.0.1:8080"
exec trunk serve --release --offline --dist target/serve-dist --address 127.0.0.1 --port 8080 "$@"
