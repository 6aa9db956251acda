/*
 * ticket.c - the ticket lifecycle: reading a ticket, the transitions,
 * and the one place a change is written (tk_save): the "now" columns,
 * the event, the stretch, the audit row.
 *
 * Each transition loads the ticket twice, changes the second copy as
 * the desk's rules say, and hands both to tk_save(), which writes what
 * differs.  The rules live in C, once; the event log records their
 * outcome, so replaying it (pm_ticket_at()) needs no rule at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "text.h"
#include "ticket_priv.h"
#include "utf8.h"

#define ID_LEN 24
#define DETAIL_MAX 2000

/* The code of the customer-service department (客服部). */
#define CUSTOMER_SERVICE "service"

int
tk_staff(struct pm_db *db, const char *login, int *rank)
{
	sqlite3_stmt *st;
	int rc, retired, r;

	st = pm_db_stmt(db, "SELECT role, retired FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, login);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc != SQLITE_DONE)
			rc = pm_db_error(db, "read staff");
		else
			rc = pm_err(PM_EX_NOINPUT, "staff %s: no such staff "
			    "member", pm_q(login));
		sqlite3_reset(st);
		return rc;
	}
	r = pm_vocab_index(&pm_v_role, pm_col_text(st, 0));
	retired = sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rank != NULL)
		*rank = r < 0 ? TK_ROLE_STAFF : r;
	if (retired)
		return pm_err(PM_EX_DATAERR, "staff %s: retired", pm_q(login));
	return 0;
}

int
tk_unresolved(const char *s)
{
	return strcmp(s, "new") == 0 || strcmp(s, "assigned") == 0 ||
	    strcmp(s, "in_progress") == 0 || strcmp(s, "waiting") == 0;
}

int
tk_working(const char *s)
{
	return tk_unresolved(s) && strcmp(s, "waiting") != 0;
}

int
tk_open(const char *s)
{
	return pm_vocab_in(&pm_v_ticket_status, "open", s);
}

