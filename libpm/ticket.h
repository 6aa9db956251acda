/*
 * ticket.h - the service desk: tickets, their levels, deadlines,
 * lifecycle, history, and the lists the desk works from.
 *
 * A ticket is a repair (报修), complaint (投诉), inquiry (咨询) or
 * suggestion (建议) about a unit or a public area.  The staff member who
 * receives it is its receiver for good (首问负责制); assignees come and
 * go, and every change is one row of ticket_history and one audit row.
 *
 * Lifecycle (the status column):
 *
 *   new ──assign──▶ assigned ──start──▶ in_progress ──resolve──▶ resolved
 *     │                                                            │
 *     │   (wait ⇄ resume from new, assigned, in_progress)      callback
 *     │                                                            ▼
 *     └─ cancel (with a reason, while open)      closed ◀──close── called_back
 *
 * "reopen" takes a resolved, called-back or closed ticket back to
 * assigned and counts against first-time fix.  A repair or complaint
 * cannot be closed without its callback; an inquiry or suggestion can be
 * closed once resolved.
 *
 * Deadlines are computed once, when the ticket is added, from the sla
 * table and the estate's working calendar, and stored; pausing the clock
 * (wait) and resuming it moves those not yet met by the time paused,
 * each on its own clock.
 *
 * Transactions: the functions that change tickets run inside the
 * caller's transaction (pm_db_begin) and neither begin nor commit, so a
 * command acting on many tickets keeps all or none of its changes.  The
 * acting staff member is db->user (pm_db_set_actor); the time is pm_now().
 *
 * Errors (recorded with pm_err):
 *   PM_EX_DATAERR  bad input: unknown unit, category or staff member, a
 *                  bad kind, source or satisfaction, a bad description,
 *                  a bad ticket id, a transition the status does not
 *                  allow ("ticket '5' is closed: cannot start it"), a
 *                  close without the callback it needs
 *   PM_EX_NOINPUT  no such ticket
 *   PM_EX_NOPERM   a callback by someone whose role may not make it
 *   others         from pm_db_error()
 */
#ifndef PM_TICKET_H
#define PM_TICKET_H

#include <stdint.h>
#include <stdio.h>

#include "clock.h"
#include "db.h"
#include "err.h"
#include "out.h"
#include "rec.h"

/* The deadlines a ticket can have, in the order they usually fall. */
enum pm_ticket_due {
	PM_DUE_NOTICE,		/* level 1 / 2: the manager / team lead told */
	PM_DUE_ONSITE,		/* emergency repair: someone on site */
	PM_DUE_SAME_DAY,	/* done by the end of the local day */
	PM_DUE_FEEDBACK,	/* the owner told how it stands */
	PM_DUE_COMPLETION,	/* resolved */
	PM_DUE_N
};

/* "notice", "onsite", "same_day", "feedback", "completion". */
const char *pm_ticket_due_name(enum pm_ticket_due k);

/*
 * The service levels of the sla table, with the defaults of DESIGN.md
 * for rows it lacks.  same_day with 0 seconds means the end of the
 * local day of receipt.
 */
enum pm_ticket_sla_name {
	PM_SLA_T_NOTICE1,	/* notice_level1: 5m calendar */
	PM_SLA_T_NOTICE2,	/* notice_level2: 10m calendar */
	PM_SLA_T_ONSITE,	/* onsite: 30m calendar */
	PM_SLA_T_SAME_DAY,	/* same_day: 0 (end of the day) calendar */
	PM_SLA_T_FEEDBACK,	/* feedback: 2d working */
	PM_SLA_T_COMPLETION,	/* completion: 5d working */
	PM_SLA_T_REPEAT,	/* repeat_window: 30d calendar */
	PM_SLA_T_N
};

struct pm_ticket_sla {
	int64_t secs[PM_SLA_T_N];
	enum pm_clock_kind clock[PM_SLA_T_N];
};

/*
 * Read the sla table into 'sla', filling missing rows with the
 * defaults ("d" on a working clock is pm_calendar_day_seconds(cal)).
 * Returns 0 or a status from pm_db_error().
 */
int pm_ticket_sla_load(struct pm_db *db, const struct pm_calendar *cal,
    struct pm_ticket_sla *sla);

/*
 * The deadlines of a ticket of 'level' received at 'received': due[k] is
 * the moment, or 0 when the ticket has no such deadline (notice for
 * level 3, onsite unless 'emergency').
 */
void pm_ticket_deadlines(const struct pm_calendar *cal,
    const struct pm_ticket_sla *sla, int level, int emergency,
    pm_time received, pm_time due[PM_DUE_N]);

