/*
 * inspect.h - inspections at three levels, the facility register and its
 * maintenance archive, the schedule of rounds, maintenance and work
 * plans, the housing grades, and the intact rates as of a day.
 *
 * The plans (checklists, facilities, maintenance plans, rounds,
 * work-plan entries) come from the estate file (pm-estate(5),
 * estate_inspect.c); this module records what was done against them and
 * answers what is due.  Everything it records is a fact nothing
 * rewrites (schema/0006): an inspection and each item's result, a
 * maintenance record, work done, a facility's state, a unit's grade,
 * each with when and who.
 *
 * Transactions: the functions that write run inside the caller's
 * transaction and neither begin nor commit; each writes its audit rows.
 * The acting staff member is db->user; the time is pm_now().
 *
 * Errors (recorded with pm_err):
 *   PM_EX_USAGE    a malformed argument ("3=pass" is the form of a result)
 *   PM_EX_DATAERR  a word not in its vocabulary, a bad text or reading,
 *                  a time in the future, a retired record, a rule of the
 *                  plans broken (a next due day past a hard limit)
 *   PM_EX_NOINPUT  no such checklist, place, facility, task, ticket,
 *                  inspection, staff member or work-plan entry
 *   PM_EX_NOPERM   a check at a level the inspector's role does not have
 *   others         from pm_db_error()
 */
#ifndef PM_INSPECT_H
#define PM_INSPECT_H

#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "clock.h"
#include "db.h"
#include "kpi.h"
#include "out.h"
#include "record.h"

/*
 * An interval: a number of days or of calendar months (one of them 0).
 * Weekly is 7 days, monthly 1 month, quarterly 3, half-yearly 6, yearly
 * 12, every 2 years 24.
 */
struct pm_interval {
	int days;
	int months;
};

#define PM_INTERVAL_LEN 16

/*
 * Parse an interval as the estate file writes it: a word of
 * pm_v_interval (daily, weekly, monthly, quarterly, half-yearly, yearly,
 * or their Chinese names), or a count and a unit: "15d", "15 days",
 * "2w", "2 weeks", "18mo", "18 months", "2y", "2 years", "每15天",
 * "每2周", "每3个月", "每2年".  Days run to 3650, months to 120.
 * Returns 0, or PM_EX_DATAERR with "interval 'X': ..." recorded.
 */
int pm_interval_parse(const char *s, struct pm_interval *iv);

/*
 * The interval as programs read it: its word when it has one ("weekly",
 * "quarterly"), else "15d", "2y" or "18mo".  Returns buf.
 */
char *pm_interval_fmt(const struct pm_interval *iv,
    char buf[PM_INTERVAL_LEN]);

/* The local day 'n' intervals after day 'z' (pm_day_add_months()). */
int64_t pm_interval_add(int64_t z, const struct pm_interval *iv, int n);

/*
 * Readings (a meter, a pressure) are exact decimals kept as integer
 * thousandths: "1234.5" is 1234500.  pm_reading_parse() takes an
 * optional '-' and up to three decimals; PM_EX_DATAERR ("reading 'X':
 * not a number with up to three decimals") otherwise.
 * pm_reading_fmt() writes the shortest exact form ("1234.5", "0.45",
 * "12"); returns buf.
 */
#define PM_READING_LEN 32
int pm_reading_parse(const char *s, int64_t *v);
char *pm_reading_fmt(int64_t v, char buf[PM_READING_LEN]);

/*
 * Recording an inspection.
 *
 * One item's result as given: its number, and "pass" or "fail" (or
 * their Chinese words), or a reading for a reading item; a note.
 * 'where' places a result read from a file in messages ("stdin:3"),
 * NULL for an argument.
 */
struct pm_inspect_result {
	int n;
	const char *value;
	const char *note;
	const char *where;
};

/*
 * Parse one result argument "N=VALUE" or "N=VALUE:NOTE" (3=pass,
 * 4=fail:阀门未铅封, 5=1234.5) into 'r', whose strings are malloc'd
 * (pm_inspect_results_free()).  PM_EX_USAGE when it is not of that form.
 */
int pm_inspect_parse_result(const char *arg, struct pm_inspect_result *r);

/*
 * Read results from CSV, TSV or JSON Lines with the fields item, result
 * and note (rec.h), appending to *rs (malloc'd, *n of them, the strings
 * too; all freed by pm_inspect_results_free()).  'name'
 * names the stream in messages.  Every bad line is an error (PM_EX_DATAERR
 * "stdin:3: ...").
 */
int pm_inspect_read_results(FILE *fp, const char *name,
    struct pm_inspect_result **rs, int *n);
void pm_inspect_results_free(struct pm_inspect_result *rs, int n);

