/*-------------------------------------------------------------------------
 *
 * fuzz_portproto.c
 *	  libFuzzer target for portproto_parse(), pp_spec_parse() (every tool)
 *	  and fw_parse_vars() (src/portproto_core.c, src/fwparse.c).
 *
 * The first byte picks the parser; the rest is the input (not
 * NUL-terminated).  Invariants: an accepted portproto prints and reads
 * back to itself; a parsed spec is normalized, prints in the tool's own
 * syntax and reads back to the same sets; a failure has a message and a
 * location inside the input; nothing leaks.
 *
 * test/fuzz/fuzz_portproto.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "fwparse.h"
#include "portproto_core.h"
#include "registry.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int32_t
lookup(const char *name, size_t len, int proto, void *arg)
{
	(void) arg;
	return reg_port_by_name(name, len, (reg_proto) proto);
}

static int32_t
fw_lookup(const char *name, size_t len, void *arg)
{
	(void) arg;
	return reg_port_by_name_any(name, len);
}

static int
vars(const char *name, size_t len, const char **value, size_t *vlen, void *arg)
{
	(void) arg;
	if (len == 1 && name[0] == 'A')
		*value = "[80,$B]";
	else if (len == 1 && name[0] == 'B')
		*value = "!443";
	else if (len == 1 && name[0] == 'L')
		*value = "$L";
	else
		return 0;
	*vlen = strlen(*value);
	return 1;
}

static void
check_error(const pp_error *e, size_t size)
{
	if (e->msg[0] == '\0' || e->off > size || e->off + e->len > size)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	char	   *copy;
	int			mode;

	if (size < 1)
		return 0;
	mode = data[0] % (PP_NTOOLS + 2);
	size--;
	copy = malloc(size ? size : 1);
	memcpy(copy, data + 1, size);
	s = copy;

	if (mode == PP_NTOOLS)
	{
		uint32_t	v;
		pp_error	e;

		if (portproto_parse(s, size, lookup, NULL, &v, &e) == PP_OK)
		{
			char		buf[PORTPROTO_TEXT_MAX];
			uint32_t	back;
			int			n = portproto_format(v, buf);

			if (!pp_valid(v) ||
				portproto_parse(buf, (size_t) n, lookup, NULL, &back, &e) != PP_OK ||
				back != v)
				abort();
		}
		else
			check_error(&e, size);
	}
	else if (mode == PP_NTOOLS + 1)
	{
		fw_result	r;

		if (fw_parse_vars(s, size, fw_lookup, NULL, vars, NULL, fw_std_realloc, NULL, &r) == FW_OK)
		{
			if (r.n == 0 || !fw_is_normalized(r.iv, r.n))
				abort();
			fw_result_free(&r, fw_std_realloc, NULL);
		}
		else if (r.iv != NULL || r.err_msg[0] == '\0' || r.err_offset + r.err_len > size)
			abort();
	}
	else
	{
		pp_tool		tool = (pp_tool) mode;
		pp_spec		r;

		if (pp_spec_parse(s, size, tool, pp_tool_default_mask(tool), lookup, NULL,
						  fw_std_realloc, NULL, &r) == PP_OK)
		{
			int			k;

			for (k = 0; k < PP_NPROTO; k++)
			{
				char		buf[1 << 16];
				size_t		len;
				pp_spec		again;

				if (!fw_is_normalized(r.iv[k], r.n[k]))
					abort();
				if (r.n[k] == 0)
					continue;
				len = pp_spec_format(k, r.iv[k], r.n[k], tool, buf, sizeof(buf));
				if (len == 0 || len >= sizeof(buf))
					continue;	/* not printable in this tool, or too long */
				if (pp_spec_parse(buf, len, tool, 0, lookup, NULL, fw_std_realloc, NULL,
								  &again) != PP_OK)
					abort();
				if (again.n[k] != r.n[k] ||
					memcmp(again.iv[k], r.iv[k], r.n[k] * sizeof(fw_interval)) != 0)
					abort();
				pp_spec_free(&again, fw_std_realloc, NULL);
			}
			pp_spec_free(&r, fw_std_realloc, NULL);
		}
		else
			check_error(&r.err, size);
	}
	free(copy);
	return 0;
}
