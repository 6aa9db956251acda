/*
 * fee_import.c - statements from WeChat Pay, Alipay and banks, turned
 * into payments.
 *
 * The three differ only in their wrapping and their column names:
 *
 *   WeChat Pay  UTF-8 (often with a byte order mark); summary lines
 *               before the header ("微信支付账单明细", counts, totals);
 *               every value prefixed with ` so spreadsheets keep it as
 *               text; amounts in yuan with a currency sign (¥250.00).
 *   Alipay      GBK; '#' comment lines before and after the table;
 *               values padded with spaces and tabs.
 *   a bank      the columns the estate file maps (pm-estate(5)
 *               formats), UTF-8 or GBK.
 *
 * So one reader serves all: it finds the header by the names of the
 * columns it needs, reads the rows under it until the table ends, keeps
 * the money that came in, and checks each row.  The whole file is read
 * and checked before anything is written (the rows are spooled to a
 * temporary table, so memory stays flat), and any bad row means nothing
 * is imported.  Payments are idempotent on the channel's transaction id.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "err.h"
#include "fee.h"
#include "fee_priv.h"
#include "i18n.h"
#include "import.h"
#include "text.h"
#include "utf8.h"

#define MAX_FIELDS 64
#define MAX_LINE (1 << 20)	/* a logical line, quoted line breaks in */
#define REF_MAX 500

/* The names a channel gives each column, the first found winning. */
static const char *const wx_txn[] = { "交易单号", "微信订单号", NULL };
static const char *const wx_time[] = { "交易时间", NULL };
static const char *const wx_amount[] = { "金额(元)", "金额（元）",
	"应结订单金额", "订单金额", NULL };
static const char *const wx_dir[] = { "收/支", NULL };
static const char *const wx_status[] = { "当前状态", "交易状态", NULL };
static const char *const wx_ref[] = { "备注", "商品", "商品名称",
	"商户数据包", "商户订单号", NULL };
static const char *const wx_payer[] = { "交易对方", "用户标识", NULL };

static const char *const ali_txn[] = { "业务流水号", "交易号", "交易订单号",
	"账务流水号", NULL };
static const char *const ali_time[] = { "发生时间", "付款时间",
	"交易创建时间", "交易时间", NULL };
static const char *const ali_amount[] = { "收入金额（+元）", "收入金额(+元)",
	"金额（元）", "金额(元)", "金额", NULL };
static const char *const ali_dir[] = { "收/支", NULL };
static const char *const ali_status[] = { "交易状态", NULL };
static const char *const ali_ref[] = { "备注", "商品名称", "商品说明",
	"商户订单号", "商家订单号", NULL };
static const char *const ali_payer[] = { "对方账号", "交易对方", NULL };

/* A status that says the money arrived. */
static const char *const received[] = { "支付成功", "已收钱", "已到账",
	"已存入零钱", "交易成功", "成功", "SUCCESS", NULL };

enum role {
	R_TXN,
	R_TIME,
	R_AMOUNT,
	R_DIR,
	R_STATUS,
	R_PAYER,
	NROLES
};

/* A statement format: who it is and which names each column has. */
struct fmt {
	const char *code;		/* wechat, alipay, a bank's */
	enum pm_fee_channel channel;
	const char *method;		/* the payments' method */
	const char *const *names[NROLES];
	const char *const *ref;		/* all that are there are read */
	/* A bank's columns, from the estate file. */
	char *bank_text;
	const char *bank_one[NROLES][2];
	const char *bank_ref[9];
};

/* The reading of one file. */
struct rd {
	FILE *fp;
	const char *name;
	const struct fmt *f;
	int lineno;		/* the last physical line read */
	int gbk;		/* -1 not known yet, 0 UTF-8, 1 GBK */
	char *raw;		/* the physical line */
	size_t rawcap;
	char *text;		/* the logical line, UTF-8 */
	size_t textlen, textcap;
	char *conv;
	size_t convcap;
	char *field[MAX_FIELDS];
	int nfields;
	int col[NROLES];	/* the header's index of each role, or -1 */
	int refcol[16];
	int nref;
	int header;		/* the header was found */
	int done;		/* the table ended */
	int nerr;
	char pending[1024];
	void (*report)(const char *, void *);
	void *arg;
	/* Transaction ids seen in this file (rows spooled). */
	sqlite3_stmt *seen;
};

static void
bad(struct rd *r, int line, const char *fmt, ...) PM_PRINTF(3, 4);

/* A row's error: kept, the one before passed to 'report'. */
static void
bad(struct rd *r, int line, const char *fmt, ...)
{
	char msg[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, _(fmt), ap);
	va_end(ap);
	if (r->nerr > 0 && r->report != NULL)
		r->report(r->pending, r->arg);
	snprintf(r->pending, sizeof r->pending, "%s:%d: %s", r->name, line,
	    msg);
	r->nerr++;
}

