"""The rules of same-or-different: the sightings of one name grouped into people (docs/identity.md).

A :class:`Sighting` is one person in one article with what the article says
about who they are; :func:`cluster` groups a name's sightings into people
and leaves those it cannot place undecided; :func:`by_company` places
undecided ones by the people around them. Plain functions over plain data:
:mod:`kg.build.identity` gathers the sightings from the records and names
the people.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.build.seats import agree, code_prefix

BODY_SEAT = 99               # the specificity of a seat that is a body's name (an enterprise): the narrowest


@dataclass(frozen=True)
class Sighting:
    """One person in one article: what that article says about who they are."""
    article: str
    date: str
    seats: frozenset[str]          # areas (codes) or bodies (names) of the offices shown there
    homes: frozenset[str]          # the article's home area code
    source: str | None             # the file the article is in
    areas: frozenset[str] = frozenset()   # without a home: the most specific areas the article names


def _groups(items: list[Sighting], places: Callable[[Sighting], Iterable[str]]) -> list[list[Sighting]]:
    """Sightings joined, transitively, when they are of one source file or two of their `places` agree.

    Union-find over the sightings, their files and their places: a sighting is
    joined to its file and to each of its places, and agreeing places to each
    other. A name's places are few and its sightings many (thousands in an
    archive), so no two sightings are compared; the groups are those of
    comparing every pair, in the order of their first sighting.
    """
    parent = list(range(len(items)))
    nodes: dict[tuple[str, str], int] = {}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, key: tuple[str, str]) -> None:
        if key not in nodes:
            nodes[key] = len(parent)
            parent.append(len(parent))
        parent[root(i)] = root(nodes[key])

    for i, s in enumerate(items):
        if s.source is not None:
            join(i, ("file", s.source))
        for x in places(s):
            join(i, ("place", x))
    seen = [key for key in nodes if key[0] == "place"]
    for a, key in enumerate(seen):
        for other in seen[:a]:
            if agree(key[1], other[1]):
                join(nodes[key], other)
    out: dict[int, list[Sighting]] = defaultdict(list)
    for i, item in enumerate(items):
        out[root(i)].append(item)
    return list(out.values())


def any_agree(xs: Iterable[str], ys: Iterable[str]) -> bool:
    ys = list(ys)
    return any(agree(x, y) for x in xs for y in ys)


def _sources(people: list[list[Sighting]]) -> list[set[str]]:
    """The source files of each person's sightings: whether a sighting shares one is a set lookup,
    not a scan of the person (a name seen in thousands of articles)."""
    return [{o.source for o in p if o.source is not None} for p in people]


def _shares_source(s: Sighting, sources: set[str]) -> bool:
    """Is `s` from one of the files (sightings of one file are one person)?"""
    return s.source is not None and s.source in sources


def _join(people: list[list[Sighting]], sources: list[set[str]], i: int, s: Sighting) -> None:
    """`s` joins person `i`; its file is one of that person's now."""
    people[i].append(s)
    if s.source is not None:
        sources[i].add(s.source)


def cluster(sightings: list[Sighting]) -> tuple[list[list[Sighting]], list[Sighting]]:
    """The people one name's sightings make, and the sightings that cannot be placed among them.

    Sightings of one source file are one person (the extractor made them one). A sighting that
    shows neither office nor home joins the name's person when there is one; among several
    people it is undecided.

    >>> s = lambda a, seats, home: Sighting(a, "", frozenset(seats), frozenset([home] if home else ()), a)
    >>> people, undecided = cluster([s("a-1", {"130121"}, None), s("a-2", {"130100"}, None),
    ...                              s("a-3", {"410122"}, None), s("a-4", (), "130100"), s("a-5", (), None)])
    >>> [[x.article for x in p] for p in people], [x.article for x in undecided]
    ([['a-1', 'a-2', 'a-4'], ['a-3']], ['a-5'])
    >>> [[x.article for x in p] for p in cluster([s("a-1", {"130121"}, None), s("a-5", (), None)])[0]]
    [['a-1', 'a-5']]
    """
    people, undecided = _by_offices([s for s in sightings if s.seats])
    reach = [{x for s in p for x in (*s.seats, *s.homes)} for p in people]
    sources = _sources(people)
    pool = []
    placed: dict[int, list[Sighting]] = defaultdict(list)
    for s in (s for s in sightings if not s.seats and s.homes):
        hits = [i for i, src in enumerate(sources) if _shares_source(s, src)] or \
            [i for i, r in enumerate(reach) if any_agree(s.homes, r)]
        if len(hits) == 1:
            placed[hits[0]].append(s)
        else:
            (undecided if hits else pool).append(s)
    people = [p + placed[i] for i, p in enumerate(people)]
    people += _groups(pool, lambda s: s.homes)
    return _place_bare(people, [s for s in sightings if not s.seats and not s.homes], undecided)


