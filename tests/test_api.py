"""The Python API (kg.extract, kg.load, KnowledgeGraph) and `kg export`, on a real build of the seed page.

The exports are read back with networkx's own readers and, independently,
with the standard library's XML and CSV parsers.
"""
from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
import rdflib
from cli_helpers import error_lines, run_kg
from real_parts import ROOT

import kg

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
TEXT = "本报讯 3月2日，市长王大明到青禾科技有限公司调研。副市长李青陪同。"


@pytest.fixture(scope="module")
def graph(seed_build):
    return kg.load(seed_build)


def test_extract_takes_a_text_a_str_path_and_a_path():
    from_text = kg.extract(TEXT, date="2024-03-04", home="保定市")
    assert ("王大明", "visited", "青禾科技有限公司") in {(t["subject"], t["predicate"], t["object"])
                                                  for t in from_text if t["kind"] == "triple"}
    page = ROOT / "examples" / "pages" / "2022-09-08-yancheng-01.txt"
    assert kg.extract(str(page)) == kg.extract(page)
    assert any(r["kind"] == "article" and r["date"] == "2022-09-08" for r in kg.extract(page))
    with pytest.raises(TypeError):
        kg.extract(42)


def test_import_kg_stays_light():
    import subprocess
    import sys

    code = "import sys, kg; print(sorted(m for m in ('kg.extract.pipeline', 'rjieba', 'networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def test_load_gives_plain_records_by_kind(graph, seed_build):
    lines = (seed_build / "triples.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(graph) == len(lines)
    assert {r["kind"] for r in graph.articles} == {"article"} and graph.triples and graph.entities
    some = graph.entities[0]
    assert graph.entity(some["id"]) is some and graph.entity(some["name"])["id"] == some["id"]


def test_to_networkx_writes_graphml_and_gexf_that_read_back(graph):
    g = graph.to_networkx()
    assert g.number_of_edges() == len(graph.triples)
    for write, read in ((nx.write_graphml, nx.read_graphml), (nx.write_gexf, nx.read_gexf)):
        buf = io.BytesIO()
        write(g, buf)
        back = read(io.BytesIO(buf.getvalue()))
        assert back.number_of_nodes() == g.number_of_nodes()
        assert back.number_of_edges() == g.number_of_edges()
    node, attrs = next((n, a) for n, a in g.nodes(data=True) if a["type"] == "Official")
    assert all(isinstance(v, (str, int, float, bool)) for a in (attrs, g.graph) for v in a.values())


def test_to_rdflib_holds_what_graph_ttl_holds(graph, seed_build):
    ours = graph.to_rdflib()
    ttl = rdflib.Graph().parse(seed_build / "graph.ttl", format="turtle")
    assert len(ours) == len(ttl) > 100
    assert set(ours) == set(ttl)


def test_kg_export_graphml_read_by_the_standard_library(seed_build, tmp_path, graph):
    out = tmp_path / "g.graphml"
    res = run_kg("export", seed_build, "--format", "graphml", "-o", out)
    assert res.returncode == 0, res.stderr
    root = ET.parse(out).getroot()
    nodes = root.findall(f"{GRAPHML}graph/{GRAPHML}node")
    edges = root.findall(f"{GRAPHML}graph/{GRAPHML}edge")
    assert len(edges) == len(graph.triples) and {e.get("id") for e in edges} == {t["id"] for t in graph.triples}
    assert {n.get("id") for n in nodes} >= {e["id"] for e in graph.entities}


def test_kg_export_gexf_and_csv(seed_build, tmp_path, graph):
    res = run_kg("export", seed_build, "--format", "gexf", "-o", tmp_path / "g.gexf")
    assert res.returncode == 0, res.stderr
    gexf = ET.parse(tmp_path / "g.gexf").getroot()
    assert len([e for e in gexf.iter() if e.tag.endswith("}edge")]) == len(graph.triples)
    res = run_kg("export", seed_build, "--format", "csv", "-o", tmp_path / "tables")
    assert res.returncode == 0, res.stderr
    with open(tmp_path / "tables" / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    with open(tmp_path / "tables" / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    assert {e["id"] for e in edges} == {t["id"] for t in graph.triples}
    by_id = {n["id"]: n for n in nodes}
    t = graph.triples[0]
    edge = next(e for e in edges if e["id"] == t["id"])
    assert (edge["source"], edge["target"], edge["predicate"]) == (t["subject_id"], t["object_id"], t["predicate"])
    assert by_id[t["subject_id"]]["name"] == t["subject"]


def test_kg_export_of_nothing_is_one_line(tmp_path):
    res = run_kg("export", tmp_path / "nowhere", "--format", "graphml")
    assert res.returncode == 1
    (line,) = error_lines(res)
    assert "nowhere" in line and "kg build" in line
    assert not (tmp_path / "nowhere").exists()


def test_kg_export_neo4j_csv_writes_the_importers_files(seed_build, tmp_path, graph):
    res = run_kg("export", seed_build, "--format", "neo4j-csv", "-o", tmp_path / "import")
    assert res.returncode == 0, res.stderr
    rows = {}
    for path in (tmp_path / "import").glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            rows[path.name] = list(csv.reader(fh))
    entity_ids = {r[0] for name, table in rows.items() if name.startswith("entities-") for r in table[1:]}
    assert entity_ids == {e["id"] for e in graph.entities}
    triple_rows = [dict(zip(table[0], r)) for name, table in rows.items() if name.startswith("triples-")
                   for r in table[1:]]
    assert {r["id"] for r in triple_rows} == {t["id"] for t in graph.triples}
    assert all(r[":START_ID"] in entity_ids and r[":END_ID"] in entity_ids for r in triple_rows)
    args = (tmp_path / "import" / "neo4j-admin.args").read_text(encoding="utf-8").split()
    assert sorted(a.partition("=")[2] for a in args if a.startswith(("--nodes=", "--relationships="))) \
        == sorted(rows)
