/*-------------------------------------------------------------------------
 *
 * prange.c
 *	  The portrange range type over port, its multirange portmultirange,
 *	  and planner support for port-set predicates.
 *
 * The file reads top to bottom: range type support (canonical form,
 * subtype difference), constructors and accessors, containment of a port
 * in a range or multirange, the GiST consistent function that also accepts
 * int4 elements, and the planner support that turns "dst_port <@ range"
 * and the classification functions (is_well_known(dst_port), ...) into
 * btree/BRIN index conditions with histogram-based estimates.
 *
 * Canonical form.  Ports are discrete, so a portrange is kept as [lo,hi),
 * like int4range.  A range reaching 65535 cannot say [lo,65536), since
 * 65536 is not a port, so its upper bound becomes unbounded: '[1024,65535]'
 * is stored and printed as '[1024,)'.  An unbounded lower end becomes 0:
 * '(,1024)' is '[0,1024)'.  Every set of ports thus has exactly one
 * representation, and range equality is set equality.
 *
 * src/prange.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "catalog/pg_am.h"
#include "catalog/pg_class.h"
#include "catalog/pg_inherits.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parsetree.h"
#include "parser/parse_func.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/selfuncs.h"
#include "utils/syscache.h"
#include "utils/typcache.h"
#include "utils/multirangetypes.h"

#include "port.h"
#include "port_selfuncs.h"
#include "port_wire.h"
#include "prange.h"



/*****************************************************************************
 * Range type support
 *****************************************************************************/

PG_FUNCTION_INFO_V1(portrange_canonical);
Datum
portrange_canonical(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;
	bool		empty;

	typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_RANGE_P(r);

	if (lower.infinite)
	{
		lower.infinite = false;
		lower.val = PortGetDatum(0);
		lower.inclusive = true;
	}
	else if (!lower.inclusive)
	{
		uint16		lo = DatumGetPort(lower.val);

		/* (65535, ...) holds no port */
		if (lo == PORT_MAX)
			PG_RETURN_RANGE_P(make_empty_range(typcache));
		lower.val = PortGetDatum(lo + 1);
		lower.inclusive = true;
	}

	if (!upper.infinite && upper.inclusive)
	{
		uint16		hi = DatumGetPort(upper.val);

		if (hi == PORT_MAX)
		{
			upper.infinite = true;
			upper.val = (Datum) 0;
		}
		else
			upper.val = PortGetDatum(hi + 1);
		upper.inclusive = false;
	}

	/* [x,x) after the adjustments: empty */
	if (!upper.infinite &&
		DatumGetPort(lower.val) >= DatumGetPort(upper.val))
		PG_RETURN_RANGE_P(make_empty_range(typcache));

	PG_RETURN_RANGE_P(port_range_serialize(typcache, &lower, &upper, false));
}

/*
 * Binary input.  PostgreSQL's range_recv() and multirange_recv() read their
 * framing with pq_getmsgint()/pq_getmsgbytes(), so a short or long field
 * is a protocol error (08P01) rather than bad data, and an oversized bound
 * is not noticed.  These read the same layouts (src/port_wire.c) and reject
 * everything else with 22P03 naming the type; the 1.1 script makes them the
 * types' receive functions.  The results are exactly range_recv()'s.
 */
static RangeType *
port_range_from_wire(TypeCacheEntry *typcache, const uint8_t *p, size_t len,
					 const char *typname)
{
	port_wire_range w;
	port_wire_status st;
	RangeBound	lower;
	RangeBound	upper;

	st = port_wire_range_read(p, len, &w);
	if (st != PORT_WIRE_OK)
		port_binary_error(typname, st, len);
	lower.val = PortGetDatum(w.lower);
	lower.infinite = !w.has_lower;
	lower.inclusive = w.lower_inc;
	lower.lower = true;
	upper.val = PortGetDatum(w.upper);
	upper.infinite = !w.has_upper;
	upper.inclusive = w.upper_inc;
	upper.lower = false;
	return port_make_range(typcache, &lower, &upper, w.empty);
}

PG_FUNCTION_INFO_V1(portrange_recv);
Datum
portrange_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Oid			rngtypoid = PG_GETARG_OID(1);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, rngtypoid);
	RangeType  *r;

	r = port_range_from_wire(typcache, (const uint8_t *) buf->data + buf->cursor,
							 (size_t) (buf->len - buf->cursor), "portrange");
	buf->cursor = buf->len;
	PG_RETURN_RANGE_P(r);
}

PG_FUNCTION_INFO_V1(portmultirange_recv);
Datum
portmultirange_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	Oid			mltrngtypoid = PG_GETARG_OID(1);
	TypeCacheEntry *typcache = multirange_get_typcache(fcinfo, mltrngtypoid);
	const uint8_t *p = (const uint8_t *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	size_t		off = 4;
	int32_t		count = 0;
	RangeType **ranges;
	port_wire_status st;

	st = port_wire_multirange_count(p, len, &count);
	if (st != PORT_WIRE_OK)
		port_binary_error("portmultirange", st, len);
	ranges = palloc(sizeof(RangeType *) * Max(count, 1));
	for (int32_t i = 0; i < count; i++)
	{
		const uint8_t *rp = NULL;
		size_t		rlen = 0;

		st = port_wire_multirange_next(p, len, &off, &rp, &rlen);
		if (st != PORT_WIRE_OK)
			port_binary_error("portmultirange", st, len);
		ranges[i] = port_range_from_wire(typcache->rngtype, rp, rlen, "portmultirange");
	}
	if (off != len)
		port_binary_error("portmultirange", PORT_WIRE_TRAILING, len);
	buf->cursor = buf->len;
	PG_RETURN_MULTIRANGE_P(make_multirange(mltrngtypoid, typcache->rngtype,
										   count, ranges));
}

PG_FUNCTION_INFO_V1(port_subdiff);
Datum
port_subdiff(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8((float8) PG_GETARG_PORT(0) - (float8) PG_GETARG_PORT(1));
}


/*****************************************************************************
 * Ports of a range as an inclusive interval
 *****************************************************************************/

/*
 * port_range_interval
 *		The ports of r as [*lo, *hi]; false if r is empty.
 */
bool
port_range_interval(TypeCacheEntry *typcache, const RangeType *r,
					int32 *lo, int32 *hi)
{
	RangeBound	lower;
	RangeBound	upper;
	bool		empty;

	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		return false;
	*lo = lower.infinite ? 0 :
		DatumGetPort(lower.val) + (lower.inclusive ? 0 : 1);
	*hi = upper.infinite ? PORT_MAX :
		DatumGetPort(upper.val) - (upper.inclusive ? 0 : 1);
	return *lo <= *hi;
}

