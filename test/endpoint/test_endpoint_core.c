/*-------------------------------------------------------------------------
 *
 * test_endpoint_core.c
 *	  Unit tests of src/endpoint_core.c: endpoint text in and out, the
 *	  stored byte layout and its order, and the log-format helpers.
 *
 * Prints "ok N - what" / "not ok N - what" per check and a last line
 * "N passed, N failed".
 *
 * test/endpoint/test_endpoint_core.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdio.h>
#include <string.h>

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

/* text in, canonical text out */
static void
roundtrip(const char *in, ep_style style, const char *want)
{
	ep_value	v;
	ep_error	err;
	char		buf[EP_TEXT_MAX];

	if (ep_parse(in, strlen(in), style, &v, &err) != EP_OK)
	{
		check(0, "parses", in);
		return;
	}
	ep_format(&v, buf);
	check(strcmp(buf, want) == 0, "prints canonically", in);
	if (strcmp(buf, want) != 0)
		printf("#   got \"%s\", want \"%s\"\n", buf, want);
	/* the output reads back as itself */
	{
		ep_value	again;
		char		buf2[EP_TEXT_MAX];

		check(ep_parse(buf, strlen(buf), EP_STYLE_BRACKETED, &again, &err) == EP_OK,
			  "output parses", buf);
		ep_format(&again, buf2);
		check(strcmp(buf, buf2) == 0, "output is stable", buf);
	}
}

/* text that must fail, with this status and problem */
static void
rejects(const char *in, ep_style style, ep_status st, ep_problem problem)
{
	ep_value	v;
	ep_error	err;
	ep_status	got = ep_parse(in, strlen(in), style, &v, &err);

	check(got == st, "rejected with the right status", in);
	check(got == EP_OK || err.problem == problem, "names the right problem", in);
	if (got != EP_OK && err.problem != problem)
		printf("#   got problem %d, want %d\n", (int) err.problem, (int) problem);
	check(got == EP_OK || err.off + err.len <= strlen(in), "error span inside input", in);
}

