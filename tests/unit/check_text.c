/*
 * check_text.c - quoting values in messages (pm_q), the one rule for
 * typed text, cuts between characters, codes as people type them, and
 * the edit distance behind "did you mean".
 */
#include <stdio.h>
#include <string.h>

#include "pmtest.h"
#include "i18n.h"
#include "text.h"

/* Every test starts and ends in English. */
static void
english(void)
{
	pm_i18n_set(PM_LANG_EN);
	pm_err_clear();
}

/*
 * pm_q
 */

START_TEST(q_plain)
{
	ck_assert_str_eq(pm_q("3-1-502"), "'3-1-502'");
	ck_assert_str_eq(pm_q("张三"), "'张三'");
	ck_assert_str_eq(pm_q(""), "''");
	ck_assert_str_eq(pm_q(NULL), "''");
	/* Quotes and backslashes are text, not escapes. */
	ck_assert_str_eq(pm_q("O'Brien \\n"), "'O'Brien \\n'");
	/* Characters that are neither controls nor bidi stay. */
	ck_assert_str_eq(pm_q("a\xc2\xa0" "b\xe2\x80\x8b" "c😀"),
	    "'a\xc2\xa0" "b\xe2\x80\x8b" "c😀'");
}
END_TEST

START_TEST(q_controls)
{
	/* C0, with tab, newline and escape among them. */
	ck_assert_str_eq(pm_q("a\033[2Jb"), "'a\\x1B[2Jb'");
	ck_assert_str_eq(pm_q("\x01\t\n\r"), "'\\x01\\x09\\x0A\\x0D'");
	ck_assert_str_eq(pm_q("\x1f "), "'\\x1F '");
	/* DEL and the C1 controls (two bytes each in UTF-8). */
	ck_assert_str_eq(pm_q("x\x7fy"), "'x\\x7Fy'");
	ck_assert_str_eq(pm_q("\xc2\x80\xc2\x85\xc2\x9b\xc2\x9f"),
	    "'\\xC2\\x80\\xC2\\x85\\xC2\\x9B\\xC2\\x9F'");
	/* U+00A0 is the first after C1: it stays. */
	ck_assert_str_eq(pm_q("\xc2\xa0"), "'\xc2\xa0'");
}
END_TEST

START_TEST(q_bidi)
{
	static const char *const bidi[] = {
		"\xd8\x9c",		/* U+061C arabic letter mark */
		"\xe2\x80\x8e",		/* U+200E */
		"\xe2\x80\x8f",		/* U+200F */
		"\xe2\x80\xaa",		/* U+202A */
		"\xe2\x80\xae",		/* U+202E right-to-left override */
		"\xe2\x81\xa6",		/* U+2066 */
		"\xe2\x81\xa9",		/* U+2069 */
		NULL
	};
	char in[16], want[64];
	size_t i, k;
	int n;

	for (i = 0; bidi[i] != NULL; i++) {
		snprintf(in, sizeof in, "a%sb", bidi[i]);
		n = snprintf(want, sizeof want, "'a");
		for (k = 0; bidi[i][k] != '\0'; k++)
			n += snprintf(want + n, sizeof want - n, "\\x%02X",
			    (unsigned char)bidi[i][k]);
		snprintf(want + n, sizeof want - n, "b'");
		ck_assert_str_eq(pm_q(in), want);
	}
	/* Their neighbours are no controls. */
	ck_assert_str_eq(pm_q("\xe2\x80\x8d\xe2\x80\xaf\xe2\x81\xaa"),
	    "'\xe2\x80\x8d\xe2\x80\xaf\xe2\x81\xaa'");
	ck_assert_int_eq(pm_is_bidi_control(0x061c), 1);
	ck_assert_int_eq(pm_is_bidi_control(0x202e), 1);
	ck_assert_int_eq(pm_is_bidi_control(0x2069), 1);
	ck_assert_int_eq(pm_is_bidi_control(0x200d), 0);
	ck_assert_int_eq(pm_is_bidi_control(0x2065), 0);
	ck_assert_int_eq(pm_is_bidi_control(0x206a), 0);
}
END_TEST

