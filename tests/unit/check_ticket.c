/*
 * check_ticket.c - the service desk: levels, deadlines (through the
 * ticket layer, with the estate's working calendar), the lifecycle and
 * every transition it refuses, the callback roles, the lists, imports,
 * and the facts that never change (replay, closed days, append-only).
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
#include "vocab.h"

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
	return pm_test_count(db, sql);
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
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T10:00");
	assert_due(id, PM_DUE_COMPLETION, "2026-11-30T10:00");
	/* "Done today" stays the end of the day the work resumed on. */
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-24T00:00");
	/*
	 * Paused overnight, from Monday 17:00 to Tuesday 09:00: 16 hours
	 * of calendar time but only one working hour.
	 */
	at("2026-11-23T17:00");
	ck_assert_int_eq(pm_ticket_wait(db, id, "parts"), 0);
	at("2026-11-24T09:00");
	ck_assert_int_eq(pm_ticket_resume(db, id), 0);
	assert_due(id, PM_DUE_FEEDBACK, "2026-11-25T11:00");
	/* Not 04:24 tomorrow: the end of Tuesday, the day it resumed. */
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-25T00:00");
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.paused_seconds, 3600 + 16 * 3600);
	ck_assert_ptr_null(t.wait_reason);
	/* What was received stays as it was. */
	ck_assert_int_eq(t.first_due[PM_DUE_SAME_DAY], t.received + 15 * 3600);
	pm_ticket_release(&t);
	/* Both pauses are events with their reasons. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'wait' AND detail = 'waiting for parts'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'resume' AND detail = 'paused 16h'"), 1);
	/* The resume event holds the deadlines it set. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'resume' AND same_day_due = '2026-11-24T16:00:00Z'"), 1);
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
	/*
	 * A working-clock same-day rule counts working time instead.  The
	 * service levels are read once per connection (pm-db apply drops
	 * them); a change behind pm's back, as here, drops them by hand.
	 */
	ck_assert_int_eq(pm_db_exec(db, "INSERT INTO sla VALUES"
	    " ('same_day', 3600, 'working'), ('onsite', 7200, 'working')"), 0);
	free(db->ticket_sla);
	db->ticket_sla = NULL;
	at("2026-11-23T11:30");
	id = add("water-leak", "3-1-501", NULL);
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-23T14:00");
	assert_due(id, PM_DUE_ONSITE, "2026-11-23T15:00");
}
END_TEST

