/*-------------------------------------------------------------------------
 *
 * service.c
 *	  Service-name lookups for the port type's input function.
 *
 * src/service.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "port.h"

/*
 * port_lookup_service_any
 *		The port of a service name in any transport protocol, or -1.
 */
int32
port_lookup_service_any(const char *name, size_t len)
{
	(void) name;
	(void) len;
	return -1;
}
