"""Compact JSON-LD: pyoxigraph's expanded output with the shipped ``@context`` applied.

The context (``ontology/context.jsonld``, shipped as ``kg.ontology``) maps the
prefixes of the kg ontology (kg:, id:, schema:, prov:, rdf:, rdfs:, xsd:).
Property names, node ``@id`` values and literal datatypes are written as
compact IRIs (``kg:visited``, ``id:e-3fa2``, ``xsd:date``), the nodes go
under ``@graph``; a JSON-LD processor given the document expands it back to
the same triples.

>>> compact([{"@id": "https://kg.example.org/id/e-1",
...           "https://kg.example.org/ontology#visited": [{"@id": "https://kg.example.org/id/e-2"}]}])["@graph"]
[{'@id': 'id:e-1', 'kg:visited': [{'@id': 'id:e-2'}]}]
"""
from __future__ import annotations

import functools
import json

__all__ = ["compact", "context"]


@functools.lru_cache(maxsize=1)
def context() -> dict[str, str]:
    """The shipped ``@context``: prefix -> namespace IRI."""
    from kg.resources import ontology_text

    return json.loads(ontology_text("context.jsonld"))["@context"]


def compact(expanded: list[dict]) -> dict:
    """The document ``{"@context": ..., "@graph": [...]}`` of expanded JSON-LD nodes."""
    namespaces = sorted(context().items(), key=lambda kv: -len(kv[1]))     # the longest namespace first
    to_compact = functools.partial(_compact_iri, namespaces=namespaces)
    return {"@context": context(), "@graph": [_node(n, to_compact) for n in expanded]}


def _node(node: dict, iri) -> dict:
    out = {}
    for key, value in node.items():
        if key == "@id":
            out[key] = iri(value)
        elif key.startswith("@"):
            out[key] = value
        else:
            out[iri(key)] = [_value(v, iri) for v in value]
    return out


def _value(value: dict, iri) -> dict:
    if "@value" in value:
        return {k: iri(v) if k == "@type" else v for k, v in value.items()}
    return _node(value, iri)


def _compact_iri(value: str, namespaces: list[tuple[str, str]]) -> str:
    for prefix, ns in namespaces:
        rest = value[len(ns):]
        if value.startswith(ns) and rest and not rest.startswith("//"):
            return f"{prefix}:{rest}"     # "prefix://…" would read as an absolute IRI
    return value
