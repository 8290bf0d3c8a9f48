"""kg build --curation and kg.toml: corrections applied to the merged graph, outputs rewritten, nothing re-extracted."""
from __future__ import annotations

import json

from cli_helpers import error_lines, run_kg

PAGE = "本报讯 3月2日，市长王大明到青禾科技有限公司调研。\n"


def entities(out):
    return {r["name"]: r for r in map(json.loads, (out / "triples.jsonl").read_text(encoding="utf-8").splitlines())
            if r["kind"] == "entity"}


def test_a_curation_file_renames_and_a_changed_one_rewrites_the_outputs_only(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "graph"
    corpus.mkdir()
    (corpus / "2024-03-03-01.txt").write_text(PAGE, encoding="utf-8")
    (corpus / "kg.toml").write_text('curation = "fix.tsv"\n', encoding="utf-8")
    (corpus / "fix.tsv").write_text("rename Enterprise:青禾科技有限公司 青禾集团\ndrop Place:无此地\n", encoding="utf-8")
    first = run_kg("build", corpus, "--home", "保定市", "--out", out)
    assert first.returncode == 0, first.stderr
    assert entities(out)["青禾集团"]["curated"] == ["fix.tsv:1 rename"]
    assert entities(out)["青禾集团"]["aliases"] == ["青禾科技有限公司"]
    assert any("fix.tsv:2: drop: no entity Place:无此地" in line for line in error_lines(first))
    assert "青禾集团" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert "fix.tsv:1 rename" in (out / "graph.html").read_text(encoding="utf-8")

    (corpus / "fix.tsv").write_text("rename Enterprise:青禾科技有限公司 青禾控股\n", encoding="utf-8")
    second = run_kg("build", corpus, "--home", "保定市", "--out", out)
    assert second.returncode == 0, second.stderr
    assert "0 files extracted, 1 skipped" in second.stderr.decode()
    assert "青禾控股" in entities(out) and "青禾集团" not in entities(out)

    (corpus / "kg.toml").unlink()
    third = run_kg("build", corpus, "--home", "保定市", "--out", out)
    assert "0 files extracted" in third.stderr.decode()
    assert "青禾科技有限公司" in entities(out) and "curated" not in entities(out)["青禾科技有限公司"]


def test_a_bad_curation_line_stops_the_build_before_anything_is_written(tmp_path):
    (tmp_path / "p.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "fix.tsv").write_text("merge 甲 乙\n", encoding="utf-8")
    res = run_kg("build", tmp_path / "p.txt", "--out", tmp_path / "graph", "--curation", tmp_path / "fix.tsv")
    assert res.returncode == 1
    (line,) = error_lines(res)
    assert "fix.tsv:1: unknown correction 'merge'" in line
    assert not (tmp_path / "graph").exists()


def test_the_curated_mark_reaches_rdf_and_passes_the_shapes(tmp_path):
    from kg.build.curate import apply_curation, parse_curation
    from kg.store.rdf import records_to_graph
    from kg.store.shacl import validate_graph

    records = [{"kind": "entity", "id": "e-0a", "name": "青禾科技", "type": "Enterprise", "aliases": [],
                "mentions": 1}]
    curated, _ = apply_curation(records, parse_curation("rename e-0a 青禾集团", "fix.tsv"))
    g = records_to_graph(curated)
    marks = {str(o) for _, p, o in g if str(p).endswith("#curation")}
    assert marks == {"fix.tsv:1 rename"}
    result = validate_graph(g)
    assert result["conforms"], result["text"]
    wrong = records_to_graph([dict(curated[0], curated=[])])      # no mark without a correction
    assert not {o for _, p, o in wrong if str(p).endswith("#curation")}
