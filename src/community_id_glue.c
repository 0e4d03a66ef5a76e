/*-------------------------------------------------------------------------
 *
 * community_id_glue.c
 *	  SQL functions of the Community ID flow hash (community_id.c), with
 *	  the SHA-1 of PostgreSQL's cryptohash API (OpenSSL's when the server
 *	  is built with it, PostgreSQL's own otherwise).
 *
 * Every form comes down to community_id_text(): a flow (two addresses of
 * one family, a protocol number, and ports or ICMP type and code), a seed
 * and the output encoding.
 *
 * src/community_id_glue.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "common/cryptohash.h"
#include "utils/builtins.h"
#include "utils/inet.h"

#include "community_id.h"
#include "endpoint.h"
#include "port.h"

/* a 0..65535 argument: a port, an ICMP type or code, or the seed */
static uint16
cid_uint16_arg(int32 v, const char *what)
{
	if (v < 0 || v > 65535)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("%s %d is out of range", what, v),
				errdetail("It is an integer from 0 to 65535."));
	return (uint16) v;
}

/* an ICMP type or code: 0..255 */
static uint16
cid_icmp_arg(int32 v, const char *what)
{
	if (v < 0 || v > 255)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("%s %d is out of range", what, v),
				errdetail("ICMP types and codes are integers from 0 to 255."));
	return (uint16) v;
}

static uint8
cid_proto_number(int32 v)
{
	if (v < 0 || v > 255)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("protocol number %d is out of range", v),
				errdetail("IP protocol numbers are integers from 0 to 255."));
	return (uint8) v;
}

static uint8
cid_proto_name(text *name, bool ipv6)
{
	const char *s = VARDATA_ANY(name);
	size_t		len = VARSIZE_ANY_EXHDR(name);
	int			p = cid_proto_lookup(s, len, ipv6);

	if (p == -2)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("protocol number \"%s\" is out of range",
					   port_shorten_input(s, len)),
				errdetail("IP protocol numbers are integers from 0 to 255."));
	if (p < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("unknown IP protocol \"%s\"", port_shorten_input(s, len)),
				errdetail("Give the IANA protocol number, or one of tcp, udp, sctp, icmp, icmp6 (ipv6-icmp), dccp, gre, esp, ah, igmp, ipv6, rsvp, ospf, pim, vrrp, l2tp."));
	return (uint8) p;
}

/* the two addresses into the flow; they must be hosts of one family */
static void
cid_addresses(cid_flow *flow, const ep_value *src, const ep_value *dst)
{
	if (src->family != dst->family)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("source and destination addresses of a flow must be of one family"),
				errdetail("The source is IPv%d, the destination IPv%d.",
						  src->family, dst->family));
	flow->family = src->family;
	memcpy(flow->saddr, src->addr, 16);
	memcpy(flow->daddr, dst->addr, 16);
}

/*
 * community_id_text
 *		Lay out, hash and render one flow.
 */
static text *
community_id_text(const cid_flow *flow, int32 seed, bool base64)
{
	uint8		input[CID_INPUT_MAX];
	uint8		digest[CID_DIGEST_LEN];
	char		out[CID_TEXT_MAX];
	size_t		n;
	size_t		outlen;
	pg_cryptohash_ctx *ctx;

	n = cid_layout(flow, cid_uint16_arg(seed, "seed"), input);
	if (n == 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("protocol %d needs ports", flow->proto),
				errdetail("TCP, UDP and SCTP flows are hashed with their ports, ICMP and ICMPv6 with type and code."));

	ctx = pg_cryptohash_create(PG_SHA1);
	if (ctx == NULL ||
		pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, input, n) < 0 ||
		pg_cryptohash_final(ctx, digest, sizeof(digest)) < 0)
		ereport(ERROR,
				errcode(ERRCODE_INTERNAL_ERROR),
				errmsg("could not compute a SHA-1 digest: %s",
					   pg_cryptohash_error(ctx)));
	pg_cryptohash_free(ctx);

	outlen = cid_render(digest, base64, out);
	return cstring_to_text_with_len(out, (int) outlen);
}

static void
cid_inet_pair(FunctionCallInfo fcinfo, int srcarg, int dstarg, cid_flow *flow)
{
	ep_value	src,
				dst;

	endpoint_inet_value(PG_GETARG_INET_PP(srcarg), "the source address", &src);
	endpoint_inet_value(PG_GETARG_INET_PP(dstarg), "the destination address", &dst);
	cid_addresses(flow, &src, &dst);
}

/*
 * community_id(src inet, src_port int4, dst inet, dst_port int4,
 *				protocol int4 | text, seed int4, base64 bool)
 */
