"""A graph of years on the suite's own invented corpus (tests/years.py): people told apart across
documents (kg.build.identity), offices with their time (kg.build.tenures), ids kept when a year is added."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from cli_helpers import run_kg
from kg.records import read_records
from years import build_years as build

PEOPLE = ("Official", "Person")


def people(graph: Path) -> dict[str, list[dict]]:
    out = defaultdict(list)
    for rec in read_records(graph):
        if rec["kind"] == "entity" and rec["type"] in PEOPLE:
            out[rec["name"]].append(rec)
    return out


def offices(graph: Path, name: str) -> list[tuple]:
    """(person id, title, acting, body, first, last, appointed, ended, articles, former) of a name's tenures."""
    return sorted((t["person_id"], t["title"], t["acting"], t["body"], t["first"], t["last"], t["appointed"],
                   t["ended"], t["articles"], t["former"])
                  for t in read_records(graph) if t["kind"] == "tenure" and t["person"] == name)


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("years"))


def test_each_name_resolves_into_its_people(graph):
    count = {name: len(recs) for name, recs in people(graph).items()}
    assert count == {"李青山": 1, "赵明远": 1, "吴海": 1, "陈立": 1, "孙建": 1, "周文": 1, "王志刚": 2}


def test_namesakes_in_two_counties_stay_apart_each_with_its_office(graph):
    zhigang = people(graph)["王志刚"]
    assert sorted(p["identity"]["seats"] for p in zhigang) == [["固安县"], ["涞水县"]]
    held = offices(graph, "王志刚")
    assert {(o[3], o[4], o[5], o[8]) for o in held} == {("涞水县政府", "2021-05-01", "2021-05-01", 1),
                                                       ("固安县政府", "2021-04-01", "2022-04-01", 2)}
    assert len({o[0] for o in held}) == 2
    ledger = [json.loads(line) for line in (graph / "people.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["event"], e["name"]) for e in ledger if e["kind"] == "event"] == [("split", "王志刚")]


def test_a_county_head_promoted_to_the_city_around_it_stays_one_person(graph):
    held = offices(graph, "陈立")
    assert [(o[1], o[3], o[4]) for o in held] == [("书记", "涞水县委", "2020-04-02"), ("副市长", "保定市政府", "2022-06-01")]
    assert len({o[0] for o in held}) == 1 and "identity" not in people(graph)["陈立"][0]


def test_promotions_an_acting_period_and_a_former_title(graph):
    held = [o[1:] for o in offices(graph, "李青山")]
    assert sorted(held, key=lambda o: o[3]) == [
        ("副市长", False, "保定市政府", "2020-01-10", "2020-01-10", None, None, 1, 0),
        ("市长", True, "保定市政府", "2021-03-02", "2021-03-02", None, None, 1, 0),
        ("市长", False, "保定市政府", "2022-05-06", "2023-02-01", None, None, 2, 1),   # 原市长 in 2023-09: no later
        ("书记", False, "保定市委", "2023-06-01", "2023-06-01", None, None, 1, 0)]


def test_an_appointment_starts_a_tenure_and_a_removal_ends_it(graph):
    assert [o[1:] for o in offices(graph, "吴海")] == [
        ("副市长", False, "保定市政府", "2021-07-01", "2023-03-01", "2021-07-01", "2023-03-01", 3, 0)]
    held = run_kg("who", graph, "--title", "副市长", "--body", "保定市政府", "--on", "2023-06-01", "--format", "json")
    assert held.returncode == 0 and "吴海" not in held.stdout.decode()


def test_a_retired_official_is_only_seen_as_former_after_the_office(graph):
    assert [o[1:] for o in offices(graph, "孙建")] == [
        ("副市长", False, "保定市政府", "2020-01-10", "2020-01-10", None, None, 1, 1)]


def test_who_and_the_succession_answer_from_the_build(graph):
    res = run_kg("who", graph, "--title", "市长", "--body", "保定市政府", "--on", "2022-10-01", "--format", "json")
    assert [(t["person"], t["acting"]) for t in json.loads(res.stdout)] == [("李青山", False)]
    res = run_kg("who", graph, "--title", "市长", "--body", "保定市政府", "--format", "json")
    assert [(t["person"], t["acting"], t["first"]) for t in json.loads(res.stdout)] == [
        ("李青山", True, "2021-03-02"), ("李青山", False, "2022-05-06"), ("赵明远", False, "2023-09-01")]
    res = run_kg("career", graph, "王志刚", "--area", "固安县", "--format", "json")
    assert [t["body"] for t in json.loads(res.stdout)] == ["固安县政府"]


def test_adding_a_year_keeps_the_ids_of_people_already_resolved(tmp_path, graph):
    first = build(tmp_path, ("2020", "2021", "2022"))
    before = {(p["name"], tuple(sorted(p["articles"]))): p["id"] for recs in people(first).values() for p in recs}
    assert len(people(first)["王志刚"]) == 2
    build(tmp_path, ("2023",))
    after = {p["id"]: p for recs in people(first).values() for p in recs}
    for (name, articles), pid in before.items():
        assert pid in after and after[pid]["name"] == name and set(articles) <= set(after[pid]["articles"])
    # and the graph of years added one by one is the graph of all at once
    assert sorted(p["id"] for recs in people(first).values() for p in recs) == \
        sorted(p["id"] for recs in people(graph).values() for p in recs)


def test_the_graph_with_its_tenures_conforms_to_the_shapes(graph):
    res = run_kg("validate", graph / "graph.ttl")
    assert res.returncode == 0, res.stdout.decode()[-2000:]
    assert b"kg:Tenure" in (graph / "graph.ttl").read_bytes()
