--
-- The bundled IANA service-name registry.
--
CREATE FUNCTION try_expr(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE q INTO r;
	RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- the snapshot
SELECT registry_version() ~ '^\d{4}-\d{2}-\d{2} \(' AS has_date_and_sources;

-- port -> primary IANA name, per protocol
SELECT p, proto, port_service(p::port, proto::transport_protocol) AS name
FROM (VALUES (443, 'tcp'), (443, 'udp'), (22, 'tcp'), (53, 'udp'), (53, 'tcp'),
             (80, 'tcp'), (5432, 'tcp'), (6000, 'tcp'), (6001, 'tcp'), (6063, 'tcp'),
             (6064, 'tcp'), (0, 'tcp'), (1023, 'tcp'), (49152, 'tcp'), (65535, 'udp'),
             (9092, 'tcp'), (9200, 'tcp'), (5601, 'tcp'), (3128, 'tcp'),
             (9, 'sctp'), (9, 'dccp'), (80, 'sctp'), (2905, 'sctp')) v(p, proto)
ORDER BY proto, p;

-- the default protocol is tcp, and integers need no cast
SELECT port_service(443) AS https, port_service('443'::port) AS same;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT port_service(-1)', 'SELECT port_service(65536)',
	'SELECT port_service(443, ''icmp'')', 'SELECT port_service(NULL::port)'
]) q;

-- de-facto uses only on request, and labelled as such
SELECT p, port_service(p) AS iana, port_service(p, include_defacto => true) AS with_defacto,
       defacto_service(p) AS defacto
FROM unnest(ARRAY[9092, 9200, 5601, 3128, 443, 6443]) p;

-- service names as port input: case-insensitive, any protocol, aliases too
SELECT 'https'::port AS https, 'ssh'::port AS ssh, 'HTTPS'::port AS upper_case,
       ' domain '::port AS padded, 'www'::port AS alias_www, 'postgresql'::port AS pg,
       'x11'::port AS range_start, 'isakmp'::port AS udp_only;
-- a name must be an IANA name or alias (case does not matter; de-facto
-- names are not port input), or it is 22P02
SELECT t AS input, try_expr('SELECT ' || quote_literal(t) || '::port') AS result
FROM unnest(ARRAY['kafka', 'htps', 'ssh2x', 'https/tcp', 'h ttps', 'XMLIPCREGSVC']) t;
SELECT 'htps'::port;

-- name -> port
SELECT n, proto, service_port(n, proto::transport_protocol) AS port
FROM (VALUES ('https', 'tcp'), ('domain', 'udp'), ('DOMAIN', 'tcp'), ('www', 'tcp'),
             ('x11', 'tcp'), ('isakmp', 'udp'), ('isakmp', 'sctp'), ('discard', 'dccp'),
             ('nosuch', 'tcp'), ('', 'tcp'), ('kafka', 'tcp')) v(n, proto)
ORDER BY proto, n;
SELECT service_port('kafka') AS iana_only, service_port('kafka', include_defacto => true) AS with_defacto,
       service_port('ssh', 'tcp', true) AS iana_wins;

-- every assignment of a port, with IANA's assignee, contact, dates,
-- references, notes and reported unauthorized uses
SELECT protocol, service_name, name_rank, status, description, port_low, port_high,
       registry, assignee, contact, modification_date, reference, left(notes, 40) AS notes
FROM port_services(80);
SELECT protocol, service_name, name_rank, status, port_low, port_high, registry, unauthorized
FROM port_services(6001);
SELECT protocol, service_name, name_rank, status, description, registry, assignee,
       registration_date, notes
FROM port_services(9092, include_defacto => true);
-- common names are reported with their origin and the page that states them
SELECT protocol, service_name, status, registry, reference AS url
FROM port_services(3389);
SELECT protocol, service_name, name_rank, status, notes FROM port_services(2049);
SELECT service_name, unauthorized FROM port_services(79) WHERE protocol = 'tcp';
SELECT count(*) AS rows_for_port_0, string_agg(DISTINCT status, ',') FROM port_services(0);
SELECT try_expr('SELECT count(*) FROM port_services(70000)');

-- the table: contents by protocol and status
SELECT protocol, status, count(*), count(DISTINCT lower(service_name)) AS names
FROM service_registry GROUP BY ROLLUP (1, 2) ORDER BY 1, 2;
SELECT count(*) AS defacto_rows, count(DISTINCT protocol) AS protocols FROM service_defacto;

-- every tcp and udp port is covered by an assigned, reserved or unassigned row
SELECT proto, count(*) AS uncovered
FROM unnest(ARRAY['tcp', 'udp']::transport_protocol[]) proto,
     generate_series(0, 65535) p
