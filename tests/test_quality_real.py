"""The bar on real text: the 60 real articles of ../shared/corpus/real, scored with the
shared scorer against ../shared/gold/real, micro over all of them.

    entity F1 >= 0.90, triple F1 >= 0.80, triple precision >= 0.90,
    dates right on >= 95 % of the matched dated triples

The articles are third-party text kept in ../shared; they are read in place and
nothing of them is copied into the project. A failure prints the articles that
score lowest, to start from.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json

import pytest

from kg.extract.pipeline import extract_file
from real_parts import ROOT, missing

SHARED = ROOT.parent / "shared"
GOLD = sorted((SHARED / "gold" / "real").glob("*.json"))
ENTITY_F1, TRIPLE_F1, TRIPLE_P, DATES = 0.90, 0.80, 0.90, 0.95


def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores():
    if not GOLD:
        missing(f"{SHARED / 'gold' / 'real'}: no reference annotations")
    scorer, out = _scorer(), {}
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        records = extract_file(str(SHARED / gold["document"]), dt.date.fromisoformat(gold["published"]),
                               gold.get("city")).records
        out[g.stem] = scorer.score(gold, [r for r in records if r["kind"] == "entity"],
                                   [r for r in records if r["kind"] == "triple"])
    return scorer, out


def _micro(scorer, scores, part):
    tp, fp, fn = (sum(s[part][k] for s in scores.values()) for k in ("tp", "fp", "fn"))
    return scorer.prf(tp, fp, fn)


def _worst(scores, part, n=5):
    ranked = sorted(scores.items(), key=lambda kv: kv[1][part]["f1"])[:n]
    return ", ".join(f"{k} {v[part]['f1']:.2f}" for k, v in ranked)


def test_real_text_entities(scores):
    scorer, by_article = scores
    p, r, f = _micro(scorer, by_article, "entity")
    assert f >= ENTITY_F1, f"entity P {p:.3f} R {r:.3f} F1 {f:.3f}; lowest: {_worst(by_article, 'entity')}"


def test_real_text_triples(scores):
    scorer, by_article = scores
    p, r, f = _micro(scorer, by_article, "triple")
    assert f >= TRIPLE_F1 and p >= TRIPLE_P, \
        f"triple P {p:.3f} R {r:.3f} F1 {f:.3f}; lowest: {_worst(by_article, 'triple')}"


def test_real_text_dates(scores):
    _scorer_module, by_article = scores
    right = sum(s["dates"]["correct"] for s in by_article.values())
    of = sum(s["dates"]["of"] for s in by_article.values())
    assert of and right / of >= DATES, f"dates right on {right} of {of} matched dated triples"
