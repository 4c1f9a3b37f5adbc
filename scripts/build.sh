#!/usr/bin/env bash
# The deploy build (installing any missing build tool first): trunk's
# release build into target/trunk-dist/, then `deploy` (src/deploy) writes
# dist/ — the site to copy to any path of a static web server, every file
# named by its hash, with its service worker, manifest and icons — and the
# single-file edition dist/baogao-offline.html to hand out.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
step "trunk build --release (into target/trunk-dist)"
trunk build --release --offline --dist target/trunk-dist
step "deploy: dist/ (site, service worker, single file)"
cargo run --locked --quiet --bin deploy -- target/trunk-dist dist
