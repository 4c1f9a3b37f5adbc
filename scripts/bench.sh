#!/usr/bin/env bash
# The benchmark: runs the deploy build, serves it and an empty page on
# loopback, and measures both in headless Chromium through ChromeDriver
# (tests/e2e/journeys/bench.rs): gzipped download, load → first usable
# field, reopening a 30,000-character draft, keystroke → preview frame
# (200 Chinese and 200 ASCII keystrokes), JS heap and DOM size. Prints one
# table against the budgets and leaves it in tests/output/bench.txt.
#
# `cargo test` runs the same journey in a short mode that checks every
# figure was taken, never a time.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup-test.sh" >&2
cd "$ROOT"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
"$ROOT/scripts/build.sh" >&2
rm -f tests/output/bench.txt
log="$(mktemp -t baogao-bench.XXXXXX)"
trap 'rm -f "$log"' EXIT
if ! BAOGAO_BENCH=full cargo test --locked --test e2e -- --exact \
  journeys::bench::the_benchmark_measures_every_figure >"$log" 2>&1; then
  tail -n 40 "$log"
  exit 1
fi
cat tests/output/bench.txt
printf '\nmachine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" \
  "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
