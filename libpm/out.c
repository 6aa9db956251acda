/*
 * out.c - the one output layer: table, TSV, CSV and JSON Lines writers.
 *
 * TSV, CSV and JSON are streamed: each field goes to the FILE as soon as
 * it is added, so a list of a million tickets costs no memory.  A table
 * has to know every width before it prints its first line, so its rows
 * are kept (one strdup'd string a field) until pm_out_close().  Vertical
 * tables know their only width (the widest column name) up front and are
 * streamed too.
 *
 * Text is UTF-8 bytes throughout.  The writers decode it strictly
 * (no overlong forms, no surrogates, nothing past U+10FFFF) so that a
 * bad byte is always replaced, never passed on to break the reader.
 * Display widths come from a small table of our own rather than
 * wcwidth(3), so alignment does not depend on the caller's locale.
 */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "err.h"
#include "i18n.h"
#include "money.h"
#include "out.h"
#include "text.h"
#include "utf8.h"
#include "vocab.h"

/* What u8_decode() returns for a byte that does not start valid UTF-8. */
#define BAD_CP	0xffffffffu

/* U+FFFD REPLACEMENT CHARACTER, shown for bad bytes in tables and JSON. */
#define REPLACEMENT	"\xef\xbf\xbd"

struct pm_out {
	FILE *fp;
	enum pm_fmt fmt;
	int header;		/* TSV header wanted */
	const struct pm_col *cols;
	int ncols;
	int vertical;
	char *null_text;	/* owned */

	int nfield;		/* fields added to the current row */
	int started;		/* header (if any) written */
	long nrows;		/* rows written so far (streamed and vertical) */
	int pending;		/* table padding not yet written */

	char **cells;		/* table: buffered fields, ncols a row */
	size_t ncells;
	size_t cellcap;

	int werrno;		/* errno of the first failed write */
	int oom;		/* memory ran out while buffering */
};

struct range {
	uint32_t lo, hi;
};

/*
 * Code points that take no column: combining marks of the scripts pm is
 * likely to meet, Hangul medial and final jamo (they join the initial
 * consonant's cell), zero-width spaces and joiners, bidi and other
 * format controls, and variation selectors.  Sorted; checked before
 * wide[] because a few (the kana voicing marks) sit inside wide blocks.
 */
static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x064b, 0x065f },
	{ 0x0670, 0x0670 }, { 0x06d6, 0x06dc }, { 0x06df, 0x06e4 },
	{ 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed }, { 0x0711, 0x0711 },
	{ 0x0730, 0x074a }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a },
	{ 0x0e47, 0x0e4e }, { 0x0eb1, 0x0eb1 }, { 0x0eb4, 0x0ebc },
	{ 0x0ec8, 0x0ecd }, { 0x1160, 0x11ff }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206f }, { 0x20d0, 0x20f0 },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xd7b0, 0xd7ff },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	{ 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f }, { 0xe0100, 0xe01ef }
};

/*
 * Code points two columns wide: the W and F classes of Unicode's
 * EastAsianWidth.txt (Unicode 15), merged into blocks where the gaps are
 * unassigned: CJK ideographs, kana, Hangul syllables, fullwidth forms,
 * and the emoji that terminals draw double.  Pictographs that default
 * to text presentation (U+1F321 THERMOMETER) are narrow, as in the
 * file and as terminals draw them.
 */
static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4dc0, 0x4dff },
	{ 0x4e00, 0x9fff }, { 0xa000, 0xa4cf }, { 0xa960, 0xa97f },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe10, 0xfe19 },
	{ 0xfe30, 0xfe6f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 },
	{ 0x16fe0, 0x16fe3 }, { 0x16ff0, 0x16ff1 }, { 0x17000, 0x18d08 },
	{ 0x1aff0, 0x1b2ff }, { 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf },
	{ 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f202 },
	{ 0x1f210, 0x1f23b }, { 0x1f240, 0x1f248 }, { 0x1f250, 0x1f251 },
	{ 0x1f260, 0x1f265 }, { 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 },
	{ 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca },
	{ 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc },
	{ 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 },
	{ 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 },
	{ 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6d7 }, { 0x1f6dc, 0x1f6df },
	{ 0x1f6eb, 0x1f6ec }, { 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb },
	{ 0x1f7f0, 0x1f7f0 }, { 0x1f90c, 0x1f93a }, { 0x1f93c, 0x1f945 },
	{ 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff }, { 0x20000, 0x2fffd },
	{ 0x30000, 0x3fffd }
};

