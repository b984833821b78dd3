#!/usr/bin/env bash
# Builds the libFuzzer targets (the clang `fuzz` preset, ASan + UBSan) when
# needed, replays every saved regression input, then fuzzes each target for
# a bounded time, seeded with the corpus documents and small API requests.
#
#   bash tests/fuzz/run_fuzzers.sh                  30 s per target (ctest: fuzz_short)
#   bash tests/fuzz/run_fuzzers.sh --seconds 1800   the long run
#
# The corpus grows in build/fuzz/corpus/TARGET across runs. A crash stops
# the run with the input saved under build/fuzz/crashes/: copy it to
# tests/fixtures/fuzz/TARGET/ (replayed on every run from then on), fix the
# cause, and say so in the commit. The figures of the last run are written
# to build/fuzz/last-run.txt (README.md#reliability).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds=30
build="$root/build/fuzz"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--build-dir DIR]" >&2; exit 2 ;;
  esac
done

if ! command -v clang++ >/dev/null; then
  echo "fuzz: FAILED: clang++ is missing: install clang and libclang-rt-14-dev (bash .ci/setup does it)" >&2
  exit 1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  (cd "$root" && cmake --preset fuzz -B "$build" "${launcher[@]}" >/dev/null)
fi
cmake --build "$build" --target cvtrack_fuzzers -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
summary="$build/last-run.txt"
: >"$summary"
failed=0

fuzz() {  # TARGET SEED_DIR...
  local target=$1; shift
  local bin="$build/tests/fuzz/$target" corpus="$build/corpus/$target" crashes="$build/crashes"
  local regressions="$root/tests/fixtures/fuzz/$target" log="$build/$target.log"
  mkdir -p "$corpus" "$crashes"
  # Every input that once crashed runs first, on its own.
  if compgen -G "$regressions/*" >/dev/null; then
    if ! "$bin" -runs=1 "$regressions"/* >"$build/$target.regressions.log" 2>&1; then
      echo "fuzz: $target: a saved regression input fails again (see $build/$target.regressions.log)" >&2
      tail -30 "$build/$target.regressions.log" >&2
      failed=1
      return
    fi
  fi
  local start=$SECONDS
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$crashes/$target-" "$corpus" "$@" >"$log" 2>&1; then
    local runs inputs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    inputs=$(find "$corpus" -type f | wc -l)
    echo "$target: ${runs:-?} executions in $((SECONDS - start)) s, no crash; corpus $inputs inputs" | tee -a "$summary"
  else
    echo "fuzz: $target: FAILED — a crash, leak, timeout or sanitizer report:" >&2
    grep -E "ERROR|SUMMARY|Test unit written|runtime error" "$log" | head -20 >&2
    echo "(full log: $log; copy the saved input to tests/fixtures/fuzz/$target/)" >&2
    failed=1
  fi
}

fuzz reader_fuzzer "$root/tests/fixtures" "$root/workflows/data/samples"
fuzz api_request_fuzzer "$root/tests/fuzz/seeds/api"
exit $failed
