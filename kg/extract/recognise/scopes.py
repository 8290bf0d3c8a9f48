"""Townships and villages a list names, as a document's scope writes them.

A notice lists the townships it applies to one after another: in full
(某镇、某乡、某街道), or by short forms without 镇/乡 (甲、乙、丙等十七个乡镇),
and villages after their township (某镇甲村、乙村和丙村; 某镇甲庄、乙沟等村). A short form is
known when it and its 镇/乡/街道 name a township of a county in view (the
home county or one the sentence names) and the list ends in a count of
townships; it keeps the form written (the guideline annotates it as written)
unless the page gives the full name too. A list item with a township suffix
the gazetteer does not know counts among known ones: 甲镇、乙乡、丙乡.

>>> forms = short_forms(["甲城镇", "乙乡", "某某县丙庄镇"], "某某县")
>>> forms["甲城"], forms["丙庄"], forms["丙庄镇"], "乙" in forms
('甲城镇', '某某县丙庄镇', '某某县丙庄镇', False)
"""
from __future__ import annotations

import functools
import re

from kg.extract import lexicon as L
from kg.extract.patterns import CLAUSE_PUNCT, HAN_WORD
from kg.extract.recognise.areas import by_code, children
from kg.model import Mention

TOWN_SUFFIX = re.compile(r"(?:民族乡|街道|苏木|乡|镇)$")
VILLAGE_SUFFIX = re.compile(r"(?:村|社区|嘎查)$")
# what closes a list of townships or villages: 等5个乡镇（街道）, 十七个乡镇, 等村
TOWN_COUNT = re.compile(r"^(?:等)?[\d一二三四五六七八九十两]*个?(?:乡镇|乡|镇|街道|苏木|乡（镇）|镇（乡）)")
VILLAGE_COUNT = re.compile(r"^(?:等)?[\d一二三四五六七八九十两]*个?(?:行政村|村|社区|嘎查)")
PART_CUT = re.compile(rf"[{CLAUSE_PUNCT}（）()《》“”\s]")
LAST_GAP = re.compile(r"和|及|以及")            # 乙村和丙村: the last item after a conjunction
MIN_ITEM, MAX_ITEM = 2, 6
MAX_VILLAGE = 4                                # characters of a bare village name (某家庄, 某某沟)
MIN_KNOWN = 2                                  # known items a list needs before its unknown ones count


@functools.lru_cache(maxsize=256)
def _townships(county_code: str) -> dict[str, str]:
    """Written form -> full name of the townships of one county (short forms included)."""
    county = by_code().get(county_code)
    return short_forms(townships_of(county_code), county.name if county else "")


@functools.lru_cache(maxsize=256)
def _townships_in_view(county_codes: tuple[str, ...]) -> dict[str, str]:
    """Written form -> full name of the townships of these counties (the first county's form wins).

    Shared between sentences: read it, never change it.
    """
    forms: dict[str, str] = {}
    for code in county_codes:
        for form, full in _townships(code).items():
            forms.setdefault(form, full)
    return forms


def townships_of(county_code: str) -> list[str]:
    """The names of a county's townships, in table order."""
    return [a.name for _, a in children().get(county_code, []) if a.level == 3]


def short_forms(names, county_name: str) -> dict[str, str]:
    """The forms a list may write each township in: its name, without the county, without 镇/乡."""
    out: dict[str, str] = {}
    for name in names:
        bare = name[len(county_name):] if county_name and name.startswith(county_name) else name
        short = TOWN_SUFFIX.sub("", bare)
        if len(short) >= MIN_ITEM:
            out.setdefault(short, name)
    for name in names:
        bare = name[len(county_name):] if county_name and name.startswith(county_name) else name
        out[name] = name
        out.setdefault(bare, name)
    return out


def _counties(scan) -> list[str]:
    """Codes of the counties in view: the home county and those the sentence names."""
    codes = [scan.gaz.home.code] if scan.gaz.home is not None and scan.gaz.home.level == 2 else []
    for a in scan.areas:
        code = a.attrs.get("code")
        if code and by_code().get(code) is not None and by_code()[code].level == 2 and code not in codes:
            codes.append(code)
    return codes


def _parts(text: str) -> list[tuple[list[tuple[int, int]], bool]]:
    """The 、-separated parts of each clause with two or more: ([(start, end), ...], False); a
    clause without 、 is parted at its one 和/及 (甲乡和乙乡): (parts, True)."""
    runs, start = [], 0
    for cut in [*(m.start() for m in PART_CUT.finditer(text)), len(text)]:
        clause = text[start:cut]
        if "、" in clause:
            parts, pos = [], start
            for piece in clause.split("、"):
                parts.append((pos, pos + len(piece)))
                pos += len(piece) + 1
            runs.append((parts, False))
        elif "和" in clause or "及" in clause:
            joined = list(LAST_GAP.finditer(clause))
            if len(joined) == 1:
                j = joined[0]
                runs.append(([(start, start + j.start()), (start + j.end(), cut)], True))
        start = cut + 1
    return runs


def _first(text: str, span: tuple[int, int], forms: dict, found: dict) -> tuple[int, int] | None:
    """The list's first item: the longest known form (or found area) that ends the part."""
    s, e = span
    for start in range(max(s, e - MAX_ITEM), e - MIN_ITEM + 1):
        if known(text[start:e], forms) or (start, e) in found:
            return start, e
    return None


