// Offices held by a person: title and organisation, with the article
// date the fact was reported (offices are stated, not dated, in news text).
// Params: $name (name or alias of an official or person).
// Run: kg neo4j query --file queries/offices_of_person.cypher --param name=王明远
MATCH (p:Entity)
WHERE (p.name = $name OR $name IN p.aliases) AND (p:Official OR p:Person)
MATCH (p)-[h:HOLDS_POSITION]->(org:Entity)
OPTIONAL MATCH (a:Article {id: h.article})
WITH p, h.title AS title, org, min(a.date) AS first_reported, count(h) AS times
RETURN p.name AS person, title, org.name AS organisation, first_reported, times
ORDER BY first_reported, title
