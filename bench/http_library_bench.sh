#!/usr/bin/env bash
# Compares the HTTP libraries Debian 12 offers for the server's HTTP port
# (cpp-httplib, civetweb, Boost.Beast) on the work that port does: a
# POST of the seed article's size answered with 3.5 KB of JSON, over
# keep-alive connections, with h2load (nghttp2-client) in HTTP/1.1 mode.
# Builds each server of bench/http_library/ with g++, then runs each
# ROUNDS times, interleaved so that a busy neighbour weighs on all alike,
# and prints requests/s, mean latency and the server's peak RSS per run.
#   bench/http_library_bench.sh [ROUNDS] [REQUESTS] [CONCURRENCY]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
requests="${2:-50000}"
concurrency="${3:-16}"
./scripts/install-deps.sh libcpp-httplib-dev libcivetweb-dev libboost-dev \
  nghttp2-client
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
flags=(-std=c++20 -O2 -I.)
g++ "${flags[@]}" bench/http_library/cpp_httplib_server.cc -o "$out/cpp_httplib" \
  $(pkg-config --cflags --libs cpp-httplib)
g++ "${flags[@]}" bench/http_library/civetweb_server.cc -o "$out/civetweb" -lcivetweb
g++ "${flags[@]}" bench/http_library/beast_server.cc -o "$out/beast" -pthread
head -c 2700 tests/data/seed-article.txt > "$out/body"
port=18480
for round in $(seq "$rounds"); do
  for server in cpp_httplib civetweb beast; do
    "$out/$server" "$port" & pid=$!
    for _ in $(seq 50); do
      curl -s -o /dev/null -X POST "http://127.0.0.1:$port/v1:checkText" && break
      sleep 0.1
    done
    result="$(h2load --h1 -n "$requests" -c "$concurrency" -d "$out/body" \
      -H 'content-type: application/json' \
      "http://127.0.0.1:$port/v1:checkText")"
    rps="$(awk '/^finished in/ {print $4}' <<<"$result")"
    mean="$(awk '/^time for request:/ {print $6}' <<<"$result")"
    failed="$(awk '/^requests:/ {print $10}' <<<"$result")"
    rss="$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")"
    printf '%-12s round %d: %10s req/s  mean %8s  failed %s  peak RSS %s\n' \
      "$server" "$round" "$rps" "$mean" "$failed" "$rss"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    port=$((port + 1))
  done
done
