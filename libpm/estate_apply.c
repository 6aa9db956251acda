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
 *
 * The table is streamed, in key order, never loaded: only the rows that
 * must be written are kept, and written once the SELECT is done, so an
 * apply that changes little takes about the same memory at any size.
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
#include "estate_priv.h"
#include "money.h"
#include "text.h"





/* The key of record 'rec' of the file (row_at()'s 'i'), for sorting. */
struct fkey {
	const char *key;
	size_t len;
	int rec;
};

/*
 * A row of the table that differs from its record, copied out of the
 * SELECT because it is written only once the SELECT is done.
 */
struct drow {
	sqlite3_value *v[EST_MAX_COLS];
	int retired;
};

/*
 * One write the merge decided on.  The writes wait until the SELECT has
 * been read to its end and reset: a table is not changed under an open
 * cursor on it, and memory grows with the changes, not with the table.
 */
enum opkind {
	OP_ADD,
	OP_CHANGE,
	OP_RETIRE
};

struct op {
	enum opkind kind;
	int bucket;		/* which count, as bucket_f() or bucket_d() */
	int rec;		/* added or changed: the file's record */
	struct drow *d;		/* changed: the row as the table had it */
	char *key;		/* retired: the row's key */
};

struct plan {
	struct op *op;
	int n, cap;
};

struct counts {
	int added, changed, retired;
};

/* What one apply carries through its tables. */
struct run {
	struct pm_db *db;
	const struct pm_estate *e;
	const struct pm_estate_report *report;	/* may be NULL */
};

static int
nomem(void)
{
	return pm_err(PM_EX_SOFTWARE, "out of memory");
}


/*
 * Keys in the order of SQLite's BINARY collation, which the SELECTs
 * name in their ORDER BY (the tables are stored in that order, so it
 * costs no sort): the bytes compared as unsigned, and a key that is a
 * prefix of another first.  Both sides of the merge go through this one
 * function, so they cannot disagree on the order.
 */
