/*
 * check_estate.c - the estate file: loading, every error with its place,
 * and applying it to a database (added, changed, retired, audited).
 *
 * Paths are relative to the top of the source tree, where the runner
 * runs.  Small estates are written inline and loaded from memory; those
 * that need a calendar file go to a temporary directory.
 */
#include <sys/stat.h>

#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pmtest.h"
#include "clock.h"
#include "estate.h"
#include "kpi.h"
#include "versions.h"

#define EXAMPLE "examples/aijia.yaml"
#define SMALL "tests/data/estate-small.yaml"

/* The counts report() was given, by kind, in the order it was called. */
#define MAX_KINDS 48	/* the core's kinds and the tools' sections' */
struct report {
	int n;
	char what[MAX_KINDS][24];
	int count[MAX_KINDS][3];
};

static void
collect(const char *what, int added, int changed, int retired, void *arg)
{
	struct report *r = arg;

	ck_assert_int_lt(r->n, MAX_KINDS);
	snprintf(r->what[r->n], sizeof r->what[0], "%s", what);
	r->count[r->n][0] = added;
	r->count[r->n][1] = changed;
	r->count[r->n][2] = retired;
	r->n++;
}

static const char *const kinds[] = { "departments", "staff", "buildings",
	"units", "public areas", "common parts", "categories", "sla",
	"kpi targets", "calendar days", "settings", "checklists",
	"checklist items", "facilities", "maintenance plans", "rounds",
	"round places", "work plans", "fee settings", "fee books",
	"receipt series", "fee items", "fee rates", "fee scopes",
	"parking spaces", "parking holders", "statement formats",
	"visit quotas", "training quotas", "survey lines", "duty posts",
	"gate settings" };
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

/* The counts reported for 'what', as "added/changed/retired". */
static const char *
counts(const struct report *r, const char *what)
{
	static char buf[4][32];
	static int which;
	char *b = buf[which++ % 4];
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->what[i], what) == 0) {
			snprintf(b, sizeof buf[0], "%d/%d/%d", r->count[i][0],
			    r->count[i][1], r->count[i][2]);
			return b;
		}
	return "missing";
}

static int
all_zero(const struct report *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->count[i][0] || r->count[i][1] || r->count[i][2])
			return 0;
	/* Every kind of the core, and those of the tools' sections. */
	for (i = 0; i < NKINDS; i++)
		if (strcmp(counts(r, kinds[i]), "missing") == 0)
			return 0;
	return 1;
}

static struct pm_estate *
load_file(const char *path)
{
	struct pm_estate *e = NULL;
	int rc = pm_estate_load(path, &e);

	ck_assert_msg(rc == 0, "load %s: %d %s", path, rc, pm_err_msg());
	return e;
}

static struct pm_estate *
load_text(const char *yaml)
{
	struct pm_estate *e = NULL;
	int rc = pm_estate_load_mem("test.yaml", yaml, strlen(yaml), 0, &e);

	ck_assert_msg(rc == 0, "load: %d %s", rc, pm_err_msg());
	return e;
}

/* The rows report() was given, one "action kind key change" a line. */
struct rows {
	char text[4096];
	size_t len;
	int n;
};

static void
collect_row(const char *what, const char *action, const char *key,
    const char *change, void *arg)
{
	struct rows *r = arg;

	r->n++;
	r->len += (size_t)snprintf(r->text + r->len, sizeof r->text - r->len,
	    "%s|%s|%s|%s\n", action, what, key, change ? change : "(null)");
	ck_assert_uint_lt(r->len, sizeof r->text);
}

/* Apply 'yaml' and return the rows it reported. */
static const char *
apply_rows(struct pm_db *db, const char *yaml)
{
	static struct rows r;
	struct pm_estate_report er = { NULL, collect_row, &r };
	struct pm_estate *e = load_text(yaml);
	int rc;

	memset(&r, 0, sizeof r);
	rc = pm_estate_apply(db, e, &er);
	ck_assert_msg(rc == 0, "apply: %d %s", rc, pm_err_msg());
	pm_estate_free(e);
	return r.text;
}

/* Loading 'yaml' fails with 'code' and exactly 'msg'; nothing is kept. */
static void
load_fails(const char *yaml, int code, const char *msg)
{
	struct pm_estate *e = (struct pm_estate *)1;
	int rc;

	pm_err_clear();
	rc = pm_estate_load_mem("test.yaml", yaml, strlen(yaml), 0, &e);
	ck_assert_msg(rc == code, "status %d, want %d (%s)\nfor: %s", rc, code,
	    pm_err_msg(), yaml);
	ck_assert_ptr_null(e);
	ck_assert_msg(strcmp(pm_err_msg(), msg) == 0,
	    "\n got '%s'\nwant '%s'", pm_err_msg(), msg);
}

/* As load_fails(), for messages whose end another module words. */
static void
load_fails_with(const char *yaml, int code, const char *start)
{
	struct pm_estate *e = (struct pm_estate *)1;
	int rc;

	pm_err_clear();
	rc = pm_estate_load_mem("test.yaml", yaml, strlen(yaml), 0, &e);
	ck_assert_msg(rc == code, "status %d, want %d (%s)", rc, code,
	    pm_err_msg());
	ck_assert_ptr_null(e);
	ck_assert_msg(strncmp(pm_err_msg(), start, strlen(start)) == 0,
	    "\n got '%s'\nwant '%s...'", pm_err_msg(), start);
}

static void
apply(struct pm_db *db, const struct pm_estate *e, struct report *r)
{
	struct pm_estate_report er = { collect, NULL, r };
	int rc;

	memset(r, 0, sizeof *r);
	rc = pm_estate_apply(db, e, &er);
	ck_assert_msg(rc == 0, "apply: %d %s", rc, pm_err_msg());
}

static void
apply_text(struct pm_db *db, const char *yaml, struct report *r)
{
	struct pm_estate *e = load_text(yaml);

	apply(db, e, r);
	pm_estate_free(e);
}