/* pm_ticket_shift() directly: the rules a resume applies. */
START_TEST(deadlines_shift)
{
	const struct pm_calendar *cal;
	pm_time due, paused, resumed;

	ck_assert_ptr_nonnull(cal = pm_db_calendar(db));
	ck_assert_int_eq(pm_time_parse("2026-11-23T10:00", &due), 0);
	ck_assert_int_eq(pm_time_parse("2026-11-23T09:00", &paused), 0);
	ck_assert_int_eq(pm_time_parse("2026-11-23T09:30", &resumed), 0);
	/* An hour left at the pause is an hour from the resume. */
	ck_assert_int_eq(pm_ticket_shift(cal, PM_CLOCK_CALENDAR, due, paused,
	    resumed, 0), due + 1800);
	/* A deadline that had passed when the pause began stays. */
	ck_assert_int_eq(pm_ticket_shift(cal, PM_CLOCK_CALENDAR, paused,
	    due, due + 3600, 0), paused);
	/* An end-of-day deadline: the end of the resume day. */
	ck_assert_int_eq(pm_ticket_shift(cal, PM_CLOCK_CALENDAR,
	    pm_day_end(paused), paused, resumed, 1), pm_day_end(resumed));
	ck_assert_int_eq(pm_ticket_shift(cal, PM_CLOCK_CALENDAR,
	    pm_day_end(paused), paused, resumed + 86400, 1),
	    pm_day_end(paused) + 86400);
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
	ck_assert_int_eq(t.first_level, 2);
	ck_assert_str_eq(t.first_level_reason, "repeat of ticket 1 within 30d");
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
	/* A backdated ticket's add event is at its received time. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " ticket_id = 2 AND event = 'add' AND at ="
	    " '2026-11-19T02:00:00Z'"), 1);
}
END_TEST

START_TEST(level_escalate)
{
	struct pm_ticket t;
	int64_t id, r, q;

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
	/* The first level and its reason stay as received. */
	ck_assert_int_eq(t.first_level, 3);
	ck_assert_str_eq(t.first_level_reason, "routine");
	ck_assert_int_eq(t.first_due[PM_DUE_NOTICE], 0);
	pm_ticket_release(&t);
	assert_due(id, PM_DUE_NOTICE, "2026-11-23T10:05");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'escalate' AND detail = 'level 3 -> 1: 业主再次投诉'"
	    " AND level = 1 AND notice_due = '2026-11-23T02:05:00Z'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " tbl = 'tickets' AND summary LIKE 'escalate%'"), 1);

	/* A repair goes up one step at a time, or to the level given. */
	r = add("door-lock", "3-1-501", NULL);
	ck_assert_int_eq(pm_ticket_escalate(db, r, 0, "slow"), 0);
	ck_assert_int_eq(level_of(r), 2);
	assert_due(r, PM_DUE_NOTICE, "2026-11-23T10:10");
	/* A level that is no higher leaves an escalated ticket as it is. */
	pm_assert_err(pm_ticket_escalate(db, r, 3, "wrong way"),
	    PM_UNCHANGED, "ticket '2': already escalated to level 2, left "
	    "as it is");
	pm_assert_err(pm_ticket_escalate(db, r, 2, "same"), PM_UNCHANGED,
	    "already escalated");
	ck_assert_int_eq(pm_ticket_escalate(db, r, 1, "still slow"), 0);
	ck_assert_int_eq(level_of(r), 1);
	/*
	 * Escalated once is escalated: a second escalation (a cron job
	 * piping the overdue list in again) changes nothing and writes no
	 * event, so the manager is notified once.
	 */
	at("2026-11-23T11:00");
	pm_assert_err(pm_ticket_escalate(db, r, 0, "again"), PM_UNCHANGED,
	    "ticket '2': already escalated to level 1, left as it is");
	assert_due(r, PM_DUE_NOTICE, "2026-11-23T10:05");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " ticket_id = 2 AND event = 'escalate'"), 2);
	pm_assert_err(pm_ticket_escalate(db, r, 0, NULL), PM_EX_USAGE,
	    "a reason is needed");
	pm_assert_err(pm_ticket_escalate(db, r, 4, "x"), PM_EX_USAGE,
	    "level 4: not a level");
	/* A level that does not raise a ticket never escalated: refused. */
	q = add("door-lock", "3-1-601", NULL);
	pm_assert_err(pm_ticket_escalate(db, q, 3, "wrong way"),
	    PM_EX_DATAERR, "ticket '3': level 3 is not above its level 3 (1 is the highest)");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " ticket_id = 3"), 1);
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
	ck_assert_str_eq(t.resolved_by, "wang.qiang");
	ck_assert_str_eq(t.satisfaction, "satisfied");
	ck_assert_str_eq(t.callback_by, "li.na");
	ck_assert_str_eq(t.callback_comment, "师傅很好");
	ck_assert_int_ne(t.met[PM_DUE_ONSITE], 0);
	ck_assert_int_eq(t.met[PM_DUE_FEEDBACK], t.met[PM_DUE_ONSITE] - 20 * 60);
	ck_assert_int_ne(t.resolved, 0);
	ck_assert_int_eq(t.first_resolved, t.resolved);
	ck_assert_int_eq(t.open_since, 0);
	ck_assert_int_ne(t.closed, 0);
	pm_ticket_release(&t);
	/* One event and one audit row for every step. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events"), 7);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " tbl = 'tickets' AND row_id = '1'"), 7);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'start' AND who = 'wang.qiang' AND from_status ="
	    " 'assigned' AND status = 'in_progress' AND meets ="
	    " 'onsite'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'callback' AND satisfaction = 'satisfied'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " summary = 'assign new -> assigned: wang.qiang' AND"
	    " who = 'zhang.wei'"), 1);
	/* One stretch unresolved, from receipt to the resolve. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_spans WHERE"
	    " opened_at = '2026-11-23T01:00:00Z' AND closed_at ="
	    " '2026-11-23T02:00:00Z' AND class = 0"), 1);
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
	as("zhao.lei");
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	as("li.na");
	ck_assert_int_eq(pm_ticket_callback(db, id, "dissatisfied", "还在响"),
	    0);
	assert_status(id, "called_back");
	at("2026-11-24T09:00");
	ck_assert_int_eq(pm_ticket_reopen(db, id, "still broken"), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_str_eq(t.status, "assigned");
	ck_assert_int_eq(t.reopen_count, 1);
	ck_assert_int_eq(t.resolved, 0);
	ck_assert_ptr_null(t.resolved_by);
	ck_assert_ptr_null(t.satisfaction);
	ck_assert_str_eq(t.assignee, "zhao.lei");
	ck_assert_str_eq(t.receiver, "zhang.wei");
	ck_assert_int_eq(t.open_since, pm_now());
	/* The first resolution is a fact: a reopen leaves it. */
	ck_assert_int_ne(t.first_resolved, 0);
	pm_ticket_release(&t);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'reopen' AND meets = '-same_day,-completion'"), 1);
	/* After the fix, a new callback, then close; reopen again. */
	as("zhao.lei");
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	as("li.na");
	pm_assert_err(pm_ticket_close(db, id), PM_EX_DATAERR,
	    "needs a callback");
	ck_assert_int_eq(pm_ticket_callback(db, id, "basic", NULL), 0);
	ck_assert_int_eq(pm_ticket_close(db, id), 0);
	ck_assert_int_eq(pm_ticket_reopen(db, id, NULL), 0);
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	ck_assert_int_eq(t.reopen_count, 2);
	ck_assert_int_eq(t.closed, 0);
	pm_ticket_release(&t);
	/* Two stretches ended (each resolve); the third is open. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_spans"), 2);
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
	    "ticket '3': a complaint needs a callback before it is closed "
	    "(record it with 'pm-ticket callback')");
}
END_TEST

START_TEST(close_without_callback_changes_nothing)
{
	int64_t id, h, a;

	at("2026-11-23T09:00");
	id = add("water-leak", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	h = count("SELECT count(*) FROM ticket_events");
	a = count("SELECT count(*) FROM audit");
	pm_assert_err(pm_ticket_close(db, id), PM_EX_DATAERR,
	    "ticket '1': a repair needs a callback before it is closed");
	assert_status(id, "resolved");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events"), h);
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), a);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " closed_at IS NOT NULL"), 0);
}
END_TEST

/*
 * Put a new ticket into 'status' by the allowed path: the work done by
 * wang.qiang, the callback by li.na; the actor is li.na afterwards.
 */
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
	as("wang.qiang");
	ck_assert_int_eq(pm_ticket_resolve(db, id, NULL), 0);
	as("li.na");
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
			h = count("SELECT count(*) FROM ticket_events");
			rc = verb(v, id);
			if (allowed[v][s]) {
				ck_assert_msg(rc == 0, "%s from %s: %s",
				    verbs[v], statuses[s], pm_err_msg());
				ck_assert_int_eq(count("SELECT count(*) FROM"
				    " ticket_events"), h + 1);
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
			    " ticket_events"), h);
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
	pm_assert_err(pm_ticket_assign(db, id, "nobody"), PM_EX_NOINPUT,
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
	pm_assert_err(pm_ticket_note(db, id, "a\033[2Jb", 0), PM_EX_DATAERR,
	    "note 'a\\x1B[2Jb': control character U+001B at byte 2");
	/* A word not in the vocabulary is 65, and Chinese is a word. */
	pm_assert_err(pm_ticket_callback(db, id, "happy", NULL), PM_EX_DATAERR,
	    "satisfaction 'happy': unknown satisfaction (choose satisfied, "
	    "basic or dissatisfied)");
	/* Only staff act on tickets. */
	as("stranger");
	pm_assert_err(pm_ticket_start(db, id), PM_EX_NOINPUT,
	    "staff 'stranger': no such staff member");
	as("old.hand");
	pm_assert_err(pm_ticket_start(db, id), PM_EX_DATAERR,
	    "staff 'old.hand': retired");
	assert_status(id, "new");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events"), 1);
}
END_TEST

/* A cancelled wait leaves no pause behind; the events keep it. */
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
	ck_assert_int_eq(t.open_since, 0);
	pm_ticket_release(&t);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'wait' AND detail = 'waiting for parts'"), 1);
	/* A cancel ends the stretch as a resolve does. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_spans WHERE"
	    " closed_at = '2026-11-23T02:00:00Z'"), 1);
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
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'feedback' AND meets = 'feedback'"), 1);
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
	ck_assert_int_eq(pm_ticket_assign(db, r, "zhao.lei"), 0);
	as("wang.qiang");
	ck_assert_int_eq(pm_ticket_resolve(db, c, NULL), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, e, NULL), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, r, NULL), 0);

	/* Who did the work never calls it back: not the resolver... */
	pm_assert_err(pm_ticket_callback(db, r, "satisfied", NULL),
	    PM_EX_NOPERM, "ticket '3': 'wang.qiang' did the work, so cannot "
	    "call it back (a callback comes from someone else, such as "
	    "customer service)");
	/* ...nor the assignee, whoever resolved it. */
	as("zhao.lei");
	pm_assert_err(pm_ticket_callback(db, r, "satisfied", NULL),
	    PM_EX_NOPERM, "'zhao.lei' did the work");
	assert_status(r, "resolved");

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

	/* A repair: anyone else; a dissatisfied answer is kept as it is. */
	as("zhang.wei");
	ck_assert_int_eq(pm_ticket_callback(db, r, "不满意", "漏水未止"), 0);
	assert_status(r, "called_back");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " satisfaction = 'dissatisfied' AND callback_by = 'zhang.wei'"), 1);
	/* Refusals wrote nothing. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'callback'"), 3);
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
	    PM_EX_NOINPUT, "unit '9-9-999': no such unit (see 'pm-unit "
	    "list')");
	pm_assert_err(add_rc("water-leak", "P-OLD", NULL, "x"),
	    PM_EX_DATAERR, "unit 'P-OLD': retired");
	pm_assert_err(add_rc("leak", "3-1-502", NULL, "x"), PM_EX_NOINPUT,
	    "category 'leak': no such category (did you mean water-leak? see "
	    "'pm-ticket categories')");
	pm_assert_err(add_rc("gone", "3-1-502", NULL, "x"), PM_EX_DATAERR,
	    "category 'gone': retired");
	pm_assert_err(add_rc("door-lock", "3-1-502", "praise", "x"),
	    PM_EX_DATAERR, "kind 'praise': unknown kind (choose repair, "
	    "complaint, inquiry or suggestion)");
	pm_assert_err(add_rc("other", "3-1-502", NULL, "x"), PM_EX_DATAERR,
	    "category 'other' has no kind");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, ""), PM_EX_DATAERR,
	    "description: empty");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "bad \xff byte"),
	    PM_EX_DATAERR, "description 'bad \\xFF byte': invalid UTF-8 at "
	    "byte 5");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "\xe6\xbc"),
	    PM_EX_DATAERR, "invalid UTF-8 at byte 1");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "esc\x1b[31m"),
	    PM_EX_DATAERR, "description 'esc\\x1B[31m': control character "
	    "U+001B at byte 4");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "c1 \xc2\x9b"),
	    PM_EX_DATAERR, "control character U+009B at byte 4");
	pm_assert_err(add_rc("door-lock", "3-1-502", NULL, "rtl \xe2\x80\xae"),
	    PM_EX_DATAERR, "bidirectional control U+202E at byte 5");
	/* Tab and newline are text. */
	ck_assert_int_eq(add_rc("door-lock", "3-1-502", NULL, "a\tb\nc"), 0);

	memset(&n, 0, sizeof n);
	n.category = "door-lock";
	n.unit = "3-1-502";
	n.description = "x";
	n.source = "fax";
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_DATAERR,
	    "source 'fax': unknown source");
	n.source = "walk-in";
	n.receiver = "nobody";
	pm_assert_err(pm_ticket_add(db, &n, &id), PM_EX_NOINPUT,
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
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events"), 1);
}
END_TEST

