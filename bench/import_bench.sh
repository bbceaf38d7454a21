#!/usr/bin/env bash
# Import benchmark: generates a synthetic Wikidata dump of N events
# (bench/gen_wikidata.py), starts factcheck-server on a fresh data directory
# on a free loopback port, imports the dump with the CLI, and reports the
# import's wall time and events/s, the server's peak RSS (VmHWM) and its
# RSS with the events loaded (VmRSS after the import); imports the file a
# second time (nothing changes); then restarts the server on the same
# directory to report the RSS of a server that starts with the events.
#
# usage: bench/import_bench.sh [--count N] [--gzip] [--build DIR] [--keep]
#   --count N    events (default 1000000)
#   --gzip       import a .gz copy (decompression on the server)
#   --build DIR  where factcheck-server and factcheck are built (default
#                build; build them first, e.g. scripts/build.sh)
#   --keep       keep the work directory (the dump is reused if present)
set -euo pipefail

count=1000000
gzip_flag=""
build=build
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --gzip) gzip_flag="--gzip"; shift ;;
    --build) build="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/process_stats.sh
. "$root/bench/process_stats.sh"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
server_bin="$build/server/factcheck-server"
cli_bin="$build/client/factcheck"
require_executables "$server_bin" "$cli_bin"

work="${TMPDIR:-/tmp}/factcheck-import-bench"
mkdir -p "$work"
dump="$work/wikidata-$count.json${gzip_flag:+.gz}"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "$keep" -eq 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [ ! -s "$dump" ]; then
  echo "generating $count events into $dump ..." >&2
  python3 "$root/bench/gen_wikidata.py" --count "$count" $gzip_flag "$dump"
fi
bytes=$(stat -L -c %s "$dump")

# Starts the server on the data directory; sets server_pid and address.
start_server() {
  local log="$work/server.log"
  # Emptied here, not by the child's redirection, which may come after the
  # first look below and leave a previous run's address to be read.
  : >"$log"
  "$server_bin" --listen=127.0.0.1:0 --http_listen= --data_dir="$work/data" \
    --max_import_bytes=$((1 << 40)) >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    address=$(grep -o 'listening on 127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/^listening on //' || true)
    [ -n "$address" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "the server did not start" >&2; cat "$log" >&2; exit 1
}
stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

rm -rf "$work/data"
start_server
rss_empty=$(status_kib "$server_pid" VmRSS)
cpu_before=$(cpu_seconds "$server_pid")
start=$(date +%s.%N)
"$cli_bin" --server="$address" events import "$dump" >"$work/import.out"
end=$(date +%s.%N)
cpu_import=$(echo "$(cpu_seconds "$server_pid") - $cpu_before" | bc -l)
peak=$(status_kib "$server_pid" VmHWM)
rss_loaded=$(status_kib "$server_pid" VmRSS)
# The same file again: everything is compared and nothing written.
again_start=$(date +%s.%N)
"$cli_bin" --server="$address" events import "$dump" >"$work/reimport.out"
again_end=$(date +%s.%N)
stop_server

# A server that starts on the directory and loads the events from disk.
restart_begin=$(date +%s.%N)
start_server
restart_end=$(date +%s.%N)
rss_restarted=$(status_kib "$server_pid" VmRSS)
peak_restarted=$(status_kib "$server_pid" VmHWM)
stop_server

seconds=$(echo "$end - $start" | bc -l)
printf 'machine        %s, %s cores, %s\n' \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" \
  "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
printf 'file           %s (%d events, %.1f MiB)\n' "$(basename "$dump")" \
  "$count" "$(echo "$bytes / 1048576" | bc -l)"
printf 'result         %s\n' "$(head -1 "$work/import.out")"
printf 'import         %.2f s wall (CLI), %.0f events/s, %.1f MiB/s\n' \
  "$seconds" "$(echo "$count / $seconds" | bc -l)" \
  "$(echo "$bytes / 1048576 / $seconds" | bc -l)"
printf 'server CPU     %.1f s user+system for the import (%.0f events per CPU second)\n' \
  "$cpu_import" "$(echo "$count / $cpu_import" | bc -l)"
printf 'load average   %s (other work on the machine slows the wall time)\n' \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
again=$(echo "$again_end - $again_start" | bc -l)
printf 're-import      %.2f s wall, %.0f events/s (%s)\n' "$again" \
  "$(echo "$count / $again" | bc -l)" "$(head -1 "$work/reimport.out")"
printf 'server RSS     %.0f MiB empty, %.0f MiB peak during the import, %.0f MiB after it\n' \
  "$(echo "$rss_empty / 1024" | bc -l)" "$(echo "$peak / 1024" | bc -l)" \
  "$(echo "$rss_loaded / 1024" | bc -l)"
printf 'restart        %.1f s to serve with the events loaded, %.0f MiB RSS (%.0f MiB peak)\n' \
  "$(echo "$restart_end - $restart_begin" | bc -l)" \
  "$(echo "$rss_restarted / 1024" | bc -l)" "$(echo "$peak_restarted / 1024" | bc -l)"
