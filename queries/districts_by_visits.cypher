// Districts and counties ranked by the number of official visits they got.
// A visit counts for an area when it went to the area itself or to a place,
// enterprise or organisation located in it (LOCATED_IN, up to three steps),
// so a visit to a factory in 东湖区 counts for 东湖区 (and for its city).
// Params: none.
// Run: kg neo4j query --file queries/districts_by_visits.cypher
MATCH (o:Official)-[v:VISITED|INSPECTED]->(target:Entity)
MATCH (target)-[:LOCATED_IN*0..3]->(area:AdministrativeArea)
WITH area, count(DISTINCT v) AS visits,
     count(DISTINCT CASE WHEN target = area THEN v END) AS direct,
     count(DISTINCT o) AS officials
RETURN area.name AS area, area.code AS code, visits, direct,
       visits - direct AS via_places_within, officials
ORDER BY visits DESC, area
