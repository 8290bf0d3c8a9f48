"""Stage 4, recognise: find entity mentions in sentences.

Four kinds of evidence, all compiled once per home city:

1. an Aho-Corasick automaton over gazetteer names (areas with codes,
   countries, organisations and places jieba's dictionary knows);
2. regexes for names typed by their last word (…有限公司, …公园, …派出所),
   whose left edge is found by walking back over jieba tokens until a
   preposition, verb, particle or punctuation;
3. bodies of an area (市 + 人大常委会, 某区 + 消防救援大队), policies in 《》,
   campaigns in quotes or named …活动/…行动;
4. people: a name after a title chain (市政协主席王某某), honorifics (李女士),
   and names already known in the document.

Overlaps are settled longest-first; areas inside a longer name are kept in
``mention.attrs["inner"]`` for name-derived facts (locatedIn).
"""
from __future__ import annotations

import functools
import re

import ahocorasick

from kg import lexicon as L
from kg.gazetteer import Gazetteer, countries, jieba_tagged
from kg.model import Mention, Sentence
from kg.name_edges import cut_to_anchor, extend_to_toponym, left_edge, trim_function_char
from kg.names import person_name
from kg.tokens import cut, tags, token_starts

CJK = "\u4e00-\u9fff"
TYPE_PRIORITY = {"Official": 0, "Person": 1, "Journalist": 1, "Policy": 2, "AdministrativeArea": 3,
                 "Enterprise": 4, "Organization": 5, "Place": 6, "Campaign": 7}
GENERIC_MODIFIERS = set("城乡 农村 城市 基层 重点 老旧 各类 相关 周边 全国 全省 全市 国内 国际 现代 "
                        "智慧 美丽 和谐 文明 示范 特色 新型 传统 居民 住宅 高层 工业 产业 商业 物业 "
                        "企业 中小 集群 数字 科技 服务 管理 我们 本地 外地 地方 相关 市场 社会 生态 "
                        "绿色 省级 市级 县级 国家级 龙头 民营 国有 党群 村级 镇级 专业 综合 公共 "
                        "各级 区域 试点 老旧 新建 大型 小型 中型 新型 现有 已有 原有".split())

POLICY_RE = re.compile(r"《([^《》\n]{2,80})》")
POLICY_HEAD_RE = re.compile(rf"(?:{L.alternation(L.POLICY_HEADS)})(?:[（(][^（）()]{{2,20}}[)）])?$")
QUOTED_RE = re.compile(r"[“‘「]([^“”‘’「」\n]{2,20})[”’」]")
CAMPAIGN_HEAD_RE = re.compile(rf"(?:{L.alternation(L.CAMPAIGN_HEADS)})$")
AFTER_QUOTE_HEAD_RE = re.compile(rf"^[{CJK}]{{0,6}}?(?:{L.alternation(L.UNQUOTED_CAMPAIGN_HEADS + ['工程', '模式', '品牌', '计划', '项目'])})")
CAMPAIGN_MARKER = re.compile(r"专项|攻坚|三年|百日|提升年|行动年|大会战|大排查|大整治")
QUOTE_TAIL_HEAD_RE = re.compile(r"专项整治|专项行动|攻坚行动|三年行动|百日行动|行动|活动|工程")
APPOINT_RE = re.compile(r"(?:决定任命|任命|提名|推选|选举)")
HONORIFIC_RE = re.compile(rf"(?<![{CJK}])([{CJK}])(女士|先生)")
TITLE_RE = re.compile(rf"(?:{L.alternation(L.TITLES)})")
VILLAGE_BODY_RE = re.compile(rf"(?P<v>[{CJK}]{{1,3}}村)(?P<stem>党支部|党总支|村委会|村民委员会|党委)")
BODY_RE = re.compile(rf"(?P<pre>自治区|自治州|[省市区县镇乡州旗]|村(?!委[^会]))(?P<stem>{L.PARTY_WORK_COMMITTEE}|{L.alternation(L.BODY_STEMS)})")
NOT_ORG_ENDINGS = re.compile(r"(格局|布局|大局|全局|结局|开局|新局|棋局|骗局|会议|晚会|大会|机会|社会|宴会|集会)$")
FUNCTION_CHARS = re.compile(r"[是的了在和与及一二三四五六七八九十]")
PROPER_TAGS = {"ns", "nr", "nz", "nt", "nrt", "nrfg", None}
PROPER_ENDINGS = re.compile(r"[路街巷村庄里园苑湾城府居屯堡寨营桥门山河湖坊]$")


