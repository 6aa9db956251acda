/*
 * summary.c - units and floor area per building, for pm-db summary.
 */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "summary.h"

int
pm_summary(struct pm_db *db,
    int (*fn)(const struct pm_summary_row *, void *), void *arg)
{
	struct pm_summary_row row, total;
	sqlite3_stmt *st;
	char *estate;
	int rc;

	/*
	 * Buildings with no units still get a row: a newly added tower
	 * should show up as 0, not vanish.  Codes sort as numbers when they
	 * are numbers, so "2" comes before "10".
	 */
	st = pm_db_stmt(db,
	    "SELECT b.code, b.name, count(u.code),"
	    " coalesce(sum(u.occupancy = 'occupied'), 0),"
	    " coalesce(sum(u.occupancy = 'rented'), 0),"
	    " coalesce(sum(u.occupancy = 'vacant'), 0),"
	    " coalesce(sum(u.area), 0)"
	    " FROM buildings b LEFT JOIN units u"
	    "  ON u.building = b.code AND u.kind = 'unit' AND u.retired = 0"
	    " WHERE b.retired = 0"
	    " GROUP BY b.code"
	    " ORDER BY b.code GLOB '[0-9]*' DESC, CAST(b.code AS INTEGER), b.code");
	if (st == NULL)
		return pm_err_code();
	memset(&total, 0, sizeof total);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row.building = pm_col_text(st, 0);
		row.name = pm_col_text(st, 1);
		row.units = sqlite3_column_int64(st, 2);
		row.occupied = sqlite3_column_int64(st, 3);
		row.rented = sqlite3_column_int64(st, 4);
		row.vacant = sqlite3_column_int64(st, 5);
		row.area = sqlite3_column_int64(st, 6);
		total.units += row.units;
		total.occupied += row.occupied;
		total.rented += row.rented;
		total.vacant += row.vacant;
		total.area += row.area;
		if ((rc = fn(&row, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = pm_db_error(db, "summary");
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	if ((rc = pm_db_meta(db, "estate_name", &estate)) != 0)
		return rc;
	total.building = "all";
	total.name = estate != NULL ? estate : "";
	rc = fn(&total, arg);
	free(estate);
	return rc;
}
