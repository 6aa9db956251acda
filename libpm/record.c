/*
 * record.c - list, show and find records from their type's declaration.
 *
 * The queries are put together from the fixed fragments of the
 * declaration (fields, conditions, order); every value from the user is
 * bound.  Filter values are all checked before the query runs, so a
 * typo prints its error and nothing else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "collate.h"
#include "err.h"
#include "i18n.h"
#include "mask.h"
#include "money.h"
#include "record.h"
#include "text.h"

#define MAX_BINDS 64
#define KEY_MAX 256

/* The id of the --reveal option of the record verbs. */
#define OPT_REVEAL (PM_OPT_LONG + 0xff)

static int
in_set(const struct pm_field *f, int show)
{
	if (show)
		return !(f->flags & PM_F_LIST);
	return !(f->flags & PM_F_SHOW);
}

static enum pm_coltype
coltype(const struct pm_field *f)
{
	switch (f->type) {
	case PM_F_INT:
	case PM_F_INT0:
	case PM_F_SECONDS:
		return PM_COL_INT;
	case PM_F_HUNDREDTHS:
	case PM_F_FEN:
		return PM_COL_NUM;
	case PM_F_CUSTOM:
		return f->coltype;
	default:
		return PM_COL_TEXT;
	}
}

const struct pm_col *
pm_rec_cols(const struct pm_rtype *t, int show, int *n)
{
	static struct {
		const struct pm_rtype *t;
		int show, n;
		struct pm_col *cols;
	} cache[32];
	static int ncache;
	const struct pm_field *f;
	struct pm_col *c;
	int i, k = 0;

	for (i = 0; i < ncache; i++)
		if (cache[i].t == t && cache[i].show == show) {
			*n = cache[i].n;
			return cache[i].cols;
		}
	for (f = t->fields; f->name != NULL; f++)
		k++;
	if (ncache == 32 || (c = calloc(k, sizeof *c)) == NULL)
		pm_die(PM_EX_SOFTWARE, "out of memory");
	k = 0;
	for (f = t->fields; f->name != NULL; f++)
		if (in_set(f, show)) {
			c[k].name = f->name;
			c[k].type = coltype(f);
			c[k].vocab = f->vocab;
			k++;
		}
	cache[ncache].t = t;
	cache[ncache].show = show;
	cache[ncache].n = k;
	cache[ncache].cols = c;
	ncache++;
	*n = k;
	return c;
}

/*
 * Values to bind, in order: copies, because a value may be made here
 * (a normalized code, a time as database text).
 */
struct binds {
	char *v[MAX_BINDS];
	int n;
};

