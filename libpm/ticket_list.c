/*
 * ticket_list.c - what the desk reads: the ticket, event and category
 * record types, the daily pending list, the period's counts, and the
 * deadlines that are due.
 *
 * Lists of open tickets read the view open_tickets, which keeps its own
 * small index whatever the statistics say.  A past day is read from the
 * facts: the stretches during which tickets were unresolved
 * (ticket_spans) say which ones were open at its end, and each one's
 * events say how it stood then (pm_ticket_at()).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"
#include "staff.h"
#include "ticket_priv.h"
#include "unit.h"

#define SUMMARY_CHARS 20
#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/*
 * SQL functions, so that the lists ask the C rules rather than a second
 * copy of them in SQL: pm_ticket_next_due() and pm_ticket_overdue() of
 * the deadline and met columns, at pm_now().
 */

/* The deadline columns as SQL passes them: status, then due/met pairs. */
#define TK_DEADLINE_ARGS "t.status, t.notice_due, t.noticed_at," \
	" t.onsite_due, t.onsite_at, t.same_day_due, t.resolved_at," \
	" t.feedback_due, t.feedback_at, t.completion_due, t.resolved_at"

static pm_time
arg_time(sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);
	pm_time t;

	return s != NULL && pm_time_parse_utc(s, &t) == 0 ? t : 0;
}

/* A ticket with only the status and deadlines, from the arguments. */
static void
from_args(sqlite3_value **argv, struct pm_ticket *t)
{
	int k;

	memset(t, 0, sizeof *t);
	t->status = (char *)sqlite3_value_text(argv[0]);
	if (t->status == NULL)
		t->status = (char *)"closed";
	for (k = 0; k < PM_DUE_N; k++) {
		t->due[k] = arg_time(argv[1 + 2 * k]);
		t->met[k] = arg_time(argv[2 + 2 * k]);
	}
}

