/*
 * check_rec.c - reading CSV, TSV and JSON Lines records.
 *
 * Each case feeds a string through fmemopen() and writes down what the
 * reader made of it in one line per record, "LINE: v1|v2|..." with "~"
 * for a missing field, or the error message it recorded.  Comparing
 * that text with the expected text keeps the cases short and the
 * failures readable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pmtest.h"
#include "rec.h"

static char got[4096];

/*
 * Read all of 'in' as format 'fmt' (named "in.csv" in messages) and
 * write what came out into 'got': for each record its line and the
 * values of 'fields' (a NULL-terminated list), then "END" or
 * "ERR STATUS MESSAGE".  Returns the last pm_rec_next() status.
 */
static int
readall(enum pm_rec_fmt fmt, const char *in, size_t len,
    const char *const *fields)
{
	struct pm_rec *r;
	FILE *fp;
	size_t n = 0;
	int rc, i;

	got[0] = '\0';
	pm_err_clear();
	fp = fmemopen((void *)in, len, "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(pm_rec_open(fp, "in.csv", fmt, &r), 0);
	while ((rc = pm_rec_next(r)) == 1) {
		n += snprintf(got + n, sizeof got - n, "%d:", pm_rec_line(r));
		for (i = 0; fields[i] != NULL; i++) {
			const char *v = pm_rec_get(r, fields[i]);
			n += snprintf(got + n, sizeof got - n, "%s%s",
			    i ? "|" : " ", v ? v : "~");
		}
		n += snprintf(got + n, sizeof got - n, "\n");
		ck_assert_uint_lt(n, sizeof got);
	}
	if (rc == 0)
		snprintf(got + n, sizeof got - n, "END");
	else
		snprintf(got + n, sizeof got - n, "ERR %d %s", rc,
		    pm_err_msg());
	/* Once failed, a reader stays failed. */
	if (rc != 0)
		ck_assert_int_eq(pm_rec_next(r), rc);
	else
		ck_assert_int_eq(pm_rec_next(r), 0);
	pm_rec_free(r);
	fclose(fp);
	return rc;
}

#define AB ((const char *const[]){ "a", "b", NULL })

#define expect(fmt, in, want) do { \
	readall((fmt), (in), sizeof(in) - 1, AB); \
	ck_assert_msg(strcmp(got, (want)) == 0, "input '%s':\ngot  '%s'\nwant '%s'", \
	    (in), got, (want)); \
} while (0)

START_TEST(csv_plain)
{
	expect(PM_REC_CSV, "a,b\n1,2\n3,4\n", "2: 1|2\n3: 3|4\nEND");
	/* CRLF, no final line end, blank lines skipped but counted. */
	expect(PM_REC_CSV, "a,b\r\n\r\n1,2\r\n\n3,4", "3: 1|2\n5: 3|4\nEND");
	/* Empty fields are "", not missing. */
	expect(PM_REC_CSV, "a,b\n,\n", "2: |\nEND");
	/* Columns in any order; fields not in the header are missing. */
	expect(PM_REC_CSV, "b,c,a\n1,2,3\n", "2: 3|1\nEND");
	expect(PM_REC_CSV, "a\nx\n", "2: x|~\nEND");
	/* Header only, or nothing at all. */
	expect(PM_REC_CSV, "a,b\n", "END");
	expect(PM_REC_CSV, "", "END");
	expect(PM_REC_CSV, "\n\n", "END");
}
END_TEST

START_TEST(csv_quoted)
{
	expect(PM_REC_CSV, "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n",
	    "2: x,y|say \"hi\"\nEND");
	/* Line breaks inside quotes belong to the field (CRLF kept). */
	expect(PM_REC_CSV, "a,b\n\"one\ntwo\",\"3\r\n4\"\n5,6\n",
	    "2: one\ntwo|3\r\n4\n5: 5|6\nEND");
	expect(PM_REC_CSV, "a,b\n\"\",\"\"\n", "2: |\nEND");
	/* A quoted header. */
	expect(PM_REC_CSV, "\"a\",\"b\"\n1,2\n", "2: 1|2\nEND");
	/* Spaces are data. */
	expect(PM_REC_CSV, "a,b\n 1 , 2\n", "2:  1 | 2\nEND");
	/* Chinese text passes as it is. */
	expect(PM_REC_CSV, "a,b\n张三,\"李四,王五\"\n", "2: 张三|李四,王五\nEND");
}
END_TEST

