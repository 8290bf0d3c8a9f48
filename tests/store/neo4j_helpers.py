"""Running this checkout's `kg neo4j` in a child process (shared by the Neo4j tests)."""
from __future__ import annotations

import os
import subprocess
import sys

from real_parts import ROOT


def kg_command() -> list[str]:
    """The `kg neo4j` command of this checkout."""
    return [sys.executable, "-m", "kg", "neo4j"]


def kg_neo4j(neo4j_env, *args, env=None, timeout=120):
    full_env = os.environ | neo4j_env | (env or {}) | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([*kg_command(), *map(str, args)], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, timeout=timeout)
