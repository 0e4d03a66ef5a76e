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

\echo '-- Bad values are refused with a clear error'
\set ON_ERROR_STOP 0
INSERT INTO flows (ts, src_addr, dst_addr, src_port, dst_port, proto, bytes)
VALUES (now(), '10.0.0.1', '10.0.0.2', 51000, 70000, 'tcp', 1);
\set ON_ERROR_STOP 1
