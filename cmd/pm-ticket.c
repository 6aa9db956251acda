/*
 * pm-ticket - the service desk: requests, complaints, repairs, their
 * deadlines and callbacks.  Options and glue only; the work is in
 * libpm/ticket*.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "rec.h"
#include "ticket.h"

static const char usage[] =
    "pm-ticket add [--kind kind] --category code --unit code"
    " [--source source] [--received time] description ...\n"
    "pm-ticket list [--all] [--status status] [--kind kind] [--level level]"
    " [--category code] [--unit code] [--building code] [--receiver login]"
    " [--assignee login] [--overdue] [--since time] [--until time]\n"
    "pm-ticket show id ...\n"
    "pm-ticket assign --to login id ...\n"
    "pm-ticket start id ...\n"
    "pm-ticket note [--feedback] --message text id ...\n"
    "pm-ticket wait --reason reason id ...\n"
    "pm-ticket resume id ...\n"
    "pm-ticket resolve [--message text] id ...\n"
    "pm-ticket reopen [--reason text] id ...\n"
    "pm-ticket callback --satisfaction level [--comment text] id ...\n"
    "pm-ticket close id ...\n"
    "pm-ticket cancel --reason text id ...\n"
    "pm-ticket escalate [--level level] --reason text id ...\n"
    "pm-ticket pending [day]\n"
    "pm-ticket due [--within duration] [--mark]\n"
    "pm-ticket import [--from format] [file]";

enum {
	OPT_ALL = 0x100,
	OPT_STATUS,
	OPT_BUILDING,
	OPT_RECEIVER,
	OPT_ASSIGNEE,
	OPT_OVERDUE,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_RECEIVED,
	OPT_FEEDBACK,
	OPT_MARK
};

/*
 * Verbs that act on tickets by id.  The ids are all read (from the
 * operands, "-" from stdin) before the database is locked, then every
 * change happens in one transaction, and the ids are printed only once
 * it has committed.
 */
struct ids {
	int64_t *v;
	size_t n, cap;
};

static int
collect(const char *s, void *arg)
{
	struct ids *ids = arg;
	int64_t id, *nv;
	int rc;

	if ((rc = pm_ticket_parse_id(s, &id)) != 0)
		return rc;
	if (ids->n == ids->cap) {
		ids->cap = ids->cap ? ids->cap * 2 : 16;
		if ((nv = realloc(ids->v, ids->cap * sizeof *nv)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		ids->v = nv;
	}
	ids->v[ids->n++] = id;
	return 0;
}

/* What one verb does to one ticket. */
struct act {
	int (*fn)(struct pm_db *, int64_t, const struct act *);
	const char *text;	/* --to, --message, --reason, --satisfaction */
	const char *text2;	/* --comment */
	int flag;		/* --feedback, --level */
};

static void
print_ids(struct pm_cli *cli, const int64_t *v, size_t n)
{
	char buf[24];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%lld", (long long)v[i]);
		pm_cli_print_id(cli, buf);
	}
}

static int
run_ids(struct pm_cli *cli, int argc, char **argv, const struct act *a)
{
	struct ids ids = { NULL, 0, 0 };
	struct pm_db *db = NULL;
	size_t i;
	int rc;

	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_each_id(cli, argc, argv, collect, &ids)) != 0)
		goto out;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	for (i = 0; i < ids.n; i++)
		if ((rc = a->fn(db, ids.v[i], a)) != 0) {
			pm_db_rollback(db);
			goto out;
		}
	if ((rc = pm_db_commit(db)) == 0)
		print_ids(cli, ids.v, ids.n);
out:
	pm_db_close(db);
	free(ids.v);
	return rc;
}

static int
do_assign(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_assign(db, id, a->text);
}

static int
do_start(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_start(db, id);
}

static int
do_note(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_note(db, id, a->text, a->flag);
}

static int
do_wait(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_wait(db, id, a->text);
}

