"""Facts become triples once their mentions are entities: one triple per (subject,
predicate, object, title), the first fact's evidence kept; an area yields to
a body of that area as the issuer of a policy (我市印发 / 市政府办公室印发)."""
from __future__ import annotations

from kg.extract.resolve.entities import Resolver
from kg.model import Doc, Triple


def facts_to_triples(doc: Doc) -> None:
    resolver: Resolver = doc.resolver
    seen, out = set(), []
    for art, f in doc.facts:
        s, o = resolver.entity_of(f.subject, art), resolver.entity_of(f.object, art)
        if s is None or o is None or s is o:
            continue
        if f.predicate == "holdsPosition":
            s.titles.add(f.title)
        key = (s.id, f.predicate, o.id, f.title)
        if key in seen:
            continue
        seen.add(key)
        out.append(Triple(s, o, art, f))
    doc.triples = prefer_body_issuers(out)


def prefer_body_issuers(triples: list[Triple]) -> list[Triple]:
    """Drop 甲市 issued P where a body of 甲市 (甲市政府办公室) issued P too."""
    issuers: dict[str, list[Triple]] = {}
    for t in triples:
        if t.predicate == "issued":
            issuers.setdefault(t.object.id, []).append(t)
    drop = set()
    for ts in issuers.values():
        bodies = [t.subject.name for t in ts if t.subject.type == "Organization"]
        for t in ts:
            if t.subject.type == "AdministrativeArea" and any(b.startswith(t.subject.name) for b in bodies):
                drop.add(id(t))
    return [t for t in triples if id(t) not in drop]
