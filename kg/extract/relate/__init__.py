"""Stage 5, relate: rules that read facts off a sentence's mentions.

The rule modules register their functions in :data:`~.base.REGISTRY` when
imported, in the order their modules are first imported (the line below and
the imports between them). A new relation is one more module with its :class:`~.base.Rule`
labels (and its predicate in :mod:`kg.vocab`), imported below.
"""
from __future__ import annotations

from kg.extract.relate import companies, issues, places, positions, scopes, visits  # noqa: F401  (register)
from kg.extract.relate.base import REGISTRY, Context, Rule
from kg.extract.relate.discourse import advance, article_state
from kg.model import Doc

__all__ = ["relate", "rules", "Rule"]


def rules() -> list[Rule]:
    """Every registered rule label, in registry order."""
    return [r for reg in REGISTRY for r in reg.rules]


def relate(doc: Doc) -> None:
    """Fill ``doc.facts`` with the (article, fact) pairs of every sentence, body first, then headlines."""
    home = doc.resolver.gaz.home
    for art in doc.articles:
        state = article_state(art)
        for sent in [*art.sentences, *art.headline_sentences]:
            after = advance(state, sent)
            ctx = Context(doc.resolver, home.name if home else None, state, after)
            for reg in REGISTRY:
                facts = reg.function(ctx, art, sent)
                if facts:
                    doc.facts.extend((art, f) for f in facts)
            state = after