static int
bind_add(struct binds *b, const char *s)
{
	if (b->n == MAX_BINDS)
		return pm_err(PM_EX_USAGE, "too many filter values");
	if ((b->v[b->n] = strdup(s)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	b->n++;
	return 0;
}

static void
binds_release(struct binds *b)
{
	while (b->n > 0)
		free(b->v[--b->n]);
}

/* Append 'sql' with "?*" turned into 'nlist' placeholders. */
static void
append_cond(sqlite3_str *q, const char *sql, int nlist)
{
	const char *star;
	int i;

	sqlite3_str_appendall(q, " AND (");
	if ((star = strstr(sql, "?*")) == NULL)
		sqlite3_str_appendall(q, sql);
	else {
		sqlite3_str_append(q, sql, (int)(star - sql));
		for (i = 0; i < nlist; i++)
			sqlite3_str_appendall(q, i == 0 ? "?" : ", ?");
		sqlite3_str_appendall(q, star + 2);
	}
	sqlite3_str_appendall(q, ")");
}

static int
count_marks(const char *sql)
{
	int n = 0;

	for (; *sql != '\0'; sql++)
		if (*sql == '?' && sql[1] != '*')
			n++;
	return n;
}

/* Bind 'value' to each of the n ?s of one condition. */
static int
bind_each(struct binds *b, const char *value, int n)
{
	int rc;

	while (n-- > 0)
		if ((rc = bind_add(b, value)) != 0)
			return rc;
	return 0;
}

/* The words of a LIST filter, groups expanded, bound in order. */
static int
list_values(const struct pm_filter *f, const char *value, struct binds *b,
    int *count)
{
	const struct pm_word *w;
	char item[128];
	const char *p = value, *e, *id, *m, *me;
	size_t n;
	int rc;

	*count = 0;
	do {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n >= sizeof item)
			n = sizeof item - 1;
		memcpy(item, p, n);
		item[n] = '\0';
		if ((rc = pm_vocab_check(f->vocab, item, 1, &id)) != 0)
			return rc;
		w = pm_vocab_word(f->vocab, id);
		if (w->group == NULL) {
			if ((rc = bind_add(b, id)) != 0)
				return rc;
			(*count)++;
		} else
			for (m = w->group; *m != '\0'; m = *me ? me + 1 : me) {
				me = m + strcspn(m, ",");
				snprintf(item, sizeof item, "%.*s",
				    (int)(me - m), m);
				if ((rc = bind_add(b, item)) != 0)
					return rc;
				(*count)++;
			}
		p = e != NULL ? e + 1 : NULL;
	} while (p != NULL);
	return 0;
}

/* The value of an EQ filter as the query compares it, into 'buf'. */
static int
eq_value(struct pm_db *db, const struct pm_filter *f, const char *value,
    char *buf, size_t len)
{
	const char *id;
	int rc;

	if (f->vocab != NULL) {
		if ((rc = pm_vocab_check(f->vocab, value, 0, &id)) != 0)
			return rc;
		snprintf(buf, len, "%s", id);
		return 0;
	}
	if (f->ref != NULL)
		return pm_rec_find(db, f->ref, value, buf, len);
	snprintf(buf, len, "%s", value);
	return 0;
}

/* A time filter's bound: a period's start (since) or end (until). */
static int
time_value(const struct pm_filter *f, const char *value, char *buf)
{
	pm_time from, to, t;
	int rc;

	if (pm_period_parse(value, &from, &to) == 0)
		t = f->kind == PM_FILTER_SINCE ? from : to;
	else if ((rc = pm_time_parse(value, &t)) != 0)
		return rc;
	pm_time_utc(t, buf);
	return 0;
}

/* Whether every word of a LIST filter's value is in its 'within' group. */
static int
all_within(const struct pm_filter *f, const char *value)
{
	char item[128];
	const char *p = value, *e, *id;
	size_t n;

	do {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		snprintf(item, sizeof item, "%.*s", (int)n, p);
		if ((id = pm_vocab_find(f->vocab, item)) == NULL ||
		    !pm_vocab_in(f->vocab, f->within, id))
			return 0;
		p = e != NULL ? e + 1 : NULL;
	} while (p != NULL);
	return 1;
}

/* Whether the filters given keep the type's default set. */
static int
keeps_default(const struct pm_given *g, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (g[i].f->kind == PM_FILTER_ALL)
			return 0;
		if (g[i].f->replaces_default && !(g[i].f->within != NULL &&
		    all_within(g[i].f, g[i].value)))
			return 0;
	}
	return 1;
}

/* Append the conditions of the filters given, and their values. */
static int
add_filters(struct pm_db *db, sqlite3_str *q, const struct pm_rtype *t,
    const struct pm_given *g, int n, struct binds *b)
{
	char val[KEY_MAX], now[PM_TIME_UTC_LEN];
	int i, rc, count, dflt = keeps_default(g, n);

	if (t->where != NULL)
		append_cond(q, t->where, 0);
	if (dflt && t->list_default != NULL)
		append_cond(q, t->list_default, 0);
	pm_time_utc(pm_now(), now);
	for (i = 0; i < n; i++) {
		const struct pm_filter *f = g[i].f;

		switch (f->kind) {
		case PM_FILTER_EQ:
			if ((rc = eq_value(db, f, g[i].value, val,
			    sizeof val)) != 0 || (rc = bind_each(b, val,
			    count_marks(f->sql))) != 0)
				return rc;
			append_cond(q, f->sql, 0);
			break;
		case PM_FILTER_LIST:
			if ((rc = list_values(f, g[i].value, b, &count)) != 0)
				return rc;
			append_cond(q, f->sql, count);
			break;
		case PM_FILTER_FLAG:
			if ((rc = bind_each(b, now, count_marks(f->sql))) != 0)
				return rc;
			append_cond(q, f->sql, 0);
			break;
		case PM_FILTER_SINCE:
		case PM_FILTER_UNTIL:
			if ((rc = time_value(f, g[i].value, val)) != 0 ||
			    (rc = bind_each(b, val, count_marks(f->sql))) != 0)
				return rc;
			append_cond(q, f->sql, 0);
			break;
		case PM_FILTER_ALL:
		case PM_FILTER_TYPE:
			break;
		}
	}
	return 0;
}

