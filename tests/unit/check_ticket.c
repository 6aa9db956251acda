/*
 * check_ticket.c - the service desk: levels, deadlines (through the
 * ticket layer, with the estate's working calendar), the lifecycle and
 * every transition it refuses, the callback roles, and the lists.
 *
 * Each test gets a fresh in-memory database holding a small estate,
 * inserted with SQL so the tests do not depend on the estate loader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pmtest.h"
#include "clock.h"
#include "ticket.h"

static struct pm_db *db;

/*
 * Working hours 08:30-12:00 and 13:30-17:30 (7.5 h a day), and the 2026
 * calendar days the tests walk through: the Spring Festival with its
 * make-up Saturdays, the National Day week with its make-up Saturday.
 */
static const char estate_sql[] =
    "INSERT INTO meta VALUES ('working_hours', '08:30-12:00,13:30-17:30');"
    "INSERT INTO departments(code, name) VALUES ('service', '客服部'),"
    " ('engineering', '工程部');"
    "INSERT INTO staff(login, name, department, role, retired) VALUES"
    " ('zhang.wei', '张伟', 'service', 'staff', 0),"
    " ('li.na', '李娜', 'service', 'supervisor', 0),"
    " ('chen.jing', '陈静', 'service', 'manager', 0),"
    " ('wang.qiang', '王强', 'engineering', 'staff', 0),"
    " ('zhao.lei', '赵磊', 'engineering', 'lead', 0),"
    " ('old.hand', '老手', 'engineering', 'staff', 1);"
    "INSERT INTO buildings(code, name) VALUES ('3', '3号楼');"
    "INSERT INTO units(code, building, entrance, floor, area) VALUES"
    " ('3-1-501', '3', 1, 5, 8950), ('3-1-502', '3', 1, 5, 8950),"
    " ('3-1-601', '3', 1, 6, 8950);"
    "INSERT INTO units(code, kind, name, retired) VALUES"
    " ('P-GATE-N', 'public', '北门岗亭', 0), ('P-OLD', 'public', '旧亭', 1);"
    "INSERT INTO categories(code, name, kind, urgent, emergency, department,"
    " retired) VALUES"
    " ('water-leak', '漏水', 'repair', 0, 1, 'engineering', 0),"
    " ('water-outage', '停水', 'repair', 1, 1, 'engineering', 0),"
    " ('door-lock', '门锁', 'repair', 0, 0, 'engineering', 0),"
    " ('noise', '噪音', 'complaint', 0, 0, 'service', 0),"
    " ('fee-question', '收费咨询', 'inquiry', 0, 0, 'service', 0),"
    " ('idea', '建议', 'suggestion', 0, 0, 'service', 0),"
    " ('other', '其他', NULL, 0, 0, 'service', 0),"
    " ('gone', '旧类', 'repair', 0, 0, 'service', 1);"
    "INSERT INTO sla(name, seconds, clock) VALUES"
    " ('notice_level1', 300, 'calendar'), ('notice_level2', 600, 'calendar'),"
    " ('onsite', 1800, 'calendar'), ('same_day', 0, 'calendar'),"
    " ('feedback', 54000, 'working'), ('completion', 135000, 'working'),"
    " ('repeat_window', 2592000, 'calendar');"
    "INSERT INTO calendar_days(date, working, name) VALUES"
    " ('2026-02-14', 1, '春节调休'), ('2026-02-15', 0, '春节'),"
    " ('2026-02-16', 0, '春节'), ('2026-02-17', 0, '春节'),"
    " ('2026-02-18', 0, '春节'), ('2026-02-19', 0, '春节'),"
    " ('2026-02-20', 0, '春节'), ('2026-02-21', 0, '春节'),"
    " ('2026-02-22', 0, '春节'), ('2026-02-23', 0, '春节'),"
    " ('2026-02-28', 1, '春节调休'),"
    " ('2026-10-01', 0, '国庆节'), ('2026-10-02', 0, '国庆节'),"
    " ('2026-10-03', 0, '国庆节'), ('2026-10-04', 0, '国庆节'),"
    " ('2026-10-05', 0, '国庆节'), ('2026-10-06', 0, '国庆节'),"
    " ('2026-10-07', 0, '国庆节'), ('2026-10-10', 1, '国庆节调休');";

static void
at(const char *now)
{
	ck_assert_int_eq(setenv("PM_NOW", now, 1), 0);
}

static void
as(const char *login)
{
	pm_db_set_actor(db, "check", "test", login);
}

static void
setup(void)
{
	unsetenv("PM_NOW");
	pm_err_clear();
	db = pm_test_db();
	ck_assert_msg(pm_db_exec(db, estate_sql) == 0, "%s", pm_err_msg());
	as("zhang.wei");
}

static void
teardown(void)
{
	pm_db_close(db);
	db = NULL;
	unsetenv("PM_NOW");
}

/* Add a ticket now (PM_NOW); returns its id. */
static int64_t
add(const char *category, const char *unit, const char *kind)
{
	struct pm_ticket_new n;
	int64_t id = 0;

	memset(&n, 0, sizeof n);
	n.category = category;
	n.unit = unit;
	n.kind = kind;
	n.description = "厨房水管漏水";
	ck_assert_msg(pm_ticket_add(db, &n, &id) == 0, "add: %s",
	    pm_err_msg());
	return id;
}

static int
add_rc(const char *category, const char *unit, const char *kind,
    const char *desc)
{
	struct pm_ticket_new n;
	int64_t id;

	memset(&n, 0, sizeof n);
	n.category = category;
	n.unit = unit;
	n.kind = kind;
	n.description = desc;
	return pm_ticket_add(db, &n, &id);
}

/* The ticket's deadline 'k' as local time ("" when it has none). */
static void
assert_due(int64_t id, enum pm_ticket_due k, const char *want)
{
	char buf[PM_TIME_LOCAL_LEN];
	struct pm_ticket t;

	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	if (t.due[k] == 0)
		buf[0] = '\0';
	else
		pm_time_local(t.due[k], buf);
	ck_assert_msg(strcmp(buf, want) == 0, "ticket %lld %s due '%s', want "
	    "'%s'", (long long)id, pm_ticket_due_name(k), buf, want);
	pm_ticket_release(&t);
}

static void
assert_status(int64_t id, const char *want)
{
	struct pm_ticket t;

	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.status, want);
	pm_ticket_release(&t);
}

static int
level_of(int64_t id)
{
	struct pm_ticket t;
	int level;

	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	level = t.level;
	pm_ticket_release(&t);
	return level;
}

