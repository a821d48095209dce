#!/usr/bin/env bash
# Checks the kiosk unit with systemd's own tools: `systemd-analyze verify` must be clean and
# `systemd-analyze security` must stay at or below the exposure recorded in docs/DEPLOY.md
# (a change that weakens the sandbox fails here). Exit 77 (skipped) without systemd-analyze.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unit="$here/triad-kiosk.service"
max_exposure="${TRIAD_KIOSK_MAX_EXPOSURE:-1.0}"

command -v systemd-analyze >/dev/null ||
  { echo "kiosk: SKIPPED: systemd-analyze is not installed (package systemd)"; exit 77; }

# --man=no: the Documentation= man page is in the triad package, not necessarily on this machine.
if ! out="$(systemd-analyze verify --man=no "$unit" 2>&1)" || [ -n "$out" ]; then
  echo "$out"
  echo "kiosk: FAILED: systemd-analyze verify reports problems in $unit" >&2
  exit 1
fi
echo "kiosk: systemd-analyze verify: clean"

report="$(systemd-analyze security --offline=yes "$unit" 2>&1)" || true
exposure="$(echo "$report" | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')"
[ -n "$exposure" ] || { echo "$report"; echo "kiosk: FAILED: no exposure figure" >&2; exit 1; }
echo "$report" | grep '✗' || true
echo "kiosk: systemd-analyze security: overall exposure $exposure (limit $max_exposure)"
if awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e > m) }'; then
  echo "kiosk: FAILED: exposure $exposure is above $max_exposure" >&2
  exit 1
fi
