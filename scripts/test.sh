#!/usr/bin/env bash
# The README's test command (`npm test`): build, type-check, lint, then the test tiers, each writing its
# own jest JSON to build/results and printing one summary line:
#   fast        unit + in-process workflow tests                        -> fast.json
#   e2e-1       every e2e file against n8n 1.123.81 on this Node        -> e2e-1.json
#   e2e-2       every e2e file against n8n 2.41.1 on Node 24            -> e2e-2.json   (N8N_E2E_MAJOR=2)
#   queue-1/2   queue mode (Redis + main + worker + webhook processor)  -> queue-1.json, queue-2.json
#   browser-1/2 the n8n editor in headless Chromium on the demo setup   -> browser-1.json, browser-2.json
#               (screenshots in build/browser)
# The queue test runs on both majors: it starts one stack (~40 s each on a 2-core machine), far less
# than an e2e tier (~3 min each), and queue mode is where 1.x and 2.x differ most (publication outbox,
# task brokers per process). E2E files run one at a time (--runInBand): each starts its own n8n.
# Ends with one line "N passed, N failed" summing every tier's verdict.
set -uo pipefail
cd "$(dirname "$0")/.."
export N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-silent}

fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

npm run build >/dev/null || fail "build failed (npm run build)"
npx tsc -p tsconfig.dev.json >/dev/null || { npx tsc -p tsconfig.dev.json | head -50; fail "type check failed"; }
npx n8n-node lint || fail "n8n strict lint failed"
npx eslint -c eslint.dev.config.mjs . || fail "dev tooling lint failed"

mkdir -p build/results
rm -f build/results/{fast,e2e,e2e-1,e2e-2,queue-1,queue-2,browser-1,browser-2}{,.verdict}.json
# Install (or reuse) both pinned n8n versions before any tier starts its clock (cold: ~5 min each).
bash scripts/install-n8n.sh 1 >/dev/null || fail "could not install n8n 1.123.81 for the e2e tests"
bash scripts/install-n8n.sh 2 >/dev/null || fail "could not install n8n 2.41.1 (Node 24) for the e2e tests"
# Queue mode needs a Redis server binary (the lab starts its own on a free port); .ci/run installs it.
command -v redis-server >/dev/null || fail "queue mode needs redis-server (apt-get install -y redis-server)"
# The browser tier drives Debian's Chromium (CHROMIUM_PATH overrides); .ci/run installs it.
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || fail "the browser tier needs Chromium (apt-get install -y chromium)"

status=0
summaries=()
# tier NAME FILE -- jest arguments...: runs one tier in its own temporary directory and records its
# verdict (scripts/tier-verdict.cts): it fails when it ran no test, skipped one without a stated
# reason, kept jest from exiting (a leaked handle) or left a temporary test folder behind.
tier() {
  local name=$1 file=build/results/$2.json log=build/results/$2.log tmp=$PWD/build/tmp/$2
  shift 3
  local start=$SECONDS
  rm -rf "$tmp" && mkdir -p "$tmp"
  # jest itself (not npx), so that the pid below is jest's; its cache stays out of the tier's TMPDIR.
  TMPDIR=$tmp node_modules/.bin/jest --ci --cacheDirectory=build/jest-cache "$@" --json \
    --outputFile="$file" 2> >(tee "$log" >&2) &
  local pid=$! grace=0
  # Jest writes its report when the last test ends; still running 60 s later, it is held open.
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ -s "$file" ] && [ $((grace += 1)) -gt 60 ]; then
      echo "Jest did not exit one second after the test run: stopped 60 s after its report" >>"$log"
      kill "$pid"
    fi
  done
  wait "$pid" || status=1
  summaries+=("$(node build/scripts/tier-verdict.cjs tier "$name" "$file" $((SECONDS - start)) "$log" "$tmp")") || status=1
}

tier fast fast -- --selectProjects unit workflow
N8N_E2E_MAJOR=1 tier e2e-1 e2e-1 -- --selectProjects e2e --runInBand
N8N_E2E_MAJOR=2 tier e2e-2 e2e-2 -- --selectProjects e2e --runInBand
N8N_E2E_MAJOR=1 tier queue-1 queue-1 -- --selectProjects queue --runInBand
N8N_E2E_MAJOR=2 tier queue-2 queue-2 -- --selectProjects queue --runInBand
N8N_E2E_MAJOR=1 tier browser-1 browser-1 -- --selectProjects browser --runInBand
N8N_E2E_MAJOR=2 tier browser-2 browser-2 -- --selectProjects browser --runInBand

printf '%s\n' "${summaries[@]}"
node build/scripts/tier-verdict.cjs total build/results/{fast,e2e-1,e2e-2,queue-1,queue-2,browser-1,browser-2}.json || exit 1
[ $status -eq 0 ]
