/*
 * gate.c - registrations at the gate: the rules of each kind, the one
 * table they are written to, and its record types.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "gate.h"
#include "i18n.h"
#include "text.h"
#include "unit.h"
#include "vocab.h"

#define CODE_MAX 64
#define NAME_MAX_ 100
#define TEXT_MAX 1000

const struct pm_fact pm_gate_fact = {
	"gate_records", N_("gate record"),
	"kind, at, unit, name, id_number, phone, detail, direction, carrier,"
	" refers, company, valid_until, confirmed_by, applied_at, override_by,"
	" override_reason, offender, nth",
	"pm-gate list"
};

/* A record as written: every column, text or NULL. */
struct grow {
	const char *kind;
	pm_time at;
	char unit[CODE_MAX], id_number[24];
	const char *name, *phone, *detail, *direction, *carrier;
	int64_t refers;
	const char *company, *until, *confirmed_by;
	pm_time applied_at;
	const char *override_by, *override_reason;
	char offender[CODE_MAX];
	int nth;
};

static int
grow_write(struct pm_db *db, const struct grow *g, int64_t *id)
{
	char t[5][PM_TIME_UTC_LEN], ids[24];
	sqlite3_stmt *st;
	int rc;

	if ((rc = pm_fact_next_id(db, &pm_gate_fact, id)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO gate_records(id, record, version,"
	    " recorded_at, recorded_by, reason, kind, at, unit, name, id_number,"
	    " phone, detail, direction, carrier, refers, company, valid_until,"
	    " confirmed_by, applied_at, override_by, override_reason, offender,"
	    " nth) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	    " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)");
	if (st == NULL)
		return pm_err_code();
	pm_fact_bind(db, st, *id, *id, 1, NULL);
	pm_bind_text(st, 7, g->kind);
	pm_bind_text(st, 8, pm_time_utc(g->at, t[0]));
	pm_bind_text(st, 9, g->unit[0] != '\0' ? g->unit : NULL);
	pm_bind_text(st, 10, g->name);
	pm_bind_text(st, 11, g->id_number[0] != '\0' ? g->id_number : NULL);
	pm_bind_text(st, 12, g->phone);
	pm_bind_text(st, 13, g->detail);
	pm_bind_text(st, 14, g->direction);
	pm_bind_text(st, 15, g->carrier);
	if (g->refers != 0)
		pm_bind_int(st, 16, g->refers);
	pm_bind_text(st, 17, g->company);
	pm_bind_text(st, 18, g->until);
	pm_bind_text(st, 19, g->confirmed_by);
	if (g->applied_at != 0)
		pm_bind_text(st, 20, pm_time_utc(g->applied_at, t[1]));
	pm_bind_text(st, 21, g->override_by);
	pm_bind_text(st, 22, g->override_reason);
	pm_bind_text(st, 23, g->offender[0] != '\0' ? g->offender : NULL);
	if (g->nth > 0)
		pm_bind_int(st, 24, g->nth);
	if ((rc = pm_db_step_done(db, st, "write gate record")) != 0)
		return rc;
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	return pm_audit(db, "gate_records", ids, "added: %s%s%s%s", g->kind,
	    g->unit[0] != '\0' ? " at " : "", g->unit,
	    g->override_by != NULL ? ", notice overridden by a manager" : "");
}

/* A person's name, ID and phone number, as given: checked. */
static int
person(const struct pm_gate_record *r, struct grow *g, int need_name,
    int need_id)
{
	int rc;

	if (need_name && r->name == NULL)
		return pm_err(PM_EX_USAGE, "%s: --name is needed", r->kind);
	if (need_id && r->id_number == NULL)
		return pm_err(PM_EX_USAGE, "%s: --id-number is needed", r->kind);
	if ((rc = pm_people_text(N_("name"), r->name, NAME_MAX_, 0)) != 0 ||
	    (r->id_number != NULL && (rc = pm_unit_check_id_number(
	    r->id_number)) != 0) ||
	    (r->phone != NULL && (rc = pm_unit_check_phone(r->phone)) != 0))
		return rc;
	g->name = r->name;
	g->phone = r->phone;
	if (r->id_number != NULL) {
		snprintf(g->id_number, sizeof g->id_number, "%s", r->id_number);
		/* One spelling of the check character: X. */
		if (g->id_number[17] == 'x')
			g->id_number[17] = 'X';
	}
	return 0;
}

/* The unit, required for 'kind' unless 'optional'. */
static int
place(struct pm_db *db, const struct pm_gate_record *r, struct grow *g,
    int optional)
{
	if (r->unit == NULL)
		return optional ? 0 : pm_err(PM_EX_USAGE, "%s: --unit is "
		    "needed", r->kind);
	return pm_people_unit(db, r->unit, 1, g->unit, sizeof g->unit);
}

/* A last day "2026-12-31", not before the record's day. */
static int
last_day(const struct pm_gate_record *r, struct grow *g)
{
	char d[PM_DATE_LEN];
	pm_time t;
	int rc;

	if (r->until == NULL)
		return 0;
	if (strlen(r->until) != 10 || (rc = pm_time_parse(r->until, &t)) != 0)
		return pm_err(PM_EX_USAGE, "until %s: not a day like 2026-12-31",
		    pm_q(r->until));
	if (strcmp(r->until, pm_date_local(g->at, d)) < 0)
		return pm_err(PM_EX_DATAERR, "until %s: before the day it is "
		    "registered", pm_q(r->until));
	g->until = r->until;
	return 0;
}

/*
 * A confirmation or a reason of nothing but spaces (ASCII or the
 * ideographic U+3000) says nothing: refused as empty, so that " " does
 * not stand for the owner's word or the manager's reason.
 */
static int
said(const char *what, const char *s)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t' || strncmp(p, "\xe3\x80\x80", 3) == 0)
		p += *p == ' ' || *p == '\t' ? 1 : 3;
	return *p != '\0' ? 0 : pm_err(PM_EX_DATAERR, "%s: empty", _(what));
}

/* Record 'key' of kind visitor, current: its id and time. */
static int
visitor_of(struct pm_db *db, const char *key, int64_t *record, pm_time *at,
    char *unit, size_t len)
{
	struct pm_fact_ref ref;
	sqlite3_stmt *st;
	int rc, visitor = 0;

	if ((rc = pm_fact_find(db, &pm_gate_fact, key, &ref)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT kind = 'visitor', at, unit"
	    " FROM gate_records WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, ref.row);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		visitor = sqlite3_column_int(st, 0);
		if (pm_time_parse_utc(pm_col_text(st, 1), at) != 0)
			*at = 0;
		snprintf(unit, len, "%s", pm_col_text(st, 2) != NULL ?
		    pm_col_text(st, 2) : "");
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read gate record");
	if (!visitor)
		return pm_err(PM_EX_DATAERR, "gate record %s: not a visitor",
		    pm_q(key));
	*record = ref.record;
	return 0;
}

static int
goods(struct pm_db *db, const struct pm_gate_record *r, struct grow *g)
{
	char unit[CODE_MAX];
	pm_time t;
	int rc;

	if (r->direction == NULL)
		return pm_err(PM_EX_USAGE, "goods: --direction is needed");
	if (r->detail == NULL)
		return pm_err(PM_EX_USAGE, "goods: --items is needed");
	if ((rc = pm_vocab_check(&pm_v_direction, r->direction, 0,
	    &g->direction)) != 0 || (rc = pm_vocab_check(&pm_v_carrier,
	    r->carrier != NULL ? r->carrier : "resident", 0, &g->carrier)) != 0)
		return rc;
	if (r->visitor != NULL) {
		if ((rc = visitor_of(db, r->visitor, &g->refers, &t, unit,
		    sizeof unit)) != 0)
			return rc;
		g->carrier = "visitor";
	}
	/* 访客携带物品出门须业主确认. */
	if (strcmp(g->carrier, "visitor") == 0 &&
	    strcmp(g->direction, "out") == 0 && r->confirmed_by == NULL)
		return pm_err(PM_EX_DATAERR, "goods a visitor takes out need the "
		    "owner's confirmation (--confirmed-by, such as 业主王建国电话确认)");
	if ((rc = pm_people_text(N_("confirmed by"), r->confirmed_by,
	    NAME_MAX_, 0)) != 0 || (r->confirmed_by != NULL &&
	    (rc = said(N_("confirmed by"), r->confirmed_by)) != 0) ||
	    (rc = place(db, r, g, 0)) != 0 ||
	    (rc = person(r, g, 0, 1)) != 0)
		return rc;
	g->confirmed_by = r->confirmed_by;
	return 0;
}

/* The notice a move needs, in seconds (meta gate_move_notice). */
static int
move_notice(struct pm_db *db, int64_t *secs)
{
	char *v = NULL;
	int rc;

	*secs = PM_GATE_MOVE_NOTICE;
	if ((rc = pm_db_meta(db, "gate_move_notice", &v)) != 0)
		return rc;
	if (v != NULL)
		*secs = strtoll(v, NULL, 10);
	free(v);
	return 0;
}

static int
move(struct pm_db *db, const struct pm_gate_record *r, struct grow *g)
{
	char when[PM_TIME_LOCAL_LEN], ahead[32], need[32];
	pm_time now = pm_now();
	int64_t notice;
	int rc;

	if (r->at == 0)
		return pm_err(PM_EX_USAGE, "move: --at is needed (when it is "
		    "to be)");
	if ((rc = place(db, r, g, 0)) != 0 || (rc = person(r, g, 0, 0)) != 0 ||
	    (rc = move_notice(db, &notice)) != 0)
		return rc;
	if (r->direction != NULL && (rc = pm_vocab_check(&pm_v_direction,
	    r->direction, 0, &g->direction)) != 0)
		return rc;
	pm_time_local(r->at, when);
	if (r->at <= now)
		return pm_err(PM_EX_DATAERR, "move at %s: not ahead (apply "
		    "before the move)", pm_q(when));
	g->applied_at = now;
	if (r->at - now >= notice)
		return r->override == NULL ? 0 : pm_err(PM_EX_USAGE, "move at "
		    "%s: --override is for a move less than %s ahead", pm_q(when),
		    pm_duration_fmt(notice, need, sizeof need));
	/* 提前24小时申请: less is refused unless a manager allows it. */
	if (r->override == NULL)
		return pm_err(PM_EX_DATAERR, "move at %s: applied for %s ahead, "
		    "%s is needed (a manager may allow it with --override "
		    "REASON)", pm_q(when), pm_duration_fmt(r->at - now, ahead,
		    sizeof ahead), pm_duration_fmt(notice, need, sizeof need));
	if ((rc = pm_people_text(N_("override"), r->override, TEXT_MAX, 0)) != 0 ||
	    (rc = said(N_("override"), r->override)) != 0 ||
	    (rc = pm_people_manager(db, N_("allow a move at short notice"))) != 0)
		return rc;
	g->override_by = db->user;
	g->override_reason = r->override;
	return 0;
}

static int
offence(struct pm_db *db, const struct pm_gate_record *r, struct grow *g)
{
	sqlite3_stmt *st;
	int rc;

	if (r->detail == NULL)
		return pm_err(PM_EX_USAGE, "offence: --rule is needed");
	if ((r->unit == NULL) == (r->id_number == NULL))
		return pm_err(PM_EX_USAGE, "offence: name the offender by "
		    "--unit or by --id-number");
	if ((rc = place(db, r, g, 1)) != 0 || (rc = person(r, g, 0, 0)) != 0)
		return rc;
	snprintf(g->offender, sizeof g->offender, "%s", g->unit[0] != '\0' ?
	    g->unit : g->id_number);
	st = pm_db_stmt(db, "SELECT count(*) FROM gate_records_now"
	    " WHERE offender = ?1 AND kind = 'offence'");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, g->offender);
	rc = sqlite3_step(st);
	g->nth = sqlite3_column_int(st, 0) + 1;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : pm_db_error(db, "count offences");
}

int
pm_gate_add(struct pm_db *db, const struct pm_gate_record *r, int64_t *id,
    int *nth)
{
	struct grow g;
	int rc;

	memset(&g, 0, sizeof g);
	if ((rc = pm_vocab_check(&pm_v_gate_kind, r->kind, 0, &g.kind)) != 0)
		return rc;
	if (strcmp(g.kind, "leave") == 0)
		return pm_err(PM_EX_USAGE, "a visitor's leaving names the visitor "
		    "(pm-gate leave)");
	g.at = r->at != 0 ? r->at : pm_now();
	if (strcmp(g.kind, "move") != 0 &&
	    (rc = pm_people_past(N_("gate time"), g.at)) != 0)
		return rc;
	if ((rc = pm_people_text(N_("detail"), r->detail, TEXT_MAX, 0)) != 0 ||
	    (rc = pm_people_text(N_("company"), r->company, NAME_MAX_, 0)) != 0)
		return rc;
	g.detail = r->detail;
	g.company = r->company;
	if (strcmp(g.kind, "visitor") == 0) {
		if ((rc = place(db, r, &g, 0)) == 0)
			rc = person(r, &g, 1, 0);
	} else if (strcmp(g.kind, "goods") == 0)
		rc = goods(db, r, &g);
	else if (strcmp(g.kind, "worker") == 0) {
		if ((rc = place(db, r, &g, 0)) == 0 &&
		    (rc = person(r, &g, 1, 1)) == 0 &&
		    (rc = last_day(r, &g)) == 0 && g.until == NULL)
			rc = pm_err(PM_EX_USAGE, "worker: --until is needed (the "
			    "last day of the pass)");
	} else if (strcmp(g.kind, "tenant") == 0) {
		if ((rc = place(db, r, &g, 0)) == 0 &&
		    (rc = person(r, &g, 1, 1)) == 0)
			rc = last_day(r, &g);
		if (rc == 0) {
			int found;

			if ((rc = pm_db_exists(db, "SELECT 1 FROM units"
			    " WHERE code = ?1 AND occupancy = 'rented'", g.unit,
			    "read unit", &found)) == 0 && !found)
				rc = pm_err(PM_EX_DATAERR, "unit %s: not rented "
				    "(pm-unit set --occupancy rented first)",
				    pm_q(g.unit));
		}
	} else if (strcmp(g.kind, "move") == 0)
		rc = move(db, r, &g);
	else
		rc = offence(db, r, &g);
	if (rc == 0 && r->override != NULL && strcmp(g.kind, "move") != 0)
		rc = pm_err(PM_EX_USAGE, "--override is for moves");
	if (rc != 0)
		return rc;
	if (nth != NULL)
		*nth = g.nth;
	return grow_write(db, &g, id);
}

int
pm_gate_leave(struct pm_db *db, const char *key, pm_time at, int64_t *id)
{
	char unit[CODE_MAX], ids[24];
	struct grow g;
	pm_time arrived;
	int rc, left;

	memset(&g, 0, sizeof g);
	g.kind = "leave";
	g.at = at != 0 ? at : pm_now();
	if ((rc = pm_people_past(N_("gate time"), g.at)) != 0 ||
	    (rc = visitor_of(db, key, &g.refers, &arrived, unit,
	    sizeof unit)) != 0)
		return rc;
	if (g.at < arrived)
		return pm_err(PM_EX_DATAERR, "visitor %s: cannot leave before "
		    "arriving", pm_q(key));
	snprintf(ids, sizeof ids, "%lld", (long long)g.refers);
	if ((rc = pm_db_exists(db, "SELECT 1 FROM gate_records_now"
	    " WHERE refers = ?1 AND kind = 'leave'", ids, "read gate records",
	    &left)) != 0)
		return rc;
	if (left)
		return pm_err(PM_EX_DATAERR, "visitor %s: left already", pm_q(key));
	snprintf(g.unit, sizeof g.unit, "%s", unit);
	return grow_write(db, &g, id);
}

/*
 * The record types.
 */

enum {
	OPT_KIND = PM_OPT_LONG,
	OPT_UNIT,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_OFFENDER
};

static const struct pm_field gate_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "g.record", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "g.at", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "g.kind", 0, &pm_v_gate_kind),
	PM_FIELD(N_("unit"), PM_F_TEXT, "g.unit", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "g.name", 0, NULL),
	PM_FIELD(N_("id_number"), PM_F_TEXT, "g.id_number", PM_F_MASKED, NULL),
	PM_FIELD(N_("phone"), PM_F_TEXT, "g.phone", PM_F_MASKED, NULL),
	PM_FIELD(N_("direction"), PM_F_TEXT, "g.direction", 0,
	    &pm_v_direction),
	PM_FIELD(N_("detail"), PM_F_TEXT, "g.detail", 0, NULL),
	PM_FIELD(N_("carrier"), PM_F_TEXT, "g.carrier", PM_F_SHOW,
	    &pm_v_carrier),
	PM_FIELD(N_("refers"), PM_F_INT, "g.refers", PM_F_SHOW, NULL),
	PM_FIELD(N_("company"), PM_F_TEXT, "g.company", PM_F_SHOW, NULL),
	PM_FIELD(N_("valid_until"), PM_F_TEXT, "g.valid_until", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("confirmed_by"), PM_F_TEXT, "g.confirmed_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("applied_at"), PM_F_TIME, "g.applied_at", PM_F_SHOW, NULL),
	PM_FIELD(N_("override_by"), PM_F_TEXT, "g.override_by", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("override_reason"), PM_F_TEXT, "g.override_reason",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("offence"), PM_F_INT, "g.nth", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "g.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "g.recorded_by", PM_F_SHOW,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter gate_filters[] = {
	{ .opt = { "kind", OPT_KIND, N_("kind"),
	    N_("visitor, leave, goods, worker, tenant, move or offence (访客, "
	    "离开, 物品进出, 装修人员, 租户, 大件搬运, 违规)") },
	    .kind = PM_FILTER_EQ, .sql = "g.kind = ?", .vocab = &pm_v_gate_kind },
	{ .opt = { "unit", OPT_UNIT, N_("code"), N_("records of this unit") },
	    .kind = PM_FILTER_EQ, .sql = "g.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "g.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "g.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_gate_type = {
	.name = N_("gate record"),
	.from = "gate_records_now g",
	.key = "g.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "g.at, g.record",
	.fields = gate_fields,
	.filters = gate_filters,
	.not_found = N_("gate record %s: no such record"),
	.list_cmd = "pm-gate list"
};

/*
 * Offenders: each unit or person (by ID number, masked unless --reveal)
 * with their offences counted: a warning the first time, a fine or
 * restriction after (方案11).
 */
static const struct pm_field offender_fields[] = {
	PM_FIELD(N_("unit"), PM_F_TEXT, "o.unit", 0, NULL),
	PM_FIELD(N_("id_number"), PM_F_TEXT, "CASE WHEN o.unit IS NULL"
	    " THEN o.offender END", PM_F_MASKED, NULL),
	PM_FIELD(N_("offences"), PM_F_INT, "o.n", 0, NULL),
	PM_FIELD(N_("action"), PM_F_TEXT, "CASE WHEN o.n > 1 THEN 'fine'"
	    " ELSE 'warning' END", 0, &pm_v_offence_action),
	PM_FIELD(N_("last_at"), PM_F_TIME, "o.last_at", 0, NULL),
	PM_FIELD(N_("last_rule"), PM_F_TEXT, "(SELECT detail FROM"
	    " gate_records_now x WHERE x.offender = o.offender AND"
	    " x.kind = 'offence' ORDER BY x.at DESC, x.record DESC LIMIT 1)", 0,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter offender_filters[] = {
	{ .opt = { "unit", OPT_UNIT, N_("code"), N_("this unit's offences") },
	    .kind = PM_FILTER_EQ, .sql = "o.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "repeat", OPT_OFFENDER, NULL,
	    N_("repeat offenders only (more than one offence)") },
	    .kind = PM_FILTER_FLAG, .sql = "o.n > 1" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_gate_offender_type = {
	.name = N_("offender"),
	.from = "(SELECT offender, max(unit) AS unit, count(*) AS n,"
	    " max(at) AS last_at FROM gate_records_now WHERE kind = 'offence'"
	    " GROUP BY offender) o",
	.key = "o.offender",
	.key_kind = PM_KEY_TEXT,
	.key_arg = N_("offender"),
	.order = "o.n DESC, o.last_at DESC",
	.fields = offender_fields,
	.filters = offender_filters,
	.not_found = N_("offender %s: no offences"),
	.list_cmd = "pm-gate offenders"
};
