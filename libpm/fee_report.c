/*
 * fee_report.c - what is owed and what was collected: the collection
 * rates of a period, arrears by age with late fees, the dunning list,
 * and an owner's statement.
 *
 * Every figure "as of" a moment reads only lines and settlements posted
 * before it.  The lines that could be open at a moment T are those not
 * settled in full before T (paid_at, the last time a line was settled
 * in full, is NULL or T or later): they are the only ones read, so a
 * day's arrears cost what is open, not the years of history before.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "collate.h"
#include "err.h"
#include "fee.h"
#include "fee_priv.h"
#include "i18n.h"
#include "mask.h"
#include "text.h"
#include "vocab.h"

/*
 * The collection rates.
 */

struct bsum {
	char building[FEE_CODE_MAX];
	int64_t v[4];		/* billed, collected, arrears, recovered */
};

struct bsums {
	struct bsum *b;
	int n, cap;
};

static struct bsum *
bsum_at(struct bsums *s, const char *building)
{
	struct bsum *nb;
	int i;

	if (building == NULL)
		building = "";
	for (i = 0; i < s->n; i++)
		if (strcmp(s->b[i].building, building) == 0)
			return &s->b[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		if ((nb = realloc(s->b, (size_t)s->cap * sizeof *nb)) == NULL)
			return NULL;
		s->b = nb;
	}
	memset(&s->b[s->n], 0, sizeof s->b[s->n]);
	snprintf(s->b[s->n].building, sizeof s->b[s->n].building, "%s",
	    building);
	return &s->b[s->n++];
}

static int
bsum_cmp(const void *a, const void *b)
{
	return pm_natural_cmp(((const struct bsum *)a)->building,
	    ((const struct bsum *)b)->building);
}

/* The four statements, each "building, sum" with ?1..?4 as below. */
static const char *const rate_sql[4] = {
	/* billed: this period's lines */
	"SELECT building, sum(amount) FROM fee_lines"
	" WHERE period >= ?1 AND period < ?2 AND posted < ?4"
	" GROUP BY building",
	/* collected: what settled them, money only */
	"SELECT l.building, sum(a.amount) FROM fee_lines l"
	" JOIN fee_allocs a ON a.line = l.id"
	" WHERE l.period >= ?1 AND l.period < ?2 AND l.posted < ?4"
	" AND a.posted < ?4 AND a.cause <> 'discount'"
	" GROUP BY l.building",
	/*
	 * arrears: earlier lines open at the start, those never settled
	 * in full and those settled in full from the start on: two ranges
	 * of fee_lines_open_at that test and give every column of the
	 * line, so the lines of earlier months settled before are not
	 * read, nor the row of any line (schema/0010).
	 */
	"SELECT building, sum(amount - coalesce((SELECT sum(a.amount)"
	" FROM fee_allocs a WHERE a.line = l.id AND a.posted < ?3), 0))"
	" FROM (SELECT id, building, amount FROM fee_lines"
	" WHERE paid_at IS NULL AND period < ?1 AND posted < ?3"
	" AND amount > 0 UNION ALL SELECT id, building, amount"
	" FROM fee_lines WHERE paid_at >= ?3 AND period < ?1"
	" AND posted < ?3 AND amount > 0) l"
	" GROUP BY building",
	/* recovered: what settled those within the period */
	"SELECT l.building, sum(a.amount) FROM fee_allocs a"
	" JOIN fee_lines l ON l.id = a.line"
	" WHERE a.posted >= ?3 AND a.posted < ?4 AND a.cause <> 'discount'"
	" AND l.period < ?1 AND l.posted < ?3"
	" GROUP BY l.building"
};

