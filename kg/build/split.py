"""Rewrite the records after :mod:`kg.build.identity` decided a name's people: one entity each.

Each person gets an entity record (the extracted one's name, type and
aliases; its own articles, titles and an ``identity`` field), the articles
mention the person's id, and the triples of the person's articles point at
it, with the id the id rule gives their new ends (docs/format.md), so a
store that loads the next graph sees the old triple leave (DIR/removed.jsonl).

The records come in record order and leave in it: the records that change
are few, so they are held and merged back in order.
"""
from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator

from kg.model import triple_id
from kg.records import KIND_ORDER, record_key, record_of


def _person_record(base: dict, person, triples: list[dict], seat_names) -> dict:
    """The entity record of one of a name's people (`triples`: at least the offices the person holds)."""
    mine = set(person.articles)
    rec = dict(base, id=person.id, articles=list(person.articles))
    rec.pop("curated", None)
    titles = sorted({t["title"] for t in triples if t.get("article") in mine and t.get("title")
                     and t["predicate"] == "holdsPosition" and t["subject_id"] == person.id})
    if titles:
        rec["titles"] = titles
    else:
        rec.pop("titles", None)
    rec["mentions"] = len(person.articles)
    rec["identity"] = {"of": base["id"], "status": "undecided" if person.undecided else "placed",
                       "seats": sorted(seat_names(s) for s in person.seats),
                       "homes": sorted(seat_names(s) for s in person.homes)}
    return rec


def _moved_triples(touching: list[dict], moves: dict[tuple[str, str], str]) -> tuple[set[str], list[dict]]:
    """The triples whose ends change: their old ids, and the triples as they become."""
    old, new = set(), []
    for t in {t["id"]: t for t in touching}.values():
        ends = {end: moves.get((t[end], t.get("article")), t[end]) for end in ("subject_id", "object_id")}
        if ends == {end: t[end] for end in ends}:
            continue
        rec = dict(t, **ends)
        rec["id"] = triple_id(rec["subject_id"], rec["predicate"], rec["object_id"], rec.get("article"),
                              rec.get("span") or (None, None))
        old.add(t["id"])
        new.append(rec)
    return old, new


def split_records(items: Iterable[tuple], gathered, found) -> Iterator[dict | str]:
    """The records with each split name's people as entities of their own: `items` are the
    (kind, id, line or record) items of :func:`kg.records.read_items` (or :func:`~kg.records.items_of`)
    in record order; a line that does not change is passed on as it is."""
    moves: dict[tuple[str, str], str] = {}
    for base_id, people in found.people.items():
        for p in people:
            moves.update(((base_id, a), p.id) for a in p.articles)
    touching = [t for base_id in found.people for t in gathered.touching.get(base_id, ())]
    gone, triples = _moved_triples(touching, moves)
    names = _seat_names(gathered)
    held = [*triples, *(t for t in touching if t["id"] not in gone)]
    offices: dict[str, list[dict]] = {}       # by holder: each person reads only its own
    for t in held:
        if t["predicate"] == "holdsPosition":
            offices.setdefault(t["subject_id"], []).append(t)
    extra = [_person_record(gathered.people[b], p, offices.get(p.id, []), names)
             for b, people in found.people.items() for p in people]
    extra += triples
    replaced = set(found.people) | gone

    moved_in = {article for _, article in moves}      # articles where a mention may change

    def stream() -> Iterator[tuple[tuple, dict | str]]:
        for kind, rid, rec in items:
            if rid in replaced and kind in ("entity", "triple"):
                continue
            if kind == "article" and rid in moved_in:
                rec = record_of(rec)
                if any((m, rid) in moves for m in rec.get("mentions", ())):
                    rec = dict(rec, mentions=sorted({moves.get((m, rid), m) for m in rec["mentions"]}))
            yield (KIND_ORDER.get(kind, 99), rid), rec

    # ids unique within a kind: the key alone orders them
    added = sorted(((record_key(r), r) for r in extra), key=lambda x: x[0])
    for _key, rec in heapq.merge(stream(), added, key=lambda x: x[0]):
        yield rec


def _seat_names(gathered):
    """A seat as a reader knows it: the area entity's name for a code, else the seat as it is."""
    by_code = {}
    for rec in gathered.areas:
        by_code.setdefault(rec["code"], rec["name"])

    def name(seat: str) -> str:
        if seat in by_code:
            return by_code[seat]
        from kg.extract.recognise.areas import by_code as table

        area = table().get(seat)
        return area.name if area else seat
    return name


__all__ = ["split_records"]
