-- demo/queries.sql -- example queries the demo prints with their answers
\echo
\echo '-- Which destination ports see the most flows, and what class are they?'
SELECT dst_port, port_class(dst_port), count(*) AS flows
FROM flows GROUP BY dst_port ORDER BY flows DESC LIMIT 8;

\echo '-- Flows per RFC 6335 class'
SELECT port_class(dst_port), count(*) AS flows, sum(bytes) AS bytes
FROM flows GROUP BY 1 ORDER BY 1;

\echo '-- Which hosts touched more than 100 distinct privileged ports (a scan)?'
SELECT dst_addr, count(DISTINCT dst_port) AS privileged_ports
FROM flows WHERE is_privileged(dst_port)
GROUP BY dst_addr HAVING count(DISTINCT dst_port) > 100;

\echo '-- Client ports: how many fall in each OS default ephemeral range?'
SELECT os, first_port, last_port,
       (SELECT count(*) FROM flows f WHERE f.src_port BETWEEN e.first_port AND e.last_port) AS flows
FROM ephemeral_ranges() e;

\echo '-- Integer comparisons work with no cast, and use the index'
EXPLAIN (COSTS OFF) SELECT count(*) FROM flows WHERE dst_port IN (80, 443) OR dst_port < 25;
SELECT count(*) AS web_or_low FROM flows WHERE dst_port IN (80, 443) OR dst_port < 25;

\echo '-- Service names from the bundled IANA registry (and de-facto uses on request)'
SELECT dst_port, port_service(dst_port, proto::transport_protocol) AS iana,
       port_service(dst_port, proto::transport_protocol, include_defacto => true) AS in_practice,
       count(*) AS flows
FROM flows GROUP BY dst_port, proto
ORDER BY port_service(dst_port, proto::transport_protocol) IS DISTINCT FROM
         port_service(dst_port, proto::transport_protocol, include_defacto => true) DESC,
         flows DESC
LIMIT 8;
SELECT 'ssh'::port AS ssh, 'https'::port AS https, service_port('domain', 'udp') AS dns;

\echo '-- Firewall rules written in tool syntax: which rules admit port 8443? (GiST index)'
EXPLAIN (COSTS OFF) SELECT id FROM firewall_rules WHERE ports @> 8443;
SELECT source, ports, to_firewall(ports, 'iptables') AS iptables, count(*) AS rules
FROM firewall_rules WHERE ports @> 8443 GROUP BY source, ports ORDER BY rules DESC;

\echo '-- Flows to a host that no accepting rule for that host admits'
SELECT f.dst_addr, f.dst_port, count(*) AS flows
FROM flows f
WHERE NOT EXISTS (SELECT 1 FROM firewall_rules r
                  WHERE r.host = f.dst_addr AND r.action = 'accept' AND r.ports @> f.dst_port)
GROUP BY 1, 2 ORDER BY flows DESC LIMIT 5;

\echo '-- Classification predicates use the dst_port index too'
EXPLAIN (COSTS OFF) SELECT count(*) FROM flows WHERE is_ephemeral(dst_port, 'linux');

\echo '-- Bad values are refused with a clear error'
\set ON_ERROR_STOP 0
INSERT INTO flows (ts, src_addr, dst_addr, src_port, dst_port, proto, bytes)
VALUES (now(), '10.0.0.1', '10.0.0.2', 51000, 70000, 'tcp', 1);
SELECT parse_ports('443-80');
\set ON_ERROR_STOP 1
