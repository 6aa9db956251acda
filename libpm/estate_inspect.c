/*
 * estate_inspect.c - pm-inspect's sections of the estate file: checklists
 * and their items, facilities (设备设施台帐), maintenance plans, inspection
 * rounds and their places, and work-plan entries (pm-estate(5)).
 *
 * Each section is read and checked through the est_* helpers, after the
 * core sections it refers to (departments, categories, units) and after
 * the sections before it here (a round names a checklist and
 * facilities), and merged into its tables by pm-db apply.  A plan that
 * names many facilities ("kind: lift") is one row per facility, so each
 * lift's 15-day cycle is kept and cleared on its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "estate_priv.h"
#include "inspect.h"
#include "money.h"
#include "text.h"
#include "vocab.h"

#define MAX_ITEMS	999
#define MAX_TEXT	500

struct ins_checklist {
	const char *code, *name, *department, *category;
	int pass_score;		/* basis points */
};

struct ins_item {
	const char *key;	/* "CHECKLIST 001" */
	const char *checklist;
	int n;
	const char *text;
	int weight, serious, unchanged;
	const char *reading;	/* its unit, or NULL */
	int has_min, has_max;
	int64_t min, max;
	const char *category;	/* or NULL */
};

struct ins_facility {
	const char *code, *name, *kind, *location, *department;
	const char *contractor, *certificate;
};

struct ins_plan {
	const char *key;	/* "FACILITY TASK" */
	const char *facility, *task, *name;
	struct pm_interval every, ahead;
	int hard;
};

struct ins_round {
	const char *code, *name, *checklist, *level, *department;
	struct pm_interval every;
	int vacant;
};

struct ins_place {
	const char *key;	/* "ROUND PLACE" */
	const char *round, *kind, *place;
};

struct ins_work {
	const char *code, *name, *department, *often;
	int year, months, weekdays;
};

/* What the sections read; the arrays are malloc'd, the strings arena. */
struct pm_estate_inspect {
	struct ins_checklist *checklists;
	int nchecklists, cap_checklists;
	struct ins_item *items;
	int nitems, cap_items;
	struct ins_facility *facilities;
	int nfacilities, cap_facilities;
	struct ins_plan *plans;
	int nplans, cap_plans;
	struct ins_round *rounds;
	int nrounds, cap_rounds;
	struct ins_place *places;
	int nplaces, cap_places;
	struct ins_work *work;
	int nwork, cap_work;
	/* Codes seen, for references and duplicates while reading. */
	struct est_seenset seen_checklists, seen_facilities, seen_plans,
	    seen_rounds, seen_places, seen_work;
};

static const char *const checklist_keys[] = { "code", "name", "department",
	"category", "pass", "items", NULL };
static const char *const item_keys[] = { "check", "weight", "serious",
	"reading", "min", "max", "unchanged", "category", NULL };
static const char *const facility_keys[] = { "code", "name", "kind",
	"location", "department", "contractor", "certificate", NULL };
static const char *const plan_keys[] = { "task", "name", "every", "ahead",
	"hard", "facilities", "kind", NULL };
static const char *const round_keys[] = { "code", "name", "checklist",
	"places", "every", "level", "department", NULL };
static const char *const work_keys[] = { "code", "name", "department",
	"months", "every", "days", "year", NULL };

static const char *const facility_kinds[] = { "power", "water", "fire",
	"lift", "security", "other", NULL };
static const char *const levels[] = { "self", "lead", "supervisor", NULL };
static const char *const often_words[] = { "daily", "weekly", "monthly",
	"once", NULL };
static const char *const weekdays[] = { "mon", "tue", "wed", "thu", "fri",
	"sat", "sun", NULL };

/* The section's data, made on the first read. */
static struct pm_estate_inspect *
data(struct est *c)
{
	if (c->e->inspect == NULL)
		c->e->inspect = calloc(1, sizeof *c->e->inspect);
	return c->e->inspect;
}

static void
release(struct pm_estate *e)
{
	struct pm_estate_inspect *d = e->inspect;

	if (d == NULL)
		return;
	free(d->checklists);
	free(d->items);
	free(d->facilities);
	free(d->plans);
	free(d->rounds);
	free(d->places);
	free(d->work);
	est_seen_release(&d->seen_checklists);
	est_seen_release(&d->seen_facilities);
	est_seen_release(&d->seen_plans);
	est_seen_release(&d->seen_rounds);
	est_seen_release(&d->seen_places);
	est_seen_release(&d->seen_work);
	free(d);
	e->inspect = NULL;
}

/*
 * Values.
 */

