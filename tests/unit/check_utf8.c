/*
 * check_utf8.c - the one UTF-8 decoder.
 */
#include <stdint.h>

#include "pmtest.h"
#include "utf8.h"

START_TEST(test_valid)
{
	static const struct { const char *s; size_t len; uint32_t cp; } ok[] = {
		{ "A", 1, 0x41 },
		{ "\x7f", 1, 0x7f },
		{ "\xc2\x80", 2, 0x80 },
		{ "\xc2\xa5", 2, 0xa5 },		/* ¥ */
		{ "\xe4\xb8\xad", 3, 0x4e2d },		/* 中 */
		{ "\xed\x9f\xbf", 3, 0xd7ff },		/* last before surrogates */
		{ "\xee\x80\x80", 3, 0xe000 },		/* first after them */
		{ "\xf0\x9f\x98\x80", 4, 0x1f600 },	/* emoji */
		{ "\xf4\x8f\xbf\xbf", 4, 0x10ffff },
	};
	uint32_t cp;
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_uint_eq(pm_utf8_decode(ok[i].s, &cp), ok[i].len);
		ck_assert_uint_eq(cp, ok[i].cp);
		ck_assert_uint_eq(pm_utf8_decode(ok[i].s, NULL), ok[i].len);
	}
}
END_TEST

START_TEST(test_invalid)
{
	static const char *const bad[] = {
		"\x80",			/* stray continuation */
		"\xbf",
		"\xc0\xaf",		/* overlong '/' */
		"\xc1\xbf",
		"\xe0\x9f\xbf",		/* overlong 3-byte */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xed\xbf\xbf",		/* surrogate U+DFFF */
		"\xf0\x8f\xbf\xbf",	/* overlong 4-byte */
		"\xf4\x90\x80\x80",	/* U+110000 */
		"\xf5\x80\x80\x80",
		"\xff",
		"\xe4\xb8",		/* cut short by the NUL */
		"\xe4\x41\xad",		/* a non-continuation inside */
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(pm_utf8_decode(bad[i], NULL) == 0,
		    "case %zu decoded", i);
}
END_TEST

Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, test_valid);
	tcase_add_test(tc, test_invalid);
	suite_add_tcase(s, tc);
	return s;
}
