"""Relation rules about places and organisations: appliesTo, locatedIn, subsidiaryOf.

Same contract as the rules in :mod:`kg.relate`: ``rule(ctx, article, sentence)
-> list[Fact]`` over the sentence's mentions.
"""
from __future__ import annotations

import re

from kg.model import Article, Mention, Sentence
from kg.relate import LIST_GAP, VISITABLE, Fact

SCOPE_AFTER = re.compile(r"^(?:等)?[\d一二三四五六七八九十]*个?(?:城市|地区|省份|省市|省区|省|市|县|区|地)")
SCOPE_BEFORE = re.compile(r"(?:在|支持|选择|确定|包括|覆盖|明确|部署|安排|推动|鼓励)$")
SCOPE_WORDS = re.compile(r"试点|先行|示范|率先")
SCOPE_ACTION = re.compile(r"^(?:等地)?(?:开展|先行|实施|推行|率先|试点|进行|启动|推进)")
POLICY_SUBJECT = re.compile(r"^《?(?:方案|意见|办法|措施|若干措施|通知|规划|计划|条例|实施意见|行动方案)》?"
                            r"(?:明确|提出|要求|指出|规定|强调)")
LEGAL_TAIL = re.compile(r"(?:股份)?有限(?:责任)?公司|公司")
LOCATING = ("位于", "坐落在", "坐落于", "地处", "落户在", "落户于")
MODIFIER_CUT = re.compile(r"[，。；]")
FRAME_RE = re.compile(r"^(?:\d+月\d+日[，,]?)?(?:在|坐落在|坐落于|位于)")


def _area_runs(sent: Sentence) -> list[list[Mention]]:
    """Runs of areas written as a list: 甲市、乙市和丙市."""
    areas = [m for m in sent.mentions if m.type == "AdministrativeArea"]
    runs, i = [], 0
    while i < len(areas):
        run = [areas[i]]
        while i + 1 < len(areas) and LIST_GAP.match(sent.text[run[-1].end:areas[i + 1].start]):
            i += 1
            run.append(areas[i])
        runs.append(run)
        i += 1
    return runs


def applies_to(ctx, art: Article, sent: Sentence) -> list[Fact]:
    """在甲市、乙市开展试点 / 支持甲、乙3市先行先试: the policy applies to those areas."""
    policies = [m for m in sent.mentions if m.type == "Policy"]
    for p in policies:
        ctx.last_policy[art.id] = p
    if not policies and POLICY_SUBJECT.match(sent.text) and art.id in ctx.last_policy:
        policies = [ctx.last_policy[art.id]]   # 方案明确，在…: the article's policy
    if not policies:
        return []
    facts = []
    for run in _area_runs(sent):
        after = sent.text[run[-1].end:run[-1].end + 8]
        before = sent.text[max(0, run[0].start - 4):run[0].start]
        counted = SCOPE_AFTER.match(after) and (SCOPE_BEFORE.search(before) or SCOPE_WORDS.search(sent.text))
        acted = before.endswith("在") and SCOPE_ACTION.match(after)
        acted = acted or (before.endswith("以") and after.startswith("为"))   # 以甲、乙为重点
        if counted or acted:
            earlier = [p for p in policies if p.start < run[0].start]
            pol = earlier[-1] if earlier else policies[0]
            facts += [Fact(pol, "appliesTo", a, sent, "policy.scope", 0.75) for a in run]
    return facts


def _locating_areas(sent: Sentence, i: int) -> tuple[Mention | None, int]:
    """The most specific of the areas written one after another from mention i."""
    ments, last, j = sent.mentions, None, i
    while j < len(ments) and ments[j].type in ("AdministrativeArea", "Place") and \
            (last is None or sent.text[last.end:ments[j].start] == ""):
        last, j = ments[j], j + 1
    return last, j


