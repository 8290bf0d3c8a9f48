"""People, as reports and notices name them.

- after a title: 市政协主席王某某, and every name of a list after it
  (副主任李某、王某、张某);
- before a title, in list layouts and inline: 王某 副市长, 王某 市政府副秘书长、
  市发改委主任, 王某书记 (a title used by a name before it is not used again
  by a name after it);
- after or before a label that is no office: 县领导李某、王某; 李某、王某等区领导;
- appointed or elected: 任命某某为…局长, 选举某某为区长, 某某当选为区长;
- with an honorific: 李女士.

Whether a titled person is an Official or a Person is decided later from the
whole title chain (:mod:`kg.extract.resolve.people`); labelled ones are
Officials.
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, HAN_CHAR, HAN_WORD, TITLE_RE, clause_start
from kg.extract.recognise.names import FOLLOWERS, SURNAME_INITIALS, not_a_name, person_name, surname_len
from kg.extract.recognise.tokens import tags
from kg.model import Mention

APPOINT_RE = re.compile(r"(?:决定任命|提请任命|任命|提名|推选|补选|选举)")
ELECTED_RE = re.compile(r"(?:当选为|当选|被选举为|被任命为|同志担任|同志任(?!职))")   # 某某同志任某县县长: appointed
ELECTED = "当选"                 # in every match of ELECTED_LIST_RE (a test before the costly scan)
ELECTED_LIST_RE = re.compile(rf"(?:等)?(?:\d+|[一二三四五六七八九十]+)名?人?{ELECTED}为?")
RESIGN_RE = re.compile(r"(?:接受|同意|决定免去|免去|批准)")
RESIGN_VERB = re.compile(r"(?:同志)?(?:辞去|的)")
# 甲、乙、丙3名同志为: a counted list of the people appointed or elected to one office
COUNTED_FOR = re.compile(r"(?:(?:\d+|[一二三四五六七八九十两]+)名(?:同志)?)?为")
# 为某省第十三届人民代表大会代表: deputies, officials by the guideline though 代表 is no title
DEPUTIES = re.compile(r"[^，。；、]{0,16}?(?:人民代表大会|人大)代表")
MAX_COUNTED_LIST = 60            # characters a counted list of names may run over
NO_LONGER = "不再担任"           # 甲、乙不再担任某职务: the office ends
NO_LONGER_RE = re.compile(NO_LONGER)
OFFICE_WORD = "职务"              # 辞去某县县长职务
RESIGNED_JOINER = "、"            # 甲辞去…职务、乙辞去…职务: one request for each
HONORIFICS = ("女士", "先生")
HONORIFIC_RE = re.compile(rf"(?<![{HAN}])([{HAN}])({'|'.join(HONORIFICS)})")
LABEL_RE = re.compile(rf"(?:{L.alternation(L.PERSON_LABELS)})")
LIST_ITEM_END = re.compile(r"[、，。；]|等|出席|参加|列席|陪同")
ATTENDING_RE = re.compile(r"(?:列席|出席)(?:会议|活动)?(?=[；;。，,]|$)")
LABEL_AFTER_LIST = re.compile(rf"等(?:{L.alternation(L.PERSON_LABELS)})")
GROUP_ROLE_RE = re.compile(rf"(?:{L.alternation(L.GROUP_ROLES)})[：:]")
TAKES_ROLE_RE = re.compile(rf"任({L.alternation(L.GROUP_ROLES)})(?=[，,。；;、]|$)")   # 甲任组长: a role in the group
GROUP_ROLE_AT_END = re.compile(rf"(?:^|[^{HAN}])({L.alternation(L.GROUP_ROLES)})[：:]$")
APPOINTED_TITLE_WINDOW = 30     # characters after the appointed name in which the title is looked for
NAME_START_AFTER = "：:、，,；;。（(“"   # a name written before its title starts after one of these
NAME_START = re.compile(f"[{re.escape(NAME_START_AFTER)}]")
CHAIN_JOINERS = "、兼"
NAME_TAGS = {None, "nr", "nrfg", "nrt"}    # jieba tags of a word that may be a name
BODY_END = re.compile(r"[部局委办厅会院所站队处科室团组社区县市省镇乡村]$|中心$")   # 宣传部, 高新区: no names
SAME_NAME = "同志"                         # 王某同志为…: the name and its form of address
BY = "由"
NAMES_INTRO = re.compile(r"是[：:]")          # 大会的执行主席是：甲、乙、丙
COMRADE_RE = re.compile(rf"(?<=[{HAN}]){SAME_NAME}")
MAX_EVERY_SPAN = 12                        # characters between 各 and the title of every body it names
EVERY_BEFORE = re.compile(rf"各[{HAN}]{{1,{MAX_EVERY_SPAN}}}$")
BY_WHOM = re.compile("(?:同志)?(?:兼任|担任|负责)")


def people(scan) -> list[Mention]:
    scan.names = {s.start: s.end for s in scan.tagged if s.label == "PER"}
    claimed: set[int] = set()
    out = names_before_titles(scan, claimed)
    taken = {m.start for m in out}
    out += names_after_titles(scan, claimed)
    out += labelled(scan, taken)
    out += appointed(scan)
    named = {m.start for m in out}
    out += [m for m in _comrades(scan) if m.start not in named]     # 某某同志 not named by a finder before
    for m in HONORIFIC_RE.finditer(scan.text) if any(h in scan.text for h in HONORIFICS) else ():
        if m[1] in L.SURNAMES:
            out.append(Mention(m.start(), m.end(), m[0], "Person", "person.honorific", name=m[0]))
    return out


def _titled(start: int, name: str, title: re.Match, **extra) -> Mention:
    return Mention(start, start + len(name), name, "Person", "person.title", name=name,
                   attrs={"title": title[0], "title_start": title.start(), **extra})


def _starts_other(scan, pos: int) -> bool:
    """Does a title, a body or an area start at `pos` (so no name does)?"""
    return bool(TITLE_RE.match(scan.text, pos)) or any(
        m.start == pos and m.type in ("Organization", "AdministrativeArea", "Enterprise") for m in scan.found)


def _area_led_name(scan, pos: int) -> bool:
    """、武某飚出席: a name of a list that starts with an area's name (a city 武某) and ends the item."""
    if TITLE_RE.match(scan.text, pos) or any(m.start == pos and m.type != "AdministrativeArea" for m in scan.found):
        return False
    name = person_name(scan.text, pos, scan.doc_text, scan.spaces, scan.names)
    return bool(name) and len(name) == 3 and bool(LIST_ITEM_END.match(scan.text, pos + 3))


