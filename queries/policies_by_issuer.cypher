// Policies by issuer, with issue dates, oldest first for each issuer.
// Params: none.
// Run: kg neo4j query --file queries/policies_by_issuer.cypher
MATCH (issuer:Entity)-[r:ISSUED]->(policy:Policy)
OPTIONAL MATCH (policy)-[:APPLIES_TO]->(scope:Entity)
WITH issuer, r, policy, collect(DISTINCT scope.name) AS applies_to
RETURN issuer.name AS issuer, policy.name AS policy, r.date AS date,
       r.date_text AS date_text, applies_to
ORDER BY issuer, date, policy
