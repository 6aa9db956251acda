/*
 * fee.h - fees: bills, receipts, settlements, arrears, the books, and the
 * collection rates (pm-fee(1); the rules are domain/fees.md's).
 *
 * Money is int64_t fen; areas and meter readings hundredths; a rate is
 * an exact decimal kept as an integer of a fixed scale: ten-thousandths
 * of a yuan for a price (1.85 yuan/m² = 18500), basis points for a
 * share (50% = 5000), parts per million for a daily late-fee rate
 * (0.05% = 500).  No floating point is used anywhere.
 *
 * Days are civil day numbers (clock.h, pm_day_from_civil()); a bill's period
 * is a month.  What a closed period's figures are made of is kept as
 * facts posted at a time and never rewritten (schema/0009-fee.sql), and
 * every figure "as of" a moment reads only the facts posted before it,
 * so a past month's rates read the same whenever they are asked.
 *
 * The functions that change anything run inside the caller's
 * transaction and neither begin nor commit; each change writes its
 * audit rows.  Every failure records its message (err.h).
 */
#ifndef PM_FEE_H
#define PM_FEE_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "money.h"
#include "out.h"
#include "record.h"

/* The scales of the exact decimals. */
#define PM_FEE_RATE_SCALE 10000		/* a price: 1.85 = 18500 */
#define PM_FEE_BP 10000			/* a share: 100% = 10000 */
#define PM_FEE_PPM 1000000		/* a daily rate: 100% = 1000000 */

/*
 * Arithmetic (fee_calc.c): pure functions, no database.
 */

/*
 * Parse a price in yuan with up to four decimals ("1.85", "2.3500",
 * "120") into ten-thousandths (18500, 23500, 1200000).  No sign, no
 * separators, at most 100000 yuan.  Returns 0, or PM_EX_DATAERR with
 * "rate 'X': ..." recorded.
 */
int pm_fee_rate_parse(const char *s, int64_t *rate);

/* Write a price as yuan with two to four decimals: "1.85", "2.3456". */
char *pm_fee_rate_fmt(int64_t rate, char buf[PM_MONEY_LEN]);

/*
 * Parse a percentage "50%", "0.05%", "100%" with up to 'places'
 * decimals into an integer of 10^places per percent: places 2 gives
 * basis points ("50%" = 5000), places 4 parts per million ("0.05%" =
 * 500).  At most 'max' (in the same unit).  Returns 0, or PM_EX_DATAERR
 * with "WHAT 'X': ..." recorded.
 */
int pm_fee_percent_parse(const char *s, const char *what, int places,
    int64_t max, int64_t *out);

/* Write 'v' of 10^places per percent as "0.05%", "50%". */
char *pm_fee_percent_fmt(int64_t v, int places, char *buf, size_t len);

/*
 * The amount of one bill line, rounded once, half up (away from zero),
 * to the fen: quantity (hundredths) × rm / den, where rm / den is the
 * price in ten-thousandths of a yuan times the months billed (a part of
 * a month as days / days of the month, so den is that month's days, or
 * 1).  89.37 m² × 1.85 × 3 months: (8937, 18500 × 3, 1) = 49600 fen;
 * one month: 16533; 100 m² × 2.50 × 14/31: (10000, 25000 × 14, 31) =
 * 11290.  Returns 0, or PM_EX_DATAERR "amount overflow" when it does not
 * fit.
 */
int pm_fee_amount(int64_t quantity, int64_t rm, int64_t den, int64_t *fen);

/* fen × bp / 10000, half up: a share of an amount. */
int64_t pm_fee_part(int64_t fen, int64_t bp);

/* A daily late-fee rule (pm-estate(5) late_fee); daily 0: none. */
struct pm_fee_late {
	int64_t daily;		/* ppm of the unpaid amount a day */
	int grace;		/* days after the due day with no fee */
	int64_t cap;		/* bp of the line's amount, at most; -1: none */
};

/* What settled a line by a day: 'amount' fen, paid as of day 'day'. */
struct pm_fee_paid {
	int64_t day;
	int64_t amount;
};

