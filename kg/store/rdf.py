"""RDF emission: records (docs/format.md) -> triples in the kg ontology.

The model is described in docs/rdf-model.md and ontology/kg.ttl.  In short,
every triple record gives a *direct* triple (``<e-a> kg:visited <e-b>``), a
reified ``kg:Assertion`` (``<t-…>``) carrying its provenance (article,
evidence sentence, span, rule, confidence, date, title), and, for visits and
positions, an event node (``<t-…/visit>``, ``<t-…/position>``).

One generator, :func:`record_triples`, turns records into (s, p, o) tuples
through a small *term factory*, so the same code feeds rdflib (for pySHACL
and general use: :func:`records_to_graph`) and pyoxigraph (fast
serialisation and the SPARQL store: :func:`oxigraph_triples`,
:func:`write_rdf`).  Every term is built by the library's constructors from
plain values; nothing from the text is pasted into RDF syntax.

>>> recs = [{"kind": "entity", "id": "e-1", "name": "甲市", "type": "AdministrativeArea",
...          "code": "990100"}]
>>> g = records_to_graph(recs)
>>> str(g.value(ID["e-1"], SCHEMA.name))
'甲市'
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
import rdflib

from kg.records import atomic_writer, validate_record
from kg.store.rdf_tenure import tenure_triples
# rdflib's RDF, RDFS and XSD, each term looked up once
from kg.store.rdf_terms import RDF_TERMS as RDF, RDFS_TERMS as RDFS, XSD_TERMS as XSD
from kg.store.rdf_terms import (ID, KG, NTRIPLES_TERMS, OXIGRAPH_TERMS, PREFIXES, PROV, RDFLIB_TERMS, SCHEMA,
                                Terms, clean, iso_date, node_iri)
from kg.vocab import CHANGES, RELATIONS

__all__ = ["ID", "KG", "NTRIPLES_TERMS", "OXIGRAPH_TERMS", "PREFIXES", "PROV", "RDFLIB_TERMS", "SCHEMA", "Terms",
           "clean", "iso_date", "node_iri", "oxigraph_quads", "oxigraph_triples", "record_triples",
           "records_to_graph", "write_rdf", "RdfError", "FORMATS"]


# fmt argument of write_rdf -> pyoxigraph format
FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD,
}

_HEX = re.compile(r"[0-9a-fA-F]{16,}")


class RdfError(ValueError):
    """An RDF output that cannot be written (an unknown format)."""


def _decimal(x) -> str:
    s = f"{float(x):.4f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


def _source_iri(rec: dict) -> str | None:
    sha = rec.get("source_sha256")
    if isinstance(sha, str) and _HEX.fullmatch(sha):
        return node_iri("s-" + sha[:16].lower())
    if rec.get("source"):
        return node_iri("s-" + hashlib.sha1(clean(rec["source"]).encode()).hexdigest()[:16])
    return None


def record_triples(records: Iterable[dict], t: Terms = RDFLIB_TERMS) -> Iterator[tuple]:
    """Yield (s, p, o) for every record, terms built with `t`.

    >>> rec = {"kind": "triple", "id": "t-9", "subject_id": "e-1", "predicate": "visited",
    ...        "object_id": "e-2", "date": "2021-01-02", "article": "a-1"}
    >>> (ID["e-1"], KG.visited, ID["e-2"]) in set(record_triples([rec]))
    True
    """
    emit = {"article": _article, "entity": _entity, "triple": _triple, "tenure": tenure_triples}
    for rec in records:
        kind = rec.get("kind")
        if kind in emit:            # other kinds are not part of the graph (forward compatible)
            yield from emit[kind](validate_record(rec), t)


def _article(rec: dict, t: Terms) -> Iterator[tuple]:
    a = t.iri(node_iri(rec["id"]))
    yield a, t.iri(RDF.type), t.iri(KG.Article)
    if rec.get("headline"):
        yield a, t.iri(SCHEMA.headline), t.lang(clean(rec["headline"]), "zh")
    for sub in rec.get("subheadlines") or ():
        yield a, t.iri(SCHEMA.alternativeHeadline), t.lang(clean(sub), "zh")
    if rec.get("dateline"):
        yield a, t.iri(KG.dateline), t.lang(clean(rec["dateline"]), "zh")
    date = iso_date(rec.get("date"))
    if date:
        yield a, t.iri(SCHEMA.datePublished), t.typed(date, XSD.date)
    if _count(rec.get("page")):
        yield a, t.iri(SCHEMA.pageStart), t.typed(str(rec["page"]), XSD.integer)
    pages = rec.get("pages")
    if isinstance(pages, list) and len(pages) > 1 and _count(pages[-1]):
        yield a, t.iri(SCHEMA.pageEnd), t.typed(str(pages[-1]), XSD.integer)
    if isinstance(rec.get("edition"), str) and rec["edition"]:
        yield a, t.iri(KG.edition), t.plain(clean(rec["edition"]))
    yield from _span(a, rec.get("span"), t)
    src = _source_iri(rec)
    if src:
        s = t.iri(src)
        yield a, t.iri(PROV.wasDerivedFrom), s
        yield s, t.iri(RDF.type), t.iri(KG.SourcePage)
        if rec.get("source"):
            yield s, t.iri(KG.sourcePath), t.plain(clean(rec["source"]))
        if rec.get("source_sha256"):
            yield s, t.iri(KG.sha256), t.plain(clean(rec["source_sha256"]))
    for credit in rec.get("byline") or ():
        if not isinstance(credit, dict) or not credit.get("id"):
            continue
        j = t.iri(node_iri(credit["id"]))
        c = t.iri(node_iri(rec["id"], "credit", credit["id"]))
        yield a, t.iri(KG.reportedBy), j
        yield a, t.iri(KG.credit), c
        yield c, t.iri(RDF.type), t.iri(KG.BylineCredit)
        yield c, t.iri(KG.journalist), j
        if credit.get("role"):
            yield c, t.iri(KG.bylineRole), t.lang(clean(credit["role"]), "zh")
    mentions = t.iri(SCHEMA.mentions)        # an article mentions dozens: one term for all
    for eid in rec.get("mentions") or ():
        yield a, mentions, t.iri(node_iri(eid))


def _entity(rec: dict, t: Terms) -> Iterator[tuple]:
    etype = rec["type"]
    e = t.iri(node_iri(rec["id"]))
    name = t.lang(clean(rec["name"]), "zh")
    yield e, t.iri(RDF.type), t.iri(KG[etype])
    yield e, t.iri(SCHEMA.name), name
    yield e, t.iri(RDFS.label), name
    for alias in rec.get("aliases") or ():
        yield e, t.iri(SCHEMA.alternateName), t.lang(clean(alias), "zh")
    if rec.get("code"):
        yield e, t.iri(KG.gbt2260Code), t.plain(clean(rec["code"]))
    for title in rec.get("titles") or ():
        yield e, t.iri(KG.title), t.lang(clean(title), "zh")
    if isinstance(rec.get("mentions"), int):
        yield e, t.iri(KG.mentionCount), t.typed(str(rec["mentions"]), XSD.integer)
    yield from _curation(e, rec, t)
    for aid in rec.get("articles") or ():
        yield t.iri(node_iri(aid)), t.iri(SCHEMA.mentions), e


def _curation(node, rec: dict, t: Terms) -> Iterator[tuple]:
    """kg:curation of each correction that changed the record (kg.build.curate)."""
    for label in rec.get("curated") or ():
        yield node, t.iri(KG.curation), t.plain(clean(label))


def _triple(rec: dict, t: Terms) -> Iterator[tuple]:
    pred = rec["predicate"]
    s, p, o = t.iri(node_iri(rec["subject_id"])), t.iri(KG[pred]), t.iri(node_iri(rec["object_id"]))
    yield s, p, o                                   # the direct triple: simple SPARQL stays simple
    st = t.iri(node_iri(rec["id"]))                 # the reified assertion: provenance
    yield st, t.iri(RDF.type), t.iri(KG.Assertion)
    yield st, t.iri(RDF.subject), s
    yield st, t.iri(RDF.predicate), p
    yield st, t.iri(RDF.object), o
    yield from _curation(st, rec, t)
    date = iso_date(rec.get("date"))
    date_lit = t.typed(date, XSD.date) if date else None
    if date_lit:
        yield st, t.iri(KG.date), date_lit
    date_text = rec.get("date_text") or (rec.get("date") if rec.get("date") and not date else None)
    if date_text:
        yield st, t.iri(KG.dateText), t.lang(clean(date_text), "zh")
    title = t.lang(clean(rec["title"]), "zh") if rec.get("title") else None
    if title:
        yield st, t.iri(KG.title), title
    if rec.get("change") in CHANGES:
        yield st, t.iri(KG.change), t.plain(rec["change"])
    art = t.iri(node_iri(rec["article"])) if rec.get("article") else None
    if art:
        yield st, t.iri(PROV.wasDerivedFrom), art
    if rec.get("evidence"):
        yield st, t.iri(KG.evidence), t.lang(clean(rec["evidence"]), "zh")
    yield from _span(st, rec.get("span"), t)
    yield from _printed(st, rec, t)
    if rec.get("rule"):
        rule = t.iri(node_iri("rule", clean(rec["rule"])))
        yield st, t.iri(PROV.wasGeneratedBy), rule
        yield rule, t.iri(RDF.type), t.iri(KG.ExtractionRule)
        yield rule, t.iri(RDFS.label), t.plain(clean(rec["rule"]))
    if isinstance(rec.get("confidence"), (int, float)):
        yield st, t.iri(KG.confidence), t.typed(_decimal(rec["confidence"]), XSD.decimal)
    if RELATIONS[pred].event:
        yield from _event(rec, t, s, o, st, art, date_lit, title)


# event class -> (IRI suffix of the event node, subject role, object role, what the event carries)
EVENTS = {"Visit": ("visit", KG.official, KG.place, KG.date),
          "PositionHolding": ("position", KG.holder, KG.organization, KG.title)}


def _event(rec, t, s, o, st, art, date_lit, title) -> Iterator[tuple]:
    """n-ary event node: kg:Visit(official, place, date) or kg:PositionHolding(holder, org, title)."""
    event = RELATIONS[rec["predicate"]].event
    suffix, subject_role, object_role, carried = EVENTS[event]
    ev = t.iri(node_iri(rec["id"], suffix))
    yield ev, t.iri(RDF.type), t.iri(KG[event])
    yield ev, t.iri(subject_role), s
    yield ev, t.iri(object_role), o
    value = date_lit if carried == KG.date else title
    if value:
        yield ev, t.iri(carried), value
    if art:
        yield ev, t.iri(PROV.wasDerivedFrom), art
    yield st, t.iri(KG.event), ev


def _count(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool) and x >= 1


def _printed(node, rec: dict, t: Terms) -> Iterator[tuple]:
    """The PDF page and box of a triple's evidence sentence, when the source was a PDF."""
    box = rec.get("bbox")
    if not _count(rec.get("page")):
        return
    yield node, t.iri(SCHEMA.pageStart), t.typed(str(rec["page"]), XSD.integer)
    if isinstance(box, list) and len(box) == 4 and all(isinstance(x, (int, float)) and not isinstance(x, bool)
                                                       for x in box):
        yield node, t.iri(KG.bbox), t.plain(" ".join(f"{float(x):g}" for x in box))


