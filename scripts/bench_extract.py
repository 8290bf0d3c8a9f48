#!/usr/bin/env python3
"""Throughput of the whole extraction pipeline against jieba.lcut, same text, same run.

    python scripts/bench_extract.py [FILES...] [--repeat N]

Prints characters per second of `jieba.lcut` over the text, of
`jieba.posseg.lcut` (the issue's floor), and of `kg.extract.pipeline.extract_page`
(read → … → records), and their ratios. Start-up (dictionaries, automata) is
timed separately and excluded from the rates.
"""
from __future__ import annotations

import argparse
import glob
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the text (best is kept)")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(str(ROOT / "examples/pages/*.txt")))
    seed = ROOT.parent / "shared/corpus/seed-page.txt"
    if not args.files and seed.exists():
        files.append(str(seed))

    import jieba
    import jieba.posseg

    from kg.extract.pipeline import extract_page
    from kg.extract.read import read_page

    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    pages = [read_page(f) for f in files]
    extract_page(pages[0])  # warm: dictionaries, automata
    startup = time.perf_counter() - t0
    texts = [p.text for p in pages]
    chars = sum(len(t) for t in texts)

    def best(fn) -> float:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    t_lcut = best(lambda: [jieba.lcut(t) for t in texts])
    t_pos = best(lambda: [jieba.posseg.lcut(t) for t in texts])
    t_kg = best(lambda: [extract_page(read_page(f)) for f in files])
    rate = lambda t: chars / t  # noqa: E731
    print(f"text: {len(files)} pages, {chars:,} characters; start-up {startup:.2f} s")
    print(f"jieba.lcut          {rate(t_lcut):12,.0f} chars/s")
    print(f"jieba.posseg.lcut   {rate(t_pos):12,.0f} chars/s   ratio to lcut {t_lcut / t_pos:.2f}")
    print(f"kg pipeline         {rate(t_kg):12,.0f} chars/s   ratio to lcut {t_lcut / t_kg:.2f}")


if __name__ == "__main__":
    main()
