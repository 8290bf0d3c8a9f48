"""Write a gold JSON (format of /work/shared/gold/seed-page.json) from a compact spec.

Spec lines: "E name|type|alias1,alias2|opt" and "T s|p|o|date-or-title|opt"
(the fourth field is the title for holdsPosition, else the ISO date; "opt"
marks an optional item; lines starting with # are comments).
Example: build("E 宜昌市|AdministrativeArea|宜昌,我市", stem, "2024-11-06", "宜昌市")
"""
import json, sys
from pathlib import Path
GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
NOTE = ("Hand-made holdout annotation (invented people, companies and policy titles), "
        "written without reading or running the extractor. Entities and triples marked optional "
        "are neither required nor penalised. Names match a prediction by 'name' or any of 'aliases'.")
def build(spec, stem, published, city):
    ents, trs = [], []
    for line in spec.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, rest = line[0], line[2:]
        f = [x.strip() for x in rest.split("|")] + ["", "", "", ""]
        if kind == "E":
            e = {"name": f[0], "type": f[1]}
            if f[2]:
                e["aliases"] = f[2].split(",")
            if f[3] == "opt":
                e["optional"] = True
            ents.append(e)
        elif kind == "T":
            t = {"s": f[0], "p": f[1], "o": f[2]}
            if f[3]:
                t["title" if f[1] == "holdsPosition" else "date"] = f[3]
            if f[4] == "opt":
                t["optional"] = True
            trs.append(t)
        else:
            sys.exit("bad line " + line)
    gold = {"document": f"pages/{stem}.txt", "published": published, "city": city,
            "note": NOTE, "entities": ents, "triples": trs}
    out = GOLD_DIR / f"{stem}.json"
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(out, len(ents), len(trs))
