"""`kg build` at scale: parallel, bounded-memory, deterministic and incremental.

A build folder holds, besides its outputs (triples.jsonl, graph.ttl,
graph.html), one *part* per source file under ``parts/`` and a
``manifest.json`` saying which parts make up the graph:

1. plan (:mod:`.plan`): hash every input together with the options that
   change its records into a *part key*; inputs whose part is already in the
   graph are skipped;
2. extract (:mod:`.engines`): the one per-file task runs on a local process
   pool or on a Dask cluster; only the map differs;
3. merge (:mod:`.merge`): the sorted parts are merged streaming (k-way,
   bounded fan-in) into ``triples.jsonl``, and ``graph.ttl`` is written
   outside memory; equal ids are pooled by :func:`kg.records.merge_records`.

Because the graph is always the merge of all its parts, in part-key order,
adding pages later gives byte for byte the graph of building them all at once.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.build.engines import extract_stream
from kg.build.manifest import MANIFEST, adopt_existing_graph, clean_leftovers, read_manifest, write_manifest
from kg.build.plan import PARTS, BuildError, Source, crash_point, file_options, part_key, plan_sources
from kg.build.removals import REMOVED, FileIndex, SyncError, keep_old_graph, record_removals, sync
from kg.records import RecordError, atomic_writer, kinds_of_lines, read_records, write_error, write_jsonl

__all__ = ["BuildError", "BuildResult", "build_graph", "write_outputs"]

LOCK = ".lock"


@dataclass
class BuildResult:
    extracted: int = 0
    skipped: int = 0
    undated: int = 0          # files extracted without a publication date (no --date, none in path or page)
    copies: int = 0           # files whose content another file of the graph has (kept as its copies)
    removed: int = 0          # documents that left the graph (a changed file's old content; --sync)
    errors: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)  # wall time of extract, merge, outputs


@dataclass
class _Run:
    """One call of build_graph: the folder, its manifest's sources, the options, the result."""
    out: Path
    sources: dict            # manifest["sources"]: sha256 -> entry
    date: object
    home: str | None
    log: Callable[[str], None]
    statistical: bool = False
    result: BuildResult = field(default_factory=BuildResult)
    copies: dict = field(default_factory=dict)   # sha256 -> other names of that content seen in this run

    def record_copies(self) -> None:
        """List the other names of each source's content in its manifest entry."""
        for sha, names in self.copies.items():
            if sha in self.sources:
                entry = self.sources[sha]
                entry["copies"] = sorted({*entry.get("copies", []), *names} - {entry["path"]})

    def failed(self, msg: str) -> None:
        self.result.errors.append(msg)
        self.log(msg)

    def todo(self, files: list[str]) -> list[Source]:
        """The sources that need extracting; the others are counted as skipped."""
        todo, seen, index = [], {}, FileIndex(self.sources)
        for s in plan_sources([f for f in files if f != "-"], self.date, self.home, self.failed, self.statistical):
            self.replace_older(s, index)
            have = self.sources.get(s.sha256)
            first = have["path"] if have is not None else seen[s.sha256].path if s.sha256 in seen else s.path
            if s.path != first and s.path not in self.copies.get(s.sha256, ()) and \
                    s.path not in (have or {}).get("copies", ()):
                self.copies.setdefault(s.sha256, set()).add(s.path)           # same content, another name
                self.result.copies += 1
            done = have is not None and have["part"] == s.part and (self.out / have["part"]).exists()
            if s.sha256 in seen or done:
                self.result.skipped += 1
                continue
            seen[s.sha256] = s
            if (self.out / s.part).exists():  # written by an interrupted run
                self.sources[s.sha256] = s.entry()
                index.add(s.sha256)
                self.result.skipped += 1
                continue
            todo.append(s)
        return todo

    def replace_older(self, s: Source, index: FileIndex) -> None:
        """A file whose content changed: the entry of its old content goes (or passes to a copy)."""
        for sha in index.replaced(s.path, s.sha256):
            self.result.removed += index.forget(sha)

    def sync(self, files: list[str], earlier: set[str]) -> None:
        """--sync: the entries of files that are not among this run's inputs go."""
        try:
            self.result.removed += sync(self.sources, [f for f in files if f != "-"], earlier)
        except SyncError as exc:
            raise BuildError(str(exc)) from None

    def extract(self, todo: list[Source], stdin: bool, engine: dict, progress) -> None:
        """Extract every source into its part file and list it in the manifest."""
        by_path = {s.path: s for s in todo}
        paths = [s.path for s in todo] + (["-"] if stdin else [])
        stream = extract_stream(paths, self.date, self.home, **engine, statistical=self.statistical)
        for res in progress(stream, len(paths)) if progress else stream:
            if "error" in res:
                self.failed(res["error"])
                continue
            src = by_path.get(res["path"])
            if src is None:  # stdin: keyed once its bytes are known
                opts = file_options("-", self.date, self.home, self.statistical)
                src = Source("<stdin>", res["sha256"], opts, part_key(res["sha256"], opts))
            try:
                with atomic_writer(self.out / src.part) as fh:
                    fh.write(res["jsonl"])
            except OSError as exc:      # a full disk: stop here; the parts written so far are kept
                raise BuildError(write_error(exc, self.out / src.part, "a part")) from None
            self.sources[src.sha256] = src.entry()
            self.result.extracted += 1
            self.result.undated += not res.get("dated", True)


