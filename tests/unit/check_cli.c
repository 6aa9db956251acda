/*
 * check_cli.c - the shared options, and the per-id runner that every
 * verb changing records by id uses.  Paths that exit (help, version,
 * bad options) are tested on the real binaries in tests/cli/0001-man.t.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "pmtest.h"
#include "text.h"

static int
run_nothing(struct pm_cli *cli, int argc, char **argv)
{
	return 0;
}

enum { OPT_REVEAL = PM_OPT_LONG };

static const struct pm_opt list_opts[] = {
	{ "building", 'b', "number", "the building" },
	{ "reveal", OPT_REVEAL, NULL, "show phone numbers" },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_cli_verb verbs[] = {
	{ "list", run_nothing, "[-b number] [--reveal]", "list them",
	    list_opts, NULL },
	{ "show", run_nothing, "id ...", "show them", NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

/* A pm_cli as pm_cli_main() hands it to verb 'i'. */
static void
cli_for(struct pm_cli *cli, int i)
{
	memset(cli, 0, sizeof *cli);
	cli->verbs = verbs;
	cli->v = &verbs[i];
	cli->verb = verbs[i].name;
	optind = 1;
}

START_TEST(test_shared_and_own_options)
{
	char *argv[] = { "list", "-d", "x.db", "--building", "3", "--as",
	    "wang.fang", "-o", "json", "--header", "-q", "--reveal", "3-1-502",
	    NULL };
	int argc = 13, c, reveal = 0;
	const char *building = NULL;
	struct pm_cli cli;

	cli_for(&cli, 0);
	while ((c = pm_cli_getopt(&cli, argc, argv)) != -1)
		switch (c) {
		case 'b': building = optarg; break;
		case OPT_REVEAL: reveal = 1; break;
		default: ck_abort_msg("unexpected option %d", c);
		}
	ck_assert_str_eq(building, "3");
	ck_assert_int_eq(reveal, 1);
	ck_assert_str_eq(cli.db_path, "x.db");
	ck_assert_str_eq(cli.user, "wang.fang");
	ck_assert_int_eq(cli.format, PM_FMT_JSON);
	ck_assert_int_eq(cli.header, 1);
	ck_assert_int_eq(cli.quiet, 1);
	ck_assert_int_eq(argc - optind, 1);
	ck_assert_str_eq(argv[optind], "3-1-502");
}
END_TEST

START_TEST(test_user_from_environment)
{
	char *argv[] = { "list", NULL };
	struct pm_cli cli;

	cli_for(&cli, 1);
	setenv("PM_USER", "li.na", 1);
	ck_assert_int_eq(pm_cli_getopt(&cli, 1, argv), -1);
	ck_assert_str_eq(cli.user, "li.na");
	ck_assert_int_eq(cli.user_given, 1);
	/* Not a terminal under the test runner: TSV. */
	ck_assert_int_eq(cli.format, PM_FMT_TSV);
	unsetenv("PM_USER");
}
END_TEST

static int
collect_id(const char *id, void *arg)
{
	strcat(arg, id);
	strcat(arg, ";");
	return strcmp(id, "stop") == 0 ? PM_EX_NOINPUT : 0;
}

START_TEST(test_each_id)
{
	char *ids[] = { "12", "13", "stop", "14" };
	char buf[64] = "";
	struct pm_cli cli;

	cli_for(&cli, 1);
	ck_assert_int_eq(pm_cli_each_id(&cli, 2, ids, collect_id, buf), 0);
	ck_assert_str_eq(buf, "12;13;");
	buf[0] = '\0';
	ck_assert_int_eq(pm_cli_each_id(&cli, 4, ids, collect_id, buf),
	    PM_EX_NOINPUT);
	ck_assert_str_eq(buf, "12;13;stop;");
}
END_TEST

START_TEST(test_bad_value_message)
{
	ck_assert_int_eq(pm_cli_bad("level", "7", "choose 1, 2 or 3"), PM_EX_USAGE);
	ck_assert_str_eq(pm_err_msg(), "level '7': choose 1, 2 or 3");
}
END_TEST


/*
 * pm_cli_run_ids(), on a database file, with what it prints on stdout
 * and stderr caught in files.
 */

static char dbpath[64];

struct capture {
	int fd, saved, which;
	char path[64];
};

