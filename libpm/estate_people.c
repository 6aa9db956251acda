/*
 * estate_people.c - the people side's sections of the estate file
 * (pm-estate(5)): visit_quotas, training_quotas, survey_lines,
 * duty_posts and gate.  Each is read and checked here, kept in the
 * estate's arena, and merged by pm-db apply into its table.
 *
 * A quota holds from its 'from' day on; a later row for the same staff
 * or department replaces it from its own day, so the months before keep
 * the quota they had.  Each change apply makes to a quota leaves a
 * version of it (schema/0012, versions.h), so a closed period's figures
 * read the quotas of its end, whatever the file says later.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "estate_priv.h"
#include "i18n.h"
#include "money.h"
#include "people.h"

#define MAX_ROLES 4
#define MAX_COUNT 999

/* One row of each table, as the merge writes it. */
struct ep_visit_quota {
	const char *key, *department, *role, *per, *days, *from;
	int households;
};

struct ep_training_quota {
	const char *key, *department, *from;
	int min, max;
};

struct ep_line {
	const char *code, *name;
	int target;		/* basis points, -1 none */
};

struct ep_post {
	const char *code, *name, *place;
	int min_staff;
	int64_t log_every;
};

struct pm_estate_people {
	struct ep_visit_quota *vq;
	int nvq;
	struct ep_training_quota *tq;
	int ntq;
	struct ep_line *lines;
	int nlines;
	struct ep_post *posts;
	int nposts;
	const char *move_notice;	/* seconds as text, or NULL */
};

static const char *const vq_keys[] = { "department", "roles", "per",
	"households", "days", "from", NULL };
static const char *const tq_keys[] = { "department", "per_week", "from",
	NULL };
static const char *const line_keys[] = { "code", "name", "target", NULL };
static const char *const post_keys[] = { "code", "name", "place",
	"min_staff", "log_every", NULL };
static const char *const gate_keys[] = { "move_notice", NULL };

static const char *const roles[] = { "staff", "lead", "supervisor",
	"manager", NULL };
static const char *const pers[] = { "day", "month", NULL };
static const char *const dayses[] = { "working", "all", NULL };

/* The estate's people part, made on first use. */
static struct pm_estate_people *
part(struct est *c)
{
	struct pm_estate_people *p = c->e->people;

	if (p == NULL && (p = (struct pm_estate_people *)est_mem_alloc(
	    c->e->mem, sizeof *p)) != NULL) {
		memset(p, 0, sizeof *p);
		c->e->people = p;
	}
	return p;
}

/* Room for n records of 'size' in the arena (n may be 0). */
static void *
room(struct est *c, int n, size_t size)
{
	return est_mem_alloc(c->e->mem, (size_t)(n > 0 ? n : 1) * size);
}

/* A whole number 0..MAX_COUNT (min..). */
static int
count_of(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int min, int *out)
{
	const char *s;

	if (v == NULL)
		return est_at(c, map, "%s: missing '%s'", what, key);
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a number"));
	s = est_sval(v);
	if ((*out = est_small_number(&s)) < min || *s != '\0' ||
	    *out > MAX_COUNT)
		return est_at(c, v, "%s %s: not a whole number from %d to %d",
		    key, est_show(v), min, MAX_COUNT);
	return 0;
}

/* A day "2026-01-01", or NULL when absent. */
static int
day_of(struct est *c, const yaml_node_t *v, const char **out)
{
	pm_time t;
	const char *s;

	*out = NULL;
	if (v == NULL)
		return 0;
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, "from", N_("a day like 2026-01-01"));
	s = est_sval(v);
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    pm_time_parse(s, &t) != 0)
		return est_at(c, v, "from %s: not a day like 2026-01-01",
		    est_show(v));
	if ((*out = est_mem_strdup(c->e->mem, s)) == NULL)
		return est_nomem();
	return 0;
}

/* A duration "2h", in seconds; absent is 0. */
static int
duration_of(struct est *c, const yaml_node_t *v, const char *key,
    int64_t *out)
{
	*out = 0;
	if (v == NULL)
		return 0;
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a duration like 2h"));
	if (pm_duration_parse(est_sval(v), out) != 0)
		return est_again(c, v);
	if (*out <= 0)
		return est_at(c, v, "%s %s: not longer than zero", key,
		    est_show(v));
	return 0;
}

