/*
 * report_appraisal.c - the appraisal (考核) of a period from the service
 * desk's facts: per staff member, the tickets received (首问), the work
 * done, the timeliness of what they received, the first-time fix and
 * the callback satisfaction of what they did; their walk visits against
 * their quota and their month-end test; how their self-checks agreed
 * with the higher levels (inspect.h, pm_inspect_selfchecks); per
 * department, the sums of its members and its training against its
 * quota; and the period's service star (服务标兵) by the rule of
 * pm-report(1).  The rules are those of the estate's figures
 * (kpi_ticket.h, kpi_people.h), so the people's figures add up to the
 * estate's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "kpi_people.h"
#include "kpi_ticket.h"
#include "money.h"
#include "report_priv.h"
#include "text.h"
#include "train.h"
#include "visit.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The least work (received and done) a service star needs. */
#define STAR_MIN 5

enum { A_RECEIVED, A_HANDLED, A_TIMELY, A_DUE, A_FIXED, A_RESOLVED,
	A_SATISFIED, A_CALLBACKS, A_N };

struct person {
	char login[KT_LOGIN];
	char *name;
	char department[KT_LOGIN];
	int retired;
	int64_t n[A_N];
	int64_t visited, owed;	/* walk visits credited, owed */
	int tests;		/* month-end tests of their department */
	int64_t score;		/* of the last, hundredths; -1 missed */
	int passed;		/* it: 1, 0 (or missed), -1 unknown */
	int64_t agreed, selfchecks;	/* self-checks not contradicted, made */
};

struct staff {
	struct person *s;	/* sorted by login */
	int n;
};

static void
staff_free(struct staff *x)
{
	int i;

	for (i = 0; i < x->n; i++)
		free(x->s[i].name);
	free(x->s);
}

static int
by_login(const void *a, const void *b)
{
	return strcmp(((const struct person *)a)->login,
	    ((const struct person *)b)->login);
}

static int
load_staff(struct pm_db *db, struct staff *x)
{
	struct person *ns;
	sqlite3_stmt *st;
	int rc, cap = 0;

	st = pm_db_stmt(db, "SELECT login, name, department, retired"
	    " FROM staff");
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (x->n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((ns = realloc(x->s, cap * sizeof *ns)) == NULL)
				break;
			x->s = ns;
		}
		memset(&x->s[x->n], 0, sizeof *ns);
		x->s[x->n].score = -1;
		x->s[x->n].passed = -1;
		snprintf(x->s[x->n].login, KT_LOGIN, "%s", pm_col_text(st, 0));
		snprintf(x->s[x->n].department, KT_LOGIN, "%s",
		    pm_col_text(st, 2));
		x->s[x->n].retired = sqlite3_column_int(st, 3);
		if ((x->s[x->n].name = strdup(pm_col_text(st, 1))) == NULL)
			break;
		x->n++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (rc != SQLITE_DONE)
		return pm_db_error(db, "read staff");
	if (x->n > 0)
		qsort(x->s, x->n, sizeof *x->s, by_login);
	return 0;
}

/* The person 'login' names, or NULL. */
static struct person *
find_person(struct staff *x, const char *login)
{
	struct person key;

	if (login == NULL || x->n == 0)
		return NULL;
	snprintf(key.login, KT_LOGIN, "%s", login);
	return bsearch(&key, x->s, x->n, sizeof *x->s, by_login);
}

/* Add 'v' to what 'login' did. */
static void
credit(struct staff *x, const char *login, int what, int64_t v)
{
	struct person *p = find_person(x, login);

	/* Work of no one on the staff list (none yet) is no one's. */
	if (p != NULL)
		p->n[what] += v;
}

static int
sum_grouped(struct pm_db *db, struct staff *x, const char *sql, int what,
    const struct pm_period *p)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		credit(x, pm_col_text(st, 0), what,
		    sqlite3_column_int64(st, 1));
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "count staff work");
	sqlite3_reset(st);
	return rc;
}

struct fold {
	struct staff *x;
	const struct pm_period *p;
};

