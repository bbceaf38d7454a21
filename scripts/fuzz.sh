#!/usr/bin/env bash
# Fuzzes the engine's text entry points, the request handlers, the HTTP
# edge's reading of requests and the reference import: builds the libFuzzer targets in fuzz/ with clang
# (ASan + UBSan) into build-fuzz/, then runs each for SECONDS (default 60)
# from a seed corpus (fuzz/make_seeds.py) and the inputs that once failed
# (fuzz/regressions/). Exits non-zero when a fuzzer
# finds a crash, a sanitizer report or a broken invariant; the input that
# caused it is left in build-fuzz/findings/.
#
#   ./scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build_dir="${FACTCHECK_FUZZ_BUILD_DIR:-build-fuzz}"
./scripts/install-deps.sh clang libclang-rt-14-dev

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  # Everything is instrumented for the sanitizers and for coverage
  # (fuzzer-no-link); the fuzzers themselves add -fsanitize=fuzzer.
  # -fno-sanitize-recover makes any UBSan report a crash libFuzzer keeps. A
  # Debug build keeps assert()s on; -O1 keeps it fast enough.
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DFACTCHECK_FUZZ=ON \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
fuzzers=(temporal_tagger_fuzzer checker_fuzzer request_fuzzer event_import_fuzzer
  http_request_fuzzer)
targets=()
for f in "${fuzzers[@]}"; do targets+=(--target "$f"); done
cmake --build "$build_dir" -j "$(nproc)" "${targets[@]}"

# The seed corpora: the repository's texts for the engine's fuzzers (each
# prefixed by the three bytes that choose the DCT, see fuzz/fuzz_input.h),
# serialized requests for the request fuzzer, and the bundled events and
# the Wikidata fixture, plain and compressed, for the import fuzzer. The
# corpus directories keep what earlier runs found.
corpus_seed="$build_dir/seed"
rm -rf "$corpus_seed"
python3 fuzz/make_seeds.py "$corpus_seed"
mkdir -p "$build_dir/findings"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for f in "${fuzzers[@]}"; do
  corpus="$build_dir/corpus/$f"
  mkdir -p "$corpus"
  echo "fuzz: $f for ${seconds}s" >&2
  # -max_len: news paragraphs, not whole books; -timeout: a single input
  # taking over 10 s is a hang worth reporting.
  # fuzz/regressions/<fuzzer>/ keeps each input a fuzzer once failed on.
  regressions=()
  [ -d "fuzz/regressions/$f" ] && regressions=("fuzz/regressions/$f")
  if ! "$build_dir/fuzz/$f" "$corpus" "$corpus_seed/$f" "${regressions[@]}" \
      -max_total_time="$seconds" -max_len=4096 -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build_dir/findings/$f-" \
      2>"$build_dir/$f.log"; then
    status=1
    echo "fuzz: $f FAILED; the log is $build_dir/$f.log:" >&2
    tail -n 60 "$build_dir/$f.log" >&2
  fi
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+[[:space:]]+DONE)' \
    "$build_dir/$f.log" >&2 || true
  echo "fuzz: $f corpus: $(find "$corpus" -type f | wc -l) inputs" >&2
done
exit "$status"
