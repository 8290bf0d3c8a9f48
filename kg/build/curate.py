"""Corrections a person makes to a built graph, as a data file (docs/curation.md).

A curation file holds one correction a line (``#`` starts a comment)::

    same-as      Enterprise:青禾科技有限公司   Enterprise:青禾科技     # the second is merged into the first
    not-same-as  Official:王伟   a-3f9c0e12ab45,a-77aa01b2c3d4          # 王伟 of these articles is another man
    alias        Place:东岚经济开发区   东岚开发区   东岚园区
    rename       Enterprise:青禾科技   青禾科技股份有限公司
    drop         Enterprise:某某   t-0a1b2c3d4e5f

An entity is named by its id (``e-…``), by ``Type:name``, or by a bare name
that only one entity has; ``drop`` also takes triple ids (``t-…``). Fields
are separated by spaces or tabs. `kg build --curation FILE` (or a
``kg.toml`` naming it) applies the file to the merged graph, after
extraction: parts are not re-extracted when the file changes, only the
outputs rewritten. Every record a correction touched lists it under
``curated`` (``["curation.tsv:3 same-as"]``), and the viewer shows it.

>>> recs = [{"kind": "entity", "id": "e-0001", "name": "青禾科技", "type": "Enterprise", "aliases": []}]
>>> out, notes = apply_curation(recs, parse_curation("rename e-0001 青禾科技股份有限公司", "c.tsv"))
>>> out[0]["name"], out[0]["aliases"], out[0]["curated"]
('青禾科技股份有限公司', ['青禾科技'], ['c.tsv:1 rename'])
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.records import sort_records
from kg.vocab import ENTITY_TYPES

VERBS = {"same-as": 2, "not-same-as": 2, "alias": 2, "rename": 2, "drop": 1}   # verb -> fewest arguments
ENTITY_ID = re.compile(r"e-[0-9a-f]+")
TRIPLE_ID = re.compile(r"t-[0-9a-f]+")
ARTICLE_ID = re.compile(r"a-[0-9a-f]+")


class CurationError(ValueError):
    """A curation line that breaks the format: one line naming the file and line."""


@dataclass(frozen=True)
class Correction:
    verb: str
    args: tuple[str, ...]
    where: str                        # "curation.tsv:3"

    @property
    def label(self) -> str:
        return f"{self.where} {self.verb}"


def parse_curation(text: str, name: str) -> list[Correction]:
    """The corrections of a curation file's text (`name` is how lines are cited)."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        verb, args, where = fields[0], tuple(fields[1:]), f"{name}:{n}"
        if verb not in VERBS:
            raise CurationError(f"{where}: unknown correction {verb!r}; use one of {', '.join(VERBS)}")
        if len(args) < VERBS[verb] or (verb in ("rename", "not-same-as") and len(args) != 2):
            raise CurationError(f"{where}: {verb} needs {'exactly' if verb in ('rename', 'not-same-as') else 'at least'}"
                                f" {VERBS[verb]} argument(s): {line.strip()[:80]!r}")
        if verb == "not-same-as" and not all(ARTICLE_ID.fullmatch(a) for a in args[1].split(",")):
            raise CurationError(f"{where}: not-same-as takes an entity and article ids joined by commas")
        out.append(Correction(verb, args, where))
    return out


def read_curation(path: str | Path) -> tuple[str, list[Correction]]:
    """(the file's sha256, its corrections): the hash tells a build whether the corrections changed."""
    path = Path(path)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"{path}: cannot read the curation file: {getattr(exc, 'strerror', None) or exc}") from None
    return hashlib.sha256(data).hexdigest(), parse_curation(text, path.name)


