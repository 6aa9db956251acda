/*
 * check_money.c - parsing, printing and multiplying amounts in fen.
 *
 * Most tests are tables, one row a case, because the interesting part of
 * a strict parser is the exact list of what it takes and what it refuses,
 * with the exact message a person will read.  The property tests walk
 * many values, including both ends of int64_t, and compare against a
 * 128-bit reference (integers only: no floating point anywhere).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pmtest.h"
#include "money.h"

__extension__ typedef __int128 i128;

/* Compare the recorded message with 'want' exactly. */
#define assert_msg(want) ck_assert_msg(strcmp(pm_err_msg(), (want)) == 0, \
	"message '%s', want '%s'", pm_err_msg(), (want))

/* A small deterministic generator, so a failure can be replayed. */
static uint64_t
next(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state ^ (*state >> 29);
}

/* Accepted amounts: what they mean in fen and how they print back. */
static const struct {
	const char *in;
	int64_t fen;
	const char *out;
} money_ok[] = {
	{ "0", 0, "0.00" },
	{ "1200", 120000, "1200.00" },
	{ "1200.5", 120050, "1200.50" },
	{ "1,200.50", 120050, "1200.50" },
	{ "1,200", 120000, "1200.00" },
	{ "12,345,678", 1234567800, "12345678.00" },
	{ "1,000,000.01", 100000001, "1000000.01" },
	{ "-3.07", -307, "-3.07" },
	{ "0.07", 7, "0.07" },
	{ "0.1", 10, "0.10" },
	{ "+5", 500, "5.00" },
	{ "-0.5", -50, "-0.50" },
	{ "-0", 0, "0.00" },
	{ "-0.00", 0, "0.00" },
	{ "007", 700, "7.00" },
	{ "\xc2\xa5" "12.30", 1230, "12.30" },		/* ¥12.30 */
	{ "12.30" "\xe5\x85\x83", 1230, "12.30" },	/* 12.30元 */
	{ "123" "\xe5\x85\x83", 12300, "123.00" },	/* 123元 */
	{ "-\xc2\xa5" "3", -300, "-3.00" },		/* -¥3 */
	{ "\xc2\xa5" "-3", -300, "-3.00" },		/* ¥-3 */
	{ "+\xc2\xa5" "1,000", 100000, "1000.00" },	/* +¥1,000 */
	{ "-1,234.5" "\xe5\x85\x83", -123450, "-1234.50" },
	{ "92233720368547758.07", INT64_MAX, "92233720368547758.07" },
	{ "92,233,720,368,547,758.07", INT64_MAX, "92233720368547758.07" },
	{ "-92233720368547758.08", INT64_MIN, "-92233720368547758.08" },
	{ "-92233720368547758", INT64_MIN + 8, "-92233720368547758.00" },
	{ "00000000000000000000000000001", 100, "1.00" },
};

