--
-- Index support: btree (with cross-type operators, sort support and
-- in_range), hash (with extended hashing), BRIN, joins and partitioning.
--
SELECT setseed(0.5);
CREATE TABLE idx_p (id int, p port);
INSERT INTO idx_p
SELECT g, CASE WHEN g % 10 < 4 THEN (ARRAY[22, 53, 80, 443])[1 + g % 4]
               ELSE (hashint4(g) & 65535) END
FROM generate_series(1, 30000) g;
CREATE TABLE idx_i AS SELECT id, p::int4 AS p FROM idx_p;
CREATE INDEX idx_p_btree ON idx_p (p);
ANALYZE idx_p, idx_i;

SET enable_seqscan = off;

-- each predicate is an index condition, with no cast on the column
SELECT plan_access($$SELECT id FROM idx_p WHERE p = 443$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE p < 1024$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE p BETWEEN 8000 AND 8100$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE p IN (80, 443)$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE p = 443::int8$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE p >= 30000::int2$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE p = '443'$$);
SELECT plan_access($$SELECT id FROM idx_p WHERE 1024 > p$$);
PREPARE by_ports(int[]) AS SELECT count(*) FROM idx_p WHERE p = ANY ($1);
SELECT plan_access($$EXECUTE by_ports('{80,443}')$$);
SELECT plan_access($$SELECT p FROM idx_p ORDER BY p LIMIT 3$$),
       plan_has_node($$SELECT p FROM idx_p ORDER BY p LIMIT 3$$, 'Sort') AS sorts;
SELECT plan_access($$SELECT min(p), max(p) FROM idx_p$$);

-- and the index answers exactly what a sequential scan answers
CREATE FUNCTION idx_counts(OUT eq int8, OUT lt int8, OUT btw int8, OUT inl int8,
                           OUT anyarr int8, OUT dyn int8, OUT minp port, OUT maxp port)
LANGUAGE sql AS $$
	SELECT (SELECT count(*) FROM idx_p WHERE p = 443),
	       (SELECT count(*) FROM idx_p WHERE p < 1024),
	       (SELECT count(*) FROM idx_p WHERE p BETWEEN 8000 AND 8100),
	       (SELECT count(*) FROM idx_p WHERE p IN (80, 443)),
	       (SELECT count(*) FROM idx_p WHERE p = ANY ('{22,53,65535}'::int[])),
	       (SELECT count(*) FROM idx_p WHERE p >= 49152),
	       (SELECT min(p) FROM idx_p), (SELECT max(p) FROM idx_p)
$$;
SELECT 'index' AS via, * FROM idx_counts();
RESET enable_seqscan;
SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off;
SELECT 'seqscan' AS via, * FROM idx_counts();
SELECT 'int4' AS via,
       (SELECT count(*) FROM idx_i WHERE p = 443), (SELECT count(*) FROM idx_i WHERE p < 1024),
       (SELECT count(*) FROM idx_i WHERE p BETWEEN 8000 AND 8100),
       (SELECT count(*) FROM idx_i WHERE p IN (80, 443)),
       (SELECT count(*) FROM idx_i WHERE p = ANY ('{22,53,65535}'::int[])),
       (SELECT count(*) FROM idx_i WHERE p >= 49152);
RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan;

-- ordered index scan returns all values in integer order
SET enable_seqscan = off;
SELECT bool_and(prev <= p) AS ordered, count(*)
FROM (SELECT p, lag(p, 1, '0') OVER (ORDER BY p) AS prev FROM idx_p) s;
RESET enable_seqscan;

-- btree deduplication is enabled (the opclass declares btequalimage)
SELECT (SELECT count(*) FROM idx_p) AS rows,
       pg_relation_size('idx_p_btree') < pg_relation_size('idx_p') AS index_smaller_than_heap;

-- joins between port and int4 columns: merge join and hash join give the
-- same answer as int4 = int4
SET enable_nestloop = off; SET enable_hashjoin = off;
SELECT plan_has_node($$SELECT count(*) FROM idx_p a JOIN idx_i b ON a.p = b.p WHERE a.id <= 2000 AND b.id <= 2000$$, 'Merge Join') AS merge_join_planned;
SELECT count(*) AS merge_join FROM idx_p a JOIN idx_i b ON a.p = b.p WHERE a.id <= 2000 AND b.id <= 2000;
RESET enable_hashjoin; SET enable_mergejoin = off;
SELECT plan_has_node($$SELECT count(*) FROM idx_p a JOIN idx_i b ON a.p = b.p WHERE a.id <= 2000 AND b.id <= 2000$$, 'Hash Join') AS hash_join_planned;
SELECT count(*) AS hash_join FROM idx_p a JOIN idx_i b ON a.p = b.p WHERE a.id <= 2000 AND b.id <= 2000;
RESET enable_mergejoin; RESET enable_nestloop;
SELECT count(*) AS int4_join FROM idx_i a JOIN idx_i b ON a.p = b.p WHERE a.id <= 2000 AND b.id <= 2000;

-- Between two port columns the planner derives a.p = 443 from
-- a.p = c.p AND c.p = 443 ...
CREATE TABLE idx_c AS SELECT id, p FROM idx_p WHERE id <= 100;
SELECT * FROM plan_conds($$SELECT * FROM idx_p a JOIN idx_c c ON a.p = c.p WHERE c.p = 443$$);
-- ... but not across a port = int4 join: PostgreSQL merges equivalence
-- classes only when their operator families are identical, and int4 = int4
-- also belongs to core's integer_ops.  The join still uses a's index.
SELECT * FROM plan_conds($$SELECT * FROM idx_p a JOIN idx_i b ON a.p = b.p WHERE b.p = 443$$);
DROP TABLE idx_c;