def _list_after(scan, pos: int) -> list[tuple[int, str]]:
    """(start, name) of the names listed from `pos` on: 、李某、王某."""
    out = []
    while scan.text.startswith("、", pos) and (not _starts_other(scan, pos + 1) or _area_led_name(scan, pos + 1)):
        name = person_name(scan.text, pos + 1, scan.doc_text, scan.spaces, scan.names)
        if not name or BODY_END.search(name) or TITLE_RE.match(scan.text, pos + 1 + len(name)):
            break         # 、经合局局长: a body and a title of its own, no name of the list
        out.append((pos + 1, name))
        pos += 1 + len(name)
    return out


def names_after_titles(scan, claimed: set[int]) -> list[Mention]:
    out = []
    for m in TITLE_RE.finditer(scan.text):
        if m.start() in claimed or _starts_other(scan, m.end()) or _of_every(scan, m.start()):
            continue
        intro = NAMES_INTRO.match(scan.text, m.end())
        pos = m.end() + (1 if scan.text.startswith(BY, m.end()) else len(intro[0]) if intro else 0)   # 主任由王某兼任
        name = person_name(scan.text, pos, scan.doc_text, scan.spaces, scan.names)
        if not name or any(f.start < pos + len(name) < f.end for f in scan.found):
            continue      # 负责人|来|某某镇: a name does not end inside a place the sentence names
        listed = _list_after(scan, pos + len(name))
        end = listed[-1][0] + len(listed[-1][1]) if listed else pos + len(name)
        if pos > m.end() and not intro and not BY_WHOM.match(scan.text, end):
            continue      # 主席由甲、乙、丙担任: 由 needs 担任 after the names
        out.append(_titled(pos, name, m))
        out += [_titled(start, other, m, listed=True) for start, other in listed]
    return out


