/*-------------------------------------------------------------------------
 *
 * port.h
 *	  Declarations shared by the backend files of the portrange extension.
 *
 * A port is stored in two bytes, passed by value.  PostgreSQL reads a
 * 2-byte by-value attribute back from a tuple as a sign-extended int16, so
 * every port Datum is made the same way: 40000 is the Datum of (int16)
 * -25536.  Datums of equal ports are then always bitwise equal (which
 * datum_image_eq() and btree deduplication rely on), and comparing Datums
 * as unsigned integers orders ports correctly (see port_sortsupport()).
 * DatumGetPort() truncates back to the unsigned value.
 *
 * src/port.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORTRANGE_PORT_H
#define PORTRANGE_PORT_H

#include "fmgr.h"
#include "nodes/nodes.h"

#include "port_core.h"

#define DatumGetPort(X)		DatumGetUInt16(X)
#define PortGetDatum(X)		Int16GetDatum((int16) (X))
#define PG_GETARG_PORT(n)	DatumGetPort(PG_GETARG_DATUM(n))
#define PG_RETURN_PORT(x)	return PortGetDatum(x)

/* port.c */
extern bool port_text_to_value(const char *s, size_t len, uint16 *result,
							   Node *escontext);
extern uint16 port_check_int64(int64 value);
extern char *port_shorten_input(const char *s, size_t len);
extern void port_binary_error(const char *type, int status, size_t len);
extern const port_os_range *port_os_range_arg(text *os);
extern Oid	port_enum_label_oid(Oid enumtype, const char *label);
extern void port_srf_init(FunctionCallInfo fcinfo, uint64 max_calls);

/* registry lookups (service.c) */
extern int32 port_lookup_service_any(const char *name, size_t len);

#endif							/* PORTRANGE_PORT_H */
