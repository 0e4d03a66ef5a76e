--
-- Casts to and from port, and the expressions their contexts make work.
--
CREATE FUNCTION try_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- the declared cast contexts (i = implicit, a = assignment, e = explicit)
SELECT castsource::regtype, casttarget::regtype, castcontext, castmethod
FROM pg_cast
WHERE castsource = 'port'::regtype OR casttarget = 'port'::regtype
ORDER BY castsource::regtype::text, casttarget::regtype::text;

-- from integers and numeric: range-checked at the boundaries
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT 0::int2::port', 'SELECT 32767::int2::port', 'SELECT (-1)::int2::port',
	'SELECT 0::port', 'SELECT 65535::port', 'SELECT 65536::port', 'SELECT (-1)::port',
	'SELECT 2147483647::port', 'SELECT (-2147483648)::port',
	'SELECT 65535::int8::port', 'SELECT 65536::int8::port',
	'SELECT 9223372036854775807::port', 'SELECT (-9223372036854775808)::port',
	'SELECT 443.0::port', 'SELECT 443.4::port', 'SELECT 443.5::port',
	'SELECT 65535.4::port', 'SELECT 65535.5::port', 'SELECT (-0.4)::numeric::port',
	'SELECT (-0.5)::numeric::port', 'SELECT ''NaN''::numeric::port',
	'SELECT ''Infinity''::numeric::port', 'SELECT 1e100::port'
]) q;

-- to integers: lossless
SELECT 65535::port::int4 AS to_int4, 65535::port::int8 AS to_int8,
       pg_typeof(0::port::int4), pg_typeof(0::port::int8);
SELECT count(*) AS lossless FROM generate_series(0, 65535) g
WHERE g::port::int4 = g AND g::port::int8 = g;

-- to and from text (I/O conversion)
SELECT '443'::text::port, 443::port::text, pg_typeof(443::port::text);

-- assignment casts: INSERT and UPDATE with integer values need no cast
CREATE TABLE cast_t (p port, big int8, small int2);
INSERT INTO cast_t (p) VALUES (443), (80::int2), (8080::int8), (22.0);
INSERT INTO cast_t (p) VALUES (70000);
INSERT INTO cast_t (p) VALUES (-1);
INSERT INTO cast_t (p) VALUES ('https_not_a_number');
UPDATE cast_t SET p = p + 1 WHERE p = 22;
UPDATE cast_t SET big = p WHERE p = 443;
SELECT p, big FROM cast_t ORDER BY p;

-- common expressions resolve to one operator or function, never
-- "operator is not unique"; each line shows the result and its type
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT 443::port = 443', 'SELECT 443 = 443::port', 'SELECT 443::port = 443::int8',
	'SELECT 443::port = 443::int2', 'SELECT 443::port < 1024',
	'SELECT 443::port = ''443''', 'SELECT 443::port BETWEEN 1 AND 1023',
	'SELECT 443::port IN (80, 443)', 'SELECT 443::port IN (80, 443::int8)',
	'SELECT 443::port = ANY (ARRAY[80, 443])', 'SELECT 443::port = ANY (''{80,443}''::int8[])',
	'SELECT pg_typeof(443::port + 1)', 'SELECT pg_typeof(1 + 443::port)',
	'SELECT pg_typeof(443::port - 1)', 'SELECT pg_typeof(443::port - 80::port)',
	'SELECT pg_typeof(443::port * 2)', 'SELECT pg_typeof(443::port / 2)',
	'SELECT pg_typeof(443::port % 7)', 'SELECT pg_typeof(443::port + 1::int8)',
	'SELECT pg_typeof(443::port * 1::int8)', 'SELECT pg_typeof(443::port * 1::int2)',
	'SELECT pg_typeof(-(443::port))', 'SELECT pg_typeof(abs(443::port))',
	'SELECT pg_typeof(coalesce(443::port, -1))', 'SELECT pg_typeof(coalesce(443::port, 80::port))',
	'SELECT pg_typeof(greatest(443::port, 1024))',
	'SELECT pg_typeof(CASE WHEN true THEN 443::port ELSE 0 END)',
	'SELECT pg_typeof(sum(p)) FROM cast_t', 'SELECT pg_typeof(avg(p)) FROM cast_t',
	'SELECT pg_typeof(min(p)) FROM cast_t', 'SELECT pg_typeof(max(p)) FROM cast_t',
	'SELECT 443::port || ''/tcp''', 'SELECT format(''%s'', 443::port)',
	'SELECT 443::port::text || ''x''', 'SELECT port(443)', 'SELECT port(''443''::text::int)',
	'SELECT 443::port * 1.5'
]) q;

