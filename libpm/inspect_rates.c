/*
 * inspect_rates.c - the housing grades of the damage standard (房屋完损
 * 等级: 完好, 基本完好, 一般损坏, 严重损坏, 危险), the work-plan entries
 * carried out, and the two intact rates as of a moment.
 *
 * A unit's grade and a facility's state are dated facts, each kept with
 * what it depends on (a unit's floor area as graded); a rate as of a
 * moment reads the last fact before it, so a past day's rate is the same
 * whenever it is asked, whatever was graded or repaired since.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "kpi.h"
#include "money.h"
#include "text.h"
#include "unit.h"
#include "vocab.h"

#define TEXT_MAX 2000

/*
 * Work-plan entries.
 */

int
pm_work_done(struct pm_db *db, const char *input, pm_time at,
    const char *note, char *code, size_t len)
{
	char a[PM_TIME_UTC_LEN], now[PM_TIME_UTC_LEN], idb[24];
	sqlite3_stmt *st;
	int rc, found;

	if ((rc = ins_when(&at)) != 0 || (note != NULL &&
	    (rc = pm_text_check(N_("note"), note, TEXT_MAX,
	    PM_TEXT_LINES)) != 0) ||
	    (rc = pm_rec_find(db, &pm_work_type, input, code, len)) != 0 ||
	    (rc = pm_db_exists(db, "SELECT 1 FROM work_plans WHERE code = ?1"
	    " AND retired = 1", code, "find work plan", &found)) != 0)
		return rc;
	if (found)
		return pm_err(PM_EX_DATAERR, "work-plan entry %s: retired (it "
		    "has left the estate file)", pm_q(code));
	st = pm_db_stmt(db, "INSERT INTO work_records(plan, at, who,"
	    " recorded_at, note) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	pm_bind_text(st, 2, pm_time_utc(at, a));
	pm_bind_text(st, 3, db->user);
	pm_bind_text(st, 4, pm_time_utc(pm_now(), now));
	pm_bind_text(st, 5, note);
	if ((rc = pm_db_step_done(db, st, "insert work record")) != 0)
		return rc;
	snprintf(idb, sizeof idb, "%lld", (long long)pm_db_last_id(db));
	return pm_audit(db, "work_records", idb, "recorded: %s done at %s",
	    code, a);
}

/*
 * Housing grades.
 */

struct grading {
	struct pm_db *db;
	const char *grade, *reason, *building;
	pm_time at;
	char a[PM_TIME_UTC_LEN], now[PM_TIME_UTC_LEN];
	int changed;
};

/* Grade one unit of area 'area', unless it is graded so already. */
static int
grade_unit(struct grading *g, const char *unit, int64_t area)
{
	char old[32], last[PM_TIME_UTC_LEN], buf[PM_TIME_LOCAL_LEN];
	sqlite3_stmt *st;
	pm_time t;
	int rc;

	st = pm_db_stmt(g->db, "SELECT grade, at FROM housing_grades"
	    " WHERE unit = ?1 ORDER BY at DESC, id DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	old[0] = last[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(old, sizeof old, "%s", pm_col_text(st, 0));
		snprintf(last, sizeof last, "%s", pm_col_text(st, 1));
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(g->db, "read grade");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	if (last[0] != '\0' && strcmp(g->a, last) < 0 &&
	    pm_time_parse_utc(last, &t) == 0)
		return pm_err(PM_EX_DATAERR, "unit %s: graded at %s, after "
		    "this; a grade cannot be dated before it", pm_q(unit),
		    pm_time_local(t, buf));
	if (strcmp(old, g->grade) == 0)
		return 0;
	st = pm_db_stmt(g->db, "INSERT INTO housing_grades(unit, grade, area,"
	    " building, at, recorded_at, who, reason) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, g->grade);
	pm_bind_int(st, 3, area);
	pm_bind_text(st, 4, g->building);
	pm_bind_text(st, 5, g->a);
	pm_bind_text(st, 6, g->now);
	pm_bind_text(st, 7, g->db->user);
	pm_bind_text(st, 8, g->reason);
	if ((rc = pm_db_step_done(g->db, st, "insert grade")) != 0)
		return rc;
	g->changed++;
	return pm_audit(g->db, "units", unit, "grade %s -> %s at %s%s%s",
	    old[0] != '\0' ? old : "none", g->grade, g->a,
	    g->reason != NULL ? ": " : "", g->reason != NULL ? g->reason : "");
}

/* Grade each unit of building 'code'. */
static int
grade_building(struct grading *g, const char *code)
{
	char unit[128];
	sqlite3_stmt *st;
	int64_t area;
	int rc = 0, src, n = 0;

	st = pm_db_stmt(g->db, "SELECT count(*) FROM units WHERE building = ?1"
	    " AND kind = 'unit' AND retired = 0");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (n == 0)
		return pm_err(PM_EX_DATAERR, "building %s: no units to grade",
		    pm_q(code));
	st = pm_db_stmt(g->db, "SELECT code, area FROM units WHERE building = ?1"
	    " AND kind = 'unit' AND retired = 0 ORDER BY code");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	g->building = code;
	/*
	 * The units table is not written while this reads it: grades go to
	 * housing_grades, the audit rows to audit.
	 */
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(unit, sizeof unit, "%s", pm_col_text(st, 0));
		area = sqlite3_column_int64(st, 1);
		rc = grade_unit(g, unit, area);
	}
	if (rc == 0 && src != SQLITE_DONE)
		rc = pm_db_error(g->db, "read units");
	sqlite3_reset(st);
	return rc;
}

int
pm_grade_set(struct pm_db *db, const char *input, const char *grade,
    pm_time at, const char *reason, char *code, size_t len)
{
	char norm[128], kind[32], retired[32];
	struct grading g;
	sqlite3_stmt *st;
	int rc, building = 0;

	memset(&g, 0, sizeof g);
	g.db = db;
	g.reason = reason;
	if ((rc = pm_vocab_check(&pm_v_grade, grade, 0, &g.grade)) != 0 ||
	    (reason != NULL && (rc = pm_text_check(N_("reason"), reason,
	    TEXT_MAX, PM_TEXT_LINES)) != 0) || (rc = ins_when(&at)) != 0)
		return rc;
	g.at = at;
	pm_time_utc(at, g.a);
	pm_time_utc(pm_now(), g.now);
	/* A building's code first ("3"), else a unit's ("3-1-502"). */
	pm_code_normalize(input, norm, sizeof norm);
	if ((st = pm_db_stmt(db, "SELECT code FROM buildings WHERE code = ?1"
	    PM_SQL_NOCASE " AND retired = 0")) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, norm);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(code, len, "%s", pm_col_text(st, 0));
		building = 1;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "find building");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	if (building)
		rc = grade_building(&g, code);
	else {
		if ((rc = pm_rec_find(db, &pm_unit_type, input, code,
		    len)) != 0)
			return rc;
		if ((st = pm_db_stmt(db, "SELECT kind, retired, area FROM units"
		    " WHERE code = ?1")) == NULL)
			return pm_err_code();
		pm_bind_text(st, 1, code);
		if (sqlite3_step(st) != SQLITE_ROW) {
			rc = pm_db_error(db, "read unit");
			sqlite3_reset(st);
			return rc;
		}
		snprintf(kind, sizeof kind, "%s", pm_col_text(st, 0));
		snprintf(retired, sizeof retired, "%s", pm_col_text(st, 1));
		{
			int64_t area = sqlite3_column_int64(st, 2);

			sqlite3_reset(st);
			if (strcmp(kind, "unit") != 0)
				return pm_err(PM_EX_DATAERR, "unit %s: a public "
				    "area or common part has no housing grade "
				    "(grade units and buildings)", pm_q(code));
			if (strcmp(retired, "1") == 0)
				return pm_err(PM_EX_DATAERR, "unit %s: retired "
				    "unit", pm_q(code));
			rc = grade_unit(&g, code, area);
		}
	}
	if (rc != 0)
		return rc;
	if (g.changed == 0) {
		if (building)
			pm_err(PM_UNCHANGED, "building %s: graded %s already",
			    pm_q(code), pm_vocab_label(&pm_v_grade, g.grade));
		else
			pm_err(PM_UNCHANGED, "unit %s: graded %s already",
			    pm_q(code), pm_vocab_label(&pm_v_grade, g.grade));
		return PM_UNCHANGED;
	}
	return 0;
}

/*
 * The rates.
 */

int
pm_intact_rates(struct pm_db *db, pm_time at, struct pm_intact_rates *r)
{
	char a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc, i;

	memset(r, 0, sizeof *r);
	pm_time_utc(at, a);
	/* Each unit graded before 'at', by its last grade then. */
	st = pm_db_stmt(db, "SELECT g.grade, sum(g.area), count(*) FROM"
	    " (SELECT DISTINCT unit FROM housing_grades) x"
	    " JOIN housing_grades g ON g.id = (SELECT g2.id FROM"
	    " housing_grades g2 WHERE g2.unit = x.unit AND g2.at < ?1"
	    " ORDER BY g2.at DESC, g2.id DESC LIMIT 1) GROUP BY g.grade");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, a);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((i = pm_vocab_index(&pm_v_grade, pm_col_text(st, 0))) < 0)
			continue;
		r->area[i] = sqlite3_column_int64(st, 1);
		r->units += sqlite3_column_int64(st, 2);
		r->housing_total += r->area[i];
		if (i <= 1)
			r->housing_good += r->area[i];
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read grades");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	/*
	 * Each facility in the register at 'at' (its last entry before it
	 * an addition or a return), by its last state then, good if none.
	 */
	st = pm_db_stmt(db, "SELECT " INS_FACILITY_STATE_AT("f.code", "?1")
	    ", count(*) FROM facilities f WHERE (SELECT rg.event FROM"
	    " inspect_register rg WHERE rg.tbl = 'facilities'"
	    " AND rg.key = f.code AND rg.at < ?1 ORDER BY rg.at DESC,"
	    " rg.rowid DESC LIMIT 1) <> 'retire' GROUP BY 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, a);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((i = pm_vocab_index(&pm_v_facility_state,
		    pm_col_text(st, 0))) < 0)
			continue;
		r->count[i] = sqlite3_column_int64(st, 1);
		r->facility_total += r->count[i];
		if (i == 0)
			r->facility_good += r->count[i];
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read facility states");
	sqlite3_reset(st);
	return rc;
}

