#!/usr/bin/env bash
# The engine benchmark (npm run bench): starts a throwaway PostgreSQL 15 cluster with the
# default durability settings (fsync on, synchronous_commit on), runs bench/engine, stops it.
# Installs nothing heavy: PostgreSQL 15 only if missing (scripts/pg-cluster.sh), npm deps only
# if node_modules is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules/@gongwen/bench ]; then npm install --no-audit --no-fund; fi
source scripts/pg-cluster.sh
trap pg_cluster_stop EXIT
pg_cluster_start

npx tsx bench/engine/run.ts "$@"

# The electronic seal: seals and verifications per second beside openssl (bench/seal).
if [ -z "${BENCH_ONLY:-}" ] || [[ ",${BENCH_ONLY}," == *",seal,"* ]]; then
  bash packages/seal/scripts/ci-deps.sh
  npx tsx bench/seal/seal.bench.ts
fi