/*
 * The late fee of one line of 'amount' fen due on day 'due', as of day
 * 'asof': simple daily interest on what is unpaid each day from the day
 * after due + grace to asof, both days in, rounded once, half up, and
 * capped.  'paid' (n of them, any order) is what settled it, each from
 * its day on (paid on a day: no fee for that day).  250.00 due
 * 2024-01-31, unpaid on 2024-03-31, 0.05%: 60 days, 750 fen.
 */
int64_t pm_fee_late_fee(const struct pm_fee_late *rule, int64_t amount,
    int64_t due, const struct pm_fee_paid *paid, int n, int64_t asof);

/*
 * Split 'total' fen among n shares in proportion to weight[i] (all >= 0,
 * not all 0) by largest remainder: each gets its whole fen, and the
 * fen left go one each to the largest remainders, the earlier first on
 * a tie; the parts add up to the total exactly.  100.00 among three
 * equal weights: 3334, 3333, 3333.  Returns 0, or PM_EX_DATAERR when the
 * weights are all 0 or it would overflow.
 */
int pm_fee_split(int64_t total, const int64_t *weight, int n, int64_t *part);

/*
 * num / den as basis points, half up: 90000/100000 = 9000, 92000/105000
 * = 8762.  Returns -1 when den is 0 (nothing to count: shown "—").
 */
int64_t pm_fee_ratio_bp(int64_t num, int64_t den);

/* num / den as "87.62%", or "—" (den 0); buf of at least 16 bytes. */
char *pm_fee_ratio_fmt(int64_t num, int64_t den, char *buf, size_t len);

/*
 * A month: "2026-03" into year and month, or the text of one.  The
 * month n months after (y, m).
 */
int pm_fee_month_parse(const char *s, int *y, int *m);
char *pm_fee_month_fmt(int y, int m, char buf[8]);
void pm_fee_month_add(int *y, int *m, int n);

/*
 * A period of whole months as pm-fee takes it: a month ("2026-03",
 * "this-month", "last-month"), a quarter ("2026-Q1") or a year
 * ("2026", "this-year", "last-year").  Sets the first month (*y, *m)
 * and how many (*n).  Returns 0 or PM_EX_USAGE "period 'X': ...".
 */
int pm_fee_period_parse(const char *s, int *y, int *m, int *n);

/*
 * A day a person gives (any form pm_time_parse() reads for a day:
 * "2026-03-18", "today", "-3d") as a day number.  Future days are
 * refused with PM_EX_DATAERR "WHAT 'X': in the future" unless 'future'.
 */
int pm_fee_day_parse(const char *s, const char *what, int future,
    int64_t *day);

/* Today, in the estate's zone (pm_now()). */
int64_t pm_fee_today(void);

/*
 * Billing (fee_bill.c).
 */

/* What a billing run did, per item; see pm_fee_bill(). */
struct pm_fee_billed {
	const char *item;
	const char *period;	/* the month billed, YYYY-MM */
	int64_t lines;		/* new lines (charges and vacancy discounts) */
	int64_t units;		/* units billed */
	int64_t amount;		/* fen, discounts netted */
	int64_t changed;	/* lines already billed that would differ now */
};

/*
 * Bill every paying unit for the months of the period starting (y, m),
 * n months (one run per month, in order): for each fee item billed by
 * area, unit or space whose billing month it is (monthly: every month;
 * quarterly: January, April, July, October; yearly: January), one line
 * per unit (per space for spaces) covering the item's months, at the
 * rate in force on each month's first day, from the handover as the
 * item's start rule says, with a vacancy discount as a line of its own
 * where the item has a vacancy rule.  A line already billed is never
 * billed again: when what it would be now differs (a rate changed
 * after billing), 'changed' is called with it, and nothing is written.
 * New lines are settled at once from the unit's credit, oldest first.
 * (A dry run is this, rolled back by the caller.)  'each'
 * is called once per item with what was billed, in item order.  One
 * audit row per month billed.
 */
int pm_fee_bill(struct pm_db *db, int y, int m, int n,
    int (*each)(const struct pm_fee_billed *b, void *arg),
    void (*changed)(const char *unit, const char *item, const char *period,
    int64_t billed, int64_t now, void *arg), void *arg);