const struct pm_col pm_intact_cols[] = {
	{ N_("rate"), PM_COL_TEXT, &pm_v_intact_rate },
	{ N_("numerator"), PM_COL_NUM, NULL },
	{ N_("denominator"), PM_COL_NUM, NULL },
	{ N_("percent"), PM_COL_NUM, NULL },
	{ N_("target"), PM_COL_NUM, NULL }
};
const int pm_intact_ncols = sizeof pm_intact_cols / sizeof pm_intact_cols[0];

/* A percentage in tenths as "95.0"; none as NULL, "—" for people. */
static void
put_tenths(struct pm_out *o, int64_t t)
{
	char buf[32];

	if (t < 0) {
		pm_out_text(o, pm_out_for_people(o) ? "—" : NULL);
		return;
	}
	snprintf(buf, sizeof buf, "%lld.%lld", (long long)(t / 10),
	    (long long)(t % 10));
	pm_out_text(o, buf);
}

/* A target in basis points as a percentage, "98.00"; none as NULL. */
static void
put_target(struct pm_out *o, int64_t bp)
{
	char buf[PM_MONEY_LEN];

	pm_out_text(o, bp < 0 ? NULL : pm_hundredths_fmt(bp, buf));
}

/* The estate's target for 'kpi' before 'at', in basis points, or -1. */
static int
target(struct pm_db *db, const char *kpi, pm_time at, int64_t *bp)
{
	int t, rc;

	rc = pm_kpi_target(db, kpi, at - 1, &t);
	*bp = rc == 0 && t != PM_KPI_NO_TARGET ? t : -1;
	return rc;
}

int
pm_intact_report(struct pm_db *db, pm_time at, struct pm_out *o)
{
	struct pm_intact_rates r;
	char buf[PM_MONEY_LEN];
	int64_t bp;
	int rc;

	if ((rc = pm_intact_rates(db, at, &r)) != 0 ||
	    (rc = target(db, "housing_intact", at, &bp)) != 0)
		return rc;
	pm_out_text(o, "housing_intact");
	pm_out_text(o, pm_hundredths_fmt(r.housing_good, buf));
	pm_out_text(o, pm_hundredths_fmt(r.housing_total, buf));
	put_tenths(o, pm_rate_tenths(r.housing_good, r.housing_total));
	put_target(o, bp);
	pm_out_row(o);
	if ((rc = target(db, "facility_intact", at, &bp)) != 0)
		return rc;
	pm_out_text(o, "facility_intact");
	pm_out_int(o, r.facility_good);
	pm_out_int(o, r.facility_total);
	put_tenths(o, pm_rate_tenths(r.facility_good, r.facility_total));
	put_target(o, bp);
	pm_out_row(o);
	return 0;
}