static int
grow(char **buf, size_t *cap, size_t need)
{
	char *nb;
	size_t n = *cap ? *cap : 256;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if ((nb = realloc(*buf, n)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	*buf = nb;
	*cap = n;
	return 0;
}

/* Whether 'len' bytes at 's' are UTF-8 throughout (NULs are not). */
static int
is_utf8(const char *s, size_t len, size_t *bad_at)
{
	size_t i = 0, n;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				break;
			i++;
			continue;
		}
		if ((n = pm_utf8_decode(s + i, NULL)) == 0)
			break;
		i += n;
	}
	*bad_at = i;
	return i == len;
}

static int
has_high(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * Read the next physical line, decoded to UTF-8, into r->text at
 * r->textlen (appended, for a quoted line break).  Returns 1, 0 at the
 * end, or an error status; a line that is neither UTF-8 nor GBK is a
 * row error (then the line is read as empty).
 */
static int
next_physical(struct rd *r)
{
	ssize_t len;
	size_t at;
	long n;
	int rc;

	errno = 0;
	if ((len = getline(&r->raw, &r->rawcap, r->fp)) < 0) {
		if (ferror(r->fp))
			return pm_err(PM_EX_IOERR, "%s: %s", r->name,
			    strerror(errno));
		return 0;
	}
	r->lineno++;
	if (len > MAX_LINE)
		return pm_err(PM_EX_DATAERR, "%s:%d: line longer than %d bytes",
		    r->name, r->lineno, MAX_LINE);
	while (len > 0 && (r->raw[len - 1] == '\n' || r->raw[len - 1] == '\r'))
		len--;
	if (r->lineno == 1 && len >= 3 && memcmp(r->raw, "\xef\xbb\xbf", 3) ==
	    0) {
		memmove(r->raw, r->raw + 3, (size_t)len - 3);
		len -= 3;
		r->gbk = 0;
	}
	/* The first line with more than ASCII decides the file's encoding. */
	if (r->gbk < 0 && has_high(r->raw, (size_t)len))
		r->gbk = !is_utf8(r->raw, (size_t)len, &at);
	if (memchr(r->raw, '\0', (size_t)len) != NULL) {
		bad(r, r->lineno, N_("a NUL byte in the line"));
		len = 0;
	}
	if (r->gbk == 1) {
		if ((rc = grow(&r->conv, &r->convcap, 3 * (size_t)len + 1)) != 0)
			return rc;
		if ((n = pm_fee_gbk_to_utf8(r->raw, (size_t)len, r->conv)) < 0) {
			bad(r, r->lineno, N_("byte %ld: not GBK (Alipay's "
			    "statements are GBK; is the file damaged?)"), -n);
			n = 0;
			r->conv[0] = '\0';
		}
		len = n;
	} else if (!is_utf8(r->raw, (size_t)len, &at)) {
		bad(r, r->lineno, N_("byte %zu: not UTF-8"), at + 1);
		len = 0;
	}
	if ((rc = grow(&r->text, &r->textcap, r->textlen + (size_t)len + 2)) !=
	    0)
		return rc;
	if (r->textlen > 0)
		r->text[r->textlen++] = '\n';
	memcpy(r->text + r->textlen, r->gbk == 1 ? r->conv : r->raw,
	    (size_t)len);
	r->textlen += (size_t)len;
	r->text[r->textlen] = '\0';
	return 1;
}

/* Spaces, tabs and the backtick WeChat puts before values, trimmed. */
static char *
clean(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '`')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/*
 * Split r->text as CSV into r->field: 1, or 0 when a quoted field runs
 * on past the end of the line (read another, then split again).
 */
static int
split(struct rd *r)
{
	char *p = r->text, *w = r->text, *start;
	int i;

	r->nfields = 0;
	for (;;) {
		start = w;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"') {
			p++;
			for (;;) {
				if (*p == '\0')
					return 0;
				if (*p == '"' && p[1] == '"') {
					*w++ = '"';
					p += 2;
				} else if (*p == '"') {
					p++;
					break;
				} else
					*w++ = *p++;
			}
		}
		while (*p != '\0' && *p != ',')
			*w++ = *p++;
		if (r->nfields < MAX_FIELDS)
			r->field[r->nfields++] = start;
		if (*p == '\0') {
			*w = '\0';
			break;
		}
		p++;
		*w++ = '\0';
	}
	for (i = 0; i < r->nfields; i++)
		r->field[i] = clean(r->field[i]);
	return 1;
}

