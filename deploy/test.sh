#!/usr/bin/env bash
# Builds Triad and runs every test through ctest (unit, QML, UI, lint), under a virtual
# display when there is no real one so screenshots are rendered faithfully.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TRIAD_BUILD_DIR:-$root/build}"

bash "$here/build.sh"

run_ctest=(ctest --test-dir "$build" --output-on-failure --no-tests=error --timeout 600 "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24" "${run_ctest[@]}"
else
  "${run_ctest[@]}"
fi
echo "Screenshots of the screens: $build/screenshots"
