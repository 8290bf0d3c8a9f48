"""The helper of the rule tests on invented sentences: the whole pipeline on a one-article page."""
from __future__ import annotations

import datetime as dt

from kg.extract.pipeline import extract_page
from kg.model import Page

PUBLISHED = dt.date(2024, 5, 20)


def extract(text: str, home: str | None = "廊坊市"):
    """(entities by name, triples by (subject, predicate, object)) of `text` as one page of a `home` outlet."""
    page = Page(source="t.txt", text=text, encoding="utf-8", sha256="0" * 64, date=PUBLISHED, home=home)
    recs = extract_page(page)
    ents = {r["name"]: r for r in recs if r["kind"] == "entity"}
    triples = {(r["subject"], r["predicate"], r["object"]): r for r in recs if r["kind"] == "triple"}
    return ents, triples
