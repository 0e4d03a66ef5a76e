/*-------------------------------------------------------------------------
 *
 * endpoint.c
 *	  The endpoint type: an IPv4 or IPv6 host address with a port.
 *
 * The file reads top to bottom: text and binary I/O, construction from
 * inet and port and the accessors, comparison operators and index support
 * (btree comparison, sort support, hashing), network containment with its
 * planner support (index conditions and selectivity), and the log-format
 * parsing helpers.  Parsing and printing are in endpoint_core.c.
 *
 * src/endpoint.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "access/htup_details.h"
#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/sortsupport.h"

#include "endpoint.h"
#include "port.h"


/*****************************************************************************
 * The Datum
 *****************************************************************************/

/* unpack an endpoint Datum (short header or not) into *out */
void
endpoint_datum_value(Datum d, ep_value *out)
{
	struct varlena *p = PG_DETOAST_DATUM_PACKED(d);

	if (!ep_unpack((const uint8_t *) VARDATA_ANY(p), VARSIZE_ANY_EXHDR(p), out))
		ereport(ERROR,
				errcode(ERRCODE_DATA_CORRUPTED),
				errmsg("invalid endpoint value of %d bytes",
					   (int) VARSIZE_ANY_EXHDR(p)));
	if ((void *) p != (void *) DatumGetPointer(d))
		pfree(p);
}

Datum
endpoint_value_datum(const ep_value *v)
{
	struct varlena *result = palloc(VARHDRSZ + EP_STORED_MAX);
	size_t		n = ep_pack(v, (uint8_t *) VARDATA(result));

	SET_VARSIZE(result, VARHDRSZ + n);
	return PointerGetDatum(result);
}

/*
 * endpoint_inet_value
 *		The address of an inet value, which must be a host (no netmask);
 *		what names the argument in the error message.  The port is 0.
 */
void
endpoint_inet_value(const inet *addr, const char *what, ep_value *out)
{
	int			family = ip_family(addr);
	int			bits = ip_bits(addr);
	int			maxbits = family == PGSQL_AF_INET ? 32 : 128;

	if (bits != maxbits)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s must be a host address, not a network",
					   what),
				errdetail("\"%s\" has a netmask of %d bits.",
						  DatumGetCString(DirectFunctionCall1(inet_out,
															  InetPGetDatum(addr))),
						  bits),
				errhint("Use host() or set_masklen(address, %d).", maxbits));
	memset(out, 0, sizeof(*out));
	out->family = family == PGSQL_AF_INET ? EP_FAMILY_V4 : EP_FAMILY_V6;
	memcpy(out->addr, ip_addr(addr), family == PGSQL_AF_INET ? 4 : 16);
}


/*****************************************************************************
 * Input and output
 *****************************************************************************/

/*
 * endpoint_report
 *		Report a parse error of s as a (soft) error: 22P02 for bad syntax,
 *		22003 for a port out of range, naming the offending part.
 */
static void
endpoint_report(const char *s, size_t len, ep_status st, const ep_error *err,
				Node *escontext)
{
	const char *detail = ep_problem_text(err->problem);
	char	   *part = err->len > 0 ? port_shorten_input(s + err->off, err->len) : NULL;

	(void) escontext;			/* unused before 16: errors are always thrown */

	if (st == EP_RANGE)
		port_errsave(escontext,
					 errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("port \"%s\" is out of range for type %s",
							part ? part : "", "endpoint"),
					 errdetail("%s", detail));
	else if (err->problem == EP_PROBLEM_UNBRACKETED)
		port_errsave(escontext,
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"endpoint", port_shorten_input(s, len)),
					 errdetail("%s", detail),
					 errhint("Write the IPv6 address in brackets, or read logs that put the port after the last colon with parse_endpoint(text, 'last-colon')."));
	else if (part && err->problem != EP_PROBLEM_EMPTY)
		port_errsave(escontext,
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"endpoint", port_shorten_input(s, len)),
					 errdetail("At \"%s\": %s", part, detail));
	else
		port_errsave(escontext,
					 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"endpoint", port_shorten_input(s, len)),
					 errdetail("%s", detail));
}

