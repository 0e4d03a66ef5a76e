/*-------------------------------------------------------------------------
 *
 * fwparse.c
 *	  Parser and printer for port sets written in firewall tools' syntax.
 *
 * The parser is a small recursive-descent parser over a hand-written
 * lexer.  Intermediate sets are kept as arrays of intervals on two stacks
 * (positive items and negated items); every list level owns the top
 * region of both stacks.  When a list is closed, its positive region is
 * sorted and merged, the negated region likewise, and the difference is
 * left in place as the list's value.  Regions are compacted (sorted and
 * merged) whenever they grow past twice their last compacted size, which
 * bounds memory by the size of the port space rather than the input and
 * keeps the total work linear in the input length.
 *
 * Simple inputs never touch the allocator except for the final result:
 * the stacks start out in small arrays inside the parser state.
 *
 * See doc/firewall-syntax.md for the accepted syntax.
 *
 * IDENTIFICATION
 *	  src/fwparse.c
 *
 *-------------------------------------------------------------------------
 */
#include "fwparse.h"

#include <stdlib.h>				/* realloc() and free(), fw_std_realloc only */
#include <string.h>

/*
 * Initial size of the interval stacks kept inside the parser state, and
 * the size below which a list's region is never compacted.  The tests
 * override both with tiny values to exercise the growth and compaction
 * paths on small inputs.
 */
#ifndef FW_INLINE_IVS
#define FW_INLINE_IVS		32
#endif
#ifndef FW_COMPACT_MIN
#define FW_COMPACT_MIN		1024
#endif

/* tokens longer than this (after escaping) are shortened in messages */
#define FW_TOKEN_SHOW		40

typedef enum fw_toktype
{
	TK_END,
	TK_NUM,						/* digits */
	TK_NAME,					/* service name */
	TK_COMMA,					/* , */
	TK_COLON,					/* : */
	TK_DASH,					/* - */
	TK_DOTDOT,					/* .. */
	TK_BANG,					/* ! */
	TK_LBRACKET,				/* [ */
	TK_RBRACKET,				/* ] */
	TK_LBRACE,					/* { */
	TK_RBRACE,					/* } */
	TK_LPAREN,					/* ( (ferm arrays) */
	TK_RPAREN,					/* ) */
	TK_VAR,						/* $NAME (Suricata, ferm variables) */
	TK_EXCL_RANGE,				/* >< (pf, exclusive range) */
	TK_EXCEPT_RANGE,			/* <> (pf, all but an inclusive range) */
	TK_ANY,						/* keyword any */
	TK_EQ,						/* Cisco keywords */
	TK_NEQ,
	TK_GT,
	TK_LT,
	TK_RANGE,
	TK_BAD						/* anything else */
} fw_toktype;

typedef struct fw_token
{
	fw_toktype	type;
	size_t		off;			/* byte offset in the input */
	size_t		len;			/* byte length */
	uint32_t	num;			/* TK_NUM: value, saturated at 65536 */
	int			resolved;		/* TK_NAME: port already looked up? */
	int32_t		port;			/* TK_NAME: lookup result if resolved */
} fw_token;

/* a growable stack of intervals */
typedef struct fw_stack
{
	fw_interval *v;
	size_t		n;
	size_t		cap;
	int			heap;			/* v was obtained from the allocator */
} fw_stack;

/* bookkeeping for one list level */
typedef struct fw_frame
{
	size_t		pstart;			/* start of this level's region in pos */
	size_t		nstart;			/* start of this level's region in neg */
	size_t		plimit;			/* compact pos region beyond this size */
	size_t		nlimit;			/* compact neg region beyond this size */
	int			has_pos;		/* saw at least one non-negated item */
} fw_frame;

typedef struct fw_parser
{
	const char *s;
	size_t		len;
	size_t		pos;			/* lexer position */

	fw_lookup_fn lookup;
	void	   *lookup_arg;
	fw_var_fn	vars;
	void	   *vars_arg;
	int			var_depth;		/* variables being expanded around us */
	fw_realloc_fn alloc;
	void	   *alloc_arg;

	fw_token	peeked;
	int			has_peeked;
	fw_token	prev;			/* last consumed token */
	int			has_prev;

	fw_stack	pst;			/* non-negated items */
	fw_stack	nst;			/* negated items */

	fw_result  *res;

	fw_interval pos_inline[FW_INLINE_IVS];
	fw_interval neg_inline[FW_INLINE_IVS];
} fw_parser;

/* message under construction */
typedef struct fw_msg
{
	char	   *buf;
	size_t		n;
} fw_msg;

static int	parse_list(fw_parser *p, fw_frame *f, int depth,
					   fw_toktype closer, const fw_token *open);


/* ----------------------------------------------------------------
 *		Character classes (ASCII only, independent of the locale)
 * ----------------------------------------------------------------
 */

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_namechar(unsigned char c)
{
	return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.';
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		c == '\v' || c == '\f';
}


/* ----------------------------------------------------------------
 *		Error messages
 * ----------------------------------------------------------------
 */

static void
msg_str(fw_msg *m, const char *str)
{
	while (*str && m->n + 1 < FW_ERRMSG_SIZE)
		m->buf[m->n++] = *str++;
	m->buf[m->n] = '\0';
}

