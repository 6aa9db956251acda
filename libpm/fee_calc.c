/*
 * fee_calc.c - the arithmetic of fees: prices and percentages as exact
 * decimals, one rounding per bill line, late fees, largest-remainder
 * splits, rates as basis points, months and periods.
 *
 * Everything is integers.  Products that could leave int64_t are
 * checked with the compiler's overflow builtins; rounding is half up,
 * away from zero, as domain/fees.md asks ("round once per bill line").
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "err.h"
#include "fee.h"
#include "i18n.h"
#include "text.h"

/* The largest price: 100000 yuan a unit and month. */
#define RATE_MAX ((int64_t)100000 * PM_FEE_RATE_SCALE)

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A decimal of digits with up to 'places' decimals at s..end into an
 * integer of 10^places per unit; at most 'max'.  Returns 0, or a reason
 * (static English text for the catalogue) when it does not read.
 */
static const char *
decimal(const char *s, const char *end, int places, int64_t max,
    int64_t *out)
{
	int64_t v = 0;
	int decimals = -1, digits = 0;

	if (s == end)
		return N_("empty");
	for (; s < end; s++) {
		if (*s == '.') {
			if (decimals >= 0 || digits == 0)
				return N_("not a number");
			decimals = 0;
			continue;
		}
		if (!is_digit(*s))
			return N_("not a number");
		if (decimals >= 0 && ++decimals > places)
			return places == 4 ? N_("more than four decimals") :
			    N_("more than two decimals");
		digits++;
		if (v > (max * 10 + 9) / 10)
			return N_("too large");
		v = v * 10 + (*s - '0');
	}
	if (decimals == 0)
		return N_("not a number");
	for (decimals = decimals < 0 ? 0 : decimals; decimals < places;
	    decimals++) {
		if (v > max)
			return N_("too large");
		v *= 10;
	}
	if (v > max)
		return N_("too large");
	*out = v;
	return NULL;
}

int
pm_fee_rate_parse(const char *s, int64_t *rate)
{
	const char *why = decimal(s, s + strlen(s), 4, RATE_MAX, rate);

	if (why != NULL)
		return pm_err(PM_EX_DATAERR, "rate %s: %s (a price in yuan "
		    "such as 1.85, up to four decimals)", pm_q(s), _(why));
	return 0;
}

/* 'v' with 'places' implied decimals, at least 'keep' of them shown. */
static char *
fixed(int64_t v, int places, int keep, char *buf, size_t len)
{
	uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v, p10 = 1;
	uint64_t frac;
	int i, shown = places;

	for (i = 0; i < places; i++)
		p10 *= 10;
	frac = m % p10;
	while (shown > keep && frac % 10 == 0) {
		frac /= 10;
		shown--;
	}
	if (shown == 0)
		snprintf(buf, len, "%s%llu", v < 0 ? "-" : "",
		    (unsigned long long)(m / p10));
	else
		snprintf(buf, len, "%s%llu.%0*llu", v < 0 ? "-" : "",
		    (unsigned long long)(m / p10), shown,
		    (unsigned long long)frac);
	return buf;
}

char *
pm_fee_rate_fmt(int64_t rate, char buf[PM_MONEY_LEN])
{
	return fixed(rate, 4, 2, buf, PM_MONEY_LEN);
}

int
pm_fee_percent_parse(const char *s, const char *what, int places,
    int64_t max, int64_t *out)
{
	size_t n = strlen(s);
	const char *why;

	if (n < 2 || s[n - 1] != '%')
		why = N_("not a percentage");
	else
		why = decimal(s, s + n - 1, places, max, out);
	if (why != NULL)
		return pm_err(PM_EX_DATAERR, "%s %s: %s (a percentage such as "
		    "50%% or 0.05%%)", _(what), pm_q(s), _(why));
	return 0;
}

char *
pm_fee_percent_fmt(int64_t v, int places, char *buf, size_t len)
{
	size_t n;

	fixed(v, places, 0, buf, len);
	n = strlen(buf);
	if (n + 1 < len) {
		buf[n] = '%';
		buf[n + 1] = '\0';
	}
	return buf;
}