static void
test_text(void)
{
	ep_style	b = EP_STYLE_BRACKETED;
	ep_style	l = EP_STYLE_LAST_COLON;

	roundtrip("192.0.2.1:443", b, "192.0.2.1:443");
	roundtrip("  0.0.0.0:0\t", b, "0.0.0.0:0");
	roundtrip("255.255.255.255:65535", b, "255.255.255.255:65535");
	roundtrip("10.0.0.1:00080", b, "10.0.0.1:80");
	roundtrip("[2001:db8::1]:443", b, "[2001:db8::1]:443");
	roundtrip("[2001:DB8:0:0:0:0:0:1]:443", b, "[2001:db8::1]:443");
	roundtrip("[2001:0db8:0000:0000:0001:0000:0000:0001]:1", b, "[2001:db8::1:0:0:1]:1");
	roundtrip("[2001:db8:0:1:1:1:1:1]:1", b, "[2001:db8:0:1:1:1:1:1]:1");
	roundtrip("[::]:22", b, "[::]:22");
	roundtrip("[::1]:22", b, "[::1]:22");
	roundtrip("[1::]:22", b, "[1::]:22");
	roundtrip("[::ffff:192.0.2.1]:443", b, "[::ffff:192.0.2.1]:443");
	roundtrip("[::ffff:c000:201]:443", b, "[::ffff:192.0.2.1]:443");
	roundtrip("[::192.0.2.1]:443", b, "[::192.0.2.1]:443");
	roundtrip("[1:0:0:2:0:0:0:3]:5", b, "[1:0:0:2::3]:5");
	roundtrip("[1:0:0:2:0:0:3:4]:5", b, "[1::2:0:0:3:4]:5");
	roundtrip("[fe80::200:86ff:fe05:80da]:135", b, "[fe80::200:86ff:fe05:80da]:135");
	roundtrip("[1:2:3:4:5:6:7::]:9", b, "[1:2:3:4:5:6:7:0]:9");
	roundtrip("[::2:3:4:5:6:7:8]:9", b, "[0:2:3:4:5:6:7:8]:9");
	roundtrip("[64:ff9b::192.0.2.33]:53", b, "[64:ff9b::c000:221]:53");

	/* the last colon style: HAProxy, netstat, old Docker */
	roundtrip("::1:33317", l, "[::1]:33317");
	roundtrip(":::8080", l, "[::]:8080");
	roundtrip("2001:db8::1:443", l, "[2001:db8::1]:443");
	roundtrip("[2001:db8::1]:443", l, "[2001:db8::1]:443");
	roundtrip("10.0.1.2:33317", l, "10.0.1.2:33317");

	rejects("", b, EP_SYNTAX, EP_PROBLEM_EMPTY);
	rejects("   ", b, EP_SYNTAX, EP_PROBLEM_EMPTY);
	rejects("192.0.2.1", b, EP_SYNTAX, EP_PROBLEM_NO_PORT);
	rejects("192.0.2.1:", b, EP_SYNTAX, EP_PROBLEM_NO_PORT);
	rejects("[::1]", b, EP_SYNTAX, EP_PROBLEM_NO_PORT);
	rejects("[::1]:", b, EP_SYNTAX, EP_PROBLEM_NO_PORT);
	rejects("2001:db8::1:443", b, EP_SYNTAX, EP_PROBLEM_UNBRACKETED);
	rejects("2001:db8::1", b, EP_SYNTAX, EP_PROBLEM_UNBRACKETED);
	rejects("::1:80", b, EP_SYNTAX, EP_PROBLEM_UNBRACKETED);
	rejects("[fe80::1%eth0]:80", b, EP_SYNTAX, EP_PROBLEM_ZONE);
	rejects("[fe80::1]%eth0:80", b, EP_SYNTAX, EP_PROBLEM_ZONE);
	rejects("fe80::1%eth0:80", b, EP_SYNTAX, EP_PROBLEM_ZONE);
	rejects("127.0.0.53%lo:53", l, EP_SYNTAX, EP_PROBLEM_ZONE);
	rejects("10.0.0.0/8:80", b, EP_SYNTAX, EP_PROBLEM_NETMASK);
	rejects("[2001:db8::/32]:80", b, EP_SYNTAX, EP_PROBLEM_NETMASK);
	rejects("[2001:db8::1]/64:80", b, EP_SYNTAX, EP_PROBLEM_NETMASK);
	rejects("192.0.2.1:65536", b, EP_RANGE, EP_PROBLEM_PORT_RANGE);
	rejects("192.0.2.1:99999999999999999999", b, EP_RANGE, EP_PROBLEM_PORT_RANGE);
	rejects("192.0.2.1:-1", b, EP_SYNTAX, EP_PROBLEM_PORT);
	rejects("192.0.2.1:https", b, EP_SYNTAX, EP_PROBLEM_PORT);
	rejects("192.0.2.1:80 x", b, EP_SYNTAX, EP_PROBLEM_PORT);
	rejects("[192.0.2.1]:80", b, EP_SYNTAX, EP_PROBLEM_BRACKET);
	rejects("[::1:80", b, EP_SYNTAX, EP_PROBLEM_BRACKET);
	rejects("[::1]x:80", b, EP_SYNTAX, EP_PROBLEM_TRAILING);
	rejects("256.0.0.1:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("1.2.3:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("1.2.3.4.5:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("01.2.3.4:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("1.2.3.0004:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects(":80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("example.com:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[1::2::3]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[1:2:3:4:5:6:7:8:9]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[1:2:3:4:5:6:7]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[1:2:3:4:5:6:7:8::]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[12345::]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[:1::]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[1::2:]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[:::]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[::1.2.3]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[1:2:3:4:5:6:7:1.2.3.4]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("[::1.2.3.4:5]:80", b, EP_SYNTAX, EP_PROBLEM_ADDRESS);
	rejects("2001:db8::1", l, EP_SYNTAX, EP_PROBLEM_ADDRESS);
}

static void
test_layout(void)
{
	const char *sorted[] = {
		"0.0.0.0:0", "0.0.0.0:1", "9.255.255.255:65535", "10.0.0.0:0",
		"10.0.0.1:80", "10.0.0.1:443", "255.255.255.255:65535", "[::]:0",
		"[::1]:0", "[::ffff:0.0.0.1]:0", "[2001:db8::1]:80",
		"[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"
	};
	size_t		n = sizeof(sorted) / sizeof(sorted[0]);
	size_t		i,
				j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
		{
			ep_value	a,
						b;
			ep_error	err;
			uint8_t		pa[EP_STORED_MAX],
						pb[EP_STORED_MAX];
			size_t		la,
						lb;
			int			c;
			int			want = (i > j) - (i < j);

			ep_parse(sorted[i], strlen(sorted[i]), EP_STYLE_BRACKETED, &a, &err);
			ep_parse(sorted[j], strlen(sorted[j]), EP_STYLE_BRACKETED, &b, &err);
			la = ep_pack(&a, pa);
			lb = ep_pack(&b, pb);
			c = ep_compare_packed(pa, la, pb, lb);
			check(c == want, "order of family, address, port", sorted[i]);
		}

	for (i = 0; i < n; i++)
	{
		ep_value	a,
					b;
		ep_error	err;
		uint8_t		p[EP_STORED_MAX];
		size_t		len;

		ep_parse(sorted[i], strlen(sorted[i]), EP_STYLE_BRACKETED, &a, &err);
		len = ep_pack(&a, p);
		check(len == (a.family == EP_FAMILY_V4 ? 6u : 18u), "stored size", sorted[i]);
		check(ep_unpack(p, len, &b) && memcmp(&a, &b, sizeof(a)) == 0,
			  "unpacks to itself", sorted[i]);
	}
	{
		uint8_t		p[20] = {0};
		ep_value	v;

		check(!ep_unpack(p, 0, &v), "unpack rejects length 0", "");
		check(!ep_unpack(p, 7, &v), "unpack rejects length 7", "");
		check(!ep_unpack(p, 19, &v), "unpack rejects length 19", "");
	}
}

static void
docker(const char *in, const char *want)
{
	size_t		pos = 0;
	bool		found;
	ep_docker_mapping m;
	ep_error	err;
	char		got[512] = "";
	size_t		n = 0;

	for (;;)
	{
		ep_status	st = ep_docker_next(in, strlen(in), &pos, &found, &m, &err);

		if (st != EP_OK)
		{
			n += (size_t) snprintf(got + n, sizeof(got) - n, "error %d at %zu+%zu",
								   (int) err.problem, err.off, err.len);
			break;
		}
		if (!found)
			break;
		if (m.has_host)
		{
			char		h[EP_TEXT_MAX];

			ep_format(&m.host, h);
			n += (size_t) snprintf(got + n, sizeof(got) - n, "%s-%u>%u-%u/%s;",
								   h, m.host_last, m.container_first,
								   m.container_last, m.protocol);
		}
		else
			n += (size_t) snprintf(got + n, sizeof(got) - n, "%u-%u/%s;",
								   m.container_first, m.container_last, m.protocol);
	}
	check(strcmp(got, want) == 0, "docker ports", in);
	if (strcmp(got, want) != 0)
		printf("#   got \"%s\", want \"%s\"\n", got, want);
}

static void
upstream(const char *in, const char *want)
{
	size_t		pos = 0;
	bool		found;
	ep_upstream_kind kind;
	ep_value	v;
	ep_error	err;
	char		got[512] = "";
	size_t		n = 0;

	for (;;)
	{
		ep_status	st = ep_upstream_next(in, strlen(in), &pos, &found, &kind, &v, &err);

		if (st != EP_OK)
		{
			n += (size_t) snprintf(got + n, sizeof(got) - n, "error %d", (int) err.problem);
			break;
		}
		if (!found)
			break;
		if (kind == EP_UPSTREAM_ENDPOINT)
		{
			char		h[EP_TEXT_MAX];

			ep_format(&v, h);
			n += (size_t) snprintf(got + n, sizeof(got) - n, "%s;", h);
		}
		else
			n += (size_t) snprintf(got + n, sizeof(got) - n, "%s;",
								   kind == EP_UPSTREAM_UNIX ? "unix" : "other");
	}
	check(strcmp(got, want) == 0, "nginx upstream", in);
	if (strcmp(got, want) != 0)
		printf("#   got \"%s\", want \"%s\"\n", got, want);
}

static void
test_logs(void)
{
	docker("", "");
	docker("0.0.0.0:8080->80/tcp", "0.0.0.0:8080-8080>80-80/tcp;");
	docker("0.0.0.0:8080->80/tcp, :::8080->80/tcp",
		   "0.0.0.0:8080-8080>80-80/tcp;[::]:8080-8080>80-80/tcp;");
	docker("[::]:443->8443/tcp,53/udp", "[::]:443-443>8443-8443/tcp;53-53/udp;");
	docker("127.0.0.1:8000-8002->9000-9002/udp", "127.0.0.1:8000-8002>9000-9002/udp;");
	docker("5000-5001/sctp", "5000-5001/sctp;");
	docker("0.0.0.0:8000-8002->9000-9001/tcp", "error 13 at 0+32");
	docker("0.0.0.0:8080->80/icmp", "error 12 at 17+4");
	docker("0.0.0.0:8080->80", "error 11 at 14+2");
	docker("0.0.0.0:8080->80/tcp,", "error 1 at 20+1");
	docker("0.0.0.0:8080->80/tcp,,80/tcp", "0.0.0.0:8080-8080>80-80/tcp;error 1 at 21+0");
	docker("0.0.0.0:70000->80/tcp", "error 9 at 8+5");
	docker("8080->80/tcp", "error 7 at 0+4");
	docker("0.0.0.0:9-8->9-8/tcp", "error 13 at 8+3");
	docker("fe80::1%eth0:80->80/tcp", "error 5 at 7+5");

	upstream("", "");
	upstream("192.168.1.1:80", "192.168.1.1:80;");
	upstream("192.168.1.1:80, 192.168.1.2:80, unix:/tmp/sock",
			 "192.168.1.1:80;192.168.1.2:80;unix;");
	upstream("192.168.10.1:80, 192.168.10.2:80 : 192.168.10.3:80",
			 "192.168.10.1:80;192.168.10.2:80;192.168.10.3:80;");
	upstream("[::1]:8080 : backend", "[::1]:8080;other;");
	upstream("-", "other;");
	upstream("10.0.0.1", "error 7");
	upstream("::1:8080", "error 3");
}

static void
test_networks(void)
{
	ep_value	lo,
				hi,
				v;
	ep_error	err;
	uint8_t		net[16] = {10, 1, 2, 3};
	uint8_t		net6[16] = {0x20, 0x01, 0x0d, 0xb8, 0xff};
	char		a[EP_TEXT_MAX],
				b[EP_TEXT_MAX];

	check(ep_network_bounds(4, net, 8, &lo, &hi), "bounds /8", "");
	ep_format(&lo, a);
	ep_format(&hi, b);
	check(strcmp(a, "10.0.0.0:0") == 0 && strcmp(b, "10.255.255.255:65535") == 0, "bounds of 10/8", a);
	check(ep_network_bounds(4, net, 0, &lo, &hi), "bounds /0", "");
	ep_format(&lo, a);
	ep_format(&hi, b);
	check(strcmp(a, "0.0.0.0:0") == 0 && strcmp(b, "255.255.255.255:65535") == 0, "bounds of 0/0", a);
	check(ep_network_bounds(4, net, 32, &lo, &hi), "bounds /32", "");
	ep_format(&lo, a);
	ep_format(&hi, b);
	check(strcmp(a, "10.1.2.3:0") == 0 && strcmp(b, "10.1.2.3:65535") == 0, "bounds of a /32", a);
	check(ep_network_bounds(6, net6, 36, &lo, &hi), "bounds /36", "");
	ep_format(&lo, a);
	ep_format(&hi, b);
	check(strcmp(a, "[2001:db8:f000::]:0") == 0 &&
		  strcmp(b, "[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535") == 0, "bounds of a /36", b);
	check(!ep_network_bounds(4, net, 33, &lo, &hi), "no /33 for IPv4", "");
	check(!ep_network_bounds(6, net6, 129, &lo, &hi), "no /129", "");

	ep_parse("10.200.0.1:443", 14, EP_STYLE_BRACKETED, &v, &err);
	check(ep_in_network(&v, 4, net, 8), "10.200.0.1 in 10/8", "");
	check(!ep_in_network(&v, 4, net, 16), "10.200.0.1 not in 10.1/16", "");
	check(ep_in_network(&v, 4, net, 0), "anything in 0/0", "");
	check(!ep_in_network(&v, 6, net6, 0), "not in ::/0", "");
	ep_parse("[2001:db8:f123::1]:1", 20, EP_STYLE_BRACKETED, &v, &err);
	check(ep_in_network(&v, 6, net6, 36), "in 2001:db8:f000::/36", "");
	check(!ep_in_network(&v, 6, net6, 40), "not in 2001:db8:ff00::/40", "");
}

int
main(void)
{
	test_networks();
	test_text();
	test_layout();
	test_logs();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
