"""kg.store.rdf: records -> RDF (docs/rdf-model.md), on the invented fixture."""
from __future__ import annotations


import pytest
import rdflib
import rdflib.compare
from rdflib import RDF, XSD, Literal

from kg.records import RecordError
from kg.store.rdf import ID, KG, PROV, SCHEMA, RdfError, node_iri, records_to_graph, write_rdf
from kg.records import read_records
from real_parts import DATA

FIXTURE = DATA / "rdf-fixture.jsonl"


@pytest.fixture(scope="module")
def records():
    return list(read_records(FIXTURE))


@pytest.fixture(scope="module")
def graph(records):
    return records_to_graph(records)


def entity_id(records, name):
    return next(r["id"] for r in records if r["kind"] == "entity" and r["name"] == name)


def test_entities_typed_and_named(records, graph):
    e = ID[entity_id(records, "林望舒")]
    assert (e, RDF.type, KG.Official) in graph
    assert graph.value(e, SCHEMA.name) == Literal("林望舒", lang="zh")
    area = ID[entity_id(records, "松河区")]
    assert graph.value(area, KG.gbt2260Code) == Literal("990102")


def test_direct_triple_assertion_and_visit_event(records, graph):
    tr = next(r for r in records if r["kind"] == "triple" and r["predicate"] == "visited"
              and r["date"])
    s, o, t = ID[tr["subject_id"]], ID[tr["object_id"]], ID[tr["id"]]
    assert (s, KG.visited, o) in graph
    assert (t, RDF.subject, s) in graph and (t, RDF.object, o) in graph
    assert graph.value(t, KG.evidence) == Literal(tr["evidence"], lang="zh")
    assert graph.value(t, PROV.wasDerivedFrom) == ID[tr["article"]]
    assert graph.value(t, KG.spanStart).toPython() == tr["span"][0]
    visit = rdflib.URIRef(node_iri(tr["id"], "visit"))
    assert (visit, RDF.type, KG.Visit) in graph
    assert graph.value(visit, KG.date) == Literal(tr["date"], datatype=XSD.date)
    assert graph.value(visit, KG.official) == s


def test_position_event_has_title(records, graph):
    tr = next(r for r in records if r["kind"] == "triple" and r["predicate"] == "holdsPosition")
    pos = rdflib.URIRef(node_iri(tr["id"], "position"))
    assert graph.value(pos, KG.title) == Literal(tr["title"], lang="zh")


def test_article_byline_and_source(records, graph):
    art = next(r for r in records if r["kind"] == "article" and r["byline"])
    a = ID[art["id"]]
    assert (a, RDF.type, KG.Article) in graph
    assert graph.value(a, SCHEMA.datePublished) == Literal(art["date"], datatype=XSD.date)
    assert (a, KG.reportedBy, ID[art["byline"][0]["id"]]) in graph
    src = graph.value(a, PROV.wasDerivedFrom)
    assert (src, RDF.type, KG.SourcePage) in graph


