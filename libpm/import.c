/*
 * import.c - check and spool, then write in one short transaction.
 *
 * The spool is a temporary table: SQLite keeps it in a file of its own
 * (not the database), so filling it takes no lock on the database and
 * its pages leave memory as it grows.  A million tickets cost a few MB
 * of cache, never a million rows in memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "clock.h"
#include "err.h"
#include "i18n.h"
#include "import.h"
#include "text.h"

#define MAX_FIELDS 64	/* a survey round: 16 lines by code and name, and more */

struct run {
	struct pm_db *db;
	const struct pm_import *im;
	void *ctx;
	struct pm_rec *r;
	int nfields;
	void (*report)(const char *, void *);
	void *arg;
	char pending[1024];	/* the last error, not yet reported */
	int nerr;
	int64_t nwritten;
	sqlite3_stmt *ins, *seen;
};

/* A record's error: keep it, passing the one before to 'report'. */
static void
record_error(struct run *x, int line, const char *msg)
{
	if (x->nerr > 0 && x->report != NULL)
		x->report(x->pending, x->arg);
	snprintf(x->pending, sizeof x->pending, "%s:%d: %s",
	    pm_rec_name(x->r), line, msg);
	x->nerr++;
}

static int
is_record_error(int rc)
{
	return rc == PM_EX_DATAERR || rc == PM_EX_NOINPUT || rc == PM_EX_USAGE;
}

