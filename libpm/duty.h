/*
 * duty.h - the duty log (保安工作日志): who is on duty at which post and
 * when (shifts), what they write in the post's log during a shift, the
 * handover to the next shift; and the posts' rules checked: at least N
 * on duty at every moment, an entry at least every so often (the fire
 * control room: two on duty, an entry every 2 hours), as the estate
 * file's duty_posts say.
 *
 * Shifts and entries are records kept as facts (people.h): a shift that
 * did not happen is cancelled, a wrong entry is struck out, and both stay
 * in the log.  The functions that write run inside the caller's
 * transaction as the acting staff member, at pm_now(), with an audit
 * row each.
 *
 * Errors: PM_EX_DATAERR for bad input (a shift that ends before it
 * starts or is longer than a day and a half, a staff member on two
 * shifts at once, an entry by someone not on duty there then, a time
 * in the future), PM_EX_NOINPUT for no such post, staff member, shift
 * or entry.
 */
#ifndef PM_DUTY_H
#define PM_DUTY_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "out.h"
#include "people.h"
#include "record.h"

/* The longest shift, in seconds: a day and a half. */
#define PM_DUTY_MAX_SHIFT (36 * 3600)

/* A shift of 'staff' at 'post' over [starts, ends); sets *id. */
int pm_duty_shift(struct pm_db *db, const char *post, const char *staff,
    pm_time starts, pm_time ends, int64_t *id);

/*
 * Correct shift 'key': the post, staff member and times given (NULL or
 * 0 keep them), with 'reason'.
 */
int pm_duty_correct(struct pm_db *db, const char *key, const char *post,
    const char *staff, pm_time starts, pm_time ends, const char *reason);

/*
 * An entry in the log of 'post' at 'at' (0: now) by the acting staff
 * member, who must be on a shift there then; 'kind' is note, patrol,
 * alarm or incident (NULL: note).
 */
int pm_duty_log(struct pm_db *db, const char *post, pm_time at,
    const char *kind, const char *text, int64_t *id);

/*
 * The handover at 'post' at 'at' (0: now): the acting staff member,
 * whose shift there ends then (or has just ended), hands over to the
 * staff members 'to' (n of them), whose shifts there begin by then;
 * 'text' says what was handed over (keys, alarms, what is pending).
 * It is an entry of the log of kind handover.
 */
int pm_duty_handover(struct pm_db *db, const char *post, pm_time at,
    const char *const *to, int n, const char *text, int64_t *id);

extern const struct pm_fact pm_duty_shift_fact;
extern const struct pm_fact pm_duty_entry_fact;
extern const struct pm_rtype pm_duty_post_type;
extern const struct pm_rtype pm_duty_shift_type;
extern const struct pm_rtype pm_duty_entry_type;

/*
 * The gaps in [from, to) (up to now) at 'post' (NULL: every post with a
 * rule): "coverage", a stretch during which fewer than the post's
 * min_staff were on duty ('on_duty' the fewest); "log", a stretch longer
 * than its log_every without an entry while someone was on duty there,
 * from the stretch's start or the last entry to the next entry, the
 * stretch's end or now ('ongoing').  A log gap that reaches into the
 * period is reported whole, from where it began; a coverage gap from
 * the period's start.
 */
struct pm_duty_gap_row {
	const char *post, *name;
	const char *gap;	/* "coverage", "log" */
	pm_time from, to;
	int on_duty, needed;	/* coverage: on duty, min_staff */
	int64_t limit;		/* log: log_every seconds */
	int ongoing;
};

int pm_duty_check(struct pm_db *db, const char *post, pm_time from,
    pm_time to, int (*fn)(const struct pm_duty_gap_row *, void *), void *arg,
    int *found);
extern const struct pm_col pm_duty_gap_cols[];
extern const int pm_duty_gap_ncols;
void pm_duty_gap_put(struct pm_out *o, const struct pm_duty_gap_row *r);

#endif
