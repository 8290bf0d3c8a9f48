"""Records (docs/format.md) as a networkx graph, plus the cuts and the layout
the viewer needs.  Plain functions over plain data, usable for analysis too.

>>> recs = [
...     {"kind": "article", "id": "a-1", "headline": "甲到乙区调研", "date": "2024-03-02"},
...     {"kind": "entity", "id": "e-1", "name": "甲", "type": "Official", "aliases": []},
...     {"kind": "entity", "id": "e-2", "name": "乙区", "type": "AdministrativeArea",
...      "aliases": [], "code": "999901"},
...     {"kind": "triple", "id": "t-1", "subject_id": "e-1", "predicate": "visited",
...      "object_id": "e-2", "date": "2024-03-01", "evidence": "甲到乙区调研。", "article": "a-1"},
... ]
>>> g = to_networkx(recs)
>>> g.nodes["e-2"]["code"], g.edges["e-1", "e-2", "t-1"]["predicate"]
('999901', 'visited')
>>> total_degrees(g)["e-1"]
1
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx

from kg import vocab
from kg.view.layout import grid_force_layout
from kg.records import RecordError

# A triple may name an entity no entity record describes (a truncated file, a
# hand-edited one); it still gets a node, of this type, rather than vanishing.
UNKNOWN_TYPE = vocab.UNKNOWN_TYPE.name


def to_networkx(records: Iterable[dict]) -> nx.MultiDiGraph:
    """One node per entity (key: entity id), one edge per triple (key: triple id).

    Node attributes: type, name, aliases, code (and titles, mentions when given).
    Edge attributes: predicate, date, title, evidence, article (and rule,
    confidence). Nodes and edges a curation file changed have ``curated``
    (the corrections, ``["curation.tsv:3 same-as"]``).  ``g.graph["articles"]`` maps article id to
    ``{"headline", "date"}`` so the evidence can be cited.
    """
    g = nx.MultiDiGraph()
    articles: dict[str, dict] = {}
    triples = []
    for n, rec in enumerate(records, 1):
        kind = rec.get("kind")
        if kind in vocab.KINDS and not rec.get("id"):
            raise RecordError(f"record {n}: {kind} record without an 'id'")
        if kind == "article":
            articles[rec["id"]] = {"headline": rec.get("headline") or "",
                                   "date": rec.get("date")}
        elif kind == "entity":
            g.add_node(rec["id"], type=rec.get("type") or UNKNOWN_TYPE,
                       name=rec.get("name") or rec["id"],
                       aliases=list(rec.get("aliases") or []), code=rec.get("code"),
                       titles=list(rec.get("titles") or []),
                       mentions=rec.get("mentions"), **curation_attrs(rec))
        elif kind == "triple":
            triples.append(rec)
    for t in triples:
        ends = []
        for side in ("subject", "object"):
            node = t.get(f"{side}_id") or f"?{t.get(side)}"
            if node not in g:
                g.add_node(node, type=UNKNOWN_TYPE, name=t.get(side) or node, aliases=[],
                           code=None, titles=[], mentions=None)
            ends.append(node)
        g.add_edge(ends[0], ends[1], key=t["id"], predicate=t.get("predicate"),
                   date=t.get("date"), title=t.get("title"), evidence=t.get("evidence") or "",
                   article=t.get("article"), rule=t.get("rule"),
                   confidence=t.get("confidence"), **curation_attrs(t))
    g.graph["articles"] = articles
    return g


def curation_attrs(rec: dict) -> dict:
    """``{"curated": [...]}`` for a record a curation file changed (kg.build.curate), else nothing."""
    return {"curated": list(rec["curated"])} if rec.get("curated") else {}


def total_degrees(g: nx.MultiDiGraph) -> dict[str, int]:
    """In + out degree of every node, counting each triple once."""
    return dict(g.degree())


def cut_graph(g: nx.MultiDiGraph, types: Iterable[str] | None = None,
              min_degree: int = 0, max_nodes: int | None = None) -> tuple[nx.MultiDiGraph, dict]:
    """The part of `g` the viewer shows, and a note of what was cut.

    Order: keep only `types` (None: all), then nodes with degree >= `min_degree`
    (degree in the type-filtered graph), then `max_nodes` nodes chosen by
    :func:`strongest_part`: the highest-degree nodes each with its strongest
    neighbours, so the cut keeps edges (the top nodes alone are often hubs
    that share no edge: officials who visited different places).

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("d", "e")])
    >>> for n in g: g.nodes[n].update(type="Place", name=n)
    >>> h, note = cut_graph(g, max_nodes=2)
    >>> list(h), note["dropped_nodes"], note["dropped_edges"]
    (['a', 'b'], 3, 2)
    """
    keep = set(g)
    if types is not None:
        wanted = set(types)
        keep = {n for n in keep if g.nodes[n].get("type") in wanted}
    h = g.subgraph(keep)
    if min_degree > 0:
        deg = dict(h.degree())
        h = g.subgraph([n for n in h if deg[n] >= min_degree])
    if max_nodes is not None and h.number_of_nodes() > max_nodes:
        h = g.subgraph(strongest_part(ordered_subgraph(g, [n for n in g if n in h]), max_nodes))
    h = ordered_subgraph(g, [n for n in g if n in h])
    note = {"total_nodes": g.number_of_nodes(), "total_edges": g.number_of_edges(),
            "shown_nodes": h.number_of_nodes(), "shown_edges": h.number_of_edges(),
            "types": sorted(types) if types is not None else None,
            "min_degree": min_degree, "max_nodes": max_nodes}
    note["dropped_nodes"] = note["total_nodes"] - note["shown_nodes"]
    note["dropped_edges"] = note["total_edges"] - note["shown_edges"]
    return h, note


NEIGHBOURS_PER_HUB = 8       # a hub brings at most this many neighbours before the next hub is taken


def strongest_part(h: nx.MultiDiGraph, max_nodes: int) -> list:
    """`max_nodes` nodes of `h`: hubs by degree (ties by name), each followed by its neighbours with the
    most triples between them (then by their degree), at most NEIGHBOURS_PER_HUB a hub.

    >>> g = nx.MultiDiGraph([("o1", "p1"), ("o1", "p1"), ("o1", "p2"), ("o1", "p3"), ("o2", "p4"), ("o2", "p5")])
    >>> for n in g: g.nodes[n]["name"] = n
    >>> strongest_part(g, 4)
    ['o1', 'p1', 'p2', 'p3']
    """
    deg = dict(h.degree())
    order = sorted(h, key=lambda n: (-deg[n], str(h.nodes[n].get("name")), str(n)))
    kept: dict = {}
    for hub in order:
        if len(kept) >= max_nodes:
            break
        kept.setdefault(hub, None)
        weight: dict = {}
        for u, v in (*h.out_edges(hub), *h.in_edges(hub)):
            other = v if u == hub else u
            if other != hub:
                weight[other] = weight.get(other, 0) + 1
        ranked = sorted(weight, key=lambda n: (-weight[n], -deg[n], str(h.nodes[n].get("name")), str(n)))
        for other in [n for n in ranked if n not in kept][:NEIGHBOURS_PER_HUB]:
            if len(kept) >= max_nodes:
                break
            kept[other] = None
    return list(kept)


def ordered_subgraph(g: nx.Graph, nodes: list) -> nx.Graph:
    """The subgraph of `nodes` as a graph of its own: nodes in the order given, each node's edges in `g`'s.

    Not ``g.subgraph(nodes)``: a networkx view of fewer than half the nodes
    iterates its node set, whose order changes from process to process with
    string hashing; the layout, and so graph.html, would too.

    >>> g = nx.MultiDiGraph([("c", "a"), ("a", "b"), ("b", "d")])
    >>> list(ordered_subgraph(g, ["a", "b", "c"]).edges(keys=True))
    [('a', 'b', 0), ('c', 'a', 0)]
    """
    members = set(nodes)
    h = g.__class__()
    h.graph.update(g.graph)
    h.add_nodes_from((n, g.nodes[n]) for n in nodes)
    if g.is_multigraph():
        h.add_edges_from((u, v, k, d) for u in nodes for v, keyed in g[u].items() if v in members
                         for k, d in keyed.items())
    else:
        h.add_edges_from((u, v, d) for u in nodes for v, d in g[u].items() if v in members)
    return h


def simple_graph(g: nx.Graph) -> nx.Graph:
    """`g` as an undirected graph without parallel edges, neighbours in `g`'s order.

    Not ``nx.Graph(g.to_undirected())``: that view joins successors and
    predecessors as a set, so neighbour order (and so the layout) would change
    with string hashing from run to run.

    >>> list(simple_graph(nx.MultiDiGraph([("a", "b"), ("b", "a"), ("c", "a")])).edges())
    [('a', 'b'), ('a', 'c')]
    """
    if not (g.is_directed() or g.is_multigraph()):
        return g
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v, *_ in g.edges())
    return simple


def layout_positions(g: nx.Graph, seed: int = 7, spacing: float = 150.0) -> dict[str, tuple[float, float]]:
    """Pixel positions for every node, computed once so the page need not animate.

    Each connected component is laid out on its own (networkx's spring layout for
    small ones; for big ones :func:`kg.view.layout.grid_force_layout`, whose cost
    grows with the component, where networkx's needs n*n work and memory),
    scaled to about `spacing` pixels between neighbours, and the components are
    packed in rows, biggest first.  Deterministic for a given `seed`.

    >>> pos = layout_positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2]
    True
    """
    simple = simple_graph(g)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                   key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for comp in comps:
        sub = ordered_subgraph(simple, comp)
        if len(comp) == 1:
            local = {comp[0]: (0.0, 0.0)}
        elif len(comp) < 300:
            raw = nx.spring_layout(sub, seed=seed, method="force")
            local = {n: (float(x), float(y)) for n, (x, y) in raw.items()}
        else:
            local = grid_force_layout(sub, seed=seed)
        local = _scale_to_pixels(local, spacing)
        if 2 < len(comp) < 300:
            local = _spread_apart(local, 0.7 * spacing)
        boxes.append(local)
    return _pack_rows(boxes, spacing)


def _scale_to_pixels(local: dict, spacing: float) -> dict:
    """Centre a component and scale it to about spacing*sqrt(n) pixels across,
    so a big component is as dense as a small one."""
    n = len(local)
    xs = [p[0] for p in local.values()]
    ys = [p[1] for p in local.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    target = spacing * max(1.0, math.sqrt(n)) * 1.2
    k = target / extent
    return {node: ((x - cx) * k, (y - cy) * k) for node, (x, y) in local.items()}


def _spread_apart(pos: dict, min_dist: float, rounds: int = 30) -> dict:
    """Push nodes closer than `min_dist` apart (hubs with many leaves otherwise
    pile their labels on top of each other)."""
    import numpy as np

    nodes = list(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(min_dist - dist, 0, None)
        if not overlap.any():
            break
        push = (delta / np.maximum(dist, 1e-6)[..., None] * (overlap / 2)[..., None]).sum(axis=1)
        xy += push
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


def _pack_rows(boxes: list[dict], gap: float) -> dict:
    """Place component layouts side by side in rows about as wide as the largest one."""
    if not boxes:
        return {}
    extents = []
    for b in boxes:
        xs = [p[0] for p in b.values()]
        ys = [p[1] for p in b.values()]
        extents.append((min(xs), max(xs), min(ys), max(ys)))
    total_area = sum((e[1] - e[0] + gap) * (e[3] - e[2] + gap) for e in extents)
    row_width = max(extents[0][1] - extents[0][0] + gap, math.sqrt(total_area))
    out, x, y, row_h = {}, 0.0, 0.0, 0.0
    for b, (x0, x1, y0, y1) in zip(boxes, extents):
        w, h = x1 - x0 + gap, y1 - y0 + gap
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for node, (px, py) in b.items():
            out[node] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w
        row_h = max(row_h, h)
    return out