static int64_t
count(const char *sql)
{
	sqlite3_stmt *st;
	int64_t n;

	ck_assert_int_eq(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * Deadlines.
 */

START_TEST(deadlines_routine)
{
	int64_t id;

	/* Monday 09:00, an emergency repair (on site in 30 minutes). */
	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	ck_assert_int_eq(level_of(id), 3);
	assert_due(id, PM_DUE_NOTICE, "");
	assert_due(id, PM_DUE_ONSITE, "2026-11-23T09:30");
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-24T00:00");
	/* 2 working days of 7.5 h: Monday 09:00 to Wednesday 09:00. */
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T09:00");
	assert_due(id, PM_DUE_COMPLETION, "2026-11-30T09:00");
	/* A repair that is not an emergency has no on-site deadline. */
	id = add("door-lock", "3-1-501", NULL);
	assert_due(id, PM_DUE_ONSITE, "");
}
END_TEST

START_TEST(deadlines_across_midnight)
{
	int64_t id;

	/* Level 1 two minutes before midnight: the notice is tomorrow. */
	at("2026-11-23T23:58");
	id = add("water-outage", "3-1-502", NULL);
	ck_assert_int_eq(level_of(id), 1);
	assert_due(id, PM_DUE_NOTICE, "2026-11-24T00:03");
	assert_due(id, PM_DUE_ONSITE, "2026-11-24T00:28");
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-24T00:00");
	/* Working time starts Tuesday 08:30: two full days. */
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T17:30");
	assert_due(id, PM_DUE_COMPLETION, "2026-11-30T17:30");
}
END_TEST

START_TEST(deadlines_across_holiday)
{
	int64_t id;

	/*
	 * Wednesday 30 September 10:00: 6 h left that day, then the
	 * National Day week (1-7 October) counts nothing, and Saturday
	 * 10 October is a make-up working day.
	 */
	at("2026-09-30T10:00");
	id = add("door-lock", "3-1-502", NULL);
	assert_due(id, PM_DUE_SAME_DAY, "2026-10-01T00:00");
	assert_due(id, PM_DUE_FEEDBACK, "2026-10-09T10:00");
	assert_due(id, PM_DUE_COMPLETION, "2026-10-13T10:00");
}
END_TEST

START_TEST(deadlines_on_makeup_saturday)
{
	int64_t id;

	/* Saturday 14 February is a working day (调休): 7 h count today. */
	at("2026-02-14T09:00");
	id = add("door-lock", "3-1-502", NULL);
	/* Then the Spring Festival, 15-23 February, counts nothing. */
	assert_due(id, PM_DUE_FEEDBACK, "2026-02-25T09:00");
	/* An ordinary Saturday counts nothing: Monday 08:30 on. */
	at("2026-03-07T09:00");
	id = add("door-lock", "3-1-501", NULL);
	assert_due(id, PM_DUE_FEEDBACK, "2026-03-10T17:30");
}
END_TEST

START_TEST(deadlines_pause_resume)
{
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	/* Paused at 09:10 with 20 minutes left to be on site. */
	at("2026-11-23T09:10");
	ck_assert_int_eq(pm_ticket_wait(db, id, "owner"), 0);
	assert_status(id, "waiting");
	at("2026-11-23T10:10");
	ck_assert_int_eq(pm_ticket_resume(db, id), 0);
	assert_status(id, "new");
	assert_due(id, PM_DUE_ONSITE, "2026-11-23T10:30");
	/* Each deadline moves on its own clock: one hour either way here. */
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-24T01:00");
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T10:00");
	assert_due(id, PM_DUE_COMPLETION, "2026-11-30T10:00");
	/*
	 * Paused overnight, from Monday 17:00 to Tuesday 09:00: 16 hours
	 * of calendar time but only one working hour.
	 */
	at("2026-11-23T17:00");
	ck_assert_int_eq(pm_ticket_wait(db, id, "parts"), 0);
	at("2026-11-24T09:00");
	ck_assert_int_eq(pm_ticket_resume(db, id), 0);
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T11:00");
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-24T17:00");
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.paused_seconds, 3600 + 16 * 3600);
	ck_assert_ptr_null(t.wait_reason);
	pm_ticket_release(&t);
	/* Both pauses are in the history with their reasons. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'wait' AND detail = 'waiting for parts'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'resume' AND detail = 'paused 16h'"), 1);
}
END_TEST

START_TEST(deadlines_met_do_not_move)
{
	int64_t id;

	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	at("2026-11-23T09:20");
	ck_assert_int_eq(pm_ticket_start(db, id), 0);	/* on site */
	ck_assert_int_eq(pm_ticket_wait(db, id, "parts"), 0);
	at("2026-11-23T11:20");
	ck_assert_int_eq(pm_ticket_resume(db, id), 0);
	assert_status(id, "in_progress");
	/* Met before the pause: stays. */
	assert_due(id, PM_DUE_ONSITE, "2026-11-23T09:30");
	assert_due(id, PM_DUE_COMPLETION, "2026-11-30T11:00");
}
END_TEST

START_TEST(deadlines_in_estate_zone)
{
	char buf[PM_TIME_UTC_LEN];
	struct pm_ticket t;
	int64_t id;

	/* Whatever TZ says, the day ends at midnight in Shanghai. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(pm_time_utc(t.received, buf), "2026-11-23T01:00:00Z");
	ck_assert_str_eq(pm_time_utc(t.due[PM_DUE_SAME_DAY], buf),
	    "2026-11-23T16:00:00Z");
	ck_assert_str_eq(pm_time_utc(t.due[PM_DUE_FEEDBACK], buf),
	    "2026-11-25T01:00:00Z");
	pm_ticket_release(&t);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " same_day_due = '2026-11-23T16:00:00Z'"), 1);
	setenv("TZ", "Asia/Shanghai", 1);
}
END_TEST

START_TEST(deadlines_sla_defaults)
{
	int64_t id;

	/* An estate with no sla rows gets the defaults of DESIGN.md. */
	ck_assert_int_eq(pm_db_exec(db, "DELETE FROM sla"), 0);
	at("2026-11-23T09:00");
	id = add("water-outage", "3-1-502", NULL);
	assert_due(id, PM_DUE_NOTICE, "2026-11-23T09:05");
	assert_due(id, PM_DUE_ONSITE, "2026-11-23T09:30");
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T09:00");
	/* A working-clock same-day rule counts working time instead. */
	ck_assert_int_eq(pm_db_exec(db, "INSERT INTO sla VALUES"
	    " ('same_day', 3600, 'working'), ('onsite', 7200, 'working')"), 0);
	at("2026-11-23T11:30");
	id = add("water-leak", "3-1-501", NULL);
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-23T14:00");
	assert_due(id, PM_DUE_ONSITE, "2026-11-23T15:00");
}
END_TEST

/*
 * Levels.
 */

START_TEST(level_urgent)
{
	int64_t id;

	at("2026-11-23T09:00");
	id = add("water-outage", "P-GATE-N", NULL);
	ck_assert_int_eq(level_of(id), 1);
	assert_due(id, PM_DUE_NOTICE, "2026-11-23T09:05");
}
END_TEST

START_TEST(level_repeat)
{
	struct pm_ticket t;
	int64_t first, id;

	at("2026-11-01T10:00");
	first = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(level_of(first), 3);
	/* 29 days later, same unit, same category: a repeat. */
	at("2026-11-30T10:00");
	id = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(level_of(id), 2);
	assert_due(id, PM_DUE_NOTICE, "2026-11-30T10:10");
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.level_reason, "repeat of ticket 1 within 30d");
	pm_ticket_release(&t);
	/* Another unit or another category is not a repeat. */
	ck_assert_int_eq(level_of(add("door-lock", "3-1-501", NULL)), 3);
	ck_assert_int_eq(level_of(add("water-leak", "3-1-502", NULL)), 3);
}
END_TEST

START_TEST(level_repeat_window_ends)
{
	int64_t id;

	at("2026-10-01T10:00");
	add("door-lock", "3-1-502", NULL);
	/* 30 days and a minute: outside the window. */
	at("2026-10-31T10:01");
	id = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(level_of(id), 3);
	/* Exactly 30 days after that one: inside. */
	at("2026-11-30T10:01");
	ck_assert_int_eq(level_of(add("door-lock", "3-1-502", NULL)), 2);
}
END_TEST

START_TEST(level_repeat_ignores_cancelled)
{
	int64_t id;

	at("2026-11-01T10:00");
	id = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_cancel(db, id, "entered twice"), 0);
	at("2026-11-02T10:00");
	ck_assert_int_eq(level_of(add("door-lock", "3-1-502", NULL)), 3);
}
END_TEST

/*
 * A ticket is a repeat of earlier ones only; one added later with an
 * earlier received time leaves the levels already given as they are.
 */
