// The article that is the evidence for one triple, by triple id (the `id`
// of a triple record in triples.jsonl, also the `id` of the relationship).
// Params: $triple (e.g. t-0a1b2c3d4e5f).
// Run: kg neo4j query --file queries/evidence_for_triple.cypher --param triple=t-…
MATCH (s:Entity)-[r {id: $triple}]->(o:Entity)
MATCH (a:Article {id: r.article})
OPTIONAL MATCH (a)-[:REPORTED_BY]->(j:Entity)
RETURN s.name AS subject, type(r) AS fact, o.name AS object, r.evidence AS evidence,
       r.span AS span, a.headline AS headline, a.date AS published, a.source AS source,
       collect(j.name) AS reporters
