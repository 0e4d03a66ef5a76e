/*-------------------------------------------------------------------------
 *
 * portproto.c
 *	  The portproto type: a port on one transport protocol ("53/udp"),
 *	  per-protocol port sets in the syntax of ufw, firewalld, firehol, nmap,
 *	  Docker and Zeek, and which side of a flow is the service.
 *
 * A portproto is 4 bytes passed by value: (port << 16) | IANA protocol
 * number.  Like port (see port.h), every Datum is made from the int32 bit
 * pattern, which is what PostgreSQL reads back from a tuple; comparing
 * Datums as unsigned integers then sorts by port, then protocol number.
 * Parsing and printing are in the backend-independent portproto_core.c.
 *
 * The file reads top to bottom: I/O, constructors and accessors, casts,
 * comparisons, index support, registry lookups, the flow side, and the
 * service-spec parser and printer.
 *
 * src/portproto.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/sortsupport.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "port.h"
#include "portproto_core.h"
#include "prange.h"
#include "registry.h"

#define DatumGetPortProto(X)	DatumGetUInt32(X)
#define PortProtoGetDatum(X)	Int32GetDatum((int32) (X))
#define PG_GETARG_PORTPROTO(n)	DatumGetPortProto(PG_GETARG_DATUM(n))
#define PG_RETURN_PORTPROTO(x)	return PortProtoGetDatum(x)


/*****************************************************************************
 * Registry access: the only calls into registry.h in this file
 *****************************************************************************/

/* a service name on protocol index proto (tcp, udp, sctp, dccp) */
static int32_t
portproto_lookup(const char *name, size_t len, int proto, void *arg)
{
	(void) arg;
	return reg_port_by_name(name, len, (reg_proto) proto);
}

/* the primary IANA name (or, on request, the de-facto one), or NULL */
static const char *
portproto_name_of(uint16 port, int proto, bool include_defacto)
{
	const char *name = NULL;

	if (include_defacto)
		name = reg_defacto_name(port, (reg_proto) proto);
	if (name == NULL)
		name = reg_primary_name(port, (reg_proto) proto);
	return name;
}


/*****************************************************************************
 * Errors
 *****************************************************************************/

/*
 * Raise (or save, on 16+) a portproto_core error about input s[0..len):
 * of the portproto type, or (tool not NULL) of a service spec.
 */
static void
portproto_report(const char *tool, const char *s, size_t len,
				 const pp_error *err, Node *escontext)
{
	(void) escontext;
	if (tool != NULL && err->status != PP_ERR_NOMEM)
		ereport(ERROR,
				errcode(err->status == PP_ERR_RANGE ?
						ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE :
						ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid %s port spec \"%s\"", tool,
					   port_shorten_input(s, len)),
				errdetail("%s, at character %zu.", err->msg, err->off + 1));
	switch (err->status)
	{
		case PP_ERR_RANGE:
			port_errsave(escontext,
						 errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("value \"%s\" is out of range for type %s",
								port_shorten_input(s, len), "portproto"),
						 errdetail("%s, at character %zu.", err->msg, err->off + 1));
			break;
		case PP_ERR_NOMEM:
			ereport(ERROR,
					errcode(ERRCODE_OUT_OF_MEMORY),
					errmsg("out of memory"));
			break;
		default:
			port_errsave(escontext,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"",
								"portproto", port_shorten_input(s, len)),
						 errdetail("%s, at character %zu.", err->msg, err->off + 1));
			break;
	}
}


/*****************************************************************************
 * Input and output
 *****************************************************************************/

PG_FUNCTION_INFO_V1(portproto_in);
Datum
portproto_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	uint32		v;
	pp_error	err;

	if (portproto_parse(s, strlen(s), portproto_lookup, NULL, &v, &err) != PP_OK)
	{
		portproto_report(NULL, s, strlen(s), &err, fcinfo->context);
		PG_RETURN_NULL();
	}
	PG_RETURN_PORTPROTO(v);
}

