/*
 * versions.c - the estate's settings as they stood at a moment.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "versions.h"

int
pm_setting_asof(struct pm_db *db, const char *key, pm_time as_of,
    char **value)
{
	char a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	const char *v;
	int rc = 0;

	*value = NULL;
	st = pm_db_stmt(db, "SELECT v.value FROM setting_versions v"
	    " WHERE v.key = ?1 AND "
	    PM_VERSION_ASOF("v", "setting_versions", "key", "?2"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, key);
	pm_bind_text(st, 2, pm_time_utc(as_of, a));
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		if ((v = pm_col_text(st, 0)) != NULL &&
		    (*value = strdup(v)) == NULL)
			rc = pm_err(PM_EX_SOFTWARE, "out of memory");
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = pm_db_error(db, "read settings");
	}
	sqlite3_reset(st);
	return rc;
}
