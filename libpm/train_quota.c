/*
 * train_quota.c - what training adds up to: the weekly quota per
 * department, the month-end test scores, and the staff at work without a
 * passed pre-job training.
 *
 * Each reads the sessions of its period through their index on time;
 * attendance is looked up per session.  The departments and staff are
 * few; the counting is done in C.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "money.h"
#include "train.h"
#include "versions.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_WEEKS 530
#define CODE_MAX 64

/*
 * The weekly quota.
 */

struct tq_rule {
	char department[CODE_MAX], name[256], from[16];
	int min, max;
};

/* The weekly quotas in force as 'as_of' saw them (versions.h). */
static int
tq_rules(struct pm_db *db, pm_time as_of, struct tq_rule **out, int *nout)
{
	char a[PM_TIME_UTC_LEN];
	struct tq_rule *r = NULL, *nr;
	sqlite3_stmt *st;
	int rc, n = 0, cap = 0;

	*out = NULL;
	*nout = 0;
	st = pm_db_stmt(db, "SELECT q.department, d.name, q.from_day,"
	    " q.min_sessions, q.max_sessions FROM training_quota_versions q"
	    " JOIN departments d ON d.code = q.department WHERE "
	    PM_VERSION_ASOF("q", "training_quota_versions", "key", "?1")
	    " ORDER BY q.department, q.from_day");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(as_of, a));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nr = realloc(r, cap * sizeof *nr)) == NULL)
				break;
			r = nr;
		}
		snprintf(r[n].department, sizeof r[n].department, "%s",
		    pm_col_text(st, 0));
		snprintf(r[n].name, sizeof r[n].name, "%s", pm_col_text(st, 1));
		snprintf(r[n].from, sizeof r[n].from, "%s", pm_col_text(st, 2));
		r[n].min = sqlite3_column_int(st, 3);
		r[n].max = sqlite3_column_int(st, 4);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(r);
		return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE,
		    "out of memory") : pm_db_error(db, "read training quotas");
	}
	*out = r;
	*nout = n;
	return 0;
}

/* Sessions held by 'department' in [from, to) recorded by 'as_of'. */
static int
held(struct pm_db *db, const char *department, pm_time from, pm_time to,
    pm_time as_of, int64_t *n)
{
	char f[PM_TIME_UTC_LEN], t[PM_TIME_UTC_LEN], a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT count(*) FROM training_sessions s"
	    " WHERE s.at >= ?1 AND s.at < ?2 AND s.department = ?4"
	    " AND (s.kind = 'in-service' OR s.kind = 'drill'"
	    " OR s.kind = 'competition')"
	    " AND " PM_FACT_ASOF("s", "training_sessions", "?3"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, f));
	pm_bind_text(st, 2, pm_time_utc(to, t));
	pm_bind_text(st, 3, pm_time_utc(as_of, a));
	pm_bind_text(st, 4, department);
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : pm_db_error(db, "count sessions");
}

int
pm_train_quota(struct pm_db *db, pm_time from, pm_time to, pm_time as_of,
    int (*fn)(const struct pm_train_quota_row *, void *), void *arg,
    int *short_)
{
	struct pm_train_quota_row row, total;
	struct tq_rule *rules;
	const struct tq_rule *in;
	char day[PM_DATE_LEN];
	pm_time week, next, now = pm_now();
	int rc, nrules, i, j, weeks = 0;

	*short_ = 0;
	if ((rc = tq_rules(db, as_of, &rules, &nrules)) != 0)
		return rc;
	memset(&total, 0, sizeof total);
	week = pm_week_start(from);
	if (week < from) {
		next = pm_week_start(pm_day_end(week + 6 * 86400 + 43200));
		/* No Monday in the period: the week holding it. */
		if (next < to)
			week = next;
	}
	for (; rc == 0 && week < to && week <= now && weeks++ < MAX_WEEKS;
	    week = next) {
		next = pm_week_start(pm_day_end(week + 6 * 86400 + 43200));
		pm_date_local(week, day);
		for (i = 0; i < nrules && rc == 0; i = j) {
			/* This department's rules, by day: the last begun. */
			in = NULL;
			for (j = i; j < nrules && strcmp(rules[j].department,
			    rules[i].department) == 0; j++)
				if (strcmp(rules[j].from, day) <= 0)
					in = &rules[j];
			if (in == NULL || in->min == 0)
				continue;
			memset(&row, 0, sizeof row);
			row.department = in->department;
			row.name = in->name;
			row.week = week;
			row.min = in->min;
			row.max = in->max;
			if ((rc = held(db, in->department, week, next < now ?
			    next : now, as_of, &row.held)) != 0)
				break;
			row.credited = row.held < row.min ? row.held : row.min;
			if (row.credited < row.min)
				*short_ = 1;
			total.min += row.min;
			total.max += row.max;
			total.held += row.held;
			total.credited += row.credited;
			rc = fn(&row, arg);
		}
	}
	free(rules);
	if (rc == 0)
		rc = fn(&total, arg);
	return rc;
}

