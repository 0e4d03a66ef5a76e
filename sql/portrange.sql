--
-- portrange and portmultirange.
--
CREATE FUNCTION try_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- Canonical form: [lo,hi) like int4range; unbounded above once the range
-- reaches 65535; an unbounded lower end is 0.  Each set of ports has one
-- representation.
SELECT t AS input, try_expr('SELECT ' || quote_literal(t) || '::portrange') AS canonical
FROM unnest(ARRAY['[22,22]', '[22,23)', '(21,22]', '(21,23)', '[0,0]', '(,0]', '(,1)',
                  '[65535,65535]', '[65535,)', '(65534,)', '(65535,)', '[1024,65535]',
                  '(,)', '[0,)', 'empty', '[5,5)', '(5,5]', '(5,6)', '[6,5]',
                  '[0,65536)', '[-1,5]', '[a,b]', '[ssh,https]']) t;
SELECT '[1024,65535]'::portrange = '[1024,)'::portrange AS upper_forms_equal,
       '[0,1024)'::portrange = '(,1023]'::portrange AS lower_forms_equal,
       '(,)'::portrange = '[0,65535]'::portrange AS all_forms_equal;

-- constructors, with ports or integers (two integers include both ends,
-- since 1.1: portrange(NULL, 1024) holds 0..1024; see port_sets)
SELECT portrange('22'::port, '23'), portrange(22, 22, '[]'), portrange(1024, 65535, '[]'),
       portrange(NULL, 1024), portrange(1024, NULL), portrange(NULL::int, NULL, '()');
-- two untyped literals could be ports or integers: cast one of them
-- (42725 ambiguous function; the error's HINT and DETAIL differ by major,
-- so try_expr() shows only the SQLSTATE and the message)
SELECT try_expr($$SELECT portrange('22', '23')$$);
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT portrange(1, 70000)', 'SELECT portrange(-1, 5)', 'SELECT portrange(5, 1)',
	'SELECT portrange(1, 2, ''x'')', 'SELECT portrange(1, 2, NULL)', 'SELECT portrange(1, 2, ''[]]'')'
]) q;

-- accessors
SELECT r, first_port(r), last_port(r), port_count(r), lower(r), upper(r)
FROM unnest(ARRAY['[22,22]', '[1024,65535]', '(,)', 'empty', '[0,0]']::portrange[]) r;
SELECT m, first_port(m), last_port(m), port_count(m)
FROM unnest(ARRAY['{}', '{[22,22],[80,90]}', '{[0,10],[65530,65535]}', '{(,)}']::portmultirange[]) m;

-- class and OS ranges
SELECT well_known_ports(), registered_ports(), dynamic_ports(),
       ephemeral_ports(), ephemeral_ports('linux'), ephemeral_ports('freebsd');
SELECT try_expr('SELECT ephemeral_ports(''plan9'')');
SELECT port_count(well_known_ports()) + port_count(registered_ports()) + port_count(dynamic_ports()) AS total,
       well_known_ports() -|- registered_ports() AND registered_ports() -|- dynamic_ports() AS adjacent;

-- containment, with ports and integers, ranges and multiranges
SELECT v, v <@ well_known_ports() AS int4_in, v::port <@ well_known_ports() AS port_in,
       well_known_ports() @> v AS contains_int4,
       v <@ '{[22,22],[80,90]}'::portmultirange AS in_set,
       '{[22,22],[80,90]}'::portmultirange @> v AS set_contains
FROM unnest(ARRAY[0, 22, 23, 80, 90, 91, 1023, 1024]) v;
SELECT 70000 <@ '(,)'::portrange AS out_of_range_int, -1 <@ '{(,)}'::portmultirange AS negative,
       '(,)'::portrange @> 65535 AS top, 'empty'::portrange @> 0 AS in_empty,
       '{}'::portmultirange @> 0 AS in_empty_set, NULL::int <@ '(,)'::portrange AS null_elem;

-- range and multirange operations
SELECT '[22,22]'::portrange + '[23,30]' AS union_adjacent, '[1,10]'::portrange * '[5,20]' AS intersection,
       '[1,10]'::portrange - '[1,5]' AS difference, '[1,4]'::portrange -|- '[5,9]' AS adjacent_inclusive,
       '[0,100]'::portrange && '[100,200]' AS overlaps_at_100, '[0,100)'::portrange && '[100,200]' AS not_overlapping;
SELECT range_agg(r) FROM unnest(ARRAY['[22,22]', '[80,82]', '[83,90]', '[65535,65535]', '[60000,65534]']::portrange[]) r;
SELECT '{[1,10],[20,30]}'::portmultirange - '{[5,25]}' AS minus,
       '{[1,10],[20,30]}'::portmultirange * '{[5,25]}' AS intersect,
       portmultirange('[80,80]'::portrange, '[443,443]') AS constructed,
       portmultirange() AS empty_set;
