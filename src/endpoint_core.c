/*-------------------------------------------------------------------------
 *
 * endpoint_core.c
 *	  Backend-independent parsing, printing and byte layout of endpoints.
 *
 * Accepted text (EP_STYLE_BRACKETED, the endpoint type's own syntax):
 * optional white space, then either an IPv4 address in dotted-quad form
 * ("192.0.2.1", four decimal octets without leading zeros) followed by
 * ":port", or an IPv6 address in brackets ("[2001:db8::1]", any RFC 4291
 * text form, including "::ffff:192.0.2.1") followed by ":port", then
 * optional white space.  The port is one or more decimal digits, 0..65535.
 * An IPv6 address without brackets is rejected whether or not a port
 * seems to be glued on: in "2001:db8::1:443" nobody can tell whether 443
 * is the port or the last group (RFC 5952, section 6).
 *
 * Output is canonical: IPv6 as PostgreSQL's inet prints it (RFC 5952:
 * lower case, no leading zeros, the longest run of two or more zero
 * groups as "::", the first of equal runs; IPv4-mapped and
 * IPv4-compatible addresses with a dotted-quad tail), always bracketed.
 *
 * Every scan is linear in the input and reads nothing outside it; the
 * input need not be NUL-terminated.
 *
 * src/endpoint_core.c
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "endpoint_core.h"

static inline bool
ep_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

static inline bool
ep_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static inline int
ep_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static inline void
ep_set_error(ep_error *err, ep_problem problem, size_t off, size_t len)
{
	if (err)
	{
		err->problem = problem;
		err->off = off;
		err->len = len;
	}
}

/* position of the first c in s[0..len), or len */
static size_t
ep_find(const char *s, size_t len, char c)
{
	const char *p = len > 0 ? memchr(s, c, len) : NULL;

	return p ? (size_t) (p - s) : len;
}

/* position of the last c in s[0..len), or len */
static size_t
ep_find_last(const char *s, size_t len, char c)
{
	size_t		i = len;

	while (i > 0)
	{
		i--;
		if (s[i] == c)
			return i;
	}
	return len;
}


/*****************************************************************************
 * Addresses
 *****************************************************************************/

/*
 * ep_parse_ipv4
 *		Four decimal octets 0..255 separated by dots; an octet has one to
 *		three digits and no leading zero ("010" could mean octal 8).
 */
bool
ep_parse_ipv4(const char *s, size_t len, uint8_t out[4])
{
	size_t		i = 0;
	int			part;

	for (part = 0; part < 4; part++)
	{
		size_t		start = i;
		unsigned	v = 0;

		if (part > 0)
		{
			if (i >= len || s[i] != '.')
				return false;
			i++;
			start = i;
		}
		while (i < len && ep_isdigit(s[i]) && i - start < 3)
		{
			v = v * 10 + (unsigned) (s[i] - '0');
			i++;
		}
		if (i == start || v > 255)
			return false;
		if (i < len && ep_isdigit(s[i]))
			return false;		/* four or more digits */
		if (s[start] == '0' && i - start > 1)
			return false;		/* leading zero */
		out[part] = (uint8_t) v;
	}
	return i == len;
}

/*
 * ep_parse_ipv6
 *		RFC 4291 section 2.2 text: eight groups of one to four hex digits,
 *		at most one "::" standing for one or more zero groups, and
 *		optionally a dotted-quad IPv4 address as the last 32 bits.
 */
