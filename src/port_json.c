/*-------------------------------------------------------------------------
 *
 * port_json.c
 *	  port values leaving the database as JSON numbers.
 *
 * PostgreSQL's to_json(), to_jsonb(), row_to_json(), json_agg(),
 * json_build_object() and their jsonb twins print a value of an extension
 * type as a JSON string of its text form, unless the type has a cast to
 * json: then they call the cast function and embed its result (see
 * json_categorize_type() in PostgreSQL, 15 to 19; jsonb, too, looks for a
 * cast to json, not to jsonb).  The cast port -> json defined here makes a
 * port the JSON number 443, as an int4 is; port -> jsonb gives the same
 * number for an explicit dst_port::jsonb.
 *
 * A side effect of PostgreSQL's rule: a type with a json cast cannot be an
 * object key (json_object_agg(dst_port, n) fails with "key value must be
 * scalar, not array, composite, or json"); write dst_port::int there.
 *
 * src/port_json.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "utils/builtins.h"

#include "port.h"

/*
 * port_to_json
 *		The port as a JSON number: its decimal digits.
 */
PG_FUNCTION_INFO_V1(port_to_json);
Datum
port_to_json(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);
	char		buf[PORT_TEXT_MAX];

	port_format(p, buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/*
 * port_to_jsonb
 *		The port as a jsonb number.
 */
PG_FUNCTION_INFO_V1(port_to_jsonb);
Datum
port_to_jsonb(PG_FUNCTION_ARGS)
{
	uint16		p = PG_GETARG_PORT(0);
	char		buf[PORT_TEXT_MAX];

	port_format(p, buf);
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf)));
}
