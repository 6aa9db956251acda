/*
 * train.h - training (培训): sessions by department (topic, kind, hours,
 * trainer, day), who attended and their test scores; the weekly quota
 * of sessions per department (1-2, security 3-5, as the estate file's
 * training_quotas say); the month-end test score each staff member
 * takes into the appraisal; and the staff at work without a passed
 * pre-job training (不培训、培训不合格不上岗).
 *
 * Sessions and attendance are records kept as facts (people.h).  The
 * functions that write run inside the caller's transaction as the
 * acting staff member, at pm_now(), with one audit row each.  Scores,
 * pass marks and hours are hundredths ("92.5" is 9250).
 *
 * Errors: PM_EX_DATAERR for bad input (a word not in its list, a score
 * or hours that do not parse, attendance at a session that has not
 * happened yet, a retired staff member), PM_EX_NOINPUT for no such
 * department, staff member or session, others from pm_db_error().
 */
#ifndef PM_TRAIN_H
#define PM_TRAIN_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "out.h"
#include "people.h"
#include "record.h"

/*
 * A session.  For a new one the department, kind, topic, trainer, time
 * and hours are required; for a correction NULL (0, -2) keeps a field
 * and "" clears an optional one.
 */
struct pm_train_session {
	const char *department;
	const char *kind;	/* pre-job, in-service, drill, competition, test */
	const char *topic;
	const char *trainer;	/* a name; staff or from outside */
	const char *place;
	pm_time at;		/* when it starts; may be planned ahead */
	int64_t hours;		/* hundredths; 0: not given */
	int64_t pass_mark;	/* hundredths; -1 none, -2 not given */
};

int pm_train_add(struct pm_db *db, const struct pm_train_session *s,
    int64_t *id);
int pm_train_correct(struct pm_db *db, const char *key,
    const struct pm_train_session *s, const char *reason);

/*
 * Staff member 'login' attended session 'session' (a record id as
 * typed), with a score (hundredths, -1 none) and whether they passed
 * (1, 0, or -1: by the session's pass mark when there is a score and a
 * mark, else unknown).  A second call for the same person and session
 * is a new version of the same attendance (a score added later).  Sets
 * *id to the attendance record.  Attendance at a session that has not
 * begun yet is refused.
 */
int pm_train_attend(struct pm_db *db, const char *session, const char *login,
    int64_t score, int passed, int64_t *id);

extern const struct pm_fact pm_train_session_fact;
extern const struct pm_fact pm_train_attendance_fact;
extern const struct pm_rtype pm_train_session_type;
extern const struct pm_rtype pm_train_attendance_type;

/*
 * The weekly quota (DESIGN.md section 6, training): for each week of
 * the period (the weeks whose Monday falls in [from, to), or the week
 * holding 'from' when none does) that has begun, each department with
 * a quota in force on its Monday: the sessions it held (in-service,
 * drill and competition sessions that had begun by the week's end, or
 * by now, recorded by 'as_of'), the minimum and maximum, and the
 * sessions credited (at most the minimum, so an extra session one week
 * does not make up for a missing one in another).
 */
struct pm_train_quota_row {
	const char *department;	/* NULL for the total row */
	const char *name;
	pm_time week;		/* its Monday; 0 for the total */
	int min, max;
	int64_t held, credited;
};

int pm_train_quota(struct pm_db *db, pm_time from, pm_time to,
    pm_time as_of, int (*fn)(const struct pm_train_quota_row *, void *),
    void *arg, int *short_);
extern const struct pm_col pm_train_quota_cols[];
extern const int pm_train_quota_ncols;
void pm_train_quota_put(struct pm_out *o, const struct pm_train_quota_row *r);

/*
 * The test scores of the period (the appraisal's month): for each staff
 * member on the staff at the time of a test (a session of kind test) of
 * their department in [from, to): the tests held and sat, and the score
 * of the last test held (NULL when they missed it), and whether it was
 * passed.
 */
struct pm_train_score_row {
	const char *login, *name, *department;
	pm_time last_test;	/* the last test of their department */
	int held, sat;
	int64_t score;		/* hundredths; -1 missed */
	int passed;		/* 1, 0, -1 unknown */
};

int pm_train_scores(struct pm_db *db, pm_time from, pm_time to,
    pm_time as_of, int (*fn)(const struct pm_train_score_row *, void *),
    void *arg);
extern const struct pm_col pm_train_score_cols[];
extern const int pm_train_score_ncols;
void pm_train_score_put(struct pm_out *o, const struct pm_train_score_row *r);

/*
 * The staff at work in [from, to) (a duty shift at a post, a walk
 * visit, or an event of a ticket in it) who had no passed pre-job
 * training that began before 'to'; with 'all', every staff member on
 * the staff at the end (or now) who has none, at work or not.
 */
struct pm_train_unqualified_row {
	const char *login, *name, *department;
	pm_time since;		/* on the staff since (0: always) */
	const char *pre_job;	/* "none", "failed", "unknown" */
	const char *at_work;	/* "shift", "visit", "ticket"; NULL */
};

int pm_train_unqualified(struct pm_db *db, pm_time from, pm_time to,
    int all, int (*fn)(const struct pm_train_unqualified_row *, void *),
    void *arg);
extern const struct pm_col pm_train_unqualified_cols[];
extern const int pm_train_unqualified_ncols;

#endif