START_TEST(q_invalid_utf8)
{
	/* Each byte that is not UTF-8 is shown, the rest kept. */
	ck_assert_str_eq(pm_q("a\xff" "b"), "'a\\xFFb'");
	ck_assert_str_eq(pm_q("\xe5\xbc"), "'\\xE5\\xBC'");		/* cut */
	ck_assert_str_eq(pm_q("\xc0\x80"), "'\\xC0\\x80'");		/* overlong */
	ck_assert_str_eq(pm_q("\xed\xa0\x80"), "'\\xED\\xA0\\x80'");	/* surrogate */
	ck_assert_str_eq(pm_q("\x80张"), "'\\x80张'");		/* stray */
	/* GBK for 张三 is not UTF-8. */
	ck_assert_str_eq(pm_q("\xd5\xc5\xc8\xfd"), "'\\xD5\\xC5\\xC8\\xFD'");
}
END_TEST

START_TEST(q_cut_at_64_bytes)
{
	char in[256], want[512];
	const char *q;

	/* 64 bytes are kept whole; 65 are cut to 64 and "...". */
	memset(in, 'a', 64);
	in[64] = '\0';
	snprintf(want, sizeof want, "'%s'", in);
	ck_assert_str_eq(pm_q(in), want);
	snprintf(want, sizeof want, "'%s...'", in);
	in[64] = 'b';
	in[65] = '\0';
	ck_assert_str_eq(pm_q(in), want);

	/* "a" and 21 three-byte characters: exactly 64 bytes, whole. */
	strcpy(in, "a");
	while (strlen(in) < 64)
		strcat(in, "张");
	ck_assert_uint_eq(strlen(in), 64);
	snprintf(want, sizeof want, "'%s'", in);
	ck_assert_str_eq(pm_q(in), want);
	/* "aa" and 21 of them, 65 bytes: the last does not fit whole. */
	memmove(in + 1, in, strlen(in) + 1);
	ck_assert_uint_eq(strlen(in), 65);
	q = pm_q(in);
	ck_assert_uint_eq(strlen(q), 1 + 62 + 3 + 1);
	ck_assert_int_eq(strncmp(q + 1, in, 62), 0);
	ck_assert_str_eq(q + 63, "...'");
	/* A four-byte character across byte 64 is left out whole too. */
	memset(in, 'a', 62);
	strcpy(in + 62, "😀");
	ck_assert_uint_eq(strlen(in), 66);
	q = pm_q(in);
	ck_assert_str_eq(q + 63, "...'");
	ck_assert_uint_eq(strlen(q), 67);
	/* Only the kept bytes count: escapes make the text longer. */
	memset(in, '\033', 64);
	in[64] = '\0';
	q = pm_q(in);
	ck_assert_uint_eq(strlen(q), 2 + 64 * 4);
	ck_assert_ptr_null(strstr(q, "..."));
}
END_TEST

/*
 * The longest a quote can be: 63 controls (four bytes each shown) and
 * a three-byte bidi control across byte 64, inside Chinese quotes.
 * None of the eight buffers may spill into its neighbour, wherever the
 * rotation stands.
 */
START_TEST(q_longest_stays_in_its_buffer)
{
	char evil[80], want[300], names[7][32];
	const char *r[8];
	int round, i, n;

	memset(evil, '\x01', 63);
	strcpy(evil + 63, "\xe2\x80\xae" "tail");
	pm_i18n_set(PM_LANG_ZH);
	n = snprintf(want, sizeof want, "\xe2\x80\x9c");
	for (i = 0; i < 63; i++)
		n += snprintf(want + n, sizeof want - n, "\\x01");
	snprintf(want + n, sizeof want - n, "...\xe2\x80\x9d");
	for (round = 0; round < 9; round++) {
		for (i = 0; i < 7; i++) {
			snprintf(names[i], sizeof names[i], "v%d", i);
			r[i] = pm_q(names[i]);
		}
		r[7] = pm_q(evil);
		for (i = 0; i < 7; i++) {
			snprintf(names[i], sizeof names[i], "“v%d”", i);
			ck_assert_str_eq(r[i], names[i]);
		}
		ck_assert_str_eq(r[7], want);
		/* Move the rotation on by one. */
		pm_q("");
	}
}
END_TEST

