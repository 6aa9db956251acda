/*
 * estate_apply.c - make the database say what the estate file says.
 *
 * Every kind of record goes through one engine, described by a table of
 * its columns and statements.  The file's records and the table's rows
 * are both sorted by key and walked side by side, like a merge: a key
 * only in the file is added, a key in both is compared column by column
 * and updated if anything differs, a key only in the table is retired.
 * One SELECT per table (instead of one per record) keeps 10,000 units
 * well under a second; the statements come from the db's cache.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "db.h"
#include "err.h"
#include "estate.h"
#include "money.h"

#define MAX_COLS 7

enum coltype {
	COL_TEXT,
	COL_INT,
	COL_AREA	/* hundredths of a m², shown as "89.50" */
};

struct column {
	const char *name;
	enum coltype type;
	const char *dflt;	/* for a kept value on a new row */
};

/*
 * One table.  'select' returns the key, the columns in order and (if
 * 'retire_flag') retired; 'put' takes ?1 the key and ?2... the columns
 * and inserts, or updates and un-retires; 'retire' takes ?1 the key and
 * sets retired = 1, or deletes where the table has no retired column.
 */
struct table {
	const char *name;
	const char *select;
	const char *put;
	const char *retire;
	int retire_flag;
	int ncols;
	struct column col[MAX_COLS];
	int split;		/* column whose "public" picks count 1, or -1 */
};

static const struct table t_departments = {
	"departments",
	"SELECT code, name, retired FROM departments",
	"INSERT INTO departments(code, name) VALUES (?1, ?2)"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, retired = 0",
	"UPDATE departments SET retired = 1 WHERE code = ?1",
	1, 1, { { "name", COL_TEXT, NULL } }, -1
};

static const struct table t_staff = {
	"staff",
	"SELECT login, name, department, role, phone, retired FROM staff",
	"INSERT INTO staff(login, name, department, role, phone)"
	" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(login) DO UPDATE SET"
	" name = excluded.name, department = excluded.department,"
	" role = excluded.role, phone = excluded.phone, retired = 0",
	"UPDATE staff SET retired = 1 WHERE login = ?1",
	1, 4, { { "name", COL_TEXT, NULL }, { "department", COL_TEXT, NULL },
	    { "role", COL_TEXT, NULL }, { "phone", COL_TEXT, NULL } }, -1
};

static const struct table t_buildings = {
	"buildings",
	"SELECT code, name, retired FROM buildings",
	"INSERT INTO buildings(code, name) VALUES (?1, ?2)"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name, retired = 0",
	"UPDATE buildings SET retired = 1 WHERE code = ?1",
	1, 1, { { "name", COL_TEXT, NULL } }, -1
};

/* Occupancy and owners belong to pm-unit import: never named here. */
static const struct table t_units = {
	"units",
	"SELECT code, kind, building, entrance, floor, name, area, condition,"
	" retired FROM units",
	"INSERT INTO units(code, kind, building, entrance, floor, name, area,"
	" condition) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT(code) DO UPDATE SET kind = excluded.kind,"
	" building = excluded.building, entrance = excluded.entrance,"
	" floor = excluded.floor, name = excluded.name, area = excluded.area,"
	" condition = excluded.condition, retired = 0",
	"UPDATE units SET retired = 1 WHERE code = ?1",
	1, 7, { { "kind", COL_TEXT, NULL }, { "building", COL_TEXT, NULL },
	    { "entrance", COL_INT, NULL }, { "floor", COL_INT, NULL },
	    { "name", COL_TEXT, NULL }, { "area", COL_AREA, NULL },
	    { "condition", COL_TEXT, "good" } }, 0
};

static const struct table t_categories = {
	"categories",
	"SELECT code, name, kind, urgent, emergency, department, retired"
	" FROM categories",
	"INSERT INTO categories(code, name, kind, urgent, emergency,"
	" department) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	" ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
	" kind = excluded.kind, urgent = excluded.urgent,"
	" emergency = excluded.emergency, department = excluded.department,"
	" retired = 0",
	"UPDATE categories SET retired = 1 WHERE code = ?1",
	1, 5, { { "name", COL_TEXT, NULL }, { "kind", COL_TEXT, NULL },
	    { "urgent", COL_INT, NULL }, { "emergency", COL_INT, NULL },
	    { "department", COL_TEXT, NULL } }, -1
};

