"""`kg inspect`: how the reader sees a file (blocks of a PDF page in reading order)."""
from __future__ import annotations

import click

from kg.cli.errors import fail


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--page", "page_no", type=click.IntRange(min=1), default=1, show_default=True,
              help="The PDF page to draw with --png.")
@click.option("--png", type=click.Path(dir_okay=False), help="Draw the page with its numbered blocks into this PNG.")
def inspect(path, page_no, png):
    """List the blocks the PDF reader found, in reading order; --png draws them on the page.

    \b
    Examples:
      kg inspect 2024-03-05-A01.pdf
      kg inspect 2024-03-05-A01.pdf --page 2 --png blocks.png
    """
    from kg.extract.read import ReadError, sniff
    from kg.extract.read.base import load_bytes

    try:
        data, name = load_bytes(path)
        if sniff(data) != "pdf":
            fail(f"{name}: not a PDF (kg inspect shows the layout of PDF pages)")
        from kg.extract.read.inspect import block_table, render_page

        rows = block_table(data, name)
        for r in rows:
            kind = "headline" if r["headline"] else "text"
            click.echo(f"p{r['page']} #{r['order']:<3} {kind:<8} {r['box']} {r['lines']:>3} lines  {r['text']}")
        if png:
            render_page(data, name, page_no, png, rows)
            click.echo(f"kg: page {page_no} with {sum(r['page'] == page_no for r in rows)} blocks -> {png}", err=True)
    except (ReadError, ValueError) as exc:
        fail(str(exc))
    except BrokenPipeError:
        raise                 # the reader went away (| head): kg.cli stops silently
    except OSError as exc:
        fail(f"{png}: cannot write: {exc.strerror}")
