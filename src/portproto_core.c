/*-------------------------------------------------------------------------
 *
 * portproto_core.c
 *	  Backend-independent parsing and printing of portproto values and of
 *	  per-protocol service specs, and the rules that tell which side of a
 *	  flow is the service.
 *
 * portproto text is a port and a protocol in one of the spellings tools
 * use: "53/udp" (/etc/services, nmap, ufw, Docker, Zeek), "udp/53"
 * (firehol), "U:53" (nmap's -p), with the port as a number or a service
 * name resolved on that protocol ("domain/udp").  A port without its
 * protocol is an error, never a silent default.
 *
 * The spec parser reads whole port specs of ufw, firewalld, firehol, nmap,
 * Docker and Zeek into one normalized interval set per protocol.  The
 * accepted forms and each tool's meaning of a port without a protocol are
 * listed in doc/portproto.md.
 *
 * src/portproto_core.c
 *
 *-------------------------------------------------------------------------
 */
#include "portproto_core.h"

#include <stdlib.h>
#include <string.h>

#include "port_core.h"

/* tokens longer than this are shortened in messages */
#define PP_TOKEN_SHOW		40


/* ----------------------------------------------------------------
 *		Protocols
 * ----------------------------------------------------------------
 */

static const char *const pp_proto_names[PP_NPROTO] = {"tcp", "udp", "sctp", "dccp"};
static const int pp_proto_numbers[PP_NPROTO] = {
	PP_IPPROTO_TCP, PP_IPPROTO_UDP, PP_IPPROTO_SCTP, PP_IPPROTO_DCCP
};

const char *
pp_proto_name(int proto)
{
	return (proto >= 0 && proto < PP_NPROTO) ? pp_proto_names[proto] : NULL;
}

int
pp_proto_number(int proto)
{
	return (proto >= 0 && proto < PP_NPROTO) ? pp_proto_numbers[proto] : -1;
}

int
pp_proto_from_number(int ipproto)
{
	int			i;

	for (i = 0; i < PP_NPROTO; i++)
		if (pp_proto_numbers[i] == ipproto)
			return i;
	return -1;
}

static bool
pp_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

static bool
pp_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static char
pp_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

/* s[0..len) equals the lower-case word w, ignoring case */
static bool
pp_word_eq(const char *s, size_t len, const char *w)
{
	size_t		i;

	for (i = 0; i < len; i++)
		if (w[i] == '\0' || pp_lower(s[i]) != w[i])
			return false;
	return w[len] == '\0';
}

int
pp_proto_from_name(const char *s, size_t len)
{
	int			i;

	for (i = 0; i < PP_NPROTO; i++)
		if (pp_word_eq(s, len, pp_proto_names[i]))
			return i;
	return -1;
}

bool
pp_valid(uint32_t v)
{
	return (v & 0xff00) == 0 && pp_proto_from_number(PP_IPPROTO(v)) >= 0;
}


/* ----------------------------------------------------------------
 *		Error messages
 * ----------------------------------------------------------------
 */

static void
msg_reset(pp_error *e, pp_status status, size_t off, size_t len)
{
	e->status = status;
	e->off = off;
	e->len = len;
	e->msg[0] = '\0';
}

static void
msg_str(pp_error *e, const char *str)
{
	size_t		n = strlen(e->msg);

	while (*str && n + 1 < PP_ERRMSG_SIZE)
		e->msg[n++] = *str++;
	e->msg[n] = '\0';
}

/* a token of the input, quoted, unprintable bytes as \xNN, shortened */
static void
msg_tok(pp_error *e, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char		tmp[PP_TOKEN_SHOW * 4 + 8];
	size_t		n = 0;
	size_t		i;

	tmp[n++] = '"';
	for (i = 0; i < len && i < PP_TOKEN_SHOW; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			tmp[n++] = (char) c;
		else
		{
			tmp[n++] = '\\';
			tmp[n++] = 'x';
			tmp[n++] = hex[c >> 4];
			tmp[n++] = hex[c & 15];
		}
	}
	if (len > PP_TOKEN_SHOW)
	{
		tmp[n++] = '.';
		tmp[n++] = '.';
		tmp[n++] = '.';
	}
	tmp[n++] = '"';
	tmp[n] = '\0';
	msg_str(e, tmp);
}

