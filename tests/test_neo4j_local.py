"""scripts/neo4j-local: the password of a first start is never on a command line (`ps` shows it to every user)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from kg.store.sparql_engine import free_port
from real_parts import ROOT, chromium, missing

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


def _home_of_the_test_server() -> Path:
    home = Path(os.environ.get("NEO4J_HOME") or "")
    if not (home / "bin" / "cypher-shell").exists():
        missing("NEO4J_HOME of a scripts/neo4j-local server is not set (scripts/test.sh sets it)")
    return home


def test_cypher_shell_runs_against_the_server_with_the_variables_start_prints():
    home = _home_of_the_test_server()
    run = subprocess.run([home / "bin" / "cypher-shell", "--format", "plain"], input="RETURN 40 + 2 AS answer;\n",
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["answer", "42"]


def test_browser_is_served_on_loopback_and_loads_in_chromium(tmp_path):
    """`start --browser`: Neo4j Browser (Maven Central's org.neo4j.client:neo4j-browser) at /browser/."""
    home = _home_of_the_test_server()
    scratch = tmp_path / "cache" / home.name
    http_port = free_port()
    env = os.environ | {"KG_NEO4J_CACHE": str(tmp_path / "cache"), "NEO4J_BOLT_PORT": str(free_port()),
                        "NEO4J_HTTP_PORT": str(http_port), "KG_NEO4J_JARS_FROM": str(home)}
    try:
        start = subprocess.run([ROOT / "scripts" / "neo4j-local", "start", "--browser"], env=env,
                               capture_output=True, text=True, timeout=300)
        assert start.returncode == 0, start.stderr[-1500:]
        assert f"http://127.0.0.1:{http_port}/browser/" in start.stderr
        assert "server.http.listen_address=127.0.0.1:" in (scratch / "conf" / "neo4j.conf").read_text()
        with chromium() as browser:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{http_port}/browser/", timeout=60_000)
            page.wait_for_selector("text=/connect/i", timeout=60_000)
            assert page.title() == "Neo4j Browser"
    finally:
        subprocess.run([ROOT / "scripts" / "neo4j-local", "stop"], env=env, capture_output=True, timeout=180)
