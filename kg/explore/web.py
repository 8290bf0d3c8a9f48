"""The explorer's routes: `/explore` (one page), its assets, and `/explore/api/…` (JSON).

:class:`Explorer` turns a GET path and query string into (status, body,
content type); the server (:mod:`kg.store.sparql_server`) only sends it.
Strings from the text leave here only as JSON; the page puts them into the
DOM as text. The page's Content-Security-Policy allows scripts, styles and
requests from its own origin only.

>>> ex = Explorer(None)
>>> status, body, ctype = ex.answer("/explore/api/suggest", "q=x")
>>> status, b"no explorer index" in body
(404, True)
"""
from __future__ import annotations

import json
import threading
from pathlib import Path
from urllib.parse import parse_qs

from kg import vocab
from kg.explore import answers
from kg.explore.answers import BadRequest, Filters

ASSETS = Path(__file__).with_name("assets")
PREFIX = "/explore"
JSON = "application/json; charset=utf-8"
CONTEXT_CHARS = 240          # characters of the source shown before and after a fact's sentence
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
NO_INDEX = ("no explorer index: serve a `kg build` DIR or a records file, "
            "or give an Oxigraph store its records with --records")


JS, CSS, HTML = ("text/javascript; charset=utf-8", "text/css; charset=utf-8", "text/html; charset=utf-8")


def _static() -> dict[str, tuple[bytes, str]]:
    """The page and its assets, read once: name -> (bytes, content type)."""
    from kg.view.html import VIS_DIR

    files = {"": (ASSETS / "explore.html", HTML), "explore.js": (ASSETS / "explore.js", JS),
             "entity.js": (ASSETS / "entity.js", JS), "graph.js": (ASSETS / "graph.js", JS),
             "explore.css": (ASSETS / "explore.css", CSS), "vis-network.min.js": (VIS_DIR / "vis-network.min.js", JS),
             "vis-network.css": (VIS_DIR / "vis-network.css", CSS)}
    return {name: (path.read_bytes(), ctype) for name, (path, ctype) in files.items()}


def vocabulary() -> dict:
    """Types and relations with their Chinese labels and colours, from kg.vocab (the viewer's too)."""
    return {"types": [{"id": t.name, "label": t.label, "colour": t.colour} for t in vocab.ENTITY_TYPE_LIST],
            "predicates": [{"id": r.name, "label": r.label, "colour": r.colour} for r in vocab.RELATION_LIST]}


class Explorer:
    """The explorer over one index file (None: the explorer says how to get one)."""

    def __init__(self, index_path: str | None, meta: dict | None = None):
        self.index_path = index_path
        self.meta = meta or {}
        self.local = threading.local()
        self.static = _static()

    def con(self):
        con = getattr(self.local, "con", None)
        if con is None:
            con = self.local.con = answers.connect(self.index_path)
        return con

    def answer(self, path: str, query: str) -> tuple[int, bytes, str]:
        """(status, body, content type) for a GET of `path` (under /explore) with `query`."""
        rest = path[len(PREFIX):].lstrip("/")
        if rest in ("", "index.html"):
            return 200, *self.static[""]
        asset = rest[len("assets/"):] if rest.startswith("assets/") else ""
        if asset in self.static and asset:
            return 200, *self.static[asset]
        if not rest.startswith("api/"):
            return self.error(404, f"no such page: {path}")
        if self.index_path is None:
            return self.error(404, NO_INDEX)
        route, _, arg = rest[len("api/"):].partition("/")
        handler = ROUTES.get(route)
        if handler is None:
            return self.error(404, f"no such API: {path}")
        try:
            params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
            data = handler(self, arg, params)
        except BadRequest as exc:
            return self.error(exc.status, str(exc))
        return 200, json.dumps(data, ensure_ascii=False).encode("utf-8"), JSON

    @staticmethod
    def error(status: int, message: str) -> tuple[int, bytes, str]:
        return status, json.dumps({"error": message}, ensure_ascii=False).encode("utf-8"), JSON

    # ---- the API -------------------------------------------------------
    def api_meta(self, arg: str, params: dict) -> dict:
        return {**vocabulary(), "counts": {k: self.meta.get(k) for k in ("entities", "articles", "facts", "texts")},
                "first": self.meta.get("first"), "last": self.meta.get("last")}

    def api_suggest(self, arg: str, params: dict) -> dict:
        return {"query": params.get("q", ""),
                "entities": answers.suggest(self.con(), params.get("q", ""), _int(params, "limit", 10))}

    def api_entity(self, arg: str, params: dict) -> dict:
        return answers.entity_page(self.con(), arg)

    def api_facts(self, arg: str, params: dict) -> dict:
        return answers.facts(self.con(), arg, filters(params), params.get("after", ""),
                             _int(params, "limit", answers.FACTS_PAGE))

    def api_neighbours(self, arg: str, params: dict) -> dict:
        return answers.neighbours(self.con(), arg, filters(params), _int(params, "offset", 0),
                                  _int(params, "limit", answers.NEIGHBOURS_CAP))

    def api_text(self, arg: str, params: dict) -> dict:
        return answers.fulltext(self.con(), params.get("q", ""), _int(params, "before", 0),
                                _int(params, "limit", answers.TEXTS_PAGE))

    def api_source(self, arg: str, params: dict) -> dict:
        return passage(answers.fact_source(self.con(), arg))


ROUTES = {"meta": Explorer.api_meta, "suggest": Explorer.api_suggest, "entity": Explorer.api_entity,
          "facts": Explorer.api_facts, "neighbours": Explorer.api_neighbours, "text": Explorer.api_text,
          "source": Explorer.api_source}


def _int(params: dict, key: str, default: int) -> int:
    value = params.get(key, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise BadRequest(f"bad {key} {value!r}: a whole number") from None


def _list(params: dict, key: str, known: set[str]) -> tuple[str, ...]:
    values = tuple(v for v in params.get(key, "").split(",") if v)
    unknown = [v for v in values if v not in known]
    if unknown:
        raise BadRequest(f"unknown {key}: {', '.join(unknown)}")
    return values


def filters(params: dict) -> Filters:
    """The Filters of a query string: types=, preds= (comma-separated), from=, to= (YYYY-MM[-DD])."""
    return Filters(types=_list(params, "types", set(vocab.ENTITY_TYPES)),
                   predicates=_list(params, "preds", set(vocab.PREDICATES)),
                   start=params.get("from", ""), end=params.get("to", ""))


def passage(row: dict) -> dict:
    """The source file's text around a fact's sentence (read as `kg extract` read it), or why not."""
    from kg.extract.read import read_page

    out = dict(row)
    source, start, end = row.get("source"), row.get("start"), row.get("end")
    if not source or start is None or end is None:
        return dict(out, missing="the record gives no place in a source file")
    try:
        text = read_page(source).text
    except (OSError, ValueError) as exc:
        return dict(out, missing=f"{source}: cannot read the source file: {getattr(exc, 'strerror', None) or exc}")
    if end > len(text):
        return dict(out, missing=f"{source}: the file has changed since the graph was built")
    return dict(out, before=text[max(0, start - CONTEXT_CHARS):start], match=text[start:end],
                after=text[end:end + CONTEXT_CHARS])
