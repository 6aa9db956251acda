/*
 * record.h - record types, each declared once, and what every tool
 * gets from the declaration: list with filters, show, lookup by key
 * with one "no such X" message, and the list and show verbs.
 *
 * A record type names its table, its key, its fields (the columns it
 * prints, each with the SQL that yields it and how it is shown) and the
 * filters "list" accepts (each an option with its help).  Adding a list
 * or a show for a new kind of record is a declaration in its module
 * plus one line in the binary's verb table:
 *
 *	{ "list", pm_rec_cmd_list, NULL, N_("list the units"), NULL,
 *	    &pm_unit_type },
 *
 * The SQL in a declaration is fixed text written in libpm; values from
 * the user are always bound, never pasted into it.
 */
#ifndef PM_RECORD_H
#define PM_RECORD_H

#include <stddef.h>

#include "cli.h"
#include "db.h"
#include "out.h"
#include "vocab.h"

/* How a field's value is read from SQL and written out. */
enum pm_ftype {
	PM_F_TEXT,	/* text as stored */
	PM_F_INT,	/* an integer */
	PM_F_INT0,	/* an integer where 0 means "none" (shown empty) */
	PM_F_HUNDREDTHS, /* hundredths as a decimal: areas, "89.50" */
	PM_F_FEN,	/* money in fen, as yuan: "1200.50" */
	PM_F_TIME,	/* a UTC time in the database, shown in local time */
	PM_F_DEADLINE,	/* a time that may be the end of a day: a local
			   midnight shows as the day before's T24:00 */
	PM_F_SECONDS,	/* a duration: minutes for programs, words for
			   people (see pm_out_duration) */
	PM_F_CUSTOM	/* 'put' writes it from 'ncols' SQL columns */
};

/* Where a field appears. */
enum {
	PM_F_MASKED = 1,	/* personal data: masked unless --reveal */
	PM_F_SHOW = 2,		/* in show only */
	PM_F_LIST = 4		/* in list only */
};

struct pm_field {
	const char *name;	/* the column: JSON key, CSV header; tables
				   show its translation, N_("...") */
	enum pm_ftype type;
	const char *sql;	/* the SELECT expression(s) */
	unsigned flags;
	const struct pm_vocab *vocab; /* its values are words of this */
	int ncols;		/* PM_F_CUSTOM: SQL columns it reads */
	void (*put)(struct pm_out *o, sqlite3_stmt *st, int col);
	enum pm_coltype coltype; /* PM_F_CUSTOM: how its column prints */
};

/* A field as most are declared, and the end of a list of them. */
#define PM_FIELD(name, type, sql, flags, vocab) \
	{ name, type, sql, flags, vocab, 1, NULL, PM_COL_TEXT }
#define PM_FIELD_END { NULL, PM_F_TEXT, NULL, 0, NULL, 0, NULL, PM_COL_TEXT }

enum pm_filter_kind {
	PM_FILTER_EQ,	/* the value, normalized through 'vocab' or 'ref',
			   bound to every ? of 'sql' */
	PM_FILTER_LIST,	/* a comma list of words of 'vocab' (groups
			   expand); "?*" in 'sql' becomes ?, ?, ... */
	PM_FILTER_FLAG,	/* no value; 'sql' holds; its ?s are bound to now */
	PM_FILTER_SINCE, /* a time, or a period whose start it is */
	PM_FILTER_UNTIL, /* a time, or a period that it includes */
	PM_FILTER_ALL,	/* no value; drops the type's default condition */
	PM_FILTER_TYPE	/* no value; list the type 'other' instead */
};

struct pm_rtype;

struct pm_filter {
	struct pm_opt opt;	/* the option: name, key, value, help */
	enum pm_filter_kind kind;
	const char *sql;	/* the condition */
	const struct pm_vocab *vocab;
	const struct pm_rtype *ref; /* the value is a key of this type */
	int replaces_default;	/* drops the type's default condition */
	const struct pm_rtype *other; /* PM_FILTER_TYPE */
	/*
	 * PM_FILTER_LIST: a group of 'vocab' (such as "open"); when every
	 * word given is in it, the default set (from_default) is kept and
	 * only narrowed.
	 */
	const char *within;
};

enum pm_key_kind {
	PM_KEY_TEXT,	/* compared as it is (staff logins) */
	PM_KEY_CODE,	/* a code: full-width forms and dashes normalized,
			   case ignored (3-1-502, P-GATE-N) */
	PM_KEY_ID	/* a positive integer id, "#42" taken as 42 */
};

