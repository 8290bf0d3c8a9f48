#!/usr/bin/env python3
"""Check the reference annotations in examples/gold/ and self-score them.

For every gold file this checks that
- it loads and has the keys of /work/shared/gold/seed-page.json;
- entity types and predicates are known, each triple's subject and object
  types fit its predicate (the guideline's relation table), dates are ISO and not after the
  publication date;
- every triple's s/o is the name or an alias of an entity in the same file,
  and no name/alias (after the scorer's normalisation) points at two entities;
- every entity is found in its page text (line breaks and spaces removed),
  through its name or an alias, unless it is only implied by an office
  (the object of a holdsPosition, e.g. 某某县政府 from 县长);
- every required Official holds some position;
- examples/pages-gbk/* and examples/sample/* are copies of examples/pages/*;
then converts the gold to prediction format (what `kg extract --format jsonl`
writes) and runs the shared scorer on it, which must report F1 1.00 for
entities and triples.

usage: scripts/check_gold.py [GOLD.json ...] [--pred-dir DIR]
       (default: examples/gold/*.json; predictions go to a temp dir)
Example: .venv/bin/python scripts/check_gold.py
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
TYPES = {"Official", "Journalist", "Person", "AdministrativeArea", "Place",
         "Enterprise", "Organization", "Policy", "Campaign"}
AREA_OR_SITE = {"AdministrativeArea", "Place"}
# subject types -> object types, from the relation table of the guideline
PREDICATES = {
    "visited": ({"Official"}, AREA_OR_SITE | {"Enterprise", "Organization"}),
    "holdsPosition": ({"Official", "Person"}, {"Organization", "Enterprise"}),
    "issued": ({"Organization", "AdministrativeArea"}, {"Policy"}),
    "appliesTo": ({"Policy"}, {"AdministrativeArea"}),
    "locatedIn": ({"Enterprise", "Place", "Organization", "AdministrativeArea"}, AREA_OR_SITE),
    "subsidiaryOf": ({"Enterprise"}, {"Enterprise"}),
    "inspected": ({"Official"}, {"Campaign", "Policy"}),
    "partOf": ({"AdministrativeArea"}, {"AdministrativeArea"}),
}


def norm(name):
    """The scorer's name normalisation: NFKC, no quotes/book marks/space.

    >>> norm("《沧州市方案（2021-2025年）》")
    '沧州市方案(2021-2025年)'
    """
    s = unicodedata.normalize("NFKC", str(name or ""))
    return re.sub(r"[\s《》〈〉「」『』\"'“”‘’]", "", s)


def check(gold_path):
    """Problems found in one gold file, as a list of strings."""
    problems = []
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot load: {exc}"]
    for key in ("document", "published", "city", "entities", "triples"):
        if key not in gold:
            problems.append(f"missing key {key!r}")
    if problems:
        return problems
    published = gold["published"]
    page = (Path(gold_path).parent.parent / gold["document"])
    text = norm(page.read_text(encoding="utf-8")) if page.exists() else None
    if text is None:
        problems.append(f"page {page} not found")

    index = {}
    for i, e in enumerate(gold["entities"]):
        if e.get("type") not in TYPES:
            problems.append(f"entity {e.get('name')}: bad type {e.get('type')}")
        for n in [e["name"], *e.get("aliases", [])]:
            k = norm(n)
            if k in index and index[k] != i:
                problems.append(f"name {n!r} names both {gold['entities'][index[k]]['name']} and {e['name']}")
            index.setdefault(k, i)

    holders, office_bodies = set(), set()
    for t in gold["triples"]:
        where = f"triple {t.get('s')} {t.get('p')} {t.get('o')}"
        if t.get("p") not in PREDICATES:
            problems.append(f"{where}: unknown predicate")
        for end, k in (("s", 0), ("o", 1)):
            i = index.get(norm(t.get(end)))
            if i is None:
                problems.append(f"{where}: {end} is no entity name or alias")
            elif t.get("p") in PREDICATES and gold["entities"][i]["type"] not in PREDICATES[t["p"]][k]:
                problems.append(f"{where}: {end} has type {gold['entities'][i]['type']}")
        date = t.get("date")
        if date is not None:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                problems.append(f"{where}: date {date!r} is not ISO")
            elif date > published:
                problems.append(f"{where}: date {date} after publication {published}")
        if t.get("p") == "holdsPosition":
            holders.add(index.get(norm(t["s"])))
            office_bodies.add(index.get(norm(t["o"])))
            if not t.get("title"):
                problems.append(f"{where}: holdsPosition without title")

    for i, e in enumerate(gold["entities"]):
        if e["type"] == "Official" and not e.get("optional") and i not in holders:
            problems.append(f"Official {e['name']} holds no position")
        if text is not None and i not in office_bodies:
            if not any(norm(n) in text for n in [e["name"], *e.get("aliases", [])]):
                problems.append(f"entity {e['name']} not found in {page.name}")
    return problems


def check_copies(examples):
    """The GB18030 pages and the sample must be copies of pages/ (same text)."""
    problems = []
    for path in sorted((examples / "pages-gbk").glob("*.txt")):
        twin = examples / "pages" / path.name
        if not twin.exists() or path.read_bytes().decode("gb18030") != twin.read_text(encoding="utf-8"):
            problems.append(f"{path}: not a GB18030 copy of {twin}")
    for path in sorted((examples / "sample").glob("*.txt")):
        twin = examples / "pages" / path.name
        if twin.exists() and path.read_text(encoding="utf-8") != twin.read_text(encoding="utf-8"):
            problems.append(f"{path}: differs from {twin}")
    return problems


def gold_as_pred(gold):
    """The gold annotation as prediction records (kind entity / triple)."""
    for e in gold["entities"]:
        yield {"kind": "entity", "name": e["name"], "type": e["type"],
               "aliases": e.get("aliases", [])}
    for t in gold["triples"]:
        yield {"kind": "triple", "subject": t["s"], "predicate": t["p"],
               "object": t["o"], "date": t.get("date"), "title": t.get("title")}


def self_score(gold_path, pred_dir):
    """Run the shared scorer on the gold's own conversion; return its summary line."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    pred = Path(pred_dir) / (Path(gold_path).stem + ".jsonl")
    with open(pred, "w", encoding="utf-8") as fh:
        for rec in gold_as_pred(gold):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SCORER), str(gold_path), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1], out


def main(argv):
    args = argv[1:]
    pred_dir = None
    if "--pred-dir" in args:
        k = args.index("--pred-dir")
        pred_dir = args[k + 1]
        del args[k:k + 2]
        Path(pred_dir).mkdir(parents=True, exist_ok=True)
    paths = [Path(a) for a in args] or sorted((ROOT / "examples" / "gold").glob("*.json"))
    copies = check_copies(ROOT / "examples")
    for p in copies:
        print(p)
    failed = bool(copies)
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            problems = check(path)
            for p in problems:
                print(f"{path.name}: {p}")
            summary, full = self_score(path, pred_dir or tmp)
            perfect = "entities P 1.00 R 1.00 F1 1.00" in summary and "triples P 1.00 R 1.00 F1 1.00" in summary
            if not perfect:
                print(full)
            gold = json.loads(path.read_text(encoding="utf-8"))
            req_e = sum(not e.get("optional") for e in gold["entities"])
            req_t = sum(not t.get("optional") and t["p"] != "partOf" for t in gold["triples"])
            print(f"{path.name}: {len(gold['entities'])} entities ({req_e} required), "
                  f"{len(gold['triples'])} triples ({req_t} required) | self-score: {summary}")
            failed |= bool(problems) or not perfect
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv)