/* The i-th range of a multirange as an inclusive interval */
static bool
port_multirange_interval(TypeCacheEntry *rangetyp, const MultirangeType *mr,
						 uint32 i, int32 *lo, int32 *hi)
{
	RangeBound	lower;
	RangeBound	upper;

	multirange_get_bounds(rangetyp, mr, i, &lower, &upper);
	*lo = lower.infinite ? 0 :
		DatumGetPort(lower.val) + (lower.inclusive ? 0 : 1);
	*hi = upper.infinite ? PORT_MAX :
		DatumGetPort(upper.val) - (upper.inclusive ? 0 : 1);
	return *lo <= *hi;
}


/*****************************************************************************
 * Constructors and accessors
 *****************************************************************************/

/* the range type this function returns, from its catalog entry */
static TypeCacheEntry *
port_result_range_typcache(FunctionCallInfo fcinfo)
{
	Oid			rngtypid = get_fn_expr_rettype(fcinfo->flinfo);

	if (!OidIsValid(rngtypid))
		rngtypid = get_func_rettype(fcinfo->flinfo->fn_oid);
	return range_get_typcache(fcinfo, rngtypid);
}

/* a portrange [lo, hi] of the ports lo..hi */
RangeType *
port_make_interval(TypeCacheEntry *typcache, int32 lo, int32 hi)
{
	RangeBound	lower;
	RangeBound	upper;

	if (lo > hi)
		return make_empty_range(typcache);
	lower.val = PortGetDatum(lo);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = PortGetDatum(hi);
	upper.infinite = false;
	upper.inclusive = true;
	upper.lower = false;
	return port_make_range(typcache, &lower, &upper, false);
}

/*
 * portrange(int4, int4 [, text]): so that portrange(1024, 65535) needs no
 * casts.  NULL bounds are unbounded, as for PostgreSQL's range constructors.
 */
PG_FUNCTION_INFO_V1(portrange_from_int4);
Datum
portrange_from_int4(PG_FUNCTION_ARGS)
{
	TypeCacheEntry *typcache = port_result_range_typcache(fcinfo);
	RangeBound	lower;
	RangeBound	upper;
	const char *flags = "[)";

	if (PG_NARGS() > 2)
	{
		if (PG_ARGISNULL(2))
			ereport(ERROR,
					errcode(ERRCODE_DATA_EXCEPTION),
					errmsg("range constructor flags argument must not be null"));
		flags = text_to_cstring(PG_GETARG_TEXT_PP(2));
		if (strlen(flags) != 2 ||
			(flags[0] != '[' && flags[0] != '(') ||
			(flags[1] != ']' && flags[1] != ')'))
			ereport(ERROR,
					errcode(ERRCODE_SYNTAX_ERROR),
					errmsg("invalid range bound flags"),
					errhint("Valid values are \"[]\", \"[)\", \"(]\", and \"()\"."));
	}

	lower.infinite = PG_ARGISNULL(0);
	lower.val = lower.infinite ? (Datum) 0 :
		PortGetDatum(port_check_int64(PG_GETARG_INT32(0)));
	lower.inclusive = flags[0] == '[';
	lower.lower = true;
	upper.infinite = PG_ARGISNULL(1);
	upper.val = upper.infinite ? (Datum) 0 :
		PortGetDatum(port_check_int64(PG_GETARG_INT32(1)));
	upper.inclusive = flags[1] == ']';
	upper.lower = false;

	PG_RETURN_RANGE_P(port_make_range(typcache, &lower, &upper, false));
}

/*
 * portrange(int4, int4) since 1.1: both ends included, so portrange(22, 22)
 * is port 22 and portrange(1024, 65535) reaches 65535.  (1.0 followed
 * int4range's '[)'; portrange_from_int4 keeps that for the 1.0 script.)
 */
PG_FUNCTION_INFO_V1(portrange_from_int4_closed);
Datum
portrange_from_int4_closed(PG_FUNCTION_ARGS)
{
	TypeCacheEntry *typcache = port_result_range_typcache(fcinfo);
	RangeBound	lower;
	RangeBound	upper;

	lower.infinite = PG_ARGISNULL(0);
	lower.val = lower.infinite ? (Datum) 0 :
		PortGetDatum(port_check_int64(PG_GETARG_INT32(0)));
	lower.inclusive = true;
	lower.lower = true;
	upper.infinite = PG_ARGISNULL(1);
	upper.val = upper.infinite ? (Datum) 0 :
		PortGetDatum(port_check_int64(PG_GETARG_INT32(1)));
	upper.inclusive = true;
	upper.lower = false;

	PG_RETURN_RANGE_P(port_make_range(typcache, &lower, &upper, false));
}

/* portrange(port) and the cast port -> portrange: the one port, [p,p] */
PG_FUNCTION_INFO_V1(portrange_from_port);
Datum
portrange_from_port(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);

	PG_RETURN_RANGE_P(port_make_interval(port_result_range_typcache(fcinfo),
										 p, p));
}

/* the cast port -> portmultirange: {[p,p]} */
PG_FUNCTION_INFO_V1(portmultirange_from_port);
Datum
portmultirange_from_port(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);
	Oid			mltrngtypid = get_fn_expr_rettype(fcinfo->flinfo);
	TypeCacheEntry *typcache;
	RangeType  *r;

	if (!OidIsValid(mltrngtypid))
		mltrngtypid = get_func_rettype(fcinfo->flinfo->fn_oid);
	typcache = multirange_get_typcache(fcinfo, mltrngtypid);
	r = port_make_interval(typcache->rngtype, p, p);
	PG_RETURN_MULTIRANGE_P(make_multirange(mltrngtypid, typcache->rngtype,
										   1, &r));
}

/* the ports of a function's portrange argument 0; false if empty */
static bool
port_range_arg_interval(FunctionCallInfo fcinfo, int32 *lo, int32 *hi)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);

	return port_range_interval(range_get_typcache(fcinfo, RangeTypeGetOid(r)),
							   r, lo, hi);
}

/* first_port(portrange) and last_port(portrange): NULL when empty */
PG_FUNCTION_INFO_V1(portrange_first_port);
Datum
portrange_first_port(PG_FUNCTION_ARGS)
{
	int32		lo;
	int32		hi;

	if (!port_range_arg_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_PORT((uint16) lo);
}

PG_FUNCTION_INFO_V1(portrange_last_port);
Datum
portrange_last_port(PG_FUNCTION_ARGS)
{
	int32		lo;
	int32		hi;

	if (!port_range_arg_interval(fcinfo, &lo, &hi))
		PG_RETURN_NULL();
	PG_RETURN_PORT((uint16) hi);
}

/* port_count(portrange): how many ports it holds, 0..65536 */
PG_FUNCTION_INFO_V1(portrange_port_count);
Datum
portrange_port_count(PG_FUNCTION_ARGS)
{
	int32		lo;
	int32		hi;

	if (!port_range_arg_interval(fcinfo, &lo, &hi))
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(hi - lo + 1);
}

PG_FUNCTION_INFO_V1(portmultirange_first_port);
Datum
portmultirange_first_port(PG_FUNCTION_ARGS)
{
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(0);
	TypeCacheEntry *typcache;
	int32		lo;
	int32		hi;

	if (MultirangeIsEmpty(mr))
		PG_RETURN_NULL();
	typcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(mr));
	(void) port_multirange_interval(typcache->rngtype, mr, 0, &lo, &hi);
	PG_RETURN_PORT((uint16) lo);
}

