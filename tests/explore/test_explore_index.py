"""The explorer's index (kg.explore.index) over the invented multi-year corpus: it holds what the records say."""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter

import pytest

from kg.explore.index import INDEX_NAME, build_index, ensure_index, read_meta
from kg.records import read_records


def records(graph):
    return list(read_records(graph / "triples.jsonl"))


def test_every_entity_article_triple_and_tenure_is_indexed(years_graph, years_index):
    path, meta = years_index
    recs = records(years_graph)
    kinds = Counter(r["kind"] for r in recs)
    assert (meta["entities"], meta["articles"], meta["facts"], meta["tenures"]) == \
        (kinds["entity"], kinds["article"], kinds["triple"], kinds["tenure"])
    con = sqlite3.connect(path)
    ids = {r[0] for r in con.execute("SELECT id FROM fact")}
    assert ids == {r["id"] for r in recs if r["kind"] == "triple"}


def test_facts_take_the_triples_date_else_the_articles(years_graph, years_index):
    con = sqlite3.connect(years_index[0])
    recs = records(years_graph)
    published = {r["id"]: r["date"] for r in recs if r["kind"] == "article"}
    for t in (r for r in recs if r["kind"] == "triple"):
        date, dated = con.execute("SELECT date, dated FROM fact WHERE id = ?", (t["id"],)).fetchone()
        assert date == (t["date"] or published[t["article"]]) and dated == (t["date"] is not None)


def test_each_distinct_evidence_sentence_is_one_text_numbered_by_date(years_graph, years_index):
    con = sqlite3.connect(years_index[0])
    triples = [r for r in records(years_graph) if r["kind"] == "triple"]
    sentences = {(t["article"], tuple(t["span"])) for t in triples}
    assert con.execute("SELECT count(*) FROM text WHERE kind = 'e'").fetchone()[0] == len(sentences)
    days = [r[0] for r in con.execute("SELECT a.date FROM text t JOIN article a ON a.n = t.article ORDER BY t.n")]
    assert days == sorted(days)
    for t in triples:
        body = con.execute("SELECT t.body FROM fact f JOIN text t ON t.n = f.text WHERE f.id = ?",
                           (t["id"],)).fetchone()[0]
        assert body == t["evidence"]


def test_summaries_and_links_add_up_to_each_entitys_facts(years_graph, years_index):
    con = sqlite3.connect(years_index[0])
    triples = [r for r in records(years_graph) if r["kind"] == "triple"]
    per_entity = Counter()
    for t in triples:
        per_entity[t["subject_id"]] += 1
        if t["object_id"] != t["subject_id"]:
            per_entity[t["object_id"]] += 1
    for eid, n in per_entity.items():
        facts, summed, linked = con.execute(
            "SELECT e.facts, (SELECT sum(count) FROM summary WHERE entity = e.n), "
            "(SELECT sum(weight) FROM strength WHERE entity = e.n) FROM entity e WHERE e.id = ?", (eid,)).fetchone()
        assert facts == summed == linked == n, eid


def test_ensure_index_rebuilds_only_when_the_records_change(years_graph, tmp_path):
    src = tmp_path / "triples.jsonl"
    src.write_bytes((years_graph / "triples.jsonl").read_bytes())
    path = tmp_path / INDEX_NAME
    assert ensure_index(src, path)[1] is True
    assert ensure_index(src, path)[1] is False
    lines = src.read_text(encoding="utf-8").splitlines()
    keep = [line for line in lines if json.loads(line)["kind"] != "tenure"]
    src.write_text("\n".join(keep) + "\n", encoding="utf-8")
    meta, rebuilt = ensure_index(src, path)
    assert rebuilt and meta["tenures"] == 0 and read_meta(path)["tenures"] == 0


def test_a_failed_build_leaves_the_old_index_and_no_temporary_file(years_graph, tmp_path):
    path = tmp_path / INDEX_NAME
    build_index(records(years_graph), path)
    before = path.read_bytes()

    def broken():
        yield from records(years_graph)[:5]
        raise RuntimeError("the records stop")

    with pytest.raises(RuntimeError):
        build_index(broken(), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [INDEX_NAME]


def test_a_file_that_is_no_index_has_no_meta(tmp_path):
    bogus = tmp_path / "x.sqlite"
    bogus.write_text("not a database", encoding="utf-8")
    assert read_meta(bogus) == {}
