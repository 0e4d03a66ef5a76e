/* portrange--1.0--1.1.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "ALTER EXTENSION portrange UPDATE TO '1.1'" to load this file. \quit

--
-- Version 1.1.  There is no portrange--1.1.sql: CREATE EXTENSION portrange
-- runs portrange--1.0.sql and then this script, so a fresh install and an
-- upgraded one run the same statements (test/upgrade proves they end equal).
-- As in the 1.0 script, every object is schema-qualified with @extschema@ or
-- pg_catalog and nothing uses CREATE OR REPLACE.
--
-- Sections by topic; keep each change in its own section.
--

------------------------------------------------------------------------------
-- Every supported major (#10)
------------------------------------------------------------------------------

-- port_services() again, with an alias on every output expression of its
-- SQL-standard body.  pg_dump prints such a body with aliases it makes up
-- ('iana'::text AS text), so after pg_upgrade or a dump and restore the
-- stored body differed from a fresh install's; with explicit aliases both
-- read the same (test/pg_upgrade/check.sh compares them).
DROP FUNCTION @extschema@.port_services(int4, bool);
CREATE FUNCTION @extschema@.port_services(port int4, include_defacto bool DEFAULT false)
RETURNS TABLE (protocol @extschema@.transport_protocol, service_name text,
			   name_rank int2, status text, description text,
			   port_low @extschema@.port, port_high @extschema@.port,
			   registry text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10
BEGIN ATOMIC
	SELECT r.protocol, r.service_name, r.name_rank, r.status, r.description,
	       r.port_low, r.port_high, 'iana'::text AS registry
	FROM @extschema@.service_registry r
	WHERE r.ports OPERATOR(@extschema@.@>) port_services.port::@extschema@.port
	UNION ALL
	SELECT d.protocol, d.service_name, NULL::int2 AS name_rank, 'de-facto'::text AS status,
	       d.description, d.port AS port_low, d.port AS port_high, 'de-facto'::text AS registry
	FROM @extschema@.service_defacto d
	WHERE port_services.include_defacto
	  AND d.port OPERATOR(@extschema@.=) port_services.port::@extschema@.port
	ORDER BY 8 DESC, 1, 3 NULLS LAST, 2;
END;
COMMENT ON FUNCTION @extschema@.port_services(int4, bool) IS 'every registry entry for a port, all protocols, names and aliases (and de-facto uses on request)';



------------------------------------------------------------------------------
-- Hardening (#11)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- Usability: index use, JSON, casts, constructors, messages (#12)
------------------------------------------------------------------------------

-- #12 part B: ports leave the database as JSON numbers.
--
-- to_json(), to_jsonb(), row_to_json(), json_agg(), json_build_object() and
-- the jsonb functions print a value of a non-built-in type through its cast
-- to json when there is one (PostgreSQL's json_categorize_type(); jsonb too
-- looks for the cast to json), and as a JSON string of its text otherwise.
-- The casts are EXPLICIT: nothing should turn into json silently, and the
-- JSON functions find an explicit cast all the same.  port -> jsonb serves
-- dst_port::jsonb.  portrange and portmultirange keep PostgreSQL's rule for
-- ranges: a JSON string of the canonical text form, '[22,23)', which reads
-- back with ::portrange.  The functions are not called json()/jsonb(): on
-- 17+ json(...) is the SQL/JSON constructor.

CREATE FUNCTION @extschema@.port_to_json(@extschema@.port) RETURNS json
AS 'MODULE_PATHNAME', 'port_to_json'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_to_jsonb(@extschema@.port) RETURNS jsonb
AS 'MODULE_PATHNAME', 'port_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.port AS json)
	WITH FUNCTION @extschema@.port_to_json(@extschema@.port);
CREATE CAST (@extschema@.port AS jsonb)
	WITH FUNCTION @extschema@.port_to_jsonb(@extschema@.port);

COMMENT ON FUNCTION @extschema@.port_to_json(@extschema@.port) IS 'port as a JSON number';
COMMENT ON FUNCTION @extschema@.port_to_jsonb(@extschema@.port) IS 'port as a jsonb number';
COMMENT ON CAST (@extschema@.port AS json) IS 'a port is a JSON number, so to_json(), row_to_json() and json_agg() print 443, not "443"';
COMMENT ON CAST (@extschema@.port AS jsonb) IS 'a port is a jsonb number';



------------------------------------------------------------------------------
-- The registry from IANA's XML, common names, protocols as text/int (#13)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- portproto: a port with its transport protocol; per-protocol sets (#14)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- endpoint: an address with a port; the Community ID (#15)
------------------------------------------------------------------------------



