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
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/build.sh" >&2
cd "$ROOT"
INITIAL_BUDGET=200; ALL_BUDGET=300 # KB (1000 bytes) gzipped
SINGLE=baogao-offline.html
printf '%-48s %10s %10s\n' file bytes gzipped
total=0; gtotal=0; ginitial=0
while IFS= read -r f; do
  name="${f#dist/}"
  [ "$name" = "$SINGLE" ] && continue
  b=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  total=$((total + b)); gtotal=$((gtotal + g))
  case "$name" in tools* | catalogue* | sw.js | manifest* | *.png) ;; *) ginitial=$((ginitial + g)) ;; esac
  printf '%-48s %10d %10d\n' "$name" "$b" "$g"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' total "$total" "$gtotal"
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
printf '\n%-32s %8s KB gz   (budget %d KB)\n' "initial (before interactive)" "$(kb "$ginitial")" "$INITIAL_BUDGET"
printf '%-32s %8s KB gz   (budget %d KB)\n' "all features used" "$(kb "$gtotal")" "$ALL_BUDGET"
b=$(stat -c %s "dist/$SINGLE"); g=$(gzip -9 -c "dist/$SINGLE" | wc -c)
printf '%-32s %8s KB (%s KB gz)\n' "single file $SINGLE" "$(kb "$b")" "$(kb "$g")"
