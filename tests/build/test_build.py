"""kg build at scale: parts, manifest, skipping, incremental and deterministic output.

Pages come from scripts/make_corpus.py (invented names); the seed page is
used only to check that the new build gives what `kg extract` gives.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build.manifest import read_manifest
from kg.build.merge import merge_parts
from kg.build.plan import part_key
from kg.build.tenures import tenures
from kg.cli import main
from kg.records import KINDS, merge_records, read_records, sort_records, write_jsonl
from kg.store.rdf import write_rdf
from real_parts import ROOT

SEED = ROOT.parent / "shared" / "corpus" / "seed-page.txt"


def make_corpus(n: int, out: Path, seed: int = 3) -> list[Path]:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(n), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True)
    return sorted(out.glob("*.txt"))


def kg(*args: str):
    return CliRunner().invoke(main, list(args))  # click >= 8.2 keeps stderr apart


def err_of(result) -> str:
    return result.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return make_corpus(6, tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def full_build(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("full")
    res = kg("build", *map(str, corpus), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 0, err_of(res)
    return out


def _order_key(rec):
    return KINDS.index(rec["kind"]), rec["id"]


def test_build_writes_outputs_parts_and_manifest(corpus, full_build):
    recs = list(read_records(full_build / "triples.jsonl"))
    assert [_order_key(r) for r in recs] == sorted(_order_key(r) for r in recs)
    assert {r["kind"] for r in recs} == set(KINDS)
    assert (full_build / "graph.ttl").stat().st_size > 0
    assert not (full_build / "graph.html").exists()  # --no-html
    manifest = read_manifest(full_build)
    assert len(manifest["sources"]) == len(corpus)
    for sha, entry in manifest["sources"].items():
        assert (full_build / entry["part"]).exists()
        assert entry["part"] == f"parts/{part_key(sha, entry['options'])}.jsonl"
        assert entry["options"]["date"] == Path(entry["path"]).name[:10]  # from the file name
        assert entry["options"]["page"] == int(Path(entry["path"]).stem[-2:])
    assert sorted(p.name for p in (full_build / "parts").iterdir()) == \
        sorted(Path(e["part"]).name for e in manifest["sources"].values())
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids))


def test_rerun_skips_everything_and_changes_nothing(corpus, full_build, tmp_path):
    out = tmp_path / "g"
    shutil.copytree(full_build, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    res = kg("build", *map(str, corpus), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 0, err_of(res)
    assert f"0 files extracted, {len(corpus)} skipped" in err_of(res)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before


def test_incremental_build_equals_full_build(corpus, full_build, tmp_path):
    out = tmp_path / "inc"
    first, second = corpus[:4], corpus[3:]       # corpus[3] is given twice
    res = kg("build", *map(str, first), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 0, err_of(res)
    res = kg("build", *map(str, second), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 0, err_of(res)
    assert f"{len(second) - 1} files extracted, 1 skipped" in err_of(res)
    for name in ("triples.jsonl", "graph.ttl", "manifest.json"):
        assert (out / name).read_bytes() == (full_build / name).read_bytes(), name


def test_entities_pooled_across_pages(full_build):
    ents = [r for r in read_records(full_build / "triples.jsonl") if r["kind"] == "entity"]
    # the synthetic city's people recur on many pages: merged into one record each
    assert max(len(e["articles"]) for e in ents) > 3
    assert len({e["id"] for e in ents}) == len(ents)


def test_changed_options_replace_the_part(corpus, full_build, tmp_path):
    out = tmp_path / "g"
    shutil.copytree(full_build, out)
    old = {Path(e["path"]).name: e["part"] for e in read_manifest(out)["sources"].values()}[corpus[0].name]
    res = kg("build", str(corpus[0]), "--out", str(out), "--jobs", "1", "--no-html", "--date", "2001-02-03")
    assert res.exit_code == 0, err_of(res)
    assert "1 files extracted, 0 skipped" in err_of(res)
    manifest = read_manifest(out)
    assert len(manifest["sources"]) == len(corpus)          # replaced, not added
    assert not (out / old).exists()
    dates = {r["date"] for r in read_records(out / "triples.jsonl")
             if r["kind"] == "article" and r["source"] == str(corpus[0])}
    assert dates == {"2001-02-03"}


def test_jobs_two_gives_identical_output(corpus, full_build, tmp_path):
    out = tmp_path / "j2"
    res = kg("build", *map(str, corpus), "--out", str(out), "--jobs", "2", "--no-html")
    assert res.exit_code == 0, err_of(res)
    for name in ("triples.jsonl", "graph.ttl", "manifest.json"):
        assert (out / name).read_bytes() == (full_build / name).read_bytes(), name


def test_bad_file_is_named_others_processed(corpus, tmp_path):
    bad = tmp_path / "in" / "2021-01-01-broken.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    empty = tmp_path / "in" / "2021-01-02-empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "g"
    res = kg("build", str(corpus[0]), str(bad), str(empty), str(tmp_path / "missing.txt"),
             "--out", str(out), "--jobs", "2", "--no-html")
    assert res.exit_code == 1
    lines = [line for line in err_of(res).splitlines() if line.startswith("kg: error:")]
    assert len(lines) == 3
    assert any(str(bad) in line and "binary" in line for line in lines)
    assert any(str(empty) in line and "empty" in line for line in lines)
    assert any("missing.txt" in line for line in lines)
    assert len(read_manifest(out)["sources"]) == 1           # the good file made it
    assert any(r["kind"] == "triple" for r in read_records(out / "triples.jsonl"))


def test_no_progress_bar_when_stderr_is_not_a_terminal(corpus, tmp_path):
    res = kg("build", *map(str, corpus[:2]), "--out", str(tmp_path / "g"), "--jobs", "1", "--no-html")
    assert res.exit_code == 0
    assert "\r" not in err_of(res) and "file/s" not in err_of(res)


def test_html_written_by_default(corpus, tmp_path):
    res = kg("build", str(corpus[0]), "--out", str(tmp_path / "g"), "--jobs", "1")
    assert res.exit_code == 0, err_of(res)
    assert "<html" in (tmp_path / "g" / "graph.html").read_text(encoding="utf-8").lower()


def test_existing_graph_without_manifest_is_kept(corpus, full_build, tmp_path):
    out = tmp_path / "old"
    out.mkdir()
    old = [r for r in read_records(full_build / "triples.jsonl")
           if r.get("source", "").endswith(corpus[0].name) or r["kind"] == "entity"][:40]
    write_jsonl(old, out / "triples.jsonl")
    res = kg("build", str(corpus[1]), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 0, err_of(res)
    ids = {r["id"] for r in read_records(out / "triples.jsonl")}
    assert {r["id"] for r in old} <= ids
    assert any(k.startswith("base:") for k in read_manifest(out)["sources"])


def test_missing_part_is_a_clear_error(corpus, full_build, tmp_path):
    out = tmp_path / "g"
    shutil.copytree(full_build, out)
    entries = {Path(e["path"]).name: e for e in read_manifest(out)["sources"].values()}
    before = (out / "triples.jsonl").read_bytes()
    # a missing part of a file given again is simply extracted again
    (out / entries[corpus[0].name]["part"]).unlink()
    res = kg("build", str(corpus[0]), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 0 and "1 files extracted" in err_of(res)
    assert (out / "triples.jsonl").read_bytes() == before
    # a missing part of a file not given cannot be rebuilt: one clear line, outputs untouched
    victim = out / entries[corpus[1].name]["part"]
    victim.unlink()
    res = kg("build", str(corpus[0]), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code == 1
    assert victim.name in err_of(res) and "missing" in err_of(res)
    assert (out / "triples.jsonl").read_bytes() == before


def test_merge_parts_external_merge_matches_in_memory_merge(tmp_path):
    parts = []
    for n in range(7):
        recs = [
            {"kind": "article", "id": f"a-{n:03d}", "mentions": [f"e-{n % 3}"]},
            {"kind": "entity", "id": f"e-{n % 3}", "name": f"甲{n % 3}", "type": "Person",
             "aliases": [f"别{n}"], "mentions": 1, "articles": [f"a-{n:03d}"]},
            {"kind": "triple", "id": f"t-{n % 4}", "subject_id": "e-0", "object_id": "e-1"},
        ]
        p = tmp_path / f"p{n}.jsonl"
        write_jsonl(sorted(recs, key=_order_key), p)
        parts.append(p)
    out = tmp_path / "out.jsonl"
    counts = merge_parts(parts, out, fan_in=2)      # three levels of runs
    got = list(read_records(out))
    want = merge_records(r for p in parts for r in read_records(p))
    assert got == want
    assert counts == {"article": 7, "entity": 3, "triple": 4, "tenure": 0}
    assert next(r for r in got if r["id"] == "e-0")["mentions"] == 3
    assert not (tmp_path / ".merge").exists()


def test_part_key_depends_on_content_and_options():
    opts = {"date": "2021-01-01", "city": None, "page": 1, "kg": "0.1.0"}
    assert part_key("a" * 64, opts) == part_key("a" * 64, dict(opts))
    assert part_key("a" * 64, opts) != part_key("b" * 64, opts)
    assert part_key("a" * 64, opts) != part_key("a" * 64, dict(opts, home="甲市"))


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/corpus/seed-page.txt")
def test_seed_page_build_matches_extract(tmp_path):
    args = [str(SEED), "--date", "2021-11-26", "--city", "沧州市"]
    res = kg("build", *args, "--out", str(tmp_path / "g"), "--no-html")
    assert res.exit_code == 0, err_of(res)
    res = kg("extract", *args, "-o", str(tmp_path / "x.jsonl"))
    assert res.exit_code == 0
    built = (tmp_path / "g" / "triples.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    # the build adds the graph's tenures (kg.build.tenures) after the page's records
    page = [line for line in built if not line.startswith('{"kind": "tenure"')]
    assert "".join(page) == (tmp_path / "x.jsonl").read_text(encoding="utf-8")
    extracted = list(read_records(tmp_path / "x.jsonl"))
    made = sort_records(tenures(extracted))
    assert made and [json.loads(line) for line in built[len(page):]] == made
    write_rdf(extracted + made, tmp_path / "x.ttl")
    assert (tmp_path / "g" / "graph.ttl").read_bytes() == (tmp_path / "x.ttl").read_bytes()
    manifest = json.loads((tmp_path / "g" / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = manifest["sources"].values()
    assert entry["options"]["home"] == "沧州市" and entry["options"]["date"] == "2021-11-26"


def test_only_bad_inputs_write_no_graph(tmp_path):
    bad = tmp_path / "2021-01-01-bad.txt"
    bad.write_bytes(b"\x00" * 64)
    res = kg("build", str(bad), "--out", str(tmp_path / "g"), "--no-html")
    assert res.exit_code == 1
    assert err_of(res).splitlines()[0] == f"kg: error: {bad}: binary file, not text"
    assert not (tmp_path / "g" / "triples.jsonl").exists()


def test_progress_bar_on_a_terminal(corpus, tmp_path):
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, corpus[:3]), "--out",
                             str(tmp_path / "g"), "--jobs", "1", "--no-html"], stderr=slave,
                            stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=120) == 0
    os.close(master)
    text = seen.decode("utf-8", "replace")
    assert "build" in text and "3/3" in text and "file" in text   # tqdm's bar: desc, count, unit


def test_corrupt_part_is_a_clear_error(corpus, full_build, tmp_path):
    out = tmp_path / "g"
    shutil.copytree(full_build, out)
    part = sorted((out / "parts").iterdir())[0]
    part.write_text('{"kind": "entity", "id": "e-1"\n', encoding="utf-8")  # cut short
    (out / "triples.jsonl").unlink()  # force a merge of the folder with the broken part
    res = kg("build", *map(str, corpus[1:2]), "--out", str(out), "--jobs", "1", "--no-html")
    assert res.exit_code != 0
    assert part.name in err_of(res) and "Traceback" not in err_of(res)
    assert not (out / "triples.jsonl").exists()          # nothing half-written
    assert read_manifest(out) == read_manifest(full_build)  # the manifest is untouched
