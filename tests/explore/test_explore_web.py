"""The explorer behind a real `kg serve`, over HTTP: its index, routes, errors and headers."""
from __future__ import annotations

import json
import urllib.parse

import pytest
from serving import Endpoint, http

from kg.explore.index import INDEX_NAME


def get_json(ep, path, **params):
    status, headers, body = http("GET", ep.base + "/explore/api/" + path + "?" + urllib.parse.urlencode(params))
    assert headers["Content-Type"].startswith("application/json")
    return status, json.loads(body)


@pytest.fixture(scope="module")
def served(years_graph, tmp_path_factory):
    import shutil

    graph = shutil.copytree(years_graph, tmp_path_factory.mktemp("served") / "graph")
    ep = Endpoint(graph)
    yield ep, graph
    assert ep.stop() == 0


def test_serving_a_dir_writes_its_index_and_the_next_start_reuses_it(served):
    ep, graph = served
    assert (graph / INDEX_NAME).is_file()
    assert any(line.startswith("explorer: ") and "indexed in" in line for line in ep.log)
    again = Endpoint(graph)
    try:
        assert any("index up to date" in line for line in again.log)
        assert get_json(again, "suggest", q="李青山")[1]["entities"][0]["name"] == "李青山"
    finally:
        assert again.stop() == 0


def test_the_page_and_its_assets_come_from_this_origin_under_a_strict_policy(served):
    ep, _ = served
    status, headers, body = http("GET", ep.base + "/explore")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'self'" in csp
    for asset, ctype in (("explore.js", "text/javascript"), ("vis-network.min.js", "text/javascript"),
                         ("explore.css", "text/css")):
        status, headers, body = http("GET", ep.base + "/explore/assets/" + asset)
        assert status == 200 and headers["Content-Type"].startswith(ctype) and body
        assert headers["X-Content-Type-Options"] == "nosniff"
    assert http("GET", ep.base + "/explore/assets/../../kg/cli/rdf.py")[0] == 404
    assert http("GET", ep.base + "/explore/elsewhere")[0] == 404


def test_the_api_answers_json_and_says_what_is_wrong(served):
    ep, _ = served
    status, data = get_json(ep, "suggest", q="李青")
    assert status == 200 and data["entities"][0]["name"] == "李青山"
    eid = data["entities"][0]["id"]
    status, page = get_json(ep, "entity/" + eid)
    assert status == 200 and page["entity"]["id"] == eid and page["offices"]
    status, facts = get_json(ep, "facts/" + eid, preds="visited", **{"from": "2022-01", "to": "2023-12"})
    assert status == 200 and facts["facts"] and all(f["predicate"] == "visited" for f in facts["facts"])
    status, nb = get_json(ep, "neighbours/" + eid, limit=1)
    assert status == 200 and len(nb["nodes"]) == 1 and nb["more"]
    assert get_json(ep, "text", q="免去")[1]["texts"]
    assert get_json(ep, "entity/e-000000000000") == (404, {"error": "no entity 'e-000000000000' in this graph"})
    assert get_json(ep, "facts/" + eid, **{"from": "last year"})[0] == 400
    assert get_json(ep, "neighbours/" + eid, types="Alien")[1] == {"error": "unknown types: Alien"}
    assert get_json(ep, "neighbours/" + eid, offset="x")[0] == 400
    assert get_json(ep, "text", q="")[0] == 400
    assert get_json(ep, "nothing")[0] == 404
    status, src = get_json(ep, "source/" + facts["facts"][0]["id"])
    assert status == 200 and src["match"] == facts["facts"][0]["evidence"]


def test_a_store_has_no_records_to_explore_unless_given_them(years_graph, tmp_path):
    from kg.store.rdf_store import load_into_store

    store = tmp_path / "store"
    load_into_store([years_graph], store)
    bare = Endpoint(store)
    try:
        status, data = get_json(bare, "suggest", q="李")
        assert status == 404 and "--records" in data["error"]
    finally:
        assert bare.stop() == 0
    given = Endpoint(store, "--records", str(years_graph / "triples.jsonl"))
    try:
        assert get_json(given, "suggest", q="李青山")[1]["entities"]
    finally:
        assert given.stop() == 0
