"""Relations of places: appliesTo (a policy's scope) and locatedIn (where a site or firm is)."""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, LIST_GAP, LOCATING, OWNER_RE
from kg.extract.recognise.areas import by_code
from kg.extract.recognise.automaton import HOME_WORDS
from kg.extract.recognise.gazetteer import code_level, countries
from kg.extract.recognise.tokens import cut, token_starts
from kg.extract.relate.base import FRAME_OPENING, Rule, register
from kg.model import Article, ImpliedEntity, Mention, Sentence
from kg.vocab import VISITABLE

SCOPE = Rule("policy.scope", "appliesTo", 0.75)
LOCATED_VERB = Rule("locate.weiyu", "locatedIn", 0.85)       # 丙园位于甲区 / 位于甲区的丙园
LOCATED_OF = Rule("locate.de", "locatedIn", 0.6)             # 甲区的乙园
LOCATED_SETTLED = Rule("locate.settle", "locatedIn", 0.75)   # 某公司落户某园
LOCATED_FRAME = Rule("locate.frame", "locatedIn", 0.6)       # 在丙园内，某公司…
LOCATED_PREFIX = Rule("locate.prefix", "locatedIn", 0.7)     # 甲镇乙园, 甲县乙加工厂: the area written before
LOCATED_WITHIN = Rule("locate.jingnei", "locatedIn", 0.8)    # 甲乡境内的乙沟

SCOPE_AFTER = re.compile(r"^(?:等)?[\d一二三四五六七八九十]*个?(?:城市|地区|省份|省市|省区|省|市|县|区|地)")
SCOPE_BEFORE = re.compile(r"(?:在|支持|选择|确定|包括|覆盖|明确|部署|安排|推动|鼓励)$")
SCOPE_WORDS = re.compile(r"试点|先行|示范|率先")
SCOPE_ACTION = re.compile(r"^(?:等地)?(?:开展|先行|实施|推行|率先|试点|进行|启动|推进)")
# 方案明确，…: a sentence about the article's policy without naming it
POLICY_SUBJECT = re.compile(r"^(?:同时，|此外，)?《?(?:文件|方案|意见|办法|措施|若干措施|通知|规划|计划|条例|实施意见|行动方案)》?"
                            r"(?:明确|提出|要求|指出|规定|强调)")
SCOPE_WINDOW = 8
INCLUDING = "包括"
SETTLE_VERBS = ("落户", "入驻", "落地", "选址")
SETTLE_RE = re.compile(rf"(?:正式|已|将|成功)?(?:{'|'.join(SETTLE_VERBS)})(?:在|于)?")
CLAUSE_CUT = re.compile(r"[，。；]")
# 在丙园内，…: a sentence that opens inside a place
LOCATION_FRAME = re.compile(rf"{FRAME_OPENING}(?:在|坐落在|坐落于|位于)")


def area_runs(sent: Sentence, gap: re.Pattern = LIST_GAP) -> list[list[Mention]]:
    """Runs of areas written as a list: 甲市、乙市和丙市 (what may stand between two: `gap`)."""
    areas = [m for m in sent.mentions if m.type == "AdministrativeArea"]
    runs, i = [], 0
    while i < len(areas):
        run = [areas[i]]
        while i + 1 < len(areas) and gap.match(sent.text[run[-1].end:areas[i + 1].start]):
            i += 1
            run.append(areas[i])
        runs.append(run)
        i += 1
    return runs


