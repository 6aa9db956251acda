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

static char errmsg[1024];
static int errcode;
static const char *progname = "pm";

int
pm_verr(int code, const char *fmt, va_list ap)
{
	vsnprintf(errmsg, sizeof errmsg, fmt, ap);
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
	case PM_EX_USAGE:	return "usage error";
	case PM_EX_DATAERR:	return "bad input data";
	case PM_EX_NOINPUT:	return "no such record";
	case PM_EX_BUSY:	return "database busy";
	case PM_EX_CANTCREAT:	return "cannot create";
	case PM_EX_IOERR:	return "input/output error";
	case PM_EX_NOPERM:	return "not permitted";
	case PM_EX_CONFIG:	return "bad configuration";
	default:		return "internal error";
	}
}

int
pm_fail(int code)
{
	if (code == PM_OK || code == PM_EX_FOUND)
		return code;
	fprintf(stderr, "%s: %s\n", progname,
	    errmsg[0] != '\0' ? errmsg : generic(code));
	return code;
}

void
pm_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
pm_die(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}
