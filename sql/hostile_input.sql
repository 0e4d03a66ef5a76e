--
-- Thousands of malformed strings into every input function and parser.
-- Each must either succeed or fail with a data-exception SQLSTATE (class
-- 22) -- never an internal error -- and the backend must survive.
--
SELECT setseed(0.1234);

-- random strings over an alphabet of the characters the parsers care about,
-- and mutations (a byte inserted, deleted or replaced) of valid inputs
CREATE TABLE hostile (s text);
INSERT INTO hostile
SELECT string_agg(substr(E'0123456789+-:.,!{}[]()<> \t\nanyrgqeltxhps\\\'"é\u00a0', 1 + (random() * 45)::int, 1), '')
FROM generate_series(1, 3000) i, generate_series(1, 1 + (i % 17)) k
GROUP BY i;
CREATE TABLE seeds (s text);
INSERT INTO seeds VALUES ('443'), ('https'), ('[22,23)'), ('{[22,23),[80,81)}'), ('1024:65535'),
	('{ 80, 443, 8000-8100 }'), ('[1:1024,!22]'), ('range 1 1023'), ('eq 80 443'), ('(,1024]'),
	('65535'), ('empty'), ('{}'), ('any'), ('!80');
INSERT INTO hostile
SELECT CASE (random() * 2)::int
         WHEN 0 THEN overlay(s placing substr('0123456789:-,![]{}()x ', 1 + (random() * 21)::int, 1)
                         from 1 + (random() * length(s))::int for 0)
         WHEN 1 THEN overlay(s placing '' from 1 + (random() * length(s))::int for 1)
         ELSE overlay(s placing substr('0123456789:-,![]{}()x ', 1 + (random() * 21)::int, 1)
                      from 1 + (random() * (length(s) - 1))::int for 1) END
FROM seeds, generate_series(1, 200);
-- long and pathological inputs
INSERT INTO hostile VALUES (repeat('9', 100000)), (repeat('[', 10000)), (repeat('1,', 50000) || '1'),
	(repeat('!', 1000) || '80'), (repeat('{', 5000) || repeat('}', 5000)), (repeat(' ', 10000)),
	('[' || repeat('1:2,', 20000) || '3]'), (E'\x01\x02'), (repeat('https,', 10000) || 'ssh');
SELECT count(*) AS inputs FROM hostile;

CREATE FUNCTION port_in_text(t text) RETURNS port LANGUAGE sql RETURN t::port;
CREATE FUNCTION portrange_in_text(t text) RETURNS portrange LANGUAGE sql RETURN t::portrange;
CREATE FUNCTION portmultirange_in_text(t text) RETURNS portmultirange LANGUAGE sql RETURN t::portmultirange;
CREATE FUNCTION port_class_in_text(t text) RETURNS port_class LANGUAGE sql RETURN port_class(t::port);

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
                  'ephemeral_ports', 'port_class_in_text']) fn;
SELECT fn, result, count(*) FROM outcomes GROUP BY 1, 2 ORDER BY 1, 2;

-- no outcome outside class 22 (data exception): in
-- particular no XX000 internal error
SELECT count(*) AS unexpected FROM outcomes
WHERE result <> 'ok' AND result NOT LIKE '22%';

-- and the backend is still the same one, alive
SELECT count(*) > 0 AS alive FROM pg_stat_activity WHERE pid = pg_backend_pid();

DROP TABLE hostile, seeds, outcomes;
DROP FUNCTION probe(text, text), port_in_text(text), portrange_in_text(text),
	portmultirange_in_text(text), port_class_in_text(text);

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
