/*
 * ticket_list.c - what the desk reads: list, show, history, the daily
 * pending list and the deadlines that are due.
 *
 * Queries only select; what a row looks like is up to the output
 * writer.  The column sets below are a contract documented in
 * pm-ticket(1) and pinned by golden files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "ticket_priv.h"

#define SUMMARY_CHARS 20
#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct pm_col pm_ticket_list_cols[] = {
	{ "id", PM_COL_INT },
	{ "received", PM_COL_TEXT },
	{ "level", PM_COL_INT },
	{ "kind", PM_COL_TEXT },
	{ "category", PM_COL_TEXT },
	{ "unit", PM_COL_TEXT },
	{ "status", PM_COL_TEXT },
	{ "receiver", PM_COL_TEXT },
	{ "assignee", PM_COL_TEXT },
	{ "next_due", PM_COL_TEXT },
	{ "description", PM_COL_TEXT },
};
const int pm_ticket_list_ncols = NCOLS(pm_ticket_list_cols);

const struct pm_col pm_ticket_show_cols[] = {
	{ "id", PM_COL_INT },
	{ "kind", PM_COL_TEXT },
	{ "category", PM_COL_TEXT },
	{ "unit", PM_COL_TEXT },
	{ "source", PM_COL_TEXT },
	{ "status", PM_COL_TEXT },
	{ "level", PM_COL_INT },
	{ "level_reason", PM_COL_TEXT },
	{ "escalated", PM_COL_INT },
	{ "receiver", PM_COL_TEXT },
	{ "assignee", PM_COL_TEXT },
	{ "received", PM_COL_TEXT },
	{ "notice_due", PM_COL_TEXT },
	{ "noticed_at", PM_COL_TEXT },
	{ "onsite_due", PM_COL_TEXT },
	{ "onsite_at", PM_COL_TEXT },
	{ "same_day_due", PM_COL_TEXT },
	{ "feedback_due", PM_COL_TEXT },
	{ "feedback_at", PM_COL_TEXT },
	{ "completion_due", PM_COL_TEXT },
	{ "resolved_at", PM_COL_TEXT },
	{ "callback_at", PM_COL_TEXT },
	{ "callback_by", PM_COL_TEXT },
	{ "satisfaction", PM_COL_TEXT },
	{ "callback_comment", PM_COL_TEXT },
	{ "closed_at", PM_COL_TEXT },
	{ "cancelled_at", PM_COL_TEXT },
	{ "paused_at", PM_COL_TEXT },
	{ "wait_reason", PM_COL_TEXT },
	{ "paused_total", PM_COL_TEXT },
	{ "reopen_count", PM_COL_INT },
	{ "description", PM_COL_TEXT },
};
const int pm_ticket_show_ncols = NCOLS(pm_ticket_show_cols);

const struct pm_col pm_ticket_history_cols[] = {
	{ "ticket_id", PM_COL_INT },
	{ "at", PM_COL_TEXT },
	{ "who", PM_COL_TEXT },
	{ "action", PM_COL_TEXT },
	{ "from_status", PM_COL_TEXT },
	{ "to_status", PM_COL_TEXT },
	{ "detail", PM_COL_TEXT },
};
const int pm_ticket_history_ncols = NCOLS(pm_ticket_history_cols);

const struct pm_col pm_ticket_pending_cols[] = {
	{ "id", PM_COL_INT },
	{ "received", PM_COL_TEXT },
	{ "level", PM_COL_INT },
	{ "kind", PM_COL_TEXT },
	{ "category", PM_COL_TEXT },
	{ "unit", PM_COL_TEXT },
	{ "status", PM_COL_TEXT },
	{ "receiver", PM_COL_TEXT },
	{ "assignee", PM_COL_TEXT },
	{ "age", PM_COL_TEXT },
	{ "next", PM_COL_TEXT },
	{ "next_due", PM_COL_TEXT },
	{ "summary", PM_COL_TEXT },
};
const int pm_ticket_pending_ncols = NCOLS(pm_ticket_pending_cols);

const struct pm_col pm_ticket_due_cols[] = {
	{ "id", PM_COL_INT },
	{ "level", PM_COL_INT },
	{ "deadline", PM_COL_TEXT },
	{ "due", PM_COL_TEXT },
	{ "overdue", PM_COL_TEXT },
	{ "unit", PM_COL_TEXT },
	{ "category", PM_COL_TEXT },
	{ "receiver", PM_COL_TEXT },
	{ "assignee", PM_COL_TEXT },
	{ "summary", PM_COL_TEXT },
};
const int pm_ticket_due_ncols = NCOLS(pm_ticket_due_cols);

static const char *const statuses[] = {
	"new", "assigned", "in_progress", "waiting", "resolved",
	"called_back", "closed", "cancelled", NULL
};

#define OPEN_STATUSES "'new', 'assigned', 'in_progress', 'waiting'," \
	" 'resolved', 'called_back'"

static void
out_time(struct pm_out *o, pm_time t)
{
	char buf[PM_TIME_LOCAL_LEN];

	pm_out_text(o, t != 0 ? pm_time_local(t, buf) : NULL);
}

/*
 * list
 */

