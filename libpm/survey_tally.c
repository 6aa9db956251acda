/*
 * survey_tally.c - the satisfaction of a round, or of a period's rounds,
 * by service line and overall, against the targets.
 *
 * One GROUP BY over the round's answers (through the responses' index
 * on the round), so a tally costs the round's answers and never the
 * other rounds'.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "survey.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define CODE_MAX 64
#define MAX_PERIOD_LINES 64

struct line {
	char code[CODE_MAX], name[256];
	int target;
	int64_t n[3];		/* satisfied, basic, dissatisfied */
};

struct tally {
	struct line l[MAX_PERIOD_LINES];
	int n;
	int overall;		/* the overall target, -1 none */
};

static struct line *
line_of(struct tally *t, const char *code)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->l[i].code, code) == 0)
			return &t->l[i];
	return NULL;
}

/*
 * Add the lines 'st' reads (line, name, target, overall target), in
 * its order; a line asked again takes the later round's name and
 * target.  Resets 'st'.
 */
static int
take_lines(struct pm_db *db, sqlite3_stmt *st, struct tally *t)
{
	struct line *l;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((l = line_of(t, pm_col_text(st, 0))) == NULL) {
			if (t->n == MAX_PERIOD_LINES)
				continue;
			l = &t->l[t->n++];
			snprintf(l->code, sizeof l->code, "%s",
			    pm_col_text(st, 0));
		}
		snprintf(l->name, sizeof l->name, "%s", pm_col_text(st, 1));
		l->target = pm_col_text(st, 2) != NULL ?
		    sqlite3_column_int(st, 2) : -1;
		t->overall = pm_col_text(st, 3) != NULL ?
		    sqlite3_column_int(st, 3) : -1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pm_db_error(db, "read rounds");
}

/* Count the answers 'st' reads (line, grade, count).  Resets 'st'. */
static int
take_answers(struct pm_db *db, sqlite3_stmt *st, struct tally *t)
{
	struct line *l;
	const char *g;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((l = line_of(t, pm_col_text(st, 0))) == NULL)
			continue;
		g = pm_col_text(st, 1);
		l->n[strcmp(g, "satisfied") == 0 ? 0 : strcmp(g, "basic") == 0 ?
		    1 : 2] += sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : pm_db_error(db, "count answers");
}

static int
emit(const struct tally *t,
    int (*fn)(const struct pm_survey_tally_row *, void *), void *arg)
{
	struct pm_survey_tally_row row, all;
	int i, rc;

	memset(&all, 0, sizeof all);
	all.line = "all";
	all.target = t->overall;
	for (i = 0; i < t->n; i++) {
		row.line = t->l[i].code;
		row.name = t->l[i].name;
		row.satisfied = t->l[i].n[0];
		row.basic = t->l[i].n[1];
		row.dissatisfied = t->l[i].n[2];
		row.target = t->l[i].target;
		all.satisfied += row.satisfied;
		all.basic += row.basic;
		all.dissatisfied += row.dissatisfied;
		if ((rc = fn(&row, arg)) != 0)
			return rc;
	}
	return fn(&all, arg);
}

/*
 * The tally read by 'lines' and 'answers', whose parameters are bound:
 * the rounds in ?1 (and ?2), 'as_of' in ?3 (bound here).
 */
