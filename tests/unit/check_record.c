/*
 * check_record.c - the record layer: a type declared once gives its
 * columns, a list with every kind of filter, show, find and the list
 * verb.
 *
 * The tests declare a record type of their own over a small table of
 * "things" made in the fresh in-memory database, with a field of every
 * type and a filter of every kind, so that the layer is tested apart
 * from the modules that use it; the unit types of libpm serve where a
 * real key of another type is needed (--building) and for the list
 * verb's --public.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pmtest.h"
#include "clock.h"
#include "i18n.h"
#include "record.h"
#include "unit.h"

static struct pm_db *db;
static struct pm_test_mem mem;

static const char estate_sql[] =
    "INSERT INTO buildings(code, name) VALUES ('2', '2号楼'), ('3', '3号楼'),"
    " ('10', '10号楼');"
    "INSERT INTO units(code, building, entrance, floor, area) VALUES"
    " ('3-1-502', '3', 1, 5, 8950), ('10-1-101', '10', 1, 1, 12000);"
    "INSERT INTO units(code, kind, name, area) VALUES"
    " ('P-GATE-N', 'public', '北门岗亭', 0);"
    /* The things: a code, a building, two words, numbers, times. */
    "CREATE TABLE things (code TEXT PRIMARY KEY, building TEXT,"
    " state TEXT, status TEXT, fee INTEGER, area INTEGER, n INTEGER,"
    " at TEXT, due TEXT, secs INTEGER, phone TEXT, note TEXT,"
    " retired INTEGER NOT NULL DEFAULT 0);"
    "CREATE VIEW open_things AS SELECT * FROM things"
    " WHERE status NOT IN ('closed', 'cancelled');"
    "INSERT INTO things VALUES"
    " ('water-leak', '3', 'occupied', 'new', 120050, 8950, 0,"
    "  '2026-11-23T01:00:00Z', '2026-11-23T16:00:00Z', 3600,"
    "  '13812345678', 'a', 0),"
    " ('water-outage', '3', 'vacant', 'resolved', -307, 10005, 2,"
    "  '2026-11-22T01:00:00Z', '2026-11-22T02:30:00Z', 59,"
    "  NULL, NULL, 0),"
    " ('door-lock', '10', 'rented', 'closed', 0, 0, NULL,"
    "  '2026-10-31T16:00:00Z', NULL, NULL, '010-12345678', 'c', 0),"
    " ('noise', NULL, 'vacant', 'new', NULL, NULL, 5,"
    "  '2026-11-20T08:00:00Z', '2026-11-30T01:00:00Z', 0, NULL, NULL, 1),"
    " ('Fee-Question', '2', 'occupied', 'cancelled', 1, 1, 1,"
    "  '2026-12-01T00:00:00Z', NULL, -600, NULL, NULL, 0);";

/* A field of PM_F_CUSTOM: two columns as "a/b". */
static void
put_pair(struct pm_out *o, sqlite3_stmt *st, int col)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%s/%s", pm_col_text(st, col) ?
	    pm_col_text(st, col) : "-", pm_col_text(st, col + 1) ?
	    pm_col_text(st, col + 1) : "-");
	pm_out_text(o, buf);
}