static void
msg_uint(fw_msg *m, uint32_t v)
{
	char		tmp[12];
	int			i = (int) sizeof(tmp) - 1;

	tmp[i] = '\0';
	do
	{
		tmp[--i] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	msg_str(m, tmp + i);
}

/* escaped form of one input byte, returns its length */
static size_t
escape_byte(unsigned char c, char *out)
{
	static const char hex[] = "0123456789abcdef";

	if (c == '"' || c == '\\')
	{
		out[0] = '\\';
		out[1] = (char) c;
		out[2] = '\0';
		return 2;
	}
	if (c >= 0x20 && c < 0x7f)
	{
		out[0] = (char) c;
		out[1] = '\0';
		return 1;
	}
	out[0] = '\\';
	out[1] = 'x';
	out[2] = hex[c >> 4];
	out[3] = hex[c & 15];
	out[4] = '\0';
	return 4;
}

/*
 * Append input bytes [off, off+len) in double quotes, escaping anything
 * that is not printable ASCII and shortening long tokens with "...".
 */
static void
msg_tok(fw_msg *m, const fw_parser *p, size_t off, size_t len)
{
	char		tmp[8];
	size_t		total = 0;
	size_t		limit;
	size_t		shown = 0;
	size_t		i;

	/* find out whether the whole token fits (looking at a bounded prefix) */
	for (i = 0; i < len && total <= FW_TOKEN_SHOW; i++)
		total += escape_byte((unsigned char) p->s[off + i], tmp);
	limit = (total <= FW_TOKEN_SHOW) ? FW_TOKEN_SHOW : FW_TOKEN_SHOW - 3;

	msg_str(m, "\"");
	for (i = 0; i < len; i++)
	{
		size_t		l = escape_byte((unsigned char) p->s[off + i], tmp);

		if (shown + l > limit)
		{
			msg_str(m, "...");
			break;
		}
		msg_str(m, tmp);
		shown += l;
	}
	msg_str(m, "\"");
}

/* start an error: record status and location, return a message builder */
static fw_msg
error_start(fw_parser *p, fw_status status, size_t off, size_t len)
{
	fw_msg		m;

	p->res->status = status;
	p->res->err_offset = off;
	p->res->err_len = len;
	m.buf = p->res->err_msg;
	m.n = 0;
	m.buf[0] = '\0';
	return m;
}

static int
error_nomem(fw_parser *p)
{
	fw_msg		m = error_start(p, FW_ERR_NOMEM, 0, 0);

	msg_str(&m, "out of memory");
	return -1;
}

/*
 * Token "t" where it does not belong; "before" is the token preceding it,
 * or NULL at the start of the input.
 */
static int
error_unexpected(fw_parser *p, const fw_token *t, const fw_token *before)
{
	fw_msg		m = error_start(p, FW_ERR_SYNTAX, t->off, t->len);

	if (t->type == TK_END)
		msg_str(&m, "unexpected end of input");
	else
	{
		msg_str(&m, "unexpected ");
		msg_tok(&m, p, t->off, t->len);
	}
	if (before != NULL)
	{
		msg_str(&m, " after ");
		msg_tok(&m, p, before->off, before->len);
	}
	else
		msg_str(&m, " at start of input");
	return -1;
}

/* the last consumed token, or NULL if none */
static const fw_token *
last_token(const fw_parser *p)
{
	return p->has_prev ? &p->prev : NULL;
}

static int
error_unbalanced(fw_parser *p, const fw_token *t)
{
	fw_msg		m = error_start(p, FW_ERR_SYNTAX, t->off, t->len);

	msg_str(&m, "unbalanced ");
	msg_tok(&m, p, t->off, t->len);
	return -1;
}

static int
error_span(fw_parser *p, fw_status status, size_t start, size_t end,
		   const char *before, const char *after)
{
	fw_msg		m = error_start(p, status, start, end - start);

	msg_str(&m, before);
	msg_tok(&m, p, start, end - start);
	msg_str(&m, after);
	return -1;
}

static int
error_reversed(fw_parser *p, size_t start, size_t end)
{
	return error_span(p, FW_ERR_SYNTAX, start, end, "reversed range ",
					  ": lower bound is greater than upper bound");
}


/* ----------------------------------------------------------------
 *		Lexer
 * ----------------------------------------------------------------
 */

/*
 * End of the run of name characters starting at "start", looking at no
 * more than "limit" bytes.  A run never includes "..", so that "a..b" is
 * a range between two names.
 */
static size_t
name_run_end(const fw_parser *p, size_t start, size_t limit)
{
	size_t		e = start;

	while (e < p->len && e - start < limit &&
		   is_namechar((unsigned char) p->s[e]))
	{
		if (p->s[e] == '.' && e + 1 < p->len && p->s[e + 1] == '.')
			break;
		e++;
	}
	return e;
}

/* case-insensitive comparison of input bytes with a lower-case keyword */
static int
keyword_eq(const fw_parser *p, size_t off, size_t len, const char *kw)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) p->s[off + i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c - 'A' + 'a');
		if (kw[i] == '\0' || (unsigned char) kw[i] != c)
			return 0;
	}
	return kw[len] == '\0';
}

static fw_toktype
classify_word(const fw_parser *p, size_t off, size_t len)
{
	if (len > 5)
		return TK_NAME;
	if (keyword_eq(p, off, len, "any"))
		return TK_ANY;
	if (keyword_eq(p, off, len, "eq"))
		return TK_EQ;
	if (keyword_eq(p, off, len, "neq"))
		return TK_NEQ;
	if (keyword_eq(p, off, len, "gt"))
		return TK_GT;
	if (keyword_eq(p, off, len, "lt"))
		return TK_LT;
	if (keyword_eq(p, off, len, "range"))
		return TK_RANGE;
	return TK_NAME;
}

/*
 * A token starting with a digit.  Normally it is a number (the digit run
 * only).  But a run like "3com-tsmux" may be a service name: if it
 * contains a letter, is short enough and the lookup callback knows it,
 * it becomes a resolved TK_NAME.  Otherwise the digits alone form the
 * number and whatever follows is lexed separately, so that "80abc" is
 * reported as "abc" unexpectedly following "80".
 */
static void
lex_digits(fw_parser *p, fw_token *t)
{
	size_t		d = p->pos;
	uint32_t	v = 0;

	while (d < p->len && is_digit((unsigned char) p->s[d]))
	{
		if (v <= FW_PORT_MAX)
			v = v * 10 + (uint32_t) (p->s[d] - '0');
		if (v > FW_PORT_MAX)
			v = FW_PORT_MAX + 1;	/* saturate */
		d++;
	}

	if (p->lookup != NULL && d < p->len &&
		is_namechar((unsigned char) p->s[d]))
	{
		size_t		e = name_run_end(p, p->pos, FW_NAME_MAX + 1);
		int			letter = 0;
		size_t		i;

		for (i = d; i < e; i++)
		{
			if (is_alpha((unsigned char) p->s[i]))
			{
				letter = 1;
				break;
			}
		}
		if (letter && e - p->pos <= FW_NAME_MAX)
		{
			int32_t		port = p->lookup(p->s + p->pos, e - p->pos,
										 p->lookup_arg);

			if (port >= 0)
			{
				t->type = TK_NAME;
				t->len = e - p->pos;
				t->resolved = 1;
				t->port = port;
				return;
			}
		}
	}

	t->type = TK_NUM;
	t->len = d - p->pos;
	t->num = v;
}

