"""Person names after a title: how long is the name in 主任王某某到…?

Chinese names are a surname (one character, or two for 欧阳 and the like)
and one or two given characters, written without spaces, so the end of the
name must be decided from evidence: how often each length recurs in the
article, and characters that cannot end a name (到, 在, 说, 强调 …).
"""
from __future__ import annotations

from kg.extract import lexicon as L
from kg.extract.patterns import HAN_CHAR


def surname_len(text: str, pos: int) -> int:
    """Length of the surname at `pos`, 0 if none.

    >>> surname_len("欧阳某某", 0), surname_len("王某", 0), surname_len("的确", 0)
    (2, 1, 0)
    """
    if text[pos:pos + 2] in L.COMPOUND_SURNAMES:
        return 2
    return 1 if pos < len(text) and text[pos] in L.SURNAMES else 0


def person_name(text: str, pos: int, doc_text: str) -> str | None:
    """The name starting at `pos` (right after a title), or None.

    >>> person_name("主任王大明到会。王大明说", 2, "主任王大明到会。王大明说")
    '王大明'
    >>> person_name("书记李强强调", 2, "书记李强强调")
    '李强'
    """
    s = surname_len(text, pos)
    if not s:
        return None
    cands = []
    for given in (2, 1):
        cand = text[pos:pos + s + given]
        if len(cand) == s + given and all(HAN_CHAR.match(c) for c in cand) and not any(c in L.NAME_STOP_CHARS for c in cand[s:]):
            cands.append(cand)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    long, short = cands
    n_long, n_short = doc_text.count(long), doc_text.count(short)
    nxt = text[pos + len(long):pos + len(long) + 2]
    # the longer form wins when it recurs as often as the shorter one
    if n_long >= 2 and n_long == n_short:
        return long
    if n_long >= 2 and n_long >= n_short - 1:
        return long
    if n_short > n_long:
        return short
    # one occurrence only: a 3-character name unless the third char starts a verb
    if long[-1] in L.VERB_SECONDS and nxt[:1] in L.VERB_SECONDS[long[-1]]:
        return short
    return long
