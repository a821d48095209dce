#!/usr/bin/env bash
# Installs every Debian 12 package Triad needs, only when one is missing.
# The single place the project's dependencies are listed. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git libssl-dev
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-l10n-tools
  qt6-speech-dev qt6-speech-flite-plugin libqt6sql6-sqlite
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtquick-shapes
  qml6-module-qttexttospeech qml6-module-qttest
  qml6-module-qtquick-dialogs qml6-module-qtcore
  xvfb xauth fonts-dejavu-core clang-format sqlite3 libsqlite3-dev
  debootstrap lintian appstream man-db systemd cage
  # tests of the research export (R, PSPP) and of the PDF report (pdftotext, pdftoppm)
  r-base-core pspp poppler-utils
  # the sanitized build and the libFuzzer targets (TRIAD_SANITIZERS=1 deploy/test.sh)
  clang libclang-rt-14-dev llvm-14
)
# The tests validate FHIR exports with validators installed by npm (tests/fhir/setup.sh):
# Node.js with npm, from Debian unless a Node.js with its own npm is already there.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
