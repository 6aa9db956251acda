/*
 * pm-visit - walk visits (走访): record them, check the quota, list the
 * households to visit next, and hand what was raised to the desk.
 * Options and glue only; the work is in libpm/visit*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "mask.h"
#include "people.h"
#include "record.h"
#include "unit.h"
#include "visit.h"

enum {
	OPT_AT = PM_OPT_LONG,
	OPT_STAFF,
	OPT_MET,
	OPT_SATISFACTION,
	OPT_NOTE,
	OPT_SINCE,
	OPT_ALL,
	OPT_AS_OF,
	OPT_BUILDING,
	OPT_REVEAL
};

static const struct pm_opt add_opts[] = {
	{ "unit", 'u', N_("code"), N_("the household visited (required)") },
	{ "staff", OPT_STAFF, N_("login"),
	    N_("who visited (default: the acting staff member)") },
	{ "at", OPT_AT, N_("time"), N_("when, if not now (never in the future)") },
	{ "met", OPT_MET, N_("text"), N_("whom they met: 业主, 家属, 租户") },
	{ "satisfaction", OPT_SATISFACTION, N_("satisfaction"),
	    N_("the owner's: satisfied, basic or dissatisfied (满意, 基本满意, "
	    "不满意)") },
	{ "raised", 'r', N_("text"),
	    N_("a matter for the desk, which becomes a ticket (needs "
	    "--category)") },
	{ "category", 'c', N_("code"),
	    N_("the ticket category of what was raised (see pm-ticket "
	    "categories)") },
	{ "note", OPT_NOTE, N_("text"), N_("anything else worth keeping") },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_opt correct_opts[] = {
	{ "unit", 'u', N_("code"), N_("the household visited") },
	{ "staff", OPT_STAFF, N_("login"), N_("who visited") },
	{ "at", OPT_AT, N_("time"), N_("when") },
	{ "met", OPT_MET, N_("text"), N_("whom they met ('' clears it)") },
	{ "satisfaction", OPT_SATISFACTION, N_("satisfaction"),
	    N_("satisfied, basic or dissatisfied ('' clears it)") },
	{ "raised", 'r', N_("text"),
	    N_("what was raised ('' clears it and its category)") },
	{ "category", 'c', N_("code"), N_("the category of what was raised") },
	{ "note", OPT_NOTE, N_("text"), N_("a note ('' clears it)") },
	{ "reason", 'R', N_("text"), N_("why it is corrected (required)") },
	{ NULL, 0, NULL, NULL }
};

/* Read the options of add and correct into 'v'. */
static int
visit_options(struct pm_cli *cli, int argc, char **argv, struct pm_visit *v,
    const char **reason)
{
	int c, rc;

	memset(v, 0, sizeof *v);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'u':
			v->unit = optarg;
			break;
		case OPT_STAFF:
			v->staff = optarg;
			break;
		case OPT_AT:
			if ((rc = pm_time_parse(optarg, &v->at)) != 0)
				return rc;
			break;
		case OPT_MET:
			v->met = optarg;
			break;
		case OPT_SATISFACTION:
			v->satisfaction = optarg;
			break;
		case 'r':
			v->raised = optarg;
			break;
		case 'c':
			v->category = optarg;
			break;
		case OPT_NOTE:
			v->note = optarg;
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
add_visit(struct pm_db *db, void *v, int64_t *id)
{
	return pm_visit_add(db, v, id);
}

static int
cmd_add(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_visit v;
	const char *reason = NULL;
	int rc;

	if ((rc = visit_options(cli, argc, argv, &v, &reason)) != 0 ||
	    (rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (v.unit == NULL)
		return pm_cli_needs(cli, "unit");
	return pm_cli_add_one(cli, add_visit, &v);
}

struct correction {
	struct pm_visit v;
	const char *reason;
};

static int
correct_one(struct pm_db *db, const char *id, void *arg)
{
	struct correction *c = arg;

	return pm_visit_correct(db, id, &c->v, c->reason);
}

static int
cmd_correct(struct pm_cli *cli, int argc, char **argv)
{
	struct correction c;
	int rc;

	c.reason = NULL;
	if ((rc = visit_options(cli, argc, argv, &c.v, &c.reason)) != 0)
		return rc;
	return pm_fact_correct_cmd(cli, argc, argv, c.reason, correct_one, &c);
}

static int
cmd_void(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_visit_fact);
}

struct history {
	struct pm_db *db;
	struct pm_out *o;
};

static int
history_one(const char *id, void *arg)
{
	struct history *h = arg;
	struct pm_fact_ref ref;
	struct pm_given g;
	char rec[24];
	int rc;

	/* A voided record has a history too: find it, voided or not. */
	if ((rc = pm_fact_find(h->db, &pm_visit_fact, id, &ref)) != 0 &&
	    rc != PM_EX_DATAERR)
		return rc;
	if (rc != 0 && ref.record == 0)
		return rc;
	snprintf(rec, sizeof rec, "%lld", (long long)ref.record);
	g.f = &pm_visit_version_type.filters[0];
	g.value = rec;
	return pm_rec_list(h->db, &pm_visit_version_type, &g, 1, 0, h->o);
}

static int
cmd_history(struct pm_cli *cli, int argc, char **argv)
{
	const struct pm_col *cols;
	struct history h;
	int rc, rc2, n;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &h.db)) != 0)
		return rc;
	cols = pm_rec_cols(&pm_visit_version_type, 0, &n);
	h.o = pm_cli_out(cli, cols, n);
	rc = pm_cli_each_id(cli, argc, argv, history_one, &h);
	rc2 = rc == 0 ? pm_out_close(h.o) : (pm_out_abort(h.o), 0);
	pm_db_close(h.db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_opt raised_opts[] = {
	{ "since", OPT_SINCE, N_("time"),
	    N_("visits made at or after (default: 31 days ago)") },
	{ "all", OPT_ALL, NULL,
	    N_("also the matters that have their ticket already") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_raised(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time since = 0;
	int c, rc, rc2, all = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_SINCE) {
			if ((rc = pm_time_parse(optarg, &since)) != 0)
				return rc;
		} else if (c == OPT_ALL)
			all = 1;
		else
			return pm_cli_usage(cli);
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (since == 0 && (rc = pm_time_parse("-31d", &since)) != 0)
		return rc;
	/* Its reader is pm-ticket import, which needs the header. */
	cli->header = 1;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_visit_raised_cols, pm_visit_raised_ncols);
	rc = pm_visit_raised(db, since, all, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_opt quota_opts[] = {
	{ "as-of", OPT_AS_OF, N_("time"),
	    N_("count the visits as they were recorded at this time (a "
	    "closed month as it was reported)") },
	{ NULL, 0, NULL, NULL }
};

static int
quota_row(const struct pm_visit_quota_row *r, void *arg)
{
	pm_visit_quota_put(arg, r);
	return 0;
}

static int
cmd_quota(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time from, to, as_of = 0;
	int c, rc, rc2, short_ = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_AS_OF) {
			if ((rc = pm_time_parse(optarg, &as_of)) != 0)
				return rc;
		} else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = pm_people_period(argc ? argv[0] : NULL, "today", &from,
	    &to)) != 0)
		return rc;
	if (as_of == 0)
		as_of = pm_now();
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_visit_quota_cols, pm_visit_quota_ncols);
	rc = pm_visit_quota(db, from, to, as_of, quota_row, o, &short_);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	return short_ ? PM_EX_FOUND : 0;
}