static const struct pm_field thing_fields[] = {
	PM_FIELD("code", PM_F_TEXT, "x.code", 0, NULL),
	PM_FIELD("building", PM_F_TEXT, "x.building", 0, NULL),
	PM_FIELD("state", PM_F_TEXT, "x.state", 0, &pm_v_occupancy),
	PM_FIELD("status", PM_F_TEXT, "x.status", PM_F_LIST,
	    &pm_v_ticket_status),
	PM_FIELD("fee", PM_F_FEN, "x.fee", 0, NULL),
	PM_FIELD("area", PM_F_HUNDREDTHS, "x.area", PM_F_SHOW, NULL),
	PM_FIELD("n", PM_F_INT0, "x.n", PM_F_SHOW, NULL),
	PM_FIELD("tally", PM_F_INT, "x.n", PM_F_SHOW, NULL),
	PM_FIELD("at", PM_F_TIME, "x.at", 0, NULL),
	PM_FIELD("due", PM_F_DEADLINE, "x.due", 0, NULL),
	PM_FIELD("secs", PM_F_SECONDS, "x.secs", PM_F_SHOW, NULL),
	PM_FIELD("phone", PM_F_TEXT, "x.phone", PM_F_MASKED, NULL),
	{ "pair", PM_F_CUSTOM, "x.note, x.building", PM_F_SHOW, NULL, 2,
	    put_pair, PM_COL_TEXT },
	PM_FIELD("retired", PM_F_INT, "x.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

enum {
	OPT_STATUS = PM_OPT_LONG, OPT_ALL, OPT_LATE, OPT_SINCE, OPT_UNTIL,
	OPT_NAMED
};

static const struct pm_filter thing_filters[] = {
	{ .opt = { "building", 'b', "code", "things of a building" },
	    .kind = PM_FILTER_EQ, .sql = "x.building = ?",
	    .ref = &pm_building_type },
	{ .opt = { "state", 's', "state", "occupied, vacant or rented" },
	    .kind = PM_FILTER_EQ, .sql = "x.state = ?",
	    .vocab = &pm_v_occupancy },
	/* A plain value bound to both of its ?s. */
	{ .opt = { "named", OPT_NAMED, "text", "code or note" },
	    .kind = PM_FILTER_EQ, .sql = "x.code = ? OR x.note = ?" },
	{ .opt = { "status", OPT_STATUS, "status", "statuses" },
	    .kind = PM_FILTER_LIST, .sql = "x.status IN (?*)",
	    .vocab = &pm_v_ticket_status, .replaces_default = 1,
	    .within = "open" },
	{ .opt = { "all", OPT_ALL, NULL, "every thing" },
	    .kind = PM_FILTER_ALL },
	{ .opt = { "late", OPT_LATE, NULL, "due before now" },
	    .kind = PM_FILTER_FLAG, .sql = "x.due < ?" },
	{ .opt = { "since", OPT_SINCE, "time", "at or after" },
	    .kind = PM_FILTER_SINCE, .sql = "x.at >= ?" },
	{ .opt = { "until", OPT_UNTIL, "time", "before" },
	    .kind = PM_FILTER_UNTIL, .sql = "x.at < ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

/*
 * Lists read the open things that have not retired unless a filter
 * replaces the default: from a view of their own, as tickets are.
 */
static const struct pm_rtype thing_type = {
	.name = "thing",
	.from = "things x",
	.from_default = "open_things x",
	.key = "x.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = "code",
	.list_default = "x.retired = 0",
	.order = "x.at, x.code",
	.fields = thing_fields,
	.filters = thing_filters,
	.not_found = "thing %s: no such thing",
	.list_cmd = "pm-thing list"
};

/* The same table by login-like text keys and by id. */
static const struct pm_field text_fields[] = {
	PM_FIELD("code", PM_F_TEXT, "x.code", 0, NULL),
	PM_FIELD_END
};

static const struct pm_rtype text_type = {
	.name = "word",
	.from = "things x",
	.key = "x.code",
	.key_kind = PM_KEY_TEXT,
	.key_arg = "word",
	.where = "x.retired = 0",
	.order = "x.code",
	.fields = text_fields,
	.not_found = "word %s: no such word"
};

static const struct pm_field id_fields[] = {
	PM_FIELD("id", PM_F_INT, "x.rowid", 0, NULL),
	PM_FIELD("code", PM_F_TEXT, "x.code", 0, NULL),
	PM_FIELD_END
};

static const struct pm_rtype id_type = {
	.name = "item",
	.from = "things x",
	.key = "x.rowid",
	.key_kind = PM_KEY_ID,
	.key_arg = "id",
	.order = "x.rowid",
	.fields = id_fields,
	.not_found = "item %s: no such item",
	.list_cmd = "pm-thing items"
};

#define ARGS(...) ((const char *const []){ __VA_ARGS__, NULL })

static void
setup(void)
{
	unsetenv("PM_NOW");
	pm_i18n_set(PM_LANG_EN);
	pm_err_clear();
	db = pm_test_db();
	ck_assert_msg(pm_db_exec(db, estate_sql) == 0, "%s", pm_err_msg());
	setenv("PM_NOW", "2026-11-23T12:00", 1);
}

static void
teardown(void)
{
	pm_test_mem_free(&mem);
	pm_db_close(db);
	db = NULL;
	unsetenv("PM_NOW");
}

/* The codes a list of things prints, space-separated. */
static const char *
codes(const char *const *args)
{
	static char buf[512];
	const char *p;
	size_t n = 0;

	ck_assert_msg(pm_test_list(db, &mem, &thing_type, 0, args) == 0,
	    "list: %s", pm_err_msg());
	buf[0] = '\0';
	for (p = mem.buf; *p != '\0'; p = strchr(p, '\n') + 1)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s",
		    n ? " " : "", (int)strcspn(p, "\t"), p);
	return buf;
}

/*
 * Columns.
 */

START_TEST(cols_list_and_show)
{
	const struct pm_col *c, *again;
	int n, i;

	c = pm_rec_cols(&thing_type, 0, &n);
	ck_assert_int_eq(n, 8);
	{
		static const char *const names[] = { "code", "building",
		    "state", "status", "fee", "at", "due", "phone" };
		static const enum pm_coltype types[] = { PM_COL_TEXT,
		    PM_COL_TEXT, PM_COL_TEXT, PM_COL_TEXT, PM_COL_NUM,
		    PM_COL_TEXT, PM_COL_TEXT, PM_COL_TEXT };

		for (i = 0; i < n; i++) {
			ck_assert_str_eq(c[i].name, names[i]);
			ck_assert_int_eq(c[i].type, types[i]);
		}
	}
	/* The vocabulary goes with the column, for the labels. */
	ck_assert_ptr_eq(c[2].vocab, &pm_v_occupancy);
	ck_assert_ptr_null(c[0].vocab);
	/* Made once and kept. */
	again = pm_rec_cols(&thing_type, 0, &i);
	ck_assert_ptr_eq(again, c);
	ck_assert_int_eq(i, n);
	c = pm_rec_cols(&thing_type, 1, &n);
	ck_assert_int_eq(n, 13);
	ck_assert_str_eq(c[3].name, "fee");
	ck_assert_str_eq(c[4].name, "area");
	ck_assert_int_eq(c[4].type, PM_COL_NUM);
	ck_assert_int_eq(c[5].type, PM_COL_INT);	/* INT0 */
	ck_assert_int_eq(c[9].type, PM_COL_INT);	/* SECONDS */
	ck_assert_str_eq(c[11].name, "pair");
	ck_assert_int_eq(c[11].type, PM_COL_TEXT);
}
END_TEST

START_TEST(opts_and_synopsis)
{
	struct pm_opt *o;
	char *syn;
	int n;

	o = pm_rec_opts(&thing_type, 1);
	for (n = 0; o[n].name != NULL; n++)
		;
	/* The filters, then --reveal for the masked phone. */
	ck_assert_int_eq(n, 9);
	ck_assert_str_eq(o[0].name, "building");
	ck_assert_int_eq(o[0].key, 'b');
	ck_assert_str_eq(o[8].name, "reveal");
	ck_assert_ptr_null(o[8].arg);
	free(o);
	o = pm_rec_opts(&thing_type, 0);
	ck_assert_str_eq(o[0].name, "reveal");
	ck_assert_ptr_null(o[1].name);
	free(o);
	o = pm_rec_opts(&text_type, 1);
	ck_assert_ptr_null(o[0].name);
	free(o);
	syn = pm_rec_synopsis(&thing_type, 1);
	ck_assert_str_eq(syn, "[--building code] [--state state] [--named "
	    "text] [--status status] [--all] [--late] [--since time] "
	    "[--until time] [--reveal]");
	free(syn);
	syn = pm_rec_synopsis(&thing_type, 0);
	ck_assert_str_eq(syn, "[--reveal] code ...");
	free(syn);
	syn = pm_rec_synopsis(&text_type, 1);
	ck_assert_str_eq(syn, "");
	free(syn);
	syn = pm_rec_synopsis(&id_type, 0);
	ck_assert_str_eq(syn, "id ...");
	free(syn);
}
END_TEST

/*
 * Lists.
 */

START_TEST(list_default_and_fields)
{
	/*
	 * The default: open (the view) and not retired, in order; each
	 * field as its type says, the phone masked.
	 */
	ck_assert_int_eq(pm_test_list(db, &mem, &thing_type, 0, NULL), 0);
	ck_assert_str_eq(mem.buf,
	    "water-outage\t3\tvacant\tresolved\t-3.07\t2026-11-22T09:00\t"
	    "2026-11-22T10:30\t\n"
	    "water-leak\t3\toccupied\tnew\t1200.50\t2026-11-23T09:00\t"
	    "2026-11-23T24:00\t138****5678\n");
	ck_assert_int_eq(pm_test_list(db, &mem, &thing_type, 1, NULL), 0);
	ck_assert_str_eq(strchr(mem.buf, '\n') + 1,
	    "water-leak\t3\toccupied\tnew\t1200.50\t2026-11-23T09:00\t"
	    "2026-11-23T24:00\t13812345678\n");
	/* --all: every thing, retired and closed too. */
	ck_assert_str_eq(codes(ARGS("all")),
	    "door-lock noise water-outage water-leak Fee-Question");
	/* A midnight that is no deadline is 00:00 of its own day. */
	ck_assert_int_eq(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("named", "door-lock", "all")), 0);
	ck_assert_str_eq(mem.buf, "door-lock\t10\trented\tclosed\t0.00\t"
	    "2026-11-01T00:00\t\t010*****5678\n");
}
END_TEST

START_TEST(list_eq)
{
	/* A vocabulary: any of its names, bound as the identifier. */
	ck_assert_str_eq(codes(ARGS("state", "vacant")), "water-outage");
	ck_assert_str_eq(codes(ARGS("state", "空置", "all")),
	    "noise water-outage");
	ck_assert_str_eq(codes(ARGS("state", "OCCUPIED", "all")),
	    "water-leak Fee-Question");
	/* A key of another type: as typed, then as stored. */
	ck_assert_str_eq(codes(ARGS("building", "3")),
	    "water-outage water-leak");
	ck_assert_str_eq(codes(ARGS("building", "１０", "all")), "door-lock");
	/* A plain value is bound to every ? of its condition. */
	ck_assert_str_eq(codes(ARGS("named", "c", "all")), "door-lock");
	ck_assert_str_eq(codes(ARGS("named", "water-leak")), "water-leak");
	/* Filters together narrow. */
	ck_assert_str_eq(codes(ARGS("building", "3", "state", "vacant")),
	    "water-outage");
	ck_assert_str_eq(codes(ARGS("building", "2")), "");
}
END_TEST

START_TEST(list_list_groups_within)
{
	/* A comma list, each word in either language. */
	ck_assert_str_eq(codes(ARGS("status", "new,已完成")),
	    "water-outage water-leak");
	/*
	 * Words all within "open" keep the default (the view, and not
	 * retired) and only narrow it: the retired 'noise' stays out.
	 */
	ck_assert_str_eq(codes(ARGS("status", "new")), "water-leak");
	ck_assert_str_eq(codes(ARGS("status", "open")),
	    "water-outage water-leak");
	ck_assert_str_eq(codes(ARGS("status", "未关闭")),
	    "water-outage water-leak");
	/* A word outside it replaces the default: every thing is read. */
	ck_assert_str_eq(codes(ARGS("status", "new,closed")),
	    "door-lock noise water-leak");
	ck_assert_str_eq(codes(ARGS("status", "cancelled")), "Fee-Question");
	/* A group expands to its members, alongside other words. */
	ck_assert_str_eq(codes(ARGS("status", "open,cancelled")),
	    "noise water-outage water-leak Fee-Question");
	ck_assert_str_eq(codes(ARGS("status", "open", "all")),
	    "noise water-outage water-leak");
}
END_TEST

START_TEST(list_flag_and_times)
{
	/* --late: due before now (12:00 on the 23rd). */
	ck_assert_str_eq(codes(ARGS("late")), "water-outage");
	/* Due at midnight is not late at midnight. */
	setenv("PM_NOW", "2026-11-24T00:00", 1);
	ck_assert_str_eq(codes(ARGS("late")), "water-outage");
	setenv("PM_NOW", "2026-11-24T00:01", 1);
	ck_assert_str_eq(codes(ARGS("late")), "water-outage water-leak");
	ck_assert_str_eq(codes(ARGS("late", "all")),
	    "water-outage water-leak");
	setenv("PM_NOW", "2026-12-02T00:00", 1);
	ck_assert_str_eq(codes(ARGS("late", "all")),
	    "noise water-outage water-leak");
	/* A time, or a period: since its start, until its end. */
	ck_assert_str_eq(codes(ARGS("since", "2026-11-23T09:00", "all")),
	    "water-leak Fee-Question");
	ck_assert_str_eq(codes(ARGS("since", "2026-11-23T09:01", "all")),
	    "Fee-Question");
	ck_assert_str_eq(codes(ARGS("until", "2026-11-22", "all")),
	    "door-lock noise water-outage");
	ck_assert_str_eq(codes(ARGS("since", "2026-11", "until", "2026-11",
	    "all")), "door-lock noise water-outage water-leak");
	ck_assert_str_eq(codes(ARGS("since", "2026-12", "all")),
	    "Fee-Question");
	ck_assert_str_eq(codes(ARGS("since", "2026-11-22", "until",
	    "2026-11-22T09:00", "all")), "");
	ck_assert_str_eq(codes(ARGS("since", "-1d", "all")),
	    "Fee-Question");
	ck_assert_str_eq(codes(ARGS("since", "2026-W48", "all")),
	    "water-leak Fee-Question");
}
END_TEST

/* A bad value is an error before anything is written. */
START_TEST(list_bad_values_write_nothing)
{
	pm_assert_err(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("building", "3", "state", "empty")), PM_EX_DATAERR,
	    "occupancy 'empty': unknown occupancy (choose occupied, vacant or "
	    "rented)");
	ck_assert_str_eq(mem.buf, "");
	pm_assert_err(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("state", "vacant", "building", "9")), PM_EX_NOINPUT,
	    "building '9': no such building (did you mean 2 or 3? see "
	    "'pm-unit buildings')");
	ck_assert_str_eq(mem.buf, "");
	pm_assert_err(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("status", "new,done")), PM_EX_DATAERR,
	    "status 'done': unknown status (choose new, assigned, "
	    "in_progress, waiting, resolved, called_back, closed, cancelled "
	    "or open)");
	ck_assert_str_eq(mem.buf, "");
	pm_assert_err(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("status", "new,")), PM_EX_DATAERR, "status '': unknown");
	pm_assert_err(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("since", "2026-02-30")), PM_EX_USAGE, "'2026-02-30'");
	ck_assert_str_eq(mem.buf, "");
	pm_assert_err(pm_test_list(db, &mem, &thing_type, 0,
	    ARGS("until", "soon")), PM_EX_USAGE, "'soon'");
	/* Hostile text is a value like any other. */
	ck_assert_str_eq(codes(ARGS("named", "' OR 1=1 --", "all")), "");
}
END_TEST