static int
do_resume(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_resume(db, id);
}

static int
do_resolve(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_resolve(db, id, a->text);
}

static int
do_reopen(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_reopen(db, id, a->text);
}

static int
do_callback(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_callback(db, id, a->text, a->text2);
}

static int
do_close(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_close(db, id);
}

static int
do_cancel(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_cancel(db, id, a->text);
}

static int
do_escalate(struct pm_db *db, int64_t id, const struct act *a)
{
	return pm_ticket_escalate(db, id, a->flag, a->text);
}

static int
parse_level(const char *s, int *level)
{
	if (s[0] < '1' || s[0] > '3' || s[1] != '\0')
		return pm_cli_bad("level", s, "not a level (1, 2 or 3)");
	*level = s[0] - '0';
	return 0;
}

/* A verb whose only option is one required or optional text. */
static int
text_verb(struct pm_cli *cli, int argc, char **argv, const char *opt,
    int need, int (*fn)(struct pm_db *, int64_t, const struct act *))
{
	const struct option longopts[] = {
		{ opt, required_argument, NULL, opt[0] == 'm' ? 'm' :
		    opt[0] == 't' ? 't' : 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct act a = { fn, NULL, NULL, 0 };
	char shorts[3] = { (char)longopts[0].val, ':', '\0' };
	int c;

	while ((c = pm_cli_getopt(cli, argc, argv, shorts, longopts)) != -1)
		if (c == longopts[0].val)
			a.text = optarg;
	argc -= optind;
	argv += optind;
	if (need && a.text == NULL)
		return pm_err(PM_EX_USAGE, "%s: --%s is needed", cli->verb,
		    opt);
	return run_ids(cli, argc, argv, &a);
}

static int
plain_verb(struct pm_cli *cli, int argc, char **argv,
    int (*fn)(struct pm_db *, int64_t, const struct act *))
{
	struct act a = { fn, NULL, NULL, 0 };

	while (pm_cli_getopt(cli, argc, argv, "", NULL) != -1)
		;
	return run_ids(cli, argc - optind, argv + optind, &a);
}

static int
cmd_assign(struct pm_cli *cli, int argc, char **argv)
{
	return text_verb(cli, argc, argv, "to", 1, do_assign);
}

static int
cmd_start(struct pm_cli *cli, int argc, char **argv)
{
	return plain_verb(cli, argc, argv, do_start);
}

static int
cmd_note(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "message", required_argument, NULL, 'm' },
		{ "feedback", no_argument, NULL, OPT_FEEDBACK },
		{ NULL, 0, NULL, 0 }
	};
	struct act a = { do_note, NULL, NULL, 0 };
	int c;

	while ((c = pm_cli_getopt(cli, argc, argv, "m:", longopts)) != -1)
		if (c == 'm')
			a.text = optarg;
		else if (c == OPT_FEEDBACK)
			a.flag = 1;
	if (a.text == NULL)
		return pm_err(PM_EX_USAGE, "note: --message is needed");
	return run_ids(cli, argc - optind, argv + optind, &a);
}

static int
cmd_wait(struct pm_cli *cli, int argc, char **argv)
{
	return text_verb(cli, argc, argv, "reason", 1, do_wait);
}

static int
cmd_resume(struct pm_cli *cli, int argc, char **argv)
{
	return plain_verb(cli, argc, argv, do_resume);
}

static int
cmd_resolve(struct pm_cli *cli, int argc, char **argv)
{
	return text_verb(cli, argc, argv, "message", 0, do_resolve);
}

static int
cmd_reopen(struct pm_cli *cli, int argc, char **argv)
{
	return text_verb(cli, argc, argv, "reason", 0, do_reopen);
}

static int
cmd_close(struct pm_cli *cli, int argc, char **argv)
{
	return plain_verb(cli, argc, argv, do_close);
}

