/*
 * pm-ticket - the service desk: requests, complaints, repairs, their
 * deadlines and callbacks.  Options and glue only; the work is in
 * libpm/ticket*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "import.h"
#include "text.h"
#include "ticket.h"
#include "vocab.h"

enum {
	OPT_RECEIVED = PM_OPT_LONG,
	OPT_FEEDBACK,
	OPT_MARK
};

/*
 * add
 */

static const struct pm_opt add_opts[] = {
	{ "kind", 'k', N_("kind"),
	    N_("repair, complaint, inquiry or suggestion (default: the "
	    "category's)") },
	{ "category", 'c', N_("code"),
	    N_("what it is about (required; see pm-ticket categories)") },
	{ "unit", 'u', N_("code"),
	    N_("where: a unit, public area or common part (required)") },
	{ "source", 's', N_("source"),
	    N_("phone, walk-in, visit, inspection or online (default: "
	    "phone)") },
	{ "received", OPT_RECEIVED, N_("time"),
	    N_("when it came in, if not now (never in the future)") },
	{ NULL, 0, NULL, NULL }
};

/* The operands joined by spaces, so the description needs no quotes. */
static char *
join(int argc, char **argv)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if ((s = malloc(len)) == NULL)
		return NULL;
	s[0] = '\0';
	for (i = 0; i < argc; i++) {
		if (i > 0)
			strcat(s, " ");
		strcat(s, argv[i]);
	}
	return s;
}

static int
add_ticket(struct pm_db *db, void *n, int64_t *id)
{
	return pm_ticket_add(db, n, id);
}

