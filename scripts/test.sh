#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, starts a throwaway
# PostgreSQL 15 cluster, runs every package's tests through turbo, and cleans up.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install.sh --with-test-tools
source scripts/pg-cluster.sh
trap pg_cluster_stop EXIT
pg_cluster_start fsync=off synchronous_commit=off full_page_writes=off

npx turbo run test --concurrency=2 --output-logs=full "$@"
npx biome check .
