/*
 * kpi_fee.c - the collection rates (DESIGN.md section 6): the current
 * collection rate (当期收缴率), arrears recovery (清欠率) and combined
 * collection (综合收缴率), in fen, and the money behind them: billed,
 * collected, arrears at the start, recovered (pm-report(1)).
 *
 * The figures are pm-fee's, as of the cut (pm_fee_rates_total(),
 * fee.h), over the months of the period: a month, a quarter or a year
 * is its own months; a day or a week, which bills do not know, is the
 * month holding its last day, to the cut (month to date).  Explain
 * lists the bills' lines behind each figure with the same rules, read
 * here (fee.h has no per-line form), then the receipts voided that had
 * paid them and the units handed over in those months, which count in
 * nothing themselves but say why a line is smaller or missing.
 *
 * The persistent defaulters (the dunning list, 催费) are pm-fee's
 * arrears (pm_fee_owing(), the units of pm_fee_arrears() summed by SQL)
 * at the end of the period's last day, or of
 * today while it runs, of the units owing the estate's persistent_after
 * months or more (pm_fee_persistent_after()): counted with the money,
 * and listed with the owner's phone masked as pm-fee arrears masks it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fee.h"
#include "i18n.h"
#include "kpi.h"
#include "mask.h"
#include "text.h"

enum { F_CURRENT, F_RECOVERY, F_COMBINED, F_N };

static const char *const fee_kpis[F_N + 1] = {
	"collection_rate", "arrears_recovery", "combined_collection", NULL
};

/* The fee months of a period, and the moments the statements bind. */
struct months {
	int y, m, n;
	pm_time asof;		/* pm_fee_rates()'s: the last moment in */
	char pfrom[8], pto[8];	/* ?1 ?2: the months, "2026-11" */
	char start[PM_TIME_UTC_LEN];	/* ?3: the first month's start */
	char cut[PM_TIME_UTC_LEN];	/* ?4: nothing posted from here */
	char dfrom[PM_DATE_LEN], dto[PM_DATE_LEN];	/* days, [) */
};

static void
months_of(const struct pm_period *p, struct months *x)
{
	int d, ey, em;
	int64_t z;
	pm_time end, cut;

	memset(x, 0, sizeof *x);
	x->n = 1;
	switch (p->kind) {
	case PM_PERIOD_MONTH:
		break;
	case PM_PERIOD_QUARTER:
		x->n = 3;
		break;
	case PM_PERIOD_YEAR:
		x->n = 12;
		break;
	default:
		/* A day or a week: the month of its last day. */
		pm_day_civil(pm_day_of(p->to - 1), &x->y, &x->m, &d);
		break;
	}
	if (x->y == 0)
		pm_day_civil(pm_day_of(p->from), &x->y, &x->m, &d);
	ey = x->y;
	em = x->m;
	pm_fee_month_add(&ey, &em, x->n);
	z = pm_day_from_civil(x->y, x->m, 1);
	end = pm_day_at(pm_day_from_civil(ey, em, 1));
	cut = p->cut < end ? p->cut : end;
	x->asof = cut - 1;
	pm_fee_month_fmt(x->y, x->m, x->pfrom);
	pm_fee_month_fmt(ey, em, x->pto);
	pm_time_utc(pm_day_at(z), x->start);
	pm_time_utc(cut, x->cut);
	pm_day_fmt(z, x->dfrom);
	pm_day_fmt(pm_day_from_civil(ey, em, 1), x->dto);
}

static void
bind_months(sqlite3_stmt *st, const struct months *x)
{
	pm_bind_text(st, 1, x->pfrom);
	pm_bind_text(st, 2, x->pto);
	pm_bind_text(st, 3, x->start);
	pm_bind_text(st, 4, x->cut);
}

/*
 * pm-fee's totals of the months asked last, kept for the counts a report
 * shows after the figures: its four statements are the largest part of
 * a month's report at 10,000 units, and the report asks them twice in
 * one read transaction.  They are used again only while nothing can have
 * changed: the same connection, no write on it since (total changes)
 * and no commit of another seen (PRAGMA data_version).
 */
static struct {
	struct pm_db *db;
	sqlite3 *h;
	int y, m, n;
	pm_time asof;
	sqlite3_int64 changes, version;
	struct pm_fee_rates r;
} kept;

static int
data_version(struct pm_db *db, sqlite3_int64 *v)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = pm_db_stmt(db, "PRAGMA data_version")) == NULL)
		return pm_err_code();
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		rc = pm_db_error(db, "read the data version");
		sqlite3_reset(st);
		return rc;
	}
	*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

