"""What an article has established by a sentence: its acting official, its company, its policies.

Sentences lean on those before them: 随后，他来到… (the official of an earlier
sentence), 公司董事长某某 (the company named before), 方案明确… (the policy
named before). :func:`advance` computes the article's :class:`State` after a
sentence from the state before it; rules read both and write neither.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import lexicon as L
from kg.extract.dates import has_own_date
from kg.extract.patterns import GROUP_BODY, GROUP_WORD, OWNER_WORDS
from kg.extract.relate.visits import visit_subjects
from kg.model import Article, Mention, Sentence

# a company written as a modifier of another: 甲集团旗下的乙公司, 甲公司投资30亿元的乙公司
MODIFIER_AFTER = re.compile(rf"(?:{OWNER_WORDS}|的全资|的控股|的|投资[^，。；]{{0,12}}的)")
MODIFIER_WINDOW = 16
OWN_DOCUMENT_RULES = ("policy.title", "policy.unquoted")   # named by the article itself, not cited
CPPCC, CONGRESS = "政协", "人大"          # the members of both are 委员


@dataclass(frozen=True)
class State:
    lead: Mention | None = None         # the official the article's actions are attributed to
    enterprise: Mention | None = None   # the company the last sentence naming one is about
    group: Mention | None = None        # the last group (集团) named; before any, the first the article names
    cppcc: Mention | None = None        # the CPPCC the article names, if it names one and no congress
    policy: Mention | None = None       # the last policy named
    document: Mention | None = None     # the article's own document: its title line's or one it makes
    task_group: Mention | None = None   # the last leading group or headquarters named (领导小组, 指挥部)
    roster_role: str | None = None      # the role of the roster being listed (组长, 成员), line by line
    dated: str | None = None            # the last body sentence with a date of its own (当天 refers to it)
    # the (visit verb, subjects) pairs of the sentence this state was advanced over (`visited_in`),
    # read by the visit rule too
    visits: tuple = field(default=(), compare=False, repr=False)
    visited_in: Sentence | None = field(default=None, compare=False, repr=False)


def title_document(art: Article) -> Mention | None:
    """The document an article's title line names (某县人民政府关于…的通告): its own from the start."""
    return next((m for s in art.headline_sentences for m in s.mentions if m.rule == "policy.title"), None)


def article_state(art: Article) -> State:
    """The state an article starts from: what it names anywhere and is its own from the start
    (its title's document; the group 集团公司 stands for; the CPPCC whose 委员 speak)."""
    ments = [m for s in art.all_sentences for m in s.mentions]
    group = next((m for m in ments if m.type == "Enterprise" and m.text.endswith(GROUP_WORD)), None)
    bodies = [m for m in ments if m.type == "Organization"]
    cppccs = [m for m in bodies if m.label.endswith(CPPCC)]
    cppcc = cppccs[0] if cppccs and not any(CONGRESS in m.label for m in bodies) else None
    return State(document=title_document(art), group=group, cppcc=cppcc)


def advance(before: State, sent: Sentence) -> State:
    """The article's state after `sent`."""
    ments = sent.mentions
    changed: dict = {}
    ents = [e for e in ments if e.type == "Enterprise"
            and not MODIFIER_AFTER.match(sent.text[e.end:e.end + MODIFIER_WINDOW])]
    if ents:
        changed["enterprise"] = ents[0]   # the company the sentence is about, not its parent
    groups = [e for e in ments if e.type == "Enterprise" and GROUP_WORD in e.text]
    if groups:
        changed["group"] = groups[0]
    policies = [m for m in ments if m.type == "Policy"]
    if policies:
        changed["policy"] = policies[-1]
    own = [m for m in policies if m.rule in OWN_DOCUMENT_RULES]
    if own and before.document is None:
        changed["document"] = own[0]
    visits = tuple(visit_subjects(before.lead, sent))
    acting = [s for _verb, subjects in visits for s in subjects]
    if acting:
        changed["lead"] = acting[-1]
    bodies = [m for m in ments if m.type == "Organization" and GROUP_BODY.search(m.label)]
    if bodies:
        changed["task_group"] = bodies[-1]
    if has_own_date(sent.text):
        changed["dated"] = sent.text
    # State(**fields) as dataclasses.replace would call it, without its walk over the fields
    return State(**{**before.__dict__, "visits": visits, "visited_in": sent,
                    "roster_role": _roster_role(before, sent), **changed})


def _roster_role(before: State, sent: Sentence) -> str | None:
    """组长：某某… starts a roster role; the list lines after it keep it; anything else ends it."""
    people = [m for m in sent.mentions if m.type in ("Official", "Person")]
    roles = [m.attrs["group_role"] for m in people if m.attrs.get("group_role")]
    if roles:
        return roles[-1]
    if people and people[0].start == 0 and people[0].attrs.get("after"):
        return before.roster_role
    return None