static int
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* Columns taken by printable code point 'cp'. */
static int
cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
		return 2;
	return 1;
}

/*
 * Decode the UTF-8 sequence at 's' into *cp and return its length.  A
 * byte that does not start a complete, shortest-form sequence of a
 * scalar value gives BAD_CP and length 1, so the caller replaces bad
 * bytes one by one.  The string's NUL stops a truncated sequence, since
 * it is not a continuation byte.
 */
static size_t
u8_decode(const char *str, uint32_t *cp)
{
	size_t n = pm_utf8_decode(str, cp);

	if (n == 0) {
		*cp = BAD_CP;
		return 1;
	}
	return n;
}

/*
 * Low-level writing.  Every write goes through out_write() so that the
 * first failure's errno is kept for pm_out_close(); after a failure the
 * rest is skipped, since it cannot reach the reader anyway.
 */
static void
out_write(struct pm_out *o, const char *p, size_t n)
{
	if (n == 0 || o->werrno != 0)
		return;
	errno = 0;
	/* One thread writes: no lock taken per field. */
	if (fwrite_unlocked(p, 1, n, o->fp) != n)
		o->werrno = errno != 0 ? errno : EIO;
}

static void
out_puts(struct pm_out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

static void
out_spaces(struct pm_out *o, int n)
{
	static const char spaces[] = "                                ";
	int k;

	while (n > 0) {
		k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		out_write(o, spaces, k);
		n -= k;
	}
}

/* Write "\xHH" for byte 'b' (TSV and CSV show bad bytes this way). */
static void
out_hexbyte(struct pm_out *o, unsigned char b)
{
	char buf[8];

	snprintf(buf, sizeof buf, "\\x%02x", b);
	out_puts(o, buf);
}

/*
 * Tables.
 *
 * tab_unit() turns the next character of a field into what a table
 * shows for it: the character itself, U+FFFD for a bad byte, or a
 * visible escape for a control character, so that a complaint typed as
 * "\x1b[2J" cannot clear the manager's screen.  A backslash is left
 * alone: tables are for people, and TSV is the exact form.
 */
static size_t
tab_unit(const char *s, char buf[8], size_t *blen, int *width, int *raw)
{
	uint32_t cp;
	size_t n;

	n = u8_decode(s, &cp);
	*raw = 0;
	if (cp == BAD_CP) {
		memcpy(buf, REPLACEMENT, 3);
		*blen = 3;
		*width = 1;
	} else if (cp < 0x20 || cp == 0x7f) {
		switch (cp) {
		case '\t':
			memcpy(buf, "\\t", 3);
			break;
		case '\n':
			memcpy(buf, "\\n", 3);
			break;
		case '\r':
			memcpy(buf, "\\r", 3);
			break;
		case 0x1b:
			memcpy(buf, "\\e", 3);
			break;
		default:
			snprintf(buf, 8, "\\x%02x", (unsigned)cp);
			break;
		}
		*blen = strlen(buf);
		*width = (int)*blen;
	} else if (cp >= 0x80 && cp <= 0x9f) {
		/* C1 controls: CSI (U+009B) is an escape on some terminals. */
		snprintf(buf, 8, "\\u%04x", (unsigned)cp);
		*blen = 6;
		*width = 6;
	} else {
		*raw = 1;
		*blen = n;
		*width = cp_width(cp);
	}
	return n;
}

/*
 * Show 's' as a table does (to o's stream unless 'o' is NULL) and return
 * its width in columns.  Pending padding is written first, and only if
 * 's' is not empty, so padding never ends a line.  Runs of ordinary
 * characters are written in one piece.
 */
static int
tab_show(struct pm_out *o, const char *s)
{
	const char *run = s;
	char buf[8];
	size_t n, blen;
	int w, width = 0, raw;

	if (o != NULL && *s != '\0') {
		out_spaces(o, o->pending);
		o->pending = 0;
	}
	while (*s != '\0') {
		n = tab_unit(s, buf, &blen, &w, &raw);
		if (!raw && o != NULL) {
			out_write(o, run, s - run);
			out_write(o, buf, blen);
		}
		s += n;
		if (!raw)
			run = s;
		width += w;
	}
	if (o != NULL)
		out_write(o, run, s - run);
	return width;
}

int
pm_out_width(const char *s)
{
	if (s == NULL)
		return 0;
	return tab_show(NULL, s);
}

static const char *
cell_text(const struct pm_out *o, const char *cell)
{
	return cell != NULL ? cell : o->null_text;
}

static int
right_aligned(const struct pm_out *o, int col)
{
	return o->cols[col].type != PM_COL_TEXT;
}

/*
 * Write one table line: 'cells' padded to 'widths', two spaces between
 * columns, numbers right-aligned.  The last column is not padded.
 */
static void
tab_line(struct pm_out *o, const char *const *cells, const int *widths)
{
	int i, pad;
	const char *t;

	o->pending = 0;
	for (i = 0; i < o->ncols; i++) {
		t = cells[i];
		pad = widths[i] - pm_out_width(t);
		if (i > 0)
			o->pending += 2;
		if (right_aligned(o, i)) {
			o->pending += pad;
			tab_show(o, t);
		} else {
			tab_show(o, t);
			o->pending += pad;
		}
	}
	o->pending = 0;
	out_write(o, "\n", 1);
}

/*
 * Print 'row' as "column  value" lines, names padded to the widest, with
 * a blank line before every row but the first.
 */
static void
tab_vertical_row(struct pm_out *o, char *const *row)
{
	int i, w, namew = 0;

	for (i = 0; i < o->ncols; i++) {
		w = pm_out_width(_(o->cols[i].name));
		if (w > namew)
			namew = w;
	}
	if (o->nrows > 0)
		out_write(o, "\n", 1);
	for (i = 0; i < o->ncols; i++) {
		o->pending = 0;
		w = tab_show(o, _(o->cols[i].name));
		o->pending = namew - w + 2;
		tab_show(o, cell_text(o, row[i]));
		o->pending = 0;
		out_write(o, "\n", 1);
	}
	o->nrows++;
}

/*
 * Print the buffered rows as an aligned table with a header line, or,
 * if vertical mode was turned on after they were added, as blocks.
 */
static void
tab_flush(struct pm_out *o)
{
	const char **line;
	int *widths;
	size_t r, nrows;
	int i, w;

	nrows = o->ncells / o->ncols;
	if (o->vertical) {
		for (r = 0; r < nrows; r++)
			tab_vertical_row(o, o->cells + r * o->ncols);
		return;
	}
	widths = calloc(o->ncols, sizeof widths[0]);
	line = calloc(o->ncols, sizeof line[0]);
	if (widths == NULL || line == NULL) {
		o->oom = 1;
		goto out;
	}
	for (i = 0; i < o->ncols; i++) {
		widths[i] = pm_out_width(_(o->cols[i].name));
		for (r = 0; r < nrows; r++) {
			w = pm_out_width(cell_text(o, o->cells[r * o->ncols + i]));
			if (w > widths[i])
				widths[i] = w;
		}
	}
	for (i = 0; i < o->ncols; i++)
		line[i] = _(o->cols[i].name);
	tab_line(o, line, widths);
	for (r = 0; r < nrows; r++) {
		for (i = 0; i < o->ncols; i++)
			line[i] = cell_text(o, o->cells[r * o->ncols + i]);
		tab_line(o, line, widths);
	}
out:
	free(widths);
	free(line);
}

/* Free the last 'n' buffered cells. */
static void
tab_drop(struct pm_out *o, size_t n)
{
	while (n-- > 0 && o->ncells > 0)
		free(o->cells[--o->ncells]);
}

/*
 * Make room for a whole row before its first field, so that a row is
 * either fully buffered or, once memory ran out, not at all.
 */
static void
tab_reserve(struct pm_out *o)
{
	size_t cap;
	char **p;

	if (o->oom || o->ncells + o->ncols <= o->cellcap)
		return;
	cap = o->cellcap == 0 ? 64 * (size_t)o->ncols : o->cellcap * 2;
	if ((p = realloc(o->cells, cap * sizeof p[0])) == NULL) {
		o->oom = 1;
		return;
	}
	o->cells = p;
	o->cellcap = cap;
}

static void
tab_add(struct pm_out *o, const char *text)
{
	char *copy = NULL;

	if (o->nfield == 0)
		tab_reserve(o);
	if (o->oom)
		return;
	if (text != NULL && (copy = strdup(text)) == NULL) {
		o->oom = 1;
		tab_drop(o, o->nfield);
		return;
	}
	o->cells[o->ncells++] = copy;
}

/*
 * The escapes TSV and JSON share: tab, newline, CR and backslash as
 * \t \n \r \\, or NULL for any other code point.
 */
static const char *
short_escape(uint32_t cp)
{
	switch (cp) {
	case '\t':
		return "\\t";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\\':
		return "\\\\";
	default:
		return NULL;
	}
}

/*
 * TSV: one line a row, fields separated by tabs; tab, newline, CR and
 * backslash escaped so a field never splits a line, and bad bytes shown
 * as \xHH (unambiguous, since a real backslash is doubled).  Other bytes
 * go through untouched: TSV is for programs.
 */
static void
tsv_field(struct pm_out *o, const char *s)
{
	const char *run = s;
	const char *esc;
	uint32_t cp;
	size_t n;

	for (; *s != '\0'; s += n) {
		n = u8_decode(s, &cp);
		if ((esc = short_escape(cp)) == NULL && cp != BAD_CP)
			continue;
		out_write(o, run, s - run);
		if (esc != NULL)
			out_puts(o, esc);
		else
			out_hexbyte(o, (unsigned char)*s);
		run = s + n;
	}
	out_write(o, run, s - run);
}

/*
 * CSV (RFC 4180): a field is quoted when it holds a comma, a quote, CR
 * or LF, or starts or ends with a blank that a reader might trim; quotes
 * inside are doubled.  Bad bytes are shown as \xHH.  For a spreadsheet
 * ('inert'), a text cell a spreadsheet would take for a formula gets a
 * leading apostrophe, which it shows as text and does not evaluate
 * (OWASP's advice for CSV injection).
 */
static void
csv_field(struct pm_out *o, const char *s, int inert)
{
	size_t len = strlen(s), n;
	const char *run = s;
	uint32_t cp;
	int quote;

	inert = inert && strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
	quote = strpbrk(s, ",\"\r\n") != NULL || (len > 0 && !inert &&
	    (s[0] == ' ' || s[0] == '\t' ||
	    s[len - 1] == ' ' || s[len - 1] == '\t')) ||
	    (inert && len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'));
	if (quote)
		out_write(o, "\"", 1);
	if (inert)
		out_write(o, "'", 1);
	for (; *s != '\0'; s += n) {
		n = u8_decode(s, &cp);
		if (cp == '"') {
			/* Write the quote with the run, then one more. */
			out_write(o, run, s + 1 - run);
			run = s;
		} else if (cp == BAD_CP) {
			out_write(o, run, s - run);
			out_hexbyte(o, (unsigned char)*s);
			run = s + 1;
		}
	}
	out_write(o, run, s - run);
	if (quote)
		out_write(o, "\"", 1);
}

/*
 * JSON strings, escaped strictly: quote, backslash and the usual short
 * escapes; every other C0 or C1 control, DEL, and U+2028/U+2029 (which
 * break JavaScript parsers) as \uXXXX; bad bytes as U+FFFD; the rest of
 * UTF-8 as is.
 */
static void
json_string(struct pm_out *o, const char *s)
{
	const char *run = s;
	const char *esc;
	char buf[16];
	uint32_t cp;
	size_t n;

	out_write(o, "\"", 1);
	for (; *s != '\0'; s += n) {
		n = u8_decode(s, &cp);
		if ((esc = short_escape(cp)) != NULL) {
			out_write(o, run, s - run);
			out_puts(o, esc);
			run = s + n;
			continue;
		}
		esc = buf;
		switch (cp) {
		case '"':
			esc = "\\\"";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\f':
			esc = "\\f";
			break;
		case BAD_CP:
			esc = REPLACEMENT;
			break;
		default:
			if (cp >= 0x20 && cp != 0x7f &&
			    !(cp >= 0x80 && cp <= 0x9f) &&
			    cp != 0x2028 && cp != 0x2029)
				continue;
			snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cp);
			break;
		}
		out_write(o, run, s - run);
		out_puts(o, esc);
		run = s + n;
	}
	out_write(o, run, s - run);
	out_write(o, "\"", 1);
}

int
pm_json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (*++s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

/* The header line of TSV (when asked) and CSV, once, before any row. */
static void
start(struct pm_out *o)
{
	int i;

	if (o->started)
		return;
	o->started = 1;
	/* The byte order mark tells a spreadsheet the file is UTF-8. */
	if (o->fmt == PM_FMT_EXCEL)
		out_puts(o, "\xef\xbb\xbf");
	if (o->fmt == PM_FMT_CSV || o->fmt == PM_FMT_EXCEL ||
	    (o->fmt == PM_FMT_TSV && o->header)) {
		for (i = 0; i < o->ncols; i++) {
			if (i > 0)
				out_write(o, o->fmt == PM_FMT_TSV ? "\t" : ",", 1);
			if (o->fmt == PM_FMT_CSV)
				csv_field(o, o->cols[i].name, 0);
			else if (o->fmt == PM_FMT_EXCEL)
				csv_field(o, _(o->cols[i].name), 1);
			else
				tsv_field(o, o->cols[i].name);
		}
		out_puts(o, o->fmt == PM_FMT_TSV ? "\n" : "\r\n");
	}
}

/* Write field number o->nfield of a streamed row. */
static void
stream_field(struct pm_out *o, const char *text)
{
	const struct pm_col *col = &o->cols[o->nfield];

	start(o);
	switch (o->fmt) {
	case PM_FMT_TSV:
		if (o->nfield > 0)
			out_write(o, "\t", 1);
		/* The NULL text is written as given: "\N" must stay "\N". */
		if (text == NULL)
			out_puts(o, o->null_text);
		else
			tsv_field(o, text);
		break;
	case PM_FMT_CSV:
		if (o->nfield > 0)
			out_write(o, ",", 1);
		csv_field(o, text != NULL ? text : o->null_text, 0);
		break;
	case PM_FMT_EXCEL:
		if (o->nfield > 0)
			out_write(o, ",", 1);
		if (text != NULL && col->vocab != NULL)
			text = pm_vocab_label(col->vocab, text);
		csv_field(o, text != NULL ? text : o->null_text,
		    col->type == PM_COL_TEXT);
		break;
	case PM_FMT_JSON:
		out_write(o, o->nfield > 0 ? "," : "{", 1);
		json_string(o, col->name);
		out_write(o, ":", 1);
		if (text == NULL)
			out_puts(o, "null");
		else if (col->type != PM_COL_TEXT && pm_json_number(text))
			out_puts(o, text);
		else
			json_string(o, text);
		break;
	case PM_FMT_TABLE:
		break;
	}
}

int
pm_out_parse_format(const char *name, enum pm_fmt *fmt)
{
	static const struct {
		const char *name;
		enum pm_fmt fmt;
	} names[] = {
		{ "table", PM_FMT_TABLE },
		{ "tsv", PM_FMT_TSV },
		{ "csv", PM_FMT_CSV },
		{ "json", PM_FMT_JSON },
		{ "excel", PM_FMT_EXCEL }
	};
	size_t i;

	for (i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i].name) == 0) {
			*fmt = names[i].fmt;
			return 0;
		}
	}
	return pm_err(PM_EX_USAGE, "format %s: unknown format "
	    "(choose table, tsv, csv, json or excel)", pm_q(name));
}

