/*
 * fee_list.c - the record types of fees: items, bill lines, receipts and
 * parking spaces, for "pm-fee items", "lines", "receipts" and "spaces"
 * and their show.
 */
#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "fee.h"
#include "fee_priv.h"
#include "i18n.h"
#include "record.h"
#include "unit.h"
#include "vocab.h"

/* pm_fee_today() as SQL: the rate in force today, the holder today. */
static void
fn_today(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char d[PM_DATE_LEN];

	sqlite3_result_text(ctx, pm_day_fmt(pm_fee_today(), d), -1,
	    SQLITE_TRANSIENT);
}

static void
setup(struct pm_db *db)
{
	sqlite3_stmt *st;

	/* Once per connection: defining it again would expire plans. */
	if (sqlite3_prepare_v2(db->h, "SELECT pm_fee_today()", -1, &st,
	    NULL) == SQLITE_OK) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_create_function(db->h, "pm_fee_today", 0, SQLITE_UTF8, NULL,
	    fn_today, NULL, NULL);
}

/* A price in ten-thousandths of a yuan: "1.85". */
static void
put_rate(struct pm_out *o, sqlite3_stmt *st, int col)
{
	char buf[PM_MONEY_LEN];

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		pm_out_text(o, NULL);
	else
		pm_out_text(o, pm_fee_rate_fmt(sqlite3_column_int64(st, col),
		    buf));
}

/* A percentage of 10^places per percent ("50%", "0.05%"). */
static void
put_percent(struct pm_out *o, sqlite3_stmt *st, int col, int places)
{
	char buf[32];

	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		pm_out_text(o, NULL);
	else
		pm_out_text(o, pm_fee_percent_fmt(sqlite3_column_int64(st, col),
		    places, buf, sizeof buf));
}

static void
put_bp(struct pm_out *o, sqlite3_stmt *st, int col)
{
	put_percent(o, st, col, 2);
}

static void
put_ppm(struct pm_out *o, sqlite3_stmt *st, int col)
{
	put_percent(o, st, col, 4);
}

#define RATE(name, sql, flags) \
	{ name, PM_F_CUSTOM, sql, flags, NULL, 1, put_rate, PM_COL_NUM }
#define PERCENT(name, sql, put) \
	{ name, PM_F_CUSTOM, sql, PM_F_SHOW, NULL, 1, put, PM_COL_TEXT }

