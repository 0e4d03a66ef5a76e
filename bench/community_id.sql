-- bench/community_id.sql -- Community IDs per second: community_id() in C
-- against the same computation in SQL with pgcrypto's digest() and encode().
--
-- Run by bench/community_id.sh with the psql variable rows and the settings
-- bench.reps and bench.warmup (1 or 0: one discarded repetition of each side).  Prints
-- one line per timed repetition and the summary table.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS portrange;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- The baseline: Community ID v1 for TCP/UDP flows in one inlinable SQL
-- expression.  inet_send() gives the address bytes after a 4-byte header;
-- the endpoints are ordered by address bytes, then port; the hashed input
-- is seed . saddr . daddr . proto . 0 . sport . dport, in network order.
CREATE OR REPLACE FUNCTION cid_sql(s inet, sp int4, d inet, dp int4, proto int4, seed int4 DEFAULT 0)
RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT '1:' || encode(digest(
		substring(int4send(seed) from 3) ||
		CASE WHEN substring(inet_send(s) from 5) < substring(inet_send(d) from 5)
				OR (substring(inet_send(s) from 5) = substring(inet_send(d) from 5) AND sp <= dp)
			THEN substring(inet_send(s) from 5) || substring(inet_send(d) from 5) ||
				set_byte('\x0000'::bytea, 0, proto) ||
				substring(int4send(sp) from 3) || substring(int4send(dp) from 3)
			ELSE substring(inet_send(d) from 5) || substring(inet_send(s) from 5) ||
				set_byte('\x0000'::bytea, 0, proto) ||
				substring(int4send(dp) from 3) || substring(int4send(sp) from 3)
		END, 'sha1'), 'base64')
$$;

-- :rows flows: 90% IPv4 (10.0.0.0/8 clients to 192.0.2.0/24 .. servers),
-- 10% IPv6; TCP and UDP; ephemeral source ports, service destination ports
DROP TABLE IF EXISTS cid_flows;
SELECT setseed(0.42);
CREATE TABLE cid_flows AS
SELECT CASE WHEN i % 10 = 0 THEN '2001:db8::'::inet + (random() * 1e12)::int8
			ELSE '10.0.0.0'::inet + (random() * 16777215)::int8 END AS src,
	32768 + (random() * 28231)::int4 AS sport,
	CASE WHEN i % 10 = 0 THEN '2001:db8:ffff::'::inet + (random() * 1e6)::int8
			ELSE '192.0.2.0'::inet + (random() * 65535)::int8 END AS dst,
	(ARRAY[443, 443, 443, 80, 53, 22, 25, 8080])[1 + (random() * 7)::int4] AS dport,
	CASE WHEN random() < 0.2 THEN 17 ELSE 6 END AS proto
FROM generate_series(1, :rows) i;
VACUUM (FREEZE, ANALYZE) cid_flows;

-- both sides give the same IDs (on the first 100,000 flows)
SELECT count(*) AS checked,
	count(*) FILTER (WHERE community_id(src, sport, dst, dport, proto) <>
						   cid_sql(src, sport, dst, dport, proto)) AS different
FROM (SELECT * FROM cid_flows LIMIT 100000) f;

CREATE TEMP TABLE cid_timing (side text, rep int4, ms float8);
DO $$
DECLARE
	t0 timestamptz;
	rep int4;
	side text;
	n int8;
BEGIN
	FOR rep IN 1 - current_setting('bench.warmup')::int4..current_setting('bench.reps')::int4 LOOP
		FOREACH side IN ARRAY CASE WHEN rep % 2 = 0 THEN ARRAY['c', 'sql'] ELSE ARRAY['sql', 'c'] END LOOP
			t0 := clock_timestamp();
			IF side = 'c' THEN
				SELECT count(community_id(src, sport, dst, dport, proto)) INTO n FROM cid_flows;
			ELSE
				SELECT count(cid_sql(src, sport, dst, dport, proto)) INTO n FROM cid_flows;
			END IF;
			INSERT INTO cid_timing VALUES (side, rep,
				extract(epoch FROM clock_timestamp() - t0) * 1000);
			RAISE NOTICE 'rep % %: % ms', rep, side,
				round((extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric, 1);
		END LOOP;
	END LOOP;
END $$;

-- a plain scan of the same columns, for what the hashing costs on its own
CREATE TEMP TABLE cid_scan AS
SELECT 1 AS dummy;
DO $$
DECLARE
	t0 timestamptz;
	n int8;
BEGIN
	PERFORM count(src) FROM cid_flows;
	t0 := clock_timestamp();
	SELECT count(src) + count(sport) + count(dst) + count(dport) + count(proto) INTO n FROM cid_flows;
	INSERT INTO cid_timing VALUES ('scan', 1, extract(epoch FROM clock_timestamp() - t0) * 1000);
END $$;

\pset footer off
SELECT :rows AS flows,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE side = 'c')::numeric, 1) AS c_ms,
	round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE side = 'sql')::numeric, 1) AS sql_ms,
	round(max(ms) FILTER (WHERE side = 'scan')::numeric, 1) AS scan_ms,
	round(:rows / (percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE side = 'c') / 1000)) AS c_ids_per_s,
	round(:rows / (percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE side = 'sql') / 1000)) AS sql_ids_per_s,
	round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE side = 'sql') /
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE side = 'c'))::numeric, 2) AS speedup
FROM cid_timing WHERE rep > 0 OR side = 'scan';
