/*
 * survey.c - survey rounds, grading answers, and the record types of
 * rounds, lines and answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "err.h"
#include "i18n.h"
#include "survey.h"
#include "text.h"
#include "unit.h"
#include "vocab.h"

#define CODE_MAX 64
#define TITLE_MAX 200

const struct pm_fact pm_survey_response_fact = {
	"survey_responses", N_("survey answer"),
	"round, unit, respondent, answered_at, comment, source, worst",
	"pm-survey answers"
};

int
pm_survey_quarter(const char *s, pm_time *start)
{
	char month[8];
	pm_time end;

	if (strlen(s) != 7 || s[4] != '-' || (s[5] != 'Q' && s[5] != 'q') ||
	    strspn(s, "0123456789") != 4 || s[6] < '1' || s[6] > '4')
		return pm_err(PM_EX_DATAERR, "quarter %s: not a quarter like "
		    "2026-Q4", pm_q(s));
	/* The quarter starts with its first month. */
	snprintf(month, sizeof month, "%.4s-%02d", s, 3 * (s[6] - '0') - 2);
	if (pm_period_parse(month, start, &end) != 0)
		return pm_err(PM_EX_DATAERR, "quarter %s: not a quarter like "
		    "2026-Q4", pm_q(s));
	return 0;
}

/*
 * Rounds.
 */

static const struct pm_field line_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "l.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "l.name", 0, NULL),
	PM_FIELD(N_("target"), PM_F_HUNDREDTHS, "l.target", 0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "l.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_survey_line_type = {
	.name = N_("survey line"),
	.from = "survey_lines l",
	.key = "l.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "l.retired = 0",
	.order = "l.position, l.code",
	.fields = line_fields,
	.not_found = N_("survey line %s: no such line"),
	.list_cmd = "pm-survey lines"
};

/* The lines to ask: those named, or all; checked and in order. */
static int
round_lines(struct pm_db *db, const char *lines, char (*code)[CODE_MAX],
    int *n)
{
	char item[CODE_MAX * 2];
	const char *p = lines, *e;
	sqlite3_stmt *st;
	size_t len;
	int rc, i;

	*n = 0;
	if (lines == NULL) {
		st = pm_db_stmt(db, "SELECT code FROM survey_lines"
		    " WHERE retired = 0 ORDER BY position, code");
		if (st == NULL)
			return pm_err_code();
		while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
		    *n < PM_SURVEY_MAX_LINES)
			snprintf(code[(*n)++], CODE_MAX, "%s",
			    pm_col_text(st, 0));
		sqlite3_reset(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return pm_db_error(db, "read survey lines");
		if (*n == 0)
			return pm_err(PM_EX_CONFIG, "no survey lines: the "
			    "estate file names none (survey_lines)");
		return 0;
	}
	do {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		snprintf(item, sizeof item, "%.*s", (int)len, p);
		if (*n == PM_SURVEY_MAX_LINES)
			return pm_err(PM_EX_DATAERR, "lines: at most %d",
			    PM_SURVEY_MAX_LINES);
		if ((rc = pm_rec_find(db, &pm_survey_line_type, item, code[*n],
		    CODE_MAX)) != 0)
			return rc;
		for (i = 0; i < *n; i++)
			if (strcmp(code[i], code[*n]) == 0)
				return pm_err(PM_EX_DATAERR, "line %s: named "
				    "twice", pm_q(item));
		(*n)++;
		p = e != NULL ? e + 1 : NULL;
	} while (p != NULL);
	return 0;
}