/*
 * Show.
 */

START_TEST(show_fields)
{
	ck_assert_int_eq(pm_test_show(db, &mem, &thing_type, "water-leak", 0),
	    0);
	ck_assert_str_eq(mem.buf, "water-leak\t3\toccupied\t1200.50\t89.50\t\t"
	    "0\t2026-11-23T09:00\t2026-11-23T24:00\t60\t138****5678\ta/3\t0\n");
	ck_assert_int_eq(pm_test_show(db, &mem, &thing_type, "water-outage",
	    1), 0);
	ck_assert_str_eq(mem.buf, "water-outage\t3\tvacant\t-3.07\t100.05\t2\t"
	    "2\t2026-11-22T09:00\t2026-11-22T10:30\t0\t\t-/3\t0\n");
	/* NULLs: INT and FEN empty; retired things are shown. */
	ck_assert_int_eq(pm_test_show(db, &mem, &thing_type, "noise", 1), 0);
	ck_assert_str_eq(mem.buf, "noise\t\tvacant\t\t\t5\t5\t2026-11-20T16:00\t"
	    "2026-11-30T09:00\t0\t\t-/-\t1\n");
	ck_assert_int_eq(pm_test_show(db, &mem, &thing_type, "fee-question",
	    1), 0);
	ck_assert_str_eq(mem.buf, "Fee-Question\t2\toccupied\t0.01\t0.01\t1\t"
	    "1\t2026-12-01T08:00\t\t-10\t\t-/2\t0\n");
	pm_assert_err(pm_test_show(db, &mem, &thing_type, "leak", 0),
	    PM_EX_NOINPUT, "thing 'leak': no such thing");
	ck_assert_str_eq(mem.buf, "");
}
END_TEST

