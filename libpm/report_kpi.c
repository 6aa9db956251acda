/*
 * report_kpi.c - the report of a period: every figure the sources count
 * against its target, the tickets' counts by kind and by department, and
 * the lists a manager acts on (what was overdue at the period's end, the
 * level 1 events), all as of the period's end; for programs, one row per
 * figure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "report_priv.h"
#include "text.h"
#include "ticket.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct pm_col pm_report_kpi_cols[] = {
	{ N_("period"), PM_COL_TEXT, NULL },
	{ N_("kpi"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("numerator"), PM_COL_NUM, NULL },
	{ N_("denominator"), PM_COL_NUM, NULL },
	{ N_("rate"), PM_COL_NUM, NULL },
	{ N_("target"), PM_COL_NUM, NULL },
	{ N_("met"), PM_COL_INT, NULL },
};
const int pm_report_kpi_ncols = NCOLS(pm_report_kpi_cols);

/* The figures of a period, kept: the report shows them twice. */
struct figs {
	struct pm_kpi_fig *f;
	int n, cap;
};

static void
figs_free(struct figs *s)
{
	int i;

	for (i = 0; i < s->n; i++) {
		free((char *)s->f[i].kpi);
		free((char *)s->f[i].label);
	}
	free(s->f);
	memset(s, 0, sizeof *s);
}

