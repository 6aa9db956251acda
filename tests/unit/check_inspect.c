/*
 * check_inspect.c - inspections, the facility register and the housing
 * grades: intervals and readings as written, a check's score and result
 * (weights, a pass score, a serious item, a reading out of range, a
 * vacant unit's meter that moved), who may check at which level and
 * what a check may re-examine, the comparison of the levels, and the
 * two intact rates as of a day, worked by hand below, which do not move
 * when states change later.
 *
 * Each test gets a fresh in-memory database holding a small estate,
 * inserted with SQL so the tests do not depend on the estate loader; the
 * facilities enter the register through audit rows, as pm-db apply
 * writes them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pmtest.h"
#include "clock.h"
#include "inspect.h"
#include "vocab.h"

static struct pm_db *db;

/*
 * Fire pump room, pass score 80%: items of weight 2, 1, 1 (serious) and
 * a pressure reading of weight 1 within 0.3-0.6 MPa; 5 in all.  The
 * vacant-unit check: the door seal, and the two meters, which must not
 * move.  Units of 89.50, 89.50, 120.00 and 65.25 m².
 */
static const char estate_sql[] =
    "INSERT INTO departments(code, name) VALUES ('engineering', '工程部'),"
    " ('service', '客服部');"
    "INSERT INTO staff(login, name, department, role, retired) VALUES"
    " ('wang.qiang', '王强', 'engineering', 'staff', 0),"
    " ('sun.hao', '孙浩', 'engineering', 'staff', 0),"
    " ('zhao.lei', '赵磊', 'engineering', 'lead', 0),"
    " ('li.na', '李娜', 'engineering', 'supervisor', 0),"
    " ('chen.jing', '陈静', 'service', 'manager', 0);"
    "INSERT INTO buildings(code, name) VALUES ('3', '3号楼');"
    "INSERT INTO units(code, building, entrance, floor, area, occupancy)"
    " VALUES ('3-1-501', '3', 1, 5, 8950, 'occupied'),"
    " ('3-1-502', '3', 1, 5, 8950, 'vacant'),"
    " ('3-1-601', '3', 1, 6, 12000, 'occupied'),"
    " ('3-2-101', '3', 2, 1, 6525, 'occupied');"
    "INSERT INTO units(code, kind, name) VALUES ('P-PUMP', 'public', '水泵房'),"
    " ('3-1-LIFT', 'public', '3号楼1单元电梯');"
    "INSERT INTO categories(code, name, kind, department) VALUES"
    " ('fire', '消防设施', 'repair', 'engineering'),"
    " ('vacant', '空置房', 'repair', 'service');"
    "INSERT INTO checklists(code, name, department, category, pass_score)"
    " VALUES ('fire-pump-room', '消防泵房月检', 'engineering', 'fire', 8000),"
    " ('vacant-unit', '空置房月检', 'service', 'vacant', 10000);"
    "INSERT INTO checklist_items(key, checklist, n, text, weight, serious,"
    " reading, min, max, unchanged) VALUES"
    " ('fire-pump-room 01', 'fire-pump-room', 1, '水泵手动启动运行', 2, 0,"
    "  NULL, NULL, NULL, 0),"
    " ('fire-pump-room 02', 'fire-pump-room', 2, '泵房清洁干燥', 1, 0,"
    "  NULL, NULL, NULL, 0),"
    " ('fire-pump-room 03', 'fire-pump-room', 3, '阀门处于正确位置并铅封',"
    "  1, 1, NULL, NULL, NULL, 0),"
    " ('fire-pump-room 04', 'fire-pump-room', 4, '出口压力', 1, 0,"
    "  'MPa', 300, 600, 0),"
    " ('vacant-unit 01', 'vacant-unit', 1, '门封完好', 1, 0,"
    "  NULL, NULL, NULL, 0),"
    " ('vacant-unit 02', 'vacant-unit', 2, '水表读数', 1, 0,"
    "  'm³', NULL, NULL, 1),"
    " ('vacant-unit 03', 'vacant-unit', 3, '电表读数', 1, 0,"
    "  'kWh', NULL, NULL, 1);"
    "INSERT INTO facilities(code, name, kind, location, department) VALUES"
    " ('FP-1', '消防主泵', 'fire', 'P-PUMP', 'engineering'),"
    " ('FP-2', '消防备用泵', 'fire', 'P-PUMP', 'engineering'),"
    " ('LIFT-3-1', '3号楼1单元电梯', 'lift', '3-1-LIFT', 'engineering'),"
    " ('LIFT-3-2', '3号楼2单元电梯', 'lift', '3-1-LIFT', 'engineering');"
    "INSERT INTO audit(at, who, program, verb, tbl, row_id, summary) VALUES"
    " ('2026-01-01T02:00:00Z', 'check', 'pm-db', 'apply', 'facilities',"
    "  'FP-1', 'added: 消防主泵'),"
    " ('2026-01-01T02:00:00Z', 'check', 'pm-db', 'apply', 'facilities',"
    "  'FP-2', 'added: 消防备用泵'),"
    " ('2026-01-01T02:00:00Z', 'check', 'pm-db', 'apply', 'facilities',"
    "  'LIFT-3-1', 'added: 3号楼1单元电梯'),"
    " ('2026-01-01T02:00:00Z', 'check', 'pm-db', 'apply', 'facilities',"
    "  'LIFT-3-2', 'added: 3号楼2单元电梯');";

static void
now(const char *t)
{
	ck_assert_int_eq(setenv("PM_NOW", t, 1), 0);
}

