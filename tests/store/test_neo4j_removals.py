"""kg neo4j load DIR applies DIR/removed.jsonl: what only a removed document said leaves the real Neo4j."""
from __future__ import annotations

import pytest

from neo4j_helpers import kg_neo4j
from real_parts import kg_build

pytestmark = pytest.mark.neo4j


def test_a_synced_away_document_leaves_neo4j_and_a_shared_fact_keeps_its_other_reading(tmp_path, driver,
                                                                                         neo4j_env):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-03-03-01.txt").write_text("本报讯 3月2日，市长王大明到青禾科技有限公司调研。\n", encoding="utf-8")
    (corpus / "2024-03-05-01.txt").write_text("本报讯 3月4日，市长王大明到东岚镇调研。\n", encoding="utf-8")
    (corpus / "2024-03-07-01.txt").write_text("本报讯 3月6日，市长王大明到东岚镇督导。\n", encoding="utf-8")
    out = kg_build(tmp_path / "graph", str(corpus), "--home", "保定市")
    first = kg_neo4j(neo4j_env, "load", out)
    assert first.returncode == 0, first.stderr

    def visits(place):
        return driver.execute_query("MATCH (:Entity {name: '王大明'})-[v:VISITED]->(:Entity {name: $p}) "
                                    "RETURN count(v) AS n", p=place).records[0]["n"]
    assert visits("东岚镇") == 2 and visits("青禾科技有限公司") == 1

    (corpus / "2024-03-03-01.txt").unlink()
    (corpus / "2024-03-07-01.txt").unlink()
    kg_build(out, str(corpus), "--home", "保定市", "--sync")
    second = kg_neo4j(neo4j_env, "load", out)
    assert second.returncode == 0, second.stderr
    assert "removed what left" in second.stdout
    assert visits("东岚镇") == 1
    names = {r["n"] for r in driver.execute_query("MATCH (e:Entity) RETURN e.name AS n").records}
    assert "青禾科技有限公司" not in names and {"王大明", "东岚镇"} <= names
    articles = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
    assert articles == 1
