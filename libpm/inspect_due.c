/*
 * inspect_due.c - what is due on a day: the places of each round, the
 * vacant units, each maintenance task, the certificates, and the
 * work-plan entries of the season.
 *
 * Rounds and maintenance fall due from their last record plus their
 * interval (a plan never done, one interval after it was added), never
 * from a fixed calendar date, so a task done late moves the next one
 * on.  Work-plan entries are calendar plans instead: their occurrences
 * are the days, weekdays, weeks or months of their months, or the run
 * of their months, and each is cleared by a record made during it (or
 * before the next one starts, when late).
 *
 * One statement per kind reads each plan with its last record, kept
 * beside the records (0011's maint_last, certificate_last, inspect_last),
 * so the cost follows the number of plans, not the years of records
 * behind them; only a day in the past searches the records themselves.
 * The rows that are due are few; they are kept, sorted and written once
 * all are read.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "staff.h"
#include "vocab.h"

/* How far back a work-plan entry's occurrences are looked for. */
#define LOOK_BACK	366

enum due_kind {
	K_ROUND,
	K_MAINTENANCE,
	K_CERTIFICATE,
	K_WORK,
	K_VACANT
};

struct due_row {
	int64_t due;		/* the local day it falls due */
	int overdue;
	enum due_kind kind;
	char *place, *task, *name, *department, *last;
	int hard;
};

struct due {
	struct pm_db *db;
	int64_t day;		/* the local day asked about */
	char day_text[PM_DATE_LEN];
	char end[PM_TIME_UTC_LEN];	/* its end, UTC: records before it */
	const char *department;
	struct due_row *rows;
	int n, cap;
};

