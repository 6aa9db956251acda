/*
 * kpi.h - the KPIs of DESIGN.md section 6: the period a report covers,
 * the figures that sources count in it, their targets, and the records
 * behind each figure.
 *
 * A figure is a numerator over a denominator (57 repairs on time of 60
 * due), never a bare rate, so anyone can check it; a denominator of 0
 * means there was nothing to count, shown as "—", never as 0% or 100%.
 * Rates are compared with targets exactly, in integers: a figure misses
 * its target when num * 10000 < target * den (targets in basis points).
 *
 * Where the figures come from: a source (struct pm_kpi_source) counts
 * one or more figures of a period from one part of the database, the
 * tickets, the bills, the inspections, and lists the records behind any
 * of them.  pm_kpi_sources[] (kpi.c) lists the sources in report order;
 * the report shows the figures of the sources listed, nothing else, so
 * adding a source is one file of functions over its tool's library and
 * one line there (see pm-report(1) and the README).
 *
 * Every figure of a closed period is computed from facts as of the
 * period's end (events and first values nothing rewrites, dated state
 * histories), so it reads the same whenever it is asked: a source must
 * never read a "now" column for a period that has ended.
 */
#ifndef PM_KPI_H
#define PM_KPI_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "db.h"

/*
 * A period of a report: the half-open local interval [from, to) of
 * 'kind', and the moment the facts are read as of.  'cut' is 'to' for a
 * period that has ended, and one second after now while it runs: only
 * what happened before 'cut' counts.
 */
struct pm_period {
	enum pm_period_kind kind;
	pm_time from, to;
	pm_time cut;
	int running;		/* now is inside it */
	char name[PM_PERIOD_NAME_LEN];	/* "2026-11", "2026-W48", ... */
};

/*
 * The last moment a fact of 'p' may be recorded at (cut less a second):
 * what the records, quotas, targets and settings of 'p' are read as of.
 */
pm_time pm_period_as_of(const struct pm_period *p);

/* The period of 'kind' holding 't', as of pm_now(). */
void pm_period_set(struct pm_period *p, enum pm_period_kind kind, pm_time t);

/*
 * Parse what a person names a period of 'kind' by: its own form
 * ("2026-11-23", "2026-W48", "2026-11", "2026-Q4", "2026"), any day
 * pm_time_parse() takes ("yesterday", "-3d", "2026-11-15": the period
 * holding it), "this" (the period holding now) or "last" (the one
 * before).  NULL is "last": the last complete period, what a report
 * mailed by cron in the morning is about.  Returns 0, or PM_EX_USAGE
 * ("period 'X': not a month (...)") for a form of another length or no
 * period at all, PM_EX_DATAERR for a period that has not begun.
 */
int pm_period_parse_kind(struct pm_period *p, enum pm_period_kind kind,
    const char *s);

/*
 * Parse a period whose form says its length: a day in any form
 * pm_time_parse() takes for days, "2026-W48", "2026-11", "2026-Q4",
 * "2026", or pm_period_parse()'s words ("this-month", "last-week").
 * Errors as pm_period_parse_kind().
 */
int pm_period_parse_any(struct pm_period *p, const char *s);

/* The period before 'p' and of its length, as of pm_now(). */
void pm_period_prev(struct pm_period *p);

/* What a figure counts. */
enum pm_kpi_unit {
	PM_KPI_COUNT,	/* records: "57/60" */
	PM_KPI_FEN,	/* money in fen, shown in yuan: "1200.50/1400.00" */
	PM_KPI_AREA	/* floor area in hundredths of a m²: "8950.00/9120.50" */
};

/* A target: basis points (95% = 9500), or one of these. */
#define PM_KPI_NO_TARGET (-1)
#define PM_KPI_ESTATE (-2)	/* a source's figure: the estate's kpi_targets */

