"""User lexicons: the words a user adds for their corpus, in TOML or TSV files (docs/lexicons.md).

A user who studies one city knows its enterprises, its zones and its
officials. A lexicon file says so without Python::

    # city.toml
    visit_verbs = ["踏访"]
    body_stems = ["数据局"]

    [titles]
    government = ["首席数据官"]

    [names]
    Enterprise = ["青禾科技", "东岚重工集团"]
    Official = ["王大明"]

or, one entry a line, ``LIST<TAB>ENTRY`` (``names.Enterprise	青禾科技``).

The files are named by the environment variable ``KG_LEXICONS`` (paths
joined with ``os.pathsep``): ``kg extract/build --lexicon FILE`` and a
``kg.toml`` in the corpus folder set it before extraction is imported, so
worker processes read the same words. The extraction fingerprint covers
the files' contents, so a changed lexicon re-extracts every page.

>>> parse_text("visit_verbs = ['踏访']\\n[names]\\nPlace = ['东湖湿地']", "x.toml")
{'visit_verbs': ('踏访',), 'names.Place': ('东湖湿地',)}
>>> parse_text("titles.government\\t首席数据官\\n", "x.tsv")
{'titles.government': ('首席数据官',)}
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from kg.vocab import ENTITY_TYPES

ENV = "KG_LEXICONS"
# user list -> the shipped list (kg/extract/lexicon/NAME.txt) it extends
EXTENDS = {
    "titles.government": "titles_government", "titles.party": "titles_party",
    "titles.business": "titles_business", "titles.other": "titles_other",
    "body_stems": "body_stems", "visit_verbs": "visit_verbs", "issue_verbs": "issue_verbs",
    "enterprise_suffixes": "enterprise_suffixes", "org_suffixes": "org_suffixes",
    "place_suffixes": "place_suffixes", "surnames": "surnames",
}
NAME_LISTS = {f"names.{t}": t for t in ENTITY_TYPES if t != "Journalist"}
KNOWN = (*EXTENDS, *NAME_LISTS)
ENTRY = re.compile(r"[^\s\x00-\x1f\x7f]{1,40}")   # one word: no spaces or control characters, at most 40


class UserLexiconError(ValueError):
    """A user lexicon that cannot be read or breaks the format: one line naming the file."""


def paths() -> tuple[Path, ...]:
    """The user lexicon files named by KG_LEXICONS, in order."""
    return tuple(Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p)


def _flatten(table: dict, where: str, prefix: str = "") -> dict[str, object]:
    out = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out |= _flatten(value, where, f"{name}.")
        else:
            out[name] = value
    return out


def _checked(lists: dict[str, list], where: str) -> dict[str, tuple[str, ...]]:
    out = {}
    for name, entries in lists.items():
        if name not in KNOWN:
            raise UserLexiconError(f"{where}: unknown list {name!r}; known: {', '.join(KNOWN)}")
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise UserLexiconError(f"{where}: {name} must be a list of strings")
        bad = next((e for e in entries if not ENTRY.fullmatch(e.strip())), None)
        if bad is not None:
            raise UserLexiconError(f"{where}: {name}: {bad!r} is not one word (no spaces, 1 to 40 characters)")
        out[name] = tuple(dict.fromkeys(e.strip() for e in entries))
    return out


def parse_text(text: str, where: str) -> dict[str, tuple[str, ...]]:
    """The lists of one file's text: TOML when `where` ends in .toml, else TSV lines ``LIST<TAB>ENTRY``."""
    if where.endswith(".toml"):
        import tomllib       # only for a TOML lexicon: extraction without one does not pay for it

        try:
            return _checked(_flatten(tomllib.loads(text), where), where)
        except tomllib.TOMLDecodeError as exc:
            raise UserLexiconError(f"{where}: not TOML: {exc}") from None
    lists: dict[str, list] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, sep, entry = line.partition("\t")
        if not sep:
            raise UserLexiconError(f"{where}: line {n}: not LIST<TAB>ENTRY: {line[:60]!r}")
        lists.setdefault(name.strip(), []).append(entry.strip())
    return _checked(lists, f"{where}")


@functools.lru_cache(maxsize=16)
def _bytes(path: Path) -> bytes:
    """A lexicon file's bytes, read once a process (its words and the fingerprint both need them)."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserLexiconError(f"{path}: cannot read the lexicon: {exc.strerror}") from None


def read_file(path: Path) -> dict[str, tuple[str, ...]]:
    try:
        text = _bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UserLexiconError(f"{path}: cannot read the lexicon: not UTF-8 ({exc.reason})") from None
    return parse_text(text, str(path))


@functools.lru_cache(maxsize=4)
def _entries(named: tuple[Path, ...]) -> dict[str, tuple[str, ...]]:
    merged: dict[str, dict[str, None]] = {}
    for path in named:
        for name, entries in read_file(path).items():
            merged.setdefault(name, {}).update(dict.fromkeys(entries))
    return {name: tuple(entries) for name, entries in merged.items()}


def entries() -> dict[str, tuple[str, ...]]:
    """Every list of the user lexicons, merged in file order (an entry listed twice counts once)."""
    return _entries(paths())


def extending(shipped: str) -> tuple[str, ...]:
    """The user entries of the shipped list `shipped` (``visit_verbs``), or ()."""
    return tuple(e for name, target in EXTENDS.items() if target == shipped for e in entries().get(name, ()))


def names() -> dict[str, tuple[str, ...]]:
    """The user's proper names by entity type: ``{'Enterprise': ('青禾科技',)}``."""
    return {etype: entries()[name] for name, etype in NAME_LISTS.items() if entries().get(name)}


def fingerprint_parts() -> list[bytes]:
    """What the extraction fingerprint adds for the user lexicons: each file's name and bytes."""
    return [path.name.encode() + b"\0" + _bytes(path) for path in paths()]