/* Show for people: vertical, with words in the reader's language. */
START_TEST(show_vertical_table)
{
	const struct pm_col *cols;
	struct pm_out *o;
	int n;

	cols = pm_rec_cols(&thing_type, 1, &n);
	pm_i18n_set(PM_LANG_ZH);
	o = pm_test_out(&mem, PM_FMT_TABLE, cols, n);
	pm_out_vertical(o, 1);
	ck_assert_int_eq(pm_rec_show(db, &thing_type, "water-outage", 0, o),
	    0);
	/* Headings a catalogue has are translated too; durations in words. */
	ck_assert_str_eq(pm_test_text(&mem, o),
	    "代码      water-outage\n"
	    "楼栋      3\n"
	    "状态      空置\n"
	    "fee       -3.07\n"
	    "面积      100.05\n"
	    "n         2\n"
	    "tally     2\n"
	    "时间      2026-11-22T09:00\n"
	    "到期时间  2026-11-22T10:30\n"
	    "secs      0分\n"
	    "电话\n"
	    "pair      -/3\n"
	    "已停用    0\n");
	pm_i18n_set(PM_LANG_EN);
}
END_TEST

/*
 * Find.
 */

static const char *
find(const struct pm_rtype *t, const char *key)
{
	static char canon[64];

	pm_err_clear();
	ck_assert_msg(pm_rec_find(db, t, key, canon, sizeof canon) == 0,
	    "find '%s': %s", key, pm_err_msg());
	return canon;
}