PG_FUNCTION_INFO_V1(portmultirange_last_port);
Datum
portmultirange_last_port(PG_FUNCTION_ARGS)
{
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(0);
	TypeCacheEntry *typcache;
	int32		lo;
	int32		hi;

	if (MultirangeIsEmpty(mr))
		PG_RETURN_NULL();
	typcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(mr));
	(void) port_multirange_interval(typcache->rngtype, mr,
									mr->rangeCount - 1, &lo, &hi);
	PG_RETURN_PORT((uint16) hi);
}

PG_FUNCTION_INFO_V1(portmultirange_port_count);
Datum
portmultirange_port_count(PG_FUNCTION_ARGS)
{
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(0);
	TypeCacheEntry *typcache;
	int32		total = 0;
	uint32		i;

	typcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(mr));
	for (i = 0; i < mr->rangeCount; i++)
	{
		int32		lo;
		int32		hi;

		if (port_multirange_interval(typcache->rngtype, mr, i, &lo, &hi))
			total += hi - lo + 1;
	}
	PG_RETURN_INT32(total);
}

/* ephemeral_ports(os): the default ephemeral range of an OS */
PG_FUNCTION_INFO_V1(portrange_ephemeral);
Datum
portrange_ephemeral(PG_FUNCTION_ARGS)
{
	const port_os_range *r = port_os_range_arg(PG_GETARG_TEXT_PP(0));

	PG_RETURN_RANGE_P(port_make_interval(port_result_range_typcache(fcinfo),
										 r->first, r->last));
}


/*****************************************************************************
 * Containment of a port (or an int4) in a portrange or portmultirange
 *
 * PostgreSQL's polymorphic anyelement <@ anyrange would do for port, but
 * these functions carry the planner support below, and the int4 versions
 * make "443 <@ ports" work without a cast.  An int4 outside 0..65535 is in
 * no range: these never fail, and are LEAKPROOF.
 *****************************************************************************/

static bool
port_in_range(FunctionCallInfo fcinfo, int64 v, RangeType *r)
{
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	int32		lo;
	int32		hi;

	return port_range_interval(typcache, r, &lo, &hi) && v >= lo && v <= hi;
}

PG_FUNCTION_INFO_V1(port_contained_by_range);
Datum
port_contained_by_range(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_range(fcinfo, PG_GETARG_PORT(0), PG_GETARG_RANGE_P(1)));
}

PG_FUNCTION_INFO_V1(range_contains_port);
Datum
range_contains_port(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_range(fcinfo, PG_GETARG_PORT(1), PG_GETARG_RANGE_P(0)));
}

PG_FUNCTION_INFO_V1(int4_contained_by_range);
Datum
int4_contained_by_range(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_range(fcinfo, PG_GETARG_INT32(0), PG_GETARG_RANGE_P(1)));
}

PG_FUNCTION_INFO_V1(range_contains_int4);
Datum
range_contains_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_range(fcinfo, PG_GETARG_INT32(1), PG_GETARG_RANGE_P(0)));
}

static bool
port_in_multirange(FunctionCallInfo fcinfo, int64 v, MultirangeType *mr)
{
	TypeCacheEntry *typcache;
	uint32		l = 0;
	uint32		u;

	if (MultirangeIsEmpty(mr) || v < 0 || v > PORT_MAX)
		return false;
	typcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(mr));
	u = mr->rangeCount;
	/* binary search over the sorted, disjoint ranges */
	while (l < u)
	{
		uint32		mid = (l + u) / 2;
		int32		lo;
		int32		hi;

		(void) port_multirange_interval(typcache->rngtype, mr, mid, &lo, &hi);
		if (v < lo)
			u = mid;
		else if (v > hi)
			l = mid + 1;
		else
			return true;
	}
	return false;
}

PG_FUNCTION_INFO_V1(port_contained_by_multirange);
Datum
port_contained_by_multirange(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_multirange(fcinfo, PG_GETARG_PORT(0),
									  PG_GETARG_MULTIRANGE_P(1)));
}

PG_FUNCTION_INFO_V1(multirange_contains_port);
Datum
multirange_contains_port(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_multirange(fcinfo, PG_GETARG_PORT(1),
									  PG_GETARG_MULTIRANGE_P(0)));
}

PG_FUNCTION_INFO_V1(int4_contained_by_multirange);
Datum
int4_contained_by_multirange(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_multirange(fcinfo, PG_GETARG_INT32(0),
									  PG_GETARG_MULTIRANGE_P(1)));
}

PG_FUNCTION_INFO_V1(multirange_contains_int4);
Datum
multirange_contains_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_multirange(fcinfo, PG_GETARG_INT32(1),
									  PG_GETARG_MULTIRANGE_P(0)));
}


/*****************************************************************************
 * Containment with an untyped (text) argument
 *
 * Drivers send parameters untyped, and with one exact operator for port
 * and one for int4 PostgreSQL cannot choose for "ports @> $1" or
 * "dst_port <@ $1" ("operator is not unique").  These operators take text
 * there, which PostgreSQL prefers for an unknown argument, and read it the
 * way the user meant: '{...}' is a portmultirange, '[..]', '(..)' and
 * 'empty' a portrange, anything else (on the element side) a port number
 * or service name.
 *****************************************************************************/

typedef enum PortQueryKind
{
	PORT_QUERY_PORT,
	PORT_QUERY_RANGE,
	PORT_QUERY_MULTIRANGE
} PortQueryKind;

/* the OID of the extension's type typname, found beside function fn */
static Oid
port_ext_type_oid(Oid fn, const char *typname)
{
	Oid			nsp = get_func_namespace(fn);
	Oid			typid;

	typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
							CStringGetDatum(typname), ObjectIdGetDatum(nsp));
	if (!OidIsValid(typid))
		elog(ERROR, "type %s not found beside function %u", typname, fn);
	return typid;
}

/*
 * port_parse_text_query
 *		Read a text argument as a portmultirange, a portrange or (when
 *		allow_port) a port, of the range type rngtypid.
 */
static PortQueryKind
port_parse_text_query(text *t, Oid rngtypid, bool allow_port, Datum *result)
{
	char	   *s = text_to_cstring(t);
	const char *p = s;
	Oid			typinput;
	Oid			typioparam;
	uint16		v;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		   *p == '\f' || *p == '\v')
		p++;
	if (*p == '{')
	{
		getTypeInputInfo(get_range_multirange(rngtypid), &typinput, &typioparam);
		*result = OidInputFunctionCall(typinput, s, typioparam, -1);
		return PORT_QUERY_MULTIRANGE;
	}
	if (*p == '[' || *p == '(' || pg_strncasecmp(p, "empty", 5) == 0)
	{
		getTypeInputInfo(rngtypid, &typinput, &typioparam);
		*result = OidInputFunctionCall(typinput, s, typioparam, -1);
		return PORT_QUERY_RANGE;
	}
	if (!allow_port)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("invalid input syntax for a set of ports: \"%s\"",
					   port_shorten_input(s, strlen(s))),
				errhint("Write a portrange ('[8000,8100]') or a portmultirange ('{[80,80],[443,443]}'), or give the type: $1::portrange, parse_ports('80,443')."));

	/* a port number or service name; a bad one is an error here */
	(void) port_text_to_value(s, strlen(s), &v, NULL);
	*result = PortGetDatum(v);
	return PORT_QUERY_PORT;
}

