/*-------------------------------------------------------------------------
 *
 * test_fwparse.c
 *	  Standalone unit tests for the firewall port-set parser and printer.
 *
 * Prints "ok NAME" or "not ok NAME" per test case, diagnostics on lines
 * starting with "#", and a final "N passed, N failed" line.  Exits with
 * status 1 if any case failed.
 *
 * Every input is copied into a heap buffer of exactly its length before
 * parsing, so that AddressSanitizer catches any read past the end.
 *
 * IDENTIFICATION
 *	  test/unit/test_fwparse.c
 *
 *-------------------------------------------------------------------------
 */
#include "fwparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int	n_passed = 0;
static int	n_failed = 0;
static const char *name_prefix = "";	/* argv[1], to tell builds apart */

/* ----------------------------------------------------------------
 *		Helpers
 * ----------------------------------------------------------------
 */

/* print a test name, escaping anything unprintable */
static void
print_name(const char *prefix, const char *name, size_t len)
{
	size_t		i;

	fputs(prefix, stdout);
	for (i = 0; i < len && i < 60; i++)
	{
		unsigned char c = (unsigned char) name[i];

		if (c >= 0x20 && c < 0x7f)
			putchar(c);
		else
			printf("\\x%02x", c);
	}
	if (len > 60)
		fputs("...", stdout);
}

static void
report(int ok, const char *kind, const char *name, size_t len)
{
	fputs(ok ? "ok " : "not ok ", stdout);
	print_name(name_prefix, kind, strlen(kind));
	if (name != NULL)
	{
		fputs(" \"", stdout);
		print_name("", name, len);
		putchar('"');
	}
	putchar('\n');
	if (ok)
		n_passed++;
	else
		n_failed++;
}

/* counting allocator, optionally failing the Nth call */
typedef struct test_alloc
{
	long		live;			/* blocks currently allocated */
	long		calls;			/* allocating calls so far */
	long		fail_at;		/* fail this allocating call (1-based), or 0 */
} test_alloc;

static void *
test_realloc(void *ptr, size_t size, void *arg)
{
	test_alloc *a = (test_alloc *) arg;
	void	   *res;

	if (size == 0)
	{
		if (ptr != NULL)
			a->live--;
		free(ptr);
		return NULL;
	}
	a->calls++;
	if (a->fail_at > 0 && a->calls == a->fail_at)
		return NULL;
	res = realloc(ptr, size);
	if (res != NULL && ptr == NULL)
		a->live++;
	return res;
}

typedef struct svc
{
	const char *name;
	int32_t		port;
} svc;

static const svc services[] = {
	{"ftp-data", 20},
	{"ftp", 21},
	{"ssh", 22},
	{"telnet", 23},
	{"smtp", 25},
	{"domain", 53},
	{"http", 80},
	{"www", 80},
	{"3com-tsmux", 106},
	{"https", 443},
	{"9pfs", 564},
	{"http-alt", 8080},
	{"x.y", 9999},
	{"my_svc", 7777},
	{"bigport", 70000},
	{"weird", -5},
	{NULL, 0}
};

static long lookup_calls = 0;

static int32_t
test_lookup(const char *name, size_t len, void *arg)
{
	int			i;

	(void) arg;
	lookup_calls++;
	if (len == 0 || len > FW_NAME_MAX)
	{
		printf("# lookup called with bad length %zu\n", len);
		n_failed++;
	}
	for (i = 0; services[i].name != NULL; i++)
	{
		if (strlen(services[i].name) == len &&
			memcmp(services[i].name, name, len) == 0)
			return services[i].port;
	}
	return -1;
}

/* parse a copy of s[0..len) in an exactly-sized heap buffer */
static fw_status
do_parse(const char *s, size_t len, fw_lookup_fn lookup, test_alloc *a,
		 fw_result *res)
{
	char	   *copy = malloc(len > 0 ? len : 1);
	fw_status	st;

	if (len > 0)
		memcpy(copy, s, len);
	st = fw_parse(copy, len, lookup, NULL, test_realloc, a, res);
	free(copy);
	return st;
}

/* check the invariants every result must satisfy */
static int
check_result_invariants(const fw_result *res, fw_status st, size_t len)
{
	size_t		i;

	if (res->status != st)
	{
		printf("# status mismatch: returned %d, res->status %d\n",
			   (int) st, (int) res->status);
		return 0;
	}
	if (st == FW_OK)
	{
		if (res->n == 0 || res->iv == NULL ||
			!fw_is_normalized(res->iv, res->n) || res->err_msg[0] != '\0')
		{
			printf("# bad success result\n");
			return 0;
		}
		return 1;
	}
	if (res->iv != NULL || res->n != 0)
	{
		printf("# failure with a result set\n");
		return 0;
	}
	if (res->err_offset > len || res->err_len > len - res->err_offset)
	{
		printf("# error location %zu+%zu outside input of %zu bytes\n",
			   res->err_offset, res->err_len, len);
		return 0;
	}
	if (res->err_msg[0] == '\0')
	{
		printf("# empty error message\n");
		return 0;
	}
	for (i = 0; res->err_msg[i] != '\0'; i++)
	{
		unsigned char c = (unsigned char) res->err_msg[i];

		if (c < 0x20 || c >= 0x7f || i >= FW_ERRMSG_SIZE - 1)
		{
			printf("# unprintable or unterminated error message\n");
			return 0;
		}
	}
	return 1;
}

/* format a result as plain text for comparisons */
static void
plain(const fw_interval *iv, size_t n, char *buf, size_t buflen)
{
	if (n == 0)
		snprintf(buf, buflen, "(empty)");
	else
		(void) fw_format(iv, n, FW_STYLE_PLAIN, buf, buflen);
}

/* ----------------------------------------------------------------
 *		Accepted forms
 * ----------------------------------------------------------------
 */

typedef struct valid_case
{
	const char *input;
	const char *expect;			/* FW_STYLE_PLAIN output */
	int			use_lookup;
} valid_case;

