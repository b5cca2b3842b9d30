#!/usr/bin/env bash
# Starts the intranet: builds when there is no build or the sources changed since it, runs
# the first-start step (migrations; demo data or the first administrator on an empty
# database), then `next start` on $PORT (default 3000). Embedded PGlite in $GONGWEN_DATA_DIR
# (default apps/intranet/.data/pglite) unless DATABASE_URL names a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export NODE_ENV=production

stale() {
  [ ! -f .next/BUILD_ID ] && return 0
  [ -n "$(find src next.config.ts tsconfig.json tsconfig.build.json package.json ../../packages/*/src \
    -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]
}
if [ "${GONGWEN_SKIP_BUILD:-0}" != 1 ] && stale; then
  echo "[gongwen] 正在构建内网应用（首次约需数分钟）……"
  npx next build
fi

npx tsx scripts/first-start.ts
exec npx next start -p "${PORT:-3000}"
