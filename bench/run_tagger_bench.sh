#!/usr/bin/env bash
# Builds the tagger benchmark in Release (build-bench/) and runs it: tagging
# throughput on one core for the seed article, news text of 1 KB, 100 KB
# and 10 MB, dense temporal text, and the TimeBank + AQUAINT development set
# when it is found ($FACTCHECK_TBAQ_DIR, default ../shared/data/tbaq).
# Arguments go to the benchmark (e.g. --benchmark_filter=News).
#
#   ./bench/run_tagger_bench.sh [--benchmark_... flags]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${FACTCHECK_BENCH_BUILD_DIR:-build-bench}"
./scripts/install-deps.sh
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)" --target factcheck_tagger_benchmark
# One core: the benchmark is single-threaded; pinning it keeps the
# scheduler from moving it between cores mid-run.
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
exec "${pin[@]}" "$build_dir/bench/factcheck_tagger_benchmark" \
  --benchmark_min_time=1 --benchmark_counters_tabular=true "$@"
