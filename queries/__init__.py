"""The SPARQL (*.rq) and Cypher (*.cypher) query libraries, shipped in the wheel as ``kg.queries``."""