static int
keycmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c;

	if ((c = memcmp(a, b, alen < blen ? alen : blen)) != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int
fkey_cmp(const void *a, const void *b)
{
	const struct fkey *fa = a, *fb = b;

	return keycmp(fa->key, fa->len, fb->key, fb->len);
}

static void
plan_free(const struct est_table *t, struct plan *p)
{
	int i, j;

	for (i = 0; i < p->n; i++) {
		if (p->op[i].d != NULL)
			for (j = 0; j < t->ncols; j++)
				sqlite3_value_free(p->op[i].d->v[j]);
		free(p->op[i].d);
		free(p->op[i].key);
	}
	free(p->op);
	memset(p, 0, sizeof *p);
}

/* A new, empty op at the end of the plan, or NULL out of memory. */
static struct op *
plan_push(struct plan *p, enum opkind kind, int bucket)
{
	struct op *np;
	int cap;

	if (p->n == p->cap) {
		cap = p->cap ? 2 * p->cap : 64;
		if ((np = realloc(p->op, (size_t)cap * sizeof *np)) == NULL)
			return NULL;
		p->op = np;
		p->cap = cap;
	}
	np = &p->op[p->n++];
	memset(np, 0, sizeof *np);
	np->kind = kind;
	np->bucket = bucket;
	return np;
}

/* Whether the file's value 'v' is what column 'i' of 'st' holds. */
static int
same_col(const struct est_val *v, sqlite3_stmt *st, int i)
{
	switch (v->kind) {
	case EST_VAL_KEEP:
		return 1;
	case EST_VAL_NULL:
		return sqlite3_column_type(st, i) == SQLITE_NULL;
	case EST_VAL_INT:
		return sqlite3_column_type(st, i) == SQLITE_INTEGER &&
		    sqlite3_column_int64(st, i) == v->i;
	default:
		return sqlite3_column_type(st, i) == SQLITE_TEXT &&
		    strcmp(pm_col_text(st, i), v->s) == 0;
	}
}

/* As same_col(), for a value copied out of the SELECT. */
static int
same(const struct est_val *v, sqlite3_value *dv)
{
	switch (v->kind) {
	case EST_VAL_KEEP:
		return 1;
	case EST_VAL_NULL:
		return sqlite3_value_type(dv) == SQLITE_NULL;
	case EST_VAL_INT:
		return sqlite3_value_type(dv) == SQLITE_INTEGER &&
		    sqlite3_value_int64(dv) == v->i;
	default:
		return sqlite3_value_type(dv) == SQLITE_TEXT &&
		    strcmp((const char *)sqlite3_value_text(dv), v->s) == 0;
	}
}

/* Append a value for the audit trail: 'text', 12, 89.50 or NULL. */
static void
show_int(sqlite3_str *s, enum est_coltype type, int64_t i)
{
	char buf[PM_MONEY_LEN];

	if (type == EST_COL_HUNDREDTHS)
		sqlite3_str_appendall(s, pm_hundredths_fmt(i, buf));
	else
		sqlite3_str_appendf(s, "%lld", (long long)i);
}

static void
show_val(sqlite3_str *s, enum est_coltype type, const struct est_val *v)
{
	if (v->kind == EST_VAL_INT)
		show_int(s, type, v->i);
	else
		sqlite3_str_appendf(s, "%Q", v->s);
}

static void
show_dval(sqlite3_str *s, enum est_coltype type, sqlite3_value *v)
{
	if (sqlite3_value_type(v) == SQLITE_INTEGER)
		show_int(s, type, sqlite3_value_int64(v));
	else
		sqlite3_str_appendf(s, "%Q", (const char *)sqlite3_value_text(v));
}

/*
 * Write the audit row of a record added or changed, "added: BODY" or
 * "changed: BODY" (BODY the text of 's', which this frees), and tell the
 * caller's row report, with the same BODY.
 */
static int
audit(const struct run *r, const struct est_table *t, const char *what,
    const char *action, const char *key, sqlite3_str *s)
{
	int err = sqlite3_str_errcode(s), rc;
	/* An empty text (a KPI added with no target) finishes as NULL. */
	char *body = sqlite3_str_finish(s);

	if (err != SQLITE_OK)
		return nomem();
	rc = pm_audit(r->db, t->name, key, "%s: %s",
	    strcmp(action, "add") == 0 ? "added" : "changed",
	    body != NULL ? body : "");
	if (rc == 0 && r->report != NULL && r->report->row != NULL)
		r->report->row(what, action, key, body != NULL ? body : "",
		    r->report->arg);
	sqlite3_free(body);
	return rc;
}

/*
 * Insert row 'f' (d NULL) or update the row 'd' to it; a kept value comes
 * from 'd' or the default.
 */
static int
put(struct pm_db *db, const struct est_table *t, const struct est_row *f,
    const struct drow *d)
{
	sqlite3_stmt *st;
	int j;

	if ((st = pm_db_stmt(db, d == NULL ? t->insert : t->update)) == NULL)
		return pm_err_code();
	sqlite3_bind_text(st, 1, f->key, -1, SQLITE_STATIC);
	for (j = 0; j < t->ncols; j++) {
		const struct est_val *v = &f->v[j];

		if (v->kind == EST_VAL_INT)
			sqlite3_bind_int64(st, j + 2, v->i);
		else if (v->kind == EST_VAL_TEXT)
			sqlite3_bind_text(st, j + 2, v->s, -1, SQLITE_STATIC);
		else if (v->kind == EST_VAL_KEEP && d != NULL)
			sqlite3_bind_value(st, j + 2, d->v[j]);
		else if (v->kind == EST_VAL_KEEP)
			sqlite3_bind_text(st, j + 2, t->col[j].dflt, -1,
			    SQLITE_STATIC);
		else
			sqlite3_bind_null(st, j + 2);
	}
	return pm_db_step_done(db, st, "apply estate");
}

/*
 * Why the insert of unit code 'key' failed, when the reason is a code
 * that differs only in case, which the units table's case-blind index
 * refuses: the estate file was checked for such codes, so the other is
 * in the database (perhaps retired, which still holds the code).  Only
 * a failure pays for this lookup, which reads the whole table.
 */
static int
same_code(struct pm_db *db, const struct pm_estate *e, const char *key,
    int rc)
{
	sqlite3_stmt *st;
	int src;

	if ((st = pm_db_stmt(db, "SELECT code FROM units"
	    " WHERE lower(code) = lower(?1) AND code <> ?1")) == NULL)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((src = sqlite3_step(st)) == SQLITE_ROW)
		rc = pm_err(PM_EX_CONFIG, "%s: code %s: the database already "
		    "has %s, which differs only in case (codes are the same in "
		    "any case: write it as the database has it)", e->file,
		    pm_q(key), pm_q(pm_col_text(st, 0)));
	sqlite3_reset(st);
	return rc;
}

/* Add record 'f', a new row of kind 'what'. */
static int
add(const struct run *r, const struct est_table *t, const char *what,
    const struct est_row *f)
{
	sqlite3_str *s;
	int j, rc, n = 0;

	if ((rc = put(r->db, t, f, NULL)) != 0)
		return t->split && rc == PM_EX_DATAERR ?
		    same_code(r->db, r->e, f->key, rc) : rc;
	s = sqlite3_str_new(r->db->h);
	for (j = 0; j < t->ncols; j++) {
		struct est_val v = f->v[j];

		if (v.kind == EST_VAL_KEEP)
			v = est_v_text(t->col[j].dflt);
		if (v.kind == EST_VAL_NULL)
			continue;
		sqlite3_str_appendf(s, "%s%s ", n++ ? ", " : "",
		    t->col[j].name);
		show_val(s, t->col[j].type, &v);
	}
	return audit(r, t, what, "add", f->key, s);
}

/* Whether record 'f' differs from the row 'st' is on. */
static int
differs(const struct est_table *t, const struct est_row *f, sqlite3_stmt *st)
{
	int j;

	if (t->retire_flag && sqlite3_column_int(st, t->ncols + 1))
		return 1;
	for (j = 0; j < t->ncols; j++)
		if (!same_col(&f->v[j], st, j + 1))
			return 1;
	return 0;
}

/* Update 'd' to 'f', which differ. */
static int
change(const struct run *r, const struct est_table *t, const char *what,
    const struct est_row *f, const struct drow *d)
{
	sqlite3_str *s;
	int j, rc, n = 0;

	if ((rc = put(r->db, t, f, d)) != 0)
		return rc;
	s = sqlite3_str_new(r->db->h);
	if (d->retired) {
		sqlite3_str_appendall(s, "restored");
		n++;
	}
	for (j = 0; j < t->ncols; j++) {
		if (same(&f->v[j], d->v[j]))
			continue;
		sqlite3_str_appendf(s, "%s%s ", n++ ? ", " : "",
		    t->col[j].name);
		show_dval(s, t->col[j].type, d->v[j]);
		sqlite3_str_appendall(s, " -> ");
		show_val(s, t->col[j].type, &f->v[j]);
	}
	return audit(r, t, what, "change", f->key, s);
}

static int
retire(const struct run *r, const struct est_table *t, const char *what,
    const char *key)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = pm_db_stmt(r->db, t->retire)) == NULL)
		return pm_err_code();
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((rc = pm_db_step_done(r->db, st, "apply estate")) != 0 ||
	    (rc = pm_audit(r->db, t->name, key, "%s",
	    t->retire_flag ? "retired" : "removed")) != 0)
		return rc;
	if (r->report != NULL && r->report->row != NULL)
		r->report->row(what, "retire", key, NULL, r->report->arg);
	return 0;
}