/* Refused amounts and the exact message for each. */
static const struct {
	const char *in;
	const char *msg;
} money_bad[] = {
	{ "", "amount '': empty" },
	{ " 1", "amount ' 1': spaces are not allowed" },
	{ "1 ", "amount '1 ': spaces are not allowed" },
	{ "1 200", "amount '1 200': spaces are not allowed" },
	{ "\t1", "amount '\t1': spaces are not allowed" },
	{ "1\n", "amount '1\n': spaces are not allowed" },
	{ "1.", "amount '1.': no digits after the decimal point" },
	{ ".5", "amount '.5': no digits before the decimal point" },
	{ ".", "amount '.': no digits before the decimal point" },
	{ "-.5", "amount '-.5': no digits before the decimal point" },
	{ "--1", "amount '--1': more than one sign" },
	{ "+-1", "amount '+-1': more than one sign" },
	{ "-\xc2\xa5-1", "amount '-\xc2\xa5-1': more than one sign" },
	{ "1e3", "amount '1e3': not a number" },
	{ "0x10", "amount '0x10': not a number" },
	{ "12abc", "amount '12abc': not a number" },
	{ "abc", "amount 'abc': not a number" },
	{ "-", "amount '-': not a number" },
	{ "+", "amount '+': not a number" },
	{ "\xc2\xa5", "amount '\xc2\xa5': not a number" },
	{ "\xe5\x85\x83", "amount '\xe5\x85\x83': not a number" },
	{ "\xc2\xa5\xc2\xa5" "1", "amount '\xc2\xa5\xc2\xa5" "1': not a number" },
	{ "1\xe5\x85\x83\xe5\x85\x83", "amount '1\xe5\x85\x83\xe5\x85\x83': not a number" },
	{ "1" "\xe5\x85\x83" "-", "amount '1\xe5\x85\x83-': not a number" },
	{ "1-", "amount '1-': not a number" },
	{ "1.5.3", "amount '1.5.3': not a number" },
	{ "1.2x", "amount '1.2x': not a number" },
	{ "1.x", "amount '1.x': not a number" },
	{ "1.234x", "amount '1.234x': not a number" },
	{ "\xef\xbc\x91", "amount '\xef\xbc\x91': not a number" },	/* full-width 1 */
	{ "1\xc2\xa5", "amount '1\xc2\xa5': not a number" },
	{ "\xc2", "amount '\xc2': not a number" },
	{ "1.234", "amount '1.234': more than two decimals" },
	{ "0.001", "amount '0.001': more than two decimals" },
	{ "1,000.123", "amount '1,000.123': more than two decimals" },
	{ "1.00000000000000000000000000000001",
	  "amount '1.00000000000000000000000000000001': more than two decimals" },
	{ "1,20", "amount '1,20': thousands separators must group three digits" },
	{ "1200,000", "amount '1200,000': thousands separators must group three digits" },
	{ ",100", "amount ',100': thousands separators must group three digits" },
	{ "1,,000", "amount '1,,000': thousands separators must group three digits" },
	{ "1,000,", "amount '1,000,': thousands separators must group three digits" },
	{ "1,0000", "amount '1,0000': thousands separators must group three digits" },
	{ "1,000.5,0", "amount '1,000.5,0': not a number" },
	{ "1.000,5", "amount '1.000,5': not a number" },
	{ ",", "amount ',': thousands separators must group three digits" },
	{ "99999999999999999999", "amount '99999999999999999999': too large" },
	{ "-99999999999999999999", "amount '-99999999999999999999': too large" },
	{ "92233720368547758.08", "amount '92233720368547758.08': too large" },
	{ "92233720368547758.1", "amount '92233720368547758.1': too large" },
	{ "92233720368547759", "amount '92233720368547759': too large" },
	{ "-92233720368547758.09", "amount '-92233720368547758.09': too large" },
	{ "92,233,720,368,547,758.08",
	  "amount '92,233,720,368,547,758.08': too large" },
	{ "99999999999999999999x", "amount '99999999999999999999x': not a number" },
	{ "\xc2\xa5" "1" "\xe5\x85\x83",
	  "amount '\xc2\xa5" "1\xe5\x85\x83': both \xc2\xa5 and \xe5\x85\x83" },
};

START_TEST(test_money_parse_ok)
{
	char buf[PM_MONEY_LEN];
	int64_t fen = 42;

	pm_err_clear();
	ck_assert_msg(pm_money_parse(money_ok[_i].in, &fen) == 0,
	    "'%s': %s", money_ok[_i].in, pm_err_msg());
	ck_assert_msg(fen == money_ok[_i].fen, "'%s' is %" PRId64
	    ", want %" PRId64, money_ok[_i].in, fen, money_ok[_i].fen);
	ck_assert_str_eq(pm_money_fmt(fen, buf), money_ok[_i].out);
	ck_assert_str_eq(pm_err_msg(), "");
}
END_TEST