/* set an error: "<pre>"token"<post>" */
static pp_status
pp_fail(pp_error *e, pp_status status, const char *s, size_t off, size_t len,
		const char *pre, const char *post)
{
	msg_reset(e, status, off, len);
	msg_str(e, pre);
	msg_tok(e, s + off, len);
	msg_str(e, post);
	return status;
}

/* set an error with a plain message at [off, off + len) */
static pp_status
pp_fail_plain(pp_error *e, pp_status status, size_t off, size_t len,
			  const char *msg)
{
	msg_reset(e, status, off, len);
	msg_str(e, msg);
	return status;
}

/* trim blanks from [*a, *b) */
static void
pp_trim(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && pp_isspace(s[*a]))
		(*a)++;
	while (*b > *a && pp_isspace(s[*b - 1]))
		(*b)--;
}


/* ----------------------------------------------------------------
 *		One port on a known protocol
 * ----------------------------------------------------------------
 */

/*
 * The port s[a..b) (a number or a service name on protocol proto, or
 * several protocols in mask for the spec parser: *out[i] for each).
 * Returns PP_OK, or an error naming the token.
 */
static pp_status
pp_port_token(const char *s, size_t a, size_t b, int proto,
			  pp_lookup_fn lookup, void *arg, uint16_t *out, pp_error *e)
{
	uint16_t	v;
	size_t		noff = 0;
	size_t		nlen = 0;

	pp_trim(s, &a, &b);
	if (a == b)
		return pp_fail_plain(e, PP_ERR_SYNTAX, a, 0, "missing port");
	switch (port_parse(s + a, b - a, &v, &noff, &nlen))
	{
		case PORT_PARSE_OK:
			*out = v;
			return PP_OK;
		case PORT_PARSE_RANGE:
			return pp_fail(e, PP_ERR_RANGE, s, a, b - a, "port number ",
						   " is out of range (0..65535)");
		case PORT_PARSE_NAME:
			{
				int32_t		p = -1;

				if (lookup != NULL && proto >= 0)
					p = lookup(s + a + noff, nlen, proto, arg);
				if (p >= 0 && p <= 65535)
				{
					*out = (uint16_t) p;
					return PP_OK;
				}
				pp_fail(e, PP_ERR_SYNTAX, s, a, b - a, "unknown service name ", "");
				if (proto >= 0)
				{
					msg_str(e, " for ");
					msg_str(e, pp_proto_name(proto));
				}
				return PP_ERR_SYNTAX;
			}
		case PORT_PARSE_SYNTAX:
			break;
	}
	return pp_fail(e, PP_ERR_SYNTAX, s, a, b - a, "invalid port ", "");
}