/* Text of at most MAX_TEXT bytes. */
static int
text(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required, const char **out)
{
	int rc;

	if ((rc = est_text(c, map, v, what, key, required, out)) != 0)
		return rc;
	if (*out != NULL && strlen(*out) > MAX_TEXT)
		return est_at(c, v, "%s: '%s' is longer than %d bytes", what,
		    key, MAX_TEXT);
	return 0;
}

static int
interval(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required, struct pm_interval *iv)
{
	const char *s;
	int rc;

	iv->days = iv->months = 0;
	if ((rc = est_text(c, map, v, what, key, required, &s)) != 0 ||
	    s == NULL)
		return rc;
	if (pm_interval_parse(s, iv) != 0)
		return est_again(c, v);
	return 0;
}

/* A category of the file's categories section. */
static int
category(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *whose, const char *who, int required, const char **out)
{
	int rc;

	*out = NULL;
	if (v == NULL && !required)
		return 0;
	if ((rc = est_code(c, map, v, whose, "category", 1, out)) != 0)
		return rc;
	if (est_seen_find(&c->cats, *out) == NULL)
		return est_at(c, v, "%s %s: unknown category %s (see the "
		    "categories section)", whose, pm_q(who), est_show(v));
	return 0;
}

/* "90%" or "99.5%" as basis points. */
static int
percent(struct est *c, const yaml_node_t *v, const char *key, int *out)
{
	char buf[16];
	size_t len;
	int64_t h;

	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a percentage like 95%"));
	len = v->data.scalar.length;
	if (len < 2 || len > sizeof buf || est_sval(v)[len - 1] != '%')
		goto bad;
	memcpy(buf, est_sval(v), len - 1);
	buf[len - 1] = '\0';
	if (pm_hundredths_parse(buf, key, &h) != 0 || h > 10000)
		goto bad;
	*out = (int)h;
	return 0;
bad:
	return est_at(c, v, "%s %s: not a percentage from 0%% to 100%% (like "
	    "90%%)", key, est_show(v));
}

