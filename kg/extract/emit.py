"""Stage 7, emit: records of docs/format.md from the resolved page."""
from __future__ import annotations

from kg.extract.resolve.entities import Resolver
from kg.model import Article, Doc, Triple, triple_id
from kg.records import sort_records


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def triple_record(t: Triple) -> dict:
    base = t.article.page.base
    span = [base + x for x in t.sentence.source_span()]
    rec = {
        "kind": "triple",
        "id": triple_id(t.subject.id, t.predicate, t.object.id, t.article.id, span),
        "subject": t.subject.name, "subject_id": t.subject.id, "subject_type": t.subject.type,
        "predicate": t.predicate,
        "object": t.object.name, "object_id": t.object.id, "object_type": t.object.type,
        "date": _iso(t.date), "title": t.title,
        "article": t.article.id, "evidence": t.sentence.text,
        "source": t.article.page.source, "span": span,
        "rule": t.rule, "confidence": t.confidence,
    }
    if t.date is None and t.date_text:
        rec["date_text"] = t.date_text
    if t.change:
        rec["change"] = t.change
    layout = t.article.page.layout
    if layout is not None and layout.pages and (where := layout.where(*span)) is not None:
        rec["page"], rec["bbox"] = where
    return rec


def article_record(art: Article, resolver: Resolver, home=None) -> dict:
    mentions = sorted({resolver.final(m.entity).id for s in art.all_sentences for m in s.mentions
                       if m.entity is not None})
    byline = []
    for role, name in art.byline:
        ent = resolver.entities.get(("Journalist", name))
        byline.append({"role": role, "name": name, "id": ent.id if ent else None})
    page = art.page
    span = [page.base + art.start, page.base + art.end]
    if not byline and page.meta.get("byline"):      # the byline an HTML page prints beside the text
        byline = [{"role": "作者", "name": page.meta["byline"], "id": None}]
    rec = {
        "kind": "article", "id": art.id, "source": page.source, "source_sha256": page.sha256,
        "span": span, "headline": art.headline, "subheadlines": art.subheadlines,
        "byline": byline, "dateline": art.dateline, "date": _iso(page.date), "page": page.page_no,
        "event_date": _iso(art.date), "mentions": mentions,
    }
    if home is not None:                  # the area the page reports from: evidence of who is who
        rec["home"], rec["home_code"] = home.name, home.code
    return rec | _provenance(page, span)


def _provenance(page, span: list[int]) -> dict:
    """What the reader knows beyond the text: edition, PDF pages, the outlet an HTML page credits."""
    extra = {}
    if page.edition:
        extra["edition"] = page.edition
    if page.layout is not None and page.layout.pages:
        pages = page.layout.pages_of(*span)
        if pages:
            extra["page"], extra["pages"] = pages[0], pages
    if page.meta.get("outlet"):
        extra["outlet"] = page.meta["outlet"]
    if page.meta.get("url"):
        extra["url"] = page.meta["url"]
    return extra


def entity_record(ent) -> dict:
    rec = {"kind": "entity", "id": ent.id, "name": ent.name, "type": ent.type,
           "aliases": sorted(ent.aliases - {ent.name}), "code": ent.code,
           "mentions": ent.mentions, "articles": sorted(ent.articles)}
    if ent.titles:
        rec["titles"] = sorted(t for t in ent.titles if t)
    return rec


def emit(doc: Doc) -> None:
    """``doc.records``: the page's articles, entities and triples, in record order."""
    recs = [article_record(a, doc.resolver, doc.home) for a in doc.articles]
    recs += [entity_record(e) for e in doc.resolver.entities.values()]
    recs += [triple_record(t) for t in doc.triples]
    doc.records = sort_records(recs)