static const struct table t_sla = {
	"sla",
	"SELECT name, seconds, clock FROM sla",
	"INSERT INTO sla(name, seconds, clock) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(name) DO UPDATE SET seconds = excluded.seconds,"
	" clock = excluded.clock",
	"DELETE FROM sla WHERE name = ?1",
	0, 2, { { "seconds", COL_INT, NULL }, { "clock", COL_TEXT, NULL } }, -1
};

static const struct table t_kpi = {
	"kpi_targets",
	"SELECT kpi, target FROM kpi_targets",
	"INSERT INTO kpi_targets(kpi, target) VALUES (?1, ?2)"
	" ON CONFLICT(kpi) DO UPDATE SET target = excluded.target",
	"DELETE FROM kpi_targets WHERE kpi = ?1",
	0, 1, { { "target", COL_INT, NULL } }, -1
};

static const struct table t_days = {
	"calendar_days",
	"SELECT date, working, name FROM calendar_days",
	"INSERT INTO calendar_days(date, working, name) VALUES (?1, ?2, ?3)"
	" ON CONFLICT(date) DO UPDATE SET working = excluded.working,"
	" name = excluded.name",
	"DELETE FROM calendar_days WHERE date = ?1",
	0, 2, { { "working", COL_INT, NULL }, { "name", COL_TEXT, NULL } }, -1
};

/* Only the estate's own keys: other modules keep theirs in meta too. */
static const struct table t_settings = {
	"meta",
	"SELECT key, value FROM meta WHERE key IN ('estate_name', 'timezone',"
	" 'working_hours', 'calendar_file')",
	"INSERT INTO meta(key, value) VALUES (?1, ?2)"
	" ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	"DELETE FROM meta WHERE key = ?1",
	0, 1, { { "value", COL_TEXT, NULL } }, -1
};

enum valkind {
	VAL_NULL,
	VAL_INT,
	VAL_TEXT,
	VAL_KEEP	/* not stated in the file: keep what the table has */
};

struct val {
	enum valkind kind;
	int64_t i;
	const char *s;
};

/* A record from the file. */
struct frow {
	const char *key;
	struct val v[MAX_COLS];
};

/* A row from the table, copied out before anything is written. */
struct drow {
	char *key;
	sqlite3_value *v[MAX_COLS];
	int retired;
};

struct counts {
	int added, changed, retired;
};

static int
nomem(void)
{
	return pm_err(PM_EX_SOFTWARE, "out of memory");
}

static struct val
text(const char *s)
{
	struct val v = { s == NULL ? VAL_NULL : VAL_TEXT, 0, s };

	return v;
}

static struct val
integer(int64_t i)
{
	struct val v = { VAL_INT, i, NULL };

	return v;
}

/* An integer that 0 means "not known" for: NULL in the table. */
static struct val
known(int i)
{
	return i == 0 ? text(NULL) : integer(i);
}

static int
frow_cmp(const void *a, const void *b)
{
	return strcmp(((const struct frow *)a)->key,
	    ((const struct frow *)b)->key);
}

static int
drow_cmp(const void *a, const void *b)
{
	return strcmp(((const struct drow *)a)->key,
	    ((const struct drow *)b)->key);
}

static void
drows_free(const struct table *t, struct drow *d, int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		free(d[i].key);
		for (j = 0; j < t->ncols; j++)
			sqlite3_value_free(d[i].v[j]);
	}
	free(d);
}

/* Copy the whole table out, sorted by key as the file's records are. */
static int
drows_load(struct pm_db *db, const struct table *t, struct drow **out,
    int *nout)
{
	struct drow *d = NULL, *nd;
	sqlite3_stmt *st;
	int n = 0, cap = 0, j, rc;

	*out = NULL;
	*nout = 0;
	if ((st = pm_db_stmt(db, t->select)) == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((nd = realloc(d, (size_t)cap * sizeof *d)) == NULL)
				goto oom;
			d = nd;
		}
		memset(&d[n], 0, sizeof d[n]);
		n++;
		if ((d[n - 1].key = strdup(pm_col_text(st, 0))) == NULL)
			goto oom;
		for (j = 0; j < t->ncols; j++)
			if ((d[n - 1].v[j] = sqlite3_value_dup(
			    sqlite3_column_value(st, j + 1))) == NULL)
				goto oom;
		if (t->retire_flag)
			d[n - 1].retired = sqlite3_column_int(st, t->ncols + 1);
	}
	if (rc != SQLITE_DONE) {
		rc = pm_db_error(db, "read estate");
		sqlite3_reset(st);
		drows_free(t, d, n);
		return rc;
	}
	sqlite3_reset(st);
	if (n > 1)
		qsort(d, (size_t)n, sizeof *d, drow_cmp);
	*out = d;
	*nout = n;
	return 0;