/* n / d rounded half up, away from zero; d > 0. */
static int64_t
div_round(int64_t n, int64_t d)
{
	if (n >= 0)
		return n / d + (n % d >= d - n % d ? 1 : 0);
	return -div_round(-n, d);
}

int
pm_fee_amount(int64_t quantity, int64_t rm, int64_t den, int64_t *fen)
{
	int64_t n, d;

	if (den <= 0 || __builtin_mul_overflow(quantity, rm, &n) ||
	    __builtin_mul_overflow(den, (int64_t)PM_FEE_RATE_SCALE, &d) ||
	    n == INT64_MIN)
		return pm_err(PM_EX_DATAERR, "amount overflow: %lld × %lld",
		    (long long)quantity, (long long)rm);
	*fen = div_round(n, d);
	return 0;
}

int64_t
pm_fee_part(int64_t fen, int64_t bp)
{
	int64_t n;

	if (__builtin_mul_overflow(fen, bp, &n) || n == INT64_MIN)
		return fen;
	return div_round(n, PM_FEE_BP);
}

int64_t
pm_fee_late_fee(const struct pm_fee_late *rule, int64_t amount,
    int64_t due, const struct pm_fee_paid *paid, int n, int64_t asof)
{
	int64_t start = due + rule->grace + 1, sum, t, fee, cap;
	int i;

	if (rule->daily <= 0 || asof < start || amount <= 0)
		return 0;
	/*
	 * The fen-days owed: the whole amount every day, less each
	 * settlement from its day on (a day number counts from its day,
	 * or from the first day that bears a fee).
	 */
	if (__builtin_mul_overflow(amount, asof - start + 1, &sum))
		return 0;
	for (i = 0; i < n; i++) {
		int64_t from = paid[i].day > start ? paid[i].day : start;

		if (from > asof)
			continue;
		if (__builtin_mul_overflow(paid[i].amount, asof - from + 1,
		    &t) || __builtin_sub_overflow(sum, t, &sum))
			return 0;
	}
	if (sum <= 0 || __builtin_mul_overflow(sum, rule->daily, &t))
		return 0;
	fee = div_round(t, PM_FEE_PPM);
	if (rule->cap >= 0 && fee > (cap = pm_fee_part(amount, rule->cap)))
		fee = cap;
	return fee;
}

/* The order of the remainders: largest first, the earlier on a tie. */
struct rem {
	int64_t r;
	int i;
};

static int
rem_cmp(const void *a, const void *b)
{
	const struct rem *x = a, *y = b;

	if (x->r != y->r)
		return x->r > y->r ? -1 : 1;
	return x->i - y->i;
}

