/*
 * pm-duty - the duty log (保安工作日志): shifts at the posts, the log of
 * each post, the handover, and the posts' rules checked (the fire
 * control room: two on duty, an entry every 2 hours).  Options and glue
 * only; the work is in libpm/duty*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "duty.h"
#include "people.h"
#include "record.h"

enum {
	OPT_POST = PM_OPT_LONG,
	OPT_STAFF,
	OPT_FROM,
	OPT_TO,
	OPT_AT,
	OPT_KIND
};

#define MAX_STAFF 8

/* Split "a,b,c" in place into at most 'max' items. */
static int
split(char *s, char **item, int max, int *n)
{
	char *p;

	*n = 0;
	for (p = strtok(s, ","); p != NULL; p = strtok(NULL, ",")) {
		if (*n == max)
			return pm_err(PM_EX_USAGE, "at most %d staff members",
			    max);
		item[(*n)++] = p;
	}
	return *n > 0 ? 0 : pm_err(PM_EX_USAGE, "no staff member named");
}

static const struct pm_opt shift_opts[] = {
	{ "post", OPT_POST, N_("code"), N_("the post (required; see pm-duty posts)") },
	{ "staff", OPT_STAFF, N_("login,..."),
	    N_("who is on duty (default: the acting staff member)") },
	{ "from", OPT_FROM, N_("time"), N_("when the shift starts (required)") },
	{ "to", OPT_TO, N_("time"),
	    N_("when it ends (required; 36 hours at most)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_shift(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	const char *post = NULL;
	char *staff = NULL, *who[MAX_STAFF], idb[24];
	int64_t ids[MAX_STAFF];
	pm_time from = 0, to = 0;
	int c, rc, i, n = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_POST:
			post = optarg;
			break;
		case OPT_STAFF:
			staff = optarg;
			break;
		case OPT_FROM:
			if ((rc = pm_time_parse(optarg, &from)) != 0)
				return rc;
			break;
		case OPT_TO:
			if ((rc = pm_time_parse(optarg, &to)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (post == NULL)
		return pm_cli_needs(cli, "post");
	if (from == 0)
		return pm_cli_needs(cli, "from");
	if (to == 0)
		return pm_cli_needs(cli, "to");
	if (staff != NULL && (rc = split(staff, who, MAX_STAFF, &n)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if (n == 0) {
		who[0] = (char *)cli->user;
		n = 1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = pm_duty_shift(db, post, who[i], from, to, &ids[i]);
	if (rc != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0)
		for (i = 0; i < n; i++) {
			snprintf(idb, sizeof idb, "%lld", (long long)ids[i]);
			pm_cli_print_id(cli, idb);
		}
out:
	pm_db_close(db);
	return rc;
}

static const struct pm_opt correct_opts[] = {
	{ "post", OPT_POST, N_("code"), N_("the post") },
	{ "staff", OPT_STAFF, N_("login"), N_("who was on duty") },
	{ "from", OPT_FROM, N_("time"), N_("when it started") },
	{ "to", OPT_TO, N_("time"), N_("when it ended") },
	{ "reason", 'r', N_("text"), N_("why it is corrected (required)") },
	{ NULL, 0, NULL, NULL }
};

struct correction {
	const char *post, *staff, *reason;
	pm_time from, to;
};

static int
correct_one(struct pm_db *db, const char *id, void *arg)
{
	struct correction *c = arg;

	return pm_duty_correct(db, id, c->post, c->staff, c->from, c->to,
	    c->reason);
}

static int
cmd_correct(struct pm_cli *cli, int argc, char **argv)
{
	struct correction co;
	int c, rc;

	memset(&co, 0, sizeof co);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_POST:
			co.post = optarg;
			break;
		case OPT_STAFF:
			co.staff = optarg;
			break;
		case OPT_FROM:
			if ((rc = pm_time_parse(optarg, &co.from)) != 0)
				return rc;
			break;
		case OPT_TO:
			if ((rc = pm_time_parse(optarg, &co.to)) != 0)
				return rc;
			break;
		case 'r':
			co.reason = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	return pm_fact_correct_cmd(cli, argc, argv, co.reason, correct_one, &co);
}

static int
cmd_cancel(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_duty_shift_fact);
}

static int
cmd_strike(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_duty_entry_fact);
}

static const struct pm_opt log_opts[] = {
	{ "post", OPT_POST, N_("code"), N_("the post's log (required)") },
	{ "at", OPT_AT, N_("time"), N_("when, if not now (never in the future)") },
	{ "kind", OPT_KIND, N_("kind"),
	    N_("note, patrol, alarm or incident (记录, 巡查, 报警, 事件; "
	    "default: note)") },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_opt handover_opts[] = {
	{ "post", OPT_POST, N_("code"), N_("the post (required)") },
	{ "to", OPT_TO, N_("login,..."),
	    N_("who takes over (required; their shift begins then)") },
	{ "at", OPT_AT, N_("time"), N_("when, if not now") },
	{ NULL, 0, NULL, NULL }
};

/* log and handover: an entry written by the acting staff member. */
static int
cmd_entry(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	const char *post = NULL, *kind = NULL;
	char *to = NULL, *who[MAX_STAFF], *text, idb[24];
	int handover = strcmp(cli->verb, "handover") == 0;
	pm_time at = 0;
	int64_t id;
	int c, rc, n = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_POST:
			post = optarg;
			break;
		case OPT_TO:
			to = optarg;
			break;
		case OPT_AT:
			if ((rc = pm_time_parse(optarg, &at)) != 0)
				return rc;
			break;
		case OPT_KIND:
			kind = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if (post == NULL)
		return pm_cli_needs(cli, "post");
	if (handover && to == NULL)
		return pm_cli_needs(cli, "to");
	if (argc == 0)
		return pm_err(PM_EX_USAGE, "%s: the text of the entry is needed",
		    cli->verb);
	if (to != NULL && (rc = split(to, who, MAX_STAFF, &n)) != 0)
		return rc;
	if ((text = pm_people_join(argc, argv)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	rc = handover ? pm_duty_handover(db, post, at,
	    (const char *const *)who, n, text, &id) :
	    pm_duty_log(db, post, at, kind, text, &id);
	if (rc != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0) {
		snprintf(idb, sizeof idb, "%lld", (long long)id);
		pm_cli_print_id(cli, idb);
	}
out:
	pm_db_close(db);
	sqlite3_free(text);
	return rc;
}

static const struct pm_opt check_opts[] = {
	{ "post", OPT_POST, N_("code"),
	    N_("this post only (default: every post with a rule)") },
	{ NULL, 0, NULL, NULL }
};

static int
gap_row(const struct pm_duty_gap_row *r, void *arg)
{
	pm_duty_gap_put(arg, r);
	return 0;
}

static int
cmd_check(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	const char *post = NULL;
	char canon[64];
	pm_time from, to;
	int c, rc, rc2, found = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_POST)
			post = optarg;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (rc = pm_people_period(argc ? argv[0] : NULL, "today", &from,
	    &to)) != 0 || (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if (post != NULL && (rc = pm_rec_find(db, &pm_duty_post_type, post,
	    canon, sizeof canon)) != 0) {
		pm_db_close(db);
		return rc;
	}
	o = pm_cli_out(cli, pm_duty_gap_cols, pm_duty_gap_ncols);
	rc = pm_duty_check(db, post != NULL ? canon : NULL, from, to, gap_row,
	    o, &found);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	return found ? PM_EX_FOUND : 0;
}

static const struct pm_cli_verb verbs[] = {
	{ "shift", cmd_shift,
	    N_("--post code [--staff login,...] --from time --to time"),
	    N_("record a shift at a post, worked or rostered"), shift_opts,
	    NULL },
	{ "correct", cmd_correct,
	    N_("[--post code] [--staff login] [--from time] [--to time]"
	    " --reason text id"),
	    N_("correct a shift: a new version, the old one kept"),
	    correct_opts, NULL },
	{ "cancel", cmd_cancel, N_("--reason text id ..."),
	    N_("cancel shifts that were not worked (they are kept, marked "
	    "void)"), pm_fact_void_opts, NULL },
	{ "log", cmd_entry, N_("--post code [--at time] [--kind kind] text ..."),
	    N_("write in the post's log, on duty there"), log_opts, NULL },
	{ "handover", cmd_entry, N_("--post code --to login,... [--at time]"
	    " text ..."),
	    N_("hand the post over to the next shift (交接班)"), handover_opts,
	    NULL },
	{ "strike", cmd_strike, N_("--reason text id ..."),
	    N_("strike out log entries written by mistake (they are kept)"),
	    pm_fact_void_opts, NULL },
	{ "posts", pm_rec_cmd_list, NULL,
	    N_("list the posts and their rules"), NULL, &pm_duty_post_type },
	{ "shifts", pm_rec_cmd_list, NULL, N_("list the shifts"), NULL,
	    &pm_duty_shift_type },
	{ "entries", pm_rec_cmd_list, NULL, N_("list the log's entries"), NULL,
	    &pm_duty_entry_type },
	{ "check", cmd_check, N_("[--post code] [period]"),
	    N_("the posts' rules checked: too few on duty, too long without "
	    "an entry; exit 1 on a gap (for cron)"), check_opts, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