/* The columns the list and the pending list both start with. */
static void
out_list_head(struct pm_out *o, const struct pm_ticket *t)
{
	pm_out_int(o, t->id);
	out_time(o, t->received);
	pm_out_int(o, t->level);
	pm_out_text(o, t->kind);
	pm_out_text(o, t->category);
	pm_out_text(o, t->unit);
	pm_out_text(o, t->status);
	pm_out_text(o, t->receiver);
	pm_out_text(o, t->assignee);
}

/* Append "status IN (...)" for 'spec', a comma list of statuses. */
static int
add_statuses(sqlite3_str *q, const char *spec)
{
	const char *p = spec, *e;
	size_t len;
	int i, n = 0;

	sqlite3_str_appendall(q, " AND status IN (");
	while (*p != '\0') {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len == 4 && strncmp(p, "open", 4) == 0) {
			sqlite3_str_appendf(q, "%s" OPEN_STATUSES, n ? ", " :
			    "");
			n++;
		} else {
			for (i = 0; statuses[i] != NULL; i++)
				if (strlen(statuses[i]) == len &&
				    strncmp(p, statuses[i], len) == 0)
					break;
			if (statuses[i] == NULL)
				return pm_err(PM_EX_USAGE, "status '%.*s': not a "
				    "status (choose open, new, assigned, "
				    "in_progress, waiting, resolved, "
				    "called_back, closed or cancelled)",
				    (int)(len > 40 ? 40 : len), p);
			sqlite3_str_appendf(q, "%s'%s'", n ? ", " : "",
			    statuses[i]);
			n++;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	if (n == 0)
		return pm_err(PM_EX_USAGE, "status '': not a status");
	sqlite3_str_appendall(q, ")");
	return 0;
}

/*
 * Whether a ticket has a deadline that has passed by ?10 and is not met:
 * the notice whatever the status, the others while the work is neither
 * done nor paused.  "due" asks the same, one deadline at a time.
 */
#define OVERDUE_SQL \
	" AND status IN (" OPEN_STATUSES ")" \
	" AND ((noticed_at IS NULL AND notice_due <= ?10)" \
	" OR (status IN ('new', 'assigned', 'in_progress')" \
	" AND ((onsite_at IS NULL AND onsite_due <= ?10)" \
	" OR (feedback_at IS NULL AND feedback_due <= ?10)" \
	" OR completion_due <= ?10)))"

static int
list_query(struct pm_db *db, const struct pm_ticket_filter *f,
    sqlite3_stmt **out)
{
	char b[3][PM_TIME_UTC_LEN];
	sqlite3_str *q = sqlite3_str_new(db->h);
	char *sql;
	int rc = 0;

	sqlite3_str_appendall(q, "SELECT " TK_COLS " FROM tickets WHERE 1");
	if (f->status != NULL)
		rc = add_statuses(q, f->status);
	else if (!f->all)
		sqlite3_str_appendall(q, " AND status IN (" OPEN_STATUSES ")");
	if (f->kind != NULL && pm_ticket_kind(f->kind) == NULL)
		rc = pm_err(PM_EX_USAGE, "kind '%.40s': not a ticket kind "
		    "(choose repair, complaint, inquiry or suggestion)",
		    f->kind);
	if (f->level != 0 && (f->level < 1 || f->level > 3))
		rc = pm_err(PM_EX_USAGE, "level '%d': not a level (1, 2 or 3)",
		    f->level);
	if (f->kind != NULL)
		sqlite3_str_appendall(q, " AND kind = ?1");
	if (f->level != 0)
		sqlite3_str_appendall(q, " AND level = ?2");
	if (f->category != NULL)
		sqlite3_str_appendall(q, " AND category = ?3");
	if (f->unit != NULL)
		sqlite3_str_appendall(q, " AND unit = ?4");
	if (f->building != NULL)
		sqlite3_str_appendall(q, " AND unit IN (SELECT code FROM units"
		    " WHERE building = ?5)");
	if (f->receiver != NULL)
		sqlite3_str_appendall(q, " AND receiver = ?6");
	if (f->assignee != NULL)
		sqlite3_str_appendall(q, " AND assignee = ?7");
	if (f->has_since)
		sqlite3_str_appendall(q, " AND received_at >= ?8");
	if (f->has_until)
		sqlite3_str_appendall(q, " AND received_at < ?9");
	if (f->overdue)
		sqlite3_str_appendall(q, OVERDUE_SQL);
	sqlite3_str_appendall(q, " ORDER BY received_at, id");
	if ((sql = sqlite3_str_finish(q)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (rc != 0) {
		sqlite3_free(sql);
		return rc;
	}
	rc = sqlite3_prepare_v2(db->h, sql, -1, out, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return pm_db_error(db, "list tickets");
	/* Bind what the text uses; the others are not in it. */
	if (f->kind != NULL)
		pm_bind_text(*out, 1, pm_ticket_kind(f->kind));
	if (f->level != 0)
		pm_bind_int(*out, 2, f->level);
	if (f->category != NULL)
		pm_bind_text(*out, 3, f->category);
	if (f->unit != NULL)
		pm_bind_text(*out, 4, f->unit);
	if (f->building != NULL)
		pm_bind_text(*out, 5, f->building);
	if (f->receiver != NULL)
		pm_bind_text(*out, 6, f->receiver);
	if (f->assignee != NULL)
		pm_bind_text(*out, 7, f->assignee);
	if (f->has_since)
		pm_bind_text(*out, 8, pm_time_utc(f->since, b[0]));
	if (f->has_until)
		pm_bind_text(*out, 9, pm_time_utc(f->until, b[1]));
	if (f->overdue)
		pm_bind_text(*out, 10, pm_time_utc(pm_now(), b[2]));
	return 0;
}

/*
 * Check that 'code', a filter value, names a row 'sql' finds (retired
 * ones too, which have old tickets): "unit '9-9-9': no such unit".
 */
static int
must_exist(struct pm_db *db, const char *sql, const char *code,
    const char *what, const char *noun)
{
	int found, rc;

	if (code == NULL)
		return 0;
	if ((rc = pm_db_exists(db, sql, code, "list tickets", &found)) != 0 ||
	    found)
		return rc;
	return pm_err(PM_EX_DATAERR, "%s '%.60s': no such %s", what, code,
	    noun);
}

/*
 * A filter naming something that does not exist is a typo, not a
 * question with the answer "no tickets".
 */
static int
check_names(struct pm_db *db, const struct pm_ticket_filter *f)
{
	int rc;

	if ((rc = must_exist(db, "SELECT 1 FROM units WHERE code = ?1",
	    f->unit, "unit", "unit")) != 0 ||
	    (rc = must_exist(db, "SELECT 1 FROM buildings WHERE code = ?1",
	    f->building, "building", "building")) != 0 ||
	    (rc = must_exist(db, "SELECT 1 FROM categories WHERE code = ?1",
	    f->category, "category", "category")) != 0 ||
	    (rc = must_exist(db, "SELECT 1 FROM staff WHERE login = ?1",
	    f->receiver, "staff", "staff member")) != 0)
		return rc;
	return must_exist(db, "SELECT 1 FROM staff WHERE login = ?1",
	    f->assignee, "staff", "staff member");
}

int
pm_ticket_list(struct pm_db *db, const struct pm_ticket_filter *f,
    struct pm_out *o)
{
	enum pm_ticket_due k;
	struct pm_ticket t;
	sqlite3_stmt *st;
	pm_time now = pm_now(), next;
	int rc;

	if ((rc = list_query(db, f, &st)) != 0)
		return rc;
	if ((rc = check_names(db, f)) != 0) {
		sqlite3_finalize(st);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tk_from_row(st, &t);
		out_list_head(o, &t);
		next = tk_open(t.status) ? tk_next_due(&t, now, 0, &k) : 0;
		out_time(o, next);
		pm_out_text(o, t.description);
		pm_out_row(o);
		pm_ticket_release(&t);
	}
	if (rc != SQLITE_DONE)
		rc = pm_db_error(db, "list tickets");
	else
		rc = 0;
	sqlite3_finalize(st);
	return rc;
}

/*
 * show and history
 */

int
pm_ticket_show(struct pm_db *db, int64_t id, struct pm_out *o)
{
	char dur[32];
	struct pm_ticket t;
	int rc;

	if ((rc = pm_ticket_get(db, id, &t)) != 0)
		return rc;
	pm_out_int(o, t.id);
	pm_out_text(o, t.kind);
	pm_out_text(o, t.category);
	pm_out_text(o, t.unit);
	pm_out_text(o, t.source);
	pm_out_text(o, t.status);
	pm_out_int(o, t.level);
	pm_out_text(o, t.level_reason);
	pm_out_int(o, t.escalated);
	pm_out_text(o, t.receiver);
	pm_out_text(o, t.assignee);
	out_time(o, t.received);
	out_time(o, t.due[PM_DUE_NOTICE]);
	out_time(o, t.met[PM_DUE_NOTICE]);
	out_time(o, t.due[PM_DUE_ONSITE]);
	out_time(o, t.met[PM_DUE_ONSITE]);
	out_time(o, t.due[PM_DUE_SAME_DAY]);
	out_time(o, t.due[PM_DUE_FEEDBACK]);
	out_time(o, t.met[PM_DUE_FEEDBACK]);
	out_time(o, t.due[PM_DUE_COMPLETION]);
	out_time(o, t.resolved);
	out_time(o, t.callback_at);
	pm_out_text(o, t.callback_by);
	pm_out_text(o, t.satisfaction);
	pm_out_text(o, t.callback_comment);
	out_time(o, t.closed);
	out_time(o, t.cancelled);
	out_time(o, t.paused);
	pm_out_text(o, t.wait_reason);
	pm_out_text(o, pm_duration_fmt(t.paused_seconds, dur, sizeof dur));
	pm_out_int(o, t.reopen_count);
	pm_out_text(o, t.description);
	pm_out_row(o);
	pm_ticket_release(&t);
	return 0;
}

int
pm_ticket_history(struct pm_db *db, int64_t id, struct pm_out *o)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT ticket_id, at, who, action, from_status,"
	    " to_status, detail FROM ticket_history WHERE ticket_id = ?1"
	    " ORDER BY id");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_out_int(o, sqlite3_column_int64(st, 0));
		out_time(o, tk_col_time(st, 1));
		pm_out_text(o, pm_col_text(st, 2));
		pm_out_text(o, pm_col_text(st, 3));
		pm_out_text(o, pm_col_text(st, 4));
		pm_out_text(o, pm_col_text(st, 5));
		pm_out_text(o, pm_col_text(st, 6));
		pm_out_row(o);
	}
	if (rc != SQLITE_DONE)
		rc = pm_db_error(db, "read ticket history");
	else
		rc = 0;
	sqlite3_reset(st);
	return rc;
}

/*
 * pending
 */

int
pm_ticket_pending(struct pm_db *db, pm_time day, struct pm_out *o)
{
	char be[PM_TIME_UTC_LEN], bt[PM_TIME_UTC_LEN], dur[32], sum[128];
	enum pm_ticket_due k = PM_DUE_NOTICE;
	struct pm_ticket t;
	sqlite3_stmt *st;
	pm_time end = pm_day_end(day), now = pm_now(), at, next;
	int rc;

	/*
	 * "Open at the end of the day" is "open now" for a day not yet
	 * over.  The candidates come from three indexes: the open statuses
	 * (all there is for today), and tickets received before the end of
	 * the day but resolved or cancelled after it.  The unary + keeps
	 * the planner off the received_at index, which would walk every
	 * ticket received before the day for the sake of the ORDER BY.
	 */
	at = now < end ? now : end;
	st = pm_db_stmt(db, "SELECT " TK_COLS " FROM tickets WHERE id IN ("
	    " SELECT id FROM tickets WHERE status IN (" OPEN_STATUSES ")"
	    " UNION ALL SELECT id FROM tickets"
	    "  WHERE resolved_at > ?2 AND received_at < ?1"
	    " UNION ALL SELECT id FROM tickets"
	    "  WHERE cancelled_at > ?2 AND received_at < ?1)"
	    " AND same_day_due <= ?1 AND +received_at < ?1"
	    " AND (resolved_at IS NULL OR resolved_at > ?2)"
	    " AND (cancelled_at IS NULL OR cancelled_at > ?2)"
	    " ORDER BY received_at, id");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(end, be));
	pm_bind_text(st, 2, pm_time_utc(at, bt));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		tk_from_row(st, &t);
		out_list_head(o, &t);
		pm_out_text(o, pm_duration_fmt(at - t.received, dur,
		    sizeof dur));
		next = tk_next_due(&t, at, 1, &k);
		pm_out_text(o, next != 0 ? pm_ticket_due_name(k) : NULL);
		out_time(o, next);
		pm_out_text(o, tk_summary(t.description, SUMMARY_CHARS, sum,
		    sizeof sum));
		pm_out_row(o);
		pm_ticket_release(&t);
	}
	if (rc != SQLITE_DONE)
		rc = pm_db_error(db, "read pending tickets");
	else
		rc = 0;
	sqlite3_reset(st);
	return rc;
}

