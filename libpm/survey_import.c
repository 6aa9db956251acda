/*
 * survey_import.c - answers to a survey round from a CSV, TSV or JSON
 * Lines export of a paper or online form, its columns mapped to the
 * round's fields, all or nothing (import.h).
 *
 * The import's fields are the file's column names this round knows:
 * each field's own names (unit, 房号, repairs, 维修服务, ...) and the
 * columns the map names.  A record is checked and its values normalized
 * into the first column of each field before anything is locked; the
 * writing checks again that a household answers the round once, since
 * an earlier line of the same file may have answered for it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "survey.h"
#include "text.h"

#define CODE_MAX 64
#define NAME_MAX_ 100
#define COMMENT_MAX 2000
#define MAX_MAP 16

/* The fields of an answer: these four, then the round's lines. */
enum { F_UNIT, F_RESPONDENT, F_ANSWERED, F_COMMENT, F_LINES };

static const char *const fixed[F_LINES] = { "unit", "respondent",
	"answered", "comment" };
static const char *const fixed_zh[F_LINES] = { "房号", "姓名", "填写时间",
	"意见" };

struct pm_survey_import {
	int64_t round;
	int scale;
	int nlines;
	char line[PM_SURVEY_MAX_LINES][CODE_MAX];
	char line_name[PM_SURVEY_MAX_LINES][NAME_MAX_ * 4];
	/* The columns known: name and field (-1: left out). */
	const char *col[F_LINES * 2 + PM_SURVEY_MAX_LINES * 2 + MAX_MAP + 1];
	int field[F_LINES * 2 + PM_SURVEY_MAX_LINES * 2 + MAX_MAP];
	int ncols;
	char mapcol[MAX_MAP][256];	/* the columns --map names */
	char *source;
	struct pm_import decl;
};

void
pm_survey_import_free(struct pm_survey_import *si)
{
	if (si == NULL)
		return;
	free(si->source);
	free(si);
}

const struct pm_import *
pm_survey_import_decl(struct pm_survey_import *si)
{
	return &si->decl;
}

static int
add_col(struct pm_survey_import *si, const char *name, int field)
{
	int i;

	for (i = 0; i < si->ncols; i++)
		if (strcmp(si->col[i], name) == 0) {
			si->field[i] = field;
			return 0;
		}
	si->col[si->ncols] = name;
	si->field[si->ncols++] = field;
	return 0;
}

/* The field 'name' is: a fixed one, a line, "-" (-1), or -2 none. */
static int
field_of(const struct pm_survey_import *si, const char *name)
{
	int i;

	if (strcmp(name, "-") == 0)
		return -1;
	for (i = 0; i < F_LINES; i++)
		if (strcmp(fixed[i], name) == 0)
			return i;
	for (i = 0; i < si->nlines; i++)
		if (strcmp(si->line[i], name) == 0)
			return F_LINES + i;
	return -2;
}

static int
read_round(struct pm_db *db, struct pm_survey_import *si)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT scale FROM survey_rounds WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, si->round);
	rc = sqlite3_step(st);
	si->scale = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read round");
	st = pm_db_stmt(db, "SELECT line, name FROM survey_round_lines"
	    " WHERE round = ?1 ORDER BY position");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, si->round);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    si->nlines < PM_SURVEY_MAX_LINES) {
		snprintf(si->line[si->nlines], CODE_MAX, "%s",
		    pm_col_text(st, 0));
		snprintf(si->line_name[si->nlines], sizeof si->line_name[0],
		    "%s", pm_col_text(st, 1));
		si->nlines++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    pm_db_error(db, "read round");
}

static int check(struct pm_db *, const char **, void *);
static int write(struct pm_db *, const char **, char *, size_t, void *);

