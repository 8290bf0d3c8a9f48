"""The persistent store (`kg rdf load`) and SHACL validation (`kg validate`), through the CLI."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store.rdf_store import ONTOLOGY_GRAPH, RDF_FILE_FORMATS, StoreError, is_store, resolve_input
from kg.store.shacl import validate_path
from real_parts import ROOT

FIXTURE = ROOT / "tests" / "data" / "rdf-fixture.jsonl"


def kg_cmd(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def count(store_path, graph=None) -> int:
    store = ox.Store.read_only(str(store_path))
    n = len(list(store.quads_for_pattern(None, None, None, graph)))
    del store
    return n


def split_fixture(tmp_path) -> tuple[Path, Path]:
    """Two 'pages': each with its own articles and triples, sharing some entities."""
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    arts = sorted(r["id"] for r in recs if r["kind"] == "article")
    first = {arts[0]}
    pages = []
    for n, keep in enumerate((lambda a: a in first, lambda a: a not in first)):
        d = tmp_path / f"page{n}"
        d.mkdir()
        out = [r for r in recs if (r["kind"] == "entity") or
               (r["kind"] == "article" and keep(r["id"])) or
               (r["kind"] == "triple" and keep(r["article"]))]
        (d / "triples.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out),
                                         encoding="utf-8")
        pages.append(d)
    return pages[0], pages[1]


def test_load_pages_adds_without_duplicating(tmp_path):
    page0, page1 = split_fixture(tmp_path)
    store = tmp_path / "store"
    r = kg_cmd("rdf", "load", str(page0), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert is_store(store)
    after_first = count(store)
    assert kg_cmd("rdf", "load", str(page1), "--store", str(store)).returncode == 0
    after_both = count(store)
    assert after_both > after_first
    assert kg_cmd("rdf", "load", str(page0), str(page1), "--store", str(store)).returncode == 0
    assert count(store) == after_both                      # loading again adds nothing
    # the same as loading the whole fixture at once
    whole = tmp_path / "whole"
    assert kg_cmd("rdf", "load", str(FIXTURE), "--store", str(whole)).returncode == 0
    assert count(whole) == after_both
    assert count(whole, ONTOLOGY_GRAPH) > 100              # the ontology in its own graph
    r = kg_cmd("rdf", "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(whole))
    assert r.returncode == 0 and r.stdout.split()[1] == str(count(whole, ox.DefaultGraph()))


def test_load_bad_input_names_it_and_leaves_no_store(tmp_path):
    store = tmp_path / "store"
    r = kg_cmd("rdf", "load", str(tmp_path / "missing"), "--store", str(store))
    assert r.returncode != 0 and "missing" in r.stderr and "Traceback" not in r.stderr
    assert not store.exists()
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    r = kg_cmd("rdf", "load", str(bad), "--store", str(store))
    assert r.returncode != 0 and "bad.ttl" in r.stderr and "Traceback" not in r.stderr


def test_an_unknown_kind_of_file_is_refused_naming_every_loadable_one(tmp_path):
    odd = tmp_path / "data.csv"
    odd.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(StoreError, match="data.csv: cannot load this kind of file") as info:
        resolve_input(odd)
    assert all(suffix in str(info.value) for suffix in (".jsonl", *RDF_FILE_FORMATS))


def test_validate_conforms_on_fixture():
    r = kg_cmd("validate", str(FIXTURE))
    assert r.returncode == 0, r.stdout
    assert "conforms" in r.stdout


def _broken_fixture(tmp_path) -> Path:
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    person = next(r for r in recs if r["kind"] == "entity" and r["type"] == "Person")
    place = next(r for r in recs if r["kind"] == "entity" and r["type"] == "Place")
    recs.append({"kind": "triple", "id": "t-bad000000001", "subject_id": person["id"],
                 "predicate": "visited", "object_id": place["id"], "date": "2030-05-01",
                 "article": None, "evidence": "x", "span": [5, 9], "rule": "test", "confidence": 0.5})
    d = tmp_path / "bad"
    d.mkdir()
    (d / "triples.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                                     encoding="utf-8")
    return d


def test_validate_reports_violation(tmp_path):
    bad = _broken_fixture(tmp_path)
    r = kg_cmd("validate", str(bad))
    assert r.returncode == 1
    assert "kg:visited must be a kg:Official" in r.stdout
    result = validate_path(bad)
    assert not result["conforms"]
    assert any(v["message"] == "the subject of kg:visited must be a kg:Official" for v in result["violations"])


def test_validate_catches_nameless_entity_and_bad_code(tmp_path):
    import rdflib
    from kg.store.rdf import KG, SCHEMA, records_to_graph
    from kg.store.shacl import validate_graph
    g = records_to_graph([json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()])
    area = next(g.subjects(rdflib.RDF.type, KG.AdministrativeArea))
    g.set((area, KG.gbt2260Code, rdflib.Literal("12AB")))
    g.remove((next(g.subjects(rdflib.RDF.type, KG.Place)), SCHEMA.name, None))
    msgs = {v["message"] for v in validate_graph(g)["violations"]}
    assert "a GB/T 2260 code is six digits" in msgs
    assert "every entity has exactly one name (a @zh literal)" in msgs


def test_validate_missing_input_is_one_line_error(tmp_path):
    r = kg_cmd("validate", str(tmp_path))
    assert r.returncode == 1 and "triples.jsonl" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_validate_reads_rdf_files(tmp_path, fmt):
    from kg.store.rdf import write_rdf
    from kg.records import read_records
    path = tmp_path / f"graph.{fmt}"
    write_rdf(read_records(FIXTURE), path, fmt)
    assert validate_path(path)["conforms"]


def test_bad_file_adds_nothing_to_existing_store(tmp_path):
    store = tmp_path / "store"
    assert kg_cmd("rdf", "load", str(FIXTURE), "--store", str(store)).returncode == 0
    before = count(store)
    bad = tmp_path / "half.jsonl"
    good_line = FIXTURE.read_text(encoding="utf-8").splitlines()[-1].replace('"t-', '"t-new')
    bad.write_text(good_line + "\n" + '{"kind": "entity", "id": "e-x", "type": "Alien", "name": "甲"}\n',
                   encoding="utf-8")
    r = kg_cmd("rdf", "load", str(bad), "--store", str(store))
    assert r.returncode == 1 and "e-x" in r.stderr
    assert count(store) == before
    half_ttl = tmp_path / "half.ttl"
    half_ttl.write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n<urn:x:d> <urn:x:e> .\n", encoding="utf-8")
    assert kg_cmd("rdf", "load", str(half_ttl), "--store", str(store)).returncode == 1
    assert count(store) == before


def test_load_refuses_a_directory_that_is_not_a_store(tmp_path):
    other = tmp_path / "docs"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    r = kg_cmd("rdf", "load", str(FIXTURE), "--store", str(other))
    assert r.returncode == 1 and "not an Oxigraph store" in r.stderr
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]


def test_serve_bad_source_is_one_line_error(tmp_path):
    r = kg_cmd("serve", str(tmp_path), "--port", "0")
    assert r.returncode == 1 and "triples.jsonl" in r.stderr and "Traceback" not in r.stderr
