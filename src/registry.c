/*
 * registry.c - lookups over the generated registry tables.
 *
 * Pure C99: standard headers only, no allocation, no mutable state.
 * See registry.h for the API and tools/gen_registry.pl for the tables.
 *
 * src/registry.c
 */
#include "registry.h"

static const char *const reg_proto_names[REG_NPROTO] = {
	"tcp", "udp", "sctp", "dccp"
};

static const char *const reg_status_names[REG_NSTATUS] = {
	"assigned", "alias", "reserved", "unassigned"
};

static unsigned char
reg_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c - 'A' + 'a') : c;
}

static unsigned
reg_popcount64(uint64_t x)
{
#if defined(__GNUC__) && defined(__POPCNT__)
	/* one instruction only when the target has it; else a libgcc call */
	return (unsigned) __builtin_popcountll((unsigned long long) x);
#else
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) +
		((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (unsigned) ((x * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/* Pool string at off, or NULL for the empty string (offset 0). */
static const char *
reg_str(uint32_t off)
{
	return off ? (const char *) reg_tab_pool + off : NULL;
}

/* Does the pool string at off equal name[0..len) ignoring ASCII case? */
static int
reg_name_eq(uint32_t off, const char *name, size_t len)
{
	const unsigned char *p = reg_tab_pool + off;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (p[i] == '\0' || reg_lower(p[i]) != reg_lower((unsigned char) name[i]))
			return 0;
	}
	return p[len] == '\0';
}

static int
reg_name_eq_cstr(const char *s, const char *name, size_t len)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == '\0' ||
			reg_lower((unsigned char) s[i]) != reg_lower((unsigned char) name[i]))
			return 0;
	}
	return s[len] == '\0';
}

const char *
reg_proto_name(int proto)
{
	if (proto < 0 || proto >= REG_NPROTO)
		return NULL;
	return reg_proto_names[proto];
}

int
reg_proto_from_name(const char *name, size_t len)
{
	int			p;

	if (name == NULL)
		return -1;
	for (p = 0; p < REG_NPROTO; p++)
	{
		if (reg_name_eq_cstr(reg_proto_names[p], name, len))
			return p;
	}
	return -1;
}

const char *
reg_status_name(int status)
{
	if (status < 0 || status >= REG_NSTATUS)
		return NULL;
	return reg_status_names[status];
}

const char *
reg_primary_name(uint16_t port, reg_proto proto)
{
	const reg_tab_ppage *pg;
	unsigned	low;
	unsigned	word;
	uint64_t	bits;
	uint64_t	bit;

	if ((unsigned) proto >= REG_NPROTO)
		return NULL;
	pg = &reg_tab_ppages[reg_tab_ptop[proto][port >> 8]];
	low = port & 0xFFu;
	word = low >> 6;
	bits = pg->bits[word];
	bit = (uint64_t) 1 << (low & 63u);
	if ((bits & bit) == 0)
		return NULL;
	return (const char *) reg_tab_pool +
		reg_tab_pname[pg->base + pg->pre[word] + reg_popcount64(bits & (bit - 1))];
}

const char *
reg_defacto_name(uint16_t port, reg_proto proto)
{
	size_t		lo = 0;
	size_t		hi = reg_tab_ndefacto;

	if ((unsigned) proto >= REG_NPROTO)
		return NULL;
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;
		const reg_defacto *d = &reg_tab_defacto[reg_tab_dfsorted[mid]];

		if (d->proto < (unsigned) proto ||
			(d->proto == (unsigned) proto && d->port < port))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < reg_tab_ndefacto)
	{
		const reg_defacto *d = &reg_tab_defacto[reg_tab_dfsorted[lo]];

		if (d->proto == (unsigned) proto && d->port == port)
			return d->name;
	}
	return NULL;
}

/* Index of the hash key for name, or -1. */
static long
reg_find_key(const char *name, size_t len)
{
	uint32_t	h = 2166136261u;
	uint32_t	i;
	size_t		j;

	if (name == NULL || len == 0 || len > reg_tab_hmaxlen)
		return -1;
	for (j = 0; j < len; j++)
	{
		h ^= reg_lower((unsigned char) name[j]);
		h *= 16777619u;
	}
	for (i = h & reg_tab_hmask;; i = (i + 1) & reg_tab_hmask)
	{
		uint16_t	slot = reg_tab_hslot[i];

		if (slot == 0)
			return -1;
		if (reg_name_eq(reg_tab_hname[slot - 1], name, len))
			return (long) slot - 1;
	}
}