pp_status
portproto_parse(const char *s, size_t len, pp_lookup_fn lookup, void *arg,
				uint32_t *out, pp_error *err)
{
	size_t		a = 0;
	size_t		b = len;
	size_t		slash = len;
	size_t		i;
	int			proto;
	uint16_t	port;
	pp_status	st;

	msg_reset(err, PP_OK, 0, 0);
	pp_trim(s, &a, &b);
	if (a == b)
		return pp_fail_plain(err, PP_ERR_SYNTAX, 0, len, "empty input");

	/* nmap: T:80, U:53, S:2905 */
	if (b - a >= 2 && s[a + 1] == ':')
	{
		char		c = pp_lower(s[a]);

		proto = (c == 't') ? 0 : (c == 'u') ? 1 : (c == 's') ? 2 : -1;
		if (proto < 0)
			return pp_fail(err, PP_ERR_SYNTAX, s, a, 1, "unknown protocol letter ",
						   " (nmap's are T, U and S)");
		st = pp_port_token(s, a + 2, b, proto, lookup, arg, &port, err);
		if (st != PP_OK)
			return st;
		*out = PP_MAKE(port, pp_proto_number(proto));
		return PP_OK;
	}

	for (i = a; i < b; i++)
	{
		if (s[i] != '/')
			continue;
		if (slash != len)
			return pp_fail(err, PP_ERR_SYNTAX, s, i, 1, "unexpected second ", "");
		slash = i;
	}

	if (slash == len)
	{
		uint16_t	v;
		size_t		noff,
					nlen;

		switch (port_parse(s + a, b - a, &v, &noff, &nlen))
		{
			case PORT_PARSE_OK:
			case PORT_PARSE_NAME:
				return pp_fail(err, PP_ERR_NOPROTO, s, a, b - a,
							   "protocol missing after ",
							   " (write it as 53/tcp, 53/udp, udp/53 or U:53)");
			case PORT_PARSE_RANGE:
				return pp_fail(err, PP_ERR_RANGE, s, a, b - a, "port number ",
							   " is out of range (0..65535)");
			case PORT_PARSE_SYNTAX:
				break;
		}
		return pp_fail(err, PP_ERR_SYNTAX, s, a, b - a, "invalid port ", "");
	}

	{
		size_t		pa = a,
					pb = slash,
					qa = slash + 1,
					qb = b;
		int			left,
					right;

		pp_trim(s, &pa, &pb);
		pp_trim(s, &qa, &qb);
		right = pp_proto_from_name(s + qa, qb - qa);
		left = pp_proto_from_name(s + pa, pb - pa);
		if (right >= 0)
		{
			proto = right;
			st = pp_port_token(s, pa, pb, proto, lookup, arg, &port, err);
		}
		else if (left >= 0)
		{
			proto = left;
			st = pp_port_token(s, qa, qb, proto, lookup, arg, &port, err);
		}
		else if (qa == qb)
			return pp_fail(err, PP_ERR_SYNTAX, s, slash, 1, "missing protocol after ", "");
		else
			return pp_fail(err, PP_ERR_SYNTAX, s, qa, qb - qa, "unknown protocol ",
						   " (known are tcp, udp, sctp and dccp)");
		if (st != PP_OK)
			return st;
	}
	*out = PP_MAKE(port, pp_proto_number(proto));
	return PP_OK;
}

int
portproto_format(uint32_t v, char *buf)
{
	int			n = port_format(PP_PORT(v), buf);
	const char *name = pp_proto_name(pp_proto_from_number(PP_IPPROTO(v)));

	if (name == NULL)
		name = "?";
	buf[n++] = '/';
	while (*name)
		buf[n++] = *name++;
	buf[n] = '\0';
	return n;
}


/* ----------------------------------------------------------------
 *		Service specs: accumulating per-protocol sets
 * ----------------------------------------------------------------
 */

static const char *const pp_tool_names[PP_NTOOLS] = {
	"ufw", "firewalld", "firehol", "nmap", "docker", "zeek"
};

const char *
pp_tool_name(pp_tool tool)
{
	return ((int) tool >= 0 && (int) tool < PP_NTOOLS) ? pp_tool_names[tool] : NULL;
}

int
pp_tool_from_name(const char *s, size_t len)
{
	int			i;

	for (i = 0; i < PP_NTOOLS; i++)
		if (pp_word_eq(s, len, pp_tool_names[i]))
			return i;
	return -1;
}

/*
 * What a port without a protocol means: ufw opens it for tcp and udp
 * ("ufw allow 53"); nmap scans the protocols of the scan types in use, and
 * its default scan is TCP; Docker's "-p 80" and EXPOSE 80 are tcp.
 * firewalld, firehol and Zeek always write the protocol.
 */
unsigned
pp_tool_default_mask(pp_tool tool)
{
	switch (tool)
	{
		case PP_TOOL_UFW:
			return 0x3;
		case PP_TOOL_NMAP:
		case PP_TOOL_DOCKER:
			return 0x1;
		case PP_TOOL_FIREWALLD:
		case PP_TOOL_FIREHOL:
		case PP_TOOL_ZEEK:
			break;
	}
	return 0;
}

typedef struct pp_acc
{
	fw_interval *v[PP_NPROTO];
	size_t		n[PP_NPROTO];
	size_t		cap[PP_NPROTO];
	fw_realloc_fn alloc;
	void	   *alloc_arg;
} pp_acc;