/* does the portrange r contain the port, range or multirange q? */
static bool
port_range_contains_query(FunctionCallInfo fcinfo, RangeType *r,
						  PortQueryKind kind, Datum q)
{
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));

	switch (kind)
	{
		case PORT_QUERY_PORT:
			return port_in_range(fcinfo, DatumGetPort(q), r);
		case PORT_QUERY_RANGE:
			return range_contains_internal(typcache, r, DatumGetRangeTypeP(q));
		case PORT_QUERY_MULTIRANGE:
			return range_contains_multirange_internal(typcache, r,
													  DatumGetMultirangeTypeP(q));
	}
	return false;
}

static bool
port_multirange_contains_query(FunctionCallInfo fcinfo, MultirangeType *mr,
							   PortQueryKind kind, Datum q)
{
	TypeCacheEntry *typcache = multirange_get_typcache(fcinfo,
													   MultirangeTypeGetOid(mr));

	switch (kind)
	{
		case PORT_QUERY_PORT:
			return port_in_multirange(fcinfo, DatumGetPort(q), mr);
		case PORT_QUERY_RANGE:
			return multirange_contains_range_internal(typcache->rngtype, mr,
													  DatumGetRangeTypeP(q));
		case PORT_QUERY_MULTIRANGE:
			return multirange_contains_multirange_internal(typcache->rngtype, mr,
														   DatumGetMultirangeTypeP(q));
	}
	return false;
}

static bool
port_range_text(FunctionCallInfo fcinfo, RangeType *r, text *t)
{
	Datum		q;
	PortQueryKind kind = port_parse_text_query(t, RangeTypeGetOid(r), true, &q);

	return port_range_contains_query(fcinfo, r, kind, q);
}

static bool
port_multirange_text(FunctionCallInfo fcinfo, MultirangeType *mr, text *t)
{
	Datum		q;
	Oid			rngtypid = get_multirange_range(MultirangeTypeGetOid(mr));
	PortQueryKind kind = port_parse_text_query(t, rngtypid, true, &q);

	return port_multirange_contains_query(fcinfo, mr, kind, q);
}

PG_FUNCTION_INFO_V1(range_contains_text);
Datum
range_contains_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_range_text(fcinfo, PG_GETARG_RANGE_P(0), PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(text_contained_by_range);
Datum
text_contained_by_range(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_range_text(fcinfo, PG_GETARG_RANGE_P(1), PG_GETARG_TEXT_PP(0)));
}

PG_FUNCTION_INFO_V1(multirange_contains_text);
Datum
multirange_contains_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_multirange_text(fcinfo, PG_GETARG_MULTIRANGE_P(0),
										PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(text_contained_by_multirange);
Datum
text_contained_by_multirange(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_multirange_text(fcinfo, PG_GETARG_MULTIRANGE_P(1),
										PG_GETARG_TEXT_PP(0)));
}

/* port <@ text: the text is a portrange or portmultirange literal */
static bool
port_in_text_set(FunctionCallInfo fcinfo, uint16 p, text *t)
{
	/* fn_extra holds the range typcache (port_in_range), so look up */
	Oid			rngtypid = port_ext_type_oid(fcinfo->flinfo->fn_oid, "portrange");
	Datum		q;

	if (port_parse_text_query(t, rngtypid, false, &q) == PORT_QUERY_MULTIRANGE)
		return port_in_multirange(fcinfo, p, DatumGetMultirangeTypeP(q));
	return port_in_range(fcinfo, p, DatumGetRangeTypeP(q));
}

PG_FUNCTION_INFO_V1(port_contained_by_text);
Datum
port_contained_by_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_text_set(fcinfo, PG_GETARG_PORT(0), PG_GETARG_TEXT_PP(1)));
}

PG_FUNCTION_INFO_V1(text_contains_port);
Datum
text_contains_port(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_in_text_set(fcinfo, PG_GETARG_PORT(1), PG_GETARG_TEXT_PP(0)));
}


/*****************************************************************************
 * GiST
 *
 * The portrange GiST operator class uses PostgreSQL's range GiST support
 * functions.  Its consistent function also accepts an int4 element, so
 * that "ports @> 443" is indexable: the int4 becomes a port, and one
 * outside 0..65535 is contained in no range.
 *****************************************************************************/

/* the declared type of argument i of function fn */
static Oid
get_func_signature_argtype(Oid fn, int i)
{
	Oid		   *argtypes;
	int			nargs;
	Oid			result;

	(void) get_func_signature(fn, &argtypes, &nargs);
	if (i >= nargs)
		elog(ERROR, "function %u has no argument %d", fn, i);
	result = argtypes[i];
	pfree(argtypes);
	return result;
}

/*
 * What a consistent function remembers between calls: the core consistent
 * function it hands over to, and the last text query, parsed.
 */
typedef struct PortGistCache
{
	FmgrInfo	inner;
	Oid			rngtypid;
	Oid			porttypid;
	text	   *text_query;		/* a copy of the text parsed below */
	PortQueryKind kind;
	Datum		parsed;
} PortGistCache;

static Datum
port_gist_consistent_common(FunctionCallInfo fcinfo, Oid inner_fn)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	Datum		query = PG_GETARG_DATUM(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	Oid			subtype = PG_GETARG_OID(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	PortGistCache *cache = (PortGistCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		Oid			keytype = get_func_signature_argtype(fcinfo->flinfo->fn_oid, 1);

		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PortGistCache));
		fmgr_info_cxt(inner_fn, &cache->inner, fcinfo->flinfo->fn_mcxt);
		cache->rngtypid = get_typtype(keytype) == TYPTYPE_MULTIRANGE ?
			get_multirange_range(keytype) : keytype;
		cache->porttypid = get_range_subtype(cache->rngtypid);
		fcinfo->flinfo->fn_extra = cache;
	}

	if (subtype == INT4OID)
	{
		int32		v = DatumGetInt32(query);

		if (v < 0 || v > PORT_MAX)
		{
			*recheck = false;
			PG_RETURN_BOOL(false);
		}
		query = PortGetDatum(v);
	}
	else if (subtype == TEXTOID)
	{
		/* an untyped argument: a port, a portrange or a portmultirange */
		text	   *t = DatumGetTextPP(query);

		if (cache->text_query == NULL ||
			VARSIZE_ANY_EXHDR(cache->text_query) != VARSIZE_ANY_EXHDR(t) ||
			memcmp(VARDATA_ANY(cache->text_query), VARDATA_ANY(t),
				   VARSIZE_ANY_EXHDR(t)) != 0)
		{
			MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

			cache->kind = port_parse_text_query(t, cache->rngtypid, true,
												&cache->parsed);
			cache->text_query = (text *) PG_DETOAST_DATUM_COPY(PointerGetDatum(t));
			MemoryContextSwitchTo(old);
		}
		query = cache->parsed;
		switch (cache->kind)
		{
			case PORT_QUERY_PORT:
				subtype = cache->porttypid;
				break;
			case PORT_QUERY_RANGE:
				strategy = RANGESTRAT_CONTAINS;
				subtype = ANYRANGEOID;
				break;
			case PORT_QUERY_MULTIRANGE:
				strategy = RANGESTRAT_CONTAINS;
				subtype = ANYMULTIRANGEOID;
				break;
		}
	}

	return FunctionCall5Coll(&cache->inner, PG_GET_COLLATION(),
							 PointerGetDatum(entry), query,
							 UInt16GetDatum(strategy), ObjectIdGetDatum(subtype),
							 PointerGetDatum(recheck));
}

