// Articles a journalist reported, newest first, with how many entities each mentions.
// Params: $name (journalist's name).
// Run: kg neo4j query --file queries/articles_by_journalist.cypher --param name=…
MATCH (a:Article)-[b:REPORTED_BY]->(j:Entity)
WHERE j.name = $name OR $name IN j.aliases
OPTIONAL MATCH (a)-[:MENTIONS]->(e:Entity)
RETURN a.date AS published, a.headline AS headline, b.role AS role, count(e) AS mentions, a.id AS article
ORDER BY published DESC, headline
