/*
 * people_fact.c - records kept as facts with versions, rates, the roster
 * of a day, local weeks: what the people-side tools share (people.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "err.h"
#include "i18n.h"
#include "people.h"
#include "staff.h"
#include "text.h"
#include "unit.h"
#include "vocab.h"

#define REASON_MAX 500
#define MAX_FACTS 16

/*
 * Versioned records.
 */

/* The statements of one table, made once from its declaration. */
struct fact_sql {
	const struct pm_fact *f;
	char *find, *next, *voids;
};

static struct fact_sql *
sql_of(const struct pm_fact *f)
{
	static struct fact_sql cache[MAX_FACTS];
	static int n;
	struct fact_sql *s;
	int i;

	for (i = 0; i < n; i++)
		if (cache[i].f == f)
			return &cache[i];
	if (n == MAX_FACTS)
		return NULL;
	s = &cache[n];
	s->find = sqlite3_mprintf("SELECT id, version, voided, reason FROM %s"
	    " WHERE record = ?1 ORDER BY version DESC LIMIT 1", f->table);
	s->next = sqlite3_mprintf("SELECT coalesce(max(id), 0) + 1 FROM %s",
	    f->table);
	s->voids = sqlite3_mprintf("INSERT INTO %s(id, record, version,"
	    " recorded_at, recorded_by, reason, voided, %s) SELECT ?1, ?2, ?3,"
	    " ?4, ?5, ?6, 1, %s FROM %s WHERE id = ?7", f->table, f->cols,
	    f->cols, f->table);
	if (s->find == NULL || s->next == NULL || s->voids == NULL) {
		sqlite3_free(s->find);
		sqlite3_free(s->next);
		sqlite3_free(s->voids);
		return NULL;
	}
	s->f = f;
	n++;
	return s;
}

int
pm_fact_find(struct pm_db *db, const struct pm_fact *f, const char *key,
    struct pm_fact_ref *ref)
{
	struct fact_sql *s = sql_of(f);
	const char *p = key[0] == '#' ? key + 1 : key;
	sqlite3_stmt *st;
	char why[REASON_MAX + 1];
	int rc, voided;

	memset(ref, 0, sizeof *ref);
	if (!(*p >= '1' && *p <= '9') || strspn(p, "0123456789") !=
	    strlen(p) || strlen(p) > 18)
		return pm_err(PM_EX_DATAERR, "%s %s: not an id (ids are numbers,"
		    " like 42 or #42)", _(f->what), pm_q(key));
	if (s == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((st = pm_db_stmt(db, s->find)) == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, strtoll(p, NULL, 10));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return pm_db_error(db, "find record");
		return pm_err(PM_EX_NOINPUT, "%s %s: no such record (see '%s')",
		    _(f->what), pm_q(key), f->list_cmd);
	}
	ref->record = strtoll(p, NULL, 10);
	ref->row = sqlite3_column_int64(st, 0);
	ref->version = sqlite3_column_int(st, 1);
	voided = sqlite3_column_int(st, 2);
	snprintf(why, sizeof why, "%s", pm_col_text(st, 3) != NULL ?
	    pm_col_text(st, 3) : "");
	sqlite3_reset(st);
	if (voided)
		return pm_err(PM_EX_DATAERR, "%s %s: voided (%s)", _(f->what),
		    pm_q(key), why);
	return 0;
}

