/*
 * pm-fee - fees: billing runs, meter readings, shared utilities,
 * payments and receipts, voids and refunds, statement imports, arrears
 * and the dunning list, an owner's statement, the books, the public
 * statement and the collection rates.  Options and glue only; the work
 * is in libpm/fee*.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "fee.h"
#include "import.h"
#include "money.h"
#include "text.h"
#include "unit.h"
#include "vocab.h"

enum {
	OPT_DATE = PM_OPT_LONG,
	OPT_NOTE,
	OPT_SERIES,
	OPT_LINE,
	OPT_TXN,
	OPT_REASON,
	OPT_FROM,
	OPT_UNTIL,
	OPT_FORMAT,
	OPT_MIN_MONTHS,
	OPT_COUNT,
	OPT_BUILDING,
	OPT_REVEAL,
	OPT_DAY,
	OPT_BOOK,
	OPT_CATEGORY,
	OPT_PARTY
};

/* Read a day option: a day people write, never in the future. */
static int
day_opt(const char *s, const char *what, int64_t *day)
{
	return pm_fee_day_parse(s, what, 0, day);
}

/* An amount operand in yuan. */
static int
amount_arg(const char *s, int64_t *fen)
{
	return pm_money_parse(s, fen);
}

/*
 * bill and share: what was billed, a row an item.
 */

static const struct pm_col billed_cols[] = {
	{ N_("item"), PM_COL_TEXT, NULL },
	{ N_("period"), PM_COL_TEXT, NULL },
	{ N_("lines"), PM_COL_INT, NULL },
	{ N_("units"), PM_COL_INT, NULL },
	{ N_("amount"), PM_COL_NUM, NULL },
	{ N_("changed"), PM_COL_INT, NULL }
};

static int
billed_row(const struct pm_fee_billed *b, void *arg)
{
	struct pm_out *o = arg;

	if (o == NULL)		/* -q */
		return 0;
	pm_out_text(o, b->item);
	pm_out_text(o, b->period);
	pm_out_int(o, b->lines);
	pm_out_int(o, b->units);
	pm_out_fen(o, b->amount);
	pm_out_int(o, b->changed);
	pm_out_row(o);
	return 0;
}

/* A line billed before that the rates would now make different. */
static void
changed(const char *unit, const char *item, const char *period,
    int64_t billed, int64_t now, void *arg)
{
	char a[PM_MONEY_LEN], b[PM_MONEY_LEN];

	if (!((struct pm_cli *)arg)->quiet)
		pm_warn(_("unit %s: %s %s was billed %s; the rates now give %s "
		    "(not billed again)"), pm_q(unit), item, period,
		    pm_money_fmt(billed, a), pm_money_fmt(now, b));
}

static const struct pm_opt bill_opts[] = {
	{ "dry-run", 'n', NULL, N_("show what would be billed, keeping nothing") },
	{ NULL, 0, NULL, NULL }
};

struct bill_ctx {
	struct pm_cli *cli;
	struct pm_out *o;
};

static int
bill_row(const struct pm_fee_billed *b, void *arg)
{
	return billed_row(b, ((struct bill_ctx *)arg)->o);
}

static void
bill_changed(const char *unit, const char *item, const char *period,
    int64_t billed, int64_t now, void *arg)
{
	changed(unit, item, period, billed, now, ((struct bill_ctx *)arg)->cli);
}

static int
cmd_bill(struct pm_cli *cli, int argc, char **argv)
{
	struct bill_ctx ctx;
	struct pm_db *db = NULL;
	int c, rc, dry = 0, y, m, n;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'n':
			dry = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, 1)) != 0 ||
	    (rc = pm_fee_period_parse(argv[0], &y, &m, &n)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	ctx.cli = cli;
	ctx.o = cli->quiet ? NULL : pm_cli_out(cli, billed_cols, 6);
	if ((rc = pm_fee_bill(db, y, m, n, bill_row, bill_changed, &ctx)) != 0) {
		pm_out_abort(ctx.o);
		pm_db_rollback(db);
		goto out;
	}
	if (dry)
		pm_db_rollback(db);
	else if ((rc = pm_db_commit(db)) != 0) {
		pm_out_abort(ctx.o);
		goto out;
	}
	if (cli->quiet)
		pm_out_abort(ctx.o);
	else
		rc = pm_out_close(ctx.o);
out:
	pm_db_close(db);
	return rc;
}