START_TEST(find_codes)
{
	/* A code as typed: another case, full-width, other dashes. */
	ck_assert_str_eq(find(&thing_type, "water-leak"), "water-leak");
	ck_assert_str_eq(find(&thing_type, "WATER-LEAK"), "water-leak");
	ck_assert_str_eq(find(&thing_type, "ｗａｔｅｒ－ｌｅａｋ"),
	    "water-leak");
	ck_assert_str_eq(find(&thing_type, " water—leak "), "water-leak");
	ck_assert_str_eq(find(&thing_type, "fee-question"), "Fee-Question");
	/* Retired records are found. */
	ck_assert_str_eq(find(&thing_type, "noise"), "noise");
	ck_assert_str_eq(find(&pm_unit_type, "p-gate-n"), "P-GATE-N");
	/* Text keys are compared as they are. */
	ck_assert_str_eq(find(&text_type, "Fee-Question"), "Fee-Question");
	pm_assert_err(pm_rec_find(db, &text_type, "fee-question", NULL, 0),
	    PM_EX_NOINPUT, "word 'fee-question': no such word (did you mean "
	    "Fee-Question?)");
	/* Ids, with or without '#'. */
	ck_assert_str_eq(find(&id_type, "2"), "2");
	ck_assert_str_eq(find(&id_type, "#3"), "3");
}
END_TEST