static int
totals(struct pm_db *db, const struct months *x, struct pm_fee_rates *r)
{
	sqlite3_int64 v = 0;
	int rc;

	if ((rc = data_version(db, &v)) != 0)
		return rc;
	if (kept.db == db && kept.h == db->h && kept.y == x->y &&
	    kept.m == x->m && kept.n == x->n && kept.asof == x->asof &&
	    kept.changes == sqlite3_total_changes64(db->h) &&
	    kept.version == v) {
		*r = kept.r;
		return 0;
	}
	kept.db = NULL;
	if ((rc = pm_fee_rates_total(db, x->y, x->m, x->n, x->asof, r)) != 0)
		return rc;
	kept.db = db;
	kept.h = db->h;
	kept.y = x->y;
	kept.m = x->m;
	kept.n = x->n;
	kept.asof = x->asof;
	kept.changes = sqlite3_total_changes64(db->h);
	kept.version = v;
	kept.r = *r;
	return 0;
}

static int
fee_count(struct pm_db *db, const struct pm_period *p, pm_kpi_fig_fn fig,
    void *arg)
{
	struct pm_fee_rates r;
	struct pm_kpi_fig f;
	struct months x;
	int i, rc;

	months_of(p, &x);
	if ((rc = totals(db, &x, &r)) != 0)
		return rc;
	for (i = 0; i < F_N; i++) {
		memset(&f, 0, sizeof f);
		f.kpi = fee_kpis[i];
		f.unit = PM_KPI_FEN;
		f.target = PM_KPI_ESTATE;
		if (i != F_RECOVERY) {
			f.num += r.collected;
			f.den += r.billed;
		}
		if (i != F_CURRENT) {
			f.num += r.recovered;
			f.den += r.arrears;
		}
		if ((rc = fig(&f, arg)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The lines: id, due day, what they add to the numerator and to the
 * denominator, and when money last moved on them (by the cut).  ?1 ?2 the
 * months, ?3 the start of the first, ?4 the cut.
 */
static const char *const line_sql[2] = {
	/* This period's lines, and what settled them (fee_report.c). */
	"SELECT l.id, l.due_day, coalesce((SELECT sum(a.amount)"
	"  FROM fee_allocs a WHERE a.line = l.id AND a.posted < ?4"
	"  AND a.cause <> 'discount'), 0), l.amount,"
	" (SELECT max(a.posted) FROM fee_allocs a WHERE a.line = l.id"
	"  AND a.posted < ?4 AND a.cause <> 'discount')"
	" FROM fee_lines l WHERE l.period >= ?1 AND l.period < ?2"
	" AND l.posted < ?4 ORDER BY l.id",
	/*
	 * Earlier periods' lines open at the start, and those that had
	 * money settled or taken back within the period.
	 */
	"SELECT l.id, l.due_day, coalesce((SELECT sum(a.amount)"
	"  FROM fee_allocs a WHERE a.line = l.id AND a.posted >= ?3"
	"  AND a.posted < ?4 AND a.cause <> 'discount'), 0),"
	" CASE WHEN (l.paid_at IS NULL OR l.paid_at >= ?3) AND l.amount > 0"
	"  THEN l.amount - coalesce((SELECT sum(a.amount) FROM fee_allocs a"
	"  WHERE a.line = l.id AND a.posted < ?3), 0) ELSE 0 END,"
	" (SELECT max(a.posted) FROM fee_allocs a WHERE a.line = l.id"
	"  AND a.posted >= ?3 AND a.posted < ?4 AND a.cause <> 'discount')"
	" FROM fee_lines l WHERE l.id IN (SELECT id FROM fee_lines"
	"  WHERE (paid_at IS NULL OR paid_at >= ?3) AND amount > 0"
	"  UNION SELECT line FROM fee_allocs WHERE posted >= ?3"
	"  AND posted < ?4 AND cause <> 'discount')"
	" AND l.period < ?1 AND l.posted < ?3 ORDER BY l.id"
};

/*
 * The receipts voided by the cut whose money had settled the lines of
 * 'which' (within the period, for the arrears), with what the void took
 * back from them.
 */
static const char *const void_sql[2] = {
	"SELECT d.receipt, v.posted, -sum(a.amount) FROM fee_voids v"
	" JOIN fee_docs d ON d.id = v.doc"
	" JOIN fee_allocs a ON a.doc = v.doc AND a.cause = 'void'"
	" JOIN fee_lines l ON l.id = a.line"
	" WHERE v.posted < ?4 AND a.posted < ?4 AND l.period >= ?1"
	" AND l.period < ?2 AND l.posted < ?4"
	" GROUP BY d.id ORDER BY d.id",
	"SELECT d.receipt, v.posted, -sum(a.amount) FROM fee_voids v"
	" JOIN fee_docs d ON d.id = v.doc"
	" JOIN fee_allocs a ON a.doc = v.doc AND a.cause = 'void'"
	" JOIN fee_lines l ON l.id = a.line"
	" WHERE v.posted >= ?3 AND v.posted < ?4 AND a.posted >= ?3"
	" AND a.posted < ?4 AND l.period < ?1 AND l.posted < ?3"
	" GROUP BY d.id ORDER BY d.id"
};

static pm_time
col_day(sqlite3_stmt *st, int i)
{
	const char *s = pm_col_text(st, i);
	int64_t z;

	return s != NULL && pm_day_scan(s, &z) == 0 ? pm_day_at(z) : 0;
}

static int
lines(struct pm_db *db, const struct months *x, int which, pm_kpi_rec_fn fn,
    void *arg)
{
	char id[24];
	struct pm_kpi_rec r;
	sqlite3_stmt *st;
	int rc = 0, sr;

	if ((st = pm_db_stmt(db, line_sql[which])) == NULL)
		return pm_err_code();
	bind_months(st, x);
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		snprintf(id, sizeof id, "%lld",
		    (long long)sqlite3_column_int64(st, 0));
		r.record = id;
		/* Payable through its due day. */
		if ((r.due = col_day(st, 1)) != 0)
			r.due = pm_day_at(pm_day_of(r.due) + 1);
		r.num = sqlite3_column_int64(st, 2);
		r.den = sqlite3_column_int64(st, 3);
		r.at = pm_kpi_col_time(st, 4);
		if (r.den <= 0 && r.num == 0)
			r.reason = r.den < 0 ? "discount" : "paid_before";
		else if (r.num >= r.den)
			r.reason = "paid";
		else
			r.reason = r.num > 0 ? "part_paid" : "unpaid";
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read fee lines");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	if ((st = pm_db_stmt(db, void_sql[which])) == NULL)
		return pm_err_code();
	bind_months(st, x);
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.record = pm_col_text(st, 0);
		r.reason = "voided";
		r.at = pm_kpi_col_time(st, 1);
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read voided receipts");
	sqlite3_reset(st);
	return rc;
}

/* The units handed over (交房) in the months, recorded by the cut. */
static int
handovers(struct pm_db *db, const struct months *x, pm_kpi_rec_fn fn,
    void *arg)
{
	struct pm_kpi_rec r;
	sqlite3_stmt *st;
	int rc = 0, sr;

	st = pm_db_stmt(db, "SELECT unit, day FROM fee_handovers"
	    " WHERE day >= ?1 AND day < ?2 AND posted < ?3"
	    " ORDER BY unit" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, x->dfrom);
	pm_bind_text(st, 2, x->dto);
	pm_bind_text(st, 3, x->cut);
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.record = pm_col_text(st, 0);
		r.reason = "handed_over";
		r.at = col_day(st, 1);
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read handovers");
	sqlite3_reset(st);
	return rc;
}

static int
fee_explain(struct pm_db *db, const struct pm_period *p, const char *kpi,
    pm_kpi_rec_fn fn, void *arg)
{
	struct months x;
	int i, rc;

	for (i = 0; i < F_N; i++)
		if (strcmp(fee_kpis[i], kpi) == 0)
			break;
	if (i == F_N)
		return pm_err(PM_EX_SOFTWARE, "fees: no figure %s", pm_q(kpi));
	months_of(p, &x);
	if (i != F_RECOVERY && (rc = lines(db, &x, 0, fn, arg)) != 0)
		return rc;
	if (i != F_CURRENT && (rc = lines(db, &x, 1, fn, arg)) != 0)
		return rc;
	return i != F_RECOVERY ? handovers(db, &x, fn, arg) : 0;
}

/*
 * The units owing persistent_after months or more at the end of the
 * period's last day (pm-fee's arrears as of that day: what was posted
 * by its end; a running period's last day is today), in unit order.
 * The report counts them, then lists them: the arrears are read once
 * and kept for the second, on the rules of 'kept' above.
 */
struct owing {
	struct pm_fee_arrears a;
	char *s;			/* unit, owner, phone */
};

static struct {
	struct pm_db *db;
	sqlite3 *h;
	int64_t day;
	int months;
	sqlite3_int64 changes, version;
	struct owing *o;
	int n, cap;
} owed;

static void
owed_clear(void)
{
	int i;

	for (i = 0; i < owed.n; i++)
		free(owed.o[i].s);
	free(owed.o);
	memset(&owed, 0, sizeof owed);
}

static int
keep_owing(const struct pm_fee_arrears *a, void *arg)
{
	const char *f[3] = { a->unit, a->owner, a->phone };
	size_t len[3], all = 0;
	struct owing *no, *w;
	int i;

	if (owed.n == owed.cap) {
		owed.cap = owed.cap ? 2 * owed.cap : 64;
		if ((no = realloc(owed.o, (size_t)owed.cap * sizeof *no)) ==
		    NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		owed.o = no;
	}
	for (i = 0; i < 3; i++)
		all += len[i] = f[i] != NULL ? strlen(f[i]) + 1 : 0;
	w = &owed.o[owed.n];
	w->a = *a;
	if ((w->s = malloc(all + 1)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	owed.n++;
	all = 0;
	for (i = 0; i < 3; i++) {
		if (f[i] != NULL)
			memcpy(w->s + all, f[i], len[i]);
		f[i] = f[i] != NULL ? w->s + all : NULL;
		all += len[i];
	}
	w->a.unit = f[0];
	w->a.owner = f[1];
	w->a.phone = f[2];
	w->a.building = NULL;
	return 0;
}

static int
defaulters(struct pm_db *db, const struct pm_period *p,
    int (*each)(const struct pm_fee_arrears *a, void *arg), void *arg)
{
	sqlite3_int64 v = 0;
	pm_time as_of = pm_period_as_of(p);
	int64_t day = pm_day_of(as_of);
	int i, months, rc;

	if ((rc = pm_fee_persistent_after(db, as_of, &months)) != 0 ||
	    (rc = data_version(db, &v)) != 0)
		return rc;
	if (owed.db != db || owed.h != db->h || owed.day != day ||
	    owed.months != months || owed.version != v ||
	    owed.changes != sqlite3_total_changes64(db->h)) {
		owed_clear();
		if ((rc = pm_fee_owing(db, day, months, keep_owing, NULL)) !=
		    0) {
			owed_clear();
			return rc;
		}
		owed.db = db;
		owed.h = db->h;
		owed.day = day;
		owed.months = months;
		owed.changes = sqlite3_total_changes64(db->h);
		owed.version = v;
	}
	for (i = 0; i < owed.n; i++)
		if ((rc = each(&owed.o[i].a, arg)) != 0)
			return rc;
	return 0;
}

static int
count_one(const struct pm_fee_arrears *a, void *arg)
{
	(*(int64_t *)arg)++;
	return 0;
}

static int
fee_tallies(struct pm_db *db, const struct pm_period *p, pm_kpi_tally_fn fn,
    void *arg)
{
	struct pm_fee_rates r;
	struct pm_kpi_tally t;
	struct months x;
	int rc;

	months_of(p, &x);
	if ((rc = totals(db, &x, &r)) != 0)
		return rc;
	t.unit = PM_KPI_FEN;
	t.label = N_("billed");
	t.n = r.billed;
	if ((rc = fn(&t, arg)) != 0)
		return rc;
	t.label = N_("collected");
	t.n = r.collected;
	if ((rc = fn(&t, arg)) != 0)
		return rc;
	t.label = N_("arrears at the start");
	t.n = r.arrears;
	if ((rc = fn(&t, arg)) != 0)
		return rc;
	t.label = N_("arrears recovered");
	t.n = r.recovered;
	if ((rc = fn(&t, arg)) != 0)
		return rc;
	t.label = N_("persistent defaulters");
	t.unit = PM_KPI_COUNT;
	t.n = 0;
	if ((rc = defaulters(db, p, count_one, &t.n)) != 0)
		return rc;
	return fn(&t, arg);
}

static const char *const fee_lists[] = { N_("Persistent defaulters"), NULL };
static const enum pm_kpi_list_kind fee_list_kinds[] = { PM_KPI_LIST_OWING };

struct dunning {
	pm_kpi_item_fn fn;
	void *arg;
};

static int
dunning_item(const struct pm_fee_arrears *a, void *arg)
{
	struct dunning *x = arg;
	struct pm_kpi_item it;
	char mask[PM_MASK_MAX], what[320];

	/* The owner as pm-fee arrears shows them: the phone masked. */
	snprintf(what, sizeof what, "%s%s%s", a->owner != NULL ? a->owner :
	    "", a->owner != NULL && a->phone != NULL ? " " : "",
	    a->phone != NULL ? pm_mask(a->phone, mask) : "");
	memset(&it, 0, sizeof it);
	it.list = fee_lists[0];
	it.record = a->unit;
	it.what = what;
	it.done = it.owed = -1;
	it.months = a->months;
	it.amount = a->total;
	it.oldest = a->oldest;
	return x->fn(&it, x->arg);
}

static int
fee_items(struct pm_db *db, const struct pm_period *p, pm_kpi_item_fn fn,
    void *arg)
{
	struct dunning x = { fn, arg };

	return defaulters(db, p, dunning_item, &x);
}

const struct pm_kpi_source pm_kpi_fee = {
	.name = "fees",
	.kpis = fee_kpis,
	.count = fee_count,
	.explain = fee_explain,
	.tallies = fee_tallies,
	.lists = fee_lists,
	.kinds = fee_list_kinds,
	.items = fee_items
};