static void
fn_next_due(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[PM_TIME_UTC_LEN];
	enum pm_ticket_due k;
	struct pm_ticket t;
	pm_time next;

	from_args(argv, &t);
	next = tk_open(t.status) ? tk_next_due(&t, pm_now(), 0, &k) : 0;
	if (next == 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_text(ctx, pm_time_utc(next, buf), -1,
		    SQLITE_TRANSIENT);
}

static void
fn_overdue(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pm_ticket t;

	from_args(argv, &t);
	sqlite3_result_int(ctx, tk_overdue_at(&t, pm_now()));
}

static void
setup(struct pm_db *db)
{
	/* Once per connection: defining a function again expires plans. */
	if (db->ticket_functions)
		return;
	db->ticket_functions = 1;
	sqlite3_create_function(db->h, "pm_ticket_next_due",
	    1 + 2 * PM_DUE_N, SQLITE_UTF8, NULL, fn_next_due, NULL, NULL);
	sqlite3_create_function(db->h, "pm_ticket_overdue", 1 + 2 * PM_DUE_N,
	    SQLITE_UTF8, NULL, fn_overdue, NULL, NULL);
}

/*
 * The ticket record type.
 */

enum {
	OPT_ALL = PM_OPT_LONG,
	OPT_STATUS,
	OPT_BUILDING,
	OPT_RECEIVER,
	OPT_ASSIGNEE,
	OPT_OVERDUE,
	OPT_SINCE,
	OPT_UNTIL
};

static const struct pm_field ticket_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "t.id", 0, NULL),
	PM_FIELD(N_("received"), PM_F_TIME, "t.received_at", 0, NULL),
	PM_FIELD(N_("level"), PM_F_INT, "t.level", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "t.kind", 0, &pm_v_ticket_kind),
	PM_FIELD(N_("category"), PM_F_TEXT, "t.category", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "t.unit", 0, NULL),
	PM_FIELD(N_("status"), PM_F_TEXT, "t.status", 0, &pm_v_ticket_status),
	PM_FIELD(N_("receiver"), PM_F_TEXT, "t.receiver", 0, NULL),
	PM_FIELD(N_("assignee"), PM_F_TEXT, "t.assignee", 0, NULL),
	PM_FIELD(N_("next_due"), PM_F_DEADLINE,
	    "pm_ticket_next_due(" TK_DEADLINE_ARGS ")", PM_F_LIST, NULL),
	PM_FIELD(N_("source"), PM_F_TEXT, "t.source", PM_F_SHOW, &pm_v_source),
	PM_FIELD(N_("level_reason"), PM_F_TEXT, "t.level_reason", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("escalated"), PM_F_INT, "t.escalated", PM_F_SHOW, NULL),
	PM_FIELD(N_("first_level"), PM_F_INT, "t.first_level", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("notice_due"), PM_F_DEADLINE, "t.notice_due", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("noticed_at"), PM_F_TIME, "t.noticed_at", PM_F_SHOW, NULL),
	PM_FIELD(N_("onsite_due"), PM_F_DEADLINE, "t.onsite_due", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("onsite_at"), PM_F_TIME, "t.onsite_at", PM_F_SHOW, NULL),
	PM_FIELD(N_("same_day_due"), PM_F_DEADLINE, "t.same_day_due",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("feedback_due"), PM_F_DEADLINE, "t.feedback_due",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("feedback_at"), PM_F_TIME, "t.feedback_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("completion_due"), PM_F_DEADLINE, "t.completion_due",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("first_completion_due"), PM_F_DEADLINE,
	    "t.first_completion_due", PM_F_SHOW, NULL),
	PM_FIELD(N_("resolved_at"), PM_F_TIME, "t.resolved_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("resolved_by"), PM_F_TEXT, "t.resolved_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("first_resolved_at"), PM_F_TIME, "t.first_resolved_at",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("callback_at"), PM_F_TIME, "t.callback_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("callback_by"), PM_F_TEXT, "t.callback_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("satisfaction"), PM_F_TEXT, "t.satisfaction", PM_F_SHOW,
	    &pm_v_satisfaction),
	PM_FIELD(N_("callback_comment"), PM_F_TEXT, "t.callback_comment",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("closed_at"), PM_F_TIME, "t.closed_at", PM_F_SHOW, NULL),
	PM_FIELD(N_("cancelled_at"), PM_F_TIME, "t.cancelled_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("paused_at"), PM_F_TIME, "t.paused_at", PM_F_SHOW, NULL),
	PM_FIELD(N_("wait_reason"), PM_F_TEXT, "t.wait_reason", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("paused_total"), PM_F_SECONDS, "t.paused_seconds",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("reopen_count"), PM_F_INT, "t.reopen_count", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("description"), PM_F_TEXT, "t.description", 0, NULL),
	PM_FIELD_END
};

