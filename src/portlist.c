/*-------------------------------------------------------------------------
 *
 * portlist.c
 *	  Port sets in firewall tools' syntax: parse_ports(), parse_portrange()
 *	  and to_firewall().
 *
 * The parsing and printing are done by the backend-independent fwparse.c;
 * this file turns its intervals into portrange/portmultirange values, its
 * errors into SQL errors, and resolves service names through the bundled
 * registry.  doc/firewall-syntax.md lists every accepted form.
 *
 * src/portlist.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "pg_compat.h"

#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"
#include "utils/multirangetypes.h"

#include "fwparse.h"
#include "port.h"
#include "prange.h"
#include "registry.h"

/* service names in port lists: resolved as name input resolves them */
static int32_t
portlist_lookup(const char *name, size_t len, void *arg)
{
	(void) arg;
	return reg_resolve_name_any(name, len);
}

/* the parser's allocator: palloc in the current memory context */
static void *
portlist_realloc(void *ptr, size_t size, void *arg)
{
	(void) arg;
	if (size == 0)
	{
		if (ptr != NULL)
			pfree(ptr);
		return NULL;
	}
	return ptr ? repalloc(ptr, size) : palloc(size);
}

/*
 * Variables ($HTTP_PORTS) from a jsonb object: the key is the name with or
 * without its "$", the value a string (a port list of its own, as in
 * Suricata's port-groups) or a number.
 */
static int
portlist_variable(const char *name, size_t len, const char **value,
				  size_t *vlen, void *arg)
{
	Jsonb	   *vars = (Jsonb *) arg;
	JsonbValue	v;
	char	   *key = palloc(len + 2);

	if (vars == NULL || !JB_ROOT_IS_OBJECT(vars))
		return 0;
	key[0] = '$';
	memcpy(key + 1, name, len);
	if (getKeyJsonValueFromContainer(&vars->root, key + 1, (int) len, &v) == NULL &&
		getKeyJsonValueFromContainer(&vars->root, key, (int) len + 1, &v) == NULL)
		return 0;
	if (v.type == jbvString)
	{
		*value = v.val.string.val;
		*vlen = (size_t) v.val.string.len;
		return 1;
	}
	if (v.type == jbvNumeric)
	{
		*value = DatumGetCString(DirectFunctionCall1(numeric_out,
													 NumericGetDatum(v.val.numeric)));
		*vlen = strlen(*value);
		return 1;
	}
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("variable \"$%s\" must be a string or a number",
				   port_shorten_input(name, len)));
	return 0;
}

/*
 * portlist_parse
 *		Parse a port list into res, or raise the parser's error: 22003 for
 *		a number outside 0..65535, 22P02 for everything else.  vars: the
 *		variables, or NULL.
 */
static void
portlist_parse_vars(text *input, Jsonb *vars, fw_result *res)
{
	const char *s = VARDATA_ANY(input);
	size_t		len = VARSIZE_ANY_EXHDR(input);

	switch (fw_parse_vars(s, len, portlist_lookup, NULL,
						  vars ? portlist_variable : NULL, vars,
						  portlist_realloc, NULL, res))
	{
		case FW_OK:
			return;
		case FW_ERR_NOMEM:
			ereport(ERROR,
					errcode(ERRCODE_OUT_OF_MEMORY),
					errmsg("out of memory while parsing a port list"));
			break;
		case FW_ERR_RANGE:
			ereport(ERROR,
					errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("invalid port list \"%s\"", port_shorten_input(s, len)),
					errdetail("%s, at character %zu.", res->err_msg, res->err_offset + 1));
			break;
		case FW_ERR_EMPTY:
			ereport(ERROR,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid port list \"%s\"", port_shorten_input(s, len)),
					errdetail("%s, at character %zu.", res->err_msg, res->err_offset + 1),
					errhint("The list is well-formed but matches no port."));
			break;
		case FW_ERR_SYNTAX:
			ereport(ERROR,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid port list \"%s\"", port_shorten_input(s, len)),
					errdetail("%s, at character %zu.", res->err_msg, res->err_offset + 1));
			break;
	}
}

static void
portlist_parse(text *input, fw_result *res)
{
	portlist_parse_vars(input, NULL, res);
}

static Oid
portlist_rettype(FunctionCallInfo fcinfo)
{
	Oid			typid = get_fn_expr_rettype(fcinfo->flinfo);

	return OidIsValid(typid) ? typid : get_func_rettype(fcinfo->flinfo->fn_oid);
}

/* parse_ports(text) -> portmultirange */
PG_FUNCTION_INFO_V1(portlist_parse_ports);
Datum
portlist_parse_ports(PG_FUNCTION_ARGS)
{
	Oid			mltrngtypoid = portlist_rettype(fcinfo);
	TypeCacheEntry *typcache = multirange_get_typcache(fcinfo, mltrngtypoid);
	fw_result	res;
	RangeType **ranges;
	size_t		i;

	portlist_parse_vars(PG_GETARG_TEXT_PP(0),
						PG_NARGS() > 1 ? PG_GETARG_JSONB_P(1) : NULL, &res);
	ranges = palloc(sizeof(RangeType *) * res.n);
	for (i = 0; i < res.n; i++)
		ranges[i] = port_make_interval(typcache->rngtype, res.iv[i].lo, res.iv[i].hi);
	PG_RETURN_MULTIRANGE_P(make_multirange(mltrngtypoid, typcache->rngtype,
										   (int32) res.n, ranges));
}

