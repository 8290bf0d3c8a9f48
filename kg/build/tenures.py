"""Offices with their time: tenures read off a graph's holdsPosition facts and the articles' dates.

A news page does not date an office; it shows a person with a title on the
day it was printed. A **tenure** gathers every reading of one (person,
title, body) and keeps the first and last publication dates the corpus shows
it on, the number of articles, and the evidence (the triple ids):

- an acting title (代理区长, 代区长) is a tenure of its own, marked ``acting``:
  an acting period is not the office held;
- a former one (原区长, 前任区长) does not extend a tenure: it is counted in
  ``former`` and gives no date;
- a reading from an undated article counts in ``articles`` and gives no date;
- an appointment (任命, 当选, 提名: the triple's ``change`` is ``start``) gives
  ``appointed``; a 免去 or 辞去 (``end``) gives ``ended`` and closes the term:
  the office seen again later is a new tenure.

>>> recs = [
...   {"kind": "article", "id": "a-1", "date": "2021-03-02"}, {"kind": "article", "id": "a-2", "date": "2022-01-05"},
...   {"kind": "triple", "id": "t-1", "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某",
...    "object_id": "e-b", "object": "某市政府", "title": "代理市长", "article": "a-1"},
...   {"kind": "triple", "id": "t-2", "predicate": "holdsPosition", "subject_id": "e-p", "subject": "王某",
...    "object_id": "e-b", "object": "某市政府", "title": "市长", "article": "a-2"}]
>>> [(t["title"], t["acting"], t["first"], t["last"]) for t in tenures(recs)]
[('市长', True, '2021-03-02', '2021-03-02'), ('市长', False, '2022-01-05', '2022-01-05')]
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from kg.extract import lexicon as L
from kg.records import atomic_writer, dumps, read_records, sort_records
from kg.vocab import OFFICE_END, OFFICE_START

KIND = "tenure"
TENURE_LINE = '{"kind": "tenure"'        # how kg.records.dumps begins a tenure's line


def base_title(title: str) -> tuple[str, bool, bool]:
    """(the office, acting?, former?) of a title as written; a prefix counts only before a known title.

    >>> base_title("代理区长"), base_title("原局长"), base_title("区长"), base_title("代表团团长")
    (('区长', True, False), ('局长', False, True), ('区长', False, False), ('代表团团长', False, False))
    """
    for prefixes, acting, former in ((L.FORMER_PREFIXES, False, True), (L.ACTING_PREFIXES, True, False)):
        for prefix in prefixes:
            if title.startswith(prefix) and _is_title(title[len(prefix):]):
                return title[len(prefix):], acting, former
    return title, False, False


def _is_title(word: str) -> bool:
    """A title of kg's lists (市长, 副局长): 代表 is no acting 表, 原平县长 no former 平县长."""
    return word in L.TITLE_SET


def tenure_id(person_id: str, title: str, body_id: str | None, acting: bool, since: str | None = None) -> str:
    """A tenure's id: its person, office, body and kind; `since` (its first date) for a second tenure of
    the same office (held again after a 免去)."""
    key = f"{person_id}|{title}|{body_id or ''}|{'acting' if acting else ''}" + (f"|{since}" if since else "")
    return "u-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _terms(readings: list[tuple[dict, str | None]]) -> list[list[tuple[dict, str | None]]]:
    """The dated readings of one office cut into terms: an ``end`` reading (免去) closes a term, and a
    reading after it opens the next; an appointment while the term runs (re-elected) continues it."""
    order = {OFFICE_START: 0, None: 1, OFFICE_END: 2}
    terms: list[list] = []
    closed = True
    for rec, date in sorted(readings, key=lambda r: (r[1], order.get(r[0].get("change"), 1))):
        if closed:
            terms.append([])
        terms[-1].append((rec, date))
        closed = rec.get("change") == OFFICE_END
    return terms


def _tenure(key: tuple, term: list, undated: list, former: list, index: int) -> dict:
    person_id, title, body_id, acting = key
    first_rec = term[0][0] if term else undated[0][0] if undated else former[0]
    seen = sorted(d for _, d in term)
    starts = [d for r, d in term if r.get("change") == OFFICE_START]
    ends = [d for r, d in term if r.get("change") == OFFICE_END]
    return {
        "kind": KIND, "id": tenure_id(person_id, title, body_id, acting, seen[0] if index and seen else None),
        "person_id": person_id, "person": first_rec.get("subject"), "title": title, "acting": acting,
        "body_id": body_id, "body": first_rec.get("object"),
        "first": seen[0] if seen else None, "last": seen[-1] if seen else None,
        "appointed": starts[0] if starts else None, "ended": ends[-1] if ends else None,
        "articles": len({r.get("article") for r, _ in (*term, *undated)}),
        "former": len({r.get("article") for r in former}),
        "sources": sorted({r.get("article") for r, _ in (*term, *undated) if r.get("article")}),
        "evidence": sorted(r["id"] for r, _ in (*term, *undated)) + sorted(r["id"] for r in former),
    }


