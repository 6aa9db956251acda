/*
 * kpi_inspect.c - the figures of facilities and housing (DESIGN.md
 * section 6): the facility intact rate (设施设备完好率) and the housing
 * intact rate (房屋完好率) at the period's end, and the counts behind
 * them: inspections made and failed, maintenance records made, and
 * maintenance tasks overdue at the period's end (pm-report(1)).
 *
 * Read from pm-inspect's dated facts (schema 0007): the register of
 * facilities (when each entered or left it), each facility's states,
 * each unit's grades with the floor area it was graded with, the
 * inspections and maintenance records.  A fact counts as of the cut
 * when it took effect before it and was recorded before it: a state or
 * a grade can be dated back, and one recorded after a period has ended
 * must not change that period's figure.  That is the one difference
 * from pm_intact_rates() (inspect.h), which reads the facts in effect
 * at a moment whenever they were recorded, and why the rates are read
 * here, one row per facility or unit, so that a figure and the records
 * that explain it come from the same pass.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "kpi.h"
#include "text.h"

enum { F_FACILITY, F_HOUSING, F_N };

static const char *const inspect_kpis[F_N + 1] = {
	"facility_intact", "housing_intact", NULL
};

/*
 * Each facility in the register at the cut (its last entry before it an
 * addition or a return), or retired in the period, with its last state
 * before the cut (NULL: none yet, which is good), in the order of the
 * codes.  ?1 the period's start, ?2 the cut.
 */
static const char facility_sql[] =
    "SELECT f.code, s.state, s.at, rg.event FROM facilities f"
    " JOIN inspect_register rg ON rg.rowid = (SELECT r2.rowid"
    "  FROM inspect_register r2 WHERE r2.tbl = 'facilities'"
    "  AND r2.key = f.code AND r2.at < ?2"
    "  ORDER BY r2.at DESC, r2.rowid DESC LIMIT 1)"
    " LEFT JOIN facility_states s ON s.id = (SELECT s2.id"
    "  FROM facility_states s2 WHERE s2.facility = f.code"
    "  AND s2.at < ?2 AND s2.recorded_at < ?2"
    "  ORDER BY s2.at DESC, s2.id DESC LIMIT 1)"
    " WHERE rg.event <> 'retire' OR rg.at >= ?1"
    " ORDER BY f.code" PM_SQL_BYTES;

/* Each unit graded before the cut, by its last grade then. */
static const char housing_sql[] =
    "SELECT g.unit, g.grade, g.area, g.at"
    " FROM (SELECT DISTINCT unit FROM housing_grades) x"
    " JOIN housing_grades g ON g.id = (SELECT g2.id FROM housing_grades g2"
    "  WHERE g2.unit = x.unit AND g2.at < ?2 AND g2.recorded_at < ?2"
    "  ORDER BY g2.at DESC, g2.id DESC LIMIT 1)"
    " ORDER BY g.unit" PM_SQL_BYTES;

/*
 * Give 'fn' each record of figure 'fig' of 'p', with what it adds to
 * the numerator and the denominator; the sums are the figure.
 */