static const valid_case valid_cases[] = {
	/* single ports, leading zeros, whitespace */
	{"443", "443", 0},
	{"0", "0", 0},
	{"65535", "65535", 0},
	{"00080", "80", 0},
	{"000000000000000000000000000000080", "80", 0},
	{"  80  ", "80", 0},
	{"\t80\n", "80", 0},
	{"\r\n\v\f 22 \f", "22", 0},
	/* boundary values */
	{"1023", "1023", 0},
	{"1024", "1024", 0},
	{"49151", "49151", 0},
	{"49152", "49152", 0},
	{"0:1023", "0-1023", 0},
	{"1024:49151", "1024-49151", 0},
	{"49152:65535", "49152-65535", 0},
	{"65535:65535", "65535", 0},
	{"0-0", "0", 0},
	/* any */
	{"any", "0-65535", 0},
	{"ANY", "0-65535", 0},
	{"Any", "0-65535", 0},
	{"0:65535", "0-65535", 0},
	/* ranges */
	{"1024-65535", "1024-65535", 0},
	{"1024:65535", "1024-65535", 0},
	{"1024..2048", "1024-2048", 0},
	{"1024 - 65535", "1024-65535", 0},
	{" 1024 : 65535 ", "1024-65535", 0},
	{"1024 .. 2048", "1024-2048", 0},
	{"80-80", "80", 0},
	{"1024:", "1024-65535", 0},
	{"1024 :", "1024-65535", 0},
	{":1023", "0-1023", 0},
	{": 1023", "0-1023", 0},
	{"0:", "0-65535", 0},
	{":65535", "0-65535", 0},
	/* pf exclusive and except ranges */
	{"2000><2004", "2001-2003", 0},
	{"2000 >< 2004", "2001-2003", 0},
	{"0><2", "1", 0},
	{"2000<>2004", "0-1999,2005-65535", 0},
	{"2000 <> 2004", "0-1999,2005-65535", 0},
	{"0<>1023", "1024-65535", 0},
	{"1024<>65535", "0-1023", 0},
	{"5<>5", "0-4,6-65535", 0},
	{"{ 22, 1000><2000 }", "22,1001-1999", 0},
	{"!1000<>2000", "1000-2000", 0},
	/* Cisco IOS */
	{"range 1024 65535", "1024-65535", 0},
	{"RANGE 1 2", "1-2", 0},
	{"range 80 80", "80", 0},
	{"eq 80", "80", 0},
	{"eq 80 443 8080", "80,443,8080", 0},
	{"eq 1 2 3 4 5 6 7 8 9 10 11 12", "1-12", 0},
	{"Eq 80", "80", 0},
	{"gt 1023", "1024-65535", 0},
	{"gt 0", "1-65535", 0},
	{"gt 65534", "65535", 0},
	{"lt 1024", "0-1023", 0},
	{"lt 1", "0", 0},
	{"lt 65535", "0-65534", 0},
	{"neq 22", "0-21,23-65535", 0},
	{"neq 0", "1-65535", 0},
	{"neq 65535", "0-65534", 0},
	{"NEQ 80", "0-79,81-65535", 0},
	/* lists */
	{"22,80,443", "22,80,443", 0},
	{"80,81,82", "80-82", 0},
	{"22, 80 ,443", "22,80,443", 0},
	{"10,9,8", "8-10", 0},
	{"80,80", "80", 0},
	{"1:10,5:20", "1-20", 0},
	{"1:10,11:20", "1-20", 0},
	{"1:10,12:20", "1-10,12-20", 0},
	{"22,80,1024:65535", "22,80,1024-65535", 0},
	{"{ 80, 443, 8000-8100 }", "80,443,8000-8100", 0},
	{"{80}", "80", 0},
	{"{ 22 }", "22", 0},
	{"[80:82,443]", "80-82,443", 0},
	{"[80,[443,8443]]", "80,443,8443", 0},
	{"[80, {443, 8443}]", "80,443,8443", 0},
	{"[[[[80]]]]", "80", 0},
	{"[80],[443]", "80,443", 0},
	{"[1024:,22]", "22,1024-65535", 0},
	{"[:1023,8080]", "0-1023,8080", 0},
	/* negation */
	{"!80", "0-79,81-65535", 0},
	{"! 80", "0-79,81-65535", 0},
	{"!0", "1-65535", 0},
	{"!65535", "0-65534", 0},
	{"[1:1024,!22]", "1-21,23-1024", 0},
	{"[!22,1:1024]", "1-21,23-1024", 0},
	{"[!22,!23]", "0-21,24-65535", 0},
	{"!22,!23", "0-21,24-65535", 0},
	{"![80,443]", "0-79,81-442,444-65535", 0},
	{"!{80,443}", "0-79,81-442,444-65535", 0},
	{"!1:1023", "0,1024-65535", 0},
	{"!:1023", "1024-65535", 0},
	{"!1024:", "0-1023", 0},
	{"[80,!80,81]", "81", 0},
	{"[any,!22]", "0-21,23-65535", 0},
	{"![[1,!1]]", "0-65535", 0},
	{"[1:100,![2:99,!50]]", "1,50,100", 0},
	{"[1:100,[!2:99]]", "0-65535", 0},
	{"[80,[1,!1]]", "80", 0},
	{"![!80]", "80", 0},
	{"[1:10,!2,!4,!6,!8]", "1,3,5,7,9-10", 0},
	/* service names */
	{"https", "443", 1},
	{"ssh,http,https", "22,80,443", 1},
	{"ftp-data:ftp", "20-21", 1},
	{"ftp-data..ftp", "20-21", 1},
	{"ftp-data - ftp", "20-21", 1},
	{"http - https", "80-443", 1},
	{"3com-tsmux", "106", 1},
	{"9pfs", "564", 1},
	{"80-http-alt", "80-8080", 1},
	{"{ ssh, http }", "22,80", 1},
	{"[!ssh]", "0-21,23-65535", 1},
	{"eq www ftp", "21,80", 1},
	{"range ftp-data ftp", "20-21", 1},
	{"gt ssh", "23-65535", 1},
	{"x.y", "9999", 1},
	{"my_svc", "7777", 1},
	{"http:", "80-65535", 1},
	{":http", "0-80", 1},
	{"100:3com-tsmux", "100-106", 1},
	{"80,0443", "80,443", 1},
	{NULL, NULL, 0}
};

static void
test_valid(void)
{
	int			i;

	for (i = 0; valid_cases[i].input != NULL; i++)
	{
		const valid_case *c = &valid_cases[i];
		test_alloc	a = {0, 0, 0};
		fw_result	res;
		fw_status	st;
		char		got[512];
		size_t		len = strlen(c->input);
		int			ok;

		st = do_parse(c->input, len, c->use_lookup ? test_lookup : NULL,
					  &a, &res);
		ok = check_result_invariants(&res, st, len);
		if (st != FW_OK)
		{
			printf("# unexpected error: %s (offset %zu, len %zu)\n",
				   res.err_msg, res.err_offset, res.err_len);
			ok = 0;
		}
		else
		{
			plain(res.iv, res.n, got, sizeof(got));
			if (strcmp(got, c->expect) != 0)
			{
				printf("# expected %s, got %s\n", c->expect, got);
				ok = 0;
			}
		}
		fw_result_free(&res, test_realloc, &a);
		if (a.live != 0)
		{
			printf("# %ld blocks leaked\n", a.live);
			ok = 0;
		}
		report(ok, "valid", c->input, len);
	}
}

/* ----------------------------------------------------------------
 *		Error cases
 * ----------------------------------------------------------------
 */

typedef struct error_case
{
	const char *input;
	size_t		len;			/* 0 = strlen(input) */
	fw_status	status;
	size_t		offset;
	size_t		errlen;
	const char *msg;
	int			use_lookup;
} error_case;

#define E_SYN FW_ERR_SYNTAX
#define E_RNG FW_ERR_RANGE
#define E_EMP FW_ERR_EMPTY

