/*
 * pm-inspect - inspections at three levels (自检, 班长检查, 主管抽查), the
 * facility register and its maintenance archive, what is due, the
 * year's work plans and the housing grades.  Options and glue only; the
 * work is in libpm/inspect*.c and facility*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "inspect.h"
#include "money.h"
#include "staff.h"
#include "text.h"

enum {
	OPT_OF = PM_OPT_LONG,
	OPT_AT,
	OPT_SUMMARY,
	OPT_INSPECTOR,
	OPT_TASK,
	OPT_DONE,
	OPT_CONTRACTOR,
	OPT_PARTS,
	OPT_COST,
	OPT_RESULT,
	OPT_NEXT_DUE,
	OPT_CERTIFICATE,
	OPT_STATE,
	OPT_REASON,
	OPT_GRADE
};

/* A time option: parsed at once, so a typo is a usage error. */
static int
time_opt(const char *s, pm_time *t)
{
	return pm_time_parse(s, t);
}

/*
 * Write one record in a transaction of its own with 'write' and print
 * its id once committed (record, maint record).
 */
static int
write_one(struct pm_cli *cli, int (*write)(struct pm_db *, void *,
    int64_t *), void *arg)
{
	struct pm_db *db = NULL;
	char idb[24];
	int64_t id = 0;
	int rc;

	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = write(db, arg, &id)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0) {
		snprintf(idb, sizeof idb, "%lld", (long long)id);
		pm_cli_print_id(cli, idb);
	}
out:
	pm_db_close(db);
	return rc;
}

static int
record_one(struct pm_db *db, void *arg, int64_t *id)
{
	return pm_inspect_record(db, arg, id);
}

static int
maint_one(struct pm_db *db, void *arg, int64_t *id)
{
	return pm_facility_maint(db, arg, id);
}

/*
 * record
 */

