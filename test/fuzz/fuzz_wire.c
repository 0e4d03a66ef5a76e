/*-------------------------------------------------------------------------
 *
 * fuzz_wire.c
 *	  libFuzzer target for the binary-form readers (src/port_wire.c).
 *
 * Reads the input as a port, a range and a multirange.  Invariants: no
 * read outside the input (AddressSanitizer); an accepted range is exactly
 * the bytes its fields re-encode to, with its bounds in order; an accepted
 * multirange's ranges tile the input exactly.
 *
 * test/fuzz/fuzz_wire.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "port_wire.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_range(const uint8_t *p, size_t len)
{
	port_wire_range w;
	uint8_t		b[13];
	size_t		n = 1;

	if (port_wire_range_read(p, len, &w) != PORT_WIRE_OK)
		return;
	b[0] = p[0];
	if (w.has_lower)
	{
		memcpy(b + n, "\0\0\0\2", 4);
		b[n + 4] = (uint8_t) (w.lower >> 8);
		b[n + 5] = (uint8_t) w.lower;
		n += 6;
	}
	if (w.has_upper)
	{
		memcpy(b + n, "\0\0\0\2", 4);
		b[n + 4] = (uint8_t) (w.upper >> 8);
		b[n + 5] = (uint8_t) w.upper;
		n += 6;
	}
	if (n != len || memcmp(b, p, n) != 0)
		abort();
	if (w.has_lower && w.has_upper && w.lower > w.upper)
		abort();
	if (w.empty && (w.has_lower || w.has_upper))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t	v;
	int32_t		count;

	if (port_wire_port(data, size, &v) == PORT_WIRE_OK && size != 2)
		abort();
	check_range(data, size);
	if (port_wire_multirange_count(data, size, &count) == PORT_WIRE_OK)
	{
		size_t		off = 4;

		if (count < 0 || (size_t) count * 5 > size - 4)
			abort();
		for (int32_t i = 0; i < count; i++)
		{
			const uint8_t *r;
			size_t		rlen;

			if (port_wire_multirange_next(data, size, &off, &r, &rlen) != PORT_WIRE_OK)
				break;
			if (r < data || r + rlen > data + size || rlen < 1 || off > size)
				abort();
			check_range(r, rlen);
		}
	}
	return 0;
}
