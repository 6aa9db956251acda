/*
 * check_out.c - the output layer: every format byte for byte, and what
 * people get that programs do not (labels, durations in words, excel).
 *
 * Each test writes rows into an open_memstream() buffer and compares the
 * exact bytes, because the TSV, CSV and JSON forms are a contract other
 * programs parse and the table form is what people line up by eye.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pmtest.h"
#include "i18n.h"
#include "out.h"
#include "vocab.h"

/* Some tests pass a NULL text to pm_out_null_text() on purpose. */
#define NONE ((const char *)NULL)

/*
 * 's' with control and non-ASCII bytes as \xHH, for failure messages a
 * person can read.  Returns a static buffer; long input is cut short.
 */
static const char *
vis(const char *s)
{
	static char buf[4][4096];
	static int which;
	char *b = buf[which++ % 4], *p = b;
	const unsigned char *u = (const unsigned char *)s;

	if (s == NULL)
		return "(null)";
	for (; *u != '\0' && p < b + sizeof buf[0] - 8; u++) {
		if (*u < 0x20 || *u >= 0x7f || *u == '\\')
			p += sprintf(p, *u == '\\' ? "\\\\" : "\\x%02x", *u);
		else
			*p++ = (char)*u;
	}
	*p = '\0';
	return b;
}

/* Compare output 'got' (freed here) with 'want', exactly. */
static void
expect(char *got, const char *want)
{
	ck_assert_msg(got != NULL, "no output");
	ck_assert_msg(strcmp(got, want) == 0, "\n got \"%s\"\nwant \"%s\"",
	    vis(got), vis(want));
	free(got);
}

struct spec {
	enum pm_fmt fmt;
	int header;
	int vertical;
	const char *null_text;	/* NULL leaves the default */
};

/*
 * Write 'ncells' fields (ncols a row; NULL entries are SQL NULL) with
 * the writer set up as 'sp' says, and return the bytes written.
 */
static char *
render(const struct spec *sp, const struct pm_col *cols, int ncols,
    const char *const *cells, int ncells)
{
	struct pm_out *o;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int i;

	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	o = pm_out_new(fp, sp->fmt, sp->header, cols, ncols);
	ck_assert_ptr_nonnull(o);
	if (sp->vertical)
		pm_out_vertical(o, 1);
	if (sp->null_text != NULL)
		pm_out_null_text(o, sp->null_text);
	for (i = 0; i < ncells; i++) {
		pm_out_text(o, cells[i]);
		if ((i + 1) % ncols == 0)
			pm_out_row(o);
	}
	ck_assert_msg(pm_out_close(o) == 0, "close: %s", pm_err_msg());
	ck_assert_int_eq(fclose(fp), 0);
	return buf;
}

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define RENDER(sp, cols, cells) \
	render((sp), (cols), NELEM(cols), (cells), NELEM(cells))

/* The people of the Chinese-text tests. */
static const struct pm_col people_cols[] = {
	{ "name", PM_COL_TEXT, NULL },
	{ "unit", PM_COL_TEXT, NULL },
	{ "balance", PM_COL_NUM, NULL }
};
static const char *const people[] = {
	"张三", "3-1-502", "1200.50",
	"Alice", "12-2-1801", "-3.07",
	"欧阳娜娜", "1-1-101", "0.05"
};

/* Formats. */

START_TEST(parse_format_names)
{
	enum pm_fmt f = PM_FMT_JSON;

	ck_assert_int_eq(pm_out_parse_format("table", &f), 0);
	ck_assert_int_eq(f, PM_FMT_TABLE);
	ck_assert_int_eq(pm_out_parse_format("tsv", &f), 0);
	ck_assert_int_eq(f, PM_FMT_TSV);
	ck_assert_int_eq(pm_out_parse_format("csv", &f), 0);
	ck_assert_int_eq(f, PM_FMT_CSV);
	ck_assert_int_eq(pm_out_parse_format("json", &f), 0);
	ck_assert_int_eq(f, PM_FMT_JSON);
	ck_assert_int_eq(pm_out_parse_format("excel", &f), 0);
	ck_assert_int_eq(f, PM_FMT_EXCEL);
}
END_TEST

START_TEST(parse_format_unknown)
{
	enum pm_fmt f = PM_FMT_CSV;

	pm_err_clear();
	ck_assert_int_eq(pm_out_parse_format("xml", &f), PM_EX_USAGE);
	ck_assert_str_eq(pm_err_msg(), "format 'xml': unknown format "
	    "(choose table, tsv, csv, json or excel)");
	ck_assert_int_eq(pm_err_code(), PM_EX_USAGE);
	ck_assert_int_eq(f, PM_FMT_CSV);

	/* Names are exact: no case folding, no prefixes, no empty name. */
	pm_assert_err(pm_out_parse_format("TSV", &f), PM_EX_USAGE,
	    "format 'TSV': unknown format");
	pm_assert_err(pm_out_parse_format("js", &f), PM_EX_USAGE,
	    "format 'js': unknown format");
	pm_assert_err(pm_out_parse_format("", &f), PM_EX_USAGE,
	    "format '': unknown format");
	/* The name is quoted as every value in a message is. */
	pm_assert_err(pm_out_parse_format("x\033[2J", &f), PM_EX_USAGE,
	    "format 'x\\x1B[2J': unknown format");
	pm_assert_err(pm_out_parse_format("jsonl", &f), PM_EX_USAGE,
	    "(choose table, tsv, csv, json or excel)");
	ck_assert_int_eq(f, PM_FMT_CSV);
}
END_TEST

START_TEST(default_format)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int m, s;

	fp = open_memstream(&buf, &len);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(pm_out_default_format(fp), PM_FMT_TSV);
	fclose(fp);
	free(buf);

	fp = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(pm_out_default_format(fp), PM_FMT_TSV);
	fclose(fp);

	/* A pseudo-terminal is a terminal, where one can be had. */
	if ((m = posix_openpt(O_RDWR | O_NOCTTY)) < 0)
		return;
	if (grantpt(m) == 0 && unlockpt(m) == 0 &&
	    (s = open(ptsname(m), O_RDWR | O_NOCTTY)) >= 0) {
		fp = fdopen(s, "w");
		ck_assert_ptr_nonnull(fp);
		ck_assert_int_eq(pm_out_default_format(fp), PM_FMT_TABLE);
		fclose(fp);
	}
	close(m);
}
END_TEST

