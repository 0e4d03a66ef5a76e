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

-- Nothing here but a rule for the SQL-standard bodies (BEGIN ATOMIC) of the
-- sections below: every output expression that is not a plain column has
-- an alias.  pg_dump prints such a body with aliases it makes up
-- ('iana'::text AS text), so after pg_upgrade or a dump and restore a body
-- without them differs from a fresh install's (test/pg_upgrade/check.sh
-- compares them).



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

--
-- GiST for portmultirange columns.  PostgreSQL's multirange_ops is the
-- default for every multirange, but it knows only the polymorphic
-- operators, and portmultirange's own @>(portmultirange, port | int4)
-- hide core's @>(anymultirange, anyelement): rules.ports @> 8443 was a
-- sequential scan.  portmultirange_ops is PostgreSQL's multirange GiST
-- (each multirange indexed as the range that spans it, with a recheck),
-- with a consistent function that also takes int4 and text elements, like
-- portrange_ops.  It is the default for portmultirange (an exact type
-- match wins over the polymorphic multirange_ops); an index built before
-- 1.1 keeps multirange_ops until it is dropped and created again.
--
CREATE FUNCTION @extschema@.portmultirange_gist_consistent(internal, @extschema@.portmultirange, int2, oid, internal)
RETURNS bool
AS 'MODULE_PATHNAME', 'portmultirange_gist_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--
-- Containment with an untyped argument.  A driver's untyped parameter
-- (ports @> $1, dst_port <@ $1) or a quoted literal (dst_port <@
-- '[8000,8100]') matched both the port and the int4 operators ("operator
-- is not unique").  PostgreSQL prefers text for an unknown argument, so
-- these take text and read it as meant: '{...}' is a portmultirange,
-- '[...]', '(...)' and 'empty' a portrange, and on the element side
-- anything else is a port number or service name.
--
CREATE FUNCTION @extschema@.range_contains_text(@extschema@.portrange, text)
RETURNS bool
AS 'MODULE_PATHNAME', 'range_contains_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.text_contained_by_range(text, @extschema@.portrange)
RETURNS bool
AS 'MODULE_PATHNAME', 'text_contained_by_range'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.multirange_contains_text(@extschema@.portmultirange, text)
RETURNS bool
AS 'MODULE_PATHNAME', 'multirange_contains_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.text_contained_by_multirange(text, @extschema@.portmultirange)
RETURNS bool
AS 'MODULE_PATHNAME', 'text_contained_by_multirange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_contained_by_text(@extschema@.port, text)
RETURNS bool
AS 'MODULE_PATHNAME', 'port_contained_by_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.text_contains_port(text, @extschema@.port)
RETURNS bool
AS 'MODULE_PATHNAME', 'text_contains_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.port_planner_support;

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.portrange, RIGHTARG = text,
	FUNCTION = @extschema@.range_contains_text,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = text, RIGHTARG = @extschema@.portrange,
	FUNCTION = @extschema@.text_contained_by_range,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.portmultirange, RIGHTARG = text,
	FUNCTION = @extschema@.multirange_contains_text,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = text, RIGHTARG = @extschema@.portmultirange,
	FUNCTION = @extschema@.text_contained_by_multirange,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.port, RIGHTARG = text,
	FUNCTION = @extschema@.port_contained_by_text,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = text, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.text_contains_port,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);

ALTER OPERATOR FAMILY @extschema@.portrange_ops USING gist ADD
	OPERATOR 16 @extschema@.@> (@extschema@.portrange, text);

CREATE OPERATOR CLASS @extschema@.portmultirange_ops
	DEFAULT FOR TYPE @extschema@.portmultirange USING gist AS
	OPERATOR 1 pg_catalog.<< (anymultirange, anymultirange),
	OPERATOR 2 pg_catalog.&< (anymultirange, anymultirange),
	OPERATOR 3 pg_catalog.&& (anymultirange, anymultirange),
	OPERATOR 4 pg_catalog.&> (anymultirange, anymultirange),
	OPERATOR 5 pg_catalog.>> (anymultirange, anymultirange),
	OPERATOR 6 pg_catalog.-|- (anymultirange, anymultirange),
	OPERATOR 7 pg_catalog.@> (anymultirange, anymultirange),
	OPERATOR 8 pg_catalog.<@ (anymultirange, anymultirange),
	OPERATOR 1 pg_catalog.<< (anymultirange, anyrange),
	OPERATOR 2 pg_catalog.&< (anymultirange, anyrange),
	OPERATOR 3 pg_catalog.&& (anymultirange, anyrange),
	OPERATOR 4 pg_catalog.&> (anymultirange, anyrange),
	OPERATOR 5 pg_catalog.>> (anymultirange, anyrange),
	OPERATOR 6 pg_catalog.-|- (anymultirange, anyrange),
	OPERATOR 7 pg_catalog.@> (anymultirange, anyrange),
	OPERATOR 8 pg_catalog.<@ (anymultirange, anyrange),
	OPERATOR 16 @extschema@.@> (@extschema@.portmultirange, @extschema@.port),
	OPERATOR 16 @extschema@.@> (@extschema@.portmultirange, int4),
	OPERATOR 16 @extschema@.@> (@extschema@.portmultirange, text),
	OPERATOR 18 pg_catalog.= (anymultirange, anymultirange),
	FUNCTION 1 @extschema@.portmultirange_gist_consistent(internal, @extschema@.portmultirange, int2, oid, internal),
	FUNCTION 2 @extschema@.portrange_gist_union(internal, internal),
	FUNCTION 3 pg_catalog.multirange_gist_compress(internal),
	FUNCTION 5 pg_catalog.range_gist_penalty(internal, internal, internal),
	FUNCTION 6 pg_catalog.range_gist_picksplit(internal, internal),
	FUNCTION 7 @extschema@.portrange_gist_same(@extschema@.portrange, @extschema@.portrange, internal),
	STORAGE @extschema@.portrange;

--
-- Untyped arguments of the classification and registry functions: with a
-- port and an int4 version, is_well_known($1), port_class('443') and
-- port_service($1) (node-postgres sends every parameter untyped) were
-- "function is not unique".  A text version, which PostgreSQL prefers for
-- an unknown argument, reads the text as a port (number or service name).
--
CREATE FUNCTION @extschema@.port_class(text) RETURNS @extschema@.port_class
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.port_class($1::@extschema@.port);
CREATE FUNCTION @extschema@.is_well_known(text) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_well_known($1::@extschema@.port);
CREATE FUNCTION @extschema@.is_registered(text) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_registered($1::@extschema@.port);
CREATE FUNCTION @extschema@.is_dynamic(text) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_dynamic($1::@extschema@.port);
CREATE FUNCTION @extschema@.is_privileged(text) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_privileged($1::@extschema@.port);
CREATE FUNCTION @extschema@.is_privileged(value text, unprivileged_port_start int4) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_privileged($1::@extschema@.port, $2);
CREATE FUNCTION @extschema@.is_ephemeral(value text, os text DEFAULT 'iana') RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_ephemeral($1::@extschema@.port, $2);
CREATE FUNCTION @extschema@.port_service(value text,
	protocol @extschema@.transport_protocol DEFAULT 'tcp',
	include_defacto bool DEFAULT false)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.port_service($1::@extschema@.port, $2, $3);
CREATE FUNCTION @extschema@.defacto_service(value text,
	protocol @extschema@.transport_protocol DEFAULT 'tcp')
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.defacto_service($1::@extschema@.port, $2);

--
-- Is the extension on the search_path?  Installed in a schema that is not
-- (CREATE EXTENSION portrange SCHEMA net), dst_port = 443 silently
-- resolves to int4 = int4 through the implicit cast port -> int4, and a
-- btree index on dst_port is not used.  This reports it.
--
CREATE FUNCTION @extschema@.portrange_search_path_ok() RETURNS bool
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	-- the extension's schema, found through the catalog: the body names
	-- no schema, so that no schema name is ever substituted into it
	ext_schema name := (SELECT n.nspname
						FROM pg_catalog.pg_extension e
						JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
						WHERE e.extname OPERATOR(pg_catalog.=) 'portrange');
	ok bool := ext_schema OPERATOR(pg_catalog.=) ANY (pg_catalog.current_schemas(false));
BEGIN
	IF NOT ok THEN
		RAISE WARNING 'portrange''s operators are not visible: schema % is not on search_path (%)',
			pg_catalog.quote_ident(ext_schema), pg_catalog.current_setting('search_path')
			USING DETAIL = 'dst_port = 443 then compares as int4 = int4 and cannot use an index on dst_port.',
				  HINT = pg_catalog.format('Put the schema on search_path: SET search_path = %s, %I (and the same in ALTER DATABASE ... SET or ALTER ROLE ... SET), or install the extension in a schema that is on it.',
									   pg_catalog.current_setting('search_path'), ext_schema);
	END IF;
	RETURN ok;
END
$$;

