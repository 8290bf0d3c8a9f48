"""`kg rdf query` runs saved queries by name, lists them, and binds --param values to variables."""
from __future__ import annotations

import csv
import io

import pytest
from cli_helpers import run_kg
from real_parts import ROOT


@pytest.fixture(scope="module")
def store(seed_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "kg.store"
    res = run_kg("rdf", "load", seed_build, "--store", path)
    assert res.returncode == 0, res.stderr
    return path


def rows(res) -> list[dict]:
    assert res.returncode == 0, res.stderr
    return list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8"))))


def test_a_saved_query_runs_by_name(store):
    by_name = rows(run_kg("rdf", "query", "graph-overview", "--store", store))
    by_file = rows(run_kg("rdf", "query", f"@{ROOT / 'queries' / 'graph-overview.rq'}", "--store", store))
    assert by_name == by_file and by_name


def test_the_list_names_every_saved_query():
    listing = run_kg("rdf", "query", "--list").stdout.decode("utf-8")
    for f in (ROOT / "queries").glob("*.rq"):
        assert f.stem in listing


def test_a_param_is_bound_not_pasted(store, seed_build):
    import json

    names = [json.loads(line)["name"] for line in (seed_build / "triples.jsonl").read_text(encoding="utf-8").splitlines()
             if '"kind": "entity"' in line and '"type": "Official"' in line]
    query = "SELECT ?e ?name WHERE { ?e schema:name ?name }"
    found = rows(run_kg("rdf", "query", query, "--param", f"name={names[0]}", "--store", store))
    assert len(found) == 1 and found[0]["e"].startswith("https://kg.example.org/id/e-")
    hostile = '甲" } UNION { ?e ?p ?o } #'
    assert rows(run_kg("rdf", "query", query, "--param", f"name={hostile}", "--store", store)) == []
    bad = run_kg("rdf", "query", query, "--param", "nameless", "--store", store)
    assert bad.returncode == 2 and b"NAME=VALUE" in bad.stderr
    unused = run_kg("rdf", "query", "SELECT ?e WHERE { ?e schema:name ?name }", "--param", "title=甲",
                    "--store", store)
    assert unused.returncode == 1 and len(unused.stderr.splitlines()) == 1 and b"no variable ?title" in unused.stderr


def test_a_saved_query_takes_the_parameters_its_params_line_names(store):
    listing = run_kg("rdf", "query", "--list").stdout.decode("utf-8")
    assert "visits-of-official  --param officialName=…" in listing
    every = rows(run_kg("rdf", "query", "visits-of-official", "--store", store))
    officials = sorted({r["officialName"] for r in every})
    assert len(officials) >= 2
    one = rows(run_kg("rdf", "query", "visits-of-official", "--param", f"officialName={officials[0]}",
                      "--store", store))
    assert one and {r["officialName"] for r in one} == {officials[0]}
    assert len(one) < len(every)