/* Display width. */

START_TEST(width_ascii_and_cjk)
{
	ck_assert_int_eq(pm_out_width(""), 0);
	ck_assert_int_eq(pm_out_width(NULL), 0);
	ck_assert_int_eq(pm_out_width("Alice"), 5);
	ck_assert_int_eq(pm_out_width("张三"), 4);
	ck_assert_int_eq(pm_out_width("欧阳娜娜"), 8);
	ck_assert_int_eq(pm_out_width("3号楼1单元"), 10);
	ck_assert_int_eq(pm_out_width("物业管理服务中心"), 16);
	ck_assert_int_eq(pm_out_width("ＡＢ"), 4);	/* fullwidth */
	ck_assert_int_eq(pm_out_width("，。"), 4);	/* CJK punctuation */
	ck_assert_int_eq(pm_out_width("\u3000"), 2);	/* ideographic space */
	ck_assert_int_eq(pm_out_width("ｶ"), 1);	/* halfwidth katakana */
	ck_assert_int_eq(pm_out_width("한국"), 4);
	ck_assert_int_eq(pm_out_width("かな"), 4);
	ck_assert_int_eq(pm_out_width("\U00020000"), 2);	/* CJK ext. B */
	ck_assert_int_eq(pm_out_width("\U0001F600"), 2);	/* emoji */
	ck_assert_int_eq(pm_out_width("\u2705"), 2);
	ck_assert_int_eq(pm_out_width("\U0001F321"), 1);	/* text style */
	ck_assert_int_eq(pm_out_width("é"), 1);
	ck_assert_int_eq(pm_out_width("¥1,200"), 6);
	ck_assert_int_eq(pm_out_width("m²"), 2);
}
END_TEST

START_TEST(width_zero)
{
	ck_assert_int_eq(pm_out_width("e\u0301"), 1);	/* combining acute */
	ck_assert_int_eq(pm_out_width("a\u0300\u0323"), 1);
	ck_assert_int_eq(pm_out_width("\u200b"), 0);	/* zero-width space */
	ck_assert_int_eq(pm_out_width("a\u200db"), 2);	/* ZWJ */
	ck_assert_int_eq(pm_out_width("\ufeff"), 0);	/* BOM */
	ck_assert_int_eq(pm_out_width("\u304b\u3099"), 2);	/* か + dakuten */
	ck_assert_int_eq(pm_out_width("\u1100\u1161"), 2);	/* jamo ᄀ + ᅡ */
	ck_assert_int_eq(pm_out_width("\u2764\ufe0f"), 1);
}
END_TEST

START_TEST(width_controls_and_bad_bytes)
{
	/* As wide as the escapes tables show for them. */
	ck_assert_int_eq(pm_out_width("\t"), 2);
	ck_assert_int_eq(pm_out_width("a\nb"), 4);
	ck_assert_int_eq(pm_out_width("\r"), 2);
	ck_assert_int_eq(pm_out_width("\x1b[31m"), 6);
	ck_assert_int_eq(pm_out_width("\x01"), 4);
	ck_assert_int_eq(pm_out_width("\x7f"), 4);
	ck_assert_int_eq(pm_out_width("\xc2\x9b"), 6);	/* C1 CSI */

	/* Each bad byte is one U+FFFD. */
	ck_assert_int_eq(pm_out_width("\xff"), 1);
	ck_assert_int_eq(pm_out_width("a\xe4\xb8"), 3);	/* cut short */
	ck_assert_int_eq(pm_out_width("\xc0\xaf"), 2);	/* overlong '/' */
	ck_assert_int_eq(pm_out_width("\xe0\x80\xaf"), 3);	/* overlong */
	ck_assert_int_eq(pm_out_width("\xed\xa0\x80"), 3);	/* surrogate */
	ck_assert_int_eq(pm_out_width("\xf4\x90\x80\x80"), 4);	/* > U+10FFFF */
	ck_assert_int_eq(pm_out_width("\xf8\x88\x80\x80\x80"), 5);
	ck_assert_int_eq(pm_out_width("\x80" "张"), 3);	/* stray continuation */
	ck_assert_int_eq(pm_out_width("\xef\xbf\xbd"), 1);	/* a real U+FFFD */
	ck_assert_int_eq(pm_out_width("\xf4\x8f\xbf\xbf"), 1);	/* U+10FFFF */
}
END_TEST

/* Tables. */

START_TEST(table_chinese_alignment)
{
	static const struct spec sp = { PM_FMT_TABLE, 0, 0, NULL };

	expect(RENDER(&sp, people_cols, people),
	    "name      unit       balance\n"
	    "张三      3-1-502    1200.50\n"
	    "Alice     12-2-1801    -3.07\n"
	    "欧阳娜娜  1-1-101       0.05\n");
}
END_TEST

START_TEST(table_numbers_right_and_no_trailing_space)
{
	static const struct pm_col cols[] = {
		{ "id", PM_COL_INT, NULL },
		{ "note", PM_COL_TEXT, NULL }
	};
	static const char *const cells[] = {
		"1", "short",
		"22", NULL,
		"333", "a longer note"
	};
	static const struct spec dflt = { PM_FMT_TABLE, 0, 0, NULL };
	static const struct spec null = { PM_FMT_TABLE, 0, 0, "NULL" };

	expect(RENDER(&dflt, cols, cells),
	    " id  note\n"
	    "  1  short\n"
	    " 22\n"
	    "333  a longer note\n");
	expect(RENDER(&null, cols, cells),
	    " id  note\n"
	    "  1  short\n"
	    " 22  NULL\n"
	    "333  a longer note\n");
}
END_TEST

START_TEST(table_empty_fields)
{
	static const struct pm_col cols[] = {
		{ "a", PM_COL_TEXT, NULL },
		{ "b", PM_COL_TEXT, NULL },
		{ "c", PM_COL_TEXT, NULL }
	};
	static const char *const cells[] = {
		"x", "", "z",
		"", "", "",
		"", "y", ""
	};
	static const struct spec sp = { PM_FMT_TABLE, 0, 0, NULL };

	/* Empty fields keep later columns in place but add no tail. */
	expect(RENDER(&sp, cols, cells),
	    "a  b  c\n"
	    "x     z\n"
	    "\n"
	    "   y\n");
}
END_TEST

