/*
 * check_actor.c - who may act: the staff member must exist and not have
 * retired, and where staff are bound to Unix accounts, the Unix user
 * running the command may act only as the member bound to it, or as
 * anyone when that member is a manager; root may act as anyone.
 *
 * The binding rules depend on the real uid.  Run as an ordinary user,
 * they are tested as that user.  Run as root (as in a container), root's
 * own rule is tested, and the binding rules are tested in a child
 * process that has given up root for 'nobody', so that libpm needs no
 * way to pretend another uid.  The child reports with its exit status
 * and a message on a pipe rather than with Check's assertions, which
 * belong to the test's own process.
 */
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pmtest.h"
#include "actor.h"

static const char staff_sql[] =
    "INSERT INTO departments(code, name) VALUES ('service', '客服部');"
    "INSERT INTO staff(login, name, department, role, retired) VALUES"
    " ('zhang.wei', '张伟', 'service', 'staff', 0),"
    " ('li.na', '李娜', 'service', 'supervisor', 0),"
    " ('chen.jing', '陈静', 'service', 'manager', 0),"
    " ('old.hand', '老手', 'service', 'manager', 1);";

/* A fresh database with the staff, or NULL; no Check assertions. */
static struct pm_db *
staff_db(void)
{
	struct pm_db *db = NULL;

	if (pm_db_open_memory(&db) != 0 || pm_db_exec(db, staff_sql) != 0) {
		pm_db_close(db);
		return NULL;
	}
	return db;
}

/* Bind staff 'login' to Unix user 'user' (NULL: unbind). */
static int
bind_unix(struct pm_db *db, const char *login, const char *user)
{
	char *sql = sqlite3_mprintf("UPDATE staff SET unix_user = %Q"
	    " WHERE login = %Q", user, login);
	int rc = pm_db_exec(db, sql);

	sqlite3_free(sql);
	return rc;
}

/*
 * One expectation: pm_actor_check() of 'login' is 'want', and the
 * message holds 'part' (NULL: anything).  On failure, writes why into
 * 'err' and returns -1.
 */
static int
expect(struct pm_db *db, const char *login, int given, int want,
    const char *part, char *err, size_t len)
{
	int rc;

	pm_err_clear();
	rc = pm_actor_check(db, login, given);
	if (rc == want && (part == NULL || strstr(pm_err_msg(), part) != NULL))
		return 0;
	snprintf(err, len, "acting as '%s' (Unix user '%s'): status %d, want "
	    "%d; message '%s', want '%s'", login, pm_actor_unix_user(), rc,
	    want, pm_err_msg(), part != NULL ? part : "");
	return -1;
}

#define EXPECT(login, given, want, part) do { \
	if (expect(db, (login), (given), (want), (part), err, len) != 0) \
		goto out; \
} while (0)

/*
 * The binding rules as the Unix user 'me' (not root).  Returns 0, or -1
 * with the first failure in 'err'.
 */
static int
binding_rules(const char *me, char *err, size_t len)
{
	struct pm_db *db;
	char msg[256];
	int rc = -1;

	if ((db = staff_db()) == NULL) {
		snprintf(err, len, "database: %s", pm_err_msg());
		return -1;
	}
	err[0] = '\0';
	/* With nobody bound, anyone may act as any staff member. */
	EXPECT("zhang.wei", 1, 0, NULL);
	EXPECT("chen.jing", 0, 0, NULL);
	/* Bound as staff: as oneself only. */
	if (bind_unix(db, "li.na", me) != 0)
		goto out;
	EXPECT("li.na", 0, 0, NULL);
	EXPECT("li.na", 1, 0, NULL);
	snprintf(msg, sizeof msg, "Unix user '%s' is staff 'li.na' and may "
	    "not act as 'zhang.wei' (only a manager may act for others)", me);
	EXPECT("zhang.wei", 1, PM_EX_NOPERM, msg);
	EXPECT("chen.jing", 1, PM_EX_NOPERM, "may not act as 'chen.jing'");
	/* The staff rules come first. */
	EXPECT("nobody", 1, PM_EX_NOINPUT, "staff 'nobody': no such staff");
	EXPECT("old.hand", 1, PM_EX_DATAERR, "staff 'old.hand': retired");
	/* Bound as a manager: as anyone. */
	if (bind_unix(db, "li.na", NULL) != 0 || bind_unix(db, "chen.jing", me) != 0)
		goto out;
	EXPECT("chen.jing", 0, 0, NULL);
	EXPECT("zhang.wei", 1, 0, NULL);
	EXPECT("li.na", 1, 0, NULL);
	/* Bound to no one while others are bound: refused. */
	if (bind_unix(db, "chen.jing", "someone-else") != 0 ||
	    bind_unix(db, "zhang.wei", "another-one") != 0)
		goto out;
	snprintf(msg, sizeof msg, "Unix user '%s' is bound to no staff "
	    "member, so may not act as 'li.na' (see unix: in pm-estate(5))",
	    me);
	EXPECT("li.na", 1, PM_EX_NOPERM, msg);
	EXPECT("chen.jing", 0, PM_EX_NOPERM, "bound to no staff member");
	/*
	 * Bound to a member who has retired, a manager: the role no longer
	 * lets the account act for anyone, nor as itself.
	 */
	if (bind_unix(db, "old.hand", me) != 0)
		goto out;
	snprintf(msg, sizeof msg, "Unix user '%s' is staff 'old.hand', who "
	    "has retired, so may not act as 'li.na'", me);
	EXPECT("li.na", 1, PM_EX_NOPERM, msg);
	EXPECT("zhang.wei", 0, PM_EX_NOPERM, "who has retired");
	EXPECT("old.hand", 1, PM_EX_DATAERR, "staff 'old.hand': retired");
	rc = 0;
out:
	if (rc != 0 && err[0] == '\0')
		snprintf(err, len, "bind: %s", pm_err_msg());
	pm_db_close(db);
	return rc;
}

