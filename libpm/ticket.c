/*
 * ticket.c - the ticket lifecycle: reading a ticket, the transitions,
 * and the history and audit rows every change writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "ticket_priv.h"
#include "utf8.h"

#define ID_LEN 24

/* The code of the customer-service department (客服部). */
#define CUSTOMER_SERVICE "service"

static const char *const role_names[] = {
	"staff", "lead", "supervisor", "manager"
};

const char *
tk_role_name(int rank)
{
	if (rank < 0 || rank > TK_ROLE_MANAGER)
		return "?";
	return role_names[rank];
}

int
tk_staff(struct pm_db *db, const char *login, int *rank)
{
	sqlite3_stmt *st;
	const char *role;
	int rc, i, retired;

	st = pm_db_stmt(db, "SELECT role, retired FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			rc = pm_db_error(db, "read staff");
		else
			rc = pm_err(PM_EX_DATAERR, "staff '%s': no such staff "
			    "member", login);
		sqlite3_reset(st);
		return rc;
	}
	role = pm_col_text(st, 0);
	retired = sqlite3_column_int(st, 1);
	if (rank != NULL) {
		*rank = TK_ROLE_STAFF;
		for (i = 0; i <= TK_ROLE_MANAGER; i++)
			if (role != NULL && strcmp(role, role_names[i]) == 0)
				*rank = i;
	}
	sqlite3_reset(st);
	if (retired)
		return pm_err(PM_EX_DATAERR, "staff '%s': retired", login);
	return 0;
}

const char *
tk_utc(pm_time t, char buf[PM_TIME_UTC_LEN])
{
	if (t == 0)
		return NULL;
	return pm_time_utc(t, buf);
}

const char *
tk_local(pm_time t, char buf[PM_TIME_LOCAL_LEN])
{
	if (t == 0) {
		buf[0] = '\0';
		return buf;
	}
	return pm_time_local(t, buf);
}

pm_time
tk_col_time(sqlite3_stmt *st, int i)
{
	const char *s = pm_col_text(st, i);
	pm_time t;

	if (s == NULL || pm_time_parse_utc(s, &t) != 0)
		return 0;
	return t;
}

int
tk_open(const char *s)
{
	return strcmp(s, "closed") != 0 && strcmp(s, "cancelled") != 0;
}

int
tk_record(struct pm_db *db, int64_t id, const char *action,
    const char *from, const char *to, const char *detail)
{
	char at[PM_TIME_UTC_LEN], ids[ID_LEN];
	sqlite3_stmt *st;
	int rc, moved;

	st = pm_db_stmt(db, "INSERT INTO ticket_history(ticket_id, at, who,"
	    " action, from_status, to_status, detail)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, id);
	pm_bind_text(st, 2, pm_time_utc(pm_now(), at));
	pm_bind_text(st, 3, db->user);
	pm_bind_text(st, 4, action);
	pm_bind_text(st, 5, from);
	pm_bind_text(st, 6, to);
	pm_bind_text(st, 7, detail);
	if ((rc = pm_db_step_done(db, st, "write ticket history")) != 0)
		return rc;
	snprintf(ids, sizeof ids, "%lld", (long long)id);
	/* The audit summary reads like the history row. */
	moved = from != NULL && to != NULL && strcmp(from, to) != 0;
	return pm_audit(db, "tickets", ids, "%s%s%s%s%s%s%s", action,
	    moved ? " " : "", moved ? from : "", moved ? " -> " : "",
	    moved ? to : "", detail != NULL ? ": " : "",
	    detail != NULL ? detail : "");
}

int
pm_ticket_parse_id(const char *s, int64_t *id)
{
	const char *p = s;
	int64_t v = 0;

	if (*p == '#')
		p++;
	if (*p < '1' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (INT64_MAX - 9) / 10)
			goto bad;
		v = v * 10 + (*p - '0');
	}
	if (*p != '\0')
		goto bad;
	*id = v;
	return 0;
bad:
	return pm_err(PM_EX_DATAERR, "ticket '%.40s': not a ticket id", s);
}

