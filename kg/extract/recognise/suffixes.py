"""Names typed by their last word: …有限公司 (Enterprise), …公园 (Place), …派出所
(Organization), …开发区 (AdministrativeArea).

The suffix is found by a regex of the lexicon's suffix lists; the name's
first character by walking left over jieba tokens (:mod:`.edges`). A name
part must look proper: 该公司, 城乡社区 or 稻米加工厂 are kinds of things,
not names.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import BARE_LEVEL_WORDS, GROUP_WORD, HAN, OWNER_RE, OWNER_WORDS, QUOTED_WORD
from kg.extract.recognise.edges import cut_to_anchor, extend_to_toponym, left_edge, trim_function_char
from kg.extract.recognise.gazetteer import Gazetteer, code_level
from kg.extract.recognise.tokens import PROPER_TAGS, cut, tags
from kg.model import Mention

ZONE_SUFFIX = f"(?:{L.alternation(L.ZONE_SUFFIXES)})"          # 经济开发区, 高新区: what a zone's name ends in
SUFFIXES = (("AdministrativeArea", re.compile(rf"自由贸易试验区[{HAN}]{{2,4}}片区|{ZONE_SUFFIX}")),
            ("Enterprise", re.compile(f"(?:{L.alternation(L.ENTERPRISE_SUFFIXES)})")),
            ("Place", re.compile(f"(?:{L.alternation(L.PLACE_SUFFIXES)})")),
            ("Organization", re.compile(f"(?:{L.alternation(L.ORG_SUFFIXES)})")))
MAX_NAME = 30                     # characters a walk to the left may cover
BARE_ZONE_START = re.compile(ZONE_SUFFIX)   # 经济开发区|某某有限公司: the zone it is in
# 某某能源副董事长, 某某石化总经理: a brand and a trade word right before a company's office
TRADE_BEFORE_TITLE = re.compile(f"(?:{L.alternation(L.TRADE_WORDS)})(?={L.alternation(L.BUSINESS_TITLES)})")
# an office of the group right after its name: 某某集团党委书记, 某某集团总经理
COMPANY_OFFICE = re.compile(f"(?:党委|党组)?(?:{L.alternation(L.BUSINESS_TITLES)})|党委(?:副)?书记")
LEGAL_SUFFIX = re.compile(f"(?:{L.alternation(L.ENTERPRISE_SUFFIXES)})")
MAX_BRAND = 4                     # characters of the brand before the trade word
NOT_BRAND_TAGS = frozenset({"a", "ad", "v", "vn", "d", "m", "r", "p", "c", "u", "f", "t", "q"})   # 清洁能源, 该能源
LONG_BODY_STEMS = tuple(s for s in L.BODY_STEMS if len(s) >= 2)   # 中心工作: a stem a common word ends in
# 某集团控股子公司: a description of a company, not its name
DESCRIBED_SUBSIDIARY = re.compile(rf"(?:控股|全资|参股|{OWNER_WORDS})(?:子公司|分公司)$|(?:公司|集团)的?(?:子公司|分公司)$")
FUNCTION_CHARS = re.compile(r"[是的了在和与及一二三四五六七八九十]")
NAME_CHAR = re.compile(f"[{HAN}A-Za-z]")
HAN_RUN = re.compile(f"[{HAN}]+")          # a name part has one at least (not 123号)
PROPER_ENDINGS = re.compile(r"[路街巷村庄里园苑湾城府居屯堡寨营桥门山河湖坊]$")
VERB_LIKE_TAGS = ("v", "p", "d", "c", "u", "ad")
CLAUSE_TAGS = ("v", "p", "c", "u")    # words of a clause, not of a firm's trade (高速 is tagged an adverb)
BRACKETED_PART = re.compile(rf"[（(][{HAN}]{{2,4}}[)）]")    # (集团), (中国), (上海): inside a firm's legal name
MAX_BRACKETED = 6
MAX_QUOTED = 8                    # characters of a quoted name before a site's word (QUOTED_WORD)
MIN_LEVEL_CORE, MAX_LEVEL_CORE = 2, 6   # characters of the trade words after it
LEVEL_FIRM_CORE = re.compile(rf"(?<![{HAN}])[{BARE_LEVEL_WORDS}][{HAN}]{{{MIN_LEVEL_CORE},{MAX_LEVEL_CORE}}}$")
EVERY = "各"                      # 各|专门委员会, 各|分公司: every one of a kind, no name
# what follows a facility visited as a building site (guideline: a Place)
UNDER_CONSTRUCTION = re.compile(r"(?:主体工程|新校区|改扩建|扩建|改造|迁建)?(?:建设|项目|工程)")


def suffix_names(scan) -> list[Mention]:
    """Every name the sentence ends with a typed suffix (a finder of :mod:`kg.extract.recognise`)."""
    areas = scan.areas
    edges = {"area_ends": {m.end for m in areas if code_level(m.attrs.get("code")) == 2},
             "area_starts": frozenset(m.start for m in areas), "zone_ends": {}}
    area_ends = {m.end for m in areas}
    # 某区某县高新区: a zone word after two areas in a row ends a list of areas (某县高新区 is a zone's name)
    county_ends = {m.end for m in areas if m.text.endswith(("区", "县")) and m.text == m.name and m.start in area_ends}
    matches = [(etype, m) for etype, rx in SUFFIXES for m in rx.finditer(scan.text)]
    longest: dict[int, int] = {}
    for _etype, m in matches:
        longest[m.end()] = max(longest.get(m.end(), 0), len(m[0]))
    out = []
    for etype, m in matches:
        if etype != "AdministrativeArea" and (len(m[0]) < longest[m.end()] or m.end() not in scan.bounds):
            continue  # 某某展示中心: the longer suffix (a site's) types it, not 中心; 厂 in 厂房: a suffix ends a word
        mention = _suffix_mention(scan, etype, m, edges, county_ends)
        if mention is not None:
            out.append(mention)
            if etype == "AdministrativeArea":
                edges["zone_ends"][mention.start] = mention.end
    return out


def _suffix_mention(scan, etype: str, m: re.Match, edges: dict, county_ends: set[int]) -> Mention | None:
    """The name that suffix `m` ends, or None."""
    areas = scan.areas
    if any(a.start < m.end() < a.end for a in areas):
        return None   # 某区学院|街道: the suffix is part of an area's name
    if etype == "Organization" and m[0] in L.BODY_STEM_SET and any(a.end == m.start() for a in areas):
        return None   # 某市某区人民检察院: a body of the area (bodies name it), not a suffix name
    begin = _name_start(scan, etype, m, edges)
    if etype == "AdministrativeArea" and (m.start() in county_ends or "、" in scan.text[begin:m.start()]
                                          or "·" in scan.text[begin:m.start()]):
        return None   # 某区某县高新区: a list of areas, not a zone's name
    return _typed_name(scan, etype, begin, m)


def _name_start(scan, etype: str, m: re.Match, edges: dict) -> int:
    """Where the name ending in suffix `m` begins."""
    text, company = scan.text, etype == "Enterprise"
    zone = etype == "AdministrativeArea"      # 某区经济开发区: a zone's name keeps the district before it
    begin = left_edge(scan.tokens, scan.starts, m.start(), MAX_NAME, set() if zone else edges["area_ends"],
                      company=company, area_starts=edges["area_starts"])
    begin = trim_function_char(text, begin, m.start())
    inner = BRACKETED_PART.search(text, max(0, begin - MAX_BRACKETED), begin) if company else None
    if inner and inner.end() == begin:     # 某某造船(集团)有限公司: a bracketed word inside the name
        before = left_edge(scan.tokens, scan.starts, inner.start(), MAX_NAME, edges["area_ends"], company=True,
                           area_starts=edges["area_starts"])
        begin = before if before < inner.start() else begin
        owner = OWNER_RE.search(text, begin, inner.start())
        begin = owner.end() if owner else begin    # 某集团旗下|某某造船(集团)有限公司
    lead = (OWNER_RE.match(text, begin) or BARE_ZONE_START.match(text, begin)) if company else None
    if lead and lead.end() < m.start():
        begin = lead.end()    # 旗下|某某集团, 经济开发区|某某有限公司: no part of the name
    if company and begin in edges["zone_ends"] and edges["zone_ends"][begin] < m.start():
        begin = edges["zone_ends"][begin]     # 某某经济区|某某集团: the zone the firm is in
    core = text[begin:m.start()]
    if company and core and only_industry(core):
        # 某某澄明燃气有限公司: the walk stopped at a verb-tagged brand
        begin = left_edge(scan.tokens, scan.starts, m.start(), MAX_NAME, edges["area_ends"], lenient=True,
                          company=True, area_starts=edges["area_starts"])
    begin = cut_to_anchor(text, begin, m.end(), scan.areas, company)
    begin = extend_to_toponym(text, begin, scan.areas)
    level = LEVEL_FIRM_CORE.search(text, max(0, m.start() - MAX_LEVEL_CORE - 2), m.start()) \
        if company or etype == "Place" else None
    if level and level.start() < begin and _of_bare_level(scan, level.start(), level[0]):
        begin = level.start()         # ，省|某某|公司: the walk stopped at a trade word
    quoted = QUOTED_WORD.search(text, max(0, begin - MAX_QUOTED - 2), begin) if etype == "Place" else None
    if quoted and quoted.end() == begin and has_proper_token(quoted[1], scan.gaz):
        begin = quoted.start()        # “某某会议”专题展馆: the quoted words name the site (not a slogan)
    # a name does not run back over a space of the source (王某 区机关事务管理中心)
    return max([begin, *(p for p in scan.spaces if begin < p <= m.start())])


def _typed_name(scan, etype: str, begin: int, m: re.Match) -> Mention | None:
    """The mention of text[begin:m.end()], or None when it is no proper name."""
    name = scan.text[begin:m.end()].replace("“", "").replace("”", "")
    suffix = m[0]
    core = name[: len(name) - len(suffix)]
    if etype in ("Enterprise", "Place") and _of_bare_level(scan, begin, core):
        return Mention(begin, m.end(), name, etype, f"suffix.{etype.lower()}")   # 省某某公司, 区某某园区: the home's
    if DESCRIBED_SUBSIDIARY.search(name) or not proper(core, name, scan.gaz) \
            or begin > 0 and scan.text[begin - 1] == EVERY and begin - 1 in scan.bounds:
        return None
    if is_weak(etype, suffix) and suffix not in L.NAMED_PLACE_SUFFIXES and not has_proper_token(core, scan.gaz) \
            and not (suffix == GROUP_WORD and not only_industry(core) and COMPANY_OFFICE.match(scan.text, m.end())):
        return None   # 稻米加工厂, 实训基地: a kind of thing, not a named one (but 某某集团董事长 is a company)
    if is_weak(etype, suffix) and core.endswith(LONG_BODY_STEMS):
        return None   # 县委县政府|中心工作: the body's work, no body named 中心
    if etype == "AdministrativeArea":
        area = scan.gaz.lookup(name)
        if area is None and (not core or suffix in L.SHORT_ZONES and not has_proper_token(core, scan.gaz)):
            return None       # a bare zone word (开发区) names a zone only through the home (home_zones)
        return Mention(begin, m.end(), name, etype, "suffix.zone", name=area.name if area else name,
                       attrs={"code": area.code} if area and area.code else {})
    if etype == "Organization" and UNDER_CONSTRUCTION.match(scan.text, m.end()):
        etype = "Place"       # 某镇某某小学建设: a building site, not the school that will run there
    attrs = {"generic_rest": not has_proper_token(core, scan.gaz)} if etype == "Place" else {}
    return Mention(begin, m.end(), scan.text[begin:m.end()], etype, f"suffix.{etype.lower()}", attrs=attrs,
                   name=name if name != scan.text[begin:m.end()] else None)


def titled_trade_names(scan) -> list[Mention]:
    """Short company names written before an office of the company (某某能源副董事长某某): a brand and a
    trade word (lexicon ``industry_words``, ``trade_words``) that no earlier finder named."""
    text, out = scan.text, []
    for m in TRADE_BEFORE_TITLE.finditer(text):
        if m.start() not in scan.bounds or m.end() not in scan.bounds \
                or any(f.start < m.end() and m.start() < f.end for f in scan.found):
            continue          # inside a word, or named already (某某集团, 某某有限公司)
        begin = left_edge(scan.tokens, scan.starts, m.start(), MAX_BRAND, set(), company=True)
        brand = text[begin:m.start()]
        if len(brand) < 2 or not HAN_RUN.fullmatch(brand) or not proper(brand, text[begin:m.end()], scan.gaz) \
                or only_industry(brand) or scan.gaz.lookup(brand) or not _brand_words(brand):
            continue          # 新能源, 该集团, 某市能源, 公司清洁能源: no brand
        name = text[begin:m.end()]
        if not _full_name_given(name, scan.doc_text):
            out.append(Mention(begin, m.end(), name, "Enterprise", "suffix.trade"))
    return out


def _full_name_given(short: str, doc_text: str) -> bool:
    """Does the article write `short` with a legal suffix somewhere (某某新材料有限公司)? Then it is that
    company's short form, which the known forms of the page (:mod:`kg.extract.resolve.known_forms`) link."""
    at = doc_text.find(short)
    while at >= 0:
        if LEGAL_SUFFIX.match(doc_text, at + len(short)):
            return True
        at = doc_text.find(short, at + 1)
    return False


