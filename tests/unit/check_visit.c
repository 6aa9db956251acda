/*
 * check_visit.c - walk visits: the quota of a week with a holiday and a
 * make-up working day, extra visits that do not make up for a short day,
 * the manager's monthly quota, figures as of a time; the households to
 * visit next; the matters raised for pm-ticket import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peopletest.h"
#include "visit.h"

/* Record a visit by 'staff' to 'unit' at 'when', with 'sat' (or NULL). */
static int64_t
visit(const char *staff, const char *unit, const char *when, const char *sat)
{
	struct pm_visit v;
	int64_t id;

	memset(&v, 0, sizeof v);
	v.staff = staff;
	v.unit = unit;
	v.at = t_(when);
	v.satisfaction = sat;
	ck_assert_msg(pm_visit_add(db, &v, &id) == 0, "%s", pm_err_msg());
	return id;
}

/* The quota's rows as "login per days owed visited credited" lines. */
struct rows {
	char buf[1024];
};

static int
row_text(const struct pm_visit_quota_row *r, void *arg)
{
	struct rows *x = arg;
	size_t n = strlen(x->buf);

	snprintf(x->buf + n, sizeof x->buf - n, "%s %s %d %lld %lld %lld\n",
	    r->login != NULL ? r->login : "all", r->per != NULL ? r->per : "-",
	    r->days, (long long)r->owed, (long long)r->visited,
	    (long long)r->credited);
	return 0;
}

static const char *
quota(const char *period, const char *as_of, int *short_)
{
	static struct rows x;
	pm_time from, to;

	memset(&x, 0, sizeof x);
	ck_assert_int_eq(pm_period_parse(period, &from, &to), 0);
	ck_assert_msg(pm_visit_quota(db, from, to, as_of != NULL ? t_(as_of) :
	    pm_now(), row_text, &x, short_) == 0, "%s", pm_err_msg());
	return x.buf;
}

START_TEST(quota_week)
{
	static const char *const six[] = { "3-1-101", "3-1-102", "3-1-201",
	    "3-1-202", "3-1-302", "5-1-101" };
	int i, short_;

	at("2026-11-30T08:00");
	/* chen.jing: six households on Monday (5 credited), three on
	 * Tuesday (one twice), two on Wednesday, a holiday that owes none. */
	for (i = 0; i < 6; i++)
		visit("chen.jing", six[i], "2026-11-23T09:00", NULL);
	visit("chen.jing", "3-1-101", "2026-11-24T09:00", NULL);
	visit("chen.jing", "3-1-101", "2026-11-24T15:00", "satisfied");
	visit("chen.jing", "3-1-102", "2026-11-24T10:00", NULL);
	visit("chen.jing", "5-1-102", "2026-11-24T11:00", NULL);
	visit("chen.jing", "3-1-101", "2026-11-25T09:00", NULL);
	visit("chen.jing", "3-1-102", "2026-11-25T09:00", NULL);
	/* wang.fang (a lead): five on Saturday, a make-up working day. */
	for (i = 0; i < 5; i++)
		visit("wang.fang", six[i], "2026-11-28T09:00", NULL);
	/* Five working days: 23, 24, 26, 27, 28.  The manager owes a month,
	 * and the week holds none; li.na (supervisor) owes nothing. */
	ck_assert_str_eq(quota("2026-11-23", NULL, &short_),
	    "chen.jing day 1 5 6 5\n"
	    "liu.yang day 1 5 0 0\n"
	    "wang.fang day 1 5 0 0\n"
	    "all - 3 15 6 5\n");
	ck_assert_int_eq(short_, 1);
	ck_assert_str_eq(quota("2026-W48", NULL, &short_),
	    "chen.jing day 5 25 9 8\n"
	    "liu.yang day 5 25 0 0\n"
	    "wang.fang day 5 25 5 5\n"
	    "all - 15 75 14 13\n");
	ck_assert_str_eq(quota("2026-11-25", NULL, &short_), "all - 0 0 0 0\n");
	ck_assert_int_eq(short_, 0);
	/* Mid-week, only the days that have begun are owed (the visits,
	 * recorded later, read as of then). */
	at("2026-11-26T12:00");
	ck_assert_str_eq(quota("this-week", "2026-11-30T08:00", &short_),
	    "chen.jing day 3 15 9 8\n"
	    "liu.yang day 3 15 0 0\n"
	    "wang.fang day 3 15 0 0\n"
	    "all - 9 45 9 8\n");
}
END_TEST

