"""Items of a list after a visit verb that no other finder named.

先后来到甲村、乙镇丙村、丁工贸等企业走访 / 在甲苏木、乙镇调研时: reporting lists
the places of a visit one after another, and many of them carry no suffix the
other finders know (villages, sumu, sites and projects, trade names without a
legal suffix). Each item of such a list is typed by its last word (村, 工地,
工贸: ``listed_heads.tsv`` and the suffix lists) or, a bare trade name, by the
word after 等 (等企业: ``list_kinds.tsv``) or by the other items of the list.

An item that starts with an area or a park gets a mention of its own after
the prefix when it is a firm or an area (甲工业园乙工贸, 甲镇乙村); a group
prefix is part of the name (甲集团乙矿业); a site or body after an area is
named whole (甲区乙家园), as is an item the other finders named only in part.
"""
from __future__ import annotations

import re
from itertools import pairwise

from kg.extract import lexicon as L
from kg.extract.patterns import CLOSING_BRACKETS, GROUP_WORD, HAN, OPENING_BRACKETS, TITLE_RE, clause_start
from kg.extract.recognise.suffixes import only_industry
from kg.extract.recognise.tokens import PROPER_TAGS, cut, tags
from kg.model import Mention
from kg.vocab import PERSON_TYPES

SUFFIX_TYPES = (("AdministrativeArea", L.ZONE_SUFFIXES), ("Enterprise", L.ENTERPRISE_SUFFIXES),
                ("Place", L.PLACE_SUFFIXES), ("Organization", L.ORG_SUFFIXES), *L.LISTED_HEADS.items())
HEAD_TYPE = {w: t for t, ws in SUFFIX_TYPES for w in ws}          # the later lists win: 村 is an area
HEAD_END = re.compile(f"(?:{L.alternation(HEAD_TYPE)})$")
KIND_TYPE = {w: t for t, ws in L.LIST_KINDS.items() for w in ws}
COUNTED = r"[一二三四五六七八九十两几\d]+[个家处座所项]"      # 甲、乙和丙三个项目: a count that closes a list
KIND_AFTER = re.compile(rf"(?:等(?:{COUNTED})?|{COUNTED})(?P<kind>{L.alternation(KIND_TYPE)})")
VERBS = L.alternation((*L.VISIT_VERBS, *L.VISIT_LIST_VERBS))
VERB_RE = re.compile(VERBS)
# 在甲苏木、乙镇调研时: a list between 在 and the visit verb of the clause
FRAME_RE = re.compile(rf"在(?P<items>[^，。；：！？]{{2,120}}?)(?:{VERBS})")
MAX_REGION = 240                                       # 十家企业 with long legal names
# 对甲、乙等重点企业…进行检查, 对甲、乙进行了调研: a list of the visited after 对, closed by its kind or 进行
OBJECT_RE = re.compile(rf"(?<=对)(?P<items>[^，。；：！？对]{{2,{MAX_REGION}}}?)"
                       rf"(?=等(?:{L.alternation(KIND_TYPE)})|(?:进行|开展)了?[{HAN}]{{0,4}}?(?:{VERBS}))")