def _brand_words(brand: str) -> bool:
    """Are the words of `brand` such as a brand is made of (no adjective or verb, no 公司)?"""
    return not any(tags().get(t) in NOT_BRAND_TAGS or t in L.ENTERPRISE_SUFFIXES for t in cut(brand))


def _of_bare_level(scan, begin: int, core: str) -> bool:
    """省|能源公司, 县|供电公司: a bare 省/市/县 as a word of its own, then trade words only: the home's firm."""
    rest = core[1:]
    return core[:1] in BARE_LEVEL_WORDS and MIN_LEVEL_CORE <= len(rest) <= MAX_LEVEL_CORE and begin + 1 in scan.bounds \
        and begin in scan.bounds and bool(HAN_RUN.fullmatch(rest)) \
        and not any(tags().get(t) in CLAUSE_TAGS or t in L.STOP_WORDS for t in cut(rest))


def is_weak(etype: str, suffix: str) -> bool:
    """Does the suffix name a kind of thing (lexicon ``weak_suffixes.tsv``)?

    >>> is_weak("Enterprise", "公司"), is_weak("Enterprise", "有限公司"), is_weak("Place", "产业园")
    (True, False, True)
    """
    words = L.WEAK_SUFFIXES.get(etype, ())
    return suffix in words if etype == "Enterprise" else suffix.endswith(words) if words else False