static const struct pm_opt record_opts[] = {
	{ "checklist", 'c', N_("code"),
	    N_("the checklist (required; see pm-inspect checklist list)") },
	{ "unit", 'u', N_("code"),
	    N_("the place: a unit, public area or common part") },
	{ "facility", 'f', N_("code"), N_("the place: a facility") },
	{ "ticket", 't', N_("id"),
	    N_("the place: a ticket's repair, checked once resolved") },
	{ "level", 'l', N_("level"),
	    N_("self, lead or supervisor (自检, 班长检查, 主管抽查; default: "
	    "the inspector's role)") },
	{ "inspector", 'i', N_("login"),
	    N_("who checked (default: the acting staff member)") },
	{ "of", OPT_OF, N_("id"),
	    N_("the lower-level check this one re-examines") },
	{ "at", OPT_AT, N_("time"),
	    N_("when it was checked, if not now (never in the future)") },
	{ "note", 'm', N_("text"), N_("a note on the whole check") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_record(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_inspect_result *rs = NULL;
	struct pm_inspect_new n;
	int c, i, rc, nr = 0, stdin_read = 0;

	memset(&n, 0, sizeof n);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'c':
			n.checklist = optarg;
			break;
		case 'u':
			n.unit = optarg;
			break;
		case 'f':
			n.facility = optarg;
			break;
		case 't':
			n.ticket = optarg;
			break;
		case 'l':
			n.level = optarg;
			break;
		case 'i':
			n.inspector = optarg;
			break;
		case OPT_OF:
			n.of = optarg;
			break;
		case OPT_AT:
			if ((rc = time_opt(optarg, &n.at)) != 0)
				return rc;
			break;
		case 'm':
			n.note = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if (n.checklist == NULL)
		return pm_cli_needs(cli, "checklist");
	if ((n.unit != NULL) + (n.facility != NULL) + (n.ticket != NULL) != 1)
		return pm_err(PM_EX_USAGE, "record: give one place: --unit, "
		    "--facility or --ticket");
	/* The results, all read before the database is opened. */
	if ((rs = calloc((size_t)argc + 1, sizeof *rs)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	for (i = 0, rc = 0; i < argc && rc == 0; i++)
		if (strcmp(argv[i], "-") != 0)
			rc = pm_inspect_parse_result(argv[i], &rs[nr++]);
		else
			stdin_read = 1;
	if (rc == 0 && stdin_read)
		rc = pm_inspect_read_results(stdin, "stdin", &rs, &nr);
	if (rc == 0)
		n.results = rs;
	n.nresults = nr;
	if (rc == 0)
		rc = write_one(cli, record_one, &n);
	pm_inspect_results_free(rs, nr);
	return rc;
}

/*
 * show and items: in a table, each check is followed by its items.
 */

struct show {
	struct pm_cli *cli;
	struct pm_db *db;
	struct pm_out *o;
	const struct pm_rtype *t;	/* what show shows */
	const struct pm_rtype *sub;	/* and below it, in a table */
	int (*history)(struct pm_db *, const char *, struct pm_out *);
	int nth;
};

static int
list_of(struct show *s, const struct pm_rtype *t, const char *key)
{
	const struct pm_col *cols;
	struct pm_given g;
	struct pm_out *o;
	int rc, rc2, n;

	g.f = &t->filters[0];
	g.value = key;
	cols = pm_rec_cols(t, 0, &n);
	o = pm_cli_out(s->cli, cols, n);
	rc = pm_rec_list(s->db, t, &g, 1, 0, o);
	rc2 = pm_out_close(o);
	return rc != 0 ? rc : rc2;
}

static int
history_of(struct show *s, const char *key)
{
	struct pm_out *o;
	int rc, rc2;

	o = pm_cli_out(s->cli, pm_facility_history_cols,
	    pm_facility_history_ncols);
	rc = s->history(s->db, key, o);
	rc2 = pm_out_close(o);
	return rc != 0 ? rc : rc2;
}

static int
show_one(const char *key, void *arg)
{
	struct show *s = arg;
	const struct pm_col *cols;
	int rc, rc2, n;

	if (s->cli->format != PM_FMT_TABLE)
		return pm_rec_show(s->db, s->t, key, 0, s->o);
	if (s->nth++ > 0)
		putchar('\n');
	cols = pm_rec_cols(s->t, 1, &n);
	s->o = pm_cli_out(s->cli, cols, n);
	pm_out_vertical(s->o, 1);
	rc = pm_rec_show(s->db, s->t, key, 0, s->o);
	rc2 = pm_out_close(s->o);
	s->o = NULL;
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	putchar('\n');
	if ((rc = list_of(s, s->sub, key)) != 0 || s->history == NULL)
		return rc;
	putchar('\n');
	return history_of(s, key);
}

static int
run_show(struct pm_cli *cli, int argc, char **argv, struct show *s)
{
	const struct pm_col *cols;
	int rc, rc2, n;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 1, -1)) != 0)
		return rc;
	s->cli = cli;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &s->db)) != 0)
		return rc;
	if (cli->format != PM_FMT_TABLE) {
		cols = pm_rec_cols(s->t, 1, &n);
		s->o = pm_cli_out(cli, cols, n);
	}
	rc = pm_cli_each_id(cli, argc, argv, show_one, s);
	rc2 = pm_out_close(s->o);
	pm_db_close(s->db);
	return rc != 0 ? rc : rc2;
}

static int
cmd_show(struct pm_cli *cli, int argc, char **argv)
{
	struct show s = { NULL, NULL, NULL, &pm_inspection_type,
	    &pm_inspection_item_type, NULL, 0 };

	return run_show(cli, argc, argv, &s);
}

static int
cmd_facility_show(struct pm_cli *cli, int argc, char **argv)
{
	struct show s = { NULL, NULL, NULL, &pm_facility_type,
	    &pm_facility_plan_type, pm_facility_history, 0 };

	return run_show(cli, argc, argv, &s);
}

