"""scripts/make_corpus.py: deterministic synthetic pages with the artefacts of PDF text layers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.extract.clean import clean_lines
from real_parts import ROOT



def make(n: int, out: Path, seed: int) -> dict[str, bytes]:
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(n), "--out", str(out),
                    "--seed", str(seed)], check=True, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_same_seed_same_bytes_other_seed_other_pages(tmp_path):
    a, b, c = make(12, tmp_path / "a", 4), make(12, tmp_path / "b", 4), make(12, tmp_path / "c", 5)
    assert a == b
    assert a != c
    assert len(a) == 12
    assert list(a)[:2] == ["2020-01-01-city4-p01.txt", "2020-01-01-city4-p02.txt"]
    assert "2020-01-02-city4-p01.txt" in a   # eight pages a day


def test_pages_carry_pdf_artefacts(tmp_path):
    pages = make(12, tmp_path / "a", 6)
    text = "".join(p.decode("utf-8") for p in pages.values())
    assert "本报讯（记者 " in text
    assert "（下转第" in text
    assert " 摄\n" in text
    kinds = [line.kind for page in pages.values() for line in clean_lines(page.decode("utf-8"))]
    assert kinds.count("headline") >= 12          # doubled headline runs, recognised by the cleaner
    lines = [line for page in pages.values() for line in page.decode("utf-8").splitlines() if line]
    assert sum(len(line) <= 18 for line in lines) > len(lines) / 2   # narrow, broken lines
