"""Fold the code points broken PDF fonts give ideographs into the ideographs, one for one.

PDF fonts often map ideographs to radical code points: Kangxi Radicals
(⽴ U+2F74 for 立) and the CJK Radicals Supplement (⻓ U+2ED3 for 长,
⻅ U+2EC5 for 见, ⺠ U+2EA0 for 民, ⻋ U+2ECB for 车), and CJK compatibility
ideographs (U+F900..U+FAFF, U+2F800..U+2FA1F). NFKC folds the first and the
last but not the supplement, whose mapping is Unicode's
EquivalentUnifiedIdeograph property (``radicals.tsv``, written once from the
UCD file). Each code point becomes exactly one, so every offset into the
folded text is still an offset into the text as extracted.

>>> fold_glyphs("市⻓⻅⺠⻋⽴案，⼾籍")
'市长见民车立案，户籍'
"""
from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

COMPATIBILITY_BLOCKS = ((0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
RADICAL_BLOCKS = (0x2E80, 0x2FDF)
FOLDABLE = re.compile("[%s]" % "".join(f"{chr(a)}-{chr(b)}" for a, b in (RADICAL_BLOCKS, *COMPATIBILITY_BLOCKS)))
# radicals whose glyph in simplified-Chinese fonts is the simplified character, not the one
# EquivalentUnifiedIdeograph names: ⼾ (KANGXI RADICAL DOOR) is drawn 户 there, so 户 is what was printed
SIMPLIFIED = {0x2F3E: "\u6237"}


@functools.lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """str.translate table: radical and compatibility code points -> unified ideographs."""
    table = {}
    for lo, hi in COMPATIBILITY_BLOCKS:
        for cp in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if len(folded) == 1 and folded != chr(cp):
                table[cp] = folded
    text = resources.files("kg.extract.read").joinpath("radicals.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            radical, ideograph = line.split("\t")
            table[int(radical, 16)] = chr(int(ideograph, 16))
    return table | SIMPLIFIED


def fold_glyphs(text: str) -> str:
    """`text` with radical and compatibility code points folded; same length.

    Most texts have none: a regex scan (ten times faster than translate) finds that out.
    """
    return text.translate(fold_table()) if FOLDABLE.search(text) else text
