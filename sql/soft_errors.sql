--
-- Soft errors (PostgreSQL 16 and later): input functions report bad input
-- to pg_input_is_valid() and pg_input_error_info() without raising, so
-- callers can test a value.  This test runs on 16+ only (see the Makefile).
--
SELECT v AS input, pg_input_is_valid(v, 'port') AS valid
FROM unnest(ARRAY['0', '443', '65535', '70000', '-1', '4x', '', 'ssh', 'https', 'no-such-service']) v;

-- the same message, detail and SQLSTATE as the hard error
SELECT v AS input, e.sql_error_code, e.message, e.detail
FROM unnest(ARRAY['70000', '4x', 'no-such-service', repeat('9', 100)]) v,
     pg_input_error_info(v, 'port') e;

-- ranges and multiranges: core's range input passes the soft-error
-- context on to port's input function for each bound
SELECT v AS input, pg_input_is_valid(v, 'portrange') AS valid
FROM unnest(ARRAY['[22,23)', '[ssh,https]', '[22,70000]', '[x,1]', '[5,1]', 'junk']) v;
SELECT v AS input, e.sql_error_code, e.message
FROM unnest(ARRAY['[22,70000]', '[nosuch,1]', '[5,1]']) v,
     pg_input_error_info(v, 'portrange') e;
SELECT v AS input, pg_input_is_valid(v, 'portmultirange') AS valid
FROM unnest(ARRAY['{[22,23)}', '{[22,23),[80,70000]}', '{[1,2)', '{}']) v;
SELECT e.sql_error_code, e.message
FROM pg_input_error_info('{[22,23),[80,70000]}', 'portmultirange') e;

-- domains over port: the domain's CHECK is a soft error too
SELECT v AS input, pg_input_is_valid(v, 'well_known_port') AS valid
FROM unnest(ARRAY['80', '1023', '1024', '70000']) v;
SELECT e.sql_error_code FROM pg_input_error_info('1024', 'well_known_port') e;
