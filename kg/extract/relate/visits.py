"""visited and inspected: an official, a visit verb, the places listed after it.

市政协主席某某到甲区、乙县调研 / 在某公司，某某查看… / 随后，她来到… / 某某在甲村察看…
The subject is an official named before the verb (not one who only 陪同), or
the article's acting official when a pronoun, a group (调研组, 一行) or a
place frame (在某地，…) stands for them.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.dates import OPENING_DATE, date_in_context
from kg.extract.patterns import HAN, LIST_GAP
from kg.extract.relate.base import Rule, list_after, register
from kg.model import Article, ImpliedEntity, Mention, Sentence
from kg.vocab import VISITABLE

VISIT = Rule("visit.verb", "visited", 0.85)
INSPECTION = Rule("visit.campaign", "inspected", 0.6)
HOME_SHORT_NEXT = "，。、调考视督检开就"     # what may follow 来柳 (the home city's first character)
VISIT_RE = re.compile(f"(?:{L.alternation(L.VISIT_VERBS)})|(?<![以年未后从近原本起])来(?=我|本|[{HAN}]{{1,4}}[，。调考视督检开就])")
ACCOMPANYING = "陪同"
# the article's official acts through a pronoun or the group they lead
PRONOUN_SUBJECT = re.compile(rf"(?:^|，)(?:随后|之后|其间|接着|同时)?，?(?:他|她|他们|她们|一行|[{HAN}]{{0,4}}"
                             r"(?:调研组|视察组|检查组|督导组|考察组|考察团|代表团|工作组)|委员们|代表们)")
AT_PLACE = re.compile(rf"^[{HAN}]{{0,4}}?在$")
# 在某公司，…: a place frame at the start of the sentence
PLACE_FRAME = re.compile(rf"^(?:{OPENING_DATE})?(?:随后|之后|接着|其间)?[，,]?在")


def _frame(text: str) -> tuple[re.Match | None, int]:
    """The place frame of the sentence and the comma that ends it (not 在某某陪同下)."""
    frame = PLACE_FRAME.match(text)
    frame_end = text.find("，", frame.end()) if frame else -1
    if frame and ACCOMPANYING in text[:frame_end]:
        frame = None      # 在某某陪同下，…: a companion, not a place
    return frame, frame_end


def visit_subjects(lead: Mention | None, sent: Sentence) -> list[tuple[re.Match, list]]:
    """(visit verb, its subjects) for every visit verb of `sent` that has one."""
    text = sent.text
    officials = [m for m in sent.mentions if m.type == "Official"]
    frame, _ = _frame(text)
    out = []
    for v in VISIT_RE.finditer(text):
        subjects = [o for o in officials if o.end <= v.start() and ACCOMPANYING not in text[o.end:v.start()]]
        if not subjects and lead is not None and (PRONOUN_SUBJECT.search(text[:v.start()]) or frame):
            subjects = [lead]
        if subjects:
            out.append((v, subjects))
    return out


def _targets(ctx, sent: Sentence, v: re.Match, subjects: list) -> list:
    """What the official visited: the list after the verb, the frame, or 在X before the verb."""
    text = sent.text
    targets = list_after(sent, v.end(), VISITABLE)
    if not targets and v[0] == "来":
        targets = _home_short(ctx, text, v.end())
    frame, frame_end = _frame(text)
    if frame and not targets:
        targets = [m for m in sent.mentions if frame.end() <= m.start < frame_end and m.type in VISITABLE]
    if not targets:   # 某某在甲镇乙村察看…
        officials = [m for m in sent.mentions if m.type == "Official"]
        last = max((o.end for o in subjects if o in officials), default=-1)
        span = [m for m in sent.mentions if last <= m.start and m.end <= v.start() and m.type in VISITABLE]
        if span and AT_PLACE.match(text[last:span[0].start]) and LIST_GAP.match(text[span[-1].end:v.start()]):
            targets = span
    return targets


def _home_short(ctx, text: str, pos: int) -> list:
    """来柳调研: a one-character short form of the home city after 来."""
    home = ctx.home_area_name
    if home and text[pos:pos + 1] == home[0] and text[pos + 1:pos + 2] in HOME_SHORT_NEXT:
        return [ImpliedEntity("AdministrativeArea", home)]
    return []


@register(VISIT, INSPECTION)
def visited(ctx, art: Article, sent: Sentence) -> list:
    earlier = [ctx.before.dated] if ctx.before.dated else []     # 当天 looks back to the last dated sentence
    date, date_text = date_in_context(sent.text, art.page.date, earlier, (art.date, art.date_text))
    facts = []
    for v, subjects in visit_subjects(ctx.before.lead, sent):
        targets = _targets(ctx, sent, v, subjects)
        camps = list_after(sent, v.end(), ("Campaign",))
        for s in subjects:
            facts += [VISIT.fact(s, t, sent, date=date, date_text=date_text) for t in targets]
            facts += [INSPECTION.fact(s, c, sent, date=date, date_text=date_text) for c in camps]
    return facts