struct pm_rtype {
	const char *name;	/* what one record is: N_("unit") */
	const char *from;	/* "units u" */
	/*
	 * What lists read unless a filter replaces the default: a smaller
	 * set, such as the view of the open tickets, which keeps its own
	 * index whatever the statistics say.  NULL: 'from'.
	 */
	const char *from_default;
	const char *key;	/* "u.code" */
	enum pm_key_kind key_kind;
	const char *key_arg;	/* the key's name in a synopsis: N_("code") */
	const char *where;	/* lists only: "u.kind = 'unit' AND ..." */
	const char *list_default; /* lists, unless a filter replaces it */
	const char *order;	/* "u.code" */
	const struct pm_field *fields;	/* ends with a NULL name */
	const struct pm_filter *filters; /* ends with a NULL opt.name */
	/* "unit %s: no such unit" (the quoted key is the argument) */
	const char *not_found;
	/* Where to see them all, for the hint: "pm-unit list". */
	const char *list_cmd;
	/* Run before its queries are prepared (SQL functions it uses). */
	void (*setup)(struct pm_db *db);
};

/* One filter given on the command line, with its value (NULL: a flag). */
struct pm_given {
	const struct pm_filter *f;
	const char *value;
};

/*
 * The columns of a list (show = 0) or show (show = 1) of 't', made on
 * first use and kept for the life of the process; *n is their count.
 */
const struct pm_col *pm_rec_cols(const struct pm_rtype *t, int show, int *n);

/*
 * Write the records of 't' that the filters 'g' (n of them) select, in
 * the type's order, with masked fields masked unless 'reveal'.  Every
 * filter value is checked before the first row is written, so a bad one
 * prints nothing but the error: a word not in the filter's vocabulary
 * is PM_EX_DATAERR listing the choices, a key of another type that does
 * not exist PM_EX_NOINPUT ("unit '9-9-9': no such unit").  The caller
 * made 'o' with pm_rec_cols(t, 0, ...) and closes it.
 */
int pm_rec_list(struct pm_db *db, const struct pm_rtype *t,
    const struct pm_given *g, int n, int reveal, struct pm_out *o);

/*
 * Write record 'key' of 't' (looked up as pm_rec_find() does) as one
 * row of pm_rec_cols(t, 1, ...).  PM_EX_NOINPUT when there is none.
 */
int pm_rec_show(struct pm_db *db, const struct pm_rtype *t, const char *key,
    int reveal, struct pm_out *o);

/*
 * Find the record of 't' that 'key' names, as a person types it (a code
 * in full-width digits, in another case; an id as "#42"), and copy its
 * stored key into 'canon' (len bytes).  Records that have retired are
 * found too.  When there is none: PM_EX_NOINPUT with the type's "no such"
 * message, the nearest keys as a suggestion ("did you mean water-leak?")
 * and where to list them all.
 */
int pm_rec_find(struct pm_db *db, const struct pm_rtype *t, const char *key,
    char *canon, size_t len);

/*
 * Check a key's form before anything is opened (an id must be a
 * number): 0, or PM_EX_DATAERR "ticket 'x': not a ticket id".
 */
int pm_rec_check_key(const struct pm_rtype *t, const char *key);

/*
 * The options of a list ('list' set) or show of 't', made from its
 * filters and fields (malloc'd).
 */
struct pm_opt *pm_rec_opts(const struct pm_rtype *t, int list);

/* The synopsis of a list or show of 't', for the usage (malloc'd). */
char *pm_rec_synopsis(const struct pm_rtype *t, int list);

/* Write 't' (a UTC time, 0 for none) as a field of type 'type'. */
void pm_rec_out_time(struct pm_out *o, int64_t t, enum pm_ftype type);

/*
 * The text pm_rec_out_time() writes for 't' (PM_F_TIME or PM_F_DEADLINE)
 * into 'buf' (PM_REC_TIME_LEN bytes): local "2026-11-23T09:30", or
 * "2026-11-23T24:00" for a deadline at the end of that day; NULL for 0.
 */
#define PM_REC_TIME_LEN 24
char *pm_rec_time_text(int64_t t, enum pm_ftype type, char *buf);

/*
 * The generic verbs: "list" with the type's filters (and --reveal when it
 * has masked fields), "show KEY ..." (and --reveal).  Use them as the
 * 'run' of a verb whose 'type' is set.
 */
int pm_rec_cmd_list(struct pm_cli *cli, int argc, char **argv);
int pm_rec_cmd_show(struct pm_cli *cli, int argc, char **argv);

#endif
