/*-------------------------------------------------------------------------
 *
 * fuzz_registry.c
 *	  libFuzzer target for the registry lookups (src/registry.c).
 *
 * The input is used two ways: whole, as a service name (not NUL-terminated)
 * for every protocol; and its first two bytes as a port.  Checks: a name
 * resolves only to a port where the registry lists that name; a port's
 * primary name resolves back to a port; nothing reads out of bounds.
 *
 * test/fuzz/fuzz_registry.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* does the registry list name (any case) at port for proto? */
static int
listed_at(const char *name, size_t len, int32_t port, int proto)
{
	size_t		idx[64];
	size_t		n = reg_entries_for_port((uint16_t) port, idx, 64);
	size_t		i;

	for (i = 0; i < n && i < 64; i++)
	{
		reg_entry	e;

		if (reg_entry_get(idx[i], &e) && e.proto == proto && e.name != NULL &&
			strlen(e.name) == len && strncasecmp(e.name, name, len) == 0)
			return 1;
	}
	return n > 64;				/* too many to check: do not fail */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *name = (const char *) data;
	int			proto;
	int32_t		any = reg_port_by_name_any(name, size);

	if (any < -1 || any > 65535)
		abort();
	any = reg_resolve_name_any(name, size);
	if (any < -1 || any > 65535)
		abort();
	for (proto = 0; proto < REG_NPROTO; proto++)
	{
		int32_t		p = reg_port_by_name(name, size, (reg_proto) proto);

		if (p < -1 || p > 65535)
			abort();
		if (p >= 0 && !listed_at(name, size, p, proto))
			abort();
		p = reg_resolve_name(name, size, (reg_proto) proto);
		if (p >= 0 && !listed_at(name, size, p, proto) &&
			reg_common_port_by_name(name, size, (reg_proto) proto) != p)
			abort();
	}

	if (size >= 2)
	{
		uint16_t	port = (uint16_t) ((data[0] << 8) | data[1]);

		for (proto = 0; proto < REG_NPROTO; proto++)
		{
			const char *primary = reg_primary_name(port, (reg_proto) proto);

			if (primary != NULL &&
				reg_port_by_name(primary, strlen(primary), (reg_proto) proto) < 0)
				abort();
			(void) reg_defacto_name(port, (reg_proto) proto);
		}
	}
	return 0;
}
