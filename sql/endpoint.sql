--
-- endpoint: an IPv4 or IPv6 host address with a port.
--
-- Text forms 192.0.2.1:443 and [2001:db8::1]:443; output canonical, IPv6
-- as inet prints it (RFC 5952), always bracketed.
--
SET extra_float_digits = 0;

-- what a bad input raises: SQLSTATE, message and detail
CREATE FUNCTION endpoint_error(t text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	st text;
	msg text;
	det text;
BEGIN
	PERFORM t::endpoint;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
	RETURN st || ' ' || msg || ' / ' || det;
END $$;

-- input and canonical output
SELECT t AS input, t::endpoint AS canonical
FROM (VALUES ('192.0.2.1:443'), ('  10.0.0.1:080  '), ('0.0.0.0:0'),
	('255.255.255.255:65535'), ('[2001:DB8:0:0:0:0:0:1]:443'),
	('[2001:0db8:0000:0000:0001:0000:0000:0001]:1'), ('[::]:22'), ('[::1]:22'),
	('[::ffff:192.0.2.1]:443'), ('[::ffff:c000:0201]:443'), ('[1:0:0:2:0:0:0:3]:5'),
	('[fe80::200:86ff:fe05:80da]:135')) v(t);

-- The address part prints exactly as inet's host() does, for every
-- shape of IPv6 address (the longest zero run, ties, the mapped forms)
SELECT a, ('[' || a || ']:1')::endpoint::text = '[' || host(a::inet) || ']:1' AS same_as_inet
FROM (VALUES ('::'), ('::1'), ('1::'), ('1:0:0:2:0:0:3:4'), ('1:0:0:2:0:0:0:3'),
	('0:0:1:0:0:0:1:0'), ('1:2:3:4:5:6:7:0'), ('0:2:3:4:5:6:7:8'), ('::ffff:1.2.3.4'),
	('::1.2.3.4'), ('::ffff:0:1.2.3.4'), ('64:ff9b::192.0.2.33'), ('ABCD:EF01::0db8'),
	('2001:db8:0:1:1:1:1:1'), ('fe80::1:0:0:0')) v(a);

-- Bad input: 22P02 for syntax, 22003 for an out-of-range port, naming the part
SELECT t AS input, endpoint_error(t) AS error
FROM (VALUES ('2001:db8::1:443'), ('2001:db8::1'), ('[fe80::1%eth0]:80'),
	('fe80::1%eth0:80'), ('10.0.0.0/8:80'), ('[2001:db8::/32]:80'), ('192.0.2.1'),
	('192.0.2.1:'), ('[::1]'), ('192.0.2.1:65536'), ('192.0.2.1:99999999999999999999'),
	('192.0.2.1:-1'), ('192.0.2.1:https'), ('[192.0.2.1]:80'), ('[::1:80'),
	('256.0.0.1:80'), ('01.2.3.4:80'), ('example.com:80'), ('[1::2::3]:80'), (''),
	(':80')) v(t);

-- How many bytes an endpoint takes in a table: 7 for IPv4, 19 for IPv6
CREATE TABLE sizes (e endpoint);
INSERT INTO sizes VALUES ('192.0.2.1:443'), ('[2001:db8::1]:443');
SELECT e, pg_column_size(e) AS bytes FROM sizes;
SELECT typname, typlen, typalign, typstorage, typcategory FROM pg_type WHERE oid = 'endpoint'::regtype;

-- Construction from inet and port; the accessors
SELECT endpoint('192.0.2.1', 443), endpoint('2001:db8::1'::inet, 'https'::port),
	endpoint('::ffff:10.0.0.1', 0);
SELECT address(e), port(e), family(e), port_class(e)
FROM (VALUES ('192.0.2.1:443'::endpoint), ('[2001:db8::1]:50000')) v(e);
SELECT endpoint('10.0.0.0/8', 80);
SELECT endpoint('10.0.0.1', 65536);
-- address() and endpoint() round-trip
SELECT endpoint(address(e), port(e)) = e AS round_trip
FROM (VALUES ('192.0.2.1:443'::endpoint), ('[::ffff:1.2.3.4]:1')) v(e);

-- Binary I/O: endpoint_send() writes family, address and port
SELECT e, endpoint_send(e) FROM sizes;
-- COPY in binary round-trips (through a file in the data directory)
CREATE FUNCTION copy_file(tbl text, direction text, file text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	msg text;
BEGIN
	EXECUTE format('COPY %I %s %L (FORMAT binary)', tbl, direction,
				   current_setting('data_directory') || '/' || file);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
	RETURN SQLSTATE || ' ' || msg;
END $$;
CREATE TABLE copy_src (e endpoint);
INSERT INTO copy_src SELECT ('10.0.' || i || '.1:' || i)::endpoint FROM generate_series(0, 9) i;
INSERT INTO copy_src VALUES ('[2001:db8::1]:443'), ('[::]:0');
CREATE TABLE copy_dst (e endpoint);
SELECT copy_file('copy_src', 'TO', 'endpoint_regress.bin'),
	copy_file('copy_dst', 'FROM', 'endpoint_regress.bin');
SELECT count(*) AS copied, count(*) FILTER (WHERE s.e = d.e) AS equal
FROM copy_src s FULL JOIN copy_dst d ON s.e = d.e;
-- endpoint_recv() rejects a bad family and a wrong length: a bytea column
-- written in binary is read back into an endpoint column
CREATE TABLE bad_bin (b bytea);
INSERT INTO bad_bin VALUES ('\x05c000020101bb');
SELECT copy_file('bad_bin', 'TO', 'endpoint_bad.bin'),
	copy_file('copy_dst', 'FROM', 'endpoint_bad.bin');
UPDATE bad_bin SET b = '\x04c000020101bb00';
SELECT copy_file('bad_bin', 'TO', 'endpoint_bad.bin'),
	copy_file('copy_dst', 'FROM', 'endpoint_bad.bin');
UPDATE bad_bin SET b = '\x06c000020101bb';
SELECT copy_file('bad_bin', 'TO', 'endpoint_bad.bin'),
	copy_file('copy_dst', 'FROM', 'endpoint_bad.bin');

-- Order: IPv4 before IPv6, then address, then port
SELECT e FROM (VALUES ('[::1]:80'::endpoint), ('10.0.0.1:443'), ('10.0.0.1:80'),
	('9.255.255.255:65535'), ('[::ffff:10.0.0.1]:80'), ('0.0.0.0:0'), ('[::]:0')) v(e)
ORDER BY e;
SELECT '10.0.0.1:80'::endpoint < '10.0.0.1:443', '10.0.0.2:1'::endpoint > '10.0.0.1:65535',
	'255.255.255.255:65535'::endpoint < '[::]:0', '[::1]:1'::endpoint = '[0::1]:1',
	'10.0.0.1:1'::endpoint <> '10.0.0.1:2';
SELECT min(e), max(e) FROM copy_src;

-- Network containment: e <<= inet and inet >>= e
SELECT e, e <<= '10.0.0.0/8' AS in_10_8, '2001:db8::/32' >>= e AS in_db8
FROM (VALUES ('10.1.2.3:443'::endpoint), ('11.0.0.1:443'), ('[2001:db8::1]:22'),
	('[::ffff:10.0.0.1]:80')) v(e);

-- Indexes.  100,000 flows' destinations: 10.x.y.z on ports 80/443/22/53,
-- some IPv6
CREATE TABLE flows AS
SELECT i AS id,
	CASE WHEN i % 10 = 0
		THEN endpoint(('2001:db8::' || to_hex(i / 65536) || ':' || to_hex(i % 65536))::inet, 443)
		ELSE endpoint(('10.' || (i % 250) || '.' || (i / 250 % 250) || '.' || (i % 7))::inet,
			(ARRAY[80, 443, 22, 53])[1 + i % 4])
	END AS dst
FROM generate_series(1, 100000) i;
CREATE INDEX flows_dst ON flows (dst);
ANALYZE flows;

-- does the plan read index idx with an index condition?
CREATE FUNCTION index_cond_on(q text, idx text) RETURNS bool LANGUAGE sql AS $$
	SELECT EXISTS (SELECT FROM plan_scans(q) s
				   WHERE s LIKE 'index ' || idx || ' cond%')
$$;

-- "endpoints in 10.1.2.0/24" is an index range condition, and an exact one:
-- the index scan needs no filter
SELECT plan_uses_index('SELECT * FROM flows WHERE dst <<= ''10.1.2.0/24''', 'flows_dst');
SELECT * FROM plan_scans('SELECT * FROM flows WHERE dst <<= ''10.1.2.0/24''');
-- wider networks, either operand order, IPv6 (a bitmap heap scan keeps the
-- operator as a filter)
SELECT index_cond_on('SELECT count(*) FROM flows WHERE dst <<= ''10.1.0.0/16''', 'flows_dst') AS v4_16,
	index_cond_on('SELECT count(*) FROM flows WHERE ''10.1.0.0/16'' >>= dst', 'flows_dst') AS commuted,
	index_cond_on('SELECT count(*) FROM flows WHERE dst <<= ''2001:db8::/64''', 'flows_dst') AS v6_64;
-- the estimate comes from the histogram: close to the true 400 rows
CREATE FUNCTION plan_json(q text, OUT plan json) LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || q INTO plan;
END $$;
CREATE FUNCTION estimated_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN (plan->0->'Plan'->>'Plan Rows')::float8;
END $$;
SELECT estimated_rows('SELECT * FROM flows WHERE dst <<= ''10.1.0.0/16''') BETWEEN 200 AND 800
	AS estimate_within_2x;
-- the index answers exactly what a sequential scan answers
SELECT count(*) FROM flows WHERE dst <<= '10.1.0.0/16';
SELECT count(*) FROM flows WHERE dst <<= '2001:db8::/32';
SELECT count(*) FROM flows WHERE dst <<= '0.0.0.0/0';
SELECT count(*) FROM flows WHERE dst <<= '10.1.2.0/32';
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM flows WHERE dst <<= '10.1.0.0/16';
SELECT count(*) FROM flows WHERE dst <<= '2001:db8::/32';
RESET enable_indexscan;
RESET enable_bitmapscan;

-- "endpoints in 10.1.0.0/16 on port 443": an index on (port(dst), dst)
-- takes both conditions
CREATE INDEX flows_port_dst ON flows (port(dst), dst);
ANALYZE flows;
SELECT index_cond_on('SELECT count(*) FROM flows WHERE dst <<= ''10.1.0.0/16'' AND port(dst) = 443',
	'flows_port_dst') AS both_conditions_on_the_index;
SELECT plan::text ~ '"Index Cond": "[^"]*port\([^)]*dst\)[^"]*443' AS port_in_index_cond
FROM (SELECT plan FROM plan_json('SELECT count(*) FROM flows WHERE dst <<= ''10.1.0.0/16'' AND port(dst) = 443')) p;
SELECT count(*) FROM flows WHERE dst <<= '10.1.0.0/16' AND port(dst) = 443;
DROP INDEX flows_port_dst;

-- BRIN minmax
CREATE TABLE flows_sorted AS SELECT * FROM flows ORDER BY dst;
CREATE INDEX flows_sorted_brin ON flows_sorted USING brin (dst) WITH (pages_per_range = 4);
ANALYZE flows_sorted;
SET enable_seqscan = off;
SELECT index_cond_on('SELECT count(*) FROM flows_sorted WHERE dst <<= ''10.1.0.0/16''',
	'flows_sorted_brin') AS brin_used;
SELECT count(*) FROM flows_sorted WHERE dst <<= '10.1.0.0/16';
RESET enable_seqscan;

-- hash index and hash partitioning (support function 2)
DROP INDEX flows_dst;
CREATE INDEX flows_dst_hash ON flows USING hash (dst);
SELECT plan_uses_index('SELECT * FROM flows WHERE dst = ''10.1.2.3:443''', 'flows_dst_hash');
CREATE TABLE flows_part (dst endpoint) PARTITION BY HASH (dst);
CREATE TABLE flows_part0 PARTITION OF flows_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE flows_part1 PARTITION OF flows_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO flows_part SELECT dst FROM flows;
SELECT count(*) > 30000 AS both_partitions_used FROM flows_part0;
SELECT count(*) > 30000 AS both_partitions_used FROM flows_part1;
-- hash join and merge join give the same answer
SET enable_mergejoin = off;
SELECT count(*) FROM flows a JOIN flows_part b ON a.dst = b.dst WHERE a.id <= 1000;
RESET enable_mergejoin;
SET enable_hashjoin = off;
SELECT count(*) FROM flows a JOIN flows_part b ON a.dst = b.dst WHERE a.id <= 1000;
RESET enable_hashjoin;
-- sort (sortsupport) and the index order agree
SELECT count(*) AS out_of_order FROM (
	SELECT dst, lag(dst) OVER (ORDER BY dst) AS prev FROM flows) s
WHERE prev > dst;

-- The classification and registry functions apply to the port
SELECT e, port_class(e), is_well_known(e), is_registered(e), is_dynamic(e),
	is_privileged(e), is_ephemeral(e, 'linux'), port_service(e), port_service(e, 'udp'),
	defacto_service(e)
FROM (VALUES ('192.0.2.1:443'::endpoint), ('[2001:db8::1]:53'), ('10.0.0.1:8080'),
	('10.0.0.1:50000')) v(e);

-- Log helpers
-- parse_endpoint: the type's syntax, or the port after the last colon
-- (HAProxy's %ci:%cp, netstat, Docker's ":::8080"); NULL or an error
SELECT parse_endpoint('10.0.1.2:33317'), parse_endpoint('::1:33317', 'last-colon'),
	parse_endpoint(':::8080', 'last-colon'), parse_endpoint('[::1]:80', 'last-colon');
SELECT parse_endpoint('2001:db8::1:443', null_on_error => true) IS NULL AS null_for_bad,
	parse_endpoint('garbage', 'last-colon', true) IS NULL AS null_for_garbage;
SELECT parse_endpoint('2001:db8::1:443');
SELECT parse_endpoint('127.0.0.53%lo:53', 'last-colon');
SELECT parse_endpoint('10.0.0.1:1', 'netstat');
-- docker ps: the PORTS column, a row per container port
SELECT * FROM docker_ports('0.0.0.0:8080->80/tcp, :::8080->80/tcp');
SELECT * FROM docker_ports('[::]:443->8443/tcp, 127.0.0.1:5000-5002->6000-6002/udp, 53/udp, 9000/sctp');
SELECT count(*) FROM docker_ports('');
SELECT * FROM docker_ports('0.0.0.0:8000-8002->9000-9001/tcp');
SELECT * FROM docker_ports('0.0.0.0:8080->80/icmp');
SELECT * FROM docker_ports('0.0.0.0:70000->80/tcp');
-- nginx $upstream_addr: servers tried, in order; sockets and names are NULL
SELECT nginx_upstream_addrs('192.168.1.1:80, 192.168.1.2:80, unix:/tmp/sock');
SELECT nginx_upstream_addrs('192.168.10.1:80, 192.168.10.2:80 : [2001:db8::5]:8080');
SELECT nginx_upstream_addrs('backend'), nginx_upstream_addrs('');
SELECT nginx_upstream_addrs('10.0.0.1:80, 10.0.0.2');
SELECT nginx_upstream_addrs('10.0.0.1:80, 10.0.0.2', true);

DROP TABLE sizes, copy_src, copy_dst, bad_bin, flows, flows_sorted, flows_part;
DROP FUNCTION endpoint_error(text), estimated_rows(text), copy_file(text, text, text),
	index_cond_on(text, text), plan_json(text);
