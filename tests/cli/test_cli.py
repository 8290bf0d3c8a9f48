"""`kg extract` as a user runs it: files, folders, --glob, stdin, encodings, bad inputs, outputs.

Every run is a real subprocess of the venv's `kg` under LANG=C / LC_ALL=C, so
encodings are detected from the bytes, not from the locale.
"""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from cli_helpers import EXAMPLE_PAGES, GBK_PAGE, c_locale_env, error_lines, gold_of, kg_exe, records_of, run_kg
from real_parts import file_size_limit

PAGE = next(p for p in EXAMPLE_PAGES if p.name == GBK_PAGE.name)    # the 常德 page, UTF-8
CITY = gold_of(PAGE)["city"]
OTHER = next(p for p in EXAMPLE_PAGES if p != PAGE)
_cache: dict = {}


def facts(recs: list[dict]) -> list[tuple]:
    """What must not depend on how the text was delivered: triples with their spans."""
    return sorted((t["subject"], t["predicate"], t["object"], t["date"], tuple(t["span"]), t["evidence"])
                  for t in recs if t["kind"] == "triple")


def reference() -> list[dict]:
    if "ref" not in _cache:
        res = run_kg("extract", PAGE, "--city", CITY)
        assert res.returncode == 0, res.stderr.decode()
        _cache["ref"] = records_of(res.stdout)
    return _cache["ref"]


# --- inputs ------------------------------------------------------------------

def test_extract_a_file_gives_sorted_records_of_the_format(tmp_path):
    recs = reference()
    kinds = [r["kind"] for r in recs]
    assert kinds == sorted(kinds, key=["article", "entity", "triple"].index)
    for kind in ("article", "entity", "triple"):
        ids = [r["id"] for r in recs if r["kind"] == kind]
        assert ids and ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(r["source"] == str(PAGE) for r in recs if r["kind"] in ("article", "triple"))
    assert {a["date"] for a in recs if a["kind"] == "article"} == {"2023-12-05"}   # from the file name


def test_output_file_equals_stdout(tmp_path):
    out = tmp_path / "o.jsonl"
    res = run_kg("extract", PAGE, "--city", CITY, "-o", out)
    assert res.returncode == 0 and res.stdout == b""
    assert records_of(out.read_bytes()) == reference()
    assert not [p for p in tmp_path.iterdir() if p.name != "o.jsonl"]   # no temp file left