/* One figure of a period, as a source counted it. */
struct pm_kpi_fig {
	const char *kpi;	/* its key: "repair_timeliness" */
	const char *label;	/* its name for people, or NULL for the
				   label of 'kpi' in pm_v_kpi */
	enum pm_kpi_unit unit;
	int64_t num, den;	/* den 0: nothing to count */
	int target;		/* basis points, PM_KPI_NO_TARGET, or (from
				   a source) PM_KPI_ESTATE */
};

/*
 * One record behind a figure, for "pm-report explain": its id, what it
 * adds to the numerator and to the denominator (0 when it is out of
 * either), why (a word of pm_v_kpi_reason), and the deadline and the
 * moment that decided it, each 0 when it has none.
 */
struct pm_kpi_rec {
	const char *record;
	int64_t num, den;
	const char *reason;
	pm_time due, at;
};

/*
 * A count behind the figures, for the report's table of counts
 * ("inspections done 42", "billed 125000.00"): what happened in the
 * period, or what stood at its end, as of p->cut.
 */
struct pm_kpi_tally {
	const char *label;	/* N_(), translated when shown */
	enum pm_kpi_unit unit;
	int64_t n;
};

/*
 * An entry of a list a manager acts on ("Overdue maintenance", "Quotas
 * missed", "Persistent defaulters"), as it stood at the period's end:
 * the list (one of its source's 'lists', by pointer), the record, what
 * it is in the reader's language, what was done of what was owed (-1
 * each where it has no such numbers), the deadline and when it was last
 * done (0: none); or, in a list of money owed, the months owed, the
 * amount in fen and the oldest month unpaid ("2026-07").
 */
struct pm_kpi_item {
	const char *list;
	const char *record;
	const char *what;
	int64_t done, owed;
	pm_time due, last;
	int64_t months, amount;
	const char *oldest;
};

/* What the entries of a list give, and the report shows. */
enum pm_kpi_list_kind {
	PM_KPI_LIST_WORK,	/* done, owed, due, last */
	PM_KPI_LIST_OWING	/* months, amount, oldest */
};

typedef int (*pm_kpi_fig_fn)(const struct pm_kpi_fig *f, void *arg);
typedef int (*pm_kpi_rec_fn)(const struct pm_kpi_rec *r, void *arg);
typedef int (*pm_kpi_tally_fn)(const struct pm_kpi_tally *t, void *arg);
typedef int (*pm_kpi_item_fn)(const struct pm_kpi_item *it, void *arg);

/*
 * A source of figures.
 *
 * count    give 'fig' each figure of period 'p', in report order, with
 *          the target PM_KPI_ESTATE (the framework looks it up in
 *          kpi_targets) or its own (a survey line's); stop at the first
 *          non-zero return of 'fig' and return it.
 * explain  give 'rec' each record that counts in figure 'kpi' of 'p',
 *          and each that a reader could expect to and does not, with
 *          why; in the order of their ids.
 * owns     whether 'kpi' is one of its figures; NULL: whether it is one
 *          of 'kpis'.  For a source whose figures the database names
 *          (one per survey line).
 * tallies  give 'fn' the counts behind its figures, in report order;
 *          NULL when it has none (the tickets' counts have tables of
 *          their own).
 * items    give 'fn' the entries of its lists ('lists': their titles,
 *          N_(), NULL-ended; both NULL when it has none), list by list;
 *          'kinds' the kind of each list, or NULL: each of the work.
 *
 * Each returns 0 or a status with its message recorded.  A source reads
 * only facts as of p->cut (see above).
 */
struct pm_kpi_source {
	const char *name;		/* what it counts: "tickets" */
	const char *const *kpis;	/* its figures' keys, NULL-ended */
	int (*count)(struct pm_db *db, const struct pm_period *p,
	    pm_kpi_fig_fn fig, void *arg);
	int (*explain)(struct pm_db *db, const struct pm_period *p,
	    const char *kpi, pm_kpi_rec_fn rec, void *arg);
	int (*owns)(struct pm_db *db, const char *kpi);
	int (*tallies)(struct pm_db *db, const struct pm_period *p,
	    pm_kpi_tally_fn fn, void *arg);
	const char *const *lists;
	const enum pm_kpi_list_kind *kinds;
	int (*items)(struct pm_db *db, const struct pm_period *p,
	    pm_kpi_item_fn fn, void *arg);
};

