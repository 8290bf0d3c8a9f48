"""`kg view DIR`: write the interactive HTML viewer for a built graph.

    kg view out/ -o out/graph.html --types Official,AdministrativeArea --max-nodes 500
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import graph_source, reading
from kg.cli.errors import fail
from kg.records import write_error
from kg.vocab import ENTITY_TYPES


def _parse_types(ctx, param, values):
    """--types accepts repeated options and comma-separated lists."""
    if not values:
        return None
    types = [t.strip() for v in values for t in v.split(",") if t.strip()]
    unknown = [t for t in types if t not in ENTITY_TYPES]
    if unknown:
        raise click.BadParameter(f"unknown entity type {', '.join(unknown)} "
                                 f"(one of {', '.join(ENTITY_TYPES)})")
    return types


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Page to write (default DIR/graph.html).")
@click.option("--types", multiple=True, callback=_parse_types,
              help="Entity types to show, e.g. Official,AdministrativeArea (default all).")
@click.option("--min-degree", type=click.IntRange(min=0), default=0, show_default=True,
              help="Hide entities with fewer relations.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Keep N entities: those with most relations, each with its strongest neighbours; "
                   "the page notes what was cut.")
def view(directory: Path, output: Path | None, types, min_degree: int, max_nodes: int | None):
    """Write DIR/graph.html (or -o FILE): one offline HTML page showing DIR/triples.jsonl.

    \b
    Examples:
      kg view graph/
      kg view graph/ --types Official,Enterprise --max-nodes 500 -o officials.html
    """
    from kg.records import read_records
    from kg.view.html import write_html

    source = graph_source(directory)
    target = output or (source.parent / "graph.html")
    try:
        with reading(source):
            write_html(list(read_records(source)), target, types=types, min_degree=min_degree, max_nodes=max_nodes)
    except OSError as exc:
        fail(write_error(exc, target))
    click.echo(f"wrote {target}")