int
pm_fact_next_id(struct pm_db *db, const struct pm_fact *f, int64_t *id)
{
	struct fact_sql *s = sql_of(f);
	sqlite3_stmt *st;
	int rc;

	if (s == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((st = pm_db_stmt(db, s->next)) == NULL)
		return pm_err_code();
	rc = sqlite3_step(st);
	*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : pm_db_error(db, "number the record");
}

void
pm_fact_bind(struct pm_db *db, sqlite3_stmt *st, int64_t row,
    int64_t record, int version, const char *reason)
{
	char now[PM_TIME_UTC_LEN];

	pm_bind_int(st, 1, row);
	pm_bind_int(st, 2, record);
	pm_bind_int(st, 3, version);
	pm_bind_text(st, 4, pm_time_utc(pm_now(), now));
	pm_bind_text(st, 5, db->user);
	pm_bind_text(st, 6, reason);
}

int
pm_fact_void(struct pm_db *db, const struct pm_fact *f,
    const struct pm_fact_ref *ref, const char *reason)
{
	struct fact_sql *s = sql_of(f);
	char ids[24];
	sqlite3_stmt *st;
	int64_t row;
	int rc;

	if ((rc = pm_people_text(N_("reason"), reason, REASON_MAX, 0)) != 0)
		return rc;
	if (s == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((rc = pm_fact_next_id(db, f, &row)) != 0)
		return rc;
	if ((st = pm_db_stmt(db, s->voids)) == NULL)
		return pm_err_code();
	pm_fact_bind(db, st, row, ref->record, ref->version + 1, reason);
	pm_bind_int(st, 7, ref->row);
	if ((rc = pm_db_step_done(db, st, "void record")) != 0)
		return rc;
	if (sqlite3_changes(db->h) != 1)
		return pm_err(PM_EX_SOFTWARE, "void: version %lld of %s is gone",
		    (long long)ref->row, f->table);
	snprintf(ids, sizeof ids, "%lld", (long long)ref->record);
	return pm_audit(db, f->table, ids, "voided: %s", reason);
}

const struct pm_opt pm_fact_void_opts[] = {
	{ "reason", 'r', N_("text"), N_("why it is void (required)") },
	{ NULL, 0, NULL, NULL }
};

struct void_arg {
	const struct pm_fact *f;
	const char *reason;
};

static int
void_one(struct pm_db *db, const char *id, char *canon, size_t len,
    void *arg)
{
	struct void_arg *a = arg;
	struct pm_fact_ref ref;
	int rc;

	if ((rc = pm_fact_find(db, a->f, id, &ref)) != 0 ||
	    (rc = pm_fact_void(db, a->f, &ref, a->reason)) != 0)
		return rc;
	snprintf(canon, len, "%lld", (long long)ref.record);
	return 0;
}

int
pm_fact_void_cmd(struct pm_cli *cli, int argc, char **argv,
    const struct pm_fact *f)
{
	struct void_arg a = { f, NULL };
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == 'r')
			a.reason = optarg;
		else
			return pm_cli_usage(cli);
	if (a.reason == NULL)
		return pm_cli_needs(cli, "reason");
	if ((rc = pm_people_text(N_("reason"), a.reason, REASON_MAX, 0)) != 0)
		return rc;
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    void_one, &a);
}

struct correct_arg {
	int (*correct)(struct pm_db *db, const char *id, void *arg);
	void *arg;
};

static int
correct_one(struct pm_db *db, const char *id, char *canon, size_t len,
    void *arg)
{
	struct correct_arg *a = arg;
	int rc;

	if ((rc = a->correct(db, id, a->arg)) == 0)
		snprintf(canon, len, "%s", id[0] == '#' ? id + 1 : id);
	return rc;
}

int
pm_fact_correct_cmd(struct pm_cli *cli, int argc, char **argv,
    const char *reason,
    int (*correct)(struct pm_db *db, const char *id, void *arg), void *arg)
{
	struct correct_arg a = { correct, arg };
	int rc;

	if (reason == NULL)
		return pm_cli_needs(cli, "reason");
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 1, 1)) != 0)
		return rc;
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    correct_one, &a);
}

/*
 * Rates.
 */

int
pm_rate_met(const struct pm_rate *r)
{
	if (r->den <= 0 || r->target < 0)
		return -1;
	return r->num * 10000 >= (int64_t)r->target * r->den;
}

static char *
tenths_text(int64_t t, char *buf, size_t len)
{
	snprintf(buf, len, "%lld.%lld", (long long)(t / 10),
	    (long long)(t % 10));
	return buf;
}

char *
pm_bp_text(int bp, char *buf, size_t len)
{
	/* Basis points to tenths of a percent, half up: 9550 is 95.5. */
	return tenths_text((bp + 5) / 10, buf, len);
}

char *
pm_rate_text(const struct pm_rate *r, char *buf, size_t len)
{
	char pct[32];
	int64_t t = pm_rate_tenths(r->num, r->den);

	if (t < 0)
		snprintf(buf, len, "—");
	else
		snprintf(buf, len, "%lld/%lld %s%%", (long long)r->num,
		    (long long)r->den, tenths_text(t, pct, sizeof pct));
	return buf;
}

void
pm_out_percent(struct pm_out *o, const struct pm_rate *r)
{
	char buf[32];
	int64_t t = pm_rate_tenths(r->num, r->den);

	pm_out_text(o, t < 0 ? NULL : tenths_text(t, buf, sizeof buf));
}

