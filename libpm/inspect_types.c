/*
 * inspect_types.c - the record types of pm-inspect: inspections and
 * their items' results, checklists and their items, facilities and their
 * maintenance plans, maintenance records, work-plan entries and housing
 * grades.  Lists, shows and lookups come from these declarations
 * (record.h); what a column holds is written here once.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "money.h"
#include "staff.h"
#include "unit.h"
#include "vocab.h"

enum {
	OPT_SINCE = PM_OPT_LONG,
	OPT_UNTIL,
	OPT_FAILED,
	OPT_FACILITY,
	OPT_INSPECTOR,
	OPT_CURRENT,
	OPT_TASK,
	OPT_STATE,
	OPT_GRADE
};

/*
 * Custom columns.
 */

/* A score: the weight passed over the weight of all, in percent. */
static void
put_score(struct pm_out *o, sqlite3_stmt *st, int col)
{
	char buf[32];
	int64_t t = pm_rate_tenths(sqlite3_column_int64(st, col),
	    sqlite3_column_int64(st, col + 1));

	if (t < 0) {
		pm_out_text(o, NULL);
		return;
	}
	snprintf(buf, sizeof buf, "%lld.%lld", (long long)(t / 10),
	    (long long)(t % 10));
	pm_out_text(o, buf);
}

/* A reading in thousandths, or NULL. */
static void
put_reading(struct pm_out *o, sqlite3_stmt *st, int col)
{
	char buf[PM_READING_LEN];

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		pm_out_text(o, NULL);
	else
		pm_out_text(o, pm_reading_fmt(sqlite3_column_int64(st, col),
		    buf));
}

/* An interval from its days and months columns; a lead time. */
static void
put_interval(struct pm_out *o, sqlite3_stmt *st, int col)
{
	struct pm_interval iv;

	iv.days = sqlite3_column_int(st, col);
	iv.months = sqlite3_column_int(st, col + 1);
	ins_out_interval(o, &iv, 0);
}

static void
put_span(struct pm_out *o, sqlite3_stmt *st, int col)
{
	struct pm_interval iv;

	iv.days = sqlite3_column_int(st, col);
	iv.months = sqlite3_column_int(st, col + 1);
	ins_out_interval(o, &iv, 1);
}

/* A plan's next due day: see ins_next_due(). */
static void
put_next_due(struct pm_out *o, sqlite3_stmt *st, int col)
{
	struct pm_interval iv;
	char buf[PM_DATE_LEN];
	int64_t z;

	iv.days = sqlite3_column_int(st, col);
	iv.months = sqlite3_column_int(st, col + 1);
	z = ins_next_due(&iv, pm_col_text(st, col + 2),
	    pm_col_text(st, col + 3), pm_col_text(st, col + 4));
	pm_out_text(o, z == INS_NO_DAY ? NULL : pm_day_fmt(z, buf));
}

/* Months as a bit set: "1-3", "10", "11-12,1-2" in month order. */
static void
put_months(struct pm_out *o, sqlite3_stmt *st, int col)
{
	char buf[64];

	pm_out_text(o, ins_months_fmt(sqlite3_column_int(st, col), buf,
	    sizeof buf));
}

/* Weekdays as a bit set: "tue,thu" (周二,周四 for people in Chinese). */
static void
put_weekdays(struct pm_out *o, sqlite3_stmt *st, int col)
{
	char buf[128];
	size_t n = 0;
	int mask = sqlite3_column_int(st, col), i;

	buf[0] = '\0';
	for (i = 0; i < 7; i++) {
		if (!(mask & (1 << i)))
			continue;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		    n ? "," : "", pm_out_for_people(o) ?
		    pm_vocab_label(&pm_v_weekday, pm_vocab_id(&pm_v_weekday,
		    i)) : pm_vocab_id(&pm_v_weekday, i));
	}
	pm_out_text(o, n ? buf : NULL);
}

#define CUSTOM(name, sql, flags, ncols, put, type) \
	{ name, PM_F_CUSTOM, sql, flags, NULL, ncols, put, type }

/*
 * Inspections.
 */

