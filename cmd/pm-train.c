/*
 * pm-train - training (培训): sessions, attendance and test scores, the
 * weekly quota per department, the month-end scores for the appraisal,
 * and the staff at work without a passed pre-job training.  Options and
 * glue only; the work is in libpm/train*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "money.h"
#include "people.h"
#include "record.h"
#include "train.h"

enum {
	OPT_DEPARTMENT = PM_OPT_LONG,
	OPT_KIND,
	OPT_TOPIC,
	OPT_TRAINER,
	OPT_AT,
	OPT_HOURS,
	OPT_PLACE,
	OPT_PASS_MARK,
	OPT_SESSION,
	OPT_SCORE,
	OPT_PASSED,
	OPT_FAILED,
	OPT_AS_OF,
	OPT_ALL
};

static const struct pm_opt add_opts[] = {
	{ "department", OPT_DEPARTMENT, N_("code"),
	    N_("the department trained (required)") },
	{ "kind", OPT_KIND, N_("kind"),
	    N_("pre-job, in-service, drill, competition or test (required)") },
	{ "topic", OPT_TOPIC, N_("text"), N_("what it was about (required)") },
	{ "trainer", OPT_TRAINER, N_("name"), N_("who gave it (required)") },
	{ "at", OPT_AT, N_("time"),
	    N_("when it starts (required; may be ahead, as planned)") },
	{ "hours", OPT_HOURS, N_("hours"), N_("how long: 1.5 (required)") },
	{ "place", OPT_PLACE, N_("text"), N_("where") },
	{ "pass-mark", OPT_PASS_MARK, N_("score"),
	    N_("the score that passes, for sessions with a test") },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_opt correct_opts[] = {
	{ "department", OPT_DEPARTMENT, N_("code"), N_("the department") },
	{ "kind", OPT_KIND, N_("kind"), N_("the kind") },
	{ "topic", OPT_TOPIC, N_("text"), N_("the topic") },
	{ "trainer", OPT_TRAINER, N_("name"), N_("the trainer") },
	{ "at", OPT_AT, N_("time"), N_("when it started") },
	{ "hours", OPT_HOURS, N_("hours"), N_("how long") },
	{ "place", OPT_PLACE, N_("text"), N_("where ('' clears it)") },
	{ "pass-mark", OPT_PASS_MARK, N_("score"),
	    N_("the pass mark ('' clears it)") },
	{ "reason", 'R', N_("text"), N_("why it is corrected (required)") },
	{ NULL, 0, NULL, NULL }
};

static int
session_options(struct pm_cli *cli, int argc, char **argv,
    struct pm_train_session *s, const char **reason)
{
	int c, rc;

	memset(s, 0, sizeof *s);
	s->pass_mark = -2;
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_DEPARTMENT:
			s->department = optarg;
			break;
		case OPT_KIND:
			s->kind = optarg;
			break;
		case OPT_TOPIC:
			s->topic = optarg;
			break;
		case OPT_TRAINER:
			s->trainer = optarg;
			break;
		case OPT_AT:
			if ((rc = pm_time_parse(optarg, &s->at)) != 0)
				return rc;
			break;
		case OPT_HOURS:
			if ((rc = pm_hundredths_parse(optarg, "hours",
			    &s->hours)) != 0)
				return rc;
			if (s->hours == 0)
				return pm_err(PM_EX_DATAERR, "hours: more than "
				    "0 and at most 24");
			break;
		case OPT_PLACE:
			s->place = optarg;
			break;
		case OPT_PASS_MARK:
			s->pass_mark = -1;
			if (*optarg != '\0' && (rc = pm_hundredths_parse(optarg,
			    "pass mark", &s->pass_mark)) != 0)
				return rc;
			break;
		case 'R':
			*reason = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	return 0;
}

static int
add_session(struct pm_db *db, void *s, int64_t *id)
{
	return pm_train_add(db, s, id);
}

static int
cmd_add(struct pm_cli *cli, int argc, char **argv)
{
	static const char *const need[] = { "department", "kind", "topic",
	    "trainer", "at", "hours" };
	struct pm_train_session s;
	const char *reason = NULL;
	const void *given[6];
	int rc, i;

	if ((rc = session_options(cli, argc, argv, &s, &reason)) != 0 ||
	    (rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	given[0] = s.department;
	given[1] = s.kind;
	given[2] = s.topic;
	given[3] = s.trainer;
	given[4] = s.at != 0 ? &s.at : NULL;
	given[5] = s.hours != 0 ? &s.hours : NULL;
	for (i = 0; i < 6; i++)
		if (given[i] == NULL)
			return pm_cli_needs(cli, need[i]);
	if (s.pass_mark == -2)
		s.pass_mark = -1;
	return pm_cli_add_one(cli, add_session, &s);
}

struct correction {
	struct pm_train_session s;
	const char *reason;
};

static int
correct_one(struct pm_db *db, const char *id, void *arg)
{
	struct correction *c = arg;

	return pm_train_correct(db, id, &c->s, c->reason);
}

static int
cmd_correct(struct pm_cli *cli, int argc, char **argv)
{
	struct correction c;
	int rc;

	c.reason = NULL;
	if ((rc = session_options(cli, argc, argv, &c.s, &c.reason)) != 0)
		return rc;
	return pm_fact_correct_cmd(cli, argc, argv, c.reason, correct_one, &c);
}

static int
cmd_void(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_train_session_fact);
}

static int
cmd_void_attendance(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_train_attendance_fact);
}

static const struct pm_opt attend_opts[] = {
	{ "session", OPT_SESSION, N_("id"), N_("the session (required)") },
	{ "score", OPT_SCORE, N_("score"), N_("the test score: 85, 92.5") },
	{ "passed", OPT_PASSED, NULL,
	    N_("passed (default: by the session's pass mark and the score)") },
	{ "failed", OPT_FAILED, NULL, N_("failed") },
	{ NULL, 0, NULL, NULL }
};

struct attend {
	const char *session;
	int64_t score;
	int passed;
};

static int
attend_one(struct pm_db *db, const char *login, char *canon, size_t len,
    void *arg)
{
	struct attend *a = arg;
	int64_t id;
	int rc;

	if ((rc = pm_train_attend(db, a->session, login, a->score, a->passed,
	    &id)) == 0)
		snprintf(canon, len, "%lld", (long long)id);
	return rc;
}

static int
cmd_attend(struct pm_cli *cli, int argc, char **argv)
{
	struct attend a = { NULL, -1, -1 };
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_SESSION:
			a.session = optarg;
			break;
		case OPT_SCORE:
			if ((rc = pm_hundredths_parse(optarg, "score",
			    &a.score)) != 0)
				return rc;
			break;
		case OPT_PASSED:
		case OPT_FAILED:
			if (a.passed >= 0)
				return pm_err(PM_EX_USAGE, "--passed and "
				    "--failed: one or the other");
			a.passed = c == OPT_PASSED;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if (a.session == NULL)
		return pm_cli_needs(cli, "session");
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    attend_one, &a);
}

static const struct pm_opt figure_opts[] = {
	{ "as-of", OPT_AS_OF, N_("time"),
	    N_("count the records as they were at this time (a closed period "
	    "as it was reported)") },
	{ NULL, 0, NULL, NULL }
};

/* "[--as-of time] [period]": the period and the moment. */
static int
figure_args(struct pm_cli *cli, int argc, char **argv, const char *dflt,
    pm_time *from, pm_time *to, pm_time *as_of)
{
	int c, rc;

	*as_of = 0;
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_AS_OF) {
			if ((rc = pm_time_parse(optarg, as_of)) != 0)
				return rc;
		} else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = pm_people_period(argc ? argv[0] : NULL, dflt, from,
	    to)) != 0)
		return rc;
	if (*as_of == 0)
		*as_of = pm_now();
	return 0;
}

