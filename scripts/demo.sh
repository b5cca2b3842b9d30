#!/usr/bin/env bash
# The main job (npm run demo): installs what is missing, then runs the embedded example —
# the engine on PGlite in examples/basic/.data, a leave request passing through its steps.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec npm run start --workspace @gongwen/example-basic
