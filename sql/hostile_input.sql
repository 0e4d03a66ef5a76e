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

DROP TABLE hostile, seeds, outcomes;
DROP FUNCTION probe(text, text), port_in_text(text), portrange_in_text(text),
	portmultirange_in_text(text), port_class_in_text(text);
