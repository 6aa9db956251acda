/*
 * fee_pay.c - receipts: payments, the credit they leave, voids and
 * refunds.
 *
 * A receipt takes the next number of its series inside the write
 * transaction (BEGIN IMMEDIATE makes writers queue), and nothing ever
 * deletes one, so the numbers have no gaps.  Money reaches bill lines
 * only through fee_settle_line(); a void or a refund takes it back with
 * negative settlements posted when it happens, so what a past day saw
 * stays as it was.
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

#define NOTE_MAX 500

int
fee_doc_get(struct pm_db *db, const char *input, struct fee_doc *d)
{
	char receipt[FEE_RECEIPT_MAX];
	sqlite3_stmt *st;
	int rc;

	pm_code_normalize(input, receipt, sizeof receipt);
	st = pm_db_stmt(db, "SELECT d.id, d.receipt, d.kind, d.unit, d.series,"
	    " d.amount, d.credit, d.day,"
	    " EXISTS (SELECT 1 FROM fee_voids v WHERE v.doc = d.id),"
	    " (SELECT -coalesce(sum(r.amount), 0) FROM fee_docs r"
	    " WHERE r.reverses = d.id)"
	    " FROM fee_docs d WHERE d.receipt = ?1" PM_SQL_NOCASE);
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, receipt);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return pm_db_error(db, "read receipt");
		return pm_err(PM_EX_NOINPUT, "receipt %s: no such receipt (see %s)",
		    pm_q(input), pm_q("pm-fee receipts"));
	}
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(st, 0);
	snprintf(d->receipt, sizeof d->receipt, "%s", pm_col_text(st, 1));
	snprintf(d->kind, sizeof d->kind, "%s", pm_col_text(st, 2));
	snprintf(d->unit, sizeof d->unit, "%s", pm_col_text(st, 3));
	snprintf(d->series, sizeof d->series, "%s", pm_col_text(st, 4));
	d->amount = sqlite3_column_int64(st, 5);
	d->credit = sqlite3_column_int64(st, 6);
	pm_day_scan(pm_col_text(st, 7), &d->day);
	d->voided = sqlite3_column_int(st, 8);
	d->refunded = sqlite3_column_int64(st, 9);
	sqlite3_reset(st);
	return 0;
}

/* The series to number in: 'want', or the estate's default. */
static int
series_get(struct pm_db *db, const char *want, char *code, char *prefix,
    int *digits)
{
	char *dflt = NULL;
	sqlite3_stmt *st;
	int rc;

	if (want == NULL) {
		if ((rc = pm_db_meta(db, "fee_default_series", &dflt)) != 0)
			return rc;
		if (dflt == NULL)
			return pm_err(PM_EX_CONFIG, "no receipt series (the "
			    "estate file's fees section names them: pm-db "
			    "apply)");
	}
	st = pm_db_stmt(db, "SELECT code, prefix, digits, retired"
	    " FROM fee_series WHERE code = ?1");
	if (st == NULL) {
		free(dflt);
		return pm_err_code();
	}
	pm_bind_text(st, 1, want != NULL ? want : dflt);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		rc = rc != SQLITE_DONE ? pm_db_error(db, "read series") :
		    pm_err(PM_EX_NOINPUT, "series %s: no such receipt series",
		    pm_q(want != NULL ? want : dflt));
		free(dflt);
		return rc;
	}
	free(dflt);
	if (sqlite3_column_int(st, 3)) {
		rc = pm_err(PM_EX_DATAERR, "series %s: retired",
		    pm_q(pm_col_text(st, 0)));
		sqlite3_reset(st);
		return rc;
	}
	snprintf(code, FEE_CODE_MAX, "%s", pm_col_text(st, 0));
	snprintf(prefix, FEE_CODE_MAX, "%s", pm_col_text(st, 1));
	*digits = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	return 0;
}

/*
 * Insert a receipt of 'series' numbered next: its id in *id and its
 * text in 'receipt' (64 bytes).
 */
