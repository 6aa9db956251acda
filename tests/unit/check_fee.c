/*
 * check_fee.c - the arithmetic of fees, pinned to the fen on the worked
 * figures of domain/fees.md: one rounding per bill line (quarterly and
 * monthly), proration from the handover day, late fees, the
 * largest-remainder split and the three collection rates; then prices,
 * percentages, months and periods as people type them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pmtest.h"
#include "clock.h"
#include "fee.h"

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int64_t
amount(int64_t q, int64_t rm, int64_t den)
{
	int64_t fen = -1;

	ck_assert_msg(pm_fee_amount(q, rm, den, &fen) == 0, "%s",
	    pm_err_msg());
	return fen;
}

static int64_t
day(const char *s)
{
	int64_t d;

	ck_assert_msg(pm_day_scan(s, &d) == 0, "day %s", s);
	return d;
}

/* 89.37 m² × 1.85 yuan × 3 months as one line: 496.0035 -> 496.00. */
START_TEST(test_fee_quarter_one_line)
{
	ck_assert_int_eq(amount(8937, 18500 * 3, 1), 49600);
}
END_TEST

/* The same quarter as three monthly lines: 165.3345 -> 165.33, × 3. */
START_TEST(test_fee_quarter_three_lines)
{
	int64_t m = amount(8937, 18500, 1);

	ck_assert_int_eq(m, 16533);
	ck_assert_int_eq(3 * m, 49599);
}
END_TEST

/* Handover 2024-03-18, 100.00 m² × 2.50: 250.00 × 14/31 = 112.90. */
START_TEST(test_fee_proration)
{
	int64_t h = day("2024-03-18");
	int y, m, d, days;

	pm_day_civil(h, &y, &m, &d);
	days = pm_month_length(y, m) - d + 1;
	ck_assert_int_eq(days, 14);
	ck_assert_int_eq(amount(10000, 25000, 1), 25000);
	ck_assert_int_eq(amount(10000, 25000 * days, pm_month_length(y, m)),
	    11290);
}
END_TEST

/* Half up at the fen, away from zero, and once only. */
START_TEST(test_fee_rounding)
{
	ck_assert_int_eq(amount(100, 50, 1), 1);	/* 0.5 fen -> 1 */
	ck_assert_int_eq(amount(100, 49, 1), 0);	/* 0.49 -> 0 */
	ck_assert_int_eq(amount(100, -50, 1), -1);	/* -0.5 -> -1 */
	ck_assert_int_eq(amount(0, 18500, 1), 0);
	pm_err_clear();
	pm_assert_err(pm_fee_amount(INT64_MAX / 2, 3, 1, &(int64_t){0}),
	    PM_EX_DATAERR, "amount overflow");
}
END_TEST

/*
 * 250.00 due 2024-01-31 and 250.00 due 2024-02-29, both unpaid on
 * 2024-03-31 at 0.05% a day: 60 days -> 7.50, 31 days -> 3.875 -> 3.88;
 * 11.38 in all.
 */
START_TEST(test_fee_late_fee_worked)
{
	struct pm_fee_late r = { 500, 0, -1 };
	int64_t a = pm_fee_late_fee(&r, 25000, day("2024-01-31"), NULL, 0,
	    day("2024-03-31"));
	int64_t b = pm_fee_late_fee(&r, 25000, day("2024-02-29"), NULL, 0,
	    day("2024-03-31"));

	ck_assert_int_eq(a, 750);
	ck_assert_int_eq(b, 388);
	ck_assert_int_eq(a + b, 1138);
}
END_TEST

