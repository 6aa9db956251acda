/*
 * pm-report - the daily, weekly, monthly, quarterly and yearly reports:
 * the KPIs against the estate's targets, the counts and lists behind
 * them, the appraisal, the weekly callback analysis, and the records
 * behind any figure.  Options and glue only; the work is in
 * libpm/report*.c and libpm/kpi*.c.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "report.h"

enum {
	OPT_BY = PM_OPT_LONG,
	OPT_CALLBACKS,
	OPT_CHECK,
	OPT_MAIL,
	OPT_TO,
	OPT_FROM
};

static const struct pm_opt report_opts[] = {
	{ "by", OPT_BY, N_("what"),
	    N_("the appraisal instead: by department or by staff (with the "
	    "service star)") },
	{ "callbacks", OPT_CALLBACKS, NULL,
	    N_("the callback analysis of in-home repairs instead "
	    "(入户维修评价分析)") },
	{ "check", OPT_CHECK, NULL,
	    N_("exit 1 when a KPI misses its target (with -q: only that)") },
	{ "mail", OPT_MAIL, NULL,
	    N_("write a whole mail for sendmail -t (text, or with -o html "
	    "text and HTML)") },
	{ "to", OPT_TO, N_("addr"),
	    N_("a recipient of the mail (again, or a comma list, for more)") },
	{ "from", OPT_FROM, N_("addr"),
	    N_("the mail's sender (default: $PM_MAIL_FROM, else "
	    "pm-report@ this host)") },
	{ NULL, 0, NULL, NULL }
};

/* The period verbs, in the order of the verb table. */
static const enum pm_period_kind kinds[] = {
	PM_PERIOD_DAY, PM_PERIOD_WEEK, PM_PERIOD_MONTH, PM_PERIOD_QUARTER,
	PM_PERIOD_YEAR
};

/* Add the addresses of a --to value, a comma list. */
static int
add_to(struct pm_report_opts *o, char *list)
{
	char *a, *save = NULL;

	for (a = strtok_r(list, ",", &save); a != NULL;
	    a = strtok_r(NULL, ",", &save)) {
		a += strspn(a, " ");
		a[strcspn(a, " ")] = '\0';
		if (*a == '\0')
			continue;
		if (o->nto == PM_REPORT_MAX_TO)
			return pm_err(PM_EX_USAGE, "--to: at most %d "
			    "recipients", PM_REPORT_MAX_TO);
		o->to[o->nto++] = a;
	}
	return 0;
}

static int
cmd_report(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_report_opts o;
	int c, rc, views = 0;

	memset(&o, 0, sizeof o);
	o.kind = kinds[cli->v - cli->verbs];
	cli->own_format = "html";
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_BY:
			if (strcmp(optarg, "department") == 0 ||
			    strcmp(optarg, "部门") == 0)
				o.view = PM_REPORT_BY_DEPARTMENT;
			else if (strcmp(optarg, "staff") == 0 ||
			    strcmp(optarg, "员工") == 0)
				o.view = PM_REPORT_BY_STAFF;
			else
				return pm_cli_bad("--by", optarg,
				    N_("not department or staff"));
			views |= 1;
			break;
		case OPT_CALLBACKS:
			o.view = PM_REPORT_CALLBACKS;
			views |= 2;
			break;
		case OPT_CHECK:
			o.check = 1;
			break;
		case OPT_MAIL:
			o.mail = 1;
			break;
		case OPT_TO:
			if ((rc = add_to(&o, optarg)) != 0)
				return rc;
			break;
		case OPT_FROM:
			o.from = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if (views == 3)
		return pm_err(PM_EX_USAGE, "--by and --callbacks: one or the "
		    "other");
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	o.period = argc == 1 ? argv[0] : NULL;
	/* Its reader is a person, in a terminal or a mail from cron. */
	pm_cli_for_people(cli);
	return pm_report_cmd(cli, &o);
}

static int
cmd_explain(struct pm_cli *cli, int argc, char **argv)
{
	int rc;

	cli->own_format = "html";
	if ((rc = pm_cli_plain(cli, &argc, &argv, 2, 2)) != 0)
		return rc;
	pm_cli_for_people(cli);
	return pm_report_explain_cmd(cli, argv[0], argv[1]);
}

#define PERIOD_SYNOPSIS N_("[--by what] [--callbacks] [--check] " \
	"[--mail --to addr ... [--from addr]] [period]")

static const struct pm_cli_verb verbs[] = {
	{ "daily", cmd_report, PERIOD_SYNOPSIS,
	    N_("the report of a day (日报), by default yesterday's"),
	    report_opts, NULL },
	{ "weekly", cmd_report, PERIOD_SYNOPSIS,
	    N_("the report of a week (周报), by default last week's"),
	    report_opts, NULL },
	{ "monthly", cmd_report, PERIOD_SYNOPSIS,
	    N_("the report of a month (月报), by default last month's"),
	    report_opts, NULL },
	{ "quarterly", cmd_report, PERIOD_SYNOPSIS,
	    N_("the report of a quarter, by default last quarter's"),
	    report_opts, NULL },
	{ "yearly", cmd_report, PERIOD_SYNOPSIS,
	    N_("the report of a year, by default last year's"),
	    report_opts, NULL },
	{ "explain", cmd_explain, N_("kpi period"),
	    N_("the records behind a KPI of a period, with why each is in "
	    "or out"), NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