SELECT unnest('{[22,22],[80,90],[1024,)}'::portmultirange);
SELECT '{(,)}'::portmultirange - '{[22,22]}' AS everything_but_22;

-- binary COPY round trip of ranges and multiranges
CREATE TABLE pr_bin (r portrange, m portmultirange);
INSERT INTO pr_bin VALUES ('[22,22]', '{[22,22],[80,90]}'), ('[1024,)', '{[0,0],[65535,65535]}'),
                          ('empty', '{}'), (NULL, NULL), ('(,)', '{(,)}');
\copy pr_bin TO 'results/pr_bin.data' WITH (FORMAT binary)
CREATE TABLE pr_bin2 (LIKE pr_bin);
\copy pr_bin2 FROM 'results/pr_bin.data' WITH (FORMAT binary)
SELECT * FROM pr_bin2;
SELECT count(*) AS identical FROM pr_bin a JOIN pr_bin2 b ON a.r = b.r AND a.m = b.m;
DROP TABLE pr_bin, pr_bin2;

--
-- A plain btree index on a port column answers range and classification
-- predicates (planner support), estimated from the column's histogram.
--
SELECT setseed(0.7);
CREATE TABLE pr_flows AS
SELECT g AS id,
       (CASE WHEN g % 4 = 0 THEN (ARRAY[22, 53, 80, 443])[1 + g % 16 / 4]
             WHEN g % 4 = 1 THEN 32768 + (hashint4(g) & 32767)
             ELSE hashint4(g) & 65535 END)::port AS dst_port
FROM generate_series(1, 30000) g;
CREATE INDEX pr_flows_dst ON pr_flows (dst_port);
ANALYZE pr_flows;

SET enable_seqscan = off;
SELECT plan_access($$SELECT id FROM pr_flows WHERE dst_port <@ '[8000,8100]'::portrange$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE dst_port <@ portrange(8000, 8100, '[]')$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE '[8000,8100]'::portrange @> dst_port$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE dst_port <@ ephemeral_ports('linux')$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE dst_port <@ '{[22,22],[80,80],[443,443]}'::portmultirange$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_well_known(dst_port)$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_registered(dst_port)$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_dynamic(dst_port)$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_privileged(dst_port)$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_privileged(dst_port, 80)$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_ephemeral(dst_port, 'linux')$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE is_ephemeral(dst_port)$$);
SELECT plan_access($$SELECT id FROM pr_flows WHERE dst_port <@ '(,)'::portrange$$);
RESET enable_seqscan;

-- the same answers with and without the index
CREATE FUNCTION pr_counts() RETURNS TABLE (pred text, n int8) LANGUAGE plpgsql AS $$
DECLARE q text;
BEGIN
	FOREACH q IN ARRAY ARRAY['dst_port <@ ''[8000,8100]''::portrange',
	                         'dst_port <@ ephemeral_ports(''linux'')',
	                         'dst_port <@ ''{[22,22],[80,80],[443,443]}''::portmultirange',
	                         'is_well_known(dst_port)', 'is_registered(dst_port)',
	                         'is_dynamic(dst_port)', 'is_privileged(dst_port, 80)',
	                         'is_ephemeral(dst_port, ''linux'')']
	LOOP
		pred := q;
		EXECUTE 'SELECT count(*) FROM pr_flows WHERE ' || q INTO n;
		RETURN NEXT;
	END LOOP;
END $$;
SET enable_seqscan = off;
CREATE TABLE pr_with_index AS SELECT * FROM pr_counts();
RESET enable_seqscan;
SET enable_indexscan = off; SET enable_bitmapscan = off;
SELECT p.pred, p.n AS seqscan, i.n AS index, p.n = i.n AS same
FROM pr_counts() p JOIN pr_with_index i USING (pred);
RESET enable_indexscan; RESET enable_bitmapscan;

-- Estimates come from the histogram, like BETWEEN's: each predicate is
-- shown with the estimate for the equivalent BETWEEN and the true count.
CREATE FUNCTION estimated_rows(q text) RETURNS int8 LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
	EXECUTE 'EXPLAIN ' || q INTO line;
	RETURN substring(line from 'rows=(\d+)')::int8;
END $$;
SELECT pred, estimated_rows('SELECT * FROM pr_flows WHERE ' || pred) AS estimate,
       estimated_rows('SELECT * FROM pr_flows WHERE ' || between_form) AS between_estimate,
       (SELECT n FROM pr_with_index WHERE pr_with_index.pred = v.pred) AS actual