/* "95%" as basis points; absent is -1 (no target). */
static int
target_of(struct est *c, const yaml_node_t *v, int *out)
{
	char buf[16];
	size_t len;
	int64_t h;

	*out = -1;
	if (v == NULL)
		return 0;
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, "target", N_("a percentage like 95%"));
	len = v->data.scalar.length;
	if (len >= 2 && len <= sizeof buf && est_sval(v)[len - 1] == '%') {
		memcpy(buf, est_sval(v), len - 1);
		buf[len - 1] = '\0';
		if (pm_hundredths_parse(buf, "target", &h) == 0 && h <= 10000) {
			*out = (int)h;
			return 0;
		}
	}
	return est_at(c, v, "target %s: not a percentage from 0%% to 100%% "
	    "(like 90%%)", est_show(v));
}

/* The key of a dated row: its name, then its day ("-" for always). */
static const char *
dated_key(struct est *c, const char *name, const char *from)
{
	return est_mem_printf(c->e->mem, "%s %s", name, from != NULL ? from :
	    "-");
}

/*
 * visit_quotas: [{department, roles, per, households, days, from}]
 */

static int
vq_roles(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char **out, int *n)
{
	yaml_node_item_t *it;
	int i, count, rc;

	*n = 0;
	if (v == NULL)
		return est_at(c, map, "visit quota: missing 'roles'");
	if (v->type != YAML_SEQUENCE_NODE)
		return est_word(c, map, v, "visit quota", "roles", 1, roles,
		    &pm_v_role, &out[(*n)++]);
	if ((rc = est_items(c, v, "roles", &it, &count)) != 0)
		return rc;
	if (count == 0 || count > MAX_ROLES)
		return est_at(c, v, "roles: name one to %d roles", MAX_ROLES);
	for (i = 0; i < count; i++)
		if ((rc = est_word(c, map, est_node(c, it[i]), "visit quota",
		    "roles", 1, roles, &pm_v_role, &out[(*n)++])) != 0)
			return rc;
	return 0;
}

static int
read_vq(struct est *c, const yaml_node_t *list, struct est_seenset *seen)
{
	struct pm_estate_people *p = part(c);
	struct ep_visit_quota *q;
	const char *role[MAX_ROLES], *dept, *per, *days, *from;
	yaml_node_item_t *it;
	yaml_node_t *v[6], *n;
	int i, j, count, nroles, households, rc;

	if (p == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "visit_quotas", &it, &count)) != 0)
		return rc;
	if ((p->vq = room(c, count * MAX_ROLES, sizeof *p->vq)) == NULL)
		return est_nomem();
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if ((rc = est_fields(c, n, "visit quota", vq_keys, v)) != 0 ||
		    (rc = est_text(c, n, v[0], "visit quota", "department", 0,
		    &dept)) != 0 ||
		    (dept != NULL && (rc = est_department_ref(c, v[0],
		    "visit quota", "department", dept)) != 0) ||
		    (rc = vq_roles(c, n, v[1], role, &nroles)) != 0 ||
		    (rc = est_word(c, n, v[2], "visit quota", "per", 1, pers,
		    NULL, &per)) != 0 ||
		    (rc = count_of(c, n, v[3], "visit quota", "households", 0,
		    &households)) != 0 ||
		    (rc = est_word(c, n, v[4], "visit quota", "days", 0, dayses,
		    NULL, &days)) != 0 ||
		    (rc = day_of(c, v[5], &from)) != 0)
			return rc;
		for (j = 0; j < nroles; j++) {
			q = &p->vq[p->nvq];
			q->department = dept != NULL ? dept : "";
			q->role = role[j];
			q->per = per;
			q->households = households;
			q->days = days != NULL ? days : "working";
			q->from = from != NULL ? from : "";
			q->key = est_mem_printf(c->e->mem, "%s %s %s %s",
			    dept != NULL ? dept : "*", role[j], per,
			    from != NULL ? from : "-");
			if (q->key == NULL)
				return est_nomem();
			if ((rc = est_unique(c, seen, n, "visit quota",
			    q->key)) != 0)
				return rc;
			p->nvq++;
		}
	}
	return 0;
}

/*
 * training_quotas: [{department, per_week: "1-2", from}]
 */

