"""Summaries the saved queries read instead of aggregating the whole graph: one named graph, remade per load.

A whole-graph aggregation over the reified assertions (which fact has the
most readings, how many visits each place had) takes seconds on a
million-triple store. :func:`refresh_summaries` computes them once, after a
load, into the named graph :data:`SUMMARY_GRAPH` (dropped and made again on
every load, so a removal or a second build is counted in):

- a ``kg:FactSummary`` per distinct fact (subject, predicate, object) with
  ``kg:readings`` (its assertions), ``kg:firstDate`` and ``kg:lastDate``;
- on every place visited, ``kg:visitCount`` (its kg:Visit events) and
  ``kg:visitorCount`` (distinct officials);
- on every official, ``kg:placeCount`` (distinct places visited);
- a ``kg:LinkSummary`` per pair of officials who visited (or inspected) the
  same enterprise or campaign: ``kg:officialA``, ``kg:officialB`` (A's IRI
  sorts first), ``kg:sharedCount`` and ``kg:sharedNames`` (the names, 、-joined).

A query reads them with ``GRAPH <https://kg.example.org/summaries> { … }`` (docs/rdf-model.md). The
updates are data (:data:`SUMMARIES`), kept apart from the code that runs them.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> refresh_summaries(store)["quads"]
0
"""
from __future__ import annotations

import pyoxigraph as ox

from kg import vocab
from kg.store.rdf_terms import PREFIXES

SUMMARY_GRAPH = vocab.SUMMARY_GRAPH
_G = f"<{SUMMARY_GRAPH}>"

# name -> SPARQL Update filling the summary graph (it runs over the default graph)
SUMMARIES = {
    "facts": f"""
INSERT {{ GRAPH {_G} {{
  [] a kg:FactSummary ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     kg:readings ?readings ; kg:firstDate ?first ; kg:lastDate ?last }} }}
WHERE {{ SELECT ?s ?p ?o (COUNT(?a) AS ?readings) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
         WHERE {{ ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                  OPTIONAL {{ ?a kg:date ?date }} }}
         GROUP BY ?s ?p ?o }}""",
    "visits": f"""
INSERT {{ GRAPH {_G} {{ ?place kg:visitCount ?visits ; kg:visitorCount ?visitors }} }}
WHERE {{ SELECT ?place (COUNT(DISTINCT ?visit) AS ?visits) (COUNT(DISTINCT ?official) AS ?visitors)
         WHERE {{ ?visit a kg:Visit ; kg:official ?official ; kg:place ?place }}
         GROUP BY ?place }}""",
    "places": f"""
INSERT {{ GRAPH {_G} {{ ?official kg:placeCount ?places }} }}
WHERE {{ SELECT ?official (COUNT(DISTINCT ?place) AS ?places)
         WHERE {{ ?official a kg:Official ; kg:visited ?place }}
         GROUP BY ?official }}""",
    "links": f"""
INSERT {{ GRAPH {_G} {{
  [] a kg:LinkSummary ; kg:officialA ?a ; kg:officialB ?b ; kg:sharedCount ?shared ; kg:sharedNames ?names }} }}
WHERE {{ SELECT ?a ?b (COUNT(DISTINCT ?via) AS ?shared) (GROUP_CONCAT(DISTINCT ?viaName; separator="、") AS ?names)
         WHERE {{ VALUES ?viaType {{ kg:Enterprise kg:Campaign }}
                  ?via a ?viaType ; schema:name ?viaName .
                  ?a kg:visited|kg:inspected ?via .
                  ?b kg:visited|kg:inspected ?via .
                  FILTER (STR(?a) < STR(?b))
                  ?a a kg:Official .
                  ?b a kg:Official }}
         GROUP BY ?a ?b }}""",
}


def refresh_summaries(store: ox.Store) -> dict:
    """Drop the summary graph of `store` and compute it again; return {"quads": n} (its size)."""
    graph = ox.NamedNode(SUMMARY_GRAPH)
    store.remove_graph(graph)
    for update in SUMMARIES.values():
        store.update(update, prefixes=PREFIXES)
    return {"quads": sum(1 for _ in store.quads_for_pattern(None, None, None, graph))}
