"""kg neo4j: loading records into a live Neo4j server and the query library.

Needs a real server: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, or
scripts/neo4j-local (started here when the variables are not set).
Without a server the tests skip, except under CI=true where they fail.
Every test starts from an empty database.
"""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.store.neo4j import REL_TYPES, Neo4jStoreError, clear_graph, connect, graph_counts, load_records, run_query
from kg.records import read_records
from kg.vocab import TENURE_TYPE
from neo4j_helpers import kg_command, kg_neo4j
from real_parts import ROOT

DATA = ROOT / "tests" / "data"
FIXTURE = DATA / "neo4j-fixture.jsonl"
FIXTURE2 = DATA / "neo4j-fixture-2.jsonl"
QUERIES = ROOT / "queries"
LOCAL = ROOT / "scripts" / "neo4j-local"
TRICKY = 'O\'Neil "联合" \\ {x} $name\n<script>alert(1)</script>有限公司'

pytestmark = pytest.mark.neo4j


@pytest.fixture
def loaded(driver):
    """Both invented corpora loaded."""
    for path in (FIXTURE, FIXTURE2):
        load_records(driver, read_records(path))
    return driver


def query_json(neo4j_env, query_file, **params):
    args = ["query", "--file", QUERIES / query_file, "--format", "json"]
    for k, v in params.items():
        args += ["--param", f"{k}={v}"]
    proc = kg_neo4j(neo4j_env, *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def expected_counts(*paths) -> tuple[Counter, Counter]:
    """Node labels and relationship types the records should produce."""
    entities, articles, triples, mentions, bylines = {}, {}, {}, set(), set()
    for path in paths:
        for r in read_records(path):
            if r["kind"] == "entity":
                entities[r["id"]] = r["type"]
            elif r["kind"] == "article":
                articles[r["id"]] = r
                mentions |= {(r["id"], e) for e in r["mentions"]}
                bylines |= {(r["id"], b["id"]) for b in r["byline"] if b.get("id")}
            elif r["kind"] == "triple":
                triples[r["id"]] = REL_TYPES[r["predicate"]]
            elif r["kind"] == "tenure":          # one per tenure id: corpora that share it merge it
                triples[r["id"]] = TENURE_TYPE
    labels = Counter(entities.values()) + Counter({"Entity": len(entities), "Article": len(articles)})
    rels = Counter(triples.values()) + Counter({"MENTIONS": len(mentions), "REPORTED_BY": len(bylines)})
    return labels, +rels


def actual_counts(driver) -> tuple[Counter, Counter]:
    labels = Counter()
    for rec in driver.execute_query("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c").records:
        labels[rec["l"]] = rec["c"]
    rels = Counter()
    for rec in driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c").records:
        rels[rec["t"]] = rec["c"]
    return labels, rels


def records_of(path, kind):
    return [r for r in read_records(path) if r["kind"] == kind]


# --------------------------------------------------------------------------- loading

def test_load_creates_every_node_and_relationship(driver, neo4j_env):
    proc = kg_neo4j(neo4j_env, "load", FIXTURE, "--batch-size", "3")
    assert proc.returncode == 0, proc.stderr
    assert "kg neo4j: Enterprise entities: 3/4" in proc.stderr  # progress of steps longer than a batch
    labels, rels = expected_counts(FIXTURE)
    assert actual_counts(driver) == (labels, rels)
    assert f"{sum(rels.values())} relationships created" in proc.stdout
    constraints = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    assert {"entity_id", "article_id", "visited_id"} <= constraints


def test_second_load_of_same_dir_changes_no_counts(driver, neo4j_env, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "triples.jsonl").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    assert kg_neo4j(neo4j_env, "load", out_dir).returncode == 0
    first = actual_counts(driver)
    proc = kg_neo4j(neo4j_env, "load", out_dir)
    assert proc.returncode == 0, proc.stderr
    assert "0 nodes and 0 relationships created" in proc.stdout
    assert actual_counts(driver) == first


def test_second_corpus_merges_entities_by_id(loaded):
    labels, rels = expected_counts(FIXTURE, FIXTURE2)
    assert actual_counts(loaded) == (labels, rels)
    rows = loaded.execute_query("MATCH (p:Official {name: '王明远'}) RETURN p.aliases AS a, p.titles AS t").records
    assert len(rows) == 1
    assert rows[0]["a"] == ["王市长", "明远同志"] and rows[0]["t"] == ["市长"]


def test_relationship_and_article_properties(loaded):
    triple = next(t for t in records_of(FIXTURE, "triple") if t["predicate"] == "visited"
                  and t["subject"] == "王明远" and t["object"] == "东湖区")
    _, rows, _ = run_query(loaded, "MATCH ()-[r:VISITED {id: $id}]->() RETURN r", {"id": triple["id"]})
    rel = rows[0][0]
    assert rel == {"_type": "VISITED", "id": triple["id"], "date": "2021-11-25", "evidence": triple["evidence"],
                   "article": triple["article"], "span": triple["span"],
                   "rule": "visited.fixture", "confidence": 0.9}
    art = records_of(FIXTURE, "article")[0]
    _, rows, _ = run_query(loaded, "MATCH (a:Article {id: $id})-[b:REPORTED_BY]->(j) "
                                   "RETURN a.headline, a.date, a.byline, a.source, b.role, j.name", {"id": art["id"]})
    assert rows == [[art["headline"], art["date"], ["陈小记"], art["source"], "记者", "陈小记"]]


def test_tricky_names_round_trip_through_load_and_cli(loaded, neo4j_env):
    _, rows, _ = run_query(loaded, "MATCH (e:Enterprise) WHERE e.name CONTAINS '<script>' RETURN e.name")
    assert rows == [[TRICKY]]
    query = "MATCH (e:Entity {name: $name}) RETURN e.name AS name"
    proc = kg_neo4j(neo4j_env, "query", query, "--param", f"name={TRICKY}", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"name": TRICKY}]
    proc = kg_neo4j(neo4j_env, "query", query, "--param", f"name={TRICKY}", "--format", "csv")
    assert list(csv.reader(io.StringIO(proc.stdout))) == [["name"], [TRICKY]]
    proc = kg_neo4j(neo4j_env, "query", query, "--param", f"name={TRICKY}")
    assert TRICKY.replace("\n", "⏎") in proc.stdout and "(1 row)" in proc.stdout


