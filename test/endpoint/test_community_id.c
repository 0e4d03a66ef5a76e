/*-------------------------------------------------------------------------
 *
 * test_community_id.c
 *	  Unit tests of src/community_id.c against the specification's
 *	  reference vectors (test/fixtures/community-id/vectors.tsv).
 *
 * The SHA-1 comes from OpenSSL's libcrypto, linked into this test only:
 * the extension itself uses PostgreSQL's cryptohash API.  The addresses
 * are read with src/endpoint_core.c.
 *
 * Usage: test_community_id VECTORS.tsv
 * Prints "not ok" lines for failures and a last line "N passed, N failed".
 *
 * test/endpoint/test_community_id.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/sha.h>

#include "community_id.h"
#include "endpoint_core.h"

static int	passed;
static int	failed;

static void
check(int cond, const char *what, const char *arg)
{
	if (cond)
		passed++;
	else
	{
		failed++;
		printf("not ok %d - %s: %s\n", passed + failed, what, arg);
	}
}

static void
compute(const cid_flow *f, uint16_t seed, int base64, char *out)
{
	uint8_t		in[CID_INPUT_MAX];
	uint8_t		digest[CID_DIGEST_LEN];
	size_t		n = cid_layout(f, seed, in);

	SHA1(in, n, digest);
	cid_render(digest, base64, out);
}

static int
parse_addr(const char *s, cid_flow *f, uint8_t *dst)
{
	uint8_t		a[16];

	if (ep_parse_ipv4(s, strlen(s), a))
	{
		f->family = 4;
		memcpy(dst, a, 4);
		return 1;
	}
	if (ep_parse_ipv6(s, strlen(s), a))
	{
		f->family = 6;
		memcpy(dst, a, 16);
		return 1;
	}
	return 0;
}

static void
test_vectors(const char *path)
{
	FILE	   *fp = fopen(path, "r");
	char		line[1024];
	int			nvec = 0;

	if (!fp)
	{
		check(0, "open vectors", path);
		return;
	}
	while (fgets(line, sizeof(line), fp))
	{
		char	   *fld[8];
		int			k = 0;
		char	   *p = line;
		cid_flow	f;
		char		got[CID_TEXT_MAX];

		if (line[0] == '#')
			continue;
		line[strcspn(line, "\n")] = '\0';
		while (k < 8)
		{
			fld[k++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (k != 8)
		{
			check(0, "8 fields", line);
			continue;
		}
		memset(&f, 0, sizeof(f));
		f.proto = (uint8_t) atoi(fld[0]);
		check(parse_addr(fld[1], &f, f.saddr) && parse_addr(fld[2], &f, f.daddr),
			  "addresses", fld[1]);
		f.has_ports = strcmp(fld[3], "-") != 0;
		if (f.has_ports)
		{
			f.sport = (uint16_t) atoi(fld[3]);
			f.dport = (uint16_t) atoi(fld[4]);
		}
		compute(&f, 0, 1, got);
		check(strcmp(got, fld[5]) == 0, "seed 0, base64", fld[5]);
		compute(&f, 1, 1, got);
		check(strcmp(got, fld[6]) == 0, "seed 1, base64", fld[6]);
		compute(&f, 0, 0, got);
		check(strcmp(got, fld[7]) == 0, "seed 0, hex", fld[7]);
		nvec++;
	}
	fclose(fp);
	check(nvec == 23, "23 vectors read", path);
}

static void
test_layout(void)
{
	/* the spec's example: both directions order to 10.0.0.1, 127.0.0.1, 1234, 80 */
	cid_flow	a = {4, {10, 0, 0, 1}, {127, 0, 0, 1}, 6, true, 1234, 80};
	cid_flow	b = {4, {127, 0, 0, 1}, {10, 0, 0, 1}, 6, true, 80, 1234};
	static const uint8_t want[] = {0, 5, 10, 0, 0, 1, 127, 0, 0, 1, 6, 0,
	0x04, 0xd2, 0, 80};
	uint8_t		la[CID_INPUT_MAX],
				lb[CID_INPUT_MAX];
	size_t		na = cid_layout(&a, 5, la);
	size_t		nb = cid_layout(&b, 5, lb);

	check(na == sizeof(want) && memcmp(la, want, na) == 0, "byte layout", "tcp v4");
	check(nb == na && memcmp(la, lb, na) == 0, "direction does not matter", "tcp v4");

	/* equal addresses: the ports decide */
	{
		cid_flow	c = {4, {10, 0, 0, 1}, {10, 0, 0, 1}, 17, true, 53, 1000};
		cid_flow	d = {4, {10, 0, 0, 1}, {10, 0, 0, 1}, 17, true, 1000, 53};
		uint8_t		lc[CID_INPUT_MAX],
					ld[CID_INPUT_MAX];

		check(cid_layout(&c, 0, lc) == 16 && cid_layout(&d, 0, ld) == 16 &&
			  memcmp(lc, ld, 16) == 0 && lc[12] == 0 && lc[13] == 53,
			  "equal addresses order by port", "udp");
	}
	/* a protocol without ports hashes 12 bytes (v4) or 36 (v6), ports or not */
	{
		cid_flow	g = {4, {10, 0, 0, 2}, {10, 0, 0, 1}, 47, true, 1, 2};
		cid_flow	h = {6, {0}, {0}, 50, false, 0, 0};
		uint8_t		l[CID_INPUT_MAX];

		check(cid_layout(&g, 0, l) == 12 && l[2] == 10 && l[5] == 1 && l[10] == 47,
			  "three-tuple for GRE", "");
		check(cid_layout(&h, 0, l) == 36, "three-tuple for ESP over IPv6", "");
	}
	/* TCP without ports cannot be hashed */
	{
		cid_flow	t = {4, {1}, {2}, 6, false, 0, 0};
		uint8_t		l[CID_INPUT_MAX];

		check(cid_layout(&t, 0, l) == 0, "TCP needs ports", "");
	}
	/* ICMP: one-way messages keep their direction */
	{
		uint16_t	s,
					d;

		check(!cid_icmp_map(1, 8, 0, &s, &d) && s == 8 && d == 0, "icmp echo", "");
		check(!cid_icmp_map(1, 0, 0, &s, &d) && s == 0 && d == 8, "icmp echo reply", "");
		check(!cid_icmp_map(1, 17, 0, &s, &d) && s == 17 && d == 18, "icmp mask", "");
		check(cid_icmp_map(1, 3, 1, &s, &d) && s == 3 && d == 1, "icmp unreachable", "");
		check(!cid_icmp_map(58, 129, 0, &s, &d) && s == 129 && d == 128, "icmp6 echo reply", "");
		check(!cid_icmp_map(58, 145, 0, &s, &d) && s == 145 && d == 144, "icmp6 haad", "");
		check(cid_icmp_map(58, 1, 4, &s, &d) && s == 1 && d == 4, "icmp6 unreachable", "");
		check(cid_icmp_map(58, 8, 0, &s, &d) && s == 8 && d == 0,
			  "type 8 is not echo in ICMPv6", "");
	}
	{
		cid_flow	u = {4, {10, 0, 0, 2}, {10, 0, 0, 1}, 1, true, 3, 1};
		uint8_t		l[CID_INPUT_MAX];

		check(cid_layout(&u, 0, l) == 16 && l[2] == 10 && l[5] == 2,
			  "one-way ICMP is not reordered", "");
	}
}

