/*
 * versions.h - the estate file's quotas and targets as they stood at a
 * moment.
 *
 * pm-db apply leaves a version of each quota, KPI target and setting it
 * adds, changes or removes (schema/0012, 0014), at the time of its audit
 * row; a figure of a period reads those in force at the period's cut, so
 * a change applied after a month ended leaves the month as it was.
 */
#ifndef PM_VERSIONS_H
#define PM_VERSIONS_H

#include "clock.h"

/*
 * SQL: row 'a' of version table 't' is the last version of its 'key'
 * recorded by 'p' (an SQL expression, UTC text), and not a removal.
 */
#define PM_VERSION_ASOF(a, t, key, p) \
	"(" a ".at <= " p " AND " a ".removed = 0 AND NOT EXISTS (SELECT 1" \
	" FROM " t " n_ WHERE n_." key " = " a "." key " AND n_.at <= " p \
	" AND (n_.at > " a ".at OR (n_.at = " a ".at AND n_.id > " a \
	".id))))"

struct pm_db;

/*
 * The estate setting 'key' (a key of meta: "fee_persistent_after") as
 * it stood at 'as_of' (schema/0014), malloc'd into *value; NULL when it
 * was not set then.
 */
int pm_setting_asof(struct pm_db *db, const char *key, pm_time as_of,
    char **value);

#endif