const struct pm_col pm_train_quota_cols[] = {
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("week"), PM_COL_TEXT, NULL },
	{ N_("min"), PM_COL_INT, NULL },
	{ N_("max"), PM_COL_INT, NULL },
	{ N_("held"), PM_COL_INT, NULL },
	{ N_("credited"), PM_COL_INT, NULL },
	{ N_("short"), PM_COL_INT, NULL },
	{ N_("over"), PM_COL_INT, NULL },
	{ N_("rate"), PM_COL_NUM, NULL },
};
const int pm_train_quota_ncols = NCOLS(pm_train_quota_cols);

void
pm_train_quota_put(struct pm_out *o, const struct pm_train_quota_row *r)
{
	struct pm_rate rate = { r->credited, r->min, 10000 };
	char d[PM_DATE_LEN];

	pm_out_text(o, r->department != NULL ? r->department : "all");
	pm_out_text(o, r->name);
	pm_out_text(o, r->week != 0 ? pm_date_local(r->week, d) : NULL);
	pm_out_int(o, r->min);
	pm_out_int(o, r->max);
	pm_out_int(o, r->held);
	pm_out_int(o, r->credited);
	pm_out_int(o, r->min - r->credited);
	pm_out_int(o, r->held > r->max ? r->held - r->max : 0);
	pm_out_percent(o, &rate);
	pm_out_row(o);
}

/*
 * Test scores.
 */

struct test {
	int64_t record;
	char department[CODE_MAX];
	pm_time at;
};

/* The tests of [from, to) recorded by 'as_of', by department and time. */
static int
tests_of(struct pm_db *db, pm_time from, pm_time to, pm_time as_of,
    struct test **out, int *nout)
{
	char f[PM_TIME_UTC_LEN], t[PM_TIME_UTC_LEN], a[PM_TIME_UTC_LEN];
	struct test *v = NULL, *nv;
	sqlite3_stmt *st;
	int rc, n = 0, cap = 0;

	st = pm_db_stmt(db, "SELECT s.record, s.department, s.at"
	    " FROM training_sessions s WHERE s.at >= ?1 AND s.at < ?2"
	    " AND s.kind = 'test'"
	    " AND " PM_FACT_ASOF("s", "training_sessions", "?3")
	    " ORDER BY s.department, s.at, s.record");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, f));
	pm_bind_text(st, 2, pm_time_utc(to, t));
	pm_bind_text(st, 3, pm_time_utc(as_of, a));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = realloc(v, cap * sizeof *nv)) == NULL)
				break;
			v = nv;
		}
		v[n].record = sqlite3_column_int64(st, 0);
		snprintf(v[n].department, sizeof v[n].department, "%s",
		    pm_col_text(st, 1));
		if (pm_time_parse_utc(pm_col_text(st, 2), &v[n].at) != 0)
			v[n].at = 0;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE,
		    "out of memory") : pm_db_error(db, "read tests");
	}
	*out = v;
	*nout = n;
	return 0;
}

