"""Records (docs/format.md) as the parameter rows of the Neo4j loads: checked, typed, grouped by label.

Both loads use them: the MERGE load (:mod:`kg.store.neo4j`) sends them as
``$rows``, the importer path (:mod:`kg.store.neo4j_bulk`) writes them as CSV.

>>> p = prepare([{"kind": "entity", "id": "e-1", "name": "甲", "type": "Person"}])
>>> p["entities"]["Person"][0]["name"]
'甲'
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from kg.records import RecordError, validate_record
from kg.vocab import NEO4J_TYPES as REL_TYPES

def iso_date(value, where: str) -> dt.date | None:
    """Check an ISO date string; the driver sends a datetime.date as a Neo4j DATE."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


# Properties written for each kind. Spelled out (not `SET x += row`) so the
# planner sees they never touch the merge key `id` and needs no Eager step.
ARTICLE_PROPS = ("headline", "subheadlines", "date", "dateline", "page", "pages", "edition", "outlet", "source",
                 "source_sha256", "byline")
# A triple's source file is the source of its article, so it is not repeated
# on every relationship (fewer property writes: loading is property-bound).
TRIPLE_PROPS = ("date", "date_text", "title", "change", "evidence", "article", "span", "page", "bbox", "rule",
                "confidence", "curated")


# A tenure (kg.build.tenures) is a relationship from the person to the body, its time in `from`/`to`.
TENURE_PROPS = ("title", "acting", "from", "to", "appointed", "ended", "articles", "former", "sources")


def entity_row(rec: dict) -> dict:
    return {"id": rec["id"], "name": rec["name"], "type": rec["type"],
            "aliases": list(rec.get("aliases") or []), "code": rec.get("code"),
            "titles": list(rec.get("titles") or []), "curated": list(rec["curated"]) if rec.get("curated") else None}


def article_row(rec: dict) -> dict:
    row = {k: rec.get(k) for k in ARTICLE_PROPS} | {"id": rec["id"]}
    row["subheadlines"] = list(rec.get("subheadlines") or [])
    row["byline"] = [b.get("name") for b in rec.get("byline") or [] if b.get("name")]
    row["date"] = iso_date(rec.get("date"), f"article {rec['id']}")
    return row


def triple_row(rec: dict) -> dict:
    row = {k: rec.get(k) for k in TRIPLE_PROPS} | {"id": rec["id"], "s": rec["subject_id"], "o": rec["object_id"]}
    row["span"] = list(rec["span"]) if rec.get("span") else None
    row["date"] = iso_date(rec.get("date"), f"triple {rec['id']}")
    return row


def tenure_row(rec: dict) -> dict:
    row = {k: rec.get(k) for k in TENURE_PROPS} | {"id": rec["id"], "s": rec["person_id"], "o": rec.get("body_id")}
    row["from"], row["to"] = (iso_date(rec.get(k), f"tenure {rec['id']}") for k in ("first", "last"))
    for k in ("appointed", "ended"):
        row[k] = iso_date(rec.get(k), f"tenure {rec['id']}")
    row["sources"] = list(rec.get("sources") or [])
    return row


def set_clause(var: str, props: tuple[str, ...]) -> str:
    """'a.x = row.x, a.y = row.y' for fixed property names (never data)."""
    return ", ".join(f"{var}.{p} = row.{p}" for p in props)


def prepare(records: Iterable[dict]) -> dict:
    """Check records against docs/format.md and turn them into parameter rows.

    Everything is checked before anything is written, so bad input fails
    with one message naming the record and leaves the graph untouched.

    >>> p = prepare([{"kind": "entity", "id": "e-1", "name": "甲", "type": "Person"}])
    >>> p["entities"]["Person"][0]["name"]
    '甲'
    """
    entities: dict[str, list[dict]] = defaultdict(list)
    triples: dict[str, list[dict]] = defaultdict(list)
    articles, mentions, bylines, tenures, known = [], [], [], [], set()
    raw_triples = []
    for rec in records:
        kind, rid = rec.get("kind"), validate_record(rec).get("id")
        if kind == "entity":
            entities[rec["type"]].append(entity_row(rec))
            known.add(rid)
        elif kind == "article":
            articles.append(article_row(rec))
            mentions += [{"a": rid, "e": e} for e in rec.get("mentions") or []]
            bylines += [{"a": rid, "e": b["id"], "role": b.get("role")}
                        for b in rec.get("byline") or [] if b.get("id")]
        elif kind == "triple":
            raw_triples.append(rec)
        elif kind == "tenure":
            tenures.append(tenure_row(rec))
        # other kinds are not part of the graph; ignore them (forward compatible)
    for rec in raw_triples:
        for end in ("subject_id", "object_id"):
            if rec.get(end) not in known:
                raise RecordError(f"triple {rec['id']}: {end} {rec.get(end)!r} is not an entity of this file")
        triples[REL_TYPES[rec["predicate"]]].append(triple_row(rec))
    for link in (*mentions, *bylines):
        if link["e"] not in known:
            raise RecordError(f"article {link['a']}: entity {link['e']!r} is not an entity of this file")
    for row in tenures:
        if row["s"] not in known or row["o"] not in known:
            raise RecordError(f"tenure {row['id']}: person_id and body_id must be entities of this file")
    return {"entities": dict(entities), "articles": articles, "mentions": mentions,
            "bylines": bylines, "triples": dict(triples), "tenures": tenures}
