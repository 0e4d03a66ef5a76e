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
-- Hardening (#11)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- Usability: index use, JSON, casts, constructors, messages (#12)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- The registry from IANA's XML, common names, protocols as text/int (#13)
------------------------------------------------------------------------------

-- The registry tables move into a schema of their own, portrange_registry,
-- owned by whoever ran the script (the bootstrap superuser for a trusted
-- install).  In 1.0 they lived in the extension's schema, whose owner (a
-- non-superuser who ran CREATE SCHEMA ext; CREATE EXTENSION portrange
-- SCHEMA ext) could DROP INDEX ext.service_registry_name: the owner of a
-- schema may drop anything in it, and an index is not an extension member.
-- Now the indexes sit where that user has no rights, and the names the
-- extension's schema shows (service_registry, service_defacto) are views,
-- which as extension members cannot be dropped on their own.
CREATE SCHEMA portrange_registry;
REVOKE ALL ON SCHEMA portrange_registry FROM PUBLIC;
GRANT USAGE ON SCHEMA portrange_registry TO PUBLIC;

-- these read the tables or their rows; they come back below
DROP FUNCTION @extschema@.registry_refresh();
DROP FUNCTION @extschema@.port_services(int4, bool);
DROP FUNCTION @extschema@.registry_rows();

-- 1.0 created this index with an unqualified lower()
DROP INDEX @extschema@.service_registry_name;
ALTER TABLE @extschema@.service_registry SET SCHEMA portrange_registry;
ALTER TABLE @extschema@.service_defacto SET SCHEMA portrange_registry;

-- IANA's XML has notes and reported unauthorized uses
ALTER TABLE portrange_registry.service_registry
	ADD COLUMN notes text,
	ADD COLUMN unauthorized text;