static void
as(const char *login)
{
	pm_db_set_actor(db, "check", "test", login);
}

static pm_time
when(const char *s)
{
	pm_time t;

	ck_assert_msg(pm_time_parse(s, &t) == 0, "%s: %s", s, pm_err_msg());
	return t;
}

static void
setup(void)
{
	unsetenv("PM_NOW");
	pm_err_clear();
	db = pm_test_db();
	ck_assert_msg(pm_db_exec(db, estate_sql) == 0, "%s", pm_err_msg());
	now("2026-03-20T12:00");
	as("wang.qiang");
}

static void
teardown(void)
{
	pm_db_close(db);
	db = NULL;
	unsetenv("PM_NOW");
}

/*
 * Record a check of 'checklist' at 'place' (a facility when 'facility',
 * else a unit) made at 'at' by the acting staff member, at 'level' (NULL:
 * from the role), re-examining 'of' (NULL: none), with the results given
 * as on the command line (NULL-terminated).  Returns the status; *id is
 * set on success.
 */
static int
check(const char *checklist, const char *place, int facility,
    const char *level, const char *at, const char *of,
    const char *const *results, int64_t *id)
{
	struct pm_inspect_result *rs;
	struct pm_inspect_new n;
	int nr = 0, rc;

	ck_assert_ptr_nonnull(rs = calloc(8, sizeof *rs));
	for (; results != NULL && *results != NULL; results++) {
		ck_assert_int_lt(nr, 8);
		ck_assert_msg(pm_inspect_parse_result(*results, &rs[nr]) == 0,
		    "%s: %s", *results, pm_err_msg());
		nr++;
	}
	memset(&n, 0, sizeof n);
	n.checklist = checklist;
	if (facility)
		n.facility = place;
	else
		n.unit = place;
	n.level = level;
	n.at = when(at);
	n.of = of;
	n.results = rs;
	n.nresults = nr;
	pm_err_clear();
	rc = pm_inspect_record(db, &n, id);
	pm_inspect_results_free(rs, nr);
	return rc;
}