/* A new inspection.  Exactly one of unit, facility and ticket is set. */
struct pm_inspect_new {
	const char *checklist;	/* its code */
	const char *unit;	/* a unit, public area or common part */
	const char *facility;	/* a facility's code */
	const char *ticket;	/* a ticket checked after its repair ("42") */
	const char *level;	/* NULL: from the inspector's role */
	const char *inspector;	/* NULL: the acting staff member */
	pm_time at;		/* 0: now; never in the future */
	const char *of;		/* the inspection it re-examines, or NULL */
	const char *note;
	const struct pm_inspect_result *results;
	int nresults;
};

/*
 * Record an inspection: each item of the checklist gets its result,
 * an item not named passes, a reading item must be named.  A reading
 * fails outside its item's [min, max], and an 'unchanged' one when it
 * differs from the last reading of the same item at the same place
 * (vacant units' meters).  The score is the weight passed over the
 * weight of all; the inspection fails when a serious item failed or the
 * score is below the checklist's pass score.
 *
 * The level defaults from the inspector's role (staff: self, lead: lead,
 * supervisor and manager: supervisor); a lead check needs a lead or
 * above, a supervisor spot check a supervisor or manager (PM_EX_NOPERM).
 * 'of' must be an earlier check of a lower level, of the same checklist
 * at the same place.  A ticket must have been resolved.  Sets *id.
 */
int pm_inspect_record(struct pm_db *db, const struct pm_inspect_new *n,
    int64_t *id);

/*
 * The record types: inspections (list with filters, show), their items'
 * results (filter "inspection"), checklists and their items (filter
 * "checklist"), facilities, maintenance records, work-plan entries with
 * their last record, and housing grades.  The columns are a documented
 * contract (pm-inspect(1)).
 */
extern const struct pm_rtype pm_inspection_type;
extern const struct pm_rtype pm_inspection_item_type;
extern const struct pm_rtype pm_checklist_type;
extern const struct pm_rtype pm_checklist_item_type;
extern const struct pm_rtype pm_facility_type;
extern const struct pm_rtype pm_facility_plan_type;
extern const struct pm_rtype pm_maint_type;
extern const struct pm_rtype pm_work_type;
extern const struct pm_rtype pm_grade_type;

/*
 * Failed items of the inspections made in [from, to), one row each, in
 * the fields of pm-ticket import (kind, category, unit, description,
 * source, received, receiver), so the list piped into it opens one
 * ticket per failed item: a repair in the item's category (else the
 * checklist's), at the inspection's unit, received when the inspection
 * was made, by its inspector, source "inspection"; the description
 * names the place, the checklist, the inspection and item numbers, the
 * item and what was wrong.  'checklist' and 'department' (the
 * checklist's) narrow it when not NULL.  Sets *count.
 */
extern const struct pm_col pm_inspect_failure_cols[];
extern const int pm_inspect_failure_ncols;
int pm_inspect_failures(struct pm_db *db, pm_time from, pm_time to,
    const char *checklist, const char *department, struct pm_out *o,
    int *count);

/*
 * Where a lower level passed what a higher level failed: every item that
 * a lead check or supervisor spot check made in [from, to) failed and
 * that a lower-level check passed, the lower check being the one the
 * higher named ('of') or, when it named none, each lower-level check of
 * the same checklist at the same place on the same local day made no
 * later than it.  By inspector of the lower check, then day and place.
 * With 'summary', one row per inspector instead: the checks and items
 * of theirs re-examined, the items they passed that were failed, and
 * that share in percent.  'inspector' narrows it to one.
 */
extern const struct pm_col pm_inspect_compare_cols[];
extern const int pm_inspect_compare_ncols;
extern const struct pm_col pm_inspect_summary_cols[];
extern const int pm_inspect_summary_ncols;
int pm_inspect_compare(struct pm_db *db, pm_time from, pm_time to,
    const char *inspector, int summary, struct pm_out *o, int *count);

/*
 * The self-checks (level self) made in [from, to) and how many of them a
 * higher level contradicted by compare's rule (a lead check or spot
 * check that re-examines it failed an item it passed), as of 'cut': only
 * the checks recorded before 'cut' count, so a period's figures read the
 * same however late a check of it is recorded.  Calls 'fn' once per
 * inspector with a self-check, by login; stops at its first non-zero
 * return and returns it.  The agreement of an inspector's self-checks
 * with the higher levels is (checks - contradicted) / checks.
 */
struct pm_inspect_selfcheck_row {
	const char *inspector;
	int64_t checks, contradicted;
};
typedef int (*pm_inspect_selfcheck_fn)(
    const struct pm_inspect_selfcheck_row *r, void *arg);
int pm_inspect_selfchecks(struct pm_db *db, pm_time from, pm_time to,
    pm_time cut, pm_inspect_selfcheck_fn fn, void *arg);

/*
 * What is due on local day 'day', from each plan's last record made
 * before the day's end plus its interval (its first one interval after
 * the plan was added): each place of each round (and, for a round of
 * vacant units, each unit now vacant), each maintenance task (a task
 * with a lead time from that many days or months before), each facility
 * certificate from a month before it expires (renewed by a maintenance
 * record that gives the new expiry), and each work-plan entry, whose
 * occurrences are the days, weekdays, weeks or months of its months, or
 * the run of its months, each cleared by a record made from its start
 * to the next one's.  A task is overdue once its due day has passed.
 * Ordered by due day, kind and place.  'department' narrows it.  Sets
 * *count to the rows and *overdue to those overdue.
 */
