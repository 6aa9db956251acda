/*
 * cli.c - the shared options, the help, and the frame of every pm binary.
 */
#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actor.h"
#include "cli.h"
#include "clock.h"
#include "record.h"
#include "text.h"

enum {
	OPT_AS = 0x1000,
	OPT_HEADER,
	OPT_VERSION
};

static const struct pm_opt shared_opts[] = {
	{ "db", 'd', N_("path"),
	    N_("the database (default: $PM_DB, else ./pm.db)") },
	{ "format", 'o', N_("format"),
	    N_("table, tsv, csv, json or excel (default: table on a "
	    "terminal, else tsv)") },
	{ "header", OPT_HEADER, NULL, N_("a header line in TSV") },
	{ "as", OPT_AS, N_("login"),
	    N_("the staff member acting (default: $PM_USER)") },
	{ "quiet", 'q', NULL, N_("print nothing but errors") },
	{ "help", 'h', NULL, N_("this help") },
	{ "version", OPT_VERSION, NULL, N_("the version of pm") },
	{ NULL, 0, NULL, NULL }
};

/* The verb's options: its own table, or the one made from its type. */
static const struct pm_opt *
verb_opts(struct pm_cli *cli)
{
	if (cli->v == NULL)
		return NULL;
	if (cli->v->opts != NULL)
		return cli->v->opts;
	if (cli->v->type != NULL && cli->made_opts == NULL)
		cli->made_opts = pm_rec_opts(cli->v->type,
		    cli->v->run == pm_rec_cmd_list);
	return cli->made_opts;
}

static void
print_verb_line(FILE *fp, const struct pm_cli_verb *v, int first)
{
	const char *syn = v->synopsis != NULL ? _(v->synopsis) : NULL;
	char *made = NULL;

	if (syn == NULL && v->type != NULL)
		syn = made = pm_rec_synopsis(v->type,
		    v->run == pm_rec_cmd_list);
	/* One form a line, aligned under the first as BSD usage() does. */
	fprintf(fp, "%s%s %s%s%s\n", first ? _("usage: ") : "       ",
	    pm_progname(), v->name, syn != NULL && *syn != '\0' ? " " : "",
	    syn != NULL ? syn : "");
	free(made);
}

static void
print_usage(FILE *fp, struct pm_cli *cli)
{
	const struct pm_cli_verb *v;

	if (cli->v != NULL) {
		print_verb_line(fp, cli->v, 1);
		return;
	}
	for (v = cli->verbs; v->name != NULL; v++)
		print_verb_line(fp, v, v == cli->verbs);
}

int
pm_cli_usage(struct pm_cli *cli)
{
	print_usage(stderr, cli);
	pm_err_clear();
	return PM_EX_USAGE;
}

/* "  -c, --category code   the help", aligned on the widest. */
static void
print_opts(FILE *fp, const struct pm_opt *opts, int width)
{
	const struct pm_opt *o;
	char head[128];
	int w;

	for (o = opts; o != NULL && o->name != NULL; o++) {
		if (o->key < PM_OPT_LONG && o->key > 0)
			snprintf(head, sizeof head, "  -%c, --%s%s%s", o->key,
			    o->name, o->arg ? " " : "", o->arg ? _(o->arg) : "");
		else
			snprintf(head, sizeof head, "      --%s%s%s", o->name,
			    o->arg ? " " : "", o->arg ? _(o->arg) : "");
		w = pm_out_width(head);
		fprintf(fp, "%s%*s  %s\n", head, width > w ? width - w : 0, "",
		    _(o->help));
	}
}

static int
opts_width(const struct pm_opt *opts, int width)
{
	const struct pm_opt *o;
	char head[128];
	int w;

	for (o = opts; o != NULL && o->name != NULL; o++) {
		snprintf(head, sizeof head, "  -x, --%s%s%s", o->name,
		    o->arg ? " " : "", o->arg ? _(o->arg) : "");
		if ((w = pm_out_width(head)) > width)
			width = w;
	}
	return width;
}

