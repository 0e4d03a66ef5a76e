/*-------------------------------------------------------------------------
 *
 * test_portproto_core.c
 *	  Unit tests of src/portproto_core.c and of the fwparse.c additions
 *	  (ferm arrays, pf braces, variables, the ufw/pf/cisco/nmap styles).
 *
 * Service names resolve through the real registry (src/registry.c and the
 * generated tables).  Every input is copied into a heap buffer of exactly
 * its length, so that AddressSanitizer catches a read past the end.
 * Prints "ok NAME" / "not ok NAME" and a last line "N passed, N failed".
 *
 * test/portproto/test_portproto_core.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fwparse.h"
#include "portproto_core.h"
#include "registry.h"

static int	n_passed = 0;
static int	n_failed = 0;

static void
report(int ok, const char *what, const char *input)
{
	printf("%s %s \"%s\"\n", ok ? "ok" : "not ok", what, input);
	if (ok)
		n_passed++;
	else
		n_failed++;
}

static char *
heap_copy(const char *s, size_t len)
{
	char	   *p = malloc(len ? len : 1);

	memcpy(p, s, len);
	return p;
}

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

/* counting allocator that can fail its Nth call */
typedef struct counting
{
	long		live;
	long		calls;
	long		fail_at;
} counting;

static void *
count_realloc(void *ptr, size_t size, void *arg)
{
	counting   *c = arg;
	void	   *r;

	if (size == 0)
	{
		if (ptr != NULL)
			c->live--;
		free(ptr);
		return NULL;
	}
	c->calls++;
	if (c->fail_at != 0 && c->calls == c->fail_at)
		return NULL;
	r = realloc(ptr, size);
	if (r != NULL && ptr == NULL)
		c->live++;
	return r;
}

/* xorshift, fixed seed: the same sets every run */
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t below)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t) (rng % below);
}


/* ----------------------------------------------------------------
 *		portproto values
 * ----------------------------------------------------------------
 */

static const struct
{
	const char *in;
	const char *out;
}			valid[] = {
	{"53/udp", "53/udp"}, {"443/TCP", "443/tcp"}, {"udp/53", "53/udp"},
	{"U:53", "53/udp"}, {"T:80", "80/tcp"}, {"s:2905", "2905/sctp"},
	{"https/tcp", "443/tcp"}, {"tcp/https", "443/tcp"}, {"domain/udp", "53/udp"},
	{" 22 / tcp ", "22/tcp"}, {"0/tcp", "0/tcp"}, {"65535/dccp", "65535/dccp"},
	{"0080/sctp", "80/sctp"}, {"\t8080/tcp\n", "8080/tcp"},
};

static const struct
{
	const char *in;
	pp_status	st;
	size_t		off;
	size_t		len;
	const char *msg;
}			invalid[] = {
	{"53", PP_ERR_NOPROTO, 0, 2, "protocol missing after \"53\" (write it as 53/tcp, 53/udp, udp/53 or U:53)"},
	{"", PP_ERR_SYNTAX, 0, 0, "empty input"},
	{"53/", PP_ERR_SYNTAX, 2, 1, "missing protocol after \"/\""},
	{"/udp", PP_ERR_SYNTAX, 0, 0, "missing port"},
	{"53/icmp", PP_ERR_SYNTAX, 3, 4, "unknown protocol \"icmp\" (known are tcp, udp, sctp and dccp)"},
	{"53/udp/tcp", PP_ERR_SYNTAX, 6, 1, "unexpected second \"/\""},
	{"70000/tcp", PP_ERR_RANGE, 0, 5, "port number \"70000\" is out of range (0..65535)"},
	{"X:53", PP_ERR_SYNTAX, 0, 1, "unknown protocol letter \"X\" (nmap's are T, U and S)"},
	{"bootps/sctp", PP_ERR_SYNTAX, 0, 6, "unknown service name \"bootps\" for sctp"},
	{"53/\x01", PP_ERR_SYNTAX, 3, 1, "unknown protocol \"\\x01\" (known are tcp, udp, sctp and dccp)"},
};

