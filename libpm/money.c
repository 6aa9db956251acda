/*
 * money.c - amounts people type in yuan, kept as integer fen.
 *
 * Parsing is strict on purpose: a bill is wrong for good if "1.234" or
 * "1,20" is silently read as something the person did not mean, so
 * anything with two readings is refused with a message naming it.  No
 * floating point is used anywhere; every step that could leave the
 * int64_t range is checked with the compiler's overflow builtins.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "money.h"

#define YEN	"\xc2\xa5"	/* ¥, U+00A5 */
#define YUAN	"\xe5\x85\x83"	/* 元, U+5143 */

/*
 * Values longer than this are cut short in messages, so that a whole
 * line of garbage does not become a whole screen of error.
 */
#define QUOTE_MAX 64

#define SPACES	" \t\n\v\f\r"

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * How many bytes of 's' to quote in a message: all of it, or at most
 * QUOTE_MAX bytes ending on a UTF-8 character boundary, so a message
 * never ends in half a character.
 */
static size_t
quote_len(const char *s)
{
	size_t n;

	n = strnlen(s, QUOTE_MAX + 1);
	if (n <= QUOTE_MAX)
		return n;
	n = QUOTE_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* Record "WHAT 'S': WHY" and return PM_EX_DATAERR. */
static int
bad(const char *what, const char *s, const char *why)
{
	size_t n = quote_len(s);

	return pm_err(PM_EX_DATAERR, "%s '%.*s%s': %s", _(what), (int)n, s,
	    s[n] != '\0' ? "..." : "", _(why));
}

/*
 * Check that [p, end) is digits, optionally grouped by ',' in threes
 * (only when 'seps'), then optionally '.' and one or two digits.  The
 * shape is checked completely before any arithmetic so that
 * "99999999999999999999x" is "not a number" rather than "too large".
 * On success *nfrac is the number of digits after the point.
 */
static int
check_shape(const char *what, const char *s, const char *p,
    const char *end, int seps, int *nfrac)
{
	const char *q, *frac;
	int ndig = 0, group = 0, grouped = 0;
	const char *sepmsg = N_("thousands separators must group three "
	    "digits");

	for (q = p; q < end; q++) {
		if (is_digit(*q)) {
			ndig++;
			group++;
		} else if (*q == ',' && !seps) {
			return bad(what, s, N_("separators are not allowed"));
		} else if (*q == ',') {
			/* The first group has one to three digits, the rest three. */
			if (group == 0 || group > 3 || (grouped && group != 3))
				return bad(what, s, sepmsg);
			grouped = 1;
			group = 0;
		} else
			break;
	}
	if (grouped && group != 3)
		return bad(what, s, sepmsg);
	*nfrac = 0;
	if (q < end && *q == '.') {
		if (ndig == 0)
			return bad(what, s,
			    N_("no digits before the decimal point"));
		for (frac = ++q; q < end && is_digit(*q); q++)
			continue;
		if (q == end && q == frac)
			return bad(what, s,
			    N_("no digits after the decimal point"));
		*nfrac = (int)(q - frac > 3 ? 3 : q - frac);
	}
	if (q != end || ndig == 0)
		return bad(what, s, N_("not a number"));
	if (*nfrac > 2)
		return bad(what, s, N_("more than two decimals"));
	return 0;
}

/*
 * Parse the number in [p, end) of 's' into hundredths, negated when
 * 'neg'.  The value is built as a negative number because int64_t holds
 * one more negative value than positive: that way INT64_MIN parses, and
 * only the final negation of a positive amount can overflow.
 */
static int
parse_hundredths(const char *what, const char *s, const char *p,
    const char *end, int seps, int neg, int64_t *out)
{
	const char *q;
	int64_t v = 0;
	int i, nfrac = 0, rc;

	if ((rc = check_shape(what, s, p, end, seps, &nfrac)) != 0)
		return rc;
	for (q = p; q < end; q++) {
		if (!is_digit(*q))
			continue;
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_sub_overflow(v, *q - '0', &v))
			return bad(what, s, N_("too large"));
	}
	for (i = nfrac; i < 2; i++)
		if (__builtin_mul_overflow(v, 10, &v))
			return bad(what, s, N_("too large"));
	if (!neg && __builtin_mul_overflow(v, -1, &v))
		return bad(what, s, N_("too large"));
	*out = v;
	return 0;
}