static const struct pm_field item_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "i.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "i.name", 0, NULL),
	PM_FIELD(N_("book"), PM_F_TEXT, "i.book", 0, NULL),
	PM_FIELD(N_("basis"), PM_F_TEXT, "i.basis", 0, &pm_v_fee_basis),
	PM_FIELD(N_("frequency"), PM_F_TEXT, "CASE WHEN i.basis = 'area' OR"
	    " i.basis = 'unit' OR i.basis = 'space' THEN i.frequency END", 0,
	    &pm_v_fee_frequency),
	PM_FIELD(N_("due_day"), PM_F_INT, "i.due_day", 0, NULL),
	RATE(N_("rate"), "(SELECT r.rate FROM fee_rates r WHERE r.item ="
	    " i.code AND r.from_day <= pm_fee_today() ORDER BY r.from_day"
	    " DESC LIMIT 1)", 0),
	PM_FIELD(N_("start"), PM_F_TEXT, "i.start_rule", PM_F_SHOW, NULL),
	PM_FIELD(N_("formula"), PM_F_TEXT, "i.formula", 0, NULL),
	/* "2025-01-01 1.85, 2026-07-01 2.1": each rate from its day. */
	PM_FIELD(N_("rates"), PM_F_TEXT, "(SELECT group_concat(from_day ||"
	    " ' ' || rtrim(rtrim((rate / 10000) || '.' || substr('0000' ||"
	    " (rate % 10000), -4), '0'), '.'), ', ') FROM (SELECT from_day,"
	    " rate FROM fee_rates r WHERE r.item = i.code ORDER BY from_day))",
	    PM_F_SHOW, NULL),
	PM_FIELD(N_("vacancy_after"), PM_F_INT0, "i.vacancy_after", PM_F_SHOW,
	    NULL),
	PERCENT(N_("vacancy_pays"), "i.vacancy_pays", put_bp),
	PERCENT(N_("late_daily"), "i.late_daily", put_ppm),
	PM_FIELD(N_("late_grace"), PM_F_INT0, "i.late_grace", PM_F_SHOW, NULL),
	PERCENT(N_("late_cap"), "i.late_cap", put_bp),
	PM_FIELD(N_("retired"), PM_F_INT, "i.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter item_filters[] = {
	{ .opt = { "basis", 'b', N_("basis"),
	    N_("area, unit, space, meter or shared") },
	    .kind = PM_FILTER_EQ, .sql = "i.basis = ?",
	    .vocab = &pm_v_fee_basis },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_fee_item_type = {
	.name = N_("fee item"),
	.from = "fee_items i",
	.key = "i.code",
	.key_kind = PM_KEY_TEXT,
	.key_arg = N_("code"),
	.where = "i.retired = 0",
	.order = "i.code",
	.fields = item_fields,
	.filters = item_filters,
	.not_found = N_("fee item %s: no such item"),
	.list_cmd = "pm-fee items",
	.setup = setup
};

static const struct pm_field line_fields[] = {
	PM_FIELD(N_("id"), PM_F_INT, "l.id", 0, NULL),
	PM_FIELD(N_("unit"), PM_F_TEXT, "l.unit", 0, NULL),
	PM_FIELD(N_("item"), PM_F_TEXT, "l.item", 0, NULL),
	PM_FIELD(N_("space"), PM_F_TEXT, "l.space", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "l.kind", 0, &pm_v_fee_line_kind),
	PM_FIELD(N_("period"), PM_F_TEXT, "l.period", 0, NULL),
	PM_FIELD(N_("from"), PM_F_TEXT, "l.from_day", PM_F_SHOW, NULL),
	PM_FIELD(N_("to"), PM_F_TEXT, "l.to_day", PM_F_SHOW, NULL),
	PM_FIELD(N_("quantity"), PM_F_HUNDREDTHS, "l.quantity", PM_F_SHOW,
	    NULL),
	RATE(N_("rate"), "l.rate", PM_F_SHOW),
	PM_FIELD(N_("amount"), PM_F_FEN, "l.amount", 0, NULL),
	PM_FIELD(N_("paid"), PM_F_FEN, "l.paid", 0, NULL),
	PM_FIELD(N_("open"), PM_F_FEN, "l.amount - l.paid", 0, NULL),
	PM_FIELD(N_("due"), PM_F_TEXT, "l.due_day", 0, NULL),
	PM_FIELD(N_("note"), PM_F_TEXT, "l.note", 0, NULL),
	PM_FIELD(N_("billed"), PM_F_TIME, "l.posted", PM_F_SHOW, NULL),
	PM_FIELD(N_("billed_by"), PM_F_TEXT, "l.who", PM_F_SHOW, NULL),
	PM_FIELD_END
};

enum { OPT_ALL = PM_OPT_LONG, OPT_PERIOD };

static const struct pm_filter line_filters[] = {
	{ .opt = { "unit", 'u', N_("code"), N_("the lines of this unit") },
	    .kind = PM_FILTER_EQ, .sql = "l.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "item", 'i', N_("code"), N_("of this fee item") },
	    .kind = PM_FILTER_EQ, .sql = "l.item = ?",
	    .ref = &pm_fee_item_type },
	{ .opt = { "period", OPT_PERIOD, N_("month"),
	    N_("billed for this month (2026-03)") },
	    .kind = PM_FILTER_EQ, .sql = "l.period = ?" },
	{ .opt = { "kind", 'k', N_("kind"),
	    N_("charge, vacancy, meter or shared") },
	    .kind = PM_FILTER_EQ, .sql = "l.kind = ?",
	    .vocab = &pm_v_fee_line_kind },
	{ .opt = { "all", OPT_ALL, NULL,
	    N_("settled lines too (default: the open ones)") },
	    .kind = PM_FILTER_ALL },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_fee_line_type = {
	.name = N_("bill line"),
	.from = "fee_lines l",
	.key = "l.id",
	.key_kind = PM_KEY_ID,
	.key_arg = N_("id"),
	.list_default = "l.paid < l.amount",
	.order = "l.unit" PM_SQL_NATURAL ", l.period, l.id",
	.fields = line_fields,
	.filters = line_filters,
	.not_found = N_("line %s: no such bill line"),
	.list_cmd = "pm-fee lines --all"
};

static const struct pm_field receipt_fields[] = {
	PM_FIELD(N_("receipt"), PM_F_TEXT, "d.receipt", 0, NULL),
	PM_FIELD(N_("kind"), PM_F_TEXT, "d.kind", 0, &pm_v_fee_doc),
	PM_FIELD(N_("unit"), PM_F_TEXT, "d.unit", 0, NULL),
	PM_FIELD(N_("amount"), PM_F_FEN, "d.amount", 0, NULL),
	PM_FIELD(N_("method"), PM_F_TEXT, "d.method", 0, &pm_v_fee_method),
	PM_FIELD(N_("day"), PM_F_TEXT, "d.day", 0, NULL),
	PM_FIELD(N_("status"), PM_F_TEXT, "CASE WHEN EXISTS (SELECT 1 FROM"
	    " fee_voids v WHERE v.doc = d.id) THEN 'void' ELSE 'valid' END", 0,
	    &pm_v_fee_doc),
	PM_FIELD(N_("credit"), PM_F_FEN, "d.credit", 0, NULL),
	PM_FIELD(N_("reverses"), PM_F_TEXT, "(SELECT r.receipt FROM fee_docs r"
	    " WHERE r.id = d.reverses)", 0, NULL),
	PM_FIELD(N_("transaction"), PM_F_TEXT, "d.txn", 0, NULL),
	PM_FIELD(N_("note"), PM_F_TEXT, "d.note", 0, NULL),
	PM_FIELD(N_("void_reason"), PM_F_TEXT, "(SELECT v.reason FROM"
	    " fee_voids v WHERE v.doc = d.id)", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded"), PM_F_TIME, "d.posted", PM_F_SHOW, NULL),
	PM_FIELD(N_("recorded_by"), PM_F_TEXT, "d.who", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter receipt_filters[] = {
	{ .opt = { "unit", 'u', N_("code"), N_("the receipts of this unit") },
	    .kind = PM_FILTER_EQ, .sql = "d.unit = ?", .ref = &pm_unit_type },
	{ .opt = { "method", 'm', N_("method"),
	    N_("cash, transfer, wechat, alipay or other") },
	    .kind = PM_FILTER_EQ, .sql = "d.method = ?",
	    .vocab = &pm_v_fee_method },
	{ .opt = { "day", OPT_PERIOD, N_("day"),
	    N_("paid on this day (2026-03-18)") },
	    .kind = PM_FILTER_EQ, .sql = "d.day = ?" },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_fee_receipt_type = {
	.name = N_("receipt"),
	.from = "fee_docs d",
	.key = "d.receipt",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("receipt"),
	.order = "d.series, d.number",
	.fields = receipt_fields,
	.filters = receipt_filters,
	.not_found = N_("receipt %s: no such receipt"),
	.list_cmd = "pm-fee receipts"
};

static const struct pm_field space_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "s.code", 0, NULL),
	PM_FIELD(N_("item"), PM_F_TEXT, "s.item", 0, NULL),
	PM_FIELD(N_("holder"), PM_F_TEXT, "(SELECT h.unit FROM fee_holders h"
	    " WHERE h.space = s.code AND h.from_day <= pm_fee_today()"
	    " AND (h.until_day IS NULL OR h.until_day >= pm_fee_today()))", 0,
	    NULL),
	PM_FIELD(N_("holders"), PM_F_TEXT, "(SELECT group_concat(unit || ' '"
	    " || from_day || coalesce('..' || until_day, ''), ', ') FROM"
	    " (SELECT unit, from_day, until_day FROM fee_holders h WHERE"
	    " h.space = s.code ORDER BY from_day))", PM_F_SHOW, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "s.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter space_filters[] = {
	{ .opt = { "item", 'i', N_("code"), N_("paying this fee item") },
	    .kind = PM_FILTER_EQ, .sql = "s.item = ?",
	    .ref = &pm_fee_item_type },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_fee_space_type = {
	.name = N_("parking space"),
	.from = "fee_spaces s",
	.key = "s.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "s.retired = 0",
	.order = "s.code" PM_SQL_NATURAL,
	.fields = space_fields,
	.filters = space_filters,
	.not_found = N_("parking space %s: no such space"),
	.list_cmd = "pm-fee spaces",
	.setup = setup
};
