"""FileIndex: a changed file's old manifest entry, found by the file's real path (no scan of every entry)."""
from __future__ import annotations

from kg.build.removals import FileIndex


def test_an_entry_is_found_by_any_spelling_of_its_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    sources = {"old": {"path": "./a.txt", "part": "parts/old.jsonl"},
               "other": {"path": "b.txt", "part": "parts/other.jsonl"}}
    index = FileIndex(sources)
    assert index.replaced(str(tmp_path / "a.txt"), "new") == ["old"]
    assert index.replaced("a.txt", "old") == []          # the same content: nothing replaced
    assert index.replaced("c.txt", "new") == []


def test_a_copy_that_takes_an_entry_over_is_found_under_its_own_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sources = {"old": {"path": "a.txt", "part": "parts/old.jsonl", "copies": ["b.txt"]}}
    index = FileIndex(sources)
    assert index.forget("old") is False                  # b.txt has the old content: it keeps the entry
    assert sources["old"]["path"] == "b.txt"
    assert index.replaced("a.txt", "new") == []
    assert index.replaced("b.txt", "newer") == ["old"]   # b.txt changed too: now the entry goes
    assert index.forget("old") is True and sources == {}
    assert index.replaced("b.txt", "newest") == []
