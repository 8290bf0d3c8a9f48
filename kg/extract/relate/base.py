"""What relation rules share: the :class:`Rule` labels, the registry, the context, list reading.

A rule module declares its rules as data, ``VISIT = Rule("visit.verb",
"visited", 0.85)``, and registers the function that applies them::

    @register(VISIT)
    def visited(ctx, art, sent) -> list[Fact]: ...

The function reads the sentence's mentions and returns facts made with
``VISIT.fact(subject, object, sent, ...)``. Rules do not talk to each other:
what a rule may know beyond its sentence is in ``ctx.before`` and
``ctx.after``, the article's :class:`~kg.extract.relate.discourse.State`
before and after the sentence, computed by the driver. So the order of the
registry changes nothing but which of two equal facts is kept (the first).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extract.dates import OPENING_DATE
from kg.extract.patterns import HAN, HOME_LEVELS, LIST_GAP, LOCATING, OWNED_LINK
from kg.extract.recognise.listed import ITEM_STOP, VERB_RE
from kg.model import Fact, Mention, Sentence
from kg.vocab import PREDICATES


@dataclass(frozen=True)
class Rule:
    """One way of reading a relation off a sentence: its name in the records, its predicate, its confidence."""
    name: str
    predicate: str
    confidence: float

    def __post_init__(self):
        if self.predicate not in PREDICATES:
            raise ValueError(f"rule {self.name}: unknown predicate {self.predicate!r}")

    def fact(self, subject, obj, sentence: Sentence, **kw) -> Fact:
        return Fact(subject, self.predicate, obj, sentence, self.name, self.confidence, **kw)


@dataclass(frozen=True)
class Registered:
    function: Callable
    rules: tuple[Rule, ...]


REGISTRY: list[Registered] = []


def register(*rules: Rule):
    """Decorator: add a rule function (which emits facts of `rules`) to the registry."""
    def wrap(fn):
        REGISTRY.append(Registered(fn, rules))
        return fn
    return wrap


@dataclass(frozen=True)
class Context:
    """What a rule may consult besides its sentence."""
    home: object          # the page's Resolver: home_name('市') -> 某市
    home_area_name: str | None
    before: object        # discourse.State of the article before this sentence
    after: object         # ... and after it
    # what two rules of one module both read off the sentence, computed once: key -> (sentence, value)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def once(self, fn: Callable, sent: Sentence):
        """``fn(sent)``, computed once for the sentence however many rules ask."""
        held = self.memo.get(fn)
        if held is None or held[0] is not sent:
            held = self.memo[fn] = (sent, fn(sent))
        return held[1]

    def home_name(self, prefix: str | None) -> str | None:
        return self.home.home_name(prefix) if prefix else None

    @property
    def home_level(self) -> str | None:
        """The bare prefix of the home's own level: 市 for a city, 县 for a county."""
        home = self.home.gaz.home
        return home.name[-1] if home is not None and home.name[-1] in HOME_LEVELS else None


LIST_LEAD = re.compile(r"^[、和及与]|^了")                        # 、甲 / 了甲: what opens a later item
INSIDE_GAP = re.compile(rf"^了?[{HAN}]{{0,4}}[内里中]的$")        # 走访了园区内的某公司
# 某工程现场和某园; 甲县|乙养殖场建设项目、丙公司: the rest of items we could not name, then the list goes on
ITEM_CHARS = rf"{HAN}\d·“”（）()"               # what the name of an item no finder named is written in
TAIL_GAP = re.compile(rf"^(?:[{ITEM_CHARS}]{{1,24}}(?:[、和及]|以及)){{1,3}}$")
CLAUSE_WORDS = re.compile(f"{ITEM_STOP.pattern}|{VERB_RE.pattern}")   # 、随后来到: a clause, not an item
# 察看了某某纪念馆和某园: a first item we could not name, then a named one
FIRST_ITEM_GAP = re.compile(rf"^了?[{ITEM_CHARS}]{{2,14}}(?:馆|园|站|区|港|寺|院|场|所|村|镇|街道|中心|公司|基地|景区|项目|工程)[、和及]$")
LOCATED_LEAD = LOCATING      # …和位于甲区的乙园: a list goes on at 乙园
# what may open a sentence before its frame (在某地，…): a date and part of the day, a connective
FRAME_OPENING = rf"^(?:{OPENING_DATE})?(?:随后|之后|接着|其间)?[，,]?"


def list_after(sent: Sentence, pos: int, types) -> list[Mention]:
    """Mentions listed right after `pos`: X、Y和Z; 了 may come first; 位于A的B gives B,
    A旗下的B gives B."""
    out, first = [], True
    text = sent.text
    ments = [m for m in sent.mentions if m.start >= pos]
    i = 0
    while i < len(ments):
        m = ments[i]
        gap, located = _list_gap(text[pos:m.start].strip(), first)
        if not LIST_GAP.match(gap):
            break
        nxt = ments[i + 1] if i + 1 < len(ments) else None
        link = text[m.end:nxt.start] if nxt is not None else ""
        if nxt is not None and ((located or text[pos:m.start].strip() == "位于") and link == "的"
                                or OWNED_LINK.fullmatch(link)
                                or m.type == "AdministrativeArea" and link == "的" and nxt.type in ("Place", "Enterprise")):
            i += 1          # the thing after 的 / 旗下 is the place visited
            m = nxt
        if m.type not in types:
            break
        out.append(m)
        pos, first = m.end, False
        i += 1
    return out


def _list_gap(gap: str, first: bool) -> tuple[str, bool]:
    """The gap before a list item with what may stand there removed; and whether 位于 led it."""
    if first and INSIDE_GAP.match(gap):
        gap = ""       # 走访了园区内的某公司
    lead = LIST_LEAD.sub("", gap) if not first else gap.lstrip("了")
    located = lead in LOCATED_LEAD
    if located:
        gap = ""       # …和位于甲区的乙园: the list goes on at 乙园
    if first and gap in ("了", "位于"):
        gap = ""
    elif not first and (TAIL_GAP.match(gap) or TAIL_GAP.match(lead)) and not CLAUSE_WORDS.search(gap):
        gap = ""       # 某机场改扩建工程现场和某园, 甲、乙项目和丙: the list goes on after a tail or an item
    elif first and FIRST_ITEM_GAP.match(gap):
        gap = ""
    return gap, located