static int
per_week(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    int *min, int *max)
{
	const char *s;

	if (v == NULL)
		return est_at(c, map, "training quota: missing 'per_week'");
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, "per_week",
		    N_("a number or a range like 1-2"));
	s = est_sval(v);
	if ((*min = est_small_number(&s)) < 0)
		goto bad;
	*max = *min;
	if (*s == '-') {
		s++;
		if ((*max = est_small_number(&s)) < 0)
			goto bad;
	}
	if (*s != '\0' || *max > MAX_COUNT)
		goto bad;
	if (*max < *min)
		return est_at(c, v, "per_week %s: range runs backwards",
		    est_show(v));
	return 0;
bad:
	return est_at(c, v, "per_week %s: not a number or a range like 1-2",
	    est_show(v));
}

static int
read_tq(struct est *c, const yaml_node_t *list, struct est_seenset *seen)
{
	struct pm_estate_people *p = part(c);
	struct ep_training_quota *q;
	yaml_node_item_t *it;
	yaml_node_t *v[3], *n;
	int i, count, rc;

	if (p == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "training_quotas", &it, &count)) != 0)
		return rc;
	if ((p->tq = room(c, count, sizeof *p->tq)) == NULL)
		return est_nomem();
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		q = &p->tq[p->ntq];
		if ((rc = est_fields(c, n, "training quota", tq_keys, v)) != 0 ||
		    (rc = est_text(c, n, v[0], "training quota", "department",
		    1, &q->department)) != 0 ||
		    (rc = est_department_ref(c, v[0], "training quota",
		    "department", q->department)) != 0 ||
		    (rc = per_week(c, n, v[1], &q->min, &q->max)) != 0 ||
		    (rc = day_of(c, v[2], &q->from)) != 0)
			return rc;
		if ((q->key = dated_key(c, q->department, q->from)) == NULL)
			return est_nomem();
		if ((rc = est_unique(c, seen, n, "training quota", q->key)) != 0)
			return rc;
		if (q->from == NULL)
			q->from = "";
		p->ntq++;
	}
	return 0;
}

/*
 * survey_lines: [{code, name, target}]
 */

static int
read_lines(struct est *c, const yaml_node_t *list, struct est_seenset *seen)
{
	struct pm_estate_people *p = part(c);
	struct ep_line *l;
	yaml_node_item_t *it;
	yaml_node_t *v[3], *n;
	int i, count, rc;

	if (p == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "survey_lines", &it, &count)) != 0)
		return rc;
	if ((p->lines = room(c, count, sizeof *p->lines)) == NULL)
		return est_nomem();
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		l = &p->lines[p->nlines];
		if ((rc = est_fields(c, n, "survey line", line_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "survey line", "code", 1,
		    &l->code)) != 0 ||
		    (rc = est_unique(c, seen, v[0], "survey line",
		    l->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "survey line", "name", 1,
		    &l->name)) != 0 ||
		    (rc = target_of(c, v[2], &l->target)) != 0)
			return rc;
		if (strcmp(l->code, "all") == 0)
			return est_at(c, v[0], "survey line 'all': the name of "
			    "the overall figure, not a line");
		p->nlines++;
	}
	return 0;
}

/*
 * duty_posts: [{code, name, place, min_staff, log_every}]
 */

static int
read_posts(struct est *c, const yaml_node_t *list, struct est_seenset *seen)
{
	struct pm_estate_people *p = part(c);
	struct ep_post *d;
	const char *place;
	yaml_node_item_t *it;
	yaml_node_t *v[5], *n;
	int i, count, rc;

	if (p == NULL)
		return est_nomem();
	if ((rc = est_items(c, list, "duty_posts", &it, &count)) != 0)
		return rc;
	if ((p->posts = room(c, count, sizeof *p->posts)) == NULL)
		return est_nomem();
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		d = &p->posts[p->nposts];
		d->min_staff = 0;
		if ((rc = est_fields(c, n, "duty post", post_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "duty post", "code", 1,
		    &d->code)) != 0 ||
		    (rc = est_unique(c, seen, v[0], "duty post", d->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "duty post", "name", 1,
		    &d->name)) != 0 ||
		    (rc = est_text(c, n, v[2], "duty post", "place", 0,
		    &place)) != 0 ||
		    (place != NULL && (rc = est_unit_ref(c, v[2], "duty post",
		    d->code, place, &d->place)) != 0) ||
		    (v[3] != NULL && (rc = count_of(c, n, v[3], "duty post",
		    "min_staff", 0, &d->min_staff)) != 0) ||
		    (rc = duration_of(c, v[4], "log_every", &d->log_every)) != 0)
			return rc;
		if (place == NULL)
			d->place = NULL;
		p->nposts++;
	}
	return 0;
}

