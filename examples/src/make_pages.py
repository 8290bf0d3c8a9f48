#!/usr/bin/env python3
"""Lay out hand-written page sources as a PDF text layer would give them.

The evaluation pages in ../pages/ are made from the sources beside this
script (*.src). The sources hold the invented articles in reading order
plus layout directives; this script adds the artefacts a newspaper PDF's
text layer shows (the seed page in /work/shared/corpus has all of them):

- body text broken at a fixed column width, the first line of a paragraph
  two characters shorter (its indent is lost), closing punctuation kept on
  the line before (kinsoku), digit/Latin runs never split;
- a blank line at every column break, even in the middle of a sentence,
  and (mostly) between paragraphs;
- headline blocks printed after their article body, every run of the bold
  headline doubled ("市长在某区调研" -> "市长在某区调研市长在某区调研",
  "（2023-2025年）》" -> "（（20232023--20252025年年）》）》").

usage: make_pages.py [SRC ...]   (default: every *.src beside this script)
       writes ../pages/<stem>.txt for each source

Source format (one directive a line, starting with @@):
  @@ body width=15 col=22 seed=3   article text; blank lines part paragraphs;
                                    a line "~~" forces a column break;
                                    "{下转第八版}" at the end becomes " （下转第八版）"
  @@ head                           headline lines, each doubled run-wise;
                                    blank lines kept
  @@ raw                            copied verbatim
Example: double_runs("（2021-2025年）》") == "（（20212021--20252025年年）》）》"
"""
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLOSING = set("，。、；：？！）》”’…—·%")
OPENING = set("（《“‘")


def char_class(ch):
    """Class of a character for headline run doubling: H, D, L, P or S."""
    if ch.isspace():
        return "S"
    if ch.isdigit() and ch.isascii():
        return "D"
    if ch.isascii() and ch.isalpha():
        return "L"
    if unicodedata.category(ch).startswith(("L", "N")):
        return "H"
    return "P"


def double_runs(line):
    """Print every run of a headline line twice, as bold text layers do.

    >>> double_runs("强创新 提质量")
    '强创新强创新 提质量提质量'
    """
    out = []
    runs, cur, cls = [], "", None
    for ch in line:
        c = char_class(ch)
        if c != cls and cur:
            runs.append((cls, cur))
            cur = ""
        cls = c
        cur += ch
    if cur:
        runs.append((cls, cur))
    for c, run in runs:
        out.append(run if c == "S" else run + run)
    return "".join(out)


def in_run(ch):
    """Part of a number or Latin word that a line break never splits ("2021-2025", "4.6")."""
    return ch.isascii() and (ch.isalnum() or ch in "-.")


def wrap_paragraph(text, width, indent=True):
    """Break one paragraph into lines; the first line is two chars shorter
    (its indent is lost) unless the paragraph resumes after a column break.

    >>> wrap_paragraph("一二三四五六七八九十", 6)
    ['一二三四', '五六七八九十']
    """
    lines, i, n = [], 0, len(text)
    first = indent
    while i < n:
        w = width - 2 if first else width
        first = False
        j = min(i + w, n)
        # an ASCII digit/letter run is never split: the line overflows a little
        while 0 < j < n and j - i < w + 5 and in_run(text[j]) and in_run(text[j - 1]):
            j += 1
        # closing punctuation never starts a line
        while j < n and text[j] in CLOSING:
            j += 1
        # an opening quote or bracket never ends one
        if j < n and j - 1 > i and text[j - 1] in OPENING:
            j -= 1
        lines.append(text[i:j])
        i = j
    return lines


def layout_body(paragraphs, width, col, rng):
    """Lines of an article body with column breaks and paragraph gaps."""
    out, used = [], 0
    for p_no, para in enumerate(paragraphs):
        cont = ""
        m = re.search(r"\{(下转第.版)\}\s*$", para)
        if m:
            para = para[:m.start()]
            cont = f" （{m.group(1)}）"
        para = para.strip()
        if p_no and out and out[-1] != "" and rng.random() < 0.8:
            out.append("")
        pieces = para.split("~~")
        for k, piece in enumerate(pieces):
            plines = wrap_paragraph(piece, width) if k == 0 else wrap_cont(piece, width)
            for line in plines:
                if used >= col:
                    if out and out[-1] != "":
                        out.append("")
                    used = 0
                out.append(line)
                used += 1
            if k < len(pieces) - 1:
                out.append("")
                used = 0
        if cont:
            out[-1] += cont
    return out


def wrap_cont(text, width):
    """A paragraph resumed after a forced column break: no indent."""
    return wrap_paragraph(text, width, indent=False)


def render(src_text):
    """Render one source file to page text."""
    blocks = re.split(r"^@@ ?", src_text, flags=re.M)
    out = []
    for block in blocks:
        if not block.strip():
            continue
        header, _, body = block.partition("\n")
        kind, *args = header.split()
        opts = dict(a.split("=", 1) for a in args)
        if kind == "body":
            rng = random.Random(int(opts.get("seed", 1)))
            paras = [re.sub(r"\s*\n\s*", "", p) for p in re.split(r"\n\s*\n", body.strip())]
            # "~~" marks a forced column break inside a paragraph
            lines = layout_body(paras, int(opts.get("width", 15)), int(opts.get("col", 22)), rng)
            out.append("\n".join(lines))
        elif kind == "head":
            out.append("\n".join(double_runs(l) if l.strip() else "" for l in body.strip("\n").split("\n")))
        elif kind == "raw":
            out.append(body.strip("\n"))
        else:
            sys.exit(f"unknown directive @@{kind}")
    return "\n\n".join(out) + "\n"


def main(argv):
    srcs = [Path(a) for a in argv[1:]] or sorted(HERE.glob("*.src"))
    for src in srcs:
        text = render(src.read_text(encoding="utf-8"))
        dest = src.resolve().parent.parent / "pages" / (src.stem + ".txt")  # src/ beside pages/
        dest.parent.mkdir(exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        print(f"{dest}: {len(text)} chars")


if __name__ == "__main__":
    main(sys.argv)
