"""Support for tests/test_sparql*.py (no tests here): start a real `kg serve`, talk HTTP to it."""
from __future__ import annotations

import urllib.parse

from real_parts import ROOT
from serving import Endpoint, http  # noqa: F401 - the tests import them from here

FIXTURE = ROOT / "tests" / "data" / "rdf-fixture.jsonl"
QUERIES = ROOT / "queries"


def get_query(url: str, query: str, accept: str = "application/sparql-results+json", **kw):
    return http("GET", url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept}, **kw)


def post_form(url: str, query: str, accept: str = "application/sparql-results+json", key="query"):
    return http("POST", url, urllib.parse.urlencode({key: query}).encode(),
                {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})


def post_direct(url: str, query: str, accept: str = "application/sparql-results+json",
                ctype: str = "application/sparql-query"):
    return http("POST", url, query.encode("utf-8"), {"Accept": accept, "Content-Type": ctype})


def rows(body: bytes) -> list[dict]:
    """SPARQL JSON results -> [{var: value}]."""
    import json
    data = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
