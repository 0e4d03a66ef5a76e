--
-- Helpers that the other tests use to assert facts about plans instead of
-- comparing EXPLAIN text, which changes between PostgreSQL majors (InitPlan
-- labels, "Disabled: true" in 18, "Replaces:" in 19, ...).  They are not
-- part of the extension.
--
-- plan_scans(query): one line per node that reads a relation, in plan
-- order: node type, relation, index (if any), and which kind of condition
-- the node applies: "cond" for an index condition, "filter" for a filter,
-- "recheck" for a bitmap heap recheck.
CREATE FUNCTION plan_scans(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
	RETURN QUERY
	WITH RECURSIVE node(j, path) AS (
		SELECT plan->0->'Plan', ARRAY[0]
		UNION ALL
		SELECT c.value, node.path || c.ordinality::int
		FROM node, json_array_elements(node.j->'Plans') WITH ORDINALITY c
	)
	SELECT concat_ws(' ',
			j->>'Node Type',
			'on ' || coalesce(j->>'Relation Name', j->>'Index Name'),
			'using ' || CASE WHEN j->>'Relation Name' IS NOT NULL THEN j->>'Index Name' END,
			CASE WHEN j->>'Index Cond' IS NOT NULL THEN 'cond' END,
			CASE WHEN j->>'Recheck Cond' IS NOT NULL THEN 'recheck' END,
			CASE WHEN j->>'Filter' IS NOT NULL THEN 'filter' END)
	FROM node
	WHERE j->>'Relation Name' IS NOT NULL OR j->>'Index Name' IS NOT NULL
	ORDER BY path;
END
$$;

-- plan_nodes(query): the node types of the whole plan, in plan order
CREATE FUNCTION plan_nodes(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
	RETURN QUERY
	WITH RECURSIVE node(j, path) AS (
		SELECT plan->0->'Plan', ARRAY[0]
		UNION ALL
		SELECT c.value, node.path || c.ordinality::int
		FROM node, json_array_elements(node.j->'Plans') WITH ORDINALITY c
	)
	SELECT j->>'Node Type' FROM node ORDER BY path;
END
$$;

-- plan_uses_index(query, index): does some node of the plan read that index
-- (an Index Scan "on t using i", an Index Only Scan, a Bitmap Index Scan
-- "on i")?
-- (A standard SQL body, bound when created, so that it also works with
-- another search_path.)
CREATE FUNCTION plan_uses_index(query text, index_name text) RETURNS boolean
LANGUAGE sql
RETURN EXISTS (SELECT FROM plan_scans(query) s
			   WHERE s ~ ('^(.* using |Bitmap Index Scan on )' || index_name || '( |$)'));

SELECT * FROM plan_scans('SELECT * FROM pg_class WHERE oid = 1259');
SELECT * FROM plan_nodes('SELECT relname FROM pg_class WHERE oid = 1259 ORDER BY 1');
SELECT plan_uses_index('SELECT * FROM pg_class WHERE oid = 1259', 'pg_class_oid_index');
