"""Named documents and initiatives: 《policies》 and campaigns (quoted, or named …行动/…活动)."""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN
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
UNQUOTED_HEAD_RE = re.compile(f"(?:{L.alternation(L.UNQUOTED_CAMPAIGN_HEADS)})")
LABEL_START = re.compile(r"(?:重点|相关|有关|一般|普通)")     # “重点突破项目”: a label, not a name
MAX_CAMPAIGN_WALK = 16
MIN_CAMPAIGN_CORE = 4


def policies(scan) -> list[Mention]:
    """《…意见》, 《…方案》: a title in book marks that ends with a policy head."""
    out = []
    for m in POLICY_RE.finditer(scan.text):
        inner = m[1].strip()
        if POLICY_HEAD_RE.search(inner):
            out.append(Mention(m.start(), m.end(), inner, "Policy", "policy.quoted", name=inner,
                               attrs={"short": inner in L.POLICY_HEADS}))
    return out


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
    for m in UNQUOTED_HEAD_RE.finditer(text):
        begin = left_edge(scan.tokens, scan.starts, m.start(), MAX_CAMPAIGN_WALK, set())
        name = text[begin:m.end()]
        if len(name) - len(m[0]) >= MIN_CAMPAIGN_CORE and proper(name[: len(name) - len(m[0])], name, scan.gaz):
            out.append(Mention(begin, m.end(), name, "Campaign", "campaign.named", name=name,
                               attrs={"weak": not CAMPAIGN_MARKER.search(name)}))
    return out