START_TEST(level_repeat_backdated)
{
	struct pm_ticket_new n;
	int64_t later, early;

	at("2026-11-20T10:00");
	later = add("door-lock", "3-1-502", NULL);
	at("2026-11-23T10:00");
	memset(&n, 0, sizeof n);
	n.category = "door-lock";
	n.unit = "3-1-502";
	n.description = "补录: 门锁坏了";
	ck_assert_int_eq(pm_time_parse("2026-11-19T10:00", &n.received), 0);
	ck_assert_int_eq(pm_ticket_add(db, &n, &early), 0);
	ck_assert_int_eq(level_of(early), 3);
	ck_assert_int_eq(level_of(later), 3);
	/* A new one now is a repeat of the latest before it. */
	ck_assert_int_eq(level_of(add("door-lock", "3-1-502", NULL)), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " level_reason = 'repeat of ticket 1 within 30d'"), 1);
}
END_TEST

START_TEST(level_escalate)
{
	struct pm_ticket t;
	int64_t id, r;

	at("2026-11-23T09:00");
	id = add("noise", "3-1-502", NULL);
	ck_assert_int_eq(level_of(id), 3);
	assert_due(id, PM_DUE_NOTICE, "");
	/* An escalated complaint is level 1, its notice due from now. */
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_escalate(db, id, 0, "业主再次投诉"), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.level, 1);
	ck_assert_int_eq(t.escalated, 1);
	ck_assert_str_eq(t.level_reason, "escalated: 业主再次投诉");
	ck_assert_str_eq(t.status, "new");
	pm_ticket_release(&t);
	assert_due(id, PM_DUE_NOTICE, "2026-11-23T10:05");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'escalate' AND detail = 'level 3 -> 1: 业主再次投诉'"),
	    1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " tbl = 'tickets' AND summary LIKE 'escalate%'"), 1);

	/* A repair goes up one step at a time, or to the level given. */
	r = add("door-lock", "3-1-501", NULL);
	ck_assert_int_eq(pm_ticket_escalate(db, r, 0, "slow"), 0);
	ck_assert_int_eq(level_of(r), 2);
	assert_due(r, PM_DUE_NOTICE, "2026-11-23T10:10");
	pm_assert_err(pm_ticket_escalate(db, r, 3, "wrong way"),
	    PM_EX_DATAERR, "level 3 does not raise its level 2");
	pm_assert_err(pm_ticket_escalate(db, r, 2, "same"), PM_EX_DATAERR,
	    "does not raise");
	ck_assert_int_eq(pm_ticket_escalate(db, r, 1, "still slow"), 0);
	ck_assert_int_eq(level_of(r), 1);
	/* At level 1 it can be escalated again: a new notice. */
	at("2026-11-23T11:00");
	ck_assert_int_eq(pm_ticket_escalate(db, r, 0, "again"), 0);
	assert_due(r, PM_DUE_NOTICE, "2026-11-23T11:05");
	pm_assert_err(pm_ticket_escalate(db, r, 0, NULL), PM_EX_USAGE,
	    "a reason is needed");
}
END_TEST

/*
 * The lifecycle.
 */

START_TEST(lifecycle_repair)
{
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	assert_status(id, "new");
	at("2026-11-23T09:05");
	ck_assert_int_eq(pm_ticket_assign(db, id, "wang.qiang"), 0);
	assert_status(id, "assigned");
	as("wang.qiang");
	at("2026-11-23T09:25");
	ck_assert_int_eq(pm_ticket_start(db, id), 0);
	ck_assert_int_eq(pm_ticket_note(db, id, "换了阀门", 0), 0);
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_resolve(db, id, "已修好"), 0);
	as("li.na");
	at("2026-11-24T10:00");
	ck_assert_int_eq(pm_ticket_callback(db, id, "满意", "师傅很好"), 0);
	ck_assert_int_eq(pm_ticket_close(db, id), 0);

	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.status, "closed");
	/* First-ask responsibility: the receiver stays. */
	ck_assert_str_eq(t.receiver, "zhang.wei");
	ck_assert_str_eq(t.assignee, "wang.qiang");
	ck_assert_str_eq(t.satisfaction, "satisfied");
	ck_assert_str_eq(t.callback_by, "li.na");
	ck_assert_str_eq(t.callback_comment, "师傅很好");
	ck_assert_int_ne(t.met[PM_DUE_ONSITE], 0);
	ck_assert_int_eq(t.met[PM_DUE_FEEDBACK], t.met[PM_DUE_ONSITE] - 20 * 60);
	ck_assert_int_ne(t.resolved, 0);
	ck_assert_int_ne(t.closed, 0);
	pm_ticket_release(&t);
	/* One history row and one audit row for every step. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history"), 7);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " tbl = 'tickets' AND row_id = '1'"), 7);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'start' AND who = 'wang.qiang' AND from_status ="
	    " 'assigned' AND to_status = 'in_progress'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " summary = 'assign new -> assigned: wang.qiang' AND"
	    " who = 'zhang.wei'"), 1);
}
END_TEST

START_TEST(lifecycle_reassign_reopen)
{
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	id = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_assign(db, id, "wang.qiang"), 0);
	ck_assert_int_eq(pm_ticket_start(db, id), 0);
	/* Another hand takes over: back to assigned. */
	ck_assert_int_eq(pm_ticket_assign(db, id, "zhao.lei"), 0);
	assert_status(id, "assigned");
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	as("li.na");
	ck_assert_int_eq(pm_ticket_callback(db, id, "dissatisfied", "还在响"),
	    0);
	assert_status(id, "called_back");
	ck_assert_int_eq(pm_ticket_reopen(db, id, "still broken"), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.status, "assigned");
	ck_assert_int_eq(t.reopen_count, 1);
	ck_assert_int_eq(t.resolved, 0);
	ck_assert_ptr_null(t.satisfaction);
	ck_assert_str_eq(t.assignee, "zhao.lei");
	ck_assert_str_eq(t.receiver, "zhang.wei");
	pm_ticket_release(&t);
	/* After the fix, a new callback, then close; reopen again. */
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	pm_assert_err(pm_ticket_close(db, id), PM_EX_DATAERR,
	    "needs a callback");
	ck_assert_int_eq(pm_ticket_callback(db, id, "basic", NULL), 0);
	ck_assert_int_eq(pm_ticket_close(db, id), 0);
	ck_assert_int_eq(pm_ticket_reopen(db, id, NULL), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.reopen_count, 2);
	ck_assert_int_eq(t.closed, 0);
	pm_ticket_release(&t);
}
END_TEST

START_TEST(lifecycle_inquiry_closes_without_callback)
{
	int64_t id;

	at("2026-11-23T09:00");
	id = add("fee-question", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_resolve(db, id, "已解答"), 0);
	ck_assert_int_eq(pm_ticket_close(db, id), 0);
	id = add("idea", "P-GATE-N", NULL);
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	ck_assert_int_eq(pm_ticket_close(db, id), 0);
	/* A complaint does need one. */
	id = add("other", "3-1-502", "投诉");
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	pm_assert_err(pm_ticket_close(db, id), PM_EX_DATAERR,
	    "ticket '3': a complaint needs a callback before it is closed");
}
END_TEST

START_TEST(close_without_callback_changes_nothing)
{
	int64_t id, h, a;

	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	h = count("SELECT count(*) FROM ticket_history");
	a = count("SELECT count(*) FROM audit");
	pm_assert_err(pm_ticket_close(db, id), PM_EX_DATAERR,
	    "ticket '1': a repair needs a callback before it is closed");
	assert_status(id, "resolved");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history"), h);
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), a);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " closed_at IS NOT NULL"), 0);
}
END_TEST