/*
 * The next logical line, split: 1, 0 at the end, or an error status.
 * r->text keeps the raw logical line until split; split rewrites it, so
 * a quoted line break is joined before splitting again from a copy.
 */
static int
next_line(struct rd *r, int *first)
{
	char *copy = NULL;
	int rc;

	r->textlen = 0;
	if ((rc = next_physical(r)) != 1)
		return rc;
	*first = r->lineno;
	for (;;) {
		free(copy);
		if ((copy = strdup(r->text)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		if (split(r)) {
			free(copy);
			return 1;
		}
		/* Put the raw text back and join the next line to it. */
		strcpy(r->text, copy);
		if ((rc = next_physical(r)) != 1) {
			free(copy);
			if (rc == 0)
				bad(r, *first, N_("a quoted value that never ends"));
			return rc;
		}
	}
}

/* The index of the first of 'names' among the header's fields, or -1. */
static int
find_col(const struct rd *r, const char *const *names)
{
	int i, j;

	for (i = 0; names != NULL && names[i] != NULL; i++)
		for (j = 0; j < r->nfields; j++)
			if (strcmp(r->field[j], names[i]) == 0)
				return j;
	return -1;
}

/* Whether the line split now is the table's header; if so, map it. */
static int
take_header(struct rd *r)
{
	int i, j;

	for (i = 0; i < NROLES; i++)
		r->col[i] = find_col(r, r->f->names[i]);
	if (r->col[R_TXN] < 0 || r->col[R_TIME] < 0 || r->col[R_AMOUNT] < 0)
		return 0;
	r->nref = 0;
	for (i = 0; r->f->ref[i] != NULL; i++)
		for (j = 0; j < r->nfields && r->nref < 16; j++)
			if (strcmp(r->field[j], r->f->ref[i]) == 0)
				r->refcol[r->nref++] = j;
	r->header = 1;
	return 1;
}

static int
in_list(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static int
digits(const char **pp, int min, int max, int *v)
{
	const char *p = *pp;
	int n = 0;

	*v = 0;
	while (*p >= '0' && *p <= '9' && n < max) {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	if (n < min)
		return 0;
	*pp = p;
	return 1;
}

/*
 * A day as statements write it, a time after it or not: 2024-01-15,
 * 2024/1/15, 2024.01.15, 20240115, 2024年01月15日.
 */
static int
stmt_day(const char *s, int64_t *day)
{
	char buf[24];	/* room for what the compiler cannot rule out */
	int y, m, d;

	if (!digits(&s, 4, 4, &y))
		return -1;
	if (*s >= '0' && *s <= '9') {
		if (!digits(&s, 2, 2, &m) || !digits(&s, 2, 2, &d))
			return -1;
	} else {
		if (*s == '-' || *s == '/' || *s == '.')
			s++;
		else if (strncmp(s, "年", strlen("年")) == 0)
			s += strlen("年");
		else
			return -1;
		if (!digits(&s, 1, 2, &m))
			return -1;
		if (*s == '-' || *s == '/' || *s == '.')
			s++;
		else if (strncmp(s, "月", strlen("月")) == 0)
			s += strlen("月");
		else
			return -1;
		if (!digits(&s, 1, 2, &d))
			return -1;
	}
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m % 100,
	    d % 100);
	return pm_day_scan(buf, day);
}

/* An amount as statements write it: "¥250.00", "￥1,200.00", "250". */
static int
stmt_amount(const char *s, int64_t *fen)
{
	char buf[64];

	if (strncmp(s, "￥", strlen("￥")) == 0)
		s += strlen("￥");
	else if (strncmp(s, "¥", strlen("¥")) == 0)
		s += strlen("¥");
	if (*s == '+')
		s++;
	snprintf(buf, sizeof buf, "%s", s);
	return pm_money_parse(buf, fen);
}

/*
 * Check one row under the header; a row of money received goes to
 * 'row'.  Rows of money paid out, refunded or not yet arrived are left
 * alone.
 */
static int
take_row(struct rd *r, int line, char *refbuf,
    int (*row)(const struct pm_fee_stmt_line *, void *), void *arg)
{
	struct pm_fee_stmt_line l;
	const char *v;
	size_t n;
	int i, need = 0, rc;

	for (i = 0; i < NROLES; i++)
		if (r->col[i] >= need)
			need = r->col[i] + 1;
	for (i = 0; i < r->nref; i++)
		if (r->refcol[i] >= need)
			need = r->refcol[i] + 1;
	if (r->nfields < need) {
		bad(r, line, N_("%d fields, the header has %d"), r->nfields, need);
		return 0;
	}
	if (r->col[R_DIR] >= 0 &&
	    strcmp(r->field[r->col[R_DIR]], "收入") != 0)
		return 0;
	if (r->col[R_STATUS] >= 0 && !in_list(received,
	    r->field[r->col[R_STATUS]]))
		return 0;
	memset(&l, 0, sizeof l);
	l.line = line;
	v = r->field[r->col[R_AMOUNT]];
	if (*v == '\0' || strcmp(v, "0") == 0 || strcmp(v, "0.00") == 0)
		return 0;
	if (stmt_amount(v, &l.amount) != 0) {
		bad(r, line, N_("amount %s: not an amount in yuan"), pm_q(v));
		return 0;
	}
	if (l.amount <= 0)
		return 0;
	l.txn = r->field[r->col[R_TXN]];
	if (*l.txn == '\0') {
		bad(r, line, N_("no transaction id"));
		return 0;
	}
	if (pm_text_check(N_("transaction"), l.txn, 128, 0) != 0) {
		bad(r, line, "%s", pm_err_msg());
		return 0;
	}
	v = r->field[r->col[R_TIME]];
	if (stmt_day(v, &l.day) != 0) {
		bad(r, line, N_("time %s: not a day like 2026-03-18"), pm_q(v));
		return 0;
	}
	if (l.day > pm_fee_today()) {
		bad(r, line, N_("time %s: in the future"), pm_q(v));
		return 0;
	}
	refbuf[0] = '\0';
	for (i = 0, n = 0; i < r->nref; i++) {
		v = r->field[r->refcol[i]];
		if (*v == '\0' || strcmp(v, "/") == 0)
			continue;
		n += (size_t)snprintf(refbuf + n, n < REF_MAX ? REF_MAX - n : 0,
		    "%s%s", n ? " " : "", v);
		if (n >= REF_MAX)
			break;
	}
	/* Cut between characters, so the text stays UTF-8. */
	refbuf[pm_utf8_cut(refbuf, REF_MAX - 1)] = '\0';
	l.reference = refbuf;
	l.payer = r->col[R_PAYER] >= 0 ? r->field[r->col[R_PAYER]] : NULL;
	if ((rc = row(&l, arg)) != 0) {
		if (rc != PM_EX_DATAERR)
			return rc;
		bad(r, line, "%s", pm_err_msg());
	}
	return 0;
}

/*
 * Read the statement in 'f' from r->fp: each row of money received to
 * 'row' (a PM_EX_DATAERR from it is the row's error).  Errors are
 * counted in r->nerr, the last in r->pending.
 */
static int
read_all(struct rd *r, int (*row)(const struct pm_fee_stmt_line *, void *),
    void *arg)
{
	char refbuf[REF_MAX + 8];
	int rc = 0, first;

	while (r->nerr < PM_IMPORT_MAX_ERRORS &&
	    (rc = next_line(r, &first)) == 1) {
		if (!r->header) {
			take_header(r);
			continue;
		}
		if (r->done)
			continue;
		if (r->nfields == 1 && r->field[0][0] == '\0')
			continue;
		/* Alipay's '#' lines and the dashes end the table. */
		if (r->field[0][0] == '#' || r->field[0][0] == '-') {
			r->done = 1;
			continue;
		}
		if ((rc = take_row(r, first, refbuf, row, arg)) != 0)
			return rc;
	}
	if (r->nerr >= PM_IMPORT_MAX_ERRORS)
		return 0;
	if (rc != 0)
		return rc;
	if (!r->header)
		return pm_err(PM_EX_DATAERR, "%s: no table header with the "
		    "columns of a %s statement (transaction, time and amount)",
		    r->name, r->f->code);
	return 0;
}

static void
fmt_builtin(struct fmt *f, int alipay)
{
	memset(f, 0, sizeof *f);
	if (alipay) {
		f->code = "alipay";
		f->channel = PM_FEE_ALIPAY;
		f->method = "alipay";
		f->names[R_TXN] = ali_txn;
		f->names[R_TIME] = ali_time;
		f->names[R_AMOUNT] = ali_amount;
		f->names[R_DIR] = ali_dir;
		f->names[R_STATUS] = ali_status;
		f->names[R_PAYER] = ali_payer;
		f->ref = ali_ref;
	} else {
		f->code = "wechat";
		f->channel = PM_FEE_WECHAT;
		f->method = "wechat";
		f->names[R_TXN] = wx_txn;
		f->names[R_TIME] = wx_time;
		f->names[R_AMOUNT] = wx_amount;
		f->names[R_DIR] = wx_dir;
		f->names[R_STATUS] = wx_status;
		f->names[R_PAYER] = wx_payer;
		f->ref = wx_ref;
	}
}

/* A bank's format from fee_formats. */
static int
fmt_bank(struct pm_db *db, const char *code, struct fmt *f)
{
	sqlite3_stmt *st;
	size_t len = 0;
	char *p;
	int i, n, rc;

	memset(f, 0, sizeof *f);
	st = pm_db_stmt(db, "SELECT code, txn_col, date_col, amount_col,"
	    " coalesce(payer_col, ''), reference_col FROM fee_formats"
	    " WHERE code = ?1 AND retired = 0");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? pm_err(PM_EX_USAGE, "format %s: not "
		    "wechat, alipay or a statement format of the estate file",
		    pm_q(code)) : pm_db_error(db, "read statement format");
	}
	for (i = 0; i < 6; i++)
		len += strlen(pm_col_text(st, i)) + 1;
	if ((f->bank_text = malloc(len)) == NULL) {
		sqlite3_reset(st);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	for (i = 0, p = f->bank_text; i < 6; i++) {
		strcpy(p, pm_col_text(st, i));
		if (i == 0)
			f->code = p;
		else if (i == 5) {
			/* The reference columns, split at '|'. */
			for (n = 0; n < 8; n++) {
				f->bank_ref[n] = p;
				if ((p = strchr(p, '|')) == NULL)
					break;
				*p++ = '\0';
			}
			break;
		} else {
			f->bank_one[i == 4 ? R_PAYER : i - 1][0] = *p ? p :
			    NULL;
		}
		p += strlen(p) + 1;
	}
	sqlite3_reset(st);
	f->channel = PM_FEE_BANK;
	f->method = "transfer";
	f->names[R_TXN] = f->bank_one[R_TXN];
	f->names[R_TIME] = f->bank_one[R_TIME];
	f->names[R_AMOUNT] = f->bank_one[R_AMOUNT];
	f->names[R_PAYER] = f->bank_one[R_PAYER];
	f->ref = f->bank_ref;
	return 0;
}

/*
 * Tell WeChat from Alipay by the first lines: WeChat's say 微信, Alipay's
 * (GBK) 支付宝 or start with '#'.
 */
static int
detect(FILE *fp, const char *name, int *alipay)
{
	char buf[4096], conv[3 * sizeof buf + 1];
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	long c;

	buf[n] = '\0';
	if (ferror(fp))
		return pm_err(PM_EX_IOERR, "%s: %s", name, strerror(errno));
	if (fseek(fp, 0, SEEK_SET) != 0)
		return pm_err(PM_EX_USAGE, "%s: cannot tell a WeChat from an "
		    "Alipay statement in a pipe (give --channel)", name);
	if (strstr(buf, "微信") != NULL) {
		*alipay = 0;
		return 0;
	}
	/* A line cut short at the end does not decode: drop the tail. */
	for (c = -1; n > 0 && (c = pm_fee_gbk_to_utf8(buf, n, conv)) < 0; )
		n = (size_t)(-c - 1);
	if (buf[0] == '#' || (c >= 0 && strstr(conv, "支付宝") != NULL) ||
	    strstr(buf, "支付宝") != NULL) {
		*alipay = 1;
		return 0;
	}
	return pm_err(PM_EX_DATAERR, "%s: not a WeChat Pay or Alipay statement "
	    "(for a bank's, give --channel with its code)", name);
}

static void
rd_free(struct rd *r)
{
	free(r->raw);
	free(r->text);
	free(r->conv);
}

/* Open 'path' and pick its format; *fp stdin for "-". */
static int
open_stmt(struct pm_db *db, const char *path, const char *format, FILE **fp,
    struct fmt *f)
{
	int rc, alipay = 0;

	*fp = stdin;
	if (path != NULL && strcmp(path, "-") != 0 &&
	    (*fp = fopen(path, "rb")) == NULL)
		return pm_err(PM_EX_NOINPUT, "file %s: %s", pm_q(path),
		    strerror(errno));
	if (format == NULL)
		rc = detect(*fp, path != NULL && strcmp(path, "-") != 0 ?
		    path : "stdin", &alipay);
	else if (strcmp(format, "wechat") == 0 || strcmp(format, "alipay") == 0) {
		alipay = format[0] == 'a';
		rc = 0;
	} else if (db == NULL)
		rc = pm_err(PM_EX_USAGE, "format %s: unknown", pm_q(format));
	else
		return fmt_bank(db, format, f);
	if (rc == 0)
		fmt_builtin(f, alipay);
	return rc;
}

/*
 * The database side.
 */

/* A unit named in a reference: a code, or 3号楼1单元502. */
static int
unit_of(struct pm_db *db, const char *token, char *unit, int *found)
{
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	st = pm_db_stmt(db, "SELECT code FROM units WHERE code = ?1"
	    PM_SQL_NOCASE " AND kind = 'unit' AND retired = 0");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, token);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(unit, FEE_CODE_MAX, "%s", pm_col_text(st, 0));
		*found = 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "find unit");
}

static int
is_code_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '-';
}

