"""Stores and serialisers of the records, behind one small interface.

Every consumer reads the same records (docs/format.md). A serialiser is
``write(records, path) -> int`` (how many items it wrote), written
atomically; :data:`SERIALIZERS` names them, and :func:`serializer` imports
the one asked for only when it is used (RDF libraries are not loaded for
JSONL). The RDF store (:mod:`.rdf_store`, served by :mod:`.sparql_server`)
and Neo4j (:mod:`.neo4j`) load the same records.

>>> sorted(SERIALIZERS)
['jsonl', 'jsonld', 'nt', 'ttl']
"""
from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable

# format -> ("module:function", keyword arguments)
SERIALIZERS: dict[str, tuple[str, dict]] = {
    "jsonl": ("kg.records:write_jsonl", {}),
    "ttl": ("kg.store.rdf:write_rdf", {"fmt": "ttl"}),
    "nt": ("kg.store.rdf:write_rdf", {"fmt": "nt"}),
    "jsonld": ("kg.store.rdf:write_rdf", {"fmt": "jsonld"}),
}


def serializer(fmt: str) -> Callable[[Iterable[dict], str], int]:
    """The writer of `fmt`; KeyError names the known formats."""
    if fmt not in SERIALIZERS:
        raise KeyError(f"unknown format {fmt!r}: one of {', '.join(SERIALIZERS)}")
    target, kwargs = SERIALIZERS[fmt]
    module, name = target.split(":")
    return functools.partial(getattr(importlib.import_module(module), name), **kwargs)
