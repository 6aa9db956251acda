/*
 * unit.c - units, their owners and occupancy.
 *
 * All SQL about units lives here, with bound parameters only: an owner
 * name such as "'; DROP TABLE units; --" is a value like any other.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "err.h"
#include "mask.h"
#include "rec.h"
#include "unit.h"
#include "utf8.h"

#define NAME_MAX_BYTES	200
#define IMPORT_MAX_ERRORS 20

int
pm_unit_check_name(const char *s)
{
	const char *p = s;
	uint32_t cp;
	char q[PM_QUOTE_MAX];
	size_t n;

	if (strlen(s) > NAME_MAX_BYTES)
		return pm_err(PM_EX_DATAERR, "owner name '%s': longer than %d "
		    "bytes", pm_mask_quote(s, q), NAME_MAX_BYTES);
	for (; *p != '\0'; p += n) {
		if ((n = pm_utf8_decode(p, &cp)) == 0)
			return pm_err(PM_EX_DATAERR, "owner name '%s': not "
			    "valid UTF-8", pm_mask_quote(s, q));
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			return pm_err(PM_EX_DATAERR, "owner name '%s': "
			    "control character U+%04lX not allowed",
			    pm_mask_quote(s, q), (unsigned long)cp);
		if (cp == 0x200e || cp == 0x200f ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			return pm_err(PM_EX_DATAERR, "owner name '%s': "
			    "bidirectional control U+%04lX not allowed",
			    pm_mask_quote(s, q), (unsigned long)cp);
	}
	return 0;
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
bad_phone(const char *s)
{
	char q[PM_QUOTE_MAX];

	return pm_err(PM_EX_DATAERR, "phone '%s': not a phone number (a "
	    "mobile number such as 13812345678 or a landline such as "
	    "010-12345678)", pm_mask_quote(s, q));
}

int
pm_unit_check_phone(const char *s)
{
	size_t len = strlen(s), digits = 0, i;
	int dash = 0;
	char q[PM_QUOTE_MAX];

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (is_digit(s[i]))
			digits++;
		else if (s[i] == '-' && i > 0 && i + 1 < len &&
		    s[i + 1] != '-')
			dash = 1;
		else
			return bad_phone(s);
	}
	if (dash)
		return digits >= 7 && digits <= 20 ? 0 : bad_phone(s);
	if (digits == 11 && s[0] == '1') {
		if (s[1] < '3')
			return pm_err(PM_EX_DATAERR, "phone '%s': not a "
			    "mobile number (they start 13 to 19)",
			    pm_mask_quote(s, q));
		return 0;
	}
	if (digits == 7 || digits == 8)
		return 0;
	return pm_err(PM_EX_DATAERR, "phone '%s': %zu digit%s, neither a "
	    "mobile number (11, starting with 1) nor a local one (7 or 8)",
	    pm_mask_quote(s, q), digits, digits == 1 ? "" : "s");
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The birth date YYYYMMDD at 's' (8 digits) is a real day from 1900. */
static int
real_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, i, v[8];

	for (i = 0; i < 8; i++)
		v[i] = s[i] - '0';
	y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	m = v[4] * 10 + v[5];
	d = v[6] * 10 + v[7];
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

int
pm_unit_check_id_number(const char *s)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9,
	    10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	size_t len = strlen(s), i;
	int sum = 0;
	char last;
	char q[PM_QUOTE_MAX];

	if (len == 0)
		return 0;
	if (len != 18)
		return pm_err(PM_EX_DATAERR, "id number '%s': %zu characters, "
		    "not 18", pm_mask_quote(s, q), len);
	for (i = 0; i < 17; i++) {
		if (!is_digit(s[i]))
			return pm_err(PM_EX_DATAERR, "id number '%s': the "
			    "first 17 characters must be digits",
			    pm_mask_quote(s, q));
		sum += (s[i] - '0') * weight[i];
	}
	last = s[17] == 'x' ? 'X' : s[17];
	if (!is_digit(last) && last != 'X')
		return pm_err(PM_EX_DATAERR, "id number '%s': the last "
		    "character must be a digit or X", pm_mask_quote(s, q));
	if (!real_date(s + 6))
		return pm_err(PM_EX_DATAERR, "id number '%s': no such birth "
		    "date '%.8s'", s, s + 6);
	if (check[sum % 11] != last)
		return pm_err(PM_EX_DATAERR, "id number '%s': wrong check "
		    "digit (a typing error?)", s);
	return 0;
}

