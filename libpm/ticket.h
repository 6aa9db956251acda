/*
 * ticket.h - the service desk: tickets, their levels, deadlines,
 * lifecycle and events, and the lists the desk works from.
 *
 * A ticket is a repair (报修), complaint (投诉), inquiry (咨询) or
 * suggestion (建议) about a unit, a public area or a common part.  The
 * staff member who receives it is its receiver for good (首问负责制);
 * assignees come and go.
 *
 * Lifecycle (the status column, words of pm_v_ticket_status):
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
 * closed once resolved.  "Open" is every status but closed and
 * cancelled; "unresolved" is new, assigned, in_progress and waiting.
 *
 * Facts that never change (schema/0004): what was received, the first
 * level and deadlines, and the first resolution are written once; every
 * change is one row of ticket_events, append-only, holding the status,
 * level and assignee after it, the deadlines it set and the deadlines it
 * met.  The ticket's "now" columns follow the events; any earlier moment
 * is replayed from them (pm_ticket_at()), so a closed day's figures
 * read the same whenever they are asked.
 *
 * Transactions: the functions that change tickets run inside the
 * caller's transaction and neither begin nor commit.  The acting staff
 * member is db->user (pm_db_set_actor); the time is pm_now().
 *
 * Errors (recorded with pm_err):
 *   PM_EX_DATAERR  bad input: a bad kind, source or satisfaction, a bad
 *                  text, a transition the status does not allow
 *                  ("ticket '5' is closed: cannot start it"), a close
 *                  without the callback it needs
 *   PM_EX_NOINPUT  no such ticket, unit, category or staff member
 *   PM_EX_NOPERM   a callback by someone who may not make it
 *   others         from pm_db_error()
 */
#ifndef PM_TICKET_H
#define PM_TICKET_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "import.h"
#include "out.h"
#include "record.h"

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
 * The table is read once per connection and kept (an estate applied
 * since is seen by the next command).
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
 * A deadline that had already passed when the pause began stays.  An
 * end-of-day deadline ('end_of_day') stays on a day boundary: it becomes
 * the end of the day the work resumed on (a pause never turns "today"
 * into 04:24 tomorrow).
 */
pm_time pm_ticket_shift(const struct pm_calendar *cal,
    enum pm_clock_kind clock, pm_time due, pm_time paused, pm_time resumed,
    int end_of_day);

/* A ticket as stored.  Times are 0 when NULL; strings are owned. */
struct pm_ticket {
	int64_t id;
	/* As received: never changes. */
	char *kind, *category, *unit, *source, *description, *receiver;
	pm_time received;
	int first_level;
	char *first_level_reason;
	pm_time first_due[PM_DUE_N];
	pm_time first_resolved;	/* written once */
	/* Now. */
	char *status;
	int level;
	char *level_reason;
	int escalated;
	char *assignee;		/* NULL when none */
	pm_time due[PM_DUE_N];
	/* When each deadline was met (same_day and completion: resolved). */
	pm_time met[PM_DUE_N];
	pm_time resolved;
	char *resolved_by;
	pm_time callback_at, closed, cancelled, paused;
	char *callback_by, *satisfaction, *callback_comment;
	char *wait_reason, *resume_status;
	int64_t paused_seconds;
	int reopen_count;
	pm_time open_since;	/* unresolved since; 0 when resolved */
};

/*
 * Read ticket 'id' into 't' (which the caller then releases).  Returns 0,
 * or PM_EX_NOINPUT "ticket '42': no such ticket".
 */
int pm_ticket_get(struct pm_db *db, int64_t id, struct pm_ticket *t);
void pm_ticket_release(struct pm_ticket *t);

/*
 * Ticket 'id' as it stood at moment 'at': what was received, with the
 * status, level, assignee, deadlines in force and deadlines met replayed
 * from its events up to 'at'.  The "now" columns that the replay does
 * not know (callback, pause) are as stored.
 */
int pm_ticket_at(struct pm_db *db, int64_t id, pm_time at,
    struct pm_ticket *t);

/* Parse a ticket id ("42", also "#42"); PM_EX_DATAERR when not one. */
int pm_ticket_parse_id(const char *s, int64_t *id);

/* What a new ticket says; NULL fields take their defaults. */
struct pm_ticket_new {
	const char *kind;	/* NULL: the category's kind */
	const char *category;	/* required */
	const char *unit;	/* a unit, public area or common part */
	const char *description; /* required */
	const char *source;	/* NULL: "phone" */
	pm_time received;	/* 0: now; never in the future */
	const char *received_text; /* 'received' as the user gave it, for
				   messages; NULL: 'received' formatted */
	const char *receiver;	/* NULL: the acting user */
	int no_audit;		/* an import audits once for all */
	int checked;		/* pm_ticket_check_new() passed already, and
				   the names are as stored */
};

/*
 * Check what a new ticket says without writing anything: the category,
 * unit and receiver exist (as a person types them: codes in full-width
 * digits or another case are found), the kind, source and description
 * are good, the time is not in the future.  On success the names in
 * 'n' point at their stored forms (static storage, valid until the
 * next call).
 */
int pm_ticket_check_new(struct pm_db *db, struct pm_ticket_new *n);

/*
 * Add a ticket: check it (pm_ticket_check_new()), give it its level (an
 * urgent category 1; the same unit and category received again within
 * the repeat window 2; else 3) and its deadlines, and record it with
 * its "add" event.  Sets *id.
 *
 * The repeat rule looks back only: a ticket is a repeat of one received
 * at or before its own received time, never of a later one.
 */
