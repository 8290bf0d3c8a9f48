// Every tenure: a person's office with the first and last publication dates
// the pages show it on (from, to), the appointment and the end when the pages
// report them, and how many articles support it (docs/time.md).
// `kg who --neo4j` and `kg career --neo4j` read this.
// Params: $name (a person's name, or null for everyone).
// Run: kg neo4j query tenures --param name:=null
MATCH (p:Entity)-[h:HELD]->(b:Entity)
WHERE $name IS NULL OR p.name = $name
RETURN h.id AS tenure, p.id AS person, p.name AS personName, h.title AS title, h.acting AS acting,
       b.id AS body, b.name AS bodyName, h.from AS start, h.to AS end, h.appointed AS appointed,
       h.ended AS ended, h.articles AS articles, h.former AS former
ORDER BY personName, person, start, title
