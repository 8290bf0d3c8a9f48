"""Load `triples.jsonl` records into Neo4j and run Cypher against it.

The graph (docs/neo4j.md):

    (:Entity:<Type> {id, name, type, aliases, code, titles, curated})
    (:Entity)-[:VISITED|HOLDS_POSITION|ISSUED|APPLIES_TO|LOCATED_IN|SUBSIDIARY_OF|INSPECTED
               {id, date, date_text, title, evidence, article, span, page, bbox, rule, confidence, curated}]->(:Entity)
    (:Article {id, headline, subheadlines, date, dateline, page, pages, edition, outlet, source, source_sha256,
               byline})
    (:Article)-[:MENTIONS]->(:Entity)   (:Article)-[:REPORTED_BY {role}]->(:Entity)
    (:Entity)-[:HELD {id, title, acting, from, to, appointed, ended, articles, former, sources}]->(:Entity)

Every write is `UNWIND $rows AS row ... MERGE` with the data in parameters;
labels and relationship types come from the fixed tables below, never from
the data. Each batch is one transaction run through the driver's
`execute_write`, which retries transient errors. MERGE on ids makes a second
load of the same records a no-op and a rerun after a failed batch complete.

>>> REL_TYPES["visited"], sorted(ENTITY_LABELS)[0]
('VISITED', 'AdministrativeArea')
>>> plain_value([1, {"a": None}])
[1, {'a': None}]
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as nx
from neo4j import graph as ng

from kg.store.neo4j_rows import ARTICLE_PROPS, TENURE_PROPS, TRIPLE_PROPS, prepare, set_clause
from kg.vocab import ENTITY_TYPES, NEO4J_TYPES, TENURE_TYPE

ENTITY_LABELS = frozenset(ENTITY_TYPES)     # labels come from the vocabulary, never from the data
REL_TYPES = NEO4J_TYPES                     # visited -> VISITED, holdsPosition -> HOLDS_POSITION
BATCH_SIZE = 5000
CONNECT_TIMEOUT_S = 3.0


class Neo4jStoreError(RuntimeError):
    """A one-line, user-facing failure of the server (unreachable, bad login, a failed batch).

    Records that break docs/format.md raise :class:`kg.records.RecordError`."""


class Neo4jUnreachable(Neo4jStoreError):
    """No server answers at the URI (stopped, or another address)."""


# --------------------------------------------------------------------------- connection

def connect(uri: str, user: str, password: str) -> neo4j.Driver:
    """Open a driver and check the server answers and accepts the login.

    Fails within a few seconds with a message naming the URI or the user
    (never the password).
    """
    try:
        driver = GraphDatabase.driver(
            uri, auth=(user, password),
            connection_timeout=CONNECT_TIMEOUT_S,
            connection_acquisition_timeout=2 * CONNECT_TIMEOUT_S,
            max_transaction_retry_time=30.0,
            # A property or label absent from this graph is normal, not a warning.
            notifications_disabled_classifications=["UNRECOGNIZED"],
        )
    except (ValueError, nx.ConfigurationError) as exc:
        raise Neo4jStoreError(f"bad Neo4j URI {uri!r}: {exc}") from None
    try:
        driver.verify_connectivity()
    except nx.AuthError:
        driver.close()
        raise Neo4jStoreError(
            f"Neo4j at {uri} refused the login of user {user!r}: wrong user name or password"
        ) from None
    except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
        driver.close()
        raise Neo4jUnreachable(f"cannot reach Neo4j at {uri}: {first_line(exc)}") from None
    return driver


def first_line(exc) -> str:
    """The driver's message squeezed onto one line (at most 300 characters)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


# --------------------------------------------------------------------------- schema

SCHEMA = [
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    *(f"CREATE CONSTRAINT {t.lower()}_id IF NOT EXISTS FOR ()-[r:{t}]-() REQUIRE r.id IS UNIQUE"
      for t in (*REL_TYPES.values(), TENURE_TYPE)),
]


def ensure_schema(driver: neo4j.Driver) -> None:
    """Create the uniqueness constraints and indexes (idempotent) and wait for them."""
    try:
        with driver.session() as session:
            for statement in SCHEMA:
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()
    except nx.Neo4jError as exc:
        raise Neo4jStoreError(f"cannot create the constraints: {exc.code}: {first_line(exc.message or exc)}") from None


# --------------------------------------------------------------------------- Cypher

