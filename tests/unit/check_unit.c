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
#include "vocab.h"

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

static struct pm_test_mem mem;

static void
teardown_mem(void)
{
	pm_test_mem_free(&mem);
	teardown();
}

/* The list of 't' with the filters in 'args' (see pm_test_list()). */
static const char *
list_of(const struct pm_rtype *t, int reveal, const char *const *args)
{
	ck_assert_msg(pm_test_list(db, &mem, t, reveal, args) == 0, "list: %s",
	    pm_err_msg());
	return mem.buf;
}

#define ARGS(...) ((const char *const []){ __VA_ARGS__, NULL })

/* The codes a list of units prints, space-separated. */
static const char *
list_codes(const struct pm_rtype *t, const char *const *args)
{
	static char codes[1024];
	const char *p = list_of(t, 0, args);
	size_t n = 0;

	codes[0] = '\0';
	while (*p != '\0') {
		n += (size_t)snprintf(codes + n, sizeof codes - n, "%s%.*s",
		    n ? " " : "", (int)strcspn(p, "\t\n"), p);
		p = strchr(p, '\n');
		ck_assert_ptr_nonnull(p);
		p++;
	}
	return codes;
}

/* Unit 'code' as show prints it (TSV), phone and ID numbers as stored. */
static const char *
show(const char *code)
{
	ck_assert_msg(pm_test_show(db, &mem, &pm_unit_type, code, 1) == 0,
	    "show: %s", pm_err_msg());
	return mem.buf;
}

static int
count_rows(const char *sql)
{
	return (int)pm_test_count(db, sql);
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
	/*
	 * The longest quote: 63 controls and a bidi control across byte
	 * 64, which is left out whole and must not overrun 'q'.
	 */
	memset(in, '\x01', 63);
	strcpy(in + 63, "\xe2\x80\xae" "x");
	pm_mask_quote(in, q);
	ck_assert_uint_eq(strlen(q), 63 * 4 + 3);
	ck_assert_str_eq(q + 63 * 4, "...");
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
	/* The value quoted with pm_q(), the bad character and its byte. */
	pm_assert_err(pm_unit_check_name("a\033[31mb"), PM_EX_DATAERR,
	    "owner name 'a\\x1B[31mb': control character U+001B at byte 2");
	pm_assert_err(pm_unit_check_name("a\tb"), PM_EX_DATAERR,
	    "owner name 'a\\x09b': control character U+0009 at byte 2");
	pm_assert_err(pm_unit_check_name("名a\xc2\x85"), PM_EX_DATAERR,
	    "control character U+0085 at byte 5");
	pm_assert_err(pm_unit_check_name("evil\xe2\x80\xae" "liam"), PM_EX_DATAERR,
	    "owner name 'evil\\xE2\\x80\\xAEliam': bidirectional control "
	    "U+202E at byte 5");
	pm_assert_err(pm_unit_check_name("x\xe5\xbc"), PM_EX_DATAERR,
	    "owner name 'x\\xE5\\xBC': invalid UTF-8 at byte 2");
	pm_assert_err(pm_unit_check_name("\xc0\x80"), PM_EX_DATAERR,
	    "invalid UTF-8 at byte 1");
	memset(big, 'a', 201);
	big[201] = '\0';
	pm_assert_err(pm_unit_check_name(big), PM_EX_DATAERR,
	    "longer than 200 bytes");
	/* A long value is cut in the message. */
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "aaa...': longer"));
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
	/* A number in a message is masked: it lands in cron mail. */
	pm_assert_err(pm_unit_check_phone("12345678901"), PM_EX_DATAERR,
	    "phone '123****8901': not a mobile number (they start 13 to 19)");
	pm_assert_err(pm_unit_check_phone("1381234567"), PM_EX_DATAERR,
	    "phone '1********7': digits: 10; a mobile number has 11, "
	    "starting with 1, a local one 7 or 8");
	pm_assert_err(pm_unit_check_phone("1"), PM_EX_DATAERR,
	    "phone '*': digits: 1; a mobile");
	pm_assert_err(pm_unit_check_phone("+86 13812345678"), PM_EX_DATAERR,
	    "phone '+86********5678': not a phone number (a mobile number "
	    "such as 13812345678 or a landline such as 010-12345678)");
	ck_assert_ptr_null(strstr(pm_err_msg(), "13812345678'"));
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
	    PM_EX_DATAERR, "id number '110***********1234': wrong check "
	    "digit (a typing error?)");
	pm_assert_err(pm_unit_check_id_number("11010119900307123"),
	    PM_EX_DATAERR, "id number '110**********7123': 17 characters, "
	    "not 18");
	pm_assert_err(pm_unit_check_id_number("11010119900307123A"),
	    PM_EX_DATAERR, "the last character must be a digit or X");
	pm_assert_err(pm_unit_check_id_number("1101011990030712X3"),
	    PM_EX_DATAERR, "the first 17 characters must be digits");
	/* The birth date is not quoted: it would unmask the number. */
	pm_assert_err(pm_unit_check_id_number("110101199002301231"),
	    PM_EX_DATAERR, "id number '110***********1231': not a real "
	    "birth date in it");
	ck_assert_ptr_null(strstr(pm_err_msg(), "19900230"));
	pm_assert_err(pm_unit_check_id_number("110101190002290000"),
	    PM_EX_DATAERR, "not a real birth date");
	pm_assert_err(pm_unit_check_id_number("110101189912310000"),
	    PM_EX_DATAERR, "not a real birth date");
	pm_assert_err(pm_unit_check_id_number("110101199013010000"),
	    PM_EX_DATAERR, "not a real birth date");
}
END_TEST

