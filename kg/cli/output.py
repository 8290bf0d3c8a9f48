"""Result tables for the terminal: aligned columns that count a CJK character as two.

>>> print(format_table(["名", "n"], [["王某", 1]]))
名   | n
-----+--
王某 | 1
(1 row)
"""
from __future__ import annotations

import json
import unicodedata


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(keys: list[str], rows: list[list]) -> str:
    """An aligned text table; newlines inside cells are shown as ⏎."""
    cells = [[cell_text(v).replace("\n", "⏎") for v in row] for row in rows]
    widths = [max([display_width(k)] + [display_width(r[i]) for r in cells]) for i, k in enumerate(keys)]

    def line(values):
        return " | ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(keys), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
