"""issued: a body (or an area) issues a policy: 甲部、乙局联合印发《…》."""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.dates import find_date, signature_date
from kg.extract.patterns import LIST_GAP
from kg.extract.recognise.documents import title_issuer
from kg.extract.relate.base import Rule, register
from kg.model import Article, Sentence
from kg.vocab import AGENTS

ISSUE = Rule("issue.verb", "issued", 0.85)
ISSUER_IN_TITLE = Rule("issue.title", "issued", 0.8)      # 某市人民政府办公厅关于…的通知
# what may stand between the issuer and the 《policy》: 近日印发了, 正式出台
ISSUE_RE = re.compile(rf"^[^，。；]{{0,16}}?(?:{L.alternation(L.ISSUE_VERBS)})[^，。；《]{{0,4}}$")


@register(ISSUER_IN_TITLE)
def issuer_in_title(ctx, art: Article, sent: Sentence) -> list:
    """A title that starts with its issuer: 某市人民政府办公厅关于成立…的通知."""
    issuers = [(title_issuer(p), p) for p in sent.mentions if p.rule == "policy.title"]
    issuers = [(body, p) for body, p in issuers if body is not None and body.entity is not None]
    if not issuers:
        return []
    # issued on the day the document is signed, else the day the page carries
    date, date_text = signature_date("".join(s.text for s in art.sentences), art.page.date)
    return [ISSUER_IN_TITLE.fact(body, p, sent, date=date, date_text=date_text) for body, p in issuers]


@register(ISSUE)
def issued(ctx, art: Article, sent: Sentence) -> list:
    facts = []
    for p in (m for m in sent.mentions if m.type == "Policy"):
        agents = [m for m in sent.mentions if m.type in AGENTS and m.end <= p.start]
        if not agents or not ISSUE_RE.match(sent.text[agents[-1].end:p.start]):
            continue
        run = [agents[-1]]   # 甲部、乙局联合印发: every body of the list issued it
        for a in reversed(agents[:-1]):
            if LIST_GAP.match(sent.text[a.end:run[0].start].strip()):
                run.insert(0, a)
            else:
                break
        date, date_text = find_date(sent.text[:p.start], art.page.date)
        facts += [ISSUE.fact(agent, p, sent, date=date, date_text=date_text) for agent in run]
    return facts
