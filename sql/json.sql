--
-- Values leaving the database as JSON.
--
-- A port is a JSON number, as an int4 is: PostgreSQL's JSON functions
-- print a non-built-in type through its cast to json (port -> json, an
-- explicit cast; to_jsonb() and the jsonb functions use the same cast).
-- Ranges and sets are JSON strings of their canonical text form, as for
-- int4range, and read back with ::portrange / ::portmultirange.
--
CREATE TABLE json_flows (id int, src_port port, dst_port port,
                         wk well_known_port, ports portrange,
                         allowed portmultirange, seen port[]);
INSERT INTO json_flows VALUES
  (1, 51234, 22, 22, '[22,22]', '{[22,22],[80,80],[1024,65535]}', '{22,443}'),
  (2, 0, 65535, 0, '[0,1023]', '{}', '{}'),
  (3, 40000, 443, NULL, 'empty', NULL, '{65535,NULL}');

-- row_to_json / to_jsonb of a row: ports are numbers, ranges strings
SELECT row_to_json(f) FROM json_flows f ORDER BY id;
SELECT to_jsonb(f) FROM json_flows f ORDER BY id;

-- the same as for int4 columns
SELECT row_to_json(f)::text = row_to_json(i)::text AS same_as_int4
FROM (SELECT dst_port, src_port FROM json_flows WHERE id = 1) f,
     (SELECT 22 AS dst_port, 51234 AS src_port) i;

-- aggregates and builders
SELECT json_agg(dst_port ORDER BY id) AS json_agg,
       jsonb_agg(dst_port ORDER BY id) AS jsonb_agg
FROM json_flows;
SELECT json_build_object('dst_port', dst_port, 'ports', ports) AS json_build_object,
       jsonb_build_object('dst_port', dst_port, 'ports', ports) AS jsonb_build_object
FROM json_flows WHERE id = 1;
SELECT json_build_array(dst_port, 0::port, 65535::port) AS json_build_array,
       jsonb_build_array(dst_port, wk) AS jsonb_build_array
FROM json_flows WHERE id = 1;
SELECT to_json(443::port) AS to_json, to_jsonb(443::port) AS to_jsonb,
       array_to_json('{1,2,65535}'::port[]) AS array_to_json;
SELECT json_object_agg(id, dst_port ORDER BY id) AS values_are_numbers FROM json_flows;

-- jsonb_typeof: number, like int4; ranges, sets: string; port[]: array
SELECT jsonb_typeof(to_jsonb(dst_port)) AS port,
       jsonb_typeof(to_jsonb(dst_port::int)) AS int4,
       jsonb_typeof(to_jsonb(wk)) AS domain_over_port,
       jsonb_typeof(to_jsonb(ports)) AS portrange,
       jsonb_typeof(to_jsonb(allowed)) AS portmultirange,
       jsonb_typeof(to_jsonb(seen)) AS port_array,
       jsonb_typeof(to_jsonb(seen)->0) AS port_array_element
FROM json_flows WHERE id = 1;

-- NULL is JSON null
SELECT json_build_object('wk', wk, 'allowed', allowed) FROM json_flows WHERE id = 3;

-- the explicit casts
SELECT 443::port::json AS json, 443::port::jsonb AS jsonb,
       pg_typeof(443::port::json) AS json_type, pg_typeof(443::port::jsonb) AS jsonb_type;
SELECT 0::port::json AS lowest, 65535::port::jsonb AS highest;
SELECT castcontext, castmethod, castfunc::regprocedure
FROM pg_cast
WHERE castsource = 'port'::regtype AND casttarget IN ('json'::regtype, 'jsonb'::regtype)
ORDER BY casttarget::regtype::text;
-- the cast function is what the JSON functions call for all 65,536 ports
SELECT count(*) AS ports_not_equal_to_int4
FROM generate_series(0, 65535) i
WHERE to_jsonb(i::port) <> to_jsonb(i) OR to_json(i::port)::text <> to_json(i)::text;

-- Ranges and sets: the canonical text form as a JSON string, as int4range
SELECT to_json('[22,22]'::portrange) AS portrange,
       to_json('[22,22]'::int4range) AS int4range,
       to_json('[1024,65535]'::portrange) AS unbounded_top,
       to_json('empty'::portrange) AS empty,
       to_json('{[22,22],[80,81]}'::portmultirange) AS portmultirange;
-- and they read back
SELECT (j->>'ports')::portrange AS ports, (j->>'allowed')::portmultirange AS allowed
FROM (SELECT to_jsonb(f) AS j FROM json_flows f WHERE id = 1) s;
-- an object form, where a consumer wants numbers: first and last port
SELECT json_build_object('first', first_port(ports), 'last', last_port(ports)) AS range_object,
       (SELECT json_agg(json_build_array(first_port(r), last_port(r)))
        FROM unnest(allowed) r) AS set_as_pairs
FROM json_flows WHERE id = 1;

-- Round trip: JSON numbers populate port columns again, and an
-- out-of-range number is the usual 22003
SELECT (json_populate_record(NULL::json_flows, row_to_json(f))).*
FROM json_flows f WHERE id = 1;
SELECT * FROM jsonb_to_record('{"dst_port": 443, "ports": "[80,90]"}')
  AS t(dst_port port, ports portrange);
SELECT * FROM jsonb_to_record('{"dst_port": 70000}') AS t(dst_port port);
SELECT * FROM jsonb_to_record('{"wk": 80}') AS t(wk well_known_port);

-- PostgreSQL's rule has a price: a type with a cast to json cannot be an
-- object key (22023).  Keys are strings anyway: write dst_port::int (or
-- ::text), which gives the same key an int4 column gives.
SELECT json_object_agg(dst_port, id) FROM json_flows;
SELECT jsonb_object_agg(dst_port, id) FROM json_flows;
SELECT json_build_object(dst_port, 'x') FROM json_flows WHERE id = 1;
SELECT json_object_agg(dst_port::int, id ORDER BY id) AS json_object_agg,
       jsonb_object_agg(dst_port::int, id) AS jsonb_object_agg
FROM json_flows;

DROP TABLE json_flows;
