"""Every command's --help shows an example; -q and -v on extract and build."""
from __future__ import annotations

import pytest
from cli_helpers import error_lines, run_kg
from real_parts import ROOT

COMMANDS = [["extract"], ["build"], ["inspect"], ["evaluate"], ["view"], ["export"], ["review"], ["serve"],
            ["validate"], ["who"], ["career"], ["panel"],
            ["rdf", "load"], ["rdf", "query"], ["neo4j", "load"], ["neo4j", "query"]]
PAGES = sorted((ROOT / "examples" / "pages").glob("*.txt"))[:2]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_shows_an_example(command):
    res = run_kg(*command, "--help")
    assert res.returncode == 0
    text = res.stdout.decode("utf-8")
    assert "Example" in text and f"kg {' '.join(command)} " in text.split("Example", 1)[1]


def test_every_command_is_in_the_list():
    from kg.cli import COMMANDS as registered

    assert {c[0] for c in COMMANDS} | {"rdf", "neo4j"} >= set(registered)


def test_extract_verbose_says_each_file_and_quiet_says_nothing(tmp_path):
    res = run_kg("extract", *PAGES, "-v", "-o", tmp_path / "out.jsonl")
    assert res.returncode == 0
    lines = error_lines(res)
    assert len(lines) == 2 and all(str(p) in line and "triples" in line for p, line in zip(PAGES, lines))
    res = run_kg("extract", *PAGES, "-q", "-o", tmp_path / "out.jsonl")
    assert res.returncode == 0 and error_lines(res) == []
    res = run_kg("extract", *PAGES, "-q", "-v")
    assert res.returncode == 2 and "choose one" in res.stderr.decode("utf-8")


def test_build_quiet_prints_no_summary_but_errors(tmp_path):
    bad = tmp_path / "2024-01-01-bad.txt"
    bad.write_bytes(b"\x00\xff" * 50)
    res = run_kg("build", *PAGES, bad, "--out", tmp_path / "g", "--no-html", "-q")
    assert res.returncode == 1
    (line,) = error_lines(res)
    assert "bad.txt" in line
    res = run_kg("build", *PAGES, "--out", tmp_path / "g2", "--no-html", "-v")
    assert res.returncode == 0
    lines = error_lines(res)
    assert sum("articles," in line and "triples" in line for line in lines) == len(PAGES) + 1   # + the summary
