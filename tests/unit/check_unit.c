/*
 * check_unit.c - units (list, show, set, import), staff and masking.
 *
 * Each database test starts from a fresh in-memory database holding a
 * small estate inserted directly (the estate file's loader has its own
 * suite): buildings 2, 3 and 10, whose codes sort differently as text
 * and as numbers, a retired unit, two public areas, and staff in two
 * departments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pmtest.h"
#include "mask.h"
#include "staff.h"
#include "unit.h"

static const char estate_sql[] =
    "INSERT INTO departments(code, name) VALUES ('service', '客服部'),"
    " ('engineering', '工程部'), ('cleaning', '保洁部');"
    "INSERT INTO staff(login, name, department, role, phone, retired) VALUES"
    " ('zhao.min', '赵敏', 'service', 'manager', '13800000001', 0),"
    " ('sun.hao', '孙浩', 'service', 'staff', NULL, 0),"
    " ('qian.li', '钱丽', 'service', 'supervisor', '13900000002', 0),"
    " ('li.qiang', '李强', 'engineering', 'lead', '13700000003', 0),"
    " ('old.hand', '老手', 'engineering', 'staff', NULL, 1);"
    "INSERT INTO buildings(code, name) VALUES ('2', '2号楼'), ('3', '3号楼'),"
    " ('10', '10号楼');"
    "INSERT INTO units(code, building, entrance, floor, area, condition,"
    " retired) VALUES"
    " ('3-1-1001', '3', 1, 10, 8950, 'good', 0),"
    " ('10-1-101', '10', 1, 1, 12000, 'good', 0),"
    " ('3-1-502', '3', 1, 5, 8950, 'good', 0),"
    " ('3-2-101', '3', 2, 1, 6525, 'poor', 0),"
    " ('3-1-501', '3', 1, 5, 8950, 'good', 0),"
    " ('2-1-101', '2', 1, 1, 10005, 'basic', 0),"
    " ('3-9-101', '3', 9, 1, 100, 'good', 1);"
    "INSERT INTO units(code, kind, name, area) VALUES"
    " ('P-PUMP', 'public', '水泵房', 8025), ('P-GATE-N', 'public', '北门岗亭', 0);";

static struct pm_db *db;

static void
setup(void)
{
	db = pm_test_db();
	ck_assert_msg(pm_db_exec(db, estate_sql) == 0, "%s", pm_err_msg());
	pm_err_clear();
}

static void
teardown(void)
{
	pm_db_close(db);
	db = NULL;
}

/* Collect what a list or get callback sees, one line a record. */
static char seen[4096];
static size_t nseen;

static int
collect_unit(const struct pm_unit *u, void *arg)
{
	nseen += snprintf(seen + nseen, sizeof seen - nseen,
	    "%s %s %s %d %d %lld %s %s %s %s %s %d\n", u->code, u->kind,
	    u->building ? u->building : "~", u->entrance, u->floor,
	    (long long)u->area, u->occupancy ? u->occupancy : "~",
	    u->condition, u->owner_name ? u->owner_name : "~",
	    u->owner_phone ? u->owner_phone : "~",
	    u->owner_id_number ? u->owner_id_number : "~", u->retired);
	return 0;
}

/* Just the codes, space-separated. */
static int
collect_code(const struct pm_unit *u, void *arg)
{
	nseen += snprintf(seen + nseen, sizeof seen - nseen, "%s%s",
	    nseen ? " " : "", u->code);
	return 0;
}

static void
reset_seen(void)
{
	seen[0] = '\0';
	nseen = 0;
}

static const char *
list_codes(const char *building, const char *occupancy, int public_areas)
{
	struct pm_unit_filter f = { building, occupancy, public_areas };

	reset_seen();
	ck_assert_msg(pm_unit_list(db, &f, collect_code, NULL) == 0, "%s",
	    pm_err_msg());
	return seen;
}