/* A day "2027-03-31" that exists. */
static int
date(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, const char **out)
{
	char buf[PM_DATE_LEN];
	int rc, y, m, d;

	if ((rc = est_text(c, map, v, what, key, 0, out)) != 0 || *out == NULL)
		return rc;
	if (strlen(*out) != 10 || sscanf(*out, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 ||
	    strcmp(pm_day_fmt(pm_day_from_civil(y, m, d), buf), *out) != 0)
		return est_at(c, v, "%s %s: not a day like 2027-03-31", key,
		    est_show(v));
	return 0;
}

static int
reading(struct est *c, const yaml_node_t *v, const char *key, int *has,
    int64_t *out)
{
	*has = 0;
	if (v == NULL)
		return 0;
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a number"));
	if (pm_reading_parse(est_sval(v), out) != 0)
		return est_again(c, v);
	*has = 1;
	return 0;
}

/*
 * checklists
 */

static int
item(struct est *c, struct pm_estate_inspect *d, struct ins_checklist *k,
    const yaml_node_t *n, int no)
{
	struct ins_item *it;
	yaml_node_t *v[8];
	int rc, weight = 1;

	if ((it = est_grow(d->items, &d->cap_items, d->nitems,
	    sizeof *it)) == NULL)
		return est_nomem();
	d->items = it;
	it += d->nitems;
	memset(it, 0, sizeof *it);
	it->checklist = k->code;
	it->n = no;
	it->weight = 1;
	if (no > MAX_ITEMS)
		return est_at(c, n, "checklist %s: more than %d items",
		    pm_q(k->code), MAX_ITEMS);
	if ((it->key = est_mem_printf(c->e->mem, "%s %03d", k->code,
	    no)) == NULL)
		return est_nomem();
	/* An item may be its text alone. */
	if (n->type == YAML_SCALAR_NODE) {
		if ((rc = text(c, n, n, "item", "check", 1, &it->text)) != 0)
			return rc;
		d->nitems++;
		return 0;
	}
	if ((rc = est_fields(c, n, "item", item_keys, v)) != 0 ||
	    (rc = text(c, n, v[0], "item", "check", 1, &it->text)) != 0 ||
	    (v[1] != NULL && (rc = est_number(c, v[1], "weight", 100,
	    &weight)) != 0) ||
	    (rc = est_boolean(c, v[2], "serious", &it->serious)) != 0 ||
	    (rc = text(c, n, v[3], "item", "reading", 0, &it->reading)) != 0 ||
	    (rc = reading(c, v[4], "min", &it->has_min, &it->min)) != 0 ||
	    (rc = reading(c, v[5], "max", &it->has_max, &it->max)) != 0 ||
	    (rc = est_boolean(c, v[6], "unchanged", &it->unchanged)) != 0 ||
	    (rc = category(c, n, v[7], "checklist", k->code, 0,
	    &it->category)) != 0)
		return rc;
	it->weight = weight;
	if (it->reading == NULL && (v[4] != NULL || v[5] != NULL ||
	    it->unchanged))
		return est_at(c, n, "item %s: min, max and unchanged are for a "
		    "reading (give its unit: reading: m³)", pm_q(it->text));
	if (it->has_min && it->has_max && it->min > it->max)
		return est_at(c, v[5], "item %s: max is below min",
		    pm_q(it->text));
	d->nitems++;
	return 0;
}

static int
checklists(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_inspect *d = data(c);
	struct ins_checklist *k;
	yaml_node_item_t *it, *items;
	yaml_node_t *v[6], *n;
	int i, j, count, nitems, rc;

	if (d == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "checklists", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((k = est_grow(d->checklists, &d->cap_checklists,
		    d->nchecklists, sizeof *k)) == NULL)
			return est_nomem();
		d->checklists = k;
		k += d->nchecklists;
		memset(k, 0, sizeof *k);
		k->pass_score = 10000;
		if ((rc = est_fields(c, n, "checklist", checklist_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "checklist", "code", 1,
		    &k->code)) != 0 ||
		    (rc = est_unique(c, &d->seen_checklists, v[0], "checklist",
		    k->code)) != 0 ||
		    (rc = text(c, n, v[1], "checklist", "name", 1, &k->name)) != 0 ||
		    (rc = est_text(c, n, v[2], "checklist", "department", 1,
		    &k->department)) != 0 ||
		    (rc = est_department_ref(c, v[2], "checklist", k->code,
		    k->department)) != 0 ||
		    (rc = category(c, n, v[3], "checklist", k->code, 1,
		    &k->category)) != 0 ||
		    (v[4] != NULL && (rc = percent(c, v[4], "pass",
		    &k->pass_score)) != 0) ||
		    (rc = est_items(c, v[5], "items", &items, &nitems)) != 0)
			return rc;
		if (nitems == 0)
			return est_at(c, v[5] != NULL ? v[5] : n, "checklist %s: "
			    "no items (list what is checked under 'items')",
			    pm_q(k->code));
		d->nchecklists++;
		for (j = 0; j < nitems; j++)
			if ((rc = item(c, d, k, est_node(c, items[j]),
			    j + 1)) != 0)
				return rc;
	}
	return 0;
}

/*
 * facilities
 */

static int
facilities(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_inspect *d = data(c);
	struct ins_facility *f;
	yaml_node_item_t *it;
	yaml_node_t *v[7], *n;
	int i, count, rc;

	if (d == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "facilities", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((f = est_grow(d->facilities, &d->cap_facilities,
		    d->nfacilities, sizeof *f)) == NULL)
			return est_nomem();
		d->facilities = f;
		f += d->nfacilities;
		memset(f, 0, sizeof *f);
		if ((rc = est_fields(c, n, "facility", facility_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "facility", "code", 1,
		    &f->code)) != 0 ||
		    (rc = est_unique_code(c, &d->seen_facilities, v[0],
		    "facility", f->code)) != 0 ||
		    (rc = text(c, n, v[1], "facility", "name", 1, &f->name)) != 0 ||
		    (rc = est_word(c, n, v[2], "facility", "kind", 1,
		    facility_kinds, &pm_v_facility_kind, &f->kind)) != 0 ||
		    (rc = est_text(c, n, v[3], "facility", "location", 1,
		    &f->location)) != 0 ||
		    (rc = est_unit_ref(c, v[3], "facility", f->code, f->location,
		    &f->location)) != 0 ||
		    (rc = est_text(c, n, v[4], "facility", "department", 1,
		    &f->department)) != 0 ||
		    (rc = est_department_ref(c, v[4], "facility", f->code,
		    f->department)) != 0 ||
		    (rc = text(c, n, v[5], "facility", "contractor", 0,
		    &f->contractor)) != 0 ||
		    (rc = date(c, n, v[6], "facility", "certificate",
		    &f->certificate)) != 0)
			return rc;
		d->nfacilities++;
	}
	return 0;
}

/* The facility with code 'code' (case as the file wrote it), or NULL. */
static const struct ins_facility *
facility_ref(const struct pm_estate_inspect *d, const char *code)
{
	int i;

	for (i = 0; i < d->nfacilities; i++)
		if (strcasecmp(d->facilities[i].code, code) == 0)
			return &d->facilities[i];
	return NULL;
}

/*
 * maintenance
 */

/* One plan of 'task' for facility 'f', written at 'v'. */
static int
plan_add(struct est *c, struct pm_estate_inspect *d, const yaml_node_t *v,
    const struct ins_plan *p, const struct ins_facility *f)
{
	struct ins_plan *np;
	int rc;

	if ((np = est_grow(d->plans, &d->cap_plans, d->nplans,
	    sizeof *np)) == NULL)
		return est_nomem();
	d->plans = np;
	np += d->nplans;
	*np = *p;
	np->facility = f->code;
	if ((np->key = est_mem_printf(c->e->mem, "%s %s", f->code,
	    p->task)) == NULL)
		return est_nomem();
	if ((rc = est_unique(c, &d->seen_plans, v, "maintenance task",
	    np->key)) != 0)
		return rc;
	d->nplans++;
	return 0;
}

static int
plan(struct est *c, struct pm_estate_inspect *d, const yaml_node_t *n)
{
	const struct ins_facility *f;
	struct ins_plan p;
	yaml_node_item_t *it;
	yaml_node_t *v[7], *fv;
	const char *code, *kind;
	int i, count, rc, found = 0;

	memset(&p, 0, sizeof p);
	if ((rc = est_fields(c, n, "maintenance plan", plan_keys, v)) != 0 ||
	    (rc = est_code(c, n, v[0], "maintenance plan", "task", 1,
	    &p.task)) != 0 ||
	    (rc = text(c, n, v[1], "maintenance plan", "name", 1,
	    &p.name)) != 0 ||
	    (rc = interval(c, n, v[2], "maintenance plan", "every", 1,
	    &p.every)) != 0 ||
	    (rc = interval(c, n, v[3], "maintenance plan", "ahead", 0,
	    &p.ahead)) != 0 ||
	    (rc = est_boolean(c, v[4], "hard", &p.hard)) != 0 ||
	    (rc = est_word(c, n, v[6], "maintenance plan", "kind", 0,
	    facility_kinds, &pm_v_facility_kind, &kind)) != 0)
		return rc;
	if ((v[5] == NULL) == (kind == NULL))
		return est_at(c, n, "maintenance plan %s: give either "
		    "'facilities' (their codes) or 'kind' (every facility of "
		    "it)", pm_q(p.task));
	if (kind != NULL) {
		for (i = 0; i < d->nfacilities; i++) {
			if (strcmp(d->facilities[i].kind, kind) != 0)
				continue;
			if ((rc = plan_add(c, d, v[6], &p,
			    &d->facilities[i])) != 0)
				return rc;
			found = 1;
		}
		if (!found)
			return est_at(c, v[6], "maintenance plan %s: no facility "
			    "is of kind %s", pm_q(p.task), est_show(v[6]));
		return 0;
	}
	if ((rc = est_items(c, v[5], "facilities", &it, &count)) != 0)
		return rc;
	if (count == 0)
		return est_at(c, v[5], "maintenance plan %s: 'facilities' is an "
		    "empty list", pm_q(p.task));
	for (i = 0; i < count; i++) {
		fv = est_node(c, it[i]);
		if ((rc = est_code(c, fv, fv, "maintenance plan", "facility", 1,
		    &code)) != 0)
			return rc;
		if ((f = facility_ref(d, code)) == NULL)
			return est_at(c, fv, "maintenance plan %s: unknown "
			    "facility %s", pm_q(p.task), est_show(fv));
		if ((rc = plan_add(c, d, fv, &p, f)) != 0)
			return rc;
	}
	return 0;
}

static int
maintenance(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_inspect *d = data(c);
	yaml_node_item_t *it;
	int i, count, rc;

	if (d == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "maintenance", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = plan(c, d, est_node(c, it[i]))) != 0)
			return rc;
	return 0;
}