/* Partial payments stop the fee on what they paid, from their day. */
START_TEST(test_fee_late_fee_partial)
{
	struct pm_fee_late r = { 500, 0, -1 };
	/* 150.00 paid on 2024-03-01 of 250.00 due 2024-01-31. */
	struct pm_fee_paid p[] = { { 0, 15000 } };
	int64_t fee;

	p[0].day = day("2024-03-01");
	/*
	 * February (29 days) on 250.00, March (31 days) on 100.00:
	 * 25000 × 29 + 10000 × 31 = 1,035,000 fen-days × 0.0005 = 517.5.
	 */
	fee = pm_fee_late_fee(&r, 25000, day("2024-01-31"), p, 1,
	    day("2024-03-31"));
	ck_assert_int_eq(fee, 518);
	/* Paid in full on the due day: nothing. */
	p[0].day = day("2024-01-31");
	p[0].amount = 25000;
	ck_assert_int_eq(pm_fee_late_fee(&r, 25000, day("2024-01-31"), p, 1,
	    day("2024-03-31")), 0);
	/* Not due yet, or the rule off: nothing. */
	ck_assert_int_eq(pm_fee_late_fee(&r, 25000, day("2024-03-31"), NULL,
	    0, day("2024-03-31")), 0);
	r.daily = 0;
	ck_assert_int_eq(pm_fee_late_fee(&r, 25000, day("2024-01-31"), NULL,
	    0, day("2024-03-31")), 0);
}
END_TEST

/* A grace period moves the first day; a cap bounds the fee. */
START_TEST(test_fee_late_fee_grace_cap)
{
	struct pm_fee_late r = { 500, 15, -1 };

	/* 60 days late, 15 of grace: 45 days × 12.50 = 5.625 -> 5.63. */
	ck_assert_int_eq(pm_fee_late_fee(&r, 25000, day("2024-01-31"), NULL,
	    0, day("2024-03-31")), 563);
	ck_assert_int_eq(pm_fee_late_fee(&r, 25000, day("2024-01-31"), NULL,
	    0, day("2024-02-15")), 0);
	/* Capped at 1% of the line: 2.50. */
	r.grace = 0;
	r.cap = 100;
	ck_assert_int_eq(pm_fee_late_fee(&r, 25000, day("2024-01-31"), NULL,
	    0, day("2024-03-31")), 250);
}
END_TEST

/* 100.00 among three equal units: 33.34 / 33.33 / 33.33. */
START_TEST(test_fee_split_worked)
{
	int64_t w[] = { 8950, 8950, 8950 }, p[3];

	ck_assert_int_eq(pm_fee_split(10000, w, 3, p), 0);
	ck_assert_int_eq(p[0], 3334);
	ck_assert_int_eq(p[1], 3333);
	ck_assert_int_eq(p[2], 3333);
}
END_TEST

/* The parts always add up, the largest remainders get the fen. */
START_TEST(test_fee_split_property)
{
	int64_t w[7] = { 8950, 12030, 8950, 1, 0, 33333, 12030 }, p[7];
	int64_t total, sum;
	int i;

	for (total = 0; total < 5000; total += 37) {
		ck_assert_int_eq(pm_fee_split(total, w, 7, p), 0);
		for (i = 0, sum = 0; i < 7; i++) {
			sum += p[i];
			/* Within one fen of the exact share. */
			ck_assert(p[i] * 75294 >= total * w[i] - 75294);
			ck_assert(p[i] * 75294 <= total * w[i] + 75294);
		}
		ck_assert_int_eq(sum, total);
		ck_assert_int_eq(p[4], 0);
	}
	/* 0.10 among 89.50 and 120.30 m²: 4.27 and 5.73 fen -> 4 and 6. */
	ck_assert_int_eq(pm_fee_split(10, (int64_t[]){ 8950, 12030 }, 2, p), 0);
	ck_assert_int_eq(p[0], 4);
	ck_assert_int_eq(p[1], 6);
	pm_assert_err(pm_fee_split(100, (int64_t[]){ 0, 0 }, 2, p),
	    PM_EX_DATAERR, "no area");
}
END_TEST

/*
 * Billed 100,000.00, 90,000.00 collected: 90.00%; arrears 5,000.00 at
 * the start, 2,000.00 recovered: 40.00%; combined 92,000.00 /
 * 105,000.00: 87.62%.
 */