/*
 * Which count a row goes to: units, public areas and the common parts of
 * buildings share a table, and the kind and building tell them apart
 * (0 a unit, 1 a public area, 2 a common part).
 */
static int
bucket(const struct est_table *t, const char *kind, int has_building)
{
	if (!t->split || kind == NULL || strcmp(kind, "public") != 0)
		return 0;
	return has_building ? 2 : 1;
}

static int
bucket_f(const struct est_table *t, const struct est_row *f)
{
	return bucket(t, f->v[0].s, f->v[1].kind != EST_VAL_NULL);
}

/* As bucket_f(), for the row 'st' is on. */
static int
bucket_d(const struct est_table *t, sqlite3_stmt *st)
{
	if (!t->split)
		return 0;
	return bucket(t, pm_col_text(st, 1),
	    sqlite3_column_type(st, 2) != SQLITE_NULL);
}

/* Plan to add 'f', record 'rec' of the file; 0 or out of memory. */
static int
plan_add(struct plan *p, const struct est_table *t, const struct est_row *f,
    int rec)
{
	struct op *o;

	if ((o = plan_push(p, OP_ADD, bucket_f(t, f))) == NULL)
		return nomem();
	o->rec = rec;
	return 0;
}

/* Plan the change of the row 'st' is on to 'f', copying the row out. */
static int
plan_change(struct plan *p, const struct est_table *t, const struct est_row *f,
    int rec, sqlite3_stmt *st)
{
	struct op *o;
	int j;

	if ((o = plan_push(p, OP_CHANGE, bucket_f(t, f))) == NULL ||
	    (o->d = calloc(1, sizeof *o->d)) == NULL)
		return nomem();
	o->rec = rec;
	for (j = 0; j < t->ncols; j++)
		if ((o->d->v[j] = sqlite3_value_dup(sqlite3_column_value(st,
		    j + 1))) == NULL)
			return nomem();
	if (t->retire_flag)
		o->d->retired = sqlite3_column_int(st, t->ncols + 1);
	return 0;
}