static const struct pm_filter ticket_filters[] = {
	{ .opt = { "all", 'a', NULL,
	    N_("every status (default: the open ones, not closed or "
	    "cancelled)") }, .kind = PM_FILTER_ALL },
	{ .opt = { "status", OPT_STATUS, N_("status"),
	    N_("one status or a comma list: new, assigned, in_progress, "
	    "waiting, resolved, called_back, closed, cancelled, open") },
	    .kind = PM_FILTER_LIST, .sql = "t.status IN (?*)",
	    .vocab = &pm_v_ticket_status, .replaces_default = 1,
	    .within = "open" },
	{ .opt = { "kind", 'k', N_("kind"),
	    N_("repair, complaint, inquiry or suggestion (报修, 投诉, 咨询, "
	    "建议)") }, .kind = PM_FILTER_EQ, .sql = "t.kind = ?",
	    .vocab = &pm_v_ticket_kind },
	{ .opt = { "level", 'l', N_("level"), N_("information level 1, 2 or 3") },
	    .kind = PM_FILTER_EQ, .sql = "t.level = ?", .vocab = &pm_v_level },
	{ .opt = { "category", 'c', N_("code"),
	    N_("a category (see pm-ticket categories)") },
	    .kind = PM_FILTER_EQ, .sql = "t.category = ?",
	    .ref = &pm_category_type },
	{ .opt = { "unit", 'u', N_("code"),
	    N_("a unit, public area or common part") },
	    .kind = PM_FILTER_EQ, .sql = "t.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "building", OPT_BUILDING, N_("code"),
	    N_("the units and common parts of a building") },
	    .kind = PM_FILTER_EQ,
	    .sql = "t.unit IN (SELECT code FROM units WHERE building = ?)",
	    .ref = &pm_building_type },
	{ .opt = { "receiver", OPT_RECEIVER, N_("login"),
	    N_("received by this staff member (首问负责人)") },
	    .kind = PM_FILTER_EQ, .sql = "t.receiver = ?",
	    .ref = &pm_staff_type },
	{ .opt = { "assignee", OPT_ASSIGNEE, N_("login"),
	    N_("assigned to this staff member") },
	    .kind = PM_FILTER_EQ, .sql = "t.assignee = ?",
	    .ref = &pm_staff_type },
	{ .opt = { "overdue", OPT_OVERDUE, NULL,
	    N_("a notice, onsite, feedback or completion deadline has "
	    "passed and is not met") }, .kind = PM_FILTER_FLAG,
	    .sql = "pm_ticket_overdue(" TK_DEADLINE_ARGS ")" },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("received at or after (a day, month or year: from its "
	    "start)") }, .kind = PM_FILTER_SINCE, .sql = "t.received_at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("received before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "t.received_at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_ticket_type = {
	.name = N_("ticket"),
	.from = "tickets t",
	.from_default = "open_tickets t",
	.key = "t.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "t.received_at, t.id",
	.fields = ticket_fields,
	.filters = ticket_filters,
	.not_found = N_("ticket %s: no such ticket"),
	.list_cmd = "pm-ticket list",
	.setup = setup
};

static const struct pm_field event_fields[] = {
	PM_FIELD(N_("ticket_id"), PM_F_INT, "e.ticket_id", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "e.at", 0, NULL),
	PM_FIELD(N_("who"), PM_F_TEXT, "e.who", 0, NULL),
	PM_FIELD(N_("action"), PM_F_TEXT, "e.event", 0, &pm_v_event),
	PM_FIELD(N_("from_status"), PM_F_TEXT, "e.from_status", 0,
	    &pm_v_ticket_status),
	PM_FIELD(N_("to_status"), PM_F_TEXT, "e.status", 0,
	    &pm_v_ticket_status),
	PM_FIELD(N_("detail"), PM_F_TEXT, "e.detail", 0, NULL),
	PM_FIELD_END
};