static int
doc_insert(struct pm_db *db, const char *series_want, const char *kind,
    const char *unit, int64_t amount, const char *method, int64_t day,
    const char *txn, int64_t reverses, const char *note, int64_t *id,
    char *receipt)
{
	char series[FEE_CODE_MAX], prefix[FEE_CODE_MAX], d[PM_DATE_LEN];
	sqlite3_stmt *st;
	int64_t number = 1;
	int digits = 8, rc;

	if ((rc = series_get(db, series_want, series, prefix, &digits)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT max(number) FROM fee_docs"
	    " WHERE series = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, series);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		number = sqlite3_column_int64(st, 0) + 1;
	sqlite3_reset(st);
	snprintf(receipt, FEE_RECEIPT_MAX, "%s%0*lld", prefix, digits, (long long)number);
	st = pm_db_stmt(db, "INSERT INTO fee_docs(series, number, receipt,"
	    " kind, unit, amount, method, day, txn, reverses, note, posted,"
	    " who, credit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11, ?12, ?13, ?14)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, series);
	pm_bind_int(st, 2, number);
	pm_bind_text(st, 3, receipt);
	pm_bind_text(st, 4, kind);
	pm_bind_text(st, 5, unit);
	pm_bind_int(st, 6, amount);
	pm_bind_text(st, 7, method);
	pm_bind_text(st, 8, pm_day_fmt(day, d));
	pm_bind_text(st, 9, txn);
	if (reverses > 0)
		pm_bind_int(st, 10, reverses);
	pm_bind_text(st, 11, note);
	pm_bind_text(st, 12, fee_posted());
	pm_bind_text(st, 13, db->user);
	pm_bind_int(st, 14, amount > 0 ? amount : 0);
	if ((rc = pm_db_step_done(db, st, "record the receipt")) != 0)
		return rc;
	*id = pm_db_last_id(db);
	return 0;
}

/* An open line of the unit: what is left of it and the day it was billed. */
struct open_line {
	int64_t id, left, billed;
};

/* The unit's oldest open line; *found 0 when none is. */
static int
oldest_open(struct pm_db *db, const char *unit, struct open_line *l,
    int *found)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT id, amount - paid, posted FROM fee_lines"
	    " WHERE unit = ?1 AND paid < amount"
	    " ORDER BY due_day, period, id LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	*found = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		l->id = sqlite3_column_int64(st, 0);
		l->left = sqlite3_column_int64(st, 1);
		l->billed = fee_posted_day(pm_col_text(st, 2));
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return pm_db_error(db, "read open lines");
	}
	sqlite3_reset(st);
	return 0;
}

/* Line 'id' if it is the unit's and open; else why not. */
static int
named_line(struct pm_db *db, const char *unit, int64_t id,
    struct open_line *l)
{
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT unit, amount - paid, posted FROM fee_lines"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? pm_err(PM_EX_NOINPUT, "line %lld: no "
		    "such bill line", (long long)id) :
		    pm_db_error(db, "read bill line");
	}
	if (strcmp(pm_col_text(st, 0), unit) != 0)
		rc = pm_err(PM_EX_DATAERR, "line %lld: billed to %s, not %s",
		    (long long)id, pm_q(pm_col_text(st, 0)), pm_q(unit));
	else if (sqlite3_column_int64(st, 1) <= 0)
		rc = pm_err(PM_EX_DATAERR, "line %lld: settled already",
		    (long long)id);
	else {
		l->id = id;
		l->left = sqlite3_column_int64(st, 1);
		l->billed = fee_posted_day(pm_col_text(st, 2));
		rc = 0;
	}
	sqlite3_reset(st);
	return rc;
}

/* Spend 'x' of receipt 'doc' (paid on 'day') on line 'l'. */
static int
spend(struct pm_db *db, int64_t doc, const char *cause, int64_t day,
    const struct open_line *l, int64_t x)
{
	return fee_settle_line(db, l->id, doc, 0, cause, x,
	    day > l->billed ? day : l->billed);
}

int
pm_fee_settle(struct pm_db *db, const char *unit)
{
	struct open_line l;
	sqlite3_stmt *st;
	int64_t doc, credit, day;
	int rc, found;

	for (;;) {
		if ((rc = oldest_open(db, unit, &l, &found)) != 0 || !found)
			return rc;
		st = pm_db_stmt(db, "SELECT id, credit, day FROM fee_docs"
		    " WHERE unit = ?1 AND credit > 0 ORDER BY id LIMIT 1");
		if (st == NULL)
			return pm_err_code();
		pm_bind_text(st, 1, unit);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			sqlite3_reset(st);
			return rc == SQLITE_DONE ? 0 :
			    pm_db_error(db, "read credit");
		}
		doc = sqlite3_column_int64(st, 0);
		credit = sqlite3_column_int64(st, 1);
		pm_day_scan(pm_col_text(st, 2), &day);
		sqlite3_reset(st);
		if ((rc = spend(db, doc, "credit", day, &l,
		    credit < l.left ? credit : l.left)) != 0)
			return rc;
	}
}

/*
 * What the unit pays a month at the rates in force on 'day': its items
 * billed by area or unit, and the spaces it holds that day.
 */
