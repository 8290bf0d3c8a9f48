"""The garbage collector's settings for a `kg` process.

Extraction makes a great many short-lived objects (tokens, matches,
mentions) and few reference cycles, on top of tables that live as long as
the process (the area table, the automata, the lexicons: about a million
objects). With CPython's default thresholds (700, 10, 10) the collector runs
every 700 allocations and walks that whole heap every 70,000 or so, and once
more at exit: 5-10 % of the CPU time of ``kg extract`` on a 1 MB text, about
13 % of a one-line one (paired runs, README "Speed").
:func:`relax` spaces the collections out; :func:`frozen` keeps what is alive
now out of every later collection (the tables before a pool forks its
workers, as the :mod:`gc` documentation advises, so that no worker copies
their pages by touching them); :func:`skip_final_collection` spares the
collection of the whole heap when the process ends.

Only the process entry point (``kg``, ``python -m kg``) calls :func:`relax`
and :func:`skip_final_collection`: a program that imports kg keeps its own
settings.

>>> with frozen():
...     gc.get_freeze_count() > 0
True
"""
from __future__ import annotations

import atexit
import contextlib
import functools
import gc

YOUNG_ALLOCATIONS = 50_000    # allocations between collections of the youngest generation (CPython: 700)
OLDER_COLLECTIONS = (20, 10)  # collections of a generation between those of the next (CPython: 10, 10)


def relax() -> None:
    """Collect less often: a young collection every YOUNG_ALLOCATIONS allocations.

    >>> saved = gc.get_threshold(); relax(); gc.get_threshold()[0]
    50000
    >>> gc.set_threshold(*saved)
    """
    gc.set_threshold(YOUNG_ALLOCATIONS, *OLDER_COLLECTIONS)


@contextlib.contextmanager
def frozen():
    """Inside: the objects alive on entry are in the permanent generation (no collection walks them)."""
    gc.collect()                  # garbage of now is freed, not kept for good
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@functools.lru_cache(maxsize=1)
def skip_final_collection() -> None:
    """At exit, freeze the heap first: the interpreter's last collection then has nothing to walk
    (the memory goes back to the system with the process). Registered once per process."""
    atexit.register(gc.freeze)