def build_graph(files: list[str], out_dir: str, date=None, home=None, jobs: int | None = None,
                engine: str = "local", scheduler: str | None = None, html: bool = True,
                progress: Callable[[Iterable, int], Iterable] | None = None,
                log: Callable[[str], None] = print, statistical: bool = False,
                curation: str | os.PathLike | None = None, note: Callable[[str], None] = print,
                sync: bool = False) -> BuildResult:
    """Extract new files into parts, merge all parts, write the outputs.

    The manifest has one entry per source content (sha256): a file given again
    with the same options is skipped; with other options (or another kg) its
    part is replaced, so the graph never holds a file twice. `progress`
    wraps the stream of per-file results (``progress(items, total)``, e.g. a
    tqdm bar); `log` receives one line per failed file. `curation` is a file
    of corrections (:mod:`kg.build.curate`) applied to the merged graph; a
    changed file rewrites the outputs without re-extracting, and `note`
    receives a line for each correction that found nothing. With `sync`,
    the documents of files that are not among `files` leave the graph
    (:mod:`kg.build.removals`); DIR/removed.jsonl lists what left, for the stores.
    """
    out = Path(out_dir)
    corrections = _corrections(curation)
    prepare_folder(out)
    with build_lock(out):
        clean_leftovers(out)
        return _build(out, files, date, home, jobs, engine, scheduler, html, progress, log, statistical,
                      _Changes(corrections, note, sync))


def _corrections(curation) -> tuple[str, list] | None:
    """(the file's sha256, its corrections), read before anything is built; BuildError for a bad file."""
    if curation is None:
        return None
    from kg.build.curate import CurationError, read_curation

    try:
        return read_curation(curation)
    except CurationError as exc:
        raise BuildError(str(exc)) from None


def prepare_folder(out: Path) -> None:
    """Make the build folder; BuildError (one line) if it is a file or its outputs are folders."""
    if out.exists() and not out.is_dir():
        raise BuildError(f"{out}: --out names a file; give a folder")
    try:
        (out / PARTS).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(write_error(exc, out, "the build folder")) from None
    for name in ("triples.jsonl", "graph.ttl", "graph.html", MANIFEST):
        if (out / name).is_dir():
            raise BuildError(f"{out / name}: is a folder; kg build writes a file there")


@contextlib.contextmanager
def build_lock(out: Path):
    """Hold DIR/.lock for the build; another build into DIR fails at once naming the process holding it."""
    fh = open(out / LOCK, "a+", encoding="ascii")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            raise BuildError(f"{out} is being built by process {fh.read().strip() or '?'}: "
                             "wait for that build to finish") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield
    finally:
        fh.close()


@dataclass
class _Changes:
    """What a build does besides adding pages: corrections to apply, documents to sync away."""
    corrections: tuple[str, list] | None       # (the curation file's sha256, its corrections)
    note: Callable[[str], None]
    sync: bool = False