static int
count_rows(const char *sql)
{
	sqlite3_stmt *st;
	int n;

	ck_assert_int_eq(sqlite3_prepare_v2(db->h, sql, -1, &st, NULL),
	    SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * Masking.
 */

START_TEST(mask_rule)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "13812345678", "138****5678" },
		{ "110101199003071234", "110***********1234" },
		{ "010-12345678", "010*****5678" },
		{ "8888888", "8*****8" },
		{ "abc", "a*c" },
		{ "12", "**" },
		{ "1", "*" },
		{ "", "" },
		/* Characters, not bytes: Chinese stays whole. */
		{ "张三丰", "张*丰" },
		{ "电话一二三四五六七八九", "电话一****六七八九" },
		/* A bad byte is one character. */
		{ "a\xff" "b", "a*b" },
	};
	char buf[PM_MASK_MAX];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(pm_mask(cases[i].in, buf), cases[i].out);
	ck_assert_ptr_null(pm_mask(NULL, buf));
	ck_assert_str_eq(pm_mask_unless("13812345678", 1, buf), "13812345678");
	ck_assert_str_eq(pm_mask_unless("13812345678", 0, buf), "138****5678");
}
END_TEST

START_TEST(mask_long_fits)
{
	char in[1000], buf[PM_MASK_MAX];
	const char *m;

	memset(in, '7', sizeof in - 1);
	in[sizeof in - 1] = '\0';
	in[0] = 'A';
	in[sizeof in - 2] = 'Z';
	m = pm_mask(in, buf);
	ck_assert_uint_eq(strlen(m), PM_MASK_MAX - 1);
	ck_assert(strncmp(m, "A77*", 4) == 0);
	ck_assert_str_eq(m + strlen(m) - 5, "*777Z");
}
END_TEST

START_TEST(mask_quote_controls)
{
	char q[PM_QUOTE_MAX], in[200];

	ck_assert_str_eq(pm_mask_quote("a\033[2Jb", q), "a\\x1B[2Jb");
	ck_assert_str_eq(pm_mask_quote("\x7f\xc2\x9b", q), "\\x7F\\xC2\\x9B");
	ck_assert_str_eq(pm_mask_quote("a\xe2\x80\xae" "b", q), "a\\xE2\\x80\\xAEb");
	ck_assert_str_eq(pm_mask_quote("x\xff", q), "x\\xFF");
	ck_assert_str_eq(pm_mask_quote("张三 '; DROP", q), "张三 '; DROP");
	memset(in, 'x', sizeof in - 1);
	in[sizeof in - 1] = '\0';
	pm_mask_quote(in, q);
	ck_assert_uint_eq(strlen(q), PM_QUOTE_KEEP + 3);
	ck_assert_str_eq(q + PM_QUOTE_KEEP, "...");
}
END_TEST

/*
 * Checks of values.
 */

START_TEST(check_name)
{
	char big[300];

	ck_assert_int_eq(pm_unit_check_name("张三"), 0);
	ck_assert_int_eq(pm_unit_check_name(""), 0);
	ck_assert_int_eq(pm_unit_check_name("'; DROP TABLE units; --"), 0);
	ck_assert_int_eq(pm_unit_check_name("O'Brien, \"Jr\" 😀"), 0);
	pm_assert_err(pm_unit_check_name("a\033[31mb"), PM_EX_DATAERR,
	    "owner name 'a\\x1B[31mb': control character U+001B not allowed");
	pm_assert_err(pm_unit_check_name("a\tb"), PM_EX_DATAERR,
	    "control character U+0009");
	pm_assert_err(pm_unit_check_name("a\xc2\x85"), PM_EX_DATAERR,
	    "control character U+0085");
	pm_assert_err(pm_unit_check_name("evil\xe2\x80\xae" "liam"), PM_EX_DATAERR,
	    "owner name 'evil\\xE2\\x80\\xAEliam': bidirectional control "
	    "U+202E not allowed");
	pm_assert_err(pm_unit_check_name("x\xe5\xbc"), PM_EX_DATAERR,
	    "owner name 'x\\xE5\\xBC': not valid UTF-8");
	pm_assert_err(pm_unit_check_name("\xc0\x80"), PM_EX_DATAERR,
	    "not valid UTF-8");
	memset(big, 'a', 201);
	big[201] = '\0';
	pm_assert_err(pm_unit_check_name(big), PM_EX_DATAERR,
	    "longer than 200 bytes");
	big[200] = '\0';
	ck_assert_int_eq(pm_unit_check_name(big), 0);
}
END_TEST