static const struct pm_filter event_filters[] = {
	{ .opt = { "ticket", 't', N_("id"), N_("the events of this ticket") },
	    .kind = PM_FILTER_EQ, .sql = "e.ticket_id = ?",
	    .ref = &pm_ticket_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_ticket_event_type = {
	.name = N_("event"),
	.from = "ticket_events e",
	.key = "e.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "e.ticket_id, e.at, e.id",
	.fields = event_fields,
	.filters = event_filters,
	.not_found = N_("event %s: no such event")
};

static const struct pm_field category_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "c.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "c.name", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "c.kind", 0, &pm_v_ticket_kind),
	PM_FIELD(N_("level"), PM_F_INT, "CASE WHEN c.urgent THEN 1 END", 0,
	    NULL),
	PM_FIELD(N_("emergency"), PM_F_INT, "c.emergency", 0, NULL),
	PM_FIELD(N_("department"), PM_F_TEXT, "c.department", 0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "c.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_category_type = {
	.name = N_("category"),
	.from = "categories c",
	.key = "c.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "c.retired = 0",
	.order = "c.kind, c.code",
	.fields = category_fields,
	.not_found = N_("category %s: no such category"),
	.list_cmd = "pm-ticket categories"
};

/*
 * pending and stats: the tickets unresolved at a moment.
 */

const struct pm_col pm_ticket_pending_cols[] = {
	{ N_("id"), PM_COL_INT, NULL },
	{ N_("received"), PM_COL_TEXT, NULL },
	{ N_("level"), PM_COL_INT, NULL },
	{ N_("kind"), PM_COL_TEXT, &pm_v_ticket_kind },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("status"), PM_COL_TEXT, &pm_v_ticket_status },
	{ N_("receiver"), PM_COL_TEXT, NULL },
	{ N_("assignee"), PM_COL_TEXT, NULL },
	{ N_("age"), PM_COL_INT, NULL },
	{ N_("next"), PM_COL_TEXT, &pm_v_deadline },
	{ N_("next_due"), PM_COL_TEXT, NULL },
	{ N_("summary"), PM_COL_TEXT, NULL },
};
const int pm_ticket_pending_ncols = NCOLS(pm_ticket_pending_cols);

/*
 * Call 'fn' with each ticket unresolved at 'at' and received before
 * 'end', as it stood at 'at', oldest first.  The candidates are the
 * stretches that cover 'at', each class read only as far back as its
 * longest stretch lasts, and the tickets unresolved now that were so
 * since before 'at'.
 */
static int
each_unresolved(struct pm_db *db, pm_time at, pm_time end,
    int (*fn)(const struct pm_ticket *t, void *arg), void *arg)
{
	static const int64_t longest[4] = { 86400, 7 * 86400, 31 * 86400,
	    366 * 86400 };
	char b[6][PM_TIME_UTC_LEN];
	struct pm_ticket t;
	sqlite3_stmt *st, *ev = NULL;
	int rc, sr = SQLITE_DONE, k, now = at >= pm_now() && at < end;

	/*
	 * Unless the period is still running ('at' is now), 'at' is its
	 * end, and what happens at its end belongs to the next one, as
	 * the counts of events take [from, to): so read the tickets as
	 * they stood one second before (times are kept to the second).
	 * Otherwise a resolve at 00:00:00 would take a ticket off the day
	 * before's list, and a reopen at 00:00:00 put one on it.
	 */
	if (!now)
		at--;
	st = pm_db_stmt(db, "WITH c(cid) AS MATERIALIZED ("
	    " SELECT ticket_id FROM ticket_spans WHERE class = 0"
	    "  AND opened_at > ?3 AND opened_at <= ?1 AND closed_at > ?1"
	    " UNION ALL SELECT ticket_id FROM ticket_spans WHERE class = 1"
	    "  AND opened_at > ?4 AND opened_at <= ?1 AND closed_at > ?1"
	    " UNION ALL SELECT ticket_id FROM ticket_spans WHERE class = 2"
	    "  AND opened_at > ?5 AND opened_at <= ?1 AND closed_at > ?1"
	    " UNION ALL SELECT ticket_id FROM ticket_spans WHERE class = 3"
	    "  AND opened_at > ?6 AND opened_at <= ?1 AND closed_at > ?1"
	    " UNION ALL SELECT ticket_id FROM ticket_spans WHERE class = 4"
	    "  AND opened_at <= ?1 AND closed_at > ?1"
	    " UNION ALL SELECT id FROM open_tickets"
	    "  WHERE open_since IS NOT NULL AND open_since <= ?1)"
	    " SELECT " TK_COLS " FROM c CROSS JOIN tickets t ON t.id = c.cid"
	    " WHERE t.received_at < ?2 ORDER BY t.received_at, t.id");
	if (st == NULL || (!now && (ev = tk_replay_stmt(db)) == NULL))
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(at, b[0]));
	pm_bind_text(st, 2, pm_time_utc(end, b[1]));
	for (k = 0; k < 4; k++)
		pm_bind_text(st, 3 + k, pm_time_utc(at - longest[k], b[2 + k]));
	/* Each row as it stands, or replayed to 'at'; one pass, no copies. */
	rc = 0;
	while (rc == 0 && (sr = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = tk_from_row(st, &t)) == 0 &&
		    (ev == NULL || (rc = tk_replay(db, ev, b[0], &t)) == 0) &&
		    tk_unresolved(t.status))
			rc = fn(&t, arg);
		pm_ticket_release(&t);
	}
	if (rc == 0 && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read unresolved tickets");
	sqlite3_reset(st);
	return rc;
}