int32_t
reg_port_by_name(const char *name, size_t len, reg_proto proto)
{
	long		k;

	if ((unsigned) proto >= REG_NPROTO)
		return -1;
	k = reg_find_key(name, len);
	if (k < 0 || (reg_tab_hprotos[k] & (1u << proto)) == 0)
		return -1;
	return reg_tab_hport[k][proto];
}

int32_t
reg_port_by_name_any(const char *name, size_t len)
{
	long		k = reg_find_key(name, len);
	unsigned	p;

	if (k < 0)
		return -1;
	for (p = 0; p < REG_NPROTO; p++)
	{
		if (reg_tab_hprotos[k] & (1u << p))
			return reg_tab_hport[k][p];
	}
	return -1;
}

int32_t
reg_defacto_port_by_name(const char *name, size_t len, reg_proto proto)
{
	int32_t		best = -1;
	size_t		i;

	if (name == NULL || (unsigned) proto >= REG_NPROTO)
		return -1;
	for (i = 0; i < reg_tab_ndefacto; i++)
	{
		const reg_defacto *d = &reg_tab_defacto[i];

		if (d->proto == (unsigned) proto && (best < 0 || d->port < best) &&
			reg_name_eq_cstr(d->name, name, len))
			best = d->port;
	}
	return best;
}

int32_t
reg_common_port_by_name(const char *name, size_t len, reg_proto proto)
{
	size_t		i;

	if (name == NULL || (unsigned) proto >= REG_NPROTO)
		return -1;
	for (i = 0; i < reg_tab_ncommon; i++)
	{
		const reg_common *c = &reg_tab_common[i];

		if (c->proto == (unsigned) proto && reg_name_eq_cstr(c->name, name, len))
			return c->port;
	}
	return -1;
}

int32_t
reg_resolve_name(const char *name, size_t len, reg_proto proto)
{
	int32_t		port = reg_port_by_name(name, len, proto);

	if (port < 0)
		port = reg_common_port_by_name(name, len, proto);
	return port;
}

int32_t
reg_resolve_name_any(const char *name, size_t len)
{
	long		k = reg_find_key(name, len);
	unsigned	p;
	int32_t		port;

	if (k >= 0)
	{
		/* the port /etc/services gives, in any protocol */
		for (p = 0; p < REG_NPROTO; p++)
		{
			if (reg_tab_hnetbase[k] & (1u << p))
				return reg_tab_hport[k][p];
		}
		return reg_port_by_name_any(name, len);
	}
	for (p = 0; p < REG_NPROTO; p++)
	{
		port = reg_common_port_by_name(name, len, (reg_proto) p);
		if (port >= 0)
			return port;
	}
	return -1;
}

size_t
reg_common_count(void)
{
	return reg_tab_ncommon;
}

const reg_common *
reg_common_at(size_t i)
{
	return i < reg_tab_ncommon ? &reg_tab_common[i] : NULL;
}

/* the transport protocol of an IP protocol number, or -1 */
static int
reg_transport_of(unsigned number)
{
	switch (number)
	{
		case 6:
			return REG_TCP;
		case 17:
			return REG_UDP;
		case 132:
			return REG_SCTP;
		case 33:
			return REG_DCCP;
		default:
			return -1;
	}
}

reg_ipp_result
reg_ipproto_number(int64_t number, reg_proto *proto)
{
	int			t;

	if (number < 0 || number > 255)
		return REG_IPP_RANGE;
	t = reg_transport_of((unsigned) number);
	if (t < 0)
		return REG_IPP_NOPORTS;
	if (proto != NULL)
		*proto = (reg_proto) t;
	return REG_IPP_PORTS;
}

static int
reg_is_keyword_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
		c == '/' || c == '_';
}