static const struct pm_opt share_opts[] = {
	{ "dry-run", 'n', NULL, N_("show the split, keeping nothing") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_share(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	int64_t amount;
	int c, rc, dry = 0, y, m, n;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'n':
			dry = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 3, 3)) != 0 ||
	    (rc = pm_fee_period_parse(argv[1], &y, &m, &n)) != 0 ||
	    (rc = amount_arg(argv[2], &amount)) != 0)
		return rc;
	if (n != 1)
		return pm_err(PM_EX_USAGE, "period %s: share a month at a time",
		    pm_q(argv[1]));
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	o = cli->quiet ? NULL : pm_cli_out(cli, billed_cols, 6);
	if ((rc = pm_fee_share(db, argv[0], y, m, amount, billed_row,
	    o)) != 0) {
		pm_out_abort(o);
		pm_db_rollback(db);
		goto out;
	}
	if (dry)
		pm_db_rollback(db);
	else if ((rc = pm_db_commit(db)) != 0) {
		pm_out_abort(o);
		goto out;
	}
	if (cli->quiet)
		pm_out_abort(o);
	else
		rc = pm_out_close(o);
out:
	pm_db_close(db);
	return rc;
}

/*
 * meter, handover, vacancy
 */

static const struct pm_opt meter_opts[] = {
	{ "date", OPT_DATE, N_("day"), N_("the day it was read (default: today)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_meter(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	int64_t day = pm_fee_today(), reading, line;
	char id[24];
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_DATE:
			if ((rc = day_opt(optarg, N_("day"), &day)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 3, 3)) != 0 ||
	    (rc = pm_hundredths_parse(argv[2], N_("reading"), &reading)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_fee_meter(db, argv[0], argv[1], day, reading,
	    &line)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) != 0)
		goto out;
	if (line > 0) {
		snprintf(id, sizeof id, "%lld", (long long)line);
		pm_cli_print_id(cli, id);
	} else if (!cli->quiet)
		pm_warn(_("unit %s: the first %s reading starts the meter; "
		    "nothing billed"), pm_q(argv[0]), argv[1]);
out:
	pm_db_close(db);
	return rc;
}

static const struct pm_opt handover_opts[] = {
	{ "date", OPT_DATE, N_("day"), N_("the day the units were handed over "
	    "(交房, required)") },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_opt vacancy_opts[] = {
	{ "from", OPT_FROM, N_("day"), N_("vacant from this day") },
	{ "until", OPT_UNTIL, N_("day"), N_("vacant until this day, the last "
	    "(the vacancy ends)") },
	{ NULL, 0, NULL, NULL }
};

struct day_act {
	int64_t day;
	int vacant;
};

static int
handover_one(struct pm_db *db, const char *unit, char *canon, size_t len,
    void *arg)
{
	struct day_act *a = arg;
	int rc;

	if ((rc = pm_rec_find(db, &pm_unit_type, unit, canon, len)) != 0)
		return rc;
	return pm_fee_handover(db, canon, a->day);
}

static int
vacancy_one(struct pm_db *db, const char *unit, char *canon, size_t len,
    void *arg)
{
	struct day_act *a = arg;
	int rc;

	if ((rc = pm_rec_find(db, &pm_unit_type, unit, canon, len)) != 0)
		return rc;
	return pm_fee_vacancy(db, canon, a->day, a->vacant);
}

static int
cmd_handover(struct pm_cli *cli, int argc, char **argv)
{
	struct day_act a = { -1, 0 };
	int c, rc, given = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_DATE:
			if ((rc = pm_fee_day_parse(optarg, N_("day"), 1,
			    &a.day)) != 0)
				return rc;
			given = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if (!given)
		return pm_cli_needs(cli, "date");
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    handover_one, &a);
}

static int
cmd_vacancy(struct pm_cli *cli, int argc, char **argv)
{
	struct day_act a = { -1, 0 };
	int c, rc, n = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_FROM:
		case OPT_UNTIL:
			if ((rc = day_opt(optarg, N_("day"), &a.day)) != 0)
				return rc;
			a.vacant = c == OPT_FROM;
			n++;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if (n != 1)
		return pm_err(PM_EX_USAGE, "vacancy: give --from or --until "
		    "(one of them)");
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    vacancy_one, &a);
}

/*
 * pay, void, refund
 */