START_TEST(table_header_only)
{
	static const struct spec sp = { PM_FMT_TABLE, 0, 0, NULL };

	expect(render(&sp, people_cols, 3, NULL, 0), "name  unit  balance\n");
}
END_TEST

START_TEST(table_combining_alignment)
{
	static const struct pm_col cols[] = {
		{ "name", PM_COL_TEXT, NULL },
		{ "n", PM_COL_INT, NULL }
	};
	static const char *const cells[] = {
		"Zoe\u0301", "1",
		"Bob", "2",
		"\u534e", "10"
	};
	static const struct spec sp = { PM_FMT_TABLE, 0, 0, NULL };

	expect(RENDER(&sp, cols, cells),
	    "name   n\n"
	    "Zoe\u0301    1\n"
	    "Bob    2\n"
	    "\u534e    10\n");
}
END_TEST

START_TEST(table_escapes_controls)
{
	static const struct pm_col cols[] = {
		{ "text", PM_COL_TEXT, NULL },
		{ "n", PM_COL_INT, NULL }
	};
	static const char *const cells[] = {
		"\x1b[31m", "1",
		"ok", "22"
	};
	static const char *const nasty[] = {
		"\x1b[31mred\x1b[0m", "1",
		"a\tb\nc\rd", "2",
		"bell\007del\177", "3",
		"csi\302\2332J", "4",
		"ab\377cd", "5",
		"\xe4\xb8", "6",
		"C:\\pm", "7"
	};
	static const struct spec sp = { PM_FMT_TABLE, 0, 0, NULL };
	char *out;

	/* The escape counts its visible width when aligning. */
	expect(RENDER(&sp, cols, cells),
	    "text     n\n"
	    "\\e[31m   1\n"
	    "ok      22\n");

	out = RENDER(&sp, cols, nasty);
	ck_assert_ptr_null(strchr(out, '\x1b'));
	ck_assert_ptr_null(strchr(out, '\t'));
	ck_assert_ptr_null(strchr(out, '\r'));
	ck_assert_ptr_null(strstr(out, "\xc2\x9b"));
	expect(out,
	    "text             n\n"
	    "\\e[31mred\\e[0m   1\n"
	    "a\\tb\\nc\\rd       2\n"
	    "bell\\x07del\\x7f  3\n"
	    "csi\\u009b2J      4\n"
	    "ab\xef\xbf\xbd" "cd            5\n"
	    "\xef\xbf\xbd\xef\xbf\xbd               6\n"
	    "C:\\pm            7\n");
}
END_TEST

START_TEST(table_null_text_escaped)
{
	static const struct pm_col cols[] = { { "v", PM_COL_TEXT, NULL } };
	static const char *const cells[] = { NULL, "x" };
	static const struct spec sp = { PM_FMT_TABLE, 0, 0, "\x1b!" };

	expect(RENDER(&sp, cols, cells), "v\n\\e!\nx\n");
}
END_TEST

START_TEST(table_many_rows)
{
	static const struct pm_col cols[] = {
		{ "n", PM_COL_INT, NULL },
		{ "unit", PM_COL_TEXT, NULL }
	};
	static const char want[] =
	    "   n  unit\n   1  3-1-502\n   2  欧阳\n";
	struct pm_out *o;
	char *buf = NULL, *line;
	size_t len = 0;
	FILE *fp;
	int i;

	/* Enough rows to grow the buffer a few times. */
	fp = open_memstream(&buf, &len);
	o = pm_out_new(fp, PM_FMT_TABLE, 0, cols, 2);
	ck_assert_ptr_nonnull(o);
	for (i = 1; i <= 1000; i++) {
		pm_out_int(o, i);
		pm_out_text(o, i % 2 ? "3-1-502" : "欧阳");
		pm_out_row(o);
	}
	ck_assert_int_eq(len, 0);	/* nothing before close */
	ck_assert_int_eq(pm_out_close(o), 0);
	fclose(fp);
	ck_assert_int_eq((int)len, 11 + 500 * 14 + 500 * 13);
	ck_assert(strncmp(buf, want, strlen(want)) == 0);
	line = strstr(buf, "1000  ");
	ck_assert_ptr_nonnull(line);
	ck_assert_str_eq(line, "1000  欧阳\n");
	free(buf);
}
END_TEST

START_TEST(table_vertical)
{
	static const struct pm_col cols[] = {
		{ "id", PM_COL_INT, NULL },
		{ "unit", PM_COL_TEXT, NULL },
		{ "description", PM_COL_TEXT, NULL }
	};
	static const char *const cells[] = {
		"7", "3-1-502", "水管漏水",
		"8", "张三", NULL,
		"9", "1-1-101", "tab\there\x1b[2J"
	};
	static const struct spec sp = { PM_FMT_TABLE, 0, 1, NULL };
	static const struct spec nul = { PM_FMT_TABLE, 0, 1, "-" };

	expect(RENDER(&sp, cols, cells),
	    "id           7\n"
	    "unit         3-1-502\n"
	    "description  水管漏水\n"
	    "\n"
	    "id           8\n"
	    "unit         张三\n"
	    "description\n"
	    "\n"
	    "id           9\n"
	    "unit         1-1-101\n"
	    "description  tab\\there\\e[2J\n");
	expect(render(&nul, cols, 3, cells + 3, 3),
	    "id           8\n"
	    "unit         张三\n"
	    "description  -\n");
	expect(render(&sp, cols, 3, NULL, 0), "");
}
END_TEST

START_TEST(table_vertical_wide_names)
{
	static const struct pm_col cols[] = {
		{ "单元", PM_COL_TEXT, NULL },
		{ "owner_name", PM_COL_TEXT, NULL }
	};
	static const char *const cells[] = { "3-1-502", "张三" };
	static const struct spec sp = { PM_FMT_TABLE, 0, 1, NULL };

	expect(RENDER(&sp, cols, cells),
	    "单元        3-1-502\n"
	    "owner_name  张三\n");
}
END_TEST

