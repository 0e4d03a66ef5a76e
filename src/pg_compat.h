/*-------------------------------------------------------------------------
 *
 * pg_compat.h
 *	  The one place where portrange's backend code meets the differences
 *	  between PostgreSQL majors (15 to 19).
 *
 * Every backend file includes this right after postgres.h (port.h does it
 * for the files that include port.h).  The plain-C cores (port_core.c,
 * fwparse.c, registry.c) do not include PostgreSQL headers at all.
 *
 *	16: varatt.h is no longer included by postgres.h; soft errors
 *		(errsave, escontext) exist; range_serialize()/make_range() take
 *		an escontext argument.
 *	19: numeric_int4_opt_error() became numeric_int4_safe(), which reports
 *		through an escontext.
 *
 * src/pg_compat.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORTRANGE_PG_COMPAT_H
#define PORTRANGE_PG_COMPAT_H

#if PG_VERSION_NUM < 150000
#error "portrange needs PostgreSQL 15 or later"
#endif

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#include "nodes/miscnodes.h"
#endif
#include "utils/numeric.h"

/*
 * Soft errors (PostgreSQL 16+) let pg_input_is_valid() and COPY ... ON_ERROR
 * see a bad value without an exception; before 16 this is a plain ERROR.
 */
#if PG_VERSION_NUM >= 160000
#define port_errsave(escontext, ...)	errsave(escontext, __VA_ARGS__)
#else
#define port_errsave(escontext, ...)	ereport(ERROR, __VA_ARGS__)
#endif

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

/*
 * port_numeric_to_int4
 *		numeric -> int4 rounding half away from zero, as the cast does;
 *		sets *failed instead of throwing when the value does not fit.
 */
static inline int32
port_numeric_to_int4(Numeric num, bool *failed)
{
#if PG_VERSION_NUM >= 190000
	ErrorSaveContext escontext = {.type = T_ErrorSaveContext};
	int32		result;

	result = numeric_int4_safe(num, (Node *) &escontext);
	*failed = escontext.error_occurred;
	return result;
#else
	return numeric_int4_opt_error(num, failed);
#endif
}

#endif							/* PORTRANGE_PG_COMPAT_H */