START_TEST(check_states)
{
	struct pm_unit_change c;
	const char *id;

	memset(&c, 0, sizeof c);
	c.occupancy = "rented";
	c.condition = "basic";
	ck_assert_int_eq(pm_unit_check_change(&c), 0);
	ck_assert_str_eq(c.occupancy, "rented");
	/* Words in Chinese and other spellings become their identifiers. */
	c.occupancy = "空置";
	c.condition = "损坏";
	ck_assert_int_eq(pm_unit_check_change(&c), 0);
	ck_assert_str_eq(c.occupancy, "vacant");
	ck_assert_str_eq(c.condition, "poor");
	c.occupancy = "Occupied";
	ck_assert_int_eq(pm_unit_check_change(&c), 0);
	ck_assert_str_eq(c.occupancy, "occupied");
	c.occupancy = "empty";
	pm_assert_err(pm_unit_check_change(&c), PM_EX_DATAERR,
	    "occupancy 'empty': unknown occupancy (choose occupied, vacant "
	    "or rented)");
	c.occupancy = NULL;
	c.condition = "bad";
	pm_assert_err(pm_unit_check_change(&c), PM_EX_DATAERR,
	    "condition 'bad': unknown condition (choose good, basic or "
	    "poor)");
	/* The owner fields are checked first, in field order. */
	memset(&c, 0, sizeof c);
	c.owner_phone = "12";
	c.occupancy = "empty";
	pm_assert_err(pm_unit_check_change(&c), PM_EX_DATAERR, "phone '**'");
	ck_assert_int_eq(pm_vocab_check(&pm_v_role, "班长", 0, &id), 0);
	ck_assert_str_eq(id, "lead");
	pm_assert_err(pm_vocab_check(&pm_v_role, "boss", 0, &id),
	    PM_EX_DATAERR, "role 'boss': unknown role (choose staff, lead, "
	    "supervisor or manager)");
}
END_TEST

/*
 * Lists and shows.
 */

START_TEST(list_natural_order)
{
	ck_assert_str_eq(list_codes(&pm_unit_type, NULL),
	    "2-1-101 3-1-501 3-1-502 3-1-1001 3-2-101 10-1-101");
	ck_assert_str_eq(list_codes(&pm_unit_type, ARGS("building", "3")),
	    "3-1-501 3-1-502 3-1-1001 3-2-101");
	ck_assert_str_eq(list_codes(&pm_public_type, NULL), "P-GATE-N P-PUMP");
	ck_assert_str_eq(list_codes(&pm_building_type, NULL), "2 3 10");
}
END_TEST

