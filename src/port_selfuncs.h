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

extern double port_range_selectivity(VariableStatData *vardata, Oid statstype,
									 bool has_lo, int64 lo,
									 bool has_hi, int64 hi,
									 double no_hist_frac);

#endif							/* PORT_SELFUNCS_H */
