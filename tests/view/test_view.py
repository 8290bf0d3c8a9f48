"""kg.view.html / kg view without a browser: the page's text, escaping, CLI errors.
(tests/test_view_browser.py opens the page in chromium.)"""
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from kg.view.graph import to_networkx
from kg.records import read_records
from kg.view.html import OfflineError, check_offline, script_json, write_html
from kg.cli.view import view
from real_parts import DATA, ROOT

SAMPLE = DATA / "view-sample.jsonl"
XSS_NAMES = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]


def with_xss(records, evidence="<script>alert({i})</script>{name}"):
    """The records plus hostile entities (and hostile evidence) linked to the first entity."""
    out = list(records)
    anchor = next(r for r in records if r["kind"] == "entity")
    for i, name in enumerate(XSS_NAMES):
        eid = f"e-xss{i:08d}"
        out.append({"kind": "entity", "id": eid, "name": name, "type": "Enterprise",
                    "aliases": ["<b>alias</b>"], "code": None})
        out.append({"kind": "triple", "id": f"t-xss{i:08d}", "subject": name, "subject_id": eid,
                    "predicate": "locatedIn", "object": anchor["name"], "object_id": anchor["id"],
                    "date": None, "title": None, "article": None,
                    "evidence": evidence.format(i=i, name=name)})
    return out


@pytest.fixture(scope="module")
def records():
    return list(read_records(SAMPLE))


def start_tags(page):
    """Element names in document order, as an HTML parser sees them."""
    tags = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Parser().feed(page)
    return tags


def blocks(page, block_id):
    m = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_utf8_offline_and_holds_every_node(records, tmp_path):
    out = tmp_path / "graph.html"
    write_html(records, out)
    page = out.read_bytes().decode("utf-8")  # raises if not UTF-8
    check_offline(page)
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrap|tom-select", page, re.I)
    assert "vis-network" in page and "<script src" not in page and "<link" not in page
    nodes = blocks(page, "kg-nodes")
    assert len(nodes) == to_networkx(records).number_of_nodes()
    assert "林望舒" in page  # Chinese written as characters, not \\u escapes
    # only hashed scripts may run: no 'unsafe-inline' for scripts
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', page).group(1)
    script_src = re.search(r"script-src ([^;]*);", csp).group(1)
    assert "unsafe" not in script_src and script_src.count("'sha256-") == 2


def test_hostile_names_never_appear_raw(records, tmp_path):
    out = tmp_path / "graph.html"
    write_html(with_xss(records), out)
    page = out.read_text(encoding="utf-8")
    for name in XSS_NAMES:
        assert name not in page
    tags = start_tags(page)
    assert "img" not in tags and tags.count("script") == 6  # 4 JSON blocks + vis + viewer
    names = {n["name"] for n in blocks(page, "kg-nodes")}
    assert set(XSS_NAMES) <= names  # ...but they round-trip as data


def test_script_json_escapes_everything_that_could_end_a_script():
    text = script_json({"a": "</script><!--\u2028&"})
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == {"a": "</script><!--\u2028&"}


@pytest.mark.parametrize("snippet", [
    '<script src="https://cdn.example/vis.js"></script>',
    "<link rel=stylesheet href=//cdn.example/x.css>",
    "<style>@import 'x.css';</style>",
    "<div style=\"background:url('http://example.org/a.png')\"></div>",
    # every attribute, any case: the pattern's lookahead must let each first letter through
    '<IMG SRC="//cdn.example/a.png">', '<video Poster="https://x.example/p.jpg">',
    '<form ACTION = "//x.example/send">', "<object data='http://x.example/o'>",
    "<style>@IMPORT 'x.css';</style>", "<i style='background:URL( \"//x.example/b.png\")'></i>",
])
def test_check_offline_refuses_remote_references(snippet):
    with pytest.raises(OfflineError):
        check_offline(snippet)


def test_cli_writes_dir_graph_html_with_a_cut_note(records, tmp_path):
    (tmp_path / "triples.jsonl").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(view, [str(tmp_path), "--max-nodes", "4", "--types",
                                       "Official,AdministrativeArea", "--types", "Enterprise"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    meta = blocks(page, "kg-meta")
    assert meta["note"]["shown_nodes"] == 4 and meta["note"]["dropped_nodes"] > 0
    assert meta["note"]["types"] == ["AdministrativeArea", "Enterprise", "Official"]
    assert len(blocks(page, "kg-nodes")) == 4


def test_cli_output_option(tmp_path):
    out = tmp_path / "sub" / "x.html"
    result = CliRunner().invoke(view, [str(SAMPLE), "-o", str(out), "--min-degree", "2"])
    assert result.exit_code == 0, result.output
    assert all(n["degree"] >= 2 for n in blocks(out.read_text(encoding="utf-8"), "kg-nodes"))


def test_cli_missing_input_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(view, [str(tmp_path / "nope")])
    assert result.exit_code != 0
    assert result.output.strip().count("\n") == 0 and "nope" in result.output
    assert "triples.jsonl" in result.output or "records" in result.output


def test_cli_bad_record_names_file_and_writes_nothing(tmp_path):
    bad = tmp_path / "triples.jsonl"
    bad.write_text('{"kind": "entity", "id": "e-1", "name": "甲", "type": "Person"}\n{not json\n',
                   encoding="utf-8")
    result = CliRunner().invoke(view, [str(tmp_path)])
    assert result.exit_code != 0 and str(bad) in result.output and ":2:" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["triples.jsonl"]


def test_cli_unknown_type_is_refused(tmp_path):
    result = CliRunner().invoke(view, [str(SAMPLE), "--types", "Official,Dragon"])
    assert result.exit_code == 2 and "Dragon" in result.output


def test_page_is_utf8_whatever_the_platform_encoding(tmp_path):
    import subprocess
    import sys
    out = tmp_path / "graph.html"
    # C locale without locale coercion or UTF-8 mode: the platform encoding is ASCII
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0", "PYTHONPATH": str(ROOT)}
    code = ("import locale, sys; from kg.view.html import write_html; from kg.records import read_records; "
            "assert 'utf' not in locale.getpreferredencoding(False).lower(); "
            "write_html(read_records(sys.argv[1]), sys.argv[2])")
    subprocess.run([sys.executable, "-c", code, str(SAMPLE), str(out)], check=True, env=env)
    assert "林望舒" in out.read_bytes().decode("utf-8")


def test_failed_render_leaves_no_file(tmp_path):
    out = tmp_path / "graph.html"
    with pytest.raises(ValueError):
        write_html([{"kind": "entity", "name": "无编号"}], out)
    assert list(tmp_path.iterdir()) == []


def test_written_page_is_an_ordinary_file(tmp_path):
    import os
    out = tmp_path / "graph.html"
    umask = os.umask(0o027)
    try:
        write_html(read_records(SAMPLE), out)
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o640


def test_cli_write_error_names_the_page_not_the_temp_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "triples.jsonl").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "g" / "graph.html").mkdir()  # in the way of the page
    result = CliRunner().invoke(view, ["g"])
    assert result.exit_code == 1
    assert result.output.strip() == "kg: error: g/graph.html: cannot write: Is a directory"
