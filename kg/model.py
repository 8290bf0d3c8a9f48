"""The data model every stage works on, in the spirit of spaCy's Doc.

A :class:`Page` is one source file as decoded text. Cleaning turns it into
:class:`Article` objects whose :class:`Sentence` texts are free of PDF
artefacts; an :class:`OffsetMap` keeps every character of a cleaned text tied
to its offset in ``Page.text``. Recognition adds :class:`Mention` objects to
sentences, resolution groups mentions into :class:`Entity` objects and
relation rules emit :class:`Fact` objects that name mentions or an
:class:`ImpliedEntity` (a body only a title implies); once mentions are
resolved, facts become :class:`Triple` objects. A :class:`Doc` holds one
page on its way through the pipeline.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field


def short_hash(*parts: object, n: int = 12) -> str:
    """Stable short hex digest of the parts joined by '|'.

    >>> short_hash("Person", "张三", None)
    '4988b019fb91'
    """
    text = "|".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def triple_id(subject_id: str, predicate: str, object_id: str, article: str, span) -> str:
    """A triple's id (docs/format.md): its ends, predicate, article and source span."""
    return "t-" + short_hash(subject_id, predicate, object_id, article, span[0], span[1])


class OffsetMap:
    """Maps offsets of a cleaned text back to offsets of the source text.

    Stored as runs ``(clean_start, source_start)``: inside a run both advance
    together, so a text cut into a few pieces costs a few entries, not one
    integer per character.

    >>> m = OffsetMap(); m.add(0, 10); m.add(3, 20)
    >>> m.source(1), m.source(4), m.source_span(0, 5)
    (11, 21, (10, 22))
    """

    __slots__ = ("_clean", "_source")

    def __init__(self):
        self._clean: list[int] = []
        self._source: list[int] = []

    def add(self, clean_start: int, source_start: int) -> None:
        if self._clean and self._clean[-1] == clean_start:
            self._source[-1] = source_start
        elif self._clean and source_start - self._source[-1] == clean_start - self._clean[-1]:
            return  # continues the previous run
        else:
            self._clean.append(clean_start)
            self._source.append(source_start)

    def extend(self, other: "OffsetMap", at: int) -> None:
        """Append `other`'s runs for a text placed at clean offset `at` (as ``add`` of each run would)."""
        if not other._clean:
            return
        self.add(at + other._clean[0], other._source[0])
        self._clean.extend(c + at for c in other._clean[1:])     # other's runs are already apart
        self._source.extend(other._source[1:])

    def starts_at_zero(self) -> bool:
        """Does the first run start at clean offset 0 (so ``shifted(0)`` is this map)?"""
        return not self._clean or self._clean[0] == 0

    def source(self, i: int) -> int:
        k = bisect.bisect_right(self._clean, i) - 1
        if k < 0:
            return self._source[0] if self._source else i
        return self._source[k] + (i - self._clean[k])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering clean [start, end) (end exclusive)."""
        if end <= start:
            s = self.source(start)
            return s, s
        return self.source(start), self.source(end - 1) + 1

    def gaps(self, end: int | None = None) -> list[tuple[int, int, int]]:
        """(clean offset, source start, source end) of each stretch of the source left out before a
        character (before clean offset `end`, if given: a sentence's map runs on past the sentence).

        >>> m = OffsetMap(); m.add(0, 10); m.add(3, 20)
        >>> m.gaps(), m.gaps(end=3)
        ([(3, 13, 20)], [])
        """
        out = []
        stop = len(self._clean) if end is None else bisect.bisect_left(self._clean, end)
        for k in range(1, stop):
            c, s = self._clean[k], self._source[k]
            end_before = self._source[k - 1] + (c - self._clean[k - 1])
            if s > end_before:
                out.append((c, end_before, s))
        return out

    def shifted(self, delta: int, end: int | None = None) -> "OffsetMap":
        """The same map for a text that starts `delta` characters later (and stops at clean offset
        `end`, if given: the runs after it are left out, offsets up to `end` map as before).

        >>> m = OffsetMap(); m.add(0, 10); m.add(3, 20); m.add(6, 30)
        >>> n = m.shifted(2, end=5); n.source(0), n.source(3), len(m.shifted(2)._clean), len(n._clean)
        (12, 22, 3, 2)
        """
        m = OffsetMap()
        first = bisect.bisect_left(self._clean, delta)      # the runs before `delta` are left out
        stop = len(self._clean) if end is None else bisect.bisect_right(self._clean, end)
        for c, s in zip(self._clean[first:stop], self._source[first:stop]):
            if not m._clean and c - delta > 0:
                m.add(0, self.source(delta))
            m.add(c - delta, s)
        if not m._clean:
            m.add(0, self.source(delta))
        return m


class Layout:
    """Where each character of a file's text was printed (PDF) and which lines are headlines.

    ``pages[i]`` is the 1-based PDF page of character ``i`` of the file text
    (0 for a space or line break the reader put in) and ``boxes[i]`` its box
    ``(x0, top, x1, bottom)`` in points from the page's top left corner.
    ``headlines`` holds the file offsets where a headline line starts (set
    larger than the body); HTML pages use it for the page's title.

    >>> lay = Layout([1, 1, 0, 2], [(0.0, 0.0, 5.0, 9.0), (5.0, 0.0, 10.0, 9.0), None, (0.0, 20.0, 5.0, 29.0)])
    >>> lay.where(0, 3), lay.pages_of(0, 4)
    ((1, [0.0, 0.0, 10.0, 9.0]), [1, 2])
    """

    __slots__ = ("pages", "boxes", "headlines")

    def __init__(self, pages: list[int] | None = None, boxes: list | None = None,
                 headlines: frozenset[int] = frozenset()):
        self.pages = pages or []
        self.boxes = boxes or []
        self.headlines = headlines

    def pages_of(self, start: int, end: int) -> list[int]:
        """The PDF pages characters start..end were printed on, in order."""
        return sorted(set(self.pages[start:end]) - {0})

    def where(self, start: int, end: int) -> tuple[int, list[float]] | None:
        """(page, bounding box) of characters start..end on the page most of them are on."""
        counts: dict[int, int] = {}
        for p in self.pages[start:end]:
            if p:
                counts[p] = counts.get(p, 0) + 1
        if not counts:
            return None
        page = max(counts, key=lambda p: (counts[p], -p))
        boxes = [b for p, b in zip(self.pages[start:end], self.boxes[start:end]) if p == page]
        return page, [round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
                      round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1)]


@dataclass
class Page:
    source: str                 # path as given (or "<stdin>")
    text: str                   # decoded text, BOM removed
    encoding: str
    sha256: str
    date: dt.date | None = None  # publication date
    home: str | None = None      # home area as given (廊坊市, 固安县, 山东省); see Doc.home
    page_no: int | None = None
    base: int = 0                # offset of `text` in the decoded file (chunks of big files)
    edition: str | None = None   # edition label of the file name (A01)
    layout: Layout | None = None  # PDF geometry and headline lines, over the whole file's text
    reader: str = "text"         # which reader made the text: text, pdf or html
    meta: dict = field(default_factory=dict)  # what an HTML page says of itself: headline, byline, 来源

    def headline_starts(self) -> frozenset[int]:
        """Offsets in `text` where the reader saw a headline line begin."""
        if self.layout is None or not self.layout.headlines:
            return frozenset()
        end = self.base + len(self.text)
        return frozenset(o - self.base for o in self.layout.headlines if self.base <= o < end)


@dataclass
class Mention:
    start: int                  # offsets in Sentence.text
    end: int
    text: str
    type: str
    rule: str
    name: str | None = None      # canonical name decided by resolve
    entity: "Entity | None" = None
    attrs: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The canonical name once resolved, else the surface text."""
        return self.name or self.text

    @property
    def area_name(self) -> str | None:
        """The area a body mention belongs to (某区 for 某区委), if known."""
        return self.attrs.get("area_name")


@dataclass(frozen=True)
class ImpliedEntity:
    """An entity no mention names: 市政府 implied by 市长, a group named inside a company name.

    >>> ImpliedEntity("Organization", "甲市政府", alias="市政府").label
    '甲市政府'
    """
    type: str
    name: str
    alias: str | None = None
    area_name = None       # like a Mention's: an implied body's area is not tracked

    @property
    def label(self) -> str:
        return self.name


@dataclass
class Sentence:
    text: str
    offsets: OffsetMap
    index: int = 0
    mentions: list[Mention] = field(default_factory=list)

    def source_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        return self.offsets.source_span(start, len(self.text) if end is None else end)

    def spaces(self, page_text: str) -> frozenset[int]:
        """Offsets of the characters a space of the source stood before (not a line break alone).

        Cleaning drops spaces between Han characters, but in list layouts
        (张某 副市长) they part a name from its title.
        """
        return frozenset(c for c, a, b in self.offsets.gaps(len(self.text))
                         if any(ch in " \u3000\t" for ch in page_text[a:b]))


@dataclass
class Article:
    id: str
    page: Page
    start: int                   # span in Page.text
    end: int
    headline: str = ""
    subheadlines: list[str] = field(default_factory=list)
    byline: list[tuple[str, str]] = field(default_factory=list)  # (role, name)
    dateline: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    headline_sentences: list[Sentence] = field(default_factory=list)
    date: dt.date | None = None      # event date stated in the lead, if any
    date_text: str | None = None
    byline_spans: list[tuple[int, int]] = field(default_factory=list)
    known_people: dict[str, str] = field(default_factory=dict)   # name -> Official/Person on the page

    @property
    def all_sentences(self) -> list[Sentence]:
        return [*self.headline_sentences, *self.sentences]


@dataclass
class Entity:
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    code: str | None = None
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)

    @property
    def id(self) -> str:
        """Stable across pages: an area by its GB/T code, anything else by type and name."""
        return entity_id(self.type, self.name, self.code)