START_TEST(list_fields)
{
	struct pm_unit_change c = { .owner_name = "张三",
	    .owner_phone = "13812345678", .occupancy = "occupied" };
	int ch;

	ck_assert_str_eq(list_of(&pm_unit_type, 0, ARGS("building", "2")),
	    "2-1-101\t2\t1\t1\t100.05\tvacant\tbasic\t\t\n");
	/* Public areas: no occupancy, no owner. */
	ck_assert_str_eq(list_of(&pm_public_type, 0, NULL),
	    "P-GATE-N\t北门岗亭\t\t\t0.00\tgood\n"
	    "P-PUMP\t水泵房\t\t\t80.25\tgood\n");
	/* The phone is masked unless revealed. */
	ck_assert_int_eq(pm_unit_set(db, "2-1-101", &c, &ch), 0);
	ck_assert_str_eq(list_of(&pm_unit_type, 0, ARGS("building", "2")),
	    "2-1-101\t2\t1\t1\t100.05\toccupied\tbasic\t张三\t138****5678\n");
	ck_assert_str_eq(list_of(&pm_unit_type, 1, ARGS("building", "2")),
	    "2-1-101\t2\t1\t1\t100.05\toccupied\tbasic\t张三\t13812345678\n");
	/* Buildings count their units that have not retired. */
	ck_assert_str_eq(list_of(&pm_building_type, 0, NULL),
	    "2\t2号楼\t1\n3\t3号楼\t4\n10\t10号楼\t1\n");
}
END_TEST

START_TEST(list_filters_and_errors)
{
	struct pm_unit_change c = { .occupancy = "rented" };
	int ch;

	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(pm_unit_set(db, "10-1-101", &c, &ch), 0);
	ck_assert_str_eq(list_codes(&pm_unit_type, ARGS("occupancy",
	    "rented")), "3-1-502 10-1-101");
	ck_assert_str_eq(list_codes(&pm_unit_type, ARGS("building", "3",
	    "occupancy", "出租")), "3-1-502");
	ck_assert_str_eq(list_codes(&pm_unit_type, ARGS("building", "2",
	    "occupancy", "occupied")), "");
	/* A building as typed: full-width digits. */
	ck_assert_str_eq(list_codes(&pm_unit_type, ARGS("building", "１０")),
	    "10-1-101");
	pm_assert_err(pm_test_list(db, &mem, &pm_unit_type, 0,
	    ARGS("building", "9")), PM_EX_NOINPUT,
	    "building '9': no such building (did you mean 2 or 3? see "
	    "'pm-unit buildings')");
	ck_assert_str_eq(mem.buf, "");
	/* Checked before any row is written, whatever the order. */
	pm_assert_err(pm_test_list(db, &mem, &pm_unit_type, 0,
	    ARGS("building", "3", "occupancy", "full")), PM_EX_DATAERR,
	    "occupancy 'full': unknown occupancy (choose occupied, vacant or "
	    "rented)");
	ck_assert_str_eq(mem.buf, "");
}
END_TEST