static void
test_names(void)
{
	check(cid_proto_lookup("tcp", 3, false) == 6, "tcp", "");
	check(cid_proto_lookup("TCP", 3, true) == 6, "TCP", "");
	check(cid_proto_lookup("udp", 3, false) == 17, "udp", "");
	check(cid_proto_lookup("icmp", 4, false) == 1, "icmp v4", "");
	check(cid_proto_lookup("icmp", 4, true) == 58, "icmp means ICMPv6 for IPv6 (Zeek)", "");
	check(cid_proto_lookup("IPv6-ICMP", 9, true) == 58, "IPv6-ICMP (Suricata)", "");
	check(cid_proto_lookup("ipv6-icmp", 9, false) == 58, "ipv6-icmp", "");
	check(cid_proto_lookup("SCTP", 4, false) == 132, "SCTP", "");
	check(cid_proto_lookup("46", 2, false) == 46, "number", "");
	check(cid_proto_lookup("0", 1, false) == 0, "zero", "");
	check(cid_proto_lookup("255", 3, false) == 255, "255", "");
	check(cid_proto_lookup("256", 3, false) == -2, "256 out of range", "");
	check(cid_proto_lookup("99999999999999999999", 20, false) == -2, "long number", "");
	check(cid_proto_lookup("6x", 2, false) == -1, "6x", "");
	check(cid_proto_lookup("", 0, false) == -1, "empty", "");
	check(cid_proto_lookup("tcpudpsctpicmpgre", 17, false) == -1, "long name", "");
	check(cid_proto_lookup("quic", 4, false) == -1, "unknown", "");
}

static void
test_render(void)
{
	uint8_t		d[CID_DIGEST_LEN];
	char		out[CID_TEXT_MAX];
	int			i;

	for (i = 0; i < CID_DIGEST_LEN; i++)
		d[i] = (uint8_t) (i * 13 + 7);
	check(cid_render(d, 1, out) == 30 && out[29] == '=' && out[0] == '1' && out[1] == ':',
		  "base64 is 28 characters", out);
	check(cid_render(d, 0, out) == 42 && strncmp(out, "1:0714", 6) == 0, "hex", out);
}

int
main(int argc, char **argv)
{
	test_vectors(argc > 1 ? argv[1] : "test/fixtures/community-id/vectors.tsv");
	test_layout();
	test_names();
	test_render();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
