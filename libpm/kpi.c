/*
 * kpi.c - periods, the list of sources, targets, and figures as text.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "kpi.h"
#include "money.h"
#include "text.h"
#include "versions.h"
#include "vocab.h"

const struct pm_kpi_source *const pm_kpi_sources[] = {
	&pm_kpi_tickets,
	&pm_kpi_inspect,
	&pm_kpi_fee,
	&pm_kpi_people,
	NULL
};

/*
 * Periods.
 */

void
pm_period_set(struct pm_period *p, enum pm_period_kind kind, pm_time t)
{
	pm_time now = pm_now();

	memset(p, 0, sizeof *p);
	p->kind = kind;
	pm_period_of(kind, t, &p->from, &p->to);
	p->running = now < p->to;
	p->cut = p->running ? now + 1 : p->to;
	pm_period_name(kind, p->from, p->name);
}

void
pm_period_prev(struct pm_period *p)
{
	pm_period_set(p, p->kind, p->from - 1);
}

/* What a period of each kind is called in messages, and its own form. */
static const struct {
	const char *what;	/* N_("a month") */
	const char *form;	/* "2026-11" */
} kinds[] = {
	{ N_("a day"), "2026-11-23" },
	{ N_("a week"), "2026-W48" },
	{ N_("a month"), "2026-11" },
	{ N_("a quarter"), "2026-Q4" },
	{ N_("a year"), "2026" }
};

