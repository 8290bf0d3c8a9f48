"""The service description `kg serve` gives at its endpoint (GET /sparql without a query).

Written here rather than passed on from the engine, so that it names the
public address only (never the engine's private port) and advertises only
what this endpoint does: SPARQL 1.1 Query, read-only, no federation unless
``--allow-service``.

>>> b"sd:endpoint <http://127.0.0.1:7878/sparql>" in service_description("http://127.0.0.1:7878/sparql", False)
True
"""
from __future__ import annotations

RESULT_FORMATS = (
    "http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "http://www.w3.org/ns/formats/SPARQL_Results_CSV", "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "http://www.w3.org/ns/formats/Turtle", "http://www.w3.org/ns/formats/N-Triples",
    "http://www.w3.org/ns/formats/RDF_XML", "http://www.w3.org/ns/formats/JSON-LD",
)


def service_description(endpoint: str, federation: bool) -> bytes:
    """Turtle describing the endpoint at `endpoint` (an IRI the caller built, not text from a request)."""
    formats = ", ".join(f"<{f}>" for f in RESULT_FORMATS)
    feature = "    sd:feature sd:BasicFederatedQuery ;\n" if federation else ""
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .

[] a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
{feature}    sd:resultFormat {formats} .
""".encode("utf-8")