int
pm_fee_rates(struct pm_db *db, int y, int m, int n, pm_time asof,
    int (*each)(const struct pm_fee_rates *, void *), void *arg)
{
	char pfrom[8], pto[8], from[PM_TIME_UTC_LEN], to[PM_TIME_UTC_LEN];
	struct bsums s = { NULL, 0, 0 };
	struct pm_fee_rates r;
	struct bsum *b, total;
	sqlite3_stmt *st;
	pm_time start, end;
	int q, i, rc = 0, ey = y, em = m;

	start = pm_day_at(pm_day_from_civil(y, m, 1));
	pm_fee_month_add(&ey, &em, n);
	end = pm_day_at(pm_day_from_civil(ey, em, 1));
	/* What is posted at the moment asked counts, as does all before. */
	if (asof >= end)
		asof = end;
	else
		asof++;
	pm_fee_month_fmt(y, m, pfrom);
	pm_fee_month_fmt(ey, em, pto);
	pm_time_utc(start, from);
	pm_time_utc(asof, to);
	for (q = 0; q < 4 && rc == 0; q++) {
		if ((st = pm_db_stmt(db, rate_sql[q])) == NULL)
			return pm_err_code();
		pm_bind_text(st, 1, pfrom);
		pm_bind_text(st, 2, pto);
		pm_bind_text(st, 3, from);
		pm_bind_text(st, 4, to);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if ((b = bsum_at(&s, pm_col_text(st, 0))) == NULL)
				break;
			b->v[q] += sqlite3_column_int64(st, 1);
		}
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ?
		    pm_err(PM_EX_SOFTWARE, "out of memory") :
		    pm_db_error(db, "read the collection rates");
	}
	if (rc == 0 && s.n > 1)
		qsort(s.b, (size_t)s.n, sizeof *s.b, bsum_cmp);
	memset(&total, 0, sizeof total);
	for (i = 0; i < s.n && rc == 0; i++) {
		for (q = 0; q < 4; q++)
			total.v[q] += s.b[i].v[q];
		r.building = s.b[i].building;
		r.billed = s.b[i].v[0];
		r.collected = s.b[i].v[1];
		r.arrears = s.b[i].v[2];
		r.recovered = s.b[i].v[3];
		rc = each(&r, arg);
	}
	if (rc == 0) {
		r.building = "";
		r.billed = total.v[0];
		r.collected = total.v[1];
		r.arrears = total.v[2];
		r.recovered = total.v[3];
		rc = each(&r, arg);
	}
	free(s.b);
	return rc;
}

static int
keep_total(const struct pm_fee_rates *r, void *arg)
{
	if (r->building[0] == '\0')
		*(struct pm_fee_rates *)arg = *r;
	return 0;
}

int
pm_fee_rates_total(struct pm_db *db, int y, int m, int n, pm_time asof,
    struct pm_fee_rates *r)
{
	memset(r, 0, sizeof *r);
	return pm_fee_rates(db, y, m, n, asof, keep_total, r);
}

const struct pm_col pm_fee_rate_cols[] = {
	{ N_("building"), PM_COL_TEXT, NULL },
	{ N_("collected"), PM_COL_NUM, NULL },
	{ N_("billed"), PM_COL_NUM, NULL },
	{ N_("current_rate"), PM_COL_NUM, NULL },
	{ N_("recovered"), PM_COL_NUM, NULL },
	{ N_("arrears"), PM_COL_NUM, NULL },
	{ N_("recovery_rate"), PM_COL_NUM, NULL },
	{ N_("combined_collected"), PM_COL_NUM, NULL },
	{ N_("combined_base"), PM_COL_NUM, NULL },
	{ N_("combined_rate"), PM_COL_NUM, NULL }
};
const int pm_fee_rate_ncols = 10;

/* A rate: "87.62" for programs, "87.62%" for people, "—"/null for none. */
static void
put_ratio(struct pm_out *o, int64_t num, int64_t den)
{
	char buf[32];
	size_t n;

	if (den == 0) {
		pm_out_text(o, pm_out_for_people(o) ? "—" : NULL);
		return;
	}
	pm_fee_ratio_fmt(num, den, buf, sizeof buf);
	if (!pm_out_for_people(o) && (n = strlen(buf)) > 0)
		buf[n - 1] = '\0';
	pm_out_text(o, buf);
}

