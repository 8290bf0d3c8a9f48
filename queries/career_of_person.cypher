// The career of a person: every office with its dates, in date order;
// namesakes (one name, several people told apart by kg build) by their ids.
// Params: $name (the person's name or one of the aliases).
// Run: kg neo4j query career_of_person --param name=王某
MATCH (p:Entity)-[h:HELD]->(b:Entity)
WHERE p.name = $name OR $name IN p.aliases
RETURN p.id AS person, p.name AS name, h.title AS title, h.acting AS acting, b.name AS body,
       h.from AS start, h.to AS end, h.articles AS articles
ORDER BY person, start, title
