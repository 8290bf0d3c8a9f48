"""Named documents and initiatives: 《policies》 and campaigns (quoted, or named …行动/…活动)."""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import ABOUT_TITLE, CLAUSE_PUNCT, HAN
from kg.extract.recognise.edges import left_edge
from kg.extract.recognise.suffixes import proper
from kg.model import Mention

POLICY_RE = re.compile(r"《([^《》\n]{2,80})》")
POLICY_HEAD_RE = re.compile(rf"(?:{L.alternation(L.POLICY_HEADS)})(?:[（(][^（）()]{{2,20}}[)）])?$")
QUOTED_RE = re.compile(r"[“‘「]([^“”‘’「」\n]{2,20})[”’」]")
CAMPAIGN_HEAD_RE = re.compile(rf"(?:{L.alternation(L.CAMPAIGN_HEADS)})$")
# a quoted name followed by its head: “某某”工程, “某某”品牌
AFTER_QUOTE_HEAD_RE = re.compile(
    rf"^[{HAN}]{{0,6}}?(?:{L.alternation(L.UNQUOTED_CAMPAIGN_HEADS + ('工程', '模式', '品牌', '计划', '项目'))})")
CAMPAIGN_MARKER = re.compile(r"专项|攻坚|三年|百日|提升年|行动年|大会战|大排查|大整治")
QUOTE_TAIL_HEAD_RE = re.compile(r"专项整治|专项行动|攻坚行动|三年行动|百日行动|行动|活动|工程")
UNQUOTED_CAMPAIGN_RE = re.compile(f"(?:{L.alternation(L.UNQUOTED_CAMPAIGN_HEADS)})")
LABEL_START = re.compile(r"(?:重点|相关|有关|一般|普通)")     # “重点突破项目”: a label, not a name
MAX_CAMPAIGN_WALK = 16
MIN_CAMPAIGN_CORE = 4
# a whole sentence that is a document's title: (an issuer,) 关于 …的 + a policy head, no clause punctuation
TITLE_LINE = re.compile(rf"(?P<issuer>[^{CLAUSE_PUNCT}]{{2,30}}?)?{ABOUT_TITLE}")
YEAR_LEAD = re.compile(r"\d{4}年(?!\d{1,2}月)")     # 发布2021年某某工作通告: a year that opens a title
YEARS = re.compile(r"[（(]\d{4}[—–\-－~～至]\d{4}年?[)）]")
UNQUOTED_ISSUE_RE = re.compile(r"(?:印发(?:了)?|出台(?:了)?|发布(?:了)?|特制定|制定(?:了)?|(?:审议|表决)通过(?:了)?)")
MIN_UNQUOTED, MAX_UNQUOTED = 6, 60
# an unquoted name after an issue verb ends in a head of a rule or plan, not of a report or a list
UNQUOTED_POLICY_RE = re.compile(rf"(?:{L.alternation(set(L.POLICY_HEADS) - set(L.REPORT_HEADS))})"
                                r"(?:[（(][^（）()]{2,20}[)）])?$")


def policies(scan) -> list[Mention]:
    """《…意见》, 《…方案》: a title in book marks that ends with a policy head."""
    out = []
    for m in POLICY_RE.finditer(scan.text):
        inner = m[1].strip()
        if POLICY_HEAD_RE.search(inner):
            out.append(Mention(m.start(), m.end(), inner, "Policy", "policy.quoted", name=inner,
                               attrs={"short": inner in L.POLICY_HEADS}))
    return out


def titled_documents(scan) -> list[Mention]:
    """A document named without book marks: a title line (某某办公厅关于…的通知) or what an issue
    verb issues (印发某某三年行动计划（2023—2025年）, 特制定某县某某补充规定)."""
    text, out = scan.text.rstrip("。"), []
    m = TITLE_LINE.fullmatch(text)
    if m and POLICY_HEAD_RE.search(text) and (not m["issuer"] or _named_at(scan, 0, len(m["issuer"]))):
        return [Mention(0, len(text), text, "Policy", "policy.title", name=text)]
    for v in UNQUOTED_ISSUE_RE.finditer(scan.text):
        end = next((i for i in range(v.end(), len(scan.text)) if scan.text[i] in "，。；：,;"), len(scan.text))
        name = scan.text[v.end():end]
        if not (MIN_UNQUOTED <= len(name) <= MAX_UNQUOTED and UNQUOTED_POLICY_RE.search(name)) or "、" in name:
            continue
        if "关于" in name or YEARS.search(name) or YEAR_LEAD.match(name) or _named_at(scan, v.end(), None):
            out.append(Mention(v.end(), end, name, "Policy", "policy.unquoted", name=name))
    return out


def _named_at(scan, start: int, end: int | None) -> bool:
    """Does an area or a body name start at `start` (and end at `end`, when given)?"""
    return any(m.start == start and (end is None or m.end == end) and m.type in ("Organization", "AdministrativeArea")
               for m in scan.found)


def campaigns(scan) -> list[Mention]:
    """“某某”专项整治, “某某行动”, 某某百日攻坚行动."""
    text = scan.text
    out = []
    for m in QUOTED_RE.finditer(text):
        inner = m[1]
        if "、" in inner or "，" in inner or "+" in inner:
            continue
        head = CAMPAIGN_HEAD_RE.search(inner)
        if head and LABEL_START.match(inner):
            continue
        tail = QUOTE_TAIL_HEAD_RE.match(text, m.end())
        if tail:        # “某某”专项整治: the head belongs to the name
            out.append(Mention(m.start(), tail.end(), inner + tail[0], "Campaign", "campaign.quoted",
                               name=inner + tail[0], attrs={"alias": inner}))
        elif head or AFTER_QUOTE_HEAD_RE.match(text[m.end():m.end() + 8]):
            out.append(Mention(m.start(), m.end(), inner, "Campaign", "campaign.quoted", name=inner))
    for m in UNQUOTED_CAMPAIGN_RE.finditer(text):
        begin = left_edge(scan.tokens, scan.starts, m.start(), MAX_CAMPAIGN_WALK, set())
        name = text[begin:m.end()]
        if len(name) - len(m[0]) >= MIN_CAMPAIGN_CORE and proper(name[: len(name) - len(m[0])], name, scan.gaz):
            out.append(Mention(begin, m.end(), name, "Campaign", "campaign.named", name=name,
                               attrs={"weak": not CAMPAIGN_MARKER.search(name)}))
    return out


def title_issuer(policy: Mention) -> Mention | None:
    """The longest body a document's title starts with: 某县人民政府森林防火指挥部, not 某县人民政府.

    >>> p = Mention(0, 12, "某县政府办公室关于某某的通知", "Policy", "policy.title")
    >>> p.attrs["inner"] = [Mention(0, 4, "某县政府", "Organization", "body"),
    ...                     Mention(0, 7, "某县政府办公室", "Organization", "body")]
    >>> title_issuer(p).text
    '某县政府办公室'
    """
    bodies = [m for m in policy.attrs.get("inner", []) if m.type == "Organization" and m.start == policy.start]
    return max(bodies, key=lambda m: m.end, default=None)
