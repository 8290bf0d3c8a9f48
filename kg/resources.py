"""Files that ship inside the package: the ontology, the SHACL shapes, the JSON-LD context, the query libraries.

They live at the top of the source tree (``ontology/``, ``queries/``) and are
installed as the packages ``kg.ontology`` and ``kg.queries``, so a wheel
install finds them as an editable one does.

>>> "owl:Class" in ontology_text("kg.ttl")
True
>>> any(name == "visits-of-official" for name, _ in queries(".rq"))
True
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def ontology_text(name: str) -> str:
    """kg.ttl (the ontology), shapes.ttl (the SHACL shapes) or context.jsonld (the JSON-LD @context)."""
    return resources.files("kg.ontology").joinpath(name).read_text(encoding="utf-8")


def queries(suffix: str, root: str | os.PathLike | None = None) -> list[tuple[str, str]]:
    """(stem, text) of the queries ending in `suffix` (.rq or .cypher), by name.

    The shipped ones, or those of the folder `root`.
    """
    folder = resources.files("kg.queries") if root is None else Path(root)
    files = [f for f in folder.iterdir() if f.name.endswith(suffix)]
    return [(f.name[: -len(suffix)], f.read_text(encoding="utf-8")) for f in sorted(files, key=lambda f: f.name)]
