/*
 * rec.c - read records from CSV, TSV or JSON Lines.
 *
 * The input is read one byte at a time through a small reader that
 * checks UTF-8 as it goes and knows the line and column of every byte,
 * so any error can name the place.  Only the current record is kept in
 * memory (with a cap, so a file without line ends cannot eat it all);
 * the first lines are kept too when the format has to be guessed, and
 * then read again from that copy.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "out.h"
#include "rec.h"

#define REC_MAX_BYTES	(1 << 20)	/* text of one record */
#define REC_MAX_FIELDS	1000

/* What rd_get() returns besides bytes. */
#define RD_EOF	(-1)
#define RD_ERR	(-2)
#define RD_NONE	(-3)	/* no byte looked at ahead */

/* The offset of a JSON null: the key is there, the value is not. */
#define NO_VALUE ((size_t)-1)

struct pm_rec {
	FILE *fp;
	char *name;
	enum pm_rec_fmt fmt;
	int err;		/* sticky: once an error, always that error */
	int primed;		/* the first lines have been looked at */

	/* The first lines, read to guess the format, to be read again. */
	unsigned char *peek;
	size_t npeek, ipeek;

	/* The reader: one byte of lookahead, and where we are. */
	int ahead;		/* a byte peeked but not consumed, or RD_NONE */
	int line, col;		/* of the byte last consumed */
	int after_nl;		/* the byte last consumed was '\n' */
	int need;		/* UTF-8 continuation bytes still due */
	int lo, hi;		/* the range the next continuation must be in */
	int lead_line, lead_col; /* where the current character began */

	/* The current record: its text, NUL-separated, and its fields. */
	char *buf;
	size_t len, cap;
	size_t *key;		/* JSON: offsets of the keys in buf */
	size_t *val;		/* offsets of the values in buf, or NO_VALUE */
	struct rec_pos {
		int line, col;
	} *pos;			/* where each field began */
	int nfield, fieldcap;
	int recline;		/* where the record began */

	/* CSV and TSV: the header's field names. */
	char **names;
	int nnames;
	int header_line;
	int have_header;
};

static int
rerr(struct pm_rec *r, int line, int col, const char *fmt, ...)
    PM_PRINTF(4, 5);

/* Record "NAME:LINE:COLUMN: MESSAGE" as the reader's sticky error. */
static int
rerr(struct pm_rec *r, int line, int col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, pm_gettext(fmt), ap);
	va_end(ap);
	r->err = pm_err(PM_EX_DATAERR, "%s:%d:%d: %s", r->name, line, col,
	    msg);
	return r->err;
}

/* An error at the byte last consumed. */
#define here(r, ...) rerr((r), (r)->line, (r)->col, __VA_ARGS__)

static int
ioerr(struct pm_rec *r)
{
	r->err = pm_err(PM_EX_IOERR, "%s: %s", r->name, strerror(errno));
	return r->err;
}

/* The next byte of the file. */
static int
fp_get(struct pm_rec *r)
{
	int c = getc(r->fp);

	if (c == EOF) {
		if (ferror(r->fp))
			return ioerr(r), RD_ERR;
		return RD_EOF;
	}
	return c;
}

/* The next byte of the input: the saved first lines, then the file. */
static int
rd_raw(struct pm_rec *r)
{
	if (r->ipeek < r->npeek)
		return r->peek[r->ipeek++];
	return fp_get(r);
}

/* Look at the next byte without consuming it. */
static int
rd_peek(struct pm_rec *r)
{
	if (r->ahead == RD_NONE)
		r->ahead = rd_raw(r);
	return r->ahead;
}

static void
bump(int *n)
{
	/* Positions saturate: a ridiculous line must not overflow. */
	if (*n < INT_MAX)
		(*n)++;
}

/*
 * Check the UTF-8 of byte 'c', just consumed at (line, col).  Sequences
 * are checked strictly: no overlong forms, no surrogates, nothing past
 * U+10FFFF, and no NUL (it would end the field's C string).
 */