PG_FUNCTION_INFO_V1(portproto_out);
Datum
portproto_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(PORTPROTO_TEXT_MAX);

	portproto_format(PG_GETARG_PORTPROTO(0), buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * Binary form: the port in two bytes, network order, then the IANA
 * protocol number in one byte (6, 17, 132 or 33).  Three bytes exactly.
 */
PG_FUNCTION_INFO_V1(portproto_recv);
Datum
portproto_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	uint16		port = (uint16) pq_getmsgint(buf, 2);
	int			ipproto = pq_getmsgbyte(buf);

	if (buf->cursor != buf->len)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary portproto: %d bytes, expected 3", buf->len));
	if (pp_proto_from_number(ipproto) < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				errmsg("invalid binary portproto: protocol number %d", ipproto),
				errdetail("Known are 6 (tcp), 17 (udp), 132 (sctp) and 33 (dccp)."));
	PG_RETURN_PORTPROTO(PP_MAKE(port, ipproto));
}

PG_FUNCTION_INFO_V1(portproto_send);
Datum
portproto_send(PG_FUNCTION_ARGS)
{
	uint32		v = PG_GETARG_PORTPROTO(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, PP_PORT(v));
	pq_sendbyte(&buf, PP_IPPROTO(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}


/*****************************************************************************
 * transport_protocol enum values
 *****************************************************************************/

/* the label OIDs of transport_protocol, per call site */
typedef struct ProtoEnumCache
{
	Oid			label_oid[PP_NPROTO];
} ProtoEnumCache;

/*
 * The cache for the enum type found at argument argno (or the result type
 * when argno < 0, or the given type when enumtype is valid).  It lives in
 * fn_extra: not for set-returning functions, nor together with the range
 * type cache functions (multirange_get_typcache() and friends).
 */
static ProtoEnumCache *
portproto_enum_cache(FunctionCallInfo fcinfo, int argno, Oid enumtype)
{
	ProtoEnumCache *cache = (ProtoEnumCache *) fcinfo->flinfo->fn_extra;
	int			i;

	if (cache != NULL)
		return cache;
	if (!OidIsValid(enumtype))
	{
		if (argno < 0)
			enumtype = get_func_rettype(fcinfo->flinfo->fn_oid);
		else
		{
			enumtype = get_fn_expr_argtype(fcinfo->flinfo, argno);
			if (!OidIsValid(enumtype))
			{
				HeapTuple	tp = SearchSysCache1(PROCOID,
												 ObjectIdGetDatum(fcinfo->flinfo->fn_oid));

				if (!HeapTupleIsValid(tp))
					elog(ERROR, "cache lookup failed for function %u",
						 fcinfo->flinfo->fn_oid);
				enumtype = ((Form_pg_proc) GETSTRUCT(tp))->proargtypes.values[argno];
				ReleaseSysCache(tp);
			}
		}
	}
	cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(ProtoEnumCache));
	for (i = 0; i < PP_NPROTO; i++)
		cache->label_oid[i] = port_enum_label_oid(enumtype, pp_proto_name(i));
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

/* the protocol index of a transport_protocol argument */
static int
portproto_enum_arg(FunctionCallInfo fcinfo, int argno)
{
	ProtoEnumCache *cache = portproto_enum_cache(fcinfo, argno, InvalidOid);
	Oid			value = PG_GETARG_OID(argno);
	int			i;

	for (i = 0; i < PP_NPROTO; i++)
		if (cache->label_oid[i] == value)
			return i;
	elog(ERROR, "unexpected transport protocol %u", value);
	return 0;					/* keep compiler quiet */
}


/*****************************************************************************
 * Constructors and accessors
 *****************************************************************************/

/* protocol given as text: "tcp", "UDP", ... */
static int
portproto_text_proto(text *t)
{
	int			proto = pp_proto_from_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (proto < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown transport protocol \"%s\"",
					   port_shorten_input(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))),
				errhint("Known are tcp, udp, sctp and dccp."));
	return proto;
}

