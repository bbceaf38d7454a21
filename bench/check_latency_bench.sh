#!/usr/bin/env bash
# Check latency benchmark (issue 4): CheckText latency of the seed article
# (tests/data/seed-article.txt) with 1,000 and with 1,000,000 synthetic
# events loaded, and the ratio of the two (target: <= 1.5 on p50 and mean).
#
# For each N: generates (once; cached) a synthetic Wikidata dump of N events
# with plausible multi-word names (bench/gen_wikidata.py --names=plausible),
# starts factcheck-server on a fresh data directory on a free loopback port
# with the bundled reference events (data/events.jsonl, so the seed
# article's events are there), imports the dump with the CLI, reports the
# server's RSS (VmRSS) and peak RSS (VmHWM), and sends the article
# --requests times after --warmup unmeasured ones, one at a time, from one
# client process (bench/check_latency_client.cc), which fails unless every
# response has exactly one contradicted finding and the same findings.
#
# usage: bench/check_latency_bench.sh [--counts "1000 1000000"]
#          [--requests N] [--warmup N] [--build DIR] [--no-build]
#   --counts     event counts; the ratio is last / first (default 1000 1000000)
#   --requests   measured requests per count (default 2000)
#   --warmup     unmeasured requests first (default 200)
#   --build DIR  build directory (default build, as scripts/build.sh and
#                bench/import_bench.sh use)
#   --no-build   use the binaries already in DIR
# The dumps are kept in $FACTCHECK_BENCH_DIR (default
# ${TMPDIR:-/tmp}/factcheck-check-latency-bench), about 2.6 GB for 1M events.
# Exits 0 when the ratio passes, 1 when it fails, 2 on an error.
set -euo pipefail

counts="1000 1000000"
requests=2000
warmup=200
build=build
do_build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --counts) counts="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --no-build) do_build=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/process_stats.sh
. "$root/bench/process_stats.sh"
cd "$root"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
if [ "$do_build" -eq 1 ]; then
  build_targets "$build" factcheck_server factcheck \
    factcheck_check_latency_client
fi
server_bin="$build/server/factcheck-server"
cli_bin="$build/client/factcheck"
client_bin="$build/bench/factcheck_check_latency_client"
require_executables "$server_bin" "$cli_bin" "$client_bin"
build_type=$(build_type_of "$build")
article="$root/tests/data/seed-article.txt"

work="${FACTCHECK_BENCH_DIR:-${TMPDIR:-/tmp}/factcheck-check-latency-bench}"
mkdir -p "$work"
declare -A server_pid address p50 p90 p99 mean rps rss hwm findings import_s cpu_us cpu_before
cleanup() {
  local n
  for n in "${!server_pid[@]}"; do
    kill "${server_pid[$n]}" 2>/dev/null || true
    wait "${server_pid[$n]}" 2>/dev/null || true
  done
  rm -rf "$work"/data-*
}
trap cleanup EXIT

mib() { echo "$1 / 1024" | bc -l; }

# Starts a server for count $1 on a fresh data directory with the bundled
# events; sets server_pid[$1] and address[$1].
start_server() {
  local n="$1" log="$work/server-$1.log" a=""
  rm -rf "$work/data-$n"
  : >"$log"
  "$server_bin" --listen=127.0.0.1:0 --http_listen= --data_dir="$work/data-$n" \
    --reference_file="$root/data/events.jsonl" \
    --max_import_bytes=$((1 << 40)) >"$log" 2>&1 &
  server_pid[$n]=$!
  for _ in $(seq 1 300); do
    a=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/^listening on //' || true)
    if [ -n "$a" ]; then address[$n]=$a; return 0; fi
    kill -0 "${server_pid[$n]}" 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.1
  done
  echo "the server did not start" >&2; cat "$log" >&2; exit 2
}

# Load: one server per count, each with its events, all kept running.
for n in $counts; do
  dump="$work/wikidata-plausible-$n.json"
  if [ ! -s "$dump" ]; then
    echo "generating $n events into $dump ..." >&2
    python3 "$root/bench/gen_wikidata.py" --count "$n" --names plausible "$dump.tmp"
    mv "$dump.tmp" "$dump"
  fi
  start_server "$n"
  echo "N=$n: server at ${address[$n]} (pid ${server_pid[$n]}), importing ..." >&2
  t0=$(date +%s.%N)
  "$cli_bin" --server="${address[$n]}" --timeout=3600 events import "$dump" >"$work/import-$n.out"
  import_s[$n]=$(echo "$(date +%s.%N) - $t0" | bc -l)
  echo "  $(head -1 "$work/import-$n.out")" >&2
  rss[$n]=$(status_kib "${server_pid[$n]}" VmRSS)
  hwm[$n]=$(status_kib "${server_pid[$n]}" VmHWM)