START_TEST(test_fee_rates_worked)
{
	char buf[16];

	ck_assert_int_eq(pm_fee_ratio_bp(9000000, 10000000), 9000);
	ck_assert_str_eq(pm_fee_ratio_fmt(9000000, 10000000, buf, sizeof buf),
	    "90.00%");
	ck_assert_str_eq(pm_fee_ratio_fmt(200000, 500000, buf, sizeof buf),
	    "40.00%");
	ck_assert_int_eq(pm_fee_ratio_bp(9200000, 10500000), 8762);
	ck_assert_str_eq(pm_fee_ratio_fmt(9200000, 10500000, buf, sizeof buf),
	    "87.62%");
	ck_assert_str_eq(pm_fee_ratio_fmt(0, 0, buf, sizeof buf), "—");
	ck_assert_int_eq(pm_fee_ratio_bp(5, 0), -1);
	ck_assert_str_eq(pm_fee_ratio_fmt(1, 3, buf, sizeof buf), "33.33%");
	ck_assert_str_eq(pm_fee_ratio_fmt(2, 3, buf, sizeof buf), "66.67%");
	ck_assert_str_eq(pm_fee_ratio_fmt(1, 1, buf, sizeof buf), "100.00%");
}
END_TEST

static const struct {
	const char *in;
	int64_t rate;
	const char *out;
} rate_ok[] = {
	{ "1.85", 18500, "1.85" },
	{ "2.3500", 23500, "2.35" },
	{ "2.3456", 23456, "2.3456" },
	{ "120", 1200000, "120.00" },
	{ "0", 0, "0.00" },
	{ "0.0001", 1, "0.0001" },
	{ "100000", 1000000000, "100000.00" }
};

START_TEST(test_fee_rate_ok)
{
	char buf[PM_MONEY_LEN];
	int64_t r = -1;

	ck_assert_int_eq(pm_fee_rate_parse(rate_ok[_i].in, &r), 0);
	ck_assert_int_eq(r, rate_ok[_i].rate);
	ck_assert_str_eq(pm_fee_rate_fmt(r, buf), rate_ok[_i].out);
}
END_TEST

static const struct {
	const char *in, *msg;
} rate_bad[] = {
	{ "1.85001", "rate '1.85001': more than four decimals" },
	{ "", "rate '': empty" },
	{ "1.", "rate '1.': not a number" },
	{ ".5", "rate '.5': not a number" },
	{ "-1", "rate '-1': not a number" },
	{ "1,000", "rate '1,000': not a number" },
	{ "100000.01", "rate '100000.01': too large" },
	{ "99999999999999999999", "too large" }
};

START_TEST(test_fee_rate_bad)
{
	int64_t r = 7;

	pm_assert_err(pm_fee_rate_parse(rate_bad[_i].in, &r), PM_EX_DATAERR,
	    rate_bad[_i].msg);
	ck_assert_int_eq(r, 7);
}
END_TEST

START_TEST(test_fee_percent)
{
	char buf[24];
	int64_t v;

	ck_assert_int_eq(pm_fee_percent_parse("50%", "pays", 2, 10000, &v), 0);
	ck_assert_int_eq(v, 5000);
	ck_assert_int_eq(pm_fee_percent_parse("0.05%", "daily", 4, 1000000,
	    &v), 0);
	ck_assert_int_eq(v, 500);
	ck_assert_str_eq(pm_fee_percent_fmt(500, 4, buf, sizeof buf), "0.05%");
	ck_assert_str_eq(pm_fee_percent_fmt(5000, 2, buf, sizeof buf), "50%");
	pm_assert_err(pm_fee_percent_parse("50", "pays", 2, 10000, &v),
	    PM_EX_DATAERR, "pays '50': not a percentage");
	pm_assert_err(pm_fee_percent_parse("101%", "pays", 2, 10000, &v),
	    PM_EX_DATAERR, "too large");
	pm_assert_err(pm_fee_percent_parse("0.001%", "pays", 2, 10000, &v),
	    PM_EX_DATAERR, "more than two decimals");
}
END_TEST