START_TEST(csv_errors)
{
	expect(PM_REC_CSV, "a,b\n\"x,y\n",
	    "ERR 65 in.csv:2:1: quoted field never ends");
	expect(PM_REC_CSV, "a,b\n\"x\"y,2\n",
	    "ERR 65 in.csv:2:4: text after a quoted field's closing quote");
	expect(PM_REC_CSV, "a,b\nx\"y,2\n",
	    "ERR 65 in.csv:2:2: quote inside an unquoted field (quote the "
	    "whole field and double the quote)");
	expect(PM_REC_CSV, "a,b\n1,2,3\n",
	    "ERR 65 in.csv:2:5: 3 fields, but the header has 2");
	expect(PM_REC_CSV, "a,b\n1,2\n1\n",
	    "2: 1|2\nERR 65 in.csv:3:2: 1 field, but the header has 2");
	expect(PM_REC_CSV, "a,b\n1",
	    "ERR 65 in.csv:2:2: 1 field, but the header has 2");
	expect(PM_REC_CSV, "a,,b\n",
	    "ERR 65 in.csv:1:3: field 2 of the header has no name");
	expect(PM_REC_CSV, "a,b,a\n",
	    "ERR 65 in.csv:1:5: field 'a' named twice in the header");
}
END_TEST

START_TEST(tsv_plain)
{
	expect(PM_REC_TSV, "a\tb\n1\t2\n\n3\t4", "2: 1|2\n4: 3|4\nEND");
	expect(PM_REC_TSV, "a\tb\r\n1\t2\r\n", "2: 1|2\nEND");
	/* pm's escapes undone; other backslashes kept. */
	expect(PM_REC_TSV, "a\tb\nx\\ty\\\\z\tl1\\nl2\\rend\\\n",
	    "2: x\ty\\z|l1\nl2\rend\\\nEND");
	expect(PM_REC_TSV, "a\tb\nC:\\dir\\q\t\"q\"\n",
	    "2: C:\\dir\\q|\"q\"\nEND");
	expect(PM_REC_TSV, "a\tb\n\t\n", "2: |\nEND");
}
END_TEST

START_TEST(tsv_errors)
{
	expect(PM_REC_TSV, "a\tb\n1\t2\t3\n",
	    "ERR 65 in.csv:2:5: 3 fields, but the header has 2");
	expect(PM_REC_TSV, "a\tb\n1\n",
	    "ERR 65 in.csv:2:2: 1 field, but the header has 2");
	expect(PM_REC_TSV, "a\t\n",
	    "ERR 65 in.csv:1:3: field 2 of the header has no name");
}
END_TEST

START_TEST(json_plain)
{
	expect(PM_REC_JSON, "{\"a\": \"1\", \"b\": \"2\"}\n", "1: 1|2\nEND");
	/* Any key order, missing keys, null, numbers and booleans. */
	expect(PM_REC_JSON,
	    "{\"b\":2,\"a\":-1.5e+3}\n\n  \n{\"a\":true}\n{\"a\":null,"
	    "\"b\":false}\n{}\n",
	    "1: -1.5e+3|2\n4: true|~\n5: ~|false\n6: ~|~\nEND");
	/* Spaces, tabs and CR around everything. */
	expect(PM_REC_JSON, " \t{ \"a\" :\t\"x\" , \"b\" : 0 } \r\n",
	    "1: x|0\nEND");
	/* No final line end. */
	expect(PM_REC_JSON, "{\"a\":\"x\"}", "1: x|~\nEND");
}
END_TEST

START_TEST(json_escapes)
{
	expect(PM_REC_JSON,
	    "{\"a\":\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\"}\n",
	    "1: q\"b\\s/\b\f\n\r\t|~\nEND");
	/* \u escapes, BMP and a surrogate pair, become UTF-8. */
	expect(PM_REC_JSON,
	    "{\"a\":\"\\u5f20\\u4E09 \\u00e9\\u0041\",\"b\":\"\\ud83d\\ude00\"}",
	    "1: 张三 éA|\xf0\x9f\x98\x80\nEND");
	/* Escaped keys too. */
	expect(PM_REC_JSON, "{\"\\u0061\":\"x\"}", "1: x|~\nEND");
}
END_TEST

