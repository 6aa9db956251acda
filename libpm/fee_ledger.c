/*
 * fee_ledger.c - the books: other income and expenses, the ledger of a
 * period, and the public statement (收支公示) the Civil Code asks for.
 *
 * The ledger counts money by the day it moved (a receipt's day, an
 * entry's day): what came in for each fee item, what came in ahead of
 * any bill (prepayments, 预收) and what of it was spent on bills (from
 * the day a bill met it: it moves from prepayments to the item), what
 * was given back, each book's other income and its expenses, and the
 * balance.  Voided receipts count nowhere.
 */
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
#include "text.h"
#include "vocab.h"

#define TEXT_MAX 200

int
pm_fee_entry_add(struct pm_db *db, const struct pm_fee_entry *e, int64_t *id)
{
	char a[PM_MONEY_LEN], d[PM_DATE_LEN], rid[24];
	sqlite3_stmt *st;
	int rc, found;

	if (e->amount <= 0)
		return pm_err(PM_EX_DATAERR, "amount %s: not more than 0",
		    pm_q(pm_money_fmt(e->amount, a)));
	if ((rc = pm_text_check(N_("category"), e->category, TEXT_MAX,
	    0)) != 0 ||
	    (rc = pm_text_check(strcmp(e->kind, "income") == 0 ?
	    N_("payer") : N_("payee"), e->party, TEXT_MAX, 0)) != 0 ||
	    (e->note != NULL && (rc = pm_text_check(N_("note"), e->note,
	    TEXT_MAX, PM_TEXT_LINES)) != 0))
		return rc;
	st = pm_db_stmt(db, "SELECT retired FROM fee_books WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, e->book);
	found = sqlite3_step(st) == SQLITE_ROW;
	rc = found && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (!found)
		return pm_err(PM_EX_NOINPUT, "book %s: no such book (the estate "
		    "file's fees: books)", pm_q(e->book));
	if (rc)
		return pm_err(PM_EX_DATAERR, "book %s: retired", pm_q(e->book));
	st = pm_db_stmt(db, "INSERT INTO fee_entries(kind, book, category,"
	    " amount, party, day, note, posted, who) VALUES (?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, e->kind);
	pm_bind_text(st, 2, e->book);
	pm_bind_text(st, 3, e->category);
	pm_bind_int(st, 4, e->amount);
	pm_bind_text(st, 5, e->party);
	pm_bind_text(st, 6, pm_day_fmt(e->day, d));
	pm_bind_text(st, 7, e->note);
	pm_bind_text(st, 8, fee_posted());
	pm_bind_text(st, 9, db->user);
	if ((rc = pm_db_step_done(db, st, "record the entry")) != 0)
		return rc;
	*id = pm_db_last_id(db);
	snprintf(rid, sizeof rid, "%lld", (long long)*id);
	return pm_audit(db, "fee_entries", rid, "%s %s %s: %s, %s on %s",
	    e->kind, e->book, e->category, pm_money_fmt(e->amount, a),
	    e->party, d);
}

/*
 * The ledger's rows, gathered then sorted: they are few (books × items
 * and categories).
 */
enum section {
	S_RECEIVED,	/* money in for a fee item */
	S_REFUNDED,	/* money given back for a fee item */
	S_INCOME,	/* the book's other income */
	S_EXPENSE,
	S_BALANCE,
	S_PREPAID	/* money in ahead of any bill (no book yet) */
};

static const char *const section_id[] = { "received", "refunded", "income",
	"expense", "balance", "prepaid" };

struct lrow {
	char book[FEE_CODE_MAX];
	char book_name[256];
	enum section section;
	char name[256];		/* an item's code, a category */
	int64_t amount;
};

struct lrows {
	struct lrow *r;
	int n, cap;
};

static struct lrow *
lrow_add(struct lrows *s, const char *book, const char *book_name,
    enum section sec, const char *name, int64_t amount)
{
	struct lrow *nr, *r;
	int i;

	for (i = 0; i < s->n; i++) {
		r = &s->r[i];
		if (strcmp(r->book, book) == 0 && r->section == sec &&
		    strcmp(r->name, name) == 0) {
			r->amount += amount;
			return r;
		}
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 32;
		if ((nr = realloc(s->r, (size_t)s->cap * sizeof *nr)) == NULL)
			return NULL;
		s->r = nr;
	}
	r = &s->r[s->n++];
	snprintf(r->book, sizeof r->book, "%s", book);
	snprintf(r->book_name, sizeof r->book_name, "%s", book_name);
	r->section = sec;
	snprintf(r->name, sizeof r->name, "%s", name);
	r->amount = amount;
	return r;
}

static int
lrow_cmp(const void *a, const void *b)
{
	const struct lrow *x = a, *y = b;
	int c;

	/* Prepayments, which no book holds yet, come last. */
	if ((x->section == S_PREPAID) != (y->section == S_PREPAID))
		return x->section == S_PREPAID ? 1 : -1;
	if ((c = strcmp(x->book, y->book)) != 0)
		return c;
	if (x->section != y->section)
		return (int)x->section - (int)y->section;
	return strcmp(x->name, y->name);
}

/*
 * Read rows "book, book name, name, amount" of 'sql' (?1, ?2 the first
 * day and the day after the period, ?3 'kind' when not NULL) into
 * section 'sec'.
 */
static int
lrows_read(struct pm_db *db, struct lrows *s, const char *sql,
    enum section sec, const char *from, const char *to, const char *kind)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, from);
	pm_bind_text(st, 2, to);
	if (kind != NULL)
		pm_bind_text(st, 3, kind);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (lrow_add(s, pm_col_text(st, 0) ? pm_col_text(st, 0) : "",
		    pm_col_text(st, 1) ? pm_col_text(st, 1) : "", sec,
		    pm_col_text(st, 2) ? pm_col_text(st, 2) : "",
		    sqlite3_column_int64(st, 3)) == NULL)
			break;
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read the ledger");
}

