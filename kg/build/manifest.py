"""The build folder's ``manifest.json``: which part makes up the graph for each source.

One entry per source content (sha256): ``{"path", "options", "part"}``. An
older build folder with a ``triples.jsonl`` and no manifest is adopted: its
graph becomes a base part, so later builds add to it.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.build.plan import PARTS, BuildError, file_sha256, part_path
from kg.build.removals import OLD_GRAPH
from kg.records import atomic_writer, read_records, sort_records, write_jsonl

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1


def read_manifest(out: Path) -> dict:
    p = out / MANIFEST
    if not p.exists():
        return {"format": MANIFEST_FORMAT, "sources": {}}
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildError(f"{p}: unreadable manifest: {exc}") from None
    if not isinstance(m, dict) or not isinstance(m.get("sources"), dict):
        raise BuildError(f"{p}: not a kg build manifest")
    return m


def write_manifest(out: Path, manifest: dict) -> None:
    manifest["format"] = MANIFEST_FORMAT
    with atomic_writer(out / MANIFEST) as fh:
        fh.write(json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n")


def adopt_existing_graph(out: Path, manifest: dict) -> None:
    """A folder with triples.jsonl but no manifest and no parts (an older build): keep it as a base part.

    A folder with parts is a build that was stopped before its manifest was
    written: its triples.jsonl is an output of those parts, never an input.
    """
    graph = out / "triples.jsonl"
    if manifest["sources"] or not graph.is_file() or any((out / PARTS).glob("*.jsonl")):
        return
    sha = file_sha256(str(graph))
    key = f"base-{sha[:16]}"
    part = part_path(key)
    write_jsonl(sort_records(read_records(graph)), out / part)  # an older file is sorted already; make sure
    manifest["sources"][f"base:{sha}"] = {"path": str(graph), "options": {}, "part": part}


def clean_leftovers(out: Path) -> list[Path]:
    """Remove what a killed build left: temp files of atomic writes and the merge's and Turtle's temp folders."""
    import shutil

    gone = []
    for pattern in (".*.tmp", f"{PARTS}/.*.tmp"):
        for p in out.glob(pattern):
            p.unlink(missing_ok=True)
            gone.append(p)
    old_graph = out / OLD_GRAPH                    # removals.keep_old_graph of a build that stopped
    if old_graph.exists():
        old_graph.unlink()
        gone.append(old_graph)
    for p in [out / ".merge", *out.glob(".ttl-*")]:
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
            gone.append(p)
    return gone
