"""User lexicons (kg.extract.user_lexicon, `--lexicon`, kg.toml): words of one's own, without Python.

Invented names and sentences only; each run is a real `kg` child process,
since the lexicons are read when extraction is imported.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from cli_helpers import ROOT, error_lines, records_of, run_kg

from kg.extract.user_lexicon import UserLexiconError, parse_text

PAGE = "本报讯 3月2日，市长王大明来蓝湾智造，详细了解生产情况，并踏访东岚湿地。\n"


def facts(stdout: bytes) -> set[tuple]:
    return {(r["subject"], r["predicate"], r["object"]) for r in records_of(stdout) if r["kind"] == "triple"}


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "2024-03-03-01.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "city.toml").write_text('[names]\nEnterprise = ["蓝湾智造"]\nOfficial = ["王大明"]\n',
                                        encoding="utf-8")
    (tmp_path / "verbs.tsv").write_text("# my verbs\nvisit_verbs\t踏访\n", encoding="utf-8")
    return tmp_path


def test_names_and_a_visit_verb_of_ones_own_give_the_facts_the_rules_alone_miss(corpus):
    page = corpus / "corpus" / "2024-03-03-01.txt"
    wanted = {("王大明", "visited", "蓝湾智造"), ("王大明", "holdsPosition", "保定市政府"),
              ("王大明", "visited", "东岚湿地")}
    plain = run_kg("extract", page, "--home", "保定市")
    assert plain.returncode == 0 and not wanted & facts(plain.stdout)       # the rules cut 王大|明来
    own = run_kg("extract", page, "--home", "保定市", "--lexicon", corpus / "city.toml",
                 "--lexicon", corpus / "verbs.tsv")
    assert own.returncode == 0, own.stderr
    assert wanted <= facts(own.stdout)
    types = {r["name"]: r["type"] for r in records_of(own.stdout) if r["kind"] == "entity"}
    assert types["蓝湾智造"] == "Enterprise" and types["王大明"] == "Official"


def test_a_kg_toml_in_the_corpus_folder_names_the_lexicons(corpus):
    folder = corpus / "corpus"
    (folder / "city.toml").write_text((corpus / "city.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "kg.toml").write_text('lexicons = ["city.toml"]\n', encoding="utf-8")
    res = run_kg("extract", folder, "--home", "保定市")
    assert res.returncode == 0, res.stderr
    assert ("王大明", "visited", "蓝湾智造") in facts(res.stdout)


def test_the_fingerprint_covers_the_lexicons_contents(corpus):
    def fingerprint(**env):
        code = "from kg.extract.fingerprint import extraction_fingerprint as f; print(f())"
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                              env={k: v for k, v in os.environ.items() if k != "KG_LEXICONS"} | env).stdout
    lexicon = corpus / "city.toml"
    before = fingerprint(KG_LEXICONS=str(lexicon))
    assert before != fingerprint()
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + 'Official = ["李四"]\n', encoding="utf-8")
    assert fingerprint(KG_LEXICONS=str(lexicon)) != before


@pytest.mark.parametrize("name, text, message", [
    ("a.toml", "[names]\nRobot = ['甲']\n", "unknown list 'names.Robot'"),
    ("a.toml", "visit_verbs = '踏访'\n", "must be a list of strings"),
    ("a.toml", "visit_verbs = ['踏 访']\n", "is not one word"),
    ("a.toml", "visit_verbs = [\n", "not TOML"),
    ("a.tsv", "visit_verbs 踏访\n", "line 1: not LIST<TAB>ENTRY"),
])
def test_a_bad_lexicon_is_one_line_naming_the_file(name, text, message):
    with pytest.raises(UserLexiconError, match=message) as err:
        parse_text(text, name)
    assert str(err.value).startswith(name)


def test_the_command_line_says_which_lexicon_is_bad_and_extracts_nothing(corpus):
    bad = corpus / "bad.tsv"
    bad.write_text("names.Robot\t甲\n", encoding="utf-8")
    res = run_kg("extract", corpus / "corpus", "--lexicon", bad)
    assert res.returncode == 1 and not res.stdout
    (line,) = error_lines(res)
    assert str(bad) in line and "names.Robot" in line
