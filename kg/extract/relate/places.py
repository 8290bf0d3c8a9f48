"""Relations of places: appliesTo (a policy's scope) and locatedIn (where a site or firm is)."""
from __future__ import annotations

import re

from kg.extract.patterns import LIST_GAP, LOCATING, OWNER_RE
from kg.extract.relate.base import Rule, register
from kg.model import Article, Mention, Sentence
from kg.vocab import VISITABLE

SCOPE = Rule("policy.scope", "appliesTo", 0.75)
LOCATED_VERB = Rule("locate.weiyu", "locatedIn", 0.85)       # 丙园位于甲区 / 位于甲区的丙园
LOCATED_OF = Rule("locate.de", "locatedIn", 0.6)             # 甲区的乙园
LOCATED_SETTLED = Rule("locate.settle", "locatedIn", 0.75)   # 某公司落户某园
LOCATED_FRAME = Rule("locate.frame", "locatedIn", 0.6)       # 在丙园内，某公司…

SCOPE_AFTER = re.compile(r"^(?:等)?[\d一二三四五六七八九十]*个?(?:城市|地区|省份|省市|省区|省|市|县|区|地)")
SCOPE_BEFORE = re.compile(r"(?:在|支持|选择|确定|包括|覆盖|明确|部署|安排|推动|鼓励)$")
SCOPE_WORDS = re.compile(r"试点|先行|示范|率先")
SCOPE_ACTION = re.compile(r"^(?:等地)?(?:开展|先行|实施|推行|率先|试点|进行|启动|推进)")
# 方案明确，…: a sentence about the article's policy without naming it
POLICY_SUBJECT = re.compile(r"^《?(?:方案|意见|办法|措施|若干措施|通知|规划|计划|条例|实施意见|行动方案)》?"
                            r"(?:明确|提出|要求|指出|规定|强调)")
SCOPE_WINDOW = 8
SETTLE_RE = re.compile(r"(?:正式|已|将|成功)?(?:落户|入驻|落地|选址)(?:在|于)?")
CLAUSE_CUT = re.compile(r"[，。；]")
# 在丙园内，…: a sentence that opens inside a place
LOCATION_FRAME = re.compile(r"^(?:\d+月\d+日[，,]?)?(?:在|坐落在|坐落于|位于)")


def area_runs(sent: Sentence) -> list[list[Mention]]:
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
    facts = _located_by_name_order(sent)
    text, ments = sent.text, sent.mentions
    for m in SETTLE_RE.finditer(text):       # 某公司(正式)落户某园: where it settled
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
