"""Offices with their time: tenures read off a graph's holdsPosition facts and the articles' dates.

A news page does not date an office; it shows a person with a title on the
day it was printed. A **tenure** gathers every reading of one (person,
title, body) and keeps the first and last publication dates the corpus shows
it on, the number of articles, and the evidence (the triple ids):

- an acting title (代理区长, 代区长) is a tenure of its own, marked ``acting``:
  an acting period is not the office held;
- a former one (原区长, 前任区长) does not extend a tenure: it is counted in
  ``former`` and gives no date;
- a reading from an undated article counts in ``articles`` and gives no date.

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

from kg.extract import lexicon as L

KIND = "tenure"


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


def tenure_id(person_id: str, title: str, body_id: str | None, acting: bool) -> str:
    key = f"{person_id}|{title}|{body_id or ''}|{'acting' if acting else ''}"
    return "u-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


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
    for (person_id, title, body_id, acting), readings in groups.items():
        first_rec = readings[0][0]
        current = [r for r, former in readings if not former]
        seen = sorted(d for d in (dates.get(r.get("article")) for r in current) if d)
        out.append({
            "kind": KIND, "id": tenure_id(person_id, title, body_id, acting),
            "person_id": person_id, "person": first_rec.get("subject"), "title": title, "acting": acting,
            "body_id": body_id, "body": first_rec.get("object"),
            "first": seen[0] if seen else None, "last": seen[-1] if seen else None,
            "articles": len({r.get("article") for r in current}),
            "former": len({r.get("article") for r, former in readings if former}),
            "evidence": sorted(r["id"] for r, _ in readings),
        })
    return sorted(out, key=lambda t: (t["person"] or "", t["person_id"], t["first"] or "9999", t["title"]))


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
