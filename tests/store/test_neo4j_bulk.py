"""kg neo4j load --bulk and kg export --format neo4j-csv: neo4j-admin's importer, the same graph as MERGE.

The bulk load needs a stopped server, so it runs on a second, scratch Neo4j
home (the jars of the test server's home linked in), started and stopped
with scripts/neo4j-local; the MERGE load runs on the test server.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from kg.records import read_records
from kg.store.neo4j import connect
from kg.store.neo4j_bulk import ARGS_FILE, database_is_empty, header_field, write_import_files
from kg.store.sparql_engine import free_port
from neo4j_helpers import kg_neo4j
from real_parts import DATA, ROOT, missing

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]
LOCAL = ROOT / "scripts" / "neo4j-local"


def tricky_records() -> list[dict]:
    """The invented fixture with the values an importer can get wrong: quotes, commas, newlines,
    empty strings and lists, dates, a PDF triple's page and bbox (ints and floats mixed)."""
    records = list(read_records(DATA / "neo4j-fixture.jsonl"))
    article = next(r for r in records if r["kind"] == "article")
    article |= {"pages": [3, 4], "edition": "A03", "headline": 'a,"b"\n第二行'}
    triple = next(r for r in records if r["kind"] == "triple")
    triple |= {"page": 3, "bbox": [10, 20.5, 300, 40.25], "title": ""}
    entity = next(r for r in records if r["kind"] == "entity" and r["aliases"])
    entity["aliases"] = [*entity["aliases"], "别名,带逗号", 'x"y']
    entity["curated"] = triple["curated"] = ["fix.tsv:1 rename"]        # a curation file's mark
    return records


def graph_dump(driver) -> dict:
    """Every node and relationship with labels, type and properties, keyed by what identifies them."""
    nodes = {rec["id"]: {"labels": sorted(rec["labels"]), "props": json.dumps(rec["props"], sort_keys=True,
                                                                              default=str)}
             for rec in driver.execute_query(
                 "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props").records}
    rels = sorted(json.dumps([rec["s"], rec["t"], rec["o"], rec["props"]], sort_keys=True, default=str)
                  for rec in driver.execute_query(
                      "MATCH (s)-[r]->(o) RETURN s.id AS s, type(r) AS t, o.id AS o, properties(r) AS props").records)
    return {"nodes": nodes, "relationships": rels}


@pytest.fixture
def scratch(tmp_path, neo4j_env):
    """A second Neo4j home (the test server's jars linked in), started once so its database exists, empty."""
    test_home = Path(neo4j_env.get("NEO4J_HOME") or "")
    if not (test_home / "lib" / ".complete").exists():
        missing("the test server's home (NEO4J_HOME from scripts/neo4j-local start) is not known")
    cache = tmp_path / "neo4j"
    env = os.environ | {"KG_NEO4J_CACHE": str(cache), "NEO4J_BOLT_PORT": str(free_port()),
                        "KG_NEO4J_JARS_FROM": str(test_home)}
    started = subprocess.run([LOCAL, "start"], env=env, capture_output=True, text=True, timeout=300)
    assert started.returncode == 0, started.stderr[-1500:]
    words = dict(w.split("=", 1) for w in started.stdout.split()[1:])
    scratch_env = {k: words[k].strip("'") for k in ("NEO4J_HOME", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")}
    try:
        yield scratch_env | {"KG_NEO4J_CACHE": str(cache)}
    finally:
        subprocess.run([LOCAL, "stop"], env=env, capture_output=True, timeout=180)


def test_the_bulk_load_refuses_a_running_server_then_gives_the_graph_merge_gives(tmp_path, scratch, driver,
                                                                                  neo4j_env):
    records = tricky_records()
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    merged = kg_neo4j(neo4j_env, "load", source)
    assert merged.returncode == 0, merged.stderr
    expected = graph_dump(driver)

    running = kg_neo4j(scratch, "load", "--bulk", source)
    assert running.returncode == 1 and "is running" in running.stderr
    assert len(running.stderr.strip().splitlines()) == 1

    env = os.environ | {"KG_NEO4J_CACHE": scratch["KG_NEO4J_CACHE"]}
    subprocess.run([LOCAL, "stop"], env=env, capture_output=True, timeout=180, check=True)
    assert database_is_empty(Path(scratch["NEO4J_HOME"]), "neo4j")
    bulk = kg_neo4j(scratch, "load", "--bulk", source, timeout=600)
    assert bulk.returncode == 0, bulk.stderr
    assert f"graph now has {len(expected['nodes'])} nodes and {len(expected['relationships'])} relationships" \
        in bulk.stdout
    imported = connect(scratch["NEO4J_URI"], scratch["NEO4J_USER"], scratch["NEO4J_PASSWORD"])
    try:
        assert graph_dump(imported) == expected
        constraints = {r["name"] for r in imported.execute_query("SHOW CONSTRAINTS YIELD name").records}
        assert {"entity_id", "article_id", "visited_id"} <= constraints
    finally:
        imported.close()

    again = kg_neo4j(scratch, "load", "--bulk", source)
    assert again.returncode == 1 and f"holds {len(expected['nodes'])} nodes" in again.stderr
    subprocess.run([LOCAL, "stop"], env=env, capture_output=True, timeout=180, check=True)
    assert not database_is_empty(Path(scratch["NEO4J_HOME"]), "neo4j")
    offline = kg_neo4j(scratch, "load", "--bulk", source)
    assert offline.returncode == 1 and "is not empty" in offline.stderr


def test_the_export_names_its_files_in_an_argument_file_neo4j_admin_reads(tmp_path):
    written = write_import_files(tricky_records(), tmp_path / "csv")
    args = (tmp_path / "csv" / ARGS_FILE).read_text(encoding="utf-8").split()
    assert {Path(p).name for p in written} == {a.partition("=")[2] for a in args if "=" in a
                                               and a.startswith(("--nodes", "--relationships"))} | {ARGS_FILE}
    header = (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[0] == "id:ID" and "pages:long[]" in header and "date:date" in header and header[-1] == ":LABEL"


def test_column_types_follow_the_values():
    assert header_field("bbox", [[1, 2.5], None]) == "bbox:double[]"
    assert header_field("confidence", [0.5, 0.9]) == "confidence:double"
    assert header_field("aliases", [[], ["甲"]]) == "aliases:string[]"
    assert header_field("code", [None, "130900"]) == "code"
