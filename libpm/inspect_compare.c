/*
 * inspect_compare.c - what the inspections found: the failed items of a
 * period as tickets to open (failures), and where a lower level passed
 * what a higher level failed (compare), which shows who grades
 * themselves too kindly; by the same rule, each inspector's self-checks
 * of a period and those contradicted, for the appraisal (selfchecks).
 *
 * All read the facts only: an inspection and the copy of each item as
 * it was checked, so a checklist edited since changes nothing here.
 */
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "vocab.h"

#define DESC_MAX 4096

/*
 * failures
 */

const struct pm_col pm_inspect_failure_cols[] = {
	{ N_("kind"), PM_COL_TEXT, &pm_v_ticket_kind },
	{ N_("category"), PM_COL_TEXT, NULL },
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("description"), PM_COL_TEXT, NULL },
	{ N_("source"), PM_COL_TEXT, &pm_v_source },
	{ N_("received"), PM_COL_TEXT, NULL },
	{ N_("receiver"), PM_COL_TEXT, NULL }
};
const int pm_inspect_failure_ncols = sizeof pm_inspect_failure_cols /
    sizeof pm_inspect_failure_cols[0];

/*
 * The description of a failed item, the same in every language (it is
 * data: the ticket keeps it): "[FP-1 消防主泵] 消防泵房月检 #12/3: 阀门处
 * 于正确位置并铅封: 阀门未铅封", a reading with what it was compared with
 * ("1234 → 1235.5 m³"), a ticket's check with its number ("[#42]").
 */
static void
describe(sqlite3_stmt *st, char *buf, size_t len)
{
	const char *kind = pm_col_text(st, 9), *place = pm_col_text(st, 10);
	const char *pname = pm_col_text(st, 11), *note = pm_col_text(st, 7);
	const char *unit = pm_col_text(st, 14);
	char r[PM_READING_LEN], p[PM_READING_LEN];
	size_t n = 0;

	buf[0] = '\0';
	if (strcmp(kind, "ticket") == 0)
		n += (size_t)snprintf(buf + n, len - n, "[#%s] ", place);
	else if (pname != NULL && strcmp(kind, "facility") == 0)
		n += (size_t)snprintf(buf + n, len - n, "[%s %s] ", place,
		    pname);
	if (n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s #%lld/%d: %s",
		    pm_col_text(st, 8), (long long)sqlite3_column_int64(st, 4),
		    sqlite3_column_int(st, 5), pm_col_text(st, 6));
	if (n < len && sqlite3_column_type(st, 12) != SQLITE_NULL) {
		pm_reading_fmt(sqlite3_column_int64(st, 12), r);
		if (sqlite3_column_type(st, 13) != SQLITE_NULL)
			n += (size_t)snprintf(buf + n, len - n, ": %s → %s%s%s",
			    pm_reading_fmt(sqlite3_column_int64(st, 13), p), r,
			    unit != NULL ? " " : "", unit != NULL ? unit : "");
		else
			n += (size_t)snprintf(buf + n, len - n, ": %s%s%s", r,
			    unit != NULL ? " " : "", unit != NULL ? unit : "");
	}
	if (n < len && note != NULL)
		snprintf(buf + n, len - n, ": %s", note);
}

int
pm_inspect_failures(struct pm_db *db, pm_time from, pm_time to,
    const char *checklist, const char *department, struct pm_out *o,
    int *count)
{
	char a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN], desc[DESC_MAX];
	sqlite3_stmt *st;
	pm_time t;
	int rc;

	*count = 0;
	st = pm_db_stmt(db, "SELECT t.category, i.unit, i.at, i.inspector,"
	    " i.id, t.n, t.text, t.note, k.name, i.place_kind, i.place,"
	    " CASE i.place_kind WHEN 'facility' THEN (SELECT f.name FROM"
	    " facilities f WHERE f.code = i.place) END, t.reading, t.previous,"
	    " t.unit_of FROM inspections i INDEXED BY inspections_at"
	    " JOIN inspection_items t ON t.inspection_id = i.id"
	    " JOIN checklists k ON k.code = i.checklist"
	    " WHERE i.at >= ?1 AND i.at < ?2 AND t.result = 'fail'"
	    " AND (?3 IS NULL OR i.checklist = ?3)"
	    " AND (?4 IS NULL OR k.department = ?4)"
	    " ORDER BY i.at, i.id, t.n");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, a));
	pm_bind_text(st, 2, pm_time_utc(to, b));
	pm_bind_text(st, 3, checklist);
	pm_bind_text(st, 4, department);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_out_text(o, "repair");
		pm_out_text(o, pm_col_text(st, 0));
		pm_out_text(o, pm_col_text(st, 1));
		describe(st, desc, sizeof desc);
		pm_out_text(o, desc);
		pm_out_text(o, "inspection");
		if (pm_time_parse_utc(pm_col_text(st, 2), &t) == 0)
			pm_rec_out_time(o, t, PM_F_TIME);
		else
			pm_out_text(o, NULL);
		pm_out_text(o, pm_col_text(st, 3));
		pm_out_row(o);
		(*count)++;
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "read failures");
	sqlite3_reset(st);
	return rc;
}

