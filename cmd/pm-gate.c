/*
 * pm-gate - the gate (门岗): visitors, goods in and out, decoration
 * workers, tenants, large moves, offences; the day's list.  Options and
 * glue only; the work is in libpm/gate*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "gate.h"
#include "people.h"
#include "record.h"

enum {
	OPT_NAME = PM_OPT_LONG,
	OPT_UNIT,
	OPT_ID,
	OPT_PHONE,
	OPT_PURPOSE,
	OPT_AT,
	OPT_DIRECTION,
	OPT_ITEMS,
	OPT_CARRIER,
	OPT_VISITOR,
	OPT_CONFIRMED,
	OPT_COMPANY,
	OPT_UNTIL,
	OPT_OVERRIDE,
	OPT_RULE,
	OPT_REVEAL
};

#define O_NAME(h) { "name", OPT_NAME, N_("text"), h }
#define O_UNIT(h) { "unit", OPT_UNIT, N_("code"), h }
#define O_ID(h) { "id-number", OPT_ID, N_("number"), h }
#define O_PHONE { "phone", OPT_PHONE, N_("number"), N_("a phone number") }
#define O_AT { "at", OPT_AT, N_("time"), N_("when, if not now") }
#define O_END { NULL, 0, NULL, NULL }

static const struct pm_opt visitor_opts[] = {
	O_NAME(N_("the visitor's name (required)")),
	O_UNIT(N_("the household visited (required)")),
	O_ID(N_("the visitor's ID number")),
	O_PHONE,
	{ "purpose", OPT_PURPOSE, N_("text"), N_("why they came") },
	O_AT,
	O_END
};

static const struct pm_opt goods_opts[] = {
	{ "direction", OPT_DIRECTION, N_("direction"),
	    N_("in or out (进, 出; required)") },
	O_UNIT(N_("the household the goods are for or from (required)")),
	{ "items", OPT_ITEMS, N_("text"), N_("the list of items (required)") },
	O_ID(N_("the ID number shown (required)")),
	{ "carrier", OPT_CARRIER, N_("carrier"),
	    N_("resident, visitor or worker (default: resident)") },
	O_NAME(N_("who carries them")),
	O_PHONE,
	{ "visitor", OPT_VISITOR, N_("id"),
	    N_("the visitor's record, for goods a visitor carries") },
	{ "confirmed-by", OPT_CONFIRMED, N_("text"),
	    N_("the owner's confirmation, required for goods a visitor takes "
	    "out: 业主王建国电话确认") },
	O_AT,
	O_END
};

static const struct pm_opt worker_opts[] = {
	O_NAME(N_("the worker's name (required)")),
	O_ID(N_("the worker's ID number (required)")),
	O_UNIT(N_("the unit being decorated (required)")),
	{ "until", OPT_UNTIL, N_("day"),
	    N_("the last day of the pass (required)") },
	O_PHONE,
	{ "company", OPT_COMPANY, N_("text"), N_("the decoration company") },
	O_AT,
	O_END
};

static const struct pm_opt tenant_opts[] = {
	O_NAME(N_("the tenant's name (required)")),
	O_ID(N_("the tenant's ID number (required)")),
	O_UNIT(N_("the rented unit (required)")),
	O_PHONE,
	{ "until", OPT_UNTIL, N_("day"), N_("the last day of the lease") },
	O_AT,
	O_END
};

static const struct pm_opt move_opts[] = {
	O_UNIT(N_("the household moving (required)")),
	{ "at", OPT_AT, N_("time"),
	    N_("when the move is to be (required; 24 hours ahead)") },
	{ "direction", OPT_DIRECTION, N_("direction"),
	    N_("in or out (搬入, 搬出)") },
	{ "items", OPT_ITEMS, N_("text"), N_("the large items") },
	O_NAME(N_("who applied")),
	O_PHONE,
	{ "override", OPT_OVERRIDE, N_("reason"),
	    N_("a manager allows a move at shorter notice, and says why") },
	O_END
};

static const struct pm_opt offence_opts[] = {
	O_UNIT(N_("the household that broke the rule")),
	O_ID(N_("or the person, by ID number")),
	{ "rule", OPT_RULE, N_("text"), N_("the rule broken (required)") },
	O_NAME(N_("the person's name")),
	O_AT,
	O_END
};

static int
record_options(struct pm_cli *cli, int argc, char **argv,
    struct pm_gate_record *r)
{
	int c, rc;

	memset(r, 0, sizeof *r);
	r->kind = cli->verb;
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_NAME:
			r->name = optarg;
			break;
		case OPT_UNIT:
			r->unit = optarg;
			break;
		case OPT_ID:
			r->id_number = optarg;
			break;
		case OPT_PHONE:
			r->phone = optarg;
			break;
		case OPT_PURPOSE:
		case OPT_ITEMS:
		case OPT_RULE:
			r->detail = optarg;
			break;
		case OPT_AT:
			if ((rc = pm_time_parse(optarg, &r->at)) != 0)
				return rc;
			break;
		case OPT_DIRECTION:
			r->direction = optarg;
			break;
		case OPT_CARRIER:
			r->carrier = optarg;
			break;
		case OPT_VISITOR:
			r->visitor = optarg;
			break;
		case OPT_CONFIRMED:
			r->confirmed_by = optarg;
			break;
		case OPT_COMPANY:
			r->company = optarg;
			break;
		case OPT_UNTIL:
			r->until = optarg;
			break;
		case OPT_OVERRIDE:
			r->override = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	return pm_cli_operands(cli, argc - optind, argv + optind, 0, 0);
}

static int
cmd_add(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_gate_record r;
	struct pm_db *db = NULL;
	char idb[24];
	int64_t id;
	int rc, nth = 0;

	if ((rc = record_options(cli, argc, argv, &r)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_gate_add(db, &r, &id, &nth)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) != 0)
		goto out;
	snprintf(idb, sizeof idb, "%lld", (long long)id);
	pm_cli_print_id(cli, idb);
	/* 首次警告，二次罚款或限制: say which this one is. */
	if (nth > 0 && !cli->quiet)
		pm_warn(nth == 1 ? "offence %d: a warning" :
		    "offence %d: a fine or restriction (a repeat offender)", nth);