def test_folders_are_read_recursively_with_a_glob(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    one, two = tmp_path / "a" / "one.txt", tmp_path / "a" / "deep" / "two.txt"
    one.write_bytes(PAGE.read_bytes())
    two.write_bytes(OTHER.read_bytes())
    (tmp_path / "a" / "three.text").write_bytes(OTHER.read_bytes())
    (tmp_path / "notes.md").write_text("不是版面", encoding="utf-8")
    res = run_kg("extract", tmp_path, "--city", CITY, "--date", "2023-12-05")
    assert res.returncode == 0, res.stderr.decode()
    sources = {r["source"] for r in records_of(res.stdout) if r["kind"] == "article"}
    assert sources == {str(one), str(two)}
    res = run_kg("extract", tmp_path, "--glob", "*.text", "--city", CITY, "--date", "2023-12-05")
    assert res.returncode == 0, res.stderr.decode()
    assert {r["source"] for r in records_of(res.stdout) if r["kind"] == "article"} == {str(tmp_path / "a" / "three.text")}


def test_folder_without_matching_files_is_an_error(tmp_path):
    (tmp_path / "x.md").write_text("本报讯", encoding="utf-8")
    res = run_kg("extract", tmp_path, "--city", CITY)
    assert res.returncode != 0
    lines = error_lines(res)
    assert len(lines) == 1 and str(tmp_path) in lines[0] and "readable (.txt, .pdf, .html)" in lines[0]


def test_stdin_dash_reads_the_bytes_from_standard_input():
    res = run_kg("extract", "-", "--city", CITY, "--date", "2023-12-05", input=PAGE.read_bytes())
    assert res.returncode == 0, res.stderr.decode()
    recs = records_of(res.stdout)
    assert facts(recs) == facts(reference())
    assert {r["source"] for r in recs if r["kind"] in ("article", "triple")} == {"<stdin>"}


def test_stdin_in_gb18030():
    res = run_kg("extract", "-", "--city", CITY, "--date", "2023-12-05", input=GBK_PAGE.read_bytes())
    assert res.returncode == 0, res.stderr.decode()
    assert facts(records_of(res.stdout)) == facts(reference())


def test_encodings_are_detected_under_the_c_locale(tmp_path):
    encodings = ("utf-8-sig", "gb18030")   # GBK bytes of this page equal its GB18030 bytes
    for enc in encodings:
        (tmp_path / f"{enc}.txt").write_bytes(PAGE.read_text(encoding="utf-8").encode(enc))
    res = run_kg("extract", tmp_path, "--city", CITY, "--date", "2023-12-05")
    assert res.returncode == 0, res.stderr.decode()
    recs = records_of(res.stdout)
    for enc in encodings:
        src = str(tmp_path / f"{enc}.txt")
        assert any(r["source"] == src for r in recs if r["kind"] == "article"), enc
        # offsets count characters of the decoded text (BOM excluded), so they equal the UTF-8 page's
        assert facts([r for r in recs if r.get("source") == src]) == facts(reference()), enc


# --- bad inputs -------------------------------------------------------------------

BAD = {
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "undecodable.txt": bytes(range(128, 256)) * 20,
    "empty.txt": b"",
    "nuls.txt": b"\x00" * 64 + "本报讯 某某到某区调研。".encode("utf-8"),    # many NULs: binary, not damage
}


def test_each_bad_file_is_one_error_line_and_the_others_are_still_processed(tmp_path):
    bad = []
    for name, data in sorted(BAD.items()):
        (tmp_path / name).write_bytes(data)
        bad.append(tmp_path / name)
    good = tmp_path / PAGE.name
    good.write_bytes(PAGE.read_bytes())
    res = run_kg("extract", *bad[:2], good, *bad[2:], "--city", CITY)   # bad files before and after
    assert res.returncode != 0
    lines = error_lines(res)
    assert len(lines) == len(bad), lines
    for path, line in zip(bad, lines):
        assert line.startswith(f"kg: error: {path}: ") and "Traceback" not in line
    assert "binary" in lines[0] and "empty" in lines[1] and "binary" in lines[2] and "encoding" in lines[3]
    recs = records_of(res.stdout)
    assert facts(recs) == facts(reference())
    assert {r["source"] for r in recs if r["kind"] == "article"} == {str(good)}


def test_empty_file_says_so(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"\n \n")
    res = run_kg("extract", bad)
    assert res.returncode != 0 and error_lines(res) == [f"kg: error: {bad}: empty file"]


def test_empty_stdin_says_so():
    res = run_kg("extract", "-", input=b"")
    assert res.returncode != 0 and error_lines(res) == ["kg: error: <stdin>: empty file"]


def test_missing_file_is_named(tmp_path):
    res = run_kg("extract", tmp_path / "nope.txt", PAGE, "--city", CITY)
    assert res.returncode != 0
    lines = error_lines(res)
    assert len(lines) == 1 and str(tmp_path / "nope.txt") in lines[0]
    assert facts(records_of(res.stdout)) == facts(reference())


def test_a_bad_date_option_is_refused():
    res = run_kg("extract", PAGE, "--date", "2021-13-45")
    assert res.returncode != 0 and b"2021-13-45" in res.stderr and res.stdout == b""


# --- outputs written atomically -----------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "ttl"])
def test_a_write_failing_midway_leaves_the_old_output_and_no_temp_file(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    out.write_text("old content\n", encoding="utf-8")
    res = subprocess.run([kg_exe(), "extract", str(PAGE), "--city", CITY, "--format", fmt, "-o", str(out)],
                         capture_output=True, env=c_locale_env(), preexec_fn=file_size_limit(4096), timeout=300)
    assert res.returncode != 0
    lines = error_lines(res)
    assert len(lines) == 1 and str(out) in lines[0] and "Traceback" not in res.stderr.decode()
    assert out.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_output_in_a_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    res = run_kg("extract", PAGE, "--city", CITY, "-o", blocker / "out.jsonl")
    assert res.returncode != 0
    lines = error_lines(res)
    assert len(lines) == 1 and str(blocker / "out.jsonl") in lines[0]
    assert blocker.read_text(encoding="utf-8") == "x" and sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_write_error_names_the_output_not_the_temp_file(tmp_path):
    (tmp_path / "out.jsonl").mkdir()  # a folder where the output goes: the final rename fails
    res = run_kg("extract", PAGE, "--city", CITY, "-o", "out.jsonl", cwd=tmp_path)
    assert res.returncode != 0
    assert error_lines(res) == ["kg: error: out.jsonl: cannot write: Is a directory"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.skipif(__import__("os").geteuid() == 0, reason="root ignores directory permissions")
def test_output_in_a_read_only_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "out.jsonl").write_text("old\n", encoding="utf-8")
    ro.chmod(0o555)
    try:
        res = run_kg("extract", PAGE, "--city", CITY, "-o", ro / "out.jsonl")
        assert res.returncode != 0 and len(error_lines(res)) == 1
        assert (ro / "out.jsonl").read_text(encoding="utf-8") == "old\n"
        assert sorted(p.name for p in ro.iterdir()) == ["out.jsonl"]
    finally:
        ro.chmod(0o755)


def test_when_no_input_can_be_read_an_existing_output_is_left_alone(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"kind": "article", "id": "a-old"}\n', encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BAD["binary.txt"])
    res = run_kg("extract", bad, tmp_path / "missing.txt", "-o", out)
    assert res.returncode != 0
    err = res.stderr.decode()
    assert str(bad) in err and str(tmp_path / "missing.txt") in err
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "a-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.jsonl"]


def test_with_one_bad_input_the_output_holds_the_good_ones(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    res = run_kg("extract", PAGE, bad, "--city", CITY, "-o", out)
    assert res.returncode != 0 and str(bad) in res.stderr.decode()
    assert facts(records_of(out.read_bytes())) == facts(reference())


def test_the_cli_default_of_the_tagger_is_the_pipelines():
    from kg.cli.extract import STATISTICAL as cli_default
    from kg.extract.pipeline import STATISTICAL as pipeline_default
    assert cli_default == pipeline_default


def test_a_reader_that_goes_away_stops_kg_silently():
    """`kg extract … | head -1`: no 'Broken pipe' line, the status of a program stopped by SIGPIPE."""
    proc = subprocess.Popen([kg_exe(), "extract", *map(str, EXAMPLE_PAGES), "--city", CITY],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=c_locale_env())
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 141 and first.startswith(b'{"kind"') and err == b""


def test_a_fifo_or_device_input_is_refused_and_a_symlink_loop_named(tmp_path):
    fifo, loop = tmp_path / "in.txt", tmp_path / "loop.txt"
    os.mkfifo(fifo)
    loop.symlink_to(loop)
    res = run_kg("extract", fifo, loop, "/dev/zero", "--city", CITY, timeout=60)   # must not block
    lines = error_lines(res)
    assert res.returncode == 1 and len(lines) == 3
    assert f"{loop}: symlink loop" in lines[0]
    assert any(line.endswith(f"{fifo}: a FIFO, not a file: give a file, a folder, or '-' to read standard input")
               for line in lines)
    assert any("/dev/zero: a device, not a file" in line for line in lines)