def tenures(records: Iterable[dict]) -> list[dict]:
    """The tenure records of a graph's records, ordered by person, first date, title."""
    dates, groups = {}, defaultdict(list)
    for rec in records:
        if rec.get("kind") == "article":
            dates[rec["id"]] = rec.get("date")
        elif rec.get("kind") == "triple" and rec.get("predicate") == "holdsPosition" and rec.get("title"):
            title, acting, former = base_title(rec["title"])
            groups[(rec["subject_id"], title, rec.get("object_id"), acting)].append((rec, former))
    out = []
    for key, readings in groups.items():
        current = [(r, rec_date) for r, former in readings if not former
                   for rec_date in [dates.get(r.get("article"))]]
        dated = [(r, d) for r, d in current if d]
        undated = [(r, d) for r, d in current if not d]
        former = [r for r, was in readings if was]
        for index, term in enumerate(_terms(dated) or [[]]):
            out.append(_tenure(key, term, undated if index == 0 else [], former if index == 0 else [], index))
    _add_predecessors(out)
    return sorted(out, key=lambda t: (t["person"] or "", t["person_id"], t["first"] or "9999", t["title"]))


def _add_predecessors(found: list[dict]) -> None:
    """`follows`: the tenure of the same office (title and body) that another holder, not acting, began
    last before this one began (the first such by holder's name and id when several began that day)."""
    offices = defaultdict(list)
    for t in found:
        if t["first"]:
            offices[(t["title"], t["body_id"])].append(t)
    for terms in offices.values():
        terms.sort(key=lambda t: (t["first"], t["person"] or "", t["id"]))
        for i, t in enumerate(terms):
            earlier = [u for u in terms[:i] if u["first"] < t["first"] and not u["acting"]
                       and u["person_id"] != t["person_id"]]
            if earlier:
                latest = earlier[-1]["first"]
                t["follows"] = next(u["id"] for u in earlier if u["first"] == latest)


def add_tenures(path: Path) -> int:
    """Rewrite a records file (atomically) with its tenure records after the rest; return how many."""
    found = tenures(r for r in read_records(path) if r.get("kind") != KIND)
    with atomic_writer(path) as out, open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith(TENURE_LINE):
                out.write(line)
        for rec in sort_records(found):
            out.write(dumps(rec) + "\n")
    return len(found)


def held_on(all_tenures: list[dict], title: str, body: str | None, on: str) -> dict:
    """Who held `title` (of `body`, a name, if given) on the date `on` (YYYY-MM-DD), as far as the pages show.

    Returns {"held": tenures whose first..last spans the date, "before": the
    latest one seen only before it, "after": the earliest seen only after it}.
    """
    mine = [t for t in all_tenures if t["title"] == title and (body is None or t["body"] == body) and t["first"]]
    held = [t for t in mine if t["first"] <= on <= t["last"]]
    before = max((t for t in mine if t["last"] < on), key=lambda t: t["last"], default=None)
    after = min((t for t in mine if t["first"] > on), key=lambda t: t["first"], default=None)
    return {"held": held, "before": before, "after": after}


def successions(all_tenures: list[dict], title: str, body: str | None = None) -> list[dict]:
    """The tenures of one office in the order they begin (who followed whom), the undated ones last."""
    mine = [t for t in all_tenures if t["title"] == title and (body is None or t["body"] == body)]
    return sorted(mine, key=lambda t: (t["first"] or "9999", t["last"] or "9999", t["person"] or ""))


def career(all_tenures: list[dict], name: str) -> dict[str, list[dict]]:
    """The tenures of every person called `name`, by person id (namesakes apart), in date order."""
    out: dict[str, list[dict]] = defaultdict(list)
    for t in all_tenures:
        if t["person"] == name:
            out[t["person_id"]].append(t)
    return {pid: sorted(ts, key=lambda t: (t["first"] or "9999", t["title"])) for pid, ts in sorted(out.items())}
