"""One self-contained HTML page showing a built graph (pyvis over networkx).

The page works offline: vis-network's JS and CSS come from the copy inside
the pyvis wheel and are inlined; nothing is fetched (a Content-Security-Policy
forbids it, and :func:`check_offline` refuses a page that references a remote
resource).  Every string from the text reaches the page only as JSON inside a
``<script type="application/json">`` block (with ``<``, ``>``, ``&`` escaped)
and is put into the DOM with ``textContent``, never as HTML.

>>> import tempfile, os
>>> recs = [{"kind": "entity", "id": "e-1", "name": "</script><b>甲", "type": "Person"}]
>>> out = os.path.join(tempfile.mkdtemp(), "g.html")
>>> write_html(recs, out)
>>> page = open(out, encoding="utf-8").read()
>>> "</script><b>" in page, "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e甲" in page
(False, True)
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

from kg import vocab
from kg.records import atomic_writer, script_json
from kg.view.graph import UNKNOWN_TYPE, curation_attrs, cut_graph, layout_positions, to_networkx

ASSETS = Path(__file__).with_name("assets")
VIS_DIR = Path(pyvis.__file__).with_name("lib") / "vis-9.1.2"

# type -> (Chinese name, colour, vis shape), from the vocabulary.  Shapes are ones vis scales by `value`.
TYPE_STYLE = {t.name: (t.label, t.colour, t.shape) for t in (*vocab.ENTITY_TYPE_LIST, vocab.UNKNOWN_TYPE)}
PREDICATE_STYLE = {r.name: (r.label, r.colour) for r in vocab.RELATION_LIST}
FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif'
# Above this many edges the page hides edges while dragging/zooming so it stays responsive.
LARGE_EDGES = 2000
EDGE_FONT_SIZE = 11
DIM_LIMIT = 3000           # up to this many nodes a selection dims the rest; past it only the neighbourhood is marked


class OfflineError(ValueError):
    """The rendered page would load something from outside the file."""


def write_html(records: Iterable[dict], path, types=None, min_degree=0, max_nodes=None) -> None:
    """Write the viewer page for `records` to `path` (UTF-8, atomically)."""
    page = render_html(to_networkx(records), types=types, min_degree=min_degree,
                       max_nodes=max_nodes, title=Path(path).parent.name or "kg")
    with atomic_writer(path, encoding="utf-8") as fh:
        fh.write(page)


def render_html(g: nx.MultiDiGraph, types=None, min_degree=0, max_nodes=None, title="kg") -> str:
    """The page as a string (see :func:`write_html`)."""
    shown, note = cut_graph(g, types=types, min_degree=min_degree, max_nodes=max_nodes)
    net = build_network(shown)
    meta = page_meta(shown, note, title)
    net.templateEnv = _template_env(meta)
    net.path = "viewer.html"
    page = net.generate_html()
    page = _add_script_hashes(page)
    check_offline(page)
    return page


def build_network(g: nx.MultiDiGraph) -> Network:
    """The pyvis Network: one node per entity with a fixed position, one edge per triple."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    degree = dict(g.degree())
    pos = layout_positions(g)
    for node, attrs in g.nodes(data=True):
        kind = attrs.get("type") if attrs.get("type") in TYPE_STYLE else UNKNOWN_TYPE
        _, colour, shape = TYPE_STYLE[kind]
        x, y = pos[node]
        net.add_node(node, label=attrs.get("name") or node, shape=shape, color=colour,
                     x=x, y=y, value=degree[node], type=kind, name=attrs.get("name") or node,
                     aliases=attrs.get("aliases") or [], code=attrs.get("code"),
                     titles=attrs.get("titles") or [], degree=degree[node], **curation_attrs(attrs))
    parallel: dict[tuple, int] = {}
    for a, b, key, attrs in g.edges(keys=True, data=True):
        pair = (a, b) if str(a) <= str(b) else (b, a)
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        pred = attrs.get("predicate")
        label = PREDICATE_STYLE.get(pred, (pred or "?",))[0]
        if attrs.get("date"):
            label += " " + attrs["date"]
        edge = {"id": key, "label": label, "predicate": pred, "date": attrs.get("date"),
                "title_": attrs.get("title"), "evidence": attrs.get("evidence") or "",
                "article": attrs.get("article"),
                "color": PREDICATE_STYLE.get(pred, ("", "#999999"))[1], **curation_attrs(attrs)}
        if nth:  # parallel triples (two visits, say) would draw on top of each other
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * nth}
        # pyvis's add_edge scans the node list per edge (O(n*e)); the nodes are
        # known to exist here, so build the same Edge object directly.
        net.edges.append(Edge(a, b, True, **edge).options)
    net.options = vis_options(g.number_of_edges())
    return net


