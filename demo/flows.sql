-- demo/flows.sql -- a realistic sample network flow log for the demo.
--
-- 200,000 flows over one day: client ports from the Linux and Windows
-- ephemeral ranges, destination ports from a heavy-tailed mix of common
-- services, some internal services, and a port scan.
SELECT setseed(0.2026) \g /dev/null

CREATE TABLE flows (
	ts        timestamptz NOT NULL,
	src_addr  inet        NOT NULL,
	dst_addr  inet        NOT NULL,
	src_port  port        NOT NULL,
	dst_port  port        NOT NULL,
	proto     text        NOT NULL CHECK (proto IN ('tcp', 'udp')),
	bytes     int8        NOT NULL
);

INSERT INTO flows
SELECT '2026-11-25 00:00+00'::timestamptz + (g * interval '432 ms'),
       ('10.1.' || (g % 50) || '.' || (1 + g % 200))::inet,
       CASE WHEN kind = 'scan' THEN '192.0.2.10'::inet
            ELSE ('198.51.100.' || (1 + (g * 7) % 254))::inet END,
       -- Linux clients use 32768-60999, Windows clients 49152-65535
       CASE WHEN g % 3 = 0 THEN 49152 + (hashint4(g) & 16383)
            ELSE 32768 + abs(hashint4(g + 1)) % 28232 END,
       CASE kind
            WHEN 'scan' THEN 1 + g % 1024
            WHEN 'rare' THEN 1024 + abs(hashint4(g + 2)) % 48128
            ELSE svc END,
       CASE WHEN svc IN (53, 123) AND kind = 'svc' THEN 'udp' ELSE 'tcp' END,
       (100 + abs(hashint4(g + 3)) % 100000)::int8
FROM (SELECT g,
             CASE WHEN r < 0.04 THEN 'scan' WHEN r < 0.10 THEN 'rare' ELSE 'svc' END AS kind,
             (ARRAY[443, 443, 443, 443, 80, 80, 53, 53, 22, 123, 25, 993, 3389,
                    5432, 8080, 8443, 6379, 9092, 3306, 27017])[1 + (abs(hashint4(g + 4)) % 20)] AS svc
      FROM (SELECT g, random() AS r FROM generate_series(1, 200000) g) s) f;

CREATE INDEX flows_dst_port ON flows (dst_port);
ANALYZE flows;

-- Firewall rules as people paste them from their tools: 20,000 rules, most
-- for one service or a narrow band of ports, a few wide ones
CREATE TABLE firewall_rules (
	id       serial PRIMARY KEY,
	host     inet NOT NULL,
	source   text NOT NULL,          -- the rule as written in the tool
	ports    portmultirange NOT NULL,
	action   text NOT NULL CHECK (action IN ('accept', 'drop'))
);
INSERT INTO firewall_rules (host, source, ports, action)
SELECT ('198.51.100.' || (1 + g % 254))::inet, src, parse_ports(src),
       CASE WHEN g % 5 = 0 THEN 'drop' ELSE 'accept' END
FROM (SELECT g,
             CASE WHEN g % 500 = 0 THEN (ARRAY['1024:65535', 'gt 1023'])[1 + (g / 500) % 2]
                  ELSE (ARRAY['22,80,443', '{ 80, 443, 8000-8100 }', '[1:1024,!22]', 'range 5432 5439',
                              'eq https', 'ssh', '3389', '[6379,9092,27017]',
                              (10000 + g % 20000) || '-' || (10050 + g % 20000),
                              '{ ' || (1025 + g % 30000) || ', ' || (1125 + g % 30000) || ' }'])[1 + g % 10]
             END AS src
      FROM generate_series(1, 20000) g) s;
-- portmultirange_ops, the default GiST operator class for portmultirange:
-- ports @> 8443 and 8443 <@ ports use it
CREATE INDEX firewall_rules_ports ON firewall_rules USING gist (ports);
ANALYZE firewall_rules;