/* "passed/weight failed result" of inspection 'id'. */
static const char *
score(int64_t id)
{
	static char buf[64];
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_prepare_v2(db->h, "SELECT passed, weight,"
	    " failed, result FROM inspections WHERE id = ?1", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, sizeof buf, "%d/%d %d %s", sqlite3_column_int(st, 0),
	    sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
	    (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	return buf;
}

/*
 * Intervals and readings as the estate file and people write them.
 */

START_TEST(intervals)
{
	struct pm_interval iv;
	char buf[PM_INTERVAL_LEN];

	ck_assert_int_eq(pm_interval_parse("15d", &iv), 0);
	ck_assert_int_eq(iv.days, 15);
	ck_assert_int_eq(iv.months, 0);
	ck_assert_str_eq(pm_interval_fmt(&iv, buf), "15d");
	ck_assert_int_eq(pm_interval_parse("weekly", &iv), 0);
	ck_assert_int_eq(iv.days, 7);
	ck_assert_str_eq(pm_interval_fmt(&iv, buf), "weekly");
	ck_assert_int_eq(pm_interval_parse("每季度", &iv), 0);
	ck_assert_int_eq(iv.months, 3);
	ck_assert_str_eq(pm_interval_fmt(&iv, buf), "quarterly");
	ck_assert_int_eq(pm_interval_parse("2y", &iv), 0);
	ck_assert_int_eq(iv.months, 24);
	ck_assert_str_eq(pm_interval_fmt(&iv, buf), "2y");
	ck_assert_int_eq(pm_interval_parse("每15天", &iv), 0);
	ck_assert_int_eq(iv.days, 15);
	ck_assert_int_eq(pm_interval_parse("18 months", &iv), 0);
	ck_assert_int_eq(iv.months, 18);
	ck_assert_str_eq(pm_interval_fmt(&iv, buf), "18mo");
	pm_assert_err(pm_interval_parse("fortnightly", &iv), PM_EX_DATAERR,
	    "fortnightly");
	pm_assert_err(pm_interval_parse("15x", &iv), PM_EX_DATAERR,
	    "unknown unit");
	pm_assert_err(pm_interval_parse("11y", &iv), PM_EX_DATAERR,
	    "longer than ten years");
	pm_assert_err(pm_interval_parse("0d", &iv), PM_EX_DATAERR, "0d");
}
END_TEST

/* A quarter from 30 November is the last day of February; 15 days on. */
START_TEST(interval_days)
{
	struct pm_interval q = { 0, 3 }, lift = { 15, 0 };
	char buf[PM_DATE_LEN];
	int64_t z = pm_day_from_civil(2025, 11, 30);

	ck_assert_str_eq(pm_day_fmt(pm_interval_add(z, &q, 1), buf),
	    "2026-02-28");
	ck_assert_str_eq(pm_day_fmt(pm_interval_add(z, &q, 2), buf),
	    "2026-05-30");
	ck_assert_str_eq(pm_day_fmt(pm_interval_add(z, &lift, 1), buf),
	    "2025-12-15");
	ck_assert_str_eq(pm_day_fmt(pm_interval_add(z, &lift, 2), buf),
	    "2025-12-30");
}
END_TEST

START_TEST(readings)
{
	char buf[PM_READING_LEN];
	int64_t v;

	ck_assert_int_eq(pm_reading_parse("1234.5", &v), 0);
	ck_assert_int_eq(v, 1234500);
	ck_assert_str_eq(pm_reading_fmt(v, buf), "1234.5");
	ck_assert_int_eq(pm_reading_parse("0.45", &v), 0);
	ck_assert_int_eq(v, 450);
	ck_assert_str_eq(pm_reading_fmt(v, buf), "0.45");
	ck_assert_int_eq(pm_reading_parse("-2.125", &v), 0);
	ck_assert_int_eq(v, -2125);
	ck_assert_str_eq(pm_reading_fmt(v, buf), "-2.125");
	ck_assert_int_eq(pm_reading_parse("12", &v), 0);
	ck_assert_str_eq(pm_reading_fmt(v, buf), "12");
	pm_assert_err(pm_reading_parse("1.2345", &v), PM_EX_DATAERR,
	    "up to three decimals");
	pm_assert_err(pm_reading_parse("12a", &v), PM_EX_DATAERR, "12a");
	pm_assert_err(pm_reading_parse("", &v), PM_EX_DATAERR, "reading");
}
END_TEST

START_TEST(result_args)
{
	struct pm_inspect_result r;

	ck_assert_int_eq(pm_inspect_parse_result("4=fail:阀门未铅封", &r), 0);
	ck_assert_int_eq(r.n, 4);
	ck_assert_str_eq(r.value, "fail");
	ck_assert_str_eq(r.note, "阀门未铅封");
	free((char *)r.value);
	free((char *)r.note);
	ck_assert_int_eq(pm_inspect_parse_result("5=1234.5", &r), 0);
	ck_assert_int_eq(r.n, 5);
	ck_assert_str_eq(r.value, "1234.5");
	ck_assert_ptr_null(r.note);
	free((char *)r.value);
	pm_assert_err(pm_inspect_parse_result("pass", &r), PM_EX_USAGE,
	    "ITEM=RESULT");
	pm_assert_err(pm_inspect_parse_result("x=pass", &r), PM_EX_USAGE,
	    "ITEM=RESULT");
}
END_TEST

/* 57 of 60 is 95.0%; rounded half up in tenths; nothing to count: -1. */
START_TEST(rate_tenths)
{
	ck_assert_int_eq(pm_rate_tenths(57, 60), 950);
	ck_assert_int_eq(pm_rate_tenths(2, 3), 667);
	ck_assert_int_eq(pm_rate_tenths(1, 3), 333);
	ck_assert_int_eq(pm_rate_tenths(1, 16), 63);
	ck_assert_int_eq(pm_rate_tenths(24425, 36425), 671);
	ck_assert_int_eq(pm_rate_tenths(0, 7), 0);
	ck_assert_int_eq(pm_rate_tenths(7, 7), 1000);
	ck_assert_int_eq(pm_rate_tenths(0, 0), -1);
}
END_TEST

/*
 * The score: the weight passed over all of it (5), against the pass
 * score (80%); a serious item failed fails the check whatever the score.
 */
START_TEST(scores)
{
	static const char *const all[] = { "4=0.45", NULL };
	static const char *const clean[] = { "2=fail:地面积水", "4=0.45",
		NULL };
	static const char *const pump[] = { "1=fail", "4=0.45", NULL };
	static const char *const valve[] = { "3=不合格:阀门未铅封", "4=0.45",
		NULL };
	static const char *const high[] = { "4=0.7", NULL };
	static const char *const low[] = { "4=0.3", NULL };
	int64_t id;

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, all, &id), 0);
	ck_assert_str_eq(score(id), "5/5 0 pass");
	/* 4 of 5 is 80%: a pass, just. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:10", NULL, clean, &id), 0);
	ck_assert_str_eq(score(id), "4/5 1 pass");
	/* 3 of 5 is 60%. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:20", NULL, pump, &id), 0);
	ck_assert_str_eq(score(id), "3/5 1 fail");
	/* 80%, but the valves are a serious item. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:30", NULL, valve, &id), 0);
	ck_assert_str_eq(score(id), "4/5 1 fail");
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM"
	    " inspection_items WHERE inspection_id = (SELECT max(id) FROM"
	    " inspections) AND n = 3 AND note = '阀门未铅封'"
	    " AND result = 'fail'"), 1);
	/* A reading above its max fails; its bounds are inclusive. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:40", NULL, high, &id), 0);
	ck_assert_str_eq(score(id), "4/5 1 pass");
	ck_assert_int_eq(pm_test_count(db, "SELECT reading FROM"
	    " inspection_items WHERE result = 'fail' AND n = 4"), 700);
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:50", NULL, low, &id), 0);
	ck_assert_str_eq(score(id), "5/5 0 pass");
	/* The facility's check is at its location. */
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM inspections"
	    " WHERE place_kind = 'facility' AND place = 'FP-1'"
	    " AND unit = 'P-PUMP' AND level = 'self'"
	    " AND inspector = 'wang.qiang' AND day = '2026-03-02'"), 6);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM audit"
	    " WHERE tbl = 'inspections' AND summary LIKE 'recorded: self"
	    " fire-pump-room of facility FP-1 by wang.qiang, 4/5, fail%'"), 1);
}
END_TEST

