// Every visit of an official, with dates, in date order.
// Params: $name (the official's name or one of the aliases).
// Run: kg neo4j query --file queries/visits_of_official.cypher --param name=王明远
// A visit without a known date (date null, month/day possibly in date_text)
// sorts last.
MATCH (p:Entity)
WHERE p.name = $name OR $name IN p.aliases
MATCH (p)-[v:VISITED]->(place:Entity)
OPTIONAL MATCH (a:Article {id: v.article})
RETURN p.name AS official, v.date AS date, v.date_text AS date_text,
       place.name AS visited, place.type AS type, a.headline AS article
ORDER BY date, visited
