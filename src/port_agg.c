/*-------------------------------------------------------------------------
 *
 * port_agg.c
 *	  Aggregates over port values: range_agg(port), the set of ports seen
 *	  as a portmultirange, and percentile_cont(...) WITHIN GROUP (ORDER BY
 *	  port), which PostgreSQL offers only for float8 and interval.
 *
 * range_agg(port) keeps a bitmap of the 65536 ports (src/port_core.c) and
 * turns its runs into ranges at the end.  percentile_cont keeps the values
 * seen in a growing array, sorts them once and interpolates as
 * PostgreSQL's percentile_cont(float8) does.
 *
 * src/port_agg.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/multirangetypes.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "port.h"
#include "prange.h"

/* the memory context an aggregate's state lives in */
static MemoryContext
port_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcontext;
}


/*****************************************************************************
 * range_agg(port) -> portmultirange
 *****************************************************************************/

PG_FUNCTION_INFO_V1(port_range_agg_transfn);
Datum
port_range_agg_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = port_agg_context(fcinfo, "port_range_agg_transfn");
	port_bitmap *state;

	state = PG_ARGISNULL(0) ? NULL : (port_bitmap *) PG_GETARG_POINTER(0);
	if (state == NULL)
		state = MemoryContextAllocZero(aggcontext, sizeof(port_bitmap));
	if (!PG_ARGISNULL(1))
		port_bitmap_set(state, PG_GETARG_PORT(1));
	PG_RETURN_POINTER(state);
}

PG_FUNCTION_INFO_V1(port_range_agg_finalfn);
Datum
port_range_agg_finalfn(PG_FUNCTION_ARGS)
{
	port_bitmap *state;
	Oid			mltrngtypid;
	TypeCacheEntry *typcache;
	RangeType **ranges;
	int32		n = 0;
	uint32_t	pos = 0;
	uint16_t	lo;
	uint16_t	hi;

	(void) port_agg_context(fcinfo, "port_range_agg_finalfn");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (port_bitmap *) PG_GETARG_POINTER(0);

	mltrngtypid = get_fn_expr_rettype(fcinfo->flinfo);
	if (!OidIsValid(mltrngtypid))
		mltrngtypid = get_func_rettype(fcinfo->flinfo->fn_oid);
	typcache = lookup_type_cache(mltrngtypid, TYPECACHE_MULTIRANGE_INFO);

	/* at most 32768 runs: every other port */
	ranges = palloc(sizeof(RangeType *) * ((PORT_MAX + 1) / 2));
	while (port_bitmap_next_run(state, &pos, &lo, &hi))
		ranges[n++] = port_make_interval(typcache->rngtype, lo, hi);

	PG_RETURN_MULTIRANGE_P(make_multirange(mltrngtypid, typcache->rngtype,
										   n, ranges));
}


/*****************************************************************************
 * percentile_cont(float8 | float8[]) WITHIN GROUP (ORDER BY port)
 *****************************************************************************/

typedef struct PortValues
{
	uint16	   *v;
	size_t		n;
	size_t		size;
	bool		sorted;
} PortValues;

PG_FUNCTION_INFO_V1(port_values_transfn);
Datum
port_values_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext = port_agg_context(fcinfo, "port_values_transfn");
	PortValues *state;

	state = PG_ARGISNULL(0) ? NULL : (PortValues *) PG_GETARG_POINTER(0);
	if (state == NULL)
	{
		state = MemoryContextAllocZero(aggcontext, sizeof(PortValues));
		state->size = 64;
		state->v = MemoryContextAlloc(aggcontext, sizeof(uint16) * state->size);
	}
	if (!PG_ARGISNULL(1))
	{
		if (state->n == state->size)
		{
			state->size *= 2;
			state->v = repalloc_huge(state->v, sizeof(uint16) * state->size);
		}
		state->v[state->n++] = PG_GETARG_PORT(1);
		state->sorted = false;
	}
	PG_RETURN_POINTER(state);
}

/* the values of the group, sorted; NULL if there were none */
static PortValues *
port_values_sorted(FunctionCallInfo fcinfo)
{
	PortValues *state;

	(void) port_agg_context(fcinfo, "percentile_cont");
	if (PG_ARGISNULL(0))
		return NULL;
	state = (PortValues *) PG_GETARG_POINTER(0);
	if (state->n == 0)
		return NULL;
	if (!state->sorted)
	{
		/* counting sort pays off once the values outnumber the counters */
		size_t	   *count = NULL;

		if (state->n > 4096)
			count = palloc0(sizeof(size_t) * (PORT_MAX + 1));
		port_sort_values(state->v, state->n, count);
		if (count)
			pfree(count);
		state->sorted = true;
	}
	return state;
}

static void
port_check_fraction(float8 fraction)
{
	if (fraction < 0 || fraction > 1 || isnan(fraction))
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("percentile value %g is not between 0 and 1",
					   fraction));
}

PG_FUNCTION_INFO_V1(port_percentile_cont_final);
Datum
port_percentile_cont_final(PG_FUNCTION_ARGS)
{
	PortValues *state;
	float8		fraction;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	fraction = PG_GETARG_FLOAT8(1);
	port_check_fraction(fraction);
	state = port_values_sorted(fcinfo);
	if (state == NULL)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(port_percentile_cont(state->v, state->n, fraction));
}

PG_FUNCTION_INFO_V1(port_percentile_cont_multi_final);
Datum
port_percentile_cont_multi_final(PG_FUNCTION_ARGS)
{
	PortValues *state;
	ArrayType  *fractions;
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	int			i;
	ArrayType  *result;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	fractions = PG_GETARG_ARRAYTYPE_P(1);
	deconstruct_array(fractions, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &nelems);
	for (i = 0; i < nelems; i++)
		if (!nulls[i])
			port_check_fraction(DatumGetFloat8(elems[i]));
	state = port_values_sorted(fcinfo);
	if (state == NULL)
		PG_RETURN_NULL();
	for (i = 0; i < nelems; i++)
		if (!nulls[i])
			elems[i] = Float8GetDatum(port_percentile_cont(state->v, state->n,
														   DatumGetFloat8(elems[i])));
	if (ARR_NDIM(fractions) == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(FLOAT8OID));
	result = construct_md_array(elems, nulls, ARR_NDIM(fractions),
								ARR_DIMS(fractions), ARR_LBOUND(fractions),
								FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
								TYPALIGN_DOUBLE);
	PG_RETURN_ARRAYTYPE_P(result);
}
