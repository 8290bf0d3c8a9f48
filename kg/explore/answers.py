"""The explorer's answers: plain functions over an index connection, one per interaction.

Each takes an open :mod:`sqlite3` connection to an index
(:mod:`kg.explore.index`) and plain arguments, and returns plain data (dicts
and lists, ready for JSON). Every query starts from a selective key: a name
prefix, an FTS5 match, an entity's row number.

>>> import os, tempfile
>>> from kg.explore.index import build_index
>>> path = os.path.join(tempfile.mkdtemp(), "x.sqlite")
>>> _ = build_index([{"kind": "entity", "id": "e-1", "name": "青岚市", "type": "AdministrativeArea"}], path)
>>> con = connect(path)
>>> [e["name"] for e in suggest(con, "青岚")]
['青岚市']
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from kg.explore.tokens import match_expression

SUGGESTIONS = 10
FACTS_PAGE = 50
TEXTS_PAGE = 20
NEIGHBOURS_CAP = 25
MAX_PAGE = 500
PREFIX_ROWS = 200             # name rows a prefix or substring match reads before ranking
MONTH = re.compile(r"^\d{4}-\d{2}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE = re.compile(r"^\d{2,12}$")
LAST_CHAR = "\U0010ffff"

ENTITY_COLUMNS = "e.n, e.id, e.name, e.type, e.code, e.aliases, e.titles, e.mentions, e.articles, " \
                 "e.facts, e.neighbours, e.first, e.last"


class BadRequest(ValueError):
    """An argument the explorer cannot answer (a bad date, an unknown id): a 400 or 404 with this message."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Filters:
    """What an expansion or a timeline keeps: entity types, relations, a date range (YYYY-MM or YYYY-MM-DD)."""
    types: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()
    start: str = ""
    end: str = ""

    def __post_init__(self):
        for value in (self.start, self.end):
            if value and not (MONTH.match(value) or DAY.match(value)):
                raise BadRequest(f"bad date {value!r}: use YYYY-MM or YYYY-MM-DD")

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def date_range(self) -> tuple[str, str]:
        """(low, high) bounds comparable with ISO dates: a month's end includes all its days."""
        return self.start or "", (self.end + "-99" if MONTH.match(self.end) else self.end) or "9999"


def connect(path: str) -> sqlite3.Connection:
    """A read-only connection to the index at `path` (one per thread)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    con.row_factory = sqlite3.Row
    return con


def _entity(row: sqlite3.Row) -> dict:
    out = dict(row)
    out.pop("n", None)
    for key in ("aliases", "titles"):
        if key in out:
            out[key] = json.loads(out[key] or "[]")
    return out


def suggest(con: sqlite3.Connection, query: str, limit: int = SUGGESTIONS) -> list[dict]:
    """Entities whose name, alias or GB/T code matches `query`: exact first, then prefix, then substring;
    within each, the entities with the most facts first."""
    query = query.strip()
    if not query:
        return []
    ranked: dict[int, tuple] = {}

    def take(rows, rank):
        for row in rows:
            key = (rank if row["key"] != query else 0, -row["facts"], row["name"])
            if row["n"] not in ranked or key < ranked[row["n"]][0]:
                ranked[row["n"]] = (key, row)

    select = f"SELECT {ENTITY_COLUMNS}, k.key AS key, k.kind AS kind FROM name k JOIN entity e ON e.n = k.entity"
    take(con.execute(f"{select} WHERE k.key >= ? AND k.key < ? LIMIT ?",
                     (query, query + LAST_CHAR, PREFIX_ROWS)), 1)
    expr = None if CODE.match(query) else match_expression(query)
    if expr and len(ranked) < limit:
        take(con.execute(f"{select} WHERE k.rowid IN (SELECT rowid FROM name_fts WHERE name_fts MATCH ? LIMIT ?)",
                         (expr, PREFIX_ROWS)), 2)
    best = sorted(ranked.values(), key=lambda kv: kv[0])[:limit]
    out = []
    for _, row in best:
        entity = _entity(row)
        entity["matched"], entity["matched_as"] = entity.pop("key"), entity.pop("kind")
        out.append(entity)
    return out


def entity_row(con: sqlite3.Connection, entity_id: str) -> sqlite3.Row:
    row = con.execute(f"SELECT {ENTITY_COLUMNS} FROM entity e WHERE e.id = ?", (entity_id,)).fetchone()
    if row is None:
        raise BadRequest(f"no entity {entity_id!r} in this graph", status=404)
    return row


def entity_page(con: sqlite3.Connection, entity_id: str) -> dict:
    """The entity's card: names, counts, offices held (tenures) and its facts per month and relation."""
    row = entity_row(con, entity_id)
    n = row["n"]
    offices = [dict(r) for r in con.execute(
        "SELECT t.title, t.acting, t.first, t.last, t.appointed, t.ended, t.articles, "
        "b.id AS body_id, b.name AS body FROM tenure t LEFT JOIN entity b ON b.n = t.body "
        "WHERE t.person = ? ORDER BY t.first, t.title", (n,))]
    holders = [dict(r) for r in con.execute(
        "SELECT t.title, t.first, t.last, p.id AS person_id, p.name AS person FROM tenure t "
        "JOIN entity p ON p.n = t.person WHERE t.body = ? ORDER BY t.first DESC LIMIT ?", (n, FACTS_PAGE))]
    months: dict[str, dict] = {}
    for r in con.execute("SELECT month, p, dir, count FROM summary WHERE entity = ? ORDER BY month", (n,)):
        months.setdefault(r["month"], {})[f"{r['p']}:{r['dir']}"] = r["count"]
    return {"entity": _entity(row), "offices": offices, "holders": holders,
            "timeline": [{"month": m, "counts": c} for m, c in months.items()]}