static int
keep_fig(const struct pm_kpi_fig *f, void *arg)
{
	struct figs *s = arg;
	struct pm_kpi_fig *nf;

	if (s->n == s->cap) {
		nf = realloc(s->f, (s->cap ? s->cap * 2 : 16) * sizeof *nf);
		if (nf == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		s->f = nf;
		s->cap = s->cap ? s->cap * 2 : 16;
	}
	/* A key and a label may be the database's (a survey line's). */
	s->f[s->n] = *f;
	s->f[s->n].label = NULL;
	if ((s->f[s->n].kpi = strdup(f->kpi)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	s->n++;
	if (f->label != NULL && (s->f[s->n - 1].label = strdup(f->label)) ==
	    NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return 0;
}

static int
count_figs(struct pm_db *db, const struct pm_period *p, struct figs *s)
{
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = pm_kpi_count(db, p, keep_fig, s)) != 0)
		figs_free(s);
	return rc;
}

/*
 * For programs.
 */

int
rp_rows_kpi(struct pm_db *db, const struct pm_period *p, struct pm_out *o,
    int *missed)
{
	char a[PM_KPI_TEXT_LEN], b[PM_KPI_TEXT_LEN], r[PM_KPI_TEXT_LEN];
	char t[PM_KPI_TEXT_LEN];
	struct figs s;
	int i, rc;

	if ((rc = count_figs(db, p, &s)) != 0)
		return rc;
	for (i = 0; i < s.n; i++) {
		pm_out_text(o, p->name);
		pm_out_text(o, s.f[i].kpi);
		pm_out_text(o, pm_kpi_unit_name(s.f[i].unit));
		pm_out_text(o, pm_kpi_amount(s.f[i].unit, s.f[i].num, a));
		pm_out_text(o, pm_kpi_amount(s.f[i].unit, s.f[i].den, b));
		pm_out_text(o, pm_kpi_rate(s.f[i].num, s.f[i].den, r));
		pm_out_text(o, pm_kpi_percent(s.f[i].target, t));
		if (s.f[i].den > 0 && s.f[i].target >= 0)
			pm_out_int(o, !pm_kpi_misses(&s.f[i]));
		else
			pm_out_text(o, NULL);
		pm_out_row(o);
		*missed += pm_kpi_misses(&s.f[i]);
	}
	figs_free(&s);
	return 0;
}

/*
 * For people.
 */

static const struct pm_col fig_cols[] = {
	{ N_("kpi"), PM_COL_TEXT, NULL },
	{ N_("figure"), PM_COL_NUM, NULL },
	{ N_("rate"), PM_COL_NUM, NULL },
	{ N_("target"), PM_COL_NUM, NULL },
	{ N_("miss"), PM_COL_TEXT, NULL },
};

static void
fig_table(struct rp_doc *d, const struct figs *s, int *missed)
{
	char buf[PM_KPI_TEXT_LEN], lb[PM_KPI_TEXT_LEN];
	struct rp_table *t;
	int i, miss;

	t = rp_table(d, N_("KPIs"), fig_cols, NCOLS(fig_cols));
	for (i = 0; i < s->n; i++) {
		miss = pm_kpi_misses(&s->f[i]);
		rp_cell(d, t, pm_kpi_label(&s->f[i], lb));
		rp_cell(d, t, pm_kpi_figure(&s->f[i], buf));
		rp_cell_rate(d, t, s->f[i].num, s->f[i].den);
		if (pm_kpi_percent(s->f[i].target, buf) != NULL)
			rp_cellf(d, t, "%s%%", buf);
		else
			rp_cell(d, t, "—");
		rp_cell(d, t, miss ? "✗" : "");
		rp_row(d, t, miss);
		*missed += miss;
	}
}

/* The figures of the last RP_TREND periods, the report's own last. */
static int
trend(struct pm_db *db, const struct pm_period *p, const struct figs *now,
    struct rp_doc *d)
{
	char lb[PM_KPI_TEXT_LEN];
	struct pm_period q = *p;
	struct rp_chart *c;
	struct figs s;
	int i, j, k, rc;

	if ((c = rp_chart(d, now->n)) == NULL)
		return rp_doc_status(d);
	for (i = 0; i < now->n; i++) {
		c->targets[i] = now->f[i].target;
		if ((c->labels[i] = strdup(pm_kpi_label(&now->f[i], lb))) ==
		    NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	for (k = RP_TREND - 1; k >= 0; k--) {
		memcpy(c->periods[k], q.name, sizeof q.name);
		if (k == RP_TREND - 1)
			s = *now;
		else if ((rc = count_figs(db, &q, &s)) != 0)
			return rc;
		/* A figure is matched by its key: sources may come and go. */
		for (i = 0; i < now->n; i++)
			for (j = 0; j < s.n; j++)
				if (strcmp(s.f[j].kpi, now->f[i].kpi) == 0 &&
				    (s.f[j].label == NULL) == (now->f[i].label ==
				    NULL) && (s.f[j].label == NULL ||
				    strcmp(s.f[j].label, now->f[i].label) == 0)) {
					c->trend[i][k].num = s.f[j].num;
					c->trend[i][k].den = s.f[j].den;
				}
		if (k != RP_TREND - 1)
			figs_free(&s);
		pm_period_prev(&q);
	}
	return 0;
}

/*
 * The counts behind the other sources' figures (inspections, fees,
 * visits, training), one row each.
 */

static const struct pm_col tally_cols[] = {
	{ N_("count"), PM_COL_TEXT, NULL },
	{ N_("value"), PM_COL_NUM, NULL },
};

struct tallies {
	struct rp_doc *d;
	struct rp_table *t;
};

static int
tally_row(const struct pm_kpi_tally *c, void *arg)
{
	char buf[PM_KPI_TEXT_LEN];
	struct tallies *x = arg;

	rp_cell(x->d, x->t, _(c->label));
	rp_cell(x->d, x->t, pm_kpi_amount(c->unit, c->n, buf));
	rp_row(x->d, x->t, 0);
	return 0;
}

static int
tally_table(struct pm_db *db, const struct pm_period *p, struct rp_doc *d)
{
	struct tallies x;

	x.d = d;
	x.t = rp_table(d, N_("Counts"), tally_cols, NCOLS(tally_cols));
	return pm_kpi_tallies(db, p, tally_row, &x);
}

/*
 * The sources' lists (overdue maintenance, quotas missed): a table
 * each, in the order of the sources, "(none)" when it is empty.
 */

static const struct pm_col item_cols[] = {
	{ N_("record"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("done"), PM_COL_INT, NULL },
	{ N_("owed"), PM_COL_INT, NULL },
	{ N_("due"), PM_COL_TEXT, NULL },
	{ N_("last"), PM_COL_TEXT, NULL },
};

/* A list of money owed (PM_KPI_LIST_OWING). */
static const struct pm_col owing_cols[] = {
	{ N_("record"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("months owed"), PM_COL_INT, NULL },
	{ N_("amount"), PM_COL_NUM, NULL },
	{ N_("oldest"), PM_COL_TEXT, NULL },
};

struct lists {
	struct rp_doc *d;
	const char *const *titles;	/* the source's */
	const enum pm_kpi_list_kind *kinds;	/* the source's, or NULL */
	struct rp_table **t;		/* one each */
};

static void
cell_count(struct rp_doc *d, struct rp_table *t, int64_t n)
{
	if (n < 0)
		rp_cell(d, t, "");
	else
		rp_cell_int(d, t, n);
}

static enum pm_kpi_list_kind
kind_of(const enum pm_kpi_list_kind *kinds, int i)
{
	return kinds != NULL ? kinds[i] : PM_KPI_LIST_WORK;
}

static int
item_row(const struct pm_kpi_item *it, void *arg)
{
	char buf[PM_KPI_TEXT_LEN];
	struct lists *x = arg;
	struct rp_table *t = NULL;
	int i, owing = 0;

	for (i = 0; x->titles[i] != NULL && t == NULL; i++)
		if (x->titles[i] == it->list) {
			t = x->t[i];
			owing = kind_of(x->kinds, i) == PM_KPI_LIST_OWING;
		}
	if (t == NULL)
		return pm_err(PM_EX_SOFTWARE, "report: no list %s",
		    pm_q(it->list));
	rp_cell(x->d, t, it->record);
	rp_cell(x->d, t, it->what);
	if (owing) {
		cell_count(x->d, t, it->months);
		rp_cell(x->d, t, pm_kpi_amount(PM_KPI_FEN, it->amount, buf));
		rp_cell(x->d, t, it->oldest);
	} else {
		cell_count(x->d, t, it->done);
		cell_count(x->d, t, it->owed);
		rp_cell_time(x->d, t, it->due, PM_F_DEADLINE);
		rp_cell_time(x->d, t, it->last, PM_F_TIME);
	}
	rp_row(x->d, t, 1);
	return 0;
}

static int
list_tables(struct pm_db *db, const struct pm_period *p, struct rp_doc *d)
{
	const struct pm_kpi_source *s;
	struct rp_table *t[8];
	struct lists x;
	int i, j, rc;

	x.d = d;
	x.t = t;
	for (i = 0; pm_kpi_sources[i] != NULL; i++) {
		s = pm_kpi_sources[i];
		if (s->lists == NULL || s->items == NULL)
			continue;
		for (j = 0; s->lists[j] != NULL; j++) {
			if (j == 8)
				return pm_err(PM_EX_SOFTWARE, "report: %s: "
				    "more than 8 lists", s->name);
			if (kind_of(s->kinds, j) == PM_KPI_LIST_OWING)
				t[j] = rp_table(d, s->lists[j], owing_cols,
				    NCOLS(owing_cols));
			else
				t[j] = rp_table(d, s->lists[j], item_cols,
				    NCOLS(item_cols));
		}
		x.titles = s->lists;
		x.kinds = s->kinds;
		if ((rc = s->items(db, p, item_row, &x)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The counts: tickets received, resolved and cancelled in the period,
 * and unresolved and overdue at its end, by kind and by the department
 * of their category.
 */

enum { C_RECEIVED, C_RESOLVED, C_CANCELLED, C_UNRESOLVED, C_OVERDUE, C_N };

#define NKINDS 4

struct dept {
	char code[64];
	char *name;
	int64_t n[C_N];
};

struct cat {
	char code[64];
	int dept;		/* index in counts.depts, or the last: none */
};

/* A ticket overdue at the period's end. */
struct late {
	int64_t id;
	pm_time received, due;
	enum pm_ticket_due k;
	char *kind, *category, *unit, *receiver, *assignee;
};

struct counts {
	const struct pm_period *p;
	pm_time at;		/* the end, or now while it runs */
	int64_t kinds[NKINDS + 1][C_N];
	struct dept *depts;	/* and one for "no department" */
	int ndepts;
	struct cat *cats;
	int ncats;
	struct late *late;
	size_t nlate, caplate;
};

static void
counts_free(struct counts *c)
{
	size_t i;
	int j;

	for (j = 0; j <= c->ndepts && c->depts != NULL; j++)
		free(c->depts[j].name);
	free(c->depts);
	free(c->cats);
	for (i = 0; i < c->nlate; i++) {
		free(c->late[i].kind);
		free(c->late[i].category);
		free(c->late[i].unit);
		free(c->late[i].receiver);
		free(c->late[i].assignee);
	}
	free(c->late);
}

static int
load_depts(struct pm_db *db, struct counts *c)
{
	sqlite3_stmt *st;
	struct dept *nd;
	struct cat *nc;
	const char *dep;
	int rc, cap = 0, i;

	st = pm_db_stmt(db, "SELECT code, name FROM departments"
	    " ORDER BY code" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->ndepts + 1 >= cap) {
			cap = cap ? cap * 2 : 8;
			if ((nd = realloc(c->depts, cap * sizeof *nd)) == NULL)
				break;
			c->depts = nd;
		}
		memset(&c->depts[c->ndepts], 0, sizeof *nd);
		snprintf(c->depts[c->ndepts].code, sizeof nd->code, "%s",
		    pm_col_text(st, 0));
		if ((c->depts[c->ndepts].name = strdup(pm_col_text(st, 1))) ==
		    NULL)
			break;
		c->ndepts++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW || (c->depts == NULL && (c->depts = calloc(1,
	    sizeof *c->depts)) == NULL))
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (rc != SQLITE_DONE)
		return pm_db_error(db, "read departments");
	memset(&c->depts[c->ndepts], 0, sizeof *c->depts);
	st = pm_db_stmt(db, "SELECT code, department FROM categories"
	    " ORDER BY code" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->ncats == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nc = realloc(c->cats, cap * sizeof *nc)) == NULL)
				break;
			c->cats = nc;
		}
		snprintf(c->cats[c->ncats].code, sizeof nc->code, "%s",
		    pm_col_text(st, 0));
		dep = pm_col_text(st, 1);
		for (i = 0; i < c->ndepts; i++)
			if (dep != NULL && strcmp(c->depts[i].code, dep) == 0)
				break;
		c->cats[c->ncats++].dept = i;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return rc == SQLITE_DONE ? 0 : pm_db_error(db, "read categories");
}

static int
by_code(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cat *)elem)->code);
}

static void
add(struct counts *c, const char *kind, const char *category, int what,
    int64_t n)
{
	const struct cat *k;
	int i = pm_vocab_index(&pm_v_ticket_kind, kind);

	if (i >= 0 && i < NKINDS)
		c->kinds[i][what] += n;
	c->kinds[NKINDS][what] += n;
	k = category != NULL && c->ncats > 0 ? bsearch(category, c->cats,
	    c->ncats, sizeof *c->cats, by_code) : NULL;
	c->depts[k != NULL ? k->dept : c->ndepts].n[what] += n;
}

static char *
copy_text(const char *s, int *oom)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = 1;
	return d;
}

static int
count_unresolved(const struct pm_ticket *t, void *arg)
{
	struct counts *c = arg;
	struct late *nl, *l;
	enum pm_ticket_due k = PM_DUE_COMPLETION;
	pm_time due;
	int oom = 0;

	add(c, t->kind, t->category, C_UNRESOLVED, 1);
	if ((due = pm_ticket_overdue(t, c->at, &k)) == 0)
		return 0;
	add(c, t->kind, t->category, C_OVERDUE, 1);
	if (c->nlate == c->caplate) {
		nl = realloc(c->late, (c->caplate ? c->caplate * 2 : 32) *
		    sizeof *nl);
		if (nl == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		c->late = nl;
		c->caplate = c->caplate ? c->caplate * 2 : 32;
	}
	l = &c->late[c->nlate++];
	memset(l, 0, sizeof *l);
	l->id = t->id;
	l->received = t->received;
	l->due = due;
	l->k = k;
	l->kind = copy_text(t->kind, &oom);
	l->category = copy_text(t->category, &oom);
	l->unit = copy_text(t->unit, &oom);
	l->receiver = copy_text(t->receiver, &oom);
	l->assignee = copy_text(t->assignee, &oom);
	return oom ? pm_err(PM_EX_SOFTWARE, "out of memory") : 0;
}

static int
count_tickets(struct pm_db *db, const struct pm_period *p, struct counts *c)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	const char *ev;
	pm_time now = pm_now();
	int rc;

	c->p = p;
	c->at = now < p->to ? now : p->to;
	if ((rc = load_depts(db, c)) != 0)
		return rc;
	pm_time_utc(p->from, f);
	pm_time_utc(p->cut, cut);
	st = pm_db_stmt(db, "SELECT kind, category, count(*) FROM tickets"
	    " WHERE received_at >= ?1 AND received_at < ?2"
	    " GROUP BY kind, category");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, f);
	pm_bind_text(st, 2, cut);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add(c, pm_col_text(st, 0), pm_col_text(st, 1), C_RECEIVED,
		    sqlite3_column_int64(st, 2));
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "count tickets");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT t.kind, t.category, e.event, count(*)"
	    " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
	    " WHERE e.at >= ?1 AND e.at < ?2"
	    " AND (e.event = 'resolve' OR e.event = 'cancel')"
	    " GROUP BY t.kind, t.category, e.event");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, f);
	pm_bind_text(st, 2, cut);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ev = pm_col_text(st, 2);
		add(c, pm_col_text(st, 0), pm_col_text(st, 1),
		    strcmp(ev, "resolve") == 0 ? C_RESOLVED : C_CANCELLED,
		    sqlite3_column_int64(st, 3));
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "count ticket events");
	sqlite3_reset(st);
	if (rc != 0)
		return rc;
	return pm_ticket_each_unresolved(db, c->at, p->to, count_unresolved,
	    c);
}