START_TEST(check_phone)
{
	static const char *const good[] = { "13812345678", "19900000000",
	    "010-12345678", "0571-8888-8888", "88886666", "8888666", "",
	    NULL };
	int i;

	for (i = 0; good[i] != NULL; i++)
		ck_assert_msg(pm_unit_check_phone(good[i]) == 0, "%s: %s",
		    good[i], pm_err_msg());
	pm_assert_err(pm_unit_check_phone("12345678901"), PM_EX_DATAERR,
	    "phone '12345678901': not a mobile number (they start 13 to 19)");
	pm_assert_err(pm_unit_check_phone("1381234567"), PM_EX_DATAERR,
	    "phone '1381234567': 10 digits, neither a mobile number (11, "
	    "starting with 1) nor a local one (7 or 8)");
	pm_assert_err(pm_unit_check_phone("1"), PM_EX_DATAERR,
	    "phone '1': 1 digit, neither");
	pm_assert_err(pm_unit_check_phone("+86 13812345678"), PM_EX_DATAERR,
	    "phone '+86 13812345678': not a phone number (a mobile number "
	    "such as 13812345678 or a landline such as 010-12345678)");
	pm_assert_err(pm_unit_check_phone("010--1234567"), PM_EX_DATAERR,
	    "not a phone number");
	pm_assert_err(pm_unit_check_phone("-01012345678"), PM_EX_DATAERR,
	    "not a phone number");
	pm_assert_err(pm_unit_check_phone("01012345678-"), PM_EX_DATAERR,
	    "not a phone number");
	pm_assert_err(pm_unit_check_phone("01-2345"), PM_EX_DATAERR,
	    "not a phone number");
	pm_assert_err(pm_unit_check_phone("010-123456789012345678"),
	    PM_EX_DATAERR, "not a phone number");
}
END_TEST

START_TEST(check_id_number)
{
	ck_assert_int_eq(pm_unit_check_id_number("110101199003071233"), 0);
	ck_assert_int_eq(pm_unit_check_id_number("440304198501010021"), 0);
	ck_assert_int_eq(pm_unit_check_id_number("320102197512310518"), 0);
	/* Check character X, either case; a leap day. */
	ck_assert_int_eq(pm_unit_check_id_number("11010520000229003X"), 0);
	ck_assert_int_eq(pm_unit_check_id_number("11010520000229003x"), 0);
	ck_assert_int_eq(pm_unit_check_id_number(""), 0);
	pm_assert_err(pm_unit_check_id_number("110101199003071234"),
	    PM_EX_DATAERR, "id number '110101199003071234': wrong check "
	    "digit (a typing error?)");
	pm_assert_err(pm_unit_check_id_number("11010119900307123"),
	    PM_EX_DATAERR, "id number '11010119900307123': 17 characters, "
	    "not 18");
	pm_assert_err(pm_unit_check_id_number("11010119900307123A"),
	    PM_EX_DATAERR, "the last character must be a digit or X");
	pm_assert_err(pm_unit_check_id_number("1101011990030712X3"),
	    PM_EX_DATAERR, "the first 17 characters must be digits");
	pm_assert_err(pm_unit_check_id_number("110101199002301231"),
	    PM_EX_DATAERR, "no such birth date '19900230'");
	pm_assert_err(pm_unit_check_id_number("110101190002290000"),
	    PM_EX_DATAERR, "no such birth date '19000229'");
	pm_assert_err(pm_unit_check_id_number("110101189912310000"),
	    PM_EX_DATAERR, "no such birth date '18991231'");
	pm_assert_err(pm_unit_check_id_number("110101199013010000"),
	    PM_EX_DATAERR, "no such birth date '19901301'");
}
END_TEST

