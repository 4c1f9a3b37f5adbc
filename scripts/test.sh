#!/usr/bin/env bash
# Runs the whole test suite, installing what a fresh machine lacks first:
# formatting and lints (native and wasm32), the deploy build, native tests
# (core, layout, import/export, end-to-end journeys through ChromeDriver) and
# browser tests (wasm-bindgen-test in headless Chromium).
#
# Every step runs even when an earlier one failed (cargo test with
# --no-fail-fast, so one failing test binary never hides another); the last
# lines say what failed, and the exit status is non-zero if anything did.
set -uo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup-test.sh" || { echo "setup failed: nothing was tested"; exit 1; }
cd "$ROOT"
export CHROMEDRIVER=/usr/bin/chromedriver

log="$(mktemp -t baogao-test.XXXXXX)"
trap 'rm -f "$log"' EXIT
failed_steps=()

# Runs one step, keeps its output for the summary, and notes a failure.
run_step() {
  local name="$1"; shift
  step "$name"
  "$@" 2>&1 | tee -a "$log"
  local status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] || failed_steps+=("$name")
}

run_step "cargo fmt --check" cargo fmt --check
run_step "cargo clippy (native)" cargo clippy --all-targets --locked -- -D warnings
run_step "cargo clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --examples \
  --test web --test web_pages --locked -- -D warnings
# The journeys run against the deploy build: the hashed site in dist/ and
# the single file dist/baogao-offline.html.
# size.sh runs that build (scripts/build.sh), then prints the sizes and the
# size floors of README → Size, so they cannot rot.
run_step "deploy build, sizes, size floors (scripts/size.sh --floors)" \
  "$ROOT/scripts/size.sh" --floors
run_step "cargo test (native: core, layout, import/export, end to end)" \
  cargo test --locked --no-fail-fast
run_step "cargo test (wasm32 in headless Chromium)" \
  cargo test --target wasm32-unknown-unknown --test web --test web_pages --locked --no-fail-fast

# Totals over every test binary, and the names of the tests that failed.
passed=$(sed -n 's/^test result: .* \([0-9][0-9]*\) passed;.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
failed=$(sed -n 's/^test result: .* \([0-9][0-9]*\) failed;.*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
failed_tests=$(sed -n 's/^test \(.*\) \.\.\. FAILED$/\1/p' "$log" | sort -u | paste -sd ' ' -)

step "summary"
if [ ${#failed_steps[@]} -eq 0 ]; then
  echo "all steps passed"
else
  printf 'failed steps: %s\n' "$(IFS=';'; echo "${failed_steps[*]}")"
  [ -z "$failed_tests" ] || echo "failed tests: $failed_tests"
  # Each failed test's own words (its panic message), a few lines each, so
  # the end of the output says why without scrolling back.
  awk '/^---- .* stdout ----$/ { name = $2; n = 0; print ""; print "why " name ":"; next }
       name != "" && /^(failures:|----|test result:)/ { name = ""; next }
       name != "" && n < 12 && NF { print "  " $0; n++ }' "$log"
fi
echo "summary: $passed passed, $failed failed"
[ ${#failed_steps[@]} -eq 0 ]