/* VERB --help: the usage, what it does, its options, the shared ones. */
static void
print_help(struct pm_cli *cli)
{
	const struct pm_opt *opts = verb_opts(cli);
	int width = opts_width(shared_opts, opts_width(opts, 0));

	print_usage(stdout, cli);
	if (cli->v->summary != NULL)
		printf("\n%s\n", _(cli->v->summary));
	if (opts != NULL && opts->name != NULL) {
		printf("\n%s\n", _("Options:"));
		print_opts(stdout, opts, width);
	}
	printf("\n%s\n", _("Shared options:"));
	print_opts(stdout, shared_opts, width);
}

int
pm_cli_operands(struct pm_cli *cli, int argc, char **argv, int min, int max)
{
	if (argc > max && max >= 0)
		pm_warn("unexpected argument %s", pm_q(argv[max]));
	else if (argc < min)
		pm_warn("%s: missing argument", cli->verb ? cli->verb : "?");
	else
		return 0;
	return pm_cli_usage(cli);
}

int
pm_cli_plain(struct pm_cli *cli, int *argc, char ***argv, int min, int max)
{
	if (pm_cli_getopt(cli, *argc, *argv) != -1)
		return pm_cli_usage(cli);
	*argc -= optind;
	*argv += optind;
	return pm_cli_operands(cli, *argc, *argv, min, max);
}

void
pm_cli_for_people(struct pm_cli *cli)
{
	if (cli->format_name == NULL)
		cli->format = PM_FMT_TABLE;
}

int
pm_cli_needs(struct pm_cli *cli, const char *option)
{
	return pm_err(PM_EX_USAGE, "%s: --%s is needed", cli->verb, option);
}

int
pm_cli_bad(const char *what, const char *value, const char *why)
{
	return pm_err(PM_EX_USAGE, "%s %s: %s", _(what), pm_q(value),
	    _(why));
}

static void
print_version(void)
{
	printf("%s (pm) %s\n", pm_progname(), PM_VERSION);
}

static const char *
login_name(void)
{
	struct passwd *pw;
	const char *u;

	if ((pw = getpwuid(geteuid())) != NULL)
		return pw->pw_name;
	u = getenv("LOGNAME");
	return u != NULL ? u : "unknown";
}

static int
finish(struct pm_cli *cli)
{
	const char *u;

	if (cli->own_format != NULL && cli->format_name != NULL &&
	    strcmp(cli->format_name, cli->own_format) == 0) {
		cli->own_format_chosen = 1;
		cli->format = PM_FMT_TABLE;
	} else if (cli->format_name != NULL) {
		if (pm_out_parse_format(cli->format_name, &cli->format) != 0) {
			if (cli->own_format != NULL)
				pm_err(PM_EX_USAGE, "format %s: unknown format "
				    "(choose table, tsv, csv, json, excel or "
				    "%s)", pm_q(cli->format_name),
				    cli->own_format);
			exit(pm_fail(PM_EX_USAGE));
		}
	} else
		cli->format = pm_out_default_format(stdout);
	if (cli->user == NULL && (u = getenv("PM_USER")) != NULL &&
	    *u != '\0') {
		cli->user = u;
		cli->user_given = 1;
	}
	return -1;
}

/* Add 'o' to the getopt tables. */
static void
add_opt(const struct pm_opt *o, struct option *lo, int *nlo, char *shorts,
    size_t *ns)
{
	lo[*nlo].name = o->name;
	lo[*nlo].has_arg = o->arg != NULL ? required_argument : no_argument;
	lo[*nlo].flag = NULL;
	lo[*nlo].val = o->key;
	(*nlo)++;
	if (o->key > 0 && o->key < PM_OPT_LONG) {
		shorts[(*ns)++] = (char)o->key;
		if (o->arg != NULL)
			shorts[(*ns)++] = ':';
	}
}