static bool
acc_add(pp_acc *acc, int proto, uint16_t lo, uint16_t hi)
{
	if (acc->n[proto] == acc->cap[proto])
	{
		size_t		ncap = acc->cap[proto] ? acc->cap[proto] * 2 : 16;
		fw_interval *nv;

		if (ncap > ((size_t) -1) / sizeof(fw_interval))
			return false;
		nv = acc->alloc(acc->v[proto], ncap * sizeof(fw_interval), acc->alloc_arg);
		if (nv == NULL)
			return false;
		acc->v[proto] = nv;
		acc->cap[proto] = ncap;
	}
	acc->v[proto][acc->n[proto]].lo = lo;
	acc->v[proto][acc->n[proto]].hi = hi;
	acc->n[proto]++;
	return true;
}

static int
iv_cmp(const void *x, const void *y)
{
	const fw_interval *a = x;
	const fw_interval *b = y;

	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	return 0;
}

/* sort and merge overlapping or adjacent intervals in place */
static size_t
iv_normalize(fw_interval *v, size_t n)
{
	size_t		i,
				k = 0;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof(fw_interval), iv_cmp);
	for (i = 1; i < n; i++)
	{
		if ((uint32_t) v[i].lo <= (uint32_t) v[k].hi + 1)
		{
			if (v[i].hi > v[k].hi)
				v[k].hi = v[i].hi;
		}
		else
			v[++k] = v[i];
	}
	return k + 1;
}

typedef struct pp_sp
{
	const char *s;
	size_t		len;
	pp_tool		tool;
	unsigned	defmask;
	pp_lookup_fn lookup;
	void	   *lookup_arg;
	pp_acc		acc;
	pp_error   *err;
} pp_sp;

static pp_status
sp_nomem(pp_sp *p)
{
	msg_reset(p->err, PP_ERR_NOMEM, 0, 0);
	msg_str(p->err, "out of memory");
	return PP_ERR_NOMEM;
}

/*
 * One port or range s[a..b) for the protocols in mask.  rangesep: the
 * characters that may separate the bounds ("" for no ranges).  A service
 * name counts for each protocol of the mask that knows it, and must be
 * known to at least one.
 */
static pp_status
sp_item(pp_sp *p, size_t a, size_t b, unsigned mask, const char *rangesep)
{
	size_t		sep = b;
	size_t		i;
	int			proto;
	bool		any = false;
	pp_error	first;
	bool		have_first = false;

	pp_trim(p->s, &a, &b);
	if (a == b)
		return pp_fail_plain(p->err, PP_ERR_SYNTAX, a, 0, "missing port");
	/* a range separator, not in the first position (nmap "-1024" is handled by the caller) */
	for (i = a + 1; i < b && rangesep[0] != '\0'; i++)
	{
		if (strchr(rangesep, p->s[i]) != NULL)
		{
			/* a '-' inside a service name ("ms-sql-s") is not a separator */
			if (p->s[i] == '-' && !(pp_isdigit(p->s[i - 1]) || pp_isspace(p->s[i - 1])) &&
				!(i + 1 < b && (pp_isdigit(p->s[i + 1]) || pp_isspace(p->s[i + 1]))))
				continue;
			sep = i;
			break;
		}
	}
	for (proto = 0; proto < PP_NPROTO; proto++)
	{
		uint16_t	lo,
					hi;
		pp_status	st;
		pp_error	e;

		if (!(mask & (1u << proto)))
			continue;
		st = pp_port_token(p->s, a, sep, proto, p->lookup, p->lookup_arg, &lo, &e);
		if (st == PP_OK)
		{
			hi = lo;
			if (sep < b)
				st = pp_port_token(p->s, sep + 1, b, proto, p->lookup,
								   p->lookup_arg, &hi, &e);
		}
		if (st == PP_OK && lo > hi)
			st = pp_fail(&e, PP_ERR_SYNTAX, p->s, a, b - a, "range ",
						 ": lower bound is greater than upper bound");
		if (st != PP_OK)
		{
			/* numbers fail for every protocol alike; names may differ */
			if (st != PP_ERR_SYNTAX || strstr(e.msg, "unknown service name") == NULL)
			{
				*p->err = e;
				return st;
			}
			if (!have_first)
			{
				first = e;
				have_first = true;
			}
			continue;
		}
		if (!acc_add(&p->acc, proto, lo, hi))
			return sp_nomem(p);
		any = true;
	}
	if (!any)
	{
		if (have_first)
		{
			*p->err = first;
			return p->err->status;
		}
		return pp_fail(p->err, PP_ERR_SYNTAX, p->s, a, b - a, "no protocol for ", "");
	}
	return PP_OK;
}

