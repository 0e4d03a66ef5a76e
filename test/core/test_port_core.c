/*-------------------------------------------------------------------------
 *
 * test_port_core.c
 *	  Unit tests for the backend-independent port core (src/port_core.c).
 *
 * Prints "ok NAME" or "not ok NAME" per check and a last line
 * "N passed, N failed"; exits non-zero if anything failed.
 *
 * test/core/test_port_core.c
 *
 *-------------------------------------------------------------------------
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "port_core.h"

static int	passed;
static int	failed;

static void
check(int ok, const char *name, const char *detail)
{
	if (ok)
		passed++;
	else
	{
		failed++;
		printf("not ok %s %s\n", name, detail ? detail : "");
	}
}

/* parse a NUL-terminated string; returns the status, *v the value */
static port_parse_status
parse(const char *s, uint16_t *v)
{
	size_t		off = 0;
	size_t		len = 0;

	*v = 0;
	return port_parse(s, strlen(s), v, &off, &len);
}

static const char *
status_name(port_parse_status st)
{
	switch (st)
	{
		case PORT_PARSE_OK:
			return "OK";
		case PORT_PARSE_RANGE:
			return "RANGE";
		case PORT_PARSE_NAME:
			return "NAME";
		case PORT_PARSE_SYNTAX:
			return "SYNTAX";
	}
	return "?";
}

/*
 * A slow, obviously right reference: trim, optional sign, digits only,
 * value by strtoll on a bounded copy.
 */
static port_parse_status
reference(const char *s, size_t len, uint16_t *v)
{
	size_t		a = 0;
	size_t		b = len;
	size_t		i;
	int			neg = 0;
	int			digits = 0;
	int			alpha = 0;
	int			nonzero = 0;
	size_t		sig = 0;

	while (a < b && strchr(" \t\n\r\f\v", s[a]) && s[a] != '\0')
		a++;
	while (b > a && strchr(" \t\n\r\f\v", s[b - 1]) && s[b - 1] != '\0')
		b--;
	if (a == b)
		return PORT_PARSE_SYNTAX;
	i = a;
	if (s[i] == '+' || s[i] == '-')
	{
		neg = s[i] == '-';
		i++;
	}
	for (; i < b && s[i] >= '0' && s[i] <= '9'; i++)
	{
		digits++;
		if (s[i] != '0' || nonzero)
		{
			nonzero = 1;
			sig++;
		}
	}
	if (digits > 0 && i == b)
	{
		char		buf[32];
		size_t		k;
		size_t		n = 0;
		long long	val;

		if (sig > 6)
			return PORT_PARSE_RANGE;
		for (k = b - sig; k < b; k++)
			buf[n++] = s[k];
		buf[n] = '\0';
		val = n ? strtoll(buf, NULL, 10) : 0;
		if (val > 65535 || (neg && val != 0))
			return PORT_PARSE_RANGE;
		*v = (uint16_t) val;
		return PORT_PARSE_OK;
	}
	if (b - a > PORT_NAME_MAX)
		return PORT_PARSE_SYNTAX;
	for (i = a; i < b; i++)
	{
		if (strchr(" \t\n\r\f\v", s[i]) && s[i] != '\0')
			return PORT_PARSE_SYNTAX;
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
			alpha = 1;
	}
	return alpha ? PORT_PARSE_NAME : PORT_PARSE_SYNTAX;
}

