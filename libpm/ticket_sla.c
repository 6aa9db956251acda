/*
 * ticket_sla.c - service levels, information levels, deadlines, and
 * adding a ticket, where they are all decided.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ticket_priv.h"

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
    pm_time due, pm_time paused, pm_time resumed)
{
	int64_t left;

	if (due <= paused || resumed <= paused)
		return due;
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
 * Adding a ticket.
 */

struct category {
	char kind[16];
	int urgent, emergency;
};

/*
 * Step 'st', the lookup of the 'what' with code 'code': 0 with its row
 * to read, or the error with 'st' reset ("unit '3-1-502': no such unit"
 * when there is no row; 'doing' names a database error).
 */
static int
step_found(struct pm_db *db, sqlite3_stmt *st, const char *doing,
    const char *what, const char *code)
{
	int rc;

	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		rc = pm_db_error(db, doing);
	else
		rc = pm_err(PM_EX_DATAERR, "%s '%.60s': no such %s", what, code,
		    what);
	sqlite3_reset(st);
	return rc;
}

static int
get_category(struct pm_db *db, const char *code, struct category *c)
{
	sqlite3_stmt *st;
	const char *kind;
	int rc, retired;

	st = pm_db_stmt(db, "SELECT kind, urgent, emergency, retired"
	    " FROM categories WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = step_found(db, st, "read category", "category", code)) != 0)
		return rc;
	kind = pm_col_text(st, 0);
	snprintf(c->kind, sizeof c->kind, "%s", kind != NULL ? kind : "");
	c->urgent = sqlite3_column_int(st, 1);
	c->emergency = sqlite3_column_int(st, 2);
	retired = sqlite3_column_int(st, 3);
	sqlite3_reset(st);
	if (retired)
		return pm_err(PM_EX_DATAERR, "category '%s': retired", code);
	return 0;
}

static int
check_unit(struct pm_db *db, const char *code)
{
	sqlite3_stmt *st;
	int rc, retired;

	st = pm_db_stmt(db, "SELECT retired FROM units WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = step_found(db, st, "read unit", "unit", code)) != 0)
		return rc;
	retired = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (retired)
		return pm_err(PM_EX_DATAERR, "unit '%s': retired", code);
	return 0;
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
	if (rc != SQLITE_DONE)
		rc = pm_db_error(db, "read tickets");
	else
		rc = 0;
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

/* Check and complete what a new ticket says: kind, source, time, who. */
static int
check_new(struct pm_db *db, const struct pm_ticket_new *n,
    const struct category *c, const char **kind, const char **source,
    pm_time *received, const char **receiver)
{
	char buf[PM_TIME_LOCAL_LEN];
	pm_time now = pm_now();
	int rc;

	if (n->kind != NULL) {
		if ((*kind = pm_ticket_kind(n->kind)) == NULL)
			return pm_err(PM_EX_DATAERR, "kind '%.40s': not a "
			    "ticket kind (choose repair, complaint, inquiry or "
			    "suggestion)", n->kind);
	} else if ((*kind = pm_ticket_kind(c->kind)) == NULL)
		return pm_err(PM_EX_DATAERR, "category '%s' has no kind: give "
		    "one (repair, complaint, inquiry or suggestion)",
		    n->category);
	*source = n->source != NULL ? pm_ticket_source(n->source) : "phone";
	if (*source == NULL)
		return pm_err(PM_EX_DATAERR, "source '%.40s': not a source "
		    "(choose phone, walk-in, visit, inspection or online)",
		    n->source);
	if ((rc = pm_ticket_check_text("description", n->description)) != 0)
		return rc;
	*received = n->received != 0 ? n->received : now;
	/* The time as the user wrote it: the local form drops seconds. */
	if (*received > now)
		return pm_err(PM_EX_DATAERR, "received time '%.60s': in the "
		    "future", n->received_text != NULL ? n->received_text :
		    pm_time_local(*received, buf));
	*receiver = n->receiver != NULL ? n->receiver : db->user;
	if ((rc = tk_staff(db, *receiver, NULL)) != 0)
		return rc;
	/* Whoever types it in must be staff too, when not the receiver. */
	if (strcmp(*receiver, db->user) != 0)
		return tk_staff(db, db->user, NULL);
	return 0;
}

int
pm_ticket_add(struct pm_db *db, const struct pm_ticket_new *n, int64_t *id)
{
	char b[PM_DUE_N + 1][PM_TIME_UTC_LEN], why[128], detail[192];
	const char *kind = NULL, *source = NULL, *receiver = NULL;
	const struct pm_calendar *cal;
	struct pm_ticket_sla sla;
	struct category c;
	pm_time received = 0, due[PM_DUE_N];
	sqlite3_stmt *st;
	int rc, level = 3, k;

	if (n->category == NULL || n->unit == NULL)
		return pm_err(PM_EX_USAGE, "a ticket needs a category and a "
		    "unit");
	if ((rc = get_category(db, n->category, &c)) != 0 ||
	    (rc = check_unit(db, n->unit)) != 0 ||
	    (rc = check_new(db, n, &c, &kind, &source, &received,
	    &receiver)) != 0)
		return rc;
	if ((cal = pm_db_calendar(db)) == NULL)
		return pm_err_code();
	if ((rc = pm_ticket_sla_load(db, cal, &sla)) != 0 ||
	    (rc = level_of(db, cal, &sla, n, &c, received, why, sizeof why,
	    &level)) != 0)
		return rc;
	pm_ticket_deadlines(cal, &sla, level, c.emergency, received, due);

	st = pm_db_stmt(db, "INSERT INTO tickets(kind, category, unit, source,"
	    " description, level, level_reason, receiver, received_at,"
	    " notice_due, onsite_due, same_day_due, feedback_due,"
	    " completion_due) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
	    " ?10, ?11, ?12, ?13, ?14)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, kind);
	pm_bind_text(st, 2, n->category);
	pm_bind_text(st, 3, n->unit);
	pm_bind_text(st, 4, source);
	pm_bind_text(st, 5, n->description);
	pm_bind_int(st, 6, level);
	pm_bind_text(st, 7, why);
	pm_bind_text(st, 8, receiver);
	pm_bind_text(st, 9, pm_time_utc(received, b[PM_DUE_N]));
	for (k = 0; k < PM_DUE_N; k++)
		pm_bind_text(st, 10 + k, tk_utc(due[k], b[k]));
	if ((rc = pm_db_step_done(db, st, "add ticket")) != 0)
		return rc;
	*id = sqlite3_last_insert_rowid(db->h);
	snprintf(detail, sizeof detail, "%s %s at %s, level %d (%s)", kind,
	    n->category, n->unit, level, why);
	return tk_record(db, *id, "add", NULL, "new", detail);
}