/* One integer from SQL (with one optional text parameter). */
static int64_t
sql_int(struct pm_db *db, const char *sql, const char *param)
{
	sqlite3_stmt *st;
	int64_t v;

	ck_assert_int_eq(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (param != NULL)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "no row: %s", sql);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One text value from SQL, copied into a static buffer ("(null)"). */
static const char *
sql_text(struct pm_db *db, const char *sql, const char *param)
{
	static char buf[2][512];
	static int which;
	char *b = buf[which++ % 2];
	sqlite3_stmt *st;
	const unsigned char *t;

	ck_assert_int_eq(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (param != NULL)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "no row: %s", sql);
	t = sqlite3_column_text(st, 0);
	snprintf(b, sizeof buf[0], "%s", t ? (const char *)t : "(null)");
	sqlite3_finalize(st);
	return b;
}

static void
exec(struct pm_db *db, const char *sql)
{
	ck_assert_msg(pm_db_exec(db, sql) == 0, "%s: %s", sql, pm_err_msg());
}

static const struct pm_estate_unit *
find_unit(const struct pm_estate *e, const char *code)
{
	int i;

	for (i = 0; i < e->nunits; i++)
		if (strcmp(e->units[i].code, code) == 0)
			return &e->units[i];
	return NULL;
}

static const struct pm_estate_unit *find_part(const struct pm_estate *,
    const char *);

/* A temporary directory with files in it, removed by tmp_done(). */
static char tmpdir[64];

static const char *
tmp_file(const char *name, const char *text)
{
	static char path[4][128];
	static int which;
	char *p = path[which++ % 4];
	FILE *fp;

	if (tmpdir[0] == '\0') {
		snprintf(tmpdir, sizeof tmpdir, "/tmp/check_estate.XXXXXX");
		ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	}
	snprintf(p, sizeof path[0], "%s/%s", tmpdir, name);
	ck_assert_ptr_nonnull(fp = fopen(p, "w"));
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
	return p;
}

static void
tmp_done(void)
{
	char cmd[128];

	if (tmpdir[0] == '\0')
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	tmpdir[0] = '\0';
}

/*
 * Loading.
 */

static const struct pm_estate_category *
find_category(const struct pm_estate *e, const char *code)
{
	int i;

	for (i = 0; i < e->ncategories; i++)
		if (strcmp(e->categories[i].code, code) == 0)
			return &e->categories[i];
	return NULL;
}

START_TEST(example_loads)
{
	struct pm_estate *e = load_file(EXAMPLE);
	const struct pm_estate_category *k;
	const struct pm_estate_unit *u;
	int i;

	ck_assert_str_eq(e->name, "爱家名邸");
	ck_assert_str_eq(e->timezone, "Asia/Shanghai");
	ck_assert_str_eq(e->working_hours, "08:30-12:00,13:30-17:30");
	ck_assert_str_eq(e->calendar, "cn-holidays-2026.tsv");
	ck_assert_str_eq(e->language, "zh_CN");
	ck_assert_int_eq(e->calendar_read, 1);
	ck_assert_int_eq(e->ndepartments, 5);
	ck_assert_int_eq(e->nstaff, 30);
	ck_assert_int_eq(e->nbuildings, 8);
	ck_assert_int_eq(e->nunits, 592);
	ck_assert_int_eq(e->npublic_areas, 12);
	/* 16 entrances with a lift, stairwell and hall; 8 roofs. */
	ck_assert_int_eq(e->ncommon_parts, 16 * 3 + 8);
	ck_assert_int_eq(e->ncategories, 26);
	ck_assert_int_eq(e->ndays, 39);

	ck_assert_ptr_nonnull(u = find_unit(e, "3-1-502"));
	ck_assert_str_eq(u->building, "3");
	ck_assert_int_eq(u->entrance, 1);
	ck_assert_int_eq(u->floor, 5);
	ck_assert_int_eq(u->area, 12030);
	ck_assert_ptr_null(u->condition);
	ck_assert_ptr_nonnull(u = find_unit(e, "7-2-204"));
	ck_assert_str_eq(u->condition, "basic");
	ck_assert_ptr_nonnull(u = find_unit(e, "8-1-1301"));
	ck_assert_int_eq(u->floor, 13);
	ck_assert_int_eq(u->area, 26840);
	ck_assert_ptr_nonnull(u = find_unit(e, "8-S01"));
	ck_assert_int_eq(u->entrance, 0);
	ck_assert_int_eq(u->floor, 1);
	ck_assert_ptr_null(find_unit(e, "3-1-1901"));
	ck_assert_ptr_nonnull(u = find_part(e, "3-1-LIFT"));
	ck_assert_str_eq(u->name, "3号楼1单元电梯");
	ck_assert_ptr_nonnull(u = find_part(e, "5-3-HALL"));
	ck_assert_str_eq(u->name, "5号楼3单元门厅");
	ck_assert_ptr_nonnull(u = find_part(e, "8-ROOF"));
	ck_assert_ptr_null(find_part(e, "8-3-LIFT"));

	/*
	 * The plan's level 1 (一级信息) is safety events and outages: people
	 * trapped in a lift, a lift out of service, a flooding leak.
	 */
	ck_assert_ptr_nonnull(k = find_category(e, "lift-trapped"));
	ck_assert_str_eq(k->name, "电梯困人");
	ck_assert_int_eq(k->urgent, 1);
	ck_assert_int_eq(k->emergency, 1);
	ck_assert_ptr_nonnull(k = find_category(e, "lift-fault"));
	ck_assert_int_eq(k->urgent, 1);
	ck_assert_ptr_nonnull(k = find_category(e, "water-leak"));
	ck_assert_int_eq(k->urgent, 1);
	ck_assert_int_eq(k->emergency, 1);
	for (i = 0; i < e->ncategories; i++)
		ck_assert_msg(!e->categories[i].emergency ||
		    strcmp(e->categories[i].kind, "repair") == 0,
		    "%s: emergency but not a repair", e->categories[i].code);

	/* Every department has a lead; a manager and two supervisors. */
	for (i = 0; i < e->ndepartments; i++) {
		int j, lead = 0;

		for (j = 0; j < e->nstaff; j++)
			lead += strcmp(e->staff[j].department,
			    e->departments[i].code) == 0 &&
			    strcmp(e->staff[j].role, "lead") == 0;
		ck_assert_msg(lead > 0, "no lead in %s",
		    e->departments[i].code);
	}

	ck_assert_str_eq(e->days[0].date, "2026-01-01");
	ck_assert_str_eq(e->days[0].name, "元旦");
	ck_assert_int_eq(e->days[3].working, 1);
	ck_assert_str_eq(e->days[3].name, "元旦调休");

	/* 2d working: two working days of 7.5 hours. */
	ck_assert_str_eq(e->sla[PM_SLA_FEEDBACK].name, "feedback");
	ck_assert_int_eq(e->sla[PM_SLA_FEEDBACK].seconds, 2 * 27000);
	ck_assert_str_eq(e->sla[PM_SLA_FEEDBACK].clock, "working");
	ck_assert_int_eq(e->sla[PM_SLA_SAME_DAY].seconds, 0);
	ck_assert_int_eq(e->sla[PM_SLA_ONSITE].seconds, 1800);
	ck_assert_int_eq(e->sla[PM_SLA_REPEAT_WINDOW].seconds, 30 * 86400);
	ck_assert_str_eq(e->kpi[4].kpi, "first_time_fix");
	ck_assert_int_eq(e->kpi[4].target, 9000);
	ck_assert_str_eq(e->kpi[6].kpi, "arrears_recovery");
	ck_assert_int_eq(e->kpi[6].target, -1);
	pm_estate_free(e);
}
END_TEST

START_TEST(small_fixture_and_defaults)
{
	struct pm_estate *e = load_file(SMALL);
	const struct pm_estate_unit *u;

	ck_assert_str_eq(e->working_hours, "08:30-12:00,13:30-17:30");
	ck_assert_int_eq(e->nunits, 13);
	ck_assert_int_eq(e->ndays, 39);
	ck_assert_ptr_nonnull(u = find_unit(e, "1-1-401"));
	ck_assert_int_eq(u->entrance, 1);
	ck_assert_int_eq(u->floor, 4);
	ck_assert_int_eq(u->area, 20000);
	ck_assert_ptr_nonnull(u = find_unit(e, "1-2-302"));
	ck_assert_int_eq(u->area, 12030);
	ck_assert_str_eq(u->condition, "basic");
	ck_assert_str_eq(e->public_areas[1].name, "水泵房");
	ck_assert_int_eq(e->public_areas[1].area, 8025);
	ck_assert_ptr_null(e->public_areas[1].building);
	ck_assert_int_eq(e->categories[0].urgent, 1);
	ck_assert_int_eq(e->categories[0].emergency, 0);
	ck_assert_int_eq(e->categories[1].emergency, 1);
	ck_assert_ptr_null(e->staff[1].phone);

	/* Stated, shorthand, and defaults for the rest. */
	ck_assert_int_eq(e->sla[PM_SLA_ONSITE].seconds, 20 * 60);
	ck_assert_str_eq(e->sla[PM_SLA_ONSITE].clock, "calendar");
	ck_assert_int_eq(e->sla[PM_SLA_FEEDBACK].seconds, 27000);
	ck_assert_int_eq(e->sla[PM_SLA_COMPLETION].seconds, 5 * 27000);
	ck_assert_int_eq(e->sla[PM_SLA_REPEAT_WINDOW].seconds, 28 * 86400);
	ck_assert_int_eq(e->sla[PM_SLA_NOTICE_LEVEL1].seconds, 300);
	ck_assert_int_eq(e->sla[PM_SLA_NOTICE_LEVEL2].seconds, 600);
	ck_assert_int_eq(e->kpi[0].target, 10000);
	ck_assert_int_eq(e->kpi[1].target, 9950);
	ck_assert_int_eq(e->kpi[5].target, 8500);
	ck_assert_int_eq(e->kpi[8].target, 9800);
	pm_estate_free(e);
}
END_TEST

START_TEST(minimal_defaults)
{
	struct pm_estate *e = load_text("estate: {name: 小区}\n");

	ck_assert_str_eq(e->timezone, "Asia/Shanghai");
	ck_assert_str_eq(e->working_hours, "09:00-12:00,13:30-18:00");
	ck_assert_ptr_null(e->calendar);
	ck_assert_int_eq(e->calendar_read, 1);
	ck_assert_int_eq(e->nunits + e->nstaff + e->ndays, 0);
	ck_assert_int_eq(e->sla[PM_SLA_COMPLETION].seconds, 5 * 27000);
	pm_estate_free(e);

	/* Empty sections and nulls are allowed; quoted text stays text. */
	e = load_text("estate:\n  name: \"1\"\n  calendar: ~\n"
	    "departments: []\nstaff:\nbuildings: null\n");
	ck_assert_str_eq(e->name, "1");
	ck_assert_ptr_null(e->calendar);
	pm_estate_free(e);
}
END_TEST

START_TEST(missing_file)
{
	struct pm_estate *e = (struct pm_estate *)1;

	pm_assert_err(pm_estate_load("tests/data/no-such-estate.yaml", &e),
	    PM_EX_NOINPUT, "estate file 'tests/data/no-such-estate.yaml': "
	    "No such file or directory");
	ck_assert_ptr_null(e);
}
END_TEST

/*
 * YAML syntax errors keep FILE:LINE:COLUMN and say what a person who
 * edits the file should look at, not libyaml's grammar words.
 */
START_TEST(yaml_syntax)
{
	/* A key indented one space less than its neighbours. */
	load_fails("estate:\n  name: x\n timezone: y\n", PM_EX_CONFIG,
	    "test.yaml:3:2: did not find the expected key (is this line "
	    "indented like the keys above it?)");
	/* One space more, and a value with ': ' in it. */
	load_fails("estate:\n  name: x\n   timezone: y\n", PM_EX_CONFIG,
	    "test.yaml:3:12: mapping values are not allowed here (is the "
	    "indentation right, or is a space missing after a ':'?)");
	load_fails("estate:\n  name: 爱家: 名邸\n", PM_EX_CONFIG,
	    "test.yaml:2:11: mapping values are not allowed here (is the "
	    "indentation right, or is a space missing after a ':'?)");
	/* "name:x" is one word, and the next key runs into it. */
	load_fails("estate:\n  name:x\n  timezone: y\n", PM_EX_CONFIG,
	    "test.yaml:3:11: mapping values are not allowed here (is the "
	    "indentation right, or is a space missing after a ':'?)");
	/* A key without ':', reported where the key is. */
	load_fails("estate:\n  name: x\n  timezone\n", PM_EX_CONFIG,
	    "test.yaml:3:3: could not find the ':' after this key (is the "
	    "':' missing?)");
	load_fails("estate: {name: x}\ndepartments:\n  - {code: a, name: A}\n"
	    "   - {code: b, name: B}\n", PM_EX_CONFIG,
	    "test.yaml:4:4: did not find the expected list item (is this "
	    "line indented like the items above it?)");
	load_fails("estate:\n  name: x\n  - y\n", PM_EX_CONFIG,
	    "test.yaml:3:3: did not find the expected key (is this line "
	    "indented like the keys above it?)");
	load_fails("estate:\n  name: - x\n", PM_EX_CONFIG,
	    "test.yaml:2:9: a list item is not allowed here (put each '- ' "
	    "item on a line of its own, or quote a value that starts with "
	    "'- ')");
	/* Tabs, and characters that cannot start a plain value. */
	load_fails("estate:\n\tname: x\n", PM_EX_CONFIG,
	    "test.yaml:2:1: found a tab (YAML indents with spaces only: "
	    "replace the tab with spaces)");
	load_fails("estate:\n  name: @home\n", PM_EX_CONFIG,
	    "test.yaml:2:9: found '@', which cannot start a value (put the "
	    "value in quotes)");
	/* Flow collections and quotes left open. */
	load_fails("estate: {name: x\n", PM_EX_CONFIG,
	    "test.yaml:2:1: did not find a ',' or '}' (is a ',' missing "
	    "between two entries, or the '}' closing the '{' at 1:9?)");
	load_fails("estate: {name: x}\ndepartments:\n  - {code: a name: A}\n",
	    PM_EX_CONFIG, "test.yaml:3:18: did not find a ',' or '}' (is a "
	    "',' missing between two entries, or the '}' closing the '{' at "
	    "3:5?)");
	load_fails("estate: {name: x}\ndepartments: [a, b\n", PM_EX_CONFIG,
	    "test.yaml:3:1: did not find a ',' or ']' (is a ',' missing "
	    "between two items, or the ']' closing the '[' at 2:14?)");
	load_fails("estate:\n  name: \"爱家名邸\n  timezone: UTC\n",
	    PM_EX_CONFIG, "test.yaml:2:9: the quoted text that starts here "
	    "has no closing quote");
	load_fails("estate: {name: *x}\n", PM_EX_CONFIG,
	    "test.yaml:1:16: found an alias (*name) with no anchor (&name) "
	    "before it");
	/* Other problems keep libyaml's words. */
	load_fails("estate: {name: \xff}\n", PM_EX_CONFIG,
	    "test.yaml:1:16: invalid leading UTF-8 octet");
	load_fails("", PM_EX_CONFIG, "test.yaml:1:1: empty file (an estate "
	    "file starts with an 'estate' section)");
	load_fails("# nothing\n", PM_EX_CONFIG, "test.yaml:1:1: empty file "
	    "(an estate file starts with an 'estate' section)");
	load_fails("estate: {name: x}\n---\nestate: {name: y}\n",
	    PM_EX_CONFIG, "test.yaml:3:1: a second YAML document (an estate "
	    "file holds one)");
}
END_TEST

START_TEST(unknown_keys)
{
	load_fails("estate: {name: x}\nbuldings: []\n", PM_EX_CONFIG,
	    "test.yaml:2:1: estate file: unknown key 'buldings' (allowed: "
	    "estate, departments, staff, buildings, public_areas, "
	    "categories, sla, kpi_targets, checklists, facilities, maintenance, "
	    "rounds, work_plans, fees, visit_quotas, training_quotas, "
	    "survey_lines, duty_posts, gate)");
	load_fails("estate: {name: x, zone: UTC}\n", PM_EX_CONFIG,
	    "test.yaml:1:19: estate: unknown key 'zone' (allowed: name, "
	    "timezone, calendar, working_hours, group, language)");
	load_fails("estate: {name: x}\ndepartments: [{code: a, name: A}]\n"
	    "staff:\n  - {login: b, name: B, department: a, role: lead,\n"
	    "     mobile: 1}\n", PM_EX_CONFIG,
	    "test.yaml:5:6: staff: unknown key 'mobile' (allowed: login, "
	    "name, department, role, phone, unix)");
	load_fails("estate: {name: x}\nbuildings:\n  - code: \"1\"\n"
	    "    name: A\n    units:\n      - {entrance: 1, floors: 1, "
	    "rooms: 1, area: 1}\n", PM_EX_CONFIG,
	    "test.yaml:6:10: units group: unknown key 'entrance' (allowed: "
	    "entrances, floors, rooms, area, condition)");
	load_fails("estate: {name: x}\nsla: {on_site: 30m}\n", PM_EX_CONFIG,
	    "test.yaml:2:7: sla: unknown key 'on_site' (allowed: "
	    "notice_level1, notice_level2, onsite, same_day, feedback, "
	    "completion, repeat_window)");
	load_fails("estate: {name: x}\nkpi_targets: {repair: 95%}\n",
	    PM_EX_CONFIG, "test.yaml:2:15: kpi_targets: unknown key 'repair' "
	    "(allowed: complaint_timeliness, repair_timeliness, "
	    "callback_rate, callback_satisfaction, first_time_fix, "
	    "collection_rate, arrears_recovery, facility_intact, "
	    "housing_intact, owner_satisfaction, combined_collection, "
	    "walk_visits, training)");
	load_fails("estate: {name: x, name: y}\n", PM_EX_CONFIG,
	    "test.yaml:1:19: estate: key 'name' given twice (first at 1:10)");
	load_fails("buildings: []\n", PM_EX_CONFIG, "test.yaml:1:1: missing "
	    "'estate' section (with name, timezone, calendar, "
	    "working_hours)");
	load_fails("estate: {timezone: UTC}\n", PM_EX_CONFIG,
	    "test.yaml:1:9: estate: missing 'name'");
	load_fails("estate: {name: x}\ndepartments:\n  - {code: a}\n",
	    PM_EX_CONFIG, "test.yaml:3:5: department: missing 'name'");
}
END_TEST

START_TEST(wrong_types)
{
	load_fails("estate: {name: x}\ndepartments: {code: a}\n",
	    PM_EX_CONFIG, "test.yaml:2:14: departments: expected a list, "
	    "found a mapping");
	load_fails("- estate\n", PM_EX_CONFIG, "test.yaml:1:1: estate file: "
	    "expected a mapping, found a list");
	load_fails("estate: [name, x]\n", PM_EX_CONFIG, "test.yaml:1:9: "
	    "estate: expected a mapping, found a list");
	load_fails("estate: {name: [x]}\n", PM_EX_CONFIG, "test.yaml:1:16: "
	    "name: expected text, found a list");
	load_fails("estate: {name: x}\ndepartments: [service]\n",
	    PM_EX_CONFIG, "test.yaml:2:15: department: expected a mapping, "
	    "found 'service'");
	load_fails("estate: {name: x}\ndepartments: [{code: a, name: A}]\n"
	    "categories:\n  - {code: c, name: C, urgent: maybe, "
	    "department: a}\n", PM_EX_CONFIG,
	    "test.yaml:4:32: urgent 'maybe': not true or false");
	load_fails("estate: {name: x}\ndepartments: [{code: a, name: A}]\n"
	    "categories:\n  - {code: c, name: C, emergency: [true], "
	    "department: a}\n", PM_EX_CONFIG,
	    "test.yaml:4:35: emergency: expected true or false, found a "
	    "list");
	load_fails("estate: {name: x}\nbuildings:\n  - {code: \"1\", name: A, "
	    "units: {floors: 1}}\n", PM_EX_CONFIG,
	    "test.yaml:3:33: units: expected a list, found a mapping");
	load_fails("estate:\n  name: \"a\\tb\"\n", PM_EX_CONFIG,
	    "test.yaml:2:9: name 'a\\x09b': control character in text");
	load_fails("estate:\n  name: x\n  timezone: \"UTC\\0x\"\n",
	    PM_EX_CONFIG, "test.yaml:3:13: estate: NUL character in "
	    "'timezone'");
	load_fails("estate: {name: ''}\n", PM_EX_CONFIG,
	    "test.yaml:1:16: estate: 'name' is empty");
	/* A value that would clear the reader's screen is shown escaped. */
	load_fails("estate: {name: x, \"\\e[2J\": 1}\n", PM_EX_CONFIG,
	    "test.yaml:1:19: estate: unknown key '\\x1B[2J' (allowed: name, "
	    "timezone, calendar, working_hours, group, language)");
	load_fails("estate: {name: x}\ndepartments: [{code: 'a b', name: A}]\n",
	    PM_EX_CONFIG, "test.yaml:2:22: code 'a b': use only letters, "
	    "digits, '.', '_' and '-'");
	load_fails("estate: {name: x}\nbuildings: [{code: 3-A, name: A}]\n",
	    PM_EX_CONFIG, "test.yaml:2:20: code '3-A': use only letters, "
	    "digits, '.' and '_'");
}
END_TEST

static const char depts[] = "estate: {name: x}\n"
    "departments:\n"
    "  - {code: service, name: 客服部}\n"
    "  - {code: engineering, name: 工程部}\n";

/* depts followed by 'rest', in a static buffer. */
static const char *
with_depts(const char *rest)
{
	static char buf[2048];

	snprintf(buf, sizeof buf, "%s%s", depts, rest);
	return buf;
}

START_TEST(duplicates)
{
	load_fails(with_depts("  - {code: service, name: 客服中心}\n"),
	    PM_EX_CONFIG, "test.yaml:5:12: duplicate department 'service' "
	    "(first at 3:12)");
	load_fails(with_depts("staff:\n"
	    "  - {login: wang.fang, name: 王芳, department: service, role: lead}\n"
	    "  - {login: wang.fang, name: 王芳芳, department: service, role: staff}\n"),
	    PM_EX_CONFIG, "test.yaml:7:13: duplicate staff login 'wang.fang' "
	    "(first at 6:13)");
	load_fails(with_depts("categories:\n"
	    "  - {code: noise, name: 噪音, department: service}\n"
	    "  - {code: noise, name: 噪声, department: service}\n"),
	    PM_EX_CONFIG, "test.yaml:7:12: duplicate category 'noise' "
	    "(first at 6:12)");
	load_fails(with_depts("buildings:\n"
	    "  - {code: \"1\", name: 1号楼}\n"
	    "  - {code: \"1\", name: 一号楼}\n"),
	    PM_EX_CONFIG, "test.yaml:7:12: duplicate building '1' "
	    "(first at 6:12)");
	load_fails(with_depts("buildings:\n"
	    "  - code: \"1\"\n"
	    "    name: 1号楼\n"
	    "    units:\n"
	    "      - {entrances: 1, floors: 1-6, rooms: 1-2, area: 89.50}\n"
	    "      - {entrances: 1, floors: 5, rooms: 2, area: 120}\n"),
	    PM_EX_CONFIG, "test.yaml:10:9: duplicate unit code '1-1-502' "
	    "(first at 9:9)");
	load_fails(with_depts("buildings:\n"
	    "  - code: \"1\"\n"
	    "    name: 1号楼\n"
	    "    units:\n"
	    "      - {entrances: 1, floors: 1-6, rooms: 1-2, area: 89.50}\n"
	    "    extra:\n"
	    "      - {code: 1-1-101, area: 1}\n"),
	    PM_EX_CONFIG, "test.yaml:11:16: duplicate unit code '1-1-101' "
	    "(first at 9:9)");
	load_fails(with_depts("buildings:\n"
	    "  - {code: \"1\", name: A, extra: [{code: 1-X, area: 1}]}\n"
	    "public_areas:\n"
	    "  - {code: 1-X, name: 门岗}\n"),
	    PM_EX_CONFIG, "test.yaml:8:12: duplicate public area code '1-X' "
	    "(first at 6:41)");
	/* Codes that differ only in case are one code. */
	load_fails(with_depts("public_areas:\n"
	    "  - {code: P-GATE-N, name: 北门岗亭}\n"
	    "  - {code: p-gate-n, name: 北门}\n"),
	    PM_EX_CONFIG, "test.yaml:7:12: duplicate public area code "
	    "'p-gate-n' (first at 6:12 as 'P-GATE-N': codes are the same in "
	    "any case)");
	load_fails(with_depts("buildings:\n"
	    "  - {code: \"8\", name: A, extra: [{code: 8-S01, area: 1}]}\n"
	    "public_areas:\n"
	    "  - {code: 8-s01, name: 商铺}\n"),
	    PM_EX_CONFIG, "test.yaml:8:12: duplicate public area code "
	    "'8-s01' (first at 6:41 as '8-S01': codes are the same in any "
	    "case)");
	load_fails(with_depts("buildings:\n"
	    "  - {code: A, name: A座}\n"
	    "  - {code: a, name: a座}\n"),
	    PM_EX_CONFIG, "test.yaml:7:12: duplicate building 'a' (first at "
	    "6:12 as 'A': codes are the same in any case)");
	load_fails(with_depts("staff:\n"
	    "  - {login: a, name: A, department: service, role: lead}\n"
	    "  - {login: b, name: B, department: service, role: lead,"
	    " login: c}\n"),
	    PM_EX_CONFIG, "test.yaml:7:58: staff: key 'login' given twice "
	    "(first at 7:6)");
}
END_TEST

START_TEST(references_and_words)
{
	load_fails(with_depts("staff:\n"
	    "  - {login: li.lei, name: 李雷, department: sales, role: staff}\n"),
	    PM_EX_CONFIG, "test.yaml:6:43: staff 'li.lei': unknown "
	    "department 'sales' (known: service, engineering)");
	load_fails(with_depts("categories:\n"
	    "  - {code: noise, name: 噪音, department: security}\n"),
	    PM_EX_CONFIG, "test.yaml:6:41: category 'noise': unknown "
	    "department 'security' (known: service, engineering)");
	load_fails("estate: {name: x}\nstaff:\n"
	    "  - {login: a, name: A, department: service, role: lead}\n",
	    PM_EX_CONFIG, "test.yaml:3:37: staff 'a': unknown department "
	    "'service' (known: none)");
	load_fails(with_depts("staff:\n"
	    "  - {login: li.lei, name: 李雷, department: service, role: boss}\n"),
	    PM_EX_CONFIG, "test.yaml:6:58: role 'boss': not one of staff, "
	    "lead, supervisor, manager");
	load_fails(with_depts("staff:\n"
	    "  - {login: li.lei, name: 李雷, department: service}\n"),
	    PM_EX_CONFIG, "test.yaml:6:5: staff: missing 'role'");
	load_fails(with_depts("staff:\n"
	    "  - {login: li.lei, name: 李雷, department: service, role: lead,"
	    " phone: call-me}\n"),
	    PM_EX_CONFIG, "test.yaml:6:71: phone 'call-me': not a phone "
	    "number (3 to 20 digits, '+' and '-')");
	load_fails(with_depts("categories:\n"
	    "  - {code: noise, name: 噪音, kind: grumble, department: service}\n"),
	    PM_EX_CONFIG, "test.yaml:6:35: kind 'grumble': not one of repair, "
	    "complaint, inquiry, suggestion");
	load_fails(with_depts("public_areas:\n"
	    "  - {code: P-1, name: 门岗, condition: fine}\n"),
	    PM_EX_CONFIG, "test.yaml:6:38: condition 'fine': not one of "
	    "good, basic, poor");
}
END_TEST

/* A one-building estate whose only range group is 'group'. */
static const char *
group(const char *grp)
{
	static char buf[1024];

	snprintf(buf, sizeof buf, "estate: {name: x}\nbuildings:\n"
	    "  - code: \"1\"\n    name: A\n    units:\n      - %s\n", grp);
	return buf;
}

START_TEST(ranges_and_areas)
{
	load_fails(group("{entrances: 1, floors: 18-1, rooms: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:32: floors '18-1': range runs "
	    "backwards");
	load_fails(group("{entrances: 1, floors: 1-x, rooms: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:32: floors '1-x': not a number or a "
	    "range like 1-18");
	load_fails(group("{entrances: 1, floors: 0-3, rooms: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:32: floors '0-3': out of range "
	    "(1-199)");
	load_fails(group("{entrances: 1, floors: 1, rooms: 100, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:42: rooms '100': out of range (1-99)");
	load_fails(group("{entrances: [1, 1-2], floors: 1, rooms: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:25: entrances '1-2': 1 given twice");
	load_fails(group("{entrances: [], floors: 1, rooms: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:21: units group: 'entrances' is an "
	    "empty list");
	load_fails(group("{entrances: [[1]], floors: 1, rooms: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:22: entrances: expected a number or "
	    "a range like 1-18, found a list");
	load_fails(group("{entrances: 1, floors: 1, area: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:9: units group: missing 'rooms'");
	load_fails(group("{entrances: 1, floors: 1, rooms: 1}"),
	    PM_EX_CONFIG, "test.yaml:6:9: units group: missing 'area'");
	load_fails(group("{entrances: 1-99, floors: 1-199, rooms: 1-99, "
	    "area: 1}"), PM_EX_CONFIG, "test.yaml:6:9: units group: 1950399 "
	    "units, more than 200000");
	load_fails_with(group("{entrances: 1, floors: 1, rooms: 1, area: abc}"),
	    PM_EX_CONFIG, "test.yaml:6:51: area 'abc': ");
	load_fails_with(group("{entrances: 1, floors: 1, rooms: 1, "
	    "area: 89.555}"), PM_EX_CONFIG, "test.yaml:6:51: area '89.555': ");
	load_fails_with(group("{entrances: 1, floors: 1, rooms: 1, area: -5}"),
	    PM_EX_CONFIG, "test.yaml:6:51: area '-5': ");
	load_fails(group("{entrances: 1, floors: 1, rooms: 1, area: [1]}"),
	    PM_EX_CONFIG, "test.yaml:6:51: area: expected a number of m², "
	    "found a list");
	load_fails("estate: {name: x}\nbuildings:\n  - code: \"1\"\n"
	    "    name: A\n    extra: [{code: 2-1-101, area: 1}]\n",
	    PM_EX_CONFIG, "test.yaml:5:20: extra unit '2-1-101': code must "
	    "start with '1-', its building's code");
	load_fails("estate: {name: x}\nbuildings:\n  - code: \"1\"\n"
	    "    name: A\n    extra: [{code: 1-S1, area: 1, floor: 0}]\n",
	    PM_EX_CONFIG, "test.yaml:5:42: floor '0': not a number from 1 to "
	    "199");
}
END_TEST

/* A building with units at entrances 1 and 2, and these common parts. */
static const char *
parts(const char *list)
{
	static char buf[1024];

	snprintf(buf, sizeof buf, "estate: {name: x}\nbuildings:\n"
	    "  - code: \"3\"\n    name: 3号楼\n    units:\n"
	    "      - {entrances: 1-2, floors: 1-9, rooms: 1-2, area: 90}\n"
	    "    extra: [{code: 3-S01, area: 50}]\n"
	    "    common_parts:\n%s", list);
	return buf;
}

static const struct pm_estate_unit *
find_part(const struct pm_estate *e, const char *code)
{
	int i;

	for (i = 0; i < e->ncommon_parts; i++)
		if (strcmp(e->common_parts[i].code, code) == 0)
			return &e->common_parts[i];
	return NULL;
}

/*
 * Common parts: per entrance BUILDING-ENTRANCE-CODE named 3号楼1单元电梯,
 * per building BUILDING-CODE named 3号楼屋面.
 */
START_TEST(common_parts)
{
	struct pm_estate *e;
	const struct pm_estate_unit *u;

	e = load_text(parts(
	    "      - {code: LIFT, name: 电梯}\n"
	    "      - {code: HALL, name: 单元门厅, condition: basic}\n"
	    "      - {code: ROOF, name: 屋面, per: building, area: 600}\n"
	    "      - {code: LIFT-F, name: 消防电梯, entrances: 2}\n"
	    "      - {code: PUMP, name: 泵房, per: entrance, entrances: [5]}\n"));
	ck_assert_int_eq(e->nunits, 37);
	ck_assert_int_eq(e->npublic_areas, 0);
	ck_assert_int_eq(e->ncommon_parts, 2 + 2 + 1 + 1 + 1);
	ck_assert_ptr_nonnull(u = find_part(e, "3-1-LIFT"));
	ck_assert_str_eq(u->name, "3号楼1单元电梯");
	ck_assert_str_eq(u->building, "3");
	ck_assert_int_eq(u->entrance, 1);
	ck_assert_int_eq(u->floor, 0);
	ck_assert_int_eq(u->area, 0);
	ck_assert_ptr_null(u->condition);
	ck_assert_ptr_nonnull(u = find_part(e, "3-2-HALL"));
	ck_assert_str_eq(u->name, "3号楼2单元门厅");
	ck_assert_str_eq(u->condition, "basic");
	ck_assert_ptr_nonnull(u = find_part(e, "3-ROOF"));
	ck_assert_str_eq(u->name, "3号楼屋面");
	ck_assert_int_eq(u->entrance, 0);
	ck_assert_int_eq(u->area, 60000);
	ck_assert_ptr_null(find_part(e, "3-1-LIFT-F"));
	ck_assert_ptr_nonnull(u = find_part(e, "3-2-LIFT-F"));
	ck_assert_str_eq(u->name, "3号楼2单元消防电梯");
	/* Named entrances need not have units. */
	ck_assert_ptr_nonnull(find_part(e, "3-5-PUMP"));
	pm_estate_free(e);

	/* An anchor writes the list once for many buildings. */
	e = load_text("estate: {name: x}\nbuildings:\n"
	    "  - code: A\n    name: A座\n"
	    "    units: [{entrances: 1, floors: 1, rooms: 1, area: 1}]\n"
	    "    common_parts: &p [{code: LIFT, name: 电梯}]\n"
	    "  - code: B\n    name: B座\n"
	    "    units: [{entrances: 1-3, floors: 1, rooms: 1, area: 1}]\n"
	    "    common_parts: *p\n");
	ck_assert_int_eq(e->ncommon_parts, 4);
	ck_assert_str_eq(e->common_parts[3].code, "B-3-LIFT");
	ck_assert_str_eq(e->common_parts[3].name, "B座3单元电梯");
	pm_estate_free(e);

	load_fails(parts("      - {code: 1F, name: 一层}\n"), PM_EX_CONFIG,
	    "test.yaml:9:16: common part '1F': code must start with a letter, "
	    "so that it is not taken for a room number");
	load_fails(parts("      - {code: LIFT, name: 电梯, per: floor}\n"),
	    PM_EX_CONFIG, "test.yaml:9:37: per 'floor': not one of entrance, "
	    "building");
	load_fails(parts("      - {code: ROOF, name: 屋面, per: building, "
	    "entrances: 1}\n"), PM_EX_CONFIG, "test.yaml:9:58: common part "
	    "'ROOF': entrances are for a part per entrance, not per building");
	load_fails(parts("      - {code: LIFT, name: 电梯, floor: 1}\n"),
	    PM_EX_CONFIG, "test.yaml:9:32: common part: unknown key 'floor' "
	    "(allowed: code, name, per, entrances, area, condition)");
	load_fails(parts("      - {code: LIFT}\n"), PM_EX_CONFIG,
	    "test.yaml:9:9: common part: missing 'name'");
	load_fails(parts("      - {code: LIFT, name: 电梯, entrances: 0}\n"),
	    PM_EX_CONFIG, "test.yaml:9:43: entrances '0': out of range (1-99)");
	/* Its codes are unit codes: unique, in any case. */
	load_fails(parts("      - {code: LIFT, name: 电梯}\n"
	    "      - {code: lift, name: 电梯}\n"), PM_EX_CONFIG,
	    "test.yaml:10:16: duplicate common part code '3-1-lift' (first at "
	    "9:16 as '3-1-LIFT': codes are the same in any case)");
	load_fails(parts("      - {code: S01, name: 商铺, per: building}\n"),
	    PM_EX_CONFIG, "test.yaml:9:16: duplicate common part code "
	    "'3-S01' (first at 7:20)");
	/* Per entrance, a building without units must name them. */
	load_fails("estate: {name: x}\nbuildings:\n  - code: G\n"
	    "    name: 车库\n    common_parts: [{code: LIFT, name: 电梯}]\n",
	    PM_EX_CONFIG, "test.yaml:5:27: common part 'LIFT': building 'G' "
	    "has no units at any entrance (give the part's entrances, or per: "
	    "building)");
}
END_TEST

START_TEST(durations_and_percentages)
{
	load_fails("estate: {name: x}\nsla: {onsite: 30x}\n", PM_EX_CONFIG,
	    "test.yaml:2:15: duration '30x': not a duration (use 30m, 2h, "
	    "1d12h or 90s)");
	load_fails("estate: {name: x}\nsla:\n  onsite: {within: 0m}\n",
	    PM_EX_CONFIG, "test.yaml:3:20: onsite: duration '0m' is not "
	    "longer than zero");
	load_fails("estate: {name: x}\nsla: {onsite: end-of-day}\n",
	    PM_EX_CONFIG, "test.yaml:2:15: onsite: 'end-of-day' is only for "
	    "same_day");
	load_fails("estate: {name: x}\nsla:\n  feedback: {within: 2d, "
	    "clock: office}\n", PM_EX_CONFIG, "test.yaml:3:33: clock "
	    "'office': not one of calendar, working");
	load_fails("estate: {name: x}\nsla:\n  feedback: {clock: working}\n",
	    PM_EX_CONFIG, "test.yaml:3:13: feedback: missing 'within'");
	load_fails("estate: {name: x}\nsla:\n  feedback: {within: 2d, by: x}\n",
	    PM_EX_CONFIG, "test.yaml:3:26: feedback: unknown key 'by' "
	    "(allowed: within, clock)");
	load_fails("estate: {name: x}\nkpi_targets: {callback_rate: 95}\n",
	    PM_EX_CONFIG, "test.yaml:2:30: callback_rate '95': not a "
	    "percentage from 0% to 100% (like 95% or 99.5%) or none");
	load_fails("estate: {name: x}\nkpi_targets: {callback_rate: 100.5%}\n",
	    PM_EX_CONFIG, "test.yaml:2:30: callback_rate '100.5%': not a "
	    "percentage from 0% to 100% (like 95% or 99.5%) or none");
	load_fails("estate: {name: x}\nkpi_targets: {callback_rate: 9.999%}\n",
	    PM_EX_CONFIG, "test.yaml:2:30: callback_rate '9.999%': not a "
	    "percentage from 0% to 100% (like 95% or 99.5%) or none");
}
END_TEST

START_TEST(zone_and_hours)
{
	struct pm_estate *e;

	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
	load_fails("estate: {name: x, timezone: Mars/Base}\n", PM_EX_CONFIG,
	    "test.yaml:1:29: time zone 'Mars/Base': no such zone");
	ck_assert_str_eq(pm_clock_zone(), "Asia/Shanghai");
	/* A good zone is checked, and not left set either. */
	e = load_text("estate: {name: x, timezone: Europe/Paris}\n");
	ck_assert_str_eq(e->timezone, "Europe/Paris");
	ck_assert_str_eq(pm_clock_zone(), "Asia/Shanghai");
	pm_estate_free(e);

	load_fails("estate: {name: x, working_hours: \"9-5\"}\n", PM_EX_CONFIG,
	    "test.yaml:1:34: working hours '9-5': not "
	    "HH:MM-HH:MM[,HH:MM-HH:MM...]");
	load_fails("estate: {name: x, working_hours: [\"13:00-17:00\", "
	    "\"08:00-12:00\"]}\n", PM_EX_CONFIG, "test.yaml:1:34: working "
	    "hours '13:00-17:00,08:00-12:00': spans overlap or are out of "
	    "order");
	e = load_text("estate: {name: x, working_hours: \"8:00-12:00, "
	    "13:00-17:15\"}\n");
	ck_assert_str_eq(e->working_hours, "08:00-12:00,13:00-17:15");
	pm_estate_free(e);
}
END_TEST

/*
 * The group sharing the database: it must exist where the file is
 * loaded.  "root" and "daemon" exist on every Unix system pm runs on.
 */
START_TEST(group_key)
{
	struct pm_estate *e;

	e = load_text("estate: {name: x}\n");
	ck_assert_ptr_null(e->group);
	pm_estate_free(e);
	e = load_text("estate:\n  name: x\n  group: daemon\n");
	ck_assert_str_eq(e->group, "daemon");
	pm_estate_free(e);
	e = load_text("estate: {name: x, group: \"root\"}\n");
	ck_assert_str_eq(e->group, "root");
	pm_estate_free(e);
	e = load_text("estate: {name: x, group: ~}\n");
	ck_assert_ptr_null(e->group);
	pm_estate_free(e);

	load_fails("estate:\n  name: x\n  group: pm-no-such-group\n",
	    PM_EX_CONFIG, "test.yaml:3:10: group 'pm-no-such-group': no such "
	    "group");
	load_fails("estate: {name: x,\n          group: \"白领\"}\n",
	    PM_EX_CONFIG, "test.yaml:2:18: group '白领': no such group");
	load_fails("estate: {name: x, group: [daemon]}\n", PM_EX_CONFIG,
	    "test.yaml:1:26: group: expected text, found a list");
	load_fails("estate: {name: x, group: \"\"}\n", PM_EX_CONFIG,
	    "test.yaml:1:26: estate: 'group' is empty");
	load_fails("estate: {name: x, group: \"a\\tb\"}\n", PM_EX_CONFIG,
	    "test.yaml:1:26: group 'a\\x09b': control character in text");
}
END_TEST

/*
 * A staff member's Unix account must exist where the file is loaded and
 * belong to one staff member.  "root" and "daemon" exist everywhere.
 */
START_TEST(unix_key)
{
	struct pm_estate *e;

	e = load_text(with_depts("staff:\n"
	    "  - {login: zhang.wei, name: 张伟, department: service, "
	    "role: manager, unix: root}\n"
	    "  - {login: wang.fang, name: 王芳, department: service, "
	    "role: lead, unix: \"daemon\"}\n"
	    "  - {login: chen.jing, name: 陈静, department: service, "
	    "role: staff}\n"));
	ck_assert_str_eq(e->staff[0].unix_user, "root");
	ck_assert_str_eq(e->staff[1].unix_user, "daemon");
	ck_assert_ptr_null(e->staff[2].unix_user);
	pm_estate_free(e);

	load_fails(with_depts("staff:\n"
	    "  - {login: li.lei, name: 李雷, department: service, role: staff,"
	    " unix: pm-no-such-user}\n"), PM_EX_CONFIG,
	    "test.yaml:6:71: unix account 'pm-no-such-user': no such user");
	load_fails(with_depts("staff:\n"
	    "  - {login: a, name: A, department: service, role: lead, "
	    "unix: daemon}\n"
	    "  - {login: b, name: B, department: service, role: staff, "
	    "unix: daemon}\n"), PM_EX_CONFIG,
	    "test.yaml:7:65: duplicate unix account 'daemon' (first at "
	    "6:64)");
	load_fails(with_depts("staff:\n"
	    "  - {login: a, name: A, department: service, role: lead, "
	    "unix: [root]}\n"), PM_EX_CONFIG,
	    "test.yaml:6:64: unix: expected text, found a list");
}
END_TEST

/*
 * The estate's language, for when the environment names none: the
 * names i18n.h reads, stored as "zh_CN" or "en".
 */
START_TEST(language_key)
{
	static const char *const zh[] = { "zh_CN", "zh", "zh-CN",
		"zh_CN.UTF-8", "zh_TW" };
	static const char *const en[] = { "en", "en_US", "en_GB.UTF-8", "C" };
	struct pm_estate *e;
	char y[128];
	size_t i;

	e = load_text("estate: {name: x}\n");
	ck_assert_ptr_null(e->language);
	pm_estate_free(e);
	for (i = 0; i < sizeof zh / sizeof zh[0]; i++) {
		snprintf(y, sizeof y, "estate: {name: x, language: %s}\n",
		    zh[i]);
		e = load_text(y);
		ck_assert_str_eq(e->language, "zh_CN");
		pm_estate_free(e);
	}
	for (i = 0; i < sizeof en / sizeof en[0]; i++) {
		snprintf(y, sizeof y, "estate: {name: x, language: %s}\n",
		    en[i]);
		e = load_text(y);
		ck_assert_str_eq(e->language, "en");
		pm_estate_free(e);
	}
	load_fails("estate:\n  name: x\n  language: fr_FR\n", PM_EX_CONFIG,
	    "test.yaml:3:13: language 'fr_FR': not a language pm speaks "
	    "(use zh_CN or en)");
	load_fails("estate:\n  name: x\n  language: 中文\n", PM_EX_CONFIG,
	    "test.yaml:3:13: language '中文': not a language pm speaks (use "
	    "zh_CN or en)");
	load_fails("estate: {name: x, language: \"\"}\n", PM_EX_CONFIG,
	    "test.yaml:1:29: estate: 'language' is empty");
}
END_TEST

/* The group is checked before the calendar file is opened. */
START_TEST(group_fixtures)
{
	struct pm_estate *e = (struct pm_estate *)1;

	e = load_file("tests/data/estate-group.yaml");
	ck_assert_str_eq(e->group, "users");
	ck_assert_int_eq(e->calendar_read, 1);
	pm_estate_free(e);
	pm_err_clear();
	ck_assert_int_eq(pm_estate_load("tests/data/estate-group-unknown.yaml",
	    &e), PM_EX_CONFIG);
	ck_assert_ptr_null(e);
	ck_assert_str_eq(pm_err_msg(), "tests/data/estate-group-unknown.yaml:"
	    "7:10: group 'pm-no-such-group': no such group");
}
END_TEST

/*
 * pm_db_set_group() on an in-memory database: no files to share, but
 * the group is still checked.
 */
START_TEST(db_set_group_memory)
{
	struct pm_db *db = pm_test_db();

	ck_assert_int_eq(pm_db_set_group(db, "daemon"), 0);
	pm_err_clear();
	ck_assert_int_eq(pm_db_set_group(db, "pm-no-such-group"),
	    PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(), "group 'pm-no-such-group': no such "
	    "group");
	pm_db_close(db);
}
END_TEST

static void
assert_shared(const char *path, gid_t gid)
{
	struct stat sb;

	ck_assert_msg(stat(path, &sb) == 0, "%s: %s", path, strerror(errno));
	ck_assert_msg((sb.st_mode & 07777) == 0660, "%s: mode %o", path,
	    (unsigned)(sb.st_mode & 07777));
	ck_assert_msg(sb.st_gid == gid, "%s: gid %d, want %d", path,
	    (int)sb.st_gid, (int)gid);
}

/*
 * pm_db_set_group() on a file, inside an open transaction (as pm-db
 * apply calls it): the file and its -wal and -shm get the group and mode
 * 0660, and the data is untouched.  Root gives them to "daemon", anyone
 * else to their own group, which needs no privilege.
 */
START_TEST(db_set_group_file)
{
	struct pm_db *db;
	struct group *gr;
	char path[160], side[170], name[64];
	gid_t gid;

	tmp_file("x", "");	/* for tmpdir */
	snprintf(path, sizeof path, "%s/shared.db", tmpdir);
	ck_assert_int_eq(pm_db_open(path, PM_DB_CREATE, &db), 0);
	gr = geteuid() == 0 ? getgrnam("daemon") : getgrgid(getegid());
	ck_assert_ptr_nonnull(gr);
	/* Copied: getgrnam() in pm_db_set_group() reuses gr's buffer. */
	snprintf(name, sizeof name, "%s", gr->gr_name);
	gid = gr->gr_gid;
	ck_assert_int_eq(pm_db_begin(db), 0);
	exec(db, "INSERT INTO meta(key, value) VALUES ('k', 'v')");
	ck_assert_int_eq(pm_db_set_group(db, name), 0);
	ck_assert_int_eq(pm_db_commit(db), 0);
	assert_shared(path, gid);
	snprintf(side, sizeof side, "%s-wal", path);
	assert_shared(side, gid);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_shared(side, gid);
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "k"), "v");
	pm_db_close(db);
	/*
	 * The -wal and -shm SQLite makes next follow the main file.  pm
	 * keeps them after a clean close (the -wal empty), so they may go.
	 */
	snprintf(side, sizeof side, "%s-wal", path);
	ck_assert_int_eq(unlink(side), 0);
	snprintf(side, sizeof side, "%s-shm", path);
	ck_assert_int_eq(unlink(side), 0);
	ck_assert_int_eq(pm_db_open(path, 0, &db), 0);
	snprintf(side, sizeof side, "%s-wal", path);
	assert_shared(side, gid);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_shared(side, gid);
	pm_db_close(db);
	tmp_done();
}
END_TEST

START_TEST(calendar_errors)
{
	struct pm_estate *e = (struct pm_estate *)1;
	const char *y, *msg;
	char want[512];

	tmp_file("bad.tsv", "# a calendar\n2026-10-01\tholiday\t国庆节\n"
	    "2026-13-01\tholiday\t?\n");
	y = tmp_file("e.yaml", "estate:\n  name: x\n  calendar: bad.tsv\n");
	pm_err_clear();
	ck_assert_int_eq(pm_estate_load(y, &e), PM_EX_CONFIG);
	ck_assert_ptr_null(e);
	/* The calendar's own place, not the estate file's. */
	snprintf(want, sizeof want, "%s/bad.tsv:3:", tmpdir);
	msg = pm_err_msg();
	ck_assert_msg(strncmp(msg, want, strlen(want)) == 0, "got '%s'", msg);
	ck_assert_ptr_nonnull(strstr(msg, "2026-13-01"));

	y = tmp_file("f.yaml", "estate:\n  name: x\n  calendar: none.tsv\n");
	ck_assert_int_eq(pm_estate_load(y, &e), PM_EX_NOINPUT);
	snprintf(want, sizeof want, "%s:3:13: calendar '%s/none.tsv': No "
	    "such file or directory", y, tmpdir);
	ck_assert_str_eq(pm_err_msg(), want);
	ck_assert_ptr_null(e);

	/* Without PM_ESTATE_NO_CALENDAR's promise the file is read... */
	y = "estate: {name: x, calendar: /nonexistent/cal.tsv}\n";
	ck_assert_int_eq(pm_estate_load_mem("m.yaml", y, strlen(y), 0, &e),
	    PM_EX_NOINPUT);
	/* ...with it, not, and such an estate cannot be applied. */
	ck_assert_int_eq(pm_estate_load_mem("m.yaml", y, strlen(y),
	    PM_ESTATE_NO_CALENDAR, &e), 0);
	ck_assert_int_eq(e->calendar_read, 0);
	{
		struct pm_db *db = pm_test_db();

		pm_assert_err(pm_estate_apply(db, e, NULL),
		    PM_EX_SOFTWARE, "loaded without its calendar");
		ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM audit",
		    NULL), 0);
		pm_db_close(db);
	}
	pm_estate_free(e);
	tmp_done();
}
END_TEST

/*
 * Applying.
 */

START_TEST(apply_example_twice)
{
	struct pm_estate *e = load_file(EXAMPLE);
	struct pm_db *db = pm_test_db();
	struct report r;
	int i, sum = 0;

	apply(db, e, &r);
	/* The core's kinds first, then those of the tools' sections. */
	ck_assert_int_ge(r.n, NKINDS);
	for (i = 0; i < NKINDS; i++)
		ck_assert_str_eq(r.what[i], kinds[i]);
	ck_assert_str_eq(counts(&r, "fee items"), "5/0/0");
	ck_assert_str_eq(counts(&r, "parking spaces"), "121/0/0");
	ck_assert_str_eq(counts(&r, "statement formats"), "1/0/0");
	ck_assert_str_eq(counts(&r, "departments"), "5/0/0");
	ck_assert_str_eq(counts(&r, "staff"), "30/0/0");
	ck_assert_str_eq(counts(&r, "buildings"), "8/0/0");
	ck_assert_str_eq(counts(&r, "units"), "592/0/0");
	ck_assert_str_eq(counts(&r, "public areas"), "12/0/0");
	ck_assert_str_eq(counts(&r, "common parts"), "56/0/0");
	ck_assert_str_eq(counts(&r, "categories"), "26/0/0");
	ck_assert_str_eq(counts(&r, "sla"), "7/0/0");
	ck_assert_str_eq(counts(&r, "kpi targets"), "13/0/0");
	ck_assert_str_eq(counts(&r, "calendar days"), "39/0/0");
	ck_assert_str_eq(counts(&r, "settings"), "5/0/0");
	ck_assert_str_eq(counts(&r, "checklists"), "8/0/0");
	ck_assert_str_eq(counts(&r, "checklist items"), "46/0/0");
	ck_assert_str_eq(counts(&r, "facilities"), "40/0/0");
	ck_assert_str_eq(counts(&r, "maintenance plans"), "126/0/0");
	ck_assert_str_eq(counts(&r, "rounds"), "7/0/0");
	ck_assert_str_eq(counts(&r, "round places"), "31/0/0");
	ck_assert_str_eq(counts(&r, "work plans"), "10/0/0");
	for (i = 0; i < r.n; i++)
		sum += r.count[i][0];
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM audit", NULL), sum);

	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "estate_name"), "爱家名邸");
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "working_hours"), "08:30-12:00,13:30-17:30");
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "calendar_file"), "cn-holidays-2026.tsv");
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "timezone"), "Asia/Shanghai");
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "language"), "zh_CN");
	ck_assert_str_eq(sql_text(db, "SELECT building || '/' || entrance || "
	    "'/' || floor || '/' || area || '/' || condition || '/' || "
	    "occupancy FROM units WHERE code = ?1", "3-1-502"),
	    "3/1/5/12030/good/vacant");
	ck_assert_str_eq(sql_text(db, "SELECT kind || '/' || name || '/' || "
	    "area FROM units WHERE code = ?1", "P-PARK-B1"),
	    "public/地下停车场/1250000");
	ck_assert_str_eq(sql_text(db, "SELECT quote(entrance) || '/' || floor "
	    "FROM units WHERE code = ?1", "8-S01"), "NULL/1");
	ck_assert_str_eq(sql_text(db, "SELECT name || '/' || working FROM "
	    "calendar_days WHERE date = ?1", "2026-10-10"), "国庆节调休/1");
	ck_assert_int_eq(sql_int(db, "SELECT seconds FROM sla WHERE name = ?1",
	    "completion"), 5 * 27000);
	ck_assert_int_eq(sql_int(db, "SELECT target FROM kpi_targets WHERE "
	    "kpi = ?1", "repair_timeliness"), 9500);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM kpi_targets WHERE "
	    "kpi = ?1 AND target IS NULL", "arrears_recovery"), 1);
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE tbl = "
	    "'units' AND row_id = ?1", "3-1-502"), "added: kind 'unit', "
	    "building '3', entrance 1, floor 5, area 120.30, condition 'good'");
	ck_assert_str_eq(sql_text(db, "SELECT who || ' ' || program || ' ' || "
	    "verb FROM audit WHERE row_id = ?1", "wang.fang"),
	    "tester check test");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM units WHERE "
	    "condition = ?1", "basic"), 12 + 16 + 1);

	/* The second time, nothing at all. */
	apply(db, e, &r);
	ck_assert_msg(all_zero(&r), "second apply changed something");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM audit", NULL), sum);

	/* The database checks out. */
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM "
	    "pragma_foreign_key_check", NULL), 0);
	pm_estate_free(e);
	pm_db_close(db);
}
END_TEST

