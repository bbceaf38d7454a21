#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs factcheck-server on
# localhost:50051 with its data under var/data. On the first start of an
# empty data directory the bundled reference events (data/events.jsonl) are
# loaded. Extra arguments are passed to the server (e.g. --listen=...).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh factcheck_server factcheck >/dev/null
exec build/server/factcheck-server \
  --listen=localhost:50051 \
  --data_dir=var/data \
  --reference_file=data/events.jsonl \
  "$@"