/* Put a new ticket into 'status' by the allowed path. */
static int64_t
ticket_in(const char *status)
{
	int64_t id = add("door-lock", "3-1-502", NULL);

	as("li.na");
	if (strcmp(status, "new") == 0)
		return id;
	if (strcmp(status, "cancelled") == 0) {
		ck_assert_int_eq(pm_ticket_cancel(db, id, "dup"), 0);
		return id;
	}
	if (strcmp(status, "waiting") == 0) {
		ck_assert_int_eq(pm_ticket_wait(db, id, "owner"), 0);
		return id;
	}
	ck_assert_int_eq(pm_ticket_assign(db, id, "wang.qiang"), 0);
	if (strcmp(status, "assigned") == 0)
		return id;
	ck_assert_int_eq(pm_ticket_start(db, id), 0);
	if (strcmp(status, "in_progress") == 0)
		return id;
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	if (strcmp(status, "resolved") == 0)
		return id;
	ck_assert_int_eq(pm_ticket_callback(db, id, "satisfied", NULL), 0);
	if (strcmp(status, "called_back") == 0)
		return id;
	ck_assert_int_eq(pm_ticket_close(db, id), 0);
	return id;
}

static int
verb(int v, int64_t id)
{
	switch (v) {
	case 0: return pm_ticket_assign(db, id, "zhao.lei");
	case 1: return pm_ticket_start(db, id);
	case 2: return pm_ticket_wait(db, id, "parts");
	case 3: return pm_ticket_resume(db, id);
	case 4: return pm_ticket_resolve(db, id, NULL);
	case 5: return pm_ticket_reopen(db, id, NULL);
	case 6: return pm_ticket_callback(db, id, "satisfied", NULL);
	case 7: return pm_ticket_close(db, id);
	case 8: return pm_ticket_cancel(db, id, "no longer needed");
	case 9: return pm_ticket_escalate(db, id, 1, "urgent now");
	default: return pm_ticket_note(db, id, "a note", 0);
	}
}

START_TEST(transitions_table)
{
	static const char *const statuses[] = {
		"new", "assigned", "in_progress", "waiting", "resolved",
		"called_back", "closed", "cancelled"
	};
	static const char *const verbs[] = {
		"assign", "start", "wait", "resume", "resolve", "reopen",
		"callback", "close", "cancel", "escalate", "note"
	};
	/* allowed[verb][status], in the orders above. */
	static const int allowed[11][8] = {
		/* assign */   { 1, 1, 1, 0, 0, 0, 0, 0 },
		/* start */    { 1, 1, 0, 0, 0, 0, 0, 0 },
		/* wait */     { 1, 1, 1, 0, 0, 0, 0, 0 },
		/* resume */   { 0, 0, 0, 1, 0, 0, 0, 0 },
		/* resolve */  { 1, 1, 1, 0, 0, 0, 0, 0 },
		/* reopen */   { 0, 0, 0, 0, 1, 1, 1, 0 },
		/* callback */ { 0, 0, 0, 0, 1, 0, 0, 0 },
		/* close */    { 0, 0, 0, 0, 0, 1, 0, 0 },
		/* cancel */   { 1, 1, 1, 1, 0, 0, 0, 0 },
		/* escalate */ { 1, 1, 1, 1, 1, 1, 0, 0 },
		/* note */     { 1, 1, 1, 1, 1, 1, 1, 1 },
	};
	char want[128];
	int64_t id, h;
	int v, s, rc;

	at("2026-11-23T09:00");
	for (v = 0; v < 11; v++)
		for (s = 0; s < 8; s++) {
			as("zhang.wei");
			id = ticket_in(statuses[s]);
			h = count("SELECT count(*) FROM ticket_history");
			rc = verb(v, id);
			if (allowed[v][s]) {
				ck_assert_msg(rc == 0, "%s from %s: %s",
				    verbs[v], statuses[s], pm_err_msg());
				continue;
			}
			/* A resolved repair may not close for its own reason. */
			if (v == 7 && s == 4)
				snprintf(want, sizeof want, "ticket '%lld': a "
				    "repair needs a callback", (long long)id);
			else
				snprintf(want, sizeof want, "ticket '%lld' is "
				    "%s: cannot ", (long long)id, statuses[s]);
			ck_assert_msg(rc == PM_EX_DATAERR, "%s from %s: %d",
			    verbs[v], statuses[s], rc);
			ck_assert_msg(strstr(pm_err_msg(), want) != NULL,
			    "%s from %s: '%s'", verbs[v], statuses[s],
			    pm_err_msg());
			assert_status(id, statuses[s]);
			ck_assert_int_eq(count("SELECT count(*) FROM"
			    " ticket_history"), h);
		}
	/* A waiting ticket says how to go on. */
	id = ticket_in("waiting");
	pm_assert_err(pm_ticket_resolve(db, id, NULL), PM_EX_DATAERR,
	    "is waiting: cannot resolve it (resume it first)");
}
END_TEST

START_TEST(transition_errors)
{
	int64_t id;

	at("2026-11-23T09:00");
	id = add("door-lock", "3-1-502", NULL);
	pm_assert_err(pm_ticket_start(db, 99), PM_EX_NOINPUT,
	    "ticket '99': no such ticket");
	pm_assert_err(pm_ticket_assign(db, id, "nobody"), PM_EX_DATAERR,
	    "staff 'nobody': no such staff member");
	pm_assert_err(pm_ticket_assign(db, id, "old.hand"), PM_EX_DATAERR,
	    "staff 'old.hand': retired");
	pm_assert_err(pm_ticket_cancel(db, id, NULL), PM_EX_USAGE,
	    "cancel: a reason is needed");
	pm_assert_err(pm_ticket_cancel(db, id, ""), PM_EX_USAGE,
	    "a reason is needed");
	pm_assert_err(pm_ticket_wait(db, id, NULL), PM_EX_USAGE,
	    "a reason is needed");
	pm_assert_err(pm_ticket_note(db, id, "", 0), PM_EX_DATAERR,
	    "note: empty");
	pm_assert_err(pm_ticket_callback(db, id, "happy", NULL), PM_EX_DATAERR,
	    "satisfaction 'happy': not a satisfaction");
	/* Only staff act on tickets. */
	as("stranger");
	pm_assert_err(pm_ticket_start(db, id), PM_EX_DATAERR,
	    "staff 'stranger': no such staff member");
	assert_status(id, "new");
}
END_TEST

/* A cancelled wait leaves no pause behind; the history keeps it. */
START_TEST(cancel_clears_wait)
{
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	id = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_wait(db, id, "parts"), 0);
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_cancel(db, id, "业主撤回"), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.status, "cancelled");
	ck_assert_int_eq(t.paused, 0);
	ck_assert_ptr_null(t.wait_reason);
	ck_assert_ptr_null(t.resume_status);
	pm_ticket_release(&t);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'wait' AND detail = 'waiting for parts'"), 1);
}
END_TEST

START_TEST(note_feedback)
{
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	id = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_note(db, id, "plain note", 0), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.met[PM_DUE_FEEDBACK], 0);
	pm_ticket_release(&t);
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_note(db, id, "已电话告知业主", 1), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.met[PM_DUE_FEEDBACK], t.received + 3600);
	ck_assert_str_eq(t.status, "new");
	pm_ticket_release(&t);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'feedback'"), 1);
}
END_TEST

/*
 * Callbacks and roles.
 */

