--
-- Text and binary input and output of port.
--

-- try(text) returns 'ok <value>' or the SQLSTATE and message of the error
CREATE FUNCTION try_port(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	RETURN 'ok ' || t::port::text;
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- boundary values and accepted spellings
SELECT t AS input, try_port(t) AS result
FROM unnest(ARRAY['0', '1', '1023', '1024', '49151', '49152', '65535',
                  '443', '0443', '00000000000000000080', '+80', ' 80', '80 ',
                  E'\t80\n', '  +0  ', '-0', '-00']) AS t;

-- rejected: syntax (22P02) and out of range (22003)
SELECT t AS input, try_port(t) AS result
FROM unnest(ARRAY['', ' ', '+', '-', '65536', '70000', '99999999999', '-1',
                  '-65535', '1e3', '0x50', '80abc', '8 0', '80.0', '80,',
                  '++80', '+-80', '- 1', '٨٠', 'https!', '80/tcp']) AS t;

-- the detail of each kind of error
SELECT '65536'::port;
SELECT '-1'::port;
SELECT '8 0'::port;
SELECT 'no-such-service'::port;

-- a 10 MB string of digits is out of range, and the message shows only
-- its beginning
SELECT try_port(repeat('1', 10 * 1024 * 1024)) AS ten_megabytes;
SELECT try_port(repeat('0', 10 * 1024 * 1024) || '443') AS zeros_then_443;
SELECT try_port(repeat('x', 10 * 1024 * 1024)) AS ten_megabytes_of_x;

-- output is plain decimal
SELECT p::port::text FROM unnest(ARRAY[0, 7, 80, 1023, 65535]) p;

-- every one of the 65536 values round-trips through text
SELECT count(*) AS text_round_trips
FROM generate_series(0, 65535) g
WHERE g::port::text::port = g::port AND g::port::text = g::text;

-- binary output: two bytes, network order
SELECT port_send('0'), port_send('443'), port_send('65535');

-- every value round-trips through binary COPY
CREATE TABLE port_bin (p port);
INSERT INTO port_bin SELECT g FROM generate_series(0, 65535) g;
\copy port_bin TO 'results/port_bin.data' WITH (FORMAT binary)
CREATE TABLE port_bin2 (p port);
\copy port_bin2 FROM 'results/port_bin.data' WITH (FORMAT binary)
SELECT count(*) AS rows, count(DISTINCT p) AS distinct_values,
       min(p), max(p)
FROM port_bin2;
SELECT count(*) AS mismatches
FROM port_bin a FULL JOIN port_bin2 b ON a.p = b.p
WHERE a.p IS NULL OR b.p IS NULL;

-- text COPY
\copy port_bin2 TO 'results/port_text.data'
TRUNCATE port_bin2;
\copy port_bin2 FROM 'results/port_text.data'
SELECT count(*) AS rows, sum(p::int8) AS total FROM port_bin2;

-- arrays and records of ports
SELECT '{80,443,65535}'::port[], ARRAY[22, 80]::port[];
SELECT '{80,70000}'::port[];
SELECT ROW('443'::port, 'x')::text;

DROP TABLE port_bin, port_bin2;
DROP FUNCTION try_port(text);
