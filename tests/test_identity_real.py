"""Identity on real text: `kg build` of the 60 real articles of ../shared/corpus/real keeps apart the
people the references keep apart, and keeps together those they show as one.

The references annotate each article alone; a name two of them give an office is judged
across articles by where the articles report from (the reference's `city`): two different areas,
neither inside the other, are two people; one area is one person. Articles the references give
no office to the name are not judged (docs/identity.md says what the build does with them).
The articles are read in place; nothing of them is copied into the project.
"""
from __future__ import annotations

import json
from collections import defaultdict
from itertools import combinations

import pytest

from cli_helpers import run_kg
from kg.build.seats import agree
from kg.extract.recognise.areas import find_home
from kg.records import read_records
from real_parts import ROOT, missing

SHARED = ROOT.parent / "shared"
GOLD = sorted((SHARED / "gold" / "real").glob("*.json"))


def judged_pairs() -> tuple[list[tuple], list[tuple]]:
    """(name, doc, doc) the references keep apart, and those they show as one person."""
    offices = defaultdict(dict)         # name -> {doc file: its area code}
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        area = find_home(gold.get("city") or "")
        holders = {t["s"] for t in gold["triples"] if t["p"] == "holdsPosition"}
        for name in holders:
            if area is not None and area.code:
                offices[name][gold["document"].rsplit("/", 1)[-1]] = area.code
    apart, together = [], []
    for name, docs in offices.items():
        for (d1, c1), (d2, c2) in combinations(sorted(docs.items()), 2):
            (together if agree(c1, c2) else apart).append((name, d1, d2))
    return apart, together


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not GOLD:
        missing(f"{SHARED / 'gold' / 'real'}: no reference annotations")
    out = tmp_path_factory.mktemp("real") / "graph"
    res = run_kg("build", *sorted((SHARED / "corpus" / "real").glob("d*.txt")), "--out", out, "--no-html", "-q")
    assert res.returncode == 0, res.stderr
    records = list(read_records(out))
    source = {r["id"]: r["source"].rsplit("/", 1)[-1] for r in records if r["kind"] == "article"}
    docs = defaultdict(list)                 # name -> [set of docs of each entity of that name]
    for r in records:
        if r["kind"] == "entity" and r["type"] in ("Official", "Person"):
            docs[r["name"]].append({source[a] for a in r.get("articles") or ()})
    return docs


def test_no_two_people_the_references_keep_apart_are_merged(built):
    apart, _ = judged_pairs()
    assert apart, "the references hold no namesakes to judge"
    merged = [(n, d1, d2) for n, d1, d2 in apart if any({d1, d2} <= docs for docs in built.get(n, ()))]
    assert merged == []


def test_one_person_in_one_area_stays_one(built):
    _, together = judged_pairs()
    assert together, "the references hold no person seen twice in one area"
    split = [(n, d1, d2) for n, d1, d2 in together
             if any(d1 in docs for docs in built.get(n, ())) and any(d2 in docs for docs in built.get(n, ()))
             and not any({d1, d2} <= docs for docs in built.get(n, ()))]
    assert split == []
