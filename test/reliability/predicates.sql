-- test/reliability/predicates.sql -- writes the comparison script: every
-- generated predicate on the churn table, run under five planner settings
-- (seq: sequential scans only; idx: no sequential scans; bitmap: bitmap
-- scans only; pseq, pidx: the same as seq and idx with parallel plans made
-- free).  Each run prints "k|mode|count|sum(id)|sum(hash(id))"; the idx,
-- pseq and pidx modes also print "k|mode|indexes used parallel-or-serial".
-- With solo = 1, each index is also tried alone ("solo:INDEX"): in a
-- transaction that drops every other index and is rolled back, the
-- predicates it can serve run with sequential scans off, so that every
-- index is exercised even where the planner prefers another.
-- psql variables: npreds, seed, solo.  Output: the script, on stdout (-At).
SELECT setseed(:seed);
CREATE TEMP TABLE preds AS
WITH v AS (
	SELECT k, rel_port(random(), random()) AS a, floor(random() * 3000)::int AS w,
		   rel_port(random(), random()) AS c, floor(random() * 30)::int AS t
	FROM generate_series(1, :npreds) k
), vv AS (
	SELECT k, (k % 30) AS t, a, least(65535, a + w) AS b, c, least(65535, c + w) AS d FROM v
)
SELECT k, t, CASE t
	WHEN 0 THEN format('p = %s', a)
	WHEN 1 THEN format('p < %s', a)
	WHEN 2 THEN format('p >= %s', a)
	WHEN 3 THEN format('p BETWEEN %s AND %s', a, b)
	WHEN 4 THEN format('p IN (%s, %s, %s)', a, b, c)
	WHEN 5 THEN format('p = ANY (ARRAY[%s, %s]::int[])', a, c)
	WHEN 6 THEN format('p <@ portrange(%s, %s)', a, b)
	WHEN 7 THEN format('p <@ portmultirange(portrange(%s, %s), portrange(%s, %s))', least(a, c), least(b, c), greatest(a, c), greatest(b, d))
	WHEN 8 THEN (ARRAY['is_well_known(p)', 'is_registered(p)', 'is_dynamic(p)', 'is_ephemeral(p, ''linux'')', 'is_privileged(p)'])[1 + (k / 30) % 5]
	WHEN 9 THEN format('p < 1024 AND p >= %s', a % 1024)
	WHEN 10 THEN format('port_class(p) = %L', (ARRAY['well-known', 'registered', 'dynamic'])[1 + (k / 30) % 3])
	WHEN 11 THEN (ARRAY['q IS NULL', format('q = %s', c), format('q > %s', c)])[1 + (k / 30) % 3]
	WHEN 12 THEN format('p = %s AND q > %s', a, c)
	WHEN 13 THEN format('r @> %s', a)
	WHEN 14 THEN format('r @> %s::port', c)
	WHEN 15 THEN format('r && portrange(%s, %s)', a, b)
	WHEN 16 THEN format('r <@ portrange(%s, %s)', a, b)
	WHEN 17 THEN format('r @> portrange(%s, %s)', a, least(b, a + 20))
	WHEN 18 THEN format('r %s portrange(%s, %s)', (ARRAY['<<', '>>', '&<', '&>', '-|-'])[1 + (k / 30) % 5], a, b)
	WHEN 19 THEN format('NOT isempty(r) AND r && portrange(%s, %s)', a, b)
	WHEN 20 THEN (ARRAY['r = ''empty''', 'r IS NULL', format('r = portrange(%s, NULL)', a)])[1 + (k / 30) % 3]
	WHEN 21 THEN format('last_port(r) > %s', a)
	WHEN 22 THEN format('r < portrange(%s, %s)', a, b)
	WHEN 23 THEN format('m @> %s::port', a)
	WHEN 24 THEN format('m && portrange(%s, %s)', a, b)
	WHEN 25 THEN format('m @> portrange(%s, %s)', a, least(b, a + 20))
	WHEN 26 THEN (ARRAY['m = ''{}''', format('m <@ portmultirange(portrange(%s, %s))', a, b), format('m < portmultirange(portrange(%s, %s))', a, b)])[1 + (k / 30) % 3]
	WHEN 27 THEN format('ps @> ARRAY[%s]::port[]', a)
	WHEN 28 THEN format('ps && ARRAY[%s, %s]::port[]', a, c)
	ELSE format('m && portmultirange(portrange(%s, %s)) AND p > %s', a, b, c)
	END AS pred