bool
ep_parse_ipv6(const char *s, size_t len, uint8_t out[16])
{
	uint16_t	words[8];
	int			n = 0;
	int			gap = -1;		/* index of the "::" in words, or -1 */
	size_t		i = 0;
	int			k;

	if (len < 2)
		return false;
	if (s[0] == ':')
	{
		if (s[1] != ':')
			return false;
		gap = 0;
		i = 2;
	}
	while (i < len)
	{
		size_t		start = i;
		uint32_t	v = 0;

		while (i < len && ep_hexval(s[i]) >= 0 && i - start < 5)
		{
			v = (v << 4) | (uint32_t) ep_hexval(s[i]);
			i++;
		}
		if (i < len && s[i] == '.')
		{
			uint8_t		v4[4];

			/* the IPv4 tail takes the last two groups */
			if (n > 6 || !ep_parse_ipv4(s + start, len - start, v4))
				return false;
			words[n++] = (uint16_t) ((v4[0] << 8) | v4[1]);
			words[n++] = (uint16_t) ((v4[2] << 8) | v4[3]);
			i = len;
			break;
		}
		if (i == start || i - start > 4 || n >= 8)
			return false;
		words[n++] = (uint16_t) v;
		if (i == len)
			break;
		if (s[i] != ':')
			return false;
		i++;
		if (i < len && s[i] == ':')
		{
			if (gap >= 0)
				return false;
			gap = n;
			i++;
		}
		else if (i == len)
			return false;		/* a single trailing colon */
	}

	if (gap < 0)
	{
		if (n != 8)
			return false;
	}
	else
	{
		int			tail = n - gap;

		if (n > 7)
			return false;
		for (k = 0; k < tail; k++)
			words[7 - k] = words[n - 1 - k];
		for (k = gap; k < 8 - tail; k++)
			words[k] = 0;
	}
	for (k = 0; k < 8; k++)
	{
		out[2 * k] = (uint8_t) (words[k] >> 8);
		out[2 * k + 1] = (uint8_t) (words[k] & 0xff);
	}
	return true;
}

static size_t
ep_format_ipv4(const uint8_t *a, char *buf)
{
	size_t		n = 0;
	int			part;

	for (part = 0; part < 4; part++)
	{
		unsigned	v = a[part];

		if (part > 0)
			buf[n++] = '.';
		if (v >= 100)
			buf[n++] = (char) ('0' + v / 100);
		if (v >= 10)
			buf[n++] = (char) ('0' + (v / 10) % 10);
		buf[n++] = (char) ('0' + v % 10);
	}
	buf[n] = '\0';
	return n;
}

static size_t
ep_format_ipv6(const uint8_t *a, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	uint16_t	words[8];
	int			best_base = -1,
				best_len = 0,
				cur_base = -1,
				cur_len = 0;
	size_t		n = 0;
	int			i;

	for (i = 0; i < 8; i++)
		words[i] = (uint16_t) ((a[2 * i] << 8) | a[2 * i + 1]);

	/* the longest run of zero groups, the first of equal ones */
	for (i = 0; i < 8; i++)
	{
		if (words[i] == 0)
		{
			if (cur_base < 0)
			{
				cur_base = i;
				cur_len = 0;
			}
			cur_len++;
			if (cur_len > best_len)
			{
				best_base = cur_base;
				best_len = cur_len;
			}
		}
		else
			cur_base = -1;
	}
	if (best_len < 2)
		best_base = -1;			/* a single zero group is not shortened */

	for (i = 0; i < 8; i++)
	{
		if (best_base >= 0 && i >= best_base && i < best_base + best_len)
		{
			if (i == best_base)
				buf[n++] = ':';
			continue;
		}
		if (i > 0)
			buf[n++] = ':';
		/* IPv4-compatible (::a.b.c.d) or IPv4-mapped (::ffff:a.b.c.d) */
		if (i == 6 && best_base == 0 &&
			(best_len == 6 || (best_len == 5 && words[5] == 0xffff)))
		{
			n += ep_format_ipv4(a + 12, buf + n);
			return n;
		}
		{
			uint16_t	w = words[i];
			int			shift;
			bool		started = false;

			for (shift = 12; shift >= 0; shift -= 4)
			{
				int			d = (w >> shift) & 0xf;

				if (d != 0 || started || shift == 0)
				{
					buf[n++] = hex[d];
					started = true;
				}
			}
		}
	}
	if (best_base >= 0 && best_base + best_len == 8)
		buf[n++] = ':';
	buf[n] = '\0';
	return n;
}

/*
 * ep_format_address
 *		The address alone, as inet's host() prints it.  buf holds at least
 *		EP_ADDR_TEXT_MAX bytes.  Returns the length.
 */
