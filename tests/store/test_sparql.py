"""The SPARQL endpoint (`kg serve`) over real HTTP: protocol, negotiation, safety, query library."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib

from kg.store.sparql_page import render_query_page
from test_sparql_support import (FIXTURE, QUERIES, Endpoint, get_query, http, post_direct,
                                  post_form, rows)

NAME_Q = ("PREFIX schema: <https://schema.org/> PREFIX kg: <https://kg.example.org/ontology#> "
          "SELECT ?name WHERE { ?o a kg:Official ; schema:name ?name } ORDER BY ?name")
OFFICIALS = ["林望舒", "赵启明", "钱若谷"]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint():
    ep = Endpoint(FIXTURE, "--cors", "http://allowed.test")
    yield ep
    assert ep.stop() == 0                      # SIGTERM: a clean exit


def sorted_names(body):
    return sorted(r["name"] for r in rows(body))


def test_get_query(endpoint):
    status, headers, body = get_query(endpoint.url, NAME_Q)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert sorted_names(body) == sorted(OFFICIALS)


def test_post_form_and_post_direct(endpoint):
    for send in (post_form, post_direct):
        status, _, body = send(endpoint.url, NAME_Q)
        assert status == 200, body
        assert sorted_names(body) == sorted(OFFICIALS)


def test_select_content_negotiation(endpoint):
    status, h, body = post_form(endpoint.url, NAME_Q, "application/sparql-results+xml")
    assert status == 200 and h["Content-Type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert sorted(e.text for e in ET.fromstring(body).findall(".//r:literal", ns)) == sorted(OFFICIALS)

    status, h, body = post_form(endpoint.url, NAME_Q, "text/csv")
    assert status == 200 and h["Content-Type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert table[0] == ["name"] and sorted(r[0] for r in table[1:]) == sorted(OFFICIALS)

    status, h, body = post_form(endpoint.url, NAME_Q, "text/tab-separated-values")
    assert status == 200 and h["Content-Type"].startswith("text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?name" and sorted(lines[1:]) == sorted(f'"{n}"@zh' for n in OFFICIALS)


def test_ask(endpoint):
    ask = "ASK { ?s <https://kg.example.org/ontology#visited> ?o }"
    status, _, body = get_query(endpoint.url, ask)
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = get_query(endpoint.url, ask, "application/sparql-results+xml")
    assert status == 200 and b"<boolean>true</boolean>" in body


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                        ("application/ld+json", "json-ld")])
def test_construct_and_describe_formats(endpoint, accept, fmt):
    construct = ("PREFIX kg: <https://kg.example.org/ontology#> "
                 "CONSTRUCT { ?a kg:visited ?b } WHERE { ?a kg:visited ?b }")
    status, h, body = post_direct(endpoint.url, construct, accept)
    assert status == 200 and h["Content-Type"].startswith(accept)
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert len(g) == 9                          # distinct visited triples in the fixture
    official = next(r["o"] for r in rows(get_query(endpoint.url, NAME_Q.replace(
        "SELECT ?name", "SELECT ?o ?name"))[2]) if r["name"] == "林望舒")
    status, h, body = get_query(endpoint.url, f"DESCRIBE <{official}>", accept)
    assert status == 200
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert rdflib.Literal("林望舒", lang="zh") in set(g.objects())


def test_service_description(endpoint):
    status, h, body = http("GET", endpoint.url, headers={"Accept": "text/turtle"})
    assert status == 200
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert any(g.subjects(rdflib.RDF.type, sd.Service))
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert (None, sd.supportedLanguage, sd.SPARQL11Update) not in g


def test_updates_and_store_writes_are_refused(endpoint):
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    assert post_form(endpoint.url, insert, key="update")[0] == 403
    assert post_direct(endpoint.url, insert, ctype="application/sparql-update")[0] == 403
    assert http("POST", endpoint.base + "/update", b"update=" + insert.encode(),
                {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    for method in ("PUT", "POST", "DELETE"):
        assert http(method, endpoint.base + "/store?default", b"<urn:x:a> <urn:x:b> <urn:x:c> .",
                    {"Content-Type": "application/n-triples"})[0] == 403
    # an update sent as a query is a syntax error, not a write
    assert post_direct(endpoint.url, insert)[0] == 400
    status, _, body = get_query(endpoint.url, "ASK { <urn:x:a> ?p ?o }")
    assert json.loads(body)["boolean"] is False


def test_bad_query_is_400_with_parser_message(endpoint):
    status, h, body = get_query(endpoint.url, "SELECT ?x WHERE { ?x ")
    assert status == 400
    assert b"error at 1:" in body               # Oxigraph's parser message with the position


def test_cors_only_for_configured_origin(endpoint):
    status, h, _ = http("GET", endpoint.url + "?query=ASK%7B%7D", headers={"Origin": "http://allowed.test"})
    assert status == 200 and h["Access-Control-Allow-Origin"] == "http://allowed.test"
    status, h, _ = http("GET", endpoint.url + "?query=ASK%7B%7D", headers={"Origin": "http://other.test"})
    assert status == 200 and h.get("Access-Control-Allow-Origin") is None
    status, h, _ = http("OPTIONS", endpoint.url, headers={"Origin": "http://allowed.test",
                                                          "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in h["Access-Control-Allow-Methods"]


def test_query_page_preloads_examples(endpoint):
    status, h, body = http("GET", endpoint.base + "/")
    assert status == 200 and h["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    for rq in QUERIES.glob("*.rq"):
        assert rq.stem in page
    assert "https://" not in page.split("<script", 1)[1].split("example-data")[0]  # no CDN


def test_query_page_escapes_example_text():
    page = render_query_page([{"name": "x</script><script>alert(1)</script>", "query": "ASK {}"}])
    assert b"</script><script>alert(1)" not in page
    assert page.count(b"</script>") == 2      # only the page's own two script elements


def test_unknown_path_404(endpoint):
    assert http("GET", endpoint.base + "/nothing")[0] == 404


# ---- limits: their own servers, since they need small settings -------------

def test_timeout_answers_503():
    ep = Endpoint(FIXTURE, "--timeout", "1")
    try:
        status, _, body = post_direct(ep.url, HEAVY)
        assert status == 503 and b"timed out" in body
        status, _, body = get_query(ep.url, NAME_Q)   # the server still answers afterwards
        assert status == 200 and sorted_names(body) == sorted(OFFICIALS)
    finally:
        assert ep.stop() == 0


def test_result_size_limit_answers_413():
    ep = Endpoint(FIXTURE, "--max-result-mb", "0.01")   # ~10 KiB
    try:
        status, _, body = post_direct(ep.url, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 413 and b"LIMIT" in body
        status, _, body = post_direct(ep.url, NAME_Q)
        assert status == 200 and sorted_names(body) == sorted(OFFICIALS)
    finally:
        assert ep.stop() == 0


def test_default_bind_is_loopback_and_no_cors():
    ep = Endpoint(FIXTURE)
    try:
        assert ep.url.startswith("http://127.0.0.1:")
        _, h, _ = http("GET", ep.url + "?query=ASK%7B%7D", headers={"Origin": "http://any.test"})
        assert h.get("Access-Control-Allow-Origin") is None
    finally:
        assert ep.stop() == 0
