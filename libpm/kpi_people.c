/*
 * kpi_people.c - the people side's figures (DESIGN.md section 6): owner
 * satisfaction (业主满意度) overall and one figure per service line of
 * the surveys, walk visits (走访) and training (培训) against their
 * quotas; the counts behind them and the quotas missed (pm-report(1)).
 *
 * The figures are the people tools' own, as of the cut: pm_visit_quota()
 * (visit.h), pm_train_quota() (train.h), pm_survey_period() (survey.h),
 * each of which reads the versions of its records recorded by a moment
 * (people.h).  Their rows are the records explain lists: a person's
 * quota, a department's week; a survey's answers are read here, with
 * the rule pm_survey_period() counts them by.
 *
 * Surveys are quarterly: a quarter or a year counts the rounds of its
 * quarters; a shorter period counts the round of the quarter holding
 * it, with the answers recorded by its cut.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "kpi_people.h"
#include "people.h"
#include "survey.h"
#include "text.h"
#include "train.h"
#include "visit.h"

#define SAT "owner_satisfaction"
/* A line's figure: "owner_satisfaction.repairs". */
#define SAT_LINE SAT "."
#define MAX_LINES 64
#define CODE_LEN 64
#define NAME_LEN 160

static const char *const people_kpis[] = {
	SAT, "walk_visits", "training", NULL
};

/* The surveys' span: [from, to) of the rounds counted. */
static void
survey_span(const struct pm_period *p, pm_time *from, pm_time *to)
{
	if (p->kind == PM_PERIOD_QUARTER || p->kind == PM_PERIOD_YEAR) {
		*from = p->from;
		*to = p->to;
	} else
		pm_period_of(PM_PERIOD_QUARTER, p->from, from, to);
}

/*
 * A quota is judged once its day, week or month has ended: while a
 * period runs, its quotas count up to the start of today.
 */
static pm_time
judged_to(const struct pm_period *p)
{
	pm_time today;

	if (!p->running)
		return p->to;
	today = pm_day_start(p->cut - 1);
	return today < p->to ? today : p->to;
}

void
kp_visit_span(const struct pm_period *p, pm_time *from, pm_time *to)
{
	*from = p->from;
	*to = judged_to(p);
	if (*to < *from)
		*to = *from;
}

/*
 * The training weeks' span, for pm_train_quota(), which counts the weeks
 * whose Monday falls in it: a week counts in the period holding its
 * last day, Sunday, so that each is counted once, whole, by the period
 * that ends with it or after it (a day's report has the week that ends
 * that day, on a Sunday).  Returns 0 when no week ends in the period
 * (or has ended yet, while it runs).
 */
int
kp_train_span(const struct pm_period *p, pm_time *from, pm_time *to)
{
	int64_t a = pm_day_of(p->from) - 6, b = pm_day_of(judged_to(p)) - 6;
	int64_t z;

	for (z = a; z < b; z++)
		if (pm_day_weekday(z) == 0)
			break;
	if (z >= b)
		return 0;
	*from = pm_day_at(a);
	*to = pm_day_at(b);
	return 1;
}

/*
 * The survey's tally, kept: the API gives the lines, then the whole.
 */
struct line {
	char code[CODE_LEN];
	char key[sizeof SAT_LINE + CODE_LEN];
	char label[NAME_LEN];
	int64_t num, den;
	int target;
};

struct tally {
	struct line l[MAX_LINES];
	int n;
	struct line all;
};

static void
keep(struct line *l, const struct pm_survey_tally_row *r)
{
	l->num = r->satisfied + r->basic;
	l->den = r->satisfied + r->basic + r->dissatisfied;
	l->target = r->target >= 0 ? r->target : PM_KPI_ESTATE;
}