START_TEST(table_vertical_late)
{
	static const struct pm_col cols[] = {
		{ "id", PM_COL_INT, NULL },
		{ "unit", PM_COL_TEXT, NULL }
	};
	struct pm_out *o;
	char *buf = NULL;
	size_t len;
	FILE *fp;

	/* Rows added before the switch are shown as blocks too, in order. */
	fp = open_memstream(&buf, &len);
	o = pm_out_new(fp, PM_FMT_TABLE, 0, cols, 2);
	pm_out_int(o, 1);
	pm_out_text(o, "3-1-502");
	pm_out_row(o);
	pm_out_vertical(o, 1);
	pm_out_int(o, 2);
	pm_out_text(o, "张三");
	pm_out_row(o);
	ck_assert_int_eq(pm_out_close(o), 0);
	fclose(fp);
	expect(buf, "id    1\nunit  3-1-502\n\nid    2\nunit  张三\n");

	/* Streamed: each block is written when its row ends. */
	buf = NULL;
	fp = open_memstream(&buf, &len);
	o = pm_out_new(fp, PM_FMT_TABLE, 0, cols, 2);
	pm_out_vertical(o, 1);
	pm_out_int(o, 1);
	pm_out_row(o);
	fflush(fp);
	ck_assert_str_eq(buf, "id    1\nunit\n");
	ck_assert_int_eq(pm_out_close(o), 0);
	fclose(fp);
	expect(buf, "id    1\nunit\n");
}
END_TEST

START_TEST(vertical_leaves_other_formats_alone)
{
	static const struct spec tsv = { PM_FMT_TSV, 0, 1, NULL };
	static const struct spec json = { PM_FMT_JSON, 0, 1, NULL };

	expect(render(&tsv, people_cols, 3, people, 3),
	    "张三\t3-1-502\t1200.50\n");
	expect(render(&json, people_cols, 3, people, 3),
	    "{\"name\":\"张三\",\"unit\":\"3-1-502\",\"balance\":1200.50}\n");
}
END_TEST

/* TSV. */

START_TEST(tsv_plain_and_header)
{
	static const struct spec plain = { PM_FMT_TSV, 0, 0, NULL };
	static const struct spec head = { PM_FMT_TSV, 1, 0, NULL };

	expect(RENDER(&plain, people_cols, people),
	    "张三\t3-1-502\t1200.50\n"
	    "Alice\t12-2-1801\t-3.07\n"
	    "欧阳娜娜\t1-1-101\t0.05\n");
	expect(render(&head, people_cols, 3, people, 3),
	    "name\tunit\tbalance\n"
	    "张三\t3-1-502\t1200.50\n");
	expect(render(&head, people_cols, 3, NULL, 0), "name\tunit\tbalance\n");
	expect(render(&plain, people_cols, 3, NULL, 0), "");
}
END_TEST

START_TEST(tsv_escapes)
{
	static const struct pm_col cols[] = {
		{ "a", PM_COL_TEXT, NULL },
		{ "b", PM_COL_TEXT, NULL }
	};
	static const char *const cells[] = {
		"tab\there", "two\nlines",
		"C:\\dir\\", "cr\r",
		"\\t is not a tab", "\\",
		"bad\377\376end", "\xe4\xb8",
		"esc\x1b[1m", "水管\t漏水"
	};
	static const struct spec sp = { PM_FMT_TSV, 0, 0, NULL };

	expect(RENDER(&sp, cols, cells),
	    "tab\\there\ttwo\\nlines\n"
	    "C:\\\\dir\\\\\tcr\\r\n"
	    "\\\\t is not a tab\t\\\\\n"
	    "bad\\xff\\xfeend\t\\xe4\\xb8\n"
	    "esc\x1b[1m\t水管\\t漏水\n");
}
END_TEST

START_TEST(tsv_null)
{
	static const struct pm_col cols[] = {
		{ "a", PM_COL_TEXT, NULL },
		{ "b", PM_COL_INT, NULL },
		{ "c", PM_COL_TEXT, NULL }
	};
	static const char *const cells[] = {
		NULL, "1", "",
		"\\N", NULL, NULL
	};
	static const struct spec dflt = { PM_FMT_TSV, 0, 0, NULL };
	static const struct spec nul = { PM_FMT_TSV, 0, 0, "\\N" };

	expect(RENDER(&dflt, cols, cells), "\t1\t\n\\\\N\t\t\n");
	/* The NULL text is written as given, so it differs from "\N". */
	expect(RENDER(&nul, cols, cells), "\\N\t1\t\n\\\\N\t\\N\t\\N\n");
}
END_TEST

START_TEST(short_rows_are_padded)
{
	static const struct pm_col cols[] = {
		{ "a", PM_COL_TEXT, NULL },
		{ "b", PM_COL_INT, NULL },
		{ "c", PM_COL_TEXT, NULL }
	};
	static const struct { enum pm_fmt fmt; const char *want; } cases[] = {
		{ PM_FMT_TSV, "x\t\t\n\t\t\ny\t\t\n" },
		{ PM_FMT_CSV, "a,b,c\r\nx,,\r\n,,\r\ny,,\r\n" },
		{ PM_FMT_JSON, "{\"a\":\"x\",\"b\":null,\"c\":null}\n"
		    "{\"a\":null,\"b\":null,\"c\":null}\n"
		    "{\"a\":\"y\",\"b\":null,\"c\":null}\n" },
		{ PM_FMT_TABLE, "a  b  c\nx\n\ny\n" }
	};
	struct pm_out *o;
	char *buf;
	size_t len, i;
	FILE *fp;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf = NULL;
		fp = open_memstream(&buf, &len);
		o = pm_out_new(fp, cases[i].fmt, 0, cols, 3);
		ck_assert_ptr_nonnull(o);
		pm_out_text(o, "x");
		pm_out_row(o);
		pm_out_row(o);
		/* A row left open is finished by close. */
		pm_out_text(o, "y");
		ck_assert_int_eq(pm_out_close(o), 0);
		fclose(fp);
		expect(buf, cases[i].want);
	}
}
END_TEST

/* CSV. */