static const error_case error_cases[] = {
	/* empty */
	{"", 0, E_SYN, 0, 0, "empty input", 0},
	{"   ", 0, E_SYN, 0, 3, "empty input", 0},
	{"{}", 0, E_SYN, 0, 2, "empty list \"{}\"", 0},
	{"[]", 0, E_SYN, 0, 2, "empty list \"[]\"", 0},
	{"[ ]", 0, E_SYN, 0, 3, "empty list \"[ ]\"", 0},
	{"80,{ }", 0, E_SYN, 3, 3, "empty list \"{ }\"", 0},
	/* reversed ranges */
	{"443-80", 0, E_SYN, 0, 6,
	"reversed range \"443-80\": lower bound is greater than upper bound", 0},
	{"443:80", 0, E_SYN, 0, 6,
	"reversed range \"443:80\": lower bound is greater than upper bound", 0},
	{"22, 443 .. 80", 0, E_SYN, 4, 9,
	"reversed range \"443 .. 80\": lower bound is greater than upper bound", 0},
	{"2004><2000", 0, E_SYN, 0, 10,
	"reversed range \"2004><2000\": lower bound is greater than upper bound", 0},
	{"2004<>2000", 0, E_SYN, 0, 10,
	"reversed range \"2004<>2000\": lower bound is greater than upper bound", 0},
	{"range 443 80", 0, E_SYN, 0, 12,
	"reversed range \"range 443 80\": lower bound is greater than upper bound", 0},
	{"https:http", 0, E_SYN, 0, 10,
	"reversed range \"https:http\": lower bound is greater than upper bound", 1},
	{"8080-http", 0, E_SYN, 0, 9,
	"reversed range \"8080-http\": lower bound is greater than upper bound", 1},
	/* out of range */
	{"65536", 0, E_RNG, 0, 5,
	"port number \"65536\" is out of range (0..65535)", 0},
	{"70000", 0, E_RNG, 0, 5,
	"port number \"70000\" is out of range (0..65535)", 0},
	{"123456789012345678901234567890", 0, E_RNG, 0, 30,
	"port number \"123456789012345678901234567890\" is out of range (0..65535)", 0},
	{"80:70000", 0, E_RNG, 3, 5,
	"port number \"70000\" is out of range (0..65535)", 0},
	{"65535:65536", 0, E_RNG, 6, 5,
	"port number \"65536\" is out of range (0..65535)", 0},
	{"[1,99999]", 0, E_RNG, 3, 5,
	"port number \"99999\" is out of range (0..65535)", 0},
	{"eq 80 65536", 0, E_RNG, 6, 5,
	"port number \"65536\" is out of range (0..65535)", 0},
	{"-80", 0, E_RNG, 0, 3,
	"port number \"-80\" is out of range (0..65535)", 0},
	{"80,-1", 0, E_RNG, 3, 2,
	"port number \"-1\" is out of range (0..65535)", 0},
	{"80:-5", 0, E_RNG, 3, 2,
	"port number \"-5\" is out of range (0..65535)", 0},
	{"bigport", 0, E_RNG, 0, 7,
	"service name \"bigport\" resolves to port 70000, which is out of range (0..65535)", 1},
	/* trailing garbage, missing separators */
	{"80abc", 0, E_SYN, 2, 3, "unexpected \"abc\" after \"80\"", 0},
	{"80abc", 0, E_SYN, 2, 3, "unexpected \"abc\" after \"80\"", 1},
	{"80 443", 0, E_SYN, 3, 3, "unexpected \"443\" after \"80\"", 0},
	{"[80 443]", 0, E_SYN, 4, 3, "unexpected \"443\" after \"80\"", 0},
	{"80 http", 0, E_SYN, 3, 4, "unexpected \"http\" after \"80\"", 1},
	{"1-2-3", 0, E_SYN, 3, 1, "unexpected \"-\" after \"2\"", 0},
	{"1:2:3", 0, E_SYN, 3, 1, "unexpected \":\" after \"2\"", 0},
	{"0x50", 0, E_SYN, 1, 3, "unexpected \"x50\" after \"0\"", 0},
	{"1e3", 0, E_SYN, 1, 2, "unexpected \"e3\" after \"1\"", 1},
	{"1.5", 0, E_SYN, 1, 1, "unexpected \".\" after \"1\"", 0},
	{"80;", 0, E_SYN, 2, 1, "unexpected \";\" after \"80\"", 0},
	{"any 80", 0, E_SYN, 4, 2, "unexpected \"80\" after \"any\"", 0},
	{"any:80", 0, E_SYN, 3, 1, "unexpected \":\" after \"any\"", 0},
	{"80:any", 0, E_SYN, 3, 3, "unexpected \"any\" after \":\"", 0},
	{"gt 1023 1024", 0, E_SYN, 8, 4, "unexpected \"1024\" after \"1023\"", 0},
	{"eq 80,443", 0, E_SYN, 5, 1, "unexpected \",\" after \"80\"", 0},
	{"range 1 2 3", 0, E_SYN, 10, 1, "unexpected \"3\" after \"2\"", 0},
	/* separators */
	{",80", 0, E_SYN, 0, 1, "unexpected \",\" at start of input", 0},
	{"80,", 0, E_SYN, 2, 1, "missing port after \",\"", 0},
	{"80,,443", 0, E_SYN, 3, 1, "unexpected \",\" after \",\"", 0},
	{"[80,]", 0, E_SYN, 4, 1, "unexpected \"]\" after \",\"", 0},
	{"[,80]", 0, E_SYN, 1, 1, "unexpected \",\" after \"[\"", 0},
	{"80-", 0, E_SYN, 2, 1, "missing port after \"-\"", 0},
	{"80 - ", 0, E_SYN, 3, 1, "missing port after \"-\"", 0},
	{"80..", 0, E_SYN, 2, 2, "missing port after \"..\"", 0},
	{"80><", 0, E_SYN, 2, 2, "missing port after \"><\"", 0},
	{":", 0, E_SYN, 0, 1, "missing port after \":\"", 0},
	{"!", 0, E_SYN, 0, 1, "missing port after \"!\"", 0},
	{"80,!", 0, E_SYN, 3, 1, "missing port after \"!\"", 0},
	{"!!80", 0, E_SYN, 1, 1, "unexpected \"!\" after \"!\"", 0},
	{"eq", 0, E_SYN, 0, 2, "missing port after \"eq\"", 0},
	{"range 1", 0, E_SYN, 6, 1, "missing port after \"1\"", 0},
	{"- 80", 0, E_SYN, 0, 1, "unexpected \"-\" at start of input", 0},
	{"80:,", 0, E_SYN, 3, 1, "missing port after \",\"", 0},
	/* brackets */
	{"[80", 0, E_SYN, 0, 1, "unbalanced \"[\"", 0},
	{"[", 0, E_SYN, 0, 1, "unbalanced \"[\"", 0},
	{"{", 0, E_SYN, 0, 1, "unbalanced \"{\"", 0},
	{"[80,443", 0, E_SYN, 0, 1, "unbalanced \"[\"", 0},
	{"[80,[443]", 0, E_SYN, 0, 1, "unbalanced \"[\"", 0},
	{"80]", 0, E_SYN, 2, 1, "unbalanced \"]\"", 0},
	{"80}", 0, E_SYN, 2, 1, "unbalanced \"}\"", 0},
	{"[80]]", 0, E_SYN, 4, 1, "unbalanced \"]\"", 0},
	{"]", 0, E_SYN, 0, 1, "unexpected \"]\" at start of input", 0},
	{"gt 80]", 0, E_SYN, 5, 1, "unbalanced \"]\"", 0},
	{"{80]", 0, E_SYN, 3, 1,
	"mismatched \"]\" (expected \"}\" to close \"{\")", 0},
	{"[80}", 0, E_SYN, 3, 1,
	"mismatched \"}\" (expected \"]\" to close \"[\")", 0},
	{"{80,[443}]", 0, E_SYN, 8, 1,
	"mismatched \"}\" (expected \"]\" to close \"[\")", 0},
	/* bad characters and tokens */
	{"*", 0, E_SYN, 0, 1, "unexpected \"*\" at start of input", 0},
	{"+80", 0, E_SYN, 0, 1, "unexpected \"+\" at start of input", 0},
	/* variables are resolved only through fw_parse_vars() */
	{"$HTTP_PORTS", 0, E_SYN, 0, 11, "undefined variable \"$HTTP_PORTS\"", 0},
	{"$", 0, E_SYN, 0, 1, "unexpected \"$\" at start of input", 0},
	{"(80", 0, E_SYN, 0, 1, "unbalanced \"(\"", 0},
	{"_foo", 0, E_SYN, 0, 4, "unexpected \"_foo\" at start of input", 1},
	{"80\"", 0, E_SYN, 2, 1, "unexpected \"\\\"\" after \"80\"", 0},
	{"80\\", 0, E_SYN, 2, 1, "unexpected \"\\\\\" after \"80\"", 0},
	{"80\xc3\xa9", 0, E_SYN, 2, 2, "unexpected \"\\xc3\\xa9\" after \"80\"", 0},
	{"80\x01", 0, E_SYN, 2, 1, "unexpected \"\\x01\" after \"80\"", 0},
	{"80\0" "443", 6, E_SYN, 2, 1, "unexpected \"\\x00\" after \"80\"", 0},
	{"80>", 0, E_SYN, 2, 1, "unexpected \">\" after \"80\"", 0},
	{"80<", 0, E_SYN, 2, 1, "unexpected \"<\" after \"80\"", 0},
	{"80...90", 0, E_SYN, 4, 1, "unexpected \".\" after \"..\"", 0},
	{"80,eq 443", 0, E_SYN, 3, 2,
	"\"eq\" is only allowed at the start of the expression", 0},
	{"[gt 5]", 0, E_SYN, 1, 2,
	"\"gt\" is only allowed at the start of the expression", 0},
	{"!neq 5", 0, E_SYN, 1, 3,
	"\"neq\" is only allowed at the start of the expression", 0},
	/* service names */
	{"htps", 0, E_SYN, 0, 4, "unknown service name \"htps\"", 1},
	{"https", 0, E_SYN, 0, 5, "unknown service name \"https\"", 0},
	{"HTTPS", 0, E_SYN, 0, 5, "unknown service name \"HTTPS\"", 1},
	{"weird", 0, E_SYN, 0, 5, "unknown service name \"weird\"", 1},
	{"80:htps", 0, E_SYN, 3, 4, "unknown service name \"htps\"", 1},
	{"ftp-data-ftp", 0, E_SYN, 0, 12, "unknown service name \"ftp-data-ftp\"", 1},
	{"range ftp htps", 0, E_SYN, 10, 4, "unknown service name \"htps\"", 1},
	{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0,
		E_SYN, 0, 65,
	"unknown service name \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\"", 1},
	{"80aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		0, E_SYN, 2, 98,
	"unexpected \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" after \"80\"", 1},
	/* sets matching no port */
	{"!any", 0, E_EMP, 0, 4, "\"!any\" matches no port", 0},
	{" [1:10,!1:10] ", 0, E_EMP, 1, 12, "\"[1:10,!1:10]\" matches no port", 0},
	{"[[1,!1],!5]", 0, E_EMP, 0, 11, "\"[[1,!1],!5]\" matches no port", 0},
	{"!0:65535", 0, E_EMP, 0, 8, "\"!0:65535\" matches no port", 0},
	{"80,!any", 0, E_EMP, 0, 7, "\"80,!any\" matches no port", 0},
	{"gt 65535", 0, E_EMP, 0, 8, "\"gt 65535\" matches no port", 0},
	{"lt 0", 0, E_EMP, 0, 4, "\"lt 0\" matches no port", 0},
	{"2000><2001", 0, E_EMP, 0, 10, "range \"2000><2001\" contains no port", 0},
	{"80,5><5", 0, E_EMP, 3, 4, "range \"5><5\" contains no port", 0},
	{"0<>65535", 0, E_EMP, 0, 8, "range \"0<>65535\" contains no port", 0},
	/* the length is respected: these are prefixes of longer strings */
	{"1024:65535", 6, E_SYN, 0, 6,
	"reversed range \"1024:6\": lower bound is greater than upper bound", 0},
	{"80,443", 3, E_SYN, 2, 1, "missing port after \",\"", 0},
	{"[80]", 3, E_SYN, 0, 1, "unbalanced \"[\"", 0},
	{"..", 1, E_SYN, 0, 1, "unexpected \".\" at start of input", 0},
	{"<>", 1, E_SYN, 0, 1, "unexpected \"<\" at start of input", 0},
	{NULL, 0, FW_OK, 0, 0, NULL, 0}
};