int
pm_survey_import_new(struct pm_db *db, int64_t round, const char *const *map,
    const char *source, struct pm_survey_import **out)
{
	struct pm_survey_import *si;
	const char *eq;
	char fname[CODE_MAX];
	int i, f, rc, nmap = 0;

	*out = NULL;
	if ((si = calloc(1, sizeof *si)) == NULL ||
	    (si->source = strdup(source != NULL ? source : "stdin")) == NULL) {
		free(si);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	si->round = round;
	if ((rc = read_round(db, si)) != 0) {
		pm_survey_import_free(si);
		return rc;
	}
	for (i = 0; i < F_LINES; i++) {
		add_col(si, fixed[i], i);
		add_col(si, fixed_zh[i], i);
	}
	for (i = 0; i < si->nlines; i++) {
		add_col(si, si->line[i], F_LINES + i);
		add_col(si, si->line_name[i], F_LINES + i);
	}
	for (; map != NULL && *map != NULL; map++) {
		if ((eq = strrchr(*map, '=')) == NULL || eq == *map ||
		    (size_t)(eq - *map) >= sizeof si->mapcol[0]) {
			pm_survey_import_free(si);
			return pm_err(PM_EX_USAGE, "map %s: not COLUMN=FIELD",
			    pm_q(*map));
		}
		snprintf(fname, sizeof fname, "%s", eq + 1);
		if ((f = field_of(si, fname)) == -2) {
			pm_survey_import_free(si);
			return pm_err(PM_EX_USAGE, "map %s: no such field in "
			    "this round (unit, respondent, answered, comment, a "
			    "line's code, or - to leave the column out)",
			    pm_q(*map));
		}
		if (nmap == MAX_MAP) {
			pm_survey_import_free(si);
			return pm_err(PM_EX_USAGE, "map: at most %d columns",
			    MAX_MAP);
		}
		/* The column's name, the argument up to its last '='. */
		snprintf(si->mapcol[nmap], sizeof si->mapcol[0], "%.*s",
		    (int)(eq - *map), *map);
		add_col(si, si->mapcol[nmap++], f);
	}
	si->col[si->ncols] = NULL;
	si->decl.fields = si->col;
	si->decl.key = -1;
	si->decl.order = -1;
	si->decl.check = check;
	si->decl.write = write;
	si->decl.audit_table = "survey_responses";
	*out = si;
	return 0;
}

/*
 * The value of field 'f' in 'vals': from the one column that has it.
 * Two columns that both give it are an error.
 */
static int
value_of(const struct pm_survey_import *si, const char **vals, int f,
    const char **v, int *at)
{
	int i;

	*v = NULL;
	*at = -1;
	for (i = 0; i < si->ncols; i++) {
		if (si->field[i] != f || vals[i] == NULL)
			continue;
		if (*v != NULL)
			return pm_err(PM_EX_DATAERR, "columns %s and %s both "
			    "answer %s", pm_q(si->col[*at]), pm_q(si->col[i]),
			    pm_q(f < F_LINES ? fixed[f] : si->line[f - F_LINES]));
		*v = vals[i];
		*at = i;
	}
	return 0;
}

/* The response of the household 'unit' to the round, if any. */
static int
answered_by(struct pm_db *db, int64_t round, const char *unit, int64_t *id)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	st = pm_db_stmt(db, "SELECT r.record FROM survey_responses r"
	    " WHERE r.round = ?1 AND r.unit = ?2"
	    " AND " PM_FACT_NOW("r", "survey_responses"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, round);
	pm_bind_text(st, 2, unit);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pm_db_error(db, "read answers");
	if (*id != 0)
		return pm_err(PM_EX_DATAERR, "unit %s: answered this round "
		    "already (answer %lld)", pm_q(unit), (long long)*id);
	return 0;
}

/* Put 'v' as the value of field 'f' in its first column, clear the rest. */
static void
normalize(const struct pm_survey_import *si, const char **vals, int f,
    const char *v)
{
	int i, first = 1;

	for (i = 0; i < si->ncols; i++)
		if (si->field[i] == f) {
			vals[i] = first ? v : NULL;
			first = 0;
		}
}

static int
check(struct pm_db *db, const char **vals, void *ctx)
{
	static const char *const digits[] = { "0", "1", "2", "3", "4", "5" };
	static char unit[CODE_MAX], when[PM_TIME_UTC_LEN];
	struct pm_survey_import *si = ctx;
	const char *v, *grade;
	pm_time t;
	int64_t id;
	int rc, i, at, score, n = 0;

	if ((rc = value_of(si, vals, F_UNIT, &v, &at)) != 0)
		return rc;
	if (v != NULL && ((rc = pm_people_unit(db, v, 1, unit,
	    sizeof unit)) != 0 || (rc = answered_by(db, si->round, unit,
	    &id)) != 0))
		return rc;
	normalize(si, vals, F_UNIT, v != NULL ? unit : NULL);
	if ((rc = value_of(si, vals, F_ANSWERED, &v, &at)) != 0)
		return rc;
	t = pm_now();
	if (v != NULL && ((rc = pm_time_parse(v, &t)) != 0 ||
	    (rc = pm_people_past(N_("answered"), t)) != 0))
		return rc == PM_EX_USAGE ? PM_EX_DATAERR : rc;
	normalize(si, vals, F_ANSWERED, pm_time_utc(t, when));
	if ((rc = value_of(si, vals, F_RESPONDENT, &v, &at)) != 0 ||
	    (rc = pm_people_text(N_("respondent"), v, NAME_MAX_, 0)) != 0 ||
	    (rc = value_of(si, vals, F_COMMENT, &v, &at)) != 0 ||
	    (rc = pm_people_text(N_("comment"), v, COMMENT_MAX,
	    PM_TEXT_LINES)) != 0)
		return rc;
	for (i = 0; i < si->nlines; i++) {
		if ((rc = value_of(si, vals, F_LINES + i, &v, &at)) != 0)
			return rc;
		if (v == NULL)
			continue;
		if ((rc = pm_survey_grade(si->line[i], v, si->scale, &score,
		    &grade)) > 1)
			return rc;
		normalize(si, vals, F_LINES + i, rc == 1 ? NULL :
		    digits[score]);
		n += rc == 0;
	}
	if (n == 0)
		return pm_err(PM_EX_DATAERR, "no answer to any line of the "
		    "round");
	return 0;
}

static int
write(struct pm_db *db, const char **vals, char *id, size_t len, void *ctx)
{
	struct pm_survey_import *si = ctx;
	const char *v[F_LINES], *s, *grade[PM_SURVEY_MAX_LINES], *worst = NULL;
	int score[PM_SURVEY_MAX_LINES];
	sqlite3_stmt *st;
	int64_t row, other;
	int rc, i, at;

	for (i = 0; i < F_LINES; i++)
		if ((rc = value_of(si, vals, i, &v[i], &at)) != 0)
			return rc;
	if (v[F_UNIT] != NULL && (rc = answered_by(db, si->round, v[F_UNIT],
	    &other)) != 0)
		return rc;
	/* The grades first: the response keeps the worst of them. */
	for (i = 0; i < si->nlines; i++) {
		grade[i] = NULL;
		if ((rc = value_of(si, vals, F_LINES + i, &s, &at)) != 0)
			return rc;
		if (s == NULL)
			continue;
		if ((rc = pm_survey_grade(si->line[i], s, si->scale, &score[i],
		    &grade[i])) != 0)
			return rc;
		if (worst == NULL || strcmp(grade[i], "dissatisfied") == 0 ||
		    (strcmp(grade[i], "basic") == 0 &&
		    strcmp(worst, "satisfied") == 0))
			worst = grade[i];
	}
	if ((rc = pm_fact_next_id(db, &pm_survey_response_fact, &row)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO survey_responses(id, record, version,"
	    " recorded_at, recorded_by, reason, round, unit, respondent,"
	    " answered_at, comment, source, worst) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	if (st == NULL)
		return pm_err_code();
	pm_fact_bind(db, st, row, row, 1, NULL);
	pm_bind_int(st, 7, si->round);
	pm_bind_text(st, 8, v[F_UNIT]);
	pm_bind_text(st, 9, v[F_RESPONDENT]);
	pm_bind_text(st, 10, v[F_ANSWERED]);
	pm_bind_text(st, 11, v[F_COMMENT]);
	pm_bind_text(st, 12, si->source);
	pm_bind_text(st, 13, worst);
	if ((rc = pm_db_step_done(db, st, "write survey answer")) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO survey_answers(response, line, score,"
	    " grade) VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	for (i = 0; i < si->nlines; i++) {
		if (grade[i] == NULL)
			continue;
		pm_bind_int(st, 1, row);
		pm_bind_text(st, 2, si->line[i]);
		pm_bind_int(st, 3, score[i]);
		pm_bind_text(st, 4, grade[i]);
		if ((rc = pm_db_step_done(db, st, "write answer")) != 0)
			return rc;
	}
	snprintf(id, len, "%lld", (long long)row);
	return 0;
}
