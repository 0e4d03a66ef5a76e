/*-------------------------------------------------------------------------
 *
 * port_selfuncs.h
 *	  Selectivity estimation shared by the port and portrange operators.
 *
 * src/port_selfuncs.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORT_SELFUNCS_H
#define PORT_SELFUNCS_H

#include "utils/selfuncs.h"

/* an inclusive interval of integer values */
typedef struct PortInterval
{
	int64		lo;
	int64		hi;
} PortInterval;

extern double port_intervals_selectivity(VariableStatData *vardata,
										 Oid statstype,
										 const PortInterval *iv, int n,
										 double no_hist_frac);

#endif							/* PORT_SELFUNCS_H */
