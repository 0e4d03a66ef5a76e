--
-- Partition pruning on PARTITION BY RANGE (dst_port), one partition per
-- RFC 6335 class: the classification functions and <@ with constant
-- ranges and sets prune like dst_port <= 1023 does (at plan time), and <@
-- with a parameter prunes at executor startup in a generic plan.
--
CREATE TABLE pp_flows (id int, dst_port port) PARTITION BY RANGE (dst_port);
CREATE TABLE pp_well_known PARTITION OF pp_flows FOR VALUES FROM (0) TO (1024);
CREATE TABLE pp_registered PARTITION OF pp_flows FOR VALUES FROM (1024) TO (49152);
CREATE TABLE pp_dynamic PARTITION OF pp_flows FOR VALUES FROM (49152) TO (MAXVALUE);
INSERT INTO pp_flows SELECT g, (g * 7) % 65536 FROM generate_series(0, 99999) g;
ANALYZE pp_flows;

-- the partitions a query reads
CREATE FUNCTION pp_scanned(q text) RETURNS text LANGUAGE sql AS $$
	SELECT coalesce(string_agg(split_part(s, ' ', 2), ',' ORDER BY split_part(s, ' ', 2)), 'none')
	FROM plan_scans(q) s
$$;

SELECT pred, pp_scanned('SELECT id FROM pp_flows WHERE ' || pred) AS scanned
FROM unnest(ARRAY[
	'dst_port <= 1023', 'dst_port < 1024', 'dst_port >= 49152',
	'is_well_known(dst_port)', 'is_registered(dst_port)', 'is_dynamic(dst_port)',
	'NOT is_well_known(dst_port)', 'is_privileged(dst_port)', 'is_privileged(dst_port, 80)',
	'is_privileged(dst_port, 0)', 'is_ephemeral(dst_port)', 'is_ephemeral(dst_port, ''linux'')',
	'dst_port <@ well_known_ports()', 'dst_port <@ registered_ports()',
	'dst_port <@ dynamic_ports()', 'dynamic_ports() @> dst_port',
	'dst_port <@ ephemeral_ports(''freebsd'')',
	'dst_port <@ ''[8000,8100]''::portrange', 'dst_port <@ portrange(22, 22)',
	'dst_port <@ ''[8000,8100]''', 'dst_port <@ ''empty''::portrange',
	'dst_port <@ ''{[22,22],[80,80],[443,443]}''::portmultirange',
	'dst_port <@ ''{[22,22],[50000,50010]}''::portmultirange',
	'dst_port <@ parse_ports(''80,443,8080'')', 'dst_port <@ ''{[53,53],[60000,60000]}''',
	'''{[22,22],[80,80]}''::portmultirange @> dst_port'
]) pred;

-- the rewritten conditions give the same rows as the functions on a
-- plain table
CREATE TABLE pp_plain AS SELECT * FROM pp_flows;
SELECT pred,
       (SELECT count(*) FROM pp_flows WHERE CASE pred
            WHEN 'well_known' THEN is_well_known(dst_port)
            WHEN 'registered' THEN is_registered(dst_port)
            WHEN 'dynamic' THEN is_dynamic(dst_port)
            WHEN 'not_well_known' THEN NOT is_well_known(dst_port)
            WHEN 'set' THEN dst_port <@ '{[22,22],[80,80],[443,443],[50000,60000]}'::portmultirange
            WHEN 'linux' THEN is_ephemeral(dst_port, 'linux') END) AS partitioned,
       (SELECT count(*) FROM pp_plain WHERE CASE pred
            WHEN 'well_known' THEN is_well_known(dst_port)
            WHEN 'registered' THEN is_registered(dst_port)
            WHEN 'dynamic' THEN is_dynamic(dst_port)
            WHEN 'not_well_known' THEN NOT is_well_known(dst_port)
            WHEN 'set' THEN dst_port <@ '{[22,22],[80,80],[443,443],[50000,60000]}'::portmultirange
            WHEN 'linux' THEN is_ephemeral(dst_port, 'linux') END) AS plain
FROM unnest(ARRAY['well_known', 'registered', 'dynamic', 'not_well_known', 'set', 'linux']) pred;
SELECT count(*) AS well_known FROM pp_flows WHERE is_well_known(dst_port);
SELECT count(*) AS not_well_known FROM pp_flows WHERE NOT is_well_known(dst_port);
SELECT count(*) AS in_set FROM pp_flows
WHERE dst_port <@ '{[22,22],[80,80],[443,443],[50000,60000]}'::portmultirange;
SELECT count(*) AS in_set FROM pp_plain
WHERE dst_port <@ '{[22,22],[80,80],[443,443],[50000,60000]}'::portmultirange;
-- NULLs stay NULL, as the functions are strict
SELECT is_well_known(NULL::port) IS NULL AS null_stays_null,
       (SELECT count(*) FROM (VALUES (NULL::port)) v(p) WHERE NOT is_well_known(p)) AS not_null_rows;

-- generic plans: constants still prune at plan time, and a parameter
-- prunes when the executor starts ("Subplans Removed")
SET plan_cache_mode = force_generic_plan;
PREPARE pp_wk AS SELECT count(*) FROM pp_flows WHERE is_well_known(dst_port);
PREPARE pp_range(portrange) AS SELECT count(*) FROM pp_flows WHERE dst_port <@ $1;
PREPARE pp_set(portmultirange) AS SELECT count(*) FROM pp_flows WHERE $1 @> dst_port;
PREPARE pp_le(int) AS SELECT count(*) FROM pp_flows WHERE dst_port <= $1;

CREATE FUNCTION pp_removed(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
	EXECUTE 'EXPLAIN (COSTS OFF, FORMAT JSON) ' || q INTO plan;
	RETURN (WITH RECURSIVE node(j) AS (
			SELECT plan->0->'Plan' UNION ALL
			SELECT c FROM node, json_array_elements(node.j->'Plans') c)
		SELECT string_agg((j->>'Subplans Removed'), ',') FROM node
		WHERE j->>'Node Type' = 'Append');
END $$;

SELECT q, pp_scanned(q) AS scanned, pp_removed(q) AS removed_at_startup
FROM unnest(ARRAY['EXECUTE pp_wk', 'EXECUTE pp_le(1023)', 'EXECUTE pp_range(''[80,90]'')',
                  'EXECUTE pp_range(''[50000,50001]'')', 'EXECUTE pp_range(''empty'')',
                  'EXECUTE pp_set(''{[80,80],[443,443]}'')', 'EXECUTE pp_set(''{[80,80],[50000,50000]}'')']) q;
EXECUTE pp_wk;
EXECUTE pp_range('[80,90]');
EXECUTE pp_range('empty');
EXECUTE pp_range(NULL);
EXECUTE pp_set('{[80,80],[443,443]}');
EXECUTE pp_set('{[80,80],[50000,50000]}');
RESET plan_cache_mode;
SELECT count(*) FROM pp_plain WHERE dst_port <@ '[80,90]'::portrange;
SELECT count(*) FROM pp_plain WHERE dst_port <@ '{[80,80],[50000,50000]}'::portmultirange;

-- on a table that is not partitioned the calls stay calls: their index
-- conditions and histogram estimates are unchanged (see portrange)
CREATE INDEX pp_plain_dst ON pp_plain (dst_port);
ANALYZE pp_plain;
SET enable_seqscan = off;
SELECT * FROM plan_scans('SELECT id FROM pp_plain WHERE is_well_known(dst_port)');
RESET enable_seqscan;

DEALLOCATE ALL;
DROP FUNCTION pp_scanned(text), pp_removed(text);
DROP TABLE pp_flows, pp_plain;
