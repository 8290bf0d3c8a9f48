"""What the SPARQL front checks and rewrites before a query reaches the engine.

- :func:`request_query` finds the query of a request in each form of the
  protocol (GET ``?query=``, POST form, POST ``application/sparql-query``).
- :func:`check_query` refuses, with a :class:`Refused` that becomes a 400, a
  query longer than the size limit, one nested deeper than the depth limit
  (a few kilobytes of ``{ { { …`` overflow the engine's stack and kill it),
  and ``SERVICE`` (federation makes the server send requests wherever a
  caller says) unless federation is allowed.
- :func:`with_base` gives the query the public address as its base IRI, so
  a relative IRI (``IRI("x")``) never names the engine's private port.

A small lexer skips strings, IRIs and comments, so a brace or the word
SERVICE inside a literal counts for nothing.

>>> check_query("SELECT * WHERE { ?s ?p ?o }", max_bytes=100, max_depth=8, allow_service=False)
>>> check_query("SELECT * WHERE " + "{ " * 9 + "}" * 9, max_bytes=100, max_depth=8, allow_service=False)
Traceback (most recent call last):
kg.store.sparql_guard.Refused: query nested 9 deep: at most 8 levels of { ( [ are allowed
"""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode

TOKENS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{(\[]|[})\]]|\bSERVICE\b', re.I)
OPEN, CLOSE = "{([", "})]"
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"


class Refused(ValueError):
    """A query the front does not pass on; str() is the one-line reason, `status` the HTTP status."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def scan(query: str) -> tuple[int, bool]:
    """(deepest nesting of { ( [, whether SERVICE is used) outside strings, IRIs and comments.

    >>> scan('SELECT * { ?s ?p "{{{ SERVICE" . # { SERVICE\\n }')
    (1, False)
    """
    depth = deepest = 0
    service = False
    for m in TOKENS.finditer(query):
        tok = m[0]
        if tok in OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif tok in CLOSE:
            depth = max(0, depth - 1)
        elif tok.upper() == "SERVICE":
            service = True
    return deepest, service


def check_query(query: str, *, max_bytes: int, max_depth: int, allow_service: bool) -> None:
    """Raise :class:`Refused` for a query too long, too deep, or federated when that is off."""
    size = len(query.encode("utf-8"))
    if size > max_bytes:
        raise Refused(f"query of {size} bytes: at most {max_bytes} are allowed")
    depth, service = scan(query)
    if depth > max_depth:
        raise Refused(f"query nested {depth} deep: at most {max_depth} levels of {{ ( [ are allowed")
    if service and not allow_service:
        raise Refused("SERVICE (federated query) is off on this endpoint: the server makes no outbound "
                      "requests (kg serve --allow-service turns it on)")


def request_query(command: str, url_query: str, ctype: str, body: bytes) -> str | None:
    """The query text of a protocol request, or None when there is none (a service description request).

    Raises :class:`Refused` for a form or body that is not UTF-8 or gives several queries.
    """
    try:
        if command == "POST" and ctype == DIRECT:
            return body.decode("utf-8")
        params = parse_qs(url_query, keep_blank_values=True, errors="strict")
        if command == "POST" and ctype == FORM:
            params = parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise Refused("the query is not UTF-8 text") from None
    if "update" in params:
        raise Refused("update", status=403)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise Refused(f"{len(queries)} queries in one request: send one")
    return queries[0] if queries else None


def with_base(query: str, base: str) -> str:
    """The query with `base` as its base IRI (a BASE the query declares itself still wins).

    >>> with_base("SELECT (IRI('x') AS ?i) {}", "http://127.0.0.1:7878/sparql")
    "BASE <http://127.0.0.1:7878/sparql> SELECT (IRI('x') AS ?i) {}"
    """
    return f"BASE <{base}> {query}"


def rewrite(command: str, url_query: str, ctype: str, body: bytes, query: str) -> tuple[str, bytes]:
    """(URL query string, body) of the same request with `query` in place of its query."""
    if command == "POST" and ctype == DIRECT:
        return url_query, query.encode("utf-8")
    if command == "POST" and ctype == FORM:
        form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
        form["query"] = [query]
        return url_query, urlencode(form, doseq=True).encode("ascii")
    params = parse_qs(url_query, keep_blank_values=True)
    params["query"] = [query]
    return urlencode(params, doseq=True), body