/* Plan to retire the row 'st' is on, whose key is 'key' ('len' bytes). */
static int
plan_retire(struct plan *p, const struct est_table *t, sqlite3_stmt *st,
    const char *key, size_t len)
{
	struct op *o;

	if ((o = plan_push(p, OP_RETIRE, bucket_d(t, st))) == NULL ||
	    (o->key = malloc(len + 1)) == NULL)
		return nomem();
	memcpy(o->key, key, len + 1);
	return 0;
}

/*
 * Remember the row's key in *prev (of *cap bytes), after checking that
 * it comes after the one there (*prevlen bytes, or none if *prev is
 * NULL).  The merge is only right if the table's order is keycmp()'s;
 * it is unless the database is UTF-16, whose BINARY order differs for
 * some characters, and then failing beats retiring the wrong rows.
 */
static int
key_next(const struct est_table *t, const char *key, size_t len, char **prev,
    size_t *prevlen, size_t *cap)
{
	char *np;

	if (*prev != NULL && keycmp(*prev, *prevlen, key, len) >= 0)
		return pm_err(PM_EX_SOFTWARE, "table '%s': key '%s' out of "
		    "order", t->name, key);
	if (len + 1 > *cap) {
		if ((np = realloc(*prev, len + 1)) == NULL)
			return nomem();
		*prev = np;
		*cap = len + 1;
	}
	memcpy(*prev, key, len + 1);
	*prevlen = len;
	return 0;
}

/* Record i of table t, from the estate. */
static void
row_of(const struct est_table *t, const struct pm_estate *e, int i,
    struct est_row *r)
{
	memset(r, 0, sizeof *r);
	t->row(e, i, r);
}

/*
 * The merge: step through table t in key order alongside the file's
 * records, whose keys are 'keys' (sorted), and plan what to write
 * without writing it.
 */
static int
plan_table(struct pm_db *db, const struct pm_estate *e,
    const struct est_table *t, const struct fkey *keys, int n,
    struct plan *p)
{
	struct est_row f;
	sqlite3_stmt *st;
	const char *key;
	char *prev = NULL;
	size_t len, prevlen = 0, cap = 0;
	int i = 0, cmp, rc = 0, src = SQLITE_DONE;

	if ((st = pm_db_stmt(db, t->select)) == NULL)
		return pm_err_code();
	while (rc == 0 && (src = sqlite3_step(st)) == SQLITE_ROW) {
		key = pm_col_text(st, 0);
		len = (size_t)sqlite3_column_bytes(st, 0);
		if ((rc = key_next(t, key, len, &prev, &prevlen, &cap)) != 0)
			break;
		cmp = 1;
		while (rc == 0 && i < n && (cmp = keycmp(keys[i].key,
		    keys[i].len, key, len)) < 0) {
			row_of(t, e, keys[i].rec, &f);
			rc = plan_add(p, t, &f, keys[i++].rec);
		}
		if (rc != 0)
			break;
		if (i < n && cmp == 0) {
			row_of(t, e, keys[i].rec, &f);
			if (differs(t, &f, st))
				rc = plan_change(p, t, &f, keys[i].rec, st);
			i++;
		} else if (!t->retire_flag ||
		    !sqlite3_column_int(st, t->ncols + 1))
			rc = plan_retire(p, t, st, key, len);
	}
	free(prev);
	if (rc == 0 && src != SQLITE_DONE)
		rc = pm_db_error(db, "read estate");
	sqlite3_reset(st);
	for (; rc == 0 && i < n; i++) {
		row_of(t, e, keys[i].rec, &f);
		rc = plan_add(p, t, &f, keys[i].rec);
	}
	return rc;
}

/*
 * Free the unique values (a staff member's Unix account) that the plan
 * for table t takes from rows, before any write: the writes go in key
 * order, so an account that moves from one staff member to another, or
 * from one who leaves to one who comes, would otherwise be held by two
 * rows in between, and the unique index refuse the apply.  The change
 * that follows writes the new value, and its audit row says old -> new.
 */
