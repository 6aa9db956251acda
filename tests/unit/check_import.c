/*
 * check_import.c - pm_import(): check and spool every record, then
 * write them all in one transaction or none, in the order of a time
 * field, reporting every bad line (up to 20) with its line number, and
 * naming what was written only once it is committed.
 *
 * The tests import "notes" into a table of their own with an import
 * declared here, so that the rules are tested apart from units and
 * tickets, whose imports have their own tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pmtest.h"
#include "import.h"
#include "text.h"

static struct pm_db *db;

enum { F_KEY, F_AT, F_TEXT, F_N };

static const char *const fields[F_N + 1] = { "key", "at", "text", NULL };

/*
 * A key starts with "k" in any case and is stored in lower case; a text
 * "bad" is a bad record, "fatal" stops the import, "same" changes
 * nothing, "late" is refused only when written.
 */
static int
check_note(struct pm_db *d, const char **vals, void *ctx)
{
	static char key[64];
	size_t i;

	(*(int *)ctx)++;
	if (vals[F_KEY][0] != 'k' && vals[F_KEY][0] != 'K')
		return pm_err(PM_EX_DATAERR, "key %s: not a key",
		    pm_q(vals[F_KEY]));
	for (i = 0; vals[F_KEY][i] != '\0' && i < sizeof key - 1; i++)
		key[i] = (char)(vals[F_KEY][i] | 0x20);
	key[i] = '\0';
	vals[F_KEY] = key;
	if (vals[F_TEXT] != NULL && strcmp(vals[F_TEXT], "bad") == 0)
		return pm_err(PM_EX_NOINPUT, "text 'bad': no such text");
	if (vals[F_TEXT] != NULL && strcmp(vals[F_TEXT], "fatal") == 0)
		return pm_err(PM_EX_SOFTWARE, "the check broke down");
	return 0;
}

static int
write_note(struct pm_db *d, const char **vals, char *id, size_t len, void *ctx)
{
	sqlite3_stmt *st;

	if (vals[F_TEXT] != NULL && strcmp(vals[F_TEXT], "same") == 0)
		return PM_UNCHANGED;
	if (vals[F_TEXT] != NULL && strcmp(vals[F_TEXT], "late") == 0)
		return pm_err(PM_EX_DATAERR, "key %s: taken meanwhile",
		    pm_q(vals[F_KEY]));
	st = pm_db_stmt(d, "INSERT INTO notes(key, at, text)"
	    " VALUES (?1, ?2, ?3)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, vals[F_KEY]);
	pm_bind_text(st, 2, vals[F_AT]);
	pm_bind_text(st, 3, vals[F_TEXT]);
	snprintf(id, len, "%s", vals[F_KEY]);
	return pm_db_step_done(d, st, "insert note");
}

static const struct pm_import notes_import = {
	fields, F_KEY, 1, F_AT, check_note, write_note, "notes"
};

/* The same, keys named any number of times, written in file order. */
static const struct pm_import log_import = {
	fields, -1, 0, -1, check_note, write_note, NULL
};

static char path[64];
static char reported[8192];
static char ids[1024];
static int checked;
static int committed_at_done;

static void
report(const char *msg, void *arg)
{
	size_t n = strlen(reported);

	snprintf(reported + n, sizeof reported - n, "%s\n", msg);
}

static int
done(const char *id, void *arg)
{
	size_t n = strlen(ids);

	snprintf(ids + n, sizeof ids - n, "%s ", id);
	/* Named once the transaction is over, or inside a dry run's. */
	committed_at_done = !db->in_tx;
	return 0;
}

static int
import_as(const struct pm_import *im, const char *text, int dry)
{
	int rc;

	pm_test_file(text, path);
	reported[0] = ids[0] = '\0';
	checked = 0;
	pm_err_clear();
	rc = pm_import(db, im, &checked, path, PM_REC_AUTO, dry, report,
	    done, NULL);
	unlink(path);
	ck_assert_int_eq(db->in_tx, 0);
	return rc;
}

static int
import(const char *text)
{
	return import_as(&notes_import, text, 0);
}

/* 's' with the temporary file's name written as "F". */
static const char *
f(const char *s)
{
	static char buf[2][8192];
	static int which;
	char *b = buf[which++ % 2];
	size_t n = strlen(path), o = 0;

	while (*s != '\0' && o < sizeof buf[0] - 2) {
		if (strncmp(s, path, n) == 0) {
			b[o++] = 'F';
			s += n;
		} else
			b[o++] = *s++;
	}
	b[o] = '\0';
	return b;
}

static int
notes(void)
{
	return (int)pm_test_count(db, "SELECT count(*) FROM notes");
}

static int
audits(void)
{
	return (int)pm_test_count(db, "SELECT count(*) FROM audit");
}

static void
setup(void)
{
	pm_err_clear();
	setenv("PM_NOW", "2026-11-23T12:00", 1);
	db = pm_test_db();
	ck_assert_int_eq(pm_db_exec(db, "CREATE TABLE notes(n INTEGER"
	    " PRIMARY KEY, key TEXT NOT NULL, at TEXT, text TEXT)"), 0);
}

static void
teardown(void)
{
	pm_db_close(db);
	db = NULL;
	unsetenv("PM_NOW");
}

START_TEST(good_file)
{
	ck_assert_int_eq(import("key,at,text\n"
	    "k1,2026-11-23T09:00,first\n"
	    "K2,,second\n"), 0);
	/* The checked values are what is written; ids after the commit. */
	ck_assert_int_eq(notes(), 2);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM notes WHERE"
	    " key = 'k2' AND text = 'second' AND at IS NULL"), 1);
	ck_assert_str_eq(ids, "k1 k2 ");
	ck_assert_int_eq(committed_at_done, 1);
	ck_assert_str_eq(reported, "");
	/* One audit row names the whole import. */
	ck_assert_int_eq(audits(), 1);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'notes' AND row_id = 'import' AND summary LIKE"
	    " 'imported 2 records from /tmp/%'"), 1);
}
END_TEST