out:
	pm_db_close(db);
	return rc;
}

static const struct pm_opt leave_opts[] = {
	{ "at", OPT_AT, N_("time"), N_("when they left, if not now") },
	O_END
};

static int
leave_one(struct pm_db *db, const char *id, char *canon, size_t len,
    void *arg)
{
	int64_t rec;
	int rc;

	if ((rc = pm_gate_leave(db, id, *(pm_time *)arg, &rec)) == 0)
		snprintf(canon, len, "%lld", (long long)rec);
	return rc;
}

static int
cmd_leave(struct pm_cli *cli, int argc, char **argv)
{
	pm_time at = 0;
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_AT) {
			if ((rc = pm_time_parse(optarg, &at)) != 0)
				return rc;
		} else
			return pm_cli_usage(cli);
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    leave_one, &at);
}

static int
cmd_void(struct pm_cli *cli, int argc, char **argv)
{
	return pm_fact_void_cmd(cli, argc, argv, &pm_gate_fact);
}

static const struct pm_opt day_opts[] = {
	{ "reveal", OPT_REVEAL, NULL,
	    N_("show ID and phone numbers in full (they are masked by "
	    "default)") },
	O_END
};

static int
cmd_day(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time day;
	int c, rc, rc2, reveal = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == OPT_REVEAL)
			reveal = 1;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	/* A day ahead too: the moves it will see. */
	if ((rc = pm_time_parse(argc ? argv[0] : "today", &day)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_gate_day_cols, pm_gate_day_ncols);
	rc = pm_gate_day(db, day, reveal, o);
	rc2 = rc == 0 ? pm_out_close(o) : (pm_out_abort(o), 0);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

static const struct pm_cli_verb verbs[] = {
	{ "visitor", cmd_add,
	    N_("--name text --unit code [--id-number number] [--phone number]"
	    " [--purpose text] [--at time]"),
	    N_("register a visitor at the gate"), visitor_opts, NULL },
	{ "leave", cmd_leave, N_("[--at time] id ..."),
	    N_("visitors left"), leave_opts, NULL },
	{ "goods", cmd_add,
	    N_("--direction direction --unit code --items text --id-number number"
	    " [--carrier carrier] [--name text] [--phone number] [--visitor id]"
	    " [--confirmed-by text] [--at time]"),
	    N_("register goods carried in or out (物品进出登记)"), goods_opts,
	    NULL },
	{ "worker", cmd_add,
	    N_("--name text --id-number number --unit code --until day"
	    " [--phone number] [--company text] [--at time]"),
	    N_("register a decoration worker and their pass"), worker_opts,
	    NULL },
	{ "tenant", cmd_add,
	    N_("--name text --id-number number --unit code [--phone number]"
	    " [--until day] [--at time]"),
	    N_("register the tenant of a rented unit"), tenant_opts, NULL },
	{ "move", cmd_add,
	    N_("--unit code --at time [--direction direction] [--items text]"
	    " [--name text] [--phone number] [--override reason]"),
	    N_("apply for a large move, 24 hours ahead unless a manager "
	    "overrides"), move_opts, NULL },
	{ "offence", cmd_add,
	    N_("[--unit code] [--id-number number] --rule text [--name text]"
	    " [--at time]"),
	    N_("record an offence against the rules; says whether it is the "
	    "first (a warning) or a repeat"), offence_opts, NULL },
	{ "void", cmd_void, N_("--reason text id ..."),
	    N_("void records registered by mistake (they are kept, marked "
	    "void)"), pm_fact_void_opts, NULL },
	{ "list", pm_rec_cmd_list, NULL, N_("list the gate's records"), NULL,
	    &pm_gate_type },
	{ "show", pm_rec_cmd_show, NULL, N_("show gate records"), NULL,
	    &pm_gate_type },
	{ "day", cmd_day, N_("[--reveal] [day]"),
	    N_("the day's list at the gate: visitors, goods, moves, passes"),
	    day_opts, NULL },
	{ "offenders", pm_rec_cmd_list, NULL,
	    N_("the offenders with their offences counted, repeat ones first"),
	    NULL, &pm_gate_offender_type },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
