/*
 * estate_parse.c - read the estate file (pm-estate(5)) and check it all.
 *
 * The file is read whole and loaded with libyaml's document API, so every
 * node keeps its line and column for messages.  The sections are checked
 * in a fixed order, whatever their order in the file (departments before
 * the staff and categories that name them), and the first problem stops
 * the load.  Strings live in a small arena owned by the estate, so every
 * error path frees everything with one pm_estate_free().  The tools' own
 * sections (estate_sections.c) are read after the core ones, through the
 * same helpers (estate_yaml.c).
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "clock.h"
#include "err.h"
#include "estate.h"
#include "estate_priv.h"
#include "i18n.h"
#include "money.h"
#include "text.h"
#include "vocab.h"

#define MAX_FILE_SIZE	(64L * 1024 * 1024)
#define MAX_CODE	EST_MAX_CODE
#define MAX_TOP_KEYS	EST_MAX_KEYS

/* The core sections, read in this order; the tools' come after them. */
static const char *const core_keys[] = { "estate", "departments", "staff",
	"buildings", "public_areas", "categories", "sla", "kpi_targets", NULL };
#define NCORE 8
static const char *const estate_keys[] = { "name", "timezone", "calendar",
	"working_hours", "group", "language", NULL };
static const char *const dept_keys[] = { "code", "name", NULL };
static const char *const staff_keys[] = { "login", "name", "department",
	"role", "phone", "unix", NULL };
static const char *const building_keys[] = { "code", "name", "units",
	"extra", "common_parts", NULL };
static const char *const group_keys[] = { "entrances", "floors", "rooms",
	"area", "condition", NULL };
static const char *const extra_keys[] = { "code", "area", "condition",
	"entrance", "floor", NULL };
static const char *const public_keys[] = { "code", "name", "area",
	"condition", NULL };
static const char *const part_keys[] = { "code", "name", "per", "entrances",
	"area", "condition", NULL };
static const char *const cat_keys[] = { "code", "name", "kind", "urgent",
	"emergency", "department", NULL };
static const char *const sla_keys[] = { "within", "clock", NULL };

static const char *const roles[] = { "staff", "lead", "supervisor",
	"manager", NULL };
static const char *const conditions[] = { "good", "basic", "poor", NULL };
static const char *const cat_kinds[] = { "repair", "complaint", "inquiry",
	"suggestion", NULL };
static const char *const clocks[] = { "calendar", "working", NULL };
static const char *const pers[] = { "entrance", "building", NULL };

/* The defaults of pm-estate(5), in the order of the PM_SLA_* names. */
static const struct {
	const char *name, *within, *clock;
} sla_defaults[PM_ESTATE_NSLA] = {
	{ "notice_level1", "5m", "calendar" },
	{ "notice_level2", "10m", "calendar" },
	{ "onsite", "30m", "calendar" },
	{ "same_day", "end-of-day", "calendar" },
	{ "feedback", "2d", "working" },
	{ "completion", "5d", "working" },
	{ "repeat_window", "30d", "calendar" }
};

/* DESIGN.md section 6; -1 where it sets no target. */
static const struct pm_estate_kpi kpi_defaults[PM_ESTATE_NKPI] = {
	{ "complaint_timeliness", 10000 },
	{ "repair_timeliness", 9500 },
	{ "callback_rate", 10000 },
	{ "callback_satisfaction", 9500 },
	{ "first_time_fix", -1 },
	{ "collection_rate", 8500 },
	{ "arrears_recovery", -1 },
	{ "facility_intact", 9500 },
	{ "housing_intact", 9800 },
	{ "owner_satisfaction", 9500 },
	{ "combined_collection", -1 },
	{ "walk_visits", 10000 },
	{ "training", 10000 }
};


/*
 * "08:30-12:00,13:30-17:30" from the spans of 'cal', the form
 * pm_calendar_set_hours() reads.
 */
static int
hours_text(struct est *c, const struct pm_calendar *cal)
{
	char buf[PM_CAL_MAX_SPANS * 24], *p = buf;
	int i, j, t;

	buf[0] = '\0';
	for (i = 0; i < cal->nspans; i++) {
		for (j = 0; j < 2; j++) {
			t = j ? cal->span_end[i] : cal->span_start[i];
			p += sprintf(p, "%s%02d:%02d", j ? "-" : i ? "," : "",
			    t / 3600, t / 60 % 60);
		}
	}
	if ((c->e->working_hours = est_mem_strdup(c->e->mem, buf)) == NULL)
		return est_nomem();
	return 0;
}

/*
 * working_hours: "08:30-12:00,13:30-17:30", or a list of spans, into
 * c->hours (which starts as pm_calendar_init()'s default).
 */
static int
working_hours(struct est *c, const yaml_node_t *v)
{
	yaml_node_item_t *it;
	char *spec = NULL, *ns;
	size_t len = 0;
	int i, n = 0, rc = 0;

	if (v == NULL)
		return hours_text(c, &c->hours);
	if (v->type == YAML_SCALAR_NODE) {
		if ((spec = strdup(est_sval(v))) == NULL)
			return est_nomem();
	} else if ((rc = est_items(c, v, "working_hours", &it, &n)) != 0)
		return rc;
	else if (n == 0)
		return est_at(c, v, "working_hours: empty list");
	/* A list of spans is the same text joined with commas. */
	for (i = 0; v->type == YAML_SEQUENCE_NODE && i < n; i++) {
		yaml_node_t *s = est_node(c, it[i]);

		if (s->type != YAML_SCALAR_NODE) {
			rc = est_wrong_type(c, s, "working_hours",
			    N_("a span like 08:30-12:00"));
			break;
		}
		if ((ns = realloc(spec, len + s->data.scalar.length + 2)) ==
		    NULL) {
			rc = est_nomem();
			break;
		}
		spec = ns;
		len += (size_t)sprintf(spec + len, "%s%s", i ? "," : "",
		    est_sval(s));
	}
	if (rc == 0 && pm_calendar_set_hours(&c->hours, spec) != 0)
		rc = est_again(c, v);
	if (rc == 0)
		rc = hours_text(c, &c->hours);
	free(spec);
	return rc;
}