size_t
ep_format_address(const ep_value *v, char *buf)
{
	if (v->family == EP_FAMILY_V4)
		return ep_format_ipv4(v->addr, buf);
	return ep_format_ipv6(v->addr, buf);
}

/*
 * ep_format
 *		"192.0.2.1:443" or "[2001:db8::1]:443".  buf holds at least
 *		EP_TEXT_MAX bytes.  Returns the length.
 */
size_t
ep_format(const ep_value *v, char *buf)
{
	size_t		n = 0;
	char		digits[5];
	int			nd = 0;
	unsigned	p = v->port;

	if (v->family == EP_FAMILY_V6)
		buf[n++] = '[';
	n += ep_format_address(v, buf + n);
	if (v->family == EP_FAMILY_V6)
		buf[n++] = ']';
	buf[n++] = ':';
	do
	{
		digits[nd++] = (char) ('0' + p % 10);
		p /= 10;
	} while (p > 0);
	while (nd > 0)
		buf[n++] = digits[--nd];
	buf[n] = '\0';
	return n;
}


/*****************************************************************************
 * Endpoints
 *****************************************************************************/

/*
 * ep_parse_port
 *		One or more decimal digits, 0..65535; every digit is scanned, so a
 *		long string of digits is out of range, not a syntax error.
 */
static ep_status
ep_parse_port(const char *s, size_t off, size_t len, uint16_t *port,
			  ep_error *err)
{
	uint32_t	v = 0;
	bool		overflow = false;
	size_t		i;

	if (len == 0)
	{
		ep_set_error(err, EP_PROBLEM_NO_PORT, off, 0);
		return EP_SYNTAX;
	}
	for (i = 0; i < len; i++)
	{
		if (!ep_isdigit(s[off + i]))
		{
			ep_set_error(err, EP_PROBLEM_PORT, off, len);
			return EP_SYNTAX;
		}
		if (!overflow)
		{
			v = v * 10 + (uint32_t) (s[off + i] - '0');
			if (v > 65535)
				overflow = true;
		}
	}
	if (overflow)
	{
		ep_set_error(err, EP_PROBLEM_PORT_RANGE, off, len);
		return EP_RANGE;
	}
	*port = (uint16_t) v;
	return EP_OK;
}

/*
 * ep_address_problem
 *		Why s[off..off+len) is not an address: a zone id, a netmask, or
 *		just not an address.  Sets *err and returns EP_SYNTAX.
 */
static ep_status
ep_address_problem(const char *s, size_t off, size_t len, ep_error *err)
{
	size_t		zone = ep_find(s + off, len, '%');
	size_t		mask = ep_find(s + off, len, '/');

	if (zone < len && zone <= mask)
		ep_set_error(err, EP_PROBLEM_ZONE, off + zone, len - zone);
	else if (mask < len)
		ep_set_error(err, EP_PROBLEM_NETMASK, off + mask, len - mask);
	else
		ep_set_error(err, EP_PROBLEM_ADDRESS, off, len);
	return EP_SYNTAX;
}

/* parse s[off..off+len) as an address of either family */
static bool
ep_parse_address(const char *s, size_t off, size_t len, ep_value *out)
{
	if (ep_parse_ipv4(s + off, len, out->addr))
	{
		out->family = EP_FAMILY_V4;
		memset(out->addr + 4, 0, 12);
		return true;
	}
	if (ep_parse_ipv6(s + off, len, out->addr))
	{
		out->family = EP_FAMILY_V6;
		return true;
	}
	return false;
}

/*
 * ep_parse_at
 *		Parse s[start..end) (already trimmed, not empty) as an endpoint.
 */
