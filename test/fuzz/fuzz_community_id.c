/*-------------------------------------------------------------------------
 *
 * fuzz_community_id.c
 *	  libFuzzer target for src/community_id.c.
 *
 * Builds a flow from the input bytes and checks the invariants of the
 * hashed byte layout: its length is determined by family and protocol
 * (and a multiple of 4, as the specification requires), both directions
 * of a two-way flow lay out the same bytes, and protocol names of any
 * bytes are looked up without reading past them.
 *
 * test/fuzz/fuzz_community_id.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdlib.h>
#include <string.h>

#include "community_id.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cid_flow	f,
				r;
	uint8_t		a[CID_INPUT_MAX],
				b[CID_INPUT_MAX];
	size_t		na,
				nb,
				alen;
	uint16_t	seed;
	uint16_t	s,
				d;
	bool		one_way = false;
	int			p;

	if (size < 41)
		return 0;
	memset(&f, 0, sizeof(f));
	f.family = (data[0] & 1) ? 6 : 4;
	alen = f.family == 4 ? 4 : 16;
	memcpy(f.saddr, data + 1, alen);
	memcpy(f.daddr, data + 17, alen);
	f.proto = data[33];
	f.has_ports = (data[34] & 1) != 0;
	f.sport = (uint16_t) ((data[35] << 8) | data[36]);
	f.dport = (uint16_t) ((data[37] << 8) | data[38]);
	seed = (uint16_t) ((data[39] << 8) | data[40]);

	na = cid_layout(&f, seed, a);
	if (cid_proto_has_ports(f.proto) && !f.has_ports)
	{
		if (na != 0)
			abort();
		return 0;
	}
	if (na != 2 + 2 * alen + 2 + (cid_proto_has_ports(f.proto) ? 4 : 0) || na % 4 != 0)
		abort();
	if (a[0] != data[39] || a[1] != data[40] || a[2 + 2 * alen] != f.proto)
		abort();

	/* the reverse direction */
	r = f;
	memcpy(r.saddr, f.daddr, 16);
	memcpy(r.daddr, f.saddr, 16);
	if (f.proto == CID_PROTO_ICMP || f.proto == CID_PROTO_ICMP6)
	{
		one_way = cid_icmp_map(f.proto, f.sport, f.dport, &s, &d);
		/* the reply to a request is its counterpart type */
		r.sport = d;
		r.dport = 0;
	}
	else
	{
		r.sport = f.dport;
		r.dport = f.sport;
	}
	nb = cid_layout(&r, seed, b);
	if (nb != na)
		abort();
	if (!one_way && memcmp(a, b, na) != 0)
		abort();

	p = cid_proto_lookup((const char *) data + 41, size - 41, data[0] & 2);
	if (p < -2 || p > 255)
		abort();
	return 0;
}
