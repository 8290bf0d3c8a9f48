"""The lexicon's data files: each loads, no entry twice, and the rules use them."""
from __future__ import annotations

from importlib import resources

import pytest

from kg.extract import lexicon as L
from kg.extract.relate.visits import VISIT_RE

FILES = sorted(f.name for f in resources.files("kg.extract.lexicon").iterdir() if f.name.endswith((".txt", ".tsv")))


@pytest.mark.parametrize("name", FILES)
def test_every_file_loads_without_repeats(name):
    stem, kind = name.rsplit(".", 1)
    entries = L.table(stem) if kind == "tsv" else L.words(stem)
    assert entries, name


def test_every_file_is_used():
    source = "".join(p.read_text(encoding="utf-8") for p in resources.files("kg.extract.lexicon").iterdir()
                     if p.name == "__init__.py")
    for name in FILES:
        stem = name.rsplit(".", 1)[0]
        assert f'"{stem}"' in source or f"'{stem}'" in source, f"{name} is loaded by nothing"


def test_a_repeated_entry_is_refused(tmp_path, monkeypatch):
    (tmp_path / "x.txt").write_text("# test\n调研\n调研\n", encoding="utf-8")
    monkeypatch.setattr(L, "_HERE", tmp_path)
    with pytest.raises(L.LexiconError, match="listed twice"):
        L.words("x")


def test_visit_verbs_come_from_their_file():
    for verb in L.words("visit_verbs"):
        assert VISIT_RE.search(f"某某{verb}某地"), verb
    assert L.IMPLIED_BODY["县长"] == "县政府" and "欧阳" in L.COMPOUND_SURNAMES and "王" in L.SURNAMES