static ep_status
ep_parse_at(const char *s, size_t start, size_t end, ep_style style,
			ep_value *out, ep_error *err)
{
	size_t		len = end - start;
	const char *p = s + start;
	size_t		colon;
	size_t		ncolons = 0;
	size_t		i;

	if (p[0] == '[')
	{
		size_t		close = ep_find(p, len, ']');

		if (close == len)
		{
			ep_set_error(err, EP_PROBLEM_BRACKET, start, len);
			return EP_SYNTAX;
		}
		if (!ep_parse_ipv6(p + 1, close - 1, out->addr))
		{
			uint8_t		v4[4];

			if (ep_parse_ipv4(p + 1, close - 1, v4))
			{
				ep_set_error(err, EP_PROBLEM_BRACKET, start, close + 1);
				return EP_SYNTAX;
			}
			return ep_address_problem(s, start + 1, close - 1, err);
		}
		out->family = EP_FAMILY_V6;
		i = close + 1;
		if (i == len)
		{
			ep_set_error(err, EP_PROBLEM_NO_PORT, start, len);
			return EP_SYNTAX;
		}
		if (p[i] == '%')
		{
			ep_set_error(err, EP_PROBLEM_ZONE, start + i, len - i);
			return EP_SYNTAX;
		}
		if (p[i] == '/')
		{
			ep_set_error(err, EP_PROBLEM_NETMASK, start + i, len - i);
			return EP_SYNTAX;
		}
		if (p[i] != ':')
		{
			ep_set_error(err, EP_PROBLEM_TRAILING, start + i, len - i);
			return EP_SYNTAX;
		}
		return ep_parse_port(s, start + i + 1, len - i - 1, &out->port, err);
	}

	for (i = 0; i < len; i++)
		if (p[i] == ':')
			ncolons++;

	if (ncolons == 0)
	{
		if (ep_parse_address(s, start, len, out))
		{
			ep_set_error(err, EP_PROBLEM_NO_PORT, start, len);
			return EP_SYNTAX;
		}
		return ep_address_problem(s, start, len, err);
	}

	if (ncolons >= 2 && style == EP_STYLE_BRACKETED)
	{
		size_t		zone = ep_find(p, len, '%');
		size_t		mask = ep_find(p, len, '/');

		if (zone < len || mask < len)
			return ep_address_problem(s, start, len, err);
		ep_set_error(err, EP_PROBLEM_UNBRACKETED, start, len);
		return EP_SYNTAX;
	}

	/* one colon, or the last one of several (EP_STYLE_LAST_COLON) */
	colon = ep_find_last(p, len, ':');
	if (colon == 0 || !ep_parse_address(s, start, colon, out))
	{
		if (colon == 0)
		{
			ep_set_error(err, EP_PROBLEM_ADDRESS, start, 0);
			return EP_SYNTAX;
		}
		return ep_address_problem(s, start, colon, err);
	}
	return ep_parse_port(s, start + colon + 1, len - colon - 1, &out->port,
						 err);
}

/*
 * ep_parse
 *		Parse s[0..len) as one endpoint, in the given style.
 */
ep_status
ep_parse(const char *s, size_t len, ep_style style, ep_value *out,
		 ep_error *err)
{
	size_t		start = 0;
	size_t		end = len;

	memset(out, 0, sizeof(*out));
	ep_set_error(err, EP_PROBLEM_NONE, 0, 0);
	while (start < end && ep_isspace(s[start]))
		start++;
	while (end > start && ep_isspace(s[end - 1]))
		end--;
	if (start == end)
	{
		ep_set_error(err, EP_PROBLEM_EMPTY, 0, len);
		return EP_SYNTAX;
	}
	return ep_parse_at(s, start, end, style, out, err);
}

