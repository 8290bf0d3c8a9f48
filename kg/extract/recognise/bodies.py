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
from kg.extract.patterns import CONJUNCTIONS, HAN, HAN_CHAR, HOME_LEVELS, TITLE_RE, ZONE_BODIES
from kg.extract.recognise.automaton import HOME_WORDS
from kg.extract.recognise.tokens import GLUE_CHARS, cut, tags
from kg.model import Mention


VILLAGE_BODY_RE = re.compile(rf"(?P<v>[{HAN}]{{1,3}}村)(?P<stem>党支部|党总支|村委会|村民委员会|党委)")
SESSION = r"(?P<ord>第?[一二三四五六七八九十百零〇\d]{1,4}届)?"      # 区第九届人大常委会, 县十二届委员会
BODY_RE = re.compile(rf"(?P<pre>自治区|自治州|[省市区县镇乡州旗盟]|村(?!委[^会])){SESSION}"
                     rf"(?P<stem>{L.PARTY_WORK_COMMITTEE}|{L.alternation(L.BODY_STEMS)})")
GENERIC_PREFIX_RE = re.compile(rf"(?P<pre>[省市区县州旗盟]){SESSION}")
NOT_HOME_DEPARTMENTS = (*ZONE_BODIES, "委员会", "村委会", "居委会", "村民委员会", "党支部", "党总支")
# a county's or city's department named bare before its head's title (发改委主任某某): the home's
HOME_BODY_RE = re.compile(r"人大常委会党组|人大常委会|人大党组|政协党组|人大|政协|政府")
HOME_DEPARTMENTS = tuple(s for s in L.BODY_STEMS if len(s) >= 3 and not s.startswith("委") and s not in NOT_HOME_DEPARTMENTS
                         and not HOME_BODY_RE.search(s) and "人民代表大会" not in s)
HOME_PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委")   # the home's party committee's, as 委组织部
HOME_DEPARTMENT_RE = re.compile(rf"(?:{L.alternation((*HOME_DEPARTMENTS, *HOME_PARTY_DEPARTMENTS))})"
                                rf"(?=(?:{TITLE_RE.pattern}))")
CHAIN_MARKS = "、，,"                  # 县委常委、宣传部部长: a department in someone's chain is that 委's
LINKING_CHARS = "在由" + CONJUNCTIONS    # 一行在|发改委主任某某: a one-character word before a bare body
MEETING_VERBS = frozenset({"召开", "举行", "主持", "组织"})   # 某市组织召开|某某领导小组会议: no part of a name
CONGRESS, STANDING_COMMITTEE = "人大", "人大常委会"
STANDING_TITLE_RE = re.compile(r"常务副主任|副主任|主任|秘书长|党组(?:副)?书记|党组成员")   # the standing committee's
# a unit of a body: its party group, a division, a department, an office
SUB_UNIT_RE = re.compile(rf"(党组|党委|常务委员会|[{HAN}]{{1,8}}?(?:处|科|室|部|工委|办公室|中心|大队|支队|办))")
# the special committees of a congress or a CPPCC: 某省政协经济委员会, 某市人大常委会法制工作委员会
COMMITTEE_RE = re.compile(rf"(?![各全])([{HAN}]{{2,8}}?委员会)")      # not 各工作委员会: every one of them
CONGRESS_STEMS = ("政协", "人大", "人大常委会")
SUB_UNIT_AFTER = ("、", "，", "。", "和", "及")
ZONE_BEFORE_BODY = re.compile(rf"[{HAN}]{{2,3}}区(?={'|'.join(ZONE_BODIES)})")   # 某某区|党工委: a zone's short name
ZONE_WORD_RE = re.compile(r"高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区")
TERM_AFTER = re.compile(r"第?[一二三四五六七八九十]+届")    # 政协某县|第十四届五次会议
CPPCC_LEADS = ("中国人民政治协商会议", "政协")     # 政协 + area + 委员会: that area's 政协
# 政协(第九届)某县委员会 before the area, 某县政协第九届委员会 after the body: the CPPCC itself
CPPCC_LEAD_RE = re.compile(rf"(?:{'|'.join(CPPCC_LEADS)})(?:{TERM_AFTER.pattern})?$")
CPPCC_TERM_RE = re.compile(rf"{TERM_AFTER.pattern}委员会")
AFTER_BODY = ("委、", "委和", "委，", "委及")      # 县委、政府
BODY_HEAD_RE = re.compile(f"(?:{L.alternation(L.BODY_HEADS)})")
MAX_GENERIC_STEM = 14
LIST_JOINERS = ("、",)
# an item of a list of bodies after a body: words ending in a body head, up to the next item
LISTED_BODY_RE = re.compile(rf"[{HAN}]{{1,8}}?(?:{L.alternation((*L.BODY_HEADS, '大队', '支队'))})"
                            r"(?=[、，。；等及和]|$)")
