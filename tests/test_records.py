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


def _device(tmp_path):
    """A character device node like /dev/null made in tmp_path (or /dev/null when mknod is not allowed)."""
    import stat

    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        return "/dev/null"
    return str(node)


def test_a_device_is_written_into_not_replaced(tmp_path):
    import stat

    dev = _device(tmp_path)
    with atomic_writer(dev) as fh:
        fh.write("x" * 1000)
    assert stat.S_ISCHR(os.stat(dev).st_mode)
    assert not [p for p in os.listdir(os.path.dirname(dev)) if p.endswith(".tmp")]


def test_a_fifo_is_written_into_and_a_symlink_written_through(tmp_path):
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    with atomic_writer(fifo) as fh:
        fh.write("through the pipe\n")
    reader.join(10)
    assert got == ["through the pipe\n"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    target, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    with atomic_writer(link) as fh:
        fh.write("new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_kg_extract_to_a_device_leaves_it_a_device(tmp_path):
    import stat
    import subprocess

    from cli_helpers import EXAMPLE_PAGES, c_locale_env, kg_exe

    dev = _device(tmp_path)
    res = subprocess.run([kg_exe(), "extract", str(EXAMPLE_PAGES[0]), "--city", "盐城市", "-o", dev],
                         capture_output=True, env=c_locale_env(), timeout=300)
    assert res.returncode == 0, res.stderr.decode()
    assert stat.S_ISCHR(os.stat(dev).st_mode)


def test_read_items_passes_plain_lines_on_and_parses_the_rest(tmp_path):
    from kg.records import dumps, read_items, read_records, write_jsonl

    recs = [{"kind": "article", "id": "a-1", "headline": "某市召开会议"},
            {"kind": "entity", "id": 'e-"q"', "name": "甲"},          # an id the line lead cannot read
            {"id": "t-1", "kind": "triple"}]                          # kind not first: parsed
    src = tmp_path / "in.jsonl"
    src.write_text("".join(dumps(r) + "\n" for r in recs[:2]) + '{"id": "t-1", "kind": "triple"}\n',
                   encoding="utf-8")
    items = list(read_items(src))
    assert [(k, i) for k, i, _ in items] == [("article", "a-1"), ("entity", 'e-"q"'), ("triple", "t-1")]
    assert isinstance(items[0][2], str) and items[1][2] == recs[1] and items[2][2] == recs[2]
    out = tmp_path / "out.jsonl"
    write_jsonl([item for _, _, item in items], out)
    assert list(read_records(out)) == recs
    assert out.read_text(encoding="utf-8").splitlines()[0] == dumps(recs[0])
