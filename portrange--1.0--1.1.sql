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

-- Binary input that rejects every malformed value with 22P03 naming the
-- type.  PostgreSQL's range_recv() and multirange_recv(), which CREATE TYPE
-- ... AS RANGE installs, read their framing with the protocol routines, so
-- a short portrange or portmultirange field was a protocol error (08P01).
-- These read the same byte layouts and give the same values for every
-- well-formed input (src/prange.c, src/port_wire.c).  A range type's
-- receive function cannot be set by ALTER TYPE (base types only), so the
-- catalog row is updated.  No pg_depend entry of the type on the function
-- is added: the function returns the type, and the loop would break
-- pg_dump --binary-upgrade's ordering; both are members of the extension,
-- so neither can be dropped alone.  The functions are found as members of
-- this extension in its schema (no @extschema@ inside a string literal).
-- pg_upgrade
-- re-creates the types from their CREATE TYPE ... AS RANGE, which restores
-- range_recv(); doc/security.md says so.
CREATE FUNCTION @extschema@.portrange_recv(pg_catalog.internal, pg_catalog.oid, pg_catalog.int4)
RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portmultirange_recv(pg_catalog.internal, pg_catalog.oid, pg_catalog.int4)
RETURNS @extschema@.portmultirange
AS 'MODULE_PATHNAME', 'portmultirange_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.portrange_recv(pg_catalog.internal, pg_catalog.oid, pg_catalog.int4)
IS 'binary input of portrange: rejects malformed input with 22P03';
COMMENT ON FUNCTION @extschema@.portmultirange_recv(pg_catalog.internal, pg_catalog.oid, pg_catalog.int4)
IS 'binary input of portmultirange: rejects malformed input with 22P03';

UPDATE pg_catalog.pg_type AS t
SET typreceive = p.oid
FROM pg_catalog.pg_proc AS p, pg_catalog.pg_depend AS d, pg_catalog.pg_extension AS e
WHERE e.extname OPERATOR(pg_catalog.=) 'portrange'
  AND d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND d.objid OPERATOR(pg_catalog.=) p.oid
  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND d.refobjid OPERATOR(pg_catalog.=) e.oid
  AND d.deptype OPERATOR(pg_catalog.=) 'e'
  AND p.pronamespace OPERATOR(pg_catalog.=) e.extnamespace
  AND t.typnamespace OPERATOR(pg_catalog.=) e.extnamespace
  AND ((t.typname OPERATOR(pg_catalog.=) 'portrange'
		AND p.proname OPERATOR(pg_catalog.=) 'portrange_recv')
	OR (t.typname OPERATOR(pg_catalog.=) 'portmultirange'
		AND p.proname OPERATOR(pg_catalog.=) 'portmultirange_recv'));



------------------------------------------------------------------------------
-- Usability: index use, JSON, casts, constructors, messages (#12)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- The registry from IANA's XML, common names, protocols as text/int (#13)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- portproto: a port with its transport protocol; per-protocol sets (#14)
------------------------------------------------------------------------------



------------------------------------------------------------------------------
-- endpoint: an address with a port; the Community ID (#15)
------------------------------------------------------------------------------