--
-- Constructors: portrange(int4, int4) now includes both ends, as people
-- write port ranges (1024-65535, 22:22).  In 1.0 it followed int4range's
-- '[)', so portrange(22, 22) was empty.  Dropped and created again, so
-- that an object depending on the old meaning stops the update instead of
-- silently changing.  portrange(port, port) is PostgreSQL's own range
-- constructor and stays '[)'.
--
DROP FUNCTION @extschema@.portrange(int4, int4);

CREATE FUNCTION @extschema@.portrange(int4, int4) RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_from_int4_closed'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- one port as a range or set: portrange(443), and the casts
CREATE FUNCTION @extschema@.portrange(@extschema@.port) RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_from_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portmultirange(@extschema@.port) RETURNS @extschema@.portmultirange
AS 'MODULE_PATHNAME', 'portmultirange_from_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- port -> portrange and port -> portmultirange are ASSIGNMENT: lossless,
--   so INSERT INTO rules (ports) VALUES ('443'::port) works, but not
--   implicit, which would let a port match every range operator and make
--   dst_port <@ ranges and ranges @> dst_port ambiguous.
CREATE CAST (@extschema@.port AS @extschema@.portrange)
	WITH FUNCTION @extschema@.portrange(@extschema@.port) AS ASSIGNMENT;
CREATE CAST (@extschema@.port AS @extschema@.portmultirange)
	WITH FUNCTION @extschema@.portmultirange(@extschema@.port) AS ASSIGNMENT;

-- range_agg(port): the set of ports seen, "which ports did this host scan"
CREATE FUNCTION @extschema@.port_range_agg_transfn(internal, @extschema@.port)
RETURNS internal
AS 'MODULE_PATHNAME', 'port_range_agg_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_range_agg_finalfn(internal)
RETURNS @extschema@.portmultirange
AS 'MODULE_PATHNAME', 'port_range_agg_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.range_agg(@extschema@.port) (
	SFUNC = @extschema@.port_range_agg_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.port_range_agg_finalfn,
	FINALFUNC_MODIFY = READ_ONLY,
	PARALLEL = SAFE
);

-- each_port(): the ports of a range or set, one row each
CREATE FUNCTION @extschema@.each_port(@extschema@.portrange)
RETURNS SETOF @extschema@.port
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 100
BEGIN ATOMIC
	SELECT g::@extschema@.port
	FROM pg_catalog.generate_series(
		@extschema@.first_port($1)::pg_catalog.int4,
		@extschema@.last_port($1)::pg_catalog.int4) AS g;
END;

CREATE FUNCTION @extschema@.each_port(@extschema@.portmultirange)
RETURNS SETOF @extschema@.port
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 100
BEGIN ATOMIC
	SELECT p
	FROM pg_catalog.unnest($1) AS r, @extschema@.each_port(r) AS p;
END;

--
-- Next to int4.  Casts to the other numeric types, so dst_port::numeric,
-- ::float8 and ::smallint work:
-- port -> numeric, float4, float8 are ASSIGNMENT: lossless, but an
--   implicit one beside port -> int4 would make abs(dst_port) and
--   dst_port * 2 ambiguous.
-- port -> int2 is EXPLICIT: ports above 32767 do not fit (22003).
--
CREATE FUNCTION @extschema@.int2(@extschema@.port) RETURNS int2
AS 'MODULE_PATHNAME', 'port_to_int2'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.float4(@extschema@.port) RETURNS float4
AS 'MODULE_PATHNAME', 'port_to_float4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.float8(@extschema@.port) RETURNS float8
AS 'MODULE_PATHNAME', 'port_to_float8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@."numeric"(@extschema@.port) RETURNS numeric
AS 'MODULE_PATHNAME', 'port_to_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE CAST (@extschema@.port AS int2)
	WITH FUNCTION @extschema@.int2(@extschema@.port);
CREATE CAST (@extschema@.port AS float4)
	WITH FUNCTION @extschema@.float4(@extschema@.port) AS ASSIGNMENT;
CREATE CAST (@extschema@.port AS float8)
	WITH FUNCTION @extschema@.float8(@extschema@.port) AS ASSIGNMENT;
CREATE CAST (@extschema@.port AS numeric)
	WITH FUNCTION @extschema@."numeric"(@extschema@.port) AS ASSIGNMENT;

