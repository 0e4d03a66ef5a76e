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

DROP TABLE cast_t;
DROP FUNCTION try_expr(text);