@functools.lru_cache(maxsize=1 << 16)
def entity_id(etype: str, name: str, code: str | None) -> str:
    """The id of an entity (:attr:`Entity.id`): read many times for each triple, hashed once.

    >>> entity_id("AdministrativeArea", "甲市", "130600") == entity_id("AdministrativeArea", "乙市", "130600")
    True
    """
    if etype == "AdministrativeArea" and code:
        return "e-" + short_hash(etype, code)
    return "e-" + short_hash(etype, name, code)


@dataclass
class Fact:
    """What a relation rule reads off a sentence, before mentions are resolved."""
    subject: Mention | ImpliedEntity
    predicate: str
    object: Mention | ImpliedEntity
    sentence: Sentence
    rule: str
    confidence: float
    date: dt.date | None = None
    date_text: str | None = None
    title: str | None = None
    change: str | None = None        # holdsPosition: "start" (任命, 当选) or "end" (免去, 辞去) of the office


@dataclass
class Triple:
    """A fact whose subject and object are entities; the fact keeps the evidence."""
    subject: Entity
    object: Entity
    article: Article
    fact: Fact

    predicate = property(lambda self: self.fact.predicate)
    sentence = property(lambda self: self.fact.sentence)
    rule = property(lambda self: self.fact.rule)
    confidence = property(lambda self: self.fact.confidence)
    date = property(lambda self: self.fact.date)
    date_text = property(lambda self: self.fact.date_text)
    title = property(lambda self: self.fact.title)
    change = property(lambda self: self.fact.change)


@dataclass
class Doc:
    """One page on its way through the pipeline (the components of
    :data:`kg.extract.pipeline.PIPELINE` read and fill it in turn)."""
    page: Page
    home: object = None              # kg.extract.recognise.areas.Area the outlet's bare 市/县 refer to
    statistical: bool = False        # run the statistical tagger beside the rules
    articles: list[Article] = field(default_factory=list)
    recogniser: object = None        # kg.extract.recognise.Recogniser for the page's home area
    resolver: object = None          # kg.extract.resolve.Resolver: the page's entities
    facts: list[tuple[Article, Fact]] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
