"""The real pipeline's output for the seed page through RDF, SHACL, the store and the endpoint.

The seed is built once per session by the `seed_build` fixture (tests/conftest.py).
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import rdflib

from kg.store.rdf import write_rdf
from kg.records import read_records
from test_sparql_support import QUERIES, ROOT, Endpoint, post_direct, rows



@pytest.fixture(scope="module")
def seed_dir(seed_build):
    return seed_build


def test_seed_output_conforms_to_shapes(seed_dir):
    run = subprocess.run([sys.executable, "-m", "kg", "validate", str(seed_dir)],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stdout[-3000:]


def test_seed_rdf_round_trips(seed_dir, tmp_path):
    records = list(read_records(seed_dir))
    for fmt, parse_as in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        n = write_rdf(records, tmp_path / f"g.{fmt}", fmt)
        assert len(rdflib.Graph().parse(tmp_path / f"g.{fmt}", format=parse_as)) == n


def test_seed_endpoint_answers_like_the_records(seed_dir):
    records = list(read_records(seed_dir))
    visited = {(r["subject_id"], r["object_id"]) for r in records
               if r["kind"] == "triple" and r["predicate"] == "visited"}
    officials = {r["id"]: r["name"] for r in records if r["kind"] == "entity" and r["type"] == "Official"}
    ep = Endpoint(seed_dir)
    try:
        q = ("PREFIX kg: <https://kg.example.org/ontology#> "
             "SELECT ?s ?o WHERE { ?s kg:visited ?o }")
        status, _, body = post_direct(ep.url, q)
        assert status == 200
        got = {(r["s"].rsplit("/", 1)[1], r["o"].rsplit("/", 1)[1]) for r in rows(body)}
        assert got == visited
        for rq in sorted(QUERIES.glob("*.rq")):
            status, _, body = post_direct(ep.url, rq.read_text(encoding="utf-8"))
            assert status == 200, (rq.name, body[:300])
            json.loads(body)
        if visited:
            status, _, body = post_direct(ep.url, (QUERIES / "visits-of-official.rq").read_text(encoding="utf-8"))
            names = {r["officialName"] for r in rows(body)}
            assert names == {officials[s] for s, _ in visited if s in officials}     # every official who visited
    finally:
        assert ep.stop() == 0
