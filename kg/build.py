"""`kg build` at scale: parallel, bounded-memory, deterministic and incremental.

A build folder holds, besides its outputs (triples.jsonl, graph.ttl,
graph.html), one *part* per source file under ``parts/`` and a
``manifest.json`` saying which parts make up the graph:

1. plan: hash every input (sha256 of its bytes) together with the options
   that change its records (date, city, page number, kg version and a
   fingerprint of the extraction code) into a *part key*; inputs whose part
   is already in the graph are skipped;
2. extract: :func:`extract_part` (the one per-file function) runs on a local
   process pool or on a Dask cluster; only the map differs;
3. merge: the sorted parts are merged streaming (k-way, bounded fan-in) into
   ``triples.jsonl``; equal ids are pooled by :func:`kg.records.merge_records`.

Because the graph is always the merge of all its parts, in part-key order,
adding pages later gives byte for byte the graph of building them all at once.

>>> part_key("ab" * 32, {"date": None, "city": None, "page": None, "kg": "0"})[:17]
'abababababababab-'
"""
from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import functools
import hashlib
import itertools
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.build_merge import merge_parts, record_key, write_ttl
from kg.records import KINDS, RecordError, atomic_writer, dumps, merge_records, read_records, write_jsonl

PARTS = "parts"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
WINDOW_PER_JOB = 4     # tasks in flight per worker: bounds results held in memory
WARM_TEXT = "本报讯（记者 甲乙）5月1日，市长丙丁到东岚区调研青禾科技有限公司。\n"


@dataclass
class Source:
    """One input file to extract: where it is and the key of its part."""
    path: str
    sha256: str
    options: dict
    key: str


@dataclass
class BuildResult:
    extracted: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)  # wall time of extract, merge, outputs


# ---------------------------------------------------------------- plan

def file_options(path: str, date: dt.date | None, city: str | None) -> dict:
    """The options that change a file's records (date and page come from the name if not given).

    >>> file_options("x/2021-11-26-p03.txt", None, "甲市")["date"]
    '2021-11-26'
    """
    from kg.read import date_from_name, page_from_name

    d = date or (None if path == "-" else date_from_name(path))
    return {"date": d.isoformat() if d else None, "city": city,
            "page": None if path == "-" else page_from_name(path), "kg": __version__,
            "code": extraction_fingerprint()}


# kg modules that consume records but do not shape them: editing them keeps old parts valid
CONSUMERS = {"build", "cli", "cli_extract", "evaluate", "graph", "neo4j_cli", "neo4j_store", "rdf",
             "rdf_store", "rdf_validate", "sparql_cli", "sparql_page", "sparql_server", "view", "view_cli"}


