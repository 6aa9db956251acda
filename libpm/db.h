/*
 * db.h - the SQLite database: finding, opening, migrating, transactions,
 * cached statements and errors.
 *
 * Every pm command opens one struct pm_db, does its work inside one
 * transaction and closes it.  Writers use BEGIN IMMEDIATE so two writers
 * queue on the busy timeout instead of failing half-way.
 *
 * The schema is the numbered files in schema/, compiled into the library;
 * PRAGMA user_version is the number of the last one applied.
 */
#ifndef PM_DB_H
#define PM_DB_H

#include <stdint.h>
#include <sqlite3.h>

struct pm_migration {
	int version;
	const char *name;	/* "0001-base" */
	const char *sql;
};

/*
 * The SQL of this engine that the modules' queries need, named here so
 * that a second engine (PostgreSQL, for a company of many estates) means
 * changing these and db.c, not the modules or the tools.  Everything
 * else the modules write is plain SQL.
 */
#define PM_SQL_BYTES " COLLATE BINARY"	/* order by bytes */
#define PM_SQL_NOCASE " COLLATE NOCASE"	/* equal whatever the ASCII case */
#define PM_SQL_NATURAL " COLLATE pm_natural" /* 3-1-502 before 3-1-1001 */
#define PM_SQL_TEMP_TABLE "CREATE TEMP TABLE" /* this connection's own */

/* Generated from schema/ at build time. */
extern const struct pm_migration pm_migrations[];
extern const int pm_nmigrations;

/* The schema version this build of pm speaks. */
int pm_db_schema_version(void);

struct pm_db {
	sqlite3 *h;
	char *path;		/* owned; ":memory:" for tests */
	const char *prog;	/* "pm-ticket", for the audit trail */
	const char *verb;	/* "add" */
	const char *user;	/* the acting staff login (--as) */
	int in_tx;
	/* statement cache, see pm_db_stmt(); grows as needed */
	struct pm_db_cached {
		const char *sql;
		sqlite3_stmt *st;
	} *cache;
	int ncache;
	int cache_cap;
	struct pm_calendar *cal;	/* see pm_db_calendar() */
	int ticket_functions;	/* the ticket SQL functions are defined */
	void *ticket_sla;	/* the service levels, read once (ticket.h) */
};

enum {
	PM_DB_CREATE = 1,	/* create the file (pm-db init only) */
	PM_DB_ANY_VERSION = 2,	/* skip the schema version check (migrate) */
	PM_DB_READONLY = 4
};

/*
 * The database path: 'opt' (from -d) if not NULL, else $PM_DB if set and
 * not empty, else "./pm.db".  The result is 'opt' or points into the
 * environment; do not free it.
 */
const char *pm_db_path(const char *opt);

/*
 * Open the database at 'path' into *out.  Sets WAL, foreign_keys=ON,
 * synchronous=FULL and the busy timeout ($PM_BUSY_TIMEOUT ms, default
 * 5000).  Without PM_DB_CREATE a missing file is PM_EX_NOINPUT with a
 * message naming "pm-db init".  With PM_DB_CREATE an existing file is
 * PM_EX_CANTCREAT; the new file is created mode 0600 and migrated to the
 * current schema.  A file that is not SQLite at all, or SQLite without
 * pm's schema, is PM_EX_CONFIG "database 'PATH': not a pm database
 * (create one with 'pm-db init')".  Without PM_DB_ANY_VERSION, a schema
 * older than this build is PM_EX_CONFIG naming "pm-db migrate", a newer
 * one names the need for a newer pm.  Unless PM_DB_READONLY, a file
 * system that cannot keep the database in WAL mode is PM_EX_CONFIG
 * naming the file.
 *
 * Without PM_DB_ANY_VERSION the estate's time zone (meta 'timezone')
 * becomes the clock's.  A zone this system has no data for does not
 * fail: a warning is printed and the clock keeps Asia/Shanghai (only
 * pm-db apply refuses a zone that exists nowhere).
 *
 * A file that may be read but not written opens; the first write then
 * fails with PM_EX_CANTCREAT (see pm_db_error()).  Returns 0 or an exit
 * status; *out is NULL on failure.
 */
int pm_db_open(const char *path, int flags, struct pm_db **out);

/*
 * An in-memory database with the whole schema, for unit tests.
 */
int pm_db_open_memory(struct pm_db **out);

/* Finalize cached statements and close.  Rolls back an open transaction. */
void pm_db_close(struct pm_db *db);

/*
 * Set who does what, for the audit trail: the program ("pm-ticket"), the
 * verb ("add") and the acting staff login.  The strings must outlive db.
 */
void pm_db_set_actor(struct pm_db *db, const char *prog, const char *verb,
    const char *user);

