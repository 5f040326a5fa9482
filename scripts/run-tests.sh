#!/usr/bin/env bash
# The whole test suite: unit tests and the integration tests that run the bundled actions against the
# local stand-ins (brought up here if they are not running; `scripts/test-env.sh down` stops them).
# Prints jest's totals as one plain line, "N passed, N failed", and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
# The integration tests run dist/, as the runner does: build it from the sources under test.
npm run --silent package
scripts/test-env.sh up
eval "$(scripts/test-env.sh env)"

results=$(mktemp --suffix=.json)
status=0
# One process, files one after another: the integration tests share one engine, registry and moto.
node --experimental-vm-modules node_modules/jest/bin/jest.js --runInBand --json --outputFile="$results" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const skipped = r.numPendingTests + r.numTodoTests
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""))
  if (r.numRuntimeErrorTestSuites) console.log(`${r.numRuntimeErrorTestSuites} test files failed to run`)
' "$results" || echo "0 passed, 1 failed"
rm -f "$results"
exit "$status"
