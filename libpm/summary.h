/*
 * summary.h - the estate at a glance: units and floor area per building.
 */
#ifndef PM_SUMMARY_H
#define PM_SUMMARY_H

#include <stdint.h>

#include "db.h"

struct pm_summary_row {
	const char *building;	/* code, or "all" for the total row */
	const char *name;	/* 3号楼; the estate's name on the total row */
	int64_t units, occupied, rented, vacant;
	int64_t area;		/* hundredths of a m² */
};

/*
 * Call 'fn' once per building that is not retired, in natural code order
 * ("2" before "10"), then once with the totals (building "all").  Only
 * units count (not public areas), and only those not retired.  The row's
 * strings are valid during the call.  Returns 0, the first non-zero
 * status 'fn' returns, or a status from pm_db_error().
 */
int pm_summary(struct pm_db *db,
    int (*fn)(const struct pm_summary_row *row, void *arg), void *arg);

#endif