/* The kind of period the form of 's' names, or -1 for a day or none. */
static int
form_kind(const char *s)
{
	size_t n = strlen(s);
	size_t i;

	for (i = 0; i < 4 && i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	if (n == 4)
		return PM_PERIOD_YEAR;
	if (n < 5 || s[4] != '-')
		return -1;
	if (s[5] == 'W' || s[5] == 'w')
		return PM_PERIOD_WEEK;
	if (s[5] == 'Q' || s[5] == 'q')
		return PM_PERIOD_QUARTER;
	if (n == 7)
		return PM_PERIOD_MONTH;
	return -1;
}

/* The kind of pm_period_parse()'s words ("last-month"), or -1. */
static int
word_kind(const char *s)
{
	static const char *const units[] = { "week", "month", "year" };
	static const int k[] = { PM_PERIOD_WEEK, PM_PERIOD_MONTH,
	    PM_PERIOD_YEAR };
	size_t i;

	if (strncmp(s, "this-", 5) != 0 && strncmp(s, "last-", 5) != 0)
		return -1;
	for (i = 0; i < 3; i++)
		if (strcmp(s + 5, units[i]) == 0)
			return k[i];
	return -1;
}

static int
begun(struct pm_period *p, const char *s)
{
	if (p->from > pm_now())
		return pm_err(PM_EX_DATAERR, "period %s: has not begun",
		    pm_q(s));
	return 0;
}

/*
 * [from, to) of 's' in a form whose length 'kind' is; 0 or PM_EX_USAGE.
 */
static int
parse_form(const char *s, int kind, pm_time *from, pm_time *to)
{
	if (kind == PM_PERIOD_QUARTER)
		return pm_quarter_parse(s, from, to);
	return pm_period_parse(s, from, to);
}

int
pm_period_parse_kind(struct pm_period *p, enum pm_period_kind kind,
    const char *s)
{
	pm_time from, to, t;
	int fk;

	if (s == NULL || strcmp(s, "last") == 0 || strcmp(s, "this") == 0) {
		pm_period_set(p, kind, pm_now());
		if (s == NULL || strcmp(s, "last") == 0)
			pm_period_prev(p);
		return 0;
	}
	fk = form_kind(s);
	if (fk < 0)
		fk = word_kind(s);
	if (fk >= 0 && fk != (int)kind)
		return pm_err(PM_EX_USAGE, "period %s: not %s (use %s, a day "
		    "in it, this or last)", pm_q(s), _(kinds[kind].what),
		    kinds[kind].form);
	if (fk >= 0) {
		if (parse_form(s, fk, &from, &to) != 0)
			return PM_EX_USAGE;
		t = from;
	} else if (pm_time_parse(s, &t) != 0)
		return pm_err(PM_EX_USAGE, "period %s: not %s (use %s, a day "
		    "in it, this or last)", pm_q(s), _(kinds[kind].what),
		    kinds[kind].form);
	pm_period_set(p, kind, t);
	return begun(p, s);
}

int
pm_period_parse_any(struct pm_period *p, const char *s)
{
	pm_time from, to;
	int fk;

	if (s == NULL)
		s = "";
	if ((fk = form_kind(s)) < 0)
		fk = word_kind(s);
	if (fk == PM_PERIOD_QUARTER) {
		if (pm_quarter_parse(s, &from, &to) != 0)
			return PM_EX_USAGE;
	} else if (pm_period_parse(s, &from, &to) != 0)
		return PM_EX_USAGE;
	pm_period_set(p, fk >= 0 ? (enum pm_period_kind)fk : PM_PERIOD_DAY,
	    from);
	return begun(p, s);
}

/*
 * Targets.
 */

pm_time
pm_period_as_of(const struct pm_period *p)
{
	return p->cut - 1;
}

int
pm_kpi_target(struct pm_db *db, const char *kpi, pm_time as_of, int *target)
{
	char a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	*target = PM_KPI_NO_TARGET;
	st = pm_db_stmt(db, "SELECT v.target FROM kpi_target_versions v"
	    " WHERE v.kpi = ?1 AND "
	    PM_VERSION_ASOF("v", "kpi_target_versions", "kpi", "?2"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, kpi);
	pm_bind_text(st, 2, pm_time_utc(as_of, a));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*target = sqlite3_column_int(st, 0);
		rc = SQLITE_DONE;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read kpi targets");
	sqlite3_reset(st);
	return rc;
}

/* A source's figure with the estate's target as it stood at the cut. */
struct resolve {
	struct pm_db *db;
	pm_time as_of;
	pm_kpi_fig_fn fn;
	void *arg;
};

static int
resolve_fig(const struct pm_kpi_fig *f, void *arg)
{
	struct resolve *r = arg;
	struct pm_kpi_fig g = *f;
	int rc;

	if (g.target == PM_KPI_ESTATE &&
	    (rc = pm_kpi_target(r->db, g.kpi, r->as_of, &g.target)) != 0)
		return rc;
	return r->fn(&g, r->arg);
}

int
pm_kpi_count(struct pm_db *db, const struct pm_period *p, pm_kpi_fig_fn fn,
    void *arg)
{
	struct resolve r = { db, pm_period_as_of(p), fn, arg };
	int i, rc;

	for (i = 0; pm_kpi_sources[i] != NULL; i++)
		if ((rc = pm_kpi_sources[i]->count(db, p, resolve_fig, &r)) != 0)
			return rc;
	return 0;
}

int
pm_kpi_tallies(struct pm_db *db, const struct pm_period *p,
    pm_kpi_tally_fn fn, void *arg)
{
	int i, rc;

	for (i = 0; pm_kpi_sources[i] != NULL; i++)
		if (pm_kpi_sources[i]->tallies != NULL &&
		    (rc = pm_kpi_sources[i]->tallies(db, p, fn, arg)) != 0)
			return rc;
	return 0;
}

static int
owns(struct pm_db *db, const struct pm_kpi_source *s, const char *kpi)
{
	int i;

	if (s->owns != NULL)
		return s->owns(db, kpi);
	for (i = 0; s->kpis[i] != NULL; i++)
		if (strcmp(s->kpis[i], kpi) == 0)
			return 1;
	return 0;
}

/* "a, b or c": the keys of the figures the sources count. */
static void
counted(char *buf, size_t len)
{
	const struct pm_kpi_source *s;
	size_t o = 0;
	int i, j, n = 0, k = 0;

	for (i = 0; pm_kpi_sources[i] != NULL; i++)
		for (j = 0; pm_kpi_sources[i]->kpis[j] != NULL; j++)
			n++;
	buf[0] = '\0';
	for (i = 0; pm_kpi_sources[i] != NULL; i++) {
		s = pm_kpi_sources[i];
		for (j = 0; s->kpis[j] != NULL && o < len; j++, k++)
			o += (size_t)snprintf(buf + o, len - o, "%s%s",
			    k == 0 ? "" : k == n - 1 ? _(" or ") : _(", "),
			    s->kpis[j]);
	}
}

/* The figure 'kpi' of 'p', as pm_kpi_count() gives it. */
struct find {
	const char *kpi;
	pm_kpi_fig_fn fn;
	void *arg;
	int found;
};

static int
find_fig(const struct pm_kpi_fig *f, void *arg)
{
	struct find *x = arg;

	if (strcmp(f->kpi, x->kpi) != 0 || x->fn == NULL)
		return 0;
	x->found = 1;
	return x->fn(f, x->arg);
}

int
pm_kpi_explain(struct pm_db *db, const struct pm_period *p, const char *kpi,
    pm_kpi_fig_fn head, void *headarg, pm_kpi_rec_fn fn, void *arg)
{
	const struct pm_kpi_source *s = NULL;
	struct pm_kpi_fig none;
	struct resolve r;
	struct find x;
	const char *id;
	char list[512];
	int i, rc;

	/* A name in either language is its key. */
	id = pm_vocab_find(&pm_v_kpi, kpi);
	if (id == NULL)
		id = kpi;
	for (i = 0; pm_kpi_sources[i] != NULL && s == NULL; i++)
		if (owns(db, pm_kpi_sources[i], id))
			s = pm_kpi_sources[i];
	if (s == NULL) {
		counted(list, sizeof list);
		return pm_err(PM_EX_DATAERR, "kpi %s: unknown KPI (choose %s)",
		    pm_q(kpi), list);
	}
	x.kpi = id;
	x.fn = head;
	x.arg = headarg;
	x.found = 0;
	r.db = db;
	r.as_of = pm_period_as_of(p);
	r.fn = find_fig;
	r.arg = &x;
	if (head != NULL && (rc = s->count(db, p, resolve_fig, &r)) != 0)
		return rc;
	/*
	 * A figure the source names but did not count in this period (a
	 * survey line no round of it asked) has nothing to count.
	 */
	if (!x.found && head != NULL) {
		memset(&none, 0, sizeof none);
		none.kpi = id;
		none.unit = PM_KPI_COUNT;
		none.target = PM_KPI_ESTATE;
		if ((rc = resolve_fig(&none, &r)) != 0)
			return rc;
	}
	return s->explain(db, p, id, fn, arg);
}

/*
 * Figures as text.
 */

int
pm_kpi_misses(const struct pm_kpi_fig *f)
{
	if (f->den <= 0 || f->target < 0)
		return 0;
	return f->num * 10000 < (int64_t)f->target * f->den;
}

int64_t
pm_rate_tenths(int64_t num, int64_t den)
{
	if (den <= 0)
		return -1;
	/* (num * 1000 + den / 2) / den, without losing the half. */
	return (num * 2000 + den) / (2 * den);
}

char *
pm_kpi_rate(int64_t num, int64_t den, char *buf)
{
	int64_t tenths;

	if ((tenths = pm_rate_tenths(num, den)) < 0)
		return NULL;
	snprintf(buf, PM_KPI_TEXT_LEN, "%lld.%lld", (long long)(tenths / 10),
	    (long long)(tenths % 10));
	return buf;
}

char *
pm_kpi_amount(enum pm_kpi_unit unit, int64_t v, char *buf)
{
	switch (unit) {
	case PM_KPI_FEN:
		return pm_money_fmt(v, buf);
	case PM_KPI_AREA:
		return pm_hundredths_fmt(v, buf);
	default:
		snprintf(buf, PM_KPI_TEXT_LEN, "%lld", (long long)v);
		return buf;
	}
}

char *
pm_kpi_figure(const struct pm_kpi_fig *f, char *buf)
{
	char a[PM_KPI_TEXT_LEN], b[PM_KPI_TEXT_LEN];

	snprintf(buf, PM_KPI_TEXT_LEN, "%.32s/%.32s", pm_kpi_amount(f->unit, f->num,
	    a), pm_kpi_amount(f->unit, f->den, b));
	return buf;
}

char *
pm_kpi_percent(int target, char *buf)
{
	if (target < 0)
		return NULL;
	if (target % 100 == 0)
		snprintf(buf, PM_KPI_TEXT_LEN, "%d", target / 100);
	else if (target % 10 == 0)
		snprintf(buf, PM_KPI_TEXT_LEN, "%d.%d", target / 100,
		    target / 10 % 10);
	else
		snprintf(buf, PM_KPI_TEXT_LEN, "%d.%02d", target / 100,
		    target % 100);
	return buf;
}

const char *
pm_kpi_label(const struct pm_kpi_fig *f, char *buf)
{
	char *p;

	if (f->label != NULL)
		return f->label;
	if (pm_i18n_lang() == PM_LANG_ZH)
		return pm_vocab_label(&pm_v_kpi, f->kpi);
	snprintf(buf, PM_KPI_TEXT_LEN, "%s", f->kpi);
	for (p = buf; *p != '\0'; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

pm_time
pm_kpi_col_time(sqlite3_stmt *st, int i)
{
	const char *s = pm_col_text(st, i);
	pm_time t;

	return s != NULL && pm_time_parse_utc(s, &t) == 0 ? t : 0;
}

const char *
pm_kpi_unit_name(enum pm_kpi_unit unit)
{
	switch (unit) {
	case PM_KPI_FEN:
		return "yuan";
	case PM_KPI_AREA:
		return "m2";
	default:
		return "count";
	}
}