-- arithmetic that leaves 0..65535 is an error (22003)
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT 65535::port + 1', 'SELECT 1 + 65535::port', 'SELECT 0::port - 1',
	'SELECT 0::port + (-1)', 'SELECT 65535::port + 0', 'SELECT 0::port - 0',
	'SELECT 0::port + 2147483647', 'SELECT 65535::port - (-2147483648)',
	'SELECT 0::port - 65535::port', 'SELECT 65535::port - 0::port'
]) q;

-- What works on an int4 column works on a port column (1.1): comparisons
-- with numeric, casts to numeric, float and smallint, width_bucket and
-- percentile_cont; or it fails with a message that says what to write.
CREATE TABLE cast_flows (dst_port port, n int4);
INSERT INTO cast_flows SELECT g, g FROM unnest(ARRAY[22, 53, 80, 443, 443, 8080, 40000, 65535]) g;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT count(*) FROM cast_flows WHERE dst_port = 443.0',
	'SELECT count(*) FROM cast_flows WHERE dst_port = 443.5',
	'SELECT count(*) FROM cast_flows WHERE 443.0 = dst_port',
	'SELECT count(*) FROM cast_flows WHERE dst_port < 443.5',
	'SELECT count(*) FROM cast_flows WHERE dst_port BETWEEN 79.5 AND 443.0',
	'SELECT count(*) FROM cast_flows WHERE dst_port IN (80.0, 443)',
	'SELECT count(*) FROM cast_flows WHERE n = 443.0',
	'SELECT pg_typeof(dst_port::numeric) FROM cast_flows LIMIT 1',
	'SELECT sum(dst_port::numeric) FROM cast_flows',
	'SELECT pg_typeof(dst_port::float8) FROM cast_flows LIMIT 1',
	'SELECT max(dst_port::float8) FROM cast_flows',
	'SELECT pg_typeof(dst_port::float4) FROM cast_flows LIMIT 1',
	'SELECT pg_typeof(dst_port::smallint) FROM cast_flows WHERE dst_port < 1024 LIMIT 1',
	'SELECT max(dst_port::smallint) FROM cast_flows',
	'SELECT 32767::port::smallint', 'SELECT 32768::port::smallint',
	'SELECT 65535::port::numeric', 'SELECT 65535::port::float8',
	'SELECT string_agg(width_bucket(dst_port, 0, 65536, 4)::text, '','' ORDER BY dst_port) FROM cast_flows',
	'SELECT string_agg(width_bucket(n, 0, 65536, 4)::text, '','' ORDER BY n) FROM cast_flows',
	'SELECT width_bucket(dst_port, 0.0, 1024.0, 4) FROM cast_flows WHERE dst_port = 443',
	'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY dst_port) FROM cast_flows',
	'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM cast_flows',
	'SELECT percentile_cont(ARRAY[0, 0.25, 0.9, 1]) WITHIN GROUP (ORDER BY dst_port) FROM cast_flows',
	'SELECT percentile_cont(ARRAY[0, 0.25, 0.9, 1]) WITHIN GROUP (ORDER BY n) FROM cast_flows',
	'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY dst_port) FROM cast_flows WHERE false',
	'SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY dst_port) FROM cast_flows',
	'SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY dst_port) FROM cast_flows',
	'SELECT mode() WITHIN GROUP (ORDER BY dst_port) FROM cast_flows',
	'SELECT pg_typeof(avg(dst_port)) FROM cast_flows',
	'SELECT pg_typeof(stddev(dst_port)) FROM cast_flows',
	'SELECT dst_port = 443::float8 FROM cast_flows LIMIT 1',
	'SELECT dst_port::int = 443::float8 FROM cast_flows LIMIT 1'
]) q;

