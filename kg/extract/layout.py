"""List layouts: one person a line (名单, 组成人员, 出席人员), without sentence punctuation.

Cleaning joins the lines of a body into running text, as a PDF text layer
needs; but a notice that lists its members one a line (``组 长：王 某 市长``,
``李某某 市财政局局长``) has no 。 between them, and the names would run into
the titles of the line before. A line that starts like such an item (a name
of two or three characters, maybe after a role and a colon, then a space)
starts a sentence of its own.

>>> from kg.model import OffsetMap, Sentence
>>> page = "成员如下：\\n组 长：王 某 市长\\n李某某 市财政局局长\\n"
>>> text = "成员如下：组长：王某市长李某某市财政局局长"
>>> m = OffsetMap(); _ = [m.add(i, page.index(ch, m.source(i - 1) + 1 if i else 0)) for i, ch in enumerate(text)]
>>> [s.text for s in split_list_lines([Sentence(text, m)], page)]
['成员如下：', '组长：王某市长', '李某某市财政局局长']
"""
from __future__ import annotations

import re

from kg.extract.patterns import ABOUT_TITLE, CLAUSE_PUNCT, HAN
from kg.model import Sentence

SPACE = "[ \\t\\u3000]"
LIST_ITEM = re.compile(rf"^{SPACE}*(?:[{HAN}]{{1,3}}{SPACE}?[{HAN}]?{SPACE}*[：:]{SPACE}*)?"
                       rf"[{HAN}](?:{SPACE}?[{HAN}]){{1,2}}{SPACE}+[{HAN}]")
MAX_ITEM_LINE = 60
# a numbered heading of a notice: 一、主要职责 / （二）工作机构 / 3. 组成人员
HEADING = re.compile(rf"^{SPACE}*(?:[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十\d]{{1,3}}[)）]|\d{{1,2}}[.．、])")
MAX_HEADING = 20
WORD_RUN = re.compile(f"[{HAN}]{{2}}")
ITEM_BREAKERS = re.compile("[，。；！？（）()]")
DATE_LINE = re.compile(rf"^{SPACE}*\d{{4}}年\d{{1,2}}月\d{{1,2}}日")      # the date line under a title
TITLE_LINE = re.compile(rf"[^{CLAUSE_PUNCT}]{{2,40}}{ABOUT_TITLE}")


def _line_at(page_text: str, pos: int) -> str:
    end = page_text.find("\n", pos)
    return page_text[pos:end if end >= 0 else len(page_text)]


def _heading(line: str) -> bool:
    return bool(HEADING.match(line)) and len(line.strip()) <= MAX_HEADING and not re.search("[。；]", line)


def item_starts(sent: Sentence, page_text: str) -> list[int]:
    """Offsets in the sentence where a list-item line or a heading begins, or where a heading ends."""
    out = []
    for c, a, b in sent.offsets.gaps(len(sent.text)):
        if not (0 < c and "\n" in page_text[a:b]):
            continue
        line = _line_at(page_text, b)
        before = page_text[page_text.rfind("\n", 0, a) + 1:a]
        if _item(line) or _item(before) or _heading(line) or _heading(before) or DATE_LINE.match(line) \
                or TITLE_LINE.fullmatch(before.strip()):
            out.append(c)
    return out


def _item(line: str) -> bool:
    m = LIST_ITEM.match(line) if len(line) <= MAX_ITEM_LINE else None
    rest = line[m.end() - 1:] if m else ""
    # a title chain after the name: words (not single justified characters), no clause punctuation
    return bool(m and WORD_RUN.search(rest) and not ITEM_BREAKERS.search(rest))


def split_list_lines(sentences: list[Sentence], page_text: str) -> list[Sentence]:
    """The sentences with each list-item line cut off as a sentence of its own (re-indexed)."""
    out = []
    for sent in sentences:
        cuts = [0, *item_starts(sent, page_text), len(sent.text)]
        if len(cuts) == 2 and sent.offsets.starts_at_zero():
            out.append(sent)          # no list line in it: the sentence as it is
            continue
        for a, b in zip(cuts, cuts[1:]):
            if sent.text[a:b].strip():
                out.append(Sentence(text=sent.text[a:b], offsets=sent.offsets.shifted(a, b)))
    for i, s in enumerate(out):
        s.index = i
    return out