/* Check a time zone by setting it, then put the clock's zone back. */
static int
timezone_check(struct est *c, const yaml_node_t *v, const char *zone)
{
	char *old;
	int rc;

	if ((old = strdup(pm_clock_zone())) == NULL)
		return est_nomem();
	rc = pm_clock_set_zone(zone);
	pm_clock_set_zone(old);
	free(old);
	if (rc != 0)
		return est_again(c, v);
	return 0;
}

static int
day_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pm_estate_day *)a)->date,
	    ((const struct pm_estate_day *)b)->date);
}

/*
 * The calendar's day names (the third column), which struct pm_calendar
 * does not keep.  The file has just passed pm_calendar_load(), so a line
 * is DATE<TAB>KIND[<TAB>NAME...]; a name we cannot find stays NULL.
 */
static int
day_names(struct est *c, const char *path)
{
	struct pm_estate_day key, *d;
	char *line = NULL, *name, *end;
	size_t cap = 0;
	FILE *fp;
	int rc = 0;

	if (c->e->ndays == 0 || (fp = fopen(path, "r")) == NULL)
		return 0;
	while (getline(&line, &cap, fp) > 0) {
		if (line[0] == '#' || strlen(line) < PM_DATE_LEN ||
		    line[PM_DATE_LEN - 1] != '\t')
			continue;
		memcpy(key.date, line, PM_DATE_LEN - 1);
		key.date[PM_DATE_LEN - 1] = '\0';
		if ((name = strchr(line + PM_DATE_LEN, '\t')) == NULL)
			continue;
		name++;
		end = name + strcspn(name, "\t\r\n");
		d = bsearch(&key, c->e->days, (size_t)c->e->ndays, sizeof *d,
		    day_cmp);
		if (d == NULL || end == name || d->name != NULL)
			continue;
		if ((d->name = est_mem_strndup(c->e->mem, name,
		    (size_t)(end - name))) == NULL) {
			rc = est_nomem();
			break;
		}
	}
	free(line);
	fclose(fp);
	return rc;
}

/* Read the calendar file, relative to the estate file's directory. */
static int
calendar(struct est *c, const yaml_node_t *v)
{
	struct pm_calendar cal;
	const char *slash = strrchr(c->file, '/');
	char *path;
	int i, rc;

	if (c->e->calendar[0] == '/' || slash == NULL)
		path = strdup(c->e->calendar);
	else if (asprintf(&path, "%.*s/%s", (int)(slash - c->file), c->file,
	    c->e->calendar) < 0)
		path = NULL;
	if (path == NULL)
		return est_nomem();
	pm_calendar_init(&cal);
	if ((rc = pm_calendar_load(&cal, path)) != 0) {
		/* Errors inside the file carry its own place already. */
		if (rc != PM_EX_CONFIG)
			rc = est_at_code(c, rc, v, "%s", pm_err_msg());
		goto out;
	}
	if (cal.ndays > 0 &&
	    (c->e->days = calloc((size_t)cal.ndays, sizeof *c->e->days)) ==
	    NULL) {
		rc = est_nomem();
		goto out;
	}
	for (i = 0; i < cal.ndays; i++) {
		memcpy(c->e->days[i].date, cal.days[i].date, PM_DATE_LEN);
		c->e->days[i].working = cal.days[i].working;
	}
	c->e->ndays = cal.ndays;
	if (c->e->ndays > 1)
		qsort(c->e->days, (size_t)c->e->ndays, sizeof *c->e->days,
		    day_cmp);
	rc = day_names(c, path);
out:
	pm_calendar_release(&cal);
	free(path);
	return rc;
}

/*
 * The group that is to share the database must exist here and now: a
 * misspelt name found at load time stops the apply before the database
 * is touched, instead of after its data was written.
 */
static int
group_check(struct est *c, const yaml_node_t *v, const char *group)
{
	if (getgrnam(group) == NULL)
		return est_at(c, v, "group %s: no such group", est_show(v));
	return 0;
}

/*
 * The language of messages and headings when the environment names none
 * (cron runs with no LANG), as i18n.h reads it, stored in the one form
 * the tools read back.
 */
static int
language(struct est *c, const yaml_node_t *v)
{
	enum pm_lang lang;

	if (c->e->language == NULL)
		return 0;
	if (pm_i18n_parse(c->e->language, &lang) != 0)
		return est_at(c, v, "language %s: not a language pm speaks (use "
		    "zh_CN or en)", est_show(v));
	c->e->language = lang == PM_LANG_ZH ? "zh_CN" : "en";
	return 0;
}