/* 'login''s attendance at test 'record', as of 'as_of': 1 sat. */
static int
sat(struct pm_db *db, int64_t record, const char *login, pm_time as_of,
    int64_t *score, int *passed, int *found)
{
	char a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	*score = -1;
	*passed = -1;
	st = pm_db_stmt(db, "SELECT a.score, a.passed FROM training_attendance a"
	    " WHERE a.session = ?1 AND a.staff = ?2"
	    " AND " PM_FACT_ASOF("a", "training_attendance", "?3"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, record);
	pm_bind_text(st, 2, login);
	pm_bind_text(st, 3, pm_time_utc(as_of, a));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = 1;
		if (pm_col_text(st, 0) != NULL)
			*score = sqlite3_column_int64(st, 0);
		if (pm_col_text(st, 1) != NULL)
			*passed = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read attendance");
}

int
pm_train_scores(struct pm_db *db, pm_time from, pm_time to, pm_time as_of,
    int (*fn)(const struct pm_train_score_row *, void *), void *arg)
{
	struct pm_train_score_row row;
	struct pm_roster *ros;
	struct test *tests = NULL;
	const char *dept;
	int64_t score;
	int rc, ntests, s, k, passed, found, on;

	if ((rc = pm_roster_load(db, &ros)) != 0)
		return rc;
	if ((rc = tests_of(db, from, to, as_of, &tests, &ntests)) != 0)
		goto out;
	for (s = 0; s < pm_roster_count(ros) && rc == 0; s++) {
		memset(&row, 0, sizeof row);
		row.score = -1;
		row.passed = -1;
		for (k = 0; k < ntests && rc == 0; k++) {
			on = pm_roster_at(ros, s, tests[k].at, &dept, NULL);
			if (!on || strcmp(dept, tests[k].department) != 0)
				continue;
			if ((rc = sat(db, tests[k].record,
			    pm_roster_login(ros, s), as_of, &score, &passed,
			    &found)) != 0)
				break;
			row.held++;
			row.sat += found;
			/* The tests are by time: the last one decides. */
			row.department = tests[k].department;
			row.last_test = tests[k].at;
			row.score = found ? score : -1;
			row.passed = found ? passed : -1;
		}
		if (rc != 0 || row.held == 0)
			continue;
		row.login = pm_roster_login(ros, s);
		row.name = pm_roster_name(ros, s);
		rc = fn(&row, arg);
	}
out:
	free(tests);
	pm_roster_free(ros);
	return rc;
}

const struct pm_col pm_train_score_cols[] = {
	{ N_("staff"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("last_test"), PM_COL_TEXT, NULL },
	{ N_("held"), PM_COL_INT, NULL },
	{ N_("sat"), PM_COL_INT, NULL },
	{ N_("score"), PM_COL_NUM, NULL },
	{ N_("passed"), PM_COL_INT, NULL },
};
const int pm_train_score_ncols = NCOLS(pm_train_score_cols);

void
pm_train_score_put(struct pm_out *o, const struct pm_train_score_row *r)
{
	char buf[32];

	pm_out_text(o, r->login);
	pm_out_text(o, r->name);
	pm_out_text(o, r->department);
	pm_rec_out_time(o, r->last_test, PM_F_TIME);
	pm_out_int(o, r->held);
	pm_out_int(o, r->sat);
	pm_out_text(o, r->score >= 0 ? pm_hundredths_fmt(r->score, buf) : NULL);
	if (r->passed < 0)
		pm_out_text(o, NULL);
	else
		pm_out_int(o, r->passed);
	pm_out_row(o);
}

/*
 * Who works untrained.
 */

/*
 * Whether 'sql' (binding ?1 login, ?2 from, ?3 to, ?4 a day and a half
 * before from) finds a row.
 */
static int
exists(struct pm_db *db, const char *sql, const char *login, const char *f,
    const char *t, int *yes)
{
	char early[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	pm_time from;
	int rc;

	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	if (pm_time_parse_utc(f, &from) != 0)
		from = 0;
	pm_bind_text(st, 1, login);
	pm_bind_text(st, 2, f);
	pm_bind_text(st, 3, t);
	pm_bind_text(st, 4, pm_time_utc(from - 36 * 3600, early));
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read records");
}

/* What 'login' did at work in [f, t): "shift", "visit", "ticket", NULL. */
static int
at_work(struct pm_db *db, const char *login, const char *f, const char *t,
    const char **what)
{
	static const char *const sql[3] = {
	    /* Shifts are at most a day and a half long (duty.c). */
	    "SELECT 1 FROM duty_shifts s WHERE s.staff = ?1 AND s.starts < ?3"
	    " AND s.ends > ?2 AND s.starts > ?4"
	    " AND " PM_FACT_NOW("s", "duty_shifts"),
	    "SELECT 1 FROM visits v WHERE v.staff = ?1 AND v.at >= ?2"
	    " AND v.at < ?3 AND ?4 IS NOT NULL AND " PM_FACT_NOW("v", "visits"),
	    ("SELECT 1 FROM ticket_events e WHERE e.at >= ?2 AND e.at < ?3"
	    " AND e.who = ?1 AND ?4 IS NOT NULL")
	};
	static const char *const name[3] = { "shift", "visit", "ticket" };
	int i, rc, yes;

	*what = NULL;
	for (i = 0; i < 3; i++) {
		if ((rc = exists(db, sql[i], login, f, t, &yes)) != 0)
			return rc;
		if (yes) {
			*what = name[i];
			return 0;
		}
	}
	return 0;
}

/*
 * Each staff member's best pre-job result before 't', by roster index:
 * 1 passed, 0 failed, -1 attended with no result, -2 none.  One read of
 * the pre-job sessions (one or two per hire, by their index, 0013) and
 * their attendance, not of each staff member's whole attendance, which
 * grows with every week's training.
 */
static int
pre_jobs(struct pm_db *db, const struct pm_roster *ros, const char *t,
    int *best)
{
	sqlite3_stmt *st;
	int rc, i, p;

	for (i = 0; i < pm_roster_count(ros); i++)
		best[i] = -2;
	st = pm_db_stmt(db, "SELECT a.staff, a.passed"
	    " FROM training_sessions_now s JOIN training_attendance a"
	    " ON a.session = s.record WHERE s.kind = 'pre-job' AND s.at < ?1"
	    " AND " PM_FACT_NOW("a", "training_attendance"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, t);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((i = pm_roster_find(ros, pm_col_text(st, 0))) < 0)
			continue;
		p = pm_col_text(st, 1) == NULL ? -1 : sqlite3_column_int(st, 1);
		if (p > best[i])
			best[i] = p;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pm_db_error(db, "read attendance");
}

/* "none", "failed", "unknown" or NULL (passed): pm_v_pre_job's words. */
static const char *
pre_job_state(int best)
{
	return best == 1 ? NULL : best == 0 ? "failed" : best == -1 ?
	    "unknown" : "none";
}

int
pm_train_unqualified(struct pm_db *db, pm_time from, pm_time to, int all,
    int (*fn)(const struct pm_train_unqualified_row *, void *), void *arg)
{
	struct pm_train_unqualified_row row;
	struct pm_roster *ros;
	char f[PM_TIME_UTC_LEN], t[PM_TIME_UTC_LEN];
	pm_time now = pm_now(), end = to < now ? to : now;
	int *best, rc, s;

	if ((rc = pm_roster_load(db, &ros)) != 0)
		return rc;
	if ((best = calloc((size_t)pm_roster_count(ros) + 1,
	    sizeof *best)) == NULL) {
		pm_roster_free(ros);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	pm_time_utc(from, f);
	pm_time_utc(to, t);
	rc = pre_jobs(db, ros, t, best);
	for (s = 0; s < pm_roster_count(ros) && rc == 0; s++) {
		memset(&row, 0, sizeof row);
		if (!pm_roster_at(ros, s, end, &row.department, NULL))
			continue;
		row.login = pm_roster_login(ros, s);
		if ((row.pre_job = pre_job_state(best[s])) == NULL)
			continue;
		if ((rc = at_work(db, row.login, f, t, &row.at_work)) != 0)
			break;
		if (row.at_work == NULL && !all)
			continue;
		row.name = pm_roster_name(ros, s);
		row.since = pm_roster_since(ros, s);
		rc = fn(&row, arg);
	}
	free(best);
	pm_roster_free(ros);
	return rc;
}

const struct pm_col pm_train_unqualified_cols[] = {
	{ N_("staff"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("since"), PM_COL_TEXT, NULL },
	{ N_("pre_job"), PM_COL_TEXT, &pm_v_pre_job },
	{ N_("at_work"), PM_COL_TEXT, &pm_v_at_work },
};
const int pm_train_unqualified_ncols = NCOLS(pm_train_unqualified_cols);