int
pm_ticket_each_unresolved(struct pm_db *db, pm_time at, pm_time end,
    int (*fn)(const struct pm_ticket *t, void *arg), void *arg)
{
	return each_unresolved(db, at, end, fn, arg);
}

struct pending {
	struct pm_out *o;
	pm_time at, end;
};

static int
pending_row(const struct pm_ticket *t, void *arg)
{
	struct pending *p = arg;
	enum pm_ticket_due k = PM_DUE_NOTICE;
	char sum[128];
	pm_time next;

	/* Same-day work is pending once its day (its first one) is over. */
	if (t->first_due[PM_DUE_SAME_DAY] == 0 ||
	    t->first_due[PM_DUE_SAME_DAY] > p->end)
		return 0;
	pm_out_int(p->o, t->id);
	pm_rec_out_time(p->o, t->received, PM_F_TIME);
	pm_out_int(p->o, t->level);
	pm_out_text(p->o, t->kind);
	pm_out_text(p->o, t->category);
	pm_out_text(p->o, t->unit);
	pm_out_text(p->o, t->status);
	pm_out_text(p->o, t->receiver);
	pm_out_text(p->o, t->assignee);
	pm_out_duration(p->o, p->at - t->received);
	next = tk_next_due(t, p->at, 1, &k);
	pm_out_text(p->o, next != 0 ? pm_ticket_due_name(k) : NULL);
	pm_rec_out_time(p->o, next, PM_F_DEADLINE);
	pm_out_text(p->o, tk_summary(t->description, SUMMARY_CHARS, sum,
	    sizeof sum));
	pm_out_row(p->o);
	return 0;
}

int
pm_ticket_pending(struct pm_db *db, pm_time day, struct pm_out *o)
{
	char d[PM_DATE_LEN];
	struct pending p;
	pm_time now = pm_now();

	if (pm_day_start(day) > now)
		return pm_err(PM_EX_DATAERR, "day %s: in the future (the pending "
		    "list is of a day that has begun)", pm_q(pm_date_local(day,
		    d)));
	p.o = o;
	p.end = pm_day_end(day);
	/* "Unresolved at the end of the day" is "now" for today. */
	p.at = now < p.end ? now : p.end;
	return each_unresolved(db, p.at, p.end, pending_row, &p);
}

/*
 * stats
 */

const struct pm_col pm_ticket_stats_cols[] = {
	{ N_("kind"), PM_COL_TEXT, &pm_v_ticket_kind },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("resolved"), PM_COL_INT, NULL },
	{ N_("reopened"), PM_COL_INT, NULL },
	{ N_("cancelled"), PM_COL_INT, NULL },
	{ N_("called_back"), PM_COL_INT, NULL },
	{ N_("satisfied"), PM_COL_INT, NULL },
	{ N_("basic"), PM_COL_INT, NULL },
	{ N_("dissatisfied"), PM_COL_INT, NULL },
	{ N_("escalated"), PM_COL_INT, NULL },
	{ N_("unresolved"), PM_COL_INT, NULL },
	{ N_("pending"), PM_COL_INT, NULL },
	{ N_("overdue"), PM_COL_INT, NULL },
};
const int pm_ticket_stats_ncols = NCOLS(pm_ticket_stats_cols);

enum {
	S_RECEIVED, S_RESOLVED, S_REOPENED, S_CANCELLED, S_CALLED_BACK,
	S_SATISFIED, S_BASIC, S_DISSATISFIED, S_ESCALATED, S_UNRESOLVED,
	S_PENDING, S_OVERDUE, S_N
};

/* Kinds in pm_v_ticket_kind's order, then the total. */
#define NKINDS 4

struct stats {
	int64_t n[NKINDS + 1][S_N];
	pm_time at, end;
};

static void
count(struct stats *s, const char *kind, int what, int64_t by)
{
	int k = pm_vocab_index(&pm_v_ticket_kind, kind);

	if (k >= 0 && k < NKINDS)
		s->n[k][what] += by;
	s->n[NKINDS][what] += by;
}