static const struct pm_opt pay_opts[] = {
	{ "method", 'm', N_("method"), N_("cash, transfer, wechat, alipay or "
	    "other (现金, 转账, 微信, 支付宝, 其他; default: cash)") },
	{ "date", OPT_DATE, N_("day"), N_("the day it was paid, if not today "
	    "(never in the future)") },
	{ "note", OPT_NOTE, N_("text"), N_("a note on the receipt") },
	{ "series", OPT_SERIES, N_("code"), N_("the receipt series (default: "
	    "the estate's)") },
	{ "line", OPT_LINE, N_("id"), N_("settle this bill line (again for "
	    "more; default: the oldest open lines first)") },
	{ "transaction", OPT_TXN, N_("id"), N_("the channel's transaction id "
	    "(recorded once)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_pay(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_fee_payment p;
	struct pm_db *db = NULL;
	char receipt[128], *end;
	int64_t *lines = NULL, *nl;
	int c, rc;

	memset(&p, 0, sizeof p);
	p.day = pm_fee_today();
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'm':
			p.method = optarg;
			break;
		case OPT_DATE:
			if ((rc = day_opt(optarg, N_("paid on"), &p.day)) != 0)
				goto fail;
			break;
		case OPT_NOTE:
			p.note = optarg;
			break;
		case OPT_SERIES:
			p.series = optarg;
			break;
		case OPT_TXN:
			p.txn = optarg;
			break;
		case OPT_LINE:
			if ((nl = realloc(lines, (size_t)(p.nlines + 1) *
			    sizeof *nl)) == NULL) {
				rc = pm_err(PM_EX_SOFTWARE, "out of memory");
				goto fail;
			}
			lines = nl;
			lines[p.nlines] = strtoll(optarg[0] == '#' ? optarg + 1 :
			    optarg, &end, 10);
			if (*end != '\0' || end == optarg ||
			    lines[p.nlines] <= 0) {
				rc = pm_cli_bad(N_("bill line"), optarg,
				    N_("not an id (see 'pm-fee lines')"));
				goto fail;
			}
			p.nlines++;
			break;
		default:
			free(lines);
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 2, 2)) != 0 ||
	    (rc = amount_arg(argv[1], &p.amount)) != 0)
		goto fail;
	p.unit = argv[0];
	p.lines = lines;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_fee_pay(db, &p, receipt, sizeof receipt)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0)
		pm_cli_print_id(cli, receipt);
out:
	pm_db_close(db);
fail:
	free(lines);
	return rc;
}

static const struct pm_opt void_opts[] = {
	{ "reason", OPT_REASON, N_("text"), N_("why (required): it stays on "
	    "the receipt") },
	{ NULL, 0, NULL, NULL }
};

static int
void_one(struct pm_db *db, const char *receipt, char *canon, size_t len,
    void *arg)
{
	int rc;

	if ((rc = pm_rec_find(db, &pm_fee_receipt_type, receipt, canon,
	    len)) != 0)
		return rc;
	return pm_fee_void(db, canon, arg);
}

static int
cmd_void(struct pm_cli *cli, int argc, char **argv)
{
	const char *reason = NULL;
	int c;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_REASON:
			reason = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if (reason == NULL)
		return pm_cli_needs(cli, "reason");
	return pm_cli_run_ids(cli, argc - optind, argv + optind, NULL,
	    void_one, (void *)reason);
}

