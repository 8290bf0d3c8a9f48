"""Fixtures of the tests that need the real Neo4j (tests/store/test_neo4j*.py).

Needs a real server: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or
scripts/neo4j-local (started here when the variables are not set).
Without a server the tests skip, except under CI=true where they fail.
"""
from __future__ import annotations

import os
import shlex
import subprocess

import pytest

from kg.store.neo4j import Neo4jStoreError, clear_graph, connect
from real_parts import ROOT

LOCAL = ROOT / "scripts" / "neo4j-local"


def unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"Neo4j is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j server: {reason}")


def parse_exports(text: str) -> dict:
    """`export NEO4J_URI=… NEO4J_USER=… NEO4J_PASSWORD=…` -> dict."""
    words = shlex.split(text.strip().splitlines()[-1])
    return dict(w.split("=", 1) for w in words if "=" in w)


@pytest.fixture(scope="session")
def neo4j_env():
    env = {k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_HOME") if os.environ.get(k)}
    started_here = False
    if not (env.get("NEO4J_URI") and env.get("NEO4J_PASSWORD")):
        try:
            was_running = subprocess.run([LOCAL, "status"], capture_output=True, timeout=60).returncode == 0
            proc = subprocess.run([LOCAL, "start"], capture_output=True, text=True, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            unavailable(f"scripts/neo4j-local start: {exc}")
        if proc.returncode != 0:
            unavailable(f"scripts/neo4j-local start failed: {proc.stderr[-800:]}")
        env = parse_exports(proc.stdout)
        started_here = not was_running
    env["NEO4J_USER"] = env.get("NEO4J_USER") or "neo4j"
    try:
        connect(env["NEO4J_URI"], env["NEO4J_USER"], env["NEO4J_PASSWORD"]).close()
    except Neo4jStoreError as exc:
        unavailable(str(exc))
    yield env
    if started_here:
        subprocess.run([LOCAL, "stop"], capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def session_driver(neo4j_env):
    driver = connect(neo4j_env["NEO4J_URI"], neo4j_env["NEO4J_USER"], neo4j_env["NEO4J_PASSWORD"])
    yield driver
    driver.close()


@pytest.fixture
def driver(session_driver):
    """A driver on an empty database (Community has one database: clear it)."""
    clear_graph(session_driver)
    return session_driver