/* The rows of a list type for each key: items, checklist items. */
struct rows {
	struct pm_db *db;
	struct pm_out *o;
	const struct pm_rtype *t;
	int (*history)(struct pm_db *, const char *, struct pm_out *);
};

static int
rows_one(const char *key, void *arg)
{
	struct rows *r = arg;
	struct pm_given g;

	if (r->history != NULL)
		return r->history(r->db, key, r->o);
	g.f = &r->t->filters[0];
	g.value = key;
	return pm_rec_list(r->db, r->t, &g, 1, 0, r->o);
}

static int
run_rows(struct pm_cli *cli, int argc, char **argv, struct rows *r)
{
	const struct pm_col *cols;
	int rc, rc2, n;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &r->db)) != 0)
		return rc;
	if (r->history != NULL)
		r->o = pm_cli_out(cli, pm_facility_history_cols,
		    pm_facility_history_ncols);
	else {
		cols = pm_rec_cols(r->t, 0, &n);
		r->o = pm_cli_out(cli, cols, n);
	}
	rc = pm_cli_each_id(cli, argc, argv, rows_one, r);
	rc2 = pm_out_close(r->o);
	pm_db_close(r->db);
	return rc != 0 ? rc : rc2;
}

static int
cmd_items(struct pm_cli *cli, int argc, char **argv)
{
	struct rows r = { NULL, NULL, &pm_inspection_item_type, NULL };

	return run_rows(cli, argc, argv, &r);
}

static int
cmd_checklist_items(struct pm_cli *cli, int argc, char **argv)
{
	struct rows r = { NULL, NULL, &pm_checklist_item_type, NULL };

	return run_rows(cli, argc, argv, &r);
}

static int
cmd_facility_history(struct pm_cli *cli, int argc, char **argv)
{
	struct rows r = { NULL, NULL, NULL, pm_facility_history };

	return run_rows(cli, argc, argv, &r);
}

/*
 * failures, compare, due, rates: reports of a period or a day.
 */

static const struct pm_opt failures_opts[] = {
	{ "checklist", 'c', N_("code"), N_("the failures of this checklist") },
	{ "department", 'D', N_("code"),
	    N_("the failures of this department's checklists") },
	{ NULL, 0, NULL, NULL }
};

/* A period operand (default 'dflt'), which may not lie in the future. */
static int
period(int argc, char **argv, const char *dflt, pm_time *from, pm_time *to)
{
	const char *p = argc == 1 ? argv[0] : dflt;
	int rc;

	if ((rc = pm_period_parse(p, from, to)) != 0)
		return rc;
	if (*from > pm_now())
		return pm_err(PM_EX_DATAERR, "period %s: in the future", pm_q(p));
	return 0;
}