static int
fold_ticket(const struct kt *t, void *arg)
{
	struct fold *f = arg;
	struct pm_kpi_rec r;

	/* What was received is the receiver's to see done on time. */
	if (kt_timeliness(t, f->p, &r)) {
		credit(f->x, t->receiver, A_TIMELY, r.num);
		credit(f->x, t->receiver, A_DUE, r.den);
	}
	/* Whether the work held is the worker's. */
	if (kt_first_fix(t, &r)) {
		credit(f->x, t->resolver, A_FIXED, r.num);
		credit(f->x, t->resolver, A_RESOLVED, r.den);
	}
	return 0;
}

static int
fold_callback(const struct kt_cb *c, void *arg)
{
	struct fold *f = arg;

	credit(f->x, c->assignee, A_SATISFIED, kt_satisfied(c->satisfaction));
	credit(f->x, c->assignee, A_CALLBACKS, 1);
	return 0;
}

/* A person's visits against their quota (daily and monthly summed). */
static int
fold_visits(const struct pm_visit_quota_row *r, void *arg)
{
	struct person *p = find_person(arg, r->login);

	if (p != NULL) {
		p->visited += r->credited;
		p->owed += r->owed;
	}
	return 0;
}

/* A person's month-end test: the last of their department's. */
static int
fold_test(const struct pm_train_score_row *r, void *arg)
{
	struct person *p = find_person(arg, r->login);

	if (p != NULL) {
		p->tests = r->held;
		p->score = r->score;
		p->passed = r->score < 0 ? 0 : r->passed;
	}
	return 0;
}

/* A person's self-checks, and those no higher level contradicted. */
static int
fold_selfcheck(const struct pm_inspect_selfcheck_row *r, void *arg)
{
	struct person *p = find_person(arg, r->inspector);

	if (p != NULL) {
		p->selfchecks += r->checks;
		p->agreed += r->checks - r->contradicted;
	}
	return 0;
}

static int
appraise(struct pm_db *db, const struct pm_period *p, struct staff *x)
{
	struct fold f = { x, p };
	pm_time from, to;
	int rc, short_;

	memset(x, 0, sizeof *x);
	if ((rc = load_staff(db, x)) != 0 ||
	    (rc = sum_grouped(db, x, "SELECT receiver, count(*) FROM tickets"
	    " WHERE received_at >= ?1 AND received_at < ?2"
	    " GROUP BY receiver", A_RECEIVED, p)) != 0 ||
	    (rc = sum_grouped(db, x, "SELECT assignee, count(*)"
	    " FROM ticket_events WHERE at >= ?1 AND at < ?2"
	    " AND event = 'resolve' GROUP BY assignee", A_HANDLED, p)) != 0 ||
	    (rc = kt_each(db, p, fold_ticket, &f)) != 0 ||
	    (rc = kt_each_callback(db, p, fold_callback, &f)) != 0)
		goto fail;
	kp_visit_span(p, &from, &to);
	if ((rc = pm_visit_quota(db, from, to, pm_period_as_of(p), fold_visits, x,
	    &short_)) != 0 ||
	    (rc = pm_train_scores(db, p->from, p->to, pm_period_as_of(p), fold_test,
	    x)) != 0 ||
	    (rc = pm_inspect_selfchecks(db, p->from, p->to, p->cut,
	    fold_selfcheck, x)) != 0)
		goto fail;
	return 0;
fail:
	staff_free(x);
	return rc;
}

/* Whether num/den meets 'target' (nothing to count, or none, does). */
static int
meets(int64_t num, int64_t den, int target)
{
	return den == 0 || target < 0 || num * 10000 >= (int64_t)target * den;
}

/*
 * The service star (服务标兵) of the period, the rule pm-report(1)
 * writes out: the index in x->s, or -1 for none.
 */
