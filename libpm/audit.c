/*
 * audit.c - append rows to the audit trail.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "audit.h"
#include "clock.h"

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
	st = pm_db_stmt(db, "INSERT INTO audit(at, who, program, verb, tbl,"
	    " row_id, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
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
	rc = pm_db_step_done(db, st, "write audit row");
	sqlite3_free(summary);
	return rc;
}
