/*-------------------------------------------------------------------------
 *
 * port_core.c
 *	  Backend-independent parsing, formatting and classification of ports.
 *
 * Accepted text: optional whitespace, an optional '+', one or more decimal
 * digits (leading zeros allowed), optional whitespace.  "-" followed by
 * digits is a well-formed integer, so it is reported as out of range rather
 * than as a syntax error, except that "-0" is zero, as it is for int4.
 * Digits are scanned to the end even after the value overflows, so a 10 MB
 * string of digits is rejected in linear time as out of range.
 *
 * src/port_core.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>

#include "port_core.h"

/* the same set of white space the PostgreSQL scanner accepts */
static inline bool
port_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
		c == '\v';
}

static inline bool
port_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
port_isalpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * port_parse
 *		Parse s[0..len) (not necessarily NUL-terminated) as a port number.
 *
 * On PORT_PARSE_OK, *value is set.  On PORT_PARSE_NAME, *name_off and
 * *name_len delimit the trimmed token, which has no inner white space,
 * contains a letter and is at most PORT_NAME_MAX bytes: the caller may look
 * it up as a service name.
 */
port_parse_status
port_parse(const char *s, size_t len, uint16_t *value,
		   size_t *name_off, size_t *name_len)
{
	size_t		start = 0;
	size_t		end = len;
	size_t		i;
	bool		negative = false;
	bool		overflow = false;
	uint32_t	acc = 0;

	while (start < end && port_isspace(s[start]))
		start++;
	while (end > start && port_isspace(s[end - 1]))
		end--;
	if (start == end)
		return PORT_PARSE_SYNTAX;

	i = start;
	if (s[i] == '+' || s[i] == '-')
	{
		negative = (s[i] == '-');
		i++;
	}

	if (i < end && port_isdigit(s[i]))
	{
		for (; i < end && port_isdigit(s[i]); i++)
		{
			if (!overflow)
			{
				acc = acc * 10 + (uint32_t) (s[i] - '0');
				if (acc > PORT_MAX)
					overflow = true;
			}
		}
		if (i == end)
		{
			if (overflow || (negative && acc != 0))
				return PORT_PARSE_RANGE;
			*value = (uint16_t) acc;
			return PORT_PARSE_OK;
		}
	}

	/* Not a number.  Is it a single token that contains a letter? */
	if (end - start > PORT_NAME_MAX)
		return PORT_PARSE_SYNTAX;
	{
		bool		has_alpha = false;

		for (i = start; i < end; i++)
		{
			if (port_isspace(s[i]))
				return PORT_PARSE_SYNTAX;
			if (port_isalpha(s[i]))
				has_alpha = true;
		}
		if (!has_alpha)
			return PORT_PARSE_SYNTAX;
	}
	*name_off = start;
	*name_len = end - start;
	return PORT_PARSE_NAME;
}

/*
 * port_format
 *		Write the decimal form of value and a NUL into buf (at least
 *		PORT_TEXT_MAX bytes); return the number of digits.
 */
