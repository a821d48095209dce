#!/usr/bin/env bash
# Builds Triad and starts the app. Extra arguments go to the app (e.g. --self-test).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TRIAD_BUILD_DIR:-$root/build}"

bash "$here/build.sh"

# Without a display (a server, CI) run on a virtual one so the app still starts.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$build/src/triad" "$@"
fi
exec "$build/src/triad" "$@"