/*
 * The small estate of the diff tests, with three places to vary: more
 * staff lines, the odd unit's area, more category lines.
 */
static const char *
small(const char *staff, const char *area, const char *cats)
{
	static char buf[4096];

	snprintf(buf, sizeof buf,
	    "estate: {name: 测试小区}\n"
	    "departments:\n"
	    "  - {code: service, name: 客服部}\n"
	    "  - {code: engineering, name: 工程部}\n"
	    "staff:\n"
	    "  - {login: wang.fang, name: 王芳, department: service, role: lead}\n"
	    "%s"
	    "buildings:\n"
	    "  - code: \"1\"\n"
	    "    name: 1号楼\n"
	    "    units:\n"
	    "      - {entrances: 1, floors: 1-2, rooms: 1-2, area: 89.50}\n"
	    "    extra:\n"
	    "      - {code: 1-1-301, area: %s}\n"
	    "categories:\n"
	    "  - {code: noise, name: 噪音投诉, kind: complaint, "
	    "department: service}\n"
	    "%s", staff, area, cats);
	return buf;
}

static const char li_lei[] = "  - {login: li.lei, name: 李雷, "
    "department: engineering, role: staff, phone: \"13900000000\"}\n";
static const char leak[] = "  - {code: water-leak, name: 漏水, "
    "kind: repair, emergency: true, department: engineering}\n";