START_TEST(bad_results)
{
	static const char *const none[] = { NULL };
	static const char *const nine[] = { "9=pass", "4=0.45", NULL };
	static const char *const twice[] = { "4=0.45", "4=0.5", NULL };
	static const char *const word[] = { "1=maybe", "4=0.45", NULL };
	static const char *const meter[] = { "4=high", NULL };
	int64_t id;

	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, none, &id), PM_EX_DATAERR,
	    "item 4 (出口压力): a reading in MPa is needed");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, nine, &id), PM_EX_DATAERR,
	    "item 9: checklist 'fire-pump-room' has 4 items");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, twice, &id), PM_EX_DATAERR,
	    "item 4: given twice");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, word, &id), PM_EX_DATAERR, "maybe");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, meter, &id), PM_EX_DATAERR,
	    "is not a reading in MPa");
	pm_assert_err(check("fire-pump-room", "FP-9", 1, NULL,
	    "2026-03-02T09:00", NULL, meter, &id), PM_EX_NOINPUT, "FP-9");
	pm_assert_err(check("no-such-list", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, meter, &id), PM_EX_NOINPUT,
	    "no-such-list");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-21T09:00", NULL, meter, &id), PM_EX_DATAERR,
	    "in the future");
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM inspections"),
	    0);
}
END_TEST

/*
 * A vacant unit's meters: the first month has nothing to compare with;
 * the next, a water meter that moved fails, and the failure keeps both
 * readings.
 */
START_TEST(vacant_meters)
{
	static const char *const feb[] = { "2=120.5", "3=3300", NULL };
	static const char *const mar[] = { "2=121", "3=3300", NULL };
	static const char *const apr[] = { "2=121", "3=3300", NULL };
	int64_t id;

	as("chen.jing");
	ck_assert_int_eq(check("vacant-unit", "3-1-502", 0, "self",
	    "2026-02-05T10:00", NULL, feb, &id), 0);
	ck_assert_str_eq(score(id), "3/3 0 pass");
	ck_assert_int_eq(check("vacant-unit", "3-1-502", 0, "self",
	    "2026-03-05T10:00", NULL, mar, &id), 0);
	ck_assert_str_eq(score(id), "2/3 1 fail");
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM"
	    " inspection_items WHERE result = 'fail' AND n = 2"
	    " AND previous = 120500 AND reading = 121000 AND unit_of = 'm³'"),
	    1);
	ck_assert_int_eq(check("vacant-unit", "3-1-502", 0, "self",
	    "2026-03-19T10:00", NULL, apr, &id), 0);
	ck_assert_str_eq(score(id), "3/3 0 pass");
}
END_TEST

/* A lead check needs a lead or above; a spot check a supervisor. */
START_TEST(levels)
{
	static const char *const ok[] = { "4=0.45", NULL };
	int64_t self, lead, spot, id;

	pm_assert_err(check("fire-pump-room", "FP-1", 1, "lead",
	    "2026-03-02T09:00", NULL, ok, &id), PM_EX_NOPERM,
	    "staff 'wang.qiang' is");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, ok, &self), 0);
	as("zhao.lei");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, "supervisor",
	    "2026-03-02T10:00", NULL, ok, &id), PM_EX_NOPERM,
	    "a spot check (主管抽查) is made by a supervisor or manager");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T10:00", NULL, ok, &lead), 0);
	as("li.na");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T11:00", NULL, ok, &spot), 0);
	as("chen.jing");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T11:30", NULL, ok, &id), 0);
	ck_assert_int_eq(pm_test_count(db, "SELECT group_concat(level, ',')"
	    " = 'self,lead,supervisor,supervisor' FROM (SELECT level FROM"
	    " inspections ORDER BY id)"), 1);
	/* A manager may check at the lower levels too. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, "self",
	    "2026-03-02T11:40", NULL, ok, &id), 0);
}
END_TEST

/* What a check may re-examine: earlier, lower, the same check. */
START_TEST(reexamine)
{
	static const char *const ok[] = { "4=0.45", NULL };
	char self_s[24], lead_s[24], vac_s[24];
	int64_t self, lead, vac, id;

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, ok, &self), 0);
	snprintf(self_s, sizeof self_s, "%lld", (long long)self);
	as("chen.jing");
	ck_assert_int_eq(check("vacant-unit", "3-1-502", 0, "self",
	    "2026-03-02T09:00", NULL, (const char *const []){ "2=1",
	    "3=1", NULL }, &vac), 0);
	snprintf(vac_s, sizeof vac_s, "%lld", (long long)vac);
	as("zhao.lei");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T08:00", self_s, ok, &id), PM_EX_DATAERR,
	    "was made after this one");
	pm_assert_err(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-02T10:00", self_s, ok, &id), PM_EX_DATAERR,
	    "not the same check");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T10:00", vac_s, ok, &id), PM_EX_DATAERR,
	    "not the same check");
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T10:00", "999", ok, &id), PM_EX_NOINPUT, "999");
	/* A week later, named: it re-examines that check. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-09T10:00", self_s, ok, &lead), 0);
	snprintf(lead_s, sizeof lead_s, "%lld", (long long)lead);
	ck_assert_int_eq(pm_test_count(db, "SELECT of FROM inspections"
	    " WHERE level = 'lead'"), self);
	/* A lead check cannot re-examine a lead check. */
	pm_assert_err(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-09T11:00", lead_s, ok, &id), PM_EX_DATAERR,
	    "a check re-examines one of a lower level");
	as("li.na");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-09T11:00", lead_s, ok, &id), 0);
}
END_TEST

/*
 * compare: wang.qiang passed the valves of FP-1 on 2 March that li.na's
 * spot check failed the same day (matched by place and day); sun.hao
 * failed what the lead failed too (not flagged); zhao.lei's lead check
 * of FP-2, named by li.na a day later, passed the pump she failed.
 */