PG_FUNCTION_INFO_V1(endpoint_in);
Datum
endpoint_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	size_t		len = strlen(s);
	ep_value	v;
	ep_error	err;
	ep_status	st = ep_parse(s, len, EP_STYLE_BRACKETED, &v, &err);

	if (st != EP_OK)
	{
		/* fcinfo->context is the soft-error context on 16+ (NULL before) */
		endpoint_report(s, len, st, &err, fcinfo->context);
		PG_RETURN_NULL();
	}
	return endpoint_value_datum(&v);
}

PG_FUNCTION_INFO_V1(endpoint_out);
Datum
endpoint_out(PG_FUNCTION_ARGS)
{
	ep_value	v;
	char	   *buf = palloc(EP_TEXT_MAX);

	PG_GETARG_ENDPOINT_VALUE(0, &v);
	ep_format(&v, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary form: the family (4 or 6) in one byte, the address (4 or 16
 * bytes) and the port (2 bytes), in network byte order.
 */
PG_FUNCTION_INFO_V1(endpoint_recv);
Datum
endpoint_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	ep_value	v;
	int			family = pq_getmsgbyte(buf);
	int			alen;

	memset(&v, 0, sizeof(v));
	if (family != EP_FAMILY_V4 && family != EP_FAMILY_V6)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid address family %d in binary endpoint", family),
				errdetail("The family is 4 (IPv4) or 6 (IPv6)."));
	v.family = (uint8_t) family;
	alen = family == EP_FAMILY_V4 ? 4 : 16;
	if (buf->len - buf->cursor != alen + 2)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary endpoint: %d bytes, expected %d",
					   buf->len, alen + 3));
	pq_copymsgbytes(buf, (char *) v.addr, alen);
	v.port = (uint16) pq_getmsgint(buf, 2);
	return endpoint_value_datum(&v);
}

PG_FUNCTION_INFO_V1(endpoint_send);
Datum
endpoint_send(PG_FUNCTION_ARGS)
{
	ep_value	v;
	StringInfoData buf;

	PG_GETARG_ENDPOINT_VALUE(0, &v);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, v.family);
	pq_sendbytes(&buf, (const char *) v.addr, v.family == EP_FAMILY_V4 ? 4 : 16);
	pq_sendint16(&buf, v.port);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}


/*****************************************************************************
 * Construction and accessors
 *****************************************************************************/

PG_FUNCTION_INFO_V1(endpoint_make);
Datum
endpoint_make(PG_FUNCTION_ARGS)
{
	inet	   *addr = PG_GETARG_INET_PP(0);
	ep_value	v;

	endpoint_inet_value(addr, "the address of an endpoint", &v);
	v.port = PG_GETARG_PORT(1);
	return endpoint_value_datum(&v);
}

PG_FUNCTION_INFO_V1(endpoint_make_int4);
Datum
endpoint_make_int4(PG_FUNCTION_ARGS)
{
	inet	   *addr = PG_GETARG_INET_PP(0);
	ep_value	v;

	endpoint_inet_value(addr, "the address of an endpoint", &v);
	v.port = port_check_int64(PG_GETARG_INT32(1));
	return endpoint_value_datum(&v);
}

PG_FUNCTION_INFO_V1(endpoint_address);
Datum
endpoint_address(PG_FUNCTION_ARGS)
{
	ep_value	v;
	inet	   *result = palloc0(sizeof(inet));

	PG_GETARG_ENDPOINT_VALUE(0, &v);
	ip_family(result) = v.family == EP_FAMILY_V4 ? PGSQL_AF_INET : PGSQL_AF_INET6;
	ip_bits(result) = v.family == EP_FAMILY_V4 ? 32 : 128;
	memcpy(ip_addr(result), v.addr, v.family == EP_FAMILY_V4 ? 4 : 16);
	SET_INET_VARSIZE(result);
	PG_RETURN_INET_P(result);
}

PG_FUNCTION_INFO_V1(endpoint_port);
Datum
endpoint_port(PG_FUNCTION_ARGS)
{
	ep_value	v;

	PG_GETARG_ENDPOINT_VALUE(0, &v);
	PG_RETURN_PORT(v.port);
}