START_TEST(apply_changes)
{
	struct pm_db *db = pm_test_db();
	struct report r;

	apply_text(db, small(li_lei, "100", ""), &r);
	ck_assert_str_eq(counts(&r, "staff"), "2/0/0");
	ck_assert_str_eq(counts(&r, "units"), "5/0/0");
	ck_assert_str_eq(counts(&r, "settings"), "3/0/0");
	exec(db, "UPDATE units SET owner_name = '赵六', occupancy = 'occupied'"
	    " WHERE code = '1-1-301'");

	/* One unit's area. */
	apply_text(db, small(li_lei, "100.5", ""), &r);
	ck_assert_str_eq(counts(&r, "units"), "0/1/0");
	ck_assert_str_eq(counts(&r, "staff"), "0/0/0");
	ck_assert_int_eq(sql_int(db, "SELECT area FROM units WHERE code = ?1",
	    "1-1-301"), 10050);
	ck_assert_str_eq(sql_text(db, "SELECT owner_name || occupancy FROM "
	    "units WHERE code = ?1", "1-1-301"), "赵六occupied");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "1-1-301"),
	    "changed: area 100.00 -> 100.50");

	/* A staff member leaves: retired, not deleted. */
	apply_text(db, small("", "100.5", ""), &r);
	ck_assert_str_eq(counts(&r, "staff"), "0/0/1");
	ck_assert_str_eq(counts(&r, "units"), "0/0/0");
	ck_assert_int_eq(sql_int(db, "SELECT retired FROM staff WHERE "
	    "login = ?1", "li.lei"), 1);
	ck_assert_int_eq(sql_int(db, "SELECT retired FROM staff WHERE "
	    "login = ?1", "wang.fang"), 0);
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "li.lei"), "retired");
	apply_text(db, small("", "100.5", ""), &r);
	ck_assert_msg(all_zero(&r), "retired twice");

	/* A category is added. */
	apply_text(db, small("", "100.5", leak), &r);
	ck_assert_str_eq(counts(&r, "categories"), "1/0/0");
	ck_assert_int_eq(sql_int(db, "SELECT emergency FROM categories WHERE "
	    "code = ?1", "water-leak"), 1);

	/* The staff member comes back: changed, un-retired. */
	apply_text(db, small(li_lei, "100.5", leak), &r);
	ck_assert_str_eq(counts(&r, "staff"), "0/1/0");
	ck_assert_int_eq(sql_int(db, "SELECT retired FROM staff WHERE "
	    "login = ?1", "li.lei"), 0);
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "li.lei"),
	    "changed: restored");
	apply_text(db, small(li_lei, "100.5", leak), &r);
	ck_assert_msg(all_zero(&r), "not idempotent");
	pm_db_close(db);
}
END_TEST

