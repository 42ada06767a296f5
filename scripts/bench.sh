#!/usr/bin/env bash
# `npm run bench`: build the pack (the real-n8n row loads dist/) and the dev tooling (build/), make
# sure the pinned n8n is installed, then run every benchmark and print one table (bench/README.md).
# Extra arguments go to the runner, e.g. `npm run bench -- --only calls,orgSync`.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
# A type error elsewhere in the dev tooling must not hide the figures: tsc still emits, and the
# error is shown.
npx tsc -p tsconfig.dev.json || echo "[bench] warning: tsc reported type errors (above); benchmarking the emitted build" >&2
bash scripts/install-n8n.sh 1 >/dev/null
exec node build/bench/main.cjs "$@"
