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

# The dedicated user, created the way setup-kiosk.sh creates it, in a scratch root.
if command -v systemd-sysusers >/dev/null; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/etc"
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$scratch/etc/passwd"
  printf 'root:x:0:\nvideo:x:44:\nrender:x:105:\ninput:x:104:\n' >"$scratch/etc/group"
  touch "$scratch/etc/shadow" "$scratch/etc/gshadow"
  systemd-sysusers --root="$scratch" - <"$here/triad-kiosk.sysusers" >/dev/null 2>&1 ||
    { echo "kiosk: FAILED: systemd-sysusers rejects triad-kiosk.sysusers" >&2; exit 1; }
  user="$(grep '^triad-kiosk:' "$scratch/etc/passwd" || true)"
  case "$user" in
    *:/var/lib/triad-kiosk:/usr/sbin/nologin) ;;
    *) echo "kiosk: FAILED: sysusers made no triad-kiosk user with home /var/lib/triad-kiosk and no shell: '$user'" >&2; exit 1 ;;
  esac
  for g in video render input; do
    grep -q "^$g:.*triad-kiosk" "$scratch/etc/group" ||
      { echo "kiosk: FAILED: triad-kiosk is not in group $g" >&2; exit 1; }
  done
  echo "kiosk: systemd-sysusers: $user (groups video, render, input)"
fi

report="$(systemd-analyze security --offline=yes "$unit" 2>&1)" || true
exposure="$(echo "$report" | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')"
[ -n "$exposure" ] || { echo "$report"; echo "kiosk: FAILED: no exposure figure" >&2; exit 1; }
echo "$report" | grep '✗' || true
echo "kiosk: systemd-analyze security: overall exposure $exposure (limit $max_exposure)"
if awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e > m) }'; then
  echo "kiosk: FAILED: exposure $exposure is above $max_exposure" >&2
  exit 1
fi
