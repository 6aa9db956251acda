/*
 * inspect_record.c - recording an inspection: each item's result from
 * the command line or from a file, the readings compared with the last
 * ones at the same place, the score, and the rules of the three levels
 * (自检, 班长检查, 主管抽查).
 *
 * Everything is checked before the first row is written, and what is
 * written is facts: the inspection and a copy of each item as it was
 * checked.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "i18n.h"
#include "inspect.h"
#include "inspect_priv.h"
#include "rec.h"
#include "staff.h"
#include "text.h"
#include "ticket.h"
#include "unit.h"
#include "vocab.h"

#define CODE_MAX	128
#define NOTE_MAX	2000
#define MAX_ITEMS	999

/*
 * Results as given.
 */

int
pm_inspect_parse_result(const char *arg, struct pm_inspect_result *r)
{
	const char *eq = strchr(arg, '='), *colon;
	char *end;
	long n;

	memset(r, 0, sizeof *r);
	if (eq == NULL || eq == arg || eq[1] == '\0' || eq[1] == ':' ||
	    arg[0] < '0' || arg[0] > '9')
		goto bad;
	n = strtol(arg, &end, 10);
	if (end != eq || n < 1 || n > MAX_ITEMS)
		goto bad;
	r->n = (int)n;
	colon = strchr(eq + 1, ':');
	if ((r->value = strndup(eq + 1, colon != NULL ?
	    (size_t)(colon - eq - 1) : strlen(eq + 1))) == NULL ||
	    (colon != NULL && (r->note = strdup(colon + 1)) == NULL))
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return 0;
bad:
	return pm_cli_bad(N_("result"), arg, N_("not ITEM=RESULT (3=pass, "
	    "4=fail:阀门未铅封, 5=1234.5)"));
}

void
pm_inspect_results_free(struct pm_inspect_result *rs, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		free((char *)rs[i].value);
		free((char *)rs[i].note);
		free((char *)rs[i].where);
	}
	free(rs);
}

static const char *const result_fields[] = { "item", "result", "note",
	NULL };