def _of_every(scan, pos: int) -> bool:
    """Is the title at `pos` every body's (各专门委员会组成人员, 各乡镇党委书记), so that no name follows it?"""
    m = EVERY_BEFORE.search(scan.text, max(0, pos - MAX_EVERY_SPAN - 1), pos)
    return m is not None and m.start() in scan.bounds


def _chain_after(scan, pos: int) -> list[re.Match]:
    """The titles of the chain written from `pos` on: 市政府副秘书长、市发改委主任 -> [副秘书长, 主任]."""
    text, titles = scan.text, []
    while True:
        body = next((m for m in scan.found if m.start == pos and m.type in ("Organization", "Enterprise",
                                                                             "AdministrativeArea")), None)
        t = TITLE_RE.match(text, body.end if body else pos)
        if t is None or text.startswith("会", t.end()):
            return titles          # 委员|会: a committee's name, no title
        titles.append(t)
        pos = t.end()
        if not (text[pos:pos + 1] and text[pos] in CHAIN_JOINERS):
            return titles
        pos += 1


class TitleAfter:
    """Is there a title after a position? Asked of rising positions, it searches the text once or so."""

    def __init__(self, text: str):
        self.text, self.found = text, None

    def after(self, pos: int) -> bool:
        """Does a title start after `pos` (as ``TITLE_RE.search(text, pos + 1)`` would find one)?"""
        if self.found is not False and (self.found is None or self.found.start() <= pos):
            self.found = TITLE_RE.search(self.text, pos + 1) or False     # False: none after, nor later
        return self.found is not False


def names_before_titles(scan, claimed: set[int]) -> list[Mention]:
    """王某 副市长 (a list layout: a space of the source after the name) or ，王某书记 (inline)."""
    text, out = scan.text, []
    starts = [0, *(m.end() for m in NAME_START.finditer(text)), *scan.spaces]
    later = TitleAfter(text)
    n = len(text)
    for b in sorted({b for b in starts if b < n and text[b] in SURNAME_INITIALS}):
        if not surname_len(text, b) or not later.after(b) or _starts_other(scan, b):
            continue      # no surname, no title after it (so no chain of titles), or a title or body starts here
        name = person_name(text, b, scan.doc_text, scan.spaces, scan.names)
        if not name:
            continue
        e = b + len(name)
        e += len(SAME_NAME) if text.startswith(SAME_NAME, e) else 0
        laid_out = e in scan.spaces
        titles = _chain_after(scan, e)
        if not titles and laid_out:      # a list line whose bodies we do not all know: its last title
            titles = list(TITLE_RE.finditer(text, e))[-1:]
        if not titles or BODY_END.search(name) or any(m.start < e and b < m.end for m in scan.found):
            continue
        if not laid_out and not _acts_after_title(text, e) \
                and (tags().get(name) not in NAME_TAGS or not TITLE_RE.match(text, e)):
            continue
        claimed.update(t.start() for t in titles)
        role = GROUP_ROLE_AT_END.search(text, 0, b)
        extra = {"group_role": role[1]} if role else {}
        out.append(_titled(b, name, titles[-1], after=True, chain_start=e, **extra))
    return out


def _acts_after_title(text: str, pos: int) -> bool:
    """A title at `pos` and a verb of acting right after it: 王某|区长|主持."""
    title = TITLE_RE.match(text, pos)
    return title is not None and text.startswith(L.ACTING_VERBS, title.end())


def _official(start: int, name: str, rule: str = "person.label", **attrs) -> Mention:
    return Mention(start, start + len(name), name, "Official", rule, name=name, attrs=attrs)


def _names_before(text: str, end: int) -> list[tuple[int, str]]:
    """(start, name) of the 、-separated names of the clause that ends at `end`: 李某、王某|等区领导
    (甲、乙同志|不再担任: without their form of address)."""
    end -= len(SAME_NAME) if text.endswith(SAME_NAME, 0, end) else 0
    items = _name_items(text, clause_start(text, end), end, lead_in=True)
    return items if _surnamed(items) else []


def _surnamed(items: list[tuple[int, str]]) -> bool:
    """Do the names of a list carry surnames: all, or most of them (names without a common surname,
    阿某拉, 释某某, only among a list of surnamed names)?"""
    surnamed = sum(bool(surname_len(name, 0)) for _, name in items)
    return surnamed == len(items) or surnamed >= 2 and surnamed * 2 > len(items)