int pm_ticket_add(struct pm_db *db, struct pm_ticket_new *n, int64_t *id);

/*
 * The transitions.  Each checks that the ticket's status allows it,
 * changes it, and writes one event and one audit row.
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
 *           a new callback is needed
 * callback  resolved -> called_back, by someone other than who did the
 *           work (the resolver and the assignee: PM_EX_NOPERM); a
 *           complaint's needs a supervisor of the customer-service
 *           department (code "service") or a manager, an escalated
 *           complaint's a manager (PM_EX_NOPERM otherwise)
 * close     called_back -> closed; resolved -> closed for an inquiry or
 *           suggestion only
 * cancel    new, assigned, in_progress, waiting -> cancelled; 'reason'
 *           required
 * escalate  any status but closed and cancelled; raises the level to
 *           'level' (0: a complaint to 1, others one step), marks it
 *           escalated, and gives it a new notice deadline from now.  A
 *           ticket already escalated to that level or higher is left as
 *           it is: PM_UNCHANGED, with the reason in the recorded message,
 *           so a cron job piping the overdue list into it notifies the
 *           manager once.
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

/* One transition as a command names it, for the per-id runner. */
struct pm_ticket_action {
	const char *verb;	/* "assign", ... "escalate" */
	const char *text;	/* --to, --message, --reason, --satisfaction */
	const char *comment;	/* --comment */
	int flag;		/* --feedback; --level */
};

/*
 * Run action 'arg' (a struct pm_ticket_action) on ticket 'id' (as typed:
 * "42" or "#42"): the transition its verb names.  The signature is
 * pm_cli_run_ids()'s.
 */
int pm_ticket_act(struct pm_db *db, const char *id, char *canon, size_t len,
    void *arg);

/*
 * The record types: tickets (list shows the open ones unless --all or
 * --status; the columns are a documented contract, see pm-ticket(1)),
 * their events (history), and the categories.
 */
extern const struct pm_rtype pm_ticket_type;
extern const struct pm_rtype pm_ticket_event_type;
extern const struct pm_rtype pm_category_type;

/* The columns of pending, due and stats. */
extern const struct pm_col pm_ticket_pending_cols[];
extern const int pm_ticket_pending_ncols;
extern const struct pm_col pm_ticket_due_cols[];
extern const int pm_ticket_due_ncols;
extern const struct pm_col pm_ticket_stats_cols[];
extern const int pm_ticket_stats_ncols;

/*
 * The daily pending list (日未处理工作盘点表) for the local day holding
 * 'day': every ticket received by the end of that day whose same-day
 * deadline had passed by then and that was unresolved at the end of the
 * day (or now, for today), as it stood then, with its age and next
 * deadline.  Computed from the facts, so later changes leave it as it
 * was.  A day after today is PM_EX_USAGE.
 */
int pm_ticket_pending(struct pm_db *db, pm_time day, struct pm_out *o);

/*
 * The counts of the local period [from, to), by kind and in all, from
 * the facts as of its end (or now, while it lasts): received, resolved,
 * reopened, cancelled, called back (satisfied, basic, dissatisfied),
 * escalated, and at the end unresolved, pending and overdue.
 */
int pm_ticket_stats(struct pm_db *db, pm_time from, pm_time to,
    struct pm_out *o);

/*
 * Call 'fn' with each ticket unresolved at 'at' and received before
 * 'end', as it stood then, oldest first: the tickets of the pending
 * list and of the counts' "unresolved".  Unless 'at' is now, it is the
 * end of a period, and what happened at that very second belongs to the
 * next one, so the tickets are read as they stood one second before.
 * Stops at the first non-zero return of 'fn' and returns it.
 */
int pm_ticket_each_unresolved(struct pm_db *db, pm_time at, pm_time end,
    int (*fn)(const struct pm_ticket *t, void *arg), void *arg);

/*
 * The earliest deadline of 't' that is overdue at 'at' (as list
 * --overdue and due mean it): its moment, with its kind in *k; 0 when
 * none is.
 */
pm_time pm_ticket_overdue(const struct pm_ticket *t, pm_time at,
    enum pm_ticket_due *k);

/*
 * The deadlines (notice, onsite, feedback, completion) not yet met that
 * have passed, or pass within 'within' seconds, and that an earlier
 * "due --mark" has not reported; sets *count to the rows written.
 */
int pm_ticket_due(struct pm_db *db, int64_t within, struct pm_out *o,
    int *count);

/*
 * Record as reported the deadlines pm_ticket_due() would list now
 * (ticket_notices; a reported notice deadline counts as met, since the
 * report is the notice), inside the caller's transaction.  Call it only
 * once the report has reached its reader.
 */
int pm_ticket_due_mark(struct pm_db *db, int64_t within);

/*
 * The report of "due" for cron: the deadlines due within 'within'
 * written in the command's format, nothing at all (not even a header)
 * when none, so "mail -E" sends no empty mail; with 'mark', recorded as
 * reported only once the report is out (a report that could not be
 * written, or that -q kept from its reader, marks nothing).  Returns 0
 * when nothing is due, PM_EX_FOUND when something is, or an error.
 */
int pm_ticket_due_cmd(struct pm_cli *cli, int64_t within, int mark);

/*
 * Importing tickets: records with the fields kind, category, unit,
 * description, source, received, receiver, added in the order of their
 * received time (a record without one is received now; equal times keep
 * the file's order), so the repeat levels and the ids do not depend on
 * the order of the file.  See import.h.
 */
extern const struct pm_import pm_ticket_import;

#endif