/* protocol given as its IANA number: 6, 17, 132, 33 */
static int
portproto_number_proto(int32 n)
{
	int			proto = (n >= 0 && n <= 255) ? pp_proto_from_number(n) : -1;

	if (proto < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%d is not the protocol number of tcp, udp, sctp or dccp", n),
				errhint("They are 6 (tcp), 17 (udp), 132 (sctp) and 33 (dccp)."));
	return proto;
}

static Datum
portproto_make(uint16 port, int proto)
{
	PG_RETURN_PORTPROTO(PP_MAKE(port, pp_proto_number(proto)));
}

PG_FUNCTION_INFO_V1(portproto_from_enum);
Datum
portproto_from_enum(PG_FUNCTION_ARGS)
{
	return portproto_make(PG_GETARG_PORT(0), portproto_enum_arg(fcinfo, 1));
}

PG_FUNCTION_INFO_V1(portproto_from_text);
Datum
portproto_from_text(PG_FUNCTION_ARGS)
{
	return portproto_make(PG_GETARG_PORT(0), portproto_text_proto(PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(portproto_from_number);
Datum
portproto_from_number(PG_FUNCTION_ARGS)
{
	return portproto_make(PG_GETARG_PORT(0), portproto_number_proto(PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(portproto_from_int4_enum);
Datum
portproto_from_int4_enum(PG_FUNCTION_ARGS)
{
	return portproto_make(port_check_int64(PG_GETARG_INT32(0)),
						  portproto_enum_arg(fcinfo, 1));
}

PG_FUNCTION_INFO_V1(portproto_from_int4_text);
Datum
portproto_from_int4_text(PG_FUNCTION_ARGS)
{
	return portproto_make(port_check_int64(PG_GETARG_INT32(0)),
						  portproto_text_proto(PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(portproto_from_int4_number);
Datum
portproto_from_int4_number(PG_FUNCTION_ARGS)
{
	return portproto_make(port_check_int64(PG_GETARG_INT32(0)),
						  portproto_number_proto(PG_GETARG_INT32(1)));
}

/* port(portproto), also the explicit cast to port */
PG_FUNCTION_INFO_V1(portproto_port);
Datum
portproto_port(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(PP_PORT(PG_GETARG_PORTPROTO(0)));
}

PG_FUNCTION_INFO_V1(portproto_protocol);
Datum
portproto_protocol(PG_FUNCTION_ARGS)
{
	ProtoEnumCache *cache = portproto_enum_cache(fcinfo, -1, InvalidOid);
	int			proto = pp_proto_from_number(PP_IPPROTO(PG_GETARG_PORTPROTO(0)));

	PG_RETURN_OID(cache->label_oid[proto]);
}

PG_FUNCTION_INFO_V1(portproto_protocol_number);
Datum
portproto_protocol_number(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PP_IPPROTO(PG_GETARG_PORTPROTO(0)));
}


/*****************************************************************************
 * Comparisons: by port, then IANA protocol number
 *****************************************************************************/

#define PP_CMP_FN(NAME, OP) \
PG_FUNCTION_INFO_V1(NAME); \
Datum NAME(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(PG_GETARG_PORTPROTO(0) OP PG_GETARG_PORTPROTO(1)); } \
extern int no_such_variable

PP_CMP_FN(portproto_eq, ==);
PP_CMP_FN(portproto_ne, !=);
PP_CMP_FN(portproto_lt, <);
PP_CMP_FN(portproto_le, <=);
PP_CMP_FN(portproto_gt, >);
PP_CMP_FN(portproto_ge, >=);

PG_FUNCTION_INFO_V1(portproto_cmp);
Datum
portproto_cmp(PG_FUNCTION_ARGS)
{
	uint32		a = PG_GETARG_PORTPROTO(0);
	uint32		b = PG_GETARG_PORTPROTO(1);

	PG_RETURN_INT32(a < b ? -1 : (a > b ? 1 : 0));
}

PG_FUNCTION_INFO_V1(portproto_smaller);
Datum
portproto_smaller(PG_FUNCTION_ARGS)
{
	uint32		a = PG_GETARG_PORTPROTO(0);
	uint32		b = PG_GETARG_PORTPROTO(1);

	PG_RETURN_PORTPROTO(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(portproto_larger);
Datum
portproto_larger(PG_FUNCTION_ARGS)
{
	uint32		a = PG_GETARG_PORTPROTO(0);
	uint32		b = PG_GETARG_PORTPROTO(1);

	PG_RETURN_PORTPROTO(a > b ? a : b);
}


/*****************************************************************************
 * Index support
 *****************************************************************************/

/*
 * Datums are the sign-extended int32 bit pattern: values below 2^31 (ports
 * below 32768) are themselves, the rest the top 2^31 Datums, so unsigned
 * Datum order is value order, and tuplesort's specialised quicksort for
 * this comparator applies (as for port).
 */
PG_FUNCTION_INFO_V1(portproto_sortsupport);
Datum
portproto_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = ssup_datum_unsigned_cmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(portproto_hash);
Datum
portproto_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32(PG_GETARG_PORTPROTO(0));
}

PG_FUNCTION_INFO_V1(portproto_hash_extended);
Datum
portproto_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended(PG_GETARG_PORTPROTO(0), PG_GETARG_INT64(1));
}


/*****************************************************************************
 * Registry lookups
 *****************************************************************************/

/* port_service(portproto, include_defacto) */
PG_FUNCTION_INFO_V1(portproto_service);
Datum
portproto_service(PG_FUNCTION_ARGS)
{
	uint32		v = PG_GETARG_PORTPROTO(0);
	const char *name = portproto_name_of(PP_PORT(v),
										 pp_proto_from_number(PP_IPPROTO(v)),
										 PG_GETARG_BOOL(1));

	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}


/*****************************************************************************
 * Which side of a flow is the service
 *****************************************************************************/

/* the ephemeral range for the os argument; NULL os: 32768..65535 */
static void
portproto_eph_range(FunctionCallInfo fcinfo, int argno, uint16 *first, uint16 *last)
{
	if (PG_ARGISNULL(argno))
	{
		*first = 32768;
		*last = PORT_MAX;
	}
	else
	{
		const port_os_range *r = port_os_range_arg(PG_GETARG_TEXT_PP(argno));

		*first = r->first;
		*last = r->last;
	}
}

/*
 * flow_service_side(src, dst, protocol, os) -> 'src', 'dst' or 'either'
 * (the same port); flow_service_rule() names the rule that decided, and
 * flow_service_port() returns the port itself.  Each exists for port and
 * for int4 arguments.  Not STRICT in os (NULL: no OS known); NULL ports or
 * protocol give NULL.
 */
static pp_side
portproto_side(FunctionCallInfo fcinfo, bool int4_args, pp_side_rule *rule,
			   uint16 *src_out, uint16 *dst_out)
{
	uint16		src = int4_args ? port_check_int64(PG_GETARG_INT32(0)) : PG_GETARG_PORT(0);
	uint16		dst = int4_args ? port_check_int64(PG_GETARG_INT32(1)) : PG_GETARG_PORT(1);
	int			proto = portproto_enum_arg(fcinfo, 2);
	uint16		first,
				last;

	portproto_eph_range(fcinfo, 3, &first, &last);
	*src_out = src;
	*dst_out = dst;
	return pp_service_side(src, dst, first, last,
						   portproto_name_of(src, proto, true) != NULL,
						   portproto_name_of(dst, proto, true) != NULL,
						   rule);
}

static const char *
portproto_side_name(pp_side side)
{
	return side == PP_SIDE_SRC ? "src" : side == PP_SIDE_DST ? "dst" : "either";
}

#define PP_SIDE_FN(NAME, INT4, RESULT) \
PG_FUNCTION_INFO_V1(NAME); \
Datum NAME(PG_FUNCTION_ARGS) \
{ \
	pp_side_rule rule; \
	pp_side		side; \
	uint16		src, \
				dst; \
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(2)) \
		PG_RETURN_NULL(); \
	side = portproto_side(fcinfo, INT4, &rule, &src, &dst); \
	(void) side; (void) src; (void) dst; \
	RESULT; \
} \
extern int no_such_variable

PP_SIDE_FN(portproto_service_side, false,
		   PG_RETURN_TEXT_P(cstring_to_text(portproto_side_name(side))));
PP_SIDE_FN(portproto_service_side_int4, true,
		   PG_RETURN_TEXT_P(cstring_to_text(portproto_side_name(side))));
PP_SIDE_FN(portproto_service_side_rule, false,
		   PG_RETURN_TEXT_P(cstring_to_text(pp_side_rule_name(rule))));
PP_SIDE_FN(portproto_service_side_rule_int4, true,
		   PG_RETURN_TEXT_P(cstring_to_text(pp_side_rule_name(rule))));
PP_SIDE_FN(portproto_flow_service_port, false,
		   PG_RETURN_PORT(side == PP_SIDE_SRC ? src : dst));
PP_SIDE_FN(portproto_flow_service_port_int4, true,
		   PG_RETURN_PORT(side == PP_SIDE_SRC ? src : dst));


/*****************************************************************************
 * Service specs: parse_service_spec() and to_firewall(protocol, ports)
 *****************************************************************************/

static void *
portproto_realloc(void *ptr, size_t size, void *arg)
{
	(void) arg;
	if (size == 0)
	{
		if (ptr != NULL)
			pfree(ptr);
		return NULL;
	}
	return ptr ? repalloc(ptr, size) : palloc(size);
}

static pp_tool
portproto_tool_arg(text *t)
{
	int			tool = pp_tool_from_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (tool < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown tool \"%s\" for a service spec",
					   port_shorten_input(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))),
				errhint("Known are ufw, firewalld, firehol, nmap, docker and zeek."));
	return (pp_tool) tool;
}

/* a transport_protocol[] argument as a mask of protocol indexes */
static unsigned
portproto_mask_arg(FunctionCallInfo fcinfo, int argno)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(argno);
	Oid			elemtype = ARR_ELEMTYPE(arr);
	Oid			label_oid[PP_NPROTO];
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	unsigned	mask = 0;
	int			i,
				k;

	/* not portproto_enum_cache(): a set-returning function's fn_extra is taken */
	for (k = 0; k < PP_NPROTO; k++)
		label_oid[k] = port_enum_label_oid(elemtype, pp_proto_name(k));
	deconstruct_array(arr, elemtype, sizeof(Oid), true, TYPALIGN_INT,
					  &elems, &nulls, &nelems);
	for (i = 0; i < nelems; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					errmsg("the default protocols must not contain NULL"));
		for (k = 0; k < PP_NPROTO; k++)
			if (label_oid[k] == DatumGetObjectId(elems[i]))
				mask |= 1u << k;
	}
	return mask;
}

typedef struct SpecState
{
	Datum		proto[PP_NPROTO];
	Datum		ports[PP_NPROTO];
	int			n;
} SpecState;

/*
 * parse_service_spec(spec, tool, default_protocols) -> rows (protocol,
 * ports portmultirange), one per protocol that has ports, in the order
 * tcp, udp, sctp, dccp.  default_protocols NULL: the tool's own default.
 * Not STRICT in default_protocols.
 */
PG_FUNCTION_INFO_V1(portproto_parse_service_spec);
Datum
portproto_parse_service_spec(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	SpecState  *st;

	if (SRF_IS_FIRSTCALL())
	{
		text	   *spec;
		pp_tool		tool;
		unsigned	mask;
		pp_spec		res;
		MemoryContext oldcontext;
		Oid			enumtype;
		Oid			mrtype;
		TypeCacheEntry *mrcache;
		int			k;

		if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		{
			funcctx = SRF_FIRSTCALL_INIT();
			SRF_RETURN_DONE(funcctx);
		}
		spec = PG_GETARG_TEXT_PP(0);
		tool = portproto_tool_arg(PG_GETARG_TEXT_PP(1));

		port_srf_init(fcinfo, PP_NPROTO);
		funcctx = SRF_PERCALL_SETUP();
		enumtype = TupleDescAttr(funcctx->tuple_desc, 0)->atttypid;
		mrtype = TupleDescAttr(funcctx->tuple_desc, 1)->atttypid;

		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		mask = PG_ARGISNULL(2) ? pp_tool_default_mask(tool) :
			portproto_mask_arg(fcinfo, 2);
		if (pp_spec_parse(VARDATA_ANY(spec), VARSIZE_ANY_EXHDR(spec), tool, mask,
						  portproto_lookup, NULL, portproto_realloc, NULL,
						  &res) != PP_OK)
			portproto_report(pp_tool_name(tool), VARDATA_ANY(spec),
							 VARSIZE_ANY_EXHDR(spec), &res.err, NULL);

		mrcache = lookup_type_cache(mrtype, TYPECACHE_MULTIRANGE_INFO);
		if (mrcache->rngtype == NULL)
			elog(ERROR, "type %u is not a multirange type", mrtype);
		st = palloc0(sizeof(SpecState));
		for (k = 0; k < PP_NPROTO; k++)
		{
			RangeType **ranges;
			size_t		i;

			if (res.n[k] == 0)
				continue;
			ranges = palloc(sizeof(RangeType *) * res.n[k]);
			for (i = 0; i < res.n[k]; i++)
				ranges[i] = port_make_interval(mrcache->rngtype,
											   res.iv[k][i].lo, res.iv[k][i].hi);
			st->proto[st->n] = ObjectIdGetDatum(port_enum_label_oid(enumtype,
																	pp_proto_name(k)));
			st->ports[st->n] = MultirangeTypePGetDatum(make_multirange(mrtype,
																	   mrcache->rngtype,
																	   (int32) res.n[k],
																	   ranges));
			st->n++;
		}
		funcctx->user_fctx = st;
		funcctx->max_calls = st->n;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	st = (SpecState *) funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};
		HeapTuple	tuple;

		values[0] = st->proto[funcctx->call_cntr];
		values[1] = st->ports[funcctx->call_cntr];
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* to_firewall(transport_protocol, portmultirange, style) */
PG_FUNCTION_INFO_V1(portproto_spec_to_firewall);
Datum
portproto_spec_to_firewall(PG_FUNCTION_ARGS)
{
	int			proto = portproto_enum_arg(fcinfo, 0);
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(1);
	text	   *style = PG_GETARG_TEXT_PP(2);
	/* not multirange_get_typcache(): fn_extra holds the enum labels */
	TypeCacheEntry *typcache = lookup_type_cache(MultirangeTypeGetOid(mr),
												 TYPECACHE_MULTIRANGE_INFO);
	int			tool = pp_tool_from_name(VARDATA_ANY(style), VARSIZE_ANY_EXHDR(style));
	fw_interval *iv = palloc(sizeof(fw_interval) * Max(mr->rangeCount, 1));
	size_t		n = 0;
	size_t		need;
	char	   *buf;
	uint32		i;

	if (tool < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown style \"%s\" for ports with a protocol",
					   port_shorten_input(VARDATA_ANY(style), VARSIZE_ANY_EXHDR(style))),
				errhint("Known are ufw, firewalld, firehol, nmap, docker and zeek; "
						"to_firewall(ports, style) prints the other styles."));
	for (i = 0; i < mr->rangeCount; i++)
	{
		RangeType  *r = multirange_get_range(typcache->rngtype, mr, i);
		int32		lo,
					hi;

		if (port_range_interval(typcache->rngtype, r, &lo, &hi))
		{
			iv[n].lo = (uint16) lo;
			iv[n].hi = (uint16) hi;
			n++;
		}
	}
	if (n == 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("an empty set of ports cannot be written in firewall syntax"));
	need = pp_spec_format(proto, iv, n, (pp_tool) tool, NULL, 0);
	if (need == 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s cannot write these %s ports", pp_tool_name((pp_tool) tool),
					   pp_proto_name(proto)),
				errdetail("ufw knows tcp and udp only, nmap and Docker tcp, udp and sctp, "
						  "and Zeek tcp and udp single ports."));
	buf = palloc(need + 1);
	pp_spec_format(proto, iv, n, (pp_tool) tool, buf, need + 1);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, (int) need));
}