static int
unbind_pass(struct pm_db *db, const struct pm_estate *e,
    const struct est_table *t, const struct plan *p)
{
	const struct op *o;
	sqlite3_stmt *st;
	struct est_row f;
	const char *key;
	int i, rc;

	if (t->unbind == NULL)
		return 0;
	for (i = 0; i < p->n; i++) {
		o = &p->op[i];
		if (o->kind == OP_ADD)
			continue;
		if (o->kind == OP_CHANGE) {
			row_of(t, e, o->rec, &f);
			if (sqlite3_value_type(o->d->v[t->unbind_col]) ==
			    SQLITE_NULL || same(&f.v[t->unbind_col],
			    o->d->v[t->unbind_col]))
				continue;
			key = f.key;
		} else
			key = o->key;
		if ((st = pm_db_stmt(db, t->unbind)) == NULL)
			return pm_err_code();
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if ((rc = pm_db_step_done(db, st, "apply estate")) != 0)
			return rc;
	}
	return 0;
}

/*
 * Write what the plan for table t says, in its order, and count it in
 * cnt[bucket], each record of kind kinds[bucket].
 */
static int
plan_run(const struct run *r, const struct est_table *t,
    const struct plan *p, struct counts *cnt, const char *const *kinds)
{
	const struct op *o;
	struct est_row f;
	int i, rc;

	if ((rc = unbind_pass(r->db, r->e, t, p)) != 0)
		return rc;
	for (i = 0; i < p->n && rc == 0; i++) {
		o = &p->op[i];
		switch (o->kind) {
		case OP_ADD:
			row_of(t, r->e, o->rec, &f);
			if ((rc = add(r, t, kinds[o->bucket], &f)) == 0)
				cnt[o->bucket].added++;
			break;
		case OP_CHANGE:
			row_of(t, r->e, o->rec, &f);
			if ((rc = change(r, t, kinds[o->bucket], &f,
			    o->d)) == 0)
				cnt[o->bucket].changed++;
			break;
		default:
			if ((rc = retire(r, t, kinds[o->bucket], o->key)) == 0)
				cnt[o->bucket].retired++;
			break;
		}
	}
	return rc;
}

/*
 * Make table t say what the file's 'n' records for it say, with 'keys'
 * (room for n) to sort their keys in.  Counts go to cnt[0], and for the
 * units table public areas to cnt[1] and common parts to cnt[2]; kinds
 * names them alike.
 */
static int
sync_table(const struct run *r, const struct est_table *t, int n,
    struct fkey *keys, struct counts *cnt, const char *const *kinds)
{
	struct pm_db *db = r->db;
	const struct pm_estate *e = r->e;
	struct plan p;
	struct est_row f;
	int i, rc;

	for (i = 0; i < n; i++) {
		row_of(t, e, i, &f);
		keys[i].key = f.key;
		keys[i].len = strlen(f.key);
		keys[i].rec = i;
	}
	if (n > 1)
		qsort(keys, (size_t)n, sizeof *keys, fkey_cmp);
	memset(&p, 0, sizeof p);
	if ((rc = plan_table(db, e, t, keys, n, &p)) == 0)
		rc = plan_run(r, t, &p, cnt, kinds);
	plan_free(t, &p);
	return rc;
}

/* Unit, public area or common part i (in that order) as a record. */
static void
unit_row(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct pm_estate_unit *u;
	int unit = 0;

	if (i < e->nunits) {
		u = &e->units[i];
		unit = 1;
	} else if ((i -= e->nunits) < e->npublic_areas)
		u = &e->public_areas[i];
	else
		u = &e->common_parts[i - e->npublic_areas];
	r->key = u->code;
	r->v[0] = est_v_text(unit ? "unit" : "public");
	r->v[1] = est_v_text(u->building);
	r->v[2] = est_v_known(u->entrance);
	r->v[3] = est_v_known(u->floor);
	r->v[4] = est_v_text(u->name);
	r->v[5] = est_v_int(u->area);
	r->v[6] = est_v_text(u->condition);
	if (u->condition == NULL)
		r->v[6].kind = EST_VAL_KEEP;
}

/*
 * The settings the file states, in this order, those not stated skipped:
 * setting i into *r, or (i < 0) how many there are.
 */
static int
setting_at(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct {
		const char *key, *value;
	} settings[] = {
		{ "estate_name", e->name },
		{ "timezone", e->timezone },
		{ "working_hours", e->working_hours },
		{ "calendar_file", e->calendar },
		{ "language", e->language }
	};
	int j, n = 0;

	for (j = 0; j < (int)(sizeof settings / sizeof settings[0]); j++) {
		if (settings[j].value == NULL)
			continue;
		if (n++ == i) {
			r->key = settings[j].key;
			r->v[0] = est_v_text(settings[j].value);
		}
	}
	return n;
}