static int
utf8_step(struct pm_rec *r, int c)
{
	if (r->need > 0) {
		if (c < r->lo || c > r->hi)
			return rerr(r, r->lead_line, r->lead_col,
			    "invalid UTF-8 (save the file as UTF-8)");
		r->lo = 0x80;
		r->hi = 0xbf;
		r->need--;
		return 0;
	}
	r->lead_line = r->line;
	r->lead_col = r->col;
	r->lo = 0x80;
	r->hi = 0xbf;
	if (c == 0)
		return here(r, "NUL byte in the input");
	if (c < 0x80)
		return 0;
	if (c >= 0xc2 && c <= 0xdf)
		r->need = 1;
	else if (c >= 0xe0 && c <= 0xef) {
		r->need = 2;
		if (c == 0xe0)
			r->lo = 0xa0;
		else if (c == 0xed)
			r->hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		r->need = 3;
		if (c == 0xf0)
			r->lo = 0x90;
		else if (c == 0xf4)
			r->hi = 0x8f;
	} else
		return here(r, "invalid UTF-8 (save the file as UTF-8)");
	return 0;
}

/* Consume the next byte: a byte, RD_EOF, or RD_ERR with the error set. */
static int
rd_get(struct pm_rec *r)
{
	int c;

	if (r->err != 0)
		return RD_ERR;
	c = rd_peek(r);
	r->ahead = RD_NONE;
	if (c == RD_ERR)
		return RD_ERR;
	if (c == RD_EOF) {
		if (r->need > 0)
			return rerr(r, r->lead_line, r->lead_col,
			    "invalid UTF-8 (save the file as UTF-8)"), RD_ERR;
		return RD_EOF;
	}
	if (r->after_nl) {
		bump(&r->line);
		r->col = 0;
		r->after_nl = 0;
	}
	/* Columns count characters, not bytes. */
	if ((c & 0xc0) != 0x80 || r->need == 0)
		bump(&r->col);
	if (utf8_step(r, c) != 0)
		return RD_ERR;
	if (c == '\n')
		r->after_nl = 1;
	return c;
}

/* As rd_get(), with CR LF read as LF (outside CSV quotes). */
static int
rd_get_nl(struct pm_rec *r)
{
	int c = rd_get(r);

	if (c == '\r' && rd_peek(r) == '\n')
		c = rd_get(r);
	return c;
}

/*
 * Where a line ended, for errors found there: at its line break if one
 * was just consumed, else (at the end of the input) just past the last
 * character.
 */
static void
end_pos(const struct pm_rec *r, int *line, int *col)
{
	*line = r->line;
	*col = r->col;
	if (!r->after_nl && *col < INT_MAX)
		(*col)++;
}

/*
 * Keep one more byte of the first lines; 0 at the end of the input (or
 * of what is kept), 1 when a byte was added, or an error.
 */
static int
keep_byte(struct pm_rec *r, size_t *cap)
{
	unsigned char *p;
	int c;

	if (r->npeek == REC_MAX_BYTES)
		return 0;
	if ((c = fp_get(r)) == RD_ERR)
		return r->err;
	if (c == RD_EOF)
		return 0;
	if (r->npeek == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		if ((p = realloc(r->peek, *cap)) == NULL)
			return r->err = pm_err(PM_EX_SOFTWARE, "out of memory");
		r->peek = p;
	}
	r->peek[r->npeek++] = (unsigned char)c;
	return 1;
}

/*
 * Read the first lines, up to and including the first one that is not
 * blank, to drop a byte order mark and guess the format; they are then
 * read again from the copy.  At most REC_MAX_BYTES are kept: a longer
 * first line is guessed from its beginning.
 */
