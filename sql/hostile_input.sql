--
-- Thousands of malformed strings into every input function and parser.
-- Each must either succeed or fail with a data-exception SQLSTATE (class
-- 22) -- never an internal error -- and the backend must survive.
--
-- The strings are generated deterministically (hashint8 of the position, not
-- random()), so that every major and every plan produces the same set.
-- pick(n, k): a pseudo-random integer in [0, k) drawn from n
CREATE FUNCTION pick(n int8, k int) RETURNS int LANGUAGE sql IMMUTABLE
RETURN ((hashint8(n) & 2147483647) % k)::int;

-- random strings over an alphabet of the characters the parsers care about,
-- and mutations (a byte inserted, deleted or replaced) of valid inputs
CREATE TABLE hostile (s text);
INSERT INTO hostile
SELECT string_agg(substr(E'0123456789+-:.,!{}[]()<> \t\nanyrgqeltxhps\\\'"é\u00a0',
                         1 + pick(i * 32 + k, 45), 1), '' ORDER BY k)
FROM generate_series(1, 3000) i, generate_series(1, 1 + (i % 17)) k
GROUP BY i;
CREATE TABLE seeds (id int GENERATED ALWAYS AS IDENTITY, s text);
INSERT INTO seeds (s) VALUES ('443'), ('https'), ('[22,23)'), ('{[22,23),[80,81)}'), ('1024:65535'),
	('{ 80, 443, 8000-8100 }'), ('[1:1024,!22]'), ('range 1 1023'), ('eq 80 443'), ('(,1024]'),
	('65535'), ('empty'), ('{}'), ('any'), ('!80');
INSERT INTO hostile
SELECT CASE pick(n, 3)
         WHEN 0 THEN overlay(s placing substr('0123456789:-,![]{}()x ', 1 + pick(n + 1, 22), 1)
                         from 1 + pick(n + 2, length(s) + 1) for 0)
         WHEN 1 THEN overlay(s placing '' from 1 + pick(n + 2, length(s) + 1) for 1)
         ELSE overlay(s placing substr('0123456789:-,![]{}()x ', 1 + pick(n + 1, 22), 1)
                      from 1 + pick(n + 2, length(s)) for 1) END
FROM seeds, generate_series(1, 200) j, LATERAL (SELECT 1000000 + id * 10000 + j * 4) AS v(n);
-- long and pathological inputs
INSERT INTO hostile VALUES (repeat('9', 100000)), (repeat('[', 10000)), (repeat('1,', 50000) || '1'),
	(repeat('!', 1000) || '80'), (repeat('{', 5000) || repeat('}', 5000)), (repeat(' ', 10000)),
	('[' || repeat('1:2,', 20000) || '3]'), (E'\x01\x02'), (repeat('https,', 10000) || 'ssh');
SELECT count(*) AS inputs FROM hostile;

CREATE FUNCTION port_in_text(t text) RETURNS port LANGUAGE sql RETURN t::port;
CREATE FUNCTION portrange_in_text(t text) RETURNS portrange LANGUAGE sql RETURN t::portrange;
CREATE FUNCTION portmultirange_in_text(t text) RETURNS portmultirange LANGUAGE sql RETURN t::portmultirange;
CREATE FUNCTION port_class_in_text(t text) RETURNS port_class LANGUAGE sql RETURN port_class(t::port);
-- untyped arguments of the containment operators (1.1): a port, range or
-- set on one side, a range or set on the other
CREATE FUNCTION set_contains_text(t text) RETURNS bool LANGUAGE sql
RETURN '{[0,65535]}'::portmultirange @> t;
CREATE FUNCTION port_in_text_set(t text) RETURNS bool LANGUAGE sql
RETURN 80::port <@ t;

