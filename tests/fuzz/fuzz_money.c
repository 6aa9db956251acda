/*
 * fuzz_money.c - libFuzzer target for the money and area parsers.
 *
 *	clang -g -fsanitize=fuzzer,address,undefined -Ilibpm \
 *	    tests/fuzz/fuzz_money.c libpm/money.c libpm/err.c -o fuzz_money
 *	./fuzz_money -max_total_time=60
 *
 * The whole input goes to both parsers as a C string.  Whatever they
 * accept must print as text that parses back to the same value, and
 * whatever they refuse must come with a message.  The input is also cut
 * at its first '*' into an amount and an area; when both parse, their
 * product is checked against a 128-bit reference.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "money.h"

__extension__ typedef __int128 i128;

#define CHECK(x) do { if (!(x)) abort(); } while (0)

/* 'rc' is a failure with a message naming the value, or a success. */
static void
check_status(int rc, const char *prefix)
{
	if (rc == 0)
		return;
	CHECK(rc == PM_EX_DATAERR);
	CHECK(strncmp(pm_err_msg(), prefix, strlen(prefix)) == 0);
}

static void
money(const char *s)
{
	char buf[PM_MONEY_LEN];
	int64_t v, back;
	int rc;

	pm_err_clear();
	rc = pm_money_parse(s, &v);
	check_status(rc, "amount '");
	if (rc != 0)
		return;
	pm_money_fmt(v, buf);
	CHECK(pm_money_parse(buf, &back) == 0);
	CHECK(back == v);
}

static void
hundredths(const char *s)
{
	char buf[PM_MONEY_LEN];
	int64_t v, back;
	int rc;

	pm_err_clear();
	rc = pm_hundredths_parse(s, "area", &v);
	check_status(rc, "area '");
	if (rc != 0)
		return;
	CHECK(v >= 0);
	pm_hundredths_fmt(v, buf);
	CHECK(pm_hundredths_parse(buf, "area", &back) == 0);
	CHECK(back == v);
}

/* "AMOUNT*AREA": the product, rounded half away from zero, or overflow. */
static void
product(char *s)
{
	char *star = strchr(s, '*');
	int64_t fen, h, got;
	i128 p, q, r;
	int rc;

	if (star == NULL)
		return;
	*star = '\0';
	if (pm_money_parse(s, &fen) != 0 ||
	    pm_hundredths_parse(star + 1, "area", &h) != 0)
		return;
	p = (i128)fen * h;
	q = p / 100;
	r = p % 100;
	q += r >= 50 ? 1 : r <= -50 ? -1 : 0;
	rc = pm_money_mul_hundredths(fen, h, &got);
	if (q > INT64_MAX || q < INT64_MIN)
		CHECK(rc == PM_EX_DATAERR);
	else
		CHECK(rc == 0 && got == (int64_t)q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	money(s);
	hundredths(s);
	product(s);
	free(s);
	return 0;
}
