#!/usr/bin/env bash
# The one test command (npm test): installs what is missing, starts a throwaway
# PostgreSQL 15 cluster, runs every package's tests through turbo, lints, and cleans up.
set -euo pipefail
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
cd "$(dirname "$0")/.."

bash scripts/install.sh --with-test-tools
source scripts/pg-cluster.sh
log=$(mktemp)
trap 'pg_cluster_stop; rm -f "$log"' EXIT
pg_cluster_start fsync=off synchronous_commit=off full_page_writes=off

status=0
# The browser tests (test:e2e) spend most of their time waiting on the server and Chromium,
# so they run beside the unit tests and the type checks rather than after them.
npx turbo run test test:e2e typecheck --continue --concurrency=3 --output-logs=full "$@" 2>&1 |
  tee "$log" || status=$?
npx biome check . || status=$?

# One closing line over all packages, summed from each vitest run's "Tests" line.
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /Tests +[0-9]/ {
    for (i = 1; i <= NF; i++) {
      if ($(i + 1) ~ /^passed/) passed += $i
      if ($(i + 1) ~ /^failed/) failed += $i
    }
  }
  END { printf "tests: %d passed, %d failed\n", passed, failed }'
exit "$status"
