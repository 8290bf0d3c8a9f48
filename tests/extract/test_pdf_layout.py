"""Reading order from glyph positions (kg.extract.read.pdf_layout), on invented typeset pages.

Pages are typeset here glyph by glyph (10 pt body, 20 pt headlines) and the
glyphs shuffled, as a content stream may hold them; the blocks must come
out in reading order whatever the order of the glyphs.
"""
from __future__ import annotations

import random

import pytest

from kg.extract.read.glyphs import fold_glyphs, fold_table
from kg.extract.read.pdf import layout_text
from kg.extract.read.pdf_layout import Glyph, blocks, drop_overprint, find_lines

BODY, HEAD, PITCH, COL, GAP = 10.0, 20.0, 14.0, 100.0, 12.0


def typeset(text: str, x: float, y: float, size: float = BODY, per_line: int = 10, bold=False) -> list[Glyph]:
    """Glyphs of `text` from (x, y) down, `per_line` characters a line."""
    out = []
    for k, ch in enumerate(text):
        row, col = divmod(k, per_line)
        top = y + row * (PITCH if size == BODY else size * 1.4)
        out.append(Glyph(ch, x + col * size, top, x + (col + 1) * size, top + size, size, bold))
    return out


def column_x(c: int) -> float:
    return c * (COL + GAP)


def read(glyphs: list[Glyph], seed: int = 5) -> list[str]:
    glyphs = glyphs[:]
    random.Random(seed).shuffle(glyphs)
    return ["".join(line.text for line in block) for block in blocks(find_lines(drop_overprint(glyphs)))]


def test_three_columns_read_left_to_right_whatever_the_glyph_order():
    cols = ["甲列文字" * 10, "乙列文字" * 10, "丙列文字" * 10]
    glyphs = [g for c, text in enumerate(cols) for g in typeset(text, column_x(c), 0)]
    for seed in range(5):
        assert read(glyphs, seed) == cols


def test_a_headline_across_two_columns_comes_before_them_and_the_third_column_after():
    page = typeset("某市召开会议", 0, 0, HEAD, per_line=10)
    page += typeset("会议第一列" * 8, column_x(0), 40) + typeset("会议第二列" * 8, column_x(1), 40)
    page += typeset("另一篇报道", column_x(2), 0, HEAD, per_line=5)
    page += typeset("另一篇正文" * 8, column_x(2), 40)
    assert read(page) == ["某市召开会议", "会议第一列" * 8, "会议第二列" * 8, "另一篇报道", "另一篇正文" * 8]


def test_articles_laid_like_bricks_are_read_one_after_the_other():
    """X over columns 0-1, a taller Y over 2-3, then Z over 1-2 under both and W in column 0."""
    x = typeset("甲篇标题", 0, 0, HEAD) + typeset("甲左" * 20, column_x(0), 40) + typeset("甲右" * 20, column_x(1), 40)
    y = typeset("乙篇标题", column_x(2), 0, HEAD) + typeset("乙左" * 30, column_x(2), 40) + \
        typeset("乙右" * 30, column_x(3), 40)
    z = typeset("丙篇标题", column_x(1), 150, HEAD) + typeset("丙左" * 10, column_x(1), 190) + \
        typeset("丙右" * 10, column_x(2), 190)
    w = typeset("丁篇标题", column_x(0), 150, HEAD, per_line=4) + typeset("丁文" * 20, column_x(0), 190)
    got = read(x + y + z + w)
    assert len(got) == 11
    order = [b[0] for b in got]
    for article in ("甲", "乙", "丙", "丁"):               # every article's blocks together, headline first
        at = [k for k, first in enumerate(order) if first == article]
        assert at == list(range(at[0], at[0] + len(at))) and got[at[0]].endswith("篇标题")
    assert got[got.index("甲篇标题") + 1:got.index("甲篇标题") + 3] == ["甲左" * 20, "甲右" * 20]


def test_overprinted_glyphs_are_dropped_and_marked_bold_but_repeated_characters_stay():
    head = typeset("谢谢大家", 0, 0, HEAD)
    overprint = [g._replace(x0=g.x0 + 0.4, x1=g.x1 + 0.4) for g in head]
    kept = drop_overprint(head + overprint)
    assert "".join(g.ch for g in sorted(kept, key=lambda g: g.x0)) == "谢谢大家"
    assert all(g.bold for g in kept)
    assert all(not g.bold for g in drop_overprint(head))


def test_headlines_are_marked_for_the_cleaner_and_pages_are_form_feeds():
    page1 = typeset("某市召开会议", 0, 0, HEAD) + typeset("本报讯 某市召开全市工作会议。", 0, 40, per_line=20)
    page2 = typeset("第二版正文。", 0, 0)
    text, layout = layout_text([page1, page2])
    assert text == "某市召开会议\n\n本报讯 某市召开全市工作会议。\f第二版正文。"
    assert layout.headlines == frozenset({0})
    assert layout.pages_of(0, len(text)) == [1, 2] and layout.where(text.index("第二版"), len(text))[0] == 2


@pytest.mark.parametrize("raw,folded", [
    ("市\u2ed3", "市长"), ("\u2ec5面", "见面"), ("\u2ea0生", "民生"), ("新能源\u2ecb", "新能源车"),   # Radicals Supplement
    ("\u2f74案", "立案"), ("\u2f94论", "言论"),                                                    # Kangxi Radicals
    ("\uf900", "\u8c48"), ("\U0002f800", "\u4e3d"),                                             # compatibility
    ("普通文字，不变。", "普通文字，不变。"),
])
def test_radical_and_compatibility_code_points_fold_one_for_one(raw, folded):
    assert fold_glyphs(raw) == folded and len(fold_glyphs(raw)) == len(raw)


def test_the_fold_table_covers_both_radical_blocks():
    table = fold_table()
    assert sum(0x2E80 <= cp <= 0x2EFF for cp in table) == 114 and sum(0x2F00 <= cp <= 0x2FDF for cp in table) == 214