START_TEST(compare)
{
	static const char *const ok[] = { "4=0.45", NULL };
	static const char *const valve[] = { "3=fail:阀门未铅封", "4=0.45",
		NULL };
	static const char *const pump[] = { "1=fail:不能手动启动", "4=0.45",
		NULL };
	struct pm_test_mem m = { 0 };
	struct pm_out *o;
	char lead_s[24];
	int64_t self, sun, lead, id;
	int count;

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, ok, &self), 0);
	as("sun.hao");
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-02T09:30", NULL, pump, &sun), 0);
	as("zhao.lei");
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-02T10:00", NULL, pump, &lead), 0);
	snprintf(lead_s, sizeof lead_s, "%lld", (long long)lead);
	as("li.na");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T15:00", NULL, valve, &id), 0);
	/* A check the next day at FP-1 is not matched to the 2nd's. */
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-03T15:00", NULL, valve, &id), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-03T16:00", lead_s, (const char *const []){
	    "1=fail:不能手动启动", "2=fail:积水", "4=0.45", NULL }, &id), 0);

	o = pm_test_out(&m, PM_FMT_TSV, pm_inspect_compare_cols,
	    pm_inspect_compare_ncols);
	ck_assert_int_eq(pm_inspect_compare(db, when("2026-03-01"),
	    when("2026-04-01"), NULL, 0, o, &count), 0);
	ck_assert_str_eq(pm_test_text(&m, o),
	    "wang.qiang\tself\t1\t2026-03-02\tfire-pump-room\tFP-1\t3\t"
	    "阀门处于正确位置并铅封\tli.na\tsupervisor\t4\t阀门未铅封\n"
	    "zhao.lei\tlead\t3\t2026-03-02\tfire-pump-room\tFP-2\t2\t"
	    "泵房清洁干燥\tli.na\tsupervisor\t6\t积水\n");
	ck_assert_int_eq(count, 2);

	/* By inspector: checks, items re-examined, missed, their share. */
	o = pm_test_out(&m, PM_FMT_TSV, pm_inspect_summary_cols,
	    pm_inspect_summary_ncols);
	ck_assert_int_eq(pm_inspect_compare(db, when("2026-03-01"),
	    when("2026-04-01"), NULL, 1, o, &count), 0);
	ck_assert_str_eq(pm_test_text(&m, o),
	    "sun.hao\t孙浩\t1\t4\t0\t0.0\n"
	    "wang.qiang\t王强\t1\t4\t1\t25.0\n"
	    "zhao.lei\t赵磊\t1\t4\t1\t25.0\n");
	ck_assert_int_eq(count, 3);

	/* One inspector; a period without the spot checks has nothing. */
	o = pm_test_out(&m, PM_FMT_TSV, pm_inspect_compare_cols,
	    pm_inspect_compare_ncols);
	ck_assert_int_eq(pm_inspect_compare(db, when("2026-03-01"),
	    when("2026-04-01"), "zhao.lei", 0, o, &count), 0);
	pm_test_text(&m, o);
	ck_assert_int_eq(count, 1);
	o = pm_test_out(&m, PM_FMT_TSV, pm_inspect_compare_cols,
	    pm_inspect_compare_ncols);
	ck_assert_int_eq(pm_inspect_compare(db, when("2026-03-02T15:00"),
	    when("2026-03-03"), "sun.hao", 0, o, &count), 0);
	ck_assert_str_eq(pm_test_text(&m, o), "");
	ck_assert_int_eq(count, 0);
	pm_test_mem_free(&m);
}
END_TEST

/* "login checks contradicted" lines of pm_inspect_selfchecks(). */
static int
put_selfcheck(const struct pm_inspect_selfcheck_row *r, void *arg)
{
	char *buf = arg;
	size_t n = strlen(buf);

	snprintf(buf + n, 256 - n, "%s %lld %lld\n", r->inspector,
	    (long long)r->checks, (long long)r->contradicted);
	return 0;
}

static const char *
selfchecks(const char *from, const char *to, const char *cut)
{
	static char buf[256];

	buf[0] = '\0';
	ck_assert_msg(pm_inspect_selfchecks(db, when(from), when(to),
	    when(cut), put_selfcheck, buf) == 0, "%s", pm_err_msg());
	return buf;
}

/*
 * The self-checks of March and those a higher level contradicted:
 * wang.qiang's of FP-1 on the 2nd, failed twice by li.na that day
 * (counted once); not his of FP-2 on the 3rd, which zhao.lei passed by
 * name, nor sun.hao's, whose failure the lead failed too.  Lead checks
 * are not self-checks: li.na failing zhao.lei's counts for no one.
 * What is recorded in April changes March as of April, not as of its
 * end.
 */