static int
rate_row(const struct pm_fee_rates *r, void *arg)
{
	struct pm_out *o = arg;

	pm_out_text(o, r->building[0] != '\0' ? r->building :
	    pm_out_for_people(o) ? _("all") : "");
	pm_out_fen(o, r->collected);
	pm_out_fen(o, r->billed);
	put_ratio(o, r->collected, r->billed);
	pm_out_fen(o, r->recovered);
	pm_out_fen(o, r->arrears);
	put_ratio(o, r->recovered, r->arrears);
	pm_out_fen(o, r->collected + r->recovered);
	pm_out_fen(o, r->billed + r->arrears);
	put_ratio(o, r->collected + r->recovered, r->billed + r->arrears);
	pm_out_row(o);
	return 0;
}

int
pm_fee_rate_rows(struct pm_db *db, int y, int m, int n, pm_time asof,
    struct pm_out *o)
{
	return pm_fee_rates(db, y, m, n, asof, rate_row, o);
}

/*
 * Arrears.
 */

static void
text_to(char *dst, size_t len, const char *s)
{
	snprintf(dst, len, "%s", s != NULL ? s : "");
}


/* One unit's arrears while its lines are read, and the units found. */
struct arrears_run {
	struct pm_fee_arrears cur;
	char unit[FEE_CODE_MAX], building[FEE_CODE_MAX], owner[256],
	    phone[64];
	char (*periods)[8];
	int nperiods, cap_periods;
	int min_months;
	/* The units kept, to be sorted in natural order. */
	struct arrears_kept {
		struct pm_fee_arrears a;
		char *strings;	/* unit, building, owner, phone */
	} *kept;
	int nkept, cap_kept;
};

