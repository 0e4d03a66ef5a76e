/*-------------------------------------------------------------------------
 *
 * service.c
 *	  SQL access to the bundled IANA service-name registry.
 *
 * The registry is compiled into the library from data/services.csv and
 * data/defacto.csv (tools/gen_registry.pl generates src/registry_data.c at
 * build time; src/registry.c looks it up).  A lookup is a constant-time
 * table access: port_service(dst_port) over millions of rows runs no query.
 * The service_registry and service_defacto tables are filled from the same
 * compiled data at CREATE EXTENSION, so they cannot disagree with it.
 *
 * The file reads: name resolution for port input, protocol arguments,
 * port -> name and name -> port lookups, the rows for the tables, and the
 * snapshot string.
 *
 * src/service.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "access/htup_details.h"
#include "catalog/pg_proc.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "port.h"
#include "registry.h"

/*
 * port_lookup_service_any
 *		The port of a service name in any transport protocol, or -1: the
 *		registry's reg_resolve_name_any(), kept for callers of 1.0's C API.
 *		The port input function calls the registry directly.
 */
int32
port_lookup_service_any(const char *name, size_t len)
{
	return reg_resolve_name_any(name, len);
}


/*****************************************************************************
 * Per-call-site state
 *
 * A protocol argument is the SQL enum transport_protocol (labels tcp, udp,
 * sctp, dccp, in the order of reg_proto; their OIDs are looked up once per
 * call site), text (an IANA protocol keyword or number, as logs write it:
 * 'tcp', 'TCP', '6', 'icmp') or int4 (an IANA protocol number: 6, 17).
 * port_service() also keeps the text values it has returned, keyed by the
 * registry's name pointer, so that a lookup over millions of rows does not
 * build a new text for every row: the same value is returned for every row
 * with the same name (a function's result is never modified or freed by
 * its caller, so sharing it is safe).
 *****************************************************************************/

/* slots of the name cache: a power of two, above the number of names */
#define SERVICE_CACHE_SLOTS 8192

typedef struct ServiceCache
{
	Oid			argtype;		/* type of the protocol argument */
	Oid			label_oid[REG_NPROTO];
	const char **keys;			/* name pointers; NULL until first use */
	text	  **vals;			/* their text values, in fn_mcxt */
	int			nused;
} ServiceCache;

static ServiceCache *
port_service_cache(FunctionCallInfo fcinfo, int protoargno)
{
	ServiceCache *cache = (ServiceCache *) fcinfo->flinfo->fn_extra;
	Oid			argtype;
	int			i;

	if (cache != NULL)
		return cache;

	argtype = get_fn_expr_argtype(fcinfo->flinfo, protoargno);
	if (!OidIsValid(argtype))
	{
		HeapTuple	tp = SearchSysCache1(PROCOID,
										 ObjectIdGetDatum(fcinfo->flinfo->fn_oid));

		if (!HeapTupleIsValid(tp))
			elog(ERROR, "cache lookup failed for function %u",
				 fcinfo->flinfo->fn_oid);
		argtype = ((Form_pg_proc) GETSTRUCT(tp))->proargtypes.values[protoargno];
		ReleaseSysCache(tp);
	}

	cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ServiceCache));
	cache->argtype = argtype;
	if (argtype != TEXTOID && argtype != INT4OID)
	{
		for (i = 0; i < REG_NPROTO; i++)
			cache->label_oid[i] = port_enum_label_oid(argtype, reg_proto_name(i));
	}
	fcinfo->flinfo->fn_extra = cache;
	return cache;
}

/*
 * port_proto_value
 *		The reg_proto of an IP protocol given as text or number, or -1 for a
 *		protocol without ports or unknown to the registry; 22P02 for a
 *		malformed one, 22003 for a number outside 0..255.
 */
