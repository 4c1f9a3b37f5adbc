#!/usr/bin/env bash
# Runs the whole test suite, installing what a fresh machine lacks first:
# formatting and lints (native and wasm32), the deploy build, native tests
# (core, layout, import/export, end-to-end journeys through ChromeDriver) and
# browser tests (wasm-bindgen-test in headless Chromium).
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup-test.sh"
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native)"
cargo clippy --all-targets --locked -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --test web_pages --locked -- -D warnings

# The journeys run against the deploy build: the hashed site in dist/ and
# the single file dist/baogao-offline.html.
"$ROOT/scripts/build.sh"

step "cargo test (native: core, layout, import/export, end to end)"
cargo test --locked

step "cargo test (wasm32 in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web --test web_pages --locked