static void
test_values(void)
{
	size_t		i;
	uint32_t	v;
	int			ok = 1;
	int			proto;

	for (i = 0; i < sizeof(valid) / sizeof(valid[0]); i++)
	{
		char	   *s = heap_copy(valid[i].in, strlen(valid[i].in));
		pp_error	e;
		char		buf[PORTPROTO_TEXT_MAX];
		int			good;

		good = portproto_parse(s, strlen(valid[i].in), lookup, NULL, &v, &e) == PP_OK;
		if (good)
		{
			portproto_format(v, buf);
			good = strcmp(buf, valid[i].out) == 0 && pp_valid(v);
		}
		report(good, "parse", valid[i].in);
		free(s);
	}
	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
	{
		char	   *s = heap_copy(invalid[i].in, strlen(invalid[i].in));
		pp_error	e;
		pp_status	st = portproto_parse(s, strlen(invalid[i].in), lookup, NULL, &v, &e);
		int			good = st == invalid[i].st && e.off == invalid[i].off &&
			e.len == invalid[i].len && strcmp(e.msg, invalid[i].msg) == 0;

		if (!good)
			printf("# got status %d at %zu+%zu: %s\n", (int) st, e.off, e.len, e.msg);
		report(good, "error", invalid[i].in);
		free(s);
	}

	/* every value prints and reads back; order is port, then protocol number */
	for (proto = 0; proto < PP_NPROTO; proto++)
	{
		uint32_t	p;

		for (p = 0; p <= 65535; p++)
		{
			uint32_t	w = PP_MAKE(p, pp_proto_number(proto));
			char		buf[PORTPROTO_TEXT_MAX];
			pp_error	e;
			uint32_t	back;
			int			n = portproto_format(w, buf);

			if (n >= PORTPROTO_TEXT_MAX ||
				portproto_parse(buf, (size_t) n, lookup, NULL, &back, &e) != PP_OK ||
				back != w)
				ok = 0;
		}
	}
	report(ok, "round trip of all 262144 values", "");
	report(PP_MAKE(53, 6) < PP_MAKE(53, 17) && PP_MAKE(53, 17) < PP_MAKE(53, 33) &&
		   PP_MAKE(53, 33) < PP_MAKE(53, 132) && PP_MAKE(53, 132) < PP_MAKE(54, 6),
		   "order 53/tcp < 53/udp < 53/dccp < 53/sctp < 54/tcp", "");
	report(!pp_valid(PP_MAKE(53, 1)) && !pp_valid(PP_MAKE(53, 17) | 0x100) &&
		   pp_valid(PP_MAKE(65535, 132)), "pp_valid", "");
}


/* ----------------------------------------------------------------
 *		Service specs
 * ----------------------------------------------------------------
 */

/* "tcp 80,443; udp 53" from a result */
static void
spec_text(const pp_spec *r, char *out, size_t outlen)
{
	size_t		n = 0;
	int			k;

	out[0] = '\0';
	for (k = 0; k < PP_NPROTO; k++)
	{
		size_t		i;

		if (r->n[k] == 0)
			continue;
		n += (size_t) snprintf(out + n, outlen - n, "%s%s ", n ? "; " : "", pp_proto_name(k));
		for (i = 0; i < r->n[k]; i++)
		{
			if (r->iv[k][i].lo == r->iv[k][i].hi)
				n += (size_t) snprintf(out + n, outlen - n, "%s%u", i ? "," : "", r->iv[k][i].lo);
			else
				n += (size_t) snprintf(out + n, outlen - n, "%s%u-%u", i ? "," : "",
									   r->iv[k][i].lo, r->iv[k][i].hi);
		}
	}
}