KIND_CLOSED = re.compile(rf"等(?:{COUNTED})?(?P<kind>{L.alternation(KIND_TYPE)})")
LABEL_AFTER = re.compile(r"负责人|代表|家属|职工")          # 甲、乙等企业负责人: people, not the firms
LIST_END = re.compile(rf"[，。；：！？]|等|{COUNTED}(?={L.alternation(KIND_TYPE)})|{L.alternation(L.LIST_ENDS)}")
ITEM_SEP = re.compile(r"以及|、|和|及|与")
LEAD_IN = re.compile(rf"^(?:了|先后|分别|又|还|再|到|位于[{HAN}]{{2,8}}的)*")
AREA_LINK = re.compile(r"辖区|境内")                   # 甲街道辖区乙项目工地: the item starts after it
DESCRIBED = re.compile(rf"(?:建设|[{HAN}]{{0,6}}情况)")    # 甲村征地拆迁情况: the item ends before it
WORKSHOP = re.compile(r"(?:生产)?车间$")                 # 甲科技生产车间: the part of a firm a visit saw
DESCRIBED_ENDS, DESCRIBED_LONGEST = ("建设", "情况"), 8    # how a description ends; its longest (6 + 情况)
# 甲机场改扩建工程现场, 甲村高标准农田建设项目现场: the works at a named site, which is what was visited
WORKS_AT = re.compile(rf"[{HAN}\d]*(?:建设|扩建|工程|施工)(?:项目)?(?:现场|工地)")
ACTIVITY_HEADS = ("项目", "工程")                      # 甲河治理项目: named by what is done, a campaign
SITE_WORKS = ("建设", "扩建", "改扩建", "改造", "新建", "联建")   # 甲养殖场建设项目: the works of a site, the site being built
# what follows a named site, school or firm in an item that names its works: 项目, 联建工程, 改扩建项目
WORKS_OF = re.compile(rf"(?:{'|'.join(SITE_WORKS)})?(?:{'|'.join(ACTIVITY_HEADS)})")
WORKS_OWNERS = ("Place", "Organization", "Enterprise")
PROJECT = ACTIVITY_HEADS[0]
UNIT_HEADS = ("煤矿", "矿", "厂", "分厂", "分公司", "电厂")   # a firm's mine, works or branch after its name
MAIN_WORKS = "主体"                                     # 甲小学主体工程(建设): the building is the site
PARK = re.compile(r"园区?$")
PHASE = re.compile(r"[一二三四五六七八九十]期(?:工程|项目)?")   # 甲产业园二期: a phase of the site before it
ITEM_STOP = re.compile(r"[的了在到是对就将把被]")          # a clause, not a name: 某某的带领下深入…
NAME_CHARS = re.compile(rf"^[{HAN}0-9A-Za-z·（）()\-－]+$")
BARE_NAME = re.compile(rf"^[{HAN}]{{2,6}}$")          # a trade name typed by its list alone
# 部分嘎查, 各村, 三家企业: kinds and counts, not names
VAGUE = re.compile(r"^(?:该|本|此|这|那|各|每|某|其|全|上述|有关|相关|所在|当地|周边|附近|部分|一些|若干|多个|个别|"
                   r"重点|骨干|龙头|规上|规模以上|中小|[一二三四五六七八九十两几\d]+[家个所座处户])")
DIRECTION = re.compile(r"^[东西南北中]部")               # 东部苏木镇: the eastern ones, not a name
PREFIXED = ("AdministrativeArea", "Place")             # what may stand before an item: 甲镇, 甲工业园
HOME_PREFIXES = "市县区"
AREA_LEVELS = "省市州县区旗乡镇村"                        # 镇村, 县乡: levels, not a name
HOME_SITES = tuple(w for w in L.PLACE_SUFFIXES if len(w) >= 3 and w.endswith(("园区", "园")))   # 市|工业园区
SERIAL = ("先后", "分别", "依次")                      # 先后调研了…: a round of places
CUT_HEAD_MAX = 3                                       # characters of a firm's name its finder cut off
FIRMS_NAMED = 2                                        # firms named whole that make a list one of firms
GROUP_WORDS = "组团"                                   # 调研组, 考察团: the verb names a group, no visit


def listed_items(scan) -> list[Mention]:
    """Mentions of the items of visit lists no earlier finder named (a finder of :mod:`kg.extract.recognise`)."""
    out: dict[tuple[int, int], Mention] = {}
    for start, end in _regions(scan):
        spans = list(_items(scan, start, end))
        kind = _list_kind(scan, spans, end)
        firms = _firm_list(scan, spans)
        for s, e in spans:
            firm = firms and head_type(scan.text[s:e]) == "Enterprise"
            m = _item_mention(scan, s, e, *(("Enterprise", True) if firm else kind))
            if m is not None:
                out.setdefault((m.start, m.end), m)
    return list(out.values())


