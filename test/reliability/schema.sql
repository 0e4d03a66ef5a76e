-- test/reliability/schema.sql -- the churn table and an index of every
-- kind on every type.  psql variables: rows, seed.
CREATE EXTENSION IF NOT EXISTS portrange;
CREATE EXTENSION IF NOT EXISTS amcheck;

-- a port drawn from a mix: well-known services, uniform, Linux ephemeral
CREATE FUNCTION rel_port(u float8, v float8) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN u < 0.3 THEN (ARRAY[22, 53, 80, 443, 3306, 8080, 1023, 1024, 0, 65535])[1 + floor(v * 10)::int]
			WHEN u < 0.7 THEN floor(v * 65536)::int
			ELSE 32768 + floor(v * 28232)::int END;

-- a range: empty, unbounded above, or [lo, lo + width] with widths 0..5000
CREATE FUNCTION rel_range(u float8, v float8, w float8) RETURNS portrange LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN u < 0.04 THEN 'empty'::portrange
			WHEN u < 0.08 THEN portrange(rel_port(v, w), NULL)
			WHEN u < 0.10 THEN NULL
			ELSE portrange(rel_port(v, w), least(65535, rel_port(v, w) + floor(w * w * 5000)::int), '[]') END;

SELECT setseed(:seed);
CREATE TABLE churn (id int PRIMARY KEY, p port NOT NULL, q port, r portrange,
					m portmultirange, ps port[], note text);

-- rows lo..hi of random data, generated in one query (not per row)
CREATE FUNCTION rel_rows(lo int, hi int, tag text) RETURNS SETOF churn LANGUAGE sql VOLATILE AS $$
	SELECT i, rel_port(random(), random())::port,
		   CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 65536)::int::port END,
		   rel_range(random(), random(), random()),
		   CASE WHEN random() < 0.05 THEN NULL
				ELSE coalesce((SELECT range_agg(x)
							   FROM unnest(ARRAY[rel_range(random(), random(), random()),
												 rel_range(0.5, random(), random()),
												 CASE WHEN random() < 0.5 THEN rel_range(0.5, random(), random()) END]) x
							   WHERE x IS NOT NULL AND random() < 0.9 AND i > 0), '{}') END,
		   CASE WHEN random() < 0.05 THEN NULL
				ELSE ARRAY(SELECT rel_port(random(), random())::port FROM generate_series(0, i % 4)) END,
		   tag || i
	FROM generate_series(lo, hi) i
$$;
INSERT INTO churn SELECT * FROM rel_rows(1, :rows, 'n');

CREATE INDEX churn_p_btree ON churn (p);
CREATE INDEX churn_qp_btree ON churn (q, p);
CREATE INDEX churn_q_btree ON churn (q);
CREATE INDEX churn_p_hash ON churn USING hash (p);
CREATE INDEX churn_p_brin ON churn USING brin (p) WITH (pages_per_range = 4);
CREATE INDEX churn_p_partial ON churn (p) WHERE p < 1024;
CREATE INDEX churn_class_expr ON churn (port_class(p));
CREATE INDEX churn_last_expr ON churn (last_port(r));
CREATE INDEX churn_r_gist ON churn USING gist (r);
CREATE INDEX churn_r_gist_partial ON churn USING gist (r) WHERE NOT isempty(r);
CREATE INDEX churn_r_spgist ON churn USING spgist (r);
CREATE INDEX churn_r_btree ON churn (r);
CREATE INDEX churn_r_hash ON churn USING hash (r);
CREATE INDEX churn_r_brin ON churn USING brin (r) WITH (pages_per_range = 4);
CREATE INDEX churn_m_gist ON churn USING gist (m);
CREATE INDEX churn_m_btree ON churn (m);
CREATE INDEX churn_m_hash ON churn USING hash (m);
CREATE INDEX churn_ps_gin ON churn USING gin (ps);
ANALYZE churn;

-- plan_facts(query): the indexes a plan reads (sorted) and whether it has a
-- Gather node, from EXPLAIN (FORMAT JSON), so that no EXPLAIN text is
-- compared across majors
CREATE FUNCTION plan_facts(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || query INTO plan;
	RETURN (
		WITH RECURSIVE node(j) AS (
			SELECT plan->0->'Plan'
			UNION ALL
			SELECT c FROM node, json_array_elements(node.j->'Plans') c
		)
		SELECT coalesce(string_agg(DISTINCT j->>'Index Name', ',') FILTER (WHERE j->>'Index Name' IS NOT NULL), '-')
			   || ' ' || CASE WHEN bool_or(j->>'Node Type' IN ('Gather', 'Gather Merge')) THEN 'parallel' ELSE 'serial' END
		FROM node);
END $$;

-- rel_amcheck(parent): amcheck on every index of the public schema (btree
-- always; bt_index_parent_check too when parent, which a standby cannot
-- run; GiST and GIN where this major's amcheck has gist_index_check /
-- gin_index_check) and verify_heapam on every table.  Any corruption is an
-- error; the result says what was checked.
CREATE FUNCTION rel_amcheck(parent bool) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	i record;
	nb int := 0;
	np int := 0;
	ng int := 0;
	nn int := 0;
	heap bigint;
	gist_args int := (SELECT max(pronargs) FROM pg_proc WHERE proname = 'gist_index_check');
	gin_args int := (SELECT max(pronargs) FROM pg_proc WHERE proname = 'gin_index_check');
BEGIN
	FOR i IN
		SELECT c.oid::regclass AS idx, am.amname
		FROM pg_index x
		JOIN pg_class c ON c.oid = x.indexrelid
		JOIN pg_am am ON am.oid = c.relam
		JOIN pg_class t ON t.oid = x.indrelid
		WHERE t.relnamespace = 'public'::regnamespace
		ORDER BY c.relname
	LOOP
		IF i.amname = 'btree' THEN
			PERFORM bt_index_check(i.idx, true);
			nb := nb + 1;
			IF parent THEN
				PERFORM bt_index_parent_check(i.idx, true);
				np := np + 1;
			END IF;
		ELSIF i.amname = 'gist' AND gist_args = 2 THEN
			EXECUTE 'SELECT gist_index_check($1, true)' USING i.idx;
			ng := ng + 1;
		ELSIF i.amname = 'gist' AND gist_args = 1 THEN
			EXECUTE 'SELECT gist_index_check($1)' USING i.idx;
			ng := ng + 1;
		ELSIF i.amname = 'gin' AND gin_args IS NOT NULL THEN
			EXECUTE 'SELECT gin_index_check($1)' USING i.idx;
			nn := nn + 1;
		END IF;
	END LOOP;
	SELECT count(*) INTO heap
	FROM pg_class t, verify_heapam(t.oid)
	WHERE t.relnamespace = 'public'::regnamespace AND t.relkind = 'r';
	RETURN format('btree %s (parent check %s), gist %s, gin %s, heap problems %s',
				  nb, np, CASE WHEN gist_args IS NULL THEN 'n/a' ELSE ng::text END,
				  CASE WHEN gin_args IS NULL THEN 'n/a' ELSE nn::text END, heap);
END $$;