static int
keep_row(const struct pm_survey_tally_row *r, void *arg)
{
	struct tally *t = arg;
	struct line *l;

	if (r->name == NULL && strcmp(r->line, "all") == 0) {
		keep(&t->all, r);
		return 0;
	}
	if (t->n == MAX_LINES)
		return pm_err(PM_EX_SOFTWARE, "survey: more than %d lines",
		    MAX_LINES);
	l = &t->l[t->n++];
	keep(l, r);
	snprintf(l->code, sizeof l->code, "%s", r->line);
	snprintf(l->key, sizeof l->key, SAT_LINE "%s", r->line);
	/* A Chinese reader reads the line's name, others its code. */
	snprintf(l->label, sizeof l->label, _("owner satisfaction: %s"),
	    pm_i18n_lang() == PM_LANG_ZH && r->name != NULL ? r->name :
	    r->line);
	return 0;
}

static int
survey_tally(struct pm_db *db, const struct pm_period *p, struct tally *t)
{
	pm_time from, to;

	memset(t, 0, sizeof *t);
	survey_span(p, &from, &to);
	return pm_survey_period(db, from, to, pm_period_as_of(p), keep_row, t);
}

/*
 * Visits and training: the total rows.
 */

static int
visit_total(const struct pm_visit_quota_row *r, void *arg)
{
	struct pm_kpi_fig *f = arg;

	if (r->login == NULL) {
		f->num = r->credited;
		f->den = r->owed;
	}
	return 0;
}

static int
train_total(const struct pm_train_quota_row *r, void *arg)
{
	struct pm_kpi_fig *f = arg;

	if (r->department == NULL) {
		f->num = r->credited;
		f->den = r->min;
	}
	return 0;
}

