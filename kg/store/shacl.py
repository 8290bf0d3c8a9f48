"""SHACL validation of kg output against ontology/shapes.ttl (pySHACL).

>>> import tempfile, os
>>> from kg.records import write_jsonl
>>> recs = os.path.join(tempfile.mkdtemp(), "triples.jsonl")
>>> _ = write_jsonl([{"kind": "entity", "id": "e-1", "name": "甲市", "type": "AdministrativeArea",
...                   "code": "12345"}], recs)
>>> [v["message"] for v in validate_path(recs)["violations"]]
['a GB/T 2260 code is six digits']
"""
from __future__ import annotations

import os

import rdflib
from pyshacl import validate as shacl_validate

from kg.records import read_records
from kg.resources import ontology_text
from kg.store.rdf import records_to_graph
from kg.store.rdf_store import RDF_FILE_FORMATS, StoreError, resolve_input

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def data_graph(path: str | os.PathLike) -> rdflib.Graph:
    """The rdflib graph of a build DIR, a records .jsonl or an RDF file."""
    p = resolve_input(path)
    if p.suffix == ".jsonl":
        return records_to_graph(read_records(p))
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}.get(p.suffix)
    if fmt is None:
        raise StoreError(f"{p}: validate reads DIR, .jsonl, .ttl, .nt or .jsonld "
                         f"(not {', '.join(sorted(set(RDF_FILE_FORMATS) - {'.ttl', '.nt', '.jsonld'}))})")
    try:
        return rdflib.Graph().parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise StoreError(f"{p}: not valid RDF: {exc}") from None


def validate_graph(graph: rdflib.Graph) -> dict:
    """{"conforms": bool, "violations": [{"focus", "path", "message", "severity"}], "text": report}."""
    shapes = rdflib.Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
    conforms, report, text = shacl_validate(graph, shacl_graph=shapes, inference="none",
                                            advanced=False, allow_warnings=True)
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        violations.append({
            "focus": str(report.value(result, SH.focusNode)),
            "path": str(report.value(result, SH.resultPath) or ""),
            "message": str(report.value(result, SH.resultMessage) or ""),
            "severity": str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
        })
    violations.sort(key=lambda v: (v["focus"], v["path"], v["message"]))
    return {"conforms": bool(conforms), "violations": violations, "text": text}


def validate_path(path: str | os.PathLike) -> dict:
    """Validate a build DIR / records file / RDF file; see validate_graph."""
    return validate_graph(data_graph(path))
