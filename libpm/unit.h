/*
 * unit.h - units and public areas: list and show them, set a unit's
 * owner, occupancy and condition, and import owners from a file.
 *
 * The estate file (pm-estate(5)) says which units exist, their areas and
 * conditions; this module keeps what the file does not own: who owns
 * each unit, how to reach them, and whether it is occupied, vacant
 * (空置) or rented.  Owners' phone and ID numbers are stored as given
 * and returned in clear; masking them is the caller's business (see
 * mask.h), because only the caller knows about --reveal.
 *
 * Every function takes an open database.  Those that change records run
 * inside the caller's transaction and neither begin nor commit, so a
 * command can change many units at once and keep all or nothing; each
 * unit that changes gets one audit row.
 */
#ifndef PM_UNIT_H
#define PM_UNIT_H

#include <stdint.h>

#include "db.h"
#include "rec.h"

/*
 * One unit or public area as stored.  The strings belong to the module
 * and stay valid only during the callback that receives them.
 */
struct pm_unit {
	const char *code;	/* "3-1-502", or a public area's "P-GATE-N" */
	const char *kind;	/* "unit" or "public" */
	const char *name;	/* public areas: 北门岗亭; units: NULL */
	const char *building;	/* "3"; NULL for a public area */
	int entrance;		/* 1; 0 when it has none */
	int floor;		/* 5; 0 when it has none */
	int64_t area;		/* hundredths of a m² */
	const char *occupancy;	/* "occupied", "vacant", "rented"; NULL for
				   a public area */
	const char *condition;	/* "good", "basic" or "poor" */
	const char *owner_name;	/* NULL when not known */
	const char *owner_phone; /* NULL when not known; in clear */
	const char *owner_id_number; /* NULL when not known; in clear */
	int retired;		/* 1: it has left the estate file */
};

/* Which records pm_unit_list() returns; zero it for "every unit". */
struct pm_unit_filter {
	const char *building;	/* a building code, or NULL for all */
	const char *occupancy;	/* "occupied", "vacant", "rented" or NULL */
	int public_areas;	/* list the public areas instead of units */
};

/*
 * Call 'fn' for each unit (or, with public_areas, each public area) that
 * is not retired and matches 'f', in natural order: by building, then
 * entrance, floor and room with numbers compared as numbers, so 3-1-502
 * comes before 3-1-1001 and building 3 before building 10.  Stops at the
 * first non-zero return of 'fn' and returns it.  An unknown building is
 * PM_EX_NOINPUT ("building '9': no such building"); an occupancy that
 * is not one of the three is PM_EX_DATAERR (see pm_unit_check_occupancy).
 */
int pm_unit_list(struct pm_db *db, const struct pm_unit_filter *f,
    int (*fn)(const struct pm_unit *u, void *arg), void *arg);

/*
 * Call 'fn' once with unit or public area 'code', retired or not.
 * Returns what 'fn' returns, or PM_EX_NOINPUT with "unit 'CODE': no such
 * unit" recorded.
 */
int pm_unit_get(struct pm_db *db, const char *code,
    int (*fn)(const struct pm_unit *u, void *arg), void *arg);

/*
 * What to change in a unit.  NULL leaves a field as it is.  For the
 * owner fields "" clears the field (the owner is no longer known);
 * occupancy and condition cannot be cleared.
 */
struct pm_unit_change {
	const char *owner_name;
	const char *owner_phone;
	const char *owner_id_number;
	const char *occupancy;
	const char *condition;
};

