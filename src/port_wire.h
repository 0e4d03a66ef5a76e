/*-------------------------------------------------------------------------
 *
 * port_wire.h
 *	  Backend-independent reader of the binary (send/recv) forms of port,
 *	  portrange and portmultirange.
 *
 * The byte layouts are PostgreSQL's: a port is 2 bytes in network order;
 * a range is a flags byte followed, for each finite bound, by a 4-byte
 * length and the bound's bytes; a multirange is a 4-byte count followed,
 * for each range, by a 4-byte length and the range's bytes.  The readers
 * here accept exactly what range_send()/multirange_send() produce for these
 * types, and say precisely what is wrong with anything else, so the
 * backend can report 22P03 instead of a protocol error.
 *
 * Nothing here calls into the PostgreSQL backend: the same code is linked
 * into the extension, the unit tests (test/wire) and a fuzzer.
 *
 * src/port_wire.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef PORT_WIRE_H
#define PORT_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* range flag bits on the wire (PostgreSQL's RANGE_* values) */
#define PORT_WIRE_EMPTY		0x01
#define PORT_WIRE_LB_INC	0x02
#define PORT_WIRE_UB_INC	0x04
#define PORT_WIRE_LB_INF	0x08
#define PORT_WIRE_UB_INF	0x10
#define PORT_WIRE_KNOWN_FLAGS	0x1F

/* smallest binary range: the flags byte alone */
#define PORT_WIRE_RANGE_MIN	1

typedef enum port_wire_status
{
	PORT_WIRE_OK = 0,
	PORT_WIRE_PORT_LENGTH,		/* a port that is not exactly 2 bytes */
	PORT_WIRE_NO_FLAGS,			/* a range with no flags byte */
	PORT_WIRE_BAD_FLAGS,		/* unknown flag bits, or "empty" with others */
	PORT_WIRE_SHORT_LENGTH,		/* fewer than 4 bytes where a length is due */
	PORT_WIRE_BOUND_LENGTH,		/* a bound whose length is not 2 */
	PORT_WIRE_SHORT_BOUND,		/* a bound cut short */
	PORT_WIRE_REVERSED,			/* lower bound above the upper bound */
	PORT_WIRE_TRAILING,			/* bytes after the value */
	PORT_WIRE_SHORT_COUNT,		/* a multirange without its 4-byte count */
	PORT_WIRE_BAD_COUNT,		/* a negative count, or more ranges than bytes */
	PORT_WIRE_RANGE_LENGTH,		/* a range length below 1 or past the end */
	PORT_WIRE_SHORT_RANGE		/* fewer ranges than the count says */
} port_wire_status;

/* one range as read from the wire */
typedef struct port_wire_range
{
	bool		empty;
	bool		has_lower;		/* false: unbounded below */
	bool		has_upper;		/* false: unbounded above */
	bool		lower_inc;
	bool		upper_inc;
	uint16_t	lower;
	uint16_t	upper;
} port_wire_range;

extern port_wire_status port_wire_port(const uint8_t *p, size_t len, uint16_t *value);
extern port_wire_status port_wire_range_read(const uint8_t *p, size_t len,
											 port_wire_range *out);
extern port_wire_status port_wire_multirange_count(const uint8_t *p, size_t len,
												   int32_t *count);
extern port_wire_status port_wire_multirange_next(const uint8_t *p, size_t len,
												  size_t *off, const uint8_t **range,
												  size_t *range_len);
extern const char *port_wire_message(port_wire_status status);

#endif							/* PORT_WIRE_H */