/* comma-separated items of s[a..b) */
static pp_status
sp_list(pp_sp *p, size_t a, size_t b, unsigned mask, const char *rangesep)
{
	size_t		i = a;

	for (;;)
	{
		size_t		e = i;
		pp_status	st;

		while (e < b && p->s[e] != ',')
			e++;
		st = sp_item(p, i, e, mask, rangesep);
		if (st != PP_OK)
			return st;
		if (e == b)
			return PP_OK;
		i = e + 1;
	}
}

/* the protocol word s[a..b) of an item, among the protocols of allowed */
static int
sp_proto(pp_sp *p, size_t a, size_t b, unsigned allowed, pp_status *st)
{
	int			proto;

	pp_trim(p->s, &a, &b);
	proto = pp_proto_from_name(p->s + a, b - a);
	if (proto < 0 || !(allowed & (1u << proto)))
	{
		if (a == b)
			*st = pp_fail_plain(p->err, PP_ERR_SYNTAX, a, 0, "missing protocol");
		else
			*st = pp_fail(p->err, PP_ERR_SYNTAX, p->s, a, b - a, "unknown protocol ", "");
		msg_str(p->err, " for ");
		msg_str(p->err, pp_tool_name(p->tool));
		msg_str(p->err, (allowed == 0x3) ? " (tcp or udp)" :
				(allowed == 0x7) ? " (tcp, udp or sctp)" : " (tcp, udp, sctp or dccp)");
		return -1;
	}
	*st = PP_OK;
	return proto;
}

static pp_status
sp_noproto(pp_sp *p, size_t a, size_t b)
{
	pp_fail(p->err, PP_ERR_NOPROTO, p->s, a, b - a, "protocol missing in ", "");
	msg_str(p->err, p->tool == PP_TOOL_FIREHOL ? " (firehol writes tcp/80)" :
			p->tool == PP_TOOL_UFW ? " (ufw needs /tcp or /udp with a list or a range)" :
			" (write 80/tcp)");
	return PP_ERR_NOPROTO;
}

/* the last '/' in s[a..b), or b */
static size_t
sp_slash(const pp_sp *p, size_t a, size_t b)
{
	size_t		i = b;

	while (i > a)
	{
		i--;
		if (p->s[i] == '/')
			return i;
	}
	return b;
}

/* ufw: PORTS[/PROTO], PORTS a comma list of ports and a:b ranges */
static pp_status
sp_ufw_item(pp_sp *p, size_t a, size_t b)
{
	size_t		slash = sp_slash(p, a, b);
	pp_status	st;

	if (slash < b)
	{
		int			proto = sp_proto(p, slash + 1, b, 0x3, &st);

		if (proto < 0)
			return st;
		return sp_list(p, a, slash, 1u << proto, ":");
	}
	if (p->defmask == 0)
		return sp_noproto(p, a, b);
	/* ufw itself refuses a list or a range without a protocol */
	if (p->defmask == pp_tool_default_mask(PP_TOOL_UFW))
	{
		size_t		i;

		for (i = a; i < b; i++)
			if (p->s[i] == ',' || p->s[i] == ':')
				return sp_noproto(p, a, b);
	}
	return sp_list(p, a, b, p->defmask, ":");
}

/* firewalld, Docker, Zeek: PORT[-PORT]/PROTO */
static pp_status
sp_suffix_item(pp_sp *p, size_t a, size_t b)
{
	size_t		slash = sp_slash(p, a, b);
	const char *rs = (p->tool == PP_TOOL_ZEEK) ? "" : "-";
	unsigned	allowed = (p->tool == PP_TOOL_FIREWALLD) ? PP_MASK_ALL :
		(p->tool == PP_TOOL_DOCKER) ? 0x7 : 0x3;
	pp_status	st;

	if (slash < b)
	{
		int			proto = sp_proto(p, slash + 1, b, allowed, &st);

		if (proto < 0)
			return st;
		return sp_item(p, a, slash, 1u << proto, rs);
	}
	if (p->defmask == 0)
		return sp_noproto(p, a, b);
	return sp_item(p, a, b, p->defmask, rs);
}

