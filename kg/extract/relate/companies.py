"""subsidiaryOf: which company belongs to which (group prefix, 旗下, 子公司, 隶属于)."""
from __future__ import annotations

import re

from kg.extract.patterns import GROUP_WORD, OPENING_BRACKETS, OWNED_LINK, OWNER_RE
from kg.extract.relate.base import Rule, register
from kg.model import Article, ImpliedEntity, Sentence

BY_NAME = Rule("subsidiary.name", "subsidiaryOf", 0.8)          # 某某集团某市某某有限公司
OWNED = Rule("subsidiary.qixia", "subsidiaryOf", 0.85)          # 甲集团旗下的乙公司
IS_OWNED = Rule("subsidiary.shi_qixia", "subsidiaryOf", 0.8)    # 乙是甲集团旗下…
OWNED_BY_ANAPHOR = Rule("subsidiary.gongsi_qixia", "subsidiaryOf", 0.75)   # 公司旗下的乙公司 (the article's company)
CHILD_COMPANY = Rule("subsidiary.zigongsi", "subsidiaryOf", 0.8)    # 甲公司是乙集团的全资子公司
BELONGS_TO = Rule("subsidiary.lishu", "subsidiaryOf", 0.85)     # 乙隶属于甲集团

LEGAL_TAIL = r"(?:股份)?有限(?:责任)?公司"                       # 有限公司, 股份有限公司, 有限责任公司
LEGAL_FORM = re.compile(rf"{LEGAL_TAIL}|公司")                  # a company name's legal tail alone
CHILD_WORD = re.compile("子公司")
COMPANY_END = re.compile(r"(?:公司|企业)$")                  # 公司是…的子公司: the article's company
BELONGS_WORDS = re.compile(r"隶属于?|归属于")
IS_WORD = re.compile("是")
UNDER_COMPANY = re.compile(r"(?:公司|集团)旗下的?")              # 公司旗下的乙公司
MIN_GROUP_PREFIX = 2
MIN_SUBSIDIARY_REST = 4
LEGAL_INSIDE = re.compile(rf"{LEGAL_TAIL}(?=.)")                # a legal name with a unit after it
MIN_UNIT_REST = 3                                                # 某某煤矿, 某省分公司


def _by_name_and_link(sent: Sentence) -> list:
    """某某集团某市某某有限公司 (a group prefix) and 甲集团旗下的乙公司 (a link word)."""
    facts = []
    text, ments = sent.text, sent.mentions
    for i, m in enumerate(ments):
        if m.type != "Enterprise":
            continue
        k = m.text.find(GROUP_WORD)
        rest = m.text[k + len(GROUP_WORD):]
        legal = LEGAL_INSIDE.search(m.text)        # 某某有限公司某某煤矿, 某某股份有限公司某省分公司
        parent = None
        if k >= MIN_GROUP_PREFIX and len(rest) >= MIN_SUBSIDIARY_REST and not LEGAL_FORM.fullmatch(rest) \
                and m.text[k - 1] not in OPENING_BRACKETS:      # 某某(集团)有限公司: the group word is part of the name
            parent = m.text[:k + len(GROUP_WORD)]
        elif legal and legal.start() >= MIN_GROUP_PREFIX and len(m.text) - legal.end() >= MIN_UNIT_REST:
            parent = m.text[:legal.end()]
        if parent is not None:
            facts.append(BY_NAME.fact(m, ImpliedEntity("Enterprise", parent, alias=parent), sent))
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        if nxt is not None and nxt.type == "Enterprise" and OWNED_LINK.fullmatch(text[m.end:nxt.start]):
            facts.append(OWNED.fact(nxt, m, sent))
        elif nxt is not None and nxt.type == "Enterprise" and nxt.start == m.end and m.text.endswith(GROUP_WORD) \
                and LEGAL_FORM.search(nxt.text):
            facts.append(BY_NAME.fact(nxt, m, sent))    # 某某集团|某省某某有限公司: the group, then its firm
    return facts


def _child_company(ctx, sent: Sentence) -> list:
    """甲公司是乙集团(在某地布局)的(全资)子公司; 公司是… takes the article's company."""
    facts = []
    text, ments = sent.text, sent.mentions
    for sub in CHILD_WORD.finditer(text):
        parents = [m for m in ments if m.type == "Enterprise" and m.end <= sub.start()]
        shi = text.rfind("是", 0, sub.start())
        if not parents or shi < 0 or parents[-1].start < shi:
            continue
        child = next((m for m in ments if m.type == "Enterprise" and m.end <= shi), None)
        if child is None and COMPANY_END.search(text[:shi]):
            child = ctx.after.enterprise
        if child is not None and child is not parents[-1]:
            facts.append(CHILD_COMPANY.fact(child, parents[-1], sent))
    return facts


@register(BY_NAME, OWNED, IS_OWNED, OWNED_BY_ANAPHOR, CHILD_COMPANY, BELONGS_TO)
def subsidiary_of(ctx, art: Article, sent: Sentence) -> list:
    facts = _by_name_and_link(sent) + _child_company(ctx, sent)
    text, ments = sent.text, sent.mentions
    for m in BELONGS_WORDS.finditer(text):      # 乙隶属于甲集团
        child = next((x for x in reversed(ments) if x.end == m.start() and x.type == "Enterprise"), None)
        parent = next((x for x in ments if x.start == m.end() and x.type == "Enterprise"), None)
        if child and parent:
            facts.append(BELONGS_TO.fact(child, parent, sent))
    for m in IS_WORD.finditer(text):      # 乙是甲集团旗下…
        child = next((x for x in reversed(ments) if x.end == m.start() and x.type == "Enterprise"), None)
        parent = next((x for x in ments if x.start == m.end() and x.type == "Enterprise"), None)
        if child and parent and OWNER_RE.match(text[parent.end:parent.end + 2]):
            facts.append(IS_OWNED.fact(child, parent, sent))
    for m in UNDER_COMPANY.finditer(text):
        owner = ctx.after.enterprise
        child = next((x for x in ments if x.start == m.end() and x.type == "Enterprise"), None)
        if owner is not None and child is not None and not any(x.end == m.start() for x in ments):
            facts.append(OWNED_BY_ANAPHOR.fact(child, owner, sent))
    return facts
