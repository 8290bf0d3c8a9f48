"""Scoring against a reference annotation, with the rules of shared/eval/score.py.

Names are compared after NFKC folding with book-title marks, quotes and
white space removed; a prediction matches a reference entity through its name
or any alias; optional reference items are neither required nor penalised;
two predictions landing on one reference entity count once as a hit and once
as a false positive. On top of the overall figures this reports P/R/F1 per
entity type and per predicate.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

from kg.vocab import ENTITY_TYPES as TYPES
from kg.vocab import PREDICATES as SCORED_PREDICATES


def norm(name) -> str:
    """A name as the scorer compares it.

    >>> norm("《某某 方案》")
    '某某方案'
    """
    s = unicodedata.normalize("NFKC", str(name or ""))
    return re.sub(r"[\s《》〈〉「」『』\"'“”‘’]", "", s)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict, preds: list[dict]) -> dict:
    """Overall and per-type scores of predicted records against a gold annotation."""
    ents = [r for r in preds if r.get("kind") == "entity" and r.get("type") in TYPES]
    triples = [r for r in preds if r.get("kind") == "triple" and r.get("predicate") in SCORED_PREDICATES]
    index: dict[str, int] = {}
    for i, e in enumerate(gold["entities"]):
        for name in [e["name"], *e.get("aliases", [])]:
            index.setdefault(norm(name), i)
    errors: dict[str, list] = defaultdict(list)
    by_type = _score_entities(gold["entities"], ents, index, errors)
    by_pred, dates = _score_triples(gold["triples"], triples, index, errors)
    total = lambda table: [sum(v[i] for v in table.values()) for i in range(3)]  # noqa: E731
    return {
        "entity": prf(*total(by_type)), "entity_counts": total(by_type),
        "triple": prf(*total(by_pred)), "triple_counts": total(by_pred),
        "by_type": {k: prf(*v) + tuple(v) for k, v in sorted(by_type.items())},
        "by_predicate": {k: prf(*v) + tuple(v) for k, v in sorted(by_pred.items())},
        "dates": dates, "errors": dict(errors),
    }


def _score_entities(gents: list[dict], ents: list[dict], index: dict, errors: dict) -> dict:
    """[tp, fp, fn] by entity type; what went wrong into `errors`."""
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    hit: set[int] = set()
    for e in ents:
        names = [e.get("name"), *e.get("aliases", [])]
        gi = next((index[norm(n)] for n in names if norm(n) in index), None)
        g = gents[gi] if gi is not None else None
        if g is not None and g.get("optional"):
            continue
        wrong = ("entity false_positive", f"{e.get('name')}/{e['type']}") if g is None else \
            ("entity wrong_type", f"{e.get('name')}/{e['type']} (ref {g['type']})") if e["type"] != g["type"] else \
            ("entity duplicate", e.get("name")) if gi in hit else None
        if wrong:
            errors[wrong[0]].append(wrong[1])
            by_type[e["type"]][1] += 1
            continue
        hit.add(gi)
        by_type[e["type"]][0] += 1
    for i, g in enumerate(gents):
        if not g.get("optional") and i not in hit:
            errors["entity missed"].append(g["name"])
            by_type[g["type"]][2] += 1
    return by_type


def _score_triples(gtriples: list[dict], triples: list[dict], index: dict, errors: dict) -> tuple[dict, tuple]:
    """[tp, fp, fn] by predicate and (right dates, dated matches); what went wrong into `errors`."""
    def key(s, p, o):
        return (index.get(norm(s), "?" + norm(s)), p, index.get(norm(o), "?" + norm(o)))

    gold_t = {key(t["s"], t["p"], t["o"]): t for t in gtriples}
    by_pred: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    got, dates_ok, dates_n = set(), 0, 0
    for t in triples:
        k = key(t.get("subject"), t["predicate"], t.get("object"))
        g = gold_t.get(k)
        if g is None:
            errors["triple false_positive"].append(f"{t.get('subject')} {t['predicate']} {t.get('object')}")
            by_pred[t["predicate"]][1] += 1
            continue
        if g.get("optional") or k in got:
            continue
        got.add(k)
        by_pred[t["predicate"]][0] += 1
        if g.get("date"):
            dates_n += 1
            dates_ok += t.get("date") == g["date"]
    for t in gtriples:
        if not t.get("optional") and t["p"] in SCORED_PREDICATES and key(t["s"], t["p"], t["o"]) not in got:
            errors["triple missed"].append(f"{t['s']} {t['p']} {t['o']}")
            by_pred[t["p"]][2] += 1
    return by_pred, (dates_ok, dates_n)


def format_report(result: dict, verbose: bool = True) -> str:
    lines = []
    if verbose:
        for what, items in result["errors"].items():
            lines += [f"{what}: {item}" for item in items]
    lines.append(f"{'':20} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}")
    for title, table in (("entities by type", result["by_type"]), ("triples by predicate", result["by_predicate"])):
        lines.append(title)
        for k, (p, r, f, tp, fp, fn) in table.items():
            lines.append(f"  {k:18} {p:5.2f} {r:5.2f} {f:5.2f} {tp:4} {fp:4} {fn:4}")
    e, t, (dok, dn) = result["entity"], result["triple"], result["dates"]
    lines.append(f"entities P {e[0]:.2f} R {e[1]:.2f} F1 {e[2]:.2f} | triples P {t[0]:.2f} R {t[1]:.2f} "
                 f"F1 {t[2]:.2f} | dates {dok}/{dn}")
    return "\n".join(lines)


def load_gold(path: str) -> dict:
    """A reference annotation; a ValueError naming `path` when it is not one.

    >>> load_gold("/nonexistent.json")
    Traceback (most recent call last):
    ValueError: /nonexistent.json: cannot read the reference annotation: No such file or directory
    """
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the reference annotation: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: the reference annotation is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(gold, dict) or "entities" not in gold or "triples" not in gold:
        raise ValueError(f"{path}: not a reference annotation (needs 'entities' and 'triples')")
    for what, fields in (("entities", ("name", "type")), ("triples", ("s", "p", "o"))):
        items = gold[what]
        if not isinstance(items, list):
            raise ValueError(f"{path}: '{what}' is not a list")
        for n, item in enumerate(items):
            if not isinstance(item, dict) or any(f not in item for f in fields):
                raise ValueError(f"{path}: {what}[{n}] lacks one of {', '.join(fields)}")
    return gold