int
pm_cli_getopt(struct pm_cli *cli, int argc, char **argv)
{
	static struct option all[96];
	static char shorts[200];
	const struct pm_opt *opts = verb_opts(cli), *o;
	size_t ns = 1;
	int c, n = 0;

	/* ':' first: a missing value is reported as ':', not '?'. */
	shorts[0] = ':';
	for (o = shared_opts; o->name != NULL; o++)
		add_opt(o, all, &n, shorts, &ns);
	for (o = opts; o != NULL && o->name != NULL && n < 94 &&
	    ns < sizeof shorts - 4; o++)
		add_opt(o, all, &n, shorts, &ns);
	shorts[ns] = '\0';
	memset(&all[n], 0, sizeof all[n]);

	for (;;) {
		c = getopt_long(argc, argv, shorts, all, NULL);
		switch (c) {
		case -1:
			return finish(cli);
		case 'd':
			cli->db_path = optarg;
			break;
		case 'o':
			cli->format_name = optarg;
			break;
		case 'q':
			cli->quiet = 1;
			break;
		case OPT_HEADER:
			cli->header = 1;
			break;
		case OPT_AS:
			if (*optarg == '\0')
				exit(pm_fail(pm_cli_bad("--as", optarg,
				    N_("empty staff login"))));
			cli->user = optarg;
			cli->user_given = 1;
			break;
		case 'h':
			print_help(cli);
			exit(fflush(stdout) == 0 ? 0 : PM_EX_IOERR);
		case OPT_VERSION:
			print_version();
			exit(fflush(stdout) == 0 ? 0 : PM_EX_IOERR);
		case ':':
			pm_warn("option %s needs a value", pm_q(argv[optind -
			    1]));
			exit(pm_cli_usage(cli));
		case '?':
			if (optopt != 0) {
				char s[3] = { '-', (char)optopt, '\0' };

				pm_warn("unknown option %s", pm_q(s));
			} else
				pm_warn("unknown option %s",
				    pm_q(argv[optind - 1]));
			exit(pm_cli_usage(cli));
		default:
			return c;
		}
	}
}

int
pm_cli_open(struct pm_cli *cli, int flags, struct pm_db **db)
{
	char *lang = NULL;
	int rc;

	if ((rc = pm_db_open(pm_db_path(cli->db_path),
	    flags & ~(PM_CLI_WRITE | PM_CLI_READ), db)) != 0)
		return rc;
	if ((flags & PM_CLI_READ) && (rc = pm_db_read(*db)) != 0)
		goto fail;
	/*
	 * Named by no one: the login, for the audit rows of a command that
	 * writes.  A read writes none and skips the password file.
	 */
	if (cli->user == NULL && !(flags & PM_CLI_READ))
		cli->user = login_name();
	pm_db_set_actor(*db, pm_progname(), cli->verb, cli->user);
	/* cron names no language: the estate's decides. */
	if (!pm_i18n_from_env()) {
		if ((rc = pm_db_meta(*db, "language", &lang)) != 0) {
			pm_db_close(*db);
			*db = NULL;
			return rc;
		}
		pm_i18n_default(lang);
		free(lang);
	}
	/* Named by no one: the staff member this Unix account is. */
	if ((flags & PM_CLI_WRITE) && !cli->user_given) {
		static char bound[128];

		if ((rc = pm_actor_bound(*db, bound, sizeof bound)) != 0)
			goto fail;
		if (bound[0] != '\0') {
			cli->user = bound;
			pm_db_set_actor(*db, pm_progname(), cli->verb, cli->user);
		}
	}
	if ((flags & PM_CLI_WRITE) &&
	    (rc = pm_actor_check(*db, cli->user, cli->user_given)) != 0)
		goto fail;
	return 0;
fail:
	pm_db_close(*db);
	*db = NULL;
	return rc;
}

struct pm_out *
pm_cli_out(struct pm_cli *cli, const struct pm_col *cols, int ncols)
{
	struct pm_out *o = pm_out_new(stdout, cli->format, cli->header, cols,
	    ncols);

	if (o == NULL)
		pm_die(PM_EX_SOFTWARE, "out of memory");
	return o;
}

void
pm_cli_print_id(struct pm_cli *cli, const char *id)
{
	if (!cli->quiet)
		printf("%s\n", id);
}

