"""kg.records: the one record check every store uses, sort order, merging."""
from __future__ import annotations

import os

import pytest

from kg.records import RecordError, atomic_writer, merge_records, sort_records, validate_record


@pytest.mark.parametrize("rec, match", [
    ({"kind": "entity", "name": "甲", "type": "Person"}, "without an id"),
    ({"kind": "entity", "id": "e-1", "name": "甲", "type": "Dragon"}, "unknown type 'Dragon'"),
    ({"kind": "entity", "id": "e-1", "name": "", "type": "Person"}, "no name"),
    ({"kind": "triple", "id": "t-1", "predicate": "likes", "subject_id": "e-1", "object_id": "e-2"}, "unknown predicate"),
    ({"kind": "triple", "id": "t-1", "predicate": "visited", "subject_id": "e-1"}, "subject_id and object_id"),
])
def test_bad_records_are_refused_naming_the_record(rec, match):
    with pytest.raises(RecordError, match=match):
        validate_record(rec, "f.jsonl:3")


def test_other_kinds_pass_and_good_records_come_back():
    assert validate_record({"kind": "mention"}) == {"kind": "mention"}
    good = {"kind": "triple", "id": "t-1", "predicate": "visited", "subject_id": "e-1", "object_id": "e-2"}
    assert validate_record(good) is good


def test_records_sort_by_kind_then_id_and_merge_by_id():
    recs = [{"kind": "triple", "id": "t-1"}, {"kind": "entity", "id": "e-2"}, {"kind": "article", "id": "a-9"},
            {"kind": "entity", "id": "e-1", "aliases": ["x"], "mentions": 1}]
    assert [r["id"] for r in sort_records(recs)] == ["a-9", "e-1", "e-2", "t-1"]
    merged = merge_records(recs + [{"kind": "entity", "id": "e-1", "aliases": ["y"], "mentions": 2}])
    e1 = next(r for r in merged if r["id"] == "e-1")
    assert e1["aliases"] == ["x", "y"] and e1["mentions"] == 3


def test_atomic_writer_makes_an_ordinary_file(tmp_path):
    umask = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "x.txt") as fh:
            fh.write("ok")
    finally:
        os.umask(umask)
    assert (tmp_path / "x.txt").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_names_the_target_not_the_temp_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()  # a folder in the way: the rename fails, as root too
    with pytest.raises(IsADirectoryError) as info:
        with atomic_writer("out") as fh:
            fh.write("x")
    assert info.value.filename == "out" and ".tmp" not in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