enum pm_fmt
pm_out_default_format(FILE *fp)
{
	int fd = fileno(fp);

	return fd >= 0 && isatty(fd) ? PM_FMT_TABLE : PM_FMT_TSV;
}

struct pm_out *
pm_out_new(FILE *fp, enum pm_fmt fmt, int header, const struct pm_col *cols,
    int ncols)
{
	struct pm_out *o;

	assert(fp != NULL && cols != NULL && ncols > 0);
	if ((o = calloc(1, sizeof *o)) == NULL)
		return NULL;
	if ((o->null_text = strdup("")) == NULL) {
		free(o);
		return NULL;
	}
	o->fp = fp;
	o->fmt = fmt;
	o->header = header;
	o->cols = cols;
	o->ncols = ncols;
	return o;
}

void
pm_out_vertical(struct pm_out *o, int on)
{
	o->vertical = on;
}

void
pm_out_null_text(struct pm_out *o, const char *text)
{
	char *copy;

	/* Out of memory keeps the old text, which is still a valid one. */
	if ((copy = strdup(text != NULL ? text : "")) == NULL)
		return;
	free(o->null_text);
	o->null_text = copy;
}

void
pm_out_text(struct pm_out *o, const char *text)
{
	assert(o->nfield < o->ncols);
	/* Without assertions, drop the extra field rather than overrun. */
	if (o->nfield >= o->ncols)
		return;
	if (o->fmt == PM_FMT_TABLE) {
		if (text != NULL && o->cols[o->nfield].vocab != NULL)
			text = pm_vocab_label(o->cols[o->nfield].vocab, text);
		tab_add(o, text);
	} else
		stream_field(o, text);
	o->nfield++;
}

