"""Fixtures shared by the test modules."""
import atexit
import os
import shutil
import tempfile

import pytest

from real_parts import SEED_ARGS, SEED_PAGE, kg_build, missing

# the table cache of this session (kg.extract.cache): built once, in a folder of its own, not the user's
if "KG_CACHE_DIR" not in os.environ:
    os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp(prefix="kg-test-cache-")
    atexit.register(shutil.rmtree, os.environ["KG_CACHE_DIR"], True)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """`kg build` of the shared seed page, made once per test session."""
    if not SEED_PAGE.exists():
        missing(f"{SEED_PAGE} not found")
    return kg_build(tmp_path_factory.mktemp("seed") / "out", str(SEED_PAGE), *SEED_ARGS)


@pytest.fixture(scope="session")
def years_graph(tmp_path_factory):
    """The `kg build` DIR of the suite's invented multi-year corpus (tests/years.py), made once."""
    from years import build_years

    return build_years(tmp_path_factory.mktemp("years"))


@pytest.fixture(scope="session")
def years_index(years_graph, tmp_path_factory):
    """(path of the explorer's index of that DIR, its counts) (tests/explore)."""
    from kg.explore.index import INDEX_NAME, ensure_index

    path = tmp_path_factory.mktemp("index") / INDEX_NAME
    meta, rebuilt = ensure_index(years_graph / "triples.jsonl", path)
    assert rebuilt
    return path, meta
