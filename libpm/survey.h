/*
 * survey.h - owner satisfaction surveys (满意度调查): a round of a
 * quarter asks households about service lines (repairs, security,
 * cleaning, ...) on a 3- or 5-point scale; the answers come from a
 * spreadsheet export of a paper or online form, imported all or nothing
 * with its columns mapped; the tally by line and overall against the
 * targets, numerator and denominator shown (DESIGN.md section 6, owner
 * satisfaction).
 *
 * A round copies its lines, their names and targets, and the overall
 * target (kpi_targets owner_satisfaction) when it opens, so its tally
 * never changes with the estate file.  Answers are records kept as facts
 * (people.h): a wrong one is voided and imported again.
 *
 * Grades.  A 3-point answer is satisfied (3, 满意), basically satisfied
 * (2, 基本满意) or dissatisfied (1, 不满意).  A 5-point answer maps onto
 * those: 5 非常满意 and 4 满意 are satisfied, 3 一般 (or 基本满意) is
 * basically satisfied, 2 不满意 and 1 非常不满意 are dissatisfied.  The
 * answer as given is kept beside its grade.  An empty cell, "-", "不了解"
 * or "n/a" is no answer to that line.
 *
 * The rate of a line is (satisfied + basically satisfied) / answers to
 * it; the overall rate pools the answers to every line of the round.
 */
#ifndef PM_SURVEY_H
#define PM_SURVEY_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "import.h"
#include "out.h"
#include "people.h"
#include "record.h"

#define PM_SURVEY_MAX_LINES 16

/* A round to open. */
struct pm_survey_round {
	const char *quarter;	/* "2026-Q4" (required) */
	const char *lines;	/* "repairs,security"; NULL: every line */
	int scale;		/* 3 or 5 (0: 3) */
	const char *title;	/* NULL: none */
};

/*
 * Open a round: copy its lines (in the order given; all of them in the
 * estate file's order when 'lines' is NULL) and targets.
 * PM_EX_DATAERR for a bad quarter, scale or title, a line named twice;
 * PM_EX_NOINPUT for a line the estate file has not ("survey line 'x':
 * no such line"); PM_EX_CONFIG when the estate file has no lines at all.
 */
int pm_survey_open(struct pm_db *db, const struct pm_survey_round *r,
    int64_t *id);

/*
 * The round 'key' names ("3", "#3"), or the latest opened when 'key' is
 * NULL (PM_EX_NOINPUT "no survey round yet (open one with pm-survey
 * open)" when there is none).
 */
int pm_survey_round(struct pm_db *db, const char *key, int64_t *id);

/* Parse "2026-Q4" into the start of the quarter (local). */
int pm_survey_quarter(const char *s, pm_time *start);

extern const struct pm_fact pm_survey_response_fact;
extern const struct pm_rtype pm_survey_round_type;
extern const struct pm_rtype pm_survey_line_type;
extern const struct pm_rtype pm_survey_response_type;

/*
 * Grade the answer 's' on 'scale': sets *score (1 to the scale) and
 * *grade ("satisfied", "basic", "dissatisfied"); returns 0, 1 when 's'
 * is no answer, or PM_EX_DATAERR naming 'line'.
 */
int pm_survey_grade(const char *line, const char *s, int scale, int *score,
    const char **grade);

/*
 * Importing answers.  An import is made for one round with a column
 * map: 'map' holds "COLUMN=FIELD" items (NULL-terminated), where FIELD
 * is unit, respondent, answered, comment, a line's code, or "-" for a
 * column to leave out.  Without a map a column is taken by its field's
 * name: the English ones, 房号, 姓名, 填写时间 and 意见, or a line's
 * code or name (维修服务).  A household answers a round once.
 */
struct pm_survey_import;

int pm_survey_import_new(struct pm_db *db, int64_t round,
    const char *const *map, const char *source,
    struct pm_survey_import **out);
void pm_survey_import_free(struct pm_survey_import *si);
/* The import declaration and the context to pass with it. */
const struct pm_import *pm_survey_import_decl(struct pm_survey_import *si);

/*
 * The tally of round 'round' from the answers recorded by 'as_of': one
 * row per line in the round's order, then "all".
 */
struct pm_survey_tally_row {
	const char *line;	/* "all" for the overall row */
	const char *name;	/* NULL for "all" */
	int64_t satisfied, basic, dissatisfied;
	int target;		/* basis points, -1 none */
};

int pm_survey_tally(struct pm_db *db, int64_t round, pm_time as_of,
    int (*fn)(const struct pm_survey_tally_row *, void *), void *arg);

/*
 * The satisfaction of the period [from, to): the rounds whose quarter
 * begins in it, pooled by line; each line's name and target from the
 * last round that asked it, the overall target from the last round.
 * For pm-report's quarters and years.
 */
int pm_survey_period(struct pm_db *db, pm_time from, pm_time to,
    pm_time as_of, int (*fn)(const struct pm_survey_tally_row *, void *),
    void *arg);

extern const struct pm_col pm_survey_tally_cols[];
extern const int pm_survey_tally_ncols;
void pm_survey_tally_put(struct pm_out *o, const struct pm_survey_tally_row *r);

/* Whether the row meets its target: 1, 0, -1 (none, or no answers). */
int pm_survey_met(const struct pm_survey_tally_row *r);

#endif
