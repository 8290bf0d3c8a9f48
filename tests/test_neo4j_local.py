"""scripts/neo4j-local: the password of a first start is never on a command line (`ps` shows it to every user)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from kg.store.sparql_engine import free_port
from real_parts import ROOT, missing

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]



def _command_lines() -> list[str]:
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                out.append(open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode("utf-8", "replace"))
            except OSError:
                continue
    return out


def test_a_first_start_keeps_the_password_off_every_command_line(tmp_path):
    if not shutil.which("mvn") or not shutil.which("java"):
        missing("Maven and Java are needed to install and start Neo4j")
    env = os.environ | {"KG_NEO4J_CACHE": str(tmp_path / "cache"), "NEO4J_BOLT_PORT": str(free_port())}
    proc = subprocess.Popen([str(ROOT / "scripts" / "neo4j-local"), "start"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    seen: list[str] = []
    try:
        while proc.poll() is None:
            seen += [c for c in _command_lines() if "neo4j" in c.lower()]
            time.sleep(0.05)
        line = proc.stdout.read()
        assert proc.returncode == 0 and "NEO4J_PASSWORD=" in line
        password = line.rsplit("NEO4J_PASSWORD=", 1)[1].strip().strip("'")
        assert len(password) >= 16 and any("set-initial-password @" in c for c in seen)
        assert not [c for c in seen if password in c]
        assert oct(next((tmp_path / "cache").glob("*/password")).stat().st_mode)[-3:] == "600"
    finally:
        subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "stop"], env=env, capture_output=True, timeout=120)
