/*
 * ticket_priv.h - what the ticket*.c files share and nobody else uses.
 */
#ifndef PM_TICKET_PRIV_H
#define PM_TICKET_PRIV_H

#include "ticket.h"

/* Roles in rising order, as staff.role names them. */
enum {
	TK_ROLE_STAFF,
	TK_ROLE_LEAD,
	TK_ROLE_SUPERVISOR,
	TK_ROLE_MANAGER
};

/*
 * Check that 'login' is a staff member who has not retired and set
 * *rank (may be NULL) to the role.  PM_EX_DATAERR "staff 'X': no such
 * staff member" or "... retired" otherwise.
 */
int tk_staff(struct pm_db *db, const char *login, int *rank);

/* The role name for a rank ("supervisor"). */
const char *tk_role_name(int rank);

/*
 * Write one history row and one audit row for ticket 'id': 'action'
 * ("assign"), the status before and after (NULL when none), and a
 * detail for people (may be NULL).
 */
int tk_record(struct pm_db *db, int64_t id, const char *action,
    const char *from, const char *to, const char *detail);

/* The columns tk_from_row() reads, in its order. */
#define TK_COLS \
	"id, kind, category, unit, source, description, status, level," \
	" level_reason, escalated, receiver, assignee, received_at," \
	" notice_due, onsite_due, same_day_due, feedback_due, completion_due," \
	" noticed_at, onsite_at, feedback_at, resolved_at, callback_at," \
	" callback_by, satisfaction, callback_comment, closed_at," \
	" cancelled_at, paused_at, wait_reason, resume_status," \
	" paused_seconds, reopen_count"

/*
 * Fill 't' from a row of TK_COLS (the caller releases it; strings that
 * could not be copied are NULL).
 */
void tk_from_row(sqlite3_stmt *st, struct pm_ticket *t);

/* 't' as database text in 'buf', or NULL for 0 (no time). */
const char *tk_utc(pm_time t, char buf[PM_TIME_UTC_LEN]);

/* Column 'i' as a time, 0 when NULL (or not a time). */
pm_time tk_col_time(sqlite3_stmt *st, int i);

/* 't' as local text for people, "" for 0. */
const char *tk_local(pm_time t, char buf[PM_TIME_LOCAL_LEN]);

/* The clock and sla entry each deadline counts on. */
enum pm_ticket_sla_name tk_due_sla(enum pm_ticket_due k, int level);

/*
 * The earliest deadline of 't' not met at 'at' (met after 'at' counts as
 * not met), skipping same_day when 'no_same_day'.  Sets *kind; returns 0
 * when there is none.
 */
pm_time tk_next_due(const struct pm_ticket *t, pm_time at, int no_same_day,
    enum pm_ticket_due *kind);

/* Whether status 's' is open (neither closed nor cancelled). */
int tk_open(const char *s);

/*
 * The first line of 'text', at most 'max' characters, with "…" when
 * anything is left out; never cut inside a UTF-8 character.  'len' must
 * be at least 4.  Returns 'buf'.
 */
char *tk_summary(const char *text, int max, char *buf, size_t len);

#endif