/*
 * The unit a reference names: its tokens of letters, digits and '-'
 * (after full-width forms are folded), and "N号楼N单元N" written out.
 * *why says why none was found: nothing, or two different units.
 */
static int
match(struct pm_db *db, const char *reference, char *unit, const char **why)
{
	char text[REF_MAX * 2], tok[FEE_CODE_MAX], got[FEE_CODE_MAX];
	const char *p, *e;
	int b, en, room, found, rc;
	size_t n;

	*why = N_("no unit code in the reference");
	unit[0] = '\0';
	pm_code_normalize(reference, text, sizeof text);
	for (p = text; *p != '\0'; p = e) {
		while (*p != '\0' && !is_code_char(*p))
			p++;
		for (e = p; is_code_char(*e); e++)
			;
		while (p < e && *p == '-')
			p++;
		n = (size_t)(e - p);
		while (n > 0 && p[n - 1] == '-')
			n--;
		if (n == 0 || n >= sizeof tok)
			continue;
		memcpy(tok, p, n);
		tok[n] = '\0';
		/* "3号楼1单元502": the building's number before 号楼. */
		if (strncmp(e, "号楼", strlen("号楼")) == 0) {
			const char *q = e + strlen("号楼");

			if (digits(&q, 1, 4, &en) &&
			    strncmp(q, "单元", strlen("单元")) == 0) {
				q += strlen("单元");
				if (digits(&q, 1, 5, &room)) {
					b = atoi(tok);
					snprintf(tok, sizeof tok, "%d-%d-%d", b, en,
					    room);
					e = q;
				}
			}
		}
		if ((rc = unit_of(db, tok, got, &found)) != 0)
			return rc;
		if (!found)
			continue;
		if (unit[0] != '\0' && strcmp(unit, got) != 0) {
			*why = N_("the reference names two units");
			unit[0] = '\0';
			return 0;
		}
		snprintf(unit, FEE_CODE_MAX, "%s", got);
	}
	if (unit[0] != '\0')
		*why = NULL;
	return 0;
}

