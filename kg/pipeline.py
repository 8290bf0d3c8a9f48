"""The pipeline: read → clean → segment → recognise → relate → resolve → emit.

:func:`extract_page` runs every stage on one page and returns its records;
:func:`extract_paths` streams many files, one page at a time, so memory does
not grow with the corpus.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg import relate as R
from kg.emit import page_records
from kg.model import Article, Entity, Mention, Page, Triple
from kg.read import ReadError, iter_paths, read_pages
from kg.recognise import Recogniser, automaton, settle
from kg.resolve import Resolver, count_weak_campaigns, enterprise_short_forms, link_short_forms
from kg.segment import segment_page

DECLARED_SHORT = re.compile(r"[（(](?:以下)?(?:简称|称)[“《]([^”》]{1,12})[”》][)）]")


@dataclass
class Context:
    """What relation rules may consult: the home city and per-article state."""
    resolver: Resolver
    home_area_name: str | None
    current_official: dict = field(default_factory=dict)
    last_enterprise: dict = field(default_factory=dict)
    last_policy: dict = field(default_factory=dict)
    last_group: dict = field(default_factory=dict)

    def home_name(self, prefix: str) -> str | None:
        return self.resolver.home_name(prefix)


def infer_city(text: str) -> str | None:
    """The prefecture-level city a page is most about (its home city), if clear.

    >>> infer_city("本报讯 廊坊市召开会议。廊坊各区县……我市")
    '廊坊市'
    """
    counts: Counter = Counter()
    for _end, (etype, name, code, _n) in automaton(None).iter(text):
        if etype == "AdministrativeArea" and code and len(code) == 6 and code.endswith("00") and not code.endswith("0000"):
            counts[name] += 1
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 2 else None


def extract_page(page: Page) -> list[dict]:
    """All records (articles, entities, triples) of one page."""
    city = page.city or infer_city(page.text)
    page.city = city
    rec = Recogniser(city)
    articles = segment_page(page)
    for art in articles:
        doc = "".join(s.text for s in art.all_sentences)
        for sent in art.all_sentences:
            sent.mentions = rec.sentence(sent, doc, {})
    resolver = Resolver(rec.gaz)
    _type_people(articles)
    _add_known_forms(articles, rec)
    _drop_weak_campaigns(articles)
    for art in articles:
        for sent in art.all_sentences:
            for m in sent.mentions:
                resolver.resolve_mention(m, art)
                for inner in m.attrs.get("inner", []):
                    if inner.type == "AdministrativeArea" and inner.text not in ("我市", "本市"):
                        resolver.resolve_mention(inner, art)   # 某区 inside 某区消防大队 is named too
        for role, name in art.byline:
            resolver.add("Journalist", name, article=art)
    home = rec.gaz.home.name if rec.gaz.home else None
    ctx = Context(resolver, home)
    facts = []
    for art in articles:
        for sent in [*art.sentences, *art.headline_sentences]:
            for rule in R.RULES:
                facts.extend((art, f) for f in rule(ctx, art, sent))
    link_short_forms(articles, resolver)
    triples = _to_triples(facts, resolver)
    return page_records(page, articles, resolver, triples)


def _type_people(articles: list[Article]) -> None:
    """Official or Person, decided by the titles each name is seen with."""
    official: dict[str, bool] = {}
    for art in articles:
        for sent in art.all_sentences:
            for m in sent.mentions:
                if m.rule == "person.title":
                    chain = R.title_chain(sent, m)
                    official[m.text] = official.get(m.text, False) or R.is_official(chain)
    for art in articles:
        for sent in art.all_sentences:
            for m in sent.mentions:
                if m.type == "Person" and m.text in official:
                    m.type = "Official" if official[m.text] else "Person"
    for art in articles:
        art.known_people = {n: ("Official" if o else "Person") for n, o in official.items()}


def _add_known_forms(articles: list[Article], rec: Recogniser) -> None:
    """Mentions of names already known on the page: people, short company names, 《意见》."""
    forms: dict[str, tuple[str, str]] = {}
    for art in articles:
        forms.update({n: (t, n) for n, t in getattr(art, "known_people", {}).items()})
        for sent in art.all_sentences:
            for m in sent.mentions:
                if m.type == "Enterprise" and m.rule.startswith("suffix"):
                    for short in enterprise_short_forms(m.text, rec.gaz):
                        forms.setdefault(short, ("Enterprise", m.text))
    for art in articles:
        local = dict(forms)
        for sent in art.all_sentences:
            policies = [m for m in sent.mentions if m.type == "Policy" and not m.attrs.get("short")]
            for d in DECLARED_SHORT.finditer(sent.text):
                named = [m for m in sent.mentions if m.end == d.start() and m.type in ("Enterprise", "Organization")]
                if named:          # 某某有限公司（简称“某某”）
                    local[d[1]] = (named[0].type, named[0].name or named[0].text)
                elif policies:
                    local["《" + d[1] + "》"] = ("Policy", policies[-1].name)
        last_policy = None
        finder = re.compile("|".join(re.escape(f) for f in sorted(local, key=len, reverse=True))) if local else None
        for sent in art.all_sentences:
            added = []
            for m in finder.finditer(sent.text) if finder else ():
                etype, name = local[m[0]]
                added.append(Mention(m.start(), m.end(), m[0], etype, "known", name=name))
            kept = [m for m in sent.mentions if not (m.type == "Policy" and m.attrs.get("short"))]
            shorts = [m for m in sent.mentions if m.type == "Policy" and m.attrs.get("short")]
            for m in kept:
                if m.type == "Policy":
                    last_policy = m.name
            for m in shorts:  # a bare 《意见》: the article's last policy with that head
                if last_policy and last_policy.endswith(m.text):
                    added.append(Mention(m.start, m.end, m.text, "Policy", "policy.short", name=last_policy))
            sent.mentions = settle(kept + added) if added else kept


def _drop_weak_campaigns(articles: list[Article]) -> None:
    counts = count_weak_campaigns(articles)
    for art in articles:
        for sent in art.all_sentences:
            sent.mentions = [m for m in sent.mentions
                             if not (m.type == "Campaign" and m.attrs.get("weak") and counts[m.text] < 2)]


def _entity(resolver: Resolver, ref, art: Article) -> Entity | None:
    if isinstance(ref, Mention):
        return resolver.final(ref.entity) if ref.entity is not None else None
    _, etype, name, alias = ref
    return resolver.final(resolver.add(etype, name, alias=alias, article=art))


def _to_triples(facts, resolver: Resolver) -> list[Triple]:
    seen, out = set(), []
    issuers: dict[str, list] = {}
    for art, f in facts:
        s, o = _entity(resolver, f.subject, art), _entity(resolver, f.object, art)
        if s is None or o is None or s is o:
            continue
        if f.predicate == "holdsPosition":
            s.titles.add(f.title)
        key = (s.id, f.predicate, o.id, f.title)
        if key in seen:
            continue
        seen.add(key)
        t = Triple(s, f.predicate, o, art, f.sentence, f.rule, f.confidence,
                   date=f.date, date_text=f.date_text, title=f.title)
        out.append(t)
        if f.predicate == "issued":
            issuers.setdefault(o.id, []).append(t)
    # an area issuing (我市印发) yields to a body of that area (市政府办公室印发)
    drop = set()
    for ts in issuers.values():
        bodies = [t.subject.name for t in ts if t.subject.type == "Organization"]
        for t in ts:
            if t.subject.type == "AdministrativeArea" and any(b.startswith(t.subject.name) for b in bodies):
                drop.add(id(t))
    return [t for t in out if id(t) not in drop]


def extract_paths(paths: list[str], date: dt.date | None = None, city: str | None = None,
                  on_error=None, pattern: str = "*.txt") -> Iterator[tuple[str, list[dict]]]:
    """Yield (path, records) for every readable file; report others to `on_error`."""
    for path in iter_paths(paths, pattern):
        try:
            pages = read_pages(path, date=date, city=city)
            records = []
            for page in pages:
                records.extend(extract_page(page))
        except ReadError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
            continue
        except Exception as exc:  # noqa: BLE001 - one bad page must not end a long run
            if on_error is None:
                raise
            on_error(path, ReadError(f"{path}: internal error while extracting: {type(exc).__name__}: {exc}"))
            continue
        yield path, records