class _Graph:
    """The records by kind and id, with the edits the corrections make.

    Indexes by entity (its triples, the articles that link it, the ids of
    each name) keep each correction proportional to what it touches, not to
    the graph: a review's hundreds of lines on an archive stay fast.
    """

    def __init__(self, records):
        self.other = []
        self.of = {"article": {}, "entity": {}, "triple": {}}
        for rec in records:
            if rec.get("kind") in self.of:
                self.of[rec["kind"]][rec["id"]] = dict(rec)
            else:
                self.other.append(rec)
        self.entities, self.triples, self.articles = self.of["entity"], self.of["triple"], self.of["article"]
        self.named: dict[str, set[str]] = defaultdict(set)        # name -> entity ids
        self.facts: dict[str, set[str]] = defaultdict(set)        # entity id -> its triples' ids
        self.linked: dict[str, set[str]] = defaultdict(set)       # entity id -> articles that mention or credit it
        for eid, e in self.entities.items():
            self.named[e["name"]].add(eid)
        for tid, t in self.triples.items():
            self.facts[t["subject_id"]].add(tid)
            self.facts[t["object_id"]].add(tid)
        for aid, a in self.articles.items():
            for eid in (*a.get("mentions", ()), *(b["id"] for b in a.get("byline", ()) if b.get("id"))):
                self.linked[eid].add(aid)

    def find(self, ref: str) -> str:
        """The entity id `ref` names; LookupError (the note to print) when none or several do."""
        if ENTITY_ID.fullmatch(ref):
            if ref in self.entities:
                return ref
            raise LookupError(f"no entity {ref} in the graph")
        etype, sep, name = ref.partition(":")
        if not sep or etype not in ENTITY_TYPES:
            etype, name = None, ref
        hits = sorted(i for i in self.named.get(name, ()) if etype in (None, self.entities[i]["type"]))
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise LookupError(f"no entity {ref} in the graph")
        raise LookupError(f"{ref} names {len(hits)} entities ({', '.join(hits)}): give Type:name or the id")

    def touch(self, rec: dict, fix: Correction) -> None:
        """Note on `rec` that `fix` changed it (once per correction)."""
        if fix.label not in rec.get("curated", ()):
            rec["curated"] = [*rec.get("curated", []), fix.label]

    def rename(self, eid: str, name: str) -> None:
        self.named[self.entities[eid]["name"]].discard(eid)
        self.entities[eid]["name"] = name
        self.named[name].add(eid)

    def relink(self, old: str, new: str, fix: Correction, articles: set[str] | None = None) -> None:
        """Point the triples and article links of entity `old` at `new` (only in `articles`, if given)."""
        name = self.entities[new]["name"]
        for tid in sorted(self.facts.get(old, ())):
            t = self.triples[tid]
            if articles is not None and t.get("article") not in articles:
                continue
            for end in ("subject", "object"):
                if t[f"{end}_id"] == old:
                    t[f"{end}_id"], t[end] = new, name
            self.touch(t, fix)
            if old not in (t["subject_id"], t["object_id"]):
                self.facts[old].discard(tid)
            self.facts[new].add(tid)
        for aid in sorted(self.linked.get(old, ())):
            if articles is not None and aid not in articles:
                continue
            a = self.articles[aid]
            if old in a.get("mentions", ()):
                a["mentions"] = sorted({new if m == old else m for m in a["mentions"]})
            if any(b.get("id") == old for b in a.get("byline", ())):
                a["byline"] = [dict(b, id=new) if b.get("id") == old else b for b in a["byline"]]
            if old != new:
                self.linked[old].discard(aid)
            self.linked[new].add(aid)

    def merge(self, keep: str, other: str, fix: Correction) -> None:
        if keep == other:
            return
        k, o = self.entities[keep], self.entities[other]
        k["aliases"] = [a for a in dict.fromkeys([*k.get("aliases", []), o["name"], *o.get("aliases", [])])
                        if a != k["name"]]
        for field in ("titles", "articles"):
            if k.get(field) or o.get(field):
                k[field] = sorted({*k.get(field, []), *o.get(field, [])})
        k["mentions"] = k.get("mentions", 0) + o.get("mentions", 0)
        self.touch(k, fix)
        self.relink(other, keep, fix)
        self.named[o["name"]].discard(other)
        del self.entities[other]
        self.drop_repeated_triples(keep)

    def drop_repeated_triples(self, eid: str) -> None:
        """After a merge into `eid`: one of its triples per (subject, predicate, object, article, span); no
        self-loops."""
        seen = set()
        for tid in sorted(self.facts.get(eid, ())):
            t = self.triples[tid]
            key = (t["subject_id"], t["predicate"], t["object_id"], t.get("article"), tuple(t.get("span") or ()))
            if key in seen or t["subject_id"] == t["object_id"]:
                self.drop_triple(tid)
            seen.add(key)

    def drop_triple(self, tid: str) -> bool:
        t = self.triples.pop(tid, None)
        if t is not None:
            self.facts[t["subject_id"]].discard(tid)
            self.facts[t["object_id"]].discard(tid)
        return t is not None

    def drop_entity(self, eid: str) -> None:
        self.named[self.entities.pop(eid)["name"]].discard(eid)
        for tid in sorted(self.facts.pop(eid, ())):
            self.drop_triple(tid)
        for aid in self.linked.pop(eid, ()):
            a = self.articles[aid]
            if eid in a.get("mentions", ()):
                a["mentions"] = [m for m in a["mentions"] if m != eid]
            if any(b.get("id") == eid for b in a.get("byline", ())):
                a["byline"] = [{k: v for k, v in b.items() if k != "id"} if b.get("id") == eid else b
                               for b in a["byline"]]

    def split(self, eid: str, articles: set[str], fix: Correction) -> None:
        """The entity's mentions in `articles` become a namesake of their own."""
        old = self.entities[eid]
        moved = sorted(articles & set(old.get("articles", articles)))
        new_id = "e-" + hashlib.sha1(f"{eid}|{','.join(moved)}".encode()).hexdigest()[:12]
        new = dict(old, id=new_id, articles=moved, mentions=len(moved), curated=[])
        old["articles"] = [a for a in old.get("articles", []) if a not in articles]
        old["mentions"] = max(1, old.get("mentions", 1) - len(moved))
        self.entities[new_id] = new
        self.named[new["name"]].add(new_id)
        self.touch(old, fix)
        self.touch(new, fix)
        self.relink(eid, new_id, fix, articles=set(articles))

    def records(self) -> list[dict]:
        return sort_records([*self.articles.values(), *self.entities.values(), *self.triples.values()]) + self.other