/*
 * Each row written is reported as it is written, in the order of the
 * kinds and by key, with what its audit row says.
 */
START_TEST(apply_reports_rows)
{
	struct pm_db *db = pm_test_db();

	ck_assert_str_eq(apply_rows(db, small(li_lei, "100", "")),
	    "add|departments|engineering|name '工程部'\n"
	    "add|departments|service|name '客服部'\n"
	    "add|staff|li.lei|name '李雷', department 'engineering', "
	    "role 'staff', phone '13900000000'\n"
	    "add|staff|wang.fang|name '王芳', department 'service', "
	    "role 'lead'\n"
	    "add|buildings|1|name '1号楼'\n"
	    "add|units|1-1-101|kind 'unit', building '1', entrance 1, "
	    "floor 1, area 89.50, condition 'good'\n"
	    "add|units|1-1-102|kind 'unit', building '1', entrance 1, "
	    "floor 1, area 89.50, condition 'good'\n"
	    "add|units|1-1-201|kind 'unit', building '1', entrance 1, "
	    "floor 2, area 89.50, condition 'good'\n"
	    "add|units|1-1-202|kind 'unit', building '1', entrance 1, "
	    "floor 2, area 89.50, condition 'good'\n"
	    "add|units|1-1-301|kind 'unit', building '1', entrance 1, "
	    "floor 3, area 100.00, condition 'good'\n"
	    "add|categories|noise|name '噪音投诉', kind 'complaint', "
	    "urgent 0, emergency 0, department 'service'\n"
	    "add|sla|completion|seconds 135000, clock 'working'\n"
	    "add|sla|feedback|seconds 54000, clock 'working'\n"
	    "add|sla|notice_level1|seconds 300, clock 'calendar'\n"
	    "add|sla|notice_level2|seconds 600, clock 'calendar'\n"
	    "add|sla|onsite|seconds 1800, clock 'calendar'\n"
	    "add|sla|repeat_window|seconds 2592000, clock 'calendar'\n"
	    "add|sla|same_day|seconds 0, clock 'calendar'\n"
	    "add|kpi targets|arrears_recovery|\n"
	    "add|kpi targets|callback_rate|target 10000\n"
	    "add|kpi targets|callback_satisfaction|target 9500\n"
	    "add|kpi targets|collection_rate|target 8500\n"
	    "add|kpi targets|combined_collection|\n"
	    "add|kpi targets|complaint_timeliness|target 10000\n"
	    "add|kpi targets|facility_intact|target 9500\n"
	    "add|kpi targets|first_time_fix|\n"
	    "add|kpi targets|housing_intact|target 9800\n"
	    "add|kpi targets|owner_satisfaction|target 9500\n"
	    "add|kpi targets|repair_timeliness|target 9500\n"
	    "add|kpi targets|training|target 10000\n"
	    "add|kpi targets|walk_visits|target 10000\n"
	    "add|settings|estate_name|value '测试小区'\n"
	    "add|settings|timezone|value 'Asia/Shanghai'\n"
	    "add|settings|working_hours|value '09:00-12:00,13:30-18:00'\n");
	ck_assert_str_eq(apply_rows(db, small("", "100.5", leak)),
	    "retire|staff|li.lei|(null)\n"
	    "change|units|1-1-301|area 100.00 -> 100.50\n"
	    "add|categories|water-leak|name '漏水', kind 'repair', "
	    "urgent 0, emergency 1, department 'engineering'\n");
	ck_assert_str_eq(apply_rows(db, small(li_lei, "100.5", leak)),
	    "change|staff|li.lei|restored\n");
	ck_assert_str_eq(apply_rows(db, small(li_lei, "100.5", leak)), "");
	/* What the audit rows say, after "changed: ". */
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "1-1-301"),
	    "changed: area 100.00 -> 100.50");
	pm_db_close(db);
}
END_TEST

