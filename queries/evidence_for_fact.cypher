// The articles that are the evidence for a fact between two entities:
// each relationship carries the article id, the evidence sentence and its
// character span in the source file.
// Params: $subject, $object (names or aliases); any relationship type.
// Run: kg neo4j query --file queries/evidence_for_fact.cypher --param subject=王明远 --param object=东湖区
MATCH (s:Entity) WHERE s.name = $subject OR $subject IN s.aliases
MATCH (o:Entity) WHERE o.name = $object OR $object IN o.aliases
MATCH (s)-[r]->(o)
MATCH (a:Article {id: r.article})
RETURN type(r) AS fact, r.date AS fact_date, a.headline AS headline, a.date AS published,
       a.byline AS byline, a.source AS source, r.span AS span, r.evidence AS evidence, r.id AS triple
ORDER BY published, triple
