"""The gazetteer of one home area: surface form -> Area, disambiguated for the outlet.

The home area is the area the outlet's bare 省/市/县/区 refer to, at any
level: a province (a provincial paper), a city (a city daily), a county,
district or county-level city (a county outlet). A form that several areas
share goes to the one nearest home: in the home county or city first, then
the home province, then higher levels. Townships are known in the home city
(for a city, county or district home), with the home county's first; the
short forms of the home city's counties and zones (射阳, 高新区) are known as
they are used at home. Former names (孟津县 before 2021) lead to the area as
it is now; organisations and places jieba's dictionary tags ``nt`` / ``ns``
are found by :mod:`.automaton`.

>>> g = Gazetteer.for_home("保定市")
>>> g.lookup("高新区").name, g.lookup("高新区").code
('保定高新技术产业开发区', '130671')
>>> Gazetteer.for_home("襄城县").home.name, Gazetteer.for_home("襄城县").city.name
('襄城县', '许昌市')
"""
from __future__ import annotations

import functools

from kg.extract.recognise.areas import (GENERIC_COUNTIES, Area, by_code, children, code_level, countries,
                                        find_home, former_names, load_areas, renamed)

__all__ = ["Area", "Gazetteer", "code_level", "countries", "load_areas"]


# Each area adds its forms in a fixed order; a form that several areas share goes to the first of
# those nearest home. Forms are numbered area by area (SEQ_STEP numbers each) so that the order
# of adding can be told without adding: the forms every gazetteer has first, then the home's own.
SEQ_STEP = 16
SHORTENED_LEVELS = ("市", "县")   # a county-level home written without its level word in its own paper
HOME_SEQ = 8              # an area adds at most 7 forms of its own (name, level forms, short)
# homes whose gazetteer (and automaton) a process keeps, about 2 MB each: a corpus of many outlets
# (the counties of a province) turns from one home to another from page to page
HOMES_KEPT = 64


