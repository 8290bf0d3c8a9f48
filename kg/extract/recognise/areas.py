"""Administrative areas that ship inside installed packages (nothing downloads at run time).

Areas with their GB/T 2260 codes, development zones and new areas included,
come from jionlp's ``china_location.zip`` (province / city / county /
township levels), their renames (孟津县 → 孟津区, with the date of the
approval) from its ``china_location_change.txt``, countries from its
``world_location.txt``. We read jionlp's data files directly instead of
importing jionlp, which would pull its whole NLP stack into start-up.

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
from dataclasses import dataclass
from pathlib import Path

ZONE = re.compile(r"(开发区|新区|产业园区|工业园区|管理区|实验区|示范区|高新区|经开区)$")
# county names too generic to find in running text without context
GENERIC_COUNTIES = {"城区", "郊区", "矿区", "市辖区", "新区", "高新区", "经开区", "开发区"}
# forms an area is written in besides its name and short: 黔东南州 for 黔东南苗族侗族自治州
SHORT_WITH_LEVEL = (("自治州", "州"), ("地区", "地区"), ("盟", "盟"), ("自治县", "县"), ("自治旗", "旗"))
QUALIFIED = re.compile(r"^(?P<upper>.+?(?:省|自治区|市|自治州|州|地区|盟))(?P<rest>.+)$")


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
def by_code() -> dict[str, Area]:
    """Area by GB/T code; where a city's only 'county' repeats its code (市直辖行政区划), the city."""
    out: dict[str, Area] = {}
    for a in load_areas():
        if a.code:
            out.setdefault(a.code, a)
    return out


def parent_area(area: Area) -> Area | None:
    """The area one level up that has a code (the city of a county, the province of a city)."""
    return by_code().get(area.parent) if area.parent else None


@functools.lru_cache(maxsize=1)
def renamed() -> dict[str, Area]:
    """Former names of areas that were renamed or upgraded -> the area as it is now.

    From jionlp's change table (淮阳县 -> 淮阳区, 2019-06-27); a rename whose new
    name is not in the current table is skipped.
    """
    current: dict[tuple[str, str], Area] = {}
    for a in load_areas():
        if a.level <= 2:
            current[(a.province or "", a.name)] = a
    out: dict[str, Area] = {}
    for line in (_jionlp_dir() / "china_location_change.txt").read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        before, after = line.split("=>", 1)
        old = before.split("\t")[-2]          # the old name; the last field is its short form
        new_parts = after.split("\t")         # province, (city,) new name
        new_name = new_parts[-1]
        province = next((a.code for a in load_areas() if a.level == 0 and a.name == new_parts[0]), "")
        area = current.get((province or "", new_name))
        if area is not None and old != new_name and len(old) >= 2 and old not in GENERIC_COUNTIES:
            out.setdefault(old, area)
    return out


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
