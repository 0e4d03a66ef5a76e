/*-------------------------------------------------------------------------
 *
 * port.c
 *	  The port type: a TCP/UDP/SCTP/DCCP port number, 0..65535.
 *
 * The file reads top to bottom: text and binary I/O, casts, comparison
 * operators (port x port and port x int2/int4/int8), arithmetic, index
 * support (btree comparison, sort support, in_range, hashing), min/max
 * support and RFC 6335 classification.
 *
 * Comparisons and hashing agree with int4 for the same number, so port and
 * the integer types can share btree and hash operator families: hash joins
 * and merge joins between a port column and an int4 column are correct.
 *
 * src/port.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/sortsupport.h"
#include "utils/syscache.h"

#include "port.h"
#include "registry.h"
#include "port_wire.h"

/* longest input echoed whole in an error message */
#define PORT_ECHO_MAX		40


/*****************************************************************************
 * Input and output
 *****************************************************************************/

/*
 * port_shorten_input
 *		A printable copy of the input for error messages: a 10 MB string
 *		must not end up whole in the server log.
 */
char *
port_shorten_input(const char *s, size_t len)
{
	int			keep;

	if (len <= PORT_ECHO_MAX)
		return pnstrdup(s, len);
	keep = pg_mbcliplen(s, (int) len, PORT_ECHO_MAX);
	return psprintf("%s...", pnstrdup(s, keep));
}

/*
 * port_text_to_value
 *		Parse text into a port, resolving service names through the bundled
 *		registry.  Returns false after a soft error (PostgreSQL 16+).
 */
bool
port_text_to_value(const char *s, size_t len, uint16 *result, Node *escontext)
{
	uint16_t	value;
	size_t		name_off = 0;
	size_t		name_len = 0;
	int32		byname;

	(void) escontext;			/* unused before 16: errors are always thrown */

	switch (port_parse(s, len, &value, &name_off, &name_len))
	{
		case PORT_PARSE_OK:
			*result = value;
			return true;

		case PORT_PARSE_RANGE:
			port_errsave(escontext,
						 errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						 errmsg("value \"%s\" is out of range for type %s",
								port_shorten_input(s, len), "port"),
						 errdetail("Port numbers are integers from 0 to 65535."));
			return false;

		case PORT_PARSE_NAME:
			byname = reg_resolve_name_any(s + name_off, name_len);
			if (byname >= 0)
			{
				*result = (uint16) byname;
				return true;
			}
			port_errsave(escontext,
						 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid input syntax for type %s: \"%s\"",
								"port", port_shorten_input(s, len)),
						 errdetail("\"%s\" is neither a port number nor a known service name.",
								   port_shorten_input(s + name_off, name_len)));
			return false;

		case PORT_PARSE_SYNTAX:
			break;
	}
	port_errsave(escontext,
				 errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						"port", port_shorten_input(s, len)),
				 errdetail("A port is a decimal number from 0 to 65535 or a service name."));
	return false;
}

PG_FUNCTION_INFO_V1(port_in);
Datum
port_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	uint16		result;

	/* fcinfo->context is the soft-error context on 16+ (NULL before) */
	if (!port_text_to_value(s, strlen(s), &result, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_PORT(result);
}

PG_FUNCTION_INFO_V1(port_out);
Datum
port_out(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);
	char	   *buf = palloc(PORT_TEXT_MAX);

	port_format(p, buf);
	PG_RETURN_CSTRING(buf);
}

/*
 * port_binary_error
 *		The error for malformed binary input of port, portrange or
 *		portmultirange: 22P03 naming the type and what is wrong, never the
 *		protocol error (08P01) that pq_getmsgint() raises on a short field.
 */
void
port_binary_error(const char *type, int status, size_t len)
{
	ereport(ERROR,
			errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			errmsg("invalid binary representation of type %s", type),
			errdetail_plural("The value has %zu byte: %s.",
							 "The value has %zu bytes: %s.",
							 (unsigned long) len, len,
							 port_wire_message((port_wire_status) status)));
}