/*
 * gate: {move_notice: 24h}
 */

static int
read_gate(struct est *c, const yaml_node_t *n)
{
	struct pm_estate_people *p = part(c);
	yaml_node_t *v[1];
	int64_t secs;
	int rc;

	if (p == NULL)
		return est_nomem();
	if (n == NULL)
		return 0;
	if ((rc = est_fields(c, n, "gate", gate_keys, v)) != 0 ||
	    (rc = duration_of(c, v[0], "move_notice", &secs)) != 0)
		return rc;
	if (v[0] != NULL && (p->move_notice = est_mem_printf(c->e->mem,
	    "%lld", (long long)secs)) == NULL)
		return est_nomem();
	return 0;
}

/* Each section with a set of its keys, released whatever happens. */
static int
with_seen(struct est *c, const yaml_node_t *n,
    int (*fn)(struct est *, const yaml_node_t *, struct est_seenset *))
{
	struct est_seenset seen;
	int rc;

	memset(&seen, 0, sizeof seen);
	if (part(c) == NULL)
		return est_nomem();
	rc = fn(c, n, &seen);
	est_seen_release(&seen);
	return rc;
}

static int read_visit_quotas(struct est *c, const yaml_node_t *n)
{ return with_seen(c, n, read_vq); }
static int read_training_quotas(struct est *c, const yaml_node_t *n)
{ return with_seen(c, n, read_tq); }
static int read_survey_lines(struct est *c, const yaml_node_t *n)
{ return with_seen(c, n, read_lines); }
static int read_duty_posts(struct est *c, const yaml_node_t *n)
{ return with_seen(c, n, read_posts); }

/*
 * The tables.  A section the file does not have holds no records.
 */

static int
n_vq(const struct pm_estate *e)
{
	return e->people != NULL ? e->people->nvq : 0;
}

static void
row_vq(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ep_visit_quota *q = &e->people->vq[i];

	r->key = q->key;
	r->v[0] = est_v_text(q->department);
	r->v[1] = est_v_text(q->role);
	r->v[2] = est_v_text(q->per);
	r->v[3] = est_v_int(q->households);
	r->v[4] = est_v_text(q->days);
	r->v[5] = est_v_text(q->from);
}

static const struct est_table t_visit_quotas = {
	.kind = "visit quotas",
	.count = n_vq,
	.row = row_vq,
	.name = "visit_quotas",
	.select = "SELECT key, department, role, per, households, days,"
	    " from_day FROM visit_quotas ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO visit_quotas(key, department, role, per,"
	    " households, days, from_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	.update = "UPDATE visit_quotas SET department = ?2, role = ?3,"
	    " per = ?4, households = ?5, days = ?6, from_day = ?7"
	    " WHERE key = ?1",
	.retire = "DELETE FROM visit_quotas WHERE key = ?1",
	.ncols = 6,
	.col = { { "department", EST_COL_TEXT, NULL },
	    { "role", EST_COL_TEXT, NULL }, { "per", EST_COL_TEXT, NULL },
	    { "households", EST_COL_INT, NULL }, { "days", EST_COL_TEXT, NULL },
	    { "from", EST_COL_TEXT, NULL } }
};

static int
n_tq(const struct pm_estate *e)
{
	return e->people != NULL ? e->people->ntq : 0;
}

static void
row_tq(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ep_training_quota *q = &e->people->tq[i];

	r->key = q->key;
	r->v[0] = est_v_text(q->department);
	r->v[1] = est_v_int(q->min);
	r->v[2] = est_v_int(q->max);
	r->v[3] = est_v_text(q->from);
}

static const struct est_table t_training_quotas = {
	.kind = "training quotas",
	.count = n_tq,
	.row = row_tq,
	.name = "training_quotas",
	.select = "SELECT key, department, min_sessions, max_sessions,"
	    " from_day FROM training_quotas ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO training_quotas(key, department, min_sessions,"
	    " max_sessions, from_day) VALUES (?1, ?2, ?3, ?4, ?5)",
	.update = "UPDATE training_quotas SET department = ?2,"
	    " min_sessions = ?3, max_sessions = ?4, from_day = ?5"
	    " WHERE key = ?1",
	.retire = "DELETE FROM training_quotas WHERE key = ?1",
	.ncols = 4,
	.col = { { "department", EST_COL_TEXT, NULL },
	    { "min", EST_COL_INT, NULL }, { "max", EST_COL_INT, NULL },
	    { "from", EST_COL_TEXT, NULL } }
};