/*
 * compare
 */

const struct pm_col pm_inspect_compare_cols[] = {
	{ N_("inspector"), PM_COL_TEXT, NULL },
	{ N_("level"), PM_COL_TEXT, &pm_v_inspect_level },
	{ N_("inspection"), PM_COL_INT, NULL },
	{ N_("day"), PM_COL_TEXT, NULL },
	{ N_("checklist"), PM_COL_TEXT, NULL },
	{ N_("place"), PM_COL_TEXT, NULL },
	{ N_("item"), PM_COL_INT, NULL },
	{ N_("check"), PM_COL_TEXT, NULL },
	{ N_("by"), PM_COL_TEXT, NULL },
	{ N_("by_level"), PM_COL_TEXT, &pm_v_inspect_level },
	{ N_("by_inspection"), PM_COL_INT, NULL },
	{ N_("note"), PM_COL_TEXT, NULL }
};
const int pm_inspect_compare_ncols = sizeof pm_inspect_compare_cols /
    sizeof pm_inspect_compare_cols[0];

const struct pm_col pm_inspect_summary_cols[] = {
	{ N_("inspector"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("checks"), PM_COL_INT, NULL },
	{ N_("items"), PM_COL_INT, NULL },
	{ N_("missed"), PM_COL_INT, NULL },
	{ N_("missed_pct"), PM_COL_NUM, NULL }
};
const int pm_inspect_summary_ncols = sizeof pm_inspect_summary_cols /
    sizeof pm_inspect_summary_cols[0];

/*
 * The pairs (h, l): a lead or supervisor check h made in [?1, ?2) and
 * recorded before ?4 (NULL: whenever), and the lower check l it
 * re-examines, named or matched by place and day; ?3 the lower check's
 * inspector, or NULL.
 */
#define PAIRS \
	"SELECT h.id AS hid, l.id AS lid FROM inspections h" \
	" INDEXED BY inspections_at JOIN inspections l ON l.id = h.of" \
	" WHERE h.at >= ?1 AND h.at < ?2 AND h.level <> 'self'" \
	" AND (?4 IS NULL OR h.recorded_at < ?4)" \
	" AND (?3 IS NULL OR l.inspector = ?3)" \
	" UNION ALL SELECT h.id, l.id FROM inspections h" \
	" INDEXED BY inspections_at JOIN inspections l" \
	" INDEXED BY inspections_place ON l.place_kind = h.place_kind" \
	" AND l.place = h.place AND l.checklist = h.checklist" \
	" AND l.day = h.day AND l.at <= h.at AND l.id <> h.id" \
	" AND (l.level = 'self' OR (l.level = 'lead'" \
	" AND h.level = 'supervisor'))" \
	" WHERE h.at >= ?1 AND h.at < ?2 AND h.level <> 'self'" \
	" AND (?4 IS NULL OR h.recorded_at < ?4)" \
	" AND h.of IS NULL AND (?3 IS NULL OR l.inspector = ?3)"

/* Of a pair p, each item hi the higher failed and li the lower passed. */
#define FAILED_PASSED \
	" JOIN inspection_items hi ON hi.inspection_id = p.hid" \
	" AND hi.result = 'fail' JOIN inspection_items li" \
	" ON li.inspection_id = p.lid AND li.n = hi.n AND li.result = 'pass'"

/* The lower checks of the pairs that a higher one contradicted. */
#define CONTRADICTED "SELECT p.lid FROM (" PAIRS ") p" FAILED_PASSED

static int
put_items(struct pm_db *db, sqlite3_stmt *st, struct pm_out *o, int *count)
{
	const char *place, *kind;
	char buf[64];
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_out_text(o, pm_col_text(st, 0));
		pm_out_text(o, pm_col_text(st, 1));
		pm_out_int(o, sqlite3_column_int64(st, 2));
		pm_out_text(o, pm_col_text(st, 3));
		pm_out_text(o, pm_col_text(st, 4));
		kind = pm_col_text(st, 5);
		place = pm_col_text(st, 6);
		if (strcmp(kind, "ticket") == 0) {
			snprintf(buf, sizeof buf, "#%s", place);
			place = buf;
		}
		pm_out_text(o, place);
		pm_out_int(o, sqlite3_column_int64(st, 7));
		pm_out_text(o, pm_col_text(st, 8));
		pm_out_text(o, pm_col_text(st, 9));
		pm_out_text(o, pm_col_text(st, 10));
		pm_out_int(o, sqlite3_column_int64(st, 11));
		pm_out_text(o, pm_col_text(st, 12));
		pm_out_row(o);
		(*count)++;
	}
	return rc == SQLITE_DONE ? 0 : pm_db_error(db, "compare inspections");
}