/* Receipts of the period not voided; a refund's, of a payment not voided. */
#define LIVE_DOC " NOT EXISTS (SELECT 1 FROM fee_voids v WHERE v.doc = d.id)"

static const char sql_received[] =
	"SELECT i.book, b.name, l.item, sum(a.amount) FROM fee_docs d"
	" JOIN fee_allocs a ON a.doc = d.id AND a.cause = 'pay'"
	" JOIN fee_lines l ON l.id = a.line"
	" JOIN fee_items i ON i.code = l.item"
	" JOIN fee_books b ON b.code = i.book"
	" WHERE d.kind = 'payment' AND d.day >= ?1 AND d.day < ?2 AND"
	LIVE_DOC " GROUP BY i.book, l.item";
/* Credit spent on bills: the item's, by the day it counts as paid. */
static const char sql_applied[] =
	"SELECT i.book, b.name, l.item, sum(a.amount) FROM fee_allocs a"
	" JOIN fee_docs d ON d.id = a.doc"
	" JOIN fee_lines l ON l.id = a.line"
	" JOIN fee_items i ON i.code = l.item"
	" JOIN fee_books b ON b.code = i.book"
	" WHERE a.cause = 'credit' AND a.value_day >= ?1 AND a.value_day < ?2"
	" AND" LIVE_DOC " GROUP BY i.book, l.item";
/* ...and so no longer held ahead. */
static const char sql_applied_total[] =
	"SELECT '', '', '', -sum(a.amount) FROM fee_allocs a"
	" JOIN fee_docs d ON d.id = a.doc"
	" WHERE a.cause = 'credit' AND a.value_day >= ?1 AND a.value_day < ?2"
	" AND" LIVE_DOC;
/* What the payments left as credit when they were made. */
static const char sql_prepaid[] =
	"SELECT '', '', '', sum(d.amount - coalesce((SELECT sum(a.amount)"
	" FROM fee_allocs a WHERE a.doc = d.id AND a.cause = 'pay'), 0))"
	" FROM fee_docs d WHERE d.kind = 'payment' AND d.day >= ?1"
	" AND d.day < ?2 AND" LIVE_DOC;
static const char sql_refunded[] =
	"SELECT i.book, b.name, l.item, sum(a.amount) FROM fee_docs d"
	" JOIN fee_allocs a ON a.by_doc = d.id"
	" JOIN fee_lines l ON l.id = a.line"
	" JOIN fee_items i ON i.code = l.item"
	" JOIN fee_books b ON b.code = i.book"
	" WHERE d.kind = 'refund' AND d.day >= ?1 AND d.day < ?2"
	" GROUP BY i.book, l.item";
