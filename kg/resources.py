"""Files that ship inside the package: the ontology, the SHACL shapes, the query libraries.

They live at the top of the source tree (``ontology/``, ``queries/``) and are
installed as the packages ``kg.ontology`` and ``kg.queries``, so a wheel
install finds them as an editable one does.

>>> "owl:Class" in ontology_text("kg.ttl")
True
>>> any(name == "visits-of-official" for name, _ in queries(".rq"))
True
"""
from __future__ import annotations

from importlib import resources


def ontology_text(name: str) -> str:
    """kg.ttl (the ontology) or shapes.ttl (the SHACL shapes)."""
    return resources.files("kg.ontology").joinpath(name).read_text(encoding="utf-8")


def queries(suffix: str) -> list[tuple[str, str]]:
    """(stem, text) of the shipped queries ending in `suffix` (.rq or .cypher), by name."""
    files = [f for f in resources.files("kg.queries").iterdir() if f.name.endswith(suffix)]
    return [(f.name[: -len(suffix)], f.read_text(encoding="utf-8")) for f in sorted(files, key=lambda f: f.name)]
