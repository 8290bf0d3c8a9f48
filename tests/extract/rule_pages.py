"""The helpers of the rule tests on invented sentences: the whole pipeline on a one-article page."""
from __future__ import annotations

import datetime as dt

from kg.extract.pipeline import extract_page
from kg.model import Page

PUBLISHED = dt.date(2024, 5, 20)


def page_records(text: str, home: str | None = "廊坊市", date: dt.date = PUBLISHED) -> list[dict]:
    """The records of `text` as one page of a `home` outlet dated `date`."""
    page = Page(source="t.txt", text=text, encoding="utf-8", sha256="0" * 64, date=date, home=home)
    return extract_page(page)


def triples_of(recs: list[dict]) -> dict[tuple[str, str, str], dict]:
    """The triple records by (subject, predicate, object)."""
    return {(r["subject"], r["predicate"], r["object"]): r for r in recs if r["kind"] == "triple"}


def extract(text: str, home: str | None = "廊坊市"):
    """(entities by name, triples by (subject, predicate, object)) of `text` as one page of a `home` outlet."""
    recs = page_records(text, home)
    return {r["name"]: r for r in recs if r["kind"] == "entity"}, triples_of(recs)