static int
cmd_cancel(struct pm_cli *cli, int argc, char **argv)
{
	return text_verb(cli, argc, argv, "reason", 1, do_cancel);
}

static int
cmd_callback(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "satisfaction", required_argument, NULL, 's' },
		{ "comment", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct act a = { do_callback, NULL, NULL, 0 };
	int c;

	while ((c = pm_cli_getopt(cli, argc, argv, "s:c:", longopts)) != -1)
		if (c == 's')
			a.text = optarg;
		else if (c == 'c')
			a.text2 = optarg;
	if (a.text == NULL)
		return pm_err(PM_EX_USAGE, "callback: --satisfaction is needed "
		    "(satisfied, basic or dissatisfied)");
	return run_ids(cli, argc - optind, argv + optind, &a);
}

static int
cmd_escalate(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "level", required_argument, NULL, 'l' },
		{ "reason", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct act a = { do_escalate, NULL, NULL, 0 };
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv, "l:r:", longopts)) != -1)
		if (c == 'l' && (rc = parse_level(optarg, &a.flag)) != 0)
			return rc;
		else if (c == 'r')
			a.text = optarg;
	if (a.text == NULL)
		return pm_err(PM_EX_USAGE, "escalate: --reason is needed");
	return run_ids(cli, argc - optind, argv + optind, &a);
}

/*
 * add and import
 */

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
cmd_add(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "category", required_argument, NULL, 'c' },
		{ "unit", required_argument, NULL, 'u' },
		{ "source", required_argument, NULL, 's' },
		{ "received", required_argument, NULL, OPT_RECEIVED },
		{ NULL, 0, NULL, 0 }
	};
	struct pm_ticket_new n;
	struct pm_db *db = NULL;
	char *desc;
	int64_t id;
	int c, rc;

	memset(&n, 0, sizeof n);
	while ((c = pm_cli_getopt(cli, argc, argv, "k:c:u:s:", longopts)) !=
	    -1)
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
		}
	argc -= optind;
	argv += optind;
	if (n.category == NULL)
		return pm_err(PM_EX_USAGE, "add: --category is needed");
	if (n.unit == NULL)
		return pm_err(PM_EX_USAGE, "add: --unit is needed");
	if (argc == 0)
		return pm_err(PM_EX_USAGE, "add: a description is needed");
	if ((desc = join(argc, argv)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	n.description = desc;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_ticket_add(db, &n, &id)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0)
		print_ids(cli, &id, 1);
out:
	pm_db_close(db);
	free(desc);
	return rc;
}