reg_ipp_result
reg_ipproto_parse(const char *s, size_t len, reg_proto *proto)
{
	size_t		i;
	size_t		start = 0;
	int			digits = 1;
	size_t		k;

	if (s == NULL || len == 0)
		return REG_IPP_SYNTAX;

	/* a number, possibly negative: 0..255, else out of range */
	if (s[0] == '-' && len > 1)
		start = 1;
	for (i = start; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9')
		{
			digits = 0;
			break;
		}
	}
	if (digits && (start == 0 || len > 1))
	{
		unsigned	value = 0;

		if (start == 1)
			return REG_IPP_RANGE;
		for (i = 0; i < len; i++)
		{
			value = value * 10 + (unsigned) (s[i] - '0');
			if (value > 255)
				return REG_IPP_RANGE;
		}
		return reg_ipproto_number(value, proto);
	}

	/* a keyword: starts with a letter or digit */
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
		  (s[0] >= '0' && s[0] <= '9')))
		return REG_IPP_SYNTAX;
	for (i = 0; i < len; i++)
	{
		if (!reg_is_keyword_char((unsigned char) s[i]))
			return REG_IPP_SYNTAX;
	}
	for (k = 0; k < reg_tab_nipproto; k++)
	{
		if (reg_name_eq_cstr(reg_tab_ipproto[k].keyword, s, len))
			return reg_ipproto_number(reg_tab_ipproto[k].number, proto);
	}
	/* the transport names, should the protocol table be absent */
	k = (size_t) reg_proto_from_name(s, len);
	if (k < REG_NPROTO)
	{
		if (proto != NULL)
			*proto = (reg_proto) k;
		return REG_IPP_PORTS;
	}
	return REG_IPP_UNKNOWN;
}

size_t
reg_ipproto_count(void)
{
	return reg_tab_nipproto;
}

const reg_ipproto *
reg_ipproto_at(size_t i)
{
	return i < reg_tab_nipproto ? &reg_tab_ipproto[i] : NULL;
}

size_t
reg_entry_count(void)
{
	return reg_tab_nrows;
}

int
reg_entry_get(size_t i, reg_entry *out)
{
	const reg_tab_row *r;
	const uint32_t *x;

	if (i >= reg_tab_nrows || out == NULL)
		return 0;
	r = &reg_tab_rows[i];
	x = reg_tab_extra[r->extra];
	out->port_low = r->port_low;
	out->port_high = r->port_high;
	out->proto = r->proto;
	out->rank = r->rank;
	out->status = r->status;
	out->name = reg_str(r->name);
	out->description = reg_str(r->description);
	out->assignee = reg_str(x[0]);
	out->contact = reg_str(x[1]);
	out->registered = reg_str(x[2]);
	out->modified = reg_str(x[3]);
	out->reference = reg_str(x[4]);
	out->sources = reg_str(reg_tab_src[r->src]);
	out->notes = reg_str(x[5]);
	out->unauthorized = reg_str(x[6]);
	return 1;
}

size_t
reg_entries_for_port(uint16_t port, size_t *idx, size_t max)
{
	unsigned	page = port >> 8;
	size_t		n = 0;
	uint32_t	k;
	uint32_t	lo;
	uint32_t	hi;
	uint32_t	end;

	if (idx == NULL)
		max = 0;

	/* rows spanning several ports that started before this port */
	for (k = reg_tab_rngpage[page]; k < reg_tab_rngpage[page + 1]; k++)
	{
		const reg_tab_row *r = &reg_tab_rows[reg_tab_rng[k]];

		if (r->port_low < port && port <= r->port_high)
		{
			if (n < max)
				idx[n] = reg_tab_rng[k];
			n++;
		}
	}

	/* rows starting at this port: first row of the page with port_low >= port */
	lo = reg_tab_rowpage[page];
	end = hi = reg_tab_rowpage[page + 1];
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (reg_tab_rows[mid].port_low < port)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < end && reg_tab_rows[k].port_low == port; k++)
	{
		if (n < max)
			idx[n] = k;
		n++;
	}
	return n;
}

size_t
reg_defacto_count(void)
{
	return reg_tab_ndefacto;
}

const reg_defacto *
reg_defacto_at(size_t i)
{
	return i < reg_tab_ndefacto ? &reg_tab_defacto[i] : NULL;
}

const char *
reg_snapshot(void)
{
	return reg_tab_snapshot;
}
