"""The `kg` command line.

Sub-commands of the other stores live in their own modules and are imported
only when used (click's lazy-group pattern), so `kg extract` does not pay
for importing the Neo4j driver or the SPARQL server.
"""
from __future__ import annotations

import importlib
import sys

import click

from kg import __version__

# name -> "module:attribute" of a click command, loaded on first use.
LAZY_COMMANDS = {
    "neo4j": "kg.neo4j_cli:neo4j",
    "rdf": "kg.sparql_cli:rdf",
    "serve": "kg.sparql_cli:serve",
    "validate": "kg.sparql_cli:validate",
    "view": "kg.view_cli:view",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Build a knowledge graph from Chinese newspaper pages."""


from kg.cli_extract import build, evaluate, extract  # noqa: E402  (register core commands)

main.add_command(extract)
main.add_command(build)
main.add_command(evaluate)

if __name__ == "__main__":
    sys.exit(main())