const char *
ep_problem_text(ep_problem problem)
{
	switch (problem)
	{
		case EP_PROBLEM_NONE:
			return "no error";
		case EP_PROBLEM_EMPTY:
			return "An endpoint is an IP address with a port, as in 192.0.2.1:443 or [2001:db8::1]:443.";
		case EP_PROBLEM_ADDRESS:
			return "The address is not an IPv4 or IPv6 host address.";
		case EP_PROBLEM_UNBRACKETED:
			return "An IPv6 address with a port must be written in brackets, as in [2001:db8::1]:443: without them the port cannot be told from the last group (RFC 5952, section 6).";
		case EP_PROBLEM_BRACKET:
			return "Brackets enclose an IPv6 address and must be closed: [2001:db8::1]:443; an IPv4 address is written without them.";
		case EP_PROBLEM_ZONE:
			return "Zone ids (%eth0) are not supported.";
		case EP_PROBLEM_NETMASK:
			return "An endpoint address is a host: a netmask is not allowed.";
		case EP_PROBLEM_NO_PORT:
			return "The port is missing: an endpoint ends with \":port\".";
		case EP_PROBLEM_PORT:
			return "The port is not a decimal number.";
		case EP_PROBLEM_PORT_RANGE:
			return "Port numbers are integers from 0 to 65535.";
		case EP_PROBLEM_TRAILING:
			return "Unexpected text after the address.";
		case EP_PROBLEM_ARROW:
			return "A Docker port mapping is \"[address:]port[-port]->port[-port]/protocol\".";
		case EP_PROBLEM_PROTOCOL:
			return "The protocol of a Docker port mapping is tcp, udp or sctp.";
		case EP_PROBLEM_PORT_SPAN:
			return "A port range must be ascending, and a host range as long as the container range.";
	}
	return "unknown problem";
}


/*****************************************************************************
 * The stored form
 *****************************************************************************/

size_t
ep_pack(const ep_value *v, uint8_t *buf)
{
	size_t		alen = v->family == EP_FAMILY_V4 ? 4 : 16;

	memcpy(buf, v->addr, alen);
	buf[alen] = (uint8_t) (v->port >> 8);
	buf[alen + 1] = (uint8_t) (v->port & 0xff);
	return alen + 2;
}

bool
ep_unpack(const uint8_t *buf, size_t len, ep_value *out)
{
	size_t		alen;

	memset(out, 0, sizeof(*out));
	if (len == EP_STORED_V4)
		out->family = EP_FAMILY_V4;
	else if (len == EP_STORED_V6)
		out->family = EP_FAMILY_V6;
	else
		return false;
	alen = len - 2;
	memcpy(out->addr, buf, alen);
	out->port = (uint16_t) ((buf[alen] << 8) | buf[alen + 1]);
	return true;
}

/* family (IPv4 first), then address, then port */
int
ep_compare_packed(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int			c;

	if (alen != blen)
		return alen < blen ? -1 : 1;
	c = memcmp(a, b, alen);
	return (c > 0) - (c < 0);
}


/*****************************************************************************
 * Networks
 *****************************************************************************/

/*
 * ep_network_bounds
 *		The least and the greatest endpoint in a network (address and
 *		prefix length bits): the network address with port 0 and the last
 *		address with port 65535.  Every endpoint of the same family ordered
 *		between them is in the network, and no other.  Returns false for a
 *		prefix length outside 0..32 (IPv4) or 0..128 (IPv6).
 */
bool
ep_network_bounds(uint8_t family, const uint8_t *addr, int bits,
				  ep_value *lo, ep_value *hi)
{
	int			alen = family == EP_FAMILY_V4 ? 4 : 16;
	int			i;

	if (bits < 0 || bits > alen * 8)
		return false;
	memset(lo, 0, sizeof(*lo));
	memset(hi, 0, sizeof(*hi));
	lo->family = hi->family = family;
	for (i = 0; i < alen; i++)
	{
		int			keep = bits - 8 * i;
		uint8_t		mask;

		if (keep >= 8)
			mask = 0xff;
		else if (keep <= 0)
			mask = 0;
		else
			mask = (uint8_t) (0xff << (8 - keep));
		lo->addr[i] = addr[i] & mask;
		hi->addr[i] = (uint8_t) (addr[i] | (uint8_t) ~mask);
	}
	lo->port = 0;
	hi->port = 65535;
	return true;
}

/* is v's address in the network? (same family, same leading bits) */
bool
ep_in_network(const ep_value *v, uint8_t family, const uint8_t *addr, int bits)
{
	int			i;

	if (v->family != family || bits < 0 || bits > (family == EP_FAMILY_V4 ? 32 : 128))
		return false;
	for (i = 0; bits > 0; i++, bits -= 8)
	{
		uint8_t		mask = bits >= 8 ? 0xff : (uint8_t) (0xff << (8 - bits));

		if ((v->addr[i] & mask) != (addr[i] & mask))
			return false;
	}
	return true;
}


