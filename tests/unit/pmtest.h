/*
 * pmtest.h - what every Check suite shares.
 *
 * Each suite file tests/unit/check_NAME.c defines "Suite *NAME_suite(void)";
 * the runner finds it by the file name.  Tests that touch the database
 * open a fresh in-memory one built from schema/ with pm_test_db().
 */
#ifndef PM_TEST_H
#define PM_TEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "err.h"
#include "out.h"
#include "record.h"

/* A fresh in-memory database with the whole schema; fails the test if not. */
static inline struct pm_db *
pm_test_db(void)
{
	struct pm_db *db = NULL;

	ck_assert_msg(pm_db_open_memory(&db) == 0, "open: %s", pm_err_msg());
	pm_db_set_actor(db, "check", "test", "tester");
	return db;
}

/* Assert that 'rc' is 'want' and the recorded message contains 'part'. */
#define pm_assert_err(rc, want, part) do { \
	int rc_ = (rc); \
	ck_assert_msg(rc_ == (want), "status %d, want %d (%s)", rc_, (want), pm_err_msg()); \
	ck_assert_msg(strstr(pm_err_msg(), (part)) != NULL, \
	    "message '%s' lacks '%s'", pm_err_msg(), (part)); \
} while (0)

/* The one integer a query such as "SELECT count(*) ..." returns. */
static inline int64_t
pm_test_count(struct pm_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n;

	ck_assert_msg(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) ==
	    SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db->h));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * Rows written to memory, to compare as text: pm_test_out() makes a
 * writer in format 'fmt' (no TSV header) over an open_memstream(), and
 * pm_test_text() closes both and returns what was written.  The text
 * belongs to 'm' until the next pm_test_out() or pm_test_mem_free().
 */
struct pm_test_mem {
	FILE *fp;
	char *buf;
	size_t len;
};

static inline void
pm_test_mem_free(struct pm_test_mem *m)
{
	free(m->buf);
	m->buf = NULL;
	m->len = 0;
}

static inline struct pm_out *
pm_test_out(struct pm_test_mem *m, enum pm_fmt fmt, const struct pm_col *cols,
    int ncols)
{
	struct pm_out *o;

	pm_test_mem_free(m);
	ck_assert_ptr_nonnull(m->fp = open_memstream(&m->buf, &m->len));
	ck_assert_ptr_nonnull(o = pm_out_new(m->fp, fmt, 0, cols, ncols));
	return o;
}

static inline const char *
pm_test_text(struct pm_test_mem *m, struct pm_out *o)
{
	ck_assert_msg(pm_out_close(o) == 0, "close: %s", pm_err_msg());
	ck_assert_int_eq(fclose(m->fp), 0);
	m->fp = NULL;
	ck_assert_ptr_nonnull(m->buf);
	return m->buf;
}

/*
 * List the records of 't' as TSV into 'm' with the filters named in
 * 'args': each a filter's option name ("building"), followed by its
 * value when it takes one, the list ending with NULL.  Returns
 * pm_rec_list()'s status; the text written is pm_test_text()'s.
 */
static inline int
pm_test_list(struct pm_db *db, struct pm_test_mem *m,
    const struct pm_rtype *t, int reveal, const char *const *args)
{
	struct pm_given g[16];
	const struct pm_filter *f;
	const struct pm_col *cols;
	struct pm_out *o;
	int n = 0, ncols, rc;

	for (; args != NULL && *args != NULL; args++) {
		for (f = t->filters; f->opt.name != NULL; f++)
			if (strcmp(f->opt.name, *args) == 0)
				break;
		ck_assert_msg(f->opt.name != NULL, "no filter '%s'", *args);
		ck_assert_int_lt(n, 16);
		g[n].f = f;
		g[n].value = f->opt.arg != NULL ? *++args : NULL;
		n++;
	}
	cols = pm_rec_cols(t, 0, &ncols);
	o = pm_test_out(m, PM_FMT_TSV, cols, ncols);
	pm_err_clear();
	rc = pm_rec_list(db, t, g, n, reveal, o);
	pm_test_text(m, o);
	return rc;
}

/* Record 'key' of 't' shown as one TSV line into 'm'; as pm_rec_show(). */
static inline int
pm_test_show(struct pm_db *db, struct pm_test_mem *m,
    const struct pm_rtype *t, const char *key, int reveal)
{
	const struct pm_col *cols;
	struct pm_out *o;
	int ncols, rc;

	cols = pm_rec_cols(t, 1, &ncols);
	o = pm_test_out(m, PM_FMT_TSV, cols, ncols);
	pm_err_clear();
	rc = pm_rec_show(db, t, key, reveal, o);
	pm_test_text(m, o);
	return rc;
}

/*
 * Write 'text' to a new temporary file whose name is put in 'path'
 * (at least 32 bytes); the caller unlinks it.
 */
static inline void
pm_test_file(const char *text, char *path)
{
	FILE *fp;
	int fd;

	strcpy(path, "/tmp/pmtest.XXXXXX");
	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert_ptr_nonnull(fp = fdopen(fd, "w"));
	ck_assert_int_ge(fputs(text, fp), 0);
	ck_assert_int_eq(fclose(fp), 0);
}

#endif