/* A copy of 's', or NULL for NULL and "". */
static int
dup_field(const char *s, const char **out)
{
	*out = NULL;
	if (s == NULL || *s == '\0')
		return 0;
	if ((*out = strdup(s)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return 0;
}

/* One record of the results file into 'r' (whose strings it owns). */
static int
read_one(struct pm_rec *rec, struct pm_inspect_result *r)
{
	const char *item = pm_rec_get(rec, "item");
	char where[256], *end;
	long n;
	int rc;

	memset(r, 0, sizeof *r);
	snprintf(where, sizeof where, "%s:%d", pm_rec_name(rec),
	    pm_rec_line(rec));
	if ((r->where = strdup(where)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (item == NULL || *item == '\0')
		return pm_err(PM_EX_DATAERR, "%s: item: missing", where);
	n = strtol(item, &end, 10);
	if (*end != '\0' || n < 1 || n > MAX_ITEMS || item[0] < '0' ||
	    item[0] > '9')
		return pm_err(PM_EX_DATAERR, "%s: item %s: not an item number",
		    where, pm_q(item));
	r->n = (int)n;
	if ((rc = dup_field(pm_rec_get(rec, "result"), &r->value)) != 0 ||
	    (rc = dup_field(pm_rec_get(rec, "note"), &r->note)) != 0)
		return rc;
	if (r->value == NULL)
		return pm_err(PM_EX_DATAERR, "%s: result: missing", where);
	return 0;
}

int
pm_inspect_read_results(FILE *fp, const char *name,
    struct pm_inspect_result **rs, int *n)
{
	struct pm_inspect_result *nr;
	struct pm_rec *rec;
	int rc, cap = *n, first = 1;

	if ((rc = pm_rec_open(fp, name, PM_REC_AUTO, &rec)) != 0)
		return rc;
	while ((rc = pm_rec_next(rec)) == 1) {
		if (first && (rc = pm_rec_check_fields(rec,
		    result_fields)) != 0)
			break;
		first = 0;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			if ((nr = realloc(*rs, (size_t)cap * sizeof *nr)) ==
			    NULL) {
				rc = pm_err(PM_EX_SOFTWARE, "out of memory");
				break;
			}
			*rs = nr;
		}
		rc = read_one(rec, &(*rs)[*n]);
		(*n)++;
		if (rc != 0)
			break;
		if (*n > MAX_ITEMS) {
			rc = pm_err(PM_EX_DATAERR, "%s: more than %d results",
			    name, MAX_ITEMS);
			break;
		}
	}
	pm_rec_free(rec);
	return rc < 0 ? 0 : rc;
}

/*
 * The checklist, the place and the check re-examined, as read.
 */

struct item {
	int n;
	char *text, *unit_of, *category;
	int weight, serious, unchanged, has_min, has_max;
	int64_t min, max;
	/* The result. */
	const struct pm_inspect_result *given;
	int pass, has_reading, has_previous;
	int64_t reading, previous;
};

struct check {
	char checklist[CODE_MAX], category[CODE_MAX];
	int pass_score;
	char place_kind[16], place[CODE_MAX], unit[CODE_MAX];
	char inspector[CODE_MAX];
	const char *level;
	pm_time at;
	int64_t of;
	struct item *items;
	int nitems;
};

static void
check_release(struct check *k)
{
	int i;

	for (i = 0; i < k->nitems; i++) {
		free(k->items[i].text);
		free(k->items[i].unit_of);
		free(k->items[i].category);
	}
	free(k->items);
	k->items = NULL;
	k->nitems = 0;
}

/* A retired record of kind 'what' (translated) named 'code'. */
static int
retired(const char *what, const char *code)
{
	return pm_err(PM_EX_DATAERR, "%s %s: retired (it has left the estate "
	    "file)", _(what), pm_q(code));
}

static int
read_checklist(struct pm_db *db, const char *input, struct check *k)
{
	sqlite3_stmt *st;
	struct item *it;
	int rc, oom = 0;

	if ((rc = pm_rec_find(db, &pm_checklist_type, input, k->checklist,
	    sizeof k->checklist)) != 0)
		return rc;
	st = pm_db_stmt(db, "SELECT category, pass_score, retired"
	    " FROM checklists WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, k->checklist);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		rc = pm_db_error(db, "read checklist");
		sqlite3_reset(st);
		return rc;
	}
	snprintf(k->category, sizeof k->category, "%s", pm_col_text(st, 0));
	k->pass_score = sqlite3_column_int(st, 1);
	rc = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	if (rc)
		return retired(N_("checklist"), k->checklist);
	st = pm_db_stmt(db, "SELECT n, text, weight, serious, reading, min, max,"
	    " unchanged, coalesce(category, (SELECT category FROM checklists"
	    " WHERE code = ?1)) FROM checklist_items WHERE checklist = ?1"
	    " AND retired = 0 ORDER BY n");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, k->checklist);
	if ((k->items = calloc(MAX_ITEMS, sizeof *k->items)) == NULL) {
		sqlite3_reset(st);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k->nitems < MAX_ITEMS) {
		it = &k->items[k->nitems++];
		it->n = sqlite3_column_int(st, 0);
		it->text = ins_dup(pm_col_text(st, 1), &oom);
		it->weight = sqlite3_column_int(st, 2);
		it->serious = sqlite3_column_int(st, 3);
		it->unit_of = ins_dup(pm_col_text(st, 4), &oom);
		it->has_min = sqlite3_column_type(st, 5) != SQLITE_NULL;
		it->min = sqlite3_column_int64(st, 5);
		it->has_max = sqlite3_column_type(st, 6) != SQLITE_NULL;
		it->max = sqlite3_column_int64(st, 6);
		it->unchanged = sqlite3_column_int(st, 7);
		it->category = ins_dup(pm_col_text(st, 8), &oom);
		it->pass = 1;
	}
	rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    pm_db_error(db, "read checklist");
	sqlite3_reset(st);
	if (rc == 0 && oom)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	if (rc == 0 && k->nitems == 0)
		rc = pm_err(PM_EX_DATAERR, "checklist %s: no items",
		    pm_q(k->checklist));
	return rc;
}

/*
 * Read one row of 'sql' for 'key': its 'ncols' columns as text ("" for
 * NULL) into out[i], each of 'len' bytes.
 */
static int
read_row(struct pm_db *db, const char *sql, const char *key, char **out,
    size_t len, int ncols, const char *what)
{
	sqlite3_stmt *st;
	int rc, i;

	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, key);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		rc = pm_db_error(db, what);
		sqlite3_reset(st);
		return rc;
	}
	for (i = 0; i < ncols; i++)
		snprintf(out[i], len, "%s", pm_col_text(st, i) != NULL ?
		    pm_col_text(st, i) : "");
	sqlite3_reset(st);
	return 0;
}