static int
one_of(const char *s, const char *const *choices)
{
	int i;

	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(s, choices[i]) == 0)
			return 1;
	return 0;
}

int
pm_unit_check_occupancy(const char *s)
{
	static const char *const states[] = { "occupied", "vacant",
	    "rented", NULL };
	char q[PM_QUOTE_MAX];

	if (one_of(s, states))
		return 0;
	return pm_err(PM_EX_DATAERR, "occupancy '%s': unknown occupancy "
	    "(choose occupied, vacant or rented)", pm_mask_quote(s, q));
}

int
pm_unit_check_condition(const char *s)
{
	static const char *const states[] = { "good", "basic", "poor", NULL };
	char q[PM_QUOTE_MAX];

	if (one_of(s, states))
		return 0;
	return pm_err(PM_EX_DATAERR, "condition '%s': unknown condition "
	    "(choose good, basic or poor)", pm_mask_quote(s, q));
}

int
pm_unit_check_change(const struct pm_unit_change *c)
{
	int rc = 0;

	if (c->owner_name != NULL && (rc = pm_unit_check_name(c->owner_name)))
		return rc;
	if (c->owner_phone != NULL &&
	    (rc = pm_unit_check_phone(c->owner_phone)) != 0)
		return rc;
	if (c->owner_id_number != NULL &&
	    (rc = pm_unit_check_id_number(c->owner_id_number)) != 0)
		return rc;
	if (c->occupancy != NULL &&
	    (rc = pm_unit_check_occupancy(c->occupancy)) != 0)
		return rc;
	if (c->condition != NULL)
		rc = pm_unit_check_condition(c->condition);
	return rc;
}

/*
 * Natural order for codes: runs of digits compare as numbers, so
 * "3-1-502" < "3-1-1001" and "3" < "10"; the rest compares as bytes.
 * Codes equal that way ("01" and "1") are then ordered as bytes, so the
 * order is total and the same on every run.
 */
static int
natural_cmp(void *arg, int na, const void *va, int nb, const void *vb)
{
	const unsigned char *a = va, *b = vb;
	int i = 0, j = 0, si, sj, li, lj, k, c;

	while (i < na && j < nb) {
		if (is_digit(a[i]) && is_digit(b[j])) {
			while (i < na && a[i] == '0')
				i++;
			while (j < nb && b[j] == '0')
				j++;
			for (si = i; i < na && is_digit(a[i]); i++)
				;
			for (sj = j; j < nb && is_digit(b[j]); j++)
				;
			li = i - si;
			lj = j - sj;
			if (li != lj)
				return li < lj ? -1 : 1;
			for (k = 0; k < li; k++)
				if (a[si + k] != b[sj + k])
					return a[si + k] < b[sj + k] ? -1 : 1;
			continue;
		}
		if (a[i] != b[j])
			return a[i] < b[j] ? -1 : 1;
		i++;
		j++;
	}
	if (i < na || j < nb)
		return i < na ? 1 : -1;
	c = memcmp(a, b, na < nb ? na : nb);
	if (c != 0)
		return c;
	return na < nb ? -1 : na > nb;
}

/*
 * Register the natural collation when SQLite first meets its name.
 * Doing it on demand, rather than at every call, keeps cached
 * statements valid: redefining a collation would expire them.
 */
static void
need_collation(void *arg, sqlite3 *h, int enc, const char *name)
{
	if (strcmp(name, "pm_natural") == 0)
		sqlite3_create_collation_v2(h, "pm_natural", SQLITE_UTF8, NULL,
		    natural_cmp, NULL);
}

#define UNIT_COLS "code, kind, name, building, entrance, floor, area," \
	" occupancy, condition, owner_name, owner_phone, owner_id_number," \
	" retired"

