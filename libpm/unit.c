/*
 * unit.c - units, public areas and buildings: their record types, and
 * their owners and occupancy.
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
#include "i18n.h"
#include "mask.h"
#include "text.h"
#include "unit.h"
#include "vocab.h"

#define NAME_MAX_BYTES	200
#define CODE_MAX 64

int
pm_unit_check_name(const char *s)
{
	return pm_text_check(N_("owner name"), s, NAME_MAX_BYTES,
	    PM_TEXT_EMPTY);
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* A rejected number is masked in the message too: it lands in mail. */
static int
bad_phone(const char *s)
{
	return pm_err(PM_EX_DATAERR, "phone %s: not a phone number (a "
	    "mobile number such as 13812345678 or a landline such as "
	    "010-12345678)", pm_q_masked(s));
}

int
pm_unit_check_phone(const char *s)
{
	size_t len = strlen(s), digits = 0, i;
	int dash = 0;

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
			return pm_err(PM_EX_DATAERR, "phone %s: not a "
			    "mobile number (they start 13 to 19)",
			    pm_q_masked(s));
		return 0;
	}
	if (digits == 7 || digits == 8)
		return 0;
	return pm_err(PM_EX_DATAERR, "phone %s: digits: %zu; a mobile "
	    "number has 11, starting with 1, a local one 7 or 8",
	    pm_q_masked(s), digits);
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

	if (len == 0)
		return 0;
	if (len != 18)
		return pm_err(PM_EX_DATAERR, "id number %s: %zu characters, "
		    "not 18", pm_q_masked(s), len);
	for (i = 0; i < 17; i++) {
		if (!is_digit(s[i]))
			return pm_err(PM_EX_DATAERR, "id number %s: the "
			    "first 17 characters must be digits",
			    pm_q_masked(s));
		sum += (s[i] - '0') * weight[i];
	}
	last = s[17] == 'x' ? 'X' : s[17];
	if (!is_digit(last) && last != 'X')
		return pm_err(PM_EX_DATAERR, "id number %s: the last "
		    "character must be a digit or X", pm_q_masked(s));
	if (!real_date(s + 6))
		return pm_err(PM_EX_DATAERR, "id number %s: not a real birth "
		    "date in it", pm_q_masked(s));
	if (check[sum % 11] != last)
		return pm_err(PM_EX_DATAERR, "id number %s: wrong check "
		    "digit (a typing error?)", pm_q_masked(s));
	return 0;
}

/*
 * The record types.
 */

static const struct pm_filter unit_filters[];
static const struct pm_filter public_filters[];

static const struct pm_field unit_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "u.code", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "u.kind", PM_F_SHOW, &pm_v_unit_kind),
	PM_FIELD(N_("name"), PM_F_TEXT, "u.name", PM_F_SHOW, NULL),
	PM_FIELD(N_("building"), PM_F_TEXT, "u.building", 0, NULL),
	PM_FIELD(N_("entrance"), PM_F_INT0, "u.entrance", 0, NULL),
	PM_FIELD(N_("floor"), PM_F_INT0, "u.floor", 0, NULL),
	PM_FIELD(N_("area"), PM_F_HUNDREDTHS, "u.area", 0, NULL),
	/* A public area is never occupied or vacant: its column is unused. */
	PM_FIELD(N_("occupancy"), PM_F_TEXT, "CASE WHEN u.kind = 'public'"
	    " THEN NULL ELSE u.occupancy END", 0, &pm_v_occupancy),
	PM_FIELD(N_("condition"), PM_F_TEXT, "u.condition", 0,
	    &pm_v_condition),
	PM_FIELD(N_("owner_name"), PM_F_TEXT, "u.owner_name", 0, NULL),
	PM_FIELD(N_("owner_phone"), PM_F_TEXT, "u.owner_phone", PM_F_MASKED,
	    NULL),
	PM_FIELD(N_("owner_id_number"), PM_F_TEXT, "u.owner_id_number",
	    PM_F_MASKED | PM_F_SHOW, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "u.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_unit_type = {
	.name = N_("unit"),
	.from = "units u",
	.key = "u.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "u.retired = 0 AND u.kind = 'unit'",
	.order = "u.building" PM_SQL_NATURAL ", u.entrance, u.floor, u.code"
	    PM_SQL_NATURAL,
	.fields = unit_fields,
	.filters = unit_filters,
	.not_found = N_("unit %s: no such unit"),
	.list_cmd = "pm-unit list"
};

static const struct pm_field public_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "u.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "u.name", 0, NULL),
	PM_FIELD(N_("building"), PM_F_TEXT, "u.building", 0, NULL),
	PM_FIELD(N_("entrance"), PM_F_INT0, "u.entrance", 0, NULL),
	PM_FIELD(N_("area"), PM_F_HUNDREDTHS, "u.area", 0, NULL),
	PM_FIELD(N_("condition"), PM_F_TEXT, "u.condition", 0,
	    &pm_v_condition),
	PM_FIELD_END
};

const struct pm_rtype pm_public_type = {
	.name = N_("public area"),
	.from = "units u",
	.key = "u.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "u.retired = 0 AND u.kind = 'public'",
	.order = "u.building" PM_SQL_NATURAL ", u.entrance, u.code"
	    PM_SQL_NATURAL,
	.fields = public_fields,
	.filters = public_filters,
	.not_found = N_("public area %s: no such public area"),
	.list_cmd = "pm-unit list --public"
};