int
pm_survey_open(struct pm_db *db, const struct pm_survey_round *r,
    int64_t *id)
{
	char code[PM_SURVEY_MAX_LINES][CODE_MAX], at[PM_TIME_UTC_LEN];
	char starts[PM_TIME_UTC_LEN], ids[24];
	sqlite3_stmt *st;
	pm_time start;
	int rc, n, i, scale = r->scale != 0 ? r->scale : 3;

	if (r->quarter == NULL)
		return pm_err(PM_EX_USAGE, "a round needs its quarter");
	if ((rc = pm_survey_quarter(r->quarter, &start)) != 0)
		return rc;
	if (scale != 3 && scale != 5)
		return pm_err(PM_EX_DATAERR, "scale %d: 3 or 5 points", scale);
	if ((rc = pm_people_text(N_("title"), r->title, TITLE_MAX, 0)) != 0 ||
	    (rc = round_lines(db, r->lines, code, &n)) != 0)
		return rc;
	st = pm_db_stmt(db, "INSERT INTO survey_rounds(quarter, starts, title,"
	    " scale, overall_target, opened_at, opened_by) VALUES (?1, ?2, ?3,"
	    " ?4, (SELECT target FROM kpi_targets"
	    "  WHERE kpi = 'owner_satisfaction'), ?5, ?6)");
	if (st == NULL)
		return pm_err_code();
	snprintf(ids, sizeof ids, "%.4s-Q%c", r->quarter, r->quarter[6]);
	pm_bind_text(st, 1, ids);
	pm_bind_text(st, 2, pm_time_utc(start, starts));
	pm_bind_text(st, 3, r->title);
	pm_bind_int(st, 4, scale);
	pm_bind_text(st, 5, pm_time_utc(pm_now(), at));
	pm_bind_text(st, 6, db->user);
	if ((rc = pm_db_step_done(db, st, "open round")) != 0)
		return rc;
	*id = pm_db_last_id(db);
	st = pm_db_stmt(db, "INSERT INTO survey_round_lines(round, line, name,"
	    " target, position) SELECT ?1, code, name, target, ?3"
	    " FROM survey_lines WHERE code = ?2");
	if (st == NULL)
		return pm_err_code();
	for (i = 0; i < n; i++) {
		pm_bind_int(st, 1, *id);
		pm_bind_text(st, 2, code[i]);
		pm_bind_int(st, 3, i + 1);
		if ((rc = pm_db_step_done(db, st, "open round")) != 0)
			return rc;
	}
	snprintf(ids, sizeof ids, "%lld", (long long)*id);
	return pm_audit(db, "survey_rounds", ids, "opened: %s, %d lines, "
	    "%d-point scale", r->quarter, n, scale);
}

int
pm_survey_round(struct pm_db *db, const char *key, int64_t *id)
{
	char canon[32];
	sqlite3_stmt *st;
	int rc;

	if (key != NULL) {
		if ((rc = pm_rec_find(db, &pm_survey_round_type, key, canon,
		    sizeof canon)) != 0)
			return rc;
		*id = strtoll(canon, NULL, 10);
		return 0;
	}
	st = pm_db_stmt(db, "SELECT max(id) FROM survey_rounds");
	if (st == NULL)
		return pm_err_code();
	rc = sqlite3_step(st);
	*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return pm_db_error(db, "read rounds");
	if (*id == 0)
		return pm_err(PM_EX_NOINPUT, "no survey round yet (open one "
		    "with pm-survey open)");
	return 0;
}

int
pm_survey_grade(const char *line, const char *s, int scale, int *score,
    const char **grade)
{
	static const char *const none[] = { "-", "不了解", "n/a", "na",
	    "无", NULL };
	/* Words of each point, high to low, '|'-separated. */
	static const char *const words3[] = { "满意|satisfied",
	    "基本满意|basic|basically satisfied|basically-satisfied",
	    "不满意|dissatisfied" };
	static const char *const words5[] = {
	    "非常满意|very satisfied|very-satisfied",
	    "满意|satisfied", "一般|基本满意|basic|neutral|basically satisfied",
	    "不满意|dissatisfied",
	    "非常不满意|very dissatisfied|very-dissatisfied" };
	const char *const *words = scale == 5 ? words5 : words3;
	const char *p, *e;
	size_t n = strlen(s);
	int i;

	for (i = 0; none[i] != NULL; i++)
		if (n == 0 || strcasecmp(s, none[i]) == 0)
			return 1;
	*score = 0;
	if (n == 1 && s[0] >= '1' && s[0] <= '0' + scale)
		*score = s[0] - '0';
	for (i = 0; *score == 0 && i < scale; i++)
		for (p = words[i]; p != NULL; p = e != NULL ? e + 1 : NULL) {
			e = strchr(p, '|');
			if ((size_t)((e != NULL ? e : p + strlen(p)) - p) == n &&
			    strncasecmp(p, s, n) == 0) {
				*score = scale - i;
				break;
			}
		}
	if (*score == 0)
		return pm_err(PM_EX_DATAERR, scale == 5 ? "%s %s: not an answer "
		    "on the 5-point scale (5 非常满意, 4 满意, 3 一般, 2 不满意, "
		    "1 非常不满意)" : "%s %s: not an answer on the 3-point scale "
		    "(3 满意, 2 基本满意, 1 不满意)", line, pm_q(s));
	if (scale == 5)
		*grade = *score >= 4 ? "satisfied" : *score == 3 ? "basic" :
		    "dissatisfied";
	else
		*grade = *score == 3 ? "satisfied" : *score == 2 ? "basic" :
		    "dissatisfied";
	return 0;
}

