/*
 * check_duty.c - the duty log: shifts and their limits, entries only by
 * whom is on duty, the handover, and the posts' rules checked (too few
 * on duty, too long without an entry, an ongoing gap).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peopletest.h"
#include "duty.h"

static int64_t
shift(const char *post, const char *staff, const char *from, const char *to)
{
	int64_t id;

	ck_assert_msg(pm_duty_shift(db, post, staff, t_(from), t_(to), &id) ==
	    0, "%s", pm_err_msg());
	return id;
}

static void
entry(const char *who, const char *post, const char *when)
{
	int64_t id;

	as(who);
	ck_assert_msg(pm_duty_log(db, post, t_(when), "patrol", "巡查正常",
	    &id) == 0, "%s at %s: %s", who, when, pm_err_msg());
}

static char text[2048];

static int
gap_row(const struct pm_duty_gap_row *r, void *arg)
{
	char a[PM_TIME_LOCAL_LEN], b[PM_TIME_LOCAL_LEN];
	size_t n = strlen(text);

	snprintf(text + n, sizeof text - n, "%s %s %s %s %d/%d%s\n", r->post,
	    r->gap, pm_time_local(r->from, a), pm_time_local(r->to, b),
	    r->on_duty, r->needed, r->ongoing ? " ongoing" : "");
	return 0;
}

static const char *
check(const char *post, const char *period, int *found)
{
	pm_time from, to;

	text[0] = '\0';
	ck_assert_int_eq(pm_period_parse(period, &from, &to), 0);
	ck_assert_msg(pm_duty_check(db, post, from, to, gap_row, NULL,
	    found) == 0, "%s", pm_err_msg());
	return text;
}

START_TEST(shifts)
{
	int64_t id;

	at("2026-11-24T08:00");
	shift("fire-control", "xie.bin", "2026-11-23T08:00",
	    "2026-11-23T20:00");
	pm_assert_err(pm_duty_shift(db, "fire-control", "xie.bin",
	    t_("2026-11-23T19:00"), t_("2026-11-24T07:00"), &id),
	    PM_EX_DATAERR, "staff 'xie.bin': on shift 1 at that time already");
	pm_assert_err(pm_duty_shift(db, "fire-control", "han.dong",
	    t_("2026-11-23T20:00"), t_("2026-11-23T08:00"), &id),
	    PM_EX_DATAERR, "shift: it ends before it starts");
	pm_assert_err(pm_duty_shift(db, "fire-control", "han.dong",
	    t_("2026-11-22T08:00"), t_("2026-11-23T20:01"), &id),
	    PM_EX_DATAERR, "longer than 36 hours");
	pm_assert_err(pm_duty_shift(db, "nowhere", "han.dong",
	    t_("2026-11-23T08:00"), t_("2026-11-23T20:00"), &id),
	    PM_EX_NOINPUT, "post 'nowhere': no such post");
	pm_assert_err(pm_duty_shift(db, "fire-control", "old.hand",
	    t_("2026-11-23T08:00"), t_("2026-11-23T20:00"), &id),
	    PM_EX_DATAERR, "retired");
	/* Back to back is not overlapping. */
	shift("fire-control", "xie.bin", "2026-11-23T20:00",
	    "2026-11-24T08:00");
	/* An entry only by whom is on duty there then. */
	entry("xie.bin", "fire-control", "2026-11-23T09:00");
	as("han.dong");
	pm_assert_err(pm_duty_log(db, "fire-control", t_("2026-11-23T09:00"),
	    NULL, "x", &id), PM_EX_DATAERR, "staff 'han.dong': not on duty");
	as("xie.bin");
	pm_assert_err(pm_duty_log(db, "fire-control", t_("2026-11-24T08:01"),
	    NULL, "x", &id), PM_EX_DATAERR, "in the future");
	pm_assert_err(pm_duty_log(db, "fire-control", t_("2026-11-23T10:00"),
	    "handover", "x", &id), PM_EX_DATAERR, "pm-duty handover");
	pm_assert_err(pm_duty_log(db, "fire-control", t_("2026-11-23T10:00"),
	    NULL, "", &id), PM_EX_DATAERR, "empty");
}
END_TEST

