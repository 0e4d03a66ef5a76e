/*-------------------------------------------------------------------------
 *
 * test_port_wire.c
 *	  Unit tests for the binary-form readers (src/port_wire.c).
 *
 * Every input is copied into a buffer of exactly its length, so that
 * AddressSanitizer catches any read past the end.  Checks: all 65,536
 * ports and every other length; every flags byte; every proper prefix and
 * every one-byte extension of valid ranges and multiranges; random
 * multiranges read back as written; counts that cannot fit.
 *
 * Prints "not ok NAME" per failed check and a last line "N passed,
 * N failed"; exits non-zero if anything failed.
 *
 * test/wire/test_port_wire.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "port_wire.h"

static int	passed;
static int	failed;

static void
check(int ok, const char *name, long arg)
{
	if (ok)
		passed++;
	else
	{
		failed++;
		printf("not ok %s (%ld)\n", name, arg);
	}
}

static uint8_t *
copy_exact(const uint8_t *p, size_t len)
{
	uint8_t    *c = malloc(len ? len : 1);

	if (!c)
		abort();
	if (len)
		memcpy(c, p, len);
	return c;
}

static size_t
put_u32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t) (v >> 24);
	p[1] = (uint8_t) (v >> 16);
	p[2] = (uint8_t) (v >> 8);
	p[3] = (uint8_t) v;
	return 4;
}

/* the layout range_send() writes for a portrange */
static size_t
encode_range(uint8_t *p, uint8_t flags, uint16_t lo, uint16_t hi)
{
	size_t		n = 0;

	p[n++] = flags;
	if (!(flags & (PORT_WIRE_EMPTY | PORT_WIRE_LB_INF)))
	{
		n += put_u32(p + n, 2);
		p[n++] = (uint8_t) (lo >> 8);
		p[n++] = (uint8_t) lo;
	}
	if (!(flags & (PORT_WIRE_EMPTY | PORT_WIRE_UB_INF)))
	{
		n += put_u32(p + n, 2);
		p[n++] = (uint8_t) (hi >> 8);
		p[n++] = (uint8_t) hi;
	}
	return n;
}

static port_wire_status
range_exact(const uint8_t *p, size_t len, port_wire_range *w)
{
	uint8_t    *c = copy_exact(p, len);
	port_wire_status st = port_wire_range_read(c, len, w);

	free(c);
	return st;
}

/* a whole multirange, as portmultirange_recv() reads it */
static port_wire_status
multirange_exact(const uint8_t *p, size_t len, int32_t *count, port_wire_range *out)
{
	uint8_t    *c = copy_exact(p, len);
	port_wire_status st;
	size_t		off = 4;

	st = port_wire_multirange_count(c, len, count);
	for (int32_t i = 0; st == PORT_WIRE_OK && i < *count; i++)
	{
		const uint8_t *r;
		size_t		rlen;

		st = port_wire_multirange_next(c, len, &off, &r, &rlen);
		if (st == PORT_WIRE_OK)
			st = port_wire_range_read(r, rlen, &out[i]);
	}
	if (st == PORT_WIRE_OK && off != len)
		st = PORT_WIRE_TRAILING;
	free(c);
	return st;
}

static void
test_ports(void)
{
	uint8_t		b[8] = {0};
	int			bad = 0;

	for (unsigned v = 0; v <= 65535; v++)
	{
		uint16_t	out = 0;
		uint8_t    *c;

		b[0] = (uint8_t) (v >> 8);
		b[1] = (uint8_t) v;
		c = copy_exact(b, 2);
		if (port_wire_port(c, 2, &out) != PORT_WIRE_OK || out != v)
			bad++;
		free(c);
	}
	check(bad == 0, "all 65536 ports read back", bad);
	for (size_t len = 0; len <= 8; len++)
	{
		uint16_t	out = 0;
		uint8_t    *c;

		if (len == 2)
			continue;
		c = copy_exact(b, len);
		check(port_wire_port(c, len, &out) == PORT_WIRE_PORT_LENGTH,
			  "port of wrong length rejected", (long) len);
		free(c);
	}
}

static void
test_flags(void)
{
	uint8_t		b[32];

	for (int f = 0; f < 256; f++)
	{
		size_t		n = encode_range(b, (uint8_t) f, 22, 80);
		port_wire_range w;
		port_wire_status st = range_exact(b, n, &w);
		int			valid = (f & ~PORT_WIRE_KNOWN_FLAGS) == 0 &&
			(!(f & PORT_WIRE_EMPTY) || f == PORT_WIRE_EMPTY);

		if (valid)
			check(st == PORT_WIRE_OK &&
				  w.empty == ((f & PORT_WIRE_EMPTY) != 0) &&
				  w.has_lower == !(f & (PORT_WIRE_EMPTY | PORT_WIRE_LB_INF)) &&
				  w.has_upper == !(f & (PORT_WIRE_EMPTY | PORT_WIRE_UB_INF)) &&
				  (!w.has_lower || (w.lower == 22 && w.lower_inc == !!(f & PORT_WIRE_LB_INC))) &&
				  (!w.has_upper || (w.upper == 80 && w.upper_inc == !!(f & PORT_WIRE_UB_INC))),
				  "valid flags byte read", f);
		else
			check(st == PORT_WIRE_BAD_FLAGS, "bad flags byte rejected", f);
	}
}