static void
test_table(void)
{
	static const struct
	{
		const char *in;
		port_parse_status st;
		uint16_t	v;
	}			cases[] = {
		{"0", PORT_PARSE_OK, 0}, {"1", PORT_PARSE_OK, 1},
		{"1023", PORT_PARSE_OK, 1023}, {"1024", PORT_PARSE_OK, 1024},
		{"49151", PORT_PARSE_OK, 49151}, {"49152", PORT_PARSE_OK, 49152},
		{"65535", PORT_PARSE_OK, 65535}, {"0443", PORT_PARSE_OK, 443},
		{"+80", PORT_PARSE_OK, 80}, {" \t80\n", PORT_PARSE_OK, 80},
		{"-0", PORT_PARSE_OK, 0}, {"000000000000000000000065535", PORT_PARSE_OK, 65535},
		{"65536", PORT_PARSE_RANGE, 0}, {"-1", PORT_PARSE_RANGE, 0},
		{"99999999999999999999999", PORT_PARSE_RANGE, 0}, {"-65535", PORT_PARSE_RANGE, 0},
		{"", PORT_PARSE_SYNTAX, 0}, {"   ", PORT_PARSE_SYNTAX, 0},
		{"+", PORT_PARSE_SYNTAX, 0}, {"-", PORT_PARSE_SYNTAX, 0},
		{"++1", PORT_PARSE_SYNTAX, 0}, {"8 0", PORT_PARSE_SYNTAX, 0},
		{"80.0", PORT_PARSE_SYNTAX, 0}, {"80,", PORT_PARSE_SYNTAX, 0},
		{"1e3", PORT_PARSE_NAME, 0}, {"0x50", PORT_PARSE_NAME, 0},
		{"80abc", PORT_PARSE_NAME, 0}, {"https", PORT_PARSE_NAME, 0},
		{" ssh ", PORT_PARSE_NAME, 0}, {"3com-tsmux", PORT_PARSE_NAME, 0},
		{"my service", PORT_PARSE_SYNTAX, 0},
	};
	size_t		i;
	char		name[128];
	char		detail[128];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		uint16_t	v;
		port_parse_status st = parse(cases[i].in, &v);

		snprintf(name, sizeof(name), "parse_table_%zu", i);
		snprintf(detail, sizeof(detail), "input \"%s\": got %s %u, want %s %u",
				 cases[i].in, status_name(st), v, status_name(cases[i].st),
				 cases[i].v);
		check(st == cases[i].st && (st != PORT_PARSE_OK || v == cases[i].v),
			  name, detail);
	}
	printf("ok parse_table (%zu cases)\n", i);
}

static void
test_name_span(void)
{
	const char *s = "  https \t";
	uint16_t	v;
	size_t		off = 99;
	size_t		len = 99;
	port_parse_status st = port_parse(s, strlen(s), &v, &off, &len);

	check(st == PORT_PARSE_NAME && off == 2 && len == 5, "name_span", NULL);
	printf("ok name_span\n");
}

/* the input is (ptr,len): bytes after len must not matter */
static void
test_not_terminated(void)
{
	const char	buf[] = {'4', '4', '3', '9', '9'};
	uint16_t	v = 0;
	size_t		off,
				len;

	check(port_parse(buf, 3, &v, &off, &len) == PORT_PARSE_OK && v == 443,
		  "not_terminated", NULL);
	check(port_parse(buf, 0, &v, &off, &len) == PORT_PARSE_SYNTAX,
		  "zero_length", NULL);
	printf("ok not_terminated\n");
}

static void
test_round_trip(void)
{
	unsigned	p;
	int			bad = 0;
	char		buf[PORT_TEXT_MAX];
	char		padded[32];

	for (p = 0; p <= 65535; p++)
	{
		uint16_t	v;
		int			n = port_format((uint16_t) p, buf);

		if ((size_t) n != strlen(buf) || atoi(buf) != (int) p)
			bad++;
		if (parse(buf, &v) != PORT_PARSE_OK || v != p)
			bad++;
		snprintf(padded, sizeof(padded), " +000%u ", p);
		if (parse(padded, &v) != PORT_PARSE_OK || v != p)
			bad++;
	}
	check(bad == 0, "round_trip_all_65536", NULL);
	printf("%s round_trip_all_65536\n", bad ? "not ok" : "ok");
}