static int
read_place(struct pm_db *db, const struct pm_inspect_new *n, struct check *k)
{
	char retired_s[CODE_MAX], resolved[CODE_MAX], *cols[2];
	int rc;

	cols[1] = retired_s;
	if ((n->unit != NULL) + (n->facility != NULL) + (n->ticket != NULL) !=
	    1)
		return pm_err(PM_EX_USAGE, "record: give one place: --unit, "
		    "--facility or --ticket");
	if (n->unit != NULL) {
		snprintf(k->place_kind, sizeof k->place_kind, "unit");
		if ((rc = pm_rec_find(db, &pm_unit_type, n->unit, k->place,
		    sizeof k->place)) != 0)
			return rc;
		cols[0] = k->unit;
		if ((rc = read_row(db, "SELECT code, retired FROM units"
		    " WHERE code = ?1", k->place, cols, CODE_MAX, 2,
		    "read unit")) != 0)
			return rc;
		return strcmp(retired_s, "1") == 0 ?
		    retired(N_("unit"), k->place) : 0;
	}
	if (n->facility != NULL) {
		snprintf(k->place_kind, sizeof k->place_kind, "facility");
		if ((rc = pm_rec_find(db, &pm_facility_type, n->facility,
		    k->place, sizeof k->place)) != 0)
			return rc;
		cols[0] = k->unit;
		if ((rc = read_row(db, "SELECT location, retired FROM facilities"
		    " WHERE code = ?1", k->place, cols, CODE_MAX, 2,
		    "read facility")) != 0)
			return rc;
		return strcmp(retired_s, "1") == 0 ?
		    retired(N_("facility"), k->place) : 0;
	}
	snprintf(k->place_kind, sizeof k->place_kind, "ticket");
	if ((rc = pm_rec_find(db, &pm_ticket_type, n->ticket, k->place,
	    sizeof k->place)) != 0)
		return rc;
	cols[0] = k->unit;
	cols[1] = resolved;
	if ((rc = read_row(db, "SELECT unit, first_resolved_at FROM tickets"
	    " WHERE id = ?1", k->place, cols, CODE_MAX, 2,
	    "read ticket")) != 0)
		return rc;
	if (resolved[0] == '\0')
		return pm_err(PM_EX_DATAERR, "ticket %s: not resolved yet, "
		    "nothing to check after the repair", pm_q(k->place));
	return 0;
}

/*
 * The inspector and the level: a check at a level needs a role of at
 * least that rank (a lead check a team lead, a spot check a supervisor).
 */
static int
read_inspector(struct pm_db *db, const struct pm_inspect_new *n,
    struct check *k)
{
	char role[CODE_MAX], retired_s[CODE_MAX], *cols[2] = { role, retired_s };
	int rc, rank, need;

	if ((rc = pm_rec_find(db, &pm_staff_type, n->inspector != NULL ?
	    n->inspector : db->user, k->inspector, sizeof k->inspector)) != 0)
		return rc;
	if ((rc = read_row(db, "SELECT role, retired FROM staff"
	    " WHERE login = ?1", k->inspector, cols, CODE_MAX, 2,
	    "read staff")) != 0)
		return rc;
	if (strcmp(retired_s, "1") == 0)
		return pm_err(PM_EX_DATAERR, "staff %s: retired",
		    pm_q(k->inspector));
	rank = pm_vocab_index(&pm_v_role, role);
	if (n->level == NULL) {
		/* A manager's check is a spot check, as a supervisor's. */
		k->level = pm_vocab_id(&pm_v_inspect_level, rank > 2 ? 2 : rank);
		return 0;
	}
	if ((rc = pm_vocab_check(&pm_v_inspect_level, n->level, 0,
	    &k->level)) != 0)
		return rc;
	need = ins_level_rank(k->level);
	if (rank >= need)
		return 0;
	if (need == 1)
		return pm_err(PM_EX_NOPERM, "staff %s is %s: a lead check "
		    "(班长检查) is made by a team lead, supervisor or manager",
		    pm_q(k->inspector), pm_vocab_label(&pm_v_role, role));
	return pm_err(PM_EX_NOPERM, "staff %s is %s: a spot check (主管抽查) "
	    "is made by a supervisor or manager", pm_q(k->inspector),
	    pm_vocab_label(&pm_v_role, role));
}

