-- bench/queries.sql -- what bench/run.sh measures, in the order it runs
--
-- bench/bench.py reads this file as blocks.  A block starts with a line
-- "-- @bench ID" (a measured row of the table) or "-- @step ID" (untimed
-- SQL: preparation).  Its other "-- @key value" lines:
--
--   @group G       section of the table (load, size, filters, ...)
--   @label TEXT    the row's label in the table
--   @kind K        time (default): median ms of the two statements
--                  size: one value each, in bytes (statements return it)
--                  memory: peak private memory of a fresh backend running
--                          the two statements (see README.md)
--                  registry: bytes of the registry compiled into the library
--                          vs the baseline statement's bytes
--   @target T      the ratio portrange / baseline must be <= T
--   @set a=b, ...  settings for both statements (SET in the session)
--   @expect S      both EXPLAIN plans must contain S (checked, reported)
--   @loops N       run the statement N times per timing (short queries)
--   @rate N UNIT   also report N / time as UNIT per second
--   @noresult      the statement returns no row (COPY, CREATE INDEX)
--   @sync          one timing at a time, with sync(2) before each (after
--                  the setup), so that the kernel's write-back of the
--                  previous COPY does not land in the next timing; for a
--                  step: sync(2) after it
--   @port / @base  the portrange / baseline statement, on the lines that
--                  follow, up to the next "-- @" line
--   @setup_port / @setup_base   untimed statement before each timing
--   @sql           (steps) the SQL to run
--
-- {files} is replaced by a directory the server can write, {rows} by the
-- number of log rows, {strings} by the number of firewall strings.
-- Both statements of a row must give the same result; the driver compares
-- them (after a ",65536)" -> ",)" fix-up for int4multirange text).

------------------------------------------------------------------------------
-- load
------------------------------------------------------------------------------

-- @step export_text
-- @sync
-- @sql
COPY flows_int TO '{files}/flows.txt';
COPY flows_int TO '{files}/flows_int.bin' (FORMAT binary);

-- @bench copy_text
-- @sync
-- @group load
-- @label COPY FROM text
-- @target 1.00
-- @noresult
-- @setup_port
TRUNCATE flows_port
-- @setup_base
TRUNCATE flows_int
-- @port
COPY flows_port FROM '{files}/flows.txt'
-- @base
COPY flows_int FROM '{files}/flows.txt'

-- The binary files are each table's own binary COPY form of the same rows
-- (a port is 2 bytes on the wire, an int4 4 bytes), as a driver in binary
-- mode would send them.
-- @step export_binary
-- @sync
-- @sql
COPY flows_port TO '{files}/flows_port.bin' (FORMAT binary);
CHECKPOINT;

-- @bench copy_binary
-- @sync
-- @group load
-- @label COPY FROM BINARY
-- @target 1.00
-- @noresult
-- @setup_port
TRUNCATE flows_port
-- @setup_base
TRUNCATE flows_int
-- @port
COPY flows_port FROM '{files}/flows_port.bin' (FORMAT binary)
-- @base
COPY flows_int FROM '{files}/flows_int.bin' (FORMAT binary)

-- @step check_load
-- @sync
-- @sql
DO $$
DECLARE a text; b text;
BEGIN
	SELECT count(*) || '/' || sum(src_port) || '/' || sum(dst_port) || '/' || sum(bytes) || '/' ||
		   sum(hashtext(protocol || host(src_addr) || host(dst_addr) || ts::text)::int8)
	INTO a FROM flows_port;
	SELECT count(*) || '/' || sum(src_port) || '/' || sum(dst_port) || '/' || sum(bytes) || '/' ||
		   sum(hashtext(protocol || host(src_addr) || host(dst_addr) || ts::text)::int8)
	INTO b FROM flows_int;
	IF a IS DISTINCT FROM b THEN
		RAISE EXCEPTION 'flows_port and flows_int differ after the load: % vs %', a, b;
	END IF;
END $$;
CHECKPOINT;

-- @bench index_build
-- @sync
-- @group load
-- @label CREATE INDEX btree (dst_port)
-- @target 1.00
-- @noresult
-- @setup_port
DROP INDEX IF EXISTS flows_port_dst_port
-- @setup_base
DROP INDEX IF EXISTS flows_int_dst_port
-- @port
CREATE INDEX flows_port_dst_port ON flows_port (dst_port)
-- @base
CREATE INDEX flows_int_dst_port ON flows_int (dst_port)

