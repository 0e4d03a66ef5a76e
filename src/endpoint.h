/*-------------------------------------------------------------------------
 *
 * endpoint.h
 *	  The endpoint type's Datum, shared by the backend files that take
 *	  endpoints (endpoint.c, community_id_glue.c).
 *
 * An endpoint is a varlena whose payload is endpoint_core.h's stored form:
 * the address, then the port, both in network byte order (6 bytes for
 * IPv4, 18 for IPv6).  With a 1-byte short header on disk, an IPv4
 * endpoint takes 7 bytes and an IPv6 endpoint 19, with no alignment
 * padding (short-header varlenas are stored unaligned).
 *
 * src/endpoint.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORTRANGE_ENDPOINT_H
#define PORTRANGE_ENDPOINT_H

#include <sys/socket.h>

#include "fmgr.h"
#include "utils/inet.h"

#include "endpoint_core.h"

extern void endpoint_datum_value(Datum d, ep_value *out);
extern Datum endpoint_value_datum(const ep_value *v);
extern void endpoint_inet_value(const inet *addr, const char *what,
								ep_value *out);

#define PG_GETARG_ENDPOINT_VALUE(n, out) \
	endpoint_datum_value(PG_GETARG_DATUM(n), (out))

#endif							/* PORTRANGE_ENDPOINT_H */
