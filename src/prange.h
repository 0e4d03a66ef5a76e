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

extern bool port_range_interval(TypeCacheEntry *typcache, const RangeType *r,
								int32 *lo, int32 *hi);
extern RangeType *port_make_interval(TypeCacheEntry *typcache,
									 int32 lo, int32 hi);

#endif							/* PORTRANGE_PRANGE_H */