-- @step prepare
-- @sync
-- @sql
VACUUM (FREEZE, ANALYZE) flows_port, flows_int, flows2_port, flows2_int,
	sample_port, sample_int, services, rules_port, rules_int, fw_strings;
CHECKPOINT;

------------------------------------------------------------------------------
-- size
------------------------------------------------------------------------------

-- @bench heap_size
-- @group size
-- @label log heap size
-- @kind size
-- @target 1.00
-- @port
SELECT pg_relation_size('flows_port')
-- @base
SELECT pg_relation_size('flows_int')

-- @bench btree_size
-- @group size
-- @label btree index size (dst_port)
-- @kind size
-- @target 1.00
-- @port
SELECT pg_relation_size('flows_port_dst_port')
-- @base
SELECT pg_relation_size('flows_int_dst_port')

------------------------------------------------------------------------------
-- filters: seq scan (index paths off) and index scan (seq scan and bitmap
-- scans off; count(*) makes it an index-only scan)
------------------------------------------------------------------------------

-- Not in the issue: the cost every seq-scan row below shares (reading the
-- heap and the dst_port column), for the analysis in README.md.
-- @bench scan_ref
-- @group filters
-- @label reference: count(dst_port), seq scan
-- @target -
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(dst_port) FROM flows_port
-- @base
SELECT count(dst_port) FROM flows_int

-- @bench eq_seq
-- @group filters
-- @label dst_port = 443, seq scan
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port = 443
-- @base
SELECT count(*) FROM flows_int WHERE dst_port = 443

-- @bench eq_index
-- @group filters
-- @label dst_port = 443, index scan
-- @target 1.00
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port = 443
-- @base
SELECT count(*) FROM flows_int WHERE dst_port = 443

-- @bench lt_seq
-- @group filters
-- @label dst_port < 1024, seq scan
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port < 1024
-- @base
SELECT count(*) FROM flows_int WHERE dst_port < 1024

-- @bench lt_index
-- @group filters
-- @label dst_port < 1024, index scan
-- @target 1.00
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port < 1024
-- @base
SELECT count(*) FROM flows_int WHERE dst_port < 1024

-- @bench between_seq
-- @group filters
-- @label BETWEEN 8000 AND 8100, seq scan
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port BETWEEN 8000 AND 8100
-- @base
SELECT count(*) FROM flows_int WHERE dst_port BETWEEN 8000 AND 8100

-- @bench between_index
-- @group filters
-- @label BETWEEN 8000 AND 8100, index scan
-- @target 1.00
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port BETWEEN 8000 AND 8100
-- @base
SELECT count(*) FROM flows_int WHERE dst_port BETWEEN 8000 AND 8100

-- @bench in4_seq
-- @group filters
-- @label IN (4 web ports), seq scan
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port IN (80, 443, 8080, 8443)
-- @base
SELECT count(*) FROM flows_int WHERE dst_port IN (80, 443, 8080, 8443)

-- @bench in4_index
-- @group filters
-- @label IN (4 web ports), index scan
-- @target 1.00
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port IN (80, 443, 8080, 8443)
-- @base
SELECT count(*) FROM flows_int WHERE dst_port IN (80, 443, 8080, 8443)

-- 12 items: PostgreSQL 14+ evaluates a constant IN list of 9 or more items
-- with a hash table when the operator's two sides hash alike.
-- @bench in12_seq
-- @group filters
-- @label IN (12 mail/admin ports), seq scan
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port IN (21, 22, 23, 25, 110, 143, 465, 587, 993, 995, 3389, 5900)
-- @base
SELECT count(*) FROM flows_int WHERE dst_port IN (21, 22, 23, 25, 110, 143, 465, 587, 993, 995, 3389, 5900)

-- @bench in12_index
-- @group filters
-- @label IN (12 mail/admin ports), index scan
-- @target 1.00
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM flows_port WHERE dst_port IN (21, 22, 23, 25, 110, 143, 465, 587, 993, 995, 3389, 5900)
-- @base
SELECT count(*) FROM flows_int WHERE dst_port IN (21, 22, 23, 25, 110, 143, 465, 587, 993, 995, 3389, 5900)

------------------------------------------------------------------------------
-- sort and group (index paths off: the sort and the hashing are measured)
------------------------------------------------------------------------------

