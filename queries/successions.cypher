// Who followed whom in an office: its tenures in the order they begin, each
// with the other holder whose (not acting) tenure began last before it.
// Params: $title (the office: 市长), $body (the body's name: 某市政府).
// Run: kg neo4j query successions --param title=市长 --param body=某市政府
MATCH (p:Entity)-[h:HELD]->(b:Entity)
WHERE h.title = $title AND b.name = $body
OPTIONAL MATCH (q:Entity)-[e:HELD]->(b)
WHERE e.title = $title AND NOT e.acting AND e.from < h.from AND q <> p
WITH p, h, b, q, e ORDER BY e.from DESC
WITH p, h, b, collect(q.name)[0] AS predecessor
RETURN h.title AS title, b.name AS body, p.name AS person, h.acting AS acting, h.from AS start,
       h.to AS end, predecessor
ORDER BY start