FACT_COLUMNS = ("f.id, f.p AS predicate, f.date, f.dated, f.title, f.rule, f.confidence, "
                "s.id AS subject_id, s.name AS subject, s.type AS subject_type, "
                "o.id AS object_id, o.name AS object, o.type AS object_type, "
                "t.body AS evidence, t.start, t.end, COALESCE(t.page, a.page) AS page, t.n AS text, "
                "a.id AS article, a.headline, a.date AS published, a.edition, a.source, a.url")
FACT_JOINS = ("JOIN entity s ON s.n = f.s JOIN entity o ON o.n = f.o "
              "LEFT JOIN text t ON t.n = f.text LEFT JOIN article a ON a.n = f.article")


def facts(con: sqlite3.Connection, entity_id: str, filters: Filters = Filters(), after: str = "",
          limit: int = FACTS_PAGE) -> dict:
    """The entity's facts newest first (as subject or object), each with its evidence and article.

    `after` is the ``next`` of the page before (``date|fact id``): the next page starts after it.
    Facts without any date follow the dated ones when no date range is asked for.
    """
    n = entity_row(con, entity_id)["n"]
    limit = min(max(1, limit), MAX_PAGE)
    low, high = filters.date_range()
    cursor_date, _, cursor_id = after.partition("|")
    if after and not (DAY.match(cursor_date) or cursor_date == "undated"):
        raise BadRequest(f"bad cursor {after!r}: use the next value of the page before")
    rows = []
    if cursor_date != "undated":
        rows = _facts_where(con, n, "f.date >= ? AND f.date < ?" + (" AND (f.date < ? OR (f.date = ? AND f.id < ?))"
                            if after else ""), (low, high, *((cursor_date, cursor_date, cursor_id) if after else ())),
                            filters, limit + 1)
    if len(rows) <= limit and not filters.dated:
        rows += _facts_where(con, n, "f.date IS NULL" + (" AND f.id < ?" if cursor_date == "undated" else ""),
                             (cursor_id,) if cursor_date == "undated" else (), filters, limit + 1 - len(rows))
    page = [_fact(r) for r in rows[:limit]]
    more = len(rows) > limit
    return {"facts": page, "next": f"{page[-1]['date'] or 'undated'}|{page[-1]['id']}" if more else None}


def _facts_where(con, n: int, where: str, args: tuple, filters: Filters, limit: int) -> list[sqlite3.Row]:
    """Facts of entity `n` on either side meeting `where`, newest first: two index scans merged."""
    preds, types = filters.predicates, filters.types
    where += f" AND f.p IN ({','.join('?' * len(preds))})" if preds else ""
    where += f" AND other.type IN ({','.join('?' * len(types))})" if types else ""
    rows = []
    for side, other in (("s", "o"), ("o", "s")):
        sql = (f"SELECT {FACT_COLUMNS} FROM fact f {FACT_JOINS} JOIN entity other ON other.n = f.{other} "
               f"WHERE f.{side} = ? AND {where}" + (" AND f.s != f.o" if side == "o" else "")
               + " ORDER BY f.date DESC, f.id DESC LIMIT ?")
        rows += con.execute(sql, (n, *args, *preds, *types, limit)).fetchall()
    rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return rows[:limit]


def _fact(row: sqlite3.Row) -> dict:
    out = dict(row)
    out["dated"] = bool(out["dated"])
    return out


def fact_source(con: sqlite3.Connection, fact_or_text: str) -> dict:
    """Where a fact's evidence (a ``t-`` id) or a text row (its number) stands: file, span, headline."""
    if fact_or_text.isdigit():
        row = con.execute("SELECT t.n, t.body, t.start, t.end, t.kind, a.source, a.headline, a.date, a.page, "
                          "a.id AS article FROM text t JOIN article a ON a.n = t.article WHERE t.n = ?",
                          (int(fact_or_text),)).fetchone()
    else:
        row = con.execute("SELECT t.n, t.body, t.start, t.end, t.kind, a.source, a.headline, a.date, a.page, "
                          "a.id AS article FROM fact f JOIN text t ON t.n = f.text "
                          "JOIN article a ON a.n = f.article WHERE f.id = ?", (fact_or_text,)).fetchone()
    if row is None:
        raise BadRequest(f"no fact or text {fact_or_text!r} in this graph", status=404)
    return dict(row)