def _build(out, files, date, home, jobs, engine, scheduler, html, progress, log, statistical,
           changes: _Changes) -> BuildResult:
    manifest = read_manifest(out)
    before = json.dumps(manifest, sort_keys=True)
    curated_before = manifest.get("curation")
    corrections = changes.corrections
    if corrections:
        manifest["curation"] = corrections[0]     # another file (or none) rewrites the outputs
    else:
        manifest.pop("curation", None)
    adopt_existing_graph(out, manifest)
    run = _Run(out, manifest["sources"], date, home, log, statistical)
    earlier = set(run.sources)
    result = run.result
    t0 = time.perf_counter()
    run.extract(run.todo(files), "-" in files, {"jobs": jobs, "engine": engine, "scheduler": scheduler}, progress)
    if changes.sync:
        run.sync(files, earlier)
    result.seconds["extract"] = time.perf_counter() - t0
    run.record_copies()
    crash_point("parts")
    parts = sorted(out / m["part"] for m in run.sources.values())
    missing = [p for p in parts if not p.exists()]
    if missing:
        raise BuildError(f"{missing[0]}: part listed in {out / MANIFEST} is missing; "
                         f"give its source file again or build into a new folder")
    outputs = [out / "triples.jsonl", out / "graph.ttl", *([out / "graph.html"] if html else [])]
    if json.dumps(manifest, sort_keys=True) == before and all(p.exists() for p in outputs):
        result.counts = count_kinds(out / "triples.jsonl")  # nothing new: the graph stands
        return result
    if not parts and result.errors:
        return result  # nothing readable and no graph before: write no empty graph
    try:
        _write_graph(out, run, parts, changes, html, changed_corrections=manifest.get("curation") != curated_before)
    except OSError as exc:  # the manifest stays as it was: the next run retries
        raise BuildError(write_error(exc, out, "the graph")) from None
    except RecordError as exc:
        raise BuildError(f"{out}: cannot write the graph: {exc}") from None
    write_manifest(out, manifest)
    crash_point("manifest")
    for stale in set((out / PARTS).glob("*.jsonl")) - set(parts):  # replaced parts, only now
        stale.unlink()
    return result


def _write_graph(out: Path, run: _Run, parts: list[Path], changes: _Changes, html: bool,
                 changed_corrections: bool) -> None:
    """Merge the parts into triples.jsonl, tell namesakes apart, apply the corrections, note what left the
    graph, write the outputs."""
    from kg.build.identity import LEDGER, article_ids, resolve_graph, summary
    from kg.build.merge import merge_parts  # loads the RDF libraries: only when merging
    from kg.build.tenures import add_tenures

    result, graph = run.result, out / "triples.jsonl"
    t0 = time.perf_counter()
    copies = {m["part"].rsplit("/", 1)[-1]: m["copies"] for m in run.sources.values() if m.get("copies")}
    ledger_before = (out / LEDGER).is_file()
    before = article_ids(graph)
    old = keep_old_graph(out)     # ids can leave the graph (documents, corrections, namesakes): to see which
    result.counts = merge_parts(parts, graph, copies=copies)
    found = resolve_graph(graph, out / LEDGER, before)
    if found.people:
        result.counts = count_kinds(graph)
    if (line := summary(found)):
        changes.note(line)
    if changes.corrections:
        result.counts = curate_graph(graph, changes.corrections[1], changes.note)
    result.counts["tenure"] = add_tenures(graph)
    if result.removed or changed_corrections or found.people or ledger_before or (out / REMOVED).exists():
        record_removals(out, old)
    elif old is not None:
        old.unlink(missing_ok=True)
    crash_point("triples")
    t1 = time.perf_counter()
    write_outputs(out, html)
    crash_point("outputs")
    result.seconds.update(merge=t1 - t0, outputs=time.perf_counter() - t1)


def curate_graph(path: Path, corrections: list, note: Callable[[str], None]) -> dict:
    """Apply the corrections to the merged records file in place; return its counts by kind."""
    from collections import Counter

    from kg.build.curate import apply_curation

    records, notes = apply_curation(read_records(path), corrections)
    for line in notes:
        note(line)
    write_jsonl(records, path)
    return dict(Counter(r["kind"] for r in records))


def count_kinds(path: Path) -> dict:
    """Records by kind in a records file, read without parsing JSON."""
    with open(path, encoding="utf-8") as fh:
        return kinds_of_lines(fh)


def write_outputs(out: Path, html: bool) -> None:
    """graph.ttl (sorted outside memory) and graph.html from DIR/triples.jsonl."""
    from kg.build.merge import write_ttl

    write_ttl(read_records(out / "triples.jsonl"), out / "graph.ttl")
    if html:
        from kg.view.html import write_html

        write_html(read_records(out / "triples.jsonl"), out / "graph.html")