static void
lex(fw_parser *p, fw_token *t)
{
	unsigned char c;
	unsigned char c2;

	while (p->pos < p->len && is_space((unsigned char) p->s[p->pos]))
		p->pos++;

	t->off = p->pos;
	t->len = 1;
	t->num = 0;
	t->resolved = 0;
	t->port = -1;

	if (p->pos >= p->len)
	{
		t->type = TK_END;
		t->len = 0;
		return;
	}

	c = (unsigned char) p->s[p->pos];
	c2 = (p->pos + 1 < p->len) ? (unsigned char) p->s[p->pos + 1] : 0;

	if (is_digit(c))
		lex_digits(p, t);
	else if (is_alpha(c))
	{
		t->len = name_run_end(p, p->pos, (size_t) -1) - p->pos;
		t->type = classify_word(p, t->off, t->len);
	}
	else
	{
		switch (c)
		{
			case ',':
				t->type = TK_COMMA;
				break;
			case ':':
				t->type = TK_COLON;
				break;
			case '-':
				t->type = TK_DASH;
				break;
			case '!':
				t->type = TK_BANG;
				break;
			case '[':
				t->type = TK_LBRACKET;
				break;
			case ']':
				t->type = TK_RBRACKET;
				break;
			case '{':
				t->type = TK_LBRACE;
				break;
			case '}':
				t->type = TK_RBRACE;
				break;
			case '(':
				t->type = TK_LPAREN;
				break;
			case ')':
				t->type = TK_RPAREN;
				break;
			case '$':
				/* $NAME: a letter or "_", then letters, digits and "_" */
				if (is_alpha(c2) || c2 == '_')
				{
					t->type = TK_VAR;
					while (p->pos + t->len < p->len &&
						   (is_alpha((unsigned char) p->s[p->pos + t->len]) ||
							is_digit((unsigned char) p->s[p->pos + t->len]) ||
							p->s[p->pos + t->len] == '_'))
						t->len++;
				}
				else
					t->type = TK_BAD;
				break;
			case '.':
				if (c2 == '.')
				{
					t->type = TK_DOTDOT;
					t->len = 2;
				}
				else
					t->type = TK_BAD;
				break;
			case '>':
				if (c2 == '<')
				{
					t->type = TK_EXCL_RANGE;
					t->len = 2;
				}
				else
					t->type = TK_BAD;
				break;
			case '<':
				if (c2 == '>')
				{
					t->type = TK_EXCEPT_RANGE;
					t->len = 2;
				}
				else
					t->type = TK_BAD;
				break;
			case '_':
				/* a would-be name starting with "_": report it whole */
				t->type = TK_BAD;
				t->len = name_run_end(p, p->pos, (size_t) -1) - p->pos;
				break;
			default:
				t->type = TK_BAD;
				/* keep a UTF-8 sequence together in the error location */
				if (c >= 0xc0)
				{
					while (t->len < 4 && p->pos + t->len < p->len &&
						   ((unsigned char) p->s[p->pos + t->len] & 0xc0) == 0x80)
						t->len++;
				}
				break;
		}
	}
	p->pos += t->len;
}

static const fw_token *
peek(fw_parser *p)
{
	if (!p->has_peeked)
	{
		lex(p, &p->peeked);
		p->has_peeked = 1;
	}
	return &p->peeked;
}

static fw_token
next(fw_parser *p)
{
	peek(p);
	p->has_peeked = 0;
	p->prev = p->peeked;
	p->has_prev = 1;
	return p->prev;
}


/* ----------------------------------------------------------------
 *		Interval arrays
 * ----------------------------------------------------------------
 */

static uint32_t
iv_key(fw_interval x)
{
	return ((uint32_t) x.lo << 16) | x.hi;
}

static void
sift_down(fw_interval *a, size_t root, size_t n)
{
	for (;;)
	{
		size_t		child = 2 * root + 1;
		fw_interval tmp;

		if (child >= n)
			break;
		if (child + 1 < n && iv_key(a[child + 1]) > iv_key(a[child]))
			child++;
		if (iv_key(a[root]) >= iv_key(a[child]))
			break;
		tmp = a[root];
		a[root] = a[child];
		a[child] = tmp;
		root = child;
	}
}

/* sort by (lo, hi); insertion sort for short arrays, else heapsort */
static void
sort_intervals(fw_interval *a, size_t n)
{
	size_t		i;

	if (n <= 16)
	{
		for (i = 1; i < n; i++)
		{
			fw_interval x = a[i];
			size_t		j = i;

			while (j > 0 && iv_key(a[j - 1]) > iv_key(x))
			{
				a[j] = a[j - 1];
				j--;
			}
			a[j] = x;
		}
		return;
	}

	for (i = n / 2; i > 0; i--)
		sift_down(a, i - 1, n);
	for (i = n - 1; i > 0; i--)
	{
		fw_interval tmp = a[0];

		a[0] = a[i];
		a[i] = tmp;
		sift_down(a, 0, i);
	}
}

/* sort and merge in place; returns the new count */
static size_t
normalize(fw_interval *a, size_t n)
{
	size_t		i;
	size_t		out;

	if (n < 2)
		return n;

	for (i = 1; i < n; i++)
	{
		if (iv_key(a[i - 1]) > iv_key(a[i]))
		{
			sort_intervals(a, n);
			break;
		}
	}

	out = 0;
	for (i = 1; i < n; i++)
	{
		if ((uint32_t) a[i].lo <= (uint32_t) a[out].hi + 1)
		{
			if (a[i].hi > a[out].hi)
				a[out].hi = a[i].hi;
		}
		else
			a[++out] = a[i];
	}
	return out + 1;
}

