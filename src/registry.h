/*
 * registry.h - bundled IANA service-name registry: pure C99 lookup core.
 *
 * No PostgreSQL headers, no allocation, no mutable global state: every
 * function only reads constant tables and is safe to call from any thread.
 * The tables live in src/registry_data.c, generated at build time by
 * tools/gen_registry.pl from data/services.csv, data/defacto.csv,
 * data/common.csv, data/netbase.csv and data/protocols.csv.
 *
 * Strings returned are NUL-terminated UTF-8 with static storage duration.
 * A field that is empty in the CSV is returned as NULL.
 *
 * src/registry.h
 */
#ifndef PORTRANGE_REGISTRY_H
#define PORTRANGE_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

typedef enum
{
	REG_TCP = 0,
	REG_UDP = 1,
	REG_SCTP = 2,
	REG_DCCP = 3
} reg_proto;
#define REG_NPROTO 4

typedef enum
{
	REG_ASSIGNED = 0,			/* IANA-registered service name */
	REG_ALIAS = 1,				/* name known only as an alias (netbase) */
	REG_RESERVED = 2,			/* IANA Reserved (no name) */
	REG_UNASSIGNED = 3			/* IANA Unassigned (no name) */
} reg_status;
#define REG_NSTATUS 4

/* "tcp", "udp", "sctp", "dccp"; NULL for an invalid value. */
const char *reg_proto_name(int proto);

/* Protocol from its name (case-insensitive, not NUL-terminated); -1 if unknown. */
int reg_proto_from_name(const char *name, size_t len);

/* "assigned", "alias", "reserved", "unassigned"; NULL for an invalid value. */
const char *reg_status_name(int status);

/*
 * Primary IANA name of port/proto: the rank-1 name of an "assigned" row
 * covering the port; NULL if none (reserved, unassigned, alias-only or an
 * invalid proto).  Constant time: two table loads and a popcount.
 */
const char *reg_primary_name(uint16_t port, reg_proto proto);

/* De-facto (unregistered) name from data/defacto.csv, or NULL.  O(log n). */
const char *reg_defacto_name(uint16_t port, reg_proto proto);

/*
 * Port of a service name (ASCII case-insensitive; name is (ptr, len), need
 * not be NUL-terminated) among the assigned names and aliases of proto.
 * Returns 0..65535, or -1 if unknown.  When several rows carry the name the
 * winner is: assigned before alias, then lowest name_rank, then lowest
 * port_low; for a range the result is port_low.  Expected O(1).
 */
int32_t		reg_port_by_name(const char *name, size_t len, reg_proto proto);

/* Same, trying tcp, udp, sctp, dccp in that order. */
int32_t		reg_port_by_name_any(const char *name, size_t len);

/* Port of a de-facto name for proto (lowest port if several), or -1. */
int32_t		reg_defacto_port_by_name(const char *name, size_t len,
									 reg_proto proto);

/*
 * Name resolution as network tools resolve names, for name input, the
 * firewall parser and service_port().  For one protocol: an IANA name or
 * alias (reg_port_by_name: the port netbase's /etc/services gives it, else
 * the port where it is the primary name, else the lowest), else a common
 * name (data/common.csv).  -1 if unknown.
 */
int32_t		reg_resolve_name(const char *name, size_t len, reg_proto proto);

/*
 * Any protocol: the port /etc/services gives the name in tcp, udp, sctp,
 * dccp (in that order); else reg_port_by_name in tcp, udp, sctp, dccp;
 * else a common name in the same order.  -1 if unknown.
 */
int32_t		reg_resolve_name_any(const char *name, size_t len);

/* One row of data/common.csv: an everyday name IANA does not register. */
typedef struct reg_common
{
	uint16_t	port;
	uint8_t		proto;			/* reg_proto */
	const char *name;
	const char *description;
	const char *source;			/* the documentation that states the port */
	const char *url;			/* where that was checked */
} reg_common;

size_t		reg_common_count(void);

/* Row i of data/common.csv in file order, or NULL if out of range. */
const reg_common *reg_common_at(size_t i);

/* Port of a common name for proto, or -1. */
int32_t		reg_common_port_by_name(const char *name, size_t len,
									reg_proto proto);

/*
 * IP protocol arguments, as logs write them: an IANA keyword of the
 * Assigned Internet Protocol Numbers registry (case-insensitive: "tcp",
 * "TCP", "ipv6-icmp", "gre") or a decimal number ("6", "17").
 */
typedef enum
{
	REG_IPP_PORTS = 0,			/* tcp, udp, sctp or dccp: *proto is set */
	REG_IPP_NOPORTS = 1,		/* a protocol without ports (icmp, gre, 143) */
	REG_IPP_UNKNOWN = 2,		/* well-formed keyword IANA does not list */
	REG_IPP_SYNTAX = 3,			/* malformed: empty, blanks, other characters */
	REG_IPP_RANGE = 4			/* a number outside 0..255 */
} reg_ipp_result;

/* Classify text s[0..len) (not NUL-terminated); *proto is set on PORTS. */
reg_ipp_result reg_ipproto_parse(const char *s, size_t len, reg_proto *proto);

