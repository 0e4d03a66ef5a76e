--
-- portproto: a port on one transport protocol, "53/udp".
--
CREATE FUNCTION pp_try(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	r text;
	detail text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ' ' || SQLERRM || coalesce(' | ' || nullif(detail, ''), '');
END $$;
-- does any node of the plan read that index (index, index-only or bitmap scan)?
CREATE FUNCTION pp_index_used(query text, index_name text) RETURNS boolean
LANGUAGE sql AS $$
	SELECT plan_uses_index(query, index_name)
$$;

-- every spelling tools use reads as the same value; output is PORT/PROTO
SELECT t AS input, t::portproto AS value
FROM unnest(ARRAY['53/udp', '443/TCP', 'udp/53', 'UDP/53', 'U:53', 'T:80', 's:2905',
                  'https/tcp', 'tcp/https', 'domain/udp', ' 22 / tcp ', '0/tcp',
                  '65535/dccp', '2905/sctp', '0080/tcp']) t;

-- names resolve on the protocol they are written with
SELECT 'sip-tls/tcp'::portproto AS tcp_name, 'bootps/udp'::portproto AS udp_name,
       'diameter/sctp'::portproto AS sctp_name;

-- errors: 22P02 for syntax (a missing protocol too, never a default),
-- 22003 for a number out of range; each names the offending token
SELECT t AS input, pp_try(format('SELECT %L::portproto', t)) AS result
FROM unnest(ARRAY['53', 'https', '', '  ', '53/', '/udp', '53/icmp', '53/udp/tcp',
                  '70000/tcp', '-1/udp', 'X:53', 'nosuchservice/tcp', 'bootps/sctp',
                  'T:', '53 udp', 'udp:53']) t;

-- sorting: by port, then protocol number (tcp 6, udp 17, dccp 33, sctp 132)
SELECT v, protocol(v), protocol_number(v)
FROM unnest('{80/tcp,53/udp,53/tcp,53/sctp,53/dccp,40000/tcp,39999/udp,65535/udp,0/tcp,32768/tcp,32767/sctp}'::portproto[]) v
ORDER BY v;

-- the six comparisons
SELECT a, b, a = b AS eq, a <> b AS ne, a < b AS lt, a <= b AS le, a > b AS gt, a >= b AS ge
FROM (VALUES ('53/tcp'::portproto, '53/udp'::portproto), ('53/udp', '53/udp'),
             ('80/tcp', '53/udp'), ('40000/udp', '40000/tcp'), ('65535/tcp', '0/sctp')) v(a, b);

-- constructors: the port as port or int4, the protocol as enum, text or number
SELECT portproto(53, 'udp') AS text_proto, portproto(53, 17) AS number_proto,
       portproto(53::port, 'sctp'::transport_protocol) AS enum_proto,
       portproto('domain'::port, 'UDP') AS port_arg, portproto(2905, 132) AS sctp;
SELECT pp_try('SELECT portproto(53, ''icmp'')') AS bad_text,
       pp_try('SELECT portproto(53, 1)') AS bad_number,
       pp_try('SELECT portproto(70000, ''tcp'')') AS bad_port;

-- accessors and the cast to port (explicit only: it drops the protocol)
SELECT port('53/udp'::portproto), protocol('53/udp'::portproto),
       protocol_number('53/udp'::portproto), '8080/tcp'::portproto::port AS cast;
SELECT castcontext FROM pg_cast
WHERE castsource = 'portproto'::regtype AND casttarget = 'port'::regtype;
SELECT count(*) AS casts_from_port FROM pg_cast
WHERE castsource = 'port'::regtype AND casttarget = 'portproto'::regtype;
CREATE TEMP TABLE pcol (p port);
SELECT pp_try('INSERT INTO pcol VALUES (''53/udp''::portproto) RETURNING p') AS assignment;

-- binary I/O: 2 bytes of port, 1 byte of protocol number; recv checks both
SELECT portproto_send('53/udp') AS udp, portproto_send('65535/sctp') AS sctp;
CREATE TEMP TABLE bin (v portproto);
INSERT INTO bin SELECT portproto(p, proto)
FROM generate_series(0, 65535, 4099) p, unnest('{tcp,udp,sctp,dccp}'::transport_protocol[]) proto;
DO $$
DECLARE
	f text := '/tmp/portproto_bin_' || pg_backend_pid() || '.copy';
BEGIN
	EXECUTE format('COPY bin TO %L (FORMAT binary)', f);
	CREATE TEMP TABLE bin2 (v portproto);
	EXECUTE format('COPY bin2 FROM %L (FORMAT binary)', f);
	-- remove the file (the server wrote it, so the server removes it)
	EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'rm -f ' || f || '; cat >/dev/null');
