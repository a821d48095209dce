#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 root (debootstrap, Debian's own packages,
# plus only the package's declared dependencies) and checks it from the installed paths:
#   - triad --self-test (offscreen) and triad-cli validate on the shipped questionnaires;
#   - a clinic made with triad-cli survives an upgrade from the previous package version
#     ($TRIAD_PREVIOUS_DEB, else the same build packed as <version>~previous) and still opens;
#   - dpkg --remove and --purge leave the clinic database byte for byte; a reinstall opens it.
# Usage: deploy/package-test.sh [DEB]   (no DEB: deploy/package.sh builds it)
# Exit 77 (ctest: skipped) with a message where the machine cannot: not root, no debootstrap,
# no overlayfs/chroot. The roots are cached in $TRIAD_TEST_ROOT_CACHE (/var/cache/triad-test-root):
# base-<suite> from debootstrap, deps-<hash of Depends> = base + the dependencies; each run
# works on a throw-away overlay on top, so the cache is never changed by a test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${TRIAD_TEST_ROOT_CACHE:-/var/cache/triad-test-root}"
mirror="${TRIAD_TEST_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
t0=$(date +%s)

skip() { echo "package-test: SKIPPED: $*"; exit 77; }
step() { echo "package-test: [$(( $(date +%s) - t0 ))s] $*"; }
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, chroot, overlay mounts); run as root to test the package"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (deploy/setup.sh installs it)"
command -v chroot >/dev/null || skip "chroot is not available"