FROM (VALUES ('dst_port <@ ''[8000,8100]''::portrange', 'dst_port BETWEEN 8000 AND 8100'),
             ('dst_port <@ ephemeral_ports(''linux'')', 'dst_port BETWEEN 32768 AND 60999'),
             ('is_well_known(dst_port)', 'dst_port BETWEEN 0 AND 1023'),
             ('is_registered(dst_port)', 'dst_port BETWEEN 1024 AND 49151'),
             ('is_dynamic(dst_port)', 'dst_port BETWEEN 49152 AND 65535'),
             ('is_privileged(dst_port, 80)', 'dst_port BETWEEN 0 AND 79'),
             ('is_ephemeral(dst_port, ''linux'')', 'dst_port BETWEEN 32768 AND 60999'),
             ('dst_port <@ ''{[22,22],[80,80],[443,443]}''::portmultirange', 'dst_port IN (22, 80, 443)')) v(pred, between_form);
DROP TABLE pr_flows, pr_with_index;

--
-- GiST on a portrange column: containment of a port (or an integer),
-- overlap, and exclusion constraints.
--
CREATE TABLE pr_rules AS
SELECT g AS id, portrange((g * 7) % 65000, (g * 7) % 65000 + g % 40, '[]') AS ports
FROM generate_series(1, 20000) g;
CREATE INDEX pr_rules_ports ON pr_rules USING gist (ports);
ANALYZE pr_rules;
SET enable_seqscan = off;
SELECT plan_access($$SELECT id FROM pr_rules WHERE ports @> 8443$$);
SELECT plan_access($$SELECT id FROM pr_rules WHERE ports @> '8443'::port$$);
SELECT plan_access($$SELECT id FROM pr_rules WHERE 8443 <@ ports$$);
SELECT plan_access($$SELECT id FROM pr_rules WHERE ports && '[8000,8100]'::portrange$$);
SELECT plan_access($$SELECT id FROM pr_rules WHERE ports && '{[8000,8100],[9000,9010]}'::portmultirange$$);
CREATE TABLE pr_gist AS
SELECT (SELECT count(*) FROM pr_rules WHERE ports @> 8443) AS contains_8443,
       (SELECT count(*) FROM pr_rules WHERE ports @> 0) AS contains_0,
       (SELECT count(*) FROM pr_rules WHERE ports @> 65535) AS contains_65535,
       (SELECT count(*) FROM pr_rules WHERE ports @> 70000) AS contains_70000,
       (SELECT count(*) FROM pr_rules WHERE ports @> -1) AS contains_minus_1,
       (SELECT count(*) FROM pr_rules WHERE ports && '[8000,8100]'::portrange) AS overlaps,
       (SELECT count(*) FROM pr_rules WHERE ports && '{[8000,8100],[9000,9010]}'::portmultirange) AS overlaps_set;
RESET enable_seqscan;
SET enable_indexscan = off; SET enable_bitmapscan = off;
SELECT 'gist' AS via, * FROM pr_gist
UNION ALL
SELECT 'seqscan', (SELECT count(*) FROM pr_rules WHERE ports @> 8443),
       (SELECT count(*) FROM pr_rules WHERE ports @> 0),
       (SELECT count(*) FROM pr_rules WHERE ports @> 65535),
       (SELECT count(*) FROM pr_rules WHERE ports @> 70000),
       (SELECT count(*) FROM pr_rules WHERE ports @> -1),
       (SELECT count(*) FROM pr_rules WHERE ports && '[8000,8100]'::portrange),
       (SELECT count(*) FROM pr_rules WHERE ports && '{[8000,8100],[9000,9010]}'::portmultirange)
ORDER BY via;
RESET enable_indexscan; RESET enable_bitmapscan;
SELECT estimated_rows('SELECT * FROM pr_rules WHERE ports @> 8443') AS estimate,
       (SELECT contains_8443 FROM pr_gist) AS actual;
DROP TABLE pr_rules, pr_gist;

-- EXCLUDE: no two rules for the same host may overlap (btree_gist gives
-- GiST equality for the host column)
CREATE EXTENSION btree_gist;
CREATE TABLE pr_fw (host text, ports portrange, EXCLUDE USING gist (host WITH =, ports WITH &&));
INSERT INTO pr_fw VALUES ('a', '[80,90]'), ('b', '[80,90]'), ('a', '[91,100]'), ('a', '[1024,)');
INSERT INTO pr_fw VALUES ('a', '[90,91]');
INSERT INTO pr_fw VALUES ('a', '[65535,65535]');
INSERT INTO pr_fw VALUES ('a', '[101,1023]');
SELECT * FROM pr_fw ORDER BY host, ports;
DROP TABLE pr_fw;
DROP EXTENSION btree_gist;
DROP FUNCTION try_expr(text), estimated_rows(text), pr_counts();
