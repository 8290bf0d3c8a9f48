"""kg.build.curate: corrections from a curation file, on invented records."""
from __future__ import annotations

import pytest

from kg.build.curate import CurationError, apply_curation, parse_curation
from kg.records import validate_record


def ent(eid, name, etype="Enterprise", articles=("a-01",), **extra):
    return {"kind": "entity", "id": eid, "name": name, "type": etype, "aliases": [], "code": None,
            "mentions": len(articles), "articles": list(articles), **extra}


def tri(tid, s, p, o, article="a-01", span=(0, 5)):
    return {"kind": "triple", "id": tid, "subject_id": s[0], "subject": s[1], "predicate": p,
            "object_id": o[0], "object": o[1], "article": article, "span": list(span), "confidence": 0.9}


def art(aid, mentions):
    return {"kind": "article", "id": aid, "mentions": list(mentions), "byline": []}


WANG = ("e-00000000000a", "王大明")
FULL = ("e-00000000000b", "青禾科技有限公司")
SHORT = ("e-00000000000c", "青禾科技")


def graph():
    return [art("a-01", [WANG[0], FULL[0]]), art("a-02", [WANG[0], SHORT[0]]),
            ent(WANG[0], WANG[1], "Official", articles=("a-01", "a-02")),
            ent(FULL[0], FULL[1]), ent(SHORT[0], SHORT[1], articles=("a-02",)),
            tri("t-000000000001", WANG, "visited", FULL), tri("t-000000000002", WANG, "visited", SHORT, "a-02")]


def curate(text, records=None):
    return apply_curation(records or graph(), parse_curation(text, "c.tsv"))


def by_id(records):
    return {r["id"]: r for r in records}


def test_same_as_merges_the_second_into_the_first_and_every_touched_record_says_so():
    out, notes = curate("same-as Enterprise:青禾科技有限公司 青禾科技  # one company\n")
    recs = by_id(out)
    assert not notes and SHORT[0] not in recs
    assert recs[FULL[0]]["aliases"] == ["青禾科技"] and recs[FULL[0]]["articles"] == ["a-01", "a-02"]
    assert recs["t-000000000002"]["object_id"] == FULL[0] and recs["t-000000000002"]["object"] == FULL[1]
    assert recs["t-000000000002"]["curated"] == ["c.tsv:1 same-as"]
    assert "curated" not in recs["t-000000000001"]
    assert recs["a-02"]["mentions"] == sorted([WANG[0], FULL[0]])
    for rec in out:
        validate_record(rec)


def test_a_merge_that_makes_two_triples_one_keeps_one():
    records = graph()
    records[-1] = tri("t-000000000002", WANG, "visited", SHORT, "a-01")      # same article and span
    out, _ = curate("same-as e-00000000000b e-00000000000c", records)
    assert [r["id"] for r in out if r["kind"] == "triple"] == ["t-000000000001"]


def test_not_same_as_gives_the_namesake_of_the_named_articles_an_entity_of_its_own():
    out, _ = curate("not-same-as Official:王大明 a-02")
    wangs = [r for r in out if r.get("name") == "王大明"]
    assert len(wangs) == 2 and {tuple(w["articles"]) for w in wangs} == {("a-01",), ("a-02",)}
    other = next(w for w in wangs if w["articles"] == ["a-02"])
    recs = by_id(out)
    assert recs["t-000000000002"]["subject_id"] == other["id"]
    assert recs["t-000000000001"]["subject_id"] == WANG[0]
    assert other["id"] in recs["a-02"]["mentions"] and WANG[0] in recs["a-01"]["mentions"]


def test_rename_keeps_the_id_and_the_old_name_as_an_alias():
    out, _ = curate("rename 青禾科技 青禾科技集团")
    recs = by_id(out)
    assert recs[SHORT[0]]["name"] == "青禾科技集团" and recs[SHORT[0]]["aliases"] == ["青禾科技"]
    assert recs["t-000000000002"]["object"] == "青禾科技集团"


def test_an_alias_that_is_an_entity_of_its_own_merges_it():
    out, _ = curate("alias Enterprise:青禾科技有限公司 青禾科技 青禾")
    recs = by_id(out)
    assert SHORT[0] not in recs and recs[FULL[0]]["aliases"] == ["青禾科技", "青禾"]


def test_drop_removes_an_entity_with_its_triples_and_links_or_one_triple():
    out, _ = curate("drop 青禾科技\ndrop t-000000000001")
    recs = by_id(out)
    assert SHORT[0] not in recs and "t-000000000002" not in recs and "t-000000000001" not in recs
    assert recs["a-02"]["mentions"] == [WANG[0]]


def test_what_names_nothing_is_a_note_and_changes_nothing():
    out, notes = curate("drop Enterprise:没有这家\nsame-as e-00000000000b e-0000000000ff")
    assert out == sorted(graph(), key=lambda r: ({"article": 0, "entity": 1, "triple": 2}[r["kind"]], r["id"]))
    assert notes[0].startswith("c.tsv:1: drop: no entity Enterprise:没有这家")
    assert "c.tsv:2" in notes[1]


def test_a_bare_name_two_entities_have_is_refused_as_ambiguous():
    records = [*graph(), ent("e-00000000000d", "青禾科技", "Organization")]
    _, notes = curate("drop 青禾科技", records)
    assert "names 2 entities" in notes[0] and "Type:name" in notes[0]


@pytest.mark.parametrize("line, message", [
    ("merge a b", "unknown correction 'merge'"),
    ("rename e-00000000000b", "exactly 2"),
    ("not-same-as 王大明 2024", "article ids"),
])
def test_a_malformed_line_is_one_error_naming_file_and_line(line, message):
    with pytest.raises(CurationError, match=message) as err:
        parse_curation(f"# corrections\n{line}\n", "c.tsv")
    assert str(err.value).startswith("c.tsv:2: ")
