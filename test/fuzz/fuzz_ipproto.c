/*-------------------------------------------------------------------------
 *
 * fuzz_ipproto.c
 *	  libFuzzer target for the IP protocol argument parser
 *	  (reg_ipproto_parse() in src/registry.c).
 *
 * The input is a protocol as a log would write it (not NUL-terminated).
 * Checks: the result is one of the five classes; a transport is one of
 * the four; a decimal input agrees with reg_ipproto_number(); changing the
 * case of letters never changes the answer; nothing reads out of bounds.
 *
 * test/fuzz/fuzz_ipproto.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "registry.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	reg_proto	p = REG_TCP;
	reg_proto	q = REG_TCP;
	reg_ipp_result r = reg_ipproto_parse(s, size, &p);
	char		flipped[64];
	size_t		i;
	int			digits = size > 0 && size <= 3;

	if ((unsigned) r > REG_IPP_RANGE)
		abort();
	if (r == REG_IPP_PORTS && (unsigned) p >= REG_NPROTO)
		abort();

	for (i = 0; i < size && digits; i++)
		digits = s[i] >= '0' && s[i] <= '9';
	if (digits)
	{
		char		buf[4] = {0, 0, 0, 0};
		long		n;

		memcpy(buf, s, size);
		n = strtol(buf, NULL, 10);
		reg_ipp_result rn = reg_ipproto_number(n, &q);

		if (rn != r || (r == REG_IPP_PORTS && p != q))
			abort();
	}

	if (size <= sizeof(flipped))
	{
		for (i = 0; i < size; i++)
		{
			unsigned char c = data[i];

			if (c >= 'a' && c <= 'z')
				c = (unsigned char) (c - 'a' + 'A');
			else if (c >= 'A' && c <= 'Z')
				c = (unsigned char) (c - 'A' + 'a');
			flipped[i] = (char) c;
		}
		q = REG_TCP;
		if (reg_ipproto_parse(flipped, size, &q) != r || (r == REG_IPP_PORTS && p != q))
			abort();
	}
	return 0;
}