@pytest.mark.parametrize("fmt,parse_as", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_write_rdf_round_trips(records, graph, tmp_path, fmt, parse_as):
    path = tmp_path / f"graph.{fmt}"
    n = write_rdf(records, path, fmt)
    back = rdflib.Graph().parse(path, format=parse_as)
    assert n == len(back) == len(graph)
    assert rdflib.compare.isomorphic(back, graph)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_hostile_text_is_escaped_not_pasted(tmp_path):
    nasty = '甲"> . <http://evil/x> <http://evil/p> "pwned\n\\'
    recs = [{"kind": "entity", "id": "e-1 <bad>", "name": nasty, "type": "Person",
             "aliases": ["\ud800"]},
            {"kind": "triple", "id": "t-1", "subject_id": "e-1 <bad>", "predicate": "visited",
             "object_id": "e-2", "rule": "r/../x y", "evidence": nasty}]
    for fmt, parse_as in (("ttl", "turtle"), ("nt", "nt")):
        path = tmp_path / f"x.{fmt}"
        write_rdf(recs, path, fmt)
        g = rdflib.Graph().parse(path, format=parse_as)
        assert not any("evil" in str(term) for tr in g for term in tr if isinstance(term, rdflib.URIRef))
        assert Literal(nasty, lang="zh") in set(g.objects())


def test_identical_records_do_not_duplicate_triples(records, tmp_path):
    n1 = write_rdf(records, tmp_path / "a.nt", "nt")
    n2 = write_rdf(records + records, tmp_path / "b.nt", "nt")
    assert n1 == n2


def test_bad_records_raise_naming_the_record(tmp_path):
    with pytest.raises(RecordError, match="e-9"):
        write_rdf([{"kind": "entity", "id": "e-9", "name": "甲", "type": "Alien"}], tmp_path / "x.ttl")
    with pytest.raises(RecordError, match="t-9"):
        write_rdf([{"kind": "triple", "id": "t-9", "subject_id": "e-1", "predicate": "likes",
                    "object_id": "e-2"}], tmp_path / "x.ttl")
    with pytest.raises(RdfError, match="format"):
        write_rdf([], tmp_path / "x.rdf", "rdfxml")
    assert not (tmp_path / "x.ttl").exists()


def test_invalid_date_kept_as_text(tmp_path):
    recs = [{"kind": "triple", "id": "t-1", "subject_id": "e-1", "predicate": "visited",
             "object_id": "e-2", "date": "2021-02-30"}]
    g = records_to_graph(recs)
    assert g.value(ID["t-1"], KG.date) is None
    assert str(g.value(ID["t-1"], KG.dateText)) == "2021-02-30"


def test_pdf_page_and_box_of_the_evidence_and_the_pages_of_a_continued_article():
    recs = [{"kind": "article", "id": "a-1", "page": 1, "pages": [1, 2], "edition": "A01"},
            {"kind": "triple", "id": "t-1", "subject_id": "e-1", "predicate": "visited", "object_id": "e-2",
             "article": "a-1", "page": 2, "bbox": [30.5, 88.0, 280.25, 120.0]},
            {"kind": "triple", "id": "t-2", "subject_id": "e-1", "predicate": "visited", "object_id": "e-3",
             "page": True, "bbox": ["x"]}]                     # not a page: nothing is written
    g = records_to_graph(recs)
    art = node_iri("a-1")
    assert g.value(rdflib.URIRef(art), SCHEMA.pageEnd) == Literal(2, datatype=XSD.integer)
    assert str(g.value(rdflib.URIRef(art), KG.edition)) == "A01"
    assert g.value(ID["t-1"], SCHEMA.pageStart) == Literal(2, datatype=XSD.integer)
    assert str(g.value(ID["t-1"], KG.bbox)) == "30.5 88 280.25 120"
    assert g.value(ID["t-2"], SCHEMA.pageStart) is None and g.value(ID["t-2"], KG.bbox) is None


def test_json_ld_is_compacted_with_the_shipped_context(records, graph, tmp_path):
    import json

    from kg.store.jsonld import context
    from kg.store.rdf import PREFIXES

    assert context() == PREFIXES                     # the shipped file and the serialisers agree
    path = tmp_path / "graph.jsonld"
    write_rdf(records, path, "jsonld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"] == PREFIXES and doc["@graph"]
    keys = {k for node in doc["@graph"] for k in node if not k.startswith("@")}
    assert "rdf:type" in keys and "kg:evidence" in keys and not any(k.startswith("http") for k in keys)
    assert all(node["@id"].startswith(("id:", "_:")) for node in doc["@graph"])
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(path, format="json-ld"), graph)


def test_hostile_text_stays_a_literal_in_json_ld(tmp_path):
    nasty = '甲"}, {"@id": "http://evil/x", "http://evil/p": "pwned'
    recs = [{"kind": "entity", "id": "e-1", "name": nasty, "type": "Person"},
            {"kind": "entity", "id": "e-2", "name": "乙", "type": "Place"},
            {"kind": "triple", "id": "t-1", "subject_id": "e-1", "predicate": "visited", "object_id": "e-2",
             "evidence": nasty}]
    path = tmp_path / "x.jsonld"
    write_rdf(recs, path, "jsonld")
    g = rdflib.Graph().parse(path, format="json-ld")
    assert not any("evil" in str(term) for tr in g for term in tr if isinstance(term, rdflib.URIRef))
    assert Literal(nasty, lang="zh") in set(g.objects())