static int
each_record(struct pm_db *db, const struct pm_period *p, int fig,
    pm_kpi_rec_fn fn, void *arg)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	const char *state, *event;
	struct pm_kpi_rec r;
	sqlite3_stmt *st;
	int64_t area;
	int rc = 0, sr;

	st = pm_db_stmt(db, fig == F_FACILITY ? facility_sql : housing_sql);
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.record = pm_col_text(st, 0);
		state = pm_col_text(st, 1);
		r.at = pm_kpi_col_time(st, fig == F_FACILITY ? 2 : 3);
		if (fig == F_FACILITY) {
			event = pm_col_text(st, 3);
			if (strcmp(event, "retire") == 0) {
				r.reason = "retired";
				r.at = 0;
			} else {
				r.reason = state != NULL ? state : "good";
				r.den = 1;
				r.num = strcmp(r.reason, "good") == 0;
			}
		} else {
			area = sqlite3_column_int64(st, 2);
			r.den = area;
			if (strcmp(state, "good") == 0)
				r.num = area;
			else if (strcmp(state, "basic") == 0) {
				r.num = area;
				state = "basic_good";
			}
			r.reason = state;
		}
		if ((rc = fn(&r, arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_ROW && sr != SQLITE_DONE)
		rc = pm_db_error(db, fig == F_FACILITY ?
		    "read facility states" : "read housing grades");
	sqlite3_reset(st);
	return rc;
}

struct sum {
	int64_t num, den;
};

static int
add_rec(const struct pm_kpi_rec *r, void *arg)
{
	struct sum *s = arg;

	s->num += r->num;
	s->den += r->den;
	return 0;
}

static int
inspect_count(struct pm_db *db, const struct pm_period *p, pm_kpi_fig_fn fig,
    void *arg)
{
	struct pm_kpi_fig f;
	struct sum s;
	int i, rc;

	for (i = 0; i < F_N; i++) {
		memset(&s, 0, sizeof s);
		if ((rc = each_record(db, p, i, add_rec, &s)) != 0)
			return rc;
		memset(&f, 0, sizeof f);
		f.kpi = inspect_kpis[i];
		f.unit = i == F_FACILITY ? PM_KPI_COUNT : PM_KPI_AREA;
		f.num = s.num;
		f.den = s.den;
		f.target = PM_KPI_ESTATE;
		if ((rc = fig(&f, arg)) != 0)
			return rc;
	}
	return 0;
}

static int
inspect_explain(struct pm_db *db, const struct pm_period *p, const char *kpi,
    pm_kpi_rec_fn fn, void *arg)
{
	int i;

	for (i = 0; i < F_N; i++)
		if (strcmp(inspect_kpis[i], kpi) == 0)
			return each_record(db, p, i, fn, arg);
	return pm_err(PM_EX_SOFTWARE, "inspections: no figure %s", pm_q(kpi));
}

/*
 * The counts.
 */

/* One count(*) of 'sql' with ?1 the period's start and ?2 the cut. */
static int
count_of(struct pm_db *db, const struct pm_period *p, const char *sql,
    int64_t *n)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW ? 0 :
	    pm_db_error(db, "count inspections or maintenance");
	sqlite3_reset(st);
	return rc;
}

/*
 * The maintenance tasks overdue at the period's end: each task of a
 * plan in the register at the cut, of a facility in it, falls due on
 * the next due day its last record before the cut set, else one
 * interval after that record's day, else one interval after the plan
 * entered the register; it is overdue when that day ended before the
 * cut.  The interval is the plan's as the estate file gives it now:
 * pm-inspect keeps no history of a plan's interval (pm-report(1)).
 * Each is given to 'fn' (its facility, task, name, due day and last
 * record, 0 when none), in the order of the facilities and tasks.
 */
struct overdue {
	const char *facility, *task, *name;
	pm_time due, last;
};

