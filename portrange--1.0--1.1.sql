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

CREATE FUNCTION @extschema@.is_privileged(@extschema@.portproto, unprivileged_port_start int4)
RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_privileged(@extschema@.port($1), $2);

CREATE FUNCTION @extschema@.is_ephemeral(@extschema@.portproto, os text DEFAULT 'iana')
RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_ephemeral(@extschema@.port($1), $2);

-- membership in a rule stored as (protocol, ports) rows; inlined (so not
-- STRICT: the planner inlines no STRICT function whose body has an AND), so
-- an index on protocol or a GiST index on ports answers it
CREATE FUNCTION @extschema@.matches_ports(@extschema@.portproto,
	protocol @extschema@.transport_protocol, ports @extschema@.portmultirange)
RETURNS bool
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN $2 OPERATOR(pg_catalog.=) @extschema@.protocol($1)
   AND $3 OPERATOR(pg_catalog.@>) @extschema@.port($1);

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



