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



------------------------------------------------------------------------------
-- portproto: a port with its transport protocol; per-protocol sets (#14)
------------------------------------------------------------------------------



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

CREATE FUNCTION @extschema@.is_ephemeral(@extschema@.endpoint, os text DEFAULT 'iana') RETURNS bool
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.is_ephemeral(@extschema@.port($1), os);

CREATE FUNCTION @extschema@.port_service(@extschema@.endpoint,
	protocol @extschema@.transport_protocol DEFAULT 'tcp',
	include_defacto bool DEFAULT false)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN @extschema@.port_service(@extschema@.port($1), protocol, include_defacto);

CREATE FUNCTION @extschema@.defacto_service(@extschema@.endpoint,
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