START_TEST(add_fields)
{
	struct pm_ticket_new n;
	struct pm_ticket t;
	int64_t id;

	at("2026-11-23T09:00");
	memset(&n, 0, sizeof n);
	n.category = "OTHER";
	n.unit = "ｐ－ｇａｔｅ－ｎ";
	n.kind = "建议";
	n.description = "门口加个雨棚";
	n.source = "微信";
	n.receiver = "li.na";
	ck_assert_int_eq(pm_time_parse("2026-11-22T20:00", &n.received), 0);
	ck_assert_msg(pm_ticket_add(db, &n, &id) == 0, "%s", pm_err_msg());
	ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
	/* Names as typed are stored as the estate spells them. */
	ck_assert_str_eq(t.category, "other");
	ck_assert_str_eq(t.unit, "P-GATE-N");
	ck_assert_str_eq(t.kind, "suggestion");
	ck_assert_str_eq(t.source, "online");
	ck_assert_str_eq(t.receiver, "li.na");
	ck_assert_ptr_null(t.assignee);
	ck_assert_int_eq(t.received, n.received);
	ck_assert_int_eq(t.open_since, n.received);
	pm_ticket_release(&t);
	/* Received the evening before: its same-day deadline is past. */
	assert_due(id, PM_DUE_SAME_DAY, "2026-11-23T00:00");
	/* The event says who typed it in. */
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " who = 'zhang.wei' AND event = 'add' AND status = 'new'"
	    " AND same_day_due = '2026-11-22T16:00:00Z'"), 1);
}
END_TEST

START_TEST(check_new)
{
	struct pm_ticket_new n;

	at("2026-11-23T09:00");
	memset(&n, 0, sizeof n);
	n.category = "Door-Lock";
	n.unit = "３－１－５０２";
	n.description = "x";
	ck_assert_int_eq(pm_ticket_check_new(db, &n), 0);
	ck_assert_str_eq(n.category, "door-lock");
	ck_assert_str_eq(n.unit, "3-1-502");
	/* Checking writes nothing. */
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
	n.unit = NULL;
	pm_assert_err(pm_ticket_check_new(db, &n), PM_EX_DATAERR,
	    "a ticket needs a category, a unit and a description");
	/* Whoever types it in must be staff too. */
	memset(&n, 0, sizeof n);
	n.category = "door-lock";
	n.unit = "3-1-502";
	n.description = "x";
	n.receiver = "li.na";
	as("stranger");
	pm_assert_err(pm_ticket_check_new(db, &n), PM_EX_NOINPUT,
	    "staff 'stranger': no such staff member");
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
	    "ticket 'abc': not an id (ids are numbers, like 42 or #42)");
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
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_kind, "报修"), "repair");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_kind, "complaint"),
	    "complaint");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_kind, "咨询"), "inquiry");
	/* ASCII letters match in either case. */
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_kind, "Repair"), "repair");
	ck_assert_str_eq(pm_vocab_find(&pm_v_satisfaction, "基本满意"),
	    "basic");
	ck_assert_str_eq(pm_vocab_find(&pm_v_satisfaction, "满意"),
	    "satisfied");
	ck_assert_ptr_null(pm_vocab_find(&pm_v_satisfaction, "ok"));
	ck_assert_str_eq(pm_vocab_find(&pm_v_source, "walk-in"), "walk-in");
	ck_assert_ptr_null(pm_vocab_find(&pm_v_source, "mail"));
	ck_assert_str_eq(pm_ticket_due_name(PM_DUE_SAME_DAY), "same_day");
	ck_assert_str_eq(pm_ticket_due_name(PM_DUE_N), "?");
}
END_TEST

/* The per-id action of pm_cli_run_ids(), by verb name. */
START_TEST(act)
{
	struct pm_ticket_action a;
	char canon[32];
	int64_t id;

	at("2026-11-23T09:00");
	id = add("door-lock", "3-1-502", NULL);
	memset(&a, 0, sizeof a);
	a.verb = "assign";
	a.text = "wang.qiang";
	ck_assert_int_eq(pm_ticket_act(db, "#1", canon, sizeof canon, &a), 0);
	ck_assert_str_eq(canon, "1");
	assert_status(id, "assigned");
	a.verb = "escalate";
	a.text = "slow";
	ck_assert_int_eq(pm_ticket_act(db, "1", canon, sizeof canon, &a), 0);
	ck_assert_int_eq(level_of(id), 2);
	/* Again: left as it is, and said why. */
	pm_err_clear();
	ck_assert_int_eq(pm_ticket_act(db, "1", canon, sizeof canon, &a), PM_UNCHANGED);
	ck_assert_int_eq(pm_err_code(), PM_UNCHANGED);
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "already escalated"));
	a.verb = "note";
	a.text = "called the owner";
	a.flag = 1;
	ck_assert_int_eq(pm_ticket_act(db, "1", canon, sizeof canon, &a), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'feedback'"), 1);
	pm_assert_err(pm_ticket_act(db, "x1", canon, sizeof canon, &a), PM_EX_DATAERR,
	    "ticket 'x1': not an id (ids are numbers, like 42 or #42)");
	pm_assert_err(pm_ticket_act(db, "9", canon, sizeof canon, &a), PM_EX_NOINPUT,
	    "ticket '9': no such ticket");
	a.verb = "frobnicate";
	pm_assert_err(pm_ticket_act(db, "1", canon, sizeof canon, &a), PM_EX_SOFTWARE,
	    "no ticket action 'frobnicate'");
}
END_TEST