const struct pm_col pm_inspect_due_cols[] = {
	{ N_("due"), PM_COL_TEXT, NULL },
	{ N_("status"), PM_COL_TEXT, &pm_v_due_status },
	{ N_("kind"), PM_COL_TEXT, &pm_v_due_kind },
	{ N_("place"), PM_COL_TEXT, NULL },
	{ N_("task"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("last"), PM_COL_TEXT, NULL },
	{ N_("days_late"), PM_COL_INT, NULL },
	{ N_("hard"), PM_COL_INT, NULL }
};
const int pm_inspect_due_ncols = sizeof pm_inspect_due_cols /
    sizeof pm_inspect_due_cols[0];

/*
 * Keep a row due on day 'due' (listed from 'from'), when 'from' has
 * come; it is overdue once 'due' has passed.
 */
static int
add(struct due *d, enum due_kind kind, int64_t due, int64_t from,
    const char *place, const char *task, const char *name,
    const char *department, const char *last, int hard)
{
	struct due_row *r;
	int oom = 0;

	if (from > d->day)
		return 0;
	if (d->n == d->cap) {
		int cap = d->cap ? 2 * d->cap : 64;

		if ((r = realloc(d->rows, (size_t)cap * sizeof *r)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		d->rows = r;
		d->cap = cap;
	}
	r = &d->rows[d->n++];
	r->due = due;
	r->overdue = due < d->day;
	r->kind = kind;
	r->hard = hard;
	r->place = ins_dup(place, &oom);
	r->task = ins_dup(task, &oom);
	r->name = ins_dup(name, &oom);
	r->department = ins_dup(department, &oom);
	r->last = ins_dup(last, &oom);
	return oom ? pm_err(PM_EX_SOFTWARE, "out of memory") : 0;
}

/*
 * Bind the day's end (?1), the department (?2) and, where the statement
 * has it, the day (?3).
 */
static void
bind_day(const struct due *d, sqlite3_stmt *st)
{
	pm_bind_text(st, 1, d->end);
	pm_bind_text(st, 2, d->department);
	if (sqlite3_bind_parameter_count(st) >= 3)
		pm_bind_text(st, 3, d->day_text);
}

/* The due day of a plan, or, with nothing to count from, the day. */
static int64_t
due_day(const struct due *d, const struct pm_interval *iv, const char *last,
    const char *next, const char *since)
{
	int64_t z = ins_next_due(iv, last, next, since);

	return z == INS_NO_DAY ? d->day : z;
}

/*
 * The time of the last check with round r's checklist at a place, made
 * by the end of the day (?1, ?3): the place's last check of all (l,
 * inspect_last) when it was made by then, else, for a day in the past,
 * the one found in the checks' index.
 */
#define LAST_CHECK(kind, place) \
	"CASE WHEN l.day <= ?3 AND l.at < ?1 THEN l.at" \
	" ELSE (SELECT i.at FROM inspections i WHERE l.at IS NOT NULL" \
	" AND i.place_kind = " kind " AND i.place = " place \
	" AND i.checklist = r.checklist AND i.day <= ?3 AND i.at < ?1" \
	" ORDER BY i.day DESC, i.at DESC LIMIT 1) END"

/*
 * Rounds: each fixed place, and each vacant unit of a round of vacant
 * units, by the last check with the round's checklist there.
 */
static int
rounds(struct due *d)
{
	static const char *const sql[2] = {
		"SELECT r.code, r.name, r.department, p.place,"
		" r.every_days, r.every_months, " LAST_CHECK("p.place_kind",
		"p.place") ", " INS_SINCE("'round_places'", "p.key")
		" FROM rounds r JOIN round_places p ON p.round = r.code"
		" AND p.retired = 0 LEFT JOIN inspect_last l"
		" ON l.place_kind = p.place_kind AND l.place = p.place"
		" AND l.checklist = r.checklist"
		" WHERE r.retired = 0 AND r.vacant = 0"
		" AND (?2 IS NULL OR r.department = ?2)",
		/* pm-unit's vacant units now; from the round's start. */
		"SELECT r.code, r.name, r.department, u.code,"
		" r.every_days, r.every_months, " LAST_CHECK("'unit'",
		"u.code") ", " INS_SINCE("'rounds'", "r.code")
		" FROM rounds r JOIN units u ON u.occupancy = 'vacant'"
		" AND u.kind = 'unit' AND u.retired = 0"
		" LEFT JOIN inspect_last l ON l.place_kind = 'unit'"
		" AND l.place = u.code AND l.checklist = r.checklist"
		" WHERE r.retired = 0 AND r.vacant = 1"
		" AND (?2 IS NULL OR r.department = ?2)"
	};
	struct pm_interval iv;
	sqlite3_stmt *st;
	const char *last;
	int64_t z;
	int i, rc = 0, src;

	for (i = 0; i < 2 && rc == 0; i++) {
		if ((st = pm_db_stmt(d->db, sql[i])) == NULL)
			return pm_err_code();
		bind_day(d, st);
		while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
			iv.days = sqlite3_column_int(st, 4);
			iv.months = sqlite3_column_int(st, 5);
			last = pm_col_text(st, 6);
			z = due_day(d, &iv, last, NULL, pm_col_text(st, 7));
			rc = add(d, i ? K_VACANT : K_ROUND, z, z,
			    pm_col_text(st, 3), pm_col_text(st, 0),
			    pm_col_text(st, 1), pm_col_text(st, 2), last, 0);
		}
		if (rc == 0 && src != SQLITE_DONE)
			rc = pm_db_error(d->db, "read rounds");
		sqlite3_reset(st);
	}
	return rc;
}

/*
 * The last maintenance record before the day's end (?1) is the one kept
 * in l (maint_last, certificate_last) when it is before then; only for
 * a day in the past is it r, the one found in the records' index.
 */
#define EARLIER_RECORD(facility, task) \
	"(SELECT r2.id FROM maint_records r2 WHERE l.at >= ?1" \
	" AND r2.facility = " facility " AND " task " AND r2.at < ?1" \
	" ORDER BY r2.at DESC, r2.id DESC LIMIT 1)"
#define LAST_OR(col) "CASE WHEN l.at < ?1 THEN l." col " ELSE r." col " END"

/*
 * Maintenance: each task by its last record, or the next due day that
 * record set; listed from its lead time before it.
 */
static int
maintenance(struct due *d)
{
	struct pm_interval iv, ahead;
	sqlite3_stmt *st;
	const char *last;
	int64_t z;
	int rc = 0, src;

	st = pm_db_stmt(d->db, "SELECT p.facility, p.task, p.name,"
	    " f.department, p.every_days, p.every_months, p.ahead_days,"
	    " p.ahead_months, p.hard, " LAST_OR("at") ", " LAST_OR("next_due")
	    ", "
	    INS_SINCE("'maint_plans'", "p.key")
	    " FROM maint_plans p JOIN facilities f ON f.code = p.facility"
	    " AND f.retired = 0 LEFT JOIN maint_last l"
	    " ON l.facility = p.facility AND l.task = p.task"
	    " LEFT JOIN maint_records r ON r.id = " EARLIER_RECORD("p.facility",
	    "r2.task = p.task")
	    " WHERE p.retired = 0 AND (?2 IS NULL OR f.department = ?2)");
	if (st == NULL)
		return pm_err_code();
	bind_day(d, st);
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		iv.days = sqlite3_column_int(st, 4);
		iv.months = sqlite3_column_int(st, 5);
		ahead.days = sqlite3_column_int(st, 6);
		ahead.months = sqlite3_column_int(st, 7);
		last = pm_col_text(st, 9);
		z = due_day(d, &iv, last, pm_col_text(st, 10),
		    pm_col_text(st, 11));
		rc = add(d, K_MAINTENANCE, z, pm_interval_add(z, &ahead, -1),
		    pm_col_text(st, 0), pm_col_text(st, 1), pm_col_text(st, 2),
		    pm_col_text(st, 3), last, sqlite3_column_int(st, 8));
	}
	if (rc == 0 && src != SQLITE_DONE)
		rc = pm_db_error(d->db, "read maintenance plans");
	sqlite3_reset(st);
	return rc;
}

/*
 * Certificates: due the day they expire, listed from a month before;
 * the last record that renewed one gives its new expiry.
 */
static int
certificates(struct due *d)
{
	static const struct pm_interval month = { 0, 1 };
	sqlite3_stmt *st;
	int64_t z;
	int rc = 0, src, y, m, dd;

	st = pm_db_stmt(d->db, "SELECT f.code, f.name, f.department, "
	    LAST_OR("at") ", coalesce(" LAST_OR("certificate") ","
	    " f.certificate) FROM facilities f LEFT JOIN certificate_last l"
	    " ON l.facility = f.code LEFT JOIN maint_records r ON r.id = "
	    EARLIER_RECORD("f.code", "r2.certificate IS NOT NULL")
	    " WHERE f.retired = 0 AND (?2 IS NULL OR f.department = ?2)"
	    " AND coalesce(" LAST_OR("certificate") ", f.certificate)"
	    " IS NOT NULL");
	if (st == NULL)
		return pm_err_code();
	bind_day(d, st);
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		if (sscanf(pm_col_text(st, 4), "%4d-%2d-%2d", &y, &m, &dd) != 3)
			continue;
		z = pm_day_from_civil(y, m, dd);
		rc = add(d, K_CERTIFICATE, z, pm_interval_add(z, &month, -1),
		    pm_col_text(st, 0), "certificate", pm_col_text(st, 1),
		    pm_col_text(st, 2), pm_col_text(st, 3), 1);
	}
	if (rc == 0 && src != SQLITE_DONE)
		rc = pm_db_error(d->db, "read certificates");
	sqlite3_reset(st);
	return rc;
}

