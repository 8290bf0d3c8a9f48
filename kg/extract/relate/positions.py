"""holdsPosition: who holds which office in which body, read from title chains.

A title chain is what stands before a name: 市委常委、秘书长某某, 某区委书记、区长某某.
Offices belong to the body that holds them (guideline): 副市长 → 市政府,
县长 → that county's 政府, 董事长 → the company named before.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import BODY_END_CHARS, GROUP_WORD, HAN_CHAR, TITLE_AT_END, ZONE_BODIES, clause_start
from kg.extract.relate.base import Rule, register
from kg.model import Article, ImpliedEntity, Mention, Sentence
from kg.vocab import AGENTS, OFFICE_END, OFFICE_START

POSITION = Rule("position.title", "holdsPosition", 0.9)
ROSTER = Rule("position.roster", "holdsPosition", 0.8)      # 组长：某某 in the roster of a leading group
CHAIN_JOINERS = "、，兼"              # 市委常委、秘书长; 书记兼主任
BODY_TITLES = ("纪委书记", "党委书记", "党组书记")   # 某某|纪委书记: a title that names a body of the word before it
GENERIC_BEFORE_TITLE = ("相关", "有关")   # 企业相关负责人，政府副县长某某: nobody's office, no link of the chain
BODY_HEAD_CHARS = BODY_END_CHARS + "社庭会区级"   # a body's last character (某某部, 某某会, 园区|管委会), and 二级|调研员
PREVIOUS_TITLE_WINDOW = 12           # characters before a joiner in which the previous title is sought
PARTY_GROUP = re.compile(r"(党组|党委)$")
PARTY_GROUP_TITLE = re.compile(r"^(党组|党委|纪委)(?=书记|副书记|成员|委员)")   # 党组成员: a member of the body's 党组; 纪委书记
COMPANY_WORDS = ("公司", "企业", GROUP_WORD)
COMPANY_WORD_BEFORE = re.compile(rf"({'|'.join(COMPANY_WORDS)})[^，。；]{{0,12}}$")    # 公司董事长某某
MEETING_WORDS = ("大会", "会议")      # 大会秘书长, 会议主持人: offices of a meeting
HOME_PARTY_TITLES = ("书记", "副书记")  # 某某书记 without a body: the home's party committee
DEPARTMENT_OWNERS = ("委", "政府")    # 省委常委、宣传部部长; 市政府副秘书长、办公厅主任
GOVERNMENT = "政府"
PARTY_DEPARTMENTS = ("宣传部", "组织部", "统战部", "政法委")   # never a government's
LIST_COMMAS = ("，", "、")           # what stands between two people of one list
PARTY_COMMITTEE = "党委"
MEMBER = "委员"                    # 委员某某 in a CPPCC's report: a member of it
BODY_TYPES = ("Organization", "Enterprise")     # what holds offices (a company's 党委 too)


def title_chain(sent: Sentence, person: Mention) -> list[tuple[object, str]]:
    """(body, title) pairs before a person: 市委常委、秘书长某某.

    A body is a Mention, an :class:`~kg.model.ImpliedEntity` for a body the
    text only implies (宣传部 after 省委常委 is that 省委's 宣传部), or None.
    A title without a body takes the body of the title before it.
    """
    if sent.text.endswith(MEETING_WORDS, 0, person.attrs["title_start"]):
        return [(None, person.attrs["title"])]   # 大会秘书长: an office of the meeting, no body's
    raw, start = _raw_chain(sent, person)
    if raw and raw[0][0] is None and (zone := _zone_body(sent, person, *raw[0][1:])) is not None:
        raw[0] = zone
    if raw and raw[0][0] is None and raw[0][1] not in L.IMPLIED_BODY \
            and not _chain_text(sent.text, person).startswith(COMPANY_WORDS) \
            and not _owner_unknown(sent.text, start):   # 集团党委委员、副总经理乙
        carried = _body_before(sent, person)
        if carried is not None and (carried.type == "Enterprise" or raw[0][1] not in L.BUSINESS_TITLE_SET):
            # 市人大常委会主任甲，副主任乙、丙: the body goes on, to the titles after the first one too
            # (某集团董事长甲，党委副书记、总经理乙); but a company's office is no committee's
            raw[0] = (carried, *raw[0][1:])
    return _assign_bodies(raw)


def _zone_body(sent: Sentence, person: Mention, title: str, bare: str | None) -> tuple | None:
    """党工委书记甲、管委会主任乙 after a development zone (or its 管委会) is named: (that zone's body,
    the title, None), or None."""
    word = bare if bare in ZONE_BODIES else next((w for w in ZONE_BODIES if title.startswith(w)), None)
    if word is None:
        return None
    zone = next((z for m in reversed(sent.mentions) if m.end <= person.start and (z := _zone_of(m))), None)
    return None if zone is None else (ImpliedEntity("Organization", zone + word), title.removeprefix(word) or title, None)


def _zone_of(m: Mention) -> str | None:
    """The development zone a mention names: the zone itself, or its 管委会 or 党工委."""
    if m.type == "Organization":     # 某某区党工委: a zone's body, whatever the zone's name ends in
        return next((m.label[:-len(w)] for w in ZONE_BODIES if m.label.endswith(w) and len(m.label) > len(w)), None)
    zone = m.type == "AdministrativeArea" and (m.label.endswith(L.ZONE_SUFFIXES) or m.rule == "zone.body")
    return m.label if zone else None


def _body_before(sent: Sentence, person: Mention):
    """The last body of the chain of the nearest titled person before `person` in the sentence."""
    start = person.attrs["title_start"]
    # an appointment carries only an appointment's body: 甲当选某区人大常委会主任，乙、丙当选为副主任
    before = [m for m in sent.mentions if m.rule == "person.title" and m.end <= start
              and not m.attrs.get("after") and m.attrs.get("title_start") != start
              and bool(m.attrs.get("appointed")) == bool(person.attrs.get("appointed"))]
    if not before or "。" in sent.text[before[-1].end:start]:
        return None
    bodies = [b for b, _t in title_chain(sent, before[-1]) if b is not None and b.type != "AdministrativeArea"]
    return bodies[-1] if bodies else None


def _owner_unknown(text: str, start: int) -> bool:
    """Does a body word no finder knew stand right before the chain that starts at `start`
    (某某部|政委某某, 某某委|主任某某), so that its first title is that body's office, not the office of
    the body named before? (当选为|副主任 is no body's word.)"""
    return start > 0 and (text[start - 1] in BODY_HEAD_CHARS
                          or text.startswith(BODY_TITLES, start) and bool(HAN_CHAR.match(text, start - 1)))


def _raw_chain(sent: Sentence, person: Mention) -> tuple[list[tuple], int]:
    """(body mention or None, title, bare department or None) from left to right, and where the chain starts."""
    by_end = {m.end: m for m in sent.mentions if m.type in ("Organization", "Enterprise", "AdministrativeArea")}
    chain, pos = [], person.attrs["title_start"]
    title = person.attrs["title"]
    text = sent.text
    while True:
        body = by_end.get(pos)
        if body is None:  # a body that swallowed the head of the title: 某工委|书记
            body = next((by_end[e] for e in range(pos + 1, pos + len(title)) if e in by_end), None)
            # but 某某|县长 read as 某某县|长 is the county's head: the title stays whole
            if body is not None and not (body.type == "AdministrativeArea" and title in L.IMPLIED_BODY):
                title, pos = title[body.end - pos:], body.end
        bare = None
        if body is None:
            bare = next((d for d in L.BARE_DEPARTMENTS if text.endswith(d, 0, pos)), None)
        chain.append((body, title, bare))
        cut = body.start if body else pos - len(bare or "")
        if cut > 1 and text[cut - 1] in CHAIN_JOINERS:
            prev = TITLE_AT_END.search(text[max(0, cut - PREVIOUS_TITLE_WINDOW):cut - 1])
            if prev and not text.endswith(GENERIC_BEFORE_TITLE, 0, cut - 1 - len(prev[0])):
                pos, title = cut - 1 - len(prev[0]), prev[0]
                continue
        break
    chain.reverse()
    return chain, cut


def _assign_bodies(chain: list[tuple]) -> list[tuple[object, str]]:
    out, last = [], None
    for body, title, bare in chain:
        name = last.label if last is not None else None
        if bare and name and bare in L.AREA_DEPARTMENTS and (area := _area_of(last)):
            body = ImpliedEntity("Organization", area + bare)   # 某区党工委书记、管委会主任; 县纪委书记、监委主任
        elif bare and name and (owner := _owner(name)) and not (bare in PARTY_DEPARTMENTS
                                                              and owner.endswith(GOVERNMENT)):
            # 省委常委、宣传部部长; 市政府办公厅; 市委政研室主任、改革办副主任
            body = ImpliedEntity("Organization", owner + bare)
        elif body is None and title in L.DEPARTMENT_TITLES and name and name.endswith("委"):
            body = ImpliedEntity("Organization", name + L.DEPARTMENT_TITLES[title])   # 市委常委、组织部长
        elif body is None and title in L.IMPLIED_BODY and last is not None and not bare \
                and _governs(last, L.IMPLIED_BODY[title]):
            body = last                                                    # 某州人民政府副州长、代理州长
        elif body is None and title not in L.IMPLIED_BODY and last is not None and not bare:
            body = last
            if PARTY_GROUP.search(last.label) and title not in L.PARTY_TITLE_SET:
                # 某人大常委会党组书记、主任: the chair belongs to the congress, not its party group
                body = ImpliedEntity("Organization", last.label[:-2])
        out.append((body, title))
        last = body or last
    return out


def _area_of(body) -> str | None:
    """The area a body is of: its area's name, or its name without its stem (某县 of 某县纪委)."""
    stem = body.attrs.get("stem") if isinstance(body, Mention) else None
    area = body.area_name or (body.label[:-len(stem)] if stem and body.label.endswith(stem) else None)
    return area if area and len(area) > 1 else None     # not 区 of an unresolved 区纪委


def _owner(name: str) -> str | None:
    """The body a bare department after `name` belongs to: `name` (市委), or the owner of the
    department `name` is (市委 of 市委政研室)."""
    if name.endswith(DEPARTMENT_OWNERS):
        return name
    dept = next((d for d in L.BARE_DEPARTMENTS if name.endswith(d)), None)
    return name[:-len(dept)] if dept and name[:-len(dept)].endswith(DEPARTMENT_OWNERS) else None


def _governs(body, implied_stem: str) -> bool:
    """Is `body` the government an implied title names (某州人民政府 for 州长 -> 州政府)?"""
    stem = getattr(body, "attrs", {}).get("stem") if hasattr(body, "attrs") else None
    return stem in ("政府", "人民政府") and implied_stem.endswith("政府")


def is_official(chain) -> bool:
    """Does a title chain make its holder an Official (not a company's Person)?"""
    for body, title in chain:
        if title in L.BUSINESS_TITLE_SET or (body is not None and body.type == "Enterprise"):
            return False
    return any(body is not None and body.type in AGENTS or title in L.IMPLIED_BODY
               or title in L.PARTY_TITLE_SET or title in L.GOV_TITLE_SET for body, title in chain)


def implied_body(ctx, sent: Sentence, title: str, title_start: int):
    """市长 -> 某市政府: the area named just before in the same clause, else the home area of that
    level, else the area of that level named earlier in the sentence (某县委书记甲，常务副县长乙 in a
    city's paper: that county's government)."""
    stem = L.IMPLIED_BODY[title]
    level = stem[0]
    named = _area_named_before(sent, title_start, level, clause_start(sent.text, title_start))
    if named is not None:
        return ImpliedEntity("Organization", named + stem[1:])
    home = ctx.home_name(level)
    if home:
        return ImpliedEntity("Organization", home + stem[1:], alias=stem)
    named = _area_named_before(sent, title_start, level, 0)
    return ImpliedEntity("Organization", named + stem[1:]) if named is not None else None


def _area_named_before(sent: Sentence, end: int, level: str, start: int) -> str | None:
    """The area of `level` (县, 市…) the last mention in text[start:end] names (an area, or a body's)."""
    for m in reversed(sent.mentions):
        if m.end > end or m.start < start:
            continue
        area = m.area_name or (m.name if m.type == "AdministrativeArea" else None)
        if area and area.endswith(level):
            written = m.label if m.type == "AdministrativeArea" else m.attrs.get("prefix") if not m.attrs.get("relative") else None
            return written or area
    return None


def _office_body(ctx, art: Article, sent: Sentence, person: Mention, body, title: str):
    """The body that holds `title` in the chain of `person`, or None."""
    if title in L.IMPLIED_BODY and body is not None and body.type == "AdministrativeArea":
        return ImpliedEntity("Organization", body.label + L.IMPLIED_BODY[title][1:])   # 某区副区长
    relative = body is not None and body.type == "Organization" and _relative(body)
    level = L.IMPLIED_BODY[title][0] if body is None and title in L.IMPLIED_BODY else \
        body.attrs.get("prefix") if relative else None
    visiting = _visiting_area(ctx, sent, person, level) if level and level == ctx.home_level else None
    if visiting is not None:       # 某市市委书记甲，市委副书记、市长乙率某市考察团: 乙 is of that city too
        stem = body.attrs.get("stem", "") if relative else L.IMPLIED_BODY[title][1:]
        return ImpliedEntity("Organization", visiting + stem)
    if body is None and title in L.IMPLIED_BODY:
        return implied_body(ctx, sent, title, person.attrs["title_start"])
    if body is None and title in HOME_PARTY_TITLES and person.attrs.get("after"):
        home = ctx.home_name(ctx.home_level)        # 某某书记 in a city text: the 市委's (guideline)
        return ImpliedEntity("Organization", home + "委", alias=ctx.home_level + "委") if home else None
    if body is None and (title in L.BUSINESS_TITLE_SET or PARTY_GROUP_TITLE.match(title)):
        word = COMPANY_WORD_BEFORE.search(sent.text[:person.attrs["title_start"]])
        if word is None:
            return None
        here = [e for e in sent.mentions if e.type == "Enterprise" and e.end <= person.attrs["title_start"]]
        # 集团公司党委书记、董事长某某 on a group's own site: the group the article names, before or after
        group = ctx.before.group if word[1] == GROUP_WORD else None
        if title not in L.BUSINESS_TITLE_SET:
            return here[0] if here else group    # 公司党委书记: a company's party committee (_party_group)
        return here[0] if here else group or ctx.before.enterprise   # 公司董事长某某
    if body is None and title == MEMBER and PARTY_COMMITTEE + MEMBER in _chain_text(sent.text, person):
        firm = _office_body(ctx, art, sent, person, None, PARTY_COMMITTEE + title)
        return _party_group(firm, PARTY_COMMITTEE + MEMBER)[0]        # 集团党委委员: 某集团党委
    if body is None and title == MEMBER:
        return ctx.before.cppcc          # 委员某某就…作了发言 in a report of a CPPCC's session
    if body is not None and body.type in ("Organization", "Enterprise"):
        return body
    return None


def _chain_text(text: str, person: Mention) -> str:
    """The clause before `person`'s name: its chain of titles (集团党委委员、副总经理)."""
    return text[clause_start(text, person.start):person.start]


def _visiting_area(ctx, sent: Sentence, person: Mention, level: str) -> str | None:
    """The area of the home's `level` (another city in a city's paper) named in the chain of the person
    listed right before `person` (only titles between them), which `person`'s bare 市委/市长 refer to."""
    start = person.attrs["title_start"]
    before = [m for m in sent.mentions if m.rule == "person.title" and m.end <= start and not m.attrs.get("after")]
    between = sent.text[before[-1].end:start] if before else ""
    if not between or between[0] not in LIST_COMMAS or any(c in between[1:] for c in "，。；"):
        return None           # 甲，市委副书记、市长乙: only the chain of titles between them
    home = ctx.home_name(level)
    for body, _title in title_chain(sent, before[-1]):
        area = getattr(body, "area_name", None) if body is not None and not _relative(body) else None
        if area and area.endswith(level) and area != home:
            return area
    return None


def _relative(body) -> bool:
    return bool(getattr(body, "attrs", {}).get("relative"))


@register(ROSTER)
def roster(ctx, art: Article, sent: Sentence) -> list:
    """组长：王某 市长 / 成员：李某 … in a notice that sets up a leading group: a role in the group."""
    group = ctx.after.task_group or ctx.before.task_group
    if group is None or ctx.after.roster_role is None:
        return []
    return [ROSTER.fact(m, group, sent, title=m.attrs.get("group_role") or ctx.after.roster_role)
            for m in sent.mentions if m.type in ("Official", "Person")
            and (m.attrs.get("group_role") or m.attrs.get("after") and m.start == 0)]


def _party_group(obj, title: str):
    """党组成员 of 某局: 成员 of 某局党组 (the guideline's reading), 党委书记 of 某集团: 书记 of 某集团党委;
    other titles as they are."""
    m = PARTY_GROUP_TITLE.match(title)
    if m is None or obj is None or obj.type not in BODY_TYPES or PARTY_GROUP.search(obj.label):
        return obj, title
    owner = obj.text if isinstance(obj, Mention) and obj.type == "Enterprise" else obj.label
    return ImpliedEntity("Organization", owner + m[1]), title[len(m[1]):]   # 某某党委 as the page writes the firm


def _change(person: Mention) -> str | None:
    """What the sentence does to the office: an appointment or election starts it, 免去/辞去 ends it."""
    return OFFICE_START if person.attrs.get("appointed") else OFFICE_END if person.attrs.get("resigned") else None


@register(POSITION)
def holds_position(ctx, art: Article, sent: Sentence) -> list:
    facts = []
    for m in sent.mentions:
        if m.rule != "person.title":
            continue
        for body, title in title_chain(sent, m):
            obj, held = _party_group(_office_body(ctx, art, sent, m, body, title), title)
            if obj is not None:
                facts.append(POSITION.fact(m, obj, sent, title=held, change=_change(m)))
    return facts