static int
cmd_import(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum pm_rec_fmt fmt = PM_REC_AUTO;
	struct pm_db *db = NULL;
	struct pm_rec *r = NULL;
	const char *name = "stdin";
	FILE *fp = stdin;
	int64_t *ids = NULL;
	size_t nids = 0;
	int c, rc;

	while ((c = pm_cli_getopt(cli, argc, argv, "f:", longopts)) != -1)
		if ((rc = pm_rec_parse_format(optarg, &fmt)) != 0)
			return rc;
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	if (argc == 1 && strcmp(argv[0], "-") != 0) {
		name = argv[0];
		if ((fp = fopen(name, "r")) == NULL)
			return pm_err(PM_EX_NOINPUT, "file '%s': %s", name,
			    strerror(errno));
	}
	if ((rc = pm_rec_open(fp, name, fmt, &r)) != 0 ||
	    (rc = pm_cli_open(cli, 0, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = pm_ticket_import(db, r, &ids, &nids)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0)
		print_ids(cli, ids, nids);
out:
	pm_db_close(db);
	pm_rec_free(r);
	if (fp != stdin)
		fclose(fp);
	free(ids);
	return rc;
}

/*
 * The lists.
 */

static int
cmd_list(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "status", required_argument, NULL, OPT_STATUS },
		{ "kind", required_argument, NULL, 'k' },
		{ "level", required_argument, NULL, 'l' },
		{ "category", required_argument, NULL, 'c' },
		{ "unit", required_argument, NULL, 'u' },
		{ "building", required_argument, NULL, OPT_BUILDING },
		{ "receiver", required_argument, NULL, OPT_RECEIVER },
		{ "assignee", required_argument, NULL, OPT_ASSIGNEE },
		{ "overdue", no_argument, NULL, OPT_OVERDUE },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ NULL, 0, NULL, 0 }
	};
	struct pm_ticket_filter f;
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time from, to;
	int c, rc;

	memset(&f, 0, sizeof f);
	while ((c = pm_cli_getopt(cli, argc, argv, "ak:l:c:u:", longopts)) !=
	    -1)
		switch (c) {
		case 'a':
			f.all = 1;
			break;
		case OPT_STATUS:
			f.status = optarg;
			break;
		case 'k':
			f.kind = optarg;
			break;
		case 'l':
			if ((rc = parse_level(optarg, &f.level)) != 0)
				return rc;
			break;
		case 'c':
			f.category = optarg;
			break;
		case 'u':
			f.unit = optarg;
			break;
		case OPT_BUILDING:
			f.building = optarg;
			break;
		case OPT_RECEIVER:
			f.receiver = optarg;
			break;
		case OPT_ASSIGNEE:
			f.assignee = optarg;
			break;
		case OPT_OVERDUE:
			f.overdue = 1;
			break;
		case OPT_SINCE:
			/* A day, month or year given as --since starts it. */
			if (pm_period_parse(optarg, &f.since, &to) != 0 &&
			    (rc = pm_time_parse(optarg, &f.since)) != 0)
				return rc;
			f.has_since = 1;
			break;
		case OPT_UNTIL:
			/* A day, month or year given as --until includes it. */
			if (pm_period_parse(optarg, &from, &f.until) != 0 &&
			    (rc = pm_time_parse(optarg, &f.until)) != 0)
				return rc;
			f.has_until = 1;
			break;
		}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_ticket_list_cols, pm_ticket_list_ncols);
	rc = pm_ticket_list(db, &f, o);
	c = pm_out_close(o);
	pm_db_close(db);
	return rc != 0 ? rc : c;
}

static int
show_one(const char *s, void *arg)
{
	struct pm_cli *cli = ((void **)arg)[0];
	struct pm_db *db = ((void **)arg)[1];
	int *nth = ((void **)arg)[2];
	struct pm_out *o;
	int64_t id;
	int rc, rc2;

	if ((rc = pm_ticket_parse_id(s, &id)) != 0)
		return rc;
	/* Blank lines part the blocks, except in JSON Lines. */
	if ((*nth)++ > 0 && cli->format != PM_FMT_JSON)
		putchar('\n');
	o = pm_cli_out(cli, pm_ticket_show_cols, pm_ticket_show_ncols);
	pm_out_vertical(o, 1);
	rc = pm_ticket_show(db, id, o);
	if ((rc2 = pm_out_close(o)) != 0 || rc != 0)
		return rc != 0 ? rc : rc2;
	if (cli->format != PM_FMT_JSON)
		putchar('\n');
	o = pm_cli_out(cli, pm_ticket_history_cols, pm_ticket_history_ncols);
	rc = pm_ticket_history(db, id, o);
	rc2 = pm_out_close(o);
	return rc != 0 ? rc : rc2;
}

static int
cmd_show(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	void *arg[3];
	int nth = 0, rc;

	while (pm_cli_getopt(cli, argc, argv, "", NULL) != -1)
		;
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	arg[0] = cli;
	arg[1] = db;
	arg[2] = &nth;
	rc = pm_cli_each_id(cli, argc, argv, show_one, arg);
	pm_db_close(db);
	return rc;
}