START_TEST(staff_must_exist)
{
	struct pm_db *db = pm_test_db();

	ck_assert_int_eq(pm_db_exec(db, staff_sql), 0);
	/* Not named: say how to name oneself. */
	pm_assert_err(pm_actor_check(db, "stranger", 0), PM_EX_NOINPUT,
	    "staff 'stranger': no such staff member (say who is acting with "
	    "--as LOGIN or PM_USER=LOGIN)");
	pm_assert_err(pm_actor_check(db, "stranger", 1), PM_EX_NOINPUT,
	    "staff 'stranger': no such staff member");
	ck_assert_ptr_null(strstr(pm_err_msg(), "--as"));
	/* Logins are exact, and quoted in messages. */
	pm_assert_err(pm_actor_check(db, "Zhang.Wei", 1), PM_EX_NOINPUT,
	    "staff 'Zhang.Wei'");
	pm_assert_err(pm_actor_check(db, "x\033[2J", 1), PM_EX_NOINPUT,
	    "staff 'x\\x1B[2J'");
	pm_assert_err(pm_actor_check(db, "old.hand", 1), PM_EX_DATAERR,
	    "staff 'old.hand': retired");
	pm_assert_err(pm_actor_check(db, "old.hand", 0), PM_EX_DATAERR,
	    "staff 'old.hand': retired");
	ck_assert_int_eq(pm_actor_check(db, "zhang.wei", 1), 0);
	pm_db_close(db);
}
END_TEST

START_TEST(unix_user_is_real_uid)
{
	struct passwd *pw = getpwuid(getuid());

	ck_assert_ptr_nonnull(pw);
	ck_assert_str_eq(pm_actor_unix_user(), pw->pw_name);
	/* Looked up once. */
	ck_assert_ptr_eq(pm_actor_unix_user(), pm_actor_unix_user());
}
END_TEST

/* Root may act as anyone, bound or not (it can write the file anyway). */
START_TEST(root_acts_as_anyone)
{
	struct pm_db *db;

	if (getuid() != 0)
		return;		/* only root can test root's rule */
	db = pm_test_db();
	ck_assert_int_eq(pm_db_exec(db, staff_sql), 0);
	ck_assert_int_eq(bind_unix(db, "li.na", "someone-else"), 0);
	ck_assert_int_eq(bind_unix(db, "zhang.wei", "root"), 0);
	ck_assert_int_eq(pm_actor_check(db, "li.na", 1), 0);
	ck_assert_int_eq(pm_actor_check(db, "chen.jing", 0), 0);
	/* The staff rules still hold for root. */
	pm_assert_err(pm_actor_check(db, "old.hand", 1), PM_EX_DATAERR,
	    "retired");
	pm_assert_err(pm_actor_check(db, "nobody", 1), PM_EX_NOINPUT,
	    "no such staff member");
	pm_db_close(db);
}
END_TEST

/*
 * The binding rules: as this user, or as root through a child that has
 * become 'nobody'.
 */
START_TEST(binding_rules_for_unix_users)
{
	char err[1024] = "";
	struct passwd *pw;
	int fd[2], status;
	ssize_t n;
	pid_t pid;

	if (getuid() != 0) {
		ck_assert_ptr_nonnull(pw = getpwuid(getuid()));
		ck_assert_msg(binding_rules(pw->pw_name, err, sizeof err) == 0,
		    "%s", err);
		return;
	}
	if ((pw = getpwnam("nobody")) == NULL)
		return;		/* no one to become: nothing to test */
	ck_assert_int_eq(pipe(fd), 0);
	ck_assert_int_ge(pid = fork(), 0);
	if (pid == 0) {
		close(fd[0]);
		if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 ||
		    setuid(pw->pw_uid) != 0 || getuid() == 0)
			_exit(77);
		/*
		 * As libpm names the Unix user (looked up once: with
		 * CK_FORK=no an earlier test may have named root).
		 */
		status = binding_rules(pm_actor_unix_user(), err,
		    sizeof err) == 0 ? 0 : 1;
		if (write(fd[1], err, strlen(err)) < 0)
			status = 2;
		_exit(status);
	}
	close(fd[1]);
	n = read(fd[0], err, sizeof err - 1);
	err[n > 0 ? n : 0] = '\0';
	close(fd[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status), "the child did not exit");
	/* 77: root could not give up root here; nothing was tested. */
	if (WEXITSTATUS(status) == 77)
		return;
	ck_assert_msg(WEXITSTATUS(status) == 0, "%s", err);
}
END_TEST

Suite *
actor_suite(void)
{
	Suite *s = suite_create("actor");
	TCase *tc = tcase_create("actor");

	tcase_add_test(tc, staff_must_exist);
	tcase_add_test(tc, unix_user_is_real_uid);
	tcase_add_test(tc, root_acts_as_anyone);
	tcase_add_test(tc, binding_rules_for_unix_users);
	suite_add_tcase(s, tc);
	return s;
}