/*
 * due
 */

struct due_row {
	int64_t id;
	char kind[16];
	char due[PM_TIME_UTC_LEN];
};

/* Record that 'r' was reported, so the next run leaves it out. */
static int
mark(struct pm_db *db, const struct due_row *r)
{
	char now[PM_TIME_UTC_LEN], local[PM_TIME_LOCAL_LEN], detail[96];
	sqlite3_stmt *st;
	pm_time due = 0;
	int rc;

	pm_time_utc(pm_now(), now);
	st = pm_db_stmt(db, "INSERT INTO ticket_notices(ticket_id, kind, due,"
	    " at) VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, r->id);
	pm_bind_text(st, 2, r->kind);
	pm_bind_text(st, 3, r->due);
	pm_bind_text(st, 4, now);
	if ((rc = pm_db_step_done(db, st, "mark deadline")) != 0)
		return rc;
	/* The report of a notice deadline is the notice itself. */
	if (strcmp(r->kind, "notice") == 0) {
		st = pm_db_stmt(db, "UPDATE tickets SET noticed_at ="
		    " coalesce(noticed_at, ?2) WHERE id = ?1");
		if (st == NULL)
			return pm_err_code();
		pm_bind_int(st, 1, r->id);
		pm_bind_text(st, 2, now);
		if ((rc = pm_db_step_done(db, st, "mark notice")) != 0)
			return rc;
	}
	pm_time_parse_utc(r->due, &due);
	snprintf(detail, sizeof detail, "%s deadline %s reported", r->kind,
	    pm_time_local(due, local));
	return tk_record(db, r->id, "due", NULL, NULL, detail);
}

int
pm_ticket_due(struct pm_db *db, int64_t within, int mark_them,
    struct pm_out *o, int *count)
{
	char lim[PM_TIME_UTC_LEN], dur[32], sum[128];
	struct due_row *rows = NULL, *nr;
	size_t n = 0, cap = 0, i;
	sqlite3_stmt *st;
	pm_time now = pm_now(), due;
	const char *assignee;
	int rc;

	*count = 0;
	/*
	 * One arm per deadline, each over the open statuses; a deadline
	 * reported before (ticket_notices) is left out.  Work paused or
	 * done has only its notice left to miss.
	 */
	st = pm_db_stmt(db, "WITH d(id, kind, due, ord) AS ("
	    " SELECT id, 'notice', notice_due, 0 FROM tickets"
	    "  WHERE status IN (" OPEN_STATUSES ") AND noticed_at IS NULL"
	    "  AND notice_due <= ?1"
	    " UNION ALL SELECT id, 'onsite', onsite_due, 1 FROM tickets"
	    "  WHERE status IN ('new', 'assigned', 'in_progress')"
	    "  AND onsite_at IS NULL AND onsite_due <= ?1"
	    " UNION ALL SELECT id, 'feedback', feedback_due, 2 FROM tickets"
	    "  WHERE status IN ('new', 'assigned', 'in_progress')"
	    "  AND feedback_at IS NULL AND feedback_due <= ?1"
	    " UNION ALL SELECT id, 'completion', completion_due, 3 FROM tickets"
	    "  WHERE status IN ('new', 'assigned', 'in_progress')"
	    "  AND completion_due <= ?1)"
	    " SELECT d.id, t.level, d.kind, d.due, t.unit, t.category,"
	    "  t.receiver, t.assignee, t.description"
	    " FROM d JOIN tickets t ON t.id = d.id"
	    " WHERE NOT EXISTS (SELECT 1 FROM ticket_notices n"
	    "  WHERE n.ticket_id = d.id AND n.kind = d.kind AND n.due = d.due)"
	    " ORDER BY d.due, d.id, d.ord");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(now + within, lim));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		due = tk_col_time(st, 3);
		pm_out_int(o, sqlite3_column_int64(st, 0));
		pm_out_int(o, sqlite3_column_int(st, 1));
		pm_out_text(o, pm_col_text(st, 2));
		out_time(o, due);
		pm_out_text(o, pm_duration_fmt(now - due, dur, sizeof dur));
		pm_out_text(o, pm_col_text(st, 4));
		pm_out_text(o, pm_col_text(st, 5));
		pm_out_text(o, pm_col_text(st, 6));
		assignee = pm_col_text(st, 7);
		pm_out_text(o, assignee);
		pm_out_text(o, tk_summary(pm_col_text(st, 8), SUMMARY_CHARS,
		    sum, sizeof sum));
		pm_out_row(o);
		(*count)++;
		if (!mark_them)
			continue;
		/* Marks wait until the query is done with the table. */
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nr = realloc(rows, cap * sizeof *rows)) == NULL) {
				rc = pm_err(PM_EX_SOFTWARE, "out of memory");
				goto out;
			}
			rows = nr;
		}
		rows[n].id = sqlite3_column_int64(st, 0);
		snprintf(rows[n].kind, sizeof rows[n].kind, "%s",
		    pm_col_text(st, 2));
		snprintf(rows[n].due, sizeof rows[n].due, "%s",
		    pm_col_text(st, 3));
		n++;
	}
	if (rc != SQLITE_DONE) {
		rc = pm_db_error(db, "read deadlines");
		goto out;
	}
	sqlite3_reset(st);
	rc = 0;
	for (i = 0; i < n && rc == 0; i++)
		rc = mark(db, &rows[i]);
out:
	sqlite3_reset(st);
	free(rows);
	return rc;
}