/*
 * out = a \ b, with a and b normalized; out must have room for na + nb
 * intervals and must not overlap a or b.  Returns the count.
 */
static size_t
subtract(const fw_interval *a, size_t na, const fw_interval *b, size_t nb,
		 fw_interval *out)
{
	size_t		i;
	size_t		j = 0;
	size_t		n = 0;

	for (i = 0; i < na; i++)
	{
		uint32_t	cur = a[i].lo;
		uint32_t	hi = a[i].hi;

		while (j < nb && b[j].hi < cur)
			j++;
		while (j < nb && b[j].lo <= hi && cur <= hi)
		{
			if (b[j].lo > cur)
			{
				out[n].lo = (uint16_t) cur;
				out[n].hi = (uint16_t) (b[j].lo - 1);
				n++;
			}
			if ((uint32_t) b[j].hi + 1 > cur)
				cur = (uint32_t) b[j].hi + 1;
			if (b[j].hi > hi)
				break;			/* b[j] may also cover the next a[] */
			j++;
		}
		if (cur <= hi)
		{
			out[n].lo = (uint16_t) cur;
			out[n].hi = (uint16_t) hi;
			n++;
		}
	}
	return n;
}

static int
stack_reserve(fw_parser *p, fw_stack *st, size_t extra)
{
	size_t		need = st->n + extra;
	size_t		cap = st->cap;
	fw_interval *nv;

	if (need <= cap)
		return 0;
	while (cap < need)
	{
		if (cap > ((size_t) -1) / 2 / sizeof(fw_interval))
			return error_nomem(p);
		cap *= 2;
	}
	if (p->alloc == NULL)
		return error_nomem(p);
	if (st->heap)
		nv = p->alloc(st->v, cap * sizeof(fw_interval), p->alloc_arg);
	else
	{
		nv = p->alloc(NULL, cap * sizeof(fw_interval), p->alloc_arg);
		if (nv != NULL)
			memcpy(nv, st->v, st->n * sizeof(fw_interval));
	}
	if (nv == NULL)
		return error_nomem(p);
	st->v = nv;
	st->cap = cap;
	st->heap = 1;
	return 0;
}

static void
stack_release(fw_parser *p, fw_stack *st)
{
	if (st->heap)
		(void) p->alloc(st->v, 0, p->alloc_arg);
	st->heap = 0;
	st->v = NULL;
	st->n = st->cap = 0;
}

/* compact the region [start, n) of a stack if it grew past *limit */
static void
maybe_compact(fw_stack *st, size_t start, size_t *limit)
{
	size_t		c;

	if (st->n - start <= *limit)
		return;
	c = normalize(st->v + start, st->n - start);
	st->n = start + c;
	*limit = (2 * c > FW_COMPACT_MIN) ? 2 * c : FW_COMPACT_MIN;
}

/* add [lo, hi] to the current level, negated or not */
static int
add_interval(fw_parser *p, fw_frame *f, int negated,
			 uint32_t lo, uint32_t hi)
{
	fw_stack   *st = negated ? &p->nst : &p->pst;

	if (stack_reserve(p, st, 1) < 0)
		return -1;
	st->v[st->n].lo = (uint16_t) lo;
	st->v[st->n].hi = (uint16_t) hi;
	st->n++;
	if (negated)
		maybe_compact(st, f->nstart, &f->nlimit);
	else
	{
		f->has_pos = 1;
		maybe_compact(st, f->pstart, &f->plimit);
	}
	return 0;
}

static void
frame_init(fw_parser *p, fw_frame *f)
{
	f->pstart = p->pst.n;
	f->nstart = p->nst.n;
	f->plimit = FW_COMPACT_MIN;
	f->nlimit = FW_COMPACT_MIN;
	f->has_pos = 0;
}

/*
 * Close a list level: its value (positive items, or everything if there
 * were none, minus the negated items) replaces its region on the pos
 * stack; its region on the neg stack is popped.
 */
static int
frame_close(fw_parser *p, fw_frame *f)
{
	size_t		a;
	size_t		b;

	a = normalize(p->pst.v + f->pstart, p->pst.n - f->pstart);
	p->pst.n = f->pstart + a;
	if (!f->has_pos)
	{
		/* only negations: they are taken out of the whole port range */
		if (stack_reserve(p, &p->pst, 1) < 0)
			return -1;
		p->pst.v[f->pstart].lo = 0;
		p->pst.v[f->pstart].hi = FW_PORT_MAX;
		a = 1;
		p->pst.n = f->pstart + 1;
	}

	b = normalize(p->nst.v + f->nstart, p->nst.n - f->nstart);
	if (b > 0 && a > 0)
	{
		size_t		c;

		if (stack_reserve(p, &p->pst, a + b) < 0)
			return -1;
		c = subtract(p->pst.v + f->pstart, a,
					 p->nst.v + f->nstart, b,
					 p->pst.v + f->pstart + a);
		memmove(p->pst.v + f->pstart, p->pst.v + f->pstart + a,
				c * sizeof(fw_interval));
		p->pst.n = f->pstart + c;
	}
	p->nst.n = f->nstart;
	return 0;
}


/* ----------------------------------------------------------------
 *		Parser
 * ----------------------------------------------------------------
 */

static int
is_keyword_op(fw_toktype t)
{
	return t == TK_EQ || t == TK_NEQ || t == TK_GT || t == TK_LT ||
		t == TK_RANGE;
}

/*
 * Report token "t" (already consumed) appearing where a port, range or
 * list was expected.
 */
