"""Read a PDF e-paper: glyphs with their places, put in reading order, pages joined.

The text is made from the layout (:mod:`kg.extract.read.pdf_layout`), not
from the content stream: blocks in reading order are separated by a blank
line, pages by a form feed, and every character keeps its page and box in a
:class:`~kg.model.Layout`. Lines set larger than the body are marked as
headlines, so the cleaner no longer needs doubled runs to find them.

An article continued on another page of the same file (``（下转第二版）`` …
``（上接第一版）``) is read as one: the blocks from the 上接 mark up to the
next headline of that page follow the block that ends in the 下转 mark.

Two glyph sources are registered in :data:`GLYPH_SOURCES`: PDFium through
pypdfium2 (the default: fast, and robust on damaged files) and pdfminer
through pdfplumber; ``scripts/bench_read.py`` measures both.
"""
from __future__ import annotations

import ctypes
import io
import logging
import re
from collections.abc import Callable, Iterator

from kg.extract.dates import cn_int
from kg.extract.patterns import JUMP_MARK
from kg.extract.read.base import ReadError
from kg.extract.read.pdf_layout import Glyph, Line, blocks, body_size, drop_overprint, find_lines, is_headline
from kg.model import Layout

JUMP_TO = re.compile(JUMP_MARK + r"\s*$")          # the last words of a block: 下转第二版
JUMP_FROM = re.compile(r"^\s*" + JUMP_MARK)        # the first words of a block: 上接第一版
PAGE_BREAK, BLOCK_BREAK, LINE_BREAK = "\f", "\n\n", "\n"
BOLD_WEIGHT = 600    # font weight of bold type
ENCRYPTED = "{name}: encrypted PDF (a password is needed); decrypt it first"


def pdfium_pages(data: bytes, name: str) -> Iterator[list[Glyph]]:
    """Glyphs of every page through PDFium (pypdfium2)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReadError(_open_error(name, str(exc))) from None
    try:
        for page in pdf:
            height = page.get_height()
            text = page.get_textpage()
            glyphs, matrix, x, y = [], raw.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
            for i in range(text.count_chars()):
                if raw.FPDFText_IsGenerated(text, i):
                    continue
                code = raw.FPDFText_GetUnicode(text, i)
                if not code or code in (0xFFFE, 0xFFFF) or 0xD800 <= code < 0xE000:
                    continue
                left, bottom, right, top = text.get_charbox(i, loose=True)
                raw.FPDFText_GetMatrix(text, i, matrix)     # the size as printed: font size times scale
                scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
                size = raw.FPDFText_GetFontSize(text, i) * scale or (top - bottom)
                raw.FPDFText_GetCharOrigin(text, i, x, y)
                glyphs.append(Glyph.on_baseline(chr(code), left, right, height - y.value, size,
                                                raw.FPDFText_GetFontWeight(text, i) >= BOLD_WEIGHT))
            yield glyphs
    finally:
        pdf.close()


def pdfplumber_pages(data: bytes, name: str) -> Iterator[list[Glyph]]:
    """Glyphs of every page through pdfminer.six (pdfplumber)."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:
        raise ReadError(f"{name}: the pdfplumber glyph source is not installed (pip install 'kg[pdfplumber]')") \
            from None

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise ReadError(ENCRYPTED.format(name=name)) from None
    except (PDFSyntaxError, ValueError, TypeError, KeyError) as exc:
        raise ReadError(damaged(name, type(exc).__name__)) from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)    # fonts without a FontBBox: warned per glyph
    with pdf:
        for page in pdf.pages:
            glyphs = []
            for c in page.chars:
                if len(c["text"]) != 1:
                    continue
                glyphs.append(Glyph.on_baseline(c["text"], c["x0"], c["x1"], page.height - c["matrix"][5],
                                                c["size"], "bold" in c["fontname"].lower()))
            yield glyphs


GLYPH_SOURCES: dict[str, Callable[[bytes, str], Iterator[list[Glyph]]]] = {
    "pdfium": pdfium_pages,
    "pdfplumber": pdfplumber_pages,
}


def damaged(name: str, detail: str) -> str:
    return f"{name}: damaged PDF ({detail}); repair it (e.g. qpdf) or read another copy"


def _open_error(name: str, message: str) -> str:
    if "password" in message.lower():
        return ENCRYPTED.format(name=name)
    return damaged(name, message)