static const struct pm_opt refund_opts[] = {
	{ "reason", OPT_REASON, N_("text"), N_("why (required)") },
	{ "method", 'm', N_("method"), N_("how the money went back (default: "
	    "as it came)") },
	{ "date", OPT_DATE, N_("day"), N_("the day it went back, if not "
	    "today") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_refund(struct pm_cli *cli, int argc, char **argv)
{
	const char *reason = NULL, *method = NULL;
	struct pm_db *db = NULL;
	char receipt[128];
	int64_t day = pm_fee_today(), amount = 0;
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_REASON:
			reason = optarg;
			break;
		case 'm':
			method = optarg;
			break;
		case OPT_DATE:
			if ((rc = day_opt(optarg, N_("day"), &day)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if (reason == NULL)
		return pm_cli_needs(cli, "reason");
	if ((rc = pm_cli_operands(cli, argc, argv, 1, 2)) != 0 ||
	    (argc == 2 && (rc = amount_arg(argv[1], &amount)) != 0))
		return rc;
	if (argc == 2 && amount <= 0)
		return pm_err(PM_EX_DATAERR, "amount %s: a refund is more than 0",
		    pm_q(argv[1]));
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_fee_refund(db, argv[0], amount, method, day, reason,
	    receipt, sizeof receipt)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0)
		pm_cli_print_id(cli, receipt);
out:
	pm_db_close(db);
	return rc;
}

/*
 * import
 */

static const struct pm_opt import_opts[] = {
	{ "dry-run", 'n', NULL, N_("check and show what would be recorded, "
	    "keeping nothing") },
	{ "channel", OPT_FORMAT, N_("channel"), N_("wechat, alipay or a bank's "
	    "format code from the estate file (default: WeChat or Alipay, told "
	    "from the file)") },
	{ NULL, 0, NULL, NULL }
};

static void
warn_line(const char *msg, void *arg)
{
	pm_warn("%s", msg);
}

static void
unmatched(const struct pm_fee_stmt_line *l, const char *why, void *arg)
{
	char a[PM_MONEY_LEN], d[PM_DATE_LEN];

	pm_warn(_("%s:%d: transaction %s, %s on %s, %s: %s (record it with "
	    "pm-fee pay --transaction)"), (const char *)arg == NULL ? "" :
	    (const char *)arg, l->line, pm_q(l->txn), pm_money_fmt(l->amount,
	    a), pm_day_fmt(l->day, d), pm_q(l->reference), _(why));
}

struct import_ctx {
	struct pm_cli *cli;
	const char *name;
};

static void
import_unmatched(const struct pm_fee_stmt_line *l, const char *why,
    void *arg)
{
	unmatched(l, why, (void *)((struct import_ctx *)arg)->name);
}

static int
import_receipt(const char *receipt, void *arg)
{
	pm_cli_print_id(((struct import_ctx *)arg)->cli, receipt);
	return 0;
}

static int
cmd_import(struct pm_cli *cli, int argc, char **argv)
{
	struct import_ctx ctx;
	const char *format = NULL;
	struct pm_db *db = NULL;
	int c, rc, dry = 0, n;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'n':
			dry = 1;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0)
		return rc;
	ctx.cli = cli;
	ctx.name = argc > 0 && strcmp(argv[0], "-") != 0 ? argv[0] : "stdin";
	rc = pm_fee_import(db, argc > 0 ? argv[0] : NULL, format, dry,
	    warn_line, import_unmatched, import_receipt, &ctx, &n);
	pm_db_close(db);
	/* Something for a person to resolve, as a check that found it. */
	return rc == 0 && n > 0 ? PM_EX_FOUND : rc;
}

/*
 * arrears, statement, rate, ledger, disclose
 */

static const struct pm_opt arrears_opts[] = {
	{ "min-months", OPT_MIN_MONTHS, N_("months"), N_("only units owing this "
	    "many months or more: the dunning list (催费)") },
	{ "count", OPT_COUNT, NULL, N_("print only how many units there are "
	    "(persistent defaulters with --min-months)") },
	{ "building", OPT_BUILDING, N_("code"), N_("the units of this "
	    "building") },
	{ "reveal", OPT_REVEAL, NULL, N_("show phone numbers in full (for an "
	    "SMS gateway)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_arrears(struct pm_cli *cli, int argc, char **argv)
{
	const char *building = NULL;
	char canon[128], *end;
	struct pm_db *db = NULL;
	struct pm_out *o;
	int64_t day = pm_fee_today(), count;
	int c, rc, min = 0, only_count = 0, reveal = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_MIN_MONTHS:
			min = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || end == optarg || min < 1 ||
			    min > 1200)
				return pm_cli_bad(N_("min-months"), optarg,
				    N_("not a number of months from 1 to 1200"));
			break;
		case OPT_COUNT:
			only_count = 1;
			break;
		case OPT_BUILDING:
			building = optarg;
			break;
		case OPT_REVEAL:
			reveal = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0 ||
	    (argc == 1 && (rc = day_opt(argv[0], N_("day"), &day)) != 0))
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	if (building != NULL && (rc = pm_rec_find(db, &pm_building_type,
	    building, canon, sizeof canon)) != 0)
		goto out;
	if (only_count) {
		if (building != NULL) {
			rc = pm_err(PM_EX_USAGE, "--count counts the whole "
			    "estate: leave out --building");
			goto out;
		}
		if ((rc = pm_fee_defaulters(db, day, min, &count)) == 0)
			printf("%lld\n", (long long)count);
		goto out;
	}
	o = pm_cli_out(cli, pm_fee_arrears_cols, pm_fee_arrears_ncols);
	if ((rc = pm_fee_arrears_rows(db, day, min, building != NULL ? canon :
	    NULL, reveal, o)) != 0)
		pm_out_abort(o);
	else
		rc = pm_out_close(o);
out:
	pm_db_close(db);
	return rc;
}

static const struct pm_opt statement_opts[] = {
	{ "day", OPT_DAY, N_("day"), N_("the account as it stood at the end "
	    "of this day (default: today)") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_statement(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	int64_t day = pm_fee_today();
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_DAY:
			if ((rc = day_opt(optarg, N_("day"), &day)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, 1)) != 0 ||
	    (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_fee_statement_cols, pm_fee_statement_ncols);
	if ((rc = pm_fee_statement(db, argv[0], day, o)) != 0)
		pm_out_abort(o);
	else
		rc = pm_out_close(o);
	pm_db_close(db);
	return rc;
}

/* The verbs of a period only: rate, ledger, disclose. */
static int
period_verb(struct pm_cli *cli, int argc, char **argv, int *y, int *m,
    int *n, struct pm_db **db)
{
	int rc;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 1, 1)) != 0 ||
	    (rc = pm_fee_period_parse(argv[0], y, m, n)) != 0)
		return rc;
	return pm_cli_open(cli, PM_CLI_READ, db);
}

static int
cmd_rate(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	int rc, y, m, n;

	if ((rc = period_verb(cli, argc, argv, &y, &m, &n, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_fee_rate_cols, pm_fee_rate_ncols);
	if ((rc = pm_fee_rate_rows(db, y, m, n, pm_now(), o)) != 0)
		pm_out_abort(o);
	else
		rc = pm_out_close(o);
	pm_db_close(db);
	return rc;
}

static int
cmd_ledger(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	int rc, y, m, n;

	if ((rc = period_verb(cli, argc, argv, &y, &m, &n, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_fee_ledger_cols, pm_fee_ledger_ncols);
	if ((rc = pm_fee_ledger(db, y, m, n, o)) != 0)
		pm_out_abort(o);
	else
		rc = pm_out_close(o);
	pm_db_close(db);
	return rc;
}

/* The notice is text; -o gives the rows for the accountant. */
static int
cmd_disclose(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o = NULL;
	int rc, y, m, n;

	if ((rc = period_verb(cli, argc, argv, &y, &m, &n, &db)) != 0)
		return rc;
	if (cli->format_name != NULL)
		o = pm_cli_out(cli, pm_fee_disclose_cols,
		    pm_fee_disclose_ncols);
	if ((rc = pm_fee_disclose(db, y, m, n, o == NULL ? stdout : NULL,
	    o)) != 0)
		pm_out_abort(o);
	else
		rc = pm_out_close(o);
	pm_db_close(db);
	return rc;
}

/*
 * expense, income
 */

static const struct pm_opt expense_opts[] = {
	{ "book", OPT_BOOK, N_("code"), N_("the book it is spent from "
	    "(required)") },
	{ "category", OPT_CATEGORY, N_("text"), N_("what it was for "
	    "(required)") },
	{ "payee", OPT_PARTY, N_("name"), N_("who was paid (required)") },
	{ "date", OPT_DATE, N_("day"), N_("the day it was paid, if not "
	    "today") },
	{ "note", OPT_NOTE, N_("text"), N_("a note") },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_opt income_opts[] = {
	{ "book", OPT_BOOK, N_("code"), N_("the book it goes to (required)") },
	{ "category", OPT_CATEGORY, N_("text"), N_("what it is for "
	    "(required)") },
	{ "payer", OPT_PARTY, N_("name"), N_("who paid (required)") },
	{ "date", OPT_DATE, N_("day"), N_("the day it was received, if not "
	    "today") },
	{ "note", OPT_NOTE, N_("text"), N_("a note") },
	{ NULL, 0, NULL, NULL }
};

static int
cmd_entry(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_fee_entry e;
	struct pm_db *db = NULL;
	char id[24];
	int64_t eid;
	int c, rc;

	memset(&e, 0, sizeof e);
	e.kind = cli->verb;
	e.day = pm_fee_today();
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_BOOK:
			e.book = optarg;
			break;
		case OPT_CATEGORY:
			e.category = optarg;
			break;
		case OPT_PARTY:
			e.party = optarg;
			break;
		case OPT_DATE:
			if ((rc = day_opt(optarg, N_("day"), &e.day)) != 0)
				return rc;
			break;
		case OPT_NOTE:
			e.note = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if (e.book == NULL)
		return pm_cli_needs(cli, "book");
	if (e.category == NULL)
		return pm_cli_needs(cli, "category");
	if (e.party == NULL)
		return pm_cli_needs(cli, strcmp(e.kind, "income") == 0 ?
		    "payer" : "payee");
	if ((rc = pm_cli_operands(cli, argc, argv, 1, 1)) != 0 ||
	    (rc = amount_arg(argv[0], &e.amount)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_fee_entry_add(db, &e, &eid)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0) {
		snprintf(id, sizeof id, "%lld", (long long)eid);
		pm_cli_print_id(cli, id);
	}
out:
	pm_db_close(db);
	return rc;
}

static const struct pm_cli_verb verbs[] = {
	{ "items", pm_rec_cmd_list, NULL,
	    N_("list the fee items, their formulas and the rates in force"),
	    NULL, &pm_fee_item_type },
	{ "item", pm_rec_cmd_show, NULL,
	    N_("show fee items with all their rates and rules"), NULL,
	    &pm_fee_item_type },
	{ "bill", cmd_bill, N_("[-n] period"),
	    N_("bill every paying unit for a month, quarter or year, once"),
	    bill_opts, NULL },
	{ "meter", cmd_meter, N_("[--date day] unit item reading"),
	    N_("record a meter reading and bill what was used"), meter_opts,
	    NULL },
	{ "share", cmd_share, N_("[-n] item month amount"),
	    N_("split a shared utility bill (公摊) among the units by floor "
	    "area"), share_opts, NULL },
	{ "handover", cmd_handover, N_("--date day unit ..."),
	    N_("record the day units were handed over (交房): billing starts "
	    "from it"), handover_opts, NULL },
	{ "vacancy", cmd_vacancy, N_("[--from day] [--until day] unit ..."),
	    N_("record when units are vacant (空置), for the vacancy "
	    "discount"), vacancy_opts, NULL },
	{ "lines", pm_rec_cmd_list, NULL,
	    N_("list bill lines (the open ones unless --all)"), NULL,
	    &pm_fee_line_type },
	{ "line", pm_rec_cmd_show, NULL, N_("show bill lines"), NULL,
	    &pm_fee_line_type },
	{ "pay", cmd_pay,
	    N_("[--method method] [--date day] [--note text] [--series code]"
	    " [--line id] [--transaction id] unit amount"),
	    N_("record a payment and print its receipt number"), pay_opts,
	    NULL },
	{ "void", cmd_void, N_("--reason text receipt ..."),
	    N_("void receipts: kept with the reason, what they paid open "
	    "again"), void_opts, NULL },
	{ "refund", cmd_refund,
	    N_("--reason text [--method method] [--date day] receipt "
	    "[amount]"),
	    N_("give money back: a negative receipt linked to the payment"),
	    refund_opts, NULL },
	{ "receipts", pm_rec_cmd_list, NULL, N_("list the receipts"), NULL,
	    &pm_fee_receipt_type },
	{ "receipt", pm_rec_cmd_show, NULL, N_("show receipts"), NULL,
	    &pm_fee_receipt_type },
	{ "import", cmd_import, N_("[-n] [--channel channel] [file]"),
	    N_("record the payments of a WeChat Pay, Alipay or bank "
	    "statement, once each"), import_opts, NULL },
	{ "arrears", cmd_arrears,
	    N_("[--min-months months] [--count] [--building code] [--reveal] "
	    "[day]"),
	    N_("what each unit owes, by age, with late fees; the dunning "
	    "list"), arrears_opts, NULL },
	{ "statement", cmd_statement, N_("[--day day] unit"),
	    N_("an owner's account: bills, payments, the balance"),
	    statement_opts, NULL },
	{ "rate", cmd_rate, N_("period"),
	    N_("the collection rates, by building and overall"), NULL, NULL },
	{ "ledger", cmd_ledger, N_("period"),
	    N_("income by fee item and by book, expenses and the balance"),
	    NULL, NULL },
	{ "disclose", cmd_disclose, N_("period"),
	    N_("the public statement of fees, income and expenses "
	    "(收支公示)"), NULL, NULL },
	{ "expense", cmd_entry,
	    N_("--book code --category text --payee name [--date day] "
	    "[--note text] amount"),
	    N_("record money spent from a book"), expense_opts, NULL },
	{ "income", cmd_entry,
	    N_("--book code --category text --payer name [--date day] "
	    "[--note text] amount"),
	    N_("record a book's other income (advertising, deposits)"),
	    income_opts, NULL },
	{ "spaces", pm_rec_cmd_list, NULL,
	    N_("list the parking spaces and who holds them"), NULL,
	    &pm_fee_space_type },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
