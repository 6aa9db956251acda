/*
 * check_people.c - what the people-side tools share: rates with worked
 * figures, local weeks, the roster of a day from the staff history that
 * pm-db apply's audit rows leave, records kept as versions (find, void,
 * append-only), and the checks of units, staff and times.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peopletest.h"
#include "audit.h"
#include "people.h"
#include "visit.h"

START_TEST(rate_figures)
{
	/* (2000 num + den) / (2 den): half up to a tenth of a percent. */
	struct pm_rate r[] = {
	    { 57, 60, 9500 }, { 2, 3, 9500 }, { 1, 3, -1 }, { 7, 8, 9000 },
	    { 189, 199, 9500 }, { 19, 20, 9500 }, { 0, 5, 0 }, { 0, 0, 9500 },
	    { 1, 2000, -1 }, { 1999, 2000, 10000 }
	};
	static const int64_t tenths[] = { 950, 667, 333, 875, 950, 950, 0, -1,
	    1, 1000 };
	/* Exact: 189/199 is 94.97%, shown as 95.0 but short of 95%. */
	static const int met[] = { 1, 0, -1, 0, 0, 1, 1, -1, -1, 0 };
	static const char *const text[] = { "57/60 95.0%", "2/3 66.7%",
	    "1/3 33.3%", "7/8 87.5%", "189/199 95.0%", "19/20 95.0%",
	    "0/5 0.0%", "—", "1/2000 0.1%", "1999/2000 100.0%" };
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		ck_assert_int_eq(pm_rate_tenths(r[i].num, r[i].den), tenths[i]);
		ck_assert_int_eq(pm_rate_met(&r[i]), met[i]);
		ck_assert_str_eq(pm_rate_text(&r[i], buf, sizeof buf), text[i]);
	}
	ck_assert_str_eq(pm_bp_text(9550, buf, sizeof buf), "95.5");
	ck_assert_str_eq(pm_bp_text(9500, buf, sizeof buf), "95.0");
	ck_assert_str_eq(pm_bp_text(10000, buf, sizeof buf), "100.0");
	ck_assert_str_eq(pm_bp_text(8049, buf, sizeof buf), "80.5");
}
END_TEST

START_TEST(rate_output)
{
	static const struct pm_col cols[] = { { "rate", PM_COL_NUM, NULL },
	    { "target", PM_COL_NUM, NULL }, { "met", PM_COL_INT, NULL } };
	struct pm_rate a = { 57, 60, 9500 }, b = { 0, 0, 9000 },
	    c = { 3, 4, -1 };
	struct pm_test_mem m = { NULL, NULL, 0 };
	struct pm_out *o = pm_test_out(&m, PM_FMT_JSON, cols, 3);

	pm_out_rate(o, &a);
	pm_out_row(o);
	pm_out_rate(o, &b);
	pm_out_row(o);
	pm_out_rate(o, &c);
	pm_out_row(o);
	ck_assert_str_eq(pm_test_text(&m, o),
	    "{\"rate\":95.0,\"target\":95.0,\"met\":1}\n"
	    "{\"rate\":null,\"target\":90.0,\"met\":null}\n"
	    "{\"rate\":75.0,\"target\":null,\"met\":null}\n");
	pm_test_mem_free(&m);
}
END_TEST

START_TEST(weeks)
{
	char d[PM_DATE_LEN];

	/* 2026-11-23 is a Monday; 2026-03-01 a Sunday; 2028-02-29 a Tuesday. */
	ck_assert_int_eq(pm_weekday(t_("2026-11-23T00:00")), 1);
	ck_assert_int_eq(pm_weekday(t_("2026-11-29T23:59")), 7);
	ck_assert_int_eq(pm_weekday(t_("2026-03-01")), 7);
	ck_assert_int_eq(pm_weekday(t_("2028-02-29")), 2);
	ck_assert_int_eq(pm_weekday(t_("2027-01-01")), 5);
	ck_assert_str_eq(pm_date_local(pm_week_start(t_("2026-11-29T23:59")),
	    d), "2026-11-23");
	ck_assert_str_eq(pm_date_local(pm_week_start(t_("2026-11-23T00:00")),
	    d), "2026-11-23");
	ck_assert_str_eq(pm_date_local(pm_week_start(t_("2027-01-01")), d),
	    "2026-12-28");
	ck_assert_int_eq(pm_week_start(t_("2026-11-26T15:00")),
	    t_("2026-11-23"));
}
END_TEST

