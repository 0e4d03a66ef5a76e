/* portrange--1.0.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION portrange" to load this file. \quit

--
-- This script is kept by hand.  Every object is schema-qualified with
-- @extschema@ or pg_catalog, and nothing uses CREATE OR REPLACE, following
-- "Security Considerations for Extension Scripts" in the PostgreSQL manual.
--

------------------------------------------------------------------------------
-- The port type
------------------------------------------------------------------------------

CREATE TYPE @extschema@.port;

CREATE FUNCTION @extschema@.port_in(cstring) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_out(@extschema@.port) RETURNS cstring
AS 'MODULE_PATHNAME', 'port_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_recv(internal) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_send(@extschema@.port) RETURNS bytea
AS 'MODULE_PATHNAME', 'port_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.port (
	INPUT = @extschema@.port_in,
	OUTPUT = @extschema@.port_out,
	RECEIVE = @extschema@.port_recv,
	SEND = @extschema@.port_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain,
	CATEGORY = 'N'
);

------------------------------------------------------------------------------
-- Casts
--
-- port -> int4 is IMPLICIT: it is lossless, and it lets port values flow
--   into integer arithmetic and aggregates (dst_port * 2, sum(dst_port),
--   avg(dst_port)) without a cast.
-- port -> int8 is ASSIGNMENT, not implicit: with two implicit widenings an
--   expression like dst_port * 2 would match both int4 * int4 and
--   int8 * int4 and fail with "operator is not unique".
-- int2, int4, int8, numeric -> port are ASSIGNMENT: they can fail (22003),
--   so they happen on INSERT/UPDATE (INSERT ... VALUES (443)) but never
--   silently inside an expression.  Comparisons with integers need no cast
--   because the cross-type operators below exist.
-- text <-> port use the type's I/O functions (PostgreSQL's automatic I/O
--   casts: port -> text is assignment, text -> port explicit).
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.port(int2) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_from_int2'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port(int4) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_from_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port(int8) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_from_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port(numeric) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_from_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.int4(@extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'port_to_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.int8(@extschema@.port) RETURNS int8
AS 'MODULE_PATHNAME', 'port_to_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE CAST (int2 AS @extschema@.port)
	WITH FUNCTION @extschema@.port(int2) AS ASSIGNMENT;
CREATE CAST (int4 AS @extschema@.port)
	WITH FUNCTION @extschema@.port(int4) AS ASSIGNMENT;
CREATE CAST (int8 AS @extschema@.port)
	WITH FUNCTION @extschema@.port(int8) AS ASSIGNMENT;
CREATE CAST (numeric AS @extschema@.port)
	WITH FUNCTION @extschema@.port(numeric) AS ASSIGNMENT;
CREATE CAST (@extschema@.port AS int4)
	WITH FUNCTION @extschema@.int4(@extschema@.port) AS IMPLICIT;
CREATE CAST (@extschema@.port AS int8)
	WITH FUNCTION @extschema@.int8(@extschema@.port) AS ASSIGNMENT;

------------------------------------------------------------------------------
-- Comparison operators: port x port, and port x int2/int4/int8 both ways,
-- so that dst_port = 443, dst_port < 1024, dst_port IN (80, 443) and
-- dst_port = ANY($1::int[]) need no cast and are indexable.
------------------------------------------------------------------------------

-- port x port
CREATE FUNCTION @extschema@.port_eq(@extschema@.port, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_ne(@extschema@.port, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_lt(@extschema@.port, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_le(@extschema@.port, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_gt(@extschema@.port, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_ge(@extschema@.port, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_cmp(@extschema@.port, @extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'port_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- port x int2
CREATE FUNCTION @extschema@.port_int2_eq(@extschema@.port, int2) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int2_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int2_ne(@extschema@.port, int2) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int2_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int2_lt(@extschema@.port, int2) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int2_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int2_le(@extschema@.port, int2) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int2_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int2_gt(@extschema@.port, int2) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int2_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int2_ge(@extschema@.port, int2) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int2_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int2_cmp(@extschema@.port, int2) RETURNS int4
AS 'MODULE_PATHNAME', 'port_int2_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- int2 x port
CREATE FUNCTION @extschema@.int2_port_eq(int2, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int2_port_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int2_port_ne(int2, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int2_port_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int2_port_lt(int2, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int2_port_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int2_port_le(int2, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int2_port_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int2_port_gt(int2, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int2_port_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int2_port_ge(int2, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int2_port_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int2_port_cmp(int2, @extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'int2_port_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- port x int4
CREATE FUNCTION @extschema@.port_int4_eq(@extschema@.port, int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int4_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int4_ne(@extschema@.port, int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int4_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int4_lt(@extschema@.port, int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int4_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int4_le(@extschema@.port, int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int4_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int4_gt(@extschema@.port, int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int4_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int4_ge(@extschema@.port, int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int4_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int4_cmp(@extschema@.port, int4) RETURNS int4
AS 'MODULE_PATHNAME', 'port_int4_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- int4 x port
CREATE FUNCTION @extschema@.int4_port_eq(int4, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int4_port_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int4_port_ne(int4, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int4_port_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int4_port_lt(int4, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int4_port_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int4_port_le(int4, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int4_port_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int4_port_gt(int4, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int4_port_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int4_port_ge(int4, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int4_port_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int4_port_cmp(int4, @extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'int4_port_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- port x int8
CREATE FUNCTION @extschema@.port_int8_eq(@extschema@.port, int8) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int8_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int8_ne(@extschema@.port, int8) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int8_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int8_lt(@extschema@.port, int8) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int8_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int8_le(@extschema@.port, int8) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int8_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int8_gt(@extschema@.port, int8) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int8_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int8_ge(@extschema@.port, int8) RETURNS bool
AS 'MODULE_PATHNAME', 'port_int8_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.port_int8_cmp(@extschema@.port, int8) RETURNS int4
AS 'MODULE_PATHNAME', 'port_int8_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

-- int8 x port
CREATE FUNCTION @extschema@.int8_port_eq(int8, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int8_port_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int8_port_ne(int8, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int8_port_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int8_port_lt(int8, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int8_port_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int8_port_le(int8, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int8_port_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int8_port_gt(int8, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int8_port_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int8_port_ge(int8, @extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'int8_port_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.int8_port_cmp(int8, @extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'int8_port_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.port, RIGHTARG = int2,
	FUNCTION = @extschema@.port_int2_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.port, RIGHTARG = int2,
	FUNCTION = @extschema@.port_int2_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.port, RIGHTARG = int2,
	FUNCTION = @extschema@.port_int2_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.port, RIGHTARG = int2,
	FUNCTION = @extschema@.port_int2_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.port, RIGHTARG = int2,
	FUNCTION = @extschema@.port_int2_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.port, RIGHTARG = int2,
	FUNCTION = @extschema@.port_int2_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = int2, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int2_port_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = int2, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int2_port_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = int2, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int2_port_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = int2, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int2_port_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = int2, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int2_port_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = int2, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int2_port_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_int4_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_int4_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_int4_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_int4_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_int4_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_int4_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_port_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_port_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_port_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_port_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_port_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_port_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.port, RIGHTARG = int8,
	FUNCTION = @extschema@.port_int8_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.port, RIGHTARG = int8,
	FUNCTION = @extschema@.port_int8_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.port, RIGHTARG = int8,
	FUNCTION = @extschema@.port_int8_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.port, RIGHTARG = int8,
	FUNCTION = @extschema@.port_int8_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.port, RIGHTARG = int8,
	FUNCTION = @extschema@.port_int8_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.port, RIGHTARG = int8,
	FUNCTION = @extschema@.port_int8_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = int8, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int8_port_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = int8, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int8_port_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = int8, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int8_port_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = int8, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int8_port_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = int8, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int8_port_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = int8, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int8_port_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

------------------------------------------------------------------------------
-- Arithmetic: port + int4 and port - int4 stay ports (22003 outside
-- 0..65535); port - port is the int4 distance.  Other arithmetic goes
-- through the implicit cast to int4 and yields int4.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.port_pl_int4(@extschema@.port, int4) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_pl_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.int4_pl_port(int4, @extschema@.port) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'int4_pl_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_mi_int4(@extschema@.port, int4) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_mi_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_mi_port(@extschema@.port, @extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'port_mi_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_pl_int4,
	COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.+ (
	LEFTARG = int4, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.int4_pl_port,
	COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.port, RIGHTARG = int4,
	FUNCTION = @extschema@.port_mi_int4
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.port_mi_port
);

------------------------------------------------------------------------------
-- Index support
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.port_sortsupport(internal) RETURNS void
AS 'MODULE_PATHNAME', 'port_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.in_range(@extschema@.port, @extschema@.port, int4, bool, bool)
RETURNS bool
AS 'MODULE_PATHNAME', 'port_in_range_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_hash(@extschema@.port) RETURNS int4
AS 'MODULE_PATHNAME', 'port_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.port_hash_extended(@extschema@.port, int8) RETURNS int8
AS 'MODULE_PATHNAME', 'port_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

--
-- btree.  The family holds port and the three integer types, with every
-- pair of them (PostgreSQL's own int2/int4/int8 operators included), so that
-- amvalidate() finds it complete and the planner can derive equalities
-- across port and integer columns.  It is the extension's own family:
-- nothing is added to PostgreSQL's integer_ops.
--
CREATE OPERATOR FAMILY @extschema@.port_ops USING btree;

CREATE OPERATOR CLASS @extschema@.port_ops
	DEFAULT FOR TYPE @extschema@.port USING btree FAMILY @extschema@.port_ops AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.port_cmp(@extschema@.port, @extschema@.port),
	FUNCTION 2 @extschema@.port_sortsupport(internal),
	FUNCTION 3 (@extschema@.port, int4)
		@extschema@.in_range(@extschema@.port, @extschema@.port, int4, bool, bool),
	FUNCTION 4 pg_catalog.btequalimage(oid);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 @extschema@.< (@extschema@.port, int2),
	OPERATOR 2 @extschema@.<= (@extschema@.port, int2),
	OPERATOR 3 @extschema@.= (@extschema@.port, int2),
	OPERATOR 4 @extschema@.>= (@extschema@.port, int2),
	OPERATOR 5 @extschema@.> (@extschema@.port, int2),
	FUNCTION 1 @extschema@.port_int2_cmp(@extschema@.port, int2);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 @extschema@.< (int2, @extschema@.port),
	OPERATOR 2 @extschema@.<= (int2, @extschema@.port),
	OPERATOR 3 @extschema@.= (int2, @extschema@.port),
	OPERATOR 4 @extschema@.>= (int2, @extschema@.port),
	OPERATOR 5 @extschema@.> (int2, @extschema@.port),
	FUNCTION 1 @extschema@.int2_port_cmp(int2, @extschema@.port);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 @extschema@.< (@extschema@.port, int4),
	OPERATOR 2 @extschema@.<= (@extschema@.port, int4),
	OPERATOR 3 @extschema@.= (@extschema@.port, int4),
	OPERATOR 4 @extschema@.>= (@extschema@.port, int4),
	OPERATOR 5 @extschema@.> (@extschema@.port, int4),
	FUNCTION 1 @extschema@.port_int4_cmp(@extschema@.port, int4);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 @extschema@.< (int4, @extschema@.port),
	OPERATOR 2 @extschema@.<= (int4, @extschema@.port),
	OPERATOR 3 @extschema@.= (int4, @extschema@.port),
	OPERATOR 4 @extschema@.>= (int4, @extschema@.port),
	OPERATOR 5 @extschema@.> (int4, @extschema@.port),
	FUNCTION 1 @extschema@.int4_port_cmp(int4, @extschema@.port);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 @extschema@.< (@extschema@.port, int8),
	OPERATOR 2 @extschema@.<= (@extschema@.port, int8),
	OPERATOR 3 @extschema@.= (@extschema@.port, int8),
	OPERATOR 4 @extschema@.>= (@extschema@.port, int8),
	OPERATOR 5 @extschema@.> (@extschema@.port, int8),
	FUNCTION 1 @extschema@.port_int8_cmp(@extschema@.port, int8);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 @extschema@.< (int8, @extschema@.port),
	OPERATOR 2 @extschema@.<= (int8, @extschema@.port),
	OPERATOR 3 @extschema@.= (int8, @extschema@.port),
	OPERATOR 4 @extschema@.>= (int8, @extschema@.port),
	OPERATOR 5 @extschema@.> (int8, @extschema@.port),
	FUNCTION 1 @extschema@.int8_port_cmp(int8, @extschema@.port);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int2, int2),
	OPERATOR 2 pg_catalog.<= (int2, int2),
	OPERATOR 3 pg_catalog.= (int2, int2),
	OPERATOR 4 pg_catalog.>= (int2, int2),
	OPERATOR 5 pg_catalog.> (int2, int2),
	FUNCTION 1 pg_catalog.btint2cmp(int2, int2);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int2, int4),
	OPERATOR 2 pg_catalog.<= (int2, int4),
	OPERATOR 3 pg_catalog.= (int2, int4),
	OPERATOR 4 pg_catalog.>= (int2, int4),
	OPERATOR 5 pg_catalog.> (int2, int4),
	FUNCTION 1 pg_catalog.btint24cmp(int2, int4);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int2, int8),
	OPERATOR 2 pg_catalog.<= (int2, int8),
	OPERATOR 3 pg_catalog.= (int2, int8),
	OPERATOR 4 pg_catalog.>= (int2, int8),
	OPERATOR 5 pg_catalog.> (int2, int8),
	FUNCTION 1 pg_catalog.btint28cmp(int2, int8);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int4, int2),
	OPERATOR 2 pg_catalog.<= (int4, int2),
	OPERATOR 3 pg_catalog.= (int4, int2),
	OPERATOR 4 pg_catalog.>= (int4, int2),
	OPERATOR 5 pg_catalog.> (int4, int2),
	FUNCTION 1 pg_catalog.btint42cmp(int4, int2);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int4, int4),
	OPERATOR 2 pg_catalog.<= (int4, int4),
	OPERATOR 3 pg_catalog.= (int4, int4),
	OPERATOR 4 pg_catalog.>= (int4, int4),
	OPERATOR 5 pg_catalog.> (int4, int4),
	FUNCTION 1 pg_catalog.btint4cmp(int4, int4);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int4, int8),
	OPERATOR 2 pg_catalog.<= (int4, int8),
	OPERATOR 3 pg_catalog.= (int4, int8),
	OPERATOR 4 pg_catalog.>= (int4, int8),
	OPERATOR 5 pg_catalog.> (int4, int8),
	FUNCTION 1 pg_catalog.btint48cmp(int4, int8);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int8, int2),
	OPERATOR 2 pg_catalog.<= (int8, int2),
	OPERATOR 3 pg_catalog.= (int8, int2),
	OPERATOR 4 pg_catalog.>= (int8, int2),
	OPERATOR 5 pg_catalog.> (int8, int2),
	FUNCTION 1 pg_catalog.btint82cmp(int8, int2);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int8, int4),
	OPERATOR 2 pg_catalog.<= (int8, int4),
	OPERATOR 3 pg_catalog.= (int8, int4),
	OPERATOR 4 pg_catalog.>= (int8, int4),
	OPERATOR 5 pg_catalog.> (int8, int4),
	FUNCTION 1 pg_catalog.btint84cmp(int8, int4);

ALTER OPERATOR FAMILY @extschema@.port_ops USING btree ADD
	OPERATOR 1 pg_catalog.< (int8, int8),
	OPERATOR 2 pg_catalog.<= (int8, int8),
	OPERATOR 3 pg_catalog.= (int8, int8),
	OPERATOR 4 pg_catalog.>= (int8, int8),
	OPERATOR 5 pg_catalog.> (int8, int8),
	FUNCTION 1 pg_catalog.btint8cmp(int8, int8);

--
-- hash.  port hashes like int4 (and int2/int8 hash like int4 for these
-- values), so one family covers all four types and a hash join of a port
-- column with an int4 column is correct.  Support function 2 (extended
-- hash) makes PARTITION BY HASH (dst_port) possible.
--
CREATE OPERATOR FAMILY @extschema@.port_ops USING hash;

CREATE OPERATOR CLASS @extschema@.port_ops
	DEFAULT FOR TYPE @extschema@.port USING hash FAMILY @extschema@.port_ops AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.port_hash(@extschema@.port),
	FUNCTION 2 @extschema@.port_hash_extended(@extschema@.port, int8);

ALTER OPERATOR FAMILY @extschema@.port_ops USING hash ADD
	OPERATOR 1 @extschema@.= (@extschema@.port, int2),
	OPERATOR 1 @extschema@.= (int2, @extschema@.port),
	OPERATOR 1 @extschema@.= (@extschema@.port, int4),
	OPERATOR 1 @extschema@.= (int4, @extschema@.port),
	OPERATOR 1 @extschema@.= (@extschema@.port, int8),
	OPERATOR 1 @extschema@.= (int8, @extschema@.port),
	OPERATOR 1 pg_catalog.= (int2, int2),
	OPERATOR 1 pg_catalog.= (int2, int4),
	OPERATOR 1 pg_catalog.= (int2, int8),
	OPERATOR 1 pg_catalog.= (int4, int2),
	OPERATOR 1 pg_catalog.= (int4, int4),
	OPERATOR 1 pg_catalog.= (int4, int8),
	OPERATOR 1 pg_catalog.= (int8, int2),
	OPERATOR 1 pg_catalog.= (int8, int4),
	OPERATOR 1 pg_catalog.= (int8, int8),
	FUNCTION 1 (int2, int2) pg_catalog.hashint2(int2),
	FUNCTION 2 (int2, int2) pg_catalog.hashint2extended(int2, int8),
	FUNCTION 1 (int4, int4) pg_catalog.hashint4(int4),
	FUNCTION 2 (int4, int4) pg_catalog.hashint4extended(int4, int8),
	FUNCTION 1 (int8, int8) pg_catalog.hashint8(int8),
	FUNCTION 2 (int8, int8) pg_catalog.hashint8extended(int8, int8);

--
-- BRIN minmax, with the cross-type operators so that dst_port < 1024 can
-- use a BRIN index too.
--
CREATE OPERATOR FAMILY @extschema@.port_minmax_ops USING brin;

CREATE OPERATOR CLASS @extschema@.port_minmax_ops
	DEFAULT FOR TYPE @extschema@.port USING brin FAMILY @extschema@.port_minmax_ops AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 pg_catalog.brin_minmax_opcinfo(internal),
	FUNCTION 2 pg_catalog.brin_minmax_add_value(internal, internal, internal, internal),
	FUNCTION 3 pg_catalog.brin_minmax_consistent(internal, internal, internal),
	FUNCTION 4 pg_catalog.brin_minmax_union(internal, internal, internal);

ALTER OPERATOR FAMILY @extschema@.port_minmax_ops USING brin ADD
	OPERATOR 1 @extschema@.< (@extschema@.port, int2),
	OPERATOR 2 @extschema@.<= (@extschema@.port, int2),
	OPERATOR 3 @extschema@.= (@extschema@.port, int2),
	OPERATOR 4 @extschema@.>= (@extschema@.port, int2),
	OPERATOR 5 @extschema@.> (@extschema@.port, int2);

ALTER OPERATOR FAMILY @extschema@.port_minmax_ops USING brin ADD
	OPERATOR 1 @extschema@.< (@extschema@.port, int4),
	OPERATOR 2 @extschema@.<= (@extschema@.port, int4),
	OPERATOR 3 @extschema@.= (@extschema@.port, int4),
	OPERATOR 4 @extschema@.>= (@extschema@.port, int4),
	OPERATOR 5 @extschema@.> (@extschema@.port, int4);

ALTER OPERATOR FAMILY @extschema@.port_minmax_ops USING brin ADD
	OPERATOR 1 @extschema@.< (@extschema@.port, int8),
	OPERATOR 2 @extschema@.<= (@extschema@.port, int8),
	OPERATOR 3 @extschema@.= (@extschema@.port, int8),
	OPERATOR 4 @extschema@.>= (@extschema@.port, int8),
	OPERATOR 5 @extschema@.> (@extschema@.port, int8);

------------------------------------------------------------------------------
-- min and max
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.port_smaller(@extschema@.port, @extschema@.port)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.port_larger(@extschema@.port, @extschema@.port)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE AGGREGATE @extschema@.min(@extschema@.port) (
	SFUNC = @extschema@.port_smaller,
	STYPE = @extschema@.port,
	COMBINEFUNC = @extschema@.port_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.max(@extschema@.port) (
	SFUNC = @extschema@.port_larger,
	STYPE = @extschema@.port,
	COMBINEFUNC = @extschema@.port_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

------------------------------------------------------------------------------
-- Classification by the ranges of RFC 6335, section 6
--
-- Each function exists for port and for int4.  The int4 versions let
-- is_well_known(443) resolve without a cast (int4 -> port is only an
-- assignment cast); they raise 22003 outside 0..65535, so unlike the port
-- versions they are not LEAKPROOF.
------------------------------------------------------------------------------

-- Planner support (src/prange.c): turns is_well_known(dst_port) and
-- friends, and dst_port <@ a constant portrange, into btree/BRIN index
-- conditions, and estimates them from the column's histogram.
CREATE FUNCTION @extschema@.port_planner_support(internal) RETURNS internal
AS 'MODULE_PATHNAME', 'port_planner_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.port_class AS ENUM ('well-known', 'registered', 'dynamic');

CREATE FUNCTION @extschema@.port_class(@extschema@.port) RETURNS @extschema@.port_class
AS 'MODULE_PATHNAME', 'port_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.port_class(int4) RETURNS @extschema@.port_class
AS 'MODULE_PATHNAME', 'port_class_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_well_known(@extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_well_known'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.is_well_known(int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_well_known_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_registered(@extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_registered'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.is_registered(int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_registered_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_dynamic(@extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_dynamic'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.is_dynamic(int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_dynamic_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_privileged(@extschema@.port) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_privileged'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.is_privileged(int4) RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_privileged_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_privileged(@extschema@.port, unprivileged_port_start int4)
RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_privileged_from'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.is_privileged(int4, unprivileged_port_start int4)
RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_privileged_from_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_ephemeral(@extschema@.port, os text DEFAULT 'iana')
RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_ephemeral'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.is_ephemeral(int4, os text DEFAULT 'iana')
RETURNS bool
AS 'MODULE_PATHNAME', 'port_is_ephemeral_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.ephemeral_ranges(
	OUT os text, OUT first_port @extschema@.port, OUT last_port @extschema@.port,
	OUT source text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'port_ephemeral_ranges'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;

------------------------------------------------------------------------------
-- Domains for CHECK-constraint-free columns
------------------------------------------------------------------------------

CREATE DOMAIN @extschema@.well_known_port AS @extschema@.port
	CHECK (@extschema@.is_well_known(VALUE));
CREATE DOMAIN @extschema@.registered_port AS @extschema@.port
	CHECK (@extschema@.is_registered(VALUE));
CREATE DOMAIN @extschema@.dynamic_port AS @extschema@.port
	CHECK (@extschema@.is_dynamic(VALUE));
CREATE DOMAIN @extschema@.assignable_port AS @extschema@.port
	CHECK (NOT @extschema@.is_dynamic(VALUE));
CREATE DOMAIN @extschema@.unprivileged_port AS @extschema@.port
	CHECK (NOT @extschema@.is_privileged(VALUE));
CREATE DOMAIN @extschema@.nonzero_port AS @extschema@.port
	CHECK (VALUE OPERATOR(@extschema@.<>) 0);

------------------------------------------------------------------------------
-- portrange and portmultirange
--
-- A range type over port with a C canonical function (ports are discrete:
-- '[22,22]' is '[22,23)'; a range reaching 65535 is unbounded above,
-- '[1024,65535]' is '[1024,)'; see src/prange.c) and a C subtype_diff, so
-- range selectivity and GiST/SP-GiST indexes work well.
------------------------------------------------------------------------------

CREATE TYPE @extschema@.portrange;

CREATE FUNCTION @extschema@.portrange_canonical(@extschema@.portrange)
RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_canonical'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_subdiff(@extschema@.port, @extschema@.port)
RETURNS float8
AS 'MODULE_PATHNAME', 'port_subdiff'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE TYPE @extschema@.portrange AS RANGE (
	SUBTYPE = @extschema@.port,
	SUBTYPE_OPCLASS = @extschema@.port_ops,
	CANONICAL = @extschema@.portrange_canonical,
	SUBTYPE_DIFF = @extschema@.port_subdiff,
	MULTIRANGE_TYPE_NAME = @extschema@.portmultirange
);

-- portrange(1024, 65535) with integer arguments; NULL is unbounded
CREATE FUNCTION @extschema@.portrange(int4, int4) RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_from_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.portrange(int4, int4, text) RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_from_int4'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.first_port(@extschema@.portrange) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portrange_first_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.last_port(@extschema@.portrange) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portrange_last_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_count(@extschema@.portrange) RETURNS int4
AS 'MODULE_PATHNAME', 'portrange_port_count'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.first_port(@extschema@.portmultirange) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portmultirange_first_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.last_port(@extschema@.portmultirange) RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'portmultirange_last_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_count(@extschema@.portmultirange) RETURNS int4
AS 'MODULE_PATHNAME', 'portmultirange_port_count'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- the RFC 6335 classes and OS ephemeral ranges as ranges
CREATE FUNCTION @extschema@.well_known_ports() RETURNS @extschema@.portrange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '[0,1023]'::@extschema@.portrange;

CREATE FUNCTION @extschema@.registered_ports() RETURNS @extschema@.portrange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '[1024,49151]'::@extschema@.portrange;

CREATE FUNCTION @extschema@.dynamic_ports() RETURNS @extschema@.portrange
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '[49152,65535]'::@extschema@.portrange;

CREATE FUNCTION @extschema@.ephemeral_ports(os text DEFAULT 'iana')
RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portrange_ephemeral'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--
-- Containment of a port or an integer in a range or multirange.  These
-- carry the planner support (dst_port <@ '[8000,8100]' uses a btree index
-- on dst_port, estimated from its histogram), and the int4 versions make
-- ports @> 443 work without a cast.  None can fail: LEAKPROOF.
--
CREATE FUNCTION @extschema@.portrange_contsel(internal, oid, internal, int4)
RETURNS float8
AS 'MODULE_PATHNAME', 'portrange_contsel'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_contained_by_range(@extschema@.port, @extschema@.portrange)
RETURNS bool
AS 'MODULE_PATHNAME', 'port_contained_by_range'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.range_contains_port(@extschema@.portrange, @extschema@.port)
RETURNS bool
AS 'MODULE_PATHNAME', 'range_contains_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.int4_contained_by_range(int4, @extschema@.portrange)
RETURNS bool
AS 'MODULE_PATHNAME', 'int4_contained_by_range'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.range_contains_int4(@extschema@.portrange, int4)
RETURNS bool
AS 'MODULE_PATHNAME', 'range_contains_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.port_contained_by_multirange(@extschema@.port, @extschema@.portmultirange)
RETURNS bool
AS 'MODULE_PATHNAME', 'port_contained_by_multirange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.multirange_contains_port(@extschema@.portmultirange, @extschema@.port)
RETURNS bool
AS 'MODULE_PATHNAME', 'multirange_contains_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.int4_contained_by_multirange(int4, @extschema@.portmultirange)
RETURNS bool
AS 'MODULE_PATHNAME', 'int4_contained_by_multirange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE FUNCTION @extschema@.multirange_contains_int4(@extschema@.portmultirange, int4)
RETURNS bool
AS 'MODULE_PATHNAME', 'multirange_contains_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT @extschema@.port_planner_support;

CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.portrange,
	FUNCTION = @extschema@.port_contained_by_range,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.portrange, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.range_contains_port,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = int4, RIGHTARG = @extschema@.portrange,
	FUNCTION = @extschema@.int4_contained_by_range,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.portrange, RIGHTARG = int4,
	FUNCTION = @extschema@.range_contains_int4,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.port, RIGHTARG = @extschema@.portmultirange,
	FUNCTION = @extschema@.port_contained_by_multirange,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.portmultirange, RIGHTARG = @extschema@.port,
	FUNCTION = @extschema@.multirange_contains_port,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = int4, RIGHTARG = @extschema@.portmultirange,
	FUNCTION = @extschema@.int4_contained_by_multirange,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.portmultirange, RIGHTARG = int4,
	FUNCTION = @extschema@.multirange_contains_int4,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = @extschema@.portrange_contsel, JOIN = pg_catalog.contjoinsel
);

--
-- GiST for portrange columns: PostgreSQL's range GiST support functions,
-- with a consistent function that also takes an int4 element, so that
-- rules.ports @> 443 and rules.ports && '[8000,8100]' use the index and
-- EXCLUDE USING gist (..., ports WITH &&) works.  It is the default for
-- portrange (an exact type match wins over the polymorphic range_ops).
--
CREATE FUNCTION @extschema@.portrange_gist_consistent(internal, @extschema@.portrange, int2, oid, internal)
RETURNS bool
AS 'MODULE_PATHNAME', 'portrange_gist_consistent'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- PostgreSQL's range GiST union and same functions, declared for portrange
-- so that the operator class's signatures check out in amvalidate()
CREATE FUNCTION @extschema@.portrange_gist_union(internal, internal)
RETURNS @extschema@.portrange
AS 'range_gist_union'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.portrange_gist_same(@extschema@.portrange, @extschema@.portrange, internal)
RETURNS internal
AS 'range_gist_same'
LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS @extschema@.portrange_ops
	DEFAULT FOR TYPE @extschema@.portrange USING gist AS
	OPERATOR 1 pg_catalog.<< (anyrange, anyrange),
	OPERATOR 2 pg_catalog.&< (anyrange, anyrange),
	OPERATOR 3 pg_catalog.&& (anyrange, anyrange),
	OPERATOR 4 pg_catalog.&> (anyrange, anyrange),
	OPERATOR 5 pg_catalog.>> (anyrange, anyrange),
	OPERATOR 6 pg_catalog.-|- (anyrange, anyrange),
	OPERATOR 7 pg_catalog.@> (anyrange, anyrange),
	OPERATOR 8 pg_catalog.<@ (anyrange, anyrange),
	OPERATOR 1 pg_catalog.<< (anyrange, anymultirange),
	OPERATOR 2 pg_catalog.&< (anyrange, anymultirange),
	OPERATOR 3 pg_catalog.&& (anyrange, anymultirange),
	OPERATOR 4 pg_catalog.&> (anyrange, anymultirange),
	OPERATOR 5 pg_catalog.>> (anyrange, anymultirange),
	OPERATOR 6 pg_catalog.-|- (anyrange, anymultirange),
	OPERATOR 7 pg_catalog.@> (anyrange, anymultirange),
	OPERATOR 8 pg_catalog.<@ (anyrange, anymultirange),
	OPERATOR 16 @extschema@.@> (@extschema@.portrange, @extschema@.port),
	OPERATOR 16 @extschema@.@> (@extschema@.portrange, int4),
	OPERATOR 18 pg_catalog.= (anyrange, anyrange),
	FUNCTION 1 @extschema@.portrange_gist_consistent(internal, @extschema@.portrange, int2, oid, internal),
	FUNCTION 2 @extschema@.portrange_gist_union(internal, internal),
	FUNCTION 5 pg_catalog.range_gist_penalty(internal, internal, internal),
	FUNCTION 6 pg_catalog.range_gist_picksplit(internal, internal),
	FUNCTION 7 @extschema@.portrange_gist_same(@extschema@.portrange, @extschema@.portrange, internal);

------------------------------------------------------------------------------
-- Port sets in firewall tools' syntax (src/fwparse.c; doc/firewall-syntax.md)
--
-- There is deliberately no cast from text: the automatic I/O cast reads a
-- portmultirange's own text form ('{[22,23)}'), which dump/restore and
-- drivers rely on; firewall syntax goes through parse_ports().
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.parse_ports(text) RETURNS @extschema@.portmultirange
AS 'MODULE_PATHNAME', 'portlist_parse_ports'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.parse_portrange(text) RETURNS @extschema@.portrange
AS 'MODULE_PATHNAME', 'portlist_parse_portrange'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.to_firewall(@extschema@.portrange, style text DEFAULT 'plain')
RETURNS text
AS 'MODULE_PATHNAME', 'portlist_range_to_firewall'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.to_firewall(@extschema@.portmultirange, style text DEFAULT 'plain')
RETURNS text
AS 'MODULE_PATHNAME', 'portlist_multirange_to_firewall'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

------------------------------------------------------------------------------
-- The bundled IANA service-name registry (data/, compiled into the library)
------------------------------------------------------------------------------

CREATE TYPE @extschema@.transport_protocol AS ENUM ('tcp', 'udp', 'sctp', 'dccp');

-- port -> primary IANA name; with include_defacto, a de-facto use
-- (service_defacto) takes precedence.  A constant-time lookup in the library.
CREATE FUNCTION @extschema@.port_service(@extschema@.port,
	protocol @extschema@.transport_protocol DEFAULT 'tcp',
	include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'port_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.port_service(int4,
	protocol @extschema@.transport_protocol DEFAULT 'tcp',
	include_defacto bool DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'port_service_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.defacto_service(@extschema@.port,
	protocol @extschema@.transport_protocol DEFAULT 'tcp')
RETURNS text
AS 'MODULE_PATHNAME', 'port_defacto_service'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.defacto_service(int4,
	protocol @extschema@.transport_protocol DEFAULT 'tcp')
RETURNS text
AS 'MODULE_PATHNAME', 'port_defacto_service_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- name -> port (case-insensitive), NULL if unknown
CREATE FUNCTION @extschema@.service_port(name text,
	protocol @extschema@.transport_protocol DEFAULT 'tcp',
	include_defacto bool DEFAULT false)
RETURNS @extschema@.port
AS 'MODULE_PATHNAME', 'port_service_port'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.registry_version() RETURNS text
AS 'MODULE_PATHNAME', 'port_registry_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- the compiled rows, to fill the tables below
CREATE FUNCTION @extschema@.registry_rows(
	OUT port_low @extschema@.port, OUT port_high @extschema@.port,
	OUT protocol @extschema@.transport_protocol, OUT service_name text,
	OUT name_rank int2, OUT status text, OUT description text,
	OUT assignee text, OUT contact text, OUT registration_date text,
	OUT modification_date text, OUT reference text, OUT sources text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'port_registry_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 15000;

CREATE FUNCTION @extschema@.defacto_rows(
	OUT port @extschema@.port, OUT protocol @extschema@.transport_protocol,
	OUT service_name text, OUT description text, OUT source text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'port_defacto_rows'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;

CREATE TABLE @extschema@.service_registry (
	port_low @extschema@.port NOT NULL,
	port_high @extschema@.port NOT NULL,
	protocol @extschema@.transport_protocol NOT NULL,
	service_name text,
	name_rank int2,
	status text NOT NULL
		CHECK (status OPERATOR(pg_catalog.=) ANY
			   (ARRAY['assigned', 'alias', 'reserved', 'unassigned'])),
	description text,
	assignee text,
	contact text,
	registration_date text,
	modification_date text,
	reference text,
	sources text,
	ports @extschema@.portrange NOT NULL
		GENERATED ALWAYS AS (@extschema@.portrange(port_low, port_high, '[]')) STORED,
	CHECK (port_low OPERATOR(@extschema@.<=) port_high),
	CHECK ((service_name IS NULL) OPERATOR(pg_catalog.=)
		   (status OPERATOR(pg_catalog.=) ANY (ARRAY['reserved', 'unassigned'])))
);

CREATE TABLE @extschema@.service_defacto (
	port @extschema@.port NOT NULL,
	protocol @extschema@.transport_protocol NOT NULL,
	service_name text NOT NULL,
	description text,
	source text NOT NULL,
	PRIMARY KEY (port, protocol)
);

INSERT INTO @extschema@.service_registry
	(port_low, port_high, protocol, service_name, name_rank, status,
	 description, assignee, contact, registration_date, modification_date,
	 reference, sources)
SELECT * FROM @extschema@.registry_rows();
INSERT INTO @extschema@.service_defacto SELECT * FROM @extschema@.defacto_rows();

CREATE INDEX service_registry_ports ON @extschema@.service_registry USING gist (ports);
CREATE INDEX service_registry_name ON @extschema@.service_registry (lower(service_name), protocol);
CREATE INDEX service_registry_port_low ON @extschema@.service_registry (protocol, port_low);

-- read-only to everybody but the owner
REVOKE ALL ON @extschema@.service_registry, @extschema@.service_defacto FROM PUBLIC;
GRANT SELECT ON @extschema@.service_registry, @extschema@.service_defacto TO PUBLIC;

-- every assignment of a port: all protocols, all names and aliases, with
-- the de-facto uses on request, labelled as such
CREATE FUNCTION @extschema@.port_services(port int4, include_defacto bool DEFAULT false)
RETURNS TABLE (protocol @extschema@.transport_protocol, service_name text,
			   name_rank int2, status text, description text,
			   port_low @extschema@.port, port_high @extschema@.port,
			   registry text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 10
BEGIN ATOMIC
	SELECT r.protocol, r.service_name, r.name_rank, r.status, r.description,
	       r.port_low, r.port_high, 'iana'
	FROM @extschema@.service_registry r
	WHERE r.ports OPERATOR(@extschema@.@>) port_services.port::@extschema@.port
	UNION ALL
	SELECT d.protocol, d.service_name, NULL::int2, 'de-facto', d.description,
	       d.port, d.port, 'de-facto'
	FROM @extschema@.service_defacto d
	WHERE port_services.include_defacto
	  AND d.port OPERATOR(@extschema@.=) port_services.port::@extschema@.port
	ORDER BY 8 DESC, 1, 3 NULLS LAST, 2;
END;

-- Refill the tables from the library, after installing a library built
-- with a newer data/ snapshot under the same version (see the README).
-- Only the tables' owner may run it.
CREATE FUNCTION @extschema@.registry_refresh() RETURNS text
LANGUAGE sql VOLATILE STRICT
BEGIN ATOMIC
	DELETE FROM @extschema@.service_registry;
	DELETE FROM @extschema@.service_defacto;
	INSERT INTO @extschema@.service_registry
		(port_low, port_high, protocol, service_name, name_rank, status,
		 description, assignee, contact, registration_date, modification_date,
		 reference, sources)
	SELECT * FROM @extschema@.registry_rows();
	INSERT INTO @extschema@.service_defacto SELECT * FROM @extschema@.defacto_rows();
	SELECT @extschema@.registry_version();
END;
REVOKE ALL ON FUNCTION @extschema@.registry_refresh() FROM PUBLIC;

------------------------------------------------------------------------------
-- Comments
------------------------------------------------------------------------------

COMMENT ON TYPE @extschema@.port IS 'TCP/UDP/SCTP/DCCP port number, 0..65535';
COMMENT ON FUNCTION @extschema@.port_in(cstring) IS 'text input: decimal number or IANA service name';
COMMENT ON FUNCTION @extschema@.port_out(@extschema@.port) IS 'text output: decimal number';
COMMENT ON FUNCTION @extschema@.port_recv(internal) IS 'binary input: 2 bytes, network order';
COMMENT ON FUNCTION @extschema@.port_send(@extschema@.port) IS 'binary output: 2 bytes, network order';
COMMENT ON FUNCTION @extschema@.port(int2) IS 'convert smallint to port (22003 outside 0..65535)';
COMMENT ON FUNCTION @extschema@.port(int4) IS 'convert integer to port (22003 outside 0..65535)';
COMMENT ON FUNCTION @extschema@.port(int8) IS 'convert bigint to port (22003 outside 0..65535)';
COMMENT ON FUNCTION @extschema@.port(numeric) IS 'convert numeric to port, rounding (22003 outside 0..65535)';
COMMENT ON FUNCTION @extschema@.int4(@extschema@.port) IS 'convert port to integer';
COMMENT ON FUNCTION @extschema@.int8(@extschema@.port) IS 'convert port to bigint';
COMMENT ON CAST (int2 AS @extschema@.port) IS 'assignment cast: range-checked';
COMMENT ON CAST (int4 AS @extschema@.port) IS 'assignment cast: range-checked';
COMMENT ON CAST (int8 AS @extschema@.port) IS 'assignment cast: range-checked';
COMMENT ON CAST (numeric AS @extschema@.port) IS 'assignment cast: rounded and range-checked';
COMMENT ON CAST (@extschema@.port AS int4) IS 'implicit cast: lossless, lets ports take part in integer arithmetic';
COMMENT ON CAST (@extschema@.port AS int8) IS 'assignment cast: lossless (not implicit, to keep integer operators unambiguous)';
COMMENT ON FUNCTION @extschema@.port_eq(@extschema@.port, @extschema@.port) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.port, @extschema@.port) IS 'equal';
COMMENT ON FUNCTION @extschema@.port_ne(@extschema@.port, @extschema@.port) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.port, @extschema@.port) IS 'not equal';
COMMENT ON FUNCTION @extschema@.port_lt(@extschema@.port, @extschema@.port) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (@extschema@.port, @extschema@.port) IS 'less than';
COMMENT ON FUNCTION @extschema@.port_le(@extschema@.port, @extschema@.port) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.port, @extschema@.port) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.port_gt(@extschema@.port, @extschema@.port) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (@extschema@.port, @extschema@.port) IS 'greater than';
COMMENT ON FUNCTION @extschema@.port_ge(@extschema@.port, @extschema@.port) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.port, @extschema@.port) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.port_cmp(@extschema@.port, @extschema@.port) IS 'btree comparison function (port, port)';
COMMENT ON FUNCTION @extschema@.port_int2_eq(@extschema@.port, int2) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.port, int2) IS 'equal';
COMMENT ON FUNCTION @extschema@.port_int2_ne(@extschema@.port, int2) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.port, int2) IS 'not equal';
COMMENT ON FUNCTION @extschema@.port_int2_lt(@extschema@.port, int2) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (@extschema@.port, int2) IS 'less than';
COMMENT ON FUNCTION @extschema@.port_int2_le(@extschema@.port, int2) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.port, int2) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.port_int2_gt(@extschema@.port, int2) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (@extschema@.port, int2) IS 'greater than';
COMMENT ON FUNCTION @extschema@.port_int2_ge(@extschema@.port, int2) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.port, int2) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.port_int2_cmp(@extschema@.port, int2) IS 'btree comparison function (port, int2)';
COMMENT ON FUNCTION @extschema@.int2_port_eq(int2, @extschema@.port) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (int2, @extschema@.port) IS 'equal';
COMMENT ON FUNCTION @extschema@.int2_port_ne(int2, @extschema@.port) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (int2, @extschema@.port) IS 'not equal';
COMMENT ON FUNCTION @extschema@.int2_port_lt(int2, @extschema@.port) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (int2, @extschema@.port) IS 'less than';
COMMENT ON FUNCTION @extschema@.int2_port_le(int2, @extschema@.port) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (int2, @extschema@.port) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.int2_port_gt(int2, @extschema@.port) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (int2, @extschema@.port) IS 'greater than';
COMMENT ON FUNCTION @extschema@.int2_port_ge(int2, @extschema@.port) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (int2, @extschema@.port) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.int2_port_cmp(int2, @extschema@.port) IS 'btree comparison function (int2, port)';
COMMENT ON FUNCTION @extschema@.port_int4_eq(@extschema@.port, int4) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.port, int4) IS 'equal';
COMMENT ON FUNCTION @extschema@.port_int4_ne(@extschema@.port, int4) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.port, int4) IS 'not equal';
COMMENT ON FUNCTION @extschema@.port_int4_lt(@extschema@.port, int4) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (@extschema@.port, int4) IS 'less than';
COMMENT ON FUNCTION @extschema@.port_int4_le(@extschema@.port, int4) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.port, int4) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.port_int4_gt(@extschema@.port, int4) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (@extschema@.port, int4) IS 'greater than';
COMMENT ON FUNCTION @extschema@.port_int4_ge(@extschema@.port, int4) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.port, int4) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.port_int4_cmp(@extschema@.port, int4) IS 'btree comparison function (port, int4)';
COMMENT ON FUNCTION @extschema@.int4_port_eq(int4, @extschema@.port) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (int4, @extschema@.port) IS 'equal';
COMMENT ON FUNCTION @extschema@.int4_port_ne(int4, @extschema@.port) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (int4, @extschema@.port) IS 'not equal';
COMMENT ON FUNCTION @extschema@.int4_port_lt(int4, @extschema@.port) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (int4, @extschema@.port) IS 'less than';
COMMENT ON FUNCTION @extschema@.int4_port_le(int4, @extschema@.port) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (int4, @extschema@.port) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.int4_port_gt(int4, @extschema@.port) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (int4, @extschema@.port) IS 'greater than';
COMMENT ON FUNCTION @extschema@.int4_port_ge(int4, @extschema@.port) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (int4, @extschema@.port) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.int4_port_cmp(int4, @extschema@.port) IS 'btree comparison function (int4, port)';
COMMENT ON FUNCTION @extschema@.port_int8_eq(@extschema@.port, int8) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (@extschema@.port, int8) IS 'equal';
COMMENT ON FUNCTION @extschema@.port_int8_ne(@extschema@.port, int8) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.port, int8) IS 'not equal';
COMMENT ON FUNCTION @extschema@.port_int8_lt(@extschema@.port, int8) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (@extschema@.port, int8) IS 'less than';
COMMENT ON FUNCTION @extschema@.port_int8_le(@extschema@.port, int8) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.port, int8) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.port_int8_gt(@extschema@.port, int8) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (@extschema@.port, int8) IS 'greater than';
COMMENT ON FUNCTION @extschema@.port_int8_ge(@extschema@.port, int8) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.port, int8) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.port_int8_cmp(@extschema@.port, int8) IS 'btree comparison function (port, int8)';
COMMENT ON FUNCTION @extschema@.int8_port_eq(int8, @extschema@.port) IS 'implementation of = operator';
COMMENT ON OPERATOR @extschema@.= (int8, @extschema@.port) IS 'equal';
COMMENT ON FUNCTION @extschema@.int8_port_ne(int8, @extschema@.port) IS 'implementation of <> operator';
COMMENT ON OPERATOR @extschema@.<> (int8, @extschema@.port) IS 'not equal';
COMMENT ON FUNCTION @extschema@.int8_port_lt(int8, @extschema@.port) IS 'implementation of < operator';
COMMENT ON OPERATOR @extschema@.< (int8, @extschema@.port) IS 'less than';
COMMENT ON FUNCTION @extschema@.int8_port_le(int8, @extschema@.port) IS 'implementation of <= operator';
COMMENT ON OPERATOR @extschema@.<= (int8, @extschema@.port) IS 'less than or equal';
COMMENT ON FUNCTION @extschema@.int8_port_gt(int8, @extschema@.port) IS 'implementation of > operator';
COMMENT ON OPERATOR @extschema@.> (int8, @extschema@.port) IS 'greater than';
COMMENT ON FUNCTION @extschema@.int8_port_ge(int8, @extschema@.port) IS 'implementation of >= operator';
COMMENT ON OPERATOR @extschema@.>= (int8, @extschema@.port) IS 'greater than or equal';
COMMENT ON FUNCTION @extschema@.int8_port_cmp(int8, @extschema@.port) IS 'btree comparison function (int8, port)';
COMMENT ON FUNCTION @extschema@.port_pl_int4(@extschema@.port, int4) IS 'implementation of + operator';
COMMENT ON FUNCTION @extschema@.int4_pl_port(int4, @extschema@.port) IS 'implementation of + operator';
COMMENT ON FUNCTION @extschema@.port_mi_int4(@extschema@.port, int4) IS 'implementation of - operator';
COMMENT ON FUNCTION @extschema@.port_mi_port(@extschema@.port, @extschema@.port) IS 'implementation of - operator';
COMMENT ON OPERATOR @extschema@.+ (@extschema@.port, int4) IS 'port plus offset (22003 outside 0..65535)';
COMMENT ON OPERATOR @extschema@.+ (int4, @extschema@.port) IS 'offset plus port (22003 outside 0..65535)';
COMMENT ON OPERATOR @extschema@.- (@extschema@.port, int4) IS 'port minus offset (22003 outside 0..65535)';
COMMENT ON OPERATOR @extschema@.- (@extschema@.port, @extschema@.port) IS 'distance between two ports, as integer';
COMMENT ON FUNCTION @extschema@.port_sortsupport(internal) IS 'btree sort support';
COMMENT ON FUNCTION @extschema@.in_range(@extschema@.port, @extschema@.port, int4, bool, bool) IS 'window RANGE support: port with integer offset';
COMMENT ON FUNCTION @extschema@.port_hash(@extschema@.port) IS 'hash, equal to int4''s hash of the same number';
COMMENT ON FUNCTION @extschema@.port_hash_extended(@extschema@.port, int8) IS 'seeded hash, equal to int4''s for the same number';
COMMENT ON OPERATOR FAMILY @extschema@.port_ops USING btree IS 'port with int2, int4 and int8';
COMMENT ON OPERATOR CLASS @extschema@.port_ops USING btree IS 'default btree operator class for port';
COMMENT ON OPERATOR FAMILY @extschema@.port_ops USING hash IS 'port with int2, int4 and int8, hashing like int4';
COMMENT ON OPERATOR CLASS @extschema@.port_ops USING hash IS 'default hash operator class for port';
COMMENT ON OPERATOR FAMILY @extschema@.port_minmax_ops USING brin IS 'port with int2, int4 and int8';
COMMENT ON OPERATOR CLASS @extschema@.port_minmax_ops USING brin IS 'default BRIN minmax operator class for port';
COMMENT ON FUNCTION @extschema@.port_smaller(@extschema@.port, @extschema@.port) IS 'smaller of two ports';
COMMENT ON FUNCTION @extschema@.port_larger(@extschema@.port, @extschema@.port) IS 'larger of two ports';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.port) IS 'minimum port';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.port) IS 'maximum port';
COMMENT ON TYPE @extschema@.port_class IS 'RFC 6335 port range: well-known (System, 0-1023), registered (User, 1024-49151), dynamic (Dynamic and/or Private, 49152-65535)';
COMMENT ON FUNCTION @extschema@.port_class(@extschema@.port) IS 'RFC 6335 range of a port';
COMMENT ON FUNCTION @extschema@.port_class(int4) IS 'RFC 6335 range of a port given as integer';
COMMENT ON FUNCTION @extschema@.is_well_known(@extschema@.port) IS 'true for well-known (System) ports, 0-1023';
COMMENT ON FUNCTION @extschema@.is_well_known(int4) IS 'true for well-known (System) ports, 0-1023';
COMMENT ON FUNCTION @extschema@.is_registered(@extschema@.port) IS 'true for registered (User) ports, 1024-49151';
COMMENT ON FUNCTION @extschema@.is_registered(int4) IS 'true for registered (User) ports, 1024-49151';
COMMENT ON FUNCTION @extschema@.is_dynamic(@extschema@.port) IS 'true for dynamic/private (ephemeral) ports, 49152-65535';
COMMENT ON FUNCTION @extschema@.is_dynamic(int4) IS 'true for dynamic/private (ephemeral) ports, 49152-65535';
COMMENT ON FUNCTION @extschema@.is_privileged(@extschema@.port) IS 'true for ports below 1024, which need privilege to bind';
COMMENT ON FUNCTION @extschema@.is_privileged(int4) IS 'true for ports below 1024, which need privilege to bind';
COMMENT ON FUNCTION @extschema@.is_privileged(@extschema@.port, int4) IS 'true for ports below the given start, like net.ipv4.ip_unprivileged_port_start';
COMMENT ON FUNCTION @extschema@.is_privileged(int4, int4) IS 'true for ports below the given start, like net.ipv4.ip_unprivileged_port_start';
COMMENT ON FUNCTION @extschema@.is_ephemeral(@extschema@.port, text) IS 'true if the port is in the default ephemeral range of an OS (iana, linux, windows, freebsd, macos)';
COMMENT ON FUNCTION @extschema@.is_ephemeral(int4, text) IS 'true if the port is in the default ephemeral range of an OS (iana, linux, windows, freebsd, macos)';
COMMENT ON FUNCTION @extschema@.ephemeral_ranges() IS 'default ephemeral port ranges of IANA and common operating systems, with sources';
COMMENT ON DOMAIN @extschema@.well_known_port IS 'port in 0-1023';
COMMENT ON DOMAIN @extschema@.registered_port IS 'port in 1024-49151';
COMMENT ON DOMAIN @extschema@.dynamic_port IS 'port in 49152-65535';
COMMENT ON DOMAIN @extschema@.assignable_port IS 'port IANA can assign: well-known or registered, 0-49151';
COMMENT ON DOMAIN @extschema@.unprivileged_port IS 'port that binds without privilege, 1024-65535';
COMMENT ON DOMAIN @extschema@.nonzero_port IS 'port other than the reserved port 0';
COMMENT ON TYPE @extschema@.portrange IS 'range of ports; canonical form [lo,hi), unbounded above when it reaches 65535';
COMMENT ON TYPE @extschema@.portmultirange IS 'set of port ranges';
COMMENT ON CAST (@extschema@.portrange AS @extschema@.portmultirange) IS 'a range as a set of one range';
COMMENT ON FUNCTION @extschema@.portrange_canonical(@extschema@.portrange) IS 'canonical form of a portrange';
COMMENT ON FUNCTION @extschema@.port_subdiff(@extschema@.port, @extschema@.port) IS 'difference of two ports, for range GiST';
COMMENT ON FUNCTION @extschema@.portrange(@extschema@.port, @extschema@.port) IS 'portrange from bounds, [)';
COMMENT ON FUNCTION @extschema@.portrange(@extschema@.port, @extschema@.port, text) IS 'portrange from bounds and flags';
COMMENT ON FUNCTION @extschema@.portrange(int4, int4) IS 'portrange from integer bounds, [); NULL is unbounded';
COMMENT ON FUNCTION @extschema@.portrange(int4, int4, text) IS 'portrange from integer bounds and flags; NULL is unbounded';
COMMENT ON FUNCTION @extschema@.portmultirange() IS 'empty portmultirange';
COMMENT ON FUNCTION @extschema@.portmultirange(@extschema@.portrange) IS 'portmultirange of one range';
COMMENT ON FUNCTION @extschema@.portmultirange(@extschema@.portrange[]) IS 'portmultirange of ranges';
COMMENT ON FUNCTION @extschema@.first_port(@extschema@.portrange) IS 'lowest port in the range, NULL if empty';
COMMENT ON FUNCTION @extschema@.last_port(@extschema@.portrange) IS 'highest port in the range, NULL if empty';
COMMENT ON FUNCTION @extschema@.port_count(@extschema@.portrange) IS 'number of ports in the range';
COMMENT ON FUNCTION @extschema@.first_port(@extschema@.portmultirange) IS 'lowest port in the set, NULL if empty';
COMMENT ON FUNCTION @extschema@.last_port(@extschema@.portmultirange) IS 'highest port in the set, NULL if empty';
COMMENT ON FUNCTION @extschema@.port_count(@extschema@.portmultirange) IS 'number of ports in the set';
COMMENT ON FUNCTION @extschema@.well_known_ports() IS 'the well-known (System) ports, [0,1024)';
COMMENT ON FUNCTION @extschema@.registered_ports() IS 'the registered (User) ports, [1024,49152)';
COMMENT ON FUNCTION @extschema@.dynamic_ports() IS 'the dynamic/private ports, [49152,)';
COMMENT ON FUNCTION @extschema@.ephemeral_ports(text) IS 'default ephemeral range of an OS (iana, linux, windows, freebsd, macos)';
COMMENT ON FUNCTION @extschema@.port_planner_support(internal) IS 'planner support: index conditions and estimates for port-set predicates';
COMMENT ON FUNCTION @extschema@.portrange_contsel(internal, oid, internal, int4) IS 'restriction selectivity of port <@ portrange and friends';
COMMENT ON FUNCTION @extschema@.port_contained_by_range(@extschema@.port, @extschema@.portrange) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.range_contains_port(@extschema@.portrange, @extschema@.port) IS 'implementation of @> operator';
COMMENT ON FUNCTION @extschema@.int4_contained_by_range(int4, @extschema@.portrange) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.range_contains_int4(@extschema@.portrange, int4) IS 'implementation of @> operator';
COMMENT ON FUNCTION @extschema@.port_contained_by_multirange(@extschema@.port, @extschema@.portmultirange) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.multirange_contains_port(@extschema@.portmultirange, @extschema@.port) IS 'implementation of @> operator';
COMMENT ON FUNCTION @extschema@.int4_contained_by_multirange(int4, @extschema@.portmultirange) IS 'implementation of <@ operator';
COMMENT ON FUNCTION @extschema@.multirange_contains_int4(@extschema@.portmultirange, int4) IS 'implementation of @> operator';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.port, @extschema@.portrange) IS 'port is in range';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.portrange, @extschema@.port) IS 'range contains port';
COMMENT ON OPERATOR @extschema@.<@ (int4, @extschema@.portrange) IS 'integer is a port in range';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.portrange, int4) IS 'range contains integer port';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.port, @extschema@.portmultirange) IS 'port is in set';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.portmultirange, @extschema@.port) IS 'set contains port';
COMMENT ON OPERATOR @extschema@.<@ (int4, @extschema@.portmultirange) IS 'integer is a port in set';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.portmultirange, int4) IS 'set contains integer port';
COMMENT ON FUNCTION @extschema@.portrange_gist_consistent(internal, @extschema@.portrange, int2, oid, internal) IS 'GiST consistent for portrange, accepting int4 elements';
COMMENT ON FUNCTION @extschema@.portrange_gist_union(internal, internal) IS 'GiST union for portrange (PostgreSQL''s range_gist_union)';
COMMENT ON FUNCTION @extschema@.portrange_gist_same(@extschema@.portrange, @extschema@.portrange, internal) IS 'GiST same for portrange (PostgreSQL''s range_gist_same)';
COMMENT ON OPERATOR CLASS @extschema@.portrange_ops USING gist IS 'default GiST operator class for portrange';
COMMENT ON OPERATOR FAMILY @extschema@.portrange_ops USING gist IS 'GiST operator family for portrange';
COMMENT ON TYPE @extschema@.transport_protocol IS 'transport protocol of an IANA port assignment';
COMMENT ON FUNCTION @extschema@.port_service(@extschema@.port, @extschema@.transport_protocol, bool) IS 'primary IANA service name of a port (or its de-facto use, on request), NULL if none';
COMMENT ON FUNCTION @extschema@.port_service(int4, @extschema@.transport_protocol, bool) IS 'primary IANA service name of a port given as integer';
COMMENT ON FUNCTION @extschema@.defacto_service(@extschema@.port, @extschema@.transport_protocol) IS 'common unregistered use of a port (service_defacto), NULL if none';
COMMENT ON FUNCTION @extschema@.defacto_service(int4, @extschema@.transport_protocol) IS 'common unregistered use of a port given as integer, NULL if none';
COMMENT ON FUNCTION @extschema@.service_port(text, @extschema@.transport_protocol, bool) IS 'port of a service name, case-insensitive; NULL if unknown';
COMMENT ON FUNCTION @extschema@.registry_version() IS 'date and sources of the bundled registry snapshot';
COMMENT ON FUNCTION @extschema@.registry_rows() IS 'the rows of the registry compiled into the library';
COMMENT ON FUNCTION @extschema@.defacto_rows() IS 'the de-facto port uses compiled into the library';
COMMENT ON FUNCTION @extschema@.port_services(int4, bool) IS 'every registry entry for a port, all protocols, names and aliases (and de-facto uses on request)';
COMMENT ON FUNCTION @extschema@.registry_refresh() IS 'refill service_registry and service_defacto from the loaded library';
COMMENT ON TABLE @extschema@.service_registry IS 'IANA Service Name and Transport Protocol Port Number Registry, bundled snapshot (read-only)';
COMMENT ON COLUMN @extschema@.service_registry.port_low IS 'first port of the assignment';
COMMENT ON COLUMN @extschema@.service_registry.port_high IS 'last port of the assignment (= port_low unless IANA assigned a range)';
COMMENT ON COLUMN @extschema@.service_registry.protocol IS 'transport protocol';
COMMENT ON COLUMN @extschema@.service_registry.service_name IS 'service name as IANA spells it; NULL for reserved and unassigned ports';
COMMENT ON COLUMN @extschema@.service_registry.name_rank IS '1 for the primary (first-listed) name of the port, 2.. for further names and aliases';
COMMENT ON COLUMN @extschema@.service_registry.status IS 'assigned, alias (known only as an alias, from /etc/services), reserved or unassigned';
COMMENT ON COLUMN @extschema@.service_registry.description IS 'IANA description';
COMMENT ON COLUMN @extschema@.service_registry.assignee IS 'IANA assignee, where the source has it';
COMMENT ON COLUMN @extschema@.service_registry.contact IS 'IANA contact, where the source has it';
COMMENT ON COLUMN @extschema@.service_registry.registration_date IS 'registration date, YYYY-MM-DD or YYYY-MM, where the source has it';
COMMENT ON COLUMN @extschema@.service_registry.modification_date IS 'modification date, YYYY-MM-DD or YYYY-MM, where the source has it';
COMMENT ON COLUMN @extschema@.service_registry.reference IS 'IANA reference (RFC or other), where the source has it';
COMMENT ON COLUMN @extschema@.service_registry.sources IS 'inputs the row came from, ;-separated (see data/README.md)';
COMMENT ON COLUMN @extschema@.service_registry.ports IS 'port_low..port_high as a portrange, GiST-indexed';
COMMENT ON TABLE @extschema@.service_defacto IS 'common unregistered port uses, hand-curated, separate from IANA (read-only)';
COMMENT ON COLUMN @extschema@.service_defacto.port IS 'port';
COMMENT ON COLUMN @extschema@.service_defacto.protocol IS 'transport protocol';
COMMENT ON COLUMN @extschema@.service_defacto.service_name IS 'name of the software that commonly uses the port';
COMMENT ON COLUMN @extschema@.service_defacto.description IS 'what the use is';
COMMENT ON COLUMN @extschema@.service_defacto.source IS 'documentation that states the port';
COMMENT ON FUNCTION @extschema@.parse_ports(text) IS 'port set from firewall syntax: 22,80,443 | 1024-65535 | 1024:65535 | { 80, 443 } | [1:1024,!22] | range 1 1023 | https ...';
COMMENT ON FUNCTION @extschema@.parse_portrange(text) IS 'single port range from firewall syntax';
COMMENT ON FUNCTION @extschema@.to_firewall(@extschema@.portrange, text) IS 'range in iptables, nftables, suricata or plain syntax';
COMMENT ON FUNCTION @extschema@.to_firewall(@extschema@.portmultirange, text) IS 'port set in iptables, nftables, suricata or plain syntax';
