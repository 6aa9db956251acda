/*
 * staff.h - the staff of the service center, as the estate file lists
 * them: who they are, their department and role.
 *
 * Staff come from the estate file (pm-estate(5)) and change only when it
 * is applied again, so this module only reads.  Phone numbers are
 * returned in clear; masking is the caller's (see mask.h).
 */
#ifndef PM_STAFF_H
#define PM_STAFF_H

#include "db.h"

/*
 * One staff member.  The strings belong to the module and stay valid
 * only during the callback that receives them.
 */
struct pm_staff {
	const char *login;		/* "wang.fang" */
	const char *name;		/* 王芳 */
	const char *department;		/* "service" */
	const char *department_name;	/* 客服部 */
	const char *role;		/* staff, lead, supervisor, manager */
	const char *phone;		/* NULL when not known; in clear */
	int retired;			/* 1: left the estate file */
};

/* Which staff pm_staff_list() returns; zero it for everyone. */
struct pm_staff_filter {
	const char *department;	/* a department code, or NULL */
	const char *role;	/* a role, or NULL */
};

/*
 * 0 when 'role' is one of staff, lead, supervisor, manager; else
 * PM_EX_DATAERR with "role 'X': unknown role (choose staff, lead,
 * supervisor or manager)".
 */
int pm_staff_check_role(const char *role);

/*
 * Call 'fn' for each staff member who is not retired and matches 'f',
 * ordered by department code, then by role from the top (manager,
 * supervisor, lead, staff), then by login.  Stops at the first non-zero
 * return of 'fn' and returns it.  An unknown department is
 * PM_EX_NOINPUT ("department 'x': no such department"), an unknown role
 * PM_EX_DATAERR.
 */
int pm_staff_list(struct pm_db *db, const struct pm_staff_filter *f,
    int (*fn)(const struct pm_staff *s, void *arg), void *arg);

/*
 * Call 'fn' once with staff member 'login', retired or not.  Returns
 * what 'fn' returns, or PM_EX_NOINPUT with "staff 'x': no such staff
 * member" recorded.
 */
int pm_staff_get(struct pm_db *db, const char *login,
    int (*fn)(const struct pm_staff *s, void *arg), void *arg);

#endif
