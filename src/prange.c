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
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/selfuncs.h"
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
 * GiST
 *
 * The portrange GiST operator class uses PostgreSQL's range GiST support
 * functions.  Its consistent function also accepts an int4 element, so
 * that "ports @> 443" is indexable: the int4 becomes a port, and one
 * outside 0..65535 is contained in no range.
 *****************************************************************************/

PG_FUNCTION_INFO_V1(portrange_gist_consistent);
Datum
portrange_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	Datum		query = PG_GETARG_DATUM(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	Oid			subtype = PG_GETARG_OID(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	FmgrInfo   *inner = (FmgrInfo *) fcinfo->flinfo->fn_extra;

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

	if (inner == NULL)
	{
		inner = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FmgrInfo));
		fmgr_info_cxt(F_RANGE_GIST_CONSISTENT, inner, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = inner;
	}
	return FunctionCall5Coll(inner, PG_GET_COLLATION(),
							 PointerGetDatum(entry), query,
							 UInt16GetDatum(strategy), ObjectIdGetDatum(subtype),
							 PointerGetDatum(recheck));
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

PG_FUNCTION_INFO_V1(port_planner_support);
Datum
port_planner_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

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
