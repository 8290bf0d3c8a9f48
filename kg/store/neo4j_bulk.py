"""Bulk loading: the CSV files of `neo4j-admin database import`, and running it.

`kg export DIR --format neo4j-csv` writes the files; `kg neo4j load --bulk`
writes them into a temp folder, imports them into the empty database of a
stopped server (`neo4j-admin database import full`, 2-3x faster than Cypher
MERGE for a first load), starts the server and creates the constraints and
indexes `kg neo4j load` creates. The graph is the one `kg neo4j load` makes
(`kg.store.neo4j.prepare` makes the rows of both): same labels, types and
properties.

Header types are read off the values (a column of ints is ``:long``, of
lists of strings ``:string[]``), so a property has the type the driver
would give it. Every string is quoted, so ``""`` stays an empty string and
an empty field is a missing property.

>>> header_field("span", [[1, 4], None])
'span:long[]'
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from kg.records import atomic_writer
from kg.store.neo4j_rows import ARTICLE_PROPS, TENURE_PROPS, TRIPLE_PROPS, prepare
from kg.vocab import TENURE_TYPE

ARRAY_DELIMITER = "\x1f"          # the unit separator: never in cleaned text (records with it are refused)
ADMIN_OPTIONS = ("--multiline-fields=true", "--array-delimiter=U+001F", "--id-type=string")
ARGS_FILE = "neo4j-admin.args"    # picocli's @file: `neo4j-admin database import full neo4j @neo4j-admin.args`
ENTITY_COLUMNS = ("id", "name", "type", "aliases", "code", "titles", "curated")
IMPORT_TIMEOUT_S = 3600
# Lists `kg neo4j load` always sets (an empty one too); the importer leaves an empty list out.
ALWAYS_LISTS = {"Entity": ("aliases", "titles"), "Article": ("subheadlines", "byline")}


class BulkImportError(RuntimeError):
    """A one-line reason why the bulk import cannot run or failed."""


# --------------------------------------------------------------------------- CSV

def _scalar_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, dt.date):
        return "date"
    return "string"


def header_field(name: str, values: Iterable) -> str:
    """`name:type` for a column, the type read off its values (strings need no type).

    >>> header_field("confidence", [0.9, 1]), header_field("name", ["甲"]), header_field("id", [])
    ('confidence:double', 'name', 'id')
    """
    kinds, is_list = set(), False
    for value in values:
        if isinstance(value, list):
            is_list = True
            kinds |= {_scalar_type(v) for v in value}
        elif value is not None:
            kinds.add(_scalar_type(value))
    kind = "double" if kinds == {"long", "double"} else (kinds.pop() if len(kinds) == 1 else "string")
    if is_list:
        return f"{name}:{kind}[]"
    return name if kind == "string" else f"{name}:{kind}"


def _quoted(texts: Iterable[str | None]) -> list[str]:
    """Quoted fields (quotes doubled); None, a missing property, is an empty field."""
    return ["" if t is None else '"' + t.replace('"', '""') + '"' for t in texts]


def csv_column(header: str, values: list) -> list[str]:
    """The fields of one column, by the column's type: strings and lists quoted, numbers and dates bare."""
    kind = header.partition(":")[2]
    if kind.endswith("[]"):
        parts = [None if v is None else [str(x) for x in v] for v in values]
        if ARRAY_DELIMITER in "".join(x for v in parts if v for x in v):
            raise BulkImportError("a list value holds U+001F, the array delimiter of the import")
        return _quoted(None if v is None else ARRAY_DELIMITER.join(v) for v in parts)
    if kind in ("long", "double"):
        return ["" if v is None else repr(v) for v in values]
    if kind == "date":
        return ["" if v is None else v.isoformat() for v in values]
    if kind == "boolean":
        return ["" if v is None else ("true" if v else "false") for v in values]
    return _quoted(None if v is None else str(v) for v in values)


def csv_field(value) -> str:
    """One value as a field (what :func:`csv_column` makes of it).

    >>> csv_field(["甲", 'b"c']), csv_field(0.5), csv_field(None)
    ('"甲\\x1fb""c"', '0.5', '')
    """
    return csv_column(header_field("x", [value]), [value])[0]


