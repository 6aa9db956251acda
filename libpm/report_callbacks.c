/*
 * report_callbacks.c - the front desk's callback analysis of in-home
 * repairs (入户维修评价分析报告), weekly by the service plans: every
 * callback of a repair of a unit made in the period, summed by category
 * and by the worker, the answers short of "satisfied" with what the
 * owner said, and the repairs resolved in the period that were not
 * called back by its end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "kpi_ticket.h"
#include "report_priv.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define KEY_LEN 64

const struct pm_col pm_report_callback_cols[] = {
	{ N_("period"), PM_COL_TEXT, NULL },
	{ N_("ticket"), PM_COL_INT, NULL },
	{ N_("at"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("worker"), PM_COL_TEXT, NULL },
	{ N_("by"), PM_COL_TEXT, NULL },
	{ N_("satisfaction"), PM_COL_TEXT, &pm_v_satisfaction },
	{ N_("comment"), PM_COL_TEXT, NULL },
};
const int pm_report_callback_ncols = NCOLS(pm_report_callback_cols);

struct rows {
	const struct pm_period *p;
	struct pm_out *o;
};

static int
callback_row(const struct kt_cb *c, void *arg)
{
	struct rows *r = arg;

	if (!c->in_home)
		return 0;
	pm_out_text(r->o, r->p->name);
	pm_out_int(r->o, c->ticket);
	pm_rec_out_time(r->o, c->at, PM_F_TIME);
	pm_out_text(r->o, c->unit);
	pm_out_text(r->o, c->category);
	pm_out_text(r->o, c->assignee);
	pm_out_text(r->o, c->by);
	pm_out_text(r->o, c->satisfaction);
	pm_out_text(r->o, c->comment);
	pm_out_row(r->o);
	return 0;
}

int
rp_rows_callbacks(struct pm_db *db, const struct pm_period *p,
    struct pm_out *o)
{
	struct rows r = { p, o };

	return kt_each_callback(db, p, callback_row, &r);
}

/*
 * For people.
 */

enum { S_SATISFIED, S_BASIC, S_DISSATISFIED, S_N };

/* The callbacks of one category or one worker. */
struct group {
	char key[KEY_LEN];
	int64_t n[S_N];
};

struct groups {
	struct group *g;
	int n, cap;
};

struct analysis {
	struct rp_doc *d;
	const struct pm_period *p;
	struct groups cats, workers;
	int64_t all[S_N];
	struct rp_table *poor;		/* short of satisfied */
	struct rp_table *missing;	/* resolved, not called back */
	int oom;
};

static int
sat_index(const char *s)
{
	int i = pm_vocab_index(&pm_v_satisfaction, s);

	return i >= 0 && i < S_N ? i : S_DISSATISFIED;
}

static void
tally(struct analysis *a, struct groups *gs, const char *key, int s)
{
	struct group *ng;
	int i;

	if (key == NULL)
		key = "";
	for (i = 0; i < gs->n; i++)
		if (strcmp(gs->g[i].key, key) == 0)
			break;
	if (i == gs->n) {
		if (gs->n == gs->cap) {
			ng = realloc(gs->g, (gs->cap ? gs->cap * 2 : 16) *
			    sizeof *ng);
			if (ng == NULL) {
				a->oom = 1;
				return;
			}
			gs->g = ng;
			gs->cap = gs->cap ? gs->cap * 2 : 16;
		}
		memset(&gs->g[i], 0, sizeof *ng);
		snprintf(gs->g[i].key, KEY_LEN, "%s", key);
		gs->n++;
	}
	gs->g[i].n[s]++;
}

static int
analyse(const struct kt_cb *c, void *arg)
{
	struct analysis *a = arg;
	int s;

	if (!c->in_home)
		return 0;
	s = sat_index(c->satisfaction);
	a->all[s]++;
	tally(a, &a->cats, c->category, s);
	tally(a, &a->workers, c->assignee, s);
	if (s == S_SATISFIED)
		return 0;
	rp_cell_int(a->d, a->poor, c->ticket);
	rp_cell_time(a->d, a->poor, c->at, PM_F_TIME);
	rp_cell(a->d, a->poor, c->unit);
	rp_cell(a->d, a->poor, c->category);
	rp_cell(a->d, a->poor, c->assignee);
	rp_cell(a->d, a->poor, c->by);
	rp_cell(a->d, a->poor, pm_vocab_label(&pm_v_satisfaction,
	    c->satisfaction));
	rp_cell(a->d, a->poor, c->comment);
	rp_row(a->d, a->poor, s == S_DISSATISFIED);
	return 0;
}

static int
not_called_back(const struct kt *t, void *arg)
{
	struct analysis *a = arg;
	struct pm_kpi_rec r;

	if (!t->in_home || !kt_callback(t, &r) || r.num != 0)
		return 0;
	rp_cell_int(a->d, a->missing, t->id);
	rp_cell_time(a->d, a->missing, t->last_resolve, PM_F_TIME);
	rp_cell(a->d, a->missing, t->resolver);
	rp_row(a->d, a->missing, 1);
	return 0;
}