static int
port_proto_value(reg_ipp_result r, reg_proto proto, const char *s, size_t len,
				 int64 number)
{
	switch (r)
	{
		case REG_IPP_PORTS:
			return (int) proto;
		case REG_IPP_NOPORTS:
		case REG_IPP_UNKNOWN:
			return -1;
		case REG_IPP_RANGE:
			if (s != NULL)
				ereport(ERROR,
						(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("IP protocol number \"%s\" is out of range",
								pnstrdup(s, Min(len, 64))),
						 errdetail("IP protocol numbers are integers from 0 to 255.")));
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("IP protocol number %lld is out of range",
							(long long) number),
					 errdetail("IP protocol numbers are integers from 0 to 255.")));
			break;
		case REG_IPP_SYNTAX:
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid IP protocol: \"%s\"", pnstrdup(s, Min(len, 64))),
			 errdetail("A protocol is an IANA protocol keyword such as \"tcp\" or \"udp\", or a number from 0 to 255.")));
	return -1;					/* keep compiler quiet */
}

/* the reg_proto of a protocol argument, or -1 (the result is NULL) */
static int
port_proto_arg(FunctionCallInfo fcinfo, int argno)
{
	ServiceCache *cache = port_service_cache(fcinfo, argno);
	reg_proto	proto = REG_TCP;
	Oid			value;
	int			i;

	if (cache->argtype == TEXTOID)
	{
		text	   *t = PG_GETARG_TEXT_PP(argno);
		const char *s = VARDATA_ANY(t);
		size_t		len = VARSIZE_ANY_EXHDR(t);

		reg_ipp_result r = reg_ipproto_parse(s, len, &proto);

		return port_proto_value(r, proto, s, len, 0);
	}
	if (cache->argtype == INT4OID)
	{
		int32		n = PG_GETARG_INT32(argno);
		reg_ipp_result r = reg_ipproto_number(n, &proto);

		return port_proto_value(r, proto, NULL, 0, n);
	}
	value = PG_GETARG_OID(argno);
	for (i = 0; i < REG_NPROTO; i++)
		if (cache->label_oid[i] == value)
			return i;
	elog(ERROR, "unexpected transport protocol %u", value);
	return -1;					/* keep compiler quiet */
}

/* a registry name as text, from the call site's cache when possible */
static Datum
port_name_datum(FunctionCallInfo fcinfo, const char *name)
{
	ServiceCache *cache = (ServiceCache *) fcinfo->flinfo->fn_extra;
	uint32		mask = SERVICE_CACHE_SLOTS - 1;
	uint32		h;

	if (cache->keys == NULL)
	{
		cache->keys = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
											 sizeof(const char *) * SERVICE_CACHE_SLOTS);
		cache->vals = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
											 sizeof(text *) * SERVICE_CACHE_SLOTS);
	}

	h = (uint32) (((uint64) (uintptr_t) name * UINT64CONST(0x9E3779B97F4A7C15)) >> 40) & mask;
	for (;;)
	{
		if (cache->keys[h] == name)
			return PointerGetDatum(cache->vals[h]);
		if (cache->keys[h] == NULL)
			break;
		h = (h + 1) & mask;
	}

	/* keep the table at most three quarters full; beyond, build a copy */
	if (cache->nused >= SERVICE_CACHE_SLOTS / 4 * 3)
		return PointerGetDatum(cstring_to_text(name));

	cache->vals[h] = (text *) MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
												 VARHDRSZ + strlen(name));
	SET_VARSIZE(cache->vals[h], VARHDRSZ + strlen(name));
	memcpy(VARDATA(cache->vals[h]), name, strlen(name));
	cache->keys[h] = name;
	cache->nused++;
	return PointerGetDatum(cache->vals[h]);
}


/*****************************************************************************
 * Lookups
 *****************************************************************************/

/* port_service(port, protocol, include_defacto): primary name or NULL */
static Datum
port_service_common(FunctionCallInfo fcinfo, uint16 port)
{
	int			proto = port_proto_arg(fcinfo, 1);
	bool		include_defacto = PG_GETARG_BOOL(2);
	const char *name = NULL;

	if (proto < 0)
		PG_RETURN_NULL();

	if (include_defacto)
		name = reg_defacto_name(port, proto);
	if (name == NULL)
		name = reg_primary_name(port, proto);
	if (name == NULL)
		PG_RETURN_NULL();
	return port_name_datum(fcinfo, name);
}