NOT_IN_STEM = re.compile(rf"[^{HAN}]|[的和与及在对为是了等]")

VILLAGE_RE = re.compile(rf"[{HAN}]{{1,3}}村(?![委民])")
VISIT_WORDS = tuple(sorted({*L.VISIT_VERBS, *L.SUPERVISING_VERBS}))   # 某镇调研乡村: a verb, no village
TOWN_RE = re.compile(rf"[{HAN}]{{1,3}}?(?:乡|镇|街道)(?![{HAN}]{{0,2}}(?:党委|政府|人大))")


def villages(scan) -> list[Mention]:
    """某县某某乡, 某镇某某村: a township or village named right after the area it is in."""
    out = []
    for a in scan.areas:
        rx = VILLAGE_RE if a.text.endswith(("镇", "乡", "街道")) else \
            TOWN_RE if a.text.endswith(("县", "区")) and a.text == a.name else None
        m = rx.match(scan.text, a.end) if rx else None
        if m and any(b.start == a.end for b in scan.areas):
            continue      # the gazetteer already names what follows (某某街道)
        if m and m.end() in scan.bounds and not scan.gaz.lookup(m[0]) \
                and not m[0].startswith(VISIT_WORDS):     # not 某县|调研乡|村振兴, 某镇|调研乡村
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
    # 某某市委 with an area we do not know: 市 must start a word, or follow a preposition
    # jieba glued to it (从市委, 为市财政局)
    elif m.start() not in scan.bounds and not (m.start() - 1 in scan.bounds
                                               and text[m.start() - 1] in GLUE_CHARS):
        return None
    else:
        start, prefix = m.start(), m["pre"]
    party = next((p for p in L.DEMOCRATIC_PARTIES if text.endswith(p, 0, start)), None)
    if party and area is not None:
        start -= len(party)   # 九三学社某市委 is that party's committee, not the CPC's
    cppcc = None
    if stem == "委员会":             # 政协某市某区第八届委员会: the lead may stand before the upper area
        upper = next((a.start for a in scan.areas if a.end == start), start)
        cppcc = CPPCC_LEAD_RE.search(text, 0, start) or CPPCC_LEAD_RE.search(text, 0, upper)
    if cppcc:
        start, stem = cppcc.start(), "政协"   # 政协(第九届)某县(第八届)委员会 is 某县政协
    area_name = area.name if area is not None else None
    if area is None and m["pre"] in "区县镇乡":
        # 某区委、区政府: the second body is the same district's
        area_name = next((o.area_name for o in reversed(out) if o.area_name
                          and o.area_name.endswith(m["pre"])), None)
    attrs = {"prefix": prefix, "stem": _congress_stem(text, end, stem), "relative": area is None, "area_name": area_name}
    if cppcc:
        attrs["prefix_elsewhere"] = True      # the name starts before the area: 政协某县委员会
    if area is not None and area.name != area.text:
        attrs["prefix_name"] = area.name      # 高新区 of a 台州 page: 台州高新区
    if area is not None and area.attrs.get("code"):
        attrs["area_code"] = area.attrs["code"]    # 宁波市鄞州区人民政府办公室: 鄞州区政府办公室
    if m["ord"]:
        attrs["session"] = m["ord"]          # 区第九届人大常委会: the body without its term
    return Mention(start, end, text[start:end], "Organization", "body", attrs=attrs)


