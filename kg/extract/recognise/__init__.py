"""Stage 4, recognise: find entity mentions in sentences.

Each *finder* is a plain function ``finder(scan) -> list[Mention]`` over one
:class:`Scan` of a sentence; :data:`FINDERS` lists them in the order they run
(later finders read what earlier ones found through ``scan.found``):

1. ``gazetteer_hits`` — the automaton of :mod:`.automaton` (areas with codes,
   countries, organisations and places jieba's dictionary knows); a far
   area glued to the word before it (高|新北区) is left out;
2. ``suffixes`` — names typed by their last word (…有限公司, …公园,
   …派出所), whose left edge is found by walking back over jieba tokens
   (:mod:`.suffixes`, :mod:`.edges`), and short company names before a
   company office (某某能源副董事长);
3. :mod:`.bodies` — the home's bare zones (高新区), townships and villages
   after their county or township, bodies of an area (市 + 人大常委会,
   政协某县委员会), bodies named by their words (县乡村振兴局), units of a
   body (某局党组), bodies listed after one (县政府办、督查局), the home's
   bodies without their area (人大常委会主任), village bodies;
4. :mod:`.documents` — 《policies》, documents named without book marks,
   quoted and named campaigns;
5. :mod:`.people` — names after a title chain, before a title, after a
   label, in appointments and elections, in a clause of names that attend;
6. :mod:`.scopes` — townships and villages a document's scope lists;
7. :mod:`.tagged` — names the statistical tagger finds (only with ``--tagger``),
   then :mod:`.user_names` — the names of the user's lexicons that no finder found at their span;
8. :mod:`.listed` — the items of a list after a visit verb that no finder named,
   typed by their last word or the list's kind (等企业).

:func:`settle` then keeps the longest of overlapping mentions; areas inside a
longer name are kept in ``mention.attrs["inner"]`` for name-derived facts.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from kg.model import Mention, Sentence
from kg.vocab import PERSON_TYPES
from kg.extract.recognise import bodies, documents, listed, people, quoted, scopes, suffixes
from kg.extract.recognise.user_names import user_names
from kg.extract.recognise.automaton import HOME_WORDS, automaton as build_automaton
from kg.extract import lexicon as L
from kg.extract.recognise.gazetteer import Area, Gazetteer, code_level
from kg.extract.recognise.tagged import tagged as tagged_finder
from kg.extract.patterns import CONJUNCTIONS, HAN_CHAR
from kg.extract.recognise.tokens import cut, tags, token_starts

LINKING_TAGS = {"p", "c", "v", "u", "d", "f", "vg", "zg"}     # 在|某区, 和|某县, 赴|某市: a lone character before a name
LINKING_VERBS = frozenset("任兼")     # 同志任|某省委常委: verbs of office jieba tags as no verb
TYPE_PRIORITY = {"Official": 0, "Person": 1, "Journalist": 1, "Policy": 2, "AdministrativeArea": 3,
                 "Enterprise": 4, "Organization": 5, "Place": 6, "Campaign": 7}
# on equal spans and types: what the gazetteer knows, then a body of an area (县 + 融媒体中心), then the rest
RULE_PRIORITY = {"gazetteer": 0, "body": 1}
COUNTY_LEVEL = 2          # code_level of a county, district or zone


@dataclass
class Scan:
    """One sentence as the finders see it."""
    text: str
    tokens: list[str]
    starts: list[int]                # offset of each token
    bounds: set[int]                 # token starts and the text's end: where words begin and end
    gaz: Gazetteer
    auto: object                     # the gazetteer automaton of the home area
    doc_text: str                    # the article's whole text (how often a name recurs)
    spaces: frozenset[int] = frozenset()   # where a space of the source stood (list layouts)
    tagged: list = field(default_factory=list)   # the statistical tagger's spans (tagger.Span)
    names: dict = field(default_factory=dict)    # start -> end of each name the tagger found
    found: list[Mention] = field(default_factory=list)
    areas: list[Mention] = field(default_factory=list)   # gazetteer areas (not 我市)


def gazetteer_hits(scan: Scan) -> list[Mention]:
    """Every automaton hit that respects word edges (full area names need none)."""
    out = []
    text, bounds, spaces = scan.text, scan.bounds, scan.spaces
    for end, (etype, name, code, length) in scan.auto.iter(text):
        start = end + 1 - abs(length)
        if length > 0 and not (start in bounds and end + 1 in bounds):
            continue      # a short form must fill whole words
        if spaces and any(start < p <= end for p in spaces):
            continue      # 施某某 区政府: a space of the source parts the words
        if not _near_home(scan.gaz, code) and (_glued(scan, start) or _conjoined(text, start, end)):
            continue      # 高|新北区: a full name of a far area inside a word
        if length > 0 and _zone_of_county_before(out, start, text[start:end + 1], code):
            continue      # 某县|经开区: that county's zone, not the home's
        out.append(Mention(start, end + 1, text[start:end + 1], etype, "gazetteer",
                           name=name, attrs={"code": code} if code else {}))
    scan.areas = [m for m in out if m.type == "AdministrativeArea" and m.text not in HOME_WORDS]
    return out


def _zone_of_county_before(found: list[Mention], start: int, form: str, code: str | None) -> bool:
    """Is `form` a bare zone word (经开区) written right after another county-level area (某县经开区)?"""
    return form in L.SHORT_ZONES and any(m.end == start and m.type == "AdministrativeArea"
                                         and code_level(m.attrs.get("code")) == COUNTY_LEVEL
                                         and m.attrs.get("code") != code for m in found)


def _glued(scan: "Scan", start: int) -> bool:
    """Does `start` cut a word, or follow a lone character that is no preposition or verb (高|新北区)?"""
    if start not in scan.bounds:
        return True
    i = bisect.bisect_left(scan.starts, start) - 1
    if i < 0 or scan.starts[i] + 1 != start or not HAN_CHAR.match(scan.tokens[i]):
        return False
    return tags().get(scan.tokens[i]) not in LINKING_TAGS and scan.tokens[i] not in LINKING_VERBS


def _conjoined(text: str, start: int, end: int) -> bool:
    """Is a two-character area a conjunction joining a word to a bare 县/区 (代表和县妇联)?"""
    return end - start == 1 and text[start] in CONJUNCTIONS and start > 0 and bool(HAN_CHAR.match(text[start - 1]))


def _near_home(gaz: Gazetteer, code: str | None) -> bool:
    """Is the area of `code` in the home province (or is there no home to tell)?"""
    return gaz.province is None or not code or code[:2] == gaz.province.code[:2]


FINDERS = (gazetteer_hits, suffixes.suffix_names, suffixes.titled_trade_names, bodies.home_zones, bodies.zones_of_bodies, bodies.villages, bodies.area_bodies,
           bodies.generic_bodies, bodies.sub_units, bodies.listed_bodies,
           bodies.home_bodies,
           bodies.village_bodies,
           documents.policies, documents.titled_documents, documents.campaigns, people.people,
           scopes.listed_areas, tagged_finder, user_names, listed.listed_items, quoted.quoted_names)


INNER_TYPES = ("AdministrativeArea", "Enterprise", "Organization")    # recorded inside a longer name


class Recogniser:
    """Finds mentions in the sentences of one page (one home area)."""

    def __init__(self, home: Area | None):
        self.home = home
        self.gaz = Gazetteer.of(home)
        self.auto = build_automaton(home)

    def sentence(self, sent: Sentence, doc_text: str, page_text: str = "", tagged=()) -> list[Mention]:
        """The settled mentions of `sent`; `tagged`: the tagger's spans."""
        tokens = cut(sent.text)
        starts = token_starts(tokens)
        spaces = sent.spaces(page_text) if page_text else frozenset()
        # a space of the source parts words too (王某 市财政局局长)
        scan = Scan(sent.text, tokens, starts, set(starts) | {len(sent.text)} | spaces, self.gaz, self.auto,
                    doc_text, spaces=spaces, tagged=list(tagged))
        for finder in FINDERS:
            scan.found.extend(finder(scan))
        return settle(scan.found)


def settle(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; record areas nested inside.

    >>> a = Mention(0, 3, "甲乙区", "AdministrativeArea", "g")
    >>> b = Mention(0, 7, "甲乙区消防大队", "Organization", "b")
    >>> [m.text for m in settle([a, b])], settle([a, b])[0].attrs["inner"][0].text
    (['甲乙区消防大队'], '甲乙区')
    """
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), TYPE_PRIORITY.get(m.type, 9),
                                              RULE_PRIORITY.get(m.rule, 2), m.start))
    kept: list[Mention] = []
    taken = bytearray(max((m.end for m in mentions), default=0))
    for m in ordered:
        if any(taken[m.start:m.end]):
            host = next((k for k in kept if k.start <= m.start and m.end <= k.end), None)
            if host is not None and m.type in INNER_TYPES and host.type not in PERSON_TYPES:   # not 某|智利
                host.attrs.setdefault("inner", []).append(m)
            continue
        kept.append(m)
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return sorted(kept, key=lambda m: m.start)
