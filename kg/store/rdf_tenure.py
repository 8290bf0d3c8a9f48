"""A tenure record (kg.build.tenures) as RDF: an event node of class kg:Tenure.

    id:u-…  a kg:Tenure ;
        kg:holder id:e-<person> ; kg:organization id:e-<body> ; kg:title "市长"@zh ;
        schema:startDate "2021-03-02"^^xsd:date ; schema:endDate "2023-02-01"^^xsd:date ;
        kg:appointedOn … ; kg:endedOn … ;        # when an appointment or a 免去 shows it
        kg:acting false ; kg:articleCount 3 ; kg:formerCount 1 ;
        kg:follows id:u-… ;                      # the predecessor's tenure of the same office
        prov:wasDerivedFrom id:a-… ; kg:supportedBy id:t-… .

The dates are the first and last publication dates the corpus shows the
office on (docs/time.md), not the dates of the appointment decree.

>>> from kg.store.rdf_terms import RDFLIB_TERMS, KG
>>> rec = {"kind": "tenure", "id": "u-1", "person_id": "e-1", "body_id": "e-2", "title": "市长",
...        "acting": False, "first": "2021-03-02", "last": "2022-01-05", "articles": 2, "former": 0,
...        "sources": ["a-1"], "evidence": ["t-1"]}
>>> (KG.Tenure in {o for _, _, o in tenure_triples(rec, RDFLIB_TERMS)})
True
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.store.rdf_terms import RDF_TERMS as RDF  # rdflib's RDF and XSD, each term looked up once
from kg.store.rdf_terms import XSD_TERMS as XSD
from kg.store.rdf_terms import KG, PROV, SCHEMA, Terms, clean, iso_date, node_iri

DATES = (("first", SCHEMA.startDate), ("last", SCHEMA.endDate), ("appointed", KG.appointedOn),
         ("ended", KG.endedOn))
COUNTS = (("articles", KG.articleCount), ("former", KG.formerCount))


def tenure_triples(rec: dict, t: Terms) -> Iterator[tuple]:
    """The triples of one tenure record (checked by kg.records.validate_record before)."""
    node = t.iri(node_iri(rec["id"]))
    yield node, t.iri(RDF.type), t.iri(KG.Tenure)
    yield node, t.iri(KG.holder), t.iri(node_iri(rec["person_id"]))
    if rec.get("body_id"):
        yield node, t.iri(KG.organization), t.iri(node_iri(rec["body_id"]))
    yield node, t.iri(KG.title), t.lang(clean(rec["title"]), "zh")
    yield node, t.iri(KG.acting), t.typed("true" if rec.get("acting") else "false", XSD.boolean)
    for field, prop in DATES:
        date = iso_date(rec.get(field))
        if date:
            yield node, t.iri(prop), t.typed(date, XSD.date)
    for field, prop in COUNTS:
        if isinstance(rec.get(field), int):
            yield node, t.iri(prop), t.typed(str(rec[field]), XSD.integer)
    if rec.get("follows"):
        yield node, t.iri(KG.follows), t.iri(node_iri(rec["follows"]))
    for article in rec.get("sources") or ():
        yield node, t.iri(PROV.wasDerivedFrom), t.iri(node_iri(article))
    for triple in rec.get("evidence") or ():
        yield node, t.iri(KG.supportedBy), t.iri(node_iri(triple))
