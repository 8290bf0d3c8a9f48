"""`kg who`, `kg career` and `kg panel`: offices with their time, from a build folder
(kg.build.tenures, kg.build.panel).

    kg who graph/ --title 市长 --body 某市政府 --on 2021-03-01
    kg who graph/ --title 市长 --body 某市政府            # the succession
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
from kg.cli.errors import fail
from kg.cli.output import format_table

COLUMNS = ("person", "title", "acting", "body", "first", "last", "articles", "former", "person_id")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-03-01") from None


def _tenures(directory: Path) -> list[dict]:
    from kg.build.tenures import tenures
    from kg.records import read_records

    source = graph_source(directory)
    with reading(source):
        return tenures(read_records(source))


def _show(rows: list[dict], fmt: str, note: str = "") -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
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
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--title", required=True, help="The office, as written without 代理/原: 市长, 县委书记, 局长.")
@click.option("--body", help="The body, as the graph names it: 某市政府 (default: any).")
@click.option("--on", "on", callback=_date, metavar="YYYY-MM-DD", help="Who held it on this date.")
@format_option
def who(directory: Path, title: str, body: str | None, on: str | None, fmt: str):
    """Who held an office on a date (--on), or who followed whom in it.

    Dates are those of the pages: a tenure runs from the first to the last
    publication date the corpus shows the person with the title.

    \b
    Examples:
      kg who graph/ --title 市长 --body 某市政府 --on 2021-03-01
      kg who graph/ --title 县委书记 --format csv
    """
    from kg.build.tenures import held_on, successions

    everything = _tenures(directory)
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
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.argument("name")
@click.option("--area", help="Only namesakes with an office in a body whose name holds this (某县).")
@format_option
def career(directory: Path, name: str, area: str | None, fmt: str):
    """The offices a person held, in date order; namesakes (other entity ids) apart.

    \b
    Examples:
      kg career graph/ 王某
      kg career graph/ 王某 --area 某县 --format json
    """
    from kg.build.tenures import career as career_of

    people = career_of(_tenures(directory), name)
    if area:
        people = {pid: ts for pid, ts in people.items() if any(area in (t["body"] or "") for t in ts)}
    if not people:
        fail(f"{directory}: no offices of {name}" + (f" in {area}" if area else ""))
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
