--
-- Which side of a flow is the service: flow_service_side(src, dst,
-- protocol, os), flow_service_rule() and flow_service_port().  The rules
-- and where they fail are in doc/portproto.md; here they meet flows
-- generated the way real clients make them (deterministic, no random()).
--
SELECT src, dst, proto, os, flow_service_side(src, dst, proto, os) AS side,
       flow_service_rule(src, dst, proto, os) AS rule,
       flow_service_port(src, dst, proto, os) AS service
FROM (VALUES (40000, 443, 'tcp'::transport_protocol, NULL::text), (443, 40000, 'tcp', NULL),
             (53, 53, 'udp', NULL), (68, 67, 'udp', NULL), (55000, 3306, 'tcp', 'linux'),
             (3306, 55000, 'tcp', 'linux'), (1500, 8443, 'tcp', NULL), (50000, 60000, 'tcp', NULL),
             (62000, 50000, 'tcp', 'linux'), (20000, 35000, 'udp', NULL), (12000, 5432, 'tcp', 'freebsd'),
             (5060, 5060, 'udp', NULL), (2905, 40001, 'sctp', NULL)) v(src, dst, proto, os);
-- port arguments as well as integers; NULL ports give NULL, a NULL os means no OS known
SELECT flow_service_port('40000'::port, 'https'::port) AS port_args,
       flow_service_side(NULL::port, 443) AS null_port,
       flow_service_side(40000, 443, 'tcp', NULL) AS null_os;
SELECT flow_service_side(40000, 443, 'tcp', 'beos') AS unknown_os;
SELECT flow_service_side(70000, 443) AS out_of_range;

-- the services clients talk to: the registry's named tcp and udp ports
-- below 32768 (every 7th, to keep the test quick)
CREATE TEMP TABLE named AS
SELECT DISTINCT port_low AS port, protocol
FROM service_registry
WHERE status = 'assigned' AND protocol IN ('tcp', 'udp') AND port_low = port_high
  AND port_low < 32768 AND port_low::int % 7 = 0;
SELECT count(*) > 500 AS enough_services FROM named;

-- flows: (scenario, src, dst, protocol, os, the true service side)
CREATE TEMP TABLE flows AS
-- 1. Linux clients: source ports from 32768..60999 to named services
SELECT 'linux client -> named service' AS scenario,
       32768 + abs(hashint4(port::int * 31 + 1)) % 28232 AS src, port::int AS dst,
       protocol, NULL::text AS os, 'dst' AS truth
FROM named
UNION ALL
-- 2. the same flows recorded in the reply direction
SELECT 'named service -> linux client', port::int, 32768 + abs(hashint4(port::int * 31 + 1)) % 28232,
       protocol, NULL, 'src'
FROM named
UNION ALL
-- 3. Windows clients (49152..65535), OS known
SELECT 'windows client -> named service', 49152 + abs(hashint4(port::int * 17 + 2)) % 16384, port::int,
       protocol, 'windows', 'dst'
FROM named
UNION ALL
-- 4. services on ephemeral ports (RPC dynamic ports, passive FTP data,
--    game servers): unnamed ports 49152..65535, Linux clients, no OS given
SELECT 'service on a dynamic port, os unknown', 32768 + abs(hashint4(i * 13)) % 28232,
       49152 + abs(hashint4(i * 29)) % 16384, 'tcp', NULL, 'dst'
FROM generate_series(1, 1000) i
UNION ALL
-- 5. the same, with the client's OS known (linux: 32768..60999)
SELECT 'service on a dynamic port, os linux', 32768 + abs(hashint4(i * 13)) % 28232,
       49152 + abs(hashint4(i * 29)) % 16384, 'tcp', 'linux', 'dst'
FROM generate_series(1, 1000) i
UNION ALL
-- 6. both ports well-known: DHCP and DHCPv6 (whose client port 546 is the
--    lower one), server-to-server DNS, NTP, syslog, IKE, NetBIOS, RIP, BGP, SMTP
SELECT 'both well-known', src, dst, proto::transport_protocol, NULL, truth
FROM (VALUES (68, 67, 'udp', 'dst'), (67, 68, 'udp', 'src'), (53, 53, 'udp', 'either'),
             (123, 123, 'udp', 'either'), (514, 514, 'udp', 'either'), (500, 500, 'udp', 'either'),
             (137, 137, 'udp', 'either'), (138, 138, 'udp', 'either'), (520, 520, 'udp', 'either'),
             (546, 547, 'udp', 'dst'), (547, 546, 'udp', 'src'),
             (179, 179, 'tcp', 'either'), (25, 25, 'tcp', 'either')) v(src, dst, proto, truth)
UNION ALL
-- 7. NAT that rewrites source ports to anywhere in 1024..65535 (port-address translation)
SELECT 'nat client -> named service', 1024 + abs(hashint4(port::int * 7 + 3)) % 64512, port::int,
       protocol, NULL, 'dst'
FROM named
UNION ALL
-- 8. peer-to-peer: both ends on unnamed ports above 1024, either may have opened the flow
SELECT 'peer to peer', 20000 + abs(hashint4(i)) % 10000, 20000 + abs(hashint4(i * 3)) % 10000,
       'udp', NULL, 'dst'
FROM generate_series(1, 500) i;

-- how often the rules find the true service side, per scenario
SELECT scenario, count(*) AS flows,
       count(*) FILTER (WHERE flow_service_side(src, dst, protocol, os) = truth) AS correct,
       round(100.0 * count(*) FILTER (WHERE flow_service_side(src, dst, protocol, os) = truth) / count(*), 1) AS pct
FROM flows GROUP BY scenario ORDER BY min(ctid);

-- which rule decided, per scenario
SELECT scenario, flow_service_rule(src, dst, protocol, os) AS rule, count(*)
FROM flows GROUP BY 1, 2 ORDER BY min(ctid), 2;

-- flow_service_port() agrees with flow_service_side()
SELECT count(*) AS disagreements FROM flows
WHERE flow_service_port(src, dst, protocol, os)::int
      <> CASE flow_service_side(src, dst, protocol, os) WHEN 'src' THEN src ELSE dst END;

DROP TABLE flows, named;
