/*
 * inspect_priv.h - what the inspect_*.c and facility_*.c files share
 * inside libpm: the SQL that says a facility's state, its certificate
 * in force and when a plan entered the register, and the day arithmetic
 * of plans.
 */
#ifndef PM_INSPECT_PRIV_H
#define PM_INSPECT_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "inspect.h"

/* No day: a plan with nothing to count from. */
#define INS_NO_DAY INT64_MIN

/* The state of the facility whose code is the SQL 'code': good if none. */
#define INS_FACILITY_STATE(code) \
	"coalesce((SELECT s.state FROM facility_states s WHERE" \
	" s.facility = " code " ORDER BY s.at DESC, s.id DESC LIMIT 1)," \
	" 'good')"

/* The same as of the SQL moment 'at': the last state before it. */
#define INS_FACILITY_STATE_AT(code, at) \
	"coalesce((SELECT s.state FROM facility_states s WHERE" \
	" s.facility = " code " AND s.at < " at " ORDER BY s.at DESC," \
	" s.id DESC LIMIT 1), 'good')"

/*
 * The certificate in force of facility alias 'f': the expiry given by
 * its last maintenance record that renewed it, else the estate file's.
 */
#define INS_CERTIFICATE(f) \
	"coalesce((SELECT c.certificate FROM maint_records c WHERE" \
	" c.facility = " f ".code AND c.certificate IS NOT NULL ORDER BY" \
	" c.at DESC, c.id DESC LIMIT 1), " f ".certificate)"

/* When the record 'key' of table 'tbl' (SQL text) last entered the register. */
#define INS_SINCE(tbl, key) \
	"(SELECT max(rg.at) FROM inspect_register rg WHERE rg.tbl = " tbl \
	" AND rg.key = " key " AND rg.event <> 'retire')"

/*
 * The day a plan falls due next: 'next' (a local day set by hand on its
 * last record) when there is one, else one interval after its last
 * record 'last', else one interval after it entered the register
 * 'since' (UTC times; NULL when none).  INS_NO_DAY when there is none.
 */
int64_t ins_next_due(const struct pm_interval *iv, const char *last,
    const char *next, const char *since);

/*
 * The moment *at of a record, now when it is 0; PM_EX_DATAERR ("time
 * 'X': in the future") when it is later than now.
 */
int ins_when(pm_time *at);

/* A malloc'd copy of 's', or NULL for NULL; sets *oom when out of memory. */
char *ins_dup(const char *s, int *oom);

/* The local day of a UTC database time, or INS_NO_DAY when it is NULL. */
int64_t ins_day_of_utc(const char *utc);

/*
 * An interval for its reader: programs get pm_interval_fmt(), people its
 * word ("weekly", 每周) or "every 15 days" (每15天); with 'span', a
 * length of time instead: "30d", "1mo" for programs, "30 days",
 * "1 months" (30天, 1个月) for people.
 */
void ins_out_interval(struct pm_out *o, const struct pm_interval *iv,
    int span);

/* Months of a bit set (January bit 0) as "1-3", "10", "1-3,10". */
char *ins_months_fmt(int mask, char *buf, size_t len);

/*
 * The rank of a level (self 0, lead 1, supervisor 2) and of a role
 * (staff 0 to manager 3), -1 when it is not one.
 */
int ins_level_rank(const char *level);

#endif