/* What pm-db apply leaves: a staff row changed, then its audit row. */
static void
apply_staff(const char *now, const char *sql, const char *login)
{
	at(now);
	sql_ok(sql);
	ck_assert_int_eq(pm_audit(db, "staff", login, "changed"), 0);
}

START_TEST(roster_history)
{
	struct pm_roster *r;
	const char *dept, *role;
	int i;

	/* A hire, a move to another department, a retirement. */
	apply_staff("2026-11-10T09:00", "INSERT INTO staff(login, name,"
	    " department, role) VALUES ('new.hire', '新人', 'security', 'staff')",
	    "new.hire");
	apply_staff("2026-11-20T09:00", "UPDATE staff SET department = 'service'"
	    " WHERE login = 'new.hire'", "new.hire");
	apply_staff("2026-11-25T09:00", "UPDATE staff SET retired = 1"
	    " WHERE login = 'new.hire'", "new.hire");
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM staff_history"
	    " WHERE login = 'new.hire'"), 3);
	ck_assert_int_eq(pm_roster_load(db, &r), 0);
	ck_assert_int_ge(i = pm_roster_find(r, "new.hire"), 0);
	ck_assert_str_eq(pm_roster_name(r, i), "新人");
	ck_assert_int_eq(pm_roster_at(r, i, t_("2026-11-10T08:59"), &dept,
	    &role), 0);
	ck_assert_int_eq(pm_roster_at(r, i, t_("2026-11-10T09:00"), &dept,
	    &role), 1);
	ck_assert_str_eq(dept, "security");
	ck_assert_int_eq(pm_roster_at(r, i, t_("2026-11-21"), &dept, &role), 1);
	ck_assert_str_eq(dept, "service");
	ck_assert_str_eq(role, "staff");
	ck_assert_int_eq(pm_roster_at(r, i, t_("2026-11-26"), &dept, &role), 0);
	ck_assert_int_eq(pm_roster_since(r, i), t_("2026-11-10T09:00"));
	/* Staff written without an audit row are as they are now, always. */
	ck_assert_int_ge(i = pm_roster_find(r, "chen.jing"), 0);
	ck_assert_int_eq(pm_roster_at(r, i, t_("1999-01-01"), &dept, &role), 1);
	ck_assert_int_eq(pm_roster_since(r, i), 0);
	ck_assert_int_ge(i = pm_roster_find(r, "old.hand"), 0);
	ck_assert_int_eq(pm_roster_at(r, i, t_("2026-11-23"), &dept, &role), 0);
	ck_assert_int_eq(pm_roster_find(r, "nobody"), -1);
	pm_roster_free(r);
	/* The history is a fact. */
	ck_assert_int_ne(pm_db_exec(db, "UPDATE staff_history SET role = 'x'"),
	    0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM staff_history"), 0);
}
END_TEST

START_TEST(facts_find_and_void)
{
	struct pm_visit v;
	struct pm_fact_ref ref;
	int64_t id;

	memset(&v, 0, sizeof v);
	v.unit = "3-1-101";
	as("chen.jing");
	at("2026-11-23T09:00");
	ck_assert_int_eq(pm_visit_add(db, &v, &id), 0);
	ck_assert_int_eq(id, 1);
	ck_assert_int_eq(pm_fact_find(db, &pm_visit_fact, "#1", &ref), 0);
	ck_assert_int_eq(ref.record, 1);
	ck_assert_int_eq(ref.version, 1);
	pm_assert_err(pm_fact_find(db, &pm_visit_fact, "2", &ref),
	    PM_EX_NOINPUT, "visit '2': no such record (see 'pm-visit list')");
	pm_assert_err(pm_fact_find(db, &pm_visit_fact, "x1", &ref),
	    PM_EX_DATAERR, "visit 'x1': not an id");
	pm_assert_err(pm_fact_find(db, &pm_visit_fact, "0", &ref),
	    PM_EX_DATAERR, "not an id");
	ck_assert_int_eq(pm_fact_find(db, &pm_visit_fact, "1", &ref), 0);
	pm_assert_err(pm_fact_void(db, &pm_visit_fact, &ref, ""), PM_EX_DATAERR,
	    "reason: empty");
	ck_assert_int_eq(pm_fact_void(db, &pm_visit_fact, &ref, "记错了"), 0);
	pm_assert_err(pm_fact_find(db, &pm_visit_fact, "1", &ref),
	    PM_EX_DATAERR, "visit '1': voided (记错了)");
	/* Both versions kept, the second a copy marked void. */
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM visits"
	    " WHERE record = 1 AND unit = '3-1-101'"), 2);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM visits_now"), 0);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM audit"
	    " WHERE tbl = 'visits' AND row_id = '1'"), 2);
	ck_assert_int_ne(pm_db_exec(db, "UPDATE visits SET unit = '3-1-102'"),
	    0);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM visits"), 0);
}
END_TEST