/*
 * "SELECT f1, f2, ... FROM from WHERE 1" for the list or show fields,
 * from the default set 'dflt' when the type has one.
 */
static void
select_fields(sqlite3_str *q, const struct pm_rtype *t, int show, int dflt)
{
	const struct pm_field *f;
	int first = 1;

	sqlite3_str_appendall(q, "SELECT ");
	for (f = t->fields; f->name != NULL; f++) {
		if (!in_set(f, show))
			continue;
		sqlite3_str_appendf(q, "%s%s", first ? "" : ", ", f->sql);
		first = 0;
	}
	sqlite3_str_appendf(q, " FROM %s WHERE 1", dflt &&
	    t->from_default != NULL ? t->from_default : t->from);
}

static int
prepare(struct pm_db *db, const struct pm_rtype *t, sqlite3_str *q,
    const struct binds *b, sqlite3_stmt **st)
{
	char *sql = sqlite3_str_finish(q);
	int i, rc;

	if (sql == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	pm_db_collations(db);
	if (t->setup != NULL)
		t->setup(db);
	rc = pm_db_prepare(db, sql, st);
	sqlite3_free(sql);
	if (rc != 0)
		return rc;
	for (i = 0; i < b->n; i++)
		pm_bind_text(*st, i + 1, b->v[i]);
	return 0;
}

char *
pm_rec_time_text(int64_t t, enum pm_ftype type, char *buf)
{
	char day[PM_DATE_LEN];

	if (t == 0)
		return NULL;
	pm_time_local(t, buf);
	/*
	 * An end-of-day deadline is midnight of the next day, which staff
	 * read as "tomorrow": show it as 24:00 of its own day (ISO 8601).
	 * (The minutes shown first, as the cheap test.)
	 */
	if (type == PM_F_DEADLINE && strcmp(buf + PM_DATE_LEN - 1, "T00:00") ==
	    0 && pm_day_start(t) == t) {
		snprintf(buf, PM_REC_TIME_LEN, "%sT24:00", pm_date_local(t - 1,
		    day));
	}
	return buf;
}

void
pm_rec_out_time(struct pm_out *o, int64_t t, enum pm_ftype type)
{
	char buf[PM_REC_TIME_LEN];

	pm_out_text(o, pm_rec_time_text(t, type, buf));
}

/* Write the fields of the current row of 'st'. */
static void
put_row(struct pm_out *o, const struct pm_rtype *t, int show, int reveal,
    sqlite3_stmt *st)
{
	const struct pm_field *f;
	char buf[PM_MONEY_LEN], m[PM_MASK_MAX];
	const char *s;
	pm_time tm;
	int col = 0;

	for (f = t->fields; f->name != NULL; f++) {
		if (!in_set(f, show))
			continue;
		s = pm_col_text(st, col);
		switch (f->type) {
		case PM_F_TEXT:
			if ((f->flags & PM_F_MASKED) && !reveal)
				s = pm_mask(s, m);
			pm_out_text(o, s);
			break;
		case PM_F_INT:
			if (s == NULL)
				pm_out_text(o, NULL);
			else
				pm_out_int(o, sqlite3_column_int64(st, col));
			break;
		case PM_F_INT0:
			if (sqlite3_column_int64(st, col) == 0)
				pm_out_text(o, NULL);
			else
				pm_out_int(o, sqlite3_column_int64(st, col));
			break;
		case PM_F_HUNDREDTHS:
			pm_out_text(o, s == NULL ? NULL : pm_hundredths_fmt(
			    sqlite3_column_int64(st, col), buf));
			break;
		case PM_F_FEN:
			if (s == NULL)
				pm_out_text(o, NULL);
			else
				pm_out_fen(o, sqlite3_column_int64(st, col));
			break;
		case PM_F_TIME:
		case PM_F_DEADLINE:
			if (s == NULL || pm_time_parse_utc(s, &tm) != 0)
				tm = 0;
			pm_rec_out_time(o, tm, f->type);
			break;
		case PM_F_SECONDS:
			if (s == NULL)
				pm_out_text(o, NULL);
			else
				pm_out_duration(o, sqlite3_column_int64(st,
				    col));
			break;
		case PM_F_CUSTOM:
			f->put(o, st, col);
			col += f->ncols - 1;
			break;
		}
		col++;
	}
	pm_out_row(o);
}

static int
run(struct pm_db *db, sqlite3_stmt *st, const struct pm_rtype *t, int show,
    int reveal, struct pm_out *o, int *nrows)
{
	int rc;

	*nrows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		put_row(o, t, show, reveal, st);
		(*nrows)++;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read records");
	sqlite3_finalize(st);
	return rc;
}

int
pm_rec_list(struct pm_db *db, const struct pm_rtype *t,
    const struct pm_given *g, int n, int reveal, struct pm_out *o)
{
	struct binds b;
	sqlite3_str *q = sqlite3_str_new(db->h);
	sqlite3_stmt *st;
	int rc, rows;

	memset(&b, 0, sizeof b);
	select_fields(q, t, 0, keeps_default(g, n));
	if ((rc = add_filters(db, q, t, g, n, &b)) != 0) {
		sqlite3_free(sqlite3_str_finish(q));
		binds_release(&b);
		return rc;
	}
	if (t->order != NULL)
		sqlite3_str_appendf(q, " ORDER BY %s", t->order);
	rc = prepare(db, t, q, &b, &st);
	binds_release(&b);
	if (rc != 0)
		return rc;
	return run(db, st, t, 0, reveal, o, &rows);
}

int
pm_rec_check_key(const struct pm_rtype *t, const char *key)
{
	const char *p = key;

	if (t->key_kind != PM_KEY_ID)
		return 0;
	if (*p == '#')
		p++;
	if (*p >= '1' && *p <= '9' && strspn(p, "0123456789") == strlen(p) &&
	    strlen(p) <= 18)
		return 0;
	return pm_err(PM_EX_DATAERR, "%s %s: not an id (ids are numbers, "
	    "like 42 or #42)", _(t->name), pm_q(key));
}

/* The key as the database compares it: normalized, "#42" as 42. */
static void
key_form(const struct pm_rtype *t, const char *key, char *buf, size_t len)
{
	if (t->key_kind == PM_KEY_CODE)
		pm_code_normalize(key, buf, len);
	else if (t->key_kind == PM_KEY_ID && key[0] == '#')
		snprintf(buf, len, "%s", key + 1);
	else
		snprintf(buf, len, "%s", key);
}

static const char *
key_cmp(const struct pm_rtype *t)
{
	return t->key_kind == PM_KEY_CODE ? " = ?1" PM_SQL_NOCASE : " = ?1";
}

/*
 * Up to three keys of 't' near 'key' ("water-leak" for "waterleak"),
 * as "a, b or c" into 'buf'; "" when none is near.  Only a miss pays
 * for the scan.
 */
static int
suggest(struct pm_db *db, const struct pm_rtype *t, const char *key,
    char *buf, size_t len)
{
	char best[3][KEY_MAX];
	int dist[3] = { 99, 99, 99 }, i, j, d, limit, rc, n = 0;
	sqlite3_str *q = sqlite3_str_new(db->h);
	struct binds b;
	sqlite3_stmt *st;
	const char *k;
	size_t kl = strlen(key);

	memset(&b, 0, sizeof b);
	buf[0] = '\0';
	if (t->key_kind == PM_KEY_ID) {
		sqlite3_free(sqlite3_str_finish(q));
		return 0;
	}
	limit = kl < 4 ? 1 : kl < 10 ? 2 : 3;
	sqlite3_str_appendf(q, "SELECT %s FROM %s WHERE 1", t->key, t->from);
	if (t->where != NULL)
		append_cond(q, t->where, 0);
	if ((rc = prepare(db, t, q, &b, &st)) != 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((k = pm_col_text(st, 0)) == NULL || strlen(k) >= KEY_MAX)
			continue;
		d = pm_edit_distance(key, k, limit);
		/* "leak" for water-leak: a part of the code counts too. */
		if (d > limit && kl >= 3 && strstr(k, key) != NULL)
			d = limit;
		if (d > limit)
			continue;
		for (i = 0; i < 3 && dist[i] <= d; i++)
			;
		if (i == 3)
			continue;
		for (j = 2; j > i; j--) {
			dist[j] = dist[j - 1];
			memcpy(best[j], best[j - 1], KEY_MAX);
		}
		dist[i] = d;
		snprintf(best[i], KEY_MAX, "%s", k);
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read records");
	sqlite3_finalize(st);
	for (i = 0; i < 3 && dist[i] < 99; i++)
		n++;
	for (i = 0, j = 0; i < n; i++)
		j += snprintf(buf + j, len - j, "%s%s", i == 0 ? "" :
		    i == n - 1 ? _(" or ") : _(", "), best[i]);
	return rc;
}

static int
not_found(struct pm_db *db, const struct pm_rtype *t, const char *key)
{
	char msg[512], near[3 * KEY_MAX + 32];
	int rc;

	snprintf(msg, sizeof msg, _(t->not_found), pm_q(key));
	if ((rc = suggest(db, t, key, near, sizeof near)) != 0)
		return rc;
	if (near[0] != '\0' && t->list_cmd != NULL)
		return pm_err(PM_EX_NOINPUT, "%s (did you mean %s? see '%s')",
		    msg, near, t->list_cmd);
	if (near[0] != '\0')
		return pm_err(PM_EX_NOINPUT, "%s (did you mean %s?)", msg,
		    near);
	if (t->list_cmd != NULL && t->key_kind != PM_KEY_ID)
		return pm_err(PM_EX_NOINPUT, "%s (see '%s')", msg,
		    t->list_cmd);
	return pm_errs(PM_EX_NOINPUT, msg);
}

/*
 * The lookup of a key of 't', made once per type, so that the statement
 * is prepared once per command however many keys an import looks up.
 */
static const char *
find_sql(const struct pm_rtype *t)
{
	static struct {
		const struct pm_rtype *t;
		char *sql;
	} cache[32];
	static int n;
	int i;

	for (i = 0; i < n; i++)
		if (cache[i].t == t)
			return cache[i].sql;
	if (n == 32 || (cache[n].sql = sqlite3_mprintf("SELECT %s FROM %s"
	    " WHERE %s%s", t->key, t->from, t->key, key_cmp(t))) == NULL)
		return NULL;
	cache[n].t = t;
	return cache[n++].sql;
}

int
pm_rec_find(struct pm_db *db, const struct pm_rtype *t, const char *key,
    char *canon, size_t len)
{
	const char *sql = find_sql(t);
	char k[KEY_MAX];
	sqlite3_stmt *st;
	int rc;

	if ((rc = pm_rec_check_key(t, key)) != 0)
		return rc;
	if (sql == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	key_form(t, key, k, sizeof k);
	pm_db_collations(db);
	if (t->setup != NULL)
		t->setup(db);
	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, k);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(canon, len, "%s", pm_col_text(st, 0));
		sqlite3_reset(st);
		return 0;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "find record");
	sqlite3_reset(st);
	return rc != 0 ? rc : not_found(db, t, key);
}

int
pm_rec_show(struct pm_db *db, const struct pm_rtype *t, const char *key,
    int reveal, struct pm_out *o)
{
	char k[KEY_MAX];
	sqlite3_str *q = sqlite3_str_new(db->h);
	sqlite3_stmt *st;
	struct binds b;
	int rc, rows;

	memset(&b, 0, sizeof b);
	if ((rc = pm_rec_find(db, t, key, k, sizeof k)) != 0) {
		sqlite3_free(sqlite3_str_finish(q));
		return rc;
	}
	select_fields(q, t, 1, 0);
	sqlite3_str_appendf(q, " AND %s = ?1", t->key);
	if ((rc = bind_add(&b, k)) != 0 || (rc = prepare(db, t, q, &b, &st)) != 0) {
		binds_release(&b);
		return rc;
	}
	binds_release(&b);
	return run(db, st, t, 1, reveal, o, &rows);
}

static int
has_masked(const struct pm_rtype *t)
{
	const struct pm_field *f;

	for (f = t->fields; f->name != NULL; f++)
		if (f->flags & PM_F_MASKED)
			return 1;
	return 0;
}

static const struct pm_opt reveal_opt = {
	"reveal", OPT_REVEAL, NULL,
	N_("show phone and ID numbers in full (they are masked by default)")
};

struct pm_opt *
pm_rec_opts(const struct pm_rtype *t, int list)
{
	const struct pm_filter *f;
	struct pm_opt *v;
	int n = 2;

	for (f = t->filters; f != NULL && f->opt.name != NULL; f++)
		n++;
	if ((v = calloc(n, sizeof *v)) == NULL)
		pm_die(PM_EX_SOFTWARE, "out of memory");
	n = 0;
	if (list)
		for (f = t->filters; f != NULL && f->opt.name != NULL; f++)
			v[n++] = f->opt;
	if (has_masked(t))
		v[n++] = reveal_opt;
	return v;
}

char *
pm_rec_synopsis(const struct pm_rtype *t, int list)
{
	struct pm_opt *opts = pm_rec_opts(t, list), *o;
	sqlite3_str *s = sqlite3_str_new(NULL);
	const char *sep = "";

	for (o = opts; o->name != NULL; o++) {
		sqlite3_str_appendf(s, "%s[--%s%s%s]", sep, o->name,
		    o->arg != NULL ? " " : "", o->arg != NULL ? _(o->arg) : "");
		sep = " ";
	}
	char *syn, *copy;

	if (!list)
		sqlite3_str_appendf(s, "%s%s ...", sep, _(t->key_arg));
	free(opts);
	/* An empty text finishes as NULL: only an error is out of memory. */
	if (sqlite3_str_errcode(s) != SQLITE_OK)
		pm_die(PM_EX_SOFTWARE, "out of memory");
	syn = sqlite3_str_finish(s);
	if ((copy = strdup(syn != NULL ? syn : "")) == NULL)
		pm_die(PM_EX_SOFTWARE, "out of memory");
	sqlite3_free(syn);
	return copy;
}

/*
 * The verbs.
 */

static const struct pm_filter *
filter_by_key(const struct pm_rtype *t, int key)
{
	const struct pm_filter *f;

	for (f = t->filters; f != NULL && f->opt.name != NULL; f++)
		if (f->opt.key == key)
			return f;
	return NULL;
}

static const struct pm_filter *
filter_by_name(const struct pm_rtype *t, const char *name)
{
	const struct pm_filter *f;

	for (f = t->filters; f != NULL && f->opt.name != NULL; f++)
		if (strcmp(f->opt.name, name) == 0)
			return f;
	return NULL;
}

int
pm_rec_cmd_list(struct pm_cli *cli, int argc, char **argv)
{
	const struct pm_rtype *t = cli->v->type;
	struct pm_given g[MAX_BINDS];
	const struct pm_filter *f, *sw = NULL, *own;
	const struct pm_col *cols;
	struct pm_db *db;
	struct pm_out *o;
	int c, i, n = 0, ncols, reveal = 0, rc, rc2;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1) {
		if (c == OPT_REVEAL) {
			reveal = 1;
			continue;
		}
		if ((f = filter_by_key(cli->v->type, c)) == NULL)
			return pm_cli_usage(cli);
		if (f->kind == PM_FILTER_TYPE) {
			t = f->other;
			sw = f;
		}
		if (n == MAX_BINDS)
			return pm_err(PM_EX_USAGE, "too many filters");
		g[n].f = f;
		g[n].value = f->opt.arg != NULL ? optarg : NULL;
		n++;
	}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) !=
	    0)
		return rc;
	/* A filter that switched the type: the others must be its own. */
	for (i = 0; sw != NULL && i < n; i++) {
		if (g[i].f->kind == PM_FILTER_TYPE)
			continue;
		if ((own = filter_by_name(t, g[i].f->opt.name)) == NULL)
			return pm_err(PM_EX_USAGE, "--%s cannot be used with "
			    "--%s", g[i].f->opt.name, sw->opt.name);
		g[i].f = own;
	}
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	cols = pm_rec_cols(t, 0, &ncols);
	o = pm_cli_out(cli, cols, ncols);
	rc = pm_rec_list(db, t, g, n, reveal, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

struct show {
	struct pm_db *db;
	const struct pm_rtype *t;
	struct pm_out *o;
	int reveal;
};

static int
show_one(const char *key, void *arg)
{
	struct show *s = arg;

	return pm_rec_show(s->db, s->t, key, s->reveal, s->o);
}

int
pm_rec_cmd_show(struct pm_cli *cli, int argc, char **argv)
{
	const struct pm_col *cols;
	struct show s;
	int c, rc, rc2, ncols;

	memset(&s, 0, sizeof s);
	s.t = cli->v->type;
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_REVEAL)
			s.reveal = 1;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &s.db)) != 0)
		return rc;
	cols = pm_rec_cols(s.t, 1, &ncols);
	s.o = pm_cli_out(cli, cols, ncols);
	pm_out_vertical(s.o, 1);
	/* What was found before an unknown key is still printed. */
	rc = pm_cli_each_id(cli, argc, argv, show_one, &s);
	rc2 = pm_out_close(s.o);
	pm_db_close(s.db);
	return rc != 0 ? rc : rc2;
}
