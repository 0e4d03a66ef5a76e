/*-------------------------------------------------------------------------
 *
 * port_core.h
 *	  Backend-independent core of the port type: text parsing, formatting,
 *	  RFC 6335 classification and operating-system ephemeral ranges.
 *
 * Nothing here calls into the PostgreSQL backend, so the same code is
 * linked into the extension, into the C unit tests and into the fuzzers.
 *
 * src/port_core.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORT_CORE_H
#define PORT_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PORT_MAX			65535

/* RFC 6335, section 6: System, User and Dynamic/Private port ranges */
#define PORT_WELL_KNOWN_LAST	1023
#define PORT_REGISTERED_FIRST	1024
#define PORT_REGISTERED_LAST	49151
#define PORT_DYNAMIC_FIRST		49152

/* longest text a port prints as: "65535" plus NUL */
#define PORT_TEXT_MAX		6

/* longest token port_parse() hands back as a possible service name */
#define PORT_NAME_MAX		63

typedef enum port_parse_status
{
	PORT_PARSE_OK,				/* a number in 0..65535 */
	PORT_PARSE_RANGE,			/* a well-formed integer outside 0..65535 */
	PORT_PARSE_NAME,			/* not a number, but could be a service name */
	PORT_PARSE_SYNTAX			/* neither */
} port_parse_status;

/* Same order as the SQL enum type port_class */
typedef enum port_class_t
{
	PORT_CLASS_WELL_KNOWN = 0,
	PORT_CLASS_REGISTERED = 1,
	PORT_CLASS_DYNAMIC = 2
} port_class_t;

#define PORT_NCLASSES		3

/* an operating system's default ephemeral (dynamic) port range */
typedef struct port_os_range
{
	const char *name;			/* canonical lower-case name */
	uint16_t	first;
	uint16_t	last;
	const char *source;			/* where the default comes from */
} port_os_range;

extern port_parse_status port_parse(const char *s, size_t len, uint16_t *value,
									size_t *name_off, size_t *name_len);
extern int	port_format(uint16_t value, char *buf);

extern const char *port_class_label(port_class_t cls);
extern const port_os_range *port_os_lookup(const char *name, size_t len);
extern const port_os_range *port_os_at(size_t i);
extern size_t port_os_count(void);

/*
 * A set of ports as a bitmap, one bit per port (8 kB): the state of
 * range_agg(port).  port_bitmap_next_run() walks its maximal runs of set
 * bits in increasing order.
 */
#define PORT_BITMAP_WORDS	((PORT_MAX + 1) / 64)

typedef struct port_bitmap
{
	uint64_t	w[PORT_BITMAP_WORDS];
} port_bitmap;

static inline void
port_bitmap_set(port_bitmap *b, uint16_t p)
{
	b->w[p >> 6] |= (uint64_t) 1 << (p & 63);
}

extern bool port_bitmap_next_run(const port_bitmap *b, uint32_t *pos,
								 uint16_t *lo, uint16_t *hi);

/*
 * percentile_cont over ports: sort the values and interpolate linearly
 * between the two nearest, as PostgreSQL's percentile_cont(float8) does
 * (fraction in [0, 1], n > 0).  port_sort_values() counts into count
 * (PORT_MAX + 1 zeroed counters, which it leaves zeroed) when given one,
 * else uses qsort().
 */
extern void port_sort_values(uint16_t *v, size_t n, size_t *count);
extern double port_percentile_cont(const uint16_t *sorted, size_t n,
								   double fraction);

static inline port_class_t
port_classify(uint16_t p)
{
	if (p <= PORT_WELL_KNOWN_LAST)
		return PORT_CLASS_WELL_KNOWN;
	if (p <= PORT_REGISTERED_LAST)
		return PORT_CLASS_REGISTERED;
	return PORT_CLASS_DYNAMIC;
}

#endif							/* PORT_CORE_H */