const char *
tk_utc(pm_time t, char buf[PM_TIME_UTC_LEN])
{
	if (t == 0)
		return NULL;
	return pm_time_utc(t, buf);
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
tk_set(char **field, const char *v)
{
	char *c = NULL;

	if (v != NULL && (c = strdup(v)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	free(*field);
	*field = c;
	return 0;
}

int
pm_ticket_parse_id(const char *s, int64_t *id)
{
	if (pm_rec_check_key(&pm_ticket_type, s) != 0)
		return PM_EX_DATAERR;
	*id = strtoll(s[0] == '#' ? s + 1 : s, NULL, 10);
	return 0;
}

/*
 * Reading a ticket.
 */

/* The string fields of struct pm_ticket, for copying and freeing. */
#define STRINGS(t) { &(t)->kind, &(t)->category, &(t)->unit, &(t)->source, \
	&(t)->description, &(t)->receiver, &(t)->first_level_reason, \
	&(t)->status, &(t)->level_reason, &(t)->assignee, &(t)->resolved_by, \
	&(t)->callback_by, &(t)->satisfaction, &(t)->callback_comment, \
	&(t)->wait_reason, &(t)->resume_status }
#define NSTRINGS 16

int
tk_from_row(sqlite3_stmt *st, struct pm_ticket *t)
{
	static const int scol[NSTRINGS] = { 1, 2, 3, 4, 5, 6, 9, 16, 18, 20,
	    30, 32, 33, 34, 38, 39 };
	char **s[NSTRINGS] = STRINGS(t);
	int k, i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < NSTRINGS; i++)
		if (tk_set(s[i], pm_col_text(st, scol[i])) != 0)
			return PM_EX_SOFTWARE;
	t->id = sqlite3_column_int64(st, 0);
	t->received = tk_col_time(st, 7);
	t->first_level = sqlite3_column_int(st, 8);
	for (k = 0; k < PM_DUE_N; k++) {
		t->first_due[k] = tk_col_time(st, 10 + k);
		t->due[k] = tk_col_time(st, 21 + k);
	}
	t->first_resolved = tk_col_time(st, 15);
	t->level = sqlite3_column_int(st, 17);
	t->escalated = sqlite3_column_int(st, 19);
	t->met[PM_DUE_NOTICE] = tk_col_time(st, 26);
	t->met[PM_DUE_ONSITE] = tk_col_time(st, 27);
	t->met[PM_DUE_FEEDBACK] = tk_col_time(st, 28);
	t->resolved = tk_col_time(st, 29);
	t->met[PM_DUE_SAME_DAY] = t->resolved;
	t->met[PM_DUE_COMPLETION] = t->resolved;
	t->callback_at = tk_col_time(st, 31);
	t->closed = tk_col_time(st, 35);
	t->cancelled = tk_col_time(st, 36);
	t->paused = tk_col_time(st, 37);
	t->paused_seconds = sqlite3_column_int64(st, 40);
	t->reopen_count = sqlite3_column_int(st, 41);
	t->open_since = tk_col_time(st, 42);
	return 0;
}

int
pm_ticket_get(struct pm_db *db, int64_t id, struct pm_ticket *t)
{
	char idb[ID_LEN];
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
		else {
			snprintf(idb, sizeof idb, "%lld", (long long)id);
			rc = pm_err(PM_EX_NOINPUT, "ticket %s: no such ticket",
			    pm_q(idb));
		}
		sqlite3_reset(st);
		return rc;
	}
	rc = tk_from_row(st, t);
	sqlite3_reset(st);
	if (rc != 0) {
		pm_ticket_release(t);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	return 0;
}

void
pm_ticket_release(struct pm_ticket *t)
{
	char **s[NSTRINGS] = STRINGS(t);
	int i;

	for (i = 0; i < NSTRINGS; i++)
		free(*s[i]);
	memset(t, 0, sizeof *t);
}

int
tk_copy(struct pm_ticket *to, const struct pm_ticket *from)
{
	char **d[NSTRINGS] = STRINGS(to);
	char *const *s[NSTRINGS] = STRINGS(from);
	int i;

	*to = *from;
	for (i = 0; i < NSTRINGS; i++)
		*d[i] = NULL;
	for (i = 0; i < NSTRINGS; i++)
		if (tk_set(d[i], *s[i]) != 0) {
			pm_ticket_release(to);
			return PM_EX_SOFTWARE;
		}
	return 0;
}

/*
 * Writing a change.
 */

/* The class of a stretch of 'secs' seconds (see ticket_spans). */
static int
span_class(int64_t secs)
{
	if (secs <= 86400)
		return 0;
	if (secs <= 7 * 86400)
		return 1;
	if (secs <= 31 * 86400)
		return 2;
	if (secs <= 366 * 86400)
		return 3;
	return 4;
}

static int
save_row(struct pm_db *db, const struct pm_ticket *t)
{
	char b[16][PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int k;

	st = pm_db_stmt(db, "UPDATE tickets SET status = ?2, level = ?3,"
	    " level_reason = ?4, escalated = ?5, assignee = ?6,"
	    " notice_due = ?7, onsite_due = ?8, same_day_due = ?9,"
	    " feedback_due = ?10, completion_due = ?11, noticed_at = ?12,"
	    " onsite_at = ?13, feedback_at = ?14, resolved_at = ?15,"
	    " resolved_by = ?16, callback_at = ?17, callback_by = ?18,"
	    " satisfaction = ?19, callback_comment = ?20, closed_at = ?21,"
	    " cancelled_at = ?22, paused_at = ?23, wait_reason = ?24,"
	    " resume_status = ?25, paused_seconds = ?26, reopen_count = ?27,"
	    " open_since = ?28,"
	    " first_resolved_at = coalesce(first_resolved_at, ?15)"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, t->id);
	pm_bind_text(st, 2, t->status);
	pm_bind_int(st, 3, t->level);
	pm_bind_text(st, 4, t->level_reason);
	pm_bind_int(st, 5, t->escalated);
	pm_bind_text(st, 6, t->assignee);
	for (k = 0; k < PM_DUE_N; k++)
		pm_bind_text(st, 7 + k, tk_utc(t->due[k], b[k]));
	pm_bind_text(st, 12, tk_utc(t->met[PM_DUE_NOTICE], b[5]));
	pm_bind_text(st, 13, tk_utc(t->met[PM_DUE_ONSITE], b[6]));
	pm_bind_text(st, 14, tk_utc(t->met[PM_DUE_FEEDBACK], b[7]));
	pm_bind_text(st, 15, tk_utc(t->resolved, b[8]));
	pm_bind_text(st, 16, t->resolved_by);
	pm_bind_text(st, 17, tk_utc(t->callback_at, b[9]));
	pm_bind_text(st, 18, t->callback_by);
	pm_bind_text(st, 19, t->satisfaction);
	pm_bind_text(st, 20, t->callback_comment);
	pm_bind_text(st, 21, tk_utc(t->closed, b[10]));
	pm_bind_text(st, 22, tk_utc(t->cancelled, b[11]));
	pm_bind_text(st, 23, tk_utc(t->paused, b[12]));
	pm_bind_text(st, 24, t->wait_reason);
	pm_bind_text(st, 25, t->resume_status);
	pm_bind_int(st, 26, t->paused_seconds);
	pm_bind_int(st, 27, t->reopen_count);
	pm_bind_text(st, 28, tk_utc(t->open_since, b[13]));
	return pm_db_step_done(db, st, "update ticket");
}

/* "onsite,feedback" / "-completion": the deadlines met and un-met. */
static void
meets_of(const struct pm_ticket *before, const struct pm_ticket *after,
    char *buf, size_t len)
{
	size_t o = 0;
	int k, was, is;

	buf[0] = '\0';
	for (k = 0; k < PM_DUE_N; k++) {
		was = before != NULL && before->met[k] != 0;
		is = after->met[k] != 0;
		if (was == is)
			continue;
		o += (size_t)snprintf(buf + o, len - o, "%s%s%s", o ? "," : "",
		    is ? "" : "-", pm_ticket_due_name(k));
	}
}

static int
add_event(struct pm_db *db, const struct pm_ticket *before,
    const struct pm_ticket *after, const char *event, const char *detail)
{
	char b[PM_DUE_N + 1][PM_TIME_UTC_LEN], meets[96];
	sqlite3_stmt *st;
	pm_time at = before == NULL ? after->received : pm_now();
	int k;

	st = pm_db_stmt(db, "INSERT INTO ticket_events(ticket_id, at, who,"
	    " event, from_status, status, level, assignee, notice_due,"
	    " onsite_due, same_day_due, feedback_due, completion_due, meets,"
	    " satisfaction, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, after->id);
	pm_bind_text(st, 2, pm_time_utc(at, b[PM_DUE_N]));
	pm_bind_text(st, 3, db->user);
	pm_bind_text(st, 4, event);
	pm_bind_text(st, 5, before != NULL ? before->status : NULL);
	pm_bind_text(st, 6, after->status);
	pm_bind_int(st, 7, after->level);
	pm_bind_text(st, 8, after->assignee);
	/* The deadlines it set: the values in force from now on. */
	for (k = 0; k < PM_DUE_N; k++)
		if (before == NULL || before->due[k] != after->due[k])
			pm_bind_text(st, 9 + k, tk_utc(after->due[k], b[k]));
	meets_of(before, after, meets, sizeof meets);
	pm_bind_text(st, 14, meets[0] != '\0' ? meets : NULL);
	if (strcmp(event, "callback") == 0)
		pm_bind_text(st, 15, after->satisfaction);
	pm_bind_text(st, 16, detail);
	return pm_db_step_done(db, st, "write ticket event");
}

/* The stretch of being unresolved that this change ended, if any. */
static int
end_span(struct pm_db *db, const struct pm_ticket *before,
    const struct pm_ticket *after)
{
	char o[PM_TIME_UTC_LEN], c[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	pm_time now = pm_now();

	if (before->open_since == 0 || after->open_since != 0)
		return 0;
	st = pm_db_stmt(db, "INSERT INTO ticket_spans(ticket_id, opened_at,"
	    " closed_at, class) VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, after->id);
	pm_bind_text(st, 2, pm_time_utc(before->open_since, o));
	pm_bind_text(st, 3, pm_time_utc(now, c));
	pm_bind_int(st, 4, span_class(now - before->open_since));
	return pm_db_step_done(db, st, "write ticket span");
}

int
tk_save(struct pm_db *db, const struct pm_ticket *before,
    const struct pm_ticket *after, const char *event, const char *detail,
    int no_audit)
{
	char ids[ID_LEN];
	int rc, moved;

	if (before != NULL && ((rc = save_row(db, after)) != 0 ||
	    (rc = end_span(db, before, after)) != 0))
		return rc;
	if ((rc = add_event(db, before, after, event, detail)) != 0 ||
	    no_audit)
		return rc;
	snprintf(ids, sizeof ids, "%lld", (long long)after->id);
	/* The audit summary reads like the event. */
	moved = before != NULL && strcmp(before->status, after->status) != 0;
	return pm_audit(db, "tickets", ids, "%s%s%s%s%s%s%s", event,
	    moved ? " " : "", moved ? before->status : "", moved ? " -> " : "",
	    moved ? after->status : "", detail != NULL ? ": " : "",
	    detail != NULL ? detail : "");
}

/*
 * The state at a moment: replay the events.
 */

/* Apply "onsite,-completion" at time 'at'. */
static void
apply_meets(struct pm_ticket *t, const char *meets, pm_time at)
{
	char word[32];
	const char *p = meets, *e;
	size_t n;
	int k, un;

	while (p != NULL && *p != '\0') {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		un = *p == '-';
		snprintf(word, sizeof word, "%.*s", (int)(n - un), p + un);
		for (k = 0; k < PM_DUE_N; k++)
			if (strcmp(word, pm_ticket_due_name(k)) == 0)
				t->met[k] = un ? 0 : at;
		p = e != NULL ? e + 1 : NULL;
	}
	t->resolved = t->met[PM_DUE_COMPLETION];
}

static int
tk_replay_start(struct pm_ticket *t)
{
	int k, rc;

	t->level = t->first_level;
	t->escalated = 0;
	if ((rc = tk_set(&t->status, "new")) != 0 ||
	    (rc = tk_set(&t->assignee, NULL)) != 0)
		return rc;
	for (k = 0; k < PM_DUE_N; k++) {
		t->due[k] = t->first_due[k];
		t->met[k] = 0;
	}
	t->resolved = 0;
	return 0;
}

sqlite3_stmt *
tk_replay_stmt(struct pm_db *db)
{
	return pm_db_stmt(db, "SELECT at, event, status, level, assignee,"
	    " notice_due, onsite_due, same_day_due, feedback_due,"
	    " completion_due, meets FROM ticket_events"
	    " WHERE ticket_id = ?1 AND at <= ?2 ORDER BY at, id");
}

int
tk_replay(struct pm_db *db, sqlite3_stmt *st, const char *at,
    struct pm_ticket *t)
{
	int rc, k;

	if ((rc = tk_replay_start(t)) != 0)
		return rc;
	pm_bind_int(st, 1, t->id);
	pm_bind_text(st, 2, at);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (strcmp(pm_col_text(st, 1), "escalate") == 0)
			t->escalated = 1;
		if ((rc = tk_set(&t->status, pm_col_text(st, 2))) != 0 ||
		    (rc = tk_set(&t->assignee, pm_col_text(st, 4))) != 0) {
			sqlite3_reset(st);
			return rc;
		}
		t->level = sqlite3_column_int(st, 3);
		for (k = 0; k < PM_DUE_N; k++)
			if (pm_col_text(st, 5 + k) != NULL)
				t->due[k] = tk_col_time(st, 5 + k);
		apply_meets(t, pm_col_text(st, 10), tk_col_time(st, 0));
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read ticket events");
	sqlite3_reset(st);
	return rc;
}

int
pm_ticket_at(struct pm_db *db, int64_t id, pm_time at, struct pm_ticket *t)
{
	char b[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	if ((rc = pm_ticket_get(db, id, t)) != 0 || at >= pm_now())
		return rc;
	if ((st = tk_replay_stmt(db)) == NULL)
		rc = pm_err_code();
	else
		rc = tk_replay(db, st, pm_time_utc(at, b), t);
	if (rc == 0)
		return 0;
	pm_ticket_release(t);
	return rc;
}

/*
 * The transitions.  Each loads the ticket, checks the acting user and
 * the status, changes a copy and saves the difference.
 */

/* What each verb is called in "cannot ... it" messages. */
struct move {
	const char *event;		/* the event it writes */
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

static const struct move m_assign = { "assign", N_("assign it"),
	from_open_work };
static const struct move m_start = { "start", N_("start it"), from_start };
static const struct move m_note = { "note", N_("add a note"), from_any };
static const struct move m_wait = { "wait", N_("pause it"), from_open_work };
static const struct move m_resume = { "resume", N_("resume it"),
	from_waiting };
static const struct move m_resolve = { "resolve", N_("resolve it"),
	from_open_work };
static const struct move m_reopen = { "reopen", N_("reopen it"), from_done };
static const struct move m_callback = { "callback", N_("call it back"),
	from_resolved };
static const struct move m_close = { "close", N_("close it"), from_close };
static const struct move m_cancel = { "cancel", N_("cancel it"),
	from_cancel };
static const struct move m_escalate = { "escalate", N_("escalate it"),
	from_not_final };

static int
status_in(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * Load ticket 'id' for move 'm' by the acting user into 'before' and a
 * copy to change into 'after': the user must be staff (their rank in
 * *rank, may be NULL) and the status one 'm' may start from.
 */
static int
load_for(struct pm_db *db, int64_t id, const struct move *m,
    struct pm_ticket *before, struct pm_ticket *after, int *rank)
{
	char idb[ID_LEN];
	int rc;

	memset(after, 0, sizeof *after);
	if ((rc = tk_staff(db, db->user, rank)) != 0)
		return rc;
	if ((rc = pm_ticket_get(db, id, before)) != 0)
		return rc;
	if (!status_in(before->status, m->from)) {
		snprintf(idb, sizeof idb, "%lld", (long long)id);
		if (strcmp(before->status, "waiting") == 0)
			rc = pm_err(PM_EX_DATAERR, "ticket %s is %s: cannot %s "
			    "(resume it first)", pm_q(idb), pm_vocab_label(
			    &pm_v_ticket_status, before->status),
			    _(m->phrase));
		else
			rc = pm_err(PM_EX_DATAERR, "ticket %s is %s: cannot %s",
			    pm_q(idb), pm_vocab_label(&pm_v_ticket_status,
			    before->status), _(m->phrase));
		pm_ticket_release(before);
		return rc;
	}
	if (tk_copy(after, before) != 0) {
		pm_ticket_release(before);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	return 0;
}

/* Save and release both copies. */
static int
finish(struct pm_db *db, struct pm_ticket *before, struct pm_ticket *after,
    const struct move *m, const char *detail, int rc)
{
	if (rc == 0)
		rc = tk_save(db, before, after, m->event, detail, 0);
	pm_ticket_release(before);
	pm_ticket_release(after);
	return rc;
}

/* A time that is set once: the first time it happens. */
static void
first(pm_time *t, pm_time now)
{
	if (*t == 0)
		*t = now;
}

int
pm_ticket_assign(struct pm_db *db, int64_t id, const char *login)
{
	struct pm_ticket b, a;
	int rc;

	if ((rc = load_for(db, id, &m_assign, &b, &a, NULL)) != 0)
		return rc;
	/* Assigning the work is feedback to the owner that it is in hand. */
	if ((rc = tk_staff(db, login, NULL)) == 0 &&
	    (rc = tk_set(&a.status, "assigned")) == 0 &&
	    (rc = tk_set(&a.assignee, login)) == 0)
		first(&a.met[PM_DUE_FEEDBACK], pm_now());
	return finish(db, &b, &a, &m_assign, login, rc);
}

int
pm_ticket_start(struct pm_db *db, int64_t id)
{
	struct pm_ticket b, a;
	int rc;

	if ((rc = load_for(db, id, &m_start, &b, &a, NULL)) != 0)
		return rc;
	if ((rc = tk_set(&a.status, "in_progress")) == 0 &&
	    (a.assignee != NULL || (rc = tk_set(&a.assignee, db->user)) ==
	    0)) {
		if (a.due[PM_DUE_ONSITE] != 0)
			first(&a.met[PM_DUE_ONSITE], pm_now());
		first(&a.met[PM_DUE_FEEDBACK], pm_now());
	}
	return finish(db, &b, &a, &m_start, b.assignee == NULL ? db->user :
	    NULL, rc);
}

int
pm_ticket_note(struct pm_db *db, int64_t id, const char *text, int feedback)
{
	static const struct move m_feedback = { "feedback", N_("add a note"),
		from_any };
	struct pm_ticket b, a;
	int rc;

	if ((rc = pm_text_check(N_("note"), text, 0, PM_TEXT_LINES)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_note, &b, &a, NULL)) != 0)
		return rc;
	if (feedback)
		first(&a.met[PM_DUE_FEEDBACK], pm_now());
	return finish(db, &b, &a, feedback ? &m_feedback : &m_note, text, 0);
}

int
pm_ticket_wait(struct pm_db *db, int64_t id, const char *reason)
{
	struct pm_ticket b, a;
	const char *detail = reason;
	int rc;

	if (reason == NULL || *reason == '\0')
		return pm_err(PM_EX_USAGE, "wait: a reason is needed (owner, "
		    "parts or a text)");
	if ((rc = pm_text_check(N_("reason"), reason, 0, PM_TEXT_LINES)) != 0)
		return rc;
	if (strcmp(reason, "owner") == 0)
		detail = "waiting for the owner";
	else if (strcmp(reason, "parts") == 0)
		detail = "waiting for parts";
	if ((rc = load_for(db, id, &m_wait, &b, &a, NULL)) != 0)
		return rc;
	if ((rc = tk_set(&a.resume_status, b.status)) == 0 &&
	    (rc = tk_set(&a.status, "waiting")) == 0)
		rc = tk_set(&a.wait_reason, reason);
	a.paused = pm_now();
	return finish(db, &b, &a, &m_wait, detail, rc);
}

int
pm_ticket_resume(struct pm_db *db, int64_t id)
{
	static const enum pm_ticket_due moved[] = {
		PM_DUE_ONSITE, PM_DUE_SAME_DAY, PM_DUE_FEEDBACK,
		PM_DUE_COMPLETION
	};
	char detail[96], dur[32];
	const struct pm_calendar *cal;
	struct pm_ticket_sla sla;
	struct pm_ticket b, a;
	pm_time now = pm_now(), paused_for;
	size_t i;
	int rc;

	if ((rc = load_for(db, id, &m_resume, &b, &a, NULL)) != 0)
		return rc;
	paused_for = b.paused != 0 && now > b.paused ? now - b.paused : 0;
	if ((cal = pm_db_calendar(db)) == NULL ||
	    (rc = pm_ticket_sla_load(db, cal, &sla)) != 0) {
		rc = pm_err_code();
		return finish(db, &b, &a, &m_resume, NULL, rc);
	}
	/*
	 * The notice deadline never pauses: the manager must hear of a
	 * level 1 event whatever the owner does.
	 */
	for (i = 0; i < sizeof moved / sizeof moved[0]; i++) {
		enum pm_ticket_due k = moved[i];

		if (a.due[k] != 0 && a.met[k] == 0 && b.paused != 0)
			a.due[k] = pm_ticket_shift(cal,
			    sla.clock[tk_due_sla(k, a.level)], a.due[k],
			    b.paused, now, k == PM_DUE_SAME_DAY &&
			    sla.secs[PM_SLA_T_SAME_DAY] == 0);
	}
	if ((rc = tk_set(&a.status, b.resume_status != NULL ?
	    b.resume_status : "assigned")) == 0 &&
	    (rc = tk_set(&a.resume_status, NULL)) == 0)
		rc = tk_set(&a.wait_reason, NULL);
	a.paused = 0;
	a.paused_seconds += paused_for;
	pm_duration_fmt(paused_for, dur, sizeof dur);
	snprintf(detail, sizeof detail, "paused %s", dur);
	return finish(db, &b, &a, &m_resume, detail, rc);
}

int
pm_ticket_resolve(struct pm_db *db, int64_t id, const char *text)
{
	struct pm_ticket b, a;
	pm_time now = pm_now();
	int rc;

	if (text != NULL && (rc = pm_text_check(N_("message"), text, 0,
	    PM_TEXT_LINES)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_resolve, &b, &a, NULL)) != 0)
		return rc;
	/*
	 * Resolving means someone was there and the owner hears the result,
	 * so onsite and feedback count as met if nothing met them before.
	 */
	if ((rc = tk_set(&a.status, "resolved")) == 0 &&
	    (rc = tk_set(&a.resolved_by, db->user)) == 0 &&
	    (a.assignee != NULL || (rc = tk_set(&a.assignee, db->user)) ==
	    0)) {
		if (a.due[PM_DUE_ONSITE] != 0)
			first(&a.met[PM_DUE_ONSITE], now);
		first(&a.met[PM_DUE_FEEDBACK], now);
		a.met[PM_DUE_SAME_DAY] = a.met[PM_DUE_COMPLETION] = now;
		a.resolved = now;
		a.open_since = 0;
	}
	return finish(db, &b, &a, &m_resolve, text, rc);
}

int
pm_ticket_reopen(struct pm_db *db, int64_t id, const char *reason)
{
	struct pm_ticket b, a;
	int rc;

	if (reason != NULL && (rc = pm_text_check(N_("reason"), reason, 0,
	    PM_TEXT_LINES)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_reopen, &b, &a, NULL)) != 0)
		return rc;
	/* The earlier callback was about work that did not hold. */
	if ((rc = tk_set(&a.status, "assigned")) == 0 &&
	    (rc = tk_set(&a.callback_by, NULL)) == 0 &&
	    (rc = tk_set(&a.satisfaction, NULL)) == 0 &&
	    (rc = tk_set(&a.callback_comment, NULL)) == 0 &&
	    (rc = tk_set(&a.resolved_by, NULL)) == 0 &&
	    (a.assignee != NULL || (rc = tk_set(&a.assignee, db->user)) ==
	    0)) {
		a.reopen_count++;
		a.resolved = a.closed = a.callback_at = 0;
		a.met[PM_DUE_SAME_DAY] = a.met[PM_DUE_COMPLETION] = 0;
		a.open_since = pm_now();
	}
	return finish(db, &b, &a, &m_reopen, reason, rc);
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
 * (DESIGN.md section 5): not the one who did the work, whose callback
 * would grade himself; a complaint needs a supervisor of customer
 * service, the department with code "service" in the estate file, or a
 * manager; an escalated complaint the manager.
 */
static int
may_call_back(struct pm_db *db, const struct pm_ticket *t, int rank)
{
	char dept[64], idb[ID_LEN];
	const char *role = pm_vocab_label(&pm_v_role, pm_vocab_id(&pm_v_role,
	    rank));
	int rc;

	snprintf(idb, sizeof idb, "%lld", (long long)t->id);
	if ((t->resolved_by != NULL && strcmp(t->resolved_by, db->user) ==
	    0) || (t->assignee != NULL && strcmp(t->assignee, db->user) == 0))
		return pm_err(PM_EX_NOPERM, "ticket %s: %s did the work, so "
		    "cannot call it back (a callback comes from someone else, "
		    "such as customer service)", pm_q(idb), pm_q(db->user));
	if (strcmp(t->kind, "complaint") != 0 || rank == TK_ROLE_MANAGER)
		return 0;
	if ((rc = staff_department(db, db->user, dept, sizeof dept)) != 0)
		return rc;
	if (!t->escalated && rank == TK_ROLE_SUPERVISOR &&
	    strcmp(dept, CUSTOMER_SERVICE) == 0)
		return 0;
	if (t->escalated)
		return pm_err(PM_EX_NOPERM, "ticket %s: an escalated "
		    "complaint is called back by a manager, not by %s (%s, "
		    "%s)", pm_q(idb), pm_q(db->user), role, dept);
	return pm_err(PM_EX_NOPERM, "ticket %s: a complaint is called back "
	    "by a customer-service supervisor (department %s) or a manager, "
	    "not by %s (%s, %s)", pm_q(idb), pm_q(CUSTOMER_SERVICE),
	    pm_q(db->user), role, dept);
}

int
pm_ticket_callback(struct pm_db *db, int64_t id, const char *satisfaction,
    const char *comment)
{
	struct pm_ticket b, a;
	const char *sat;
	char *detail;
	int rc, rank;

	if ((rc = pm_vocab_check(&pm_v_satisfaction, satisfaction, 0,
	    &sat)) != 0)
		return rc;
	if (comment != NULL && (rc = pm_text_check(N_("comment"), comment, 0,
	    PM_TEXT_LINES)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_callback, &b, &a, &rank)) != 0)
		return rc;
	if ((rc = may_call_back(db, &b, rank)) == 0 &&
	    (rc = tk_set(&a.status, "called_back")) == 0 &&
	    (rc = tk_set(&a.callback_by, db->user)) == 0 &&
	    (rc = tk_set(&a.satisfaction, sat)) == 0)
		rc = tk_set(&a.callback_comment, comment);
	a.callback_at = pm_now();
	/* The comment is kept whole: the event is where it is read. */
	detail = sqlite3_mprintf("%s%s%s", sat, comment != NULL ? ": " : "",
	    comment != NULL ? comment : "");
	if (detail == NULL && rc == 0)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	rc = finish(db, &b, &a, &m_callback, detail, rc);
	sqlite3_free(detail);
	return rc;
}

int
pm_ticket_close(struct pm_db *db, int64_t id)
{
	struct pm_ticket b, a;
	char idb[ID_LEN];
	int rc;

	if ((rc = load_for(db, id, &m_close, &b, &a, NULL)) != 0)
		return rc;
	if (strcmp(b.status, "resolved") == 0 &&
	    (strcmp(b.kind, "repair") == 0 || strcmp(b.kind, "complaint") ==
	    0)) {
		snprintf(idb, sizeof idb, "%lld", (long long)id);
		rc = pm_err(PM_EX_DATAERR, "ticket %s: a %s needs a callback "
		    "before it is closed (record it with 'pm-ticket callback')",
		    pm_q(idb), pm_vocab_label(&pm_v_ticket_kind, b.kind));
	} else
		rc = tk_set(&a.status, "closed");
	a.closed = pm_now();
	return finish(db, &b, &a, &m_close, NULL, rc);
}

int
pm_ticket_cancel(struct pm_db *db, int64_t id, const char *reason)
{
	struct pm_ticket b, a;
	int rc;

	if (reason == NULL || *reason == '\0')
		return pm_err(PM_EX_USAGE, "cancel: a reason is needed");
	if ((rc = pm_text_check(N_("reason"), reason, 0, PM_TEXT_LINES)) != 0)
		return rc;
	if ((rc = load_for(db, id, &m_cancel, &b, &a, NULL)) != 0)
		return rc;
	if ((rc = tk_set(&a.status, "cancelled")) == 0 &&
	    (rc = tk_set(&a.resume_status, NULL)) == 0)
		rc = tk_set(&a.wait_reason, NULL);
	a.cancelled = pm_now();
	a.paused = 0;
	a.open_since = 0;
	return finish(db, &b, &a, &m_cancel, reason, rc);
}

int
pm_ticket_escalate(struct pm_db *db, int64_t id, int level,
    const char *reason)
{
	char idb[ID_LEN], *detail = NULL, *why = NULL;
	const struct pm_calendar *cal;
	struct pm_ticket_sla sla;
	struct pm_ticket b, a;
	enum pm_ticket_sla_name s;
	int rc, want;

	if (reason == NULL || *reason == '\0')
		return pm_err(PM_EX_USAGE, "escalate: a reason is needed");
	if ((rc = pm_text_check(N_("reason"), reason, 0, PM_TEXT_LINES)) != 0)
		return rc;
	if (level < 0 || level > 3)
		return pm_err(PM_EX_USAGE, "level %d: not a level (1, 2 or 3)",
		    level);
	if ((rc = load_for(db, id, &m_escalate, &b, &a, NULL)) != 0)
		return rc;
	snprintf(idb, sizeof idb, "%lld", (long long)id);
	/*
	 * Escalated once is escalated: the manager was told.  Only a level
	 * asked for by name that is higher still takes it further.
	 */
	if (b.escalated && (level == 0 || level >= b.level)) {
		rc = pm_err(PM_UNCHANGED, "ticket %s: already escalated to "
		    "level %d, left as it is", pm_q(idb), b.level);
		pm_ticket_release(&b);
		pm_ticket_release(&a);
		return rc;
	}
	want = level;
	if (want == 0)
		want = strcmp(b.kind, "complaint") == 0 || b.level <= 2 ? 1 :
		    b.level - 1;
	if (want >= b.level && want != 1) {
		rc = pm_err(PM_EX_DATAERR, "ticket %s: level %d is not above "
		    "its level %d (1 is the highest)", pm_q(idb), want, b.level);
		return finish(db, &b, &a, &m_escalate, NULL, rc);
	}
	if ((cal = pm_db_calendar(db)) == NULL ||
	    (rc = pm_ticket_sla_load(db, cal, &sla)) != 0)
		return finish(db, &b, &a, &m_escalate, NULL, pm_err_code());
	/* The new level's notice is due from the escalation on. */
	s = want == 1 ? PM_SLA_T_NOTICE1 : PM_SLA_T_NOTICE2;
	a.due[PM_DUE_NOTICE] = pm_calendar_add(cal, sla.clock[s], pm_now(),
	    sla.secs[s]);
	a.met[PM_DUE_NOTICE] = 0;
	a.level = want;
	a.escalated = 1;
	detail = sqlite3_mprintf("level %d -> %d: %s", b.level, want, reason);
	why = sqlite3_mprintf("escalated: %s", reason);
	if (detail == NULL || why == NULL)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else
		rc = tk_set(&a.level_reason, why);
	rc = finish(db, &b, &a, &m_escalate, detail, rc);
	sqlite3_free(detail);
	sqlite3_free(why);
	return rc;
}

int
pm_ticket_act(struct pm_db *db, const char *ids, char *canon, size_t len,
    void *arg)
{
	const struct pm_ticket_action *a = arg;
	const char *v = a->verb;
	int64_t id;
	int rc;

	if ((rc = pm_ticket_parse_id(ids, &id)) != 0)
		return rc;
	snprintf(canon, len, "%lld", (long long)id);
	if (strcmp(v, "assign") == 0)
		return pm_ticket_assign(db, id, a->text);
	if (strcmp(v, "start") == 0)
		return pm_ticket_start(db, id);
	if (strcmp(v, "note") == 0)
		return pm_ticket_note(db, id, a->text, a->flag);
	if (strcmp(v, "wait") == 0)
		return pm_ticket_wait(db, id, a->text);
	if (strcmp(v, "resume") == 0)
		return pm_ticket_resume(db, id);
	if (strcmp(v, "resolve") == 0)
		return pm_ticket_resolve(db, id, a->text);
	if (strcmp(v, "reopen") == 0)
		return pm_ticket_reopen(db, id, a->text);
	if (strcmp(v, "callback") == 0)
		return pm_ticket_callback(db, id, a->text, a->comment);
	if (strcmp(v, "close") == 0)
		return pm_ticket_close(db, id);
	if (strcmp(v, "cancel") == 0)
		return pm_ticket_cancel(db, id, a->text);
	if (strcmp(v, "escalate") == 0)
		return pm_ticket_escalate(db, id, a->flag, a->text);
	return pm_err(PM_EX_SOFTWARE, "no ticket action %s", pm_q(v));
}

/*
 * Text.
 */

char *
tk_summary(const char *text, int max, char *buf, size_t len)
{
	const char *p = text;
	size_t o = 0, n;
	int chars = 0;

	/* The text was checked on the way in; stop at anything odd anyway. */
	while (*p != '\0' && *p != '\n' && (n = pm_utf8_decode(p, NULL)) != 0) {
		if (chars == max || o + n + 4 > len)
			break;
		memcpy(buf + o, p, n);
		o += n;
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