/* The check 'of' re-examines: earlier, lower, same checklist and place. */
static int
read_of(struct pm_db *db, const char *input, struct check *k)
{
	char id[CODE_MAX], checklist[CODE_MAX], kind[CODE_MAX], place[CODE_MAX];
	char level[CODE_MAX], at[CODE_MAX], now[PM_TIME_UTC_LEN];
	char *cols[5] = { checklist, kind, place, level, at };
	int rc;

	if ((rc = pm_rec_find(db, &pm_inspection_type, input, id,
	    sizeof id)) != 0)
		return rc;
	if ((rc = read_row(db, "SELECT checklist, place_kind, place, level, at"
	    " FROM inspections WHERE id = ?1", id, cols, CODE_MAX, 5,
	    "read inspection")) != 0)
		return rc;
	k->of = strtoll(id, NULL, 10);
	if (strcmp(checklist, k->checklist) != 0 || strcmp(kind,
	    k->place_kind) != 0 || strcmp(place, k->place) != 0)
		return pm_err(PM_EX_DATAERR, "inspection %s is of checklist %s "
		    "at %s: not the same check", id, pm_q(checklist),
		    pm_q(place));
	if (ins_level_rank(level) >= ins_level_rank(k->level))
		return pm_err(PM_EX_DATAERR, "inspection %s is %s: a check "
		    "re-examines one of a lower level", id,
		    pm_vocab_label(&pm_v_inspect_level, level));
	if (strcmp(at, pm_time_utc(k->at, now)) > 0)
		return pm_err(PM_EX_DATAERR, "inspection %s was made after this "
		    "one: a check re-examines an earlier one", id);
	return 0;
}

/*
 * The results.
 */

/* Put a results file's place ("stdin:3") before the message recorded. */
static int
placed(const struct pm_inspect_result *r, int rc)
{
	char msg[1200];

	if (r->where == NULL || rc == 0)
		return rc;
	snprintf(msg, sizeof msg, "%s: %s", r->where, pm_err_msg());
	return pm_errs(rc, msg);
}