static const struct pm_col kind_cols[] = {
	{ N_("kind"), PM_COL_TEXT, NULL },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("resolved"), PM_COL_INT, NULL },
	{ N_("cancelled"), PM_COL_INT, NULL },
	{ N_("unresolved"), PM_COL_INT, NULL },
	{ N_("overdue"), PM_COL_INT, NULL },
};

static const struct pm_col dept_cols[] = {
	{ N_("department"), PM_COL_TEXT, NULL },
	{ N_("received"), PM_COL_INT, NULL },
	{ N_("resolved"), PM_COL_INT, NULL },
	{ N_("cancelled"), PM_COL_INT, NULL },
	{ N_("unresolved"), PM_COL_INT, NULL },
	{ N_("overdue"), PM_COL_INT, NULL },
};

static const struct pm_col late_cols[] = {
	{ N_("id"), PM_COL_INT, NULL },
	{ N_("received"), PM_COL_TEXT, NULL },
	{ N_("kind"), PM_COL_TEXT, NULL },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("receiver"), PM_COL_TEXT, NULL },
	{ N_("assignee"), PM_COL_TEXT, NULL },
	{ N_("deadline"), PM_COL_TEXT, NULL },
	{ N_("due"), PM_COL_TEXT, NULL },
	{ N_("overdue"), PM_COL_INT, NULL },
};

