"""Stage 5, relate: rules that read triples off a sentence's mentions.

Each rule is a plain function ``rule(ctx, article, sentence) -> list[Fact]``
over already recognised mentions; a Fact names mentions (or entities made
for implied bodies) and the pipeline turns it into a :class:`~kg.model.Triple`
once mentions are resolved. Rules are listed in :data:`RULES`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import lexicon as L
from kg.dates import find_date
from kg.model import Article, Mention, Sentence

AGENTS = ("Organization", "AdministrativeArea")
VISITABLE = ("AdministrativeArea", "Place", "Enterprise", "Organization")
VISIT_RE = re.compile(f"(?:{L.alternation(L.VISIT_VERBS)})|(?<![以年未后从近原本起])来(?=我|本|[\u4e00-\u9fff]{{1,4}}[，。调考视督检开就])")
ISSUE_RE = re.compile(rf"^[^，。；]{{0,16}}?(?:{L.alternation(L.ISSUE_VERBS)})[^，。；《]{{0,4}}$")
TITLE_AT_END = re.compile(rf"(?:{L.alternation(L.TITLES)})$")
LIST_GAP = re.compile(r"^[、和及与，,]?$|^以及$|^、$")
TAIL_GAP = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:[、和及]|以及)$")
FIRST_ITEM_GAP = re.compile(r"^了?[\u4e00-\u9fff]{2,12}(?:馆|园|站|区|港|寺|院|场|所|村|镇|街道|中心|公司|基地|景区)[、和及]$")
# the article's official acts through a pronoun or the group they lead
PRONOUN_SUBJECT = re.compile(r"(?:^|，)(?:随后|之后|其间|接着|同时)?，?(?:他|她|他们|她们|一行|[\u4e00-\u9fff]{0,4}"
                             r"(?:调研组|视察组|检查组|督导组|考察组|考察团|代表团|工作组)|委员们|代表们)")
# a company written as a modifier of another: 甲集团旗下的乙公司, 甲公司投资30亿元的乙公司
MODIFIER_AFTER = re.compile(r"(?:旗下|所属|下属|的全资|的控股|的|投资[^，。；]{0,12}的)")
INSIDE_GAP = re.compile(r"^了?[\u4e00-\u9fff]{0,4}[内里中]的$")
AT_PLACE = re.compile(r"^[\u4e00-\u9fff]{0,4}?在$")
FRAME_RE = re.compile(r"^(?:\d+月\d+日[，,]?)?(?:随后|之后|接着|其间)?[，,]?在")


@dataclass
class Fact:
    subject: object           # Mention, or ("entity", type, name) for implied bodies
    predicate: str
    object: object
    sentence: Sentence
    rule: str
    confidence: float
    date: object = None
    date_text: str | None = None
    title: str | None = None
    extra: dict = field(default_factory=dict)


def title_chain(sent: Sentence, person: Mention) -> list[tuple[object, str]]:
    """(body, title) pairs before a person: 市委常委、秘书长某某.

    A body is a Mention, or ("entity", type, name, alias) for a body the text
    only implies (宣传部 after 省委常委 is that 省委's 宣传部), or None. A title
    without a body takes the body of the title before it.
    """
    by_end = {m.end: m for m in sent.mentions if m.type in ("Organization", "Enterprise", "AdministrativeArea")}
    chain, pos = [], person.attrs["title_start"]
    title = person.attrs["title"]
    text = sent.text
    while True:
        body = by_end.get(pos)
        if body is None:  # a body that swallowed the head of the title: 某工委|书记
            body = next((by_end[e] for e in range(pos + 1, pos + len(title)) if e in by_end), None)
            if body is not None:
                title, pos = title[body.end - pos:], body.end
        bare = None
        if body is None:
            bare = next((d for d in L.BARE_DEPARTMENTS if text.endswith(d, 0, pos)), None)
        chain.append((body, title, bare))
        cut = body.start if body else pos - len(bare or "")
        if cut > 1 and text[cut - 1] in "、，兼":
            prev = TITLE_AT_END.search(text[max(0, cut - 12):cut - 1])
            if prev:
                pos, title = cut - 1 - len(prev[0]), prev[0]
                continue
        break
    chain.reverse()
    out, last = [], None
    for body, title, bare in chain:
        name = body_name(last) if last is not None else None
        if bare and name and bare in L.AREA_DEPARTMENTS and body_area(last):
            body = ("entity", "Organization", body_area(last) + bare, None)   # 某区党工委书记、管委会主任
        elif bare and name and name.endswith("委"):
            body = ("entity", "Organization", name + bare, None)      # 省委常委、宣传部部长
        elif body is None and title not in L.IMPLIED_BODY and last is not None and not bare:
            body = last
            lname = body_name(last) or ""
            if re.search(r"(党组|党委)$", lname) and title not in L.PARTY_TITLES:
                # 某人大常委会党组书记、主任: the chair belongs to the congress, not its party group
                body = ("entity", "Organization", lname[:-2], None)
        out.append((body, title))
        last = body or last
    return out


def body_name(body) -> str | None:
    if isinstance(body, tuple):
        return body[2]
    return body.name or body.text


def body_area(body) -> str | None:
    """The area a body belongs to: 某区 for 某区委."""
    if isinstance(body, tuple) or body is None:
        return None
    return body.attrs.get("area_name")


def body_type(body) -> str:
    return body[1] if isinstance(body, tuple) else body.type


def is_official(chain) -> bool:
    for body, title in chain:
        if title in L.BUSINESS_TITLE_SET or (body is not None and body_type(body) == "Enterprise"):
            return False
    return any(body is not None and body_type(body) in AGENTS or title in L.IMPLIED_BODY
               or title in L.PARTY_TITLES or title in L.GOV_TITLES for body, title in chain)


def implied_body(ctx, sent: Sentence, title: str, title_start: int):
    """市长 -> 某市政府: the area named just before in the same clause, else the home city."""
    stem = L.IMPLIED_BODY[title]
    level = stem[0]
    clause_start = max(sent.text.rfind("，", 0, title_start), sent.text.rfind("。", 0, title_start)) + 1
    for m in reversed(sent.mentions):
        if m.end > title_start or m.start < clause_start:
            continue
        area = m.attrs.get("area_name") or (m.name if m.type == "AdministrativeArea" else None)
        if area and area.endswith(level):
            return ("entity", "Organization", area + stem[1:], None)
    home = ctx.home_name(level)
    return ("entity", "Organization", home + stem[1:], stem) if home else None


def holds_position(ctx, art: Article, sent: Sentence) -> list[Fact]:
    facts = []
    for m in sent.mentions:
        if m.rule != "person.title":
            continue
        for body, title in title_chain(sent, m):
            if title in L.IMPLIED_BODY and body is not None and body_type(body) == "AdministrativeArea":
                obj = ("entity", "Organization", body_name(body) + L.IMPLIED_BODY[title][1:], None)  # 某区副区长
            elif body is None and title in L.IMPLIED_BODY:
                obj = implied_body(ctx, sent, title, m.attrs["title_start"])
            elif body is None and title in L.BUSINESS_TITLE_SET and re.search(
                    r"(公司|企业|集团)[^，。；]{0,12}$", sent.text[:m.attrs["title_start"]]):
                word = re.search(r"(公司|企业|集团)[^，。；]{0,12}$", sent.text[:m.attrs["title_start"]])[1]
                here = [e for e in sent.mentions if e.type == "Enterprise" and e.end <= m.attrs["title_start"]]
                group = ctx.last_group.get(art.id) if word == "集团" else None
                obj = here[0] if here else group or ctx.last_enterprise.get(art.id)   # 公司董事长某某
            elif body is not None and body_type(body) in ("Organization", "Enterprise"):
                obj = body
            else:
                obj = None
            if obj is not None:
                facts.append(Fact(m, "holdsPosition", obj, sent, "position.title", 0.9, title=title))
    ents = [e for e in sent.mentions if e.type == "Enterprise"
            and not MODIFIER_AFTER.match(sent.text[e.end:e.end + 16])]
    if ents:
        ctx.last_enterprise[art.id] = ents[0]   # the company the sentence is about, not its parent
    groups = [e for e in sent.mentions if e.type == "Enterprise" and "集团" in e.text]
    if groups:
        ctx.last_group[art.id] = groups[0]
    return facts


def _list_after(sent: Sentence, pos: int, types) -> list[Mention]:
    """Mentions listed right after `pos`: X、Y和Z; 了 may come first; 位于A的B gives B,
    A旗下的B gives B."""
    out, first = [], True
    text = sent.text
    ments = [m for m in sent.mentions if m.start >= pos]
    i = 0
    while i < len(ments):
        m = ments[i]
        gap = text[pos:m.start].strip()
        if first and INSIDE_GAP.match(gap):
            gap = ""       # 走访了园区内的某公司
        lead = re.sub(r"^[、和及与]|^了", "", gap) if not first else gap.lstrip("了")
        if lead in ("位于", "坐落在", "坐落于"):
            gap, located = "", True     # …和位于甲区的乙园: the list goes on at 乙园
        else:
            located = False
        if first and gap in ("了", "位于"):
            gap = ""
        elif not first and TAIL_GAP.match(gap):
            gap = ""   # 某机场改扩建工程现场和某园: the list goes on after a tail
        elif first and FIRST_ITEM_GAP.match(gap):
            gap = ""   # 察看了某某纪念馆和某园: a first item we could not name, then a named one
        if not LIST_GAP.match(gap):
            break
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        link = text[m.end:nxt.start] if nxt is not None else ""
        if nxt is not None and ((located or text[pos:m.start].strip() == "位于") and link == "的"
                                or re.fullmatch(r"(?:旗下|所属|下属)的?|(?:控股|全资)?子公司", link)
                                or m.type == "AdministrativeArea" and link == "的" and nxt.type in ("Place", "Enterprise")):
            i += 1          # the thing after 的 / 旗下 is the place visited
            m = nxt
        if m.type not in types:
            break
        out.append(m)
        pos, first = m.end, False
        i += 1
    return out


def visited(ctx, art: Article, sent: Sentence) -> list[Fact]:
    """市政协主席某某到甲区、乙县调研 / 在某公司，某某查看… / 随后，她来到… / 某某在甲村察看…"""
    text = sent.text
    officials = [m for m in sent.mentions if m.type == "Official"]
    lead = ctx.current_official.get(art.id)
    date, date_text = find_date(text, art.page.date)
    if date is None and date_text is None:
        date, date_text = art.date, art.date_text
    frame = FRAME_RE.match(text)
    frame_end = text.find("，", frame.end()) if frame else -1
    if frame and "陪同" in text[:frame_end]:
        frame = None      # 在某某陪同下，…: a companion, not a place
    facts = []
    for v in VISIT_RE.finditer(text):
        before = text[:v.start()]
        subjects = [o for o in officials if o.end <= v.start() and "陪同" not in text[o.end:v.start()]]
        if not subjects and lead is not None and (PRONOUN_SUBJECT.search(before) or frame):
            subjects = [lead]
        if not subjects:
            continue
        targets = _list_after(sent, v.end(), VISITABLE)
        if not targets and v[0] == "来":
            targets = _home_short(ctx, text, v.end())
        if frame and not targets:
            targets = [m for m in sent.mentions if frame.end() <= m.start < frame_end and m.type in VISITABLE]
        if not targets:   # 某某在甲镇乙村察看…
            last = max((o.end for o in subjects if isinstance(o, Mention) and o in officials), default=-1)
            span = [m for m in sent.mentions if last <= m.start and m.end <= v.start() and m.type in VISITABLE]
            if span and AT_PLACE.match(text[last:span[0].start]) and LIST_GAP.match(text[span[-1].end:v.start()]):
                targets = span
        camps = _list_after(sent, v.end(), ("Campaign",))
        for s in subjects:
            ctx.current_official[art.id] = s
            for t in targets:
                facts.append(Fact(s, "visited", t, sent, "visit.verb", 0.85, date=date, date_text=date_text))
            for c in camps:
                facts.append(Fact(s, "inspected", c, sent, "visit.campaign", 0.6, date=date, date_text=date_text))
    return facts


def _home_short(ctx, text: str, pos: int) -> list:
    """来柳调研: a one-character short form of the home city after 来."""
    home = ctx.home_area_name
    if home and text[pos:pos + 1] == home[0] and text[pos + 1:pos + 2] in "，。、调考视督检开就":
        return [("entity", "AdministrativeArea", home, None)]
    return []


def issued(ctx, art: Article, sent: Sentence) -> list[Fact]:
    facts = []
    for p in sent.mentions:
        if p.type != "Policy":
            continue
        agents = [m for m in sent.mentions if m.type in AGENTS and m.end <= p.start]
        if not agents:
            continue
        between = sent.text[agents[-1].end:p.start]
        if not ISSUE_RE.match(between):
            continue
        run = [agents[-1]]   # 甲部、乙局联合印发: every body of the list issued it
        for a in reversed(agents[:-1]):
            if LIST_GAP.match(sent.text[a.end:run[0].start].strip()):
                run.insert(0, a)
            else:
                break
        date, date_text = find_date(sent.text[:p.start], art.page.date)
        for agent in run:
            facts.append(Fact(agent, "issued", p, sent, "issue.verb", 0.85, date=date, date_text=date_text))
    return facts


from kg.relate_place import applies_to, located_in, subsidiary_of  # noqa: E402  (rules over places)

RULES = [holds_position, visited, issued, applies_to, located_in, subsidiary_of]
