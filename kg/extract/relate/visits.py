"""visited and inspected: an official, a visit verb, the places listed after it.

市政协主席某某到甲区、乙县调研 / 在某公司，某某查看… / 随后，她来到… / 某某在甲村察看…
/ 在甲苏木、乙镇调研时，某某一行… / 某某带队的考察组对甲县进行了考察
The subject is an official named before the verb (not one who only 陪同 or
参加, nor one led by another: 甲带领乙…), or the article's acting official
when a pronoun, a group (调研组, 一行) or a place frame (在某地，…) stands for
them. A verb whose agent is someone else named only by a title (某某总书记视察
某省) is no visit of the sentence's official; a body in someone's title chain
(县人大常委会副主任某某陪同) and the official's own body are no targets.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.dates import date_in_context
from kg.extract.patterns import HAN, LIST_GAP, TITLE, TITLE_AT_END
from kg.extract.recognise.listed import VAGUE
from kg.extract.relate.base import FRAME_OPENING, Rule, list_after, register
from kg.model import Article, ImpliedEntity, Mention, Sentence
from kg.vocab import VISITABLE

VISIT = Rule("visit.verb", "visited", 0.85)
INSPECTION = Rule("visit.campaign", "inspected", 0.6)
HOME_SHORT_NEXT = "，。、调考视督检开就"     # what may follow 来柳 (the home city's first character)
HOME_SHORT_VERBS = ("来", "到", "赴")         # 来柳调研, 到柳考察, 赴柳开展
# 先后来甲村 (visit_list_verbs), but 先后来到 is 来到
VISIT_RE = re.compile(f"(?:{L.alternation(L.VISIT_VERBS)})|(?:{L.alternation(L.VISIT_LIST_VERBS)})(?!到)"
                      f"|(?<![以年未后从近原本起])来(?=我|本|[{HAN}]{{1,10}}[，。调考视督检开就])")
ACCOMPANYING = "陪同"
# 某某陪同调研 / 参加调研: not the visitor (参加 of an event before one's own visit is no sign)
COMPANION = re.compile(r"陪同|随同|一同|随行|参加了?(?:调研|视察|考察|检查|督导|督查|走访|察看)")
ACCOMPANIED = re.compile(r"在[^，。；]*?陪同下")          # 某某在乙陪同下…: 乙 accompanies, 某某 visits
LEADING = re.compile(r"带领|率领")                        # 甲带领乙…: the visit is 甲's
GROUPS = L.alternation(L.VISIT_GROUPS)
THIS_TIME = "这次|此次|本次"          # 这次检查观摩了甲、乙: the article's official, this time
# the article's official acts through a pronoun, the group they lead (某书记一行), or a bare connective
# (随后，来到…)
PRONOUN_SUBJECT = re.compile(rf"(?:^|，)(?:随后|之后|其间|接着|同时)?，?(?:他|她|他们|她们|一行|[{HAN}]{{0,12}}"
                             rf"(?:{GROUPS})|[{HAN}]{{0,3}}(?:{TITLE})一行|委员们|代表们|{THIS_TIME})"
                             rf"|^(?:随后|之后|接着|紧接着|此后|其后|最后)[，,]?(?:又|还|再)?(?:先后)?$")
AT_PLACE = re.compile(rf"^[{HAN}]{{0,4}}?在$")
# 在某公司，…: a place frame at the start of the sentence
PLACE_FRAME = re.compile(rf"{FRAME_OPENING}在")
# what may follow the place of a frame before its comma: 某公司生产车间, 某站动态监控室, 某项目施工现场
FRAME_TAIL = re.compile(rf"[{HAN}]{{0,6}}(?:现场|车间|工地|展厅|生产线|监控室|控制室|大厅)")
FRAME_COMMA = re.compile("，")
OPENING_RE = re.compile(FRAME_OPENING)         # what may stand before a verb that opens the sentence
SCENE_ONLY = ("期间", "之际")                             # 在某市期间，…: the scene, not a visit
NOMINAL = re.compile(rf"(?:此次|这次|本次|那次|上次)[{HAN}]{{0,4}}$")   # 以此次执法检查为契机: a noun
VERBAL = re.compile(rf"[{HAN}]{{0,4}}?了")   # 这次检查观摩了…: a verb (with 了), not 此次检查 the noun
TITLE_CHAIN = re.compile(f"^(?:(?:{TITLE})[、，]?)+$")    # 县人大常委会|副主任|李某: a body in a title chain
# 对甲县进行了(执法)检查, 对甲、乙等企业的消防工作进行检查: 甲县, 甲 and 乙 are visited
OBJECT_FRAME = re.compile(rf"^(?:等[{HAN}]{{0,6}}?(?:{'|'.join(L.LIST_KINDS['Enterprise'])})[{HAN}]{{0,8}}?)?"
                          rf"(?:进行了?|开展了?)[{HAN}]{{0,4}}$")
PEOPLE = ("Official", "Person")
SOME_OF = re.compile(r"部分|一些|若干|各|多[家个所处]")     # 本县部分企业: some of the area's firms


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
    frame = None           # the sentence's frame (在某地…), read when a verb without subjects asks
    out = []
    for v in VISIT_RE.finditer(text):
        if _not_a_visit(sent, v):
            continue
        subjects = _led([o for o in officials if o.end <= v.start() and not _companion(text[o.end:v.end()])], text)
        if not subjects and OPENING_RE.fullmatch(text, 0, v.start()):
            subjects = _after_clause(text, v.end(), officials)    # 走进甲村、乙村，某某详细了解…
        if not subjects and lead is not None and not _person_acts(sent, v):
            pronoun = PRONOUN_SUBJECT.search(text[:v.start()])
            if not pronoun and frame is None:
                frame = _frame(text)[0] or False
            if pronoun or frame:        # 他来到…, or the frame (在某地…): the article's official
                subjects = [lead]
        if subjects:
            out.append((v, subjects))
    framed = _framed_actor(sent, officials) if not out else None
    return [framed] if framed else out


def _after_clause(text: str, pos: int, officials: list[Mention]) -> list[Mention]:
    """The official named right after the comma that ends the clause from `pos`, as a list."""
    comma = text.find("，", pos)
    return [o for o in officials if comma >= 0 and o.start == comma + 1][:1]


def _framed_actor(sent: Sentence, officials: list[Mention]) -> tuple[re.Match, list] | None:
    """在某某有限公司，某某详细了解了…: a sentence that opens on a place named whole and goes on with an
    official acting there (no visit verb needed): (the frame's comma, [the official]), or None."""
    text = sent.text
    frame, frame_end = _frame(text)
    if frame is None or frame_end < 0 or text.endswith(SCENE_ONLY, 0, frame_end):
        return None
    official = next((o for o in officials if o.start == frame_end + 1), None)
    places = [m for m in sent.mentions if frame.end() <= m.start and m.end <= frame_end]
    if official is None or not places or places[0].start != frame.end() or any(m.type not in VISITABLE for m in places):
        return None
    rest = text[places[-1].end:frame_end]
    if not (rest == "" or FRAME_TAIL.fullmatch(rest)) or not all(
            LIST_GAP.match(text[a.end:b.start]) for a, b in zip(places, places[1:])):
        return None      # 在县政府常务会议上，…: a meeting, not a place named whole
    return FRAME_COMMA.match(text, frame_end), [official]


def _person_acts(sent: Sentence, v: re.Match) -> bool:
    """甲董事长一行还拜访了…: a person who holds no office is the agent of the clause's verb, so the
    article's official is not."""
    text = sent.text
    return any(m.type == "Person" and m.end <= v.start() and "，" not in text[m.end:v.start()]
               and not _companion(text[m.end:v.end()]) for m in sent.mentions)


def _not_a_visit(sent: Sentence, v: re.Match) -> bool:
    """关系到 (到 of another verb), 此次执法检查 (a noun), or, in a later clause, a verb whose
    agent is named by a title alone (…，贯彻某某总书记视察某省时的指示)."""
    text = sent.text
    if v[0] == "到" and text.endswith(L.DAO_COMPOUNDS, 0, v.end()) \
            or NOMINAL.search(text, 0, v.start()) and not VERBAL.match(text, v.end()):
        return True
    t = TITLE_AT_END.search(text, 0, v.start())
    if t is None or any(m.end == t.start() for m in sent.mentions if m.type in PEOPLE):
        return False
    before = [m.end for m in sent.mentions if m.type in PEOPLE and m.end <= t.start()]
    return "，" in text[max(before, default=0):t.start()]


def _companion(between: str) -> bool:
    """Is the official followed by `between` (up to the verb) only a companion (陪同, 参加调研)?

    >>> _companion("陪同调研"), _companion("参加调研"), _companion("在县长某某陪同下，先后深入")
    (True, True, False)
    >>> _companion("参加植树活动后，到")
    False
    """
    return bool(COMPANION.search(ACCOMPANIED.sub("", between)))


def _led(subjects: list[Mention], text: str) -> list[Mention]:
    """甲带领乙、丙深入…: the officials after 带领 go along; the visit is the leader's."""
    for i, s in enumerate(subjects[:-1]):
        nxt = subjects[i + 1]
        if LEADING.search(text, s.end, nxt.start):
            return subjects[:i + 1]
    return subjects


def _targets(ctx, sent: Sentence, v: re.Match, subjects: list) -> list:
    """What the official visited: the list after the verb, the frame, or 在X before the verb."""
    text = sent.text
    targets = list_after(sent, v.end(), VISITABLE) if text[v.end():v.end() + 1] not in "，," else []
    if not targets and v[0] in HOME_SHORT_VERBS:
        targets = _home_short(ctx, text, v.end())
    if not targets:
        targets = _object_of(sent, v)
    frame, frame_end = _frame(text)
    if frame and not targets and not text.endswith(SCENE_ONLY, 0, frame_end):
        targets = [m for m in sent.mentions if frame.end() <= m.start < frame_end and m.type in VISITABLE]
    if not targets:   # 某某在甲镇乙村察看…
        officials = [m for m in sent.mentions if m.type == "Official"]
        last = max((o.end for o in subjects if o in officials), default=-1)
        span = [m for m in sent.mentions if last <= m.start and m.end <= v.start() and m.type in VISITABLE]
        if span and AT_PLACE.match(text[last:span[0].start]) and LIST_GAP.match(text[span[-1].end:v.start()]):
            targets = span
    return [t for t in targets if not _no_target(sent, t, subjects)]


def _object_of(sent: Sentence, v: re.Match) -> list:
    """(分别)对甲县进行了考察, 对甲公司、乙公司等企业的消防工作进行检查: the places listed
    after 对, before 进行."""
    text = sent.text
    for m in sent.mentions:
        if m.type in VISITABLE and m.end <= v.start() and text[m.start - 1:m.start] == "对":
            items = [m, *list_after(sent, m.end, VISITABLE)]
            items = [i for i in items if i.end <= v.start()]
            if OBJECT_FRAME.match(text[items[-1].end:v.start()]):
                return items
    return []


def _no_target(sent: Sentence, t, subjects: list) -> bool:
    """A body in a title chain (县人大常委会副主任某某), a subject's own body, a vague name (部分某某),
    an area that only says whose the vague things after it are (我市部分企业)."""
    if not isinstance(t, Mention):
        return False
    if VAGUE.match(t.text):
        return True
    if t.type == "AdministrativeArea" and SOME_OF.match(sent.text, t.end):
        return True       # 察看本县部分企业: the firms of the area, not the area
    if t.type != "Organization":
        return False
    people = [m for m in sent.mentions if m.type in PEOPLE and m.start >= t.end]
    if any(TITLE_CHAIN.match(sent.text[t.end:p.start]) for p in people):
        return True
    return any(t.label == b.label for s in subjects if isinstance(s, Mention) for b in _own_bodies(sent, s))


def _own_bodies(sent: Sentence, official: Mention) -> list[Mention]:
    """The bodies of the official's title chain in this sentence: 县委书记某某 -> 县委."""
    return [m for m in sent.mentions if m.type == "Organization" and m.end <= official.start
            and TITLE_CHAIN.match(sent.text[m.end:official.start])]


def _home_short(ctx, text: str, pos: int) -> list:
    """来柳调研, 到柳考察: a one-character short form of the home city after 来, 到 or 赴."""
    home = ctx.home_area_name
    if home and text[pos:pos + 1] == home[0] and text[pos + 1:pos + 2] in HOME_SHORT_NEXT:
        return [ImpliedEntity("AdministrativeArea", home)]
    return []


def _sentence_visits(ctx, sent: Sentence) -> tuple:
    """The sentence's (visit verb, subjects) pairs: as :func:`~.discourse.advance` found them for
    the state after it, else (a context made by hand) found here."""
    if ctx.after.visited_in is sent:
        return ctx.after.visits
    return tuple(visit_subjects(ctx.before.lead, sent))


@register(VISIT, INSPECTION)
def visited(ctx, art: Article, sent: Sentence) -> list:
    facts, dated = [], None
    for v, subjects in _sentence_visits(ctx, sent):
        targets = _targets(ctx, sent, v, subjects)
        camps = list_after(sent, v.end(), ("Campaign",))
        if not (targets or camps):
            continue
        if dated is None:        # 当天 looks back to the last dated sentence
            earlier = [ctx.before.dated] if ctx.before.dated else []
            dated = date_in_context(sent.text, art.page.date, earlier, (art.date, art.date_text))
        date, date_text = dated
        for s in subjects:
            facts += [VISIT.fact(s, t, sent, date=date, date_text=date_text) for t in targets]
            facts += [INSPECTION.fact(s, c, sent, date=date, date_text=date_text) for c in camps]
    return facts
