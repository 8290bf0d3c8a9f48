"""jieba, loaded once per process, quietly, with our vocabulary added.

Word boundaries from jieba decide where a name may start; the POS tags of
jieba's own dictionary (looked up, not computed: ``posseg`` is several times
slower than ``lcut``) tell a preposition or verb from a name part.
"""
from __future__ import annotations

import functools
import logging

from kg.extract import lexicon


@functools.lru_cache(maxsize=1)
def tokenizer():
    """The jieba Tokenizer with titles, body stems and suffixes as words."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    words = [*lexicon.TITLES, *lexicon.BODY_STEMS, *lexicon.ORG_SUFFIXES,
             *lexicon.ENTERPRISE_SUFFIXES, *lexicon.PLACE_SUFFIXES, *lexicon.VISIT_VERBS]
    for w in words:
        if len(w) >= 2:
            jieba.add_word(w, freq=None)
    return jieba.dt


# the tags of proper names (places, people, other proper nouns, bodies); None: a word jieba does not know
PROPER_TAGS = frozenset({"ns", "nr", "nz", "nt", "nrt", "nrfg", None})


@functools.lru_cache(maxsize=1)
def tags() -> dict[str, str]:
    """jieba's dictionary POS tag of each word it knows."""
    import jieba.posseg

    tokenizer()
    return jieba.posseg.dt.word_tag_tab


def cut(text: str) -> list[str]:
    """jieba.lcut with our vocabulary (short texts, the stems and names rules ask about, from a cache).

    >>> cut("副市长到会")[:1]
    ['副市长']
    """
    if len(text) <= SHORT_TEXT:
        return list(_cut_short(text))
    return tokenizer().lcut(text)


SHORT_TEXT = 16          # the length up to which cuts are cached: name cores, body stems


@functools.lru_cache(maxsize=1 << 16)
def _cut_short(text: str) -> tuple[str, ...]:
    return tuple(tokenizer().lcut(text))


def token_starts(tokens: list[str]) -> list[int]:
    out, pos = [], 0
    for t in tokens:
        out.append(pos)
        pos += len(t)
    return out