/*
 * The core records, each table's count and record i in the file's order.
 */
static int n_departments(const struct pm_estate *e) { return e->ndepartments; }
static int n_staff(const struct pm_estate *e) { return e->nstaff; }
static int n_buildings(const struct pm_estate *e) { return e->nbuildings; }
static int n_categories(const struct pm_estate *e) { return e->ncategories; }
static int n_days(const struct pm_estate *e) { return e->ndays; }
static int n_sla(const struct pm_estate *e) { (void)e; return PM_ESTATE_NSLA; }
static int n_kpi(const struct pm_estate *e) { (void)e; return PM_ESTATE_NKPI; }

static int
n_units(const struct pm_estate *e)
{
	return e->nunits + e->npublic_areas + e->ncommon_parts;
}

static int
n_settings(const struct pm_estate *e)
{
	return setting_at(e, -1, NULL);
}

static void
row_setting(const struct pm_estate *e, int i, struct est_row *r)
{
	setting_at(e, i, r);
}

static void
row_department(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->departments[i].code;
	r->v[0] = est_v_text(e->departments[i].name);
}

static void
row_staff(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->staff[i].login;
	r->v[0] = est_v_text(e->staff[i].name);
	r->v[1] = est_v_text(e->staff[i].department);
	r->v[2] = est_v_text(e->staff[i].role);
	r->v[3] = est_v_text(e->staff[i].phone);
	r->v[4] = est_v_text(e->staff[i].unix_user);
}

static void
row_building(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->buildings[i].code;
	r->v[0] = est_v_text(e->buildings[i].name);
}

static void
row_category(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->categories[i].code;
	r->v[0] = est_v_text(e->categories[i].name);
	r->v[1] = est_v_text(e->categories[i].kind);
	r->v[2] = est_v_int(e->categories[i].urgent);
	r->v[3] = est_v_int(e->categories[i].emergency);
	r->v[4] = est_v_text(e->categories[i].department);
}

static void
row_sla(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->sla[i].name;
	r->v[0] = est_v_int(e->sla[i].seconds);
	r->v[1] = est_v_text(e->sla[i].clock);
}

/* A KPI without a target ("none") is a row with no target. */
static void
row_kpi(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->kpi[i].kpi;
	r->v[0] = e->kpi[i].target >= 0 ? est_v_int(e->kpi[i].target) :
	    est_v_text(NULL);
}

static void
row_day(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->days[i].date;
	r->v[0] = est_v_int(e->days[i].working);
	r->v[1] = est_v_text(e->days[i].name);
}

static const struct est_table t_departments = {
	.kind = "departments",
	.count = n_departments,
	.row = row_department,
	.name = "departments",
	.select = "SELECT code, name, retired FROM departments"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO departments(code, name) VALUES (?1, ?2)",
	.update = "UPDATE departments SET name = ?2, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE departments SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 1,
	.col = { { "name", EST_COL_TEXT, NULL } }
};

/*
 * A staff member's Unix account is unique among the staff (schema 0003),
 * and one who leaves the file gives theirs up, so it can be bound again,
 * to the same person under a new login or to someone else.
 */
static const struct est_table t_staff = {
	.kind = "staff",
	.count = n_staff,
	.row = row_staff,
	.name = "staff",
	.select = "SELECT login, name, department, role, phone, unix_user,"
	    " retired FROM staff ORDER BY login" PM_SQL_BYTES,
	.insert = "INSERT INTO staff(login, name, department, role, phone,"
	    " unix_user) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	.update = "UPDATE staff SET name = ?2, department = ?3, role = ?4,"
	    " phone = ?5, unix_user = ?6, retired = 0 WHERE login = ?1",
	.retire = "UPDATE staff SET retired = 1 WHERE login = ?1",
	.retire_flag = 1,
	.ncols = 5,
	.col = { { "name", EST_COL_TEXT, NULL }, { "department", EST_COL_TEXT, NULL },
	    { "role", EST_COL_TEXT, NULL }, { "phone", EST_COL_TEXT, NULL },
	    { "unix_user", EST_COL_TEXT, NULL } },
	.unbind = "UPDATE staff SET unix_user = NULL"
	    " WHERE login = ?1 AND unix_user IS NOT NULL",
	.unbind_col = 4
};

