#!/usr/bin/env bash
# The README's demo command (`npm run demo`): build the pack and the dev tooling, then start the
# sandbox and a real n8n with the pack and the example workflows.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
npx tsc -p tsconfig.dev.json
bash scripts/install-n8n.sh 1 >/dev/null
exec node build/scripts/demo.cjs
