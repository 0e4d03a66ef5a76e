--
-- The demo's data (demo/flows.sql) and the index use its queries
-- (demo/queries.sql) show: the queries the demo EXPLAINs use their indexes.
--
\getenv abs_srcdir PG_ABS_SRCDIR
\set flows_file :abs_srcdir '/demo/flows.sql'
\set QUIET on
\i :flows_file
\set QUIET off
SELECT count(*) AS flows FROM flows;
SELECT count(*) AS rules FROM firewall_rules;

SELECT q, plan_uses_index(q, i) AS uses_index
FROM (VALUES
	('SELECT source, ports, to_firewall(ports, ''iptables'') AS iptables, count(*) AS rules
	  FROM firewall_rules WHERE ports @> 8443 GROUP BY source, ports ORDER BY rules DESC', 'firewall_rules_ports'),
	('SELECT id FROM firewall_rules WHERE 8443 <@ ports', 'firewall_rules_ports'),
	('SELECT count(*) FROM flows WHERE dst_port IN (80, 443) OR dst_port < 25', 'flows_dst_port'),
	('SELECT count(*) FROM flows WHERE is_ephemeral(dst_port, ''linux'')', 'flows_dst_port')
) v(q, i);
SELECT source, ports, count(*) AS rules
FROM firewall_rules WHERE ports @> 8443 GROUP BY source, ports ORDER BY rules DESC, source;

DROP TABLE flows, firewall_rules;