START_TEST(apply_moves_and_removals)
{
	struct pm_db *db = pm_test_db();
	struct report r;
	const char *y;

	/* A unit's condition is the file's only when the file says it. */
	apply_text(db, group("{entrances: 1, floors: 1, rooms: 1-2, area: 50}"),
	    &r);
	exec(db, "UPDATE units SET condition = 'poor' WHERE code = '1-1-101'");
	apply_text(db, group("{entrances: 1, floors: 1, rooms: 1-2, area: 50}"),
	    &r);
	ck_assert_msg(all_zero(&r), "unstated condition was changed");
	ck_assert_str_eq(sql_text(db, "SELECT condition FROM units WHERE "
	    "code = ?1", "1-1-101"), "poor");
	apply_text(db, group("{entrances: 1, floors: 1, rooms: 1-2, area: 50, "
	    "condition: good}"), &r);
	ck_assert_str_eq(counts(&r, "units"), "0/1/0");
	ck_assert_str_eq(sql_text(db, "SELECT condition FROM units WHERE "
	    "code = ?1", "1-1-101"), "good");

	/* A unit becomes a public area: one change, in public areas. */
	y = "estate: {name: x}\nbuildings:\n  - code: \"1\"\n    name: A\n"
	    "    units:\n      - {entrances: 1, floors: 1, rooms: 1, area: 50}\n"
	    "public_areas:\n  - {code: 1-1-102, name: 物业用房, area: 50}\n";
	apply_text(db, y, &r);
	ck_assert_str_eq(counts(&r, "units"), "0/0/0");
	ck_assert_str_eq(counts(&r, "public areas"), "0/1/0");
	ck_assert_str_eq(sql_text(db, "SELECT kind || quote(building) FROM "
	    "units WHERE code = ?1", "1-1-102"), "publicNULL");

	/* The building goes: it and its units are retired. */
	apply_text(db, "estate: {name: x}\npublic_areas:\n"
	    "  - {code: 1-1-102, name: 物业用房, area: 50}\n", &r);
	ck_assert_str_eq(counts(&r, "buildings"), "0/0/1");
	ck_assert_str_eq(counts(&r, "units"), "0/0/1");
	ck_assert_str_eq(counts(&r, "public areas"), "0/0/0");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM units WHERE "
	    "retired = 1", NULL), 1);

	/* KPI targets set to none (a row with no target) and SLA changes. */
	apply_text(db, "estate: {name: x}\nkpi_targets: {callback_rate: none}\n"
	    "sla: {onsite: 15m}\n", &r);
	ck_assert_str_eq(counts(&r, "kpi targets"), "0/1/0");
	ck_assert_str_eq(counts(&r, "sla"), "0/1/0");
	ck_assert_str_eq(counts(&r, "public areas"), "0/0/1");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "onsite"),
	    "changed: seconds 1800 -> 900");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "callback_rate"),
	    "changed: target 10000 -> NULL");
	pm_db_close(db);
}
END_TEST