static int
prime(struct pm_rec *r)
{
	size_t cap = 0, i;
	int c, rc, blank = 1, tab = 0, brace = 0;

	r->primed = 1;
	while (r->npeek < 3 && (rc = keep_byte(r, &cap)) == 1)
		;
	if (r->err != 0)
		return r->err;
	/* Spreadsheets put a UTF-8 byte order mark first; it is not text. */
	if (r->npeek == 3 && memcmp(r->peek, "\xef\xbb\xbf", 3) == 0)
		r->npeek = 0;
	for (i = 0; ; i++) {
		if (i == r->npeek && (rc = keep_byte(r, &cap)) != 1) {
			if (rc != 0)
				return rc;
			break;
		}
		c = r->peek[i];
		if (c == '\n') {
			if (!blank)
				break;
			tab = 0;
			continue;
		}
		if (blank && c == '{')
			brace = 1;
		if (c == '\t')
			tab = 1;
		if (c != ' ' && c != '\t' && c != '\r')
			blank = 0;
	}
	if (r->fmt == PM_REC_AUTO)
		r->fmt = brace ? PM_REC_JSON : tab ? PM_REC_TSV : PM_REC_CSV;
	return 0;
}

/* Start a new record. */
static void
rec_clear(struct pm_rec *r)
{
	r->len = 0;
	r->nfield = 0;
}

/* Append byte 'c' to the record's text. */
static int
put(struct pm_rec *r, int c)
{
	char *p;
	size_t cap;

	if (r->len == r->cap) {
		if (r->cap >= REC_MAX_BYTES)
			return here(r, "record longer than %d bytes",
			    REC_MAX_BYTES);
		cap = r->cap ? r->cap * 2 : 256;
		if ((p = realloc(r->buf, cap)) == NULL)
			return r->err = pm_err(PM_EX_SOFTWARE,
			    "out of memory");
		r->buf = p;
		r->cap = cap;
	}
	r->buf[r->len++] = (char)c;
	return 0;
}

/* Append the UTF-8 encoding of code point 'cp'. */
static int
put_utf8(struct pm_rec *r, unsigned long cp)
{
	int rc = 0;

	if (cp < 0x80)
		rc = put(r, (int)cp);
	else if (cp < 0x800) {
		if ((rc = put(r, 0xc0 | (int)(cp >> 6))) == 0)
			rc = put(r, 0x80 | (int)(cp & 0x3f));
	} else if (cp < 0x10000) {
		if ((rc = put(r, 0xe0 | (int)(cp >> 12))) == 0 &&
		    (rc = put(r, 0x80 | (int)((cp >> 6) & 0x3f))) == 0)
			rc = put(r, 0x80 | (int)(cp & 0x3f));
	} else {
		if ((rc = put(r, 0xf0 | (int)(cp >> 18))) == 0 &&
		    (rc = put(r, 0x80 | (int)((cp >> 12) & 0x3f))) == 0 &&
		    (rc = put(r, 0x80 | (int)((cp >> 6) & 0x3f))) == 0)
			rc = put(r, 0x80 | (int)(cp & 0x3f));
	}
	return rc;
}

/* Begin a field whose value starts at the current end of the text. */
static int
field_begin(struct pm_rec *r)
{
	size_t *k, *v;
	struct rec_pos *p;
	int cap;

	if (r->nfield == REC_MAX_FIELDS)
		return here(r, "more than %d fields", REC_MAX_FIELDS);
	if (r->nfield == r->fieldcap) {
		cap = r->fieldcap ? r->fieldcap * 2 : 16;
		if ((k = realloc(r->key, cap * sizeof *k)) == NULL)
			return r->err = pm_err(PM_EX_SOFTWARE,
			    "out of memory");
		r->key = k;
		if ((v = realloc(r->val, cap * sizeof *v)) == NULL)
			return r->err = pm_err(PM_EX_SOFTWARE,
			    "out of memory");
		r->val = v;
		if ((p = realloc(r->pos, cap * sizeof *p)) == NULL)
			return r->err = pm_err(PM_EX_SOFTWARE,
			    "out of memory");
		r->pos = p;
		r->fieldcap = cap;
	}
	r->key[r->nfield] = NO_VALUE;
	r->val[r->nfield] = r->len;
	r->pos[r->nfield].line = r->line;
	r->pos[r->nfield].col = r->col;
	r->nfield++;
	return 0;
}