CREATE FUNCTION probe(fn text, arg text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT %s(%L)', fn, arg);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

-- the outcome of every input in every function, by SQLSTATE
CREATE TABLE outcomes AS
SELECT fn, probe(fn, s) AS result
FROM hostile,
     unnest(ARRAY['port_in_text', 'portrange_in_text', 'portmultirange_in_text',
                  'parse_ports', 'parse_portrange', 'service_port',
                  'ephemeral_ports', 'port_class_in_text', 'set_contains_text',
                  'port_in_text_set']) fn;
SELECT fn, result, count(*) FROM outcomes GROUP BY 1, 2 ORDER BY 1, 2;

-- no outcome outside class 22 (data exception): in
-- particular no XX000 internal error
SELECT count(*) AS unexpected FROM outcomes
WHERE result <> 'ok' AND result NOT LIKE '22%';

-- The IP protocol argument parser (port_service(p, text), service_port(),
-- protocol_number()), on deterministic strings: every string of one or two
-- characters over an alphabet of what the parser looks at, and every
-- one-character substitution, deletion and doubling in valid protocols
CREATE TABLE proto_alphabet (c text);
INSERT INTO proto_alphabet
SELECT unnest(ARRAY['0', '1', '2', '5', '6', '9', '-', '+', '.', '/', '_', ' ', 't', 'T', 'c',
                    'p', 'u', 'd', 'x', E'\u00e9', ';', E'\t', '']);
CREATE TABLE proto_inputs AS
SELECT DISTINCT a.c || b.c AS s FROM proto_alphabet a, proto_alphabet b
UNION
SELECT overlay(seed placing a.c from pos for w)
FROM unnest(ARRAY['tcp', 'UDP', 'ipv6-icmp', 'sctp', 'dccp', '6', '17', '132', '255', 'gre',
                  'IPv6-Frag', 'AX.25', 'TP++', 'A/N']) seed,
     generate_series(1, 9) pos, generate_series(0, 1) w, proto_alphabet a
WHERE pos <= length(seed) + 1
UNION
SELECT v FROM unnest(ARRAY[repeat('9', 1000), repeat('-', 1000), repeat('t', 100000), '-0', '00000006',
                           '256', '-1', '4294967302', '18446744073709551622']) v;
SELECT count(*) AS protocol_inputs FROM proto_inputs;
CREATE FUNCTION proto_service(t text) RETURNS text LANGUAGE sql RETURN port_service(53, t);
CREATE FUNCTION proto_service_port(t text) RETURNS port LANGUAGE sql RETURN service_port('domain', t);
CREATE TABLE proto_outcomes AS
SELECT fn, probe(fn, s) AS result
FROM proto_inputs, unnest(ARRAY['proto_service', 'proto_service_port', 'protocol_number']) fn;
SELECT fn, result, count(*) FROM proto_outcomes GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS unexpected FROM proto_outcomes
WHERE result NOT IN ('ok', '22P02', '22003');
-- the functions agree on which inputs are malformed, and how
SELECT count(*) AS inputs,
       count(*) FILTER (WHERE probe('proto_service', s) <> probe('protocol_number', s)
                           OR probe('proto_service', s) <> probe('proto_service_port', s)) AS disagree
FROM proto_inputs;
DROP TABLE proto_alphabet, proto_inputs, proto_outcomes;
DROP FUNCTION proto_service(text), proto_service_port(text);

-- and the backend is still the same one, alive
SELECT count(*) > 0 AS alive FROM pg_stat_activity WHERE pid = pg_backend_pid();

-- portproto input, the service-spec parser of each tool and parse_ports()
-- with variables: deterministic strings (hashes, no random()) over the
-- characters these parsers care about, mutations of valid specs, and the
-- strings above
CREATE TABLE hostile_pp (s text);
INSERT INTO hostile_pp
SELECT string_agg(substr(E'0123456789/:,-_ .$()[]{}!tcpudsTCPUSxhnaymg\t\\\'"é', 1 + abs(hashint4(i * 977 + k)) % 47, 1), '' ORDER BY k)
FROM generate_series(1, 2000) i, generate_series(1, 1 + i % 19) k
GROUP BY i;
CREATE TABLE seeds_pp (s text);
INSERT INTO seeds_pp VALUES ('53/udp'), ('udp/53'), ('U:53'), ('https/tcp'), ('80,443/tcp'),
	('60000:61000/udp'), ('tcp/80 udp/53'), ('T:80,443,U:53,1-1024'), ('-p-'), ('8000-8010/udp'),
	('[$HTTP_PORTS,110]'), ('(139 445)'), ('{ 80 443 }'), ('!$X'), ('$HTTP_PORTS');
INSERT INTO hostile_pp
SELECT CASE abs(hashint4(n)) % 3
         WHEN 0 THEN overlay(s placing substr('0123456789:/-,$(){}x ', 1 + abs(hashint4(n * 3)) % 21, 1)
                         from 1 + abs(hashint4(n * 5)) % (length(s) + 1) for 0)
         WHEN 1 THEN overlay(s placing '' from 1 + abs(hashint4(n * 7)) % length(s) for 1)
         ELSE overlay(s placing substr('0123456789:/-,$(){}x ', 1 + abs(hashint4(n * 11)) % 21, 1)
                      from 1 + abs(hashint4(n * 13)) % length(s) for 1) END
FROM (SELECT s, (row_number() OVER (ORDER BY s, g))::int AS n FROM seeds_pp, generate_series(1, 100) g) m;
INSERT INTO hostile_pp VALUES (repeat('9', 100000) || '/tcp'), (repeat('/', 10000)),
	(repeat('T:1,', 20000) || '2'), (repeat('tcp/80 ', 10000)), (repeat('(', 5000) || repeat(')', 5000)),
	(repeat('$X', 1000)), (repeat('80,', 30000) || '81/udp'), (E'53/\x01'), (repeat(' ', 5000) || 'U:');
INSERT INTO hostile_pp SELECT s FROM hostile;
SELECT count(*) AS inputs FROM hostile_pp;

CREATE FUNCTION portproto_in_text(t text) RETURNS portproto LANGUAGE sql RETURN t::portproto;
CREATE FUNCTION spec_probe(tool text, arg text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM count(*) FROM parse_service_spec(arg, tool);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
CREATE FUNCTION vars_probe(arg text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM parse_ports(arg, '{"X": "$Y", "Y": "[80,$Z]", "Z": "443", "HTTP_PORTS": "80", "L": "$L"}');
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;
CREATE TABLE outcomes_pp AS
SELECT 'portproto_in_text' AS fn, probe('portproto_in_text', s) AS result FROM hostile_pp
UNION ALL
SELECT 'parse_service_spec ' || tool, spec_probe(tool, s)
FROM hostile_pp, unnest('{ufw,firewalld,firehol,nmap,docker,zeek}'::text[]) tool
UNION ALL
SELECT 'parse_ports with variables', vars_probe(s) FROM hostile_pp;
SELECT fn, result, count(*) FROM outcomes_pp GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS unexpected FROM outcomes_pp
WHERE result <> 'ok' AND result NOT LIKE '22%';
SELECT count(*) > 0 AS alive FROM pg_stat_activity WHERE pid = pg_backend_pid();
DROP TABLE hostile_pp, seeds_pp, outcomes_pp;
DROP FUNCTION portproto_in_text(text), spec_probe(text, text), vars_probe(text);

DROP TABLE hostile, seeds, outcomes;
DROP FUNCTION pick(int8, int), probe(text, text), port_in_text(text), portrange_in_text(text),
	portmultirange_in_text(text), port_class_in_text(text), set_contains_text(text),
	port_in_text_set(text);

--
-- The endpoint parsers and the Community ID's protocol names (#15), with
-- deterministic strings only: every single-character insertion, deletion
-- and replacement of valid inputs, and long pathological ones.
--
CREATE TABLE ep_seeds (s text);
INSERT INTO ep_seeds VALUES ('192.0.2.1:443'), ('[2001:db8::1]:443'), ('[::ffff:192.0.2.1]:80'),
	('::1:33317'), (':::8080'), ('0.0.0.0:8000-8001->80-81/tcp'), ('[::]:443->8443/udp, 53/sctp'),
	('10.0.0.1:80, [::1]:80 : unix:/s'), ('[1:2:3:4:5:6:7:8]:0'), ('ipv6-icmp'), ('255');
CREATE TABLE ep_hostile (s text);
INSERT INTO ep_hostile
SELECT CASE op
		WHEN 0 THEN overlay(s placing c from p for 0)
		WHEN 1 THEN overlay(s placing c from p for 1)
		ELSE overlay(s placing '' from p for 1) END
FROM ep_seeds, generate_series(1, length(s)) p,
	unnest(string_to_array('0 9 f : [ ] % / . , - > x', ' ')) c, generate_series(0, 2) op
WHERE op < 2 OR c = '0';
INSERT INTO ep_hostile VALUES (repeat('9', 100000)), ('1.2.3.4:' || repeat('9', 100000)),
	(repeat('[', 10000)), (repeat(':', 10000)), (repeat('::', 5000) || '1:80'),
	('[' || repeat('1:', 20000) || ']:80'), (repeat('1.', 20000) || '1:80'),
	(repeat('0.0.0.0:1->1/tcp,', 5000) || '80/tcp'), (repeat('10.0.0.1:80, ', 5000) || 'x'),
	('0.0.0.0:1-65535->1-65535/tcp'), (repeat('%', 1000)), (E'\x01\x02'), (''), ('   ');
SELECT count(*) AS inputs FROM ep_hostile;

CREATE FUNCTION endpoint_in_text(t text) RETURNS endpoint LANGUAGE sql RETURN t::endpoint;
CREATE FUNCTION parse_endpoint_last_colon(t text) RETURNS endpoint LANGUAGE sql
	RETURN parse_endpoint(t, 'last-colon');
CREATE FUNCTION docker_ports_count(t text) RETURNS int8 LANGUAGE sql
	RETURN (SELECT count(*) FROM docker_ports(t));
CREATE FUNCTION community_id_proto(t text) RETURNS text LANGUAGE sql
	RETURN community_id('10.0.0.1'::inet, 1, '10.0.0.2'::inet, 2, t);

CREATE FUNCTION probe(fn text, arg text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT %s(%L)', fn, arg);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

CREATE TABLE ep_outcomes AS
SELECT fn, probe(fn, s) AS result
FROM ep_hostile,
	unnest(ARRAY['endpoint_in_text', 'parse_endpoint_last_colon', 'docker_ports_count',
				 'nginx_upstream_addrs', 'community_id_proto']) fn;
SELECT fn, result, count(*) FROM ep_outcomes GROUP BY 1, 2 ORDER BY 1, 2;

-- nothing outside class 22, and the backend is alive
SELECT count(*) AS unexpected FROM ep_outcomes
WHERE result <> 'ok' AND result NOT LIKE '22%';
SELECT count(*) > 0 AS alive FROM pg_stat_activity WHERE pid = pg_backend_pid();

-- with null_on_error, the parsers return NULL instead: no error at all
CREATE FUNCTION parse_endpoint_or_null(t text) RETURNS endpoint LANGUAGE sql
	RETURN parse_endpoint(t, 'last-colon', true);
CREATE FUNCTION nginx_upstream_addrs_or_null(t text) RETURNS endpoint[] LANGUAGE sql
	RETURN nginx_upstream_addrs(t, true);
SELECT fn, probe(fn, s) AS result, count(*)
FROM ep_hostile, unnest(ARRAY['parse_endpoint_or_null', 'nginx_upstream_addrs_or_null']) fn
GROUP BY 1, 2 ORDER BY 1, 2;

DROP TABLE ep_seeds, ep_hostile, ep_outcomes;
DROP FUNCTION probe(text, text), endpoint_in_text(text), parse_endpoint_last_colon(text),
	docker_ports_count(text), community_id_proto(text), parse_endpoint_or_null(text),
	nginx_upstream_addrs_or_null(text);