/*
 * rounds
 */

static int
round_place(struct est *c, struct pm_estate_inspect *d,
    const struct ins_round *r, const yaml_node_t *v)
{
	const struct ins_facility *f;
	struct ins_place *p;
	const char *code, *unit = NULL;
	int rc;

	if ((rc = est_code(c, v, v, "round", "place", 1, &code)) != 0)
		return rc;
	f = facility_ref(d, code);
	if (f == NULL && (rc = est_unit_ref(c, v, "round", r->code, code,
	    &unit)) != 0)
		return est_at(c, v, "round %s: unknown place %s (a unit, public "
		    "area, common part or facility)", pm_q(r->code),
		    est_show(v));
	if (f != NULL && est_unit_ref(c, v, "round", r->code, code, NULL) == 0)
		return est_at(c, v, "round %s: place %s is both a facility and "
		    "a unit or public area", pm_q(r->code), est_show(v));
	pm_err_clear();
	if ((p = est_grow(d->places, &d->cap_places, d->nplaces,
	    sizeof *p)) == NULL)
		return est_nomem();
	d->places = p;
	p += d->nplaces;
	p->round = r->code;
	p->kind = f != NULL ? "facility" : "unit";
	p->place = f != NULL ? f->code : unit;
	if ((p->key = est_mem_printf(c->e->mem, "%s %s", r->code,
	    p->place)) == NULL)
		return est_nomem();
	if ((rc = est_unique(c, &d->seen_places, v, "round place",
	    p->key)) != 0)
		return rc;
	d->nplaces++;
	return 0;
}

