"""The persistent RDF store: an Oxigraph database directory fed by `kg build` output.

Loading adds triples to the store's default graph; RDF set semantics make
loading the same page twice (or two pages that mention the same entity,
whose ids are stable) add nothing twice.  The ontology goes into its own
named graph, ONTOLOGY_GRAPH (replaced on every load, since its blank nodes
would otherwise be added again), so class labels and the schema.org
alignment can be queried with GRAPH <https://kg.example.org/ontology> without mixing into the data.

>>> import tempfile, os
>>> from kg.records import write_jsonl
>>> d = tempfile.mkdtemp(); recs = os.path.join(d, "triples.jsonl")
>>> _ = write_jsonl([{"kind": "entity", "id": "e-1", "name": "甲市", "type": "AdministrativeArea"}], recs)
>>> load_into_store([recs], os.path.join(d, "store"), ontology=False)["added"]
3
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg import vocab
from kg.records import RecordError, read_records, removed_records
from kg.resources import ontology_text
from kg.store.rdf import node_iri, oxigraph_quads
from kg.store.rdf_summary import refresh_summaries

ONTOLOGY_GRAPH = ox.NamedNode(vocab.ONTOLOGY_GRAPH)
RDF_FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD, ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
}


class StoreError(ValueError):
    """A store or input that cannot be used; the message names it."""


def is_store(path: str | os.PathLike) -> bool:
    """True when `path` is an Oxigraph (RocksDB) database directory."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file() and any(p.glob("OPTIONS-*"))


def resolve_input(path: str | os.PathLike) -> Path:
    """The file to load for a `kg build` DIR (triples.jsonl) or a records/RDF file."""
    p = Path(path)
    if p.is_dir():
        if (p / "triples.jsonl").is_file():
            return p / "triples.jsonl"
        raise StoreError(f"{p}: no triples.jsonl in this directory (is it `kg build` output?)")
    if not p.is_file():
        raise StoreError(f"{p}: no such file or directory")
    if p.suffix == ".jsonl" or p.suffix in RDF_FILE_FORMATS:
        return p
    raise StoreError(f"{p}: cannot load this kind of file (want DIR, {', '.join(['.jsonl', *RDF_FILE_FORMATS])})")


MENTION_COUNT = ox.NamedNode(vocab.ONTOLOGY_IRI + "mentionCount")


def _load_one(store: ox.Store, path: Path, removed: list[dict] = ()) -> int:
    """Load one file, all or nothing: a bad record or a syntax error adds no triple.

    `removed` (a build folder's removed.jsonl) names what left the graph:
    the triples only those records made go first (a fact other documents
    support keeps its direct triple and their assertions), and an entity's
    mention count is replaced, not added beside the old one. Returns the
    number of triples removed.
    """
    if path.suffix == ".jsonl":
        # Records go through kg.store.rdf, the single place that knows the model; all
        # of a file's quads are built before the first is written.
        try:
            records = list(read_records(path))
            quads = list(oxigraph_quads(records))
            stale = set(oxigraph_quads(removed)) - set(quads) if removed else set()
        except RecordError as exc:
            raise StoreError(str(exc)) from None
        counts = [q for eid in (r["id"] for r in records if r["kind"] == "entity")
                  for q in store.quads_for_pattern(ox.NamedNode(node_iri(eid)), MENTION_COUNT, None,
                                                   ox.DefaultGraph())]
        for quad in (*stale, *counts):
            store.remove(quad)
        store.bulk_extend(quads)
        return len(stale)
    else:
        try:
            store.load(path=str(path), format=RDF_FILE_FORMATS[path.suffix])   # one transaction
        except SyntaxError as exc:
            raise StoreError(f"{path}: not valid RDF: {exc}") from None
    return 0


def load_into_store(inputs: Iterable[str | os.PathLike], store_path: str | os.PathLike,
                    *, ontology: bool = True, replace: bool = False) -> dict:
    """Add the inputs (build DIRs, .jsonl records, RDF files) to the store at `store_path`.

    Every input is checked before the store is touched, so a bad path
    leaves the store as it was. A build DIR's removed.jsonl (kg.build.removals)
    is applied first. The summary graph (kg.store.rdf_summary) is made again after the loads;
    its quads are counted in "after". Returns {"before": n, "after": n, "added": n, "removed": n}.
    """
    inputs = list(inputs)
    files = [resolve_input(p) for p in inputs]
    try:
        ledgers = [removed_records(p) for p in inputs]
    except RecordError as exc:
        raise StoreError(str(exc)) from None
    sp = Path(store_path)
    if sp.exists() and not is_store(sp) and any(sp.iterdir()):
        raise StoreError(f"{sp}: exists and is not an Oxigraph store; refusing to write into it")
    try:
        store = ox.Store(str(sp))
    except OSError as exc:
        raise StoreError(f"{sp}: cannot open store: {exc}") from None
    try:
        if replace:
            store.clear()
        before = len(store)
        if ontology:
            store.remove_graph(ONTOLOGY_GRAPH)
            store.load(input=ontology_text("kg.ttl").encode("utf-8"), format=ox.RdfFormat.TURTLE,
                       to_graph=ONTOLOGY_GRAPH)
        removed = sum(_load_one(store, f, ledger) for f, ledger in zip(files, ledgers))
        refresh_summaries(store)
        store.flush()
        after = len(store)
    finally:
        del store
        gc.collect()          # drop the RocksDB handle now, before a server opens the directory
    return {"before": before, "after": after, "added": after - before + removed, "removed": removed}