START_TEST(test_money_parse_bad)
{
	int64_t fen = 42;

	pm_err_clear();
	ck_assert_int_eq(pm_money_parse(money_bad[_i].in, &fen), PM_EX_DATAERR);
	ck_assert_int_eq(pm_err_code(), PM_EX_DATAERR);
	assert_msg(money_bad[_i].msg);
	ck_assert_msg(fen == 42, "'%s' wrote %" PRId64 " on failure",
	    money_bad[_i].in, fen);
}
END_TEST

/* fmt(parse(x)) is canonical, so parsing it again gives the same text. */
START_TEST(test_money_round_trip)
{
	char a[PM_MONEY_LEN], b[PM_MONEY_LEN];
	int64_t fen, again;

	ck_assert_int_eq(pm_money_parse(money_ok[_i].in, &fen), 0);
	pm_money_fmt(fen, a);
	ck_assert_int_eq(pm_money_parse(a, &again), 0);
	ck_assert(again == fen);
	ck_assert_str_eq(pm_money_fmt(again, b), a);
}
END_TEST

/* A long value is quoted short, and never cut inside a character. */
START_TEST(test_money_long_value)
{
	char in[256], want[256];
	int64_t fen;
	int i;

	memset(in, '1', 100);
	strcpy(in + 100, "x");
	snprintf(want, sizeof want, "amount '%.64s...': not a number", in);
	ck_assert_int_eq(pm_money_parse(in, &fen), PM_EX_DATAERR);
	assert_msg(want);

	/* 30 × 元 is 90 bytes; 64 bytes end inside the 22nd character. */
	in[0] = '\0';
	for (i = 0; i < 30; i++)
		strcat(in, "\xe5\x85\x83");
	snprintf(want, sizeof want, "amount '%.63s...': not a number", in);
	ck_assert_int_eq(pm_money_parse(in, &fen), PM_EX_DATAERR);
	assert_msg(want);
}
END_TEST

static const struct {
	int64_t fen;
	const char *out;
} fmt_cases[] = {
	{ 0, "0.00" }, { 1, "0.01" }, { -1, "-0.01" }, { 10, "0.10" },
	{ 99, "0.99" }, { 100, "1.00" }, { -100, "-1.00" }, { -199, "-1.99" },
	{ 120050, "1200.50" }, { -307, "-3.07" },
	{ INT64_MAX, "92233720368547758.07" },
	{ INT64_MIN, "-92233720368547758.08" },
	{ INT64_MIN + 1, "-92233720368547758.07" },
};

START_TEST(test_money_fmt)
{
	char buf[PM_MONEY_LEN];

	ck_assert_str_eq(pm_money_fmt(fmt_cases[_i].fen, buf),
	    fmt_cases[_i].out);
	ck_assert_str_eq(pm_hundredths_fmt(fmt_cases[_i].fen, buf),
	    fmt_cases[_i].out);
	ck_assert_ptr_eq(pm_money_fmt(0, buf), buf);
	ck_assert_ptr_eq(pm_hundredths_fmt(0, buf), buf);
}
END_TEST

/* "1234567.89" → "1,234,567.89": the grouping pm_money_parse takes. */
static void
group(const char *plain, char *out)
{
	const char *dot = strchr(plain, '.');
	const char *p = plain;
	int ndig;

	if (*p == '-')
		*out++ = *p++;
	ndig = (int)(dot - p);
	for (; p < dot; p++, ndig--) {
		*out++ = *p;
		if (ndig > 1 && ndig % 3 == 1)
			*out++ = ',';
	}
	strcpy(out, dot);
}

/* parse(fmt(v)) == v, plain and grouped, for one value. */
static void
check_value(int64_t v)
{
	char buf[PM_MONEY_LEN], grouped[2 * PM_MONEY_LEN];
	int64_t back;

	pm_money_fmt(v, buf);
	ck_assert_msg(pm_money_parse(buf, &back) == 0, "'%s': %s", buf,
	    pm_err_msg());
	ck_assert_msg(back == v, "'%s' is %" PRId64 ", want %" PRId64, buf,
	    back, v);
	group(buf, grouped);
	ck_assert_msg(pm_money_parse(grouped, &back) == 0 && back == v,
	    "'%s': %s", grouped, pm_err_msg());
	if (v >= 0) {
		pm_hundredths_fmt(v, buf);
		ck_assert_msg(pm_hundredths_parse(buf, "area", &back) == 0 &&
		    back == v, "area '%s': %s", buf, pm_err_msg());
	}
}

