/*
 * train.c - training sessions and attendance: adding, correcting, their
 * record types.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "i18n.h"
#include "money.h"
#include "staff.h"
#include "text.h"
#include "train.h"
#include "vocab.h"

#define CODE_MAX 64
#define TOPIC_MAX 200
#define NAME_MAX_ 100
#define MAX_HOURS 2400		/* 24 hours, in hundredths */
#define MAX_SCORE 100000	/* 1000 points, in hundredths */

const struct pm_fact pm_train_session_fact = {
	"training_sessions", N_("training session"),
	"department, kind, topic, at, hours, trainer, place, pass_mark",
	"pm-train list"
};

const struct pm_fact pm_train_attendance_fact = {
	"training_attendance", N_("attendance"),
	"session, staff, score, passed",
	"pm-train attendance"
};

/* A session as it will be written. */
struct srow {
	char department[CODE_MAX];
	const char *kind;
	char *topic, *trainer, *place;
	pm_time at;
	int64_t hours, pass_mark;	/* pass_mark -1: none */
};

static void
srow_release(struct srow *r)
{
	free(r->topic);
	free(r->trainer);
	free(r->place);
	memset(r, 0, sizeof *r);
}

static int
set_text(char **field, const char *v)
{
	char *c = NULL;

	if (v == NULL)
		return 0;
	if (*v != '\0' && (c = strdup(v)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	free(*field);
	*field = c;
	return 0;
}

static int
srow_apply(struct pm_db *db, struct srow *r, const struct pm_train_session *s)
{
	int rc;

	if (s->department != NULL && (rc = pm_rec_find(db,
	    &pm_department_type, s->department, r->department,
	    sizeof r->department)) != 0)
		return rc;
	if (s->kind != NULL && (rc = pm_vocab_check(&pm_v_training_kind,
	    s->kind, 0, &r->kind)) != 0)
		return rc;
	if (s->topic != NULL && *s->topic == '\0')
		return pm_err(PM_EX_DATAERR, "topic: empty");
	if (s->trainer != NULL && *s->trainer == '\0')
		return pm_err(PM_EX_DATAERR, "trainer: empty");
	if ((rc = pm_people_text(N_("topic"), s->topic, TOPIC_MAX, 0)) != 0 ||
	    (rc = pm_people_text(N_("trainer"), s->trainer, NAME_MAX_, 0)) != 0 ||
	    (rc = pm_people_text(N_("place"), s->place, TOPIC_MAX,
	    PM_TEXT_EMPTY)) != 0 ||
	    (rc = set_text(&r->topic, s->topic)) != 0 ||
	    (rc = set_text(&r->trainer, s->trainer)) != 0 ||
	    (rc = set_text(&r->place, s->place)) != 0)
		return rc;
	if (s->at != 0)
		r->at = s->at;
	if (s->hours != 0) {
		if (s->hours < 0 || s->hours > MAX_HOURS)
			return pm_err(PM_EX_DATAERR, "hours: more than 0 and at "
			    "most 24");
		r->hours = s->hours;
	}
	if (s->pass_mark > MAX_SCORE)
		return pm_err(PM_EX_DATAERR, "pass mark: at most 1000");
	if (s->pass_mark != -2)
		r->pass_mark = s->pass_mark;
	return 0;
}

static int
srow_write(struct pm_db *db, const struct srow *r, int64_t record,
    int version, const char *reason)
{
	char at[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int64_t row;
	int rc;

	if ((rc = pm_fact_next_id(db, &pm_train_session_fact, &row)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO training_sessions(id, record, version,"
	    " recorded_at, recorded_by, reason, department, kind, topic, at,"
	    " hours, trainer, place, pass_mark) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (st == NULL)
		return pm_err_code();
	pm_fact_bind(db, st, row, record != 0 ? record : row, version, reason);
	pm_bind_text(st, 7, r->department);
	pm_bind_text(st, 8, r->kind);
	pm_bind_text(st, 9, r->topic);
	pm_bind_text(st, 10, pm_time_utc(r->at, at));
	pm_bind_int(st, 11, r->hours);
	pm_bind_text(st, 12, r->trainer);
	pm_bind_text(st, 13, r->place);
	if (r->pass_mark >= 0)
		pm_bind_int(st, 14, r->pass_mark);
	return pm_db_step_done(db, st, "write training session");
}

int
pm_train_add(struct pm_db *db, const struct pm_train_session *s, int64_t *id)
{
	struct srow r;
	char ids[24];
	int rc;

	memset(&r, 0, sizeof r);
	r.pass_mark = -1;
	if (s->department == NULL || s->kind == NULL || s->topic == NULL ||
	    s->trainer == NULL || s->at == 0 || s->hours == 0)
		return pm_err(PM_EX_USAGE, "a session needs its department, "
		    "kind, topic, trainer, time and hours");
	if ((rc = srow_apply(db, &r, s)) != 0 ||
	    (rc = pm_fact_next_id(db, &pm_train_session_fact, id)) != 0 ||
	    (rc = srow_write(db, &r, 0, 1, NULL)) != 0) {
		srow_release(&r);
		return rc;
	}
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	rc = pm_audit(db, "training_sessions", ids, "added: %s %s, %s",
	    r.department, r.kind, r.topic);
	srow_release(&r);
	return rc;
}

static int
srow_read(struct pm_db *db, int64_t row, struct srow *r)
{
	sqlite3_stmt *st;
	int rc;

	memset(r, 0, sizeof *r);
	st = pm_db_stmt(db, "SELECT department, kind, topic, at, hours,"
	    " trainer, place, pass_mark FROM training_sessions WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, row);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return pm_db_error(db, "read training session");
	}
	snprintf(r->department, sizeof r->department, "%s", pm_col_text(st, 0));
	r->kind = pm_vocab_find(&pm_v_training_kind, pm_col_text(st, 1));
	if (pm_time_parse_utc(pm_col_text(st, 3), &r->at) != 0)
		r->at = 0;
	r->hours = sqlite3_column_int64(st, 4);
	r->pass_mark = pm_col_text(st, 7) != NULL ?
	    sqlite3_column_int64(st, 7) : -1;
	rc = set_text(&r->topic, pm_col_text(st, 2));
	if (rc == 0)
		rc = set_text(&r->trainer, pm_col_text(st, 5));
	if (rc == 0)
		rc = set_text(&r->place, pm_col_text(st, 6));
	sqlite3_reset(st);
	return rc;
}

int
pm_train_correct(struct pm_db *db, const char *key,
    const struct pm_train_session *s, const char *reason)
{
	struct pm_fact_ref ref;
	struct srow r;
	char ids[24];
	int rc;

	if ((rc = pm_people_text(N_("reason"), reason, 500, 0)) != 0 ||
	    (rc = pm_fact_find(db, &pm_train_session_fact, key, &ref)) != 0 ||
	    (rc = srow_read(db, ref.row, &r)) != 0)
		return rc;
	if ((rc = srow_apply(db, &r, s)) == 0 &&
	    (rc = srow_write(db, &r, ref.record, ref.version + 1, reason)) ==
	    0) {
		snprintf(ids, sizeof ids, "%lld", (long long)ref.record);
		rc = pm_audit(db, "training_sessions", ids, "corrected: %s",
		    reason);
	}
	srow_release(&r);
	return rc;
}

/* The session's start and pass mark (-1 none), current version. */
static int
session_of(struct pm_db *db, const char *key, struct pm_fact_ref *ref,
    pm_time *at, int64_t *pass_mark)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = pm_fact_find(db, &pm_train_session_fact, key, ref)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT at, pass_mark FROM training_sessions"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, ref->row);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (pm_time_parse_utc(pm_col_text(st, 0), at) != 0)
			*at = 0;
		*pass_mark = pm_col_text(st, 1) != NULL ?
		    sqlite3_column_int64(st, 1) : -1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : pm_db_error(db, "read training session");
}

/* The current attendance of 'login' at session record 'session'. */
static int
attendance_of(struct pm_db *db, int64_t session, const char *login,
    struct pm_fact_ref *ref)
{
	sqlite3_stmt *st;
	int rc;

	memset(ref, 0, sizeof *ref);
	st = pm_db_stmt(db, "SELECT a.record, a.id, a.version"
	    " FROM training_attendance a WHERE a.session = ?1 AND a.staff = ?2"
	    " AND " PM_FACT_NOW("a", "training_attendance"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, session);
	pm_bind_text(st, 2, login);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ref->record = sqlite3_column_int64(st, 0);
		ref->row = sqlite3_column_int64(st, 1);
		ref->version = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read attendance");
}

int
pm_train_attend(struct pm_db *db, const char *session, const char *login,
    int64_t score, int passed, int64_t *id)
{
	struct pm_fact_ref sref, aref;
	char who[CODE_MAX], ids[24], sc[PM_MONEY_LEN];
	sqlite3_stmt *st;
	pm_time at = 0;
	int64_t row, pass_mark = -1;
	int rc;

	if ((rc = session_of(db, session, &sref, &at, &pass_mark)) != 0 ||
	    (rc = pm_people_staff(db, login, who, sizeof who)) != 0)
		return rc;
	if (at > pm_now())
		return pm_err(PM_EX_DATAERR, "training session %s: has not "
		    "begun yet", pm_q(session));
	if (score > MAX_SCORE)
		return pm_err(PM_EX_DATAERR, "score: at most 1000");
	if (passed < 0 && score >= 0 && pass_mark >= 0)
		passed = score >= pass_mark;
	if ((rc = attendance_of(db, sref.record, who, &aref)) != 0 ||
	    (rc = pm_fact_next_id(db, &pm_train_attendance_fact, &row)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO training_attendance(id, record,"
	    " version, recorded_at, recorded_by, reason, session, staff, score,"
	    " passed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (st == NULL)
		return pm_err_code();
	*id = aref.record != 0 ? aref.record : row;
	pm_fact_bind(db, st, row, *id, aref.version + 1, aref.record != 0 ?
	    "updated" : NULL);
	pm_bind_int(st, 7, sref.record);
	pm_bind_text(st, 8, who);
	if (score >= 0)
		pm_bind_int(st, 9, score);
	if (passed >= 0)
		pm_bind_int(st, 10, passed);
	if ((rc = pm_db_step_done(db, st, "write attendance")) != 0)
		return rc;
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	return pm_audit(db, "training_attendance", ids, "%s: session %lld, %s%s%s%s",
	    aref.record != 0 ? "updated" : "added", (long long)sref.record, who,
	    score >= 0 ? ", score " : "", score >= 0 ?
	    pm_hundredths_fmt(score, sc) : "", passed == 1 ? ", passed" :
	    passed == 0 ? ", failed" : "");
}

/*
 * The record types.
 */

enum {
	OPT_DEPARTMENT = PM_OPT_LONG,
	OPT_KIND,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_SESSION,
	OPT_STAFF
};

static const struct pm_field session_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "s.record", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "s.at", 0, NULL),
	PM_FIELD(N_("department"), PM_F_TEXT, "s.department", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "s.kind", 0, &pm_v_training_kind),
	PM_FIELD(N_("hours"), PM_F_HUNDREDTHS, "s.hours", 0, NULL),
	PM_FIELD(N_("trainer"), PM_F_TEXT, "s.trainer", 0, NULL),
	PM_FIELD(N_("attended"), PM_F_INT, "(SELECT count(*)"
	    " FROM training_attendance_now a WHERE a.session = s.record)", 0,
	    NULL),
	PM_FIELD(N_("topic"), PM_F_TEXT, "s.topic", 0, NULL),
	PM_FIELD(N_("place"), PM_F_TEXT, "s.place", PM_F_SHOW, NULL),
	PM_FIELD(N_("pass_mark"), PM_F_HUNDREDTHS, "s.pass_mark", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("version"), PM_F_INT, "s.version", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "s.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "s.recorded_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("reason"), PM_F_TEXT, "s.reason", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter session_filters[] = {
	{ .opt = { "department", OPT_DEPARTMENT, N_("code"),
	    N_("sessions of this department") },
	    .kind = PM_FILTER_EQ, .sql = "s.department = ?",
	    .ref = &pm_department_type },
	{ .opt = { "kind", OPT_KIND, N_("kind"),
	    N_("pre-job, in-service, drill, competition or test (岗前培训, "
	    "在职培训, 演练, 技能比武, 考核)") },
	    .kind = PM_FILTER_EQ, .sql = "s.kind = ?",
	    .vocab = &pm_v_training_kind },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("held at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "s.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("held before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "s.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_train_session_type = {
	.name = N_("training session"),
	.from = "training_sessions_now s",
	.key = "s.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "s.at, s.record",
	.fields = session_fields,
	.filters = session_filters,
	.not_found = N_("training session %s: no such session"),
	.list_cmd = "pm-train list"
};

static const struct pm_field attendance_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "a.record", 0, NULL),
	PM_FIELD(N_("session"), PM_F_INT, "a.session", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "s.at", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "s.kind", 0, &pm_v_training_kind),
	PM_FIELD(N_("staff"), PM_F_TEXT, "a.staff", 0, NULL),
	PM_FIELD(N_("score"), PM_F_HUNDREDTHS, "a.score", 0, NULL),
	PM_FIELD(N_("passed"), PM_F_INT, "a.passed", 0, NULL),
	PM_FIELD(N_("topic"), PM_F_TEXT, "s.topic", 0, NULL),
	PM_FIELD_END
};

static const struct pm_filter attendance_filters[] = {
	{ .opt = { "session", OPT_SESSION, N_("id"),
	    N_("who attended this session") },
	    .kind = PM_FILTER_EQ, .sql = "a.session = ?",
	    .ref = &pm_train_session_type },
	{ .opt = { "staff", OPT_STAFF, N_("login"),
	    N_("the sessions this staff member attended") },
	    .kind = PM_FILTER_EQ, .sql = "a.staff = ?",
	    .ref = &pm_staff_type },
	{ .opt = { "kind", OPT_KIND, N_("kind"),
	    N_("sessions of this kind") },
	    .kind = PM_FILTER_EQ, .sql = "s.kind = ?",
	    .vocab = &pm_v_training_kind },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("sessions held at or after") },
	    .kind = PM_FILTER_SINCE, .sql = "s.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"), N_("sessions held before") },
	    .kind = PM_FILTER_UNTIL, .sql = "s.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_train_attendance_type = {
	.name = N_("attendance"),
	.from = "training_attendance_now a JOIN training_sessions_now s"
	    " ON s.record = a.session",
	.key = "a.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "s.at, a.session, a.staff",
	.fields = attendance_fields,
	.filters = attendance_filters,
	.not_found = N_("attendance %s: no such attendance"),
	.list_cmd = "pm-train attendance"
};