WHERE NOT EXISTS (SELECT 1 FROM service_registry r
                  WHERE r.protocol = proto AND r.status <> 'alias'
                    AND p BETWEEN r.port_low AND r.port_high)
GROUP BY proto ORDER BY proto;

-- The SQL table and the compiled lookup agree, for all 65536 ports in all
-- four protocols: port_service() is the single assigned rank-1 row.
WITH primary_rows AS (
	SELECT protocol, g AS p, service_name
	FROM service_registry r, generate_series(r.port_low::int, r.port_high::int) g
	WHERE status = 'assigned' AND name_rank = 1)
SELECT count(*) AS lookups,
       count(*) FILTER (WHERE port_service(g, proto) IS DISTINCT FROM pr.service_name) AS disagreements,
       count(pr.service_name) AS named
FROM unnest(enum_range(NULL::transport_protocol)) proto
CROSS JOIN generate_series(0, 65535) g
LEFT JOIN primary_rows pr ON pr.protocol = proto AND pr.p = g;

-- and every name in the table resolves, for its protocol, to a port where
-- the table has that name
SELECT count(*) AS names,
       count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM service_registry r2
           WHERE r2.protocol = n.protocol AND lower(r2.service_name) = n.lname
             AND service_port(n.lname, n.protocol) BETWEEN r2.port_low AND r2.port_high)) AS resolve_back
FROM (SELECT DISTINCT protocol, lower(service_name) AS lname FROM service_registry
      WHERE service_name IS NOT NULL) n;

-- the de-facto table agrees with defacto_service() and never repeats IANA
SELECT count(*) AS rows,
       count(*) FILTER (WHERE defacto_service(port, protocol) = service_name) AS agree,
       count(*) FILTER (WHERE lower(port_service(port, protocol)) = lower(service_name)) AS same_as_iana
FROM service_defacto;

-- lookups through the view use the indexes
SET enable_seqscan = off;
SELECT EXISTS (SELECT 1 FROM plan_scans('SELECT * FROM service_registry WHERE ports @> 443') s
               WHERE s LIKE '% service_registry_ports cond') AS ports_index,
       plan_uses_index('SELECT * FROM service_registry WHERE lower(service_name) = ''https'' AND protocol = ''tcp''',
                       'service_registry_name') AS name_index;
RESET enable_seqscan;

-- the tables are read-only to everybody but their owner
CREATE ROLE regress_portrange_reader;
SET ROLE regress_portrange_reader;
SELECT count(*) > 14000 AS can_read FROM service_registry;
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'INSERT INTO service_registry (port_low, port_high, protocol, status) VALUES (1, 1, ''tcp'', ''reserved'') RETURNING 1',
	'UPDATE service_registry SET service_name = ''evil'' WHERE port_low = 443 RETURNING 1',
	'DELETE FROM service_registry RETURNING 1',
	'DELETE FROM service_defacto RETURNING 1',
	'SELECT registry_refresh()'
]) q;
RESET ROLE;
DROP ROLE regress_portrange_reader;

-- the owner can refill the tables from the library; nothing changes
SELECT registry_refresh() = registry_version() AS refreshed;
SELECT count(*) FROM service_registry;
SELECT count(*) FROM service_defacto;

-- IANA's 2026-08-17 edition, converted from its XML
SELECT registry_version() LIKE '2026-08-17 (IANA %' AS edition;
-- the library and the tables agree: nothing to refresh
SELECT count(*) AS pending_changes FROM registry_changes();