static int
people_count(struct pm_db *db, const struct pm_period *p, pm_kpi_fig_fn fig,
    void *arg)
{
	struct pm_kpi_fig f;
	struct tally *t;
	pm_time from, to;
	int i, rc, short_;

	if ((t = malloc(sizeof *t)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((rc = survey_tally(db, p, t)) != 0)
		goto out;
	memset(&f, 0, sizeof f);
	f.kpi = SAT;
	f.unit = PM_KPI_COUNT;
	f.num = t->all.num;
	f.den = t->all.den;
	f.target = t->all.target;
	if ((rc = fig(&f, arg)) != 0)
		goto out;
	for (i = 0; i < t->n; i++) {
		f.kpi = t->l[i].key;
		f.label = t->l[i].label;
		f.num = t->l[i].num;
		f.den = t->l[i].den;
		f.target = t->l[i].target;
		if ((rc = fig(&f, arg)) != 0)
			goto out;
	}
	memset(&f, 0, sizeof f);
	f.kpi = "walk_visits";
	f.unit = PM_KPI_COUNT;
	f.target = PM_KPI_ESTATE;
	kp_visit_span(p, &from, &to);
	if ((rc = pm_visit_quota(db, from, to, pm_period_as_of(p), visit_total, &f,
	    &short_)) != 0 || (rc = fig(&f, arg)) != 0)
		goto out;
	memset(&f, 0, sizeof f);
	f.kpi = "training";
	f.unit = PM_KPI_COUNT;
	f.target = PM_KPI_ESTATE;
	if (kp_train_span(p, &from, &to) && (rc = pm_train_quota(db, from, to,
	    pm_period_as_of(p), train_total, &f, &short_)) != 0)
		goto out;
	rc = fig(&f, arg);
out:
	free(t);
	return rc;
}

/*
 * Explain.
 */

struct explain {
	pm_kpi_rec_fn fn;
	void *arg;
};

static int
visit_rec(const struct pm_visit_quota_row *r, void *arg)
{
	struct explain *x = arg;
	struct pm_kpi_rec rec;
	char id[CODE_LEN + 8];

	if (r->login == NULL)
		return 0;
	memset(&rec, 0, sizeof rec);
	/* A person owes by the day, or (the manager) by the month. */
	if (strcmp(r->per, "day") == 0)
		snprintf(id, sizeof id, "%s", r->login);
	else
		snprintf(id, sizeof id, "%s/%s", r->login, r->per);
	rec.record = id;
	rec.num = r->credited;
	rec.den = r->owed;
	rec.reason = r->credited < r->owed ? "short" : "quota_met";
	return x->fn(&rec, x->arg);
}

static int
train_rec(const struct pm_train_quota_row *r, void *arg)
{
	struct explain *x = arg;
	struct pm_kpi_rec rec;
	char id[CODE_LEN + PM_DATE_LEN + 2], day[PM_DATE_LEN];

	if (r->department == NULL)
		return 0;
	memset(&rec, 0, sizeof rec);
	snprintf(id, sizeof id, "%s %s", r->department,
	    pm_date_local(r->week, day));
	rec.record = id;
	rec.num = r->credited;
	rec.den = r->min;
	rec.reason = r->credited < r->min ? "short" : "quota_met";
	return x->fn(&rec, x->arg);
}

/*
 * The answers behind the survey's figures, as pm_survey_period() counts
 * them: each answer to a line of a round of the span, of a response
 * current and not voided as of the moment.  'line' NULL: every line.
 */
static int
answers(struct pm_db *db, const struct pm_period *p, const char *line,
    struct explain *x)
{
	char f[PM_TIME_UTC_LEN], u[PM_TIME_UTC_LEN], a[PM_TIME_UTC_LEN];
	char id[CODE_LEN + 32];
	struct pm_kpi_rec r;
	sqlite3_stmt *st;
	const char *grade;
	pm_time from, to;
	int rc = 0, sr;

	survey_span(p, &from, &to);
	st = pm_db_stmt(db, "SELECT r.record, a.line, a.grade, r.answered_at"
	    " FROM survey_rounds q JOIN survey_responses r ON r.round = q.id"
	    " JOIN survey_answers a ON a.response = r.id"
	    " WHERE q.starts >= ?1 AND q.starts < ?2"
	    " AND " PM_FACT_ASOF("r", "survey_responses", "?3")
	    " AND (?4 IS NULL OR a.line = ?4)"
	    " ORDER BY r.record, a.line" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, f));
	pm_bind_text(st, 2, pm_time_utc(to, u));
	pm_bind_text(st, 3, pm_time_utc(pm_period_as_of(p), a));
	pm_bind_text(st, 4, line);
	while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		if (line != NULL)
			snprintf(id, sizeof id, "%lld",
			    (long long)sqlite3_column_int64(st, 0));
		else
			snprintf(id, sizeof id, "%lld %s",
			    (long long)sqlite3_column_int64(st, 0),
			    pm_col_text(st, 1));
		r.record = id;
		grade = pm_col_text(st, 2);
		r.reason = grade;
		r.den = 1;
		r.num = strcmp(grade, "dissatisfied") != 0;
		r.at = pm_kpi_col_time(st, 3);
		if ((rc = x->fn(&r, x->arg)) != 0)
			break;
	}
	if (rc == 0 && sr != SQLITE_DONE)
		rc = pm_db_error(db, "read survey answers");
	sqlite3_reset(st);
	return rc;
}

static int
people_explain(struct pm_db *db, const struct pm_period *p, const char *kpi,
    pm_kpi_rec_fn fn, void *arg)
{
	struct explain x = { fn, arg };
	pm_time from, to;
	int short_;

	if (strcmp(kpi, "walk_visits") == 0) {
		kp_visit_span(p, &from, &to);
		return pm_visit_quota(db, from, to, pm_period_as_of(p), visit_rec, &x,
		    &short_);
	}
	if (strcmp(kpi, "training") == 0)
		return kp_train_span(p, &from, &to) ? pm_train_quota(db, from,
		    to, pm_period_as_of(p), train_rec, &x, &short_) : 0;
	if (strcmp(kpi, SAT) == 0)
		return answers(db, p, NULL, &x);
	if (strncmp(kpi, SAT_LINE, sizeof SAT_LINE - 1) == 0)
		return answers(db, p, kpi + sizeof SAT_LINE - 1, &x);
	return pm_err(PM_EX_SOFTWARE, "people: no figure %s", pm_q(kpi));
}

