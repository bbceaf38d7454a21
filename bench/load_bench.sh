#!/usr/bin/env bash
# Load benchmark (the performance issue): one server process, three
# workloads, one load generator, three concurrencies; then the storage
# ceiling and the engine alone.
#
# 1. Starts factcheck-server on a free loopback port with a fresh data
#    directory and the bundled reference events (data/events.jsonl).
# 2. For each concurrency (default 1, 16, 64) runs, with the same generator
#    (bench/load_generator.cc) against that same process, for --duration
#    seconds each after --warmup seconds:
#      health  the gRPC health check: the transport's ceiling here;
#      check   CheckText of the seed article (tests/data/seed-article.txt);
#      ingest  IngestSource of distinct articles made from the seed text;
#    and, when h2load (Debian: nghttp2-client) is installed, the health check
#    again with h2load, which spends less CPU per call than the generator
#    and so gets nearer the transport's ceiling on a two-core machine.
#    Prints one table: req/s, latency p50/p90/p99/max, errors, the server's
#    CPU time per request, and each workload's rate as a ratio to either
#    health check's at the same concurrency.
# 3. Runs the RocksDB-only baseline (bench/rocksdb_put_baseline.cc): batches
#    shaped like one IngestSource of the seed article, with the store's
#    options, and prints ingest / baseline.
# 4. Runs the engine benchmark (bench/engine_benchmark.cc) on one core.
# 5. Prints each of the issue's targets as met or short by how much.
# Any failed call fails the run (exit 1).
#
# usage: bench/load_bench.sh [--duration S] [--warmup S]
#          [--concurrency "1 16 64"] [--build DIR] [--no-build]
#          [--engine-time S] [--soak SECONDS]
#   --duration S     measured seconds per workload and concurrency (10)
#   --warmup S       unmeasured seconds before each (2)
#   --concurrency L  calls in flight, a list (default "1 16 64")
#   --build DIR      build directory (default build, as scripts/build.sh)
#   --no-build       use the binaries already in DIR
#   --engine-time S  Google Benchmark's minimum time per engine benchmark (2)
#   --soak SECONDS   instead of the above: CheckText at concurrency 64 for
#                    SECONDS, printing the server's RSS (VmRSS) before the
#                    load, at the start, every tenth of the time, and at the
#                    end
set -euo pipefail

duration=10
warmup=2
concurrencies="1 16 64"
build=build
do_build=1
soak=0
engine_time=2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --concurrency) concurrencies="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --no-build) do_build=0; shift ;;
    --soak) soak="$2"; shift 2 ;;
    --engine-time) engine_time="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/process_stats.sh
. "$root/bench/process_stats.sh"
cd "$root"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
if [ "$do_build" -eq 1 ]; then
  # h2load (nghttp2-client) for the health check from a second client.
  ./scripts/install-deps.sh nghttp2-client >&2
  build_targets "$build" factcheck_server factcheck_load_generator \
    factcheck_rocksdb_put_baseline factcheck_engine_benchmark
fi
server_bin="$build/server/factcheck-server"
generator="$build/bench/factcheck_load_generator"
baseline_bin="$build/bench/factcheck_rocksdb_put_baseline"
engine_bin="$build/bench/factcheck_engine_benchmark"
require_executables "$server_bin" "$generator" "$baseline_bin" "$engine_bin"
build_type=$(build_type_of "$build")
article="$root/tests/data/seed-article.txt"

