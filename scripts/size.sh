#!/usr/bin/env bash
# Builds the release and prints the gzipped size of each file in dist/,
# then the two budgets' figures: what the page downloads before it is
# interactive (everything but the on-demand tools worker, tools*), and
# everything with every feature used.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" >&2
cd "$ROOT"
trunk build --release --offline >&2
INITIAL_BUDGET=200; ALL_BUDGET=300 # KB (1000 bytes) gzipped
printf '%-48s %10s %10s\n' file bytes gzipped
total=0; gtotal=0; ginitial=0
while IFS= read -r f; do
  b=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  total=$((total + b)); gtotal=$((gtotal + g))
  case "${f#dist/}" in tools*) ;; *) ginitial=$((ginitial + g)) ;; esac
  printf '%-48s %10d %10d\n' "${f#dist/}" "$b" "$g"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' total "$total" "$gtotal"
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
printf '\n%-32s %8s KB gz   (budget %d KB)\n' "initial (before interactive)" "$(kb "$ginitial")" "$INITIAL_BUDGET"
printf '%-32s %8s KB gz   (budget %d KB)\n' "all features used" "$(kb "$gtotal")" "$ALL_BUDGET"