START_TEST(csv_quoting)
{
	static const struct pm_col cols[] = {
		{ "text", PM_COL_TEXT, NULL },
		{ "n", PM_COL_INT, NULL }
	};
	static const char *const cells[] = {
		"plain", "1",
		"a,b", "2",
		"say \"hi\"", "3",
		"two\nlines", "4",
		"cr\r", "5",
		" lead", "6",
		"trail ", "7",
		"mid dle", "8",
		"", "9",
		NULL, NULL,
		"\"", "10",
		"欧阳娜娜，你好", "11",
		"bad\xff", "12",
		"\ttab", "13",
		"in\tside", "14"
	};
	static const struct spec sp = { PM_FMT_CSV, 0, 0, NULL };

	expect(RENDER(&sp, cols, cells),
	    "text,n\r\n"
	    "plain,1\r\n"
	    "\"a,b\",2\r\n"
	    "\"say \"\"hi\"\"\",3\r\n"
	    "\"two\nlines\",4\r\n"
	    "\"cr\r\",5\r\n"
	    "\" lead\",6\r\n"
	    "\"trail \",7\r\n"
	    "mid dle,8\r\n"
	    ",9\r\n"
	    ",\r\n"
	    "\"\"\"\",10\r\n"
	    "欧阳娜娜，你好,11\r\n"
	    "bad\\xff,12\r\n"
	    "\"\ttab\",13\r\n"
	    "in\tside,14\r\n");
}
END_TEST

START_TEST(csv_header_always)
{
	static const struct spec sp = { PM_FMT_CSV, 0, 0, NULL };
	static const struct spec nul = { PM_FMT_CSV, 1, 0, "NULL" };
	static const char *const cells[] = { NULL, "a, b", NULL };

	expect(render(&sp, people_cols, 3, NULL, 0), "name,unit,balance\r\n");
	expect(render(&nul, people_cols, 3, cells, 3),
	    "name,unit,balance\r\nNULL,\"a, b\",NULL\r\n");
}
END_TEST

/* JSON Lines. */

START_TEST(json_rows)
{
	static const struct spec sp = { PM_FMT_JSON, 1, 0, "NULL" };
	static const struct pm_col cols[] = {
		{ "id", PM_COL_INT, NULL },
		{ "amount", PM_COL_NUM, NULL },
		{ "note", PM_COL_TEXT, NULL },
		{ "n", PM_COL_INT, NULL }
	};
	static const char *const cells[] = {
		"1", "1200.50", "say \"hi\"\\", NULL,
		"2", "-3.07", "12", "0"
	};

	/* Keys in column order; the NULL text never reaches JSON. */
	expect(RENDER(&sp, cols, cells),
	    "{\"id\":1,\"amount\":1200.50,\"note\":\"say \\\"hi\\\"\\\\\","
	    "\"n\":null}\n"
	    "{\"id\":2,\"amount\":-3.07,\"note\":\"12\",\"n\":0}\n");
	expect(render(&sp, cols, 4, NULL, 0), "");
	expect(RENDER(&sp, people_cols, people),
	    "{\"name\":\"张三\",\"unit\":\"3-1-502\",\"balance\":1200.50}\n"
	    "{\"name\":\"Alice\",\"unit\":\"12-2-1801\",\"balance\":-3.07}\n"
	    "{\"name\":\"欧阳娜娜\",\"unit\":\"1-1-101\",\"balance\":0.05}\n");
}
END_TEST

START_TEST(json_escapes)
{
	static const struct spec sp = { PM_FMT_JSON, 0, 0, NULL };
	static const struct pm_col cols[] = { { "s", PM_COL_TEXT, NULL } };
	static const char *const cells[] = {
		"\x01\b\f\n\r\t\x1b\x1f\x7f",
		"c1\xc2\x85\302\233end",
		"sep\u2028par\u2029",
		"/<>'&",
		"水管漏水 ¥1,200 \U0001F600",
		"bad\xffx\xe4\xb8",
		"\xed\xa0\x80"
	};

	expect(RENDER(&sp, cols, cells),
	    "{\"s\":\"\\u0001\\b\\f\\n\\r\\t\\u001b\\u001f\\u007f\"}\n"
	    "{\"s\":\"c1\\u0085\\u009bend\"}\n"
	    "{\"s\":\"sep\\u2028par\\u2029\"}\n"
	    "{\"s\":\"/<>'&\"}\n"
	    "{\"s\":\"水管漏水 ¥1,200 \U0001F600\"}\n"
	    "{\"s\":\"bad\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbd\"}\n"
	    "{\"s\":\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"}\n");
}
END_TEST

START_TEST(json_numbers)
{
	static const struct spec sp = { PM_FMT_JSON, 0, 0, NULL };
	static const struct pm_col cols[] = { { "v", PM_COL_NUM, NULL } };
	static const struct { const char *in, *out; } cases[] = {
		{ "0", "0" }, { "-0", "-0" }, { "42", "42" },
		{ "-3.07", "-3.07" }, { "1e5", "1e5" }, { "1E+5", "1E+5" },
		{ "2.5e-3", "2.5e-3" },
		{ "9223372036854775808", "9223372036854775808" },
		/* Not JSON numbers: written as strings. */
		{ "", "\"\"" }, { "01", "\"01\"" }, { "1.", "\"1.\"" },
		{ ".5", "\".5\"" }, { "+1", "\"+1\"" }, { "-", "\"-\"" },
		{ " 1", "\" 1\"" }, { "1 ", "\"1 \"" }, { "1e", "\"1e\"" },
		{ "1e+", "\"1e+\"" }, { "0x10", "\"0x10\"" },
		{ "NaN", "\"NaN\"" }, { "Infinity", "\"Infinity\"" },
		{ "1,200", "\"1,200\"" }, { "12a", "\"12a\"" },
		{ "--1", "\"--1\"" }, { "1.2.3", "\"1.2.3\"" }
	};
	char want[128];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(want, sizeof want, "{\"v\":%s}\n", cases[i].out);
		expect(render(&sp, cols, 1, &cases[i].in, 1), want);
	}
}
END_TEST

/* Integers and money. */

/* One-column TSV of what 'add' writes, for pm_out_int and pm_out_fen. */
static char *
one(void (*add)(struct pm_out *, int64_t), int64_t v)
{
	static const struct pm_col cols[] = { { "v", PM_COL_NUM, NULL } };
	struct pm_out *o;
	char *buf = NULL;
	size_t len;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	o = pm_out_new(fp, PM_FMT_TSV, 0, cols, 1);
	ck_assert_ptr_nonnull(o);
	add(o, v);
	pm_out_row(o);
	ck_assert_int_eq(pm_out_close(o), 0);
	fclose(fp);
	return buf;
}

