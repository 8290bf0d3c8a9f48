"""The explorer's index: one SQLite file written from the records (docs/explore.md).

Everything an interaction needs is a lookup by a selective key:

- ``entity`` (one row per entity, with its counts) and ``name`` (each name,
  alias and code, B-tree for exact and prefix matches; ``name_fts`` for
  substrings);
- ``article``; ``text``, every distinct evidence sentence and every headline,
  numbered by publication date, with ``text_fts`` (FTS5 over
  :func:`kg.explore.tokens.index_tokens`) for full-text search;
- ``fact``, one row per triple with its date (the triple's, else the
  article's), indexed by subject and by object, each with the date;
- precomputed at build time: ``summary`` (facts per entity, month, relation and
  direction: the timeline) and ``link`` (facts per entity, neighbour, relation
  and direction, with first and last date: the neighbourhood);
- ``tenure`` (the offices of a person, from the tenure records).

The file is written beside its final name and renamed into place; ``meta``
records the source's size and modification time, so :func:`ensure_index`
rebuilds only a stale index.

>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> recs = [{"kind": "entity", "id": "e-1", "name": "青岚市", "type": "AdministrativeArea"}]
>>> counts = build_index(recs, os.path.join(d, "x.sqlite"))
>>> counts["entities"], counts["facts"]
(1, 0)
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kg.explore.tokens import index_tokens
from kg.records import read_records

SCHEMA_VERSION = "1"             # a new one makes ensure_index rebuild older files
INDEX_NAME = "explore.sqlite"
BATCH = 5000                  # rows inserted at once
PROGRESS_EVERY = 100_000     # records between two progress calls

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entity(n INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, type TEXT, code TEXT,
                    aliases TEXT, titles TEXT, mentions INTEGER, articles INTEGER,
                    facts INTEGER DEFAULT 0, neighbours INTEGER DEFAULT 0, first TEXT, last TEXT);
CREATE TABLE name(key TEXT, entity INTEGER, kind TEXT);
CREATE VIRTUAL TABLE name_fts USING fts5(tokens, content='', columnsize=0);
CREATE TABLE article(n INTEGER PRIMARY KEY, id TEXT UNIQUE, headline TEXT, date TEXT, page INTEGER,
                     edition TEXT, source TEXT, start INTEGER, end INTEGER, url TEXT, outlet TEXT);
CREATE TABLE raw(id TEXT, s INTEGER, p TEXT, o INTEGER, date TEXT, title TEXT, article INTEGER,
                 start INTEGER, end INTEGER, evidence TEXT, page INTEGER, rule TEXT, confidence REAL);
CREATE TABLE text(n INTEGER PRIMARY KEY, article INTEGER, kind TEXT, body TEXT, start INTEGER,
                  end INTEGER, page INTEGER);
CREATE VIRTUAL TABLE text_fts USING fts5(tokens, content='', columnsize=0);
CREATE TABLE fact(n INTEGER PRIMARY KEY, id TEXT, s INTEGER, p TEXT, o INTEGER, date TEXT, dated INTEGER,
                  title TEXT, article INTEGER, text INTEGER, rule TEXT, confidence REAL);
CREATE TABLE tenure(person INTEGER, body INTEGER, title TEXT, acting INTEGER, first TEXT, last TEXT,
                    appointed TEXT, ended TEXT, articles INTEGER);
"""