/*
 * Reading a ticket.
 */

static char *
dup_col(sqlite3_stmt *st, int i)
{
	const char *s = pm_col_text(st, i);

	return s != NULL ? strdup(s) : NULL;
}

void
tk_from_row(sqlite3_stmt *st, struct pm_ticket *t)
{
	int k;

	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->kind = dup_col(st, 1);
	t->category = dup_col(st, 2);
	t->unit = dup_col(st, 3);
	t->source = dup_col(st, 4);
	t->description = dup_col(st, 5);
	t->status = dup_col(st, 6);
	t->level = sqlite3_column_int(st, 7);
	t->level_reason = dup_col(st, 8);
	t->escalated = sqlite3_column_int(st, 9);
	t->receiver = dup_col(st, 10);
	t->assignee = dup_col(st, 11);
	t->received = tk_col_time(st, 12);
	for (k = 0; k < PM_DUE_N; k++)
		t->due[k] = tk_col_time(st, 13 + k);
	t->met[PM_DUE_NOTICE] = tk_col_time(st, 18);
	t->met[PM_DUE_ONSITE] = tk_col_time(st, 19);
	t->met[PM_DUE_FEEDBACK] = tk_col_time(st, 20);
	t->resolved = tk_col_time(st, 21);
	t->met[PM_DUE_SAME_DAY] = t->resolved;
	t->met[PM_DUE_COMPLETION] = t->resolved;
	t->callback_at = tk_col_time(st, 22);
	t->callback_by = dup_col(st, 23);
	t->satisfaction = dup_col(st, 24);
	t->callback_comment = dup_col(st, 25);
	t->closed = tk_col_time(st, 26);
	t->cancelled = tk_col_time(st, 27);
	t->paused = tk_col_time(st, 28);
	t->wait_reason = dup_col(st, 29);
	t->resume_status = dup_col(st, 30);
	t->paused_seconds = sqlite3_column_int64(st, 31);
	t->reopen_count = sqlite3_column_int(st, 32);
}