START_TEST(json_errors)
{
	expect(PM_REC_JSON, "{\"a\":{\"x\":1}}\n",
	    "ERR 65 in.csv:1:6: key 'a': nested values are not supported");
	expect(PM_REC_JSON, "{\"a\":[1]}\n",
	    "ERR 65 in.csv:1:6: key 'a': nested values are not supported");
	expect(PM_REC_JSON, "{\"a\":\"x\"}\n[1]\n",
	    "1: x|~\nERR 65 in.csv:2:1: expected '{' (one JSON object a "
	    "line)");
	expect(PM_REC_JSON, "{\"a\":\"x\"} x\n",
	    "ERR 65 in.csv:1:11: text after the object");
	expect(PM_REC_JSON, "{\"a\":\"x\"\n,\"b\":1}\n",
	    "ERR 65 in.csv:1:9: the object does not end on its line");
	expect(PM_REC_JSON, "{\"a\":\"x\n\"}\n",
	    "ERR 65 in.csv:1:6: string never ends");
	expect(PM_REC_JSON, "{\"a\":\"x\"",
	    "ERR 65 in.csv:1:9: the object does not end on its line");
	expect(PM_REC_JSON, "{\"a\" \"x\"}",
	    "ERR 65 in.csv:1:6: expected ':' after key 'a'");
	expect(PM_REC_JSON, "{a:1}",
	    "ERR 65 in.csv:1:2: expected a key in double quotes");
	expect(PM_REC_JSON, "{\"a\":1 \"b\":2}",
	    "ERR 65 in.csv:1:8: expected ',' or '}'");
	expect(PM_REC_JSON, "{\"a\":1,\"a\":2}",
	    "ERR 65 in.csv:1:8: key 'a' given twice");
	expect(PM_REC_JSON, "{\"a\":}",
	    "ERR 65 in.csv:1:6: expected a value");
	expect(PM_REC_JSON, "{\"a\":",
	    "ERR 65 in.csv:1:6: expected a value");
	expect(PM_REC_JSON, "{\"a\":tru}",
	    "ERR 65 in.csv:1:6: 'tru' is not a JSON value");
	expect(PM_REC_JSON, "{\"a\":01}",
	    "ERR 65 in.csv:1:6: '01' is not a JSON value");
	expect(PM_REC_JSON, "{\"a\":1.}",
	    "ERR 65 in.csv:1:6: '1.' is not a JSON value");
	expect(PM_REC_JSON, "{\"a\":nul}",
	    "ERR 65 in.csv:1:6: 'nul' is not a JSON value");
	expect(PM_REC_JSON, "{\"a\":\"\\x\"}",
	    "ERR 65 in.csv:1:8: unknown escape '\\x'");
	expect(PM_REC_JSON, "{\"a\":\"\\u12G4\"}",
	    "ERR 65 in.csv:1:11: \\u needs four hex digits");
	expect(PM_REC_JSON, "{\"a\":\"\\u12",
	    "ERR 65 in.csv:1:11: \\u needs four hex digits");
	expect(PM_REC_JSON, "{\"a\":\"\\u0000\"}",
	    "ERR 65 in.csv:1:7: \\u0000 is not allowed");
	expect(PM_REC_JSON, "{\"a\":\"\\ude00\"}",
	    "ERR 65 in.csv:1:7: \\uDE00: a low surrogate with no high one "
	    "before it");
	expect(PM_REC_JSON, "{\"a\":\"\\ud83dx\"}",
	    "ERR 65 in.csv:1:7: \\uD83D: a high surrogate with no low one "
	    "after it");
	expect(PM_REC_JSON, "{\"a\":\"\\ud83d\\u0041\"}",
	    "ERR 65 in.csv:1:7: \\uD83D: a high surrogate with no low one "
	    "after it");
	expect(PM_REC_JSON, "{\"a\":\"\\ud83d\\n\"}",
	    "ERR 65 in.csv:1:7: \\uD83D: a high surrogate with no low one "
	    "after it");
	expect(PM_REC_JSON, "{\"a\":\"x\ty\"}",
	    "ERR 65 in.csv:1:8: control character in a string (write it as "
	    "\\u0009)");
}
END_TEST

