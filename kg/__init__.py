"""kg: a knowledge-graph builder for Chinese newspaper text.

The pipeline reads pages, cleans PDF artefacts, segments articles and
sentences, recognises entity mentions, relates them into triples, resolves
mentions into entities and emits records (see docs/format.md).

From Python (docs/python.md)::

    import kg
    records = kg.extract("本报讯 3月2日，市长王大明到青禾科技有限公司调研。", date="2024-03-04", home="保定市")
    graph = kg.load("out/")            # a build folder
    G = graph.to_networkx()            # nx.write_graphml(G, "kg.graphml") works

Nothing heavy is imported until one of these is used.
"""
__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__", "extract", "load"]


def __getattr__(name: str):
    if name in ("load", "KnowledgeGraph"):
        from kg import api

        return getattr(api, name)
    if name == "extract":
        import kg.extract as package       # callable: kg.extract(text_or_path, ...)

        return package
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
