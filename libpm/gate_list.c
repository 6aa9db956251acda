/*
 * gate_list.c - the day's list at the gate.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "gate.h"
#include "i18n.h"
#include "mask.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct pm_col pm_gate_day_cols[] = {
	{ N_("id"), PM_COL_INT, NULL },
	{ N_("at"), PM_COL_TEXT, NULL },
	{ N_("kind"), PM_COL_TEXT, &pm_v_gate_kind },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("id_number"), PM_COL_TEXT, NULL },
	{ N_("phone"), PM_COL_TEXT, NULL },
	{ N_("direction"), PM_COL_TEXT, &pm_v_direction },
	{ N_("detail"), PM_COL_TEXT, NULL },
	{ N_("left_at"), PM_COL_TEXT, NULL },
	{ N_("valid_until"), PM_COL_TEXT, NULL },
	{ N_("confirmed_by"), PM_COL_TEXT, NULL },
	{ N_("override_by"), PM_COL_TEXT, NULL },
	{ N_("offence"), PM_COL_INT, NULL },
};
const int pm_gate_day_ncols = NCOLS(pm_gate_day_cols);

static void
put_time(struct pm_out *o, sqlite3_stmt *st, int col)
{
	pm_time t;

	if (pm_col_text(st, col) == NULL ||
	    pm_time_parse_utc(pm_col_text(st, col), &t) != 0)
		t = 0;
	pm_rec_out_time(o, t, PM_F_TIME);
}

int
pm_gate_day(struct pm_db *db, pm_time day, int reveal, struct pm_out *o)
{
	char a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN], d[PM_DATE_LEN];
	char m[PM_MASK_MAX];
	sqlite3_stmt *st;
	int rc, i;

	/*
	 * The day's records, and the passes of decoration workers
	 * registered before it that hold that day.
	 */
	st = pm_db_stmt(db, "SELECT g.record, g.at, g.kind, g.unit, g.name,"
	    " g.id_number, g.phone, g.direction, g.detail,"
	    " (SELECT min(l.at) FROM gate_records_now l WHERE l.refers = g.record"
	    "  AND l.kind = 'leave'), g.valid_until, g.confirmed_by,"
	    " g.override_by, g.nth"
	    " FROM gate_records g WHERE g.at >= ?1 AND g.at < ?2"
	    " AND g.kind <> 'leave' AND " PM_FACT_NOW("g", "gate_records")
	    " UNION ALL SELECT w.record, w.at, w.kind, w.unit, w.name,"
	    " w.id_number, w.phone, NULL, w.detail, NULL, w.valid_until, NULL,"
	    " NULL, NULL FROM gate_records w INDEXED BY gate_records_valid"
	    " WHERE w.valid_until >= ?3 AND w.kind = 'worker' AND w.at < ?1"
	    " AND " PM_FACT_NOW("w", "gate_records")
	    " ORDER BY 2, 1");
	if (st == NULL)
		return pm_err_code();
	day = pm_day_start(day);
	pm_bind_text(st, 1, pm_time_utc(day, a));
	pm_bind_text(st, 2, pm_time_utc(pm_day_end(day), b));
	pm_bind_text(st, 3, pm_date_local(day, d));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_out_int(o, sqlite3_column_int64(st, 0));
		put_time(o, st, 1);
		for (i = 2; i <= 4; i++)
			pm_out_text(o, pm_col_text(st, i));
		pm_out_text(o, pm_mask_unless(pm_col_text(st, 5), reveal, m));
		pm_out_text(o, pm_mask_unless(pm_col_text(st, 6), reveal, m));
		pm_out_text(o, pm_col_text(st, 7));
		pm_out_text(o, pm_col_text(st, 8));
		put_time(o, st, 9);
		for (i = 10; i <= 12; i++)
			pm_out_text(o, pm_col_text(st, i));
		if (pm_col_text(st, 13) == NULL)
			pm_out_text(o, NULL);
		else
			pm_out_int(o, sqlite3_column_int64(st, 13));
		pm_out_row(o);
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read gate records");
	sqlite3_reset(st);
	return rc;
}