/* parse_portrange(text) -> portrange; the ports must be one range */
PG_FUNCTION_INFO_V1(portlist_parse_portrange);
Datum
portlist_parse_portrange(PG_FUNCTION_ARGS)
{
	text	   *input = PG_GETARG_TEXT_PP(0);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, portlist_rettype(fcinfo));
	fw_result	res;

	portlist_parse(input, &res);
	if (res.n != 1)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				errmsg("port list \"%s\" is not a single range",
					   port_shorten_input(VARDATA_ANY(input), VARSIZE_ANY_EXHDR(input))),
				errdetail("It has %zu separate ranges.", res.n),
				errhint("Use parse_ports() for a portmultirange."));
	PG_RETURN_RANGE_P(port_make_interval(typcache, res.iv[0].lo, res.iv[0].hi));
}

/* the style argument of to_firewall() */
static fw_style
portlist_style(text *style)
{
	char	   *s = text_to_cstring(style);

	if (pg_strcasecmp(s, "iptables") == 0)
		return FW_STYLE_IPTABLES;
	if (pg_strcasecmp(s, "nftables") == 0)
		return FW_STYLE_NFTABLES;
	if (pg_strcasecmp(s, "suricata") == 0)
		return FW_STYLE_SURICATA;
	if (pg_strcasecmp(s, "plain") == 0)
		return FW_STYLE_PLAIN;
	if (pg_strcasecmp(s, "ufw") == 0)
		return FW_STYLE_UFW;
	if (pg_strcasecmp(s, "pf") == 0)
		return FW_STYLE_PF;
	if (pg_strcasecmp(s, "cisco") == 0)
		return FW_STYLE_CISCO;
	if (pg_strcasecmp(s, "nmap") == 0)
		return FW_STYLE_NMAP;
	if (pg_strcasecmp(s, "firewalld") == 0 || pg_strcasecmp(s, "firehol") == 0 ||
		pg_strcasecmp(s, "docker") == 0 || pg_strcasecmp(s, "zeek") == 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("%s writes a protocol with every port", s),
				errhint("Use to_firewall(protocol, ports, '%s').", s));
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("unknown firewall syntax \"%s\"", port_shorten_input(s, strlen(s))),
			errhint("Known styles are iptables, nftables, suricata, plain, ufw, pf, cisco and nmap."));
	return FW_STYLE_PLAIN;		/* keep compiler quiet */
}

/* print intervals in a style; an empty set has no firewall syntax */
static text *
portlist_format(fw_interval *iv, size_t n, text *style_arg)
{
	fw_style	style = portlist_style(style_arg);
	size_t		need;
	char	   *buf;

	if (n == 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("an empty set of ports cannot be written in firewall syntax"));
	need = fw_format(iv, n, style, NULL, 0);
	if (need == 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("these ports cannot be written as one Cisco IOS port operator"),
				errdetail("One ACE takes eq with up to %d ports, range, lt, gt or neq.",
						  FW_CISCO_EQ_MAX),
				errhint("Write one ACE per range of to_firewall(ports, 'plain')."));
	buf = palloc(need + 1);
	fw_format(iv, n, style, buf, need + 1);
	return cstring_to_text_with_len(buf, (int) need);
}

/* the ports of a range as an fw_interval; false if empty */
static bool
portlist_interval(TypeCacheEntry *typcache, const RangeType *r, fw_interval *out)
{
	int32		lo;
	int32		hi;

	if (!port_range_interval(typcache, r, &lo, &hi))
		return false;
	out->lo = (uint16) lo;
	out->hi = (uint16) hi;
	return true;
}

/* to_firewall(portrange, style) */
PG_FUNCTION_INFO_V1(portlist_range_to_firewall);
Datum
portlist_range_to_firewall(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	fw_interval iv;
	size_t		n = portlist_interval(typcache, r, &iv) ? 1 : 0;

	PG_RETURN_TEXT_P(portlist_format(&iv, n, PG_GETARG_TEXT_PP(1)));
}

/* to_firewall(portmultirange, style) */
PG_FUNCTION_INFO_V1(portlist_multirange_to_firewall);
Datum
portlist_multirange_to_firewall(PG_FUNCTION_ARGS)
{
	MultirangeType *mr = PG_GETARG_MULTIRANGE_P(0);
	TypeCacheEntry *typcache = multirange_get_typcache(fcinfo, MultirangeTypeGetOid(mr));
	fw_interval *iv = palloc(sizeof(fw_interval) * Max(mr->rangeCount, 1));
	size_t		n = 0;
	uint32		i;

	for (i = 0; i < mr->rangeCount; i++)
	{
		RangeType  *r = multirange_get_range(typcache->rngtype, mr, i);

		if (portlist_interval(typcache->rngtype, r, &iv[n]))
			n++;
	}
	PG_RETURN_TEXT_P(portlist_format(iv, n, PG_GETARG_TEXT_PP(1)));
}
