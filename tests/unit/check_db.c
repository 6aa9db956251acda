/*
 * check_db.c - the db, audit, err and summary modules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "clock.h"
#include "pmtest.h"
#include "summary.h"

static char dir[64];

static void
mkdir_tmp(void)
{
	strcpy(dir, "/tmp/pm-check-db.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
rm_tmp(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static int64_t
count(struct pm_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t n;

	ck_assert_int_eq(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

START_TEST(test_memory_has_schema)
{
	struct pm_db *db = pm_test_db();
	int v;

	ck_assert_int_eq(pm_db_version(db, &v), 0);
	ck_assert_int_eq(v, pm_db_schema_version());
	ck_assert_int_ge(v, 1);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'units'"), 1);
	ck_assert_int_eq(count(db, "PRAGMA foreign_keys"), 1);
	pm_db_close(db);
}
END_TEST

START_TEST(test_path_order)
{
	unsetenv("PM_DB");
	ck_assert_str_eq(pm_db_path(NULL), "pm.db");
	setenv("PM_DB", "", 1);
	ck_assert_str_eq(pm_db_path(NULL), "pm.db");
	setenv("PM_DB", "/srv/pm.db", 1);
	ck_assert_str_eq(pm_db_path(NULL), "/srv/pm.db");
	ck_assert_str_eq(pm_db_path("x.db"), "x.db");
	unsetenv("PM_DB");
}
END_TEST

START_TEST(test_create_open_refuse)
{
	struct pm_db *db;
	struct stat sb;
	char path[128];
	int v;

	mkdir_tmp();
	snprintf(path, sizeof path, "%s/a.db", dir);
	pm_assert_err(pm_db_open(path, 0, &db), PM_EX_NOINPUT, "pm-db init");
	ck_assert_ptr_null(db);
	umask(0);
	ck_assert_int_eq(pm_db_open(path, PM_DB_CREATE, &db), 0);
	{
		sqlite3_stmt *st;
		ck_assert_int_eq(sqlite3_prepare_v2(db->h, "PRAGMA journal_mode",
		    -1, &st, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_str_eq(pm_col_text(st, 0), "wal");
		sqlite3_finalize(st);
	}
	ck_assert_int_eq(count(db, "PRAGMA synchronous"), 2);	/* FULL */
	pm_db_close(db);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	umask(022);
	pm_assert_err(pm_db_open(path, PM_DB_CREATE, &db), PM_EX_CANTCREAT,
	    "already exists");

	/* An older schema names pm-db migrate; a newer one a newer pm. */
	ck_assert_int_eq(pm_db_open(path, 0, &db), 0);
	ck_assert_int_eq(pm_db_exec(db, "PRAGMA user_version = 0"), 0);
	pm_db_close(db);
	pm_assert_err(pm_db_open(path, 0, &db), PM_EX_CONFIG, "not a pm database");
	/* Even migrate refuses a file that is not a pm database. */
	pm_assert_err(pm_db_open(path, PM_DB_ANY_VERSION, &db), PM_EX_CONFIG,
	    "not a pm database");
	{
		sqlite3 *h;
		ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(h, "PRAGMA user_version = 9999",
		    NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(h);
	}
	pm_assert_err(pm_db_open(path, 0, &db), PM_EX_CONFIG, "newer");
	ck_assert_int_eq(pm_db_open(path, PM_DB_ANY_VERSION, &db), 0);
	ck_assert_int_eq(pm_db_version(db, &v), 0);
	ck_assert_int_eq(v, 9999);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

START_TEST(test_migrate_backs_up)
{
	struct pm_db *db;
	char path[128], bakname[160], *bak;
	int from, to;

	if (pm_db_schema_version() < 2)
		return;
	mkdir_tmp();
	snprintf(path, sizeof path, "%s/m.db", dir);
	/* Build a version-1 database by hand: the first migration only. */
	{
		sqlite3 *h;
		ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(h, pm_migrations[0].sql, NULL,
		    NULL, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(h, "PRAGMA user_version = 1",
		    NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(h);
	}
	pm_assert_err(pm_db_open(path, 0, &db), PM_EX_CONFIG, "pm-db migrate");
	ck_assert_int_eq(pm_db_open(path, PM_DB_ANY_VERSION, &db), 0);
	ck_assert_int_eq(pm_db_migrate(db, &from, &to, &bak), 0);
	ck_assert_int_eq(from, 1);
	ck_assert_int_eq(to, pm_db_schema_version());
	snprintf(bakname, sizeof bakname, "%s.v1.bak", path);
	ck_assert_str_eq(bak, bakname);
	ck_assert_int_eq(access(bak, F_OK), 0);
	/*
	 * The backup is taken under migrate's write lock, through a second
	 * connection (the backup API will not read through one holding a
	 * write transaction), and is of the old version.
	 */
	{
		sqlite3 *h;
		sqlite3_stmt *st;
		ck_assert_int_eq(sqlite3_open(bak, &h), SQLITE_OK);
		ck_assert_int_eq(sqlite3_prepare_v2(h, "PRAGMA user_version",
		    -1, &st, NULL), SQLITE_OK);
		ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
		ck_assert_int_eq(sqlite3_column_int(st, 0), 1);
		sqlite3_finalize(st);
		sqlite3_close(h);
	}
	free(bak);
	/* A second migrate finds the database current and backs up nothing. */
	ck_assert_int_eq(pm_db_migrate(db, &from, &to, &bak), 0);
	ck_assert_int_eq(from, pm_db_schema_version());
	ck_assert_int_eq(to, from);
	ck_assert_ptr_null(bak);
	pm_db_close(db);
	ck_assert_int_eq(pm_db_open(path, 0, &db), 0);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

START_TEST(test_stmt_cache)
{
	struct pm_db *db = pm_test_db();
	sqlite3_stmt *a, *b;
	char sql[] = "SELECT ?1 + 1";

	a = pm_db_stmt(db, "SELECT ?1 + 1");
	ck_assert_ptr_nonnull(a);
	pm_bind_int(a, 1, 41);
	ck_assert_int_eq(sqlite3_step(a), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(a, 0), 42);
	/* Same text at another address: same statement, reset and unbound. */
	b = pm_db_stmt(db, sql);
	ck_assert_ptr_eq(a, b);
	ck_assert_int_eq(sqlite3_step(b), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_type(b, 0), SQLITE_NULL);
	ck_assert_ptr_null(pm_db_stmt(db, "SELEC nonsense"));
	ck_assert_int_eq(pm_err_code(), PM_EX_SOFTWARE);
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "SELEC nonsense"));
	pm_db_close(db);
}
END_TEST

/*
 * The statement cache grows: a command may prepare any number of
 * distinct statements (it used to fail past 64 with "statement cache
 * full").  The texts must outlive db, as literals do.
 */
START_TEST(test_stmt_cache_grows)
{
	static char sql[300][32];
	static char again[32];
	sqlite3_stmt *st[300];
	struct pm_db *db = pm_test_db();
	int i;

	for (i = 0; i < 300; i++) {
		snprintf(sql[i], sizeof sql[i], "SELECT %d + ?1", i);
		st[i] = pm_db_stmt(db, sql[i]);
		ck_assert_msg(st[i] != NULL, "statement %d: %s", i,
		    pm_err_msg());
	}
	ck_assert_int_eq(db->ncache, 300);
	for (i = 0; i < 300; i++) {
		ck_assert_ptr_eq(pm_db_stmt(db, sql[i]), st[i]);
		pm_bind_int(st[i], 1, 1000);
		ck_assert_int_eq(sqlite3_step(st[i]), SQLITE_ROW);
		ck_assert_int_eq(sqlite3_column_int(st[i], 0), 1000 + i);
	}
	/* The same text at another address still finds its statement. */
	snprintf(again, sizeof again, "SELECT %d + ?1", 250);
	ck_assert_ptr_eq(pm_db_stmt(db, again), st[250]);
	ck_assert_int_eq(db->ncache, 300);
	pm_db_close(db);
}
END_TEST

/* Run 'fn' with stderr going to a file; return what it wrote (static). */
static const char *
capture_stderr(void (*fn)(struct pm_db *), struct pm_db *db)
{
	static char buf[4096];
	char path[] = "/tmp/check_db_err.XXXXXX";
	int fd, saved;
	ssize_t n;

	fflush(stderr);
	ck_assert_int_ne(fd = mkstemp(path), -1);
	ck_assert_int_ne(saved = dup(2), -1);
	ck_assert_int_ne(dup2(fd, 2), -1);
	fn(db);
	fflush(stderr);
	ck_assert_int_ne(dup2(saved, 2), -1);
	close(saved);
	ck_assert_int_ne(n = pread(fd, buf, sizeof buf - 1, 0), -1);
	buf[n] = '\0';
	close(fd);
	unlink(path);
	return buf;
}

static void
prepare_two(struct pm_db *db)
{
	sqlite3_stmt *st;

	ck_assert_int_eq(pm_db_prepare(db, "SELECT code\n\t FROM units"
	    "  WHERE building = ?1;  SELECT 2", &st), 0);
	sqlite3_finalize(st);
	ck_assert_ptr_nonnull(pm_db_stmt(db, "SELECT name FROM staff"));
}

START_TEST(test_prepare_and_plan)
{
	static const char want[] =
	    "plan: SELECT code FROM units WHERE building = ?1;\n"
	    "plan: SEARCH units USING ";
	struct pm_db *db = pm_test_db();
	sqlite3_stmt *st = NULL;
	const char *out;

	/* Uncached: each call a new statement, which the caller finalizes. */
	ck_assert_int_eq(pm_db_prepare(db, "SELECT ?1 * 2", &st), 0);
	pm_bind_int(st, 1, 21);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 42);
	sqlite3_finalize(st);
	ck_assert_int_eq(db->ncache, 0);
	pm_assert_err(pm_db_prepare(db, "SELEC built at run time", &st),
	    PM_EX_SOFTWARE, "SELEC built at run time");
	ck_assert_ptr_null(st);
	pm_assert_err(pm_db_prepare(db, "  -- nothing", &st), PM_EX_SOFTWARE,
	    "no statement");
	ck_assert_ptr_null(st);

	/* PM_DEBUG_PLAN: the SQL on one line, then a line a plan row. */
	unsetenv("PM_DEBUG_PLAN");
	ck_assert_str_eq(capture_stderr(prepare_two, db), "");
	pm_db_close(db);
	db = pm_test_db();
	setenv("PM_DEBUG_PLAN", "", 1);
	ck_assert_str_eq(capture_stderr(prepare_two, db), "");
	pm_db_close(db);
	db = pm_test_db();
	setenv("PM_DEBUG_PLAN", "1", 1);
	out = capture_stderr(prepare_two, db);
	ck_assert_msg(strncmp(out, want, strlen(want)) == 0, "got:\n%s", out);
	ck_assert_msg(strstr(out, "\nplan: SELECT name FROM staff\n"
	    "plan: SCAN staff") != NULL, "got:\n%s", out);
	/* Only the statement prepared is planned, not the text after it. */
	ck_assert_msg(strstr(out, "SELECT 2") == NULL, "got:\n%s", out);
	/* A cached statement shows its plan once, when first prepared. */
	out = capture_stderr(prepare_two, db);
	unsetenv("PM_DEBUG_PLAN");
	ck_assert_msg(strncmp(out, "plan: SELECT code FROM units", 28) == 0,
	    "got:\n%s", out);
	ck_assert_msg(strstr(out, "staff") == NULL, "got:\n%s", out);
	pm_db_close(db);
}
END_TEST

START_TEST(test_errors_map)
{
	struct pm_db *db = pm_test_db();
	sqlite3_stmt *st;

	st = pm_db_stmt(db, "INSERT INTO departments(code, name) VALUES (?1, ?2)");
	pm_bind_text(st, 1, "service");
	pm_bind_text(st, 2, "客服部");
	ck_assert_int_eq(pm_db_step_done(db, st, "add department"), 0);
	st = pm_db_stmt(db, "INSERT INTO departments(code, name) VALUES (?1, ?2)");
	pm_bind_text(st, 1, "service");
	pm_bind_text(st, 2, "again");
	pm_assert_err(pm_db_step_done(db, st, "add department"), PM_EX_DATAERR,
	    "add department: UNIQUE constraint failed");
	/* Foreign keys are on: staff in an unknown department fails. */
	pm_assert_err(pm_db_exec(db, "INSERT INTO staff(login, name, department,"
	    " role) VALUES ('a', 'A', 'nowhere', 'staff')"), PM_EX_DATAERR,
	    "FOREIGN KEY");
	pm_db_close(db);
}
END_TEST

START_TEST(test_transactions)
{
	struct pm_db *db = pm_test_db();

	ck_assert_int_eq(pm_db_begin(db), 0);
	ck_assert_int_eq(pm_db_set_meta(db, "estate_name", "爱家名邸"), 0);
	pm_db_rollback(db);
	{
		char *v = (char *)"x";
		ck_assert_int_eq(pm_db_meta(db, "estate_name", &v), 0);
		ck_assert_ptr_null(v);
	}
	ck_assert_int_eq(pm_db_begin(db), 0);
	ck_assert_int_eq(pm_db_set_meta(db, "estate_name", "爱家名邸"), 0);
	ck_assert_int_eq(pm_db_set_meta(db, "estate_name", "爱家名邸二期"), 0);
	ck_assert_int_eq(pm_db_commit(db), 0);
	{
		char *v;
		ck_assert_int_eq(pm_db_meta(db, "estate_name", &v), 0);
		ck_assert_str_eq(v, "爱家名邸二期");
		free(v);
	}
	pm_db_close(db);
}
END_TEST

START_TEST(test_audit_append_only)
{
	struct pm_db *db = pm_test_db();
	sqlite3_stmt *st;

	setenv("PM_NOW", "2026-11-23T09:30", 1);
	pm_db_set_actor(db, "pm-unit", "set", "wang.fang");
	ck_assert_int_eq(pm_audit(db, "units", "3-1-502", "owner %s", "王建国"), 0);
	unsetenv("PM_NOW");
	ck_assert_int_eq(sqlite3_prepare_v2(db->h, "SELECT at, who, program, verb,"
	    " tbl, row_id, summary FROM audit", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq(pm_col_text(st, 0), "2026-11-23T01:30:00Z");
	ck_assert_str_eq(pm_col_text(st, 1), "wang.fang");
	ck_assert_str_eq(pm_col_text(st, 2), "pm-unit");
	ck_assert_str_eq(pm_col_text(st, 3), "set");
	ck_assert_str_eq(pm_col_text(st, 4), "units");
	ck_assert_str_eq(pm_col_text(st, 5), "3-1-502");
	ck_assert_str_eq(pm_col_text(st, 6), "owner 王建国");
	sqlite3_finalize(st);
	pm_assert_err(pm_db_exec(db, "UPDATE audit SET who = 'x'"),
	    PM_EX_DATAERR, "audit rows cannot be changed");
	pm_assert_err(pm_db_exec(db, "DELETE FROM audit"),
	    PM_EX_DATAERR, "audit rows cannot be deleted");
	ck_assert_int_eq(count(db, "SELECT count(*) FROM audit"), 1);
	pm_db_close(db);
}
END_TEST

static void
count_problem(const char *line, void *arg)
{
	ck_assert_ptr_nonnull(strstr(line, "staff"));
	(*(int *)arg)++;
}

START_TEST(test_backup_and_check)
{
	struct pm_db *db, *copy;
	char path[128], dest[128];
	int problems = 0;

	mkdir_tmp();
	snprintf(path, sizeof path, "%s/b.db", dir);
	snprintf(dest, sizeof dest, "%s/b-copy.db", dir);
	ck_assert_int_eq(pm_db_open(path, PM_DB_CREATE, &db), 0);
	ck_assert_int_eq(pm_db_set_meta(db, "estate_name", "爱家名邸"), 0);
	ck_assert_int_eq(pm_db_backup(db, dest), 0);
	pm_assert_err(pm_db_backup(db, dest), PM_EX_CANTCREAT, "already exists");
	ck_assert_int_eq(pm_db_open(dest, 0, &copy), 0);
	{
		char *v;
		ck_assert_int_eq(pm_db_meta(copy, "estate_name", &v), 0);
		ck_assert_str_eq(v, "爱家名邸");
		free(v);
	}
	pm_db_close(copy);
	ck_assert_int_eq(pm_db_check(db, count_problem, &problems), 0);
	ck_assert_int_eq(problems, 0);
	/* A broken reference is found (with foreign keys off to make one). */
	ck_assert_int_eq(pm_db_exec(db, "PRAGMA foreign_keys = OFF;"
	    " INSERT INTO staff(login, name, department, role)"
	    " VALUES ('a', 'A', 'nowhere', 'staff')"), 0);
	pm_db_close(db);
	ck_assert_int_eq(pm_db_open(path, 0, &db), 0);
	ck_assert_int_eq(pm_db_check(db, count_problem, &problems), PM_EX_FOUND);
	ck_assert_int_eq(problems, 1);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

/* A file database at 'name' in the test directory, opened. */
static struct pm_db *
file_db(const char *name, char *path, size_t len)
{
	struct pm_db *db;

	snprintf(path, len, "%s/%s", dir, name);
	ck_assert_msg(pm_db_open(path, PM_DB_CREATE, &db) == 0, "%s",
	    pm_err_msg());
	return db;
}

/*
 * A busy database is an error, not an absent setting: pm_db_meta() used
 * to read it as "no time zone", and a command then ran in the wrong zone.
 */
START_TEST(test_meta_busy)
{
	struct pm_db *db;
	sqlite3 *other;
	char path[128], *v = (char *)"x";

	mkdir_tmp();
	db = file_db("busy.db", path, sizeof path);
	ck_assert_int_eq(pm_db_set_meta(db, "timezone", "Asia/Shanghai"), 0);
	/* In rollback mode an exclusive lock keeps even readers out. */
	ck_assert_int_eq(pm_db_exec(db, "PRAGMA journal_mode = DELETE"), 0);
	sqlite3_busy_timeout(db->h, 0);
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL,
	    NULL), SQLITE_OK);
	pm_assert_err(pm_db_meta(db, "timezone", &v), PM_EX_BUSY, "is busy");
	ck_assert_ptr_null(v);
	ck_assert_ptr_null(pm_db_calendar(db));
	ck_assert_int_eq(pm_err_code(), PM_EX_BUSY);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	ck_assert_int_eq(pm_db_meta(db, "timezone", &v), 0);
	ck_assert_str_eq(v, "Asia/Shanghai");
	free(v);
	ck_assert_int_eq(pm_db_meta(db, "no-such-key", &v), 0);
	ck_assert_ptr_null(v);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

/*
 * A read command's reads are of one moment: what another process commits
 * after its first read is not seen, and the writer is not held up.
 */
START_TEST(test_read_snapshot)
{
	struct pm_db *db, *reader;
	char path[128], *v = NULL;

	mkdir_tmp();
	db = file_db("snap.db", path, sizeof path);
	ck_assert_int_eq(pm_db_set_meta(db, "note", "before"), 0);
	ck_assert_int_eq(pm_db_open(path, PM_DB_READONLY, &reader), 0);
	ck_assert_int_eq(pm_db_read(reader), 0);
	ck_assert_int_eq(pm_db_meta(reader, "note", &v), 0);
	ck_assert_str_eq(v, "before");
	free(v);
	/* The writer commits at once, the reader still open. */
	sqlite3_busy_timeout(db->h, 0);
	ck_assert_int_eq(pm_db_begin(db), 0);
	ck_assert_int_eq(pm_db_set_meta(db, "note", "after"), 0);
	ck_assert_int_eq(pm_db_commit(db), 0);
	ck_assert_int_eq(pm_db_meta(reader, "note", &v), 0);
	ck_assert_str_eq(v, "before");
	free(v);
	pm_db_close(reader);
	/* A new reader sees the commit. */
	ck_assert_int_eq(pm_db_open(path, PM_DB_READONLY, &reader), 0);
	ck_assert_int_eq(pm_db_read(reader), 0);
	ck_assert_int_eq(pm_db_meta(reader, "note", &v), 0);
	ck_assert_str_eq(v, "after");
	free(v);
	pm_db_close(reader);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

/*
 * A file that is not SQLite at all is "not a pm database" (78), as an
 * empty SQLite file is, not "file is not a database" (65).
 */
START_TEST(test_not_sqlite)
{
	struct pm_db *db;
	char path[128];
	FILE *fp;
	int i;

	mkdir_tmp();
	snprintf(path, sizeof path, "%s/aijia.yaml", dir);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	for (i = 0; i < 100; i++)
		fprintf(fp, "estate:\n  name: 爱家名邸\n");
	fclose(fp);
	pm_assert_err(pm_db_open(path, PM_DB_READONLY, &db), PM_EX_CONFIG,
	    "aijia.yaml': not a pm database (create one with 'pm-db init')");
	pm_assert_err(pm_db_open(path, 0, &db), PM_EX_CONFIG,
	    "not a pm database");
	pm_assert_err(pm_db_open(path, PM_DB_ANY_VERSION, &db), PM_EX_CONFIG,
	    "not a pm database");
	rm_tmp();
}
END_TEST

/*
 * Writing through a read-only handle is a file's matter (73), never 77,
 * which pm keeps for roles.  (A file the user may not write is tested
 * in tests/cli/0120, which can run as another user.)
 */
START_TEST(test_readonly_not_noperm)
{
	struct pm_db *db;
	char path[128];

	mkdir_tmp();
	db = file_db("ro.db", path, sizeof path);
	pm_db_close(db);
	ck_assert_int_eq(pm_db_open(path, PM_DB_READONLY, &db), 0);
	pm_assert_err(pm_db_set_meta(db, "estate_name", "x"), PM_EX_CANTCREAT,
	    "ro.db'");
	pm_assert_err(pm_db_exec(db, "INSERT INTO meta VALUES ('a', 'b')"),
	    PM_EX_CANTCREAT, "readonly");
	pm_db_close(db);
	rm_tmp();
}
END_TEST

/*
 * PRAGMA journal_mode = WAL answers with the mode it could set.  A file
 * system without shared memory keeps the old mode and says nothing; the
 * "unix-none" VFS, which has no shared memory, stands in for one.
 */
START_TEST(test_wal_checked)
{
	struct pm_db *db;
	char path[128];

	mkdir_tmp();
	db = file_db("nfs.db", path, sizeof path);
	ck_assert_int_eq(pm_db_exec(db, "PRAGMA journal_mode = DELETE"), 0);
	pm_db_close(db);
	ck_assert_int_eq(sqlite3_vfs_register(sqlite3_vfs_find("unix-none"), 1),
	    SQLITE_OK);
	pm_assert_err(pm_db_open(path, 0, &db), PM_EX_CONFIG,
	    "nfs.db': cannot be switched to WAL mode (the journal mode stays "
	    "'delete'");
	ck_assert_ptr_null(db);
	/* A reader does not need WAL, and is let in. */
	ck_assert_int_eq(pm_db_open(path, PM_DB_READONLY, &db), 0);
	pm_db_close(db);
	ck_assert_int_eq(sqlite3_vfs_register(sqlite3_vfs_find("unix"), 1),
	    SQLITE_OK);
	ck_assert_int_eq(pm_db_open(path, 0, &db), 0);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

/*
 * Inside a write transaction the backup API refuses the connection, so
 * the copy is read through another: the last committed state.
 */
START_TEST(test_backup_in_write_tx)
{
	struct pm_db *db, *copy;
	char path[128], dest[128], *v;

	mkdir_tmp();
	db = file_db("w.db", path, sizeof path);
	snprintf(dest, sizeof dest, "%s/w-copy.db", dir);
	ck_assert_int_eq(pm_db_set_meta(db, "estate_name", "一期"), 0);
	ck_assert_int_eq(pm_db_begin(db), 0);
	ck_assert_int_eq(pm_db_set_meta(db, "estate_name", "二期"), 0);
	ck_assert_msg(pm_db_backup(db, dest) == 0, "%s", pm_err_msg());
	pm_db_rollback(db);
	ck_assert_int_eq(pm_db_open(dest, 0, &copy), 0);
	ck_assert_int_eq(pm_db_meta(copy, "estate_name", &v), 0);
	ck_assert_str_eq(v, "一期");
	free(v);
	pm_db_close(copy);
	pm_db_close(db);
	rm_tmp();
}
END_TEST

static int
collect(const struct pm_summary_row *r, void *arg)
{
	char *buf = arg;
	char line[200];

	snprintf(line, sizeof line, "%s %s %lld %lld %lld %lld %lld\n",
	    r->building, r->name, (long long)r->units, (long long)r->occupied,
	    (long long)r->rented, (long long)r->vacant, (long long)r->area);
	strcat(buf, line);
	return 0;
}

START_TEST(test_summary)
{
	struct pm_db *db = pm_test_db();
	char buf[1024] = "";

	ck_assert_int_eq(pm_db_exec(db,
	    "INSERT INTO meta VALUES ('estate_name', '爱家名邸');"
	    "INSERT INTO buildings(code, name) VALUES ('10', '10号楼'), ('2', '2号楼'),"
	    " ('9', '9号楼'), ('old', '旧楼');"
	    "UPDATE buildings SET retired = 1 WHERE code = 'old';"
	    "INSERT INTO units(code, building, area, occupancy) VALUES"
	    " ('2-1-101', '2', 8950, 'occupied'), ('2-1-102', '2', 12030, 'rented'),"
	    " ('2-1-201', '2', 8950, 'vacant'), ('10-1-101', '10', 10000, 'vacant');"
	    "INSERT INTO units(code, building, area, retired) VALUES ('2-1-301', '2', 5000, 1);"
	    "INSERT INTO units(code, kind, name) VALUES ('P-GATE', 'public', '北门');"), 0);
	ck_assert_int_eq(pm_summary(db, collect, buf), 0);
	ck_assert_str_eq(buf,
	    "2 2号楼 3 1 1 1 29930\n"
	    "9 9号楼 0 0 0 0 0\n"
	    "10 10号楼 1 0 0 1 10000\n"
	    "all 爱家名邸 4 1 1 2 39930\n");
	pm_db_close(db);
}
END_TEST

START_TEST(test_err_module)
{
	pm_err_clear();
	ck_assert_str_eq(pm_err_msg(), "");
	ck_assert_int_eq(pm_err(PM_EX_NOINPUT, "unit '%s': no such unit", "9-9-9"),
	    PM_EX_NOINPUT);
	ck_assert_str_eq(pm_err_msg(), "unit '9-9-9': no such unit");
	ck_assert_int_eq(pm_err_code(), PM_EX_NOINPUT);
	pm_set_progname("/usr/local/bin/pm-unit");
	ck_assert_str_eq(pm_progname(), "pm-unit");
	pm_set_progname("");
	ck_assert_str_eq(pm_progname(), "pm-unit");
	pm_err_clear();
	ck_assert_int_eq(pm_err_code(), 0);
}
END_TEST

START_TEST(test_calendar_from_db)
{
	struct pm_db *db = pm_test_db();
	const struct pm_calendar *cal;
	pm_time t;

	ck_assert_int_eq(pm_db_exec(db,
	    "INSERT INTO meta VALUES ('working_hours', '08:30-12:00,13:30-17:30');"
	    "INSERT INTO calendar_days VALUES ('2026-10-01', 0, '国庆节'),"
	    " ('2026-10-10', 1, '国庆节调休');"), 0);
	cal = pm_db_calendar(db);
	ck_assert_ptr_nonnull(cal);
	ck_assert_ptr_eq(cal, pm_db_calendar(db));
	ck_assert_int_eq(cal->nspans, 2);
	ck_assert_int_eq(pm_calendar_day_seconds(cal), 7 * 3600 + 1800);
	ck_assert_int_eq(pm_time_parse("2026-10-01T10:00", &t), 0);
	ck_assert_int_eq(pm_calendar_is_workday(cal, t), 0);
	ck_assert_int_eq(pm_time_parse("2026-10-10T10:00", &t), 0);
	ck_assert_int_eq(pm_calendar_is_workday(cal, t), 1);
	pm_db_close(db);

	db = pm_test_db();
	ck_assert_int_eq(pm_db_exec(db,
	    "INSERT INTO meta VALUES ('working_hours', '25:00-26:00')"), 0);
	ck_assert_ptr_null(pm_db_calendar(db));
	ck_assert_int_eq(pm_err_code(), PM_EX_CONFIG);
	pm_db_close(db);
}
END_TEST

Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc = tcase_create("db");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_memory_has_schema);
	tcase_add_test(tc, test_path_order);
	tcase_add_test(tc, test_create_open_refuse);
	tcase_add_test(tc, test_migrate_backs_up);
	tcase_add_test(tc, test_stmt_cache);
	tcase_add_test(tc, test_stmt_cache_grows);
	tcase_add_test(tc, test_prepare_and_plan);
	tcase_add_test(tc, test_errors_map);
	tcase_add_test(tc, test_transactions);
	tcase_add_test(tc, test_audit_append_only);
	tcase_add_test(tc, test_backup_and_check);
	tcase_add_test(tc, test_backup_in_write_tx);
	tcase_add_test(tc, test_meta_busy);
	tcase_add_test(tc, test_read_snapshot);
	tcase_add_test(tc, test_not_sqlite);
	tcase_add_test(tc, test_readonly_not_noperm);
	tcase_add_test(tc, test_wal_checked);
	tcase_add_test(tc, test_summary);
	tcase_add_test(tc, test_err_module);
	tcase_add_test(tc, test_calendar_from_db);
	suite_add_tcase(s, tc);
	return s;
}
