/*
 * pm-survey - owner satisfaction surveys (满意度调查): open a round,
 * import its answers from a form's export, tally them by service line
 * against the targets, read the comments.  Options and glue only; the
 * work is in libpm/survey*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "import.h"
#include "people.h"
#include "record.h"
#include "survey.h"

enum {
	OPT_QUARTER = PM_OPT_LONG,
	OPT_LINES,
	OPT_SCALE,
	OPT_TITLE,
	OPT_ROUND,
	OPT_MAP,
	OPT_AS_OF,
	OPT_CHECK,
	OPT_PERIOD
};

#define MAX_MAP 16

static const struct pm_opt open_opts[] = {
	{ "quarter", OPT_QUARTER, N_("quarter"),
	    N_("the quarter it surveys: 2026-Q4 (required)") },
	{ "lines", OPT_LINES, N_("code,..."),
	    N_("the service lines asked (default: all, see pm-survey lines)") },
	{ "scale", OPT_SCALE, N_("points"),
	    N_("3 (满意, 基本满意, 不满意) or 5 (非常满意 ... 非常不满意); "
	    "default 3") },
	{ "title", OPT_TITLE, N_("text"), N_("a title: 2026年第四季度业主满意度调查") },
	{ NULL, 0, NULL, NULL }
};

static int
open_round(struct pm_db *db, void *r, int64_t *id)
{
	return pm_survey_open(db, r, id);
}

static int
cmd_open(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_survey_round r;
	int c, rc;

	memset(&r, 0, sizeof r);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_QUARTER:
			r.quarter = optarg;
			break;
		case OPT_LINES:
			r.lines = optarg;
			break;
		case OPT_SCALE:
			if (strcmp(optarg, "3") != 0 && strcmp(optarg, "5") != 0)
				return pm_cli_bad("scale", optarg,
				    N_("3 or 5 points"));
			r.scale = optarg[0] - '0';
			break;
		case OPT_TITLE:
			r.title = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (r.quarter == NULL)
		return pm_cli_needs(cli, "quarter");
	return pm_cli_add_one(cli, open_round, &r);
}

static const struct pm_opt import_opts[] = {
	{ "round", OPT_ROUND, N_("id"), N_("the round (default: the latest)") },
	{ "map", OPT_MAP, N_("column=field"),
	    N_("take the file's COLUMN as FIELD (unit, respondent, answered, "
	    "comment, a line's code, or - to leave it out); again for "
	    "more") },
	{ "dry-run", 'n', NULL,
	    N_("check and show what would change, keeping nothing") },
	{ "from", 'f', N_("format"),
	    N_("the input format: csv, tsv or json (default: guessed from "
	    "the first line)") },
	{ NULL, 0, NULL, NULL }
};

static void
warn_line(const char *msg, void *arg)
{
	pm_warn("%s", msg);
}

static int
print_id(const char *id, void *arg)
{
	pm_cli_print_id(arg, id);
	return 0;
}

static int
cmd_import(struct pm_cli *cli, int argc, char **argv)
{
	enum pm_rec_fmt fmt = PM_REC_AUTO;
	struct pm_survey_import *si = NULL;
	struct pm_db *db = NULL;
	const char *round = NULL, *map[MAX_MAP + 2], *file;
	int64_t id;
	int c, rc, dry = 0, nmap = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_ROUND:
			round = optarg;
			break;
		case OPT_MAP:
			if (nmap > MAX_MAP)
				return pm_err(PM_EX_USAGE, "map: at most %d "
				    "columns", MAX_MAP);
			map[nmap++] = optarg;
			break;
		case 'n':
			dry = 1;
			break;
		case 'f':
			if ((rc = pm_rec_parse_format(optarg, &fmt)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	map[nmap] = NULL;
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	file = argc ? argv[0] : NULL;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0)
		return rc;
	if ((rc = pm_survey_round(db, round, &id)) == 0 &&
	    (rc = pm_survey_import_new(db, id, map, file != NULL &&
	    strcmp(file, "-") != 0 ? file : "stdin", &si)) == 0)
		rc = pm_import(db, pm_survey_import_decl(si), si, file, fmt,
		    dry, warn_line, print_id, cli);
	pm_survey_import_free(si);
	pm_db_close(db);
	return rc;
}

static int
cmd_void(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_survey_response_fact);
}

static const struct pm_opt tally_opts[] = {
	{ "round", OPT_ROUND, N_("id"), N_("the round (default: the latest)") },
	{ "period", OPT_PERIOD, N_("period"),
	    N_("the rounds of the quarters that begin in this period, "
	    "pooled: 2026, 2026-10") },
	{ "as-of", OPT_AS_OF, N_("time"),
	    N_("count the answers as they were recorded at this time") },
	{ "check", OPT_CHECK, NULL,
	    N_("exit 1 when a line or the overall rate misses its target") },
	{ NULL, 0, NULL, NULL }
};

struct tally_out {
	struct pm_out *o;
	int missed;
};

static int
tally_row(const struct pm_survey_tally_row *r, void *arg)
{
	struct tally_out *t = arg;

	pm_survey_tally_put(t->o, r);
	if (pm_survey_met(r) == 0)
		t->missed = 1;
	return 0;
}

static int
cmd_tally(struct pm_cli *cli, int argc, char **argv)
{
	struct tally_out t = { NULL, 0 };
	struct pm_db *db = NULL;
	const char *round = NULL, *period = NULL;
	pm_time as_of = 0, from, to;
	int64_t id;
	int c, rc, rc2, check = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_ROUND:
			round = optarg;
			break;
		case OPT_PERIOD:
			period = optarg;
			break;
		case OPT_AS_OF:
			if ((rc = pm_time_parse(optarg, &as_of)) != 0)
				return rc;
			break;
		case OPT_CHECK:
			check = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (round != NULL && period != NULL)
		return pm_err(PM_EX_USAGE, "--round and --period: one or the "
		    "other");
	if (period != NULL && (rc = pm_people_period(period, NULL, &from,
	    &to)) != 0)
		return rc;
	if (as_of == 0)
		as_of = pm_now();
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if (period == NULL && (rc = pm_survey_round(db, round, &id)) != 0) {
		pm_db_close(db);
		return rc;
	}
	t.o = pm_cli_out(cli, pm_survey_tally_cols, pm_survey_tally_ncols);
	pm_out_null_text(t.o, pm_out_for_people(t.o) ? "—" : "");
	rc = period != NULL ? pm_survey_period(db, from, to, as_of, tally_row,
	    &t) : pm_survey_tally(db, id, as_of, tally_row, &t);
	rc2 = rc == 0 ? pm_out_close(t.o) : (pm_out_abort(t.o), 0);
	pm_db_close(db);
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	return check && t.missed ? PM_EX_FOUND : 0;
}

static const struct pm_opt comments_opts[] = {
	{ "round", OPT_ROUND, N_("id"), N_("the round (default: the latest)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_comments(struct pm_cli *cli, int argc, char **argv)
{
	const struct pm_filter *f;
	const struct pm_col *cols;
	struct pm_given g[2];
	struct pm_db *db = NULL;
	struct pm_out *o;
	const char *round = NULL;
	char idb[24];
	int64_t id;
	int c, rc, rc2, n;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_ROUND)
			round = optarg;
		else
			return pm_cli_usage(cli);
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if ((rc = pm_survey_round(db, round, &id)) != 0) {
		pm_db_close(db);
		return rc;
	}
	snprintf(idb, sizeof idb, "%lld", (long long)id);
	for (f = pm_survey_response_type.filters, n = 0; f->opt.name != NULL;
	    f++)
		if (strcmp(f->opt.name, "round") == 0 ||
		    strcmp(f->opt.name, "commented") == 0) {
			g[n].f = f;
			g[n++].value = f->opt.arg != NULL ? idb : NULL;
		}
	cols = pm_rec_cols(&pm_survey_response_type, 0, &c);
	o = pm_cli_out(cli, cols, c);
	rc = pm_rec_list(db, &pm_survey_response_type, g, n, 0, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_cli_verb verbs[] = {
	{ "open", cmd_open,
	    N_("--quarter quarter [--lines code,...] [--scale points]"
	    " [--title text]"),
	    N_("open a survey round: its lines and targets are kept as they "
	    "are now"), open_opts, NULL },
	{ "rounds", pm_rec_cmd_list, NULL, N_("list the survey rounds"), NULL,
	    &pm_survey_round_type },
	{ "lines", pm_rec_cmd_list, NULL,
	    N_("list the service lines a survey can ask about, and their "
	    "targets"), NULL, &pm_survey_line_type },
	{ "import", cmd_import,
	    N_("[--round id] [--map column=field] [-n] [--from format] [file]"),
	    N_("add the answers of a form's export (CSV, TSV or JSON Lines), "
	    "all or nothing"), import_opts, NULL },
	{ "answers", pm_rec_cmd_list, NULL, N_("list the answers"), NULL,
	    &pm_survey_response_type },
	{ "void", cmd_void, N_("--reason text id ..."),
	    N_("void answers imported by mistake (they are kept, marked void)"),
	    pm_fact_void_opts, NULL },
	{ "tally", cmd_tally,
	    N_("[--round id] [--period period] [--as-of time] [--check]"),
	    N_("the satisfaction rate by service line and overall, against "
	    "the targets"), tally_opts, NULL },
	{ "comments", cmd_comments, N_("[--round id]"),
	    N_("the answers that came with a comment"), comments_opts, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