static int
put_summary(struct pm_db *db, sqlite3_stmt *st, struct pm_out *o, int *count)
{
	char buf[32];
	int64_t t;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pm_out_text(o, pm_col_text(st, 0));
		pm_out_text(o, pm_col_text(st, 1));
		pm_out_int(o, sqlite3_column_int64(st, 2));
		pm_out_int(o, sqlite3_column_int64(st, 3));
		pm_out_int(o, sqlite3_column_int64(st, 4));
		t = pm_rate_tenths(sqlite3_column_int64(st, 4),
		    sqlite3_column_int64(st, 3));
		snprintf(buf, sizeof buf, "%lld.%lld", (long long)(t / 10),
		    (long long)(t % 10));
		pm_out_text(o, t < 0 ? NULL : buf);
		pm_out_row(o);
		(*count)++;
	}
	return rc == SQLITE_DONE ? 0 : pm_db_error(db, "compare inspections");
}

int
pm_inspect_compare(struct pm_db *db, pm_time from, pm_time to,
    const char *inspector, int summary, struct pm_out *o, int *count)
{
	char a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	*count = 0;
	if (summary)
		st = pm_db_stmt(db, "SELECT l.inspector, s.name,"
		    " count(DISTINCT l.id), count(*), sum(li.result = 'pass'"
		    " AND hi.result = 'fail') FROM (" PAIRS ") p"
		    " JOIN inspections l ON l.id = p.lid"
		    " JOIN inspection_items li ON li.inspection_id = p.lid"
		    " JOIN inspection_items hi ON hi.inspection_id = p.hid"
		    " AND hi.n = li.n JOIN staff s ON s.login = l.inspector"
		    " GROUP BY l.inspector ORDER BY l.inspector");
	else
		st = pm_db_stmt(db, "SELECT l.inspector, l.level, l.id, l.day,"
		    " l.checklist, l.place_kind, l.place, hi.n, hi.text,"
		    " h.inspector, h.level, h.id, hi.note FROM (" PAIRS ") p"
		    " JOIN inspections h ON h.id = p.hid"
		    " JOIN inspections l ON l.id = p.lid" FAILED_PASSED
		    " ORDER BY l.inspector, l.day, l.place, hi.n, h.id, l.id");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, a));
	pm_bind_text(st, 2, pm_time_utc(to, b));
	pm_bind_text(st, 3, inspector);
	sqlite3_bind_null(st, 4);
	rc = summary ? put_summary(db, st, o, count) :
	    put_items(db, st, o, count);
	sqlite3_reset(st);
	return rc;
}

/*
 * The self-checks of [from, to) and those contradicted, as of 'cut': the
 * self-checks and the higher checks recorded before it, so that a check
 * recorded after a period has ended leaves its figures as they were.  A
 * higher check re-examining a self-check of the period is made no
 * earlier than it, so [from, cut) holds every one recorded before 'cut'
 * (a check is never made after it is recorded).
 */
int
pm_inspect_selfchecks(struct pm_db *db, pm_time from, pm_time to,
    pm_time cut, pm_inspect_selfcheck_fn fn, void *arg)
{
	char a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN], c[PM_TIME_UTC_LEN];
	struct pm_inspect_selfcheck_row r;
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT s.inspector, count(*), sum(s.id IN ("
	    CONTRADICTED ")) FROM inspections s INDEXED BY inspections_at"
	    " WHERE s.at >= ?1 AND s.at < ?5 AND s.level = 'self'"
	    " AND s.recorded_at < ?4 GROUP BY s.inspector"
	    " ORDER BY s.inspector" PM_SQL_BYTES);
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, a));
	pm_bind_text(st, 2, pm_time_utc(cut, c));
	sqlite3_bind_null(st, 3);
	pm_bind_text(st, 4, c);
	pm_bind_text(st, 5, pm_time_utc(to, b));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.inspector = pm_col_text(st, 0);
		r.checks = sqlite3_column_int64(st, 1);
		r.contradicted = sqlite3_column_int64(st, 2);
		if ((rc = fn(&r, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(db, "count self-checks");
	sqlite3_reset(st);
	return rc;
}