START_TEST(show_unit)
{
	/* Show finds retired units and public areas too. */
	ck_assert_str_eq(show("3-9-101"),
	    "3-9-101\tunit\t\t3\t9\t1\t1.00\tvacant\tgood\t\t\t\t1\n");
	ck_assert_str_eq(show("P-PUMP"),
	    "P-PUMP\tpublic\t水泵房\t\t\t\t80.25\t\tgood\t\t\t\t0\n");
	/* As a person types it: another case, full-width forms. */
	ck_assert_str_eq(show("p-pump"),
	    "P-PUMP\tpublic\t水泵房\t\t\t\t80.25\t\tgood\t\t\t\t0\n");
	ck_assert_int_eq(strncmp(show("３－１－５０２"), "3-1-502\t", 8), 0);
	pm_assert_err(pm_test_show(db, &mem, &pm_unit_type, "9-9-999", 0),
	    PM_EX_NOINPUT, "unit '9-9-999': no such unit (see 'pm-unit list')");
	ck_assert_str_eq(mem.buf, "");
	pm_assert_err(pm_test_show(db, &mem, &pm_unit_type, "\033]0;x\a", 0),
	    PM_EX_NOINPUT, "unit '\\x1B]0;x\\x07': no such unit");
	/* A near miss is suggested. */
	pm_assert_err(pm_test_show(db, &mem, &pm_unit_type, "3-1-503", 0),
	    PM_EX_NOINPUT, "unit '3-1-503': no such unit (did you mean "
	    "3-1-501 or 3-1-502? see 'pm-unit list')");
}
END_TEST

/*
 * set.
 */

START_TEST(set_owner)
{
	struct pm_unit_change c = {
		"张三", "13812345678", "11010520000229003x", "自住", NULL
	};
	int ch = -1;

	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(ch, 1);
	/* The ID number's x is stored as X. */
	ck_assert_str_eq(show("3-1-502"), "3-1-502\tunit\t\t3\t1\t5\t89.50\t"
	    "occupied\tgood\t张三\t13812345678\t11010520000229003X\t0\n");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit WHERE"
	    " tbl = 'units' AND row_id = '3-1-502' AND summary ="
	    " 'changed: owner_name NULL -> ''张三'', owner_phone NULL ->"
	    " ''138****5678'', owner_id_number NULL -> ''110***********003X'',"
	    " occupancy ''vacant'' -> ''occupied'''"
	    " AND program = 'check' AND verb = 'test' AND who = 'tester'"), 1);

	/* The same again changes nothing and writes no audit row. */
	c.occupancy = "occupied";
	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(ch, 0);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 1);

	/* "" clears an owner field; NULL leaves it. */
	memset(&c, 0, sizeof c);
	c.owner_phone = "";
	c.condition = "poor";
	ck_assert_int_eq(pm_unit_set(db, "3-1-502", &c, &ch), 0);
	ck_assert_int_eq(ch, 1);
	ck_assert_str_eq(show("3-1-502"), "3-1-502\tunit\t\t3\t1\t5\t89.50\t"
	    "occupied\tpoor\t张三\t\t11010520000229003X\t0\n");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit WHERE summary ="
	    " 'changed: owner_phone ''138****5678'' -> NULL,"
	    " condition ''good'' -> ''poor'''"), 1);
	/* The unit as a person types it. */
	memset(&c, 0, sizeof c);
	c.condition = "basic";
	ck_assert_int_eq(pm_unit_set(db, "３－１－５０２", &c, &ch), 0);
	ck_assert_int_eq(ch, 1);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit WHERE"
	    " row_id = '3-1-502'"), 3);
}
END_TEST

START_TEST(set_hostile_text_is_text)
{
	struct pm_unit_change c = { .owner_name = "'; DROP TABLE units; --" };
	int ch;

	ck_assert_int_eq(pm_unit_set(db, "3-1-501", &c, &ch), 0);
	ck_assert_str_eq(show("3-1-501"), "3-1-501\tunit\t\t3\t1\t5\t89.50\t"
	    "vacant\tgood\t'; DROP TABLE units; --\t\t\t0\n");
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
	    "unit '9-9-999': no such unit (see 'pm-unit list')");
	ck_assert_int_eq(ch, 0);
	pm_assert_err(pm_unit_set(db, "3-9-101", &c, &ch), PM_EX_DATAERR,
	    "unit '3-9-101': retired unit");
	pm_assert_err(pm_unit_set(db, "P-PUMP", &c, &ch), PM_EX_DATAERR,
	    "unit 'P-PUMP': a public area has no owner or occupancy");
	/* A public area's condition can change. */
	ck_assert_int_eq(pm_unit_set(db, "P-PUMP", &cond, &ch), 0);
	ck_assert_int_eq(ch, 1);
	/* Checked before anything is written; the number masked. */
	pm_assert_err(pm_unit_set(db, "3-1-501", &bad, &ch), PM_EX_DATAERR,
	    "phone '**': digits: 2");
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
static char path[64];

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