PG_FUNCTION_INFO_V1(portrange_gist_consistent);
Datum
portrange_gist_consistent(PG_FUNCTION_ARGS)
{
	return port_gist_consistent_common(fcinfo, F_RANGE_GIST_CONSISTENT);
}

/*
 * The portmultirange GiST operator class: PostgreSQL's multirange GiST
 * (each multirange is indexed as the range that spans it), with the same
 * int4 and text elements.
 */
PG_FUNCTION_INFO_V1(portmultirange_gist_consistent);
Datum
portmultirange_gist_consistent(PG_FUNCTION_ARGS)
{
	return port_gist_consistent_common(fcinfo, F_MULTIRANGE_GIST_CONSISTENT);
}


/*****************************************************************************
 * Planner support
 *
 * A predicate on a port (or integer) expression that is true exactly for
 * the ports of a known set -- is_well_known(x), is_ephemeral(x, 'linux'),
 * x <@ '[8000,8100]'::portrange, x <@ ephemeral_ports('linux') -- becomes
 * "x >= lo AND x <= hi" for a btree or BRIN index on x (lossy, with a
 * recheck, for a multirange of several ranges), and is estimated from x's
 * MCV list and histogram like a BETWEEN.
 *****************************************************************************/

typedef struct PortSet
{
	int			n;
	PortInterval *iv;
} PortSet;

static void
port_set_init(PortSet *set, int capacity)
{
	set->n = 0;
	set->iv = palloc(sizeof(PortInterval) * Max(capacity, 1));
}

static void
port_set_add(PortSet *set, int64 lo, int64 hi)
{
	if (lo > hi)
		return;
	set->iv[set->n].lo = lo;
	set->iv[set->n].hi = hi;
	set->n++;
}

/* The ports of a constant portrange or portmultirange */
static bool
port_set_from_const(Node *node, PortSet *set)
{
	Const	   *c;
	Oid			typid;
	char		typtype;

	if (!IsA(node, Const) || ((Const *) node)->constisnull)
		return false;
	c = (Const *) node;
	typid = c->consttype;
	typtype = get_typtype(typid);

	if (typtype == TYPTYPE_RANGE)
	{
		TypeCacheEntry *typcache = lookup_type_cache(typid, TYPECACHE_RANGE_INFO);
		RangeType  *r = DatumGetRangeTypeP(c->constvalue);
		int32		lo;
		int32		hi;

		port_set_init(set, 1);
		if (port_range_interval(typcache, r, &lo, &hi))
			port_set_add(set, lo, hi);
		return true;
	}
	if (typtype == TYPTYPE_MULTIRANGE)
	{
		TypeCacheEntry *typcache = lookup_type_cache(typid, TYPECACHE_MULTIRANGE_INFO);
		MultirangeType *mr = DatumGetMultirangeTypeP(c->constvalue);
		uint32		i;

		port_set_init(set, (int) mr->rangeCount);
		for (i = 0; i < mr->rangeCount; i++)
		{
			int32		lo;
			int32		hi;

			if (port_multirange_interval(typcache->rngtype, mr, i, &lo, &hi))
				port_set_add(set, lo, hi);
		}
		return true;
	}
	return false;
}

/* a constant int4 argument */
static bool
port_const_int4(Node *node, int32 *value)
{
	if (!IsA(node, Const) || ((Const *) node)->constisnull ||
		((Const *) node)->consttype != INT4OID)
		return false;
	*value = DatumGetInt32(((Const *) node)->constvalue);
	return true;
}

/*
 * port_clause_set
 *		For a call of one of the extension's port-set predicates, the
 *		argument holding the port (*keyarg) and the set of ports for which
 *		the predicate is true.  False if the call is not one we understand
 *		(or its set argument is not a constant).
 */
static bool
port_clause_set(Oid funcid, List *args, int *keyarg, PortSet *set)
{
	char	   *name = get_func_name(funcid);
	int			nargs = list_length(args);

	if (name == NULL)
		return false;

	*keyarg = 0;
	if (strcmp(name, "is_well_known") == 0 ||
		(strcmp(name, "is_privileged") == 0 && nargs == 1))
	{
		port_set_init(set, 1);
		port_set_add(set, 0, PORT_WELL_KNOWN_LAST);
		return true;
	}
	if (strcmp(name, "is_registered") == 0)
	{
		port_set_init(set, 1);
		port_set_add(set, PORT_REGISTERED_FIRST, PORT_REGISTERED_LAST);
		return true;
	}
	if (strcmp(name, "is_dynamic") == 0)
	{
		port_set_init(set, 1);
		port_set_add(set, PORT_DYNAMIC_FIRST, PORT_MAX);
		return true;
	}
	if (strcmp(name, "is_privileged") == 0 && nargs == 2)
	{
		int32		start;

		if (!port_const_int4(lsecond(args), &start) ||
			start < 0 || start > PORT_MAX)
			return false;
		port_set_init(set, 1);
		port_set_add(set, 0, (int64) start - 1);
		return true;
	}
	if (strcmp(name, "is_ephemeral") == 0 && nargs == 2)
	{
		Node	   *os = lsecond(args);
		const port_os_range *r;
		text	   *t;

		if (!IsA(os, Const) || ((Const *) os)->constisnull ||
			((Const *) os)->consttype != TEXTOID)
			return false;
		t = DatumGetTextPP(((Const *) os)->constvalue);
		r = port_os_lookup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		if (r == NULL)
			return false;
		port_set_init(set, 1);
		port_set_add(set, r->first, r->last);
		return true;
	}
	if (nargs == 2 &&
		(strcmp(name, "port_contained_by_range") == 0 ||
		 strcmp(name, "int4_contained_by_range") == 0 ||
		 strcmp(name, "port_contained_by_multirange") == 0 ||
		 strcmp(name, "int4_contained_by_multirange") == 0))
		return port_set_from_const(lsecond(args), set);
	if (nargs == 2 &&
		(strcmp(name, "port_contained_by_text") == 0 ||
		 strcmp(name, "text_contains_port") == 0))
	{
		Node	   *t;
		Datum		q;
		Oid			rngtypid;
		Const	   *c;

		*keyarg = strcmp(name, "text_contains_port") == 0 ? 1 : 0;
		t = list_nth(args, 1 - *keyarg);
		if (!IsA(t, Const) || ((Const *) t)->constisnull ||
			((Const *) t)->consttype != TEXTOID)
			return false;
		rngtypid = port_ext_type_oid(funcid, "portrange");
		if (port_parse_text_query(DatumGetTextPP(((Const *) t)->constvalue),
								  rngtypid, false, &q) == PORT_QUERY_MULTIRANGE)
			c = makeConst(get_range_multirange(rngtypid), -1, InvalidOid, -1, q,
						  false, false);
		else
			c = makeConst(rngtypid, -1, InvalidOid, -1, q, false, false);
		return port_set_from_const((Node *) c, set);
	}
	if (nargs == 2 &&
		(strcmp(name, "range_contains_port") == 0 ||
		 strcmp(name, "range_contains_int4") == 0 ||
		 strcmp(name, "multirange_contains_port") == 0 ||
		 strcmp(name, "multirange_contains_int4") == 0))
	{
		*keyarg = 1;
		return port_set_from_const(linitial(args), set);
	}
	return false;
}