static int
star(struct pm_db *db, const struct pm_period *p, const struct staff *x,
    int *out)
{
	int timely, fix, sat, rc, i, best = -1;
	const int64_t *n, *b;

	*out = -1;
	if ((rc = pm_kpi_target(db, "repair_timeliness", pm_period_as_of(p),
	    &timely)) != 0 ||
	    (rc = pm_kpi_target(db, "first_time_fix", pm_period_as_of(p), &fix)) != 0 ||
	    (rc = pm_kpi_target(db, "callback_satisfaction", pm_period_as_of(p),
	    &sat)) != 0)
		return rc;
	for (i = 0; i < x->n; i++) {
		n = x->s[i].n;
		if (x->s[i].retired || n[A_RECEIVED] + n[A_HANDLED] < STAR_MIN ||
		    n[A_SATISFIED] < n[A_CALLBACKS] ||
		    !meets(n[A_TIMELY], n[A_DUE], timely) ||
		    !meets(n[A_FIXED], n[A_RESOLVED], fix) ||
		    !meets(n[A_SATISFIED], n[A_CALLBACKS], sat))
			continue;
		if (best >= 0) {
			b = x->s[best].n;
			/* Logins come sorted: an equal one stays behind. */
			if (n[A_RECEIVED] + n[A_HANDLED] != b[A_RECEIVED] +
			    b[A_HANDLED]) {
				if (n[A_RECEIVED] + n[A_HANDLED] <
				    b[A_RECEIVED] + b[A_HANDLED])
					continue;
			} else if (n[A_SATISFIED] != b[A_SATISFIED]) {
				if (n[A_SATISFIED] < b[A_SATISFIED])
					continue;
			} else if (n[A_FIXED] <= b[A_FIXED])
				continue;
		}
		best = i;
	}
	*out = best;
	return 0;
}

/* Whether a person belongs in the list: on the staff, or did something. */
static int
listed(const struct person *p)
{
	int i;

	if (!p->retired || p->owed != 0 || p->tests != 0 ||
	    p->selfchecks != 0)
		return 1;
	for (i = 0; i < A_N; i++)
		if (p->n[i] != 0)
			return 1;
	return 0;
}

/* The people in the order of their department, then their login. */
static int
by_department(const void *a, const void *b)
{
	const struct person *x = *(const struct person *const *)a;
	const struct person *y = *(const struct person *const *)b;
	int c = strcmp(x->department, y->department);

	return c != 0 ? c : strcmp(x->login, y->login);
}

static const struct person **
ordered(const struct staff *x)
{
	const struct person **o;
	int i;

	if ((o = calloc(x->n + 1, sizeof *o)) == NULL)
		return NULL;
	for (i = 0; i < x->n; i++)
		o[i] = &x->s[i];
	if (x->n > 0)
		qsort(o, x->n, sizeof *o, by_department);
	return o;
}

/* The departments: each one's members summed, in code order. */
struct dsum {
	char code[KT_LOGIN];
	char *name;
	int members;
	int64_t n[A_N];
	int64_t visited, owed;		/* its members' walk visits */
	int64_t trained, sessions;	/* its training: credited, owed */
	int64_t agreed, selfchecks;	/* its members' self-checks */
};

struct dsums {
	struct dsum *d;
	int n;
};

/* A department's training weeks, credited and owed. */
static int
fold_training(const struct pm_train_quota_row *r, void *arg)
{
	struct dsums *x = arg;
	int i;

	for (i = 0; r->department != NULL && i < x->n; i++)
		if (strcmp(x->d[i].code, r->department) == 0) {
			x->d[i].trained += r->credited;
			x->d[i].sessions += r->min;
		}
	return 0;
}