FROM vv;

-- which predicate templates (preds.t) each index can serve
CREATE TEMP TABLE solo (n int, name text, templates int[]);
INSERT INTO solo VALUES
	(1, 'churn_p_btree', '{0,1,2,3,4,5,6,7,8,9}'),
	(2, 'churn_qp_btree', '{11,12}'),
	(3, 'churn_q_btree', '{11}'),
	(4, 'churn_p_hash', '{0,4,5}'),
	(5, 'churn_p_brin', '{0,1,2,3,4,5,6,7,9}'),
	(6, 'churn_p_partial', '{9}'),
	(7, 'churn_class_expr', '{10}'),
	(8, 'churn_last_expr', '{21}'),
	(9, 'churn_r_gist', '{13,14,15,16,17,18,19,20}'),
	(10, 'churn_r_gist_partial', '{19}'),
	(11, 'churn_r_spgist', '{13,14,15,16,17,18,20}'),
	(12, 'churn_r_btree', '{20,22}'),
	(13, 'churn_r_hash', '{20}'),
	(14, 'churn_r_brin', '{13,14,15,16,17,18}'),
	(15, 'churn_m_gist', '{23,24,25,26,29}'),
	(16, 'churn_m_btree', '{26}'),
	(17, 'churn_m_hash', '{26}'),
	(18, 'churn_ps_gin', '{27,28}');

CREATE TEMP TABLE modes (n int, mode text, settings text, facts bool);
INSERT INTO modes VALUES
	(1, 'seq', 'SET enable_seqscan = on; SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off; SET max_parallel_workers_per_gather = 0;', false),
	(2, 'idx', 'SET enable_seqscan = off; SET enable_indexscan = on; SET enable_indexonlyscan = on; SET enable_bitmapscan = on; SET max_parallel_workers_per_gather = 0;', true),
	(3, 'bitmap', 'SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = on; SET max_parallel_workers_per_gather = 0;', false),
	(4, 'pseq', 'SET enable_seqscan = on; SET enable_indexscan = off; SET enable_indexonlyscan = off; SET enable_bitmapscan = off; SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET min_parallel_index_scan_size = 0;', true),
	(5, 'pidx', 'SET enable_seqscan = off; SET enable_indexscan = on; SET enable_indexonlyscan = on; SET enable_bitmapscan = on; SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0; SET min_parallel_index_scan_size = 0;', true);

SELECT line FROM (
	SELECT n, 0 AS k, 0 AS part, settings AS line FROM modes
	UNION ALL
	SELECT n, k, 1, format('SELECT %s, %L, count(*), coalesce(sum(id), 0), coalesce(sum(hashint4(id)::int8), 0) FROM churn WHERE %s;', k, mode, pred)
	FROM modes, preds
	UNION ALL
	SELECT n, k, 2, format('SELECT %s, %L, plan_facts(%L);', k, mode, format('SELECT count(*), sum(id), sum(hashint4(id)::int8) FROM churn WHERE %s', pred))
	FROM modes, preds WHERE facts
	UNION ALL
	SELECT 6 + i.n, k, part, line FROM solo i, LATERAL (
		SELECT 0 AS k, 0 AS part, 'BEGIN; DROP INDEX ' || (SELECT string_agg(o.name, ', ') FROM solo o WHERE o.name <> i.name)
			   || '; SET enable_seqscan = off; SET enable_indexscan = on; SET enable_indexonlyscan = on; SET enable_bitmapscan = on; SET max_parallel_workers_per_gather = 0;' AS line
		UNION ALL
		SELECT k, 1, format('SELECT %s, %L, count(*), coalesce(sum(id), 0), coalesce(sum(hashint4(id)::int8), 0) FROM churn WHERE %s;', k, 'solo:' || i.name, pred)
		FROM preds WHERE t = ANY (i.templates)
		UNION ALL
		SELECT k, 2, format('SELECT %s, %L, plan_facts(%L);', k, 'solo:' || i.name, format('SELECT count(*), sum(id), sum(hashint4(id)::int8) FROM churn WHERE %s', pred))
		FROM preds WHERE t = ANY (i.templates)
		UNION ALL
		SELECT 0, 3, 'ROLLBACK;'
	) x WHERE :solo = 1
) s ORDER BY n, part, k;