static int
each_overdue(struct pm_db *db, const struct pm_period *p,
    int (*fn)(const struct overdue *o, void *arg), void *arg)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	struct pm_interval iv;
	struct overdue o;
	sqlite3_stmt *st;
	const char *next, *since;
	int64_t z;
	pm_time t;
	int rc = 0, sr;

	st = pm_db_stmt(db, "SELECT mp.every_days, mp.every_months,"
	    " (SELECT r.next_due FROM maint_records r WHERE r.id = x.rec),"
	    " (SELECT r.at FROM maint_records r WHERE r.id = x.rec), x.since,"
	    " mp.facility, mp.task, mp.name"
	    " FROM (SELECT p.key AS key, (SELECT r2.id FROM maint_records r2"
	    "   WHERE r2.facility = p.facility AND r2.task = p.task"
	    "   AND r2.at < ?2 AND r2.recorded_at < ?2"
	    "   ORDER BY r2.at DESC, r2.id DESC LIMIT 1) AS rec,"
	    "  (SELECT max(rg.at) FROM inspect_register rg"
	    "   WHERE rg.tbl = 'maint_plans' AND rg.key = p.key"
	    "   AND rg.event <> 'retire' AND rg.at < ?2) AS since"
	    "  FROM maint_plans p"
	    "  WHERE (SELECT rg.event FROM inspect_register rg"
	    "   WHERE rg.tbl = 'maint_plans' AND rg.key = p.key AND rg.at < ?2"
	    "   ORDER BY rg.at DESC, rg.rowid DESC LIMIT 1) <> 'retire'"
	    "  AND (SELECT rg.event FROM inspect_register rg"
	    "   WHERE rg.tbl = 'facilities' AND rg.key = p.facility"
	    "   AND rg.at < ?2 ORDER BY rg.at DESC, rg.rowid DESC LIMIT 1)"
	    "   <> 'retire') x JOIN maint_plans mp ON mp.key = x.key"
	    " ORDER BY mp.facility, mp.task" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	/* As every report statement: ?1 the period's start, ?2 its cut. */
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		iv.days = sqlite3_column_int(st, 0);
		iv.months = sqlite3_column_int(st, 1);
		next = pm_col_text(st, 2);
		o.last = pm_kpi_col_time(st, 3);
		since = pm_col_text(st, 4);
		if (next != NULL && pm_day_scan(next, &z) == 0)
			;
		else if (o.last != 0)
			z = pm_interval_add(pm_day_of(o.last), &iv, 1);
		else if (since != NULL && pm_time_parse_utc(since, &t) == 0)
			z = pm_interval_add(pm_day_of(t), &iv, 1);
		else
			continue;
		if (pm_day_at(z + 1) > p->cut)
			continue;
		o.facility = pm_col_text(st, 5);
		o.task = pm_col_text(st, 6);
		o.name = pm_col_text(st, 7);
		/* Due by the end of its day. */
		o.due = pm_day_at(z + 1);
		if ((rc = fn(&o, arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read maintenance plans");
	sqlite3_reset(st);
	return rc;
}

static int
count_overdue(const struct overdue *o, void *arg)
{
	(*(int64_t *)arg)++;
	return 0;
}

static int
inspect_tallies(struct pm_db *db, const struct pm_period *p,
    pm_kpi_tally_fn fn, void *arg)
{
	static const struct {
		const char *label, *sql;
	} q[] = {
		{ N_("inspections made"),
		  "SELECT count(*) FROM inspections WHERE at >= ?1"
		  " AND at < ?2 AND recorded_at < ?2" },
		{ N_("inspections failed"),
		  "SELECT count(*) FROM inspections WHERE at >= ?1"
		  " AND at < ?2 AND recorded_at < ?2 AND result = 'fail'" },
		{ N_("maintenance records"),
		  "SELECT count(*) FROM maint_records WHERE at >= ?1"
		  " AND at < ?2 AND recorded_at < ?2" },
	};
	struct pm_kpi_tally t;
	size_t i;
	int rc;

	for (i = 0; i < sizeof q / sizeof q[0]; i++) {
		memset(&t, 0, sizeof t);
		t.label = q[i].label;
		t.unit = PM_KPI_COUNT;
		if ((rc = count_of(db, p, q[i].sql, &t.n)) != 0 ||
		    (rc = fn(&t, arg)) != 0)
			return rc;
	}
	memset(&t, 0, sizeof t);
	t.label = N_("maintenance overdue at the end");
	t.unit = PM_KPI_COUNT;
	if ((rc = each_overdue(db, p, count_overdue, &t.n)) != 0)
		return rc;
	return fn(&t, arg);
}

static const char *const inspect_lists[] = {
	N_("Maintenance overdue at the end of the period"), NULL
};

struct items {
	pm_kpi_item_fn fn;
	void *arg;
};

static int
overdue_item(const struct overdue *o, void *arg)
{
	struct items *x = arg;
	struct pm_kpi_item it;
	char rec[160];

	/* The task as pm-inspect maint record names it. */
	snprintf(rec, sizeof rec, "%s %s", o->facility, o->task);
	memset(&it, 0, sizeof it);
	it.list = inspect_lists[0];
	it.record = rec;
	it.what = o->name;
	it.done = it.owed = -1;
	it.due = o->due;
	it.last = o->last;
	return x->fn(&it, x->arg);
}

static int
inspect_items(struct pm_db *db, const struct pm_period *p,
    pm_kpi_item_fn fn, void *arg)
{
	struct items x = { fn, arg };

	return each_overdue(db, p, overdue_item, &x);
}

const struct pm_kpi_source pm_kpi_inspect = {
	.name = "inspections",
	.kpis = inspect_kpis,
	.count = inspect_count,
	.explain = inspect_explain,
	.tallies = inspect_tallies,
	.lists = inspect_lists,
	.items = inspect_items
};