def located_in(ctx, art: Article, sent: Sentence) -> list[Fact]:
    facts = []
    text, ments = sent.text, sent.mentions
    for i, m in enumerate(ments):
        before = text[max(0, m.start - 3):m.start]
        # 位于甲区乙镇的丙园 / 丙园位于甲区
        if before.endswith(LOCATING) and (i == 0 or ments[i - 1].end <= m.start - 2):
            where, j = _locating_areas(sent, i)
            if where is None:
                continue
            nxt = ments[j] if j < len(ments) else None
            if nxt is not None and text[where.end:nxt.start] == "的" and nxt.type in ("Place", "Enterprise", "Organization"):
                facts.append(Fact(nxt, "locatedIn", where, sent, "locate.weiyu", 0.85))
            prev = ments[i - 1] if i > 0 else None
            if prev is not None and text[prev.end:m.start] in LOCATING and prev.type in VISITABLE:
                facts.append(Fact(prev, "locatedIn", where, sent, "locate.weiyu", 0.85))
        # 甲区的乙园: an area, 的, a place or company
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        if m.type == "AdministrativeArea" and nxt is not None and text[m.end:nxt.start] == "的" \
                and nxt.type in ("Place", "Enterprise") and not before.endswith(LOCATING):
            facts.append(Fact(nxt, "locatedIn", m, sent, "locate.de", 0.6))
    # 某公司(正式)落户某园: where it settled
    for m in re.finditer(r"(?:正式|已|将|成功)?(?:落户|入驻|落地|选址)(?:在|于)?", text):
        who = [x for x in ments if x.end <= m.start() and x.type == "Enterprise"]
        where = next((x for x in ments if x.start == m.end() and x.type in ("Place", "AdministrativeArea")), None)
        if who and where is not None and not MODIFIER_CUT.search(text[who[-1].end:m.start()]):
            facts.append(Fact(who[-1], "locatedIn", where, sent, "locate.settle", 0.75))
    # 在丙园内，某公司…: the company is in the place
    frame = FRAME_RE.match(text)
    if frame and not any(m.type == "Official" for m in ments):
        comma = text.find("，", frame.end())
        places = [m for m in ments if m.type == "Place" and m.start < comma]
        if places and comma > 0:
            for k, m in enumerate(ments):
                owner = k + 1 < len(ments) and re.fullmatch(r"(?:旗下|所属|下属)的?", text[m.end:ments[k + 1].start])
                if m.type == "Enterprise" and m.start > comma and not owner:
                    facts.append(Fact(m, "locatedIn", places[-1], sent, "locate.frame", 0.6))
    return facts


def subsidiary_of(ctx, art: Article, sent: Sentence) -> list[Fact]:
    facts = []
    text, ments = sent.text, sent.mentions
    for i, m in enumerate(ments):
        if m.type != "Enterprise":
            continue
        k = m.text.find("集团")
        rest = m.text[k + 2:]
        if k >= 3 and len(rest) >= 4 and not LEGAL_TAIL.fullmatch(rest):   # 某某集团某市某某有限公司
            parent = m.text[:k + 2]
            facts.append(Fact(m, "subsidiaryOf", ("entity", "Enterprise", parent, parent), sent, "subsidiary.name", 0.8))
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        if nxt is not None and nxt.type == "Enterprise" and re.fullmatch(
                r"(?:旗下|所属|下属)的?|(?:的)?(?:控股|全资)?子公司", text[m.end:nxt.start]):
            facts.append(Fact(nxt, "subsidiaryOf", m, sent, "subsidiary.qixia", 0.85))
    # 甲公司是乙集团(在某地布局)的(全资)子公司 / 公司旗下的甲公司
    for sub in re.finditer(r"子公司", text):
        parents = [m for m in ments if m.type == "Enterprise" and m.end <= sub.start()]
        shi = text.rfind("是", 0, sub.start())
        if not parents or shi < 0 or parents[-1].start < shi:
            continue
        child = next((m for m in ments if m.type == "Enterprise" and m.end <= shi), None)
        if child is None and re.search(r"(?:公司|企业)$", text[:shi]):
            child = ctx.last_enterprise.get(art.id)
        if child is not None and child is not parents[-1]:
            facts.append(Fact(child, "subsidiaryOf", parents[-1], sent, "subsidiary.zigongsi", 0.8))
    for m in re.finditer(r"隶属于?|归属于", text):      # 乙隶属于甲集团
        child = next((x for x in reversed(ments) if x.end == m.start() and x.type == "Enterprise"), None)
        parent = next((x for x in ments if x.start == m.end() and x.type == "Enterprise"), None)
        if child and parent:
            facts.append(Fact(child, "subsidiaryOf", parent, sent, "subsidiary.lishu", 0.85))
    for m in re.finditer(r"是", text):      # 乙是甲集团旗下…
        child = next((x for x in reversed(ments) if x.end == m.start() and x.type == "Enterprise"), None)
        parent = next((x for x in ments if x.start == m.end() and x.type == "Enterprise"), None)
        if child and parent and re.match(r"(?:旗下|下属|所属)", text[parent.end:parent.end + 2]):
            facts.append(Fact(child, "subsidiaryOf", parent, sent, "subsidiary.qixia", 0.8))
    for m in re.finditer(r"(?:公司|集团)旗下的?", text):
        owner = ctx.last_enterprise.get(art.id)
        child = next((x for x in ments if x.start == m.end() and x.type == "Enterprise"), None)
        if owner is not None and child is not None and not any(x.end == m.start() for x in ments):
            facts.append(Fact(child, "subsidiaryOf", owner, sent, "subsidiary.qixia", 0.75))
    return facts
