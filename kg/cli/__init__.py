"""The `kg` command line: one lazy group, one module per command group.

Commands are imported only when used (click's lazy-group pattern), so
`kg extract` does not pay for importing the Neo4j driver or the SPARQL
server. Every command follows the error policy of :mod:`kg.cli.errors`.
"""
from __future__ import annotations

import contextlib
import importlib
from pathlib import Path

import click

from kg import __version__

# name -> "module:attribute" of a click command, loaded on first use.
COMMANDS = {
    "extract": "kg.cli.extract:extract",
    "inspect": "kg.cli.inspect:inspect",
    "build": "kg.cli.extract:build",
    "evaluate": "kg.cli.extract:evaluate",
    "export": "kg.cli.export:export",
    "neo4j": "kg.cli.neo4j:neo4j",
    "rdf": "kg.cli.rdf:rdf",
    "review": "kg.cli.review:review",
    "serve": "kg.cli.rdf:serve",
    "validate": "kg.cli.rdf:validate",
    "view": "kg.cli.view:view",
    "who": "kg.cli.tenure:who",
    "career": "kg.cli.tenure:career",
    "panel": "kg.cli.tenure:panel",
}


def graph_source(path: Path) -> Path:
    """The records file of a `kg build` DIR (DIR/triples.jsonl), or PATH itself; one kg: error line without one."""
    source = path / "triples.jsonl" if path.is_dir() else path
    if not source.is_file():
        from kg.cli.errors import fail

        fail(f"{source}: no such records file (run `kg build` first)")
    return source


@contextlib.contextmanager
def reading(source: Path):
    """A records file that breaks docs/format.md while read inside: one kg: error line naming it."""
    from kg.cli.errors import fail
    from kg.records import RecordError

    try:
        yield
    except RecordError as exc:
        fail(str(exc) if str(source) in str(exc) else f"{source}: {exc}")


def saved_queries_option(suffix: str, what: str):
    """``--list``: print the saved queries ending in `suffix` (kg.resources.catalogue) and exit."""
    def show(ctx, _param, on: bool) -> None:
        if on:
            from kg.resources import catalogue

            click.echo(catalogue(suffix))
            ctx.exit()
    return click.option("--list", is_flag=True, is_eager=True, expose_value=False, callback=show,
                        help=f"List the saved queries{what} (a NAME runs one), and exit.")


class LazyGroup(click.Group):
    """A group whose commands are the entries of COMMANDS, imported on first use."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            from kg.cli.errors import pipe_closed

            pipe_closed()

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None  # click reports "No such command"
        module, attr = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Build a knowledge graph from Chinese newspaper pages."""


def run() -> None:
    """The `kg` process: :func:`main` with the collector settings of :mod:`kg.collector`."""
    from kg import collector

    collector.relax()
    collector.skip_final_collection()
    main()