/*
 * The quotas missed: the records of walk visits and training short of
 * their quota, as explain lists them.
 */

static const char *const people_lists[] = { N_("Quotas missed"), NULL };

struct missed {
	pm_kpi_item_fn fn;
	void *arg;
	char what[PM_KPI_TEXT_LEN];
};

static int
missed_item(const struct pm_kpi_rec *r, void *arg)
{
	struct missed *x = arg;
	struct pm_kpi_item it;

	if (r->num >= r->den)
		return 0;
	memset(&it, 0, sizeof it);
	it.list = people_lists[0];
	it.record = r->record;
	it.what = x->what;
	it.done = r->num;
	it.owed = r->den;
	return x->fn(&it, x->arg);
}

static int
people_items(struct pm_db *db, const struct pm_period *p, pm_kpi_item_fn fn,
    void *arg)
{
	static const char *const quotas[] = { "walk_visits", "training" };
	char lb[PM_KPI_TEXT_LEN];
	struct missed x;
	struct pm_kpi_fig f;
	size_t i;
	int rc;

	x.fn = fn;
	x.arg = arg;
	for (i = 0; i < sizeof quotas / sizeof quotas[0]; i++) {
		memset(&f, 0, sizeof f);
		f.kpi = quotas[i];
		snprintf(x.what, sizeof x.what, "%s", pm_kpi_label(&f, lb));
		if ((rc = people_explain(db, p, quotas[i], missed_item,
		    &x)) != 0)
			return rc;
	}
	return 0;
}

/* Its keys, and a line's figure of any round ever opened. */
static int
people_owns(struct pm_db *db, const char *kpi)
{
	sqlite3_stmt *st;
	int i, found = 0;

	for (i = 0; people_kpis[i] != NULL; i++)
		if (strcmp(people_kpis[i], kpi) == 0)
			return 1;
	if (strncmp(kpi, SAT_LINE, sizeof SAT_LINE - 1) != 0)
		return 0;
	st = pm_db_stmt(db, "SELECT 1 FROM survey_round_lines WHERE line = ?1"
	    " LIMIT 1");
	if (st == NULL)
		return 0;
	pm_bind_text(st, 1, kpi + sizeof SAT_LINE - 1);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

/*
 * The counts: visits made, sessions held, survey answers.
 */

static int
visits_made(const struct pm_visit_quota_row *r, void *arg)
{
	if (r->login == NULL)
		*(int64_t *)arg = r->visited;
	return 0;
}

static int
sessions_held(const struct pm_train_quota_row *r, void *arg)
{
	if (r->department == NULL)
		*(int64_t *)arg = r->held;
	return 0;
}

static int
people_tallies(struct pm_db *db, const struct pm_period *p,
    pm_kpi_tally_fn fn, void *arg)
{
	struct pm_kpi_tally t;
	pm_time from, to;
	int rc, short_;

	memset(&t, 0, sizeof t);
	t.unit = PM_KPI_COUNT;
	t.label = N_("households visited (on quota)");
	kp_visit_span(p, &from, &to);
	if ((rc = pm_visit_quota(db, from, to, pm_period_as_of(p), visits_made, &t.n,
	    &short_)) != 0 || (rc = fn(&t, arg)) != 0)
		return rc;
	t.label = N_("training sessions held (on quota)");
	t.n = 0;
	if (kp_train_span(p, &from, &to) && (rc = pm_train_quota(db, from, to,
	    pm_period_as_of(p), sessions_held, &t.n, &short_)) != 0)
		return rc;
	return fn(&t, arg);
}

const struct pm_kpi_source pm_kpi_people = {
	.name = "people",
	.kpis = people_kpis,
	.count = people_count,
	.explain = people_explain,
	.owns = people_owns,
	.tallies = people_tallies,
	.lists = people_lists,
	.items = people_items
};
