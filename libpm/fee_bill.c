/*
 * fee_bill.c - bill lines: the billing run of a month, meter readings,
 * shared utilities split by area, handovers and vacancies.
 *
 * A billing run walks the items billed by area, unit or space, and for
 * each the units (or held spaces) that pay it, streaming from SQL and
 * inserting as it goes, so memory stays flat at any size.  A line is
 * known by its unit, item, space, month and kind: billing a month again
 * finds it (the unique index fee_lines_once), bills nothing, and only
 * says when the line would now come out differently.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "err.h"
#include "fee.h"
#include "fee_priv.h"
#include "i18n.h"
#include "text.h"

/* The units with vacancy records, sorted, for a quick "none" answer. */
struct vacant_set {
	char **unit;
	int n;
};

/* What one month's run of one item carries. */
struct run {
	struct pm_db *db;
	const struct fee_item *it;
	int y, m;		/* the month billed */
	int64_t first, last;	/* the days the lines cover */
	int64_t rate[12];	/* the rate on each month's first day */
	int has_rate[12];
	int64_t run_id;		/* 0: none (a meter's line) */
	int64_t reading;	/* the reading a meter's line bills, or 0 */
	struct vacant_set *vac;
	struct pm_fee_billed b;
	const char *last_unit;	/* units counted once */
	char last_unit_buf[FEE_CODE_MAX];
	void (*changed)(const char *, const char *, const char *, int64_t,
	    int64_t, void *);
	void *arg;
};

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
vacant_free(struct vacant_set *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		free(v->unit[i]);
	free(v->unit);
	memset(v, 0, sizeof *v);
}

static int
vacant_load(struct pm_db *db, struct vacant_set *v)
{
	sqlite3_stmt *st;
	char **nu;
	int rc, cap = 0;

	memset(v, 0, sizeof *v);
	if ((st = pm_db_stmt(db, "SELECT DISTINCT unit FROM fee_vacancies"
	    " ORDER BY unit")) == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((nu = realloc(v->unit, (size_t)cap *
			    sizeof *nu)) == NULL)
				goto nomem;
			v->unit = nu;
		}
		if ((v->unit[v->n] = strdup(pm_col_text(st, 0))) == NULL)
			goto nomem;
		v->n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return pm_db_error(db, "read vacancies");
	return 0;
nomem:
	sqlite3_reset(st);
	return pm_err(PM_EX_SOFTWARE, "out of memory");
}

/*
 * Whether 'unit' was vacant through the whole of days a..b, by its
 * vacancy records (each start, each end: the last vacant day).
 */