def _cppcc_of_session(scan, area: Mention) -> Mention | None:
    """政协某县第十四届五次会议: a session of that county's CPPCC names the CPPCC (某县政协)."""
    lead = CPPCC_LEADS[-1]
    if not scan.text.endswith(lead, 0, area.start) or not TERM_AFTER.match(scan.text, area.end):
        return None
    attrs = {"prefix": area.text, "stem": lead, "relative": False, "area_name": area.name,
             "prefix_elsewhere": True, **({"area_code": area.attrs["code"]} if area.attrs.get("code") else {})}
    return Mention(area.start - len(lead), area.end, scan.text[area.start - len(lead):area.end], "Organization",
                   "body", attrs=attrs)


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
    if CPPCC_LEADS[-1] in scan.text:
        out += filter(None, (_cppcc_of_session(scan, a) for a in area_by_end.values()))
    return out


def sub_units(scan) -> list[Mention]:
    """某局党组, 某委工业处, 某会贸易投资促进部, 某委会综合事务部、对外联络部: a unit of a body named after it."""
    text, out = scan.text, []
    for body in [m for m in scan.found if m.type == "Organization" and m.rule == "body"]:
        pos, unit_of = body.end, body
        while True:
            m = SUB_UNIT_RE.match(text, pos) or (COMMITTEE_RE.match(text, pos)
                                                 if unit_of.attrs["stem"].endswith(CONGRESS_STEMS) else None)
            if m is None or m.end() not in scan.bounds and not TITLE_RE.match(text, m.end()):
                break
            if not (TITLE_RE.match(text, m.end()) or text[m.end():m.end() + 1] in SUB_UNIT_AFTER):
                break        # a unit's name is followed by a title or by the next unit of a list
            attrs = dict(unit_of.attrs, stem=unit_of.attrs["stem"] + m[1])
            if unit_of.attrs["stem"] == CPPCC_LEADS[-1] and CPPCC_TERM_RE.fullmatch(m[1]):
                attrs = dict(unit_of.attrs, session=m[1][:-3], prefix_elsewhere=True)   # 某县政协第九届委员会
            out.append(Mention(unit_of.start, m.end(), unit_of.text + m[1], "Organization", "body", attrs=attrs))
            if not text.startswith("、", m.end()):
                break
            pos = m.end() + 1   # 综合事务部、对外联络部: the next unit of the same body
            unit_of = body
    return out


def listed_bodies(scan) -> list[Mention]:
    """县政府办、督查局、应急管理局等单位: the bodies listed after one share its area."""
    text, out = scan.text, []
    for body in [m for m in scan.found if m.type == "Organization" and m.rule == "body"]:
        pos = body.end
        while text.startswith(LIST_JOINERS, pos):
            item = LISTED_BODY_RE.match(text, pos + 1)
            if item is None or NOT_IN_STEM.search(item[0]) or item.end() not in scan.bounds \
                    or item[0].endswith(L.NOT_BODY_WORDS):
                break
            attrs = dict(body.attrs, stem=item[0], prefix_elsewhere=True)
            attrs.pop("session", None)
            out.append(Mention(item.start(), item.end(), item[0], "Organization", "body", attrs=attrs))
            pos = item.end()
    return out


def home_zones(scan) -> list[Mention]:
    """高新区, 经开区 not in the gazetteer: the home's own zone (guideline), named 某市高新区."""
    home = scan.gaz.home
    if home is None:
        return []
    own = home.short or home.name
    out = []
    for m in ZONE_WORD_RE.finditer(scan.text):
        if m.start() not in scan.bounds or any(a.start < m.end() and m.start() < a.end for a in scan.found
                                               if a.type == "AdministrativeArea") \
                or m.start() > 0 and scan.text[m.start() - 1] in HOME_LEVELS:
            continue
        out.append(Mention(m.start(), m.end(), m[0], "AdministrativeArea", "home.zone", name=own + m[0]))
    return out