static void
test_prefixes(void)
{
	static const struct
	{
		uint8_t		flags;
		uint16_t	lo,
					hi;
	}			cases[] = {
		{PORT_WIRE_EMPTY, 0, 0},
		{PORT_WIRE_LB_INC, 22, 23},
		{PORT_WIRE_LB_INC | PORT_WIRE_UB_INC, 0, 65535},
		{PORT_WIRE_LB_INC | PORT_WIRE_UB_INF, 1024, 0},
		{PORT_WIRE_LB_INF | PORT_WIRE_UB_INF, 0, 0},
		{PORT_WIRE_LB_INF, 0, 80},
		{0, 5, 5},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		uint8_t		b[32];
		size_t		n = encode_range(b, cases[i].flags, cases[i].lo, cases[i].hi);
		port_wire_range w;

		check(range_exact(b, n, &w) == PORT_WIRE_OK, "range read", (long) i);
		for (size_t k = 0; k < n; k++)
			check(range_exact(b, k, &w) != PORT_WIRE_OK, "range prefix rejected",
				  (long) (i * 100 + k));
		b[n] = 0;
		check(range_exact(b, n + 1, &w) == PORT_WIRE_TRAILING, "range extension rejected",
			  (long) i);
	}
	{
		uint8_t		b[32];
		size_t		n = encode_range(b, PORT_WIRE_LB_INC, 80, 22);
		port_wire_range w;

		check(range_exact(b, n, &w) == PORT_WIRE_REVERSED, "reversed range rejected", 0);
	}
}

static void
test_multiranges(void)
{
	uint8_t    *b = malloc(64 * 20 + 4);
	port_wire_range *got = malloc(64 * sizeof(port_wire_range));

	srand(11);
	for (int iter = 0; iter < 2000; iter++)
	{
		int			count = rand() % 8;
		size_t		n = put_u32(b, (uint32_t) count);
		uint16_t	los[8],
					his[8];
		int32_t		c = -1;
		port_wire_status st;
		int			ok = 1;

		for (int i = 0; i < count; i++)
		{
			size_t		lenpos = n;
			size_t		rlen;

			los[i] = (uint16_t) (rand() % 65536);
			his[i] = (uint16_t) (los[i] + rand() % (65536 - los[i]));
			n += 4;
			rlen = encode_range(b + n, PORT_WIRE_LB_INC | PORT_WIRE_UB_INC, los[i], his[i]);
			put_u32(b + lenpos, (uint32_t) rlen);
			n += rlen;
		}
		st = multirange_exact(b, n, &c, got);
		ok = st == PORT_WIRE_OK && c == count;
		for (int i = 0; ok && i < count; i++)
			ok = got[i].lower == los[i] && got[i].upper == his[i] &&
				got[i].lower_inc && got[i].upper_inc;
		check(ok, "random multirange read back", iter);
		if (iter < 200)
		{
			for (size_t k = 0; k < n; k++)
				check(multirange_exact(b, k, &c, got) != PORT_WIRE_OK,
					  "multirange prefix rejected", (long) (iter * 1000 + k));
			b[n] = 0;
			check(multirange_exact(b, n + 1, &c, got) != PORT_WIRE_OK,
				  "multirange extension rejected", iter);
		}
	}
	{
		uint8_t		h[9] = {0};
		int32_t		c;

		put_u32(h, 0x80000000u);
		check(port_wire_multirange_count(h, 4, &c) == PORT_WIRE_BAD_COUNT, "negative count", 0);
		put_u32(h, 1);
		check(port_wire_multirange_count(h, 9, &c) == PORT_WIRE_OK && c == 1, "count fits", 1);
		check(port_wire_multirange_count(h, 8, &c) == PORT_WIRE_BAD_COUNT, "count does not fit", 1);
		put_u32(h, 2);
		check(port_wire_multirange_count(h, 9, &c) == PORT_WIRE_BAD_COUNT, "count too large", 2);
	}
	free(b);
	free(got);
}

int
main(void)
{
	test_ports();
	test_flags();
	test_prefixes();
	test_multiranges();
	for (int s = PORT_WIRE_OK; s <= PORT_WIRE_SHORT_RANGE; s++)
		check(port_wire_message((port_wire_status) s)[0] != '\0', "message", s);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
