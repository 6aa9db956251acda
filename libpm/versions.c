/*
 * versions.c - the estate's settings as they stood at a moment.
 */
#include <stddef.h>

#include "db.h"
#include "err.h"
#include "versions.h"

int
pm_setting_asof(struct pm_db *db, const char *key, pm_time as_of,
    char **value)
{
	char a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;

	*value = NULL;
	st = pm_db_stmt(db, "SELECT v.value FROM setting_versions v"
	    " WHERE v.key = ?1 AND "
	    PM_VERSION_ASOF("v", "setting_versions", "key", "?2"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, key);
	pm_bind_text(st, 2, pm_time_utc(as_of, a));
	return pm_db_one_text(db, st, value);
}
