"""Documents leave a graph: a changed source replaces its records, `kg build --sync` drops vanished ones.

The manifest has one entry per source content. A file whose content
changed is a new entry; the entry of its old content goes (or, when another
file has that old content, that file becomes the entry's path). With
``--sync`` every entry whose files are not among the build's inputs goes.

The stores are fed by later loads, so the build keeps a ledger of what left
the graph: ``DIR/removed.jsonl`` holds the records (articles, entities,
triples) of earlier graphs whose ids the graph no longer has.
`kg rdf load DIR` and `kg neo4j load DIR` delete them from the stores. An
id that comes back (the document added again) leaves the ledger.

>>> sources = {"s1": {"path": "a.txt", "part": "parts/1.jsonl", "copies": ["b.txt"]}}
>>> forget(sources, "s1"), sources["s1"]["path"], sources["s1"].get("copies")
(False, 'b.txt', None)
>>> forget(sources, "s1"), sources
(True, {})
"""
from __future__ import annotations

import os
from pathlib import Path

from kg.records import REMOVED_FILE as REMOVED
from kg.records import KINDS, read_records, sort_records, write_jsonl

KEPT_SOURCES = ("base:",)         # an adopted older graph has no file to vanish: --sync keeps it
OLD_GRAPH = ".triples.before.jsonl"   # the graph before a merge, while its removals are found


def _hand_over(sources: dict, sha: str, names: list[str]) -> bool:
    """The entry's file is now names[0] (the others its copies); with no names the entry goes: True."""
    if not names:
        del sources[sha]
        return True
    entry = sources[sha]
    entry["path"] = names[0]
    if names[1:]:
        entry["copies"] = names[1:]
    else:
        entry.pop("copies", None)
    return False


def forget(sources: dict, sha: str) -> bool:
    """Drop a source's entry, or hand it to one of its copies; True when the entry went."""
    return _hand_over(sources, sha, list(sources[sha].get("copies") or ()))


def same_file(a: str, b: str) -> bool:
    """One file by two spellings (corpus/x.txt, ./corpus/x.txt, an absolute path)."""
    return a == b or os.path.realpath(a) == os.path.realpath(b)


class FileIndex:
    """The manifest's entries by the real path of their file, so a build over an archive finds a
    changed file's old entry without comparing every file with every entry.

    >>> sources = {"s1": {"path": "a.txt"}, "s2": {"path": "./b.txt"}}
    >>> FileIndex(sources).replaced("b.txt", "s3")
    ['s2']
    """

    def __init__(self, sources: dict):
        self.sources = sources
        self._by_file: dict[str, list[str]] = {}
        for sha, entry in sources.items():
            self.add(sha)

    def add(self, sha: str) -> None:
        """Index an entry under its file (again after its file changed: a copy took it over)."""
        if sha in self.sources:
            self._by_file.setdefault(os.path.realpath(self.sources[sha]["path"]), []).append(sha)

    def replaced(self, path: str, sha: str) -> list[str]:
        """The entries whose file is `path` but whose content is not `sha`: the file changed since."""
        shas = self._by_file.get(os.path.realpath(path), ())
        return [s for s in dict.fromkeys(shas) if s != sha and s in self.sources
                and not s.startswith(KEPT_SOURCES) and same_file(self.sources[s]["path"], path)]

    def forget(self, sha: str) -> bool:
        """:func:`forget` the entry; one a copy takes over is indexed under the copy's file."""
        gone = forget(self.sources, sha)
        self.add(sha)
        return gone


class SyncError(ValueError):
    """--sync would empty the graph: none of its files is among the inputs (another spelling of the paths?)."""


def sync(sources: dict, inputs: list[str], earlier: set[str]) -> int:
    """Drop the entries none of whose files is among `inputs`; return how many went.

    `earlier` are the entries the graph had before this build: if every one
    of them would go, the inputs are more likely another spelling of the
    corpus's paths than a new corpus, and SyncError says so.
    """
    names = set(inputs) | {os.path.realpath(p) for p in inputs}

    def given(path: str) -> bool:
        return path in names or os.path.realpath(path) in names

    files = [s for s in sources if not s.startswith(KEPT_SOURCES)]
    kept_here = [(s, [c for c in sources[s].get("copies") or () if given(c)]) for s in files
                 if not given(sources[s]["path"])]
    old = [s for s in files if s in earlier]
    if old and {s for s, kept in kept_here if not kept} >= set(old):
        raise SyncError(f"--sync would remove all {len(old)} documents of the graph: none of its files "
                        f"is among the inputs (the graph has e.g. {sources[old[0]]['path']})")
    return sum(_hand_over(sources, sha, kept) for sha, kept in kept_here)


def keep_old_graph(out: Path) -> Path | None:
    """A second name for the graph about to be replaced (the merge renames a new file over it)."""
    graph, old = out / "triples.jsonl", out / OLD_GRAPH
    old.unlink(missing_ok=True)
    if not graph.is_file():
        return None
    os.link(graph, old)
    return old


def record_removals(out: Path, old: Path | None) -> int:
    """Add to DIR/removed.jsonl the records of `old` whose ids the new graph lacks; return how many."""
    ledger = out / REMOVED
    now = {(r["kind"], r.get("id")) for r in read_records(out / "triples.jsonl")}
    gone = [r for r in read_records(old) if r["kind"] in KINDS and (r["kind"], r.get("id")) not in now] \
        if old is not None else []
    earlier = [r for r in read_records(ledger) if (r["kind"], r.get("id")) not in now] if ledger.is_file() else []
    merged = {(r["kind"], r["id"]): r for r in (*earlier, *gone)}
    if merged or ledger.is_file():
        write_jsonl(sort_records(merged.values()), ledger)
    if old is not None:
        old.unlink(missing_ok=True)
    return len(gone)


__all__ = ["OLD_GRAPH", "REMOVED", "FileIndex", "SyncError", "forget", "keep_old_graph", "record_removals", "sync"]
