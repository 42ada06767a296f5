#!/usr/bin/env bash
# The README's test command (`npm test`): build, type-check, lint, then the test tiers, each writing its
# own jest JSON to build/results and printing one summary line:
#   fast        unit + in-process workflow tests                        -> fast.json
#   e2e-1       every e2e file against n8n 1.123.81 on this Node        -> e2e-1.json
#   e2e-2       every e2e file against n8n 2.41.1 on Node 24            -> e2e-2.json   (N8N_E2E_MAJOR=2)
#   queue-1/2   queue mode (Redis + main + worker + webhook processor)  -> queue-1.json, queue-2.json
# The queue test runs on both majors: it starts one stack (~40 s each on a 2-core machine), far less
# than an e2e tier (~3 min each), and queue mode is where 1.x and 2.x differ most (publication outbox,
# task brokers per process). E2E files run one at a time (--runInBand): each starts its own n8n.
# Ends with one line "N passed, N failed" summing every tier.
set -uo pipefail
cd "$(dirname "$0")/.."
export N8N_LOG_LEVEL=${N8N_LOG_LEVEL:-silent}

fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

npm run build >/dev/null || fail "build failed (npm run build)"
npx tsc -p tsconfig.dev.json >/dev/null || { npx tsc -p tsconfig.dev.json | head -50; fail "type check failed"; }
npx n8n-node lint || fail "n8n strict lint failed"
npx eslint -c eslint.dev.config.mjs . || fail "dev tooling lint failed"

mkdir -p build/results
rm -f build/results/{fast,e2e,e2e-1,e2e-2,queue-1,queue-2}.json
# Install (or reuse) both pinned n8n versions before any tier starts its clock (cold: ~5 min each).
bash scripts/install-n8n.sh 1 >/dev/null || fail "could not install n8n 1.123.81 for the e2e tests"
bash scripts/install-n8n.sh 2 >/dev/null || fail "could not install n8n 2.41.1 (Node 24) for the e2e tests"
# Queue mode needs a Redis server binary (the lab starts its own on a free port); .ci/run installs it.
command -v redis-server >/dev/null || fail "queue mode needs redis-server (apt-get install -y redis-server)"

status=0
summaries=()
# tier NAME FILE -- jest arguments...: runs one tier, records its exit status and a summary line.
tier() {
  local name=$1 file=build/results/$2.json
  shift 3
  local start=$SECONDS
  npx jest --ci "$@" --json --outputFile="$file" || status=1
  summaries+=("$(node -e '
    const [name, file, secs] = process.argv.slice(1);
    let line;
    try {
      const r = require(require("path").resolve(file));
      line = `${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed`;
    } catch { line = "no results"; }
    console.log(`tier ${name.padEnd(8)} ${line} (${secs} s)`);
  ' "$name" "$file" $((SECONDS - start)))")
}

tier fast fast -- --selectProjects unit workflow
N8N_E2E_MAJOR=1 tier e2e-1 e2e-1 -- --selectProjects e2e --runInBand
N8N_E2E_MAJOR=2 tier e2e-2 e2e-2 -- --selectProjects e2e --runInBand
N8N_E2E_MAJOR=1 tier queue-1 queue-1 -- --selectProjects queue --runInBand
N8N_E2E_MAJOR=2 tier queue-2 queue-2 -- --selectProjects queue --runInBand

printf '%s\n' "${summaries[@]}"
node -e '
const files = ["fast", "e2e-1", "e2e-2", "queue-1", "queue-2"].map((t) => `build/results/${t}.json`);
let passed = 0, failed = 0;
for (const f of files) {
  try { const r = require("./" + f); passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; }
  catch { failed += 1; console.error("missing results: " + f); }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
' || exit 1
[ $status -eq 0 ]