/*
 * Write transactions.  pm_db_begin() starts BEGIN IMMEDIATE (the write
 * lock is taken now, waiting up to the busy timeout; PM_EX_BUSY past it).
 * pm_db_commit() commits; pm_db_rollback() rolls back and never fails.
 */
int pm_db_begin(struct pm_db *db);
int pm_db_commit(struct pm_db *db);

/*
 * Start a read transaction (BEGIN DEFERRED): every later read sees the
 * snapshot of the first, so a report is of one moment, and the reads
 * share one WAL read lock instead of taking one each, which is most of
 * the cost of many small ones.  pm_db_close() ends it.  In WAL mode it
 * does not hold up writers.
 */
int pm_db_read(struct pm_db *db);
void pm_db_rollback(struct pm_db *db);

/*
 * A prepared statement for 'sql', cached for the life of db: the first
 * call prepares it, later calls with the same string return it reset and
 * with bindings cleared.  'sql' must be a string literal, or at least
 * outlive db (the cache keys on its address first, and keeps the
 * pointer).  The cache grows as needed: there is no limit on the number
 * of statements.  Returns NULL with an error recorded if it does not
 * prepare: PM_EX_SOFTWARE naming the SQL for an error in the SQL itself,
 * else a status as from pm_db_error() (a busy database is PM_EX_BUSY).
 * Do not finalize it.
 *
 * Built SQL (a list with optional filters) goes through pm_db_prepare()
 * instead, so the cache does not fill with one-off texts.
 */
sqlite3_stmt *pm_db_stmt(struct pm_db *db, const char *sql);

/*
 * Prepare 'sql' (its first statement), not cached, into *st; the caller
 * finalizes it.  For statements built at run time.  Returns 0, or a
 * status recorded as pm_db_stmt() records it, with *st NULL.  SQL with
 * no statement in it (blank, or only comments) is PM_EX_SOFTWARE.
 *
 * Debugging the indexes: when the environment variable PM_DEBUG_PLAN is
 * set and not empty, every statement prepared by pm_db_stmt() or
 * pm_db_prepare() writes its query plan to standard error, first the SQL
 * on one line (white space squeezed) and then one line for each row of
 * its EXPLAIN QUERY PLAN:
 *
 *	plan: SELECT id FROM tickets WHERE status = ?1
 *	plan: SEARCH tickets USING INDEX tickets_status (status=?)
 *
 * so that "grep '^plan: SCAN tickets'" on a command's standard error
 * finds a full scan of the tickets.  Run ANALYZE first for the plans the
 * real data gets.  A cached statement is shown once, when it is first
 * prepared.  Statements prepared with sqlite3_prepare_v2() directly are
 * not shown.
 */
int pm_db_prepare(struct pm_db *db, const char *sql, sqlite3_stmt **st);

/*
 * Record the error of the last SQLite call on db and return its status.
 * 'what' says what was being done ("insert ticket").
 *
 *   PM_EX_BUSY      SQLITE_BUSY, SQLITE_LOCKED: "what: database 'PATH' is
 *                   busy (...)"
 *   PM_EX_DATAERR   constraint failures, a corrupt database
 *   PM_EX_IOERR     I/O errors, a full disk
 *   PM_EX_CANTCREAT SQLITE_READONLY (any of its extended codes),
 *                   SQLITE_PERM and SQLITE_CANTOPEN: when the file or its
 *                   directory is not writable, "database 'PATH': cannot
 *                   write to it (read-only file or directory: check its
 *                   permissions)"; when both are (a handle opened
 *                   read-only, a file moved away), "what: database
 *                   'PATH': MESSAGE"
 *   PM_EX_NOINPUT   the same codes when the file cannot even be read:
 *                   "database 'PATH': cannot read it (check its
 *                   permissions)"
 *   PM_EX_CONFIG    SQLITE_NOTADB: "database 'PATH': not a pm database
 *                   (create one with 'pm-db init')"
 *   PM_EX_SOFTWARE  the rest (an error in the SQL, out of memory)
 *
 * PM_EX_NOPERM is never returned: it means a staff member's role does
 * not allow something, never a file's permissions.
 */
int pm_db_error(struct pm_db *db, const char *what);

/*
 * Execute SQL text with no results (several statements allowed).
 * Returns 0 or a status from pm_db_error().
 */
int pm_db_exec(struct pm_db *db, const char *sql);

/* Convenience binders: NULL text binds SQL NULL.  Index is 1-based. */
int pm_bind_text(sqlite3_stmt *st, int i, const char *s);
int pm_bind_int(sqlite3_stmt *st, int i, int64_t v);

/*
 * Step a statement that returns no rows (or whose rows are ignored).
 * Returns 0 or a status from pm_db_error(); the statement is reset.
 */
