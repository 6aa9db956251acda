/*
 * cli.c - the shared options and the frame of every pm binary.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "clock.h"
#include "i18n.h"

enum {
	OPT_AS = 0x1000,
	OPT_HEADER,
	OPT_VERSION
};

static const struct option shared_long[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, 'o' },
	{ "header", no_argument, NULL, OPT_HEADER },
	{ "as", required_argument, NULL, OPT_AS },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
};
#define NSHARED (int)(sizeof shared_long / sizeof shared_long[0])
#define SHARED_SHORT "d:o:qh"

static void
print_usage(FILE *fp, const char *usage)
{
	const char *p = usage, *nl;
	int first = 1;

	/* One form a line, aligned under the first as BSD usage() does. */
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		fprintf(fp, "%s%.*s\n", first ? "usage: " : "       ",
		    (int)(nl - p), p);
		first = 0;
		p = *nl ? nl + 1 : nl;
	}
}

int
pm_cli_usage(struct pm_cli *cli)
{
	print_usage(stderr, cli->usage);
	pm_err_clear();
	return PM_EX_USAGE;
}

int
pm_cli_operands(struct pm_cli *cli, int argc, char **argv, int min, int max)
{
	if (argc > max && max >= 0)
		pm_warn("unexpected argument '%s'", argv[max]);
	else if (argc < min)
		pm_warn("%s: missing argument", cli->verb ? cli->verb : "?");
	else
		return 0;
	return pm_cli_usage(cli);
}

int
pm_cli_bad(const char *what, const char *value, const char *why)
{
	return pm_err(PM_EX_USAGE, "%s '%s': %s", what, value, why);
}

static void
print_version(void)
{
	printf("%s (pm) %s\n", pm_progname(), PM_VERSION);
}

static const char *
login_name(void)
{
	const char *u = getenv("PM_USER");
	struct passwd *pw;

	if (u != NULL && *u != '\0')
		return u;
	if ((pw = getpwuid(geteuid())) != NULL)
		return pw->pw_name;
	u = getenv("LOGNAME");
	return u != NULL ? u : "unknown";
}

static int
finish(struct pm_cli *cli)
{
	if (cli->format_name != NULL) {
		if (pm_out_parse_format(cli->format_name, &cli->format) != 0)
			exit(pm_fail(PM_EX_USAGE));
	} else
		cli->format = pm_out_default_format(stdout);
	if (cli->user == NULL)
		cli->user = login_name();
	return -1;
}

int
pm_cli_getopt(struct pm_cli *cli, int argc, char **argv,
    const char *shortopts, const struct option *longopts)
{
	static struct option all[64];
	static char shorts[128];
	int c, n = 0, i;

	/* Merge the verb's options with the shared ones. */
	snprintf(shorts, sizeof shorts, ":%s%s", SHARED_SHORT,
	    shortopts ? shortopts : "");
	for (i = 0; longopts != NULL && longopts[i].name != NULL && n < 63 -
	    NSHARED; i++)
		all[n++] = longopts[i];
	for (i = 0; i < NSHARED; i++)
		all[n++] = shared_long[i];
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
				    "empty staff login")));
			cli->user = optarg;
			break;
		case 'h':
			print_usage(stdout, cli->usage);
			exit(fflush(stdout) == 0 ? 0 : PM_EX_IOERR);
		case OPT_VERSION:
			print_version();
			exit(fflush(stdout) == 0 ? 0 : PM_EX_IOERR);
		case ':':
			pm_warn("option '%s' needs a value", argv[optind - 1]);
			exit(pm_cli_usage(cli));
		case '?':
			if (optopt != 0)
				pm_warn("unknown option '-%c'", optopt);
			else
				pm_warn("unknown option '%s'", argv[optind - 1]);
			exit(pm_cli_usage(cli));
		default:
			return c;
		}
	}
}

int
pm_cli_open(struct pm_cli *cli, int flags, struct pm_db **db)
{
	int rc;

	if ((rc = pm_db_open(pm_db_path(cli->db_path), flags, db)) != 0)
		return rc;
	pm_db_set_actor(*db, pm_progname(), cli->verb, cli->user);
	return 0;
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

int
pm_cli_main(int argc, char **argv, const char *usage,
    const struct pm_cli_verb *verbs)
{
	struct pm_cli cli;
	const struct pm_cli_verb *v;
	int rc;

	pm_set_progname(argv[0]);
	pm_i18n_init();
	memset(&cli, 0, sizeof cli);
	cli.usage = usage;
	if (argc < 2)
		return pm_cli_usage(&cli);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		print_usage(stdout, usage);
		return close_stdout(0);
	}
	if (strcmp(argv[1], "--version") == 0) {
		print_version();
		return close_stdout(0);
	}
	if (pm_clock_check_env() != 0)
		return pm_fail(PM_EX_USAGE);
	for (v = verbs; v->name != NULL; v++)
		if (strcmp(v->name, argv[1]) == 0)
			break;
	if (v->name == NULL) {
		if (argv[1][0] == '-')
			pm_warn("unknown option '%s' (the command comes first: "
			    "%s COMMAND [options])", argv[1], pm_progname());
		else
			pm_warn("unknown command '%s'", argv[1]);
		return pm_cli_usage(&cli);
	}
	cli.verb = v->name;
	optind = 1;
	pm_err_clear();
	rc = v->run(&cli, argc - 1, argv + 1);
	if (rc != 0 && rc != PM_EX_FOUND && pm_err_code() == rc)
		pm_fail(rc);
	return close_stdout(rc);
}
