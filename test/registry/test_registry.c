/*
 * test_registry.c - unit tests for src/registry.c over the generated tables.
 *
 * Usage: test_registry [--invariants-only]
 *
 * Prints one line per test, "ok NAME" or "not ok NAME", with diagnostics on
 * lines starting with "# ".  Exit status 1 if any test failed.
 *
 * Without --invariants-only it also checks facts of the shipped snapshot
 * (443/tcp is https, ...).  The invariants hold for any data/services.csv
 * accepted by tools/gen_registry.pl plus the coverage rule of data/README.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

static int	failures;
static int	passes;
static int	test_failed;		/* failures in the current test */

#define CHECK(cond, ...) \
	do { \
		if (!(cond)) \
		{ \
			if (test_failed < 10) \
			{ \
				printf("#   %s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
				printf(__VA_ARGS__); \
				printf("\n"); \
			} \
			test_failed++; \
		} \
	} while (0)

static void
begin(void)
{
	test_failed = 0;
}

static void
end(const char *name)
{
	if (test_failed)
	{
		if (test_failed > 10)
			printf("#   ... %d failed checks in all\n", test_failed);
		printf("not ok %s\n", name);
		failures++;
	}
	else
	{
		printf("ok %s\n", name);
		passes++;
	}
	fflush(stdout);
}

static const char *
show(const char *s)
{
	return s ? s : "(null)";
}

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int
strcaseeq(const char *a, const char *b)
{
	while (*a && *b && lower((unsigned char) *a) == lower((unsigned char) *b))
		a++, b++;
	return *a == '\0' && *b == '\0';
}

static int
strcasecmp_ascii(const char *a, const char *b)
{
	while (*a && lower((unsigned char) *a) == lower((unsigned char) *b))
		a++, b++;
	return lower((unsigned char) *a) - lower((unsigned char) *b);
}

static int
name_is(const char *got, const char *want)
{
	return got != NULL && strcmp(got, want) == 0;
}

static int32_t
byname(const char *s, reg_proto p)
{
	return reg_port_by_name(s, strlen(s), p);
}

/* All rows, fetched once. */
static reg_entry *rows;
static size_t nrows;

/* ------------------------------------------------------------ facts */

static void
test_primary_known(void)
{
	begin();
	CHECK(name_is(reg_primary_name(443, REG_TCP), "https"), "%s", show(reg_primary_name(443, REG_TCP)));
	CHECK(name_is(reg_primary_name(22, REG_TCP), "ssh"), "%s", show(reg_primary_name(22, REG_TCP)));
	CHECK(name_is(reg_primary_name(53, REG_UDP), "domain"), "%s", show(reg_primary_name(53, REG_UDP)));
	CHECK(name_is(reg_primary_name(5432, REG_TCP), "postgresql"), "%s", show(reg_primary_name(5432, REG_TCP)));
	CHECK(name_is(reg_primary_name(80, REG_TCP), "http"), "%s", show(reg_primary_name(80, REG_TCP)));
	CHECK(name_is(reg_primary_name(25, REG_TCP), "smtp"), "%s", show(reg_primary_name(25, REG_TCP)));
	CHECK(name_is(reg_primary_name(123, REG_UDP), "ntp"), "%s", show(reg_primary_name(123, REG_UDP)));
	CHECK(name_is(reg_primary_name(6379, REG_TCP), "redis"), "%s", show(reg_primary_name(6379, REG_TCP)));
	end("primary_name_known_ports");
}

static void
test_primary_range(void)
{
	begin();
	CHECK(name_is(reg_primary_name(6000, REG_TCP), "x11"), "%s", show(reg_primary_name(6000, REG_TCP)));
	CHECK(name_is(reg_primary_name(6001, REG_TCP), "x11"), "%s", show(reg_primary_name(6001, REG_TCP)));
	CHECK(name_is(reg_primary_name(6063, REG_UDP), "x11"), "%s", show(reg_primary_name(6063, REG_UDP)));
	CHECK(!name_is(reg_primary_name(6064, REG_TCP), "x11"), "%s", show(reg_primary_name(6064, REG_TCP)));
	CHECK(!name_is(reg_primary_name(5999, REG_TCP), "x11"), "%s", show(reg_primary_name(5999, REG_TCP)));
	end("primary_name_range_6000_6063_is_x11");
}

static void
test_primary_none(void)
{
	begin();
	CHECK(reg_primary_name(0, REG_TCP) == NULL, "%s", show(reg_primary_name(0, REG_TCP)));
	CHECK(reg_primary_name(0, REG_UDP) == NULL, "%s", show(reg_primary_name(0, REG_UDP)));
	CHECK(reg_primary_name(0, REG_SCTP) == NULL, "%s", show(reg_primary_name(0, REG_SCTP)));
	CHECK(reg_primary_name(4, REG_TCP) == NULL, "4/tcp (Unassigned): %s", show(reg_primary_name(4, REG_TCP)));
	CHECK(reg_primary_name(65535, REG_TCP) == NULL, "%s", show(reg_primary_name(65535, REG_TCP)));
	CHECK(reg_primary_name(50000, REG_UDP) == NULL, "%s", show(reg_primary_name(50000, REG_UDP)));
	/* alias-only port (netbase fido 60179/tcp) has no primary IANA name */
	CHECK(reg_primary_name(60179, REG_TCP) == NULL, "%s", show(reg_primary_name(60179, REG_TCP)));
	CHECK(reg_primary_name(80, (reg_proto) 4) == NULL, "invalid proto");
	CHECK(reg_primary_name(80, (reg_proto) -1) == NULL, "invalid proto");
	end("primary_name_none_for_reserved_unassigned_invalid");
}

static void
test_sctp_dccp(void)
{
	begin();
	CHECK(name_is(reg_primary_name(9, REG_SCTP), "discard"), "%s", show(reg_primary_name(9, REG_SCTP)));
	CHECK(name_is(reg_primary_name(80, REG_SCTP), "http"), "%s", show(reg_primary_name(80, REG_SCTP)));
	CHECK(name_is(reg_primary_name(2049, REG_SCTP), "nfs"), "%s", show(reg_primary_name(2049, REG_SCTP)));
	CHECK(reg_primary_name(443, REG_DCCP) == NULL, "%s", show(reg_primary_name(443, REG_DCCP)));
	CHECK(name_is(reg_primary_name(9, REG_DCCP), "discard"), "%s", show(reg_primary_name(9, REG_DCCP)));
	CHECK(name_is(reg_primary_name(5004, REG_DCCP), "avt-profile-1"), "%s", show(reg_primary_name(5004, REG_DCCP)));
	CHECK(byname("avt-profile-1", REG_DCCP) == 5004, "%d", (int) byname("avt-profile-1", REG_DCCP));
	CHECK(byname("discard", REG_SCTP) == 9, "%d", (int) byname("discard", REG_SCTP));
	CHECK(byname("domain", REG_SCTP) == -1, "%d", (int) byname("domain", REG_SCTP));
	CHECK(byname("domain", REG_DCCP) == -1, "%d", (int) byname("domain", REG_DCCP));
	end("sctp_and_dccp");
}

static void
test_byname_known(void)
{
	const char *buf = "httpsXYZ";

	begin();
	CHECK(byname("https", REG_TCP) == 443, "%d", (int) byname("https", REG_TCP));
	CHECK(byname("HTTPS", REG_TCP) == 443, "%d", (int) byname("HTTPS", REG_TCP));
	CHECK(byname("HtTpS", REG_UDP) == 443, "%d", (int) byname("HtTpS", REG_UDP));
	CHECK(reg_port_by_name_any("HTTPS", 5) == 443, "any");
	CHECK(byname("http", REG_TCP) == 80, "%d", (int) byname("http", REG_TCP));
	CHECK(byname("www", REG_TCP) == 80, "%d", (int) byname("www", REG_TCP));
	CHECK(byname("WWW", REG_TCP) == 80, "%d", (int) byname("WWW", REG_TCP));
	CHECK(byname("www-http", REG_TCP) == 80, "%d", (int) byname("www-http", REG_TCP));
	CHECK(byname("ssh", REG_TCP) == 22, "%d", (int) byname("ssh", REG_TCP));
	CHECK(byname("domain", REG_UDP) == 53, "%d", (int) byname("domain", REG_UDP));
	CHECK(byname("postgresql", REG_TCP) == 5432, "%d", (int) byname("postgresql", REG_TCP));
	CHECK(byname("postgres", REG_TCP) == 5432, "alias: %d", (int) byname("postgres", REG_TCP));
	CHECK(byname("x11", REG_TCP) == 6000, "range gives port_low: %d", (int) byname("x11", REG_TCP));
	CHECK(byname("x11-1", REG_TCP) == 6001, "alias: %d", (int) byname("x11-1", REG_TCP));
	/* not NUL-terminated, prefix of a longer buffer */
	CHECK(reg_port_by_name(buf, 5, REG_TCP) == 443, "prefix");
	CHECK(reg_port_by_name(buf, 4, REG_TCP) == 80, "prefix");
	CHECK(reg_port_by_name(buf, 3, REG_TCP) == -1, "htt");
	/* a name on several ports: the rank-1 entry with the lowest port */
	CHECK(byname("mit-ml-dev", REG_TCP) == 83, "%d", (int) byname("mit-ml-dev", REG_TCP));
	/*
	 * netbase's port first, as getservbyname() gives it: dicom is IANA's on
	 * 11112, but /etc/services lists it first as acr-nema's alias on 104
	 */
	CHECK(byname("dicom", REG_TCP) == 104, "%d", (int) byname("dicom", REG_TCP));
	CHECK(byname("http-alt", REG_TCP) == 8080, "%d", (int) byname("http-alt", REG_TCP));
	CHECK(byname("http-alt", REG_UDP) == 591, "no netbase udp entry: %d", (int) byname("http-alt", REG_UDP));
	CHECK(byname("icp", REG_UDP) == 3130, "%d", (int) byname("icp", REG_UDP));
	CHECK(byname("icp", REG_TCP) == 1112, "%d", (int) byname("icp", REG_TCP));
	CHECK(reg_resolve_name_any("icp", 3) == 3130, "any: netbase's udp port before IANA's tcp");
	CHECK(reg_resolve_name_any("http-alt", 8) == 8080, "any");
	/* where the name is primary before a lower port where it is not */
	CHECK(byname("turn", REG_TCP) == 3478, "%d", (int) byname("turn", REG_TCP));
	CHECK(name_is(reg_primary_name(2049, REG_TCP), "nfs"), "conflict ranked last: %s",
		  show(reg_primary_name(2049, REG_TCP)));
	/* IANA alias spellings with odd characters */
	CHECK(byname("sql*net", REG_TCP) == 66, "%d", (int) byname("sql*net", REG_TCP));
	CHECK(byname("whois++", REG_UDP) == 63, "%d", (int) byname("whois++", REG_UDP));
	CHECK(reg_port_by_name_any("kerberos", 8) == 88, "any");
	CHECK(reg_port_by_name_any("discard", 7) == 9, "any");
	end("port_by_name_known_names_and_case");
}

static void
test_byname_unknown(void)
{
	char		nul[] = {'h', 't', 't', 'p', '\0', 's'};
	char		longname[600];

	memset(longname, 'a', sizeof(longname));
	begin();
	CHECK(byname("no-such-service-xyz", REG_TCP) == -1, "unknown");
	CHECK(reg_port_by_name_any("no-such-service-xyz", 19) == -1, "unknown any");
	CHECK(reg_port_by_name("", 0, REG_TCP) == -1, "empty");
	CHECK(reg_port_by_name_any("", 0) == -1, "empty any");
	CHECK(reg_port_by_name(NULL, 0, REG_TCP) == -1, "NULL");
	CHECK(reg_port_by_name(nul, sizeof(nul), REG_TCP) == -1, "embedded NUL");
	CHECK(reg_port_by_name(longname, sizeof(longname), REG_TCP) == -1, "long");
	CHECK(byname("https ", REG_TCP) == -1, "trailing blank");
	CHECK(byname("http", (reg_proto) 7) == -1, "invalid proto");
	CHECK(byname("kafka", REG_TCP) == -1, "de-facto names are not IANA names");
	end("port_by_name_unknown_is_minus_1");
}

static void
test_defacto_known(void)
{
	begin();
	CHECK(name_is(reg_defacto_name(9092, REG_TCP), "kafka"), "%s", show(reg_defacto_name(9092, REG_TCP)));
	CHECK(name_is(reg_primary_name(9092, REG_TCP), "XmlIpcRegSvc"), "%s", show(reg_primary_name(9092, REG_TCP)));
	CHECK(reg_defacto_name(9092, REG_UDP) == NULL, "%s", show(reg_defacto_name(9092, REG_UDP)));
	CHECK(name_is(reg_defacto_name(9200, REG_TCP), "elasticsearch"), "%s", show(reg_defacto_name(9200, REG_TCP)));
	CHECK(name_is(reg_primary_name(9200, REG_TCP), "wap-wsp"), "%s", show(reg_primary_name(9200, REG_TCP)));
	CHECK(name_is(reg_defacto_name(5601, REG_TCP), "kibana"), "%s", show(reg_defacto_name(5601, REG_TCP)));
	CHECK(name_is(reg_primary_name(5601, REG_TCP), "esmagent"), "%s", show(reg_primary_name(5601, REG_TCP)));
	CHECK(name_is(reg_defacto_name(3128, REG_TCP), "squid"), "%s", show(reg_defacto_name(3128, REG_TCP)));
	CHECK(name_is(reg_primary_name(3128, REG_TCP), "ndl-aas"), "%s", show(reg_primary_name(3128, REG_TCP)));
	CHECK(name_is(reg_defacto_name(8125, REG_UDP), "statsd"), "%s", show(reg_defacto_name(8125, REG_UDP)));
	CHECK(reg_defacto_name(80, REG_TCP) == NULL, "%s", show(reg_defacto_name(80, REG_TCP)));
	CHECK(reg_defacto_name(0, REG_TCP) == NULL, "0");
	CHECK(reg_defacto_name(65535, REG_DCCP) == NULL, "65535");
	CHECK(reg_defacto_name(9092, (reg_proto) 9) == NULL, "invalid proto");
	CHECK(reg_defacto_port_by_name("Kafka", 5, REG_TCP) == 9092, "by name");
	CHECK(reg_defacto_port_by_name("kafka", 5, REG_UDP) == -1, "by name udp");
	CHECK(reg_defacto_port_by_name("kafk", 4, REG_TCP) == -1, "prefix");
	end("defacto_known");
}

static void
test_common_names(void)
{
	size_t		i;

	begin();
	CHECK(reg_common_count() >= 5, "%lu common names", (unsigned long) reg_common_count());
	CHECK(reg_resolve_name("rdp", 3, REG_TCP) == 3389, "rdp");
	CHECK(reg_resolve_name("RDP", 3, REG_TCP) == 3389, "RDP");
	CHECK(reg_resolve_name("rdp", 3, REG_UDP) == -1, "rdp/udp");
	CHECK(reg_resolve_name_any("smb", 3) == 445, "smb");
	CHECK(reg_port_by_name("smb", 3, REG_TCP) == -1, "not an IANA name");
	CHECK(reg_common_port_by_name("mongo", 5, REG_TCP) == 27017, "mongo");
	CHECK(reg_common_port_by_name("mong", 4, REG_TCP) == -1, "prefix");
	CHECK(reg_common_port_by_name(NULL, 0, REG_TCP) == -1, "NULL");
	CHECK(reg_resolve_name("https", 5, REG_TCP) == 443, "IANA names still resolve");
	for (i = 0; i < reg_common_count(); i++)
	{
		const reg_common *c = reg_common_at(i);

		CHECK(c->url != NULL && strncmp(c->url, "https://", 8) == 0, "%s: url", c->name);
		CHECK(reg_port_by_name(c->name, strlen(c->name), (reg_proto) c->proto) < 0,
			  "%s is also an IANA name", c->name);
		CHECK(reg_primary_name(c->port, (reg_proto) c->proto) == NULL ||
			  strcmp(reg_primary_name(c->port, (reg_proto) c->proto), c->name) != 0,
			  "%s returned as primary", c->name);
	}
	CHECK(reg_common_at(reg_common_count()) == NULL, "past the end");
	end("common_names");
}

static void
test_ipproto(void)
{
	reg_proto	p = REG_DCCP;

	begin();
	CHECK(reg_ipproto_parse("tcp", 3, &p) == REG_IPP_PORTS && p == REG_TCP, "tcp");
	CHECK(reg_ipproto_parse("TCP", 3, &p) == REG_IPP_PORTS && p == REG_TCP, "TCP");
	CHECK(reg_ipproto_parse("Udp", 3, &p) == REG_IPP_PORTS && p == REG_UDP, "Udp");
	CHECK(reg_ipproto_parse("6", 1, &p) == REG_IPP_PORTS && p == REG_TCP, "6");
	CHECK(reg_ipproto_parse("17", 2, &p) == REG_IPP_PORTS && p == REG_UDP, "17");
	CHECK(reg_ipproto_parse("132", 3, &p) == REG_IPP_PORTS && p == REG_SCTP, "132");
	CHECK(reg_ipproto_parse("33", 2, &p) == REG_IPP_PORTS && p == REG_DCCP, "33");
	CHECK(reg_ipproto_parse("sctp", 4, &p) == REG_IPP_PORTS && p == REG_SCTP, "sctp");
	CHECK(reg_ipproto_parse("006", 3, &p) == REG_IPP_PORTS && p == REG_TCP, "006");
	CHECK(reg_ipproto_parse("icmp", 4, &p) == REG_IPP_NOPORTS, "icmp");
	CHECK(reg_ipproto_parse("ipv6-icmp", 9, &p) == REG_IPP_NOPORTS, "ipv6-icmp");
	CHECK(reg_ipproto_parse("GRE", 3, &p) == REG_IPP_NOPORTS, "GRE");
	CHECK(reg_ipproto_parse("1", 1, &p) == REG_IPP_NOPORTS, "1");
	CHECK(reg_ipproto_parse("0", 1, &p) == REG_IPP_NOPORTS, "0");
	CHECK(reg_ipproto_parse("255", 3, &p) == REG_IPP_NOPORTS, "255");
	CHECK(reg_ipproto_parse("foo", 3, &p) == REG_IPP_UNKNOWN, "foo");
	CHECK(reg_ipproto_parse("tcpx", 4, &p) == REG_IPP_UNKNOWN, "tcpx");
	CHECK(reg_ipproto_parse("tcpx", 3, &p) == REG_IPP_PORTS, "prefix, not NUL-terminated");
	CHECK(reg_ipproto_parse("t c p", 5, &p) == REG_IPP_SYNTAX, "blanks");
	CHECK(reg_ipproto_parse(" tcp", 4, &p) == REG_IPP_SYNTAX, "leading blank");
	CHECK(reg_ipproto_parse("", 0, &p) == REG_IPP_SYNTAX, "empty");
	CHECK(reg_ipproto_parse(NULL, 3, &p) == REG_IPP_SYNTAX, "NULL");
	CHECK(reg_ipproto_parse("-", 1, &p) == REG_IPP_SYNTAX, "-");
	CHECK(reg_ipproto_parse("-tcp", 4, &p) == REG_IPP_SYNTAX, "-tcp");
	CHECK(reg_ipproto_parse("tcp\0", 4, &p) == REG_IPP_SYNTAX, "NUL");
	CHECK(reg_ipproto_parse("-1", 2, &p) == REG_IPP_RANGE, "-1");
	CHECK(reg_ipproto_parse("256", 3, &p) == REG_IPP_RANGE, "256");
	CHECK(reg_ipproto_parse("300", 3, &p) == REG_IPP_RANGE, "300");
	CHECK(reg_ipproto_parse("99999999999999999999999", 23, &p) == REG_IPP_RANGE, "huge");
	CHECK(reg_ipproto_number(6, &p) == REG_IPP_PORTS && p == REG_TCP, "n 6");
	CHECK(reg_ipproto_number(47, &p) == REG_IPP_NOPORTS, "n 47");
	CHECK(reg_ipproto_number(-1, &p) == REG_IPP_RANGE, "n -1");
	CHECK(reg_ipproto_number(256, &p) == REG_IPP_RANGE, "n 256");
	CHECK(reg_ipproto_number(INT64_MIN, &p) == REG_IPP_RANGE, "n min");
	CHECK(reg_ipproto_number(17, NULL) == REG_IPP_PORTS, "NULL out");
	CHECK(reg_ipproto_count() > 100, "%lu protocols", (unsigned long) reg_ipproto_count());
	end("ip_protocol_parse");
}

/*
 * Name resolution agrees with /etc/services for every name both know: for
 * each name and protocol in data/netbase.csv (REGISTRY_NETBASE), the port
 * of its first line there, which getservbyname() returns.
 */
static void
test_netbase_agrees(void)
{
	const char *path = getenv("REGISTRY_NETBASE");
	FILE	   *f;
	char		line[256];
	char		seen[2048][40];
	int			nseen = 0;
	int			checked = 0;

	if (path == NULL || (f = fopen(path, "r")) == NULL)
	{
		printf("ok netbase_agrees # SKIP REGISTRY_NETBASE not set\n");
		passes++;
		return;
	}
	begin();
	while (fgets(line, sizeof(line), f))
	{
		unsigned	port;
		char		proto[8];
		char		name[32];
		char		key[40];
		int			i;
		int			dup = 0;
		int			rp;

		if (sscanf(line, "%u,%7[a-z],%31[^,\r\n]", &port, proto, name) != 3)
			continue;			/* the header */
		snprintf(key, sizeof(key), "%s/%s", proto, name);
		for (i = 0; i < nseen; i++)
			if (strcmp(seen[i], key) == 0)
				dup = 1;
		if (dup || nseen >= 2048)
			continue;
		strcpy(seen[nseen++], key);
		rp = reg_proto_from_name(proto, strlen(proto));
		CHECK(rp >= 0 && reg_port_by_name(name, strlen(name), (reg_proto) rp) == (int32_t) port,
			  "%s/%s: netbase %u, registry %d", name, proto, port,
			  rp < 0 ? -2 : (int) reg_port_by_name(name, strlen(name), (reg_proto) rp));
		checked++;
	}
	fclose(f);
	CHECK(checked > 300, "%d names checked", checked);
	printf("# %d netbase name/protocol pairs resolve as /etc/services has them\n", checked);
	end("netbase_agrees");
}

static void
test_snapshot_facts(void)
{
	begin();
	CHECK(nrows > 10000, "%lu rows", (unsigned long) nrows);
	CHECK(reg_defacto_count() >= 10, "%lu de-facto rows", (unsigned long) reg_defacto_count());
	CHECK(strcmp(reg_snapshot(), "unknown") != 0, "%s", reg_snapshot());
	end("snapshot_size_and_id");
}

/* ------------------------------------------------------------ invariants */

static void
test_helpers(void)
{
	begin();
	CHECK(name_is(reg_proto_name(REG_TCP), "tcp"), "tcp");
	CHECK(name_is(reg_proto_name(REG_DCCP), "dccp"), "dccp");
	CHECK(reg_proto_name(4) == NULL && reg_proto_name(-1) == NULL, "invalid");
	CHECK(reg_proto_from_name("SCTP", 4) == REG_SCTP, "sctp");
	CHECK(reg_proto_from_name("udpx", 3) == REG_UDP, "udp prefix");
	CHECK(reg_proto_from_name("udpx", 4) == -1, "udpx");
	CHECK(reg_proto_from_name("", 0) == -1, "empty");
	CHECK(name_is(reg_status_name(REG_UNASSIGNED), "unassigned"), "status");
	CHECK(reg_status_name(4) == NULL, "invalid status");
	CHECK(reg_snapshot() != NULL && reg_snapshot()[0] != '\0', "snapshot");
	end("helpers");
}

static void
test_entries_wellformed(void)
{
	size_t		i;
	reg_entry	e;

	begin();
	CHECK(nrows > 0, "no rows");
	CHECK(reg_entry_get(nrows, &e) == 0, "out of range");
	CHECK(reg_entry_get(0, NULL) == 0, "NULL out");
	for (i = 0; i < nrows; i++)
	{
		const reg_entry *r = &rows[i];
		int			named = (r->status == REG_ASSIGNED || r->status == REG_ALIAS);

		CHECK(r->port_low <= r->port_high, "row %lu", (unsigned long) i);
		CHECK(r->proto < REG_NPROTO, "row %lu", (unsigned long) i);
		CHECK(r->status < REG_NSTATUS, "row %lu", (unsigned long) i);
		CHECK(named ? (r->name != NULL && r->rank >= 1) : (r->name == NULL && r->rank == 0),
			  "row %lu name %s rank %d", (unsigned long) i, show(r->name), r->rank);
		CHECK(r->sources != NULL, "row %lu has no sources", (unsigned long) i);
		CHECK(i == 0 || rows[i - 1].port_low <= r->port_low, "row %lu not sorted", (unsigned long) i);
	}
	end("entries_wellformed_and_sorted");
}

/* every tcp and udp port is covered by an assigned, reserved or unassigned row */
static void
test_coverage(void)
{
	static unsigned char covered[2][65536];
	size_t		i;
	long		p;
	int			proto;

	begin();
	memset(covered, 0, sizeof(covered));
	for (i = 0; i < nrows; i++)
	{
		const reg_entry *r = &rows[i];

		if (r->proto > REG_UDP || r->status == REG_ALIAS)
			continue;
		for (p = r->port_low; p <= r->port_high; p++)
			covered[r->proto][p] = 1;
	}
	for (proto = 0; proto < 2; proto++)
		for (p = 0; p <= 65535; p++)
			CHECK(covered[proto][p], "%ld/%s not covered", p, reg_proto_name(proto));
	end("coverage_all_65536_tcp_udp_ports");
}

/* reg_primary_name agrees with the rank-1 assigned rows, for every port */
static void
test_primary_matches_rows(void)
{
	static const char *expect[REG_NPROTO][65536];
	size_t		i;
	long		p;
	int			proto;
	long		named = 0;

	begin();
	memset(expect, 0, sizeof(expect));
	for (i = 0; i < nrows; i++)
	{
		const reg_entry *r = &rows[i];

		if (r->status != REG_ASSIGNED || r->rank != 1)
			continue;
		for (p = r->port_low; p <= r->port_high; p++)
		{
			CHECK(expect[r->proto][p] == NULL, "two primaries at %ld", p);
			expect[r->proto][p] = r->name;
		}
	}
	for (proto = 0; proto < REG_NPROTO; proto++)
		for (p = 0; p <= 65535; p++)
		{
			const char *got = reg_primary_name((uint16_t) p, (reg_proto) proto);

			if (expect[proto][p] == NULL)
				CHECK(got == NULL, "%ld/%s: %s", p, reg_proto_name(proto), got);
			else
			{
				CHECK(got != NULL && strcmp(got, expect[proto][p]) == 0,
					  "%ld/%s: got %s want %s", p, reg_proto_name(proto),
					  show(got), expect[proto][p]);
				named++;
			}
		}
	printf("#   %ld port/protocol pairs have a primary name\n", named);
	end("primary_name_matches_rows_all_ports");
}

/* is a the primary (rank-1 assigned) name of its row? */
static int
is_primary(const reg_entry *a)
{
	return a->status == REG_ASSIGNED && a->rank == 1;
}

/*
 * row order used to pick the port of a name (registry.h): where the name
 * is primary, then the lowest port, assigned before alias.  netbase's
 * port, which comes first, is checked apart (test_netbase_agrees).
 */
static int
cmp_candidates(const void *pa, const void *pb)
{
	const reg_entry *a = &rows[*(const size_t *) pa];
	const reg_entry *b = &rows[*(const size_t *) pb];
	int			c = strcasecmp_ascii(a->name, b->name);

	if (c)
		return c;
	if (a->proto != b->proto)
		return a->proto < b->proto ? -1 : 1;
	if (is_primary(a) != is_primary(b))
		return is_primary(a) ? -1 : 1;
	if (a->port_low != b->port_low)
		return a->port_low < b->port_low ? -1 : 1;
	if (a->status != b->status)
		return a->status < b->status ? -1 : 1;
	return *(const size_t *) pa < *(const size_t *) pb ? -1 : 1;
}

/* does any row carry name for proto with source netbase? */
static int
netbase_knows(const char *name, int proto)
{
	size_t		i;

	for (i = 0; i < nrows; i++)
		if (rows[i].name != NULL && rows[i].proto == proto &&
			strcaseeq(rows[i].name, name) && rows[i].sources != NULL &&
			strstr(rows[i].sources, "netbase") != NULL)
			return 1;
	return 0;
}

/* every row's name resolves, for its protocol, to the port of the best row
 * carrying that name, which lies within a row with that name */
static void
test_every_name_resolves(void)
{
	size_t	   *order = malloc(sizeof(size_t) * (nrows ? nrows : 1));
	size_t		n = 0;
	size_t		i;
	size_t		best = 0;
	long		in_own_range = 0;
	long		names = 0;

	begin();
	if (order == NULL)
	{
		CHECK(0, "out of memory");
		end("every_name_resolves_to_its_best_row");
		return;
	}
	for (i = 0; i < nrows; i++)
		if (rows[i].name != NULL)
			order[n++] = i;
	qsort(order, n, sizeof(size_t), cmp_candidates);
	for (i = 0; i < n; i++)
	{
		const reg_entry *r = &rows[order[i]];
		int32_t		got;
		char		upper[256];
		size_t		len = strlen(r->name);
		size_t		j;

		if (i == 0 || !strcaseeq(rows[best].name, r->name) || rows[best].proto != r->proto)
		{
			best = order[i];
			names++;
		}
		got = reg_port_by_name(r->name, len, (reg_proto) r->proto);
		if (best == order[i] && netbase_knows(r->name, r->proto))
		{
			/* the port netbase gives: a row with the name covers it */
			size_t		k;
			int			covered = 0;

			for (k = 0; k < nrows && !covered; k++)
				covered = rows[k].name != NULL && rows[k].proto == r->proto &&
					strcaseeq(rows[k].name, r->name) &&
					got >= rows[k].port_low && got <= rows[k].port_high;
			CHECK(covered, "%s/%s: got %d, where no row has the name",
				  r->name, reg_proto_name(r->proto), (int) got);
		}
		else if (!netbase_knows(r->name, r->proto))
			CHECK(got == rows[best].port_low, "%s/%s: got %d want %d",
				  r->name, reg_proto_name(r->proto), (int) got, rows[best].port_low);
		if (got >= r->port_low && got <= r->port_high)
			in_own_range++;
		if (len < sizeof(upper))
		{
			for (j = 0; j < len; j++)
				upper[j] = (char) ((r->name[j] >= 'a' && r->name[j] <= 'z') ? r->name[j] - 32 : r->name[j]);
			CHECK(reg_port_by_name(upper, len, (reg_proto) r->proto) == got,
				  "upper-case %s", r->name);
		}
		/* _any: the first protocol (tcp, udp, sctp, dccp) that has the name */
		{
			int32_t		any = reg_port_by_name_any(r->name, len);
			int32_t		want = -1;
			int			p;

			for (p = 0; p < REG_NPROTO && want < 0; p++)
				want = reg_port_by_name(r->name, len, (reg_proto) p);
			CHECK(any == want && any >= 0, "any %s: %d vs %d", r->name, (int) any, (int) want);
		}
	}
	printf("#   %ld name/protocol keys; %ld of %lu named rows resolve into their own range\n",
		   names, in_own_range, (unsigned long) n);
	free(order);
	end("every_name_resolves_to_its_best_row");
}

/* reg_entries_for_port returns exactly the rows covering the port, in file
 * order: each returned row covers the port, indices strictly increase, and
 * the totals over all ports equal the sum of the row widths. */
static void
test_entries_for_port(void)
{
	size_t		idx[512];
	long		p;
	unsigned long long total = 0;
	unsigned long long want = 0;
	size_t		i;
	size_t		maxn = 0;

	begin();
	for (i = 0; i < nrows; i++)
		want += (unsigned long long) rows[i].port_high - rows[i].port_low + 1;
	for (p = 0; p <= 65535; p++)
	{
		size_t		n = reg_entries_for_port((uint16_t) p, idx, 512);
		size_t		k;

		CHECK(n <= 512, "port %ld: %lu rows", p, (unsigned long) n);
		if (n > 512)
			n = 512;
		if (n > maxn)
			maxn = n;
		total += n;
		for (k = 0; k < n; k++)
		{
			CHECK(idx[k] < nrows, "port %ld", p);
			if (idx[k] >= nrows)
				break;
			CHECK(rows[idx[k]].port_low <= p && p <= rows[idx[k]].port_high,
				  "port %ld: row %lu does not cover it", p, (unsigned long) idx[k]);
			CHECK(k == 0 || idx[k - 1] < idx[k], "port %ld: not in file order", p);
		}
		/* max limits what is stored, never the count */
		CHECK(reg_entries_for_port((uint16_t) p, NULL, 0) == reg_entries_for_port((uint16_t) p, idx, 1),
			  "port %ld: count depends on max", p);
	}
	CHECK(total == want, "total %llu, want %llu", total, want);
	printf("#   at most %lu rows per port\n", (unsigned long) maxn);
	end("entries_for_port_exact_all_ports");
}

static void
test_defacto_invariants(void)
{
	size_t		i;
	size_t		n = reg_defacto_count();

	begin();
	CHECK(reg_defacto_at(n) == NULL, "out of range");
	for (i = 0; i < n; i++)
	{
		const reg_defacto *d = reg_defacto_at(i);
		const char *iana;

		CHECK(d != NULL && d->name != NULL && d->name[0] != '\0', "row %lu", (unsigned long) i);
		if (d == NULL)
			continue;
		CHECK(name_is(reg_defacto_name(d->port, (reg_proto) d->proto), d->name),
			  "%u/%s: %s", d->port, reg_proto_name(d->proto), d->name);
		/* a de-facto use is only listed where IANA says something else */
		iana = reg_primary_name(d->port, (reg_proto) d->proto);
		CHECK(iana == NULL || !strcaseeq(iana, d->name),
			  "%u/%s: de-facto %s equals IANA %s", d->port,
			  reg_proto_name(d->proto), d->name, iana);
		CHECK(reg_port_by_name(d->name, strlen(d->name), (reg_proto) d->proto) != d->port,
			  "%s is an IANA name of %u", d->name, d->port);
		CHECK(d->source != NULL && d->source[0] != '\0', "%s has no source", d->name);
		CHECK(reg_defacto_port_by_name(d->name, strlen(d->name), (reg_proto) d->proto) <= d->port,
			  "by name %s", d->name);
	}
	end("defacto_invariants");
}

int
main(int argc, char **argv)
{
	int			facts = !(argc > 1 && strcmp(argv[1], "--invariants-only") == 0);
	size_t		i;

	nrows = reg_entry_count();
	rows = malloc(sizeof(reg_entry) * (nrows ? nrows : 1));
	if (rows == NULL)
	{
		printf("not ok setup\n");
		return 1;
	}
	for (i = 0; i < nrows; i++)
		reg_entry_get(i, &rows[i]);
	printf("# snapshot: %s; %lu rows, %lu de-facto rows\n", reg_snapshot(),
		   (unsigned long) nrows, (unsigned long) reg_defacto_count());

	if (facts)
	{
		test_primary_known();
		test_primary_range();
		test_primary_none();
		test_sctp_dccp();
		test_byname_known();
		test_byname_unknown();
		test_defacto_known();
		test_common_names();
		test_ipproto();
		test_snapshot_facts();
	}
	test_helpers();
	test_entries_wellformed();
	test_coverage();
	test_primary_matches_rows();
	test_every_name_resolves();
	test_entries_for_port();
	test_defacto_invariants();
	if (facts)
		test_netbase_agrees();

	free(rows);
	printf("# %d passed, %d failed\n", passes, failures);
	return failures ? 1 : 0;
}