def _name_items(text: str, start: int, end: int, lead_in: bool = False) -> list[tuple[int, str]]:
    """(start, name) of each 、-separated piece of text[start:end], or [] if one is not shaped as a name;
    `lead_in`: the first piece may be words before the list (出席会议的有|李某、王某)."""
    items, pos = [], start
    for piece in text[start:end].split("、"):
        if 2 <= len(piece) <= 4 and HAN_WORD.fullmatch(piece) and not not_a_name(piece, 0, listed=True):
            items.append((pos, piece))
        elif items or pos != start or not lead_in:
            return []          # a list of names, or nothing
        pos += len(piece) + 1
    return items


def labelled(scan, taken: set[int] = frozenset()) -> list[Mention]:
    """县领导李某、王某 / 李某、王某等区领导 / 组长：李某: officials named without an office."""
    text, out = scan.text, []
    for m in LABEL_RE.finditer(text):
        name = person_name(text, m.end(), scan.doc_text, scan.spaces, scan.names)
        if name and not _starts_other(scan, m.end()) and _ends_name(text, m.end() + len(name), scan.spaces):
            out.append(_official(m.end(), name))
            out += [_official(s, n) for s, n in _list_after(scan, m.end() + len(name))]
    for m in LABEL_AFTER_LIST.finditer(text):
        out += [_official(s, n) for s, n in _names_before(text, m.start())]
    for m in ATTENDING_RE.finditer(text):       # 甲某、乙某、丙某列席: a clause of names that attend
        listed = _names_before(text, m.start())
        if len(listed) >= 2 and listed[0][0] == clause_start(text, m.start()):
            out += [_official(s, n) for s, n in listed]
    for m in GROUP_ROLE_RE.finditer(text):
        name = person_name(text, m.end(), scan.doc_text, scan.spaces, scan.names)
        if name and m.end() not in taken:
            out.append(_official(m.end(), name, "person.role", group_role=m[0][:-1]))
    for m in TAKES_ROLE_RE.finditer(text):      # 成立某某领导小组，甲任组长，乙任副组长
        out += [_official(s, n, "person.role", group_role=m[1]) for s, n in _names_before(text, m.start())]
    return out


def _comrades(scan) -> list[Mention]:
    """接受某某同志辞去…, 学习了某某同志的讲话: a name before 同志 (its form of address) is an official's."""
    text, out = scan.text, []
    for m in COMRADE_RE.finditer(text):
        for size in (3, 2):
            pos = m.start() - size
            if pos < 0 or not (pos in scan.bounds or not HAN_CHAR.match(text, pos - 1)):
                continue
            name = text[pos:m.start()]
            if tags().get(name) in NAME_TAGS and person_name(text, pos, scan.doc_text, scan.spaces, scan.names) == name:
                out.append(_official(pos, name))    # not 全体|同志, 广大|同志: words of the dictionary
                break
    return out


def _ends_name(text: str, end: int, spaces: frozenset[int]) -> bool:
    """Does a name after a label end at `end`: a mark, a space, the end, or a word that follows names
    (区级领导|包联重点企业: a verb after the label, no name)?"""
    return end == len(text) or end in spaces or not HAN_CHAR.match(text, end) or bool(LIST_ITEM_END.match(text, end)) \
        or text.startswith(FOLLOWERS, end)