START_TEST(utf8_checked)
{
	/* GBK text (a common export from Chinese spreadsheets). */
	expect(PM_REC_CSV, "a,b\n\xd5\xc5\xc8\xfd,2\n",
	    "ERR 65 in.csv:2:1: invalid UTF-8 (save the file as UTF-8)");
	/* Column counts characters: 张 is one. */
	expect(PM_REC_CSV, "a,b\n张\xff,2\n",
	    "ERR 65 in.csv:2:2: invalid UTF-8 (save the file as UTF-8)");
	/* Overlong, surrogate, beyond U+10FFFF, truncated. */
	expect(PM_REC_TSV, "a\tb\n\xc0\xaf\t1\n",
	    "ERR 65 in.csv:2:1: invalid UTF-8 (save the file as UTF-8)");
	expect(PM_REC_TSV, "a\tb\nx\xed\xa0\x80\t1\n",
	    "ERR 65 in.csv:2:2: invalid UTF-8 (save the file as UTF-8)");
	expect(PM_REC_JSON, "{\"a\":\"\xf4\x90\x80\x80\"}",
	    "ERR 65 in.csv:1:7: invalid UTF-8 (save the file as UTF-8)");
	expect(PM_REC_JSON, "{\"a\":\"\xe5\xbc\"}",
	    "ERR 65 in.csv:1:7: invalid UTF-8 (save the file as UTF-8)");
	expect(PM_REC_CSV, "a,b\n1,\xe5\xbc",
	    "ERR 65 in.csv:2:3: invalid UTF-8 (save the file as UTF-8)");
	/* A NUL would cut the field short. */
	readall(PM_REC_CSV, "a,b\n1,x\0y\n", 11, AB);
	ck_assert_str_eq(got, "ERR 65 in.csv:2:4: NUL byte in the input");
	/* A BOM at the start is dropped; anywhere else it is text. */
	expect(PM_REC_CSV, "\xef\xbb\xbf" "a,b\n1,2\n", "2: 1|2\nEND");
	expect(PM_REC_CSV, "a,b\n\xef\xbb\xbf" "1,2\n",
	    "2: \xef\xbb\xbf" "1|2\nEND");
}
END_TEST

START_TEST(auto_detect)
{
	expect(PM_REC_AUTO, "a,b\n1,2\n", "2: 1|2\nEND");
	expect(PM_REC_AUTO, "a\tb\n1\t2\n", "2: 1|2\nEND");
	expect(PM_REC_AUTO, "{\"a\":\"1\"}\n", "1: 1|~\nEND");
	/* Blank lines first; a BOM; leading spaces before '{'. */
	expect(PM_REC_AUTO, "\n\na\tb\n1\t2\n", "4: 1|2\nEND");
	expect(PM_REC_AUTO, "\xef\xbb\xbf{\"b\":\"1\"}\n", "1: ~|1\nEND");
	expect(PM_REC_AUTO, "\n  {\"b\":\"1\"}\n", "2: ~|1\nEND");
	/* A tab in a later line does not make it TSV. */
	expect(PM_REC_AUTO, "a,b\n1,\"x\ty\"\n", "2: 1|x\ty\nEND");
	expect(PM_REC_AUTO, "", "END");
}
END_TEST