-- @bench order_by
-- @group sort/group
-- @label ORDER BY dst_port
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Sort Key: flows_
-- @port
SELECT count(*), sum(x) FROM (SELECT dst_port AS x FROM flows_port ORDER BY dst_port) s
-- @base
SELECT count(*), sum(x) FROM (SELECT dst_port AS x FROM flows_int ORDER BY dst_port) s

-- @bench group_by
-- @group sort/group
-- @label GROUP BY dst_port
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect HashAggregate
-- @port
SELECT count(*), sum(n) FROM (SELECT dst_port, count(*) AS n FROM flows_port GROUP BY dst_port) s
-- @base
SELECT count(*), sum(n) FROM (SELECT dst_port, count(*) AS n FROM flows_int GROUP BY dst_port) s

-- @bench count_distinct
-- @group sort/group
-- @label count(DISTINCT dst_port)
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(DISTINCT dst_port) FROM flows_port
-- @base
SELECT count(DISTINCT dst_port) FROM flows_int

------------------------------------------------------------------------------
-- classification
------------------------------------------------------------------------------

-- @bench class_group
-- @group classification
-- @label GROUP BY port_class(dst_port)
-- @target 0.80
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect HashAggregate
-- @port
SELECT string_agg(c::text || '=' || n, ',' ORDER BY c::text)
FROM (SELECT port_class(dst_port) AS c, count(*) AS n FROM flows_port GROUP BY 1) s
-- @base
SELECT string_agg(c || '=' || n, ',' ORDER BY c)
FROM (SELECT CASE WHEN dst_port < 1024 THEN 'well-known'
				  WHEN dst_port < 49152 THEN 'registered'
				  ELSE 'dynamic' END AS c,
			 count(*) AS n
	  FROM flows_int GROUP BY 1) s

-- Not in the issue: the classification without the GROUP BY.
-- @bench class_only
-- @group classification
-- @label port_class(dst_port) per row, no GROUP BY
-- @target -
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(port_class(dst_port)) FROM flows_port
-- @base
SELECT count(CASE WHEN dst_port < 1024 THEN 'well-known'
				  WHEN dst_port < 49152 THEN 'registered'
				  ELSE 'dynamic' END)
FROM flows_int

-- @bench dynamic_seq
-- @group classification
-- @label WHERE is_dynamic(dst_port), no index
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(*) FROM flows_port WHERE is_dynamic(dst_port)
-- @base
SELECT count(*) FROM flows_int WHERE dst_port >= 49152

-- @bench dynamic_index
-- @group classification
-- @label WHERE is_dynamic(dst_port), btree index
-- @target 1.00
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM flows_port WHERE is_dynamic(dst_port)
-- @base
SELECT count(*) FROM flows_int WHERE dst_port >= 49152

------------------------------------------------------------------------------
-- service names
------------------------------------------------------------------------------

-- @bench service_group
-- @group service names
-- @label port_service(dst_port) GROUP BY, vs LEFT JOIN
-- @target 0.10
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect HashAggregate
-- @port
SELECT count(*) || '/' || md5(string_agg(coalesce(name, '-') || '=' || n, ',' ORDER BY name))
FROM (SELECT port_service(dst_port) AS name, count(*) AS n
	  FROM flows_port GROUP BY 1) s
-- @base
SELECT count(*) || '/' || md5(string_agg(coalesce(name, '-') || '=' || n, ',' ORDER BY name))
FROM (SELECT s.service_name AS name, count(*) AS n
	  FROM flows_int f LEFT JOIN services s ON s.port = f.dst_port AND s.protocol = 'tcp'
	  GROUP BY 1) s

-- Not in the issue: the same lookup without the GROUP BY, to separate the
-- cost of the lookup from the cost of grouping 10M text values.
-- @bench service_lookup
-- @group service names
-- @label port_service(dst_port) per row, no GROUP BY
-- @target -
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Seq Scan
-- @port
SELECT count(port_service(dst_port)) FROM flows_port
-- @base
SELECT count(s.service_name)
FROM flows_int f LEFT JOIN services s ON s.port = f.dst_port AND s.protocol = 'tcp'

------------------------------------------------------------------------------
-- joins of two logs on port: the client (source) ports of the flow log
-- against the destination ports of the second log (return traffic, NAT
-- and proxy logs); about 19M pairs at the default size
------------------------------------------------------------------------------