/* End the current field's text. */
static int
field_end(struct pm_rec *r)
{
	return put(r, '\0');
}

/*
 * Skip blank lines before a record.  Returns the record's first byte
 * (consumed), RD_EOF or RD_ERR.
 */
static int
skip_blank(struct pm_rec *r)
{
	int c;

	do
		c = rd_get_nl(r);
	while (c == '\n');
	r->recline = r->line;
	return c;
}

/*
 * One CSV record (RFC 4180).  A field that starts with '"' is quoted:
 * it runs to the next lone '"', may hold commas and line breaks, and
 * "" stands for a quote.  Quotes anywhere else are refused, since
 * spreadsheets and people disagree on what they mean.
 */
static int
csv_record(struct pm_rec *r)
{
	int c, qline, qcol;

	if ((c = skip_blank(r)) == RD_EOF)
		return 0;
	for (;;) {
		if (c == RD_ERR || field_begin(r) != 0)
			return r->err;
		if (c == '"') {
			qline = r->line;
			qcol = r->col;
			for (;;) {
				if ((c = rd_get(r)) == RD_ERR)
					return r->err;
				if (c == RD_EOF)
					return rerr(r, qline, qcol,
					    "quoted field never ends");
				if (c == '"') {
					if (rd_peek(r) != '"')
						break;
					c = rd_get(r);
				}
				if (put(r, c) != 0)
					return r->err;
			}
			c = rd_get_nl(r);
			if (c != ',' && c != '\n' && c != RD_EOF &&
			    c != RD_ERR)
				return here(r, "text after a quoted field's "
				    "closing quote");
		} else {
			while (c != ',' && c != '\n' && c != RD_EOF) {
				if (c == RD_ERR)
					return r->err;
				if (c == '"')
					return here(r, "quote inside an "
					    "unquoted field (quote the whole "
					    "field and double the quote)");
				if (put(r, c) != 0)
					return r->err;
				c = rd_get_nl(r);
			}
		}
		if (c == RD_ERR || field_end(r) != 0)
			return r->err;
		if (c != ',')
			return 1;
		c = rd_get_nl(r);
	}
}

/* The byte a TSV escape "\X" stands for, or 0 when it is not one. */
static int
tsv_unescape(int c)
{
	switch (c) {
	case 't':
		return '\t';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case '\\':
		return '\\';
	default:
		return 0;
	}
}

/*
 * One TSV record: fields split on tabs, with pm's escapes undone.  A
 * backslash before anything else is kept as it is, so text written by
 * other programs loses nothing.
 */
static int
tsv_record(struct pm_rec *r)
{
	int c, u;

	if ((c = skip_blank(r)) == RD_EOF)
		return 0;
	for (;;) {
		if (c == RD_ERR || field_begin(r) != 0)
			return r->err;
		while (c != '\t' && c != '\n' && c != RD_EOF) {
			if (c == RD_ERR)
				return r->err;
			if (c == '\\' && (u = tsv_unescape(rd_peek(r))) != 0) {
				rd_get(r);
				c = u;
			}
			if (put(r, c) != 0)
				return r->err;
			c = rd_get_nl(r);
		}
		if (c == RD_ERR || field_end(r) != 0)
			return r->err;
		if (c != '\t')
			return 1;
		c = rd_get_nl(r);
	}
}

/* Keep the first record of a CSV or TSV file as the field names. */
static int
take_header(struct pm_rec *r)
{
	int i, j;

	if ((r->names = calloc(r->nfield, sizeof *r->names)) == NULL)
		return r->err = pm_err(PM_EX_SOFTWARE, "out of memory");
	r->header_line = r->recline;
	for (i = 0; i < r->nfield; i++) {
		const char *s = r->buf + r->val[i];

		if (*s == '\0')
			return rerr(r, r->pos[i].line, r->pos[i].col,
			    "field %d of the header has no name", i + 1);
		for (j = 0; j < i; j++)
			if (strcmp(r->names[j], s) == 0)
				return rerr(r, r->pos[i].line, r->pos[i].col,
				    "field '%s' named twice in the header", s);
		if ((r->names[i] = strdup(s)) == NULL)
			return r->err = pm_err(PM_EX_SOFTWARE,
			    "out of memory");
		r->nnames = i + 1;
	}
	r->have_header = 1;
	return 0;
}

