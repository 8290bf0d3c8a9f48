"""`kg extract`, `kg build` and `kg evaluate`: the core commands."""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

import click

from kg.build.engines import ENGINES  # light: no extraction or RDF libraries
from kg.cli.corpus import corpus_settings, curation_option, lexicon_option, use_lexicons
from kg.cli.errors import fail, failures, note, report
from kg.records import RecordError, dumps, kinds_of_lines, merge_records, read_records, write_error
from kg.store import SERIALIZERS, serializer

STATISTICAL = False      # kg.extract.pipeline.STATISTICAL, without importing the pipeline at start-up


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2021-11-26") from None


def input_files(paths, pattern: str | None) -> tuple[list[str], int]:
    """The files to read (folders expanded) and how many arguments named nothing."""
    from kg.extract.read import iter_paths

    failures = 0
    for p in paths:
        if p != "-" and not os.path.exists(p):
            report(_why_missing(p))
            failures += 1
    existing = [p for p in paths if p == "-" or os.path.exists(p)]
    files = list(iter_paths(existing, pattern))
    if existing and not files:
        kinds = pattern or "readable (.txt, .pdf, .html)"
        report(f"no {kinds} files in {', '.join(existing)}")
        failures += 1
    return files, failures


def _why_missing(path: str) -> str:
    """The reader's one line for a path that names nothing readable (no such file, a symlink loop)."""
    from kg.extract.read.base import ReadError, stat_path

    try:
        stat_path(path)
    except ReadError as exc:
        return str(exc)
    return f"{path}: no such file or directory"


def progress_bar(items, total: int, desc: str, progress: bool | None = None):
    """A tqdm bar on stderr for multi-file runs; silent when stderr is not a terminal.

    >>> list(progress_bar([1, 2], 2, "x", progress=False))
    [1, 2]
    """
    if progress is None:
        progress = sys.stderr.isatty()
    if progress and total > 1:
        from tqdm import tqdm

        try:
            size = os.get_terminal_size(sys.stderr.fileno())
        except (OSError, ValueError):
            size = os.terminal_size((0, 0))
        # a pty that reports a 0x0 size (script, some CI runners) would hide the bar
        return tqdm(items, total=total, desc=desc, unit="file", file=sys.stderr,
                    ncols=size.columns or 80, nrows=size.lines or 24)
    return items


def file_line(path: str, kinds: dict) -> str:
    """The -v line of one file: how many records of each kind it gave."""
    return (f"kg: {path}: {kinds.get('article', 0)} articles, {kinds.get('entity', 0)} entities, "
            f"{kinds.get('triple', 0)} triples")


def run_extraction(paths, date, home, pattern=None, statistical=False, talk: int = 0) -> tuple[list[dict], int]:
    """Records of all readable inputs (merged) and the number of inputs that failed (`talk`: -1 quiet,
    1 a line per file)."""
    from kg.extract.pipeline import extract_paths

    def on_error(path, exc):
        nonlocal failures
        failures += 1
        report(str(exc))

    files, failures = input_files(paths, pattern)
    records = []
    stream = extract_paths(files, date=date, home=home, on_error=on_error, pattern=pattern, statistical=statistical)
    for path, recs in progress_bar(stream, len(files), "extract", progress=False if talk < 0 else None):
        records.extend(recs)
        if talk > 0:
            click.echo(file_line(path, Counter(r["kind"] for r in recs)), err=True)
    return merge_records(records), failures


def write_records(records: list[dict], fmt: str, out: str | None) -> None:
    """Write the records in `fmt` to the file `out` (atomically) or to stdout."""
    if out not in (None, "-"):
        serializer(fmt)(records, out)
        return
    if fmt == "jsonl":
        for rec in records:
            sys.stdout.write(dumps(rec) + "\n")
        return
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"out.{fmt}"
        serializer(fmt)(records, path)
        sys.stdout.write(path.read_text(encoding="utf-8"))


common = [
    click.argument("paths", nargs=-1, required=True),
    click.option("--date", callback=_date, help="Publication date YYYY-MM-DD (else from the file name)."),
    click.option("--home", "--city", "home", metavar="AREA",
                 help="Home area of the outlet at any level: 廊坊市, 固安县, 山东省 (else inferred from the text)."),
    click.option("--glob", "pattern", default=None,
                 help="Files to read in folders, e.g. '*.pdf'  [default: .txt .pdf .html .htm .shtml .xhtml files; "
                      "the reader is chosen by content]"),
    click.option("--tagger/--fast", "statistical", default=STATISTICAL, show_default=True,
                 help="Run the statistical tagger (LAC) beside the rules, or the rules only."),
    click.option("-q", "--quiet", is_flag=True, help="No progress bar, notes or summary: only errors."),
    click.option("-v", "--verbose", is_flag=True, help="A line per file: its articles, entities, triples."),
]


def talk_level(quiet: bool, verbose: bool) -> int:
    """-1 for -q, 1 for -v, else 0; both at once is a usage error."""
    if quiet and verbose:
        raise click.UsageError("-q and -v: choose one")
    return -1 if quiet else 1 if verbose else 0


def with_common(f):
    for opt in reversed(common):
        f = opt(f)
    return lexicon_option(f)