/*
 * The checks pm_unit_set() makes, for callers that want to check before
 * they open anything.  Each returns 0 or PM_EX_DATAERR with a message
 * that quotes the value, control characters and bad bytes written as
 * \xHH so a message never carries a terminal escape:
 *
 * name       valid UTF-8, at most 200 bytes, no control characters (C0,
 *            DEL, C1) and no bidirectional controls (U+200E, U+200F,
 *            U+202A..U+202E, U+2066..U+2069), which could make a name
 *            display as something else.  Any other text, quotes and
 *            semicolons included, is a name.
 * phone      a mobile number, 11 digits starting 13..19 (13812345678),
 *            or a landline: 7 to 20 digits in groups joined by single
 *            '-' (010-12345678, 0571-8888-8888); digits alone that are
 *            not a mobile number must be a local number, 7 or 8 digits.
 * id number  a resident ID number (GB 11643): 18 characters, 17 digits
 *            and a check digit (a digit or X, x accepted), the 7th to
 *            14th a real date (YYYYMMDD, 1900 or later), and the check
 *            digit right (ISO 7064 MOD 11-2).
 * occupancy  "occupied", "vacant" or "rented".
 * condition  "good", "basic" or "poor".
 *
 * "" is accepted by the owner checks (it means "clear").
 */
int pm_unit_check_name(const char *s);
int pm_unit_check_phone(const char *s);
int pm_unit_check_id_number(const char *s);
int pm_unit_check_occupancy(const char *s);
int pm_unit_check_condition(const char *s);

/* All the checks above for the fields 'c' sets, in field order. */
int pm_unit_check_change(const struct pm_unit_change *c);

/*
 * Change unit 'code' as 'c' says, inside the caller's transaction.  An
 * ID number's x is stored as X.  Sets *changed to 1 when the stored row
 * differs afterwards, 0 when it already said so (then nothing is written
 * and no audit row is added).  Fails with:
 *
 *   PM_EX_DATAERR  a field fails its check; the unit is retired ("unit
 *                  'X': retired unit"); a public area given an owner or
 *                  an occupancy ("unit 'P-GATE-N': a public area has no
 *                  owner or occupancy")
 *   PM_EX_NOINPUT  "unit 'X': no such unit"
 *   others         from pm_db_error()
 *
 * The audit summary names each changed field with its old and new
 * value, phone and ID numbers masked.
 */
int pm_unit_set(struct pm_db *db, const char *code,
    const struct pm_unit_change *c, int *changed);

/* The fields an owners file may have, NULL-terminated. */
extern const char *const pm_unit_import_fields[];

/*
 * Import owners from 'path' ("-" or NULL: standard input, named "stdin")
 * in CSV, TSV or JSON Lines ('fmt'; PM_REC_AUTO guesses, see rec.h),
 * inside the caller's transaction.  Each record names a unit and what to
 * set:
 *
 *   unit, owner_name, owner_phone, owner_id_number, occupancy
 *
 * An empty field (or a JSON null) leaves that value as it is.  Each
 * record is checked as pm_unit_set() checks it; a unit named by two
 * records is an error naming both lines.  All or nothing: 'changed' is
 * called with each unit code that changed, as it changes, but the
 * caller must roll back unless 0 is returned.
 *
 * Errors in records ("FILE:LINE: unit '9-9-999': no such unit") do not
 * stop the reading, so one run finds them all: each but the last is
 * passed to 'report' (if not NULL) as it is found, and the last is
 * recorded; when there were several the recorded message is "FILE: N
 * errors, nothing imported" and the last went to 'report' as well.
 * Reading stops after 20 such errors ("FILE: stopped after 20 errors,
 * nothing imported"), and at the first error that makes the rest
 * unreadable, which is then the recorded message: bad syntax, an unknown
 * field (the message lists the known ones), or a first record without a
 * unit field.  Returns 0,
 * PM_EX_DATAERR for errors in the input, PM_EX_NOINPUT when the file
 * does not exist ("file 'X': No such file or directory"), PM_EX_IOERR,
 * or a database error.
 */
int pm_unit_import(struct pm_db *db, const char *path, enum pm_rec_fmt fmt,
    int (*changed)(const char *code, void *arg),
    void (*report)(const char *msg, void *arg), void *arg);

#endif
