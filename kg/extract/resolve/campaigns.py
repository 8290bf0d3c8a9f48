"""Unquoted campaign names (某某提升行动) are kept only when the page repeats them or a
campaign word (专项, 攻坚, 百日 …) marks them; quoted ones always."""
from __future__ import annotations

from collections import Counter

from kg.model import Article, Doc

MIN_WEAK_REPEATS = 2


def count_weak_campaigns(articles: list[Article]) -> Counter:
    """How often each unquoted campaign name occurs on the page."""
    text = "".join(s.text for a in articles for s in a.all_sentences)
    names = {m.text for a in articles for s in a.all_sentences for m in s.mentions
             if m.type == "Campaign" and m.attrs.get("weak")}
    return Counter({n: text.count(n) for n in names})


def drop_weak_campaigns(doc: Doc) -> None:
    counts = count_weak_campaigns(doc.articles)
    for art in doc.articles:
        for sent in art.all_sentences:
            sent.mentions = [m for m in sent.mentions
                             if not (m.type == "Campaign" and m.attrs.get("weak") and counts[m.text] < MIN_WEAK_REPEATS)]