static int
n_lines(const struct pm_estate *e)
{
	return e->people != NULL ? e->people->nlines : 0;
}

static void
row_line(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ep_line *l = &e->people->lines[i];

	r->key = l->code;
	r->v[0] = est_v_text(l->name);
	r->v[1] = l->target >= 0 ? est_v_int(l->target) : est_v_text(NULL);
	r->v[2] = est_v_int(i + 1);
}

static const struct est_table t_survey_lines = {
	.kind = "survey lines",
	.count = n_lines,
	.row = row_line,
	.name = "survey_lines",
	.select = "SELECT code, name, target, position, retired"
	    " FROM survey_lines ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO survey_lines(code, name, target, position)"
	    " VALUES (?1, ?2, ?3, ?4)",
	.update = "UPDATE survey_lines SET name = ?2, target = ?3,"
	    " position = ?4, retired = 0 WHERE code = ?1",
	.retire = "UPDATE survey_lines SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 3,
	.col = { { "name", EST_COL_TEXT, NULL },
	    { "target", EST_COL_INT, NULL }, { "position", EST_COL_INT, NULL } }
};

static int
n_posts(const struct pm_estate *e)
{
	return e->people != NULL ? e->people->nposts : 0;
}

static void
row_post(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct ep_post *d = &e->people->posts[i];

	r->key = d->code;
	r->v[0] = est_v_text(d->name);
	r->v[1] = est_v_text(d->place);
	r->v[2] = est_v_int(d->min_staff);
	r->v[3] = est_v_int(d->log_every);
}

static const struct est_table t_duty_posts = {
	.kind = "duty posts",
	.count = n_posts,
	.row = row_post,
	.name = "duty_posts",
	.select = "SELECT code, name, place, min_staff, log_every, retired"
	    " FROM duty_posts ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO duty_posts(code, name, place, min_staff,"
	    " log_every) VALUES (?1, ?2, ?3, ?4, ?5)",
	.update = "UPDATE duty_posts SET name = ?2, place = ?3,"
	    " min_staff = ?4, log_every = ?5, retired = 0 WHERE code = ?1",
	.retire = "UPDATE duty_posts SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 4,
	.col = { { "name", EST_COL_TEXT, NULL }, { "place", EST_COL_TEXT, NULL },
	    { "min_staff", EST_COL_INT, NULL },
	    { "log_every", EST_COL_INT, NULL } }
};

static int
n_gate(const struct pm_estate *e)
{
	return e->people != NULL && e->people->move_notice != NULL;
}

static void
row_gate(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = "gate_move_notice";
	r->v[0] = est_v_text(e->people->move_notice);
}

static const struct est_table t_gate = {
	.kind = "gate settings",
	.count = n_gate,
	.row = row_gate,
	.name = "meta",
	.select = "SELECT key, value FROM meta WHERE key = 'gate_move_notice'"
	    " ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO meta(key, value) VALUES (?1, ?2)",
	.update = "UPDATE meta SET value = ?2 WHERE key = ?1",
	.retire = "DELETE FROM meta WHERE key = ?1",
	.ncols = 1,
	.col = { { "value", EST_COL_TEXT, NULL } }
};

static const struct est_table *const vq_tables[] = { &t_visit_quotas, NULL };
static const struct est_table *const tq_tables[] = { &t_training_quotas,
	NULL };
static const struct est_table *const line_tables[] = { &t_survey_lines,
	NULL };
static const struct est_table *const post_tables[] = { &t_duty_posts, NULL };
static const struct est_table *const gate_tables[] = { &t_gate, NULL };

const struct est_section est_visit_quotas = { "visit_quotas",
	read_visit_quotas, NULL, vq_tables };
const struct est_section est_training_quotas = { "training_quotas",
	read_training_quotas, NULL, tq_tables };
const struct est_section est_survey_lines = { "survey_lines",
	read_survey_lines, NULL, line_tables };
const struct est_section est_duty_posts = { "duty_posts", read_duty_posts,
	NULL, post_tables };
const struct est_section est_gate = { "gate", read_gate, NULL, gate_tables };