START_TEST(handover)
{
	const char *to[] = { "han.dong", "tang.kai" };
	int64_t id;

	at("2026-11-23T21:00");
	shift("fire-control", "xie.bin", "2026-11-23T08:00",
	    "2026-11-23T20:00");
	shift("fire-control", "han.dong", "2026-11-23T20:00",
	    "2026-11-24T08:00");
	as("xie.bin");
	pm_assert_err(pm_duty_handover(db, "fire-control",
	    t_("2026-11-23T20:00"), to, 2, "钥匙三把", &id), PM_EX_DATAERR,
	    "staff 'tang.kai': no shift at");
	ck_assert_msg(pm_duty_handover(db, "fire-control",
	    t_("2026-11-23T20:00"), to, 1, "钥匙三把，报警主机正常", &id) == 0,
	    "%s", pm_err_msg());
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM duty_entries"
	    " WHERE kind = 'handover'"), 1);
	as("song.tao");
	pm_assert_err(pm_duty_handover(db, "fire-control",
	    t_("2026-11-23T20:00"), to, 1, "x", &id), PM_EX_DATAERR,
	    "staff 'song.tao': no shift at");
}
END_TEST

START_TEST(rules)
{
	static const char *const hours[] = { "00", "02", "04", "06", "08",
	    "10", "12", "15", "17", "19", "21", "23" };
	size_t i;
	int found;

	at("2026-11-25T08:00");
	/* Two on duty from 00:00 to 24:00, but one of them only until 18:00;
	 * an entry every 2 hours but from 12:00 to 15:00. */
	shift("fire-control", "xie.bin", "2026-11-24T00:00",
	    "2026-11-25T00:00");
	shift("fire-control", "han.dong", "2026-11-24T00:00",
	    "2026-11-24T18:00");
	for (i = 0; i < sizeof hours / sizeof hours[0]; i++) {
		char t[32];

		snprintf(t, sizeof t, "2026-11-24T%s:00", hours[i]);
		entry("xie.bin", "fire-control", t);
	}
	ck_assert_str_eq(check("fire-control", "2026-11-24", &found),
	    "fire-control coverage 2026-11-24T18:00 2026-11-25T00:00 1/2\n"
	    "fire-control log 2026-11-24T12:00 2026-11-24T15:00 0/2\n");
	ck_assert_int_eq(found, 1);
	/* The north gate (one on duty, no log rule) was never staffed. */
	ck_assert_str_eq(check("gate-north", "2026-11-24", &found),
	    "gate-north coverage 2026-11-24T00:00 2026-11-25T00:00 0/1\n");
	/* The patrol has no rule. */
	ck_assert_str_eq(check("patrol", "2026-11-24", &found), "");
	ck_assert_int_eq(found, 0);
	/* Now is 03:30 on the 25th, xie.bin on duty alone since 00:00 and
	 * no entry since 23:00: the log gap is ongoing. */
	at("2026-11-25T03:30");
	shift("fire-control", "xie.bin", "2026-11-25T00:00",
	    "2026-11-25T12:00");
	shift("fire-control", "han.dong", "2026-11-25T00:00",
	    "2026-11-25T12:00");
	ck_assert_str_eq(check("fire-control", "today", &found),
	    "fire-control log 2026-11-24T23:00 2026-11-25T03:30 0/2 ongoing\n");
}
END_TEST

Suite *
duty_suite(void)
{
	Suite *s = suite_create("duty");
	TCase *tc = tcase_create("duty");

	tcase_add_checked_fixture(tc, people_setup, people_teardown);
	tcase_add_test(tc, shifts);
	tcase_add_test(tc, handover);
	tcase_add_test(tc, rules);
	suite_add_tcase(s, tc);
	return s;
}
