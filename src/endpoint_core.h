/*-------------------------------------------------------------------------
 *
 * endpoint_core.h
 *	  Backend-independent core of the endpoint type: an IPv4 or IPv6 host
 *	  address with a port.  Parsing and printing of the text forms, the
 *	  on-disk byte layout and its order, and the helpers that pull
 *	  endpoints out of log text (Docker port mappings, HAProxy/netstat
 *	  "address:port" fields, nginx $upstream_addr lists).
 *
 * Nothing here calls into the PostgreSQL backend, so the same code is
 * linked into the extension, into the C unit tests and into the fuzzers.
 *
 * src/endpoint_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef ENDPOINT_CORE_H
#define ENDPOINT_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* address families, as the SQL function family() reports them */
#define EP_FAMILY_V4		4
#define EP_FAMILY_V6		6

/*
 * The stored form (the varlena payload): the address in network byte
 * order, then the port in network byte order.  6 bytes for IPv4, 18 for
 * IPv6; the length tells the family.  Comparing two payloads by length
 * first and then with memcmp() orders endpoints by family, address, port.
 */
#define EP_STORED_V4		6
#define EP_STORED_V6		18
#define EP_STORED_MAX		EP_STORED_V6

/* longest address text: "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" */
#define EP_ADDR_TEXT_MAX	46
/* longest endpoint text: "[" address "]:" 65535, NUL */
#define EP_TEXT_MAX			(1 + 45 + 2 + 5 + 1)

typedef struct ep_value
{
	uint8_t		family;			/* EP_FAMILY_V4 or EP_FAMILY_V6 */
	uint8_t		addr[16];		/* network order; IPv4 uses 4 bytes */
	uint16_t	port;
} ep_value;

typedef enum ep_status
{
	EP_OK,
	EP_SYNTAX,					/* invalid text: SQLSTATE 22P02 */
	EP_RANGE					/* a number out of range: SQLSTATE 22003 */
} ep_status;

/* what is wrong with an input; ep_problem_text() describes each */
typedef enum ep_problem
{
	EP_PROBLEM_NONE,
	EP_PROBLEM_EMPTY,			/* nothing but white space */
	EP_PROBLEM_ADDRESS,			/* not an IPv4 or IPv6 address */
	EP_PROBLEM_UNBRACKETED,		/* IPv6 with a port glued on: ambiguous */
	EP_PROBLEM_BRACKET,			/* '[' without ']', or brackets around IPv4 */
	EP_PROBLEM_ZONE,			/* a zone id: "%eth0" */
	EP_PROBLEM_NETMASK,			/* a netmask: "/24" */
	EP_PROBLEM_NO_PORT,			/* no ":port" */
	EP_PROBLEM_PORT,			/* the port is not a decimal number */
	EP_PROBLEM_PORT_RANGE,		/* the port is above 65535 */
	EP_PROBLEM_TRAILING,		/* text after the endpoint */
	EP_PROBLEM_ARROW,			/* Docker: no "->" or a bad container side */
	EP_PROBLEM_PROTOCOL,		/* Docker: protocol other than tcp/udp/sctp */
	EP_PROBLEM_PORT_SPAN		/* Docker: port ranges of different sizes */
} ep_problem;

/* An error: what is wrong, and where (offset and length in the input). */
typedef struct ep_error
{
	ep_problem	problem;
	size_t		off;
	size_t		len;
} ep_error;

/* How the port is told apart from the address. */
typedef enum ep_style
{
	/*
	 * The endpoint type's syntax (RFC 5952 section 6): IPv6 is always in
	 * brackets, "2001:db8::1:443" is rejected as ambiguous.
	 */
	EP_STYLE_BRACKETED,

	/*
	 * The port follows the last colon and IPv6 may appear without brackets,
	 * as HAProxy's "%ci:%cp", netstat and Docker's ":::8080" write it.
	 * Brackets are accepted too.
	 */
	EP_STYLE_LAST_COLON
} ep_style;

/* text */
extern ep_status ep_parse(const char *s, size_t len, ep_style style,
						  ep_value *out, ep_error *err);
extern bool ep_parse_ipv4(const char *s, size_t len, uint8_t out[4]);
extern bool ep_parse_ipv6(const char *s, size_t len, uint8_t out[16]);
extern size_t ep_format_address(const ep_value *v, char *buf);
extern size_t ep_format(const ep_value *v, char *buf);
extern const char *ep_problem_text(ep_problem problem);

/* the stored form */
extern size_t ep_pack(const ep_value *v, uint8_t *buf);
extern bool ep_unpack(const uint8_t *buf, size_t len, ep_value *out);
extern int	ep_compare_packed(const uint8_t *a, size_t alen,
							  const uint8_t *b, size_t blen);

/* networks: "endpoints in 10.0.0.0/8" */
extern bool ep_network_bounds(uint8_t family, const uint8_t *addr, int bits,
							  ep_value *lo, ep_value *hi);
extern bool ep_in_network(const ep_value *v, uint8_t family,
						  const uint8_t *addr, int bits);

/* Docker's PORTS column: "0.0.0.0:8000-8001->80-81/tcp, 53/udp" */
typedef struct ep_docker_mapping
{
	bool		has_host;		/* false for an exposed, unpublished port */
	ep_value	host;			/* host address and first host port */
	uint16_t	host_last;		/* last host port of a range */
	uint16_t	container_first;
	uint16_t	container_last;
	char		protocol[5];	/* "tcp", "udp" or "sctp" */
} ep_docker_mapping;

extern ep_status ep_docker_next(const char *s, size_t len, size_t *pos,
								bool *found, ep_docker_mapping *out,
								ep_error *err);

/* nginx $upstream_addr: "10.0.0.1:80, [::1]:80 : unix:/tmp/sock" */
typedef enum ep_upstream_kind
{
	EP_UPSTREAM_ENDPOINT,		/* an endpoint, in *out */
	EP_UPSTREAM_UNIX,			/* "unix:/path": a socket, no endpoint */
	EP_UPSTREAM_OTHER			/* an upstream name or "-": no endpoint */
} ep_upstream_kind;

extern ep_status ep_upstream_next(const char *s, size_t len, size_t *pos,
								  bool *found, ep_upstream_kind *kind,
								  ep_value *out, ep_error *err);

#endif							/* ENDPOINT_CORE_H */
