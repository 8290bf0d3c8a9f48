"""Plan a build: which input files need extracting, and under which part key.

A part key is the input's content hash (sha256 of its bytes) with a short hash
of the options that change its records: publication date, home area, page
number, the kg version and a fingerprint of the code that shapes records
(:func:`kg.extract.fingerprint.extraction_fingerprint`: ``kg/extract/`` with its lexicon files, the model,
vocabulary and record modules it imports, and the versions of the data packages).

>>> part_key("ab" * 32, {"date": None, "home": None, "page": None, "kg": "0"})[:17]
'abababababababab-'
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg import __version__
from kg.extract.fingerprint import extraction_fingerprint

PARTS = "parts"


class BuildError(Exception):
    """A build that cannot go on; str() is one line."""


@dataclass
class Source:
    """One input file to extract: where it is and the key of its part."""
    path: str
    sha256: str
    options: dict
    key: str

    @property
    def part(self) -> str:
        """The part file, relative to the build folder."""
        return part_path(self.key)

    def entry(self) -> dict:
        """The source's line in the manifest."""
        return {"path": self.path, "options": self.options, "part": self.part}


def part_path(key: str) -> str:
    return f"{PARTS}/{key}.jsonl"


def file_options(path: str, date: dt.date | None, home: str | None, statistical: bool = False) -> dict:
    """The options that change a file's records (date and page come from the name if not given).

    >>> file_options("x/2021-11-26-p03.txt", None, "甲市")["date"]
    '2021-11-26'
    """
    from kg.extract.read import date_from_name, page_from_name

    d = date or (None if path == "-" else date_from_name(path))
    return {"date": d.isoformat() if d else None, "home": home, "tagger": statistical,
            "page": None if path == "-" else page_from_name(path), "kg": __version__,
            "code": extraction_fingerprint()}


def part_key(sha256: str, options: dict) -> str:
    """Part name: content hash, then a short hash of the options."""
    opts = hashlib.sha256(json.dumps(options, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"{sha256[:16]}-{opts[:8]}"


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def plan_sources(files: Iterable[str], date, home, on_error: Callable[[str], None],
                 statistical: bool = False) -> list[Source]:
    """Sources of the input files, hashed; unreadable files go to `on_error`."""
    out = []
    for path in files:
        try:
            sha = file_sha256(path)
        except IsADirectoryError:
            on_error(f"{path}: is a directory")
            continue
        except OSError as exc:
            on_error(f"{path}: cannot read: {exc.strerror}")
            continue
        opts = file_options(path, date, home, statistical)
        out.append(Source(path, sha, opts, part_key(sha, opts)))
    return out


CRASH_AT = "KG_TEST_CRASH_AT"     # a test hook: die at the named point of a build, as kill -9 would


def crash_point(name: str) -> None:
    """Stop the process at once (no cleanup) when ``$KG_TEST_CRASH_AT`` names this point; else nothing."""
    if os.environ.get(CRASH_AT) == name:
        os._exit(137)