static int
stats_unresolved(const struct pm_ticket *t, void *arg)
{
	struct stats *s = arg;

	count(s, t->kind, S_UNRESOLVED, 1);
	if (t->first_due[PM_DUE_SAME_DAY] != 0 &&
	    t->first_due[PM_DUE_SAME_DAY] <= s->end)
		count(s, t->kind, S_PENDING, 1);
	if (tk_overdue_at(t, s->at))
		count(s, t->kind, S_OVERDUE, 1);
	return 0;
}

int
pm_ticket_stats(struct pm_db *db, pm_time from, pm_time to,
    struct pm_out *o)
{
	char f[PM_TIME_UTC_LEN], u[PM_TIME_UTC_LEN];
	const char *ev, *sat;
	struct stats s;
	sqlite3_stmt *st;
	pm_time now = pm_now();
	int rc, k, i;

	memset(&s, 0, sizeof s);
	s.end = to;
	s.at = now < to ? now : to;
	pm_time_utc(from, f);
	pm_time_utc(s.at, u);
	st = pm_db_stmt(db, "SELECT kind, count(*) FROM tickets"
	    " WHERE received_at >= ?1 AND received_at < ?2 GROUP BY kind");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, f);
	pm_bind_text(st, 2, u);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		count(&s, pm_col_text(st, 0), S_RECEIVED,
		    sqlite3_column_int64(st, 1));
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "count tickets");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT t.kind, e.event, e.satisfaction, count(*)"
	    " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
	    " WHERE e.at >= ?1 AND e.at < ?2 AND e.event IN ('resolve',"
	    " 'reopen', 'cancel', 'callback', 'escalate')"
	    " GROUP BY t.kind, e.event, e.satisfaction");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, f);
	pm_bind_text(st, 2, u);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ev = pm_col_text(st, 1);
		sat = pm_col_text(st, 2);
		k = strcmp(ev, "resolve") == 0 ? S_RESOLVED :
		    strcmp(ev, "reopen") == 0 ? S_REOPENED :
		    strcmp(ev, "cancel") == 0 ? S_CANCELLED :
		    strcmp(ev, "escalate") == 0 ? S_ESCALATED : S_CALLED_BACK;
		count(&s, pm_col_text(st, 0), k, sqlite3_column_int64(st, 3));
		if (k == S_CALLED_BACK && sat != NULL)
			count(&s, pm_col_text(st, 0), strcmp(sat, "satisfied") ==
			    0 ? S_SATISFIED : strcmp(sat, "basic") == 0 ?
			    S_BASIC : S_DISSATISFIED,
			    sqlite3_column_int64(st, 3));
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "count ticket events");
	sqlite3_reset(st);
	if (rc != 0 || (rc = each_unresolved(db, s.at, s.end,
	    stats_unresolved, &s)) != 0)
		return rc;
	for (k = 0; k <= NKINDS; k++) {
		pm_out_text(o, k < NKINDS ? pm_vocab_id(&pm_v_ticket_kind, k) :
		    "all");
		for (i = 0; i < S_N; i++)
			pm_out_int(o, s.n[k][i]);
		pm_out_row(o);
	}
	return 0;
}

/*
 * due
 */

const struct pm_col pm_ticket_due_cols[] = {
	{ N_("id"), PM_COL_INT, NULL },
	{ N_("level"), PM_COL_INT, NULL },
	{ N_("deadline"), PM_COL_TEXT, &pm_v_deadline },
	{ N_("due"), PM_COL_TEXT, NULL },
	{ N_("overdue"), PM_COL_INT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("receiver"), PM_COL_TEXT, NULL },
	{ N_("assignee"), PM_COL_TEXT, NULL },
	{ N_("summary"), PM_COL_TEXT, NULL },
};
const int pm_ticket_due_ncols = NCOLS(pm_ticket_due_cols);

/* One deadline that is due. */
struct due_row {
	int64_t id;
	enum pm_ticket_due k;
	pm_time due;
};