def appointed(scan) -> list[Mention]:
    """任命某某(同志)为甲局局长, 选举某某为区长, 某某当选为区长: the title chain sits after the name."""
    text, out = scan.text, []
    for m in APPOINT_RE.finditer(text):
        pos = m.end()
        while True:     # 选举甲为某区区长、乙为某区监察委员会主任
            name = person_name(text, pos, scan.doc_text, scan.spaces, scan.names)
            if name and name.endswith("为") and len(name) == 3:
                name = name[:2]       # 补选某某|为: the name ends before 为
            elif name and len(name) == 2 and text.startswith("为", pos + 3) and HAN_CHAR.match(text, pos + 2) \
                    and not text.startswith("为", pos + 2):
                name = text[pos:pos + 3]   # 选举某某某|为: the name runs up to 为
            if not name:
                break
            end = pos + len(name)
            if text.startswith("、", end):      # 补选甲、乙、丙3名同志为某省人大代表
                out += _counted_list(scan, pos)
                break
            end += len(SAME_NAME) if text.startswith(SAME_NAME, end) else 0
            title = _last_title(text, end + 1, scan.found) if text.startswith("为", end) else None
            if title is None and text.startswith("为", end) and DEPUTIES.match(text, end + 1):
                out.append(_official(pos, name))      # 补选某某为某省人大代表
            if title is None or "，" in text[pos:title.start()]:
                break
            out.append(_titled(pos, name, title, appointed=True))
            if not (title.end() < len(text) and text[title.end()] in "、，,"):
                break
            pos = title.end() + 1
    out += _resigned(scan)
    for m in ELECTED_LIST_RE.finditer(text) if ELECTED in text else ():   # 甲、乙、丙4人当选某区人大常委会委员
        title = _last_title(text, m.end(), scan.found)
        if title:
            out += [_titled(s, n, title, appointed=True) for s, n in _names_before(text, m.start())]
    for m in ELECTED_RE.finditer(text):
        title = _last_title(text, m.end(), scan.found)
        listed = _names_before(text, m.start()) if title else []
        if len(listed) >= 2 and not ELECTED_LIST_RE.match(text, m.start()):   # 甲、乙、丙当选为某县政协副主席
            out += [_titled(s, n, title, appointed=True) for s, n in listed]
            continue
        b = next((b for b in (m.start() - 3, m.start() - 2, m.start() - 4) if b >= 0 and surname_len(text, b)
                  and (b == 0 or not HAN_CHAR.match(text[b - 1])) and HAN_WORD.fullmatch(text[b:m.start()])),
                 None)
        if b is not None and title:
            out.append(_titled(b, text[b:m.start()], title, appointed=True))
    return out


def _counted_list(scan, pos: int) -> list[Mention]:
    """The names from `pos` of 甲、乙、丙3名同志为某职务 (after 补选, 任命…), each with the office after 为;
    deputies (为某省人大代表) are officials without one."""
    text = scan.text
    count = COUNTED_FOR.search(text, pos, pos + MAX_COUNTED_LIST)
    if count is None:
        return []
    items = _name_items(text, pos, count.start())
    if not _surnamed(items):
        return []
    title = _last_title(text, count.end(), scan.found)
    if title is not None:
        return [_titled(s, n, title, appointed=True) for s, n in items]
    return [_official(s, n) for s, n in items] if DEPUTIES.match(text, count.end()) else []


def _resigned(scan) -> list[Mention]:
    """接受某某辞去某县人民政府县长职务、某某辞去…职务的请求: the offices held until then, each name of the list."""
    text, out = scan.text, []
    for m in RESIGN_RE.finditer(text):
        pos = m.end()
        while True:
            name = person_name(text, pos, scan.doc_text, scan.spaces, scan.names)
            verb = RESIGN_VERB.match(text, pos + len(name)) if name else None
            title = _last_title(text, verb.end(), scan.found) if verb else None
            if title is None:
                break
            out.append(_titled(pos, name, title, resigned=True))
            after = title.end() + (len(OFFICE_WORD) if text.startswith(OFFICE_WORD, title.end()) else 0)
            if not text.startswith(RESIGNED_JOINER, after):
                break
            pos = after + len(RESIGNED_JOINER)     # the next name of the list, with its own 辞去
    for m in NO_LONGER_RE.finditer(text) if NO_LONGER in text else ():   # 甲、乙不再担任某区副区长职务
        title = _last_title(text, m.end(), scan.found)
        if title is not None:
            out += [_titled(s, n, title, resigned=True) for s, n in _names_before(text, m.start())]
    return out


def _last_title(text: str, pos: int, found=()) -> re.Match | None:
    """The last title of the chain that starts at `pos` (before a comma): 为甲区区长、乙局局长 -> 局长;
    not over the next appointment (为甲区区长、乙为…)."""
    last = None
    for t in TITLE_RE.finditer(text, pos, pos + APPOINTED_TITLE_WINDOW):
        if any(b.start <= t.start() and t.end() <= b.end and b.type == "Organization" for b in found):
            continue          # 常委 inside 人大常委会
        between = text[last.end() if last else pos:t.start()]
        if "，" in between or "。" in between or last is not None and "为" in between:
            break
        last = t
        if not (t.end() < len(text) and text[t.end()] in CHAIN_JOINERS):
            break
    return last