/*
 * The lists, written as TSV to memory.
 */

static struct pm_test_mem mem;

#define ARGS(...) ((const char *const []){ __VA_ARGS__, NULL })

static const char *
due(int64_t within, int mark, int *n)
{
	struct pm_out *o;

	o = pm_test_out(&mem, PM_FMT_TSV, pm_ticket_due_cols,
	    pm_ticket_due_ncols);
	ck_assert_msg(pm_ticket_due(db, within, o, n) == 0, "%s",
	    pm_err_msg());
	pm_test_text(&mem, o);
	/* As "due --mark" does: once the report is out. */
	if (mark)
		ck_assert_msg(pm_ticket_due_mark(db, within) == 0, "%s",
		    pm_err_msg());
	return mem.buf;
}

static const char *
pending(const char *day)
{
	struct pm_out *o;
	pm_time t;

	ck_assert_int_eq(pm_time_parse(day, &t), 0);
	o = pm_test_out(&mem, PM_FMT_TSV, pm_ticket_pending_cols,
	    pm_ticket_pending_ncols);
	ck_assert_msg(pm_ticket_pending(db, t, o) == 0, "%s", pm_err_msg());
	return pm_test_text(&mem, o);
}

static const char *
stats(const char *period)
{
	struct pm_out *o;
	pm_time from, to;

	ck_assert_int_eq(pm_period_parse(period, &from, &to), 0);
	o = pm_test_out(&mem, PM_FMT_TSV, pm_ticket_stats_cols,
	    pm_ticket_stats_ncols);
	ck_assert_msg(pm_ticket_stats(db, from, to, o) == 0, "%s",
	    pm_err_msg());
	return pm_test_text(&mem, o);
}

static const char *
list(const char *const *args)
{
	ck_assert_msg(pm_test_list(db, &mem, &pm_ticket_type, 0, args) == 0,
	    "%s", pm_err_msg());
	return mem.buf;
}

/* The events of ticket 'id', as "history" lists them. */
static const char *
list_of_events(const char *id)
{
	ck_assert_msg(pm_test_list(db, &mem, &pm_ticket_event_type, 0,
	    ARGS("ticket", id)) == 0, "%s", pm_err_msg());
	return mem.buf;
}

static void
list_teardown(void)
{
	pm_test_mem_free(&mem);
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
	/* --within: what falls due in the next five minutes (not yet: -1). */
	ck_assert_str_eq(due(300, 0, &n), "1\t1\tnotice\t2026-11-23T09:05\t"
	    "-1\t3-1-502\twater-outage\tzhang.wei\t\t厨房水管漏水\n");
	at("2026-11-23T09:06");
	ck_assert_str_eq(due(0, 1, &n), "1\t1\tnotice\t2026-11-23T09:05\t"
	    "1\t3-1-502\twater-outage\tzhang.wei\t\t厨房水管漏水\n");
	ck_assert_int_eq(n, 1);
	/* Marked: the next run is quiet, and the notice counts as given. */
	ck_assert_str_eq(due(0, 1, &n), "");
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE id = 1"
	    " AND noticed_at = '2026-11-23T01:06:00Z'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_notices"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'due' AND detail = 'notice deadline 2026-11-23T09:05"
	    " reported' AND meets = 'notice'"), 1);
	/* Nobody on site by 09:30. */
	at("2026-11-23T09:45");
	ck_assert_str_eq(due(0, 0, &n), "1\t1\tonsite\t2026-11-23T09:30\t"
	    "15\t3-1-502\twater-outage\tzhang.wei\t\t厨房水管漏水\n");
	ck_assert_int_eq(pm_ticket_start(db, 1), 0);
	ck_assert_str_eq(due(0, 0, &n), "");
	/* Wednesday: ticket 2 had no feedback; Monday after: completion. */
	at("2026-11-30T10:00");
	ck_assert_str_eq(due(0, 0, &n),
	    "2\t3\tfeedback\t2026-11-25T09:00\t7260\t3-1-501\tdoor-lock\t"
	    "zhang.wei\t\t厨房水管漏水\n"
	    "1\t1\tcompletion\t2026-11-30T09:00\t60\t3-1-502\twater-outage\t"
	    "zhang.wei\tzhang.wei\t厨房水管漏水\n"
	    "2\t3\tcompletion\t2026-11-30T09:00\t60\t3-1-501\tdoor-lock\t"
	    "zhang.wei\t\t厨房水管漏水\n");
	ck_assert_int_eq(n, 3);
	/* Waiting work has no deadline to miss but its notice. */
	ck_assert_int_eq(pm_ticket_wait(db, 2, "owner"), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	ck_assert_str_eq(due(0, 0, &n), "");
	/* Marking other deadlines reports them once but meets nothing. */
	ck_assert_int_eq(pm_ticket_resume(db, 2), 0);
	ck_assert_str_eq(due(0, 1, &n),
	    "2\t3\tfeedback\t2026-11-25T09:00\t7260\t3-1-501\tdoor-lock\t"
	    "zhang.wei\t\t厨房水管漏水\n"
	    "2\t3\tcompletion\t2026-11-30T09:00\t60\t3-1-501\tdoor-lock\t"
	    "zhang.wei\t\t厨房水管漏水\n");
	ck_assert_str_eq(due(0, 0, &n), "");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE id = 2"
	    " AND feedback_at IS NULL AND completion_due IS NOT NULL"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_notices"), 3);
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
	    "1\t3-1-502\tnoise\tzhang.wei\t\t厨房水管漏水\n");
	/* A new level is a new notice, even though one was marked. */
	ck_assert_int_eq(pm_ticket_escalate(db, 1, 1, "manager now"), 0);
	at("2026-11-23T09:47");
	ck_assert_str_eq(due(0, 0, &n), "1\t1\tnotice\t2026-11-23T09:46\t"
	    "1\t3-1-502\tnoise\tzhang.wei\t\t厨房水管漏水\n");
}
END_TEST

START_TEST(pending_days)
{
	int64_t a, b, c;
	struct pm_out *o;
	pm_time t;

	at("2026-11-23T09:00");
	a = add("door-lock", "3-1-502", NULL);
	b = add("fee-question", "3-1-501", NULL);
	c = add("noise", "3-1-601", NULL);
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_resolve(db, b, NULL), 0);
	ck_assert_int_eq(pm_ticket_cancel(db, c, "owner withdrew"), 0);
	ck_assert_int_eq(pm_ticket_assign(db, a, "wang.qiang"), 0);
	/* At the end of the shift, what will not be done today (age in
	 * minutes). */
	at("2026-11-23T17:30");
	ck_assert_str_eq(pending("today"), "1\t2026-11-23T09:00\t3\trepair\t"
	    "door-lock\t3-1-502\tassigned\tzhang.wei\twang.qiang\t510\t"
	    "completion\t2026-11-30T09:00\t厨房水管漏水\n");
	/* Next morning, yesterday's list is as the day ended. */
	at("2026-11-24T11:00");
	ck_assert_int_eq(pm_ticket_resolve(db, a, NULL), 0);
	ck_assert_str_eq(pending("yesterday"), "1\t2026-11-23T09:00\t3\t"
	    "repair\tdoor-lock\t3-1-502\tassigned\tzhang.wei\twang.qiang\t"
	    "900\tcompletion\t2026-11-30T09:00\t厨房水管漏水\n");
	ck_assert_str_eq(pending("today"), "");
	/* Before the ticket came in, nothing. */
	ck_assert_str_eq(pending("2026-11-22"), "");
	/* A day that has not begun has no list. */
	ck_assert_int_eq(pm_time_parse("2026-11-25", &t), 0);
	o = pm_test_out(&mem, PM_FMT_TSV, pm_ticket_pending_cols,
	    pm_ticket_pending_ncols);
	pm_assert_err(pm_ticket_pending(db, t, o), PM_EX_DATAERR,
	    "day '2026-11-25': in the future");
	ck_assert_str_eq(pm_test_text(&mem, o), "");
}
END_TEST

