// Enterprises visited (or inspected) by more than one official,
// the most visited first; officials listed by name.
// Params: none.
// Run: kg neo4j query --file queries/enterprises_visited_by_several.cypher
MATCH (o:Official)-[v:VISITED|INSPECTED]->(e:Enterprise)
WITH e, o, count(v) AS times
ORDER BY o.name
WITH e, collect(o.name) AS officials, sum(times) AS visits
WHERE size(officials) > 1
RETURN e.name AS enterprise, size(officials) AS n_officials, visits, officials
ORDER BY n_officials DESC, visits DESC, enterprise
