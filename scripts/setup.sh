#!/usr/bin/env bash
# Installs what building the app needs, skipping what is already there:
# the wasm32 target, trunk, the wasm-bindgen CLI matching Cargo.toml, and a
# wasm-opt (binaryen from the npm registry) that accepts today's rustc output.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

need_bindgen() {
  ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION" ||
    ! command -v wasm-bindgen-test-runner >/dev/null
}
if need_bindgen; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Without --locked: the CLI's lock file asks for a crate release the
  # registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  step "npm install binaryen@$BINARYEN_VERSION into .tools/"
  mkdir -p "$ROOT/.tools"
  npm install --prefix "$ROOT/.tools" --no-save --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi
