"""The explorer of `kg serve`: start from a name and walk outwards.

- :mod:`kg.explore.tokens`: the CJK-aware tokens of the full-text index (bigrams);
- :mod:`kg.explore.index`: the SQLite index written from the records
  (entities, names, facts, per-entity summaries, FTS5 over evidence and headlines);
- :mod:`kg.explore.answers`: plain functions over that index, one per interaction;
- :mod:`kg.explore.web`: the routes (`/explore`, `/explore/api/…`) the server answers with;
- ``assets/``: the page (HTML, CSS, JS) over the shipped vis-network.
"""