START_TEST(callback_roles)
{
	int64_t c, e, r;

	at("2026-11-23T09:00");
	c = add("noise", "3-1-502", NULL);
	e = add("noise", "3-1-501", NULL);
	r = add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_escalate(db, e, 0, "业主投诉升级"), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, c, NULL), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, e, NULL), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, r, NULL), 0);

	/* A complaint: a customer-service supervisor, or the manager. */
	as("zhang.wei");
	pm_assert_err(pm_ticket_callback(db, c, "satisfied", NULL),
	    PM_EX_NOPERM, "ticket '1': a complaint is called back by a "
	    "customer-service supervisor (department 'service') or a "
	    "manager, not by 'zhang.wei' (staff, service)");
	as("zhao.lei");
	pm_assert_err(pm_ticket_callback(db, c, "satisfied", NULL),
	    PM_EX_NOPERM, "(lead, engineering)");
	/* A supervisor of another department may not (DESIGN.md 5). */
	ck_assert_int_eq(pm_db_exec(db, "INSERT INTO staff(login, name,"
	    " department, role) VALUES ('qian.gong', '钱工', 'engineering',"
	    " 'supervisor')"), 0);
	as("qian.gong");
	pm_assert_err(pm_ticket_callback(db, c, "satisfied", NULL),
	    PM_EX_NOPERM, "not by 'qian.gong' (supervisor, engineering)");
	assert_status(c, "resolved");
	as("li.na");
	ck_assert_int_eq(pm_ticket_callback(db, c, "basic", NULL), 0);

	/* An escalated complaint: the manager. */
	pm_assert_err(pm_ticket_callback(db, e, "satisfied", NULL),
	    PM_EX_NOPERM, "an escalated complaint is called back by a "
	    "manager, not by 'li.na' (supervisor, service)");
	assert_status(e, "resolved");
	as("chen.jing");
	ck_assert_int_eq(pm_ticket_callback(db, e, "satisfied", NULL), 0);

	/* A repair: anyone; a dissatisfied answer is recorded as it is. */
	as("zhang.wei");
	ck_assert_int_eq(pm_ticket_callback(db, r, "不满意", "漏水未止"), 0);
	assert_status(r, "called_back");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " satisfaction = 'dissatisfied' AND callback_by = 'zhang.wei'"), 1);
}
END_TEST

/*
 * Adding: what is refused.
 */

START_TEST(add_errors)
{
	struct pm_ticket_new n;
	int64_t id;

	at("2026-11-23T09:00");
	pm_assert_err(add_rc("water-leak", "9-9-999", NULL, "x"),
	    PM_EX_DATAERR, "unit '9-9-999': no such unit");
	pm_assert_err(add_rc("water-leak", "P-OLD", NULL, "x"),
	    PM_EX_DATAERR, "unit 'P-OLD': retired");
	pm_assert_err(add_rc("leak", "3-1-502", NULL, "x"), PM_EX_DATAERR,
	    "category 'leak': no such category");
	pm_assert_err(add_rc("gone", "3-1-502", NULL, "x"), PM_EX_DATAERR,
	    "category 'gone': retired");
	pm_assert_err(add_rc("door-lock", "3-1-502", "praise", "x"),
	    PM_EX_DATAERR, "kind 'praise': not a ticket kind");
	pm_assert_err(add_rc("other", "3-1-502", NULL, "x"), PM_EX_DATAERR,
	    "category 'other' has no kind");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, ""), PM_EX_DATAERR,
	    "description: empty");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "bad \xff byte"),
	    PM_EX_DATAERR, "description: invalid UTF-8 at byte 5");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "\xe6\xbc"),
	    PM_EX_DATAERR, "invalid UTF-8");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "esc\x1b[31m"),
	    PM_EX_DATAERR, "description: control character at byte 4");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "c1 \xc2\x9b"),
	    PM_EX_DATAERR, "control character");
	/* Tab and newline are text. */
	ck_assert_int_eq(add_rc("door-lock", "3-1-502", NULL, "a\tb\nc"), 0);

	memset(&n, 0, sizeof n);
	n.category = "door-lock";
	n.unit = "3-1-502";
	n.description = "x";
	n.source = "fax";
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_DATAERR,
	    "source 'fax': not a source");
	n.source = "walk-in";
	n.receiver = "nobody";
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_DATAERR,
	    "staff 'nobody': no such staff member");
	n.receiver = "old.hand";
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_DATAERR,
	    "staff 'old.hand': retired");
	n.receiver = NULL;
	ck_assert_int_eq(pm_time_parse("2026-11-23T09:01", &n.received), 0);
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_DATAERR,
	    "received time '2026-11-23T09:01': in the future");
	/* Seconds ahead: the message shows the time as it was given. */
	ck_assert_int_eq(pm_time_parse("2026-11-23T09:00:30", &n.received),
	    0);
	n.received_text = "2026-11-23T09:00:30";
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_DATAERR,
	    "received time '2026-11-23T09:00:30': in the future");
	/* Nothing of the refused ones was written. */
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 1);
}
END_TEST

START_TEST(add_fields)
{
	struct pm_ticket_new n;
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	memset(&n, 0, sizeof n);
	n.category = "other";
	n.unit = "P-GATE-N";
	n.kind = "建议";
	n.description = "门口加个雨棚";
	n.source = "online";
	n.receiver = "li.na";
	ck_assert_int_eq(pm_time_parse("2026-11-22T20:00", &n.received), 0);
	ck_assert_int_eq(pm_ticket_add(db, &n, &id), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.kind, "suggestion");
	ck_assert_str_eq(t.source, "online");
	ck_assert_str_eq(t.receiver, "li.na");
	ck_assert_ptr_null(t.assignee);
	ck_assert_int_eq(t.received, n.received);
	pm_ticket_release(&t);
	/* Received the evening before: its same-day deadline is past. */
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-23T00:00");
	/* The history says who typed it in. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " who = 'zhang.wei' AND action = 'add'"), 1);
}
END_TEST

START_TEST(parse_id)
{
	int64_t id;

	ck_assert_int_eq(pm_ticket_parse_id("42", &id), 0);
	ck_assert_int_eq(id, 42);
	ck_assert_int_eq(pm_ticket_parse_id("#7", &id), 0);
	ck_assert_int_eq(id, 7);
	pm_assert_err(pm_ticket_parse_id("abc", &id), PM_EX_DATAERR,
	    "ticket 'abc': not a ticket id");
	pm_assert_err(pm_ticket_parse_id("0", &id), PM_EX_DATAERR, "not a");
	pm_assert_err(pm_ticket_parse_id("-1", &id), PM_EX_DATAERR, "not a");
	pm_assert_err(pm_ticket_parse_id("12x", &id), PM_EX_DATAERR, "not a");
	pm_assert_err(pm_ticket_parse_id("", &id), PM_EX_DATAERR, "not a");
	pm_assert_err(pm_ticket_parse_id("99999999999999999999", &id),
	    PM_EX_DATAERR, "not a");
}
END_TEST

START_TEST(names)
{
	ck_assert_str_eq(pm_ticket_kind("报修"), "repair");
	ck_assert_str_eq(pm_ticket_kind("complaint"), "complaint");
	ck_assert_str_eq(pm_ticket_kind("咨询"), "inquiry");
	ck_assert_ptr_null(pm_ticket_kind("Repair"));
	ck_assert_str_eq(pm_ticket_satisfaction("基本满意"), "basic");
	ck_assert_str_eq(pm_ticket_satisfaction("满意"), "satisfied");
	ck_assert_ptr_null(pm_ticket_satisfaction("ok"));
	ck_assert_str_eq(pm_ticket_source("walk-in"), "walk-in");
	ck_assert_ptr_null(pm_ticket_source("mail"));
}
END_TEST

/*
 * The lists, written as TSV to memory.
 */

static char *outbuf;
static size_t outlen;

static struct pm_out *
out_open(const struct pm_col *cols, int ncols, FILE **fp)
{
	free(outbuf);
	outbuf = NULL;
	ck_assert_ptr_nonnull(*fp = open_memstream(&outbuf, &outlen));
	return pm_out_new(*fp, PM_FMT_TSV, 0, cols, ncols);
}

static const char *
out_done(struct pm_out *o, FILE *fp)
{
	ck_assert_int_eq(pm_out_close(o), 0);
	fclose(fp);
	return outbuf;
}

static const char *
due(int64_t within, int mark, int *n)
{
	struct pm_out *o;
	FILE *fp;

	o = out_open(pm_ticket_due_cols, pm_ticket_due_ncols, &fp);
	ck_assert_msg(pm_ticket_due(db, within, mark, o, n) == 0, "%s",
	    pm_err_msg());
	return out_done(o, fp);
}

static const char *
pending(const char *day)
{
	struct pm_out *o;
	pm_time t;
	FILE *fp;

	ck_assert_int_eq(pm_time_parse(day, &t), 0);
	o = out_open(pm_ticket_pending_cols, pm_ticket_pending_ncols, &fp);
	ck_assert_msg(pm_ticket_pending(db, t, o) == 0, "%s", pm_err_msg());
	return out_done(o, fp);
}

static const char *
list(const struct pm_ticket_filter *f)
{
	struct pm_out *o;
	FILE *fp;

	o = out_open(pm_ticket_list_cols, pm_ticket_list_ncols, &fp);
	ck_assert_msg(pm_ticket_list(db, f, o) == 0, "%s", pm_err_msg());
	return out_done(o, fp);
}

static void
list_teardown(void)
{
	free(outbuf);
	outbuf = NULL;
	teardown();
}

START_TEST(due_and_mark)
{
	int n;

	at("2026-11-23T09:00");
	add("water-outage", "3-1-502", NULL);	/* level 1, emergency */
	add("door-lock", "3-1-501", NULL);	/* level 3 */
	at("2026-11-23T09:04");
	ck_assert_str_eq(due(0, 0, &n), "");
	ck_assert_int_eq(n, 0);
	/* --within: what falls due in the next five minutes. */
	ck_assert_str_eq(due(300, 0, &n), "1\t1\tnotice\t2026-11-23T09:05\t"
	    "-1m\t3-1-502\twater-outage\tzhang.wei\t\t厨房水管漏水\n");
	at("2026-11-23T09:06");
	ck_assert_str_eq(due(0, 1, &n), "1\t1\tnotice\t2026-11-23T09:05\t"
	    "1m\t3-1-502\twater-outage\tzhang.wei\t\t厨房水管漏水\n");
	ck_assert_int_eq(n, 1);
	/* Marked: the next run is quiet, and the notice counts as given. */
	ck_assert_str_eq(due(0, 1, &n), "");
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE id = 1"
	    " AND noticed_at = '2026-11-23T01:06:00Z'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_notices"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_history WHERE"
	    " action = 'due' AND detail = 'notice deadline 2026-11-23T09:05"
	    " reported'"), 1);
	/* Nobody on site by 09:30. */
	at("2026-11-23T09:45");
	ck_assert_str_eq(due(0, 0, &n), "1\t1\tonsite\t2026-11-23T09:30\t"
	    "15m\t3-1-502\twater-outage\tzhang.wei\t\t厨房水管漏水\n");
	ck_assert_int_eq(pm_ticket_start(db, 1), 0);
	ck_assert_str_eq(due(0, 0, &n), "");
	/* Wednesday: ticket 2 had no feedback; Monday after: completion. */
	at("2026-11-30T10:00");
	ck_assert_str_eq(due(0, 0, &n),
	    "2\t3\tfeedback\t2026-11-25T09:00\t5d 1h\t3-1-501\tdoor-lock\t"
	    "zhang.wei\t\t厨房水管漏水\n"
	    "1\t1\tcompletion\t2026-11-30T09:00\t1h\t3-1-502\twater-outage\t"
	    "zhang.wei\tzhang.wei\t厨房水管漏水\n"
	    "2\t3\tcompletion\t2026-11-30T09:00\t1h\t3-1-501\tdoor-lock\t"
	    "zhang.wei\t\t厨房水管漏水\n");
	ck_assert_int_eq(n, 3);
	/* Waiting work has no deadline to miss but its notice. */
	ck_assert_int_eq(pm_ticket_wait(db, 2, "owner"), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	ck_assert_str_eq(due(0, 0, &n), "");
}
END_TEST

