#!/usr/bin/env python3
"""PDF reading speed and correctness of both glyph sources, beside `kg extract` on the same text.

    python scripts/bench_read.py [PDF ...] [--repeat N]

Without arguments, the example pages are laid out as PDF e-papers by the
suite's generator (tests/epaper.py, printed by Debian's chromium) and also
scored against examples/gold (kg.evaluate). For each glyph source
(PDFium through pypdfium2, pdfminer through pdfplumber) it prints pages per
second and characters per second of reading (glyphs, fake-bold removal,
layout, text, radical folding), and the F1 of the extraction from that text; then the
characters per second of the rest of the pipeline (`extract_page`) on the
same text, so the share reading takes is plain.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
COLUMNS = (3, 4, 5, 4, 3)


def example_pdfs(folder: Path) -> list[tuple[Path, Path]]:
    """(pdf, gold) of every example page, laid out by the suite's generator."""
    from epaper import articles_from_src, lay_out, print_pdf
    from real_parts import chromium

    out = []
    with chromium() as browser:
        for k, src in enumerate(sorted((ROOT / "examples" / "src").glob("*.src"))):
            lay = lay_out(articles_from_src(src.read_text(encoding="utf-8")), columns=COLUMNS[k % 5], seed=k + 1)
            out.append((print_pdf(browser, lay, folder / (src.stem + ".pdf")), ROOT / "examples" / "gold" /
                        (src.stem + ".json")))
    return out


def read_all(pdfs: list[Path], source: str, repeat: int) -> tuple[float, int, int, list[str]]:
    """(best seconds, pages, characters, texts) of reading every PDF with one glyph source."""
    from kg.extract.read.glyphs import fold_glyphs
    from kg.extract.read.pdf import layout_text, load_pages

    best, texts, pages = float("inf"), [], 0
    for _ in range(repeat):
        t0, texts, pages = time.perf_counter(), [], 0
        for pdf in pdfs:
            glyphs = load_pages(pdf.read_bytes(), str(pdf), source)
            pages += len(glyphs)
            texts.append(fold_glyphs(layout_text(glyphs)[0]))      # as kg.extract.read.read_page does
        best = min(best, time.perf_counter() - t0)
    return best, pages, sum(map(len, texts)), texts


def f1(golds: list[Path], texts: list[str]) -> str:
    """Micro entity and triple F1 of the extraction from the texts (kg.evaluate: the shared scorer's rules)."""
    if not golds:
        return ""
    from kg.evaluate import prf, score
    from kg.extract.pipeline import extract_page
    from kg.model import Page

    tot = {"entity_counts": [0, 0, 0], "triple_counts": [0, 0, 0]}
    for gold_file, text in zip(golds, texts):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        res = score(gold, extract_page(Page("x.pdf", text, "pdf", "0" * 64,
                                            date=dt.date.fromisoformat(gold["published"]), home=gold.get("city"))))
        for part, counts in tot.items():
            tot[part] = [a + b for a, b in zip(counts, res[part])]
    return f"entity F1 {prf(*tot['entity_counts'])[2]:.3f}  triple F1 {prf(*tot['triple_counts'])[2]:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="passes (best is kept)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pairs = [(p, None) for p in args.pdfs] or example_pdfs(Path(tmp))
        pdfs = [p for p, _ in pairs]
        golds = [g for _, g in pairs if g is not None]
        from kg.extract.pipeline import extract_page
        from kg.model import Page

        extract_page(Page("warm", "本报讯 3月2日，市长王大明到青禾科技有限公司调研。", "utf-8", "0" * 64))
        texts = []
        for source in ("pdfium", "pdfplumber"):
            secs, pages, chars, texts_of = read_all(pdfs, source, args.repeat)
            texts = texts or texts_of
            print(f"read {source:<10} {pages / secs:7.1f} pages/s  {chars / secs:9.0f} chars/s  "
                  f"({pages} pages, {chars} chars)  {f1(golds, texts_of)}")
        t0 = time.perf_counter()
        for text in texts:
            extract_page(Page("x.pdf", text, "pdf", "0" * 64))
        secs = time.perf_counter() - t0
        chars = sum(map(len, texts))
        print(f"kg extract (after reading) {chars / secs:9.0f} chars/s on the same text ({len(texts)} files)")


if __name__ == "__main__":
    main()