/* Import 'text' from a temporary file ('path' names it) with pm_import(). */
static int
import_dry(const char *text, enum pm_rec_fmt fmt, int dry)
{
	int rc;

	pm_test_file(text, path);
	changed[0] = reported[0] = '\0';
	pm_err_clear();
	rc = pm_import(db, &pm_unit_import, NULL, path, fmt, dry,
	    note_report, note_changed, NULL);
	unlink(path);
	return rc;
}

static int
import_text(const char *text, enum pm_rec_fmt fmt)
{
	return import_dry(text, fmt, 0);
}

/* 's' with the temporary file's name written as "F". */
static const char *
with_f(const char *s)
{
	static char buf[4096];
	size_t n = strlen(path), o = 0;

	while (*s != '\0' && o < sizeof buf - 2) {
		if (strncmp(s, path, n) == 0) {
			buf[o++] = 'F';
			s += n;
		} else
			buf[o++] = *s++;
	}
	buf[o] = '\0';
	return buf;
}

static const char *
msg(void)
{
	return with_f(pm_err_msg());
}

static const char *
rep(void)
{
	return with_f(reported);
}

START_TEST(import_csv)
{
	ck_assert_int_eq(import_text(
	    "unit,owner_name,owner_phone,owner_id_number,occupancy\r\n"
	    "3-1-501,王五,13912345678,110101199003071233,自住\r\n"
	    "3-1-1001,\"Smith, John\",010-12345678,,rented\r\n"
	    "2-1-101,,,,\r\n", PM_REC_AUTO), 0);
	/* 2-1-101 named nothing to change: not reported as changed. */
	ck_assert_str_eq(changed, "3-1-501 3-1-1001 ");
	ck_assert_str_eq(reported, "");
	ck_assert_str_eq(show("3-1-1001"), "3-1-1001\tunit\t\t3\t1\t10\t89.50\t"
	    "rented\tgood\tSmith, John\t010-12345678\t\t0\n");
	ck_assert_str_eq(show("3-1-501"), "3-1-501\tunit\t\t3\t1\t5\t89.50\t"
	    "occupied\tgood\t王五\t13912345678\t110101199003071233\t0\n");
	/* Each unit changed audits itself. */
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 2);
	/* Again: nothing changes, nothing is printed or audited. */
	ck_assert_int_eq(import_text(
	    "unit,owner_name\n3-1-501,王五\n", PM_REC_AUTO), 0);
	ck_assert_str_eq(changed, "");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 2);
}
END_TEST