int
pm_money_parse(const char *s, int64_t *fen)
{
	const char *p = s, *end;
	int neg = 0, nsign = 0, yen = 0;

	if (*s == '\0')
		return bad(N_("amount"), s, N_("empty"));
	if (s[strcspn(s, SPACES)] != '\0')
		return bad(N_("amount"), s, N_("spaces are not allowed"));
	end = s + strlen(s);

	/* People write both "-¥3.07" and "¥-3.07"; take either order. */
	for (;;) {
		if (*p == '-' || *p == '+') {
			if (nsign++ > 0)
				return bad(N_("amount"), s, N_("more than one sign"));
			neg = *p++ == '-';
		} else if (!yen && strncmp(p, YEN, strlen(YEN)) == 0) {
			yen = 1;
			p += strlen(YEN);
		} else
			break;
	}
	if ((size_t)(end - p) >= strlen(YUAN) &&
	    memcmp(end - strlen(YUAN), YUAN, strlen(YUAN)) == 0) {
		if (yen)
			return bad(N_("amount"), s, N_("both ¥ and 元"));
		end -= strlen(YUAN);
	}
	return parse_hundredths(N_("amount"), s, p, end, 1, neg, fen);
}

int
pm_hundredths_parse(const char *s, const char *what, int64_t *out)
{
	if (what == NULL)
		what = N_("value");
	if (*s == '\0')
		return bad(what, s, N_("empty"));
	if (s[strcspn(s, SPACES)] != '\0')
		return bad(what, s, N_("spaces are not allowed"));
	if (*s == '-' || *s == '+')
		return bad(what, s, N_("signs are not allowed"));
	return parse_hundredths(what, s, s, s + strlen(s), 0, 0, out);
}

/*
 * Both formats are the same: an int64_t count of hundredths written with
 * two decimals.  The magnitude is taken in uint64_t, where negating
 * INT64_MIN is defined.
 */
static char *
fmt_hundredths(int64_t v, char *buf)
{
	uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char tmp[PM_MONEY_LEN], *p = tmp + sizeof tmp, *q = buf;
	int n = 0;

	/* By hand: a list prints one per row, and printf is most of that. */
	*--p = '\0';
	do {
		*--p = (char)('0' + m % 10);
		m /= 10;
		if (++n == 2)
			*--p = '.';
	} while (m != 0 || n < 3);
	if (v < 0)
		*q++ = '-';
	memcpy(q, p, (size_t)(tmp + sizeof tmp - p));
	return buf;
}

char *
pm_money_fmt(int64_t fen, char buf[PM_MONEY_LEN])
{
	return fmt_hundredths(fen, buf);
}

char *
pm_hundredths_fmt(int64_t v, char buf[PM_MONEY_LEN])
{
	return fmt_hundredths(v, buf);
}

/*
 * fen × h / 100 without a wider type.  With fen = 100q + r and
 * h = 100qh + rh (C division truncates, so q, r share fen's sign and
 * qh, rh share h's):
 *
 *	fen × h / 100 = fen × qh + q × rh + r × rh / 100
 *
 * Every term has the sign of fen × h, so the partial sums only grow
 * towards the result: if one overflows, the result does too.  Only the
 * last term has a fraction, |r × rh| < 10000, and since it shares the
 * result's sign, rounding it half away from zero rounds the result so.
 */
int
pm_money_mul_hundredths(int64_t fen, int64_t hundredths, int64_t *out)
{
	int64_t q = fen / 100, r = fen % 100;
	int64_t qh = hundredths / 100, rh = hundredths % 100;
	int64_t v, t, frac;
	char a[PM_MONEY_LEN], b[PM_MONEY_LEN];

	if (__builtin_mul_overflow(fen, qh, &v) ||
	    __builtin_mul_overflow(q, rh, &t) ||
	    __builtin_add_overflow(v, t, &v))
		goto overflow;
	t = r * rh;
	frac = t % 100;
	if (__builtin_add_overflow(v, t / 100, &v) ||
	    __builtin_add_overflow(v, frac >= 50 ? 1 : frac <= -50 ? -1 : 0,
	    &v))
		goto overflow;
	*out = v;
	return 0;
overflow:
	return pm_err(PM_EX_DATAERR, "amount overflow: '%s' × '%s'",
	    pm_money_fmt(fen, a), pm_hundredths_fmt(hundredths, b));
}