int
pm_ticket_get(struct pm_db *db, int64_t id, struct pm_ticket *t)
{
	sqlite3_stmt *st;
	int rc;

	memset(t, 0, sizeof *t);
	st = pm_db_stmt(db, "SELECT " TK_COLS " FROM tickets WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			rc = pm_db_error(db, "read ticket");
		else
			rc = pm_err(PM_EX_NOINPUT, "ticket '%lld': no such "
			    "ticket", (long long)id);
		sqlite3_reset(st);
		return rc;
	}
	tk_from_row(st, t);
	sqlite3_reset(st);
	if (t->kind == NULL || t->status == NULL || t->description == NULL) {
		pm_ticket_release(t);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	return 0;
}

void
pm_ticket_release(struct pm_ticket *t)
{
	free(t->kind);
	free(t->category);
	free(t->unit);
	free(t->source);
	free(t->description);
	free(t->status);
	free(t->level_reason);
	free(t->receiver);
	free(t->assignee);
	free(t->callback_by);
	free(t->satisfaction);
	free(t->callback_comment);
	free(t->wait_reason);
	free(t->resume_status);
	memset(t, 0, sizeof *t);
}

/*
 * The transitions.  Each loads the ticket, checks the acting user and
 * the status, runs one UPDATE and records it.
 */

/* What each verb is called in "cannot ... it" messages. */
struct move {
	const char *action;		/* the history action */
	const char *phrase;		/* "call it back" */
	const char *const *from;	/* the statuses it may start from */
};

static const char *const from_open_work[] = {
	"new", "assigned", "in_progress", NULL
};
static const char *const from_start[] = { "new", "assigned", NULL };
static const char *const from_waiting[] = { "waiting", NULL };
static const char *const from_resolved[] = { "resolved", NULL };
static const char *const from_done[] = {
	"resolved", "called_back", "closed", NULL
};
static const char *const from_close[] = { "resolved", "called_back", NULL };
static const char *const from_cancel[] = {
	"new", "assigned", "in_progress", "waiting", NULL
};
static const char *const from_not_final[] = {
	"new", "assigned", "in_progress", "waiting", "resolved",
	"called_back", NULL
};
static const char *const from_any[] = {
	"new", "assigned", "in_progress", "waiting", "resolved",
	"called_back", "closed", "cancelled", NULL
};

static const struct move m_assign = { "assign", "assign it", from_open_work };
static const struct move m_start = { "start", "start it", from_start };
static const struct move m_note = { "note", "add a note", from_any };
static const struct move m_wait = { "wait", "pause it", from_open_work };
static const struct move m_resume = { "resume", "resume it", from_waiting };
static const struct move m_resolve = {
	"resolve", "resolve it", from_open_work
};
static const struct move m_reopen = { "reopen", "reopen it", from_done };
static const struct move m_callback = {
	"callback", "call it back", from_resolved
};
static const struct move m_close = { "close", "close it", from_close };
static const struct move m_cancel = { "cancel", "cancel it", from_cancel };
static const struct move m_escalate = {
	"escalate", "escalate it", from_not_final
};

static int
status_in(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * Load ticket 'id' for move 'm' by the acting user: the user must be
 * staff (their rank in *rank, may be NULL) and the status one 'm' may
 * start from.
 */
static int
load_for(struct pm_db *db, int64_t id, const struct move *m,
    struct pm_ticket *t, int *rank)
{
	int rc;

	if ((rc = tk_staff(db, db->user, rank)) != 0)
		return rc;
	if ((rc = pm_ticket_get(db, id, t)) != 0)
		return rc;
	if (!status_in(t->status, m->from)) {
		rc = pm_err(PM_EX_DATAERR, "ticket '%lld' is %s: cannot %s%s",
		    (long long)id, t->status, m->phrase,
		    strcmp(t->status, "waiting") == 0 ? " (resume it first)" :
		    "");
		pm_ticket_release(t);
		return rc;
	}
	return 0;
}

/*
 * Run 'sql' (an UPDATE of tickets with ?1 the id, ?2 the time now, and
 * ?3 to ?5 the texts a, b and c) and record the move.
 */
static int
update(struct pm_db *db, const struct pm_ticket *t, const char *sql,
    const char *a, const char *b, const char *c, const char *to,
    const char *action, const char *detail)
{
	char now[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, t->id);
	pm_bind_text(st, 2, pm_time_utc(pm_now(), now));
	pm_bind_text(st, 3, a);
	pm_bind_text(st, 4, b);
	pm_bind_text(st, 5, c);
	if ((rc = pm_db_step_done(db, st, "update ticket")) != 0)
		return rc;
	return tk_record(db, t->id, action, t->status, to, detail);
}

/*
 * The whole of a move that needs nothing of the ticket but its status:
 * load ticket 'id' for 'm', run 'sql' with ?3 'a' (see update()) and
 * record the move to status 'to' with 'detail'.
 */
static int
load_update(struct pm_db *db, int64_t id, const struct move *m,
    const char *sql, const char *a, const char *to, const char *detail)
{
	struct pm_ticket t;
	int rc;

	if ((rc = load_for(db, id, m, &t, NULL)) != 0)
		return rc;
	rc = update(db, &t, sql, a, NULL, NULL, to, m->action, detail);
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_assign(struct pm_db *db, int64_t id, const char *login)
{
	struct pm_ticket t;
	int rc;

	if ((rc = load_for(db, id, &m_assign, &t, NULL)) != 0)
		return rc;
	/* Assigning the work is feedback to the owner that it is in hand. */
	if ((rc = tk_staff(db, login, NULL)) == 0)
		rc = update(db, &t, "UPDATE tickets SET status = 'assigned',"
		    " assignee = ?3, feedback_at = coalesce(feedback_at, ?2)"
		    " WHERE id = ?1", login, NULL, NULL, "assigned", "assign", login);
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_start(struct pm_db *db, int64_t id)
{
	struct pm_ticket t;
	int rc;

	if ((rc = load_for(db, id, &m_start, &t, NULL)) != 0)
		return rc;
	rc = update(db, &t, "UPDATE tickets SET status = 'in_progress',"
	    " assignee = coalesce(assignee, ?3),"
	    " onsite_at = coalesce(onsite_at, ?2),"
	    " feedback_at = coalesce(feedback_at, ?2) WHERE id = ?1",
	    db->user, NULL, NULL, "in_progress", "start",
	    t.assignee == NULL ? db->user : NULL);
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_note(struct pm_db *db, int64_t id, const char *text, int feedback)
{
	struct pm_ticket t;
	int rc;

	if ((rc = pm_ticket_check_text("note", text)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_note, &t, NULL)) != 0)
		return rc;
	if (feedback)
		rc = update(db, &t, "UPDATE tickets SET"
		    " feedback_at = coalesce(feedback_at, ?2) WHERE id = ?1",
		    NULL, NULL, NULL, t.status, "feedback", text);
	else
		rc = tk_record(db, id, "note", t.status, t.status, text);
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_wait(struct pm_db *db, int64_t id, const char *reason)
{
	const char *detail = reason;
	int rc;

	if (reason == NULL || *reason == '\0')
		return pm_err(PM_EX_USAGE, "wait: a reason is needed (owner, "
		    "parts or a text)");
	if ((rc = pm_ticket_check_text("reason", reason)) != 0)
		return rc;
	if (strcmp(reason, "owner") == 0)
		detail = "waiting for the owner";
	else if (strcmp(reason, "parts") == 0)
		detail = "waiting for parts";
	return load_update(db, id, &m_wait, "UPDATE tickets SET"
	    " resume_status = status, status = 'waiting', paused_at = ?2,"
	    " wait_reason = ?3 WHERE id = ?1", reason, "waiting", detail);
}

int
pm_ticket_resume(struct pm_db *db, int64_t id)
{
	static const enum pm_ticket_due moved[] = {
		PM_DUE_ONSITE, PM_DUE_SAME_DAY, PM_DUE_FEEDBACK,
		PM_DUE_COMPLETION
	};
	char buf[PM_DUE_N][PM_TIME_UTC_LEN], detail[96], dur[32];
	const struct pm_calendar *cal;
	struct pm_ticket_sla sla;
	struct pm_ticket t;
	sqlite3_stmt *st;
	pm_time now = pm_now(), paused_for;
	size_t i;
	int rc;

	if ((rc = load_for(db, id, &m_resume, &t, NULL)) != 0)
		return rc;
	paused_for = t.paused != 0 && now > t.paused ? now - t.paused : 0;
	if ((cal = pm_db_calendar(db)) == NULL ||
	    (rc = pm_ticket_sla_load(db, cal, &sla)) != 0) {
		rc = pm_err_code();
		goto out;
	}
	/*
	 * The notice deadline never pauses: the manager must hear of a
	 * level 1 event whatever the owner does.
	 */
	for (i = 0; i < sizeof moved / sizeof moved[0]; i++) {
		enum pm_ticket_due k = moved[i];

		if (t.due[k] != 0 && t.met[k] == 0 && t.paused != 0)
			t.due[k] = pm_ticket_shift(cal,
			    sla.clock[tk_due_sla(k, t.level)], t.due[k],
			    t.paused, now);
	}
	st = pm_db_stmt(db, "UPDATE tickets SET status = resume_status,"
	    " resume_status = NULL, paused_at = NULL, wait_reason = NULL,"
	    " paused_seconds = paused_seconds + ?2, onsite_due = ?3,"
	    " same_day_due = ?4, feedback_due = ?5, completion_due = ?6"
	    " WHERE id = ?1");
	if (st == NULL) {
		rc = pm_err_code();
		goto out;
	}
	pm_bind_int(st, 1, id);
	pm_bind_int(st, 2, paused_for);
	for (i = 0; i < sizeof moved / sizeof moved[0]; i++)
		pm_bind_text(st, 3 + (int)i, tk_utc(t.due[moved[i]],
		    buf[moved[i]]));
	if ((rc = pm_db_step_done(db, st, "update ticket")) != 0)
		goto out;
	pm_duration_fmt(paused_for, dur, sizeof dur);
	snprintf(detail, sizeof detail, "paused %s", dur);
	rc = tk_record(db, id, "resume", "waiting", t.resume_status != NULL ?
	    t.resume_status : "assigned", detail);
out:
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_resolve(struct pm_db *db, int64_t id, const char *text)
{
	int rc;

	if (text != NULL && (rc = pm_ticket_check_text("message", text)) != 0)
		return rc;
	/*
	 * Resolving means someone was there and the owner hears the result,
	 * so onsite and feedback count as met if nothing met them before.
	 */
	return load_update(db, id, &m_resolve, "UPDATE tickets SET"
	    " status = 'resolved', resolved_at = ?2,"
	    " assignee = coalesce(assignee, ?3),"
	    " onsite_at = CASE WHEN onsite_due IS NULL THEN NULL"
	    "  ELSE coalesce(onsite_at, ?2) END,"
	    " feedback_at = coalesce(feedback_at, ?2) WHERE id = ?1",
	    db->user, "resolved", text);
}

int
pm_ticket_reopen(struct pm_db *db, int64_t id, const char *reason)
{
	int rc;

	if (reason != NULL && (rc = pm_ticket_check_text("reason", reason)) !=
	    0)
		return rc;
	/* The earlier callback was about work that did not hold. */
	return load_update(db, id, &m_reopen, "UPDATE tickets SET"
	    " status = 'assigned', reopen_count = reopen_count + 1,"
	    " resolved_at = NULL, closed_at = NULL, callback_at = NULL,"
	    " callback_by = NULL, satisfaction = NULL, callback_comment = NULL,"
	    " assignee = coalesce(assignee, ?3) WHERE id = ?1",
	    db->user, "assigned", reason);
}

const char *
pm_ticket_satisfaction(const char *s)
{
	static const char *const names[][3] = {
		{ "satisfied", "满意", "satisfied" },
		{ "basic", "基本满意", "basic" },
		{ "basically-satisfied", "basically_satisfied", "basic" },
		{ "dissatisfied", "不满意", "dissatisfied" },
	};
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i][0]) == 0 || strcmp(s, names[i][1]) == 0)
			return names[i][2];
	return NULL;
}

/*
 * The department code of staff member 'login' into 'buf' ("" when it
 * has none).
 */
static int
staff_department(struct pm_db *db, const char *login, char *buf, size_t len)
{
	sqlite3_stmt *st;
	const char *d;
	int rc;

	buf[0] = '\0';
	st = pm_db_stmt(db, "SELECT department FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, login);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((d = pm_col_text(st, 0)) != NULL)
			snprintf(buf, len, "%s", d);
		rc = SQLITE_DONE;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read staff");
	sqlite3_reset(st);
	return rc;
}

/*
 * Whether the acting user, of rank 'rank', may call back ticket 't'
 * (DESIGN.md section 5): a complaint needs a supervisor of customer
 * service, the department with code "service" in the estate file, or a
 * manager; an escalated complaint the manager.  PM_EX_NOPERM names the
 * user's role and department when not.
 */
static int
may_call_back(struct pm_db *db, const struct pm_ticket *t, int rank)
{
	char dept[64];
	int rc;

	if (strcmp(t->kind, "complaint") != 0 || rank == TK_ROLE_MANAGER)
		return 0;
	if ((rc = staff_department(db, db->user, dept, sizeof dept)) != 0)
		return rc;
	if (!t->escalated && rank == TK_ROLE_SUPERVISOR &&
	    strcmp(dept, CUSTOMER_SERVICE) == 0)
		return 0;
	if (t->escalated)
		return pm_err(PM_EX_NOPERM, "ticket '%lld': an escalated "
		    "complaint is called back by a manager, not by '%s' (%s, "
		    "%s)", (long long)t->id, db->user, tk_role_name(rank),
		    dept);
	return pm_err(PM_EX_NOPERM, "ticket '%lld': a complaint is called "
	    "back by a customer-service supervisor (department '%s') or a "
	    "manager, not by '%s' (%s, %s)", (long long)t->id,
	    CUSTOMER_SERVICE, db->user, tk_role_name(rank), dept);
}

int
pm_ticket_callback(struct pm_db *db, int64_t id, const char *satisfaction,
    const char *comment)
{
	const char *sat = pm_ticket_satisfaction(satisfaction);
	struct pm_ticket t;
	char detail[512];
	int rc, rank;

	if (sat == NULL)
		return pm_err(PM_EX_DATAERR, "satisfaction '%.40s': not a "
		    "satisfaction (choose satisfied, basic or dissatisfied)",
		    satisfaction != NULL ? satisfaction : "");
	if (comment != NULL && (rc = pm_ticket_check_text("comment",
	    comment)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_callback, &t, &rank)) != 0)
		return rc;
	if ((rc = may_call_back(db, &t, rank)) != 0) {
		pm_ticket_release(&t);
		return rc;
	}
	snprintf(detail, sizeof detail, "%s%s%.400s", sat,
	    comment != NULL ? ": " : "", comment != NULL ? comment : "");
	rc = update(db, &t, "UPDATE tickets SET status = 'called_back',"
	    " callback_at = ?2, callback_by = ?3, satisfaction = ?4,"
	    " callback_comment = ?5 WHERE id = ?1", db->user, sat, comment,
	    "called_back", "callback", detail);
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_close(struct pm_db *db, int64_t id)
{
	struct pm_ticket t;
	int rc;

	if ((rc = load_for(db, id, &m_close, &t, NULL)) != 0)
		return rc;
	if (strcmp(t.status, "resolved") == 0 &&
	    (strcmp(t.kind, "repair") == 0 || strcmp(t.kind, "complaint") ==
	    0)) {
		rc = pm_err(PM_EX_DATAERR, "ticket '%lld': a %s needs a "
		    "callback before it is closed (record it with "
		    "'pm-ticket callback')", (long long)id, t.kind);
		pm_ticket_release(&t);
		return rc;
	}
	rc = update(db, &t, "UPDATE tickets SET status = 'closed',"
	    " closed_at = ?2 WHERE id = ?1", NULL, NULL, NULL, "closed",
	    "close", NULL);
	pm_ticket_release(&t);
	return rc;
}

int
pm_ticket_cancel(struct pm_db *db, int64_t id, const char *reason)
{
	int rc;

	if (reason == NULL || *reason == '\0')
		return pm_err(PM_EX_USAGE, "cancel: a reason is needed");
	if ((rc = pm_ticket_check_text("reason", reason)) != 0)
		return rc;
	return load_update(db, id, &m_cancel, "UPDATE tickets SET"
	    " status = 'cancelled', cancelled_at = ?2, resume_status = NULL,"
	    " paused_at = NULL, wait_reason = NULL WHERE id = ?1", NULL,
	    "cancelled", reason);
}

int
pm_ticket_escalate(struct pm_db *db, int64_t id, int level,
    const char *reason)
{
	char due[PM_TIME_UTC_LEN], lv[16], detail[512];
	const struct pm_calendar *cal;
	struct pm_ticket_sla sla;
	struct pm_ticket t;
	enum pm_ticket_sla_name s;
	pm_time when;
	int rc;

	if (reason == NULL || *reason == '\0')
		return pm_err(PM_EX_USAGE, "escalate: a reason is needed");
	if ((rc = pm_ticket_check_text("reason", reason)) != 0)
		return rc;
	if (level < 0 || level > 3)
		return pm_err(PM_EX_USAGE, "level '%d': not a level (1, 2 or "
		    "3)", level);
	if ((rc = load_for(db, id, &m_escalate, &t, NULL)) != 0)
		return rc;
	if (level == 0)
		level = strcmp(t.kind, "complaint") == 0 || t.level <= 2 ? 1 :
		    t.level - 1;
	if (level >= t.level && level != 1) {
		rc = pm_err(PM_EX_DATAERR, "ticket '%lld': level %d does not "
		    "raise its level %d", (long long)id, level, t.level);
		goto out;
	}
	if ((cal = pm_db_calendar(db)) == NULL ||
	    (rc = pm_ticket_sla_load(db, cal, &sla)) != 0) {
		rc = pm_err_code();
		goto out;
	}
	/* The new level's notice is due from the escalation on. */
	s = level == 1 ? PM_SLA_T_NOTICE1 : PM_SLA_T_NOTICE2;
	when = pm_calendar_add(cal, sla.clock[s], pm_now(), sla.secs[s]);
	snprintf(lv, sizeof lv, "%d", level);
	snprintf(detail, sizeof detail, "level %d -> %d: %.400s", t.level,
	    level, reason);
	rc = update(db, &t, "UPDATE tickets SET level = ?3, escalated = 1,"
	    " level_reason = 'escalated: ' || ?5, notice_due = ?4,"
	    " noticed_at = NULL WHERE id = ?1", lv, tk_utc(when, due), reason,
	    t.status, "escalate", detail);
out:
	pm_ticket_release(&t);
	return rc;
}

/*
 * Names and text.
 */

const char *
pm_ticket_kind(const char *s)
{
	static const char *const names[][2] = {
		{ "repair", "报修" },
		{ "complaint", "投诉" },
		{ "inquiry", "咨询" },
		{ "suggestion", "建议" },
	};
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i][0]) == 0 || strcmp(s, names[i][1]) == 0)
			return names[i][0];
	return NULL;
}

const char *
pm_ticket_source(const char *s)
{
	static const char *const names[] = {
		"phone", "walk-in", "visit", "inspection", "online"
	};
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i]) == 0)
			return names[i];
	return NULL;
}