static int
quota_row(const struct pm_train_quota_row *r, void *arg)
{
	pm_train_quota_put(arg, r);
	return 0;
}

static int
cmd_quota(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time from, to, as_of;
	int rc, rc2, short_ = 0;

	if ((rc = figure_args(cli, argc, argv, "this-week", &from, &to,
	    &as_of)) != 0 || (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_train_quota_cols, pm_train_quota_ncols);
	rc = pm_train_quota(db, from, to, as_of, quota_row, o, &short_);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	return short_ ? PM_EX_FOUND : 0;
}

static int
score_row(const struct pm_train_score_row *r, void *arg)
{
	pm_train_score_put(arg, r);
	return 0;
}

static int
cmd_scores(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time from, to, as_of;
	int rc, rc2;

	if ((rc = figure_args(cli, argc, argv, "this-month", &from, &to,
	    &as_of)) != 0 || (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_train_score_cols, pm_train_score_ncols);
	rc = pm_train_scores(db, from, to, as_of, score_row, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_opt unqualified_opts[] = {
	{ "all", OPT_ALL, NULL,
	    N_("every staff member without it, at work or not") },
	{ NULL, 0, NULL, NULL }
};

struct unq {
	struct pm_out *o;
	int n;
};

static int
unqualified_row(const struct pm_train_unqualified_row *r, void *arg)
{
	struct unq *u = arg;

	pm_out_text(u->o, r->login);
	pm_out_text(u->o, r->name);
	pm_out_text(u->o, r->department);
	pm_rec_out_time(u->o, r->since, PM_F_TIME);
	pm_out_text(u->o, r->pre_job);
	pm_out_text(u->o, r->at_work);
	pm_out_row(u->o);
	u->n++;
	return 0;
}

static int
cmd_unqualified(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct unq u = { NULL, 0 };
	pm_time from, to;
	int c, rc, rc2, all = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_ALL)
			all = 1;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = pm_people_period(argc ? argv[0] : NULL, "today", &from,
	    &to)) != 0 || (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	u.o = pm_cli_out(cli, pm_train_unqualified_cols,
	    pm_train_unqualified_ncols);
	rc = pm_train_unqualified(db, from, to, all, unqualified_row, &u);
	rc2 = rc == 0 ? pm_out_close(u.o) : (pm_out_abort(u.o), 0);
	pm_db_close(db);
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	return u.n > 0 ? PM_EX_FOUND : 0;
}

static const struct pm_cli_verb verbs[] = {
	{ "add", cmd_add,
	    N_("--department code --kind kind --topic text --trainer name"
	    " --at time --hours hours [--place text] [--pass-mark score]"),
	    N_("record a training session, held or planned"), add_opts, NULL },
	{ "list", pm_rec_cmd_list, NULL, N_("list the training sessions"),
	    NULL, &pm_train_session_type },
	{ "show", pm_rec_cmd_show, NULL, N_("show training sessions"), NULL,
	    &pm_train_session_type },
	{ "correct", cmd_correct,
	    N_("[--department code] [--kind kind] [--topic text]"
	    " [--trainer name] [--at time] [--hours hours] [--place text]"
	    " [--pass-mark score] --reason text id"),
	    N_("correct a session: a new version, the old one kept"),
	    correct_opts, NULL },
	{ "void", cmd_void, N_("--reason text id ..."),
	    N_("void sessions that did not take place (they are kept, marked "
	    "void)"), pm_fact_void_opts, NULL },
	{ "attend", cmd_attend,
	    N_("--session id [--score score] [--passed | --failed] login ..."),
	    N_("record who attended a session, and their scores; again for "
	    "the same person updates it"), attend_opts, NULL },
	{ "attendance", pm_rec_cmd_list, NULL,
	    N_("list who attended which session, with their scores"), NULL,
	    &pm_train_attendance_type },
	{ "void-attendance", cmd_void_attendance, N_("--reason text id ..."),
	    N_("void attendance recorded by mistake"), pm_fact_void_opts,
	    NULL },
	{ "quota", cmd_quota, N_("[--as-of time] [period]"),
	    N_("sessions held per department and week against the quota; exit "
	    "1 when a department is short (for cron)"), figure_opts, NULL },
	{ "scores", cmd_scores, N_("[--as-of time] [period]"),
	    N_("the test scores of a month, for the appraisal"), figure_opts,
	    NULL },
	{ "unqualified", cmd_unqualified, N_("[--all] [period]"),
	    N_("staff at work without a passed pre-job training; exit 1 when "
	    "any (for cron)"), unqualified_opts, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