START_TEST(q_eight_buffers)
{
	const char *r[9];
	char v[32];
	int i;

	for (i = 0; i < 8; i++) {
		snprintf(v, sizeof v, "value %d", i);
		r[i] = pm_q(v);
	}
	/* Eight results live at once: one message may quote eight values. */
	for (i = 0; i < 8; i++) {
		snprintf(v, sizeof v, "'value %d'", i);
		ck_assert_str_eq(r[i], v);
	}
	/* The ninth reuses the first's buffer. */
	r[8] = pm_q("ninth");
	ck_assert_ptr_eq(r[8], r[0]);
	ck_assert_str_eq(r[0], "'ninth'");
	ck_assert_str_eq(r[1], "'value 1'");
	pm_err(PM_EX_DATAERR, "%s %s %s %s %s %s %s %s", pm_q("1"), pm_q("2"),
	    pm_q("3"), pm_q("4"), pm_q("5"), pm_q("6"), pm_q("7"), pm_q("8"));
	ck_assert_str_eq(pm_err_msg(), "'1' '2' '3' '4' '5' '6' '7' '8'");
}
END_TEST

START_TEST(q_chinese_quotes)
{
	pm_i18n_set(PM_LANG_ZH);
	ck_assert_str_eq(pm_q("3-1-502"), "“3-1-502”");
	ck_assert_str_eq(pm_q(NULL), "“”");
	ck_assert_str_eq(pm_q("a\033b"), "“a\\x1Bb”");
	pm_i18n_set(PM_LANG_EN);
	ck_assert_str_eq(pm_q("3-1-502"), "'3-1-502'");
}
END_TEST

START_TEST(q_masked)
{
	ck_assert_str_eq(pm_q_masked("13812345678"), "'138****5678'");
	ck_assert_str_eq(pm_q_masked("110101199003071234"),
	    "'110***********1234'");
	ck_assert_str_eq(pm_q_masked("12"), "'**'");
	ck_assert_str_eq(pm_q_masked(""), "''");
	/* Masked first, then quoted: a control in a kept end is shown. */
	ck_assert_str_eq(pm_q_masked("\033" "2345678901"),
	    "'\\x1B23****8901'");
}
END_TEST

/*
 * pm_text_check
 */

START_TEST(text_check_good)
{
	ck_assert_int_eq(pm_text_check("name", "张三", 0, 0), 0);
	ck_assert_int_eq(pm_text_check("name", "O'Brien, \"Jr\" 😀", 0, 0), 0);
	ck_assert_int_eq(pm_text_check("name", "", 0, PM_TEXT_EMPTY), 0);
	ck_assert_int_eq(pm_text_check("name", NULL, 0, PM_TEXT_EMPTY), 0);
	ck_assert_int_eq(pm_text_check("text", "a\tb\nc", 0, PM_TEXT_LINES), 0);
	/* Exactly 'max' bytes is allowed; 0 is no limit. */
	ck_assert_int_eq(pm_text_check("code", "张三", 6, 0), 0);
	ck_assert_int_eq(pm_text_check("code", "张三", 0, 0), 0);
}
END_TEST

