/*
 * audit.h - the audit trail: every change says who, when, which program
 * and verb, which table and row, and what.
 *
 * The audit table is append-only: triggers in schema/0001-base.sql refuse
 * UPDATE and DELETE, so a row once written stays as it was.
 */
#ifndef PM_AUDIT_H
#define PM_AUDIT_H

#include "db.h"
#include "err.h"

/*
 * Append one audit row for a change to row 'row_id' of table 'tbl', with
 * a printf-style summary ("assigned to wang.li").  The time is pm_now();
 * who, program and verb come from pm_db_set_actor().  Must run inside the
 * transaction that makes the change, so both land or neither does.
 * Returns 0 or a status from pm_db_error().
 */
int pm_audit(struct pm_db *db, const char *tbl, const char *row_id,
    const char *fmt, ...) PM_PRINTF(4, 5);

#endif