START_TEST(import_tsv_and_json)
{
	/* The name's escaped tab is a control character: refused. */
	ck_assert_int_eq(import_text("unit\toccupancy\towner_name\n"
	    "3-1-502\trented\t李\\t四\n", PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(msg(), "F:2: owner name '李\\x09四': control "
	    "character U+0009 at byte 4");
	ck_assert_str_eq(changed, "");
	ck_assert_int_eq(import_text("unit\toccupancy\n3-1-502\trented\n",
	    PM_REC_TSV), 0);
	ck_assert_str_eq(changed, "3-1-502 ");
	ck_assert_int_eq(import_text(
	    "{\"unit\":\"3-1-501\",\"owner_name\":\"\\u674e\\u56db\","
	    "\"owner_phone\":13812345678,\"owner_id_number\":null}\n",
	    PM_REC_AUTO), 0);
	ck_assert_str_eq(changed, "3-1-501 ");
	ck_assert_str_eq(show("3-1-501"), "3-1-501\tunit\t\t3\t1\t5\t89.50\t"
	    "vacant\tgood\t李四\t13812345678\t\t0\n");
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
	    "3-1-502,g,1\n"
	    "３－１－５０１,h,\n", PM_REC_AUTO), PM_EX_DATAERR);
	/* Every bad line is reported, each with its line. */
	ck_assert_str_eq(rep(),
	    "F:3: unit '9-9-999': no such unit (see 'pm-unit list')\n"
	    "F:4: unit '3-1-501': named twice (first on line 2)\n"
	    "F:5: owner name 'x\\x01y': control character U+0001 at byte 2\n"
	    "F:6: unit: missing\n"
	    "F:7: unit 'P-PUMP': a public area has no owner or occupancy\n"
	    "F:8: unit '3-9-101': retired unit\n"
	    "F:9: phone '*': digits: 1; a mobile number has 11, starting "
	    "with 1, a local one 7 or 8\n"
	    /* The same unit typed in full-width forms is the same unit. */
	    "F:10: unit '3-1-501': named twice (first on line 2)\n");
	ck_assert_str_eq(msg(), "F: 8 errors, nothing imported");
	/* Nothing was written, nothing is printed. */
	ck_assert_str_eq(changed, "");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM units WHERE"
	    " owner_name IS NOT NULL"), 0);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 0);
}
END_TEST

/* What pm_unit_set() would refuse is found when the file is checked. */
START_TEST(import_refused_at_check)
{
	ck_assert_int_eq(import_text("unit,owner_name,occupancy\n"
	    "3-1-501,a,\nP-PUMP,e,\n3-9-101,f,\nP-GATE-N,,rented\n",
	    PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(rep(), "F:3: unit 'P-PUMP': a public area has no "
	    "owner or occupancy\nF:4: unit '3-9-101': retired unit\n"
	    "F:5: unit 'P-GATE-N': a public area has no owner or occupancy\n");
	ck_assert_str_eq(msg(), "F: 3 errors, nothing imported");
	ck_assert_str_eq(changed, "");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM units WHERE"
	    " owner_name IS NOT NULL"), 0);
	/* A public area named with nothing to change is no error. */
	ck_assert_int_eq(import_text("unit,owner_name\nP-PUMP,\n3-1-501,a\n",
	    PM_REC_AUTO), 0);
	ck_assert_str_eq(changed, "3-1-501 ");
}
END_TEST

START_TEST(import_one_error)
{
	ck_assert_int_eq(import_text("unit,owner_name\n3-1-501,a\n"
	    "9-9-999,b\n", PM_REC_AUTO), PM_EX_DATAERR);
	ck_assert_str_eq(reported, "");
	ck_assert_str_eq(msg(), "F:3: unit '9-9-999': no such unit (see "
	    "'pm-unit list')");
	ck_assert_str_eq(changed, "");
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
	ck_assert_ptr_nonnull(strstr(rep(), "F:2: unit '9-9-0'"));
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
	ck_assert_str_eq(rep(), "F:2: unit '9-9-999': no such unit (see "
	    "'pm-unit list')\n");
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
	pm_assert_err(pm_import(db, &pm_unit_import, NULL,
	    "/nonexistent/owners.csv", PM_REC_AUTO, 0, NULL, NULL, NULL),
	    PM_EX_NOINPUT,
	    "file '/nonexistent/owners.csv': No such file or directory");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 0);
}
END_TEST

START_TEST(import_dry_run)
{
	ck_assert_int_eq(import_dry("unit,occupancy\n3-1-501,rented\n"
	    "3-1-502,vacant\n", PM_REC_AUTO, 1), 0);
	/* What would change is named; nothing is kept. */
	ck_assert_str_eq(changed, "3-1-501 ");
	ck_assert_int_eq(count_rows("SELECT count(*) FROM units WHERE"
	    " occupancy = 'rented'"), 0);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM audit"), 0);
}
END_TEST

static int
refuse(const char *code, void *arg)
{
	return pm_err(PM_EX_SOFTWARE, "stop at %s", code);
}