class _Text:
    """The file text being written, with a page and a box for every character."""

    def __init__(self):
        self.parts: list[str] = []
        self.pages: list[int] = []
        self.boxes: list = []
        self.headlines: set[int] = set()
        self.size = 0

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.pages.extend([0] * len(text))
        self.boxes.extend([None] * len(text))
        self.size += len(text)

    def line(self, line: Line, page: int, headline: bool) -> None:
        if headline:
            self.headlines.add(self.size)
        self.parts.append(line.text)
        self.pages.extend(0 if g is None else page for g in line.slots)
        self.boxes.extend(None if g is None else (g.x0, g.top, g.x1, g.bottom) for g in line.slots)
        self.size += len(line.text)

    def block(self, lines: list[Line], page: int, size: float) -> None:
        for k, line in enumerate(lines):
            if k:
                self.put(LINE_BREAK)
            self.line(line, page, is_headline(line, size))


def page_blocks(glyphs: list[Glyph]) -> tuple[list[list[Line]], float]:
    """Blocks of one page in reading order, and the page's body size."""
    lines = find_lines(drop_overprint(glyphs))
    size = body_size(lines)
    return blocks(lines, size), size


def _block_text(block: list[Line]) -> str:
    return "".join(line.text for line in block)


def continuations(pages: list[list[list[Line]]], sizes: list[float]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """(page, block) ending in 下转第N版 -> the (page, block)s on page N that go on from it."""
    jumps = {}
    for p, page in enumerate(pages):
        for b, block in enumerate(page):
            m = JUMP_TO.search(_block_text(block))
            target = cn_int(m["page"]) if m and m["jump"] in ("下转", "转") else None
            if target is None or not 1 <= target <= len(pages) or target - 1 == p:
                continue
            there = pages[target - 1]
            start = next((k for k, blk in enumerate(there)
                          if (f := JUMP_FROM.match(_block_text(blk))) and f["jump"] in ("上接", "接")
                          and cn_int(f["page"]) == p + 1), None)
            if start is None:
                continue
            end = start + 1
            while end < len(there) and not any(is_headline(l, sizes[target - 1]) for l in there[end]):
                end += 1
            jumps[(p, b)] = [(target - 1, k) for k in range(start, end)]
    return jumps


def load_pages(data: bytes, name: str, source: str = "pdfium") -> list[list[Glyph]]:
    """The glyphs of every page; ReadError for a scan, an encrypted or a damaged file."""
    try:
        pages = list(GLYPH_SOURCES[source](data, name))
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - the PDF libraries raise many kinds on broken files
        raise ReadError(damaged(name, f"{type(exc).__name__}: {exc}")) from None
    if not pages:
        raise ReadError(f"{name}: PDF without pages")
    if not any(g.ch.strip() for page in pages for g in page):
        n = len(pages)
        raise ReadError(f"{name}: PDF without a text layer ({n} page{'s' * (n != 1)} of images, a scan?): "
                        "run OCR first (e.g. ocrmypdf --language chi_sim)")
    return pages


def layout_text(pages: list[list[Glyph]]) -> tuple[str, Layout]:
    """The file text of the pages' glyphs, and where each character was printed."""
    laid = [page_blocks(g) for g in pages]
    blocks_of = [b for b, _ in laid]
    sizes = [s for _, s in laid]
    jumps = continuations(blocks_of, sizes)
    moved = {pb for targets in jumps.values() for pb in targets}
    out = _Text()
    for p, page in enumerate(blocks_of):
        if p:
            out.put(PAGE_BREAK)
        first = True
        for b, block in enumerate(page):
            if (p, b) in moved:
                continue
            if not first:
                out.put(BLOCK_BREAK)
            first = False
            out.block(block, p + 1, sizes[p])
            for tp, tb in jumps.get((p, b), []):
                out.put(LINE_BREAK)        # one line break: the sentence goes on across the pages
                out.block(blocks_of[tp][tb], tp + 1, sizes[tp])
    return "".join(out.parts), Layout(out.pages, out.boxes, frozenset(out.headlines))


def read_pdf(data: bytes, name: str, source: str = "pdfium") -> tuple[str, Layout]:
    """Text and layout of a PDF file's bytes; ReadError for a scan, an encrypted or a damaged file."""
    return layout_text(load_pages(data, name, source))
