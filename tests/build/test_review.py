"""kg.build.review and `kg review`: candidates to curate, with evidence and the lines to paste (invented records)."""
from __future__ import annotations

import json

from cli_helpers import run_kg

from kg.build.curate import apply_curation, parse_curation
from kg.build.review import format_html, review


def ent(eid, name, etype, articles, mentions=None):
    return {"kind": "entity", "id": eid, "name": name, "type": etype, "aliases": [], "code": None,
            "mentions": mentions or len(articles), "articles": list(articles)}


def tri(tid, s, p, o, article, confidence=0.9, evidence="某句。"):
    return {"kind": "triple", "id": tid, "subject_id": s[0], "subject": s[1], "predicate": p, "object_id": o[0],
            "object": o[1], "article": article, "date": "2024-01-02", "evidence": evidence, "confidence": confidence,
            "rule": "position.title" if p == "holdsPosition" else "visit.verb"}


def art(aid, source, mentions):
    return {"kind": "article", "id": aid, "source": source, "date": "2024-01-02", "headline": "标题",
            "mentions": mentions, "byline": []}


WANG, EDU, FARM = ("e-0a", "王伟"), ("e-0b", "东岚县教育局"), ("e-0c", "西山市农业农村局")
FULL, SHORT, ODD = ("e-0d", "青禾科技有限公司"), ("e-0e", "青禾科技"), ("e-0f", "蓝某某")


def records():
    return [art("a-01", "p1.txt", [WANG[0], EDU[0], FULL[0]]), art("a-02", "p1.txt", [SHORT[0]]),
            art("a-03", "p2.txt", [WANG[0], FARM[0], ODD[0]]),
            ent(WANG[0], WANG[1], "Official", ["a-01", "a-03"]), ent(EDU[0], EDU[1], "Organization", ["a-01"]),
            ent(FARM[0], FARM[1], "Organization", ["a-03"]), ent(FULL[0], FULL[1], "Enterprise", ["a-01"]),
            ent(SHORT[0], SHORT[1], "Enterprise", ["a-02"]), ent(ODD[0], ODD[1], "Person", ["a-03"]),
            tri("t-01", WANG, "holdsPosition", EDU, "a-01", evidence="东岚县教育局局长王伟……"),
            tri("t-02", WANG, "holdsPosition", FARM, "a-03", evidence="西山市农业农村局局长王伟……"),
            tri("t-03", ODD, "visited", FARM, "a-03", confidence=0.5)]


def test_each_check_finds_its_candidate_with_evidence_and_a_line_that_curates_it():
    found = {c.kind: c for c in review(records())}
    assert set(found) == {"namesakes", "short-and-full", "doubtful"}
    assert found["namesakes"].line == "not-same-as  Official:王伟  a-03"
    assert any("西山市农业农村局局长王伟" in e for e in found["namesakes"].evidence)
    assert found["short-and-full"].line == "same-as  Enterprise:青禾科技有限公司  Enterprise:青禾科技"
    assert found["doubtful"].line == "drop  Person:蓝某某"
    curated, notes = apply_curation(records(), parse_curation("\n".join(c.line for c in found.values()), "c"))
    assert not notes
    assert not review(curated)          # what was pasted settles every candidate


def test_one_body_in_every_article_is_no_namesake():
    recs = [r for r in records() if r.get("id") != "t-02"]
    assert "namesakes" not in {c.kind for c in review(recs)}


def test_the_html_report_escapes_what_comes_from_the_text():
    recs = records()
    recs[-1]["evidence"] = "<script>alert(1)</script>"
    page = format_html(review(recs), "graph/<x>")
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "graph/&lt;x&gt;" in page


def test_kg_review_prints_the_report_and_writes_the_page(tmp_path):
    source = tmp_path / "triples.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    res = run_kg("review", tmp_path, "--html", tmp_path / "review.html")
    assert res.returncode == 0, res.stderr
    text = res.stdout.decode()
    assert "not-same-as  Official:王伟  a-03" in text and "== Doubtful entities" in text
    assert "drop  Person:蓝某某" in (tmp_path / "review.html").read_text(encoding="utf-8")
    missing = run_kg("review", tmp_path / "nowhere")
    assert missing.returncode == 1 and b"kg build" in missing.stderr
