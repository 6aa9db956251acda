/*
 * facility_record.c - a facility's state (good 完好, faulty 故障, out of
 * service 停用) and its maintenance archive (维修记录档案): both kept as
 * dated facts, so the facility intact rate of a past day never changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "money.h"
#include "text.h"
#include "vocab.h"

#define CODE_MAX	128
#define TEXT_MAX	2000

/*
 * Find facility 'input' into 'code'; a retired one may not change.
 */
static int
find(struct pm_db *db, const char *input, char *code, size_t len)
{
	int rc, found;

	if ((rc = pm_rec_find(db, &pm_facility_type, input, code, len)) != 0 ||
	    (rc = pm_db_exists(db, "SELECT 1 FROM facilities WHERE code = ?1"
	    " AND retired = 1", code, "find facility", &found)) != 0)
		return rc;
	if (found)
		return pm_err(PM_EX_DATAERR, "facility %s: retired (it has left "
		    "the estate file)", pm_q(code));
	return 0;
}

/* The facility's last state and since when (UTC, "" with none). */
static int
last_state(struct pm_db *db, const char *code, char *state, char *at)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT state, at FROM facility_states"
	    " WHERE facility = ?1 ORDER BY at DESC, id DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	strcpy(state, "good");
	at[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(state, CODE_MAX, "%s", pm_col_text(st, 0));
		snprintf(at, PM_TIME_UTC_LEN, "%s", pm_col_text(st, 1));
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read facility state");
	sqlite3_reset(st);
	return rc;
}

/* Write state 'state' of facility 'code' at 'at' and its audit row. */
static int
put_state(struct pm_db *db, const char *code, const char *old,
    const char *state, pm_time at, const char *reason, int64_t maint)
{
	char a[PM_TIME_UTC_LEN], now[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "INSERT INTO facility_states(facility, state, at,"
	    " recorded_at, who, reason, maint_id) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	pm_bind_text(st, 2, state);
	pm_bind_text(st, 3, pm_time_utc(at, a));
	pm_bind_text(st, 4, pm_time_utc(pm_now(), now));
	pm_bind_text(st, 5, db->user);
	pm_bind_text(st, 6, reason);
	if (maint != 0)
		pm_bind_int(st, 7, maint);
	if ((rc = pm_db_step_done(db, st, "insert facility state")) != 0)
		return rc;
	return pm_audit(db, "facilities", code, "state %s -> %s at %s: %s",
	    old, state, a, reason);
}

/* A change dated before the last state would reorder its history. */
static int
not_before(const char *code, const char *last, pm_time at)
{
	char a[PM_TIME_UTC_LEN], buf[PM_TIME_LOCAL_LEN];
	pm_time t;

	if (last[0] == '\0' || strcmp(pm_time_utc(at, a), last) >= 0 ||
	    pm_time_parse_utc(last, &t) != 0)
		return 0;
	return pm_err(PM_EX_DATAERR, "facility %s: its state was set at %s, "
	    "after this; a change cannot be dated before it", pm_q(code),
	    pm_time_local(t, buf));
}

int
pm_facility_set_state(struct pm_db *db, const char *input, const char *state,
    pm_time at, const char *reason, char *code, size_t len)
{
	char old[CODE_MAX], last[PM_TIME_UTC_LEN];
	const char *id;
	int rc;

	if ((rc = pm_vocab_check(&pm_v_facility_state, state, 0, &id)) != 0 ||
	    (rc = pm_text_check(N_("reason"), reason, TEXT_MAX,
	    PM_TEXT_LINES)) != 0 || (rc = ins_when(&at)) != 0 ||
	    (rc = find(db, input, code, len)) != 0 ||
	    (rc = last_state(db, code, old, last)) != 0 ||
	    (rc = not_before(code, last, at)) != 0)
		return rc;
	if (strcmp(old, id) == 0) {
		pm_err(PM_UNCHANGED, "facility %s: %s already", pm_q(code),
		    pm_vocab_label(&pm_v_facility_state, id));
		return PM_UNCHANGED;
	}
	return put_state(db, code, old, id, at, reason, 0);
}

/*
 * Maintenance records.
 */

/* The plan 'task' of facility 'code': its interval and hard limit. */
static int
plan(struct pm_db *db, const char *code, const char *task, char *name,
    struct pm_interval *iv, int *hard)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT name, every_days, every_months, hard"
	    " FROM maint_plans WHERE facility = ?1 AND task = ?2"
	    " AND retired = 0");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	pm_bind_text(st, 2, task);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(name, TEXT_MAX, "%s", pm_col_text(st, 0));
		iv->days = sqlite3_column_int(st, 1);
		iv->months = sqlite3_column_int(st, 2);
		*hard = sqlite3_column_int(st, 3);
		sqlite3_reset(st);
		return 0;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read plan");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	return pm_err(PM_EX_NOINPUT, "facility %s: no task %s (see 'pm-inspect "
	    "facility show %s')", pm_q(code), pm_q(task), code);
}