def _write_table(path: Path, rows: list[dict], columns: tuple[str, ...], keys: tuple[str, ...],
                 constants: dict) -> Path:
    """One file: the columns of `rows` (the first ones renamed `keys`, e.g. `:START_ID`), then constant columns."""
    header = [header_field(c, [r.get(c) for r in rows]) for c in columns]
    header[:len(keys)] = keys
    fields = [csv_column(h, [r.get(c) for r in rows]) for h, c in zip(header, columns)]
    fields += [csv_column(header_field("value", [v]), [v] * len(rows)) for v in constants.values()]
    with atomic_writer(path) as fh:
        fh.write(",".join([*header, *constants]) + "\n")
        fh.writelines(",".join(line) + "\n" for line in zip(*fields))
    return path


def write_import_files(records: Iterable[dict], folder: str | os.PathLike) -> list[Path]:
    """Write the CSV files of `neo4j-admin database import` and their argument file; return the files.

    Nodes: one file of articles and one of each entity type; relationships:
    MENTIONS, REPORTED_BY and one file of each relation type. The argument
    file ``neo4j-admin.args`` names them with the import's options, so in
    the folder ``neo4j-admin database import full neo4j @neo4j-admin.args``
    imports them.
    """
    return _write_plan(prepare(records), Path(folder))


