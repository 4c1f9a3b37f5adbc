#!/usr/bin/env bash
# Builds the release and prints the gzipped size of each file in dist/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" >&2
cd "$ROOT"
trunk build --release --offline >&2
printf '%-48s %10s %10s\n' file bytes gzipped
total=0; gtotal=0
while IFS= read -r f; do
  b=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
  total=$((total + b)); gtotal=$((gtotal + g))
  printf '%-48s %10d %10d\n' "${f#dist/}" "$b" "$g"
done < <(find dist -type f | sort)
printf '%-48s %10d %10d\n' total "$total" "$gtotal"
