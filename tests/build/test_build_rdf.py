"""graph.ttl of kg build: sorted outside memory, byte for byte what kg.store.rdf.write_rdf writes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build.merge import write_ttl
from kg.store.rdf import write_rdf
from kg.records import read_records
from real_parts import ROOT



@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    pages = tmp_path_factory.mktemp("pages")
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), "5", "--out", str(pages), "--seed", "9"],
                   check=True, capture_output=True)
    out = tmp_path_factory.mktemp("g")
    subprocess.run([sys.executable, "-m", "kg", "build", str(pages), "--out", str(out), "--jobs", "1",
                    "--no-html"], check=True, capture_output=True)
    return out / "triples.jsonl"


@pytest.mark.parametrize("chunk", [7, 1000, 100_000])
def test_streamed_turtle_equals_write_rdf(graph, tmp_path, chunk):
    # small chunks: many run files, duplicates across runs
    n = write_ttl(read_records(graph), tmp_path / "stream.ttl", chunk=chunk)
    m = write_rdf(read_records(graph), tmp_path / "memory.ttl", "ttl")
    assert n == m > 100
    assert (tmp_path / "stream.ttl").read_bytes() == (tmp_path / "memory.ttl").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # temp files gone


def test_streamed_turtle_parses_and_escapes(tmp_path):
    recs = [{"kind": "entity", "id": "e-1", "name": '甲"乙\n丙 <x> \\', "type": "Person", "aliases": ["丁"]},
            {"kind": "article", "id": "a-1", "headline": "标题", "mentions": ["e-1"], "span": [0, 5]},
            {"kind": "entity", "id": "e-2", "name": "戊", "type": "Person", "articles": ["a-1"]}]
    n = write_ttl(recs, tmp_path / "g.ttl")
    parsed = list(ox.parse(path=str(tmp_path / "g.ttl"), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == n
    names = {q.object.value for q in parsed if q.predicate.value == "https://schema.org/name"}
    assert '甲"乙\n丙 <x> \\' in names