static int
error_operand(fw_parser *p, const fw_token *t, const fw_token *before)
{
	if (t->type == TK_END && before != NULL)
	{
		fw_msg		m = error_start(p, FW_ERR_SYNTAX, before->off,
									before->len);

		msg_str(&m, "missing port after ");
		msg_tok(&m, p, before->off, before->len);
		return -1;
	}
	if (t->type == TK_DASH)
	{
		const fw_token *u = peek(p);

		if (u->type == TK_NUM && u->off == t->off + 1)
			return error_span(p, FW_ERR_RANGE, t->off, u->off + u->len,
							  "port number ", " is out of range (0..65535)");
	}
	if (is_keyword_op(t->type))
		return error_span(p, FW_ERR_SYNTAX, t->off, t->off + t->len, "",
						  " is only allowed at the start of the expression");
	return error_unexpected(p, t, before);
}

/* numeric value of a TK_NUM or TK_NAME token */
static int
resolve(fw_parser *p, const fw_token *t, uint32_t *out)
{
	int32_t		port;

	if (t->type == TK_NUM)
	{
		if (t->num > FW_PORT_MAX)
			return error_span(p, FW_ERR_RANGE, t->off, t->off + t->len,
							  "port number ", " is out of range (0..65535)");
		*out = t->num;
		return 0;
	}

	if (t->resolved)
		port = t->port;
	else if (p->lookup == NULL || t->len > FW_NAME_MAX)
		port = -1;
	else
		port = p->lookup(p->s + t->off, t->len, p->lookup_arg);

	if (port < 0)
		return error_span(p, FW_ERR_SYNTAX, t->off, t->off + t->len,
						  "unknown service name ", "");
	if (port > FW_PORT_MAX)
	{
		fw_msg		m = error_start(p, FW_ERR_RANGE, t->off, t->len);

		msg_str(&m, "service name ");
		msg_tok(&m, p, t->off, t->len);
		msg_str(&m, " resolves to port ");
		msg_uint(&m, (uint32_t) port);
		msg_str(&m, ", which is out of range (0..65535)");
		return -1;
	}
	*out = (uint32_t) port;
	return 0;
}

/* consume a port number or service name and return its value */
static int
expect_bound(fw_parser *p, uint32_t *out, fw_token *tok)
{
	fw_token	before = p->prev;

	*tok = next(p);
	if (tok->type == TK_NUM || tok->type == TK_NAME)
		return resolve(p, tok, out);
	return error_operand(p, tok, &before);
}

static int
is_list_end(fw_toktype t)
{
	return t == TK_COMMA || t == TK_RBRACKET || t == TK_RBRACE ||
		t == TK_RPAREN || t == TK_END;
}

/*
 * A single port or a range whose first token "lo_tok" (a number or name)
 * has been consumed.
 */
static int
parse_range(fw_parser *p, fw_frame *f, int negated, const fw_token *lo_tok)
{
	uint32_t	lo;
	uint32_t	hi;
	fw_token	hi_tok;
	fw_toktype	op;
	size_t		end;

	if (resolve(p, lo_tok, &lo) < 0)
		return -1;

	op = peek(p)->type;
	if (op != TK_COLON && op != TK_DASH && op != TK_DOTDOT &&
		op != TK_EXCL_RANGE && op != TK_EXCEPT_RANGE)
		return add_interval(p, f, negated, lo, lo);

	(void) next(p);
	if (op == TK_COLON && is_list_end(peek(p)->type))
	{
		/* open upper end, "1024:" */
		hi = FW_PORT_MAX;
		end = p->prev.off + p->prev.len;
	}
	else
	{
		if (expect_bound(p, &hi, &hi_tok) < 0)
			return -1;
		end = hi_tok.off + hi_tok.len;
	}

	if (lo > hi)
		return error_reversed(p, lo_tok->off, end);

	if (op == TK_EXCL_RANGE)
	{
		/* pf: lo >< hi is lo < port < hi */
		if (hi - lo < 2)
			return error_span(p, FW_ERR_EMPTY, lo_tok->off, end,
							  "range ", " contains no port");
		return add_interval(p, f, negated, lo + 1, hi - 1);
	}
	if (op == TK_EXCEPT_RANGE)
	{
		/* pf: lo <> hi is port < lo or port > hi */
		if (lo == 0 && hi == FW_PORT_MAX)
			return error_span(p, FW_ERR_EMPTY, lo_tok->off, end,
							  "range ", " contains no port");
		if (lo > 0 && add_interval(p, f, negated, 0, lo - 1) < 0)
			return -1;
		if (hi < FW_PORT_MAX &&
			add_interval(p, f, negated, hi + 1, FW_PORT_MAX) < 0)
			return -1;
		return 0;
	}
	return add_interval(p, f, negated, lo, hi);
}

/* can a token of this type begin a list item? */
static int
starts_item(fw_toktype t)
{
	return t == TK_NUM || t == TK_NAME || t == TK_ANY || t == TK_BANG ||
		t == TK_COLON || t == TK_LBRACKET || t == TK_LBRACE ||
		t == TK_LPAREN || t == TK_VAR;
}

static fw_status fw_parse_internal(const char *s, size_t len,
								   fw_lookup_fn lookup, void *lookup_arg,
								   fw_var_fn vars, void *vars_arg,
								   int var_depth, fw_realloc_fn alloc,
								   void *alloc_arg, fw_result *res);

/*
 * $NAME: the caller's value for the variable, parsed as a port list of its
 * own (it may use other variables), added to this level.  An error inside
 * the value is reported at the variable, with the inner message.
 */