void
pm_out_rate(struct pm_out *o, const struct pm_rate *r)
{
	char buf[32];
	int met = pm_rate_met(r);

	pm_out_percent(o, r);
	pm_out_text(o, r->target < 0 ? NULL : pm_bp_text(r->target, buf,
	    sizeof buf));
	if (met < 0)
		pm_out_text(o, NULL);
	else
		pm_out_int(o, met);
}

/*
 * The roster.
 */

struct roster_state {
	pm_time at;
	char *department, *role;
	int retired;
};

struct roster_staff {
	char *login, *name;
	struct roster_state now;	/* as the staff table says */
	struct roster_state *hist;	/* by time; none: 'now' always */
	int nhist;
};

struct pm_roster {
	struct roster_staff *s;
	int n;
};

void
pm_roster_free(struct pm_roster *r)
{
	int i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->s[i].login);
		free(r->s[i].name);
		free(r->s[i].now.department);
		free(r->s[i].now.role);
		for (j = 0; j < r->s[i].nhist; j++) {
			free(r->s[i].hist[j].department);
			free(r->s[i].hist[j].role);
		}
		free(r->s[i].hist);
	}
	free(r->s);
	free(r);
}

static int
dup_state(struct roster_state *st, sqlite3_stmt *q, int col)
{
	const char *d = pm_col_text(q, col), *r = pm_col_text(q, col + 1);

	st->department = strdup(d != NULL ? d : "");
	st->role = strdup(r != NULL ? r : "");
	st->retired = sqlite3_column_int(q, col + 2);
	return st->department != NULL && st->role != NULL ? 0 : -1;
}