/* JSON whitespace within a line. */
static int
json_ws(struct pm_rec *r, int c)
{
	while (c == ' ' || c == '\t' || c == '\r')
		c = rd_get(r);
	return c;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* An error at the place the next byte would be: the end of a line. */
static int
at_end(struct pm_rec *r, const char *msg)
{
	int line, col;

	end_pos(r, &line, &col);
	return rerr(r, line, col, "%s", _(msg));
}

/* The four hex digits after "\u"; -1 (error recorded) if they are not. */
static long
json_hex4(struct pm_rec *r)
{
	long v = 0;
	int i, c, h;

	for (i = 0; i < 4; i++) {
		if ((c = rd_get(r)) == RD_ERR)
			return -1;
		if ((h = hexval(c)) < 0) {
			if (c == RD_EOF || c == '\n')
				at_end(r, N_("\\u needs four hex digits"));
			else
				here(r, "\\u needs four hex digits");
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

/* A "\uXXXX" escape (the "\u" consumed), with surrogate pairs joined. */
static int
json_uescape(struct pm_rec *r)
{
	long hi, lo;
	int line = r->line, col = r->col - 1;

	if ((hi = json_hex4(r)) < 0)
		return r->err;
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return rerr(r, line, col, "\\u%04lX: a low surrogate with no "
		    "high one before it", hi);
	if (hi >= 0xd800 && hi <= 0xdbff) {
		if (rd_peek(r) != '\\')
			return rerr(r, line, col, "\\u%04lX: a high surrogate "
			    "with no low one after it", hi);
		rd_get(r);
		if (rd_peek(r) != 'u')
			return rerr(r, line, col, "\\u%04lX: a high surrogate "
			    "with no low one after it", hi);
		rd_get(r);
		if ((lo = json_hex4(r)) < 0)
			return r->err;
		if (lo < 0xdc00 || lo > 0xdfff)
			return rerr(r, line, col, "\\u%04lX: a high surrogate "
			    "with no low one after it", hi);
		hi = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
	}
	if (hi == 0)
		return rerr(r, line, col, "\\u0000 is not allowed");
	return put_utf8(r, (unsigned long)hi);
}

/* The byte a JSON escape "\X" stands for, or -1 when it is not one. */
static int
json_unescape(int c)
{
	switch (c) {
	case '"':
	case '\\':
	case '/':
		return c;
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	default:
		return -1;
	}
}

/* A JSON string, its opening quote consumed, appended to the text. */
static int
json_string(struct pm_rec *r)
{
	int c, u, line = r->line, col = r->col;

	for (;;) {
		if ((c = rd_get(r)) == RD_ERR)
			return r->err;
		if (c == RD_EOF || c == '\n')
			return rerr(r, line, col, "string never ends");
		if (c == '"')
			return 0;
		if (c < 0x20)
			return here(r, "control character in a string "
			    "(write it as \\u%04X)", c);
		if (c == '\\') {
			if ((c = rd_get(r)) == RD_ERR)
				return r->err;
			if (c == RD_EOF || c == '\n')
				return rerr(r, line, col, "string never ends");
			if (c == 'u') {
				if (json_uescape(r) != 0)
					return r->err;
				continue;
			}
			if ((u = json_unescape(c)) < 0)
				return here(r, "unknown escape '\\%c'",
				    c >= 0x20 && c < 0x7f ? c : '?');
			c = u;
		}
		if (put(r, c) != 0)
			return r->err;
	}
}

/*
 * A bare value (a number, true, false or null) appended as its text;
 * *cp is its first byte and is left holding the byte after it.
 */
static int
json_word(struct pm_rec *r, int *cp)
{
	int c = *cp, line = r->line, col = r->col;
	size_t start = r->len;
	const char *w;

	while ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '-' || c == '+' || c == '.') {
		if (put(r, c) != 0)
			return r->err;
		c = rd_get(r);
	}
	if (c == RD_ERR || put(r, '\0') != 0)
		return r->err;
	*cp = c;
	w = r->buf + start;
	if (strcmp(w, "true") == 0 || strcmp(w, "false") == 0 ||
	    strcmp(w, "null") == 0 || pm_json_number(w))
		return 0;
	if (*w == '\0') {
		if (c == RD_EOF || c == '\n')
			return at_end(r, N_("expected a value"));
		return here(r, "expected a value");
	}
	return rerr(r, line, col, "'%s' is not a JSON value", w);
}

/* The key just read (field 'i') must not be one read before. */
static int
json_unique(struct pm_rec *r, int i, int line, int col)
{
	int j;

	for (j = 0; j < i; j++)
		if (strcmp(r->buf + r->key[j], r->buf + r->key[i]) == 0)
			return rerr(r, line, col, "key '%s' given twice",
			    r->buf + r->key[i]);
	return 0;
}

/* One "key": value pair; *cp is the byte after the pair on return. */
static int
json_pair(struct pm_rec *r, int *cp)
{
	int c = *cp, i, line, col;

	if (c == RD_ERR)
		return r->err;
	if (c == RD_EOF || c == '\n')
		return at_end(r, N_("the object does not end on its line"));
	if (c != '"')
		return here(r, "expected a key in double quotes");
	line = r->line;
	col = r->col;
	if (field_begin(r) != 0)
		return r->err;
	i = r->nfield - 1;
	r->key[i] = r->len;
	if (json_string(r) != 0 || put(r, '\0') != 0 ||
	    json_unique(r, i, line, col) != 0)
		return r->err;
	c = json_ws(r, rd_get(r));
	if (c == RD_ERR)
		return r->err;
	if (c != ':')
		return here(r, "expected ':' after key '%s'",
		    r->buf + r->key[i]);
	c = json_ws(r, rd_get(r));
	r->val[i] = r->len;
	if (c == '"') {
		if (json_string(r) != 0 || put(r, '\0') != 0)
			return r->err;
		c = rd_get(r);
	} else if (c == '{' || c == '[')
		return here(r, "key '%s': nested values are not supported",
		    r->buf + r->key[i]);
	else if (c == RD_ERR)
		return r->err;
	else {
		if (json_word(r, &c) != 0)
			return r->err;
		/* null: the key is there, the value is not. */
		if (strcmp(r->buf + r->val[i], "null") == 0) {
			r->len = r->val[i];
			r->val[i] = NO_VALUE;
		}
	}
	*cp = json_ws(r, c);
	return 0;
}

/* One JSON Lines record: a flat object on one line. */
static int
json_record(struct pm_rec *r)
{
	int c;

	do
		c = json_ws(r, rd_get(r));
	while (c == '\n');
	r->recline = r->line;
	if (c == RD_EOF)
		return 0;
	if (c == RD_ERR)
		return r->err;
	if (c != '{')
		return here(r, "expected '{' (one JSON object a line)");
	c = json_ws(r, rd_get(r));
	if (c != '}')
		for (;;) {
			if (json_pair(r, &c) != 0)
				return r->err;
			if (c == '}')
				break;
			if (c == RD_ERR)
				return r->err;
			if (c == RD_EOF || c == '\n')
				return at_end(r, N_("the object does not end on "
				    "its line"));
			if (c != ',')
				return here(r, "expected ',' or '}'");
			c = json_ws(r, rd_get(r));
		}
	c = json_ws(r, rd_get(r));
	if (c == RD_ERR)
		return r->err;
	if (c != '\n' && c != RD_EOF)
		return here(r, "text after the object");
	return 1;
}

int
pm_rec_parse_format(const char *name, enum pm_rec_fmt *fmt)
{
	if (strcmp(name, "csv") == 0)
		*fmt = PM_REC_CSV;
	else if (strcmp(name, "tsv") == 0)
		*fmt = PM_REC_TSV;
	else if (strcmp(name, "json") == 0)
		*fmt = PM_REC_JSON;
	else
		return pm_err(PM_EX_USAGE, "format '%s': unknown input "
		    "format (choose csv, tsv or json)", name);
	return 0;
}

int
pm_rec_open(FILE *fp, const char *name, enum pm_rec_fmt fmt,
    struct pm_rec **out)
{
	struct pm_rec *r;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((r->name = strdup(name != NULL ? name : "stdin")) == NULL) {
		free(r);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	r->fp = fp;
	r->fmt = fmt;
	r->ahead = RD_NONE;
	r->line = 1;
	*out = r;
	return 0;
}

/*
 * CSV and TSV: every record has as many fields as the header.  An extra
 * field is pointed at where it begins, a missing one at the line's end.
 */
static int
check_count(struct pm_rec *r)
{
	int line, col;

	if (r->nfield == r->nnames)
		return 0;
	if (r->nfield > r->nnames) {
		line = r->pos[r->nnames].line;
		col = r->pos[r->nnames].col;
	} else
		end_pos(r, &line, &col);
	return rerr(r, line, col, "%d field%s, but the header has %d",
	    r->nfield, r->nfield == 1 ? "" : "s", r->nnames);
}

int
pm_rec_next(struct pm_rec *r)
{
	int rc;

	if (r->err != 0)
		return r->err;
	if (!r->primed && (rc = prime(r)) != 0)
		return rc;
	for (;;) {
		rec_clear(r);
		switch (r->fmt) {
		case PM_REC_JSON:
			return json_record(r);
		case PM_REC_TSV:
			rc = tsv_record(r);
			break;
		default:
			rc = csv_record(r);
			break;
		}
		if (rc != 1)
			return rc;
		if (r->have_header)
			return check_count(r) != 0 ? r->err : 1;
		if (take_header(r) != 0)
			return r->err;
	}
}

const char *
pm_rec_get(const struct pm_rec *r, const char *name)
{
	int i;

	if (r->fmt == PM_REC_JSON) {
		for (i = 0; i < r->nfield; i++)
			if (strcmp(r->buf + r->key[i], name) == 0)
				return r->val[i] == NO_VALUE ? NULL :
				    r->buf + r->val[i];
		return NULL;
	}
	for (i = 0; i < r->nnames && i < r->nfield; i++)
		if (strcmp(r->names[i], name) == 0)
			return r->buf + r->val[i];
	return NULL;
}

int
pm_rec_check_fields(const struct pm_rec *r, const char *const *known)
{
	char list[512];
	const char *name;
	size_t n = 0;
	int i, j, count, line;

	count = r->fmt == PM_REC_JSON ? r->nfield : r->nnames;
	line = r->fmt == PM_REC_JSON ? r->recline : r->header_line;
	for (i = 0; i < count; i++) {
		name = r->fmt == PM_REC_JSON ? r->buf + r->key[i] :
		    r->names[i];
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(known[j], name) == 0)
				break;
		if (known[j] != NULL)
			continue;
		list[0] = '\0';
		for (j = 0; known[j] != NULL && n < sizeof list; j++)
			n += (size_t)snprintf(list + n, sizeof list - n,
			    "%s%s", j ? ", " : "", known[j]);
		return pm_err(PM_EX_DATAERR, "%s:%d: unknown field '%s' "
		    "(known: %s)", r->name, line, name, list);
	}
	return 0;
}

int
pm_rec_line(const struct pm_rec *r)
{
	return r->recline;
}

const char *
pm_rec_name(const struct pm_rec *r)
{
	return r->name;
}

void
pm_rec_free(struct pm_rec *r)
{
	int i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	free(r->key);
	free(r->val);
	free(r->pos);
	free(r->buf);
	free(r->peek);
	free(r->name);
	free(r);
}