static int
monthly_fees(struct pm_db *db, const char *unit, int64_t day, int64_t *fen)
{
	char d[PM_DATE_LEN];
	sqlite3_stmt *st;
	int64_t rate, a;
	int rc, found;

	*fen = 0;
	st = pm_db_stmt(db, "SELECT i.code, CASE i.basis WHEN 'area' THEN"
	    " u.area ELSE 100 END FROM fee_items i, units u"
	    " WHERE u.code = ?1 AND i.retired = 0"
	    " AND (i.basis = 'area' OR i.basis = 'unit')"
	    " AND (NOT EXISTS (SELECT 1 FROM fee_scopes s WHERE s.item = i.code)"
	    " OR EXISTS (SELECT 1 FROM fee_scopes s WHERE s.item = i.code"
	    " AND (s.building = u.building OR s.unit = u.code)))"
	    " UNION ALL SELECT s.item, 100 FROM fee_holders h"
	    " JOIN fee_spaces s ON s.code = h.space WHERE h.unit = ?1"
	    " AND h.from_day <= ?2 AND (h.until_day IS NULL"
	    " OR h.until_day >= ?2)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	pm_bind_text(st, 2, pm_day_fmt(day, d));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char item[FEE_CODE_MAX];
		int64_t q = sqlite3_column_int64(st, 1);

		snprintf(item, sizeof item, "%s", pm_col_text(st, 0));
		if ((rc = fee_rate_on(db, item, day, &rate, &found)) != 0)
			break;
		if (found && (rc = pm_fee_amount(q, rate, 1, &a)) != 0)
			break;
		if (found)
			*fen += a;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_db_error(db, "read fees") : rc;
}

/* The unit's credit: what its receipts have not spent. */
static int
unit_credit(struct pm_db *db, const char *unit, int64_t *credit)
{
	sqlite3_stmt *st;

	st = pm_db_stmt(db, "SELECT coalesce(sum(credit), 0) FROM fee_docs"
	    " WHERE unit = ?1 AND credit > 0");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, unit);
	*credit = sqlite3_step(st) == SQLITE_ROW ?
	    sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return 0;
}

/* Credit beyond prepay_months × the unit's monthly fees is refused. */
static int
prepay_cap(struct pm_db *db, const char *unit, int64_t day)
{
	char a[PM_MONEY_LEN], b[PM_MONEY_LEN];
	int64_t credit = 0, monthly = 0, cap;
	int months, rc;

	if ((rc = unit_credit(db, unit, &credit)) != 0 || credit == 0 ||
	    (rc = fee_setting_int(db, "fee_prepay_months", 12, &months)) != 0 ||
	    (rc = monthly_fees(db, unit, day, &monthly)) != 0)
		return rc;
	cap = monthly * months;
	if (credit <= cap)
		return 0;
	return pm_err(PM_EX_DATAERR, "unit %s: %s would be left as credit, "
	    "more than the %d months of fees (%s) the estate takes ahead",
	    pm_q(unit), pm_money_fmt(credit, a), months,
	    pm_money_fmt(cap, b));
}