START_TEST(find_suggestions)
{
	char canon[64];

	/* Near codes, nearest first, at most three. */
	pm_assert_err(pm_rec_find(db, &thing_type, "waterleak", canon,
	    sizeof canon), PM_EX_NOINPUT, "thing 'waterleak': no such thing "
	    "(did you mean water-leak? see 'pm-thing list')");
	pm_assert_err(pm_rec_find(db, &thing_type, "water-lek", canon,
	    sizeof canon), PM_EX_NOINPUT, "(did you mean water-leak? see");
	pm_assert_err(pm_rec_find(db, &thing_type, "water", canon,
	    sizeof canon), PM_EX_NOINPUT, "(did you mean water-leak or "
	    "water-outage? see 'pm-thing list')");
	/* A part of a code counts as near. */
	pm_assert_err(pm_rec_find(db, &thing_type, "lock", canon,
	    sizeof canon), PM_EX_NOINPUT, "(did you mean door-lock?");
	/* Three at most, the nearest first, ties in the table's order. */
	pm_assert_err(pm_rec_find(db, &pm_building_type, "1", canon,
	    sizeof canon), PM_EX_NOINPUT, "building '1': no such building "
	    "(did you mean 10, 2 or 3? see 'pm-unit buildings')");
	/* Nothing near: where to see them all. */
	pm_assert_err(pm_rec_find(db, &thing_type, "elevator", canon,
	    sizeof canon), PM_EX_NOINPUT, "thing 'elevator': no such thing "
	    "(see 'pm-thing list')");
	/* Ids suggest nothing and need no list. */
	pm_assert_err(pm_rec_find(db, &id_type, "9", canon, sizeof canon),
	    PM_EX_NOINPUT, "item '9': no such item");
	ck_assert_str_eq(pm_err_msg(), "item '9': no such item");
	/* The value is quoted as every value in a message. */
	pm_assert_err(pm_rec_find(db, &thing_type, "x\033]0;", canon,
	    sizeof canon), PM_EX_NOINPUT, "thing 'x\\x1B]0;': no such thing");
}
END_TEST