START_TEST(long_input_streams)
{
	/*
	 * Many records of a few bytes each read fine (and are not kept);
	 * one record past the cap is refused.
	 */
	size_t n = 2 * 1024 * 1024, i, len;
	char *big = malloc(n + 16);
	int count = 0, rc;
	struct pm_rec *r;
	FILE *fp;

	ck_assert_ptr_nonnull(big);
	len = (size_t)sprintf(big, "a,b\n");
	while (len + 8 < n)
		len += (size_t)sprintf(big + len, "%d,x\n", count++ % 1000);
	fp = fmemopen(big, len, "r");
	ck_assert_int_eq(pm_rec_open(fp, NULL, PM_REC_AUTO, &r), 0);
	ck_assert_str_eq(pm_rec_name(r), "stdin");
	for (i = 0; (rc = pm_rec_next(r)) == 1; i++)
		;
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(i, (size_t)count);
	pm_rec_free(r);
	fclose(fp);

	memcpy(big, "a,b\n", 4);
	memset(big + 4, 'x', n - 4);
	fp = fmemopen(big, n, "r");
	ck_assert_int_eq(pm_rec_open(fp, "big.csv", PM_REC_CSV, &r), 0);
	pm_assert_err(pm_rec_next(r), PM_EX_DATAERR,
	    "big.csv:2:1048577: record longer than 1048576 bytes");
	pm_rec_free(r);
	fclose(fp);
	free(big);
}
END_TEST

START_TEST(too_many_fields)
{
	char buf[8192];
	size_t n = 0;
	int i;

	for (i = 0; i < 1001; i++)
		n += (size_t)sprintf(buf + n, "%sf%d", i ? "," : "", i);
	readall(PM_REC_CSV, buf, n, AB);
	ck_assert_str_eq(got, "ERR 65 in.csv:1:4891: more than 1000 fields");
}
END_TEST

START_TEST(check_fields)
{
	static const char *const known[] = { "unit", "owner_name", NULL };
	struct pm_rec *r;
	FILE *fp;
	char csv[] = "\nunit,owner,owner_name\n1,2,3\n";
	char json[] = "{\"unit\":\"1\"}\n{\"unit\":\"1\",\"x\":null}\n";

	fp = fmemopen(csv, sizeof csv - 1, "r");
	ck_assert_int_eq(pm_rec_open(fp, "o.csv", PM_REC_AUTO, &r), 0);
	ck_assert_int_eq(pm_rec_next(r), 1);
	pm_assert_err(pm_rec_check_fields(r, known), PM_EX_DATAERR,
	    "o.csv:2: unknown field 'owner' (known: unit, owner_name)");
	pm_rec_free(r);
	fclose(fp);

	fp = fmemopen(json, sizeof json - 1, "r");
	ck_assert_int_eq(pm_rec_open(fp, "o.json", PM_REC_AUTO, &r), 0);
	ck_assert_int_eq(pm_rec_next(r), 1);
	ck_assert_int_eq(pm_rec_check_fields(r, known), 0);
	ck_assert_int_eq(pm_rec_next(r), 1);
	/* A null value is still a key the reader did not expect. */
	pm_assert_err(pm_rec_check_fields(r, known), PM_EX_DATAERR,
	    "o.json:2: unknown field 'x' (known: unit, owner_name)");
	ck_assert_int_eq(pm_rec_next(r), 0);
	pm_rec_free(r);
	fclose(fp);
}
END_TEST

START_TEST(io_error)
{
	struct pm_rec *r;
	FILE *fp = fopen("/", "r");

	/* Reading a directory fails with EISDIR: an I/O error, named. */
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(pm_rec_open(fp, "/", PM_REC_AUTO, &r), 0);
	pm_assert_err(pm_rec_next(r), PM_EX_IOERR, "/: Is a directory");
	pm_rec_free(r);
	fclose(fp);
}
END_TEST

Suite *
rec_suite(void)
{
	Suite *s = suite_create("rec");
	TCase *tc = tcase_create("rec");

	tcase_add_test(tc, csv_plain);
	tcase_add_test(tc, csv_quoted);
	tcase_add_test(tc, csv_errors);
	tcase_add_test(tc, tsv_plain);
	tcase_add_test(tc, tsv_errors);
	tcase_add_test(tc, json_plain);
	tcase_add_test(tc, json_escapes);
	tcase_add_test(tc, json_errors);
	tcase_add_test(tc, utf8_checked);
	tcase_add_test(tc, auto_detect);
	tcase_add_test(tc, long_input_streams);
	tcase_add_test(tc, too_many_fields);
	tcase_add_test(tc, check_fields);
	tcase_add_test(tc, io_error);
	suite_add_tcase(s, tc);
	return s;
}
