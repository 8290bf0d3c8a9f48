// The two-hop neighbourhood of an official over fact relationships
// (articles are left out: they would link everything on the same page).
// One row per neighbour with its distance and the relationship types on
// the shortest way there.
// Params: $name (name or alias).
// Run: kg neo4j query --file queries/neighbourhood_of_official.cypher --param name=王明远
MATCH (p:Entity)
WHERE p.name = $name OR $name IN p.aliases
MATCH path = (p)-[:VISITED|HOLDS_POSITION|ISSUED|APPLIES_TO|LOCATED_IN|SUBSIDIARY_OF|INSPECTED*1..2]-(n:Entity)
WHERE n <> p
WITH n, path ORDER BY length(path)
WITH n, collect(path)[0] AS nearest
RETURN n.name AS neighbour, n.type AS type, length(nearest) AS hops,
       [r IN relationships(nearest) | type(r)] AS via
ORDER BY hops, neighbour