def neighbours(con: sqlite3.Connection, entity_id: str, filters: Filters = Filters(), offset: int = 0,
               limit: int = NEIGHBOURS_CAP) -> dict:
    """The entity's strongest neighbours (most facts together first) with the links to them.

    Without a date range the precomputed ``strength`` and ``link`` tables answer; with one, the facts in range.
    ``more`` says whether a next page (``offset + limit``) has further neighbours.
    """
    n = entity_row(con, entity_id)["n"]
    limit, offset = min(max(1, limit), MAX_PAGE), max(0, offset)
    links, link_args = _links_sql(filters, n)
    preds, types = filters.predicates, filters.types
    type_where = f" AND e.type IN ({','.join('?' * len(types))})" if types else ""
    if not filters.dated and not preds:
        sql = (f"SELECT st.other, st.weight FROM strength st JOIN entity e ON e.n = st.other "
               f"WHERE st.entity = ?{type_where} ORDER BY st.weight DESC, st.other LIMIT ? OFFSET ?")
        ranked = con.execute(sql, (n, *types, limit + 1, offset)).fetchall()
    else:
        sql = (f"SELECT l.other, sum(l.count) AS weight FROM ({links}) l JOIN entity e ON e.n = l.other "
               f"WHERE 1{type_where} GROUP BY l.other ORDER BY weight DESC, l.other LIMIT ? OFFSET ?")
        ranked = con.execute(sql, (*link_args, *types, limit + 1, offset)).fetchall()
    weights = {r["other"]: r["weight"] for r in ranked[:limit]}
    if not weights:
        return {"entity": entity_id, "nodes": [], "edges": [], "offset": offset, "more": False}
    marks = ",".join("?" * len(weights))
    rows = con.execute(f"SELECT {ENTITY_COLUMNS} FROM entity e WHERE e.n IN ({marks})", list(weights)).fetchall()
    ids = {r["n"]: r["id"] for r in rows}
    nodes = sorted((dict(_entity(r), weight=weights[r["n"]]) for r in rows), key=lambda e: (-e["weight"], e["name"]))
    edges = [{"other": ids[r["other"]], "predicate": r["p"], "dir": r["dir"], "count": r["count"],
              "first": r["first"], "last": r["last"]}
             for r in con.execute(f"SELECT * FROM ({links}) WHERE other IN ({marks})", (*link_args, *weights))]
    return {"entity": entity_id, "nodes": nodes, "edges": edges, "offset": offset,
            "more": len(ranked) > limit}


def _links_sql(filters: Filters, n: int) -> tuple[str, tuple]:
    """(SQL of entity `n`'s links: other, p, dir, count, first, last; its arguments)."""
    preds = filters.predicates
    where_p = f" AND p IN ({','.join('?' * len(preds))})" if preds else ""
    if not filters.dated:
        return f"SELECT other, p, dir, count, first, last FROM link WHERE entity = ?{where_p}", (n, *preds)
    low, high = filters.date_range()
    one = ("SELECT {o} AS other, p, '{d}' AS dir, count(*) AS count, min(date) AS first, max(date) AS last "
           "FROM fact WHERE {s} = ? AND date >= ? AND date < ?{extra}" + where_p + " GROUP BY {o}, p")
    sql = (one.format(o="o", s="s", d="out", extra="") + " UNION ALL "
           + one.format(o="s", s="o", d="in", extra=" AND s != o"))
    return sql, (n, low, high, *preds, n, low, high, *preds)


def fulltext(con: sqlite3.Connection, query: str, before: int = 0, limit: int = TEXTS_PAGE) -> dict:
    """Headlines and evidence sentences containing `query`, newest first, each with its article and facts.

    `before` (the ``next`` of the page before) pages on.
    """
    expr = match_expression(query)
    if expr is None:
        raise BadRequest("nothing to search for: give a word or a phrase")
    limit = min(max(1, limit), MAX_PAGE)
    where_before = " AND rowid < ?" if before else ""
    try:
        rows = con.execute(
            "SELECT t.n, t.kind, t.body, t.start, t.end, a.id AS article, a.headline, a.date, a.page, "
            "a.edition, a.source FROM text t JOIN article a ON a.n = t.article WHERE t.n IN "
            f"(SELECT rowid FROM text_fts WHERE text_fts MATCH ?{where_before} ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY t.n DESC", (expr, *((before,) if before else ()), limit + 1)).fetchall()
    except sqlite3.OperationalError as exc:
        raise BadRequest(f"cannot search for {query!r}: {exc}") from exc
    page = [dict(r) for r in rows[:limit]]
    by_text = {r["n"]: r for r in page}
    for r in page:
        r["facts"] = []
    if by_text:
        for f in con.execute("SELECT f.text, f.id, f.p AS predicate, s.id AS subject_id, s.name AS subject, "
                             "o.id AS object_id, o.name AS object FROM fact f JOIN entity s ON s.n = f.s "
                             f"JOIN entity o ON o.n = f.o WHERE f.text IN ({','.join('?' * len(by_text))})",
                             list(by_text)):
            by_text[f["text"]]["facts"].append({k: f[k] for k in f.keys() if k != "text"})  # noqa: SIM118 (a Row)
    return {"query": query, "texts": page, "next": page[-1]["n"] if len(rows) > limit and page else None}