PG_FUNCTION_INFO_V1(port_service);
Datum
port_service(PG_FUNCTION_ARGS)
{
	return port_service_common(fcinfo, PG_GETARG_PORT(0));
}

PG_FUNCTION_INFO_V1(port_service_int4);
Datum
port_service_int4(PG_FUNCTION_ARGS)
{
	return port_service_common(fcinfo, port_check_int64(PG_GETARG_INT32(0)));
}

/* defacto_service(port, protocol): the de-facto use, or NULL */
static Datum
port_defacto_common(FunctionCallInfo fcinfo, uint16 port)
{
	int			proto = port_proto_arg(fcinfo, 1);
	const char *name = proto < 0 ? NULL : reg_defacto_name(port, proto);

	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}

PG_FUNCTION_INFO_V1(port_defacto_service);
Datum
port_defacto_service(PG_FUNCTION_ARGS)
{
	return port_defacto_common(fcinfo, PG_GETARG_PORT(0));
}

PG_FUNCTION_INFO_V1(port_defacto_service_int4);
Datum
port_defacto_service_int4(PG_FUNCTION_ARGS)
{
	return port_defacto_common(fcinfo, port_check_int64(PG_GETARG_INT32(0)));
}

/*
 * service_port(name, protocol, include_defacto): the port of a service
 * name (case-insensitive), or NULL.  IANA names and aliases first (the
 * port /etc/services gives, else where the name is primary, else the
 * lowest), then common names, then, on request, de-facto ones.
 */
PG_FUNCTION_INFO_V1(port_service_port);
Datum
port_service_port(PG_FUNCTION_ARGS)
{
	text	   *name = PG_GETARG_TEXT_PP(0);
	int			proto = port_proto_arg(fcinfo, 1);
	bool		include_defacto = PG_GETARG_BOOL(2);
	int32		port;

	if (proto < 0)
		PG_RETURN_NULL();
	port = reg_resolve_name(VARDATA_ANY(name), VARSIZE_ANY_EXHDR(name), proto);
	if (port < 0 && include_defacto)
		port = reg_defacto_port_by_name(VARDATA_ANY(name),
										VARSIZE_ANY_EXHDR(name), proto);
	if (port < 0)
		PG_RETURN_NULL();
	PG_RETURN_PORT((uint16) port);
}


/*****************************************************************************
 * Rows for the service_registry and service_defacto tables
 *****************************************************************************/

static Datum
port_text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

/* the enum Datum of a protocol, through the column's type */
static Datum
port_proto_datum(Oid enumtype, int proto)
{
	return ObjectIdGetDatum(port_enum_label_oid(enumtype, reg_proto_name(proto)));
}