static void
count_row(struct rp_doc *d, struct rp_table *t, const char *name,
    const int64_t *n)
{
	int i;

	rp_cell(d, t, name);
	for (i = 0; i < C_N; i++)
		rp_cell_int(d, t, n[i]);
	rp_row(d, t, 0);
}

static void
count_tables(struct rp_doc *d, const struct counts *c)
{
	struct rp_table *t;
	int k;

	t = rp_table(d, N_("Tickets by kind"), kind_cols, NCOLS(kind_cols));
	for (k = 0; k <= NKINDS; k++)
		count_row(d, t, pm_vocab_label(&pm_v_ticket_kind,
		    pm_vocab_id(&pm_v_ticket_kind, k)), c->kinds[k]);
	t = rp_table(d, N_("Tickets by department"), dept_cols,
	    NCOLS(dept_cols));
	for (k = 0; k <= c->ndepts; k++)
		if (k < c->ndepts || c->depts[k].n[C_RECEIVED] != 0 ||
		    c->depts[k].n[C_RESOLVED] != 0 ||
		    c->depts[k].n[C_CANCELLED] != 0 ||
		    c->depts[k].n[C_UNRESOLVED] != 0)
			count_row(d, t, k < c->ndepts ? c->depts[k].name :
			    _("(no department)"), c->depts[k].n);
}

