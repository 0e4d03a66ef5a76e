--
-- Row estimates on an analyzed port column are as good as on an int4
-- column holding the same data.
--
-- The table has fewer rows than ANALYZE samples (30000), so the statistics
-- are computed from every row and the estimates are deterministic.
--
SELECT setseed(0.42);
CREATE TABLE est_i AS
SELECT CASE WHEN r < 0.30 THEN 443 WHEN r < 0.45 THEN 80 WHEN r < 0.55 THEN 53
            WHEN r < 0.60 THEN 22 WHEN r < 0.63 THEN 3389 WHEN r < 0.66 THEN 8080
            WHEN r < 0.68 THEN 5432 WHEN r < 0.70 THEN 25
            WHEN r < 0.80 THEN (random() * 1023)::int
            WHEN r < 0.90 THEN 1024 + (random() * 48127)::int
            ELSE 32768 + (random() * 28231)::int END AS dst_port
FROM (SELECT random() AS r FROM generate_series(1, 20000)) s;
CREATE TABLE est_p AS SELECT dst_port::port AS dst_port FROM est_i;
ANALYZE est_i, est_p;

CREATE FUNCTION estimated_rows(q text) RETURNS int8 LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
	EXECUTE 'EXPLAIN ' || q INTO line;
	RETURN substring(line from 'rows=(\d+)')::int8;
END $$;
CREATE FUNCTION actual_rows(q text) RETURNS int8 LANGUAGE plpgsql AS $$
DECLARE n int8;
BEGIN
	EXECUTE 'SELECT count(*) FROM (' || q || ') s' INTO n;
	RETURN n;
END $$;

-- PostgreSQL interpolates inside a histogram bucket only for built-in
-- types; for port it takes the middle of the bucket.  So a port estimate
-- may differ from int4's by up to half a bucket: that is the tolerance.
-- Equality, IN and = ANY use the MCV list and are identical.
WITH q(pred) AS (VALUES
	('dst_port = 443'), ('dst_port = 4444'), ('dst_port <> 443'),
	('dst_port < 1024'), ('dst_port <= 1023'), ('dst_port > 1023'),
	('dst_port >= 49152'), ('dst_port BETWEEN 8000 AND 8100'),
	('dst_port BETWEEN 1024 AND 49151'), ('dst_port IN (80, 443)'),
	('dst_port = ANY (''{22,53,3389}''::int[])'), ('dst_port > 30000'),
	('dst_port < 0'), ('dst_port > 65535')),
bucket AS (
	SELECT 0.5 * (1 - null_frac - (SELECT sum(f) FROM unnest(most_common_freqs) f))
	         * 20000 / (array_length(histogram_bounds::text::int[], 1) - 1) AS half_bucket
	FROM pg_stats WHERE tablename = 'est_i' AND attname = 'dst_port'),
r AS (
	SELECT pred,
	       estimated_rows('SELECT * FROM est_p WHERE ' || pred) AS port_est,
	       estimated_rows('SELECT * FROM est_i WHERE ' || pred) AS int4_est,
	       actual_rows('SELECT * FROM est_i WHERE ' || pred) AS actual
	FROM q)
SELECT pred, actual, port_est, int4_est,
       abs(port_est - actual) <= abs(int4_est - actual) + half_bucket AS as_good_as_int4,
       port_est = int4_est AS identical
FROM r, bucket;

-- the statistics themselves are the same values
SELECT (SELECT most_common_vals::text FROM pg_stats WHERE tablename = 'est_p') =
       (SELECT most_common_vals::text FROM pg_stats WHERE tablename = 'est_i') AS same_mcv,
       (SELECT histogram_bounds::text FROM pg_stats WHERE tablename = 'est_p') =
       (SELECT histogram_bounds::text FROM pg_stats WHERE tablename = 'est_i') AS same_histogram,
       (SELECT n_distinct FROM pg_stats WHERE tablename = 'est_p') =
       (SELECT n_distinct FROM pg_stats WHERE tablename = 'est_i') AS same_ndistinct;

-- join estimates match too
CREATE TABLE est_rules AS SELECT unnest(ARRAY[22, 80, 443, 8080]) AS port;
ANALYZE est_rules;
SELECT estimated_rows('SELECT * FROM est_p JOIN est_rules ON dst_port = port') AS port_join,
       estimated_rows('SELECT * FROM est_i JOIN est_rules ON dst_port = port') AS int4_join,
       actual_rows('SELECT * FROM est_i JOIN est_rules ON dst_port = port') AS actual;

DROP TABLE est_i, est_p, est_rules;
DROP FUNCTION estimated_rows(text), actual_rows(text);
