#!/usr/bin/env bash
# The benchmark suite (docs/PERFORMANCE.md): builds what it needs in ./build, then measures
# every figure through the real app (tests/bench/bench_ui) and the core benchmarks, gathered
# by tests/bench/bench_suite.
#   deploy/bench.sh [--quick] [--json] [--patients N] [--responses N] [--sizes A,B,C] [--runs K]
# --json prints one JSON object on stdout (progress goes to stderr); without it, a table.
# --quick: a 50-patient demo clinic, 20,000 dashboard responses, fewer runs (what ctest runs);
# without it: the issue's size, 2,000 patients (20,000 sessions, 60,000 responses), and
# 1,000,000 dashboard responses (each written once, then kept).
# --sizes 50,400,2000: the figures that grow with the clinic (cold_start_large_ms,
# episode_open_ms, dashboard_open_ms, staff_back_ms, dashboard_query_ms, clinic_figures_ms and
# clinic_figures_mib) at each size too, under "by_size". --runs K: staff-screen runs per clinic (10; 2 with --quick).
# Rendering: Qt Quick's software renderer (QT_QUICK_BACKEND=software: the same on every
# machine, no GPU driver in the figures); set QT_QUICK_BACKEND yourself to measure another. Without a display, a
# virtual one (Xvfb, 1280x800). Databases it writes once are kept in build/bench-data.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TRIAD_BUILD_DIR:-$root/build}"

if [ ! -f "$build/build.ninja" ]; then
  bash "$here/setup.sh" >&2
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${TRIAD_BUILD_TYPE:-RelWithDebInfo}" >&2
fi
cmake --build "$build" --parallel "${TRIAD_BUILD_JOBS:-2}" \
  --target bench_suite bench_ui triad-cli bench_store bench_dashboard bench_figures >&2

export QT_QUICK_BACKEND="${QT_QUICK_BACKEND:-software}"
run=("$build/tests/bench/bench_suite" "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"
fi
exec "${run[@]}"