START_TEST(selfcheck_agreement)
{
	static const char *const ok[] = { "4=0.45", NULL };
	static const char *const valve[] = { "3=fail:阀门未铅封", "4=0.45",
		NULL };
	static const char *const pump[] = { "1=fail:不能手动启动", "4=0.45",
		NULL };
	char b_s[24], lead_s[24];
	int64_t a, b, c, d, lead, id;

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-02-27T09:00", NULL, ok, &id), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, ok, &a), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-03T09:00", NULL, ok, &b), 0);
	snprintf(b_s, sizeof b_s, "%lld", (long long)b);
	as("sun.hao");
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-02T09:30", NULL, pump, &c), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-05T09:00", NULL, ok, &d), 0);
	as("zhao.lei");
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-02T10:00", NULL, pump, &lead), 0);
	snprintf(lead_s, sizeof lead_s, "%lld", (long long)lead);
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-04T10:00", b_s, ok, &id), 0);
	as("li.na");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T15:00", NULL, valve, &id), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T16:00", NULL, valve, &id), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-06T10:00", lead_s, (const char *const []){
	    "1=fail:不能手动启动", "2=fail:积水", "4=0.45", NULL }, &id), 0);

	ck_assert_str_eq(selfchecks("2026-03-01", "2026-04-01", "2026-04-01"),
	    "sun.hao 2 0\nwang.qiang 2 1\n");
	/* The cut: what was recorded before it only (all of it at now). */
	ck_assert_str_eq(selfchecks("2026-03-01", "2026-04-01",
	    "2026-03-20T12:00"), "");
	ck_assert_str_eq(selfchecks("2026-03-01", "2026-04-01",
	    "2026-03-20T12:00:01"), "sun.hao 2 0\nwang.qiang 2 1\n");
	ck_assert_str_eq(selfchecks("2026-03-03", "2026-03-04", "2026-04-01"),
	    "wang.qiang 1 0\n");
	ck_assert_str_eq(selfchecks("2026-04-01", "2026-05-01", "2026-05-01"),
	    "");

	/* In April: a spot check of sun.hao's of the 5th, back-dated, and
	   a self-check of 31 March. */
	now("2026-04-02T10:00");
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-05T15:00", NULL, valve, &id), 0);
	as("wang.qiang");
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-31T10:00", NULL, ok, &id), 0);
	ck_assert_str_eq(selfchecks("2026-03-01", "2026-04-01", "2026-04-01"),
	    "sun.hao 2 0\nwang.qiang 2 1\n");
	ck_assert_str_eq(selfchecks("2026-03-01", "2026-04-01",
	    "2026-04-02T10:00:01"), "sun.hao 2 1\nwang.qiang 3 1\n");
	(void)d;
}
END_TEST

/* failures: one row per failed item, in pm-ticket import's fields. */
START_TEST(failures)
{
	static const char *const valve[] = { "3=fail:阀门未铅封", "4=0.7",
		NULL };
	struct pm_test_mem m = { 0 };
	struct pm_out *o;
	int64_t id;
	int count;

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, valve, &id), 0);
	o = pm_test_out(&m, PM_FMT_TSV, pm_inspect_failure_cols,
	    pm_inspect_failure_ncols);
	ck_assert_int_eq(pm_inspect_failures(db, when("2026-03-02"),
	    when("2026-03-03"), NULL, NULL, o, &count), 0);
	ck_assert_str_eq(pm_test_text(&m, o),
	    "repair\tfire\tP-PUMP\t[FP-1 消防主泵] 消防泵房月检 #1/3: "
	    "阀门处于正确位置并铅封: 阀门未铅封\tinspection\t"
	    "2026-03-02T09:00\twang.qiang\n"
	    "repair\tfire\tP-PUMP\t[FP-1 消防主泵] 消防泵房月检 #1/4: "
	    "出口压力: 0.7 MPa\tinspection\t2026-03-02T09:00\twang.qiang\n");
	ck_assert_int_eq(count, 2);
	o = pm_test_out(&m, PM_FMT_TSV, pm_inspect_failure_cols,
	    pm_inspect_failure_ncols);
	ck_assert_int_eq(pm_inspect_failures(db, when("2026-03-02"),
	    when("2026-03-03"), NULL, "service", o, &count), 0);
	ck_assert_str_eq(pm_test_text(&m, o), "");
	ck_assert_int_eq(count, 0);
	pm_test_mem_free(&m);
}
END_TEST

static struct pm_intact_rates
rates(const char *at)
{
	struct pm_intact_rates r;

	ck_assert_msg(pm_intact_rates(db, when(at), &r) == 0, "%s",
	    pm_err_msg());
	return r;
}

static void
grade(const char *code, const char *g, const char *at)
{
	char canon[64];

	pm_err_clear();
	ck_assert_msg(pm_grade_set(db, code, g, when(at), NULL, canon,
	    sizeof canon) == 0, "%s %s: %s", code, g, pm_err_msg());
}

/*
 * The housing intact rate by floor area, worked by hand: on 1 March
 * 3-1-501 (89.50 m²) and 3-2-101 (65.25) are good, 3-1-502 (89.50)
 * basically good, 3-1-601 (120.00) generally damaged: 244.25 of 364.25
 * m², 67.1%.  3-1-601 is repaired and graded good on 10 March: 100.0%
 * from then, while 1 March still reads 67.1%, even after the unit is
 * remeasured (its grade keeps the area it was graded with).
 */
