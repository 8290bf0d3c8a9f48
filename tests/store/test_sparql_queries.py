"""The query library (queries/*.rq) sent over HTTP to a real `kg serve` of the invented fixture."""
from __future__ import annotations

import pytest

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
    # the parameter of the query's "# Params:" line, bound as the query page binds it: a trailing VALUES
    text = (QUERIES / "visits-of-official.rq").read_text(encoding="utf-8")
    text += '\nVALUES (?officialName) { ("赵启明"@zh) }\n'
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
    assert [({r["nameA"], r["nameB"]}, r["viaName"]) for r in got] == [
        ({"林望舒", "赵启明"}, "青岚星河玻璃有限公司")]


def test_graph_overview(ask):
    got = {r["name"].rsplit("#", 1)[1]: int(r["count"]) for r in ask("graph-overview")}
    assert got["Official"] == 3 and got["Assertion"] == 20 and got["Visit"] == 10
    assert got["visited"] == 9 and got["issued"] == 1
