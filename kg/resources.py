"""Files that ship inside the package: the ontology, the SHACL shapes, the JSON-LD context, the query libraries.

They live at the top of the source tree (``ontology/``, ``queries/``) and are
installed as the packages ``kg.ontology`` and ``kg.queries``, so a wheel
install finds them as an editable one does.

>>> "owl:Class" in ontology_text("kg.ttl")
True
>>> any(name == "visits-of-official" for name, _ in queries(".rq"))
True
>>> purpose(dict(queries(".cypher"))["offices_of_person"]), parameters(dict(queries(".cypher"))["offices_of_person"])
('Offices held by a person: title and organisation, with the article date the fact was reported (offices are stated, not dated, in news text).', ['name'])
"""
from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

COMMENT = re.compile(r"^\s*(?://|#)\s?(.*)$")
PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")        # Cypher's $name
SPARQL_VARIABLE = re.compile(r"\?([A-Za-z_][A-Za-z0-9_]*)")   # a SPARQL query's ?name
WHERE_OPEN = re.compile(r"WHERE\s*\{", re.IGNORECASE)                # where a query's parameters are bound
SAVED_NAME = re.compile(r"[a-z0-9_-]+")      # a bare word: the name of a saved query, if there is one


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


def named_query(name: str, suffix: str) -> str | None:
    """The text of the shipped query `name` (without `suffix`), or None."""
    return dict(queries(suffix)).get(name)


def saved_or_text(text: str, suffix: str) -> str:
    """The saved query `text` names, if it is a bare name of one; else `text`, a query itself."""
    if SAVED_NAME.fullmatch(text.strip()):
        return named_query(text.strip(), suffix) or text
    return text


def catalogue(suffix: str) -> str:
    """The saved queries for ``--list``: each name with its parameters, and its purpose."""
    out = []
    for name, text in queries(suffix):
        found = parameters(text) if suffix == ".cypher" else sparql_parameters(text)
        usage = " ".join(f"--param {p}=…" for p in found)
        out.append(f"{name}  {usage}".rstrip() + f"\n    {purpose(text)}")
    return "\n".join(out)


def purpose(text: str) -> str:
    """A saved query's first comment paragraph, in one line (up to a 'Params:' or 'Run:' line)."""
    lines = []
    for line in text.splitlines():
        m = COMMENT.match(line)
        if not m or m[1].startswith(("Params:", "Run:")) or not m[1].strip():
            break
        lines.append(m[1].strip())
    return " ".join(lines)


def sparql_parameters(text: str) -> list[str]:
    """The variables a saved SPARQL query takes as parameters: its ``# Params: ?name (…)`` comment line.

    >>> sparql_parameters("# Visits.\\n# Params: ?officialName (a name), ?year\\nSELECT * {}")
    ['officialName', 'year']
    """
    for line in text.splitlines():
        m = COMMENT.match(line)
        if m and m[1].startswith("Params:"):
            return list(dict.fromkeys(SPARQL_VARIABLE.findall(m[1])))
    return []


def bind_values(text: str, bindings: dict[str, str]) -> str:
    """The SPARQL query with its parameters bound by a VALUES block at the start of its WHERE (as the
    query page binds them): the values join the patterns first, so a FILTER on a parameter sees them.
    `bindings` maps a variable's name to a term already written in SPARQL syntax (an escaped literal).

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": '"甲"@zh'})
    'SELECT ?s WHERE { VALUES (?o) { ("甲"@zh) }  ?s ?p ?o }'
    """
    if not bindings:
        return text
    values = f"VALUES ({' '.join('?' + k for k in bindings)}) {{ ({' '.join(bindings.values())}) }}"
    m = WHERE_OPEN.search(text)
    return f"{text[:m.end()]} {values} {text[m.end():]}" if m else f"{text}\n{values}\n"


def parameters(text: str) -> list[str]:
    """The ``$parameters`` of a Cypher query outside its comments, in order of first use."""
    body = "\n".join(line for line in text.splitlines() if not COMMENT.match(line))
    return list(dict.fromkeys(PARAMETER.findall(body)))
