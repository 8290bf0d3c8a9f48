"""The collector settings of a `kg` process (kg.collector): set by the entry point only, undone by a pool."""
from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from kg import collector
from kg.build.engines import map_local


@pytest.fixture
def saved_threshold():
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_the_entry_point_relaxes_the_collector_and_main_alone_does_not(saved_threshold):
    from kg.cli import main, run

    gc.set_threshold(700, 10, 10)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert gc.get_threshold() == (700, 10, 10)       # a program calling main keeps its settings
    with pytest.raises(SystemExit):
        run_args(run, ["--version"])
    assert gc.get_threshold() == (collector.YOUNG_ALLOCATIONS, *collector.OLDER_COLLECTIONS)


def run_args(run, args):
    old = sys.argv
    sys.argv = ["kg", *args]
    try:
        run()
    finally:
        sys.argv = old


def test_python_dash_m_kg_runs_with_the_relaxed_collector():
    code = "import gc, runpy, sys; sys.argv = ['kg', '--version']\n" \
           "try:\n    runpy.run_module('kg', run_name='__main__')\nexcept SystemExit:\n    print(gc.get_threshold()[0])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[-1] == str(collector.YOUNG_ALLOCATIONS)


def test_a_pool_build_freezes_the_heap_while_its_workers_run_and_thaws_it_after(tmp_path):
    pages = []
    for i in range(3):
        p = tmp_path / f"p{i}.txt"
        p.write_text(f"本报讯 5月{i + 1}日，市长甲乙到东岚区调研青禾科技有限公司。\n", encoding="utf-8")
        pages.append(str(p))
    counts = []
    for part in map_local(pages, None, None, jobs=2):
        counts.append(gc.get_freeze_count())
        assert "jsonl" in part, part
    assert len(counts) == 3 and min(counts) > 0     # frozen while the pool works
    assert gc.get_freeze_count() == 0               # and thawed once it is done
