/*
 * ticket_sla.c - service levels, information levels, deadlines, and
 * adding a ticket, where they are all decided.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "staff.h"
#include "ticket_priv.h"
#include "unit.h"

static const char *const sla_names[PM_SLA_T_N] = {
	"notice_level1", "notice_level2", "onsite", "same_day", "feedback",
	"completion", "repeat_window"
};

static const char *const due_names[PM_DUE_N] = {
	"notice", "onsite", "same_day", "feedback", "completion"
};

const char *
pm_ticket_due_name(enum pm_ticket_due k)
{
	if ((unsigned)k >= PM_DUE_N)
		return "?";
	return due_names[k];
}

enum pm_ticket_sla_name
tk_due_sla(enum pm_ticket_due k, int level)
{
	switch (k) {
	case PM_DUE_NOTICE:
		return level == 1 ? PM_SLA_T_NOTICE1 : PM_SLA_T_NOTICE2;
	case PM_DUE_ONSITE:
		return PM_SLA_T_ONSITE;
	case PM_DUE_SAME_DAY:
		return PM_SLA_T_SAME_DAY;
	case PM_DUE_FEEDBACK:
		return PM_SLA_T_FEEDBACK;
	default:
		return PM_SLA_T_COMPLETION;
	}
}

int
pm_ticket_sla_load(struct pm_db *db, const struct pm_calendar *cal,
    struct pm_ticket_sla *sla)
{
	int64_t day = pm_calendar_day_seconds(cal);
	sqlite3_stmt *st;
	const char *name, *clock;
	int rc, i;

	if (db->ticket_sla != NULL) {
		*sla = *(struct pm_ticket_sla *)db->ticket_sla;
		return 0;
	}
	/* The defaults of DESIGN.md section 5, for rows the estate lacks. */
	sla->secs[PM_SLA_T_NOTICE1] = 5 * 60;
	sla->secs[PM_SLA_T_NOTICE2] = 10 * 60;
	sla->secs[PM_SLA_T_ONSITE] = 30 * 60;
	sla->secs[PM_SLA_T_SAME_DAY] = 0;
	sla->secs[PM_SLA_T_FEEDBACK] = 2 * day;
	sla->secs[PM_SLA_T_COMPLETION] = 5 * day;
	sla->secs[PM_SLA_T_REPEAT] = 30 * 86400;
	for (i = 0; i < PM_SLA_T_N; i++)
		sla->clock[i] = PM_CLOCK_CALENDAR;
	sla->clock[PM_SLA_T_FEEDBACK] = PM_CLOCK_WORKING;
	sla->clock[PM_SLA_T_COMPLETION] = PM_CLOCK_WORKING;

	st = pm_db_stmt(db, "SELECT name, seconds, clock FROM sla");
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		name = pm_col_text(st, 0);
		clock = pm_col_text(st, 2);
		for (i = 0; i < PM_SLA_T_N; i++)
			if (name != NULL && strcmp(name, sla_names[i]) == 0)
				break;
		if (i == PM_SLA_T_N)
			continue;	/* another tool's service level */
		sla->secs[i] = sqlite3_column_int64(st, 1);
		sla->clock[i] = clock != NULL && strcmp(clock, "working") == 0 ?
		    PM_CLOCK_WORKING : PM_CLOCK_CALENDAR;
	}
	if (rc != SQLITE_DONE) {
		rc = pm_db_error(db, "read sla");
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	/* Out of memory only costs the next call a read. */
	if ((db->ticket_sla = malloc(sizeof *sla)) != NULL)
		*(struct pm_ticket_sla *)db->ticket_sla = *sla;
	return 0;
}