-- @bench hash_join
-- @group joins
-- @label hash join of two logs on port
-- @target 1.00
-- @set enable_mergejoin=off, enable_nestloop=off
-- @expect Hash Join
-- @port
SELECT count(*) FROM flows_port a JOIN flows2_port b ON a.src_port = b.dst_port
-- @base
SELECT count(*) FROM flows_int a JOIN flows2_int b ON a.src_port = b.dst_port

-- @bench merge_join
-- @group joins
-- @label merge join of two logs on port
-- @target 1.00
-- @set enable_hashjoin=off, enable_nestloop=off
-- @expect Merge Join
-- @port
SELECT count(*) FROM flows_port a JOIN flows2_port b ON a.src_port = b.dst_port
-- @base
SELECT count(*) FROM flows_int a JOIN flows2_int b ON a.src_port = b.dst_port

------------------------------------------------------------------------------
-- ranges: 100,000 firewall rules, portrange vs int4range, GiST
------------------------------------------------------------------------------

-- @bench gist_build
-- @sync
-- @group ranges
-- @label CREATE INDEX gist (rule ports)
-- @target 1.00
-- @noresult
-- @setup_port
DROP INDEX IF EXISTS rules_port_ports
-- @setup_base
DROP INDEX IF EXISTS rules_int_ports
-- @port
CREATE INDEX rules_port_ports ON rules_port USING gist (ports)
-- @base
CREATE INDEX rules_int_ports ON rules_int USING gist (ports)

-- @step analyze_rules
-- @sql
ANALYZE rules_port, rules_int;

-- @bench rules_contains
-- @group ranges
-- @label rules: ports @> 8443, GiST
-- @target 1.00
-- @loops 200
-- @set enable_seqscan=off
-- @expect rules_
-- @port
SELECT count(*) FROM rules_port WHERE ports @> 8443
-- @base
SELECT count(*) FROM rules_int WHERE ports @> 8443

-- @bench rules_join
-- @group ranges
-- @label join 10k log rows to matching rules, GiST
-- @target 1.00
-- @set enable_seqscan=off, enable_hashjoin=off, enable_mergejoin=off
-- @expect Nested Loop
-- @port
SELECT count(*) FROM sample_port f JOIN rules_port r ON r.ports @> f.dst_port
-- @base
SELECT count(*) FROM sample_int f JOIN rules_int r ON r.ports @> f.dst_port

-- @bench rules_heap_size
-- @group ranges
-- @label rule table heap size
-- @kind size
-- @target 1.00
-- @port
SELECT pg_relation_size('rules_port')
-- @base
SELECT pg_relation_size('rules_int')

-- GiST builds differ by a few percent from run to run (random choices
-- between equal subtrees): the median of 5 builds.
-- @bench rules_gist_size
-- @group ranges
-- @label rule GiST index size (median of 5 builds)
-- @kind size
-- @target 1.00
-- @port
SELECT bench_index_size('rules_port', 'USING gist (ports)', 5)
-- @base
SELECT bench_index_size('rules_int', 'USING gist (ports)', 5)

------------------------------------------------------------------------------
-- parsing firewall syntax
------------------------------------------------------------------------------

-- @bench parse
-- @group parsing
-- @label parse_ports() vs PL/pgSQL regexp parser
-- @target 1.00
-- @rate {strings} strings
-- @expect Seq Scan
-- @port
SELECT count(*) FROM fw_strings WHERE parse_ports(s) IS NOT NULL
-- @base
SELECT count(*) FROM fw_strings WHERE parse_ports_pl(s) IS NOT NULL

------------------------------------------------------------------------------
-- memory
------------------------------------------------------------------------------

-- @bench mem_service
-- @group memory
-- @label peak backend memory, service-name query
-- @kind memory
-- @target 1.00
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @port
SELECT count(*) FROM (SELECT port_service(dst_port) AS name, count(*) AS n
					  FROM flows_port GROUP BY 1) s
-- @base
SELECT count(*) FROM (SELECT s.service_name AS name, count(*) AS n
					  FROM flows_int f LEFT JOIN services s ON s.port = f.dst_port AND s.protocol = 'tcp'
					  GROUP BY 1) s

-- @bench mem_parse
-- @group memory
-- @label peak backend memory, parsing query
-- @kind memory
-- @target 1.00
-- @port
SELECT count(*) FROM fw_strings WHERE parse_ports(s) IS NOT NULL
-- @base
SELECT count(*) FROM fw_strings WHERE parse_ports_pl(s) IS NOT NULL