/* firehol: PROTO/PORT or PROTO/LO:HI */
static pp_status
sp_firehol_item(pp_sp *p, size_t a, size_t b)
{
	size_t		slash;
	pp_status	st;

	for (slash = a; slash < b && p->s[slash] != '/'; slash++)
		;
	if (slash < b)
	{
		int			proto = sp_proto(p, a, slash, PP_MASK_ALL, &st);

		if (proto < 0)
			return st;
		return sp_item(p, slash + 1, b, 1u << proto, ":");
	}
	if (p->defmask == 0)
		return sp_noproto(p, a, b);
	return sp_item(p, a, b, p->defmask, ":");
}

/*
 * nmap -p: comma-separated; "T:", "U:", "S:" switch the protocol for the
 * items that follow; "N", "N-M", "-M" (from 1), "N-" (to 65535), "-" (all
 * of 1..65535, as nmap's -p- scans).  Port 0 is scanned only when named.
 */
static pp_status
sp_nmap(pp_sp *p, size_t a, size_t b)
{
	unsigned	mask = p->defmask;
	size_t		i;

	pp_trim(p->s, &a, &b);
	if (b - a >= 2 && p->s[a] == '-' && (p->s[a + 1] == 'p' || p->s[a + 1] == 'P'))
	{
		a += 2;
		pp_trim(p->s, &a, &b);
	}
	if (a == b)
		return pp_fail_plain(p->err, PP_ERR_SYNTAX, a, 0, "missing port list");

	i = a;
	for (;;)
	{
		size_t		e = i;
		size_t		ia,
					ib;
		pp_status	st;

		while (e < b && p->s[e] != ',')
			e++;
		ia = i;
		ib = e;
		pp_trim(p->s, &ia, &ib);
		if (ib - ia >= 2 && p->s[ia + 1] == ':')
		{
			char		c = pp_lower(p->s[ia]);
			int			proto = (c == 't') ? 0 : (c == 'u') ? 1 : (c == 's') ? 2 : -1;

			if (proto < 0)
				return pp_fail(p->err, PP_ERR_SYNTAX, p->s, ia, 2,
							   "unknown protocol qualifier ",
							   " (nmap's are T:, U: and S:)");
			mask = 1u << proto;
			ia += 2;
			pp_trim(p->s, &ia, &ib);
		}
		if (mask == 0)
			return sp_noproto(p, ia, ib);
		if (ia == ib)
			return pp_fail_plain(p->err, PP_ERR_SYNTAX, ia, 0, "missing port");
		if (ib - ia == 1 && p->s[ia] == '-')
		{
			int			proto;

			for (proto = 0; proto < PP_NPROTO; proto++)
				if ((mask & (1u << proto)) && !acc_add(&p->acc, proto, 1, 65535))
					return sp_nomem(p);
			st = PP_OK;
		}
		else if (p->s[ia] == '-' || p->s[ib - 1] == '-')
		{
			/* open ranges: "-1024" and "60000-" */
			bool		lower_open = (p->s[ia] == '-');
			uint16_t	v;
			int			proto;

			for (proto = 0; proto < PP_NPROTO; proto++)
			{
				if (!(mask & (1u << proto)))
					continue;
				st = lower_open ?
					pp_port_token(p->s, ia + 1, ib, proto, p->lookup, p->lookup_arg, &v, p->err) :
					pp_port_token(p->s, ia, ib - 1, proto, p->lookup, p->lookup_arg, &v, p->err);
				if (st != PP_OK)
					return st;
				if (lower_open ? v < 1 : false)
					return pp_fail(p->err, PP_ERR_SYNTAX, p->s, ia, ib - ia, "range ",
								   " contains no port");
				if (!acc_add(&p->acc, proto, lower_open ? 1 : v, lower_open ? v : 65535))
					return sp_nomem(p);
			}
			st = PP_OK;
		}
		else
			st = sp_item(p, ia, ib, mask, "-");
		if (st != PP_OK)
			return st;
		if (e == b)
			return PP_OK;
		i = e + 1;
	}
}