def _write_plan(plan: dict, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    ends = (":START_ID", ":END_ID")
    nodes = [_write_table(folder / f"entities-{label}.csv", rows, ENTITY_COLUMNS, ("id:ID",),
                          {":LABEL": ["Entity", label]})
             for label, rows in sorted(plan["entities"].items())]
    nodes.append(_write_table(folder / "articles.csv", plan["articles"], ("id", *ARTICLE_PROPS), ("id:ID",),
                              {":LABEL": "Article"}))
    relationships = [
        _write_table(folder / "mentions.csv", plan["mentions"], ("a", "e"), ends, {":TYPE": "MENTIONS"}),
        _write_table(folder / "reported_by.csv", plan["bylines"], ("a", "e", "role"), ends, {":TYPE": "REPORTED_BY"}),
        *(_write_table(folder / f"triples-{rel}.csv", rows, ("s", "o", *TRIPLE_PROPS, "id"), ends, {":TYPE": rel})
          for rel, rows in sorted(plan["triples"].items())),
        *([_write_table(folder / "tenures.csv", plan["tenures"], ("s", "o", *TENURE_PROPS, "id"), ends,
                        {":TYPE": TENURE_TYPE})] if plan["tenures"] else [])]
    with atomic_writer(folder / ARGS_FILE) as fh:
        fh.write("\n".join([*ADMIN_OPTIONS, *(f"--nodes={p.name}" for p in nodes),
                            *(f"--relationships={p.name}" for p in relationships)]) + "\n")
    return [*nodes, *relationships, folder / ARGS_FILE]


# --------------------------------------------------------------------------- neo4j-admin

def data_directory(home: Path) -> Path:
    """`server.directories.data` of the home's neo4j.conf (default HOME/data)."""
    conf = Path(os.environ.get("NEO4J_CONF") or home / "conf") / "neo4j.conf"
    data = "data"
    if conf.is_file():
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            key, sep, value = line.partition("=")
            if sep and key.strip() == "server.directories.data":
                data = value.strip()
    path = Path(data)
    return path if path.is_absolute() else home / path


# The record store files that hold nodes and relationships: both empty means none was ever written.
STORE_FILES = ("neostore.nodestore.db", "neostore.relationshipstore.db")


def database_is_empty(home: Path, database: str) -> bool:
    """True when the database does not exist, or its stores never held a node or relationship.

    A database whose nodes were deleted is not empty by this test (its
    store files keep their pages): kg never overwrites what it cannot see.
    """
    folder = data_directory(home) / "databases" / database
    if not folder.exists():
        return True
    return all((folder / name).is_file() and (folder / name).stat().st_size == 0 for name in STORE_FILES)


def admin_import(home: Path, folder: Path, database: str) -> str:
    """Run `neo4j-admin database import full` on the files of `folder`; return its summary line."""
    admin = home / "bin" / "neo4j-admin"
    if not os.access(admin, os.X_OK):
        raise BulkImportError(f"{admin}: no neo4j-admin in this Neo4j home (give --neo4j-home, or NEO4J_HOME)")
    command = [str(admin), "database", "import", "full", database, "--overwrite-destination=true",
               f"@{folder / ARGS_FILE}"]
    try:
        run = subprocess.run(command, check=False, cwd=folder, capture_output=True, text=True, timeout=IMPORT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BulkImportError(f"{admin}: {exc}") from None
    lines = [ln.strip() for ln in (run.stdout + "\n" + run.stderr).splitlines() if ln.strip()]
    if run.returncode != 0:
        reason = next((ln for ln in lines if not ln.startswith(("at ", "WARNING", "Run with"))
                       and ("exist" in ln or "Error" in ln or "Exception" in ln or "lock" in ln)),
                      lines[-1] if lines else f"exit status {run.returncode}")
        raise BulkImportError(f"neo4j-admin database import failed: {reason}")
    return next((ln.rstrip(".") for ln in reversed(lines) if ln.startswith("IMPORT DONE")), "IMPORT DONE")


def _refuse_a_running_server(uri: str, user: str, password: str) -> None:
    """neo4j-admin imports offline: a server that answers at `uri` must be stopped first."""
    from kg.store.neo4j import Neo4jStoreError, Neo4jUnreachable, connect, graph_counts
    try:
        driver = connect(uri, user, password)
    except Neo4jUnreachable:
        return                                        # stopped: the import may run
    except Neo4jStoreError as exc:
        raise BulkImportError(f"Neo4j at {uri} is running ({exc}); stop it for --bulk") from None
    try:
        counts = graph_counts(driver)
    finally:
        driver.close()
    if counts["nodes"]:
        raise BulkImportError(f"Neo4j at {uri} holds {counts['nodes']} nodes: --bulk fills an empty database "
                              "only; load without --bulk to merge into it")
    raise BulkImportError(f"Neo4j at {uri} is running: neo4j-admin imports into a stopped server's database; "
                          "stop it (scripts/neo4j-local stop) and run kg neo4j load --bulk again")


def start_server(home: Path, uri: str, user: str, password: str, timeout_s: float = 180.0):
    """`HOME/bin/neo4j start`, then wait until Bolt at `uri` accepts the login; return a driver."""
    import time

    from kg.store.neo4j import Neo4jStoreError, connect
    launcher = home / "bin" / "neo4j"
    try:
        run = subprocess.run([str(launcher), "start"], check=False, capture_output=True, text=True, timeout=timeout_s)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BulkImportError(f"{launcher} start: {exc}") from None
    if run.returncode != 0:
        last = (run.stderr or run.stdout).strip().splitlines()[-1:] or [f"exit status {run.returncode}"]
        raise BulkImportError(f"{launcher} start failed: {last[0]}")
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return connect(uri, user, password)
        except Neo4jStoreError as exc:
            if time.monotonic() > deadline:
                raise BulkImportError(f"the imported database did not come up in {timeout_s:.0f}s: {exc}") from None
            time.sleep(1.0)


def fill_empty_lists(driver) -> None:
    """Give every node the empty lists the importer left out, as `kg neo4j load` sets them."""
    with driver.session() as session:
        for label, props in ALWAYS_LISTS.items():
            missing = " OR ".join(f"n.{p} IS NULL" for p in props)
            fill = ", ".join(f"n.{p} = coalesce(n.{p}, [])" for p in props)
            session.run(f"MATCH (n:{label}) WHERE {missing} "
                        f"CALL (n) {{ SET {fill} }} IN TRANSACTIONS OF 10000 ROWS").consume()


def bulk_load(records: Iterable[dict], home: str | os.PathLike, uri: str, user: str, password: str,
              database: str = "neo4j", progress=None) -> dict:
    """Import records into the empty database of a stopped server, start it, create the schema.

    Returns the graph's counts, e.g. ``{'nodes': 12, 'relationships': 30, 'import': 'IMPORT DONE in 2s ...'}``.
    Refuses (BulkImportError) a running server, a database that is not empty
    and a home without ``bin/neo4j-admin``; nothing is written then.
    """
    import tempfile

    from kg.store.neo4j import ensure_schema, graph_counts
    say = progress or (lambda message: None)
    home = Path(home)
    plan = prepare(records)                # bad records fail before anything runs
    _refuse_a_running_server(uri, user, password)
    if not database_is_empty(home, database):
        raise BulkImportError(f"database {database!r} of {home} is not empty: --bulk fills an empty database "
                              "only; load without --bulk to merge into it")
    with tempfile.TemporaryDirectory(prefix="kg-bulk-") as tmp:
        say("writing the CSV files")
        _write_plan(plan, Path(tmp))
        say(f"importing with {home / 'bin' / 'neo4j-admin'}")
        summary = admin_import(home, Path(tmp), database)
    say(f"{summary}; starting the server")
    driver = start_server(home, uri, user, password)
    try:
        say("creating the constraints and indexes")
        ensure_schema(driver)
        say("filling in the empty lists")
        fill_empty_lists(driver)
        return graph_counts(driver) | {"import": summary}
    finally:
        driver.close()