def _regions(scan) -> list[tuple[int, int]]:
    """(start, end) of every list written after a visit verb or between 在 and one."""
    text, out = scan.text, []
    for v in VERB_RE.finditer(text):
        if v[0] == "到" and text.endswith(L.DAO_COMPOUNDS, 0, v.end()) \
                or text[v.end():v.end() + 1] in GROUP_WORDS and v.end() < len(text):
            continue          # 关系到, 落实到, 调研组: no visit
        if v[0] in L.SUPERVISING_VERBS and not (text.startswith("了", v.end()) or text.endswith(SERIAL, 0, v.start())):
            continue          # 督导甲项目推进情况: the work checked on
        start = v.end() + len(LEAD_IN.match(text[v.end():])[0])
        end = _list_end(scan, start)
        if end > start:
            out.append((start, end))
    out += [(f.start("items"), f.end("items")) for f in FRAME_RE.finditer(text)]
    for k in KIND_CLOSED.finditer(text):      # 甲、乙、丙等15家企业分别签约: firms a list's kind closes, no verb
        start = clause_start(text, k.start())
        if "、" in text[start:k.start()] and not TITLE_RE.match(text, k.end()) and not LABEL_AFTER.match(text, k.end()) \
                and not VERB_RE.search(text, start, k.start()) and k["kind"] in L.LIST_KINDS["Enterprise"] \
                and not any(only_industry(piece) for piece in text[start:k.start()].split("、")):   # 金融、商贸物流等企业
            out.append((start, k.start()))
    out += [(f.start("items"), f.end("items")) for f in OBJECT_RE.finditer(text) if VERB_RE.search(text, f.end())]
    return out


def _list_end(scan, start: int) -> int:
    """Where the list from `start` ends: punctuation, 等, or a verb after the last item."""
    limit = min(len(scan.text), start + MAX_REGION)
    for m in LIST_END.finditer(scan.text, start, limit):
        if not any(f.start < m.start() < f.end for f in scan.found):   # not inside a name found
            return m.start()
    return start           # a list that does not end before the limit is no list


def _items(scan, start: int, end: int):
    """(start, end) of each item of the list text[start:end], cleaned of lead-ins and descriptions."""
    text, pos = scan.text, start
    cuts = [m for m in ITEM_SEP.finditer(text, start, end)
            if not any(f.start <= m.start() and m.end() <= f.end for f in scan.found)]   # 和 of 和平村
    for sep in [*cuts, None]:
        s, e = pos, sep.start() if sep else end
        pos = sep.end() if sep else end
        s += len(LEAD_IN.match(text[s:e])[0])
        link = AREA_LINK.search(text, s, e)
        if link and any(f.start == s and f.end == link.start() for f in scan.found):
            s = link.end()
        e = _undescribed_end(text, s, e)
        if e - s >= 2 and NAME_CHARS.match(text[s:e]) and not ITEM_STOP.search(text, s, e):
            yield s, e


def _undescribed_end(text: str, s: int, e: int) -> int:
    """甲村征地拆迁情况 -> 甲村, 乙项目建设 -> 乙项目, 丙科技生产车间 -> 丙科技; an item typed by its last
    word is left as it is."""
    shop = WORKSHOP.search(text, s, e)
    if shop and head_type(text[s:shop.start()]) == "Enterprise":
        return shop.start()          # a firm's workshop: the firm was visited
    if head_type(text[s:e]) or not text.endswith(DESCRIBED_ENDS, s, e):
        return e
    for k in range(e - 2, max(s + 1, e - DESCRIBED_LONGEST - 1), -1):
        if DESCRIBED.fullmatch(text, k, e) and head_type(text[s:k]):
            return k
    return e