static void
unit_from_row(sqlite3_stmt *st, struct pm_unit *u)
{
	u->code = pm_col_text(st, 0);
	u->kind = pm_col_text(st, 1);
	u->name = pm_col_text(st, 2);
	u->building = pm_col_text(st, 3);
	u->entrance = sqlite3_column_int(st, 4);
	u->floor = sqlite3_column_int(st, 5);
	u->area = sqlite3_column_int64(st, 6);
	/* A public area is never occupied or vacant; its column is unused. */
	u->occupancy = strcmp(u->kind, "public") == 0 ? NULL :
	    pm_col_text(st, 7);
	u->condition = pm_col_text(st, 8);
	u->owner_name = pm_col_text(st, 9);
	u->owner_phone = pm_col_text(st, 10);
	u->owner_id_number = pm_col_text(st, 11);
	u->retired = sqlite3_column_int(st, 12);
}

/* Step 'st' and hand each row to 'fn'; the statement is reset after. */
static int
each_row(struct pm_db *db, sqlite3_stmt *st, const char *what, int *nrows,
    int (*fn)(const struct pm_unit *, void *), void *arg)
{
	struct pm_unit u;
	int rc;

	*nrows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*nrows)++;
		unit_from_row(st, &u);
		if ((rc = fn(&u, arg)) != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	if (rc != SQLITE_DONE)
		rc = pm_db_error(db, what);
	else
		rc = 0;
	sqlite3_reset(st);
	return rc;
}

static int
building_exists(struct pm_db *db, const char *code, int *found)
{
	return pm_db_exists(db, "SELECT 1 FROM buildings WHERE code = ?1",
	    code, "find building", found);
}

int
pm_unit_list(struct pm_db *db, const struct pm_unit_filter *f,
    int (*fn)(const struct pm_unit *, void *), void *arg)
{
	sqlite3_stmt *st;
	char q[PM_QUOTE_MAX];
	int rc, found, n;

	if (f->occupancy != NULL &&
	    (rc = pm_unit_check_occupancy(f->occupancy)) != 0)
		return rc;
	if (f->building != NULL) {
		if ((rc = building_exists(db, f->building, &found)) != 0)
			return rc;
		if (!found)
			return pm_err(PM_EX_NOINPUT, "building '%s': no such "
			    "building", pm_mask_quote(f->building, q));
	}
	sqlite3_collation_needed(db->h, NULL, need_collation);
	st = pm_db_stmt(db, "SELECT " UNIT_COLS " FROM units"
	    " WHERE retired = 0 AND kind = ?1"
	    " AND (?2 IS NULL OR building = ?2)"
	    " AND (?3 IS NULL OR occupancy = ?3)"
	    " ORDER BY building COLLATE pm_natural, entrance, floor,"
	    " code COLLATE pm_natural");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, f->public_areas ? "public" : "unit");
	pm_bind_text(st, 2, f->building);
	pm_bind_text(st, 3, f->occupancy);
	return each_row(db, st, "list units", &n, fn, arg);
}

int
pm_unit_get(struct pm_db *db, const char *code,
    int (*fn)(const struct pm_unit *, void *), void *arg)
{
	sqlite3_stmt *st;
	char q[PM_QUOTE_MAX];
	int rc, n;

	st = pm_db_stmt(db, "SELECT " UNIT_COLS " FROM units WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	if ((rc = each_row(db, st, "find unit", &n, fn, arg)) != 0)
		return rc;
	if (n == 0)
		return pm_err(PM_EX_NOINPUT, "unit '%s': no such unit",
		    pm_mask_quote(code, q));
	return 0;
}

/* The fields pm_unit_set() may change, in struct pm_unit_change order. */
enum { F_NAME, F_PHONE, F_ID, F_OCCUPANCY, F_CONDITION, NFIELDS };

static const char *const field_names[NFIELDS] = {
	"owner_name", "owner_phone", "owner_id_number", "occupancy",
	"condition"
};

/* A unit's settable fields, owned copies (NULL for SQL NULL). */
struct unit_row {
	char *kind;
	int retired;
	char *v[NFIELDS];
};

static void
row_release(struct unit_row *r)
{
	int i;

	free(r->kind);
	for (i = 0; i < NFIELDS; i++)
		free(r->v[i]);
}

static char *
dup_or_null(const char *s, int *oom)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = 1;
	return d;
}