static const struct pm_field building_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "b.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "b.name", 0, NULL),
	PM_FIELD(N_("units"), PM_F_INT, "(SELECT count(*) FROM units u"
	    " WHERE u.building = b.code AND u.kind = 'unit'"
	    " AND u.retired = 0)", 0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "b.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_building_type = {
	.name = N_("building"),
	.from = "buildings b",
	.key = "b.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "b.retired = 0",
	.order = "b.code" PM_SQL_NATURAL,
	.fields = building_fields,
	.not_found = N_("building %s: no such building"),
	.list_cmd = "pm-unit buildings"
};

enum { OPT_PUBLIC = PM_OPT_LONG };

static const struct pm_filter unit_filters[] = {
	{ .opt = { "building", 'b', N_("code"), N_("units of this building") },
	    .kind = PM_FILTER_EQ, .sql = "u.building = ?",
	    .ref = &pm_building_type },
	{ .opt = { "occupancy", 's', N_("state"),
	    N_("occupied, vacant or rented (自住, 空置, 出租)") },
	    .kind = PM_FILTER_EQ, .sql = "u.occupancy = ?",
	    .vocab = &pm_v_occupancy },
	{ .opt = { "public", OPT_PUBLIC, NULL,
	    N_("list the public areas and common parts instead") },
	    .kind = PM_FILTER_TYPE, .other = &pm_public_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

static const struct pm_filter public_filters[] = {
	{ .opt = { "building", 'b', N_("code"),
	    N_("common parts of this building") },
	    .kind = PM_FILTER_EQ, .sql = "u.building = ?",
	    .ref = &pm_building_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

int
pm_unit_check_change(struct pm_unit_change *c)
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
	if (c->occupancy != NULL && (rc = pm_vocab_check(&pm_v_occupancy,
	    c->occupancy, 0, &c->occupancy)) != 0)
		return rc;
	if (c->condition != NULL)
		rc = pm_vocab_check(&pm_v_condition, c->condition, 0,
		    &c->condition);
	return rc;
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
		return pm_err(PM_EX_NOINPUT, "unit %s: no such unit",
		    pm_q(code));
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

/* Whether unit 'code', as read into 'r', may not change as 'c' says. */
static int
refusal(const char *code, const struct unit_row *r,
    const struct pm_unit_change *c)
{
	if (r->retired)
		return pm_err(PM_EX_DATAERR, "unit %s: retired unit",
		    pm_q(code));
	if (strcmp(r->kind, "public") == 0 && (c->owner_name != NULL ||
	    c->owner_phone != NULL || c->owner_id_number != NULL ||
	    c->occupancy != NULL))
		return pm_err(PM_EX_DATAERR, "unit %s: a public area has no "
		    "owner or occupancy", pm_q(code));
	return 0;
}

int
pm_unit_set(struct pm_db *db, const char *input,
    struct pm_unit_change *c, int *changed)
{
	const char *want[NFIELDS];
	const char *nv[NFIELDS];
	char idbuf[19], ma[PM_MASK_MAX], mb[PM_MASK_MAX], code[CODE_MAX];
	struct unit_row r;
	sqlite3_str *sum;
	char *summary;
	int rc, i;

	*changed = 0;
	if ((rc = pm_unit_check_change(c)) != 0)
		return rc;
	if ((rc = pm_rec_find(db, &pm_unit_type, input, code,
	    sizeof code)) != 0)
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
	if ((rc = refusal(code, &r, c)) != 0) {
		row_release(&r);
		return rc;
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

/*
 * Importing owners.
 */

enum { I_UNIT, I_NAME, I_PHONE, I_ID, I_OCCUPANCY, I_N };

static const char *const import_fields[I_N + 1] = {
	"unit", "owner_name", "owner_phone", "owner_id_number", "occupancy",
	NULL
};

static void
change_of(const char **vals, struct pm_unit_change *c)
{
	memset(c, 0, sizeof *c);
	c->owner_name = vals[I_NAME];
	c->owner_phone = vals[I_PHONE];
	c->owner_id_number = vals[I_ID];
	c->occupancy = vals[I_OCCUPANCY];
}

/*
 * The unit exists and may change as the record says (pm_unit_set()'s
 * refusals, so that every bad line is reported in one pass, not only
 * once the others are mended), and the values pass their checks; the
 * code and the occupancy are spooled as stored.
 */
static int
import_check(struct pm_db *db, const char **vals, void *ctx)
{
	static char code[CODE_MAX];
	struct pm_unit_change c;
	struct unit_row r;
	int rc;

	change_of(vals, &c);
	if ((rc = pm_unit_check_change(&c)) != 0 ||
	    (rc = pm_rec_find(db, &pm_unit_type, vals[I_UNIT], code,
	    sizeof code)) != 0 || (rc = row_read(db, code, &r)) != 0)
		return rc;
	rc = refusal(code, &r, &c);
	row_release(&r);
	if (rc != 0)
		return rc;
	vals[I_UNIT] = code;
	vals[I_OCCUPANCY] = c.occupancy;
	return 0;
}

static int
import_write(struct pm_db *db, const char **vals, char *id, size_t len,
    void *ctx)
{
	struct pm_unit_change c;
	int rc, changed;

	change_of(vals, &c);
	if ((rc = pm_unit_set(db, vals[I_UNIT], &c, &changed)) != 0)
		return rc;
	snprintf(id, len, "%s", vals[I_UNIT]);
	return changed ? 0 : PM_UNCHANGED;
}

const struct pm_import pm_unit_import = {
	import_fields, I_UNIT, 1, -1, import_check, import_write, NULL
};