START_TEST(due_after_escalation)
{
	int n;

	at("2026-11-23T09:00");
	add("noise", "3-1-502", NULL);
	at("2026-11-23T09:30");
	ck_assert_int_eq(pm_ticket_escalate(db, 1, 2, "center level"), 0);
	at("2026-11-23T09:41");
	ck_assert_str_eq(due(0, 1, &n), "1\t2\tnotice\t2026-11-23T09:40\t"
	    "1m\t3-1-502\tnoise\tzhang.wei\t\t厨房水管漏水\n");
	/* A new level is a new notice, even though one was marked. */
	ck_assert_int_eq(pm_ticket_escalate(db, 1, 1, "manager now"), 0);
	at("2026-11-23T09:47");
	ck_assert_str_eq(due(0, 0, &n), "1\t1\tnotice\t2026-11-23T09:46\t"
	    "1m\t3-1-502\tnoise\tzhang.wei\t\t厨房水管漏水\n");
}
END_TEST

START_TEST(pending_days)
{
	int64_t a, b, c;

	at("2026-11-23T09:00");
	a = add("door-lock", "3-1-502", NULL);
	b = add("fee-question", "3-1-501", NULL);
	c = add("noise", "3-1-601", NULL);
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_resolve(db, b, NULL), 0);
	ck_assert_int_eq(pm_ticket_cancel(db, c, "owner withdrew"), 0);
	ck_assert_int_eq(pm_ticket_assign(db, a, "wang.qiang"), 0);
	/* At the end of the shift, what will not be done today. */
	at("2026-11-23T17:30");
	ck_assert_str_eq(pending("today"), "1\t2026-11-23T09:00\t3\trepair\t"
	    "door-lock\t3-1-502\tassigned\tzhang.wei\twang.qiang\t8h 30m\t"
	    "completion\t2026-11-30T09:00\t厨房水管漏水\n");
	/* Next morning, yesterday's list is as the day ended. */
	at("2026-11-24T11:00");
	ck_assert_int_eq(pm_ticket_resolve(db, a, NULL), 0);
	ck_assert_str_eq(pending("yesterday"), "1\t2026-11-23T09:00\t3\t"
	    "repair\tdoor-lock\t3-1-502\tresolved\tzhang.wei\twang.qiang\t"
	    "15h\tcompletion\t2026-11-30T09:00\t厨房水管漏水\n");
	ck_assert_str_eq(pending("today"), "");
	/* Before the ticket came in, nothing. */
	ck_assert_str_eq(pending("2026-11-22"), "");
}
END_TEST

START_TEST(pending_carries_over)
{
	at("2026-11-20T16:00");
	add("door-lock", "3-1-502", NULL);
	/* Friday's ticket is still on Monday's list, with its age. */
	at("2026-11-23T18:00");
	ck_assert_str_eq(pending("today"), "1\t2026-11-20T16:00\t3\trepair\t"
	    "door-lock\t3-1-502\tnew\tzhang.wei\t\t3d 2h\tfeedback\t"
	    "2026-11-24T16:00\t厨房水管漏水\n");
}
END_TEST