static int
spool_create(struct run *x)
{
	sqlite3_str *q = sqlite3_str_new(x->db->h);
	char *sql;
	int i, rc;

	sqlite3_str_appendall(q, PM_SQL_TEMP_TABLE " pm_spool(seq INTEGER"
	    " PRIMARY KEY, line INTEGER NOT NULL, ord TEXT, k TEXT");
	for (i = 0; i < x->nfields; i++)
		sqlite3_str_appendf(q, ", v%d TEXT", i);
	sqlite3_str_appendall(q, "); " PM_SQL_TEMP_TABLE " pm_spool_ids(n"
	    " INTEGER PRIMARY KEY, id TEXT NOT NULL);"
	    " CREATE INDEX temp.pm_spool_k ON pm_spool(k);");
	if ((sql = sqlite3_str_finish(q)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	rc = pm_db_exec(x->db, sql);
	sqlite3_free(sql);
	if (rc != 0)
		return rc;
	q = sqlite3_str_new(x->db->h);
	sqlite3_str_appendall(q, "INSERT INTO pm_spool VALUES (NULL, ?1, ?2,"
	    " ?3");
	for (i = 0; i < x->nfields; i++)
		sqlite3_str_appendf(q, ", ?%d", i + 4);
	sqlite3_str_appendall(q, ")");
	if ((sql = sqlite3_str_finish(q)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	rc = pm_db_prepare(x->db, sql, &x->ins);
	sqlite3_free(sql);
	if (rc != 0)
		return rc;
	return pm_db_prepare(x->db, "SELECT line FROM pm_spool WHERE k = ?1",
	    &x->seen);
}

static void
spool_drop(struct run *x)
{
	sqlite3_finalize(x->ins);
	sqlite3_finalize(x->seen);
	x->ins = x->seen = NULL;
	sqlite3_exec(x->db->h, "DROP TABLE IF EXISTS temp.pm_spool;"
	    " DROP TABLE IF EXISTS temp.pm_spool_ids", NULL, NULL, NULL);
}

/* The line that named 'key' before, or 0. */
static int
named_before(struct run *x, const char *key, int *line)
{
	int rc;

	*line = 0;
	sqlite3_reset(x->seen);
	pm_bind_text(x->seen, 1, key);
	if ((rc = sqlite3_step(x->seen)) == SQLITE_ROW)
		*line = sqlite3_column_int(x->seen, 0);
	else if (rc != SQLITE_DONE)
		return pm_db_error(x->db, "spool the records");
	sqlite3_reset(x->seen);
	return 0;
}

/* The order of a record: its time as database text, now when none. */
static int
order_of(struct run *x, const char **vals, char buf[PM_TIME_UTC_LEN])
{
	const char *v = x->im->order >= 0 ? vals[x->im->order] : NULL;
	pm_time t = pm_now();
	int rc;

	if (x->im->order < 0)
		return 0;
	if (v != NULL && (rc = pm_time_parse(v, &t)) != 0)
		return rc;
	pm_time_utc(t, buf);
	return 0;
}

/* Check one record and spool it. */
static int
take(struct run *x)
{
	const char *vals[MAX_FIELDS], *v;
	char ord[PM_TIME_UTC_LEN] = "", msg[900];
	int i, rc, line = pm_rec_line(x->r), first;

	for (i = 0; i < x->nfields; i++) {
		v = pm_rec_get(x->r, x->im->fields[i]);
		vals[i] = v != NULL && *v != '\0' ? v : NULL;
	}
	if (x->im->key >= 0 && vals[x->im->key] == NULL) {
		snprintf(msg, sizeof msg, _("%s: missing"),
		    x->im->fields[x->im->key]);
		record_error(x, line, msg);
		return 0;
	}
	pm_err_clear();
	if ((rc = x->im->check(x->db, vals, x->ctx)) == 0)
		rc = order_of(x, vals, ord);
	if (rc != 0) {
		if (!is_record_error(rc))
			return rc;
		record_error(x, line, pm_err_msg());
		return 0;
	}
	if (x->im->key >= 0 && x->im->unique_key) {
		if ((rc = named_before(x, vals[x->im->key], &first)) != 0)
			return rc;
		if (first != 0) {
			snprintf(msg, sizeof msg, _("%s %s: named twice (first "
			    "on line %d)"), x->im->fields[x->im->key],
			    pm_q(vals[x->im->key]), first);
			record_error(x, line, msg);
			return 0;
		}
	}
	sqlite3_reset(x->ins);
	pm_bind_int(x->ins, 1, line);
	pm_bind_text(x->ins, 2, ord[0] != '\0' ? ord : NULL);
	pm_bind_text(x->ins, 3, x->im->key >= 0 ? vals[x->im->key] : NULL);
	for (i = 0; i < x->nfields; i++)
		pm_bind_text(x->ins, i + 4, vals[i]);
	if (sqlite3_step(x->ins) != SQLITE_DONE)
		return pm_db_error(x->db, "spool the records");
	return 0;
}

/* Step 1: read, check and spool every record. */
static int
check_all(struct run *x)
{
	int rc, n = 0;

	while ((rc = pm_rec_next(x->r)) == 1) {
		/* JSON Lines names fields per record: check each one. */
		if ((rc = pm_rec_check_fields(x->r, x->im->fields)) != 0)
			return rc;
		if (n++ == 0 && x->im->key >= 0 &&
		    pm_rec_get(x->r, x->im->fields[x->im->key]) == NULL)
			return pm_err(PM_EX_DATAERR, "%s:%d: no %s field (each "
			    "record names its %s)", pm_rec_name(x->r),
			    pm_rec_line(x->r), pm_q(x->im->fields[x->im->key]),
			    x->im->fields[x->im->key]);
		if ((rc = take(x)) != 0)
			return rc;
		if (x->nerr == PM_IMPORT_MAX_ERRORS)
			break;
	}
	if (rc < 0 || rc > 1)
		return rc;
	/*
	 * A CSV or TSV header with no rows under it is still checked, so
	 * a wrong file is not taken for an empty one.
	 */
	if (n == 0)
		return pm_rec_check_fields(x->r, x->im->fields);
	return 0;
}

/* Step 2: write the spooled records in order. */
static int
write_all(struct run *x, int dry, int (*done)(const char *, void *),
    void *arg)
{
	const char *vals[MAX_FIELDS];
	char id[128];
	sqlite3_stmt *st = NULL, *ids = NULL;
	sqlite3_str *q = sqlite3_str_new(x->db->h);
	char *sql;
	int i, rc, line;

	sqlite3_str_appendall(q, "SELECT seq, line");
	for (i = 0; i < x->nfields; i++)
		sqlite3_str_appendf(q, ", v%d", i);
	sqlite3_str_appendall(q, " FROM pm_spool ORDER BY ord, seq");
	if ((sql = sqlite3_str_finish(q)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	rc = pm_db_prepare(x->db, sql, &st);
	sqlite3_free(sql);
	if (rc != 0 || (rc = pm_db_prepare(x->db, "INSERT INTO"
	    " pm_spool_ids(id) VALUES (?1)", &ids)) != 0)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		line = sqlite3_column_int(st, 1);
		for (i = 0; i < x->nfields; i++)
			vals[i] = pm_col_text(st, i + 2);
		id[0] = '\0';
		pm_err_clear();
		rc = x->im->write(x->db, vals, id, sizeof id, x->ctx);
		if (rc == PM_UNCHANGED)
			continue;
		if (rc != 0) {
			if (!is_record_error(rc))
				goto out;
			/* It changed since it was checked: say where. */
			record_error(x, line, pm_err_msg());
			if (x->nerr == PM_IMPORT_MAX_ERRORS)
				break;
			continue;
		}
		x->nwritten++;
		if (dry && done != NULL) {
			if ((rc = done(id, arg)) != 0)
				goto out;
			continue;
		}
		/* In the order written, which is the order printed. */
		sqlite3_reset(ids);
		pm_bind_text(ids, 1, id);
		if (sqlite3_step(ids) != SQLITE_DONE) {
			rc = pm_db_error(x->db, "spool the ids");
			goto out;
		}
	}
	rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 :
	    pm_db_error(x->db, "read the spool");
out:
	sqlite3_finalize(st);
	sqlite3_finalize(ids);
	return rc;
}

static int
print_ids(struct run *x, int (*done)(const char *, void *), void *arg)
{
	sqlite3_stmt *st;
	int rc;

	if (done == NULL)
		return 0;
	if ((rc = pm_db_prepare(x->db, "SELECT id FROM pm_spool_ids"
	    " ORDER BY n", &st)) != 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = done(pm_col_text(st, 0), arg)) != 0) {
			sqlite3_finalize(st);
			return rc;
		}
	rc = rc == SQLITE_DONE ? 0 : pm_db_error(x->db, "read the ids");
	sqlite3_finalize(st);
	return rc;
}

/* The error status and message once records were wrong. */
static int
errors_found(struct run *x)
{
	if (x->nerr == 1)
		return pm_errs(PM_EX_DATAERR, x->pending);
	if (x->report != NULL)
		x->report(x->pending, x->arg);
	if (x->nerr == PM_IMPORT_MAX_ERRORS)
		return pm_err(PM_EX_DATAERR, "%s: stopped after %d errors, "
		    "nothing imported", pm_rec_name(x->r), x->nerr);
	return pm_err(PM_EX_DATAERR, "%s: %d errors, nothing imported",
	    pm_rec_name(x->r), x->nerr);
}

/* Report what is pending before a fatal error takes the last word. */
static int
fatal(struct run *x, int rc)
{
	char msg[1024];

	if (x->nerr > 0 && x->report != NULL) {
		snprintf(msg, sizeof msg, "%s", pm_err_msg());
		x->report(x->pending, x->arg);
		pm_errs(rc, msg);
	}
	return rc;
}

int
pm_import(struct pm_db *db, const struct pm_import *im, void *ctx,
    const char *path, enum pm_rec_fmt fmt, int dry,
    void (*report)(const char *, void *),
    int (*done)(const char *, void *), void *arg)
{
	FILE *fp = stdin;
	const char *name = "stdin";
	int rc;

	if (path != NULL && strcmp(path, "-") != 0) {
		if ((fp = fopen(path, "r")) == NULL)
			return pm_err(PM_EX_NOINPUT, "file %s: %s", pm_q(path),
			    strerror(errno));
		name = path;
	}
	rc = pm_import_file(db, im, ctx, fp, name, fmt, dry, report, done,
	    arg);
	if (fp != stdin)
		fclose(fp);
	return rc;
}

int
pm_import_file(struct pm_db *db, const struct pm_import *im, void *ctx,
    FILE *fp, const char *name, enum pm_rec_fmt fmt, int dry,
    void (*report)(const char *, void *),
    int (*done)(const char *, void *), void *arg)
{
	struct run x;
	int rc;

	memset(&x, 0, sizeof x);
	x.db = db;
	x.im = im;
	x.ctx = ctx;
	x.report = report;
	x.arg = arg;
	for (x.nfields = 0; im->fields[x.nfields] != NULL; x.nfields++)
		;
	if (x.nfields > MAX_FIELDS)
		return pm_err(PM_EX_SOFTWARE, "import: too many fields");
	if ((rc = pm_rec_open(fp, name, fmt, &x.r)) != 0)
		goto out;
	/* Step 1 holds a read snapshot only: writers go on meanwhile. */
	if ((rc = pm_db_exec(db, "BEGIN")) != 0)
		goto out;
	if ((rc = spool_create(&x)) == 0)
		rc = check_all(&x);
	if (rc != 0) {
		pm_db_rollback(db);
		rc = fatal(&x, rc);
		goto out;
	}
	if (x.nerr > 0) {
		pm_db_rollback(db);
		rc = errors_found(&x);
		goto out;
	}
	if ((rc = pm_db_exec(db, "COMMIT")) != 0 ||
	    (rc = pm_db_begin(db)) != 0)
		goto out;
	if ((rc = write_all(&x, dry, done, arg)) != 0) {
		pm_db_rollback(db);
		rc = fatal(&x, rc);
		goto out;
	}
	if (x.nerr > 0 || dry) {
		pm_db_rollback(db);
		rc = x.nerr > 0 ? errors_found(&x) : 0;
		goto out;
	}
	if (im->audit_table != NULL && x.nwritten > 0 &&
	    (rc = pm_audit(db, im->audit_table, "import", "imported %lld "
	    "records from %s", (long long)x.nwritten, name)) != 0) {
		pm_db_rollback(db);
		goto out;
	}
	if ((rc = pm_db_commit(db)) == 0)
		rc = print_ids(&x, done, arg);
out:
	spool_drop(&x);
	pm_rec_free(x.r);
	return rc;
}

const struct pm_opt pm_import_opts[] = {
	{ "dry-run", 'n', NULL,
	    N_("check and show what would change, keeping nothing") },
	{ "from", 'f', N_("format"),
	    N_("the input format: csv, tsv or json (default: guessed from "
	    "the first line)") },
	{ NULL, 0, NULL, NULL }
};

static void
warn_line(const char *msg, void *arg)
{
	pm_warn("%s", msg);
}

static int
print_id(const char *id, void *arg)
{
	pm_cli_print_id(arg, id);
	return 0;
}

int
pm_import_cmd(struct pm_cli *cli, int argc, char **argv,
    const struct pm_import *im, void *ctx)
{
	enum pm_rec_fmt fmt = PM_REC_AUTO;
	struct pm_db *db;
	int c, rc, dry = 0;

	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case 'n':
			dry = 1;
			break;
		case 'f':
			if ((rc = pm_rec_parse_format(optarg, &fmt)) != 0)
				return rc;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 0, 1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_CLI_WRITE, &db)) != 0)
		return rc;
	rc = pm_import(db, im, ctx, argc ? argv[0] : NULL, fmt, dry,
	    warn_line, print_id, cli);
	pm_db_close(db);
	return rc;
}