START_TEST(pending_carries_over)
{
	at("2026-11-20T16:00");
	add("door-lock", "3-1-502", NULL);
	/* Friday's ticket is still on Monday's list, with its age. */
	at("2026-11-23T18:00");
	ck_assert_str_eq(pending("today"), "1\t2026-11-20T16:00\t3\trepair\t"
	    "door-lock\t3-1-502\tnew\tzhang.wei\t\t4440\tfeedback\t"
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
	ck_assert_ptr_nonnull(strstr(mem.buf,
	    "\t一二三四五六七八九十一二三四五六七八九十…\n"));
	ck_assert_ptr_nonnull(strstr(mem.buf, "\t短…\n"));
	ck_assert_ptr_nonnull(strstr(mem.buf, "\texactly twenty chars\n"));
}
END_TEST

START_TEST(list_filters)
{
	char *open_ones;

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

	/* The open ones; an end-of-day deadline reads as 24:00. */
	ck_assert_str_eq(list(NULL),
	    "1\t2026-11-20T09:00\t3\trepair\tdoor-lock\t3-1-502\tnew\t"
	    "zhang.wei\t\t2026-11-20T24:00\t厨房水管漏水\n"
	    "3\t2026-11-23T09:00\t3\trepair\twater-leak\tP-GATE-N\tassigned\t"
	    "zhang.wei\twang.qiang\t2026-11-23T09:30\t厨房水管漏水\n");
	ck_assert_str_eq(list(ARGS("all", "kind", "投诉")),
	    "2\t2026-11-23T09:00\t3\tcomplaint\tnoise\t3-1-501\tclosed\t"
	    "zhang.wei\tzhang.wei\t\t厨房水管漏水\n");
	/* A closed ticket is not open: without --all, none. */
	ck_assert_str_eq(list(ARGS("kind", "complaint")), "");
	ck_assert_int_eq(strncmp(list(ARGS("assignee", "wang.qiang")), "3\t",
	    2), 0);
	/* A status outside "open" reads every ticket. */
	ck_assert_str_eq(list(ARGS("building", "3", "status", "new,closed")),
	    "1\t2026-11-20T09:00\t3\trepair\tdoor-lock\t3-1-502\tnew\t"
	    "zhang.wei\t\t2026-11-20T24:00\t厨房水管漏水\n"
	    "2\t2026-11-23T09:00\t3\tcomplaint\tnoise\t3-1-501\tclosed\t"
	    "zhang.wei\tzhang.wei\t\t厨房水管漏水\n");
	/* A group: "open" is the statuses that are not final. */
	open_ones = strdup(list(NULL));
	ck_assert_str_eq(list(ARGS("status", "未关闭")), open_ones);
	free(open_ones);
	ck_assert_int_eq(strncmp(list(ARGS("receiver", "zhang.wei", "since",
	    "2026-11-23", "all")), "2\t", 2), 0);
	ck_assert_int_eq(strncmp(list(ARGS("until", "2026-11-22")), "1\t", 2),
	    0);
	ck_assert_int_eq(strncmp(list(ARGS("level", "三级", "unit",
	    "p-gate-n")), "3\t", 2), 0);
	/* Overdue on the 23rd at 09:45: ticket 3 has nobody on site. */
	at("2026-11-23T09:45");
	ck_assert_int_eq(strncmp(list(ARGS("overdue")), "3\t", 2), 0);
	ck_assert_str_eq(strchr(mem.buf, '\n'), "\n");	/* one row only */
	/* Bad words are data errors, with the choices. */
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("status", "open,done")), PM_EX_DATAERR,
	    "status 'done': unknown status (choose new, assigned, "
	    "in_progress, waiting, resolved, called_back, closed, cancelled "
	    "or open)");
	ck_assert_str_eq(mem.buf, "");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("kind", "praise")), PM_EX_DATAERR,
	    "kind 'praise': unknown kind");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("since", "2026-02-30")), PM_EX_USAGE, "'2026-02-30'");
}
END_TEST

/* A filter naming nothing that exists is a typo, not "no tickets". */
START_TEST(list_unknown_names)
{
	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("unit", "9-9-9")), PM_EX_NOINPUT,
	    "unit '9-9-9': no such unit (see 'pm-unit list')");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("building", "99")), PM_EX_NOINPUT,
	    "building '99': no such building (see 'pm-unit buildings')");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("receiver", "nobody")), PM_EX_NOINPUT,
	    "staff 'nobody': no such staff member (see 'pm-staff list')");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("assignee", "nobody")), PM_EX_NOINPUT,
	    "staff 'nobody': no such staff member");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_type, 0,
	    ARGS("category", "nope")), PM_EX_NOINPUT,
	    "category 'nope': no such category (did you mean noise? see "
	    "'pm-ticket categories')");
	ck_assert_str_eq(mem.buf, "");
	/* Retired ones exist: their old tickets can still be listed. */
	ck_assert_str_eq(list(ARGS("all", "unit", "P-OLD", "category", "gone",
	    "assignee", "old.hand", "building", "3")), "");
}
END_TEST

START_TEST(show_and_history)
{
	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);
	at("2026-11-23T09:10");
	ck_assert_int_eq(pm_ticket_assign(db, 1, "wang.qiang"), 0);
	ck_assert_str_eq(list_of_events("1"),
	    "1\t2026-11-23T09:00\tzhang.wei\tadd\t\tnew\trepair door-lock at "
	    "3-1-502, level 3 (routine)\n"
	    "1\t2026-11-23T09:10\tzhang.wei\tassign\tnew\tassigned\t"
	    "wang.qiang\n");
	ck_assert_int_eq(pm_test_show(db, &mem, &pm_ticket_type, "#1", 0), 0);
	ck_assert_str_eq(mem.buf, "1\t2026-11-23T09:00\t3\trepair\tdoor-lock\t"
	    "3-1-502\tassigned\tzhang.wei\twang.qiang\tphone\troutine\t0\t3\t"
	    "\t\t\t\t2026-11-23T24:00\t2026-11-25T09:00\t2026-11-23T09:10\t"
	    "2026-11-30T09:00\t2026-11-30T09:00\t\t\t\t\t\t\t\t\t\t\t\t0\t0\t"
	    "厨房水管漏水\n");
	pm_assert_err(pm_test_show(db, &mem, &pm_ticket_type, "5", 0),
	    PM_EX_NOINPUT, "ticket '5': no such ticket");
	pm_assert_err(pm_test_show(db, &mem, &pm_ticket_type, "five", 0),
	    PM_EX_DATAERR, "ticket 'five': not an id (ids are numbers, like 42 or #42)");
	pm_assert_err(pm_test_list(db, &mem, &pm_ticket_event_type, 0,
	    ARGS("ticket", "7")), PM_EX_NOINPUT, "ticket '7': no such ticket");
}
END_TEST

