-- bench/harness.sql -- server-side timing for bench/run.sh
--
-- bench_pair() runs a portrange statement and its baseline alternately:
-- repetition 0 is the warm-up (both sides, discarded), then repetitions
-- 1..reps, the order of the two sides swapped every repetition so that
-- neither always runs second.  Each timing is clock_timestamp() around
-- EXECUTE inside the backend: it counts parsing, planning and execution,
-- and nothing of the client (every statement returns one row).  With
-- loops > 1 the statement runs that many times and the mean is recorded
-- (for sub-millisecond queries).  A setup statement (TRUNCATE before a
-- COPY, DROP INDEX before CREATE INDEX) runs untimed before each timing.
-- Every timing is committed into bench_timing as it is taken.  The driver
-- may also call it for one repetition and one side at a time (rep_from,
-- rep_to, sides), to flush the kernel's dirty pages between two COPYs.

\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE TABLE IF NOT EXISTS bench_timing (
	bench   text    NOT NULL,
	side    text    NOT NULL,		-- 'port' or 'base'
	rep     int4    NOT NULL,		-- 0 is the warm-up
	ms      float8  NOT NULL,
	result  text
);

CREATE OR REPLACE PROCEDURE bench_pair(bench text, q_port text, q_base text,
									   setup_port text, setup_base text,
									   rep_from int4, rep_to int4, loops int4,
									   returns_row bool, sides text[] DEFAULT NULL)
LANGUAGE plpgsql AS $$
DECLARE
	rep     int4;
	j       int4;
	side    text;
	q       text;
	setup   text;
	t0      timestamptz;
	elapsed float8;
	res     text;
	nrows   int8;
BEGIN
	FOR rep IN rep_from..rep_to LOOP
		FOREACH side IN ARRAY coalesce(sides,
									   CASE WHEN rep % 2 = 0 THEN ARRAY['port', 'base']
											ELSE ARRAY['base', 'port'] END)
		LOOP
			q := CASE side WHEN 'port' THEN q_port ELSE q_base END;
			setup := CASE side WHEN 'port' THEN setup_port ELSE setup_base END;
			IF setup IS NOT NULL AND setup <> '' THEN
				EXECUTE setup;
				COMMIT;
			END IF;
			IF returns_row THEN
				q := 'SELECT t::text FROM (' || q || ') t';
			END IF;
			t0 := clock_timestamp();
			FOR j IN 1..loops LOOP
				IF returns_row THEN
					EXECUTE q INTO res;
				ELSE
					EXECUTE q;
					GET DIAGNOSTICS nrows = ROW_COUNT;
					res := nrows::text;
				END IF;
			END LOOP;
			elapsed := extract(epoch FROM clock_timestamp() - t0) * 1000.0 / loops;
			INSERT INTO bench_timing VALUES (bench, side, rep, elapsed, res);
			COMMIT;
		END LOOP;
	END LOOP;
END
$$;

-- The median size of n fresh builds of an index.  GiST chooses randomly
-- between equally good subtrees while it builds, so one build's size
-- varies by a few percent from run to run.
CREATE OR REPLACE FUNCTION bench_index_size(tbl regclass, def text, n int4)
RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	sizes float8[] := '{}';
	i     int4;
BEGIN
	FOR i IN 1..n LOOP
		EXECUTE format('CREATE INDEX bench_size_tmp ON %s %s', tbl, def);
		sizes := sizes || pg_relation_size('bench_size_tmp')::float8;
		DROP INDEX bench_size_tmp;
	END LOOP;
	RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(sizes) x);
END
$$;