END $$;
SELECT count(*) AS rows, count(*) FILTER (WHERE v IN (SELECT v FROM bin2)) AS same,
       (SELECT count(*) FROM bin2) AS copied FROM bin;
-- crafted binary COPY input: a header, one tuple of one field, the trailer
CREATE FUNCTION pp_copy_binary(field text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('COPY bin2 FROM PROGRAM %L (FORMAT binary)',
		'printf ''PGCOPY\n\377\r\n\000\000\000\000\000\000\000\000\000\000\001' || field || '\377\377''');
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;
SELECT pp_copy_binary('\000\000\000\003\000\065\021') AS udp_53,
       pp_copy_binary('\000\000\000\003\000\065\001') AS protocol_1,
       pp_copy_binary('\000\000\000\004\000\065\021\000') AS four_bytes,
       pp_copy_binary('\000\000\000\002\000\065') AS two_bytes;
SELECT count(*) FILTER (WHERE v = '53/udp') AS udp_53_copied FROM bin2;
DROP FUNCTION pp_copy_binary(text);

-- COPY text: a CSV column of 53/udp values, and Docker's JSON port keys
CREATE TEMP TABLE services (name text, pp portproto);
COPY services FROM stdin (FORMAT csv);
dns,53/udp
dns-tcp,53/tcp
https,443/tcp
quic,udp/443
sip-sctp,S:5060
\.
SELECT * FROM services ORDER BY pp;
SELECT key::portproto AS exposed, port_service(key::portproto) AS service
FROM jsonb_each('{"8080/tcp": {}, "53/udp": null, "443/tcp": {}, "5060/sctp": {}}'::jsonb)
ORDER BY 1;

-- registry and classification on the port's own protocol
SELECT pp, port_service(pp), port_service(pp, include_defacto => true) AS with_defacto,
       port_class(pp), is_well_known(pp), is_registered(pp), is_dynamic(pp),
       is_privileged(pp), is_ephemeral(pp), is_ephemeral(pp, 'linux') AS linux
FROM unnest('{53/udp,53/tcp,443/udp,2905/sctp,3000/tcp,50000/udp,40000/tcp}'::portproto[]) pp;
SELECT defacto_service('3000/tcp'::portproto) AS tcp_3000, defacto_service('3000/udp'::portproto) AS udp_3000;
SELECT is_privileged('80/tcp'::portproto, 80) AS at_start, is_privileged('79/tcp'::portproto, 80) AS below;
SELECT protocol, service_name, status FROM port_services('53/udp'::portproto) ORDER BY 2;
SELECT count(*) AS all_protocols FROM port_services(53);

-- min and max
SELECT min(v), max(v) FROM unnest('{80/tcp,53/udp,53/tcp,443/sctp}'::portproto[]) v;

-- operator classes are complete
SELECT opcname, amname, amvalidate(c.oid)
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
WHERE opcintype = 'portproto'::regtype ORDER BY 1, 2;

-- every index kind, and the planner uses it
CREATE TABLE pp_flows (id int, svc portproto);
INSERT INTO pp_flows
SELECT i, portproto((i * 7919) % 65536, (ARRAY['tcp', 'udp', 'sctp', 'dccp'])[1 + i % 4])
FROM generate_series(1, 20000) i;
CREATE INDEX pp_flows_btree ON pp_flows (svc);
CREATE INDEX pp_flows_hash ON pp_flows USING hash (svc);
CREATE INDEX pp_flows_brin ON pp_flows USING brin (svc);
ANALYZE pp_flows;
SET enable_seqscan = off;
SELECT pp_index_used('SELECT * FROM pp_flows WHERE svc = ''7919/udp''', 'pp_flows_btree')
    OR pp_index_used('SELECT * FROM pp_flows WHERE svc = ''7919/udp''', 'pp_flows_hash') AS eq_indexed,
       pp_index_used('SELECT * FROM pp_flows WHERE svc < ''100/tcp''', 'pp_flows_btree') AS range_btree,
       pp_index_used('SELECT svc FROM pp_flows ORDER BY svc LIMIT 3', 'pp_flows_btree') AS order_btree;
SELECT svc FROM pp_flows ORDER BY svc LIMIT 3;
SET enable_indexscan = off;
SET enable_bitmapscan = on;
DROP INDEX pp_flows_btree;
SELECT pp_index_used('SELECT * FROM pp_flows WHERE svc = ''7919/udp''', 'pp_flows_hash') AS hash_used;
DROP INDEX pp_flows_hash;
SELECT pp_index_used('SELECT * FROM pp_flows WHERE svc BETWEEN ''53/tcp'' AND ''53/sctp''', 'pp_flows_brin') AS brin_used;
RESET enable_seqscan;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT count(*) AS n, count(*) FILTER (WHERE svc = '7919/udp') AS one_value,
       count(DISTINCT svc) AS distinct_values FROM pp_flows;
-- sort support agrees with the comparison operators
SELECT bool_and(a <= b) AS sorted FROM (
	SELECT svc AS a, lead(svc) OVER (ORDER BY svc) AS b FROM pp_flows) s WHERE b IS NOT NULL;
-- hash and merge joins give the same answer as a nested loop
SET enable_mergejoin = off;
SET enable_nestloop = off;
SELECT count(*) AS hash_join FROM pp_flows a JOIN pp_flows b ON a.svc = b.svc;
SET enable_hashjoin = off;
SET enable_mergejoin = on;
SELECT count(*) AS merge_join FROM pp_flows a JOIN pp_flows b ON a.svc = b.svc;
RESET enable_mergejoin;
RESET enable_nestloop;
RESET enable_hashjoin;

-- partitioning: by hash (support function 2) and by range
CREATE TABLE pp_hash (svc portproto, n int) PARTITION BY HASH (svc);
CREATE TABLE pp_hash_0 PARTITION OF pp_hash FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pp_hash_1 PARTITION OF pp_hash FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO pp_hash SELECT svc, id FROM pp_flows;
SELECT count(*) AS rows, count(*) FILTER (WHERE tableoid = 'pp_hash_0'::regclass) > 0 AS p0_used,
       count(*) FILTER (WHERE tableoid = 'pp_hash_1'::regclass) > 0 AS p1_used FROM pp_hash;
SELECT plan_scans('SELECT * FROM pp_hash WHERE svc = ''53/udp''') AS pruned;
CREATE TABLE pp_range (svc portproto) PARTITION BY RANGE (svc);
CREATE TABLE pp_range_low PARTITION OF pp_range FOR VALUES FROM (MINVALUE) TO ('1024/tcp');
CREATE TABLE pp_range_high PARTITION OF pp_range FOR VALUES FROM ('1024/tcp') TO (MAXVALUE);
INSERT INTO pp_range VALUES ('53/udp'), ('1023/sctp'), ('1024/tcp'), ('8080/tcp');
SELECT tableoid::regclass, svc FROM pp_range ORDER BY svc;

-- membership in rules stored as (protocol, ports) rows, answered by an index
CREATE TABLE pp_rules (id int, protocol transport_protocol, ports portmultirange);
INSERT INTO pp_rules SELECT i, (ARRAY['tcp', 'udp']::transport_protocol[])[1 + i % 2],
	portmultirange(portrange((i * 13) % 60000, (i * 13) % 60000 + 5, '[]'))
FROM generate_series(1, 5000) i;
INSERT INTO pp_rules VALUES (90001, 'udp', '{[53,54)}'), (90002, 'tcp', '{[53,54)}'),
	(90003, 'udp', '{[1,1024)}'), (90004, 'sctp', '{[1,)}');
CREATE INDEX pp_rules_ports ON pp_rules USING gist (ports);
ANALYZE pp_rules;
SELECT id, protocol, ports FROM pp_rules WHERE matches_ports('53/udp', protocol, ports) ORDER BY id;
SET enable_seqscan = off;
SELECT pp_index_used('SELECT * FROM pp_rules WHERE matches_ports(''53/udp'', protocol, ports)',
                     'pp_rules_ports') AS gist_used;
RESET enable_seqscan;

DROP TABLE pp_flows, pp_hash, pp_range, pp_rules;
DROP FUNCTION pp_try(text), pp_index_used(text, text);