def _last(scan, span: tuple[int, int], forms: dict, found: dict, suffix: re.Pattern) -> tuple[int, int] | None:
    """The list's last item: the longest known form (or found area) that starts the part, or the
    shortest item with a township or village suffix that ends a word."""
    s, e = span
    text = scan.text
    for end in range(min(e, s + MAX_ITEM), s + MIN_ITEM - 1, -1):
        if known(text[s:end], forms) or (s, end) in found:
            return s, end
    for end in range(s + MIN_ITEM, min(e, s + MAX_ITEM) + 1):      # the shortest: 乙村 of 乙村等村
        if "等" in text[s:end]:
            break
        if suffix.search(text[s:end]) and (end == e or end in scan.bounds):
            return s, end
    return None


def known(form: str, forms: dict) -> bool:
    """A form of a township in view, or one with its former suffix (甲乡 of a township now 甲镇)."""
    if not forms:
        return False      # no county in view (and the villages' lists ask with none)
    if form in forms:
        return True
    short = TOWN_SUFFIX.sub("", form)
    return short != form and len(short) >= MIN_ITEM and short in forms


def _items(scan, parts: list[tuple[int, int]], forms: dict, found: dict,
           suffix: re.Pattern) -> list[tuple[int, int]]:
    """The items of one 、-list, first to last; the list ends at the first part that is no item."""
    text = scan.text
    first = _first(text, parts[0], forms, found)
    if first is None:
        return []
    items = [first]
    for k, (s, e) in enumerate(parts[1:], 1):
        piece = text[s:e]
        if k == len(parts) - 1 or not (MIN_ITEM <= len(piece) <= MAX_ITEM and HAN_WORD.fullmatch(piece)):
            tail = LAST_GAP.search(piece)
            if tail and _last(scan, (s + tail.end(), e), forms, found, suffix) and \
                    _last(scan, (s, s + tail.start()), forms, found, suffix) == (s, s + tail.start()):
                items.append((s, s + tail.start()))   # 乙村和丙村
                s = s + tail.end()
            last = _last(scan, (s, e), forms, found, suffix)
            if last is not None:
                items.append(last)
            break
        items.append((s, e))
    return items


def listed_areas(scan) -> list[Mention]:
    """Townships of a 、-list whose known items show it to be a list of townships; villages
    listed after a village the earlier finders found (某镇甲村、乙村和丙村)."""
    runs = _parts(scan.text)
    if not runs:
        return []
    forms = _townships_in_view(tuple(_counties(scan)))
    found = {(m.start, m.end): m for m in scan.found if m.type == "AdministrativeArea"}
    out: list[Mention] = []
    for parts, joined in runs:
        out += _listed_towns(scan, parts, forms, found)
        if not joined:
            out += _listed_villages(scan, parts, found) + _counted_villages(scan, parts, found)
    return out


def _counted_villages(scan, parts, found: dict) -> list[Mention]:
    """某镇甲庄、乙沟、丙坪等村: bare village names between their township and 等村."""
    text = scan.text
    (s0, e0), (sl, el) = parts[0], parts[-1]
    town = next((m for (s, e), m in found.items() if s0 <= s and e0 - MAX_VILLAGE <= e <= e0 - MIN_ITEM
                 and TOWN_SUFFIX.search(m.text)), None)
    close = text.find("等", sl, el)
    if town is None or close < 0 or not VILLAGE_COUNT.match(text[close:]):
        return []
    spans = [(town.end, e0), *parts[1:-1], (sl, close)]
    if not all(MIN_ITEM <= e - s <= MAX_VILLAGE and HAN_WORD.fullmatch(text[s:e]) for s, e in spans):
        return []
    return [Mention(s, e, text[s:e], "AdministrativeArea", "scope.village", name=text[s:e])
            for s, e in spans if _new_item(scan, s, e)]


def _new_item(scan, s: int, e: int) -> bool:
    """No area the earlier finders found overlaps the item, and it is no generic word (各乡镇)."""
    return not any(m.start < e and s < m.end for m in scan.found if m.type == "AdministrativeArea") \
        and not L.GENERIC_PREFIXES.match(scan.text[s:e])


def _listed_towns(scan, parts, forms: dict, found: dict) -> list[Mention]:
    """甲镇、乙乡、丙街道 / 甲、乙、丙等十七个乡镇: the townships of one list."""
    text = scan.text
    items = _items(scan, parts, forms, found, TOWN_SUFFIX)
    known_items = [(s, e) for s, e in items if (s, e) in found or known(text[s:e], forms)]
    if len(known_items) < MIN_KNOWN or 2 * len(known_items) < len(items):
        return []
    counted = bool(TOWN_COUNT.match(text[items[-1][1]:]))
    out = []
    for s, e in items:
        form = text[s:e]
        full = forms.get(form)
        if not _new_item(scan, s, e) or (full is None and not TOWN_SUFFIX.search(form)):
            continue
        if full is not None and not TOWN_SUFFIX.search(form) and not counted:
            continue          # a short form without 镇/乡 needs the count that closes the list
        name = full if full is not None and (full == form or full in scan.doc_text) else form
        out.append(Mention(s, e, form, "AdministrativeArea", "scope.township", name=name))
    return out


def _listed_villages(scan, parts, found: dict) -> list[Mention]:
    """某镇甲村、乙村和丙村: the villages after one the earlier finders found."""
    text = scan.text
    items = _items(scan, parts, {}, found, VILLAGE_SUFFIX)
    if len(items) < 2 or not VILLAGE_SUFFIX.search(text[items[0][0]:items[0][1]]):
        return []
    if not all(VILLAGE_SUFFIX.search(text[s:e]) for s, e in items):
        return []
    return [Mention(s, e, text[s:e], "AdministrativeArea", "scope.village", name=text[s:e])
            for s, e in items[1:] if _new_item(scan, s, e)]