START_TEST(all_or_nothing)
{
	ck_assert_int_eq(import("key,text\nk1,a\nk2,bad\nk3,c\n"),
	    PM_EX_DATAERR);
	/* One error: the message is the error, with its line. */
	ck_assert_str_eq(f(pm_err_msg()), "F:3: text 'bad': no such text");
	ck_assert_str_eq(reported, "");
	ck_assert_int_eq(notes(), 0);
	ck_assert_int_eq(audits(), 0);
	ck_assert_str_eq(ids, "");
	/* Every record was checked, the bad one did not stop the reading. */
	ck_assert_int_eq(checked, 3);
}
END_TEST

START_TEST(every_bad_line)
{
	ck_assert_int_eq(import("key,text\n"
	    "k1,a\n"
	    "x2,b\n"
	    "k3,bad\n"
	    ",d\n"
	    "k5,e\n"
	    "k1,f\n"), PM_EX_DATAERR);
	ck_assert_str_eq(f(reported),
	    "F:3: key 'x2': not a key\n"
	    "F:4: text 'bad': no such text\n"
	    "F:5: key: missing\n"
	    "F:7: key 'k1': named twice (first on line 2)\n");
	ck_assert_str_eq(f(pm_err_msg()), "F: 4 errors, nothing imported");
	ck_assert_int_eq(notes(), 0);
	ck_assert_int_eq(audits(), 0);
}
END_TEST

START_TEST(twenty_errors_at_most)
{
	char text[4096];
	size_t n;
	int i;

	/* 25 bad lines, then a line no reader gets to. */
	n = (size_t)snprintf(text, sizeof text, "key,text\n");
	for (i = 0; i < 25; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "x%d,a\n", i);
	snprintf(text + n, sizeof text - n, "k1,\"never read\n");
	ck_assert_int_eq(import(text), PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()),
	    "F: stopped after 20 errors, nothing imported");
	ck_assert_ptr_nonnull(strstr(f(reported), "F:2: key 'x0': not a key\n"));
	ck_assert_ptr_nonnull(strstr(f(reported),
	    "F:21: key 'x19': not a key\n"));
	ck_assert_ptr_null(strstr(reported, "x20"));
	ck_assert_int_eq(checked, 20);
	ck_assert_int_eq(notes(), 0);
	/* 19 bad lines are counted as they are. */
	n = (size_t)snprintf(text, sizeof text, "key,text\n");
	for (i = 0; i < 19; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "x%d,a\n", i);
	ck_assert_int_eq(import(text), PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()), "F: 19 errors, nothing imported");
}
END_TEST