-- dst_port = 443.0 and friends: comparisons with numeric, as int4 has
-- through its implicit cast to numeric (port -> int4 -> numeric would be
-- two steps, which PostgreSQL does not take)
CREATE FUNCTION @extschema@.port_numeric_eq(@extschema@.port, numeric) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.numeric OPERATOR(pg_catalog.=) $2;
CREATE FUNCTION @extschema@.port_numeric_ne(@extschema@.port, numeric) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.numeric OPERATOR(pg_catalog.<>) $2;
CREATE FUNCTION @extschema@.port_numeric_lt(@extschema@.port, numeric) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.numeric OPERATOR(pg_catalog.<) $2;
CREATE FUNCTION @extschema@.port_numeric_le(@extschema@.port, numeric) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.numeric OPERATOR(pg_catalog.<=) $2;
CREATE FUNCTION @extschema@.port_numeric_gt(@extschema@.port, numeric) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.numeric OPERATOR(pg_catalog.>) $2;
CREATE FUNCTION @extschema@.port_numeric_ge(@extschema@.port, numeric) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.numeric OPERATOR(pg_catalog.>=) $2;
CREATE FUNCTION @extschema@.numeric_port_eq(numeric, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.=) $2::pg_catalog.numeric;
CREATE FUNCTION @extschema@.numeric_port_ne(numeric, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.<>) $2::pg_catalog.numeric;
CREATE FUNCTION @extschema@.numeric_port_lt(numeric, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.<) $2::pg_catalog.numeric;
CREATE FUNCTION @extschema@.numeric_port_le(numeric, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.<=) $2::pg_catalog.numeric;
CREATE FUNCTION @extschema@.numeric_port_gt(numeric, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.>) $2::pg_catalog.numeric;
CREATE FUNCTION @extschema@.numeric_port_ge(numeric, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.>=) $2::pg_catalog.numeric;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.port, RIGHTARG = numeric, FUNCTION = @extschema@.port_numeric_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.port, RIGHTARG = numeric, FUNCTION = @extschema@.port_numeric_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.port, RIGHTARG = numeric, FUNCTION = @extschema@.port_numeric_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.port, RIGHTARG = numeric, FUNCTION = @extschema@.port_numeric_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.port, RIGHTARG = numeric, FUNCTION = @extschema@.port_numeric_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.port, RIGHTARG = numeric, FUNCTION = @extschema@.port_numeric_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
CREATE OPERATOR @extschema@.= (
	LEFTARG = numeric, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.numeric_port_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = numeric, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.numeric_port_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR @extschema@.< (
	LEFTARG = numeric, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.numeric_port_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = numeric, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.numeric_port_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
	LEFTARG = numeric, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.numeric_port_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = numeric, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.numeric_port_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

-- and with float8 (dst_port = 443::float8, dst_port < $1::float8), as int4
-- has through its implicit cast to float8
CREATE FUNCTION @extschema@.port_float8_eq(@extschema@.port, float8) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.float8 OPERATOR(pg_catalog.=) $2;
CREATE FUNCTION @extschema@.port_float8_ne(@extschema@.port, float8) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.float8 OPERATOR(pg_catalog.<>) $2;
CREATE FUNCTION @extschema@.port_float8_lt(@extschema@.port, float8) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.float8 OPERATOR(pg_catalog.<) $2;
CREATE FUNCTION @extschema@.port_float8_le(@extschema@.port, float8) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.float8 OPERATOR(pg_catalog.<=) $2;
CREATE FUNCTION @extschema@.port_float8_gt(@extschema@.port, float8) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.float8 OPERATOR(pg_catalog.>) $2;
CREATE FUNCTION @extschema@.port_float8_ge(@extschema@.port, float8) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1::pg_catalog.float8 OPERATOR(pg_catalog.>=) $2;
CREATE FUNCTION @extschema@.float8_port_eq(float8, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.=) $2::pg_catalog.float8;
CREATE FUNCTION @extschema@.float8_port_ne(float8, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.<>) $2::pg_catalog.float8;
CREATE FUNCTION @extschema@.float8_port_lt(float8, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.<) $2::pg_catalog.float8;
CREATE FUNCTION @extschema@.float8_port_le(float8, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.<=) $2::pg_catalog.float8;
CREATE FUNCTION @extschema@.float8_port_gt(float8, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.>) $2::pg_catalog.float8;
CREATE FUNCTION @extschema@.float8_port_ge(float8, @extschema@.port) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 OPERATOR(pg_catalog.>=) $2::pg_catalog.float8;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.port, RIGHTARG = float8, FUNCTION = @extschema@.port_float8_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.port, RIGHTARG = float8, FUNCTION = @extschema@.port_float8_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.port, RIGHTARG = float8, FUNCTION = @extschema@.port_float8_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.port, RIGHTARG = float8, FUNCTION = @extschema@.port_float8_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.port, RIGHTARG = float8, FUNCTION = @extschema@.port_float8_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.port, RIGHTARG = float8, FUNCTION = @extschema@.port_float8_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
CREATE OPERATOR @extschema@.= (
	LEFTARG = float8, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.float8_port_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = float8, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.float8_port_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
CREATE OPERATOR @extschema@.< (
	LEFTARG = float8, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.float8_port_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = float8, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.float8_port_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
CREATE OPERATOR @extschema@.> (
	LEFTARG = float8, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.float8_port_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = float8, RIGHTARG = @extschema@.port, FUNCTION = @extschema@.float8_port_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);

-- width_bucket(dst_port, 0, 65536, 16): core has it for float8 and numeric,
-- which a port does not reach implicitly
CREATE FUNCTION @extschema@.width_bucket(@extschema@.port, float8, float8, int4)
RETURNS int4
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.width_bucket($1::pg_catalog.float8, $2, $3, $4);

-- percentile_cont(0.5) WITHIN GROUP (ORDER BY dst_port): core has it for
-- float8 and interval only
CREATE FUNCTION @extschema@.port_values_transfn(internal, @extschema@.port)
RETURNS internal
AS 'MODULE_PATHNAME', 'port_values_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_percentile_cont_final(internal, float8)
RETURNS float8
AS 'MODULE_PATHNAME', 'port_percentile_cont_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_percentile_cont_multi_final(internal, float8[])
RETURNS float8[]
AS 'MODULE_PATHNAME', 'port_percentile_cont_multi_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.percentile_cont(float8 ORDER BY @extschema@.port) (
	SFUNC = @extschema@.port_values_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.port_percentile_cont_final,
	FINALFUNC_MODIFY = SHAREABLE,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.percentile_cont(float8[] ORDER BY @extschema@.port) (
	SFUNC = @extschema@.port_values_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.port_percentile_cont_multi_final,
	FINALFUNC_MODIFY = SHAREABLE,
	PARALLEL = SAFE
);

--
-- Domain violations say what the domain allows: the message quotes the
-- constraint's name ("value for domain well_known_port violates check
-- constraint "well_known_port: 0..1023"").
--
ALTER DOMAIN @extschema@.well_known_port
	RENAME CONSTRAINT well_known_port_check TO "well_known_port: 0..1023";
ALTER DOMAIN @extschema@.registered_port
	RENAME CONSTRAINT registered_port_check TO "registered_port: 1024..49151";
ALTER DOMAIN @extschema@.dynamic_port
	RENAME CONSTRAINT dynamic_port_check TO "dynamic_port: 49152..65535";
ALTER DOMAIN @extschema@.assignable_port
	RENAME CONSTRAINT assignable_port_check TO "assignable_port: 0..49151";
ALTER DOMAIN @extschema@.unprivileged_port
	RENAME CONSTRAINT unprivileged_port_check TO "unprivileged_port: 1024..65535";
ALTER DOMAIN @extschema@.nonzero_port
	RENAME CONSTRAINT nonzero_port_check TO "nonzero_port: 1..65535";

COMMENT ON FUNCTION @extschema@.portmultirange_gist_consistent(internal, @extschema@.portmultirange, int2, oid, internal) IS 'GiST consistent for portmultirange, accepting int4 and text elements';
COMMENT ON OPERATOR CLASS @extschema@.portmultirange_ops USING gist IS 'default GiST operator class for portmultirange';
COMMENT ON OPERATOR FAMILY @extschema@.portmultirange_ops USING gist IS 'GiST operator family for portmultirange';
COMMENT ON FUNCTION @extschema@.range_contains_text(@extschema@.portrange, text) IS 'implementation of @> operator';
COMMENT ON FUNCTION @extschema@.text_contained_by_range(text, @extschema@.portrange) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.multirange_contains_text(@extschema@.portmultirange, text) IS 'implementation of @> operator';
COMMENT ON FUNCTION @extschema@.text_contained_by_multirange(text, @extschema@.portmultirange) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.port_contained_by_text(@extschema@.port, text) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.text_contains_port(text, @extschema@.port) IS 'implementation of @> operator';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.portrange, text) IS 'range contains an untyped port, range or set';
COMMENT ON OPERATOR @extschema@.<@ (text, @extschema@.portrange) IS 'untyped port, range or set is in range';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.portmultirange, text) IS 'set contains an untyped port, range or set';
COMMENT ON OPERATOR @extschema@.<@ (text, @extschema@.portmultirange) IS 'untyped port, range or set is in set';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.port, text) IS 'port is in an untyped range or set';
COMMENT ON OPERATOR @extschema@.@> (text, @extschema@.port) IS 'untyped range or set contains port';
COMMENT ON FUNCTION @extschema@.port_class(text) IS 'RFC 6335 range of a port given as text (an untyped parameter)';
COMMENT ON FUNCTION @extschema@.is_well_known(text) IS 'true for well-known (System) ports, 0-1023; port given as text';
COMMENT ON FUNCTION @extschema@.is_registered(text) IS 'true for registered (User) ports, 1024-49151; port given as text';
COMMENT ON FUNCTION @extschema@.is_dynamic(text) IS 'true for dynamic/private ports, 49152-65535; port given as text';
COMMENT ON FUNCTION @extschema@.is_privileged(text) IS 'true for ports below 1024; port given as text';
COMMENT ON FUNCTION @extschema@.is_privileged(text, int4) IS 'true for ports below the given start; port given as text';
COMMENT ON FUNCTION @extschema@.is_ephemeral(text, text) IS 'true if the port (given as text) is in the default ephemeral range of an OS';
COMMENT ON FUNCTION @extschema@.port_service(text, @extschema@.transport_protocol, bool) IS 'primary IANA service name of a port given as text';
COMMENT ON FUNCTION @extschema@.defacto_service(text, @extschema@.transport_protocol) IS 'common unregistered use of a port given as text, NULL if none';
COMMENT ON FUNCTION @extschema@.portrange_search_path_ok() IS 'true if the extension''s operators are visible on search_path; warns with the fix if not';
COMMENT ON FUNCTION @extschema@.portrange(int4, int4) IS 'portrange from integer bounds, both included ([]); NULL is unbounded';
COMMENT ON FUNCTION @extschema@.portrange(@extschema@.port) IS 'portrange of one port, [p,p]';
COMMENT ON FUNCTION @extschema@.portmultirange(@extschema@.port) IS 'portmultirange of one port';
COMMENT ON CAST (@extschema@.port AS @extschema@.portrange) IS 'a port as a range of one port';
COMMENT ON CAST (@extschema@.port AS @extschema@.portmultirange) IS 'a port as a set of one port';
COMMENT ON FUNCTION @extschema@.port_range_agg_transfn(internal, @extschema@.port) IS 'range_agg(port) transition function';
COMMENT ON FUNCTION @extschema@.port_range_agg_finalfn(internal) IS 'range_agg(port) final function';
COMMENT ON AGGREGATE @extschema@.range_agg(@extschema@.port) IS 'set of the ports aggregated, as portmultirange';
COMMENT ON FUNCTION @extschema@.each_port(@extschema@.portrange) IS 'the ports of a range, one row each';
COMMENT ON FUNCTION @extschema@.each_port(@extschema@.portmultirange) IS 'the ports of a set, one row each, in order';
COMMENT ON FUNCTION @extschema@.int2(@extschema@.port) IS 'port as smallint (22003 above 32767)';
COMMENT ON FUNCTION @extschema@.float4(@extschema@.port) IS 'port as real';
COMMENT ON FUNCTION @extschema@.float8(@extschema@.port) IS 'port as double precision';
COMMENT ON FUNCTION @extschema@."numeric"(@extschema@.port) IS 'port as numeric';
COMMENT ON CAST (@extschema@.port AS int2) IS 'explicit: ports above 32767 do not fit';
COMMENT ON CAST (@extschema@.port AS float4) IS 'assignment: lossless, not implicit beside port -> int4';
COMMENT ON CAST (@extschema@.port AS float8) IS 'assignment: lossless, not implicit beside port -> int4';
COMMENT ON CAST (@extschema@.port AS numeric) IS 'assignment: lossless, not implicit beside port -> int4';
COMMENT ON FUNCTION @extschema@.port_numeric_eq(@extschema@.port, numeric) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.port_numeric_ne(@extschema@.port, numeric) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.port_numeric_lt(@extschema@.port, numeric) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.port_numeric_le(@extschema@.port, numeric) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.port_numeric_gt(@extschema@.port, numeric) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.port_numeric_ge(@extschema@.port, numeric) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.numeric_port_eq(numeric, @extschema@.port) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.numeric_port_ne(numeric, @extschema@.port) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.numeric_port_lt(numeric, @extschema@.port) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.numeric_port_le(numeric, @extschema@.port) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.numeric_port_gt(numeric, @extschema@.port) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.numeric_port_ge(numeric, @extschema@.port) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.port, numeric) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.port, numeric) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.port, numeric) IS 'less than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.port, numeric) IS 'less than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.port, numeric) IS 'greater than';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.port, numeric) IS 'greater than or equal';
COMMENT ON OPERATOR @extschema@.= (numeric, @extschema@.port) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (numeric, @extschema@.port) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (numeric, @extschema@.port) IS 'less than';
COMMENT ON OPERATOR @extschema@.<= (numeric, @extschema@.port) IS 'less than or equal';
COMMENT ON OPERATOR @extschema@.> (numeric, @extschema@.port) IS 'greater than';
COMMENT ON OPERATOR @extschema@.>= (numeric, @extschema@.port) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.port_float8_eq(@extschema@.port, float8) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.port, float8) IS 'equal';
COMMENT ON FUNCTION @extschema@.port_float8_ne(@extschema@.port, float8) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.port, float8) IS 'not equal';
COMMENT ON FUNCTION @extschema@.port_float8_lt(@extschema@.port, float8) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (@extschema@.port, float8) IS 'less than';
COMMENT ON FUNCTION @extschema@.port_float8_le(@extschema@.port, float8) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.port, float8) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.port_float8_gt(@extschema@.port, float8) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (@extschema@.port, float8) IS 'greater than';
COMMENT ON FUNCTION @extschema@.port_float8_ge(@extschema@.port, float8) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.port, float8) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.float8_port_eq(float8, @extschema@.port) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (float8, @extschema@.port) IS 'equal';
COMMENT ON FUNCTION @extschema@.float8_port_ne(float8, @extschema@.port) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (float8, @extschema@.port) IS 'not equal';
COMMENT ON FUNCTION @extschema@.float8_port_lt(float8, @extschema@.port) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (float8, @extschema@.port) IS 'less than';
COMMENT ON FUNCTION @extschema@.float8_port_le(float8, @extschema@.port) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (float8, @extschema@.port) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.float8_port_gt(float8, @extschema@.port) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (float8, @extschema@.port) IS 'greater than';
COMMENT ON FUNCTION @extschema@.float8_port_ge(float8, @extschema@.port) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (float8, @extschema@.port) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.width_bucket(@extschema@.port, float8, float8, int4) IS 'bucket of a port in an equal-width histogram';
COMMENT ON FUNCTION @extschema@.port_values_transfn(internal, @extschema@.port) IS 'percentile_cont(... ORDER BY port) transition function';
COMMENT ON FUNCTION @extschema@.port_percentile_cont_final(internal, float8) IS 'percentile_cont(float8 ORDER BY port) final function';
COMMENT ON FUNCTION @extschema@.port_percentile_cont_multi_final(internal, float8[]) IS 'percentile_cont(float8[] ORDER BY port) final function';
COMMENT ON AGGREGATE @extschema@.percentile_cont(float8 ORDER BY @extschema@.port) IS 'continuous percentile of ports';
COMMENT ON AGGREGATE @extschema@.percentile_cont(float8[] ORDER BY @extschema@.port) IS 'continuous percentiles of ports';


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
	       r.port_low, r.port_high, 'iana'::text AS registry, r.assignee, r.contact,
	       r.registration_date, r.modification_date, r.reference, r.notes,
	       r.unauthorized
	FROM portrange_registry.service_registry r
	WHERE r.ports OPERATOR(@extschema@.@>) port_services.port::@extschema@.port
	UNION ALL
	SELECT c.protocol, c.service_name, NULL::int2 AS name_rank, 'common'::text AS status,
	       c.description, c.port AS port_low, c.port AS port_high, 'common'::text AS registry,
	       NULL::text AS assignee, NULL::text AS contact, NULL::text AS registration_date,
	       NULL::text AS modification_date, c.url AS reference, c.source AS notes,
	       NULL::text AS unauthorized
	FROM @extschema@.common_rows() c
	WHERE c.port OPERATOR(@extschema@.=) port_services.port::@extschema@.port
	UNION ALL
	SELECT d.protocol, d.service_name, NULL::int2 AS name_rank, 'de-facto'::text AS status,
	       d.description, d.port AS port_low, d.port AS port_high, 'de-facto'::text AS registry,
	       NULL::text AS assignee, NULL::text AS contact, NULL::text AS registration_date,
	       NULL::text AS modification_date, NULL::text AS reference, d.source AS notes,
	       NULL::text AS unauthorized
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
	SELECT 'renamed'::text AS change, r.protocol, r.port_low, r.port_high, r.old_name,
	       r.new_name, r.name_rank, r.old_name AS old_value, r.new_name AS new_value
	FROM renamed r
	UNION ALL
	SELECT 'added'::text AS change, n.protocol, n.port_low, n.port_high,
	       NULL::text AS old_name, n.service_name AS new_name,
	       n.name_rank, NULL::text AS old_value,
	       COALESCE(n.service_name, n.status) AS new_value
	FROM new n
	WHERE NOT EXISTS (SELECT FROM renamed r
	                  WHERE r.protocol OPERATOR(pg_catalog.=) n.protocol
	                    AND r.port_low OPERATOR(@extschema@.=) n.port_low
	                    AND r.port_high OPERATOR(@extschema@.=) n.port_high
	                    AND r.new_name OPERATOR(pg_catalog.=) n.service_name)
	UNION ALL
	SELECT 'removed'::text AS change, g.protocol, g.port_low, g.port_high,
	       g.service_name AS old_name, NULL::text AS new_name,
	       g.name_rank, COALESCE(g.service_name, g.status) AS old_value,
	       NULL::text AS new_value
	FROM gone g
	WHERE NOT EXISTS (SELECT FROM renamed r
	                  WHERE r.protocol OPERATOR(pg_catalog.=) g.protocol
	                    AND r.port_low OPERATOR(@extschema@.=) g.port_low
	                    AND r.port_high OPERATOR(@extschema@.=) g.port_high
	                    AND r.old_name OPERATOR(pg_catalog.=) g.service_name)
	UNION ALL
	SELECT 're-described'::text AS change, (t).protocol AS protocol,
	       (t).port_low AS port_low, (t).port_high AS port_high,
	       (t).service_name AS old_name, (l).service_name AS new_name,
	       (l).name_rank AS name_rank,
	       (t).description AS old_value, (l).description AS new_value
	FROM j
	WHERE (l).port_low IS NOT NULL AND (t).port_low IS NOT NULL
	  AND (l).description IS DISTINCT FROM (t).description
	UNION ALL
	SELECT 'amended'::text AS change, (t).protocol AS protocol,
	       (t).port_low AS port_low, (t).port_high AS port_high,
	       (t).service_name AS old_name, (l).service_name AS new_name,
	       (l).name_rank AS name_rank,
	       NULL::text AS old_value, NULL::text AS new_value
	FROM j
	WHERE (l).port_low IS NOT NULL AND (t).port_low IS NOT NULL
	  AND (l).description IS NOT DISTINCT FROM (t).description
	  -- one flat OR, not ROW(...) IS DISTINCT FROM ROW(...): the parser
	  -- nests that pairwise, and a dump and restore prints it flat, so
	  -- pg_upgrade would change the stored body
	  AND ((l).name_rank IS DISTINCT FROM (t).name_rank
	       OR (l).assignee IS DISTINCT FROM (t).assignee
	       OR (l).contact IS DISTINCT FROM (t).contact
	       OR (l).registration_date IS DISTINCT FROM (t).registration_date
	       OR (l).modification_date IS DISTINCT FROM (t).modification_date
	       OR (l).reference IS DISTINCT FROM (t).reference
	       OR (l).sources IS DISTINCT FROM (t).sources
	       OR (l).notes IS DISTINCT FROM (t).notes
	       OR (l).unauthorized IS DISTINCT FROM (t).unauthorized)
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
		  AND p.pronamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e
												   WHERE e.extname OPERATOR(pg_catalog.=) 'portrange')
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
		  AND p.pronamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e
												   WHERE e.extname OPERATOR(pg_catalog.=) 'portrange')
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

