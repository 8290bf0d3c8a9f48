"""The query library (queries/*.rq) sent over HTTP to a real `kg serve` of the invented fixture."""
from __future__ import annotations

import pytest

from kg.resources import bind_values
from test_sparql_support import FIXTURE, QUERIES, Endpoint, post_direct, rows


@pytest.fixture(scope="module")
def ask():
    ep = Endpoint(FIXTURE)

    def run(name: str) -> list[dict]:
        status, _, body = post_direct(ep.url, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
        assert status == 200, body
        return rows(body)

    yield run
    assert ep.stop() == 0


def test_every_query_file_is_tested():
    tested = {name[5:].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert len(list(QUERIES.glob("*.rq"))) >= 7
    assert {p.stem for p in QUERIES.glob("*.rq")} <= tested


def test_visits_of_official(ask):
    # every official's visits, by official, date, place
    got = [(r["officialName"], r["placeName"], r.get("date")) for r in ask("visits-of-official")]
    assert [g for g in got if g[0] == "林望舒"] == [
        ("林望舒", "松河区", "2030-05-16"), ("林望舒", "白鹭湖公园", "2030-05-16"),
        ("林望舒", "松河区", "2030-05-19"), ("林望舒", "柳岸县", "2030-05-19"),
        ("林望舒", "青岚星河玻璃有限公司", "2030-05-19")]
    assert {g[0] for g in got} >= {"林望舒", "赵启明"} and got == sorted(got, key=lambda g: g[0])


def test_visits_of_official_by_name_keeps_undated_visits():
    # the parameter of the query's "# Params:" line, bound as the query page binds it
    text = bind_values((QUERIES / "visits-of-official.rq").read_text(encoding="utf-8"), {"officialName": '"赵启明"@zh'})
    ep = Endpoint(FIXTURE)
    try:
        status, _, body = post_direct(ep.url, text)
    finally:
        ep.stop()
    got = [(r["placeName"], r.get("date")) for r in rows(body)]
    assert status == 200
    assert got == [("云栖高新区", None), ("松河区", "2030-05-18"), ("青岚星河玻璃有限公司", "2030-05-18")]


def test_enterprises_visited_by_several_officials(ask):
    got = ask("enterprises-visited-by-several-officials")
    assert [(r["enterpriseName"], r["officials"]) for r in got] == [("青岚星河玻璃有限公司", "2")]
    assert set(got[0]["visitors"].split("、")) == {"林望舒", "赵启明"}


def test_districts_ranked_by_visits(ask):
    got = [(r["areaName"], int(r["visits"]), int(r["officials"])) for r in ask("districts-ranked-by-visits")]
    assert got[0] == ("松河区", 4, 3)
    assert {g[0] for g in got} == {"松河区", "柳岸县", "云栖高新区"}


def test_policies_by_issuer(ask):
    got = ask("policies-by-issuer")
    assert [(r["issuerName"], r["policyName"], r["date"], r["appliesTo"]) for r in got] == [
        ("青岚市人民政府", "关于推进营商环境优化的实施方案", "2030-05-15", "青岚市")]


def test_offices_of_person(ask):
    got = {(r["personName"], r["title"], r["organizationName"]) for r in ask("offices-of-person")}
    assert got == {("林望舒", "市长", "青岚市人民政府"), ("赵启明", "市委书记", "中共青岚市委员会"),
                   ("钱若谷", "副市长", "青岚市人民政府"), ("孙立行", "董事长", "青岚远航集团")}


def test_official_two_hop_neighbourhood(ask):
    got = {r["neighbourName"]: int(r["distance"]) for r in ask("official-two-hop-neighbourhood")}
    assert {r["officialName"] for r in ask("official-two-hop-neighbourhood")} == {"林望舒"}
    assert got == {"松河区": 1, "柳岸县": 1, "青岚星河玻璃有限公司": 1, "白鹭湖公园": 1,
                   "青岚市人民政府": 1, "城乡清洁提升行动": 1,
                   "赵启明": 2, "钱若谷": 2, "关于推进营商环境优化的实施方案": 2}


def test_evidence_of_triple(ask):
    got = ask("evidence-of-triple")          # the fact read most often: two readings
    assert {(r["subjectName"], r["predicate"].rsplit("#")[1], r["objectName"]) for r in got} == {
        ("林望舒", "visited", "松河区")}
    assert [r["evidence"] for r in got] == ["5月19日，市长林望舒到松河区、柳岸县调研。",
                                            "5月16日，林望舒到松河区白鹭湖公园。"]  # by span start
    assert {r["headline"] for r in got} == {"林望舒到松河区柳岸县调研", "市政府印发实施方案"}
    assert all(r["rule"] == "visit.verb" and int(r["start"]) < int(r["end"]) for r in got)


def test_articles_by_journalist(ask):
    got = {(r["journalistName"], r["role"], r["headline"]) for r in ask("articles-by-journalist")}
    assert got == {("周小禾", "记者", "林望舒到松河区柳岸县调研"), ("周小禾", "通讯员", "赵启明督导企业发展"),
                   ("吴青山", "记者", "赵启明督导企业发展")}


def test_officials_linked_by_enterprises(ask):
    got = ask("officials-linked-by-enterprises")
    assert [({r["nameA"], r["nameB"]}, r["shared"], r["via"]) for r in got] == [
        ({"林望舒", "赵启明"}, "1", "青岚星河玻璃有限公司")]


def test_graph_overview(ask):
    got = {r["name"].rsplit("#", 1)[1]: int(r["count"]) for r in ask("graph-overview")}
    assert got["Official"] == 3 and got["Assertion"] == 20 and got["Visit"] == 10
    assert got["visited"] == 9 and got["issued"] == 1


# --------------------------------------------------------------------------- queries about time, on the years corpus

@pytest.fixture(scope="module")
def ask_years(tmp_path_factory):
    from years import build_years

    ep = Endpoint(build_years(tmp_path_factory.mktemp("years")) / "triples.jsonl")

    def run(name: str, **params: str) -> list[dict]:
        terms = {k: (f'"{v}"^^<http://www.w3.org/2001/XMLSchema#date>' if v[:1].isdigit() else f'"{v}"@zh')
                 for k, v in params.items()}
        status, _, body = post_direct(ep.url, bind_values((QUERIES / f"{name}.rq").read_text(encoding="utf-8"), terms))
        assert status == 200, body
        return rows(body)

    yield run
    assert ep.stop() == 0


def test_tenures(ask_years):
    every = ask_years("tenures")
    assert len({r["person"] for r in every if r["personName"] == "王志刚"}) == 2
    mine = [(r["title"], r["acting"], r["start"], r["end"]) for r in ask_years("tenures", personName="李青山")]
    assert mine == [("副市长", "false", "2020-01-10", "2020-01-10"), ("市长", "true", "2021-03-02", "2021-03-02"),
                    ("市长", "false", "2022-05-06", "2023-02-01"), ("书记", "false", "2023-06-01", "2023-06-01")]
    wu = ask_years("tenures", personName="吴海")
    assert [(r["appointed"], r["ended"], r["articles"]) for r in wu] == [("2021-07-01", "2023-03-01", "3")]


def test_office_holders_on_date(ask_years):
    held = ask_years("office-holders-on-date", title="市长", bodyName="保定市政府", on="2022-10-01")
    assert [(r["personName"], r["acting"]) for r in held] == [("李青山", "false")]
    assert ask_years("office-holders-on-date", title="市长", bodyName="保定市政府", on="2023-04-01") == []


def test_career_of_person(ask_years):
    career = ask_years("career-of-person", personName="陈立")
    assert [(r["title"], r["bodyName"], r["start"]) for r in career] == [
        ("书记", "涞水县委", "2020-04-02"), ("副市长", "保定市政府", "2022-06-01")]
    assert len({r["person"] for r in career}) == 1


def test_successions(ask_years):
    got = ask_years("successions", title="市长", bodyName="保定市政府")
    assert [(r["personName"], r["acting"], r.get("predecessor")) for r in got] == [
        ("李青山", "true", None), ("李青山", "false", None), ("赵明远", "false", "李青山")]


def test_visits_by_month(ask_years):
    got = ask_years("visits-by-month", at="涞水县", to="2022-12-31")
    assert [(r["officialName"], r["month"], r["visits"]) for r in got] == [
        ("李青山", "2020-01", "1"), ("李青山", "2022-05", "1"), ("陈立", "2022-05", "1")]
    period = ask_years("visits-by-month", **{"from": "2021-01-01", "to": "2021-12-31"})
    assert {r["officialName"] for r in period} == {"李青山", "王志刚"}
