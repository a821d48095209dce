#!/bin/sh
# Turns this Debian 12 machine into a Triad kiosk tablet: a dedicated user (triad-kiosk), the
# systemd unit that runs Triad full screen under cage at boot, and its PAM stack.
# Run as root after installing the triad package:  /usr/share/triad/kiosk/setup-kiosk.sh
# Undo: systemctl disable --now triad-kiosk.service (the clinic data in /var/lib/triad-kiosk
# stays; see docs/DEPLOY.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-kiosk: run as root (sudo $0)" >&2
  exit 2
fi
if ! command -v cage >/dev/null 2>&1; then
  echo "setup-kiosk: installing the cage kiosk compositor"
  apt-get install -y --no-install-recommends cage
fi

install -m 0644 "$here/triad-kiosk.sysusers" /etc/sysusers.d/triad-kiosk.conf
systemd-sysusers /etc/sysusers.d/triad-kiosk.conf
# Its home is the data folder (the unit's StateDirectory): made now, so an administrator can
# run `sudo -u triad-kiosk triad-cli init` before the first boot.
install -d -m 0700 -o triad-kiosk -g triad-kiosk /var/lib/triad-kiosk
install -m 0644 "$here/triad-kiosk.pam" /etc/pam.d/triad-kiosk
install -m 0644 "$here/triad-kiosk.service" /etc/systemd/system/triad-kiosk.service
systemd-analyze verify --man=no /etc/systemd/system/triad-kiosk.service

systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable triad-kiosk.service
echo "setup-kiosk: done. Triad starts full screen at the next boot (or: systemctl start triad-kiosk)."
echo "The clinic database will be /var/lib/triad-kiosk/.local/share/Triad/Triad/triad.sqlite"