static int
check_error(const char *input, size_t len, fw_lookup_fn lookup,
			fw_status status, size_t offset, size_t errlen, const char *msg)
{
	test_alloc	a = {0, 0, 0};
	fw_result	res;
	fw_status	st;
	int			ok;

	st = do_parse(input, len, lookup, &a, &res);
	ok = check_result_invariants(&res, st, len);
	if (st != status)
	{
		printf("# expected status %d, got %d (%s)\n", (int) status,
			   (int) st, res.err_msg);
		ok = 0;
	}
	else
	{
		if (res.err_offset != offset || res.err_len != errlen)
		{
			printf("# expected location %zu+%zu, got %zu+%zu\n",
				   offset, errlen, res.err_offset, res.err_len);
			ok = 0;
		}
		if (msg != NULL && strcmp(res.err_msg, msg) != 0)
		{
			printf("# expected message: %s\n#      got message: %s\n",
				   msg, res.err_msg);
			ok = 0;
		}
	}
	fw_result_free(&res, test_realloc, &a);
	if (a.live != 0)
	{
		printf("# %ld blocks leaked\n", a.live);
		ok = 0;
	}
	return ok;
}

static void
test_errors(void)
{
	int			i;

	for (i = 0; error_cases[i].input != NULL; i++)
	{
		const error_case *c = &error_cases[i];
		size_t		len = c->len ? c->len : strlen(c->input);

		report(check_error(c->input, len, c->use_lookup ? test_lookup : NULL,
						   c->status, c->offset, c->errlen, c->msg),
			   "error", c->input, len);
	}
}

/* nesting limit: 32 levels are fine, 33 are not */
static void
test_nesting(void)
{
	char		buf[200];
	int			d;
	int			ok;

	for (d = FW_MAX_DEPTH; d <= FW_MAX_DEPTH + 1; d++)
	{
		size_t		n = 0;
		int			i;
		test_alloc	a = {0, 0, 0};
		fw_result	res;
		fw_status	st;

		for (i = 0; i < d; i++)
			buf[n++] = (i % 2) ? '{' : '[';
		buf[n++] = '8';
		buf[n++] = '0';
		for (i = d - 1; i >= 0; i--)
			buf[n++] = (i % 2) ? '}' : ']';
		if (d == FW_MAX_DEPTH)
		{
			st = do_parse(buf, n, NULL, &a, &res);
			ok = check_result_invariants(&res, st, n) && st == FW_OK &&
				res.n == 1 && res.iv[0].lo == 80 && res.iv[0].hi == 80;
			fw_result_free(&res, test_realloc, &a);
			report(ok && a.live == 0, "nesting 32 levels accepted", NULL, 0);
		}
		else
			report(check_error(buf, n, NULL, FW_ERR_SYNTAX, FW_MAX_DEPTH, 1,
							   "lists nested too deeply (more than 32 levels)"),
				   "nesting 33 levels rejected", NULL, 0);
	}

	/* negated lists count too */
	{
		size_t		n = 0;
		int			i;

		for (i = 0; i <= FW_MAX_DEPTH; i++)
		{
			buf[n++] = '!';
			buf[n++] = '[';
		}
		buf[n++] = '1';
		for (i = 0; i <= FW_MAX_DEPTH; i++)
			buf[n++] = ']';
		report(check_error(buf, n, NULL, FW_ERR_SYNTAX, 2 * FW_MAX_DEPTH + 1,
						   1, "lists nested too deeply (more than 32 levels)"),
			   "nesting 33 negated levels rejected", NULL, 0);
	}

	/* a very deep input fails at the limit without recursing further */
	{
		size_t		n = 1000000;
		char	   *big = malloc(n);

		memset(big, '[', n);
		report(check_error(big, n, NULL, FW_ERR_SYNTAX, FW_MAX_DEPTH, 1,
						   NULL), "nesting 1e6 levels rejected", NULL, 0);
		free(big);
	}
}

