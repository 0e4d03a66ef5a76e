/*-------------------------------------------------------------------------
 *
 * fuzz_fwparse.c
 *	  libFuzzer target for the firewall port-set parser and printer.
 *
 * For every input:
 *	1. parse the bytes (passed as a heap buffer of exactly "size" bytes,
 *	   not NUL-terminated) with a small dummy service-name lookup;
 *	   check the invariants of the result or of the error;
 *	2. on success, format the set in every style, check the snprintf-like
 *	   contract, parse the text back and require the identical set;
 *	3. parse again with an allocator that fails at one of the allocations
 *	   and require a clean FW_ERR_NOMEM;
 *	4. build a set directly from the bytes and round-trip it through
 *	   every style.
 * Any violation calls abort().  All allocations are counted and leaks
 * abort as well.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *			src/fwparse.c test/fuzz/fuzz_fwparse.c
 *
 * IDENTIFICATION
 *	  test/fuzz/fuzz_fwparse.c
 *
 *-------------------------------------------------------------------------
 */
#include "fwparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) \
	do { \
		if (!(cond)) \
		{ \
			fprintf(stderr, "check failed at %s:%d: %s\n", \
					__FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

typedef struct fuzz_alloc
{
	long		live;
	long		calls;
	long		fail_at;
} fuzz_alloc;

static void *
fuzz_realloc(void *ptr, size_t size, void *arg)
{
	fuzz_alloc *a = (fuzz_alloc *) arg;
	void	   *res;

	if (size == 0)
	{
		if (ptr != NULL)
			a->live--;
		free(ptr);
		return NULL;
	}
	a->calls++;
	if (a->fail_at > 0 && a->calls == a->fail_at)
		return NULL;
	res = realloc(ptr, size);
	if (res != NULL && ptr == NULL)
		a->live++;
	return res;
}

static const struct
{
	const char *name;
	int32_t		port;
}			names[] = {
	{"ftp-data", 20}, {"ftp", 21}, {"ssh", 22}, {"http", 80},
	{"https", 443}, {"3com-tsmux", 106}, {"9pfs", 564}, {"x.y", 9999},
	{"zero", 0}, {"max", 65535}, {"big", 70000}, {"neg", -7},
	{"huge", 2147483647}, {"min", -2147483647 - 1}, {NULL, 0}
};

static int32_t
fuzz_lookup(const char *name, size_t len, void *arg)
{
	int			i;

	(void) arg;
	CHECK(name != NULL && len > 0 && len <= FW_NAME_MAX);
	for (i = 0; names[i].name != NULL; i++)
	{
		if (strlen(names[i].name) == len &&
			memcmp(names[i].name, name, len) == 0)
			return names[i].port;
	}
	return -1;
}

static void
check_result(const fw_result *res, fw_status st, size_t len)
{
	size_t		i;

	CHECK(res->status == st);
	if (st == FW_OK)
	{
		CHECK(res->n > 0 && res->iv != NULL);
		CHECK(fw_is_normalized(res->iv, res->n));
		CHECK(res->err_msg[0] == '\0');
		return;
	}
	CHECK(st == FW_ERR_SYNTAX || st == FW_ERR_RANGE || st == FW_ERR_EMPTY ||
		  st == FW_ERR_NOMEM);
	CHECK(res->iv == NULL && res->n == 0);
	CHECK(res->err_offset <= len);
	CHECK(res->err_len <= len - res->err_offset);
	CHECK(res->err_msg[0] != '\0');
	for (i = 0; i < FW_ERRMSG_SIZE && res->err_msg[i] != '\0'; i++)
		CHECK(res->err_msg[i] >= 0x20 && res->err_msg[i] < 0x7f);
	CHECK(i < FW_ERRMSG_SIZE);
}

/* format in every style and parse back; the set must not change */
static void
roundtrip(const fw_interval *iv, size_t n)
{
	static const fw_style styles[] = {FW_STYLE_IPTABLES, FW_STYLE_NFTABLES,
	FW_STYLE_SURICATA, FW_STYLE_PLAIN};
	int			s;

	for (s = 0; s < 4; s++)
	{
		size_t		need = fw_format(iv, n, styles[s], NULL, 0);
		char	   *out;
		size_t		got;
		fuzz_alloc	a = {0, 0, 0};
		fw_result	res;
		fw_status	st;

		CHECK(need > 0);
		out = malloc(need + 1);
		got = fw_format(iv, n, styles[s], out, need + 1);
		CHECK(got == need && strlen(out) == need);

		/* a short buffer gets a NUL-terminated prefix */
		{
			size_t		half = need / 2 + 1;
			char	   *part = malloc(half);

			CHECK(fw_format(iv, n, styles[s], part, half) == need);
			CHECK(strlen(part) == half - 1);
			CHECK(memcmp(part, out, half - 1) == 0);
			free(part);
		}

		/* parse exactly "need" bytes: the NUL is not part of the input */
		st = fw_parse(out, need, NULL, NULL, fuzz_realloc, &a, &res);
		if (st != FW_OK)
		{
			fprintf(stderr, "re-parse of \"%s\" failed: %s\n", out,
					res.err_msg);
			abort();
		}
		CHECK(res.n == n);
		CHECK(memcmp(res.iv, iv, n * sizeof(fw_interval)) == 0);
		fw_result_free(&res, fuzz_realloc, &a);
		CHECK(a.live == 0);
		free(out);
	}
}

static int
cmp_iv(const void *x, const void *y)
{
	const fw_interval *a = x;
	const fw_interval *b = y;

	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	return 0;
}

/* build a set straight from the bytes and round-trip it */
static void
bytes_as_set(const uint8_t *data, size_t size)
{
	fw_interval iv[256];
	size_t		n = 0;
	size_t		i;
	size_t		m;

	for (i = 0; i + 3 <= size && n < 256; i += 3)
	{
		uint32_t	lo = ((uint32_t) data[i] << 8) | data[i + 1];
		uint32_t	span = data[i + 2];
		uint32_t	hi;

		/* small spans mostly, occasionally huge ones */
		if (span >= 0xf0)
			span = (span - 0xf0) * 4096;
		hi = lo + span;
		if (hi > FW_PORT_MAX)
			hi = FW_PORT_MAX;
		iv[n].lo = (uint16_t) lo;
		iv[n].hi = (uint16_t) hi;
		n++;
	}
	if (n == 0)
		return;
	qsort(iv, n, sizeof(fw_interval), cmp_iv);
	m = 0;
	for (i = 1; i < n; i++)
	{
		if ((uint32_t) iv[i].lo <= (uint32_t) iv[m].hi + 1)
		{
			if (iv[i].hi > iv[m].hi)
				iv[m].hi = iv[i].hi;
		}
		else
			iv[++m] = iv[i];
	}
	n = m + 1;
	CHECK(fw_is_normalized(iv, n));
	roundtrip(iv, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *buf = malloc(size > 0 ? size : 1);
	fuzz_alloc	a = {0, 0, 0};
	fw_result	res;
	fw_status	st;
	fw_status	first;
	long		calls;
	uint32_t	h = 2166136261u;
	size_t		i;

	if (size > 0)
		memcpy(buf, data, size);

	/* 1. parse */
	st = fw_parse(buf, size, fuzz_lookup, NULL, fuzz_realloc, &a, &res);
	check_result(&res, st, size);
	CHECK(st != FW_ERR_NOMEM);
	first = st;
	calls = a.calls;

	/* 2. round trip through every style */
	if (st == FW_OK)
		roundtrip(res.iv, res.n);
	fw_result_free(&res, fuzz_realloc, &a);
	CHECK(res.iv == NULL && res.n == 0);
	CHECK(a.live == 0);

	/* 3. the same parse with one allocation failing */
	if (calls > 0)
	{
		for (i = 0; i < size; i++)
			h = (h ^ data[i]) * 16777619u;
		a.live = 0;
		a.calls = 0;
		a.fail_at = 1 + (long) (h % (uint32_t) calls);
		st = fw_parse(buf, size, fuzz_lookup, NULL, fuzz_realloc, &a, &res);
		check_result(&res, st, size);
		CHECK(st == FW_ERR_NOMEM || (st == first && a.fail_at > a.calls));
		fw_result_free(&res, fuzz_realloc, &a);
		CHECK(a.live == 0);
	}

	free(buf);

	/* 4. the bytes as a set */
	bytes_as_set(data, size);
	return 0;
}