/* The tickets overdue at the period's end. */
static void
late_table(struct rp_doc *d, const struct counts *c)
{
	struct rp_table *t;
	const struct late *l;
	size_t i;

	t = rp_table(d, N_("Overdue at the end of the period"), late_cols,
	    NCOLS(late_cols));
	for (i = 0; i < c->nlate; i++) {
		l = &c->late[i];
		rp_cell_int(d, t, l->id);
		rp_cell_time(d, t, l->received, PM_F_TIME);
		rp_cell(d, t, pm_vocab_label(&pm_v_ticket_kind, l->kind));
		rp_cell(d, t, l->category);
		rp_cell(d, t, l->unit);
		rp_cell(d, t, l->receiver);
		rp_cell(d, t, l->assignee);
		rp_cell(d, t, pm_vocab_label(&pm_v_deadline,
		    pm_ticket_due_name(l->k)));
		rp_cell_time(d, t, l->due, PM_F_DEADLINE);
		rp_cell_duration(d, t, c->at - l->due);
		rp_row(d, t, 1);
	}
}

/*
 * Level 1 events (一级信息): tickets received at level 1 or escalated to
 * it in the period, whether the manager was told in time, and where
 * each stood at the period's end.
 */

static const struct pm_col level1_cols[] = {
	{ N_("id"), PM_COL_INT, NULL },
	{ N_("at"), PM_COL_TEXT, NULL },
	{ N_("event"), PM_COL_TEXT, NULL },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("notice_due"), PM_COL_TEXT, NULL },
	{ N_("noticed_at"), PM_COL_TEXT, NULL },
	{ N_("status"), PM_COL_TEXT, NULL },
	{ N_("reason"), PM_COL_TEXT, NULL },
};