/* ----------------------------------------------------------------
 *		Miscellaneous API behaviour
 * ----------------------------------------------------------------
 */

static void
test_api(void)
{
	fw_result	res;
	test_alloc	a = {0, 0, 0};
	fw_status	st;
	long		before;
	int			ok;

	/* no allocator */
	st = fw_parse("80", 2, NULL, NULL, NULL, NULL, &res);
	report(st == FW_ERR_NOMEM && res.status == FW_ERR_NOMEM &&
		   res.iv == NULL && strcmp(res.err_msg, "no allocator supplied") == 0,
		   "api NULL allocator", NULL, 0);

	/* NULL input with zero length */
	st = fw_parse(NULL, 0, NULL, NULL, test_realloc, &a, &res);
	report(st == FW_ERR_SYNTAX && strcmp(res.err_msg, "empty input") == 0 &&
		   a.live == 0, "api NULL input", NULL, 0);

	/* NULL result */
	report(fw_parse("80", 2, NULL, NULL, test_realloc, &a, NULL) ==
		   FW_ERR_NOMEM, "api NULL result", NULL, 0);

	/* a simple input needs exactly one allocation: the result */
	a.calls = 0;
	st = fw_parse("1024:65535", 10, NULL, NULL, test_realloc, &a, &res);
	ok = (st == FW_OK && a.live == 1 &&
		  (a.calls == 1 || name_prefix[0] != '\0'));
	fw_result_free(&res, test_realloc, &a);
	report(ok && a.live == 0 && res.iv == NULL && res.n == 0,
		   "api simple input allocates once", NULL, 0);

	/* keywords and plain numbers never reach the lookup callback */
	before = lookup_calls;
	st = fw_parse("eq 80 443,any", 13, test_lookup, NULL, test_realloc, &a,
				  &res);
	fw_result_free(&res, test_realloc, &a);
	st = fw_parse("[1:1024,!22]", 12, test_lookup, NULL, test_realloc, &a,
				  &res);
	fw_result_free(&res, test_realloc, &a);
	report(lookup_calls == before, "api no lookup for numbers and keywords",
		   NULL, 0);

	/* fw_std_realloc works as an allocator */
	st = fw_parse("80,81", 5, NULL, NULL, fw_std_realloc, NULL, &res);
	ok = (st == FW_OK && res.n == 1 && res.iv[0].lo == 80 &&
		  res.iv[0].hi == 81);
	fw_result_free(&res, fw_std_realloc, NULL);
	report(ok, "api fw_std_realloc", NULL, 0);

	/* fw_is_normalized */
	{
		fw_interval good[] = {{0, 5}, {7, 9}, {11, 65535}};
		fw_interval adjacent[] = {{0, 5}, {6, 9}};
		fw_interval overlap[] = {{0, 5}, {5, 9}};
		fw_interval unsorted[] = {{10, 20}, {0, 5}};
		fw_interval reversed[] = {{5, 0}};

		report(fw_is_normalized(good, 3) && fw_is_normalized(good, 0) &&
			   fw_is_normalized(NULL, 0) && !fw_is_normalized(NULL, 1) &&
			   !fw_is_normalized(adjacent, 2) &&
			   !fw_is_normalized(overlap, 2) &&
			   !fw_is_normalized(unsorted, 2) &&
			   !fw_is_normalized(reversed, 1),
			   "api fw_is_normalized", NULL, 0);
	}
}

/* every allocation can fail; failure is clean and reported as NOMEM */
static void
test_nomem(void)
{
	char		buf[4096];
	size_t		n = 0;
	int			i;
	long		k;
	int			ok = 1;
	int			succeeded = 0;

	/* enough items to spill both stacks to the heap */
	n += (size_t) snprintf(buf + n, sizeof(buf) - n, "[");
	for (i = 0; i < 200; i++)
		n += (size_t) snprintf(buf + n, sizeof(buf) - n, "%d,!%d,",
							   i * 7, i * 7 + 3);
	n += (size_t) snprintf(buf + n, sizeof(buf) - n, "9999]");

	for (k = 1; k < 100 && !succeeded; k++)
	{
		test_alloc	a = {0, 0, 0};
		fw_result	res;
		fw_status	st;

		a.fail_at = k;
		st = do_parse(buf, n, NULL, &a, &res);
		if (st == FW_OK)
			succeeded = 1;
		else if (st != FW_ERR_NOMEM ||
				 strcmp(res.err_msg, "out of memory") != 0 || res.iv != NULL)
		{
			printf("# fail_at %ld: status %d: %s\n", k, (int) st,
				   res.err_msg);
			ok = 0;
		}
		fw_result_free(&res, test_realloc, &a);
		if (a.live != 0)
		{
			printf("# fail_at %ld: %ld blocks leaked\n", k, a.live);
			ok = 0;
		}
	}
	report(ok && succeeded && k > 3, "nomem every allocation may fail",
		   NULL, 0);
}

/* ----------------------------------------------------------------
 *		Printer
 * ----------------------------------------------------------------
 */

typedef struct format_case
{
	const char *set;			/* parsed to get the intervals */
	const char *iptables;
	const char *nftables;
	const char *suricata;
	const char *plain;
} format_case;

static const format_case format_cases[] = {
	{"80", "80", "80", "80", "80"},
	{"0", "0", "0", "0", "0"},
	{"65535", "65535", "65535", "65535", "65535"},
	{"1024:65535", "1024:65535", "1024-65535", "1024:65535", "1024-65535"},
	{"any", "0:65535", "0-65535", "any", "0-65535"},
	{"22,80,1024:65535", "22,80,1024:65535", "{ 22, 80, 1024-65535 }",
	"[22,80,1024:65535]", "22,80,1024-65535"},
	{"!22", "0:21,23:65535", "{ 0-21, 23-65535 }", "[0:21,23:65535]",
	"0-21,23-65535"},
	{"0,65535", "0,65535", "{ 0, 65535 }", "[0,65535]", "0,65535"},
	{NULL, NULL, NULL, NULL, NULL}
};

