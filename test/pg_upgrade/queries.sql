-- test/pg_upgrade/queries.sql -- answers that must be the same before and
-- after pg_upgrade (check.sh runs this with index scans forced and with
-- sequential scans forced, on both clusters).
SELECT count(*), sum(dst_port::int4), sum(src_port::int4) FROM flows;
SELECT dst_port, count(*) FROM flows WHERE dst_port < 1024 GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM flows WHERE src_port = 40000;
SELECT count(*) FROM flows WHERE dst_port BETWEEN 5000 AND 9000;
SELECT count(*) FROM flows WHERE rule @> 443::port;
SELECT count(*) FROM flows WHERE rule && '[100,200]'::portrange;
SELECT count(*) FROM flows WHERE rules @> 2010::port;
SELECT cls, count(*) FROM flows GROUP BY 1 ORDER BY 1;
SELECT proto, count(*) FROM flows WHERE dst_port = 443 GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM flows WHERE wk < 50;
SELECT count(*) FROM flows WHERE dst_port::int4 + 1 = 444;
SELECT count(*) FROM flows WHERE is_well_known(dst_port);
SELECT count(*) FROM flows WHERE dst_port <@ ephemeral_ports('linux');
SELECT wk_count();
SELECT tableoid::regclass, count(*) FROM by_class GROUP BY 1 ORDER BY 1;
SELECT tableoid::regclass, count(*) FROM by_hash GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM by_class WHERE p = 700;
SELECT count(*) FROM by_hash WHERE p = 715;
SELECT service, count(*) FROM named_flows GROUP BY 1 ORDER BY 1;
SELECT * FROM firewall ORDER BY id;
SELECT port_service(443), service_port('postgresql'), 'ssh'::port, to_firewall(parse_ports('22,80,8000-8100'), 'iptables');
SELECT count(*) FROM service_registry;
SELECT min(dst_port), max(dst_port), min(src_port), max(src_port) FROM flows;
SELECT svc, count(*) FROM services GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM services WHERE svc = '443/tcp';
SELECT count(*) FROM services WHERE svc BETWEEN '53/tcp' AND '80/udp';
SELECT count(*) FROM services WHERE listen <<= '10.1.0.0/16'::inet;
SELECT count(*) FROM services WHERE listen = '[2001:db8::1]:443';
SELECT min(listen), max(listen), min(svc), max(svc) FROM services;
SELECT count(*) FROM services WHERE rules @> 5::port;
SELECT tableoid::regclass, count(*) FROM by_svc GROUP BY 1 ORDER BY 1;
SELECT community_id('10.0.0.1'::inet, 51234, '10.0.0.2'::inet, 443, 'tcp');