START_TEST(duplicate_keys)
{
	/* Keys compare as checked: K1 is k1. */
	ck_assert_int_eq(import("key,text\nk1,a\nk2,b\nK1,c\nk2,d\n"),
	    PM_EX_DATAERR);
	ck_assert_str_eq(f(reported),
	    "F:4: key 'k1': named twice (first on line 2)\n"
	    "F:5: key 'k2': named twice (first on line 3)\n");
	ck_assert_str_eq(f(pm_err_msg()), "F: 2 errors, nothing imported");
	/* Where keys may repeat, they do. */
	ck_assert_int_eq(import_as(&log_import, "key,text\nk1,a\nk1,b\n", 0),
	    0);
	ck_assert_str_eq(ids, "k1 k1 ");
	ck_assert_int_eq(notes(), 2);
	/* No audit row: each write would audit itself. */
	ck_assert_int_eq(audits(), 0);
}
END_TEST

START_TEST(time_order)
{
	/*
	 * Written earliest first whatever the file's order; equal times
	 * keep the file's order; no time is now (12:00).
	 */
	ck_assert_int_eq(import("key,at,text\n"
	    "k1,,now\n"
	    "k2,2026-11-23T15:00,later\n"
	    "k3,2026-11-23T10:00,early\n"
	    "k4,2026-11-23T10:00,also early\n"
	    "k5,2026-11-22,yesterday\n"), 0);
	ck_assert_str_eq(ids, "k5 k3 k4 k1 k2 ");
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM notes WHERE"
	    " n = 1 AND key = 'k5'"), 1);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM notes WHERE"
	    " n = 5 AND key = 'k2'"), 1);
	/* A bad time is a bad record, named by its line. */
	ck_assert_int_eq(import("key,at\nk6,2026-11-23T09:00\nk7,soon\n"),
	    PM_EX_DATAERR);
	ck_assert_int_eq(strncmp(f(pm_err_msg()), "F:3: date 'soon': ", 18),
	    0);
	/* Without an order field, the file's order. */
	ck_assert_int_eq(import_as(&log_import, "key,at\n"
	    "k8,2026-11-23T15:00\nk9,2026-11-23T10:00\n", 0), 0);
	ck_assert_str_eq(ids, "k8 k9 ");
}
END_TEST

/* A write that fails names the line in the file, not its place. */
START_TEST(write_errors)
{
	ck_assert_int_eq(import("key,at,text\n"
	    "k1,2026-11-23T11:00,a\n"
	    "k2,2026-11-23T09:00,late\n"
	    "k3,2026-11-23T10:00,late\n"), PM_EX_DATAERR);
	ck_assert_str_eq(f(reported), "F:3: key 'k2': taken meanwhile\n"
	    "F:4: key 'k3': taken meanwhile\n");
	ck_assert_str_eq(f(pm_err_msg()), "F: 2 errors, nothing imported");
	ck_assert_int_eq(notes(), 0);
	ck_assert_int_eq(audits(), 0);
	ck_assert_str_eq(ids, "");
}
END_TEST

START_TEST(header_only_is_checked)
{
	ck_assert_int_eq(import("key,colour\n"), PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()), "F:1: unknown field 'colour' "
	    "(known: key, at, text)");
	ck_assert_int_eq(import("key\tcolour\n"), PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()), "F:1: unknown field 'colour' "
	    "(known: key, at, text)");
	/* A good header alone, or nothing, imports nothing and audits no. */
	ck_assert_int_eq(import("key,at,text\n"), 0);
	ck_assert_int_eq(import(""), 0);
	ck_assert_int_eq(notes(), 0);
	ck_assert_int_eq(audits(), 0);
	ck_assert_str_eq(ids, "");
}
END_TEST

START_TEST(fields_and_syntax)
{
	/* The key field must be there from the first record on. */
	ck_assert_int_eq(import("text\na\n"), PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()), "F:2: no 'key' field (each record "
	    "names its key)");
	/* JSON Lines names fields per record: each is checked. */
	ck_assert_int_eq(import("{\"key\":\"k1\"}\n{\"key\":\"k2\","
	    "\"colour\":\"red\"}\n"), PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()), "F:2: unknown field 'colour' "
	    "(known: key, at, text)");
	ck_assert_int_eq(import("{\"key\":\"k1\",\"at\":null,\"text\":7}\n"),
	    0);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM notes WHERE"
	    " text = '7' AND at IS NULL"), 1);
	/* A syntax error after bad records: they are said first. */
	ck_assert_int_eq(import("key,text\nx1,a\nx2,b\nk3,\"c\n"),
	    PM_EX_DATAERR);
	ck_assert_str_eq(f(reported), "F:2: key 'x1': not a key\n"
	    "F:3: key 'x2': not a key\n");
	ck_assert_str_eq(f(pm_err_msg()), "F:4:4: quoted field never ends");
	ck_assert_int_eq(notes(), 1);
}
END_TEST