# The packages: the one under test, and the previous version to upgrade from.
if [ $# -ge 1 ]; then
  deb="$(readlink -f "$1")"
else
  deb="$(bash "$here/package.sh" | tail -1)"
fi
[ -f "$deb" ] || fail "no package at $deb"
version="$(dpkg-deb -f "$deb" Version)"
if [ -n "${TRIAD_PREVIOUS_DEB:-}" ]; then
  previous="$(readlink -f "$TRIAD_PREVIOUS_DEB")"
else
  # No released package to compare with in this repository: the same build with a lower
  # version still exercises dpkg's upgrade path (file replacement, no script touches data).
  build_dir="$(cd "$(dirname "$deb")/.." && pwd)"
  previous="$(cd "$build_dir" && cpack --config CPackConfig.cmake \
    -D CPACK_DEBIAN_PACKAGE_VERSION="${version}~previous" \
    -D CPACK_PACKAGE_DIRECTORY="$build_dir/package/previous" 2>&1 |
    sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' | tail -1)"
fi
[ -f "$previous" ] || fail "no previous package to upgrade from"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "package-test: $deb ($version), upgrading from $(dpkg-deb -f "$previous" Version)"
echo "package-test: Depends: $depends"

mkdir -p "$cache"
# One run at a time per cache: a run replaces the dependencies root another may be using.
exec 9>"$cache/.lock"
if command -v flock >/dev/null; then
  flock -w 3600 9 || fail "another package test holds $cache/.lock for over an hour"
fi
base="$cache/base-$suite-minbase"
key="$(printf '%s\n%s\n' "$depends" "$(dpkg-deb -f "$previous" Depends)" | sha256sum | cut -c1-16)"
deps="$cache/deps-$key"
archives="$cache/apt-archives"
mkdir -p "$archives/partial"

work="$(mktemp -d /tmp/triad-package-test.XXXXXX)"
mounts=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Runs a command in a root with proc, dev and the shared apt download cache mounted.
in_root() {
  local r="$1"; shift
  chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}
mount_basics() {
  local r="$1"
  mount -t proc proc "$r/proc" && mounts+=("$r/proc")
  mount --bind /dev "$r/dev" && mounts+=("$r/dev")
  mount --bind "$archives" "$r/var/cache/apt/archives" && mounts+=("$r/var/cache/apt/archives")
  cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
}
unmount_basics() {
  local r="$1" m keep=()
  for m in "${mounts[@]}"; do
    case "$m" in "$r"/*) umount "$m" ;; *) keep+=("$m") ;; esac
  done
  mounts=("${keep[@]+"${keep[@]}"}")
}

# 1. Base root: debootstrap minbase from Debian's own archive, once.
if [ ! -f "$base/.complete" ]; then
  step "making the base root with debootstrap (cold cache, a few minutes)"
  rm -rf "$base" "$base.tmp"
  debootstrap --variant=minbase "$suite" "$base.tmp" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log"; fail "debootstrap failed (log: $cache/debootstrap.log)"; }
  cat >"$base.tmp/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://security.debian.org/debian-security $suite-security main
SOURCES
  mv "$base.tmp" "$base"
  touch "$base/.complete"
fi

# 2. Dependencies root: base + exactly what the package declares, keyed by its Depends.
if [ ! -f "$deps/.complete" ]; then
  step "installing the declared dependencies into a copy of the base root"
  rm -rf "$deps" "$deps.tmp"
  for old in "$cache"/deps-*; do [ -d "$old" ] && rm -rf "$old"; done
  cp -a "$base" "$deps.tmp"
  mount_basics "$deps.tmp"
  in_root "$deps.tmp" apt-get update -qq
  in_root "$deps.tmp" env DEBIAN_FRONTEND=noninteractive \
    apt-get satisfy -y -qq --no-install-recommends "$depends" >"$cache/deps.log" 2>&1 ||
    { unmount_basics "$deps.tmp"; tail -20 "$cache/deps.log"; fail "the declared dependencies do not install"; }
  in_root "$deps.tmp" useradd --create-home --shell /bin/sh clinic
  unmount_basics "$deps.tmp"
  mv "$deps.tmp" "$deps"
  touch "$deps/.complete"
fi

# 3. A throw-away overlay on the cached root for this run.
step "testing in an overlay on $deps"
mkdir -p "$work/upper" "$work/work" "$work/root"
mount -t overlay overlay -o "lowerdir=$deps,upperdir=$work/upper,workdir=$work/work" "$work/root" ||
  skip "overlayfs mounts are not possible here"
mounts+=("$work/root")
r="$work/root"
mount_basics "$r"
cp "$deb" "$r/tmp/"
[ "$previous" = "$deb" ] || cp "$previous" "$r/tmp/"
new="/tmp/$(basename "$deb")"
old="/tmp/$(basename "$previous")"

# As the clinic's user, with nothing but what the package brought.
as_clinic() {
  chroot --userspec=clinic:clinic "$r" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/clinic \
    LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
dpkg_in() { in_root "$r" env DEBIAN_FRONTEND=noninteractive dpkg "$@"; }
db=/home/clinic/.local/share/Triad/Triad/triad.sqlite
export_pass=(TRIAD_PASSPHRASE='package test passphrase one')

step "installing the previous version ($(basename "$previous"))"
dpkg_in -i "$old" >/dev/null || fail "the previous package does not install on its declared dependencies"

step "a clinic set up with the previous version"
as_clinic TRIAD_NEW_PASSPHRASE='package test passphrase one' \
  triad-cli init --clinic "Package Test Clinic" --admin "Test Admin" || fail "triad-cli init"
as_clinic "${export_pass[@]}" TRIAD_NEW_PASSPHRASE='package test passphrase two' \
  triad-cli staff add --name "Test Physio" --role physio || fail "triad-cli staff add"
code="$(as_clinic "${export_pass[@]}" triad-cli patient add --name "Test Child" --birth-date 2016-05-04)" ||
  fail "triad-cli patient add"
[ -f "$r$db" ] || fail "the clinic database is not at $db"
echo "package-test: clinic database at $db, patient $code"

step "upgrading to $version"
dpkg_in -i "$new" >/dev/null || fail "the upgrade to $version failed"
[ "$(in_root "$r" dpkg-query -W -f='${Version}' triad)" = "$version" ] || fail "triad is not at $version"

step "triad --self-test (offscreen) from /usr/bin"
# As the selftest ctest entry: read-aloud off, because a chroot has no sound server.
selftest="$(as_clinic TRIAD_NO_SPEECH=1 /usr/bin/triad --self-test 2>&1)" ||
  { echo "$selftest"; fail "triad --self-test"; }
echo "$selftest" | grep -v '^ok ' || true
echo "package-test: $(echo "$selftest" | grep -c '^ok ') checks ok"
echo "$selftest" | grep -q "self-test passed" || fail "the self-test did not report passing"
# Read-aloud on: the flite voice must load; its only complaint may be the missing sound server.
speech="$(as_clinic /usr/bin/triad --self-test 2>&1)" || true
if echo "$speech" | grep '^FAIL' | grep -v 'PulseAudio'; then
  fail "with read-aloud on, the self-test reports more than the missing sound server"
fi
echo "$speech" | grep -q '^ok   form ' || fail "with read-aloud on, the self-test did not get to the forms"

step "triad-cli validate on the installed questionnaires"
[ -d "$r/usr/share/triad/questionnaires" ] || fail "no /usr/share/triad/questionnaires"
as_clinic sh -c 'triad-cli validate $(find /usr/share/triad/questionnaires -name "*.json" ! -name schema.json)' ||
  fail "triad-cli validate on /usr/share/triad/questionnaires"

step "the upgraded app opens the clinic made before the upgrade"
as_clinic "${export_pass[@]}" triad-cli verify || fail "triad-cli verify after the upgrade"
as_clinic "${export_pass[@]}" triad-cli backup /home/clinic/first.triadbak || fail "triad-cli backup after the upgrade"

# Every file of the clinic's data folder (database, WAL, audit head, migration copies).
data_digest() { (cd "$r$(dirname "$db")" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
before="$(data_digest)"
echo "package-test: clinic data folder: $(echo "$before" | awk '{print $2}' | tr '\n' ' ')"
step "dpkg --remove keeps the clinic data"
dpkg_in --remove triad >/dev/null || fail "dpkg --remove"
[ ! -e "$r/usr/bin/triad" ] || fail "/usr/bin/triad is still there after removal"
[ "$(data_digest)" = "$before" ] || fail "removing the package changed or deleted files in $(dirname "$db")"
step "dpkg --purge keeps the clinic data"
dpkg_in --purge triad >/dev/null || fail "dpkg --purge"
[ "$(data_digest)" = "$before" ] || fail "purging the package changed or deleted files in $(dirname "$db")"
[ -f "$r/home/clinic/first.triadbak" ] || fail "purging the package deleted the backup"

step "reinstalled, the app opens the kept clinic"
dpkg_in -i "$new" >/dev/null || fail "reinstall"
as_clinic "${export_pass[@]}" triad-cli verify || fail "triad-cli verify after reinstalling"

# A database of an older schema, migrated by the installed app. No earlier release was ever
# packaged, so the older Triad is triad-cli built from the last commit with schema v4
# ($old_commit), cached in $cache/old-cli-<commit>; skipped (with a message) without git history.
old_commit="${TRIAD_OLD_SCHEMA_COMMIT:-6720f14^}"
src_root="$(cd "$here/.." && pwd)"
old_cli=""
if sha="$(git -C "$src_root" rev-parse --verify -q "$old_commit^{commit}" 2>/dev/null)"; then
  old_cli="$cache/old-cli-${sha:0:12}/triad-cli"
  if [ ! -x "$old_cli" ]; then
    step "building triad-cli of $old_commit (${sha:0:12}, schema v4) once"
    mkdir -p "$work/old-src"
    git -C "$src_root" archive "$sha" | tar -x -C "$work/old-src"
    # That commit still asked CMake for Qt Charts, which setup.sh no longer installs (our own
    # LineChart replaced it); its triad-cli never used it.
    sed -i 's/ Sql Charts Widgets / Sql Widgets /' "$work/old-src/CMakeLists.txt"
    cmake -S "$work/old-src" -B "$work/old-build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0 \
      -DTRIAD_BUILD_UI=OFF >"$work/old-build.log" 2>&1 &&
      cmake --build "$work/old-build" --parallel 2 --target triad-cli >>"$work/old-build.log" 2>&1 ||
      { tail -20 "$work/old-build.log"; fail "could not build triad-cli of $old_commit"; }
    mkdir -p "$(dirname "$old_cli")"
    strip -o "$old_cli" "$work/old-build/src/cli/triad-cli"
  fi
else
  echo "package-test: SKIPPED the schema migration step: commit $old_commit is not in this checkout (shallow clone?)"
fi
if [ -n "$old_cli" ]; then
  step "a clinic written by the schema-v4 triad-cli, opened by the installed one"
  cp "$old_cli" "$r/tmp/triad-cli-v4"
  olddb=/home/clinic/older/triad.sqlite
  as_clinic mkdir -p /home/clinic/older
  as_clinic TRIAD_NEW_PASSPHRASE='package test passphrase one' \
    /tmp/triad-cli-v4 init --db "$olddb" --clinic "Older Clinic" --admin "Test Admin" >/dev/null ||
    fail "the v4 triad-cli could not set up a clinic"
  as_clinic "${export_pass[@]}" /tmp/triad-cli-v4 patient add --db "$olddb" --name "Older Child" \
    --birth-date 2015-01-02 >/dev/null || fail "the v4 triad-cli could not add a patient"
  oldbak="$(as_clinic "${export_pass[@]}" /tmp/triad-cli-v4 backup --db "$olddb" /home/clinic/older-v4.triadbak)" ||
    fail "the v4 triad-cli could not back up"
  echo "package-test: before: $oldbak"
  as_clinic "${export_pass[@]}" triad-cli verify --db "$olddb" || fail "the installed triad-cli cannot open the v4 clinic"
  newbak="$(as_clinic "${export_pass[@]}" triad-cli backup --db "$olddb" /home/clinic/older-now.triadbak)" ||
    fail "the installed triad-cli cannot back up the migrated clinic"
  echo "package-test: after:  $newbak"
  from="$(echo "$oldbak" | sed -n 's/.*schema \([0-9]*\).*/\1/p')"
  to="$(echo "$newbak" | sed -n 's/.*schema \([0-9]*\).*/\1/p')"
  [ -n "$from" ] && [ -n "$to" ] && [ "$to" -gt "$from" ] || fail "the clinic was not migrated (schema $from -> $to)"
  ls "$r/home/clinic/older/" | grep -q "v${from}-backup" || fail "no pre-migration copy next to the migrated database"
  echo "package-test: migrated from schema $from to $to, pre-migration copy kept"
fi

step "passed ($(( $(date +%s) - t0 ))s in all)"