/* A local day given as text, into day number *z. */
static int
day_of(const char *s, int64_t *z)
{
	pm_time t;
	int rc;

	if ((rc = pm_time_parse(s, &t)) != 0)
		return rc;
	*z = pm_day_of(t);
	return 0;
}

int
pm_facility_maint(struct pm_db *db, const struct pm_maint_new *m,
    int64_t *id)
{
	char code[CODE_MAX], name[TEXT_MAX], old[CODE_MAX];
	char last[PM_TIME_UTC_LEN], a[PM_TIME_UTC_LEN], now[PM_TIME_UTC_LEN];
	char next[PM_DATE_LEN], cert[PM_DATE_LEN], idb[24];
	const char *result = "good", *done = m->done;
	struct pm_interval iv = { 0, 0 };
	int64_t day, z;
	pm_time at = m->at;
	sqlite3_stmt *st;
	int rc, hard = 0;

	if ((rc = ins_when(&at)) != 0 || (rc = find(db, m->facility, code,
	    sizeof code)) != 0)
		return rc;
	day = pm_day_of(at);
	if (m->task != NULL && (rc = plan(db, code, m->task, name, &iv,
	    &hard)) != 0)
		return rc;
	if (done == NULL && m->task == NULL)
		return pm_err(PM_EX_USAGE, "maint record: --done is needed "
		    "for a repair (a record without --task)");
	if (done == NULL)
		done = name;
	if ((rc = pm_text_check(N_("done"), done, TEXT_MAX,
	    PM_TEXT_LINES)) != 0 || (m->contractor != NULL &&
	    (rc = pm_text_check(N_("contractor"), m->contractor, 200, 0)) != 0) ||
	    (m->parts != NULL && (rc = pm_text_check(N_("parts"), m->parts,
	    TEXT_MAX, PM_TEXT_LINES)) != 0) ||
	    (m->result != NULL && (rc = pm_vocab_check(&pm_v_facility_state,
	    m->result, 0, &result)) != 0))
		return rc;
	if (m->cost < 0)
		return pm_err(PM_EX_DATAERR, "cost: not below zero");
	next[0] = cert[0] = '\0';
	if (m->next_due != NULL) {
		if ((rc = day_of(m->next_due, &z)) != 0)
			return rc;
		if (z <= day)
			return pm_err(PM_EX_DATAERR, "next due %s: not after the "
			    "day of the record", pm_q(m->next_due));
		if (hard && z > pm_interval_add(day, &iv, 1))
			return pm_err(PM_EX_DATAERR, "next due %s: past the hard "
			    "limit of task %s (one interval after the record, "
			    "%s)", pm_q(m->next_due), pm_q(m->task),
			    pm_day_fmt(pm_interval_add(day, &iv, 1), next));
		pm_day_fmt(z, next);
	}
	if (m->certificate != NULL) {
		if ((rc = day_of(m->certificate, &z)) != 0)
			return rc;
		if (z <= day)
			return pm_err(PM_EX_DATAERR, "certificate %s: expires "
			    "before the record", pm_q(m->certificate));
		pm_day_fmt(z, cert);
	}
	if ((rc = last_state(db, code, old, last)) != 0 ||
	    (strcmp(old, result) != 0 && (rc = not_before(code, last,
	    at)) != 0))
		return rc;
	st = pm_db_stmt(db, "INSERT INTO maint_records(facility, task, at, who,"
	    " recorded_at, done, contractor, parts, cost, result, next_due,"
	    " certificate) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11, ?12)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	pm_bind_text(st, 2, m->task);
	pm_bind_text(st, 3, pm_time_utc(at, a));
	pm_bind_text(st, 4, db->user);
	pm_bind_text(st, 5, pm_time_utc(pm_now(), now));
	pm_bind_text(st, 6, done);
	pm_bind_text(st, 7, m->contractor);
	pm_bind_text(st, 8, m->parts);
	pm_bind_int(st, 9, m->cost);
	pm_bind_text(st, 10, result);
	pm_bind_text(st, 11, next[0] != '\0' ? next : NULL);
	pm_bind_text(st, 12, cert[0] != '\0' ? cert : NULL);
	if ((rc = pm_db_step_done(db, st, "insert maintenance record")) != 0)
		return rc;
	*id = pm_db_last_id(db);
	snprintf(idb, sizeof idb, "%lld", (long long)*id);
	{
		char fen[PM_MONEY_LEN];

		if ((rc = pm_audit(db, "maint_records", idb, "recorded: %s %s at"
		    " %s, result %s, cost %s", code, m->task != NULL ? m->task :
		    "repair", a, result, pm_money_fmt(m->cost, fen))) != 0)
			return rc;
	}
	if (strcmp(old, result) == 0)
		return 0;
	snprintf(name, sizeof name, "maintenance record %s", idb);
	return put_state(db, code, old, result, at, name, *id);
}