START_TEST(text_check_refused)
{
	pm_assert_err(pm_text_check("name", "", 0, 0), PM_EX_DATAERR,
	    "name: empty");
	pm_assert_err(pm_text_check("name", NULL, 0, PM_TEXT_LINES),
	    PM_EX_DATAERR, "name: empty");
	pm_assert_err(pm_text_check("code", "张三", 5, 0), PM_EX_DATAERR,
	    "code '张三': longer than 5 bytes");
	/* Tab and newline only with PM_TEXT_LINES; CR never. */
	pm_assert_err(pm_text_check("name", "a\tb", 0, 0), PM_EX_DATAERR,
	    "name 'a\\x09b': control character U+0009 at byte 2");
	pm_assert_err(pm_text_check("name", "a\nb", 0, 0), PM_EX_DATAERR,
	    "control character U+000A at byte 2");
	pm_assert_err(pm_text_check("text", "a\r\nb", 0, PM_TEXT_LINES),
	    PM_EX_DATAERR, "control character U+000D at byte 2");
	/* The byte counts from 1, in bytes, after multi-byte characters. */
	pm_assert_err(pm_text_check("text", "张三\033[2J", 0, PM_TEXT_LINES),
	    PM_EX_DATAERR, "text '张三\\x1B[2J': control character U+001B "
	    "at byte 7");
	pm_assert_err(pm_text_check("text", "\x7f", 0, 0), PM_EX_DATAERR,
	    "control character U+007F at byte 1");
	pm_assert_err(pm_text_check("text", "ok\xc2\x9b", 0, 0),
	    PM_EX_DATAERR, "text 'ok\\xC2\\x9B': control character U+009B at "
	    "byte 3");
	pm_assert_err(pm_text_check("text", "abc\xe2\x81\xa7" "def", 0, 0),
	    PM_EX_DATAERR, "bidirectional control U+2067 at byte 4");
	pm_assert_err(pm_text_check("text", "\xd8\x9c", 0, 0), PM_EX_DATAERR,
	    "bidirectional control U+061C at byte 1");
	pm_assert_err(pm_text_check("text", "张\xff", 0, 0), PM_EX_DATAERR,
	    "text '张\\xFF': invalid UTF-8 at byte 4");
	pm_assert_err(pm_text_check("text", "ab\xe5\xbc", 0, 0), PM_EX_DATAERR,
	    "invalid UTF-8 at byte 3");
	pm_assert_err(pm_text_check("text", "\xed\xa0\x80", 0, 0),
	    PM_EX_DATAERR, "invalid UTF-8 at byte 1");
	/* The first problem is the one named; the length comes first. */
	pm_assert_err(pm_text_check("text", "\x01\xff", 0, 0), PM_EX_DATAERR,
	    "at byte 1");
	pm_assert_err(pm_text_check("text", "\x01\xff", 1, 0), PM_EX_DATAERR,
	    "longer than 1 bytes");
}
END_TEST

START_TEST(text_check_in_chinese)
{
	/* "%s: empty" is in po/zh_CN.po: the message is translated. */
	pm_i18n_set(PM_LANG_ZH);
	pm_assert_err(pm_text_check("description", "", 0, 0), PM_EX_DATAERR,
	    "描述：为空");
	/* Values are quoted in Chinese quotes, control characters shown. */
	pm_assert_err(pm_text_check("name", "a\033", 0, 0), PM_EX_DATAERR,
	    "“a\\x1B”：含控制字符 U+001B（第 2 字节）");
}
END_TEST

/*
 * pm_utf8_cut
 */