static int
cmd_failures(struct pm_cli *cli, int argc, char **argv)
{
	const char *checklist = NULL, *department = NULL;
	char k[128], d[128];
	struct pm_db *db;
	struct pm_out *o;
	pm_time from, to;
	int c, rc, rc2, n;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == 'c')
			checklist = optarg;
		else if (c == 'D')
			department = optarg;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = period(argc, argv, "today", &from, &to)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if ((checklist != NULL && (rc = pm_rec_find(db, &pm_checklist_type,
	    checklist, k, sizeof k)) != 0) || (department != NULL &&
	    (rc = pm_rec_find(db, &pm_department_type, department, d,
	    sizeof d)) != 0)) {
		pm_db_close(db);
		return rc;
	}
	/* An import file: TSV keeps its header, so "| pm-ticket import". */
	if (cli->format == PM_FMT_TSV)
		cli->header = 1;
	o = pm_cli_out(cli, pm_inspect_failure_cols, pm_inspect_failure_ncols);
	rc = pm_inspect_failures(db, from, to, checklist ? k : NULL,
	    department ? d : NULL, o, &n);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_opt compare_opts[] = {
	{ "inspector", OPT_INSPECTOR, N_("login"),
	    N_("only the checks made by this staff member") },
	{ "summary", OPT_SUMMARY, NULL,
	    N_("one line per inspector: checks and items re-examined, items "
	    "passed that a higher level failed") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_compare(struct pm_cli *cli, int argc, char **argv)
{
	const char *inspector = NULL;
	char who[128];
	struct pm_db *db;
	struct pm_out *o;
	pm_time from, to;
	int c, rc, rc2, n, summary = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_INSPECTOR)
			inspector = optarg;
		else if (c == OPT_SUMMARY)
			summary = 1;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = period(argc, argv, "this-month", &from, &to)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if (inspector != NULL && (rc = pm_rec_find(db, &pm_staff_type,
	    inspector, who, sizeof who)) != 0) {
		pm_db_close(db);
		return rc;
	}
	o = summary ? pm_cli_out(cli, pm_inspect_summary_cols,
	    pm_inspect_summary_ncols) : pm_cli_out(cli,
	    pm_inspect_compare_cols, pm_inspect_compare_ncols);
	rc = pm_inspect_compare(db, from, to, inspector ? who : NULL, summary,
	    o, &n);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_opt due_opts[] = {
	{ "department", 'D', N_("code"),
	    N_("only what this department does") },
	{ NULL, 0, NULL, NULL }
};

/* A day operand (default today). */
static int
day_arg(int argc, char **argv, pm_time *t)
{
	*t = pm_now();
	return argc == 1 ? pm_time_parse(argv[0], t) : 0;
}

static int
cmd_due(struct pm_cli *cli, int argc, char **argv)
{
	const char *department = NULL;
	pm_time day;
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == 'D')
			department = optarg;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = day_arg(argc, argv, &day)) != 0)
		return rc;
	/* Its reader is a person, usually in a mail from cron. */
	pm_cli_for_people(cli);
	return pm_inspect_due_cmd(cli, pm_day_of(day), department);
}