static int
level1_table(struct pm_db *db, const struct pm_period *p, struct rp_doc *d)
{
	char f[PM_TIME_UTC_LEN], cut[PM_TIME_UTC_LEN];
	struct rp_table *t;
	sqlite3_stmt *st;
	pm_time due, met;
	int rc;

	st = pm_db_stmt(db, "SELECT e.ticket_id, e.at, e.event, e.notice_due,"
	    " t.category, t.unit,"
	    " CASE WHEN e.event = 'add' THEN t.first_level_reason"
	    "  ELSE e.detail END,"
	    " (SELECT min(n.at) FROM ticket_events n"
	    "  WHERE n.ticket_id = e.ticket_id AND n.at >= e.at AND n.at < ?2"
	    "  AND instr(',' || n.meets || ',', ',notice,') > 0),"
	    " (SELECT s.status FROM ticket_events s"
	    "  WHERE s.ticket_id = e.ticket_id AND s.at < ?2"
	    "  ORDER BY s.at DESC, s.id DESC LIMIT 1)"
	    " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
	    " WHERE e.level = 1 AND (e.event = 'add' OR e.event = 'escalate')"
	    " AND e.at >= ?1 AND e.at < ?2 ORDER BY e.at, e.id");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(p->from, f));
	pm_bind_text(st, 2, pm_time_utc(p->cut, cut));
	t = rp_table(d, N_("Level 1 events"), level1_cols,
	    NCOLS(level1_cols));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		due = pm_kpi_col_time(st, 3);
		met = pm_kpi_col_time(st, 7);
		rp_cell_int(d, t, sqlite3_column_int64(st, 0));
		rp_cell_time(d, t, pm_kpi_col_time(st, 1), PM_F_TIME);
		rp_cell(d, t, pm_vocab_label(&pm_v_event, pm_col_text(st, 2)));
		rp_cell(d, t, pm_col_text(st, 4));
		rp_cell(d, t, pm_col_text(st, 5));
		rp_cell_time(d, t, due, PM_F_DEADLINE);
		rp_cell_time(d, t, met, PM_F_TIME);
		rp_cell(d, t, pm_vocab_label(&pm_v_ticket_status,
		    pm_col_text(st, 8)));
		rp_cell(d, t, pm_col_text(st, 6));
		/* Told late, or not told once the deadline had passed. */
		rp_row(d, t, due != 0 && (met != 0 ? met > due : due < p->cut));
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read level 1 events");
	sqlite3_reset(st);
	return rc;
}

int
rp_view_kpi(struct pm_db *db, const struct pm_period *p, int charts,
    struct rp_doc *d, int *missed)
{
	struct counts c;
	struct figs s;
	int rc;

	rp_title(d, db, NULL, p);
	if ((rc = count_figs(db, p, &s)) != 0)
		return rc;
	fig_table(d, &s, missed);
	if (charts && (rc = trend(db, p, &s, d)) != 0) {
		figs_free(&s);
		return rc;
	}
	figs_free(&s);
	memset(&c, 0, sizeof c);
	if ((rc = count_tickets(db, p, &c)) == 0) {
		count_tables(d, &c);
		if ((rc = tally_table(db, p, d)) == 0) {
			late_table(d, &c);
			if ((rc = level1_table(db, p, d)) == 0)
				rc = list_tables(db, p, d);
		}
	}
	counts_free(&c);
	return rc != 0 ? rc : rp_doc_status(d);
}