START_TEST(check_key)
{
	ck_assert_int_eq(pm_rec_check_key(&id_type, "42"), 0);
	ck_assert_int_eq(pm_rec_check_key(&id_type, "#42"), 0);
	ck_assert_int_eq(pm_rec_check_key(&id_type, "999999999999999999"), 0);
	pm_assert_err(pm_rec_check_key(&id_type, "abc"), PM_EX_DATAERR,
	    "item 'abc': not an id (ids are numbers, like 42 or #42)");
	pm_assert_err(pm_rec_check_key(&id_type, "0"), PM_EX_DATAERR, "not a");
	pm_assert_err(pm_rec_check_key(&id_type, "#0"), PM_EX_DATAERR,
	    "not a");
	pm_assert_err(pm_rec_check_key(&id_type, "042"), PM_EX_DATAERR,
	    "not a");
	pm_assert_err(pm_rec_check_key(&id_type, "1e3"), PM_EX_DATAERR,
	    "not a");
	pm_assert_err(pm_rec_check_key(&id_type, "##1"), PM_EX_DATAERR,
	    "not a");
	pm_assert_err(pm_rec_check_key(&id_type, "9999999999999999999"),
	    PM_EX_DATAERR, "not a");
	pm_assert_err(pm_rec_find(db, &id_type, "x", NULL, 0), PM_EX_DATAERR,
	    "item 'x': not an id (ids are numbers, like 42 or #42)");
	/* Codes and text keys take any form. */
	ck_assert_int_eq(pm_rec_check_key(&thing_type, "abc"), 0);
	ck_assert_int_eq(pm_rec_check_key(&text_type, ""), 0);
}
END_TEST

START_TEST(out_time)
{
	static const struct pm_col cols[] = { { "t", PM_COL_TEXT, NULL },
	    { "d", PM_COL_TEXT, NULL } };
	pm_time t;
	struct pm_out *o;

	ck_assert_int_eq(pm_time_parse("2026-11-24", &t), 0);
	o = pm_test_out(&mem, PM_FMT_TSV, cols, 2);
	pm_rec_out_time(o, t, PM_F_TIME);
	pm_rec_out_time(o, t, PM_F_DEADLINE);
	pm_out_row(o);
	pm_rec_out_time(o, t + 60, PM_F_TIME);
	pm_rec_out_time(o, t + 60, PM_F_DEADLINE);
	pm_out_row(o);
	pm_rec_out_time(o, 0, PM_F_TIME);
	pm_rec_out_time(o, 0, PM_F_DEADLINE);
	pm_out_row(o);
	/* The first of a month and a year end the day before. */
	ck_assert_int_eq(pm_time_parse("2027-01-01", &t), 0);
	pm_rec_out_time(o, t, PM_F_TIME);
	pm_rec_out_time(o, t, PM_F_DEADLINE);
	pm_out_row(o);
	ck_assert_str_eq(pm_test_text(&mem, o),
	    "2026-11-24T00:00\t2026-11-23T24:00\n"
	    "2026-11-24T00:01\t2026-11-24T00:01\n"
	    "\t\n"
	    "2027-01-01T00:00\t2026-12-31T24:00\n");
}
END_TEST

/*
 * The list verb, as a binary runs it, on a database file: --public
 * lists another type, whose own filters the others must be.
 */

static char dbpath[64];

