"""Where files are extracted: :data:`ENGINES` maps a name to a map over input paths.

Every engine runs the same per-file task, :func:`extract_part` (a wrapper of
:func:`kg.extract.pipeline.extract_file` that returns the part as JSONL
text), and yields its results as they finish; only the map differs:
``local`` uses a process pool on this machine, ``dask`` a Dask cluster.
A worker that dies fails its file, never the build.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import sys
from collections.abc import Iterator

from kg import collector
from kg.build.plan import BuildError
from kg.records import dumps

WINDOW_PER_JOB = 4     # tasks in flight per worker: bounds results held in memory
PR_SET_PDEATHSIG = 1   # prctl(2): the signal a process gets when its parent dies
DASK_WINDOW = 64
WARM_TEXT = "本报讯（记者 甲乙）5月1日，市长丙丁到东岚区调研青禾科技有限公司。\n"


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that made it dies (kill -9 of `kg build`)."""
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:        # the parent died before the call: go now
        os._exit(1)


def start_worker() -> None:
    """The local pool's initializer: die with the parent, collect as the `kg` process does, warm up."""
    die_with_parent()
    collector.relax()
    warm_worker()


def warm_worker() -> None:
    """Load the dictionaries and automata once per worker (a pool initializer)."""
    from kg.extract.pipeline import extract_page
    from kg.model import Page

    extract_page(Page(source="<warm>", text=WARM_TEXT, encoding="utf-8", sha256="0" * 64))


def extract_part(path: str, date: dt.date | None = None, home: str | None = None,
                 cwd: str | None = None, statistical: bool = False) -> dict:
    """The per-file task: {'path', 'sha256', 'jsonl'} or {'path', 'error'}.

    `jsonl` holds the file's merged records in sorted order. `cwd` resolves a
    relative `path` on a worker that runs elsewhere; records keep `path` as given.
    """
    from kg.extract.pipeline import extract_file
    from kg.extract.read import ReadError

    where = path if cwd is None or path == "-" or os.path.isabs(path) else os.path.join(cwd, path)
    try:
        records, sha = extract_file(where, date, home, source=path if path != "-" else None, statistical=statistical)
    except ReadError as exc:
        return {"path": path, "error": str(exc).replace(where, path, 1)}
    except Exception as exc:  # a bug on one page must not stop an archive run
        return {"path": path, "error": f"{path}: extraction failed: {type(exc).__name__}: {exc}"}
    dated = any(r.get("date") for r in records if r["kind"] == "article")
    return {"path": path, "sha256": sha, "jsonl": "".join(dumps(r) + "\n" for r in records), "dated": dated}


def _windowed(submit, items: list, window: int) -> Iterator[dict]:
    """Results of submit(item) futures as they finish, at most `window` in flight.

    A worker that dies (killed, out of memory) fails its file, not the build.
    """
    from concurrent.futures import FIRST_COMPLETED, wait      # here: `kg extract` imports this module

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
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            item = pending.pop(fut)
            try:
                yield fut.result()
            except Exception as exc:
                yield _worker_failed(item, exc)
        yield from top_up(len(done))


def _worker_failed(path: str, exc: BaseException) -> dict:
    return {"path": path, "error": f"{path}: worker failed: {type(exc).__name__}: {exc}"}


def map_local(paths: list[str], date, home, jobs: int = 1, scheduler: str | None = None,
              statistical: bool = False) -> Iterator[dict]:
    """extract_part over paths on `jobs` processes (in this process for one job)."""
    cwd = os.getcwd()
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield extract_part(p, date, home, cwd, statistical)
        return
    import concurrent.futures as cf      # here: `kg extract` imports this module for ENGINES
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    if ctx.get_start_method() == "fork":
        # load the dictionaries once here: forked workers share them (copy-on-write)
        # and their initializer finds everything warm
        warm_worker()
    # frozen: no worker's collector touches (and so copies) the pages of the tables it shares
    with collector.frozen(), cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                                    initializer=start_worker) as pool:
        yield from _windowed(lambda p: pool.submit(extract_part, p, date, home, cwd, statistical),
                             paths, jobs * WINDOW_PER_JOB)


def map_dask(paths: list[str], date, home, jobs: int = 1, scheduler: str | None = None, statistical: bool = False,
             window: int = DASK_WINDOW) -> Iterator[dict]:
    """extract_part over paths on a Dask distributed cluster (workers must see the files); `jobs` is unused."""
    if not scheduler:
        raise BuildError("--engine dask needs --scheduler tcp://HOST:PORT")
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
            fut = client.submit(extract_part, p, date, home, cwd, statistical, pure=False)
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



ENGINES = {"local": map_local, "dask": map_dask}


def default_jobs() -> int:
    """The cores this process may use (a container's CPU set, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_stream(paths: list[str], date, home, jobs: int | None, engine: str,
                   scheduler: str | None, statistical: bool = False) -> Iterator[dict]:
    """extract_part results from the chosen engine (stdin is always read in this process)."""
    if engine not in ENGINES:
        raise BuildError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    files = [p for p in paths if p != "-"]
    jobs = max(1, jobs or default_jobs())
    if files:
        yield from ENGINES[engine](files, date, home, jobs=min(jobs, len(files)), scheduler=scheduler,
                                   statistical=statistical)
    if "-" in paths:
        yield from map_local(["-"], date, home, statistical=statistical)
