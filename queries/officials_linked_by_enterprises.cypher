// How two officials are linked through enterprises they both visited or
// inspected: the shortest chain official - enterprise - official - ...
// Params: $a, $b (names or aliases of the two officials).
// Run: kg neo4j query --file queries/officials_linked_by_enterprises.cypher --param a=李秋华 --param b=赵望川
MATCH (x:Official) WHERE x.name = $a OR $a IN x.aliases
MATCH (y:Official) WHERE y.name = $b OR $b IN y.aliases
MATCH path = shortestPath((x)-[:VISITED|INSPECTED*..8]-(y))
WHERE all(n IN nodes(path) WHERE n:Official OR n:Enterprise)
RETURN length(path) AS hops, [n IN nodes(path) | n.name] AS chain,
       [r IN relationships(path) | r.date] AS dates
