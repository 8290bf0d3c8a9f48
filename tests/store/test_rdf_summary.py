"""The store's summary graph (kg.store.rdf_summary): the counts equal the aggregations they replace,
and a later load (a second build, a removal) remakes them."""
from __future__ import annotations

import json

import pyoxigraph as ox

from kg.store.rdf_store import load_into_store
from kg.store.rdf_terms import PREFIXES
from kg.vocab import SUMMARY_GRAPH
from test_sparql_support import FIXTURE

G = f"<{SUMMARY_GRAPH}>"


def rows(store_path, query):
    store = ox.Store.read_only(str(store_path))
    try:
        return {tuple(None if t is None else t.value for t in r) for r in store.query(query, prefixes=PREFIXES)}
    finally:
        del store


FACTS_AGGREGATED = """SELECT ?s ?p ?o (COUNT(?a) AS ?n) (MIN(?d) AS ?first) WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . OPTIONAL { ?a kg:date ?d } }
  GROUP BY ?s ?p ?o"""
FACTS_SUMMARY = f"""SELECT ?s ?p ?o ?n ?first WHERE {{ GRAPH {G} {{
  ?f a kg:FactSummary ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:readings ?n .
  OPTIONAL {{ ?f kg:firstDate ?first }} }} }}"""
VISITS_AGGREGATED = """SELECT ?place (COUNT(DISTINCT ?v) AS ?n) (COUNT(DISTINCT ?o) AS ?m) WHERE {
  ?v a kg:Visit ; kg:official ?o ; kg:place ?place } GROUP BY ?place"""
VISITS_SUMMARY = f"SELECT ?place ?n ?m WHERE {{ GRAPH {G} {{ ?place kg:visitCount ?n ; kg:visitorCount ?m }} }}"


def test_the_summaries_are_the_aggregations_they_stand_for(tmp_path):
    store = tmp_path / "store"
    load_into_store([FIXTURE], store)
    facts = rows(store, FACTS_AGGREGATED)
    assert facts and rows(store, FACTS_SUMMARY) == facts
    assert max(int(r[3]) for r in facts) >= 2                  # a fact read twice is counted twice
    visits = rows(store, VISITS_AGGREGATED)
    assert visits and rows(store, VISITS_SUMMARY) == visits
    places = rows(store, "SELECT ?o (COUNT(DISTINCT ?p) AS ?n) WHERE { ?o a kg:Official ; kg:visited ?p } GROUP BY ?o")
    assert rows(store, f"SELECT ?o ?n WHERE {{ GRAPH {G} {{ ?o kg:placeCount ?n }} }}") == places


def test_a_later_load_remakes_them(tmp_path):
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    first_article = next(r["id"] for r in recs if r["kind"] == "article")
    part = tmp_path / "part.jsonl"
    part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs
                            if r["kind"] != "triple" or r["article"] == first_article), encoding="utf-8")
    store = tmp_path / "store"
    load_into_store([part], store)
    few = rows(store, FACTS_SUMMARY)
    assert few == rows(store, FACTS_AGGREGATED)
    load_into_store([FIXTURE], store)                            # the rest of the graph arrives
    assert rows(store, FACTS_SUMMARY) == rows(store, FACTS_AGGREGATED) and len(rows(store, FACTS_SUMMARY)) > len(few)
    assert rows(store, VISITS_SUMMARY) == rows(store, VISITS_AGGREGATED)


def test_pairs_of_officials_are_counted_once_with_what_they_share(tmp_path):
    store = tmp_path / "store"
    load_into_store([FIXTURE], store)
    pairs = rows(store, """SELECT ?a ?b (COUNT(DISTINCT ?via) AS ?n) WHERE {
        VALUES ?t { kg:Enterprise kg:Campaign } ?via a ?t .
        ?a kg:visited|kg:inspected ?via . ?b kg:visited|kg:inspected ?via . FILTER (STR(?a) < STR(?b))
        ?a a kg:Official . ?b a kg:Official } GROUP BY ?a ?b""")
    assert pairs and rows(store, f"""SELECT ?a ?b ?n WHERE {{ GRAPH {G} {{
        ?l a kg:LinkSummary ; kg:officialA ?a ; kg:officialB ?b ; kg:sharedCount ?n }} }}""") == pairs