def vis_options(n_edges: int) -> dict:
    """vis-network options: no physics (positions are precomputed), hover on."""
    large = n_edges > LARGE_EDGES
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "multiselect": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"scaling": {"min": 8, "max": 28, "label": {"enabled": True, "min": 13,
                                                           "max": 20, "drawThreshold": 6}},
                  "font": {"face": FONT, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"smooth": False, "width": 1.2, "selectionWidth": 2,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  # Edge labels are drawn for every edge at every frame (vis does not cull
                  # edges), which makes a zoomed-in large graph sluggish; there they are
                  # shown only for the selected node's edges (viewer.js sets the size).
                  "font": {"face": FONT, "size": 0 if large else EDGE_FONT_SIZE,
                           "align": "middle", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "color": "#444444"},
                  "scaling": {"label": {"drawThreshold": 6}}},
    }


def page_meta(g: nx.MultiDiGraph, note: dict, title: str) -> dict:
    """Everything the page's script needs besides nodes and edges."""
    articles = g.graph.get("articles", {})
    used = {d.get("article") for _, _, d in g.edges(data=True)}
    type_counts: dict[str, int] = {}
    for _, t in g.nodes(data="type"):
        t = t if t in TYPE_STYLE else UNKNOWN_TYPE
        type_counts[t] = type_counts.get(t, 0) + 1
    pred_counts: dict[str, int] = {}
    for _, _, p in g.edges(data="predicate"):
        pred_counts[p] = pred_counts.get(p, 0) + 1
    order = [*vocab.ENTITY_TYPES, UNKNOWN_TYPE]
    preds = [*vocab.PREDICATES, *sorted(p for p in pred_counts if p not in vocab.PREDICATES and p)]
    return {
        "title": title,
        "edge_font_size": EDGE_FONT_SIZE,
        "dim_limit": DIM_LIMIT,
        "note": note,
        "articles": {a: articles[a] for a in sorted(used, key=str) if a in articles},
        "types": [{"id": t, "label": TYPE_STYLE[t][0], "color": TYPE_STYLE[t][1],
                   "shape": TYPE_STYLE[t][2], "count": type_counts.get(t, 0)}
                  for t in order if t != UNKNOWN_TYPE or type_counts.get(t)],
        "predicates": [{"id": p, "label": PREDICATE_STYLE.get(p, (p,))[0],
                        "color": PREDICATE_STYLE.get(p, ("", "#999999"))[1],
                        "count": pred_counts.get(p, 0)} for p in preds],
    }


def _template_env(meta: dict) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ASSETS), autoescape=True)
    env.filters["script_json"] = lambda value: Markup(script_json(value))
    env.globals.update(
        meta=meta,
        vis_js=_asset_text(VIS_DIR / "vis-network.min.js"),
        vis_css=_asset_text(VIS_DIR / "vis-network.css"),
        viewer_js=_asset_text(ASSETS / "viewer.js"),
        viewer_css=_asset_text(ASSETS / "viewer.css"),
    )
    return env


def _asset_text(path: Path) -> Markup:
    # drop the source-map comment: devtools would try to fetch the .map file
    text = re.sub(r"^//# sourceMappingURL=.*$", "", path.read_text(encoding="utf-8"), flags=re.M)
    if re.search(r"</(script|style)", text, re.I):  # would end the inline element early
        raise OfflineError(f"{path}: cannot be inlined, contains a closing script/style tag")
    return Markup(text)


_SCRIPT = re.compile(r"<script(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def _add_script_hashes(page: str) -> str:
    """Allow exactly the page's own inline scripts in its CSP (no 'unsafe-inline'),
    so even a markup injection could not run an inline handler."""
    hashes = []
    for body in _SCRIPT.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return page.replace("__SCRIPT_HASHES__", " ".join(hashes), 1)


# the lookahead names the first character of every alternative, so the engine tries the
# alternatives only there (2.5x faster over the 26 MB page of a 10,000-page build)
_REMOTE = re.compile(
    r"""(?=[shapdu@])(?:(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:@import)|(?:url\(\s*["']?\s*(?:https?:)?//))""", re.I)


def check_offline(page: str) -> None:
    """Raise OfflineError if the page references anything outside itself.

    >>> try:
    ...     check_offline('<link href="https://cdn.example/x.css">')
    ... except OfflineError as exc:
    ...     print(exc)
    page would fetch a remote resource: 'href="https://'
    """
    m = _REMOTE.search(page)
    if m:
        raise OfflineError(f"page would fetch a remote resource: {m.group(0)!r}")
