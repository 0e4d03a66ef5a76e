--
-- Binary input (COPY ... FORMAT binary, binary bind parameters) of port,
-- portrange and portmultirange.  Every malformed value -- too short, too
-- long, a bad length inside, bad flags, reversed bounds -- is rejected with
-- 22P03 (invalid_binary_representation) naming the type, never with a
-- protocol error (08P01) and never accepted; every value the send
-- functions produce is read back unchanged.
--
-- copy_field(column, bytes) writes a one-row COPY BINARY stream holding
-- the field and loads it with COPY ... FROM PROGRAM (POSIX printf, octal
-- escapes), so each case is the exact bytes a client would send.
--
CREATE TABLE bin_t (p port, r portrange, mr portmultirange);

CREATE FUNCTION copy_field(col text, field bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	stream bytea := '\x5047434f50590aff0d0a00'::bytea	-- PGCOPY\n\377\r\n\0
		|| '\x0000000000000000'::bytea					-- flags, header extension
		|| '\x0001'::bytea || int4send(length(field)) || field
		|| '\xffff'::bytea;								-- trailer
	fmt text;
	result text;
	detail text;
BEGIN
	SELECT string_agg('\' || (b >> 6) || ((b >> 3) & 7) || (b & 7), '' ORDER BY i)
	INTO fmt
	FROM generate_series(0, length(stream) - 1) i, get_byte(stream, i) b;
	EXECUTE format('COPY bin_t (%I) FROM PROGRAM %L WITH (FORMAT binary)',
				   col, 'printf ''' || fmt || '''');
	EXECUTE format('SELECT string_agg(%I::text, '','') FROM bin_t', col) INTO result;
	TRUNCATE bin_t;
	RETURN 'ok ' || result;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || SQLERRM || ' | ' || detail;
END $$;

-- the types read their binary input with the extension's functions
SELECT typname, typreceive FROM pg_type
WHERE typname IN ('port', 'portrange', 'portmultirange') ORDER BY typname;

-- port: exactly two bytes, network order
SELECT f AS field, copy_field('p', f) FROM (VALUES
	('\x0000'::bytea), ('\x01bb'), ('\xffff'),
	(''), ('\x01'), ('\x01bb00'), ('\x000001bb')) v(f);

-- portrange: a flags byte, then for each finite bound a 4-byte length (2)
-- and the port.  Flags: 01 empty, 02 lower inclusive, 04 upper inclusive,
-- 08 no lower bound, 10 no upper bound.  Well-formed input first: what
-- range_send() produces, and non-canonical forms the canonical function
-- normalises as for text input.
SELECT r AS value, copy_field('r', range_send(r))
FROM unnest(ARRAY['empty', '[22,23)', '[0,1024)', '[1024,)', '[0,)', '[65535,)']::portrange[]) r;
SELECT f AS field, copy_field('r', f) FROM (VALUES
	('\x06000000020016000000020050'::bytea),	-- [22,80]
	('\x00000000020016000000020050'),			-- (22,80)
	('\x08000000020050'),						-- (,80)
	('\x16000000020016'),						-- [22,) with an upper-inclusive bit
	('\x00000000020016000000020017')) v(f);	-- (22,23): empty

-- malformed portrange
SELECT f AS field, copy_field('r', f) FROM (VALUES
	(''::bytea),								-- no flags byte
	('\x02'),									-- lower bound missing
	('\x020000'),								-- its length cut short
	('\x0200000002'),							-- its value missing
	('\x020000000200'),							-- its value cut short
	('\x0200000001160000000200ff'),				-- a 1-byte lower bound
	('\x02000000030016990000000200ff'),			-- a 3-byte lower bound
	('\x02ffffffff'),							-- length -1 (NULL) as a bound
	('\x020000000200160000000200'),				-- upper bound cut short
	('\x1a0000000200161234'),					-- trailing bytes
	('\x0100000000020016'),						-- empty, with a bound
	('\x03'),									-- empty and lower-inclusive
	('\x20'),									-- unknown flag bit (lower NULL)
	('\x80'),									-- unknown flag bit (contains empty)
	('\x02000000020050000000020016')) v(f);	-- lower above upper

-- portmultirange: a 4-byte count, then for each range a 4-byte length and
-- the range's binary form
SELECT m AS value, copy_field('mr', multirange_send(m))
FROM unnest(ARRAY['{}', '{[22,23)}', '{[22,23),[80,81),[1024,)}', '{[0,)}']::portmultirange[]) m;
-- ranges given out of order or overlapping are merged, as for text input
SELECT copy_field('mr', '\x00000002'::bytea
	|| '\x0000000d02000000020050000000020051'::bytea	-- [80,81]
	|| '\x0000000d02000000020016000000020050'::bytea);	-- [22,80]

-- malformed portmultirange
SELECT f AS field, copy_field('mr', f) FROM (VALUES
	(''::bytea),								-- no count
	('\x000001'),								-- count cut short
	('\xffffffff'),								-- negative count
	('\x7fffffff00000001'),						-- more ranges than bytes
	('\x00000001'),								-- one range announced, no bytes for it
	('\x000000010000'),							-- one range, 2 bytes for it
	('\x000000010000000000'),						-- a 0-byte range
	('\x0000000100000005'),						-- a 5-byte range, none there
	('\x000000010000000e02000000020016000000020017'),	-- length past the end
	('\x0000000100000006020000000200'),			-- a range cut short inside
	('\x000000010000000d0200000002001600000002001700'),	-- trailing byte
	('\x0000000200000001010000000103'),			-- second range has bad flags
	('\x000000010000000d02000000020050000000020016')) v(f);	-- reversed range

-- after all that, the session and the table are fine
SELECT count(*) FROM bin_t;
SELECT copy_field('p', '\x0050'), copy_field('r', '\x01'), copy_field('mr', '\x00000000');

-- bad input is always class 22: no case above gave another class
SELECT DISTINCT left(copy_field(c, f), 2) AS class
FROM (VALUES ('p', '\x01'::bytea), ('r', ''), ('r', '\x02'), ('mr', ''), ('mr', '\x00000001')) v(c, f);

DROP TABLE bin_t;
DROP FUNCTION copy_field(text, bytea);
