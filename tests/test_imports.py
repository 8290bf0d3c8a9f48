"""Every kg module imports on its own, in a fresh interpreter (no import cycle hidden by
the order in which the pipeline happens to import things), and the package list of
pyproject.toml is every package under kg/."""
from __future__ import annotations

import concurrent.futures as cf
import subprocess
import sys
import tomllib

import pytest

from real_parts import ROOT

KG = ROOT / "kg"


def modules() -> list[str]:
    out = []
    for p in sorted(KG.rglob("*.py")):
        parts = p.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        out.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def _import_alone(name: str) -> tuple[str, int, str]:
    run = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    return name, run.returncode, run.stderr[-600:]


def test_every_module_imports_alone():
    names = modules()
    assert "kg.extract.relate.places" in names and "kg.store.neo4j" in names
    with cf.ThreadPoolExecutor(max_workers=4) as pool:
        failed = [(n, err) for n, rc, err in pool.map(_import_alone, names) if rc != 0]
    assert not failed, failed


def test_pyproject_lists_every_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in KG.rglob("__init__.py")}
    mapped = set(config["package-dir"])
    assert listed == found | mapped
    for package, folder in config["package-dir"].items():
        assert (ROOT / folder / "__init__.py").is_file(), package


@pytest.mark.parametrize("name", ["kg.extract.relate.places", "kg.extract.relate.companies"])
def test_rule_modules_import_before_the_pipeline(name):
    """The import cycle of relate and relate_place was a bug: a rule module imported first failed."""
    assert _import_alone(name)[1] == 0


def test_every_test_folder_is_collected(request):
    """No folder of tests/ or kg/ matches norecursedirs (pytest's default skips any folder named build)."""
    import fnmatch

    from real_parts import ROOT

    patterns = request.config.getini("norecursedirs")
    folders = [p for top in ("tests", "kg") for p in (ROOT / top).rglob("*")
               if p.is_dir() and "__pycache__" not in p.parts and any(p.glob("*.py"))]
    skipped = [str(p.relative_to(ROOT)) for p in folders if any(fnmatch.fnmatch(p.name, pat) for pat in patterns)]
    assert skipped == []
