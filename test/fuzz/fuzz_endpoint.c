/*-------------------------------------------------------------------------
 *
 * fuzz_endpoint.c
 *	  libFuzzer target for src/endpoint_core.c.
 *
 * Feeds arbitrary bytes (not NUL-terminated) to ep_parse() in both styles,
 * to the Docker and nginx list scanners, and checks the invariants: an
 * accepted endpoint prints in at most EP_TEXT_MAX bytes, parses back to
 * itself and packs and unpacks to itself; an error's span lies inside the
 * input; the list scanners always advance and stop.
 *
 * test/fuzz/fuzz_endpoint.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "endpoint_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_one(const char *s, size_t size, ep_style style)
{
	ep_value	v;
	ep_error	err;
	ep_status	st = ep_parse(s, size, style, &v, &err);

	if (st == EP_OK)
	{
		char		buf[EP_TEXT_MAX];
		char		buf2[EP_TEXT_MAX];
		ep_value	again;
		uint8_t		packed[EP_STORED_MAX];
		size_t		n = ep_format(&v, buf);
		size_t		plen;

		if (n >= EP_TEXT_MAX || strlen(buf) != n)
			abort();
		if (ep_parse(buf, n, EP_STYLE_BRACKETED, &again, &err) != EP_OK ||
			memcmp(&v, &again, sizeof(v)) != 0)
			abort();
		ep_format(&again, buf2);
		if (strcmp(buf, buf2) != 0)
			abort();
		plen = ep_pack(&v, packed);
		if (!ep_unpack(packed, plen, &again) || memcmp(&v, &again, sizeof(v)) != 0)
			abort();
		if (ep_compare_packed(packed, plen, packed, plen) != 0)
			abort();
	}
	else if (err.off > size || err.len > size - err.off ||
			 err.problem == EP_PROBLEM_NONE ||
			 (st == EP_RANGE) != (err.problem == EP_PROBLEM_PORT_RANGE))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	size_t		pos = 0;
	size_t		last = 0;
	bool		found;
	int			guard = 0;

	check_one(s, size, EP_STYLE_BRACKETED);
	check_one(s, size, EP_STYLE_LAST_COLON);

	for (;;)
	{
		ep_docker_mapping m;
		ep_error	err;

		if (ep_docker_next(s, size, &pos, &found, &m, &err) != EP_OK || !found)
			break;
		if (pos <= last && guard++ > 0)
			abort();
		last = pos;
		if (m.host_last < m.host.port || m.container_last < m.container_first)
			abort();
	}

	pos = 0;
	last = 0;
	guard = 0;
	for (;;)
	{
		ep_upstream_kind kind;
		ep_value	v;
		ep_error	err;

		if (ep_upstream_next(s, size, &pos, &found, &kind, &v, &err) != EP_OK || !found)
			break;
		if (pos <= last && guard++ > 0)
			abort();
		if (pos > size)
			abort();
		last = pos;
	}
	return 0;
}
