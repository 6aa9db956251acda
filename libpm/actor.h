/*
 * actor.h - who is acting: the staff member a command acts as, checked
 * against the staff list and against the Unix account running it.
 *
 * Every command that changes records acts as a staff member: --as LOGIN,
 * else $PM_USER, else the staff member the Unix account is bound to,
 * else the Unix login name.  That member must exist and
 * not have retired.  When the estate file binds staff to Unix accounts
 * (pm-estate(5) "unix:"), the binding decides who the Unix user may act
 * as: themselves only, or anyone when they are a manager.  root may act
 * as anyone (it can write the file anyway); the audit trail records the
 * real Unix user beside the staff member in every row.
 */
#ifndef PM_ACTOR_H
#define PM_ACTOR_H

#include "db.h"

/*
 * Check that 'login' may act here.  'given' says whether the login was
 * named (--as or $PM_USER) rather than taken from the Unix login name,
 * so the message can say how to name oneself.  Returns 0, or:
 *
 *   PM_EX_NOINPUT  "staff 'x': no such staff member" (with a hint to
 *                  use --as or PM_USER when it was not given)
 *   PM_EX_DATAERR  "staff 'x': retired"
 *   PM_EX_NOPERM   the Unix user is bound to someone else and is no
 *                  manager, or is bound to a member who has retired,
 *                  or is bound to no one while others are
 */
int pm_actor_check(struct pm_db *db, const char *login, int given);

/*
 * The staff member the real Unix user is bound to (pm-estate(5) unix:)
 * into 'login' ("" when none): who acts when neither --as nor PM_USER
 * names anyone.  Returns 0 or a status from pm_db_error().
 */
int pm_actor_bound(struct pm_db *db, char *login, size_t len);

/* The real Unix user running the command ("root"), for the audit. */
const char *pm_actor_unix_user(void);

#endif
