/*
 * check_gate.c - the gate: visitors who leave once, goods a visitor takes
 * out only with the owner's confirmation, tenants of rented units only,
 * large moves refused at short notice unless a manager overrides (the
 * override kept), offences counted per offender, and ID and phone
 * numbers masked in the day's list and the audit trail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peopletest.h"
#include "gate.h"

static int64_t
add(const struct pm_gate_record *r, int *nth)
{
	int64_t id;

	ck_assert_msg(pm_gate_add(db, r, &id, nth) == 0, "%s", pm_err_msg());
	return id;
}

START_TEST(visitors_and_goods)
{
	struct pm_gate_record v = { .kind = "visitor", .unit = "3-1-101",
	    .name = "王五", .id_number = "110101199003071233",
	    .phone = "13912345678", .detail = "探亲" };
	struct pm_gate_record g = { .kind = "goods", .unit = "3-1-101",
	    .direction = "out", .carrier = "visitor" };
	char key[24];
	int64_t vid, id;

	at("2026-11-23T10:00");
	vid = add(&v, NULL);
	snprintf(key, sizeof key, "%lld", (long long)vid);
	g.detail = "电视机一台";
	g.id_number = "110101199003071233";
	g.visitor = key;
	pm_assert_err(pm_gate_add(db, &g, &id, NULL), PM_EX_DATAERR,
	    "the owner's confirmation");
	g.confirmed_by = "业主赵一电话确认";
	add(&g, NULL);
	pm_assert_err(pm_gate_leave(db, key, t_("2026-11-23T09:00"), &id),
	    PM_EX_DATAERR, "cannot leave before arriving");
	ck_assert_int_eq(pm_gate_leave(db, key, 0, &id), 0);
	pm_assert_err(pm_gate_leave(db, key, 0, &id), PM_EX_DATAERR,
	    "left already");
	pm_assert_err(pm_gate_leave(db, "2", 0, &id), PM_EX_DATAERR,
	    "not a visitor");
	/* Personal data stays out of the audit trail. */
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM audit WHERE"
	    " summary LIKE '%110101199003071233%' OR summary LIKE"
	    " '%13912345678%'"), 0);
	ck_assert_int_ge(pm_test_count(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'gate_records'"), 3);
}
END_TEST

START_TEST(tenants)
{
	struct pm_gate_record t = { .kind = "tenant", .unit = "3-1-101",
	    .name = "租客", .id_number = "110101199003071233" };
	int64_t id;

	at("2026-11-23T10:00");
	pm_assert_err(pm_gate_add(db, &t, &id, NULL), PM_EX_DATAERR,
	    "unit '3-1-101': not rented");
	t.unit = "3-1-201";
	t.until = "2026-11-22";
	pm_assert_err(pm_gate_add(db, &t, &id, NULL), PM_EX_DATAERR,
	    "before the day it is registered");
	t.until = "2027-11-22";
	add(&t, NULL);
	/* An ID number is checked, and masked in the message. */
	t.id_number = "110101199003071234";
	pm_assert_err(pm_gate_add(db, &t, &id, NULL), PM_EX_DATAERR,
	    "id number '110***********1234': wrong check digit");
}
END_TEST

START_TEST(moves)
{
	struct pm_gate_record m = { .kind = "move", .unit = "3-1-101",
	    .direction = "in", .detail = "沙发" };
	int64_t id;

	at("2026-11-25T09:00");
	/* 20 hours ahead of the 24 the estate needs by default. */
	m.at = t_("2026-11-26T05:00");
	as("li.na");
	pm_assert_err(pm_gate_add(db, &m, &id, NULL), PM_EX_DATAERR,
	    "applied for 20h ahead, 1d is needed");
	m.override = "业主急需";
	pm_assert_err(pm_gate_add(db, &m, &id, NULL), PM_EX_NOPERM,
	    "only a manager may ('li.na' is not one)");
	as("zhang.wei");
	id = add(&m, NULL);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM gate_records"
	    " WHERE override_by = 'zhang.wei' AND override_reason = '业主急需'"),
	    1);
	/* An override is for short notice only; a move is ahead. */
	m.at = t_("2026-11-27T09:00");
	pm_assert_err(pm_gate_add(db, &m, &id, NULL), PM_EX_USAGE,
	    "--override is for a move less than 1d ahead");
	m.override = NULL;
	add(&m, NULL);
	m.at = t_("2026-11-25T08:00");
	pm_assert_err(pm_gate_add(db, &m, &id, NULL), PM_EX_DATAERR,
	    "not ahead");
	/* The estate's notice: 2 hours. */
	sql_ok("INSERT INTO meta(key, value) VALUES ('gate_move_notice',"
	    " '7200')");
	m.at = t_("2026-11-25T11:00");
	add(&m, NULL);
}
END_TEST

