/*
 * kpi_ticket.h - the repairs and complaints of a period as they stood at
 * its end, and the rules that put each in or out of the tickets'
 * figures; shared by the figures (kpi_ticket.c) and the appraisal
 * (report_appraisal.c), so that a person's figures add up to the
 * estate's.  Only libpm's kpi_* and report_* files include it.
 *
 * Everything here is read from the facts before the period's cut: the
 * events of ticket_events, and what was received (schema/0004).
 */
#ifndef PM_KPI_TICKET_H
#define PM_KPI_TICKET_H

#include "kpi.h"

#define KT_LOGIN 64	/* a staff login, as the estate file limits it */

/* A repair or complaint as it stood at the cut. */
struct kt {
	int64_t id;
	int complaint;			/* else a repair */
	int in_home;			/* a repair of a unit (入户维修) */
	char receiver[KT_LOGIN];	/* 首问: who received it */
	pm_time received;
	pm_time first_due;		/* completion, as received */
	char status[16];		/* at the cut */
	pm_time completion_due;		/* the deadlines in force */
	pm_time feedback_due;
	pm_time feedback_met;		/* first met, or 0 */
	pm_time first_resolved;		/* or 0 */
	pm_time cancelled;		/* or 0 */
	pm_time wait_start;		/* of the latest pause, or 0 */
	int reopens;			/* before the cut, ever */
	/* In the period (from its start to the cut). */
	int resolved_in;		/* resolutions */
	pm_time last_resolve;		/* the last of them */
	char resolver[KT_LOGIN];	/* who did the work (its assignee) */
	pm_time called_back;		/* the first callback after it, or 0 */
};

/*
 * Call 'fn' with each repair or complaint whose completion deadline
 * falls in period 'p' (as received, or as a pause moved it), or that
 * was resolved in it, as it stood at p->cut, in the order of the ids.
 * Stops at the first non-zero return of 'fn' and returns it.
 */
int kt_each(struct pm_db *db, const struct pm_period *p,
    int (*fn)(const struct kt *t, void *arg), void *arg);

/*
 * Whether 't' is a record of each figure of 'p', and how: 0 when it is
 * not (then 'r' is untouched), 1 when it is, with 'r' filled but for
 * its record id (r->num and r->den are 0 or 1).
 *
 *   kt_timeliness  complaint or repair timeliness, by t->complaint
 *   kt_callback    the callback rate
 *   kt_first_fix   the first-time fix rate
 */
int kt_timeliness(const struct kt *t, const struct pm_period *p,
    struct pm_kpi_rec *r);
int kt_callback(const struct kt *t, struct pm_kpi_rec *r);
int kt_first_fix(const struct kt *t, struct pm_kpi_rec *r);

/* A callback made in the period, of a ticket of any kind. */
struct kt_cb {
	int64_t ticket;
	pm_time at;
	const char *satisfaction;	/* satisfied, basic, dissatisfied */
	const char *assignee;		/* who did the work, or NULL */
	const char *by;			/* who called */
	const char *comment;		/* what the owner said, or NULL */
	const char *kind, *category, *unit;
	int in_home;			/* a repair of a unit (入户维修) */
};

/*
 * Call 'fn' with each callback made in 'p' before its cut, in the order
 * of the tickets and then of time; stops as kt_each() does.
 */
int kt_each_callback(struct pm_db *db, const struct pm_period *p,
    int (*fn)(const struct kt_cb *c, void *arg), void *arg);

/* Whether a callback's satisfaction counts as satisfied (or basic). */
int kt_satisfied(const char *satisfaction);

#endif