int
pm_cli_add_one(struct pm_cli *cli,
    int (*add)(struct pm_db *db, void *arg, int64_t *id), void *arg)
{
	struct pm_db *db = NULL;
	char idb[24];
	int64_t id;
	int rc;

	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = add(db, arg, &id)) != 0) {
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
ids_from_stdin(int (*fn)(const char *, void *), void *arg)
{
	char *line = NULL, *id;
	size_t cap = 0;
	ssize_t len;
	int rc = 0, lineno = 0;

	while ((len = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		/* A NUL would end the id early and act on another record. */
		if (memchr(line, '\0', (size_t)len) != NULL) {
			rc = pm_err(PM_EX_DATAERR, "stdin:%d: a NUL byte in "
			    "the line", lineno);
			break;
		}
		/* Tables right-align ids: " 5" is id 5. */
		id = line + strspn(line, " ");
		id[strcspn(id, "\t \r\n")] = '\0';
		if (id[0] == '\0')
			continue;
		if ((rc = fn(id, arg)) != 0)
			break;
	}
	if (rc == 0 && ferror(stdin))
		rc = pm_err(PM_EX_IOERR, "stdin: %s", strerror(errno));
	free(line);
	return rc;
}

int
pm_cli_each_id(struct pm_cli *cli, int argc, char **argv,
    int (*fn)(const char *, void *), void *arg)
{
	int i, rc;

	if (argc == 0)
		return pm_cli_usage(cli);
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			rc = ids_from_stdin(fn, arg);
		else
			rc = fn(argv[i], arg);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * The ids of a per-id command, packed NUL-separated in one buffer: a
 * million ids from a pipe cost their bytes, not a million allocations.
 */
struct idlist {
	char *buf;
	size_t len, cap;
	size_t n;
	int (*check)(const char *);
};

static int
idlist_add(const char *id, void *arg)
{
	struct idlist *l = arg;
	size_t n = strlen(id) + 1;
	char *nb;
	int rc;

	if (l->check != NULL && (rc = l->check(id)) != 0)
		return rc;
	if (l->len + n > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		while (l->cap < l->len + n)
			l->cap *= 2;
		if ((nb = realloc(l->buf, l->cap)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		l->buf = nb;
	}
	memcpy(l->buf + l->len, id, n);
	l->len += n;
	l->n++;
	return 0;
}

int
pm_cli_run_ids(struct pm_cli *cli, int argc, char **argv,
    int (*check)(const char *),
    int (*act)(struct pm_db *, const char *, char *, size_t, void *),
    void *arg)
{
	struct idlist l = { NULL, 0, 0, 0, check };
	struct idlist done = { NULL, 0, 0, 0, NULL };
	struct pm_db *db = NULL;
	char canon[256];
	size_t i, at;
	int rc;

	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_each_id(cli, argc, argv, idlist_add, &l)) != 0)
		goto out;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	for (i = 0, at = 0; i < l.n; i++, at += strlen(l.buf + at) + 1) {
		pm_err_clear();
		canon[0] = '\0';
		rc = act(db, l.buf + at, canon, sizeof canon, arg);
		if (rc == PM_UNCHANGED) {
			/* Why it was left as it was, when the action said. */
			if (pm_err_code() == PM_UNCHANGED && !cli->quiet)
				pm_warn("%s", pm_err_msg());
			continue;
		}
		/* The changed ones, as stored, to print once committed. */
		if (rc == 0)
			rc = idlist_add(canon[0] != '\0' ? canon : l.buf + at,
			    &done);
		if (rc != 0) {
			pm_db_rollback(db);
			goto out;
		}
	}
	if ((rc = pm_db_commit(db)) != 0)
		goto out;
	for (i = 0, at = 0; i < done.n; i++, at += strlen(done.buf + at) + 1)
		pm_cli_print_id(cli, done.buf + at);
out:
	pm_db_close(db);
	free(done.buf);
	free(l.buf);
	return rc;
}

/*
 * A full disk must not pass for success (sbase's fshut): flush stdout
 * and turn a failure into an I/O error.  A reader that went away (EPIPE,
 * "pm-ticket list | head") is a normal end.
 */
static int
close_stdout(int rc)
{
	int flushed = fflush(stdout) == 0, e = errno;

	if (flushed && !ferror(stdout))
		return rc;
	if (!flushed && e == EPIPE)
		return rc;
	/* A failing command has said why already; say nothing twice. */
	if (rc != 0 && rc != PM_EX_FOUND)
		return rc;
	if (flushed)
		pm_err(PM_EX_IOERR, "write error on standard output");
	else
		pm_err(PM_EX_IOERR, "write error: %s", strerror(e));
	return pm_fail(PM_EX_IOERR);
}

/*
 * Verbs in groups: a verb named "facility list" is run as "pm-inspect
 * facility list", and "facility" alone is its group, whose usage lists
 * its verbs.  Whether 'name' is the verb 'group' 'sub'.
 */
static int
verb_in_group(const char *name, const char *group, const char *sub)
{
	size_t n = strlen(group);

	return sub != NULL && strncmp(name, group, n) == 0 && name[n] == ' ' &&
	    strcmp(name + n + 1, sub) == 0;
}

/* Whether 'group' is the first word of a verb in a group. */
static int
in_group(const struct pm_cli_verb *verbs, const char *group)
{
	size_t n = strlen(group);

	for (; verbs->name != NULL; verbs++)
		if (strncmp(verbs->name, group, n) == 0 &&
		    verbs->name[n] == ' ')
			return 1;
	return 0;
}

/*
 * A group named without one of its verbs: with -h or --help the usage
 * of its verbs on stdout, else what is wrong and that usage on stderr.
 */
static int
group_usage(struct pm_cli *cli, int argc, char **argv)
{
	const struct pm_cli_verb *v;
	FILE *fp = stderr;
	size_t n = strlen(argv[1]);
	int first = 1;

	if (argc > 2 && (strcmp(argv[2], "-h") == 0 ||
	    strcmp(argv[2], "--help") == 0))
		fp = stdout;
	else if (argc > 2)
		pm_warn("unknown command %s", pm_q(argv[2]));
	else
		pm_warn("%s: missing command", argv[1]);
	for (v = cli->verbs; v->name != NULL; v++)
		if (strncmp(v->name, argv[1], n) == 0 && v->name[n] == ' ') {
			print_verb_line(fp, v, first);
			first = 0;
		}
	return fp == stdout ? close_stdout(0) : PM_EX_USAGE;
}

int
pm_cli_main(int argc, char **argv, const struct pm_cli_verb *verbs)
{
	struct pm_cli cli;
	const struct pm_cli_verb *v;
	int rc, shift;

	pm_set_progname(argv[0]);
	pm_i18n_init();
	memset(&cli, 0, sizeof cli);
	cli.verbs = verbs;
	if (argc < 2)
		return pm_cli_usage(&cli);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		print_usage(stdout, &cli);
		return close_stdout(0);
	}
	if (strcmp(argv[1], "--version") == 0) {
		print_version();
		return close_stdout(0);
	}
	if (pm_clock_check_env() != 0)
		return pm_fail(PM_EX_USAGE);
	for (v = verbs; v->name != NULL; v++)
		if (strcmp(v->name, argv[1]) == 0 ||
		    verb_in_group(v->name, argv[1], argc > 2 ? argv[2] : NULL))
			break;
	if (v->name == NULL && in_group(verbs, argv[1]))
		return group_usage(&cli, argc, argv);
	if (v->name == NULL) {
		if (argv[1][0] == '-')
			pm_warn("unknown option %s (the command comes first: "
			    "%s COMMAND [options])", pm_q(argv[1]),
			    pm_progname());
		else
			pm_warn("unknown command %s", pm_q(argv[1]));
		return pm_cli_usage(&cli);
	}
	cli.v = v;
	cli.verb = v->name;
	optind = 1;
	pm_err_clear();
	/* A verb of a group ("facility list") starts after both words. */
	shift = strchr(v->name, ' ') != NULL ? 2 : 1;
	rc = v->run(&cli, argc - shift, argv + shift);
	if (rc != 0 && rc != PM_EX_FOUND && pm_err_code() == rc)
		pm_fail(rc);
	free(cli.made_opts);
	return close_stdout(rc);
}