/*****************************************************************************
 * Log formats
 *****************************************************************************/

/* "N" or "N-M" in s[off..off+len) */
static ep_status
ep_parse_port_span(const char *s, size_t off, size_t len, uint16_t *first,
				   uint16_t *last, ep_error *err)
{
	size_t		dash = ep_find(s + off, len, '-');
	ep_status	st;

	st = ep_parse_port(s, off, dash, first, err);
	if (st != EP_OK)
		return st;
	if (dash == len)
	{
		*last = *first;
		return EP_OK;
	}
	st = ep_parse_port(s, off + dash + 1, len - dash - 1, last, err);
	if (st != EP_OK)
		return st;
	if (*last < *first)
	{
		ep_set_error(err, EP_PROBLEM_PORT_SPAN, off, len);
		return EP_SYNTAX;
	}
	return EP_OK;
}

/*
 * ep_docker_item
 *		One item of Docker's PORTS column, s[start..end), trimmed:
 *		"0.0.0.0:8080->80/tcp", ":::8080->80/tcp", "[::]:8080->80/tcp",
 *		"127.0.0.1:8000-8001->80-81/udp", or "80/tcp" (exposed only).
 */
static ep_status
ep_docker_item(const char *s, size_t start, size_t end,
			   ep_docker_mapping *out, ep_error *err)
{
	size_t		len = end - start;
	const char *p = s + start;
	size_t		arrow = len;
	size_t		cstart = 0;
	size_t		slash;
	size_t		plen;
	ep_status	st;
	size_t		i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i + 1 < len; i++)
		if (p[i] == '-' && p[i + 1] == '>')
		{
			arrow = i;
			break;
		}

	if (arrow < len)
	{
		/* the host side: address, last colon, port or port range */
		size_t		colon = ep_find_last(p, arrow, ':');
		size_t		astart = start;
		size_t		alen = colon;

		if (colon == arrow)
		{
			ep_set_error(err, EP_PROBLEM_NO_PORT, start, arrow);
			return EP_SYNTAX;
		}
		if (alen >= 2 && p[0] == '[' && p[alen - 1] == ']')
		{
			astart++;
			alen -= 2;
			if (!ep_parse_ipv6(s + astart, alen, out->host.addr))
				return ep_address_problem(s, astart, alen, err);
			out->host.family = EP_FAMILY_V6;
		}
		else if (alen == 0 || !ep_parse_address(s, astart, alen, &out->host))
		{
			if (alen == 0)
			{
				ep_set_error(err, EP_PROBLEM_ADDRESS, start, 0);
				return EP_SYNTAX;
			}
			return ep_address_problem(s, astart, alen, err);
		}
		st = ep_parse_port_span(s, start + colon + 1, arrow - colon - 1,
								&out->host.port, &out->host_last, err);
		if (st != EP_OK)
			return st;
		out->has_host = true;
		cstart = arrow + 2;
	}

	/* the container side: port or port range, "/", protocol */
	slash = ep_find(p + cstart, len - cstart, '/');
	if (cstart + slash == len)
	{
		ep_set_error(err, EP_PROBLEM_ARROW, start + cstart, len - cstart);
		return EP_SYNTAX;
	}
	st = ep_parse_port_span(s, start + cstart, slash, &out->container_first,
							&out->container_last, err);
	if (st != EP_OK)
		return st;
	plen = len - cstart - slash - 1;
	if ((plen == 3 && (memcmp(p + cstart + slash + 1, "tcp", 3) == 0 ||
					   memcmp(p + cstart + slash + 1, "udp", 3) == 0)) ||
		(plen == 4 && memcmp(p + cstart + slash + 1, "sctp", 4) == 0))
	{
		memcpy(out->protocol, p + cstart + slash + 1, plen);
		out->protocol[plen] = '\0';
	}
	else
	{
		ep_set_error(err, EP_PROBLEM_PROTOCOL, start + cstart + slash + 1, plen);
		return EP_SYNTAX;
	}
	if (out->has_host &&
		out->host_last - out->host.port !=
		out->container_last - out->container_first)
	{
		ep_set_error(err, EP_PROBLEM_PORT_SPAN, start, len);
		return EP_SYNTAX;
	}
	return EP_OK;
}