@click.command()
@with_common
@click.option("--format", "fmt", type=click.Choice(list(SERIALIZERS)), default="jsonl", show_default=True)
@click.option("-o", "--output", help="Output file (default: standard output).")
def extract(paths, date, home, pattern, statistical, quiet, verbose, lexicons, fmt, output):
    """Extract entities and triples from newspaper pages (files, folders or '-').

    \b
    Examples:
      kg extract 2024-03-05-p01.txt --home 保定市 -o page.jsonl
      kg extract archive/ --glob '*.pdf' --format ttl -o archive.ttl
      kg extract page.txt --lexicon my-city.toml
    """
    use_lexicons(corpus_settings(paths, lexicons)[0])
    records, failed = run_extraction(paths, date, home, pattern, statistical, talk_level(quiet, verbose))
    if failed and not records and output not in (None, "-"):
        fail(f"no input could be read; {output} left unchanged")
    try:
        write_records(records, fmt, output)
    except BrokenPipeError:
        raise                 # the reader went away (| head): kg.cli stops silently
    except OSError as exc:  # full disk, read-only or missing folder: one line, no temp file left
        fail(write_error(exc, output or "<stdout>"))
    if failed:
        sys.exit(1)


@click.command()
@with_common
@click.option("--out", "out_dir", required=True, help="Output folder (an existing one is added to).")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write graph.html.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes  [default: number of cores]")
@click.option("--engine", type=click.Choice(list(ENGINES)), default="local", show_default=True,
              help="Where files are extracted: local processes or a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask).")
@curation_option
@click.option("--sync", is_flag=True,
              help="The inputs are the whole corpus: documents of files not among them leave the graph "
                   "(DIR/removed.jsonl lists them for kg rdf load and kg neo4j load).")
def build(paths, date, home, pattern, statistical, quiet, verbose, lexicons, out_dir, html, jobs, engine, scheduler,
          curation, sync):
    """Build or extend a graph folder: triples.jsonl, graph.ttl and graph.html.

    Each source file is extracted once into DIR/parts/ (keyed by its content
    hash and options, listed in DIR/manifest.json); files already in the graph
    are skipped, and the graph is re-merged from all parts. See docs/scale.md.

    \b
    Examples:
      kg build archive/2024/ --home 保定市 --out graph/
      kg build archive/2025/ --home 保定市 --out graph/ -j 4     # adds a year
      kg build archive/ --out graph/ --lexicon my-city.toml --curation corrections.tsv
      kg build archive/ --out graph/ --sync        # files deleted from archive/ leave the graph
    """
    from kg.build import BuildError, build_graph

    talk = talk_level(quiet, verbose)
    lexicon_files, curation = corpus_settings(paths, lexicons, curation)
    use_lexicons(lexicon_files)
    files, failed = input_files(paths, pattern)
    with failures(BuildError):
        result = build_graph(files, out_dir, date=date, home=home, jobs=jobs, engine=engine,
                             scheduler=scheduler, html=html, progress=lambda items, total: _build_progress(
                                 items, total, talk), log=report, statistical=statistical, curation=curation,
                             note=note if talk >= 0 else lambda message: None, sync=sync)
    if talk >= 0:
        _build_summary(result, out_dir)
    if failed or result.errors:
        sys.exit(1)


def _build_progress(items, total: int, talk: int):
    """The bar (not with -q), and with -v a line per extracted file."""
    for res in progress_bar(items, total, "build", progress=False if talk < 0 else None):
        if talk > 0 and "jsonl" in res:
            click.echo(file_line(res["path"], kinds_of_lines(res["jsonl"].splitlines())), err=True)
        yield res


def _build_summary(result, out_dir: str) -> None:
    counts = result.counts
    if result.copies:
        note(f"{result.copies} files have the content of another file of the graph: extracted once, "
               "their names kept in manifest.json and in the articles' `copies`")
    if result.removed:
        note(f"{result.removed} documents left the graph (a changed file's old content, or --sync); "
             f"DIR/removed.jsonl lists their records for kg rdf load and kg neo4j load")
    if result.undated:
        note(f"{result.undated} of {result.extracted} files got no publication date (none in --date, the path "
               f"or the page): their facts are undated")
    click.echo(f"kg: {result.extracted} files extracted, {result.skipped} skipped (already in the graph); "
               f"{counts.get('article', 0)} articles, {counts.get('entity', 0)} entities, "
               f"{counts.get('triple', 0)} triples, {counts.get('tenure', 0)} tenures -> {out_dir}"
               f" ({', '.join(f'{k} {v:.1f} s' for k, v in result.seconds.items())})", err=True)


@click.command()
@click.argument("gold")
@click.argument("pred")
@click.option("-q", "--quiet", is_flag=True, help="Only the tables, not each error.")
def evaluate(gold, pred, quiet):
    """Score PRED.jsonl against a reference annotation GOLD.json.

    \b
    Example:
      kg evaluate gold/page.json page.jsonl
    """
    from kg.evaluate import format_report, load_gold, score

    with failures(OSError, ValueError, RecordError):
        g = load_gold(gold)
        preds = list(read_records(pred))
    click.echo(format_report(score(g, preds), verbose=not quiet))