/* Read unit 'code' into 'r'; PM_EX_NOINPUT when there is none. */
static int
row_read(struct pm_db *db, const char *code, struct unit_row *r)
{
	sqlite3_stmt *st;
	char q[PM_QUOTE_MAX];
	int rc, i, oom = 0;

	memset(r, 0, sizeof *r);
	st = pm_db_stmt(db, "SELECT kind, retired, owner_name, owner_phone,"
	    " owner_id_number, occupancy, condition FROM units"
	    " WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return pm_err(PM_EX_NOINPUT, "unit '%s': no such unit",
		    pm_mask_quote(code, q));
	}
	if (rc != SQLITE_ROW) {
		rc = pm_db_error(db, "find unit");
		sqlite3_reset(st);
		return rc;
	}
	r->kind = dup_or_null(pm_col_text(st, 0), &oom);
	r->retired = sqlite3_column_int(st, 1);
	for (i = 0; i < NFIELDS; i++)
		r->v[i] = dup_or_null(pm_col_text(st, 2 + i), &oom);
	sqlite3_reset(st);
	if (oom || r->kind == NULL) {
		row_release(r);
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	return 0;
}

static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/*
 * How a value looks in the audit trail: personal numbers masked, since
 * the trail is read by more people than may see them.
 */
static const char *
audit_value(int field, const char *v, char buf[PM_MASK_MAX])
{
	if (field == F_PHONE || field == F_ID)
		return pm_mask(v, buf);
	return v;
}

