/*-------------------------------------------------------------------------
 *
 * port_wire.c
 *	  Backend-independent reader of the binary forms of port, portrange and
 *	  portmultirange (see port_wire.h for the layouts).
 *
 * Every reader works on (pointer, length), checks each length before it
 * reads, and never reads past the end.  The backend glue (port_recv,
 * portrange_recv, portmultirange_recv) turns a status other than
 * PORT_WIRE_OK into a 22P03 error naming the type.
 *
 * src/port_wire.c
 *
 *-------------------------------------------------------------------------
 */
#include "port_wire.h"

static uint32_t
get_u32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) |
		((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static uint16_t
get_u16(const uint8_t *p)
{
	return (uint16_t) (((unsigned) p[0] << 8) | (unsigned) p[1]);
}

/*
 * port_wire_port
 *		A port: exactly 2 bytes, network order.  Every 16-bit value is a port.
 */
port_wire_status
port_wire_port(const uint8_t *p, size_t len, uint16_t *value)
{
	if (len != 2)
		return PORT_WIRE_PORT_LENGTH;
	*value = get_u16(p);
	return PORT_WIRE_OK;
}

/* one bound: a 4-byte length that must be 2, then the port */
static port_wire_status
read_bound(const uint8_t *p, size_t len, size_t *off, uint16_t *value)
{
	uint32_t	blen;

	if (len - *off < 4)
		return PORT_WIRE_SHORT_LENGTH;
	blen = get_u32(p + *off);
	*off += 4;
	if (blen != 2)
		return PORT_WIRE_BOUND_LENGTH;
	if (len - *off < 2)
		return PORT_WIRE_SHORT_BOUND;
	*value = get_u16(p + *off);
	*off += 2;
	return PORT_WIRE_OK;
}

/*
 * port_wire_range_read
 *		A whole range: flags, then the finite bounds, and nothing after.
 */
port_wire_status
port_wire_range_read(const uint8_t *p, size_t len, port_wire_range *out)
{
	size_t		off = 1;
	uint8_t		flags;
	port_wire_status st;

	if (len < 1)
		return PORT_WIRE_NO_FLAGS;
	flags = p[0];
	if ((flags & ~PORT_WIRE_KNOWN_FLAGS) != 0 ||
		((flags & PORT_WIRE_EMPTY) && flags != PORT_WIRE_EMPTY))
		return PORT_WIRE_BAD_FLAGS;

	out->empty = (flags & PORT_WIRE_EMPTY) != 0;
	out->has_lower = !out->empty && !(flags & PORT_WIRE_LB_INF);
	out->has_upper = !out->empty && !(flags & PORT_WIRE_UB_INF);
	out->lower_inc = out->has_lower && (flags & PORT_WIRE_LB_INC);
	out->upper_inc = out->has_upper && (flags & PORT_WIRE_UB_INC);
	out->lower = 0;
	out->upper = 0;

	if (out->has_lower && (st = read_bound(p, len, &off, &out->lower)) != PORT_WIRE_OK)
		return st;
	if (out->has_upper && (st = read_bound(p, len, &off, &out->upper)) != PORT_WIRE_OK)
		return st;
	if (off != len)
		return PORT_WIRE_TRAILING;
	if (out->has_lower && out->has_upper && out->lower > out->upper)
		return PORT_WIRE_REVERSED;
	return PORT_WIRE_OK;
}

/*
 * port_wire_multirange_count
 *		The count that starts a multirange.  It must be non-negative and
 *		leave room for that many ranges of at least 5 bytes (length and
 *		flags) each, so a caller may allocate count elements safely.
 */
port_wire_status
port_wire_multirange_count(const uint8_t *p, size_t len, int32_t *count)
{
	uint32_t	n;

	if (len < 4)
		return PORT_WIRE_SHORT_COUNT;
	n = get_u32(p);
	if (n > INT32_MAX || (len - 4) / (4 + PORT_WIRE_RANGE_MIN) < n)
		return PORT_WIRE_BAD_COUNT;
	*count = (int32_t) n;
	return PORT_WIRE_OK;
}

/*
 * port_wire_multirange_next
 *		The next range of a multirange, from *off (4 after the count):
 *		returns its bytes and advances *off past them.
 */
port_wire_status
port_wire_multirange_next(const uint8_t *p, size_t len, size_t *off,
						  const uint8_t **range, size_t *range_len)
{
	uint32_t	rlen;

	if (*off > len || len - *off < 4)
		return PORT_WIRE_SHORT_RANGE;
	rlen = get_u32(p + *off);
	if (rlen < PORT_WIRE_RANGE_MIN || rlen > len - *off - 4)
		return PORT_WIRE_RANGE_LENGTH;
	*range = p + *off + 4;
	*range_len = rlen;
	*off += 4 + (size_t) rlen;
	return PORT_WIRE_OK;
}

/*
 * port_wire_message
 *		What is wrong, for an error's DETAIL.
 */
const char *
port_wire_message(port_wire_status status)
{
	switch (status)
	{
		case PORT_WIRE_OK:
			return "no error";
		case PORT_WIRE_PORT_LENGTH:
			return "a port is exactly 2 bytes";
		case PORT_WIRE_NO_FLAGS:
			return "the value is empty; a range starts with a flags byte";
		case PORT_WIRE_BAD_FLAGS:
			return "the flags byte has unknown bits, or marks an empty range with bounds";
		case PORT_WIRE_SHORT_LENGTH:
			return "a bound's 4-byte length is cut short";
		case PORT_WIRE_BOUND_LENGTH:
			return "a bound is not 2 bytes long";
		case PORT_WIRE_SHORT_BOUND:
			return "a bound is cut short";
		case PORT_WIRE_REVERSED:
			return "the lower bound is above the upper bound";
		case PORT_WIRE_TRAILING:
			return "bytes are left over after the value";
		case PORT_WIRE_SHORT_COUNT:
			return "the 4-byte range count is cut short";
		case PORT_WIRE_BAD_COUNT:
			return "the range count is negative or larger than the data";
		case PORT_WIRE_RANGE_LENGTH:
			return "a range's length is zero or runs past the end";
		case PORT_WIRE_SHORT_RANGE:
			return "fewer ranges than the count says";
	}
	return "unknown error";
}
