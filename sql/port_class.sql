--
-- RFC 6335 classification, privileged and ephemeral ports, domains.
--
CREATE FUNCTION try_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- the enum, in range order
SELECT enum_range(NULL::port_class);

-- boundary values, through the port and the int4 versions
SELECT v, port_class(v::port), is_well_known(v::port) AS wk, is_registered(v::port) AS reg,
       is_dynamic(v::port) AS dyn, is_privileged(v::port) AS priv,
       port_class(v) = port_class(v::port) AND is_well_known(v) = is_well_known(v::port)
         AND is_registered(v) = is_registered(v::port) AND is_dynamic(v) = is_dynamic(v::port)
         AND is_privileged(v) = is_privileged(v::port) AS int4_agrees
FROM unnest(ARRAY[0, 1, 1023, 1024, 49151, 49152, 65535]) v;

-- the classes partition 0..65535 with the RFC 6335 sizes
SELECT port_class(g::port), count(*), min(g), max(g),
       count(*) FILTER (WHERE is_well_known(g::port)) AS wk,
       count(*) FILTER (WHERE is_registered(g::port)) AS reg,
       count(*) FILTER (WHERE is_dynamic(g::port)) AS dyn
FROM generate_series(0, 65535) g GROUP BY 1 ORDER BY 1;

-- int4 arguments outside 0..65535 are errors; NULL gives NULL
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT port_class(-1)', 'SELECT port_class(65536)', 'SELECT is_well_known(-1)',
	'SELECT is_registered(70000)', 'SELECT is_dynamic(65536)', 'SELECT is_privileged(-5)',
	'SELECT is_ephemeral(65536)', 'SELECT port_class(NULL::port)', 'SELECT is_dynamic(NULL::int4)'
]) q;

-- privileged ports with an unprivileged-port start, as Linux's
-- net.ipv4.ip_unprivileged_port_start
SELECT s, is_privileged(0, s) AS p0, is_privileged(79, s) AS p79, is_privileged(80, s) AS p80,
       is_privileged(1023::port, s) AS p1023, is_privileged(1024, s) AS p1024,
       is_privileged(65535::port, s) AS p65535
FROM unnest(ARRAY[0, 80, 1024, 65535]) s;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT is_privileged(80, -1)', 'SELECT is_privileged(80::port, 65536)'
]) q;

-- ephemeral ranges of IANA and the operating systems
SELECT os, first_port, last_port FROM ephemeral_ranges();
SELECT os, is_ephemeral(9999::port, os) AS p9999, is_ephemeral(10000::port, os) AS p10000,
       is_ephemeral(32767, os) AS p32767, is_ephemeral(32768, os) AS p32768,
       is_ephemeral(49151, os) AS p49151, is_ephemeral(49152, os) AS p49152,
       is_ephemeral(60999, os) AS p60999, is_ephemeral(61000, os) AS p61000,
       is_ephemeral(65535, os) AS p65535
FROM ephemeral_ranges();
SELECT is_ephemeral(50000) AS iana_default, is_ephemeral(40000, 'LINUX') AS case_insensitive,
       is_ephemeral(50000, 'darwin') AS darwin, is_ephemeral(50000, 'osx') AS osx,
       is_ephemeral(50000, 'rfc6335') AS rfc6335;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT is_ephemeral(50000, ''solaris'')', 'SELECT is_ephemeral(50000, '''')',
	'SELECT is_ephemeral(50000::port, NULL)'
]) q;

-- domains, and the classification functions in CHECK constraints,
-- generated columns and index expressions (they are immutable)
CREATE TABLE svc (
	listen well_known_port,
	backend registered_port,
	client dynamic_port,
	published assignable_port,
	app unprivileged_port,
	target nonzero_port,
	cls port_class GENERATED ALWAYS AS (port_class(listen)) STORED,
	CHECK (NOT is_dynamic(backend))
);
INSERT INTO svc (listen, backend, client, published, app, target)
VALUES (443, 8443, 50000, 49151, 1024, 1);
SELECT * FROM svc;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'INSERT INTO svc (listen) VALUES (1024)', 'INSERT INTO svc (backend) VALUES (1023)',
	'INSERT INTO svc (backend) VALUES (49152)', 'INSERT INTO svc (client) VALUES (49151)',
	'INSERT INTO svc (published) VALUES (49152)', 'INSERT INTO svc (app) VALUES (1023)',
	'INSERT INTO svc (target) VALUES (0)', 'INSERT INTO svc (listen) VALUES (70000)',
	'INSERT INTO svc (listen) VALUES (0) RETURNING cls'
]) q;
SELECT '8443'::registered_port, 80::well_known_port = 80 AS domain_compares;
CREATE INDEX svc_cls ON svc (port_class(listen));
CREATE INDEX svc_dyn ON svc (client) WHERE is_dynamic(client);
DROP TABLE svc;
DROP FUNCTION try_expr(text);
