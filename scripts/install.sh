#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: npm packages, and the Debian
# packages the tests use. Fast when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--with-test-tools" ]; then
  for script in packages/*/scripts/ci-deps.sh apps/*/scripts/ci-deps.sh; do
    [ -f "$script" ] && bash "$script"
  done
fi
