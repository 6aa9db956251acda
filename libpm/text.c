/*
 * text.c - quoting values in messages, the rule for typed text, cuts at
 * character boundaries, and the small helpers for codes people type.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "mask.h"
#include "text.h"
#include "utf8.h"

#define NQUOTE 8
/* Each kept byte may become four ("\xHH"), plus quotes, "..." and NUL. */
#define QUOTE_MAX (PM_QUOTE_KEEP * 4 + 16)

int
pm_is_bidi_control(unsigned long cp)
{
	return cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

static int
shown_escaped(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    pm_is_bidi_control(cp);
}

/* Write 's' escaped and cut into 'o' (room QUOTE_MAX), between quotes. */
static const char *
quote_into(char *out, const char *s)
{
	const char *open = "'", *close = "'";
	const unsigned char *p = (const unsigned char *)s;
	char *o = out;
	uint32_t cp;
	size_t n, i;

	if (pm_i18n_lang() == PM_LANG_ZH) {
		open = "\xe2\x80\x9c";	/* “ */
		close = "\xe2\x80\x9d";	/* ” */
	}
	o += sprintf(o, "%s", open);
	for (; p != NULL && *p != '\0'; p += n) {
		if ((n = pm_utf8_decode((const char *)p, &cp)) == 0) {
			n = 1;
			cp = 0x80;	/* not UTF-8: shown as a byte */
		}
		/* Only whole characters, and at most PM_QUOTE_KEEP bytes. */
		if ((size_t)((const char *)p - s) + n > PM_QUOTE_KEEP) {
			o += sprintf(o, "...");
			break;
		}
		if (shown_escaped(cp))
			for (i = 0; i < n; i++)
				o += sprintf(o, "\\x%02X", p[i]);
		else {
			memcpy(o, p, n);
			o += n;
		}
	}
	sprintf(o, "%s", close);
	return out;
}

static char *
next_buffer(void)
{
	static char buf[NQUOTE][QUOTE_MAX];
	static int next;

	next = (next + 1) % NQUOTE;
	return buf[next];
}

const char *
pm_q(const char *s)
{
	return quote_into(next_buffer(), s);
}

const char *
pm_q_masked(const char *s)
{
	char m[PM_MASK_MAX];

	return quote_into(next_buffer(), pm_mask(s, m));
}

size_t
pm_utf8_cut(const char *s, size_t max)
{
	size_t at = 0, n;

	while (s[at] != '\0') {
		if ((n = pm_utf8_decode(s + at, NULL)) == 0)
			n = 1;
		if (at + n > max)
			break;
		at += n;
	}
	return at;
}

int
pm_text_check(const char *what, const char *s, size_t max, int flags)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	size_t n, at;

	what = _(what);
	if (s == NULL || *s == '\0') {
		if (flags & PM_TEXT_EMPTY)
			return 0;
		return pm_err(PM_EX_DATAERR, "%s: empty", what);
	}
	if (max > 0 && strlen(s) > max)
		return pm_err(PM_EX_DATAERR, "%s %s: longer than %zu bytes",
		    what, pm_q(s), max);
	for (; *p != '\0'; p += n) {
		at = (size_t)(p - (const unsigned char *)s) + 1;
		if ((n = pm_utf8_decode((const char *)p, &cp)) == 0)
			return pm_err(PM_EX_DATAERR, "%s %s: invalid UTF-8 at "
			    "byte %zu", what, pm_q(s), at);
		if ((flags & PM_TEXT_LINES) && (cp == '\t' || cp == '\n'))
			continue;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return pm_err(PM_EX_DATAERR, "%s %s: control character "
			    "U+%04lX at byte %zu", what, pm_q(s),
			    (unsigned long)cp, at);
		if (pm_is_bidi_control(cp))
			return pm_err(PM_EX_DATAERR, "%s %s: bidirectional "
			    "control U+%04lX at byte %zu", what, pm_q(s),
			    (unsigned long)cp, at);
	}
	return 0;
}

char *
pm_code_normalize(const char *s, char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, n, end;
	uint32_t cp;
	char c;

	if (len == 0)
		return buf;
	while (*p == ' ' || *p == '\t')
		p++;
	for (; *p != '\0' && o + 1 < len; p += n) {
		if ((n = pm_utf8_decode((const char *)p, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (cp >= 0xff01 && cp <= 0xff5e)
			c = (char)(cp - 0xff01 + '!');
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
		    cp == 0xfe58 || cp == 0xfe63 || cp == 0x30fc)
			c = '-';
		else if (cp == 0x3000)
			c = ' ';
		else {
			if (o + n >= len)
				break;
			memcpy(buf + o, p, n);
			o += n;
			continue;
		}
		buf[o++] = c;
	}
	buf[o] = '\0';
	for (end = o; end > 0 && (buf[end - 1] == ' ' || buf[end - 1] == '\t');
	    end--)
		;
	buf[end] = '\0';
	/* An ideographic space at the start became a space only now. */
	if ((n = strspn(buf, " \t")) > 0)
		memmove(buf, buf + n, end - n + 1);
	return buf;
}

int
pm_edit_distance(const char *a, const char *b, int limit)
{
	int la = (int)strlen(a), lb = (int)strlen(b), i, j, best, c;
	int row[3][65];
	int *prev2 = row[0], *prev = row[1], *cur = row[2], *t;

	if (la > 64 || lb > 64)
		return limit + 1;
	if (la - lb > limit || lb - la > limit)
		return limit + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			c = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < c)
				c = prev2[j - 2] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > limit)
			return limit + 1;
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}