def _apply(g: _Graph, fix: Correction) -> None:
    verb, args = fix.verb, fix.args
    if verb == "drop":
        for ref in args:
            if TRIPLE_ID.fullmatch(ref):
                if not g.drop_triple(ref):
                    raise LookupError(f"no triple {ref} in the graph")
            else:
                g.drop_entity(g.find(ref))
        return
    eid = g.find(args[0])
    if verb == "same-as":
        for ref in args[1:]:
            g.merge(eid, g.find(ref), fix)
    elif verb == "rename":
        rec = g.entities[eid]
        rec["aliases"] = [a for a in dict.fromkeys([*rec.get("aliases", []), rec["name"]]) if a != args[1]]
        g.rename(eid, args[1])
        g.touch(rec, fix)
        g.relink(eid, eid, fix)
    elif verb == "alias":
        rec = g.entities[eid]
        for name in args[1:]:
            namesake = next((i for i in sorted(g.named.get(name, ())) if g.entities[i]["type"] == rec["type"]
                             and i != eid), None)
            if namesake is not None:
                g.merge(eid, namesake, fix)      # the alias was extracted as an entity of its own: one now
            elif name != rec["name"] and name not in rec.get("aliases", []):
                rec["aliases"] = [*rec.get("aliases", []), name]
        g.touch(rec, fix)
    elif verb == "not-same-as":
        g.split(eid, set(args[1].split(",")), fix)


def apply_curation(records, corrections: list[Correction]) -> tuple[list[dict], list[str]]:
    """The records with the corrections applied in file order, and a note for each that found nothing.

    A correction that names no entity of this graph (a typo, or a name
    another corpus has) changes nothing and is reported, not fatal.
    """
    g = _Graph(records)
    notes = []
    for fix in corrections:
        try:
            _apply(g, fix)
        except LookupError as exc:
            notes.append(f"{fix.where}: {fix.verb}: {exc.args[0]}; nothing changed")
    return g.records(), notes
