#!/usr/bin/env bash
# Installs the third-party tools the interoperability and browser tests run
# (tests/interop/package.json: the jsonld processor, Microsoft's SARIF
# Multitool, which ships the SARIF 2.1.0 schema, ajv, the reflection
# client grpc-reflection-js with @grpc/grpc-js, and puppeteer-core, which
# drives Debian's chromium and downloads no browser of its own) into DIR, by
# default build/npm-tools, with npm ci from the committed lock file. Node.js
# and npm come from Debian when missing. A second run with the same lock
# file costs a comparison and nothing more, so the tests call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-${FACTCHECK_BUILD_DIR:-build}/npm-tools}"
lock=tests/interop/package-lock.json
# Written last, so that an install cut short is done again.
stamp="$dest/installed-package-lock.json"
if cmp -s "$lock" "$stamp"; then exit 0; fi
command -v node >/dev/null && command -v npm >/dev/null ||
  ./scripts/install-deps.sh nodejs npm
mkdir -p "$dest"
cp tests/interop/package.json "$lock" "$dest/"
echo "factcheck: installing the interoperability tools into $dest" >&2
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
# The Multitool's own postinstall would do this; npm may skip install scripts.
chmod u+x "$dest/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
cp "$lock" "$stamp"