PG_FUNCTION_INFO_V1(endpoint_family);
Datum
endpoint_family(PG_FUNCTION_ARGS)
{
	ep_value	v;

	PG_GETARG_ENDPOINT_VALUE(0, &v);
	PG_RETURN_INT32(v.family);
}


/*****************************************************************************
 * Comparison and index support
 *****************************************************************************/

/* compare two endpoint Datums: family, then address, then port */
static int
endpoint_cmp_datums(Datum a, Datum b)
{
	struct varlena *pa = PG_DETOAST_DATUM_PACKED(a);
	struct varlena *pb = PG_DETOAST_DATUM_PACKED(b);
	int			c;

	c = ep_compare_packed((const uint8_t *) VARDATA_ANY(pa), VARSIZE_ANY_EXHDR(pa),
						  (const uint8_t *) VARDATA_ANY(pb), VARSIZE_ANY_EXHDR(pb));
	if ((void *) pa != (void *) DatumGetPointer(a))
		pfree(pa);
	if ((void *) pb != (void *) DatumGetPointer(b))
		pfree(pb);
	return c;
}

#define ENDPOINT_CMP(a, b)	endpoint_cmp_datums(PG_GETARG_DATUM(a), PG_GETARG_DATUM(b))

PG_FUNCTION_INFO_V1(endpoint_eq);
Datum
endpoint_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENDPOINT_CMP(0, 1) == 0);
}

PG_FUNCTION_INFO_V1(endpoint_ne);
Datum
endpoint_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENDPOINT_CMP(0, 1) != 0);
}

PG_FUNCTION_INFO_V1(endpoint_lt);
Datum
endpoint_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENDPOINT_CMP(0, 1) < 0);
}

PG_FUNCTION_INFO_V1(endpoint_le);
Datum
endpoint_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENDPOINT_CMP(0, 1) <= 0);
}

PG_FUNCTION_INFO_V1(endpoint_gt);
Datum
endpoint_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENDPOINT_CMP(0, 1) > 0);
}

PG_FUNCTION_INFO_V1(endpoint_ge);
Datum
endpoint_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ENDPOINT_CMP(0, 1) >= 0);
}

PG_FUNCTION_INFO_V1(endpoint_cmp);
Datum
endpoint_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ENDPOINT_CMP(0, 1));
}

static int
endpoint_fastcmp(Datum a, Datum b, SortSupport ssup)
{
	(void) ssup;
	return endpoint_cmp_datums(a, b);
}

PG_FUNCTION_INFO_V1(endpoint_sortsupport);
Datum
endpoint_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = endpoint_fastcmp;
	PG_RETURN_VOID();
}

