#!/usr/bin/env bash
# Installs the Debian 12 packages factcheck builds with, and only those that
# are missing, so that a second run costs a dpkg query and nothing more.
# (openssl makes the test CA: scripts/make-test-ca.sh, tests/e2e; python3
# and wordnet-base give the engine its word families: engine/events/make_lexicon.py;
# libcpp-httplib-dev is the server's HTTP port; curl is the HTTP client of
# the end-to-end tests of that port.)
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev librocksdb-dev libgtest-dev
  libsimdjson-dev zlib1g-dev libbz2-dev libcpp-httplib-dev
  libbenchmark-dev
  openssl curl
  python3 wordnet-base
)
# Extra packages for a caller's purpose (e.g. docker-compose, chromium and
# prometheus, for promtool, in scripts/test.sh; clang and
# libclang-rt-14-dev for scripts/fuzz.sh).
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "factcheck: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