static int
period_add(struct arrears_run *x, const char *period)
{
	char (*np)[8];
	int i;

	for (i = 0; i < x->nperiods; i++)
		if (strcmp(x->periods[i], period) == 0)
			return 0;
	if (x->nperiods == x->cap_periods) {
		x->cap_periods = x->cap_periods ? 2 * x->cap_periods : 16;
		if ((np = realloc(x->periods, (size_t)x->cap_periods *
		    sizeof *np)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		x->periods = np;
	}
	snprintf(x->periods[x->nperiods++], 8, "%s", period);
	return 0;
}

/* Keep the unit being read (x->cur and its strings). */
static int
arrears_keep(struct arrears_run *x)
{
	struct arrears_kept *nk, *k;
	size_t lu, lb, lo, lp;

	if (x->nkept == x->cap_kept) {
		x->cap_kept = x->cap_kept ? 2 * x->cap_kept : 64;
		if ((nk = realloc(x->kept, (size_t)x->cap_kept *
		    sizeof *nk)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		x->kept = nk;
	}
	k = &x->kept[x->nkept];
	lu = strlen(x->unit) + 1;
	lb = strlen(x->building) + 1;
	lo = strlen(x->owner) + 1;
	lp = strlen(x->phone) + 1;
	if ((k->strings = malloc(lu + lb + lo + lp)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	memcpy(k->strings, x->unit, lu);
	memcpy(k->strings + lu, x->building, lb);
	memcpy(k->strings + lu + lb, x->owner, lo);
	memcpy(k->strings + lu + lb + lo, x->phone, lp);
	k->a = x->cur;
	k->a.unit = k->strings;
	k->a.building = k->strings + lu;
	k->a.owner = x->owner[0] ? k->strings + lu + lb : NULL;
	k->a.phone = x->phone[0] ? k->strings + lu + lb + lo : NULL;
	x->nkept++;
	return 0;
}

/* Keep the unit being read, if it owes enough months. */
static int
unit_done(struct arrears_run *x)
{
	int i;

	if (x->unit[0] == '\0' || x->cur.total <= 0)
		return 0;
	x->cur.months = x->nperiods;
	x->cur.oldest[0] = '\0';
	for (i = 0; i < x->nperiods; i++)
		if (x->cur.oldest[0] == '\0' ||
		    strcmp(x->periods[i], x->cur.oldest) < 0)
			snprintf(x->cur.oldest, sizeof x->cur.oldest, "%s",
			    x->periods[i]);
	if (x->cur.months < x->min_months)
		return 0;
	return arrears_keep(x);
}

static int
kept_cmp(const void *a, const void *b)
{
	return pm_natural_cmp(((const struct arrears_kept *)a)->a.unit,
	    ((const struct arrears_kept *)b)->a.unit);
}

/*
 * Unless 'rc' is an error, call 'each' with the units kept, in natural
 * order; free them.
 */
static int
arrears_give(struct arrears_run *x, int rc,
    int (*each)(const struct pm_fee_arrears *, void *), void *arg)
{
	int i;

	if (rc == 0 && x->nkept > 1)
		qsort(x->kept, (size_t)x->nkept, sizeof *x->kept, kept_cmp);
	for (i = 0; i < x->nkept && rc == 0; i++)
		rc = each(&x->kept[i].a, arg);
	for (i = 0; i < x->nkept; i++)
		free(x->kept[i].strings);
	free(x->kept);
	free(x->periods);
	return rc;
}

/* The late fee of line 'line' as of 'day', from what settled it by 'T'. */
static int
line_late_fee(struct pm_db *db, int64_t line, const struct pm_fee_late *rule,
    int64_t amount, int64_t due, int64_t day, const char *t, int64_t *fee)
{
	struct pm_fee_paid paid[64], *p = paid, *np;
	sqlite3_stmt *st;
	int n = 0, cap = 64, rc;

	*fee = 0;
	st = pm_db_stmt(db, "SELECT amount, value_day FROM fee_allocs"
	    " WHERE line = ?1 AND posted < ?2");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, line);
	pm_bind_text(st, 2, t);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap *= 2;
			if ((np = p == paid ? malloc((size_t)cap * sizeof *np) :
			    realloc(p, (size_t)cap * sizeof *np)) == NULL)
				break;
			if (p == paid)
				memcpy(np, paid, sizeof paid);
			p = np;
		}
		p[n].amount = sqlite3_column_int64(st, 0);
		pm_day_scan(pm_col_text(st, 1), &p[n].day);
		n++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		*fee = pm_fee_late_fee(rule, amount, due, p, n, day);
	if (p != paid)
		free(p);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read settlements");
}

/* What is left of line l to pay, counting what settled it before ?1. */
#define OPEN_AMOUNT "l.amount - coalesce((SELECT sum(a.amount)" \
	" FROM fee_allocs a WHERE a.line = l.id AND a.posted < ?1), 0)"
/*
 * The lines past due on day ?2 and open at ?1, its end: those posted by
 * then and not paid in full, or paid since; 'cols' of each, from the
 * two ranges of the index of open lines (0010, 0015) alone.
 */
#define OPEN_LINES(cols) "SELECT " cols " FROM fee_lines" \
	" WHERE paid_at IS NULL AND posted < ?1 AND amount > 0" \
	" AND due_day < ?2 UNION ALL SELECT " cols " FROM fee_lines" \
	" WHERE paid_at >= ?1 AND posted < ?1 AND amount > 0" \
	" AND due_day < ?2"
/*
 * The open lines past due read by arrears: every unit's (?3 a building
 * or NULL), or one unit's (?3 the unit).  ?1 is the end of the day as
 * UTC text, ?2 the day.  The lines open then are those not paid, or paid
 * since, each found by the paid_at index: the work is the open lines',
 * not the history's (an OR would let the planner scan them all).
 */
#define ARREARS_COLS "SELECT l.unit, l.id, l.period, l.amount," \
	" l.due_day, " OPEN_AMOUNT "," \
	" u.building, u.owner_name, u.owner_phone, i.late_daily," \
	" i.late_grace, i.late_cap FROM fee_lines l" \
	" JOIN units u ON u.code = l.unit" \
	" JOIN fee_items i ON i.code = l.item"
static const char arrears_all[] = ARREARS_COLS
	" WHERE l.id IN (" OPEN_LINES("id") ")"
	" AND (?3 IS NULL OR l.building = ?3)"
	" ORDER BY l.unit, l.due_day, l.id";
static const char arrears_unit[] = ARREARS_COLS
	" WHERE l.unit = ?3 AND l.posted < ?1 AND l.amount > 0"
	" AND l.due_day < ?2 AND (l.paid_at IS NULL OR l.paid_at >= ?1)"
	" ORDER BY l.unit, l.due_day, l.id";

static int
arrears_scan(struct pm_db *db, const char *sql, int64_t day, int min_months,
    const char *key, int (*each)(const struct pm_fee_arrears *, void *),
    void *arg)
{
	char t[PM_TIME_UTC_LEN], d[PM_DATE_LEN];
	struct arrears_run x;
	struct pm_fee_late rule;
	sqlite3_stmt *st;
	int64_t due, open, age, fee;
	int rc, band;

	memset(&x, 0, sizeof x);
	x.min_months = min_months;
	pm_time_utc(pm_day_at(day + 1), t);
	pm_day_fmt(day, d);
	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, t);
	pm_bind_text(st, 2, d);
	pm_bind_text(st, 3, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *unit = pm_col_text(st, 0);

		if ((open = sqlite3_column_int64(st, 5)) <= 0)
			continue;
		if (strcmp(unit, x.unit) != 0) {
			if ((rc = unit_done(&x)) != 0)
				break;
			memset(&x.cur, 0, sizeof x.cur);
			x.nperiods = 0;
			text_to(x.unit, sizeof x.unit, unit);
			text_to(x.building, sizeof x.building,
			    pm_col_text(st, 6));
			text_to(x.owner, sizeof x.owner, pm_col_text(st, 7));
			text_to(x.phone, sizeof x.phone, pm_col_text(st, 8));
		}
		pm_day_scan(pm_col_text(st, 4), &due);
		age = day - due;
		band = age <= 30 ? PM_FEE_AGE_30 : age <= 90 ? PM_FEE_AGE_90 :
		    age <= 180 ? PM_FEE_AGE_180 : age <= 365 ? PM_FEE_AGE_365 :
		    PM_FEE_AGE_OVER;
		x.cur.age[band] += open;
		x.cur.total += open;
		if ((rc = period_add(&x, pm_col_text(st, 2))) != 0)
			break;
		if (sqlite3_column_type(st, 9) == SQLITE_NULL)
			continue;
		rule.daily = sqlite3_column_int64(st, 9);
		rule.grace = sqlite3_column_int(st, 10);
		rule.cap = sqlite3_column_type(st, 11) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(st, 11);
		if ((rc = line_late_fee(db, sqlite3_column_int64(st, 1), &rule,
		    sqlite3_column_int64(st, 3), due, day, t, &fee)) != 0)
			break;
		x.cur.late_fee += fee;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		rc = unit_done(&x);
	else if (rc == SQLITE_ROW)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else if (rc < PM_EX_USAGE)
		rc = pm_db_error(db, "read arrears");
	return arrears_give(&x, rc, each, arg);
}

int
pm_fee_arrears(struct pm_db *db, int64_t day, int min_months,
    const char *building,
    int (*each)(const struct pm_fee_arrears *, void *), void *arg)
{
	return arrears_scan(db, arrears_all, day, min_months, building, each,
	    arg);
}

/*
 * The units owing, summed by SQL a unit at a time over the same open
 * lines as arrears_all: only the units come back, not each line (a unit
 * that never pays piles up months for years, and the dunning list of a
 * month read every one of them into C, at five years 14,000 lines for
 * 103 units).  The two ranges of paid_at read the index of open lines
 * alone (0015); the lines are materialized so that each one's
 * settlements are summed once, not for the test and again for the sum.
 * ?3 the least number of months.
 */
static const char owing_sql[] = "WITH l(unit, period, open) AS MATERIALIZED"
	" (SELECT l.unit, l.period, " OPEN_AMOUNT
	"  FROM (" OPEN_LINES("id, unit, period, amount") ") l)"
	" SELECT o.unit, o.months, o.owed, o.oldest, u.building,"
	" u.owner_name, u.owner_phone FROM (SELECT unit,"
	"  count(DISTINCT period) AS months, sum(open) AS owed,"
	"  min(period) AS oldest FROM l WHERE open > 0 GROUP BY unit"
	"  HAVING count(DISTINCT period) >= ?3) o"
	" JOIN units u ON u.code = o.unit";

int
pm_fee_owing(struct pm_db *db, int64_t day, int min_months,
    int (*each)(const struct pm_fee_arrears *, void *), void *arg)
{
	char t[PM_TIME_UTC_LEN], d[PM_DATE_LEN];
	struct arrears_run x;
	sqlite3_stmt *st;
	int rc;

	memset(&x, 0, sizeof x);
	if ((st = pm_db_stmt(db, owing_sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(pm_day_at(day + 1), t));
	pm_bind_text(st, 2, pm_day_fmt(day, d));
	pm_bind_int(st, 3, min_months > 1 ? min_months : 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&x.cur, 0, sizeof x.cur);
		text_to(x.unit, sizeof x.unit, pm_col_text(st, 0));
		x.cur.months = sqlite3_column_int(st, 1);
		x.cur.total = sqlite3_column_int64(st, 2);
		text_to(x.cur.oldest, sizeof x.cur.oldest, pm_col_text(st, 3));
		text_to(x.building, sizeof x.building, pm_col_text(st, 4));
		text_to(x.owner, sizeof x.owner, pm_col_text(st, 5));
		text_to(x.phone, sizeof x.phone, pm_col_text(st, 6));
		if ((rc = arrears_keep(&x)) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc == SQLITE_ROW)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else if (rc < PM_EX_USAGE)
		rc = pm_db_error(db, "read arrears");
	return arrears_give(&x, rc, each, arg);
}

static int
count_one(const struct pm_fee_arrears *a, void *arg)
{
	(*(int64_t *)arg)++;
	return 0;
}

int
pm_fee_defaulters(struct pm_db *db, int64_t day, int min_months,
    int64_t *count)
{
	*count = 0;
	return pm_fee_owing(db, day, min_months, count_one, count);
}

/*
 * The statement of a unit.
 */

const struct pm_col pm_fee_statement_cols[] = {
	{ N_("date"), PM_COL_TEXT, NULL },
	{ N_("kind"), PM_COL_TEXT, &pm_v_fee_doc },
	{ N_("reference"), PM_COL_TEXT, NULL },
	{ N_("item"), PM_COL_TEXT, NULL },
	{ N_("period"), PM_COL_TEXT, NULL },
	{ N_("amount"), PM_COL_NUM, NULL },
	{ N_("balance"), PM_COL_NUM, NULL },
	{ N_("note"), PM_COL_TEXT, NULL }
};
const int pm_fee_statement_ncols = 8;

struct srow {
	int64_t day;
	char posted[PM_TIME_UTC_LEN];
	int order;		/* bills before money on the same moment */
	const char *kind;	/* a word of pm_v_fee_doc */
	char ref[FEE_RECEIPT_MAX];
	char item[FEE_CODE_MAX];
	char period[8];
	int64_t amount;
	char *note;
};

struct srows {
	struct srow *r;
	int n, cap;
};

static struct srow *
srow_new(struct srows *s)
{
	struct srow *nr;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		if ((nr = realloc(s->r, (size_t)s->cap * sizeof *nr)) == NULL)
			return NULL;
		s->r = nr;
	}
	memset(&s->r[s->n], 0, sizeof s->r[s->n]);
	return &s->r[s->n++];
}

static int
srow_cmp(const void *a, const void *b)
{
	const struct srow *x = a, *y = b;
	int c;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if ((c = strcmp(x->posted, y->posted)) != 0)
		return c;
	if (x->order != y->order)
		return x->order - y->order;
	return strcmp(x->ref, y->ref);
}

/*
 * The rows of one statement: SQL 'sql' with ?1 the unit and ?2 the end
 * of the day as UTC text, yielding day (or NULL: the posted day),
 * posted, kind, reference, item, period, amount, note.
 */
static int
srows_read(struct pm_db *db, struct srows *s, const char *sql,
    const char *unit, const char *t, int order)
{
	sqlite3_stmt *st;
	struct srow *r;
	int rc;

	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, t);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = srow_new(s)) == NULL)
			break;
		text_to(r->posted, sizeof r->posted, pm_col_text(st, 1));
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			r->day = fee_posted_day(r->posted);
		else
			pm_day_scan(pm_col_text(st, 0), &r->day);
		r->kind = pm_vocab_word(&pm_v_fee_doc, pm_col_text(st, 2))->id;
		text_to(r->ref, sizeof r->ref, pm_col_text(st, 3));
		text_to(r->item, sizeof r->item, pm_col_text(st, 4));
		text_to(r->period, sizeof r->period, pm_col_text(st, 5));
		r->amount = sqlite3_column_int64(st, 6);
		r->order = order;
		if (pm_col_text(st, 7) != NULL &&
		    (r->note = strdup(pm_col_text(st, 7))) == NULL)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read the statement");
}

static int
keep_fee(const struct pm_fee_arrears *a, void *arg)
{
	*(int64_t *)arg += a->late_fee;
	return 0;
}

int
pm_fee_statement(struct pm_db *db, const char *input, int64_t day,
    struct pm_out *o)
{
	char unit[FEE_CODE_MAX], t[PM_TIME_UTC_LEN], d[PM_DATE_LEN];
	char bal[PM_MONEY_LEN];
	struct srows s = { NULL, 0, 0 };
	int64_t balance = 0, fee = 0;
	int i, rc;

	if ((rc = fee_unit_get(db, input, unit, NULL)) != 0)
		return rc;
	pm_time_utc(pm_day_at(day + 1), t);
	if ((rc = srows_read(db, &s, "SELECT NULL, posted, 'bill', id, item,"
	    " period, amount, note FROM fee_lines"
	    " WHERE unit = ?1 AND posted < ?2", unit, t, 0)) != 0 ||
	    (rc = srows_read(db, &s, "SELECT day, posted, kind, receipt, NULL,"
	    " NULL, -amount, note FROM fee_docs"
	    " WHERE unit = ?1 AND posted < ?2", unit, t, 1)) != 0 ||
	    (rc = srows_read(db, &s, "SELECT NULL, v.posted, 'void',"
	    " d.receipt, NULL, NULL, d.amount, v.reason FROM fee_voids v"
	    " JOIN fee_docs d ON d.id = v.doc"
	    " WHERE d.unit = ?1 AND v.posted < ?2", unit, t, 2)) != 0)
		goto out;
	if (s.n > 1)
		qsort(s.r, (size_t)s.n, sizeof *s.r, srow_cmp);
	for (i = 0; i < s.n; i++) {
		balance += s.r[i].amount;
		pm_out_text(o, pm_day_fmt(s.r[i].day, d));
		pm_out_text(o, s.r[i].kind);
		pm_out_text(o, s.r[i].ref);
		pm_out_text(o, s.r[i].item[0] ? s.r[i].item : NULL);
		pm_out_text(o, s.r[i].period[0] ? s.r[i].period : NULL);
		pm_out_fen(o, s.r[i].amount);
		pm_out_fen(o, balance);
		pm_out_text(o, s.r[i].note);
		pm_out_row(o);
	}
	if ((rc = arrears_scan(db, arrears_unit, day, 0, unit, keep_fee,
	    &fee)) != 0 || fee == 0)
		goto out;
	balance += fee;
	pm_out_text(o, pm_day_fmt(day, d));
	pm_out_text(o, "late_fee");
	pm_out_text(o, NULL);
	pm_out_text(o, NULL);
	pm_out_text(o, NULL);
	pm_out_fen(o, fee);
	pm_out_text(o, pm_money_fmt(balance, bal));
	pm_out_text(o, NULL);
	pm_out_row(o);
out:
	for (i = 0; i < s.n; i++)
		free(s.r[i].note);
	free(s.r);
	return rc;
}

const struct pm_col pm_fee_arrears_cols[] = {
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("building"), PM_COL_TEXT, NULL },
	{ N_("owner_name"), PM_COL_TEXT, NULL },
	{ N_("owner_phone"), PM_COL_TEXT, NULL },
	{ N_("months"), PM_COL_INT, NULL },
	{ N_("oldest"), PM_COL_TEXT, NULL },
	{ N_("days_0_30"), PM_COL_NUM, NULL },
	{ N_("days_31_90"), PM_COL_NUM, NULL },
	{ N_("days_91_180"), PM_COL_NUM, NULL },
	{ N_("days_181_365"), PM_COL_NUM, NULL },
	{ N_("over_365"), PM_COL_NUM, NULL },
	{ N_("total"), PM_COL_NUM, NULL },
	{ N_("late_fee"), PM_COL_NUM, NULL }
};
const int pm_fee_arrears_ncols = 13;

struct arrears_out {
	struct pm_out *o;
	int reveal;
	int64_t sum[PM_FEE_NAGES + 2];
	int n;
};

static int
arrears_row(const struct pm_fee_arrears *a, void *arg)
{
	struct arrears_out *x = arg;
	char buf[PM_MASK_MAX];
	int i;

	pm_out_text(x->o, a->unit);
	pm_out_text(x->o, a->building);
	pm_out_text(x->o, a->owner);
	pm_out_text(x->o, a->phone != NULL ? pm_mask_unless(a->phone,
	    x->reveal, buf) : NULL);
	pm_out_int(x->o, a->months);
	pm_out_text(x->o, a->oldest);
	for (i = 0; i < PM_FEE_NAGES; i++) {
		pm_out_fen(x->o, a->age[i]);
		x->sum[i] += a->age[i];
	}
	pm_out_fen(x->o, a->total);
	pm_out_fen(x->o, a->late_fee);
	x->sum[PM_FEE_NAGES] += a->total;
	x->sum[PM_FEE_NAGES + 1] += a->late_fee;
	x->n++;
	pm_out_row(x->o);
	return 0;
}

int
pm_fee_arrears_rows(struct pm_db *db, int64_t day, int min_months,
    const char *building, int reveal, struct pm_out *o)
{
	struct arrears_out x;
	int i, rc;

	memset(&x, 0, sizeof x);
	x.o = o;
	x.reveal = reveal;
	if ((rc = pm_fee_arrears(db, day, min_months, building, arrears_row,
	    &x)) != 0 || !pm_out_for_people(o) || x.n == 0)
		return rc;
	/* People get the sums in a last row. */
	pm_out_text(o, _("total"));
	pm_out_text(o, NULL);
	pm_out_text(o, NULL);
	pm_out_text(o, NULL);
	pm_out_int(o, x.n);
	pm_out_text(o, NULL);
	for (i = 0; i < PM_FEE_NAGES + 2; i++)
		pm_out_fen(o, x.sum[i]);
	pm_out_row(o);
	return 0;
}