--
-- A port qualified by its protocol, 4 bytes by value: (port << 16) | IANA
-- protocol number.  It sorts by port, then protocol number (tcp 6, udp 17,
-- dccp 33, sctp 132), as /etc/services lists them: 53/tcp < 53/udp < 80/tcp.
--
CREATE TYPE @extschema@.portproto;

CREATE FUNCTION @extschema@.portproto_in(cstring) RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto_out(@extschema@.portproto) RETURNS cstring
AS 'MODULE_PATHNAME', 'portproto_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto_recv(internal) RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto_send(@extschema@.portproto) RETURNS bytea
AS 'MODULE_PATHNAME', 'portproto_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.portproto (
	INPUT = @extschema@.portproto_in,
	OUTPUT = @extschema@.portproto_out,
	RECEIVE = @extschema@.portproto_recv,
	SEND = @extschema@.portproto_send,
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain
);

-- constructors: the port as port or int4, the protocol as enum, text or
-- IANA number (6, 17, 132, 33)
CREATE FUNCTION @extschema@.portproto(@extschema@.port, @extschema@.transport_protocol)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_from_enum'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto(@extschema@.port, text)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_from_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto(@extschema@.port, int4)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_from_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto(int4, @extschema@.transport_protocol)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_from_int4_enum'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto(int4, text)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_from_int4_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto(int4, int4)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_from_int4_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- accessors
CREATE FUNCTION @extschema@.port(@extschema@.portproto) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portproto_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.protocol(@extschema@.portproto)
RETURNS @extschema@.transport_protocol
AS 'MODULE_PATHNAME', 'portproto_protocol'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.protocol_number(@extschema@.portproto) RETURNS int4
AS 'MODULE_PATHNAME', 'portproto_protocol_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- portproto -> port is EXPLICIT: it drops the protocol, so it must be
-- asked for (an assignment cast would let INSERT INTO a port column lose
-- the protocol silently; an implicit one would make '53/udp' = 53 true).
-- There is no cast from port: a port has no protocol to default to.
CREATE CAST (@extschema@.portproto AS @extschema@.port)
	WITH FUNCTION @extschema@.port(@extschema@.portproto);