/* What refunds took from credit: the refund less what it took back. */
static const char sql_refunded_credit[] =
	"SELECT '', '', '', sum(d.amount - coalesce((SELECT sum(a.amount)"
	" FROM fee_allocs a WHERE a.by_doc = d.id), 0)) FROM fee_docs d"
	" WHERE d.kind = 'refund' AND d.day >= ?1 AND d.day < ?2";
static const char sql_entries[] =
	"SELECT e.book, b.name, e.category, sum(e.amount) FROM fee_entries e"
	" JOIN fee_books b ON b.code = e.book"
	" WHERE e.kind = ?3 AND e.day >= ?1 AND e.day < ?2"
	" GROUP BY e.book, e.category";

/* Gather the ledger of [from, to), with each book's balance. */
static int
ledger_rows(struct pm_db *db, int y, int m, int n, struct lrows *s)
{
	char from[PM_DATE_LEN], to[PM_DATE_LEN];
	int i, nrows, rc;

	memset(s, 0, sizeof *s);
	pm_day_fmt(pm_day_from_civil(y, m, 1), from);
	pm_fee_month_add(&y, &m, n);
	pm_day_fmt(pm_day_from_civil(y, m, 1), to);
	if ((rc = lrows_read(db, s, sql_received, S_RECEIVED, from, to,
	    NULL)) != 0 ||
	    (rc = lrows_read(db, s, sql_refunded, S_REFUNDED, from, to,
	    NULL)) != 0 ||
	    (rc = lrows_read(db, s, sql_entries, S_INCOME, from, to,
	    "income")) != 0 ||
	    (rc = lrows_read(db, s, sql_entries, S_EXPENSE, from, to,
	    "expense")) != 0 ||
	    (rc = lrows_read(db, s, sql_applied, S_RECEIVED, from, to,
	    NULL)) != 0 ||
	    (rc = lrows_read(db, s, sql_prepaid, S_PREPAID, from, to,
	    NULL)) != 0 ||
	    (rc = lrows_read(db, s, sql_applied_total, S_PREPAID, from, to,
	    NULL)) != 0 ||
	    (rc = lrows_read(db, s, sql_refunded_credit, S_PREPAID, from, to,
	    NULL)) != 0)
		return rc;
	nrows = s->n;
	for (i = 0; i < nrows; i++) {
		struct lrow r = s->r[i];

		if (r.section == S_PREPAID)
			continue;
		if (lrow_add(s, r.book, r.book_name, S_BALANCE, "",
		    r.section == S_EXPENSE ? -r.amount : r.amount) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	/* No prepayments at all: no row for them. */
	for (i = 0; i < s->n; i++)
		if (s->r[i].section == S_PREPAID && s->r[i].amount == 0)
			s->r[i--] = s->r[--s->n];
	if (s->n > 1)
		qsort(s->r, (size_t)s->n, sizeof *s->r, lrow_cmp);
	return 0;
}

static const struct pm_word ledger_words[] = {
	{ "received", "收款", NULL, NULL },
	{ "refunded", "退款", NULL, NULL },
	{ "income", "其他收入", NULL, NULL },
	{ "expense", "支出", NULL, NULL },
	{ "balance", "结余", NULL, NULL },
	{ "prepaid", "预收款", NULL, NULL },
	{ NULL, NULL, NULL, NULL }
};
static const struct pm_vocab ledger_vocab = { N_("section"), ledger_words };

const struct pm_col pm_fee_ledger_cols[] = {
	{ N_("book"), PM_COL_TEXT, NULL },
	{ N_("book_name"), PM_COL_TEXT, NULL },
	{ N_("section"), PM_COL_TEXT, &ledger_vocab },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("amount"), PM_COL_NUM, NULL }
};
const int pm_fee_ledger_ncols = 5;

int
pm_fee_ledger(struct pm_db *db, int y, int m, int n, struct pm_out *o)
{
	struct lrows s;
	int i, rc;

	if ((rc = ledger_rows(db, y, m, n, &s)) == 0)
		for (i = 0; i < s.n; i++) {
			pm_out_text(o, s.r[i].book[0] ? s.r[i].book : NULL);
			pm_out_text(o, s.r[i].book_name[0] ? s.r[i].book_name :
			    NULL);
			pm_out_text(o, section_id[s.r[i].section]);
			pm_out_text(o, s.r[i].name[0] ? s.r[i].name : NULL);
			pm_out_fen(o, s.r[i].amount);
			pm_out_row(o);
		}
	free(s.r);
	return rc;
}

/*
 * The public statement.
 */

const struct pm_col pm_fee_disclose_cols[] = {
	{ N_("section"), PM_COL_TEXT, NULL },
	{ N_("book"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("detail"), PM_COL_TEXT, NULL },
	{ N_("amount"), PM_COL_NUM, NULL }
};
const int pm_fee_disclose_ncols = 5;

/* One row for the accountant, or nothing when writing the notice. */
static void
drow(struct pm_out *o, const char *section, const char *book,
    const char *name, const char *detail, const int64_t *amount)
{
	if (o == NULL)
		return;
	pm_out_text(o, section);
	pm_out_text(o, book);
	pm_out_text(o, name);
	pm_out_text(o, detail);
	if (amount != NULL)
		pm_out_fen(o, *amount);
	else
		pm_out_text(o, NULL);
	pm_out_row(o);
}

/* "1.85 from 2025-01-01, 2.10 from 2026-07-01" for an item. */
static int
standard(struct pm_db *db, const char *item, const char *basis, char *buf,
    size_t len)
{
	char r[PM_MONEY_LEN];
	sqlite3_stmt *st;
	size_t n = 0;
	int rc;

	buf[0] = '\0';
	if (strcmp(basis, "shared") == 0) {
		snprintf(buf, len, "%s", _("split by floor area"));
		return 0;
	}
	if ((st = pm_db_stmt(db, "SELECT from_day, rate FROM fee_rates"
	    " WHERE item = ?1 ORDER BY from_day")) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, item);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < len)
		n += (size_t)snprintf(buf + n, len - n, _("%s%s yuan from %s"),
		    n ? "; " : "", pm_fee_rate_fmt(sqlite3_column_int64(st, 1),
		    r), pm_col_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    pm_db_error(db, "read fee rates");
}

/* The fee items and their standards. */
static int
disclose_items(struct pm_db *db, FILE *fp, struct pm_out *o)
{
	char std[1024], what[128];
	sqlite3_stmt *st;
	int rc;

	if (fp != NULL)
		fprintf(fp, "\n%s\n", _("1. Fee items and charging standards"));
	st = pm_db_stmt(db, "SELECT code, name, basis, frequency, due_day,"
	    " formula, book FROM fee_items WHERE retired = 0 ORDER BY code");
	if (st == NULL)
		return pm_err_code();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char code[FEE_CODE_MAX], basis[16];

		snprintf(code, sizeof code, "%s", pm_col_text(st, 0));
		snprintf(basis, sizeof basis, "%s", pm_col_text(st, 2));
		if ((rc = standard(db, code, basis, std, sizeof std)) != 0)
			break;
		if (strcmp(basis, "meter") == 0 || strcmp(basis, "shared") == 0)
			snprintf(what, sizeof what, "%s",
			    pm_vocab_label(&pm_v_fee_basis, basis));
		else
			snprintf(what, sizeof what, _("%s, due on day %d"),
			    pm_vocab_label(&pm_v_fee_frequency,
			    pm_col_text(st, 3)), sqlite3_column_int(st, 4));
		if (fp != NULL)
			fprintf(fp, "  %s (%s): %s\n      %s; %s\n",
			    pm_col_text(st, 1), code, pm_col_text(st, 5), std,
			    what);
		drow(o, "item", pm_col_text(st, 6), pm_col_text(st, 1), std,
		    NULL);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : rc == SQLITE_ROW ? 0 :
	    rc < PM_EX_USAGE ? pm_db_error(db, "read fee items") : rc;
}

/* The name of item 'code', for the notice. */
static void
item_name(struct pm_db *db, const char *code, char *buf, size_t len)
{
	sqlite3_stmt *st = pm_db_stmt(db, "SELECT name FROM fee_items"
	    " WHERE code = ?1");

	snprintf(buf, len, "%s", code);
	if (st == NULL)
		return;
	pm_bind_text(st, 1, code);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, len, "%s", pm_col_text(st, 0));
	sqlite3_reset(st);
}

static int
disclose_books(struct pm_db *db, int y, int m, int n, FILE *fp,
    struct pm_out *o)
{
	static const char *const label[] = { N_("received for"),
		N_("refunded for"), N_("other income:"), N_("spent on"),
		N_("balance"), N_("received ahead of any bill") };
	char money[PM_MONEY_LEN], name[256];
	const char *last = NULL;
	struct lrows s;
	int i, rc;

	if (fp != NULL)
		fprintf(fp, "\n%s\n", _("2. Income and expenses, by book"));
	if ((rc = ledger_rows(db, y, m, n, &s)) != 0) {
		free(s.r);
		return rc;
	}
	for (i = 0; i < s.n; i++) {
		const struct lrow *r = &s.r[i];

		if (r->section == S_RECEIVED || r->section == S_REFUNDED)
			item_name(db, r->name, name, sizeof name);
		else
			snprintf(name, sizeof name, "%s", r->name);
		drow(o, section_id[r->section], r->book[0] ? r->book : NULL,
		    name[0] ? name : NULL, NULL, &r->amount);
		if (fp == NULL)
			continue;
		if (r->section != S_PREPAID &&
		    (last == NULL || strcmp(last, r->book) != 0)) {
			fprintf(fp, "  %s\n", r->book_name);
			last = r->book;
		}
		fprintf(fp, "      %s%s%s: %s\n", _(label[r->section]),
		    name[0] ? " " : "", name, pm_money_fmt(r->amount, money));
	}
	free(s.r);
	return 0;
}

static int
disclose_rates(struct pm_db *db, int y, int m, int n, FILE *fp,
    struct pm_out *o)
{
	struct pm_fee_rates r;
	char a[PM_MONEY_LEN], b[PM_MONEY_LEN], p[32], detail[128];
	int64_t num[3], den[3];
	static const char *const what[3] = { N_("current-period collection"),
		N_("arrears recovery"), N_("combined collection") };
	static const char *const id[3] = { "current", "recovery", "combined" };
	int i, rc;

	if ((rc = pm_fee_rates_total(db, y, m, n, pm_now(), &r)) != 0)
		return rc;
	num[0] = r.collected;
	den[0] = r.billed;
	num[1] = r.recovered;
	den[1] = r.arrears;
	num[2] = r.collected + r.recovered;
	den[2] = r.billed + r.arrears;
	if (fp != NULL)
		fprintf(fp, "\n%s\n", _("3. Fee collection"));
	for (i = 0; i < 3; i++) {
		pm_fee_ratio_fmt(num[i], den[i], p, sizeof p);
		snprintf(detail, sizeof detail, "%s (%s / %s)", p,
		    pm_money_fmt(num[i], a), pm_money_fmt(den[i], b));
		if (fp != NULL)
			fprintf(fp, "  %s: %s\n", _(what[i]), detail);
		drow(o, "rate", NULL, id[i], detail, &num[i]);
	}
	return 0;
}

int
pm_fee_disclose(struct pm_db *db, int y, int m, int n, FILE *fp,
    struct pm_out *o)
{
	char *name = NULL, *phone = NULL, from[PM_DATE_LEN], to[PM_DATE_LEN];
	int ey = y, em = m, rc;

	if ((rc = pm_db_meta(db, "estate_name", &name)) != 0 ||
	    (rc = pm_db_meta(db, "fee_complaint_phone", &phone)) != 0)
		goto out;
	pm_day_fmt(pm_day_from_civil(y, m, 1), from);
	pm_fee_month_add(&ey, &em, n);
	pm_day_fmt(pm_day_from_civil(ey, em, 1) - 1, to);
	if (fp != NULL) {
		fprintf(fp, _("%s: public statement of fees, income and "
		    "expenses\n"), name != NULL ? name : "");
		fprintf(fp, _("Period: %s to %s\n"), from, to);
	}
	if ((rc = disclose_items(db, fp, o)) != 0 ||
	    (rc = disclose_books(db, y, m, n, fp, o)) != 0 ||
	    (rc = disclose_rates(db, y, m, n, fp, o)) != 0)
		goto out;
	if (fp != NULL) {
		fprintf(fp, "\n%s\n", _("Common-part revenue belongs to all "
		    "owners (Civil Code art. 282); this statement is published "
		    "under art. 943."));
		if (phone != NULL)
			fprintf(fp, _("Questions and complaints: %s\n"), phone);
	}
	drow(o, "phone", NULL, NULL, phone, NULL);
out:
	free(name);
	free(phone);
	return rc;
}
