"""`kg evaluate GOLD PRED` agrees with /work/shared/eval/score.py.

- On the seed page and every example page, the overall P/R/F1, the tp/fp/fn
  counts (summed over the per-type and per-predicate tables) and the dates
  figure equal those of score.py --json on the same prediction file.
- On random predictions built from the gold names (hypothesis), kg.evaluate.score
  and score.py's score() give exactly the same numbers.
- Bad GOLD/PRED paths give one error line naming the file and a non-zero exit.
"""
from __future__ import annotations

import importlib.util
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_helpers import (EXAMPLE_PAGES, ROOT, SCORE_PY, SEED_GOLD, example_params, extracted_file,
                         run_kg, score_py)
from kg.evaluate import SCORED_PREDICATES, TYPES, score

GOLDS = {p: (ROOT / "examples" / "gold" / (p.stem + ".json")) for p in EXAMPLE_PAGES}


def gold_path(page):
    return GOLDS.get(page, SEED_GOLD)


def parse_report(text: str) -> dict:
    """Overall figures and summed table counts of `kg evaluate` output."""
    last = text.strip().splitlines()[-1]
    m = re.fullmatch(r"entities P (\S+) R (\S+) F1 (\S+) \| triples P (\S+) R (\S+) F1 (\S+) \| dates (\d+)/(\d+)", last)
    assert m, last
    sums, section = {"entities by type": [0, 0, 0], "triples by predicate": [0, 0, 0]}, None
    for line in text.splitlines():
        if line in sums:
            section = line
        elif section and line.startswith("  "):
            *_, tp, fp, fn = line.split()
            sums[section] = [a + int(b) for a, b in zip(sums[section], (tp, fp, fn))]
    return {"entity": m.groups()[0:3], "triple": m.groups()[3:6], "dates": (int(m[7]), int(m[8])),
            "entity_counts": sums["entities by type"], "triple_counts": sums["triples by predicate"]}


@pytest.mark.parametrize("page,city,date", example_params(), ids=lambda x: getattr(x, "name", x))
def test_kg_evaluate_equals_score_py(page, city, date):
    pred = extracted_file(page, city, date)
    gold = gold_path(page)
    ref = score_py(gold, pred)
    res = run_kg("evaluate", gold, pred)
    assert res.returncode == 0, res.stderr.decode()
    ours = parse_report(res.stdout.decode("utf-8"))
    for part in ("entity", "triple"):
        r = ref[part]
        assert ours[part] == tuple(f"{r[k]:.2f}" for k in ("precision", "recall", "f1")), part
        assert ours[f"{part}_counts"] == [r["tp"], r["fp"], r["fn"]], part
    assert ours["dates"] == (ref["dates"]["correct"], ref["dates"]["of"])
    # the error listing names the same misses as score.py
    text = res.stdout.decode("utf-8")
    for name in ref["entity"]["missed"]:
        assert f"entity missed: {name}" in text
    for item in ref["triple"]["missed"]:
        assert f"triple missed: {item}" in text


# --- same numbers as score.py on random predictions -------------------------------

def _shared_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SHARED = _shared_scorer() if SCORE_PY.exists() else None
GOLD_DATA = [json.loads(p.read_text(encoding="utf-8")) for p in [SEED_GOLD, *GOLDS.values()] if p.exists()]
ALL_TYPES = list(TYPES) + ["Thing"]                     # an unknown type is ignored by both
ALL_PREDS = list(SCORED_PREDICATES) + ["partOf"]        # an unscored predicate too


@st.composite
def predictions(draw):
    gold = draw(st.sampled_from(GOLD_DATA))
    names = [n for e in gold["entities"] for n in [e["name"], *e.get("aliases", [])]]
    name = st.one_of(st.sampled_from(names), st.sampled_from(["甲某某", "《某某方案》", "某 某 区", "乙公司"]),
                     st.sampled_from(names).map(lambda n: f"《{n}》"))
    ents = draw(st.lists(st.fixed_dictionaries(
        {"kind": st.just("entity"), "name": name, "type": st.sampled_from(ALL_TYPES),
         "aliases": st.lists(name, max_size=2)}), max_size=40))
    # entities typed as in the gold, so that hits happen often
    ents += [{"kind": "entity", "name": e["name"], "type": e["type"], "aliases": []}
             for e in draw(st.lists(st.sampled_from(gold["entities"]), max_size=40))]
    gold_triples = st.sampled_from(gold["triples"]).map(
        lambda t: {"kind": "triple", "subject": t["s"], "predicate": t["p"], "object": t["o"], "date": t.get("date")})
    random_triples = st.fixed_dictionaries(
        {"kind": st.just("triple"), "subject": name, "predicate": st.sampled_from(ALL_PREDS), "object": name,
         "date": st.sampled_from([None, "2021-11-25", "2023-06-13"])})
    triples = draw(st.lists(st.one_of(gold_triples, random_triples), max_size=60))
    return gold, ents, triples


@pytest.mark.skipif(SHARED is None or not GOLD_DATA, reason="no /work/shared/eval/score.py")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(predictions())
def test_score_agrees_with_the_shared_scorer(case):
    gold, ents, triples = case
    ref = SHARED.score(gold, ents, triples)
    ours = score(gold, [*ents, *triples])
    for part in ("entity", "triple"):
        r = ref[part]
        assert ours[part] == (r["precision"], r["recall"], r["f1"]), part
        assert ours[f"{part}_counts"] == [r["tp"], r["fp"], r["fn"]], part
    assert ours["dates"] == (ref["dates"]["correct"], ref["dates"]["of"])


def test_perfect_prediction_scores_one():
    gold = GOLD_DATA[0]
    ents = [{"kind": "entity", "name": e["name"], "type": e["type"], "aliases": []} for e in gold["entities"]]
    triples = [{"kind": "triple", "subject": t["s"], "predicate": t["p"], "object": t["o"], "date": t.get("date")}
               for t in gold["triples"]]
    res = score(gold, ents + triples)
    assert res["entity"] == (1.0, 1.0, 1.0) and res["triple"] == (1.0, 1.0, 1.0)
    assert score(gold, [])["entity"] == (0.0, 0.0, 0.0)


# --- bad paths ----------------------------------------------------------------------

def _one_error(res, name) -> None:
    assert res.returncode != 0
    lines = [line for line in res.stderr.decode("utf-8").splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert str(name) in lines[0] and "Traceback" not in lines[0]
    assert res.stdout == b""


@pytest.fixture(scope="module")
def pred_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    p.write_text('{"kind": "entity", "name": "甲某某", "type": "Person"}\n', encoding="utf-8")
    return p


@pytest.mark.parametrize("content", [None, "not json", "[1, 2]", '{"entities": [{"type": "Person"}], "triples": []}',
                                     '{"entities": [], "triples": [{"s": "甲"}]}', "dir"])
def test_bad_gold_is_one_line_naming_it(tmp_path, pred_file, content):
    gold = tmp_path / "gold.json"
    if content == "dir":
        gold.mkdir()
    elif content is not None:
        gold.write_text(content, encoding="utf-8")
    _one_error(run_kg("evaluate", gold, pred_file), gold)


@pytest.mark.parametrize("content", [None, '{"kind": "entity"}\nnot json\n', "[1]\n"])
def test_bad_pred_is_one_line_naming_it(tmp_path, content):
    pred = tmp_path / "pred.jsonl"
    if content is not None:
        pred.write_text(content, encoding="utf-8")
    _one_error(run_kg("evaluate", SEED_GOLD, pred), pred)