static const struct pm_col group_cols[] = {
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("callbacks"), PM_COL_INT, NULL },
	{ N_("satisfied"), PM_COL_INT, NULL },
	{ N_("basic"), PM_COL_INT, NULL },
	{ N_("dissatisfied"), PM_COL_INT, NULL },
	{ N_("satisfaction"), PM_COL_NUM, NULL },
};

static const struct pm_col worker_cols[] = {
	{ N_("worker"), PM_COL_TEXT, NULL },
	{ N_("callbacks"), PM_COL_INT, NULL },
	{ N_("satisfied"), PM_COL_INT, NULL },
	{ N_("basic"), PM_COL_INT, NULL },
	{ N_("dissatisfied"), PM_COL_INT, NULL },
	{ N_("satisfaction"), PM_COL_NUM, NULL },
};

static const struct pm_col poor_cols[] = {
	{ N_("ticket"), PM_COL_INT, NULL },
	{ N_("at"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("worker"), PM_COL_TEXT, NULL },
	{ N_("by"), PM_COL_TEXT, NULL },
	{ N_("satisfaction"), PM_COL_TEXT, NULL },
	{ N_("comment"), PM_COL_TEXT, NULL },
};

static const struct pm_col missing_cols[] = {
	{ N_("ticket"), PM_COL_INT, NULL },
	{ N_("resolved"), PM_COL_TEXT, NULL },
	{ N_("worker"), PM_COL_TEXT, NULL },
};

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->key,
	    ((const struct group *)b)->key);
}

static void
group_table(struct analysis *a, const char *title, const struct pm_col *cols,
    struct groups *gs)
{
	struct rp_table *t;
	int i;

	if (gs->n > 0)
		qsort(gs->g, gs->n, sizeof *gs->g, by_key);
	t = rp_table(a->d, title, cols, NCOLS(group_cols));
	for (i = 0; i < gs->n; i++) {
		rp_cell(a->d, t, gs->g[i].key);
		rp_cell_int(a->d, t, gs->g[i].n[0] + gs->g[i].n[1] +
		    gs->g[i].n[2]);
		rp_cell_int(a->d, t, gs->g[i].n[S_SATISFIED]);
		rp_cell_int(a->d, t, gs->g[i].n[S_BASIC]);
		rp_cell_int(a->d, t, gs->g[i].n[S_DISSATISFIED]);
		rp_cell_rate(a->d, t, gs->g[i].n[S_SATISFIED] +
		    gs->g[i].n[S_BASIC], gs->g[i].n[0] + gs->g[i].n[1] +
		    gs->g[i].n[2]);
		rp_row(a->d, t, gs->g[i].n[S_DISSATISFIED] > 0);
	}
}

int
rp_view_callbacks(struct pm_db *db, const struct pm_period *p,
    struct rp_doc *d)
{
	char rate[PM_KPI_TEXT_LEN];
	struct analysis a;
	int64_t n, good;
	int rc;

	memset(&a, 0, sizeof a);
	a.d = d;
	a.p = p;
	rp_title(d, db, N_("callback analysis of in-home repairs"), p);
	/* The lists are filled while the callbacks are read: made first. */
	a.poor = rp_table_new(d, N_("Callbacks short of satisfied"),
	    poor_cols, NCOLS(poor_cols));
	a.missing = rp_table_new(d, N_("Resolved in the period, not called "
	    "back"), missing_cols, NCOLS(missing_cols));
	if ((rc = kt_each_callback(db, p, analyse, &a)) == 0)
		rc = kt_each(db, p, not_called_back, &a);
	if (rc == 0) {
		n = a.all[0] + a.all[1] + a.all[2];
		good = a.all[S_SATISFIED] + a.all[S_BASIC];
		rp_para(d, _("%lld callbacks of in-home repairs: %lld satisfied, "
		    "%lld basically satisfied, %lld dissatisfied; satisfaction "
		    "%lld/%lld %s"), (long long)n,
		    (long long)a.all[S_SATISFIED], (long long)a.all[S_BASIC],
		    (long long)a.all[S_DISSATISFIED], (long long)good,
		    (long long)n, pm_kpi_rate(good, n, rate) != NULL ?
		    strcat(rate, "%") : "—");
		group_table(&a, N_("By category"), group_cols, &a.cats);
		group_table(&a, N_("By worker"), worker_cols, &a.workers);
	}
	rp_attach(d, a.poor);
	rp_attach(d, a.missing);
	free(a.cats.g);
	free(a.workers.g);
	if (a.oom)
		d->oom = 1;
	return rc != 0 ? rc : rp_doc_status(d);
}