START_TEST(check_states)
{
	ck_assert_int_eq(pm_unit_check_occupancy("occupied"), 0);
	ck_assert_int_eq(pm_unit_check_occupancy("vacant"), 0);
	ck_assert_int_eq(pm_unit_check_occupancy("rented"), 0);
	pm_assert_err(pm_unit_check_occupancy("empty"), PM_EX_DATAERR,
	    "occupancy 'empty': unknown occupancy (choose occupied, vacant "
	    "or rented)");
	ck_assert_int_eq(pm_unit_check_condition("basic"), 0);
	pm_assert_err(pm_unit_check_condition("bad"), PM_EX_DATAERR,
	    "condition 'bad': unknown condition (choose good, basic or "
	    "poor)");
	ck_assert_int_eq(pm_staff_check_role("lead"), 0);
	pm_assert_err(pm_staff_check_role("boss"), PM_EX_DATAERR,
	    "role 'boss': unknown role (choose staff, lead, supervisor or "
	    "manager)");
}
END_TEST

/*
 * Lists and shows.
 */

START_TEST(list_natural_order)
{
	ck_assert_str_eq(list_codes(NULL, NULL, 0),
	    "2-1-101 3-1-501 3-1-502 3-1-1001 3-2-101 10-1-101");
	ck_assert_str_eq(list_codes("3", NULL, 0),
	    "3-1-501 3-1-502 3-1-1001 3-2-101");
	ck_assert_str_eq(list_codes(NULL, NULL, 1), "P-GATE-N P-PUMP");
}
END_TEST

START_TEST(list_fields)
{
	struct pm_unit_filter f = { "2", NULL, 0 };
	struct pm_unit_filter pub = { NULL, NULL, 1 };

	reset_seen();
	ck_assert_int_eq(pm_unit_list(db, &f, collect_unit, NULL), 0);
	ck_assert_str_eq(seen, "2-1-101 unit 2 1 1 10005 vacant basic ~ ~ ~ 0\n");
	reset_seen();
	ck_assert_int_eq(pm_unit_list(db, &pub, collect_unit, NULL), 0);
	/* Public areas: no building, entrance, floor or occupancy. */
	ck_assert_str_eq(seen, "P-GATE-N public ~ 0 0 0 ~ good ~ ~ ~ 0\n"
	    "P-PUMP public ~ 0 0 8025 ~ good ~ ~ ~ 0\n");
}
END_TEST

START_TEST(list_filters_and_errors)
{
	struct pm_unit_filter f = { "9", NULL, 0 };
	struct pm_unit_change c = { .occupancy = "rented" };
	int ch;

	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(pm_unit_set(db, "10-1-101", &c, &ch), 0);
	ck_assert_str_eq(list_codes(NULL, "rented", 0), "3-1-502 10-1-101");
	ck_assert_str_eq(list_codes("3", "rented", 0), "3-1-502");
	ck_assert_str_eq(list_codes("2", "occupied", 0), "");
	pm_assert_err(pm_unit_list(db, &f, collect_code, NULL), PM_EX_NOINPUT,
	    "building '9': no such building");
	f.building = NULL;
	f.occupancy = "full";
	pm_assert_err(pm_unit_list(db, &f, collect_code, NULL), PM_EX_DATAERR,
	    "occupancy 'full': unknown occupancy");
}
END_TEST

static int
stop_at_second(const struct pm_unit *u, void *arg)
{
	int *n = arg;

	return ++*n == 2 ? 42 : 0;
}

START_TEST(list_callback_stops)
{
	struct pm_unit_filter f = { NULL, NULL, 0 };
	int n = 0;

	ck_assert_int_eq(pm_unit_list(db, &f, stop_at_second, &n), 42);
	ck_assert_int_eq(n, 2);
	/* The statement was reset: the next list starts over. */
	ck_assert_str_eq(list_codes("2", NULL, 0), "2-1-101");
}
END_TEST