/*
 * Import, from a temporary file named "log.tsv" in messages.
 */

static char path[64];
static size_t nids;

static int
count_id(const char *id, void *arg)
{
	nids++;
	return 0;
}

/* The recorded message with the temporary file's name as "log.tsv". */
static const char *
msg(void)
{
	static char buf[2048];
	const char *m = pm_err_msg(), *p;

	if ((p = strstr(m, path)) == NULL)
		return m;
	snprintf(buf, sizeof buf, "%.*slog.tsv%s", (int)(p - m), m,
	    p + strlen(path));
	return buf;
}

static int
import(const char *text, enum pm_rec_fmt fmt, size_t *n)
{
	int rc;

	pm_test_file(text, path);
	nids = 0;
	pm_err_clear();
	rc = pm_import(db, &pm_ticket_import, NULL, path, fmt, 0, NULL,
	    count_id, NULL);
	unlink(path);
	*n = nids;
	return rc;
}

#define assert_import_err(rc, want, part) do { \
	int rc2_ = (rc); \
	ck_assert_msg(rc2_ == (want), "status %d, want %d (%s)", rc2_, \
	    (want), pm_err_msg()); \
	ck_assert_msg(strstr(msg(), (part)) != NULL, "message '%s' lacks " \
	    "'%s'", msg(), (part)); \
} while (0)

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
	/* One audit row names the import; each ticket has its event. */
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM audit WHERE"
	    " tbl = 'tickets' AND row_id = 'import' AND summary LIKE"
	    " 'imported 2 records from %'"), 1);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events WHERE"
	    " event = 'add'"), 2);
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
	assert_import_err(import("category\tunit\tdescription\n"
	    "door-lock\t3-1-502\tok\n"
	    "door-lock\t9-9-999\tno such unit\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:3: unit '9-9-999': no such unit");
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), 0);
	assert_import_err(import("category\tunit\n"
	    "door-lock\t3-1-502\n", PM_REC_TSV, &n), PM_EX_DATAERR,
	    "log.tsv:2: description: missing");
	assert_import_err(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tx\tyesterday noon\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:2: date 'yesterday noon'");
	assert_import_err(import("category\tunit\tdescription\tcolour\n"
	    "door-lock\t3-1-502\tx\tred\n", PM_REC_TSV, &n), PM_EX_DATAERR,
	    "unknown field 'colour'");
	assert_import_err(import("kind\tcategory\tunit\tdescription\n"
	    "repair\tdoor-lock\t3-1-502\tx\n"
	    "praise\tdoor-lock\t3-1-502\tx\n", PM_REC_TSV, &n), PM_EX_DATAERR,
	    "log.tsv:3: kind 'praise'");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events"), 0);
}
END_TEST