@functools.lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    """Short hash of the code and data extraction runs, so parts of another pipeline are not reused."""
    pkg = Path(__file__).resolve().parent
    files = [p for p in sorted(pkg.glob("*.py")) if p.stem not in CONSUMERS]
    files += sorted(p for p in (pkg / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    h = hashlib.sha256()
    for f in files:
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:12]


def part_key(sha256: str, options: dict) -> str:
    """Part name: content hash, then a short hash of the options."""
    opts = hashlib.sha256(json.dumps(options, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"{sha256[:16]}-{opts[:8]}"


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def plan_sources(files: Iterable[str], date, city, on_error: Callable[[str], None]) -> list[Source]:
    """Sources of the input files, hashed; unreadable files go to `on_error`."""
    out = []
    for path in files:
        try:
            sha = file_sha256(path)
        except IsADirectoryError:
            on_error(f"{path}: is a directory")
            continue
        except OSError as exc:
            on_error(f"{path}: cannot read: {exc.strerror}")
            continue
        opts = file_options(path, date, city)
        out.append(Source(path, sha, opts, part_key(sha, opts)))
    return out


# ---------------------------------------------------------------- extract

def warm_worker() -> None:
    """Load the dictionaries and automata once per worker (a pool initializer)."""
    from kg.model import Page
    from kg.pipeline import extract_page

    extract_page(Page(source="<warm>", text=WARM_TEXT, encoding="utf-8", sha256="0" * 64))


def extract_part(path: str, date: dt.date | None = None, city: str | None = None,
                 cwd: str | None = None) -> dict:
    """The per-file task: {'path', 'sha256', 'jsonl'} or {'path', 'error'}.

    `jsonl` holds the file's merged records in sorted order. `cwd` resolves a
    relative `path` on a worker that runs elsewhere; records keep `path` as given.
    """
    from kg.pipeline import extract_page
    from kg.read import ReadError, read_pages

    where = path if cwd is None or path == "-" or os.path.isabs(path) else os.path.join(cwd, path)
    records, sha = [], None
    try:
        for page in read_pages(where, date=date, city=city):
            page.source = path if path != "-" else page.source
            sha = page.sha256
            records.extend(extract_page(page))
    except ReadError as exc:
        return {"path": path, "error": str(exc).replace(where, path, 1)}
    except Exception as exc:  # a bug on one page must not stop an archive run
        return {"path": path, "error": f"{path}: extraction failed: {type(exc).__name__}: {exc}"}
    return {"path": path, "sha256": sha, "jsonl": "".join(dumps(r) + "\n" for r in merge_records(records))}


def _windowed(submit, items: list, window: int) -> Iterator[dict]:
    """Results of submit(item) futures as they finish, at most `window` in flight.

    A worker that dies (killed, out of memory) fails its file, not the build.
    """
    it = iter(items)
    pending: dict = {}

    def top_up(n: int) -> Iterator[dict]:
        for item in itertools.islice(it, n):
            try:
                pending[submit(item)] = item
            except Exception as exc:  # a broken pool refuses new work
                yield _worker_failed(item, exc)

    yield from top_up(window)
    while pending:
        done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
        for fut in done:
            item = pending.pop(fut)
            try:
                yield fut.result()
            except Exception as exc:
                yield _worker_failed(item, exc)
        yield from top_up(len(done))


def _worker_failed(path: str, exc: BaseException) -> dict:
    return {"path": path, "error": f"{path}: worker failed: {type(exc).__name__}: {exc}"}


def map_local(paths: list[str], date, city, jobs: int) -> Iterator[dict]:
    """extract_part over paths on `jobs` processes (in this process for one job)."""
    cwd = os.getcwd()
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield extract_part(p, date, city, cwd)
        return
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    if ctx.get_start_method() == "fork":
        # load the dictionaries once here: forked workers share them (copy-on-write)
        # and their initializer finds everything warm
        warm_worker()
    with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm_worker) as pool:
        yield from _windowed(lambda p: pool.submit(extract_part, p, date, city, cwd),
                             paths, jobs * WINDOW_PER_JOB)


def map_dask(paths: list[str], date, city, scheduler: str, window: int = 64) -> Iterator[dict]:
    """extract_part over paths on a Dask distributed cluster (workers must see the files)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BuildError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from None
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BuildError(f"{scheduler}: cannot reach the Dask scheduler: {exc}") from None
    cwd = os.getcwd()
    with client:
        client.run(warm_worker)  # the workers up now; later joiners warm on their first task
        it = iter(paths)
        where: dict = {}

        def submit(p: str):
            fut = client.submit(extract_part, p, date, city, cwd, pure=False)
            where[fut.key] = p
            return fut

        queue = as_completed([submit(p) for p in itertools.islice(it, window)])
        for fut in queue:
            path = where.pop(fut.key)
            try:
                yield fut.result()
            except Exception as exc:  # e.g. KilledWorker: this file fails, the build goes on
                yield _worker_failed(path, exc)
            fut.release()
            for p in itertools.islice(it, 1):
                queue.add(submit(p))


class BuildError(Exception):
    """A build that cannot go on; str() is one line."""


# ---------------------------------------------------------------- manifest

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
    with atomic_writer(out / MANIFEST) as fh:
        fh.write(json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n")


def adopt_existing_graph(out: Path, manifest: dict) -> None:
    """A folder with triples.jsonl but no manifest (an older build): keep it as a base part."""
    graph = out / "triples.jsonl"
    if manifest["sources"] or not graph.exists():
        return
    sha = file_sha256(str(graph))
    key = f"base-{sha[:16]}"
    recs = sorted(read_records(graph), key=record_key)  # an older file is sorted already; make sure
    write_jsonl(recs, out / PARTS / f"{key}.jsonl")
    manifest["sources"][f"base:{sha}"] = {"path": str(graph), "options": {}, "part": f"{PARTS}/{key}.jsonl"}


# ---------------------------------------------------------------- build

def build_graph(files: list[str], out_dir: str, date=None, city=None, jobs: int | None = None,
                engine: str = "local", scheduler: str | None = None, html: bool = True,
                progress: bool = False, log: Callable[[str], None] = print) -> BuildResult:
    """Extract new files into parts, merge all parts, write the outputs.

    The manifest has one entry per source content (sha256): a file given again
    with the same options is skipped; with other options (or another kg) its
    part is replaced, so the graph never holds a file twice.
    """
    out = Path(out_dir)
    (out / PARTS).mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(out)
    before = json.dumps(manifest, sort_keys=True)
    adopt_existing_graph(out, manifest)
    sources_in = manifest["sources"]
    result = BuildResult()

    def failed(msg: str) -> None:
        result.errors.append(msg)
        log(f"kg: error: {msg}")

    t0 = time.perf_counter()
    todo, seen = [], set()
    for s in plan_sources([f for f in files if f != "-"], date, city, failed):
        have = sources_in.get(s.sha256)
        done = have is not None and have["part"] == _part(s.key) and (out / have["part"]).exists()
        if s.sha256 in seen or done:
            result.skipped += 1
            continue
        seen.add(s.sha256)
        if (out / _part(s.key)).exists():  # written by an interrupted run
            sources_in[s.sha256] = _entry(s)
            result.skipped += 1
            continue
        todo.append(s)
    by_path = {s.path: s for s in todo}
    paths = [s.path for s in todo] + (["-"] if "-" in files else [])
    for res in progress_bar(_extract_stream(paths, date, city, jobs, engine, scheduler), len(paths), "build", progress):
        if "error" in res:
            failed(res["error"])
            continue
        src = by_path.get(res["path"])
        if src is None:  # stdin: keyed once its bytes are known
            opts = file_options("-", date, city)
            src = Source("<stdin>", res["sha256"], opts, part_key(res["sha256"], opts))
        with atomic_writer(out / _part(src.key)) as fh:
            fh.write(res["jsonl"])
        sources_in[src.sha256] = _entry(src)
        result.extracted += 1
    result.seconds["extract"] = time.perf_counter() - t0
    parts = sorted(out / m["part"] for m in sources_in.values())
    missing = [p for p in parts if not p.exists()]
    if missing:
        raise BuildError(f"{missing[0]}: part listed in {out / MANIFEST} is missing; "
                         f"give its source file again or build into a new folder")
    outputs = [out / "triples.jsonl", out / "graph.ttl", *([out / "graph.html"] if html else [])]
    if json.dumps(manifest, sort_keys=True) == before and all(p.exists() for p in outputs):
        result.counts = _count_kinds(out / "triples.jsonl")  # nothing new: the graph stands
        return result
    if not parts and result.errors:
        return result  # nothing readable and no graph before: write no empty graph
    from kg.rdf import RdfError

    try:
        t0 = time.perf_counter()
        result.counts = merge_parts(parts, out / "triples.jsonl")
        t1 = time.perf_counter()
        write_outputs(out, html)
        result.seconds.update(merge=t1 - t0, outputs=time.perf_counter() - t1)
    except (OSError, RdfError, RecordError) as exc:  # the manifest stays as it was: the next run retries
        raise BuildError(f"{out}: cannot write the graph: {exc}") from None
    manifest["format"] = MANIFEST_FORMAT
    write_manifest(out, manifest)
    for stale in set((out / PARTS).glob("*.jsonl")) - set(parts):  # replaced parts, only now
        stale.unlink()
    return result


def _count_kinds(path: Path) -> dict:
    counts = dict.fromkeys(KINDS, 0)
    with open(path, encoding="utf-8") as fh:
        for line in fh:  # the kind is the first key of every record line
            kind = line[10:line.find('"', 10)] if line.startswith('{"kind": "') else None
            if kind in counts:
                counts[kind] += 1
    return counts


def _extract_stream(paths: list[str], date, city, jobs, engine: str, scheduler) -> Iterator[dict]:
    """extract_part results from the chosen engine (stdin is always read here)."""
    if engine == "dask":
        if not scheduler:
            raise BuildError("--engine dask needs --scheduler tcp://HOST:PORT")
        yield from map_dask([p for p in paths if p != "-"], date, city, scheduler)
        if "-" in paths:
            yield from map_local(["-"], date, city, 1)
        return
    jobs = max(1, jobs or default_jobs())
    yield from map_local(paths, date, city, min(jobs, len(paths)))


def default_jobs() -> int:
    """The cores this process may use (a container's CPU set, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _part(key: str) -> str:
    return f"{PARTS}/{key}.jsonl"


def _entry(s: Source) -> dict:
    return {"path": s.path, "options": s.options, "part": _part(s.key)}


def progress_bar(items, total: int, desc: str, progress: bool | None = None):
    """A tqdm bar on stderr for multi-file runs; silent when stderr is not a terminal.

    >>> list(progress_bar([1, 2], 2, "x", progress=False))
    [1, 2]
    """
    if progress is None:
        progress = sys.stderr.isatty()
    if progress and total > 1:
        from tqdm import tqdm

        try:
            size = os.get_terminal_size(sys.stderr.fileno())
        except (OSError, ValueError):
            size = os.terminal_size((0, 0))
        # a pty that reports a 0x0 size (script, some CI runners) would hide the bar
        return tqdm(items, total=total, desc=desc, unit="file", file=sys.stderr,
                    ncols=size.columns or 80, nrows=size.lines or 24)
    return items


def write_outputs(out: Path, html: bool) -> None:
    """graph.ttl (sorted outside memory) and graph.html from DIR/triples.jsonl."""
    write_ttl(read_records(out / "triples.jsonl"), out / "graph.ttl")
    if html:
        from kg.view import write_html

        write_html(read_records(out / "triples.jsonl"), out / "graph.html")