int pm_db_step_done(struct pm_db *db, sqlite3_stmt *st, const char *what);

/*
 * Whether 'sql' (a string literal selecting by one parameter ?1) finds a
 * row for 'key': *found is 1 or 0.  Returns 0, or a status from
 * pm_db_error() with 'what' naming the lookup ("find building").
 */
int pm_db_exists(struct pm_db *db, const char *sql, const char *key,
    const char *what, int *found);

/* The id of the row the last INSERT on db added. */
int64_t pm_db_last_id(struct pm_db *db);

/* Column text as a C string ("" for NULL is NOT done: NULL stays NULL). */
const char *pm_col_text(sqlite3_stmt *st, int i);

/*
 * Read one value from the meta table ('estate_name', 'timezone', ...)
 * into *value: a malloc'd copy the caller frees, or NULL when the key is
 * absent (or its value is NULL).  Returns 0, or a status from
 * pm_db_error() (PM_EX_BUSY when the database stays busy) with *value
 * NULL: a failed read is never taken for an absent key.
 */
int pm_db_meta(struct pm_db *db, const char *key, char **value);
int pm_db_set_meta(struct pm_db *db, const char *key, const char *value);

/*
 * Step 'st', bound, once: the text of its first column of its first row
 * into *value as pm_db_meta() gives it (NULL for no row or NULL), and
 * reset it.
 */
int pm_db_one_text(struct pm_db *db, sqlite3_stmt *st, char **value);

/*
 * Migrate an older database to this build's schema.  The write lock is
 * taken first (BEGIN IMMEDIATE, waiting up to the busy timeout) and the
 * version is read under it, so of two migrates at once the second finds
 * the database current.  Before any change an online backup of the old
 * version is made to "PATH.vN.bak" (N the old version; it must not
 * exist).  Prints nothing; returns 0, with *from and *to set to the
 * versions (equal when there was nothing to do, and then *backup_path
 * is NULL), or a status with nothing changed.  *backup_path is
 * malloc'd.  'db' must not be in a transaction.
 */
int pm_db_migrate(struct pm_db *db, int *from, int *to, char **backup_path);

/* The database's user_version. */
int pm_db_version(struct pm_db *db, int *version);

/*
 * Copy the whole database to 'dest' with the online backup API, safe while
 * others write: the copy is the database as one moment saw it, made in
 * one read transaction, and it finishes however often others commit
 * (in WAL mode they are not held up meanwhile).  Inside a write
 * transaction of db's, the copy is of the last committed state, read
 * through a second connection.  'dest' must not exist (PM_EX_CANTCREAT);
 * it is created mode 0600, and removed again if the copy fails.
 */
int pm_db_backup(struct pm_db *db, const char *dest);

/*
 * Share the database file with the Unix group 'group' (a name): give the
 * file, and its -wal and -shm files where they exist, to that group
 * (chown(path, -1, gid)) and make them mode 0660, so staff running as
 * different users in that group can all write.  SQLite makes later -wal
 * and -shm files with the main file's mode (and, for root, its owner),
 * so they follow.  The data is not touched: calling it inside an open
 * transaction is safe, and a later rollback leaves the files shared.
 * All files change group before any changes mode, so a file is never
 * open to its old group.  An in-memory database has no files: only the
 * group is checked.
 * Returns 0, or:
 *
 *   PM_EX_CONFIG   "group 'X': no such group"
 *   PM_EX_CANTCREAT "database 'PATH': cannot give it to group 'X':
 *                  Operation not permitted" (the user is neither root
 *                  nor the file's owner and a member of the group: a
 *                  file's permissions, not a role, so not
 *                  PM_EX_NOPERM); PATH names the file that failed, such
 *                  as "pm.db-wal"
 *   PM_EX_IOERR    the same message with any other system error
 *   PM_EX_SOFTWARE out of memory
 *
 * A failure can leave some of the files given to the group already.
 */
int pm_db_set_group(struct pm_db *db, const char *group);

/*
 * Run PRAGMA integrity_check and foreign_key_check, and check that an
 * estate with a holiday calendar has this year's days (and from December
 * next year's); each problem is passed to 'report' as one line of text.  Returns 0 when clean,
 * PM_EX_FOUND when something was reported, or an error status.
 */
int pm_db_check(struct pm_db *db, void (*report)(const char *line, void *arg),
    void *arg);

/*
 * The estate's working calendar (hours from meta 'working_hours', special
 * days from the calendar_days table), loaded on first use and owned by
 * db.  pm_db_open() has already made the estate's time zone (meta
 * 'timezone') the clock's zone.  Returns NULL with an error recorded if
 * the stored hours do not parse.
 */
struct pm_calendar;
const struct pm_calendar *pm_db_calendar(struct pm_db *db);

#endif