oom:
	sqlite3_reset(st);
	drows_free(t, d, n);
	return nomem();
}

static int
same(const struct val *v, sqlite3_value *dv)
{
	switch (v->kind) {
	case VAL_KEEP:
		return 1;
	case VAL_NULL:
		return sqlite3_value_type(dv) == SQLITE_NULL;
	case VAL_INT:
		return sqlite3_value_type(dv) == SQLITE_INTEGER &&
		    sqlite3_value_int64(dv) == v->i;
	default:
		return sqlite3_value_type(dv) == SQLITE_TEXT &&
		    strcmp((const char *)sqlite3_value_text(dv), v->s) == 0;
	}
}

/* Append a value for the audit trail: 'text', 12, 89.50 or NULL. */
static void
show_int(sqlite3_str *s, enum coltype type, int64_t i)
{
	char buf[PM_MONEY_LEN];

	if (type == COL_AREA)
		sqlite3_str_appendall(s, pm_hundredths_fmt(i, buf));
	else
		sqlite3_str_appendf(s, "%lld", (long long)i);
}

static void
show_val(sqlite3_str *s, enum coltype type, const struct val *v)
{
	if (v->kind == VAL_INT)
		show_int(s, type, v->i);
	else
		sqlite3_str_appendf(s, "%Q", v->s);
}

static void
show_dval(sqlite3_str *s, enum coltype type, sqlite3_value *v)
{
	if (sqlite3_value_type(v) == SQLITE_INTEGER)
		show_int(s, type, sqlite3_value_int64(v));
	else
		sqlite3_str_appendf(s, "%Q", (const char *)sqlite3_value_text(v));
}

/* Write the audit row and free its text. */
static int
audit(struct pm_db *db, const struct table *t, const char *key,
    sqlite3_str *s)
{
	char *summary = sqlite3_str_finish(s);
	int rc;

	if (summary == NULL)
		return nomem();
	rc = pm_audit(db, t->name, key, "%s", summary);
	sqlite3_free(summary);
	return rc;
}

/* Insert or update row 'f'; a kept value comes from 'd' or the default. */
static int
put(struct pm_db *db, const struct table *t, const struct frow *f,
    const struct drow *d)
{
	sqlite3_stmt *st;
	int j;

	if ((st = pm_db_stmt(db, t->put)) == NULL)
		return pm_err_code();
	sqlite3_bind_text(st, 1, f->key, -1, SQLITE_STATIC);
	for (j = 0; j < t->ncols; j++) {
		const struct val *v = &f->v[j];

		if (v->kind == VAL_INT)
			sqlite3_bind_int64(st, j + 2, v->i);
		else if (v->kind == VAL_TEXT)
			sqlite3_bind_text(st, j + 2, v->s, -1, SQLITE_STATIC);
		else if (v->kind == VAL_KEEP && d != NULL)
			sqlite3_bind_value(st, j + 2, d->v[j]);
		else if (v->kind == VAL_KEEP)
			sqlite3_bind_text(st, j + 2, t->col[j].dflt, -1,
			    SQLITE_STATIC);
		else
			sqlite3_bind_null(st, j + 2);
	}
	return pm_db_step_done(db, st, "apply estate");
}

static int
add(struct pm_db *db, const struct table *t, const struct frow *f)
{
	sqlite3_str *s;
	int j, rc, n = 0;

	if ((rc = put(db, t, f, NULL)) != 0)
		return rc;
	s = sqlite3_str_new(db->h);
	sqlite3_str_appendall(s, "added:");
	for (j = 0; j < t->ncols; j++) {
		struct val v = f->v[j];

		if (v.kind == VAL_KEEP)
			v = text(t->col[j].dflt);
		if (v.kind == VAL_NULL)
			continue;
		sqlite3_str_appendf(s, "%s %s ", n++ ? "," : "",
		    t->col[j].name);
		show_val(s, t->col[j].type, &v);
	}
	return audit(db, t, f->key, s);
}

