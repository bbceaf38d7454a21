#!/usr/bin/env bash
# Configures (once) and builds factcheck into build/. Pass target names to
# build only those. Incremental: a second run with nothing changed is quick.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${FACTCHECK_BUILD_DIR:-build}"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"