static const struct est_table t_buildings = {
	.kind = "buildings",
	.count = n_buildings,
	.row = row_building,
	.name = "buildings",
	.select = "SELECT code, name, retired FROM buildings"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO buildings(code, name) VALUES (?1, ?2)",
	.update = "UPDATE buildings SET name = ?2, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE buildings SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 1,
	.col = { { "name", EST_COL_TEXT, NULL } }
};

/* Occupancy and owners belong to pm-unit import: never named here. */
static const struct est_table t_units = {
	.kind = "units",
	.count = n_units,
	.row = unit_row,
	.name = "units",
	.select = "SELECT code, kind, building, entrance, floor, name, area,"
	    " condition, retired FROM units ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO units(code, kind, building, entrance, floor,"
	    " name, area, condition) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	.update = "UPDATE units SET kind = ?2, building = ?3, entrance = ?4,"
	    " floor = ?5, name = ?6, area = ?7, condition = ?8, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE units SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 7,
	.col = { { "kind", EST_COL_TEXT, NULL }, { "building", EST_COL_TEXT, NULL },
	    { "entrance", EST_COL_INT, NULL }, { "floor", EST_COL_INT, NULL },
	    { "name", EST_COL_TEXT, NULL }, { "area", EST_COL_HUNDREDTHS, NULL },
	    { "condition", EST_COL_TEXT, "good" } },
	.split = 1
};

static const struct est_table t_categories = {
	.kind = "categories",
	.count = n_categories,
	.row = row_category,
	.name = "categories",
	.select = "SELECT code, name, kind, urgent, emergency, department,"
	    " retired FROM categories ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO categories(code, name, kind, urgent, emergency,"
	    " department) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	.update = "UPDATE categories SET name = ?2, kind = ?3, urgent = ?4,"
	    " emergency = ?5, department = ?6, retired = 0 WHERE code = ?1",
	.retire = "UPDATE categories SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 5,
	.col = { { "name", EST_COL_TEXT, NULL }, { "kind", EST_COL_TEXT, NULL },
	    { "urgent", EST_COL_INT, NULL }, { "emergency", EST_COL_INT, NULL },
	    { "department", EST_COL_TEXT, NULL } }
};

static const struct est_table t_sla = {
	.kind = "sla",
	.count = n_sla,
	.row = row_sla,
	.name = "sla",
	.select = "SELECT name, seconds, clock FROM sla"
	    " ORDER BY name" PM_SQL_BYTES,
	.insert = "INSERT INTO sla(name, seconds, clock) VALUES (?1, ?2, ?3)",
	.update = "UPDATE sla SET seconds = ?2, clock = ?3 WHERE name = ?1",
	.retire = "DELETE FROM sla WHERE name = ?1",
	.ncols = 2,
	.col = { { "seconds", EST_COL_INT, NULL }, { "clock", EST_COL_TEXT, NULL } }
};

static const struct est_table t_kpi = {
	.kind = "kpi targets",
	.count = n_kpi,
	.row = row_kpi,
	.name = "kpi_targets",
	.select = "SELECT kpi, target FROM kpi_targets"
	    " ORDER BY kpi" PM_SQL_BYTES,
	.insert = "INSERT INTO kpi_targets(kpi, target) VALUES (?1, ?2)",
	.update = "UPDATE kpi_targets SET target = ?2 WHERE kpi = ?1",
	.retire = "DELETE FROM kpi_targets WHERE kpi = ?1",
	.ncols = 1,
	.col = { { "target", EST_COL_INT, NULL } }
};

static const struct est_table t_days = {
	.kind = "calendar days",
	.count = n_days,
	.row = row_day,
	.name = "calendar_days",
	.select = "SELECT date, working, name FROM calendar_days"
	    " ORDER BY date" PM_SQL_BYTES,
	.insert = "INSERT INTO calendar_days(date, working, name)"
	    " VALUES (?1, ?2, ?3)",
	.update = "UPDATE calendar_days SET working = ?2, name = ?3"
	    " WHERE date = ?1",
	.retire = "DELETE FROM calendar_days WHERE date = ?1",
	.ncols = 2,
	.col = { { "working", EST_COL_INT, NULL }, { "name", EST_COL_TEXT, NULL } }
};

