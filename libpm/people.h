/*
 * people.h - what the people-side tools share (pm-visit, pm-train,
 * pm-survey, pm-duty, pm-gate): records kept as facts with versions,
 * rates with their numerator and denominator, the staff roster as it
 * stood on a day, and local days and weeks.
 *
 * Records as facts.  Every record table of the people side (schema
 * 0006) keeps each version of a record as a row of its own and is
 * append-only.  A record is known by its id, the id of its first
 * version; a correction adds the next version with the new values, a
 * void adds one marked voided.  The current version is the highest.  A
 * figure "as of" a moment reads only the versions recorded by then, so
 * a closed month's figure can be made again exactly as it was reported,
 * whatever was corrected since; by default it is read as of now.
 */
#ifndef PM_PEOPLE_H
#define PM_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "clock.h"
#include "db.h"
#include "kpi.h"
#include "out.h"

/*
 * The SQL condition "row A of versioned table T is the current version
 * of its record, and not voided": as of now (lists), or as of the
 * moment bound to parameter P (figures), when versions recorded later
 * do not count.  A, T and P are string literals: "v", "visits", "?3".
 */
#define PM_FACT_NOW(a, t) \
	"(" a ".voided = 0 AND NOT EXISTS (SELECT 1 FROM " t " n_" \
	" WHERE n_.record = " a ".record AND n_.version > " a ".version))"
#define PM_FACT_ASOF(a, t, p) \
	"(" a ".voided = 0 AND " a ".recorded_at <= " p \
	" AND NOT EXISTS (SELECT 1 FROM " t " n_ WHERE n_.record = " a \
	".record AND n_.version > " a ".version AND n_.recorded_at <= " p "))"

/*
 * A table of versioned records.  'cols' are its own columns (all but
 * id, record, version, voided, reason, recorded_at, recorded_by),
 * comma-separated, in the order its writers bind them.
 */
struct pm_fact {
	const char *table;	/* "visits" */
	const char *what;	/* N_("visit"), for messages */
	const char *cols;	/* "unit, staff, at, ..." */
	const char *list_cmd;	/* "pm-visit list", for the hint */
};

/* The current version of a record, as pm_fact_find() finds it. */
struct pm_fact_ref {
	int64_t record;		/* the record's id */
	int64_t row;		/* the row of its current version */
	int version;
};

/*
 * Find record 'key' ("12", "#12") of 'f': its current version into
 * 'ref'.  PM_EX_DATAERR when 'key' is not an id, PM_EX_NOINPUT "visit
 * '12': no such visit" when there is no such record, PM_EX_DATAERR
 * "visit '12': voided (REASON)" when it was voided: a voided record
 * cannot be corrected, nor voided again.
 */
int pm_fact_find(struct pm_db *db, const struct pm_fact *f, const char *key,
    struct pm_fact_ref *ref);

/*
 * The id the next row of 'f' gets: a first version's record is its own
 * id, so the row is written with both at once.
 */
int pm_fact_next_id(struct pm_db *db, const struct pm_fact *f, int64_t *id);

/*
 * Void record 'ref' of 'f': a new version, a copy of the current one
 * marked voided with 'reason' (required, one line), recorded now by the
 * acting staff member, and its audit row.  Inside the caller's
 * transaction.
 */
int pm_fact_void(struct pm_db *db, const struct pm_fact *f,
    const struct pm_fact_ref *ref, const char *reason);

/*
 * The bookkeeping columns of a new version: binds ?1 the row id, ?2 the
 * record, ?3 the version, ?4 recorded_at (now), ?5 recorded_by (the
 * acting staff member), ?6 the reason (NULL for a first version); the
 * caller binds its own columns from ?7 on.
 */
void pm_fact_bind(struct pm_db *db, sqlite3_stmt *st, int64_t row,
    int64_t record, int version, const char *reason);

/*
 * The per-id verb "void --reason text id ...": each record of 'f' named
 * voided in one transaction, the ids printed once committed.  For the
 * tools' verb tables.
 */
int pm_fact_void_cmd(struct pm_cli *cli, int argc, char **argv,
    const struct pm_fact *f);
extern const struct pm_opt pm_fact_void_opts[];

/*
 * The rest of a verb "correct [options] --reason text id", once the
 * tool has read its options: the reason required, one id, 'correct'
 * called with it in one transaction, the id printed once committed.
 */