static const struct
{
	pp_tool		tool;
	const char *in;
	const char *out;			/* NULL: an error, status st */
	pp_status	st;
}			specs[] = {
	{PP_TOOL_UFW, "80,443/tcp", "tcp 80,443", PP_OK},
	{PP_TOOL_UFW, "60000:61000/udp", "udp 60000-61000", PP_OK},
	{PP_TOOL_UFW, "53", "tcp 53; udp 53", PP_OK},
	{PP_TOOL_UFW, "80,443", NULL, PP_ERR_NOPROTO},
	{PP_TOOL_UFW, "80/sctp", NULL, PP_ERR_SYNTAX},
	{PP_TOOL_FIREWALLD, "8080/tcp 60000-61000/udp", "tcp 8080; udp 60000-61000", PP_OK},
	{PP_TOOL_FIREWALLD, "80", NULL, PP_ERR_NOPROTO},
	{PP_TOOL_FIREHOL, "tcp/80 udp/53 tcp/1000:2000", "tcp 80,1000-2000; udp 53", PP_OK},
	{PP_TOOL_NMAP, "T:80,443,U:53,1-1024", "tcp 80,443; udp 1-1024", PP_OK},
	{PP_TOOL_NMAP, "-p-", "tcp 1-65535", PP_OK},
	{PP_TOOL_NMAP, "-p 22,ssh,http", "tcp 22,80", PP_OK},
	{PP_TOOL_NMAP, "-1024,60000-", "tcp 1-1024,60000-65535", PP_OK},
	{PP_TOOL_NMAP, "1-70000", NULL, PP_ERR_RANGE},
	{PP_TOOL_DOCKER, "80/tcp 8000-8010/udp 443", "tcp 80,443; udp 8000-8010", PP_OK},
	{PP_TOOL_ZEEK, "80/tcp 53/udp", "tcp 80; udp 53", PP_OK},
	{PP_TOOL_ZEEK, "80", NULL, PP_ERR_NOPROTO},
	{PP_TOOL_ZEEK, "80-90/tcp", NULL, PP_ERR_SYNTAX},
};

static void
test_specs(void)
{
	size_t		i;
	int			tool;

	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
	{
		char	   *s = heap_copy(specs[i].in, strlen(specs[i].in));
		counting	c = {0, 0, 0};
		pp_spec		r;
		pp_status	st = pp_spec_parse(s, strlen(specs[i].in), specs[i].tool,
									   pp_tool_default_mask(specs[i].tool), lookup, NULL,
									   count_realloc, &c, &r);
		char		got[512];
		int			good;

		if (specs[i].out != NULL)
		{
			spec_text(&r, got, sizeof(got));
			good = st == PP_OK && strcmp(got, specs[i].out) == 0;
			if (!good)
				printf("# got %d %s %s\n", (int) st, got, r.err.msg);
			pp_spec_free(&r, count_realloc, &c);
		}
		else
		{
			good = st == specs[i].st && r.err.msg[0] != '\0';
			if (!good)
				printf("# got %d %s\n", (int) st, r.err.msg);
		}
		good = good && c.live == 0;
		report(good, pp_tool_name(specs[i].tool), specs[i].in);
		free(s);
	}

	/* allocation failures: NOMEM, nothing leaked */
	{
		const char *in = "T:1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33,35,U:1,3,5,7,9,11,13,15,17,19,21";
		long		n;
		int			good = 1;

		for (n = 1; n <= 6; n++)
		{
			counting	c = {0, 0, n};
			pp_spec		r;
			pp_status	st = pp_spec_parse(in, strlen(in), PP_TOOL_NMAP, 1, lookup, NULL,
										   count_realloc, &c, &r);

			if (st == PP_OK)
				pp_spec_free(&r, count_realloc, &c);
			else if (st != PP_ERR_NOMEM)
				good = 0;
			if (c.live != 0)
				good = 0;
		}
		report(good, "allocation failures", in);
	}

	/* print, then parse back: the same set, for each tool and protocol */
	for (tool = 0; tool < PP_NTOOLS; tool++)
	{
		int			good = 1;
		int			sets = 0;
		int			round;

		for (round = 0; round < 500; round++)
		{
			fw_interval iv[40];
			size_t		n = 0;
			uint32_t	next = (tool == PP_TOOL_NMAP) ? 1 : 0;
			int			proto = (int) rnd(tool == PP_TOOL_FIREWALLD || tool == PP_TOOL_FIREHOL ? 4 :
									  tool == PP_TOOL_NMAP || tool == PP_TOOL_DOCKER ? 3 : 2);
			size_t		want = 1 + rnd(20);
			char		buf[4096];
			size_t		len;
			pp_spec		r;
			counting	c = {0, 0, 0};

			while (n < want && next <= 65535)
			{
				uint32_t	lo = next + rnd(3000);
				uint32_t	hi = lo + (tool == PP_TOOL_ZEEK || rnd(2) ? 0 : rnd(500));

				if (hi > 65535)
					break;
				iv[n].lo = (uint16_t) lo;
				iv[n].hi = (uint16_t) hi;
				n++;
				next = hi + 2;
			}
			if (n == 0)
				continue;
			len = pp_spec_format(proto, iv, n, (pp_tool) tool, buf, sizeof(buf));
			if (len == 0 || len >= sizeof(buf))
			{
				good = 0;
				break;
			}
			sets++;
			if (pp_spec_parse(buf, len, (pp_tool) tool, 0, lookup, NULL, count_realloc, &c, &r) != PP_OK)
			{
				printf("# %s: %s: %s\n", pp_tool_name((pp_tool) tool), buf, r.err.msg);
				good = 0;
				break;
			}
			if (r.n[proto] != n || memcmp(r.iv[proto], iv, n * sizeof(fw_interval)) != 0)
				good = 0;
			pp_spec_free(&r, count_realloc, &c);
		}
		printf("# %s: %d sets printed and read back\n", pp_tool_name((pp_tool) tool), sets);
		report(good, "spec round trip", pp_tool_name((pp_tool) tool));
	}
}