def _span(node, span, t: Terms) -> Iterator[tuple]:
    if (isinstance(span, (list, tuple)) and len(span) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in span)):
        yield node, t.iri(KG.spanStart), t.typed(str(span[0]), XSD.integer)
        yield node, t.iri(KG.spanEnd), t.typed(str(span[1]), XSD.integer)


def records_to_graph(records: Iterable[dict]) -> rdflib.Graph:
    """An rdflib Graph of the records, with the kg prefixes bound."""
    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    add = g.add
    for triple in record_triples(records, RDFLIB_TERMS):
        add(triple)
    return g


def oxigraph_triples(records: Iterable[dict]) -> Iterator[ox.Triple]:
    """pyoxigraph Triples of the records (for serialisation and the store)."""
    for s, p, o in record_triples(records, OXIGRAPH_TERMS):
        yield ox.Triple(s, p, o)


def oxigraph_quads(records: Iterable[dict]) -> Iterator[ox.Quad]:
    """pyoxigraph Quads in the default graph (for Store.extend / bulk_extend)."""
    for s, p, o in record_triples(records, OXIGRAPH_TERMS):
        yield ox.Quad(s, p, o)


def write_rdf(records: Iterable[dict], path: str | os.PathLike, fmt: str = "ttl") -> int:
    """Write the records as RDF (fmt: ttl, nt or jsonld) atomically; return the triple count.

    Duplicate triples (an entity mentioned by many records) are written once.
    pyoxigraph serialises: it is several times faster than rdflib here
    (see docs/rdf-model.md for the figures).
    """
    try:
        rdf_format = FORMATS[fmt.lower()]
    except KeyError:
        raise RdfError(f"unknown RDF format {fmt!r}: use one of ttl, nt, jsonld") from None
    # Deduplicate and sort by subject so Turtle groups a subject's triples
    # and the output is deterministic whatever the record order.
    triples = sorted(set(oxigraph_triples(records)), key=triple_sort_key)
    prefixes = PREFIXES if rdf_format is not ox.RdfFormat.N_TRIPLES else None
    with atomic_writer(path, "wb") as fh:
        if rdf_format is ox.RdfFormat.JSON_LD:      # compacted with the shipped @context
            from kg.store.jsonld import compact

            expanded = json.loads(ox.serialize(triples, None, rdf_format))
            fh.write(json.dumps(compact(expanded), ensure_ascii=False).encode("utf-8"))
        else:
            ox.serialize(triples, fh, rdf_format, prefixes=prefixes)
    return len(triples)


def triple_sort_key(tr: ox.Triple):
    # subject, then rdf:type first, then the rest, for readable Turtle
    p = tr.predicate.value
    return (tr.subject.value, p != str(RDF.type), p, str(tr.object))