static int
vacant_through(struct pm_db *db, const struct vacant_set *v,
    const char *unit, int64_t a, int64_t b, int *yes)
{
	const char *key = unit;
	sqlite3_stmt *st;
	int64_t start = 0, d;
	int open = 0, rc;

	*yes = 0;
	if (v->n == 0 || bsearch(&key, v->unit, (size_t)v->n, sizeof *v->unit,
	    strp_cmp) == NULL)
		return 0;
	if ((st = pm_db_stmt(db, "SELECT day, vacant FROM fee_vacancies"
	    " WHERE unit = ?1 ORDER BY day, id")) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_day_scan(pm_col_text(st, 0), &d);
		if (sqlite3_column_int(st, 1)) {
			start = d;
			open = 1;
		} else if (open) {
			if (start <= a && d >= b)
				*yes = 1;
			open = 0;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return pm_db_error(db, "read vacancies");
	if (open && start <= a)
		*yes = 1;
	return 0;
}

/*
 * The first day billed for a unit handed over (or a space held) on 'h':
 * that day itself (prorate) or the first of the month after
 * (next-month), and never before the lines' first day.
 */
static int64_t
start_day(const struct run *r, int has_h, int64_t h)
{
	int64_t s;
	int y, m, d;

	if (!has_h)
		return r->first;
	if (r->it->prorate)
		s = h;
	else {
		pm_day_civil(h, &y, &m, &d);
		pm_fee_month_add(&y, &m, 1);
		s = pm_day_from_civil(y, m, 1);
	}
	return s > r->first ? s : r->first;
}

/*
 * What a line from day 's' to r->last comes to before rounding: rm/den
 * with den the days of the month that is only partly billed (1 when
 * none is), over the months for which 'take' (NULL: all) is set.
 */
static void
rate_months(const struct run *r, int64_t s, const int *take, int64_t *rm,
    int64_t *den, int *part_days, int *part_len)
{
	int y = r->y, m = r->m, i, len;
	int64_t f, l;

	*rm = 0;
	*den = 1;
	*part_days = 0;
	*part_len = 0;
	for (i = 0; i < r->it->months; i++, pm_fee_month_add(&y, &m, 1)) {
		f = pm_day_from_civil(y, m, 1);
		len = pm_month_length(y, m);
		l = f + len - 1;
		if (s > l || !r->has_rate[i])
			continue;
		if (s > f) {
			/* The one partial month: the days from s on. */
			*den = len;
			*part_days = (int)(l - s + 1);
			*part_len = len;
		}
	}
	y = r->y;
	m = r->m;
	for (i = 0; i < r->it->months; i++, pm_fee_month_add(&y, &m, 1)) {
		f = pm_day_from_civil(y, m, 1);
		l = f + pm_month_length(y, m) - 1;
		if (s > l || !r->has_rate[i] || (take != NULL && !take[i]))
			continue;
		*rm += r->rate[i] * (s > f ? (l - s + 1) : *den);
	}
}

/* Insert a line; *id 0 when it was there already (then *had its amount). */
static int
insert_line(struct run *r, const char *unit, const char *building,
    const char *space, const char *kind, int64_t from, int64_t quantity,
    int64_t rate, int64_t amount, int64_t due, const char *note,
    int64_t *id, int64_t *had)
{
	char period[8], fd[PM_DATE_LEN], td[PM_DATE_LEN], dd[PM_DATE_LEN];
	const char *posted = fee_posted();
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(r->db, "INSERT INTO fee_lines(unit, building, item,"
	    " space, kind, period, from_day, to_day, quantity, rate, amount,"
	    " due_day, note, run, posted, who, paid, paid_at, reading) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " ?15, ?16, ?17, ?18, ?19) ON CONFLICT DO NOTHING");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, building);
	pm_bind_text(st, 3, r->it->code);
	pm_bind_text(st, 4, space);
	pm_bind_text(st, 5, kind);
	pm_bind_text(st, 6, pm_fee_month_fmt(r->y, r->m, period));
	pm_bind_text(st, 7, pm_day_fmt(from, fd));
	pm_bind_text(st, 8, pm_day_fmt(r->last, td));
	pm_bind_int(st, 9, quantity);
	pm_bind_int(st, 10, rate);
	pm_bind_int(st, 11, amount);
	pm_bind_text(st, 12, pm_day_fmt(due, dd));
	pm_bind_text(st, 13, note);
	if (r->run_id > 0)
		pm_bind_int(st, 14, r->run_id);
	pm_bind_text(st, 15, posted);
	pm_bind_text(st, 16, r->db->user);
	/* A discount is settled as it is made: it is never owed. */
	pm_bind_int(st, 17, amount < 0 ? amount : 0);
	pm_bind_text(st, 18, amount <= 0 ? posted : NULL);
	if (r->reading > 0)
		pm_bind_int(st, 19, r->reading);
	if ((rc = pm_db_step_done(r->db, st, "insert bill line")) != 0)
		return rc;
	if (sqlite3_changes(r->db->h) > 0) {
		*id = pm_db_last_id(r->db);
		return 0;
	}
	*id = 0;
	st = pm_db_stmt(r->db, "SELECT amount FROM fee_lines WHERE unit = ?1"
	    " AND item = ?2 AND coalesce(space, '') = coalesce(?3, '')"
	    " AND period = ?4 AND kind = ?5");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, r->it->code);
	pm_bind_text(st, 3, space);
	pm_bind_text(st, 4, period);
	pm_bind_text(st, 5, kind);
	*had = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*had = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : pm_db_error(r->db, "read bill line");
}

/*
 * The vacancy discount of a line from day 's': the months the unit had
 * been vacant for vacancy_after whole months by their end, at the share
 * a vacant unit does not pay.
 */
static int
vacancy_discount(struct run *r, const char *unit, int64_t s,
    int64_t quantity, int64_t *disc, int *nmonths)
{
	int take[12], y = r->y, m = r->m, i, yes, rc, pd, pl;
	int64_t rm, den, a, l;
	int vy, vm;

	*disc = 0;
	*nmonths = 0;
	if (r->it->vacancy_after <= 0)
		return 0;
	for (i = 0; i < r->it->months; i++, pm_fee_month_add(&y, &m, 1)) {
		vy = y;
		vm = m;
		pm_fee_month_add(&vy, &vm, 1 - r->it->vacancy_after);
		a = pm_day_from_civil(vy, vm, 1);
		l = pm_day_from_civil(y, m, pm_month_length(y, m));
		take[i] = 0;
		if ((rc = vacant_through(r->db, r->vac, unit, a, l, &yes)) != 0)
			return rc;
		if (yes && l >= s) {
			take[i] = 1;
			(*nmonths)++;
		}
	}
	if (*nmonths == 0)
		return 0;
	rate_months(r, s, take, &rm, &den, &pd, &pl);
	/* One rounding: quantity × rm × (100% - pays) / den. */
	return pm_fee_amount(quantity, rm * (PM_FEE_BP - r->it->vacancy_pays),
	    den * PM_FEE_BP, disc);
}

/* Bill one payer: a unit, or the holder of a space. */
static int
bill_one(struct run *r, const char *unit, const char *building,
    const char *space, int64_t quantity, int has_h, int64_t h)
{
	char note[96], pays[24];
	int64_t s, rm, den, amount, due, id, had, disc, vid, dummy;
	int pd, pl, nvac, rc, y, m, d;

	s = start_day(r, has_h, h);
	if (s > r->last)
		return 0;
	rate_months(r, s, NULL, &rm, &den, &pd, &pl);
	if (rm == 0 && den == 1)
		return 0;
	if ((rc = pm_fee_amount(quantity, rm, den, &amount)) != 0)
		return rc;
	note[0] = '\0';
	if (pd > 0)
		snprintf(note, sizeof note, "%d/%d", pd, pl);
	pm_day_civil(r->first, &y, &m, &d);
	due = fee_month_day(y, m, r->it->due_day);
	if (due < s)
		due = s;
	if ((rc = insert_line(r, unit, building, space, "charge", s, quantity,
	    r->rate[0], amount, due, note[0] ? note : NULL, &id, &had)) != 0)
		return rc;
	if (id == 0) {
		if (had != amount) {
			r->b.changed++;
			if (r->changed != NULL) {
				char period[8];

				r->changed(unit, r->it->code,
				    pm_fee_month_fmt(r->y, r->m, period), had,
				    amount, r->arg);
			}
		}
		return 0;
	}
	r->b.lines++;
	r->b.amount += amount;
	if (r->last_unit == NULL || strcmp(r->last_unit, unit) != 0) {
		r->b.units++;
		snprintf(r->last_unit_buf, sizeof r->last_unit_buf, "%s", unit);
		r->last_unit = r->last_unit_buf;
	}
	if ((rc = vacancy_discount(r, unit, s, quantity, &disc, &nvac)) != 0)
		return rc;
	if (disc <= 0)
		return 0;
	snprintf(note, sizeof note, "vacant %d+ months: pays %s",
	    r->it->vacancy_after, pm_fee_percent_fmt(r->it->vacancy_pays, 2,
	    pays, sizeof pays));
	if ((rc = insert_line(r, unit, building, space, "vacancy", s, quantity,
	    r->rate[0], -disc, due, note, &vid, &dummy)) != 0)
		return rc;
	r->b.lines++;
	r->b.amount -= disc;
	/* The discount settles its charge as it is made. */
	return fee_settle_line(r->db, id, 0, 0, "discount", disc,
	    fee_posted_day(fee_posted()));
}

static int
bill_units(struct run *r)
{
	sqlite3_stmt *st;
	int64_t h, q;
	int rc, has_h, area = strcmp(r->it->basis, "area") == 0;

	st = pm_db_stmt(r->db, "SELECT u.code, u.building, u.area, h.day"
	    " FROM units u LEFT JOIN fee_handovers h ON h.unit = u.code"
	    " WHERE u.kind = 'unit' AND u.retired = 0"
	    " AND (NOT EXISTS (SELECT 1 FROM fee_scopes s WHERE s.item = ?1)"
	    " OR EXISTS (SELECT 1 FROM fee_scopes s WHERE s.item = ?1"
	    " AND (s.building = u.building OR s.unit = u.code)))"
	    " ORDER BY u.code");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, r->it->code);
	/*
	 * The reads and the inserts are of different tables, so the
	 * inserts may go on while the units are read.
	 */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		has_h = sqlite3_column_type(st, 3) != SQLITE_NULL &&
		    pm_day_scan(pm_col_text(st, 3), &h) == 0;
		q = area ? sqlite3_column_int64(st, 2) : 100;
		if ((rc = bill_one(r, pm_col_text(st, 0), pm_col_text(st, 1),
		    NULL, q, has_h, has_h ? h : 0)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pm_db_error(r->db, "read units");
}

/* The spaces of the item held on some day of the lines, by their holder. */
static int
bill_spaces(struct run *r)
{
	char fd[PM_DATE_LEN], ld[PM_DATE_LEN];
	sqlite3_stmt *st;
	int64_t from, h;
	int rc, has_h;

	st = pm_db_stmt(r->db, "SELECT h.unit, u.building, s.code,"
	    " h.from_day, hd.day FROM fee_spaces s"
	    " JOIN fee_holders h ON h.space = s.code AND h.from_day <= ?3"
	    " AND (h.until_day IS NULL OR h.until_day >= ?2)"
	    " JOIN units u ON u.code = h.unit"
	    " LEFT JOIN fee_handovers hd ON hd.unit = h.unit"
	    " WHERE s.item = ?1 AND s.retired = 0 AND u.retired = 0"
	    " ORDER BY s.code, h.from_day");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, r->it->code);
	pm_bind_text(st, 2, pm_day_fmt(r->first, fd));
	pm_bind_text(st, 3, pm_day_fmt(r->last, ld));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* A holder pays from holding, or from the handover after. */
		pm_day_scan(pm_col_text(st, 3), &from);
		has_h = sqlite3_column_type(st, 4) != SQLITE_NULL &&
		    pm_day_scan(pm_col_text(st, 4), &h) == 0;
		if (!has_h || h < from)
			h = from;
		if ((rc = bill_one(r, pm_col_text(st, 0), pm_col_text(st, 1),
		    pm_col_text(st, 2), 100, 1, h)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pm_db_error(r->db, "read spaces");
}

static int
new_run(struct pm_db *db, const char *verb, const char *period, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "INSERT INTO fee_runs(verb, period, posted, who)"
	    " VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, verb);
	pm_bind_text(st, 2, period);
	pm_bind_text(st, 3, fee_posted());
	pm_bind_text(st, 4, db->user);
	if ((rc = pm_db_step_done(db, st, "record the run")) != 0)
		return rc;
	*id = pm_db_last_id(db);
	return 0;
}

/* Spend the credit of every unit that has some on its open lines. */
static int
settle_all(struct pm_db *db)
{
	sqlite3_stmt *st;
	char **units = NULL, **nu;
	int i, n = 0, cap = 0, rc;

	/* Read first: settling changes the rows the index holds. */
	if ((st = pm_db_stmt(db, "SELECT DISTINCT unit FROM fee_docs"
	    " WHERE credit > 0")) == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((nu = realloc(units, (size_t)cap * sizeof *nu)) ==
			    NULL)
				break;
			units = nu;
		}
		if ((units[n] = strdup(pm_col_text(st, 0))) == NULL)
			break;
		n++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else if (rc != SQLITE_DONE)
		rc = pm_db_error(db, "read credit");
	else
		rc = 0;
	for (i = 0; i < n && rc == 0; i++)
		rc = pm_fee_settle(db, units[i]);
	for (i = 0; i < n; i++)
		free(units[i]);
	free(units);
	return rc;
}

/* The codes of the items billed by period (few: read at once). */
static int
item_codes(struct pm_db *db, char ***codes, int *n)
{
	sqlite3_stmt *st;
	char **nc;
	int rc, cap = 0;

	*codes = NULL;
	*n = 0;
	st = pm_db_stmt(db, "SELECT code FROM fee_items WHERE retired = 0"
	    " AND (basis = 'area' OR basis = 'unit' OR basis = 'space')"
	    " ORDER BY code");
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			if ((nc = realloc(*codes, (size_t)cap * sizeof *nc)) ==
			    NULL)
				break;
			*codes = nc;
		}
		if (((*codes)[*n] = strdup(pm_col_text(st, 0))) == NULL)
			break;
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	rc = rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read fee items");
	while (*n > 0)
		free((*codes)[--*n]);
	free(*codes);
	*codes = NULL;
	return rc;
}

/* One month's run. */
static int
bill_month(struct pm_db *db, int y, int m, struct vacant_set *vac,
    int (*each)(const struct pm_fee_billed *, void *),
    void (*changed)(const char *, const char *, const char *, int64_t,
    int64_t, void *), void *arg)
{
	char period[8], money[PM_MONEY_LEN], **codes = NULL;
	struct fee_item it;
	struct run r;
	int64_t lines = 0, total = 0;
	int i, k, ly, lm, rc, ncodes = 0;

	pm_fee_month_fmt(y, m, period);
	memset(&r, 0, sizeof r);
	r.db = db;
	r.y = y;
	r.m = m;
	r.vac = vac;
	r.changed = changed;
	r.arg = arg;
	if ((rc = new_run(db, "bill", period, &r.run_id)) != 0)
		return rc;
	if ((rc = item_codes(db, &codes, &ncodes)) != 0)
		return rc;
	for (k = 0; k < ncodes && rc == 0; k++) {
		if ((rc = fee_item_get(db, codes[k], &it)) != 0 ||
		    (m - 1) % it.months != 0)
			continue;
		r.it = &it;
		r.first = pm_day_from_civil(y, m, 1);
		ly = y;
		lm = m;
		pm_fee_month_add(&ly, &lm, it.months - 1);
		r.last = pm_day_from_civil(ly, lm, pm_month_length(ly, lm));
		ly = y;
		lm = m;
		for (i = 0; i < it.months && rc == 0; i++,
		    pm_fee_month_add(&ly, &lm, 1))
			rc = fee_rate_on(db, it.code, pm_day_from_civil(ly, lm, 1),
			    &r.rate[i], &r.has_rate[i]);
		memset(&r.b, 0, sizeof r.b);
		r.b.item = it.code;
		r.b.period = period;
		r.last_unit = NULL;
		if (rc == 0)
			rc = strcmp(it.basis, "space") == 0 ? bill_spaces(&r) :
			    bill_units(&r);
		lines += r.b.lines;
		total += r.b.amount;
		if (rc == 0 && each != NULL)
			rc = each(&r.b, arg);
	}
	for (k = 0; k < ncodes; k++)
		free(codes[k]);
	free(codes);
	if (rc != 0)
		return rc;
	if ((rc = settle_all(db)) != 0)
		return rc;
	{
		char id[24];

		snprintf(id, sizeof id, "%lld", (long long)r.run_id);
		return pm_audit(db, "fee_runs", id, "billed %s: %lld lines, %s",
		    period, (long long)lines, pm_money_fmt(total, money));
	}
}

int
pm_fee_bill(struct pm_db *db, int y, int m, int n,
    int (*each)(const struct pm_fee_billed *, void *),
    void (*changed)(const char *, const char *, const char *, int64_t,
    int64_t, void *), void *arg)
{
	struct vacant_set vac;
	int i, rc = 0;

	if ((rc = vacant_load(db, &vac)) != 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++, pm_fee_month_add(&y, &m, 1))
		rc = bill_month(db, y, m, &vac, each, changed, arg);
	vacant_free(&vac);
	return rc;
}

int
pm_fee_handover(struct pm_db *db, const char *input, int64_t day)
{
	char unit[FEE_CODE_MAX], d[PM_DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	if ((rc = fee_unit_get(db, input, unit, NULL)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT day FROM fee_handovers WHERE unit = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rc = pm_err(PM_EX_DATAERR, "unit %s: handed over on %s already",
		    pm_q(unit), pm_col_text(st, 0));
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	pm_day_fmt(day, d);
	st = pm_db_stmt(db, "SELECT min(from_day) FROM fee_lines"
	    " WHERE unit = ?1 AND kind = 'charge' AND space IS NULL");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    strcmp(pm_col_text(st, 0), d) < 0) {
		rc = pm_err(PM_EX_DATAERR, "unit %s: billed from %s already, "
		    "before a handover on %s", pm_q(unit), pm_col_text(st, 0),
		    d);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	st = pm_db_stmt(db, "INSERT INTO fee_handovers(unit, day, posted, who)"
	    " VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, d);
	pm_bind_text(st, 3, fee_posted());
	pm_bind_text(st, 4, db->user);
	if ((rc = pm_db_step_done(db, st, "record the handover")) != 0)
		return rc;
	return pm_audit(db, "fee_handovers", unit, "handed over on %s", d);
}

int
pm_fee_vacancy(struct pm_db *db, const char *input, int64_t day, int vacant)
{
	char unit[FEE_CODE_MAX], d[PM_DATE_LEN], last[PM_DATE_LEN] = "";
	sqlite3_stmt *st;
	int rc, open = 0;

	if ((rc = fee_unit_get(db, input, unit, NULL)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT day, vacant FROM fee_vacancies"
	    " WHERE unit = ?1 ORDER BY day DESC, id DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(last, sizeof last, "%s", pm_col_text(st, 0));
		open = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	pm_day_fmt(day, d);
	if (vacant && open)
		return pm_err(PM_EX_DATAERR, "unit %s: vacant since %s already",
		    pm_q(unit), last);
	if (!vacant && !open)
		return pm_err(PM_EX_DATAERR, "unit %s: not vacant (nothing to "
		    "end)", pm_q(unit));
	if (last[0] != '\0' && (vacant ? strcmp(d, last) <= 0 :
	    strcmp(d, last) < 0))
		return pm_err(PM_EX_DATAERR, "unit %s: day %s is before its last "
		    "vacancy record (%s)", pm_q(unit), d, last);
	st = pm_db_stmt(db, "INSERT INTO fee_vacancies(unit, day, vacant,"
	    " posted, who) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, d);
	pm_bind_int(st, 3, vacant);
	pm_bind_text(st, 4, fee_posted());
	pm_bind_text(st, 5, db->user);
	if ((rc = pm_db_step_done(db, st, "record the vacancy")) != 0)
		return rc;
	return pm_audit(db, "fee_vacancies", unit, vacant ? "vacant from %s" :
	    "vacant until %s", d);
}

/* The due day of a line billed in month (y, m) after the fact. */
static int64_t
due_after(const struct fee_item *it, int y, int m)
{
	pm_fee_month_add(&y, &m, 1);
	return fee_month_day(y, m, it->due_day);
}

int
pm_fee_meter(struct pm_db *db, const char *input, const char *item,
    int64_t day, int64_t reading, int64_t *line)
{
	char unit[FEE_CODE_MAX], building[FEE_CODE_MAX], d[PM_DATE_LEN];
	char note[96], a[PM_MONEY_LEN], b[PM_MONEY_LEN];
	struct fee_item it;
	struct run r;
	sqlite3_stmt *st;
	int64_t last = -1, last_day = 0, rid, rate, amount, id, had;
	int rc, found, y, m, dd;

	*line = 0;
	if ((rc = fee_unit_get(db, input, unit, building)) != 0 ||
	    (rc = fee_item_get(db, item, &it)) != 0)
		return rc;
	if (strcmp(it.basis, "meter") != 0)
		return pm_err(PM_EX_DATAERR, "fee item %s: not metered (basis "
		    "%s)", pm_q(it.code), it.basis);
	if (it.retired)
		return pm_err(PM_EX_DATAERR, "fee item %s: retired", pm_q(it.code));
	st = pm_db_stmt(db, "SELECT day, reading FROM fee_readings"
	    " WHERE unit = ?1 AND item = ?2 ORDER BY day DESC, id DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, it.code);
	if (sqlite3_step(st) == SQLITE_ROW) {
		pm_day_scan(pm_col_text(st, 0), &last_day);
		last = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	pm_day_fmt(day, d);
	if (last >= 0 && day <= last_day)
		return pm_err(PM_EX_DATAERR, "unit %s: %s reading on %s: not "
		    "after the last one (%s)", pm_q(unit), it.code, d,
		    pm_day_fmt(last_day, note));
	if (last >= 0 && reading < last)
		return pm_err(PM_EX_DATAERR, "unit %s: %s reading %s: less than "
		    "the last one (%s)", pm_q(unit), it.code,
		    pm_q(pm_hundredths_fmt(reading, a)),
		    pm_hundredths_fmt(last, b));
	st = pm_db_stmt(db, "INSERT INTO fee_readings(unit, item, day, reading,"
	    " posted, who) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, it.code);
	pm_bind_text(st, 3, d);
	pm_bind_int(st, 4, reading);
	pm_bind_text(st, 5, fee_posted());
	pm_bind_text(st, 6, db->user);
	if ((rc = pm_db_step_done(db, st, "record the reading")) != 0)
		return rc;
	rid = pm_db_last_id(db);
	if ((rc = pm_audit(db, "fee_readings", unit, "%s reading %s on %s",
	    it.code, pm_hundredths_fmt(reading, a), d)) != 0 || last < 0)
		return rc;
	if ((rc = fee_rate_on(db, it.code, day, &rate, &found)) != 0)
		return rc;
	if (!found)
		return pm_err(PM_EX_DATAERR, "fee item %s: no rate in force on %s",
		    pm_q(it.code), d);
	if ((rc = pm_fee_amount(reading - last, rate, 1, &amount)) != 0)
		return rc;
	pm_day_civil(day, &y, &m, &dd);
	memset(&r, 0, sizeof r);
	r.db = db;
	r.it = &it;
	r.y = y;
	r.m = m;
	r.last = day;
	r.reading = rid;
	snprintf(note, sizeof note, "%s -> %s", pm_hundredths_fmt(last, a),
	    pm_hundredths_fmt(reading, b));
	if ((rc = insert_line(&r, unit, building[0] ? building : NULL, NULL,
	    "meter", last_day + 1, reading - last, rate, amount,
	    due_after(&it, y, m), note, &id, &had)) != 0)
		return rc;
	*line = id;
	if ((rc = pm_audit(db, "fee_lines", unit, "billed %s %s: %s", it.code,
	    pm_fee_month_fmt(y, m, note), pm_money_fmt(amount, a))) != 0)
		return rc;
	return pm_fee_settle(db, unit);
}

int
pm_fee_share(struct pm_db *db, const char *item, int y, int m,
    int64_t amount, int (*each)(const struct pm_fee_billed *, void *),
    void *arg)
{
	char period[8], ld[PM_DATE_LEN], money[PM_MONEY_LEN], note[96];
	char **unit = NULL, **bld = NULL;
	int64_t *w = NULL, *part = NULL, id, had, runid = 0;
	struct fee_item it;
	struct run r;
	sqlite3_stmt *st;
	int n = 0, cap = 0, i, rc;

	if ((rc = fee_item_get(db, item, &it)) != 0)
		return rc;
	if (strcmp(it.basis, "shared") != 0)
		return pm_err(PM_EX_DATAERR, "fee item %s: not shared (basis %s)",
		    pm_q(it.code), it.basis);
	if (it.retired)
		return pm_err(PM_EX_DATAERR, "fee item %s: retired", pm_q(it.code));
	if (amount <= 0)
		return pm_err(PM_EX_DATAERR, "amount %s: not more than 0",
		    pm_q(pm_money_fmt(amount, money)));
	pm_fee_month_fmt(y, m, period);
	st = pm_db_stmt(db, "SELECT 1 FROM fee_lines WHERE period = ?1"
	    " AND item = ?2 AND kind = 'shared' LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, period);
	pm_bind_text(st, 2, it.code);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return pm_err(PM_EX_DATAERR, "fee item %s: %s is shared already",
		    pm_q(it.code), period);
	memset(&r, 0, sizeof r);
	r.db = db;
	r.it = &it;
	r.y = y;
	r.m = m;
	r.first = pm_day_from_civil(y, m, 1);
	r.last = pm_day_from_civil(y, m, pm_month_length(y, m));
	/* The units that pay it, handed over by the month's end. */
	st = pm_db_stmt(db, "SELECT u.code, u.building, u.area FROM units u"
	    " LEFT JOIN fee_handovers h ON h.unit = u.code"
	    " WHERE u.kind = 'unit' AND u.retired = 0"
	    " AND (h.day IS NULL OR h.day <= ?2)"
	    " AND (NOT EXISTS (SELECT 1 FROM fee_scopes s WHERE s.item = ?1)"
	    " OR EXISTS (SELECT 1 FROM fee_scopes s WHERE s.item = ?1"
	    " AND (s.building = u.building OR s.unit = u.code)))"
	    " ORDER BY u.code");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, it.code);
	pm_bind_text(st, 2, pm_day_fmt(r.last, ld));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((unit = realloc(unit, (size_t)cap * sizeof *unit)) ==
			    NULL || (bld = realloc(bld, (size_t)cap *
			    sizeof *bld)) == NULL || (w = realloc(w,
			    (size_t)cap * sizeof *w)) == NULL)
				break;
		}
		unit[n] = strdup(pm_col_text(st, 0));
		bld[n] = pm_col_text(st, 1) != NULL ?
		    strdup(pm_col_text(st, 1)) : NULL;
		w[n] = sqlite3_column_int64(st, 2);
		n++;
		if (unit[n - 1] == NULL)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else if (rc != SQLITE_DONE)
		rc = pm_db_error(db, "read units");
	else if (n == 0)
		rc = pm_err(PM_EX_DATAERR, "fee item %s: no unit pays it in %s",
		    pm_q(it.code), period);
	else if ((part = calloc((size_t)n, sizeof *part)) == NULL)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else
		rc = pm_fee_split(amount, w, n, part);
	if (rc == 0)
		rc = new_run(db, "share", period, &runid);
	r.run_id = runid;
	r.b.item = it.code;
	r.b.period = period;
	snprintf(note, sizeof note, "%s / %d", pm_money_fmt(amount, money), n);
	for (i = 0; i < n && rc == 0; i++) {
		rc = insert_line(&r, unit[i], bld[i], NULL, "shared", r.first,
		    w[i], 0, part[i], due_after(&it, y, m), note, &id, &had);
		r.b.lines++;
		r.b.units++;
		r.b.amount += part[i];
	}
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = pm_fee_settle(db, unit[i]);
		free(unit[i]);
		free(bld[i]);
	}
	free(unit);
	free(bld);
	free(w);
	free(part);
	if (rc == 0) {
		char rid[24];

		snprintf(rid, sizeof rid, "%lld", (long long)runid);
		rc = pm_audit(db, "fee_runs", rid, "shared %s %s: %s among %d "
		    "units by area", it.code, period, pm_money_fmt(amount,
		    money), n);
	}
	if (rc == 0 && each != NULL)
		rc = each(&r.b, arg);
	return rc;
}