static int
departments(struct pm_db *db, const struct pm_period *p,
    const struct staff *x, struct dsum **out, int *nout)
{
	struct dsum *d = NULL, *nd;
	struct dsums ds;
	sqlite3_stmt *st;
	pm_time from, to;
	int rc, n = 0, cap = 0, i, j, k, short_;

	*out = NULL;
	*nout = 0;
	st = pm_db_stmt(db, "SELECT code, name FROM departments"
	    " ORDER BY code" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nd = realloc(d, cap * sizeof *nd)) == NULL)
				break;
			d = nd;
		}
		memset(&d[n], 0, sizeof *d);
		snprintf(d[n].code, KT_LOGIN, "%s", pm_col_text(st, 0));
		if ((d[n].name = strdup(pm_col_text(st, 1))) == NULL)
			break;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		for (i = 0; i < n; i++)
			free(d[i].name);
		free(d);
		return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE,
		    "out of memory") : pm_db_error(db, "read departments");
	}
	for (i = 0; i < x->n; i++)
		for (j = 0; j < n; j++)
			if (strcmp(x->s[i].department, d[j].code) == 0) {
				if (!x->s[i].retired)
					d[j].members++;
				for (k = 0; k < A_N; k++)
					d[j].n[k] += x->s[i].n[k];
				d[j].visited += x->s[i].visited;
				d[j].owed += x->s[i].owed;
				d[j].agreed += x->s[i].agreed;
				d[j].selfchecks += x->s[i].selfchecks;
			}
	ds.d = d;
	ds.n = n;
	if (kp_train_span(p, &from, &to) && (rc = pm_train_quota(db, from, to,
	    pm_period_as_of(p), fold_training, &ds, &short_)) != 0) {
		for (i = 0; i < n; i++)
			free(d[i].name);
		free(d);
		return rc;
	}
	*out = d;
	*nout = n;
	return 0;
}

static void
dsum_free(struct dsum *d, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(d[i].name);
	free(d);
}

/* The name of department 'code', or the code when it has none. */
static const char *
dept_name(const struct dsum *d, int n, const char *code)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(d[i].code, code) == 0)
			return d[i].name;
	return code;
}

/*
 * For programs.
 */

const struct pm_col pm_report_staff_cols[] = {
	{ N_("period"), PM_COL_TEXT, NULL },
	{ N_("staff"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("handled"), PM_COL_INT, NULL },
	{ N_("timely"), PM_COL_INT, NULL },
	{ N_("due"), PM_COL_INT, NULL },
	{ N_("fixed_first"), PM_COL_INT, NULL },
	{ N_("resolved"), PM_COL_INT, NULL },
	{ N_("satisfied"), PM_COL_INT, NULL },
	{ N_("callbacks"), PM_COL_INT, NULL },
	{ N_("star"), PM_COL_INT, NULL },
	{ N_("visits"), PM_COL_INT, NULL },
	{ N_("visits_owed"), PM_COL_INT, NULL },
	{ N_("test_score"), PM_COL_NUM, NULL },
	{ N_("test_passed"), PM_COL_INT, NULL },
	{ N_("agreed"), PM_COL_INT, NULL },
	{ N_("self_checks"), PM_COL_INT, NULL },
};
const int pm_report_staff_ncols = NCOLS(pm_report_staff_cols);

const struct pm_col pm_report_department_cols[] = {
	{ N_("period"), PM_COL_TEXT, NULL },
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("staff"), PM_COL_INT, NULL },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("handled"), PM_COL_INT, NULL },
	{ N_("timely"), PM_COL_INT, NULL },
	{ N_("due"), PM_COL_INT, NULL },
	{ N_("fixed_first"), PM_COL_INT, NULL },
	{ N_("resolved"), PM_COL_INT, NULL },
	{ N_("satisfied"), PM_COL_INT, NULL },
	{ N_("callbacks"), PM_COL_INT, NULL },
	{ N_("visits"), PM_COL_INT, NULL },
	{ N_("visits_owed"), PM_COL_INT, NULL },
	{ N_("training"), PM_COL_INT, NULL },
	{ N_("training_owed"), PM_COL_INT, NULL },
	{ N_("agreed"), PM_COL_INT, NULL },
	{ N_("self_checks"), PM_COL_INT, NULL },
};
const int pm_report_department_ncols = NCOLS(pm_report_department_cols);

static void
out_counts(struct pm_out *o, const int64_t *n)
{
	int i;

	for (i = 0; i < A_N; i++)
		pm_out_int(o, n[i]);
}

