"""Tokens for SQLite FTS5 over Chinese text: overlapping character bigrams.

FTS5's ``unicode61`` tokenizer splits on spaces and punctuation only, so a run of
Chinese would be one token. The index therefore stores each text already cut:
every run of CJK characters as its overlapping bigrams followed by its last
character, every run of Latin letters or digits as one lower-case word. A query
cut the same way is an FTS5 phrase: consecutive bigrams of the query are
consecutive tokens of the text, so a phrase match is a substring match. One
character is searched as a token prefix (the bigrams it starts, or a run's last
character); so is a Latin word (5 finds 5g).

>>> index_tokens("市长调研5G基站")
'市长 长调 调研 研 5g 基站 站'
>>> match_expression("长调研")
'"长调 调研"'
>>> match_expression("研")
'"研"*'
>>> match_expression("  ") is None
True
"""
from __future__ import annotations

import operator
import re

from kg.vocab import HAN_WIDE as CJK

RUN = re.compile(f"[{CJK}]+|[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_CJK_CHAR = re.compile(f"[{CJK}]")
# full-width letters and digits search as their ASCII forms
_FOLD = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)})


def _run_tokens(run: str, last: bool) -> list[str]:
    if not _CJK_CHAR.match(run):
        return [run.translate(_FOLD).lower()]
    if len(run) == 1:
        return [run]
    grams = list(map(operator.add, run[:-1], run[1:]))
    return grams + [run[-1]] if last else grams


def index_tokens(text: str) -> str:
    """The text as the index stores it: tokens separated by spaces."""
    return " ".join(t for m in RUN.finditer(text or "") for t in _run_tokens(m.group(), True))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression finding `query` as a substring (its runs in order), or None if it has none.

    Runs separated by punctuation or spaces must all occur (FTS5 AND); each run is a phrase.
    """
    phrases = []
    for m in RUN.finditer(query or ""):
        run = m.group()
        tokens = _run_tokens(run, False)
        prefix = not _CJK_CHAR.match(run) or len(run) == 1       # a word or one character: token prefix
        phrases.append('"' + " ".join(tokens) + '"' + ("*" if prefix else ""))
    return " AND ".join(phrases) or None