static const struct pm_field inspection_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "i.id", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "i.at", 0, NULL),
	PM_FIELD(N_("checklist"), PM_F_TEXT, "i.checklist", 0, NULL),
	PM_FIELD(N_("level"), PM_F_TEXT, "i.level", 0, &pm_v_inspect_level),
	/* A ticket checked after its repair is "#42". */
	PM_FIELD(N_("place"), PM_F_TEXT, "CASE WHEN i.place_kind = 'ticket'"
	    " THEN '#' || i.place ELSE i.place END", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "i.unit", PM_F_SHOW, NULL),
	PM_FIELD(N_("inspector"), PM_F_TEXT, "i.inspector", 0, NULL),
	CUSTOM(N_("score"), "i.passed, i.weight", 0, 2, put_score,
	    PM_COL_NUM),
	PM_FIELD(N_("result"), PM_F_TEXT, "i.result", 0, &pm_v_result),
	PM_FIELD(N_("failed"), PM_F_INT, "i.failed", 0, NULL),
	PM_FIELD(N_("of"), PM_F_INT, "i.of", 0, NULL),
	PM_FIELD(N_("note"), PM_F_TEXT, "i.note", 0, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "i.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "i.recorded_by", PM_F_SHOW,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter inspection_filters[] = {
	{ .opt = { "checklist", 'c', N_("code"),
	    N_("checks with this checklist") },
	    .kind = PM_FILTER_EQ, .sql = "i.checklist = ?",
	    .ref = &pm_checklist_type },
	{ .opt = { "level", 'l', N_("level"),
	    N_("self, lead or supervisor (自检, 班长检查, 主管抽查)") },
	    .kind = PM_FILTER_EQ, .sql = "i.level = ?",
	    .vocab = &pm_v_inspect_level },
	{ .opt = { "unit", 'u', N_("code"),
	    N_("checks at this unit, public area or common part (a "
	    "facility's location, a ticket's unit)") },
	    .kind = PM_FILTER_EQ, .sql = "i.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "facility", OPT_FACILITY, N_("code"),
	    N_("checks of this facility") },
	    .kind = PM_FILTER_EQ,
	    .sql = "i.place_kind = 'facility' AND i.place = ?",
	    .ref = &pm_facility_type },
	{ .opt = { "inspector", OPT_INSPECTOR, N_("login"),
	    N_("checks made by this staff member") },
	    .kind = PM_FILTER_EQ, .sql = "i.inspector = ?",
	    .ref = &pm_staff_type },
	{ .opt = { "failed", OPT_FAILED, NULL, N_("only the checks that failed") },
	    .kind = PM_FILTER_FLAG, .sql = "i.result = 'fail'" },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("made at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "i.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("made before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "i.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_inspection_type = {
	.name = N_("inspection"),
	.from = "inspections i",
	.key = "i.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "i.at, i.id",
	.fields = inspection_fields,
	.filters = inspection_filters,
	.not_found = N_("inspection %s: no such inspection"),
	.list_cmd = "pm-inspect list"
};

static const struct pm_field item_fields[] = {
	PM_FIELD(N_("inspection"), PM_F_INT, "t.inspection_id", 0, NULL),
	PM_FIELD(N_("item"), PM_F_INT, "t.n", 0, NULL),
	PM_FIELD(N_("check"), PM_F_TEXT, "t.text", 0, NULL),
	PM_FIELD(N_("result"), PM_F_TEXT, "t.result", 0, &pm_v_result),
	CUSTOM(N_("reading"), "t.reading", 0, 1, put_reading, PM_COL_NUM),
	CUSTOM(N_("previous"), "t.previous", 0, 1, put_reading, PM_COL_NUM),
	PM_FIELD(N_("reading_unit"), PM_F_TEXT, "t.unit_of", 0, NULL),
	PM_FIELD(N_("weight"), PM_F_INT, "t.weight", 0, NULL),
	PM_FIELD(N_("serious"), PM_F_INT, "t.serious", 0, NULL),
	PM_FIELD(N_("note"), PM_F_TEXT, "t.note", 0, NULL),
	PM_FIELD_END
};

static const struct pm_filter item_filters[] = {
	{ .opt = { "inspection", 'i', N_("id"), N_("the items of this check") },
	    .kind = PM_FILTER_EQ, .sql = "t.inspection_id = ?",
	    .ref = &pm_inspection_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_inspection_item_type = {
	.name = N_("item"),
	.from = "inspection_items t",
	.key = "t.inspection_id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "t.inspection_id, t.n",
	.fields = item_fields,
	.filters = item_filters,
	.not_found = N_("inspection %s: no such inspection")
};

/*
 * Checklists and their items.
 */

static const struct pm_field checklist_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "k.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "k.name", 0, NULL),
	PM_FIELD(N_("department"), PM_F_TEXT, "k.department", 0, NULL),
	PM_FIELD(N_("category"), PM_F_TEXT, "k.category", 0, NULL),
	/* Basis points are hundredths of a percent: 9000 is "90.00". */
	PM_FIELD(N_("pass_score"), PM_F_HUNDREDTHS, "k.pass_score", 0, NULL),
	PM_FIELD(N_("items"), PM_F_INT, "(SELECT count(*) FROM"
	    " checklist_items t WHERE t.checklist = k.code AND t.retired = 0)",
	    0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "k.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter checklist_filters[] = {
	{ .opt = { "department", 'D', N_("code"),
	    N_("the checklists of this department") },
	    .kind = PM_FILTER_EQ, .sql = "k.department = ?",
	    .ref = &pm_department_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_checklist_type = {
	.name = N_("checklist"),
	.from = "checklists k",
	.key = "k.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "k.retired = 0",
	.order = "k.code",
	.fields = checklist_fields,
	.filters = checklist_filters,
	.not_found = N_("checklist %s: no such checklist"),
	.list_cmd = "pm-inspect checklist list"
};

static const struct pm_field checklist_item_fields[] = {
	PM_FIELD(N_("checklist"), PM_F_TEXT, "t.checklist", 0, NULL),
	PM_FIELD(N_("item"), PM_F_INT, "t.n", 0, NULL),
	PM_FIELD(N_("check"), PM_F_TEXT, "t.text", 0, NULL),
	PM_FIELD(N_("weight"), PM_F_INT, "t.weight", 0, NULL),
	PM_FIELD(N_("serious"), PM_F_INT, "t.serious", 0, NULL),
	PM_FIELD(N_("reading_unit"), PM_F_TEXT, "t.reading", 0, NULL),
	CUSTOM(N_("min"), "t.min", 0, 1, put_reading, PM_COL_NUM),
	CUSTOM(N_("max"), "t.max", 0, 1, put_reading, PM_COL_NUM),
	PM_FIELD(N_("unchanged"), PM_F_INT, "t.unchanged", 0, NULL),
	PM_FIELD(N_("category"), PM_F_TEXT, "coalesce(t.category, (SELECT"
	    " k.category FROM checklists k WHERE k.code = t.checklist))", 0,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter checklist_item_filters[] = {
	{ .opt = { "checklist", 'c', N_("code"), N_("the items of this checklist") },
	    .kind = PM_FILTER_EQ, .sql = "t.checklist = ?",
	    .ref = &pm_checklist_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_checklist_item_type = {
	.name = N_("item"),
	.from = "checklist_items t",
	.key = "t.key",
	.key_kind = PM_KEY_TEXT,
	.key_arg = N_("code"),
	.where = "t.retired = 0",
	.order = "t.checklist, t.n",
	.fields = checklist_item_fields,
	.filters = checklist_item_filters,
	.not_found = N_("checklist %s: no such checklist")
};

/*
 * Facilities and their plans.
 */

static const struct pm_field facility_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "f.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "f.name", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "f.kind", 0, &pm_v_facility_kind),
	PM_FIELD(N_("location"), PM_F_TEXT, "f.location", 0, NULL),
	PM_FIELD(N_("department"), PM_F_TEXT, "f.department", 0, NULL),
	PM_FIELD(N_("state"), PM_F_TEXT, INS_FACILITY_STATE("f.code"), 0,
	    &pm_v_facility_state),
	PM_FIELD(N_("since"), PM_F_TIME, "(SELECT s.at FROM facility_states s"
	    " WHERE s.facility = f.code ORDER BY s.at DESC, s.id DESC"
	    " LIMIT 1)", 0, NULL),
	PM_FIELD(N_("certificate"), PM_F_TEXT, INS_CERTIFICATE("f"), 0, NULL),
	PM_FIELD(N_("contractor"), PM_F_TEXT, "f.contractor", 0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "f.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter facility_filters[] = {
	{ .opt = { "kind", 'k', N_("kind"),
	    N_("power, water, fire, lift, security or other (供配电, 给排水, "
	    "消防, 电梯, 安防, 其他)") },
	    .kind = PM_FILTER_EQ, .sql = "f.kind = ?",
	    .vocab = &pm_v_facility_kind },
	{ .opt = { "department", 'D', N_("code"),
	    N_("the facilities this department looks after") },
	    .kind = PM_FILTER_EQ, .sql = "f.department = ?",
	    .ref = &pm_department_type },
	{ .opt = { "state", 's', N_("state"),
	    N_("good, faulty or out_of_service (完好, 故障, 停用)") },
	    .kind = PM_FILTER_EQ, .sql = INS_FACILITY_STATE("f.code") " = ?",
	    .vocab = &pm_v_facility_state },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_facility_type = {
	.name = N_("facility"),
	.from = "facilities f",
	.key = "f.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "f.retired = 0",
	.order = "f.kind, f.code" PM_SQL_NATURAL,
	.fields = facility_fields,
	.filters = facility_filters,
	.not_found = N_("facility %s: no such facility"),
	.list_cmd = "pm-inspect facility list"
};

static const struct pm_field plan_fields[] = {
	PM_FIELD(N_("facility"), PM_F_TEXT, "p.facility", 0, NULL),
	PM_FIELD(N_("task"), PM_F_TEXT, "p.task", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "p.name", 0, NULL),
	CUSTOM(N_("every"), "p.every_days, p.every_months", 0, 2,
	    put_interval, PM_COL_TEXT),
	CUSTOM(N_("ahead"), "p.ahead_days, p.ahead_months", 0, 2,
	    put_span, PM_COL_TEXT),
	PM_FIELD(N_("hard"), PM_F_INT, "p.hard", 0, NULL),
	PM_FIELD(N_("last"), PM_F_TIME, "r.at", 0, NULL),
	CUSTOM(N_("next_due"), "p.every_days, p.every_months, r.at,"
	    " r.next_due, " INS_SINCE("'maint_plans'", "p.key"), 0, 5,
	    put_next_due, PM_COL_TEXT),
	PM_FIELD_END
};

static const struct pm_filter plan_filters[] = {
	{ .opt = { "facility", OPT_FACILITY, N_("code"),
	    N_("the plans of this facility") },
	    .kind = PM_FILTER_EQ, .sql = "p.facility = ?",
	    .ref = &pm_facility_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

/* Each plan with its last record, the one that counts for the next. */
const struct pm_rtype pm_facility_plan_type = {
	.name = N_("plan"),
	.from = "maint_plans p LEFT JOIN maint_last l ON l.facility ="
	    " p.facility AND l.task = p.task LEFT JOIN maint_records r"
	    " ON r.id = l.id",
	.key = "p.key",
	.key_kind = PM_KEY_TEXT,
	.key_arg = N_("code"),
	.where = "p.retired = 0",
	.order = "p.facility, p.task",
	.fields = plan_fields,
	.filters = plan_filters,
	.not_found = N_("facility %s: no such facility")
};

/*
 * Maintenance records.
 */

static const struct pm_field maint_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "r.id", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "r.at", 0, NULL),
	PM_FIELD(N_("facility"), PM_F_TEXT, "r.facility", 0, NULL),
	PM_FIELD(N_("task"), PM_F_TEXT, "r.task", 0, NULL),
	PM_FIELD(N_("done"), PM_F_TEXT, "r.done", 0, NULL),
	PM_FIELD(N_("who"), PM_F_TEXT, "r.who", 0, NULL),
	PM_FIELD(N_("contractor"), PM_F_TEXT, "r.contractor", 0, NULL),
	PM_FIELD(N_("parts"), PM_F_TEXT, "r.parts", 0, NULL),
	PM_FIELD(N_("cost"), PM_F_FEN, "r.cost", 0, NULL),
	PM_FIELD(N_("result"), PM_F_TEXT, "r.result", 0, &pm_v_facility_state),
	PM_FIELD(N_("next_due"), PM_F_TEXT, "r.next_due", 0, NULL),
	PM_FIELD(N_("certificate"), PM_F_TEXT, "r.certificate", 0, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "r.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter maint_filters[] = {
	{ .opt = { "facility", OPT_FACILITY, N_("code"),
	    N_("the records of this facility") },
	    .kind = PM_FILTER_EQ, .sql = "r.facility = ?",
	    .ref = &pm_facility_type },
	{ .opt = { "task", OPT_TASK, N_("task"),
	    N_("the records of this task (see pm-inspect facility show)") },
	    .kind = PM_FILTER_EQ, .sql = "r.task = ?" },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("done at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "r.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("done before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "r.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_maint_type = {
	.name = N_("maintenance record"),
	.from = "maint_records r",
	.key = "r.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "r.at, r.id",
	.fields = maint_fields,
	.filters = maint_filters,
	.not_found = N_("maintenance record %s: no such record"),
	.list_cmd = "pm-inspect maint list"
};

/*
 * Work-plan entries.
 */

static const struct pm_field work_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "w.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "w.name", 0, NULL),
	PM_FIELD(N_("department"), PM_F_TEXT, "w.department", 0, NULL),
	PM_FIELD(N_("year"), PM_F_INT0, "w.year", 0, NULL),
	CUSTOM(N_("months"), "w.months", 0, 1, put_months, PM_COL_TEXT),
	PM_FIELD(N_("every"), PM_F_TEXT, "w.often", 0, &pm_v_often),
	CUSTOM(N_("days"), "w.weekdays", 0, 1, put_weekdays, PM_COL_TEXT),
	PM_FIELD(N_("last"), PM_F_TIME, "(SELECT max(r.at) FROM work_records r"
	    " WHERE r.plan = w.code)", 0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "w.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter work_filters[] = {
	{ .opt = { "department", 'D', N_("code"),
	    N_("the entries of this department") },
	    .kind = PM_FILTER_EQ, .sql = "w.department = ?",
	    .ref = &pm_department_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_work_type = {
	.name = N_("work-plan entry"),
	.from = "work_plans w",
	.key = "w.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "w.retired = 0",
	.order = "w.department, w.code",
	.fields = work_fields,
	.filters = work_filters,
	.not_found = N_("work-plan entry %s: no such entry"),
	.list_cmd = "pm-inspect work list"
};

/*
 * Housing grades.
 */

static const struct pm_field grade_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "g.id", 0, NULL),
	PM_FIELD(N_("at"), PM_F_TIME, "g.at", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "g.unit", 0, NULL),
	PM_FIELD(N_("area"), PM_F_HUNDREDTHS, "g.area", 0, NULL),
	PM_FIELD(N_("grade"), PM_F_TEXT, "g.grade", 0, &pm_v_grade),
	PM_FIELD(N_("building"), PM_F_TEXT, "g.building", 0, NULL),
	PM_FIELD(N_("who"), PM_F_TEXT, "g.who", 0, NULL),
	PM_FIELD(N_("reason"), PM_F_TEXT, "g.reason", 0, NULL),
	PM_FIELD_END
};

static const struct pm_filter grade_filters[] = {
	{ .opt = { "building", 'b', N_("code"),
	    N_("the units of this building") },
	    .kind = PM_FILTER_EQ,
	    .sql = "g.unit IN (SELECT code FROM units WHERE building = ?)",
	    .ref = &pm_building_type },
	{ .opt = { "unit", 'u', N_("code"), N_("this unit") },
	    .kind = PM_FILTER_EQ, .sql = "g.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "grade", OPT_GRADE, N_("grade"),
	    N_("good, basic, damaged, serious or dangerous (完好, 基本完好, "
	    "一般损坏, 严重损坏, 危险)") },
	    .kind = PM_FILTER_EQ, .sql = "g.grade = ?", .vocab = &pm_v_grade },
	{ .opt = { "current", OPT_CURRENT, NULL,
	    N_("only each unit's last grade (its grade now)") },
	    .kind = PM_FILTER_FLAG, .sql = "g.id = (SELECT g2.id FROM"
	    " housing_grades g2 WHERE g2.unit = g.unit ORDER BY g2.at DESC,"
	    " g2.id DESC LIMIT 1)" },
	{ .opt = { "since", OPT_SINCE, N_("time"),
	    N_("graded at or after (a day, month or year: from its start)") },
	    .kind = PM_FILTER_SINCE, .sql = "g.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, N_("time"),
	    N_("graded before (a day, month or year: up to its end)") },
	    .kind = PM_FILTER_UNTIL, .sql = "g.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_grade_type = {
	.name = N_("grade"),
	.from = "housing_grades g",
	.key = "g.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "g.at, g.id",
	.fields = grade_fields,
	.filters = grade_filters,
	.not_found = N_("grade %s: no such grade")
};
