/*
 * cli.h - what every pm command line shares.
 *
 * A binary is "pm-NOUN VERB [options] [args]".  main() hands argv and its
 * verb table to pm_cli_main(), which handles the binary-level forms (no
 * arguments, -h/--help, --version, an unknown verb) and runs the verb.
 * Each verb declares its options once, with their help, in a table; the
 * parser, "VERB --help" and the usage on error all come from it:
 *
 *	static const struct pm_opt add_opts[] = {
 *		{ "category", 'c', N_("code"), N_("the category (required)") },
 *		{ "received", OPT_RECEIVED, N_("time"), N_("when it came in") },
 *		{ NULL, 0, NULL, NULL }
 *	};
 *	static const struct pm_cli_verb verbs[] = {
 *		{ "add", cmd_add, N_("--category code [--received time] text"),
 *		    N_("add a ticket"), add_opts, NULL },
 *		...
 *	};
 *
 * A verb reads its options with pm_cli_getopt(), which takes the shared
 * ones wherever they stand:
 *
 *   -d, --db PATH        the database (else $PM_DB, else ./pm.db)
 *   -o, --format FMT     table, tsv, csv, json or excel
 *       --header         a header line in TSV
 *       --as LOGIN       the acting staff member (else $PM_USER, else
 *                        the login name)
 *   -q, --quiet          print nothing but errors
 *   -h, --help           the verb's usage, options and what they do
 *       --version        "pm-ticket (pm) 0.2.0"
 *
 * Verbs that list, show or import records of a type declared in libpm
 * (record.h) need no code of their own: pm_rec_cmd_list and friends run
 * them from the declaration.
 */
#ifndef PM_CLI_H
#define PM_CLI_H

#include <getopt.h>

#include "db.h"
#include "err.h"
#include "i18n.h"
#include "out.h"

/* Option keys from here up have no short form. */
#define PM_OPT_LONG 0x100

struct pm_opt {
	const char *name;	/* the long name: "category" */
	int key;		/* 'c', or PM_OPT_LONG + n for long only */
	const char *arg;	/* the value's name, N_("code"); NULL: a flag */
	const char *help;	/* one line, N_("...") */
};

struct pm_rtype;
struct pm_cli;

struct pm_cli_verb {
	/*
	 * "add"; or two words, "facility list", for a verb of a group:
	 * "pm-inspect facility list", where "pm-inspect facility" alone
	 * lists the usage of the group's verbs.
	 */
	const char *name;
	int (*run)(struct pm_cli *cli, int argc, char **argv);
	/*
	 * What follows "pm-ticket add" in the usage: the man page's
	 * SYNOPSIS line, N_("..."); NULL for a record verb, whose
	 * synopsis is made from its record type.
	 */
	const char *synopsis;
	const char *summary;	/* what it does, one line: N_("...") */
	const struct pm_opt *opts; /* NULL-name terminated, or NULL */
	const struct pm_rtype *type; /* the record type of a record verb */
};

struct pm_cli {
	const struct pm_cli_verb *verbs; /* the binary's verbs */
	const struct pm_cli_verb *v;	/* the verb being run */
	const char *verb;		/* its name */
	const char *db_path;		/* -d, or NULL */
	const char *format_name;	/* -o, or NULL */
	enum pm_fmt format;	/* resolved after pm_cli_getopt() returns -1 */
	int header;		/* --header */
	const char *user;	/* --as, $PM_USER or (once a command that
				   writes opens the database) the login
				   name; NULL for a read named by no one */
	int user_given;		/* the user came from --as or $PM_USER */
	int quiet;		/* -q */
	/*
	 * A format of the verb's own beyond those of out.h ("html" for
	 * pm-report), set by the verb before its first pm_cli_getopt():
	 * "-o NAME" then sets 'own_format_chosen' (and 'format' to table)
	 * instead of failing, and an unknown format's message lists it.
	 */
	const char *own_format;
	int own_format_chosen;
	/* Made by the record verbs from their type; freed at exit. */
	struct pm_opt *made_opts;
};

/*
 * Run a binary: set the program name from argv[0], read the language
 * from the environment, check $PM_NOW, pick the verb named by argv[1]
 * from 'verbs' (terminated by a NULL name) and call it with argv
 * shifted so argv[0] is the verb.  No arguments: usage on stderr, exit
 * 64.  When the verb returns a failure whose message was recorded
 * (pm_err), it is printed as "PROG: MESSAGE".  Returns the exit status,
 * after flushing stdout (a write error is PM_EX_IOERR; EPIPE is a quiet
 * exit).
 */