@register(SCOPE)
def applies_to(ctx, art: Article, sent: Sentence) -> list:
    """在甲市、乙市开展试点 / 支持甲、乙3市先行先试: the policy applies to those areas."""
    policies = [m for m in sent.mentions if m.type == "Policy"]
    if not policies and POLICY_SUBJECT.match(sent.text) and ctx.after.policy is not None:
        policies = [ctx.after.policy]   # 方案明确，在…: the article's policy
    if not policies:
        return []
    facts = []
    for run in area_runs(sent):
        after = sent.text[run[-1].end:run[-1].end + SCOPE_WINDOW]
        before = sent.text[max(0, run[0].start - 4):run[0].start]
        counted = SCOPE_AFTER.match(after) and (SCOPE_BEFORE.search(before) or SCOPE_WORDS.search(sent.text))
        acted = before.endswith("在") and SCOPE_ACTION.match(after)
        acted = acted or (before.endswith("以") and after.startswith("为"))   # 以甲、乙为重点
        acted = acted or before.endswith(INCLUDING)      # 文件规定，某某区域，包括甲区和乙区，…
        if counted or acted:
            earlier = [p for p in policies if p.start < run[0].start]
            pol = earlier[-1] if earlier else policies[0]
            facts += [SCOPE.fact(pol, a, sent) for a in run]
    return facts


def _locating_areas(sent: Sentence, i: int) -> tuple[Mention | None, int]:
    """The most specific of the areas written one after another from mention i."""
    ments, last, j = sent.mentions, None, i
    while j < len(ments) and ments[j].type in ("AdministrativeArea", "Place") and \
            (last is None or sent.text[last.end:ments[j].start] == ""):
        last, j = ments[j], j + 1
    return last, j


def _located_by_name_order(sent: Sentence) -> list:
    """位于甲区乙镇的丙园 / 丙园位于甲区 / 甲区的乙园."""
    facts = []
    text, ments = sent.text, sent.mentions
    for i, m in enumerate(ments):
        before = text[max(0, m.start - 3):m.start]
        if before.endswith(LOCATING) and (i == 0 or ments[i - 1].end <= m.start - 2):
            where, j = _locating_areas(sent, i)
            if where is None:
                continue
            nxt = ments[j] if j < len(ments) else None
            if nxt is not None and text[where.end:nxt.start] == "的" and nxt.type in ("Place", "Enterprise", "Organization"):
                facts.append(LOCATED_VERB.fact(nxt, where, sent))
            prev = ments[i - 1] if i > 0 else None
            if prev is not None and text[prev.end:m.start] in LOCATING and prev.type in VISITABLE:
                facts.append(LOCATED_VERB.fact(prev, where, sent))
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        if m.type == "AdministrativeArea" and nxt is not None and text[m.end:nxt.start] == "的" \
                and nxt.type in ("Place", "Enterprise") and not before.endswith(LOCATING):
            facts.append(LOCATED_OF.fact(nxt, m, sent))
    return facts


@register(LOCATED_VERB, LOCATED_OF, LOCATED_SETTLED, LOCATED_FRAME)
def located_in(ctx, art: Article, sent: Sentence) -> list:
    facts = list(ctx.once(_located_by_name_order, sent))
    text, ments = sent.text, sent.mentions
    settled = any(v in text for v in SETTLE_VERBS)
    for m in SETTLE_RE.finditer(text) if settled else ():    # 某公司(正式)落户某园: where it settled
        who = [x for x in ments if x.end <= m.start() and x.type == "Enterprise"]
        where = next((x for x in ments if x.start == m.end() and x.type in ("Place", "AdministrativeArea")), None)
        if who and where is not None and not CLAUSE_CUT.search(text[who[-1].end:m.start()]):
            facts.append(LOCATED_SETTLED.fact(who[-1], where, sent))
    frame = LOCATION_FRAME.match(text)       # 在丙园内，某公司…: the company is in the place
    if frame and not any(m.type == "Official" for m in ments):
        comma = text.find("，", frame.end())
        places = [m for m in ments if m.type == "Place" and m.start < comma]
        if places and comma > 0:
            for k, m in enumerate(ments):
                owned = k + 1 < len(ments) and OWNER_RE.fullmatch(text[m.end:ments[k + 1].start])
                if m.type == "Enterprise" and m.start > comma and not owned:
                    facts.append(LOCATED_FRAME.fact(m, places[-1], sent))
    return facts