START_TEST(fatal_check)
{
	/* A status that is not about the record stops the import. */
	ck_assert_int_eq(import("key,text\nx1,a\nk2,fatal\nx3,c\n"),
	    PM_EX_SOFTWARE);
	ck_assert_str_eq(f(reported), "F:2: key 'x1': not a key\n");
	ck_assert_str_eq(pm_err_msg(), "the check broke down");
	ck_assert_int_eq(checked, 2);
	ck_assert_int_eq(notes(), 0);
}
END_TEST

START_TEST(dry_run)
{
	ck_assert_int_eq(import_as(&notes_import, "key,text\nk1,a\nk2,same\n"
	    "k3,c\n", 1), 0);
	/* What would be written is named before the rollback; none kept. */
	ck_assert_str_eq(ids, "k1 k3 ");
	ck_assert_int_eq(committed_at_done, 0);
	ck_assert_int_eq(notes(), 0);
	ck_assert_int_eq(audits(), 0);
	/* Errors are found as in a real run. */
	ck_assert_int_eq(import_as(&notes_import, "key,text\nk1,late\n", 1),
	    PM_EX_DATAERR);
	ck_assert_str_eq(f(pm_err_msg()), "F:2: key 'k1': taken meanwhile");
	ck_assert_str_eq(ids, "");
}
END_TEST

/* Only what changed is named and counted. */
START_TEST(unchanged_not_named)
{
	ck_assert_int_eq(import("key,text\nk1,same\nk2,b\nk3,same\n"), 0);
	ck_assert_str_eq(ids, "k2 ");
	ck_assert_int_eq(notes(), 1);
	ck_assert_int_eq(pm_test_count(db, "SELECT count(*) FROM audit WHERE"
	    " summary LIKE 'imported 1 records from %'"), 1);
	/* Nothing changed: no audit row at all. */
	ck_assert_int_eq(import("key,text\nk1,same\n"), 0);
	ck_assert_str_eq(ids, "");
	ck_assert_int_eq(audits(), 1);
}
END_TEST

static int
stop_printing(const char *id, void *arg)
{
	return pm_err(PM_EX_IOERR, "write error: broken pipe");
}

/* The ids are named after the commit: a failing printer loses nothing. */
START_TEST(done_after_commit)
{
	pm_test_file("key,text\nk1,a\nk2,b\n", path);
	pm_assert_err(pm_import(db, &notes_import, &checked, path,
	    PM_REC_AUTO, 0, report, stop_printing, NULL), PM_EX_IOERR,
	    "broken pipe");
	unlink(path);
	ck_assert_int_eq(notes(), 2);
	ck_assert_int_eq(audits(), 1);
}
END_TEST

START_TEST(stdin_and_missing_file)
{
	FILE *fp;

	pm_test_file("key,text\nk1,a\nx2,b\n", path);
	ck_assert_ptr_nonnull(fp = freopen(path, "r", stdin));
	unlink(path);
	pm_assert_err(pm_import(db, &notes_import, &checked, "-", PM_REC_AUTO,
	    0, report, done, NULL), PM_EX_DATAERR, "stdin:3: key 'x2': not a "
	    "key");
	pm_assert_err(pm_import(db, &notes_import, &checked,
	    "/nonexistent/notes.csv", PM_REC_AUTO, 0, report, done, NULL),
	    PM_EX_NOINPUT,
	    "file '/nonexistent/notes.csv': No such file or directory");
	ck_assert_int_eq(notes(), 0);
}
END_TEST

Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, good_file);
	tcase_add_test(tc, all_or_nothing);
	tcase_add_test(tc, every_bad_line);
	tcase_add_test(tc, twenty_errors_at_most);
	tcase_add_test(tc, duplicate_keys);
	tcase_add_test(tc, time_order);
	tcase_add_test(tc, write_errors);
	tcase_add_test(tc, header_only_is_checked);
	tcase_add_test(tc, fields_and_syntax);
	tcase_add_test(tc, fatal_check);
	tcase_add_test(tc, dry_run);
	tcase_add_test(tc, unchanged_not_named);
	tcase_add_test(tc, done_after_commit);
	tcase_add_test(tc, stdin_and_missing_file);
	suite_add_tcase(s, tc);
	return s;
}