START_TEST(fen_as_yuan)
{
	expect(one(pm_out_fen, -307), "-3.07\n");
	expect(one(pm_out_fen, 5), "0.05\n");
	expect(one(pm_out_fen, -5), "-0.05\n");
	expect(one(pm_out_fen, 0), "0.00\n");
	expect(one(pm_out_fen, 100), "1.00\n");
	expect(one(pm_out_fen, -100), "-1.00\n");
	expect(one(pm_out_fen, 120050), "1200.50\n");
	expect(one(pm_out_fen, INT64_MAX), "92233720368547758.07\n");
	expect(one(pm_out_fen, INT64_MIN), "-92233720368547758.08\n");
	expect(one(pm_out_fen, INT64_MIN + 1), "-92233720368547758.07\n");
}
END_TEST

START_TEST(int_values)
{
	expect(one(pm_out_int, 0), "0\n");
	expect(one(pm_out_int, -42), "-42\n");
	expect(one(pm_out_int, INT64_MAX), "9223372036854775807\n");
	expect(one(pm_out_int, INT64_MIN), "-9223372036854775808\n");
}
END_TEST

START_TEST(int_and_fen_in_table_and_json)
{
	static const struct pm_col cols[] = {
		{ "id", PM_COL_INT, NULL },
		{ "amount", PM_COL_NUM, NULL }
	};
	static const struct { enum pm_fmt fmt; const char *want; } cases[] = {
		{ PM_FMT_TABLE, "  id  amount\n"
		    "   7   -3.07\n"
		    "1024  120.00\n" },
		{ PM_FMT_JSON, "{\"id\":7,\"amount\":-3.07}\n"
		    "{\"id\":1024,\"amount\":120.00}\n" },
		{ PM_FMT_CSV, "id,amount\r\n7,-3.07\r\n1024,120.00\r\n" }
	};
	struct pm_out *o;
	char *buf;
	size_t len, i;
	FILE *fp;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf = NULL;
		fp = open_memstream(&buf, &len);
		o = pm_out_new(fp, cases[i].fmt, 0, cols, 2);
		ck_assert_ptr_nonnull(o);
		pm_out_int(o, 7);
		pm_out_fen(o, -307);
		pm_out_row(o);
		pm_out_int(o, 1024);
		pm_out_fen(o, 12000);
		pm_out_row(o);
		ck_assert_int_eq(pm_out_close(o), 0);
		fclose(fp);
		expect(buf, cases[i].want);
	}
}
END_TEST

/* Closing and write errors. */

START_TEST(close_null)
{
	ck_assert_int_eq(pm_out_close(NULL), 0);
}
END_TEST

START_TEST(close_keeps_stream_open)
{
	static const struct pm_col cols[] = { { "v", PM_COL_TEXT, NULL } };
	struct pm_out *o;
	char *buf = NULL;
	size_t len;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	o = pm_out_new(fp, PM_FMT_TSV, 0, cols, 1);
	pm_out_text(o, "a");
	pm_out_row(o);
	ck_assert_int_eq(pm_out_close(o), 0);
	/* Close flushed what it wrote... */
	ck_assert_int_eq((int)len, 2);
	/* ...and the stream is still the caller's to use and close. */
	ck_assert_int_ge(fputs("after\n", fp), 0);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_str_eq(buf, "a\nafter\n");
	free(buf);
}
END_TEST

/*
 * Write 'nrows' rows in 'fmt' to /dev/full and check that close reports
 * the full disk.  Few rows fail only at the flush; many fail mid-way.
 */
static void
full_disk(enum pm_fmt fmt, int nrows)
{
	static const struct pm_col cols[] = {
		{ "id", PM_COL_INT, NULL },
		{ "note", PM_COL_TEXT, NULL }
	};
	struct pm_out *o;
	FILE *fp;
	int i;

	fp = fopen("/dev/full", "w");
	ck_assert_ptr_nonnull(fp);
	o = pm_out_new(fp, fmt, 1, cols, 2);
	ck_assert_ptr_nonnull(o);
	for (i = 0; i < nrows; i++) {
		pm_out_int(o, i);
		pm_out_text(o, "水管漏水, \"urgent\"\tcall back");
		pm_out_row(o);
	}
	pm_err_clear();
	ck_assert_int_eq(pm_out_close(o), PM_EX_IOERR);
	ck_assert_str_eq(pm_err_msg(), "write error: No space left on device");
	ck_assert_int_eq(pm_err_code(), PM_EX_IOERR);
	fclose(fp);
}

START_TEST(write_error_full_disk)
{
	full_disk(PM_FMT_TSV, 1);
	full_disk(PM_FMT_TSV, 0);	/* just the header */
	full_disk(PM_FMT_CSV, 10000);
	full_disk(PM_FMT_JSON, 10000);
	full_disk(PM_FMT_TABLE, 3);
	full_disk(PM_FMT_TABLE, 10000);
}
END_TEST

START_TEST(write_error_read_only_stream)
{
	static const struct pm_col cols[] = { { "v", PM_COL_TEXT, NULL } };
	struct pm_out *o;
	FILE *fp;

	fp = fopen("/dev/null", "r");
	ck_assert_ptr_nonnull(fp);
	o = pm_out_new(fp, PM_FMT_JSON, 0, cols, 1);
	pm_out_text(o, "x");
	pm_out_row(o);
	pm_assert_err(pm_out_close(o), PM_EX_IOERR, "write error: ");
	ck_assert_str_eq(pm_err_msg() + strlen("write error: "),
	    strerror(EBADF));
	fclose(fp);
}
END_TEST

