"""The code fingerprint of build parts covers exactly what shapes records."""
from __future__ import annotations

import subprocess
import sys

from kg.extract.fingerprint import SHAPING, extraction_fingerprint, shaping_files
from real_parts import ROOT


def test_the_fingerprint_covers_every_module_extraction_imports():
    code = "import sys, kg.extract.pipeline; print('\\n'.join(m for m in sys.modules if m.startswith('kg')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            check=True).stdout.split()
    covered = {f.relative_to(ROOT).as_posix() for f in shaping_files()}
    for module in loaded:
        if module == "kg":
            continue      # the package's __init__ holds the version, which is a part option of its own
        path = module.replace(".", "/")
        assert f"{path}.py" in covered or f"{path}/__init__.py" in covered, f"{module} shapes records but is not hashed"


def test_the_fingerprint_covers_the_lexicon_files_and_nothing_of_the_consumers():
    covered = {f.relative_to(ROOT / "kg").as_posix() for f in shaping_files()}
    assert "extract/lexicon/visit_verbs.txt" in covered
    assert not any(c.startswith(("store/", "view/", "cli/", "build/")) for c in covered)
    assert set(SHAPING) >= {"extract", "model.py"} and len(extraction_fingerprint()) == 12