/*
 * Work-plan entries.
 */

struct work {
	int year, months, weekdays;
	const char *often;
	int64_t since;		/* the day it was added, or INS_NO_DAY */
};

/* Whether local day 'z' is in the entry's months (and year). */
static int
in_months(const struct work *w, int64_t z)
{
	int y, m, dd;

	pm_day_civil(z, &y, &m, &dd);
	return (w->year == 0 || w->year == y) && (w->months & (1 << (m - 1)));
}

/* Whether an occurrence of the entry starts on day 'z'. */
static int
starts(const struct work *w, int64_t z)
{
	int y, m, dd;

	if (!in_months(w, z))
		return 0;
	switch (w->often[0]) {
	case 'd':
		/* daily, or days: on its weekdays */
		return strcmp(w->often, "daily") == 0 ||
		    (w->weekdays & (1 << pm_day_weekday(z)));
	case 'w':
		return pm_day_weekday(z) == 0 || !in_months(w, z - 1);
	case 'm':
		pm_day_civil(z, &y, &m, &dd);
		return dd == 1 || !in_months(w, z - 1);
	default:
		return !in_months(w, z - 1);
	}
}

/* The first start after day 'z' within a year, or INS_NO_DAY. */
static int64_t
next_start(const struct work *w, int64_t z)
{
	int64_t e;

	for (e = z + 1; e <= z + LOOK_BACK; e++)
		if (starts(w, e))
			return e;
	return INS_NO_DAY;
}

