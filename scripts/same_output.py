#!/usr/bin/env python3
"""Show that a change to the code leaves the extracted graph byte for byte as it was.

    python scripts/same_output.py snapshot BEFORE     # on the old code
    python scripts/same_output.py snapshot AFTER      # on the new code
    python scripts/same_output.py compare BEFORE AFTER

`snapshot` runs the real `kg build` (the console script of the active
environment, `--no-html`) on every page the project is measured on: the
seed page and the real development articles of ../shared, every page under
examples/ (pages, GBK pages, sample, holdout), each with the home area and
date of its reference annotation, and writes each build's `triples.jsonl`
and `graph.ttl` under the snapshot folder. `compare` lists every file that
differs and exits 1 if any does.
"""
from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import kg_exe  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUTPUTS = ("triples.jsonl", "graph.ttl")


def cases() -> list[tuple[str, Path, str | None, str | None]]:
    """(name, page, city, date) of every measured page; date None: from the file name."""
    out = []
    seed = SHARED / "corpus" / "seed-page.txt"
    if seed.exists():
        out.append(("seed", seed, "沧州市", "2021-11-26"))
    for gold in sorted((SHARED / "gold" / "real").glob("*.json")):
        g = json.loads(gold.read_text(encoding="utf-8"))
        out.append((f"real-{gold.stem}", SHARED / g["document"], g.get("city"), g.get("published")))
    for folder, golds in (("pages", "gold"), ("pages-gbk", "gold"), ("sample", "gold"),
                          ("holdout/pages", "holdout/gold")):
        for page in sorted((ROOT / "examples" / folder).glob("*.txt")):
            g = json.loads((ROOT / "examples" / golds / f"{page.stem}.json").read_text(encoding="utf-8"))
            out.append((f"{folder.replace('/', '-')}-{page.stem}", page, g.get("city"), None))
    return out


def snapshot(target: Path) -> None:
    kg = kg_exe("same_output")
    target.mkdir(parents=True, exist_ok=True)
    for name, page, city, date in cases():
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [kg, "build", str(page), "--out", tmp, "--no-html", "--jobs", "1"]
            cmd += ["--city", city] if city else []
            cmd += ["--date", date] if date else []
            run = subprocess.run(cmd, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"same_output: {name}: kg build failed: {run.stderr.strip()[-500:]}")
            (target / name).mkdir(exist_ok=True)
            for f in OUTPUTS:
                shutil.copyfile(Path(tmp) / f, target / name / f)
        print(f"{name}: {sum(1 for _ in open(target / name / 'triples.jsonl', encoding='utf-8'))} records")


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = 0
    for name in names:
        for f in OUTPUTS:
            pa, pb = a / name / f, b / name / f
            if not (pa.exists() and pb.exists() and filecmp.cmp(pa, pb, shallow=False)):
                print(f"differs: {name}/{f}")
                differ += 1
    print(f"{len(names)} builds, {len(names) * len(OUTPUTS)} files compared, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "snapshot":
        snapshot(Path(argv[2]))
        return 0
    if len(argv) == 4 and argv[1] == "compare":
        return compare(Path(argv[2]), Path(argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