static void
capture_begin(struct capture *c, int which)
{
	fflush(which == STDOUT_FILENO ? stdout : stderr);
	strcpy(c->path, "/tmp/pmtest-cap.XXXXXX");
	ck_assert_int_ge(c->fd = mkstemp(c->path), 0);
	ck_assert_int_ge(c->saved = dup(which), 0);
	ck_assert_int_ge(dup2(c->fd, which), 0);
	c->which = which;
}

/* What was written since capture_begin(), malloc'd. */
static char *
capture_end(struct capture *c)
{
	char *buf;
	off_t len;

	fflush(c->which == STDOUT_FILENO ? stdout : stderr);
	dup2(c->saved, c->which);
	close(c->saved);
	len = lseek(c->fd, 0, SEEK_END);
	ck_assert_ptr_nonnull(buf = calloc(1, (size_t)len + 1));
	ck_assert_int_eq(pread(c->fd, buf, (size_t)len, 0), len);
	close(c->fd);
	unlink(c->path);
	return buf;
}

static void
db_setup(void)
{
	struct pm_db *db;
	int fd;

	pm_err_clear();
	strcpy(dbpath, "/tmp/pmtest-db.XXXXXX");
	ck_assert_int_ge(fd = mkstemp(dbpath), 0);
	close(fd);
	unlink(dbpath);
	ck_assert_msg(pm_db_open(dbpath, PM_DB_CREATE, &db) == 0, "%s",
	    pm_err_msg());
	ck_assert_int_eq(pm_db_exec(db, "INSERT INTO departments(code, name)"
	    " VALUES ('service', '客服部'); INSERT INTO staff(login, name,"
	    " department, role) VALUES ('li.na', '李娜', 'service', 'staff');"
	    " CREATE TABLE marks(id TEXT NOT NULL)"), 0);
	pm_db_close(db);
}

static void
db_teardown(void)
{
	char p[80];

	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
}