static int
parse_variable(fw_parser *p, fw_frame *f, int negated, const fw_token *t)
{
	const char *val = NULL;
	size_t		vlen = 0;
	fw_result	sub;
	size_t		i;

	if (p->vars == NULL ||
		!p->vars(p->s + t->off + 1, t->len - 1, &val, &vlen, p->vars_arg))
		return error_span(p, FW_ERR_SYNTAX, t->off, t->off + t->len,
						  "undefined variable ", "");
	if (p->var_depth >= FW_MAX_VAR_DEPTH)
	{
		fw_msg		m = error_start(p, FW_ERR_SYNTAX, t->off, t->len);

		msg_str(&m, "variable ");
		msg_tok(&m, p, t->off, t->len);
		msg_str(&m, " nests more than ");
		msg_uint(&m, FW_MAX_VAR_DEPTH);
		msg_str(&m, " levels deep (does it refer to itself?)");
		return -1;
	}
	if (fw_parse_internal(val, vlen, p->lookup, p->lookup_arg, p->vars,
						  p->vars_arg, p->var_depth + 1, p->alloc,
						  p->alloc_arg, &sub) != FW_OK)
	{
		fw_msg		m;
		char		inner[FW_ERRMSG_SIZE];

		if (sub.status == FW_ERR_NOMEM)
			return error_nomem(p);
		memcpy(inner, sub.err_msg, sizeof(inner));
		m = error_start(p, sub.status, t->off, t->len);
		/* name the outermost variable only; offsets are the outer input's */
		if (p->var_depth == 0)
		{
			msg_str(&m, "in variable ");
			msg_tok(&m, p, t->off, t->len);
			msg_str(&m, ": ");
		}
		msg_str(&m, inner);
		return -1;
	}
	for (i = 0; i < sub.n; i++)
	{
		if (add_interval(p, f, negated, sub.iv[i].lo, sub.iv[i].hi) < 0)
		{
			fw_result_free(&sub, p->alloc, p->alloc_arg);
			return -1;
		}
	}
	fw_result_free(&sub, p->alloc, p->alloc_arg);
	return 0;
}

/* one list item, possibly negated */
static int
parse_item(fw_parser *p, fw_frame *f, int depth)
{
	fw_token	t;
	fw_token	before_tok = p->prev;
	const fw_token *before = p->has_prev ? &before_tok : NULL;
	int			negated = 0;
	uint32_t	hi;
	fw_token	hi_tok;

	t = next(p);
	if (t.type == TK_BANG)
	{
		negated = 1;
		before_tok = t;
		before = &before_tok;
		t = next(p);
	}

	switch (t.type)
	{
		case TK_NUM:
		case TK_NAME:
			return parse_range(p, f, negated, &t);

		case TK_ANY:
			return add_interval(p, f, negated, 0, FW_PORT_MAX);

		case TK_COLON:
			/* open lower end, ":1023" */
			if (expect_bound(p, &hi, &hi_tok) < 0)
				return -1;
			return add_interval(p, f, negated, 0, hi);

		case TK_VAR:
			return parse_variable(p, f, negated, &t);

		case TK_LBRACKET:
		case TK_LBRACE:
		case TK_LPAREN:
			{
				fw_toktype	closer = (t.type == TK_LBRACKET) ? TK_RBRACKET :
				(t.type == TK_LBRACE) ? TK_RBRACE : TK_RPAREN;
				const fw_token *u;
				fw_frame	child;
				size_t		c;

				if (depth >= FW_MAX_DEPTH)
				{
					fw_msg		m = error_start(p, FW_ERR_SYNTAX,
												t.off, t.len);

					msg_str(&m, "lists nested too deeply (more than ");
					msg_uint(&m, FW_MAX_DEPTH);
					msg_str(&m, " levels)");
					return -1;
				}
				u = peek(p);
				if (u->type == closer)
					return error_span(p, FW_ERR_SYNTAX, t.off,
									  u->off + u->len, "empty list ", "");
				if (u->type == TK_END)
					return error_unbalanced(p, &t);

				frame_init(p, &child);
				if (parse_list(p, &child, depth + 1, closer, &t) < 0)
					return -1;

				/* the list's value is now on top of the pos stack */
				if (negated)
				{
					c = p->pst.n - child.pstart;
					if (stack_reserve(p, &p->nst, c) < 0)
						return -1;
					memcpy(p->nst.v + p->nst.n, p->pst.v + child.pstart,
						   c * sizeof(fw_interval));
					p->nst.n += c;
					p->pst.n = child.pstart;
					maybe_compact(&p->nst, f->nstart, &f->nlimit);
				}
				else
				{
					f->has_pos = 1;
					maybe_compact(&p->pst, f->pstart, &f->plimit);
				}
				return 0;
			}

		default:
			return error_operand(p, &t, before);
	}
}

/*
 * Items separated by commas, up to "closer" (TK_END at the top level).
 * The opening bracket, if any, has been consumed.  Leaves the list's
 * value on the pos stack.
 */
static int
parse_list(fw_parser *p, fw_frame *f, int depth, fw_toktype closer,
		   const fw_token *open)
{
	for (;;)
	{
		fw_token	t;

		if (parse_item(p, f, depth) < 0)
			return -1;

		t = *peek(p);
		if (t.type == TK_COMMA)
		{
			(void) next(p);
			continue;
		}

		/*
		 * pf's { 80 443 } and ferm's (139 445): inside braces and
		 * parentheses, blanks separate items too.
		 */
		if ((closer == TK_RBRACE || closer == TK_RPAREN) &&
			starts_item(t.type) && t.off > p->prev.off + p->prev.len)
			continue;
		if (t.type == closer)
		{
			if (t.type != TK_END)
				(void) next(p);
			break;
		}
		if (open == NULL)
		{
			if (t.type == TK_RBRACKET || t.type == TK_RBRACE ||
				t.type == TK_RPAREN)
				return error_unbalanced(p, &t);
			return error_unexpected(p, &t, last_token(p));
		}
		if (t.type == TK_END)
			return error_unbalanced(p, open);
		if (t.type == TK_RBRACKET || t.type == TK_RBRACE ||
			t.type == TK_RPAREN)
		{
			fw_msg		m = error_start(p, FW_ERR_SYNTAX, t.off, t.len);

			msg_str(&m, "mismatched ");
			msg_tok(&m, p, t.off, t.len);
			msg_str(&m, closer == TK_RBRACKET ? " (expected \"]\" to close " :
					closer == TK_RBRACE ? " (expected \"}\" to close " :
					" (expected \")\" to close ");
			msg_tok(&m, p, open->off, open->len);
			msg_str(&m, ")");
			return -1;
		}
		return error_unexpected(p, &t, last_token(p));
	}
	return frame_close(p, f);
}

