/*
 * peopletest.h - the estate the people-side suites share (check_people,
 * check_visit, check_train, check_survey, check_duty, check_gate): a
 * small estate inserted with SQL, so the suites do not depend on the
 * estate loader, and the clock and acting staff member set per test.
 *
 * The week the tests walk through is Monday 2026-11-23 to Sunday
 * 2026-11-29; 2026-11-28 is made a make-up working day (调休) and
 * 2026-11-25 a holiday, so the working days of the week are the 23rd,
 * 24th, 26th, 27th and 28th.
 */
#ifndef PM_PEOPLETEST_H
#define PM_PEOPLETEST_H

#include "pmtest.h"
#include "clock.h"

static const char people_estate_sql[] =
    "INSERT INTO departments(code, name) VALUES ('service', '客服部'),"
    " ('engineering', '工程部'), ('security', '秩序部'),"
    " ('cleaning', '保洁部');"
    "INSERT INTO staff(login, name, department, role, phone, retired) VALUES"
    " ('zhang.wei', '张伟', 'service', 'manager', '13812345601', 0),"
    " ('li.na', '李娜', 'service', 'supervisor', NULL, 0),"
    " ('wang.fang', '王芳', 'service', 'lead', NULL, 0),"
    " ('chen.jing', '陈静', 'service', 'staff', NULL, 0),"
    " ('liu.yang', '刘洋', 'service', 'staff', NULL, 0),"
    " ('wu.gang', '吴刚', 'engineering', 'staff', NULL, 0),"
    " ('song.tao', '宋涛', 'security', 'lead', NULL, 0),"
    " ('xie.bin', '谢斌', 'security', 'staff', NULL, 0),"
    " ('han.dong', '韩东', 'security', 'staff', NULL, 0),"
    " ('tang.kai', '唐凯', 'security', 'staff', NULL, 0),"
    " ('old.hand', '老手', 'service', 'staff', NULL, 1);"
    "INSERT INTO buildings(code, name) VALUES ('3', '3号楼'), ('5', '5号楼');"
    "INSERT INTO units(code, building, entrance, floor, area, occupancy,"
    " owner_name, owner_phone) VALUES"
    " ('3-1-101', '3', 1, 1, 8950, 'occupied', '赵一', '13900000001'),"
    " ('3-1-102', '3', 1, 1, 8950, 'occupied', '钱二', NULL),"
    " ('3-1-201', '3', 1, 2, 8950, 'rented', '孙三', NULL),"
    " ('3-1-202', '3', 1, 2, 8950, 'occupied', '李四', NULL),"
    " ('3-1-301', '3', 1, 3, 8950, 'vacant', NULL, NULL),"
    " ('3-1-302', '3', 1, 3, 8950, 'occupied', '周五', NULL),"
    " ('5-1-101', '5', 1, 1, 8950, 'occupied', '吴六', NULL),"
    " ('5-1-102', '5', 1, 1, 8950, 'occupied', '郑七', NULL);"
    "INSERT INTO units(code, kind, name, area) VALUES"
    " ('P-FIRE', 'public', '消防控制室', 4500),"
    " ('P-GATE-N', 'public', '北门岗亭', 0);"
    "INSERT INTO categories(code, name, kind, department) VALUES"
    " ('public-lighting', '公共照明', 'repair', 'engineering'),"
    " ('noise', '噪音', 'complaint', 'security');"
    "INSERT INTO calendar_days(date, working, name) VALUES"
    " ('2026-11-25', 0, '测试假日'), ('2026-11-28', 1, '测试调休');"
    "INSERT INTO kpi_targets(kpi, target) VALUES ('owner_satisfaction', 9000);"
    "INSERT INTO visit_quotas(key, department, role, per, households, days,"
    " from_day) VALUES"
    " ('service staff day -', 'service', 'staff', 'day', 5, 'working', ''),"
    " ('service lead day -', 'service', 'lead', 'day', 5, 'working', ''),"
    " ('* manager month -', '', 'manager', 'month', 5, 'working', '');"
    "INSERT INTO training_quotas(key, department, min_sessions,"
    " max_sessions, from_day) VALUES"
    " ('service -', 'service', 1, 2, ''),"
    " ('security -', 'security', 3, 5, '');"
    /* The quotas and targets in force from the year's start (0012). */
    "INSERT INTO audit(at, who, program, verb, tbl, row_id, summary)"
    " SELECT '2026-01-01T00:00:00Z', 'check', 'pm-db', 'apply',"
    " 'visit_quotas', key, 'added' FROM visit_quotas UNION ALL"
    " SELECT '2026-01-01T00:00:00Z', 'check', 'pm-db', 'apply',"
    " 'training_quotas', key, 'added' FROM training_quotas UNION ALL"
    " SELECT '2026-01-01T00:00:00Z', 'check', 'pm-db', 'apply',"
    " 'kpi_targets', kpi, 'added' FROM kpi_targets;"
    "INSERT INTO survey_lines(code, name, target, position) VALUES"
    " ('repairs', '维修服务', 9500, 1), ('security', '公共秩序', 9000, 2),"
    " ('cleaning', '保洁服务', 9000, 3);"
    "INSERT INTO duty_posts(code, name, place, min_staff, log_every) VALUES"
    " ('fire-control', '消防控制室', 'P-FIRE', 2, 7200),"
    " ('gate-north', '北门岗', 'P-GATE-N', 1, 0),"
    " ('patrol', '巡逻岗', NULL, 0, 0);"
    /* The posts' rules in force from the year's start too (0016). */
    "INSERT INTO audit(at, who, program, verb, tbl, row_id, summary)"
    " SELECT '2026-01-01T00:00:00Z', 'check', 'pm-db', 'apply',"
    " 'duty_posts', code, 'added' FROM duty_posts;";

static struct pm_db *db;

static inline void
at(const char *now)
{
	ck_assert_int_eq(setenv("PM_NOW", now, 1), 0);
}

static inline void
as(const char *login)
{
	pm_db_set_actor(db, "check", "test", login);
}

static void
people_setup(void)
{
	unsetenv("PM_NOW");
	pm_err_clear();
	db = pm_test_db();
	ck_assert_msg(pm_db_exec(db, people_estate_sql) == 0, "%s",
	    pm_err_msg());
	as("zhang.wei");
	at("2026-11-23T08:00");
}

static void
people_teardown(void)
{
	pm_db_close(db);
	db = NULL;
	unsetenv("PM_NOW");
}

/* A time as pm_time_parse() reads it, or the test fails. */
static inline pm_time
t_(const char *s)
{
	pm_time t;

	ck_assert_msg(pm_time_parse(s, &t) == 0, "time %s: %s", s,
	    pm_err_msg());
	return t;
}

/* Run 'sql', which must succeed. */
static inline void
sql_ok(const char *sql)
{
	ck_assert_msg(pm_db_exec(db, sql) == 0, "%s: %s", sql, pm_err_msg());
}

#endif