static int
by_due(const void *a, const void *b)
{
	const struct due_row *x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (int)x->k - (int)y->k;
}

/* Whether an earlier "due --mark" reported this deadline. */
static int
reported(struct pm_db *db, const struct due_row *r, int *yes)
{
	char due[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT 1 FROM ticket_notices WHERE ticket_id = ?1"
	    " AND kind = ?2 AND due = ?3");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, r->id);
	pm_bind_text(st, 2, pm_ticket_due_name(r->k));
	pm_bind_text(st, 3, pm_time_utc(r->due, due));
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : pm_db_error(db,
	    "read notices");
	sqlite3_reset(st);
	return rc;
}

/*
 * The deadlines due by 'limit' not reported yet, sorted, from the open
 * tickets (a few hundred), asking tk_deadline_overdue() of each.
 */
static int
due_rows(struct pm_db *db, pm_time limit, struct due_row **out, size_t *nout)
{
	struct due_row *rows = NULL, *nr, r;
	struct pm_ticket t;
	sqlite3_stmt *st;
	size_t n = 0, cap = 0, i, j;
	int rc, k, yes = 0;

	*out = NULL;
	*nout = 0;
	st = pm_db_stmt(db, "SELECT " TK_COLS " FROM open_tickets");
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (tk_from_row(st, &t) != 0) {
			pm_ticket_release(&t);
			rc = pm_err(PM_EX_SOFTWARE, "out of memory");
			break;
		}
		for (k = 0; k < PM_DUE_N; k++) {
			if (!tk_deadline_overdue(&t, k, limit))
				continue;
			r.id = t.id;
			r.k = k;
			r.due = t.due[k];
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				if ((nr = realloc(rows, cap * sizeof *nr)) ==
				    NULL) {
					pm_ticket_release(&t);
					sqlite3_reset(st);
					free(rows);
					return pm_err(PM_EX_SOFTWARE,
					    "out of memory");
				}
				rows = nr;
			}
			rows[n++] = r;
		}
		pm_ticket_release(&t);
	}
	rc = rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ? rc :
	    pm_db_error(db, "read deadlines");
	sqlite3_reset(st);
	for (i = j = 0; rc == 0 && i < n; i++) {
		if ((rc = reported(db, &rows[i], &yes)) != 0)
			break;
		if (!yes)
			rows[j++] = rows[i];
	}
	n = j;
	if (rc != 0) {
		free(rows);
		return rc;
	}
	/* No deadline at all leaves 'rows' NULL, which qsort() may not take. */
	if (n > 0)
		qsort(rows, n, sizeof *rows, by_due);
	*out = rows;
	*nout = n;
	return 0;
}

int
pm_ticket_due(struct pm_db *db, int64_t within, struct pm_out *o, int *count_)
{
	struct due_row *rows;
	struct pm_ticket t;
	char sum[128];
	pm_time now = pm_now();
	size_t n, i;
	int rc;

	*count_ = 0;
	if ((rc = due_rows(db, now + within, &rows, &n)) != 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = pm_ticket_get(db, rows[i].id, &t)) != 0)
			break;
		pm_out_int(o, t.id);
		pm_out_int(o, t.level);
		pm_out_text(o, pm_ticket_due_name(rows[i].k));
		pm_rec_out_time(o, rows[i].due, PM_F_DEADLINE);
		pm_out_duration(o, now - rows[i].due);
		pm_out_text(o, t.unit);
		pm_out_text(o, t.category);
		pm_out_text(o, t.receiver);
		pm_out_text(o, t.assignee);
		pm_out_text(o, tk_summary(t.description, SUMMARY_CHARS, sum,
		    sizeof sum));
		pm_out_row(o);
		(*count_)++;
		pm_ticket_release(&t);
	}
	free(rows);
	return rc;
}