-- comparisons
CREATE FUNCTION @extschema@.portproto_eq(@extschema@.portproto, @extschema@.portproto) RETURNS bool
AS 'MODULE_PATHNAME', 'portproto_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.portproto_ne(@extschema@.portproto, @extschema@.portproto) RETURNS bool
AS 'MODULE_PATHNAME', 'portproto_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.portproto_lt(@extschema@.portproto, @extschema@.portproto) RETURNS bool
AS 'MODULE_PATHNAME', 'portproto_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.portproto_le(@extschema@.portproto, @extschema@.portproto) RETURNS bool
AS 'MODULE_PATHNAME', 'portproto_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.portproto_gt(@extschema@.portproto, @extschema@.portproto) RETURNS bool
AS 'MODULE_PATHNAME', 'portproto_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.portproto_ge(@extschema@.portproto, @extschema@.portproto) RETURNS bool
AS 'MODULE_PATHNAME', 'portproto_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.portproto_cmp(@extschema@.portproto, @extschema@.portproto) RETURNS int4
AS 'MODULE_PATHNAME', 'portproto_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.portproto, RIGHTARG = @extschema@.portproto,
	FUNCTION = @extschema@.portproto_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.portproto, RIGHTARG = @extschema@.portproto,
	FUNCTION = @extschema@.portproto_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.portproto, RIGHTARG = @extschema@.portproto,
	FUNCTION = @extschema@.portproto_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.portproto, RIGHTARG = @extschema@.portproto,
	FUNCTION = @extschema@.portproto_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.portproto, RIGHTARG = @extschema@.portproto,
	FUNCTION = @extschema@.portproto_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.portproto, RIGHTARG = @extschema@.portproto,
	FUNCTION = @extschema@.portproto_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

-- index support: btree with sort support and equalimage, hash with the
-- extended hash (PARTITION BY HASH, Citus distribution), BRIN minmax
CREATE FUNCTION @extschema@.portproto_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME', 'portproto_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portproto_hash(@extschema@.portproto) RETURNS int4
AS 'MODULE_PATHNAME', 'portproto_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.portproto_hash_extended(@extschema@.portproto, int8) RETURNS int8
AS 'MODULE_PATHNAME', 'portproto_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR FAMILY @extschema@.portproto_ops USING btree;

CREATE OPERATOR CLASS @extschema@.portproto_ops
	DEFAULT FOR TYPE @extschema@.portproto USING btree FAMILY @extschema@.portproto_ops AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.portproto_cmp(@extschema@.portproto, @extschema@.portproto),
	FUNCTION 2 @extschema@.portproto_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR FAMILY @extschema@.portproto_ops USING hash;

CREATE OPERATOR CLASS @extschema@.portproto_ops
	DEFAULT FOR TYPE @extschema@.portproto USING hash FAMILY @extschema@.portproto_ops AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.portproto_hash(@extschema@.portproto),
	FUNCTION 2 @extschema@.portproto_hash_extended(@extschema@.portproto, int8);

CREATE OPERATOR FAMILY @extschema@.portproto_minmax_ops USING brin;

CREATE OPERATOR CLASS @extschema@.portproto_minmax_ops
	DEFAULT FOR TYPE @extschema@.portproto USING brin FAMILY @extschema@.portproto_minmax_ops AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 pg_catalog.brin_minmax_opcinfo(internal),
	FUNCTION 2 pg_catalog.brin_minmax_add_value(internal, internal, internal, internal),
	FUNCTION 3 pg_catalog.brin_minmax_consistent(internal, internal, internal),
	FUNCTION 4 pg_catalog.brin_minmax_union(internal, internal, internal);