/* Cisco IOS style: eq P..., neq P, gt P, lt P, range P P */
static int
parse_cisco(fw_parser *p, fw_frame *f)
{
	fw_token	kw = next(p);
	fw_token	t;
	fw_token	t2;
	uint32_t	v;
	uint32_t	v2;

	switch (kw.type)
	{
		case TK_EQ:
			if (expect_bound(p, &v, &t) < 0 ||
				add_interval(p, f, 0, v, v) < 0)
				return -1;
			/* IOS allows several ports separated by blanks */
			while (peek(p)->type == TK_NUM || peek(p)->type == TK_NAME)
			{
				if (expect_bound(p, &v, &t) < 0 ||
					add_interval(p, f, 0, v, v) < 0)
					return -1;
			}
			break;
		case TK_NEQ:
			if (expect_bound(p, &v, &t) < 0 ||
				add_interval(p, f, 1, v, v) < 0)
				return -1;
			break;
		case TK_GT:
			if (expect_bound(p, &v, &t) < 0)
				return -1;
			if (v == FW_PORT_MAX)
				return error_span(p, FW_ERR_EMPTY, kw.off, t.off + t.len,
								  "", " matches no port");
			if (add_interval(p, f, 0, v + 1, FW_PORT_MAX) < 0)
				return -1;
			break;
		case TK_LT:
			if (expect_bound(p, &v, &t) < 0)
				return -1;
			if (v == 0)
				return error_span(p, FW_ERR_EMPTY, kw.off, t.off + t.len,
								  "", " matches no port");
			if (add_interval(p, f, 0, 0, v - 1) < 0)
				return -1;
			break;
		default:				/* TK_RANGE */
			if (expect_bound(p, &v, &t) < 0 ||
				expect_bound(p, &v2, &t2) < 0)
				return -1;
			if (v > v2)
				return error_reversed(p, kw.off, t2.off + t2.len);
			if (add_interval(p, f, 0, v, v2) < 0)
				return -1;
			break;
	}

	t = *peek(p);
	if (t.type != TK_END)
	{
		if (t.type == TK_RBRACKET || t.type == TK_RBRACE ||
			t.type == TK_RPAREN)
			return error_unbalanced(p, &t);
		return error_unexpected(p, &t, last_token(p));
	}
	return frame_close(p, f);
}

static int
parse_top(fw_parser *p)
{
	fw_frame	top;
	const fw_token *t = peek(p);
	size_t		n;
	size_t		start;
	size_t		end;
	fw_interval *out;

	if (t->type == TK_END)
	{
		fw_msg		m = error_start(p, FW_ERR_SYNTAX, 0, p->len);

		msg_str(&m, "empty input");
		return -1;
	}
	start = t->off;

	frame_init(p, &top);
	if (is_keyword_op(t->type))
	{
		if (parse_cisco(p, &top) < 0)
			return -1;
	}
	else if (parse_list(p, &top, 0, TK_END, NULL) < 0)
		return -1;

	n = p->pst.n;
	if (n == 0)
	{
		end = p->len;
		while (end > start && is_space((unsigned char) p->s[end - 1]))
			end--;
		return error_span(p, FW_ERR_EMPTY, start, end, "",
						  " matches no port");
	}

	out = p->alloc(NULL, n * sizeof(fw_interval), p->alloc_arg);
	if (out == NULL)
		return error_nomem(p);
	memcpy(out, p->pst.v, n * sizeof(fw_interval));
	p->res->iv = out;
	p->res->n = n;
	return 0;
}


/* ----------------------------------------------------------------
 *		Public interface
 * ----------------------------------------------------------------
 */

fw_status
fw_parse(const char *s, size_t len, fw_lookup_fn lookup, void *lookup_arg,
		 fw_realloc_fn alloc, void *alloc_arg, fw_result *res)
{
	return fw_parse_internal(s, len, lookup, lookup_arg, NULL, NULL, 0,
							 alloc, alloc_arg, res);
}

fw_status
fw_parse_vars(const char *s, size_t len, fw_lookup_fn lookup,
			  void *lookup_arg, fw_var_fn vars, void *vars_arg,
			  fw_realloc_fn alloc, void *alloc_arg, fw_result *res)
{
	return fw_parse_internal(s, len, lookup, lookup_arg, vars, vars_arg, 0,
							 alloc, alloc_arg, res);
}

static fw_status
fw_parse_internal(const char *s, size_t len, fw_lookup_fn lookup,
				  void *lookup_arg, fw_var_fn vars, void *vars_arg,
				  int var_depth, fw_realloc_fn alloc, void *alloc_arg,
				  fw_result *res)
{
	fw_parser	p;

	if (res == NULL)
		return FW_ERR_NOMEM;

	res->iv = NULL;
	res->n = 0;
	res->status = FW_OK;
	res->err_offset = 0;
	res->err_len = 0;
	res->err_msg[0] = '\0';

	if (s == NULL)
		len = 0;

	p.s = s;
	p.len = len;
	p.pos = 0;
	p.lookup = lookup;
	p.lookup_arg = lookup_arg;
	p.vars = vars;
	p.vars_arg = vars_arg;
	p.var_depth = var_depth;
	p.alloc = alloc;
	p.alloc_arg = alloc_arg;
	memset(&p.peeked, 0, sizeof(p.peeked));
	memset(&p.prev, 0, sizeof(p.prev));
	p.has_peeked = 0;
	p.has_prev = 0;
	p.res = res;
	p.pst.v = p.pos_inline;
	p.pst.n = 0;
	p.pst.cap = FW_INLINE_IVS;
	p.pst.heap = 0;
	p.nst.v = p.neg_inline;
	p.nst.n = 0;
	p.nst.cap = FW_INLINE_IVS;
	p.nst.heap = 0;

	if (alloc == NULL)
	{
		fw_msg		m = error_start(&p, FW_ERR_NOMEM, 0, 0);

		msg_str(&m, "no allocator supplied");
		return res->status;
	}

	if (parse_top(&p) < 0)
	{
		res->iv = NULL;
		res->n = 0;
	}
	else
		res->status = FW_OK;

	stack_release(&p, &p.pst);
	stack_release(&p, &p.nst);
	return res->status;
}

