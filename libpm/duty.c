/*
 * duty.c - shifts, log entries and handovers, and their record types.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "duty.h"
#include "err.h"
#include "i18n.h"
#include "staff.h"
#include "text.h"
#include "vocab.h"

#define CODE_MAX 64
#define TEXT_MAX 2000
#define MAX_TO 8

const struct pm_fact pm_duty_shift_fact = {
	"duty_shifts", N_("shift"), "post, staff, starts, ends",
	"pm-duty shifts"
};

const struct pm_fact pm_duty_entry_fact = {
	"duty_entries", N_("log entry"),
	"post, staff, at, kind, text, handover_to", "pm-duty entries"
};

/* Post 'code' as stored into 'canon'; a retired one is PM_EX_DATAERR. */
static int
post_of(struct pm_db *db, const char *code, char *canon, size_t len)
{
	int rc, retired = 0;
	sqlite3_stmt *st;

	if ((rc = pm_rec_find(db, &pm_duty_post_type, code, canon, len)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT retired FROM duty_posts WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, canon);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		retired = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read post");
	return retired ? pm_err(PM_EX_DATAERR, "post %s: retired", pm_q(canon)) :
	    0;
}

/*
 * The shift of 'staff' (current, not 'except') that overlaps [a, b),
 * into *other (0: none).
 */
static int
overlapping(struct pm_db *db, const char *staff, pm_time a, pm_time b,
    int64_t except, int64_t *other)
{
	char sa[PM_TIME_UTC_LEN], sb[PM_TIME_UTC_LEN], se[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	*other = 0;
	st = pm_db_stmt(db, "SELECT s.record FROM duty_shifts s"
	    " WHERE s.staff = ?1 AND s.starts < ?3 AND s.ends > ?2"
	    " AND s.starts > ?4 AND s.record <> ?5"
	    " AND " PM_FACT_NOW("s", "duty_shifts") " LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, staff);
	pm_bind_text(st, 2, pm_time_utc(a, sa));
	pm_bind_text(st, 3, pm_time_utc(b, sb));
	pm_bind_text(st, 4, pm_time_utc(a - PM_DUTY_MAX_SHIFT, se));
	pm_bind_int(st, 5, except);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*other = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read shifts");
}

/* Check a shift and write it as version 'version' of 'record'. */
static int
shift_write(struct pm_db *db, const char *post, const char *staff,
    pm_time starts, pm_time ends, int64_t record, int version,
    const char *reason, int64_t *id)
{
	char p[CODE_MAX], who[CODE_MAX], a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN];
	char ids[24];
	sqlite3_stmt *st;
	int64_t row, other;
	int rc;

	if ((rc = post_of(db, post, p, sizeof p)) != 0 ||
	    (rc = pm_people_staff(db, staff, who, sizeof who)) != 0)
		return rc;
	if (ends <= starts)
		return pm_err(PM_EX_DATAERR, "shift: it ends before it starts");
	if (ends - starts > PM_DUTY_MAX_SHIFT)
		return pm_err(PM_EX_DATAERR, "shift: longer than 36 hours (split "
		    "it at the handover)");
	if ((rc = overlapping(db, who, starts, ends, record, &other)) != 0)
		return rc;
	if (other != 0)
		return pm_err(PM_EX_DATAERR, "staff %s: on shift %lld at that "
		    "time already", pm_q(who), (long long)other);
	if ((rc = pm_fact_next_id(db, &pm_duty_shift_fact, &row)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO duty_shifts(id, record, version,"
	    " recorded_at, recorded_by, reason, post, staff, starts, ends)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (st == NULL)
		return pm_err_code();
	*id = record != 0 ? record : row;
	pm_fact_bind(db, st, row, *id, version, reason);
	pm_bind_text(st, 7, p);
	pm_bind_text(st, 8, who);
	pm_bind_text(st, 9, pm_time_utc(starts, a));
	pm_bind_text(st, 10, pm_time_utc(ends, b));
	if ((rc = pm_db_step_done(db, st, "write shift")) != 0)
		return rc;
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	if (reason != NULL)
		return pm_audit(db, "duty_shifts", ids, "corrected: %s", reason);
	return pm_audit(db, "duty_shifts", ids, "added: %s at %s", who, p);
}

int
pm_duty_shift(struct pm_db *db, const char *post, const char *staff,
    pm_time starts, pm_time ends, int64_t *id)
{
	return shift_write(db, post, staff, starts, ends, 0, 1, NULL, id);
}

int
pm_duty_correct(struct pm_db *db, const char *key, const char *post,
    const char *staff, pm_time starts, pm_time ends, const char *reason)
{
	char p[CODE_MAX], who[CODE_MAX];
	struct pm_fact_ref ref;
	sqlite3_stmt *st;
	pm_time a = 0, b = 0;
	int64_t id;
	int rc;

	if ((rc = pm_people_text(N_("reason"), reason, 500, 0)) != 0 ||
	    (rc = pm_fact_find(db, &pm_duty_shift_fact, key, &ref)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT post, staff, starts, ends FROM duty_shifts"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, ref.row);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(p, sizeof p, "%s", pm_col_text(st, 0));
		snprintf(who, sizeof who, "%s", pm_col_text(st, 1));
		if (pm_time_parse_utc(pm_col_text(st, 2), &a) != 0 ||
		    pm_time_parse_utc(pm_col_text(st, 3), &b) != 0)
			a = b = 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read shift");
	return shift_write(db, post != NULL ? post : p, staff != NULL ? staff :
	    who, starts != 0 ? starts : a, ends != 0 ? ends : b, ref.record,
	    ref.version + 1, reason, &id);
}

/*
 * Whether 'staff' is on a shift at 'post' covering 'at': 'ending' asks
 * for one that ends at 'at' or has not yet (starts < at <= ends), else
 * one under way (starts <= at < ends).
 */
static int
on_duty(struct pm_db *db, const char *post, const char *staff, pm_time at,
    int ending, int *yes)
{
	char t[PM_TIME_UTC_LEN], e[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT 1 FROM duty_shifts s WHERE s.post = ?1"
	    " AND s.staff = ?2 AND s.starts > ?4"
	    " AND ((?5 AND s.starts < ?3 AND s.ends >= ?3)"
	    "  OR (NOT ?5 AND s.starts <= ?3 AND s.ends > ?3))"
	    " AND " PM_FACT_NOW("s", "duty_shifts") " LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, post);
	pm_bind_text(st, 2, staff);
	pm_bind_text(st, 3, pm_time_utc(at, t));
	pm_bind_text(st, 4, pm_time_utc(at - PM_DUTY_MAX_SHIFT, e));
	pm_bind_int(st, 5, ending);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read shifts");
}

/* Write an entry; 'to' is the handover's list of logins, or NULL. */
static int
entry_write(struct pm_db *db, const char *post, pm_time at, const char *kind,
    const char *text, const char *to, int64_t *id)
{
	char t[PM_TIME_UTC_LEN], ids[24];
	sqlite3_stmt *st;
	int rc;

	if ((rc = pm_fact_next_id(db, &pm_duty_entry_fact, id)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO duty_entries(id, record, version,"
	    " recorded_at, recorded_by, reason, post, staff, at, kind, text,"
	    " handover_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	    " ?12)");
	if (st == NULL)
		return pm_err_code();
	pm_fact_bind(db, st, *id, *id, 1, NULL);
	pm_bind_text(st, 7, post);
	pm_bind_text(st, 8, db->user);
	pm_bind_text(st, 9, pm_time_utc(at, t));
	pm_bind_text(st, 10, kind);
	pm_bind_text(st, 11, text);
	pm_bind_text(st, 12, to);
	if ((rc = pm_db_step_done(db, st, "write log entry")) != 0)
		return rc;
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	return pm_audit(db, "duty_entries", ids, "added: %s at %s%s%s", kind,
	    post, to != NULL ? " to " : "", to != NULL ? to : "");
}

/* The post, the time and the text of an entry, checked. */
static int
entry_check(struct pm_db *db, const char *post, pm_time *at,
    const char *text, char *canon, size_t len)
{
	int rc;

	if (*at == 0)
		*at = pm_now();
	if ((rc = post_of(db, post, canon, len)) != 0 ||
	    (rc = pm_people_past(N_("entry time"), *at)) != 0)
		return rc;
	if (text == NULL || *text == '\0')
		return pm_err(PM_EX_DATAERR, "log entry: empty");
	return pm_people_text(N_("log entry"), text, TEXT_MAX, PM_TEXT_LINES);
}

int
pm_duty_log(struct pm_db *db, const char *post, pm_time at, const char *kind,
    const char *text, int64_t *id)
{
	char p[CODE_MAX], local[PM_TIME_LOCAL_LEN];
	const char *k = "note";
	int rc, yes;

	if ((rc = entry_check(db, post, &at, text, p, sizeof p)) != 0)
		return rc;
	if (kind != NULL && (rc = pm_vocab_check(&pm_v_entry_kind, kind, 0,
	    &k)) != 0)
		return rc;
	if (strcmp(k, "handover") == 0)
		return pm_err(PM_EX_DATAERR, "kind 'handover': a handover names "
		    "who takes over (pm-duty handover)");
	if ((rc = on_duty(db, p, db->user, at, 0, &yes)) != 0)
		return rc;
	if (!yes)
		return pm_err(PM_EX_DATAERR, "staff %s: not on duty at %s at %s",
		    pm_q(db->user), pm_q(p), pm_time_local(at, local));
	return entry_write(db, p, at, k, text, NULL, id);
}

int
pm_duty_handover(struct pm_db *db, const char *post, pm_time at,
    const char *const *to, int n, const char *text, int64_t *id)
{
	char p[CODE_MAX], who[CODE_MAX], local[PM_TIME_LOCAL_LEN];
	char list[MAX_TO * (CODE_MAX + 1)];
	size_t o = 0;
	int rc, i, yes;

	if ((rc = entry_check(db, post, &at, text, p, sizeof p)) != 0)
		return rc;
	if (n < 1 || n > MAX_TO)
		return pm_err(PM_EX_USAGE, "handover: name who takes over (at "
		    "most %d)", MAX_TO);
	if ((rc = on_duty(db, p, db->user, at, 1, &yes)) != 0)
		return rc;
	if (!yes)
		return pm_err(PM_EX_DATAERR, "staff %s: no shift at %s ending at "
		    "%s to hand over", pm_q(db->user), pm_q(p),
		    pm_time_local(at, local));
	list[0] = '\0';
	for (i = 0; i < n; i++) {
		if ((rc = pm_people_staff(db, to[i], who, sizeof who)) != 0 ||
		    (rc = on_duty(db, p, who, at, 0, &yes)) != 0)
			return rc;
		if (!yes)
			return pm_err(PM_EX_DATAERR, "staff %s: no shift at %s "
			    "from %s to take over", pm_q(who), pm_q(p),
			    pm_time_local(at, local));
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
		    i ? "," : "", who);
	}
	return entry_write(db, p, at, "handover", text, list, id);
}

/*
 * The record types.
 */

enum {
	OPT_POST = PM_OPT_LONG,
	OPT_STAFF,
	OPT_KIND,
	OPT_SINCE,
	OPT_UNTIL
};

static const struct pm_field post_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "p.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "p.name", 0, NULL),
	PM_FIELD(N_("place"), PM_F_TEXT, "p.place", 0, NULL),
	PM_FIELD(N_("min_staff"), PM_F_INT0, "p.min_staff", 0, NULL),
	PM_FIELD(N_("log_every"), PM_F_SECONDS, "nullif(p.log_every, 0)", 0,
	    NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "p.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_duty_post_type = {
	.name = N_("post"),
	.from = "duty_posts p",
	.key = "p.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "p.retired = 0",
	.order = "p.code",
	.fields = post_fields,
	.not_found = N_("post %s: no such post"),
	.list_cmd = "pm-duty posts"
};

static const struct pm_field shift_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "s.record", 0, NULL),
	PM_FIELD(N_("post"), PM_F_TEXT, "s.post", 0, NULL),
	PM_FIELD(N_("staff"), PM_F_TEXT, "s.staff", 0, NULL),
	PM_FIELD(N_("starts"), PM_F_TIME, "s.starts", 0, NULL),
	PM_FIELD(N_("ends"), PM_F_DEADLINE, "s.ends", 0, NULL),
	PM_FIELD(N_("version"), PM_F_INT, "s.version", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "s.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "s.recorded_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("reason"), PM_F_TEXT, "s.reason", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter shift_filters[] = {
	{ .opt = { "post", OPT_POST, N_("code"), N_("shifts at this post") },
	    .kind = PM_FILTER_EQ, .sql = "s.post = ?",
	    .ref = &pm_duty_post_type },
	{ .opt = { "staff", OPT_STAFF, N_("login"),
	    N_("this staff member's shifts") },
	    .kind = PM_FILTER_EQ, .sql = "s.staff = ?", .ref = &pm_staff_type },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("shifts ending after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "s.ends > ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("shifts starting before (a day, month or year: up to its "
	    "end)") }, .kind = PM_FILTER_UNTIL, .sql = "s.starts < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_duty_shift_type = {
	.name = N_("shift"),
	.from = "duty_shifts_now s",
	.key = "s.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "s.starts, s.post, s.staff",
	.fields = shift_fields,
	.filters = shift_filters,
	.not_found = N_("shift %s: no such shift"),
	.list_cmd = "pm-duty shifts"
};

static const struct pm_field entry_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "e.record", 0, NULL),
	PM_FIELD(N_("post"), PM_F_TEXT, "e.post", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "e.at", 0, NULL),
	PM_FIELD(N_("staff"), PM_F_TEXT, "e.staff", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "e.kind", 0, &pm_v_entry_kind),
	PM_FIELD(N_("handover_to"), PM_F_TEXT, "e.handover_to", 0, NULL),
	PM_FIELD(N_("text"), PM_F_TEXT, "e.text", 0, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "e.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter entry_filters[] = {
	{ .opt = { "post", OPT_POST, N_("code"), N_("the log of this post") },
	    .kind = PM_FILTER_EQ, .sql = "e.post = ?",
	    .ref = &pm_duty_post_type },
	{ .opt = { "kind", OPT_KIND, N_("kind"),
	    N_("note, patrol, alarm, incident or handover (记录, 巡查, 报警, "
	    "事件, 交接班)") }, .kind = PM_FILTER_EQ, .sql = "e.kind = ?",
	    .vocab = &pm_v_entry_kind },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("written at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "e.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("written before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "e.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_duty_entry_type = {
	.name = N_("log entry"),
	.from = "duty_entries_now e",
	.key = "e.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "e.at, e.record",
	.fields = entry_fields,
	.filters = entry_filters,
	.not_found = N_("log entry %s: no such entry"),
	.list_cmd = "pm-duty entries"
};
