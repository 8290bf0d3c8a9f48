#!/usr/bin/env bash
# Set up everything the tests need, start a real Neo4j, run the whole suite.
#   bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --all
eval "$(scripts/neo4j-local start)"
trap 'scripts/neo4j-local stop >&2 || true' EXIT
mkdir -p test-output
.venv/bin/python -m pytest -q "$@"