int
pm_out_for_people(const struct pm_out *o)
{
	return o->fmt == PM_FMT_TABLE || o->fmt == PM_FMT_EXCEL;
}

/*
 * A duration of 'secs' >= 0 in words: "1d 7h 30m" in English (the form
 * pm_duration_fmt() writes and pm_duration_parse() reads), "1天7小时30分"
 * in Chinese, where unit letters would read as English in a Chinese
 * table.
 */
static char *
duration_words(int64_t secs, char *buf, size_t len)
{
	int64_t d = secs / 86400, h = secs % 86400 / 3600, m = secs % 3600 / 60;
	size_t o = 0;

	if (pm_i18n_lang() != PM_LANG_ZH)
		return pm_duration_fmt(secs, buf, (int)len);
	buf[0] = '\0';
	if (d > 0)
		o += (size_t)snprintf(buf + o, len - o, "%lld天", (long long)d);
	if (h > 0 && o < len)
		o += (size_t)snprintf(buf + o, len - o, "%lld小时", (long long)h);
	if ((m > 0 || (d == 0 && h == 0)) && o < len)
		snprintf(buf + o, len - o, "%lld分", (long long)m);
	return buf;
}

char *
pm_out_duration_words(int64_t secs, char *buf, size_t len)
{
	char words[48];

	if (secs >= 0)
		return duration_words(secs, buf, len);
	duration_words(-secs, words, sizeof words);
	snprintf(buf, len, _("in %s"), words);
	return buf;
}