/*
 * Move deadline 'due' on 'clock' for a pause from 'paused' to 'resumed':
 * the time that was left at the pause is counted again from the resume.
 * A deadline that had already passed when the pause began stays.
 */
pm_time pm_ticket_shift(const struct pm_calendar *cal,
    enum pm_clock_kind clock, pm_time due, pm_time paused, pm_time resumed);

/* A ticket as stored.  Times are 0 when NULL; strings are owned. */
struct pm_ticket {
	int64_t id;
	char *kind, *category, *unit, *source, *description, *status;
	int level;
	char *level_reason;
	int escalated;
	char *receiver, *assignee;	/* assignee may be NULL */
	pm_time received;
	pm_time due[PM_DUE_N];
	/* When each deadline was met (same_day and completion: resolved). */
	pm_time met[PM_DUE_N];
	pm_time resolved, callback_at, closed, cancelled, paused;
	char *callback_by, *satisfaction, *callback_comment;
	char *wait_reason, *resume_status;
	int64_t paused_seconds;
	int reopen_count;
};

/*
 * Read ticket 'id' into 't' (which the caller then releases).  Returns 0,
 * or PM_EX_NOINPUT "ticket 'ID': no such ticket".
 */
int pm_ticket_get(struct pm_db *db, int64_t id, struct pm_ticket *t);
void pm_ticket_release(struct pm_ticket *t);

/*
 * Parse a ticket id ("42", also "#42").  Returns 0, or PM_EX_DATAERR
 * "ticket 'X': not a ticket id".
 */
int pm_ticket_parse_id(const char *s, int64_t *id);

/*
 * Check a description (or any text a person types into a ticket): valid
 * UTF-8, not empty, no control characters but tab and newline.  'what'
 * names it in the message ("description 'X': ...").  Returns 0 or
 * PM_EX_DATAERR.
 */
int pm_ticket_check_text(const char *what, const char *s);

/*
 * The English name of a kind, source or satisfaction given in English or
 * Chinese (报修, 投诉, 咨询, 建议; 满意, 基本满意, 不满意), or NULL when it
 * is none.
 */
const char *pm_ticket_kind(const char *s);
const char *pm_ticket_source(const char *s);
const char *pm_ticket_satisfaction(const char *s);

/* What a new ticket says; NULL fields take their defaults. */
struct pm_ticket_new {
	const char *kind;	/* NULL: the category's kind */
	const char *category;	/* required */
	const char *unit;	/* a unit or public-area code; required */
	const char *description; /* required */
	const char *source;	/* NULL: "phone" */
	pm_time received;	/* 0: now; never in the future */
	const char *received_text; /* 'received' as the user gave it, for
				   messages; NULL: 'received' formatted */
	const char *receiver;	/* NULL: the acting user */
};

/*
 * Add a ticket: check what it says, give it its level (an urgent
 * category 1; the same unit and category received again within the
 * repeat window 2; else 3) and its deadlines, and record it.  The
 * receiver must be a known staff member who has not retired.  Sets *id.
 *
 * The repeat rule looks back only: a ticket is a repeat of one received
 * at or before its own received time, never of a later one.  A ticket
 * added with an earlier received time than an existing one leaves the
 * existing one's level as it is (levels are decided once, when added).
 */
int pm_ticket_add(struct pm_db *db, const struct pm_ticket_new *n,
    int64_t *id);

/*
 * The transitions.  Each checks that the ticket's status allows it,
 * changes it, and writes one history row and one audit row.  The acting
 * user must be a known staff member.
 *
 * assign    new, assigned, in_progress -> assigned, to staff 'login'
 * start     new, assigned -> in_progress; someone is on site (meets
 *           onsite); the acting user becomes the assignee if none
 * note      any status, no change; 'feedback' records a contact with the
 *           owner (meets feedback)
 * wait      new, assigned, in_progress -> waiting; the clock stops;
 *           'reason' is "owner", "parts" or any text
 * resume    waiting -> the status before; the deadlines not yet met move
 *           on by the time paused, each on its own clock
 * resolve   new, assigned, in_progress -> resolved (meets same_day and
 *           completion, and onsite and feedback if not yet met)
 * reopen    resolved, called_back, closed -> assigned; reopen_count + 1;
 *           the callback is forgotten (a new one is needed)
 * callback  resolved -> called_back; a complaint's callback needs a
 *           supervisor of the customer-service department (code
 *           "service") or a manager, an escalated complaint's a manager
 *           (PM_EX_NOPERM otherwise); 'satisfaction' as
 *           pm_ticket_satisfaction() takes it
 * close     called_back -> closed; resolved -> closed for an inquiry or
 *           suggestion only
 * cancel    new, assigned, in_progress, waiting -> cancelled; 'reason'
 *           required; a wait's pause and reason are cleared (the
 *           history keeps them)
 * escalate  any status but closed and cancelled; raises the level to
 *           'level' (0: a complaint to 1, others one step), marks it
 *           escalated, and gives it a new notice deadline from now;
 *           'reason' required; a level below the current one is an error
 */