/* The last reading of item 'it' at the same place before this check. */
static int
previous(struct pm_db *db, const struct check *k, struct item *it)
{
	char at[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	st = pm_db_stmt(db, "SELECT t.reading FROM inspections i"
	    " JOIN inspection_items t ON t.inspection_id = i.id AND t.n = ?4"
	    " WHERE i.place_kind = ?1 AND i.place = ?2 AND i.checklist = ?3"
	    " AND i.at < ?5 AND t.reading IS NOT NULL"
	    " ORDER BY i.day DESC, i.at DESC, i.id DESC LIMIT 1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, k->place_kind);
	pm_bind_text(st, 2, k->place);
	pm_bind_text(st, 3, k->checklist);
	pm_bind_int(st, 4, it->n);
	pm_bind_text(st, 5, pm_time_utc(k->at, at));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		it->has_previous = 1;
		it->previous = sqlite3_column_int64(st, 0);
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    pm_db_error(db, "read the last reading");
	sqlite3_reset(st);
	return rc;
}

/* Give item 'it' its result 'r'. */
static int
judge(struct pm_db *db, const struct check *k, struct item *it,
    const struct pm_inspect_result *r)
{
	const char *id;
	int rc;

	if (r->note != NULL && (rc = pm_text_check(N_("note"), r->note,
	    NOTE_MAX, PM_TEXT_LINES)) != 0)
		return rc;
	it->given = r;
	if (it->unit_of == NULL) {
		if ((rc = pm_vocab_check(&pm_v_result, r->value, 0, &id)) != 0)
			return rc;
		it->pass = strcmp(id, "pass") == 0;
		return 0;
	}
	if (pm_reading_parse(r->value, &it->reading) != 0)
		return pm_err(PM_EX_DATAERR, "item %d (%s): %s is not a reading "
		    "in %s", it->n, it->text, pm_q(r->value), it->unit_of);
	it->has_reading = 1;
	if ((rc = previous(db, k, it)) != 0)
		return rc;
	it->pass = !(it->has_min && it->reading < it->min) &&
	    !(it->has_max && it->reading > it->max) &&
	    !(it->unchanged && it->has_previous &&
	    it->reading != it->previous);
	return 0;
}

static int
judge_all(struct pm_db *db, struct check *k, const struct pm_inspect_new *n)
{
	const struct pm_inspect_result *r;
	struct item *it;
	int i, j, rc;

	for (i = 0; i < n->nresults; i++) {
		r = &n->results[i];
		for (j = 0; j < k->nitems && k->items[j].n != r->n; j++)
			;
		if (j == k->nitems)
			return placed(r, pm_err(PM_EX_DATAERR, "item %d: checklist "
			    "%s has %d items", r->n, pm_q(k->checklist),
			    k->nitems));
		it = &k->items[j];
		if (it->given != NULL)
			return placed(r, pm_err(PM_EX_DATAERR, "item %d: given "
			    "twice", r->n));
		if ((rc = judge(db, k, it, r)) != 0)
			return placed(r, rc);
	}
	for (j = 0; j < k->nitems; j++)
		if (k->items[j].unit_of != NULL && k->items[j].given == NULL)
			return pm_err(PM_EX_DATAERR, "item %d (%s): a reading in "
			    "%s is needed", k->items[j].n, k->items[j].text,
			    k->items[j].unit_of);
	return 0;
}

/*
 * Writing.
 */

static int
insert(struct pm_db *db, const struct pm_inspect_new *n, struct check *k,
    int64_t *id)
{
	char at[PM_TIME_UTC_LEN], now[PM_TIME_UTC_LEN], day[PM_DATE_LEN];
	int64_t passed = 0, weight = 0;
	int failed = 0, serious = 0, i, rc, pass;
	sqlite3_stmt *st;
	struct item *it;

	for (i = 0; i < k->nitems; i++) {
		it = &k->items[i];
		weight += it->weight;
		if (it->pass)
			passed += it->weight;
		else {
			failed++;
			serious |= it->serious;
		}
	}
	pass = !serious && passed * 10000 >= (int64_t)k->pass_score * weight;
	st = pm_db_stmt(db, "INSERT INTO inspections(checklist, level,"
	    " place_kind, place, unit, day, at, inspector, recorded_at,"
	    " recorded_by, of, passed, weight, failed, result, note) VALUES"
	    " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
	    " ?15, ?16)");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, k->checklist);
	pm_bind_text(st, 2, k->level);
	pm_bind_text(st, 3, k->place_kind);
	pm_bind_text(st, 4, k->place);
	pm_bind_text(st, 5, k->unit);
	pm_bind_text(st, 6, pm_date_local(k->at, day));
	pm_bind_text(st, 7, pm_time_utc(k->at, at));
	pm_bind_text(st, 8, k->inspector);
	pm_bind_text(st, 9, pm_time_utc(pm_now(), now));
	pm_bind_text(st, 10, db->user);
	if (k->of != 0)
		pm_bind_int(st, 11, k->of);
	pm_bind_int(st, 12, passed);
	pm_bind_int(st, 13, weight);
	pm_bind_int(st, 14, failed);
	pm_bind_text(st, 15, pass ? "pass" : "fail");
	pm_bind_text(st, 16, n->note);
	if ((rc = pm_db_step_done(db, st, "insert inspection")) != 0)
		return rc;
	*id = pm_db_last_id(db);
	st = pm_db_stmt(db, "INSERT INTO inspection_items(inspection_id, n,"
	    " text, weight, serious, result, reading, previous, unit_of,"
	    " category, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	    " ?11)");
	if (st == NULL)
		return pm_err_code();
	for (i = 0; i < k->nitems; i++) {
		it = &k->items[i];
		pm_bind_int(st, 1, *id);
		pm_bind_int(st, 2, it->n);
		pm_bind_text(st, 3, it->text);
		pm_bind_int(st, 4, it->weight);
		pm_bind_int(st, 5, it->serious);
		pm_bind_text(st, 6, it->pass ? "pass" : "fail");
		sqlite3_bind_null(st, 7);
		sqlite3_bind_null(st, 8);
		if (it->has_reading)
			pm_bind_int(st, 7, it->reading);
		if (it->has_previous)
			pm_bind_int(st, 8, it->previous);
		pm_bind_text(st, 9, it->unit_of);
		pm_bind_text(st, 10, it->category);
		pm_bind_text(st, 11, it->given != NULL ? it->given->note : NULL);
		if ((rc = pm_db_step_done(db, st, "insert inspection item")) != 0)
			return rc;
	}
	{
		char idb[24];

		snprintf(idb, sizeof idb, "%lld", (long long)*id);
		return pm_audit(db, "inspections", idb, "recorded: %s %s of %s"
		    " %s by %s, %lld/%lld, %s (%d failed)", k->level,
		    k->checklist, k->place_kind, k->place, k->inspector,
		    (long long)passed, (long long)weight,
		    pass ? "pass" : "fail", failed);
	}
}

int
pm_inspect_record(struct pm_db *db, const struct pm_inspect_new *n,
    int64_t *id)
{
	struct check k;
	int rc;

	memset(&k, 0, sizeof k);
	k.at = n->at;
	if ((rc = ins_when(&k.at)) != 0)
		return rc;
	if ((n->note != NULL && (rc = pm_text_check(N_("note"), n->note,
	    NOTE_MAX, PM_TEXT_LINES)) != 0) ||
	    (rc = read_checklist(db, n->checklist, &k)) != 0 ||
	    (rc = read_place(db, n, &k)) != 0 ||
	    (rc = read_inspector(db, n, &k)) != 0 ||
	    (n->of != NULL && (rc = read_of(db, n->of, &k)) != 0) ||
	    (rc = judge_all(db, &k, n)) != 0)
		goto out;
	rc = insert(db, n, &k, id);
out:
	check_release(&k);
	return rc;
}
