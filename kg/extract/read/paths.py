"""Archive conventions: which files a folder holds, and the date and page its paths give.

E-paper archives are laid out by date and page: ``2024/11/21/A01.pdf``,
``2024-11-21/03.html``, ``20241121_01.txt``. The publication date is read
from the file name first, then from the folders above it; the page (and the
edition label of ``A01``-style names) from the file name.

>>> date_from_name("arch/2024/11/21/A01.pdf"), page_label("arch/2024/11/21/A01.pdf")
(datetime.date(2024, 11, 21), (1, 'A01'))
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

from kg.extract.dates import cn_int

# files a folder is searched for when no --glob is given; the reader is then chosen by content
READABLE = (".txt", ".text", ".pdf", ".html", ".htm", ".shtml", ".xhtml")
DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_./]?(\d{2})[-_./]?(\d{2})(?!\d)")
FOLDERS_FOR_DATE = 3          # 2024/11/21/: the date may take three folder levels
PAGE_IN_NAME = re.compile(r"(?:page|p|版|第)[-_]?0*(\d{1,3})(?!\d)", re.I)
# an edition label: one capital and two or three digits (A01, B12), alone or after a separator
EDITION_IN_NAME = re.compile(r"(?:^|[-_ .])([A-Z])[-_]?(\d{2,3})$")
NUMBER_STEM = re.compile(r"(?:^|[-_ ])0*(\d{1,3})$")
CN_PAGE = re.compile("第([一二三四五六七八九十]{1,3})版")


def iter_paths(paths: list[str], pattern: str | None = None) -> Iterator[str]:
    """Expand files and folders (recursively, sorted) into file paths; '-' is stdin.

    In folders, `pattern` (a glob such as ``*.txt``) picks the files; without
    one, every file with a name of :data:`READABLE` does (hidden files are
    skipped). Files named on the command line are always read.

    >>> list(iter_paths(["-"]))
    ['-']
    """
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if not path.is_dir():
            yield str(path)
            continue
        found = path.rglob(pattern) if pattern else (
            f for f in path.rglob("*") if f.suffix.lower() in READABLE
            and not any(part.startswith(".") for part in f.relative_to(path).parts))
        yield from (str(f) for f in sorted(found) if f.is_file())


def _date(m: re.Match) -> dt.date | None:
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def date_from_name(name: str) -> dt.date | None:
    """Publication date from the file name, else from the folders above it.

    >>> date_from_name("pages/2021-11-26-p01.txt"), date_from_name("2024-11-21/03.html")
    (datetime.date(2021, 11, 26), datetime.date(2024, 11, 21))
    >>> date_from_name("2024/11/21/A01.pdf"), date_from_name("page12345678.txt")
    (datetime.date(2024, 11, 21), None)
    """
    parts = Path(name).parts
    for text in (parts[-1] if parts else "", "/".join(parts[-1 - FOLDERS_FOR_DATE:-1])):
        for m in DATE_IN_NAME.finditer(text):
            if (d := _date(m)) is not None:
                return d
    return None


def page_label(name: str) -> tuple[int | None, str | None]:
    """(page number, edition label) a file name gives: ``A01`` -> (1, 'A01'), ``第3版`` -> (3, None).

    >>> page_label("20241121_03.txt"), page_label("第三版.txt"), page_label("2021-11-26.txt")
    ((3, None), (3, None), (None, None))
    """
    stem = DATE_IN_NAME.sub("", os.path.splitext(os.path.basename(name))[0])
    if (m := EDITION_IN_NAME.search(stem)) and m[1] != "P":
        return int(m[2]), f"{m[1]}{m[2]}"
    if m := PAGE_IN_NAME.search(stem):
        return int(m[1]), None
    if m := CN_PAGE.search(stem):
        return cn_int(m[1]), None
    if m := NUMBER_STEM.search(stem):
        return int(m[1]), None
    return None, None


def page_from_name(name: str) -> int | None:
    """The page number of a file name (see :func:`page_label`)."""
    return page_label(name)[0]
