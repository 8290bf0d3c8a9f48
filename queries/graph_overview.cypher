// What is in the graph: nodes per label and relationships per type.
// Params: none.
// Run: kg neo4j query --file queries/graph_overview.cypher
CALL () {
  MATCH (n) UNWIND labels(n) AS label
  RETURN 'node' AS kind, label AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
}
RETURN kind, name, count
ORDER BY kind, count DESC, name