CREATE FUNCTION @extschema@.portproto_smaller(@extschema@.portproto, @extschema@.portproto)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.portproto_larger(@extschema@.portproto, @extschema@.portproto)
RETURNS @extschema@.portproto
AS 'MODULE_PATHNAME', 'portproto_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE AGGREGATE @extschema@.min(@extschema@.portproto) (
	SFUNC = @extschema@.portproto_smaller,
	STYPE = @extschema@.portproto,
	COMBINEFUNC = @extschema@.portproto_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.max(@extschema@.portproto) (
	SFUNC = @extschema@.portproto_larger,
	STYPE = @extschema@.portproto,
	COMBINEFUNC = @extschema@.portproto_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

-- the registry and classification, on the port and its own protocol
CREATE FUNCTION @extschema@.port_service(@extschema@.portproto, include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'portproto_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_services(pp @extschema@.portproto, include_defacto bool DEFAULT false)
RETURNS TABLE (protocol @extschema@.transport_protocol, service_name text,
			   name_rank int2, status text, description text,
			   port_low @extschema@.port, port_high @extschema@.port,
			   registry text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 3
BEGIN ATOMIC
	SELECT s.protocol, s.service_name, s.name_rank, s.status, s.description,
	       s.port_low, s.port_high, s.registry
	FROM @extschema@.port_services(@extschema@.int4(@extschema@.port(port_services.pp)),
	                               port_services.include_defacto) s
	WHERE s.protocol OPERATOR(pg_catalog.=) @extschema@.protocol(port_services.pp);
END;

CREATE FUNCTION @extschema@.defacto_service(@extschema@.portproto) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.defacto_service(@extschema@.port($1), @extschema@.protocol($1));

CREATE FUNCTION @extschema@.port_class(@extschema@.portproto) RETURNS @extschema@.port_class
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.port_class(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_well_known(@extschema@.portproto) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_well_known(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_registered(@extschema@.portproto) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_registered(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_dynamic(@extschema@.portproto) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_dynamic(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_privileged(@extschema@.portproto) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_privileged(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_privileged(pp @extschema@.portproto, unprivileged_port_start int4)
RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_privileged(@extschema@.port($1), $2);

CREATE FUNCTION @extschema@.is_ephemeral(pp @extschema@.portproto, os text DEFAULT 'iana')
RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_ephemeral(@extschema@.port($1), $2);

-- membership in a rule stored as (protocol, ports) rows; inlined (so not
-- STRICT: the planner inlines no STRICT function whose body has an AND), so
-- an index on protocol or a GiST index on ports answers it
CREATE FUNCTION @extschema@.matches_ports(pp @extschema@.portproto,
	protocol @extschema@.transport_protocol, ports @extschema@.portmultirange)
RETURNS bool
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN $2 OPERATOR(pg_catalog.=) @extschema@.protocol($1)
   AND $3 OPERATOR(@extschema@.@>) @extschema@.port($1);

-- service specs with protocols, per tool
CREATE FUNCTION @extschema@.parse_service_spec(spec text, tool text DEFAULT 'ufw',
	default_protocols @extschema@.transport_protocol[] DEFAULT NULL)
RETURNS TABLE (protocol @extschema@.transport_protocol, ports @extschema@.portmultirange)
AS 'MODULE_PATHNAME', 'portproto_parse_service_spec'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.kubernetes_ports(spec jsonb)
RETURNS TABLE (protocol @extschema@.transport_protocol, ports @extschema@.portmultirange)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 2
BEGIN ATOMIC
	SELECT pg_catalog.lower(COALESCE(e.value OPERATOR(pg_catalog.->>) 'protocol', 'TCP'))::@extschema@.transport_protocol,
	       pg_catalog.range_agg(@extschema@.portrange(
	           ((e.value OPERATOR(pg_catalog.->>) 'port')::int4)::@extschema@.port,
	           (COALESCE(e.value OPERATOR(pg_catalog.->>) 'endPort',
	                     e.value OPERATOR(pg_catalog.->>) 'port')::int4)::@extschema@.port,
	           '[]'))
	FROM pg_catalog.jsonb_array_elements(
	         CASE WHEN pg_catalog.jsonb_typeof(kubernetes_ports.spec) OPERATOR(pg_catalog.=) 'array'
	              THEN kubernetes_ports.spec
	              ELSE pg_catalog.jsonb_build_array(kubernetes_ports.spec) END) e
	GROUP BY 1
	ORDER BY 1;
END;

CREATE FUNCTION @extschema@.to_firewall(protocol @extschema@.transport_protocol,
	ports @extschema@.portmultirange, style text)
RETURNS text
AS 'MODULE_PATHNAME', 'portproto_spec_to_firewall'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- parse_ports() with variables ($HTTP_PORTS) from a jsonb object
CREATE FUNCTION @extschema@.parse_ports(text, variables jsonb)
RETURNS @extschema@.portmultirange
AS 'MODULE_PATHNAME', 'portlist_parse_ports'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- which side of a flow is the service (doc/portproto.md: rules, limits)
CREATE FUNCTION @extschema@.flow_service_side(src_port @extschema@.port,
	dst_port @extschema@.port,
	protocol @extschema@.transport_protocol DEFAULT 'tcp', os text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'portproto_service_side'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.flow_service_rule(src_port @extschema@.port,
	dst_port @extschema@.port,
	protocol @extschema@.transport_protocol DEFAULT 'tcp', os text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'portproto_service_side_rule'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.flow_service_port(src_port @extschema@.port,
	dst_port @extschema@.port,
	protocol @extschema@.transport_protocol DEFAULT 'tcp', os text DEFAULT NULL)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portproto_flow_service_port'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.flow_service_side(src_port int4, dst_port int4,
	protocol @extschema@.transport_protocol DEFAULT 'tcp', os text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'portproto_service_side_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.flow_service_rule(src_port int4, dst_port int4,
	protocol @extschema@.transport_protocol DEFAULT 'tcp', os text DEFAULT NULL)
RETURNS text
AS 'MODULE_PATHNAME', 'portproto_service_side_rule_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.flow_service_port(src_port int4, dst_port int4,
	protocol @extschema@.transport_protocol DEFAULT 'tcp', os text DEFAULT NULL)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portproto_flow_service_port_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON TYPE @extschema@.portproto IS 'a port on one transport protocol, e.g. 53/udp';
COMMENT ON FUNCTION @extschema@.portproto_in(cstring) IS 'text input: 53/udp, udp/53, U:53, domain/udp';
COMMENT ON FUNCTION @extschema@.portproto_out(@extschema@.portproto) IS 'text output: 53/udp';
COMMENT ON FUNCTION @extschema@.portproto_recv(internal) IS 'binary input: port in 2 bytes, network order, then the IANA protocol number in 1 byte';
COMMENT ON FUNCTION @extschema@.portproto_send(@extschema@.portproto) IS 'binary output: port in 2 bytes, network order, then the IANA protocol number in 1 byte';
COMMENT ON FUNCTION @extschema@.portproto(@extschema@.port, @extschema@.transport_protocol) IS 'a port on a protocol';
COMMENT ON FUNCTION @extschema@.portproto(@extschema@.port, text) IS 'a port on a protocol named as text (tcp, udp, sctp, dccp)';
COMMENT ON FUNCTION @extschema@.portproto(@extschema@.port, int4) IS 'a port on a protocol given by its IANA number (6, 17, 132, 33)';
COMMENT ON FUNCTION @extschema@.portproto(int4, @extschema@.transport_protocol) IS 'a port given as integer on a protocol';
COMMENT ON FUNCTION @extschema@.portproto(int4, text) IS 'a port given as integer on a protocol named as text';
COMMENT ON FUNCTION @extschema@.portproto(int4, int4) IS 'a port given as integer on a protocol given by its IANA number';
COMMENT ON FUNCTION @extschema@.port(@extschema@.portproto) IS 'the port of a portproto';
COMMENT ON FUNCTION @extschema@.protocol(@extschema@.portproto) IS 'the transport protocol of a portproto';
COMMENT ON FUNCTION @extschema@.protocol_number(@extschema@.portproto) IS 'the IANA protocol number of a portproto (6, 17, 132, 33)';
COMMENT ON CAST (@extschema@.portproto AS @extschema@.port) IS 'explicit cast: drops the protocol';
COMMENT ON FUNCTION @extschema@.portproto_eq(@extschema@.portproto, @extschema@.portproto) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.portproto, @extschema@.portproto) IS 'equal';
COMMENT ON FUNCTION @extschema@.portproto_ne(@extschema@.portproto, @extschema@.portproto) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.portproto, @extschema@.portproto) IS 'not equal';
COMMENT ON FUNCTION @extschema@.portproto_lt(@extschema@.portproto, @extschema@.portproto) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (@extschema@.portproto, @extschema@.portproto) IS 'less than (by port, then protocol number)';
COMMENT ON FUNCTION @extschema@.portproto_le(@extschema@.portproto, @extschema@.portproto) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.portproto, @extschema@.portproto) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.portproto_gt(@extschema@.portproto, @extschema@.portproto) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (@extschema@.portproto, @extschema@.portproto) IS 'greater than';
COMMENT ON FUNCTION @extschema@.portproto_ge(@extschema@.portproto, @extschema@.portproto) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.portproto, @extschema@.portproto) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.portproto_cmp(@extschema@.portproto, @extschema@.portproto) IS 'btree comparison function';
COMMENT ON FUNCTION @extschema@.portproto_sortsupport(internal) IS 'btree sort support';
COMMENT ON FUNCTION @extschema@.portproto_hash(@extschema@.portproto) IS 'hash function';
COMMENT ON FUNCTION @extschema@.portproto_hash_extended(@extschema@.portproto, int8) IS 'extended (seeded) hash function, for hash partitioning';
COMMENT ON OPERATOR FAMILY @extschema@.portproto_ops USING btree IS 'btree operators of portproto';
COMMENT ON OPERATOR CLASS @extschema@.portproto_ops USING btree IS 'default btree operator class of portproto';
COMMENT ON OPERATOR FAMILY @extschema@.portproto_ops USING hash IS 'hash operators of portproto';
COMMENT ON OPERATOR CLASS @extschema@.portproto_ops USING hash IS 'default hash operator class of portproto';
COMMENT ON OPERATOR FAMILY @extschema@.portproto_minmax_ops USING brin IS 'BRIN minmax operators of portproto';
COMMENT ON OPERATOR CLASS @extschema@.portproto_minmax_ops USING brin IS 'default BRIN operator class of portproto';
COMMENT ON FUNCTION @extschema@.portproto_smaller(@extschema@.portproto, @extschema@.portproto) IS 'the smaller of two portproto values';
COMMENT ON FUNCTION @extschema@.portproto_larger(@extschema@.portproto, @extschema@.portproto) IS 'the larger of two portproto values';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.portproto) IS 'minimum portproto';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.portproto) IS 'maximum portproto';
COMMENT ON FUNCTION @extschema@.port_service(@extschema@.portproto, bool) IS 'primary IANA service name of a port on its protocol (or its de-facto use, on request), NULL if none';
COMMENT ON FUNCTION @extschema@.port_services(@extschema@.portproto, bool) IS 'every assignment of a port on its protocol';
COMMENT ON FUNCTION @extschema@.defacto_service(@extschema@.portproto) IS 'common unregistered use of a port on its protocol (service_defacto), NULL if none';
COMMENT ON FUNCTION @extschema@.port_class(@extschema@.portproto) IS 'RFC 6335 class of the port';
COMMENT ON FUNCTION @extschema@.is_well_known(@extschema@.portproto) IS 'port is in 0..1023';
COMMENT ON FUNCTION @extschema@.is_registered(@extschema@.portproto) IS 'port is in 1024..49151';
COMMENT ON FUNCTION @extschema@.is_dynamic(@extschema@.portproto) IS 'port is in 49152..65535';
COMMENT ON FUNCTION @extschema@.is_privileged(@extschema@.portproto) IS 'port is below 1024';
COMMENT ON FUNCTION @extschema@.is_privileged(@extschema@.portproto, int4) IS 'port is below the given unprivileged port start';
COMMENT ON FUNCTION @extschema@.is_ephemeral(@extschema@.portproto, text) IS 'port is in the default ephemeral range of an operating system';
COMMENT ON FUNCTION @extschema@.matches_ports(@extschema@.portproto, @extschema@.transport_protocol, @extschema@.portmultirange) IS 'portproto is on the protocol and among the ports of a (protocol, ports) rule';
COMMENT ON FUNCTION @extschema@.parse_service_spec(text, text, @extschema@.transport_protocol[]) IS 'ports per protocol from a ufw, firewalld, firehol, nmap, docker or zeek port spec';
COMMENT ON FUNCTION @extschema@.kubernetes_ports(jsonb) IS 'ports per protocol from Kubernetes NetworkPolicy ports (port, endPort, protocol)';
COMMENT ON FUNCTION @extschema@.to_firewall(@extschema@.transport_protocol, @extschema@.portmultirange, text) IS 'ports of a protocol in ufw, firewalld, firehol, nmap, docker or zeek syntax';
COMMENT ON FUNCTION @extschema@.parse_ports(text, jsonb) IS 'port set from firewall syntax, with $VARIABLES from a jsonb object';
COMMENT ON FUNCTION @extschema@.flow_service_side(@extschema@.port, @extschema@.port, @extschema@.transport_protocol, text) IS 'which port of a flow is the service: src, dst or either (equal ports)';
COMMENT ON FUNCTION @extschema@.flow_service_rule(@extschema@.port, @extschema@.port, @extschema@.transport_protocol, text) IS 'the rule flow_service_side() decided by';
COMMENT ON FUNCTION @extschema@.flow_service_port(@extschema@.port, @extschema@.port, @extschema@.transport_protocol, text) IS 'the service port of a flow';
COMMENT ON FUNCTION @extschema@.flow_service_side(int4, int4, @extschema@.transport_protocol, text) IS 'which port of a flow given as integers is the service: src, dst or either';
COMMENT ON FUNCTION @extschema@.flow_service_rule(int4, int4, @extschema@.transport_protocol, text) IS 'the rule flow_service_side() decided by, ports given as integers';
COMMENT ON FUNCTION @extschema@.flow_service_port(int4, int4, @extschema@.transport_protocol, text) IS 'the service port of a flow given as integers';


------------------------------------------------------------------------------
-- endpoint: an address with a port; the Community ID (#15)
------------------------------------------------------------------------------

--
-- endpoint: an IPv4 or IPv6 host address with a port (src/endpoint.c,
-- parsing and printing in src/endpoint_core.c).  Text forms 192.0.2.1:443
-- and [2001:db8::1]:443.  Stored as a varlena of the address and the port
-- in network order: 7 bytes on disk for IPv4 and 19 for IPv6 (a 1-byte
-- header, no alignment padding).
--
CREATE TYPE @extschema@.endpoint;

CREATE FUNCTION @extschema@.endpoint_in(cstring) RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_out(@extschema@.endpoint) RETURNS cstring
AS 'MODULE_PATHNAME', 'endpoint_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_recv(internal) RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_send(@extschema@.endpoint) RETURNS bytea
AS 'MODULE_PATHNAME', 'endpoint_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- STORAGE main rather than plain: only a non-plain varlena gets the 1-byte
-- short header on disk, and a short-header value is stored unaligned (the
-- int4 alignment applies only to 4-byte headers, which tuples never hold
-- for values this small).  The values are far too small to be compressed.
CREATE TYPE @extschema@.endpoint (
	INPUT = @extschema@.endpoint_in,
	OUTPUT = @extschema@.endpoint_out,
	RECEIVE = @extschema@.endpoint_recv,
	SEND = @extschema@.endpoint_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main,
	CATEGORY = 'I'
);

-- Construction and accessors.  endpoint(inet, int4) exists so that
-- endpoint('192.0.2.1', 443) resolves without a cast (int4 -> port is an
-- assignment cast); it raises 22003 outside 0..65535.
CREATE FUNCTION @extschema@.endpoint(inet, @extschema@.port) RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_make'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint(inet, int4) RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_make_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.address(@extschema@.endpoint) RETURNS inet
AS 'MODULE_PATHNAME', 'endpoint_address'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port(@extschema@.endpoint) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'endpoint_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.family(@extschema@.endpoint) RETURNS int4
AS 'MODULE_PATHNAME', 'endpoint_family'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Comparison: by family (IPv4 first), then address, then port.
CREATE FUNCTION @extschema@.endpoint_eq(@extschema@.endpoint, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.endpoint_ne(@extschema@.endpoint, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.endpoint_lt(@extschema@.endpoint, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.endpoint_le(@extschema@.endpoint, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.endpoint_gt(@extschema@.endpoint, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.endpoint_ge(@extschema@.endpoint, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.endpoint_cmp(@extschema@.endpoint, @extschema@.endpoint) RETURNS int4
AS 'MODULE_PATHNAME', 'endpoint_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.endpoint, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.endpoint_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.endpoint, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.endpoint_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.endpoint, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.endpoint_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.endpoint, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.endpoint_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.endpoint, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.endpoint_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.endpoint, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.endpoint_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE FUNCTION @extschema@.endpoint_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME', 'endpoint_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_hash(@extschema@.endpoint) RETURNS int4
AS 'MODULE_PATHNAME', 'endpoint_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_hash_extended(@extschema@.endpoint, int8) RETURNS int8
AS 'MODULE_PATHNAME', 'endpoint_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS @extschema@.endpoint_ops
	DEFAULT FOR TYPE @extschema@.endpoint USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.endpoint_cmp(@extschema@.endpoint, @extschema@.endpoint),
	FUNCTION 2 @extschema@.endpoint_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);

-- Support function 2 (extended hash) makes PARTITION BY HASH possible.
CREATE OPERATOR CLASS @extschema@.endpoint_ops
	DEFAULT FOR TYPE @extschema@.endpoint USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.endpoint_hash(@extschema@.endpoint),
	FUNCTION 2 @extschema@.endpoint_hash_extended(@extschema@.endpoint, int8);

CREATE OPERATOR CLASS @extschema@.endpoint_minmax_ops
	DEFAULT FOR TYPE @extschema@.endpoint USING brin AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 pg_catalog.brin_minmax_opcinfo(internal),
	FUNCTION 2 pg_catalog.brin_minmax_add_value(internal, internal, internal, internal),
	FUNCTION 3 pg_catalog.brin_minmax_consistent(internal, internal, internal),
	FUNCTION 4 pg_catalog.brin_minmax_union(internal, internal, internal);

CREATE FUNCTION @extschema@.endpoint_smaller(@extschema@.endpoint, @extschema@.endpoint)
RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_larger(@extschema@.endpoint, @extschema@.endpoint)
RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE AGGREGATE @extschema@.min(@extschema@.endpoint) (
	SFUNC = @extschema@.endpoint_smaller,
	STYPE = @extschema@.endpoint,
	COMBINEFUNC = @extschema@.endpoint_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.max(@extschema@.endpoint) (
	SFUNC = @extschema@.endpoint_larger,
	STYPE = @extschema@.endpoint,
	COMBINEFUNC = @extschema@.endpoint_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

-- "endpoints in 10.0.0.0/8": e <<= inet and inet >>= e.  The planner
-- support function turns them into the exact btree/BRIN range condition
-- e >= '10.0.0.0:0' AND e <= '10.255.255.255:65535'; the estimator asks the
-- column's histogram about that range.
CREATE FUNCTION @extschema@.endpoint_network_support(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'endpoint_network_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_network_sel(internal, oid, internal, int4)
RETURNS float8
AS 'MODULE_PATHNAME', 'endpoint_network_sel'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.endpoint_in_network(@extschema@.endpoint, inet) RETURNS bool
AS 'MODULE_PATHNAME', 'endpoint_in_network'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.endpoint_network_support;

CREATE FUNCTION @extschema@.network_contains_endpoint(inet, @extschema@.endpoint) RETURNS bool
AS 'MODULE_PATHNAME', 'network_contains_endpoint'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.endpoint_network_support;

CREATE OPERATOR @extschema@.<<= (
	LEFTARG = @extschema@.endpoint, RIGHTARG = inet,
	FUNCTION = @extschema@.endpoint_in_network,
	COMMUTATOR = OPERATOR(@extschema@.>>=),
	RESTRICT = @extschema@.endpoint_network_sel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.>>= (
	LEFTARG = inet, RIGHTARG = @extschema@.endpoint,
	FUNCTION = @extschema@.network_contains_endpoint,
	COMMUTATOR = OPERATOR(@extschema@.<<=),
	RESTRICT = @extschema@.endpoint_network_sel, JOIN = pg_catalog.contjoinsel
);

-- The classification and registry functions, applied to the port.
CREATE FUNCTION @extschema@.port_class(@extschema@.endpoint) RETURNS @extschema@.port_class
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.port_class(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_well_known(@extschema@.endpoint) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_well_known(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_registered(@extschema@.endpoint) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_registered(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_dynamic(@extschema@.endpoint) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_dynamic(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_privileged(@extschema@.endpoint) RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_privileged(@extschema@.port($1));

CREATE FUNCTION @extschema@.is_ephemeral(ep @extschema@.endpoint, os text DEFAULT 'iana') RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_ephemeral(@extschema@.port($1), os);

CREATE FUNCTION @extschema@.port_service(ep @extschema@.endpoint,
	protocol @extschema@.transport_protocol DEFAULT 'tcp',
	include_defacto bool DEFAULT false)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.port_service(@extschema@.port($1), protocol, include_defacto);

CREATE FUNCTION @extschema@.defacto_service(ep @extschema@.endpoint,
	protocol @extschema@.transport_protocol DEFAULT 'tcp')
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.defacto_service(@extschema@.port($1), protocol);

-- Log-format helpers.  style 'bracketed' is the endpoint type's syntax;
-- 'last-colon' reads the port after the last colon, so that unbracketed
-- IPv6 as HAProxy's %ci:%cp and netstat write it ("::1:33317") is read.
-- null_on_error returns NULL for a bad value instead of raising 22P02/22003.
CREATE FUNCTION @extschema@.parse_endpoint(text, style text DEFAULT 'bracketed',
	null_on_error bool DEFAULT false)
RETURNS @extschema@.endpoint
AS 'MODULE_PATHNAME', 'endpoint_parse_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.docker_ports(text,
	OUT host @extschema@.endpoint, OUT container_port @extschema@.port,
	OUT protocol @extschema@.transport_protocol)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'endpoint_docker_ports'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

CREATE FUNCTION @extschema@.nginx_upstream_addrs(text, null_on_error bool DEFAULT false)
RETURNS @extschema@.endpoint[]
AS 'MODULE_PATHNAME', 'endpoint_nginx_upstreams'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--
-- The Community ID, version 1 (src/community_id.c, SHA-1 from PostgreSQL's
-- cryptohash API in src/community_id_glue.c).  Ports are int4, so that port
-- columns (implicit cast) and ICMP type/code integers both fit; for
-- protocols 1 and 58 the ports are the ICMP type and code.  The protocol is
-- a number or a name ('tcp', 'UDP', 'IPv6-ICMP'; 'icmp' with IPv6 addresses
-- is ICMPv6, as Zeek logs it).  seed 0..65535; base64 false gives hex.
--
CREATE FUNCTION @extschema@.community_id(src inet, src_port int4, dst inet, dst_port int4,
	protocol int4, seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_inet_num'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.community_id(src inet, src_port int4, dst inet, dst_port int4,
	protocol text, seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_inet_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.community_id(src @extschema@.endpoint, dst @extschema@.endpoint,
	protocol int4, seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_endpoint_num'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.community_id(src @extschema@.endpoint, dst @extschema@.endpoint,
	protocol text, seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_endpoint_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- without ports: protocols other than TCP, UDP, SCTP, ICMP and ICMPv6
CREATE FUNCTION @extschema@.community_id(src inet, dst inet,
	protocol int4, seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_ip_num'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.community_id(src inet, dst inet,
	protocol text, seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_ip_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.community_id_icmp(src inet, dst inet, type int4, code int4,
	seed int4 DEFAULT 0, base64 bool DEFAULT true)
RETURNS text
AS 'MODULE_PATHNAME', 'community_id_icmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON TYPE @extschema@.endpoint IS 'IPv4 or IPv6 host address with a port: 192.0.2.1:443, [2001:db8::1]:443';
COMMENT ON FUNCTION @extschema@.endpoint_in(cstring) IS 'endpoint input function';
COMMENT ON FUNCTION @extschema@.endpoint_out(@extschema@.endpoint) IS 'endpoint output function';
COMMENT ON FUNCTION @extschema@.endpoint_recv(internal) IS 'endpoint binary input function';
COMMENT ON FUNCTION @extschema@.endpoint_send(@extschema@.endpoint) IS 'endpoint binary output function';
COMMENT ON FUNCTION @extschema@.endpoint(inet, @extschema@.port) IS 'endpoint of a host address and a port';
COMMENT ON FUNCTION @extschema@.endpoint(inet, int4) IS 'endpoint of a host address and a port number';
COMMENT ON FUNCTION @extschema@.address(@extschema@.endpoint) IS 'address of an endpoint, as inet';
COMMENT ON FUNCTION @extschema@.port(@extschema@.endpoint) IS 'port of an endpoint';
COMMENT ON FUNCTION @extschema@.family(@extschema@.endpoint) IS 'address family of an endpoint: 4 or 6';
COMMENT ON FUNCTION @extschema@.endpoint_eq(@extschema@.endpoint, @extschema@.endpoint) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.endpoint_ne(@extschema@.endpoint, @extschema@.endpoint) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.endpoint_lt(@extschema@.endpoint, @extschema@.endpoint) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.endpoint_le(@extschema@.endpoint, @extschema@.endpoint) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.endpoint_gt(@extschema@.endpoint, @extschema@.endpoint) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.endpoint_ge(@extschema@.endpoint, @extschema@.endpoint) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.endpoint_cmp(@extschema@.endpoint, @extschema@.endpoint) IS 'btree comparison function';
COMMENT ON OPERATOR @extschema@.= (@extschema@.endpoint, @extschema@.endpoint) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.endpoint, @extschema@.endpoint) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.endpoint, @extschema@.endpoint) IS 'less than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.endpoint, @extschema@.endpoint) IS 'less than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.endpoint, @extschema@.endpoint) IS 'greater than';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.endpoint, @extschema@.endpoint) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.endpoint_sortsupport(internal) IS 'btree sort support function';
COMMENT ON FUNCTION @extschema@.endpoint_hash(@extschema@.endpoint) IS 'hash function';
COMMENT ON FUNCTION @extschema@.endpoint_hash_extended(@extschema@.endpoint, int8) IS 'extended (seeded) hash function';
COMMENT ON OPERATOR CLASS @extschema@.endpoint_ops USING btree IS 'default btree operator class for endpoint';
COMMENT ON OPERATOR CLASS @extschema@.endpoint_ops USING hash IS 'default hash operator class for endpoint';
COMMENT ON OPERATOR CLASS @extschema@.endpoint_minmax_ops USING brin IS 'default BRIN minmax operator class for endpoint';
COMMENT ON OPERATOR FAMILY @extschema@.endpoint_ops USING btree IS 'btree operator family of endpoint';
COMMENT ON OPERATOR FAMILY @extschema@.endpoint_ops USING hash IS 'hash operator family of endpoint';
COMMENT ON OPERATOR FAMILY @extschema@.endpoint_minmax_ops USING brin IS 'BRIN minmax operator family of endpoint';
COMMENT ON FUNCTION @extschema@.endpoint_smaller(@extschema@.endpoint, @extschema@.endpoint) IS 'smaller of two endpoints';
COMMENT ON FUNCTION @extschema@.endpoint_larger(@extschema@.endpoint, @extschema@.endpoint) IS 'larger of two endpoints';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.endpoint) IS 'smallest endpoint';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.endpoint) IS 'largest endpoint';
COMMENT ON FUNCTION @extschema@.endpoint_network_support(internal) IS 'planner support for endpoint <<= inet: btree/BRIN range conditions';
COMMENT ON FUNCTION @extschema@.endpoint_network_sel(internal, oid, internal, int4) IS 'restriction selectivity of endpoint <<= inet';
COMMENT ON FUNCTION @extschema@.endpoint_in_network(@extschema@.endpoint, inet) IS 'implementation of <<= operator';
COMMENT ON FUNCTION @extschema@.network_contains_endpoint(inet, @extschema@.endpoint) IS 'implementation of >>= operator';
COMMENT ON OPERATOR @extschema@.<<= (@extschema@.endpoint, inet) IS 'endpoint address is in the network';
COMMENT ON OPERATOR @extschema@.>>= (inet, @extschema@.endpoint) IS 'network contains the endpoint address';
COMMENT ON FUNCTION @extschema@.port_class(@extschema@.endpoint) IS 'RFC 6335 class of the endpoint''s port';
COMMENT ON FUNCTION @extschema@.is_well_known(@extschema@.endpoint) IS 'endpoint''s port is in 0..1023';
COMMENT ON FUNCTION @extschema@.is_registered(@extschema@.endpoint) IS 'endpoint''s port is in 1024..49151';
COMMENT ON FUNCTION @extschema@.is_dynamic(@extschema@.endpoint) IS 'endpoint''s port is in 49152..65535';
COMMENT ON FUNCTION @extschema@.is_privileged(@extschema@.endpoint) IS 'endpoint''s port is below 1024';
COMMENT ON FUNCTION @extschema@.is_ephemeral(@extschema@.endpoint, text) IS 'endpoint''s port is in the operating system''s ephemeral range';
COMMENT ON FUNCTION @extschema@.port_service(@extschema@.endpoint, @extschema@.transport_protocol, bool) IS 'IANA service name of the endpoint''s port';
COMMENT ON FUNCTION @extschema@.defacto_service(@extschema@.endpoint, @extschema@.transport_protocol) IS 'de-facto service of the endpoint''s port';
COMMENT ON FUNCTION @extschema@.parse_endpoint(text, text, bool) IS 'endpoint from log text, bracketed or last-colon style, NULL or an error on bad input';
COMMENT ON FUNCTION @extschema@.docker_ports(text) IS 'rows of a Docker PORTS column: host endpoint, container port, protocol';
COMMENT ON FUNCTION @extschema@.nginx_upstream_addrs(text, bool) IS 'endpoints of nginx $upstream_addr, in order';
COMMENT ON FUNCTION @extschema@.community_id(inet, int4, inet, int4, int4, int4, bool) IS 'Community ID v1 of a flow, protocol by number';
COMMENT ON FUNCTION @extschema@.community_id(inet, int4, inet, int4, text, int4, bool) IS 'Community ID v1 of a flow, protocol by name';
COMMENT ON FUNCTION @extschema@.community_id(@extschema@.endpoint, @extschema@.endpoint, int4, int4, bool) IS 'Community ID v1 of a flow between two endpoints, protocol by number';
COMMENT ON FUNCTION @extschema@.community_id(@extschema@.endpoint, @extschema@.endpoint, text, int4, bool) IS 'Community ID v1 of a flow between two endpoints, protocol by name';
COMMENT ON FUNCTION @extschema@.community_id(inet, inet, int4, int4, bool) IS 'Community ID v1 of a flow without ports, protocol by number';
COMMENT ON FUNCTION @extschema@.community_id(inet, inet, text, int4, bool) IS 'Community ID v1 of a flow without ports, protocol by name';
COMMENT ON FUNCTION @extschema@.community_id_icmp(inet, inet, int4, int4, int4, bool) IS 'Community ID v1 of an ICMP (IPv4) or ICMPv6 (IPv6) message';

