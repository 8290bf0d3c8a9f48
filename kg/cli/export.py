"""`kg export DIR --format graphml|gexf|csv|neo4j-csv`: a built graph for Gephi, Cytoscape, a spreadsheet
or neo4j-admin's importer.

    kg export out/ --format graphml                 # out/graph.graphml
    kg export out/ --format csv -o tables/          # tables/nodes.csv, tables/edges.csv
    kg export out/ --format neo4j-csv               # out/neo4j-csv/*.csv and neo4j-admin.args
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.api import EXPORT_FORMATS        # light: kg.api imports networkx and the pipeline only when called
from kg.cli import graph_source, reading
from kg.cli.errors import fail

DEFAULT_NAMES = {"graphml": "graph.graphml", "gexf": "graph.gexf", "csv": "csv", "neo4j-csv": "neo4j-csv"}


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="graphml and gexf: one file (Gephi, Cytoscape); csv: nodes.csv and edges.csv in a folder; "
                   "neo4j-csv: the files of neo4j-admin database import, in a folder.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (a folder for csv and neo4j-csv) "
                   "[default: DIR/graph.graphml, DIR/graph.gexf, DIR/csv/, DIR/neo4j-csv/].")
def export(directory: Path, fmt: str, output: Path | None):
    """Write DIR's graph (DIR/triples.jsonl, or a records file) for other tools.

    Entities are nodes (id: the entity id), triples edges (id: the triple id);
    every attribute is a string or a number, lists joined with '|'.
    neo4j-csv gives the graph `kg neo4j load` makes (labels, types, typed properties).

    \b
    Examples:
      kg export out/ --format gexf
      kg export out/ --format csv -o tables/
      kg export out/ --format neo4j-csv && cd out/neo4j-csv && neo4j-admin database import full neo4j @neo4j-admin.args
    """
    from kg.api import load, write_export
    from kg.records import write_error

    source = graph_source(directory)
    target = output or (source.parent / DEFAULT_NAMES[fmt])
    try:
        with reading(source):
            written = write_export(load(source), fmt, target)
    except OSError as exc:
        fail(write_error(exc, target))
    for path in written:
        click.echo(f"wrote {path}")