/* Record that deadline 'r' was reported, so the next run leaves it out. */
static int
mark(struct pm_db *db, const struct due_row *r)
{
	char now[PM_TIME_UTC_LEN], due[PM_TIME_UTC_LEN];
	char local[PM_TIME_LOCAL_LEN], *detail;
	struct pm_ticket b, a;
	sqlite3_stmt *st;
	int rc;

	pm_time_utc(pm_now(), now);
	st = pm_db_stmt(db, "INSERT INTO ticket_notices(ticket_id, kind, due,"
	    " at) VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, r->id);
	pm_bind_text(st, 2, pm_ticket_due_name(r->k));
	pm_bind_text(st, 3, pm_time_utc(r->due, due));
	pm_bind_text(st, 4, now);
	if ((rc = pm_db_step_done(db, st, "mark deadline")) != 0)
		return rc;
	if ((rc = pm_ticket_get(db, r->id, &b)) != 0)
		return rc;
	if ((rc = tk_copy(&a, &b)) != 0) {
		pm_ticket_release(&b);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	/* The report of a notice deadline is the notice itself. */
	if (r->k == PM_DUE_NOTICE && a.met[PM_DUE_NOTICE] == 0)
		a.met[PM_DUE_NOTICE] = pm_now();
	detail = sqlite3_mprintf("%s deadline %s reported",
	    pm_ticket_due_name(r->k), pm_time_local(r->due, local));
	rc = detail == NULL ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    tk_save(db, &b, &a, "due", detail, 0);
	sqlite3_free(detail);
	pm_ticket_release(&b);
	pm_ticket_release(&a);
	return rc;
}

int
pm_ticket_due_mark(struct pm_db *db, int64_t within)
{
	struct due_row *rows;
	size_t n, i;
	int rc;

	if ((rc = due_rows(db, pm_now() + within, &rows, &n)) != 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++)
		rc = mark(db, &rows[i]);
	free(rows);
	return rc;
}

/*
 * Write the report in 'buf' to stdout and flush it, so that a full disk
 * or a closed pipe is known before anything is committed.
 */
static int
put_report(const char *buf, size_t len)
{
	int e;

	errno = 0;
	if (fwrite(buf, 1, len, stdout) == len && fflush(stdout) == 0 &&
	    !ferror(stdout))
		return 0;
	e = errno != 0 ? errno : EIO;
	return pm_err(PM_EX_IOERR, "write error: %s", strerror(e));
}

int
pm_ticket_due_cmd(struct pm_cli *cli, int64_t within, int mark)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int rc, rc2, n = 0;

	/* A report nobody reads marks nothing as reported. */
	if (cli->quiet)
		mark = 0;
	if ((rc = pm_cli_open(cli, mark ? PM_CLI_WRITE : PM_CLI_READ,
	    &db)) != 0)
		return rc;
	if (mark && (rc = pm_db_begin(db)) != 0) {
		pm_db_close(db);
		return rc;
	}
	/* The rows wait in memory: nothing due prints nothing at all. */
	if ((mem = open_memstream(&buf, &len)) == NULL ||
	    (o = pm_out_new(mem, cli->format, cli->header, pm_ticket_due_cols,
	    pm_ticket_due_ncols)) == NULL) {
		if (mem != NULL)
			fclose(mem);
		free(buf);
		pm_db_close(db);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	rc = pm_ticket_due(db, within, o, &n);
	rc2 = pm_out_close(o);
	if (fclose(mem) != 0 && rc2 == 0)
		rc2 = pm_err(PM_EX_SOFTWARE, "out of memory");
	if (rc == 0)
		rc = rc2;
	/*
	 * The marks say "reported": they are kept only once the report is
	 * out.  A report that could not be written is rolled back, so the
	 * next run reports it again.
	 */
	if (rc == 0 && n > 0 && !cli->quiet)
		rc = put_report(buf, len);
	if (mark && rc == 0 && (rc = pm_ticket_due_mark(db, within)) == 0)
		rc = pm_db_commit(db);
	else if (mark)
		pm_db_rollback(db);
	free(buf);
	pm_db_close(db);
	if (rc != 0)
		return rc;
	return n > 0 ? PM_EX_FOUND : 0;
}
