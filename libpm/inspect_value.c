/*
 * inspect_value.c - the values plans and inspections are made of:
 * intervals (weekly, 15 days, quarterly, every 2 years) and readings
 * (exact decimals in thousandths).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "text.h"
#include "vocab.h"

#define MAX_DAYS	3650
#define MAX_MONTHS	120

/* The intervals that have a word, in pm_v_interval's order. */
static const struct pm_interval named[] = {
	{ 1, 0 }, { 7, 0 }, { 0, 1 }, { 0, 3 }, { 0, 6 }, { 0, 12 }
};

/* A count of 1 to 9999 at *sp, then past it; -1 when there is none. */
static int
count_at(const char **sp)
{
	const char *s = *sp;
	int v = 0, n = 0;

	while (*s >= '0' && *s <= '9') {
		if (++n > 4)
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	if (n == 0 || v == 0)
		return -1;
	*sp = s;
	return v;
}

/* Whether 's' is one of the '|'-separated words of 'list'. */
static int
one_of(const char *s, const char *list)
{
	size_t n = strlen(s);
	const char *p = list, *e;

	for (; p != NULL; p = e != NULL ? e + 1 : NULL) {
		e = strchr(p, '|');
		if ((size_t)((e != NULL ? e : p + strlen(p)) - p) == n &&
		    strncmp(p, s, n) == 0)
			return 1;
	}
	return 0;
}

static int
bad_interval(const char *s, const char *why)
{
	return pm_err(PM_EX_DATAERR, "interval %s: %s", pm_q(s), _(why));
}

int
pm_interval_parse(const char *s, struct pm_interval *iv)
{
	const char *id, *p = s;
	int n;

	if ((id = pm_vocab_find(&pm_v_interval, s)) != NULL) {
		*iv = named[pm_vocab_index(&pm_v_interval, id)];
		return 0;
	}
	/* 每15天, 每2周, 每3个月, 每2年: as the estate's own plans say it. */
	if (strncmp(p, "每", strlen("每")) == 0)
		p += strlen("每");
	if ((n = count_at(&p)) < 0)
		return bad_interval(s, N_("not an interval (daily, weekly, "
		    "monthly, quarterly, half-yearly, yearly, or a number of "
		    "days, weeks, months or years such as 15d or 2y)"));
	while (*p == ' ')
		p++;
	iv->days = iv->months = 0;
	if (one_of(p, "d|day|days|天|日"))
		iv->days = n;
	else if (one_of(p, "w|week|weeks|周|星期"))
		iv->days = n * 7;
	else if (one_of(p, "mo|month|months|个月|月"))
		iv->months = n;
	else if (one_of(p, "y|year|years|年"))
		iv->months = n * 12;
	else
		return bad_interval(s, N_("unknown unit (use d, w, mo or y: "
		    "days, weeks, months or years)"));
	if (iv->days > MAX_DAYS || iv->months > MAX_MONTHS)
		return bad_interval(s, N_("longer than ten years"));
	return 0;
}

char *
pm_interval_fmt(const struct pm_interval *iv, char buf[PM_INTERVAL_LEN])
{
	int i;

	for (i = 0; i < (int)(sizeof named / sizeof named[0]); i++)
		if (named[i].days == iv->days && named[i].months == iv->months) {
			snprintf(buf, PM_INTERVAL_LEN, "%s",
			    pm_vocab_id(&pm_v_interval, i));
			return buf;
		}
	if (iv->months == 0)
		snprintf(buf, PM_INTERVAL_LEN, "%dd", iv->days);
	else if (iv->months % 12 == 0)
		snprintf(buf, PM_INTERVAL_LEN, "%dy", iv->months / 12);
	else
		snprintf(buf, PM_INTERVAL_LEN, "%dmo", iv->months);
	return buf;
}

int64_t
pm_interval_add(int64_t z, const struct pm_interval *iv, int n)
{
	if (iv->months != 0)
		return pm_day_add_months(z, iv->months * n);
	return z + (int64_t)iv->days * n;
}

int
pm_reading_parse(const char *s, int64_t *v)
{
	const char *p = s;
	int64_t whole = 0, frac = 0;
	int neg = 0, nd = 0, nf = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, nd++) {
		if (nd == 15)
			goto bad;
		whole = whole * 10 + (*p - '0');
	}
	if (nd == 0)
		goto bad;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, nf++) {
			if (nf == 3)
				goto bad;
			frac = frac * 10 + (*p - '0');
		}
		if (nf == 0)
			goto bad;
	}
	if (*p != '\0')
		goto bad;
	for (; nf < 3; nf++)
		frac *= 10;
	*v = (whole * 1000 + frac) * (neg ? -1 : 1);
	return 0;