/* smaller and larger, for min() and max() */
PG_FUNCTION_INFO_V1(endpoint_smaller);
Datum
endpoint_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(ENDPOINT_CMP(0, 1) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

PG_FUNCTION_INFO_V1(endpoint_larger);
Datum
endpoint_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(ENDPOINT_CMP(0, 1) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* hashing: the stored bytes, whose length tells the family */
PG_FUNCTION_INFO_V1(endpoint_hash);
Datum
endpoint_hash(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	Datum		result = hash_any((const unsigned char *) VARDATA_ANY(p),
								  (int) VARSIZE_ANY_EXHDR(p));

	PG_FREE_IF_COPY(p, 0);
	return result;
}

PG_FUNCTION_INFO_V1(endpoint_hash_extended);
Datum
endpoint_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *p = PG_GETARG_VARLENA_PP(0);
	Datum		result = hash_any_extended((const unsigned char *) VARDATA_ANY(p),
										   (int) VARSIZE_ANY_EXHDR(p),
										   PG_GETARG_INT64(1));

	PG_FREE_IF_COPY(p, 0);
	return result;
}


/*****************************************************************************
 * Networks: endpoint <<= inet, inet >>= endpoint
 *****************************************************************************/

static bool
endpoint_in_inet(Datum ep, const inet *net)
{
	ep_value	v;

	endpoint_datum_value(ep, &v);
	return ep_in_network(&v,
						 ip_family(net) == PGSQL_AF_INET ? EP_FAMILY_V4 : EP_FAMILY_V6,
						 ip_addr(net), ip_bits(net));
}

PG_FUNCTION_INFO_V1(endpoint_in_network);
Datum
endpoint_in_network(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(endpoint_in_inet(PG_GETARG_DATUM(0), PG_GETARG_INET_PP(1)));
}

PG_FUNCTION_INFO_V1(network_contains_endpoint);
Datum
network_contains_endpoint(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(endpoint_in_inet(PG_GETARG_DATUM(1), PG_GETARG_INET_PP(0)));
}

/*
 * endpoint_network_clause
 *		For a call of endpoint_in_network(e, net) or network_contains_endpoint(
 *		net, e), find which argument is the endpoint and whether the network
 *		is a non-null constant; if so, set *lo and *hi to the least and the
 *		greatest endpoint in the network.
 */
static bool
endpoint_network_clause(Oid funcid, List *args, int *eparg, Datum *lo, Datum *hi)
{
	Node	   *netarg;
	const char *fname;
	inet	   *net;
	ep_value	vlo,
				vhi;

	if (list_length(args) != 2)
		return false;
	fname = get_func_name(funcid);
	if (fname == NULL)
		return false;
	if (strcmp(fname, "endpoint_in_network") == 0)
		*eparg = 0;
	else if (strcmp(fname, "network_contains_endpoint") == 0)
		*eparg = 1;
	else
		return false;
	netarg = (Node *) list_nth(args, 1 - *eparg);
	if (!IsA(netarg, Const) || ((Const *) netarg)->constisnull)
		return false;
	net = DatumGetInetPP(((Const *) netarg)->constvalue);
	if (!ep_network_bounds(ip_family(net) == PGSQL_AF_INET ? EP_FAMILY_V4 : EP_FAMILY_V6,
						   ip_addr(net), ip_bits(net), &vlo, &vhi))
		return false;
	*lo = endpoint_value_datum(&vlo);
	*hi = endpoint_value_datum(&vhi);
	return true;
}

/* key >= lo AND key <= hi, with the operators of a btree family */
static List *
endpoint_range_quals(Oid opfamily, Oid typid, Node *key, Datum lo, Datum hi)
{
	Oid			ge_op = get_opfamily_member(opfamily, typid, typid,
											BTGreaterEqualStrategyNumber);
	Oid			le_op = get_opfamily_member(opfamily, typid, typid,
											BTLessEqualStrategyNumber);

	if (!OidIsValid(ge_op) || !OidIsValid(le_op))
		return NIL;
	return list_make2(make_opclause(ge_op, BOOLOID, false, (Expr *) copyObject(key),
									(Expr *) makeConst(typid, -1, InvalidOid, -1,
													   lo, false, false),
									InvalidOid, InvalidOid),
					  make_opclause(le_op, BOOLOID, false, (Expr *) copyObject(key),
									(Expr *) makeConst(typid, -1, InvalidOid, -1,
													   hi, false, false),
									InvalidOid, InvalidOid));
}

/*
 * endpoint_network_support
 *		Planner support of <<= and >>=: "e <<= '10.0.0.0/8'" becomes the
 *		btree (or BRIN) condition "e >= '10.0.0.0:0' AND e <= '10.255.255.255:
 *		65535'", which is exact: endpoints order by family first, so no
 *		endpoint of another family or outside the network lies in between.
 */
PG_FUNCTION_INFO_V1(endpoint_network_support);
Datum
endpoint_network_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;
		List	   *args;
		int			eparg;
		Datum		lo,
					hi;
		Node	   *key;
		Oid			coltype;
		List	   *quals;

		if (is_opclause(req->node))
			args = ((OpExpr *) req->node)->args;
		else if (is_funcclause(req->node))
			args = ((FuncExpr *) req->node)->args;
		else
			PG_RETURN_POINTER(NULL);
		if (req->index->relam != BTREE_AM_OID && req->index->relam != BRIN_AM_OID)
			PG_RETURN_POINTER(NULL);
		if (!endpoint_network_clause(req->funcid, args, &eparg, &lo, &hi) ||
			eparg != req->indexarg)
			PG_RETURN_POINTER(NULL);
		key = (Node *) list_nth(args, eparg);
		coltype = req->index->opcintype[req->indexcol];
		if (coltype != exprType(key))
			PG_RETURN_POINTER(NULL);
		quals = endpoint_range_quals(req->opfamily, coltype, key, lo, hi);
		req->lossy = false;
		PG_RETURN_POINTER(quals);
	}

	PG_RETURN_POINTER(NULL);
}