/* ----------------------------------------------------------------
 *		fwparse additions
 * ----------------------------------------------------------------
 */

static int
vars(const char *name, size_t len, const char **value, size_t *vlen, void *arg)
{
	static const char *const map[][2] = {
		{"HTTP_PORTS", "[80,8080]"}, {"SHELLCODE_PORTS", "!80"}, {"WEB", "[$HTTP_PORTS,443]"},
		{"LOOP", "$LOOP"}, {"BAD", "80,70000"},
	};
	size_t		i;

	(void) arg;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
	{
		if (strlen(map[i][0]) == len && memcmp(map[i][0], name, len) == 0)
		{
			*value = map[i][1];
			*vlen = strlen(map[i][1]);
			return 1;
		}
	}
	return 0;
}

static void
iv_text(const fw_interval *iv, size_t n, char *out, size_t outlen)
{
	size_t		i,
				k = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		k += (size_t) snprintf(out + k, outlen - k, iv[i].lo == iv[i].hi ? "%s%u" : "%s%u-%u",
							   i ? "," : "", iv[i].lo, iv[i].hi);
}

static const struct
{
	const char *in;
	const char *out;			/* or the error message */
	fw_status	st;
}			fwcases[] = {
	{"(139 445)", "139,445", FW_OK},
	{"(http https smtp)", "25,80,443", FW_OK},
	{"{ 80 443 }", "80,443", FW_OK},
	{"{ 80 443 1024:65535 }", "80,443,1024-65535", FW_OK},
	{"(22 (80 443))", "22,80,443", FW_OK},
	{"$HTTP_PORTS", "80,8080", FW_OK},
	{"[$HTTP_PORTS,110]", "80,110,8080", FW_OK},
	{"$SHELLCODE_PORTS", "0-79,81-65535", FW_OK},
	{"!$HTTP_PORTS", "0-79,81-8079,8081-65535", FW_OK},
	{"{ $WEB 22 }", "22,80,443,8080", FW_OK},
	{"[80 443]", "unexpected \"443\" after \"80\"", FW_ERR_SYNTAX},
	{"(80]", "mismatched \"]\" (expected \")\" to close \"(\")", FW_ERR_SYNTAX},
	{"$NOPE", "undefined variable \"$NOPE\"", FW_ERR_SYNTAX},
	{"$LOOP", "in variable \"$LOOP\": variable \"$LOOP\" nests more than 16 levels deep (does it refer to itself?)", FW_ERR_SYNTAX},
	{"$BAD", "in variable \"$BAD\": port number \"70000\" is out of range (0..65535)", FW_ERR_RANGE},
};

