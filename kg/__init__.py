"""kg: a knowledge-graph builder for Chinese newspaper text.

The pipeline reads pages, cleans PDF artefacts, segments articles and
sentences, recognises entity mentions, relates them into triples, resolves
mentions into entities and emits records (see docs/format.md).
"""
__version__ = "0.1.0"