START_TEST(utf8_cut)
{
	ck_assert_uint_eq(pm_utf8_cut("abc", 2), 2);
	ck_assert_uint_eq(pm_utf8_cut("abc", 3), 3);
	ck_assert_uint_eq(pm_utf8_cut("abc", 100), 3);
	ck_assert_uint_eq(pm_utf8_cut("abc", 0), 0);
	ck_assert_uint_eq(pm_utf8_cut("", 5), 0);
	/* Never inside a character. */
	ck_assert_uint_eq(pm_utf8_cut("张三", 6), 6);
	ck_assert_uint_eq(pm_utf8_cut("张三", 5), 3);
	ck_assert_uint_eq(pm_utf8_cut("张三", 4), 3);
	ck_assert_uint_eq(pm_utf8_cut("张三", 2), 0);
	ck_assert_uint_eq(pm_utf8_cut("a😀", 4), 1);
	ck_assert_uint_eq(pm_utf8_cut("a😀", 5), 5);
	ck_assert_uint_eq(pm_utf8_cut("a\xc2\x85" "b", 2), 1);
	/* A byte that is not UTF-8 is a character of its own. */
	ck_assert_uint_eq(pm_utf8_cut("a\xff" "b", 2), 2);
	ck_assert_uint_eq(pm_utf8_cut("\xe5\xbc", 1), 1);
	ck_assert_uint_eq(pm_utf8_cut("\xe5\xbc" "x", 2), 2);
}
END_TEST

/* Every cut of a mixed text ends between two characters. */
START_TEST(utf8_cut_every_length)
{
	static const char s[] = "a张\xff三😀\xc2\xa0z";
	static const size_t ends[] = { 0, 1, 4, 5, 8, 12, 14, 15 };
	size_t max, want, i;

	for (max = 0; max <= sizeof s + 2; max++) {
		want = 0;
		for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
			if (ends[i] <= max)
				want = ends[i];
		ck_assert_msg(pm_utf8_cut(s, max) == want, "max %zu: %zu, want "
		    "%zu", max, pm_utf8_cut(s, max), want);
	}
}
END_TEST

/*
 * pm_code_normalize
 */

static const char *
norm(const char *s)
{
	static char buf[64];

	return pm_code_normalize(s, buf, sizeof buf);
}

START_TEST(code_full_width_and_dashes)
{
	ck_assert_str_eq(norm("３－１－５０２"), "3-1-502");
	ck_assert_str_eq(norm("3-1-502"), "3-1-502");
	ck_assert_str_eq(norm("ｐ－ｇａｔｅ－Ｎ"), "p-gate-N");
	/* The dashes an input method types for a hyphen. */
	ck_assert_str_eq(norm("3‐1‑502"), "3-1-502");		/* U+2010, U+2011 */
	ck_assert_str_eq(norm("3‒1–502"), "3-1-502");		/* U+2012, U+2013 */
	ck_assert_str_eq(norm("3—1―502"), "3-1-502");		/* U+2014, U+2015 */
	ck_assert_str_eq(norm("3−1﹘502"), "3-1-502");		/* U+2212, U+FE58 */
	ck_assert_str_eq(norm("3﹣1ー502"), "3-1-502");		/* U+FE63, U+30FC */
	/* Full-width ASCII from ！ to ～, and no further. */
	ck_assert_str_eq(norm("！～"), "!~");
	ck_assert_str_eq(norm("｟"), "｟");			/* U+FF5F */
	/* Other text is kept as it is. */
	ck_assert_str_eq(norm("北门岗亭"), "北门岗亭");
	ck_assert_str_eq(norm("a\xff" "b"), "a\xff" "b");
}
END_TEST

START_TEST(code_spaces)
{
	ck_assert_str_eq(norm("  3-1-502\t "), "3-1-502");
	ck_assert_str_eq(norm("3 1"), "3 1");
	/* The ideographic space is a space, dropped at either end. */
	ck_assert_str_eq(norm("3-1-502　"), "3-1-502");
	ck_assert_str_eq(norm("　３－１－５０２"), "3-1-502");
	ck_assert_str_eq(norm(" 　 3　1 　"), "3 1");
	ck_assert_str_eq(norm("   "), "");
	ck_assert_str_eq(norm(""), "");
}
END_TEST