static int
tally_by(struct pm_db *db, sqlite3_stmt *lines, sqlite3_stmt *answers,
    pm_time as_of, int (*fn)(const struct pm_survey_tally_row *, void *),
    void *arg)
{
	char a[PM_TIME_UTC_LEN];
	struct tally *t;
	int rc;

	if ((t = calloc(1, sizeof *t)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	t->overall = -1;
	pm_bind_text(answers, 3, pm_time_utc(as_of, a));
	if ((rc = take_lines(db, lines, t)) == 0 &&
	    (rc = take_answers(db, answers, t)) == 0)
		rc = emit(t, fn, arg);
	free(t);
	return rc;
}

int
pm_survey_period(struct pm_db *db, pm_time from, pm_time to, pm_time as_of,
    int (*fn)(const struct pm_survey_tally_row *, void *), void *arg)
{
	char f[PM_TIME_UTC_LEN], u[PM_TIME_UTC_LEN];
	sqlite3_stmt *lines, *answers;

	lines = pm_db_stmt(db, "SELECT l.line, l.name, l.target,"
	    " r.overall_target FROM survey_rounds r"
	    " JOIN survey_round_lines l ON l.round = r.id"
	    " WHERE r.starts >= ?1 AND r.starts < ?2"
	    " ORDER BY r.starts, r.id, l.position");
	answers = pm_db_stmt(db, "SELECT a.line, a.grade, count(*)"
	    " FROM survey_rounds q JOIN survey_responses r ON r.round = q.id"
	    " JOIN survey_answers a ON a.response = r.id"
	    " WHERE q.starts >= ?1 AND q.starts < ?2"
	    " AND " PM_FACT_ASOF("r", "survey_responses", "?3")
	    " GROUP BY a.line, a.grade");
	if (lines == NULL || answers == NULL)
		return pm_err_code();
	pm_time_utc(from, f);
	pm_time_utc(to, u);
	pm_bind_text(lines, 1, f);
	pm_bind_text(lines, 2, u);
	pm_bind_text(answers, 1, f);
	pm_bind_text(answers, 2, u);
	return tally_by(db, lines, answers, as_of, fn, arg);
}

int
pm_survey_tally(struct pm_db *db, int64_t round, pm_time as_of,
    int (*fn)(const struct pm_survey_tally_row *, void *), void *arg)
{
	sqlite3_stmt *lines, *answers;

	lines = pm_db_stmt(db, "SELECT l.line, l.name, l.target,"
	    " r.overall_target FROM survey_rounds r"
	    " JOIN survey_round_lines l ON l.round = r.id"
	    " WHERE r.id = ?1 ORDER BY l.position");
	answers = pm_db_stmt(db, "SELECT a.line, a.grade, count(*)"
	    " FROM survey_responses r JOIN survey_answers a ON a.response = r.id"
	    " WHERE r.round = ?1"
	    " AND " PM_FACT_ASOF("r", "survey_responses", "?3")
	    " GROUP BY a.line, a.grade");
	if (lines == NULL || answers == NULL)
		return pm_err_code();
	pm_bind_int(lines, 1, round);
	pm_bind_int(answers, 1, round);
	return tally_by(db, lines, answers, as_of, fn, arg);
}

int
pm_survey_met(const struct pm_survey_tally_row *r)
{
	struct pm_rate rate = { r->satisfied + r->basic,
	    r->satisfied + r->basic + r->dissatisfied, r->target };

	return pm_rate_met(&rate);
}

const struct pm_col pm_survey_tally_cols[] = {
	{ N_("line"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("satisfied"), PM_COL_INT, NULL },
	{ N_("basic"), PM_COL_INT, NULL },
	{ N_("dissatisfied"), PM_COL_INT, NULL },
	{ N_("numerator"), PM_COL_INT, NULL },
	{ N_("answers"), PM_COL_INT, NULL },
	{ N_("rate"), PM_COL_NUM, NULL },
	{ N_("target"), PM_COL_NUM, NULL },
	{ N_("met"), PM_COL_INT, NULL },
};
const int pm_survey_tally_ncols = NCOLS(pm_survey_tally_cols);

void
pm_survey_tally_put(struct pm_out *o, const struct pm_survey_tally_row *r)
{
	struct pm_rate rate = { r->satisfied + r->basic,
	    r->satisfied + r->basic + r->dissatisfied, r->target };

	pm_out_text(o, r->line);
	pm_out_text(o, r->name);
	pm_out_int(o, r->satisfied);
	pm_out_int(o, r->basic);
	pm_out_int(o, r->dissatisfied);
	pm_out_int(o, rate.num);
	pm_out_int(o, rate.den);
	pm_out_rate(o, &rate);
	pm_out_row(o);
}