/* The last start on or before day 'z' within a year, or INS_NO_DAY. */
static int64_t
last_start(const struct work *w, int64_t z)
{
	int64_t s;

	for (s = z; s > z - LOOK_BACK; s--)
		if (starts(w, s))
			return s;
	return INS_NO_DAY;
}

/*
 * The day after the last day of the occurrence starting on 's': a day
 * or a weekday is that day alone; a week, a month or the run of months
 * lasts until the next starts or its months end.
 */
static int64_t
occurrence_end(const struct work *w, int64_t s)
{
	int64_t e;

	if (w->often[0] == 'd')
		return s + 1;
	for (e = s + 1; in_months(w, e) && !starts(w, e); e++)
		;
	return e;
}

/*
 * Whether entry 'code' has a record from the start of day 's' to the
 * start of day 'e' (a late record clears the occurrence started last
 * before it), made before the day asked about ended.
 */
static int
cleared(struct due *d, const char *code, int64_t s, int64_t e, int *yes)
{
	char from[PM_TIME_UTC_LEN], to[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(d->db, "SELECT 1 FROM work_records WHERE plan = ?1"
	    " AND at >= ?2 AND at < ?3 AND at < ?4 LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	pm_bind_text(st, 2, pm_time_utc(pm_day_at(s), from));
	pm_bind_text(st, 3, e == INS_NO_DAY ? d->end :
	    pm_time_utc(pm_day_at(e), to));
	pm_bind_text(st, 4, d->end);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(d->db, "read work records");
	sqlite3_reset(st);
	return rc;
}

/*
 * One entry: the occurrence under way and the one before it.  An
 * occurrence that ended before the entry was added does not count.  The
 * one before, missed, is overdue; else the one under way, not yet done,
 * is due on its last day.  Between its seasons, the last occurrence,
 * missed, stays overdue for a month after it ended: snow ready in March
 * is no longer what anyone can do.
 */
static int
work_one(struct due *d, const struct work *w, sqlite3_stmt *st)
{
	const char *code = pm_col_text(st, 0);
	int64_t cur, prev, end, pend;
	int rc, done;

	if ((cur = last_start(w, d->day)) == INS_NO_DAY)
		return 0;
	end = occurrence_end(w, cur);
	if ((w->since != INS_NO_DAY && end <= w->since) ||
	    (d->day >= end && pm_day_add_months(end - 1, 1) < d->day))
		return 0;
	if (d->day < end && (prev = last_start(w, cur - 1)) != INS_NO_DAY &&
	    (pend = occurrence_end(w, prev)) > w->since) {
		if ((rc = cleared(d, code, prev, cur, &done)) != 0)
			return rc;
		if (!done)
			return add(d, K_WORK, pend - 1, pend - 1, NULL, code,
			    pm_col_text(st, 1), pm_col_text(st, 2),
			    pm_col_text(st, 8), 0);
	}
	if ((rc = cleared(d, code, cur, next_start(w, cur), &done)) != 0 ||
	    done)
		return rc;
	return add(d, K_WORK, end - 1, cur, NULL, code, pm_col_text(st, 1),
	    pm_col_text(st, 2), pm_col_text(st, 8), 0);
}

static int
work(struct due *d)
{
	sqlite3_stmt *st;
	struct work w;
	int rc = 0, src;

	st = pm_db_stmt(d->db, "SELECT w.code, w.name, w.department, w.year,"
	    " w.months, w.often, w.weekdays, "
	    INS_SINCE("'work_plans'", "w.code") ", (SELECT max(r.at) FROM"
	    " work_records r WHERE r.plan = w.code AND r.at < ?1)"
	    " FROM work_plans w WHERE w.retired = 0"
	    " AND (?2 IS NULL OR w.department = ?2)");
	if (st == NULL)
		return pm_err_code();
	bind_day(d, st);
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		w.year = sqlite3_column_int(st, 3);
		w.months = sqlite3_column_int(st, 4);
		w.often = pm_col_text(st, 5);
		w.weekdays = sqlite3_column_int(st, 6);
		w.since = ins_day_of_utc(pm_col_text(st, 7));
		rc = work_one(d, &w, st);
	}
	if (rc == 0 && src != SQLITE_DONE)
		rc = pm_db_error(d->db, "read work plans");
	sqlite3_reset(st);
	return rc;
}

/* By due day, kind, place and task. */
static int
row_cmp(const void *a, const void *b)
{
	const struct due_row *x = a, *y = b;
	int c;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	if ((c = strcmp(x->place != NULL ? x->place : "",
	    y->place != NULL ? y->place : "")) != 0)
		return c;
	return strcmp(x->task, y->task);
}

static void
put_row(struct pm_out *o, const struct due *d, const struct due_row *r)
{
	char day[PM_DATE_LEN];
	pm_time t;

	pm_out_text(o, pm_day_fmt(r->due, day));
	pm_out_text(o, r->overdue ? "overdue" : "due");
	pm_out_text(o, pm_vocab_id(&pm_v_due_kind, (int)r->kind));
	pm_out_text(o, r->place);
	pm_out_text(o, r->task);
	pm_out_text(o, r->name);
	pm_out_text(o, r->department);
	if (r->last != NULL && pm_time_parse_utc(r->last, &t) == 0)
		pm_rec_out_time(o, t, PM_F_TIME);
	else
		pm_out_text(o, NULL);
	pm_out_int(o, d->day - r->due);
	pm_out_int(o, r->hard);
	pm_out_row(o);
}

static void
release(struct due *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		free(d->rows[i].place);
		free(d->rows[i].task);
		free(d->rows[i].name);
		free(d->rows[i].department);
		free(d->rows[i].last);
	}
	free(d->rows);
}