-- window frames by value: RANGE BETWEEN n PRECEDING AND m FOLLOWING (in_range)
SELECT p, count(*) OVER w AS ports_within_100_below, sum(p) OVER w AS total
FROM unnest(ARRAY[0, 50, 100, 150, 1000, 65435, 65535]::port[]) p
WINDOW w AS (ORDER BY p RANGE BETWEEN 100 PRECEDING AND CURRENT ROW);
SELECT p, first_value(p) OVER w, last_value(p) OVER w
FROM unnest(ARRAY[0, 1, 65534, 65535]::port[]) p
WINDOW w AS (ORDER BY p DESC RANGE BETWEEN 1 PRECEDING AND 2147483647 FOLLOWING);
SELECT count(*) OVER (ORDER BY p RANGE BETWEEN -1 PRECEDING AND CURRENT ROW)
FROM unnest(ARRAY[1, 2]::port[]) p;
-- the same frames over 2,000 rows agree with int4
SELECT count(*) AS frames_agree FROM
  (SELECT id, count(*) OVER (ORDER BY p RANGE BETWEEN 1000 PRECEDING AND 500 FOLLOWING) c
   FROM idx_p WHERE id <= 2000) a
  JOIN
  (SELECT id, count(*) OVER (ORDER BY p RANGE BETWEEN 1000 PRECEDING AND 500 FOLLOWING) c
   FROM idx_i WHERE id <= 2000) b USING (id)
WHERE a.c = b.c;

-- hash index, including lookups with integer constants
CREATE INDEX idx_p_hash ON idx_p USING hash (p);
DROP INDEX idx_p_btree;
SET enable_seqscan = off;
SELECT plan_access($$SELECT count(*) FROM idx_p WHERE p = 443$$);
SELECT plan_access($$SELECT count(*) FROM idx_p WHERE p = 443::int8$$);
SELECT count(*) AS hash_index_443 FROM idx_p WHERE p = 443;
RESET enable_seqscan;
DROP INDEX idx_p_hash;

-- BRIN minmax, also with integer constants
CREATE TABLE idx_brin AS SELECT g AS id, (g / 8)::port AS p FROM generate_series(0, 524287) g;
CREATE INDEX idx_brin_p ON idx_brin USING brin (p) WITH (pages_per_range = 4);
ANALYZE idx_brin;
SET enable_seqscan = off;
SELECT plan_access($$SELECT count(*) FROM idx_brin WHERE p < 1024$$);
SELECT plan_access($$SELECT count(*) FROM idx_brin WHERE p BETWEEN 40000 AND 40010::int8$$);
SELECT count(*) AS brin_lt_1024 FROM idx_brin WHERE p < 1024;
SELECT count(*) AS brin_between FROM idx_brin WHERE p BETWEEN 40000 AND 40010::int8;
SELECT count(*) AS brin_eq FROM idx_brin WHERE p = 65535;
RESET enable_seqscan;
DROP TABLE idx_brin;

-- unique constraints and ON CONFLICT
CREATE TABLE services (p port PRIMARY KEY, name text);
INSERT INTO services VALUES (22, 'ssh'), (443, 'https');
INSERT INTO services VALUES (22, 'again');
INSERT INTO services VALUES (22, 'secure shell') ON CONFLICT (p) DO UPDATE SET name = excluded.name;
SELECT * FROM services ORDER BY p;
DROP TABLE services;

-- hash partitioning (needs the extended hash function) and range
-- partitioning, with partition pruning for integer constants
CREATE TABLE part_h (p port, note text) PARTITION BY HASH (p);
CREATE TABLE part_h0 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE part_h1 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE part_h2 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE part_h3 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO part_h SELECT g FROM generate_series(0, 65535, 7) g;
SELECT tableoid::regclass, count(*) FROM part_h GROUP BY 1 ORDER BY 1;
SELECT plan_access($$SELECT * FROM part_h WHERE p = 448$$);
SELECT count(*) AS rows_448 FROM part_h WHERE p = 448;
-- a row lands in the partition its hash selects
SELECT count(*) AS misplaced FROM part_h
WHERE satisfies_hash_partition('part_h'::regclass, 4,
        (SELECT substring(tableoid::regclass::text from '.$')::int), p) IS NOT TRUE;

CREATE TABLE part_r (p port) PARTITION BY RANGE (p);
CREATE TABLE part_r_wk PARTITION OF part_r FOR VALUES FROM (0) TO (1024);
CREATE TABLE part_r_reg PARTITION OF part_r FOR VALUES FROM (1024) TO (49152);
CREATE TABLE part_r_dyn PARTITION OF part_r FOR VALUES FROM (49152) TO (MAXVALUE);
INSERT INTO part_r SELECT g FROM generate_series(0, 65535, 13) g;
SELECT tableoid::regclass, count(*), min(p), max(p) FROM part_r GROUP BY 1 ORDER BY 1;
SELECT plan_access($$SELECT * FROM part_r WHERE p < 1024$$);
SELECT plan_access($$SELECT * FROM part_r WHERE p = 50000$$);
DROP TABLE part_h, part_r;

DROP FUNCTION idx_counts();
DROP TABLE idx_p, idx_i;