bad:
	return pm_err(PM_EX_DATAERR, "reading %s: not a number with up to "
	    "three decimals", pm_q(s));
}

char *
pm_reading_fmt(int64_t v, char buf[PM_READING_LEN])
{
	int64_t a = v < 0 ? -v : v;
	int frac = (int)(a % 1000), n = 3;

	if (frac == 0) {
		snprintf(buf, PM_READING_LEN, "%s%lld", v < 0 ? "-" : "",
		    (long long)(a / 1000));
		return buf;
	}
	while (frac % 10 == 0) {
		frac /= 10;
		n--;
	}
	snprintf(buf, PM_READING_LEN, "%s%lld.%0*d", v < 0 ? "-" : "",
	    (long long)(a / 1000), n, frac);
	return buf;
}

/*
 * What the inspect files share (inspect_priv.h).
 */

int64_t
ins_day_of_utc(const char *utc)
{
	pm_time t;

	if (utc == NULL || pm_time_parse_utc(utc, &t) != 0)
		return INS_NO_DAY;
	return pm_day_of(t);
}

int64_t
ins_next_due(const struct pm_interval *iv, const char *last,
    const char *next, const char *since)
{
	int64_t z;
	int y, m, d;

	if (next != NULL && sscanf(next, "%4d-%2d-%2d", &y, &m, &d) == 3)
		return pm_day_from_civil(y, m, d);
	if ((z = ins_day_of_utc(last)) == INS_NO_DAY &&
	    (z = ins_day_of_utc(since)) == INS_NO_DAY)
		return INS_NO_DAY;
	return pm_interval_add(z, iv, 1);
}

void
ins_out_interval(struct pm_out *o, const struct pm_interval *iv, int span)
{
	char buf[64];
	int i;

	if (iv->days == 0 && iv->months == 0) {
		pm_out_text(o, NULL);
		return;
	}
	if (!pm_out_for_people(o)) {
		if (span)
			snprintf(buf, sizeof buf, iv->months ? "%dmo" : "%dd",
			    iv->months ? iv->months : iv->days);
		pm_out_text(o, span ? buf : pm_interval_fmt(iv, buf));
		return;
	}
	for (i = 0; !span && i < (int)(sizeof named / sizeof named[0]); i++)
		if (named[i].days == iv->days && named[i].months == iv->months) {
			pm_out_text(o, pm_vocab_label(&pm_v_interval,
			    pm_vocab_id(&pm_v_interval, i)));
			return;
		}
	if (span && iv->months == 0)
		snprintf(buf, sizeof buf, _("%d days"), iv->days);
	else if (span)
		snprintf(buf, sizeof buf, _("%d months"), iv->months);
	else if (iv->months == 0)
		snprintf(buf, sizeof buf, _("every %d days"), iv->days);
	else if (iv->months % 12 == 0)
		snprintf(buf, sizeof buf, _("every %d years"), iv->months / 12);
	else
		snprintf(buf, sizeof buf, _("every %d months"), iv->months);
	pm_out_text(o, buf);
}

char *
ins_months_fmt(int mask, char *buf, size_t len)
{
	size_t n = 0;
	int m, end;

	buf[0] = '\0';
	for (m = 0; m < 12; m++) {
		if (!(mask & (1 << m)))
			continue;
		for (end = m; end + 1 < 12 && (mask & (1 << (end + 1))); end++)
			;
		if (end == m)
			n += (size_t)snprintf(buf + n, len - n, "%s%d",
			    n ? "," : "", m + 1);
		else
			n += (size_t)snprintf(buf + n, len - n, "%s%d-%d",
			    n ? "," : "", m + 1, end + 1);
		m = end;
		if (n >= len)
			break;
	}
	return buf;
}

int
ins_level_rank(const char *level)
{
	return pm_vocab_index(&pm_v_inspect_level, level);
}

int
ins_when(pm_time *at)
{
	char buf[PM_TIME_LOCAL_LEN];

	if (*at == 0)
		*at = pm_now();
	if (*at > pm_now())
		return pm_err(PM_EX_DATAERR, "time %s: in the future",
		    pm_q(pm_time_local(*at, buf)));
	return 0;
}

char *
ins_dup(const char *s, int *oom)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = 1;
	return d;
}