START_TEST(housing_rate)
{
	struct pm_intact_rates r;
	char canon[64];

	r = rates("2026-03-01T24:00");
	ck_assert_int_eq(r.housing_total, 0);
	ck_assert_int_eq(r.units, 0);
	as("li.na");
	grade("3-1-501", "good", "2026-03-01T09:00");
	grade("3-2-101", "完好", "2026-03-01T09:10");
	grade("3-1-502", "basic", "2026-03-01T09:20");
	grade("3-1-601", "一般损坏", "2026-03-01T09:30");
	r = rates("2026-03-01T24:00");
	ck_assert_int_eq(r.housing_good, 24425);
	ck_assert_int_eq(r.housing_total, 36425);
	ck_assert_int_eq(r.units, 4);
	ck_assert_int_eq(r.area[0], 15475);
	ck_assert_int_eq(r.area[1], 8950);
	ck_assert_int_eq(r.area[2], 12000);
	ck_assert_int_eq(pm_rate_tenths(r.housing_good, r.housing_total), 671);
	/* Before the grading: nothing. */
	r = rates("2026-03-01T09:00");
	ck_assert_int_eq(r.housing_total, 0);

	ck_assert_int_eq(pm_db_exec(db, "UPDATE units SET area = 13000"
	    " WHERE code = '3-1-601'"), 0);
	grade("3-1-601", "good", "2026-03-10T15:00");
	r = rates("2026-03-10T24:00");
	ck_assert_int_eq(r.housing_good, 37425);
	ck_assert_int_eq(r.housing_total, 37425);
	ck_assert_int_eq(pm_rate_tenths(r.housing_good, r.housing_total), 1000);
	r = rates("2026-03-01T24:00");
	ck_assert_int_eq(r.housing_good, 24425);
	ck_assert_int_eq(r.housing_total, 36425);

	/* The same grade again changes nothing; an earlier one is refused. */
	pm_assert_err(pm_grade_set(db, "3-1-601", "good",
	    when("2026-03-11T09:00"), NULL, canon, sizeof canon),
	    PM_UNCHANGED, "graded");
	pm_assert_err(pm_grade_set(db, "3-1-601", "basic",
	    when("2026-03-09T09:00"), NULL, canon, sizeof canon),
	    PM_EX_DATAERR, "a grade cannot be dated before it");
	pm_assert_err(pm_grade_set(db, "P-PUMP", "good",
	    when("2026-03-11T09:00"), NULL, canon, sizeof canon),
	    PM_EX_DATAERR, "has no housing grade");
	pm_assert_err(pm_grade_set(db, "3-1-601", "ruined",
	    when("2026-03-11T09:00"), NULL, canon, sizeof canon),
	    PM_EX_DATAERR, "ruined");

	/* A building grades each of its units: all seriously damaged. */
	ck_assert_int_eq(pm_grade_set(db, "3", "serious",
	    when("2026-03-15T09:00"), "地震后评定", canon, sizeof canon), 0);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM"
	    " housing_grades WHERE building = '3' AND grade = 'serious'"), 4);
	r = rates("2026-03-15T24:00");
	ck_assert_int_eq(r.housing_good, 0);
	ck_assert_int_eq(r.housing_total, 37425);
	ck_assert_int_eq(r.area[3], 37425);
	ck_assert_int_eq(pm_rate_tenths(r.housing_good, r.housing_total), 0);
	r = rates("2026-03-10T24:00");
	ck_assert_int_eq(r.housing_good, 37425);
}
END_TEST

static void
state(const char *code, const char *s, const char *at)
{
	char canon[64];

	pm_err_clear();
	ck_assert_msg(pm_facility_set_state(db, code, s, when(at), "测试",
	    canon, sizeof canon) == 0, "%s %s: %s", code, s, pm_err_msg());
}

/*
 * The facility intact rate: four facilities in the register from 1
 * January, all good until LIFT-3-1 breaks on 10 March (3 of 4, 75.0%)
 * and FP-2 is taken out of service on 11 March (2 of 4, 50.0%); the
 * lift is repaired on 12 March (3 of 4) and FP-2 leaves the register on
 * 15 March (3 of 3).  Each past day reads as it did.
 */
START_TEST(facility_rate)
{
	struct pm_intact_rates r;
	char canon[64];

	r = rates("2025-12-31T24:00");
	ck_assert_int_eq(r.facility_total, 0);
	r = rates("2026-03-09T24:00");
	ck_assert_int_eq(r.facility_good, 4);
	ck_assert_int_eq(r.facility_total, 4);
	as("zhao.lei");
	state("LIFT-3-1", "faulty", "2026-03-10T08:00");
	state("FP-2", "停用", "2026-03-11T08:00");
	pm_assert_err(pm_facility_set_state(db, "FP-2", "out_of_service",
	    when("2026-03-11T09:00"), "again", canon, sizeof canon),
	    PM_UNCHANGED, "FP-2");
	pm_assert_err(pm_facility_set_state(db, "FP-2", "good",
	    when("2026-03-10T09:00"), "earlier", canon, sizeof canon),
	    PM_EX_DATAERR, "a change cannot be dated before it");
	pm_assert_err(pm_facility_set_state(db, "FP-9", "good",
	    when("2026-03-11T09:00"), "none", canon, sizeof canon),
	    PM_EX_NOINPUT, "FP-9");
	pm_assert_err(pm_facility_set_state(db, "FP-1", "broken",
	    when("2026-03-11T09:00"), "none", canon, sizeof canon),
	    PM_EX_DATAERR, "broken");
	state("LIFT-3-1", "good", "2026-03-12T17:00");
	ck_assert_int_eq(pm_db_exec(db, "INSERT INTO audit(at, who, program,"
	    " verb, tbl, row_id, summary) VALUES ('2026-03-15T02:00:00Z',"
	    " 'check', 'pm-db', 'apply', 'facilities', 'FP-2', 'retired');"
	    " UPDATE facilities SET retired = 1 WHERE code = 'FP-2'"), 0);

	r = rates("2026-03-10T24:00");
	ck_assert_int_eq(r.facility_good, 3);
	ck_assert_int_eq(r.facility_total, 4);
	ck_assert_int_eq(r.count[1], 1);
	ck_assert_int_eq(pm_rate_tenths(r.facility_good, r.facility_total), 750);
	r = rates("2026-03-11T24:00");
	ck_assert_int_eq(r.facility_good, 2);
	ck_assert_int_eq(r.count[1], 1);
	ck_assert_int_eq(r.count[2], 1);
	ck_assert_int_eq(pm_rate_tenths(r.facility_good, r.facility_total), 500);
	r = rates("2026-03-12T24:00");
	ck_assert_int_eq(r.facility_good, 3);
	ck_assert_int_eq(r.facility_total, 4);
	r = rates("2026-03-15T24:00");
	ck_assert_int_eq(r.facility_good, 3);
	ck_assert_int_eq(r.facility_total, 3);
	ck_assert_int_eq(pm_rate_tenths(r.facility_good, r.facility_total),
	    1000);
	/* The 10th still reads 3 of 4 after everything since. */
	r = rates("2026-03-10T24:00");
	ck_assert_int_eq(r.facility_good, 3);
	ck_assert_int_eq(r.facility_total, 4);
}
END_TEST

