#!/usr/bin/env bash
# The main job (npm run demo): installs what is missing, then starts the reference intranet
# on embedded PGlite (apps/intranet/.data) with demo data: builds on first start, loads the
# demo organisation and cases into an empty database, and serves http://localhost:${PORT:-3000}.
# The plain-Node SDK example stays available: npm run start --workspace @gongwen/example-basic
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
# LibreOffice and the CJK fonts turn 发文 into GB/T 9704 PDFs (preview, 盖章).
bash packages/documents/scripts/ci-deps.sh
exec bash apps/intranet/scripts/start.sh