void
pm_ticket_deadlines(const struct pm_calendar *cal,
    const struct pm_ticket_sla *sla, int level, int emergency,
    pm_time received, pm_time due[PM_DUE_N])
{
	enum pm_ticket_sla_name s;
	int k;

	for (k = 0; k < PM_DUE_N; k++) {
		s = tk_due_sla(k, level);
		due[k] = pm_calendar_add(cal, sla->clock[s], received,
		    sla->secs[s]);
	}
	/* Level 3 is handled by the receiver at once: nobody to notify. */
	if (level == 3)
		due[PM_DUE_NOTICE] = 0;
	if (!emergency)
		due[PM_DUE_ONSITE] = 0;
	if (sla->secs[PM_SLA_T_SAME_DAY] == 0)
		due[PM_DUE_SAME_DAY] = pm_day_end(received);
}

pm_time
pm_ticket_shift(const struct pm_calendar *cal, enum pm_clock_kind clock,
    pm_time due, pm_time paused, pm_time resumed, int end_of_day)
{
	int64_t left;

	if (due <= paused || resumed <= paused)
		return due;
	/* "Done today" stays "done by the end of a day": the resume day. */
	if (end_of_day)
		return pm_day_end(resumed);
	left = pm_calendar_between(cal, clock, paused, due);
	return pm_calendar_add(cal, clock, resumed, left);
}

pm_time
tk_next_due(const struct pm_ticket *t, pm_time at, int no_same_day,
    enum pm_ticket_due *kind)
{
	pm_time best = 0;
	int k;

	for (k = 0; k < PM_DUE_N; k++) {
		if (t->due[k] == 0 || (no_same_day && k == PM_DUE_SAME_DAY))
			continue;
		if (t->met[k] != 0 && t->met[k] <= at)
			continue;
		if (best == 0 || t->due[k] < best) {
			best = t->due[k];
			*kind = k;
		}
	}
	return best;
}

/*
 * What "overdue" means, in one place: deadline 'k' of 't' has passed by
 * 'at' and was not met by then, and it still binds: the notice whatever
 * the status (the manager must hear), the others while the work is
 * neither done nor paused.  The same-day deadline is the pending list's
 * business, not an overdue one.
 */
int
tk_deadline_overdue(const struct pm_ticket *t, enum pm_ticket_due k,
    pm_time at)
{
	if (k == PM_DUE_SAME_DAY || t->due[k] == 0 || t->due[k] > at ||
	    (t->met[k] != 0 && t->met[k] <= at) || !tk_open(t->status))
		return 0;
	return k == PM_DUE_NOTICE || tk_working(t->status);
}

int
tk_overdue_at(const struct pm_ticket *t, pm_time at)
{
	int k;

	for (k = 0; k < PM_DUE_N; k++)
		if (tk_deadline_overdue(t, k, at))
			return 1;
	return 0;
}

pm_time
pm_ticket_overdue(const struct pm_ticket *t, pm_time at,
    enum pm_ticket_due *k)
{
	pm_time best = 0;
	int i;

	for (i = 0; i < PM_DUE_N; i++)
		if (tk_deadline_overdue(t, i, at) && (best == 0 ||
		    t->due[i] < best)) {
			best = t->due[i];
			*k = i;
		}
	return best;
}

/*
 * Adding a ticket.
 */

struct category {
	char kind[16];
	int urgent, emergency;
};

static int
get_category(struct pm_db *db, const char *code, struct category *c)
{
	sqlite3_stmt *st;
	int rc, retired;

	st = pm_db_stmt(db, "SELECT kind, urgent, emergency, retired"
	    " FROM categories WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? pm_err(PM_EX_NOINPUT, "category %s: "
		    "no such category", pm_q(code)) : pm_db_error(db,
		    "read category");
		sqlite3_reset(st);
		return rc;
	}
	snprintf(c->kind, sizeof c->kind, "%s", pm_col_text(st, 0) != NULL ?
	    pm_col_text(st, 0) : "");
	c->urgent = sqlite3_column_int(st, 1);
	c->emergency = sqlite3_column_int(st, 2);
	retired = sqlite3_column_int(st, 3);
	sqlite3_reset(st);
	if (retired)
		return pm_err(PM_EX_DATAERR, "category %s: retired", pm_q(code));
	return 0;
}

