/*
 * err.c - the one recorded error message and the program name.
 *
 * pm commands are short-lived, single-threaded processes, so one static
 * buffer is enough; a library user with threads would give each its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"

static char errmsg[1024];
static int errcode;
static const char *progname = "pm";

int
pm_verr(int code, const char *fmt, va_list ap)
{
	vsnprintf(errmsg, sizeof errmsg, pm_gettext(fmt), ap);
	errcode = code;
	return code;
}

int
pm_err(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pm_verr(code, fmt, ap);
	va_end(ap);
	return code;
}

int
pm_errs(int code, const char *text)
{
	snprintf(errmsg, sizeof errmsg, "%s", text);
	errcode = code;
	return code;
}

const char *
pm_err_msg(void)
{
	return errmsg;
}

int
pm_err_code(void)
{
	return errcode;
}

void
pm_err_clear(void)
{
	errmsg[0] = '\0';
	errcode = 0;
}

void
pm_set_progname(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	progname = slash ? slash + 1 : argv0;
}

const char *
pm_progname(void)
{
	return progname;
}

static const char *
generic(int code)
{
	switch (code) {
	case PM_EX_USAGE:	return N_("usage error");
	case PM_EX_DATAERR:	return N_("bad input data");
	case PM_EX_NOINPUT:	return N_("no such record");
	case PM_EX_BUSY:	return N_("database busy");
	case PM_EX_CANTCREAT:	return N_("cannot create");
	case PM_EX_IOERR:	return N_("input/output error");
	case PM_EX_NOPERM:	return N_("not permitted");
	case PM_EX_CONFIG:	return N_("bad configuration");
	default:		return N_("internal error");
	}
}

int
pm_fail(int code)
{
	if (code == PM_OK || code == PM_EX_FOUND)
		return code;
	fprintf(stderr, "%s: %s\n", progname,
	    errmsg[0] != '\0' ? errmsg : _(generic(code)));
	return code;
}

/* "PROG: MESSAGE" on stderr, the message translated. */
static void
vwarn(const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, pm_gettext(fmt), ap);
	fputc('\n', stderr);
}

void
pm_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
pm_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(code);
}