START_TEST(get_unit)
{
	reset_seen();
	ck_assert_int_eq(pm_unit_get(db, "3-9-101", collect_unit, NULL), 0);
	ck_assert_str_eq(seen, "3-9-101 unit 3 9 1 100 vacant good ~ ~ ~ 1\n");
	reset_seen();
	ck_assert_int_eq(pm_unit_get(db, "P-PUMP", collect_code, NULL), 0);
	ck_assert_str_eq(seen, "P-PUMP");
	pm_assert_err(pm_unit_get(db, "9-9-999", collect_code, NULL),
	    PM_EX_NOINPUT, "unit '9-9-999': no such unit");
	pm_assert_err(pm_unit_get(db, "\033]0;x\a", collect_code, NULL),
	    PM_EX_NOINPUT, "unit '\\x1B]0;x\\x07': no such unit");
}
END_TEST

/*
 * set.
 */

START_TEST(set_owner)
{
	struct pm_unit_change c = {
		"张三", "13812345678", "11010520000229003x", "occupied", NULL
	};
	int ch = -1;

	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(ch, 1);
	reset_seen();
	pm_unit_get(db, "3-1-502", collect_unit, NULL);
	ck_assert_str_eq(seen, "3-1-502 unit 3 1 5 8950 occupied good 张三 "
	    "13812345678 11010520000229003X 0\n");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit WHERE"
	    " tbl = 'units' AND row_id = '3-1-502' AND summary ="
	    " 'changed: owner_name NULL -> ''张三'', owner_phone NULL ->"
	    " ''138****5678'', owner_id_number NULL -> ''110***********003X'',"
	    " occupancy ''vacant'' -> ''occupied'''"
	    " AND program = 'check' AND verb = 'test' AND who = 'tester'"), 1);

	/* The same again changes nothing and writes no audit row. */
	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(ch, 0);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 1);

	/* "" clears an owner field; NULL leaves it. */
	memset(&c, 0, sizeof c);
	c.owner_phone = "";
	c.condition = "poor";
	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(ch, 1);
	reset_seen();
	pm_unit_get(db, "3-1-502", collect_unit, NULL);
	ck_assert_str_eq(seen, "3-1-502 unit 3 1 5 8950 occupied poor 张三 ~ "
	    "11010520000229003X 0\n");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit WHERE summary ="
	    " 'changed: owner_phone ''138****5678'' -> NULL,"
	    " condition ''good'' -> ''poor'''"), 1);
}
END_TEST

START_TEST(set_hostile_text_is_text)
{
	struct pm_unit_change c = { .owner_name = "'; DROP TABLE units; --" };
	int ch;

	ck_assert_int_eq(pm_unit_set(db, "3-1-501", &c, &ch), 0);
	reset_seen();
	pm_unit_get(db, "3-1-501", collect_unit, NULL);
	ck_assert_str_eq(seen, "3-1-501 unit 3 1 5 8950 vacant good "
	    "'; DROP TABLE units; -- ~ ~ 0\n");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM units"), 9);
}
END_TEST

START_TEST(set_errors)
{
	struct pm_unit_change c = { .owner_name = "x" };
	struct pm_unit_change cond = { .condition = "poor" };
	struct pm_unit_change bad = { .owner_name = "ok",
	    .owner_phone = "12" };
	int ch = -1;

	pm_assert_err(pm_unit_set(db, "9-9-999", &c, &ch), PM_EX_NOINPUT,
	    "unit '9-9-999': no such unit");
	ck_assert_int_eq(ch, 0);
	pm_assert_err(pm_unit_set(db, "3-9-101", &c, &ch), PM_EX_DATAERR,
	    "unit '3-9-101': retired unit");
	pm_assert_err(pm_unit_set(db, "P-PUMP", &c, &ch), PM_EX_DATAERR,
	    "unit 'P-PUMP': a public area has no owner or occupancy");
	/* A public area's condition can change. */
	ck_assert_int_eq(pm_unit_set(db, "P-PUMP", &cond, &ch), 0);
	ck_assert_int_eq(ch, 1);
	/* Checked before anything is written. */
	pm_assert_err(pm_unit_set(db, "3-1-501", &bad, &ch), PM_EX_DATAERR,
	    "phone '12': 2 digits");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM units WHERE"
	    " owner_name IS NOT NULL"), 0);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 1);
	bad.owner_phone = NULL;
	bad.occupancy = "";
	pm_assert_err(pm_unit_set(db, "3-1-501", &bad, &ch), PM_EX_DATAERR,
	    "occupancy '': unknown occupancy");
}
END_TEST