/* a Const of a port or integer type holding v */
static Const *
port_make_const(Oid typid, int64 v)
{
	switch (typid)
	{
		case INT2OID:
			return makeConst(INT2OID, -1, InvalidOid, 2, Int16GetDatum((int16) v),
							 false, true);
		case INT4OID:
			return makeConst(INT4OID, -1, InvalidOid, 4, Int32GetDatum((int32) v),
							 false, true);
		case INT8OID:
			return makeConst(INT8OID, -1, InvalidOid, 8, Int64GetDatum(v),
							 false, FLOAT8PASSBYVAL);
		default:
			return makeConst(typid, -1, InvalidOid, 2, PortGetDatum((uint16) v),
							 false, true);
	}
}

/* The range of values a type can hold, clipped to what we compare */
static void
port_type_limits(Oid typid, int64 *min, int64 *max)
{
	switch (typid)
	{
		case INT2OID:
			*min = PG_INT16_MIN;
			*max = PG_INT16_MAX;
			break;
		case INT4OID:
			*min = PG_INT32_MIN;
			*max = PG_INT32_MAX;
			break;
		case INT8OID:
			*min = PG_INT64_MIN;
			*max = PG_INT64_MAX;
			break;
		default:
			*min = 0;
			*max = PORT_MAX;
			break;
	}
}

static List *
port_index_conditions(SupportRequestIndexCondition *req, Node *key,
					  PortSet *set)
{
	Oid			coltype = req->index->opcintype[req->indexcol];
	Oid			ge_op;
	Oid			le_op;
	int64		lo;
	int64		hi;
	int64		tmin;
	int64		tmax;
	List	   *quals = NIL;

	if (req->index->relam != BTREE_AM_OID && req->index->relam != BRIN_AM_OID)
		return NIL;
	if (set->n == 0)
		return NIL;
	if (coltype != INT2OID && coltype != INT4OID && coltype != INT8OID &&
		coltype != getBaseType(exprType(key)))
		return NIL;

	ge_op = get_opfamily_member(req->opfamily, coltype, coltype,
								BTGreaterEqualStrategyNumber);
	le_op = get_opfamily_member(req->opfamily, coltype, coltype,
								BTLessEqualStrategyNumber);
	if (!OidIsValid(ge_op) || !OidIsValid(le_op))
		return NIL;

	lo = set->iv[0].lo;
	hi = set->iv[set->n - 1].hi;
	port_type_limits(coltype, &tmin, &tmax);
	/* the predicate never holds outside 0..65535, whatever the type */
	if (lo > tmax || hi < tmin)
		return NIL;

	if (lo > tmin)
		quals = lappend(quals,
						make_opclause(ge_op, BOOLOID, false, (Expr *) copyObject(key),
									  (Expr *) port_make_const(coltype, lo),
									  InvalidOid, InvalidOid));
	if (hi < tmax)
		quals = lappend(quals,
						make_opclause(le_op, BOOLOID, false, (Expr *) copyObject(key),
									  (Expr *) port_make_const(coltype, hi),
									  InvalidOid, InvalidOid));
	/* several ranges: the index condition spans their gaps too */
	req->lossy = (set->n > 1);
	return quals;
}

/*
 * port_set_selectivity
 *		Fraction of rows for which key lies in set, from key's statistics;
 *		without them, the share of the 65536 ports the set covers.
 */
static double
port_set_selectivity(PlannerInfo *root, Node *key, int varRelid, PortSet *set)
{
	VariableStatData vardata;
	Oid			statstype;
	double		selec = -1.0;
	int64		covered = 0;
	int			i;

	examine_variable(root, key, varRelid, &vardata);
	statstype = getBaseType(vardata.atttype);
	if (HeapTupleIsValid(vardata.statsTuple) &&
		(statstype == INT2OID || statstype == INT4OID || statstype == INT8OID ||
		 statstype == getBaseType(exprType(key))))
		selec = port_intervals_selectivity(&vardata, statstype, set->iv, set->n, 0.5);
	ReleaseVariableStats(vardata);

	if (selec < 0.0)
	{
		for (i = 0; i < set->n; i++)
			covered += Min(set->iv[i].hi, PORT_MAX) - Max(set->iv[i].lo, 0) + 1;
		selec = (double) covered / (PORT_MAX + 1);
	}
	CLAMP_PROBABILITY(selec);
	return selec;
}

/*
 * Simplification
 *
 * A port-set predicate on a column, with a constant set, is rewritten into
 * plain comparisons: is_well_known(dst_port) becomes dst_port <= 1023,
 * dst_port <@ '{[80,80],[443,443]}' becomes dst_port = 80 OR dst_port = 443.
 * Those are what partition pruning (and constraint exclusion) understand,
 * so PARTITION BY RANGE (dst_port) prunes on them at plan time.  With a
 * parameter for the set (dst_port <@ $1, generic plans), the call is kept
 * and "dst_port >= first_port($1) AND dst_port <= last_port($1)" is added
 * before it, which prunes at executor startup.  Both forms are equivalent
 * to the call for every input, NULLs included.
 */
#define PORT_SIMPLIFY_MAX_RANGES	16

/* a comparison "key op value" with the key type's default btree family */
static Expr *
port_make_compare(Oid opfamily, Oid keytype, Oid valtype, int strategy,
				  Node *key, Expr *value)
{
	Oid			op = get_opfamily_member(opfamily, keytype, valtype, strategy);

	if (!OidIsValid(op))
		return NULL;
	return make_opclause(op, BOOLOID, false, (Expr *) copyObject(key), value,
						 InvalidOid, InvalidOid);
}

