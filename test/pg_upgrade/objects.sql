-- test/pg_upgrade/objects.sql -- a database that uses every kind of object
-- the extension has, for the cross-major pg_upgrade test (check.sh).
CREATE EXTENSION portrange;
CREATE EXTENSION btree_gist;

-- every type and domain as a column
CREATE TABLE flows (
	id int PRIMARY KEY,
	src_port port NOT NULL,
	dst_port port NOT NULL,
	proto transport_protocol NOT NULL,
	cls port_class GENERATED ALWAYS AS (port_class(dst_port)) STORED,
	wk well_known_port,
	reg registered_port,
	dyn dynamic_port,
	nz nonzero_port,
	unpriv unprivileged_port,
	assignable assignable_port,
	rule portrange,
	rules portmultirange
);
INSERT INTO flows (id, src_port, dst_port, proto, wk, reg, dyn, nz, unpriv, assignable, rule, rules)
SELECT g,
	   32768 + (hashint4(g) & 16383),
	   (ARRAY[22, 53, 80, 443, 5432, 8080, 50000, 65535])[1 + (g % 8)],
	   (ARRAY['tcp', 'udp', 'sctp', 'dccp'])[1 + (g % 4)]::transport_protocol,
	   g % 1024, 1024 + g % 48128, 49152 + g % 16384, 1 + g % 65535, 1024 + g % 64512,
	   1 + g % 1023,
	   portrange(g % 60000, g % 60000 + g % 100, '[]'),
	   parse_ports(format('%s,%s-%s', g % 1000, 2000 + g % 50, 2100 + g % 50))
FROM generate_series(1, 20000) g;

-- an index of each kind on each type
CREATE INDEX flows_dst_btree ON flows (dst_port);
CREATE INDEX flows_src_hash ON flows USING hash (src_port);
CREATE INDEX flows_dst_brin ON flows USING brin (dst_port);
CREATE INDEX flows_rule_gist ON flows USING gist (rule);
CREATE INDEX flows_proto_dst ON flows (proto, dst_port);
CREATE INDEX flows_cls ON flows (cls);
CREATE INDEX flows_wk_partial ON flows (wk) WHERE wk < 100;
CREATE INDEX flows_expr ON flows ((dst_port::int4 + 1));
CREATE UNIQUE INDEX flows_uniq ON flows (id, dst_port);
-- an exclusion constraint: no two rules of one protocol overlap
CREATE TABLE firewall (id int, proto transport_protocol, ports portrange,
	EXCLUDE USING gist (proto WITH =, ports WITH &&));
INSERT INTO firewall VALUES (1, 'tcp', '[1,1023]'), (2, 'tcp', '[1024,65535]'), (3, 'udp', '[53,53]');

-- partitioned tables: by range and by hash of a port
CREATE TABLE by_class (p port, note text) PARTITION BY RANGE (p);
CREATE TABLE by_class_wk PARTITION OF by_class FOR VALUES FROM (0) TO (1024);
CREATE TABLE by_class_reg PARTITION OF by_class FOR VALUES FROM (1024) TO (49152);
CREATE TABLE by_class_dyn PARTITION OF by_class FOR VALUES FROM (49152) TO (MAXVALUE);
INSERT INTO by_class SELECT g, 'n' || g FROM generate_series(0, 65535, 7) g;
CREATE TABLE by_hash (p port, note text) PARTITION BY HASH (p);
CREATE TABLE by_hash_0 PARTITION OF by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE by_hash_1 PARTITION OF by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE by_hash_2 PARTITION OF by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO by_hash SELECT g, 'n' || g FROM generate_series(0, 65535, 11) g;
CREATE INDEX ON by_class (p);
CREATE INDEX ON by_hash (p);

-- a view and a function over the extension's functions and the registry
CREATE VIEW named_flows AS
SELECT f.id, f.dst_port, port_service(f.dst_port) AS service, s.description
FROM flows f LEFT JOIN service_registry s
  ON s.port_low <= f.dst_port AND f.dst_port <= s.port_high
 AND s.protocol = 'tcp' AND s.service_name = port_service(f.dst_port);
CREATE FUNCTION wk_count() RETURNS bigint LANGUAGE sql STABLE
RETURN (SELECT count(*) FROM flows WHERE is_well_known(dst_port));
-- the types of 1.1: portproto and endpoint, with an index of each kind,
-- and a GiST index on portmultirange (its own operator class since 1.1)
CREATE TABLE services (
	id int PRIMARY KEY,
	svc portproto NOT NULL,
	listen endpoint NOT NULL,
	rules portmultirange
);
INSERT INTO services
SELECT g, portproto((ARRAY[22, 53, 80, 443, 5432])[1 + g % 5], (ARRAY['tcp', 'udp'])[1 + g % 2]),
	   endpoint(('10.' || (g % 256) || '.' || (g / 256 % 256) || '.1')::inet, 1024 + g % 1000),
	   parse_ports(format('%s-%s', g % 1000, g % 1000 + 10))
FROM generate_series(1, 5000) g;
INSERT INTO services VALUES (5001, '443/tcp', '[2001:db8::1]:443', '{[443,443]}');
CREATE INDEX services_svc_btree ON services (svc);
CREATE INDEX services_svc_hash ON services USING hash (svc);
CREATE INDEX services_svc_brin ON services USING brin (svc);
CREATE INDEX services_listen_btree ON services (listen);
CREATE INDEX services_listen_hash ON services USING hash (listen);
CREATE INDEX services_listen_brin ON services USING brin (listen);
CREATE INDEX services_rules_gist ON services USING gist (rules);
CREATE TABLE by_svc (svc portproto, note text) PARTITION BY HASH (svc);
CREATE TABLE by_svc_0 PARTITION OF by_svc FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE by_svc_1 PARTITION OF by_svc FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO by_svc SELECT svc, 'n' FROM services;
ANALYZE;