# After the rows: number the texts by date, point the facts at them, precompute the summaries.
FINISH = """
INSERT INTO text(article, kind, body, start, end, page)
  SELECT article, kind, body, start, end, page FROM (
    SELECT a.n AS article, 'h' AS kind, a.headline AS body, a.start AS start, a.end AS end,
           a.page AS page, a.date AS day FROM article a WHERE a.headline IS NOT NULL AND a.headline != ''
    UNION ALL
    SELECT r.article, 'e', r.evidence, r.start, r.end, r.page, a.date FROM raw r JOIN article a ON a.n = r.article
      WHERE r.evidence IS NOT NULL GROUP BY r.article, r.start, r.end)
  ORDER BY day IS NULL, day, article, kind DESC, start;
CREATE INDEX text_at ON text(article, start, end);
INSERT INTO fact(id, s, p, o, date, dated, title, article, text, rule, confidence)
  SELECT r.id, r.s, r.p, r.o, COALESCE(r.date, a.date), r.date IS NOT NULL, r.title, r.article,
         (SELECT t.n FROM text t WHERE t.article = r.article AND t.start IS r.start AND t.end IS r.end
            AND t.kind = 'e'), r.rule, r.confidence
  FROM raw r LEFT JOIN article a ON a.n = r.article ORDER BY COALESCE(r.date, a.date), r.id;
DROP TABLE raw;
DROP INDEX text_at;
CREATE INDEX fact_s ON fact(s, date);
CREATE INDEX fact_o ON fact(o, date);
CREATE INDEX fact_text ON fact(text);
CREATE UNIQUE INDEX fact_id ON fact(id);
CREATE INDEX name_key ON name(key);
CREATE INDEX article_date ON article(date);
CREATE INDEX tenure_person ON tenure(person, first);
CREATE TABLE summary(entity INTEGER, month TEXT, p TEXT, dir TEXT, count INTEGER,
                     PRIMARY KEY(entity, month, p, dir)) WITHOUT ROWID;
INSERT INTO summary SELECT s, COALESCE(substr(date, 1, 7), ''), p, 'out', count(*) FROM fact GROUP BY 1, 2, 3;
INSERT INTO summary SELECT o, COALESCE(substr(date, 1, 7), ''), p, 'in', count(*) FROM fact
  WHERE o != s GROUP BY 1, 2, 3;
CREATE TABLE link(entity INTEGER, other INTEGER, p TEXT, dir TEXT, count INTEGER, first TEXT, last TEXT,
                  PRIMARY KEY(entity, other, p, dir)) WITHOUT ROWID;
INSERT INTO link SELECT s, o, p, 'out', count(*), min(date), max(date) FROM fact GROUP BY s, o, p;
INSERT INTO link SELECT o, s, p, 'in', count(*), min(date), max(date) FROM fact WHERE o != s GROUP BY o, s, p;
CREATE TABLE strength(entity INTEGER, other INTEGER, weight INTEGER, PRIMARY KEY(entity, weight, other))
  WITHOUT ROWID;
INSERT INTO strength SELECT entity, other, sum(count) FROM link GROUP BY entity, other;
UPDATE entity SET
  facts = COALESCE((SELECT sum(count) FROM summary WHERE summary.entity = entity.n), 0),
  neighbours = (SELECT count(*) FROM strength WHERE strength.entity = entity.n),
  first = (SELECT min(month) FROM summary WHERE summary.entity = entity.n AND month != ''),
  last = (SELECT max(month) FROM summary WHERE summary.entity = entity.n AND month != '');
INSERT INTO text_fts(rowid, tokens) SELECT n, kg_tokens(body) FROM text;
INSERT INTO name_fts(rowid, tokens) SELECT rowid, kg_tokens(key) FROM name WHERE kind != 'code';
ANALYZE;
"""


