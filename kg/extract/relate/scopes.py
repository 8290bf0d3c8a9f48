"""appliesTo as documents write their scope: a scope clause, the areas a cited document
defines, the areas a decision names, the areas of a title.

- ``policy.scope_label``: 第二条 禁放区域：甲镇、乙乡… — the areas of a clause that opens
  with a scope label belong to the article's own document;
- ``policy.scope_defined``: 《某规定》划定的禁放区甲镇、乙镇 — the cited document's scope;
- ``policy.scope_decision``: 命名甲县、乙县为…, 撤销甲乡、乙乡, 调整甲乡的…, 对甲县…进行调整;
- ``policy.title_scope``: 关于调整甲县某某的决定, 关于甲县乙乡撤乡设镇的批复 — the areas
  right after 关于 (or after a verb of :data:`~kg.extract.lexicon.SCOPE_VERBS`).

The article's own document is the one its title line names or its text makes
(特制定…, rules ``policy.title`` / ``policy.unquoted``), not one it cites in 《》
as its basis. A scope given only by a number (全县19个乡镇) names no area, so
gives nothing.

>>> bool(SCOPE_LABEL_RE.match("第二条禁放区域：")), bool(SCOPE_LABEL_RE.match("（一）实施范围:"))
(True, True)
>>> bool(DEFINED_GAP.match("划定的禁放区")), bool(DEFINED_GAP.match("印发后，"))
(True, False)
>>> bool(TITLE_VERB_RE.match("调整")), bool(TITLE_VERB_RE.match("印发"))
(True, False)
"""
from __future__ import annotations

import re

from kg.extract import lexicon as L
from kg.extract.patterns import HAN, LIST_GAP
from kg.extract.recognise.automaton import HOME_WORDS
from kg.extract.relate.base import Rule, register
from kg.extract.relate.places import area_runs
from kg.model import Article, Mention, Sentence

SCOPE_LABEL = Rule("policy.scope_label", "appliesTo", 0.7)        # 禁放区域：甲镇、乙乡
SCOPE_DEFINED = Rule("policy.scope_defined", "appliesTo", 0.7)    # 《某规定》划定的甲镇、乙镇
SCOPE_DECISION = Rule("policy.scope_decision", "appliesTo", 0.7)  # 命名甲县、乙县为…
SCOPE_TITLE = Rule("policy.title_scope", "appliesTo", 0.65)       # 关于调整甲县某某的决定

CLAUSE_NUMBER = r"(?:第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?"
SCOPE_LABEL_RE = re.compile(rf"^{CLAUSE_NUMBER}[{HAN}]{{0,6}}?(?:{L.alternation(L.SCOPE_LABEL_HEADS)})[：:]")
# between a cited document and the areas it defines: 》划定的禁放区, 确定的试点
DEFINED_GAP = re.compile(rf"^[^，。；：]{{0,6}}?(?:划定|确定|明确|规定|公布|命名|认定|列入|列出)的[{HAN}]{{0,6}}$")
DEFINED_WINDOW = 16
# a decision's scope: (what ends the text before the list, what starts the text after it)
DECISIONS = (
    (re.compile(r"(?:命名|认定|确定|评定|列为)$"), re.compile(r"^(?:县城|城区)?为")),     # 命名甲县、乙县为…
    (re.compile(r"(?:适用于|范围为|范围是|范围包括)$"), re.compile(r"")),               # 本办法适用于甲区、乙区
    (re.compile(r"将$"), re.compile(r"^(?:命名|认定|确定|评定|列)为")),                 # 将甲县命名为…
    (re.compile(r"(?:撤销|设立)$"), re.compile(r"^(?:[，,、。；]|的|等|$)")),          # 撤销甲乡、乙乡，设立…
    (re.compile(r"调整$"), re.compile(r"^的")),                                       # 调整甲乡、乙镇的禁养区
    (re.compile(r"(?:^|[，,。；])对$"), re.compile(r"^[^，。；]{0,20}进行[^，。；]{0,4}调整")),   # 对甲县…进行调整
)
DECISION_BEFORE = 4
SCOPE_GAP = re.compile(r"^(?:县城|城区)?(?:[、和及与，,]|以及)?$")
TITLE_ABOUT = "关于"
BODY_AFTER = re.compile(rf"第[一二三四五六七八九十百零〇\d]+届|(?:{L.alternation(L.BODY_STEMS)})")
TITLE_VERB_RE = re.compile(rf"^(?:进一步)?(?:{L.alternation(L.SCOPE_VERBS)})?$")


