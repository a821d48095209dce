#!/usr/bin/env bash
# Builds Triad and runs every test through ctest (unit, QML, UI, lint), under a virtual
# display when there is no real one so screenshots are rendered faithfully. Then the same
# suite again from a second build under AddressSanitizer + UndefinedBehaviorSanitizer (clang,
# the `asan` preset in build-asan/), plus a short libFuzzer run of every fuzz target; any
# sanitizer report from any process fails the run. Both halves run by default (this is what
# .ci/run runs); TRIAD_SANITIZERS=0 skips the sanitized half for a quicker local run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TRIAD_BUILD_DIR:-$root/build}"
asan_build="${TRIAD_ASAN_BUILD_DIR:-$root/build-asan}"
t0=$(date +%s)
phase() { echo "test.sh: [$(( $(date +%s) - t0 ))s] $*"; }

with_display() {
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    xvfb-run -a -s "-screen 0 1280x800x24" "$@"
  else
    "$@"
  fi
}

phase "build ($build)"
bash "$here/build.sh"
phase "tests ($build)"
with_display ctest --test-dir "$build" --output-on-failure --no-tests=error --timeout 600 "$@"
echo "Screenshots of the screens: $build/screenshots"

if [ "${TRIAD_SANITIZERS:-1}" = "0" ]; then
  phase "sanitized suite skipped (TRIAD_SANITIZERS=0)"
  exit 0
fi

phase "sanitized build ($asan_build)"
if [ ! -f "$asan_build/build.ninja" ]; then
  cmake -S "$root" --preset asan -B "$asan_build"
fi
cmake --build "$asan_build" --parallel "$(nproc)"

# Every report of every process (tests, the triad-cli and app processes they start, fuzzers)
# is written to a file here; the run fails if any appears, even where a test would have
# accepted the process's exit code. Leaks: tests/sanitizers/lsan.supp (third-party only).
reports="$asan_build/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:detect_stack_use_after_return=0:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
# Instrumented code runs several times slower: Qt Test's 5-minute limit per test function is
# raised, and tst_crash kills its writer 50 times instead of 200 (each start is slower; the
# normal build above does the 200).
export QTEST_FUNCTION_TIMEOUT=1800000
export TRIAD_CRASH_KILLS="${TRIAD_CRASH_KILLS:-50}"
# Qt Quick's software renderer here: with OpenGL, Mesa's driver is unloaded at exit, so its
# allocations are reported as leaks from an unknown module that no suppression can name. The
# screens are rendered with OpenGL in the normal suite above.
export QT_QUICK_BACKEND=software
# The tests' temporary clinics on tmpfs when there is one: this half looks for memory and
# undefined-behaviour errors, and every fsync waiting on a disk shared with builds made it
# several times slower. The normal suite above uses the real disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch="$(mktemp -d /dev/shm/triad-asan.XXXXXX)"
  trap 'rm -rf "$scratch"' EXIT
  export TMPDIR="$scratch"
fi
# Not run sanitized: the package tests (they build, lint and install the release .deb from
# build/, already run above) and the lint entries (qmllint, clang-format: no code of ours runs).
phase "sanitized tests ($asan_build)"
status=0
with_display ctest --test-dir "$asan_build" --output-on-failure --no-tests=error --timeout 1200 \
  --parallel 2 --label-exclude package --exclude-regex '^(qmllint|clang-format)$' "$@" || status=$?
if compgen -G "$reports/*" >/dev/null; then
  echo "test.sh: sanitizer reports (zero are allowed):" >&2
  for f in "$reports"/*; do echo "== $f" >&2; cat "$f" >&2; done
  status=1
fi
phase "done"
exit "$status"
