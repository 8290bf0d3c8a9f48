#!/usr/bin/env python3
"""Write kg/extract/read/radicals.tsv from Unicode's EquivalentUnifiedIdeograph.txt.

usage: make_radicals.py EquivalentUnifiedIdeograph.txt

Keeps the rows of the CJK Radicals Supplement and Kangxi Radicals blocks
(U+2E80..U+2FDF); CJK strokes are left out (they are not ideographs in text).
"""
import re
import sys
from pathlib import Path

ROW = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([0-9A-F]{4,6})")
OUT = Path(__file__).resolve().parent.parent / "kg" / "extract" / "read" / "radicals.tsv"
HEADER = """# Radical code points -> the unified ideograph they stand for, from Unicode's
# {version} (UCD; (c) Unicode, Inc., terms: https://www.unicode.org/terms_of_use.html):
# the CJK Radicals Supplement (U+2E81..U+2EF3) and Kangxi Radicals (U+2F00..U+2FD5) rows; CJK strokes left out.
# Regenerate with scripts/make_radicals.py EquivalentUnifiedIdeograph.txt. Columns: radical, ideograph (hex code points).
"""


def main(src: str) -> None:
    lines = Path(src).read_text(encoding="utf-8").splitlines()
    version = lines[0].lstrip("# ").strip() if lines else "EquivalentUnifiedIdeograph.txt"
    rows = []
    for line in lines:
        m = ROW.match(line)
        if not m or not 0x2E80 <= int(m[1], 16) <= 0x2FDF:
            continue
        for cp in range(int(m[1], 16), int(m[2] or m[1], 16) + 1):
            rows.append(f"{cp:04X}\t{m[3]}")
    OUT.write_text(HEADER.format(version=version) + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