/* The same for a protocol number. */
reg_ipp_result reg_ipproto_number(int64_t number, reg_proto *proto);

/* One row of data/protocols.csv. */
typedef struct reg_ipproto
{
	uint8_t		number;
	const char *keyword;		/* as IANA spells it: "IPv6-ICMP" */
	const char *description;
} reg_ipproto;

size_t		reg_ipproto_count(void);
const reg_ipproto *reg_ipproto_at(size_t i);

/* One row of data/services.csv. */
typedef struct reg_entry
{
	uint16_t	port_low;
	uint16_t	port_high;
	uint8_t		proto;			/* reg_proto */
	uint8_t		rank;			/* name_rank; 0 when empty */
	uint8_t		status;			/* reg_status */
	const char *name;			/* NULL for reserved/unassigned */
	const char *description;
	const char *assignee;
	const char *contact;
	const char *registered;		/* registration_date, "YYYY-MM-DD" or "YYYY-MM" */
	const char *modified;		/* modification_date, same format */
	const char *reference;
	const char *sources;		/* e.g. "iana;netbase" */
	const char *notes;			/* IANA's assignment notes */
	const char *unauthorized;	/* IANA's "unauthorized use reported" */
} reg_entry;

/* Number of rows of data/services.csv. */
size_t		reg_entry_count(void);

/*
 * Copy row i (file order, 0-based) into *out; returns 1, or 0 if i is out
 * of range (*out untouched).  Rows are stored as offsets into one string
 * pool, so there is no static array of reg_entry to point into.
 */
int			reg_entry_get(size_t i, reg_entry *out);

/*
 * Rows covering port (port_low <= port <= port_high), any protocol, in file
 * order.  Stores up to max row indices in idx (which may be NULL if max is
 * 0) and returns the total number of such rows.
 */
size_t		reg_entries_for_port(uint16_t port, size_t *idx, size_t max);

/* One row of data/defacto.csv. */
typedef struct reg_defacto
{
	uint16_t	port;
	uint8_t		proto;			/* reg_proto */
	const char *name;
	const char *description;
	const char *source;
} reg_defacto;

size_t		reg_defacto_count(void);

/* Row i of data/defacto.csv in file order, or NULL if out of range. */
const reg_defacto *reg_defacto_at(size_t i);

/* Identifies the data snapshot (the "Snapshot:" line of data/README.md). */
const char *reg_snapshot(void);


/* ----------------------------------------------------------------------
 * Internal: the generated tables (src/registry_data.c).  Not part of the
 * API; only registry.c and the generator's output use them.
 * ---------------------------------------------------------------------- */
#define REG_TAB_FORMAT 2

typedef struct reg_tab_row
{
	uint16_t	port_low;
	uint16_t	port_high;
	uint8_t		proto;
	uint8_t		rank;
	uint8_t		status;
	uint8_t		src;			/* index into reg_tab_src */
	uint32_t	name;			/* offsets into reg_tab_pool */
	uint32_t	description;
	uint32_t	extra;			/* index into reg_tab_extra */
} reg_tab_row;

/* 256 ports of one protocol: which have a primary name, and where it is. */
typedef struct reg_tab_ppage
{
	uint64_t	bits[4];		/* bit i of word w: port (w * 64 + i) named */
	uint32_t	base;			/* index of the page's first name in reg_tab_pname */
	uint8_t		pre[4];			/* named ports in words before word w */
} reg_tab_ppage;

extern const char reg_tab_snapshot[];
extern const size_t reg_tab_pool_size;
extern const unsigned char reg_tab_pool[];
extern const size_t reg_tab_nrows;
extern const reg_tab_row reg_tab_rows[];
extern const uint32_t reg_tab_src[];
extern const uint32_t reg_tab_extra[][7];	/* assignee, contact, registered,
											 * modified, reference, notes,
											 * unauthorized */
extern const uint16_t reg_tab_ptop[REG_NPROTO][256];
extern const reg_tab_ppage reg_tab_ppages[];
extern const uint32_t reg_tab_pname[];
extern const uint32_t reg_tab_rowpage[257];
extern const uint32_t reg_tab_rngpage[257];
extern const uint32_t reg_tab_rng[];
extern const uint32_t reg_tab_hmask;
extern const size_t reg_tab_hmaxlen;
extern const uint16_t reg_tab_hslot[];
extern const uint32_t reg_tab_hname[];
extern const uint16_t reg_tab_hport[][REG_NPROTO];
extern const uint8_t reg_tab_hprotos[];
extern const uint8_t reg_tab_hnetbase[];	/* protocols netbase resolves */
extern const size_t reg_tab_ndefacto;
extern const reg_defacto reg_tab_defacto[];
extern const uint16_t reg_tab_dfsorted[];
extern const size_t reg_tab_ncommon;
extern const reg_common reg_tab_common[];
extern const size_t reg_tab_nipproto;
extern const reg_ipproto reg_tab_ipproto[];

#endif							/* PORTRANGE_REGISTRY_H */
