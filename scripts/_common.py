"""What several scripts share (import it after putting this folder on sys.path)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path


def kg_exe(prog: str) -> str:
    """The `kg` console script of the running environment (else the one on PATH); exit if none."""
    exe = Path(sys.executable).parent / "kg"
    found = str(exe) if exe.exists() else shutil.which("kg")
    if not found:
        sys.exit(f"{prog}: no kg console script in this environment")
    return found
