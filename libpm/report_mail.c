/*
 * report_mail.c - a report as a whole mail (RFC 5322 and MIME, RFC 2045
 * to 2047) for "| sendmail -t": From, To, Date, a Subject naming the
 * estate and the period encoded so that any mail client shows the
 * Chinese intact, and the body in UTF-8, base64-encoded so that no line
 * is too long for any mail system; with an HTML page, both as
 * multipart/alternative, the text first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "report_priv.h"
#include "text.h"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* 'len' bytes of 's' in base64, no line breaks. */
static void
base64(FILE *fp, const unsigned char *s, size_t len)
{
	unsigned long v;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 |
		    s[i + 2];
		putc(b64[v >> 18 & 63], fp);
		putc(b64[v >> 12 & 63], fp);
		putc(b64[v >> 6 & 63], fp);
		putc(b64[v & 63], fp);
	}
	if (i < len) {
		v = (unsigned long)s[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)s[i + 1] << 8;
		putc(b64[v >> 18 & 63], fp);
		putc(b64[v >> 12 & 63], fp);
		putc(i + 1 < len ? b64[v >> 6 & 63] : '=', fp);
		putc('=', fp);
	}
}

/* A body in base64, 76 characters a line (57 bytes). */
static void
body(FILE *fp, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i += 57) {
		base64(fp, (const unsigned char *)s + i, len - i < 57 ?
		    len - i : 57);
		putc('\n', fp);
	}
}

/*
 * A header's text as RFC 2047 encoded words when it is not all ASCII:
 * each word at most 75 characters (45 bytes of text) and cut only
 * between UTF-8 characters, the words on folded lines.
 */
static void
header_text(FILE *fp, const char *s)
{
	size_t len = strlen(s), i, n;
	const unsigned char *u = (const unsigned char *)s;
	int ascii = 1;

	for (i = 0; i < len; i++)
		if (u[i] >= 0x80 || u[i] < 0x20)
			ascii = 0;
	if (ascii) {
		fputs(s, fp);
		return;
	}
	for (i = 0; i < len; i += n) {
		n = pm_utf8_cut(s + i, 45);
		if (n == 0)
			n = 1;
		fputs(i == 0 ? "=?UTF-8?B?" : "\n =?UTF-8?B?", fp);
		base64(fp, u + i, n);
		fputs("?=", fp);
	}
}

int
rp_check_address(const char *addr)
{
	const char *at = strchr(addr, '@'), *p;

	if (at == NULL || at == addr || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strlen(addr) > 254)
		goto bad;
	/* The local part: atext and dots; the domain: letters, digits, -. */
	for (p = addr; p < at; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && strchr(".!#$%&'*+/=?^_`{|}~-",
		    *p) == NULL)
			goto bad;
	for (p = at + 1; *p != '\0'; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
		    !(*p >= '0' && *p <= '9') && *p != '.' && *p != '-')
			goto bad;
	if (addr[0] == '.' || at[-1] == '.' || at[1] == '.' || p[-1] == '.' ||
	    strstr(addr, "..") != NULL)
		goto bad;
	return 0;
bad:
	return pm_err(PM_EX_USAGE, "address %s: not a mail address (like "
	    "manager@example.com)", pm_q(addr));
}

/* The sender: --from, else $PM_MAIL_FROM, else pm-report@HOST. */
static const char *
sender(const struct pm_report_opts *o, char *buf, size_t len)
{
	const char *env = getenv("PM_MAIL_FROM");
	char host[256];

	if (o->from != NULL)
		return o->from;
	if (env != NULL && *env != '\0')
		return env;
	if (gethostname(host, sizeof host) != 0 || host[0] == '\0')
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	snprintf(buf, len, "pm-report@%s", host);
	return buf;
}

int
rp_write_mail(FILE *fp, const struct pm_report_opts *o, const char *subject,
    const char *text, size_t textlen, const char *html, size_t htmllen)
{
	char from[300], date[PM_TIME_RFC5322_LEN], boundary[64];
	const char *at;
	pm_time now = pm_now();
	int i;

	pm_time_rfc5322(now, date);
	at = strchr(sender(o, from, sizeof from), '@');
	fprintf(fp, "From: %s\nTo: ", sender(o, from, sizeof from));
	for (i = 0; i < o->nto; i++)
		fprintf(fp, "%s%s", i > 0 ? ",\n " : "", o->to[i]);
	fprintf(fp, "\nDate: %s\nSubject: ", date);
	header_text(fp, subject);
	fprintf(fp, "\nMessage-ID: <pm-report.%lld.%ld%s>\n"
	    "Auto-Submitted: auto-generated\nMIME-Version: 1.0\n",
	    (long long)now, (long)getpid(), at != NULL ? at : "@localhost");
	if (html == NULL) {
		fputs("Content-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: base64\n\n", fp);
		body(fp, text, textlen);
	} else {
		/* Base64 lines never hold "=_", so no part holds this. */
		snprintf(boundary, sizeof boundary, "=_pm-report_%lld_%ld",
		    (long long)now, (long)getpid());
		fprintf(fp, "Content-Type: multipart/alternative; "
		    "boundary=\"%s\"\n\nThis is a MIME message.\n\n--%s\n"
		    "Content-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: base64\n\n", boundary,
		    boundary);
		body(fp, text, textlen);
		fprintf(fp, "\n--%s\nContent-Type: text/html; charset=UTF-8\n"
		    "Content-Transfer-Encoding: base64\n\n", boundary);
		body(fp, html, htmllen);
		fprintf(fp, "\n--%s--\n", boundary);
	}
	return ferror(fp) ? pm_err(PM_EX_SOFTWARE, "out of memory") : 0;
}
