/*
 * ticket_priv.h - what the ticket*.c files share and nobody else uses.
 */
#ifndef PM_TICKET_PRIV_H
#define PM_TICKET_PRIV_H

#include "ticket.h"
#include "vocab.h"

/*
 * The statuses are words of pm_v_ticket_status; "open" is its group
 * (tk_open()), "unresolved" the statuses before resolved
 * (tk_unresolved(), and open_since in the database), "working" those
 * whose clocks run (tk_working()).  What "overdue" means is
 * tk_deadline_overdue(); SQL asks it through pm_ticket_overdue().
 */

/* Roles, in rising rank (pm_v_role's order). */
enum {
	TK_ROLE_STAFF,
	TK_ROLE_LEAD,
	TK_ROLE_SUPERVISOR,
	TK_ROLE_MANAGER
};

/*
 * Check that 'login' is a staff member who has not retired and set
 * *rank (may be NULL) to the role.  PM_EX_NOINPUT "staff 'X': no such
 * staff member" or PM_EX_DATAERR "... retired" otherwise.
 */
int tk_staff(struct pm_db *db, const char *login, int *rank);

/* Whether status 's' is unresolved, working, open (see above). */
int tk_unresolved(const char *s);
int tk_working(const char *s);
int tk_open(const char *s);

/*
 * Write what changed from 'before' to 'after' (the same ticket): the
 * "now" columns, the first resolution if this is it, one event 'event'
 * with the status, level and assignee after it, the deadlines it set
 * and met, 'satisfaction' and 'detail', the stretch that ended if it
 * was resolved or cancelled, and one audit row (unless 'no_audit').
 */
int tk_save(struct pm_db *db, const struct pm_ticket *before,
    const struct pm_ticket *after, const char *event, const char *detail,
    int no_audit);

/* The columns tk_from_row() reads, in its order. */
#define TK_COLS \
	"id, kind, category, unit, source, description, receiver," \
	" received_at, first_level, first_level_reason, first_notice_due," \
	" first_onsite_due, first_same_day_due, first_feedback_due," \
	" first_completion_due, first_resolved_at, status, level," \
	" level_reason, escalated, assignee, notice_due, onsite_due," \
	" same_day_due, feedback_due, completion_due, noticed_at, onsite_at," \
	" feedback_at, resolved_at, resolved_by, callback_at, callback_by," \
	" satisfaction, callback_comment, closed_at, cancelled_at," \
	" paused_at, wait_reason, resume_status, paused_seconds," \
	" reopen_count, open_since"

/*
 * Fill 't' from a row of TK_COLS (the caller releases it).  Returns 0 or
 * PM_EX_SOFTWARE when out of memory.
 */
int tk_from_row(sqlite3_stmt *st, struct pm_ticket *t);

/*
 * Replaying events: tk_replay() sets 't' (read from the tickets row) back
 * to how it was received and applies its events up to 'at' (database
 * text), read with 'st' from tk_replay_stmt(), which a loop over many
 * tickets fetches once.  0, PM_EX_SOFTWARE or the database error.
 */
sqlite3_stmt *tk_replay_stmt(struct pm_db *db);
int tk_replay(struct pm_db *db, sqlite3_stmt *st, const char *at,
    struct pm_ticket *t);

/* A deep copy of 'from' into 'to'; 0 or PM_EX_SOFTWARE. */
int tk_copy(struct pm_ticket *to, const struct pm_ticket *from);

/* Replace the string '*field' with a copy of 'v' (NULL clears it). */
int tk_set(char **field, const char *v);

/* 't' as database text in 'buf', or NULL for 0 (no time). */
const char *tk_utc(pm_time t, char buf[PM_TIME_UTC_LEN]);

/* Column 'i' as a time, 0 when NULL (or not a time). */
pm_time tk_col_time(sqlite3_stmt *st, int i);

/* The clock and sla entry each deadline counts on. */
enum pm_ticket_sla_name tk_due_sla(enum pm_ticket_due k, int level);

/*
 * The earliest deadline of 't' not met at 'at' (met after 'at' counts as
 * not met), skipping same_day when 'no_same_day'.  Sets *kind; returns 0
 * when there is none.
 */
pm_time tk_next_due(const struct pm_ticket *t, pm_time at, int no_same_day,
    enum pm_ticket_due *kind);

/*
 * Whether deadline 'k' of 't' is overdue at 'at' (the one definition of
 * overdue, see ticket_sla.c), and whether any is.
 */
int tk_deadline_overdue(const struct pm_ticket *t, enum pm_ticket_due k,
    pm_time at);
int tk_overdue_at(const struct pm_ticket *t, pm_time at);

/*
 * The first line of 'text', at most 'max' characters, with "…" when
 * anything is left out; never cut inside a UTF-8 character.  'len' must
 * be at least 4.  Returns 'buf'.
 */
char *tk_summary(const char *text, int max, char *buf, size_t len);

#endif