/*
 * The record types.
 */

enum {
	OPT_ROUND = PM_OPT_LONG,
	OPT_UNIT,
	OPT_WORST,
	OPT_COMMENTED
};

static const struct pm_field round_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "r.id", 0, NULL),
	PM_FIELD(N_("quarter"), PM_F_TEXT, "r.quarter", 0, NULL),
	PM_FIELD(N_("scale"), PM_F_INT, "r.scale", 0, NULL),
	PM_FIELD(N_("lines"), PM_F_TEXT, "(SELECT group_concat(line, ',')"
	    " FROM (SELECT line FROM survey_round_lines WHERE round = r.id"
	    " ORDER BY position))", 0, NULL),
	PM_FIELD(N_("answers"), PM_F_INT, "(SELECT count(*)"
	    " FROM survey_responses_now s WHERE s.round = r.id)", 0, NULL),
	PM_FIELD(N_("opened_at"), PM_F_TIME, "r.opened_at", 0, NULL),
	PM_FIELD(N_("opened_by"), PM_F_TEXT, "r.opened_by", PM_F_SHOW, NULL),
	PM_FIELD(N_("overall_target"), PM_F_HUNDREDTHS, "r.overall_target",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("title"), PM_F_TEXT, "r.title", 0, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_survey_round_type = {
	.name = N_("survey round"),
	.from = "survey_rounds r",
	.key = "r.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "r.starts, r.id",
	.fields = round_fields,
	.not_found = N_("survey round %s: no such round"),
	.list_cmd = "pm-survey rounds"
};

static const struct pm_field response_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "s.record", 0, NULL),
	PM_FIELD(N_("round"), PM_F_INT, "s.round", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "s.unit", 0, NULL),
	PM_FIELD(N_("respondent"), PM_F_TEXT, "s.respondent", 0, NULL),
	PM_FIELD(N_("answered"), PM_F_TIME, "s.answered_at", 0, NULL),
	PM_FIELD(N_("worst"), PM_F_TEXT, "s.worst", 0, &pm_v_satisfaction),
	PM_FIELD(N_("answers"), PM_F_TEXT, "(SELECT group_concat(line || '='"
	    " || score, ' ') FROM (SELECT a.line, a.score FROM survey_answers a"
	    " JOIN survey_round_lines l ON l.round = s.round AND l.line = a.line"
	    " WHERE a.response = s.id ORDER BY l.position))", 0, NULL),
	PM_FIELD(N_("comment"), PM_F_TEXT, "s.comment", 0, NULL),
	PM_FIELD(N_("source"), PM_F_TEXT, "s.source", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded_at"), PM_F_TIME, "s.recorded_at", PM_F_SHOW,
	    NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "s.recorded_by", PM_F_SHOW,
	    NULL),
	PM_FIELD_END
};

static const struct pm_filter response_filters[] = {
	{ .opt = { "round", OPT_ROUND, N_("id"), N_("the answers to this round") },
	    .kind = PM_FILTER_EQ, .sql = "s.round = ?",
	    .ref = &pm_survey_round_type },
	{ .opt = { "unit", OPT_UNIT, N_("code"), N_("this household's answers") },
	    .kind = PM_FILTER_EQ, .sql = "s.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "worst", OPT_WORST, N_("satisfaction"),
	    N_("answers whose lowest grade is this: satisfied, basic or "
	    "dissatisfied") },
	    .kind = PM_FILTER_EQ, .sql = "s.worst = ?",
	    .vocab = &pm_v_satisfaction },
	{ .opt = { "commented", OPT_COMMENTED, NULL,
	    N_("answers with a comment") },
	    .kind = PM_FILTER_FLAG, .sql = "s.comment IS NOT NULL" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_survey_response_type = {
	.name = N_("survey answer"),
	.from = "survey_responses_now s",
	.key = "s.record",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.order = "s.round, s.unit" PM_SQL_NATURAL ", s.record",
	.fields = response_fields,
	.filters = response_filters,
	.not_found = N_("survey answer %s: no such answer"),
	.list_cmd = "pm-survey answers"
};