/*
 * import.
 */

static char changed[1024];
static char reported[2048];

static int
note_changed(const char *code, void *arg)
{
	size_t n = strlen(changed);

	snprintf(changed + n, sizeof changed - n, "%s ", code);
	return 0;
}

static void
note_report(const char *msg, void *arg)
{
	size_t n = strlen(reported);

	snprintf(reported + n, sizeof reported - n, "%s\n", msg);
}

/* Write 'text' to a temporary file and import it; its name is in 'path'. */
static char path[64];

static int
import_text(const char *text, enum pm_rec_fmt fmt)
{
	FILE *fp;
	int fd;

	strcpy(path, "/tmp/check_unit.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	changed[0] = reported[0] = '\0';
	pm_err_clear();
	fd = pm_unit_import(db, path, fmt, note_changed, note_report, NULL);
	unlink(path);
	return fd;
}

/* The recorded message with the temporary file's name as "F". */
static const char *
msg(void)
{
	static char buf[2048];
	const char *m = pm_err_msg();
	size_t n = strlen(path), o = 0;

	while (*m != '\0' && o < sizeof buf - 2) {
		if (strncmp(m, path, n) == 0) {
			buf[o++] = 'F';
			m += n;
		} else
			buf[o++] = *m++;
	}
	buf[o] = '\0';
	return buf;
}

static const char *
rep(void)
{
	static char buf[2048];
	const char *m = reported;
	size_t n = strlen(path), o = 0;

	while (*m != '\0' && o < sizeof buf - 2) {
		if (strncmp(m, path, n) == 0) {
			buf[o++] = 'F';
			m += n;
		} else
			buf[o++] = *m++;
	}
	buf[o] = '\0';
	return buf;
}

START_TEST(import_csv)
{
	ck_assert_int_eq(import_text(
	    "unit,owner_name,owner_phone,owner_id_number,occupancy\r\n"
	    "3-1-501,王五,13912345678,110101199003071233,occupied\r\n"
	    "3-1-1001,\"Smith, John\",010-12345678,,rented\r\n"
	    "2-1-101,,,,\r\n", PM_REC_AUTO), 0);
	/* 2-1-101 named nothing to change: not reported as changed. */
	ck_assert_str_eq(changed, "3-1-501 3-1-1001 ");
	ck_assert_str_eq(reported, "");
	reset_seen();
	pm_unit_get(db, "3-1-1001", collect_unit, NULL);
	ck_assert_str_eq(seen, "3-1-1001 unit 3 1 10 8950 rented good "
	    "Smith, John 010-12345678 ~ 0\n");
	/* Again: nothing changes. */
	ck_assert_int_eq(import_text(
	    "unit,owner_name\n3-1-501,王五\n", PM_REC_AUTO), 0);
	ck_assert_str_eq(changed, "");
}
END_TEST

START_TEST(import_tsv_and_json)
{
	/* The name's escaped tab is a control character: refused. */
	ck_assert_int_eq(import_text("unit\toccupancy\towner_name\n"
	    "3-1-502\trented\t李\\t四\n", PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F:2: owner name '李\\x09四': control "
	    "character U+0009 not allowed");
	ck_assert_str_eq(changed, "");
	ck_assert_int_eq(import_text("unit\toccupancy\n3-1-502\trented\n",
	    PM_REC_TSV), 0);
	ck_assert_str_eq(changed, "3-1-502 ");
	ck_assert_int_eq(import_text(
	    "{\"unit\":\"3-1-501\",\"owner_name\":\"\\u674e\\u56db\","
	    "\"owner_phone\":13812345678,\"owner_id_number\":null}\n",
	    PM_REC_AUTO), 0);
	ck_assert_str_eq(changed, "3-1-501 ");
	reset_seen();
	pm_unit_get(db, "3-1-501", collect_unit, NULL);
	ck_assert_str_eq(seen, "3-1-501 unit 3 1 5 8950 vacant good 李四 "
	    "13812345678 ~ 0\n");
}
END_TEST

START_TEST(import_record_errors)
{
	ck_assert_int_eq(import_text(
	    "unit,owner_name,owner_phone\n"
	    "3-1-501,a,13912345678\n"
	    "9-9-999,b,\n"
	    "3-1-501,c,\n"
	    "2-1-101,\"x\x01y\",\n"
	    ",d,\n"
	    "P-PUMP,e,\n"
	    "3-9-101,f,\n"
	    "3-1-502,g,1\n", PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(rep(),
	    "F:3: unit '9-9-999': no such unit\n"
	    "F:4: unit '3-1-501': named twice (first on line 2)\n"
	    "F:5: owner name 'x\\x01y': control character U+0001 not allowed\n"
	    "F:6: no unit code (field 'unit')\n"
	    "F:7: unit 'P-PUMP': a public area has no owner or occupancy\n"
	    "F:8: unit '3-9-101': retired unit\n"
	    "F:9: phone '1': 1 digit, neither a mobile number (11, starting "
	    "with 1) nor a local one (7 or 8)\n");
	ck_assert_str_eq(msg(), "F: 7 errors, nothing imported");
	/* The caller rolls back; the changes made so far were reported. */
	ck_assert_str_eq(changed, "3-1-501 ");
}
END_TEST

START_TEST(import_one_error)
{
	ck_assert_int_eq(import_text("unit,owner_name\n3-1-501,a\n"
	    "9-9-999,b\n", PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(reported, "");
	ck_assert_str_eq(msg(), "F:3: unit '9-9-999': no such unit");
}
END_TEST

START_TEST(import_stops_after_20)
{
	char text[4096];
	size_t n;
	int i;

	n = (size_t)sprintf(text, "unit,owner_name\n");
	for (i = 0; i < 30; i++)
		n += (size_t)sprintf(text + n, "9-9-%d,x\n", i);
	ck_assert_int_eq(import_text(text, PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F: stopped after 20 errors, nothing imported");
	ck_assert_ptr_nonnull(strstr(rep(), "F:21: unit '9-9-19'"));
	ck_assert_ptr_null(strstr(rep(), "F:22:"));
}
END_TEST

START_TEST(import_fatal_errors)
{
	ck_assert_int_eq(import_text("unit,owner,owner_name\n3-1-501,a,b\n",
	    PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F:1: unknown field 'owner' (known: unit, "
	    "owner_name, owner_phone, owner_id_number, occupancy)");
	ck_assert_int_eq(import_text("owner_name\na\n", PM_REC_AUTO),
	    PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F:2: no 'unit' field (each record names its "
	    "unit)");
	/* A syntax error after a record's error: both are said. */
	ck_assert_int_eq(import_text("unit,owner_name\n9-9-999,a\n"
	    "3-1-501,\"b\n", PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(rep(), "F:2: unit '9-9-999': no such unit\n");
	ck_assert_str_eq(msg(), "F:3:9: quoted field never ends");
	/* Forcing a format that does not fit. */
	ck_assert_int_eq(import_text("{\"unit\":\"3-1-501\"}\n", PM_REC_CSV),
	    PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F:1:2: quote inside an unquoted field (quote "
	    "the whole field and double the quote)");
	ck_assert_int_eq(import_text("unit\n\xd5\xc5\n", PM_REC_AUTO),
	    PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F:2:1: invalid UTF-8 (save the file as "
	    "UTF-8)");
	pm_assert_err(pm_unit_import(db, "/nonexistent/owners.csv",
	    PM_REC_AUTO, NULL, NULL, NULL), PM_EX_NOINPUT,
	    "file '/nonexistent/owners.csv': No such file or directory");
}
END_TEST

static int
refuse(const char *code, void *arg)
{
	return pm_err(PM_EX_SOFTWARE, "stop at %s", code);
}

START_TEST(import_callback_stops)
{
	FILE *fp;
	int fd;

	strcpy(path, "/tmp/check_unit.XXXXXX");
	fd = mkstemp(path);
	fp = fdopen(fd, "w");
	fputs("unit,occupancy\n3-1-501,rented\n3-1-502,rented\n", fp);
	fclose(fp);
	pm_assert_err(pm_unit_import(db, path, PM_REC_AUTO, refuse, NULL,
	    NULL), PM_EX_SOFTWARE, "stop at 3-1-501");
	unlink(path);
}
END_TEST

/*
 * Staff.
 */

static int
collect_staff(const struct pm_staff *s, void *arg)
{
	nseen += snprintf(seen + nseen, sizeof seen - nseen,
	    "%s %s %s %s %s %s %d\n", s->login, s->name, s->department,
	    s->department_name, s->role, s->phone ? s->phone : "~",
	    s->retired);
	return 0;
}

START_TEST(staff_list)
{
	struct pm_staff_filter f = { NULL, NULL };

	reset_seen();
	ck_assert_int_eq(pm_staff_list(db, &f, collect_staff, NULL), 0);
	ck_assert_str_eq(seen,
	    "li.qiang 李强 engineering 工程部 lead 13700000003 0\n"
	    "zhao.min 赵敏 service 客服部 manager 13800000001 0\n"
	    "qian.li 钱丽 service 客服部 supervisor 13900000002 0\n"
	    "sun.hao 孙浩 service 客服部 staff ~ 0\n");
	f.department = "service";
	f.role = "staff";
	reset_seen();
	ck_assert_int_eq(pm_staff_list(db, &f, collect_staff, NULL), 0);
	ck_assert_str_eq(seen, "sun.hao 孙浩 service 客服部 staff ~ 0\n");
	/* A department with nobody in it is an empty list. */
	f.department = "cleaning";
	f.role = NULL;
	reset_seen();
	ck_assert_int_eq(pm_staff_list(db, &f, collect_staff, NULL), 0);
	ck_assert_str_eq(seen, "");
	f.department = "hr";
	pm_assert_err(pm_staff_list(db, &f, collect_staff, NULL),
	    PM_EX_NOINPUT, "department 'hr': no such department");
	f.department = NULL;
	f.role = "boss";
	pm_assert_err(pm_staff_list(db, &f, collect_staff, NULL),
	    PM_EX_DATAERR, "role 'boss': unknown role");
}
END_TEST

START_TEST(staff_get)
{
	reset_seen();
	ck_assert_int_eq(pm_staff_get(db, "old.hand", collect_staff, NULL), 0);
	ck_assert_str_eq(seen, "old.hand 老手 engineering 工程部 staff ~ 1\n");
	pm_assert_err(pm_staff_get(db, "nobody", collect_staff, NULL),
	    PM_EX_NOINPUT, "staff 'nobody': no such staff member");
}
END_TEST

Suite *
unit_suite(void)
{
	Suite *s = suite_create("unit");
	TCase *tc;

	tc = tcase_create("mask");
	tcase_add_test(tc, mask_rule);
	tcase_add_test(tc, mask_long_fits);
	tcase_add_test(tc, mask_quote_controls);
	suite_add_tcase(s, tc);

	tc = tcase_create("check");
	tcase_add_test(tc, check_name);
	tcase_add_test(tc, check_phone);
	tcase_add_test(tc, check_id_number);
	tcase_add_test(tc, check_states);
	suite_add_tcase(s, tc);

	tc = tcase_create("db");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, list_natural_order);
	tcase_add_test(tc, list_fields);
	tcase_add_test(tc, list_filters_and_errors);
	tcase_add_test(tc, list_callback_stops);
	tcase_add_test(tc, get_unit);
	tcase_add_test(tc, set_owner);
	tcase_add_test(tc, set_hostile_text_is_text);
	tcase_add_test(tc, set_errors);
	tcase_add_test(tc, import_csv);
	tcase_add_test(tc, import_tsv_and_json);
	tcase_add_test(tc, import_record_errors);
	tcase_add_test(tc, import_one_error);
	tcase_add_test(tc, import_stops_after_20);
	tcase_add_test(tc, import_fatal_errors);
	tcase_add_test(tc, import_callback_stops);
	tcase_add_test(tc, staff_list);
	tcase_add_test(tc, staff_get);
	suite_add_tcase(s, tc);
	return s;
}
