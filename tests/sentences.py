"""Hand-made sentences for unit tests of single rules and finders.

``sent("市长甲乙到某区调研。", ("甲乙", "Official", {"title": "市长"}), ("某区", "AdministrativeArea"))``
builds a :class:`~kg.model.Sentence` whose mentions sit where their text is
(the n-th occurrence with ``nth``); a mention with a ``title`` gets the
title's offset before it, as the people finder records it.
"""
from __future__ import annotations

import datetime as dt

from kg.extract.recognise.gazetteer import Gazetteer
from kg.extract.relate.base import Context
from kg.extract.relate.discourse import State
from kg.extract.resolve.entities import Resolver
from kg.model import Article, Mention, OffsetMap, Page, Sentence

HOME = "廊坊市"
PUBLISHED = dt.date(2024, 5, 20)


def mention(text: str, surface: str, etype: str, attrs: dict | None = None, rule: str | None = None,
            nth: int = 0, name: str | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    attrs = dict(attrs or {})
    if "title" in attrs:
        attrs.setdefault("title_start", start - len(attrs["title"]))
    rule = rule or ("person.title" if "title" in attrs else "test")
    return Mention(start, start + len(surface), surface, etype, rule, name=name or surface, attrs=attrs)


def sent(text: str, *spans) -> Sentence:
    """A sentence with mentions given as (surface, type[, attrs[, rule]]) tuples or Mentions."""
    s = Sentence(text=text, offsets=OffsetMap())
    s.offsets.add(0, 0)
    s.mentions = sorted((m if isinstance(m, Mention) else mention(text, *m) for m in spans), key=lambda m: m.start)
    return s


def article(*sentences: Sentence, date: dt.date = PUBLISHED) -> Article:
    page = Page(source="t.txt", text="".join(s.text for s in sentences), encoding="utf-8", sha256="0" * 64,
                date=date, home=HOME)
    return Article(id="a-test", page=page, start=0, end=len(page.text), sentences=list(sentences))


def context(before: State = State(), after: State | None = None, city: str = HOME) -> Context:
    resolver = Resolver(Gazetteer.for_home(city))
    home = resolver.gaz.home
    return Context(resolver, home.name if home else None, before, after or before)
