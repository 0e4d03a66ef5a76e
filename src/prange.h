/*-------------------------------------------------------------------------
 *
 * prange.h
 *	  Helpers shared by the files that build or read portrange values.
 *
 * src/prange.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORTRANGE_PRANGE_H
#define PORTRANGE_PRANGE_H

#include "utils/rangetypes.h"
#include "utils/typcache.h"

/* PostgreSQL 16 added a soft-error context argument */
#if PG_VERSION_NUM >= 160000
#define port_range_serialize(tc, lo, up, empty) \
	range_serialize(tc, lo, up, empty, NULL)
#define port_make_range(tc, lo, up, empty) \
	make_range(tc, lo, up, empty, NULL)
#else
#define port_range_serialize(tc, lo, up, empty) \
	range_serialize(tc, lo, up, empty)
#define port_make_range(tc, lo, up, empty) \
	make_range(tc, lo, up, empty)
#endif

extern bool port_range_interval(TypeCacheEntry *typcache, const RangeType *r,
								int32 *lo, int32 *hi);
extern RangeType *port_make_interval(TypeCacheEntry *typcache,
									 int32 lo, int32 hi);

#endif							/* PORTRANGE_PRANGE_H */