/* What the check phase carries. */
struct imp {
	struct pm_db *db;
	const struct fmt *f;
	sqlite3_stmt *ins, *seen;
	char txn[256];
	int64_t skipped;	/* recorded already */
};

/* The channel's id as stored: a bank's prefixed with its format. */
static const char *
stored_txn(struct imp *x, const char *txn)
{
	if (x->f->channel == PM_FEE_BANK)
		snprintf(x->txn, sizeof x->txn, "%s:%s", x->f->code, txn);
	else
		snprintf(x->txn, sizeof x->txn, "%s", txn);
	return x->txn;
}

static int
recorded(struct pm_db *db, const char *method, const char *txn, int *yes)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT 1 FROM fee_docs WHERE method = ?1"
	    " AND txn = ?2");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, method);
	pm_bind_text(st, 2, txn);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read receipts");
}

/* Check one row of money received against the database, and spool it. */
static int
spool_row(const struct pm_fee_stmt_line *l, void *arg)
{
	struct imp *x = arg;
	char unit[FEE_CODE_MAX], d[PM_DATE_LEN];
	const char *txn = stored_txn(x, l->txn), *why;
	int yes, rc, first;

	sqlite3_reset(x->seen);
	pm_bind_text(x->seen, 1, txn);
	if ((rc = sqlite3_step(x->seen)) == SQLITE_ROW) {
		first = sqlite3_column_int(x->seen, 0);
		sqlite3_reset(x->seen);
		return pm_err(PM_EX_DATAERR, "transaction %s: also on line %d",
		    pm_q(l->txn), first);
	}
	sqlite3_reset(x->seen);
	if ((rc = recorded(x->db, x->f->method, txn, &yes)) != 0)
		return rc;
	if (yes) {
		x->skipped++;
		return 0;
	}
	if ((rc = match(x->db, l->reference, unit, &why)) != 0)
		return rc;
	sqlite3_reset(x->ins);
	pm_bind_int(x->ins, 1, l->line);
	pm_bind_text(x->ins, 2, txn);
	pm_bind_text(x->ins, 3, pm_day_fmt(l->day, d));
	pm_bind_int(x->ins, 4, l->amount);
	pm_bind_text(x->ins, 5, why == NULL ? unit : NULL);
	pm_bind_text(x->ins, 6, why);
	pm_bind_text(x->ins, 7, l->reference);
	pm_bind_text(x->ins, 8, l->payer);
	if (sqlite3_step(x->ins) != SQLITE_DONE)
		return pm_db_error(x->db, "spool the statement");
	return 0;
}