/* The ids are printed after the commit: a failing printer loses nothing. */
START_TEST(import_done_after_commit)
{
	pm_test_file("unit,occupancy\n3-1-501,rented\n3-1-502,rented\n", path);
	pm_assert_err(pm_import(db, &pm_unit_import, NULL, path, PM_REC_AUTO,
	    0, NULL, refuse, NULL), PM_EX_SOFTWARE, "stop at 3-1-501");
	unlink(path);
	ck_assert_int_eq(count_rows("SELECT count(*) FROM units WHERE"
	    " occupancy = 'rented'"), 2);
}
END_TEST

/*
 * Staff.
 */

START_TEST(staff_list)
{
	ck_assert_str_eq(list_of(&pm_staff_type, 0, NULL),
	    "li.qiang\t李强\tengineering\t工程部\tlead\t137****0003\n"
	    "zhao.min\t赵敏\tservice\t客服部\tmanager\t138****0001\n"
	    "qian.li\t钱丽\tservice\t客服部\tsupervisor\t139****0002\n"
	    "sun.hao\t孙浩\tservice\t客服部\tstaff\t\n");
	ck_assert_str_eq(list_of(&pm_staff_type, 1, ARGS("department",
	    "service", "role", "主管")),
	    "qian.li\t钱丽\tservice\t客服部\tsupervisor\t13900000002\n");
	/* A department with nobody in it is an empty list. */
	ck_assert_str_eq(list_of(&pm_staff_type, 0, ARGS("department",
	    "cleaning")), "");
	pm_assert_err(pm_test_list(db, &mem, &pm_staff_type, 0,
	    ARGS("department", "hr")), PM_EX_NOINPUT,
	    "department 'hr': no such department (see 'pm-staff departments')");
	pm_assert_err(pm_test_list(db, &mem, &pm_staff_type, 0,
	    ARGS("department", "servise")), PM_EX_NOINPUT,
	    "(did you mean service? see 'pm-staff departments')");
	pm_assert_err(pm_test_list(db, &mem, &pm_staff_type, 0,
	    ARGS("role", "boss")), PM_EX_DATAERR,
	    "role 'boss': unknown role (choose staff, lead, supervisor or "
	    "manager)");
}
END_TEST

START_TEST(staff_show)
{
	/* Retired staff are shown; logins are compared as they are. */
	ck_assert_int_eq(pm_test_show(db, &mem, &pm_staff_type, "old.hand", 0),
	    0);
	ck_assert_str_eq(mem.buf, "old.hand\t老手\tengineering\t工程部\t"
	    "staff\t\t\t1\n");
	pm_assert_err(pm_test_show(db, &mem, &pm_staff_type, "nobody", 0),
	    PM_EX_NOINPUT, "staff 'nobody': no such staff member (see "
	    "'pm-staff list')");
	pm_assert_err(pm_test_show(db, &mem, &pm_staff_type, "Zhao.Min", 0),
	    PM_EX_NOINPUT, "staff 'Zhao.Min': no such staff member");
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
	tcase_add_checked_fixture(tc, setup, teardown_mem);
	tcase_add_test(tc, list_natural_order);
	tcase_add_test(tc, list_fields);
	tcase_add_test(tc, list_filters_and_errors);
	tcase_add_test(tc, show_unit);
	tcase_add_test(tc, set_owner);
	tcase_add_test(tc, set_hostile_text_is_text);
	tcase_add_test(tc, set_errors);
	tcase_add_test(tc, import_csv);
	tcase_add_test(tc, import_tsv_and_json);
	tcase_add_test(tc, import_record_errors);
	tcase_add_test(tc, import_refused_at_check);
	tcase_add_test(tc, import_one_error);
	tcase_add_test(tc, import_stops_after_20);
	tcase_add_test(tc, import_fatal_errors);
	tcase_add_test(tc, import_dry_run);
	tcase_add_test(tc, import_done_after_commit);
	tcase_add_test(tc, staff_list);
	tcase_add_test(tc, staff_show);
	suite_add_tcase(s, tc);
	return s;
}