static int
one_round(struct est *c, struct pm_estate_inspect *d, const yaml_node_t *n)
{
	struct ins_round *r;
	yaml_node_item_t *it;
	yaml_node_t *v[7];
	int i, count, rc;

	if ((r = est_grow(d->rounds, &d->cap_rounds, d->nrounds,
	    sizeof *r)) == NULL)
		return est_nomem();
	d->rounds = r;
	r += d->nrounds;
	memset(r, 0, sizeof *r);
	if ((rc = est_fields(c, n, "round", round_keys, v)) != 0 ||
	    (rc = est_code(c, n, v[0], "round", "code", 1, &r->code)) != 0 ||
	    (rc = est_unique(c, &d->seen_rounds, v[0], "round", r->code)) != 0 ||
	    (rc = text(c, n, v[1], "round", "name", 1, &r->name)) != 0 ||
	    (rc = est_code(c, n, v[2], "round", "checklist", 1,
	    &r->checklist)) != 0)
		return rc;
	if (est_seen_find(&d->seen_checklists, r->checklist) == NULL)
		return est_at(c, v[2], "round %s: unknown checklist %s",
		    pm_q(r->code), est_show(v[2]));
	if ((rc = interval(c, n, v[4], "round", "every", 1, &r->every)) != 0 ||
	    (rc = est_word(c, n, v[5], "round", "level", 0, levels,
	    &pm_v_inspect_level, &r->level)) != 0 ||
	    (rc = est_text(c, n, v[6], "round", "department", 1,
	    &r->department)) != 0 ||
	    (rc = est_department_ref(c, v[6], "round", r->code,
	    r->department)) != 0)
		return rc;
	if (r->level == NULL)
		r->level = "self";
	d->nrounds++;
	if (v[3] == NULL)
		return est_at(c, n, "round: missing 'places' (codes, or vacant "
		    "for the vacant units)");
	/* The vacant units, whichever they are when it is asked. */
	if (v[3]->type == YAML_SCALAR_NODE) {
		if (strcmp(est_sval(v[3]), "vacant") != 0 &&
		    strcmp(est_sval(v[3]), "空置") != 0 &&
		    strcmp(est_sval(v[3]), "空置房") != 0)
			return est_at(c, v[3], "places %s: not a list of codes "
			    "nor vacant", est_show(v[3]));
		r->vacant = 1;
		return 0;
	}
	if ((rc = est_items(c, v[3], "places", &it, &count)) != 0)
		return rc;
	if (count == 0)
		return est_at(c, v[3], "round %s: 'places' is an empty list",
		    pm_q(r->code));
	for (i = 0; i < count; i++)
		if ((rc = round_place(c, d, r, est_node(c, it[i]))) != 0)
			return rc;
	return 0;
}

static int
rounds(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_inspect *d = data(c);
	yaml_node_item_t *it;
	int i, count, rc;

	if (d == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "rounds", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		/* A place names a round, so the round must be kept first. */
		if ((rc = one_round(c, d, est_node(c, it[i]))) != 0)
			return rc;
	}
	return 0;
}

/*
 * work_plans
 */

static int
work_days(struct est *c, const yaml_node_t *v, int *mask)
{
	yaml_node_item_t *it;
	yaml_node_t *dv;
	const char *w;
	int i, count, rc;

	*mask = 0;
	if ((rc = est_items(c, v, "days", &it, &count)) != 0)
		return rc;
	if (count == 0)
		return est_at(c, v, "days: an empty list");
	for (i = 0; i < count; i++) {
		dv = est_node(c, it[i]);
		if ((rc = est_word(c, dv, dv, "work plan", "day", 1, weekdays,
		    &pm_v_weekday, &w)) != 0)
			return rc;
		*mask |= 1 << pm_vocab_index(&pm_v_weekday, w);
	}
	return 0;
}