START_TEST(apply_calendar_replaced)
{
	struct pm_db *db = pm_test_db();
	struct pm_estate *e;
	struct report r;
	const char *y;

	tmp_file("a.tsv", "2026-10-01\tholiday\t国庆节\n"
	    "2026-10-10\tworkday\t国庆节调休\n2026-05-01\tholiday\n");
	tmp_file("b.tsv", "2026-10-01\tholiday\t国庆节\n"
	    "2026-10-10\tholiday\t国庆节调休\n2027-01-01\tholiday\t元旦\n");
	y = tmp_file("e.yaml", "estate: {name: x, calendar: a.tsv}\n");
	e = load_file(y);
	apply(db, e, &r);
	pm_estate_free(e);
	ck_assert_str_eq(counts(&r, "calendar days"), "3/0/0");
	ck_assert_str_eq(sql_text(db, "SELECT quote(name) FROM calendar_days "
	    "WHERE date = ?1", "2026-05-01"), "NULL");
	/* The db's calendar sees the new days at once. */
	ck_assert_ptr_nonnull(pm_db_calendar(db));
	ck_assert_int_eq(pm_db_calendar(db)->ndays, 3);

	y = tmp_file("e.yaml", "estate: {name: x, calendar: b.tsv}\n");
	e = load_file(y);
	apply(db, e, &r);
	pm_estate_free(e);
	ck_assert_str_eq(counts(&r, "calendar days"), "1/1/1");
	ck_assert_str_eq(counts(&r, "settings"), "0/1/0");
	ck_assert_int_eq(pm_db_calendar(db)->ndays, 3);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM calendar_days "
	    "WHERE date = ?1", "2026-05-01"), 0);

	apply_text(db, "estate: {name: x}\n", &r);
	ck_assert_str_eq(counts(&r, "calendar days"), "0/0/3");
	ck_assert_str_eq(counts(&r, "settings"), "0/0/1");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM meta WHERE key = ?1",
	    "calendar_file"), 0);
	ck_assert_int_eq(pm_db_calendar(db)->ndays, 0);
	pm_db_close(db);
	tmp_done();
}
END_TEST

/*
 * Common parts are public places of a building in the units table, with
 * their own count; they follow their building's name.
 */
START_TEST(apply_common_parts)
{
	struct pm_db *db = pm_test_db();
	struct report r;

	apply_text(db, parts("      - {code: LIFT, name: 电梯}\n"
	    "      - {code: ROOF, name: 屋面, per: building}\n"), &r);
	ck_assert_str_eq(counts(&r, "units"), "37/0/0");
	ck_assert_str_eq(counts(&r, "public areas"), "0/0/0");
	ck_assert_str_eq(counts(&r, "common parts"), "3/0/0");
	ck_assert_str_eq(sql_text(db, "SELECT kind || '/' || building || '/' || "
	    "entrance || '/' || quote(floor) || '/' || name || '/' || area || "
	    "'/' || condition FROM units WHERE code = ?1", "3-2-LIFT"),
	    "public/3/2/NULL/3号楼2单元电梯/0/good");
	ck_assert_str_eq(sql_text(db, "SELECT kind || '/' || building || '/' || "
	    "quote(entrance) || '/' || name FROM units WHERE code = ?1",
	    "3-ROOF"), "public/3/NULL/3号楼屋面");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1", "3-1-LIFT"), "added: kind 'public', building '3', "
	    "entrance 1, name '3号楼1单元电梯', area 0.00, condition 'good'");

	/* The building's new name is its parts' too; the roof goes. */
	apply_text(db, "estate: {name: x}\nbuildings:\n"
	    "  - code: \"3\"\n    name: 3栋\n    units:\n"
	    "      - {entrances: 1-2, floors: 1-9, rooms: 1-2, area: 90}\n"
	    "    extra: [{code: 3-S01, area: 50}]\n"
	    "    common_parts: [{code: LIFT, name: 电梯}]\n", &r);
	ck_assert_str_eq(counts(&r, "buildings"), "0/1/0");
	ck_assert_str_eq(counts(&r, "units"), "0/0/0");
	ck_assert_str_eq(counts(&r, "common parts"), "0/2/1");
	ck_assert_str_eq(sql_text(db, "SELECT name FROM units WHERE code = ?1",
	    "3-1-LIFT"), "3栋1单元电梯");
	ck_assert_int_eq(sql_int(db, "SELECT retired FROM units WHERE "
	    "code = ?1", "3-ROOF"), 1);

	/* The units and lifts go; the roof comes back, renamed. */
	apply_text(db, "estate: {name: x}\nbuildings:\n"
	    "  - code: \"3\"\n    name: 3栋\n"
	    "    common_parts: [{code: ROOF, name: 屋面, per: building}]\n"
	    "public_areas: [{code: P-1, name: 门岗}]\n", &r);
	ck_assert_str_eq(counts(&r, "common parts"), "0/1/2");
	ck_assert_str_eq(counts(&r, "public areas"), "1/0/0");
	ck_assert_str_eq(counts(&r, "units"), "0/0/37");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "3-ROOF"),
	    "changed: restored, name '3号楼屋面' -> '3栋屋面'");
	pm_db_close(db);
}
END_TEST

/*
 * Every KPI of the file is a row (schema 0005): one whose target is none
 * has a NULL target, so the count is always what the file says.
 */
START_TEST(apply_kpi_targets)
{
	struct pm_db *db = pm_test_db();
	struct report r;

	apply_text(db, "estate: {name: x}\nkpi_targets:\n"
	    "  first_time_fix: 90%\n  arrears_recovery: none\n", &r);
	ck_assert_str_eq(counts(&r, "kpi targets"), "13/0/0");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM kpi_targets",
	    NULL), 13);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM kpi_targets WHERE "
	    "kpi = ?1 AND target IS NULL", "arrears_recovery"), 1);
	/* A target set to none loses its target; given again, gets one. */
	apply_text(db, "estate: {name: x}\nkpi_targets:\n"
	    "  first_time_fix: none\n  arrears_recovery: 60%\n", &r);
	ck_assert_str_eq(counts(&r, "kpi targets"), "0/2/0");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM kpi_targets",
	    NULL), 13);
	ck_assert_int_eq(sql_int(db, "SELECT target FROM kpi_targets WHERE "
	    "kpi = ?1", "arrears_recovery"), 6000);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM kpi_targets WHERE "
	    "kpi = ?1 AND target IS NULL", "first_time_fix"), 1);
	pm_db_close(db);
}
END_TEST

/* A moment as pm_time_parse() reads it, or the test fails. */
static pm_time
t_at(const char *s)
{
	pm_time t;

	ck_assert_msg(pm_time_parse(s, &t) == 0, "%s: %s", s, pm_err_msg());
	return t;
}

/*
 * Targets and quotas are dated (schema 0012): each apply leaves a
 * version at its time, and a figure reads the one in force at its cut.
 */
START_TEST(apply_dated_settings)
{
	struct pm_db *db = pm_test_db();
	struct report r;
	char *v, *w;
	int t;

	ck_assert_int_eq(setenv("PM_NOW", "2026-10-01T08:00", 1), 0);
	apply_text(db, "estate: {name: x}\nkpi_targets:\n"
	    "  first_time_fix: 90%\n", &r);
	ck_assert_int_eq(setenv("PM_NOW", "2026-11-15T08:00", 1), 0);
	apply_text(db, "estate: {name: x}\nkpi_targets:\n"
	    "  first_time_fix: 80%\n", &r);
	ck_assert_int_eq(setenv("PM_NOW", "2026-12-01T08:00", 1), 0);
	apply_text(db, "estate: {name: x}\nkpi_targets:\n"
	    "  first_time_fix: none\n", &r);
	ck_assert_int_eq(pm_kpi_target(db, "first_time_fix",
	    t_at("2026-09-30T23:00"), &t), 0);
	ck_assert_int_eq(t, PM_KPI_NO_TARGET);
	ck_assert_int_eq(pm_kpi_target(db, "first_time_fix",
	    t_at("2026-11-15T07:59"), &t), 0);
	ck_assert_int_eq(t, 9000);
	ck_assert_int_eq(pm_kpi_target(db, "first_time_fix",
	    t_at("2026-11-30T23:59"), &t), 0);
	ck_assert_int_eq(t, 8000);
	ck_assert_int_eq(pm_kpi_target(db, "first_time_fix",
	    t_at("2026-12-01T08:00"), &t), 0);
	ck_assert_int_eq(t, PM_KPI_NO_TARGET);
	/* A default (repair_timeliness, 95%) is a version of its own. */
	ck_assert_int_eq(pm_kpi_target(db, "repair_timeliness",
	    t_at("2026-10-02T00:00"), &t), 0);
	ck_assert_int_eq(t, 9500);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM kpi_target_versions"
	    " WHERE kpi = ?1", "first_time_fix"), 3);
	ck_assert_int_ne(pm_db_exec(db, "DELETE FROM kpi_target_versions"), 0);

	/* A quota removed leaves a version saying so. */
	apply_text(db, "estate: {name: x}\nvisit_quotas:\n"
	    "  - {roles: manager, per: month, households: 5}\n", &r);
	ck_assert_int_eq(setenv("PM_NOW", "2026-12-10T08:00", 1), 0);
	apply_text(db, "estate: {name: x}\n", &r);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM"
	    " visit_quota_versions WHERE removed = 0 AND households = 5",
	    NULL), 1);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM"
	    " visit_quota_versions WHERE removed = 1 AND households IS NULL"
	    " AND at > (SELECT at FROM visit_quota_versions WHERE removed = 0)",
	    NULL), 1);
	ck_assert_int_ne(pm_db_exec(db, "UPDATE visit_quota_versions"
	    " SET households = 0"), 0);

	/* A setting (schema 0014): set, changed, removed. */
	ck_assert_int_eq(setenv("PM_NOW", "2026-12-11T08:00", 1), 0);
	apply_text(db, "estate: {name: x, working_hours: \"08:00-17:00\"}\n",
	    &r);
	ck_assert_int_eq(setenv("PM_NOW", "2026-12-12T08:00", 1), 0);
	apply_text(db, "estate: {name: x, working_hours: \"09:00-18:00\"}\n",
	    &r);
	ck_assert_int_eq(setenv("PM_NOW", "2026-12-13T08:00", 1), 0);
	apply_text(db, "estate: {name: x}\n", &r);
	ck_assert_int_eq(pm_setting_asof(db, "working_hours",
	    t_at("2026-12-11T09:00"), &v), 0);
	ck_assert_str_eq(v, "08:00-17:00");
	free(v);
	ck_assert_int_eq(pm_setting_asof(db, "working_hours",
	    t_at("2026-12-12T09:00"), &v), 0);
	ck_assert_str_eq(v, "09:00-18:00");
	free(v);
	ck_assert_int_eq(pm_setting_asof(db, "working_hours",
	    t_at("2026-12-13T09:00"), &v), 0);
	/* The file's default since: the last version is what meta holds. */
	ck_assert_int_eq(pm_db_meta(db, "working_hours", &w), 0);
	ck_assert_str_eq(v, w);
	ck_assert_str_ne(v, "09:00-18:00");
	free(v);
	free(w);
	ck_assert_int_eq(pm_setting_asof(db, "working_hours",
	    t_at("2026-09-30T23:00"), &v), 0);
	ck_assert_ptr_null(v);
	unsetenv("PM_NOW");
	pm_db_close(db);
}
END_TEST

