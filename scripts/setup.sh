#!/usr/bin/env bash
# Set up kg on a fresh Debian machine: the Python virtualenv with kg and its
# dependencies, and (with --all) what the full test suite needs: Debian's
# chromium for the viewer tests. Neo4j Community is fetched through Maven by
# scripts/neo4j-local on its first start (scripts/test.sh does that).
#
#   bash scripts/setup.sh          # .venv with kg (enough for kg extract/build)
#   bash scripts/setup.sh --all    # plus test tools and chromium
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
ALL=0
[ "${1:-}" = "--all" ] && ALL=1

say() { printf 'setup: %s\n' "$*" >&2; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >&2
if [ "$ALL" = 1 ]; then
  say "installing kg with test and dask extras"
  .venv/bin/python -m pip install -q -e '.[test,dask]' >&2
else
  say "installing kg"
  .venv/bin/python -m pip install -q -e . >&2
fi
# an editable install leaves kg's modules to be byte-compiled at import, which
# PYTHONDONTWRITEBYTECODE forbids: every start would compile them again (0.1 s)
say "byte-compiling kg"
.venv/bin/python -m compileall -q kg >&2

if [ "$ALL" = 1 ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    say "installing Debian's chromium and CJK fonts"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium fonts-noto-cjk >&2
  fi
fi
say "done"
