#!/usr/bin/env bash
# Set up everything the tests need, start a real Neo4j, run the whole suite.
#   bash scripts/test.sh [pytest args]
#
# The test run has a Neo4j of its own: its own home (KG_NEO4J_CACHE, default
# ~/.cache/kg/neo4j-test) and Bolt port (NEO4J_BOLT_PORT, default 17687), so a
# server the user runs with scripts/neo4j-local is neither reused nor stopped.
# If the server does not start, the run stops here (no test runs without it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --all
export KG_NEO4J_CACHE="${KG_NEO4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kg/neo4j-test}"
export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-17687}"
started=1
if scripts/neo4j-local status >/dev/null 2>&1; then
    started=0          # already running (an earlier test run that was not stopped): not ours to stop
fi
if ! env_line="$(scripts/neo4j-local start)"; then
    echo "test.sh: the test Neo4j did not start (home $KG_NEO4J_CACHE); not running the tests" >&2
    exit 1
fi
eval "$env_line"
if (( started )); then
    trap 'scripts/neo4j-local stop >&2 || true' EXIT
fi
mkdir -p test-output
.venv/bin/python -m pytest -q "$@"
