// Who held an office on a date: the tenures whose first and last publication
// dates (from, to) span it; an acting period has acting = true.
// Params: $title (the office: 市长), $body (the body's name: 某市政府), $on (YYYY-MM-DD).
// Run: kg neo4j query office_holders_on_date --param title=市长 --param body=某市政府 --param on=2021-03-01
MATCH (p:Entity)-[h:HELD]->(b:Entity)
WHERE h.title = $title AND b.name = $body AND h.from <= date($on) AND date($on) <= h.to
RETURN p.name AS person, h.title AS title, h.acting AS acting, b.name AS body, h.from AS start, h.to AS end
ORDER BY start, person
