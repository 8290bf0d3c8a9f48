"""The Python API for notebooks: extract records, load a built graph, hand it to other libraries.

``kg.extract`` and ``kg.load`` are the two entry points (``import kg`` stays
light: they import the pipeline and the stores only when called). Records
are plain dicts as ``kg extract`` writes them (docs/format.md); a
:class:`KnowledgeGraph` is a list of them with views by kind and
conversions.

>>> recs = extract("本报讯 3月2日，市长王大明到青禾科技有限公司调研。", date="2024-03-04", home="保定市")
>>> kg = KnowledgeGraph(recs)
>>> sorted(e["name"] for e in kg.entities)
['保定市政府', '王大明', '青禾科技有限公司']
>>> [(t["subject"], t["predicate"], t["object"]) for t in kg.triples if t["predicate"] == "visited"]
[('王大明', 'visited', '青禾科技有限公司')]
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["KnowledgeGraph", "extract", "load"]

LIST_SEPARATOR = "|"      # how list attributes (aliases, titles) are written where only scalars may go
EXPORT_FORMATS = ("graphml", "gexf", "csv", "neo4j-csv")
NODE_COLUMNS = ("id", "label", "type", "name", "aliases", "code", "titles", "mentions")
EDGE_COLUMNS = ("id", "source", "target", "label", "predicate", "date", "title", "evidence", "article",
                "rule", "confidence")


def extract(source: str | os.PathLike, date: str | dt.date | None = None, home: str | None = None,
            tagger: bool = False) -> list[dict]:
    """The records of one page: a path to a file (text, PDF, HTML) or the text itself.

    Parameters
    ----------
    source : str or path-like
        A ``pathlib.Path`` (or other path-like) is always a file; a ``str`` is a
        file if it names one, else the page's text.
    date : str or datetime.date, optional
        Publication date (``YYYY-MM-DD``); else from the file name, if any.
    home : str, optional
        Home area of the outlet (廊坊市, 固安县, 山东省); else inferred from the text.
    tagger : bool
        Run the statistical tagger beside the rules.

    Returns
    -------
    list of dict
        Article, entity and triple records, in record order.

    Examples
    --------
    >>> recs = extract("本报讯 5月1日，县长李明到东岚村调研。", date="2024-05-02", home="固安县")
    >>> sorted({r["kind"] for r in recs})
    ['article', 'entity', 'triple']
    """
    from kg.extract.pipeline import extract_source

    return extract_source(source, date, home, statistical=tagger)


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """The graph of a build folder (its ``triples.jsonl``) or of a records file.

    >>> import tempfile, json, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "triples.jsonl").write_text(json.dumps({"kind": "entity", "id": "e-1", "name": "甲",
    ...                                                   "type": "Person"}) + "\\n", encoding="utf-8")
    >>> [e["name"] for e in load(d).entities]
    ['甲']
    """
    from kg.records import read_records

    return KnowledgeGraph(read_records(path))


class KnowledgeGraph:
    """Records with views by kind and conversions to networkx and rdflib.

    Parameters
    ----------
    records : iterable of dict
        Records as ``kg extract`` writes them.
    """

    def __init__(self, records: Iterable[dict]):
        self.records: list[dict] = list(records)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[dict]:
        return iter(self.records)

    def _of(self, kind: str) -> list[dict]:
        return [r for r in self.records if r.get("kind") == kind]

    @property
    def articles(self) -> list[dict]:
        return self._of("article")

    @property
    def entities(self) -> list[dict]:
        return self._of("entity")

    @property
    def triples(self) -> list[dict]:
        return self._of("triple")

    def entity(self, name_or_id: str) -> dict | None:
        """The entity with this id, else the first with this name or alias."""
        ents = self.entities
        return next((e for e in ents if e.get("id") == name_or_id), None) or next(
            (e for e in ents if e.get("name") == name_or_id or name_or_id in (e.get("aliases") or ())), None)

    def to_networkx(self):
        """A ``networkx.MultiDiGraph`` that ``nx.write_graphml`` and ``nx.write_gexf`` accept.

        Nodes are entities (key: entity id), edges triples (key: triple id).
        Every attribute is a string, number or boolean: lists (aliases,
        titles) are joined with ``|``, missing values are left out, and the
        graph's own attributes are its name and counts. For the richer graph
        the viewer uses (lists kept, an article table in ``G.graph``) see
        :func:`kg.view.graph.to_networkx`.

        >>> g = KnowledgeGraph([{"kind": "entity", "id": "e-1", "name": "甲", "type": "Person",
        ...                      "aliases": ["甲某", "老甲"], "code": None}]).to_networkx()
        >>> g.nodes["e-1"]
        {'type': 'Person', 'name': '甲', 'aliases': '甲某|老甲', 'label': '甲'}
        """
        from kg.view.graph import to_networkx

        rich = to_networkx(self.records)
        out = rich.__class__()
        out.graph.update(name="kg", articles=len(rich.graph.get("articles", {})))
        for node, attrs in rich.nodes(data=True):
            out.add_node(node, **_scalars(attrs), label=str(attrs.get("name") or node))
        for u, v, key, attrs in rich.edges(keys=True, data=True):
            out.add_edge(u, v, key=key, **_scalars(attrs), label=str(attrs.get("predicate") or ""))
        return out

    def to_rdflib(self):
        """An ``rdflib.Graph`` in the kg ontology (what ``graph.ttl`` holds)."""
        from kg.store.rdf import records_to_graph

        return records_to_graph(self.records)


def _scalars(attrs: dict) -> dict:
    """Attributes GraphML and GEXF can hold: lists joined, None left out."""
    out = {}
    for k, v in attrs.items():
        if v is None or v == []:
            continue
        if isinstance(v, (list, tuple, set)):
            v = LIST_SEPARATOR.join(str(x) for x in v)
        elif not isinstance(v, (str, int, float, bool)):
            v = str(v)
        out[k] = v
    return out


def write_export(kg: KnowledgeGraph, fmt: str, path: str | os.PathLike) -> list[Path]:
    """Write the graph for other tools; return the files written (each atomically).

    ``graphml`` and ``gexf`` (Gephi, Cytoscape) write one file; ``csv`` writes
    ``nodes.csv`` and ``edges.csv`` (with a header) into the folder `path`;
    ``neo4j-csv`` the files of ``neo4j-admin database import`` and their
    argument file ``neo4j-admin.args`` into the folder `path`
    (:func:`kg.store.neo4j_bulk.write_import_files`).
    """
    import networkx as nx

    from kg.records import atomic_writer

    target = Path(path)
    if fmt == "neo4j-csv":
        from kg.store.neo4j_bulk import write_import_files
        return write_import_files(kg, target)
    g = kg.to_networkx()
    if fmt in ("graphml", "gexf"):
        write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        with atomic_writer(target, "wb") as fh:
            write(g, fh)
        return [target]
    if fmt == "csv":
        return _write_csv(g, target)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")


def _write_csv(g, folder: Path) -> list[Path]:
    import csv

    from kg.records import atomic_writer

    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    with atomic_writer(nodes) as fh:
        w = csv.writer(fh)
        w.writerow(NODE_COLUMNS)
        w.writerows([n if c == "id" else attrs.get(c, "") for c in NODE_COLUMNS] for n, attrs in g.nodes(data=True))
    with atomic_writer(edges) as fh:
        w = csv.writer(fh)
        w.writerow(EDGE_COLUMNS)
        w.writerows([{"id": k, "source": u, "target": v}.get(c, attrs.get(c, "")) for c in EDGE_COLUMNS]
                    for u, v, k, attrs in g.edges(keys=True, data=True))
    return [nodes, edges]
