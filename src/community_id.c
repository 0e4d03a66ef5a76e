/*-------------------------------------------------------------------------
 *
 * community_id.c
 *	  The Community ID flow hash, version 1, without the SHA-1.
 *
 * The hashed input (all in network byte order):
 *
 *		seed (2 bytes) . saddr (4 or 16) . daddr (4 or 16) . proto (1) .
 *		0 (1) [. sport (2) . dport (2)]
 *
 * after ordering the endpoints so that the numerically smaller address
 * comes first, the ports deciding when the addresses are equal.  TCP, UDP,
 * SCTP, ICMP and ICMPv6 carry ports; every other protocol is hashed as the
 * three-tuple of addresses and protocol, whatever ports were given.  For
 * ICMP and ICMPv6 the "ports" are the message type and, for a request or
 * reply, the type of its counterpart, otherwise the code; messages without
 * a counterpart are one-way and are never reordered (the mapping Zeek
 * uses, as in pycommunityid's icmp.py and icmp6.py).
 *
 * src/community_id.c
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "community_id.h"

/* TCP, UDP, SCTP, ICMP and ICMPv6 carry ports (or port equivalents) */
bool
cid_proto_has_ports(uint8_t proto)
{
	return proto == CID_PROTO_TCP || proto == CID_PROTO_UDP ||
		proto == CID_PROTO_SCTP || proto == CID_PROTO_ICMP ||
		proto == CID_PROTO_ICMP6;
}

/* pairs of ICMP message types that are each other's request and reply */
static const uint8_t cid_icmp4_pairs[][2] = {
	{8, 0},						/* echo, echo reply */
	{13, 14},					/* timestamp, timestamp reply */
	{15, 16},					/* information request, reply */
	{10, 9},					/* router solicitation, advertisement */
	{17, 18},					/* address mask request, reply */
};

static const uint8_t cid_icmp6_pairs[][2] = {
	{128, 129},					/* echo request, echo reply */
	{130, 131},					/* multicast listener query, report */
	{133, 134},					/* router solicitation, advertisement */
	{135, 136},					/* neighbor solicitation, advertisement */
	{139, 140},					/* node information (who are you) */
	{144, 145},					/* home agent address discovery */
};

/*
 * cid_icmp_map
 *		The port equivalents of an ICMP (proto 1) or ICMPv6 (58) message.
 *		Returns true when the message is one-way (no counterpart type), in
 *		which case the endpoints must not be reordered.
 */
bool
cid_icmp_map(uint8_t proto, uint16_t type, uint16_t code,
			 uint16_t *sport, uint16_t *dport)
{
	const uint8_t (*pairs)[2];
	size_t		npairs;
	size_t		i;

	if (proto == CID_PROTO_ICMP)
	{
		pairs = cid_icmp4_pairs;
		npairs = sizeof(cid_icmp4_pairs) / sizeof(cid_icmp4_pairs[0]);
	}
	else
	{
		pairs = cid_icmp6_pairs;
		npairs = sizeof(cid_icmp6_pairs) / sizeof(cid_icmp6_pairs[0]);
	}
	*sport = type;
	for (i = 0; i < npairs; i++)
	{
		if (type == pairs[i][0])
		{
			*dport = pairs[i][1];
			return false;
		}
		if (type == pairs[i][1])
		{
			*dport = pairs[i][0];
			return false;
		}
	}
	*dport = code;
	return true;
}

/*
 * cid_layout
 *		Write the bytes to hash into buf (CID_INPUT_MAX bytes) and return
 *		their number, or 0 when a protocol that needs ports has none.
 */
size_t
cid_layout(const cid_flow *flow, uint16_t seed, uint8_t *buf)
{
	size_t		alen = flow->family == 4 ? 4 : 16;
	bool		ports = cid_proto_has_ports(flow->proto);
	bool		one_way = false;
	uint16_t	sport = 0;
	uint16_t	dport = 0;
	const uint8_t *a;
	const uint8_t *b;
	int			c;
	size_t		n = 0;

	if (ports && !flow->has_ports)
		return 0;
	if (ports)
	{
		sport = flow->sport;
		dport = flow->dport;
		if (flow->proto == CID_PROTO_ICMP || flow->proto == CID_PROTO_ICMP6)
			one_way = cid_icmp_map(flow->proto, flow->sport, flow->dport,
								   &sport, &dport);
	}

	a = flow->saddr;
	b = flow->daddr;
	c = memcmp(a, b, alen);
	if (!one_way && (c > 0 || (c == 0 && ports && sport > dport)))
	{
		uint16_t	t = sport;

		a = flow->daddr;
		b = flow->saddr;
		sport = dport;
		dport = t;
	}

	buf[n++] = (uint8_t) (seed >> 8);
	buf[n++] = (uint8_t) (seed & 0xff);
	memcpy(buf + n, a, alen);
	n += alen;
	memcpy(buf + n, b, alen);
	n += alen;
	buf[n++] = flow->proto;
	buf[n++] = 0;
	if (ports)
	{
		buf[n++] = (uint8_t) (sport >> 8);
		buf[n++] = (uint8_t) (sport & 0xff);
		buf[n++] = (uint8_t) (dport >> 8);
		buf[n++] = (uint8_t) (dport & 0xff);
	}
	return n;
}