/* Update 'd' to 'f' if they differ; *changed says whether it did. */
static int
change(struct pm_db *db, const struct table *t, const struct frow *f,
    const struct drow *d, int *changed)
{
	sqlite3_str *s;
	int j, rc, n = 0;

	*changed = d->retired;
	for (j = 0; j < t->ncols && !*changed; j++)
		*changed = !same(&f->v[j], d->v[j]);
	if (!*changed)
		return 0;
	if ((rc = put(db, t, f, d)) != 0)
		return rc;
	s = sqlite3_str_new(db->h);
	sqlite3_str_appendall(s, "changed:");
	if (d->retired) {
		sqlite3_str_appendall(s, " restored");
		n++;
	}
	for (j = 0; j < t->ncols; j++) {
		if (same(&f->v[j], d->v[j]))
			continue;
		sqlite3_str_appendf(s, "%s %s ", n++ ? "," : "",
		    t->col[j].name);
		show_dval(s, t->col[j].type, d->v[j]);
		sqlite3_str_appendall(s, " -> ");
		show_val(s, t->col[j].type, &f->v[j]);
	}
	return audit(db, t, f->key, s);
}

static int
retire(struct pm_db *db, const struct table *t, const struct drow *d)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = pm_db_stmt(db, t->retire)) == NULL)
		return pm_err_code();
	sqlite3_bind_text(st, 1, d->key, -1, SQLITE_STATIC);
	if ((rc = pm_db_step_done(db, st, "apply estate")) != 0)
		return rc;
	return pm_audit(db, t->name, d->key, "%s",
	    t->retire_flag ? "retired" : "removed");
}

/* Which count a row goes to: units and public areas share a table. */
static int
bucket_f(const struct table *t, const struct frow *f)
{
	return t->split >= 0 && f->v[t->split].kind == VAL_TEXT &&
	    strcmp(f->v[t->split].s, "public") == 0;
}

static int
bucket_d(const struct table *t, const struct drow *d)
{
	const unsigned char *s;

	if (t->split < 0)
		return 0;
	s = sqlite3_value_text(d->v[t->split]);
	return s != NULL && strcmp((const char *)s, "public") == 0;
}

/*
 * The merge: 'rows' (sorted here) against the table.  Counts go to
 * cnt[0], or cnt[1] for public areas.
 */
static int
sync_table(struct pm_db *db, const struct table *t, struct frow *rows,
    int n, struct counts *cnt)
{
	struct drow *d;
	int i = 0, j = 0, nd, cmp, changed, rc;

	if (n > 1)
		qsort(rows, (size_t)n, sizeof *rows, frow_cmp);
	if ((rc = drows_load(db, t, &d, &nd)) != 0)
		return rc;
	while (rc == 0 && (i < n || j < nd)) {
		cmp = i == n ? 1 : j == nd ? -1 : strcmp(rows[i].key, d[j].key);
		if (cmp < 0) {
			if ((rc = add(db, t, &rows[i])) == 0)
				cnt[bucket_f(t, &rows[i])].added++;
			i++;
		} else if (cmp > 0) {
			if (!d[j].retired && (rc = retire(db, t, &d[j])) == 0)
				cnt[bucket_d(t, &d[j])].retired++;
			j++;
		} else {
			if ((rc = change(db, t, &rows[i], &d[j], &changed)) ==
			    0 && changed)
				cnt[bucket_f(t, &rows[i])].changed++;
			i++;
			j++;
		}
	}
	drows_free(t, d, nd);
	return rc;
}

static int
unit_rows(const struct pm_estate *e, struct frow *r)
{
	const struct pm_estate_unit *u;
	int i, n = e->nunits + e->npublic_areas;

	for (i = 0; i < n; i++) {
		u = i < e->nunits ? &e->units[i] :
		    &e->public_areas[i - e->nunits];
		r[i].key = u->code;
		r[i].v[0] = text(u->building ? "unit" : "public");
		r[i].v[1] = text(u->building);
		r[i].v[2] = known(u->entrance);
		r[i].v[3] = known(u->floor);
		r[i].v[4] = text(u->name);
		r[i].v[5] = integer(u->area);
		r[i].v[6] = text(u->condition);
		if (u->condition == NULL)
			r[i].v[6].kind = VAL_KEEP;
	}
	return n;
}

/*
 * The file's records for table 'k' (an index into the tables applied
 * in order) into r, which has room for them all; returns how many.
 */
