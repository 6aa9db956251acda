/*
 * audit.c - append rows to the audit trail.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "actor.h"
#include "audit.h"
#include "clock.h"
#include "text.h"

/* Bytes of summary an audit row keeps. */
#define AUDIT_SUMMARY_MAX 2000

int
pm_audit(struct pm_db *db, const char *tbl, const char *row_id,
    const char *fmt, ...)
{
	char at[PM_TIME_UTC_LEN], *summary;
	sqlite3_stmt *st;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	summary = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (summary == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	/*
	 * A row once written can never be mended: cut a long summary
	 * between characters, never inside one.
	 */
	summary[pm_utf8_cut(summary, AUDIT_SUMMARY_MAX)] = '\0';
	st = pm_db_stmt(db, "INSERT INTO audit(at, who, program, verb, tbl,"
	    " row_id, summary, unix_user)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (st == NULL) {
		sqlite3_free(summary);
		return pm_err_code();
	}
	pm_bind_text(st, 1, pm_time_utc(pm_now(), at));
	pm_bind_text(st, 2, db->user ? db->user : "?");
	pm_bind_text(st, 3, db->prog ? db->prog : "?");
	pm_bind_text(st, 4, db->verb ? db->verb : "?");
	pm_bind_text(st, 5, tbl);
	pm_bind_text(st, 6, row_id);
	pm_bind_text(st, 7, summary);
	pm_bind_text(st, 8, pm_actor_unix_user());
	rc = pm_db_step_done(db, st, "write audit row");
	sqlite3_free(summary);
	return rc;
}