def only_industry(core: str) -> bool:
    """Is the name part nothing but industry words and generic modifiers (燃气科技)?"""
    return all(t in L.INDUSTRY_WORDS or t in L.GENERIC_MODIFIERS for t in cut(core))


def proper(core: str, name: str, gaz: Gazetteer) -> bool:
    """A name part that makes a proper name, not 该公司 or 城乡社区."""
    if len(core) < 2 or not NAME_CHAR.search(core):
        return False
    if L.GENERIC_PREFIXES.match(core) and not gaz.lookup(core[:3]) and not gaz.lookup(core[:2]):
        return False
    if core in L.GENERIC_MODIFIERS or name in L.GENERIC_SUFFIX_WORDS:
        return False
    return not all(t in L.GENERIC_MODIFIERS for t in cut(core))


def has_proper_token(core: str, gaz: Gazetteer) -> bool:
    """Some token of `core` looks like a proper name (place, person, unknown word)."""
    for tok in cut(core):
        if len(tok) < 2 or FUNCTION_CHARS.search(tok):
            continue
        tag = tags().get(tok)
        if tag is None and (tags().get(tok[0]) in VERB_LIKE_TAGS
                            or tags().get(tok[0]) == "n" and tags().get(tok[-1]) in ("v", "vn")):
            continue  # 做实, 实训: an unknown word built like a verb phrase is no name
        if tag in PROPER_TAGS or gaz.lookup(tok) or PROPER_ENDINGS.search(tok):
            return True
    return False