def head_type(item: str) -> str | None:
    """The type an item's last word gives it (never the word alone).

    >>> head_type("青禾村"), head_type("青禾工贸"), head_type("青禾路项目工地"), head_type("项目"), head_type("青禾")
    ('AdministrativeArea', 'Enterprise', 'Place', None, None)
    >>> head_type("青禾酒庄项目"), head_type("青禾河治理项目")
    ('Place', None)
    """
    m = HEAD_END.search(item)
    if m is None or m.start() == 0:
        return None
    if m[0] in ACTIVITY_HEADS and tags().get(word := cut(item[:m.start()])[-1]) in ("v", "vn"):
        site = item[:m.start() - len(word)] if word in SITE_WORKS else ""
        return "Place" if head_type(site) == "Place" else None   # 甲河生态治理项目: an activity (a campaign)
    return HEAD_TYPE[m[0]]


def _list_kind(scan, spans: list[tuple[int, int]], end: int) -> tuple[str | None, bool]:
    """The type every item of the list shares, and whether the text says it (等企业) or the items do."""
    k = KIND_AFTER.match(scan.text, end)
    if k:
        return KIND_TYPE[k["kind"]], True
    types = set()      # 甲有限公司、乙、丙集团: firms beside firms; other kinds need their own word
    for s, e in spans:
        named = [f.type for f in scan.found if f.start == s and f.end == e]
        t = named[0] if named else head_type(scan.text[s:e])
        if t is not None:
            types.add(t)
    return ("Enterprise" if types == {"Enterprise"} and len(spans) > 1 else None), False


def _firm_list(scan, spans: list[tuple[int, int]]) -> bool:
    """Does the list name firms, at least FIRMS_NAMED of them whole (甲展览馆、前进灯具公司、乙服饰公司、丙食品公司)?
    Then an item with a company word is a firm too, though its words are common ones (前进灯具)."""
    named = sum(any(f.start == s and f.end == e and f.type == "Enterprise" for f in scan.found) for s, e in spans)
    return named >= FIRMS_NAMED


def _parts(found, s: int, e: int) -> list[Mention] | None:
    """The outermost names found inside text[s:e]; None when one covers it or crosses its edges."""
    inside = [f for f in found if f.start < e and f.end > s]
    if any(f.start <= s and f.end >= e or f.start < s or f.end > e or f.type in PERSON_TYPES for f in inside):
        return None
    outer = [f for f in inside if not any(g is not f and g.start <= f.start and f.end <= g.end
                                          and (g.end - g.start) > (f.end - f.start) for g in inside)]
    outer = sorted({(f.start, f.end): f for f in outer}.values(), key=lambda f: f.start)
    if any(a.end > b.start for a, b in pairwise(outer)):
        return None       # names that overlap: the finders disagree, leave them to settle
    return outer


def _bracketed(text: str, m: Mention) -> bool:
    """Is `m` written in brackets of its own, inside a longer name (甲市(乙镇)某某小镇)?"""
    return m.start > 0 and text[m.start - 1] in OPENING_BRACKETS and text[m.end:m.end + 1] in CLOSING_BRACKETS and m.end < len(text)


def _head(parts: list[Mention], s: int) -> list[Mention]:
    """The names written one after another from the item's start (甲区乙镇 of 甲区乙镇丙村)."""
    head, pos = [], s
    for p in parts:
        if p.start != pos:
            break
        head.append(p)
        pos = p.end
    return head


