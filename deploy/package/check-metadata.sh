#!/usr/bin/env bash
# Checks the package's metadata files without building the package: the AppStream metainfo
# (appstreamcli validate), the desktop entry's keys and the man pages (man --warnings).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
status=0

if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$here/org.triadapp.Triad.metainfo.xml" || status=1
else
  echo "metadata: SKIPPED appstream check: appstreamcli is not installed (package appstream)"
fi

desktop="$here/org.triadapp.Triad.desktop"
for key in Type=Application Name= Exec=triad Icon=org.triadapp.Triad Categories=; do
  grep -q "^$key" "$desktop" || { echo "metadata: $desktop lacks $key"; status=1; }
done
[ -f "$here/org.triadapp.Triad.svg" ] || { echo "metadata: no icon"; status=1; }

if command -v man >/dev/null; then
  for page in "$here/triad.1" "$here/triad-cli.1"; do
    warnings="$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)"
    if [ -n "$warnings" ]; then
      echo "metadata: $page: $warnings"
      status=1
    fi
  done
fi
[ $status -eq 0 ] && echo "metadata: metainfo, desktop entry and man pages are valid"
exit $status
