/*
 * visit.h - walk visits (走访): customer-service staff visit households,
 * meet someone, note the owner's satisfaction and what was raised; the
 * quota of visits (5 households a working day for each administrator, 5
 * a month for the manager, as the estate file's visit_quotas say); the
 * households to visit next.
 *
 * A visit is a record kept as facts (people.h): corrections and voids
 * are new versions, never changes.  The functions that write run inside
 * the caller's transaction as the acting staff member (db->user) at
 * pm_now(), and write one audit row each.
 *
 * Errors (recorded with pm_err):
 *   PM_EX_DATAERR  bad input: a public area for a household, a retired
 *                  unit or staff member, a time in the future, a word
 *                  not in its list, text with control characters, a
 *                  matter raised with no category
 *   PM_EX_NOINPUT  no such unit, staff member, category or visit
 *   others         from pm_db_error()
 */
#ifndef PM_VISIT_H
#define PM_VISIT_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "out.h"
#include "people.h"
#include "record.h"

/*
 * What a visit says.  For a new visit NULL fields are not known; for a
 * correction NULL keeps the field as it was and "" clears it (a matter
 * raised and its category are cleared together).
 */
struct pm_visit {
	const char *unit;	/* a household: a unit, not a public area */
	const char *staff;	/* who visited (NULL: the acting member) */
	pm_time at;		/* when, to the minute (0: now) */
	const char *met;	/* whom they met: 业主, 家属, 租户 */
	const char *satisfaction; /* satisfied, basic, dissatisfied */
	const char *raised;	/* a matter for the desk ... */
	const char *category;	/* ... and its ticket category */
	const char *note;
};

/* Add a visit; sets *id, the new record's id. */
int pm_visit_add(struct pm_db *db, const struct pm_visit *v, int64_t *id);

/*
 * Correct visit 'key' ("12"): a new version with the fields 'v' sets
 * (see struct pm_visit) and the rest as they were, and 'reason'.
 */
int pm_visit_correct(struct pm_db *db, const char *key,
    const struct pm_visit *v, const char *reason);

/* The visits' table of versions, for pm_fact_void() and friends. */
extern const struct pm_fact pm_visit_fact;

/*
 * The record types: visits (the current version of each, not voided),
 * and every version of visits (history).
 */
extern const struct pm_rtype pm_visit_type;
extern const struct pm_rtype pm_visit_version_type;

/*
 * The matters raised at visits since 'since' that no ticket has yet
 * (unless 'all'), as pm-ticket import reads them: category, unit,
 * description, source ("visit"), received (the visit's time) and
 * receiver (who visited).  A ticket made from one has the visit's unit,
 * category and time, source "visit" and the visitor as receiver; that
 * is how a visit is known to have its ticket, so running it twice
 * imports each matter once.
 */
extern const struct pm_col pm_visit_raised_cols[];
extern const int pm_visit_raised_ncols;
int pm_visit_raised(struct pm_db *db, pm_time since, int all,
    struct pm_out *o);

/*
 * The quota (DESIGN.md section 6, walk visits): what each staff member
 * owed and made in the local period [from, to), from the visits
 * recorded by 'as_of'.
 *
 * Daily quotas: on each day of the period that has begun by now (a
 * working day of the estate's calendar, or every day for days: all),
 * each staff member who was on the staff at the day's start with a
 * department and role that a quota names owes its households that day.
 * 'visited' counts the different households they visited each day,
 * summed; 'credited' counts at most the day's quota each day, so extra
 * visits on one day do not make up for another.
 *
 * Monthly quotas: for each calendar month wholly inside the period,
 * each staff member on the staff at its start with a role a monthly
 * quota names owes its households; 'visited' counts the different
 * households of the month, 'credited' at most the quota.
 *
 * A department's own quota for a role replaces the quota of any
 * department for it; a quota holds from its day (from_day) until a
 * later one of the same department, role and period replaces it.
 */
struct pm_visit_quota_row {
	const char *login;	/* NULL for the total row */
	const char *name;
	const char *per;	/* "day", "month"; NULL for the total */
	int days;		/* days owed (daily quotas) */
	int64_t owed, visited, credited;
};

/*
 * Call 'fn' with each staff member's row (by login, daily before
 * monthly), then the total; stops at the first non-zero return.
 * *short_ is set to whether anyone was short (credited < owed).
 */
int pm_visit_quota(struct pm_db *db, pm_time from, pm_time to,
    pm_time as_of, int (*fn)(const struct pm_visit_quota_row *, void *),
    void *arg, int *short_);

extern const struct pm_col pm_visit_quota_cols[];
extern const int pm_visit_quota_ncols;

/* Write a quota row in the columns of pm_visit_quota_cols. */
void pm_visit_quota_put(struct pm_out *o, const struct pm_visit_quota_row *r);

/*
 * The households to visit next (抓两头带中间): every occupied or rented
 * unit (of 'building', NULL for all) whose latest reading since 'since'
 * was dissatisfied, first, the longest waiting first; then those not
 * visited since 'since', the longest unvisited first.  A reading is a
 * ticket's callback, a survey answer (its worst grade) or a visit (its
 * satisfaction, or none, which takes the household off the dissatisfied
 * list: it has been seen).
 */
struct pm_visit_todo_row {
	const char *unit, *owner, *phone;
	const char *reason;	/* "dissatisfied", "not_visited" */
	const char *source;	/* "callback", "survey", "visit"; NULL */
	pm_time reading_at;	/* the dissatisfied reading, or 0 */
	pm_time last_visit;	/* 0: never */
};

int pm_visit_todo(struct pm_db *db, const char *building, pm_time since,
    int (*fn)(const struct pm_visit_todo_row *, void *), void *arg);

extern const struct pm_col pm_visit_todo_cols[];
extern const int pm_visit_todo_ncols;

#endif
