"""Tables built from the dictionaries once, kept on disk between runs.

Building the gazetteer automaton, the area table and the segmenter's
vocabulary takes seconds; loading them back takes milliseconds. A function
decorated with :func:`persistent` computes its value once, pickles it to
``<cache>/<fingerprint>/<name>-<args>.pickle`` and loads it from there in
every later process. The folder is named by
:func:`~kg.extract.fingerprint.extraction_fingerprint`, so a changed rule,
lexicon or data package never meets a table built before it.

The cache folder is ``$KG_CACHE_DIR`` if set (an empty value turns the cache
off), else ``$XDG_CACHE_HOME/kg/tables`` or ``~/.cache/kg/tables``; the
tables of the three code versions written last are kept, older ones removed. A cache that cannot
be written (a read-only home) or a file that does not load (cut short, from
another Python) is no error: the value is built in memory as it would be
without a cache. Files are written to a temporary name and renamed, so two
processes building the same table never see half of one.

>>> @persistent("example-square")
... def square(n):
...     return n * n
>>> square(12)
144
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kg.extract.fingerprint import extraction_fingerprint

CACHE_ENV = "KG_CACHE_DIR"
FINGERPRINT = re.compile(r"[0-9a-f]{12}")     # the name of a code version's folder
KEEP_VERSIONS = 3         # code versions whose tables are kept (two installs side by side, and the last)
T = TypeVar("T")

__all__ = ["CACHE_ENV", "cache_dir", "persistent"]


def cache_dir() -> Path | None:
    """The folder of this code's tables, or None when the cache is off."""
    root = cache_root()
    return root / extraction_fingerprint() if root else None


def cache_root() -> Path | None:
    root = os.environ.get(CACHE_ENV)
    if root is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        root = os.path.join(base, "kg", "tables")
    return Path(root) if root else None


def persistent(name: str, keep: int = 32) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Decorate a pure function of hashable, ``repr``-stable arguments: its values persist on disk.

    The last `keep` values are also kept in memory for the process (as
    ``functools.lru_cache`` would); ``fn.build(*args)`` computes it afresh without the cache.
    """
    def decorate(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.lru_cache(maxsize=keep)
        @functools.wraps(fn)
        def cached(*args):
            folder = cache_dir()
            if folder is None:
                return fn(*args)
            path = folder / f"{name}-{_args_key(args)}.pickle"
            value = _load(path)
            if value is None:
                value = fn(*args)
                _store(path, value)
            return value

        cached.build = fn
        return cached
    return decorate


def _args_key(args: tuple) -> str:
    return hashlib.sha256(repr(args).encode()).hexdigest()[:16]


def _load(path: Path):
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError, TypeError):
        return None      # cut short, from another Python or another kg: build it again


def _store(path: Path, value) -> None:
    try:
        try:
            path.parent.mkdir(parents=True)
        except FileExistsError:
            pass
        else:                      # the first table of this code version: drop those of old versions
            _prune(path.parent.parent, keep=path.parent.name)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass             # a read-only or full disk: the value serves this process only


def _prune(root: Path, keep: str) -> None:
    """Remove the tables of older code: all but `keep` and the KEEP_VERSIONS - 1 folders written last."""
    def written(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0             # removed meanwhile by another process
    folders = sorted((p for p in root.iterdir() if FINGERPRINT.fullmatch(p.name) and p.name != keep),
                     key=written, reverse=True)
    for old in folders[KEEP_VERSIONS - 1:]:
        shutil.rmtree(old, ignore_errors=True)
