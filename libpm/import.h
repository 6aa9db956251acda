/*
 * import.h - importing records from CSV, TSV or JSON Lines, for every
 * record type that can be imported.
 *
 * An import is all or nothing, streams, and never holds the write lock
 * while it reads.  It runs in two steps:
 *
 *   1. Check: read the records one by one (rec.h), check each field
 *      name, the key (named at most once when 'unique_key'), and each
 *      record with the type's check(), and keep them in a spool (a
 *      temporary table, on disk when large), so memory stays flat
 *      whatever the size of the file.  Nothing is locked but a read
 *      snapshot: the desk keeps working while a slow pipe is read.
 *      Errors do not stop the reading: up to PM_IMPORT_MAX_ERRORS are
 *      reported, each as "FILE:LINE: what is wrong".
 *   2. Write: if nothing was wrong, take the write lock and write the
 *      spooled records in one short transaction, in the order of
 *      'order_field' (a time) when there is one, else the file's.
 *
 * The ids of what was written are printed only after the commit.
 */
#ifndef PM_IMPORT_H
#define PM_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "db.h"
#include "rec.h"

#define PM_IMPORT_MAX_ERRORS 20

struct pm_import {
	const char *const *fields; /* the fields a record may have, NULL
				      terminated; vals[] follow this order */
	int key;		/* the index in 'fields' of the key that
				   every record names, or -1 */
	int unique_key;		/* a key named twice is an error */
	int order;		/* the index of a time field the records are
				   written in the order of (earliest first,
				   missing = now), or -1: the file's order */
	/*
	 * Check one record (vals[i] is field i's value, NULL when not
	 * given or empty) before anything is locked; it may read the
	 * database and normalize values in place (vals[i] may be pointed
	 * at static text).  Returns 0, or a status with the message
	 * recorded: PM_EX_DATAERR or PM_EX_NOINPUT are about this record
	 * and are reported with its line, others stop the import.
	 */
	int (*check)(struct pm_db *db, const char **vals, void *ctx);
	/*
	 * Write one checked record inside the transaction.  Returns 0 with
	 * the id of what it wrote or changed in 'id', PM_UNCHANGED when
	 * the record changed nothing, or a status as check() does.
	 */
	int (*write)(struct pm_db *db, const char **vals, char *id,
	    size_t idlen, void *ctx);
	/*
	 * The table of the one audit row that names the whole import
	 * ("imported 120 records from FILE"), for records whose write()
	 * audits none of its own; NULL when each write audits itself.
	 */
	const char *audit_table;
};

/*
 * Import the records of file 'path' ("-" or NULL: standard input,
 * named "stdin" in messages) in format 'fmt' (PM_REC_AUTO guesses) as
 * 'im' says, on 'db', which must not be in a transaction.  With 'dry'
 * everything is checked and written, then rolled back.  After the
 * commit (or the dry run), 'done' is called with each id written, in
 * the order written.  Each error but the last is passed to 'report' as
 * it is found; the last is recorded, or, when there were several,
 * "FILE: N errors, nothing imported".  Returns 0, PM_EX_DATAERR,
 * PM_EX_NOINPUT (no such file), PM_EX_IOERR, or a database status.
 */
int pm_import(struct pm_db *db, const struct pm_import *im, void *ctx,
    const char *path, enum pm_rec_fmt fmt, int dry,
    void (*report)(const char *msg, void *arg),
    int (*done)(const char *id, void *arg), void *arg);

/* As pm_import(), from the open stream 'fp' named 'name' in messages. */
int pm_import_file(struct pm_db *db, const struct pm_import *im, void *ctx,
    FILE *fp, const char *name, enum pm_rec_fmt fmt, int dry,
    void (*report)(const char *msg, void *arg),
    int (*done)(const char *id, void *arg), void *arg);

/*
 * The import verb: "VERB [-n] [--from format] [file]": options, then
 * pm_import() with errors reported on stderr and ids printed on stdout.
 * 'flags' as pm_cli_open() takes them (PM_CLI_WRITE).
 */
int pm_import_cmd(struct pm_cli *cli, int argc, char **argv,
    const struct pm_import *im, void *ctx);

/* The options of pm_import_cmd(), for the verb table. */
extern const struct pm_opt pm_import_opts[];

#endif
