"""`kg review DIR`: candidate duplicates and doubtful entities, with the curation lines to paste.

    kg review graph/                       # the text report on stdout
    kg review graph/ --html review.html    # and the same as a page
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.cli import graph_source, reading
from kg.cli.errors import fail


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the report as an HTML page.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Candidates shown per check in the text report (the HTML page shows all).")
def review(directory: Path, html_file: Path | None, limit: int):
    """Propose corrections for DIR's graph: namesakes, short and full names, doubtful entities.

    Each candidate comes with its evidence sentences and the line to paste
    into a curation file (docs/curation.md); `kg build --curation FILE`
    applies them.

    \b
    Examples:
      kg review graph/ --limit 50
      kg review graph/ --html review.html
    """
    from kg.build.review import format_html, format_text
    from kg.build.review import review as candidates_of
    from kg.records import atomic_writer, read_records, write_error

    source = graph_source(directory)
    with reading(source):
        candidates = candidates_of(read_records(source))
    click.echo(format_text(candidates, limit))
    if html_file is not None:
        try:
            with atomic_writer(html_file) as fh:
                fh.write(format_html(candidates, str(source)))
        except OSError as exc:
            fail(write_error(exc, html_file))
        click.echo(f"wrote {html_file}", err=True)
