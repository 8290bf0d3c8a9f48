"""A wheel install (not editable) works on its own: the wheel of this tree goes into a
fresh environment, then kg build, kg validate and kg serve run from a folder outside
the source tree, with the ontology, the shapes and the query library shipped in the
wheel. (The dependencies come from the test environment through a .pth file, so
nothing is downloaded.)"""
from __future__ import annotations

import select
import subprocess
import sys
import sysconfig
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.store.sparql_engine import free_port
from real_parts import ROOT

pytestmark = pytest.mark.slow
SAMPLE = ROOT / "examples" / "sample" / "2023-06-15-weifang-01.txt"


def run(*cmd, **kw) -> subprocess.CompletedProcess:
    res = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw)
    assert res.returncode == 0, f"{cmd}: {res.stderr[-2000:]}"
    return res


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(bin folder of a fresh environment with the kg wheel, a work folder outside the tree)."""
    tmp = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp / "dist", ROOT)
    wheel = next((tmp / "dist").glob("kg-*.whl"))
    env = tmp / "env"
    run(sys.executable, "-m", "venv", "--without-pip", env)
    purelib = run(env / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip()
    # the dependencies of the test environment, after the fresh environment's own site-packages
    (Path(purelib) / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(sys.executable, "-m", "pip", "--python", env / "bin" / "python", "install", "-q", "--no-deps", wheel)
    work = tmp / "work"
    work.mkdir()
    return env / "bin", work


def test_the_wheel_is_what_runs(installed):
    bin_dir, work = installed
    where = run(bin_dir / "python", "-c", "import kg, kg.resources as r; print(kg.__file__); "
                "print(len(r.queries('.rq')), len(r.ontology_text('shapes.ttl')) > 0)", cwd=work).stdout.split()
    assert where[0].startswith(str(bin_dir.parent)) and where[1] != "0" and where[2] == "True"


def test_build_and_validate_from_the_wheel(installed):
    bin_dir, work = installed
    run(bin_dir / "kg", "build", SAMPLE, "--out", work / "out", "--city", "潍坊市", cwd=work)
    assert (work / "out" / "graph.ttl").stat().st_size > 0 and (work / "out" / "graph.html").exists()
    assert "conforms" in run(bin_dir / "kg", "validate", work / "out", cwd=work).stdout



def test_serve_from_the_wheel_lists_the_shipped_queries(installed):
    bin_dir, work = installed
    if not (work / "out" / "triples.jsonl").exists():
        run(bin_dir / "kg", "build", SAMPLE, "--out", work / "out", "--city", "潍坊市", "--no-html", cwd=work)
    port = free_port()
    proc = subprocess.Popen([bin_dir / "kg", "serve", work / "out", "--port", str(port), "--quiet"], cwd=work,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline, log = time.monotonic() + 120, ""
        while "SPARQL endpoint" not in log:
            assert proc.poll() is None and time.monotonic() < deadline, log
            if select.select([proc.stderr], [], [], 0.5)[0]:
                log += proc.stderr.readline()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read().decode("utf-8")
        for name in ("visits-of-official", "policies-by-issuer", "evidence-of-triple"):
            assert name in page
        query = urllib.parse.urlencode({"query": "ASK { ?s a <https://kg.example.org/ontology#Official> }"})
        answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?{query}", timeout=30).read()
        assert b"true" in answer
    finally:
        proc.terminate()
        proc.wait(timeout=30)
