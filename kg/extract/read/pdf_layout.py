"""Reading order of a PDF page from where its glyphs are, never from the content stream.

Plain geometry over :class:`Glyph` tuples (top-left origin, PDF points):

1. :func:`drop_overprint` removes fake bold: typesetting systems draw a bold
   headline twice a fraction of a point apart, which text extractors read as
   doubled runs (周周立立群群). A glyph equal to one already kept and nearly at
   its place is dropped.
2. :func:`find_lines` groups glyphs into lines: the same row, no gap wider
   than :data:`WORD_GAP` ems between neighbours.
3. :func:`blocks` orders them: lines join into column runs, and the runs
   are ordered by recursive XY-cut: a part of the page is cut at a clear
   gap, vertical (between columns) unless a horizontal one (under a
   headline, between stacked articles) is :data:`ROW_OVER_COLUMN` times
   wider, and each part is cut again; a part no straight cut divides
   (articles laid like bricks) is read article by article.

>>> g = [Glyph("乙", 60, 0, 70, 10, 10), Glyph("甲", 0, 0, 10, 10, 10), Glyph("甲", 0.3, 0, 10.3, 10, 10),
...      Glyph("丙", 0, 13, 10, 23, 10), Glyph("丁", 60, 13, 70, 23, 10)]
>>> ["".join(line.text for line in block) for block in blocks(find_lines(drop_overprint(g)))]
['甲丙', '乙丁']
"""
from __future__ import annotations

import statistics
from typing import NamedTuple

ASCENT = 0.88          # of the em box above the baseline (ideographic fonts: 0.88 up, 0.12 down)
OVERPRINT = 0.3        # ems: a second copy of a glyph this close is overprint, not text
SAME_ROW = 0.45        # ems between the vertical centres of glyphs on one row
WORD_GAP = 0.6         # ems (of the smaller glyph): a wider gap ends a line (the next column begins)
SPACE_GAP = 0.3        # ems: a gap this wide inside a line reads as a space
COLUMN_GAP = 0.6       # ems (of the body size): narrowest gap a vertical cut needs
ROW_GAP = 0.8          # ems: narrowest gap a horizontal cut needs (wider than line spacing)
ROW_OVER_COLUMN = 2.0  # a horizontal cut wins over a vertical one only if its gap is this many times wider
HEADLINE_SIZE = 1.25   # a line this many times the body size is a headline
BOLD_HEADLINE_SIZE = 1.05   # ... and a bold line this many times
STACKED = 1.5          # a headline this close under another (in its heights) is its sub- or main line


class Glyph(NamedTuple):
    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float        # font size in points
    bold: bool = False  # set bold, or overprinted (fake bold)

    @classmethod
    def on_baseline(cls, ch: str, x0: float, x1: float, baseline: float, size: float, bold: bool) -> "Glyph":
        """A glyph with the em box on its baseline: the same top and bottom for every glyph of a line."""
        return cls(ch, x0, baseline - ASCENT * size, x1, baseline + (1 - ASCENT) * size, size, bold)


class Line(NamedTuple):
    text: str                          # the glyphs' characters, spaces put in for wide gaps
    slots: tuple[Glyph | None, ...]    # the glyph behind each character of text (None: a space put in)
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False      # most of its glyphs are bold

    @property
    def glyphs(self) -> list[Glyph]:
        return [g for g in self.slots if g is not None]

    @staticmethod
    def of(glyphs: list[Glyph]) -> "Line":
        slots: list[Glyph | None] = []
        prev = None
        for g in glyphs:
            if prev is not None and g.x0 - prev.x1 > SPACE_GAP * g.size and not g.ch.isspace() \
                    and not prev.ch.isspace():
                slots.append(None)
            slots.append(g)
            prev = g
        return Line("".join(" " if g is None else g.ch for g in slots), tuple(slots),
                    min(g.x0 for g in glyphs), min(g.top for g in glyphs),
                    max(g.x1 for g in glyphs), max(g.bottom for g in glyphs),
                    statistics.median(g.size for g in glyphs), 2 * sum(g.bold for g in glyphs) > len(glyphs))