static int
estate(struct est *c, const yaml_node_t *root, const yaml_node_t *n)
{
	yaml_node_t *v[7];
	int rc;

	if (n == NULL)
		return est_at(c, root, "missing 'estate' section (with name, "
		    "timezone, calendar, working_hours)");
	if ((rc = est_fields(c, n, "estate", estate_keys, v)) != 0 ||
	    (rc = est_text(c, n, v[0], "estate", "name", 1, &c->e->name)) != 0 ||
	    (rc = est_text(c, n, v[1], "estate", "timezone", 0,
	    &c->e->timezone)) != 0 ||
	    (rc = est_text(c, n, v[2], "estate", "calendar", 0,
	    &c->e->calendar)) != 0 ||
	    (rc = working_hours(c, v[3])) != 0 ||
	    (rc = est_text(c, n, v[4], "estate", "group", 0, &c->e->group)) != 0 ||
	    (c->e->group != NULL &&
	    (rc = group_check(c, v[4], c->e->group)) != 0) ||
	    (rc = est_text(c, n, v[5], "estate", "language", 0,
	    &c->e->language)) != 0 ||
	    (rc = language(c, v[5])) != 0)
		return rc;
	if (c->e->timezone == NULL)
		c->e->timezone = "Asia/Shanghai";
	else if ((rc = timezone_check(c, v[1], c->e->timezone)) != 0)
		return rc;
	if (c->e->calendar == NULL)
		c->e->calendar_read = 1;
	else if (!(c->flags & PM_ESTATE_NO_CALENDAR)) {
		if ((rc = calendar(c, v[2])) != 0)
			return rc;
		c->e->calendar_read = 1;
	}
	return 0;
}