int
port_format(uint16_t value, char *buf)
{
	char		tmp[PORT_TEXT_MAX];
	int			n = 0;
	int			i;
	unsigned	v = value;

	do
	{
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

const char *
port_class_label(port_class_t cls)
{
	switch (cls)
	{
		case PORT_CLASS_WELL_KNOWN:
			return "well-known";
		case PORT_CLASS_REGISTERED:
			return "registered";
		case PORT_CLASS_DYNAMIC:
			return "dynamic";
	}
	return "dynamic";			/* not reached */
}

/*
 * Default ephemeral port ranges.  doc/port.md explains the sources.
 * Aliases follow their canonical entry with the same numbers.
 */
static const port_os_range port_os_ranges[] = {
	{"iana", 49152, 65535, "RFC 6335 section 6 (Dynamic and/or Private Ports)"},
	{"linux", 32768, 60999, "Linux net.ipv4.ip_local_port_range default (Documentation/networking/ip-sysctl.rst)"},
	{"windows", 49152, 65535, "Microsoft KB 929851: Windows Vista / Server 2008 and later"},
	{"freebsd", 10000, 65535, "FreeBSD net.inet.ip.portrange.first/last defaults (ip(4))"},
	{"macos", 49152, 65535, "macOS net.inet.ip.portrange.first/last defaults (sysctl)"},
};

/* alternative spellings accepted on input */
static const struct
{
	const char *alias;
	const char *name;
}			port_os_aliases[] = {
	{"rfc6335", "iana"},
	{"darwin", "macos"},
	{"osx", "macos"},
};

static bool
port_name_eq(const char *a, size_t alen, const char *b)
{
	size_t		i;

	for (i = 0; i < alen; i++)
	{
		char		c = a[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (b[i] == '\0' || c != b[i])
			return false;
	}
	return b[alen] == '\0';
}

/*
 * port_os_lookup
 *		The range for an operating system name (case-insensitive), or NULL.
 */
const port_os_range *
port_os_lookup(const char *name, size_t len)
{
	size_t		i;

	for (i = 0; i < sizeof(port_os_aliases) / sizeof(port_os_aliases[0]); i++)
	{
		if (port_name_eq(name, len, port_os_aliases[i].alias))
		{
			name = port_os_aliases[i].name;
			len = 0;
			while (name[len] != '\0')
				len++;
			break;
		}
	}
	for (i = 0; i < port_os_count(); i++)
	{
		if (port_name_eq(name, len, port_os_ranges[i].name))
			return &port_os_ranges[i];
	}
	return NULL;
}

size_t
port_os_count(void)
{
	return sizeof(port_os_ranges) / sizeof(port_os_ranges[0]);
}

const port_os_range *
port_os_at(size_t i)
{
	return i < port_os_count() ? &port_os_ranges[i] : NULL;
}


/*
 * port_bitmap_next_run
 *		The next maximal run [*lo, *hi] of ports set in b, starting the
 *		search at port *pos (0 for the first call); advances *pos past it.
 *		False when no port at or after *pos is set.
 */
bool
port_bitmap_next_run(const port_bitmap *b, uint32_t *pos,
					 uint16_t *lo, uint16_t *hi)
{
	uint32_t	p = *pos;

	/* find the first set bit at or after p */
	while (p <= PORT_MAX)
	{
		uint64_t	word = b->w[p >> 6] >> (p & 63);

		if (word == 0)
		{
			p = (p | 63) + 1;
			continue;
		}
		while ((word & 1) == 0)
		{
			word >>= 1;
			p++;
		}
		break;
	}
	if (p > PORT_MAX)
	{
		*pos = p;
		return false;
	}
	*lo = (uint16_t) p;

	/* then the first clear bit after it */
	while (p <= PORT_MAX)
	{
		uint64_t	word = ~b->w[p >> 6] >> (p & 63);

		if (word == 0)
		{
			p = (p | 63) + 1;
			continue;
		}
		while ((word & 1) == 0)
		{
			word >>= 1;
			p++;
		}
		break;
	}
	*hi = (uint16_t) (p - 1);
	*pos = p;
	return true;
}

static int
port_value_cmp(const void *a, const void *b)
{
	return (int) *(const uint16_t *) a - (int) *(const uint16_t *) b;
}

/* counting sort when given counters: ports have only 65536 values */
void
port_sort_values(uint16_t *v, size_t n, size_t *count)
{
	size_t		i;
	size_t		k = 0;
	uint32_t	p;

	if (n < 2)
		return;
	if (count == NULL)
	{
		qsort(v, n, sizeof(uint16_t), port_value_cmp);
		return;
	}
	for (i = 0; i < n; i++)
		count[v[i]]++;
	for (p = 0; p <= PORT_MAX; p++)
	{
		for (; count[p] > 0; count[p]--)
			v[k++] = (uint16_t) p;
	}
}

double
port_percentile_cont(const uint16_t *sorted, size_t n, double fraction)
{
	double		pos = fraction * (double) (n - 1);
	size_t		first = (size_t) pos;
	double		lo = sorted[first];

	if ((double) first == pos || first + 1 >= n)
		return lo;
	return lo + (pos - (double) first) * ((double) sorted[first + 1] - lo);
}