def _suffix_regex(words):
    return re.compile(rf"(?:{L.alternation(words)})")


VILLAGE_RE = re.compile(rf"[{CJK}]{{1,3}}村(?![委民])")
WEAK_SUFFIXES = {"Organization": re.compile(r".*(社区|中心|大队|中队|支队|会|办事处|指挥部|学院|学校|委员会|院所)"),
                 "Place": re.compile(r".*(基地|港口|港区|园区|服务区|产业园|工业园|示范园|新城|小镇|街区|车站|湿地|园|寺|绿道|大街|站)"),
                 "Enterprise": re.compile(r"公司|总公司|分公司|厂|工厂|合作社|专业合作社|集团")}
BODY_STEM_SET = set(L.BODY_STEMS)
SHORT_ZONES = {"新区", "管理区", "实验区", "合作区", "投资区", "高新区", "经开区", "保税区"}
TOWN_RE = re.compile(rf"[{CJK}]{{1,3}}?(?:乡|镇|街道)(?![{CJK}]{{0,2}}(?:党委|政府|人大))")
NAMED_PLACES = {"公园", "广场", "湿地公园", "森林公园", "遗址公园"}   # 中山公园: common words name parks
PLACE_TAIL = re.compile(rf"(?:{L.alternation(L.PLACE_SUFFIXES)})$")
SUFFIXES = [("AdministrativeArea", re.compile(rf"自由贸易试验区[{CJK}]{{2,4}}片区|(?:{L.alternation(L.ZONE_SUFFIXES)})")),
            ("Enterprise", _suffix_regex(L.ENTERPRISE_SUFFIXES)),
            ("Place", _suffix_regex(L.PLACE_SUFFIXES)),
            ("Organization", _suffix_regex(L.ORG_SUFFIXES))]


@functools.lru_cache(maxsize=16)
def automaton(city: str | None):
    """Aho-Corasick automaton: surface form -> (type, canonical name, code)."""
    gaz = Gazetteer.for_city(city)
    A = ahocorasick.Automaton()
    for word, tag in jieba_tagged().items():
        if tag == "nt":
            etype = "Enterprise" if re.search(r"(公司|集团|银行)$", word) else "Organization"
            if word in BODY_STEM_SET:
                continue  # 人大常委会 alone: whose? the body rule decides
            if len(word) <= 3 and word.endswith("会"):
                continue  # 协商会, 座谈会: meetings, not bodies
            if all(t in L.INDUSTRY_WORDS for t in cut(re.sub(r"(公司|集团|银行)$", "", word)) if t):
                continue  # 化工集团: a kind of company, not one
            if re.search(r"(院|社|部|委|局|会|厅|署|办|所|中心|大学|学院|公司|集团|银行|法院|总局|委员会|办公厅|台)$", word) \
                    and not NOT_ORG_ENDINGS.search(word):
                A.add_word(word, (etype, word, None, len(word)))
        elif not gaz.lookup(word):
            m = PLACE_TAIL.search(word)
            core = word[:m.start()] if m else ""
            if m and (jieba_tagged().get(core) == "ns" or gaz.lookup(core)):
                A.add_word(word, ("Place", word, None, len(word)))  # 某港 with a place name core
    for name in L.NATIONAL_BODIES:
        A.add_word(name, ("Organization", name, None, len(name)))
    for name in countries():
        A.add_word(name, ("AdministrativeArea", name, None, len(name)))
    for form, area in gaz.forms.items():
        # a full name with its admin suffix is safe anywhere; short forms need word edges
        full = form.endswith(area.name) and len(form) >= 3
        A.add_word(form, ("AdministrativeArea", area.name, area.code, -len(form) if full else len(form)))
    if gaz.home is not None:
        for form in ("我市", "本市"):
            A.add_word(form, ("AdministrativeArea", gaz.home.name, gaz.home.code, len(form)))
    A.make_automaton()
    return A


