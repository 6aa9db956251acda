/*
 * kpi_ticket.c - the service desk's figures: complaint and repair
 * timeliness, the callback rate, callback satisfaction and first-time
 * fix, counted from the tickets' events as they stood at the period's
 * end (DESIGN.md section 6; every rule is written in pm-report(1)).
 *
 * One pass reads the repairs and complaints that fall due in the period
 * or were resolved in it, with their events up to the cut, in one
 * statement, and folds each ticket's events into a struct kt; the rules
 * are functions of that struct alone, so the figure, its explanation and
 * the appraisal agree by construction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "kpi_ticket.h"
#include "text.h"

#define ID_LEN 24

/* Whether the comma list 'meets' names deadline 'what' as met. */
static int
meets(const char *list, const char *what)
{
	size_t n = strlen(what);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, what, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return 0;
}

static void
copy(char *dst, const char *src)
{
	snprintf(dst, KT_LOGIN, "%s", src != NULL ? src : "");
}

/* Start 't' from the ticket columns of the row. */
static void
kt_start(struct kt *t, sqlite3_stmt *st)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->complaint = strcmp(pm_col_text(st, 1), "complaint") == 0;
	copy(t->receiver, pm_col_text(st, 2));
	t->received = pm_kpi_col_time(st, 3);
	t->first_due = pm_kpi_col_time(st, 4);
	t->in_home = sqlite3_column_int(st, 12);
}

/* Apply the event of the row to 't'. */
static void
kt_event(struct kt *t, sqlite3_stmt *st, const struct pm_period *p)
{
	const char *ev = pm_col_text(st, 6);
	pm_time at = pm_kpi_col_time(st, 5);

	snprintf(t->status, sizeof t->status, "%s", pm_col_text(st, 7));
	if (pm_col_text(st, 9) != NULL)
		t->feedback_due = pm_kpi_col_time(st, 9);
	if (pm_col_text(st, 10) != NULL)
		t->completion_due = pm_kpi_col_time(st, 10);
	if (t->feedback_met == 0 && meets(pm_col_text(st, 11), "feedback"))
		t->feedback_met = at;
	if (strcmp(ev, "resolve") == 0) {
		if (t->first_resolved == 0)
			t->first_resolved = at;
		if (at >= p->from) {
			t->resolved_in++;
			t->last_resolve = at;
			copy(t->resolver, pm_col_text(st, 8));
			t->called_back = 0;
		}
	} else if (strcmp(ev, "callback") == 0) {
		if (t->last_resolve != 0 && t->called_back == 0)
			t->called_back = at;
	} else if (strcmp(ev, "reopen") == 0)
		t->reopens++;
	else if (strcmp(ev, "cancel") == 0)
		t->cancelled = at;
	else if (strcmp(ev, "wait") == 0)
		t->wait_start = at;
}