/* The length of the UTF-8 character at 'p', or 0 where none starts. */
static int
utf8_len(const unsigned char *p)
{
	return (int)pm_utf8_decode((const char *)p, NULL);
}

int
pm_ticket_check_text(const char *what, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int n;

	if (s == NULL || *s == '\0')
		return pm_err(PM_EX_DATAERR, "%s: empty", what);
	for (; *p != '\0'; p += n) {
		if ((n = utf8_len(p)) == 0)
			return pm_err(PM_EX_DATAERR, "%s: invalid UTF-8 at "
			    "byte %zu", what, (size_t)(p -
			    (const unsigned char *)s) + 1);
		/* C0 controls and DEL; C1 controls are two bytes, c2 80-9f. */
		if ((n == 1 && ((*p < 0x20 && *p != '\t' && *p != '\n') ||
		    *p == 0x7f)) || (n == 2 && p[0] == 0xc2 && p[1] < 0xa0))
			return pm_err(PM_EX_DATAERR, "%s: control character "
			    "at byte %zu", what, (size_t)(p -
			    (const unsigned char *)s) + 1);
	}
	return 0;
}

char *
tk_summary(const char *text, int max, char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t o = 0;
	int chars = 0, n;

	/* The text was checked on the way in; stop at anything odd anyway. */
	while (*p != '\0' && *p != '\n' && (n = utf8_len(p)) != 0) {
		if (chars == max || o + (size_t)n + 4 > len)
			break;
		memcpy(buf + o, p, (size_t)n);
		o += (size_t)n;
		p += n;
		chars++;
	}
	/* Whatever was left out, a cut line or the lines after, shows. */
	if (*p != '\0' && !(*p == '\n' && p[1] == '\0')) {
		memcpy(buf + o, "\xe2\x80\xa6", 3);	/* … */
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}