/*
 * Record that unit 'unit' was handed over (交房) on 'day'; billing
 * starts from it as each item's start rule says.  Once per unit:
 * PM_EX_DATAERR when it has a handover day already, or bills before it.
 */
int pm_fee_handover(struct pm_db *db, const char *unit, int64_t day);

/*
 * Record that unit 'unit' is vacant (空置) from 'day' (vacant 1), or
 * was vacant until 'day' (vacant 0).  PM_EX_DATAERR when it is vacant
 * already, or not vacant, or the day is before its last change.
 */
int pm_fee_vacancy(struct pm_db *db, const char *unit, int64_t day,
    int vacant);

/*
 * Record a meter reading (hundredths) of metered item 'item' at unit
 * 'unit' on 'day', and bill the difference from the last reading at the
 * rate in force on 'day'.  The first reading only starts the meter.
 * *line is the new line's id, or 0 when nothing was billed.
 */
int pm_fee_meter(struct pm_db *db, const char *unit, const char *item,
    int64_t day, int64_t reading, int64_t *line);

/*
 * Split 'amount' fen of shared item 'item' (公摊) for month (y, m) among
 * the units that pay it, by floor area, by largest remainder; once per
 * item and month.  'each' is called once with the totals.
 */
int pm_fee_share(struct pm_db *db, const char *item, int y, int m,
    int64_t amount, int (*each)(const struct pm_fee_billed *b, void *arg),
    void *arg);

/*
 * Payments (fee_pay.c).
 */

struct pm_fee_payment {
	const char *unit;	/* as a person types it */
	int64_t amount;		/* fen, > 0 */
	const char *method;	/* cash, transfer, wechat, alipay, other (or
				   Chinese); NULL: cash */
	int64_t day;		/* when it was paid (not in the future) */
	const char *note;	/* or NULL */
	const char *series;	/* receipt series, or NULL: the default */
	const char *txn;	/* the channel's transaction id, or NULL */
	const int64_t *lines;	/* the lines it pays, in order, or NULL: the
				   oldest open lines first */
	int nlines;
};

/*
 * Record a payment: it settles the named lines, or the unit's oldest
 * open lines first, and keeps the rest as credit, which must stay
 * within the estate's prepayment cap (fee settings prepay_months ×
 * the unit's monthly fees).  The receipt is the series' next number;
 * its text goes to 'receipt' (len bytes).  Fails with PM_EX_DATAERR for
 * an amount that is not positive, a line that is not the unit's or is
 * settled, credit beyond the cap, a transaction id recorded already;
 * PM_EX_NOINPUT for no such unit, line or series.
 */
int pm_fee_pay(struct pm_db *db, const struct pm_fee_payment *p,
    char *receipt, size_t len);

/*
 * Void receipt 'receipt' (a payment): it keeps its number, with the
 * reason; what it settled is open again (negative settlements posted
 * now), and the unit's other credit settles what it can.  Fails for a
 * refund, a receipt voided already or with refunds.
 */
int pm_fee_void(struct pm_db *db, const char *receipt, const char *reason);

/*
 * Give back 'amount' fen (0: all that is left) of payment 'receipt': a
 * refund receipt of the same series, negative, linked to it, taken from
 * what of the payment is still credit first, then from what it settled,
 * the newest line first (those lines are open again).  Its text goes to
 * 'out'.
 */
int pm_fee_refund(struct pm_db *db, const char *receipt, int64_t amount,
    const char *method, int64_t day, const char *reason, char *out,
    size_t len);

/*
 * Spend the credit of unit 'unit' on its open lines, oldest credit on
 * the oldest line.  Called after anything that opens lines or adds
 * credit.
 */
int pm_fee_settle(struct pm_db *db, const char *unit);

/*
 * Statement imports (fee_import.c).
 */

/* A statement's format: the channel, or a bank's code from the estate. */
enum pm_fee_channel {
	PM_FEE_WECHAT,
	PM_FEE_ALIPAY,
	PM_FEE_BANK
};

/* One line of a statement as it was read (fee_import.c). */
struct pm_fee_stmt_line {
	int line;		/* in the file */
	const char *txn;	/* the channel's transaction id */
	int64_t day;
	int64_t amount;		/* fen, > 0: money in */
	const char *reference;	/* the text that names the unit */
	const char *payer;
};