/*
 * endpoint_network_sel
 *		Restriction estimator of <<= and >>=: the selectivity of the range
 *		condition the network stands for, from the endpoint column's
 *		histogram (clauselist_selectivity() treats the pair as one range).
 */
PG_FUNCTION_INFO_V1(endpoint_network_sel);
Datum
endpoint_network_sel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	int			eparg;
	Datum		lo,
				hi;
	Node	   *key;
	Oid			typid;
	Oid			opclass;
	List	   *quals;
	Selectivity selec;

	if (!endpoint_network_clause(get_opcode(operator), args, &eparg, &lo, &hi))
		PG_RETURN_FLOAT8(DEFAULT_RANGE_INEQ_SEL);
	key = (Node *) list_nth(args, eparg);
	typid = exprType(key);
	opclass = GetDefaultOpClass(typid, BTREE_AM_OID);
	if (!OidIsValid(opclass))
		PG_RETURN_FLOAT8(DEFAULT_RANGE_INEQ_SEL);
	quals = endpoint_range_quals(get_opclass_family(opclass), typid, key, lo, hi);
	if (quals == NIL)
		PG_RETURN_FLOAT8(DEFAULT_RANGE_INEQ_SEL);
	selec = clauselist_selectivity(root, quals, varRelid, JOIN_INNER, NULL);
	CLAMP_PROBABILITY(selec);
	PG_RETURN_FLOAT8(selec);
}


/*****************************************************************************
 * Log-format helpers
 *****************************************************************************/

/* "bracketed" or "last-colon" */
static ep_style
endpoint_style_arg(text *style)
{
	char	   *s = text_to_cstring(style);

	if (pg_strcasecmp(s, "bracketed") == 0)
		return EP_STYLE_BRACKETED;
	if (pg_strcasecmp(s, "last-colon") == 0)
		return EP_STYLE_LAST_COLON;
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown endpoint style \"%s\"", port_shorten_input(s, strlen(s))),
			errdetail("The styles are \"bracketed\" (the endpoint type's syntax) and \"last-colon\" (the port follows the last colon, as HAProxy and netstat write IPv6)."));
	return EP_STYLE_BRACKETED;	/* keep the compiler quiet */
}

/* parse_endpoint(text, style text, null_on_error bool) */
PG_FUNCTION_INFO_V1(endpoint_parse_text);
Datum
endpoint_parse_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	ep_style	style = endpoint_style_arg(PG_GETARG_TEXT_PP(1));
	bool		null_on_error = PG_GETARG_BOOL(2);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	ep_value	v;
	ep_error	err;
	ep_status	st = ep_parse(s, len, style, &v, &err);

	if (st != EP_OK)
	{
		if (null_on_error)
			PG_RETURN_NULL();
		endpoint_report(s, len, st, &err, NULL);
	}
	return endpoint_value_datum(&v);
}

/* state of docker_ports() between calls */
typedef struct DockerState
{
	text	   *input;
	size_t		pos;
	bool		have;			/* a mapping in progress */
	ep_docker_mapping m;
	uint32		offset;			/* within the mapping's port range */
	Oid			protocol_type;
} DockerState;

static void
endpoint_docker_error(const char *s, size_t len, ep_status st, const ep_error *err)
{
	char	   *part = err->len > 0 ? port_shorten_input(s + err->off, err->len) : pstrdup("");

	ereport(ERROR,
			errcode(st == EP_RANGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
					: ERRCODE_INVALID_TEXT_REPRESENTATION),
			errmsg("invalid Docker port mapping: \"%s\"", port_shorten_input(s, len)),
			errdetail("At \"%s\": %s", part, ep_problem_text(err->problem)));
}

