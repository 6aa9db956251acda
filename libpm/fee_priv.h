/*
 * fee_priv.h - what the fee modules share inside libpm: an item's rules
 * as stored, rates by day, the unit a person names, posting times, and
 * the settlement primitive every payment, credit, void and refund goes
 * through.
 */
#ifndef PM_FEE_PRIV_H
#define PM_FEE_PRIV_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "fee.h"

#define FEE_CODE_MAX 72
#define FEE_RECEIPT_MAX 96	/* a series prefix and a number */

/* A fee item as fee_items holds it. */
struct fee_item {
	char code[FEE_CODE_MAX];
	char name[256];
	char book[FEE_CODE_MAX];
	char basis[8];		/* area unit space meter shared */
	int months;		/* a line covers 1, 3 or 12 months */
	int due_day;		/* 1..31, clamped to the month */
	int prorate;		/* start rule: prorate, else next-month */
	int vacancy_after;	/* 0: no vacancy rule */
	int64_t vacancy_pays;	/* bp */
	struct pm_fee_late late;
	int retired;
};

/* Read item 'code' (as stored); PM_EX_NOINPUT "fee item 'X': no such item". */
int fee_item_get(struct pm_db *db, const char *code, struct fee_item *it);

/*
 * The rate of item 'item' in force on 'day' into *rate; *found 0 when
 * none is (the item's first rate starts later).
 */
int fee_rate_on(struct pm_db *db, const char *item, int64_t day,
    int64_t *rate, int *found);

/*
 * The unit a person names ("３－１－５０２"), a unit (not a public area)
 * that has not retired, into 'code' (FEE_CODE_MAX); its building into
 * 'building' when not NULL.
 */
int fee_unit_get(struct pm_db *db, const char *input, char *code,
    char *building);

/* The time facts are posted at: pm_now() as database text. */
const char *fee_posted(void);

/* The local day a posted time falls on. */
int64_t fee_posted_day(const char *posted);

/* Day 'd' of month (y, m), clamped to the month's last day. */
int64_t fee_month_day(int y, int m, int d);

/* A setting of the fees section (meta fee_*), or 'dflt'. */
int fee_setting_int(struct pm_db *db, const char *key, int dflt, int *out);

/*
 * Settle 'amount' fen of line 'line' (fee_allocs), posted now: from
 * receipt 'doc' (0: none, a discount), by refund 'by_doc' (0: none),
 * for 'cause' (pay, credit, discount, void, refund), paid as of
 * 'value_day'.  The line's paid and paid_at follow; a pay or credit
 * settlement spends the receipt's credit.
 */
int fee_settle_line(struct pm_db *db, int64_t line, int64_t doc,
    int64_t by_doc, const char *cause, int64_t amount, int64_t value_day);

/* The receipt of 'doc' is read by fee_pay.c and fee_report.c alike. */
struct fee_doc {
	int64_t id;
	char receipt[FEE_RECEIPT_MAX];
	char kind[8];
	char unit[FEE_CODE_MAX];
	char series[FEE_CODE_MAX];
	int64_t amount, credit, day;
	int voided;
	int64_t refunded;	/* fen given back by refunds (> 0) */
};

int fee_doc_get(struct pm_db *db, const char *receipt, struct fee_doc *d);

#endif