names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(names, min_size=1, max_size=12))
def test_any_name_round_trips(session_driver, batch):
    clear_graph(session_driver)
    recs = [{"kind": "entity", "id": f"e-{i}", "name": n, "type": "Person", "aliases": [n]}
            for i, n in enumerate(batch)]
    load_records(session_driver, recs, batch_size=5)
    _, rows, _ = run_query(session_driver, "MATCH (e:Person) RETURN e.id, e.name, e.aliases")
    assert {r[0]: (r[1], r[2]) for r in rows} == {r["id"]: (r["name"], [r["name"]]) for r in recs}


# --------------------------------------------------------------------------- bad conditions

def test_unreachable_server_fails_with_clear_error(neo4j_env):
    with socket.socket() as silent:  # accepts TCP but never speaks Bolt
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        for uri in ("bolt://127.0.0.1:1", f"bolt://127.0.0.1:{silent.getsockname()[1]}"):
            proc = kg_neo4j(neo4j_env, "query", "RETURN 1", env={"NEO4J_URI": uri}, timeout=60)
            assert proc.returncode != 0
            assert f"kg: error: cannot reach Neo4j at {uri}" in proc.stderr
            assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_wrong_password_names_user_not_password(neo4j_env):
    secret = "wrong-Pa55-" + "x" * 8
    proc = kg_neo4j(neo4j_env, "load", FIXTURE, env={"NEO4J_PASSWORD": secret})
    assert proc.returncode != 0
    assert f"refused the login of user '{neo4j_env['NEO4J_USER']}'" in proc.stderr
    assert secret not in proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr


def test_bad_records_are_refused_before_any_write(driver, neo4j_env, tmp_path):
    recs = list(read_records(FIXTURE))
    bad = next(r for r in recs if r["kind"] == "entity" and r["name"] == "东湖区")
    bad["type"] = "Galaxy"
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    proc = kg_neo4j(neo4j_env, "load", path)
    assert proc.returncode == 1
    assert f"entity {bad['id']}: unknown type 'Galaxy'" in proc.stderr
    assert graph_counts(driver) == {"nodes": 0, "relationships": 0}
    path.write_text('{"kind": "entity"\n', encoding="utf-8")
    proc = kg_neo4j(neo4j_env, "load", path)
    assert proc.returncode == 1 and f"{path}:1: not a JSON record" in proc.stderr


def test_failed_batch_rolls_back_whole_and_rerun_completes(driver, neo4j_env, tmp_path):
    recs = list(read_records(FIXTURE))
    enterprises = sorted((r for r in recs if r["kind"] == "entity" and r["type"] == "Enterprise"),
                         key=lambda r: r["id"])
    bad = enterprises[2]  # a batch of 2: the first Enterprise batch commits, the second fails
    bad["code"] = {"not": "a property value"}  # the server refuses maps as property values
    path = tmp_path / "triples.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    proc = kg_neo4j(neo4j_env, "load", path, "--batch-size", "2")
    assert proc.returncode == 1
    assert "Enterprise entities 3-4 of 4 failed and were rolled back" in proc.stderr
    _, rows, _ = run_query(driver, "MATCH (e:Enterprise) RETURN e.id ORDER BY e.id")
    assert [r[0] for r in rows] == [e["id"] for e in enterprises[:2]]  # nothing of the failed batch
    assert graph_counts(driver)["relationships"] == 0  # triples come after entities
    bad["code"] = None
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    proc = kg_neo4j(neo4j_env, "load", path, "--batch-size", "2")
    assert proc.returncode == 0, proc.stderr
    assert actual_counts(driver) == expected_counts(FIXTURE)


def test_interrupted_load_leaves_whole_batches_and_rerun_completes(driver):
    seen = []

    def stop_after_three(message):
        seen.append(message)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_records(driver, read_records(FIXTURE), batch_size=1, progress=stop_after_three)
    partial = graph_counts(driver)
    assert 0 < partial["nodes"] < sum(expected_counts(FIXTURE)[0].values())
    # no relationship hangs off a missing node: every batch is whole
    load_records(driver, read_records(FIXTURE), batch_size=1)
    assert actual_counts(driver) == expected_counts(FIXTURE)


def test_query_errors_are_one_line(driver, neo4j_env):
    proc = kg_neo4j(neo4j_env, "query", "MATCH (n RETURN n")
    assert proc.returncode == 1 and proc.stderr.startswith("kg: error: Cypher syntax error")
    proc = kg_neo4j(neo4j_env, "query", "RETURN $x")
    assert proc.returncode == 1 and proc.stderr.strip() == \
        "kg: error: the query needs parameter(s) x: give --param NAME=VALUE"
    proc = kg_neo4j(neo4j_env, "query", "RETURN $n + 1 AS m, $s AS s", "-p", "n:=41", "-p", "s=41", "--format", "json")
    assert json.loads(proc.stdout) == [{"m": 42, "s": "41"}]


# --------------------------------------------------------------------------- queries/*.cypher on the fixture

def test_every_query_file_is_commented_and_parameterised():
    files = sorted(QUERIES.glob("*.cypher"))
    assert len(files) >= 8
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("//"), f"{f.name} has no comment header"
        assert "'" not in "".join(l for l in text.splitlines() if not l.startswith("//")) or f.name == "graph_overview.cypher", \
            f"{f.name}: names must come in as $parameters"


def test_visits_of_official(loaded, neo4j_env):
    rows = query_json(neo4j_env, "visits_of_official.cypher", name="王明远")
    assert [(r["date"], r["visited"]) for r in rows] == [
        ("2021-11-25", "东湖区"), ("2021-11-25", "青川钢铁有限公司"), ("2021-11-26", "绿源食品有限公司"),
        ("2021-12-01", "青川新材料有限公司"), ("2021-12-01", "青川钢铁有限公司")]
    assert rows[0]["article"] == "王明远到东湖区调研企业发展"
    by_alias = query_json(neo4j_env, "visits_of_official.cypher", name="明远同志")  # alias from corpus 2
    assert by_alias == rows
    tricky = query_json(neo4j_env, "visits_of_official.cypher", name="李秋华")
    assert TRICKY in [r["visited"] for r in tricky]


