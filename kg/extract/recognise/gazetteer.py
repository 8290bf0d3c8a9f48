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

from kg.extract.recognise.areas import (GENERIC_COUNTIES, Area, by_code, code_level, countries, find_home,
                                        former_names, load_areas, renamed)

__all__ = ["Area", "Gazetteer", "code_level", "countries", "load_areas"]


class Gazetteer:
    """Surface form -> Area, disambiguated for one home area (of any level, or none)."""

    def __init__(self, home: Area | None):
        self.home = home
        self.province = by_code().get(home.province) if home else None
        self.city = _city_of(home)
        self.county = home if home is not None and home.level == 2 else None
        self.forms: dict[str, Area] = {}
        city_code = self.city.code if self.city else (home.code if home and home.level == 0 else None)
        home_counties = {a.code for a in load_areas() if a.level == 2 and city_code and a.parent == city_code}
        if self.county is not None:
            home_counties.add(self.county.code)
        self._rank_home = (self.county.code if self.county else None, city_code, home_counties)
        for a in load_areas():
            self._add_area(a, city_code, home_counties)
        for old, a in renamed().items():
            self._add(old, a)

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

    def _add(self, form: str, a: Area) -> None:
        if len(form) < 2:
            return
        old = self.forms.get(form)
        if old is None or (self._rank(a), a.level) < (self._rank(old), old.level):
            self.forms[form] = a

    def _add_area(self, a: Area, city_code: str | None, home_counties: set) -> None:
        if a.name in GENERIC_COUNTIES:
            return                                      # 城区, 开发区: too generic to find in running text
        if a.level == 3:
            if a.parent in home_counties:
                self._add(a.name, a)
            return
        self._add(a.name, a)
        for form in a.level_forms():
            self._add(form, a)                          # 黔东南州
        if a.level <= 1 and len(a.short) >= 2:
            self._add(a.short, a)
        if a.level == 2 and city_code and a.parent == city_code:
            city = by_code()[city_code]
            city_short = city.short or city.name.rstrip("市")
            if a.is_zone and a.short and self.county is None:
                self._add(a.short, a)                   # 高新区 in its own city's paper (a county's is its own)
                self._add(city_short + a.short, a)      # 某州高新区
            if len(a.short) >= 2 and a.short != a.name and not a.is_zone:
                self._add(a.short, a)                   # 射阳 for 射阳县 in its own city's paper
            self._add(city.name + a.name, a)            # 某州市某区

    @classmethod
    @functools.lru_cache(maxsize=32)
    def of(cls, home: Area | None) -> "Gazetteer":
        """The gazetteer of a home area (built once per area and process)."""
        return cls(home)

    @classmethod
    def for_home(cls, name: str | None, text: str = "") -> "Gazetteer":
        """The gazetteer of the area `name` denotes (namesakes told apart by `text`), or of no home."""
        return cls.of(find_home(name, text) if name else None)

    def lookup(self, form: str) -> Area | None:
        return self.forms.get(form)

    def bare(self, prefix: str) -> Area | None:
        """The area a bare 省/市/州/县/区/旗/镇 of the outlet's text refers to (guideline: home area).

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
        if prefix == "州":
            for a in (h, self.city):
                if a is not None and a.name.endswith("州") and a.level == 1:
                    return a
        return None


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