static int
departments(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_department *d;
	yaml_node_item_t *it;
	yaml_node_t *v[2], *n;
	int i, count, rc;

	if ((rc = est_items(c, list, "departments", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((d = est_grow(c->e->departments, &c->cap_depts,
		    c->e->ndepartments, sizeof *d)) == NULL)
			return est_nomem();
		c->e->departments = d;
		d += c->e->ndepartments;
		if ((rc = est_fields(c, n, "department", dept_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "department", "code", 1,
		    &d->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "department", "name", 1,
		    &d->name)) != 0 ||
		    (rc = est_unique(c, &c->depts, v[0], "department",
		    d->code)) != 0)
			return rc;
		c->e->ndepartments++;
	}
	return 0;
}

static int
phone(struct est *c, const yaml_node_t *v, const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 20 || strspn(s, "0123456789+-") != n)
		return est_at(c, v, "phone %s: not a phone number (3 to 20 "
		    "digits, '+' and '-')", est_show(v));
	return 0;
}

/*
 * The Unix account a staff member logs in with: it must exist here and
 * now, like the group, so a misspelt account stops the apply instead of
 * binding nobody; and it is one person's, so it is bound to one staff
 * member only.
 */
static int
unix_account(struct est *c, const yaml_node_t *v, const char *account)
{
	int rc;

	if (getpwnam(account) == NULL)
		return est_at(c, v, "unix account %s: no such user", est_show(v));
	if ((rc = est_unique(c, &c->unix_users, v, "unix account", account)) != 0)
		return rc;
	return 0;
}

static int
staff(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_staff *s;
	yaml_node_item_t *it;
	yaml_node_t *v[6], *n;
	int i, count, rc;

	if ((rc = est_items(c, list, "staff", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((s = est_grow(c->e->staff, &c->cap_staff, c->e->nstaff,
		    sizeof *s)) == NULL)
			return est_nomem();
		c->e->staff = s;
		s += c->e->nstaff;
		if ((rc = est_fields(c, n, "staff", staff_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "staff", "login", 1,
		    &s->login)) != 0 ||
		    (rc = est_unique(c, &c->staff, v[0], "staff login",
		    s->login)) != 0 ||
		    (rc = est_text(c, n, v[1], "staff", "name", 1, &s->name)) != 0 ||
		    (rc = est_text(c, n, v[2], "staff", "department", 1,
		    &s->department)) != 0 ||
		    (rc = est_department_ref(c, v[2], "staff", s->login,
		    s->department)) != 0 ||
		    (rc = est_word(c, n, v[3], "staff", "role", 1, roles,
		    &pm_v_role, &s->role)) != 0 ||
		    (rc = est_text(c, n, v[4], "staff", "phone", 0,
		    &s->phone)) != 0 ||
		    (s->phone != NULL && (rc = phone(c, v[4], s->phone)) != 0) ||
		    (rc = est_text(c, n, v[5], "staff", "unix", 0,
		    &s->unix_user)) != 0 ||
		    (s->unix_user != NULL &&
		    (rc = unix_account(c, v[5], s->unix_user)) != 0))
			return rc;
		c->e->nstaff++;
	}
	return 0;
}

/* Which list a place goes to. */
enum place_list {
	UNITS,
	PUBLIC_AREAS,
	COMMON_PARTS
};

/* Append one unit, public area or common part and check its code is new. */
static int
add_unit(struct est *c, const yaml_node_t *n, const char *kind,
    const struct pm_estate_unit *u, enum place_list list)
{
	struct pm_estate_unit **arr;
	int *count, *cap, rc;

	if (c->e->nunits + c->e->npublic_areas + c->e->ncommon_parts >=
	    PM_ESTATE_MAX_UNITS)
		return est_at(c, n, "more than %d units, public areas and common "
		    "parts", PM_ESTATE_MAX_UNITS);
	if ((rc = est_unique_code(c, &c->codes, n, kind, u->code)) != 0)
		return rc;
	switch (list) {
	case UNITS:
		arr = &c->e->units;
		count = &c->e->nunits;
		cap = &c->cap_units;
		break;
	case PUBLIC_AREAS:
		arr = &c->e->public_areas;
		count = &c->e->npublic_areas;
		cap = &c->cap_public;
		break;
	default:
		arr = &c->e->common_parts;
		count = &c->e->ncommon_parts;
		cap = &c->cap_common;
		break;
	}
	if ((*arr = est_grow(*arr, cap, *count, sizeof **arr)) == NULL)
		return est_nomem();
	(*arr)[(*count)++] = *u;
	return 0;
}

/* The unit at entrance e, floor f, position p of a range group. */
static int
group_unit(struct est *c, const yaml_node_t *n, struct pm_estate_unit *u,
    int e, int f, int p)
{
	char buf[MAX_CODE + 32];

	snprintf(buf, sizeof buf, "%s-%d-%d", u->building, e, f * 100 + p);
	if ((u->code = est_mem_strdup(c->e->mem, buf)) == NULL)
		return est_nomem();
	u->entrance = e;
	u->floor = f;
	return add_unit(c, n, "unit code", u, UNITS);
}

/*
 * One range group: every entrance × floor × position, each unit coded
 * BUILDING-ENTRANCE-ROOM with ROOM = floor * 100 + position.
 */
static int
unit_group(struct est *c, const char *building, const yaml_node_t *n,
    char *entrances)
{
	char ent[PM_ESTATE_MAX_ENTRANCE + 1], fl[PM_ESTATE_MAX_FLOOR + 1];
	char pos[PM_ESTATE_MAX_POSITION + 1];
	struct pm_estate_unit u;
	yaml_node_t *v[5];
	int ne, nf, np, e, f, p, rc;

	memset(&u, 0, sizeof u);
	u.building = building;
	if ((rc = est_fields(c, n, "units group", group_keys, v)) != 0 ||
	    (rc = est_range(c, n, v[0], "units group", "entrances",
	    PM_ESTATE_MAX_ENTRANCE, ent, &ne)) != 0 ||
	    (rc = est_range(c, n, v[1], "units group", "floors",
	    PM_ESTATE_MAX_FLOOR, fl, &nf)) != 0 ||
	    (rc = est_range(c, n, v[2], "units group", "rooms",
	    PM_ESTATE_MAX_POSITION, pos, &np)) != 0 ||
	    (rc = est_area(c, n, v[3], "units group", 1, &u.area)) != 0 ||
	    (rc = est_word(c, n, v[4], "units group", "condition", 0,
	    conditions, &pm_v_condition, &u.condition)) != 0)
		return rc;
	/* Say so before expanding a slip such as 99 × 199 × 99. */
	if ((int64_t)ne * nf * np > PM_ESTATE_MAX_UNITS)
		return est_at(c, n, "units group: %d units, more than %d", ne * nf *
		    np, PM_ESTATE_MAX_UNITS);
	for (e = 1; e <= PM_ESTATE_MAX_ENTRANCE; e++) {
		if (!ent[e])
			continue;
		entrances[e] = 1;
		for (f = 1; f <= PM_ESTATE_MAX_FLOOR; f++) {
			if (!fl[f])
				continue;
			for (p = 1; p <= PM_ESTATE_MAX_POSITION; p++) {
				if (!pos[p])
					continue;
				if ((rc = group_unit(c, n, &u, e, f, p)) != 0)
					return rc;
			}
		}
	}
	return 0;
}

/*
 * The entrance and floor of an odd unit's code when it has the usual
 * shape BUILDING-ENTRANCE-ROOM with numbers; else they stay 0.
 */
static void
guess_place(struct pm_estate_unit *u, size_t prefix)
{
	const char *s = u->code + prefix;
	int e, r;

	if ((e = est_small_number(&s)) < 1 || *s++ != '-' ||
	    (r = est_small_number(&s)) < 100 || *s != '\0' ||
	    e > PM_ESTATE_MAX_ENTRANCE || r / 100 > PM_ESTATE_MAX_FLOOR)
		return;
	u->entrance = e;
	u->floor = r / 100;
}

static int
extra_unit(struct est *c, const char *building, const yaml_node_t *n,
    char *entrances)
{
	struct pm_estate_unit u;
	yaml_node_t *v[5];
	char prefix[MAX_CODE + 2];
	size_t blen = strlen(building);
	int rc;

	memset(&u, 0, sizeof u);
	u.building = building;
	snprintf(prefix, sizeof prefix, "%s-", building);
	if ((rc = est_fields(c, n, "extra unit", extra_keys, v)) != 0 ||
	    (rc = est_code(c, n, v[0], "extra unit", "code", 1, &u.code)) != 0)
		return rc;
	if (strncmp(u.code, building, blen) != 0 || u.code[blen] != '-' ||
	    u.code[blen + 1] == '\0')
		return est_at(c, v[0], "extra unit %s: code must start with "
		    "%s, its building's code", est_show(v[0]), pm_q(prefix));
	guess_place(&u, blen + 1);
	if ((rc = est_area(c, n, v[1], "extra unit", 1, &u.area)) != 0 ||
	    (rc = est_word(c, n, v[2], "extra unit", "condition", 0,
	    conditions, &pm_v_condition, &u.condition)) != 0 ||
	    (v[3] != NULL && (rc = est_number(c, v[3], "entrance",
	    PM_ESTATE_MAX_ENTRANCE, &u.entrance)) != 0) ||
	    (v[4] != NULL && (rc = est_number(c, v[4], "floor",
	    PM_ESTATE_MAX_FLOOR, &u.floor)) != 0))
		return rc;
	entrances[u.entrance] = 1;
	return add_unit(c, v[0], "unit code", &u, UNITS);
}

/*
 * One common part of a building (pm-estate(5)): per entrance, one place
 * BUILDING-ENTRANCE-CODE named 3号楼1单元电梯 for each of 'entrances' (the
 * entrances the building's units are at) or of those it names; per
 * building, one place BUILDING-CODE named 3号楼屋面.  A part's code
 * starts with a letter, so 3-1-LIFT can never be taken for a room.
 */
static int
common_part(struct est *c, const struct pm_estate_building *b,
    const yaml_node_t *n, const char *entrances)
{
	char ent[PM_ESTATE_MAX_ENTRANCE + 1];
	const char *part, *name, *per;
	struct pm_estate_unit u;
	yaml_node_t *v[6];
	int e, count, rc;

	memset(&u, 0, sizeof u);
	u.building = b->code;
	if ((rc = est_fields(c, n, "common part", part_keys, v)) != 0 ||
	    (rc = est_code(c, n, v[0], "common part", "code", 1, &part)) != 0 ||
	    (rc = est_text(c, n, v[1], "common part", "name", 1, &name)) != 0 ||
	    (rc = est_word(c, n, v[2], "common part", "per", 0, pers, NULL,
	    &per)) != 0 ||
	    (rc = est_area(c, n, v[4], "common part", 0, &u.area)) != 0 ||
	    (rc = est_word(c, n, v[5], "common part", "condition", 0,
	    conditions, &pm_v_condition, &u.condition)) != 0)
		return rc;
	if (!((*part >= 'A' && *part <= 'Z') || (*part >= 'a' && *part <= 'z')))
		return est_at(c, v[0], "common part %s: code must start with a "
		    "letter, so that it is not taken for a room number",
		    est_show(v[0]));
	if (per != NULL && strcmp(per, "building") == 0) {
		if (v[3] != NULL)
			return est_at(c, v[3], "common part %s: entrances are for a "
			    "part per entrance, not per building", pm_q(part));
		if ((u.code = est_mem_printf(c->e->mem, "%s-%s", b->code,
		    part)) == NULL ||
		    (u.name = est_mem_printf(c->e->mem, "%s%s", b->name,
		    name)) == NULL)
			return est_nomem();
		if (strlen(u.code) > MAX_CODE)
			return est_at(c, v[0], "common part code %s: longer than "
			    "%d characters", pm_q(u.code), MAX_CODE);
		return add_unit(c, v[0], "common part code", &u,
		    COMMON_PARTS);
	}
	if (v[3] != NULL) {
		if ((rc = est_range(c, n, v[3], "common part", "entrances",
		    PM_ESTATE_MAX_ENTRANCE, ent, &count)) != 0)
			return rc;
	} else {
		memcpy(ent, entrances, sizeof ent);
		for (e = 1, count = 0; e <= PM_ESTATE_MAX_ENTRANCE; e++)
			count += ent[e];
		if (count == 0)
			return est_at(c, v[0], "common part %s: building %s has no "
			    "units at any entrance (give the part's entrances, "
			    "or per: building)", pm_q(part), pm_q(b->code));
	}
	for (e = 1; e <= PM_ESTATE_MAX_ENTRANCE; e++) {
		if (!ent[e])
			continue;
		/*
		 * 3号楼 + 1 + 单元 + 电梯, as people say it here; a part named
		 * 单元门厅 is 3号楼1单元门厅, not 3号楼1单元单元门厅.
		 */
		if ((u.code = est_mem_printf(c->e->mem, "%s-%d-%s", b->code, e,
		    part)) == NULL ||
		    (u.name = est_mem_printf(c->e->mem, "%s%d单元%s", b->name, e,
		    strncmp(name, "单元", strlen("单元")) == 0 &&
		    name[strlen("单元")] != '\0' ? name + strlen("单元") :
		    name)) == NULL)
			return est_nomem();
		if (strlen(u.code) > MAX_CODE)
			return est_at(c, v[0], "common part code %s: longer than "
			    "%d characters", pm_q(u.code), MAX_CODE);
		u.entrance = e;
		if ((rc = add_unit(c, v[0], "common part code", &u,
		    COMMON_PARTS)) != 0)
			return rc;
	}
	return 0;
}

static int
building(struct est *c, const yaml_node_t *n)
{
	struct pm_estate_building *b;
	char entrances[PM_ESTATE_MAX_ENTRANCE + 1];
	yaml_node_item_t *it;
	yaml_node_t *v[5];
	int i, count, rc;

	if ((b = est_grow(c->e->buildings, &c->cap_buildings, c->e->nbuildings,
	    sizeof *b)) == NULL)
		return est_nomem();
	c->e->buildings = b;
	b += c->e->nbuildings;
	if ((rc = est_fields(c, n, "building", building_keys, v)) != 0 ||
	    (rc = est_code(c, n, v[0], "building", "code", 0, &b->code)) != 0 ||
	    (rc = est_unique_code(c, &c->buildings, v[0], "building",
	    b->code)) != 0 ||
	    (rc = est_text(c, n, v[1], "building", "name", 1, &b->name)) != 0)
		return rc;
	c->e->nbuildings++;
	/* Which entrances have units, for the common parts per entrance. */
	memset(entrances, 0, sizeof entrances);
	if ((rc = est_items(c, v[2], "units", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = unit_group(c, b->code, est_node(c, it[i]),
		    entrances)) != 0)
			return rc;
	if ((rc = est_items(c, v[3], "extra", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = extra_unit(c, b->code, est_node(c, it[i]),
		    entrances)) != 0)
			return rc;
	entrances[0] = 0;
	if ((rc = est_items(c, v[4], "common_parts", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = common_part(c, b, est_node(c, it[i]), entrances)) != 0)
			return rc;
	return 0;
}

static int
buildings(struct est *c, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	int i, count, rc;

	if ((rc = est_items(c, list, "buildings", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = building(c, est_node(c, it[i]))) != 0)
			return rc;
	return 0;
}

static int
public_areas(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_unit u;
	yaml_node_item_t *it;
	yaml_node_t *v[4], *n;
	int i, count, rc;

	if ((rc = est_items(c, list, "public_areas", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		memset(&u, 0, sizeof u);
		if ((rc = est_fields(c, n, "public area", public_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "public area", "code", 1,
		    &u.code)) != 0 ||
		    (rc = est_text(c, n, v[1], "public area", "name", 1,
		    &u.name)) != 0 ||
		    (rc = est_area(c, n, v[2], "public area", 0, &u.area)) != 0 ||
		    (rc = est_word(c, n, v[3], "public area", "condition", 0,
		    conditions, &pm_v_condition, &u.condition)) != 0 ||
		    (rc = add_unit(c, v[0], "public area code", &u,
		    PUBLIC_AREAS)) != 0)
			return rc;
	}
	return 0;
}

static int
categories(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_category *k;
	yaml_node_item_t *it;
	yaml_node_t *v[6], *n;
	int i, count, rc;

	if ((rc = est_items(c, list, "categories", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((k = est_grow(c->e->categories, &c->cap_cats,
		    c->e->ncategories, sizeof *k)) == NULL)
			return est_nomem();
		c->e->categories = k;
		k += c->e->ncategories;
		if ((rc = est_fields(c, n, "category", cat_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "category", "code", 1,
		    &k->code)) != 0 ||
		    (rc = est_unique(c, &c->cats, v[0], "category",
		    k->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "category", "name", 1,
		    &k->name)) != 0 ||
		    (rc = est_word(c, n, v[2], "category", "kind", 0, cat_kinds,
		    &pm_v_ticket_kind, &k->kind)) != 0 ||
		    (rc = est_boolean(c, v[3], "urgent", &k->urgent)) != 0 ||
		    (rc = est_boolean(c, v[4], "emergency", &k->emergency)) != 0 ||
		    (rc = est_text(c, n, v[5], "category", "department", 1,
		    &k->department)) != 0 ||
		    (rc = est_department_ref(c, v[5], "category", k->code,
		    k->department)) != 0)
			return rc;
		c->e->ncategories++;
	}
	return 0;
}

/*
 * How long service level 's' gives: "end-of-day" (same_day only) or a
 * duration on its clock, where a working day ("2d") is as long as this
 * estate's working hours make it.  'n' is where the text was.
 */
static int
sla_within(struct est *c, const yaml_node_t *n, struct pm_estate_sla *s,
    const char *within)
{
	enum pm_clock_kind kind = PM_CLOCK_CALENDAR;
	int64_t secs;

	if (strcmp(within, "end-of-day") == 0) {
		if (strcmp(s->name, "same_day") != 0)
			return est_at(c, n, "%s: 'end-of-day' is only for same_day",
			    s->name);
		s->seconds = 0;
		return 0;
	}
	if (strcmp(s->clock, "working") == 0)
		kind = PM_CLOCK_WORKING;
	if (pm_calendar_duration_parse(&c->hours, kind, within, &secs) != 0)
		return est_again(c, n);
	if (secs <= 0)
		return est_at(c, n, "%s: duration %s is not longer than zero",
		    s->name, pm_q(within));
	s->seconds = secs;
	return 0;
}

/* One service level: "5m", or {within: 5m, clock: working}. */
static int
sla_one(struct est *c, const yaml_node_t *n, struct pm_estate_sla *s)
{
	const yaml_node_t *within = n, *clk = NULL;
	yaml_node_t *v[2];
	const char *w;
	int rc;

	if (n->type != YAML_SCALAR_NODE) {
		if ((rc = est_fields(c, n, s->name, sla_keys, v)) != 0)
			return rc;
		if ((within = v[0]) == NULL)
			return est_at(c, n, "%s: missing 'within'", s->name);
		clk = v[1];
	}
	if ((rc = est_word(c, n, clk, s->name, "clock", 0, clocks, &pm_v_clock,
	    &w)) != 0)
		return rc;
	if (w != NULL)
		s->clock = w;
	if (within->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, within, "within",
		    N_("a duration like 30m"));
	return sla_within(c, within, s, est_sval(within));
}

static int
sla(struct est *c, const yaml_node_t *n)
{
	const char *names[PM_ESTATE_NSLA + 1];
	yaml_node_t *v[PM_ESTATE_NSLA];
	struct pm_estate_sla *s;
	int i, rc;

	for (i = 0; i < PM_ESTATE_NSLA; i++)
		names[i] = sla_defaults[i].name;
	names[i] = NULL;
	if (n != NULL && (rc = est_fields(c, n, "sla", names, v)) != 0)
		return rc;
	for (i = 0; i < PM_ESTATE_NSLA; i++) {
		s = &c->e->sla[i];
		s->name = sla_defaults[i].name;
		s->clock = sla_defaults[i].clock;
		if (n != NULL && v[i] != NULL)
			rc = sla_one(c, v[i], s);
		else
			rc = sla_within(c, n, s, sla_defaults[i].within);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* "95%" or "99.5%" as basis points, or "none" for no target. */
static int
percent(struct est *c, const yaml_node_t *v, const char *kpi, int *out)
{
	char buf[16];
	size_t len;
	int64_t h;

	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, kpi, N_("a percentage like 95%"));
	if (strcmp(est_sval(v), "none") == 0) {
		*out = -1;
		return 0;
	}
	len = v->data.scalar.length;
	if (len < 2 || len > sizeof buf || est_sval(v)[len - 1] != '%')
		goto bad;
	memcpy(buf, est_sval(v), len - 1);
	buf[len - 1] = '\0';
	if (pm_hundredths_parse(buf, "target", &h) != 0 || h > 10000)
		goto bad;
	*out = (int)h;
	return 0;
bad:
	return est_at(c, v, "%s %s: not a percentage from 0%% to 100%% (like "
	    "95%% or 99.5%%) or none", kpi, est_show(v));
}

static int
kpi_targets(struct est *c, const yaml_node_t *n)
{
	const char *names[PM_ESTATE_NKPI + 1];
	yaml_node_t *v[PM_ESTATE_NKPI];
	int i, rc;

	for (i = 0; i < PM_ESTATE_NKPI; i++) {
		c->e->kpi[i] = kpi_defaults[i];
		names[i] = kpi_defaults[i].kpi;
	}
	names[i] = NULL;
	if (n == NULL)
		return 0;
	if ((rc = est_fields(c, n, "kpi_targets", names, v)) != 0)
		return rc;
	for (i = 0; i < PM_ESTATE_NKPI; i++)
		if (v[i] != NULL &&
		    (rc = percent(c, v[i], names[i], &c->e->kpi[i].target)) != 0)
			return rc;
	return 0;
}

/* The whole document, section by section in dependency order. */
static int
document(struct est *c)
{
	yaml_node_t *root = yaml_document_get_root_node(&c->doc);
	yaml_node_t *v[MAX_TOP_KEYS];
	const char *keys[MAX_TOP_KEYS + 1];
	int i, n, rc;

	if (root == NULL)
		return pm_err(PM_EX_CONFIG, "%s:1:1: empty file (an estate "
		    "file starts with an 'estate' section)", c->file);
	for (n = 0; core_keys[n] != NULL; n++)
		keys[n] = core_keys[n];
	for (i = 0; est_sections[i] != NULL; i++) {
		if (n == MAX_TOP_KEYS)
			return pm_err(PM_EX_SOFTWARE, "estate file: more than "
			    "%d sections (raise EST_MAX_KEYS)", MAX_TOP_KEYS);
		keys[n++] = est_sections[i]->key;
	}
	keys[n] = NULL;
	if ((rc = est_fields(c, root, "estate file", keys, v)) != 0 ||
	    (rc = estate(c, root, v[0])) != 0 ||
	    (rc = departments(c, v[1])) != 0 ||
	    (rc = staff(c, v[2])) != 0 ||
	    (rc = buildings(c, v[3])) != 0 ||
	    (rc = public_areas(c, v[4])) != 0 ||
	    (rc = categories(c, v[5])) != 0 ||
	    (rc = sla(c, v[6])) != 0 ||
	    (rc = kpi_targets(c, v[7])) != 0)
		return rc;
	for (i = 0; est_sections[i] != NULL; i++)
		if ((rc = est_sections[i]->read(c, v[NCORE + i])) != 0)
			return rc;
	return 0;
}

/* Line and column (in characters) of byte 'off' of the input. */
static void
place(const char *buf, size_t len, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * The character at 1-based line:col of the input (columns count
 * characters, as libyaml's marks do), as its bytes in 'out' (room for
 * 5); "" past the end.
 */
static void
char_at(const char *buf, size_t len, int line, int col, char *out)
{
	size_t i = 0, n;

	for (; line > 1 && i < len; i++)
		if (buf[i] == '\n')
			line--;
	for (; col > 1 && i < len; col--)
		for (i++; i < len && ((unsigned char)buf[i] & 0xc0) == 0x80; i++)
			;
	for (n = 0; i + n < len && n < 4 && (n == 0 ||
	    ((unsigned char)buf[i + n] & 0xc0) == 0x80); n++)
		out[n] = buf[i + n];
	out[n] = '\0';
}

static int
is_problem(const yaml_parser_t *p, const char *problem, const char *context)
{
	return p->problem != NULL && strcmp(p->problem, problem) == 0 &&
	    (context == NULL ||
	    (p->context != NULL && strcmp(p->context, context) == 0));
}

/*
 * A YAML syntax error.  libyaml's words are for people who know its
 * grammar ("did not find expected key"); the usual slips behind them are
 * a line indented one space off, a missing space after ':', a tab, a
 * missing ',' or closing bracket, or an unclosed quote, so those are said
 * with a hint of what to look at.  Where libyaml notices the slip only
 * later (an unclosed quote at the end of the file, a key without ':' on
 * the next line), the place given is where it began.  Other problems
 * keep libyaml's words and its context.
 */
static int
yaml_error(struct est *c, const yaml_parser_t *p, const char *buf,
    size_t len)
{
	const char *f = c->file;
	char ch[5];
	int line, col, cl, cc;

	if (p->error == YAML_MEMORY_ERROR)
		return est_nomem();
	if (p->error == YAML_READER_ERROR) {
		place(buf, len, p->problem_offset, &line, &col);
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: %s", f, line, col,
		    p->problem ? p->problem : "cannot read the file");
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	cl = (int)p->context_mark.line + 1;
	cc = (int)p->context_mark.column + 1;
	if (is_problem(p, "mapping values are not allowed in this context",
	    NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: mapping values are not "
		    "allowed here (is the indentation right, or is a space "
		    "missing after a ':'?)", f, line, col);
	if (is_problem(p, "did not find expected key", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find the "
		    "expected key (is this line indented like the keys above "
		    "it?)", f, line, col);
	if (is_problem(p, "could not find expected ':'",
	    "while scanning a simple key"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: could not find the ':' "
		    "after this key (is the ':' missing?)", f, cl, cc);
	if (is_problem(p, "did not find expected '-' indicator", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find the "
		    "expected list item (is this line indented like the items "
		    "above it?)", f, line, col);
	if (is_problem(p, "block sequence entries are not allowed in this "
	    "context", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: a list item is not "
		    "allowed here (put each '- ' item on a line of its own, or "
		    "quote a value that starts with '- ')", f, line, col);
	if (is_problem(p, "found character that cannot start any token",
	    NULL)) {
		char_at(buf, len, line, col, ch);
		if (strcmp(ch, "\t") == 0)
			return pm_err(PM_EX_CONFIG, "%s:%d:%d: found a tab (YAML "
			    "indents with spaces only: replace the tab with "
			    "spaces)", f, line, col);
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: found %s, which cannot "
		    "start a value (put the value in quotes)", f, line, col,
		    pm_q(ch));
	}
	if (is_problem(p, "did not find expected ',' or '}'",
	    "while parsing a flow mapping"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find a ',' or "
		    "'}' (is a ',' missing between two entries, or the '}' "
		    "closing the '{' at %d:%d?)", f, line, col, cl, cc);
	if (is_problem(p, "did not find expected ',' or ']'",
	    "while parsing a flow sequence"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find a ',' or "
		    "']' (is a ',' missing between two items, or the ']' "
		    "closing the '[' at %d:%d?)", f, line, col, cl, cc);
	if (is_problem(p, "found unexpected end of stream",
	    "while scanning a quoted scalar"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: the quoted text that "
		    "starts here has no closing quote", f, cl, cc);
	if (is_problem(p, "found undefined alias", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: found an alias (*name) "
		    "with no anchor (&name) before it", f, line, col);
	if (p->context != NULL)
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: %s (%s at %d:%d)", f,
		    line, col, p->problem, p->context, cl, cc);
	return pm_err(PM_EX_CONFIG, "%s:%d:%d: %s", f, line, col,
	    p->problem ? p->problem : "YAML error");
}

/* Load the one document of the input; a second one is an error. */
static int
parse(struct est *c, const char *buf, size_t len)
{
	yaml_document_t next;
	yaml_parser_t p;
	yaml_node_t *root;
	int rc = 0;

	if (!yaml_parser_initialize(&p))
		return est_nomem();
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&p, &c->doc)) {
		rc = yaml_error(c, &p, buf, len);
		memset(&c->doc, 0, sizeof c->doc);
	} else if (!yaml_parser_load(&p, &next)) {
		rc = yaml_error(c, &p, buf, len);
	} else {
		if ((root = yaml_document_get_root_node(&next)) != NULL)
			rc = est_at(c, root, "a second YAML document (an estate "
			    "file holds one)");
		yaml_document_delete(&next);
	}
	yaml_parser_delete(&p);
	return rc;
}

int
pm_estate_load_mem(const char *name, const char *buf, size_t len, int flags,
    struct pm_estate **out)
{
	struct est c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.file = name;
	c.flags = flags;
	pm_calendar_init(&c.hours);
	if ((c.e = calloc(1, sizeof *c.e)) == NULL)
		return est_nomem();
	if ((c.e->mem = calloc(1, sizeof *c.e->mem)) == NULL ||
	    (c.e->file = est_mem_strdup(c.e->mem, name)) == NULL) {
		pm_estate_free(c.e);
		pm_calendar_release(&c.hours);
		return est_nomem();
	}
	if ((rc = parse(&c, buf, len)) == 0)
		rc = document(&c);
	yaml_document_delete(&c.doc);
	pm_calendar_release(&c.hours);
	est_seen_release(&c.depts);
	est_seen_release(&c.staff);
	est_seen_release(&c.buildings);
	est_seen_release(&c.codes);
	est_seen_release(&c.cats);
	est_seen_release(&c.unix_users);
	if (rc != 0) {
		pm_estate_free(c.e);
		return rc;
	}
	*out = c.e;
	return 0;
}

int
pm_estate_load(const char *path, struct pm_estate **out)
{
	char *buf = NULL, *nbuf;
	size_t len = 0, cap = 0, n;
	FILE *fp;
	int rc;

	*out = NULL;
	if ((fp = fopen(path, "rb")) == NULL)
		return pm_err(errno == ENOMEM ? PM_EX_SOFTWARE : PM_EX_NOINPUT,
		    "estate file %s: %s", pm_q(path), strerror(errno));
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			if (cap > MAX_FILE_SIZE + 1) {
				rc = pm_err(PM_EX_CONFIG, "estate file %s: "
				    "larger than %ld bytes", pm_q(path),
				    MAX_FILE_SIZE);
				goto out;
			}
			if ((nbuf = realloc(buf, cap)) == NULL) {
				rc = est_nomem();
				goto out;
			}
			buf = nbuf;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		rc = pm_err(PM_EX_IOERR, "estate file %s: %s", pm_q(path),
		    strerror(errno));
		goto out;
	}
	rc = pm_estate_load_mem(path, buf, len, 0, out);
out:
	free(buf);
	fclose(fp);
	return rc;
}

void
pm_estate_free(struct pm_estate *e)
{
	struct est_chunk *c, *next;
	int i;

	if (e == NULL)
		return;
	for (i = 0; est_sections[i] != NULL; i++)
		if (est_sections[i]->release != NULL)
			est_sections[i]->release(e);
	if (e->mem != NULL) {
		for (c = e->mem->head; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
		free(e->mem);
	}
	free(e->departments);
	free(e->staff);
	free(e->buildings);
	free(e->units);
	free(e->public_areas);
	free(e->common_parts);
	free(e->categories);
	free(e->days);
	free(e);
}
