/*-------------------------------------------------------------------------
 *
 * community_id.h
 *	  Backend-independent part of the Community ID flow hash, version 1
 *	  (the specification of corelight/community-id-spec): the ICMP and
 *	  ICMPv6 type/code mapping, the ordering of the two endpoints, the
 *	  byte layout that is hashed, protocol names, and the base64 and hex
 *	  renderings of the digest.  The SHA-1 itself is the caller's (the
 *	  extension uses PostgreSQL's cryptohash API).
 *
 * Nothing here calls into the PostgreSQL backend.
 *
 * src/community_id.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef COMMUNITY_ID_H
#define COMMUNITY_ID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CID_PROTO_ICMP		1
#define CID_PROTO_TCP		6
#define CID_PROTO_UDP		17
#define CID_PROTO_ICMP6		58
#define CID_PROTO_SCTP		132

/* seed 2 + addresses 2 * 16 + protocol 1 + padding 1 + ports 2 * 2 */
#define CID_INPUT_MAX		40
#define CID_DIGEST_LEN		20
/* "1:" + 28 base64 characters, or "1:" + 40 hex digits, plus NUL */
#define CID_TEXT_MAX		(2 + 40 + 1)

/* one flow, as a monitor sees it: source and destination */
typedef struct cid_flow
{
	uint8_t		family;			/* 4 or 6 */
	uint8_t		saddr[16];		/* network order; IPv4 uses 4 bytes */
	uint8_t		daddr[16];
	uint8_t		proto;			/* IP protocol number */
	bool		has_ports;		/* false for the three-tuple form */
	uint16_t	sport;			/* for ICMP/ICMPv6: the message type */
	uint16_t	dport;			/* for ICMP/ICMPv6: the message code */
} cid_flow;

extern bool cid_proto_has_ports(uint8_t proto);
extern bool cid_icmp_map(uint8_t proto, uint16_t type, uint16_t code,
						 uint16_t *sport, uint16_t *dport);
extern size_t cid_layout(const cid_flow *flow, uint16_t seed, uint8_t *buf);
extern size_t cid_render(const uint8_t digest[CID_DIGEST_LEN], bool base64,
						 char *buf);
extern int	cid_proto_lookup(const char *name, size_t len, bool ipv6);

#endif							/* COMMUNITY_ID_H */
