"""Stage 2, clean: undo the artefacts of PDF text layers, line by line.

- Bold headlines come out with every run doubled ("张三调研张三调研",
  "（（20212021--20252025年年）》）》"); :func:`undouble` restores them without
  touching legitimate repeats (谢谢, 常常), because it only fires when the
  *whole* line is a chain of doubled runs.
- Continuation marks ("（下转第八版）") are dropped.
- Spaces between CJK characters (justified lines) are layout, not text.

Every cleaned line keeps an :class:`~kg.model.OffsetMap` back to the page text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.patterns import HAN, HAN_WIDE, JUMP_MARK
from kg.model import OffsetMap

CONTINUATION = re.compile(JUMP_MARK)
JUMP_PAGE = "版"                 # every continuation mark names the page (版) it jumps to
CREDIT_ENDS = ("摄", "摄影")      # every photo credit ends in one
PHOTO_CREDIT = re.compile(rf"^(?:(?:本报记者|记者|通讯员|实习生)?\s*[{HAN}·]{{2,4}}\s+){{0,5}}"
                          rf"(?:本报记者|记者|通讯员|实习生)?\s*[{HAN}·]{{2,4}}\s*摄(?:影)?$")
_IS_CJK = re.compile(f"[{HAN_WIDE}]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
CHUNK = re.compile(r"\S+")
MAX_DOUBLED_LINE = 200
WIDE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
# , ; : ? ! next to a Han character or a closing mark (not between digits)
HALF_PUNCT = re.compile(rf"(?<=[{HAN_WIDE}）”’」』])[,;:?!]|[,;:?!](?=[{HAN_WIDE}（“‘「『])")
HALF_BRACKETS = re.compile(r"\(([^()\n]{1,60})\)")
HALF_MARKS = re.compile(r"[,;:?!(]")          # what either of the two above needs


@dataclass
class Line:
    kind: str            # "blank", "headline", "body" or "credit"
    text: str            # cleaned text
    offsets: OffsetMap   # cleaned offset -> page offset
    start: int           # span of the raw line in the page text
    end: int


def undouble(s: str) -> list[tuple[int, int]] | None:
    """Ranges to keep if `s` is a chain of doubled runs, else None.

    >>> s = "（（20212021--20252025年年）》）》"
    >>> "".join(s[a:b] for a, b in undouble(s))
    '（2021-2025年）》'
    >>> undouble("谢谢大家") is None, undouble("哈哈") is None, undouble("哈哈哈哈") is None
    (True, True, True)
    >>> "".join("全全市市工工作作"[a:b] for a, b in undouble("全全市市工工作作"))
    '全市工作'

    """
    n = len(s)
    if n < 4 or n % 2 or n > MAX_DOUBLED_LINE or not _first_run_doubled(s):
        return None
    if any(s.count(c) % 2 for c in set(s)):
        return None       # every character of a chain of doubled runs is there an even number of times
    # best[i]: length of the first doubled run of a valid parse of s[i:], 0 = none
    best = [0] * (n + 1)
    ok = [False] * (n + 1)
    ok[n] = True
    for i in range(n - 2, -1, -1):
        # prefer long runs; a run's second copy starts with its first character
        second = s.rfind(s[i], i + 1, i + (n - i) // 2 + 1)
        while second > i:
            j = 2 * second - i
            if ok[j] and s[i:second] == s[second:j]:
                ok[i], best[i] = True, second - i
                break
            second = s.rfind(s[i], i + 1, second)
    if not ok[0]:
        return None
    ranges, i, long_run = [], 0, False
    while i < n:
        length = best[i]
        ranges.append((i, i + length))
        # a run of one repeated character (哈哈 in 哈哈哈哈) is no evidence of doubling
        long_run |= len(set(s[i:i + length])) >= 2
        i += 2 * length
    # a headline doubled character by character (全全市市工工作作): three or more different
    # characters each written twice; 哈哈哈哈 or 常常谢谢 stay as they are
    per_char = len(ranges) >= 3 and len({s[a:b] for a, b in ranges}) >= 3
    return ranges if (long_run or per_char) and _IS_CJK.search(s) else None


def _first_run_doubled(s: str) -> bool:
    """Is some prefix of `s` (at most half of it) written twice at the start, as a chain's first run is?"""
    length = s.find(s[0], 1, len(s) // 2 + 1)
    while length > 0:
        if s.startswith(s[:length], length):
            return True
        length = s.find(s[0], length + 1, len(s) // 2 + 1)
    return False


def _chunks(raw: str) -> list[tuple[int, int]]:
    """Spans of the non-space runs of a line."""
    if raw and raw.split(maxsplit=1) == [raw]:
        return [(0, len(raw))]        # no space in it (most lines): one run
    return [m.span() for m in CHUNK.finditer(raw)]


def undouble_line(raw: str, chunks: list[tuple[int, int]] | None = None) -> list[tuple[int, int]] | None:
    """Kept spans of a headline line whose every chunk is doubled, else None (`chunks`: the line's,
    if known)."""
    chunks = _chunks(raw) if chunks is None else chunks
    if not chunks:
        return None
    kept = []
    for a, b in chunks:
        ranges = undouble(raw[a:b])
        if ranges is None:
            return None
        kept.extend((a + x, a + y) for x, y in ranges)
    return kept


def _join_spans(raw: str, spans: list[tuple[int, int]], base: int) -> tuple[str, OffsetMap]:
    """Concatenate raw[a:b] for the spans; drop spaces between CJK characters."""
    parts, omap, pos = [], OffsetMap(), 0
    prev_char, prev_end = "", 0
    for a, b in spans:
        piece = raw[a:b]
        if parts and prev_char and _ASCII_WORD.match(prev_char) and _ASCII_WORD.match(piece[:1]) \
                and raw[prev_end:a].isspace():
            # keep one space between two ASCII words the source separates, mapped to the gap
            omap.add(pos, base + a - 1)
            parts.append(" ")
            pos += 1
        omap.add(pos, base + a)
        parts.append(piece)
        pos += len(piece)
        prev_char, prev_end = piece[-1:], b
    return "".join(parts), omap


def clean_line(raw: str, base: int, headline: bool = False) -> Line:
    """Classify and clean one raw line that starts at page offset `base`.

    `headline`: the reader saw the line set as a headline (a PDF's larger
    type, an HTML page's title), so it is one even without doubled runs.
    """
    end = base + len(raw)
    if not raw.strip():
        return Line("blank", "", OffsetMap(), base, end)
    drop = [m.span() for m in CONTINUATION.finditer(raw)] if JUMP_PAGE in raw else []
    if drop:
        masked = list(raw)
        for a, b in drop:
            masked[a:b] = " " * (b - a)
        raw_for_text = "".join(masked)
    else:
        raw_for_text = raw
    if not raw_for_text.strip():
        return Line("blank", "", OffsetMap(), base, end)
    chunks = _chunks(raw_for_text)
    kept = undouble_line(raw_for_text, chunks)
    kind = "headline"
    if kept is None and headline:
        kept = chunks
    elif kept is None:
        stripped = raw_for_text.strip()
        kind = "credit" if stripped.endswith(CREDIT_ENDS) and PHOTO_CREDIT.match(stripped) else "body"
        kept = chunks
    text, omap = _join_spans(raw, kept, base)
    return Line(kind, full_width(text), omap, base, end)


def full_width(text: str) -> str:
    """Half-width punctuation of Chinese text as the full-width forms the rules read (one for one).

    Stored web copies often write ``,`` ``:`` ``(`` ``)``; a comma between Han
    characters is ``，`` and a bracketed stretch with Han in it is ``（…）``.
    Numbers keep theirs (1,000; 3:30).

    >>> full_width("9月26日,区长王某(记者 李某)到会:1,000人(2023-2025年)")
    '9月26日，区长王某（记者 李某）到会：1,000人（2023-2025年）'
    """
    if not HALF_MARKS.search(text):
        return text          # most lines: nothing half-width to widen
    text = HALF_PUNCT.sub(lambda m: WIDE[m[0]], text)
    return HALF_BRACKETS.sub(lambda m: "（" + m[1] + "）" if _IS_CJK.search(m[1]) else m[0], text)


def clean_lines(text: str, headlines: frozenset[int] = frozenset()) -> list[Line]:
    """Clean every line of a page text; `headlines`: offsets of lines the reader saw as headlines.

    >>> [l.kind for l in clean_lines("标题标题\\n正文第一行\\n\\n张三 李四 摄\\n")]
    ['headline', 'body', 'blank', 'credit']
    >>> [l.kind for l in clean_lines("某市召开会议\\n正文。\\n", headlines=frozenset({0}))]
    ['headline', 'body']
    """
    lines, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(clean_line(body, pos, pos in headlines))
        pos += len(raw)
    return lines


def join_lines(lines: list[Line]) -> tuple[str, OffsetMap]:
    """Join cleaned body lines into one running text (broken sentences rejoined)."""
    parts, omap, pos = [], OffsetMap(), 0
    prev = ""
    for line in lines:
        if not line.text:
            continue
        if prev and _ASCII_WORD.match(prev[-1]) and _ASCII_WORD.match(line.text[0]):
            omap.add(pos, line.start - 1 if line.start else 0)
            parts.append(" ")
            pos += 1
        omap.extend(line.offsets, pos)
        parts.append(line.text)
        pos += len(line.text)
        prev = line.text
    return "".join(parts), omap