int pm_ticket_assign(struct pm_db *db, int64_t id, const char *login);
int pm_ticket_start(struct pm_db *db, int64_t id);
int pm_ticket_note(struct pm_db *db, int64_t id, const char *text,
    int feedback);
int pm_ticket_wait(struct pm_db *db, int64_t id, const char *reason);
int pm_ticket_resume(struct pm_db *db, int64_t id);
int pm_ticket_resolve(struct pm_db *db, int64_t id, const char *text);
int pm_ticket_reopen(struct pm_db *db, int64_t id, const char *reason);
int pm_ticket_callback(struct pm_db *db, int64_t id,
    const char *satisfaction, const char *comment);
int pm_ticket_close(struct pm_db *db, int64_t id);
int pm_ticket_cancel(struct pm_db *db, int64_t id, const char *reason);
int pm_ticket_escalate(struct pm_db *db, int64_t id, int level,
    const char *reason);

/*
 * Lists.  Each writes rows to an output writer made with the matching
 * column set below (the columns are a documented contract, see
 * pm-ticket(1)); the caller closes the writer.
 */
extern const struct pm_col pm_ticket_list_cols[];
extern const int pm_ticket_list_ncols;
extern const struct pm_col pm_ticket_show_cols[];
extern const int pm_ticket_show_ncols;
extern const struct pm_col pm_ticket_history_cols[];
extern const int pm_ticket_history_ncols;
extern const struct pm_col pm_ticket_pending_cols[];
extern const int pm_ticket_pending_ncols;
extern const struct pm_col pm_ticket_due_cols[];
extern const int pm_ticket_due_ncols;

/* What "list" selects.  NULL / 0 fields do not filter. */
struct pm_ticket_filter {
	const char *status;	/* one status or a comma list; "open" */
	int all;		/* every status (default: the open ones) */
	const char *kind;
	int level;		/* 1-3 */
	const char *category;
	const char *unit;
	const char *building;
	const char *receiver;
	const char *assignee;
	int overdue;		/* a notice, onsite, feedback or completion
				   deadline has passed and is not met */
	int has_since, has_until;
	pm_time since, until;	/* received in [since, until) */
};

/*
 * Write the tickets 'f' selects, oldest first.  A bad status or kind in
 * 'f' is PM_EX_USAGE; a unit, building, category or staff member (the
 * receiver, the assignee) that does not exist is PM_EX_DATAERR ("unit
 * 'X': no such unit"), so a typo is not taken for "no tickets".
 */
int pm_ticket_list(struct pm_db *db, const struct pm_ticket_filter *f,
    struct pm_out *o);

/* Write ticket 'id' as one row of pm_ticket_show_cols. */
int pm_ticket_show(struct pm_db *db, int64_t id, struct pm_out *o);

/* Write the history of ticket 'id', oldest first. */
int pm_ticket_history(struct pm_db *db, int64_t id, struct pm_out *o);

/*
 * The daily pending list (日未处理工作盘点表) for the local day holding
 * 'day': every ticket received by the end of that day whose same-day
 * deadline had passed by then and that was still open at the end of the
 * day (or now, for today), with its age and next deadline.
 */
int pm_ticket_pending(struct pm_db *db, pm_time day, struct pm_out *o);

/*
 * The deadlines (notice, onsite, feedback, completion) not yet met that
 * have passed, or pass within 'within' seconds, and that an earlier
 * "due --mark" has not reported; sets *count to the rows written.  With
 * 'mark', records each as reported (ticket_notices; a reported notice
 * deadline counts as met, since the report is the notice) inside the
 * caller's transaction.
 */
int pm_ticket_due(struct pm_db *db, int64_t within, int mark,
    struct pm_out *o, int *count);

/*
 * Add the tickets in the records of 'r' (fields kind, category, unit,
 * description, source, received, receiver), all or none, inside the
 * caller's transaction.  The records are all read first and added in
 * the order of their received time (a record without one is received
 * now; equal times keep the file's order), so the repeat levels and the
 * ids do not depend on the order of the file.  A CSV or TSV header is
 * checked even when no record follows it.  An error is recorded as
 * "NAME:LINE: ...".  On success *ids holds the new ids in the order
 * added (malloc'd, the caller frees) and *nids their count.
 */
int pm_ticket_import(struct pm_db *db, struct pm_rec *r, int64_t **ids,
    size_t *nids);

#endif