def _specificity(s: Sighting) -> int:
    """How narrow a sighting's most specific seat is: a county's code beats a city's; a body's name beats all."""
    return max(len(code_prefix(x)) if x.isdigit() else BODY_SEAT for x in s.seats)


def _by_offices(strong: list[Sighting]) -> tuple[list[list[Sighting]], list[Sighting]]:
    """People from the sightings with offices, the narrowest seats first: a wider seat (a city) joins the
    one person whose seats it contains; when it contains several, it is undecided, not a bridge."""
    people: list[list[Sighting]] = []
    undecided = []
    for level in sorted({_specificity(s) for s in strong}, reverse=True):
        fresh, joins = [], []
        sources = _sources(people)
        seats = [{x for o in p for x in o.seats} for p in people]     # any seat of any sighting agreeing
        for s in (s for s in strong if _specificity(s) == level):
            hits = [i for i, src in enumerate(sources) if _shares_source(s, src)] or \
                [i for i, seat in enumerate(seats) if any_agree(s.seats, seat)]
            if len(hits) == 1:
                joins.append((hits[0], s))
            else:
                (undecided if hits else fresh).append(s)
        for i, s in joins:
            people[i].append(s)
        people += _groups(fresh, lambda s: s.seats)
    return people, undecided


def _place_bare(people: list[list[Sighting]], bare: list[Sighting], undecided: list[Sighting]
                ) -> tuple[list[list[Sighting]], list[Sighting]]:
    """Sightings without office or home: the areas their article names place them among the people
    that have a place (and make a person of their own where they agree with none); the rest join
    the name's one person, or are undecided among several."""
    reach = [{x for s in p for x in (*s.seats, *s.homes)} for p in people]
    sources = _sources(people)
    rest, pool = [], []
    for s in bare:
        hits = [i for i, src in enumerate(sources) if _shares_source(s, src)] or \
            [i for i, r in enumerate(reach) if any_agree(s.areas, r)]
        if len(hits) == 1:
            _join(people, sources, hits[0], s)
        elif hits:
            undecided.append(s)
        elif s.areas and any(reach):
            pool.append(s)
        else:
            rest.append(s)
    pooled = _groups(pool, lambda s: s.areas)
    people, sources = people + pooled, sources + _sources(pooled)
    if len(people) <= 1:         # nothing to choose between: the name's one person (nothing conflicts)
        return [(people[0] if people else []) + rest], undecided
    for s in rest:
        hits = [i for i, src in enumerate(sources) if _shares_source(s, src)]
        if hits:
            _join(people, sources, hits[0], s)
        else:
            undecided.append(s)
    return people, undecided


def by_company(groups: list[list[Sighting]], undecided: list[Sighting], company
               ) -> tuple[list[list[Sighting]], list[Sighting]]:
    """Place undecided sightings by the people around them: a sighting whose article names someone the
    articles of exactly one person name (a colleague, the mayor beside the county head) joins that person.
    `company(article)` gives the other people an article mentions.

    >>> at = lambda a, seat: Sighting(a, "", frozenset([seat] if seat else ()), frozenset(), a)
    >>> g1, g2, u = [at("a-1", "130121")], [at("a-2", "410122")], at("a-3", None)
    >>> around = {"a-1": {"e-x"}, "a-2": {"e-y"}, "a-3": {"e-y"}}
    >>> [[s.article for s in g] for g in by_company([g1, g2], [u], around.get)[0]]
    [['a-1'], ['a-2', 'a-3']]
    """
    around = [set().union(*(company(s.article) for s in g)) for g in groups]
    placed: dict[int, list[Sighting]] = defaultdict(list)
    left = []
    for s in undecided:
        hits = [i for i, people in enumerate(around) if company(s.article) & people]
        (placed[hits[0]] if len(hits) == 1 else left).append(s)
    return [g + placed[i] for i, g in enumerate(groups)], left
