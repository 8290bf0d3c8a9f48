"""The quality bar: entity F1 >= 0.90 and triple F1 >= 0.85 by /work/shared/eval/score.py.

    kg extract PAGE --city CITY [--date DATE] --format jsonl -o out.jsonl
    python /work/shared/eval/score.py GOLD out.jsonl --json

on the seed page (--date 2021-11-26 --city 沧州市) and on every example page
(its city from the gold file, its date from the file name). A failure prints
what score.py found missing and false.
"""
from __future__ import annotations

import pytest

from cli_helpers import ROOT, SEED_GOLD, example_params, extracted_file, score_py

ENTITY_F1 = 0.90
TRIPLE_F1 = 0.85


def gold_of_page(page):
    gold = ROOT / "examples" / "gold" / (page.stem + ".json")
    return gold if gold.exists() else SEED_GOLD


@pytest.mark.parametrize("page,city,date", example_params(), ids=lambda x: getattr(x, "name", x))
def test_quality_bar(page, city, date):
    res = score_py(gold_of_page(page), extracted_file(page, city, date))
    e, t = res["entity"], res["triple"]
    detail = (f"entity F1 {e['f1']:.3f} (missed {e['missed']}, false {e['false_positive']}, "
              f"wrong type {e['wrong_type']}, duplicate {e['duplicate']}); "
              f"triple F1 {t['f1']:.3f} (missed {t['missed']}, false {t['false_positive']})")
    assert e["f1"] >= ENTITY_F1, detail
    assert t["f1"] >= TRIPLE_F1, detail