/*
 * cid_render
 *		"1:" and the digest in base64 (RFC 4648, padded) or lower-case hex.
 *		buf holds CID_TEXT_MAX bytes.  Returns the length.
 */
size_t
cid_render(const uint8_t digest[CID_DIGEST_LEN], bool base64, char *buf)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	static const char hex[] = "0123456789abcdef";
	size_t		n = 0;
	size_t		i;

	buf[n++] = '1';
	buf[n++] = ':';
	if (base64)
	{
		/* 20 bytes: six groups of three, then two bytes and one '=' */
		for (i = 0; i + 3 <= CID_DIGEST_LEN; i += 3)
		{
			uint32_t	v = ((uint32_t) digest[i] << 16) |
				((uint32_t) digest[i + 1] << 8) | digest[i + 2];

			buf[n++] = b64[(v >> 18) & 63];
			buf[n++] = b64[(v >> 12) & 63];
			buf[n++] = b64[(v >> 6) & 63];
			buf[n++] = b64[v & 63];
		}
		{
			uint32_t	v = ((uint32_t) digest[18] << 16) |
				((uint32_t) digest[19] << 8);

			buf[n++] = b64[(v >> 18) & 63];
			buf[n++] = b64[(v >> 12) & 63];
			buf[n++] = b64[(v >> 6) & 63];
			buf[n++] = '=';
		}
	}
	else
	{
		for (i = 0; i < CID_DIGEST_LEN; i++)
		{
			buf[n++] = hex[digest[i] >> 4];
			buf[n++] = hex[digest[i] & 15];
		}
	}
	buf[n] = '\0';
	return n;
}

/* IANA protocol keywords, and the spellings Zeek and Suricata log */
static const struct
{
	const char *name;
	uint8_t		proto;
}			cid_proto_names[] = {
	{"icmp", CID_PROTO_ICMP},
	{"igmp", 2},
	{"tcp", CID_PROTO_TCP},
	{"udp", CID_PROTO_UDP},
	{"dccp", 33},
	{"ipv6", 41},
	{"rsvp", 46},
	{"gre", 47},
	{"esp", 50},
	{"ah", 51},
	{"ipv6-icmp", CID_PROTO_ICMP6},
	{"icmp6", CID_PROTO_ICMP6},
	{"icmpv6", CID_PROTO_ICMP6},
	{"ospf", 89},
	{"pim", 103},
	{"vrrp", 112},
	{"l2tp", 115},
	{"sctp", CID_PROTO_SCTP},
};

/*
 * cid_proto_lookup
 *		A protocol given by name (case-insensitive) or as a decimal number.
 *		"icmp" means ICMPv6 for IPv6 addresses, as Zeek logs ICMPv6 flows
 *		with proto "icmp".  Returns 0..255, -1 for an unknown name, -2 for
 *		a number above 255.
 */
int
cid_proto_lookup(const char *name, size_t len, bool ipv6)
{
	char		lower[16];
	size_t		i;

	if (len > 0 && name[0] >= '0' && name[0] <= '9')
	{
		unsigned	v = 0;

		for (i = 0; i < len; i++)
		{
			if (name[i] < '0' || name[i] > '9')
				return -1;
			if (v <= 255)
				v = v * 10 + (unsigned) (name[i] - '0');
		}
		return v > 255 ? -2 : (int) v;
	}
	if (len == 0 || len >= sizeof(lower))
		return -1;
	for (i = 0; i < len; i++)
	{
		char		c = name[i];

		lower[i] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}
	lower[len] = '\0';
	for (i = 0; i < sizeof(cid_proto_names) / sizeof(cid_proto_names[0]); i++)
	{
		if (strcmp(lower, cid_proto_names[i].name) == 0)
		{
			if (cid_proto_names[i].proto == CID_PROTO_ICMP && ipv6)
				return CID_PROTO_ICMP6;
			return cid_proto_names[i].proto;
		}
	}
	return -1;
}