static int
work_plans(struct est *c, const yaml_node_t *list)
{
	struct pm_estate_inspect *d = data(c);
	char months[13];
	struct ins_work *w;
	yaml_node_item_t *it;
	yaml_node_t *v[7], *n;
	int i, m, count, nm, rc;

	if (d == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "work_plans", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((w = est_grow(d->work, &d->cap_work, d->nwork,
		    sizeof *w)) == NULL)
			return est_nomem();
		d->work = w;
		w += d->nwork;
		memset(w, 0, sizeof *w);
		if ((rc = est_fields(c, n, "work plan", work_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "work plan", "code", 1,
		    &w->code)) != 0 ||
		    (rc = est_unique(c, &d->seen_work, v[0], "work plan",
		    w->code)) != 0 ||
		    (rc = text(c, n, v[1], "work plan", "name", 1, &w->name)) != 0 ||
		    (rc = est_text(c, n, v[2], "work plan", "department", 1,
		    &w->department)) != 0 ||
		    (rc = est_department_ref(c, v[2], "work plan", w->code,
		    w->department)) != 0 ||
		    (rc = est_range(c, n, v[3], "work plan", "months", 12, months,
		    &nm)) != 0 ||
		    (rc = est_word(c, n, v[4], "work plan", "every", 0,
		    often_words, &pm_v_often, &w->often)) != 0 ||
		    (v[6] != NULL && (rc = est_number(c, v[6], "year", 9999,
		    &w->year)) != 0))
			return rc;
		for (m = 1; m <= 12; m++)
			if (months[m])
				w->months |= 1 << (m - 1);
		if (v[5] != NULL) {
			if (w->often != NULL && strcmp(w->often, "weekly") != 0)
				return est_at(c, v[5], "work plan %s: days are "
				    "for a weekly plan (every: weekly, or no "
				    "every)", pm_q(w->code));
			if ((rc = work_days(c, v[5], &w->weekdays)) != 0)
				return rc;
			w->often = "days";
		} else if (w->often == NULL)
			return est_at(c, n, "work plan %s: missing 'every' "
			    "(daily, weekly, monthly, once) or 'days'",
			    pm_q(w->code));
		if (w->year != 0 && w->year < 1970)
			return est_at(c, v[6], "year %s: before 1970",
			    est_show(v[6]));
		d->nwork++;
	}
	return 0;
}

/*
 * The tables.
 */

#define D(e) ((e)->inspect)
#define N(e, n) (D(e) != NULL ? D(e)->n : 0)

static int n_checklists(const struct pm_estate *e) { return N(e, nchecklists); }
static int n_items(const struct pm_estate *e) { return N(e, nitems); }
static int n_facilities(const struct pm_estate *e) { return N(e, nfacilities); }
static int n_plans(const struct pm_estate *e) { return N(e, nplans); }
static int n_rounds(const struct pm_estate *e) { return N(e, nrounds); }
static int n_places(const struct pm_estate *e) { return N(e, nplaces); }
static int n_work(const struct pm_estate *e) { return N(e, nwork); }

static void
row_checklist(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_checklist *k = &D(e)->checklists[i];

	r->key = k->code;
	r->v[0] = est_v_text(k->name);
	r->v[1] = est_v_text(k->department);
	r->v[2] = est_v_text(k->category);
	r->v[3] = est_v_int(k->pass_score);
}

static void
row_item(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_item *it = &D(e)->items[i];

	r->key = it->key;
	r->v[0] = est_v_text(it->checklist);
	r->v[1] = est_v_int(it->n);
	r->v[2] = est_v_text(it->text);
	r->v[3] = est_v_int(it->weight);
	r->v[4] = est_v_int(it->serious);
	r->v[5] = est_v_text(it->reading);
	r->v[6] = it->has_min ? est_v_int(it->min) : est_v_text(NULL);
	r->v[7] = it->has_max ? est_v_int(it->max) : est_v_text(NULL);
	r->v[8] = est_v_int(it->unchanged);
	r->v[9] = est_v_text(it->category);
}

static void
row_facility(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_facility *f = &D(e)->facilities[i];

	r->key = f->code;
	r->v[0] = est_v_text(f->name);
	r->v[1] = est_v_text(f->kind);
	r->v[2] = est_v_text(f->location);
	r->v[3] = est_v_text(f->department);
	r->v[4] = est_v_text(f->contractor);
	r->v[5] = est_v_text(f->certificate);
}

static void
row_plan(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_plan *p = &D(e)->plans[i];

	r->key = p->key;
	r->v[0] = est_v_text(p->facility);
	r->v[1] = est_v_text(p->task);
	r->v[2] = est_v_text(p->name);
	r->v[3] = est_v_int(p->every.days);
	r->v[4] = est_v_int(p->every.months);
	r->v[5] = est_v_int(p->ahead.days);
	r->v[6] = est_v_int(p->ahead.months);
	r->v[7] = est_v_int(p->hard);
}