/* Only the estate's own keys: other modules keep theirs in meta too. */
static const struct est_table t_settings = {
	.kind = "settings",
	.count = n_settings,
	.row = row_setting,
	.name = "meta",
	.select = "SELECT key, value FROM meta WHERE key IN ('estate_name',"
	    " 'timezone', 'working_hours', 'calendar_file', 'language')"
	    " ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO meta(key, value) VALUES (?1, ?2)",
	.update = "UPDATE meta SET value = ?2 WHERE key = ?1",
	.retire = "DELETE FROM meta WHERE key = ?1",
	.ncols = 1,
	.col = { { "value", EST_COL_TEXT, NULL } }
};

/* The core tables in the order they are applied (references first). */
static const struct est_table *const core_tables[] = { &t_departments,
	&t_staff, &t_buildings, &t_units, &t_categories, &t_sla, &t_kpi,
	&t_days, &t_settings, NULL };

/* What the units table's rows are counted as besides units. */
static const char *const unit_kinds[] = { "units", "public areas",
	"common parts" };

struct est_val
est_v_text(const char *s)
{
	struct est_val v = { s == NULL ? EST_VAL_NULL : EST_VAL_TEXT, 0, s };

	return v;
}

struct est_val
est_v_int(int64_t i)
{
	struct est_val v = { EST_VAL_INT, i, NULL };

	return v;
}

struct est_val
est_v_known(int i)
{
	return i == 0 ? est_v_text(NULL) : est_v_int(i);
}

/*
 * Every table to apply, in order: the core ones, then each section's.
 * Calls fn(t, arg) until it returns non-zero, and returns that.
 */
static int
each_table(int (*fn)(const struct est_table *t, void *arg), void *arg)
{
	const struct est_table *const *t;
	int i, rc;

	for (t = core_tables; *t != NULL; t++)
		if ((rc = fn(*t, arg)) != 0)
			return rc;
	for (i = 0; est_sections[i] != NULL; i++)
		for (t = est_sections[i]->tables; t != NULL && *t != NULL; t++)
			if ((rc = fn(*t, arg)) != 0)
				return rc;
	return 0;
}

/* One apply: the tables walked, each kind counted. */
struct walk {
	struct run r;
	struct fkey *keys;
	size_t nkeys;
	struct counts *cnt;	/* one per kind, in the report's order */
	const char **kinds;
	int nkinds;
};

/* Room for the keys of the largest table; the kinds, counted. */
static int
measure(const struct est_table *t, void *arg)
{
	struct walk *w = arg;
	size_t n = (size_t)t->count(w->r.e);

	if (n > w->nkeys)
		w->nkeys = n;
	w->nkinds += t->split ? 3 : 1;
	return 0;
}

static int
apply_one(const struct est_table *t, void *arg)
{
	struct walk *w = arg;
	int j;

	if (t->split)
		for (j = 0; j < 3; j++)
			w->kinds[w->nkinds + j] = unit_kinds[j];
	else
		w->kinds[w->nkinds] = t->kind;
	j = w->nkinds;
	w->nkinds += t->split ? 3 : 1;
	return sync_table(&w->r, t, t->count(w->r.e), w->keys, &w->cnt[j],
	    &w->kinds[j]);
}

int
pm_estate_apply(struct pm_db *db, const struct pm_estate *e,
    const struct pm_estate_report *report)
{
	struct walk w;
	int k, rc;

	if (!e->calendar_read)
		return pm_err(PM_EX_SOFTWARE, "estate %s: loaded without its "
		    "calendar, cannot apply", pm_q(e->file));
	memset(&w, 0, sizeof w);
	w.r.db = db;
	w.r.e = e;
	w.r.report = report;
	each_table(measure, &w);
	if ((w.keys = calloc(w.nkeys + 1, sizeof *w.keys)) == NULL ||
	    (w.cnt = calloc((size_t)w.nkinds, sizeof *w.cnt)) == NULL ||
	    (w.kinds = calloc((size_t)w.nkinds, sizeof *w.kinds)) == NULL) {
		rc = nomem();
		goto out;
	}
	w.nkinds = 0;
	if ((rc = each_table(apply_one, &w)) != 0)
		goto out;
	/* The cached calendar, if any, is the old one now. */
	free(db->ticket_sla);
	db->ticket_sla = NULL;
	if (db->cal != NULL) {
		pm_calendar_release(db->cal);
		free(db->cal);
		db->cal = NULL;
	}
	if (report != NULL && report->count != NULL)
		for (k = 0; k < w.nkinds; k++)
			report->count(w.kinds[k], w.cnt[k].added,
			    w.cnt[k].changed, w.cnt[k].retired, report->arg);
out:
	free(w.keys);
	free(w.cnt);
	free(w.kinds);
	return rc;
}