/*
 * Import the statement at 'path' ("-": stdin), in 'format' ("wechat",
 * "alipay", a bank format's code from the estate file, or NULL to tell
 * WeChat and Alipay by their first lines).  The whole file is read and
 * checked first: any line that does not parse is reported (with its
 * line number, up to 20 of them) and nothing is imported.  Each line of
 * money received whose transaction id is new and whose reference names
 * a unit becomes a payment (pm_fee_pay(), oldest lines first), in one
 * transaction; one already recorded is skipped; one that names no unit,
 * or would leave credit beyond the cap, is passed to 'unmatched' with
 * why, and left for a person.  'receipt' is called with each receipt
 * after the commit.  *nunmatched counts the unmatched.  With 'dry'
 * nothing is kept.
 */
int pm_fee_import(struct pm_db *db, const char *path, const char *format,
    int dry, void (*report)(const char *msg, void *arg),
    void (*unmatched)(const struct pm_fee_stmt_line *l, const char *why,
    void *arg), int (*receipt)(const char *receipt, void *arg), void *arg,
    int *nunmatched);

/*
 * Read a WeChat Pay ("wechat", the default) or Alipay ("alipay")
 * statement from 'fp' and check each row as pm_fee_import() does, with
 * no database: 0, or the first error (for the fuzzer).
 */
int pm_fee_stmt_check(FILE *fp, const char *name, const char *format);

/*
 * Decode GBK (Alipay's statements) into UTF-8 (fee_gbk.c): 'len' bytes
 * at 'in' into 'out' (room for 3 × len + 1 bytes), NUL-terminated.
 * Returns the bytes written, or -1 - OFFSET at the first byte that is
 * not GBK (a lone lead byte, an unassigned pair).
 */
long pm_fee_gbk_to_utf8(const char *in, size_t len, char *out);

/*
 * Reports (fee_report.c).
 */

/*
 * The collection rates of a period of whole months starting (y, m), n
 * months, as of 'asof' (the period's end, or now when that is earlier):
 *
 *   billed     this period's lines posted by asof (discounts netted)
 *   collected  what settled them, posted by asof, net of voids and
 *              refunds (vacancy discounts are not money)
 *   arrears    what of earlier periods' lines was open at the period's
 *              start, as posted by then
 *   recovered  what settled those, posted within the period up to asof
 *
 * Credit that settles nothing counts nowhere (prepayments excluded).
 * current = collected / billed, recovery = recovered / arrears,
 * combined = (collected + recovered) / (billed + arrears).
 */
struct pm_fee_rates {
	const char *building;	/* NULL: the public areas, or overall */
	int64_t billed, collected, arrears, recovered;
};

/*
 * Call 'each' for each building with lines in question (in natural
 * order), then once with building "" for the whole estate.  A past
 * period gives the same figures whenever it is asked.
 */
int pm_fee_rates(struct pm_db *db, int y, int m, int n, pm_time asof,
    int (*each)(const struct pm_fee_rates *r, void *arg), void *arg);

/* The overall rates alone, for pm-report. */
int pm_fee_rates_total(struct pm_db *db, int y, int m, int n, pm_time asof,
    struct pm_fee_rates *r);

/* What a unit owes as of a day, by age (days past due). */
enum {
	PM_FEE_AGE_30,		/* 0-30 days */
	PM_FEE_AGE_90,		/* 31-90 */
	PM_FEE_AGE_180,		/* 91-180 */
	PM_FEE_AGE_365,		/* 181-365 */
	PM_FEE_AGE_OVER,	/* more than a year */
	PM_FEE_NAGES
};

struct pm_fee_arrears {
	const char *unit;
	const char *building;
	const char *owner;
	const char *phone;
	int months;		/* months with a line past due and open */
	char oldest[8];		/* the oldest such month, "2026-03" */
	int64_t age[PM_FEE_NAGES];
	int64_t total;
	int64_t late_fee;	/* as of the day, where the items have one */
};

/*
 * Each unit with lines past due and open at the end of local day 'day'
 * (known by then), with at least 'min_months' months of them (0 or 1:
 * any), of building 'building' (NULL: all), in natural order of units.
 */
