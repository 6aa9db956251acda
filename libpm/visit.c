/*
 * visit.c - walk visits: adding and correcting them, their record types,
 * and the matters raised at them, for pm-ticket import.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "i18n.h"
#include "staff.h"
#include "text.h"
#include "ticket.h"
#include "unit.h"
#include "visit.h"
#include "vocab.h"

#define CODE_MAX 64
#define MET_MAX 200
#define TEXT_MAX 2000
#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct pm_fact pm_visit_fact = {
	"visits", N_("visit"),
	"unit, staff, at, met, satisfaction, raised, category, note",
	"pm-visit list"
};

/* A visit as it will be written: codes as stored, text owned. */
struct vrow {
	char unit[CODE_MAX], staff[CODE_MAX], category[CODE_MAX];
	const char *satisfaction;
	pm_time at;
	char *met, *raised, *note;
	int has_category;
};

static void
vrow_release(struct vrow *r)
{
	free(r->met);
	free(r->raised);
	free(r->note);
	memset(r, 0, sizeof *r);
}

/* Replace '*field' by a copy of 'v' ("" clears it; NULL keeps it). */
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

/* Apply what 'v' says to 'r', checking each value given. */
static int
vrow_apply(struct pm_db *db, struct vrow *r, const struct pm_visit *v)
{
	int rc;

	if (v->unit != NULL && (rc = pm_people_unit(db, v->unit, 1, r->unit,
	    sizeof r->unit)) != 0)
		return rc;
	if (v->staff != NULL && (rc = pm_people_staff(db, v->staff, r->staff,
	    sizeof r->staff)) != 0)
		return rc;
	if (v->at != 0) {
		if ((rc = pm_people_past(N_("visit time"), v->at)) != 0)
			return rc;
		/*
		 * To the minute: the time a ticket made from the visit gets
		 * through pm-ticket import, which is how the two are matched.
		 */
		r->at = v->at - ((v->at % 60) + 60) % 60;
	}
	if (v->satisfaction != NULL) {
		if (*v->satisfaction == '\0')
			r->satisfaction = NULL;
		else if ((rc = pm_vocab_check(&pm_v_satisfaction,
		    v->satisfaction, 0, &r->satisfaction)) != 0)
			return rc;
	}
	if ((rc = pm_people_text(N_("whom they met"), v->met, MET_MAX,
	    PM_TEXT_EMPTY)) != 0 ||
	    (rc = pm_people_text(N_("what was raised"), v->raised, TEXT_MAX,
	    PM_TEXT_LINES | PM_TEXT_EMPTY)) != 0 ||
	    (rc = pm_people_text(N_("note"), v->note, TEXT_MAX,
	    PM_TEXT_LINES | PM_TEXT_EMPTY)) != 0 ||
	    (rc = set_text(&r->met, v->met)) != 0 ||
	    (rc = set_text(&r->raised, v->raised)) != 0 ||
	    (rc = set_text(&r->note, v->note)) != 0)
		return rc;
	if (v->category != NULL) {
		r->has_category = *v->category != '\0';
		if (r->has_category && (rc = pm_rec_find(db, &pm_category_type,
		    v->category, r->category, sizeof r->category)) != 0)
			return rc;
	}
	/* A matter cleared takes its category with it. */
	if (v->raised != NULL && *v->raised == '\0' && v->category == NULL)
		r->has_category = 0;
	if (r->raised != NULL && !r->has_category)
		return pm_err(PM_EX_DATAERR, "what was raised needs a category, "
		    "for its ticket (see pm-ticket categories)");
	if (r->raised == NULL && r->has_category)
		return pm_err(PM_EX_DATAERR, "a category is for what was raised, "
		    "and nothing was");
	return 0;
}

