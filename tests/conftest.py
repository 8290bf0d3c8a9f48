"""Fixtures shared by the test modules."""
import pytest

from real_parts import SEED_ARGS, SEED_PAGE, kg_build, missing


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """`kg build` of the shared seed page, made once per test session."""
    if not SEED_PAGE.exists():
        missing(f"{SEED_PAGE} not found")
    return kg_build(tmp_path_factory.mktemp("seed") / "out", str(SEED_PAGE), *SEED_ARGS)