static void
test_fwparse(void)
{
	size_t		i;
	int			style;

	for (i = 0; i < sizeof(fwcases) / sizeof(fwcases[0]); i++)
	{
		char	   *s = heap_copy(fwcases[i].in, strlen(fwcases[i].in));
		counting	c = {0, 0, 0};
		fw_result	r;
		fw_status	st = fw_parse_vars(s, strlen(fwcases[i].in), fw_lookup, NULL, vars, NULL,
									   count_realloc, &c, &r);
		char		got[512];
		int			good;

		if (st == FW_OK)
		{
			iv_text(r.iv, r.n, got, sizeof(got));
			fw_result_free(&r, count_realloc, &c);
		}
		else
			snprintf(got, sizeof(got), "%s", r.err_msg);
		good = st == fwcases[i].st && strcmp(got, fwcases[i].out) == 0 && c.live == 0;
		if (!good)
			printf("# got %d: %s\n", (int) st, got);
		report(good, "fw_parse_vars", fwcases[i].in);
		free(s);
	}

	/* the new styles read back through fw_parse (cisco: what it can print) */
	for (style = FW_STYLE_UFW; style <= FW_STYLE_NMAP; style++)
	{
		int			good = 1;
		int			printed = 0;
		int			round;

		for (round = 0; round < 2000; round++)
		{
			fw_interval iv[40];
			size_t		n = 0;
			uint32_t	next = 0;
			size_t		want = 1 + rnd(style == FW_STYLE_CISCO ? 3 : 30);
			char		buf[4096];
			size_t		len;
			fw_result	r;

			while (n < want)
			{
				uint32_t	lo = next + rnd(4000);
				uint32_t	hi = lo + (rnd(2) ? 0 : rnd(800));

				if (hi > 65535)
					break;
				iv[n].lo = (uint16_t) lo;
				iv[n].hi = (uint16_t) hi;
				n++;
				next = hi + 2;
			}
			if (n == 0)
				continue;
			len = fw_format(iv, n, (fw_style) style, buf, sizeof(buf));
			if (len == 0)
			{
				if (style != FW_STYLE_CISCO)
					good = 0;
				continue;
			}
			printed++;
			if (fw_parse(buf, len, NULL, NULL, fw_std_realloc, NULL, &r) != FW_OK)
			{
				printf("# %s: %s\n", buf, r.err_msg);
				good = 0;
				continue;
			}
			if (r.n != n || memcmp(r.iv, iv, n * sizeof(fw_interval)) != 0)
			{
				printf("# %s read back differently\n", buf);
				good = 0;
			}
			fw_result_free(&r, fw_std_realloc, NULL);
		}
		printf("# style %d: %d sets printed and read back\n", style, printed);
		report(good && printed > 0, "fw_format round trip",
			   style == FW_STYLE_UFW ? "ufw" : style == FW_STYLE_PF ? "pf" :
			   style == FW_STYLE_CISCO ? "cisco" : "nmap");
	}
}


/* ----------------------------------------------------------------
 *		Which side is the service
 * ----------------------------------------------------------------
 */

static void
test_sides(void)
{
	static const struct
	{
		uint16_t	src,
					dst;
		bool		nsrc,
					ndst;
		pp_side		side;
		pp_side_rule rule;
	}			c[] = {
		{40000, 443, false, true, PP_SIDE_DST, PP_RULE_EPHEMERAL},
		{443, 40000, true, true, PP_SIDE_SRC, PP_RULE_EPHEMERAL},
		{53, 53, true, true, PP_SIDE_EITHER, PP_RULE_EQUAL},
		{68, 67, true, true, PP_SIDE_DST, PP_RULE_LOWER},
		{20000, 3000, false, true, PP_SIDE_DST, PP_RULE_NAMED},
		{50000, 60000, false, false, PP_SIDE_SRC, PP_RULE_LOWER},
	};
	size_t		i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
	{
		pp_side_rule rule;
		pp_side		side = pp_service_side(c[i].src, c[i].dst, 32768, 65535,
										   c[i].nsrc, c[i].ndst, &rule);
		char		name[32];

		snprintf(name, sizeof(name), "%u -> %u", c[i].src, c[i].dst);
		report(side == c[i].side && rule == c[i].rule, "service side", name);
	}
}

int
main(void)
{
	test_values();
	test_specs();
	test_fwparse();
	test_sides();
	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}