/* Everything due on 'day', sorted, into 'd'. */
static int
collect(struct pm_db *db, int64_t day, const char *department, struct due *d)
{
	int rc;

	memset(d, 0, sizeof *d);
	d->db = db;
	d->day = day;
	d->department = department;
	pm_day_fmt(day, d->day_text);
	pm_time_utc(pm_day_at(day + 1), d->end);
	if ((rc = rounds(d)) != 0 || (rc = maintenance(d)) != 0 ||
	    (rc = certificates(d)) != 0 || (rc = work(d)) != 0)
		return rc;
	if (d->n > 1)
		qsort(d->rows, (size_t)d->n, sizeof *d->rows, row_cmp);
	return 0;
}

int
pm_inspect_due(struct pm_db *db, int64_t day, const char *department,
    struct pm_out *o, int *count, int *overdue)
{
	struct due d;
	int i, rc;

	*count = *overdue = 0;
	if ((rc = collect(db, day, department, &d)) == 0)
		for (i = 0; i < d.n; i++) {
			put_row(o, &d, &d.rows[i]);
			*overdue += d.rows[i].overdue;
		}
	*count = d.n;
	release(&d);
	return rc;
}

int
pm_inspect_due_cmd(struct pm_cli *cli, int64_t day, const char *department)
{
	char dept[128];
	struct pm_db *db;
	struct pm_out *o;
	struct due d;
	int rc, rc2, i, overdue = 0;

	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if (department != NULL && (rc = pm_rec_find(db, &pm_department_type,
	    department, dept, sizeof dept)) != 0) {
		pm_db_close(db);
		return rc;
	}
	if ((rc = collect(db, day, department != NULL ? dept : NULL,
	    &d)) == 0 && d.n > 0 && !cli->quiet) {
		/* Nothing due prints nothing at all, for "mail -E". */
		o = pm_cli_out(cli, pm_inspect_due_cols, pm_inspect_due_ncols);
		for (i = 0; i < d.n; i++)
			put_row(o, &d, &d.rows[i]);
		rc = pm_out_close(o);
	}
	for (i = 0; rc == 0 && i < d.n; i++)
		overdue += d.rows[i].overdue;
	release(&d);
	pm_db_close(db);
	rc2 = rc == 0 && overdue > 0 ? PM_EX_FOUND : 0;
	return rc != 0 ? rc : rc2;
}