START_TEST(quota_month_as_of)
{
	struct pm_fact_ref ref;
	int64_t id;
	int short_;

	at("2026-11-30T18:00");
	visit("zhang.wei", "3-1-101", "2026-11-02T10:00", NULL);
	visit("zhang.wei", "3-1-102", "2026-11-10T10:00", NULL);
	visit("zhang.wei", "3-1-102", "2026-11-11T10:00", NULL);
	id = visit("zhang.wei", "3-1-201", "2026-11-30T10:00", NULL);
	at("2026-12-01T09:00");
	/* Three different households of the five owed.  The total adds the
	 * 21 working days (a holiday and a make-up day) of three staff. */
	ck_assert_str_eq(strstr(quota("2026-11", NULL, &short_), "zhang.wei"),
	    "zhang.wei month 0 5 3 3\nall - 63 320 3 3\n");
	/* A visit voided on December 2nd: the month reads 2 now, and 3 as it
	 * was reported on the 1st. */
	at("2026-12-02T09:00");
	ck_assert_int_eq(pm_fact_find(db, &pm_visit_fact, "4", &ref), 0);
	ck_assert_int_eq(ref.record, id);
	ck_assert_int_eq(pm_fact_void(db, &pm_visit_fact, &ref, "未入户"), 0);
	ck_assert_str_eq(strstr(quota("2026-11", NULL, &short_), "zhang.wei"),
	    "zhang.wei month 0 5 2 2\nall - 63 320 2 2\n");
	ck_assert_str_eq(strstr(quota("2026-11", "2026-12-01T09:00", &short_),
	    "zhang.wei"), "zhang.wei month 0 5 3 3\nall - 63 320 3 3\n");
	ck_assert_int_eq(short_, 1);
}
END_TEST

struct todo_text {
	char buf[1024];
};

static int
todo_row(const struct pm_visit_todo_row *r, void *arg)
{
	struct todo_text *x = arg;
	char a[PM_TIME_LOCAL_LEN], b[PM_TIME_LOCAL_LEN];
	size_t n = strlen(x->buf);

	snprintf(x->buf + n, sizeof x->buf - n, "%s %s %s %s %s\n", r->unit,
	    r->reason, r->source != NULL ? r->source : "-",
	    r->reading_at != 0 ? pm_time_local(r->reading_at, a) : "-",
	    r->last_visit != 0 ? pm_time_local(r->last_visit, b) : "-");
	return 0;
}

START_TEST(todo)
{
	struct todo_text x;

	at("2026-11-30T18:00");
	visit("chen.jing", "5-1-101", "2025-12-01T10:00", "satisfied");
	visit("chen.jing", "3-1-202", "2026-11-02T10:00", "dissatisfied");
	visit("chen.jing", "3-1-101", "2026-11-20T10:00", "dissatisfied");
	visit("chen.jing", "3-1-102", "2026-11-03T10:00", "dissatisfied");
	visit("liu.yang", "3-1-102", "2026-11-04T10:00", NULL);
	visit("liu.yang", "3-1-302", "2026-11-05T10:00", "basic");
	/* Dissatisfied, the longest waiting first; 3-1-102 was seen since.
	 * Then the households not visited this year, the never visited
	 * first; 3-1-301 is vacant. */
	memset(&x, 0, sizeof x);
	ck_assert_int_eq(pm_visit_todo(db, NULL, t_("2026-01-01"), todo_row,
	    &x), 0);
	ck_assert_str_eq(x.buf,
	    "3-1-202 dissatisfied visit 2026-11-02T10:00 2026-11-02T10:00\n"
	    "3-1-101 dissatisfied visit 2026-11-20T10:00 2026-11-20T10:00\n"
	    "3-1-201 not_visited - - -\n"
	    "5-1-102 not_visited - - -\n"
	    "5-1-101 not_visited - - 2025-12-01T10:00\n");
	memset(&x, 0, sizeof x);
	ck_assert_int_eq(pm_visit_todo(db, "5", t_("2026-01-01"), todo_row,
	    &x), 0);
	ck_assert_str_eq(x.buf, "5-1-102 not_visited - - -\n"
	    "5-1-101 not_visited - - 2025-12-01T10:00\n");
	/* A later window: the readings before it do not count. */
	memset(&x, 0, sizeof x);
	ck_assert_int_eq(pm_visit_todo(db, "3", t_("2026-11-10"), todo_row,
	    &x), 0);
	ck_assert_str_eq(x.buf,
	    "3-1-101 dissatisfied visit 2026-11-20T10:00 2026-11-20T10:00\n"
	    "3-1-201 not_visited - - -\n"
	    "3-1-202 not_visited - - 2026-11-02T10:00\n"
	    "3-1-102 not_visited - - 2026-11-04T10:00\n"
	    "3-1-302 not_visited - - 2026-11-05T10:00\n");
}
END_TEST

