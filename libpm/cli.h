/*
 * cli.h - what every pm command line shares.
 *
 * A binary is "pm-NOUN VERB [options] [args]".  main() hands argv and its
 * verb table to pm_cli_main(), which handles the binary-level forms
 * (no arguments, -h/--help, --version, an unknown verb) and calls the
 * verb.  A verb reads its own options with pm_cli_getopt(), which also
 * takes the shared ones wherever they stand:
 *
 *   -d, --db PATH        the database (else $PM_DB, else ./pm.db)
 *   -o, --format FMT     table, tsv, csv or json
 *       --header         a header line in TSV
 *       --as LOGIN       the acting staff member (else $PM_USER, else
 *                        the login name)
 *   -q, --quiet          print nothing but errors
 *   -h, --help           the usage, on stdout, exit 0
 *       --version        "pm-ticket (pm) 0.1.0", exit 0
 *
 * A typical verb:
 *
 *	static int
 *	cmd_list(struct pm_cli *cli, int argc, char **argv)
 *	{
 *		int c;
 *		while ((c = pm_cli_getopt(cli, argc, argv, "b:", longopts)) != -1)
 *			switch (c) {
 *			case 'b': building = optarg; break;
 *			}
 *		argc -= optind; argv += optind;
 *		if (argc != 0)
 *			return pm_cli_usage(cli);
 *		if ((rc = pm_cli_open(cli, 0, &db)) != 0)
 *			return rc;
 *		...
 *	}
 */
#ifndef PM_CLI_H
#define PM_CLI_H

#include <getopt.h>

#include "db.h"
#include "err.h"
#include "out.h"

struct pm_cli {
	const char *usage;	/* the SYNOPSIS text, one form a line */
	const char *verb;	/* "add" */
	const char *db_path;	/* -d, or NULL */
	const char *format_name; /* -o, or NULL */
	enum pm_fmt format;	/* resolved after pm_cli_getopt() returns -1 */
	int header;		/* --header */
	const char *user;	/* --as, $PM_USER or the login name */
	int quiet;		/* -q */
};

struct pm_cli_verb {
	const char *name;
	int (*run)(struct pm_cli *cli, int argc, char **argv);
};

/*
 * Run a binary: set the program name from argv[0], check $PM_NOW, pick
 * the verb named by argv[1] from 'verbs' (terminated by a NULL name) and
 * call it with argv shifted so argv[0] is the verb.  No arguments: usage
 * on stderr, exit 64.  When the verb returns a failure whose message was
 * recorded (pm_err), it is printed as "PROG: MESSAGE".  Returns the exit
 * status, after flushing stdout (a write error is PM_EX_IOERR; EPIPE is a
 * quiet exit).
 */
int pm_cli_main(int argc, char **argv, const char *usage,
    const struct pm_cli_verb *verbs);

/*
 * getopt_long() over the verb's options plus the shared ones.  Shared
 * options are handled here and never returned; -h/--help and --version
 * exit.  An unknown option or a missing argument prints the message and
 * the usage on stderr and exits 64.  Returns the verb's option character
 * (for long options, their 'val'), or -1 at the end, when the format and
 * the user have been resolved; optind is then the first operand.
 */
int pm_cli_getopt(struct pm_cli *cli, int argc, char **argv,
    const char *shortopts, const struct option *longopts);

/* Print the usage on stderr and return PM_EX_USAGE (no other message). */
int pm_cli_usage(struct pm_cli *cli);

/*
 * Check the number of operands left after the options (argc, argv
 * already shifted by optind): at least 'min', at most 'max' (-1: any).
 * Otherwise print "PROG: unexpected argument 'X'" or "PROG: VERB: missing
 * argument" and the usage on stderr, and return PM_EX_USAGE.
 */
int pm_cli_operands(struct pm_cli *cli, int argc, char **argv, int min,
    int max);

/*
 * Report a bad operand or option value: records "WHAT 'VALUE': WHY" and
 * returns PM_EX_USAGE.  Like every recorded error, pm_cli_main() prints it
 * when the verb returns the status.
 */
int pm_cli_bad(const char *what, const char *value, const char *why);

/*
 * Open the database named by -d / $PM_DB / ./pm.db with 'flags' (see
 * pm_db_open) and set the audit actor to this program, verb and user.
 */
int pm_cli_open(struct pm_cli *cli, int flags, struct pm_db **db);

/* A writer to stdout in the chosen format (see out.h). */
struct pm_out *pm_cli_out(struct pm_cli *cli, const struct pm_col *cols,
    int ncols);

/*
 * Call 'fn' for each id operand; an operand "-" reads ids from stdin,
 * the first field (after any leading spaces, up to a tab or space) of
 * each line that has one, so
 * "pm-ticket list --overdue | pm-ticket escalate -" works.  Stops at the
 * first non-zero status and returns it.  No operands at all is usage.
 */
int pm_cli_each_id(struct pm_cli *cli, int argc, char **argv,
    int (*fn)(const char *id, void *arg), void *arg);

/* Print one created or changed record id on stdout, unless -q. */
void pm_cli_print_id(struct pm_cli *cli, const char *id);

#endif
