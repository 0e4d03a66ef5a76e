/*-------------------------------------------------------------------------
 *
 * fuzz_port.c
 *	  libFuzzer target for port_parse() (src/port_core.c).
 *
 * Feeds arbitrary bytes (not NUL-terminated) and checks the invariants:
 * an accepted value prints and parses back to itself, and a name span lies
 * inside the input and holds no white space.
 *
 * test/fuzz/fuzz_port.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "port_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t	v = 0;
	size_t		off = 0;
	size_t		len = 0;
	char		buf[PORT_TEXT_MAX];

	switch (port_parse((const char *) data, size, &v, &off, &len))
	{
		case PORT_PARSE_OK:
			{
				uint16_t	again;
				size_t		o2,
							l2;
				int			n = port_format(v, buf);

				if (port_parse(buf, (size_t) n, &again, &o2, &l2) != PORT_PARSE_OK ||
					again != v)
					abort();
				break;
			}
		case PORT_PARSE_NAME:
			if (len == 0 || len > PORT_NAME_MAX || off + len > size)
				abort();
			for (size_t i = off; i < off + len; i++)
				if (data[i] == ' ' || data[i] == '\t' || data[i] == '\n')
					abort();
			break;
		case PORT_PARSE_RANGE:
		case PORT_PARSE_SYNTAX:
			break;
	}
	return 0;
}