CREATE FUNCTION @extschema@.registry_rows(
	OUT port_low @extschema@.port, OUT port_high @extschema@.port,
	OUT protocol @extschema@.transport_protocol, OUT service_name text,
	OUT name_rank int2, OUT status text, OUT description text,
	OUT assignee text, OUT contact text, OUT registration_date text,
	OUT modification_date text, OUT reference text, OUT sources text,
	OUT notes text, OUT unauthorized text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'port_registry_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 15000;

-- refill from the 1.1 library (IANA's 2026-08-17 edition)
DELETE FROM portrange_registry.service_registry;
DELETE FROM portrange_registry.service_defacto;
INSERT INTO portrange_registry.service_registry
	(port_low, port_high, protocol, service_name, name_rank, status,
	 description, assignee, contact, registration_date, modification_date,
	 reference, sources, notes, unauthorized)
SELECT * FROM @extschema@.registry_rows();
INSERT INTO portrange_registry.service_defacto SELECT * FROM @extschema@.defacto_rows();

CREATE INDEX service_registry_name ON portrange_registry.service_registry
	(pg_catalog.lower(service_name), protocol);

CREATE VIEW @extschema@.service_registry AS
	SELECT port_low, port_high, protocol, service_name, name_rank, status,
	       description, assignee, contact, registration_date,
	       modification_date, reference, sources, ports, notes, unauthorized
	FROM portrange_registry.service_registry;
CREATE VIEW @extschema@.service_defacto AS
	SELECT port, protocol, service_name, description, source
	FROM portrange_registry.service_defacto;
GRANT SELECT ON @extschema@.service_registry, @extschema@.service_defacto TO PUBLIC;

-- everyday names that are not IANA's (data/common.csv), with their sources
CREATE FUNCTION @extschema@.common_rows(
	OUT port @extschema@.port, OUT protocol @extschema@.transport_protocol,
	OUT service_name text, OUT description text, OUT source text, OUT url text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'port_common_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;

-- every assignment of a port: IANA's names and netbase's aliases, the
-- common names, and on request the de-facto uses, each labelled
CREATE FUNCTION @extschema@.port_services(port int4, include_defacto bool DEFAULT false)
RETURNS TABLE (protocol @extschema@.transport_protocol, service_name text,
			   name_rank int2, status text, description text,
			   port_low @extschema@.port, port_high @extschema@.port,
			   registry text, assignee text, contact text,
			   registration_date text, modification_date text,
			   reference text, notes text, unauthorized text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10
BEGIN ATOMIC
	SELECT r.protocol, r.service_name, r.name_rank, r.status, r.description,
	       r.port_low, r.port_high, 'iana', r.assignee, r.contact,
	       r.registration_date, r.modification_date, r.reference, r.notes,
	       r.unauthorized
	FROM portrange_registry.service_registry r
	WHERE r.ports OPERATOR(@extschema@.@>) port_services.port::@extschema@.port
	UNION ALL
	SELECT c.protocol, c.service_name, NULL::int2, 'common', c.description,
	       c.port, c.port, 'common', NULL, NULL, NULL, NULL, c.url, c.source, NULL
	FROM @extschema@.common_rows() c
	WHERE c.port OPERATOR(@extschema@.=) port_services.port::@extschema@.port
	UNION ALL
	SELECT d.protocol, d.service_name, NULL::int2, 'de-facto', d.description,
	       d.port, d.port, 'de-facto', NULL, NULL, NULL, NULL, NULL, d.source, NULL
	FROM portrange_registry.service_defacto d
	WHERE port_services.include_defacto
	  AND d.port OPERATOR(@extschema@.=) port_services.port::@extschema@.port
	ORDER BY 8 DESC, 1, 3 NULLS LAST, 2;
END;

-- What differs between the rows of the loaded library and the tables:
-- after installing a library built from a newer data/ snapshot this lists
-- what registry_refresh() will apply.  A row is identified by protocol,
-- ports, status and name; a name that disappears where another appears at
-- the same protocol, ports and rank is a rename.
CREATE FUNCTION @extschema@.registry_changes()
RETURNS TABLE (change text, protocol @extschema@.transport_protocol,
			   port_low @extschema@.port, port_high @extschema@.port,
			   old_name text, new_name text, name_rank int2,
			   old_value text, new_value text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	WITH lib AS (
		SELECT l.*, COALESCE(l.service_name, '') AS k
		FROM @extschema@.registry_rows() l
	), tab AS (
		SELECT t.port_low, t.port_high, t.protocol, t.service_name,
		       t.name_rank, t.status, t.description, t.assignee, t.contact,
		       t.registration_date, t.modification_date, t.reference,
		       t.sources, t.notes, t.unauthorized,
		       COALESCE(t.service_name, '') AS k
		FROM portrange_registry.service_registry t
	), j AS (
		SELECT l AS l, t AS t
		FROM lib l FULL JOIN tab t
		  ON l.protocol OPERATOR(pg_catalog.=) t.protocol
		 AND l.port_low OPERATOR(@extschema@.=) t.port_low
		 AND l.port_high OPERATOR(@extschema@.=) t.port_high
		 AND l.status OPERATOR(pg_catalog.=) t.status
		 AND l.k OPERATOR(pg_catalog.=) t.k
	), gone AS (
		SELECT (t).* FROM j WHERE (l).port_low IS NULL
	), new AS (
		SELECT (l).* FROM j WHERE (t).port_low IS NULL
	), renamed AS (
		SELECT g.protocol, g.port_low, g.port_high, g.service_name AS old_name,
		       n.service_name AS new_name, n.name_rank
		FROM gone g JOIN new n
		  ON g.protocol OPERATOR(pg_catalog.=) n.protocol
		 AND g.port_low OPERATOR(@extschema@.=) n.port_low
		 AND g.port_high OPERATOR(@extschema@.=) n.port_high
		 AND g.name_rank OPERATOR(pg_catalog.=) n.name_rank
		WHERE g.status OPERATOR(pg_catalog.=) 'assigned'
		  AND n.status OPERATOR(pg_catalog.=) 'assigned'
	)
	SELECT 'renamed', r.protocol, r.port_low, r.port_high, r.old_name,
	       r.new_name, r.name_rank, r.old_name, r.new_name
	FROM renamed r
	UNION ALL
	SELECT 'added', n.protocol, n.port_low, n.port_high, NULL, n.service_name,
	       n.name_rank, NULL, COALESCE(n.service_name, n.status)
	FROM new n
	WHERE NOT EXISTS (SELECT 1 FROM renamed r
	                  WHERE r.protocol OPERATOR(pg_catalog.=) n.protocol
	                    AND r.port_low OPERATOR(@extschema@.=) n.port_low
	                    AND r.port_high OPERATOR(@extschema@.=) n.port_high
	                    AND r.new_name OPERATOR(pg_catalog.=) n.service_name)
	UNION ALL
	SELECT 'removed', g.protocol, g.port_low, g.port_high, g.service_name, NULL,
	       g.name_rank, COALESCE(g.service_name, g.status), NULL
	FROM gone g
	WHERE NOT EXISTS (SELECT 1 FROM renamed r
	                  WHERE r.protocol OPERATOR(pg_catalog.=) g.protocol
	                    AND r.port_low OPERATOR(@extschema@.=) g.port_low
	                    AND r.port_high OPERATOR(@extschema@.=) g.port_high
	                    AND r.old_name OPERATOR(pg_catalog.=) g.service_name)
	UNION ALL
	SELECT 're-described', (t).protocol, (t).port_low, (t).port_high,
	       (t).service_name, (l).service_name, (l).name_rank,
	       (t).description, (l).description
	FROM j
	WHERE (l).port_low IS NOT NULL AND (t).port_low IS NOT NULL
	  AND (l).description IS DISTINCT FROM (t).description
	UNION ALL
	SELECT 'amended', (t).protocol, (t).port_low, (t).port_high,
	       (t).service_name, (l).service_name, (l).name_rank,
	       NULL, NULL
	FROM j
	WHERE (l).port_low IS NOT NULL AND (t).port_low IS NOT NULL
	  AND (l).description IS NOT DISTINCT FROM (t).description
	  AND ROW((l).name_rank, (l).assignee, (l).contact, (l).registration_date,
	          (l).modification_date, (l).reference, (l).sources, (l).notes,
	          (l).unauthorized)
	      IS DISTINCT FROM
	      ROW((t).name_rank, (t).assignee, (t).contact, (t).registration_date,
	          (t).modification_date, (t).reference, (t).sources, (t).notes,
	          (t).unauthorized)
	ORDER BY 2, 3, 1, 5, 6;
END;

-- Refill the tables from the library, after installing a library built
-- with a newer data/ snapshot under the same version (see the README).
-- Only the tables' owner may run it.
CREATE FUNCTION @extschema@.registry_refresh() RETURNS text
LANGUAGE sql VOLATILE STRICT
BEGIN ATOMIC
	DELETE FROM portrange_registry.service_registry;
	DELETE FROM portrange_registry.service_defacto;
	INSERT INTO portrange_registry.service_registry
		(port_low, port_high, protocol, service_name, name_rank, status,
		 description, assignee, contact, registration_date, modification_date,
		 reference, sources, notes, unauthorized)
	SELECT * FROM @extschema@.registry_rows();
	INSERT INTO portrange_registry.service_defacto SELECT * FROM @extschema@.defacto_rows();
	SELECT @extschema@.registry_version();
END;
REVOKE ALL ON FUNCTION @extschema@.registry_refresh() FROM PUBLIC;

-- Protocol arguments as logs write them: text (an IANA protocol keyword or
-- number, case-insensitive: 'tcp', 'TCP', '6') and int (the IANA protocol
-- number, as in AWS VPC flow logs).  A protocol without ports (icmp, gre)
-- or one the registry does not know gives NULL; a malformed one is 22P02,
-- a number outside 0..255 22003.  The protocol has no default here, so
-- the 1.0 signatures keep their defaults unambiguously; a quoted literal
-- ('udp') resolves to the text form, with the same answers as the enum.
CREATE FUNCTION @extschema@.port_service(@extschema@.port, protocol text,
	include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'port_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_service(int4, protocol text,
	include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'port_service_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_service(@extschema@.port, protocol int4,
	include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'port_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_service(int4, protocol int4,
	include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'port_service_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.defacto_service(@extschema@.port, protocol text)
RETURNS text
AS 'MODULE_PATHNAME', 'port_defacto_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.defacto_service(int4, protocol text)
RETURNS text
AS 'MODULE_PATHNAME', 'port_defacto_service_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.defacto_service(@extschema@.port, protocol int4)
RETURNS text
AS 'MODULE_PATHNAME', 'port_defacto_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.defacto_service(int4, protocol int4)
RETURNS text
AS 'MODULE_PATHNAME', 'port_defacto_service_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.service_port(name text, protocol text,
	include_defacto bool DEFAULT false)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_service_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.service_port(name text, protocol int4,
	include_defacto bool DEFAULT false)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_service_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- the IANA number of a protocol keyword or number ('tcp' -> 6, 'icmp' -> 1)
CREATE FUNCTION @extschema@.protocol_number(protocol text) RETURNS int4
AS 'MODULE_PATHNAME', 'port_ip_protocol'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Indexes on expressions that read the registry (port_service(p), ...)
-- were built with 1.0's data; the 1.1 library answers from IANA's
-- 2026-08-17 edition, so such an index would no longer match its table
-- (amcheck finds heap tuples without their index entry).  Rebuild them.
-- Stored generated columns cannot be recomputed here: they are named in a
-- warning, to be rewritten by the user.
DO $$
DECLARE
	rel pg_catalog.regclass;
BEGIN
	FOR rel IN
		SELECT DISTINCT d.objid::pg_catalog.regclass
		FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_index i ON i.indexrelid OPERATOR(pg_catalog.=) d.objid
		JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.refobjid
		WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
		  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
		  AND p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
		  AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['port_service', 'defacto_service', 'service_port'])
	LOOP
		RAISE NOTICE 'portrange: rebuilding index %, whose expression reads the service registry', rel;
		EXECUTE pg_catalog.format('REINDEX INDEX %s', rel);
	END LOOP;
	FOR rel IN
		SELECT DISTINCT a.attrelid::pg_catalog.regclass
		FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_attrdef ad ON ad.oid OPERATOR(pg_catalog.=) d.objid
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) ad.adrelid
		     AND a.attnum OPERATOR(pg_catalog.=) ad.adnum
		JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) d.refobjid
		WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_attrdef'::pg_catalog.regclass
		  AND a.attgenerated OPERATOR(pg_catalog.=) 's'
		  AND p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
		  AND p.proname OPERATOR(pg_catalog.=) ANY (ARRAY['port_service', 'defacto_service', 'service_port'])
	LOOP
		RAISE WARNING 'portrange: table % has a stored generated column computed from the service registry, which 1.1 updates', rel
			USING HINT = 'An UPDATE of a row recomputes its generated columns.';
	END LOOP;
END
$$;

COMMENT ON SCHEMA portrange_registry IS 'portrange: the registry tables behind the service_registry and service_defacto views (read-only)';
COMMENT ON TABLE portrange_registry.service_registry IS 'IANA Service Name and Transport Protocol Port Number Registry, bundled snapshot (read-only; read it through the service_registry view)';
COMMENT ON TABLE portrange_registry.service_defacto IS 'common unregistered port uses, hand-curated, separate from IANA (read-only; read it through the service_defacto view)';
COMMENT ON COLUMN portrange_registry.service_registry.assignee IS 'IANA assignee (people and organisations resolved from the registry''s <people>); the record''s contact when IANA names no assignee';
COMMENT ON COLUMN portrange_registry.service_registry.contact IS 'IANA contact (resolved from <people>), ;-separated if several';
COMMENT ON COLUMN portrange_registry.service_registry.registration_date IS 'IANA registration date, YYYY-MM-DD or YYYY-MM, where IANA records it';
COMMENT ON COLUMN portrange_registry.service_registry.modification_date IS 'IANA modification date, YYYY-MM-DD or YYYY-MM, where IANA records it';
COMMENT ON COLUMN portrange_registry.service_registry.reference IS 'IANA references: RFC numbers (RFC9110), drafts, URIs; ;-separated';
COMMENT ON COLUMN portrange_registry.service_registry.notes IS 'IANA assignment notes (e.g. conflicting assignments, DNS-SD TXT keys)';
COMMENT ON COLUMN portrange_registry.service_registry.unauthorized IS 'unauthorized use reported to IANA, if any';
COMMENT ON COLUMN portrange_registry.service_registry.name_rank IS '1 for the primary name of the port, 2.. for further names in IANA''s order (a name IANA notes as conflicting comes last), then netbase aliases';
COMMENT ON VIEW @extschema@.service_registry IS 'IANA Service Name and Transport Protocol Port Number Registry, bundled snapshot, with netbase aliases (read-only)';
COMMENT ON COLUMN @extschema@.service_registry.port_low IS 'first port of the assignment';
COMMENT ON COLUMN @extschema@.service_registry.port_high IS 'last port of the assignment (= port_low unless IANA assigned a range)';
COMMENT ON COLUMN @extschema@.service_registry.protocol IS 'transport protocol';
COMMENT ON COLUMN @extschema@.service_registry.service_name IS 'service name as IANA spells it; NULL for reserved and unassigned ports';
COMMENT ON COLUMN @extschema@.service_registry.name_rank IS '1 for the primary name of the port, 2.. for further names in IANA''s order (a name IANA notes as conflicting comes last), then netbase aliases';
COMMENT ON COLUMN @extschema@.service_registry.status IS 'assigned, alias (known only as an alias, from netbase''s /etc/services), reserved or unassigned';
COMMENT ON COLUMN @extschema@.service_registry.description IS 'IANA description';
COMMENT ON COLUMN @extschema@.service_registry.assignee IS 'IANA assignee (people and organisations resolved from the registry''s <people>); the record''s contact when IANA names no assignee';
COMMENT ON COLUMN @extschema@.service_registry.contact IS 'IANA contact (resolved from <people>), ;-separated if several';
COMMENT ON COLUMN @extschema@.service_registry.registration_date IS 'IANA registration date, YYYY-MM-DD or YYYY-MM, where IANA records it';
COMMENT ON COLUMN @extschema@.service_registry.modification_date IS 'IANA modification date, YYYY-MM-DD or YYYY-MM, where IANA records it';
COMMENT ON COLUMN @extschema@.service_registry.reference IS 'IANA references: RFC numbers (RFC9110), drafts, URIs; ;-separated';
COMMENT ON COLUMN @extschema@.service_registry.sources IS 'inputs the row came from, ;-separated: iana, netbase, derived (see data/README.md)';
COMMENT ON COLUMN @extschema@.service_registry.ports IS 'port_low..port_high as a portrange, GiST-indexed';
COMMENT ON COLUMN @extschema@.service_registry.notes IS 'IANA assignment notes (e.g. conflicting assignments, DNS-SD TXT keys)';
COMMENT ON COLUMN @extschema@.service_registry.unauthorized IS 'unauthorized use reported to IANA, if any';
COMMENT ON VIEW @extschema@.service_defacto IS 'common unregistered port uses, hand-curated, separate from IANA (read-only)';
COMMENT ON COLUMN @extschema@.service_defacto.port IS 'port';
COMMENT ON COLUMN @extschema@.service_defacto.protocol IS 'transport protocol';
COMMENT ON COLUMN @extschema@.service_defacto.service_name IS 'name of the software that commonly uses the port';
COMMENT ON COLUMN @extschema@.service_defacto.description IS 'what the use is';
COMMENT ON COLUMN @extschema@.service_defacto.source IS 'documentation that states the port';
COMMENT ON FUNCTION @extschema@.registry_rows() IS 'the rows of the registry compiled into the library';
COMMENT ON FUNCTION @extschema@.common_rows() IS 'everyday service names that are not IANA''s (dns-style shorthands such as rdp, smb), with the documentation that states each port';
COMMENT ON FUNCTION @extschema@.port_services(int4, bool) IS 'every registry entry for a port, all protocols: IANA names and netbase aliases, common names, and de-facto uses on request, with IANA''s assignee, contact, dates, references, notes and unauthorized uses';
COMMENT ON FUNCTION @extschema@.registry_changes() IS 'what registry_refresh() would change: rows added, removed, renamed, re-described or amended between the loaded library and the tables';
COMMENT ON FUNCTION @extschema@.registry_refresh() IS 'refill the registry tables from the loaded library';
COMMENT ON FUNCTION @extschema@.port_service(@extschema@.port, text, bool) IS 'primary IANA service name of a port; protocol as an IANA keyword or number, NULL for a protocol without ports';
COMMENT ON FUNCTION @extschema@.port_service(int4, text, bool) IS 'primary IANA service name of a port given as integer; protocol as an IANA keyword or number';
COMMENT ON FUNCTION @extschema@.port_service(@extschema@.port, int4, bool) IS 'primary IANA service name of a port; protocol as an IANA protocol number (6, 17), NULL for one without ports';
COMMENT ON FUNCTION @extschema@.port_service(int4, int4, bool) IS 'primary IANA service name of a port given as integer; protocol as an IANA protocol number';
COMMENT ON FUNCTION @extschema@.defacto_service(@extschema@.port, text) IS 'common unregistered use of a port; protocol as an IANA keyword or number';
COMMENT ON FUNCTION @extschema@.defacto_service(int4, text) IS 'common unregistered use of a port given as integer; protocol as an IANA keyword or number';
COMMENT ON FUNCTION @extschema@.defacto_service(@extschema@.port, int4) IS 'common unregistered use of a port; protocol as an IANA protocol number';
COMMENT ON FUNCTION @extschema@.defacto_service(int4, int4) IS 'common unregistered use of a port given as integer; protocol as an IANA protocol number';
COMMENT ON FUNCTION @extschema@.service_port(text, text, bool) IS 'port of a service name, case-insensitive; protocol as an IANA keyword or number; NULL if unknown';
COMMENT ON FUNCTION @extschema@.service_port(text, int4, bool) IS 'port of a service name, case-insensitive; protocol as an IANA protocol number; NULL if unknown';
COMMENT ON FUNCTION @extschema@.protocol_number(text) IS 'IANA protocol number of a protocol keyword (case-insensitive) or number; NULL if unknown';



------------------------------------------------------------------------------
-- portproto: a port with its transport protocol; per-protocol sets (#14)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- endpoint: an address with a port; the Community ID (#15)
------------------------------------------------------------------------------



