"""The merges of kg build, outside memory: parts into triples.jsonl, RDF into graph.ttl.

:func:`merge_parts` merges sorted part files k-way (at most FAN_IN open at
once, through intermediate runs beyond that), pooling equal ids with
:func:`kg.records.merge_records`.

:func:`kg.store.rdf.write_rdf` sorts every RDF triple of the graph in memory
(about 0.8 kB a triple: 1.4 GB for ten thousand pages). Here the same
triples (:func:`kg.store.rdf.oxigraph_triples`) are sorted in bounded chunks into
run files, merged with duplicates dropped, and streamed into pyoxigraph's
Turtle serialiser in the order write_rdf uses, so the file is byte for byte
the one write_rdf writes, at a memory cost that does not grow with the graph.

>>> import tempfile, os
>>> d = tempfile.mkdtemp(); p = os.path.join(d, "g.ttl")
>>> recs = [{"kind": "entity", "id": "e-1", "name": "甲市", "type": "AdministrativeArea"}]
>>> write_ttl(recs, p)
3
"""
from __future__ import annotations

import heapq
import itertools
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF

from kg.build.plan import crash_point
from kg.records import KIND_ORDER, KINDS, atomic_writer, dumps, merge_records, read_items, record_of
from kg.store.rdf import NTRIPLES_TERMS, PREFIXES, record_triples

CHUNK = 100_000  # RDF triples sorted in memory at once
FAN_IN = 128     # part files open at once while merging


def merged_stream(paths: list[Path], copies: dict[str, list[str]] | None = None) -> Iterator[tuple[str, str | dict]]:
    """(kind, record) of sorted JSONL files merged in order; equal ids pooled (first file first).

    A record no other file has stays the line it was (a str, without its line
    end): only the records to pool (an entity of several pages) or to change are
    parsed. `copies` maps a part's file name to the other names its source file
    has: the part's articles list them under ``copies``.
    """
    # heapq.merge is stable: on equal keys the earlier file comes first
    merged = heapq.merge(*(_keyed(p, (copies or {}).get(p.name)) for p in paths), key=lambda x: x[0])
    for _key, group in itertools.groupby(merged, key=lambda x: x[0]):
        (_, kind, first), *more = group
        if not more:
            yield kind, first
        else:
            items = [first, *(item for _, _, item in more)]
            yield kind, merge_records([record_of(i) for i in items])[0]


def _keyed(path: Path, copies: list[str] | None = None) -> Iterator[tuple[tuple, str, str | dict]]:
    """((kind order, id), kind, line or record) of each line of a sorted records file; its articles
    are parsed when they get `copies`."""
    for kind, rid, item in read_items(path, parse=("article",) if copies else ()):
        if copies and kind == "article":
            item["copies"] = copies
        yield (KIND_ORDER.get(kind, 99), rid), kind, item


def _line(item: str | dict) -> str:
    return item if isinstance(item, str) else dumps(item)


def merge_parts(parts: list[Path], out: Path, fan_in: int = FAN_IN, copies: dict[str, list[str]] | None = None
                ) -> dict:
    """Merge sorted part files into `out` (atomically); return counts by kind (`copies`: see merged_stream)."""
    tmp = out.parent / ".merge"
    runs, level = list(parts), 0
    try:
        while len(runs) > fan_in:  # external merge: bounded open files and memory
            tmp.mkdir(exist_ok=True)
            nxt = []
            for i in range(0, len(runs), fan_in):
                run = tmp / f"run-{level}-{i // fan_in}.jsonl"
                with atomic_writer(run) as fh:
                    fh.writelines(_line(item) + "\n" for _, item in merged_stream(runs[i:i + fan_in],
                                                                                  copies if level == 0 else None))
                nxt.append(run)
            runs, level = nxt, level + 1
        counts = dict.fromkeys(KINDS, 0)
        with atomic_writer(out) as fh:
            for n, (kind, item) in enumerate(merged_stream(runs, copies if level == 0 else None)):
                counts[kind] = counts.get(kind, 0) + 1
                fh.write(_line(item) + "\n")
                if n == 1:
                    crash_point("merge")        # a temp file half written
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return counts


def _sorted_lines(records: Iterable[dict], tmp: Path, chunk: int) -> Iterator[str]:
    """N-Triples lines of the records' triples, sorted like write_rdf, each once.

    Each triple becomes one string that sorts as write_rdf's key does
    (:func:`_keyed_line`); runs of `chunk` distinct strings are sorted in
    memory and written as plain lines, then merged.
    """
    runs, buf = [], set()
    for s, p, o in record_triples(records, NTRIPLES_TERMS):
        buf.add(_keyed_line(s, p, o))
        if len(buf) >= chunk:
            runs.append(_write_run(buf, tmp / f"run-{len(runs)}.txt"))
            buf = set()
    streams = [_read_run(r) for r in runs] + [iter(sorted(buf))]
    last = None
    for line in heapq.merge(*streams):
        if line != last:
            yield line[line.rindex(KEY_END) + 1:]
            last = line


KEY_END = "\x00"     # ends each part of the key: no IRI has it, and N-Triples writes it \u0000 in a literal
RDF_TYPE = NTRIPLES_TERMS.iri(str(RDF.type))


def _keyed_line(s: str, p: str, o: str) -> str:
    """subject, 0 for rdf:type else 1, predicate, object, then the N-Triples line: a string whose order
    is the order of write_rdf's ``(triple_sort_key(triple), line)`` (`s`, `p`, `o`: N-Triples terms)."""
    return f"{s[1:-1]}{KEY_END}{'0' if p == RDF_TYPE else '1'}{p[1:-1]}{KEY_END}{o}{KEY_END}{s} {p} {o}"


def _write_run(buf: set[str], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in sorted(buf))
    return path


def _read_run(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            yield raw[:-1]


def write_ttl(records: Iterable[dict], path: str | os.PathLike, chunk: int = CHUNK) -> int:
    """Write the records as Turtle (atomically), as write_rdf(records, path, 'ttl'); return the triple count."""
    path = Path(path)
    count = 0
    with tempfile.TemporaryDirectory(prefix=".ttl-", dir=path.parent) as d:
        tmp = Path(d)
        nt = tmp / "sorted.nt"
        with open(nt, "w", encoding="utf-8") as fh:
            for line in _sorted_lines(records, tmp, chunk):
                fh.write(line + " .\n")
                count += 1
        crash_point("turtle")          # the sorted N-Triples written, graph.ttl not yet
        with atomic_writer(path, "wb") as out:     # quads of the default graph: Turtle writes them as triples
            ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES), out, ox.RdfFormat.TURTLE,
                         prefixes=PREFIXES)
    return count