def test_a_saved_query_runs_by_name_and_the_list_shows_its_parameters(loaded, neo4j_env):
    by_file = query_json(neo4j_env, "visits_of_official.cypher", name="王明远")
    proc = kg_neo4j(neo4j_env, "query", "visits_of_official", "--param", "name=王明远", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == by_file and by_file
    proc = kg_neo4j(neo4j_env, "query", "visits_of_official")
    assert proc.returncode == 1 and "parameter(s) name" in proc.stderr and len(proc.stderr.splitlines()) == 1
    listing = kg_neo4j(neo4j_env, "query", "--list", env={"NEO4J_PASSWORD": ""}).stdout
    for f in QUERIES.glob("*.cypher"):
        assert f.stem in listing
    assert "visits_of_official  --param name=…" in listing


def test_enterprises_visited_by_several(loaded, neo4j_env):
    rows = query_json(neo4j_env, "enterprises_visited_by_several.cypher")
    assert rows == [
        {"enterprise": "青川钢铁有限公司", "n_officials": 2, "visits": 3, "officials": ["李秋华", "王明远"]},
        {"enterprise": "绿源食品有限公司", "n_officials": 2, "visits": 2, "officials": ["王明远", "赵望川"]}]


def test_districts_by_visits(loaded, neo4j_env):
    rows = query_json(neo4j_env, "districts_by_visits.cypher")
    assert [(r["area"], r["visits"], r["direct"], r["via_places_within"], r["officials"]) for r in rows] == [
        ("青川市", 10, 0, 10, 3), ("东湖区", 7, 2, 5, 3), ("西山县", 3, 1, 2, 3)]


def test_policies_by_issuer(loaded, neo4j_env):
    assert query_json(neo4j_env, "policies_by_issuer.cypher") == [
        {"issuer": "青川市人民政府", "policy": "青川市优化营商环境条例", "date": "2021-10-01",
         "date_text": None, "applies_to": ["青川市"]}]


def test_offices_of_person(loaded, neo4j_env):
    assert query_json(neo4j_env, "offices_of_person.cypher", name="李秋华") == [
        {"person": "李秋华", "title": "副市长", "organisation": "青川市人民政府",
         "first_reported": "2021-11-26", "times": 1}]
    assert query_json(neo4j_env, "offices_of_person.cypher", name="青川市") == []


def test_neighbourhood_of_official(loaded, neo4j_env):
    rows = query_json(neo4j_env, "neighbourhood_of_official.cypher", name="王明远")
    assert {(r["neighbour"], r["hops"]) for r in rows} == {
        ("东湖区", 1), ("绿源食品有限公司", 1), ("青川市人民政府", 1), ("青川新材料有限公司", 1),
        ("青川钢铁有限公司", 1), ("东湖科技园", 2), ("李秋华", 2), ("西山县", 2), ("赵望川", 2),
        ("青川市", 2), ("青川市优化营商环境条例", 2), ("青川钢铁集团", 2)}
    assert next(r for r in rows if r["neighbour"] == "李秋华")["via"] == ["HOLDS_POSITION", "HOLDS_POSITION"]


def test_officials_linked_by_enterprises(loaded, neo4j_env):
    rows = query_json(neo4j_env, "officials_linked_by_enterprises.cypher", a="李秋华", b="赵望川")
    assert [(r["hops"], r["chain"]) for r in rows] == [
        (4, ["李秋华", "青川钢铁有限公司", "王明远", "绿源食品有限公司", "赵望川"])]


def test_evidence_for_fact_and_triple(loaded, neo4j_env):
    rows = query_json(neo4j_env, "evidence_for_fact.cypher", subject="王明远", object="青川钢铁有限公司")
    assert [(r["fact"], r["published"], r["evidence"]) for r in rows] == [
        ("VISITED", "2021-11-26", "王明远来到青川钢铁有限公司。"),
        ("VISITED", "2021-12-02", "王明远再到青川钢铁有限公司。")]
    triple = next(t for t in records_of(FIXTURE, "triple") if t["predicate"] == "issued")
    article = next(a for a in records_of(FIXTURE, "article") if a["id"] == triple["article"])
    rows = query_json(neo4j_env, "evidence_for_triple.cypher", triple=triple["id"])
    assert rows == [{"subject": "青川市人民政府", "fact": "ISSUED", "object": "青川市优化营商环境条例",
                     "evidence": triple["evidence"], "span": triple["span"], "headline": article["headline"],
                     "published": "2021-11-26", "source": triple["source"], "reporters": ["陈小记"]}]


def test_articles_by_journalist_and_overview(loaded, neo4j_env):
    rows = query_json(neo4j_env, "articles_by_journalist.cypher", name="陈小记")
    assert [r["published"] for r in rows] == ["2021-12-02", "2021-11-26", "2021-11-26"]
    overview = query_json(neo4j_env, "graph_overview.cypher")
    labels, rels = expected_counts(FIXTURE, FIXTURE2)
    assert {r["name"]: r["count"] for r in overview if r["kind"] == "node"} == dict(labels)
    assert {r["name"]: r["count"] for r in overview if r["kind"] == "relationship"} == dict(rels)


def test_query_text_as_argument_like_cat(loaded, neo4j_env):
    # what `kg neo4j query "$(cat queries/x.cypher)" --param name=…` passes
    text = (QUERIES / "offices_of_person.cypher").read_text(encoding="utf-8")
    proc = kg_neo4j(neo4j_env, "query", text, "--param", "name=王明远", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "王明远,市长,青川市人民政府,2021-11-26,1"


# --------------------------------------------------------------------------- real `kg build` output

SEED_PAGE = ROOT.parent / "shared" / "corpus" / "seed-page.txt"
EXAMPLES = ROOT / "examples" / "pages"


@pytest.fixture(scope="module")
def built(tmp_path_factory, seed_build):
    """`kg build` of the seed page (shared fixture) and of examples/pages (the real pipeline)."""
    assert list(EXAMPLES.glob("*.txt")), "examples/pages missing"
    out = {"seed": seed_build, "examples": tmp_path_factory.mktemp("examples")}
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(EXAMPLES), "--out", str(out["examples"]),
                           "--no-html"], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    return out


def test_real_output_loads_idempotently_and_merges_corpora(driver, neo4j_env, built):
    seed, examples = built["seed"], built["examples"]
    assert kg_neo4j(neo4j_env, "load", seed).returncode == 0
    assert actual_counts(driver) == expected_counts(seed / "triples.jsonl")
    proc = kg_neo4j(neo4j_env, "load", seed)
    assert "0 nodes and 0 relationships created" in proc.stdout
    assert actual_counts(driver) == expected_counts(seed / "triples.jsonl")
    assert kg_neo4j(neo4j_env, "load", examples).returncode == 0
    assert actual_counts(driver) == expected_counts(seed / "triples.jsonl", examples / "triples.jsonl")


def run_file(driver, query_file, **params):
    keys, rows, _ = run_query(driver, (QUERIES / query_file).read_text(encoding="utf-8"), params)
    return [dict(zip(keys, row)) for row in rows]


class Records:
    """The built records, indexed the way the queries look things up."""

    def __init__(self, *paths):
        self.entities, self.articles, self.triples, self.tenures = {}, {}, [], []
        for path in paths:
            for r in read_records(path):
                {"entity": lambda: self.entities.__setitem__(r["id"], r),
                 "article": lambda: self.articles.__setitem__(r["id"], r),
                 "triple": lambda: self.triples.append(r),
                 "tenure": lambda: self.tenures.append(r)}[r["kind"]]()

    def ids_named(self, name):
        return {i for i, e in self.entities.items() if e["name"] == name or name in (e.get("aliases") or [])}

    def facts(self, *predicates):
        return [t for t in self.triples if t["predicate"] in predicates]

    def typ(self, eid):
        return self.entities[eid]["type"]

    def name(self, eid):
        return self.entities[eid]["name"]


def test_queries_answer_what_the_records_say(driver, built):
    paths = [built["seed"] / "triples.jsonl", built["examples"] / "triples.jsonl"]
    for p in paths:
        load_records(driver, read_records(p))
    recs = Records(*paths)
    visits = recs.facts("visited")
    assert visits, "the pipeline found no visits"

    # every visit of the most travelled official, with dates
    official = Counter(recs.name(t["subject_id"]) for t in visits if recs.typ(t["subject_id"]) == "Official")
    name = official.most_common(1)[0][0]
    ids = recs.ids_named(name)
    expected = sorted((t["date"] or "", recs.name(t["object_id"])) for t in visits if t["subject_id"] in ids)
    got = sorted((r["date"] or "", r["visited"]) for r in run_file(driver, "visits_of_official.cypher", name=name))
    assert got == expected

    # enterprises visited by more than one official
    by_ent = {}
    for t in recs.facts("visited", "inspected"):
        if recs.typ(t["subject_id"]) == "Official" and recs.typ(t["object_id"]) == "Enterprise":
            by_ent.setdefault(t["object_id"], set()).add(t["subject_id"])
    expected = sorted((recs.name(e), sorted({recs.name(o) for o in offs}))
                      for e, offs in by_ent.items() if len({recs.name(o) for o in offs}) > 1)
    got = sorted((r["enterprise"], r["officials"]) for r in run_file(driver, "enterprises_visited_by_several.cypher"))
    assert got == expected

    # areas ranked by visits: the direct visits agree with the records
    direct = Counter(recs.name(t["object_id"]) for t in recs.facts("visited", "inspected")
                     if recs.typ(t["subject_id"]) == "Official" and recs.typ(t["object_id"]) == "AdministrativeArea")
    rows = run_file(driver, "districts_by_visits.cypher")
    assert {r["area"]: r["direct"] for r in rows if r["direct"]} == dict(direct)
    assert [r["visits"] for r in rows] == sorted((r["visits"] for r in rows), reverse=True)

    # policies by issuer
    expected = sorted((recs.name(t["subject_id"]), recs.name(t["object_id"]), t["date"])
                      for t in recs.facts("issued") if recs.typ(t["object_id"]) == "Policy")
    got = sorted((r["issuer"], r["policy"], r["date"]) for r in run_file(driver, "policies_by_issuer.cypher"))
    assert got == expected

    # offices held by a person
    holders = Counter(recs.name(t["subject_id"]) for t in recs.facts("holdsPosition")
                      if recs.typ(t["subject_id"]) in ("Official", "Person"))
    if holders:
        person = holders.most_common(1)[0][0]
        ids = {i for i in recs.ids_named(person) if recs.typ(i) in ("Official", "Person")}
        expected = {(t["title"], recs.name(t["object_id"])) for t in recs.facts("holdsPosition") if t["subject_id"] in ids}
        got = {(r["title"], r["organisation"]) for r in run_file(driver, "offices_of_person.cypher", name=person)}
        assert got == expected

    # two-hop neighbourhood: the one-hop ring is every fact partner
    ids = recs.ids_named(name)
    partners = {recs.name(t["object_id"]) for t in recs.triples if t["subject_id"] in ids}
    partners |= {recs.name(t["subject_id"]) for t in recs.triples if t["object_id"] in ids}
    rows = run_file(driver, "neighbourhood_of_official.cypher", name=name)
    assert {r["neighbour"] for r in rows if r["hops"] == 1} == partners - {name}

    # officials linked through a shared enterprise: two hops apart
    shared = [offs for offs in by_ent.values() if len(offs) > 1]
    if shared:
        a, b = sorted(recs.name(o) for o in shared[0])[:2]
        rows = run_file(driver, "officials_linked_by_enterprises.cypher", a=a, b=b)
        assert rows and rows[0]["hops"] == 2 and rows[0]["chain"][0] == a and rows[0]["chain"][-1] == b

    # the evidence of every triple
    for t in recs.triples:
        rows = run_file(driver, "evidence_for_triple.cypher", triple=t["id"])
        art = recs.articles[t["article"]]
        assert [(r["evidence"], r["headline"], r["span"]) for r in rows] == [(t["evidence"], art["headline"], t["span"])]

    # articles by journalist
    bylines = Counter(b["name"] for a in recs.articles.values() for b in a["byline"])
    journalist = bylines.most_common(1)[0][0]
    assert len(run_file(driver, "articles_by_journalist.cypher", name=journalist)) >= bylines[journalist]
