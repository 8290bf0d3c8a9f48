"""A document leaves the graph: a changed file replaces its records, --sync drops deleted files,
DIR/removed.jsonl lists what left; the Oxigraph store applies it (invented pages, real kg and pyoxigraph)."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from cli_helpers import error_lines, run_kg
from kg.store.rdf_store import load_into_store

VISIT_A = "本报讯 3月2日，市长王大明到青禾科技有限公司调研。\n"
VISIT_B = "本报讯 3月4日，市长王大明到东岚镇调研。\n"
VISIT_C = "本报讯 3月2日，市长王大明到蓝湾智造有限公司调研。\n"
PREFIX = ("PREFIX kg: <https://kg.example.org/ontology#> PREFIX schema: <https://schema.org/> "
          "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ")


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def names(out) -> set[str]:
    return {r["name"] for r in records(out / "triples.jsonl") if r["kind"] == "entity"}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "2024-03-03-01.txt").write_text(VISIT_A, encoding="utf-8")
    (folder / "2024-03-05-01.txt").write_text(VISIT_B, encoding="utf-8")
    return folder


def build(corpus, out, *extra):
    res = run_kg("build", corpus, "--home", "保定市", "--out", out, *extra)
    assert res.returncode == 0, res.stderr
    return res


def test_a_changed_file_replaces_its_records_and_the_ledger_lists_the_old_ones(corpus, tmp_path):
    out = tmp_path / "graph"
    build(corpus, out)
    old_articles = {r["id"] for r in records(out / "triples.jsonl") if r["kind"] == "article"}
    (corpus / "2024-03-03-01.txt").write_text(VISIT_C, encoding="utf-8")
    res = build(corpus, out)
    assert "1 documents left the graph" in res.stderr.decode()
    assert "蓝湾智造有限公司" in names(out) and "青禾科技有限公司" not in names(out)
    assert "王大明" in names(out) and "东岚镇" in names(out)
    gone = records(out / "removed.jsonl")
    assert {r["name"] for r in gone if r["kind"] == "entity"} == {"青禾科技有限公司"}
    assert {r["id"] for r in gone if r["kind"] == "article"} < old_articles
    assert len(json.loads((out / "manifest.json").read_text())["sources"]) == 2

    (corpus / "2024-03-03-01.txt").write_text(VISIT_A, encoding="utf-8")       # the old text back
    build(corpus, out)
    assert "青禾科技有限公司" in names(out)
    assert "青禾科技有限公司" not in {r.get("name") for r in records(out / "removed.jsonl")}


def test_sync_drops_the_documents_of_deleted_files_and_refuses_to_empty_the_graph(corpus, tmp_path):
    out = tmp_path / "graph"
    build(corpus, out)
    (corpus / "2024-03-05-01.txt").unlink()
    build(corpus, out)                                  # without --sync the graph keeps it
    assert "东岚镇" in names(out)
    build(corpus, out, "--sync")
    assert "东岚镇" not in names(out) and "青禾科技有限公司" in names(out)
    assert "东岚镇" in {r.get("name") for r in records(out / "removed.jsonl")}

    elsewhere = tmp_path / "other"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text(VISIT_B, encoding="utf-8")
    before = (out / "triples.jsonl").read_bytes()
    refused = run_kg("build", elsewhere, "--out", out, "--sync")
    assert refused.returncode == 1
    assert any("--sync would remove all 1 documents" in line for line in error_lines(refused))
    assert (out / "triples.jsonl").read_bytes() == before


def test_the_store_forgets_what_only_the_removed_document_said(corpus, tmp_path):
    (corpus / "2024-03-07-01.txt").write_text("本报讯 3月6日，市长王大明到东岚镇督导。\n", encoding="utf-8")
    out, store = tmp_path / "graph", tmp_path / "store"
    build(corpus, out)
    load_into_store([out], store)
    assert _readings(store, "东岚镇") == 2
    (corpus / "2024-03-03-01.txt").unlink()
    (corpus / "2024-03-07-01.txt").unlink()
    build(corpus, out, "--sync")
    counts = load_into_store([out], store)
    assert counts["removed"] > 0
    s = ox.Store(str(store))
    try:
        names_in_store = {str(r["n"].value) for r in s.query(PREFIX + "SELECT ?n WHERE { ?e schema:name ?n }")}
        assert "青禾科技有限公司" not in names_in_store and {"王大明", "东岚镇"} <= names_in_store
        direct = s.query(PREFIX + "ASK { ?p schema:name '王大明'@zh . ?o schema:name '东岚镇'@zh . ?p kg:visited ?o }")
        assert bool(direct)
        mention_counts = list(s.query(PREFIX + "SELECT ?c WHERE { ?e schema:name '王大明'@zh ; kg:mentionCount ?c }"))
        assert [int(r["c"].value) for r in mention_counts] == [1]
    finally:
        del s
    assert _readings(store, "东岚镇") == 1              # the fact stays, with the one reading left


def _readings(store, place: str) -> int:
    s = ox.Store(str(store))
    try:
        rows = s.query(PREFIX + "SELECT (COUNT(?t) AS ?c) WHERE { ?t a kg:Assertion ; rdf:predicate kg:visited ; "
                                f"rdf:object ?o . ?o schema:name '{place}'@zh }}")
        return int(next(iter(rows))["c"].value)
    finally:
        del s
