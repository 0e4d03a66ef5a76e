--
-- GiST indexes on portrange and portmultirange columns are used by every
-- containment and overlap form, with ports, integers, ranges, sets and
-- untyped literals, and give the same answers as a sequential scan.
--
CREATE TABLE mr_rules (id int, ports portmultirange, span portrange);
INSERT INTO mr_rules
SELECT g,
       parse_ports(g || '-' || (g + 10) || ',' || (g + 1000)),
       portrange(g, g + 10)
FROM generate_series(1, 60000, 3) g;
INSERT INTO mr_rules VALUES (0, '{}', 'empty'), (-1, parse_ports('any'), '(,)');
CREATE INDEX mr_rules_ports ON mr_rules USING gist (ports);
CREATE INDEX mr_rules_span ON mr_rules USING gist (span);
ANALYZE mr_rules;

-- the default operator classes
SELECT i.indexrelid::regclass AS index, opc.opcname
FROM pg_index i JOIN pg_opclass opc ON opc.oid = i.indclass[0]
WHERE i.indrelid = 'mr_rules'::regclass ORDER BY 1;

CREATE TABLE mr_forms (form text);
INSERT INTO mr_forms VALUES
	('ports @> 8443'), ('ports @> 8443::port'), ('ports @> 8443::int2'), ('ports @> ''8443'''),
	('ports @> ''https'''), ('8443 <@ ports'), ('8443::port <@ ports'), ('''8443'' <@ ports'),
	('ports @> ''[8443,8445]''::portrange'), ('ports @> ''[8443,8445]'''),
	('ports @> ''{[8443,8443],[9443,9443]}''::portmultirange'), ('ports @> ''{[8443,8443]}'''),
	('''[8443,8445]''::portrange <@ ports'), ('''{[8443,8445]}''::portmultirange <@ ports'),
	('ports && ''[8443,8445]''::portrange'), ('ports && ''{[8443,8445]}''::portmultirange'),
	('ports && portrange(8443, 8445)'), ('ports && parse_ports(''8443,9443'')'),
	('ports <@ ''[8000,9500]''::portrange'), ('ports <@ ''{[8000,9500]}''::portmultirange'),
	('ports -|- ''[8400,8420]''::portrange'), ('ports << ''[100,200]''::portrange'),
	('ports = ''{[8443,8454),[9442,9443)}''::portmultirange');
-- the same forms against the portrange column
INSERT INTO mr_forms SELECT replace(form, 'ports', 'span') FROM mr_forms
WHERE form NOT LIKE '%parse_ports%' AND form NOT LIKE '%= ''{%';

SET enable_seqscan = off;
SELECT form, plan_uses_index('SELECT id FROM mr_rules WHERE ' || form,
                             CASE WHEN form LIKE '%span%' THEN 'mr_rules_span' ELSE 'mr_rules_ports' END) AS uses_index
FROM mr_forms ORDER BY form;

-- parameters, typed and untyped (as drivers send them), in a generic plan
SET plan_cache_mode = force_generic_plan;
PREPARE mr_untyped AS SELECT count(*) FROM mr_rules WHERE ports @> $1;
PREPARE mr_untyped_r AS SELECT count(*) FROM mr_rules WHERE $1 <@ span;
PREPARE mr_port(port) AS SELECT count(*) FROM mr_rules WHERE ports @> $1;
PREPARE mr_int(int) AS SELECT count(*) FROM mr_rules WHERE $1 <@ ports;
SELECT plan_uses_index('EXECUTE mr_untyped(''8443'')', 'mr_rules_ports') AS untyped,
       plan_uses_index('EXECUTE mr_untyped_r(''8443'')', 'mr_rules_span') AS untyped_range,
       plan_uses_index('EXECUTE mr_port(8443)', 'mr_rules_ports') AS port,
       plan_uses_index('EXECUTE mr_int(8443)', 'mr_rules_ports') AS int;
EXECUTE mr_untyped('8443');
EXECUTE mr_untyped('https');
EXECUTE mr_untyped('[8443,8445]');
EXECUTE mr_untyped('{[8443,8443],[9443,9443]}');
EXECUTE mr_untyped_r('8443');
EXECUTE mr_port(8443);
EXECUTE mr_int(8443);
EXECUTE mr_int(70000);
RESET plan_cache_mode;

-- every form gives the answer of a sequential scan
CREATE FUNCTION mr_ids(form text) RETURNS int[] LANGUAGE plpgsql AS $$
DECLARE r int[];
BEGIN
	EXECUTE 'SELECT array_agg(id ORDER BY id) FROM mr_rules WHERE ' || form INTO r;
	RETURN r;
END $$;
CREATE TEMP TABLE mr_indexed AS SELECT form, mr_ids(form) AS ids FROM mr_forms;
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS forms,
       count(*) FILTER (WHERE ids IS NOT DISTINCT FROM mr_ids(form)) AS same_as_seqscan,
       count(*) FILTER (WHERE ids IS NOT NULL) AS with_rows
FROM mr_indexed;
RESET enable_indexscan;
RESET enable_bitmapscan;

-- an integer outside 0..65535 is in no set, with or without the index
SET enable_seqscan = off;
SELECT count(*) FROM mr_rules WHERE ports @> 70000;
SELECT count(*) FROM mr_rules WHERE -1 <@ ports;
RESET enable_seqscan;

-- untyped text that is not a port, range or set
SELECT '{[1,5)}'::portmultirange @> 'nosuch';
SELECT 3::port <@ '3';
SELECT 3::port <@ '[1,5)', 3::port <@ '{[1,5)}', '[1,5)' @> 3::port;

--
-- Through postgres_fdw: the conditions are sent to the remote server, and
-- the query it receives uses the remote index (the remote here is this
-- database, over a loopback connection).
--
CREATE EXTENSION postgres_fdw;
DO $$
BEGIN
	EXECUTE format('CREATE SERVER mr_loopback FOREIGN DATA WRAPPER postgres_fdw
	                OPTIONS (host %L, port %L, dbname %L, extensions ''portrange'')',
	               split_part(current_setting('unix_socket_directories'), ',', 1),
	               current_setting('port'), current_database());
END $$;
CREATE USER MAPPING FOR CURRENT_USER SERVER mr_loopback;
CREATE FOREIGN TABLE mr_remote (id int, ports portmultirange, span portrange)
	SERVER mr_loopback OPTIONS (table_name 'mr_rules');

-- the Remote SQL postgres_fdw sends, from EXPLAIN (VERBOSE, FORMAT JSON)
CREATE FUNCTION remote_sql(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF, FORMAT JSON) ' || query INTO plan;
	RETURN plan->0->'Plan'->>'Remote SQL';
END $$;

-- All but the untyped literal are pushed down: '8443' is text, and
-- postgres_fdw sends a text comparison only when its collation comes from a
-- column, so ports @> '8443' runs locally (write ports @> 8443, or type the
-- parameter: $1::port).
SET enable_seqscan = off;
SELECT form,
       remote_sql('SELECT id FROM mr_remote WHERE ' || form) LIKE '% WHERE %' AS pushed_down,
       plan_uses_index(remote_sql('SELECT id FROM mr_remote WHERE ' || form),
                       CASE WHEN form LIKE '%span%' THEN 'mr_rules_span' ELSE 'mr_rules_ports' END) AS remote_uses_index
FROM mr_forms
WHERE form IN ('ports @> 8443', 'ports @> 8443::port', '8443 <@ ports', 'ports @> ''8443''',
               'ports && ''[8443,8445]''::portrange', 'ports @> ''[8443,8445]''::portrange',
               'span @> 8443', '8443 <@ span', 'span && ''[8443,8445]''::portrange')
ORDER BY form;
RESET enable_seqscan;
SELECT (SELECT array_agg(id ORDER BY id) FROM mr_remote WHERE ports @> 8443) =
       (SELECT array_agg(id ORDER BY id) FROM mr_rules WHERE ports @> 8443) AS same_rows;

DROP FOREIGN TABLE mr_remote;
DROP USER MAPPING FOR CURRENT_USER SERVER mr_loopback;
DROP SERVER mr_loopback;
DROP EXTENSION postgres_fdw;
DROP FUNCTION mr_ids(text), remote_sql(text);
DROP TABLE mr_rules, mr_forms;