static const struct pm_opt todo_opts[] = {
	{ "building", 'b', N_("code"), N_("the households of this building") },
	{ "since", OPT_SINCE, N_("time"),
	    N_("the start of the window (default: this year's first day)") },
	{ "reveal", OPT_REVEAL, NULL,
	    N_("show phone numbers in full (they are masked by default)") },
	{ NULL, 0, NULL, NULL }
};

struct todo_out {
	struct pm_out *o;
	int reveal;
};

static int
todo_row(const struct pm_visit_todo_row *r, void *arg)
{
	struct todo_out *t = arg;
	char m[PM_MASK_MAX];

	pm_out_text(t->o, r->unit);
	pm_out_text(t->o, r->owner);
	pm_out_text(t->o, pm_mask_unless(r->phone, t->reveal, m));
	pm_out_text(t->o, r->reason);
	pm_out_text(t->o, r->source);
	pm_rec_out_time(t->o, r->reading_at, PM_F_TIME);
	pm_rec_out_time(t->o, r->last_visit, PM_F_TIME);
	pm_out_row(t->o);
	return 0;
}

static int
cmd_todo(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct todo_out t;
	const char *building = NULL;
	char canon[64];
	pm_time since = 0, to;
	int c, rc, rc2;

	t.reveal = 0;
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == 'b')
			building = optarg;
		else if (c == OPT_SINCE) {
			if ((rc = pm_time_parse(optarg, &since)) != 0)
				return rc;
		} else if (c == OPT_REVEAL)
			t.reveal = 1;
		else
			return pm_cli_usage(cli);
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (since == 0 && (rc = pm_period_parse("this-year", &since,
	    &to)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if (building != NULL && (rc = pm_rec_find(db, &pm_building_type,
	    building, canon, sizeof canon)) != 0) {
		pm_db_close(db);
		return rc;
	}
	t.o = pm_cli_out(cli, pm_visit_todo_cols, pm_visit_todo_ncols);
	rc = pm_visit_todo(db, building != NULL ? canon : NULL, since,
	    todo_row, &t);
	rc2 = rc == 0 ? pm_out_close(t.o) : (pm_out_abort(t.o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_cli_verb verbs[] = {
	{ "add", cmd_add,
	    N_("--unit code [--staff login] [--at time] [--met text]"
	    " [--satisfaction satisfaction] [--raised text --category code]"
	    " [--note text]"),
	    N_("record a walk visit to a household"), add_opts, NULL },
	{ "list", pm_rec_cmd_list, NULL,
	    N_("list the visits (the current version of each)"), NULL,
	    &pm_visit_type },
	{ "show", pm_rec_cmd_show, NULL, N_("show visits"), NULL,
	    &pm_visit_type },
	{ "history", cmd_history, N_("id ..."),
	    N_("every version of visits: what was corrected, by whom, when"),
	    NULL, NULL },
	{ "correct", cmd_correct,
	    N_("[--unit code] [--staff login] [--at time] [--met text]"
	    " [--satisfaction satisfaction] [--raised text] [--category code]"
	    " [--note text] --reason text id"),
	    N_("correct a visit: a new version, the old one kept"),
	    correct_opts, NULL },
	{ "void", cmd_void, N_("--reason text id ..."),
	    N_("void visits recorded by mistake (they are kept, marked void)"),
	    pm_fact_void_opts, NULL },
	{ "raised", cmd_raised, N_("[--since time] [--all]"),
	    N_("what visits raised and no ticket has yet, for pm-ticket "
	    "import"), raised_opts, NULL },
	{ "quota", cmd_quota, N_("[--as-of time] [period]"),
	    N_("households owed and visited per staff member in a day or "
	    "month; exit 1 when anyone is short (for cron)"), quota_opts,
	    NULL },
	{ "todo", cmd_todo, N_("[--building code] [--since time] [--reveal]"),
	    N_("the households to visit next: dissatisfied first, then those "
	    "not visited this year"), todo_opts, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
