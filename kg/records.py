"""Reading, checking and writing the record stream (docs/format.md).

Every consumer (RDF, Neo4j, the viewer, analysis) reads `triples.jsonl`
through :func:`read_records` and checks what it uses with
:func:`validate_record` (one :class:`RecordError` for every store); writers
go through :func:`atomic_writer` so a failed run never leaves a half-written
file.

>>> recs = [{"kind": "entity", "id": "e-1", "name": "甲", "type": "Person"}, {"kind": "article", "id": "a-1"}]
>>> [r["kind"] for r in sort_records(validate_record(r) for r in recs)]
['article', 'entity']
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.vocab import ENTITY_TYPES, KINDS, PREDICATES

KIND_ORDER = {k: i for i, k in enumerate(KINDS)}    # records order (docs/format.md): kinds in this order


class RecordError(ValueError):
    """A records file that cannot be read; the message names file and line."""


REMOVED_FILE = "removed.jsonl"     # a build folder's ledger of records that left its graph (kg.build.removals)


def removed_records(folder: str | os.PathLike) -> list[dict]:
    """The records that left a build folder's graph (DIR/removed.jsonl); [] for a file or a folder without one."""
    ledger = Path(folder) / REMOVED_FILE
    return list(read_records(ledger)) if Path(folder).is_dir() and ledger.is_file() else []