static int
unit_retired(struct pm_db *db, const char *code)
{
	sqlite3_stmt *st;
	int rc, retired = 0;

	st = pm_db_stmt(db, "SELECT retired FROM units WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		retired = sqlite3_column_int(st, 0);
		rc = SQLITE_DONE;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read unit");
	sqlite3_reset(st);
	if (rc == 0 && retired)
		rc = pm_err(PM_EX_DATAERR, "unit %s: retired", pm_q(code));
	return rc;
}

/*
 * The latest ticket for the same unit and category received at or
 * before 'received' (never a later one: a repeat looks back), not
 * cancelled: its id in *prev and its time in *when, or *prev 0.
 */
static int
previous(struct pm_db *db, const char *unit, const char *category,
    pm_time received, int64_t *prev, pm_time *when)
{
	char at[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	*prev = 0;
	st = pm_db_stmt(db, "SELECT id, received_at FROM tickets"
	    " WHERE unit = ?1 AND category = ?2 AND received_at <= ?3"
	    " AND status <> 'cancelled' ORDER BY received_at DESC, id DESC"
	    " LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, category);
	pm_bind_text(st, 3, pm_time_utc(received, at));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*prev = sqlite3_column_int64(st, 0);
		*when = tk_col_time(st, 1);
		rc = SQLITE_DONE;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read tickets");
	sqlite3_reset(st);
	return rc;
}

/* The information level of a new ticket, and why, into 'why'. */
static int
level_of(struct pm_db *db, const struct pm_calendar *cal,
    const struct pm_ticket_sla *sla, const struct pm_ticket_new *n,
    const struct category *c, pm_time received, char *why, size_t len,
    int *level)
{
	char dur[32];
	int64_t prev;
	pm_time when;
	int rc;

	if (c->urgent) {
		snprintf(why, len, "urgent category %s", n->category);
		*level = 1;
		return 0;
	}
	if ((rc = previous(db, n->unit, n->category, received, &prev,
	    &when)) != 0)
		return rc;
	if (prev != 0 && pm_calendar_between(cal,
	    sla->clock[PM_SLA_T_REPEAT], when, received) <=
	    sla->secs[PM_SLA_T_REPEAT]) {
		pm_duration_fmt(sla->secs[PM_SLA_T_REPEAT], dur, sizeof dur);
		snprintf(why, len, "repeat of ticket %lld within %s",
		    (long long)prev, dur);
		*level = 2;
		return 0;
	}
	snprintf(why, len, "routine");
	*level = 3;
	return 0;
}

int
pm_ticket_check_new(struct pm_db *db, struct pm_ticket_new *n)
{
	static char cat[128], unit[128];
	char buf[PM_TIME_LOCAL_LEN];
	struct category c;
	const char *id;
	int rc;

	if (n->category == NULL || n->unit == NULL || n->description == NULL)
		return pm_err(PM_EX_DATAERR, "a ticket needs a category, a "
		    "unit and a description");
	if ((rc = pm_rec_find(db, &pm_category_type, n->category, cat,
	    sizeof cat)) != 0 || (rc = get_category(db, cat, &c)) != 0 ||
	    (rc = pm_rec_find(db, &pm_unit_type, n->unit, unit,
	    sizeof unit)) != 0 || (rc = unit_retired(db, unit)) != 0)
		return rc;
	n->category = cat;
	n->unit = unit;
	if (n->kind != NULL) {
		if ((rc = pm_vocab_check(&pm_v_ticket_kind, n->kind, 0,
		    &id)) != 0)
			return rc;
		n->kind = id;
	} else if (pm_vocab_find(&pm_v_ticket_kind, c.kind) == NULL)
		return pm_err(PM_EX_DATAERR, "category %s has no kind: give "
		    "one (repair, complaint, inquiry or suggestion)", pm_q(cat));
	if (n->source != NULL) {
		if ((rc = pm_vocab_check(&pm_v_source, n->source, 0, &id)) != 0)
			return rc;
		n->source = id;
	}
	if ((rc = pm_text_check(N_("description"), n->description, 0,
	    PM_TEXT_LINES)) != 0)
		return rc;
	/* The time as the user wrote it: the local form drops seconds. */
	if (n->received > pm_now())
		return pm_err(PM_EX_DATAERR, "received time %s: in the future",
		    pm_q(n->received_text != NULL ? n->received_text :
		    pm_time_local(n->received, buf)));
	if ((rc = tk_staff(db, n->receiver != NULL ? n->receiver : db->user,
	    NULL)) != 0)
		return rc;
	/* Whoever types it in must be staff too, when not the receiver. */
	if (n->receiver != NULL && strcmp(n->receiver, db->user) != 0)
		return tk_staff(db, db->user, NULL);
	return 0;
}

int
pm_ticket_add(struct pm_db *db, struct pm_ticket_new *n, int64_t *id)
{
	char b[2 * PM_DUE_N + 1][PM_TIME_UTC_LEN], why[128], *detail;
	const struct pm_calendar *cal;
	struct pm_ticket_sla sla;
	struct pm_ticket t;
	struct category c;
	sqlite3_stmt *st;
	int rc, level = 3, k;

	if ((!n->checked && (rc = pm_ticket_check_new(db, n)) != 0) ||
	    (rc = get_category(db, n->category, &c)) != 0)
		return rc;
	memset(&t, 0, sizeof t);
	t.kind = (char *)(n->kind != NULL ? n->kind : pm_vocab_find(
	    &pm_v_ticket_kind, c.kind));
	t.source = (char *)(n->source != NULL ? n->source : "phone");
	t.receiver = (char *)(n->receiver != NULL ? n->receiver : db->user);
	t.received = n->received != 0 ? n->received : pm_now();
	t.status = (char *)"new";
	if ((cal = pm_db_calendar(db)) == NULL)
		return pm_err_code();
	if ((rc = pm_ticket_sla_load(db, cal, &sla)) != 0 ||
	    (rc = level_of(db, cal, &sla, n, &c, t.received, why, sizeof why,
	    &level)) != 0)
		return rc;
	t.level = level;
	pm_ticket_deadlines(cal, &sla, level, c.emergency, t.received, t.due);

	st = pm_db_stmt(db, "INSERT INTO tickets(kind, category, unit, source,"
	    " description, receiver, received_at, first_level,"
	    " first_level_reason, first_notice_due, first_onsite_due,"
	    " first_same_day_due, first_feedback_due, first_completion_due,"
	    " level, level_reason, notice_due, onsite_due, same_day_due,"
	    " feedback_due, completion_due, open_since) VALUES (?1, ?2, ?3,"
	    " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?8, ?9, ?10,"
	    " ?11, ?12, ?13, ?14, ?7)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, t.kind);
	pm_bind_text(st, 2, n->category);
	pm_bind_text(st, 3, n->unit);
	pm_bind_text(st, 4, t.source);
	pm_bind_text(st, 5, n->description);
	pm_bind_text(st, 6, t.receiver);
	pm_bind_text(st, 7, pm_time_utc(t.received, b[2 * PM_DUE_N]));
	pm_bind_int(st, 8, level);
	pm_bind_text(st, 9, why);
	for (k = 0; k < PM_DUE_N; k++)
		pm_bind_text(st, 10 + k, tk_utc(t.due[k], b[k]));
	if ((rc = pm_db_step_done(db, st, "add ticket")) != 0)
		return rc;
	t.id = *id = pm_db_last_id(db);
	if ((detail = sqlite3_mprintf("%s %s at %s, level %d (%s)", t.kind,
	    n->category, n->unit, level, why)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	rc = tk_save(db, NULL, &t, "add", detail, n->no_audit);
	sqlite3_free(detail);
	return rc;
}
