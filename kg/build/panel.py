"""The researcher's panel: one row per official and period, with what they did and the office they held.

Political scientists code such tables by hand from the same newspapers:
how often each official visited, how many areas and enterprises, which
campaigns and policies they inspected, month by month, beside the office
the pages show them in that month (:mod:`kg.build.tenures`: a tenure whose
first..last dates overlap the period, and the offices the reporting article
itself gives them).

A fact's period is its own date (a visit's day) or else its article's
publication date; facts with neither are left out (and counted).

>>> recs = [{"kind": "entity", "id": "e-o", "name": "王某", "type": "Official"},
...         {"kind": "entity", "id": "e-a", "name": "甲区", "type": "AdministrativeArea"},
...         {"kind": "triple", "id": "t-1", "predicate": "visited", "subject_id": "e-o", "subject": "王某",
...          "object_id": "e-a", "object": "甲区", "date": "2021-03-02"}]
>>> rows, undated = panel(recs)
>>> rows[0]["period"], rows[0]["visits"], rows[0]["areas"], undated
('2021-03', 1, 1, 0)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kg.build.tenures import tenures

PERIODS = {"month": 7, "year": 4}          # how much of YYYY-MM-DD names the period
COLUMNS = ("official", "official_id", "period", "office", "visits", "areas", "enterprises", "places",
           "inspections", "campaigns", "policies")
VISIT_KINDS = {"AdministrativeArea": "areas", "Enterprise": "enterprises", "Place": "places"}
INSPECTED_KINDS = {"Campaign": "campaigns", "Policy": "policies"}


def period_of(date: str | None, by: str) -> str | None:
    return date[:PERIODS[by]] if date else None


def panel(records: Iterable[dict], by: str = "month") -> tuple[list[dict], int]:
    """(rows by official then period, how many official facts had no date)."""
    records = list(records)
    types = {r["id"]: r["type"] for r in records if r.get("kind") == "entity"}
    names = {r["id"]: r["name"] for r in records if r.get("kind") == "entity"}
    published = {r["id"]: r.get("date") for r in records if r.get("kind") == "article"}
    cells: dict[tuple[str, str], dict] = defaultdict(
        lambda: {"visits": 0, "inspections": 0, "objects": defaultdict(set), "articles": set()})
    undated = 0
    for t in records:
        if t.get("kind") != "triple" or t["predicate"] not in ("visited", "inspected") \
                or types.get(t["subject_id"]) != "Official":
            continue
        period = period_of(t.get("date") or published.get(t.get("article")), by)
        if period is None:
            undated += 1
            continue
        cell = cells[(t["subject_id"], period)]
        cell["articles"].add(t.get("article"))
        cell["visits" if t["predicate"] == "visited" else "inspections"] += 1
        kinds = VISIT_KINDS if t["predicate"] == "visited" else INSPECTED_KINDS
        if types.get(t["object_id"]) in kinds:
            cell["objects"][kinds[types[t["object_id"]]]].add(t["object_id"])
    all_tenures = tenures(records)
    offices, stated = _offices(all_tenures, by), _stated(all_tenures, records)
    rows = []
    for (oid, period), cell in sorted(cells.items(), key=lambda kv: (names.get(kv[0][0], ""), kv[0])):
        held = [*offices.get((oid, period), ())]
        held += [o for a in sorted(cell["articles"], key=str) for o in stated.get((oid, a), ()) if o not in held]
        row = {"official": names.get(oid, oid), "official_id": oid, "period": period,
               "office": "；".join(held), "visits": cell["visits"],
               "inspections": cell["inspections"]}
        row |= {col: len(cell["objects"][col]) for col in (*VISIT_KINDS.values(), *INSPECTED_KINDS.values())}
        rows.append(row)
    return rows, undated


def _label(t: dict) -> str:
    return f"{'代' if t['acting'] else ''}{t['title']}（{t['body'] or '?'}）"


def _stated(all_tenures: list[dict], records: list[dict]) -> dict[tuple[str, str], list[str]]:
    """(person id, article) -> the offices that article gives the person (the report of a visit names it)."""
    article_of = {r["id"]: r.get("article") for r in records if r.get("kind") == "triple"}
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in all_tenures:
        for tid in t["evidence"]:
            key = (t["person_id"], article_of.get(tid))
            if _label(t) not in out[key]:
                out[key].append(_label(t))
    return out


def _offices(all_tenures: list[dict], by: str) -> dict[tuple[str, str], list[str]]:
    """(person id, period) -> the offices whose first..last overlaps the period, as 书记（保定市委）."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in all_tenures:
        if not t["first"]:
            continue
        label = _label(t)
        for period in _periods_between(t["first"], t["last"], by):
            if label not in out[(t["person_id"], period)]:
                out[(t["person_id"], period)].append(label)
    return out


def _periods_between(first: str, last: str, by: str) -> list[str]:
    """The months (or years) from the one of `first` to the one of `last`."""
    if by == "year":
        return [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