def read_records(path: str | os.PathLike) -> Iterator[dict]:
    """Yield the records of a JSONL file (or of DIR/triples.jsonl)."""
    p = Path(path)
    if p.is_dir():
        p = p / "triples.jsonl"
    try:
        fh = open(p, encoding="utf-8")
    except OSError as exc:
        raise RecordError(f"{p}: cannot read records: {exc.strerror}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if line:
                yield record_of_line(line, p, n)


# a records line as `dumps` writes it: kind, then a plain id (a line without it is parsed to be read)
LINE_LEAD = re.compile(r'\{"kind": "([a-z]+)", "id": "([^"\\]*)"')


def read_items(path: str | os.PathLike, parse: tuple[str, ...] = ()) -> Iterator[tuple[str, str, str | dict]]:
    """(kind, id, item) of every record of a JSONL file: the item is the line (stripped) where kind and
    id can be read off it, else the parsed record (always parsed: the kinds in `parse`). A pass that
    changes few records passes the others on as their lines (:func:`write_jsonl` writes them as
    they are; :func:`record_of` reads one when it must)."""
    p = Path(path)
    with open(p, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.strip()
            lead = LINE_LEAD.match(line)
            if lead and line.endswith("}") and lead[1] not in parse:
                yield lead[1], lead[2], line
            elif line:
                rec = record_of_line(line, p, n)
                yield rec["kind"], str(rec.get("id", "")), rec


def items_of(records: Iterable[dict]) -> Iterator[tuple[str, str, dict]]:
    """The (kind, id, record) items of records in memory, as :func:`read_items` gives a file's."""
    return ((rec["kind"], str(rec.get("id", "")), rec) for rec in records)


def record_of(item: str | dict) -> dict:
    """The record of an item of :func:`read_items` (its line parsed, or the record it is)."""
    return item if isinstance(item, dict) else json.loads(item)


def record_of_line(line: str, path, n: int) -> dict:
    """The record of line `n` of a records file; RecordError naming file and line if it is none."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{path}:{n}: not a JSON record: {exc.msg}") from None
    if not isinstance(rec, dict) or "kind" not in rec:
        raise RecordError(f"{path}:{n}: record without a 'kind'")
    return rec


def validate_record(rec: dict, where: str = "") -> dict:
    """Check what every consumer relies on; return the record or raise RecordError.

    Articles, entities and triples need an id; an entity a name and a type of
    :data:`kg.vocab.ENTITY_TYPES`; a triple a predicate of
    :data:`kg.vocab.PREDICATES` and both ends' ids. Other kinds pass (forward
    compatible: consumers ignore them).

    >>> validate_record({"kind": "entity", "id": "e-1", "name": "甲", "type": "Robot"})
    Traceback (most recent call last):
    kg.records.RecordError: entity e-1: unknown type 'Robot'
    """
    kind, rid = rec.get("kind"), rec.get("id")
    prefix = f"{where}: " if where else ""
    if kind not in KINDS:
        return rec
    if not isinstance(rid, str) or not rid:
        raise RecordError(f"{prefix}{kind} record without an id: {str(rec)[:80]}")
    if kind == "entity":
        if rec.get("type") not in ENTITY_TYPES:
            raise RecordError(f"{prefix}entity {rid}: unknown type {rec.get('type')!r}")
        if not isinstance(rec.get("name"), str) or not rec["name"]:
            raise RecordError(f"{prefix}entity {rid}: no name")
    elif kind == "triple":
        if rec.get("predicate") not in PREDICATES:
            raise RecordError(f"{prefix}triple {rid}: unknown predicate {rec.get('predicate')!r}")
        if not rec.get("subject_id") or not rec.get("object_id"):
            raise RecordError(f"{prefix}triple {rid}: subject_id and object_id are required")
    elif kind == "tenure":
        if not rec.get("person_id") or not isinstance(rec.get("title"), str) or not rec["title"]:
            raise RecordError(f"{prefix}tenure {rid}: person_id and title are required")
    return rec


def record_key(rec: dict) -> tuple:
    """Sort key of the records order (docs/format.md): kind, then id."""
    return KIND_ORDER.get(rec["kind"], 99), str(rec.get("id", ""))


def sort_records(records: Iterable[dict]) -> list[dict]:
    """Deterministic order: articles, entities, triples, each by id."""
    return sorted(records, key=record_key)


def kinds_of_lines(lines: Iterable[str]) -> dict[str, int]:
    """Records by kind in lines that :func:`dumps` wrote, read without parsing JSON.

    >>> kinds_of_lines(['{"kind": "entity", "id": "e-1"}', '{"kind": "triple", "id": "t-1"}'])["entity"]
    1
    """
    counts = dict.fromkeys(KINDS, 0)
    for line in lines:  # the kind is the first key of every record line
        kind = line[10:line.find('"', 10)] if line.startswith('{"kind": "') else None
        if kind in counts:
            counts[kind] += 1
    return counts


def dumps(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False, sort_keys=False)


def script_json(value) -> str:
    """JSON that is safe inside an HTML <script> element: no '<', '>', '&' or line separators.

    >>> script_json({"n": "</script><!--&"})
    '{"n": "\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    if isinstance(value, str):  # already JSON text (pyvis hands options over as a string)
        value = json.loads(value)
    text = json.dumps(value, ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temp file beside `path`; rename it over `path` only on success.

    Only regular files get that treatment: a character device (``/dev/null``),
    a FIFO or ``/dev/stdout`` is written directly, and a symbolic link is
    written through (its target replaced, the link kept).

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); target = os.path.join(d, "x.txt")
    >>> with atomic_writer(target) as fh: _ = fh.write("ok")
    >>> open(target).read()
    'ok'
    """
    path = Path(path)
    kwargs = {} if "b" in mode else {"encoding": encoding, "newline": "\n"}
    if not _replaceable(path):      # /dev/null, a FIFO, /dev/stdout: write straight into it
        with open(path, mode, **kwargs) as fh:
            yield fh
        return
    path = path.resolve() if path.is_symlink() else path   # a link's target is written, the link kept
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename is not None and _is_temp(exc.filename, path):
            # the temp file is ours, not the caller's: name the file they asked for
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _replaceable(path: Path) -> bool:
    """Whether `path` is (or will be) a regular file, which a temp file may be renamed over.

    >>> _replaceable(Path("/dev/null")), _replaceable(Path("/tmp/kg-no-such-file.jsonl"))
    (False, True)
    """
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True                 # a new file (or a dangling link: its target is made)
    except OSError:
        return True                 # e.g. a symlink loop: the rename reports it


def write_error(exc: OSError, target: str | os.PathLike, what: str = "") -> str:
    """One line for a failed write (full disk, read-only or missing folder): ``TARGET: cannot write: WHY``.

    `what` names what was written (``cannot write the graph``); a file other
    than `target` that the error names (e.g. a folder that could not be made)
    is added in parentheses.

    >>> write_error(FileNotFoundError(2, "No such file or directory", "out"), "out/x.jsonl")
    'out/x.jsonl: cannot write: No such file or directory (out)'
    """
    detail = exc.strerror or str(exc)
    if exc.filename is not None and os.path.abspath(os.fsdecode(exc.filename)) != os.path.abspath(target):
        detail += f" ({os.fsdecode(exc.filename)})"
    return f"{os.fsdecode(target)}: cannot write{f' {what}' if what else ''}: {detail}"


def _is_temp(filename, path: Path) -> bool:
    """Whether `filename` is a temp file of :func:`atomic_writer` for `path`."""
    where, name = os.path.split(os.path.abspath(os.fsdecode(filename)))
    return where == os.path.abspath(path.parent) and name.startswith(f".{path.name}.") and name.endswith(".tmp")


def write_jsonl(records: Iterable[dict | str], path: str | os.PathLike) -> int:
    """Write records as JSONL atomically (a str is a record's line, written as it is); return how many."""
    n = 0
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write((rec if isinstance(rec, str) else dumps(rec)) + "\n")
            n += 1
    return n


POOLED_LISTS = ("aliases", "articles", "titles")     # an entity's list fields, pooled over its pages


def merge_records(records: Iterable[dict]) -> list[dict]:
    """Merge the records of several pages: one entity per id, one triple per id.

    Entities seen on several pages pool their aliases, mention counts,
    articles and titles; the first-seen record gives name, type and code.

    >>> a = {"kind": "entity", "id": "e-1", "name": "甲", "type": "Person", "aliases": ["x"], "mentions": 1, "articles": ["a-1"]}
    >>> b = dict(a, aliases=["y"], articles=["a-2"])
    >>> m = merge_records([a, b])[0]
    >>> m["aliases"], m["mentions"], m["articles"]
    (['x', 'y'], 2, ['a-1', 'a-2'])
    """
    out: dict[tuple[str, str], dict] = {}
    # the union of each pooled list field so far, sorted into the record once at the end (an area
    # named on thousands of pages would otherwise sort its growing list of articles once a page)
    pooled: dict[tuple[str, str], dict[str, set]] = {}
    for rec in records:
        key = (rec["kind"], rec.get("id", ""))
        old = out.get(key)
        if old is None:
            out[key] = dict(rec)
            continue
        if rec["kind"] == "entity":
            sets = pooled.setdefault(key, {})
            for list_field in POOLED_LISTS:
                if list_field in sets:
                    sets[list_field].update(rec.get(list_field) or [])
                elif rec.get(list_field) or old.get(list_field):   # a field only pools once one has it
                    sets[list_field] = set(old.get(list_field) or []) | set(rec.get(list_field) or [])
            old["mentions"] = old.get("mentions", 0) + rec.get("mentions", 0)
        elif rec["kind"] == "article":
            sets = pooled.setdefault(key, {})
            sets.setdefault("mentions", set(old.get("mentions", []))).update(rec.get("mentions", []))
    for key, sets in pooled.items():
        out[key].update((field, sorted(values)) for field, values in sets.items())
    return sort_records(out.values())
