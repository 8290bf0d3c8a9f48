"""kg.extract.cache: tables persist between processes, and a bad or unwritable cache is no error."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys

from real_parts import ROOT

from kg.extract import cache
from kg.extract.fingerprint import extraction_fingerprint

# a module-level function in a child process: the cache is on disk, not in memory
CHILD = """
import sys
from kg.extract.cache import persistent
calls = []
@persistent("test-double")
def double(n):
    calls.append(n)
    return [n, n]
print(double(int(sys.argv[1])), len(calls))
"""


def run_child(cache_dir, n: int) -> str:
    env = os.environ | {cache.CACHE_ENV: str(cache_dir), "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", CHILD, str(n)], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    return res.stdout.strip()


def test_a_value_built_in_one_process_is_loaded_by_the_next(tmp_path):
    assert run_child(tmp_path, 7) == "[7, 7] 1"           # built
    files = list((tmp_path / extraction_fingerprint()).glob("test-double-*.pickle"))
    assert len(files) == 1
    assert run_child(tmp_path, 7) == "[7, 7] 0"           # loaded: the function did not run
    assert run_child(tmp_path, 8) == "[8, 8] 1"           # other arguments, another file


def test_a_file_cut_short_is_built_again(tmp_path):
    run_child(tmp_path, 3)
    (f,) = (tmp_path / extraction_fingerprint()).glob("test-double-*.pickle")
    f.write_bytes(f.read_bytes()[:5])
    assert run_child(tmp_path, 3) == "[3, 3] 1"
    assert pickle.loads(f.read_bytes()) == [3, 3]          # and written whole again


def test_an_unwritable_cache_serves_the_process_only(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert run_child(blocked, 5) == "[5, 5] 1"
    assert blocked.read_text() == "not a folder"


def test_an_empty_cache_setting_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "")
    assert cache.cache_dir() is None
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    assert cache.cache_dir() == tmp_path / extraction_fingerprint()


def test_no_temporary_file_is_left(tmp_path):
    run_child(tmp_path, 1)
    assert [p.name for p in (tmp_path / extraction_fingerprint()).iterdir() if p.name.startswith(".")] == []


def test_the_tables_of_old_code_versions_are_removed(tmp_path):
    old = [tmp_path / f"{i:012x}" for i in range(5)]
    for i, folder in enumerate(old):
        folder.mkdir()
        (folder / "areas-x.pickle").write_bytes(b"old")
        os.utime(folder, (1000 + i, 1000 + i))
    (tmp_path / "neo4j").mkdir()                      # not a table folder: never touched
    run_child(tmp_path, 2)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([old[3].name, old[4].name, extraction_fingerprint(), "neo4j"])