/* the extension's function name(argtype), found beside function fn */
static Oid
port_ext_func_oid(Oid fn, const char *name, Oid argtype)
{
	char	   *nspname = get_namespace_name(get_func_namespace(fn));
	List	   *qualname = list_make2(makeString(nspname), makeString(pstrdup(name)));

	return LookupFuncName(qualname, 1, &argtype, true);
}

/*
 * Is key a column of a partitioned table (or an inheritance parent) of
 * this query level?  Only there is the rewrite worth it: on a plain table
 * the call keeps its index conditions (above) and its estimate, which
 * interpolates inside histogram buckets where PostgreSQL's comparison
 * estimators cannot for a type of an extension.
 */
static bool
port_key_is_partitioned(PlannerInfo *root, Node *key)
{
	Var		   *var;
	RangeTblEntry *rte;

	while (IsA(key, RelabelType))
		key = (Node *) ((RelabelType *) key)->arg;
	if (root == NULL || root->parse == NULL || !IsA(key, Var))
		return false;
	var = (Var *) key;
	if (var->varlevelsup != 0 || var->varno < 1 ||
		var->varno > list_length(root->parse->rtable))
		return false;
	rte = rt_fetch(var->varno, root->parse->rtable);
	if (rte->rtekind != RTE_RELATION)
		return false;
	return rte->relkind == RELKIND_PARTITIONED_TABLE ||
		(rte->inh && has_subclass(rte->relid));
}

static Node *
port_simplify(PlannerInfo *root, Oid funcid, FuncExpr *call)
{
	List	   *args = call->args;
	int			keyarg;
	PortSet		set;
	Node	   *key;
	Node	   *bare;
	Oid			keytype;
	Oid			opclass;
	Oid			opfamily;
	List	   *branches = NIL;
	int64		tmin;
	int64		tmax;
	int			i;

	if (list_length(args) < 1 || list_length(args) > 2)
		return NULL;
	if (!port_key_is_partitioned(root, list_nth(args, 0)) &&
		(list_length(args) < 2 || !port_key_is_partitioned(root, list_nth(args, 1))))
		return NULL;

	/* port_clause_set() says which argument is the port */
	keyarg = 0;
	if (!port_clause_set(funcid, args, &keyarg, &set))
	{
		Node	   *setarg;
		Oid			settype;
		Oid			first_fn;
		Oid			last_fn;
		Expr	   *ge;
		Expr	   *le;

		/* a parameter for the set: a prunable prefix, then the call */
		if (list_length(args) != 2)
			return NULL;
		key = list_nth(args, keyarg);
		setarg = list_nth(args, 1 - keyarg);
		bare = key;
		while (IsA(bare, RelabelType))
			bare = (Node *) ((RelabelType *) bare)->arg;
		if (!IsA(bare, Var) || !IsA(setarg, Param) ||
			((Param *) setarg)->paramkind != PARAM_EXTERN)
			return NULL;
		settype = exprType(setarg);
		keytype = getBaseType(exprType(key));
		if (settype == TEXTOID || keytype == INT4OID ||
			(get_typtype(settype) != TYPTYPE_RANGE &&
			 get_typtype(settype) != TYPTYPE_MULTIRANGE))
			return NULL;
		first_fn = port_ext_func_oid(funcid, "first_port", settype);
		last_fn = port_ext_func_oid(funcid, "last_port", settype);
		opclass = GetDefaultOpClass(keytype, BTREE_AM_OID);
		if (!OidIsValid(first_fn) || !OidIsValid(last_fn) || !OidIsValid(opclass))
			return NULL;
		opfamily = get_opclass_family(opclass);
		ge = port_make_compare(opfamily, keytype, keytype, BTGreaterEqualStrategyNumber,
							   key, (Expr *) makeFuncExpr(first_fn, keytype,
														  list_make1(copyObject(setarg)),
														  InvalidOid, InvalidOid,
														  COERCE_EXPLICIT_CALL));
		le = port_make_compare(opfamily, keytype, keytype, BTLessEqualStrategyNumber,
							   key, (Expr *) makeFuncExpr(last_fn, keytype,
														  list_make1(copyObject(setarg)),
														  InvalidOid, InvalidOid,
														  COERCE_EXPLICIT_CALL));
		if (ge == NULL || le == NULL)
			return NULL;

		/*
		 * Then the exact test, as PostgreSQL's own elem <@ range function,
		 * which has no support function that would expand it again when
		 * eval_const_expressions() runs over the result once more (it does
		 * for the quals of each partition).
		 */
		call = makeFuncExpr(get_typtype(settype) == TYPTYPE_MULTIRANGE ?
							F_ELEM_CONTAINED_BY_MULTIRANGE : F_ELEM_CONTAINED_BY_RANGE,
							BOOLOID, list_make2(copyObject(key), copyObject(setarg)),
							InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
		return (Node *) make_andclause(list_make3(ge, le, call));
	}

	key = list_nth(args, keyarg);
	bare = key;
	while (IsA(bare, RelabelType))
		bare = (Node *) ((RelabelType *) bare)->arg;
	if (!IsA(bare, Var) || set.n > PORT_SIMPLIFY_MAX_RANGES)
		return NULL;

	keytype = getBaseType(exprType(key));
	opclass = GetDefaultOpClass(keytype, BTREE_AM_OID);
	if (!OidIsValid(opclass))
		return NULL;
	opfamily = get_opclass_family(opclass);
	port_type_limits(keytype, &tmin, &tmax);

	/* no port at all: key >= 1 AND key <= 0, false but NULL for NULL */
	if (set.n == 0)
	{
		Expr	   *ge = port_make_compare(opfamily, keytype, keytype,
										   BTGreaterEqualStrategyNumber, key,
										   (Expr *) port_make_const(keytype, 1));
		Expr	   *le = port_make_compare(opfamily, keytype, keytype,
										   BTLessEqualStrategyNumber, key,
										   (Expr *) port_make_const(keytype, 0));

		if (ge == NULL || le == NULL)
			return NULL;
		return (Node *) make_andclause(list_make2(ge, le));
	}

	/*
	 * Single ports go into one key = ANY ('{...}'), which is estimated from
	 * the MCV list as exactly as IN (...), and prunes like it.
	 */
	{
		Datum	   *singles = palloc(sizeof(Datum) * set.n);
		int			nsingles = 0;
		int64		single = 0;

		for (i = 0; i < set.n; i++)
			if (set.iv[i].lo == set.iv[i].hi)
			{
				single = set.iv[i].lo;
				singles[nsingles++] = port_make_const(keytype, single)->constvalue;
			}
		if (nsingles == 1)
		{
			Expr	   *e = port_make_compare(opfamily, keytype, keytype,
											  BTEqualStrategyNumber, key,
											  (Expr *) port_make_const(keytype, single));

			if (e == NULL)
				return NULL;
			branches = lappend(branches, e);
		}
		else if (nsingles > 1)
		{
			Oid			eq = get_opfamily_member(opfamily, keytype, keytype,
												 BTEqualStrategyNumber);
			Oid			arraytype = get_array_type(keytype);
			int16		typlen;
			bool		typbyval;
			char		typalign;
			ScalarArrayOpExpr *saop;

			if (!OidIsValid(eq) || !OidIsValid(arraytype))
				return NULL;
			get_typlenbyvalalign(keytype, &typlen, &typbyval, &typalign);
			saop = makeNode(ScalarArrayOpExpr);
			saop->opno = eq;
			saop->opfuncid = get_opcode(eq);
			saop->useOr = true;
			saop->inputcollid = InvalidOid;
			saop->args = list_make2(copyObject(key),
									makeConst(arraytype, -1, InvalidOid, -1,
											  PointerGetDatum(construct_array(singles, nsingles,
																			  keytype, typlen,
																			  typbyval, typalign)),
											  false, false));
			saop->location = -1;
			branches = lappend(branches, saop);
		}
	}

	for (i = 0; i < set.n; i++)
	{
		int64		lo = set.iv[i].lo;
		int64		hi = set.iv[i].hi;
		List	   *conds = NIL;
		Expr	   *e;

		if (lo == hi)
			continue;
		if (lo > tmin || hi >= tmax)
		{
			e = port_make_compare(opfamily, keytype, keytype,
								  BTGreaterEqualStrategyNumber,
								  key, (Expr *) port_make_const(keytype, lo));
			if (e == NULL)
				return NULL;
			conds = lappend(conds, e);
		}

		/*
		 * key < hi + 1 rather than key <= hi: the same for integers, but
		 * NOT (key < 1024) becomes key >= 1024, which prunes a partition
		 * FROM (0) TO (1024), and NOT (key <= 1023) does not.
		 */
		if (hi < tmax)
		{
			e = port_make_compare(opfamily, keytype, keytype,
								  BTLessStrategyNumber,
								  key, (Expr *) port_make_const(keytype, hi + 1));
			if (e == NULL)
				return NULL;
			conds = lappend(conds, e);
		}
		branches = lappend(branches,
						   list_length(conds) == 1 ? linitial(conds) :
						   (void *) make_andclause(conds));
	}
	return list_length(branches) == 1 ? (Node *) linitial(branches) :
		(Node *) make_orclause(branches);
}

PG_FUNCTION_INFO_V1(port_planner_support);
Datum
port_planner_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSimplify))
	{
		SupportRequestSimplify *req = (SupportRequestSimplify *) rawreq;

		PG_RETURN_POINTER(port_simplify(req->root, req->fcall->funcid, req->fcall));
	}

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		SupportRequestIndexCondition *req = (SupportRequestIndexCondition *) rawreq;
		List	   *args;
		int			keyarg;
		PortSet		set;

		if (is_opclause(req->node))
			args = ((OpExpr *) req->node)->args;
		else if (is_funcclause(req->node))
			args = ((FuncExpr *) req->node)->args;
		else
			PG_RETURN_POINTER(NULL);

		if (!port_clause_set(req->funcid, args, &keyarg, &set) ||
			keyarg != req->indexarg)
			PG_RETURN_POINTER(NULL);
		PG_RETURN_POINTER(port_index_conditions(req, list_nth(args, keyarg), &set));
	}

	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;
		int			keyarg;
		PortSet		set;

		if (req->is_join ||
			!port_clause_set(req->funcid, req->args, &keyarg, &set))
			PG_RETURN_POINTER(NULL);
		req->selectivity = port_set_selectivity(req->root,
												list_nth(req->args, keyarg),
												req->varRelid, &set);
		PG_RETURN_POINTER(req);
	}

	PG_RETURN_POINTER(NULL);
}

