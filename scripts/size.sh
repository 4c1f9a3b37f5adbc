#!/usr/bin/env bash
# Runs the deploy build and prints the gzipped size of each file of the
# site in dist/, then the two budgets' figures: what the page downloads
# before it is interactive (everything but the on-demand tools worker,
# tools*, the English interface's catalogue, catalogue*, fetched when the
# writer chooses English, and what only the service worker or an install
# fetches: sw.js, the manifest and the PNG icons), and everything with
# every feature used.
# Last, the single-file edition's size. (The same rule in Rust:
# baogao::deploy::before_interactive, used by the benchmark.)
#
# With --floors it also builds the size floors (examples/floor_*.rs: the
# smallest Yew app; the core a page needs under it; the core with every
# tool) the way trunk builds the app (wasm-bindgen, then wasm-opt -Oz) and
# prints each beside the budgets, with the page's other files added: what
# no rewrite of the views can go below.
set -euo pipefail
FLOORS=0
[ "${1:-}" = "--floors" ] && FLOORS=1
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/build.sh" >&2
cd "$ROOT"
INITIAL_BUDGET=200; ALL_BUDGET=300 # KB (1000 bytes) gzipped
SINGLE=baogao-offline.html
printf '%-48s %10s %10s\n' file bytes gzipped
total=0; gtotal=0; ginitial=0; gcode=0; gtools=0
while IFS= read -r f; do
  name="${f#dist/}"
  [ "$name" = "$SINGLE" ] && continue
  b=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  total=$((total + b)); gtotal=$((gtotal + g))
  case "$name" in tools* | catalogue* | sw.js | manifest* | *.png) ;; *) ginitial=$((ginitial + g)) ;; esac
  case "$name" in baogao-*) gcode=$((gcode + g)) ;; tools*) gtools=$((gtools + g)) ;; esac
  printf '%-48s %10d %10d\n' "$name" "$b" "$g"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' total "$total" "$gtotal"
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
printf '\n%-32s %8s KB gz   (budget %d KB)\n' "initial (before interactive)" "$(kb "$ginitial")" "$INITIAL_BUDGET"
printf '%-32s %8s KB gz   (budget %d KB)\n' "all features used" "$(kb "$gtotal")" "$ALL_BUDGET"
b=$(stat -c %s "dist/$SINGLE"); g=$(gzip -9 -c "dist/$SINGLE" | wc -c)
printf '%-32s %8s KB (%s KB gz)\n' "single file $SINGLE" "$(kb "$b")" "$(kb "$g")"

[ "$FLOORS" = 1 ] || exit 0
# The page's files other than the app's wasm and glue (and, for every
# feature, the worker's): what a floor downloads besides its own code.
rest_initial=$((ginitial - gcode)); rest_all=$((gtotal - gcode - gtools))
step "size floors (examples/floor_*.rs)" >&2
cargo build --locked --quiet --release --target wasm32-unknown-unknown --examples >&2
target="${CARGO_TARGET_DIR:-$ROOT/target}"
out="$target/floors"; rm -rf "$out"; mkdir -p "$out"
printf '\n%-44s %10s %10s %10s\n' floor "wasm gz" "glue gz" "page KB gz"
for floor in floor_yew floor_core floor_all; do
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$target/wasm32-unknown-unknown/release/examples/$floor.wasm"
  wasm-opt -Oz --low-memory-unused "$out/${floor}_bg.wasm" -o "$out/$floor.wasm"
  gw=$(gzip -9 -c "$out/$floor.wasm" | wc -c); gj=$(gzip -9 -c "$out/$floor.js" | wc -c)
  case "$floor" in floor_all) rest=$rest_all ;; *) rest=$rest_initial ;; esac
  printf '%-44s %10d %10d %10s\n' "$floor (+ the page's other files)" "$gw" "$gj" "$(kb $((gw + gj + rest)))"
done
printf '(budgets: floor_core against %d KB before interactive, floor_all against %d KB with every feature)\n' \
  "$INITIAL_BUDGET" "$ALL_BUDGET"
