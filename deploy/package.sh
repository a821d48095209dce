#!/usr/bin/env bash
# Builds the Debian package build/package/triad_<version>_amd64.deb from the build tree
# (configures and builds what the package needs first) and checks it with lintian.
#   deploy/package.sh                 # build/ (TRIAD_BUILD_DIR to use another)
#   deploy/package.sh -D CPACK_DEBIAN_PACKAGE_VERSION=0.0.9   # extra cpack arguments
# Prints the path of the .deb on its last line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${TRIAD_BUILD_DIR:-$root/build}"

if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${TRIAD_BUILD_TYPE:-RelWithDebInfo}"
fi
# Only what goes into the package; cpack itself does not build (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY).
cmake --build "$build" --parallel 2 --target triad triad-cli triad_package_docs >&2

out="$build/package"
mkdir -p "$out"
log="$out/cpack.log"
if ! (cd "$build" && cpack --config CPackConfig.cmake "$@") >"$log" 2>&1; then
  cat "$log" >&2
  echo "package: cpack failed (log above)" >&2
  exit 1
fi
deb="$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$log" | tail -1)"
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
  cat "$log" >&2
  echo "package: cpack did not report a .deb" >&2
  exit 1
fi

if command -v lintian >/dev/null 2>&1; then
  # Errors fail the build; warnings are printed (docs/DEPLOY.md lists the ones left and why).
  lintian --fail-on error \
    "$deb" >&2 || { echo "package: lintian found errors in $deb" >&2; exit 1; }
else
  echo "package: lintian not installed, package not checked (deploy/setup.sh installs it)" >&2
fi
echo "$deb"
