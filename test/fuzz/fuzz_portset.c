/*-------------------------------------------------------------------------
 *
 * fuzz_portset.c
 *	  libFuzzer target for the port-set helpers of src/port_core.c: the
 *	  bitmap runs behind range_agg(port) and the sort and interpolation
 *	  behind percentile_cont(... ORDER BY port).
 *
 * The input, read as 16-bit ports, fills a bitmap: its runs must be
 * increasing, disjoint, not adjacent, and cover exactly the ports given.
 * Sorted, the same ports must come out in order by both sorts (counting
 * sort for longer inputs), and every
 * percentile must lie between the smallest and the largest.
 *
 * test/fuzz/fuzz_portset.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "port_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static port_bitmap bitmap;
static uint8_t seen[PORT_MAX + 1];
static size_t count[PORT_MAX + 1];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		n = size / 2;
	uint16_t   *a = malloc(sizeof(uint16_t) * (n + 1));
	uint16_t   *b = malloc(sizeof(uint16_t) * (n + 1));
	uint32_t	pos = 0;
	uint16_t	lo;
	uint16_t	hi;
	int			first = 1;
	uint32_t	prev_hi = 0;
	size_t		covered = 0;
	size_t		distinct = 0;

	if (a == NULL || b == NULL)
		abort();
	memset(&bitmap, 0, sizeof(bitmap));
	memset(seen, 0, sizeof(seen));
	for (size_t i = 0; i < n; i++)
	{
		a[i] = b[i] = (uint16_t) (data[2 * i] | (data[2 * i + 1] << 8));
		port_bitmap_set(&bitmap, a[i]);
		if (!seen[a[i]])
			distinct++;
		seen[a[i]] = 1;
	}
	while (port_bitmap_next_run(&bitmap, &pos, &lo, &hi))
	{
		if (lo > hi || (!first && lo <= prev_hi + 1))
			abort();
		for (uint32_t p = lo; p <= hi; p++)
			if (!seen[p])
				abort();
		covered += (size_t) hi - lo + 1;
		prev_hi = hi;
		first = 0;
	}
	if (covered != distinct)
		abort();

	port_sort_values(a, n, n > 256 ? count : NULL);
	port_sort_values(b, n, NULL);
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i] || (i > 0 && a[i - 1] > a[i]))
			abort();
	if (n > 0)
	{
		for (int k = 0; k <= 8; k++)
		{
			double		v = port_percentile_cont(a, n, k / 8.0);

			if (v < a[0] || v > a[n - 1])
				abort();
		}
	}
	free(a);
	free(b);
	return 0;
}