def _item_mention(scan, s: int, e: int, kind: str | None, said: bool) -> Mention | None:
    """The mention item text[s:e] lacks, or None (named already, untyped, generic); `kind`: the
    list's type, `said`: whether the text says it (等企业)."""
    parts = _parts(scan.found, s, e)
    if parts is None or VAGUE.match(scan.text[s:e]):
        return None
    parts = [p for p in parts if not _bracketed(scan.text, p)]     # 某市(某镇)基金小镇: the area in brackets is inside
    head = _head(parts, s)
    if not head:
        return _unnamed(scan, s, e, parts, kind, said)
    last, pos = head[-1], head[-1].end
    if pos == e:             # 甲集团乙矿业 named as two: the group prefix is part of the name
        return _make(scan, s, e, "Enterprise") if len(head) == 2 and _group(head[0]) \
            and last.type == "Enterprise" else None
    tail = [p for p in parts if p.end == e and p.type == "Enterprise" and pos < p.start <= pos + CUT_HEAD_MAX]
    if tail and last.type == "AdministrativeArea":
        return _make(scan, s, e, "Enterprise")   # 甲省有|某泵阀有限公司: the firm named only from a word inside
    works = _works(scan, s, e, head)
    if works is not None:
        return works
    if any(p.start >= pos for p in parts):     # 甲街道|乙丙村 with 丙村 named: the village after the prefix
        m = _unnamed(scan, pos, e, [p for p in parts if p.start >= pos], kind, said) if last.type in PREFIXED else None
        return m if m is not None and m.type == "AdministrativeArea" else None
    rest = scan.text[pos:e]
    if WORKS_AT.fullmatch(rest) or rest.startswith(MAIN_WORKS):
        return None          # 甲机场改扩建工程现场, 甲小学主体工程: 甲机场, 甲小学 is the place
    if PHASE.fullmatch(rest) and last.type == "Place":
        return _make(scan, s, e, "Place")
    rtype = head_type(rest) or (kind if BARE_NAME.match(rest) else None)
    if rtype == "Enterprise" and (_group(last) or last.type == "Enterprise" and rest.endswith(UNIT_HEADS)):
        return _make(scan, s, e, "Enterprise")   # 甲集团乙矿业, 甲有限公司乙煤矿: a unit of the firm
    if last.type == "Enterprise" and rtype == "Place" and PARK.search(rest):
        return _make(scan, s, e, "Place")    # 甲电力自动化产业园: a park named after a firm
    if last.type not in PREFIXED or rtype is None or last.type == "Place" and rtype == "Organization":
        return None          # 甲公司项目现场, 甲园区指挥中心: a part of a firm or park, not a name of its own
    if rtype in ("Enterprise", "AdministrativeArea"):
        return _make(scan, pos, e, rtype) if namelike(rest, rtype, kind if said else None, scan.gaz) else None
    if last.type == "Place" or not VAGUE.match(rest) and tags().get(rest) is None and not kind_of_place(rest):
        return _make(scan, s, e, rtype)      # 甲园区主干道工程项目, 甲市第二中学, 甲区乙家园
    return None              # 甲区重点项目: a kind of site in an area


def _works(scan, s: int, e: int, head: list[Mention]) -> Mention | None:
    """An item naming the works at a site, school or firm, which is what was visited (a Place):
    甲交易中心项目, 甲小学联建工程, (甲经济区)乙公司年产5万台电机项目, 甲产业基地|乙飞机制造项目."""
    last, rest = head[-1], scan.text[head[-1].end:e]
    if not rest.endswith(ACTIVITY_HEADS) or rest.startswith(MAIN_WORKS):
        return None
    if WORKS_OF.fullmatch(rest) and last.type in WORKS_OWNERS and (last.type == "Place" or not rest.startswith(ACTIVITY_HEADS)):
        return _make(scan, s, e, "Place")
    if last.type == "Enterprise" and head_type(rest) == "Place":
        areas_before = all(h.type == "AdministrativeArea" for h in head[:-1])
        return _make(scan, last.start if areas_before else s, e, "Place")
    site = next((h for h in reversed(head) if h.type == "Place"), None)
    inner = scan.text[site.end:e] if site is not None else ""
    if inner.endswith(PROJECT) and not _common(cut(inner)[0]) and namelike(inner, "Place", None, scan.gaz):
        return _make(scan, site.end, e, "Place")
    return None


def _unnamed(scan, s: int, e: int, parts: list[Mention], kind: str | None, said: bool) -> Mention | None:
    """An item whose start no finder named: typed by its last word, a name at its end, or its list."""
    text = scan.text[s:e]
    etype = head_type(text)
    if etype is None:
        tail = [p for p in parts if p.end == e]
        etype = tail[0].type if tail and tail[0].type in HEAD_TYPE.values() else None
    if parts and DIRECTION.match(text):
        return None
    if etype is None and not parts and BARE_NAME.match(text):
        etype = kind
    if text[0] in HOME_PREFIXES and not parts and _home_site(scan, s, e):
        return _home_site(scan, s, e)
    if etype is None:
        return None
    return _make(scan, s, e, etype) if parts or namelike(text, etype, kind if said else None, scan.gaz) else None