/*
 * Binary form: two bytes in network order, as for int2 but unsigned.  Every
 * 16-bit value is a valid port.  Any other length is rejected here, before
 * anything is read: not every caller checks that the whole field was
 * consumed (range_recv() does not).
 */
PG_FUNCTION_INFO_V1(port_recv);
Datum
port_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	size_t		len = (size_t) (buf->len - buf->cursor);
	uint16_t	p = 0;
	port_wire_status st;

	st = port_wire_port((const uint8_t *) buf->data + buf->cursor, len, &p);
	if (st != PORT_WIRE_OK)
		port_binary_error("port", st, len);
	buf->cursor = buf->len;
	PG_RETURN_PORT(p);
}

PG_FUNCTION_INFO_V1(port_send);
Datum
port_send(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint16(&buf, p);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}


/*****************************************************************************
 * Casts
 *****************************************************************************/

/*
 * port_check_int64
 *		Range-check an integer that is to become a port.
 */
uint16
port_check_int64(int64 value)
{
	if (value < 0 || value > PORT_MAX)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("value %lld is out of range for type %s",
					   (long long) value, "port"),
				errdetail("Port numbers are integers from 0 to 65535."));
	return (uint16) value;
}

PG_FUNCTION_INFO_V1(port_from_int2);
Datum
port_from_int2(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(port_check_int64(PG_GETARG_INT16(0)));
}

PG_FUNCTION_INFO_V1(port_from_int4);
Datum
port_from_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(port_check_int64(PG_GETARG_INT32(0)));
}

PG_FUNCTION_INFO_V1(port_from_int8);
Datum
port_from_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(port_check_int64(PG_GETARG_INT64(0)));
}

/*
 * numeric rounds to the nearest integer first, half away from zero, as the
 * numeric to int4 cast does; NaN and infinities are out of range.
 */
PG_FUNCTION_INFO_V1(port_from_numeric);
Datum
port_from_numeric(PG_FUNCTION_ARGS)
{
	Numeric		num = PG_GETARG_NUMERIC(0);
	bool		failed = false;
	int32		value;

	value = port_numeric_to_int4(num, &failed);
	if (failed || value < 0 || value > PORT_MAX)
	{
		char	   *str = DatumGetCString(DirectFunctionCall1(numeric_out,
															  NumericGetDatum(num)));

		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("value %s is out of range for type %s",
					   port_shorten_input(str, strlen(str)), "port"),
				errdetail("Port numbers are integers from 0 to 65535."));
	}
	PG_RETURN_PORT((uint16) value);
}

PG_FUNCTION_INFO_V1(port_to_int4);
Datum
port_to_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_PORT(0));
}

PG_FUNCTION_INFO_V1(port_to_int8);
Datum
port_to_int8(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) PG_GETARG_PORT(0));
}

/* port -> int2: ports above 32767 do not fit (22003) */
PG_FUNCTION_INFO_V1(port_to_int2);
Datum
port_to_int2(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);

	if (p > PG_INT16_MAX)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("port %u is out of range for type smallint", p),
				errhint("smallint holds ports up to 32767; use integer (dst_port::int) for all ports."));
	PG_RETURN_INT16((int16) p);
}

/* port -> float4, float8, numeric: exact for every port */
PG_FUNCTION_INFO_V1(port_to_float4);
Datum
port_to_float4(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4((float4) PG_GETARG_PORT(0));
}

PG_FUNCTION_INFO_V1(port_to_float8);
Datum
port_to_float8(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8((float8) PG_GETARG_PORT(0));
}

PG_FUNCTION_INFO_V1(port_to_numeric);
Datum
port_to_numeric(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(int64_to_numeric((int64) PG_GETARG_PORT(0)));
}


/*****************************************************************************
 * Comparison operators
 *
 * For each pair of argument types one macro call defines the six operator
 * functions and the btree comparison function.  Mixed pairs widen both
 * sides to int64, which is exact for every value of every type involved.
 *****************************************************************************/