START_TEST(summary_cut)
{
	at("2026-11-23T09:00");
	ck_assert_int_eq(add_rc("door-lock", "3-1-502", NULL,
	    "一二三四五六七八九十一二三四五六七八九十一二"), 0);
	ck_assert_int_eq(add_rc("door-lock", "3-1-501", NULL, "短\n第二行"),
	    0);
	ck_assert_int_eq(add_rc("door-lock", "3-1-601", NULL,
	    "exactly twenty chars"), 0);
	at("2026-11-23T18:00");
	pending("today");
	ck_assert_ptr_nonnull(strstr(outbuf,
	    "\t一二三四五六七八九十一二三四五六七八九十…\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "\t短…\n"));
	ck_assert_ptr_nonnull(strstr(outbuf, "\texactly twenty chars\n"));
}
END_TEST

START_TEST(list_filters)
{
	struct pm_ticket_filter f;
	struct pm_out *o;
	FILE *fp;

	at("2026-11-20T09:00");
	add("door-lock", "3-1-502", NULL);
	at("2026-11-23T09:00");
	add("noise", "3-1-501", NULL);
	add("water-leak", "P-GATE-N", NULL);
	ck_assert_int_eq(pm_ticket_assign(db, 3, "wang.qiang"), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, 2, NULL), 0);
	as("li.na");
	ck_assert_int_eq(pm_ticket_callback(db, 2, "满意", NULL), 0);
	ck_assert_int_eq(pm_ticket_close(db, 2), 0);

	memset(&f, 0, sizeof f);
	ck_assert_str_eq(list(&f),
	    "1\t2026-11-20T09:00\t3\trepair\tdoor-lock\t3-1-502\tnew\t"
	    "zhang.wei\t\t2026-11-21T00:00\t厨房水管漏水\n"
	    "3\t2026-11-23T09:00\t3\trepair\twater-leak\tP-GATE-N\tassigned\t"
	    "zhang.wei\twang.qiang\t2026-11-23T09:30\t厨房水管漏水\n");
	f.all = 1;
	f.kind = "投诉";
	ck_assert_str_eq(list(&f),
	    "2\t2026-11-23T09:00\t3\tcomplaint\tnoise\t3-1-501\tclosed\t"
	    "zhang.wei\tzhang.wei\t\t厨房水管漏水\n");
	memset(&f, 0, sizeof f);
	f.assignee = "wang.qiang";
	ck_assert_int_eq(strncmp(list(&f), "3\t", 2), 0);
	memset(&f, 0, sizeof f);
	f.building = "3";
	f.status = "new,closed";
	ck_assert_str_eq(list(&f), "1\t2026-11-20T09:00\t3\trepair\tdoor-lock\t"
	    "3-1-502\tnew\tzhang.wei\t\t2026-11-21T00:00\t厨房水管漏水\n"
	    "2\t2026-11-23T09:00\t3\tcomplaint\tnoise\t3-1-501\tclosed\t"
	    "zhang.wei\tzhang.wei\t\t厨房水管漏水\n");
	memset(&f, 0, sizeof f);
	f.receiver = "zhang.wei";
	ck_assert_int_eq(pm_time_parse("2026-11-23", &f.since), 0);
	f.has_since = 1;
	f.all = 1;
	ck_assert_int_eq(strncmp(list(&f), "2\t", 2), 0);
	/* Overdue on the 23rd at 09:45: ticket 3 has nobody on site. */
	memset(&f, 0, sizeof f);
	at("2026-11-23T09:45");
	f.overdue = 1;
	ck_assert_int_eq(strncmp(list(&f), "3\t", 2), 0);
	ck_assert_str_eq(strchr(outbuf, '\n'), "\n");	/* one row only */
	/* Bad filters are usage errors. */
	memset(&f, 0, sizeof f);
	f.status = "open,done";
	o = out_open(pm_ticket_list_cols, pm_ticket_list_ncols, &fp);
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_USAGE,
	    "status 'done': not a status");
	f.status = NULL;
	f.kind = "praise";
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_USAGE,
	    "kind 'praise': not a ticket kind");
	out_done(o, fp);
}
END_TEST

/* A filter naming nothing that exists is a typo, not "no tickets". */
START_TEST(list_unknown_names)
{
	struct pm_ticket_filter f;
	struct pm_out *o;
	FILE *fp;

	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);
	o = out_open(pm_ticket_list_cols, pm_ticket_list_ncols, &fp);
	memset(&f, 0, sizeof f);
	f.unit = "9-9-9";
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_DATAERR,
	    "unit '9-9-9': no such unit");
	memset(&f, 0, sizeof f);
	f.building = "99";
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_DATAERR,
	    "building '99': no such building");
	memset(&f, 0, sizeof f);
	f.receiver = "nobody";
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_DATAERR,
	    "staff 'nobody': no such staff member");
	memset(&f, 0, sizeof f);
	f.assignee = "nobody";
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_DATAERR,
	    "staff 'nobody': no such staff member");
	memset(&f, 0, sizeof f);
	f.category = "nope";
	pm_assert_err(pm_ticket_list(db, &f, o), PM_EX_DATAERR,
	    "category 'nope': no such category");
	out_done(o, fp);
	ck_assert_str_eq(outbuf, "");
	/* Retired ones exist: their old tickets can still be listed. */
	memset(&f, 0, sizeof f);
	f.all = 1;
	f.unit = "P-OLD";
	f.category = "gone";
	f.assignee = "old.hand";
	f.building = "3";
	ck_assert_str_eq(list(&f), "");
}
END_TEST

START_TEST(show_and_history)
{
	struct pm_out *o;
	FILE *fp;

	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);
	at("2026-11-23T09:10");
	ck_assert_int_eq(pm_ticket_assign(db, 1, "wang.qiang"), 0);
	o = out_open(pm_ticket_history_cols, pm_ticket_history_ncols, &fp);
	ck_assert_int_eq(pm_ticket_history(db, 1, o), 0);
	ck_assert_str_eq(out_done(o, fp),
	    "1\t2026-11-23T09:00\tzhang.wei\tadd\t\tnew\trepair door-lock at "
	    "3-1-502, level 3 (routine)\n"
	    "1\t2026-11-23T09:10\tzhang.wei\tassign\tnew\tassigned\t"
	    "wang.qiang\n");
	o = out_open(pm_ticket_show_cols, pm_ticket_show_ncols, &fp);
	ck_assert_int_eq(pm_ticket_show(db, 1, o), 0);
	ck_assert_str_eq(out_done(o, fp), "1\trepair\tdoor-lock\t3-1-502\t"
	    "phone\tassigned\t3\troutine\t0\tzhang.wei\twang.qiang\t"
	    "2026-11-23T09:00\t\t\t\t\t2026-11-24T00:00\t2026-11-25T09:00\t"
	    "2026-11-23T09:10\t2026-11-30T09:00\t\t\t\t\t\t\t\t\t\t0m\t0\t"
	    "厨房水管漏水\n");
	o = out_open(pm_ticket_show_cols, pm_ticket_show_ncols, &fp);
	pm_assert_err(pm_ticket_show(db, 5, o), PM_EX_NOINPUT,
	    "ticket '5': no such ticket");
	out_done(o, fp);
}
END_TEST

/* Import from 'text' inside a transaction; rolls back on failure. */
static int
import(const char *text, enum pm_rec_fmt fmt, size_t *n)
{
	struct pm_rec *r;
	int64_t *ids = NULL;
	FILE *fp;
	int rc;

	ck_assert_ptr_nonnull(fp = fmemopen((void *)text, strlen(text), "r"));
	ck_assert_int_eq(pm_rec_open(fp, "log.tsv", fmt, &r), 0);
	ck_assert_int_eq(pm_db_begin(db), 0);
	rc = pm_ticket_import(db, r, &ids, n);
	if (rc == 0)
		ck_assert_int_eq(pm_db_commit(db), 0);
	else
		pm_db_rollback(db);
	free(ids);
	pm_rec_free(r);
	fclose(fp);
	return rc;
}

START_TEST(import_tsv)
{
	struct pm_ticket t;
	size_t n;

	at("2026-11-23T18:00");
	ck_assert_msg(import("kind\tcategory\tunit\tdescription\tsource\t"
	    "received\treceiver\n"
	    "报修\tdoor-lock\t3-1-502\t门锁坏了\twalk-in\t2026-11-23T08:00\t"
	    "li.na\n"
	    "\tnoise\t3-1-501\t楼上装修\\n太吵\t\t\t\n", PM_REC_AUTO, &n) == 0,
	    "%s", pm_err_msg());
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(pm_ticket_get(db, 1, &t), 0);
	ck_assert_str_eq(t.receiver, "li.na");
	ck_assert_str_eq(t.source, "walk-in");
	ck_assert_int_eq(t.received, pm_now() - 10 * 3600);
	pm_ticket_release(&t);
	ck_assert_int_eq(pm_ticket_get(db, 2, &t), 0);
	ck_assert_str_eq(t.kind, "complaint");
	ck_assert_str_eq(t.receiver, "zhang.wei");
	ck_assert_str_eq(t.description, "楼上装修\n太吵");
	ck_assert_int_eq(t.received, pm_now());
	pm_ticket_release(&t);
}
END_TEST

