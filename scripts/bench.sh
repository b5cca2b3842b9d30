#!/usr/bin/env bash
# The benchmarks (npm run bench): starts a throwaway PostgreSQL 15 cluster with the default
# durability settings (fsync on, synchronous_commit on), runs bench/engine, bench/seal and
# bench/intranet, stops it. BENCH_ONLY=transitions,inbox,timers,seal,intranet runs some.
# Installs nothing heavy: PostgreSQL 15 only if missing (scripts/pg-cluster.sh), npm deps only
# if node_modules is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules/@gongwen/bench ]; then npm install --no-audit --no-fund; fi
source scripts/pg-cluster.sh
trap pg_cluster_stop EXIT
pg_cluster_start

wants() { [ -z "${BENCH_ONLY:-}" ] || [[ ",${BENCH_ONLY}," == *",$1,"* ]]; }

if wants transitions || wants inbox || wants timers; then
  npx tsx bench/engine/run.ts "$@"
fi

# The electronic seal: seals and verifications per second beside openssl (bench/seal).
if wants seal; then
  bash packages/seal/scripts/ci-deps.sh
  npx tsx bench/seal/seal.bench.ts
fi

# The intranet: 待办 and case pages over HTTP against the production build (bench/intranet).
if wants intranet; then
  npx tsx bench/intranet/run.ts
fi