int pm_cli_main(int argc, char **argv, const struct pm_cli_verb *verbs);

/*
 * getopt_long() over the verb's options plus the shared ones.  Shared
 * options are handled here and never returned; -h/--help prints the
 * verb's help and exits 0, --version exits.  An unknown option or a
 * missing value prints the message and the verb's usage line on stderr
 * and exits 64.  Returns the option's key, or -1 at the end, when the
 * format and the user given have been resolved; optind is then the
 * first operand.
 */
int pm_cli_getopt(struct pm_cli *cli, int argc, char **argv);

/*
 * Print the usage on stderr (the verb's line once a verb is chosen, all
 * of them before) and return PM_EX_USAGE with no other message.
 */
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
 * For a verb with no options of its own: read the shared ones, shift
 * *argc and *argv past them, and check there are 'min' to 'max' (-1:
 * any) operands left.  Returns 0 or PM_EX_USAGE (the usage printed).
 */
int pm_cli_plain(struct pm_cli *cli, int *argc, char ***argv, int min,
    int max);

/*
 * Make the output a table unless -o asked for a format: for a verb
 * whose reader is a person even in a pipe or a mail (due, apply).
 */
void pm_cli_for_people(struct pm_cli *cli);

/*
 * An option the verb needs was not given: records "VERB: --NAME is
 * needed" and returns PM_EX_USAGE.
 */
int pm_cli_needs(struct pm_cli *cli, const char *option);

/*
 * Report a bad operand or option value: records "WHAT 'VALUE': WHY" (the
 * value quoted with pm_q(), 'what' and 'why' translated) and returns
 * PM_EX_USAGE.
 */
int pm_cli_bad(const char *what, const char *value, const char *why);

/* How pm_cli_open() opens the database. */
enum {
	PM_CLI_READ = 0x200,	/* only reads: one snapshot, one read
				   transaction (pm_db_read()) */
	PM_CLI_WRITE = 0x100	/* changes records as the acting staff
				   member: pm_actor_check() first */
};

/*
 * Open the database named by -d / $PM_DB / ./pm.db with 'flags' (see
 * pm_db_open, plus PM_CLI_WRITE), set the audit actor to this program,
 * verb and user, and, when the environment names no language, take the
 * estate's.  With PM_CLI_READ everything the command reads comes from
 * one snapshot, taken at its first read.  With PM_CLI_WRITE the acting
 * user must be a staff member
 * who may act (see actor.h); otherwise the database is closed and the
 * refusal returned.
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

/* What a per-id action returns for a record it left as it was. */
#define PM_UNCHANGED (-1)

/*
 * The per-id runner of every verb that changes records by id: read all
 * the ids first (operands, "-" for stdin), each checked by 'check' (may
 * be NULL) before anything is opened, so a slow stdin never holds the
 * write lock; then open the database for writing (PM_CLI_WRITE: the
 * acting user is checked), and in one transaction call 'act' for each
 * id in turn.  'act' writes the record's id as stored into 'canon' (len
 * bytes: "3-1-502" for "３－１－５０２") and returns 0 when it changed the
 * record, PM_UNCHANGED when it left it as it was (with the reason
 * recorded as its message, which is printed on stderr unless -q), or an
 * error status, which rolls everything back.  Once committed, the ids of
 * the records changed are printed, one a line (unless -q).
 */
int pm_cli_run_ids(struct pm_cli *cli, int argc, char **argv,
    int (*check)(const char *id),
    int (*act)(struct pm_db *db, const char *id, char *canon, size_t len,
    void *arg), void *arg);

/* Print one created or changed record id on stdout, unless -q. */
void pm_cli_print_id(struct pm_cli *cli, const char *id);

/*
 * The body of a verb that creates one record: open the database for
 * writing, run 'add' in one transaction (rolled back when it fails) and
 * print the id it gives once committed.  Returns add's status, or the
 * database's.
 */
int pm_cli_add_one(struct pm_cli *cli,
    int (*add)(struct pm_db *db, void *arg, int64_t *id), void *arg);

#endif