static void
row_round(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_round *o = &D(e)->rounds[i];

	r->key = o->code;
	r->v[0] = est_v_text(o->name);
	r->v[1] = est_v_text(o->checklist);
	r->v[2] = est_v_int(o->every.days);
	r->v[3] = est_v_int(o->every.months);
	r->v[4] = est_v_text(o->level);
	r->v[5] = est_v_text(o->department);
	r->v[6] = est_v_int(o->vacant);
}

static void
row_place(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_place *p = &D(e)->places[i];

	r->key = p->key;
	r->v[0] = est_v_text(p->round);
	r->v[1] = est_v_text(p->kind);
	r->v[2] = est_v_text(p->place);
}

static void
row_work(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ins_work *w = &D(e)->work[i];

	r->key = w->code;
	r->v[0] = est_v_text(w->name);
	r->v[1] = est_v_text(w->department);
	r->v[2] = est_v_int(w->year);
	r->v[3] = est_v_int(w->months);
	r->v[4] = est_v_text(w->often);
	r->v[5] = est_v_int(w->weekdays);
}

static const struct est_table t_checklists = {
	.name = "checklists",
	.kind = "checklists",
	.count = n_checklists,
	.row = row_checklist,
	.select = "SELECT code, name, department, category, pass_score,"
	    " retired FROM checklists ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO checklists(code, name, department, category,"
	    " pass_score) VALUES (?1, ?2, ?3, ?4, ?5)",
	.update = "UPDATE checklists SET name = ?2, department = ?3,"
	    " category = ?4, pass_score = ?5, retired = 0 WHERE code = ?1",
	.retire = "UPDATE checklists SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 4,
	.col = { { "name", EST_COL_TEXT, NULL },
	    { "department", EST_COL_TEXT, NULL },
	    { "category", EST_COL_TEXT, NULL },
	    { "pass_score", EST_COL_HUNDREDTHS, NULL } }
};

static const struct est_table t_items = {
	.name = "checklist_items",
	.kind = "checklist items",
	.count = n_items,
	.row = row_item,
	.select = "SELECT key, checklist, n, text, weight, serious, reading,"
	    " min, max, unchanged, category, retired FROM checklist_items"
	    " ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO checklist_items(key, checklist, n, text, weight,"
	    " serious, reading, min, max, unchanged, category) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	.update = "UPDATE checklist_items SET checklist = ?2, n = ?3,"
	    " text = ?4, weight = ?5, serious = ?6, reading = ?7, min = ?8,"
	    " max = ?9, unchanged = ?10, category = ?11, retired = 0"
	    " WHERE key = ?1",
	.retire = "UPDATE checklist_items SET retired = 1 WHERE key = ?1",
	.retire_flag = 1,
	.ncols = 10,
	.col = { { "checklist", EST_COL_TEXT, NULL }, { "n", EST_COL_INT, NULL },
	    { "text", EST_COL_TEXT, NULL }, { "weight", EST_COL_INT, NULL },
	    { "serious", EST_COL_INT, NULL }, { "reading", EST_COL_TEXT, NULL },
	    { "min", EST_COL_INT, NULL }, { "max", EST_COL_INT, NULL },
	    { "unchanged", EST_COL_INT, NULL },
	    { "category", EST_COL_TEXT, NULL } }
};

static const struct est_table t_facilities = {
	.name = "facilities",
	.kind = "facilities",
	.count = n_facilities,
	.row = row_facility,
	.select = "SELECT code, name, kind, location, department, contractor,"
	    " certificate, retired FROM facilities ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO facilities(code, name, kind, location,"
	    " department, contractor, certificate) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7)",
	.update = "UPDATE facilities SET name = ?2, kind = ?3, location = ?4,"
	    " department = ?5, contractor = ?6, certificate = ?7, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE facilities SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 6,
	.col = { { "name", EST_COL_TEXT, NULL }, { "kind", EST_COL_TEXT, NULL },
	    { "location", EST_COL_TEXT, NULL },
	    { "department", EST_COL_TEXT, NULL },
	    { "contractor", EST_COL_TEXT, NULL },
	    { "certificate", EST_COL_TEXT, NULL } }
};