def drop_overprint(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs without the copies fake bold draws beside them (content order kept); the kept copy is bold."""
    order = sorted(range(len(glyphs)), key=lambda i: (glyphs[i].ch, glyphs[i].top, glyphs[i].x0))
    drop, bold = set(), set()
    for k, i in enumerate(order):
        g = glyphs[i]
        if g.ch.isspace():
            continue
        j = k - 1
        while j >= 0:
            h = glyphs[order[j]]
            if h.ch != g.ch or g.top - h.top > OVERPRINT * g.size:
                break
            if order[j] not in drop and abs(g.x0 - h.x0) <= OVERPRINT * g.size:
                drop.add(i)
                bold.add(order[j])
                break
            j -= 1
    return [g._replace(bold=True) if i in bold else g for i, g in enumerate(glyphs) if i not in drop]


def find_lines(glyphs: list[Glyph]) -> list[Line]:
    """Lines of glyphs: rows by vertical centre, cut where the horizontal gap is wide."""
    lines: list[Line] = []
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        centre = (g.top + g.bottom) / 2
        if rows and abs(centre - (rows[-1][0].top + rows[-1][0].bottom) / 2) <= SAME_ROW * g.size:
            rows[-1].append(g)
        else:
            rows.append([g])
    for row in rows:
        row.sort(key=lambda g: g.x0)
        run = [row[0]]
        for g in row[1:]:
            prev = run[-1]
            if g.x0 - prev.x1 > WORD_GAP * min(g.size, prev.size) or not _same_size(g, prev):
                lines.append(Line.of(_strip(run))) if _strip(run) else None
                run = []
            run.append(g)
        if _strip(run):
            lines.append(Line.of(_strip(run)))
    return lines


def _same_size(a: Glyph, b: Glyph) -> bool:
    return a.ch.isspace() or b.ch.isspace() or max(a.size, b.size) <= HEADLINE_SIZE * min(a.size, b.size)


def _strip(run: list[Glyph]) -> list[Glyph]:
    i, j = 0, len(run)
    while i < j and run[i].ch.isspace():
        i += 1
    while j > i and run[j - 1].ch.isspace():
        j -= 1
    return run[i:j]


def body_size(lines: list[Line]) -> float:
    """The font size most of the page's characters are set in."""
    sizes: dict[float, int] = {}
    for line in lines:
        key = round(line.size, 1)
        sizes[key] = sizes.get(key, 0) + len(line.glyphs)
    return max(sizes, key=sizes.get) if sizes else 10.0


def _gaps(spans: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """(width, position) of the clear gaps at least `least` wide between the merged spans."""
    out, end = [], None
    for a, b in sorted(spans):
        if end is not None and a - end >= least:
            out.append((a - end, (a + end) / 2))
        end = b if end is None else max(end, b)
    return out


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def column_blocks(lines: list[Line], size: float) -> list[list[Line]]:
    """Runs of lines set one under the other in one column, in one size class (a headline, a column)."""
    runs: list[list[Line]] = []
    for line in sorted(lines, key=lambda l: (l.top, l.x0)):
        head = is_headline(line, size)
        best, gap = None, ROW_GAP * max(size, line.size)
        for run in runs:
            last = run[-1]
            d = line.top - last.bottom
            narrow = min(line.x1 - line.x0, last.x1 - last.x0)
            if -0.2 * size <= d <= gap and is_headline(last, size) == head \
                    and _overlap(line.x0, line.x1, last.x0, last.x1) > 0.5 * narrow:
                best, gap = run, d
        if best is None:
            runs.append([line])
        else:
            best.append(line)
    return runs


class Block(NamedTuple):
    lines: list[Line]
    x0: float
    top: float
    x1: float
    bottom: float
    headline: bool

    @staticmethod
    def of(lines: list[Line], size: float) -> "Block":
        return Block(lines, min(l.x0 for l in lines), min(l.top for l in lines), max(l.x1 for l in lines),
                     max(l.bottom for l in lines), is_headline(lines[0], size))


def blocks(lines: list[Line], size: float | None = None) -> list[list[Line]]:
    """Blocks of lines in reading order; each block's lines top to bottom.

    Lines are first joined into column runs; the runs are ordered by
    recursive XY-cut (a vertical cut unless a horizontal gap is much wider);
    a part no straight cut divides (articles laid like bricks) is read
    article by article (:func:`by_headline`).
    """
    size = size or body_size(lines)
    out: list[Block] = []
    stack = [[Block.of(run, size) for run in column_blocks(lines, size)]]
    while stack:
        node = stack.pop()
        if len(node) == 1:
            out.extend(node)
            continue
        v = _gaps([(b.x0, b.x1) for b in node], COLUMN_GAP * size)
        h = _gaps([(b.top, b.bottom) for b in node], ROW_GAP * size)
        if not v and not h:
            out.extend(by_headline(node))
            continue
        vw, vx = max(v) if v else (0.0, 0.0)
        hw, hy = max(h) if h else (0.0, 0.0)
        if vw and hw < ROW_OVER_COLUMN * vw:      # side-by-side articles often share a headline row
            parts = [[b for b in node if b.x1 <= vx], [b for b in node if b.x0 >= vx]]
        else:
            parts = [[b for b in node if b.bottom <= hy], [b for b in node if b.top >= hy]]
        stack.extend(reversed(parts))       # the first part on top: read first
    return [b.lines for b in out]


def by_headline(node: list[Block]) -> list[Block]:
    """Blocks no straight cut divides, article by article.

    A body block belongs to the nearest headline above it that spans its
    middle; an article is its headline blocks, then its columns left to right.
    A block under no headline follows the article of the block above it in
    its column, or comes last.
    """
    heads = sorted((b for b in node if b.headline), key=lambda b: (b.top, b.x0))
    owner: dict[int, int] = {}
    for k, b in enumerate(node):
        mid = (b.x0 + b.x1) / 2
        above = [i for i, h in enumerate(heads) if h.bottom <= b.top + 1 and h.x0 - 1 <= mid <= h.x1 + 1
                 and h is not b and (not b.headline or b.top - h.bottom <= STACKED * (h.bottom - h.top))]
        if above:
            owner[k] = max(above, key=lambda i: heads[i].bottom)
    groups: dict[int, list[Block]] = {}
    for k, b in enumerate(node):
        if b.headline:
            # a headline under another headline (a subheadline, a kicker) joins that article
            root = heads.index(b)
            while owner.get(node.index(heads[root])) is not None:
                root = owner[node.index(heads[root])]
            groups.setdefault(root, []).append(b)
        elif k in owner:
            groups.setdefault(owner[k], []).append(b)
    orphans = [b for k, b in enumerate(node) if not b.headline and k not in owner]
    out = []
    for root in sorted(groups, key=lambda i: (heads[i].top, heads[i].x0)):
        members = groups[root]
        out += sorted((b for b in members if b.headline), key=lambda b: (b.top, b.x0))
        out += sorted((b for b in members if not b.headline), key=lambda b: (round(b.x0), b.top))
    for b in sorted(orphans, key=lambda b: (b.top, b.x0)):
        above = [i for i, o in enumerate(out) if o.bottom <= b.top + 1 and _overlap(o.x0, o.x1, b.x0, b.x1) > 0]
        at = max(above, key=lambda i: out[i].bottom) + 1 if above else len(out)
        out.insert(at, b)
    return out


def is_headline(line: Line, size: float) -> bool:
    """Set larger than the body, or bold and somewhat larger."""
    return line.size >= HEADLINE_SIZE * size or (line.bold and line.size >= BOLD_HEADLINE_SIZE * size)
