#!/usr/bin/env python3
"""One big text file through the whole `kg extract` process: time, CPU, peak memory.

    python scripts/bench_big_file.py            # 50 MB (the scale figure of the README)
    python scripts/bench_big_file.py --mb 10

The file is the example pages repeated, each copy after a distinct separator
line without a form feed, so `read_pages` has to cut the text into
1M-character chunks at blank lines. The run is checked as the suite's smaller
version checks it (`tests/extract/test_read.py`): every span inside the file,
every triple's evidence at its span, the expected number of articles.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import kg_exe  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "examples" / "pages").glob("*.txt"))


def articles_per_round(kg: str) -> int:
    """Articles of one copy of every example page, each extracted alone."""
    total = 0
    for p in PAGES:
        out = subprocess.run([kg, "extract", str(p)], capture_output=True, check=True).stdout
        total += sum(1 for line in out.splitlines() if b'"kind": "article"' in line)
    return total


def make_file(path: Path, megabytes: float) -> int:
    """Write the repeated pages to `path`; return how many rounds of all pages it holds."""
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    copies = 0
    with open(path, "w", encoding="utf-8") as fh:
        while fh.tell() < megabytes * 1024 * 1024:
            for text in texts:
                if copies:
                    fh.write(f"\n\n=== {copies} ===\n\n")
                fh.write(text)
                copies += 1
    return copies // len(texts)


def check_output(out: Path, big: Path) -> int:
    """Assert every span is inside the file and every triple's evidence sits at its span; count articles."""
    text = big.read_text(encoding="utf-8")
    n_articles = 0
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if "span" in rec:
                a, b = rec["span"]
                assert 0 <= a < b <= len(text), rec
            if rec["kind"] == "article":
                n_articles += 1
            elif rec["kind"] == "triple":
                a, b = rec["span"]
                assert text[a] == rec["evidence"][0] and text[b - 1] == rec["evidence"][-1], rec["id"]
    return n_articles


def run(megabytes: float, work: Path) -> dict:
    kg = kg_exe("bench_big_file")
    big, out = work / "big.txt", work / "big.jsonl"
    rounds = make_file(big, megabytes)
    t0, cpu0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    res = subprocess.run([kg, "extract", str(big), "-o", str(out)], capture_output=True, timeout=7200)
    elapsed, cpu1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        raise RuntimeError(res.stderr.decode()[-2000:])
    return {"mb": big.stat().st_size / 1e6, "rounds": rounds, "wall": elapsed,
            "cpu": (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
            "peak_rss_mb": cpu1.ru_maxrss / 1024, "articles": check_output(out, big),
            "expected_articles": rounds * articles_per_round(kg)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        r = run(args.mb, Path(d))
    print(f"{r['mb']:.1f} MB, {r['rounds']} rounds of the example pages: kg extract {r['wall']:.1f} s wall, "
          f"{r['cpu']:.1f} s CPU ({r['mb'] / r['cpu']:.2f} MB per CPU-second), peak RSS {r['peak_rss_mb']:.0f} MB; "
          f"{r['articles']} articles (expected {r['expected_articles']})")
    return 0 if r["articles"] == r["expected_articles"] else 1


if __name__ == "__main__":
    sys.exit(main())
