"""What an article has established by a sentence: its acting official, its company, its policy.

Sentences lean on those before them: 随后，他来到… (the official of an earlier
sentence), 公司董事长某某 (the company named before), 方案明确… (the policy
named before). :func:`advance` computes the article's :class:`State` after a
sentence from the state before it; rules read both and write neither.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.patterns import OWNER_WORDS
from kg.extract.relate.visits import visit_subjects
from kg.model import Mention, Sentence

# a company written as a modifier of another: 甲集团旗下的乙公司, 甲公司投资30亿元的乙公司
MODIFIER_AFTER = re.compile(rf"(?:{OWNER_WORDS}|的全资|的控股|的|投资[^，。；]{{0,12}}的)")
MODIFIER_WINDOW = 16


@dataclass(frozen=True)
class State:
    lead: Mention | None = None         # the official the article's actions are attributed to
    enterprise: Mention | None = None   # the company the last sentence naming one is about
    group: Mention | None = None        # the last group (集团) named
    policy: Mention | None = None       # the last policy named


def advance(before: State, sent: Sentence) -> State:
    """The article's state after `sent`."""
    after = before
    ments = sent.mentions
    ents = [e for e in ments if e.type == "Enterprise"
            and not MODIFIER_AFTER.match(sent.text[e.end:e.end + MODIFIER_WINDOW])]
    if ents:
        after = replace(after, enterprise=ents[0])   # the company the sentence is about, not its parent
    groups = [e for e in ments if e.type == "Enterprise" and "集团" in e.text]
    if groups:
        after = replace(after, group=groups[0])
    policies = [m for m in ments if m.type == "Policy"]
    if policies:
        after = replace(after, policy=policies[-1])
    acting = [s for _verb, subjects in visit_subjects(before.lead, sent) for s in subjects]
    if acting:
        after = replace(after, lead=acting[-1])
    return after