START_TEST(checks)
{
	char c[64];

	pm_assert_err(pm_people_unit(db, "P-FIRE", 1, c, sizeof c),
	    PM_EX_DATAERR, "unit 'P-FIRE': a public area, not a household");
	ck_assert_int_eq(pm_people_unit(db, "p-fire", 0, c, sizeof c), 0);
	ck_assert_str_eq(c, "P-FIRE");
	ck_assert_int_eq(pm_people_unit(db, "３－１－１０１", 1, c, sizeof c), 0);
	ck_assert_str_eq(c, "3-1-101");
	pm_assert_err(pm_people_unit(db, "9-9-9", 1, c, sizeof c),
	    PM_EX_NOINPUT, "no such unit");
	pm_assert_err(pm_people_staff(db, "old.hand", c, sizeof c),
	    PM_EX_DATAERR, "staff 'old.hand': retired");
	pm_assert_err(pm_people_staff(db, "nobody", c, sizeof c),
	    PM_EX_NOINPUT, "no such staff member");
	at("2026-11-23T08:00");
	ck_assert_int_eq(pm_people_past("visit time", t_("2026-11-23T08:00")),
	    0);
	pm_assert_err(pm_people_past("visit time", t_("2026-11-23T08:01")),
	    PM_EX_DATAERR, "visit time '2026-11-23T08:01': in the future");
	as("li.na");
	pm_assert_err(pm_people_manager(db, "override"), PM_EX_NOPERM,
	    "override: only a manager may ('li.na' is not one)");
	as("zhang.wei");
	ck_assert_int_eq(pm_people_manager(db, "override"), 0);
}
END_TEST

START_TEST(periods_and_join)
{
	char *argv[] = { "巡查", "正常,", "无异常" };
	pm_time from, to;
	char *s;

	at("2026-11-23T08:00");
	ck_assert_int_eq(pm_people_period(NULL, "this-week", &from, &to), 0);
	ck_assert_int_eq(from, t_("2026-11-23"));
	ck_assert_int_eq(to, t_("2026-11-30"));
	pm_assert_err(pm_people_period("2026-12", NULL, &from, &to),
	    PM_EX_DATAERR, "period '2026-12': in the future");
	ck_assert_int_eq(pm_people_period("2026-11", NULL, &from, &to), 0);
	pm_assert_err(pm_people_period("2026-13", NULL, &from, &to),
	    PM_EX_USAGE, "2026-13");
	ck_assert_ptr_nonnull(s = pm_people_join(3, argv));
	ck_assert_str_eq(s, "巡查 正常, 无异常");
	sqlite3_free(s);
}
END_TEST

Suite *
people_suite(void)
{
	Suite *s = suite_create("people");
	TCase *tc;

	tc = tcase_create("rates");
	tcase_add_test(tc, rate_figures);
	tcase_add_test(tc, rate_output);
	tcase_add_test(tc, weeks);
	suite_add_tcase(s, tc);

	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, people_setup, people_teardown);
	tcase_add_test(tc, roster_history);
	tcase_add_test(tc, facts_find_and_void);
	tcase_add_test(tc, checks);
	tcase_add_test(tc, periods_and_join);
	suite_add_tcase(s, tc);
	return s;
}
