-- bench/schema.sql -- tables and generated data for bench/run.sh
--
-- Run by bench/bench.py with psql variables:
--   rows     flow-log rows (default 10,000,000)
--   rows2    rows of the second log for the joins (rows / 10)
--   rules    firewall rules (100,000)
--   sample   log rows joined to the rules (10,000)
--   strings  firewall-syntax strings for the parsing rows (100,000)
--
-- Every pair of tables holds the same data: the baseline uses int4 columns
-- with CHECK (0..65535) and int4range, portrange uses port and portrange.
-- Other columns and the column order are the same.  Random data comes from
-- random() after setseed(), so a run is reproducible for a given size.

\set ON_ERROR_STOP 1
SET client_min_messages = warning;

CREATE EXTENSION IF NOT EXISTS portrange;

------------------------------------------------------------------------------
-- The flow log
------------------------------------------------------------------------------

CREATE TABLE flows_int (
	ts        timestamptz NOT NULL,
	src_addr  inet        NOT NULL,
	dst_addr  inet        NOT NULL,
	src_port  int4        NOT NULL CHECK (src_port BETWEEN 0 AND 65535),
	dst_port  int4        NOT NULL CHECK (dst_port BETWEEN 0 AND 65535),
	protocol  text        NOT NULL,
	bytes     int8        NOT NULL
);

CREATE TABLE flows_port (
	ts        timestamptz NOT NULL,
	src_addr  inet        NOT NULL,
	dst_addr  inet        NOT NULL,
	src_port  port        NOT NULL,
	dst_port  port        NOT NULL,
	protocol  text        NOT NULL,
	bytes     int8        NOT NULL
);

-- The second log for the joins: same layout, a tenth of the rows.
CREATE TABLE flows2_int (LIKE flows_int INCLUDING CONSTRAINTS);
CREATE TABLE flows2_port (LIKE flows_port);

-- Service ports ranked by how often they are seen; a destination port is
-- drawn from a Pareto law over the ranks (alpha 0.8: 443 gets ~40% of the
-- service flows, 80 ~15%, ...), and a draw past the end of the list is a
-- rare service anywhere in 1024..49151: the long tail.
CREATE FUNCTION bench_service_ports() RETURNS int4[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '{443,80,53,22,123,25,993,3389,445,8080,8443,587,5432,3306,6379,9092,
		27017,143,110,995,465,21,23,389,636,88,135,139,161,162,514,1433,1521,
		2049,5060,5061,5222,5671,5672,6443,8000,8081,8888,9000,9090,9200,9300,
		11211,2181,2379,2380,3000,4443,5000,5601,5900,6000,7001,8009,8086,8200,
		8500,9042,9093,9100,9418,10250,15672,1883,8883,500,4500,1194,51820,137,
		138,67,68,69,111,179,873,1080,3128,1723,1812,1813,2222,4789,6881}'::int4[];