static int
run_list(const char *const *args, char **out)
{
	static struct pm_cli_verb verbs[] = {
		{ "list", pm_rec_cmd_list, NULL, "list the units", NULL,
		    &pm_unit_type },
		{ NULL, NULL, NULL, NULL, NULL, NULL }
	};
	char *argv[16], path[64];
	struct pm_cli cli;
	FILE *fp;
	long len;
	int argc = 0, saved, fd, rc;

	argv[argc++] = "list";
	for (; *args != NULL; args++)
		argv[argc++] = (char *)*args;
	argv[argc] = NULL;
	memset(&cli, 0, sizeof cli);
	cli.verbs = verbs;
	cli.v = &verbs[0];
	cli.verb = "list";
	cli.db_path = dbpath;
	optind = 0;
	pm_err_clear();
	/* What it prints on stdout, into a file. */
	strcpy(path, "/tmp/pmtest-out.XXXXXX");
	ck_assert_int_ge(fd = mkstemp(path), 0);
	fflush(stdout);
	ck_assert_int_ge(saved = dup(STDOUT_FILENO), 0);
	ck_assert_int_ge(dup2(fd, STDOUT_FILENO), 0);
	rc = pm_rec_cmd_list(&cli, argc, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	free(cli.made_opts);
	ck_assert_ptr_nonnull(fp = fdopen(fd, "r"));
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	ck_assert_ptr_nonnull(*out = calloc(1, (size_t)len + 1));
	ck_assert_int_eq(fread(*out, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	unlink(path);
	return rc;
}

static void
file_setup(void)
{
	struct pm_db *fdb;
	int fd;

	setup();
	strcpy(dbpath, "/tmp/pmtest-db.XXXXXX");
	ck_assert_int_ge(fd = mkstemp(dbpath), 0);
	close(fd);
	unlink(dbpath);
	ck_assert_msg(pm_db_open(dbpath, PM_DB_CREATE, &fdb) == 0, "%s",
	    pm_err_msg());
	ck_assert_msg(pm_db_exec(fdb, estate_sql) == 0, "%s", pm_err_msg());
	pm_db_close(fdb);
}

static void
file_teardown(void)
{
	char p[80];

	unlink(dbpath);
	snprintf(p, sizeof p, "%s-wal", dbpath);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", dbpath);
	unlink(p);
	teardown();
}

START_TEST(cmd_list_type_filter)
{
	char *out;

	ck_assert_int_eq(run_list(ARGS("-b", "3"), &out), 0);
	ck_assert_str_eq(out, "3-1-502\t3\t1\t5\t89.50\tvacant\tgood\t\t\n");
	free(out);
	/* --public lists the public areas instead. */
	ck_assert_int_eq(run_list(ARGS("--public"), &out), 0);
	ck_assert_str_eq(out, "P-GATE-N\t北门岗亭\t\t\t0.00\tgood\n");
	free(out);
	ck_assert_int_eq(run_list(ARGS("--public", "--building", "3"), &out),
	    0);
	ck_assert_str_eq(out, "");
	free(out);
	/* A filter the other type lacks is a usage error. */
	pm_assert_err(run_list(ARGS("--public", "-s", "vacant"), &out),
	    PM_EX_USAGE, "--occupancy cannot be used with --public");
	ck_assert_str_eq(out, "");
	free(out);
	/* A bad value: nothing on stdout, not even a CSV header. */
	pm_assert_err(run_list(ARGS("-o", "csv", "-b", "9"), &out),
	    PM_EX_NOINPUT, "building '9': no such building");
	ck_assert_str_eq(out, "");
	free(out);
	ck_assert_int_eq(run_list(ARGS("-o", "csv", "-b", "2"), &out), 0);
	ck_assert_str_eq(out, "code,building,entrance,floor,area,occupancy,"
	    "condition,owner_name,owner_phone\r\n");
	free(out);
}
END_TEST

Suite *
record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc;

	tc = tcase_create("declared");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, cols_list_and_show);
	tcase_add_test(tc, opts_and_synopsis);
	tcase_add_test(tc, out_time);
	suite_add_tcase(s, tc);

	tc = tcase_create("list");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, list_default_and_fields);
	tcase_add_test(tc, list_eq);
	tcase_add_test(tc, list_list_groups_within);
	tcase_add_test(tc, list_flag_and_times);
	tcase_add_test(tc, list_bad_values_write_nothing);
	suite_add_tcase(s, tc);

	tc = tcase_create("show_find");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, show_fields);
	tcase_add_test(tc, show_vertical_table);
	tcase_add_test(tc, find_codes);
	tcase_add_test(tc, find_suggestions);
	tcase_add_test(tc, check_key);
	suite_add_tcase(s, tc);

	tc = tcase_create("verb");
	tcase_add_checked_fixture(tc, file_setup, file_teardown);
	tcase_add_test(tc, cmd_list_type_filter);
	suite_add_tcase(s, tc);
	return s;
}
