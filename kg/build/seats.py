"""Where an office is: the area a body's name begins with, as a GB/T code, and when two such places agree.

A body is named after its area (某县政府, 某市委, 黔东南苗族侗族自治州政府), so
the area a person holds office in is the longest area name the body's name
starts with. The names come from the graph's area entities (their names and
aliases, with the codes the extractor resolved) and from the GB/T table
(every province, city and county with its level forms: 黔东南州 for
黔东南苗族侗族自治州). A name several areas share (朝阳区) is settled by the
article's home area; a body that names no area (an enterprise) is its own
seat.

>>> s = Seats([{"name": "甲县", "aliases": [], "code": "130121"}])
>>> s.seat("甲县人民政府", None), s.seat("某某集团", None), s.seat("县政府", None)
('130121', '某某集团', None)
>>> agree("130121", "130100"), agree("130121", "130122"), agree("某某集团", "某某集团")
(True, False, True)
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

from kg.extract.patterns import HAN

LEVEL_WORDS = frozenset("省市县区州旗盟镇乡")   # a body that begins with one names no area: 市委, 县政府
LONGEST_AREA = 16             # characters of the longest area name (an autonomous prefecture's run to about 10)
AREA_PREFIX = re.compile(rf"[{HAN}]{{1,12}}?[省市县区州旗盟]")   # 某县|政府, 某某新区|政府


def code_prefix(code: str) -> str:
    """The digits a code's sub-areas share: 130000 → 13, 130100 → 1301, 130121 → 130121."""
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


def agree(a: str | None, b: str | None) -> bool:
    """Two seats are one place: the same, or one area inside the other (codes); bodies only when equal."""
    if a is None or b is None:
        return False
    if a.isdigit() and b.isdigit():
        pa, pb = code_prefix(a), code_prefix(b)
        return pa.startswith(pb) or pb.startswith(pa)
    return a == b


@functools.lru_cache(maxsize=1)
def _table_forms() -> dict[str, frozenset[str]]:
    """Every GB/T area name and level form of the provinces, cities and counties -> the codes it names."""
    from kg.extract.recognise.areas import load_areas

    out: dict[str, set[str]] = defaultdict(set)
    for a in load_areas():
        if a.code and a.level <= 2:
            for form in (a.name, *a.level_forms()):
                out[form].add(a.code)
    return {form: frozenset(codes) for form, codes in out.items()}


class Seats:
    """The area codes of body names, from the graph's area entities and the GB/T table."""

    def __init__(self, area_records: Iterable[dict]):
        self.graph: dict[str, set[str]] = defaultdict(set)
        for rec in area_records:
            if rec.get("code"):
                for form in (rec["name"], *(rec.get("aliases") or ())):
                    self.graph[form].add(rec["code"])

    def codes(self, form: str) -> set[str]:
        return self.graph.get(form) or set(_table_forms().get(form, ()))

    def seat(self, body: str, home: str | None) -> str | None:
        """The code of the longest area name `body` starts with; else the area name it begins with as
        written (某某新区); else the body itself (an enterprise, or a name several areas share); None
        for a body named by its level alone (市委, 县政府: the extractor knew no home to put before it)."""
        if body[:1] in LEVEL_WORDS:
            return None
        for end in range(min(len(body), LONGEST_AREA), 1, -1):
            codes = self.codes(body[:end])
            if len(codes) > 1 and home:
                codes = {c for c in codes if agree(c, home)} or codes
            if len(codes) == 1:
                return next(iter(codes))
            if codes:
                return body
        prefix = AREA_PREFIX.match(body)       # an area the table does not know (a new zone): its name
        return prefix[0] if prefix else body