/* The sources, in report order, NULL-ended (kpi.c). */
extern const struct pm_kpi_source *const pm_kpi_sources[];

/* The tickets' figures (kpi_ticket.c). */
extern const struct pm_kpi_source pm_kpi_tickets;
/* Facilities and housing, from pm-inspect's facts (kpi_inspect.c). */
extern const struct pm_kpi_source pm_kpi_inspect;
/* The collection rates, from pm-fee's (kpi_fee.c). */
extern const struct pm_kpi_source pm_kpi_fee;
/* Visits, training and surveys, from the people tools' (kpi_people.c). */
extern const struct pm_kpi_source pm_kpi_people;

/*
 * Every figure of every source for period 'p', each with its target
 * resolved (PM_KPI_ESTATE looked up in kpi_targets; a KPI with no row
 * there, or a NULL target, has none), given to 'fn' in report order.
 */
int pm_kpi_count(struct pm_db *db, const struct pm_period *p,
    pm_kpi_fig_fn fn, void *arg);

/*
 * The records behind figure 'kpi' of 'p' (its key, or its name in either
 * language), given to 'fn', after 'head' (may be NULL: the records
 * alone) is given the figure itself, with nothing to count when its
 * source names it but did not count it in 'p'.  A KPI no source counts
 * is PM_EX_DATAERR ("kpi 'X': unknown KPI (choose ...)", naming those
 * that are counted).
 */
int pm_kpi_explain(struct pm_db *db, const struct pm_period *p,
    const char *kpi, pm_kpi_fig_fn head, void *headarg, pm_kpi_rec_fn fn,
    void *arg);

/* Every source's counts for period 'p', in report order. */
int pm_kpi_tallies(struct pm_db *db, const struct pm_period *p,
    pm_kpi_tally_fn fn, void *arg);

/*
 * The estate's target of 'kpi' in basis points, or PM_KPI_NO_TARGET, as
 * it stood at 'as_of' (versions.h): a period's is the one at its cut.
 */
int pm_kpi_target(struct pm_db *db, const char *kpi, pm_time as_of,
    int *target);

/* Whether 'f' has something to count, a target, and falls short of it. */
int pm_kpi_misses(const struct pm_kpi_fig *f);

/*
 * Text for people and programs, written into 'buf' (at least
 * PM_KPI_TEXT_LEN bytes), which is returned:
 *
 *   pm_kpi_rate     the rate in percent with one decimal, rounded half
 *                   up ("95.0"), or NULL when there is nothing to count
 *   pm_kpi_amount   one side of a figure in its unit: "57", "1200.50"
 *   pm_kpi_figure   "57/60", "1200.50/1400.00"
 *   pm_kpi_percent  a target: "95", "99.5", "99.25"; NULL for none
 *   pm_kpi_label    the figure's name for people: its own label, or
 *                   its key's Chinese name in pm_v_kpi for a Chinese
 *                   reader, the key with spaces for an English one
 */
#define PM_KPI_TEXT_LEN 72
char *pm_kpi_rate(int64_t num, int64_t den, char *buf);

/*
 * The rate in tenths of a percent, rounded half up: 57 of 60 is 950
 * (95.0%); -1 when 'den' is 0.  The one rounding of every tool's rates.
 */
int64_t pm_rate_tenths(int64_t num, int64_t den);
char *pm_kpi_amount(enum pm_kpi_unit unit, int64_t v, char *buf);
char *pm_kpi_figure(const struct pm_kpi_fig *f, char *buf);
char *pm_kpi_percent(int target, char *buf);
const char *pm_kpi_label(const struct pm_kpi_fig *f, char *buf);

/* Column 'i' of a row, a UTC time as stored, or 0 when it is NULL. */
pm_time pm_kpi_col_time(sqlite3_stmt *st, int i);

/* "count", "yuan" or "m2": the unit's name for programs. */
const char *pm_kpi_unit_name(enum pm_kpi_unit unit);

#endif
