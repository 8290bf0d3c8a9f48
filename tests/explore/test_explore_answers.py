"""The explorer's answers (kg.explore.answers) over the invented multi-year corpus (tests/years.py)."""
from __future__ import annotations

import pytest

from kg.explore import answers
from kg.explore.answers import BadRequest, Filters
from kg.records import read_records


@pytest.fixture(scope="module")
def con(years_index):
    return answers.connect(str(years_index[0]))


@pytest.fixture(scope="module")
def recs(years_graph):
    return list(read_records(years_graph / "triples.jsonl"))


def entity_id(con, name, type_="Official"):
    return next(e["id"] for e in answers.suggest(con, name) if e["name"] == name and e["type"] == type_)


def test_suggest_ranks_exact_then_prefix_then_substring(con):
    names = [e["name"] for e in answers.suggest(con, "保定市")]
    assert names[0] == "保定市" and set(names[1:]) >= {"保定市政府", "保定市人大常委会"}
    assert [e["matched_as"] for e in answers.suggest(con, "保定市")][0] == "name"
    inner = answers.suggest(con, "青山")             # not a prefix of 李青山: found as a substring
    assert [e["name"] for e in inner] == ["李青山"]


def test_suggest_finds_codes_and_both_people_of_a_split_name(con):
    by_code = answers.suggest(con, "1306")
    assert by_code and all(e["code"].startswith("1306") for e in by_code)
    assert [e["type"] for e in answers.suggest(con, "王志刚")] == ["Official", "Official"]
    assert answers.suggest(con, "   ") == [] and answers.suggest(con, "不存在的名字") == []


def test_entity_page_lists_offices_with_their_dates_and_a_timeline(con):
    page = answers.entity_page(con, entity_id(con, "李青山"))
    offices = {(o["title"], o["acting"], o["first"], o["last"]) for o in page["offices"]}
    assert ("市长", 0, "2022-05-06", "2023-02-01") in offices and ("市长", 1, "2021-03-02", "2021-03-02") in offices
    months = [m["month"] for m in page["timeline"]]
    assert months == sorted(months) and "2022-05" in months
    assert sum(sum(m["counts"].values()) for m in page["timeline"]) == page["entity"]["facts"]
    body = answers.entity_page(con, entity_id(con, "保定市政府", "Organization"))
    assert "李青山" in {h["person"] for h in body["holders"]}
    with pytest.raises(BadRequest) as err:
        answers.entity_page(con, "e-000000000000")
    assert err.value.status == 404


def test_facts_page_through_every_fact_once_newest_first(con, recs):
    eid = entity_id(con, "李青山")
    want = {r["id"] for r in recs if r["kind"] == "triple" and eid in (r["subject_id"], r["object_id"])}
    seen, after, pages = [], "", 0
    while True:
        page = answers.facts(con, eid, after=after, limit=3)
        seen += page["facts"]
        pages += 1
        if not page["next"]:
            break
        after = page["next"]
    assert len(seen) == len(want) and {f["id"] for f in seen} == want
    dates = [f["date"] for f in seen]
    assert dates == sorted(dates, reverse=True) and pages == -(-len(want) // 3)
    assert all(f["evidence"] and f["article"] and f["source"] for f in seen)


def test_facts_keep_the_filters(con):
    eid = entity_id(con, "李青山")
    in_2022 = answers.facts(con, eid, Filters(start="2022-01", end="2022-12"))["facts"]
    assert in_2022 and all(f["date"].startswith("2022") for f in in_2022)
    visits = answers.facts(con, eid, Filters(predicates=("visited",)))["facts"]
    assert visits and {f["predicate"] for f in visits} == {"visited"}
    areas = answers.facts(con, eid, Filters(types=("AdministrativeArea",)))["facts"]
    assert areas and {f["object_type"] for f in areas} == {"AdministrativeArea"}
    with pytest.raises(BadRequest):
        Filters(start="2022/01")


def test_neighbours_come_strongest_first_and_page_on(con):
    eid = entity_id(con, "保定市政府", "Organization")
    whole = answers.neighbours(con, eid, limit=100)
    weights = [n["weight"] for n in whole["nodes"]]
    assert weights == sorted(weights, reverse=True) and not whole["more"]
    first = answers.neighbours(con, eid, limit=2)
    rest = answers.neighbours(con, eid, offset=2, limit=100)
    assert first["more"] and [n["id"] for n in first["nodes"] + rest["nodes"]] == [n["id"] for n in whole["nodes"]]
    assert {e["other"] for e in whole["edges"]} == {n["id"] for n in whole["nodes"]}
    assert all(e["dir"] == "in" and e["predicate"] == "holdsPosition" for e in whole["edges"])


def test_neighbours_in_a_date_range_count_only_its_facts(con):
    eid = entity_id(con, "李青山")
    all_time = {n["name"]: n["weight"] for n in answers.neighbours(con, eid)["nodes"]}
    in_2023 = answers.neighbours(con, eid, Filters(start="2023-01", end="2023-12"))
    assert in_2023["nodes"] and all(e["first"] >= "2023" for e in in_2023["edges"])
    assert all(n["weight"] <= all_time[n["name"]] for n in in_2023["nodes"])
    areas = answers.neighbours(con, eid, Filters(types=("AdministrativeArea",), predicates=("visited",)))
    assert {n["type"] for n in areas["nodes"]} == {"AdministrativeArea"}


def test_fulltext_finds_a_phrase_newest_first_with_its_facts(con, recs):
    hits = answers.fulltext(con, "免去吴海")["texts"]
    assert len(hits) == 1 and "免去吴海" in hits[0]["body"] and hits[0]["date"] == "2023-03-01"
    assert any(f["predicate"] == "holdsPosition" for f in hits[0]["facts"])
    all_hits, before = [], 0
    while True:
        page = answers.fulltext(con, "调研", before=before, limit=2)
        all_hits += page["texts"]
        if not page["next"]:
            break
        before = page["next"]
    assert all("调研" in t["body"] for t in all_hits)
    assert len(all_hits) == len({t["n"] for t in all_hits}) == len({(r["article"], tuple(r["span"]))
                                                                    for r in recs if r["kind"] == "triple"
                                                                    and "调研" in r["evidence"]})
    assert [t["n"] for t in all_hits] == sorted((t["n"] for t in all_hits), reverse=True)
    with pytest.raises(BadRequest):
        answers.fulltext(con, "。")


def test_a_facts_source_is_its_place_in_the_file(con, recs):
    from kg.explore.web import passage

    t = next(r for r in recs if r["kind"] == "triple")
    where = passage(answers.fact_source(con, t["id"]))
    assert where["match"] == t["evidence"] and where["start"] == t["span"][0]