START_TEST(test_fee_periods)
{
	int y, m, n;
	char buf[8];

	setenv("PM_NOW", "2026-02-10T09:00", 1);
	ck_assert_int_eq(pm_fee_period_parse("2026-03", &y, &m, &n), 0);
	ck_assert(y == 2026 && m == 3 && n == 1);
	ck_assert_int_eq(pm_fee_period_parse("2026-Q4", &y, &m, &n), 0);
	ck_assert(y == 2026 && m == 10 && n == 3);
	ck_assert_int_eq(pm_fee_period_parse("2025", &y, &m, &n), 0);
	ck_assert(y == 2025 && m == 1 && n == 12);
	ck_assert_int_eq(pm_fee_period_parse("last-month", &y, &m, &n), 0);
	ck_assert(y == 2026 && m == 1 && n == 1);
	ck_assert_int_eq(pm_fee_period_parse("last-quarter", &y, &m, &n), 0);
	ck_assert(y == 2025 && m == 10 && n == 3);
	ck_assert_int_eq(pm_fee_period_parse("this-year", &y, &m, &n), 0);
	ck_assert(y == 2026 && m == 1 && n == 12);
	pm_assert_err(pm_fee_period_parse("2026-13", &y, &m, &n), PM_EX_USAGE,
	    "period '2026-13': not a month, quarter or year");
	pm_assert_err(pm_fee_period_parse("2026-W05", &y, &m, &n),
	    PM_EX_USAGE, "not a month");
	y = 2026;
	m = 11;
	pm_fee_month_add(&y, &m, 3);
	ck_assert_str_eq(pm_fee_month_fmt(y, m, buf), "2027-02");
	pm_fee_month_add(&y, &m, -14);
	ck_assert_str_eq(pm_fee_month_fmt(y, m, buf), "2025-12");
	unsetenv("PM_NOW");
}
END_TEST

START_TEST(test_fee_days)
{
	int64_t d;

	setenv("PM_NOW", "2026-02-10T09:00", 1);
	ck_assert_int_eq(pm_fee_day_parse("2026-02-10", "day", 0, &d), 0);
	ck_assert_int_eq(d, pm_fee_today());
	ck_assert_int_eq(pm_fee_day_parse("yesterday", "day", 0, &d), 0);
	ck_assert_int_eq(d, pm_fee_today() - 1);
	pm_assert_err(pm_fee_day_parse("2026-02-11", "paid on", 0, &d),
	    PM_EX_DATAERR, "paid on '2026-02-11': in the future");
	ck_assert_int_eq(pm_fee_day_parse("2026-02-11", "day", 1, &d), 0);
	pm_assert_err(pm_fee_day_parse("2026-02-30", "day", 0, &d),
	    PM_EX_USAGE, "no such day");
	ck_assert_int_eq(pm_day_scan("2024-02-29", &d), 0);
	ck_assert_int_eq(pm_day_scan("2023-02-29", &d), -1);
	ck_assert_int_eq(pm_day_scan("2023-2-28", &d), -1);
	unsetenv("PM_NOW");
}
END_TEST

Suite *
fee_suite(void)
{
	Suite *s = suite_create("fee");
	TCase *tc;

	tc = tcase_create("worked");
	tcase_add_test(tc, test_fee_quarter_one_line);
	tcase_add_test(tc, test_fee_quarter_three_lines);
	tcase_add_test(tc, test_fee_proration);
	tcase_add_test(tc, test_fee_rounding);
	tcase_add_test(tc, test_fee_late_fee_worked);
	tcase_add_test(tc, test_fee_late_fee_partial);
	tcase_add_test(tc, test_fee_late_fee_grace_cap);
	tcase_add_test(tc, test_fee_split_worked);
	tcase_add_test(tc, test_fee_split_property);
	tcase_add_test(tc, test_fee_rates_worked);
	suite_add_tcase(s, tc);

	tc = tcase_create("input");
	tcase_add_loop_test(tc, test_fee_rate_ok, 0, NELEM(rate_ok));
	tcase_add_loop_test(tc, test_fee_rate_bad, 0, NELEM(rate_bad));
	tcase_add_test(tc, test_fee_percent);
	tcase_add_test(tc, test_fee_periods);
	tcase_add_test(tc, test_fee_days);
	suite_add_tcase(s, tc);
	return s;
}