done

# Measure: one client process sends the requests to the servers in turn, so
# that other work on the machine slows them alike.
addresses=$(for n in $counts; do printf '%s,' "${address[$n]}"; done)
echo "measuring $requests requests to each server after $warmup warm-up, alternating ..." >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for n in $counts; do cpu_before[$n]=$(cpu_seconds "${server_pid[$n]}"); done
out=$("$client_bin" --server="${addresses%,}" --text_file="$article" \
  --requests="$requests" --warmup="$warmup" --expect_contradicted=1) || {
  echo "the latency client failed" >&2; exit 2; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$out" >&2
for n in $counts; do
  line=$(echo "$out" | grep "^server=${address[$n]} ")
  cpu_us[$n]=$(echo "($(cpu_seconds "${server_pid[$n]}") - ${cpu_before[$n]}) * 1000000 / ($requests + $warmup)" | bc -l)
  p50[$n]=$(field "$line" p50_us); p90[$n]=$(field "$line" p90_us)
  p99[$n]=$(field "$line" p99_us); mean[$n]=$(field "$line" mean_us)
  rps[$n]=$(field "$line" rps); findings[$n]=$(field "$line" findings)
done

set -- $counts
first=$1
last=${!#}
printf '\nmachine        %s, %s cores, %s; build %s (%s)\n' \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
  "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)" \
  "$build" "${build_type:-?}"
printf 'load average   %s before the measurement, %s after (1/5/15 min)\n' \
  "$load_before" "$load_after"
printf 'text           %s (body after the date header), %d requests to each server after %d warm-up, alternating, from one client process\n' \
  "${article#"$root"/}" "$requests" "$warmup"
printf '\n%-15s | %7s | %7s | %7s | %7s | %6s | %-14s | %11s | %7s | %7s | %8s\n' \
  "events loaded" "p50 µs" "p90 µs" "p99 µs" "mean µs" "req/s" "ratio p50/mean" \
  "server CPU" "RSS MiB" "HWM MiB" "import s"
for n in $counts; do
  ratio="-"
  if [ "$n" != "$first" ]; then
    ratio=$(printf '%.2f / %.2f' "$(echo "${p50[$n]} / ${p50[$first]}" | bc -l)" \
      "$(echo "${mean[$n]} / ${mean[$first]}" | bc -l)")
  fi
  printf '%-15s | %7.0f | %7.0f | %7.0f | %7.0f | %6.0f | %-14s | %6.0f µs/r | %7.0f | %7.0f | %8.1f\n' \
    "$(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') + 300" "${p50[$n]}" "${p90[$n]}" \
    "${p99[$n]}" "${mean[$n]}" "${rps[$n]}" "$ratio" "${cpu_us[$n]}" "$(mib "${rss[$n]}")" \
    "$(mib "${hwm[$n]}")" "${import_s[$n]}"
done
if [ "${findings[$first]}" != "${findings[$last]}" ]; then
  echo "note: the article has ${findings[$first]} findings with $first events, ${findings[$last]} with $last" >&2
fi
r50=$(echo "${p50[$last]} / ${p50[$first]}" | bc -l)
rmean=$(echo "${mean[$last]} / ${mean[$first]}" | bc -l)
printf '\n(+ 300: the bundled reference events; every response had 1 contradicted finding, %s findings)\n' "${findings[$last]}"
printf 'server CPU per request %s/%s events: %.2f (not the criterion; holds up better than wall time on a busy machine)\n' \
  "$last" "$first" "$(echo "${cpu_us[$last]} / ${cpu_us[$first]}" | bc -l)"
if [ "$(echo "$r50 <= 1.5 && $rmean <= 1.5" | bc -l)" -eq 1 ]; then
  printf 'PASS: latency ratio %s/%s events %.2f (p50), %.2f (mean) <= 1.5\n' "$last" "$first" "$r50" "$rmean"
else
  printf 'FAIL: latency ratio %s/%s events %.2f (p50), %.2f (mean), target <= 1.5\n' "$last" "$first" "$r50" "$rmean"
  exit 1
fi
