/*
 * rec.h - read records from CSV, TSV or JSON Lines, for every import.
 *
 * The three formats pm writes are the three it reads back, so a list
 * piped through a filter can be imported again.  A record is a set of
 * named fields: CSV and TSV name them by their header line, JSON Lines
 * by the keys of each object.
 *
 *   csv    RFC 4180: first line the header; quoted fields may hold
 *          commas, quotes ("") and line breaks; CRLF or LF.
 *   tsv    first line the header; fields split on tab; \t \n \r \\
 *          unescaped (the escaping pm's own TSV output uses).
 *   json   one flat object a line: string, number, true/false or null
 *          values (null is a missing field); nested values are an error.
 *
 * Input must be UTF-8; a field with an invalid sequence is an error.
 * Errors are recorded as "NAME:LINE:COLUMN: what is wrong" with status
 * PM_EX_DATAERR, where NAME is the file name given (or "stdin").
 */
#ifndef PM_REC_H
#define PM_REC_H

#include <stdio.h>

enum pm_rec_fmt {
	PM_REC_AUTO,	/* by the first byte and line: '{' json, a tab tsv, else csv */
	PM_REC_CSV,
	PM_REC_TSV,
	PM_REC_JSON
};

struct pm_rec;

/*
 * Set '*fmt' from a format name given on the command line: "csv", "tsv"
 * or "json".  Any other name leaves '*fmt' alone, records "format 'NAME':
 * unknown input format (choose csv, tsv or json)" and returns PM_EX_USAGE.
 */
int pm_rec_parse_format(const char *name, enum pm_rec_fmt *fmt);

/*
 * Start reading records from 'fp' (not closed by pm_rec_free), named
 * 'name' in messages.  Returns 0 or PM_EX_SOFTWARE (out of memory).
 */
int pm_rec_open(FILE *fp, const char *name, enum pm_rec_fmt fmt,
    struct pm_rec **out);

/*
 * Read the next record.  Returns 1 when one was read, 0 at the end of
 * input, or an error status (PM_EX_DATAERR, PM_EX_IOERR) with the message
 * recorded.  Blank lines are skipped.  The fields stay valid until the
 * next call.
 */
int pm_rec_next(struct pm_rec *r);

/*
 * The value of field 'name' in the current record, or NULL when the
 * record has no such field (or, in JSON, it is null).  An empty CSV/TSV
 * field is "" (callers decide whether that means "not given").
 */
const char *pm_rec_get(const struct pm_rec *r, const char *name);

/*
 * Check that every field name of the input is one of 'known' (a NULL
 * terminated list); otherwise record "NAME:LINE: unknown field 'X'
 * (known: a, b, c)" and return PM_EX_DATAERR.  Call after the first
 * pm_rec_next(); for JSON it checks the current record's keys.
 */
int pm_rec_check_fields(const struct pm_rec *r, const char *const *known);

/* The line number where the current record starts (1-based). */
int pm_rec_line(const struct pm_rec *r);

/* The name given to pm_rec_open(). */
const char *pm_rec_name(const struct pm_rec *r);

void pm_rec_free(struct pm_rec *r);

#endif
