// Officials who visited a place in a period, by month: visits and distinct
// places each month; undated visits (近日) are left out.
// Params: $at (a place's name, or null for every place), $from, $to (YYYY-MM-DD).
// Run: kg neo4j query visits_by_month --param at:=null --param from=2021-01-01 --param to=2021-12-31
MATCH (o:Entity)-[v:VISITED]->(place:Entity)
WHERE v.date IS NOT NULL AND v.date >= date($from) AND v.date <= date($to)
  AND ($at IS NULL OR place.name = $at)
WITH o.name AS official, substring(toString(v.date), 0, 7) AS month, v, place
RETURN official, month, count(DISTINCT v) AS visits, count(DISTINCT place) AS places,
       [n IN collect(DISTINCT place.name) | n] AS visited
ORDER BY official, month
