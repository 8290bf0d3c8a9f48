"""Regex fragments shared by the stages: one name for one pattern.

Word lists live in :mod:`kg.extract.lexicon`; these are the few patterns of
characters and function words that several rules spell alike.

>>> bool(OWNED_LINK.fullmatch("旗下的")), bool(OWNED_LINK.fullmatch("控股子公司"))
(True, True)
>>> bool(LIST_GAP.match("、")), bool(LIST_GAP.match("和")), bool(LIST_GAP.match("的"))
(True, True, False)
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.vocab import HAN, HAN_CHAR, HAN_WIDE  # noqa: F401 - the character classes, named here for the rules

HAN_WORD = re.compile(f"[{HAN}]+")        # fullmatch: only Han characters
OWNER_WORDS = "旗下|所属|下属"              # 甲集团旗下的乙公司: 乙 belongs to 甲
ZONE_BODIES = ("党工委", "管委会")          # a development zone's party committee and administration
GROUP_WORD = "集团"                         # what a group's name ends in (甲集团), and 集团公司
# what a leading group, headquarters or task force's name ends in (某某工作领导小组, 某某指挥部)
GROUP_BODY = re.compile(f"(?:{L.alternation(L.TASK_BODY_HEADS | {'工作专班', '小组'})})$")
OWNER_RE = re.compile(rf"(?:{OWNER_WORDS})的?")
# what joins an owner and the company it owns: 旗下(的), 所属, (的)(控股|全资)子公司
OWNED_LINK = re.compile(rf"(?:{OWNER_WORDS})的?|(?:的)?(?:控股|全资)?子公司")
CONJUNCTIONS = "与和及同跟"   # 甲与乙: a character that joins two names
HOME_LEVELS = "省市县区旗州盟"       # the last character of a home area whose bodies the text names bare (县委)
BARE_LEVEL_WORDS = "省市县区"        # 省|某某公司, 县|某某公司: a bare level word before a name, the home's (or its province's)
BODY_END_CHARS = "部局委办厅院所站队处科室"   # what a body's name ends in (某某部, 某某局, 某某委)
OPENING_BRACKETS, CLOSING_BRACKETS = "（(", "）)"   # full and half width
QUOTED_WORD = re.compile(rf"“([{HAN}]{{2,8}})”")   # “某某”: a quoted word before what it names
# what separates the items of a list of names: 、 和 及 与 ， 以及 (or nothing)
LIST_GAP = re.compile(r"^[、和及与，,]?$|^以及$|^、$")
# a title, maybe acting or former: 副主任, 代理县长, 代检察长, 原主任
TITLE = rf"(?:{L.alternation(L.TITLE_PREFIXES)})?(?:{L.alternation(L.TITLES)})"
TITLE_RE = re.compile(TITLE)
PLACE_SUFFIX_END = re.compile(rf"(?:{L.alternation(L.PLACE_SUFFIXES)})$")   # 某某公园: a name a place suffix ends
TITLE_AT_END = re.compile(rf"{TITLE}$")   # 市委书记, 某某总书记|视察: a text that ends in a title
CLAUSE_PUNCT = "，。；：！？,;:!?"     # what ends a clause, full and half width
CLAUSE_MARKS = "，,。；：:（("           # what a clause before a name starts after (an opening bracket too)


def clause_start(text: str, end: int, marks: str = CLAUSE_MARKS) -> int:
    """Where the clause that runs up to `end` starts: just after the last of `marks` before it, else 0.

    >>> clause_start("某县县长甲，副县长乙", 9)
    6
    """
    return max(text.rfind(c, 0, end) for c in marks) + 1


# the body of a document's title: 关于 … 的 + its head (通知, 实施方案), within one clause
ABOUT_TITLE = rf"关于[^{CLAUSE_PUNCT}]{{2,70}}的[^{CLAUSE_PUNCT}]{{1,16}}"
# verbs of locating: 位于甲区, 坐落在乙镇
LOCATING = ("位于", "坐落在", "坐落于", "地处", "落户在", "落户于")

# a continuation mark: （下转第八版） / （上接第1版）; `jump` is 下转/转 (goes on) or 上接/接 (comes from)
JUMP_MARK = r"[（(]\s*(?P<jump>下转|上接|转|接)\s*第?\s*(?P<page>[一二三四五六七八九十百\d]+)\s*版\s*[)）]"