# Aliases and titles of an entity met in several corpora are the union, in order.
MERGE_ENTITIES = """
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:%s, n.name = row.name, n.type = row.type, n.code = row.code, n.curated = row.curated,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
                       CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.titles = reduce(acc = coalesce(n.titles, []), t IN row.titles |
                      CASE WHEN t IN acc THEN acc ELSE acc + t END)
"""
MERGE_ARTICLES = """
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET """ + set_clause("a", ARTICLE_PROPS)
MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.a}) MATCH (e:Entity {id: row.e})
MERGE (a)-[:MENTIONS]->(e)
"""
MERGE_BYLINES = """
UNWIND $rows AS row
MATCH (a:Article {id: row.a}) MATCH (e:Entity {id: row.e})
MERGE (a)-[r:REPORTED_BY]->(e) SET r.role = row.role
"""
# The relationship is merged on the triple id alone (unique per type), so a
# rerun finds it whatever else changed.
MERGE_TRIPLES = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.s}) MATCH (o:Entity {id: row.o})
MERGE (s)-[r:%s {id: row.id}]->(o)
SET """ + set_clause("r", TRIPLE_PROPS)

# A tenure: the office with its time, from the person to the body (kg.build.tenures).
MERGE_TENURES = """
UNWIND $rows AS row
MATCH (s:Entity {id: row.s}) MATCH (o:Entity {id: row.o})
MERGE (s)-[r:%s {id: row.id}]->(o)
SET """ % TENURE_TYPE + set_clause("r", TENURE_PROPS)

COUNTERS = ("nodes_created", "relationships_created", "properties_set", "labels_added")
REMOVALS = ("nodes_deleted", "relationships_deleted")

# What left a build's graph (DIR/removed.jsonl, kg.build.removals): its articles and entities with
# their links, and each triple's relationship (by type, so the id constraint's index finds it).
DELETE_NODES = "UNWIND $rows AS id MATCH (n:%s {id: id}) DETACH DELETE n"
DELETE_TRIPLES = "UNWIND $rows AS id MATCH ()-[r:%s {id: id}]->() DELETE r"


def remove_records(driver: neo4j.Driver, removed: Iterable[dict], batch_size: int = BATCH_SIZE) -> dict:
    """Delete what the records of a removal ledger name; return {'nodes_deleted': n, 'relationships_deleted': m}.

    A fact that other documents also support is other relationships (one per
    triple), so it stays; an entity still in the graph is not in the ledger.
    """
    by_query: dict[str, list[str]] = defaultdict(list)
    for rec in removed:
        kind = rec.get("kind")
        if kind == "triple" and rec.get("predicate") in REL_TYPES:
            by_query[DELETE_TRIPLES % REL_TYPES[rec["predicate"]]].append(rec["id"])
        elif kind == "tenure":
            by_query[DELETE_TRIPLES % TENURE_TYPE].append(rec["id"])
        elif kind in ("article", "entity"):
            by_query[DELETE_NODES % kind.capitalize()].append(rec["id"])
    totals = dict.fromkeys(REMOVALS, 0)
    with driver.session() as session:
        for query in sorted(by_query, key=lambda q: "()-[r" not in q):     # relationships first
            ids = by_query[query]
            for start in range(0, len(ids), batch_size):
                summary = session.execute_write(lambda tx, q, rows: tx.run(q, rows=rows).consume(), query,
                                                ids[start:start + batch_size])
                for key in REMOVALS:
                    totals[key] += getattr(summary.counters, key)
    return totals


def _write_batch(tx: neo4j.ManagedTransaction, query: str, rows: list[dict]) -> dict:
    summary = tx.run(query, rows=rows).consume()
    return {k: getattr(summary.counters, k) for k in COUNTERS}