/* A header with no rows under it is still checked. */
START_TEST(import_header_only)
{
	size_t n = 99;

	at("2026-11-23T18:00");
	assert_import_err(import("foo,bar\n", PM_REC_AUTO, &n), PM_EX_DATAERR,
	    "log.tsv:1: unknown field 'foo' (known: kind, category, unit,"
	    " description, source, received, receiver)");
	assert_import_err(import("category\tcolour\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:1: unknown field 'colour'");
	/* "[1]" is read as a CSV header naming the field "[1]". */
	assert_import_err(import("[1]\n", PM_REC_AUTO, &n), PM_EX_DATAERR,
	    "log.tsv:1: unknown field '[1]'");
	assert_import_err(import("[1]\n", PM_REC_JSON, &n), PM_EX_DATAERR,
	    "log.tsv:1:1: expected '{'");
	/* A good header alone, or nothing at all, adds nothing. */
	ck_assert_int_eq(import("category,unit,description\n", PM_REC_AUTO,
	    &n), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(import("", PM_REC_AUTO, &n), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 0);
	/* Nothing imported, nothing audited. */
	ck_assert_int_eq(count("SELECT count(*) FROM audit"), 0);
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
	assert_import_err(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tok\t2026-11-23T15:00\n"
	    "door-lock\t9-9-999\tbad\t2026-11-23T11:00\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:3: unit '9-9-999': no such unit");
	/* A future time is shown as the file has it. */
	assert_import_err(import("category\tunit\tdescription\treceived\n"
	    "door-lock\t3-1-502\tx\t2026-11-23T18:00:30\n", PM_REC_TSV, &n),
	    PM_EX_DATAERR, "log.tsv:2: received time '2026-11-23T18:00:30': "
	    "in the future");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets"), 4);
}
END_TEST

/*
 * Facts that never change.
 */

/* Ticket 'id' replayed at 'when' agrees with 'want' on what replays. */
static void
assert_same_state(int64_t id, pm_time when, const struct pm_ticket *want)
{
	struct pm_ticket r;
	int k;

	ck_assert_int_eq(pm_ticket_at(db, id, when, &r), 0);
	ck_assert_msg(strcmp(r.status, want->status) == 0, "ticket %lld: "
	    "status %s, stored %s", (long long)id, r.status, want->status);
	ck_assert_int_eq(r.level, want->level);
	ck_assert_int_eq(r.escalated, want->escalated);
	ck_assert_msg((r.assignee == NULL && want->assignee == NULL) ||
	    (r.assignee != NULL && want->assignee != NULL &&
	    strcmp(r.assignee, want->assignee) == 0), "ticket %lld: assignee",
	    (long long)id);
	for (k = 0; k < PM_DUE_N; k++) {
		ck_assert_msg(r.due[k] == want->due[k], "ticket %lld: %s due "
		    "%lld, stored %lld", (long long)id, pm_ticket_due_name(k),
		    (long long)r.due[k], (long long)want->due[k]);
		ck_assert_msg(r.met[k] == want->met[k], "ticket %lld: %s met "
		    "%lld, stored %lld", (long long)id, pm_ticket_due_name(k),
		    (long long)r.met[k], (long long)want->met[k]);
	}
	ck_assert_int_eq(r.resolved, want->resolved);
	pm_ticket_release(&r);
}

/* A day of work on five tickets, with every kind of event. */
static void
busy_day(void)
{
	at("2026-11-23T09:00");
	add("water-outage", "3-1-502", NULL);	/* 1: level 1, emergency */
	add("noise", "3-1-501", NULL);		/* 2: complaint */
	add("door-lock", "3-1-601", NULL);	/* 3 */
	add("fee-question", "3-1-502", NULL);	/* 4: inquiry */
	add("water-leak", "P-GATE-N", NULL);	/* 5 */
	at("2026-11-23T09:06");
	ck_assert_int_eq(pm_ticket_due_mark(db, 0), 0);
	ck_assert_int_eq(pm_ticket_assign(db, 1, "wang.qiang"), 0);
	ck_assert_int_eq(pm_ticket_escalate(db, 2, 0, "业主再次来电"), 0);
	at("2026-11-23T09:20");
	as("wang.qiang");
	ck_assert_int_eq(pm_ticket_start(db, 1), 0);
	ck_assert_int_eq(pm_ticket_wait(db, 1, "parts"), 0);
	ck_assert_int_eq(pm_ticket_assign(db, 3, "zhao.lei"), 0);
	at("2026-11-23T11:00");
	ck_assert_int_eq(pm_ticket_resume(db, 1), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, 2, NULL), 0);
	as("zhang.wei");
	ck_assert_int_eq(pm_ticket_resolve(db, 4, "已答复"), 0);
	ck_assert_int_eq(pm_ticket_note(db, 5, "已告知业主", 1), 0);
	at("2026-11-23T15:00");
	as("chen.jing");
	ck_assert_int_eq(pm_ticket_callback(db, 2, "basic", NULL), 0);
	as("wang.qiang");
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	at("2026-11-23T16:00");
	as("li.na");
	ck_assert_int_eq(pm_ticket_reopen(db, 4, "没说清楚"), 0);
	ck_assert_int_eq(pm_ticket_wait(db, 5, "owner"), 0);
	at("2026-11-23T17:00");
	ck_assert_int_eq(pm_ticket_close(db, 2), 0);
}

START_TEST(facts_replay_is_stored_state)
{
	struct pm_ticket t;
	pm_time when;
	int64_t id;

	busy_day();
	at("2026-11-24T10:00");
	as("li.na");
	ck_assert_int_eq(pm_ticket_callback(db, 1, "满意", NULL), 0);
	ck_assert_int_eq(pm_ticket_resume(db, 5), 0);
	ck_assert_int_eq(pm_ticket_cancel(db, 3, "业主自己修好了"), 0);
	/* Any moment after the last event replays to the stored state. */
	at("2026-11-25T08:00");
	for (id = 1; id <= 5; id++) {
		ck_assert_int_eq(pm_ticket_get(db, id, &t), 0);
		assert_same_state(id, pm_now() - 60, &t);
		assert_same_state(id, pm_now(), &t);
		pm_ticket_release(&t);
	}
	/* Earlier moments: as it stood then. */
	ck_assert_int_eq(pm_time_parse("2026-11-23T10:00", &when), 0);
	ck_assert_int_eq(pm_ticket_at(db, 1, when, &t), 0);
	ck_assert_str_eq(t.status, "waiting");
	ck_assert_str_eq(t.assignee, "wang.qiang");
	ck_assert_int_eq(t.met[PM_DUE_ONSITE], when - 40 * 60);
	ck_assert_int_eq(t.met[PM_DUE_NOTICE], when - 54 * 60);
	ck_assert_int_eq(t.resolved, 0);
	pm_ticket_release(&t);
	ck_assert_int_eq(pm_ticket_at(db, 2, when, &t), 0);
	ck_assert_int_eq(t.level, 1);
	ck_assert_int_eq(t.escalated, 1);
	pm_ticket_release(&t);
	/* Before the escalation: its first level, not escalated. */
	ck_assert_int_eq(pm_ticket_at(db, 2, when - 3600, &t), 0);
	ck_assert_int_eq(t.level, 3);
	ck_assert_int_eq(t.escalated, 0);
	ck_assert_str_eq(t.status, "new");
	ck_assert_ptr_null(t.assignee);
	pm_ticket_release(&t);
	/* Reopened at 16:00: resolved at 15:00, not at 17:00. */
	ck_assert_int_eq(pm_time_parse("2026-11-23T15:00", &when), 0);
	ck_assert_int_eq(pm_ticket_at(db, 4, when, &t), 0);
	ck_assert_str_eq(t.status, "resolved");
	ck_assert_int_eq(t.resolved, when - 4 * 3600);
	pm_ticket_release(&t);
	ck_assert_int_eq(pm_ticket_at(db, 4, when + 2 * 3600, &t), 0);
	ck_assert_str_eq(t.status, "assigned");
	ck_assert_int_eq(t.resolved, 0);
	ck_assert_int_eq(t.met[PM_DUE_COMPLETION], 0);
	pm_ticket_release(&t);
	pm_assert_err(pm_ticket_at(db, 9, when, &t), PM_EX_NOINPUT,
	    "ticket '9': no such ticket");
}
END_TEST

/*
 * What a day's lists said once the day was over, they say for good:
 * whatever happens to its tickets later, the pending list and the
 * counts of that day come out byte for byte the same.
 */
START_TEST(facts_closed_day_stays)
{
	char *pend, *st, *pend_table;
	struct pm_out *o;
	pm_time day;

	busy_day();
	at("2026-11-24T00:30");
	pend = strdup(pending("2026-11-23"));
	st = strdup(stats("2026-11-23"));
	ck_assert_int_eq(pm_time_parse("2026-11-23", &day), 0);
	o = pm_test_out(&mem, PM_FMT_TABLE, pm_ticket_pending_cols,
	    pm_ticket_pending_ncols);
	ck_assert_int_eq(pm_ticket_pending(db, day, o), 0);
	pend_table = strdup(pm_test_text(&mem, o));
	/*
	 * The day as it ended: three unresolved, one of them waiting with
	 * nobody on site yet.
	 */
	ck_assert_str_eq(pend,
	    "3\t2026-11-23T09:00\t3\trepair\tdoor-lock\t3-1-601\tassigned\t"
	    "zhang.wei\tzhao.lei\t900\tcompletion\t2026-11-30T09:00\t"
	    "厨房水管漏水\n"
	    "4\t2026-11-23T09:00\t3\tinquiry\tfee-question\t3-1-502\t"
	    "assigned\tzhang.wei\tzhang.wei\t900\tcompletion\t"
	    "2026-11-30T09:00\t厨房水管漏水\n"
	    "5\t2026-11-23T09:00\t3\trepair\twater-leak\tP-GATE-N\twaiting\t"
	    "zhang.wei\t\t900\tonsite\t2026-11-23T09:30\t厨房水管漏水\n");
	ck_assert_str_eq(st,
	    "repair\t3\t1\t0\t0\t0\t0\t0\t0\t0\t2\t2\t0\n"
	    "complaint\t1\t1\t0\t0\t1\t0\t1\t0\t1\t0\t0\t0\n"
	    "inquiry\t1\t1\t1\t0\t0\t0\t0\t0\t0\t1\t1\t0\n"
	    "suggestion\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
	    "all\t5\t3\t1\t0\t1\t0\t1\t0\t1\t3\t3\t0\n");

	/* The next day: a resume, a resolve, a cancel, a reopen. */
	at("2026-11-24T09:00");
	as("li.na");
	ck_assert_int_eq(pm_ticket_resume(db, 5), 0);
	ck_assert_int_eq(pm_ticket_cancel(db, 3, "业主自己修好了"), 0);
	as("zhang.wei");
	ck_assert_int_eq(pm_ticket_resolve(db, 4, NULL), 0);
	as("li.na");
	ck_assert_int_eq(pm_ticket_reopen(db, 1, "又坏了"), 0);
	ck_assert_int_eq(pm_ticket_escalate(db, 5, 1, "拖太久"), 0);
	ck_assert_int_eq(pm_ticket_due_mark(db, 0), 0);
	ck_assert_str_eq(pending("2026-11-23"), pend);
	ck_assert_str_eq(stats("2026-11-23"), st);
	/* And a week on, after more changes. */
	at("2026-11-30T12:00");
	as("wang.qiang");
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	ck_assert_int_eq(pm_ticket_resolve(db, 5, NULL), 0);
	ck_assert_str_eq(pending("2026-11-23"), pend);
	ck_assert_str_eq(stats("2026-11-23"), st);
	/* The table for people too. */
	o = pm_test_out(&mem, PM_FMT_TABLE, pm_ticket_pending_cols,
	    pm_ticket_pending_ncols);
	ck_assert_int_eq(pm_ticket_pending(db, day, o), 0);
	ck_assert_str_eq(pm_test_text(&mem, o), pend_table);
	/* The next day's figures did change: the events were on it. */
	ck_assert_str_ne(stats("2026-11-24"), st);
	free(pend);
	free(st);
	free(pend_table);
}
END_TEST

START_TEST(facts_append_only)
{
	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_spans"), 1);
	pm_assert_err(pm_db_exec(db, "UPDATE ticket_events SET who = 'x'"),
	    PM_EX_DATAERR, "ticket events cannot be changed");
	pm_assert_err(pm_db_exec(db, "DELETE FROM ticket_events"),
	    PM_EX_DATAERR, "ticket events cannot be deleted");
	pm_assert_err(pm_db_exec(db, "UPDATE ticket_spans SET class = 4"),
	    PM_EX_DATAERR, "ticket spans cannot be changed");
	pm_assert_err(pm_db_exec(db, "DELETE FROM ticket_spans"),
	    PM_EX_DATAERR, "ticket spans cannot be deleted");
	pm_assert_err(pm_db_exec(db, "DELETE FROM tickets"), PM_EX_DATAERR,
	    "tickets cannot be deleted (cancel them)");
	pm_assert_err(pm_db_exec(db, "UPDATE tickets SET description = 'x'"),
	    PM_EX_DATAERR, "a ticket's received facts cannot be changed");
	pm_assert_err(pm_db_exec(db, "UPDATE tickets SET first_level = 1"),
	    PM_EX_DATAERR, "received facts cannot be changed");
	pm_assert_err(pm_db_exec(db, "UPDATE tickets SET"
	    " first_completion_due = NULL"), PM_EX_DATAERR,
	    "received facts cannot be changed");
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_events"), 2);
	ck_assert_int_eq(count("SELECT count(*) FROM ticket_spans"), 1);
	/* The "now" columns follow the events. */
	ck_assert_int_eq(pm_db_exec(db, "UPDATE tickets SET level = 2"), 0);
}
END_TEST

START_TEST(facts_first_resolved_once)
{
	struct pm_ticket t;
	pm_time first;

	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);
	at("2026-11-23T10:00");
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	first = pm_now();
	at("2026-11-23T11:00");
	ck_assert_int_eq(pm_ticket_reopen(db, 1, NULL), 0);
	ck_assert_int_eq(pm_ticket_get(db, 1, &t), 0);
	ck_assert_int_eq(t.first_resolved, first);
	ck_assert_int_eq(t.resolved, 0);
	pm_ticket_release(&t);
	at("2026-11-23T12:00");
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	ck_assert_int_eq(pm_ticket_get(db, 1, &t), 0);
	ck_assert_int_eq(t.first_resolved, first);
	ck_assert_int_eq(t.resolved, pm_now());
	pm_ticket_release(&t);
	/* Written once: not even SQL rewrites it. */
	pm_assert_err(pm_db_exec(db, "UPDATE tickets SET first_resolved_at ="
	    " '2026-11-23T04:00:00Z'"), PM_EX_DATAERR,
	    "a ticket's first resolution cannot be changed");
	pm_assert_err(pm_db_exec(db, "UPDATE tickets SET first_resolved_at ="
	    " NULL"), PM_EX_DATAERR, "first resolution cannot be changed");
	ck_assert_int_eq(count("SELECT count(*) FROM tickets WHERE"
	    " first_resolved_at = '2026-11-23T02:00:00Z'"), 1);
}
END_TEST

