"""kg build --engine dask on a real Dask scheduler and two worker processes on 127.0.0.1.

The distributed build must give byte for byte the graph of a local build:
the per-file function is the same, only the map differs.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from real_parts import ROOT

pytest.importorskip("distributed", reason="needs dask[distributed] (pip install -e '.[dask]')")

BIN = Path(sys.executable).parent
KG = [sys.executable, "-m", "kg"]

pytestmark = pytest.mark.slow


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(args, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True, cwd=log.parent)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler on an ephemeral port and two single-threaded worker processes."""
    d = tmp_path_factory.mktemp("dask")
    sched_file = d / "scheduler.json"
    procs = [_start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", "0",
                     "--no-dashboard", "--scheduler-file", str(sched_file)], d / "scheduler.log")]
    try:
        address, deadline = None, time.time() + 60
        while address is None and time.time() < deadline:
            try:  # the file may be seen before it is complete
                address = json.loads(sched_file.read_text())["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.2)
        assert address, (d / "scheduler.log").read_text()
        assert address.startswith("tcp://127.0.0.1:")
        for n in range(2):
            procs.append(_start([str(BIN / "dask"), "worker", address, "--host", "127.0.0.1",
                                 "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                                 "--local-directory", str(d / f"w{n}"), "--name", f"w{n}"],
                                d / f"worker{n}.log"))
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
            pids = client.run(os.getpid)
        assert len(set(pids.values())) == 2  # two separate worker processes
        yield address
    finally:
        for p in reversed(procs):
            _stop(p)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), "8", "--out", str(out), "--seed", "5"],
                   check=True, capture_output=True)
    return out


def kg_build(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "build", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


def test_dask_build_equals_local_build(cluster, corpus, tmp_path):
    local = kg_build(str(corpus), "--out", "local", "--jobs", "1", "--no-html", cwd=tmp_path)
    assert local.returncode == 0, local.stderr
    dist = kg_build(str(corpus), "--out", "dist", "--engine", "dask", "--scheduler", cluster, "--no-html",
                    cwd=tmp_path)
    assert dist.returncode == 0, dist.stderr
    assert "8 files extracted" in dist.stderr
    for name in ("triples.jsonl", "graph.ttl", "manifest.json"):
        assert (tmp_path / "dist" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert len(list((tmp_path / "dist" / "parts").glob("*.jsonl"))) == 8


def test_dask_relative_paths_and_incremental(cluster, corpus, tmp_path):
    # relative paths resolve against the client's folder; records keep them as given
    pages = tmp_path / "pages"
    pages.mkdir()
    for p in sorted(corpus.glob("*.txt")):
        (pages / p.name).write_bytes(p.read_bytes())
    first = kg_build("pages", "--out", "g", "--engine", "dask", "--scheduler", cluster, "--no-html", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    sources = {json.loads(line).get("source") for line in (tmp_path / "g/triples.jsonl").open(encoding="utf-8")}
    assert {s for s in sources if s} <= {f"pages/{p.name}" for p in pages.glob("*.txt")}
    (pages / "2099-01-01-extra-p01.txt").write_text("本报讯（记者 甲乙）5月1日，市长丙丁到东岚区调研。\n",
                                                    encoding="utf-8")
    again = kg_build("pages", "--out", "g", "--engine", "dask", "--scheduler", cluster, "--no-html", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "1 files extracted, 8 skipped" in again.stderr


def test_dask_bad_file_named(cluster, corpus, tmp_path):
    bad = tmp_path / "2021-01-01-bad.txt"
    bad.write_bytes(b"\x00\xff" * 100)
    res = kg_build(str(bad), str(sorted(corpus.glob("*.txt"))[0]), "--out", "g", "--engine", "dask",
                   "--scheduler", cluster, "--no-html", cwd=tmp_path)
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert "1 files extracted" in res.stderr


def test_dask_engine_needs_scheduler(corpus, tmp_path):
    res = kg_build(str(corpus), "--out", "g", "--engine", "dask", cwd=tmp_path)
    assert res.returncode != 0
    assert "--scheduler" in res.stderr and "Traceback" not in res.stderr