def own_document(ctx) -> Mention | None:
    """The article's own document so far: a title line or a document it makes, not one it cites."""
    return ctx.before.document


def _areas(run: list[Mention]) -> list[Mention]:
    return [a for a in run if a.text not in HOME_WORDS]


@register(SCOPE_LABEL)
def scope_clause(ctx, art: Article, sent: Sentence) -> list:
    """第二条 禁放区域：在甲镇、乙乡…: every area of a scope clause is the own document's scope."""
    label = SCOPE_LABEL_RE.match(sent.text)
    doc = own_document(ctx) if label else None
    if doc is None:
        return []
    return [SCOPE_LABEL.fact(doc, a, sent) for a in _areas([m for m in sent.mentions if m.type == "AdministrativeArea"])
            if a.start >= label.end()]


@register(SCOPE_DEFINED)
def scope_defined(ctx, art: Article, sent: Sentence) -> list:
    """《某规定》划定的禁放区甲镇、乙镇: the areas a cited document defines."""
    facts, text = [], sent.text
    policies = [m for m in sent.mentions if m.type == "Policy"]
    for run in area_runs(sent):
        pol = next((p for p in reversed(policies) if p.end <= run[0].start), None)
        if pol is not None and run[0].start - pol.end <= DEFINED_WINDOW \
                and DEFINED_GAP.match(text[pol.end:run[0].start]):
            facts += [SCOPE_DEFINED.fact(pol, a, sent) for a in _areas(run)]
    return facts


def scope_runs(sent: Sentence) -> list[list[Mention]]:
    """Areas listed one after another, a county's seat counted as the county (甲县县城、乙县县城)."""
    return area_runs(sent, SCOPE_GAP)


@register(SCOPE_DECISION)
def scope_decision(ctx, art: Article, sent: Sentence) -> list:
    """命名甲县、乙县为…, 撤销甲乡、乙乡, 调整甲乡的…, 对甲县…进行调整, 适用于甲区、乙区: the areas
    a decision names belong to the document named before them in the sentence, else to the
    article's own."""
    facts, text = [], sent.text
    for run in scope_runs(sent):
        before = text[max(0, run[0].start - DECISION_BEFORE):run[0].start]
        after = text[run[-1].end:]
        if not any(b.search(before) and a.match(after) for b, a in DECISIONS):
            continue
        earlier = [m for m in sent.mentions if m.type == "Policy" and m.end <= run[0].start]
        doc = earlier[-1] if earlier else own_document(ctx)
        if doc is not None:
            facts += [SCOPE_DECISION.fact(doc, a, sent) for a in _areas(run)]
    return facts


@register(SCOPE_TITLE)
def scope_in_title(ctx, art: Article, sent: Sentence) -> list:
    """关于调整甲县某某的决定, 关于甲县乙乡和丙乡撤乡设镇的批复: the areas right after 关于."""
    facts = []
    for pol in (m for m in sent.mentions if m.type == "Policy"):
        facts += [SCOPE_TITLE.fact(pol, a, sent) for a in title_scope(sent, pol)]
    return facts


def title_scope(sent: Sentence, pol: Mention) -> list[Mention]:
    """The areas a title names right after 关于 (and a verb of its scope), one after another;
    not an area inside a body's name (关于成立甲市某某领导小组)."""
    about = sent.text.find(TITLE_ABOUT, pol.start, pol.end)
    if about < 0:
        return []
    inner = sorted(pol.attrs.get("inner", []), key=lambda m: m.start)
    bodies = [m for m in inner if m.type in ("Organization", "Enterprise")]
    areas = [m for m in inner if m.type == "AdministrativeArea" and m.text not in HOME_WORDS
             and not any(b.start <= m.start and m.end <= b.end for b in bodies)]
    pos, out = about + len(TITLE_ABOUT), []
    for a in areas:
        if a.start < pos:
            continue
        gap = sent.text[pos:a.start]
        if not (TITLE_VERB_RE.match(gap) if not out else LIST_GAP.match(gap)):
            break
        if BODY_AFTER.match(sent.text, a.end):
            break              # 关于甲县第十届人民代表大会…: the area of a body's name
        if out and gap == "":
            out.pop()          # 甲县乙乡: the county only qualifies the township
        out.append(a)
        pos = a.end
    return out