static Datum
cid_five_tuple(FunctionCallInfo fcinfo, bool proto_is_text)
{
	cid_flow	flow;

	memset(&flow, 0, sizeof(flow));
	cid_inet_pair(fcinfo, 0, 2, &flow);
	flow.proto = proto_is_text ? cid_proto_name(PG_GETARG_TEXT_PP(4), flow.family == 6)
		: cid_proto_number(PG_GETARG_INT32(4));
	flow.has_ports = true;
	flow.sport = cid_uint16_arg(PG_GETARG_INT32(1), "source port");
	flow.dport = cid_uint16_arg(PG_GETARG_INT32(3), "destination port");
	PG_RETURN_TEXT_P(community_id_text(&flow, PG_GETARG_INT32(5), PG_GETARG_BOOL(6)));
}

PG_FUNCTION_INFO_V1(community_id_inet_num);
Datum
community_id_inet_num(PG_FUNCTION_ARGS)
{
	return cid_five_tuple(fcinfo, false);
}

PG_FUNCTION_INFO_V1(community_id_inet_name);
Datum
community_id_inet_name(PG_FUNCTION_ARGS)
{
	return cid_five_tuple(fcinfo, true);
}

/* community_id(src endpoint, dst endpoint, protocol, seed, base64) */
static Datum
cid_endpoints(FunctionCallInfo fcinfo, bool proto_is_text)
{
	cid_flow	flow;
	ep_value	src,
				dst;

	memset(&flow, 0, sizeof(flow));
	PG_GETARG_ENDPOINT_VALUE(0, &src);
	PG_GETARG_ENDPOINT_VALUE(1, &dst);
	cid_addresses(&flow, &src, &dst);
	flow.proto = proto_is_text ? cid_proto_name(PG_GETARG_TEXT_PP(2), flow.family == 6)
		: cid_proto_number(PG_GETARG_INT32(2));
	flow.has_ports = true;
	flow.sport = src.port;
	flow.dport = dst.port;
	PG_RETURN_TEXT_P(community_id_text(&flow, PG_GETARG_INT32(3), PG_GETARG_BOOL(4)));
}

PG_FUNCTION_INFO_V1(community_id_endpoint_num);
Datum
community_id_endpoint_num(PG_FUNCTION_ARGS)
{
	return cid_endpoints(fcinfo, false);
}

PG_FUNCTION_INFO_V1(community_id_endpoint_name);
Datum
community_id_endpoint_name(PG_FUNCTION_ARGS)
{
	return cid_endpoints(fcinfo, true);
}

/* community_id(src inet, dst inet, protocol, seed, base64): no ports */
static Datum
cid_three_tuple(FunctionCallInfo fcinfo, bool proto_is_text)
{
	cid_flow	flow;

	memset(&flow, 0, sizeof(flow));
	cid_inet_pair(fcinfo, 0, 1, &flow);
	flow.proto = proto_is_text ? cid_proto_name(PG_GETARG_TEXT_PP(2), flow.family == 6)
		: cid_proto_number(PG_GETARG_INT32(2));
	flow.has_ports = false;
	PG_RETURN_TEXT_P(community_id_text(&flow, PG_GETARG_INT32(3), PG_GETARG_BOOL(4)));
}

PG_FUNCTION_INFO_V1(community_id_ip_num);
Datum
community_id_ip_num(PG_FUNCTION_ARGS)
{
	return cid_three_tuple(fcinfo, false);
}

PG_FUNCTION_INFO_V1(community_id_ip_name);
Datum
community_id_ip_name(PG_FUNCTION_ARGS)
{
	return cid_three_tuple(fcinfo, true);
}

/*
 * community_id_icmp(src inet, dst inet, type int4, code int4, seed, base64):
 * ICMP for IPv4 addresses, ICMPv6 for IPv6.
 */
PG_FUNCTION_INFO_V1(community_id_icmp);
Datum
community_id_icmp(PG_FUNCTION_ARGS)
{
	cid_flow	flow;

	memset(&flow, 0, sizeof(flow));
	cid_inet_pair(fcinfo, 0, 1, &flow);
	flow.proto = flow.family == 6 ? CID_PROTO_ICMP6 : CID_PROTO_ICMP;
	flow.has_ports = true;
	flow.sport = cid_icmp_arg(PG_GETARG_INT32(2), "ICMP type");
	flow.dport = cid_icmp_arg(PG_GETARG_INT32(3), "ICMP code");
	PG_RETURN_TEXT_P(community_id_text(&flow, PG_GETARG_INT32(4), PG_GETARG_BOOL(5)));
}