-- @bench registry_size
-- @group memory
-- @label registry in the library vs services table
-- @kind registry
-- @target 1.00
-- @base
SELECT pg_total_relation_size('services')

------------------------------------------------------------------------------
-- portproto against port (issue #14): the same destination ports, once as
-- port and once as portproto with the flow's protocol, in two one-column
-- tables of the same rows in the same order.  Here "portrange" is the
-- portproto statement and "baseline" the port statement.  Both return the
-- same result: the filters pick values that exist with one protocol only
-- (80 is always tcp in the generated data) or all protocols of a port.
------------------------------------------------------------------------------

-- @step pp_prepare
-- @sync
-- @sql
DROP TABLE IF EXISTS pp_port, pp_pp;
CREATE TABLE pp_port AS SELECT dst_port::port AS p FROM flows_int;
CREATE TABLE pp_pp AS SELECT portproto(dst_port, protocol) AS p FROM flows_int;
VACUUM (FREEZE, ANALYZE) pp_port, pp_pp;
CHECKPOINT;

-- @bench pp_eq
-- @group portproto
-- @label portproto = '80/tcp' vs port = 80, seq scan
-- @target 1.05
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @port
SELECT count(*) FROM pp_pp WHERE p = '80/tcp'
-- @base
SELECT count(*) FROM pp_port WHERE p = '80'::port

-- @bench pp_lt
-- @group portproto
-- @label portproto < '1024/tcp' vs port < 1024, seq scan
-- @target 1.05
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @port
SELECT count(*) FROM pp_pp WHERE p < '1024/tcp'
-- @base
SELECT count(*) FROM pp_port WHERE p < '1024'::port

-- @bench pp_between
-- @group portproto
-- @label all protocols of 443: BETWEEN '443/tcp' AND '443/sctp' vs BETWEEN 443 AND 443
-- @target 1.05
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @port
SELECT count(*) FROM pp_pp WHERE p BETWEEN '443/tcp' AND '443/sctp'
-- @base
SELECT count(*) FROM pp_port WHERE p BETWEEN '443'::port AND '443'::port

-- @bench pp_order_by
-- @group portproto
-- @label ORDER BY portproto vs ORDER BY port
-- @target 1.05
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect Sort Key: pp_
-- @port
SELECT count(*) FROM (SELECT p FROM pp_pp ORDER BY p OFFSET 0) s
-- @base
SELECT count(*) FROM (SELECT p FROM pp_port ORDER BY p OFFSET 0) s

-- @bench pp_group_by
-- @group portproto
-- @label GROUP BY portproto vs GROUP BY port (hash)
-- @target 1.05
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off
-- @expect HashAggregate
-- @port
SELECT sum(n) FROM (SELECT p, count(*) AS n FROM pp_pp GROUP BY p) s
-- @base
SELECT sum(n) FROM (SELECT p, count(*) AS n FROM pp_port GROUP BY p) s

-- @bench pp_group_by_sort
-- @group portproto
-- @label GROUP BY portproto vs GROUP BY port (sort)
-- @target 1.05
-- @set enable_indexscan=off, enable_indexonlyscan=off, enable_bitmapscan=off, enable_hashagg=off
-- @expect GroupAggregate
-- @port
SELECT sum(n) FROM (SELECT p, count(*) AS n FROM pp_pp GROUP BY p) s
-- @base
SELECT sum(n) FROM (SELECT p, count(*) AS n FROM pp_port GROUP BY p) s

-- @bench pp_index_build
-- @sync
-- @group portproto
-- @label CREATE INDEX btree: portproto vs port
-- @target 1.05
-- @noresult
-- @setup_port
DROP INDEX IF EXISTS pp_pp_p
-- @setup_base
DROP INDEX IF EXISTS pp_port_p
-- @port
CREATE INDEX pp_pp_p ON pp_pp (p)
-- @base
CREATE INDEX pp_port_p ON pp_port (p)

-- @bench pp_index_eq
-- @group portproto
-- @label portproto = '80/tcp' vs port = 80, index only scan
-- @target 1.05
-- @set enable_seqscan=off, enable_bitmapscan=off
-- @expect Index Only Scan
-- @port
SELECT count(*) FROM pp_pp WHERE p = '80/tcp'
-- @base
SELECT count(*) FROM pp_port WHERE p = '80'::port