def zones_of_bodies(scan) -> list[Mention]:
    """某某区党工委, 某某区管委会 with 某某区 no area of the gazetteer and no word of the dictionary:
    a development zone known by its short name, which those bodies are of."""
    out = []
    for m in ZONE_BEFORE_BODY.finditer(scan.text):
        if m.start() in scan.bounds and m.end() in scan.bounds and tags().get(m[0]) is None \
                and not any(a.start < m.end() and m.start() < a.end for a in scan.found if a.type == "AdministrativeArea"):
            out.append(Mention(m.start(), m.end(), m[0], "AdministrativeArea", "zone.body", name=m[0]))
    return out


def home_bodies(scan) -> list[Mention]:
    """人大常委会副主任某某, 政府县长某某, 县委、政府: the outlet's own bodies named without their area.

    Only before a title or after another body of the home (县委、政府); the
    area is the home's own level (县 in a county outlet).
    """
    home = scan.gaz.home
    level = home.name[-1] if home is not None and home.name[-1] in HOME_LEVELS else None
    if level is None:
        return []
    text, out = scan.text, []
    for m in HOME_BODY_RE.finditer(text):
        if m.start() > 0 and (HAN_CHAR.match(text[m.start() - 1]) and not text.endswith(AFTER_BODY, 0, m.start())):
            continue      # 某某政府, 人民政府: part of a longer name
        if TITLE_RE.match(text, m.end()) or text.endswith(AFTER_BODY, 0, m.start()):
            out.append(_home_body(m, level))
    # 一行在发改委主任某某的陪同下: a department of the home, before its head's title
    for m in HOME_DEPARTMENT_RE.finditer(text):
        party = m[0] in HOME_PARTY_DEPARTMENTS
        if party and m.start() > 0 and text[m.start() - 1] in CHAIN_MARKS:
            continue
        if m.start() == 0 or HAN_CHAR.match(text, m.start() - 1) is None or _linked(scan, m.start()):
            out.append(_home_body(m, level, "委" + m[0] if party else None))
    return out


def _home_body(m: re.Match, level: str, stem: str | None = None) -> Mention:
    return Mention(m.start(), m.end(), m[0], "Organization", "body",
                   attrs={"prefix": level, "stem": stem or _congress_stem(m.string, m.end(), m[0]), "relative": True,
                          "area_name": None})


def _congress_stem(text: str, end: int, stem: str) -> str:
    """县人大|副主任某某: the chair of a congress is its standing committee's (guideline), 人大常委会;
    other stems as they are.

    >>> _congress_stem("县人大副主任", 3, "人大"), _congress_stem("县人大代表", 3, "人大")
    ('人大常委会', '人大')
    """
    return STANDING_COMMITTEE if stem == CONGRESS and STANDING_TITLE_RE.match(text, end) else stem


def _linked(scan, start: int) -> bool:
    """Is the character before `start` a one-character word of its own that links a name (在, 和)?"""
    return start in scan.bounds and start - 1 in scan.bounds and scan.text[start - 1] in LINKING_CHARS


def _generic_stem(scan, p: int) -> int | None:
    """The end of a body name that starts at `p` with words and ends with a body head (市|规划资源局)."""
    text, p0 = scan.text, p
    for head in BODY_HEAD_RE.finditer(text, p, min(len(text), p + MAX_GENERIC_STEM + 3)):
        end = head.end()
        stem = text[p:end]
        if len(stem) < 2 or NOT_IN_STEM.search(stem) or end not in scan.bounds and not TITLE_RE.match(text, end) \
                or stem.endswith(L.NOT_BODY_WORDS):
            continue          # the body ends a word, or a title follows it (jieba cuts 资源|局局长); not 工作部署
        if any(p < end for p in scan.spaces if p > p0) or TITLE_RE.search(stem) \
                or any(a.type == "AdministrativeArea" and p0 <= a.start < end for a in scan.found):
            return None          # a title, a space or an area (常州市|钟楼区…) ends the search
        words = cut(stem)
        if head[0] not in L.TASK_BODY_HEADS and any(t in L.STOP_WORDS for t in words) \
                or any(t in MEETING_VERBS for t in words):
            return None          # …到县融媒体中心: a verb; but 某某推进协调领导小组 names its task (not 召开|…)
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
