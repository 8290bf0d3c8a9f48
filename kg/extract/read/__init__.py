"""Stage 1, read: files, folders and stdin into decoded :class:`~kg.model.Page` objects.

The reader is chosen by content, not by the file name: a PDF (``%PDF-``) goes
to :mod:`~kg.extract.read.pdf` (reading order from the layout, fake bold
removed, page and box of every character), an HTML page to
:mod:`~kg.extract.read.html` (main text and metadata by trafilatura), all
else to :mod:`~kg.extract.read.text` (encoding detected from the bytes).
Every text then has its radical code points folded
(:mod:`~kg.extract.read.glyphs`, one code point for one, so offsets hold).
The date and page of archive paths come from :mod:`~kg.extract.read.paths`.

>>> import tempfile, os
>>> d = tempfile.mkdtemp(); f = os.path.join(d, "2024-11-21_A02.txt")
>>> _ = open(f, "w", encoding="utf-8").write("本报讯 某市召开会议。")
>>> p = read_page(f); p.reader, p.date.isoformat(), p.page_no, p.edition
('text', '2024-11-21', 2, 'A02')
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator

from kg.extract.read.base import ReadError, load_bytes
from kg.extract.read.glyphs import fold_glyphs
from kg.extract.read.paths import READABLE, date_from_name, iter_paths, page_from_name, page_label
from kg.extract.read.text import CHUNK_CHARS, decode, looks_binary, split_text
from kg.model import Layout, Page

__all__ = ["CHUNK_CHARS", "READABLE", "ReadError", "date_from_name", "decode", "iter_paths", "looks_binary",
           "page_from_name", "page_parts", "read_page", "read_pages", "sniff", "split_text", "text_page"]

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024       # PDF readers accept the magic anywhere in the first kilobyte


def sniff(data: bytes) -> str:
    """Which reader a file's bytes need: 'pdf', 'html' or 'text'.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"<!DOCTYPE html><html><body>x</body></html>"), sniff("正文".encode())
    ('pdf', 'html', 'text')
    """
    from kg.extract.read.html import looks_html

    if PDF_MAGIC in data[:MAGIC_WINDOW]:
        return "pdf"
    return "html" if looks_html(data) else "text"


def read_page(path: str, date: dt.date | None = None, home: str | None = None) -> Page:
    """Read one file (or '-' for stdin) into one Page, with the reader its content needs."""
    data, name = load_bytes(path)
    kind, layout, meta = sniff(data), None, {}
    if kind == "pdf":
        from kg.extract.read.pdf import read_pdf

        text, layout = read_pdf(data, name)
        encoding = "pdf"
    elif kind == "html":
        from kg.extract.read.html import read_html

        text, meta = read_html(data, name)
        encoding = "html"
        layout = Layout(headlines=frozenset({0})) if meta.get("headline") else None
    else:
        text, encoding = decode(data, name)
    page_no, edition = (None, None) if path == "-" else page_label(path)
    page_date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
    return Page(source=name, text=fold_glyphs(text), encoding=encoding, sha256=hashlib.sha256(data).hexdigest(),
                date=date or page_date or (None if path == "-" else date_from_name(path)), home=home,
                page_no=page_no, edition=edition, layout=layout, reader=kind, meta=meta)


def text_page(text: str, date: dt.date | None = None, home: str | None = None, source: str = "<text>") -> Page:
    """A Page of a text given in memory (the Python API), read as a text file's would be."""
    return Page(source=source, text=fold_glyphs(text), encoding="utf-8",
                sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), date=date, home=home,
                reader="text")


def read_pages(path: str, date: dt.date | None = None, home: str | None = None) -> Iterator[Page]:
    """The pages of one file: one Page per form-feed page (a PDF page) or per large chunk."""
    yield from page_parts(read_page(path, date, home))


def page_parts(whole: Page) -> Iterator[Page]:
    """A file's page cut at form feeds and into chunks of at most CHUNK_CHARS characters."""
    if len(whole.text) <= CHUNK_CHARS and "\f" not in whole.text:
        yield whole
        return
    for offset, part in split_text(whole.text):
        # a PDF's pages are known per character (Layout): emit gives every article the pages it is on
        yield dataclasses.replace(whole, text=part, base=offset)
