/*-------------------------------------------------------------------------
 *
 * portproto_core.h
 *	  Backend-independent core of the portproto type (a port on one
 *	  transport protocol, "53/udp"), of the per-protocol service-spec
 *	  parser (ufw, firewalld, firehol, nmap, Docker, Zeek) and of the
 *	  "which side of a flow is the service" rules.
 *
 * Nothing here calls into the PostgreSQL backend: the same code is linked
 * into the extension, into the unit tests (test/portproto) and into the
 * fuzzer (test/fuzz/fuzz_portproto.c).  Service names are resolved through
 * a caller-supplied callback, memory comes from a realloc-style callback
 * (the one fwparse.h defines).
 *
 * src/portproto_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORTPROTO_CORE_H
#define PORTPROTO_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fwparse.h"

/* IANA protocol numbers of the four transport protocols */
#define PP_IPPROTO_TCP		6
#define PP_IPPROTO_UDP		17
#define PP_IPPROTO_DCCP		33
#define PP_IPPROTO_SCTP		132

/*
 * Protocol indexes, in the order of the SQL enum transport_protocol and of
 * the registry's reg_proto (tcp, udp, sctp, dccp).
 */
#define PP_NPROTO			4
#define PP_MASK_ALL			0x0f

/*
 * A portproto value is (port << 16) | IANA protocol number.  Comparing two
 * values as unsigned integers orders by port, then by protocol number:
 * 53/tcp (6) < 53/udp (17) < 53/dccp (33) < 53/sctp (132) < 54/tcp.
 */
#define PP_MAKE(port, ipproto)	(((uint32_t) (port) << 16) | (uint32_t) (ipproto))
#define PP_PORT(v)				((uint16_t) ((v) >> 16))
#define PP_IPPROTO(v)			((uint8_t) ((v) & 0xff))

/* longest text a portproto prints as: "65535/sctp" plus NUL */
#define PORTPROTO_TEXT_MAX	11

/* size of the error message buffers */
#define PP_ERRMSG_SIZE		256

/*
 * Name lookup: the port of a service name (not NUL-terminated) on the
 * protocol with index proto (0..3), or -1.
 */
typedef int32_t (*pp_lookup_fn) (const char *name, size_t len, int proto,
								 void *arg);

typedef enum pp_status
{
	PP_OK = 0,
	PP_ERR_SYNTAX,				/* malformed (22P02) */
	PP_ERR_RANGE,				/* a number outside 0..65535 (22003) */
	PP_ERR_NOPROTO,				/* a port without its protocol (22P02) */
	PP_ERR_NOMEM				/* the allocator failed */
} pp_status;

/* an error: what and where (offset and length of the offending token) */
typedef struct pp_error
{
	pp_status	status;
	size_t		off;
	size_t		len;
	char		msg[PP_ERRMSG_SIZE];	/* printable ASCII, "" on success */
} pp_error;

/* protocol index <-> name and IANA number */
extern const char *pp_proto_name(int proto);
extern int	pp_proto_number(int proto);
extern int	pp_proto_from_number(int ipproto);
extern int	pp_proto_from_name(const char *s, size_t len);

/* a portproto value is valid: any port, one of the four protocols */
extern bool pp_valid(uint32_t v);

/*
 * Parse "53/udp", "udp/53", "U:53", "https/tcp" (and "tcp/https") from
 * s[0..len).  Returns PP_OK and *out, or an error in *err.
 */
extern pp_status portproto_parse(const char *s, size_t len,
								 pp_lookup_fn lookup, void *arg,
								 uint32_t *out, pp_error *err);

/* print v into buf (PORTPROTO_TEXT_MAX bytes); returns the length */
extern int	portproto_format(uint32_t v, char *buf);


/* ----------------------------------------------------------------
 *		Per-protocol service specs
 * ----------------------------------------------------------------
 */

typedef enum pp_tool
{
	PP_TOOL_UFW = 0,			/* 80,443/tcp  60000:61000/udp  53 */
	PP_TOOL_FIREWALLD,			/* 8080/tcp  60000-61000/udp */
	PP_TOOL_FIREHOL,			/* tcp/80 udp/53 tcp/1000:2000 */
	PP_TOOL_NMAP,				/* -p T:80,443,U:53,1-1024  -p- */
	PP_TOOL_DOCKER,				/* 80/tcp  8000-8010/udp  80 */
	PP_TOOL_ZEEK				/* 80/tcp  53/udp */
} pp_tool;

#define PP_NTOOLS			6

extern const char *pp_tool_name(pp_tool tool);
extern int	pp_tool_from_name(const char *s, size_t len);

/* the protocols a spec item without one means, for each tool (a mask) */
extern unsigned pp_tool_default_mask(pp_tool tool);

typedef struct pp_spec
{
	/* normalized port sets, one per protocol index; n[i] == 0: none */
	fw_interval *iv[PP_NPROTO];
	size_t		n[PP_NPROTO];
	pp_error	err;
} pp_spec;

/*
 * Parse a service spec in the syntax of "tool".  default_mask: the
 * protocols an item without a protocol stands for (0: such an item is an
 * error, as it is for firewalld, firehol and Zeek; pass
 * pp_tool_default_mask(tool) for the tool's own behaviour).
 * On success the caller frees res->iv[] through alloc (pp_spec_free()).
 */
extern pp_status pp_spec_parse(const char *s, size_t len, pp_tool tool,
							   unsigned default_mask,
							   pp_lookup_fn lookup, void *lookup_arg,
							   fw_realloc_fn alloc, void *alloc_arg,
							   pp_spec *res);
extern void pp_spec_free(pp_spec *res, fw_realloc_fn alloc, void *alloc_arg);

/*
 * Print the ports iv[0..n) of protocol index proto in the syntax of tool,
 * snprintf-like (returns the full length; 0 for an empty or unnormalized
 * set, or a protocol the tool cannot name: ufw and Docker know tcp and
 * udp only, nmap has no letter for dccp).
 */
extern size_t pp_spec_format(int proto, const fw_interval *iv, size_t n,
							 pp_tool tool, char *buf, size_t buflen);


/* ----------------------------------------------------------------
 *		Which side of a flow is the service
 * ----------------------------------------------------------------
 */

typedef enum pp_side
{
	PP_SIDE_EITHER = 0,			/* both ports are equal */
	PP_SIDE_SRC,
	PP_SIDE_DST
} pp_side;

/* the rule that decided, for explanations and tests */
typedef enum pp_side_rule
{
	PP_RULE_EQUAL = 0,			/* same port on both sides */
	PP_RULE_EPHEMERAL,			/* exactly one port is ephemeral */
	PP_RULE_NAMED,				/* exactly one port has a service name */
	PP_RULE_LOWER				/* the lower port number */
} pp_side_rule;

#define PP_NRULES			4

extern const char *pp_side_rule_name(pp_side_rule rule);

/*
 * Decide which of two ports of a flow is the service port.  eph_first and
 * eph_last: the client's ephemeral range; named_src / named_dst: whether
 * the registry names each port on the flow's protocol.
 */
extern pp_side pp_service_side(uint16_t src, uint16_t dst,
							   uint16_t eph_first, uint16_t eph_last,
							   bool named_src, bool named_dst,
							   pp_side_rule *rule);

#endif							/* PORTPROTO_CORE_H */
