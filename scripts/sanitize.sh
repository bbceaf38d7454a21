#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (g++) into build-asan/ and runs every test there. Any sanitizer report
# fails the run: UBSan halts on its first finding, ASan checks for leaks at
# exit.
#
#   ./scripts/sanitize.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${FACTCHECK_ASAN_BUILD_DIR:-build-asan}"
./scripts/install-deps.sh

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  # -O1 keeps the instrumented tests fast enough; frame pointers and line
  # tables (-g1, quicker to build than full debug information) give whole
  # stacks with file:line in reports. UBSan findings are fatal, so that a
  # report inside a server the end-to-end tests started fails them too.
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
    -DCMAKE_CXX_FLAGS="-O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "$@"