/*
 * portrange_contsel: restriction estimator of the <@ and @> operators
 * between a port (or int4) and a portrange or portmultirange.
 *
 * With the port on the variable side, the set is estimated as above.  With
 * the range on the variable side (rules.ports @> 443), PostgreSQL's range
 * estimator does the work, asked about its own @> operator.
 */
PG_FUNCTION_INFO_V1(portrange_contsel);
Datum
portrange_contsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	char		vartyptype;
	PortSet		set;
	Oid			opfunc = get_opcode(operator);
	int			keyarg;
	double		selec;

	if (!get_restriction_variable(root, args, varRelid,
								  &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(DEFAULT_RANGE_INEQ_SEL);
	vartyptype = get_typtype(getBaseType(vardata.vartype));
	ReleaseVariableStats(vardata);

	if (vartyptype == TYPTYPE_RANGE
		|| vartyptype == TYPTYPE_MULTIRANGE
		)
	{
		Oid			core_op;
		Node	   *elem = other;
		Oid			elemtype = exprType(other);

		if (!IsA(other, Const))
			PG_RETURN_FLOAT8(DEFAULT_RANGE_INEQ_SEL);
		if (((Const *) other)->constisnull)
			PG_RETURN_FLOAT8(0.0);
		if (elemtype == INT4OID)
		{
			int32		v = DatumGetInt32(((Const *) other)->constvalue);
			Oid			rngtype = getBaseType(vardata.vartype);
			Oid			porttype;

			if (v < 0 || v > PORT_MAX)
				PG_RETURN_FLOAT8(0.0);

			if (vartyptype == TYPTYPE_MULTIRANGE)
				rngtype = get_multirange_range(rngtype);
			porttype = get_range_subtype(rngtype);
			elem = (Node *) port_make_const(porttype, v);
		}
		if (vartyptype == TYPTYPE_MULTIRANGE)
			core_op = OID_MULTIRANGE_CONTAINS_ELEM_OP;
		else
			core_op = OID_RANGE_CONTAINS_ELEM_OP;

		/*
		 * rangesel()/multirangesel() want the range first, and cache their
		 * type lookup in fn_extra, so they need a real FmgrInfo.
		 */
		args = list_make2(varonleft ? linitial(args) : lsecond(args), elem);
		{
			FmgrInfo	flinfo;

			fmgr_info(vartyptype == TYPTYPE_MULTIRANGE ? F_MULTIRANGESEL : F_RANGESEL,
					  &flinfo);
			selec = DatumGetFloat8(FunctionCall4Coll(&flinfo, InvalidOid,
													 PointerGetDatum(root),
													 ObjectIdGetDatum(core_op),
													 PointerGetDatum(args),
													 Int32GetDatum(varRelid)));
		}
		PG_RETURN_FLOAT8(selec);
	}

	/* the port is the variable: the set must be a constant */
	if (!port_clause_set(opfunc, args, &keyarg, &set))
		PG_RETURN_FLOAT8(DEFAULT_RANGE_INEQ_SEL);
	PG_RETURN_FLOAT8(port_set_selectivity(root, list_nth(args, keyarg),
										  varRelid, &set));
}
