"""The pipeline: read → clean → segment → recognise → relate → resolve → emit.

:data:`PIPELINE` is the order of the components, as data: each is a plain
function ``component(doc) -> None`` that reads what the components before it
left on the :class:`~kg.model.Doc` and adds its own part. :func:`extract_page`
runs them on one page; :func:`extract_file` is the one per-file driver (used
by ``kg extract`` and by every ``kg build`` engine); :func:`extract_paths`
streams many files, one at a time, so memory does not grow with the corpus.

>>> from kg.model import Page
>>> recs = extract_page(Page("x.txt", "本报讯 3月2日，市长王大明到青禾科技有限公司调研。", "utf-8", "0" * 64,
...                          home="保定市"))
>>> sorted((r["subject"], r["predicate"], r["object"]) for r in recs if r["kind"] == "triple")[0]
('王大明', 'holdsPosition', '保定市政府')
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from kg.extract.emit import emit
from kg.extract.layout import split_list_lines
from kg.extract.read import ReadError, iter_paths, page_parts, read_pages, text_page
from kg.extract.recognise import Recogniser
from kg.extract.recognise.areas import find_home
from kg.extract.recognise.home import infer_home
from kg.extract.recognise.tagger import tag_texts
from kg.extract.relate import relate
from kg.extract.resolve import resolve_mentions
from kg.extract.resolve.campaigns import drop_weak_campaigns
from kg.extract.resolve.known_forms import add_known_forms
from kg.extract.resolve.people import type_people
from kg.extract.resolve.short_forms import link_short_forms
from kg.extract.resolve.triples import facts_to_triples
from kg.extract.segment import segment_page
from kg.model import Doc, Page
from kg.records import merge_records

# the statistical tagger is evidence beside the rules; docs/quality.md says what it lifts
STATISTICAL = False


def segment(doc: Doc) -> None:
    """Articles of the page; the home area as given (namesakes told apart by the text) or inferred."""
    page = doc.page
    doc.home = find_home(page.home, page.text) if page.home else infer_home(page.text)
    doc.articles = segment_page(page)
    for art in doc.articles:
        art.sentences = split_list_lines(art.sentences, page.text)


def recognise(doc: Doc) -> None:
    rec = doc.recogniser = Recogniser(doc.home)
    sentences = [s for art in doc.articles for s in art.all_sentences]
    spans = iter(tag_texts([s.text for s in sentences]) if doc.statistical else [()] * len(sentences))
    for art in doc.articles:
        text = "".join(s.text for s in art.all_sentences)
        for sent in art.all_sentences:
            sent.mentions = rec.sentence(sent, text, doc.page.text, next(spans))


def short_forms(doc: Doc) -> None:
    link_short_forms(doc.articles, doc.resolver)


PIPELINE: tuple[Callable[[Doc], None], ...] = (
    segment,               # clean lines, cut articles, bylines, sentences, dates
    recognise,             # mentions in every sentence
    type_people,           # Official or Person, from all titles of a name
    add_known_forms,       # names known on the page, found again; declared short forms
    drop_weak_campaigns,   # unquoted campaign names said only once
    resolve_mentions,      # mentions -> entities with canonical names
    relate,                # rules -> facts
    short_forms,           # short company / policy / campaign names fold into full ones
    facts_to_triples,      # facts -> one triple per fact, issuer precedence
    emit,                  # records of docs/format.md
)


def extract_page(page: Page, statistical: bool = STATISTICAL) -> list[dict]:
    """All records (articles, entities, triples) of one page; `statistical`: run the tagger too."""
    doc = Doc(page, statistical=statistical)
    for component in PIPELINE:
        component(doc)
    return doc.records


class FileRecords(NamedTuple):
    records: list[dict]       # merged, in record order
    sha256: str               # of the file's bytes


def extract_file(path: str, date: dt.date | None = None, home: str | None = None,
                 source: str | None = None, statistical: bool = STATISTICAL) -> FileRecords:
    """The merged records of one file (or '-' for stdin); ReadError if it cannot be read.

    `source` is the name the records give the file (default: `path` as given).
    """
    return _extract_pages(read_pages(path, date=date, home=home), source, statistical)


def extract_text(text: str, date: dt.date | None = None, home: str | None = None,
                 statistical: bool = STATISTICAL) -> FileRecords:
    """The merged records of a page's text given in memory (as a text file of it would give)."""
    return _extract_pages(page_parts(text_page(text, date, home)), None, statistical)


def extract_source(source, date: str | dt.date | None = None, home: str | None = None,
                   statistical: bool = STATISTICAL) -> list[dict]:
    """The records of a path (a ``pathlib.Path``, or a ``str`` naming a file) or of a text (any other
    ``str``): what :func:`kg.api.extract` and ``kg.extract(...)`` do."""
    when = dt.date.fromisoformat(date) if isinstance(date, str) else date
    if isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source
                                            and len(source) < MAX_PATH and os.path.isfile(source)):
        return extract_file(os.fspath(source), when, home, statistical=statistical).records
    if not isinstance(source, str):
        raise TypeError(f"extract() takes a text or a path, not {type(source).__name__}")
    return extract_text(source, when, home, statistical=statistical).records


MAX_PATH = 4096           # a longer str is a text, never a file name


def _extract_pages(pages: Iterable[Page], source: str | None, statistical: bool) -> FileRecords:
    records, sha = [], ""
    for page in pages:
        if source is not None:
            page.source = source
        sha = page.sha256
        records.extend(extract_page(page, statistical))
    return FileRecords(merge_records(records), sha)


def extract_paths(paths: list[str], date: dt.date | None = None, home: str | None = None,
                  on_error=None, pattern: str | None = None, statistical: bool = STATISTICAL
                  ) -> Iterator[tuple[str, list[dict]]]:
    """Yield (path, records) for every readable file; report others to ``on_error(path, ReadError)``."""
    for path in iter_paths(paths, pattern):
        try:
            records = extract_file(path, date, home, statistical=statistical).records
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