class Gazetteer:
    """Surface form -> Area, disambiguated for one home area (of any level, or none).

    The forms every home shares (:func:`_shared_forms`) are indexed once per
    process; a gazetteer adds the forms only its home has (its townships, the
    short forms of its city's counties) and picks each form's area when it is
    first looked up, so a page of another home costs a few milliseconds, not
    a walk over the 47,000 areas of the table.
    """

    def __init__(self, home: Area | None):
        self.home = home
        self.province = by_code().get(home.province) if home else None
        self.city = _city_of(home)
        self.county = home if home is not None and home.level == 2 else None
        city_code = self.city.code if self.city else (home.code if home and home.level == 0 else None)
        in_city = children().get(city_code, []) if city_code else []
        home_counties = {a.code for _, a in in_city if a.level == 2}
        if self.county is not None:
            home_counties.add(self.county.code)
        self._rank_home = (self.county.code if self.county else None, city_code, home_counties)
        self._own = self._home_forms(city_code, in_city, home_counties)
        self._picked: dict[str, Area] = {}

    def _home_forms(self, city_code: str | None, in_city: list, home_counties: set) -> dict[str, list]:
        """Form -> [(order, area)] of the forms only this home has."""
        out: dict[str, list] = {}

        def add(seq: int, form: str, a: Area) -> None:
            if len(form) >= 2:
                out.setdefault(form, []).append((seq, a))

        under = children()
        if self.county is not None and self.county.name.endswith(SHORTENED_LEVELS) and len(self.county.name) > 2:
            add(0, self.county.name[:-1], self.county)   # 某理 in 某理市's own paper: the home, not its prefecture
        for county in home_counties:
            for i, a in under.get(county, []):
                if a.level == 3 and a.name not in GENERIC_COUNTIES:
                    add(i * SEQ_STEP, a.name, a)            # the home's townships
        if city_code:
            city = by_code()[city_code]
            city_short = city.short or city.name.rstrip("市")
            for i, a in in_city:
                if a.level != 2 or a.name in GENERIC_COUNTIES:
                    continue
                seq = i * SEQ_STEP + HOME_SEQ
                if a.is_zone and a.short and self.county is None:
                    add(seq, a.short, a)                    # 高新区 in its own city's paper (a county's is its own)
                    add(seq + 1, city_short + a.short, a)   # 某州高新区
                if len(a.short) >= 2 and a.short != a.name and not a.is_zone:
                    add(seq + 2, a.short, a)                # 射阳 for 射阳县 in its own city's paper
                add(seq + 3, city.name + a.name, a)         # 某州市某区
        return out

    def _rank(self, a: Area) -> int:
        """Lower wins: the home county's own, the home city's, the home province's, the rest by level."""
        county, city, counties = self._rank_home
        if county and (a.code == county or a.parent == county):
            return 0
        if city and (a.code == city or a.parent == city) or a.level == 3 and a.parent in counties:
            return 1
        if self.province is not None and a.province == self.province.code:
            return 2
        return 3 + a.level

    def _pick(self, candidates) -> Area:
        """The area nearest home of (order, area) pairs; of equals, the first added."""
        return min(candidates, key=lambda c: (self._rank(c[1]), c[1].level, c[0]))[1]

    @property
    def forms(self) -> dict[str, Area]:
        """Every form with its area, in the order the forms were first added (a walk over all: slow)."""
        shared, own = _shared_forms(), self._own
        first = {form: pairs[0][0] for form, pairs in shared.items()}      # added in order
        for form, pairs in own.items():
            seq = min(seq for seq, _ in pairs)
            first[form] = min(first.get(form, seq), seq)
        return {form: self._pick([*shared.get(form, ()), *own.get(form, ())])
                for form in sorted(first, key=first.__getitem__)}

    @classmethod
    @functools.lru_cache(maxsize=HOMES_KEPT)
    def of(cls, home: Area | None) -> "Gazetteer":
        """The gazetteer of a home area (built once per area and process)."""
        return cls(home)

    @classmethod
    def for_home(cls, name: str | None, text: str = "") -> "Gazetteer":
        """The gazetteer of the area `name` denotes (namesakes told apart by `text`), or of no home."""
        return cls.of(find_home(name, text) if name else None)

    def lookup(self, form: str) -> Area | None:
        area = self._picked.get(form)
        if area is None:
            shared, own = _shared_forms().get(form), self._own.get(form)
            if shared is None and own is None:
                return None
            area = self._picked[form] = self._pick([*(shared or ()), *(own or ())])
        return area

    def bare(self, prefix: str) -> Area | None:
        """The area a bare 省/市/州/盟/县/区/旗/镇 of the outlet's text refers to (guideline: home area).

        >>> g = Gazetteer.for_home("襄城县")
        >>> g.bare("县").name, g.bare("市").name, g.bare("省").name, g.bare("区")
        ('襄城县', '许昌市', '河南省', None)
        >>> Gazetteer.for_home("延吉市").bare("市").name, Gazetteer.for_home("延吉市").bare("州").name
        ('延吉市', '延边朝鲜族自治州')
        """
        h = self.home
        if h is None:
            return None
        if prefix in ("省", "自治区"):
            return self.province
        if prefix in ("县", "区", "旗", "镇", "乡"):
            names = (h.name, *former_names(h))            # 水城县 (now 水城区) in a page of 2020
            return h if h.level >= 2 and any(n.endswith(prefix) for n in names) else None
        if prefix == "市":
            if h.name.endswith("市"):
                return h                      # a city, a municipality, a county-level city
            up = self.city or (self.province if self.province and self.province.name.endswith("市") else None)
            return up if h.level >= 2 and up is not None and up.name.endswith("市") else None
        if prefix in ("州", "盟"):
            for a in (h, self.city):
                if a is not None and a.name.endswith(prefix) and a.level == 1:
                    return a
        return None


@functools.lru_cache(maxsize=1)
def _shared_forms() -> dict[str, list[tuple[int, Area]]]:
    """Form -> [(order, area)] of the forms every home's gazetteer has: each area's name, its
    level forms (黔东南州), a province's or city's short form, and former names.

    Shared between gazetteers: read it, never change it.
    """
    out: dict[str, list[tuple[int, Area]]] = {}
    areas = load_areas()
    for i, a in enumerate(areas):
        if a.level == 3 or a.name in GENERIC_COUNTIES:
            continue            # townships are known at home only; 城区, 开发区: too generic to find
        forms = [a.name, *a.level_forms(), *([a.short] if a.level <= 1 and len(a.short) >= 2 else [])]
        for k, form in enumerate(forms):
            if len(form) >= 2:
                out.setdefault(form, []).append((i * SEQ_STEP + k, a))
    for j, (old, a) in enumerate(renamed().items()):
        if len(old) >= 2:
            out.setdefault(old, []).append(((len(areas) + j) * SEQ_STEP, a))
    return out


def _city_of(area: Area | None) -> Area | None:
    """The prefecture-level city an area is in (itself for a city), or None (a province, a municipality)."""
    if area is None or area.level == 0:
        return None
    if area.level == 1:
        return area
    up = by_code().get(area.parent) if area.parent else None
    if up is None and area.level == 3:
        return None
    if area.level == 3:
        return _city_of(up)
    return up if up is not None and up.level == 1 else None