/* A test's score, "85.00", or empty when none was sat. */
static void
out_test(struct pm_out *o, const struct person *p)
{
	char buf[PM_MONEY_LEN];

	pm_out_text(o, p->tests > 0 && p->score >= 0 ?
	    pm_hundredths_fmt(p->score, buf) : NULL);
	if (p->tests > 0 && p->passed >= 0)
		pm_out_int(o, p->passed);
	else
		pm_out_text(o, NULL);
}

int
rp_rows_appraisal(struct pm_db *db, const struct pm_period *p, int by_staff,
    struct pm_out *o)
{
	const struct person **ord = NULL;
	struct dsum *d;
	struct staff x;
	int rc, i, best, nd;

	if ((rc = appraise(db, p, &x)) != 0)
		return rc;
	if (by_staff) {
		if ((rc = star(db, p, &x, &best)) == 0 && (ord = ordered(&x)) ==
		    NULL)
			rc = pm_err(PM_EX_SOFTWARE, "out of memory");
		for (i = 0; rc == 0 && i < x.n; i++) {
			if (!listed(ord[i]))
				continue;
			pm_out_text(o, p->name);
			pm_out_text(o, ord[i]->login);
			pm_out_text(o, ord[i]->name);
			pm_out_text(o, ord[i]->department);
			out_counts(o, ord[i]->n);
			pm_out_int(o, best >= 0 && ord[i] == &x.s[best]);
			pm_out_int(o, ord[i]->visited);
			pm_out_int(o, ord[i]->owed);
			out_test(o, ord[i]);
			pm_out_int(o, ord[i]->agreed);
			pm_out_int(o, ord[i]->selfchecks);
			pm_out_row(o);
		}
		free(ord);
	} else if ((rc = departments(db, p, &x, &d, &nd)) == 0) {
		for (i = 0; i < nd; i++) {
			pm_out_text(o, p->name);
			pm_out_text(o, d[i].code);
			pm_out_text(o, d[i].name);
			pm_out_int(o, d[i].members);
			out_counts(o, d[i].n);
			pm_out_int(o, d[i].visited);
			pm_out_int(o, d[i].owed);
			pm_out_int(o, d[i].trained);
			pm_out_int(o, d[i].sessions);
			pm_out_int(o, d[i].agreed);
			pm_out_int(o, d[i].selfchecks);
			pm_out_row(o);
		}
		dsum_free(d, nd);
	}
	staff_free(&x);
	return rc;
}

/*
 * For people.
 */

static const struct pm_col staff_cols[] = {
	{ N_("login"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("handled"), PM_COL_INT, NULL },
	{ N_("timeliness"), PM_COL_NUM, NULL },
	{ N_("first-time fix"), PM_COL_NUM, NULL },
	{ N_("callback satisfaction"), PM_COL_NUM, NULL },
	{ N_("walk visits"), PM_COL_NUM, NULL },
	{ N_("month-end test"), PM_COL_NUM, NULL },
	{ N_("star"), PM_COL_TEXT, NULL },
	{ N_("self-checks agreed"), PM_COL_NUM, NULL },
};

static const struct pm_col dept_cols[] = {
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("staff"), PM_COL_INT, NULL },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("handled"), PM_COL_INT, NULL },
	{ N_("timeliness"), PM_COL_NUM, NULL },
	{ N_("first-time fix"), PM_COL_NUM, NULL },
	{ N_("callback satisfaction"), PM_COL_NUM, NULL },
	{ N_("walk visits"), PM_COL_NUM, NULL },
	{ N_("training"), PM_COL_NUM, NULL },
	{ N_("self-checks agreed"), PM_COL_NUM, NULL },
};

/* "3/4 75.0%", or "—" when there is nothing to count. */
static void
cell_fig(struct rp_doc *d, struct rp_table *t, int64_t num, int64_t den)
{
	char buf[PM_KPI_TEXT_LEN];

	if (pm_kpi_rate(num, den, buf) == NULL)
		rp_cell(d, t, "—");
	else
		rp_cellf(d, t, "%lld/%lld %s%%", (long long)num,
		    (long long)den, buf);
}