START_TEST(test_money_property)
{
	uint64_t st = 20261123;
	int64_t p, v;
	int i, k;

	/* Both ends of the range and every power of ten, give or take. */
	for (i = 0; i < 200; i++) {
		check_value(INT64_MAX - i);
		check_value(INT64_MIN + i);
		check_value(i - 100);
	}
	for (p = 1, k = 0; k < 19; k++) {
		for (i = -2; i <= 2; i++) {
			check_value(p + i);
			check_value(-p + i);
		}
		if (k < 18)
			p *= 10;
	}
	/* Random values of every magnitude, not just huge ones. */
	for (i = 0; i < 50000; i++) {
		v = (int64_t)next(&st);
		check_value(v >> (next(&st) % 64));
	}
}
END_TEST

/* One more than INT64_MAX fen, and one less than INT64_MIN, overflow. */
START_TEST(test_money_boundaries)
{
	char buf[PM_MONEY_LEN];
	int64_t fen;

	ck_assert_int_eq(pm_money_parse(pm_money_fmt(INT64_MAX, buf), &fen), 0);
	ck_assert(fen == INT64_MAX);
	ck_assert_int_eq(pm_money_parse(pm_money_fmt(INT64_MIN, buf), &fen), 0);
	ck_assert(fen == INT64_MIN);
	ck_assert_int_eq(pm_money_parse("92233720368547758.08", &fen),
	    PM_EX_DATAERR);
	assert_msg("amount '92233720368547758.08': too large");
	ck_assert_int_eq(pm_money_parse("-92233720368547758.09", &fen),
	    PM_EX_DATAERR);
	assert_msg("amount '-92233720368547758.09': too large");
	ck_assert_int_eq(pm_hundredths_parse("92233720368547758.07", "area",
	    &fen), 0);
	ck_assert(fen == INT64_MAX);
	ck_assert_int_eq(pm_hundredths_parse("92233720368547758.08", "area",
	    &fen), PM_EX_DATAERR);
	assert_msg("area '92233720368547758.08': too large");
}
END_TEST

/* fen × hundredths / 100 rounded half away from zero, or overflow. */
static const struct {
	int64_t fen, h, want;
	int rc;
} mul_cases[] = {
	{ 250, 8950, 22375, 0 },	/* 2.50 yuan/m² × 89.50 m² */
	{ 1, 50, 1, 0 },		/* 0.005 yuan rounds up */
	{ 1, 49, 0, 0 },
	{ 1, 150, 2, 0 },		/* 0.015 → 0.02 */
	{ -1, 50, -1, 0 },		/* -0.005 → -0.01, away from zero */
	{ 1, -50, -1, 0 },
	{ -1, -50, 1, 0 },
	{ -1, 49, 0, 0 },
	{ -1, 51, -1, 0 },
	{ 333, 150, 500, 0 },		/* 4.995 → 5.00 */
	{ -333, 150, -500, 0 },
	{ 333, -150, -500, 0 },
	{ 99, 101, 100, 0 },		/* 0.9999 → 1.00 */
	{ -99, 101, -100, 0 },
	{ 0, INT64_MAX, 0, 0 },
	{ INT64_MIN, 0, 0, 0 },
	{ 100, 100, 100, 0 },
	{ 12345, 100, 12345, 0 },
	{ INT64_MAX, 100, INT64_MAX, 0 },
	{ INT64_MIN, 100, INT64_MIN, 0 },
	{ INT64_MAX, 50, 4611686018427387904, 0 },	/* x.5 rounds up */
	{ INT64_MIN, 50, INT64_MIN / 2, 0 },
	{ INT64_MIN, 1, -92233720368547758, 0 },	/* -...58.08 */
	{ INT64_MIN, -1, 92233720368547758, 0 },
	{ -1, INT64_MIN, 92233720368547758, 0 },
	{ INT64_MAX, 101, 0, PM_EX_DATAERR },
	{ INT64_MAX, 200, 0, PM_EX_DATAERR },
	{ INT64_MIN, -100, 0, PM_EX_DATAERR },
	{ INT64_MIN, 101, 0, PM_EX_DATAERR },
	{ INT64_MIN, INT64_MIN, 0, PM_EX_DATAERR },
	{ INT64_MAX, INT64_MAX, 0, PM_EX_DATAERR },
	{ 10000000000, 10000000000, 1000000000000000000, 0 },
	{ 100000000000, 10000000000, 0, PM_EX_DATAERR },
	{ 3037000500, 3037000500, 92233720370002500, 0 },
};