/* Write version 'version' of record 'record' from 'r'. */
static int
vrow_write(struct pm_db *db, const struct vrow *r, int64_t record,
    int version, const char *reason)
{
	char at[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int64_t row;
	int rc;

	if ((rc = pm_fact_next_id(db, &pm_visit_fact, &row)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO visits(id, record, version,"
	    " recorded_at, recorded_by, reason, unit, staff, at, met,"
	    " satisfaction, raised, category, note) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (st == NULL)
		return pm_err_code();
	pm_fact_bind(db, st, row, record != 0 ? record : row, version, reason);
	pm_bind_text(st, 7, r->unit);
	pm_bind_text(st, 8, r->staff);
	pm_bind_text(st, 9, pm_time_utc(r->at, at));
	pm_bind_text(st, 10, r->met);
	pm_bind_text(st, 11, r->satisfaction);
	pm_bind_text(st, 12, r->raised);
	pm_bind_text(st, 13, r->has_category ? r->category : NULL);
	pm_bind_text(st, 14, r->note);
	return pm_db_step_done(db, st, "write visit");
}

int
pm_visit_add(struct pm_db *db, const struct pm_visit *v, int64_t *id)
{
	struct pm_visit w = *v;
	struct vrow r;
	char ids[24], local[PM_TIME_LOCAL_LEN];
	int rc;

	memset(&r, 0, sizeof r);
	if (w.unit == NULL)
		return pm_err(PM_EX_USAGE, "a visit needs its unit");
	if (w.staff == NULL)
		w.staff = db->user;
	if (w.at == 0)
		w.at = pm_now();
	if ((rc = vrow_apply(db, &r, &w)) != 0 ||
	    (rc = pm_fact_next_id(db, &pm_visit_fact, id)) != 0 ||
	    (rc = vrow_write(db, &r, 0, 1, NULL)) != 0) {
		vrow_release(&r);
		return rc;
	}
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	rc = pm_audit(db, "visits", ids, "added: unit %s, staff %s, at %s%s%s",
	    r.unit, r.staff, pm_time_local(r.at, local),
	    r.satisfaction != NULL ? ", satisfaction " : "",
	    r.satisfaction != NULL ? r.satisfaction : "");
	vrow_release(&r);
	return rc;
}

/* Read the row of version 'ref' into 'r'. */
static int
vrow_read(struct pm_db *db, const struct pm_fact_ref *ref, struct vrow *r)
{
	sqlite3_stmt *st;
	const char *s;
	int rc;

	memset(r, 0, sizeof *r);
	st = pm_db_stmt(db, "SELECT unit, staff, at, met, satisfaction, raised,"
	    " category, note FROM visits WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, ref->row);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return pm_db_error(db, "read visit");
	}
	snprintf(r->unit, sizeof r->unit, "%s", pm_col_text(st, 0));
	snprintf(r->staff, sizeof r->staff, "%s", pm_col_text(st, 1));
	if (pm_time_parse_utc(pm_col_text(st, 2), &r->at) != 0)
		r->at = 0;
	r->satisfaction = pm_vocab_find(&pm_v_satisfaction, pm_col_text(st, 4));
	if ((s = pm_col_text(st, 6)) != NULL) {
		snprintf(r->category, sizeof r->category, "%s", s);
		r->has_category = 1;
	}
	rc = set_text(&r->met, pm_col_text(st, 3));
	if (rc == 0)
		rc = set_text(&r->raised, pm_col_text(st, 5));
	if (rc == 0)
		rc = set_text(&r->note, pm_col_text(st, 7));
	sqlite3_reset(st);
	return rc;
}

int
pm_visit_correct(struct pm_db *db, const char *key, const struct pm_visit *v,
    const char *reason)
{
	struct pm_fact_ref ref;
	struct vrow r;
	char ids[24];
	int rc;

	if ((rc = pm_people_text(N_("reason"), reason, 500, 0)) != 0 ||
	    (rc = pm_fact_find(db, &pm_visit_fact, key, &ref)) != 0 ||
	    (rc = vrow_read(db, &ref, &r)) != 0)
		return rc;
	if ((rc = vrow_apply(db, &r, v)) == 0 &&
	    (rc = vrow_write(db, &r, ref.record, ref.version + 1, reason)) ==
	    0) {
		snprintf(ids, sizeof ids, "%lld", (long long)ref.record);
		rc = pm_audit(db, "visits", ids, "corrected: %s", reason);
	}
	vrow_release(&r);
	return rc;
}

/*
 * The record types.
 */

enum {
	OPT_STAFF = PM_OPT_LONG,
	OPT_UNIT,
	OPT_BUILDING,
	OPT_SATISFACTION,
	OPT_RAISED,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_RECORD
};

static const struct pm_field visit_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "v.record", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "v.at", 0, NULL),
	PM_FIELD(N_("staff"), PM_F_TEXT, "v.staff", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "v.unit", 0, NULL),
	PM_FIELD(N_("met_with"), PM_F_TEXT, "v.met", 0, NULL),
	PM_FIELD(N_("satisfaction"), PM_F_TEXT, "v.satisfaction", 0,
	    &pm_v_satisfaction),
	PM_FIELD(N_("category"), PM_F_TEXT, "v.category", 0, NULL),
	PM_FIELD(N_("raised"), PM_F_TEXT, "v.raised", 0, NULL),
	PM_FIELD(N_("note"), PM_F_TEXT, "v.note", 0, NULL),
	PM_FIELD(N_("version"), PM_F_INT, "v.version", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "v.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "v.recorded_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("reason"), PM_F_TEXT, "v.reason", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter visit_filters[] = {
	{ .opt = { "staff", OPT_STAFF, N_("login"),
	    N_("visits by this staff member") },
	    .kind = PM_FILTER_EQ, .sql = "v.staff = ?",
	    .ref = &pm_staff_type },
	{ .opt = { "unit", OPT_UNIT, N_("code"), N_("visits to this household") },
	    .kind = PM_FILTER_EQ, .sql = "v.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "building", OPT_BUILDING, N_("code"),
	    N_("visits to the households of this building") },
	    .kind = PM_FILTER_EQ,
	    .sql = "v.unit IN (SELECT code FROM units WHERE building = ?)",
	    .ref = &pm_building_type },
	{ .opt = { "satisfaction", OPT_SATISFACTION, N_("satisfaction"),
	    N_("satisfied, basic or dissatisfied (满意, 基本满意, 不满意)") },
	    .kind = PM_FILTER_EQ, .sql = "v.satisfaction = ?",
	    .vocab = &pm_v_satisfaction },
	{ .opt = { "raised", OPT_RAISED, NULL,
	    N_("visits at which something was raised") },
	    .kind = PM_FILTER_FLAG, .sql = "v.raised IS NOT NULL" },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("made at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "v.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("made before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "v.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_visit_type = {
	.name = N_("visit"),
	.from = "visits_now v",
	.key = "v.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "v.at, v.record",
	.fields = visit_fields,
	.filters = visit_filters,
	.not_found = N_("visit %s: no such visit"),
	.list_cmd = "pm-visit list"
};

/* Every version, for history: what it was and who changed it. */
static const struct pm_field version_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "v.record", 0, NULL),
	PM_FIELD(N_("version"), PM_F_INT, "v.version", 0, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "v.recorded_at", 0, NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "v.recorded_by", 0, NULL),
	PM_FIELD(N_("voided"), PM_F_INT, "v.voided", 0, NULL),
	PM_FIELD(N_("reason"), PM_F_TEXT, "v.reason", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "v.at", 0, NULL),
	PM_FIELD(N_("staff"), PM_F_TEXT, "v.staff", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "v.unit", 0, NULL),
	PM_FIELD(N_("met_with"), PM_F_TEXT, "v.met", 0, NULL),
	PM_FIELD(N_("satisfaction"), PM_F_TEXT, "v.satisfaction", 0,
	    &pm_v_satisfaction),
	PM_FIELD(N_("category"), PM_F_TEXT, "v.category", 0, NULL),
	PM_FIELD(N_("raised"), PM_F_TEXT, "v.raised", 0, NULL),
	PM_FIELD(N_("note"), PM_F_TEXT, "v.note", 0, NULL),
	PM_FIELD_END
};

static const struct pm_filter version_filters[] = {
	{ .opt = { "record", OPT_RECORD, N_("id"), N_("the versions of this "
	    "record") }, .kind = PM_FILTER_EQ, .sql = "v.record = ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_visit_version_type = {
	.name = N_("visit"),
	.from = "visits v",
	.key = "v.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "v.record, v.version",
	.fields = version_fields,
	.filters = version_filters,
	.not_found = N_("visit %s: no such visit")
};

/*
 * Matters raised, for pm-ticket import.
 */

const struct pm_col pm_visit_raised_cols[] = {
	{ "category", PM_COL_TEXT, NULL },
	{ "unit", PM_COL_TEXT, NULL },
	{ "description", PM_COL_TEXT, NULL },
	{ "source", PM_COL_TEXT, &pm_v_source },
	{ "received", PM_COL_TEXT, NULL },
	{ "receiver", PM_COL_TEXT, NULL },
};
const int pm_visit_raised_ncols = NCOLS(pm_visit_raised_cols);

int
pm_visit_raised(struct pm_db *db, pm_time since, int all, struct pm_out *o)
{
	char s[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	pm_time t;
	int rc;

	/*
	 * The ticket a matter became has its unit, category and time, so
	 * the tickets' own index (unit, category, received_at) finds it.
	 */
	st = pm_db_stmt(db, "SELECT v.category, v.unit, v.raised, v.at,"
	    " v.staff FROM visits v INDEXED BY visits_raised"
	    " WHERE v.raised IS NOT NULL AND v.at >= ?1"
	    " AND " PM_FACT_NOW("v", "visits")
	    " AND (?2 OR NOT EXISTS (SELECT 1 FROM tickets t"
	    "  WHERE t.unit = v.unit AND t.category = v.category"
	    "  AND t.received_at = v.at AND t.source = 'visit'"
	    "  AND t.receiver = v.staff))"
	    " ORDER BY v.at, v.record");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(since, s));
	pm_bind_int(st, 2, all);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_out_text(o, pm_col_text(st, 0));
		pm_out_text(o, pm_col_text(st, 1));
		pm_out_text(o, pm_col_text(st, 2));
		pm_out_text(o, "visit");
		if (pm_time_parse_utc(pm_col_text(st, 3), &t) != 0)
			t = 0;
		pm_rec_out_time(o, t, PM_F_TIME);
		pm_out_text(o, pm_col_text(st, 4));
		pm_out_row(o);
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read visits");
	sqlite3_reset(st);
	return rc;
}
