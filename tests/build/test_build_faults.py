"""kg build under faults: killed at every point, run twice at once, parent killed, disks that fill.

Each build is the real `kg build` in a subprocess. A kill is made exact by
the test hook KG_TEST_CRASH_AT (the process stops with os._exit at the named
point, as kill -9 would leave it); the rerun must give byte for byte the
outputs of a clean build.
"""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from real_parts import ROOT, file_size_limit

CRASH_POINTS = ("parts", "merge", "triples", "turtle", "outputs", "manifest")
OUTPUTS = ("triples.jsonl", "graph.ttl")


def corpus(tmp_path: Path, n: int = 6) -> Path:
    folder = tmp_path / "in"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(n), "--out", str(folder),
                    "--seed", "5"], check=True, capture_output=True)
    return folder


def build(src: Path, out: Path, *extra: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "kg", "build", str(src), "--out", str(out), "--no-html", "--city", "保定市", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env=os.environ | {"PYTHONPATH": str(ROOT)} | (env or {}), **kw)


def leftovers(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob(".*") if p.name != ".lock")


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A corpus and the outputs of building it without faults."""
    tmp = tmp_path_factory.mktemp("clean")
    src = corpus(tmp)
    res = build(src, tmp / "out", "--jobs", "1")
    assert res.returncode == 0, res.stderr
    return src, {name: (tmp / "out" / name).read_bytes() for name in OUTPUTS}


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_a_build_killed_at_any_point_reruns_to_the_clean_outputs(clean, tmp_path, point):
    src, want = clean
    out = tmp_path / "out"
    crashed = build(src, out, "--jobs", "1", env={"KG_TEST_CRASH_AT": point})
    assert crashed.returncode == 137, crashed.stderr
    rerun = build(src, out, "--jobs", "1")
    assert rerun.returncode == 0, rerun.stderr
    for name in OUTPUTS:
        assert (out / name).read_bytes() == want[name], f"{name} differs after a kill at {point}"
    assert leftovers(out) == []
    entries = (out / "manifest.json").read_text(encoding="utf-8").count('"part"')
    assert entries == len(list(src.glob("*.txt")))          # no output read back as an input part


def test_a_second_build_into_the_same_folder_fails_at_once_naming_the_first(clean, tmp_path):
    src, _ = clean
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+", encoding="ascii") as fh:     # a build holding the folder
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fh.write("4242\n")
        fh.flush()
        t0 = time.monotonic()
        res = build(src, out)
        assert res.returncode == 1 and time.monotonic() - t0 < 60
        assert f"kg: error: {out} is being built by process 4242" in res.stderr
    assert build(src, out).returncode == 0                       # free again


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry.name))
    return kids


def test_workers_die_with_a_killed_parent(tmp_path):
    src = corpus(tmp_path, 40)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(src), "--out", str(tmp_path / "out"),
                             "--no-html", "--jobs", "2"], cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() and
                                              "Z" not in (Path(f"/proc/{w}/stat").read_text().split()[2:3] or [""])
                                              for w in workers):
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    assert alive == []



def test_bad_build_folders_and_a_full_disk_are_one_line_each(clean, tmp_path):
    src, _ = clean
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    res = build(src, a_file)
    assert res.returncode == 1 and res.stderr.strip() == f"kg: error: {a_file}: --out names a file; give a folder"
    out = tmp_path / "out"
    (out / "triples.jsonl").mkdir(parents=True)
    res = build(src, out)
    assert res.returncode == 1 and "triples.jsonl: is a folder" in res.stderr and "Traceback" not in res.stderr
    full = tmp_path / "full"
    res = build(src, full, "--jobs", "1", preexec_fn=file_size_limit(2000))
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert any("cannot write a part" in line and "File too large" in line for line in lines), lines


def test_files_with_the_same_content_keep_every_name(tmp_path):
    src = corpus(tmp_path, 2)
    first = sorted(src.glob("*.txt"))[0]
    (src / "copy-of-first.txt").write_bytes(first.read_bytes())
    out = tmp_path / "out"
    res = build(src, out)
    assert res.returncode == 0, res.stderr
    assert "kg: note: 1 files have the content of another file" in res.stderr
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = next(m for m in manifest["sources"].values() if m["path"] == str(first))
    assert entry["copies"] == [str(src / "copy-of-first.txt")]
    arts = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()
            if line.startswith('{"kind": "article"')]
    mine = [a for a in arts if a["source"] == str(first)]
    assert mine and all(a["copies"] == [str(src / "copy-of-first.txt")] for a in mine)
    assert all("copies" not in a for a in arts if a["source"] != str(first))
