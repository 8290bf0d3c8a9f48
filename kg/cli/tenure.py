"""`kg who`, `kg career` and `kg panel`: offices with their time, from a build folder
(kg.build.tenures, kg.build.panel), or, for who and career, from the stores it was loaded into
(kg.store.tenure_source): an Oxigraph store, a SPARQL endpoint, Neo4j.

    kg who graph/ --title 市长 --body 某市政府 --on 2021-03-01
    kg who graph/ --title 市长 --body 某市政府            # the succession
    kg who --store kg.store --title 市长 --on 2021-03-01
    kg career --neo4j 王某                               # NEO4J_URI, NEO4J_PASSWORD
    kg career graph/ 王某 --area 某县
    kg panel graph/ --by month -o panel.csv
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import click

from kg.cli import graph_source, reading
from kg.cli.errors import fail, failures
from kg.cli.output import format_table

COLUMNS = ("person", "title", "acting", "body", "first", "last", "appointed", "ended", "articles", "former",
           "person_id")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-03-01") from None


def _tenures(directory: Path | None, where: dict) -> list[dict]:
    """The tenures of a build folder or records file (its tenure records, else made from its triples), or of
    the one store `where` names."""
    chosen = [k for k in ("store", "sparql", "neo4j") if where.get(k)]
    if len(chosen) + (directory is not None) != 1:
        raise click.UsageError("give one source: DIR, --store, --sparql or --neo4j")
    if directory is None:
        return _store_tenures(chosen[0], where)
    from kg.build.tenures import KIND, tenures
    from kg.records import read_records

    source = graph_source(directory)
    with reading(source):
        records = list(read_records(source))
    made = [r for r in records if r.get("kind") == KIND]
    return made if made else tenures(records)


def _store_tenures(kind: str, where: dict) -> list[dict]:
    from kg.store import tenure_source as ts

    with failures(ts.StoreReadError):
        if kind == "store":
            return ts.from_oxigraph(where["store"])
        if kind == "sparql":
            return ts.from_endpoint(where["sparql"])
        if not where.get("password"):
            fail("--neo4j needs a password: --password or NEO4J_PASSWORD")
        from kg.cli.neo4j import open_driver
        from kg.store.neo4j import Neo4jStoreError

        driver = open_driver(where["uri"], where["user"], where["password"])
        try:
            with failures(Neo4jStoreError):
                return ts.from_neo4j(driver)
        finally:
            driver.close()


def source_options(fn):
    """DIR, or one store: --store PATH, --sparql URL, --neo4j (with the connection of kg neo4j)."""
    from kg.cli.neo4j import connection_options

    fn = connection_options(password_required=False)(fn)
    for option in reversed((
            click.option("--store", type=click.Path(file_okay=False), help="An Oxigraph store (kg rdf load)."),
            click.option("--sparql", metavar="URL", help="A SPARQL endpoint (kg serve's /sparql)."),
            click.option("--neo4j", "use_neo4j", is_flag=True, help="Neo4j, as kg neo4j load filled it."))):
        fn = option(fn)
    return fn


def _where(store, sparql, use_neo4j, uri, user, password) -> dict:
    return {"store": store, "sparql": sparql, "neo4j": use_neo4j, "uri": uri, "user": user, "password": password}


def _show(rows: list[dict], fmt: str, note: str = "") -> None:
    if fmt == "json":       # the same fields from every source
        click.echo(json.dumps([{c: r.get(c) for c in COLUMNS} for r in rows], ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue().rstrip("\n"))
        return
    click.echo(format_table(list(COLUMNS[:-1]), [[r.get(c) for c in COLUMNS[:-1]] for r in rows]))
    if note:
        click.echo(note)


format_option = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                             show_default=True)


@click.command()
@click.argument("directory", metavar="[DIR]", required=False, type=click.Path(path_type=Path))
@click.option("--title", required=True, help="The office, as written without 代理/原: 市长, 县委书记, 局长.")
@click.option("--body", help="The body, as the graph names it: 某市政府 (default: any).")
@click.option("--on", "on", callback=_date, metavar="YYYY-MM-DD", help="Who held it on this date.")
@format_option
@source_options
def who(directory: Path | None, title: str, body: str | None, on: str | None, fmt: str, **where):
    """Who held an office on a date (--on), or who followed whom in it.

    Dates are those of the pages: a tenure runs from the first to the last
    publication date the corpus shows the person with the title.

    \b
    Examples:
      kg who graph/ --title 市长 --body 某市政府 --on 2021-03-01
      kg who graph/ --title 县委书记 --format csv
      kg who --sparql http://127.0.0.1:7878/sparql --title 市长 --on 2021-03-01
    """
    from kg.build.tenures import held_on, successions

    everything = _tenures(directory, _where(**where))
    if on is None:
        _show(successions(everything, title, body), fmt)
        return
    found = held_on(everything, title, body, on)
    rows = found["held"]
    note = ""
    if not rows:
        before, after = found["before"], found["after"]
        note = "no tenure spans that date" + (f"; last seen before: {before['person']} ({before['last']})"
                                              if before else "") + (
            f"; first seen after: {after['person']} ({after['first']})" if after else "")
    _show(rows, fmt, note)


@click.command()
@click.argument("args", nargs=-1, required=True, metavar="[DIR] NAME")
@click.option("--area", help="Only namesakes with an office in a body whose name holds this (某县).")
@format_option
@source_options
def career(args: tuple[str, ...], area: str | None, fmt: str, **where):
    """The offices a person held, in date order; namesakes (other entity ids) apart.

    \b
    Examples:
      kg career graph/ 王某
      kg career graph/ 王某 --area 某县 --format json
      kg career --neo4j 王某
    """
    from kg.build.tenures import career as career_of

    if len(args) > 2:
        raise click.UsageError("give [DIR] NAME")
    directory, name = (Path(args[0]) if len(args) == 2 else None), args[-1]
    people = career_of(_tenures(directory, _where(**where)), name)
    if area:
        people = {pid: ts for pid, ts in people.items() if any(area in (t["body"] or "") for t in ts)}
    if not people:
        where_from = directory or where["store"] or where["sparql"] or where["uri"]
        fail(f"{where_from}: no offices of {name}" + (f" in {area}" if area else ""))
    _show([t for ts in people.values() for t in ts], fmt,
          f"{len(people)} people called {name}" if len(people) > 1 else "")


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--by", type=click.Choice(["month", "year"]), default="month", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="CSV file to write (default: standard output).")
def panel(directory: Path, by: str, output: Path | None):
    """A CSV of official × period: visits, areas, enterprises, places, inspections, with the office held then.

    \b
    Examples:
      kg panel graph/ --by month -o panel.csv
      kg panel graph/ --by year
    """
    from kg.build.panel import COLUMNS, panel as panel_of
    from kg.records import atomic_writer, read_records, write_error

    source = graph_source(directory)
    with reading(source):
        rows, undated = panel_of(read_records(source), by)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if output is None:
        click.echo(buf.getvalue(), nl=False)
    else:
        try:
            with atomic_writer(output) as fh:
                fh.write(buf.getvalue())
        except OSError as exc:
            fail(write_error(exc, output))
        click.echo(f"wrote {output}: {len(rows)} rows", err=True)
    if undated:
        from kg.cli.errors import note
        note(f"{undated} visits and inspections had no date (none in the text or the article): left out")