def _home_site(scan, s: int, e: int) -> Mention | None:
    """市工业园区(重大项目施工现场): a site of the home area named by its kind alone, named with the area."""
    text = scan.text[s:e]
    area = scan.gaz.bare(text[0]) if text[0] in HOME_PREFIXES else None
    kinds = [w for w in HOME_SITES if text.startswith(w, 1)]
    if area is None or not kinds:
        return None
    kind = max(kinds, key=len)
    return Mention(s, s + 1 + len(kind), text[:1 + len(kind)], "Place", "listed.home", name=area.name + kind,
                   attrs={"area_name": area.name})


def _group(m: Mention) -> bool:
    """A group's name (甲集团), which may stand before the name of one of its firms."""
    return m.type == "Enterprise" and m.text.endswith(GROUP_WORD)


def _make(scan, s: int, e: int, etype: str) -> Mention:
    """The mention of text[s:e]; an area the gazetteer knows gets its name and code."""
    text = scan.text[s:e]
    area = scan.gaz.lookup(text) if etype == "AdministrativeArea" else None
    attrs = {"code": area.code} if area is not None and area.code else {}
    return Mention(s, e, text, etype, "listed.item", name=area.name if area else None, attrs=attrs)


def namelike(text: str, etype: str, kind: str | None, gaz) -> bool:
    """Does an item no finder named look like a name (not 乡村, 部分嘎查, 企业调度指挥中心)?

    The part before the last word must hold a word of no common kind (a coined
    or proper word), unless the text says what the item is (`kind`, 等企业) or
    the item is a village or town, whose names are often one character (某村).

    >>> from kg.extract.recognise.gazetteer import Gazetteer
    >>> g = Gazetteer.for_home("廊坊市")
    >>> namelike("青禾村", "AdministrativeArea", None, g), namelike("乡村", "AdministrativeArea", None, g)
    (True, False)
    >>> namelike("征地拆迁情况", "Enterprise", "Enterprise", g), namelike("冬季农村", "AdministrativeArea", None, g)
    (False, False)
    >>> namelike("企业调度指挥中心", "Organization", None, g), namelike("前进石油", "Enterprise", None, g)
    (False, False)
    >>> namelike("前进石油", "Enterprise", "Enterprise", g), namelike("鼎川纸业", "Enterprise", None, g)
    (True, True)
    """
    if VAGUE.match(text) or _common(text):
        return False
    m = HEAD_END.search(text)
    headed = m is not None and m.start() > 0
    last = cut(text)[-1]
    if headed and len(last) > len(m[0]) and _common(last) and all(_common(t) for t in cut(text[:-len(last)])):
        return False        # 冬季农村, 稻米加工厂: a word of the language after words of the language
    core = text[:m.start()] if headed else text
    if kind_of_place(text):
        return False
    if headed and etype == HEAD_TYPE[m[0]] == "AdministrativeArea":
        return len(text) > 2 or tags().get(text) is None and core not in AREA_LEVELS   # 城镇, 乡村, 镇村
    if headed and etype == kind:
        return True
    return any(not _common(t) or gaz.lookup(t) for t in cut(core))


def kind_of_place(text: str) -> bool:
    """老旧小区, 城中村: a modifier and a last word name a kind of place, not one.

    >>> kind_of_place("老旧小区"), kind_of_place("城中村"), kind_of_place("南柳村")
    (True, True, False)
    """
    m = HEAD_END.search(text)
    core = text[:m.start()] if m is not None else ""
    return core in L.GENERIC_MODIFIERS or core in L.AREA_KINDS


def _common(word: str) -> bool:
    """A word jieba's dictionary knows as a common word (乡村, 农村, 加工厂)."""
    return tags().get(word) not in PROPER_TAGS