START_TEST(test_money_mul)
{
	int64_t out = 42;
	int rc;

	pm_err_clear();
	rc = pm_money_mul_hundredths(mul_cases[_i].fen, mul_cases[_i].h, &out);
	ck_assert_int_eq(rc, mul_cases[_i].rc);
	if (rc == 0) {
		ck_assert_msg(out == mul_cases[_i].want, "%" PRId64 " × %"
		    PRId64 " = %" PRId64 ", want %" PRId64, mul_cases[_i].fen,
		    mul_cases[_i].h, out, mul_cases[_i].want);
		ck_assert_str_eq(pm_err_msg(), "");
	} else {
		ck_assert(out == 42);
		ck_assert_ptr_nonnull(strstr(pm_err_msg(), "amount overflow"));
	}
}
END_TEST

START_TEST(test_money_mul_message)
{
	int64_t out;

	ck_assert_int_eq(pm_money_mul_hundredths(INT64_MAX, 8950, &out),
	    PM_EX_DATAERR);
	assert_msg("amount overflow: '92233720368547758.07' \xc3\x97 '89.50'");
}
END_TEST

/*
 * The exact result with 128 bits, rounded half away from zero; returns
 * 0 when it does not fit in int64_t.
 */
static int
mul_ref(int64_t fen, int64_t h, int64_t *out)
{
	i128 p = (i128)fen * h, q = p / 100, r = p % 100;

	if (r >= 50)
		q++;
	else if (r <= -50)
		q--;
	if (q > INT64_MAX || q < INT64_MIN)
		return 0;
	*out = (int64_t)q;
	return 1;
}

START_TEST(test_money_mul_property)
{
	uint64_t st = 8950;
	int64_t a, b, got, want;
	int i, fits;

	for (i = 0; i < 200000; i++) {
		a = (int64_t)next(&st) >> (next(&st) % 64);
		b = (int64_t)next(&st) >> (next(&st) % 64);
		if (i % 4 == 0)
			b %= 1000000;	/* areas as they really are */
		fits = mul_ref(a, b, &want);
		if (pm_money_mul_hundredths(a, b, &got) == 0) {
			ck_assert_msg(fits && got == want, "%" PRId64 " × %"
			    PRId64 " = %" PRId64 ", want %" PRId64 "%s", a, b,
			    got, want, fits ? "" : " (overflow)");
		} else
			ck_assert_msg(!fits, "%" PRId64 " × %" PRId64
			    " overflowed, want %" PRId64, a, b, want);
	}
}
END_TEST

static const struct {
	const char *in;
	int64_t v;
} hundredths_ok[] = {
	{ "89.5", 8950 }, { "120.30", 12030 }, { "0", 0 }, { "7", 700 },
	{ "0.01", 1 }, { "0.1", 10 }, { "007.50", 750 }, { "1000000", 100000000 },
	{ "92233720368547758.07", INT64_MAX },
};

