"""A corpus's own settings: user lexicons (--lexicon), a curation file (--curation) and kg.toml.

A ``kg.toml`` in a corpus folder given to ``kg extract`` or ``kg build``
names the folder's lexicons and curation file, paths relative to it::

    lexicons = ["lexicon.toml", "enterprises.tsv"]
    curation = "curation.tsv"

Files given on the command line come after those of kg.toml. The lexicons
reach extraction through ``KG_LEXICONS`` (kg.extract.user_lexicon), set here
before extraction is imported.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.cli.errors import fail

SETTINGS_FILE = "kg.toml"
SETTINGS_KEYS = ("lexicons", "curation")


def lexicon_option(f):
    return click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                        metavar="FILE",
                        help="A lexicon of your own (TOML or TSV; docs/lexicons.md): titles, body stems, "
                             "visit verbs, names with a type. Repeatable; a kg.toml in a corpus folder "
                             "names more.")(f)


def curation_option(f):
    return click.option("--curation", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                        help="Corrections to apply to the graph (docs/curation.md): same-as, not-same-as, "
                             "alias, rename, drop  [default: the one a kg.toml names]")(f)


def read_settings(folder: Path) -> dict:
    """The settings of FOLDER/kg.toml (paths made absolute), or {} when there is none."""
    path = folder / SETTINGS_FILE
    if not path.is_file():
        return {}
    import tomllib        # only where a corpus has settings

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        fail(f"{path}: cannot read the corpus settings: {exc}")
    unknown = sorted(set(data) - set(SETTINGS_KEYS))
    if unknown:
        fail(f"{path}: unknown setting {unknown[0]!r}; known: {', '.join(SETTINGS_KEYS)}")
    lexicons = data.get("lexicons", [])
    if not isinstance(lexicons, list) or not all(isinstance(p, str) for p in lexicons):
        fail(f"{path}: lexicons must be a list of file names")
    if "curation" in data and not isinstance(data["curation"], str):
        fail(f"{path}: curation must be a file name")
    out = {"lexicons": [folder / p for p in lexicons]}
    if "curation" in data:
        out["curation"] = folder / data["curation"]
    return out


def corpus_settings(paths, lexicons=(), curation: Path | None = None) -> tuple[list[Path], Path | None]:
    """The lexicon files and the curation file of a run: kg.toml of each folder in `paths`, then the options."""
    found: list[Path] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            settings = read_settings(Path(p))
            found += settings.get("lexicons", [])
            curation = curation or settings.get("curation")
    return list(dict.fromkeys([*found, *lexicons])), curation


def use_lexicons(files: list[Path]) -> None:
    """Check the lexicon files and hand them to extraction (KG_LEXICONS), before it is imported."""
    from kg.extract import user_lexicon

    if not files:
        return
    named = [str(p.resolve()) for p in files]
    before = [p for p in os.environ.get(user_lexicon.ENV, "").split(os.pathsep) if p]
    os.environ[user_lexicon.ENV] = os.pathsep.join(dict.fromkeys([*before, *named]))
    try:
        user_lexicon.entries()          # every file read and checked now, once; extraction reuses them
    except user_lexicon.UserLexiconError as exc:
        fail(str(exc))
    if "kg.extract.lexicon" in sys.modules:      # only in a process that extracted before (tests, notebooks)
        from kg.extract import lexicon
        if lexicon.USER_NAMES != lexicon.user.names():
            fail("the lexicons changed after extraction was loaded in this process: run kg again")
