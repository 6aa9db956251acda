/*
 * err.h - exit statuses and error messages, from one place.
 *
 * Every libpm function that can fail returns an int status: 0 on success,
 * otherwise one of the PM_EX_* exit statuses below (the sysexits.h values
 * DESIGN.md section 2 names).  Before it returns a failure it records one
 * message with pm_err(), so the command only has to print it:
 *
 *	if ((rc = pm_ticket_close(db, id)) != 0)
 *		return pm_fail(rc);
 *
 * Messages follow git's style: lowercase, no final period, the offending
 * value quoted with pm_q() (text.h): "unit '3-1-502': no such unit".  The
 * program name is added by pm_fail(), never by the library.
 *
 * The format of pm_err(), pm_warn() and pm_die() is the English message
 * and the key of its translation (i18n.h): write whole sentences, never
 * one pieced together from translated fragments.
 */
#ifndef PM_ERR_H
#define PM_ERR_H

#include <stdarg.h>

enum {
	PM_OK = 0,
	PM_EX_FOUND = 1,	/* a check found something (like grep) */
	PM_EX_USAGE = 64,	/* bad command line */
	PM_EX_DATAERR = 65,	/* bad input data */
	PM_EX_NOINPUT = 66,	/* no such database, file or record */
	PM_EX_BUSY = 69,	/* database busy past the timeout */
	PM_EX_SOFTWARE = 70,	/* internal error */
	PM_EX_CANTCREAT = 73,	/* cannot create */
	PM_EX_IOERR = 74,	/* input/output error */
	PM_EX_NOPERM = 77,	/* not permitted for this role */
	PM_EX_CONFIG = 78	/* bad configuration */
};

#if defined(__GNUC__)
#define PM_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define PM_NORETURN __attribute__((noreturn))
#else
#define PM_PRINTF(a, b)
#define PM_NORETURN
#endif

/*
 * Record the error message for status 'code' (printf-style) and return
 * 'code', so a failing path reads "return pm_err(PM_EX_NOINPUT, ...)".
 * A later call replaces the message.  The message is truncated at 1 KiB.
 */
int pm_err(int code, const char *fmt, ...) PM_PRINTF(2, 3);
int pm_verr(int code, const char *fmt, va_list ap);

/*
 * Record 'text', a message already made (and translated), as it is, and
 * return 'code'.  pm_err() translates its format; this does not.
 */
int pm_errs(int code, const char *text);

/* The last recorded message ("" when none), and its status. */
const char *pm_err_msg(void);
int pm_err_code(void);

/* Forget the recorded message (tests use this between cases). */
void pm_err_clear(void);

/*
 * The program's name for messages ("pm-ticket"), set once by pm_cli_init()
 * from argv[0]; "pm" until then.
 */
void pm_set_progname(const char *argv0);
const char *pm_progname(void);

/*
 * Print "PROG: MESSAGE" on stderr, where MESSAGE is the recorded one, and
 * return 'code' so main() can "return pm_fail(rc)".  With no recorded
 * message it prints a generic one for the status.
 */
int pm_fail(int code);

/* Print "PROG: MESSAGE" on stderr without touching the recorded error. */
void pm_warn(const char *fmt, ...) PM_PRINTF(1, 2);

/* Print "PROG: MESSAGE" on stderr and exit with 'code'. */
void pm_die(int code, const char *fmt, ...) PM_PRINTF(2, 3) PM_NORETURN;

#endif