static const struct est_table t_plans = {
	.name = "maint_plans",
	.kind = "maintenance plans",
	.count = n_plans,
	.row = row_plan,
	.select = "SELECT key, facility, task, name, every_days, every_months,"
	    " ahead_days, ahead_months, hard, retired FROM maint_plans"
	    " ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO maint_plans(key, facility, task, name,"
	    " every_days, every_months, ahead_days, ahead_months, hard)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	.update = "UPDATE maint_plans SET facility = ?2, task = ?3, name = ?4,"
	    " every_days = ?5, every_months = ?6, ahead_days = ?7,"
	    " ahead_months = ?8, hard = ?9, retired = 0 WHERE key = ?1",
	.retire = "UPDATE maint_plans SET retired = 1 WHERE key = ?1",
	.retire_flag = 1,
	.ncols = 8,
	.col = { { "facility", EST_COL_TEXT, NULL },
	    { "task", EST_COL_TEXT, NULL }, { "name", EST_COL_TEXT, NULL },
	    { "every_days", EST_COL_INT, NULL },
	    { "every_months", EST_COL_INT, NULL },
	    { "ahead_days", EST_COL_INT, NULL },
	    { "ahead_months", EST_COL_INT, NULL },
	    { "hard", EST_COL_INT, NULL } }
};

static const struct est_table t_rounds = {
	.name = "rounds",
	.kind = "rounds",
	.count = n_rounds,
	.row = row_round,
	.select = "SELECT code, name, checklist, every_days, every_months,"
	    " level, department, vacant, retired FROM rounds"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO rounds(code, name, checklist, every_days,"
	    " every_months, level, department, vacant) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8)",
	.update = "UPDATE rounds SET name = ?2, checklist = ?3,"
	    " every_days = ?4, every_months = ?5, level = ?6,"
	    " department = ?7, vacant = ?8, retired = 0 WHERE code = ?1",
	.retire = "UPDATE rounds SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 7,
	.col = { { "name", EST_COL_TEXT, NULL },
	    { "checklist", EST_COL_TEXT, NULL },
	    { "every_days", EST_COL_INT, NULL },
	    { "every_months", EST_COL_INT, NULL },
	    { "level", EST_COL_TEXT, NULL },
	    { "department", EST_COL_TEXT, NULL },
	    { "vacant", EST_COL_INT, NULL } }
};

static const struct est_table t_places = {
	.name = "round_places",
	.kind = "round places",
	.count = n_places,
	.row = row_place,
	.select = "SELECT key, round, place_kind, place, retired"
	    " FROM round_places ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO round_places(key, round, place_kind, place)"
	    " VALUES (?1, ?2, ?3, ?4)",
	.update = "UPDATE round_places SET round = ?2, place_kind = ?3,"
	    " place = ?4, retired = 0 WHERE key = ?1",
	.retire = "UPDATE round_places SET retired = 1 WHERE key = ?1",
	.retire_flag = 1,
	.ncols = 3,
	.col = { { "round", EST_COL_TEXT, NULL },
	    { "place_kind", EST_COL_TEXT, NULL },
	    { "place", EST_COL_TEXT, NULL } }
};

static const struct est_table t_work = {
	.name = "work_plans",
	.kind = "work plans",
	.count = n_work,
	.row = row_work,
	.select = "SELECT code, name, department, year, months, often,"
	    " weekdays, retired FROM work_plans ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO work_plans(code, name, department, year, months,"
	    " often, weekdays) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	.update = "UPDATE work_plans SET name = ?2, department = ?3,"
	    " year = ?4, months = ?5, often = ?6, weekdays = ?7, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE work_plans SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 6,
	.col = { { "name", EST_COL_TEXT, NULL },
	    { "department", EST_COL_TEXT, NULL }, { "year", EST_COL_INT, NULL },
	    { "months", EST_COL_INT, NULL }, { "often", EST_COL_TEXT, NULL },
	    { "weekdays", EST_COL_INT, NULL } }
};

static const struct est_table *const checklist_tables[] = { &t_checklists,
	&t_items, NULL };
static const struct est_table *const facility_tables[] = { &t_facilities,
	NULL };
static const struct est_table *const plan_tables[] = { &t_plans, NULL };
static const struct est_table *const round_tables[] = { &t_rounds,
	&t_places, NULL };
static const struct est_table *const work_tables[] = { &t_work, NULL };

/* Freed once, by the first section; the others have nothing of theirs. */
const struct est_section est_checklists = { "checklists", checklists,
	release, checklist_tables };
const struct est_section est_facilities = { "facilities", facilities, NULL,
	facility_tables };
const struct est_section est_maintenance = { "maintenance", maintenance,
	NULL, plan_tables };
const struct est_section est_rounds = { "rounds", rounds, NULL,
	round_tables };
const struct est_section est_work_plans = { "work_plans", work_plans, NULL,
	work_tables };