class Recogniser:
    """Finds mentions in the sentences of one page (one home city)."""

    def __init__(self, city: str | None):
        self.city = city
        self.gaz = Gazetteer.for_city(city)
        self.auto = automaton(city)

    def sentence(self, sent: Sentence, doc_text: str, known: dict[str, str]) -> list[Mention]:
        text = sent.text
        tokens = sent.tokens = cut(text)
        starts = token_starts(tokens)
        bounds = set(starts) | {len(text)}
        found: list[Mention] = []
        for end, (etype, name, code, length) in self.auto.iter(text):
            strict = length > 0
            start = end + 1 - abs(length)
            if not strict or (start in bounds and end + 1 in bounds):
                found.append(Mention(start, end + 1, text[start:end + 1], etype, "gazetteer",
                                     name=name, attrs={"code": code} if code else {}))
        areas = [m for m in found if m.type == "AdministrativeArea" and m.text not in ("我市", "本市")]
        found.extend(self._suffix_hits(text, tokens, starts, areas))
        found.extend(self._villages(text, areas))
        found.extend(self._bodies(text, found, bounds))
        found.extend(self._village_bodies(text, bounds))
        found.extend(self._policies(text))
        found.extend(self._campaigns(text, tokens, starts))
        found.extend(self._people(text, doc_text, known, found))
        return settle(found)

    def _suffix_hits(self, text, tokens, starts, areas):
        bounds = set(starts) | {len(text)}
        area_ends = {m.end for m in areas if (m.attrs.get("code") or "x")[4:6] not in ("", "00")}
        county_ends = {m.end for m in areas if m.text.endswith(("区", "县")) and m.text == m.name}
        area_starts = frozenset(m.start for m in areas if m.text not in ("我市", "本市"))
        out = []
        for etype, rx in SUFFIXES:
            for m in rx.finditer(text):
                if m.end() not in bounds and etype != "AdministrativeArea":
                    continue  # 厂 in 厂房, 园 in 园区: the suffix must end a word
                if any(a.start < m.end() < a.end for a in areas):
                    continue  # 某区学院|街道: the suffix is part of an area's name
                company = etype == "Enterprise"
                begin = left_edge(tokens, starts, m.start(), 30, area_ends, company=company, area_starts=area_starts)
                begin = trim_function_char(text, begin, m.start())
                core = text[begin:m.start()]
                if etype == "Enterprise" and core and self._only_industry(core):
                    # 某某澄明燃气有限公司: the walk stopped at a verb-tagged brand
                    begin = left_edge(tokens, starts, m.start(), 30, area_ends, lenient=True, company=True,
                                      area_starts=area_starts)
                begin = cut_to_anchor(text, begin, m.end(), areas, company)
                begin = extend_to_toponym(text, begin, areas)
                if etype == "AdministrativeArea" and (m.start() in county_ends or "、" in text[begin:m.start()]
                                                      or "·" in text[begin:m.start()]):
                    continue  # 某区某县高新区: a list of areas, not a zone's name
                name = text[begin:m.end()]
                core = name[: len(name) - len(m[0])]
                if re.search(r"(?:控股|全资|参股|下属|旗下)(?:子公司|分公司)$|(?:公司|集团)的?(?:子公司|分公司)$", name):
                    continue  # 某集团控股子公司: a description, not a name
                if not self._proper(core, name):
                    continue
                if etype in WEAK_SUFFIXES and WEAK_SUFFIXES[etype].fullmatch(m[0]) and m[0] not in NAMED_PLACES \
                        and not self._has_proper_token(core):
                    continue  # 稻米加工厂, 实训基地: a kind of thing, not a named one
                if etype == "AdministrativeArea" and core and m[0] in SHORT_ZONES and not self.gaz.lookup(name) \
                        and not self._has_proper_token(core):
                    continue
                if etype == "Place":
                    m_attrs = {"generic_rest": not self._has_proper_token(core)}
                if etype == "AdministrativeArea":
                    area = self.gaz.lookup(name)
                    out.append(Mention(begin, m.end(), name, etype, "suffix.zone",
                                       name=area.name if area else name,
                                       attrs={"code": area.code} if area and area.code else {}))
                else:
                    out.append(Mention(begin, m.end(), name, etype, f"suffix.{etype.lower()}",
                                       attrs=m_attrs if etype == "Place" else {}))
        return out

    def _villages(self, text, areas):
        """某县某某乡, 某镇某某村: a township or village named right after the area it is in."""
        out = []
        for a in areas:
            rx = VILLAGE_RE if a.text.endswith(("镇", "乡", "街道")) else \
                TOWN_RE if a.text.endswith(("县", "区")) and a.text == a.name else None
            m = rx.match(text, a.end) if rx else None
            if m and any(b.start == a.end for b in areas):
                continue      # the gazetteer already names what follows (某某街道)
            if m and not self.gaz.lookup(m[0]):
                out.append(Mention(a.end, m.end(), m[0], "AdministrativeArea", "suffix.village", name=m[0]))
        return out

    def _only_industry(self, core: str) -> bool:
        return all(t in L.INDUSTRY_WORDS or t in GENERIC_MODIFIERS for t in cut(core))

    def _proper(self, core: str, name: str) -> bool:
        """A name part that makes a proper name, not 该公司 or 城乡社区."""
        if len(core) < 2 or not re.search(f"[{CJK}A-Za-z]", core):
            return False
        if L.GENERIC_PREFIXES.match(core) and not self.gaz.lookup(core[:3]) and not self.gaz.lookup(core[:2]):
            return False
        if core in GENERIC_MODIFIERS or name in L.GENERIC_SUFFIX_WORDS:
            return False
        toks = cut(core)
        return not all(t in GENERIC_MODIFIERS for t in toks)

    def _has_proper_token(self, core: str) -> bool:
        """Some token of `core` looks like a proper name (place, person, unknown word)."""
        for tok in cut(core):
            if len(tok) < 2 or FUNCTION_CHARS.search(tok):
                continue
            tag = tags().get(tok)
            if tag is None and (tags().get(tok[0]) in ("v", "p", "d", "c", "u", "ad")
                                or tags().get(tok[0]) == "n" and tags().get(tok[-1]) in ("v", "vn")):
                continue  # 做实, 实训: an unknown word built like a verb phrase is no name
            if tag in PROPER_TAGS or self.gaz.lookup(tok) or PROPER_ENDINGS.search(tok):
                return True
        return False

    def _village_bodies(self, text, bounds):
        """某某村党支部, 某某村村委会: a village's own bodies."""
        out = []
        for m in VILLAGE_BODY_RE.finditer(text):
            if m.start() in bounds or m.start() == 0:
                out.append(Mention(m.start(), m.end(), m[0], "Organization", "body",
                                   attrs={"prefix": m["v"], "stem": m["stem"], "relative": False,
                                          "area_name": m["v"]}))
        return out

    def _bodies(self, text, found, bounds):
        """市人大常委会, 某区消防救援大队: an area (or 市/区/县) plus a body stem."""
        area_by_end = {m.end: m for m in found if m.type == "AdministrativeArea"}
        out = []
        for m in BODY_RE.finditer(text):
            area = area_by_end.get(m.end("pre"))
            if area is not None:
                start, prefix = area.start, area.text
            elif m.start() not in bounds and not (m.start() - 1 in bounds and text[m.start() - 1] in "从在由经将把与和到对给向"):
                # 某某市委 with an area we do not know: 市 must start a word
                continue
            else:
                start, prefix = m.start(), m["pre"]
            party = next((p for p in L.DEMOCRATIC_PARTIES if text.endswith(p, 0, start)), None)
            if party and area is not None:
                start -= len(party)   # 九三学社某市委 is that party's committee, not the CPC's
            area_name = area.name if area is not None else None
            if area is None and m["pre"] in "区县镇乡":
                # 某区委、区政府: the second body is the same district's
                area_name = next((o.attrs["area_name"] for o in reversed(out) if o.attrs.get("area_name")
                                  and o.attrs["area_name"].endswith(m["pre"])), None)
            out.append(Mention(start, m.end(), text[start:m.end()], "Organization", "body",
                               attrs={"prefix": prefix, "stem": m["stem"], "relative": area is None,
                                      "area_name": area_name}))
        return out

    def _policies(self, text):
        out = []
        for m in POLICY_RE.finditer(text):
            inner = m[1].strip()
            if POLICY_HEAD_RE.search(inner):
                out.append(Mention(m.start(), m.end(), inner, "Policy", "policy.quoted", name=inner,
                                   attrs={"short": inner in L.POLICY_HEADS}))
        return out

    def _campaigns(self, text, tokens, starts):
        out = []
        for m in QUOTED_RE.finditer(text):
            inner = m[1]
            if "、" in inner or "，" in inner or "+" in inner:
                continue
            head = CAMPAIGN_HEAD_RE.search(inner)
            if head and re.match(r"(?:重点|相关|有关|一般|普通)", inner):
                continue   # “重点突破项目”: a label, not a named campaign
            tail = QUOTE_TAIL_HEAD_RE.match(text, m.end())
            if tail:        # “某某”专项整治: the head belongs to the name
                out.append(Mention(m.start(), tail.end(), inner + tail[0], "Campaign", "campaign.quoted",
                                   name=inner + tail[0], attrs={"alias": inner}))
            elif head or AFTER_QUOTE_HEAD_RE.match(text[m.end():m.end() + 8]):
                out.append(Mention(m.start(), m.end(), inner, "Campaign", "campaign.quoted", name=inner))
        for m in re.finditer(f"(?:{L.alternation(L.UNQUOTED_CAMPAIGN_HEADS)})", text):
            begin = left_edge(tokens, starts, m.start(), 16, set())
            name = text[begin:m.end()]
            if len(name) - len(m[0]) >= 4 and self._proper(name[: len(name) - len(m[0])], name):
                out.append(Mention(begin, m.end(), name, "Campaign", "campaign.named", name=name,
                                   attrs={"weak": not CAMPAIGN_MARKER.search(name)}))
        return out

    def _people(self, text, doc_text, known, found):
        out = []
        for m in TITLE_RE.finditer(text):
            name = person_name(text, m.end(), doc_text, known)
            if name:
                out.append(Mention(m.end(), m.end() + len(name), name, "Person", "person.title",
                                   name=name, attrs={"title": m[0], "title_start": m.start()}))
        for m in APPOINT_RE.finditer(text):
            name = person_name(text, m.end(), doc_text, known)
            if not name or not text.startswith("为", m.end() + len(name)):
                continue
            title = TITLE_RE.search(text, m.end() + len(name) + 1, m.end() + len(name) + 30)
            if title and "，" not in text[m.end():title.start()]:
                # 任命某某为甲局局长: the title chain sits after the name
                out.append(Mention(m.end(), m.end() + len(name), name, "Person", "person.title", name=name,
                                   attrs={"title": title[0], "title_start": title.start(), "appointed": True}))
        for m in HONORIFIC_RE.finditer(text):
            if m[1] in L.SURNAMES:
                out.append(Mention(m.start(), m.end(), m[0], "Person", "person.honorific", name=m[0]))
        for name, etype in known.items():
            for m in re.finditer(re.escape(name), text):
                out.append(Mention(m.start(), m.end(), name, etype, "person.known", name=name))
        return out


def settle(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; record areas nested inside.

    >>> a = Mention(0, 3, "甲乙区", "AdministrativeArea", "g")
    >>> b = Mention(0, 7, "甲乙区消防大队", "Organization", "b")
    >>> [m.text for m in settle([a, b])], settle([a, b])[0].attrs["inner"][0].text
    (['甲乙区消防大队'], '甲乙区')
    """
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), TYPE_PRIORITY.get(m.type, 9),
                                              m.rule != "gazetteer", m.start))
    kept: list[Mention] = []
    taken = bytearray(max((m.end for m in mentions), default=0))
    for m in ordered:
        if any(taken[m.start:m.end]):
            host = next((k for k in kept if k.start <= m.start and m.end <= k.end), None)
            if host is not None and m.type in ("AdministrativeArea", "Enterprise", "Organization"):
                host.attrs.setdefault("inner", []).append(m)
            continue
        kept.append(m)
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return sorted(kept, key=lambda m: m.start)
