/*
 * facility_history.c - a facility's archive: every state it was set to,
 * every maintenance record and repair, every inspection of it, oldest
 * first, from the facts alone.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "vocab.h"

const struct pm_col pm_facility_history_cols[] = {
	{ N_("at"), PM_COL_TEXT, NULL },
	{ N_("kind"), PM_COL_TEXT, &pm_v_history_kind },
	{ N_("id"), PM_COL_INT, NULL },
	{ N_("task"), PM_COL_TEXT, NULL },
	{ N_("result"), PM_COL_TEXT, NULL },
	{ N_("who"), PM_COL_TEXT, NULL },
	{ N_("cost"), PM_COL_NUM, NULL },
	{ N_("next_due"), PM_COL_TEXT, NULL },
	{ N_("certificate"), PM_COL_TEXT, NULL },
	{ N_("detail"), PM_COL_TEXT, NULL }
};
const int pm_facility_history_ncols = sizeof pm_facility_history_cols /
    sizeof pm_facility_history_cols[0];

/*
 * The result is a facility state (good, faulty, out_of_service) or an
 * inspection's pass or fail: shown for people in their words.
 */
static const char *
result_label(const char *kind, const char *result)
{
	if (strcmp(kind, "inspection") == 0)
		return pm_vocab_label(&pm_v_result, result);
	return pm_vocab_label(&pm_v_facility_state, result);
}

int
pm_facility_history(struct pm_db *db, const char *input, struct pm_out *o)
{
	char code[128];
	sqlite3_stmt *st;
	pm_time t;
	int rc;

	if ((rc = pm_rec_find(db, &pm_facility_type, input, code,
	    sizeof code)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT at, 'state', id, NULL, state, who, NULL,"
	    " NULL, NULL, reason FROM facility_states WHERE facility = ?1"
	    " UNION ALL SELECT at, CASE WHEN task IS NULL THEN 'repair'"
	    " ELSE 'maintenance' END, id, task, result, who, cost, next_due,"
	    " certificate, done || coalesce('; ' || contractor, '')"
	    " || coalesce('; ' || parts, '')"
	    " FROM maint_records WHERE facility = ?1"
	    " UNION ALL SELECT at, 'inspection', id, checklist, result,"
	    " inspector, NULL, NULL, NULL, note"
	    " FROM inspections WHERE place_kind = 'facility' AND place = ?1"
	    " ORDER BY 1, 2, 3");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (pm_time_parse_utc(pm_col_text(st, 0), &t) == 0)
			pm_rec_out_time(o, t, PM_F_TIME);
		else
			pm_out_text(o, NULL);
		pm_out_text(o, pm_col_text(st, 1));
		pm_out_int(o, sqlite3_column_int64(st, 2));
		pm_out_text(o, pm_col_text(st, 3));
		pm_out_text(o, pm_out_for_people(o) ? result_label(
		    pm_col_text(st, 1), pm_col_text(st, 4)) :
		    pm_col_text(st, 4));
		pm_out_text(o, pm_col_text(st, 5));
		if (sqlite3_column_type(st, 6) == SQLITE_NULL)
			pm_out_text(o, NULL);
		else
			pm_out_fen(o, sqlite3_column_int64(st, 6));
		pm_out_text(o, pm_col_text(st, 7));
		pm_out_text(o, pm_col_text(st, 8));
		pm_out_text(o, pm_col_text(st, 9));
		pm_out_row(o);
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read facility history");
	sqlite3_reset(st);
	return rc;
}