-- One flow g, from uniform draws u1..u5 (all in [0,1)).
--   src_port: the client's ephemeral port, by client OS: Linux 32768-60999
--             (60%), Windows/macOS 49152-65535 (32%), FreeBSD 10000-65535 (8%)
--   dst_port: 86% service ports (above), 3% internal applications on
--             8000-8100, 4% ephemeral destinations (return traffic, P2P,
--             passive FTP), 7% scans (sequential sweeps of 1-1024 and of
--             the whole port space)
--   protocol: udp for DNS, NTP, IPsec, WireGuard, syslog, SNMP, 1/8 of 443 (QUIC)
--   bytes:    log-uniform, 40 B .. 1.2 MB
CREATE FUNCTION bench_flow_ports(g int8, u1 float8, u2 float8, u3 float8)
RETURNS TABLE (src_port int4, dst_port int4, protocol text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT
		CASE WHEN u1 < 0.60 THEN 32768 + floor(u2 * 28232)::int4
			 WHEN u1 < 0.92 THEN 49152 + floor(u2 * 16384)::int4
			 ELSE 10000 + floor(u2 * 55536)::int4 END,
		d.port,
		CASE WHEN d.port IN (53, 123, 500, 4500, 51820, 514, 161, 162, 67, 68, 69, 1194, 4789)
				  OR (d.port = 443 AND u1 * 8 - floor(u1 * 8) < 0.125)
			 THEN 'udp' ELSE 'tcp' END
	FROM (SELECT CASE
			WHEN u3 < 0.86 THEN
				coalesce((bench_service_ports())[floor(power(u3 / 0.86 * 0.999999 + 0.000001, -1.25))::int4],
						 1024 + floor(u2 * 48128)::int4)
			WHEN u3 < 0.89 THEN 8000 + floor((u3 - 0.86) / 0.03 * 101)::int4
			WHEN u3 < 0.93 THEN 32768 + floor((u3 - 0.89) / 0.04 * 32768)::int4
			WHEN u3 < 0.965 THEN 1 + (g % 1024)::int4
			ELSE 1 + ((g * 7919) % 65535)::int4
		  END AS port) d
$$;

SELECT setseed(0.2026) \g /dev/null

INSERT INTO flows_int
SELECT '2026-11-25 00:00+00'::timestamptz + g * (interval '86400 s' / :rows),
	   '10.0.0.0'::inet + floor(u4 * 65536)::int8,
	   '172.16.0.0'::inet + floor(power(u5, 3) * 4096)::int8,
	   p.src_port, p.dst_port, p.protocol,
	   40 + floor(exp(u5 * 14))::int8
FROM (SELECT g, random() u1, random() u2, random() u3, random() u4, random() u5
	  FROM generate_series(1, :rows) g) s,
	 LATERAL bench_flow_ports(g, u1, u2, u3) p;

SELECT setseed(0.1966) \g /dev/null

INSERT INTO flows2_int
SELECT '2026-11-25 00:00+00'::timestamptz + g * (interval '86400 s' / :rows2),
	   '10.0.0.0'::inet + floor(u4 * 65536)::int8,
	   '172.16.0.0'::inet + floor(power(u5, 3) * 4096)::int8,
	   p.src_port, p.dst_port, p.protocol,
	   40 + floor(exp(u5 * 14))::int8
FROM (SELECT g, random() u1, random() u2, random() u3, random() u4, random() u5
	  FROM generate_series(1, :rows2) g) s,
	 LATERAL bench_flow_ports(g, u1, u2, u3) p;

INSERT INTO flows2_port SELECT * FROM flows2_int;

------------------------------------------------------------------------------
-- Service names: the table a user keeps today, keyed by int4 port and
-- protocol.  It holds exactly the names port_service() returns (the primary
-- IANA name of each port and protocol), so both sides group identically.
------------------------------------------------------------------------------

CREATE TABLE services (
	port          int4 NOT NULL CHECK (port BETWEEN 0 AND 65535),
	protocol      text NOT NULL,
	service_name  text NOT NULL,
	PRIMARY KEY (port, protocol)
);
INSERT INTO services
SELECT p, pr::text, port_service(p, pr)
FROM generate_series(0, 65535) p,
	 unnest(enum_range(NULL::transport_protocol)) pr
WHERE port_service(p, pr) IS NOT NULL;

------------------------------------------------------------------------------
-- Firewall rules: 50% single ports (half of them common services, half
-- anywhere), 35% short ranges (2-100 ports), 10% medium ranges
-- (100-5000 ports), 4.9% well-known application blocks, 0.1% wide ranges
-- (1024-65535, 49152-65535, 0-1023, 32768-60999).
------------------------------------------------------------------------------

CREATE TABLE rules_int (
	id       int4     NOT NULL,
	dst_net  cidr     NOT NULL,
	ports    int4range NOT NULL CHECK (ports <@ '[0,65535]'::int4range),
	action   text     NOT NULL
);
CREATE TABLE rules_port (
	id       int4     NOT NULL,
	dst_net  cidr     NOT NULL,
	ports    portrange NOT NULL,
	action   text     NOT NULL
);

SELECT setseed(0.1999) \g /dev/null

INSERT INTO rules_int
SELECT g,
	   set_masklen(('172.16.0.0'::inet + floor(a * 4096)::int8)::cidr, 32 - 4 * floor(b * 3)::int4)::cidr,
	   int4range(lo, least(hi, 65535), '[]'),
	   CASE WHEN b < 0.2 THEN 'drop' ELSE 'accept' END
FROM (SELECT g, a, b,
			 CASE WHEN k < 0.25 THEN (bench_service_ports())[1 + floor(u * 90)::int4]
				  WHEN k < 0.50 THEN 1 + floor(u * 49151)::int4
				  WHEN k < 0.85 THEN 1024 + floor(u * 60000)::int4
				  WHEN k < 0.95 THEN 1024 + floor(u * 55000)::int4
				  WHEN k < 0.999 THEN (ARRAY[8000, 6000, 5900, 9000, 7000, 3000, 2379, 5060])[1 + floor(u * 8)::int4]
				  ELSE (ARRAY[1024, 49152, 0, 32768])[1 + floor(u * 4)::int4]
			 END AS lo,
			 CASE WHEN k < 0.25 THEN (bench_service_ports())[1 + floor(u * 90)::int4]
				  WHEN k < 0.50 THEN 1 + floor(u * 49151)::int4
				  WHEN k < 0.85 THEN 1024 + floor(u * 60000)::int4 + 1 + floor(w * 99)::int4
				  WHEN k < 0.95 THEN 1024 + floor(u * 55000)::int4 + 100 + floor(w * 4900)::int4
				  WHEN k < 0.999 THEN (ARRAY[8000, 6000, 5900, 9000, 7000, 3000, 2379, 5060])[1 + floor(u * 8)::int4] + 10 + floor(w * 90)::int4
				  ELSE (ARRAY[65535, 65535, 1023, 60999])[1 + floor(u * 4)::int4]
			 END AS hi
	  FROM (SELECT g, random() AS k, random() AS u, random() AS w, random() AS a, random() AS b
			FROM generate_series(1, :rules) g) s) r;

INSERT INTO rules_port
SELECT id, dst_net, portrange(lower(ports), upper(ports) - 1, '[]'), action
FROM rules_int;

-- the log rows joined to the rules
CREATE TABLE sample_int AS SELECT * FROM flows2_int LIMIT :sample;
CREATE TABLE sample_port AS SELECT * FROM flows2_port LIMIT :sample;

------------------------------------------------------------------------------
-- Firewall-syntax strings, in the forms both parsers understand: bare
-- lists (iptables multiport), nftables/pf braces, Suricata brackets, ranges
-- with ':' and '-', open ranges ('1024:', ':1023').
------------------------------------------------------------------------------

CREATE TABLE fw_strings (id int4 NOT NULL, s text NOT NULL);

SELECT setseed(0.1883) \g /dev/null

CREATE FUNCTION bench_fw_item(u float8, v float8) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN u < 0.55 THEN ((bench_service_ports())[1 + floor(v * 90)::int4])::text
	WHEN u < 0.75 THEN (1024 + floor(v * 50000)::int4)::text || ':' || (1024 + floor(v * 50000)::int4 + 1 + floor(u * 1000)::int4)::text
	WHEN u < 0.90 THEN (1024 + floor(v * 50000)::int4)::text || '-' || (1024 + floor(v * 50000)::int4 + floor(u * 100)::int4)::text
	WHEN u < 0.95 THEN (1024 + floor(v * 60000)::int4)::text || ':'
	ELSE ':' || (1 + floor(v * 1023)::int4)::text
END;

INSERT INTO fw_strings
SELECT g,
	   CASE WHEN f < 0.35 THEN items
			WHEN f < 0.65 THEN '{ ' || replace(items, ',', ', ') || ' }'
			WHEN f < 0.90 THEN '[' || items || ']'
			ELSE items END
FROM (SELECT g, f,
			 (SELECT string_agg(bench_fw_item(random() + i * 0, random()), ',')
			  FROM generate_series(1, n) i) AS items
	  FROM (SELECT g, random() AS f, 1 + floor(power(random(), 2) * 8)::int4 AS n
			FROM generate_series(1, :strings) g) s) t;

-- What a user writes today: a PL/pgSQL parser of the same forms into
-- int4multirange, with regular expressions.  It validates what it parses
-- (syntax, numbers 0..65535, bounds in order: int4range rejects reversed
-- bounds) but knows none of parse_ports()'s other forms (service names,
-- negation, Cisco keywords, pf operators).  The same parser as one SQL
-- function (regexp_split_to_table + range_agg) was 5x slower; the faster
-- one is the baseline.
CREATE FUNCTION parse_ports_pl(s text) RETURNS int4multirange
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
	item text;
	m    text[];
	lo   int4;
	hi   int4;
	rs   int4range[] := '{}';
BEGIN
	FOREACH item IN ARRAY regexp_split_to_array(btrim(s, ' {}[]'), '\s*,\s*') LOOP
		m := regexp_match(item, '^(\d{0,5})(?:([:-])(\d{0,5}))?$');
		IF m IS NULL OR (m[1] = '' AND (m[2] IS NULL OR m[3] = '')) THEN
			RAISE EXCEPTION 'invalid port list "%"', s USING ERRCODE = '22P02';
		END IF;
		lo := CASE WHEN m[1] = '' THEN 0 ELSE m[1]::int4 END;
		hi := CASE WHEN m[2] IS NULL THEN lo WHEN m[3] = '' THEN 65535 ELSE m[3]::int4 END;
		IF lo > 65535 OR hi > 65535 THEN
			RAISE EXCEPTION 'port out of range in "%"', s USING ERRCODE = '22003';
		END IF;
		rs := rs || int4range(lo, hi, '[]');
	END LOOP;
	RETURN int4multirange(VARIADIC rs);
END
$$;