START_TEST(earlier_stream_error_is_reported)
{
	static const struct pm_col cols[] = { { "v", PM_COL_TEXT, NULL } };
	struct pm_out *o;
	FILE *fp;

	/* The command's own earlier write failed: the output is not whole. */
	fp = fopen("/dev/null", "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fputc('x', fp), EOF);
	ck_assert(ferror(fp));
	o = pm_out_new(fp, PM_FMT_TABLE, 0, cols, 1);
	pm_assert_err(pm_out_close(o), PM_EX_IOERR, "write error: ");
	fclose(fp);
}
END_TEST

START_TEST(null_text_replaced)
{
	static const struct pm_col cols[] = { { "v", PM_COL_TEXT, NULL } };
	static const char *const cells[] = { NULL };
	struct pm_out *o;
	char *buf = NULL;
	size_t len;
	FILE *fp;

	/* A later call replaces the text; NULL means the empty default. */
	fp = open_memstream(&buf, &len);
	o = pm_out_new(fp, PM_FMT_CSV, 0, cols, 1);
	pm_out_null_text(o, "first");
	pm_out_null_text(o, "second");
	pm_out_text(o, cells[0]);
	pm_out_row(o);
	pm_out_null_text(o, NONE);
	pm_out_row(o);
	ck_assert_int_eq(pm_out_close(o), 0);
	fclose(fp);
	expect(buf, "v\r\nsecond\r\n\r\n");
}
END_TEST

/* Excel, durations, vocabularies and aborted writers. */

static const struct pm_col unit_cols[] = {
	{ "code", PM_COL_TEXT, NULL },
	{ "occupancy", PM_COL_TEXT, &pm_v_occupancy },
	{ "area", PM_COL_NUM, NULL },
	{ "owner_name", PM_COL_TEXT, NULL }
};
static const char *const units[] = {
	"3-1-502", "occupied", "89.50", "张三",
	"3-1-501", "vacant", "-3.07", "=HYPERLINK(\"http://x\",\"y\")",
	"3-1-601", NULL, "0.00", "+1, @me"
};

START_TEST(excel_for_spreadsheets)
{
	struct spec sp = { PM_FMT_EXCEL, 0, 0, NULL };

	/*
	 * A byte order mark, a header, CRLF; a text cell that starts like
	 * a formula is made inert with ', quoted as CSV quotes; numbers
	 * keep their sign.
	 */
	expect(RENDER(&sp, unit_cols, units),
	    "\xef\xbb\xbf" "code,occupancy,area,owner_name\r\n"
	    "3-1-502,occupied,89.50,张三\r\n"
	    "3-1-501,vacant,-3.07,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
	    "3-1-601,,0.00,\"'+1, @me\"\r\n");
	/* Plain CSV stays exact for programs. */
	sp.fmt = PM_FMT_CSV;
	expect(RENDER(&sp, unit_cols, units),
	    "code,occupancy,area,owner_name\r\n"
	    "3-1-502,occupied,89.50,张三\r\n"
	    "3-1-501,vacant,-3.07,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
	    "3-1-601,,0.00,\"+1, @me\"\r\n");
}
END_TEST

START_TEST(excel_inert_cells)
{
	static const struct pm_col cols[] = { { "t", PM_COL_TEXT, NULL } };
	static const char *const cells[] = {
		"-5", "@SUM(A1)", "\tx", "\rx", "a=b", "", "= "
	};
	struct spec sp = { PM_FMT_EXCEL, 0, 0, NULL };

	expect(RENDER(&sp, cols, cells), "\xef\xbb\xbf" "t\r\n'-5\r\n"
	    "'@SUM(A1)\r\n'\tx\r\n\"'\rx\"\r\n" "a=b\r\n\r\n\"'= \"\r\n");
}
END_TEST

/* People read words in their language; programs read identifiers. */
START_TEST(vocab_labels_for_people)
{
	struct spec sp = { PM_FMT_TABLE, 0, 0, NULL };

	pm_i18n_set(PM_LANG_ZH);
	expect(RENDER(&sp, unit_cols, units),
	    "代码     入住状态   面积  业主姓名\n"
	    "3-1-502  自住      89.50  张三\n"
	    "3-1-501  空置      -3.07  =HYPERLINK(\"http://x\",\"y\")\n"
	    "3-1-601             0.00  +1, @me\n");
	sp.fmt = PM_FMT_EXCEL;
	expect(RENDER(&sp, unit_cols, units),
	    "\xef\xbb\xbf" "代码,入住状态,面积,业主姓名\r\n"
	    "3-1-502,自住,89.50,张三\r\n"
	    "3-1-501,空置,-3.07,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
	    "3-1-601,,0.00,\"'+1, @me\"\r\n");
	sp.fmt = PM_FMT_TSV;
	expect(RENDER(&sp, unit_cols, units),
	    "3-1-502\toccupied\t89.50\t张三\n"
	    "3-1-501\tvacant\t-3.07\t=HYPERLINK(\"http://x\",\"y\")\n"
	    "3-1-601\t\t0.00\t+1, @me\n");
	sp.fmt = PM_FMT_JSON;
	expect(RENDER(&sp, unit_cols, units),
	    "{\"code\":\"3-1-502\",\"occupancy\":\"occupied\",\"area\":89.50,"
	    "\"owner_name\":\"张三\"}\n"
	    "{\"code\":\"3-1-501\",\"occupancy\":\"vacant\",\"area\":-3.07,"
	    "\"owner_name\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"}\n"
	    "{\"code\":\"3-1-601\",\"occupancy\":null,\"area\":0.00,"
	    "\"owner_name\":\"+1, @me\"}\n");
	/* A value that is no word of the vocabulary shows as it is. */
	{
		static const char *const odd[] = { "x", "occupied?", "1", "" };

		sp.fmt = PM_FMT_TABLE;
		expect(RENDER(&sp, unit_cols, odd),
		    "代码  入住状态   面积  业主姓名\n"
		    "x     occupied?     1\n");
	}
	pm_i18n_set(PM_LANG_EN);
	sp.fmt = PM_FMT_TABLE;
	expect(RENDER(&sp, unit_cols, units),
	    "code     occupancy   area  owner_name\n"
	    "3-1-502  occupied   89.50  张三\n"
	    "3-1-501  vacant     -3.07  =HYPERLINK(\"http://x\",\"y\")\n"
	    "3-1-601              0.00  +1, @me\n");
}
END_TEST

/* Durations: minutes for programs, words for people. */
static char *
durations(enum pm_fmt fmt)
{
	static const struct pm_col cols[] = { { "age", PM_COL_INT, NULL } };
	static const int64_t secs[] = { 0, 59, 61, 93900, -300, -59, 90061 };
	struct pm_out *o;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp;

	ck_assert_ptr_nonnull(fp = open_memstream(&buf, &len));
	ck_assert_ptr_nonnull(o = pm_out_new(fp, fmt, 0, cols, 1));
	for (i = 0; i < sizeof secs / sizeof secs[0]; i++) {
		pm_out_duration(o, secs[i]);
		pm_out_row(o);
	}
	ck_assert_int_eq(pm_out_close(o), 0);
	ck_assert_int_eq(fclose(fp), 0);
	return buf;
}