/* The ids marked so far, space-separated. */
static const char *
marks(void)
{
	static char buf[256];
	struct pm_db *db;
	sqlite3_stmt *st;
	size_t n = 0;

	buf[0] = '\0';
	ck_assert_int_eq(pm_db_open(dbpath, 0, &db), 0);
	ck_assert_int_eq(sqlite3_prepare_v2(db->h, "SELECT id FROM marks"
	    " ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		    n ? " " : "", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	pm_db_close(db);
	return buf;
}

/* "x" is no id; checked before anything is opened. */
static int
check_id(const char *id)
{
	if (strcmp(id, "x") == 0)
		return pm_err(PM_EX_DATAERR, "id %s: not an id", pm_q(id));
	return 0;
}

/*
 * Mark 'id'; "same" is left as it is, "bad" fails; an id as stored is
 * its upper case, which is what is printed.
 */
static int
mark(struct pm_db *db, const char *id, char *canon, size_t len, void *arg)
{
	char *sql;
	size_t i;
	int rc;

	for (i = 0; id[i] != '\0' && i + 1 < len; i++)
		canon[i] = (char)toupper((unsigned char)id[i]);
	canon[i] = '\0';
	(*(int *)arg)++;
	if (strcmp(id, "same") == 0)
		return pm_err(PM_UNCHANGED, "id %s: left as it is", pm_q(id));
	if (strcmp(id, "bad") == 0)
		return pm_err(PM_EX_DATAERR, "id %s: refused", pm_q(id));
	ck_assert_int_eq(db->in_tx, 1);
	sql = sqlite3_mprintf("INSERT INTO marks VALUES (%Q)", id);
	rc = pm_db_exec(db, sql);
	sqlite3_free(sql);
	return rc;
}

/* Run the ids 'ids' (NULL-terminated) as verb "show" would. */
static int
run_ids(char **ids, int quiet, char **out, char **err, int *acted)
{
	struct capture co, ce;
	struct pm_cli cli;
	int argc = 0, rc;

	while (ids[argc] != NULL)
		argc++;
	cli_for(&cli, 1);
	cli.db_path = dbpath;
	cli.user = "li.na";
	cli.user_given = 1;
	cli.quiet = quiet;
	*acted = 0;
	pm_err_clear();
	capture_begin(&co, STDOUT_FILENO);
	capture_begin(&ce, STDERR_FILENO);
	rc = pm_cli_run_ids(&cli, argc, ids, check_id, mark, acted);
	*err = capture_end(&ce);
	*out = capture_end(&co);
	return rc;
}

START_TEST(test_run_ids)
{
	char *ids[] = { "1", "2", "same", "3", NULL };
	char *out, *err;
	int acted;

	/* One transaction; ids printed once committed, the unchanged not. */
	ck_assert_int_eq(run_ids(ids, 0, &out, &err, &acted), 0);
	ck_assert_str_eq(out, "1\n2\n3\n");
	ck_assert_str_eq(err, "pm: id 'same': left as it is\n");
	ck_assert_int_eq(acted, 4);
	ck_assert_str_eq(marks(), "1 2 3");
	free(out);
	free(err);
	/* Quiet: nothing printed, not even why one was left. */
	ids[0] = "4";
	ids[1] = NULL;
	ck_assert_int_eq(run_ids(ids, 1, &out, &err, &acted), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	ck_assert_str_eq(marks(), "1 2 3 4");
	free(out);
	free(err);
}
END_TEST

START_TEST(test_run_ids_all_or_nothing)
{
	char *ids[] = { "5", "bad", "6", NULL };
	char *bad_id[] = { "7", "x", "8", NULL };
	char *out, *err;
	int acted;

	/* A failure rolls back the ids changed before it; nothing printed. */
	pm_assert_err(run_ids(ids, 0, &out, &err, &acted), PM_EX_DATAERR,
	    "id 'bad': refused");
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(acted, 2);
	ck_assert_str_eq(marks(), "");
	free(out);
	free(err);
	/* Every id is checked before the database is opened. */
	pm_assert_err(run_ids(bad_id, 0, &out, &err, &acted), PM_EX_DATAERR,
	    "id 'x': not an id");
	ck_assert_int_eq(acted, 0);
	free(out);
	free(err);
	db_teardown();
	pm_assert_err(run_ids(bad_id, 0, &out, &err, &acted), PM_EX_DATAERR,
	    "id 'x': not an id");
	free(out);
	free(err);
	ck_assert_int_eq(access(dbpath, F_OK), -1);
	/* No ids at all is a usage error. */
	bad_id[0] = NULL;
	ck_assert_int_eq(run_ids(bad_id, 0, &out, &err, &acted), PM_EX_USAGE);
	ck_assert_str_eq(err, "pm: show: missing argument\n"
	    "usage: pm show id ...\n");
	free(out);
	free(err);
}
END_TEST

START_TEST(test_run_ids_from_stdin)
{
	char *ids[] = { "1", "-", "9", NULL };
	char path[64], *out, *err;
	int acted;

	/* The first field of each line: tables right-align ids. */
	pm_test_file("  2\t3-1-502\tnew\n\n3 x\n#4\r\n", path);
	ck_assert_ptr_nonnull(freopen(path, "r", stdin));
	unlink(path);
	ck_assert_int_eq(run_ids(ids, 0, &out, &err, &acted), 0);
	ck_assert_str_eq(out, "1\n2\n3\n#4\n9\n");
	ck_assert_str_eq(marks(), "1 2 3 #4 9");
	free(out);
	free(err);
	/* A NUL in a line would end the id early: refused. */
	{
		FILE *fp;

		strcpy(path, "/tmp/pmtest-in.XXXXXX");
		ck_assert_ptr_nonnull(fp = fdopen(mkstemp(path), "w"));
		fwrite("10\n1\0" "1\n", 1, 6, fp);
		fclose(fp);
		ck_assert_ptr_nonnull(freopen(path, "r", stdin));
		unlink(path);
	}
	ids[0] = "-";
	ids[1] = NULL;
	pm_assert_err(run_ids(ids, 0, &out, &err, &acted), PM_EX_DATAERR,
	    "stdin:2: a NUL byte in the line");
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(marks(), "1 2 3 #4 9");
	free(out);
	free(err);
}
END_TEST

Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_add_test(tc, test_shared_and_own_options);
	tcase_add_test(tc, test_user_from_environment);
	tcase_add_test(tc, test_each_id);
	tcase_add_test(tc, test_bad_value_message);
	suite_add_tcase(s, tc);

	tc = tcase_create("run_ids");
	tcase_add_checked_fixture(tc, db_setup, db_teardown);
	tcase_add_test(tc, test_run_ids);
	tcase_add_test(tc, test_run_ids_all_or_nothing);
	tcase_add_test(tc, test_run_ids_from_stdin);
	suite_add_tcase(s, tc);
	return s;
}