static int
cmd_rates(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db;
	struct pm_out *o;
	pm_time day;
	int rc, rc2;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 1)) != 0 ||
	    (rc = day_arg(argc, argv, &day)) != 0)
		return rc;
	if (pm_day_start(day) > pm_now())
		return pm_err(PM_EX_DATAERR, "day %s: in the future",
		    pm_q(argv[0]));
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_intact_cols, pm_intact_ncols);
	/* As the day stood at its end; today, as it stands now. */
	rc = pm_intact_report(db, pm_day_end(day) < pm_now() ?
	    pm_day_end(day) : pm_now() + 1, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

/*
 * Facilities: set-state; maintenance records.
 */

static const struct pm_opt state_opts[] = {
	{ "state", 's', N_("state"),
	    N_("good, faulty or out_of_service (完好, 故障, 停用; required)") },
	{ "reason", 'r', N_("text"), N_("why (required)") },
	{ "at", OPT_AT, N_("time"),
	    N_("since when, if not now (never in the future)") },
	{ NULL, 0, NULL, NULL }
};

/*
 * The per-code verbs set-state, work done and grade set share their
 * options: a word (--state, --grade), a text (--reason, --note) and
 * --at, the moment, as each verb's option table names them.
 */
struct dated_args {
	const char *word, *text;
	pm_time at;
};

static int
dated_opts(struct pm_cli *cli, int argc, char **argv, struct dated_args *a)
{
	int c, rc;

	memset(a, 0, sizeof *a);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 's':
		case 'g':
			a->word = optarg;
			break;
		case 'r':
		case 'm':
			a->text = optarg;
			break;
		case OPT_AT:
			if ((rc = time_opt(optarg, &a->at)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	return 0;
}

static int
set_state_one(struct pm_db *db, const char *code, char *canon, size_t len,
    void *arg)
{
	struct dated_args *a = arg;

	return pm_facility_set_state(db, code, a->word, a->at, a->text,
	    canon, len);
}

static int
cmd_set_state(struct pm_cli *cli, int argc, char **argv)
{
	struct dated_args a;
	int rc;

	if ((rc = dated_opts(cli, argc, argv, &a)) != 0)
		return rc;
	if (a.word == NULL)
		return pm_cli_needs(cli, "state");
	if (a.text == NULL)
		return pm_cli_needs(cli, "reason");
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    set_state_one, &a);
}

static const struct pm_opt maint_opts[] = {
	{ "task", 'k', N_("task"),
	    N_("the planned task carried out (see pm-inspect facility show); "
	    "without it, the record is of a repair") },
	{ "done", OPT_DONE, N_("text"),
	    N_("what was done (default: the task's name; required for a "
	    "repair)") },
	{ "contractor", OPT_CONTRACTOR, N_("name"),
	    N_("the contractor who did it") },
	{ "parts", OPT_PARTS, N_("text"), N_("the parts used") },
	{ "cost", OPT_COST, N_("amount"), N_("what it cost, in yuan") },
	{ "result", OPT_RESULT, N_("state"),
	    N_("the facility's state after it: good, faulty or "
	    "out_of_service (default: good)") },
	{ "next-due", OPT_NEXT_DUE, N_("day"),
	    N_("when the task is due next, if not one interval on (within a "
	    "hard limit)") },
	{ "certificate", OPT_CERTIFICATE, N_("day"),
	    N_("the renewed certificate's expiry") },
	{ "at", OPT_AT, N_("time"),
	    N_("when it was done, if not now (never in the future)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_maint(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_maint_new m;
	int c, rc;

	memset(&m, 0, sizeof m);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'k':
			m.task = optarg;
			break;
		case OPT_DONE:
			m.done = optarg;
			break;
		case OPT_CONTRACTOR:
			m.contractor = optarg;
			break;
		case OPT_PARTS:
			m.parts = optarg;
			break;
		case OPT_COST:
			if ((rc = pm_money_parse(optarg, &m.cost)) != 0)
				return rc;
			break;
		case OPT_RESULT:
			m.result = optarg;
			break;
		case OPT_NEXT_DUE:
			m.next_due = optarg;
			break;
		case OPT_CERTIFICATE:
			m.certificate = optarg;
			break;
		case OPT_AT:
			if ((rc = time_opt(optarg, &m.at)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, 1)) != 0)
		return rc;
	if (m.task == NULL && m.done == NULL)
		return pm_err(PM_EX_USAGE, "maint record: give --task, or "
		    "--done for a repair");
	m.facility = argv[0];
	return write_one(cli, maint_one, &m);
}

/*
 * Work plans and grades: per-code verbs.
 */

static const struct pm_opt work_opts[] = {
	{ "at", OPT_AT, N_("time"),
	    N_("when it was done, if not now (never in the future)") },
	{ "note", 'm', N_("text"), N_("a note") },
	{ NULL, 0, NULL, NULL }
};

static int
work_one(struct pm_db *db, const char *code, char *canon, size_t len,
    void *arg)
{
	struct dated_args *a = arg;

	return pm_work_done(db, code, a->at, a->text, canon, len);
}

static int
grade_one(struct pm_db *db, const char *code, char *canon, size_t len,
    void *arg)
{
	struct dated_args *a = arg;

	return pm_grade_set(db, code, a->word, a->at, a->text, canon, len);
}

static int
cmd_work_done(struct pm_cli *cli, int argc, char **argv)
{
	struct dated_args a;
	int rc;

	if ((rc = dated_opts(cli, argc, argv, &a)) != 0)
		return rc;
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    work_one, &a);
}

static const struct pm_opt grade_opts[] = {
	{ "grade", 'g', N_("grade"),
	    N_("good, basic, damaged, serious or dangerous (完好, 基本完好, "
	    "一般损坏, 严重损坏, 危险; required)") },
	{ "at", OPT_AT, N_("time"),
	    N_("when it was assessed, if not now (never in the future)") },
	{ "reason", 'r', N_("text"), N_("what was found") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_grade_set(struct pm_cli *cli, int argc, char **argv)
{
	struct dated_args a;
	int rc;

	if ((rc = dated_opts(cli, argc, argv, &a)) != 0)
		return rc;
	if (a.word == NULL)
		return pm_cli_needs(cli, "grade");
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    grade_one, &a);
}

static const struct pm_cli_verb verbs[] = {
	{ "record", cmd_record,
	    N_("--checklist code (--unit code | --facility code | --ticket id)"
	    " [--level level] [--inspector login] [--of id] [--at time]"
	    " [--note text] [item=result ...] [-]"),
	    N_("record a check: each item's result (3=fail:note, 5=1234.5), "
	    "an item not named passed; - reads item, result, note from "
	    "stdin"), record_opts, NULL },
	{ "list", pm_rec_cmd_list, NULL,
	    N_("list the checks made, with their scores"), NULL,
	    &pm_inspection_type },
	{ "show", cmd_show, N_("id ..."),
	    N_("show checks (in a table, each with its items)"), NULL, NULL },
	{ "items", cmd_items, N_("id ..."),
	    N_("the items of checks, each with its result"), NULL, NULL },
	{ "failures", cmd_failures,
	    N_("[--checklist code] [--department code] [period]"),
	    N_("the failed items of a period (default today), one ticket each "
	    "for 'pm-ticket import'"), failures_opts, NULL },
	{ "compare", cmd_compare, N_("[--inspector login] [--summary] [period]"),
	    N_("where a lower level passed what a higher level failed, by "
	    "inspector (default: this month)"), compare_opts, NULL },
	{ "due", cmd_due, N_("[--department code] [day]"),
	    N_("rounds, maintenance, certificates and work plans due or "
	    "overdue on a day; exit 1 when any is overdue (for cron)"),
	    due_opts, NULL },
	{ "rates", cmd_rates, N_("[day]"),
	    N_("the housing and facility intact rates as of a day's end"),
	    NULL, NULL },
	{ "checklist list", pm_rec_cmd_list, NULL,
	    N_("list the checklists"), NULL, &pm_checklist_type },
	{ "checklist items", cmd_checklist_items, N_("code ..."),
	    N_("the items of checklists: what pass means, weight, reading"),
	    NULL, NULL },
	{ "facility list", pm_rec_cmd_list, NULL,
	    N_("list the facility register (设备设施台帐) with each state"),
	    NULL, &pm_facility_type },
	{ "facility show", cmd_facility_show, N_("code ..."),
	    N_("show facilities (in a table, each with its plans and history)"),
	    NULL, NULL },
	{ "facility history", cmd_facility_history, N_("code ..."),
	    N_("the archive of facilities: states, maintenance, repairs and "
	    "checks"), NULL, NULL },
	{ "facility set-state", cmd_set_state,
	    N_("--state state --reason text [--at time] code ..."),
	    N_("set the state of facilities, with when and why"), state_opts,
	    NULL },
	{ "maint record", cmd_maint,
	    N_("[--task task] [--done text] [--contractor name] [--parts text]"
	    " [--cost amount] [--result state] [--next-due day]"
	    " [--certificate day] [--at time] facility"),
	    N_("record maintenance or a repair (维修记录) of a facility"),
	    maint_opts, NULL },
	{ "maint list", pm_rec_cmd_list, NULL,
	    N_("list the maintenance records"), NULL, &pm_maint_type },
	{ "work list", pm_rec_cmd_list, NULL,
	    N_("list the work-plan entries of the year's plans"), NULL,
	    &pm_work_type },
	{ "work done", cmd_work_done, N_("[--at time] [--note text] code ..."),
	    N_("record work-plan entries as carried out"), work_opts, NULL },
	{ "grade set", cmd_grade_set,
	    N_("--grade grade [--at time] [--reason text] code ..."),
	    N_("grade units, or every unit of buildings (房屋完损等级)"),
	    grade_opts, NULL },
	{ "grade list", pm_rec_cmd_list, NULL,
	    N_("list the housing grades given, with when and by whom"), NULL,
	    &pm_grade_type },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
