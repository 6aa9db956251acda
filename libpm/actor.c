/*
 * actor.c - checking the acting staff member.
 */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "actor.h"
#include "err.h"
#include "i18n.h"
#include "text.h"

const char *
pm_actor_unix_user(void)
{
	static char name[64];
	struct passwd *pw;

	if (name[0] == '\0') {
		/* The real uid: sudo -u or setuid do not change who ran it. */
		if ((pw = getpwuid(getuid())) != NULL)
			snprintf(name, sizeof name, "%s", pw->pw_name);
		else
			snprintf(name, sizeof name, "uid %lu",
			    (unsigned long)getuid());
	}
	return name;
}

/* The role of staff member 'login' into 'role' ("" when none). */
static int
staff_role(struct pm_db *db, const char *login, char *role, size_t len,
    int *found, int *retired)
{
	sqlite3_stmt *st;
	int rc;

	*found = *retired = 0;
	role[0] = '\0';
	st = pm_db_stmt(db, "SELECT role, retired FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, login);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*found = 1;
		snprintf(role, len, "%s", pm_col_text(st, 0));
		*retired = sqlite3_column_int(st, 1);
		rc = SQLITE_DONE;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read staff");
	sqlite3_reset(st);
	return rc;
}

/*
 * The staff member bound to Unix user 'user' into 'login' ("" when
 * none), with their role and whether they retired, and whether anyone
 * at all is bound.
 */
static int
bound_to(struct pm_db *db, const char *user, char *login, size_t len,
    char *role, size_t rlen, int *self_retired, int *any)
{
	sqlite3_stmt *st;
	int rc;

	login[0] = role[0] = '\0';
	*any = *self_retired = 0;
	st = pm_db_stmt(db, "SELECT login, role, unix_user = ?1, retired"
	    " FROM staff WHERE unix_user IS NOT NULL"
	    " ORDER BY unix_user = ?1 DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, user);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*any = 1;
		if (sqlite3_column_int(st, 2)) {
			snprintf(login, len, "%s", pm_col_text(st, 0));
			snprintf(role, rlen, "%s", pm_col_text(st, 1));
			*self_retired = sqlite3_column_int(st, 3);
		}
		rc = SQLITE_DONE;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read staff");
	sqlite3_reset(st);
	return rc;
}

int
pm_actor_bound(struct pm_db *db, char *login, size_t len)
{
	char role[32];
	int any, retired;

	return bound_to(db, pm_actor_unix_user(), login, len, role,
	    sizeof role, &retired, &any);
}

int
pm_actor_check(struct pm_db *db, const char *login, int given)
{
	char role[32], self[128], self_role[32];
	const char *unix_user = pm_actor_unix_user();
	int rc, found, retired, self_retired, any;

	if ((rc = staff_role(db, login, role, sizeof role, &found,
	    &retired)) != 0)
		return rc;
	if (!found && !given)
		return pm_err(PM_EX_NOINPUT, "staff %s: no such staff member "
		    "(say who is acting with --as LOGIN or PM_USER=LOGIN)",
		    pm_q(login));
	if (!found)
		return pm_err(PM_EX_NOINPUT, "staff %s: no such staff member",
		    pm_q(login));
	if (retired)
		return pm_err(PM_EX_DATAERR, "staff %s: retired", pm_q(login));
	if (getuid() == 0)
		return 0;
	if ((rc = bound_to(db, unix_user, self, sizeof self, self_role,
	    sizeof self_role, &self_retired, &any)) != 0 || !any)
		return rc;
	if (self[0] == '\0')
		return pm_err(PM_EX_NOPERM, "Unix user %s is bound to no staff "
		    "member, so may not act as %s (see unix: in pm-estate(5))",
		    pm_q(unix_user), pm_q(login));
	/* A member who has left acts for no one, whatever their role was. */
	if (self_retired)
		return pm_err(PM_EX_NOPERM, "Unix user %s is staff %s, who has "
		    "retired, so may not act as %s", pm_q(unix_user),
		    pm_q(self), pm_q(login));
	if (strcmp(self, login) != 0 && strcmp(self_role, "manager") != 0)
		return pm_err(PM_EX_NOPERM, "Unix user %s is staff %s and may "
		    "not act as %s (only a manager may act for others)",
		    pm_q(unix_user), pm_q(self), pm_q(login));
	return 0;
}
