"""Names written in quotes before the word that types them: “某某”煤矿, “甲”“乙”两处煤矿.

Reports put a brand in quotes and the kind after it (对“青禾”“岚山”两处煤矿进行检查,
“望川”煤矿); each quoted brand with that kind is a name (青禾煤矿, 岚山煤矿), typed by
the kind's last word as the items of visit lists are (:func:`.listed.head_type`).
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, QUOTED_WORD
from kg.extract.recognise.listed import HEAD_TYPE, head_type
from kg.extract.recognise.suffixes import is_weak
from kg.model import Mention

MAX_BRAND = 6                      # characters of a quoted brand
COUNT = r"(?:[一二三四五六七八九十两\d]+[处家座个所])?"
# one or more quoted brands, a count, then a kind the lexicons type (the longest first)
QUOTED_RUN = re.compile(rf"((?:“[{HAN}]{{2,{MAX_BRAND}}}”[、和及]?)+){COUNT}"
                        rf"(?P<head>{L.alternation(HEAD_TYPE)})")
TYPED = ("Enterprise", "Place")     # a quoted slogan before 活动 or 工程 is a campaign's, not this finder's


def quoted_names(scan) -> list[Mention]:
    """A mention for each quoted brand before a kind: “青禾”“岚山”两处煤矿 -> 青禾煤矿, 岚山煤矿.

    >>> from types import SimpleNamespace as NS
    >>> [m.name for m in quoted_names(NS(text="对“青禾”“岚山”两处煤矿和“望川”煤矿进行检查"))]
    ['青禾煤矿', '岚山煤矿', '望川煤矿']
    """
    out = []
    if "“" not in scan.text:
        return out            # most sentences quote nothing: no scan of the kinds' alternation
    for run in QUOTED_RUN.finditer(scan.text):
        head = run["head"]
        etype = head_type("某" + head)
        if etype not in TYPED or is_weak(etype, head):
            continue          # “某某棋”公司: a slogan before a bare 公司, no brand
        for q in QUOTED_WORD.finditer(scan.text, run.start(), run.start("head")):
            out.append(Mention(q.start(), q.end(), q[0], etype, "suffix.quoted", name=q[1] + head))
    return out
