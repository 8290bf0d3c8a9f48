"""SPARQL 1.1 Protocol conformance of `kg serve`, test by test after the W3C protocol test suite.

Each case makes the request one test of w3c/rdf-tests ``sparql11/protocol``
describes and checks what that test checks (status class, result type,
boolean), on a dataset of our own: three named graphs, each saying that its
own IRI is a document. The update tests are refused by design (the endpoint
is read-only): they must get 403.
"""
from __future__ import annotations

import http.client
import json
import urllib.parse

import pytest

from test_sparql_support import Endpoint


def send(method: str, url: str, body: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of exactly this request: no header added (urllib would add a Content-Type)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(method, parts.path + ("?" + parts.query if parts.query else ""), body=body,
                     headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.headers, resp.read()
    finally:
        conn.close()

DATA = "http://kasei.us/2009/09/sparql/data/"
D1, D2, D3 = (f"{DATA}data{n}.rdf" for n in (1, 2, 3))
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
BOOLEAN = ("application/sparql-results+json", "application/sparql-results+xml")
RESULTS = BOOLEAN + ("text/csv", "text/tab-separated-values")
GRAPHS = ("text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("protocol") / "store"
    store = ox.Store(str(path))
    doc = ox.NamedNode("http://example.org/ns#Document")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for g in (D1, D2, D3):
        store.add(ox.Quad(ox.NamedNode(g), rdf_type, doc, ox.NamedNode(g)))
    store.flush()
    del store
    ep = Endpoint(path)
    yield ep
    assert ep.stop() == 0


def q(params: dict | list) -> str:
    return "?" + urllib.parse.urlencode(params, doseq=True)


ASK_12 = f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"
ASK_NAMED = f"ASK {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
ASK_FULL = f"ASK {{ <{D3}> a ?type GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
CASES = {
    # name: (method, query string, headers, body, expected status class, expected boolean or content types)
    "query_post_form": ("POST", q({"default-graph-uri": f"{DATA}data0.rdf"}), {"Content-Type": FORM},
                        b"query=ASK%20%7B%7D", 2, True),
    "query_dataset_default_graphs_get": ("GET", q([("query", ASK_12), ("default-graph-uri", D1),
                                                   ("default-graph-uri", D2)]), {}, None, 2, True),
    "query_dataset_default_graphs_post": ("POST", q([("default-graph-uri", D1), ("default-graph-uri", D2)]),
                                          {"Content-Type": DIRECT}, ASK_12.encode(), 2, True),
    "query_dataset_named_graphs_post": ("POST", q([("named-graph-uri", D1), ("named-graph-uri", D2)]),
                                        {"Content-Type": DIRECT}, ASK_NAMED.encode(), 2, True),
    "query_dataset_named_graphs_get": ("GET", q([("query", ASK_NAMED), ("named-graph-uri", D1),
                                                 ("named-graph-uri", D2)]), {}, None, 2, True),
    "query_dataset_full": ("POST", q([("default-graph-uri", D3), ("named-graph-uri", D1), ("named-graph-uri", D2)]),
                           {"Content-Type": DIRECT}, ASK_FULL.encode(), 2, True),
    "query_multiple_dataset": ("POST", q({"default-graph-uri": D2}), {"Content-Type": DIRECT},
                               f"ASK FROM <{D3}> {{ <{D2}> a ?type }}".encode(), 2, True),
    "query_get": ("GET", q({"query": "SELECT * WHERE { ?s ?p ?o }"}), {}, None, 2, RESULTS),
    "query_content_type_select": ("GET", q({"query": "SELECT (1 AS ?value) {}"}), {}, None, 2, RESULTS),
    "query_content_type_ask": ("GET", q({"query": "ASK {}"}), {}, None, 2, BOOLEAN),
    "query_content_type_describe": ("POST", "", {"Content-Type": DIRECT}, b"DESCRIBE <http://example.org/>",
                                    2, GRAPHS),
    "query_content_type_construct": ("POST", "", {"Content-Type": DIRECT},
                                     b"CONSTRUCT { <s> <p> 1 } WHERE {}", 2, GRAPHS),
    "query_post_direct": ("POST", "", {"Content-Type": DIRECT}, b"SELECT * WHERE { ?s ?p ?o }", 2, RESULTS),
    "bad_query_method": ("PUT", q({"query": "ASK {}"}), {}, None, 4, None),
    "bad_multiple_queries": ("GET", q([("query", "ASK {}"), ("query", "SELECT * {}")]), {}, None, 4, None),
    "bad_query_wrong_media_type": ("POST", "", {"Content-Type": "text/plain"}, b"ASK {}", 4, None),
    "bad_query_missing_form_type": ("POST", "", {}, b"query=ASK%20%7B%7D", 4, None),
    "bad_query_missing_direct_type": ("POST", "", {}, b"ASK {}", 4, None),
    "bad_query_non_utf8": ("POST", "", {"Content-Type": DIRECT + "; charset=ISO-8859-1"},
                           "ASK { ?s ?p 'caf\u00e9' }".encode("latin-1"), 4, None),
    "bad_query_syntax": ("GET", q({"query": "ASK {"}), {}, None, 4, None),
    "bad_update_get": ("GET", q({"update": "CLEAR ALL"}), {}, None, 4, None),
    "bad_multiple_updates": ("POST", "", {"Content-Type": FORM}, b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
                             4, None),
    "bad_update_wrong_media_type": ("POST", "", {"Content-Type": "text/plain"}, b"CLEAR NAMED", 4, None),
    "bad_update_missing_form_type": ("POST", "", {}, b"update=CLEAR%20NAMED", 4, None),
    "bad_update_non_utf8": ("POST", "", {"Content-Type": "application/sparql-update; charset=ISO-8859-1"},
                            "CLEAR GRAPH <http://example.org/caf\u00e9>".encode("latin-1"), 4, None),
    "bad_update_syntax": ("POST", "", {"Content-Type": "application/sparql-update"}, b"CLEAR XYZ", 4, None),
    "bad_update_dataset_conflict": ("POST", q({"using-graph-uri": D1}), {"Content-Type": "application/sparql-update"},
                                    f"DELETE {{ ?s ?p ?o }} USING <{D2}> WHERE {{ ?s ?p ?o }}".encode(), 4, None),
}
UPDATES = {   # refused by design: the endpoint is read-only
    "update_dataset_default_graph": f"INSERT {{ <s> <p> 1 }} USING <{D1}> WHERE {{}}",
    "update_dataset_default_graphs": f"INSERT {{ <s> <p> 1 }} USING <{D1}> USING <{D2}> WHERE {{}}",
    "update_dataset_named_graphs": f"INSERT {{ <s> <p> 1 }} USING NAMED <{D1}> WHERE {{}}",
    "update_dataset_full": f"INSERT {{ <s> <p> 1 }} USING <{D3}> USING NAMED <{D1}> WHERE {{}}",
    "update_post_form": "CLEAR NAMED",
    "update_post_direct": "CLEAR NAMED",
    "update_base_uri": "INSERT DATA { <s> <p> <o> }",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_protocol(endpoint, name):
    method, query, headers, body, klass, expect = CASES[name]
    status, resp_headers, data = send(method, endpoint.url + query, body, headers)
    assert status // 100 == klass, (status, data[:200])
    if expect is None:
        return
    ctype = (resp_headers.get("Content-Type") or "").split(";")[0]
    if expect is True:
        assert ctype in BOOLEAN and json.loads(data)["boolean"] is True
    else:
        assert ctype in expect, ctype


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_updates_are_refused_by_design(endpoint, name):
    text = UPDATES[name]
    if name == "update_post_form":
        status, _, _ = send("POST", endpoint.url, urllib.parse.urlencode({"update": text}).encode(),
                            {"Content-Type": FORM})
    else:
        status, _, _ = send("POST", endpoint.url, text.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403
