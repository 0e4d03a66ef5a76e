/*-------------------------------------------------------------------------
 *
 * port_selfuncs.c
 *	  Selectivity estimation for comparisons involving the port type.
 *
 * The comparison operators use PostgreSQL's own scalarltsel() family: the
 * planner recognises "x >= a AND x <= b" as one range only for those
 * estimators.  Predicates that are a range by themselves (the
 * classification functions, port <@ portrange) are estimated here instead:
 * the MCV list and histogram are decoded directly -- port, int2, int4 and
 * int8 values are all integers -- and the histogram is interpolated
 * linearly, which scalarineqsel() does only for built-in types.
 *
 * src/port_selfuncs.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include <float.h>

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/pathnodes.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

#include "port.h"
#include "port_selfuncs.h"

/*
 * Decode a statistics value of one of the integer-like types.  porttype is
 * the OID of the port type (stats of a port column are stored as port).
 */
static int64
port_stat_value(Datum d, Oid typid)
{
	switch (typid)
	{
		case INT2OID:
			return DatumGetInt16(d);
		case INT4OID:
			return DatumGetInt32(d);
		case INT8OID:
			return DatumGetInt64(d);
		default:
			return DatumGetPort(d);
	}
}

/*
 * Fraction of the histogram's population strictly below x, interpolating
 * linearly inside the bucket that contains x.
 */
static double
port_hist_below(const Datum *bounds, int n, Oid typid, double x)
{
	int			lo = 0;
	int			hi = n - 1;
	double		b0 = (double) port_stat_value(bounds[0], typid);
	double		bn = (double) port_stat_value(bounds[n - 1], typid);
	double		left;
	double		right;

	if (x <= b0)
		return 0.0;
	if (x > bn)
		return 1.0;

	/* find i with bounds[i] < x <= bounds[i + 1] */
	while (hi - lo > 1)
	{
		int			mid = (lo + hi) / 2;

		if ((double) port_stat_value(bounds[mid], typid) < x)
			lo = mid;
		else
			hi = mid;
	}
	left = (double) port_stat_value(bounds[lo], typid);
	right = (double) port_stat_value(bounds[lo + 1], typid);
	return (lo + (x - left) / (right - left)) / (double) (n - 1);
}

/*
 * port_intervals_selectivity
 *		Estimated fraction of rows whose value lies in one of n disjoint,
 *		inclusive intervals, or -1 without usable statistics.
 *
 * statstype is the type the statistics values are stored as (the port type
 * or int2/int4/int8).  no_hist_frac is the fraction of the non-MCV
 * population assumed to match when there is an MCV list but no histogram.
 */
double
port_intervals_selectivity(VariableStatData *vardata, Oid statstype,
						   const PortInterval *iv, int n,
						   double no_hist_frac)
{
	AttStatsSlot sslot;
	double		nullfrac;
	double		mcv_selec = 0.0;
	double		sumcommon = 0.0;
	double		hist_selec = -1.0;
	double		selec;
	bool		have_mcv = false;
	int			i;
	int			k;

	if (!HeapTupleIsValid(vardata->statsTuple))
		return -1.0;
	if (n == 0)
		return 0.0;

	nullfrac = ((Form_pg_statistic) GETSTRUCT(vardata->statsTuple))->stanullfrac;

	if (get_attstatsslot(&sslot, vardata->statsTuple, STATISTIC_KIND_MCV,
						 InvalidOid, ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS))
	{
		for (i = 0; i < sslot.nvalues; i++)
		{
			int64		v = port_stat_value(sslot.values[i], statstype);

			sumcommon += sslot.numbers[i];
			for (k = 0; k < n; k++)
			{
				if (v >= iv[k].lo && v <= iv[k].hi)
				{
					mcv_selec += sslot.numbers[i];
					break;
				}
			}
		}
		have_mcv = true;
		free_attstatsslot(&sslot);
	}

	if (get_attstatsslot(&sslot, vardata->statsTuple, STATISTIC_KIND_HISTOGRAM,
						 InvalidOid, ATTSTATSSLOT_VALUES))
	{
		if (sslot.nvalues >= 2)
		{
			hist_selec = 0.0;
			for (k = 0; k < n; k++)
				hist_selec +=
					port_hist_below(sslot.values, sslot.nvalues, statstype,
									(double) iv[k].hi + 1.0) -
					port_hist_below(sslot.values, sslot.nvalues, statstype,
									(double) iv[k].lo);
		}
		free_attstatsslot(&sslot);
	}

	if (hist_selec < 0.0)
	{
		if (!have_mcv)
			return -1.0;
		hist_selec = no_hist_frac;
	}

	selec = mcv_selec + (1.0 - nullfrac - sumcommon) * hist_selec;
	CLAMP_PROBABILITY(selec);
	return selec;
}