extern const struct pm_col pm_inspect_due_cols[];
extern const int pm_inspect_due_ncols;
int pm_inspect_due(struct pm_db *db, int64_t day, const char *department,
    struct pm_out *o, int *count, int *overdue);

/*
 * The due report for cron, as pm_ticket_due_cmd(): nothing at all when
 * nothing is due (so "mail -E" sends no empty mail); PM_EX_FOUND when
 * anything is overdue, else 0, or an error.
 */
int pm_inspect_due_cmd(struct pm_cli *cli, int64_t day,
    const char *department);

/*
 * Facilities: their states and the maintenance archive.
 *
 * Set facility 'code' (as typed) to 'state' (a word of
 * pm_v_facility_state) at 'at' (0: now), for 'reason'.  A facility
 * already in that state is left as it is (PM_UNCHANGED, the reason
 * recorded); a time before its last state is PM_EX_DATAERR.  Writes
 * 'canon' with the stored code.
 */
int pm_facility_set_state(struct pm_db *db, const char *code,
    const char *state, pm_time at, const char *reason, char *canon,
    size_t len);

/* A maintenance record, as pm_facility_maint() takes it. */
struct pm_maint_new {
	const char *facility;	/* its code, as typed */
	const char *task;	/* a task of its plans, or NULL: a repair */
	const char *done;	/* what was done; NULL: the task's name */
	const char *contractor;
	const char *parts;
	int64_t cost;		/* fen, >= 0 */
	const char *result;	/* the facility's state after it; NULL: good */
	const char *next_due;	/* a local day, or NULL */
	const char *certificate; /* the certificate's new expiry, or NULL */
	pm_time at;		/* 0: now */
};

/*
 * Write a maintenance record (维修记录) and, when its result is not the
 * facility's state, the new state.  A next due day must come after the
 * record's day and, for a task with a hard limit, no later than one
 * interval after it; a certificate's expiry after the record's day.
 * Sets *id.
 */
int pm_facility_maint(struct pm_db *db, const struct pm_maint_new *m,
    int64_t *id);

/*
 * A facility's history (the archive): its states, maintenance records
 * and inspections, oldest first.  For the per-id runner of "show" and
 * "history": 'code' as typed; PM_EX_NOINPUT when there is no such
 * facility.
 */
extern const struct pm_col pm_facility_history_cols[];
extern const int pm_facility_history_ncols;
int pm_facility_history(struct pm_db *db, const char *code,
    struct pm_out *o);

/*
 * Work-plan entry 'code' (as typed) was carried out at 'at' (0: now),
 * with 'note' (may be NULL).  Writes 'canon'.
 */
int pm_work_done(struct pm_db *db, const char *code, pm_time at,
    const char *note, char *canon, size_t len);

/*
 * Grade unit 'code', or every unit of building 'code', as 'grade' (a
 * word of pm_v_grade) at 'at' (0: now), with 'reason' (may be NULL).
 * Each unit whose grade is already 'grade' is left as it is; a unit
 * graded later than 'at' is PM_EX_DATAERR.  Returns PM_UNCHANGED when no
 * unit changed.  Writes 'canon' with the stored code.
 */
int pm_grade_set(struct pm_db *db, const char *code, const char *grade,
    pm_time at, const char *reason, char *canon, size_t len);

/*
 * The intact rates as of moment 'at' (the end of a day, for a day's
 * figure), from the facts made before it, so they read the same
 * whenever they are asked:
 *
 * housing   房屋完好率: floor area of the units graded good or basically
 *           good ÷ floor area of the units graded, each unit by its
 *           last grade before 'at' with the area it was graded with;
 *           area[] by grade (pm_v_grade order), in hundredths of a m².
 * facility  设施设备完好率: facilities in good state ÷ facilities in the
 *           register at 'at' (added before it, not retired since), each
 *           by its last state before 'at' (good when it has none);
 *           count[] by state (pm_v_facility_state order).
 *
 * A rate with nothing to count has a denominator of 0.
 */
struct pm_intact_rates {
	int64_t housing_good;	/* hundredths of a m² */
	int64_t housing_total;
	int64_t area[5];
	int64_t units;		/* units graded */
	int64_t facility_good;
	int64_t facility_total;
	int64_t count[3];
};
int pm_intact_rates(struct pm_db *db, pm_time at, struct pm_intact_rates *r);


/* The rates as of 'at' as rows of pm_intact_cols, with their targets. */
extern const struct pm_col pm_intact_cols[];
extern const int pm_intact_ncols;
int pm_intact_report(struct pm_db *db, pm_time at, struct pm_out *o);

#endif
