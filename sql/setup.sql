--
-- Helpers that the other tests use to assert facts about plans instead of
-- comparing EXPLAIN text, which changes between PostgreSQL majors (InitPlan
-- labels, "Disabled: true" in 18, "Replaces:" in 19, ...).  They are not
-- part of the extension.
--
-- plan_tree(query): every node of the plan of query, as JSON, with its
-- path from the root (for ordering); the helpers below read it
CREATE FUNCTION plan_tree(query text, OUT node json, OUT path int[]) RETURNS SETOF record
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
	RETURN QUERY
	WITH RECURSIVE n(j, p) AS (
		SELECT plan->0->'Plan', ARRAY[0]
		UNION ALL
		SELECT c.value, n.p || c.ordinality::int
		FROM n, json_array_elements(n.j->'Plans') WITH ORDINALITY c
	)
	SELECT j, p FROM n;
END
$$;

-- plan_nodes(query): the node types of the whole plan, in plan order
CREATE FUNCTION plan_nodes(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY
	WITH node(j, path) AS (SELECT * FROM public.plan_tree(query))
	SELECT j->>'Node Type' FROM node ORDER BY path;
END
$$;

-- plan_scans(query): one line per node that reads a table or an index, in
-- plan order, reduced to what stays the same between majors: "seq TABLE"
-- for a sequential scan, "index INDEX" for any scan of an index (plain,
-- index-only or bitmap: the choice between them moves with table sizes and
-- visibility maps), then "cond" when the node has an index condition and
-- "filter" when it filters rows.  A bitmap heap scan is left out: its
-- index shows in the bitmap index scan below it.
CREATE FUNCTION plan_scans(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY
	WITH node(j, path) AS (SELECT * FROM public.plan_tree(query))
	SELECT concat_ws(' ',
			CASE WHEN j->>'Index Name' IS NOT NULL THEN 'index ' || (j->>'Index Name')
				 WHEN j->>'Node Type' = 'Seq Scan' THEN 'seq ' || (j->>'Relation Name')
				 ELSE lower(j->>'Node Type') || ' ' || (j->>'Relation Name') END,
			CASE WHEN j->>'Index Cond' IS NOT NULL THEN 'cond' END,
			CASE WHEN j->>'Filter' IS NOT NULL THEN 'filter' END)
	FROM node
	WHERE (j->>'Relation Name' IS NOT NULL OR j->>'Index Name' IS NOT NULL)
	  AND j->>'Node Type' <> 'Bitmap Heap Scan'
	ORDER BY path;
END
$$;

-- plan_access(query): the distinct lines of plan_scans(), sorted, in one
-- string: "index idx_p_btree cond" whether the plan reads that index once
-- or through a BitmapOr of three scans
CREATE FUNCTION plan_access(query text) RETURNS text
LANGUAGE sql
RETURN (SELECT string_agg(DISTINCT s, ', ' ORDER BY s) FROM plan_scans(query) s);

-- plan_conds(query): "index: condition" for each index condition, where
-- the condition itself is the fact to check (which constant or which join
-- column an index is probed with)
CREATE FUNCTION plan_conds(query text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY
	WITH node(j, path) AS (SELECT * FROM public.plan_tree(query))
	SELECT (j->>'Index Name') || ': ' || (j->>'Index Cond')
	FROM node WHERE j->>'Index Cond' IS NOT NULL
	ORDER BY path;
END
$$;

-- plan_has_node(query, type): does the plan contain a node of that type?
CREATE FUNCTION plan_has_node(query text, node_type text) RETURNS boolean
LANGUAGE sql
RETURN EXISTS (SELECT FROM plan_nodes(query) n WHERE n = node_type);

-- plan_uses_index(query, index): does some node of the plan read that index?
-- (The SQL helpers have standard SQL bodies, bound when created, so that
-- they also work under another search_path.)
CREATE FUNCTION plan_uses_index(query text, index_name text) RETURNS boolean
LANGUAGE sql
RETURN EXISTS (SELECT FROM plan_scans(query) s
			   WHERE s = 'index ' || index_name OR s LIKE 'index ' || index_name || ' %');

SELECT * FROM plan_scans('SELECT * FROM pg_class WHERE oid = 1259');
SELECT plan_access('SELECT * FROM pg_class WHERE oid = 1259 OR oid = 1249');
SELECT plan_has_node('SELECT relname FROM pg_class WHERE oid = 1259 ORDER BY 1', 'Sort');
SELECT * FROM plan_nodes('SELECT relname FROM pg_class WHERE oid = 1259 ORDER BY 1');
SELECT plan_uses_index('SELECT * FROM pg_class WHERE oid = 1259', 'pg_class_oid_index');

-- extension_members(ext): the objects an extension owns, without the
-- array types and table row types that PostgreSQL creates implicitly
-- (17 and later record those as extension members too; 15 and 16 do not)
CREATE FUNCTION extension_members(ext name)
RETURNS TABLE (classid regclass, objid oid, objsubid int4)
LANGUAGE sql STABLE AS $$
	SELECT d.classid::regclass, d.objid, d.objsubid
	FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass
	  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = ext)
	  AND d.deptype = 'e'
	  AND NOT EXISTS (SELECT FROM pg_type t
					  WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid
					    AND ((t.typelem <> 0 AND t.typlen = -1 AND t.typcategory = 'A')
							 OR t.typrelid <> 0))
$$;