START_TEST(raised)
{
	struct pm_test_mem m = { NULL, NULL, 0 };
	struct pm_visit v;
	struct pm_out *o;
	int64_t id;

	at("2026-11-23T18:00");
	memset(&v, 0, sizeof v);
	v.staff = "chen.jing";
	v.unit = "3-1-101";
	v.at = t_("2026-11-23T10:00");
	v.raised = "楼道灯不亮";
	v.category = "public-lighting";
	ck_assert_int_eq(pm_visit_add(db, &v, &id), 0);
	v.raised = NULL;
	v.category = NULL;
	pm_assert_err(pm_visit_add(db, &(struct pm_visit){ .unit = "3-1-101",
	    .category = "noise" }, &id), PM_EX_DATAERR,
	    "a category is for what was raised");
	pm_assert_err(pm_visit_add(db, &(struct pm_visit){ .unit = "3-1-101",
	    .raised = "吵" }, &id), PM_EX_DATAERR, "needs a category");
	o = pm_test_out(&m, PM_FMT_TSV, pm_visit_raised_cols,
	    pm_visit_raised_ncols);
	ck_assert_int_eq(pm_visit_raised(db, t_("2026-11-01"), 0, o), 0);
	ck_assert_str_eq(pm_test_text(&m, o), "public-lighting\t3-1-101\t"
	    "楼道灯不亮\tvisit\t2026-11-23T10:00\tchen.jing\n");
	pm_test_mem_free(&m);
	/* Once its ticket exists (as pm-ticket import makes it), it is
	 * listed only with 'all'. */
	sql_ok("INSERT INTO tickets(kind, category, unit, description, source,"
	    " received_at, receiver, status, level, level_reason, first_level,"
	    " first_level_reason) VALUES ('repair',"
	    " 'public-lighting', '3-1-101', '楼道灯不亮', 'visit',"
	    " '2026-11-23T02:00:00Z', 'chen.jing', 'new', 3, 'routine', 3,"
	    " 'routine')");
	o = pm_test_out(&m, PM_FMT_TSV, pm_visit_raised_cols,
	    pm_visit_raised_ncols);
	ck_assert_int_eq(pm_visit_raised(db, t_("2026-11-01"), 0, o), 0);
	ck_assert_str_eq(pm_test_text(&m, o), "");
	pm_test_mem_free(&m);
	o = pm_test_out(&m, PM_FMT_TSV, pm_visit_raised_cols,
	    pm_visit_raised_ncols);
	ck_assert_int_eq(pm_visit_raised(db, t_("2026-11-01"), 1, o), 0);
	ck_assert_ptr_nonnull(strstr(pm_test_text(&m, o), "楼道灯不亮"));
	pm_test_mem_free(&m);
}
END_TEST

Suite *
visit_suite(void)
{
	Suite *s = suite_create("visit");
	TCase *tc = tcase_create("visit");

	tcase_add_checked_fixture(tc, people_setup, people_teardown);
	tcase_add_test(tc, quota_week);
	tcase_add_test(tc, quota_month_as_of);
	tcase_add_test(tc, todo);
	tcase_add_test(tc, raised);
	suite_add_tcase(s, tc);
	return s;
}