# a full legal company name: an area before it is part of the registered name (guideline: optional)
LEGAL_NAME = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|股份公司)$")
# a village's own body named after it: 乙村村委会, 丙社区居委会 (甲镇乙村村委会 is in 甲镇)
VILLAGE_BODY = re.compile(rf"^[{HAN}]{{1,4}}(?:村委会|村民委员会|居委会|居民委员会|(?:村|社区|嘎查)(?:党支部|党总支|委员会))$")
SITE_BODY = re.compile(f"(?:{L.alternation(L.SITE_BODIES)})$")
INSTITUTION = re.compile(f"(?:{L.alternation(L.INSTITUTION_HEADS)})$")
ENCLOSING_SITE = re.compile(f"(?:{L.alternation(L.ENCLOSING_SITES)})")
ENCLOSING_END = re.compile(f"(?:{L.alternation(L.ENCLOSING_SITES)})$")
# a village group (村民小组) before a site: 甲庄八组某某示范园
VILLAGE_GROUP = re.compile(rf"^[{HAN}]{{2,3}}[一二三四五六七八九十]{{1,3}}组")
# projects and websites are named with their area (某县某某项目, 某市人民政府网站): part of the name
NAMED_WITH_AREA = re.compile(r"(?:项目|工程|项目建设|网站|网)$")
JOINERS = frozenset("与和及、的")
RUN_ON = re.compile(r"区|城区|县城|镇区|乡区")
UNSEEN_AREA = re.compile(rf"^[{HAN}]{{2,6}}?(?:社区|村|镇|乡|街道)(?=[{HAN}]{{2}})")
MIN_REST = 2          # characters a name keeps after its area prefix
MIN_ENCLOSED = 3      # ... and after the site it lies in
NAME_END = re.compile(r"$|[、，。；：,;:和及与等的）)]")     # what follows a name that is complete
WITHIN = re.compile(r"^(?:境内|辖区内|辖区)的?$")     # 甲乡境内的乙沟


def prefix_chain(m: Mention) -> list[Mention]:
    """The areas written in full one after another at the start of a name (甲区乙街道丙小区:
    甲区, 乙街道; 北京·沧州某新区…: 北京, 沧州某新区); none when the first is cut short or a
    short form (潍坊 of 潍坊某园 is part of the name, not a removable prefix)."""
    chain, pos = [], m.start
    for a in sorted(m.attrs.get("inner", []), key=lambda a: a.start):
        if a.start == pos + 1 and chain and m.text[pos - m.start] == "·":
            pos += 1
        if a.start == pos and a.type == "AdministrativeArea" and a.text not in HOME_WORDS:
            chain.append(a)
            pos = a.end
    if chain and not all(_written_in_full(a) for a in chain):
        return []
    if chain and RUN_ON.match(m.text, chain[-1].end - m.start):
        return []         # 某市区至某景区: the area's name runs into a word (市区, 县城)
    return chain


def _written_in_full(a: Mention) -> bool:
    """某县, 某镇, 黔东南州, 美国: an area written with its level word, not a short form (潍坊)."""
    code = a.attrs.get("code")
    return a.text == a.label or a.text in countries() or \
        bool(code) and code in by_code() and a.text in by_code()[code].level_forms()


def enclosing_site(name: str, skip: int) -> str | None:
    """The site a name's first part names when a second name follows it (甲生态园 + 乙湿地公园):
    the name up to a head of :data:`~kg.extract.lexicon.ENCLOSING_SITES` ending at a word edge
    after the first `skip` characters, with a name of three or more characters after it.

    >>> enclosing_site("青禾生态园白鹭湿地公园", 0), enclosing_site("青禾生态园", 0)
    ('青禾生态园', None)
    """
    edges = set(token_starts(cut(name)))
    for h in ENCLOSING_SITE.finditer(name, skip):
        end = h.end()
        named = skip > 0 or h.start() - skip >= MIN_REST      # 甲县风景名胜区, 甲生态园; not 风景名胜区 alone
        if named and end in edges and len(name) - end >= MIN_ENCLOSED:
            return name[:end]
    return None


