"""Gazetteers that ship inside installed packages (nothing downloads at run time).

- Administrative areas with their GB/T 2260 codes, development zones and new
  areas included, come from jionlp's ``china_location.zip`` (province / city /
  county / township levels) and countries from its ``world_location.txt``.
  We read jionlp's data files directly instead of importing jionlp, which
  would pull its whole NLP stack into start-up.
- Organisations and places that jieba's own dictionary tags ``nt`` / ``ns``.

>>> g = Gazetteer.for_city("保定市")
>>> g.lookup("高新区").name, g.lookup("高新区").code
('保定高新技术产业开发区', '130671')
"""
from __future__ import annotations

import functools
import importlib.util
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZONE = re.compile(r"(开发区|新区|产业园区|工业园区|管理区|实验区|示范区|高新区|经开区)$")
# county names too generic to find in running text without context
GENERIC_COUNTIES = {"城区", "郊区", "矿区", "市辖区", "新区", "高新区", "经开区", "开发区"}


def code_level(code: str | None) -> int | None:
    """The level a GB/T 2260 code denotes: 0 province, 1 city, 2 county, None without a code.

    >>> code_level("130000"), code_level("130600"), code_level("130671"), code_level(None)
    (0, 1, 2, None)
    """
    if not code or len(code) != 6:
        return None
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


@dataclass(frozen=True)
class Area:
    name: str
    code: str | None
    level: int            # 0 province, 1 city, 2 county/district/zone, 3 township/street
    parent: str | None    # code of the city (level 2) or county (level 3)
    province: str | None
    short: str = ""

    @property
    def is_zone(self) -> bool:
        return bool(ZONE.search(self.name))


def _jionlp_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the jionlp package (gazetteer data) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


@functools.lru_cache(maxsize=1)
def load_areas() -> tuple[Area, ...]:
    """Province, city and county levels of jionlp's location table.

    Townships (level 3) are kept too, but without codes (jionlp has none).
    """
    with zipfile.ZipFile(_jionlp_dir() / "china_location.zip") as zf:
        raw = zf.read("china_location.txt").decode("utf-8")
    areas, prov, city, county = [], None, None, None
    for line in io.StringIO(raw):
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 3:
            continue   # villages: too many, too ambiguous
        parts = line.strip().split("\t")
        if not parts or not parts[0]:
            continue
        name = parts[0]
        code = parts[1] if len(parts) > 1 else None
        short = parts[2] if len(parts) > 2 else ""
        if depth == 0:
            prov = code[:2] + "0000"
            areas.append(Area(name, prov, 0, None, prov, short))
            city = county = None
        elif depth == 1:
            city = code
            if code != prov:  # municipalities repeat themselves as a city
                areas.append(Area(name, code, 1, prov, prov, short))
        elif depth == 2:
            county = code
            areas.append(Area(name, code, 2, city, prov, short))
        else:
            areas.append(Area(name, None, 3, county, prov, ""))
    return tuple(areas)


@functools.lru_cache(maxsize=1)
def countries() -> tuple[str, ...]:
    """Country names (short and official) from jionlp's world table."""
    names = []
    text = (_jionlp_dir() / "world_location.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.endswith(":"):
            names.extend(p for p in parts[:2] if len(p) >= 2 and p != "中国")
    return tuple(dict.fromkeys(names))


@functools.lru_cache(maxsize=1)
def jieba_tagged() -> dict[str, str]:
    """Words jieba's dictionary tags as organisations (nt) or places (ns)."""
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    return {w: t for w, t in tags.items() if t in ("nt", "ns") and len(w) >= 2}


def city_area(name: str) -> Area | None:
    """The prefecture-level (or provincial) area a city name denotes.

    >>> city_area("廊坊").code
    '131000'
    """
    for a in load_areas():
        if a.level in (0, 1) and name in (a.name, a.short) and (a.level == 1 or a.name.endswith("市")):
            return a
    return None


class Gazetteer:
    """Surface form -> Area, disambiguated for one home city."""

    def __init__(self, home: Area | None):
        self.home = home
        self.forms: dict[str, Area] = {}
        home_code = home.code if home else None
        home_prov = home.province if home else None
        home_counties = set()

        def rank(a: Area) -> int:  # lower wins
            if home_code and (a.code == home_code or a.parent == home_code):
                return 0
            if a.level == 3 and a.parent in home_counties:
                return 0
            if home_prov and a.province == home_prov:
                return 1
            return 2 + a.level

        def add(form: str, a: Area):
            if len(form) < 2:
                return
            old = self.forms.get(form)
            if old is None or (rank(a), a.level) < (rank(old), old.level):
                self.forms[form] = a

        areas = load_areas()
        for a in areas:
            if a.level == 2 and a.parent == home_code:
                home_counties.add(a.code)
        for a in areas:
            if a.level == 3:
                if a.parent in home_counties:
                    add(a.name, a)
                continue
            if a.level == 2 and a.name in GENERIC_COUNTIES:
                continue
            add(a.name, a)
            if a.level <= 1 and len(a.short) >= 2:
                add(a.short, a)
            if a.level == 2 and a.parent == home_code:
                city_short = home.short or home.name.rstrip("市")
                if a.is_zone and a.short:
                    add(a.short, a)                    # 高新区 in its own city's paper
                    add(city_short + a.short, a)       # 某州高新区
                if len(a.short) >= 2 and a.short != a.name:
                    add(a.short, a)                    # 射阳 for 射阳县 in its own city's paper
                add(home.name + a.name, a)             # 某州市某区

    @classmethod
    @functools.lru_cache(maxsize=16)
    def for_city(cls, city: str | None) -> "Gazetteer":
        return cls(city_area(city) if city else None)

    def lookup(self, form: str) -> Area | None:
        return self.forms.get(form)

    def parent_city(self, area: Area) -> Area | None:
        code = area.parent if area.level == 2 else None
        return next((a for a in load_areas() if a.code == code and a.level == 1), None) if code else None