/* Write the row's values back and add the audit row 'summary'. */
static int
row_write(struct pm_db *db, const char *code, char *const *v,
    const char *summary)
{
	sqlite3_stmt *st;
	int rc, i;

	st = pm_db_stmt(db, "UPDATE units SET owner_name = ?2,"
	    " owner_phone = ?3, owner_id_number = ?4, occupancy = ?5,"
	    " condition = ?6 WHERE code = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, code);
	for (i = 0; i < NFIELDS; i++)
		pm_bind_text(st, 2 + i, v[i]);
	if ((rc = pm_db_step_done(db, st, "update unit")) != 0)
		return rc;
	return pm_audit(db, "units", code, "%s", summary);
}

int
pm_unit_set(struct pm_db *db, const char *code,
    const struct pm_unit_change *c, int *changed)
{
	const char *want[NFIELDS];
	const char *nv[NFIELDS];
	char idbuf[19], ma[PM_MASK_MAX], mb[PM_MASK_MAX];
	struct unit_row r;
	sqlite3_str *sum;
	char q[PM_QUOTE_MAX];
	char *summary;
	int rc, i;

	*changed = 0;
	if ((rc = pm_unit_check_change(c)) != 0)
		return rc;
	want[F_NAME] = c->owner_name;
	want[F_PHONE] = c->owner_phone;
	want[F_ID] = c->owner_id_number;
	want[F_OCCUPANCY] = c->occupancy;
	want[F_CONDITION] = c->condition;
	/* One spelling of the ID check character: X. */
	if (want[F_ID] != NULL && want[F_ID][0] != '\0') {
		memcpy(idbuf, want[F_ID], 19);
		if (idbuf[17] == 'x')
			idbuf[17] = 'X';
		want[F_ID] = idbuf;
	}
	if ((rc = row_read(db, code, &r)) != 0)
		return rc;
	if (r.retired) {
		row_release(&r);
		return pm_err(PM_EX_DATAERR, "unit '%s': retired unit",
		    pm_mask_quote(code, q));
	}
	if (strcmp(r.kind, "public") == 0 && (want[F_NAME] != NULL ||
	    want[F_PHONE] != NULL || want[F_ID] != NULL ||
	    want[F_OCCUPANCY] != NULL)) {
		row_release(&r);
		return pm_err(PM_EX_DATAERR, "unit '%s': a public area has no "
		    "owner or occupancy", pm_mask_quote(code, q));
	}
	/* The summary reads as pm-db apply's: "changed: a 'x' -> 'y', ...". */
	sum = sqlite3_str_new(db->h);
	sqlite3_str_appendall(sum, "changed:");
	for (i = 0; i < NFIELDS; i++) {
		nv[i] = r.v[i];
		if (want[i] == NULL)
			continue;
		nv[i] = want[i][0] == '\0' ? NULL : want[i];
		if (same(nv[i], r.v[i]))
			continue;
		sqlite3_str_appendf(sum, "%s %s %Q -> %Q", *changed ? "," : "",
		    field_names[i], audit_value(i, r.v[i], ma),
		    audit_value(i, nv[i], mb));
		*changed = 1;
	}
	summary = sqlite3_str_finish(sum);
	if (summary == NULL && *changed)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	else if (*changed)
		rc = row_write(db, code, (char *const *)nv, summary);
	sqlite3_free(summary);
	row_release(&r);
	if (rc != 0)
		*changed = 0;
	return rc;
}

const char *const pm_unit_import_fields[] = {
	"unit", "owner_name", "owner_phone", "owner_id_number", "occupancy",
	NULL
};

/*
 * The units already named in an import, with the line that named each:
 * an open-addressing hash table, so a file of 10,000 units costs no
 * more than one pass.
 */
struct seen {
	struct seen_slot {
		char *code;
		int line;
	} *slot;
	size_t cap, n;
};

static size_t
hash(const char *s)
{
	size_t h = 14695981039346656037ULL & (size_t)-1;

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * (1099511628211ULL & (size_t)-1);
	return h;
}

static struct seen_slot *
seen_find(struct seen *t, const char *code)
{
	size_t i = hash(code) & (t->cap - 1);

	while (t->slot[i].code != NULL && strcmp(t->slot[i].code, code) != 0)
		i = (i + 1) & (t->cap - 1);
	return &t->slot[i];
}

static int
seen_grow(struct seen *t)
{
	struct seen old = *t;
	size_t i;

	t->cap = old.cap ? old.cap * 2 : 64;
	if ((t->slot = calloc(t->cap, sizeof *t->slot)) == NULL) {
		*t = old;
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	}
	for (i = 0; i < old.cap; i++)
		if (old.slot[i].code != NULL)
			*seen_find(t, old.slot[i].code) = old.slot[i];
	free(old.slot);
	return 0;
}

/*
 * Note that 'code' was named on 'line'.  Returns 0, or the line that
 * named it first in *first.
 */
static int
seen_add(struct seen *t, const char *code, int line, int *first)
{
	struct seen_slot *s;
	int rc;

	*first = 0;
	if (t->n * 2 >= t->cap && (rc = seen_grow(t)) != 0)
		return rc;
	s = seen_find(t, code);
	if (s->code != NULL) {
		*first = s->line;
		return 0;
	}
	if ((s->code = strdup(code)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	s->line = line;
	t->n++;
	return 0;
}

static void
seen_release(struct seen *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->slot[i].code);
	free(t->slot);
}

/* The state of one import, for its error reporting. */
struct import {
	struct pm_rec *r;
	void (*report)(const char *, void *);
	void *arg;
	char pending[1024];	/* the last error, not yet reported */
	int nerr;
};

static void
import_error(struct import *im, const char *fmt, ...) PM_PRINTF(2, 3);

/* A record's error: keep it, passing the one before to 'report'. */
static void
import_error(struct import *im, const char *fmt, ...)
{
	char msg[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (im->nerr > 0 && im->report != NULL)
		im->report(im->pending, im->arg);
	snprintf(im->pending, sizeof im->pending, "%s:%d: %s",
	    pm_rec_name(im->r), pm_rec_line(im->r), msg);
	im->nerr++;
}

/* Report what is pending before a fatal error takes the last word. */
static int
import_fatal(struct import *im, int rc)
{
	char msg[1024];

	if (im->nerr > 0 && im->report != NULL) {
		snprintf(msg, sizeof msg, "%s", pm_err_msg());
		im->report(im->pending, im->arg);
		pm_err(rc, "%s", msg);
	}
	return rc;
}

/* An empty field means "not given". */
static const char *
given(const struct pm_rec *r, const char *name)
{
	const char *v = pm_rec_get(r, name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* What import_record() returns for an error it kept to report. */
#define RECORD_ERROR (-1)

/* Apply one record; RECORD_ERROR when the record is wrong. */
static int
import_record(struct pm_db *db, struct import *im, struct seen *seen,
    int (*changed)(const char *, void *), void *arg)
{
	struct pm_unit_change c;
	const char *code = given(im->r, "unit");
	char q[PM_QUOTE_MAX];
	int rc, first, ch;

	if (code == NULL) {
		import_error(im, "no unit code (field 'unit')");
		return RECORD_ERROR;
	}
	if ((rc = seen_add(seen, code, pm_rec_line(im->r), &first)) != 0)
		return rc;
	if (first != 0) {
		import_error(im, "unit '%s': named twice (first on line %d)",
		    pm_mask_quote(code, q), first);
		return RECORD_ERROR;
	}
	c.owner_name = given(im->r, "owner_name");
	c.owner_phone = given(im->r, "owner_phone");
	c.owner_id_number = given(im->r, "owner_id_number");
	c.occupancy = given(im->r, "occupancy");
	c.condition = NULL;
	rc = pm_unit_set(db, code, &c, &ch);
	if (rc == PM_EX_DATAERR || rc == PM_EX_NOINPUT) {
		import_error(im, "%s", pm_err_msg());
		return RECORD_ERROR;
	}
	if (rc != 0)
		return rc;
	return ch && changed != NULL ? changed(code, arg) : 0;
}

static int
import_records(struct pm_db *db, struct import *im,
    int (*changed)(const char *, void *), void *arg)
{
	struct seen seen;
	int rc, first = 1;

	memset(&seen, 0, sizeof seen);
	while ((rc = pm_rec_next(im->r)) == 1) {
		if ((rc = pm_rec_check_fields(im->r,
		    pm_unit_import_fields)) != 0)
			break;
		if (first && pm_rec_get(im->r, "unit") == NULL) {
			rc = pm_err(PM_EX_DATAERR, "%s:%d: no 'unit' field "
			    "(each record names its unit)",
			    pm_rec_name(im->r), pm_rec_line(im->r));
			break;
		}
		first = 0;
		if ((rc = import_record(db, im, &seen, changed, arg)) != 0 &&
		    rc != RECORD_ERROR)
			break;
		rc = 0;
		if (im->nerr == IMPORT_MAX_ERRORS)
			break;
	}
	seen_release(&seen);
	return rc;
}

int
pm_unit_import(struct pm_db *db, const char *path, enum pm_rec_fmt fmt,
    int (*changed)(const char *, void *),
    void (*report)(const char *, void *), void *arg)
{
	struct import im;
	FILE *fp = stdin;
	const char *name = "stdin";
	char q[PM_QUOTE_MAX];
	int rc;

	memset(&im, 0, sizeof im);
	im.report = report;
	im.arg = arg;
	if (path != NULL && strcmp(path, "-") != 0) {
		if ((fp = fopen(path, "r")) == NULL)
			return pm_err(PM_EX_NOINPUT, "file '%s': %s",
			    pm_mask_quote(path, q), strerror(errno));
		name = path;
	}
	if ((rc = pm_rec_open(fp, name, fmt, &im.r)) == 0) {
		rc = import_records(db, &im, changed, arg);
		if (rc != 0)
			rc = import_fatal(&im, rc);
		else if (im.nerr == 1)
			rc = pm_err(PM_EX_DATAERR, "%s", im.pending);
		else if (im.nerr > 1) {
			if (report != NULL)
				report(im.pending, arg);
			rc = pm_err(PM_EX_DATAERR, "%s: %s%d errors, nothing "
			    "imported", name, im.nerr == IMPORT_MAX_ERRORS ?
			    "stopped after " : "", im.nerr);
		}
	}
	pm_rec_free(im.r);
	if (fp != stdin)
		fclose(fp);
	return rc;
}