static int
rows_for(const struct pm_estate *e, int k, struct frow *r)
{
	int i, n = 0;

	switch (k) {
	case 0:
		for (; n < e->ndepartments; n++) {
			r[n].key = e->departments[n].code;
			r[n].v[0] = text(e->departments[n].name);
		}
		break;
	case 1:
		for (; n < e->nstaff; n++) {
			r[n].key = e->staff[n].login;
			r[n].v[0] = text(e->staff[n].name);
			r[n].v[1] = text(e->staff[n].department);
			r[n].v[2] = text(e->staff[n].role);
			r[n].v[3] = text(e->staff[n].phone);
		}
		break;
	case 2:
		for (; n < e->nbuildings; n++) {
			r[n].key = e->buildings[n].code;
			r[n].v[0] = text(e->buildings[n].name);
		}
		break;
	case 3:
		n = unit_rows(e, r);
		break;
	case 4:
		for (; n < e->ncategories; n++) {
			r[n].key = e->categories[n].code;
			r[n].v[0] = text(e->categories[n].name);
			r[n].v[1] = text(e->categories[n].kind);
			r[n].v[2] = integer(e->categories[n].urgent);
			r[n].v[3] = integer(e->categories[n].emergency);
			r[n].v[4] = text(e->categories[n].department);
		}
		break;
	case 5:
		for (; n < PM_ESTATE_NSLA; n++) {
			r[n].key = e->sla[n].name;
			r[n].v[0] = integer(e->sla[n].seconds);
			r[n].v[1] = text(e->sla[n].clock);
		}
		break;
	case 6:
		for (i = 0; i < PM_ESTATE_NKPI; i++) {
			if (e->kpi[i].target < 0)
				continue;
			r[n].key = e->kpi[i].kpi;
			r[n++].v[0] = integer(e->kpi[i].target);
		}
		break;
	case 7:
		for (; n < e->ndays; n++) {
			r[n].key = e->days[n].date;
			r[n].v[0] = integer(e->days[n].working);
			r[n].v[1] = text(e->days[n].name);
		}
		break;
	default:
		r[n].key = "estate_name";
		r[n++].v[0] = text(e->name);
		r[n].key = "timezone";
		r[n++].v[0] = text(e->timezone);
		r[n].key = "working_hours";
		r[n++].v[0] = text(e->working_hours);
		if (e->calendar != NULL) {
			r[n].key = "calendar_file";
			r[n++].v[0] = text(e->calendar);
		}
		break;
	}
	return n;
}

/* The tables in the order they are applied (references first). */
static const struct table *const tables[] = { &t_departments, &t_staff,
	&t_buildings, &t_units, &t_categories, &t_sla, &t_kpi, &t_days,
	&t_settings };
#define NTABLES ((int)(sizeof tables / sizeof tables[0]))

/* What report() calls each count, in pm-estate(5)'s order. */
static const char *const kinds[] = { "departments", "staff", "buildings",
	"units", "public areas", "categories", "sla", "kpi targets",
	"calendar days", "settings" };

int
pm_estate_apply(struct pm_db *db, const struct pm_estate *e,
    void (*report)(const char *, int, int, int, void *), void *arg)
{
	struct counts cnt[NTABLES + 1];
	struct frow *rows;
	size_t max;
	int k, n, rc = 0;

	if (!e->calendar_read)
		return pm_err(PM_EX_SOFTWARE, "estate '%s': loaded without "
		    "its calendar, cannot apply", e->file);
	/* Room for the largest kind; the sum of them all is enough. */
	max = (size_t)e->nunits + (size_t)e->npublic_areas + (size_t)e->ndays +
	    (size_t)e->ndepartments + (size_t)e->nstaff +
	    (size_t)e->nbuildings + (size_t)e->ncategories + PM_ESTATE_NSLA +
	    PM_ESTATE_NKPI + 4;
	if ((rows = calloc(max, sizeof *rows)) == NULL)
		return nomem();
	memset(cnt, 0, sizeof cnt);
	/*
	 * The units table (k 3) also counts public areas, in cnt[4], so
	 * the tables after it count one place further on.
	 */
	for (k = 0; k < NTABLES && rc == 0; k++) {
		n = rows_for(e, k, rows);
		rc = sync_table(db, tables[k], rows, n, &cnt[k < 4 ? k : k + 1]);
		memset(rows, 0, (size_t)n * sizeof *rows);
	}
	free(rows);
	if (rc != 0)
		return rc;
	/* The cached calendar, if any, is the old one now. */
	if (db->cal != NULL) {
		pm_calendar_release(db->cal);
		free(db->cal);
		db->cal = NULL;
	}
	if (report != NULL)
		for (k = 0; k <= NTABLES; k++)
			report(kinds[k], cnt[k].added, cnt[k].changed,
			    cnt[k].retired, arg);
	return 0;
}