START_TEST(duration_minutes_and_words)
{
	/* Whole minutes, toward zero; negative is "not yet". */
	expect(durations(PM_FMT_TSV), "0\n0\n1\n1565\n-5\n0\n1501\n");
	expect(durations(PM_FMT_JSON), "{\"age\":0}\n{\"age\":0}\n{\"age\":1}\n"
	    "{\"age\":1565}\n{\"age\":-5}\n{\"age\":0}\n{\"age\":1501}\n");
	expect(durations(PM_FMT_TABLE), "     age\n      0m\n      0m\n"
	    "      1m\n1d 2h 5m\n   in 5m\n   in 0m\n1d 1h 1m\n");
	expect(durations(PM_FMT_EXCEL), "\xef\xbb\xbf" "age\r\n0m\r\n0m\r\n"
	    "1m\r\n1d 2h 5m\r\nin 5m\r\nin 0m\r\n1d 1h 1m\r\n");
}
END_TEST

START_TEST(for_people)
{
	static const struct pm_col cols[] = { { "a", PM_COL_TEXT, NULL } };
	static const enum pm_fmt fmts[] = { PM_FMT_TABLE, PM_FMT_TSV,
	    PM_FMT_CSV, PM_FMT_JSON, PM_FMT_EXCEL };
	static const int people_too[] = { 1, 0, 0, 0, 1 };
	struct pm_out *o;
	FILE *fp;
	int i;

	ck_assert_ptr_nonnull(fp = fopen("/dev/null", "w"));
	for (i = 0; i < 5; i++) {
		o = pm_out_new(fp, fmts[i], 0, cols, 1);
		ck_assert_int_eq(pm_out_for_people(o), people_too[i]);
		ck_assert_int_eq(pm_out_close(o), 0);
	}
	fclose(fp);
}
END_TEST

/* An aborted writer writes nothing that was waiting to be written. */
static char *
aborted(enum pm_fmt fmt, int rows)
{
	static const struct pm_col cols[] = { { "a", PM_COL_TEXT, NULL },
	    { "b", PM_COL_INT, NULL } };
	struct pm_out *o;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int i;

	ck_assert_ptr_nonnull(fp = open_memstream(&buf, &len));
	ck_assert_ptr_nonnull(o = pm_out_new(fp, fmt, 1, cols, 2));
	for (i = 0; i < rows; i++) {
		pm_out_text(o, "x");
		pm_out_int(o, i);
		pm_out_row(o);
	}
	pm_out_abort(o);
	ck_assert_int_eq(fclose(fp), 0);
	return buf;
}

START_TEST(abort_writes_nothing_pending)
{
	/* Before any row: no header, no BOM, nothing. */
	expect(aborted(PM_FMT_TABLE, 0), "");
	expect(aborted(PM_FMT_CSV, 0), "");
	expect(aborted(PM_FMT_EXCEL, 0), "");
	expect(aborted(PM_FMT_TSV, 0), "");
	expect(aborted(PM_FMT_JSON, 0), "");
	/* A table's buffered rows are dropped; streamed rows are out. */
	expect(aborted(PM_FMT_TABLE, 2), "");
	expect(aborted(PM_FMT_TSV, 2), "a\tb\nx\t0\nx\t1\n");
	expect(aborted(PM_FMT_CSV, 1), "a,b\r\nx,0\r\n");
	pm_out_abort(NULL);
}
END_TEST

Suite *
out_suite(void)
{
	Suite *s = suite_create("out");
	TCase *tc;

	tc = tcase_create("format");
	tcase_add_test(tc, parse_format_names);
	tcase_add_test(tc, parse_format_unknown);
	tcase_add_test(tc, default_format);
	suite_add_tcase(s, tc);

	tc = tcase_create("width");
	tcase_add_test(tc, width_ascii_and_cjk);
	tcase_add_test(tc, width_zero);
	tcase_add_test(tc, width_controls_and_bad_bytes);
	suite_add_tcase(s, tc);

	tc = tcase_create("table");
	tcase_add_test(tc, table_chinese_alignment);
	tcase_add_test(tc, table_numbers_right_and_no_trailing_space);
	tcase_add_test(tc, table_empty_fields);
	tcase_add_test(tc, table_header_only);
	tcase_add_test(tc, table_combining_alignment);
	tcase_add_test(tc, table_escapes_controls);
	tcase_add_test(tc, table_null_text_escaped);
	tcase_add_test(tc, table_many_rows);
	tcase_add_test(tc, table_vertical);
	tcase_add_test(tc, table_vertical_wide_names);
	tcase_add_test(tc, table_vertical_late);
	tcase_add_test(tc, vertical_leaves_other_formats_alone);
	suite_add_tcase(s, tc);

	tc = tcase_create("tsv_csv");
	tcase_add_test(tc, tsv_plain_and_header);
	tcase_add_test(tc, tsv_escapes);
	tcase_add_test(tc, tsv_null);
	tcase_add_test(tc, short_rows_are_padded);
	tcase_add_test(tc, csv_quoting);
	tcase_add_test(tc, csv_header_always);
	suite_add_tcase(s, tc);

	tc = tcase_create("json");
	tcase_add_test(tc, json_rows);
	tcase_add_test(tc, json_escapes);
	tcase_add_test(tc, json_numbers);
	suite_add_tcase(s, tc);

	tc = tcase_create("numbers");
	tcase_add_test(tc, fen_as_yuan);
	tcase_add_test(tc, int_values);
	tcase_add_test(tc, int_and_fen_in_table_and_json);
	suite_add_tcase(s, tc);

	tc = tcase_create("close");
	tcase_add_test(tc, close_null);
	tcase_add_test(tc, close_keeps_stream_open);
	tcase_add_test(tc, write_error_full_disk);
	tcase_add_test(tc, write_error_read_only_stream);
	tcase_add_test(tc, earlier_stream_error_is_reported);
	tcase_add_test(tc, null_text_replaced);
	suite_add_tcase(s, tc);

	tc = tcase_create("people");
	tcase_add_test(tc, excel_for_spreadsheets);
	tcase_add_test(tc, excel_inert_cells);
	tcase_add_test(tc, vocab_labels_for_people);
	tcase_add_test(tc, duration_minutes_and_words);
	tcase_add_test(tc, for_people);
	tcase_add_test(tc, abort_writes_nothing_pending);
	suite_add_tcase(s, tc);

	return s;
}