int
pm_fee_pay(struct pm_db *db, const struct pm_fee_payment *p, char *receipt,
    size_t len)
{
	char unit[FEE_CODE_MAX], r[FEE_RECEIPT_MAX], a[PM_MONEY_LEN];
	char c[PM_MONEY_LEN];
	char d[PM_DATE_LEN];
	const char *method = "cash";
	struct open_line l;
	sqlite3_stmt *st;
	int64_t doc, left = p->amount;
	int i, rc, found;

	if (p->amount <= 0)
		return pm_err(PM_EX_DATAERR, "amount %s: a payment is more "
		    "than 0", pm_q(pm_money_fmt(p->amount, a)));
	if (p->method != NULL && (rc = pm_vocab_check(&pm_v_fee_method,
	    p->method, 0, &method)) != 0)
		return rc;
	if (p->note != NULL && (rc = pm_text_check(N_("note"), p->note,
	    NOTE_MAX, 0)) != 0)
		return rc;
	if (p->txn != NULL && (rc = pm_text_check(N_("transaction"), p->txn,
	    128, 0)) != 0)
		return rc;
	if ((rc = fee_unit_get(db, p->unit, unit, NULL)) != 0)
		return rc;
	if (p->txn != NULL) {
		st = pm_db_stmt(db, "SELECT receipt FROM fee_docs"
		    " WHERE method = ?1 AND txn = ?2");
		if (st == NULL)
			return pm_err_code();
		pm_bind_text(st, 1, method);
		pm_bind_text(st, 2, p->txn);
		if (sqlite3_step(st) == SQLITE_ROW) {
			rc = pm_err(PM_EX_DATAERR, "transaction %s: recorded "
			    "already (receipt %s)", pm_q(p->txn),
			    pm_col_text(st, 0));
			sqlite3_reset(st);
			return rc;
		}
		sqlite3_reset(st);
	}
	if ((rc = doc_insert(db, p->series, "payment", unit, p->amount, method,
	    p->day, p->txn, 0, p->note, &doc, r)) != 0)
		return rc;
	for (i = 0; left > 0 && (p->lines == NULL || i < p->nlines); i++) {
		if (p->lines != NULL)
			rc = named_line(db, unit, p->lines[i], &l);
		else if ((rc = oldest_open(db, unit, &l, &found)) == 0 &&
		    !found)
			break;
		if (rc != 0 || (rc = spend(db, doc, "pay", p->day, &l,
		    left < l.left ? left : l.left)) != 0)
			return rc;
		left -= left < l.left ? left : l.left;
	}
	if (left > 0 && (rc = prepay_cap(db, unit, p->day)) != 0)
		return rc;
	if ((rc = pm_audit(db, "fee_docs", r, "%s paid %s by %s on %s: credit "
	    "%s", unit, pm_money_fmt(p->amount, a), method,
	    pm_day_fmt(p->day, d), pm_money_fmt(left, c))) != 0)
		return rc;
	snprintf(receipt, len, "%s", r);
	return 0;
}

/*
 * Voiding a receipt and giving money back take a second pair of eyes: a
 * supervisor's or a manager's.
 */
static int
need_supervisor(struct pm_db *db, const char *receipt)
{
	sqlite3_stmt *st;
	int rank = -1, rc;

	st = pm_db_stmt(db, "SELECT role FROM staff WHERE login = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, db->user);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		rank = pm_vocab_index(&pm_v_role, pm_col_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return pm_db_error(db, "read staff");
	if (rank >= pm_vocab_index(&pm_v_role, "supervisor"))
		return 0;
	return pm_err(PM_EX_NOPERM, "receipt %s: %s may not void receipts or "
	    "give money back (a supervisor or manager does)", pm_q(receipt),
	    pm_q(db->user));
}

/* Each line the receipt has money on now, newest first, into arrays. */
static int
doc_lines(struct pm_db *db, int64_t doc, int64_t **line, int64_t **net,
    int *n)
{
	sqlite3_stmt *st;
	int rc, cap = 0;
	int64_t *nl, *nn;

	*line = *net = NULL;
	*n = 0;
	st = pm_db_stmt(db, "SELECT line, sum(amount) FROM fee_allocs"
	    " WHERE doc = ?1 GROUP BY line HAVING sum(amount) > 0"
	    " ORDER BY line DESC");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, doc);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((nl = realloc(*line, (size_t)cap * sizeof *nl)) ==
			    NULL)
				break;
			*line = nl;
			if ((nn = realloc(*net, (size_t)cap * sizeof *nn)) ==
			    NULL)
				break;
			*net = nn;
		}
		(*line)[*n] = sqlite3_column_int64(st, 0);
		(*net)[*n] = sqlite3_column_int64(st, 1);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read settlements");
}