pp_status
pp_spec_parse(const char *s, size_t len, pp_tool tool, unsigned default_mask,
			  pp_lookup_fn lookup, void *lookup_arg,
			  fw_realloc_fn alloc, void *alloc_arg, pp_spec *res)
{
	pp_sp		p;
	pp_status	st = PP_OK;
	size_t		i;
	int			k;

	memset(res, 0, sizeof(*res));
	msg_reset(&res->err, PP_OK, 0, 0);
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.len = len;
	p.tool = tool;
	p.defmask = default_mask & PP_MASK_ALL;
	p.lookup = lookup;
	p.lookup_arg = lookup_arg;
	p.acc.alloc = alloc;
	p.acc.alloc_arg = alloc_arg;
	p.err = &res->err;

	if (alloc == NULL)
		return sp_nomem(&p);
	if ((int) tool < 0 || (int) tool >= PP_NTOOLS)
		return pp_fail_plain(p.err, PP_ERR_SYNTAX, 0, 0, "unknown tool");

	i = 0;
	while (i < len && pp_isspace(s[i]))
		i++;
	if (i == len)
		st = pp_fail_plain(p.err, PP_ERR_SYNTAX, 0, len, "empty input");
	else if (tool == PP_TOOL_NMAP)
		st = sp_nmap(&p, 0, len);
	else
	{
		/* items separated by blanks */
		while (i < len && st == PP_OK)
		{
			size_t		e = i;

			while (e < len && !pp_isspace(s[e]))
				e++;
			switch (tool)
			{
				case PP_TOOL_UFW:
					st = sp_ufw_item(&p, i, e);
					break;
				case PP_TOOL_FIREHOL:
					st = sp_firehol_item(&p, i, e);
					break;
				default:
					st = sp_suffix_item(&p, i, e);
					break;
			}
			i = e;
			while (i < len && pp_isspace(s[i]))
				i++;
		}
	}

	if (st != PP_OK)
	{
		for (k = 0; k < PP_NPROTO; k++)
			if (p.acc.v[k] != NULL)
				(void) alloc(p.acc.v[k], 0, alloc_arg);
		return st;
	}
	for (k = 0; k < PP_NPROTO; k++)
	{
		res->iv[k] = p.acc.v[k];
		res->n[k] = iv_normalize(p.acc.v[k], p.acc.n[k]);
	}
	return PP_OK;
}

void
pp_spec_free(pp_spec *res, fw_realloc_fn alloc, void *alloc_arg)
{
	int			k;

	for (k = 0; k < PP_NPROTO; k++)
	{
		if (res->iv[k] != NULL && alloc != NULL)
			(void) alloc(res->iv[k], 0, alloc_arg);
		res->iv[k] = NULL;
		res->n[k] = 0;
	}
}


/* ----------------------------------------------------------------
 *		Printing specs
 * ----------------------------------------------------------------
 */

typedef struct pp_out
{
	char	   *buf;
	size_t		buflen;
	size_t		n;
} pp_out;

static void
out_str(pp_out *o, const char *str)
{
	for (; *str; str++)
	{
		if (o->n + 1 < o->buflen)
			o->buf[o->n] = *str;
		o->n++;
	}
}

static void
out_port(pp_out *o, uint16_t v)
{
	char		tmp[PORT_TEXT_MAX];

	port_format(v, tmp);
	out_str(o, tmp);
}