START_TEST(import_json)
{
	size_t n;

	at("2026-11-23T18:00");
	ck_assert_msg(import("{\"category\":\"door-lock\",\"unit\":\"3-1-502\","
	    "\"description\":\"巡查: 门禁损坏\",\"source\":\"inspection\"}\n"
	    "{\"category\":\"water-leak\",\"unit\":\"P-GATE-N\","
	    "\"description\":\"屋顶渗水\",\"receiver\":null}\n", PM_REC_AUTO,
	    &n) == 0, "%s", pm_err_msg());
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " source = 'inspection'"), 1);
}
END_TEST

START_TEST(import_all_or_nothing)
{
	size_t n;

	at("2026-11-23T18:00");
	pm_assert_err(import("category\tunit\tdescription\n"
	    "door-lock\t3-1-502\tok\n"
	    "door-lock\t9-9-999\tno such unit\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:3: unit '9-9-999': no such unit");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), 0);
	pm_assert_err(import("category\tunit\n"
	    "door-lock\t3-1-502\n", PM_REC_TSV, &n), PM_EX_DATAERR,
	    "log.tsv:2: description: missing");
	pm_assert_err(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tx\tyesterday noon\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:2: date 'yesterday noon'");
	pm_assert_err(import("category\tunit\tdescription\tcolour\n"
	    "door-lock\t3-1-502\tx\tred\n", PM_REC_TSV, &n), PM_EX_DATAERR,
	    "unknown field 'colour'");
	pm_assert_err(import("kind\tcategory\tunit\tdescription\n"
	    "repair\tdoor-lock\t3-1-502\tx\n"
	    "praise\tdoor-lock\t3-1-502\tx\n", PM_REC_TSV, &n), PM_EX_DATAERR,
	    "log.tsv:3: kind 'praise'");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
}
END_TEST

/* A header with no rows under it is still checked. */
START_TEST(import_header_only)
{
	size_t n = 99;

	at("2026-11-23T18:00");
	pm_assert_err(import("foo,bar\n", PM_REC_AUTO, &n), PM_EX_DATAERR,
	    "log.tsv:1: unknown field 'foo' (known: kind, category, unit,"
	    " description, source, received, receiver)");
	pm_assert_err(import("category\tcolour\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:1: unknown field 'colour'");
	/* "[1]" is read as a CSV header naming the field "[1]". */
	pm_assert_err(import("[1]\n", PM_REC_AUTO, &n), PM_EX_DATAERR,
	    "log.tsv:1: unknown field '[1]'");
	pm_assert_err(import("[1]\n", PM_REC_JSON, &n), PM_EX_DATAERR,
	    "log.tsv:1:1: expected '{'");
	/* A good header alone, or nothing at all, adds nothing. */
	ck_assert_int_eq(import("category,unit,description\n", PM_REC_AUTO,
	    &n), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(import("", PM_REC_AUTO, &n), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
}
END_TEST

/*
 * The rows are added in received order, whatever the file's: the later
 * of two repairs is the repeat, and the ids follow the time.
 */
START_TEST(import_received_order)
{
	struct pm_ticket t;
	size_t n;

	at("2026-11-23T18:00");
	ck_assert_msg(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tnow\t\n"
	    "door-lock\t3-1-502\tlater\t2026-11-23T15:00\n"
	    "door-lock\t3-1-502\tearlier\t2026-11-23T10:00\n"
	    "door-lock\t3-1-502\talso earlier\t2026-11-23T10:00\n",
	    PM_REC_TSV, &n) == 0, "%s", pm_err_msg());
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(pm_ticket_get(db, 1, &t), 0);
	ck_assert_str_eq(t.description, "earlier");
	ck_assert_int_eq(t.level, 3);
	pm_ticket_release(&t);
	ck_assert_int_eq(pm_ticket_get(db, 2, &t), 0);
	ck_assert_str_eq(t.description, "also earlier");
	ck_assert_int_eq(t.level, 2);
	pm_ticket_release(&t);
	ck_assert_int_eq(pm_ticket_get(db, 3, &t), 0);
	ck_assert_str_eq(t.description, "later");
	ck_assert_int_eq(t.level, 2);
	ck_assert_str_eq(t.level_reason, "repeat of ticket 2 within 30d");
	pm_ticket_release(&t);
	ck_assert_int_eq(pm_ticket_get(db, 4, &t), 0);
	ck_assert_str_eq(t.description, "now");
	ck_assert_int_eq(t.received, pm_now());
	pm_ticket_release(&t);
	/* An error names the line in the file, not the place in the order. */
	pm_assert_err(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tok\t2026-11-23T15:00\n"
	    "door-lock\t9-9-999\tbad\t2026-11-23T11:00\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:3: unit '9-9-999': no such unit");
	/* A future time is shown as the file has it. */
	pm_assert_err(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tx\t2026-11-23T18:00:30\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:2: received time '2026-11-23T18:00:30': in "
	    "the future");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 4);
}
END_TEST

Suite *
ticket_suite(void)
{
	Suite *s = suite_create("ticket");
	TCase *tc;

	tc = tcase_create("deadlines");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, deadlines_routine);
	tcase_add_test(tc, deadlines_across_midnight);
	tcase_add_test(tc, deadlines_across_holiday);
	tcase_add_test(tc, deadlines_on_makeup_saturday);
	tcase_add_test(tc, deadlines_pause_resume);
	tcase_add_test(tc, deadlines_met_do_not_move);
	tcase_add_test(tc, deadlines_in_estate_zone);
	tcase_add_test(tc, deadlines_sla_defaults);
	suite_add_tcase(s, tc);

	tc = tcase_create("levels");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, level_urgent);
	tcase_add_test(tc, level_repeat);
	tcase_add_test(tc, level_repeat_window_ends);
	tcase_add_test(tc, level_repeat_ignores_cancelled);
	tcase_add_test(tc, level_repeat_backdated);
	tcase_add_test(tc, level_escalate);
	suite_add_tcase(s, tc);

	tc = tcase_create("lifecycle");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, lifecycle_repair);
	tcase_add_test(tc, lifecycle_reassign_reopen);
	tcase_add_test(tc, lifecycle_inquiry_closes_without_callback);
	tcase_add_test(tc, close_without_callback_changes_nothing);
	tcase_add_test(tc, transitions_table);
	tcase_add_test(tc, transition_errors);
	tcase_add_test(tc, note_feedback);
	tcase_add_test(tc, cancel_clears_wait);
	tcase_add_test(tc, callback_roles);
	suite_add_tcase(s, tc);

	tc = tcase_create("add");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, add_errors);
	tcase_add_test(tc, add_fields);
	tcase_add_test(tc, parse_id);
	tcase_add_test(tc, names);
	suite_add_tcase(s, tc);

	tc = tcase_create("lists");
	tcase_add_checked_fixture(tc, setup, list_teardown);
	tcase_add_test(tc, due_and_mark);
	tcase_add_test(tc, due_after_escalation);
	tcase_add_test(tc, pending_days);
	tcase_add_test(tc, pending_carries_over);
	tcase_add_test(tc, summary_cut);
	tcase_add_test(tc, list_filters);
	tcase_add_test(tc, list_unknown_names);
	tcase_add_test(tc, show_and_history);
	tcase_add_test(tc, import_tsv);
	tcase_add_test(tc, import_json);
	tcase_add_test(tc, import_all_or_nothing);
	tcase_add_test(tc, import_header_only);
	tcase_add_test(tc, import_received_order);
	suite_add_tcase(s, tc);
	return s;
}