def load_records(driver: neo4j.Driver, records: Iterable[dict], batch_size: int = BATCH_SIZE,
                 progress: Callable[[str], None] | None = None) -> dict:
    """Load records (docs/format.md) into Neo4j; return summed write counters.

    Order: schema, entities, articles, article links, then triples, so every
    MATCH finds its nodes. Returns e.g. {'nodes_created': 3, 'relationships_created': 2,
    'properties_set': 20, 'labels_added': 6, 'batches': 5}.
    """
    plan = prepare(records)
    ensure_schema(driver)
    steps = [(MERGE_ENTITIES % label, rows, f"{label} entities")
             for label, rows in sorted(plan["entities"].items())]
    steps += [(MERGE_ARTICLES, plan["articles"], "articles"),
              (MERGE_MENTIONS, plan["mentions"], "MENTIONS links"),
              (MERGE_BYLINES, plan["bylines"], "REPORTED_BY links")]
    steps += [(MERGE_TRIPLES % rel, rows, f"{rel} relationships")
              for rel, rows in sorted(plan["triples"].items())]
    steps.append((MERGE_TENURES, plan["tenures"], f"{TENURE_TYPE} relationships"))
    totals = dict.fromkeys(COUNTERS, 0) | {"batches": 0}
    with driver.session() as session:
        for query, rows, what in steps:
            for start in range(0, len(rows), batch_size):
                batch = rows[start:start + batch_size]
                try:
                    counts = session.execute_write(_write_batch, query, batch)
                except nx.Neo4jError as exc:
                    # The failed batch rolled back whole; earlier batches stay
                    # committed and MERGE lets a rerun complete the load.
                    raise Neo4jStoreError(
                        f"{what} {start + 1}-{start + len(batch)} of {len(rows)} failed and were "
                        f"rolled back ({exc.code}: {first_line(exc.message or exc)}); "
                        f"earlier batches are committed, rerun the load to complete it") from None
                except (nx.ServiceUnavailable, nx.SessionExpired) as exc:
                    raise Neo4jStoreError(f"lost the connection to Neo4j during {what}: {first_line(exc)}; "
                                          "rerun the load to complete it") from None
                for k, v in counts.items():
                    totals[k] += v
                totals["batches"] += 1
                if progress and len(rows) > batch_size:
                    progress(f"{what}: {start + len(batch)}/{len(rows)}")
    return totals


def graph_counts(driver: neo4j.Driver) -> dict:
    """Node and relationship totals, e.g. {'nodes': 12, 'relationships': 30}."""
    rec = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships").records[0]
    return {"nodes": rec["nodes"], "relationships": rec["relationships"]}


def clear_graph(driver: neo4j.Driver) -> None:
    """Delete every node and relationship, in batches (constraints stay).

    Relationships go first so no transaction holds a dense node's edges.
    """
    with driver.session() as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


# --------------------------------------------------------------------------- queries

def plain_value(value):
    """Turn a driver value into plain JSON-friendly data.

    Nodes become {'_labels': [...], **properties}, relationships
    {'_type': T, **properties}, paths a list of alternating nodes and
    relationships, temporal values ISO strings.
    """
    if isinstance(value, ng.Node):
        return {"_labels": sorted(value.labels), **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, ng.Relationship):
        return {"_type": value.type, **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, ng.Path):
        out = [plain_value(value.start_node)]
        for rel in value.relationships:
            out += [plain_value(rel), plain_value(rel.end_node)]
        return out
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date/DateTime/Time/Duration
        return value.iso_format()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return value


MISSING_PARAMETER = "Neo.ClientError.Statement.ParameterMissing"


def run_query(driver: neo4j.Driver, cypher: str, params: dict | None = None
              ) -> tuple[list[str], list[list], list[str]]:
    """Run one Cypher statement (auto-commit, so writes work too).

    Returns (columns, rows, warnings); warnings are the server's notices
    (deprecations, performance hints) as one line each.

    Raises Neo4jStoreError with the server's one-line message for a bad query.
    """
    try:
        with driver.session() as session:
            result = session.run(cypher, params or {})
            keys = list(result.keys())
            rows = [[plain_value(v) for v in rec.values()] for rec in result]
            warnings = [first_line(g.status_description) for g in result.consume().gql_status_objects
                        if g.is_notification and g.severity == neo4j.NotificationSeverity.WARNING]
    except nx.CypherSyntaxError as exc:
        raise Neo4jStoreError(f"Cypher syntax error: {exc.message.splitlines()[0]}") from None
    except nx.ClientError as exc:
        if exc.code == MISSING_PARAMETER:     # "Expected parameter(s): name"
            missing = first_line(exc.message or exc).rpartition(":")[2].strip()
            raise Neo4jStoreError(f"the query needs parameter(s) {missing}: give --param NAME=VALUE") from None
        raise Neo4jStoreError(f"query failed: {exc.code}: {first_line(exc.message or exc)}") from None
    except (nx.ServiceUnavailable, nx.SessionExpired) as exc:
        raise Neo4jStoreError(f"lost the connection to Neo4j: {first_line(exc)}") from None
    return keys, rows, warnings