static int
spool_create(struct imp *x)
{
	int rc;

	if ((rc = pm_db_exec(x->db, PM_SQL_TEMP_TABLE " pm_fee_stmt(line"
	    " INTEGER PRIMARY KEY, txn TEXT NOT NULL UNIQUE, day TEXT NOT NULL,"
	    " amount INTEGER NOT NULL, unit TEXT, why TEXT, reference TEXT,"
	    " payer TEXT, receipt TEXT)")) != 0 ||
	    (rc = pm_db_prepare(x->db, "INSERT INTO pm_fee_stmt(line, txn, day,"
	    " amount, unit, why, reference, payer) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8)", &x->ins)) != 0)
		return rc;
	return pm_db_prepare(x->db, "SELECT line FROM pm_fee_stmt"
	    " WHERE txn = ?1", &x->seen);
}

static void
spool_drop(struct imp *x)
{
	sqlite3_finalize(x->ins);
	sqlite3_finalize(x->seen);
	x->ins = x->seen = NULL;
	sqlite3_exec(x->db->h, "DROP TABLE IF EXISTS temp.pm_fee_stmt", NULL,
	    NULL, NULL);
}

/* Step 2: a payment for each matched row, in one transaction. */
static int
write_all(struct imp *x, int64_t *paid, int64_t *unmatched)
{
	struct pm_fee_payment p;
	char receipt[FEE_RECEIPT_MAX], unit[FEE_CODE_MAX], txn[256];
	char why[1024], note[REF_MAX + 8];
	sqlite3_stmt *st = NULL, *upd = NULL;
	int64_t line, day;
	int rc, yes;

	*paid = *unmatched = 0;
	if ((rc = pm_db_prepare(x->db, "SELECT line, txn, day, amount, unit,"
	    " why, reference FROM pm_fee_stmt ORDER BY line", &st)) != 0 ||
	    (rc = pm_db_prepare(x->db, "UPDATE pm_fee_stmt SET receipt = ?2,"
	    " why = ?3 WHERE line = ?1", &upd)) != 0)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		line = sqlite3_column_int64(st, 0);
		snprintf(txn, sizeof txn, "%s", pm_col_text(st, 1));
		/* Recorded by someone else since it was checked: skip it. */
		if ((rc = recorded(x->db, x->f->method, txn, &yes)) != 0)
			goto out;
		if (yes) {
			x->skipped++;
			continue;
		}
		if (sqlite3_column_type(st, 4) == SQLITE_NULL) {
			(*unmatched)++;
			continue;
		}
		memset(&p, 0, sizeof p);
		snprintf(unit, sizeof unit, "%s", pm_col_text(st, 4));
		p.unit = unit;
		p.amount = sqlite3_column_int64(st, 3);
		p.method = x->f->method;
		pm_day_scan(pm_col_text(st, 2), &day);
		p.day = day;
		p.txn = txn;
		snprintf(note, sizeof note, "%s", pm_col_text(st, 6) ?
		    pm_col_text(st, 6) : "");
		p.note = note[0] != '\0' && pm_text_check("note", note, 500,
		    0) == 0 ? note : NULL;
		pm_err_clear();
		if ((rc = pm_db_exec(x->db, "SAVEPOINT pm_fee_pay")) != 0)
			goto out;
		rc = pm_fee_pay(x->db, &p, receipt, sizeof receipt);
		if (rc == PM_EX_DATAERR) {
			/* Beyond the prepayment cap: for a person to decide. */
			snprintf(why, sizeof why, "%s", pm_err_msg());
			if ((rc = pm_db_exec(x->db, "ROLLBACK TO pm_fee_pay;"
			    " RELEASE pm_fee_pay")) != 0)
				goto out;
			(*unmatched)++;
			receipt[0] = '\0';
		} else if (rc != 0)
			goto out;
		else if ((rc = pm_db_exec(x->db, "RELEASE pm_fee_pay")) != 0)
			goto out;
		else {
			(*paid)++;
			why[0] = '\0';
		}
		sqlite3_reset(upd);
		pm_bind_int(upd, 1, line);
		pm_bind_text(upd, 2, receipt[0] ? receipt : NULL);
		pm_bind_text(upd, 3, why[0] ? why : NULL);
		if (sqlite3_step(upd) != SQLITE_DONE) {
			rc = pm_db_error(x->db, "spool the receipts");
			goto out;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(x->db, "read the spool");
out:
	sqlite3_finalize(st);
	sqlite3_finalize(upd);
	return rc;
}

/* After the commit: the receipts, then what a person must resolve. */
static int
tell(struct imp *x, void (*unmatched)(const struct pm_fee_stmt_line *,
    const char *, void *), int (*receipt)(const char *, void *), void *arg)
{
	struct pm_fee_stmt_line l;
	sqlite3_stmt *st;
	int rc, pass;

	for (pass = 0; pass < 2; pass++) {
		if ((rc = pm_db_prepare(x->db, pass == 0 ?
		    "SELECT receipt FROM pm_fee_stmt WHERE receipt IS NOT NULL"
		    " ORDER BY line" :
		    "SELECT line, txn, day, amount, reference, payer, why"
		    " FROM pm_fee_stmt WHERE receipt IS NULL AND why IS NOT NULL"
		    " ORDER BY line", &st)) != 0)
			return rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (pass == 0) {
				if (receipt != NULL && (rc = receipt(
				    pm_col_text(st, 0), arg)) != 0)
					break;
				continue;
			}
			memset(&l, 0, sizeof l);
			l.line = sqlite3_column_int(st, 0);
			l.txn = pm_col_text(st, 1);
			pm_day_scan(pm_col_text(st, 2), &l.day);
			l.amount = sqlite3_column_int64(st, 3);
			l.reference = pm_col_text(st, 4);
			l.payer = pm_col_text(st, 5);
			if (unmatched != NULL)
				unmatched(&l, pm_col_text(st, 6), arg);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return rc > 0 && rc < PM_EX_USAGE ?
			    pm_db_error(x->db, "read the spool") : rc;
	}
	return 0;
}

int
pm_fee_import(struct pm_db *db, const char *path, const char *format,
    int dry, void (*report)(const char *, void *),
    void (*unmatched)(const struct pm_fee_stmt_line *, const char *, void *),
    int (*receipt)(const char *, void *), void *arg, int *nunmatched)
{
	struct imp x;
	struct fmt f;
	struct rd r;
	FILE *fp = NULL;
	int64_t paid = 0, nun = 0;
	const char *name = path != NULL && strcmp(path, "-") != 0 ? path :
	    "stdin";
	int rc;

	*nunmatched = 0;
	memset(&x, 0, sizeof x);
	memset(&r, 0, sizeof r);
	x.db = db;
	x.f = &f;
	if ((rc = open_stmt(db, path, format, &fp, &f)) != 0)
		goto out;
	r.fp = fp;
	r.name = name;
	r.f = &f;
	r.gbk = -1;
	r.report = report;
	r.arg = arg;
	/* Step 1 holds a read snapshot only. */
	if ((rc = pm_db_exec(db, "BEGIN")) != 0)
		goto out;
	if ((rc = spool_create(&x)) == 0)
		rc = read_all(&r, spool_row, &x);
	if (rc != 0 || r.nerr > 0) {
		pm_db_rollback(db);
		if (rc == 0 && r.nerr == 1)
			rc = pm_errs(PM_EX_DATAERR, r.pending);
		else if (rc == 0) {
			if (report != NULL)
				report(r.pending, arg);
			rc = r.nerr >= PM_IMPORT_MAX_ERRORS ?
			    pm_err(PM_EX_DATAERR, "%s: stopped after %d errors, "
			    "nothing imported", name, r.nerr) :
			    pm_err(PM_EX_DATAERR, "%s: %d errors, nothing "
			    "imported", name, r.nerr);
		}
		goto out;
	}
	if ((rc = pm_db_exec(db, "COMMIT")) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = write_all(&x, &paid, &nun)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if (paid > 0 && (rc = pm_audit(db, "fee_docs", "import", "imported %lld "
	    "payments from %s (%s): %lld unmatched, %lld recorded before",
	    (long long)paid, name, f.code, (long long)nun,
	    (long long)x.skipped)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	*nunmatched = (int)nun;
	/* A dry run tells what it would do, then keeps nothing. */
	if (dry) {
		rc = tell(&x, unmatched, receipt, arg);
		pm_db_rollback(db);
	} else if ((rc = pm_db_commit(db)) == 0)
		rc = tell(&x, unmatched, receipt, arg);
out:
	spool_drop(&x);
	rd_free(&r);
	free(f.bank_text);
	if (fp != NULL && fp != stdin)
		fclose(fp);
	return rc;
}

/* For the fuzzer: read a WeChat or Alipay statement, no database. */
static int
no_row(const struct pm_fee_stmt_line *l, void *arg)
{
	return 0;
}

int
pm_fee_stmt_check(FILE *fp, const char *name, const char *format)
{
	struct fmt f;
	struct rd r;
	int rc;

	memset(&r, 0, sizeof r);
	fmt_builtin(&f, format != NULL && strcmp(format, "alipay") == 0);
	r.fp = fp;
	r.name = name;
	r.f = &f;
	r.gbk = -1;
	rc = read_all(&r, no_row, NULL);
	if (rc == 0 && r.nerr > 0)
		rc = pm_errs(PM_EX_DATAERR, r.pending);
	rd_free(&r);
	return rc;
}
