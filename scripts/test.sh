#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs ctest. This is the
# command CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh docker-compose
./scripts/build.sh
# The compose file is validated here because no Docker engine runs on the
# machines that build factcheck.
docker-compose -f docker-compose.yml config -q
ctest --test-dir "${FACTCHECK_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
