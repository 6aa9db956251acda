/*
 * fee_db.c - what every fee module reads the same way: items, rates by
 * day, units as people name them, settings, posting times; and the one
 * place a line is settled (fee_settle_line()).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "err.h"
#include "fee.h"
#include "fee_priv.h"
#include "record.h"
#include "text.h"
#include "unit.h"
#include "versions.h"

static void
copy(char *dst, size_t len, const char *src)
{
	snprintf(dst, len, "%s", src != NULL ? src : "");
}

int
fee_item_get(struct pm_db *db, const char *code, struct fee_item *it)
{
	sqlite3_stmt *st;
	const char *f;
	int rc;

	st = pm_db_stmt(db, "SELECT code, name, book, basis, frequency,"
	    " due_day, start_rule, vacancy_after, vacancy_pays, late_daily,"
	    " late_grace, late_cap, retired FROM fee_items WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return pm_db_error(db, "read fee item");
		return pm_err(PM_EX_NOINPUT, "fee item %s: no such item (see %s)",
		    pm_q(code), pm_q("pm-fee items"));
	}
	memset(it, 0, sizeof *it);
	copy(it->code, sizeof it->code, pm_col_text(st, 0));
	copy(it->name, sizeof it->name, pm_col_text(st, 1));
	copy(it->book, sizeof it->book, pm_col_text(st, 2));
	copy(it->basis, sizeof it->basis, pm_col_text(st, 3));
	f = pm_col_text(st, 4);
	it->months = strcmp(f, "yearly") == 0 ? 12 :
	    strcmp(f, "quarterly") == 0 ? 3 : 1;
	it->due_day = sqlite3_column_int(st, 5);
	it->prorate = strcmp(pm_col_text(st, 6), "prorate") == 0;
	it->vacancy_after = sqlite3_column_int(st, 7);
	it->vacancy_pays = sqlite3_column_int64(st, 8);
	it->late.daily = sqlite3_column_int64(st, 9);
	it->late.grace = sqlite3_column_int(st, 10);
	it->late.cap = sqlite3_column_type(st, 11) == SQLITE_NULL ? -1 :
	    sqlite3_column_int64(st, 11);
	it->retired = sqlite3_column_int(st, 12);
	sqlite3_reset(st);
	return 0;
}

int
fee_rate_on(struct pm_db *db, const char *item, int64_t day, int64_t *rate,
    int *found)
{
	char d[PM_DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT rate FROM fee_rates WHERE item = ?1"
	    " AND from_day <= ?2 ORDER BY from_day DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, item);
	pm_bind_text(st, 2, pm_day_fmt(day, d));
	*found = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rate = sqlite3_column_int64(st, 0);
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return pm_db_error(db, "read fee rate");
	}
	sqlite3_reset(st);
	return 0;
}

int
fee_unit_get(struct pm_db *db, const char *input, char *code, char *building)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = pm_rec_find(db, &pm_unit_type, input, code,
	    FEE_CODE_MAX)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT kind, retired, building FROM units"
	    " WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = pm_db_error(db, "read unit");
		sqlite3_reset(st);
		return rc;
	}
	if (strcmp(pm_col_text(st, 0), "unit") != 0)
		rc = pm_err(PM_EX_DATAERR, "unit %s: a public area pays no "
		    "fees", pm_q(code));
	else if (sqlite3_column_int(st, 1))
		rc = pm_err(PM_EX_DATAERR, "unit %s: retired unit", pm_q(code));
	else if (building != NULL)
		copy(building, FEE_CODE_MAX, pm_col_text(st, 2));
	sqlite3_reset(st);
	return rc;
}

const char *
fee_posted(void)
{
	static char buf[PM_TIME_UTC_LEN];

	return pm_time_utc(pm_now(), buf);
}

int64_t
fee_posted_day(const char *posted)
{
	pm_time t = 0;

	pm_time_parse_utc(posted, &t);
	return pm_day_of(t);
}

int64_t
fee_month_day(int y, int m, int d)
{
	int n = pm_month_length(y, m);

	return pm_day_from_civil(y, m, d < n ? d : n);
}

/* The number a setting's text 'v' holds, or 'dflt' without one; frees v. */
static int
setting_int(char *v, int dflt)
{
	int n = v != NULL ? atoi(v) : dflt;

	free(v);
	return n;
}

int
fee_setting_int(struct pm_db *db, const char *key, int dflt, int *out)
{
	char *v = NULL;
	int rc;

	if ((rc = pm_db_meta(db, key, &v)) != 0)
		return rc;
	*out = setting_int(v, dflt);
	return 0;
}

int
pm_fee_persistent_after(struct pm_db *db, pm_time as_of, int *months)
{
	char *v = NULL;
	int rc;

	if ((rc = pm_setting_asof(db, "fee_persistent_after", as_of,
	    &v)) != 0)
		return rc;
	*months = setting_int(v, PM_FEE_PERSISTENT_DEFAULT);
	if (*months < 1 || *months > PM_FEE_PERSISTENT_MAX)
		*months = PM_FEE_PERSISTENT_DEFAULT;
	return 0;
}

int
fee_settle_line(struct pm_db *db, int64_t line, int64_t doc, int64_t by_doc,
    const char *cause, int64_t amount, int64_t value_day)
{
	const char *posted = fee_posted();
	char vd[PM_DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	if (amount == 0)
		return 0;
	st = pm_db_stmt(db, "INSERT INTO fee_allocs(line, doc, by_doc, cause,"
	    " amount, value_day, posted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, line);
	if (doc > 0)
		pm_bind_int(st, 2, doc);
	if (by_doc > 0)
		pm_bind_int(st, 3, by_doc);
	pm_bind_text(st, 4, cause);
	pm_bind_int(st, 5, amount);
	pm_bind_text(st, 6, pm_day_fmt(value_day, vd));
	pm_bind_text(st, 7, posted);
	if ((rc = pm_db_step_done(db, st, "settle a bill line")) != 0)
		return rc;
	/* Settled in full now: since now; not in full: open. */
	st = pm_db_stmt(db, "UPDATE fee_lines SET paid = paid + ?2,"
	    " paid_at = CASE WHEN paid + ?2 >= amount THEN ?3 END"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, line);
	pm_bind_int(st, 2, amount);
	pm_bind_text(st, 3, posted);
	if ((rc = pm_db_step_done(db, st, "settle a bill line")) != 0)
		return rc;
	if (strcmp(cause, "pay") != 0 && strcmp(cause, "credit") != 0)
		return 0;
	st = pm_db_stmt(db, "UPDATE fee_docs SET credit = credit - ?2"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, doc);
	pm_bind_int(st, 2, amount);
	return pm_db_step_done(db, st, "spend credit");
}
