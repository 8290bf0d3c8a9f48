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
from kg.extract.patterns import HAN
from kg.model import Mention

VILLAGE_BODY_RE = re.compile(rf"(?P<v>[{HAN}]{{1,3}}村)(?P<stem>党支部|党总支|村委会|村民委员会|党委)")
BODY_RE = re.compile(rf"(?P<pre>自治区|自治州|[省市区县镇乡州旗]|村(?!委[^会]))"
                     rf"(?P<stem>{L.PARTY_WORK_COMMITTEE}|{L.alternation(L.BODY_STEMS)})")
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


def area_bodies(scan) -> list[Mention]:
    """市人大常委会, 某区消防救援大队: an area (or 市/区/县) plus a body stem."""
    text = scan.text
    area_by_end = {m.end: m for m in scan.found if m.type == "AdministrativeArea"}
    out: list[Mention] = []
    for m in BODY_RE.finditer(text):
        area = area_by_end.get(m.end("pre"))
        if area is not None:
            start, prefix = area.start, area.text
        elif m.start() not in scan.bounds and not (m.start() - 1 in scan.bounds
                                                   and text[m.start() - 1] in GLUED_PREPOSITIONS):
            continue   # 某某市委 with an area we do not know: 市 must start a word
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
        out.append(Mention(start, m.end(), text[start:m.end()], "Organization", "body",
                           attrs={"prefix": prefix, "stem": m["stem"], "relative": area is None,
                                  "area_name": area_name}))
    return out