static int
cmd_pending(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db = NULL;
	struct pm_out *o;
	pm_time day;
	int rc, rc2;

	while (pm_cli_getopt(cli, argc, argv, "", NULL) != -1)
		;
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	day = pm_now();
	if (argc == 1 && (rc = pm_time_parse(argv[0], &day)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, pm_ticket_pending_cols, pm_ticket_pending_ncols);
	rc = pm_ticket_pending(db, day, o);
	rc2 = pm_out_close(o);
	pm_db_close(db);
	return rc != 0 ? rc : rc2;
}

/*
 * Write the report in 'buf' to stdout and flush it, so that a full disk
 * or a closed pipe is known before anything is committed.
 */
static int
put_report(const char *buf, size_t len)
{
	int e;

	errno = 0;
	if (fwrite(buf, 1, len, stdout) == len && fflush(stdout) == 0 &&
	    !ferror(stdout))
		return 0;
	e = errno != 0 ? errno : EIO;
	return pm_err(PM_EX_IOERR, "write error: %s", strerror(e));
}

static int
cmd_due(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "within", required_argument, NULL, 'w' },
		{ "mark", no_argument, NULL, OPT_MARK },
		{ NULL, 0, NULL, 0 }
	};
	struct pm_db *db = NULL;
	struct pm_out *o;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;
	int64_t within = 0;
	int c, rc, rc2, mark = 0, count = 0;

	while ((c = pm_cli_getopt(cli, argc, argv, "w:", longopts)) != -1)
		if (c == 'w' && (rc = pm_duration_parse(optarg, &within)) != 0)
			return rc;
		else if (c == OPT_MARK)
			mark = 1;
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	/*
	 * Its reader is a person, usually in a mail from cron: a table
	 * unless a format is asked for, even into a pipe.
	 */
	if (cli->format_name == NULL)
		cli->format = PM_FMT_TABLE;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	if (mark && (rc = pm_db_begin(db)) != 0) {
		pm_db_close(db);
		return rc;
	}
	/*
	 * Nothing due prints nothing at all, not even a header, so that
	 * "mail -E" sends no empty mail: the rows wait in memory.
	 */
	if ((mem = open_memstream(&buf, &len)) == NULL ||
	    (o = pm_out_new(mem, cli->format, cli->header, pm_ticket_due_cols,
	    pm_ticket_due_ncols)) == NULL) {
		if (mem != NULL)
			fclose(mem);
		free(buf);
		pm_db_close(db);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	rc = pm_ticket_due(db, within, mark, o, &count);
	rc2 = pm_out_close(o);
	if (fclose(mem) != 0 && rc2 == 0)
		rc2 = pm_err(PM_EX_SOFTWARE, "out of memory");
	if (rc == 0)
		rc = rc2;
	/*
	 * The marks say "reported": they may only be kept once the report
	 * is out.  A report that could not be written is rolled back, so
	 * the next run reports it again.
	 */
	if (rc == 0 && count > 0 && !cli->quiet)
		rc = put_report(buf, len);
	if (mark && rc == 0)
		rc = pm_db_commit(db);
	else if (mark)
		pm_db_rollback(db);
	free(buf);
	pm_db_close(db);
	if (rc != 0)
		return rc;
	return count > 0 ? PM_EX_FOUND : 0;
}

static const struct pm_cli_verb verbs[] = {
	{ "add", cmd_add },
	{ "list", cmd_list },
	{ "show", cmd_show },
	{ "assign", cmd_assign },
	{ "start", cmd_start },
	{ "note", cmd_note },
	{ "wait", cmd_wait },
	{ "resume", cmd_resume },
	{ "resolve", cmd_resolve },
	{ "reopen", cmd_reopen },
	{ "callback", cmd_callback },
	{ "close", cmd_close },
	{ "cancel", cmd_cancel },
	{ "escalate", cmd_escalate },
	{ "pending", cmd_pending },
	{ "due", cmd_due },
	{ "import", cmd_import },
	{ NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, usage, verbs);
}
