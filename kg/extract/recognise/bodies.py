"""Bodies and small areas named from what comes before them.

- ``area_bodies``: an area (or a bare 市/区/县) plus a body stem of the
  lexicon: 市人大常委会, 某区消防救援大队, 九三学社某市委;
- ``village_bodies``: 某某村党支部, 某某村村委会;
- ``villages``: a township right after its county (某县某某乡) or a village
  right after its township (某镇某某村), outside the gazetteer.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, TITLE_RE
from kg.extract.recognise.automaton import HOME_WORDS
from kg.extract.recognise.tokens import cut
from kg.model import Mention


VILLAGE_BODY_RE = re.compile(rf"(?P<v>[{HAN}]{{1,3}}村)(?P<stem>党支部|党总支|村委会|村民委员会|党委)")
SESSION = r"(?P<ord>第[一二三四五六七八九十百零〇\d]{1,4}届)?"      # 区第十六届人大常委会
BODY_RE = re.compile(rf"(?P<pre>自治区|自治州|[省市区县镇乡州旗]|村(?!委[^会])){SESSION}"
                     rf"(?P<stem>{L.PARTY_WORK_COMMITTEE}|{L.alternation(L.BODY_STEMS)})")
GENERIC_PREFIX_RE = re.compile(rf"(?P<pre>[省市区县州旗]){SESSION}")
BODY_HEAD_RE = re.compile(f"(?:{L.alternation(L.BODY_HEADS)})")
MAX_GENERIC_STEM = 14
NOT_IN_STEM = re.compile(rf"[^{HAN}]|[的和与及在对为是了等]")

VILLAGE_RE = re.compile(rf"[{HAN}]{{1,3}}村(?![委民])")
TOWN_RE = re.compile(rf"[{HAN}]{{1,3}}?(?:乡|镇|街道)(?![{HAN}]{{0,2}}(?:党委|政府|人大))")
# a bare 市 after one of these characters still starts a body's name: 从市委, 在市政府
GLUED_PREPOSITIONS = "从在由经将把与和到对给向"


def villages(scan) -> list[Mention]:
    """某县某某乡, 某镇某某村: a township or village named right after the area it is in."""
    out = []
    for a in scan.areas:
        rx = VILLAGE_RE if a.text.endswith(("镇", "乡", "街道")) else \
            TOWN_RE if a.text.endswith(("县", "区")) and a.text == a.name else None
        m = rx.match(scan.text, a.end) if rx else None
        if m and any(b.start == a.end for b in scan.areas):
            continue      # the gazetteer already names what follows (某某街道)
        if m and not scan.gaz.lookup(m[0]):
            out.append(Mention(a.end, m.end(), m[0], "AdministrativeArea", "suffix.village", name=m[0]))
    return out


def village_bodies(scan) -> list[Mention]:
    """某某村党支部, 某某村村委会: a village's own bodies."""
    out = []
    for m in VILLAGE_BODY_RE.finditer(scan.text):
        if m.start() in scan.bounds or m.start() == 0:
            out.append(Mention(m.start(), m.end(), m[0], "Organization", "body",
                               attrs={"prefix": m["v"], "stem": m["stem"], "relative": False,
                                      "area_name": m["v"]}))
    return out


def _body(scan, out: list[Mention], m: re.Match, end: int, area: Mention | None, stem: str) -> Mention | None:
    """The body mention from prefix `m["pre"]` (or `area`) to `end`, or None when 市 does not start a word."""
    text = scan.text
    area = area or _same_level_area(scan, m)
    if area is not None:
        start, prefix = area.start, area.text
    elif m.start() not in scan.bounds and not (m.start() - 1 in scan.bounds
                                               and text[m.start() - 1] in GLUED_PREPOSITIONS):
        return None   # 某某市委 with an area we do not know: 市 must start a word
    else:
        start, prefix = m.start(), m["pre"]
    party = next((p for p in L.DEMOCRATIC_PARTIES if text.endswith(p, 0, start)), None)
    if party and area is not None:
        start -= len(party)   # 九三学社某市委 is that party's committee, not the CPC's
    area_name = area.name if area is not None else None
    if area is None and m["pre"] in "区县镇乡":
        # 某区委、区政府: the second body is the same district's
        area_name = next((o.area_name for o in reversed(out) if o.area_name
                          and o.area_name.endswith(m["pre"])), None)
    attrs = {"prefix": prefix, "stem": stem, "relative": area is None, "area_name": area_name}
    if m["ord"]:
        attrs["session"] = m["ord"]          # 区第十六届人大常委会: the body without its term
    return Mention(start, end, text[start:end], "Organization", "body", attrs=attrs)


def _same_level_area(scan, m: re.Match) -> Mention | None:
    """长治市|市委: an area written right before a bare prefix of its own level is that prefix's area."""
    return next((a for a in scan.found if a.type == "AdministrativeArea" and a.end == m.start()
                 and a.text.endswith(m["pre"]) and a.text not in HOME_WORDS), None)


def area_bodies(scan) -> list[Mention]:
    """市人大常委会, 某区消防救援大队: an area (or 市/区/县) plus a body stem of the lexicon."""
    area_by_end = {m.end: m for m in scan.found if m.type == "AdministrativeArea"}
    out: list[Mention] = []
    for m in BODY_RE.finditer(scan.text):
        body = _body(scan, out, m, m.end(), area_by_end.get(m.end("pre")), m["stem"])
        if body is not None:
            out.append(body)
    return out


def _generic_stem(scan, p: int) -> int | None:
    """The end of a body name that starts at `p` with words and ends with a body head (市|规划资源局)."""
    text, p0 = scan.text, p
    for head in BODY_HEAD_RE.finditer(text, p, min(len(text), p + MAX_GENERIC_STEM + 3)):
        end = head.end()
        stem = text[p:end]
        if len(stem) < 2 or NOT_IN_STEM.search(stem) or end not in scan.bounds and not TITLE_RE.match(text, end):
            continue          # the body ends a word, or a title follows it (jieba cuts 资源|局局长)
        if any(p < end for p in scan.spaces if p > p0) or TITLE_RE.search(stem):
            return None          # 委书记到县融媒体中心: a title ends the search, and so does a space
        if head[0] not in L.TASK_BODY_HEADS and any(t in L.STOP_WORDS for t in cut(stem)):
            return None          # …到县融媒体中心: a verb; but 某某推进协调领导小组 names its task
        return end if len(stem) <= MAX_GENERIC_STEM else None
    return None


def generic_bodies(scan) -> list[Mention]:
    """市规划资源局, 县乡村振兴局: an area (or 市/区/县 as a word of its own) plus words ending in a body head."""
    text = scan.text
    area_by_end = {m.end: m for m in scan.found if m.type == "AdministrativeArea"}
    known = {(m.start, m.end) for m in scan.found if m.rule == "body"}
    out: list[Mention] = []
    for m in GENERIC_PREFIX_RE.finditer(text):
        area = area_by_end.get(m.end("pre"))
        if area is None and m.end("pre") not in scan.bounds:
            continue                  # 县城南部: 县 is part of a word here
        end = _generic_stem(scan, m.end())
        if end is None:
            continue
        body = _body(scan, out, m, end, area, text[m.end():end])
        if body is not None and (body.start, body.end) not in known:
            out.append(body)
    return out
