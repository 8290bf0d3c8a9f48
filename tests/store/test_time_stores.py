"""`kg who` and `kg career` answer from the real stores as from the build folder, and the saved Cypher
queries about time run on a real Neo4j: the suite's invented corpus of years (tests/years.py)."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from cli_helpers import run_kg
from neo4j_helpers import kg_command
from real_parts import ROOT
from test_sparql_support import Endpoint
from years import build_years

ASKED = [("who", "--title", "市长", "--body", "保定市政府", "--on", "2022-10-01"),
         ("who", "--title", "市长", "--body", "保定市政府"),
         ("who", "--title", "副市长", "--on", "2021-12-01"),
         ("who", "--title", "县长"),
         ("career", "王志刚"), ("career", "李青山"), ("career", "吴海"), ("career", "王志刚", "--area", "涞水县")]


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_years(tmp_path_factory.mktemp("years"))


def kg(env: dict, *args) -> subprocess.CompletedProcess:
    """This checkout's kg in a child process, with the Neo4j connection of `env`."""
    return subprocess.run([*kg_command()[:-1], *map(str, args)], capture_output=True, text=True,
                          env=os.environ | env | {"PYTHONPATH": str(ROOT)}, cwd=ROOT)


def answer(command: tuple, source: tuple, env: dict | None = None) -> list[dict]:
    """The JSON rows of `kg who|career` on a source (DIR, or --store/--sparql/--neo4j) put after the verb."""
    verb, *rest = command
    res = kg(env or {}, verb, *source, *rest, "--format", "json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_the_oxigraph_store_and_the_sparql_endpoint_answer_as_the_build(graph, tmp_path):
    store = tmp_path / "kg.store"
    assert run_kg("rdf", "load", graph, "--store", store).returncode == 0
    ep = Endpoint(store)
    try:
        for command in ASKED:
            want = answer(command, (graph,))
            assert want, command
            assert answer(command, ("--store", store)) == want, command
            assert answer(command, ("--sparql", ep.url)) == want, command
    finally:
        assert ep.stop() == 0


def test_neo4j_answers_as_the_build(graph, driver, neo4j_env):
    load = kg(neo4j_env, "neo4j", "load", graph)
    assert load.returncode == 0, load.stderr
    for command in ASKED:
        assert answer(command, ("--neo4j",), neo4j_env) == answer(command, (graph,)), command


def cypher(env, query: str, **params) -> list[dict]:
    args = ["neo4j", "query", query, "--format", "json"]
    for k, v in params.items():
        args += ["--param", f"{k}:=null" if v is None else f"{k}={v}"]
    res = kg(env, *args)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def test_the_saved_cypher_queries_about_time(graph, driver, neo4j_env):
    assert kg(neo4j_env, "neo4j", "load", graph).returncode == 0
    assert [(r["person"], r["start"], r["end"]) for r in cypher(
        neo4j_env, "office_holders_on_date", title="市长", body="保定市政府", on="2022-10-01")] == [
        ("李青山", "2022-05-06", "2023-02-01")]
    assert cypher(neo4j_env, "office_holders_on_date", title="市长", body="保定市政府", on="2023-04-01") == []
    career = cypher(neo4j_env, "career_of_person", name="王志刚")
    assert sorted(r["body"] for r in career) == ["固安县政府", "涞水县政府"] and len({r["person"] for r in career}) == 2
    assert [(r["person"], r["acting"], r["predecessor"]) for r in cypher(
        neo4j_env, "successions", title="市长", body="保定市政府")] == [
        ("李青山", True, None), ("李青山", False, None), ("赵明远", False, "李青山")]
    months = cypher(neo4j_env, "visits_by_month", at="涞水县", **{"from": "2020-01-01", "to": "2022-12-31"})
    assert [(r["official"], r["month"], r["visits"]) for r in months] == [
        ("李青山", "2020-01", 1), ("李青山", "2022-05", 1), ("陈立", "2022-05", 1)]
    every = cypher(neo4j_env, "tenures", name=None)
    assert len(every) == len([line for line in (graph / "triples.jsonl").read_text(encoding="utf-8").splitlines()
                              if line.startswith('{"kind": "tenure"')])
    held = next(r for r in every if r["personName"] == "吴海")
    assert (held["appointed"], held["ended"]) == ("2021-07-01", "2023-03-01")


def test_the_query_page_binds_a_date_field_so_its_filter_sees_it(graph):
    from real_parts import chromium

    ep = Endpoint(graph / "triples.jsonl")
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.goto(ep.base + "/")
            page.select_option("#examples", label="office-holders-on-date")
            for name, value in (("title", "市长"), ("bodyName", "保定市政府"), ("on", "2022-10-01")):
                page.locator(f"#params input[data-param={name}]").fill(value)
            page.click("#run")
            page.locator("#status", has_text="rows").wait_for(timeout=60_000)
            cells = page.eval_on_selector_all("#results tr td", "els => els.map(e => e.textContent)")
            assert "李青山" in cells and "赵明远" not in cells and "2022-05-06" in cells
            page.locator("#params input[data-param=on]").fill("2023-04-01")   # between two mayors: none
            page.click("#run")
            page.locator("#status", has_text="· 0 rows").wait_for(timeout=60_000)
            browser.close()
    finally:
        assert ep.stop() == 0
