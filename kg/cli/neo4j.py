"""`kg neo4j load DIR` and `kg neo4j query CYPHER` (see docs/neo4j.md).

    eval "$(scripts/neo4j-local start)"
    kg neo4j load out/
    kg neo4j load --bulk out/          # first load of an empty database, server stopped
    kg neo4j query --file queries/visits_of_official.cypher --param name=张三 --format table

Connection comes from --uri/--user/--password or NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD.
Parameters: `--param k=v` passes the string v; `--param k:=JSON` passes a
JSON value (numbers, lists, null), e.g. `--param limit:=10`.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import time
from pathlib import Path

import click

from kg.cli import saved_queries_option
from kg.cli.errors import failures
from kg.cli.output import cell_text, format_table
from kg.records import RecordError, read_records


def connection_options(fn=None, *, password_required: bool = True):
    """--uri, --user, --password (or NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD); a decorator, or
    ``connection_options(password_required=False)`` for a command that connects only on request."""
    if fn is None:
        return lambda f: connection_options(f, password_required=password_required)
    fn = click.option("--password", envvar="NEO4J_PASSWORD", required=password_required,
                      show_envvar=True, help="Neo4j password.")(fn)
    fn = click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                      show_envvar=True, help="Neo4j user.")(fn)
    fn = click.option("--uri", envvar="NEO4J_URI", default="bolt://127.0.0.1:7687",
                      show_default=True, show_envvar=True, help="Bolt URI of the server.")(fn)
    return fn


def open_driver(uri: str, user: str, password: str):
    from kg.store.neo4j import Neo4jStoreError, connect
    # run_query hands the server's warnings back; the command prints them as
    # one line each instead of the driver's multi-line log records.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    with failures(Neo4jStoreError):
        return connect(uri, user, password)


def _progress(message: str) -> None:
    click.echo(f"kg neo4j: {message}", err=True)


@click.group()
def neo4j():
    """Load records into Neo4j and query them with Cypher."""


@neo4j.command()
@click.argument("path", type=click.Path(exists=True))
@connection_options
@click.option("--batch-size", default=5000, show_default=True, type=click.IntRange(1, 100_000),
              help="Rows per transaction.")
@click.option("--bulk", is_flag=True,
              help="First load into an empty database with neo4j-admin's importer (the server stopped; "
                   "kg starts it and creates the constraints).")
@click.option("--neo4j-home", type=click.Path(file_okay=False, path_type=Path), envvar="NEO4J_HOME",
              show_envvar=True, help="With --bulk: the Neo4j home whose bin/neo4j-admin and bin/neo4j are run.")
@click.option("--database", default="neo4j", show_default=True, help="With --bulk: the database to fill.")
def load(path, uri, user, password, batch_size, bulk, neo4j_home, database):
    """Load PATH (a `kg build` DIR or a triples.jsonl file) into Neo4j.

    Idempotent: entities and articles are merged on their ids and
    relationships on the triple id, so loading twice changes nothing and a
    second corpus merges into the first. What left a build's graph
    (DIR/removed.jsonl: a changed or, with kg build --sync, a deleted file)
    is deleted first.

    --bulk is for the first load of a big graph: it refuses a running
    server and a database that is not empty, imports with `neo4j-admin
    database import`, starts the server and creates the constraints and
    indexes. The graph is the same as without --bulk.

    \b
    Examples:
      eval "$(scripts/neo4j-local start)"; kg neo4j load graph/
      scripts/neo4j-local stop; kg neo4j load --bulk graph/    # NEO4J_HOME from the eval
    """
    with failures(RecordError):
        records = list(read_records(path))
    started = time.perf_counter()
    if bulk:
        counts = _bulk(records, path, neo4j_home, database, uri, user, password)
        click.echo(f"loaded {path} with neo4j-admin into database {database}: {counts['import']}; "
                   f"{time.perf_counter() - started:.1f}s; graph now has {counts['nodes']} nodes and "
                   f"{counts['relationships']} relationships")
        return
    from kg.records import removed_records
    from kg.store.neo4j import Neo4jStoreError, graph_counts, load_records, remove_records
    with failures(RecordError):
        removed = removed_records(path)
    driver = open_driver(uri, user, password)
    try:
        with failures(Neo4jStoreError, RecordError, where=path):
            gone = remove_records(driver, removed, batch_size=batch_size) if removed else {}
            totals = load_records(driver, records, batch_size=batch_size, progress=_progress)
            counts = graph_counts(driver)
    finally:
        driver.close()
    seconds = time.perf_counter() - started
    if gone:
        click.echo(f"removed what left {path}'s graph (removed.jsonl): {gone['nodes_deleted']} nodes and "
                   f"{gone['relationships_deleted']} relationships deleted")
    click.echo(
        f"loaded {path}: {totals['nodes_created']} nodes and "
        f"{totals['relationships_created']} relationships created, "
        f"{totals['properties_set']} properties set in {totals['batches']} batches, {seconds:.1f}s; "
        f"graph now has {counts['nodes']} nodes and {counts['relationships']} relationships")


def _bulk(records, path, home, database, uri, user, password) -> dict:
    from kg.store.neo4j import Neo4jStoreError
    from kg.store.neo4j_bulk import BulkImportError, bulk_load
    if home is None:
        raise click.UsageError("--bulk needs the Neo4j home: --neo4j-home DIR or NEO4J_HOME "
                               "(scripts/neo4j-local start prints it)")
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)   # the probe of a stopped server is expected to fail
    with failures(RecordError, where=path), failures(BulkImportError, Neo4jStoreError):
        return bulk_load(records, home, uri, user, password, database=database, progress=_progress)


def parse_params(pairs: tuple[str, ...]) -> dict:
    """`k=v` gives the string v; `k:=JSON` a JSON value.

    >>> parse_params(("name=O'Brien \\\\ {x}", "n:=3", "ids:=[1, 2]"))
    {'name': "O'Brien \\\\ {x}", 'n': 3, 'ids': [1, 2]}
    """
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.rstrip(":"):
            raise click.BadParameter(f"{pair!r} is not k=v or k:=JSON", param_hint="--param")
        if key.endswith(":"):
            try:
                params[key[:-1]] = json.loads(value)
            except json.JSONDecodeError as exc:
                raise click.BadParameter(f"{key[:-1]}: not JSON: {exc.msg}", param_hint="--param") from None
        else:
            params[key] = value
    return params


def format_rows(keys: list[str], rows: list[list], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(keys, row)) for row in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([cell_text(v) for v in row] for row in rows)
        return buf.getvalue().rstrip("\n")
    return format_table(keys, rows)


@neo4j.command()
@click.argument("cypher", required=False)
@click.option("--file", "-f", "cypher_file", type=click.File(encoding="utf-8"),
              help="Read the query from this file (e.g. queries/*.cypher).")
@saved_queries_option(".cypher", " and their parameters")
@click.option("--param", "-p", "params", multiple=True, metavar="K=V|K:=JSON",
              help="Query parameter: k=v passes the string v, k:=JSON a JSON value (n:=10). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@connection_options
def query(cypher, cypher_file, params, fmt, uri, user, password):
    """Run CYPHER (a query, or the NAME of a saved one; or --file) with parameters; print the result.

    Parameters are sent with the query, never pasted into its text.

    \b
    Examples:
      kg neo4j query --list
      kg neo4j query visits_of_official --param name=张三
      kg neo4j query 'MATCH (p:Entity {name: $name})-[v:VISITED]->(x) RETURN x.name, v.date' --param name=张三
      kg neo4j query --file my-query.cypher --param name=张三 --format csv
    """
    from kg.resources import saved_or_text
    from kg.store.neo4j import Neo4jStoreError, run_query
    if (cypher is None) == (cypher_file is None):
        raise click.UsageError("give either a CYPHER argument or --file")
    text = cypher if cypher is not None else cypher_file.read()
    text = saved_or_text(text, ".cypher")
    if not text.strip():
        raise click.UsageError("the query is empty")
    values = parse_params(params)
    driver = open_driver(uri, user, password)
    try:
        with failures(Neo4jStoreError):
            keys, rows, warnings = run_query(driver, text, values)
    finally:
        driver.close()
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(format_rows(keys, rows, fmt))