static void
test_format(void)
{
	static const fw_style styles[] = {FW_STYLE_IPTABLES, FW_STYLE_NFTABLES,
	FW_STYLE_SURICATA, FW_STYLE_PLAIN};
	static const char *const style_names[] = {"iptables", "nftables",
	"suricata", "plain"};
	int			i;
	int			s;
	char		buf[256];
	char		name[128];

	for (i = 0; format_cases[i].set != NULL; i++)
	{
		const format_case *c = &format_cases[i];
		const char *expect[4];
		fw_result	res;
		test_alloc	a = {0, 0, 0};

		expect[0] = c->iptables;
		expect[1] = c->nftables;
		expect[2] = c->suricata;
		expect[3] = c->plain;
		if (fw_parse(c->set, strlen(c->set), NULL, NULL, test_realloc, &a,
					 &res) != FW_OK)
		{
			report(0, "format parse", c->set, strlen(c->set));
			continue;
		}
		for (s = 0; s < 4; s++)
		{
			size_t		need = fw_format(res.iv, res.n, styles[s], buf,
										 sizeof(buf));
			int			ok = (need == strlen(expect[s]) &&
							  strcmp(buf, expect[s]) == 0);

			if (!ok)
				printf("# expected %s, got %s (%zu)\n", expect[s], buf, need);
			snprintf(name, sizeof(name), "format %s", style_names[s]);
			report(ok, name, c->set, strlen(c->set));
		}
		fw_result_free(&res, test_realloc, &a);
	}

	/* empty set, unnormalized input, unknown style */
	{
		fw_interval bad[] = {{10, 20}, {15, 30}};
		fw_interval one[] = {{80, 80}};

		strcpy(buf, "junk");
		report(fw_format(NULL, 0, FW_STYLE_PLAIN, buf, sizeof(buf)) == 0 &&
			   buf[0] == '\0', "format empty set", NULL, 0);
		strcpy(buf, "junk");
		report(fw_format(bad, 2, FW_STYLE_PLAIN, buf, sizeof(buf)) == 0 &&
			   buf[0] == '\0', "format unnormalized set", NULL, 0);
		strcpy(buf, "junk");
		report(fw_format(one, 1, (fw_style) 42, buf, sizeof(buf)) == 0 &&
			   buf[0] == '\0', "format unknown style", NULL, 0);
	}

	/* snprintf-like truncation */
	{
		fw_interval iv[] = {{22, 22}, {80, 80}, {1024, 65535}};
		const char *full = "{ 22, 80, 1024-65535 }";
		size_t		len = strlen(full);
		size_t		bl;
		int			ok = 1;

		if (fw_format(iv, 3, FW_STYLE_NFTABLES, NULL, 0) != len)
			ok = 0;
		for (bl = 1; bl <= len + 1; bl++)
		{
			char		small[64];

			memset(small, 'X', sizeof(small));
			if (fw_format(iv, 3, FW_STYLE_NFTABLES, small, bl) != len ||
				strlen(small) != bl - 1 ||
				strncmp(small, full, bl - 1) != 0 || small[bl] != 'X')
			{
				printf("# truncation failed for buflen %zu: %s\n", bl, small);
				ok = 0;
			}
		}
		report(ok, "format truncation", NULL, 0);
	}
}

/* ----------------------------------------------------------------
 *		Bitmap reference and randomized tests
 * ----------------------------------------------------------------
 */

#define BM_WORDS (65536 / 64)

typedef struct bitmap
{
	uint64_t	w[BM_WORDS];
} bitmap;

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t) (rng_state >> 16);
}

static uint32_t
rnd_below(uint32_t n)
{
	return n ? rnd() % n : 0;
}

static void
bm_clear(bitmap *b)
{
	memset(b, 0, sizeof(*b));
}

static void
bm_fill(bitmap *b)
{
	memset(b, 0xff, sizeof(*b));
}

static void
bm_set_range(bitmap *b, uint32_t lo, uint32_t hi)
{
	uint32_t	p;

	for (p = lo; p <= hi; p++)
		b->w[p >> 6] |= (uint64_t) 1 << (p & 63);
}

static int
bm_get(const bitmap *b, uint32_t p)
{
	return (int) ((b->w[p >> 6] >> (p & 63)) & 1);
}

static int
bm_is_empty(const bitmap *b)
{
	int			i;

	for (i = 0; i < BM_WORDS; i++)
		if (b->w[i])
			return 0;
	return 1;
}

/* intervals of a bitmap; returns the count */
static size_t
bm_to_intervals(const bitmap *b, fw_interval *out)
{
	size_t		n = 0;
	uint32_t	p = 0;

	while (p <= 65535)
	{
		uint32_t	q;

		if (!bm_get(b, p))
		{
			p++;
			continue;
		}
		q = p;
		while (q < 65535 && bm_get(b, q + 1))
			q++;
		out[n].lo = (uint16_t) p;
		out[n].hi = (uint16_t) q;
		n++;
		p = q + 1;
	}
	return n;
}

static int
bm_equals_intervals(const bitmap *b, const fw_interval *iv, size_t n)
{
	bitmap		other;
	size_t		i;

	bm_clear(&other);
	for (i = 0; i < n; i++)
		bm_set_range(&other, iv[i].lo, iv[i].hi);
	return memcmp(b, &other, sizeof(other)) == 0;
}

/* random set with a random structure */
static void
random_set(bitmap *b)
{
	uint32_t	kind = rnd_below(6);
	uint32_t	i;
	uint32_t	count;

	bm_clear(b);
	switch (kind)
	{
		case 0:					/* a few random ports */
			count = 1 + rnd_below(20);
			for (i = 0; i < count; i++)
			{
				uint32_t	p = rnd_below(65536);

				bm_set_range(b, p, p);
			}
			break;
		case 1:					/* a few random ranges */
			count = 1 + rnd_below(10);
			for (i = 0; i < count; i++)
			{
				uint32_t	lo = rnd_below(65536);
				uint32_t	hi = lo + rnd_below(65536 - lo);

				bm_set_range(b, lo, hi < lo + 5000 ? hi : lo + 5000);
			}
			break;
		case 2:					/* dense random bits */
			for (i = 0; i < BM_WORDS; i++)
				b->w[i] = ((uint64_t) rnd() << 32) ^ rnd() ^
					((uint64_t) rnd() << 16);
			break;
		case 3:					/* near the edges */
			bm_set_range(b, 0, rnd_below(3));
			bm_set_range(b, 65535 - rnd_below(3), 65535);
			if (rnd_below(2))
				bm_set_range(b, 1023, 1024);
			break;
		case 4:					/* everything but a few ports */
			bm_fill(b);
			count = rnd_below(5);
			for (i = 0; i < count; i++)
			{
				uint32_t	p = rnd_below(65536);

				b->w[p >> 6] &= ~((uint64_t) 1 << (p & 63));
			}
			break;
		default:				/* alternating ports in a window */
			{
				uint32_t	lo = rnd_below(60000);
				uint32_t	step = 2 + rnd_below(3);

				for (i = lo; i < lo + 5000; i += step)
					bm_set_range(b, i, i);
			}
			break;
	}
	if (bm_is_empty(b))
		bm_set_range(b, 443, 443);
}

static fw_interval scratch_iv[32768];

/* format every random set in every style and parse it back */
static void
test_roundtrip(void)
{
	static const fw_style styles[] = {FW_STYLE_IPTABLES, FW_STYLE_NFTABLES,
	FW_STYLE_SURICATA, FW_STYLE_PLAIN};
	static bitmap b;
	size_t		bufsize = 32768 * 14 + 16;
	char	   *buf = malloc(bufsize);
	int			iter;
	int			ok = 1;
	int			checked = 0;

	for (iter = 0; iter < 1500 && ok; iter++)
	{
		size_t		n;
		int			s;

		random_set(&b);
		n = bm_to_intervals(&b, scratch_iv);
		for (s = 0; s < 4; s++)
		{
			size_t		len = fw_format(scratch_iv, n, styles[s], buf, bufsize);
			test_alloc	a = {0, 0, 0};
			fw_result	res;
			fw_status	st;

			if (len == 0 || len >= bufsize || strlen(buf) != len)
			{
				printf("# format failed, style %d, %zu intervals\n", s, n);
				ok = 0;
				break;
			}
			st = do_parse(buf, len, NULL, &a, &res);
			if (st != FW_OK || !bm_equals_intervals(&b, res.iv, res.n) ||
				res.n != n)
			{
				printf("# round trip failed, style %d: %.60s... %s\n", s,
					   buf, res.err_msg);
				ok = 0;
			}
			fw_result_free(&res, test_realloc, &a);
			if (a.live != 0)
				ok = 0;
			checked++;
		}
	}
	/* the maximal set: every second port */
	{
		size_t		n = 0;
		uint32_t	p;
		int			s;

		for (p = 0; p <= 65535; p += 2)
		{
			scratch_iv[n].lo = scratch_iv[n].hi = (uint16_t) p;
			n++;
		}
		for (s = 0; s < 4; s++)
		{
			size_t		len = fw_format(scratch_iv, n, styles[s], buf, bufsize);
			test_alloc	a = {0, 0, 0};
			fw_result	res;

			if (do_parse(buf, len, NULL, &a, &res) != FW_OK ||
				res.n != n ||
				memcmp(res.iv, scratch_iv, n * sizeof(fw_interval)) != 0)
				ok = 0;
			fw_result_free(&res, test_realloc, &a);
			checked++;
		}
	}
	printf("# %d round trips checked\n", checked);
	free(buf);
	report(ok, "roundtrip random sets in all styles", NULL, 0);
}