static int
cmd_add(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_ticket_new n;
	char *desc;
	int c, rc;

	memset(&n, 0, sizeof n);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'k':
			n.kind = optarg;
			break;
		case 'c':
			n.category = optarg;
			break;
		case 'u':
			n.unit = optarg;
			break;
		case 's':
			n.source = optarg;
			break;
		case OPT_RECEIVED:
			if ((rc = pm_time_parse(optarg, &n.received)) != 0)
				return rc;
			n.received_text = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if (n.category == NULL)
		return pm_cli_needs(cli, "category");
	if (n.unit == NULL)
		return pm_cli_needs(cli, "unit");
	if (argc == 0)
		return pm_err(PM_EX_USAGE, "add: a description is needed");
	if ((desc = join(argc, argv)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	n.description = desc;
	rc = pm_cli_add_one(cli, add_ticket, &n);
	free(desc);
	return rc;
}

/*
 * The transitions, by id: every verb of them reads its options into one
 * action, which libpm runs on each ticket in one transaction.
 */

static const struct pm_opt assign_opts[] = {
	{ "to", 't', N_("login"), N_("the staff member to do it (required)") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt note_opts[] = {
	{ "message", 'm', N_("text"), N_("the note (required)") },
	{ "feedback", OPT_FEEDBACK, NULL,
	    N_("the owner was told how it stands (meets the feedback "
	    "deadline)") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt wait_opts[] = {
	{ "reason", 'r', N_("reason"),
	    N_("owner, parts or a text (required): the clock stops") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt resolve_opts[] = {
	{ "message", 'm', N_("text"), N_("what was done") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt reopen_opts[] = {
	{ "reason", 'r', N_("text"), N_("why the work did not hold") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt callback_opts[] = {
	{ "satisfaction", 's', N_("satisfaction"),
	    N_("satisfied, basic or dissatisfied (满意, 基本满意, 不满意; "
	    "required)") },
	{ "comment", 'c', N_("text"), N_("what the owner said") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt cancel_opts[] = {
	{ "reason", 'r', N_("text"), N_("why (required)") },
	{ NULL, 0, NULL, NULL }
};
static const struct pm_opt escalate_opts[] = {
	{ "level", 'l', N_("level"),
	    N_("the level to raise it to, 1 or 2 (default: a complaint to 1, "
	    "others one step)") },
	{ "reason", 'r', N_("text"), N_("why (required)") },
	{ NULL, 0, NULL, NULL }
};

/* The option each verb cannot do without, or NULL. */
static const char *
needed(const char *verb)
{
	static const char *const v[][2] = {
		{ "assign", "to" }, { "note", "message" }, { "wait", "reason" },
		{ "callback", "satisfaction" }, { "cancel", "reason" },
		{ "escalate", "reason" }
	};
	size_t i;

	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		if (strcmp(v[i][0], verb) == 0)
			return v[i][1];
	return NULL;
}

static int
check_id(const char *id)
{
	return pm_rec_check_key(&pm_ticket_type, id);
}

static int
cmd_act(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_ticket_action a;
	const char *need;
	int c, rc;

	memset(&a, 0, sizeof a);
	a.verb = cli->verb;
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 't':
		case 'm':
		case 'r':
		case 's':
			a.text = optarg;
			break;
		case 'c':
			a.comment = optarg;
			break;
		case OPT_FEEDBACK:
			a.flag = 1;
			break;
		case 'l': {
			const char *l;

			if ((rc = pm_vocab_check(&pm_v_level, optarg, 0,
			    &l)) != 0)
				return rc;
			a.flag = l[0] - '0';
			break;
		}
		default:
			return pm_cli_usage(cli);
		}
	if ((need = needed(cli->verb)) != NULL && a.text == NULL)
		return pm_cli_needs(cli, need);
	return pm_cli_run_ids(cli, argc - optind, argv + optind, check_id,
	    pm_ticket_act, &a);
}

/*
 * show and history
 */

struct show {
	struct pm_cli *cli;
	struct pm_db *db;
	struct pm_out *o;
	int nth;
};

/* In a table, each ticket is followed by its history, for people. */
static int
show_one(const char *id, void *arg)
{
	struct show *s = arg;
	const struct pm_col *cols;
	struct pm_given g;
	struct pm_out *h;
	int rc, rc2, n;

	if (s->cli->format != PM_FMT_TABLE)
		return pm_rec_show(s->db, &pm_ticket_type, id, 0, s->o);
	if (s->nth++ > 0)
		putchar('\n');
	cols = pm_rec_cols(&pm_ticket_type, 1, &n);
	s->o = pm_cli_out(s->cli, cols, n);
	pm_out_vertical(s->o, 1);
	rc = pm_rec_show(s->db, &pm_ticket_type, id, 0, s->o);
	rc2 = pm_out_close(s->o);
	s->o = NULL;
	if (rc != 0 || rc2 != 0)
		return rc != 0 ? rc : rc2;
	putchar('\n');
	g.f = &pm_ticket_event_type.filters[0];
	g.value = id;
	cols = pm_rec_cols(&pm_ticket_event_type, 0, &n);
	h = pm_cli_out(s->cli, cols, n);
	rc = pm_rec_list(s->db, &pm_ticket_event_type, &g, 1, 0, h);
	rc2 = pm_out_close(h);
	return rc != 0 ? rc : rc2;
}

static int
cmd_show(struct pm_cli *cli, int argc, char **argv)
{
	const struct pm_col *cols;
	struct show s;
	int rc, rc2, n;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 1, -1)) != 0)
		return rc;
	memset(&s, 0, sizeof s);
	s.cli = cli;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &s.db)) != 0)
		return rc;
	if (cli->format != PM_FMT_TABLE) {
		cols = pm_rec_cols(&pm_ticket_type, 1, &n);
		s.o = pm_cli_out(cli, cols, n);
	}
	rc = pm_cli_each_id(cli, argc, argv, show_one, &s);
	rc2 = pm_out_close(s.o);
	pm_db_close(s.db);
	return rc != 0 ? rc : rc2;
}

struct history {
	struct pm_db *db;
	struct pm_out *o;
};

static int
history_one(const char *id, void *arg)
{
	struct history *h = arg;
	struct pm_given g;

	g.f = &pm_ticket_event_type.filters[0];
	g.value = id;
	return pm_rec_list(h->db, &pm_ticket_event_type, &g, 1, 0, h->o);
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
	cols = pm_rec_cols(&pm_ticket_event_type, 0, &n);
	h.o = pm_cli_out(cli, cols, n);
	rc = pm_cli_each_id(cli, argc, argv, history_one, &h);
	rc2 = pm_out_close(h.o);
	pm_db_close(h.db);
	return rc != 0 ? rc : rc2;
}

/*
 * pending, stats, due, import
 */

static int
cmd_pending(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time day;
	int rc, rc2;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 1)) != 0)
		return rc;
	day = pm_now();
	if (argc == 1 && (rc = pm_time_parse(argv[0], &day)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_ticket_pending_cols, pm_ticket_pending_ncols);
	rc = pm_ticket_pending(db, day, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static int
cmd_stats(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time from, to;
	int rc, rc2;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 1)) != 0)
		return rc;
	if ((rc = pm_period_parse(argc == 1 ? argv[0] : "today", &from,
	    &to)) != 0)
		return rc;
	if (from > pm_now())
		return pm_err(PM_EX_DATAERR, "period %s: in the future",
		    pm_q(argv[0]));
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_ticket_stats_cols, pm_ticket_stats_ncols);
	rc = pm_ticket_stats(db, from, to, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_opt due_opts[] = {
	{ "within", 'w', N_("duration"),
	    N_("also what falls due within this time (30m, 2h, 1d)") },
	{ "mark", OPT_MARK, NULL,
	    N_("record what was reported, so the next run leaves it out "
	    "(for cron; nothing is marked with -q, which reports nothing)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_due(struct pm_cli *cli, int argc, char **argv)
{
	int64_t within = 0;
	int c, rc, mark = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == 'w') {
			if ((rc = pm_duration_parse(optarg, &within)) != 0)
				return rc;
		} else if (c == OPT_MARK)
			mark = 1;
		else
			return pm_cli_usage(cli);
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	/* Its reader is a person, usually in a mail from cron. */
	pm_cli_for_people(cli);
	return pm_ticket_due_cmd(cli, within, mark);
}

static int
cmd_import(struct pm_cli *cli, int argc, char **argv)
{
	return pm_import_cmd(cli, argc, argv, &pm_ticket_import, NULL);
}

static const struct pm_cli_verb verbs[] = {
	{ "add", cmd_add,
	    N_("[--kind kind] --category code --unit code [--source source]"
	    " [--received time] description ..."),
	    N_("add a ticket received by the acting staff member, who answers "
	    "for it until it is closed (首问负责制)"), add_opts, NULL },
	{ "list", pm_rec_cmd_list, NULL,
	    N_("list tickets, the open ones unless --all or --status"), NULL,
	    &pm_ticket_type },
	{ "show", cmd_show, N_("id ..."),
	    N_("show tickets (in a table, each with its history)"), NULL,
	    NULL },
	{ "history", cmd_history, N_("id ..."),
	    N_("the events of tickets: who did what, when"), NULL, NULL },
	{ "assign", cmd_act, N_("--to login id ..."),
	    N_("give tickets to a staff member to do"), assign_opts, NULL },
	{ "start", cmd_act, N_("id ..."),
	    N_("someone is on site: the work has begun"), NULL, NULL },
	{ "note", cmd_act, N_("[--feedback] --message text id ..."),
	    N_("add a note, or record that the owner was told"), note_opts,
	    NULL },
	{ "wait", cmd_act, N_("--reason reason id ..."),
	    N_("pause the clock: waiting for the owner or for parts"),
	    wait_opts, NULL },
	{ "resume", cmd_act, N_("id ..."),
	    N_("start the clock again; deadlines move by the time paused"),
	    NULL, NULL },
	{ "resolve", cmd_act, N_("[--message text] id ..."),
	    N_("the work is done"), resolve_opts, NULL },
	{ "reopen", cmd_act, N_("[--reason text] id ..."),
	    N_("the work did not hold: back to assigned (counts against "
	    "first-time fix)"), reopen_opts, NULL },
	{ "callback", cmd_act,
	    N_("--satisfaction satisfaction [--comment text] id ..."),
	    N_("record the callback to the owner (回访), by someone other "
	    "than who did the work"), callback_opts, NULL },
	{ "close", cmd_act, N_("id ..."),
	    N_("close tickets (a repair or complaint after its callback)"),
	    NULL, NULL },
	{ "cancel", cmd_act, N_("--reason text id ..."),
	    N_("cancel open tickets, with the reason"), cancel_opts, NULL },
	{ "escalate", cmd_act, N_("[--level level] --reason text id ..."),
	    N_("raise the level and notify again; a ticket escalated "
	    "before is left as it is"), escalate_opts, NULL },
	{ "pending", cmd_pending, N_("[day]"),
	    N_("the daily pending list (日未处理工作盘点表) of today or a past "
	    "day, as it stood at the day's end"), NULL, NULL },
	{ "stats", cmd_stats, N_("[period]"),
	    N_("the counts of a day, week, month or year by kind, as they "
	    "stood at its end"), NULL, NULL },
	{ "due", cmd_due, N_("[--within duration] [--mark]"),
	    N_("deadlines passed or falling due; exit 1 when any (for cron)"),
	    due_opts, NULL },
	{ "import", cmd_import, N_("[-n] [--from format] [file]"),
	    N_("add tickets from a CSV, TSV or JSON Lines file, all or "
	    "nothing"), pm_import_opts, NULL },
	{ "categories", pm_rec_cmd_list, NULL,
	    N_("list the ticket categories and their codes"), NULL,
	    &pm_category_type },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