/*
 * A day ends at midnight, and what happens at 00:00:00 belongs to the
 * next day, as its counts say: a resolve at that second leaves the
 * ticket on the day before's list, a reopen does not put one on it.
 */
START_TEST(facts_midnight_is_the_next_day)
{
	static const char want_pending[] = "1\t2026-11-23T09:00\t3\trepair\t"
	    "door-lock\t3-1-502\tnew\tzhang.wei\t\t900\tfeedback\t"
	    "2026-11-25T09:00\t厨房水管漏水\n";
	static const char want_stats[] =
	    "repair\t2\t1\t0\t0\t0\t0\t0\t0\t0\t1\t1\t0\n"
	    "complaint\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
	    "inquiry\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
	    "suggestion\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
	    "all\t2\t1\t0\t0\t0\t0\t0\t0\t0\t1\t1\t0\n";

	at("2026-11-23T09:00");
	add("door-lock", "3-1-502", NULL);	/* open all day */
	add("door-lock", "3-1-501", NULL);	/* resolved at once */
	ck_assert_int_eq(pm_ticket_resolve(db, 2, NULL), 0);
	at("2026-11-24T00:00");
	ck_assert_str_eq(pending("2026-11-23"), want_pending);
	ck_assert_str_eq(stats("2026-11-23"), want_stats);
	ck_assert_int_eq(pm_ticket_resolve(db, 1, NULL), 0);
	ck_assert_int_eq(pm_ticket_reopen(db, 2, NULL), 0);
	ck_assert_str_eq(pending("2026-11-23"), want_pending);
	ck_assert_str_eq(stats("2026-11-23"), want_stats);
	at("2026-11-24T00:01");
	ck_assert_str_eq(pending("2026-11-23"), want_pending);
	ck_assert_str_eq(stats("2026-11-23"), want_stats);
	/* The next day has them: the reopened ticket is carried over. */
	ck_assert_str_eq(pending("2026-11-24"), "2\t2026-11-23T09:00\t3\t"
	    "repair\tdoor-lock\t3-1-501\tassigned\tzhang.wei\tzhang.wei\t"
	    "901\tcompletion\t2026-11-30T09:00\t厨房水管漏水\n");
	ck_assert_int_eq(strncmp(stats("2026-11-24"),
	    "repair\t0\t1\t1\t0\t0\t0\t0\t0\t0\t1\t0\t0\n", 24), 0);
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
	tcase_add_test(tc, deadlines_shift);
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
	tcase_add_test(tc, act);
	suite_add_tcase(s, tc);

	tc = tcase_create("add");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, add_errors);
	tcase_add_test(tc, add_fields);
	tcase_add_test(tc, check_new);
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

	tc = tcase_create("facts");
	tcase_add_checked_fixture(tc, setup, list_teardown);
	tcase_add_test(tc, facts_replay_is_stored_state);
	tcase_add_test(tc, facts_closed_day_stays);
	tcase_add_test(tc, facts_append_only);
	tcase_add_test(tc, facts_first_resolved_once);
	tcase_add_test(tc, facts_midnight_is_the_next_day);
	suite_add_tcase(s, tc);
	return s;
}
