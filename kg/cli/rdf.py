"""`kg rdf load`, `kg rdf query`, `kg serve` and `kg validate` (loaded lazily by kg.cli).

    kg rdf load out/page1 out/page2 --store kg.store
    kg serve kg.store --port 7878          # or: kg serve out/page1 (a temporary store)
    kg serve out/page1                     # the explorer too, at /explore
    kg validate out/page1
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path

import click

from kg.cli import saved_queries_option
from kg.cli.errors import fail, failures


@click.group()
def rdf():
    """The persistent RDF store (Oxigraph)."""


@rdf.command("load")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--store", "store_path", required=True, type=click.Path(file_okay=False),
              help="Oxigraph store directory (created if missing).")
@click.option("--replace", is_flag=True, help="Empty the store first.")
@click.option("--no-ontology", is_flag=True, help="Do not (re)load ontology/kg.ttl into its named graph.")
def load(inputs, store_path, replace, no_ontology):
    """Add `kg build` DIRs (or .jsonl/.ttl/.nt files) to the store; nothing is added twice.

    What left a DIR's graph since (DIR/removed.jsonl: a changed file, or one
    deleted and synced away with kg build --sync) is removed first; facts
    other documents support stay.

    \b
    Example:
      kg rdf load graph-2024/ graph-2025/ --store kg.store
    """
    from kg.store.rdf_store import StoreError, load_into_store

    with failures(StoreError, OSError):
        counts = load_into_store(inputs, store_path, ontology=not no_ontology, replace=replace)
    gone = f"{counts['removed']} quads removed (what left the graph: removed.jsonl), " if counts["removed"] else ""
    click.echo(f"{store_path}: {gone}{counts['added']} quads added, {counts['after']} in the store")


def _substitution(item: str):
    """k=v: ?k is bound to v (kg.store.rdf_terms.parameter_term)."""
    import pyoxigraph as ox

    from kg.store.rdf_terms import parameter_term

    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise click.BadParameter(f"{item!r}: write NAME=VALUE")
    return ox.Variable(key.strip().lstrip("?$")), parameter_term(value)


@rdf.command("query")
@click.argument("query")
@click.option("--store", "store_path", required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a @zh literal if it has Chinese characters, <…> an IRI). Repeatable.")
@click.option("--format", "fmt", default="csv", type=click.Choice(["csv", "tsv", "json", "xml"]),
              help="Result format of SELECT/ASK (CONSTRUCT/DESCRIBE print N-Triples).")
@saved_queries_option(".rq", "")
def query(query, store_path, params, fmt):
    """Run a SPARQL query (text, @file.rq, or the NAME of a saved query) on a store; print the results.

    Parameters are bound by a VALUES block at the start of the WHERE (escaped terms, never
    query syntax): a @zh literal for Chinese text, an xsd:date for YYYY-MM-DD, an IRI for <…>.

    \b
    Examples:
      kg rdf query --list
      kg rdf query graph-overview --store kg.store
      kg rdf query 'SELECT ?e ?name WHERE { ?e schema:name ?name }' --param name=张三 --store kg.store
      kg rdf query @my-query.rq --store kg.store --format json
    """
    import pyoxigraph as ox

    from kg.resources import SPARQL_VARIABLE, bind_values, saved_or_text
    from kg.store.rdf import PREFIXES
    from kg.store.rdf_store import is_store

    try:
        text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
    except OSError as exc:
        fail(f"{query[1:]}: cannot read the query: {exc.strerror}")
    text = saved_or_text(text, ".rq")
    bindings = dict(_substitution(p) for p in params)
    named = set(SPARQL_VARIABLE.findall(text))
    unused = [f"?{v.value}" for v in bindings if v.value not in named]
    if unused:
        fail(f"the query has no variable {', '.join(unused)} to bind")
    text = bind_values(text, {v.value: str(term) for v, term in bindings.items()})
    if not is_store(store_path):
        fail(f"{store_path}: not an Oxigraph store")
    store = ox.Store.read_only(store_path)
    try:
        result = store.query(text, prefixes=PREFIXES)
    except SyntaxError as exc:
        fail(f"bad query: {exc}")
    out = sys.stdout.buffer
    if isinstance(result, ox.QueryTriples):
        result.serialize(out, ox.RdfFormat.N_TRIPLES)
    else:
        result.serialize(out, getattr(ox.QueryResultsFormat, fmt.upper()))
    out.flush()


def _prepare_store(source: str) -> tuple[str, str | None]:
    """(store path, temporary dir to delete) for a store, a build DIR or a records/RDF file."""
    from kg.store.rdf_store import is_store, load_into_store

    if is_store(source):
        return source, None
    tmp = tempfile.mkdtemp(prefix="kg-serve-")
    try:
        store = str(Path(tmp) / "store")
        counts = load_into_store([source], store)
        click.echo(f"loaded {source}: {counts['after']} quads into a temporary store", err=True)
        return store, tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@click.command()
@click.argument("source", type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the data to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query may run (503 after).")
@click.option("--max-result-mb", default=64.0, show_default=True, type=click.FloatRange(0.001, 4096),
              help="Largest answer in MiB (413 above).")
@click.option("--cors", "cors", multiple=True,
              help="Allow cross-origin requests from this origin (repeatable; '*' for any).")
@click.option("--queries", "queries_dir", default=None, type=click.Path(file_okay=False),
              help="Folder of example queries (*.rq) for the query page  [default: the shipped queries/]")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE (federated queries): the server then sends requests wherever a query says.")
@click.option("--max-memory-mb", default=2048, show_default=True, type=click.IntRange(0),
              help="Restart the SPARQL engine when it uses more (0: no limit).")
@click.option("--records", "records", default=None, type=click.Path(exists=True),
              help="The records (a `kg build` DIR or .jsonl) the explorer indexes  [default: SOURCE's own]")
@click.option("--quiet", is_flag=True, help="Do not log requests.")
def serve(source, host, port, timeout, max_result_mb, cors, queries_dir, allow_service, max_memory_mb, records,
          quiet):
    """Serve SOURCE (an Oxigraph store, a `kg build` DIR or a records/RDF file) over SPARQL at /sparql,
    with the explorer at /explore.

    The explorer reads an index of the records (DIR/explore.sqlite for a DIR,
    made or refreshed when the records changed; a temporary one for a file).
    An Oxigraph store has no records of its own: give them with --records.
    Read-only; bound to 127.0.0.1 unless --host says otherwise; stops cleanly on SIGTERM.

    \b
    Examples:
      kg serve graph/                      # then open http://127.0.0.1:7878/explore
      kg serve kg.store --records graph/ --port 8080 --timeout 10
    """
    from kg.store.rdf_store import StoreError
    from kg.store.sparql_server import BackendError, ServeConfig
    from kg.store.sparql_server import serve as run

    # Until the server installs its own handlers, SIGTERM unwinds like an exception,
    # so a temporary store being loaded and a backend being started are cleaned up.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    busy = _cannot_bind(host, port)
    if busy:          # before loading: a large build takes minutes to load
        fail(f"cannot serve on {host}:{port}: {busy}; choose another port with --port")
    with failures(StoreError, OSError):
        store, tmp = _prepare_store(source)
    try:
        index, meta, tmp = _prepare_index(records or source, tmp)
    except BaseException:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    config = ServeConfig(store=store, host=host, port=port, timeout=timeout,
                         max_result_bytes=int(max_result_mb * (1 << 20)), cors_origins=tuple(cors),
                         queries_dir=queries_dir, quiet=quiet, allow_service=allow_service,
                         max_memory=max_memory_mb << 20, explore_index=index, explore_meta=meta)

    def ready(url):
        click.echo(f"SPARQL endpoint: {url}  (query page: {url[:-7]}/)", err=True)
        if index:
            click.echo(f"explorer: {url[:-7]}/explore", err=True)

    try:
        run(config, ready=ready)
    except (BackendError, OSError) as exc:
        fail(f"cannot serve {source}: {exc}")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def _prepare_index(source: str, tmp: str | None) -> tuple[str | None, dict | None, str | None]:
    """(index path, its counts, temporary dir) of the explorer for a DIR or records file; (None, None, tmp)
    for a store or an RDF file, which have no records to index."""
    import time

    from kg.explore.index import INDEX_NAME, ensure_index
    from kg.store.rdf_store import is_store, resolve_input

    if is_store(source):
        return None, None, tmp
    with failures(ValueError, OSError):
        records = resolve_input(source)
    if records.suffix != ".jsonl":
        click.echo(f"explorer: off ({source} is RDF, not records; give the records with --records)", err=True)
        return None, None, tmp
    folder = records.parent if Path(source).is_dir() else None
    if folder is None or not os.access(folder, os.W_OK):
        tmp = tmp or tempfile.mkdtemp(prefix="kg-serve-")
        folder = Path(tmp)
    started = time.monotonic()
    tick = lambda n: click.echo(f"explorer: indexing … {n:,} records", err=True)
    with failures(ValueError, OSError):
        meta, rebuilt = ensure_index(records, folder / INDEX_NAME, progress=tick)
    how = f"indexed in {time.monotonic() - started:.1f} s" if rebuilt else "index up to date"
    click.echo(f"explorer: {meta['entities']:,} entities, {meta['facts']:,} facts, {meta['texts']:,} texts "
               f"({how}: {folder / INDEX_NAME})", err=True)
    return str(folder / INDEX_NAME), meta, tmp


def _cannot_bind(host: str, port: int) -> str | None:
    """Why the endpoint could not listen on host:port (as the server binds: address reuse on), or None."""
    if port == 0:
        return None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except OSError as exc:
        return f"unknown host ({exc.strerror})"
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


@click.command()
@click.argument("source", type=click.Path(exists=True))
@click.option("--max-shown", default=50, show_default=True, help="Violations to print.")
def validate(source, max_shown):
    """Check SOURCE (a `kg build` DIR, records .jsonl or RDF file) against the SHACL shapes (ontology/shapes.ttl).

    Exit 0 when it conforms, 1 when there are violations.

    \b
    Example:
      kg validate graph/
    """
    from kg.store.rdf_store import StoreError
    from kg.store.shacl import validate_path

    with failures(StoreError, OSError):
        result = validate_path(source)
    if result["conforms"]:
        click.echo(f"{source}: conforms to the kg shapes")
        return
    violations = result["violations"]
    click.echo(f"{source}: {len(violations)} SHACL violation(s)")
    for v in violations[:max_shown]:
        click.echo(f"  {v['severity']}: {v['focus']} {v['path']}: {v['message']}")
    if len(violations) > max_shown:
        click.echo(f"  … {len(violations) - max_shown} more")
    sys.exit(1)