/*
 * docker_ports(text) RETURNS TABLE (host endpoint, container_port port,
 * protocol transport_protocol): the PORTS column of "docker ps", one row
 * per container port; host is NULL for a port that is exposed but not
 * published.  Ranges give a row per port, produced one at a time.
 */
PG_FUNCTION_INFO_V1(endpoint_docker_ports);
Datum
endpoint_docker_ports(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	DockerState *st;
	const char *s;
	size_t		len;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	HeapTuple	tuple;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;

		port_srf_init(fcinfo, 0);
		funcctx = SRF_PERCALL_SETUP();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		st = palloc0(sizeof(DockerState));
		st->input = PG_GETARG_TEXT_P_COPY(0);
		st->protocol_type = TupleDescAttr(funcctx->tuple_desc, 2)->atttypid;
		funcctx->user_fctx = st;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	st = (DockerState *) funcctx->user_fctx;
	s = VARDATA_ANY(st->input);
	len = VARSIZE_ANY_EXHDR(st->input);

	if (!st->have)
	{
		bool		found;
		ep_error	err;
		ep_status	rc = ep_docker_next(s, len, &st->pos, &found, &st->m, &err);

		if (rc != EP_OK)
			endpoint_docker_error(s, len, rc, &err);
		if (!found)
			SRF_RETURN_DONE(funcctx);
		st->have = true;
		st->offset = 0;
	}

	if (st->m.has_host)
	{
		ep_value	h = st->m.host;

		h.port = (uint16) (st->m.host.port + st->offset);
		values[0] = endpoint_value_datum(&h);
	}
	else
		nulls[0] = true;
	values[1] = PortGetDatum(st->m.container_first + st->offset);
	values[2] = ObjectIdGetDatum(port_enum_label_oid(st->protocol_type, st->m.protocol));
	if (st->m.container_first + st->offset >= st->m.container_last)
		st->have = false;
	else
		st->offset++;

	tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
	SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
}

/*
 * nginx_upstream_addrs(text, null_on_error bool) RETURNS endpoint[]: the
 * servers of nginx's $upstream_addr in order; a unix socket or an upstream
 * group name is a NULL element.  A malformed item is an error, or a NULL
 * element with null_on_error.
 */
PG_FUNCTION_INFO_V1(endpoint_nginx_upstreams);
Datum
endpoint_nginx_upstreams(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	bool		null_on_error = PG_GETARG_BOOL(1);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	Oid			elemtype;
	ArrayBuildState *astate = NULL;
	size_t		pos = 0;
	int			n = 0;

	/* the element type, endpoint, from the function's own declaration */
	if (fcinfo->flinfo->fn_extra == NULL)
	{
		Oid		   *cached = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid));

		*cached = get_element_type(get_func_rettype(fcinfo->flinfo->fn_oid));
		if (!OidIsValid(*cached))
			elog(ERROR, "nginx_upstream_addrs must return an array");
		fcinfo->flinfo->fn_extra = cached;
	}
	elemtype = *(Oid *) fcinfo->flinfo->fn_extra;
	for (;;)
	{
		bool		found;
		ep_upstream_kind kind;
		ep_value	v;
		ep_error	err;
		ep_status	rc = ep_upstream_next(s, len, &pos, &found, &kind, &v, &err);

		if (rc == EP_OK && !found)
			break;
		if (rc != EP_OK && !null_on_error)
		{
			char	   *part = err.len > 0 ? port_shorten_input(s + err.off, err.len) : pstrdup("");

			ereport(ERROR,
					errcode(rc == EP_RANGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
							: ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid nginx upstream address list: \"%s\"",
						   port_shorten_input(s, len)),
					errdetail("At \"%s\": %s", part, ep_problem_text(err.problem)));
		}
		if (rc == EP_OK && kind == EP_UPSTREAM_ENDPOINT)
			astate = accumArrayResult(astate, endpoint_value_datum(&v), false,
									  elemtype, CurrentMemoryContext);
		else
			astate = accumArrayResult(astate, (Datum) 0, true,
									  elemtype, CurrentMemoryContext);
		n++;
	}
	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(elemtype));
	PG_RETURN_DATUM(makeArrayResult(astate, CurrentMemoryContext));
}
