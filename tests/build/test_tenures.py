"""Tenures (kg.build.tenures) and `kg who` / `kg career` on an invented corpus of four years:
a promotion, an acting period, a former title that does not extend the office, a successor."""
from __future__ import annotations

import csv
import io

import pytest

from cli_helpers import error_lines, run_kg
from kg.build.tenures import base_title

PAGES = {
    "2020-01-10-01.txt": "本报讯 1月9日，副市长李青山到东岚镇调研。",
    "2021-03-02-01.txt": "本报讯 3月1日，代理市长李青山到西岭村调研。",
    "2022-05-06-01.txt": "本报讯 5月5日，市长李青山到南湖公园调研。",
    "2023-02-01-01.txt": "本报讯 1月31日，市长李青山到东岚镇督导。",
    "2023-06-01-01.txt": "本报讯 5月30日，市委书记李青山到西岭村调研。",
    "2023-09-01-01.txt": "本报讯 8月30日，市长赵明远到南湖公园调研。原市长李青山出席。",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    root = tmp_path_factory.mktemp("years")
    (root / "corpus").mkdir()
    for name, text in PAGES.items():
        (root / "corpus" / name).write_text(text + "\n", encoding="utf-8")
    res = run_kg("build", root / "corpus", "--home", "保定市", "--out", root / "graph", "--no-html")
    assert res.returncode == 0, res.stderr
    return root / "graph"


def table(res) -> list[tuple]:
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8"))))
    return [(r["person"], r["title"], r["acting"], r["body"], r["first"], r["last"], r["articles"], r["former"])
            for r in rows]


def test_a_career_in_date_order_with_its_acting_period_apart(graph):
    assert table(run_kg("career", graph, "李青山", "--format", "csv")) == [
        ("李青山", "副市长", "False", "保定市政府", "2020-01-10", "2020-01-10", "1", "0"),
        ("李青山", "市长", "True", "保定市政府", "2021-03-02", "2021-03-02", "1", "0"),
        ("李青山", "市长", "False", "保定市政府", "2022-05-06", "2023-02-01", "2", "1"),   # 原市长 in 2023-09: no later
        ("李青山", "书记", "False", "保定市委", "2023-06-01", "2023-06-01", "1", "0")]


def test_who_held_the_office_on_a_date_and_who_followed_whom(graph):
    held = table(run_kg("who", graph, "--title", "市长", "--body", "保定市政府", "--on", "2022-10-01",
                        "--format", "csv"))
    assert [(r[0], r[2]) for r in held] == [("李青山", "False")]
    gap = run_kg("who", graph, "--title", "市长", "--body", "保定市政府", "--on", "2023-04-01")
    assert gap.returncode == 0
    assert "last seen before: 李青山 (2023-02-01); first seen after: 赵明远 (2023-09-01)" in gap.stdout.decode()
    order = table(run_kg("who", graph, "--title", "市长", "--format", "csv"))
    assert [(r[0], r[2], r[4]) for r in order] == [("李青山", "True", "2021-03-02"), ("李青山", "False", "2022-05-06"),
                                                   ("赵明远", "False", "2023-09-01")]


def test_no_such_person_and_a_bad_date_are_one_line(graph):
    missing = run_kg("career", graph, "无此人")
    assert missing.returncode == 1 and len(error_lines(missing)) == 1 and "无此人" in error_lines(missing)[0]
    bad = run_kg("who", graph, "--title", "市长", "--on", "2021-13-01")
    assert bad.returncode == 2 and b"2021-13-01" in bad.stderr


@pytest.mark.parametrize("written, office", [
    ("代理县长", ("县长", True, False)), ("代县长", ("县长", True, False)), ("原局长", ("局长", False, True)),
    ("前任主任", ("主任", False, True)), ("原", ("原", False, False)), ("代表", ("代表", False, False)),
    ("代表团团长", ("代表团团长", False, False)), ("原平县长", ("原平县长", False, False)),
])
def test_acting_and_former_prefixes(written, office):
    assert base_title(written) == office


def test_the_panel_counts_each_officials_visits_by_month_beside_the_office_held(graph, tmp_path):
    out = tmp_path / "panel.csv"
    res = run_kg("panel", graph, "--by", "month", "-o", out)
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by = {(r["official"], r["period"]): r for r in rows}
    assert [p for o, p in by if o == "李青山"] == ["2020-01", "2021-03", "2022-05", "2023-01", "2023-05"]
    assert by[("李青山", "2021-03")]["office"] == "代市长（保定市政府）"
    assert by[("李青山", "2023-05")]["office"] == "书记（保定市委）"      # the visit's own report gives it
    assert by[("李青山", "2022-05")]["visits"] == "1" and by[("李青山", "2022-05")]["places"] == "1"
    yearly = list(csv.DictReader(io.StringIO(run_kg("panel", graph, "--by", "year").stdout.decode("utf-8"))))
    year = next(r for r in yearly if r["official"] == "李青山" and r["period"] == "2023")
    assert (year["visits"], year["areas"]) == ("2", "2")
    assert year["office"] == "市长（保定市政府）；书记（保定市委）"


def test_an_office_seen_only_as_former_is_a_tenure_without_dates():
    from kg.build.tenures import tenures

    recs = [{"kind": "article", "id": "a-1", "date": "2022-01-05"},
            {"kind": "triple", "id": "t-1", "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某",
             "object_id": "e-b", "object": "某市政府", "title": "原市长", "article": "a-1"}]
    [t] = tenures(recs)
    assert (t["title"], t["first"], t["last"], t["articles"], t["former"], t["evidence"]) == \
        ("市长", None, None, 0, 1, ["t-1"])


def test_a_removal_closes_a_term_and_the_office_seen_again_is_a_new_one():
    from kg.build.tenures import tenures

    def reading(tid, aid, change=None):
        return {"kind": "triple", "id": tid, "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某",
                "object_id": "e-b", "object": "某市政府", "title": "副市长", "article": aid,
                **({"change": change} if change else {})}
    recs = [{"kind": "article", "id": f"a-{i}", "date": d} for i, d in
            enumerate(("2020-03-01", "2020-09-01", "2021-02-01", "2023-05-01", "2023-06-01"))]
    recs += [reading("t-0", "a-0", "start"), reading("t-1", "a-1"), reading("t-2", "a-2", "end"),
             reading("t-3", "a-3", "start"), reading("t-4", "a-4", "start")]      # re-appointed, then re-elected
    got = [(t["first"], t["last"], t["appointed"], t["ended"], t["articles"]) for t in tenures(recs)]
    assert got == [("2020-03-01", "2021-02-01", "2020-03-01", "2021-02-01", 3),
                   ("2023-05-01", "2023-06-01", "2023-05-01", None, 2)]
    assert len({t["id"] for t in tenures(recs)}) == 2


def test_each_tenure_names_the_predecessor_in_its_office():
    from kg.build.tenures import tenures

    def reading(person, title, day, n):
        return [{"kind": "article", "id": f"a-{n}", "date": day},
                {"kind": "triple", "id": f"t-{n}", "predicate": "holdsPosition", "subject": person,
                 "subject_id": "e-" + person, "object": "某市政府", "object_id": "e-body", "title": title,
                 "article": f"a-{n}"}]
    recs = [*reading("甲", "市长", "2020-01-05", 1), *reading("乙", "代理市长", "2021-02-01", 2),
            *reading("乙", "市长", "2021-06-01", 3), *reading("丙", "市长", "2023-03-01", 4),
            *reading("丙", "副市长", "2019-01-01", 5)]
    found = {(t["person"], t["title"], t["acting"]): t for t in tenures(recs)}
    by_id = {t["id"]: t["person"] for t in found.values()}
    follows = {k: by_id.get(t.get("follows")) for k, t in found.items()}
    assert follows == {("甲", "市长", False): None,
                       ("乙", "市长", True): "甲",          # the acting term follows the last full holder
                       ("乙", "市长", False): "甲",         # not the acting period of the same person
                       ("丙", "市长", False): "乙",
                       ("丙", "副市长", False): None}       # another office