int pm_fact_correct_cmd(struct pm_cli *cli, int argc, char **argv,
    const char *reason,
    int (*correct)(struct pm_db *db, const char *id, void *arg), void *arg);

/*
 * Rates (DESIGN.md section 6): a numerator, a denominator and a target
 * in basis points (95% = 9500; -1 for none).  A rate with nothing to
 * count (den 0) is shown as "—", never as 0% or 100%.
 */
struct pm_rate {
	int64_t num, den;
	int target;
};


/*
 * Whether the rate meets its target, compared exactly (num / den >=
 * target / 10000, not the rounded figure): 1, 0, or -1 when there is
 * no target or nothing to count.
 */
int pm_rate_met(const struct pm_rate *r);

/* "57/60 95.0%", or "—" when den is 0.  Returns buf. */
char *pm_rate_text(const struct pm_rate *r, char *buf, size_t len);

/* Write the percentage alone ("95.0"; NULL when den is 0). */
void pm_out_percent(struct pm_out *o, const struct pm_rate *r);

/*
 * Write the rate's fields: the percentage ("95.0", NULL when den is 0)
 * and the target ("95.0", NULL for none) as PM_COL_NUM columns, and
 * whether it is met (1, 0, NULL) as PM_COL_INT.
 */
void pm_out_rate(struct pm_out *o, const struct pm_rate *r);

/* Basis points as a percentage with one decimal: "95.0". */
char *pm_bp_text(int bp, char *buf, size_t len);

/*
 * The roster: who held which department and role, from pm-db apply's
 * changes (the staff_history table), so that a closed month's quotas
 * are owed by that month's staff.  Loaded once; small (a row per staff
 * change).
 */
struct pm_roster;

int pm_roster_load(struct pm_db *db, struct pm_roster **out);
void pm_roster_free(struct pm_roster *r);

/* The number of staff members known, and staff i's login and name. */
int pm_roster_count(const struct pm_roster *r);
const char *pm_roster_login(const struct pm_roster *r, int i);
const char *pm_roster_name(const struct pm_roster *r, int i);

/* The index of 'login', or -1. */
int pm_roster_find(const struct pm_roster *r, const char *login);

/*
 * Whether staff member i was on the staff at moment t (added by then
 * and not retired), with their department and role then.  Staff with no
 * history (written to the database by other means) are taken as they
 * are now at every moment.
 */
int pm_roster_at(const struct pm_roster *r, int i, pm_time t,
    const char **department, const char **role);

/*
 * The first moment staff member i was on the staff (0 when always).
 */
pm_time pm_roster_since(const struct pm_roster *r, int i);

/* The ISO weekday of the local day holding t: 1 Monday ... 7 Sunday. */
int pm_weekday(pm_time t);

/* The start of the local week (Monday) holding t. */
pm_time pm_week_start(pm_time t);

/*
 * A period as the figures take it, [*from, *to) of local time, from
 * 'arg' (NULL: 'dflt'): what pm_period_parse() reads.  A period that
 * begins after now is PM_EX_DATAERR "period 'X': in the future".
 */
int pm_people_period(const char *arg, const char *dflt, pm_time *from,
    pm_time *to);

/*
 * Check a line of text a person typed for field 'what' (one line,
 * 'max' bytes at most; PM_TEXT_LINES in 'flags' allows several), as
 * pm_text_check() does.  NULL passes.
 */
int pm_people_text(const char *what, const char *s, size_t max, int flags);

/*
 * Find staff member 'login' as stored into 'canon': PM_EX_NOINPUT when
 * there is none, PM_EX_DATAERR "staff 'x': retired".
 */
int pm_people_staff(struct pm_db *db, const char *login, char *canon,
    size_t len);

/*
 * Find unit 'code' as typed (３－１－５０２, p-gate-n) into 'canon'; with
 * 'household', a unit and not a public area or common part.  A retired
 * one is PM_EX_DATAERR.
 */
int pm_people_unit(struct pm_db *db, const char *code, int household,
    char *canon, size_t len);

/* 't' must not be after now: PM_EX_DATAERR "WHAT 'T': in the future". */
int pm_people_past(const char *what, pm_time t);

/*
 * The operands joined by single spaces, so a text needs no quotes
 * (sqlite3_malloc'd: sqlite3_free() it); NULL when out of memory.
 */
char *pm_people_join(int argc, char **argv);

/* The acting staff member must be a manager: PM_EX_NOPERM otherwise. */
int pm_people_manager(struct pm_db *db, const char *why);

#endif