/*
 * ep_docker_next
 *		The next comma-separated item of Docker's PORTS column, from *pos.
 *		*found is false at the end of the text.
 */
ep_status
ep_docker_next(const char *s, size_t len, size_t *pos, bool *found,
			   ep_docker_mapping *out, ep_error *err)
{
	size_t		start = *pos;
	size_t		end;
	size_t		comma;

	*found = false;
	ep_set_error(err, EP_PROBLEM_NONE, 0, 0);
	while (start < len && ep_isspace(s[start]))
		start++;
	if (start >= len)
	{
		*pos = len;
		return EP_OK;
	}
	comma = start + ep_find(s + start, len - start, ',');
	end = comma;
	while (end > start && ep_isspace(s[end - 1]))
		end--;
	if (end == start)
	{
		ep_set_error(err, EP_PROBLEM_EMPTY, start, 0);
		return EP_SYNTAX;
	}
	*pos = comma < len ? comma + 1 : len;
	if (comma < len)
	{
		/* a trailing comma leaves an empty last item */
		size_t		k = comma + 1;

		while (k < len && ep_isspace(s[k]))
			k++;
		if (k == len)
		{
			ep_set_error(err, EP_PROBLEM_EMPTY, comma, 1);
			return EP_SYNTAX;
		}
	}
	*found = true;
	return ep_docker_item(s, start, end, out, err);
}

/*
 * ep_upstream_next
 *		The next address of nginx's $upstream_addr, from *pos.  nginx
 *		separates the servers tried in one upstream group with ", " and
 *		internal redirects to another group with " : ".  An item is an
 *		endpoint (IPv6 in brackets, as nginx writes it), "unix:path", or a
 *		word without colons (the group name, logged when no server could be
 *		chosen, or "-" for none).  *found is false at the end.
 */
ep_status
ep_upstream_next(const char *s, size_t len, size_t *pos, bool *found,
				 ep_upstream_kind *kind, ep_value *out, ep_error *err)
{
	size_t		start = *pos;
	size_t		end;
	size_t		i;

	*found = false;
	ep_set_error(err, EP_PROBLEM_NONE, 0, 0);
	memset(out, 0, sizeof(*out));
	while (start < len && ep_isspace(s[start]))
		start++;
	if (start >= len)
	{
		*pos = len;
		return EP_OK;
	}
	end = start;
	while (end < len && !ep_isspace(s[end]) && s[end] != ',')
		end++;

	/* consume the separator after the item: ",", or ":" between spaces */
	i = end;
	while (i < len && ep_isspace(s[i]))
		i++;
	if (i < len && s[i] == ',')
		i++;
	else if (i < len && s[i] == ':' && i > end &&
			 (i + 1 == len || ep_isspace(s[i + 1])))
		i++;
	*pos = i;
	*found = true;

	if (end == start)
	{
		ep_set_error(err, EP_PROBLEM_EMPTY, start, 0);
		return EP_SYNTAX;
	}
	if (end - start >= 5 && memcmp(s + start, "unix:", 5) == 0)
	{
		*kind = EP_UPSTREAM_UNIX;
		return EP_OK;
	}
	if (ep_find(s + start, end - start, ':') == end - start &&
		ep_find(s + start, end - start, '[') == end - start &&
		!ep_parse_address(s, start, end - start, out))
	{
		memset(out, 0, sizeof(*out));
		*kind = EP_UPSTREAM_OTHER;
		return EP_OK;
	}
	*kind = EP_UPSTREAM_ENDPOINT;
	return ep_parse_at(s, start, end, EP_STYLE_BRACKETED, out, err);
}