int
pm_fee_void(struct pm_db *db, const char *receipt, const char *reason)
{
	struct fee_doc d;
	sqlite3_stmt *st;
	int64_t *line = NULL, *net = NULL, today = pm_fee_today();
	int i, n, rc;

	if ((rc = pm_text_check(N_("reason"), reason, NOTE_MAX, 0)) != 0 ||
	    (rc = fee_doc_get(db, receipt, &d)) != 0 ||
	    (rc = need_supervisor(db, d.receipt)) != 0)
		return rc;
	if (strcmp(d.kind, "refund") == 0)
		return pm_err(PM_EX_DATAERR, "receipt %s: a refund cannot be "
		    "voided (money given back is recorded as a payment)",
		    pm_q(d.receipt));
	if (d.voided)
		return pm_err(PM_EX_DATAERR, "receipt %s: voided already",
		    pm_q(d.receipt));
	if (d.refunded > 0)
		return pm_err(PM_EX_DATAERR, "receipt %s: has refunds (a "
		    "receipt money was given back from stays valid)",
		    pm_q(d.receipt));
	st = pm_db_stmt(db, "INSERT INTO fee_voids(doc, reason, posted, who)"
	    " VALUES (?1, ?2, ?3, ?4)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, d.id);
	pm_bind_text(st, 2, reason);
	pm_bind_text(st, 3, fee_posted());
	pm_bind_text(st, 4, db->user);
	if ((rc = pm_db_step_done(db, st, "void the receipt")) != 0 ||
	    (rc = doc_lines(db, d.id, &line, &net, &n)) != 0)
		goto out;
	for (i = 0; i < n && rc == 0; i++)
		rc = fee_settle_line(db, line[i], d.id, 0, "void", -net[i],
		    today);
	if (rc != 0)
		goto out;
	st = pm_db_stmt(db, "UPDATE fee_docs SET credit = 0 WHERE id = ?1");
	if (st == NULL) {
		rc = pm_err_code();
		goto out;
	}
	pm_bind_int(st, 1, d.id);
	if ((rc = pm_db_step_done(db, st, "void the receipt")) != 0 ||
	    (rc = pm_audit(db, "fee_docs", d.receipt, "voided: %s",
	    reason)) != 0)
		goto out;
	rc = pm_fee_settle(db, d.unit);
out:
	free(line);
	free(net);
	return rc;
}

int
pm_fee_refund(struct pm_db *db, const char *receipt, int64_t amount,
    const char *method, int64_t day, const char *reason, char *out,
    size_t len)
{
	char r[FEE_RECEIPT_MAX], a[PM_MONEY_LEN], b[PM_MONEY_LEN];
	const char *m = NULL;
	struct fee_doc d;
	sqlite3_stmt *st;
	int64_t *line = NULL, *net = NULL, refundable, id, c, x;
	int i, n, rc;

	if ((rc = pm_text_check(N_("reason"), reason, NOTE_MAX, 0)) != 0 ||
	    (method != NULL && (rc = pm_vocab_check(&pm_v_fee_method, method,
	    0, &m)) != 0) ||
	    (rc = fee_doc_get(db, receipt, &d)) != 0 ||
	    (rc = need_supervisor(db, d.receipt)) != 0)
		return rc;
	if (strcmp(d.kind, "refund") == 0)
		return pm_err(PM_EX_DATAERR, "receipt %s: a refund itself",
		    pm_q(d.receipt));
	if (d.voided)
		return pm_err(PM_EX_DATAERR, "receipt %s: voided (nothing to "
		    "give back)", pm_q(d.receipt));
	refundable = d.amount - d.refunded;
	if (amount == 0)
		amount = refundable;
	if (amount < 0 || amount > refundable || refundable == 0)
		return pm_err(PM_EX_DATAERR, "amount %s: more than the %s left "
		    "of receipt %s", pm_q(pm_money_fmt(amount, a)),
		    pm_money_fmt(refundable, b), pm_q(d.receipt));
	if (day < d.day)
		return pm_err(PM_EX_DATAERR, "day %s: before the payment (%s)",
		    pm_day_fmt(day, a), pm_day_fmt(d.day, b));
	if (m == NULL) {
		st = pm_db_stmt(db, "SELECT method FROM fee_docs WHERE id = ?1");
		if (st == NULL)
			return pm_err_code();
		pm_bind_int(st, 1, d.id);
		if (sqlite3_step(st) == SQLITE_ROW)
			m = pm_vocab_word(&pm_v_fee_method,
			    pm_col_text(st, 0))->id;
		sqlite3_reset(st);
	}
	if ((rc = doc_insert(db, d.series, "refund", d.unit, -amount, m, day,
	    NULL, d.id, reason, &id, r)) != 0)
		return rc;
	/* From the receipt's credit first, then what it settled. */
	c = d.credit < amount ? d.credit : amount;
	st = pm_db_stmt(db, "UPDATE fee_docs SET credit = credit - ?2"
	    " WHERE id = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_int(st, 1, d.id);
	pm_bind_int(st, 2, c);
	if ((rc = pm_db_step_done(db, st, "refund")) != 0 ||
	    (rc = doc_lines(db, d.id, &line, &net, &n)) != 0)
		goto out;
	for (i = 0, x = amount - c; i < n && x > 0 && rc == 0; i++) {
		int64_t y = x < net[i] ? x : net[i];

		rc = fee_settle_line(db, line[i], d.id, id, "refund", -y, day);
		x -= y;
	}
	if (rc != 0 || (rc = pm_audit(db, "fee_docs", r, "refund of %s from "
	    "%s: %s", pm_money_fmt(amount, a), d.receipt, reason)) != 0 ||
	    (rc = pm_fee_settle(db, d.unit)) != 0)
		goto out;
	snprintf(out, len, "%s", r);
out:
	free(line);
	free(net);
	return rc;
}
