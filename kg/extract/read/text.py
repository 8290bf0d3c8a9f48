"""The text reader: decode the bytes of a text layer and cut very long texts into pieces.

Encodings are detected from the bytes, never from the locale: a UTF-8 BOM,
then strict UTF-8, then strict GB18030 (a superset of GBK and GB2312, the
usual encodings of Chinese archives), then charset-normalizer's best guess.
Binary files are refused with a :class:`ReadError` naming the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.patterns import HAN, HAN_WIDE
from kg.extract.read.base import ReadError, warn

CHUNK_CHARS = 1_000_000


NUL_SHARE = 0.01          # up to this share of NUL bytes is damage in a text, not a binary file
FEW_NULS = 4              # ... and up to this many in a short one
IDEOGRAPH = re.compile(f"[{HAN_WIDE}]")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: many NUL bytes or control characters."""
    sample = data[:65536]
    if not sample:
        return False
    if sample.count(0) > max(FEW_NULS, NUL_SHARE * len(sample)):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def utf16(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of UTF-16 text with or without a byte order mark, else None.

    Without a BOM, the NUL bytes must all fall on one side of the code units
    (the high byte of ASCII characters) and the text must read as Chinese.

    >>> utf16("廊坊市 2024年".encode("utf-16-le"))
    ('廊坊市 2024年', 'utf-16-le')
    """
    for enc, bom, side in (("utf-16-le", b"\xff\xfe", 1), ("utf-16-be", b"\xfe\xff", 0)):
        has_bom = data.startswith(bom)
        body = data[2:] if has_bom else data
        if len(body) % 2:
            continue
        if not has_bom and (0 not in body or 0 in body[1 - side::2][:65536]):
            continue
        try:
            text = body.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:10000]
        if has_bom or (len(IDEOGRAPH.findall(sample)) >= 0.3 * len(sample.split()) and
                       sum(ch.isprintable() or ch.isspace() for ch in sample) >= 0.97 * len(sample)):
            return text, enc
    return None


def _strip_nuls(data: bytes, name: str) -> bytes:
    """A text with a few NUL bytes: each becomes a space (offsets hold), with a warning."""
    if 0 not in data:
        return data
    n = data.count(0)
    warn(f"{name}: {n} NUL byte{'s' * (n != 1)} (the first at byte {data.index(0)}) read as space{'s' * (n != 1)}")
    return data.replace(b"\x00", b" ")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes into (text, encoding name); raise ReadError if impossible.

    >>> decode("廊坊".encode("gb18030"), "x")
    ('廊坊', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return _utf8(_strip_nuls(data[3:], name), name, 3), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: starts with a UTF-8 BOM but is not UTF-8 (byte {exc.start + 3})") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or 0 in data[:65536]:
        found = utf16(data)
        if found is not None:
            return found
    if looks_binary(data):
        raise ReadError(f"{name}: binary file, not text")
    data = _strip_nuls(data, name)
    try:
        return _utf8(data, name), "utf-8"
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


def _utf8(data: bytes, name: str, skipped: int = 0) -> str:
    """Strict UTF-8, except that a character cut off at the very end becomes U+FFFD (with a warning)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.end != len(data) or len(data) - exc.start > 3:
            raise
        warn(f"{name}: the last character is cut off (byte {exc.start + skipped}); read as U+FFFD")
        return data[:exc.start].decode("utf-8") + "\ufffd"


# a line of its own between blank lines, without any CJK character: "=== 12 ===", "- 3 -", "A02"
SEPARATOR_LINE = re.compile(rf"\n\n[^\S\n]*[^\s{HAN_WIDE}][^\n{HAN_WIDE}]{{0,39}}\n\n")
# a blank line after a finished sentence and before a dateline: between two articles
# (a headline ending in ” or a photo credit before the blank line may belong to the next article)
ARTICLE_BREAK = re.compile(r"(?:(?<=[。！？])|(?<=[。！？][”」]))[^\S\n]*\n\n"
                           rf"(?=[^\S\n]*(?:本报讯|本报[{HAN}]{{0,8}}电|据?[{HAN}]{{1,3}}社))")


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


