/*
 * staff.c - read the staff table.
 */
#include <string.h>

#include "err.h"
#include "mask.h"
#include "staff.h"

#define STAFF_COLS "s.login, s.name, s.department, d.name, s.role," \
	" s.phone, s.retired"

/* Roles from the top down, the order lists use. */
static const char *const roles[] = { "manager", "supervisor", "lead",
	"staff", NULL };

int
pm_staff_check_role(const char *role)
{
	char q[PM_QUOTE_MAX];
	int i;

	for (i = 0; roles[i] != NULL; i++)
		if (strcmp(role, roles[i]) == 0)
			return 0;
	return pm_err(PM_EX_DATAERR, "role '%s': unknown role (choose staff, "
	    "lead, supervisor or manager)", pm_mask_quote(role, q));
}

static int
each_row(struct pm_db *db, sqlite3_stmt *st, const char *what, int *nrows,
    int (*fn)(const struct pm_staff *, void *), void *arg)
{
	struct pm_staff s;
	int rc;

	*nrows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*nrows)++;
		s.login = pm_col_text(st, 0);
		s.name = pm_col_text(st, 1);
		s.department = pm_col_text(st, 2);
		s.department_name = pm_col_text(st, 3);
		s.role = pm_col_text(st, 4);
		s.phone = pm_col_text(st, 5);
		s.retired = sqlite3_column_int(st, 6);
		if ((rc = fn(&s, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, what);
	sqlite3_reset(st);
	return rc;
}

static int
department_exists(struct pm_db *db, const char *code, int *found)
{
	return pm_db_exists(db, "SELECT 1 FROM departments WHERE code = ?1",
	    code, "find department", found);
}

int
pm_staff_list(struct pm_db *db, const struct pm_staff_filter *f,
    int (*fn)(const struct pm_staff *, void *), void *arg)
{
	sqlite3_stmt *st;
	char q[PM_QUOTE_MAX];
	int rc, found, n;

	if (f->role != NULL && (rc = pm_staff_check_role(f->role)) != 0)
		return rc;
	if (f->department != NULL) {
		if ((rc = department_exists(db, f->department, &found)) != 0)
			return rc;
		if (!found)
			return pm_err(PM_EX_NOINPUT, "department '%s': no "
			    "such department", pm_mask_quote(f->department,
			    q));
	}
	st = pm_db_stmt(db, "SELECT " STAFF_COLS " FROM staff s"
	    " JOIN departments d ON d.code = s.department"
	    " WHERE s.retired = 0"
	    " AND (?1 IS NULL OR s.department = ?1)"
	    " AND (?2 IS NULL OR s.role = ?2)"
	    " ORDER BY s.department, CASE s.role WHEN 'manager' THEN 0"
	    " WHEN 'supervisor' THEN 1 WHEN 'lead' THEN 2 ELSE 3 END,"
	    " s.login");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, f->department);
	pm_bind_text(st, 2, f->role);
	return each_row(db, st, "list staff", &n, fn, arg);
}

int
pm_staff_get(struct pm_db *db, const char *login,
    int (*fn)(const struct pm_staff *, void *), void *arg)
{
	sqlite3_stmt *st;
	char q[PM_QUOTE_MAX];
	int rc, n;

	st = pm_db_stmt(db, "SELECT " STAFF_COLS " FROM staff s"
	    " JOIN departments d ON d.code = s.department"
	    " WHERE s.login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, login);
	if ((rc = each_row(db, st, "find staff", &n, fn, arg)) != 0)
		return rc;
	if (n == 0)
		return pm_err(PM_EX_NOINPUT, "staff '%s': no such staff member",
		    pm_mask_quote(login, q));
	return 0;
}