-- Names resolve as /etc/services, getservbyname() and firewall tools
-- resolve them: the port netbase lists the name on, else the port where the
-- name is primary, else the lowest.  http-alt is IANA's on 591, 8008 and
-- 8080; dicom on 11112 and (as netbase's alias of acr-nema) 104; icp on
-- 1112 and (netbase, udp) 3130.
SELECT 'http-alt'::port AS http_alt, service_port('http-alt') AS http_alt_tcp,
       'dicom'::port AS dicom, 'icp'::port AS icp, service_port('icp', 'udp') AS icp_udp,
       service_port('icp', 'tcp') AS icp_tcp, 'www'::port AS www, 'postgres'::port AS postgres;
-- a name primary on one port and secondary elsewhere resolves to the first
SELECT service_port('turn') AS turn, service_port('turns') AS turns, service_port('nfs') AS nfs;
-- 2049 keeps nfs as its primary name: IANA lists shilp first but notes
-- it as a conflict on 2049
SELECT port_service(2049) AS tcp, port_service(2049, 'udp') AS udp, 'shilp'::port AS shilp;
-- IANA's renames are in: 1980, 4319, 4413, 44322
SELECT p, port_service(p) FROM unnest(ARRAY[1980, 4319, 4413, 44322, 3478, 5349]) p;

-- How many primary names do not map back to their port, and why: the name
-- is primary on several ports (a range, or IANA registered it more than
-- once), or /etc/services puts it elsewhere.
WITH prim AS (
	SELECT protocol, g AS p, service_name
	FROM service_registry r, generate_series(r.port_low::int, r.port_high::int) g
	WHERE status = 'assigned' AND name_rank = 1 AND protocol IN ('tcp', 'udp'))
SELECT protocol, count(*) AS primaries,
       count(*) FILTER (WHERE service_port(service_name, protocol) <> p) AS not_back,
       count(*) FILTER (WHERE service_port(service_name, protocol) <> p
                          AND EXISTS (SELECT 1 FROM service_registry r
                                      WHERE r.protocol = prim.protocol AND r.port_low < r.port_high
                                        AND prim.p BETWEEN r.port_low AND r.port_high
                                        AND r.service_name = prim.service_name)) AS in_a_range
FROM prim GROUP BY protocol ORDER BY protocol;

-- Everyday names that are not IANA's, each with the page that states the
-- port: accepted by name input, service_port() and the firewall parser,
-- never returned as IANA's primary name
SELECT service_name, port, protocol, url LIKE 'https://%' AS cited FROM common_rows() ORDER BY port;
SELECT 'rdp'::port AS rdp, 'SMB'::port AS smb, service_port('mssql') AS mssql,
       service_port('mongo', 'tcp') AS mongo, service_port('kubernetes', 6) AS kubernetes,
       service_port('rdp', 'udp') AS rdp_udp, port_service(3389) AS iana_3389;
SELECT parse_ports('rdp, smb, mssql, http-alt') AS firewall;
-- IANA's names win over a common name: none of them is an IANA name
SELECT count(*) AS common_names_also_iana
FROM common_rows() c JOIN service_registry r
  ON lower(r.service_name) = lower(c.service_name) AND r.protocol = c.protocol;

-- Protocols as logs write them: enum, text (IANA keyword, any case, or
-- number) and int (IANA protocol number, as in AWS VPC flow logs)
SELECT port_service(53::port, 'udp'::transport_protocol) AS enum,
       port_service(53, 'UDP') AS upper, port_service(53, 'Udp') AS mixed,
       port_service(53, '17') AS number_text, port_service(53, 17) AS number,
       port_service(443::port, 6) AS port_int, port_service(9, 'dccp') AS dccp,
       port_service(9, 33) AS dccp_number, port_service(2905, 132) AS sctp_number;
-- a protocol without ports, or one IANA does not list, gives NULL
SELECT port_service(53, 'icmp') AS icmp, port_service(53, 'ipv6-icmp') AS icmp6,
       port_service(53, 'GRE') AS gre, port_service(53, 1) AS one, port_service(53, 47) AS gre_number,
       port_service(53, 200) AS unassigned_number, port_service(53, 'no-such-proto') AS unknown,
       service_port('domain', 'icmp') AS by_name_icmp, defacto_service(9092, 'tcp') AS defacto_text,
       defacto_service(9092, 6) AS defacto_int, defacto_service(9092, 'esp') AS defacto_esp;
-- a malformed one is 22P02, a number outside 0..255 is 22003
SELECT q, try_expr(q) FROM unnest(ARRAY[
	'SELECT port_service(53, ''t c p'')', 'SELECT port_service(53, '' tcp'')',
	'SELECT port_service(53, '''')', 'SELECT port_service(53, ''tcp;'')',
	'SELECT port_service(53, ''-1'')', 'SELECT port_service(53, ''300'')',
	'SELECT port_service(53, -1)', 'SELECT port_service(53, 300)',
	'SELECT service_port(''domain'', 256)', 'SELECT defacto_service(9092, ''99999999999999999999'')'
]) q;
-- one ICMP row in a Zeek-style log no longer aborts the query
SELECT proto, port_service(dst, proto) AS service
FROM (VALUES (53, 'udp'), (443, 'tcp'), (0, 'icmp'), (80, 'TCP'), (0, 'ipv6-icmp')) v(dst, proto);
SELECT protocol_number('tcp') AS tcp, protocol_number('IPv6-ICMP') AS icmp6,
       protocol_number('gre') AS gre, protocol_number('132') AS sctp,
       protocol_number('3PC') AS three_pc, protocol_number('no-such') AS unknown;

-- the lookups are usable per row over a table of flows
CREATE TABLE reg_flows AS
SELECT (ARRAY[443, 80, 53, 22, 9092, 65000])[1 + g % 6]::port AS dst_port FROM generate_series(1, 6000) g;
SELECT port_service(dst_port) AS service, count(*) FROM reg_flows GROUP BY 1 ORDER BY 1 NULLS LAST;
CREATE INDEX ON reg_flows ((port_service(dst_port)));
DROP TABLE reg_flows;
DROP FUNCTION try_expr(text);