work=$(mktemp -d "${TMPDIR:-/tmp}/factcheck-load-bench.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

calc() { echo "$1" | bc -l; }

start_server() {
  local log="$work/server.log" a=""
  : >"$log"
  "$server_bin" --listen=127.0.0.1:0 --data_dir="$work/data" \
    --reference_file="$root/data/events.jsonl" >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    # The "listening on" line, not the first one that names the port: that
    # one comes before the reference data is loaded, while health checks
    # still answer NOT_SERVING.
    a=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/^listening on //' || true)
    if [ -n "$a" ]; then address=$a; return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.1
  done
  echo "the server did not start" >&2; cat "$log" >&2; exit 2
}

machine_line() {
  printf 'machine      %s, %s cores, %s; build %s (%s)\n' \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
    "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" \
    "${build#"$root"/}" "${build_type:-?}"
}

start_server
echo "server at $address (pid $server_pid)" >&2

# --- Soak ------------------------------------------------------------------
if [ "$soak" != 0 ]; then
  rss_idle=$(status_kib "$server_pid" VmRSS)
  "$generator" --server="$address" --workload=check --text_file="$article" \
    --concurrency=64 --warmup_seconds=0 --duration_seconds="$soak" \
    >"$work/soak.out" &
  gen_pid=$!
  step=$(calc "$soak / 10")
  samples=()
  for i in $(seq 0 10); do
    [ "$i" -gt 0 ] && sleep "$step"
    kill -0 "$gen_pid" 2>/dev/null || break
    samples+=("$(printf '%6.0fs %8.1f MiB' "$(calc "$i * $step")" \
      "$(calc "$(status_kib "$server_pid" VmRSS) / 1024")")")
  done
  wait "$gen_pid" || { cat "$work/soak.out"; echo "the soak had failed calls" >&2; exit 1; }
  rss_end=$(status_kib "$server_pid" VmRSS)
  machine_line
  printf 'soak         CheckText of the seed article, concurrency 64, %s s; load average %s\n' \
    "$soak" "$(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$work/soak.out"
  printf 'server RSS   %.1f MiB idle before the load\n' "$(calc "$rss_idle / 1024")"
  printf '             %s\n' "${samples[@]}"
  printf '             %.1f MiB at the end (VmHWM %.1f MiB)\n' \
    "$(calc "$rss_end / 1024")" "$(calc "$(status_kib "$server_pid" VmHWM) / 1024")"
  exit 0
fi

# --- Load ------------------------------------------------------------------
declare -A rps p50 p90 p99 pmax errors cpu_us
workloads="health check ingest"
rss_start=$(status_kib "$server_pid" VmRSS)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for c in $concurrencies; do
  for w in $workloads; do
    echo "$w at concurrency $c ..." >&2
    before=$(cpu_seconds "$server_pid")
    line=$("$generator" --server="$address" --workload="$w" --text_file="$article" \
      --concurrency="$c" --duration_seconds="$duration" --warmup_seconds="$warmup") || {
      echo "$line"; echo "the $w workload at concurrency $c had failed calls" >&2; exit 1; }
    after=$(cpu_seconds "$server_pid")
    k="$w,$c"
    rps[$k]=$(field "$line" rps); p50[$k]=$(field "$line" p50_us)
    p90[$k]=$(field "$line" p90_us); p99[$k]=$(field "$line" p99_us)
    pmax[$k]=$(field "$line" max_us); errors[$k]=$(field "$line" errors)
    # Server CPU over warm-up, window and drain, per call in the window: an
    # upper bound, and a figure that holds on a busy machine.
    cpu_us[$k]=$(calc "($after - $before) * 1000000 / ($(field "$line" requests) * ($duration + $warmup) / $duration)")
  done
  # The same health check from h2load, C with nghttp2: if it reaches no more
  # than the generator, the generator is not what limits the ceiling.
  if command -v h2load >/dev/null; then
    clients=$(( c < 4 ? c : 4 ))
    printf '\0\0\0\0\0' >"$work/health.frame"  # gRPC frame of an empty request.
    # h2load takes whole seconds.
    h2_duration=$(calc "scale=0; ($duration + 0.999) / 1")
    h2_warmup=()
    if [ "$(calc "$warmup > 0")" -eq 1 ]; then
      h2_warmup=(--warm-up-time="$(calc "scale=0; ($warmup + 0.999) / 1")")
    fi
    h=$(h2load -c "$clients" -m $(( c / clients )) -D "$h2_duration" "${h2_warmup[@]}" \
      -d "$work/health.frame" -H 'content-type: application/grpc' -H 'te: trailers' \
      "http://$address/grpc.health.v1.Health/Check" 2>&1) || true
    rps["h2load,$c"]=$(echo "$h" | sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p')
    failed=$(echo "$h" | sed -n 's/^requests: .* \([0-9]*\) failed.*/\1/p')
    errors["h2load,$c"]=${failed:-?}
    p50["h2load,$c"]=$(echo "$h" | awk '/^time for request:/ { print $6 }')
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
rss_end=$(status_kib "$server_pid" VmRSS)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo "RocksDB-only baseline ..." >&2
baseline=$("$baseline_bin" --duration_seconds="$duration" --warmup_seconds=1 --work_dir="$work/baseline")
echo "engine benchmark ..." >&2
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
"${pin[@]}" "$engine_bin" --benchmark_min_time="$engine_time" \
  --benchmark_format=console --benchmark_out_format=json \
  --benchmark_out="$work/engine.json" >"$work/engine.txt" 2>/dev/null
engine_table=$(cat "$work/engine.txt")

# --- Report ----------------------------------------------------------------
echo
machine_line
printf 'load average %s before, %s after (1/5/15 min; other work on the machine slows every figure)\n' \
  "$load_before" "$load_after"
printf 'server       one process, fresh data directory, %s reference events; %s s per run after %s s warm-up\n' \
  "$(wc -l <"$root/data/events.jsonl")" "$duration" "$warmup"
printf 'server RSS   %.1f MiB before the load, %.1f MiB after\n\n' \
  "$(calc "$rss_start / 1024")" "$(calc "$rss_end / 1024")"
# The ratio to h2load's health check is the conservative one: h2load spends
# about half the client CPU per call that the generator does, so on two
# shared cores it gets nearer the transport's ceiling.
ratio_h2() {
  if [ -n "${rps[h2load,$2]:-}" ]; then printf '%9.3f' "$(calc "$1 / ${rps[h2load,$2]}")"; else printf '%9s' -; fi
}
printf '%-11s | %-8s | %9s | %8s | %8s | %8s | %9s | %6s | %12s | %9s | %9s\n' \
  concurrency workload "req/s" "p50 µs" "p90 µs" "p99 µs" "max µs" errors "srv CPU/req" "÷ health" "÷ h2load"
for c in $concurrencies; do
  for w in $workloads; do
    k="$w,$c"
    printf '%-11s | %-8s | %9.0f | %8.0f | %8.0f | %8.0f | %9.0f | %6s | %9.0f µs | %9.3f | %s\n' \
      "$c" "$w" "${rps[$k]}" "${p50[$k]}" "${p90[$k]}" "${p99[$k]}" "${pmax[$k]}" \
      "${errors[$k]}" "${cpu_us[$k]}" "$(calc "${rps[$k]} / ${rps[health,$c]}")" \
      "$(ratio_h2 "${rps[$k]}" "$c")"
  done
  if [ -n "${rps[h2load,$c]:-}" ]; then
    printf '%-11s | %-8s | %9.0f | %8s | %8s | %8s | %9s | %6s | %12s | %9.3f | %9.3f\n' \
      "$c" "h2load" "${rps[h2load,$c]}" "${p50[h2load,$c]:-}" "" "" "" \
      "${errors[h2load,$c]}" "" "$(calc "${rps[h2load,$c]} / ${rps[health,$c]}")" 1
  fi
done
echo "(h2load: the health check from h2load (nghttp2) at the same concurrency; its p50 column is its mean."
echo " ÷ health: rate over the generator's health check; ÷ h2load: over h2load's)"

base_rps=$(field "$baseline" batches_per_s)
printf '\nRocksDB-only %s\n' "$baseline"
for c in $concurrencies; do
  printf 'ingest / RocksDB baseline at concurrency %-3s %.3f (%.0f / %.0f batches/s)\n' \
    "$c" "$(calc "${rps[ingest,$c]} / $base_rps")" "${rps[ingest,$c]}" "$base_rps"
done

printf '\nengine, one thread pinned to one core:\n%s\n' "$engine_table"
check_rate=$(python3 -c '
import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b["name"] == "BM_CheckSeedArticle":
        print("%.1f %.1f %.1f" % (b["items_per_second"], b["bytes_per_second"] / 1e6, b["claims_per_second"]))
' "$work/engine.json")
read -r checks_per_s engine_mb_per_s claims_per_s <<<"$check_rate"
printf 'engine: %.0f seed-article checks/s, %.1f MB/s, %.0f claims/s\n' \
  "$checks_per_s" "$engine_mb_per_s" "$claims_per_s"

# --- Targets ---------------------------------------------------------------
verdict() {  # name, value, comparison (ge|le), target, unit
  local ok
  if [ "$3" = ge ]; then ok=$(calc "$2 >= $4"); else ok=$(calc "$2 <= $4"); fi
  if [ "$ok" -eq 1 ]; then
    printf 'met    %-44s %s %s (target %s %s)\n' "$1" "$2" "$5" "$([ "$3" = ge ] && echo '>=' || echo '<=')" "$4"
  else
    printf 'short  %-44s %s %s (target %s %s; %.0f%% of it)\n' "$1" "$2" "$5" \
      "$([ "$3" = ge ] && echo '>=' || echo '<=')" "$4" \
      "$([ "$3" = ge ] && calc "100 * $2 / $4" || calc "100 * $4 / $2")"
  fi
}
echo
echo "targets:"
has_c() { [[ " $concurrencies " == *" $1 "* ]]; }
if has_c 16; then
  # Against the higher of the two health checks (h2load's, when it ran).
  ceiling=${rps[health,16]}; by="the generator's"
  if [ -n "${rps[h2load,16]:-}" ] && [ "$(calc "${rps[h2load,16]} > $ceiling")" -eq 1 ]; then
    ceiling=${rps[h2load,16]}; by="h2load's"
  fi
  verdict "CheckText / health at concurrency 16" "$(printf '%.3f' "$(calc "${rps[check,16]} / $ceiling")")" ge 0.3 "(over $by health check)"
fi
if has_c 64; then
  verdict "CheckText p99 at concurrency 64" "$(printf '%.2f' "$(calc "${p99[check,64]} / 1000")")" le 5 ms
fi
best_ingest=0
for c in $concurrencies; do
  if [ "$(calc "${rps[ingest,$c]} > $best_ingest")" -eq 1 ]; then best_ingest=${rps[ingest,$c]}; fi
done
verdict "IngestSource / RocksDB baseline (best c)" "$(printf '%.3f' "$(calc "$best_ingest / $base_rps")")" ge 0.5 ""
verdict "engine seed-article checks/s, one core" "$(printf '%.0f' "$checks_per_s")" ge 30000 ""