/*
 * Random expressions: a tiny generator builds an expression tree, prints
 * it in a random mix of the accepted syntaxes and evaluates it directly
 * over bitmaps; the parser must agree.
 */
typedef struct gen
{
	char	   *buf;
	size_t		n;
	size_t		cap;
} gen;

static void
gen_str(gen *g, const char *s)
{
	size_t		l = strlen(s);

	if (g->n + l + 1 < g->cap)
	{
		memcpy(g->buf + g->n, s, l);
		g->n += l;
		g->buf[g->n] = '\0';
	}
}

static void
gen_ws(gen *g)
{
	static const char *const ws[] = {"", "", "", " ", "  ", "\t", "\n"};

	gen_str(g, ws[rnd_below(7)]);
}

/* a port, written as a number (maybe with leading zeros) or a name */
static void
gen_port(gen *g, uint32_t p, int names)
{
	char		tmp[32];
	int			i;

	if (names && rnd_below(3) == 0)
	{
		for (i = 0; services[i].name != NULL; i++)
		{
			if (services[i].port == (int32_t) p && rnd_below(2) == 0)
			{
				gen_str(g, services[i].name);
				return;
			}
		}
	}
	if (rnd_below(8) == 0)
		snprintf(tmp, sizeof(tmp), "%0*u", (int) (1 + rnd_below(8)), p);
	else
		snprintf(tmp, sizeof(tmp), "%u", p);
	gen_str(g, tmp);
}

static uint32_t
gen_random_port(void)
{
	static const uint32_t interesting[] = {0, 1, 20, 21, 22, 80, 106, 443,
	564, 1023, 1024, 8080, 9999, 49151, 49152, 65534, 65535};

	switch (rnd_below(3))
	{
		case 0:
			return interesting[rnd_below(sizeof(interesting) /
										 sizeof(interesting[0]))];
		case 1:
			return rnd_below(100);
		default:
			return rnd_below(65536);
	}
}

static int	gen_list(gen *g, bitmap *out, int depth, int names, int top);

/* one item; sets *neg and fills "val" with the item's own value */
static void
gen_item(gen *g, bitmap *val, int *neg, int depth, int names)
{
	uint32_t	kind = rnd_below(depth < 4 ? 10 : 8);
	uint32_t	lo = gen_random_port();
	uint32_t	hi = gen_random_port();

	*neg = (rnd_below(4) == 0);
	if (*neg)
	{
		gen_str(g, "!");
		gen_ws(g);
	}
	if (lo > hi)
	{
		uint32_t	t = lo;

		lo = hi;
		hi = t;
	}
	bm_clear(val);
	switch (kind)
	{
		case 0:
		case 1:
		case 2:
			gen_port(g, lo, names);
			bm_set_range(val, lo, lo);
			break;
		case 3:
			{
				static const char *const ops[] = {"-", ":", ".."};
				const char *op = ops[rnd_below(3)];
				size_t		start = g->n;

				gen_port(g, lo, names);
				/* a name followed by "-" would absorb it: need a blank */
				if (op[0] == '-' && g->n > start &&
					!(g->buf[g->n - 1] >= '0' && g->buf[g->n - 1] <= '9'))
					gen_str(g, " ");
				gen_ws(g);
				gen_str(g, op);
				gen_ws(g);
				gen_port(g, hi, names);
				bm_set_range(val, lo, hi);
				break;
			}
		case 4:
			if (rnd_below(2))
			{
				gen_port(g, lo, names);
				gen_ws(g);
				gen_str(g, ":");
				bm_set_range(val, lo, 65535);
			}
			else
			{
				gen_str(g, ":");
				gen_ws(g);
				gen_port(g, hi, names);
				bm_set_range(val, 0, hi);
			}
			break;
		case 5:
			if (hi - lo < 2)
			{
				gen_port(g, lo, names);
				bm_set_range(val, lo, lo);
				break;
			}
			gen_port(g, lo, names);
			gen_ws(g);
			gen_str(g, "><");
			gen_ws(g);
			gen_port(g, hi, names);
			bm_set_range(val, lo + 1, hi - 1);
			break;
		case 6:
			if (lo == 0 && hi == 65535)
				hi = 65534;
			gen_port(g, lo, names);
			gen_ws(g);
			gen_str(g, "<>");
			gen_ws(g);
			gen_port(g, hi, names);
			if (lo > 0)
				bm_set_range(val, 0, lo - 1);
			if (hi < 65535)
				bm_set_range(val, hi + 1, 65535);
			break;
		case 7:
			gen_str(g, rnd_below(2) ? "any" : "ANY");
			bm_fill(val);
			break;
		default:
			{
				int			brace = (int) rnd_below(2);

				gen_str(g, brace ? "{" : "[");
				gen_ws(g);
				(void) gen_list(g, val, depth + 1, names, 0);
				gen_ws(g);
				gen_str(g, brace ? "}" : "]");
				break;
			}
	}
}

/* a comma-separated list, evaluated with the negation rules */
static int
gen_list(gen *g, bitmap *out, int depth, int names, int top)
{
	bitmap	   *pos = malloc(sizeof(bitmap));
	bitmap	   *negs = malloc(sizeof(bitmap));
	bitmap	   *item = malloc(sizeof(bitmap));
	int			count = 1 + (int) rnd_below(top ? 6 : 4);
	int			has_pos = 0;
	int			i;
	int			w;

	bm_clear(pos);
	bm_clear(negs);
	for (i = 0; i < count; i++)
	{
		int			neg;

		if (i > 0)
		{
			gen_ws(g);
			gen_str(g, ",");
			gen_ws(g);
		}
		gen_item(g, item, &neg, depth, names);
		for (w = 0; w < BM_WORDS; w++)
		{
			if (neg)
				negs->w[w] |= item->w[w];
			else
				pos->w[w] |= item->w[w];
		}
		if (!neg)
			has_pos = 1;
	}
	if (!has_pos)
		bm_fill(pos);
	for (w = 0; w < BM_WORDS; w++)
		out->w[w] = pos->w[w] & ~negs->w[w];
	free(pos);
	free(negs);
	free(item);
	return 0;
}

/* a Cisco expression */
static void
gen_cisco(gen *g, bitmap *out, int names)
{
	uint32_t	a = gen_random_port();
	uint32_t	b = gen_random_port();
	uint32_t	i;
	uint32_t	count;

	bm_clear(out);
	switch (rnd_below(5))
	{
		case 0:
			gen_str(g, "eq ");
			count = 1 + rnd_below(10);
			for (i = 0; i < count; i++)
			{
				uint32_t	p = gen_random_port();

				if (i > 0)
					gen_str(g, " ");
				gen_port(g, p, names);
				bm_set_range(out, p, p);
			}
			break;
		case 1:
			gen_str(g, "neq ");
			gen_port(g, a, names);
			bm_fill(out);
			out->w[a >> 6] &= ~((uint64_t) 1 << (a & 63));
			break;
		case 2:
			if (a == 65535)
				a = 0;
			gen_str(g, "gt ");
			gen_port(g, a, names);
			bm_set_range(out, a + 1, 65535);
			break;
		case 3:
			if (a == 0)
				a = 1;
			gen_str(g, "lt ");
			gen_port(g, a, names);
			bm_set_range(out, 0, a - 1);
			break;
		default:
			if (a > b)
			{
				uint32_t	t = a;

				a = b;
				b = t;
			}
			gen_str(g, "range ");
			gen_port(g, a, names);
			gen_str(g, " ");
			gen_port(g, b, names);
			bm_set_range(out, a, b);
			break;
	}
}