static void
test_random_against_reference(void)
{
	static const char alphabet[] = "0123456789+- \tax.e,";
	unsigned	seed = 12345;
	int			i;
	int			bad = 0;

	for (i = 0; i < 200000; i++)
	{
		char		s[16];
		size_t		len;
		size_t		k;
		uint16_t	v1 = 0,
					v2 = 0;
		size_t		off,
					nlen;
		port_parse_status a,
					b;

		seed = seed * 1103515245 + 12345;
		len = (seed >> 16) % 10;
		for (k = 0; k < len; k++)
		{
			seed = seed * 1103515245 + 12345;
			s[k] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		a = port_parse(s, len, &v1, &off, &nlen);
		b = reference(s, len, &v2);
		if (a != b || (a == PORT_PARSE_OK && v1 != v2))
		{
			if (bad++ < 5)
			{
				s[len] = '\0';
				printf("# mismatch on \"%s\": %s %u vs reference %s %u\n",
					   s, status_name(a), v1, status_name(b), v2);
			}
		}
	}
	check(bad == 0, "random_vs_reference_200000", NULL);
	printf("%s random_vs_reference_200000\n", bad ? "not ok" : "ok");
}

static void
test_long_inputs(void)
{
	size_t		n = 10 * 1024 * 1024;
	char	   *s = malloc(n);
	uint16_t	v;
	size_t		off,
				len;

	memset(s, '9', n);
	check(port_parse(s, n, &v, &off, &len) == PORT_PARSE_RANGE, "ten_mb_digits", NULL);
	memset(s, '0', n);
	s[n - 1] = '7';
	check(port_parse(s, n, &v, &off, &len) == PORT_PARSE_OK && v == 7,
		  "ten_mb_zeros_then_7", NULL);
	memset(s, 'a', n);
	check(port_parse(s, n, &v, &off, &len) == PORT_PARSE_SYNTAX, "ten_mb_letters", NULL);
	free(s);
	printf("ok long_inputs\n");
}

static void
test_classification(void)
{
	check(port_classify(0) == PORT_CLASS_WELL_KNOWN, "class_0", NULL);
	check(port_classify(1023) == PORT_CLASS_WELL_KNOWN, "class_1023", NULL);
	check(port_classify(1024) == PORT_CLASS_REGISTERED, "class_1024", NULL);
	check(port_classify(49151) == PORT_CLASS_REGISTERED, "class_49151", NULL);
	check(port_classify(49152) == PORT_CLASS_DYNAMIC, "class_49152", NULL);
	check(port_classify(65535) == PORT_CLASS_DYNAMIC, "class_65535", NULL);
	check(strcmp(port_class_label(PORT_CLASS_WELL_KNOWN), "well-known") == 0 &&
		  strcmp(port_class_label(PORT_CLASS_REGISTERED), "registered") == 0 &&
		  strcmp(port_class_label(PORT_CLASS_DYNAMIC), "dynamic") == 0,
		  "class_labels", NULL);
	printf("ok classification\n");
}

static void
test_os_ranges(void)
{
	const port_os_range *r;

	r = port_os_lookup("linux", 5);
	check(r && r->first == 32768 && r->last == 60999, "os_linux", NULL);
	r = port_os_lookup("WINDOWS", 7);
	check(r && r->first == 49152 && r->last == 65535, "os_windows_case", NULL);
	r = port_os_lookup("freebsd", 7);
	check(r && r->first == 10000 && r->last == 65535, "os_freebsd", NULL);
	r = port_os_lookup("darwin", 6);
	check(r && strcmp(r->name, "macos") == 0, "os_darwin_alias", NULL);
	r = port_os_lookup("iana", 4);
	check(r && r->first == 49152, "os_iana", NULL);
	check(port_os_lookup("linu", 4) == NULL, "os_prefix_rejected", NULL);
	check(port_os_lookup("linuxx", 6) == NULL, "os_longer_rejected", NULL);
	check(port_os_lookup("", 0) == NULL, "os_empty_rejected", NULL);
	check(port_os_count() == 5 && port_os_at(5) == NULL, "os_count", NULL);
	printf("ok os_ranges\n");
}

/* the runs of a bitmap, written as "lo-hi,lo-hi" */
static void
runs_text(const port_bitmap *b, char *buf, size_t size)
{
	uint32_t	pos = 0;
	uint16_t	lo;
	uint16_t	hi;
	size_t		n = 0;

	buf[0] = '\0';
	while (port_bitmap_next_run(b, &pos, &lo, &hi) && n + 16 < size)
		n += (size_t) snprintf(buf + n, size - n, "%s%u-%u", n ? "," : "",
							   (unsigned) lo, (unsigned) hi);
}

static void
test_bitmap_runs(void)
{
	static port_bitmap b;
	char		buf[256];
	uint32_t	pos;
	uint16_t	lo;
	uint16_t	hi;
	uint32_t	p;
	int			runs;
	uint32_t	seed = 12345;

	memset(&b, 0, sizeof(b));
	runs_text(&b, buf, sizeof(buf));
	check(strcmp(buf, "") == 0, "bitmap_empty", buf);

	port_bitmap_set(&b, 0);
	port_bitmap_set(&b, 22);
	port_bitmap_set(&b, 23);
	port_bitmap_set(&b, 63);
	port_bitmap_set(&b, 64);
	port_bitmap_set(&b, 65535);
	runs_text(&b, buf, sizeof(buf));
	check(strcmp(buf, "0-0,22-23,63-64,65535-65535") == 0, "bitmap_runs", buf);

	memset(&b, 0xff, sizeof(b));
	runs_text(&b, buf, sizeof(buf));
	check(strcmp(buf, "0-65535") == 0, "bitmap_full", buf);

	/* every other port: 32768 runs of one */
	memset(&b, 0, sizeof(b));
	for (p = 1; p <= PORT_MAX; p += 2)
		port_bitmap_set(&b, (uint16_t) p);
	pos = 0;
	runs = 0;
	while (port_bitmap_next_run(&b, &pos, &lo, &hi))
	{
		if (lo != hi || lo % 2 != 1)
			break;
		runs++;
	}
	check(runs == 32768, "bitmap_every_other", NULL);

	/* random bitmaps: the runs cover exactly the set bits, maximally */
	for (int t = 0; t < 200; t++)
	{
		static uint8_t seen[PORT_MAX + 1];
		int			ok = 1;
		uint32_t	prev_hi = 0;
		int			first = 1;

		memset(&b, 0, sizeof(b));
		memset(seen, 0, sizeof(seen));
		for (int k = 0; k < 2000; k++)
		{
			seed = seed * 1103515245u + 12345u;
			p = (seed >> 8) % (PORT_MAX + 1);
			seed = seed * 1103515245u + 12345u;
			for (uint32_t q = p; q <= PORT_MAX && q < p + (seed >> 24) % 8; q++)
				port_bitmap_set(&b, (uint16_t) q);
		}
		pos = 0;
		while (port_bitmap_next_run(&b, &pos, &lo, &hi))
		{
			if (lo > hi || (!first && lo <= prev_hi + 1))
				ok = 0;
			for (p = lo; p <= hi; p++)
				seen[p] = 1;
			prev_hi = hi;
			first = 0;
		}
		for (p = 0; p <= PORT_MAX; p++)
			if (seen[p] != ((b.w[p >> 6] >> (p & 63)) & 1))
				ok = 0;
		check(ok, "bitmap_random", NULL);
	}
	printf("ok bitmap_runs\n");
}

static void
test_percentile(void)
{
	uint16_t	v[] = {443, 22, 80, 443, 53};
	static uint16_t big[100000];
	static uint16_t big2[100000];
	static size_t count[PORT_MAX + 1];
	int			sorted = 1;

	port_sort_values(v, 5, NULL);
	check(v[0] == 22 && v[1] == 53 && v[2] == 80 && v[3] == 443 && v[4] == 443,
		  "sort_qsort", NULL);
	check(port_percentile_cont(v, 5, 0.5) == 80.0, "percentile_median", NULL);
	check(port_percentile_cont(v, 5, 0.0) == 22.0, "percentile_0", NULL);
	check(port_percentile_cont(v, 5, 1.0) == 443.0, "percentile_1", NULL);
	/* 0.125 * 4 = 0.5: halfway between 22 and 53 */
	check(port_percentile_cont(v, 5, 0.125) == 37.5, "percentile_interpolated", NULL);
	check(port_percentile_cont(v, 1, 0.7) == 22.0, "percentile_one_value", NULL);

	/* counting sort agrees with qsort, and leaves the counters zeroed */
	for (size_t i = 0; i < 100000; i++)
		big[i] = big2[i] = (uint16_t) ((i * 7919u) % 65536u);
	port_sort_values(big, 100000, count);
	port_sort_values(big2, 100000, NULL);
	for (size_t i = 1; i < 100000; i++)
		if (big[i - 1] > big[i] || big[i] != big2[i])
			sorted = 0;
	check(sorted && big[0] == big2[0], "sort_counting", NULL);
	sorted = 1;
	for (size_t i = 0; i <= PORT_MAX; i++)
		if (count[i] != 0)
			sorted = 0;
	check(sorted, "sort_counters_zeroed", NULL);
	printf("ok percentile\n");
}

int
main(void)
{
	test_table();
	test_name_span();
	test_not_terminated();
	test_round_trip();
	test_random_against_reference();
	test_long_inputs();
	test_classification();
	test_os_ranges();
	test_bitmap_runs();
	test_percentile();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