def build_index(records: Iterable[dict], path: str | os.PathLike, signature: str = "",
                progress=None) -> dict:
    """Write the index of `records` to `path` (atomically); return its counts.

    `signature` identifies the source (see :func:`source_signature`);
    `progress(n)` is called every :data:`PROGRESS_EVERY` records.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            counts = _fill(con, records, progress)
            _put_meta(con, {"version": SCHEMA_VERSION, "signature": signature, **counts})
            con.commit()
        finally:
            con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return counts


def _fill(con: sqlite3.Connection, records: Iterable[dict], progress) -> dict:
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;"
                      "PRAGMA cache_size=-65536;" + SCHEMA)
    con.create_function("kg_tokens", 1, index_tokens, deterministic=True)
    loader = _Loader(con)
    for i, rec in enumerate(records, 1):
        loader.add(rec)
        if progress and i % PROGRESS_EVERY == 0:
            progress(i)
    loader.flush()
    con.executescript(FINISH)
    one = lambda sql: con.execute(sql).fetchone()[0]
    return {"entities": one("SELECT count(*) FROM entity"), "articles": one("SELECT count(*) FROM article"),
            "facts": one("SELECT count(*) FROM fact"), "texts": one("SELECT count(*) FROM text"),
            "tenures": one("SELECT count(*) FROM tenure"), "first": one("SELECT min(date) FROM fact"),
            "last": one("SELECT max(date) FROM fact")}


class _Loader:
    """Rows of each table gathered and inserted in batches; ids become row numbers."""

    INSERT = {
        "entity": "INSERT INTO entity(n, id, name, type, code, aliases, titles, mentions, articles) "
                  "VALUES (?,?,?,?,?,?,?,?,?)",
        "name": "INSERT INTO name(key, entity, kind) VALUES (?,?,?)",
        "article": "INSERT INTO article(n, id, headline, date, page, edition, source, start, end, url, outlet) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        "raw": "INSERT INTO raw VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "tenure": "INSERT INTO tenure VALUES (?,?,?,?,?,?,?,?,?)",
    }

    def __init__(self, con: sqlite3.Connection):
        self.con = con
        self.rows: dict[str, list] = {table: [] for table in self.INSERT}
        self.entities: dict[str, int] = {}
        self.articles: dict[str, int] = {}
        self.sources: dict[str, str] = {}

    def add(self, rec: dict) -> None:
        kind = rec.get("kind")
        if kind == "entity":
            self.entity(rec)
        elif kind == "article":
            self.article(rec)
        elif kind == "triple":
            self.triple(rec)
        elif kind == "tenure":
            self.tenure(rec)
        for table, rows in self.rows.items():
            if len(rows) >= BATCH:
                self.con.executemany(self.INSERT[table], rows)
                rows.clear()

    def flush(self) -> None:
        for table, rows in self.rows.items():
            self.con.executemany(self.INSERT[table], rows)
            rows.clear()

    def entity(self, rec: dict) -> None:
        n = self.entities.setdefault(rec["id"], len(self.entities) + 1)
        aliases = [a for a in rec.get("aliases") or [] if a != rec["name"]]
        articles = rec.get("articles")
        self.rows["entity"].append((n, rec["id"], rec["name"], rec.get("type"), rec.get("code"),
                                    json.dumps(aliases, ensure_ascii=False),
                                    json.dumps(rec.get("titles") or [], ensure_ascii=False),
                                    rec.get("mentions") or 0,
                                    len(articles) if isinstance(articles, list) else 0))
        names = self.rows["name"]
        names.append((rec["name"], n, "name"))
        names.extend((a, n, "alias") for a in aliases)
        if rec.get("code"):
            names.append((rec["code"], n, "code"))

    def article(self, rec: dict) -> None:
        n = self.articles.setdefault(rec["id"], len(self.articles) + 1)
        span = rec.get("span") or [None, None]
        self.rows["article"].append((n, rec["id"], rec.get("headline"), rec.get("date"), rec.get("page"),
                                     rec.get("edition"), self.source(rec.get("source")), span[0], span[1],
                                     rec.get("url"), rec.get("outlet")))

    def source(self, source: str | None) -> str | None:
        """The source file as an absolute path when it exists from here (the server may run elsewhere)."""
        if not source:
            return None
        if source not in self.sources:
            p = Path(source)
            self.sources[source] = str(p.resolve()) if p.exists() else source
        return self.sources[source]

    def triple(self, rec: dict) -> None:
        s, o = self.entities.get(rec.get("subject_id")), self.entities.get(rec.get("object_id"))
        if s is None or o is None:
            return
        span = rec.get("span") or [None, None]
        self.rows["raw"].append((rec["id"], s, rec["predicate"], o, rec.get("date"), rec.get("title"),
                                 self.articles.get(rec.get("article")), span[0], span[1], rec.get("evidence"),
                                 rec.get("page"), rec.get("rule"), rec.get("confidence")))

    def tenure(self, rec: dict) -> None:
        person, body = self.entities.get(rec.get("person_id")), self.entities.get(rec.get("body_id"))
        if person is None:
            return
        self.rows["tenure"].append((person, body, rec.get("title"), int(bool(rec.get("acting"))),
                                    rec.get("first"), rec.get("last"), rec.get("appointed"), rec.get("ended"),
                                    rec.get("articles") or 0))


def _put_meta(con: sqlite3.Connection, values: dict) -> None:
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])


def read_meta(path: str | os.PathLike) -> dict:
    """The index's meta table as a dict ({} when the file is no index of this version)."""
    try:
        con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            meta = {k: json.loads(v) for k, v in con.execute("SELECT key, value FROM meta")}
        finally:
            con.close()
    except sqlite3.Error:
        return {}
    return meta if meta.get("version") == SCHEMA_VERSION else {}


def source_signature(records_file: str | os.PathLike) -> str:
    """Size and modification time of the records file: an index made from it is stale when they change."""
    st = os.stat(records_file)
    return f"{Path(records_file).resolve()}:{st.st_size}:{st.st_mtime_ns}"


def ensure_index(records_file: str | os.PathLike, path: str | os.PathLike, progress=None) -> tuple[dict, bool]:
    """(counts, rebuilt): the index of `records_file` at `path`, rebuilt only when missing or stale."""
    signature = source_signature(records_file)
    meta = read_meta(path) if Path(path).is_file() else {}
    if meta.get("signature") == signature:
        return meta, False
    return build_index(read_records(records_file), path, signature, progress), True
