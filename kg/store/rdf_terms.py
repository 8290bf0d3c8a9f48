"""The terms of kg's RDF: namespaces, prefixes, record IRIs, and one term factory per library.

:class:`Terms` builds a term from plain values in rdflib (:data:`RDFLIB_TERMS`),
pyoxigraph (:data:`OXIGRAPH_TERMS`) or as N-Triples text (:data:`NTRIPLES_TERMS`),
so one emitter (:mod:`kg.store.rdf`, :mod:`kg.store.rdf_tenure`) feeds all three.

>>> node_iri("e-3fa2")
'https://kg.example.org/id/e-3fa2'
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import quote

import pyoxigraph as ox
import rdflib
from rdflib import RDF, RDFS, XSD, Namespace

from kg.vocab import ID_BASE as BASE
from kg.vocab import HAN_CHAR
from kg.vocab import ONTOLOGY_IRI as ONTOLOGY


class _Namespace(Namespace):
    """rdflib's Namespace with each term made once: serialising asks for the same predicates per record.

    An attribute (``KG.visited``) is kept on the namespace once made, so the next
    lookup is a plain attribute read, not rdflib's ``__getattr__`` (0.7 µs, three
    million times for a large archive's graph.ttl).
    """

    @functools.lru_cache(maxsize=None)  # noqa: B019  (a handful of namespaces, alive for the process)
    def term(self, name: str) -> rdflib.URIRef:
        return super().term(name)

    def __getattr__(self, name: str) -> rdflib.URIRef:
        if name.startswith("__"):          # copy, pickle and friends ask for dunders: not terms
            raise AttributeError(name)
        value = self.__dict__[name] = self.term(name)
        return value


class _Terms:
    """The terms of one of rdflib's closed vocabularies (RDF, RDFS, XSD), each looked up once."""

    def __init__(self, vocabulary):
        self._vocabulary = vocabulary

    def __getattr__(self, name: str) -> rdflib.URIRef:
        if name.startswith("_"):           # its own _vocabulary before __init__ (copy, pickle), dunders
            raise AttributeError(name)
        value = getattr(self._vocabulary, name)
        setattr(self, name, value)
        return value


# what record_triples reads of rdflib's own vocabularies (they stay rdflib's everywhere else)
RDF_TERMS, RDFS_TERMS, XSD_TERMS = _Terms(RDF), _Terms(RDFS), _Terms(XSD)


ID = _Namespace(BASE)
KG = _Namespace(ONTOLOGY)
SCHEMA = _Namespace("https://schema.org/")
PROV = _Namespace("http://www.w3.org/ns/prov#")
NODE_IRIS = 1 << 16       # node IRIs remembered: an entity's id recurs in every triple about it

PREFIXES = {
    "kg": ONTOLOGY,
    "id": BASE,
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Terms(NamedTuple):
    """How to build terms in one library: iri(str), plain(str) (an xsd:string),
    lang(str, tag), typed(str, datatype-iri)."""
    iri: Callable
    plain: Callable
    lang: Callable
    typed: Callable


RDFLIB_TERMS = Terms(
    iri=rdflib.URIRef,
    plain=rdflib.Literal,
    lang=lambda v, tag: rdflib.Literal(v, lang=tag),
    typed=lambda v, dt: rdflib.Literal(v, datatype=rdflib.URIRef(dt)),
)
OXIGRAPH_TERMS = Terms(
    iri=functools.lru_cache(maxsize=NODE_IRIS)(ox.NamedNode),
    plain=ox.Literal,
    lang=lambda v, tag: ox.Literal(v, language=tag),
    typed=lambda v, dt: ox.Literal(v, datatype=OXIGRAPH_TERMS.iri(dt)),
)


def parameter_term(value: str) -> ox.NamedNode | ox.Literal:
    """The term a query parameter's value binds (kg rdf query --param, the benchmarks): an IRI if written
    <…>, an xsd:date if written YYYY-MM-DD, a @zh literal if it has Chinese characters (as names in the
    graph are), else a plain string.

    >>> str(parameter_term("某区")), str(parameter_term("2021-03-01"))
    ('"某区"@zh', '"2021-03-01"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    t = OXIGRAPH_TERMS
    if value.startswith("<") and value.endswith(">"):
        return t.iri(value[1:-1])
    if ISO_DATE.fullmatch(value):
        return t.typed(value, str(XSD.date))
    return t.lang(value, "zh") if HAN_CHAR.search(value) else t.plain(value)


# N-Triples text of each term, escaped exactly as pyoxigraph writes it (so lines sort as its terms do):
# kg build writes graph.ttl from these lines without making a term object per triple
NT_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)} | \
    {8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\"}
XSD_STRING = str(XSD.string)


def _nt_literal(value: str) -> str:
    return '"' + value.translate(NT_ESCAPES) + '"'


NTRIPLES_TERMS = Terms(
    iri=lambda iri: f"<{iri}>",
    plain=_nt_literal,
    lang=lambda v, tag: f"{_nt_literal(v)}@{tag}",
    typed=lambda v, dt: _nt_literal(v) if dt == XSD_STRING else f"{_nt_literal(v)}^^<{dt}>",
)


UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*")    # what percent-encoding leaves as it is (ids: e-3fa2…)


@functools.lru_cache(maxsize=NODE_IRIS)
def node_iri(record_id: str, *parts: str) -> str:
    """The IRI of a record (and optional sub-node), every part percent-encoded.

    >>> node_iri("e-3fa2")
    'https://kg.example.org/id/e-3fa2'
    >>> node_iri("t-1", "visit")
    'https://kg.example.org/id/t-1/visit'
    >>> node_iri("rule", "a b>c")
    'https://kg.example.org/id/rule/a%20b%3Ec'
    """
    return BASE + "/".join(p if isinstance(p, str) and UNRESERVED.fullmatch(p) else quote(str(p), safe="-._~")
                           for p in (record_id, *parts))


def clean(text) -> str:
    # JSON can carry lone surrogates; no RDF serialisation can encode them.
    s = str(text)
    return s if s.isascii() else s.encode("utf-8", "replace").decode("utf-8")


def iso_date(value) -> str | None:
    """An ISO date string if `value` is a valid calendar date, else None."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            _dt.date.fromisoformat(value)
            return value
        except ValueError:
            return None
    return None