/* The language is a setting: stored normalized, changed, removed. */
START_TEST(apply_language)
{
	struct pm_db *db = pm_test_db();
	struct report r;

	apply_text(db, "estate: {name: x, language: zh-CN}\n", &r);
	ck_assert_str_eq(counts(&r, "settings"), "4/0/0");
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "language"), "zh_CN");
	apply_text(db, "estate: {name: x, language: zh_CN.UTF-8}\n", &r);
	ck_assert_msg(all_zero(&r), "the same language again changed it");
	apply_text(db, "estate: {name: x, language: en_US}\n", &r);
	ck_assert_str_eq(counts(&r, "settings"), "0/1/0");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "language"),
	    "changed: value 'zh_CN' -> 'en'");
	apply_text(db, "estate: {name: x}\n", &r);
	ck_assert_str_eq(counts(&r, "settings"), "0/0/1");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM meta WHERE key = ?1",
	    "language"), 0);
	pm_db_close(db);
}
END_TEST

START_TEST(apply_leaves_other_meta)
{
	struct pm_db *db = pm_test_db();
	struct report r;

	exec(db, "INSERT INTO meta(key, value) VALUES ('receipt_next', '42')");
	apply_text(db, "estate: {name: x}\n", &r);
	apply_text(db, "estate: {name: y}\n", &r);
	ck_assert_str_eq(counts(&r, "settings"), "0/1/0");
	ck_assert_str_eq(sql_text(db, "SELECT value FROM meta WHERE key = ?1",
	    "receipt_next"), "42");
	pm_db_close(db);
}
END_TEST

/*
 * A code that differs only in case from one in the database (live or
 * retired) is refused with both named; it was once taken for the other
 * row by the upsert, through the case-blind index on unit codes.
 */
START_TEST(apply_code_in_another_case)
{
	struct pm_db *db = pm_test_db();
	struct pm_estate *e;
	struct report r;

	apply_text(db, "estate: {name: x}\npublic_areas:\n"
	    "  - {code: p-gate-n, name: 北门}\n", &r);
	e = load_text("estate: {name: x}\npublic_areas:\n"
	    "  - {code: P-GATE-N, name: 北门岗亭}\n");
	ck_assert_int_eq(pm_db_begin(db), 0);
	pm_assert_err(pm_estate_apply(db, e, NULL), PM_EX_CONFIG,
	    "test.yaml: code 'P-GATE-N': the database already has "
	    "'p-gate-n', which differs only in case (codes are the same in "
	    "any case: write it as the database has it)");
	pm_db_rollback(db);
	ck_assert_str_eq(sql_text(db, "SELECT code || '/' || name || '/' || "
	    "retired FROM units", NULL), "p-gate-n/北门/0");

	/* Retired, it still holds the code. */
	apply_text(db, "estate: {name: x}\n", &r);
	ck_assert_str_eq(counts(&r, "public areas"), "0/0/1");
	ck_assert_int_eq(pm_db_begin(db), 0);
	ck_assert_int_eq(pm_estate_apply(db, e, NULL), PM_EX_CONFIG);
	pm_db_rollback(db);
	pm_estate_free(e);

	/* Written as the database has it, it comes back. */
	apply_text(db, "estate: {name: x}\npublic_areas:\n"
	    "  - {code: p-gate-n, name: 北门岗亭}\n", &r);
	ck_assert_str_eq(counts(&r, "public areas"), "0/1/0");
	pm_db_close(db);
}
END_TEST

/* The staff of apply_unix_accounts(), with their accounts. */
static const char *
unix_staff(const char *a, const char *b, int with_b, const char *c)
{
	static char buf[1024];
	char lines[3][160];

	snprintf(lines[0], sizeof lines[0], "  - {login: a, name: A, "
	    "department: service, role: manager%s%s}\n", a ? ", unix: " : "",
	    a ? a : "");
	snprintf(lines[1], sizeof lines[1], "  - {login: b, name: B, "
	    "department: service, role: staff%s%s}\n", b ? ", unix: " : "",
	    b ? b : "");
	snprintf(lines[2], sizeof lines[2], "  - {login: c, name: C, "
	    "department: service, role: staff%s%s}\n", c ? ", unix: " : "",
	    c ? c : "");
	snprintf(buf, sizeof buf, "%sstaff:\n%s%s%s", depts, lines[0],
	    with_b ? lines[1] : "", lines[2]);
	return buf;
}

/*
 * Unix accounts are stored in staff.unix_user, unique among the staff:
 * they can be swapped in one apply, and one who leaves gives theirs up.
 */
START_TEST(apply_unix_accounts)
{
	struct pm_db *db = pm_test_db();
	struct report r;

	apply_text(db, unix_staff("root", "daemon", 1, NULL), &r);
	ck_assert_str_eq(counts(&r, "staff"), "3/0/0");
	ck_assert_str_eq(sql_text(db, "SELECT group_concat(login || '=' || "
	    "ifnull(unix_user, '-'), ' ') FROM (SELECT * FROM staff ORDER BY "
	    "login)", NULL), "a=root b=daemon c=-");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1", "a"), "added: name 'A', department 'service', "
	    "role 'manager', unix_user 'root'");

	/* Swapped: each is unique at every step. */
	apply_text(db, unix_staff("daemon", "root", 1, NULL), &r);
	ck_assert_str_eq(counts(&r, "staff"), "0/2/0");
	ck_assert_str_eq(sql_text(db, "SELECT group_concat(login || '=' || "
	    "ifnull(unix_user, '-'), ' ') FROM (SELECT * FROM staff ORDER BY "
	    "login)", NULL), "a=daemon b=root c=-");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "a"),
	    "changed: unix_user 'root' -> 'daemon'");

	/* b leaves; c, after b in key order, takes b's account. */
	apply_text(db, unix_staff("daemon", NULL, 0, "root"), &r);
	ck_assert_str_eq(counts(&r, "staff"), "0/1/1");
	ck_assert_str_eq(sql_text(db, "SELECT group_concat(login || '=' || "
	    "ifnull(unix_user, '-') || '/' || retired, ' ') FROM (SELECT * "
	    "FROM staff ORDER BY login)", NULL),
	    "a=daemon/0 b=-/1 c=root/0");

	/* Unbound, and the same again changes nothing. */
	apply_text(db, unix_staff(NULL, NULL, 0, "root"), &r);
	ck_assert_str_eq(counts(&r, "staff"), "0/1/0");
	ck_assert_str_eq(sql_text(db, "SELECT summary FROM audit WHERE "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1", "a"),
	    "changed: unix_user 'daemon' -> NULL");
	apply_text(db, unix_staff(NULL, NULL, 0, "root"), &r);
	ck_assert_msg(all_zero(&r), "not idempotent");
	pm_db_close(db);
}
END_TEST

/* A failure half-way leaves it to the caller's rollback. */
START_TEST(apply_failure_rolls_back)
{
	struct pm_db *db = pm_test_db();
	struct pm_estate *e = load_file(SMALL);
	int rc;

	exec(db, "CREATE TEMP TRIGGER no_categories BEFORE INSERT ON categories"
	    " BEGIN SELECT RAISE(ABORT, 'no categories today'); END");
	ck_assert_int_eq(pm_db_begin(db), 0);
	rc = pm_estate_apply(db, e, NULL);
	ck_assert_int_ne(rc, 0);
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "no categories today"));
	pm_db_rollback(db);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM units", NULL), 0);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM audit", NULL), 0);

	exec(db, "DROP TRIGGER no_categories");
	ck_assert_int_eq(pm_db_begin(db), 0);
	ck_assert_int_eq(pm_estate_apply(db, e, NULL), 0);
	ck_assert_int_eq(pm_db_commit(db), 0);
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM units", NULL), 15);
	pm_estate_free(e);
	pm_db_close(db);
}
END_TEST

/* 10,000 units load and apply in well under a second (without ASan). */
START_TEST(apply_ten_thousand_units)
{
	const char *y = "estate: {name: 大型小区}\nbuildings:\n"
	    "  - code: \"1\"\n    name: 1号楼\n    units:\n"
	    "      - {entrances: 1-10, floors: 1-50, rooms: 1-20, area: 89.50}\n";
	struct pm_db *db = pm_test_db();
	struct timespec t0, t1;
	struct report r;
	double secs;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(pm_db_begin(db), 0);
	apply_text(db, y, &r);
	ck_assert_int_eq(pm_db_commit(db), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_str_eq(counts(&r, "units"), "10000/0/0");
	ck_assert_int_eq(sql_int(db, "SELECT count(*) FROM units", NULL),
	    10000);
	/* Generous, so sanitizer builds pass too; see bench/ for speed. */
	ck_assert_msg(secs < 5.0, "10,000 units took %.2f s", secs);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	apply_text(db, y, &r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ck_assert_msg(all_zero(&r), "second apply changed something");
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_msg(secs < 5.0, "unchanged 10,000 units took %.2f s", secs);
	pm_db_close(db);
}
END_TEST

Suite *
estate_suite(void)
{
	Suite *s = suite_create("estate");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, example_loads);
	tcase_add_test(tc, small_fixture_and_defaults);
	tcase_add_test(tc, minimal_defaults);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, yaml_syntax);
	tcase_add_test(tc, unknown_keys);
	tcase_add_test(tc, wrong_types);
	tcase_add_test(tc, duplicates);
	tcase_add_test(tc, references_and_words);
	tcase_add_test(tc, ranges_and_areas);
	tcase_add_test(tc, common_parts);
	tcase_add_test(tc, durations_and_percentages);
	tcase_add_test(tc, zone_and_hours);
	tcase_add_test(tc, calendar_errors);
	tcase_add_test(tc, group_key);
	tcase_add_test(tc, unix_key);
	tcase_add_test(tc, language_key);
	tcase_add_test(tc, group_fixtures);
	tcase_add_test(tc, db_set_group_memory);
	tcase_add_test(tc, db_set_group_file);
	suite_add_tcase(s, tc);

	tc = tcase_create("apply");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, apply_example_twice);
	tcase_add_test(tc, apply_changes);
	tcase_add_test(tc, apply_reports_rows);
	tcase_add_test(tc, apply_moves_and_removals);
	tcase_add_test(tc, apply_calendar_replaced);
	tcase_add_test(tc, apply_common_parts);
	tcase_add_test(tc, apply_kpi_targets);
	tcase_add_test(tc, apply_dated_settings);
	tcase_add_test(tc, apply_language);
	tcase_add_test(tc, apply_leaves_other_meta);
	tcase_add_test(tc, apply_code_in_another_case);
	tcase_add_test(tc, apply_unix_accounts);
	tcase_add_test(tc, apply_failure_rolls_back);
	tcase_add_test(tc, apply_ten_thousand_units);
	suite_add_tcase(s, tc);
	return s;
}