/* The staff, in login order, as they are now. */
static int
roster_staff(struct pm_db *db, struct pm_roster *r)
{
	struct roster_staff *s;
	sqlite3_stmt *st;
	int rc, cap = 0;

	st = pm_db_stmt(db, "SELECT login, name, department, role, retired"
	    " FROM staff ORDER BY login" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((s = realloc(r->s, cap * sizeof *s)) == NULL)
				break;
			r->s = s;
		}
		s = &r->s[r->n];
		memset(s, 0, sizeof *s);
		r->n++;
		if ((s->login = strdup(pm_col_text(st, 0))) == NULL ||
		    (s->name = strdup(pm_col_text(st, 1))) == NULL ||
		    dup_state(&s->now, st, 2) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read staff");
}

static int
roster_history(struct pm_db *db, struct pm_roster *r)
{
	struct roster_staff *s = NULL;
	struct roster_state *h;
	sqlite3_stmt *st;
	const char *login;
	int rc, i = 0, cap = 0;

	st = pm_db_stmt(db, "SELECT login, at, department, role, retired"
	    " FROM staff_history ORDER BY login" PM_SQL_BYTES ", at, id");
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		login = pm_col_text(st, 0);
		if (s == NULL || strcmp(s->login, login) != 0) {
			/* Both are in login order: walk along. */
			while (i < r->n && strcmp(r->s[i].login, login) < 0)
				i++;
			if (i == r->n || strcmp(r->s[i].login, login) != 0) {
				s = NULL;
				continue;
			}
			s = &r->s[i];
			cap = 0;
		}
		if (s->nhist == cap) {
			cap = cap ? cap * 2 : 4;
			if ((h = realloc(s->hist, cap * sizeof *h)) == NULL)
				break;
			s->hist = h;
		}
		h = &s->hist[s->nhist];
		memset(h, 0, sizeof *h);
		s->nhist++;
		if (pm_time_parse_utc(pm_col_text(st, 1), &h->at) != 0)
			h->at = 0;
		if (dup_state(h, st, 2) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read staff history");
}

int
pm_roster_load(struct pm_db *db, struct pm_roster **out)
{
	struct pm_roster *r;
	int rc;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((rc = roster_staff(db, r)) != 0 ||
	    (rc = roster_history(db, r)) != 0) {
		pm_roster_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int
pm_roster_count(const struct pm_roster *r)
{
	return r->n;
}

const char *
pm_roster_login(const struct pm_roster *r, int i)
{
	return r->s[i].login;
}

const char *
pm_roster_name(const struct pm_roster *r, int i)
{
	return r->s[i].name;
}

int
pm_roster_find(const struct pm_roster *r, const char *login)
{
	int lo = 0, hi = r->n - 1, mid, c;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(r->s[mid].login, login)) == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

int
pm_roster_at(const struct pm_roster *r, int i, pm_time t,
    const char **department, const char **role)
{
	const struct roster_staff *s = &r->s[i];
	const struct roster_state *st = &s->now;
	int j;

	if (s->nhist > 0) {
		for (j = s->nhist - 1; j >= 0 && s->hist[j].at > t; j--)
			;
		if (j < 0)
			return 0;
		st = &s->hist[j];
	}
	if (department != NULL)
		*department = st->department;
	if (role != NULL)
		*role = st->role;
	return !st->retired;
}

pm_time
pm_roster_since(const struct pm_roster *r, int i)
{
	const struct roster_staff *s = &r->s[i];
	int j;

	for (j = 0; j < s->nhist; j++)
		if (!s->hist[j].retired)
			return s->hist[j].at;
	return 0;
}

/*
 * Days and weeks.
 */

int
pm_weekday(pm_time t)
{
	static const int k[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	char d[PM_DATE_LEN];
	int y, m, day, w;

	pm_date_local(t, d);
	y = atoi(d);
	m = atoi(d + 5);
	day = atoi(d + 8);
	/* Sakamoto's rule: 0 is Sunday. */
	if (m < 3)
		y--;
	w = (y + y / 4 - y / 100 + y / 400 + k[m - 1] + day) % 7;
	return w == 0 ? 7 : w;
}

pm_time
pm_week_start(pm_time t)
{
	int back = pm_weekday(t) - 1;

	t = pm_day_start(t);
	/* Day by day, so a change of offset on the way is no matter. */
	while (back-- > 0)
		t = pm_day_start(t - 1);
	return t;
}

int
pm_people_period(const char *arg, const char *dflt, pm_time *from,
    pm_time *to)
{
	const char *s = arg != NULL ? arg : dflt;
	int rc;

	if ((rc = pm_period_parse(s, from, to)) != 0)
		return rc;
	if (*from > pm_now())
		return pm_err(PM_EX_DATAERR, "period %s: in the future",
		    pm_q(s));
	return 0;
}

int
pm_people_text(const char *what, const char *s, size_t max, int flags)
{
	if (s == NULL)
		return 0;
	return pm_text_check(what, s, max, flags);
}

int
pm_people_manager(struct pm_db *db, const char *why)
{
	sqlite3_stmt *st;
	int rc, manager = 0;

	st = pm_db_stmt(db, "SELECT role FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, db->user);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		manager = pm_col_text(st, 0) != NULL &&
		    strcmp(pm_col_text(st, 0), "manager") == 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pm_db_error(db, "read staff");
	if (!manager)
		return pm_err(PM_EX_NOPERM, "%s: only a manager may (%s is not "
		    "one)", _(why), pm_q(db->user));
	return 0;
}

int
pm_people_staff(struct pm_db *db, const char *login, char *canon, size_t len)
{
	sqlite3_stmt *st;
	int rc, retired = 0;

	if ((rc = pm_rec_find(db, &pm_staff_type, login, canon, len)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT retired FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, canon);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		retired = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read staff");
	if (retired)
		return pm_err(PM_EX_DATAERR, "staff %s: retired", pm_q(canon));
	return 0;
}

int
pm_people_unit(struct pm_db *db, const char *code, int household,
    char *canon, size_t len)
{
	sqlite3_stmt *st;
	int rc, retired = 0, public = 0;

	if ((rc = pm_rec_find(db, &pm_unit_type, code, canon, len)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT retired, kind = 'public' FROM units"
	    " WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, canon);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		retired = sqlite3_column_int(st, 0);
		public = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read unit");
	if (retired)
		return pm_err(PM_EX_DATAERR, "unit %s: retired unit", pm_q(canon));
	if (household && public)
		return pm_err(PM_EX_DATAERR, "unit %s: a public area, not a "
		    "household", pm_q(canon));
	return 0;
}

int
pm_people_past(const char *what, pm_time t)
{
	char buf[PM_TIME_LOCAL_LEN];

	if (t <= pm_now())
		return 0;
	return pm_err(PM_EX_DATAERR, "%s %s: in the future", _(what),
	    pm_q(pm_time_local(t, buf)));
}

char *
pm_people_join(int argc, char **argv)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	int i;

	for (i = 0; i < argc; i++)
		sqlite3_str_appendf(s, "%s%s", i > 0 ? " " : "", argv[i]);
	if (sqlite3_str_errcode(s) != SQLITE_OK) {
		sqlite3_free(sqlite3_str_finish(s));
		return NULL;
	}
	return sqlite3_str_finish(s);
}