void
fw_result_free(fw_result *res, fw_realloc_fn alloc, void *alloc_arg)
{
	if (res == NULL)
		return;
	if (res->iv != NULL && alloc != NULL)
		(void) alloc(res->iv, 0, alloc_arg);
	res->iv = NULL;
	res->n = 0;
}

void *
fw_std_realloc(void *ptr, size_t size, void *arg)
{
	(void) arg;
	if (size == 0)
	{
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

int
fw_is_normalized(const fw_interval *iv, size_t n)
{
	size_t		i;

	if (n > 0 && iv == NULL)
		return 0;
	for (i = 0; i < n; i++)
	{
		if (iv[i].lo > iv[i].hi)
			return 0;
		if (i > 0 && (uint32_t) iv[i - 1].hi + 1 >= (uint32_t) iv[i].lo)
			return 0;
	}
	return 1;
}


/* ----------------------------------------------------------------
 *		Printer
 * ----------------------------------------------------------------
 */

typedef struct fw_out
{
	char	   *buf;
	size_t		buflen;
	size_t		n;				/* length of the complete output so far */
} fw_out;

static void
out_char(fw_out *o, char c)
{
	if (o->n + 1 < o->buflen)
		o->buf[o->n] = c;
	o->n++;
}

static void
out_str(fw_out *o, const char *str)
{
	while (*str)
		out_char(o, *str++);
}

static void
out_port(fw_out *o, uint16_t v)
{
	char		tmp[6];
	int			i = 0;

	do
	{
		tmp[i++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (i > 0)
		out_char(o, tmp[--i]);
}

/*
 * Cisco IOS ACL port operators: one operator per ACE, so only the sets
 * one operator can express print: up to FW_CISCO_EQ_MAX single ports (eq),
 * one range (range, or lt / gt when it touches 0 or 65535), and all ports
 * but one (neq).  Anything else prints nothing.
 */
static size_t
format_cisco(const fw_interval *iv, size_t n, char *buf, size_t buflen)
{
	fw_out		o;
	size_t		i;
	int			singles = 1;

	o.buf = buf;
	o.buflen = (buf == NULL) ? 0 : buflen;
	o.n = 0;

	if (n > 0 && fw_is_normalized(iv, n))
	{
		for (i = 0; i < n; i++)
			if (iv[i].lo != iv[i].hi)
				singles = 0;
		if (singles && n <= FW_CISCO_EQ_MAX)
		{
			out_str(&o, "eq");
			for (i = 0; i < n; i++)
			{
				out_char(&o, ' ');
				out_port(&o, iv[i].lo);
			}
		}
		else if (n == 1 && iv[0].lo == 0 && iv[0].hi < FW_PORT_MAX)
		{
			out_str(&o, "lt ");
			out_port(&o, (uint16_t) (iv[0].hi + 1));
		}
		else if (n == 1 && iv[0].lo > 0 && iv[0].hi == FW_PORT_MAX)
		{
			out_str(&o, "gt ");
			out_port(&o, (uint16_t) (iv[0].lo - 1));
		}
		else if (n == 1)
		{
			out_str(&o, "range ");
			out_port(&o, iv[0].lo);
			out_char(&o, ' ');
			out_port(&o, iv[0].hi);
		}
		else if (n == 2 && iv[0].lo == 0 && iv[1].hi == FW_PORT_MAX &&
				 (uint32_t) iv[0].hi + 2 == (uint32_t) iv[1].lo)
		{
			out_str(&o, "neq ");
			out_port(&o, (uint16_t) (iv[0].hi + 1));
		}
	}
	if (o.buflen > 0)
		o.buf[o.n < o.buflen ? o.n : o.buflen - 1] = '\0';
	return o.n;
}

size_t
fw_format(const fw_interval *iv, size_t n, fw_style style,
		  char *buf, size_t buflen)
{
	fw_out		o;
	const char *open;
	const char *sep;
	const char *close;
	char		rangesep;
	size_t		i;

	o.buf = buf;
	o.buflen = (buf == NULL) ? 0 : buflen;
	o.n = 0;

	switch (style)
	{
		case FW_STYLE_IPTABLES:
			open = "";
			sep = ",";
			close = "";
			rangesep = ':';
			break;
		case FW_STYLE_NFTABLES:
			open = "{ ";
			sep = ", ";
			close = " }";
			rangesep = '-';
			break;
		case FW_STYLE_SURICATA:
			open = "[";
			sep = ",";
			close = "]";
			rangesep = ':';
			break;
		case FW_STYLE_PLAIN:
		case FW_STYLE_NMAP:
			open = "";
			sep = ",";
			close = "";
			rangesep = '-';
			break;
		case FW_STYLE_UFW:
			open = "";
			sep = ",";
			close = "";
			rangesep = ':';
			break;
		case FW_STYLE_PF:
			open = "{ ";
			sep = " ";
			close = " }";
			rangesep = ':';
			break;
		case FW_STYLE_CISCO:
			return format_cisco(iv, n, buf, buflen);
		default:
			n = 0;				/* unknown style: print nothing */
			open = sep = close = "";
			rangesep = '-';
			break;
	}

	if (n == 0 || !fw_is_normalized(iv, n))
	{
		if (o.buflen > 0)
			o.buf[0] = '\0';
		return 0;
	}

	if (style == FW_STYLE_SURICATA && n == 1 &&
		iv[0].lo == 0 && iv[0].hi == FW_PORT_MAX)
		out_str(&o, "any");
	else
	{
		/* a single element needs no brackets */
		if (n > 1)
			out_str(&o, open);
		for (i = 0; i < n; i++)
		{
			if (i > 0)
				out_str(&o, sep);
			out_port(&o, iv[i].lo);
			if (iv[i].hi != iv[i].lo)
			{
				out_char(&o, rangesep);
				out_port(&o, iv[i].hi);
			}
		}
		if (n > 1)
			out_str(&o, close);
	}

	if (o.buflen > 0)
		o.buf[o.n < o.buflen ? o.n : o.buflen - 1] = '\0';
	return o.n;
}