size_t
pp_spec_format(int proto, const fw_interval *iv, size_t n, pp_tool tool,
			   char *buf, size_t buflen)
{
	pp_out		o;
	const char *pname = pp_proto_name(proto);
	size_t		i;
	bool		ok = true;

	o.buf = buf;
	o.buflen = (buf == NULL) ? 0 : buflen;
	o.n = 0;

	if (pname == NULL || n == 0 || !fw_is_normalized(iv, n))
		ok = false;
	else if ((tool == PP_TOOL_UFW && proto > 1) ||
			 (tool == PP_TOOL_NMAP && proto > 2) ||
			 (tool == PP_TOOL_DOCKER && proto > 2) ||
			 (tool == PP_TOOL_ZEEK && proto > 2))
		ok = false;
	else if (tool == PP_TOOL_ZEEK)
	{
		for (i = 0; i < n; i++)
			if (iv[i].lo != iv[i].hi)
				ok = false;
	}
	else if ((int) tool < 0 || (int) tool >= PP_NTOOLS)
		ok = false;

	if (ok)
	{
		switch (tool)
		{
			case PP_TOOL_UFW:
			case PP_TOOL_NMAP:
				if (tool == PP_TOOL_NMAP)
					out_str(&o, proto == 0 ? "T:" : proto == 1 ? "U:" : "S:");
				for (i = 0; i < n; i++)
				{
					if (i > 0)
						out_str(&o, ",");
					out_port(&o, iv[i].lo);
					if (iv[i].hi != iv[i].lo)
					{
						out_str(&o, tool == PP_TOOL_UFW ? ":" : "-");
						out_port(&o, iv[i].hi);
					}
				}
				if (tool == PP_TOOL_UFW)
				{
					out_str(&o, "/");
					out_str(&o, pname);
				}
				break;
			case PP_TOOL_FIREHOL:
				for (i = 0; i < n; i++)
				{
					if (i > 0)
						out_str(&o, " ");
					out_str(&o, pname);
					out_str(&o, "/");
					out_port(&o, iv[i].lo);
					if (iv[i].hi != iv[i].lo)
					{
						out_str(&o, ":");
						out_port(&o, iv[i].hi);
					}
				}
				break;
			default:			/* firewalld, Docker, Zeek: PORT[-PORT]/PROTO */
				for (i = 0; i < n; i++)
				{
					if (i > 0)
						out_str(&o, " ");
					out_port(&o, iv[i].lo);
					if (iv[i].hi != iv[i].lo)
					{
						out_str(&o, "-");
						out_port(&o, iv[i].hi);
					}
					out_str(&o, "/");
					out_str(&o, pname);
				}
				break;
		}
	}
	else
		o.n = 0;

	if (o.buflen > 0)
		o.buf[o.n < o.buflen ? o.n : o.buflen - 1] = '\0';
	return o.n;
}


/* ----------------------------------------------------------------
 *		Which side of a flow is the service
 * ----------------------------------------------------------------
 */

const char *
pp_side_rule_name(pp_side_rule rule)
{
	switch (rule)
	{
		case PP_RULE_EQUAL:
			return "equal ports";
		case PP_RULE_EPHEMERAL:
			return "ephemeral";
		case PP_RULE_NAMED:
			return "named";
		case PP_RULE_LOWER:
			return "lower port";
	}
	return "lower port";
}

/*
 * The rules, in order (doc/portproto.md explains them and where they
 * fail):
 *	1. the same port on both sides: either side (EITHER);
 *	2. exactly one port lies in the client's ephemeral range: the other
 *	   one is the service;
 *	3. exactly one port has a service name on the protocol: that one;
 *	4. otherwise the lower port number.
 */
pp_side
pp_service_side(uint16_t src, uint16_t dst, uint16_t eph_first,
				uint16_t eph_last, bool named_src, bool named_dst,
				pp_side_rule *rule)
{
	bool		eph_src = src >= eph_first && src <= eph_last;
	bool		eph_dst = dst >= eph_first && dst <= eph_last;
	pp_side_rule r;
	pp_side		side;

	if (src == dst)
	{
		r = PP_RULE_EQUAL;
		side = PP_SIDE_EITHER;
	}
	else if (eph_src != eph_dst)
	{
		r = PP_RULE_EPHEMERAL;
		side = eph_src ? PP_SIDE_DST : PP_SIDE_SRC;
	}
	else if (named_src != named_dst)
	{
		r = PP_RULE_NAMED;
		side = named_src ? PP_SIDE_SRC : PP_SIDE_DST;
	}
	else
	{
		r = PP_RULE_LOWER;
		side = src < dst ? PP_SIDE_SRC : PP_SIDE_DST;
	}
	if (rule != NULL)
		*rule = r;
	return side;
}