def _prefixed(m: Mention, chain: list[Mention], joined: bool = False) -> bool:
    """Does an area written before this name (in it, or `joined` right before it) locate it (a
    site, a trade name, a village's body), rather than belong to an official name (某县人民政府,
    某县某某有限公司, 某省某某集团某某矿业)?"""
    rest = m.text if joined or not chain else m.text[chain[-1].end - m.start:]
    if rest[:1] in JOINERS or (cut(rest) or [""])[0] in L.GENERIC_MODIFIERS:
        return False           # 甲县与乙集团: two names; 甲街道老旧小区: a kind of site, no name
    if m.type in ("Place", "Enterprise") and UNSEEN_AREA.match(rest):
        return False           # 甲街道乙社区丙厂: the nearest area is one no finder named
    if m.type == "Enterprise":
        upper = any(code_level(a.attrs.get("code")) in (0, 1) for a in chain)
        return not (LEGAL_NAME.search(m.text) or upper or "集团" in rest[:-2])
    if m.type == "Organization":
        return bool(VILLAGE_BODY.match(rest) or SITE_BODY.search(m.text))
    upper = any(code_level(a.attrs.get("code")) == 0 or a.text in countries() for a in chain)
    return m.type == "Place" and not (upper or NAMED_WITH_AREA.search(m.text) or INSTITUTION.search(m.text))


def _written_before(sent: Sentence, m: Mention, nxt: Mention) -> list:
    """甲镇 + 乙园 as two mentions, 甲工业园 + 乙工贸, 甲乡境内的乙沟: the second is in the first."""
    gap = sent.text[m.end:nxt.start]
    if m.type == "AdministrativeArea" and m.text not in HOME_WORDS and nxt.type in ("Place", "Enterprise") \
            and WITHIN.match(gap):
        return [LOCATED_WITHIN.fact(nxt, m, sent)]
    if gap or nxt.type not in ("Place", "Enterprise", "Organization") or _quoted(sent, nxt) \
            or not NAME_END.match(sent.text, nxt.end):
        return []      # 甲县 + 乙羽绒 + 生产项目: a longer name goes on
    area = m.type == "AdministrativeArea" and m.text not in HOME_WORDS and _written_in_full(m) \
        and _prefixed(nxt, [m], joined=True)
    site = m.type == "Place" and ENCLOSING_END.search(m.text) and _prefixed(nxt, [], joined=True)
    return [LOCATED_PREFIX.fact(nxt, m, sent)] if area or site else []


def _quoted(sent: Sentence, m: Mention) -> bool:
    """“某省特色小镇”: a title of honour in quotes, no site."""
    return m.start > 0 and sent.text[m.start - 1] in "“‘「" and sent.text[m.end:m.end + 1] in "”’」"


@register(LOCATED_PREFIX, LOCATED_WITHIN)
def located_by_prefix(ctx, art: Article, sent: Sentence) -> list:
    """甲镇乙园 → 甲镇; 甲区乙街道丙小区 → 乙街道 (the nearest); 甲生态园乙湿地公园 → 甲生态园;
    甲庄八组某示范园 → 甲庄八组; 甲乡境内的乙沟 → 甲乡."""
    facts = []
    stated = {id(f.subject) for f in ctx.once(_located_by_name_order, sent)}    # 位于甲镇的乙县某园: the text says
    for i, m in enumerate(sent.mentions):
        nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
        if nxt is not None and id(nxt) not in stated:
            facts += _written_before(sent, m, nxt)
        if id(m) in stated:
            continue
        chain = prefix_chain(m)
        if m.type not in ("Place", "Enterprise", "Organization") or not _prefixed(m, chain) or _quoted(sent, m):
            continue
        skip = chain[-1].end - m.start if chain else 0
        site = enclosing_site(m.text, skip) if m.type != "Organization" else None
        group = VILLAGE_GROUP.match(m.text) if not chain else None
        if site is not None:
            facts.append(LOCATED_PREFIX.fact(m, ImpliedEntity("Place", site), sent))
        elif chain and len(m.text) - skip >= MIN_REST:
            facts.append(LOCATED_PREFIX.fact(m, chain[-1], sent))
        elif group and len(m.text) - group.end() >= MIN_ENCLOSED:
            facts.append(LOCATED_PREFIX.fact(m, ImpliedEntity("AdministrativeArea", group[0]), sent))
    return facts