void
pm_out_duration(struct pm_out *o, int64_t secs)
{
	char buf[64];

	if (!pm_out_for_people(o)) {
		/* Whole minutes, rounding toward zero as the words do. */
		pm_out_int(o, secs / 60);
		return;
	}
	pm_out_text(o, pm_out_duration_words(secs, buf, sizeof buf));
}

void
pm_out_int(struct pm_out *o, int64_t v)
{
	/* Negate in unsigned arithmetic, where INT64_MIN has a magnitude. */
	uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char buf[24], *p = buf + sizeof buf;

	/* By hand: one per field of a long list, where printf showed. */
	*--p = '\0';
	do {
		*--p = (char)('0' + m % 10);
		m /= 10;
	} while (m != 0);
	if (v < 0)
		*--p = '-';
	pm_out_text(o, p);
}

void
pm_out_fen(struct pm_out *o, int64_t fen)
{
	char buf[PM_MONEY_LEN];

	pm_out_text(o, pm_money_fmt(fen, buf));
}

void
pm_out_row(struct pm_out *o)
{
	while (o->nfield < o->ncols)
		pm_out_text(o, NULL);
	o->nfield = 0;
	switch (o->fmt) {
	case PM_FMT_TABLE:
		/* Stream unless earlier rows wait, to keep the order. */
		if (o->vertical && !o->oom &&
		    o->ncells == (size_t)o->ncols) {
			tab_vertical_row(o, o->cells);
			tab_drop(o, o->ncols);
		}
		return;
	case PM_FMT_TSV:
		out_write(o, "\n", 1);
		break;
	case PM_FMT_CSV:
	case PM_FMT_EXCEL:
		out_write(o, "\r\n", 2);
		break;
	case PM_FMT_JSON:
		out_write(o, "}\n", 2);
		break;
	}
	o->nrows++;
}

/*
 * A row left unfinished is finished with NULLs rather than dropped, so
 * streamed output stays well-formed.  Vertical tables print nothing for
 * no rows; other tables still print their header.
 */
void
pm_out_abort(struct pm_out *o)
{
	if (o == NULL)
		return;
	tab_drop(o, o->ncells);
	free(o->cells);
	free(o->null_text);
	fflush(o->fp);
	free(o);
}

int
pm_out_close(struct pm_out *o)
{
	int rc = 0, err;

	if (o == NULL)
		return 0;
	if (o->nfield > 0)
		pm_out_row(o);
	if (o->fmt == PM_FMT_TABLE) {
		if (!o->oom)
			tab_flush(o);
	} else
		start(o);
	err = o->werrno;
	errno = 0;
	if (fflush(o->fp) != 0 && err == 0)
		err = errno != 0 ? errno : EIO;
	if (ferror(o->fp) && err == 0)
		err = EIO;
	if (err != 0)
		rc = pm_err(PM_EX_IOERR, "write error: %s", strerror(err));
	else if (o->oom)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	tab_drop(o, o->ncells);
	free(o->cells);
	free(o->null_text);
	free(o);
	return rc;
}