#define PORT_COMPARISONS(NAME, LGET, RGET) \
PG_FUNCTION_INFO_V1(NAME##_eq); \
Datum NAME##_eq(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL((int64) LGET(0) == (int64) RGET(1)); } \
PG_FUNCTION_INFO_V1(NAME##_ne); \
Datum NAME##_ne(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL((int64) LGET(0) != (int64) RGET(1)); } \
PG_FUNCTION_INFO_V1(NAME##_lt); \
Datum NAME##_lt(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL((int64) LGET(0) < (int64) RGET(1)); } \
PG_FUNCTION_INFO_V1(NAME##_le); \
Datum NAME##_le(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL((int64) LGET(0) <= (int64) RGET(1)); } \
PG_FUNCTION_INFO_V1(NAME##_gt); \
Datum NAME##_gt(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL((int64) LGET(0) > (int64) RGET(1)); } \
PG_FUNCTION_INFO_V1(NAME##_ge); \
Datum NAME##_ge(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL((int64) LGET(0) >= (int64) RGET(1)); } \
PG_FUNCTION_INFO_V1(NAME##_cmp); \
Datum NAME##_cmp(PG_FUNCTION_ARGS) \
{ \
	int64		a = (int64) LGET(0); \
	int64		b = (int64) RGET(1); \
	PG_RETURN_INT32(a < b ? -1 : (a > b ? 1 : 0)); \
} \
extern int no_such_variable

PORT_COMPARISONS(port, PG_GETARG_PORT, PG_GETARG_PORT);
PORT_COMPARISONS(port_int2, PG_GETARG_PORT, PG_GETARG_INT16);
PORT_COMPARISONS(int2_port, PG_GETARG_INT16, PG_GETARG_PORT);
PORT_COMPARISONS(port_int4, PG_GETARG_PORT, PG_GETARG_INT32);
PORT_COMPARISONS(int4_port, PG_GETARG_INT32, PG_GETARG_PORT);
PORT_COMPARISONS(port_int8, PG_GETARG_PORT, PG_GETARG_INT64);
PORT_COMPARISONS(int8_port, PG_GETARG_INT64, PG_GETARG_PORT);


/*****************************************************************************
 * Arithmetic
 *****************************************************************************/

static inline uint16
port_add_checked(int64 a, int64 b)
{
	int64		r = a + b;		/* cannot overflow: |a|, |b| < 2^32 */

	if (r < 0 || r > PORT_MAX)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("port out of range"),
				errdetail("The result %lld is not between 0 and 65535.",
						  (long long) r));
	return (uint16) r;
}

PG_FUNCTION_INFO_V1(port_pl_int4);
Datum
port_pl_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(port_add_checked(PG_GETARG_PORT(0), PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(int4_pl_port);
Datum
int4_pl_port(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(port_add_checked(PG_GETARG_INT32(0), PG_GETARG_PORT(1)));
}

PG_FUNCTION_INFO_V1(port_mi_int4);
Datum
port_mi_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_PORT(port_add_checked(PG_GETARG_PORT(0),
									-(int64) PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(port_mi_port);
Datum
port_mi_port(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_PORT(0) - (int32) PG_GETARG_PORT(1));
}


/*****************************************************************************
 * Index support
 *****************************************************************************/

/*
 * Port Datums are sign-extended int16 (see port.h), so 0..32767 are the
 * Datums 0..32767 and 32768..65535 the top 32768 values of the unsigned
 * Datum range: comparing Datums as unsigned integers sorts ports in order.
 * tuplesort has a specialised quicksort for exactly this comparator.
 */

PG_FUNCTION_INFO_V1(port_sortsupport);
Datum
port_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = ssup_datum_unsigned_cmp;
	PG_RETURN_VOID();
}

/*
 * in_range(val, base, offset, sub, less) for window frames such as
 * RANGE BETWEEN 100 PRECEDING AND CURRENT ROW.  int64 arithmetic cannot
 * overflow here, so base +/- offset beyond 0..65535 simply compares.
 */
PG_FUNCTION_INFO_V1(port_in_range_int4);
Datum
port_in_range_int4(PG_FUNCTION_ARGS)
{
	int64		val = PG_GETARG_PORT(0);
	int64		base = PG_GETARG_PORT(1);
	int64		offset = PG_GETARG_INT32(2);
	bool		sub = PG_GETARG_BOOL(3);
	bool		less = PG_GETARG_BOOL(4);
	int64		sum;

	if (offset < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
				errmsg("invalid preceding or following size in window function"));

	sum = sub ? base - offset : base + offset;
	PG_RETURN_BOOL(less ? val <= sum : val >= sum);
}

/*
 * Hashing equals int4's for the same number (hashint4 hashes the int32 bit
 * pattern, which for 0..65535 is the zero-extended port), and hashint2 and
 * hashint8 agree with hashint4 on these values, so one hash operator family
 * covers port, int2, int4 and int8.
 */
PG_FUNCTION_INFO_V1(port_hash);
Datum
port_hash(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_PORT(0));
}

PG_FUNCTION_INFO_V1(port_hash_extended);
Datum
port_hash_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_PORT(0), PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(port_smaller);
Datum
port_smaller(PG_FUNCTION_ARGS)
{
	uint16		a = PG_GETARG_PORT(0);
	uint16		b = PG_GETARG_PORT(1);

	PG_RETURN_PORT(a < b ? a : b);
}

PG_FUNCTION_INFO_V1(port_larger);
Datum
port_larger(PG_FUNCTION_ARGS)
{
	uint16		a = PG_GETARG_PORT(0);
	uint16		b = PG_GETARG_PORT(1);

	PG_RETURN_PORT(a > b ? a : b);
}


/*****************************************************************************
 * Classification (RFC 6335)
 *****************************************************************************/

/*
 * port_enum_label_oid
 *		The OID of an enum type's label; the labels are the extension's own,
 *		so a missing one is an internal error.
 */
Oid
port_enum_label_oid(Oid enumtype, const char *label)
{
	HeapTuple	tup;
	Oid			result;

	tup = SearchSysCache2(ENUMTYPOIDNAME, ObjectIdGetDatum(enumtype),
						  CStringGetDatum(label));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "enum label \"%s\" of type %u not found", label, enumtype);
	result = ((Form_pg_enum) GETSTRUCT(tup))->oid;
	ReleaseSysCache(tup);
	return result;
}

/* the enum OIDs of port_class's labels, looked up once per call site */
typedef struct PortClassCache
{
	Oid			label_oid[PORT_NCLASSES];
} PortClassCache;

static Oid
port_class_enum_oid(FunctionCallInfo fcinfo, port_class_t cls)
{
	PortClassCache *cache = (PortClassCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		Oid			enumtype = get_func_rettype(fcinfo->flinfo->fn_oid);
		int			i;

		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
								   sizeof(PortClassCache));
		for (i = 0; i < PORT_NCLASSES; i++)
			cache->label_oid[i] =
				port_enum_label_oid(enumtype, port_class_label((port_class_t) i));
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache->label_oid[cls];
}

/* An int4 argument of a classification function: range-checked */
#define PG_GETARG_INT4_AS_PORT(n)	port_check_int64(PG_GETARG_INT32(n))

/*
 * Each classification function exists for port (cannot fail, LEAKPROOF)
 * and for int4 (so that is_well_known(443) resolves without a cast; raises
 * 22003 outside 0..65535).
 */
#define PORT_CLASSIFIER(NAME, EXPR) \
static inline bool NAME##_test(uint16 p) { return (EXPR); } \
PG_FUNCTION_INFO_V1(NAME); \
Datum NAME(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(NAME##_test(PG_GETARG_PORT(0))); } \
PG_FUNCTION_INFO_V1(NAME##_int4); \
Datum NAME##_int4(PG_FUNCTION_ARGS) \
{ PG_RETURN_BOOL(NAME##_test(PG_GETARG_INT4_AS_PORT(0))); } \
extern int no_such_variable

PORT_CLASSIFIER(port_is_well_known, p <= PORT_WELL_KNOWN_LAST);
PORT_CLASSIFIER(port_is_registered, p >= PORT_REGISTERED_FIRST && p <= PORT_REGISTERED_LAST);
PORT_CLASSIFIER(port_is_dynamic, p >= PORT_DYNAMIC_FIRST);
PORT_CLASSIFIER(port_is_privileged, p < PORT_REGISTERED_FIRST);

PG_FUNCTION_INFO_V1(port_class);
Datum
port_class(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(port_class_enum_oid(fcinfo, port_classify(PG_GETARG_PORT(0))));
}

PG_FUNCTION_INFO_V1(port_class_int4);
Datum
port_class_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_OID(port_class_enum_oid(fcinfo,
									  port_classify(PG_GETARG_INT4_AS_PORT(0))));
}

/*
 * is_privileged(port, unprivileged_start): ports below the start need
 * privilege to bind, as with Linux's net.ipv4.ip_unprivileged_port_start
 * (0 makes no port privileged).
 */
static bool
port_below_start(uint16 p, int32 start)
{
	if (start < 0 || start > PORT_MAX)
		ereport(ERROR,
				errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				errmsg("unprivileged port start %d is out of range", start),
				errdetail("It must be between 0 and 65535, like net.ipv4.ip_unprivileged_port_start."));
	return p < start;
}

PG_FUNCTION_INFO_V1(port_is_privileged_from);
Datum
port_is_privileged_from(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_below_start(PG_GETARG_PORT(0), PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(port_is_privileged_from_int4);
Datum
port_is_privileged_from_int4(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(port_below_start(PG_GETARG_INT4_AS_PORT(0),
									PG_GETARG_INT32(1)));
}

/* The ephemeral range of an operating system named in SQL, or an error */
const port_os_range *
port_os_range_arg(text *os)
{
	const port_os_range *r;

	r = port_os_lookup(VARDATA_ANY(os), VARSIZE_ANY_EXHDR(os));
	if (r == NULL)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("unknown operating system \"%s\" for an ephemeral port range",
					   port_shorten_input(VARDATA_ANY(os), VARSIZE_ANY_EXHDR(os))),
				errhint("Known names are iana, linux, windows, freebsd and macos."));
	return r;
}

PG_FUNCTION_INFO_V1(port_is_ephemeral);
Datum
port_is_ephemeral(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);
	const port_os_range *r = port_os_range_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_BOOL(p >= r->first && p <= r->last);
}

PG_FUNCTION_INFO_V1(port_is_ephemeral_int4);
Datum
port_is_ephemeral_int4(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_INT4_AS_PORT(0);
	const port_os_range *r = port_os_range_arg(PG_GETARG_TEXT_PP(1));

	PG_RETURN_BOOL(p >= r->first && p <= r->last);
}

/*
 * port_srf_init
 *		First call of a value-per-call set-returning function that returns
 *		max_calls rows of its declared row type.
 */
void
port_srf_init(FunctionCallInfo fcinfo, uint64 max_calls)
{
	FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
	MemoryContext oldcontext;
	TupleDesc	tupdesc;

	oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	funcctx->tuple_desc = BlessTupleDesc(tupdesc);
	funcctx->max_calls = max_calls;
	MemoryContextSwitchTo(oldcontext);
}

/*
 * ephemeral_ranges() returns (os, first_port, last_port, source) for every
 * operating system the extension knows.
 */
PG_FUNCTION_INFO_V1(port_ephemeral_ranges);
Datum
port_ephemeral_ranges(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	const port_os_range *r;

	if (SRF_IS_FIRSTCALL())
		port_srf_init(fcinfo, port_os_count());
	funcctx = SRF_PERCALL_SETUP();

	r = port_os_at(funcctx->call_cntr);
	if (r != NULL)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		HeapTuple	tuple;

		values[0] = CStringGetTextDatum(r->name);
		values[1] = PortGetDatum(r->first);
		values[2] = PortGetDatum(r->last);
		values[3] = CStringGetTextDatum(r->source);
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}
