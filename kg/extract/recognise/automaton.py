"""The gazetteer automaton: every known name of a home area's world, matched in one pass.

An Aho-Corasick automaton (:class:`~.matcher.Matcher`, made once per home
area; its table is cached) maps each surface form to ``(type, canonical name, code, length)``:
administrative areas with their GB/T 2260 codes, countries, central bodies,
and the organisations and places jieba's dictionary knows. A negative
length marks a full area name (with its 市/县/区) that is safe anywhere; a
positive one needs word edges on both sides.
"""
from __future__ import annotations

import functools
import re

from kg.extract import lexicon as L
from kg.extract.cache import persistent
from kg.extract.patterns import PLACE_SUFFIX_END
from kg.extract.recognise.gazetteer import HOMES_KEPT, Area, Gazetteer, countries
from kg.extract.recognise.matcher import Matcher
from kg.extract.recognise.tokens import cut, dictionary_nt_ns

COMPANY_WORD_ENDING = re.compile(r"(公司|集团|银行)$")
ORG_WORD_ENDING = re.compile(rf"[院社部委局会厅署办所台]$|中心$|大学$|{COMPANY_WORD_ENDING.pattern}")
MEETING_WORDS = ("会议", "晚会", "大会", "机会", "社会", "宴会", "集会")   # words in 会 that name no body
NOT_ORG_ENDINGS = re.compile(f"(?:{L.alternation((*L.NOT_BODY_WORDS, *MEETING_WORDS))})$")
HOME_WORDS = ("我市", "本市", "我县", "本县", "我区", "本区", "我省", "本省", "我旗", "我州")   # the outlet's own area


@functools.lru_cache(maxsize=1)
def _organisations() -> dict[str, tuple]:
    """The automaton values of the words jieba's dictionary tags nt (the same for every home area)."""
    out = {}
    for word, tag in dictionary_nt_ns().items():
        if tag != "nt" or word in L.BODY_STEM_SET:
            continue      # 人大常委会 alone: whose? the body rule decides
        if len(word) <= 3 and word.endswith("会"):
            continue      # 协商会, 座谈会: meetings, not bodies
        if all(t in L.INDUSTRY_WORDS for t in cut(COMPANY_WORD_ENDING.sub("", word)) if t):
            continue      # 化工集团: a kind of company, not one
        if ORG_WORD_ENDING.search(word) and not NOT_ORG_ENDINGS.search(word):
            etype = "Enterprise" if COMPANY_WORD_ENDING.search(word) else "Organization"
            out[word] = (etype, word, None, len(word))
    return out


def _place_entry(word: str, gaz: Gazetteer) -> tuple | None:
    """The automaton value of a word jieba's dictionary tags ns, or None to skip it."""
    if gaz.lookup(word):
        return None
    m = PLACE_SUFFIX_END.search(word)
    core = word[:m.start()] if m else ""
    if m and (dictionary_nt_ns().get(core) == "ns" or gaz.lookup(core)):
        return ("Place", word, None, len(word))    # 某港 with a place name core
    return None


@persistent("automaton", keep=HOMES_KEPT)
def automaton(home: Area | None) -> Matcher:
    """Aho-Corasick automaton of a home area: surface form -> (type, canonical name, code, length)."""
    gaz = Gazetteer.of(home)
    table = dict(_organisations())
    for word, tag in dictionary_nt_ns().items():
        value = _place_entry(word, gaz) if tag == "ns" else None
        if value is not None:
            table[word] = value
    for name in L.NATIONAL_BODIES:
        table[name] = ("Organization", name, None, len(name))
    for name in countries():
        table[name] = ("AdministrativeArea", name, None, len(name))
    for form, area in gaz.forms.items():
        # a full name with its admin suffix is safe anywhere; short forms need word edges
        full = form.endswith(area.name) and len(form) >= 3
        table[form] = ("AdministrativeArea", area.name, area.code, -len(form) if full else len(form))
    for form in HOME_WORDS:
        area = gaz.bare(form[1:])            # 我县 in a county outlet is that county
        if area is not None:
            table[form] = ("AdministrativeArea", area.name, area.code, len(form))
    return Matcher(table)