static const struct {
	const char *in, *what, *msg;
} hundredths_bad[] = {
	{ "89.555", "area", "area '89.555': more than two decimals" },
	{ "", "area", "area '': empty" },
	{ "-1", "area", "area '-1': signs are not allowed" },
	{ "+1", "area", "area '+1': signs are not allowed" },
	{ "1,000", "area", "area '1,000': separators are not allowed" },
	{ "\xc2\xa5" "1", "area", "area '\xc2\xa5" "1': not a number" },
	{ "1\xe5\x85\x83", "area", "area '1\xe5\x85\x83': not a number" },
	{ "89.5 ", "area", "area '89.5 ': spaces are not allowed" },
	{ " 89.5", "area", "area ' 89.5': spaces are not allowed" },
	{ ".5", "area", "area '.5': no digits before the decimal point" },
	{ "1.", "area", "area '1.': no digits after the decimal point" },
	{ "1e3", "area", "area '1e3': not a number" },
	{ "0x10", "area", "area '0x10': not a number" },
	{ "12m2", "area", "area '12m2': not a number" },
	{ "92233720368547758.08", "area",
	  "area '92233720368547758.08': too large" },
	{ "1.234", "quantity", "quantity '1.234': more than two decimals" },
	{ "", NULL, "value '': empty" },
};

START_TEST(test_hundredths_parse_ok)
{
	char a[PM_MONEY_LEN];
	int64_t v = 42, again;

	ck_assert_msg(pm_hundredths_parse(hundredths_ok[_i].in, "area",
	    &v) == 0, "'%s': %s", hundredths_ok[_i].in, pm_err_msg());
	ck_assert(v == hundredths_ok[_i].v);
	ck_assert_int_eq(pm_hundredths_parse(pm_hundredths_fmt(v, a), "area",
	    &again), 0);
	ck_assert(again == v);
}
END_TEST

START_TEST(test_hundredths_parse_bad)
{
	int64_t v = 42;

	pm_err_clear();
	ck_assert_int_eq(pm_hundredths_parse(hundredths_bad[_i].in,
	    hundredths_bad[_i].what, &v), PM_EX_DATAERR);
	assert_msg(hundredths_bad[_i].msg);
	ck_assert(v == 42);
}
END_TEST

START_TEST(test_hundredths_fmt)
{
	char buf[PM_MONEY_LEN];

	ck_assert_str_eq(pm_hundredths_fmt(8950, buf), "89.50");
	ck_assert_str_eq(pm_hundredths_fmt(12030, buf), "120.30");
	ck_assert_str_eq(pm_hundredths_fmt(5, buf), "0.05");
	ck_assert_str_eq(pm_hundredths_fmt(-5, buf), "-0.05");
	ck_assert_str_eq(pm_hundredths_fmt(0, buf), "0.00");
}
END_TEST

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_money_parse_ok, 0, NELEM(money_ok));
	tcase_add_loop_test(tc, test_money_parse_bad, 0, NELEM(money_bad));
	tcase_add_loop_test(tc, test_money_round_trip, 0, NELEM(money_ok));
	tcase_add_test(tc, test_money_long_value);
	tcase_add_test(tc, test_money_boundaries);
	suite_add_tcase(s, tc);

	tc = tcase_create("fmt");
	tcase_add_loop_test(tc, test_money_fmt, 0, NELEM(fmt_cases));
	tcase_add_test(tc, test_money_property);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("mul");
	tcase_add_loop_test(tc, test_money_mul, 0, NELEM(mul_cases));
	tcase_add_test(tc, test_money_mul_message);
	tcase_add_test(tc, test_money_mul_property);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);

	tc = tcase_create("hundredths");
	tcase_add_loop_test(tc, test_hundredths_parse_ok, 0,
	    NELEM(hundredths_ok));
	tcase_add_loop_test(tc, test_hundredths_parse_bad, 0,
	    NELEM(hundredths_bad));
	tcase_add_test(tc, test_hundredths_fmt);
	suite_add_tcase(s, tc);
	return s;
}
