"""Who is who across documents: one name may be several people, one person may hold several offices.

Extraction names a person by type and name, so every 王某 of a corpus is
one entity. After the merge, :func:`resolve_people` looks at each person
seen in two or more articles and decides same-or-different from the
evidence each article gives (docs/identity.md):

- a **seat**: the area of a body the person holds office in there (某县政府,
  某县委 → the county's GB/T code), or the body's name when it names no area
  (an enterprise);
- the article's **home**: the area the outlet reports from (when the
  extractor could not tell, the most specific areas the article names, on their own
  or as the area a body is named from: 某县人民代表大会).

Two seats agree when one area contains the other (a 县长 who becomes 副市长
of the city around the county stays one person). Articles whose seats agree
form one person; a conflicting seat (another county, no link) is a namesake.
An article that shows no office joins the one person its home agrees with;
when its home agrees with several, or it has no home and there are
several people, it is **undecided** (unless the people around it are those of
one person): its mentions stay with an entity of their own, and the pair is a
review candidate (`kg review`, a curation file decides). The rules are
:mod:`kg.build.sightings`; this module gathers the sightings and names the people.

Ids stay stable across builds: the people of a split name are kept in the
build folder's ledger (DIR/people.jsonl) with their seats, so a later build
gives a person the id it had; the person seen first keeps the extracted
id; a split or a merge that a later build finds is logged in the ledger.

>>> recs = [
...   {"kind": "article", "id": "a-1", "date": "2021-01-05", "home_code": "130100"},
...   {"kind": "article", "id": "a-2", "date": "2022-03-01", "home_code": "410100"},
...   {"kind": "entity", "id": "e-p", "name": "王某", "type": "Official", "articles": ["a-1", "a-2"], "mentions": 2},
...   {"kind": "entity", "id": "e-x", "name": "甲县", "type": "AdministrativeArea", "code": "130121"},
...   {"kind": "entity", "id": "e-y", "name": "乙县", "type": "AdministrativeArea", "code": "410122"},
...   {"kind": "triple", "id": "t-1", "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某",
...    "object_id": "e-b1", "object": "甲县政府", "title": "县长", "article": "a-1"},
...   {"kind": "triple", "id": "t-2", "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某",
...    "object_id": "e-b2", "object": "乙县政府", "title": "县长", "article": "a-2"}]
>>> out, found = resolve_people(recs)
>>> sorted((r["id"], r["articles"]) for r in out if r.get("name") == "王某")
[('e-13007af3a9f6', ['a-2']), ('e-p', ['a-1'])]
>>> [e["event"] for e in found.events]
['split']
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pathlib import Path

from kg.build.seats import Seats, agree, code_prefix
from kg.build.sightings import Sighting, any_agree, by_company, cluster
from kg.build.split import split_records
from kg.model import short_hash
from kg.records import items_of, read_items, read_records, record_key, write_jsonl

PEOPLE = ("Official", "Person")
UNDECIDED = "undecided"
ARTICLE_LINE = '{"kind": "article"'   # how kg.records.dumps begins an article's line
LEDGER = "people.jsonl"      # a build folder's people of split names, with their seats, and the events


@dataclass
class Person:
    """One of the people a name resolves to."""
    id: str
    articles: list[str]
    seats: set[str] = field(default_factory=set)
    homes: set[str] = field(default_factory=set)
    undecided: bool = False


@dataclass
class Found:
    """What :func:`resolve_people` decided: the people of each split name, ledger entries, events, candidates."""
    people: dict[str, list[Person]] = field(default_factory=dict)      # base id -> its people (when several)
    ledger: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    undecided: list[tuple[str, str]] = field(default_factory=list)     # (undecided id, base id)
    logged: int = 0                                                     # events of earlier builds


class _Gathered:
    """One pass over the records: the people seen in several articles and what each article says."""

    def __init__(self, records: Iterable[dict]):
        self.articles: dict[str, tuple[str, str | None, str | None]] = {}   # article -> (date, home, source)
        self.mentions: dict[str, tuple[str, ...]] = {}               # article -> the entities it mentions
        self.people: dict[str, dict] = {}                           # base id -> entity record
        self.person_ids: set[str] = set()                           # every Official and Person
        self.areas: list[dict] = []
        self.area_codes: dict[str, str] = {}                         # area entity id -> its code
        self.bodies: dict[str, str] = {}                             # body entity id -> its name
        self.held: dict[tuple[str, str], set[str]] = defaultdict(set)  # (person, article) -> body names
        self.touching: dict[str, list[dict]] = defaultdict(list)     # person -> triples about them
        self.named: dict[str, frozenset[str]] = {}                   # article -> named_areas, once asked
        for rec in records:
            kind = rec.get("kind")
            if kind == "article":
                self.articles[rec["id"]] = (rec.get("date") or "", rec.get("home_code"), rec.get("source"))
                self.mentions[rec["id"]] = tuple(sys.intern(m) for m in rec.get("mentions") or ())
            elif kind == "entity":
                if rec.get("type") in PEOPLE:
                    self.person_ids.add(rec["id"])
                if rec.get("type") in PEOPLE and len(rec.get("articles") or ()) > 1:
                    self.people[rec["id"]] = rec
                elif rec.get("type") == "AdministrativeArea" and rec.get("code"):
                    self.areas.append(rec)
                    self.area_codes[rec["id"]] = rec["code"]
                elif rec.get("type") == "Organization":
                    self.bodies[rec["id"]] = rec["name"]
            elif kind == "triple":
                for end in ("subject_id", "object_id"):
                    if rec[end] in self.people:
                        self.touching[rec[end]].append(rec)
                if rec.get("predicate") == "holdsPosition" and rec["subject_id"] in self.people:
                    self.held[(rec["subject_id"], rec.get("article"))].add(rec["object"])

    def named_areas(self, aid: str, seats: Seats) -> frozenset[str]:
        """The most specific areas (codes) an article names, on their own or as the area of a body
        (某县人民代表大会): none inside another of them. Worked out once an article (`seats` is the build's)."""
        if aid in self.named:
            return self.named[aid]
        mentioned = self.mentions.get(aid, ())
        codes = {self.area_codes[m] for m in mentioned if m in self.area_codes}
        codes |= {c for c in (seats.seat(self.bodies[m], None) for m in mentioned if m in self.bodies)
                  if c and c.isdigit()}
        named = self.named[aid] = frozenset(c for c in codes if not any(
            o != c and agree(o, c) and len(code_prefix(o)) > len(code_prefix(c)) for o in codes))
        return named

    def company(self, aid: str, eid: str) -> frozenset[str]:
        """The other people an article mentions besides `eid`."""
        return frozenset(m for m in self.mentions.get(aid, ()) if m in self.person_ids and m != eid)

    def sightings(self, seats: Seats, eid: str) -> list[Sighting]:
        out = []
        for aid in sorted(self.people[eid].get("articles") or ()):
            date, home, source = self.articles.get(aid, ("", None, None))
            found = frozenset(filter(None, (seats.seat(body, home) for body in self.held.get((eid, aid), ()))))
            out.append(Sighting(aid, date, found, frozenset([home] if home else ()), source,
                                frozenset() if home else self.named_areas(aid, seats)))
        return out


def _first(p: list[Sighting]) -> tuple[str, str, str]:
    """When a person is first seen: date, then file, then article (pages added later sort after)."""
    return min((s.date or "9999", s.source or "", s.article) for s in p)


def _match(person: Person, entries: list[dict]) -> list[dict]:
    """The ledger entries of a name that are this person: their seats agree (or, without seats, homes)."""
    if person.seats:
        return [e for e in entries if any_agree(person.seats, e.get("seats", ()))]
    if person.homes:
        return [e for e in entries if any_agree(person.homes, [*e.get("homes", ()), *e.get("seats", ())])]
    return [e for e in entries if not e.get("seats") and not e.get("homes")]      # placed by nothing


def _name_people(base: dict, groups: list[list[Sighting]], entries: list[dict], found: Found,
                 before: frozenset[str]) -> list[Person]:
    """Ids for a name's people: the ledger's where they match; else the extracted id goes to the person
    the graph had `before` (pages added later renumber no one), then to the person seen first."""
    groups = sorted(groups, key=lambda g: (not any(s.article in before for s in g), _first(g)))
    people = [Person("", sorted(s.article for s in g), {x for s in g for x in s.seats},
                     {x for s in g for x in (*s.homes, *s.areas)}) for g in groups]
    used: set[str] = set()
    for p in people:
        hits = [e for e in _match(p, entries) if e["id"] not in used]
        if hits:
            p.id = hits[0]["id"]
            if len(hits) > 1:
                found.events.append(_event("merge", base, [h["id"] for h in hits]))
            used.update(h["id"] for h in hits)
    taken = {e["id"] for e in entries} | used
    for p, g in zip(people, groups):
        if not p.id:
            p.id = base["id"] if base["id"] not in taken else "e-" + short_hash("person", base["id"], _first(g)[2])
            taken.add(p.id)
    return people


def _event(kind: str, base: dict, ids: list[str]) -> dict:
    return {"kind": "event", "event": kind, "base": base["id"], "name": base["name"], "ids": ids,
            "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}


def decide(gathered: _Gathered, ledger: list[dict], before: frozenset[str] = frozenset()) -> Found:
    """The people of every name seen in several articles, given the ledger of earlier builds and the
    articles of the graph `before` this build."""
    seats = Seats(gathered.areas)
    entries: dict[str, list[dict]] = defaultdict(list)
    for e in ledger:
        if e.get("kind") == "person":
            entries[e["base"]].append(e)
    found = Found(events=[e for e in ledger if e.get("kind") == "event"])
    found.logged = len(found.events)
    for base_id, base in sorted(gathered.people.items()):
        groups, undecided = cluster(gathered.sightings(seats, base_id))
        if undecided and len(groups) > 1:
            groups, undecided = by_company(groups, undecided, lambda aid: gathered.company(aid, base_id))
        mine = entries.get(base_id, [])
        if len(groups) <= 1 and not undecided and not mine:
            continue
        people = _name_people(base, groups, mine, found, before)
        if len(people) > 1 and not mine:
            found.events.append(_event("split", base, [p.id for p in people]))
        if undecided:
            uid = "e-" + short_hash(UNDECIDED, base_id)
            people.append(Person(uid, sorted(s.article for s in undecided), undecided=True))
            found.undecided.append((uid, base_id))
        kept = {e["id"]: e for e in mine}
        for p in people:
            if not p.undecided:
                old = kept.pop(p.id, {})
                found.ledger.append({"kind": "person", "base": base_id, "id": p.id, "name": base["name"],
                                     "seats": sorted(set(old.get("seats", ())) | p.seats),
                                     "homes": sorted(set(old.get("homes", ())) | p.homes)})
        found.ledger.extend(kept.values())      # a person no page shows now keeps its ledger line
        if len(people) > 1 or people[0].id != base_id:
            found.people[base_id] = people
    found.ledger.sort(key=lambda e: (e["base"], e["id"]))
    return found


def resolve_people(records: Iterable[dict], ledger: Iterable[dict] = ()) -> tuple[list[dict], Found]:
    """The records with each name's people apart (in record order), and what was decided."""
    records = sorted(records, key=record_key)
    gathered = _Gathered(records)
    found = decide(gathered, list(ledger))
    return list(split_records(items_of(records), gathered, found)), found


def resolve_graph(graph: Path, ledger: Path, before: frozenset[str] = frozenset()) -> Found:
    """Resolve the people of a merged records file in place (two passes: memory holds only the people
    seen in several articles), keeping the ledger of earlier builds up to date; `before`: the
    articles of the graph this build replaces (:func:`article_ids`)."""
    earlier = list(read_records(ledger)) if ledger.is_file() else []
    gathered = _Gathered(read_records(graph))
    found = decide(gathered, earlier, before)
    if found.people:
        write_jsonl(split_records(read_items(graph), gathered, found), graph)
    if found.ledger or earlier:
        write_jsonl([*found.ledger, *found.events], ledger)
    return found


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def article_ids(path: Path) -> frozenset[str]:
    """The ids of a records file's articles (only their lines are parsed); none without the file."""
    if not path.is_file():
        return frozenset()
    with open(path, encoding="utf-8") as fh:
        return frozenset(json.loads(line)["id"] for line in fh if line.startswith(ARTICLE_LINE))


def summary(found: Found) -> str:
    """One line for the build's notes: names split, merges found, undecided sightings."""
    split = sum(1 for people in found.people.values() if sum(not p.undecided for p in people) > 1)
    merges = sum(1 for e in found.events[found.logged:] if e["event"] == "merge")
    parts = [f"{_count(split, 'name')} of several people (DIR/{LEDGER})"] if split else []
    if merges:
        parts.append(f"{_count(merges, 'person', 'people')} found to be one by new pages")
    if found.undecided:
        parts.append(f"{_count(len(found.undecided), 'name')} seen where the pages cannot tell whose "
                     f"(kg review lists them)")
    return "; ".join(parts)
