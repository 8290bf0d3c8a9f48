"""Mentions from the statistical tagger's spans where no rule found anything.

A span is typed by its last word, as the suffix rules type names: a LOC
ending in 村/镇/乡/街道/苏木 is an AdministrativeArea, one ending in 园/基地/
广场 a Place; an ORG ending in a body word (局, 委, 中心, 院 …) an
Organization, any other ORG an Enterprise (中联重科, 某某科技: trade names
without a legal suffix); a PER of two to four characters starting with a
surname a Person (its type is decided later by the titles of the name).
Spans that overlap a rule's mention, and spans of other shapes, add nothing.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, PLACE_SUFFIX_END
from kg.extract.recognise.names import surname_len
from kg.extract.recognise.suffixes import only_industry
from kg.extract.recognise.tokens import PROPER_TAGS, tags
from kg.model import Mention

VILLAGE_END = re.compile(r"(?:村|镇|乡|街道|苏木|嘎查|社区)$")
# an ORG that names a government body (乡镇政府, 区人民政府): rules name bodies, the tagger does not
BODY_WORDS = re.compile(r"政府|人大|政协|党委|委员会|纪委|法院|检察院|办公室")
TRADE_END = re.compile(rf"(?:{L.alternation(L.TRADE_WORDS | {'公司', '重工', '重科', '建投', '城投'})})$")
LIST_MARK = "、"
PER_SUPPORT = ("同志", "等")
ORG_END = re.compile(r"[局委办厅院所会团部处站队校社馆台组]$|中心$")
HAN_NAME = re.compile(f"[{HAN}·]+")
MIN_ORG = 3
MIN_BODY = 4          # 宣传部 alone is a department of whatever committee comes before it
MIN_SITE = 4
MAX_PERSON = 4


def typed(text: str, label: str) -> tuple[str, str] | None:
    """(type, rule) of a tagged span's text, or None when its shape says nothing.

    >>> typed("南坪村", "LOC"), typed("青禾科技", "ORG"), typed("区工信局", "ORG"), typed("王某某", "PER")
    (('AdministrativeArea', 'tagger.village'), ('Enterprise', 'tagger.enterprise'), \
('Organization', 'tagger.organization'), ('Person', 'tagger.person'))
    """
    if not HAN_NAME.fullmatch(text):
        return None
    if label == "PER":
        return ("Person", "tagger.person") if 2 <= len(text) <= MAX_PERSON and surname_len(text, 0) else None
    if label == "LOC":
        if L.GENERIC_PREFIXES.match(text) or text[:2] in L.GENERIC_MODIFIERS:
            return None
        if VILLAGE_END.search(text) and len(text) >= 3 and tags().get(text[:-1]) in PROPER_TAGS:
            return "AdministrativeArea", "tagger.village"
        if PLACE_SUFFIX_END.search(text) and len(text) >= MIN_SITE:
            return "Place", "tagger.place"
        return None
    if len(text) < MIN_ORG or text in L.BODY_STEM_SET or text in L.BARE_DEPARTMENTS or BODY_WORDS.search(text) \
            or L.GENERIC_PREFIXES.match(text):
        return None
    if ORG_END.search(text):
        return ("Organization", "tagger.organization") if len(text) >= MIN_BODY else None
    if TRADE_END.search(text) and not only_industry(text):
        return "Enterprise", "tagger.enterprise"
    return None


def _supported(scan, span, text: str) -> bool:
    """A name the tagger alone found counts when the text backs it: in a list of names, said again, 某某同志."""
    listed = [s for s in scan.tagged if s.label == "PER" and s is not span
              and (s.end + 1 == span.start or span.end + 1 == s.start)]
    near = scan.text[span.start - 1:span.start] + scan.text[span.end:span.end + 1]
    return bool(listed) and LIST_MARK in near or scan.doc_text.count(text) >= 2 \
        or scan.text.startswith(PER_SUPPORT, span.end)


def tagged(scan) -> list[Mention]:
    """A finder: the tagger's spans of the sentence that no earlier finder covered.

    A person the tagger alone found is an Official (the guideline's default in
    public news: someone acting for a body); titles decide later where the
    page gives one (董事长: a Person).
    """
    out = []
    for span in scan.tagged:
        if any(m.start < span.end and span.start < m.end for m in scan.found):
            continue
        text = scan.text[span.start:span.end]
        kind = typed(text, span.label)
        if kind is None or kind[0] == "Person" and not _supported(scan, span, text):
            continue
        etype = "Official" if kind[0] == "Person" else kind[0]
        out.append(Mention(span.start, span.end, text, etype, kind[1], name=text))
    return out