static void
test_differential(void)
{
	static bitmap expect;
	char		text[8192];
	gen			g;
	int			iter;
	int			ok = 1;
	int			n_ok = 0;
	int			n_empty = 0;

	for (iter = 0; iter < 20000 && ok; iter++)
	{
		int			names = (int) rnd_below(2);
		test_alloc	a = {0, 0, 0};
		fw_result	res;
		fw_status	st;

		g.buf = text;
		g.n = 0;
		g.cap = sizeof(text);
		text[0] = '\0';
		gen_ws(&g);
		if (rnd_below(8) == 0)
			gen_cisco(&g, &expect, names);
		else
			(void) gen_list(&g, &expect, 0, names, 1);
		gen_ws(&g);
		if (g.n + 1 >= g.cap)
			continue;			/* too long, skip */

		st = do_parse(text, g.n, names ? test_lookup : NULL, &a, &res);
		if (!check_result_invariants(&res, st, g.n))
			ok = 0;
		else if (bm_is_empty(&expect))
		{
			if (st != FW_ERR_EMPTY)
			{
				printf("# %s: expected an empty set, got status %d %s\n",
					   text, (int) st, res.err_msg);
				ok = 0;
			}
			n_empty++;
		}
		else if (st != FW_OK)
		{
			printf("# %s: unexpected error %s\n", text, res.err_msg);
			ok = 0;
		}
		else if (!bm_equals_intervals(&expect, res.iv, res.n))
		{
			char		got[200];

			(void) fw_format(res.iv, res.n, FW_STYLE_PLAIN, got, sizeof(got));
			printf("# %s: wrong result %s\n", text, got);
			ok = 0;
		}
		else
			n_ok++;
		fw_result_free(&res, test_realloc, &a);
		if (a.live != 0)
			ok = 0;
	}
	printf("# differential: %d sets compared, %d empty sets\n", n_ok,
		   n_empty);
	report(ok, "differential random expressions vs bitmap reference",
		   NULL, 0);
}

/* ----------------------------------------------------------------
 *		Big inputs
 * ----------------------------------------------------------------
 */

#define BIG (10 * 1024 * 1024)

static double
elapsed(clock_t start)
{
	return (double) (clock() - start) / CLOCKS_PER_SEC;
}

static void
big_case(const char *name, const char *s, size_t len, fw_lookup_fn lookup,
		 fw_status expect, size_t expect_n)
{
	test_alloc	a = {0, 0, 0};
	fw_result	res;
	fw_status	st;
	clock_t		start = clock();
	double		t;
	int			ok;

	st = fw_parse(s, len, lookup, NULL, test_realloc, &a, &res);
	t = elapsed(start);
	ok = check_result_invariants(&res, st, len) && st == expect &&
		(expect != FW_OK || expect_n == 0 || res.n == expect_n);
	if (!ok)
		printf("# status %d (%s), %zu intervals\n", (int) st, res.err_msg,
			   res.n);
	printf("# %s: %.3f s\n", name, t);
	/* generous: sanitizers slow things down considerably */
	if (t > 5.0)
		ok = 0;
	fw_result_free(&res, test_realloc, &a);
	report(ok && a.live == 0, name, NULL, 0);
}

static void
test_big(void)
{
	char	   *s = malloc(BIG);
	size_t		n;
	size_t		i;
	uint32_t	p;

	memset(s, '7', BIG);
	big_case("big 10MB of digits", s, BIG, NULL, FW_ERR_RANGE, 0);

	for (i = 0; i + 1 < BIG; i += 2)
	{
		s[i] = '1';
		s[i + 1] = ',';
	}
	big_case("big 10MB of \"1,\"", s, BIG, NULL, FW_ERR_SYNTAX, 0);
	s[BIG - 1] = '2';
	big_case("big 10MB of \"1,\" ending in 12", s, BIG, NULL, FW_OK, 2);

	/* every even port, over and over: the largest possible result */
	n = 0;
	p = 0;
	while (n + 7 < BIG)
	{
		n += (size_t) sprintf(s + n, "%u,", p);
		p = (p + 2) % 65536;
	}
	s[n - 1] = ' ';
	big_case("big 10MB of even ports", s, n, NULL, FW_OK, 32768);

	/* the same as negations, random order, inside a list */
	n = 0;
	s[n++] = '[';
	while (n + 10 < BIG)
		n += (size_t) sprintf(s + n, "!%u,", rnd_below(32768) * 2);
	s[n - 1] = ']';
	big_case("big 10MB of random negations", s, n, NULL, FW_OK, 32768);

	/* random ranges with names */
	n = 0;
	while (n + 40 < BIG)
	{
		uint32_t	lo = rnd_below(65536);

		n += (size_t) sprintf(s + n, "%u:%u,https,ftp-data..ftp,", lo,
							  lo + rnd_below(65536 - lo));
	}
	s[n - 1] = ' ';
	big_case("big 10MB of ranges and names", s, n, test_lookup, FW_OK, 0);

	memset(s, 'a', BIG);
	big_case("big 10MB name", s, BIG, test_lookup, FW_ERR_SYNTAX, 0);
	for (i = 0; i + 1 < BIG; i += 2)
	{
		s[i] = '1';
		s[i + 1] = '-';
	}
	big_case("big 10MB of \"1-\"", s, BIG, test_lookup, FW_ERR_SYNTAX, 0);
	for (i = 0; i + 1 < BIG; i += 2)
	{
		s[i] = '1';
		s[i + 1] = 'a';
	}
	big_case("big 10MB of \"1a\"", s, BIG, test_lookup, FW_ERR_SYNTAX, 0);
	memset(s, ' ', BIG);
	big_case("big 10MB of blanks", s, BIG, NULL, FW_ERR_SYNTAX, 0);
	memset(s, '[', BIG);
	big_case("big 10MB of \"[\"", s, BIG, NULL, FW_ERR_SYNTAX, 0);
	memset(s, ']', BIG);
	big_case("big 10MB of \"]\"", s, BIG, NULL, FW_ERR_SYNTAX, 0);
	free(s);
}

/* parsing speed for simple inputs (informational, never fails) */
static void
bench(void)
{
	static const char *const inputs[] = {"1024:65535", "443",
	"22,80,443", "[1:1024,!22]", "{ 80, 443, 8000-8100 }"};
	int			i;

	for (i = 0; i < 5; i++)
	{
		size_t		len = strlen(inputs[i]);
		long		iters = 200000;
		long		k;
		clock_t		start = clock();
		double		t;

		for (k = 0; k < iters; k++)
		{
			fw_result	res;

			(void) fw_parse(inputs[i], len, NULL, NULL, fw_std_realloc, NULL,
							&res);
			fw_result_free(&res, fw_std_realloc, NULL);
		}
		t = elapsed(start);
		printf("# bench %-24s %.0f ns/parse\n", inputs[i], t * 1e9 / iters);
	}
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		name_prefix = argv[1];
	test_valid();
	test_errors();
	test_nesting();
	test_api();
	test_nomem();
	test_format();
	test_roundtrip();
	test_differential();
	test_big();
	bench();

	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed == 0 ? 0 : 1;
}