int
pm_fee_split(int64_t total, const int64_t *weight, int n, int64_t *part)
{
	struct rem *rem;
	int64_t sum = 0, given = 0, t;
	int i;

	for (i = 0; i < n; i++)
		if (weight[i] < 0 ||
		    __builtin_add_overflow(sum, weight[i], &sum))
			return pm_err(PM_EX_DATAERR, "split: bad weights");
	if (sum == 0)
		return pm_err(PM_EX_DATAERR, "split: no area to share by (the "
		    "units' floor areas are all 0)");
	if (total < 0)
		return pm_err(PM_EX_DATAERR, "split: a negative amount");
	if ((rem = calloc((size_t)n, sizeof *rem)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	for (i = 0; i < n; i++) {
		if (__builtin_mul_overflow(total, weight[i], &t)) {
			free(rem);
			return pm_err(PM_EX_DATAERR, "amount overflow: %lld "
			    "split by %lld", (long long)total,
			    (long long)weight[i]);
		}
		part[i] = t / sum;
		rem[i].r = t % sum;
		rem[i].i = i;
		given += part[i];
	}
	qsort(rem, (size_t)n, sizeof *rem, rem_cmp);
	for (i = 0; given < total; i++, given++)
		part[rem[i].i]++;
	free(rem);
	return 0;
}

int64_t
pm_fee_ratio_bp(int64_t num, int64_t den)
{
	int64_t n;

	if (den == 0)
		return -1;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	if (__builtin_mul_overflow(num, (int64_t)PM_FEE_BP, &n))
		return num > 0 ? INT64_MAX : INT64_MIN;
	return div_round(n, den);
}

char *
pm_fee_ratio_fmt(int64_t num, int64_t den, char *buf, size_t len)
{
	size_t n;

	if (den == 0) {
		snprintf(buf, len, "—");
		return buf;
	}
	fixed(pm_fee_ratio_bp(num, den), 2, 2, buf, len);
	if ((n = strlen(buf)) + 1 < len) {
		buf[n] = '%';
		buf[n + 1] = '\0';
	}
	return buf;
}

int
pm_fee_month_parse(const char *s, int *y, int *m)
{
	int i;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 7; i++)
		if (i != 4 && !is_digit(s[i]))
			return -1;
	*y = atoi(s);
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	if (*y < 1970 || *y > 9999 || *m < 1 || *m > 12)
		return -1;
	return 0;
}

char *
pm_fee_month_fmt(int y, int m, char buf[8])
{
	unsigned uy = (unsigned)y % 10000, um = (unsigned)m % 100;

	buf[0] = (char)('0' + uy / 1000);
	buf[1] = (char)('0' + uy / 100 % 10);
	buf[2] = (char)('0' + uy / 10 % 10);
	buf[3] = (char)('0' + uy % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + um / 10);
	buf[6] = (char)('0' + um % 10);
	buf[7] = '\0';
	return buf;
}

void
pm_fee_month_add(int *y, int *m, int n)
{
	int k = *y * 12 + (*m - 1) + n;

	*y = k / 12;
	*m = k % 12 + 1;
}

int64_t
pm_fee_today(void)
{
	return pm_day_of(pm_now());
}

/* "2026", "2026-Q1" and the named periods; the months pm_fee_month_parse(). */
int
pm_fee_period_parse(const char *s, int *y, int *m, int *n)
{
	int ty, tm, td, i;

	pm_day_civil(pm_fee_today(), &ty, &tm, &td);
	if (pm_fee_month_parse(s, y, m) == 0) {
		*n = 1;
		return 0;
	}
	if (strcmp(s, "this-month") == 0 || strcmp(s, "last-month") == 0) {
		*y = ty;
		*m = tm;
		*n = 1;
		if (s[0] == 'l')
			pm_fee_month_add(y, m, -1);
		return 0;
	}
	if (strcmp(s, "this-quarter") == 0 || strcmp(s, "last-quarter") == 0) {
		*y = ty;
		*m = (tm - 1) / 3 * 3 + 1;
		*n = 3;
		if (s[0] == 'l')
			pm_fee_month_add(y, m, -3);
		return 0;
	}
	if (strcmp(s, "this-year") == 0 || strcmp(s, "last-year") == 0) {
		*y = ty - (s[0] == 'l');
		*m = 1;
		*n = 12;
		return 0;
	}
	for (i = 0; i < 4 && is_digit(s[i]); i++)
		;
	if (i == 4 && (s[4] == '\0' || (s[4] == '-' && s[5] == 'Q' &&
	    s[6] >= '1' && s[6] <= '4' && s[7] == '\0'))) {
		*y = atoi(s);
		if (*y >= 1970) {
			*m = s[4] == '\0' ? 1 : (s[6] - '1') * 3 + 1;
			*n = s[4] == '\0' ? 12 : 3;
			return 0;
		}
	}
	return pm_err(PM_EX_USAGE, "period %s: not a month, quarter or year "
	    "(2026-03, 2026-Q1, 2026, this-month, last-month, this-quarter, "
	    "last-quarter, this-year, last-year)", pm_q(s));
}

int
pm_fee_day_parse(const char *s, const char *what, int future, int64_t *day)
{
	pm_time t;
	int rc;

	if ((rc = pm_time_parse(s, &t)) != 0)
		return rc;
	*day = pm_day_of(t);
	if (!future && *day > pm_fee_today())
		return pm_err(PM_EX_DATAERR, "%s %s: in the future", _(what),
		    pm_q(s));
	return 0;
}
