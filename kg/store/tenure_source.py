"""Tenures read back from a store, as the records kg.build.tenures makes: `kg who` and `kg career`
answer from an Oxigraph store, a SPARQL endpoint over HTTP or Neo4j with the same results as
from the build folder.

Each store runs its saved query ``tenures`` (queries/tenures.rq, queries/tenures.cypher); the
rows are turned back into tenure records (ids without the IRI base, counts as ints, acting as a
bool).

>>> from_rows([{"tenure": "https://kg.example.org/id/u-1", "person": "https://kg.example.org/id/e-1",
...             "personName": "甲", "title": "市长", "acting": "false", "articles": "2"}])[0]["person_id"]
'e-1'
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request

from kg.vocab import ID_BASE

# the query's columns -> the record's fields
COLUMNS = {"tenure": "id", "person": "person_id", "personName": "person", "title": "title", "acting": "acting",
           "body": "body_id", "bodyName": "body", "start": "first", "end": "last", "appointed": "appointed",
           "ended": "ended", "articles": "articles", "former": "former"}
COUNTS = ("articles", "former")
IDS = ("id", "person_id", "body_id")
HTTP_TIMEOUT_S = 60.0


class StoreReadError(RuntimeError):
    """A store that cannot answer the tenures query (one line for the user)."""


def from_rows(rows: list[dict]) -> list[dict]:
    """Tenure records from the rows of the saved query ``tenures`` (values as text, or typed by Neo4j)."""
    out = []
    for row in rows:
        rec = {"kind": "tenure"} | {field: row.get(col) for col, field in COLUMNS.items()}
        for field in IDS:
            if isinstance(rec[field], str) and rec[field].startswith(ID_BASE):
                rec[field] = rec[field][len(ID_BASE):]
        rec["acting"] = rec["acting"] in (True, "true", "1")
        for field in COUNTS:
            rec[field] = int(rec[field]) if rec[field] not in (None, "") else 0
        for field in ("first", "last", "appointed", "ended"):
            rec[field] = str(rec[field]) if rec[field] not in (None, "") else None
        out.append(rec)
    return out


def from_oxigraph(path: str) -> list[dict]:
    """The tenures of an Oxigraph store folder (opened read-only)."""
    import pyoxigraph as ox

    from kg.resources import named_query
    from kg.store.rdf import PREFIXES
    from kg.store.rdf_store import is_store

    if not is_store(path):
        raise StoreReadError(f"{path}: not an Oxigraph store")
    result = ox.Store.read_only(path).query(named_query("tenures", ".rq"), prefixes=PREFIXES)
    names = [v.value for v in result.variables]
    return from_rows([{n: (s[n].value if s[n] is not None else None) for n in names} for s in result])


def from_endpoint(url: str, timeout: float = HTTP_TIMEOUT_S) -> list[dict]:
    """The tenures a SPARQL endpoint answers (the SPARQL 1.1 protocol, JSON results)."""
    from kg.resources import named_query

    request = urllib.request.Request(url, data=named_query("tenures", ".rq").encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = json.load(response)
    except urllib.error.HTTPError as exc:
        raise StoreReadError(f"{url}: the endpoint refused the query: HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise StoreReadError(f"{url}: cannot reach the endpoint: {getattr(exc, 'reason', exc)}") from None
    except ValueError:
        raise StoreReadError(f"{url}: the answer is not SPARQL JSON results") from None
    return from_rows([{k: v.get("value") for k, v in b.items()} for b in body["results"]["bindings"]])


def from_neo4j(driver) -> list[dict]:
    """The tenures of a Neo4j graph that `kg neo4j load` filled."""
    from kg.resources import named_query
    from kg.store.neo4j import run_query

    keys, rows, _ = run_query(driver, named_query("tenures", ".cypher"), {"name": None})
    return from_rows([dict(zip(keys, row)) for row in rows])
