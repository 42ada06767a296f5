#!/usr/bin/env bash
# The README's test command (`npm test`): build, type-check, lint, then the three test tiers.
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
# Install (or reuse) the pinned real n8n before the e2e tier starts its clock.
bash scripts/install-n8n.sh 1 >/dev/null || fail "could not install n8n 1.123.81 for the e2e tests"

npx jest --ci --selectProjects unit workflow --json --outputFile=build/results/fast.json
fast=$?
npx jest --ci --selectProjects e2e --runInBand --json --outputFile=build/results/e2e.json
e2e=$?

node -e '
const files = ["build/results/fast.json", "build/results/e2e.json"];
let passed = 0, failed = 0;
for (const f of files) {
  try { const r = require("./" + f); passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; }
  catch { failed += 1; console.error("missing results: " + f); }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
' || exit 1
[ $fast -eq 0 ] && [ $e2e -eq 0 ]
