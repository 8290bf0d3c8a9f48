"""The home area of a page that was not given one: the area its bare 县委/市政府/省长 refer to.

A county outlet writes 县委 for its own county's committee and names the
county now and then; a city daily writes 市委 and names its city; a
provincial paper writes 省委. So: find the bare bodies (县委, 区政府, 市长 …
not preceded by an area name), take the level the page has most of (the
lower on a tie), and the area of that level the page names most. A county outlet is never forced
onto its prefecture. Without bare bodies, the city the page names most
(at least twice) is taken.

>>> infer_home("本报讯 县委书记王某到城关镇调研。襄城县各乡镇……县委要求").name
'襄城县'
>>> infer_home("本报讯 廊坊市召开会议。廊坊各区县……我市").name
'廊坊市'
"""
from __future__ import annotations

import re
from collections import Counter

from kg.extract.recognise.areas import Area, by_code
from kg.extract.recognise.automaton import automaton

BARE_BODY = re.compile(r"(省|市|州|盟|县|区|旗)(?=委|人民政府|政府|行署|人大|政协|纪委|长|领导)")
# lowest level first: which bare prefix names an area of which kind
LEVELS = (("县", lambda a: a.level == 2 and a.name.endswith("县")),
          ("旗", lambda a: a.level == 2 and a.name.endswith("旗")),
          ("区", lambda a: a.level == 2 and a.name.endswith("区")),
          ("市", lambda a: a.name.endswith("市")),
          ("州", lambda a: a.level == 1 and a.name.endswith("州")),
          ("盟", lambda a: a.level == 1 and a.name.endswith("盟")),
          ("省", lambda a: a.level == 0))
MIN_CITY_MENTIONS = 2


def area_mentions(text: str) -> tuple[Counter, set[int]]:
    """How often the page names each area (by code), and where area names end."""
    counts: Counter = Counter()
    ends: set[int] = set()
    for end, (etype, _name, code, _n) in automaton(None).iter(text):
        if etype == "AdministrativeArea" and code:
            counts[code] += 1
            ends.add(end + 1)
    return counts, ends


def infer_home(text: str) -> Area | None:
    counts, ends = area_mentions(text)
    bare = Counter(m[1] for m in BARE_BODY.finditer(text) if m.end(1) not in ends)
    named = [(by_code()[code], n) for code, n in counts.items() if code in by_code()]
    order = sorted(range(len(LEVELS)), key=lambda i: (-bare[LEVELS[i][0]], i))
    for prefix, fits in (LEVELS[i] for i in order):
        if not bare[prefix]:
            continue
        cands = [(a, n) for a, n in named if fits(a)]
        if cands:
            return max(cands, key=lambda c: (c[1], -c[0].level))[0]
    cities = [(a, n) for a, n in named if a.level == 1 and n >= MIN_CITY_MENTIONS]
    return max(cities, key=lambda c: c[1])[0] if cities else None
