--
-- Ranges and sets of ports (1.1): the integer constructor includes both
-- ends, a port casts to a range or set, range_agg(port) collects the ports
-- seen, and each_port() expands a range or set into its ports.
--

-- portrange(int4, int4) is closed: [lo, hi], as port ranges are written
SELECT portrange(22, 22) AS ssh, portrange(1024, 65535) AS unprivileged,
       portrange(1024, 65535) @> 65535 AS has_65535, portrange(0, 1023) = well_known_ports() AS same,
       portrange(NULL, 1023) AS open_low, portrange(1024, NULL) AS open_high,
       port_count(portrange(8000, 8100)) AS ports;
-- explicit bounds as before; '[)' gives the 1.0 (and int4range) meaning
SELECT portrange(22, 23, '[)') AS half_open, portrange(22, 22, '[]') AS closed,
       portrange(22, 22, '()') AS empty;
-- PostgreSQL's own constructor of two ports is '[)' like every range type's
SELECT portrange(22::port, 22::port) AS core_two_ports, portrange(22::port, 22::port, '[]') AS closed;
SELECT portrange(0, 65536);
SELECT portrange(100, 10);

-- one port as a range or set: portrange(p) and the assignment casts
SELECT portrange(443::port) AS r, 443::port::portrange AS cast_r, 443::port::portmultirange AS cast_mr,
       portmultirange(443::port) AS mr;
CREATE TABLE ps_rules (ports portrange, set portmultirange);
INSERT INTO ps_rules VALUES ('22'::port, '22'::port);
INSERT INTO ps_rules SELECT p, p FROM (VALUES (80::port)) v(p);
SELECT * FROM ps_rules ORDER BY ports;
-- the casts are not implicit: a port does not match range operators
SELECT castcontext FROM pg_cast
WHERE castsource = 'port'::regtype AND casttarget IN ('portrange'::regtype, 'portmultirange'::regtype);
-- (42883; the HINT/DETAIL split of this error changed in 19, so only the
-- condition and the message are shown)
DO $$
BEGIN
	PERFORM 443::port && '[1,1024]'::portrange;
EXCEPTION WHEN undefined_function THEN
	RAISE NOTICE 'undefined_function: %', SQLERRM;
END
$$;

-- range_agg(port): which ports did each host scan (NULLs are skipped; a
-- group of only NULLs gives the empty set, as PostgreSQL's range_agg does)
CREATE TABLE ps_flows (host text, dst_port port);
INSERT INTO ps_flows SELECT 'scanner', g FROM generate_series(1, 1024) g;
INSERT INTO ps_flows SELECT 'scanner', p FROM unnest(ARRAY[3389, 5900, 5901, 5902, 8080]) p;
INSERT INTO ps_flows SELECT 'client', p FROM unnest(ARRAY[443, 443, 80, 53, 65535, 0]) p;
INSERT INTO ps_flows VALUES ('client', NULL), ('nothing', NULL);
SELECT host, range_agg(dst_port) AS ports, port_count(range_agg(dst_port)) AS distinct_ports,
       CASE WHEN port_count(range_agg(dst_port)) > 0 THEN to_firewall(range_agg(dst_port)) END AS firewall
FROM ps_flows GROUP BY host ORDER BY host;
SELECT range_agg(dst_port) FROM ps_flows WHERE false;
-- the same set as PostgreSQL's range_agg over one-port ranges
SELECT (SELECT range_agg(dst_port) FROM ps_flows) =
       (SELECT range_agg(portrange(dst_port)) FROM ps_flows) AS same_as_core;
-- as a window aggregate
SELECT dst_port, range_agg(dst_port) OVER (ORDER BY dst_port ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM ps_flows WHERE host = 'client' AND dst_port IS NOT NULL ORDER BY dst_port;
-- every other port: the most ranges a set can have
SELECT port_count(m) AS ports, cardinality(ARRAY(SELECT unnest(m))) AS ranges
FROM (SELECT range_agg(g::port) AS m FROM generate_series(0, 65535, 2) g) s;

-- each_port(): a range or set, one port per row
SELECT array_agg(p) FROM each_port(portrange(20, 25)) p;
SELECT array_agg(p) FROM each_port(parse_ports('22,80:82,443')) p;
SELECT count(*), min(p), max(p) FROM each_port(dynamic_ports()) p;
SELECT count(*) FROM each_port('empty'::portrange);
SELECT count(*) FROM each_port('{}'::portmultirange);
SELECT pg_typeof(p) FROM each_port(portrange(1, 1)) p;
-- and back: each_port and range_agg are inverses
SELECT range_agg(p) = parse_ports('22,80:82,443,60000-65535') AS round_trip
FROM each_port(parse_ports('22,80:82,443,60000-65535')) p;

DROP TABLE ps_rules, ps_flows;