START_TEST(code_cut)
{
	char buf[8];

	/* What does not fit is cut, between characters. */
	ck_assert_str_eq(pm_code_normalize("3-1-5020", buf, sizeof buf),
	    "3-1-502");
	ck_assert_str_eq(pm_code_normalize("３－１－５０２０", buf, sizeof buf),
	    "3-1-502");
	ck_assert_str_eq(pm_code_normalize("ab张三", buf, 6), "ab张");
	ck_assert_str_eq(pm_code_normalize("ab张三", buf, 5), "ab");
	ck_assert_str_eq(pm_code_normalize("abc", buf, 1), "");
	/* No room at all: nothing is written. */
	buf[0] = 'x';
	ck_assert_ptr_eq(pm_code_normalize("abc", buf, 0), buf);
	ck_assert_int_eq(buf[0], 'x');
}
END_TEST

/*
 * pm_edit_distance
 */

START_TEST(edit_distance)
{
	ck_assert_int_eq(pm_edit_distance("", "", 3), 0);
	ck_assert_int_eq(pm_edit_distance("abc", "abc", 3), 0);
	ck_assert_int_eq(pm_edit_distance("", "abc", 3), 3);
	ck_assert_int_eq(pm_edit_distance("kitten", "sitting", 3), 3);
	ck_assert_int_eq(pm_edit_distance("water-leak", "waterleak", 3), 1);
	ck_assert_int_eq(pm_edit_distance("noise", "nosie", 3), 1);
	ck_assert_int_eq(pm_edit_distance("3-1-502", "3-1-520", 3), 1);
	ck_assert_int_eq(pm_edit_distance("3-1-502", "3-2-501", 3), 2);
	/* Optimal string alignment: no edit of a transposed pair. */
	ck_assert_int_eq(pm_edit_distance("ca", "abc", 3), 3);
	/* Bytes: a Chinese character differs in three. */
	ck_assert_int_eq(pm_edit_distance("张三", "张四", 5), 3);
	ck_assert_int_eq(pm_edit_distance("Noise", "noise", 3), 1);
}
END_TEST

START_TEST(edit_distance_limit)
{
	/* Above the limit, the answer is only "above". */
	ck_assert_int_gt(pm_edit_distance("abcdef", "uvwxyz", 2), 2);
	ck_assert_int_le(pm_edit_distance("abcdef", "uvwxyz", 2), 6);
	ck_assert_int_eq(pm_edit_distance("a", "abcdef", 2), 3);
	ck_assert_int_eq(pm_edit_distance("kitten", "sitting", 2), 3);
	ck_assert_int_eq(pm_edit_distance("kitten", "sitting", 3), 3);
	ck_assert_int_eq(pm_edit_distance("abc", "abd", 0), 1);
	ck_assert_int_eq(pm_edit_distance("abc", "abc", 0), 0);
}
END_TEST

Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("quote");
	tcase_add_checked_fixture(tc, english, english);
	tcase_add_test(tc, q_plain);
	tcase_add_test(tc, q_controls);
	tcase_add_test(tc, q_bidi);
	tcase_add_test(tc, q_invalid_utf8);
	tcase_add_test(tc, q_cut_at_64_bytes);
	tcase_add_test(tc, q_longest_stays_in_its_buffer);
	tcase_add_test(tc, q_eight_buffers);
	tcase_add_test(tc, q_chinese_quotes);
	tcase_add_test(tc, q_masked);
	suite_add_tcase(s, tc);

	tc = tcase_create("check");
	tcase_add_checked_fixture(tc, english, english);
	tcase_add_test(tc, text_check_good);
	tcase_add_test(tc, text_check_refused);
	tcase_add_test(tc, text_check_in_chinese);
	suite_add_tcase(s, tc);

	tc = tcase_create("cut");
	tcase_add_test(tc, utf8_cut);
	tcase_add_test(tc, utf8_cut_every_length);
	suite_add_tcase(s, tc);

	tc = tcase_create("code");
	tcase_add_test(tc, code_full_width_and_dashes);
	tcase_add_test(tc, code_spaces);
	tcase_add_test(tc, code_cut);
	tcase_add_test(tc, edit_distance);
	tcase_add_test(tc, edit_distance_limit);
	suite_add_tcase(s, tc);
	return s;
}