-- percentile_cont over many rows agrees with the int4 column's
INSERT INTO cast_flows SELECT (g * 7919) % 65536, (g * 7919) % 65536 FROM generate_series(1, 20000) g;
SELECT (SELECT percentile_cont(ARRAY[0.1, 0.5, 0.99]) WITHIN GROUP (ORDER BY dst_port) FROM cast_flows) =
       (SELECT percentile_cont(ARRAY[0.1, 0.5, 0.99]) WITHIN GROUP (ORDER BY n) FROM cast_flows) AS same_percentiles;

-- untyped parameters and literals, as drivers send them: one operator or
-- function, never "operator is not unique" ("function is not unique").
-- (port_class('https') with a literal is PostgreSQL's function-style cast
-- to the enum type port_class, not a call: write port_class('https'::port).)
PREPARE cast_p1 AS SELECT count(*) FROM cast_flows WHERE dst_port = $1;
PREPARE cast_p2 AS SELECT count(*) FROM cast_flows WHERE dst_port <@ $1;
PREPARE cast_p3 AS SELECT '{[80,80],[443,443]}'::portmultirange @> $1;
PREPARE cast_p4 AS SELECT '[80,443]'::portrange @> $1;
PREPARE cast_p5 AS SELECT $1 <@ '{[80,80],[443,443]}'::portmultirange;
PREPARE cast_p6 AS SELECT count(*) FROM cast_flows WHERE dst_port IN ($1, $2);
PREPARE cast_p7 AS SELECT count(*) FROM cast_flows WHERE dst_port < $1;
PREPARE cast_f1 AS SELECT is_well_known($1), is_registered($1), is_dynamic($1), is_privileged($1),
	is_privileged($1, 80), is_ephemeral($1), is_ephemeral($1, 'linux');
PREPARE cast_f2 AS SELECT port_class($1), port_service($1), port_service($1, 'udp'),
	defacto_service($1), port_service($1, include_defacto => true);
SELECT name, parameter_types::text FROM pg_prepared_statements WHERE name LIKE 'cast\_%' ORDER BY name;
EXECUTE cast_p1('443');
EXECUTE cast_p2('[1,1024]');
EXECUTE cast_p2('{[22,22],[443,443]}');
EXECUTE cast_p3('443');
EXECUTE cast_p3('https');
EXECUTE cast_p3('{[80,80]}');
EXECUTE cast_p4('[100,200]');
EXECUTE cast_p5('80');
EXECUTE cast_p6('80', '443');
EXECUTE cast_p7('1024');
EXECUTE cast_f1('443');
EXECUTE cast_f1('50000');
EXECUTE cast_f2('9092');
EXECUTE cast_f2('https');
DEALLOCATE ALL;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT 443::port <@ ''[1,1024]''', 'SELECT 443::port <@ ''{[1,1024]}''',
	'SELECT ''[1,1024]''::portrange @> ''443''', 'SELECT ''[1,1024]''::portrange @> ''[1,2]''',
	'SELECT ''{[1,1024]}''::portmultirange @> ''443''', 'SELECT ''{[1,1024]}''::portmultirange @> ''{[1,2]}''',
	'SELECT ''[1,1024]''::portrange @> 443', 'SELECT ''[1,1024]''::portrange @> 443::port',
	'SELECT ''443'' <@ ''[1,1024]''::portrange', 'SELECT 443::port <@ ''443''',
	'SELECT is_well_known(''443'')', 'SELECT port_class(''https'')', 'SELECT port_service(''22'')',
	'SELECT is_well_known(''nosuch'')', 'SELECT is_well_known(443)', 'SELECT is_well_known(443::port)'
]) q;
DROP TABLE cast_flows;

DROP TABLE cast_t;
DROP FUNCTION try_expr(text);