int pm_fee_arrears(struct pm_db *db, int64_t day, int min_months,
    const char *building,
    int (*each)(const struct pm_fee_arrears *a, void *arg), void *arg);

/*
 * The same units as pm_fee_arrears() of all buildings, with their months,
 * oldest month and total, but neither ages nor late fees (zero): what
 * the dunning list and its count need, summed by SQL a unit at a time.
 */
int pm_fee_owing(struct pm_db *db, int64_t day, int min_months,
    int (*each)(const struct pm_fee_arrears *a, void *arg), void *arg);

/*
 * The arrears as rows of pm_fee_arrears_cols (phones masked unless
 * 'reveal'); for people, a last row of totals (its months column is the
 * number of units).
 */
extern const struct pm_col pm_fee_arrears_cols[];
extern const int pm_fee_arrears_ncols;
int pm_fee_arrears_rows(struct pm_db *db, int64_t day, int min_months,
    const char *building, int reveal, struct pm_out *o);

/*
 * How many months owed make a defaulter persistent (the dunning list of
 * pm-report): the estate's fees persistent_after (pm-estate(5)), 1 to
 * PM_FEE_PERSISTENT_MAX, or PM_FEE_PERSISTENT_DEFAULT when it names
 * none (pm's choice: the plans name no number); as it stood at
 * 'as_of' (versions.h).
 */
#define PM_FEE_PERSISTENT_DEFAULT 3
#define PM_FEE_PERSISTENT_MAX 120
int pm_fee_persistent_after(struct pm_db *db, pm_time as_of, int *months);

/* How many units owe 'min_months' months or more at the end of 'day'. */
int pm_fee_defaulters(struct pm_db *db, int64_t day, int min_months,
    int64_t *count);

/*
 * Unit 'unit's account up to the end of day 'day': each bill line,
 * payment, void and refund, oldest first, with the running balance
 * (owed > 0, credit < 0), then the late fee as of the day where there
 * is one; written to 'o' made with pm_fee_statement_cols.
 */
extern const struct pm_col pm_fee_statement_cols[];
extern const int pm_fee_statement_ncols;
int pm_fee_statement(struct pm_db *db, const char *unit, int64_t day,
    struct pm_out *o);

/* The rows of "pm-fee rate": pm_fee_rate_cols. */
extern const struct pm_col pm_fee_rate_cols[];
extern const int pm_fee_rate_ncols;
int pm_fee_rate_rows(struct pm_db *db, int y, int m, int n, pm_time asof,
    struct pm_out *o);

/*
 * The books (fee_ledger.c).
 */

/* Record an income or expense of a book; its id goes to *id. */
struct pm_fee_entry {
	const char *kind;	/* "income" or "expense" */
	const char *book;
	const char *category;
	int64_t amount;		/* fen, > 0 */
	const char *party;	/* who paid, or was paid */
	int64_t day;
	const char *note;
};
int pm_fee_entry_add(struct pm_db *db, const struct pm_fee_entry *e,
    int64_t *id);

/*
 * The ledger of a period: per book, the money received for each fee
 * item (by the day it was paid), prepayments, refunds, the book's other
 * income and its expenses by category, and the balance.
 */
extern const struct pm_col pm_fee_ledger_cols[];
extern const int pm_fee_ledger_ncols;
int pm_fee_ledger(struct pm_db *db, int y, int m, int n, struct pm_out *o);

/*
 * The public statement (收支公示) of a period: as text for a notice
 * board to 'fp', or as rows for the accountant to 'o' (when 'o' is not
 * NULL): pm_fee_disclose_cols.
 */
extern const struct pm_col pm_fee_disclose_cols[];
extern const int pm_fee_disclose_ncols;
int pm_fee_disclose(struct pm_db *db, int y, int m, int n, FILE *fp,
    struct pm_out *o);

/*
 * Record types (fee_list.c): items, bill lines, receipts and parking
 * spaces, for list and show.
 */
extern const struct pm_rtype pm_fee_item_type;
extern const struct pm_rtype pm_fee_line_type;
extern const struct pm_rtype pm_fee_receipt_type;
extern const struct pm_rtype pm_fee_space_type;

/* The vocabularies of fees (vocab.c). */

#endif