int
kt_each(struct pm_db *db, const struct pm_period *p,
    int (*fn)(const struct kt *t, void *arg), void *arg)
{
	char f[PM_TIME_UTC_LEN], to[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	struct kt t;
	int64_t id;
	int rc = 0, sr, have = 0;

	/*
	 * The candidates: due in the period as received, due in it as a
	 * resumed pause moved the deadline, or resolved in it; then each
	 * one's events before the cut, in order.
	 */
	st = pm_db_stmt(db, "WITH c(id) AS MATERIALIZED ("
	    " SELECT id FROM tickets WHERE (kind = 'repair' OR"
	    "  kind = 'complaint') AND first_completion_due >= ?1"
	    "  AND first_completion_due < ?3"
	    " UNION SELECT ticket_id FROM ticket_events"
	    "  WHERE event = 'resume' AND completion_due IS NOT NULL"
	    "  AND completion_due >= ?1 AND completion_due < ?3 AND at < ?2"
	    " UNION SELECT ticket_id FROM ticket_events"
	    "  WHERE at >= ?1 AND at < ?2 AND event = 'resolve')"
	    " SELECT t.id, t.kind, t.receiver, t.received_at,"
	    "  t.first_completion_due, e.at, e.event, e.status, e.assignee,"
	    "  e.feedback_due, e.completion_due, e.meets,"
	    "  t.kind = 'repair' AND u.kind = 'unit'"
	    " FROM c CROSS JOIN tickets t ON t.id = c.id"
	    " CROSS JOIN units u ON u.code = t.unit"
	    " CROSS JOIN ticket_events e ON e.ticket_id = t.id"
	    " WHERE (t.kind = 'repair' OR t.kind = 'complaint')"
	    "  AND e.at < ?2 ORDER BY t.id, e.at, e.id");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	/* Every report statement binds ?1 from, ?2 cut, ?3 to. */
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	pm_bind_text(st, 3, pm_time_utc(p->to, to));
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (have && id != t.id) {
			if ((rc = fn(&t, arg)) != 0)
				break;
			have = 0;
		}
		if (!have) {
			kt_start(&t, st);
			have = 1;
		}
		kt_event(&t, st, p);
	}
	if (rc == 0 && sr != SQLITE_ROW && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read ticket events");
	else if (rc == 0 && have)
		rc = fn(&t, arg);
	sqlite3_reset(st);
	return rc;
}

static int
rec(struct pm_kpi_rec *r, int num, int den, const char *reason, pm_time due,
    pm_time at)
{
	r->num = num;
	r->den = den;
	r->reason = reason;
	r->due = due;
	r->at = at;
	return 1;
}

/*
 * Timeliness (pm-report(1), "Complaint handling timeliness" and "Repair
 * timeliness").  The first resolution is judged against the deadline in
 * force at the cut; a reopen counts against first-time fix, not here.
 */
int
kt_timeliness(const struct kt *t, const struct pm_period *p,
    struct pm_kpi_rec *r)
{
	pm_time due = t->completion_due;
	int on_time, feedback;

	if (due < p->from || due >= p->to) {
		/* Due here as received, and moved out by a pause. */
		if (t->first_due >= p->from && t->first_due < p->to &&
		    due >= p->to)
			return rec(r, 0, 0, "moved", due, 0);
		return 0;
	}
	on_time = t->first_resolved != 0 && t->first_resolved <= due;
	feedback = !t->complaint || t->feedback_due == 0 ||
	    (t->feedback_met != 0 && t->feedback_met <= t->feedback_due);
	if (on_time && feedback)
		return rec(r, 1, 1, "met", due, t->first_resolved);
	if (on_time)
		return rec(r, 0, 1, "feedback_late", t->feedback_due,
		    t->feedback_met);
	if (t->cancelled != 0 && t->cancelled < due)
		return rec(r, 0, 0, "cancelled", due, t->cancelled);
	/* A pause that began before the deadline has suspended it. */
	if (strcmp(t->status, "waiting") == 0 && t->wait_start < due)
		return rec(r, 0, 0, "paused", due, t->wait_start);
	if (due >= p->cut)
		return rec(r, 0, 0, "not_due", due, 0);
	if (t->first_resolved != 0)
		return rec(r, 0, 1, "late", due, t->first_resolved);
	if (t->cancelled != 0)
		return rec(r, 0, 1, "cancelled_late", due, t->cancelled);
	return rec(r, 0, 1, "overdue", due, 0);
}

int
kt_callback(const struct kt *t, struct pm_kpi_rec *r)
{
	if (t->resolved_in == 0)
		return 0;
	if (t->called_back != 0)
		return rec(r, 1, 1, "called_back", 0, t->called_back);
	return rec(r, 0, 1, "not_called_back", 0, t->last_resolve);
}

int
kt_first_fix(const struct kt *t, struct pm_kpi_rec *r)
{
	if (t->resolved_in == 0)
		return 0;
	if (t->reopens == 0)
		return rec(r, 1, 1, "fixed", 0, t->last_resolve);
	return rec(r, 0, 1, "reopened", 0, t->last_resolve);
}

int
kt_satisfied(const char *s)
{
	return s != NULL && (strcmp(s, "satisfied") == 0 ||
	    strcmp(s, "basic") == 0);
}

int
kt_each_callback(struct pm_db *db, const struct pm_period *p,
    int (*fn)(const struct kt_cb *c, void *arg), void *arg)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	const char *detail, *sep;
	struct kt_cb c;
	sqlite3_stmt *st;
	int rc = 0, sr;

	st = pm_db_stmt(db, "SELECT e.ticket_id, e.at, e.satisfaction,"
	    " e.assignee, e.who, e.detail, t.kind, t.category, t.unit,"
	    " u.kind = 'unit' AND t.kind = 'repair'"
	    " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
	    " JOIN units u ON u.code = t.unit"
	    " WHERE e.at >= ?1 AND e.at < ?2 AND e.event = 'callback'"
	    " ORDER BY e.ticket_id, e.at, e.id");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.ticket = sqlite3_column_int64(st, 0);
		c.at = pm_kpi_col_time(st, 1);
		c.satisfaction = pm_col_text(st, 2);
		c.assignee = pm_col_text(st, 3);
		c.by = pm_col_text(st, 4);
		/* The event says "satisfied: what the owner said". */
		detail = pm_col_text(st, 5);
		if (detail != NULL && (sep = strstr(detail, ": ")) != NULL)
			c.comment = sep + 2;
		c.kind = pm_col_text(st, 6);
		c.category = pm_col_text(st, 7);
		c.unit = pm_col_text(st, 8);
		c.in_home = sqlite3_column_int(st, 9);
		if ((rc = fn(&c, arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_ROW && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read callbacks");
	sqlite3_reset(st);
	return rc;
}

/*
 * The source: its figures and their records.
 */

enum { F_COMPLAINT, F_REPAIR, F_CALLBACK, F_SATISFACTION, F_FIRST_FIX,
	F_N };

static const char *const ticket_kpis[F_N + 1] = {
	"complaint_timeliness", "repair_timeliness", "callback_rate",
	"callback_satisfaction", "first_time_fix", NULL
};

struct tally {
	const struct pm_period *p;
	int64_t num[F_N], den[F_N];
	/* explain: the figure asked for and where its records go */
	int want;
	pm_kpi_rec_fn rec;
	void *arg;
};

static int
put(struct tally *x, int fig, int64_t id, const struct pm_kpi_rec *r)
{
	struct pm_kpi_rec out = *r;
	char idb[ID_LEN];

	x->num[fig] += r->num;
	x->den[fig] += r->den;
	if (x->rec == NULL || x->want != fig)
		return 0;
	snprintf(idb, sizeof idb, "%lld", (long long)id);
	out.record = idb;
	return x->rec(&out, x->arg);
}

static int
tally_ticket(const struct kt *t, void *arg)
{
	struct tally *x = arg;
	struct pm_kpi_rec r;
	int rc = 0;

	memset(&r, 0, sizeof r);
	if (kt_timeliness(t, x->p, &r))
		rc = put(x, t->complaint ? F_COMPLAINT : F_REPAIR, t->id, &r);
	if (rc == 0 && kt_callback(t, &r))
		rc = put(x, F_CALLBACK, t->id, &r);
	if (rc == 0 && kt_first_fix(t, &r))
		rc = put(x, F_FIRST_FIX, t->id, &r);
	return rc;
}

static int
tally_callback(const struct kt_cb *c, void *arg)
{
	struct tally *x = arg;
	struct pm_kpi_rec r;

	memset(&r, 0, sizeof r);
	r.num = kt_satisfied(c->satisfaction);
	r.den = 1;
	r.reason = c->satisfaction;
	r.at = c->at;
	return put(x, F_SATISFACTION, c->ticket, &r);
}

/* Run the passes a figure needs ('want' -1: all of them). */
static int
tally(struct pm_db *db, const struct pm_period *p, struct tally *x)
{
	int rc;

	x->p = p;
	if (x->want != F_SATISFACTION && (rc = kt_each(db, p, tally_ticket,
	    x)) != 0)
		return rc;
	if (x->want < 0 || x->want == F_SATISFACTION)
		return kt_each_callback(db, p, tally_callback, x);
	return 0;
}

static int
ticket_count(struct pm_db *db, const struct pm_period *p, pm_kpi_fig_fn fig,
    void *arg)
{
	struct pm_kpi_fig f;
	struct tally x;
	int rc, i;

	memset(&x, 0, sizeof x);
	x.want = -1;
	if ((rc = tally(db, p, &x)) != 0)
		return rc;
	for (i = 0; i < F_N; i++) {
		memset(&f, 0, sizeof f);
		f.kpi = ticket_kpis[i];
		f.unit = PM_KPI_COUNT;
		f.num = x.num[i];
		f.den = x.den[i];
		f.target = PM_KPI_ESTATE;
		if ((rc = fig(&f, arg)) != 0)
			return rc;
	}
	return 0;
}

static int
ticket_explain(struct pm_db *db, const struct pm_period *p, const char *kpi,
    pm_kpi_rec_fn fn, void *arg)
{
	struct tally x;

	memset(&x, 0, sizeof x);
	for (x.want = 0; x.want < F_N; x.want++)
		if (strcmp(ticket_kpis[x.want], kpi) == 0)
			break;
	if (x.want == F_N)
		return pm_err(PM_EX_SOFTWARE, "tickets: no figure %s", pm_q(kpi));
	x.rec = fn;
	x.arg = arg;
	return tally(db, p, &x);
}

const struct pm_kpi_source pm_kpi_tickets = {
	.name = "tickets",
	.kpis = ticket_kpis,
	.count = ticket_count,
	.explain = ticket_explain
};
