#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs ctest. This is the
# command CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
# chromium runs the editor page's browser test (tests/browser), promtool
# (Debian's prometheus package) checks the /metrics exposition.
./scripts/install-deps.sh docker-compose chromium prometheus
./scripts/build.sh
# The compose file is validated here because no Docker engine runs on the
# machines that build factcheck.
docker-compose -f docker-compose.yml config -q
build_dir="${FACTCHECK_BUILD_DIR:-build}"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
# ctest shows a passing test's output only in its log; the crash test's
# counts (cycles, acknowledged sources checked) belong in the CI log too.
grep -h "^crash test (sync" "$build_dir/Testing/Temporary/LastTest.log" || true