PG_FUNCTION_INFO_V1(port_registry_rows);
Datum
port_registry_rows(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	reg_entry	e;

	if (SRF_IS_FIRSTCALL())
		port_srf_init(fcinfo, reg_entry_count());
	funcctx = SRF_PERCALL_SETUP();

	if (funcctx->call_cntr < funcctx->max_calls &&
		reg_entry_get(funcctx->call_cntr, &e))
	{
		Datum		values[15];
		bool		nulls[15];
		HeapTuple	tuple;

		memset(nulls, 0, sizeof(nulls));
		values[0] = PortGetDatum(e.port_low);
		values[1] = PortGetDatum(e.port_high);
		values[2] = port_proto_datum(TupleDescAttr(funcctx->tuple_desc, 2)->atttypid,
									 e.proto);
		values[3] = port_text_or_null(e.name, &nulls[3]);
		values[4] = Int16GetDatum(e.rank);
		nulls[4] = (e.rank == 0);
		values[5] = CStringGetTextDatum(reg_status_name(e.status));
		values[6] = port_text_or_null(e.description, &nulls[6]);
		values[7] = port_text_or_null(e.assignee, &nulls[7]);
		values[8] = port_text_or_null(e.contact, &nulls[8]);
		values[9] = port_text_or_null(e.registered, &nulls[9]);
		values[10] = port_text_or_null(e.modified, &nulls[10]);
		values[11] = port_text_or_null(e.reference, &nulls[11]);
		values[12] = port_text_or_null(e.sources, &nulls[12]);
		/* 1.1's registry_rows() adds notes and unauthorized; 1.0's has 13 */
		values[13] = port_text_or_null(e.notes, &nulls[13]);
		values[14] = port_text_or_null(e.unauthorized, &nulls[14]);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

PG_FUNCTION_INFO_V1(port_defacto_rows);
Datum
port_defacto_rows(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	const reg_defacto *d;

	if (SRF_IS_FIRSTCALL())
		port_srf_init(fcinfo, reg_defacto_count());
	funcctx = SRF_PERCALL_SETUP();

	if (funcctx->call_cntr < funcctx->max_calls &&
		(d = reg_defacto_at(funcctx->call_cntr)) != NULL)
	{
		Datum		values[5];
		bool		nulls[5];
		HeapTuple	tuple;

		memset(nulls, 0, sizeof(nulls));
		values[0] = PortGetDatum(d->port);
		values[1] = port_proto_datum(TupleDescAttr(funcctx->tuple_desc, 1)->atttypid,
									 d->proto);
		values[2] = CStringGetTextDatum(d->name);
		values[3] = port_text_or_null(d->description, &nulls[3]);
		values[4] = port_text_or_null(d->source, &nulls[4]);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

PG_FUNCTION_INFO_V1(port_common_rows);
Datum
port_common_rows(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	const reg_common *c;

	if (SRF_IS_FIRSTCALL())
		port_srf_init(fcinfo, reg_common_count());
	funcctx = SRF_PERCALL_SETUP();

	if (funcctx->call_cntr < funcctx->max_calls &&
		(c = reg_common_at(funcctx->call_cntr)) != NULL)
	{
		Datum		values[6];
		bool		nulls[6];
		HeapTuple	tuple;

		memset(nulls, 0, sizeof(nulls));
		values[0] = PortGetDatum(c->port);
		values[1] = port_proto_datum(TupleDescAttr(funcctx->tuple_desc, 1)->atttypid,
									 c->proto);
		values[2] = CStringGetTextDatum(c->name);
		values[3] = port_text_or_null(c->description, &nulls[3]);
		values[4] = port_text_or_null(c->source, &nulls[4]);
		values[5] = port_text_or_null(c->url, &nulls[5]);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ip_protocol(text): the IANA number of a protocol keyword or number */
PG_FUNCTION_INFO_V1(port_ip_protocol);
Datum
port_ip_protocol(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	size_t		i;
	unsigned	value = 0;
	reg_proto	proto;
	reg_ipp_result r = reg_ipproto_parse(s, len, &proto);

	if (r == REG_IPP_UNKNOWN)
		PG_RETURN_NULL();
	if (r != REG_IPP_PORTS && r != REG_IPP_NOPORTS)
		(void) port_proto_value(r, proto, s, len, 0);
	/* a number (at most 255 here); keywords may start with a digit: 3PC */
	for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		value = value * 10 + (unsigned) (s[i] - '0');
	if (i == len)
		PG_RETURN_INT32((int32) value);
	for (i = 0; i < reg_ipproto_count(); i++)
	{
		const reg_ipproto *p = reg_ipproto_at(i);

		if (strlen(p->keyword) == len && pg_strncasecmp(p->keyword, s, len) == 0)
			PG_RETURN_INT32(p->number);
	}
	/* a transport name absent from the protocol table */
	PG_RETURN_INT32(proto == REG_TCP ? 6 : proto == REG_UDP ? 17 :
					proto == REG_SCTP ? 132 : 33);
}

PG_FUNCTION_INFO_V1(port_registry_version);
Datum
port_registry_version(PG_FUNCTION_ARGS)
{
	(void) fcinfo;				/* no arguments */
	PG_RETURN_TEXT_P(cstring_to_text(reg_snapshot()));
}
