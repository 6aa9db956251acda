/*
 * out.h - the one output layer: table, TSV, CSV and JSON Lines.
 *
 * Querying and formatting are kept apart (as in SQLite's QRF): a command
 * describes its columns once, then hands over one row of text fields at a
 * time; the writer decides how they look.  Every format carries the same
 * columns in the same order, so a terminal only changes alignment.
 *
 *   table  aligned by display width (a CJK character is two columns wide),
 *          a header line, control characters made visible (\e, \x01...);
 *          rows are buffered until pm_out_close() to learn column widths.
 *   tsv    no header unless asked; tab, newline, CR and backslash written
 *          as \t \n \r \\ ; one line a row; streamed.
 *   csv    RFC 4180: header line, CRLF line ends, fields quoted when they
 *          hold a comma, quote, CR or LF (quotes doubled); streamed.
 *   json   JSON Lines: one object a row, keys the column names, strings
 *          escaped strictly (control characters as \uXXXX), NULL as null,
 *          PM_COL_INT / PM_COL_NUM columns as bare numbers; streamed.
 *   excel  CSV for a spreadsheet (Excel, WPS): a UTF-8 byte order mark
 *          so it opens as UTF-8, headings and vocabulary values in the
 *          reader's language, and every text cell that starts with =,
 *          +, -, @, tab or CR prefixed with ' so that a complaint text
 *          cannot run as a formula.  Plain csv stays exact for programs.
 *
 * Tables and excel are for people: their headings are the column names
 * translated (i18n.h), and a column with a vocabulary shows each value's
 * label (自住 for "occupied" in Chinese).  TSV, CSV and JSON carry the
 * identifiers, the same in every language.
 *
 * Invalid UTF-8 in a field is never passed through: each bad byte is
 * written as U+FFFD in table and JSON, and as \xHH in TSV and CSV.
 *
 * Vertical mode (pm_out_vertical) is for "show" commands: in table format
 * each row prints as "column  value" lines with a blank line between rows;
 * the other formats are unchanged.
 */
#ifndef PM_OUT_H
#define PM_OUT_H

#include <stdio.h>
#include <stdint.h>

enum pm_fmt {
	PM_FMT_TABLE,
	PM_FMT_TSV,
	PM_FMT_CSV,
	PM_FMT_JSON,
	PM_FMT_EXCEL
};

enum pm_coltype {
	PM_COL_TEXT,	/* JSON string; left-aligned in tables */
	PM_COL_INT,	/* JSON number; right-aligned in tables */
	PM_COL_NUM	/* decimal text such as "1200.50": JSON number, right-aligned */
};

struct pm_vocab;

struct pm_col {
	const char *name;	/* snake_case English; the JSON key and header */
	enum pm_coltype type;
	const struct pm_vocab *vocab;	/* values are words of it, or NULL */
};

struct pm_out;

/*
 * Parse a format name ("table", "tsv", "csv", "json", "excel") into
 * *fmt.  On an unknown name records "format 'X': unknown format (choose
 * table, tsv, csv, json or excel)" and returns PM_EX_USAGE.
 */
int pm_out_parse_format(const char *name, enum pm_fmt *fmt);

/*
 * The default format for stream 'fp': table when it is a terminal, tsv
 * otherwise.
 */
enum pm_fmt pm_out_default_format(FILE *fp);

/*
 * Start writing rows with 'ncols' columns 'cols' (the array must outlive
 * the writer) to 'fp' in format 'fmt'.  'header' asks TSV for a header
 * line (table and CSV always have one, JSON never).  Returns NULL only
 * when out of memory.
 */
struct pm_out *pm_out_new(FILE *fp, enum pm_fmt fmt, int header,
    const struct pm_col *cols, int ncols);

/* Show rows as "column value" blocks in table format (for "show"). */
void pm_out_vertical(struct pm_out *o, int on);

/* Text written for NULL fields in table, TSV and CSV (default ""). */
void pm_out_null_text(struct pm_out *o, const char *text);

/*
 * Add the next field of the current row.  'text' is copied; NULL means
 * SQL NULL.  pm_out_int() adds an integer, pm_out_fen() an amount of
 * money given in fen, written as yuan with two decimals ("-3.07").
 */
void pm_out_text(struct pm_out *o, const char *text);
void pm_out_int(struct pm_out *o, int64_t v);
void pm_out_fen(struct pm_out *o, int64_t fen);

/*
 * Add a duration given in seconds: for programs (TSV, CSV, JSON) whole
 * minutes as a number (negative: not yet), for people words ("1d 2h
 * 5m", or "in 5m" for a negative one).  Declare its column PM_COL_INT.
 */
void pm_out_duration(struct pm_out *o, int64_t secs);

/*
 * A duration in the words pm_out_duration() gives people ("1d 2h 5m",
 * "in 5m", in Chinese "1天2小时5分"), into 'buf' of 'len' bytes (64 is
 * enough), which is returned.
 */
char *pm_out_duration_words(int64_t secs, char *buf, size_t len);

/* Whether the writer's format is read by people (table, excel). */
int pm_out_for_people(const struct pm_out *o);

/*
 * End the current row.  A row with fewer fields than columns is padded
 * with NULLs; extra fields are a programming error (assert).
 */
void pm_out_row(struct pm_out *o);

/*
 * Write what is buffered (tables), free the writer and return 0, or
 * PM_EX_IOERR with a recorded message ("write error: No space left on
 * device") if writing to the stream failed, or PM_EX_SOFTWARE ("out of
 * memory") if a table's rows could not all be buffered.  The stream is
 * flushed but not closed: it belongs to the caller.  A NULL writer is
 * accepted.
 */
int pm_out_close(struct pm_out *o);

/*
 * Free the writer without writing what is not written yet: a table's
 * rows and a CSV header that no row has needed.  For a command that
 * failed before its first row, so that it prints only its error.
 */
void pm_out_abort(struct pm_out *o);

/*
 * Whether 's' is, as a whole, a number by JSON's grammar (RFC 8259
 * section 6): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
 * The JSON writer uses it for number columns, the record reader for
 * bare values.
 */
int pm_json_number(const char *s);

/*
 * Display width of UTF-8 string 's' in terminal columns: CJK and other
 * East Asian wide characters count 2, combining marks 0, control
 * characters as wide as their visible escape.  Independent of locale.
 */
int pm_out_width(const char *s);

#endif
