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
# The intranet's browser tests (test:e2e) are the longest task and spend most of their time
# waiting on the server and Chromium: they start first and run beside the unit tests and the
# type checks (their output follows at the end). Arguments (e.g. --filter) go to one turbo run.
if [ $# -eq 0 ]; then
  e2e_log=$(mktemp)
  npm run test:e2e --workspace @gongwen/intranet >"$e2e_log" 2>&1 &
  e2e_pid=$!
  npx turbo run test typecheck --continue --concurrency=2 --output-logs=full 2>&1 |
    tee "$log" || status=$?
  wait "$e2e_pid" || status=$?
  sed 's/^/@gongwen\/intranet:test:e2e: /' "$e2e_log" | tee -a "$log"
  rm -f "$e2e_log"
else
  npx turbo run test test:e2e typecheck --continue --concurrency=3 --output-logs=full "$@" 2>&1 |
    tee "$log" || status=$?
fi
npx biome check . || status=$?
# No import circles in the packages and the intranet (dpdm; the same check as npm run lint).
npm run --silent lint:cycles || status=$?
# Every export of @gongwen/core has a TSDoc comment (TypeDoc's validation, nothing written).
# Packing, publint, attw and the tarballs installed outside the workspace are the turbo
# `test` task of tests/outsider.
npx typedoc --emit none --logLevel Warn || status=$?

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