/* The facts are append-only. */
START_TEST(append_only)
{
	static const char *const ok[] = { "4=0.45", NULL };
	int64_t id;

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-02T09:00", NULL, ok, &id), 0);
	grade("3-1-501", "good", "2026-03-01T09:00");
	state("FP-1", "faulty", "2026-03-10T08:00");
	ck_assert_int_ne(pm_db_exec(db, "UPDATE inspections SET result ="
	    " 'fail'"), 0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM inspection_items"), 0);
	ck_assert_int_ne(pm_db_exec(db, "UPDATE housing_grades SET grade ="
	    " 'dangerous'"), 0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM facility_states"), 0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM inspect_register"), 0);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM"
	    " inspection_items WHERE result = 'pass'"), 4);
}
END_TEST

/*
 * The last record of each plan, place and certificate (0011), kept by
 * triggers whatever order the records come in: a record dated before
 * the last leaves it, one at the same time with a later id takes it, a
 * repair (no task) is no plan's.
 */
START_TEST(last_records)
{
	static const char *const ok[] = { "4=0.45", NULL };
	int64_t a, b, c;

	ck_assert_msg(pm_db_exec(db, "INSERT INTO maint_records(facility,"
	    " task, at, who, recorded_at, done, result, certificate) VALUES"
	    " ('FP-1', 'flow', '2026-03-01T02:00:00Z', 'wang.qiang',"
	    "  '2026-03-01T02:00:00Z', 'x', 'good', NULL),"
	    " ('FP-1', 'flow', '2026-02-01T02:00:00Z', 'wang.qiang',"
	    "  '2026-03-02T02:00:00Z', 'x', 'good', '2027-02-01'),"
	    " ('FP-1', 'flow', '2026-03-01T02:00:00Z', 'wang.qiang',"
	    "  '2026-03-03T02:00:00Z', 'x', 'good', NULL),"
	    " ('FP-1', NULL, '2026-03-05T02:00:00Z', 'wang.qiang',"
	    "  '2026-03-05T02:00:00Z', 'x', 'good', NULL),"
	    " ('FP-1', 'flow', '2026-01-01T02:00:00Z', 'wang.qiang',"
	    "  '2026-03-06T02:00:00Z', 'x', 'good', '2026-12-01')") == 0,
	    "%s", pm_err_msg());
	ck_assert_int_eq(pm_test_count(db, "SELECT id FROM maint_last"
	    " WHERE facility = 'FP-1' AND task = 'flow'"), 3);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM"
	    " maint_last"), 1);
	ck_assert_int_eq(pm_test_count(db, "SELECT id FROM certificate_last"
	    " WHERE facility = 'FP-1' AND certificate = '2027-02-01'"), 2);

	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-10T09:00", NULL, ok, &a), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-1", 1, NULL,
	    "2026-03-09T09:00", NULL, ok, &b), 0);
	ck_assert_int_eq(check("fire-pump-room", "FP-2", 1, NULL,
	    "2026-03-11T09:00", NULL, ok, &c), 0);
	ck_assert_int_eq(pm_test_count(db, "SELECT id FROM inspect_last"
	    " WHERE place_kind = 'facility' AND place = 'FP-1'"), a);
	ck_assert_int_eq(pm_test_count(db, "SELECT id FROM inspect_last"
	    " WHERE place_kind = 'facility' AND place = 'FP-2'"), c);
	ck_assert_int_ne(b, a);

	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM maint_last"), 0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM certificate_last"), 0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM inspect_last"), 0);
}
END_TEST

Suite *
inspect_suite(void)
{
	Suite *s = suite_create("inspect");
	TCase *tc = tcase_create("inspect");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, intervals);
	tcase_add_test(tc, interval_days);
	tcase_add_test(tc, readings);
	tcase_add_test(tc, result_args);
	tcase_add_test(tc, rate_tenths);
	tcase_add_test(tc, scores);
	tcase_add_test(tc, bad_results);
	tcase_add_test(tc, vacant_meters);
	tcase_add_test(tc, levels);
	tcase_add_test(tc, reexamine);
	tcase_add_test(tc, compare);
	tcase_add_test(tc, selfcheck_agreement);
	tcase_add_test(tc, failures);
	tcase_add_test(tc, housing_rate);
	tcase_add_test(tc, facility_rate);
	tcase_add_test(tc, append_only);
	tcase_add_test(tc, last_records);
	suite_add_tcase(s, tc);
	return s;
}