/* "85.00", "missed", or "—" when their department held no test. */
static void
cell_test(struct rp_doc *d, struct rp_table *t, const struct person *p)
{
	char buf[PM_MONEY_LEN];

	if (p->tests == 0)
		rp_cell(d, t, "—");
	else if (p->score < 0)
		rp_cell(d, t, _("missed"));
	else
		rp_cellf(d, t, "%s%s", pm_hundredths_fmt(p->score, buf),
		    p->passed == 0 ? " ✗" : "");
}

static void
cell_rates(struct rp_doc *d, struct rp_table *t, const int64_t *n)
{
	cell_fig(d, t, n[A_TIMELY], n[A_DUE]);
	cell_fig(d, t, n[A_FIXED], n[A_RESOLVED]);
	cell_fig(d, t, n[A_SATISFIED], n[A_CALLBACKS]);
}

int
rp_view_appraisal(struct pm_db *db, const struct pm_period *p, int by_staff,
    struct rp_doc *d)
{
	const struct person **ord = NULL;
	struct rp_table *t;
	struct dsum *ds;
	struct staff x;
	int rc, i, best, nd;

	rp_title(d, db, by_staff ? N_("appraisal by staff") :
	    N_("appraisal by department"), p);
	if ((rc = appraise(db, p, &x)) != 0)
		return rc;
	if (!by_staff) {
		if ((rc = departments(db, p, &x, &ds, &nd)) == 0) {
			t = rp_table(d, N_("Departments"), dept_cols,
			    NCOLS(dept_cols));
			for (i = 0; i < nd; i++) {
				rp_cell(d, t, ds[i].name);
				rp_cell_int(d, t, ds[i].members);
				rp_cell_int(d, t, ds[i].n[A_RECEIVED]);
				rp_cell_int(d, t, ds[i].n[A_HANDLED]);
				cell_rates(d, t, ds[i].n);
				cell_fig(d, t, ds[i].visited, ds[i].owed);
				cell_fig(d, t, ds[i].trained, ds[i].sessions);
				cell_fig(d, t, ds[i].agreed, ds[i].selfchecks);
				rp_row(d, t, 0);
			}
			dsum_free(ds, nd);
		}
		staff_free(&x);
		return rc != 0 ? rc : rp_doc_status(d);
	}
	if ((rc = star(db, p, &x, &best)) == 0 && (ord = ordered(&x)) == NULL)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	/* People read the department's name. */
	if (rc == 0)
		rc = departments(db, p, &x, &ds, &nd);
	if (rc == 0) {
		if (best >= 0)
			rp_para(d, _("Service star: %s (%s), %lld received and "
			    "%lld handled"), x.s[best].name, x.s[best].login,
			    (long long)x.s[best].n[A_RECEIVED],
			    (long long)x.s[best].n[A_HANDLED]);
		else
			rp_para(d, "%s", _("Service star: none (no one meets "
			    "the rule)"));
		t = rp_table(d, N_("Staff"), staff_cols, NCOLS(staff_cols));
		for (i = 0; i < x.n; i++) {
			if (!listed(ord[i]))
				continue;
			rp_cell(d, t, ord[i]->login);
			rp_cell(d, t, ord[i]->name);
			rp_cell(d, t, dept_name(ds, nd, ord[i]->department));
			rp_cell_int(d, t, ord[i]->n[A_RECEIVED]);
			rp_cell_int(d, t, ord[i]->n[A_HANDLED]);
			cell_rates(d, t, ord[i]->n);
			cell_fig(d, t, ord[i]->visited, ord[i]->owed);
			cell_test(d, t, ord[i]);
			rp_cell(d, t, best >= 0 && ord[i] == &x.s[best] ?
			    "★" : "");
			cell_fig(d, t, ord[i]->agreed, ord[i]->selfchecks);
			rp_row(d, t, 0);
		}
		dsum_free(ds, nd);
	}
	free(ord);
	staff_free(&x);
	return rc != 0 ? rc : rp_doc_status(d);
}
