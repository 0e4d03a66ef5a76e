/*-------------------------------------------------------------------------
 *
 * fwparse.h
 *	  Parser and printer for TCP/UDP port sets written in the syntax of
 *	  common firewall and IDS tools (iptables, nftables, pf, Cisco IOS
 *	  ACLs, Suricata/Snort).
 *
 * This module is plain C99 and depends on nothing but the standard
 * headers, so that it can be linked into the PostgreSQL extension and
 * also be compiled standalone for unit tests and fuzzing.  It has no
 * global mutable state and never calls malloc() itself: all memory is
 * obtained through a caller-supplied realloc-style callback.
 *
 * The accepted syntax is documented in doc/firewall-syntax.md.
 *
 * IDENTIFICATION
 *	  src/fwparse.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef FWPARSE_H
#define FWPARSE_H

#include <stddef.h>
#include <stdint.h>

/* Highest port number. */
#define FW_PORT_MAX 65535

/* Maximum nesting depth of [ ], { } and ( ) lists. */
#define FW_MAX_DEPTH 32

/* Maximum nesting of variables whose values use variables. */
#define FW_MAX_VAR_DEPTH 16

/* IOS accepts at most this many ports after "eq". */
#define FW_CISCO_EQ_MAX 10

/*
 * Service names longer than this are never passed to the lookup callback;
 * they are reported as unknown service names.
 */
#define FW_NAME_MAX 64

/* Size of the error message buffer in fw_result. */
#define FW_ERRMSG_SIZE 256

/*
 * An inclusive interval of ports.  Results are always normalized: sorted
 * by lo, disjoint and non-adjacent (iv[i].hi + 1 < iv[i + 1].lo).
 */
typedef struct fw_interval
{
	uint16_t	lo;
	uint16_t	hi;
} fw_interval;

/*
 * Service name lookup.  "name" is NOT NUL-terminated; it is "len" bytes
 * long (1 .. FW_NAME_MAX).  Return the port number (0..65535), or -1 if
 * the name is unknown.  Any other negative value is treated like -1; a
 * value above 65535 is reported as an out-of-range error.
 */
typedef int32_t (*fw_lookup_fn) (const char *name, size_t len, void *arg);

/*
 * Variable lookup for $NAME: "name" (without the "$", not NUL-terminated,
 * "len" bytes) -> return 1 and set *value / *vlen to the variable's text,
 * which is parsed as a port list of its own (it may refer to other
 * variables); return 0 if the variable is undefined.
 */
typedef int (*fw_var_fn) (const char *name, size_t len,
						  const char **value, size_t *vlen, void *arg);

/*
 * Memory allocator with realloc() semantics:
 *	fn(NULL, size, arg)  allocates "size" bytes (size > 0);
 *	fn(ptr, size, arg)   resizes ptr to "size" bytes (size > 0), returning
 *						 the possibly-moved block;
 *	fn(ptr, 0, arg)		 frees ptr and returns NULL.
 * Returning NULL for size > 0 means out of memory; the old block (if any)
 * must then be left untouched.  The callback may also not return at all
 * (e.g. PostgreSQL's palloc() raising an error): the parser holds no
 * resources other than memory obtained from this callback.
 */
typedef void *(*fw_realloc_fn) (void *ptr, size_t size, void *arg);

typedef enum fw_status
{
	FW_OK = 0,
	FW_ERR_SYNTAX,				/* malformed input */
	FW_ERR_RANGE,				/* a port number outside 0..65535 */
	FW_ERR_EMPTY,				/* well-formed, but matches no port */
	FW_ERR_NOMEM				/* allocator failed or was not supplied */
} fw_status;

typedef struct fw_result
{
	/* on success: normalized intervals, allocated with the allocator */
	fw_interval *iv;
	size_t		n;				/* number of intervals, >= 1 on success */

	fw_status	status;			/* same value fw_parse() returned */

	/* on failure: location of the offending token within the input */
	size_t		err_offset;
	size_t		err_len;
	/* NUL-terminated, printable ASCII only; "" on success */
	char		err_msg[FW_ERRMSG_SIZE];
} fw_result;

/* Output styles for fw_format(). */
typedef enum fw_style
{
	FW_STYLE_IPTABLES = 0,		/* 22,80,1024:65535    full set: 0:65535 */
	FW_STYLE_NFTABLES,			/* { 22, 80, 1024-65535 }  full: 0-65535 */
	FW_STYLE_SURICATA,			/* [22,80,1024:65535]  full set: any */
	FW_STYLE_PLAIN,				/* 22,80,1024-65535    full set: 0-65535 */
	FW_STYLE_UFW,				/* 22,80,1024:65535 (ufw's port list) */
	FW_STYLE_PF,				/* { 22 80 1024:65535 }, one item bare */
	FW_STYLE_CISCO,				/* eq 22 80 | range 1024 65535 | gt 1023 |
								 * lt 1024 | neq 22; other sets: nothing */
	FW_STYLE_NMAP				/* 22,80,1024-65535 (nmap -p) */
} fw_style;

/*
 * Parse "len" bytes at "s" (need not be NUL-terminated; bytes beyond
 * "len" are never read).  "lookup" may be NULL (service names are then
 * rejected).  "alloc" is required (NULL gives FW_ERR_NOMEM); "res"
 * receives the result or the error.  Returns res->status, or FW_ERR_NOMEM
 * without touching anything if "res" is NULL.
 *
 * On success res->iv must eventually be released with fw_result_free()
 * (or by whatever mechanism frees the allocator's memory wholesale).  On
 * failure res->iv is NULL and nothing needs to be freed.
 */
extern fw_status fw_parse(const char *s, size_t len,
						  fw_lookup_fn lookup, void *lookup_arg,
						  fw_realloc_fn alloc, void *alloc_arg,
						  fw_result *res);

/*
 * fw_parse() with variables ($HTTP_PORTS, [$HTTP_PORTS,110], !$X)
 * resolved through "vars" (may be NULL: every variable is undefined).
 */
extern fw_status fw_parse_vars(const char *s, size_t len,
							   fw_lookup_fn lookup, void *lookup_arg,
							   fw_var_fn vars, void *vars_arg,
							   fw_realloc_fn alloc, void *alloc_arg,
							   fw_result *res);

/* Release res->iv through the allocator and reset res->iv / res->n. */
extern void fw_result_free(fw_result *res,
						   fw_realloc_fn alloc, void *alloc_arg);

/*
 * Format a normalized set of "n" intervals into "buf" (of "buflen" bytes)
 * in the given style, snprintf-like: the output is always NUL-terminated
 * when buflen > 0, never overflows, and the return value is the length
 * the complete output has (excluding the NUL).  The set is complete iff
 * the return value is < buflen.
 *
 * Returns 0 (writing an empty string) when nothing can be printed: the set
 * is empty (none of the supported tools can express an empty port set),
 * the intervals are not normalized, or the style is unknown.  A non-empty
 * set always formats to at least one character.
 */
extern size_t fw_format(const fw_interval *iv, size_t n, fw_style style,
						char *buf, size_t buflen);

/*
 * Returns 1 if iv[0..n-1] is normalized (sorted, lo <= hi, disjoint and
 * non-adjacent), else 0.  An empty array is normalized.
 */
extern int	fw_is_normalized(const fw_interval *iv, size_t n);

/*
 * A ready-made allocator on top of the C library's realloc()/free(), for
 * standalone use.  "arg" is ignored.
 */
extern void *fw_std_realloc(void *ptr, size_t size, void *arg);

#endif							/* FWPARSE_H */
