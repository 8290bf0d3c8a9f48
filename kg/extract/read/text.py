"""The text reader: decode the bytes of a text layer and cut very long texts into pieces.

Encodings are detected from the bytes, never from the locale: a UTF-8 BOM,
then strict UTF-8, then strict GB18030 (a superset of GBK and GB2312, the
usual encodings of Chinese archives), then charset-normalizer's best guess.
Binary files are refused with a :class:`ReadError` naming the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.read.base import ReadError

CHUNK_CHARS = 1_000_000


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes or many control characters."""
    sample = data[:65536]
    if not sample:
        return False
    if b"\x00" in sample:
        # UTF-16 text has NULs too; we do not read it, and say so.
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes into (text, encoding name); raise ReadError if impossible.

    >>> decode("廊坊".encode("gb18030"), "x")
    ('廊坊', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: starts with a UTF-8 BOM but is not UTF-8 (byte {exc.start + 3})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{name}: UTF-16 text is not supported; convert it to UTF-8")
    if looks_binary(data):
        raise ReadError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start  # where UTF-8 breaks: helps to find a cut or corrupted byte
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError(f"{name}: cannot detect the text encoding "
                        f"(not UTF-8: invalid byte at offset {utf8_error}; not GB18030 either)")
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text[:10000]) < 0.95 * min(len(text), 10000):
        raise ReadError(f"{name}: undecodable text (best guess {best.encoding} gives garbage)")
    return text, best.encoding


# a line of its own between blank lines, without any CJK character: "=== 12 ===", "- 3 -", "A02"
SEPARATOR_LINE = re.compile(r"\n\n[^\S\n]*[^\s\u3400-\u9fff\uf900-\ufaff][^\n\u3400-\u9fff\uf900-\ufaff]{0,39}\n\n")
# a blank line after a finished sentence and before a dateline: between two articles
# (a headline ending in ” or a photo credit before the blank line may belong to the next article)
ARTICLE_BREAK = re.compile(r"(?:(?<=[。！？])|(?<=[。！？][”」]))[^\S\n]*\n\n"
                           r"(?=[^\S\n]*(?:本报讯|本报[\u4e00-\u9fff]{0,8}电|据?[\u4e00-\u9fff]{1,3}社))")


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece of a long text without form feeds should end.

    Cutting inside an article splits it in two, so the cut falls, in order of
    preference, on a separator line (page marks of archive dumps), between two
    articles, on any blank line, and only then anywhere.
    """
    lo, hi = start + limit // 4, start + limit   # pieces of at least a quarter of the limit
    for pattern in (SEPARATOR_LINE, ARTICLE_BREAK):
        last = None
        for m in pattern.finditer(text, lo, hi):
            last = m
        if last is not None:
            # a separator line starts the next piece, as a page's first line
            return last.start() + 2 if pattern is SEPARATOR_LINE else last.end()
    cut = text.rfind("\n\n", start, hi)
    return cut + 2 if cut > start else hi


def split_text(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    r"""(offset, part) pieces of a long text, cut at form feeds or between articles.

    PDF text layers separate pages with form feeds; archive dumps can be one
    huge file. Each piece is processed as a page of its own so memory stays
    bounded; offsets keep pointing into the whole file.

    >>> [o for o, _ in split_text("甲\f乙\f丙", limit=10)]
    [0, 2, 4]
    >>> text = "本报讯 甲。\n\n乙\n\n" + "=== 2 ===" + "\n\n本报讯 丙。\n"
    >>> [p for _, p in split_text(text, limit=24)]
    ['本报讯 甲。\n\n乙\n\n', '=== 2 ===\n\n本报讯 丙。\n']
    """
    start = 0
    n = len(text)
    while start < n:
        ff = text.find("\f", start, start + limit)
        if ff != -1:
            end = ff + 1
        elif n - start <= limit:
            end = n
        else:
            end = _cut(text, start, limit)
        piece = text[start:end]
        if piece.strip():
            yield start, piece
        start = end