START_TEST(offences_and_the_day)
{
	struct pm_gate_record o = { .kind = "offence", .unit = "3-1-101",
	    .detail = "高空抛物" };
	struct pm_gate_record w = { .kind = "worker", .unit = "3-1-202",
	    .name = "装修工", .id_number = "110101199003071233",
	    .phone = "13912345678", .company = "好家装修",
	    .until = "2026-12-31" };
	struct pm_test_mem mem = { NULL, NULL, 0 };
	struct pm_out *out;
	const char *s;
	int64_t id;
	int nth;

	at("2026-11-23T10:00");
	add(&o, &nth);
	ck_assert_int_eq(nth, 1);
	o.detail = "楼道堆物";
	at("2026-11-24T10:00");
	add(&o, &nth);
	ck_assert_int_eq(nth, 2);
	o.unit = NULL;
	pm_assert_err(pm_gate_add(db, &o, &id, &nth), PM_EX_USAGE,
	    "name the offender");
	at("2026-11-23T11:00");
	w.at = t_("2026-11-23T11:00");
	add(&w, NULL);
	/* The day's list: the offence of the 23rd and the worker, whose pass
	 * holds on the 24th too; numbers masked unless revealed. */
	at("2026-11-24T12:00");
	out = pm_test_out(&mem, PM_FMT_TSV, pm_gate_day_cols,
	    pm_gate_day_ncols);
	ck_assert_int_eq(pm_gate_day(db, t_("2026-11-23"), 0, out), 0);
	s = pm_test_text(&mem, out);
	ck_assert_ptr_nonnull(strstr(s, "高空抛物"));
	ck_assert_ptr_nonnull(strstr(s, "装修工"));
	ck_assert_ptr_null(strstr(s, "楼道堆物"));
	ck_assert_ptr_null(strstr(s, "110101199003071233"));
	ck_assert_ptr_null(strstr(s, "13912345678"));
	pm_test_mem_free(&mem);
	out = pm_test_out(&mem, PM_FMT_TSV, pm_gate_day_cols,
	    pm_gate_day_ncols);
	ck_assert_int_eq(pm_gate_day(db, t_("2026-11-24"), 1, out), 0);
	s = pm_test_text(&mem, out);
	ck_assert_ptr_nonnull(strstr(s, "楼道堆物"));
	ck_assert_ptr_nonnull(strstr(s, "110101199003071233"));
	ck_assert_ptr_nonnull(strstr(s, "13912345678"));
	pm_test_mem_free(&mem);
}
END_TEST

Suite *
gate_suite(void)
{
	Suite *s = suite_create("gate");
	TCase *tc = tcase_create("gate");

	tcase_add_checked_fixture(tc, people_setup, people_teardown);
	tcase_add_test(tc, visitors_and_goods);
	tcase_add_test(tc, tenants);
	tcase_add_test(tc, moves);
	tcase_add_test(tc, offences_and_the_day);
	suite_add_tcase(s, tc);
	return s;
}
