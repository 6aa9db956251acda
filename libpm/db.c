/*
 * db.c - open, configure, migrate and query the SQLite database.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "db.h"
#include "err.h"
#include "text.h"

#define DEFAULT_BUSY_MS 5000
#define CACHE_FIRST 64		/* statements a command prepares, about */

int
pm_db_schema_version(void)
{
	return pm_nmigrations;
}

const char *
pm_db_path(const char *opt)
{
	const char *env;

	if (opt != NULL)
		return opt;
	env = getenv("PM_DB");
	if (env != NULL && *env != '\0')
		return env;
	return "pm.db";
}

/* Whether the file at 'path' and the directory holding it are writable. */
static int
writable(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int ok;

	if (access(path, W_OK) != 0)
		return 0;
	if (slash == NULL)
		return access(".", W_OK) == 0;
	if (slash == path)
		return access("/", W_OK) == 0;
	if ((dir = strndup(path, (size_t)(slash - path))) == NULL)
		return 1;	/* no memory to tell: say no more than SQLite */
	ok = access(dir, W_OK) == 0;
	free(dir);
	return ok;
}

static int
not_pm(struct pm_db *db)
{
	return pm_err(PM_EX_CONFIG, "database %s: not a pm database (create "
	    "one with 'pm-db init')", pm_q(db->path));
}

/*
 * SQLITE_READONLY, SQLITE_PERM and SQLITE_CANTOPEN: the user may not
 * write the file (or the directory where SQLite keeps its -wal and -shm
 * files), or not even read it.  Those are the file's permissions, so
 * the statuses are sysexits' for files (EX_NOINPUT, EX_CANTCREAT), never
 * PM_EX_NOPERM, which pm keeps for what a staff member's role forbids.
 */
static int
file_error(struct pm_db *db, const char *what, const char *msg)
{
	const char *file = sqlite3_db_filename(db->h, "main");

	if (file == NULL || *file == '\0')	/* in memory: not a file's fault */
		return pm_err(PM_EX_SOFTWARE, "%s: %s", what, msg);
	if (access(db->path, R_OK) != 0 && errno == EACCES)
		return pm_err(PM_EX_NOINPUT, "database %s: cannot read it "
		    "(check its permissions)", pm_q(db->path));
	if (!writable(db->path))
		return pm_err(PM_EX_CANTCREAT, "database %s: cannot write to "
		    "it (read-only file or directory: check its permissions)",
		    pm_q(db->path));
	/* Writable after all: moved away, or opened read-only on purpose. */
	return pm_err(PM_EX_CANTCREAT, "%s: database %s: %s", what,
	    pm_q(db->path), msg);
}

int
pm_db_error(struct pm_db *db, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);
	const char *msg = sqlite3_errmsg(db->h);

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return pm_err(PM_EX_BUSY, "%s: database %s is busy (waited "
		    "past the busy timeout; set PM_BUSY_TIMEOUT in ms)", what,
		    pm_q(db->path));
	case SQLITE_CONSTRAINT:
		return pm_err(PM_EX_DATAERR, "%s: %s", what, msg);
	case SQLITE_IOERR:
	case SQLITE_FULL:
		return pm_err(PM_EX_IOERR, "%s: %s", what, msg);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return file_error(db, what, msg);
	case SQLITE_NOTADB:
		/* Not SQLite at all ("pm-db summary -d aijia.yaml"). */
		return not_pm(db);
	case SQLITE_CORRUPT:
		return pm_err(PM_EX_DATAERR, "%s: database %s: %s", what,
		    pm_q(db->path), msg);
	default:
		return pm_err(PM_EX_SOFTWARE, "%s: %s", what, msg);
	}
}

int
pm_db_exec(struct pm_db *db, const char *sql)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return pm_db_error(db, "sql");
	return 0;
}

int
pm_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int
pm_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	return sqlite3_bind_int64(st, i, v);
}

int
pm_db_exists(struct pm_db *db, const char *sql, const char *key,
    const char *what, int *found)
{
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	if ((st = pm_db_stmt(db, sql)) == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : pm_db_error(db, what);
	sqlite3_reset(st);
	return rc;
}

int64_t
pm_db_last_id(struct pm_db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

const char *
pm_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
pm_db_step_done(struct pm_db *db, sqlite3_stmt *st, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rc = pm_db_error(db, what);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

/*
 * PM_DEBUG_PLAN: the SQL of a statement just prepared, on one line, then
 * its EXPLAIN QUERY PLAN a row a line, each line "plan: ..." so that a
 * test can grep for a full scan.  Only the first statement of 'sql'
 * ('len' bytes) is prepared, so only its plan is asked for.  This is a
 * debugging aid: a plan that cannot be had is shown as such, never
 * failed on, and the recorded error is left alone.
 *
 * Then each time the statement runs (its first step after a reset), a
 * line "plan: run N: ?1=VALUE ?2=VALUE ..." with the values bound, as
 * SQL literals: N is the statement's number, counted from 1 in the
 * order the "plan: SQL" lines were written, so that anyone (and
 * bench/shell-sql.pl) can replay exactly what ran.  The statements
 * shown are kept in 'shown', with a copy of their SQL to tell a
 * statement from a later one at the same address.
 */
static struct shown {
	sqlite3 *h;
	sqlite3_stmt *st;
	char *sql;
	int n;
} *shown;
static int nshown, shown_cap, shown_count;

static int
debug_plan(void)
{
	const char *env = getenv("PM_DEBUG_PLAN");

	return env != NULL && *env != '\0';
}

/* The length of the SQL literal at 's' (as sqlite3_expanded_sql() writes
 * them: NULL, a number, 'text' with '' for ', x'blob'), 0 if none. */
static size_t
literal_len(const char *s)
{
	size_t i = 0;

	if (strncmp(s, "NULL", 4) == 0)
		return 4;
	if (s[0] == 'x' && s[1] == '\'')
		i = 1;
	if (s[i] == '\'') {
		for (i++; s[i] != '\0'; i++)
			if (s[i] == '\'' && s[++i] != '\'')
				return i;
		return 0;
	}
	while (s[i] != '\0' && strchr("+-0123456789.eEInfa", s[i]) != NULL)
		i++;
	return i;
}

/*
 * The values of a statement's parameters, read off its expanded SQL:
 * the text is the statement's own, each parameter replaced by its
 * literal; quoted text and comments are passed over alike.  'vals'
 * holds 'nvals' pointers into 'x' and lengths; 0 when the two texts do
 * not line up.
 */
static int
bound_values(sqlite3_stmt *st, const char *sql, const char *x,
    const char **vals, size_t *lens, int nvals)
{
	size_t i = 0, j = 0, k;
	int idx, last = 0;
	char name[64], q;

	while (sql[i] != '\0') {
		if (sql[i] == '\'' || sql[i] == '"' || sql[i] == '`' ||
		    sql[i] == '[') {
			q = sql[i] == '[' ? ']' : sql[i];
			do {
				if (sql[i] != x[j])
					return 0;
				i++, j++;
			} while (sql[i] != '\0' && sql[i] != q);
			if (sql[i] != '\0') {
				if (sql[i] != x[j])
					return 0;
				i++, j++;
			}
			continue;
		}
		if (sql[i] == '-' && sql[i + 1] == '-') {
			while (sql[i] != '\0' && sql[i] != '\n') {
				if (sql[i++] != x[j++])
					return 0;
			}
			continue;
		}
		if (strchr("?:@$", sql[i]) == NULL) {
			if (sql[i++] != x[j++])
				return 0;
			continue;
		}
		/* A parameter: ?NNN, ?, or a name. */
		k = i + 1;
		while (sql[k] != '\0' && (strchr("_$", sql[k]) != NULL ||
		    (sql[k] >= '0' && sql[k] <= '9') ||
		    (sql[k] >= 'a' && sql[k] <= 'z') ||
		    (sql[k] >= 'A' && sql[k] <= 'Z')))
			k++;
		if (sql[i] == '?' && k == i + 1)
			idx = last + 1;
		else if (sql[i] == '?')
			idx = atoi(sql + i + 1);
		else {
			if (k - i >= sizeof name)
				return 0;
			memcpy(name, sql + i, k - i);
			name[k - i] = '\0';
			idx = sqlite3_bind_parameter_index(st, name);
		}
		if (idx < 1 || idx > nvals || (lens[idx - 1] = literal_len(x + j))
		    == 0)
			return 0;
		vals[idx - 1] = x + j;
		j += lens[idx - 1];
		if (idx > last)
			last = idx;
		i = k;
	}
	return x[j] == '\0';
}

/* SQLITE_TRACE_STMT: a statement starts running. */
static int
show_run(unsigned type, void *ctx, void *p, void *x)
{
	sqlite3_stmt *st = p;
	const char *sql = sqlite3_sql(st), **vals;
	char *exp;
	size_t *lens;
	int i, n, nvals;

	(void)type;
	(void)ctx;
	/* A trigger's program starting ("-- TRIGGER ...") is no new run. */
	if (sql == NULL || (x != NULL && strncmp(x, "--", 2) == 0))
		return 0;
	for (i = nshown - 1; i >= 0; i--)
		if (shown[i].st == st && strcmp(shown[i].sql, sql) == 0)
			break;
	if (i < 0)
		return 0;
	n = shown[i].n;
	nvals = sqlite3_bind_parameter_count(st);
	if (nvals == 0) {
		fprintf(stderr, "plan: run %d:\n", n);
		return 0;
	}
	exp = sqlite3_expanded_sql(st);
	vals = calloc((size_t)nvals, sizeof *vals);
	lens = calloc((size_t)nvals, sizeof *lens);
	if (exp != NULL && vals != NULL && lens != NULL &&
	    bound_values(st, sql, exp, vals, lens, nvals)) {
		fprintf(stderr, "plan: run %d:", n);
		for (i = 0; i < nvals; i++)
			if (vals[i] != NULL)
				fprintf(stderr, " ?%d=%.*s", i + 1,
				    (int)lens[i], vals[i]);
		fputc('\n', stderr);
	} else
		fprintf(stderr, "plan: run %d: (values not known)\n", n);
	free(vals);
	free(lens);
	sqlite3_free(exp);
	return 0;
}

/* Keep 'st' of 'db' as statement number shown_count, for show_run(). */
static void
show_keep(struct pm_db *db, sqlite3_stmt *st)
{
	struct shown *ns;
	const char *sql = sqlite3_sql(st);
	int cap;

	if (nshown == shown_cap) {
		cap = shown_cap ? shown_cap * 2 : 64;
		if ((ns = realloc(shown, (size_t)cap * sizeof *ns)) == NULL)
			return;
		shown = ns;
		shown_cap = cap;
	}
	if (sql == NULL || (shown[nshown].sql = strdup(sql)) == NULL)
		return;
	shown[nshown].h = db->h;
	shown[nshown].st = st;
	shown[nshown].n = shown_count;
	nshown++;
	sqlite3_trace_v2(db->h, SQLITE_TRACE_STMT, show_run, NULL);
}

/* Forget the statements of a connection being closed. */
static void
show_forget(struct pm_db *db)
{
	int i, k = 0;

	for (i = 0; i < nshown; i++) {
		if (shown[i].h == db->h)
			free(shown[i].sql);
		else
			shown[k++] = shown[i];
	}
	nshown = k;
	if (nshown == 0) {
		free(shown);
		shown = NULL;
		shown_cap = 0;
	}
}

static void
show_plan(struct pm_db *db, const char *sql, int len)
{
	const char *detail;
	sqlite3_stmt *eqp;
	sqlite3_str *line;
	char *text, *q;
	int i, space = 0;

	if (!debug_plan())
		return;
	shown_count++;
	line = sqlite3_str_new(NULL);
	sqlite3_str_appendall(line, "plan: ");
	/* White space squeezed, so the SQL is one line however written. */
	for (i = 0; i < len; i++) {
		if (strchr(" \t\n\r\f\v", sql[i]) != NULL) {
			space = 1;
			continue;
		}
		if (space && sqlite3_str_length(line) > 6)
			sqlite3_str_appendchar(line, 1, ' ');
		space = 0;
		sqlite3_str_appendchar(line, 1, sql[i]);
	}
	sqlite3_str_appendchar(line, 1, '\n');
	if ((text = sqlite3_str_finish(line)) != NULL)
		fputs(text, stderr);
	sqlite3_free(text);
	if ((q = sqlite3_mprintf("EXPLAIN QUERY PLAN %.*s", len, sql)) == NULL)
		return;
	if (sqlite3_prepare_v2(db->h, q, -1, &eqp, NULL) != SQLITE_OK) {
		fprintf(stderr, "plan: (no plan: %s)\n", sqlite3_errmsg(db->h));
		sqlite3_free(q);
		return;
	}
	sqlite3_free(q);
	/* Columns: id, parent, notused, detail. */
	while (sqlite3_step(eqp) == SQLITE_ROW)
		if ((detail = pm_col_text(eqp, 3)) != NULL)
			fprintf(stderr, "plan: %s\n", detail);
	sqlite3_finalize(eqp);
}

/* Prepare the first statement of 'sql' with 'flags', as pm_db_prepare(). */
static int
prepare(struct pm_db *db, const char *sql, unsigned flags, sqlite3_stmt **st)
{
	const char *tail = NULL;
	int rc;

	*st = NULL;
	if (sqlite3_prepare_v3(db->h, sql, -1, flags, st, &tail) != SQLITE_OK) {
		*st = NULL;
		/*
		 * A busy or unreadable database keeps its status; anything
		 * else is an error in pm's own SQL, which the text shows.
		 */
		if ((rc = pm_db_error(db, "prepare")) == PM_EX_SOFTWARE)
			rc = pm_err(PM_EX_SOFTWARE, "prepare: %s: %s",
			    sqlite3_errmsg(db->h), sql);
		return rc;
	}
	if (*st == NULL)
		return pm_err(PM_EX_SOFTWARE, "prepare: no statement in %s",
		    pm_q(sql));
	show_plan(db, sql, tail != NULL ? (int)(tail - sql) : (int)strlen(sql));
	if (debug_plan())
		show_keep(db, *st);
	return 0;
}

int
pm_db_prepare(struct pm_db *db, const char *sql, sqlite3_stmt **st)
{
	return prepare(db, sql, 0, st);
}

/* Room for one more cached statement: the cache doubles when full. */
static int
cache_grow(struct pm_db *db)
{
	struct pm_db_cached *c;
	int cap;

	if (db->ncache < db->cache_cap)
		return 0;
	if (db->cache_cap > INT_MAX / 2)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	cap = db->cache_cap > 0 ? db->cache_cap * 2 : CACHE_FIRST;
	if ((c = reallocarray(db->cache, (size_t)cap, sizeof *c)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	db->cache = c;
	db->cache_cap = cap;
	return 0;
}

sqlite3_stmt *
pm_db_stmt(struct pm_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int i;

	/* Address first: callers pass literals, so this is the usual hit. */
	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql)
			goto found;
	for (i = 0; i < db->ncache; i++)
		if (strcmp(db->cache[i].sql, sql) == 0)
			goto found;
	/* Room first, so a statement is never prepared only to be dropped. */
	if (cache_grow(db) != 0 ||
	    prepare(db, sql, SQLITE_PREPARE_PERSISTENT, &st) != 0)
		return NULL;
	db->cache[db->ncache].sql = sql;
	db->cache[db->ncache].st = st;
	db->ncache++;
	return st;
found:
	st = db->cache[i].st;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

int
pm_db_version(struct pm_db *db, int *version)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL)
	    != SQLITE_OK)
		return pm_db_error(db, "read schema version");
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = pm_db_error(db, "read schema version");
		sqlite3_finalize(st);
		return rc;
	}
	*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Apply migrations after 'from' up to this build's version, in one go. */
static int
migrate_from(struct pm_db *db, int from)
{
	char pragma[64];
	int i, rc;

	for (i = from; i < pm_nmigrations; i++) {
		if ((rc = pm_db_exec(db, pm_migrations[i].sql)) != 0) {
			pm_err(rc, "schema migration %s: %s",
			    pm_migrations[i].name, sqlite3_errmsg(db->h));
			return rc;
		}
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
	    pm_nmigrations);
	return pm_db_exec(db, pragma);
}

static int
busy_timeout(void)
{
	const char *s = getenv("PM_BUSY_TIMEOUT");
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return DEFAULT_BUSY_MS;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 3600000)
		return -1;
	return (int)v;
}

/* What every connection needs: the busy timeout, error codes, foreign keys. */
static int
connect_settings(struct pm_db *db)
{
	int ms;

	if ((ms = busy_timeout()) < 0)
		return pm_err(PM_EX_USAGE, "PM_BUSY_TIMEOUT %s: not a number "
		    "of milliseconds", pm_q(getenv("PM_BUSY_TIMEOUT")));
	sqlite3_busy_timeout(db->h, ms);
	sqlite3_extended_result_codes(db->h, 1);
	return pm_db_exec(db, "PRAGMA foreign_keys = ON");
}

/*
 * Switch to WAL.  The pragma answers with the mode actually in force,
 * and a file system without the shared memory WAL needs (a network
 * file system, some container mounts) leaves the old one without any
 * error: readers would then wait on writers, and two machines sharing
 * the file could corrupt it.  Refuse, naming the file.
 */
static int
journal_wal(struct pm_db *db)
{
	sqlite3_stmt *st;
	const char *mode;
	int rc;

	if (sqlite3_prepare_v2(db->h, "PRAGMA journal_mode = WAL", -1, &st,
	    NULL) != SQLITE_OK)
		return pm_db_error(db, "set journal mode");
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = pm_db_error(db, "set journal mode");
		sqlite3_finalize(st);
		return rc;
	}
	mode = pm_col_text(st, 0);
	rc = 0;
	if (mode == NULL || strcmp(mode, "wal") != 0)
		rc = pm_err(PM_EX_CONFIG, "database %s: cannot be switched to "
		    "WAL mode (the journal mode stays %s: keep the database on "
		    "a local file system)", pm_q(db->path), pm_q(mode));
	sqlite3_finalize(st);
	return rc;
}

/*
 * What a writer's file needs.  Set only once the file is known to be a
 * pm database, because journal_mode writes to the file: a mistyped -d
 * naming someone else's SQLite file must not be changed by a refusal.
 *
 * WAL lets readers (reports) run while a writer commits; FULL makes a
 * command that said "done" survive a power cut.  Keeping the WAL file
 * between processes saves recreating it (and the directory fsyncs that
 * go with it) on every command; the size limit of 0 truncates it at the
 * closing checkpoint, or every new process would pay to open an ever
 * larger WAL.
 */
static int
durable_settings(struct pm_db *db)
{
	int persist = 1, rc;

	if ((rc = journal_wal(db)) != 0)
		return rc;
	if ((rc = pm_db_exec(db, "PRAGMA synchronous = FULL")) != 0)
		return rc;
	if ((rc = pm_db_exec(db, "PRAGMA journal_size_limit = 0")) != 0)
		return rc;
	sqlite3_file_control(db->h, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	return 0;
}

/*
 * A pm command is one thread: SQLite's global mutexes (its allocator's,
 * taken on every malloc to keep memory statistics nothing reads) and
 * those statistics are pure cost.  Set once, before SQLite starts; if
 * something started it already, it keeps its defaults.
 */
static void
sqlite_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	if (sqlite3_config(SQLITE_CONFIG_SINGLETHREAD) == SQLITE_OK)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static struct pm_db *
db_new(const char *path)
{
	struct pm_db *db;

	sqlite_setup();
	if ((db = calloc(1, sizeof *db)) == NULL)
		return NULL;
	if ((db->path = strdup(path)) == NULL) {
		free(db);
		return NULL;
	}
	db->prog = pm_progname();
	db->verb = "?";
	db->user = "?";
	return db;
}

/* Create the file ourselves, mode 0600, so no umask can widen it. */
static int
create_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return pm_err(PM_EX_CANTCREAT, "database %s: already "
			    "exists", pm_q(path));
		return pm_err(PM_EX_CANTCREAT, "database %s: %s", pm_q(path),
		    strerror(errno));
	}
	close(fd);
	return 0;
}

/* The schema version of a pm database; a file that is not one is refused. */
static int
read_pm_version(struct pm_db *db, int *v)
{
	int rc;

	if ((rc = pm_db_version(db, v)) != 0)
		return rc;
	if (*v == 0)
		return not_pm(db);
	return 0;
}

static int
too_new(struct pm_db *db, int v)
{
	return pm_err(PM_EX_CONFIG, "database %s: schema version %d is "
	    "newer than this pm's %d (install a newer pm)", pm_q(db->path), v,
	    pm_nmigrations);
}

static int
check_version(struct pm_db *db)
{
	int v, rc;

	if ((rc = read_pm_version(db, &v)) != 0)
		return rc;
	if (v < pm_nmigrations)
		return pm_err(PM_EX_CONFIG, "database %s: schema version %d "
		    "is older than this pm's %d (run 'pm-db migrate')",
		    pm_q(db->path), v, pm_nmigrations);
	if (v > pm_nmigrations)
		return too_new(db, v);
	return 0;
}

/*
 * Make the estate's zone the clock's, when an estate has been applied.
 * pm-db apply refused a zone that exists nowhere, but the database may
 * have come from a machine with more zone data than this one: the
 * command then runs in the default zone rather than not at all, and
 * says so, as its times are off by the difference.
 */
static int
load_zone(struct pm_db *db)
{
	char *zone;
	int rc;

	if ((rc = pm_db_meta(db, "timezone", &zone)) != 0 || zone == NULL)
		return rc;
	if (pm_clock_set_zone(zone) != 0) {
		pm_warn("time zone %s: not known on this system, so times are "
		    "in Asia/Shanghai instead (install tzdata)", pm_q(zone));
		/* The default zone, which pm knows without the zone files. */
		pm_clock_set_zone("Asia/Shanghai");
		pm_err_clear();
	}
	free(zone);
	return 0;
}

int
pm_db_open(const char *path, int flags, struct pm_db **out)
{
	struct pm_db *db;
	struct stat sb;
	int oflags, rc;

	*out = NULL;
	if (flags & PM_DB_CREATE) {
		if ((rc = create_file(path)) != 0)
			return rc;
	} else if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return pm_err(PM_EX_NOINPUT, "database %s: no such "
			    "file (create one with 'pm-db init -d %s')",
			    pm_q(path), path);
		return pm_err(PM_EX_NOINPUT, "database %s: %s", pm_q(path),
		    strerror(errno));
	}
	if ((db = db_new(path)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	/*
	 * A pm command is one thread: SQLite's own locks around every call
	 * are pure cost (a twentieth of a long report's time).
	 */
	oflags = ((flags & PM_DB_READONLY) ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		if (access(path, R_OK) != 0 && errno == EACCES)
			rc = pm_err(PM_EX_NOINPUT, "database %s: cannot read "
			    "it (check its permissions)", pm_q(path));
		else
			rc = pm_err(PM_EX_NOINPUT, "database %s: %s",
			    pm_q(path), db->h != NULL ? sqlite3_errmsg(db->h) :
			    "out of memory");
		goto fail;
	}
	if ((rc = connect_settings(db)) != 0)
		goto fail;
	if (flags & PM_DB_CREATE) {
		if ((rc = durable_settings(db)) != 0 ||
		    (rc = pm_db_begin(db)) != 0 ||
		    (rc = migrate_from(db, 0)) != 0 ||
		    (rc = pm_db_commit(db)) != 0)
			goto fail;
	} else {
		int v;

		if ((rc = (flags & PM_DB_ANY_VERSION) ?
		    read_pm_version(db, &v) : check_version(db)) != 0)
			goto fail;
		if (!(flags & PM_DB_READONLY) &&
		    (rc = durable_settings(db)) != 0)
			goto fail;
	}
	if (!(flags & PM_DB_ANY_VERSION) && (rc = load_zone(db)) != 0)
		goto fail;
	*out = db;
	return 0;
fail:
	pm_db_close(db);
	if (flags & PM_DB_CREATE)
		unlink(path);
	return rc;
}

int
pm_db_open_memory(struct pm_db **out)
{
	struct pm_db *db;
	int rc;

	*out = NULL;
	if ((db = db_new(":memory:")) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (sqlite3_open(":memory:", &db->h) != SQLITE_OK) {
		rc = pm_err(PM_EX_SOFTWARE, "open in-memory database");
		goto fail;
	}
	if ((rc = connect_settings(db)) != 0 || (rc = migrate_from(db, 0)) != 0)
		goto fail;
	*out = db;
	return 0;
fail:
	pm_db_close(db);
	return rc;
}

void
pm_db_close(struct pm_db *db)
{
	int i;

	if (db == NULL)
		return;
	if (db->in_tx)
		pm_db_rollback(db);
	for (i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].st);
	free(db->cache);
	if (nshown > 0)
		show_forget(db);
	if (db->cal != NULL) {
		pm_calendar_release(db->cal);
		free(db->cal);
	}
	free(db->ticket_sla);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}

void
pm_db_set_actor(struct pm_db *db, const char *prog, const char *verb,
    const char *user)
{
	db->prog = prog;
	db->verb = verb;
	db->user = user;
}

int
pm_db_begin(struct pm_db *db)
{
	int rc;

	if ((rc = pm_db_exec(db, "BEGIN IMMEDIATE")) != 0)
		return rc;
	db->in_tx = 1;
	return 0;
}

int
pm_db_read(struct pm_db *db)
{
	int rc;

	if ((rc = pm_db_exec(db, "BEGIN DEFERRED")) != 0)
		return rc;
	db->in_tx = 1;
	return 0;
}

int
pm_db_commit(struct pm_db *db)
{
	int rc;

	if ((rc = pm_db_exec(db, "COMMIT")) != 0) {
		pm_db_rollback(db);
		return rc;
	}
	db->in_tx = 0;
	return 0;
}

void
pm_db_rollback(struct pm_db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->in_tx = 0;
}

int
pm_db_meta(struct pm_db *db, const char *key, char **value)
{
	sqlite3_stmt *st;

	*value = NULL;
	st = pm_db_stmt(db, "SELECT value FROM meta WHERE key = ?1");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, key);
	return pm_db_one_text(db, st, value);
}

int
pm_db_one_text(struct pm_db *db, sqlite3_stmt *st, char **value)
{
	const char *v;
	int rc = 0;

	*value = NULL;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		if ((v = pm_col_text(st, 0)) != NULL &&
		    (*value = strdup(v)) == NULL)
			rc = pm_err(PM_EX_SOFTWARE, "out of memory");
		break;
	case SQLITE_DONE:
		break;
	default:
		/* Busy is not absent: the caller would go on without it. */
		rc = pm_db_error(db, "read settings");
		break;
	}
	sqlite3_reset(st);
	return rc;
}

int
pm_db_set_meta(struct pm_db *db, const char *key, const char *value)
{
	sqlite3_stmt *st;

	st = pm_db_stmt(db, "INSERT INTO meta(key, value) VALUES (?1, ?2)"
	    " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, key);
	pm_bind_text(st, 2, value);
	return pm_db_step_done(db, st, "set meta");
}

/* The new file 'dest' is no backup after all: remove it. */
static int
backup_fail(sqlite3 *to, const char *dest, int rc)
{
	sqlite3_close(to);
	unlink(dest);
	return rc;
}

/*
 * Copy 'src', a connection to db's database, to the new file 'dest'.
 *
 * The copy is one sqlite3_backup_step(b, -1): the whole database in one
 * read transaction on the source.  Copying in slices (256 pages a step)
 * lets others write in between, but any commit by another connection
 * restarts the copy from the first page, so a big database under steady
 * writes never finished, and pm-db migrate waited on it.  In WAL mode a
 * reader holds no writer up: their commits go to the WAL meanwhile, and
 * only the checkpoint waits for the copy to end.  VACUUM INTO is the
 * other way to copy in one read transaction, but it cannot run inside
 * the write transaction pm-db migrate holds, it rebuilds every table
 * and index rather than copying pages, and it does not sync its output
 * to disk, which a backup taken before changing the schema needs.
 */
static int
backup_to(struct pm_db *db, sqlite3 *src, const char *dest)
{
	sqlite3 *to;
	sqlite3_backup *b;
	int rc, ms;

	if ((rc = create_file(dest)) != 0)
		return rc;
	if (sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		return backup_fail(to, dest, pm_err(PM_EX_CANTCREAT,
		    "backup %s: %s", pm_q(dest), to != NULL ?
		    sqlite3_errmsg(to) : "out of memory"));
	ms = busy_timeout();
	sqlite3_busy_timeout(to, ms < 0 ? DEFAULT_BUSY_MS : ms);
	/* A backup is for when things go wrong: on disk when we say done. */
	if (sqlite3_exec(to, "PRAGMA synchronous = FULL", NULL, NULL, NULL) !=
	    SQLITE_OK ||
	    (b = sqlite3_backup_init(to, "main", src, "main")) == NULL)
		return backup_fail(to, dest, pm_err(PM_EX_CANTCREAT,
		    "backup %s: %s", pm_q(dest), sqlite3_errmsg(to)));
	/* The source's busy handler waits for its read lock, if need be. */
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	switch (rc) {
	case SQLITE_DONE:
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return backup_fail(to, dest, pm_err(PM_EX_BUSY, "backup %s: "
		    "database %s is busy (waited past the busy timeout; set "
		    "PM_BUSY_TIMEOUT in ms)", pm_q(dest), pm_q(db->path)));
	case SQLITE_NOMEM:
		return backup_fail(to, dest, pm_err(PM_EX_SOFTWARE,
		    "out of memory"));
	default:
		return backup_fail(to, dest, pm_err(PM_EX_IOERR, "backup %s: "
		    "%s", pm_q(dest), sqlite3_errmsg(to)));
	}
	if (sqlite3_close(to) != SQLITE_OK) {
		unlink(dest);
		return pm_err(PM_EX_IOERR, "backup %s: close failed",
		    pm_q(dest));
	}
	return 0;
}

int
pm_db_backup(struct pm_db *db, const char *dest)
{
	const char *file;
	sqlite3 *src;
	int rc, ms;

	if (sqlite3_txn_state(db->h, "main") != SQLITE_TXN_WRITE)
		return backup_to(db, db->h, dest);
	/*
	 * The backup API will not read through a connection that is in a
	 * write transaction (pm-db migrate holds one): read the last
	 * committed state through a connection of its own.  In WAL mode
	 * our write lock does not stop it reading.
	 */
	file = sqlite3_db_filename(db->h, "main");
	if (file == NULL || *file == '\0')
		return pm_err(PM_EX_SOFTWARE, "backup %s: an in-memory "
		    "database cannot be copied inside a transaction",
		    pm_q(dest));
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		rc = pm_err(PM_EX_NOINPUT, "database %s: %s", pm_q(db->path),
		    src != NULL ? sqlite3_errmsg(src) : "out of memory");
		sqlite3_close(src);
		return rc;
	}
	ms = busy_timeout();
	sqlite3_busy_timeout(src, ms < 0 ? DEFAULT_BUSY_MS : ms);
	sqlite3_extended_result_codes(src, 1);
	rc = backup_to(db, src, dest);
	sqlite3_close(src);
	return rc;
}

static int
group_error(const char *path, const char *group)
{
	/* The files' permissions, not a staff role: not PM_EX_NOPERM. */
	int code = errno == EPERM || errno == EACCES ? PM_EX_CANTCREAT :
	    PM_EX_IOERR;

	return pm_err(code, "database %s: cannot give it to group %s: %s",
	    pm_q(path), pm_q(group), strerror(errno));
}

int
pm_db_set_group(struct pm_db *db, const char *group)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char *path[3] = { NULL, NULL, NULL };
	int have[3] = { 0, 0, 0 };
	const char *file;
	struct group *gr;
	int i, rc = 0;

	if ((gr = getgrnam(group)) == NULL)
		return pm_err(PM_EX_CONFIG, "group %s: no such group",
		    pm_q(group));
	file = sqlite3_db_filename(db->h, "main");
	if (file == NULL || *file == '\0')
		return 0;
	for (i = 0; i < 3; i++)
		if (asprintf(&path[i], "%s%s", db->path, suffix[i]) < 0) {
			path[i] = NULL;
			rc = pm_err(PM_EX_SOFTWARE, "out of memory");
			goto out;
		}
	/*
	 * The group first, for every file: the mode opens a file to its
	 * group only once that group is the one named.  A -wal or -shm
	 * that is not there now (or went since) is made later like the
	 * main file.
	 */
	for (i = 0; i < 3; i++) {
		if (chown(path[i], (uid_t)-1, gr->gr_gid) == 0)
			have[i] = 1;
		else if (i == 0 || errno != ENOENT) {
			rc = group_error(path[i], group);
			goto out;
		}
	}
	for (i = 0; i < 3; i++)
		if (have[i] && chmod(path[i], 0660) != 0 &&
		    (i == 0 || errno != ENOENT)) {
			rc = group_error(path[i], group);
			goto out;
		}
out:
	for (i = 0; i < 3; i++)
		free(path[i]);
	return rc;
}

int
pm_db_migrate(struct pm_db *db, int *from, int *to, char **backup_path)
{
	char *bak = NULL;
	int v, rc;

	*backup_path = NULL;
	*from = 0;
	*to = pm_nmigrations;
	/*
	 * The write lock first, then the version: read before it, two
	 * migrates at once could both see the old version and both
	 * migrate.  While we hold it no one else commits, so the backup,
	 * which reads the last committed state, is of the version read.
	 */
	if ((rc = pm_db_begin(db)) != 0)
		return rc;
	if ((rc = read_pm_version(db, &v)) != 0)
		goto fail;
	*from = v;
	if (v > pm_nmigrations) {
		rc = too_new(db, v);
		goto fail;
	}
	if (v == pm_nmigrations) {
		pm_db_rollback(db);
		return 0;
	}
	if (asprintf(&bak, "%s.v%d.bak", db->path, v) < 0) {
		bak = NULL;
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
		goto fail;
	}
	if ((rc = pm_db_backup(db, bak)) != 0) {
		free(bak);
		bak = NULL;
		goto fail;
	}
	if ((rc = migrate_from(db, v)) != 0 || (rc = pm_db_commit(db)) != 0) {
		/*
		 * Rolled back, the database is the backup's twin: remove
		 * the backup, or it would stand in the way of a retry.
		 */
		unlink(bak);
		goto fail;
	}
	*backup_path = bak;
	return 0;
fail:
	pm_db_rollback(db);
	free(bak);
	return rc;
}

static int
check_pragma(struct pm_db *db, const char *sql, int fk,
    void (*report)(const char *, void *), void *arg)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return pm_db_error(db, "check");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *line;

		if (fk) {
			line = sqlite3_mprintf("table '%s' row %lld: broken "
			    "reference to '%s'",
			    pm_col_text(st, 0), sqlite3_column_int64(st, 1),
			    pm_col_text(st, 2));
		} else {
			const char *t = pm_col_text(st, 0);
			if (t != NULL && strcmp(t, "ok") == 0)
				continue;
			line = sqlite3_mprintf("%s", t ? t : "?");
		}
		found = 1;
		report(line ? line : "out of memory", arg);
		sqlite3_free(line);
	}
	if (rc != SQLITE_DONE) {
		rc = pm_db_error(db, "check");
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return found ? PM_EX_FOUND : 0;
}

/*
 * Working-time deadlines need each year's holidays and make-up days,
 * which China announces late in the year before.  An estate that keeps a
 * calendar at all should have this year's, and from December next
 * year's, or deadlines then silently count 元旦 as a working day.
 */
static int
check_calendar_year(struct pm_db *db, void (*report)(const char *, void *),
    void *arg)
{
	char today[PM_DATE_LEN], year[5], line[160];
	sqlite3_stmt *st;
	int rc, y, found = 0, last;

	st = pm_db_stmt(db, "SELECT count(*) FROM calendar_days");
	if (st == NULL)
		return pm_err_code();
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = pm_db_error(db, "check calendar");
		sqlite3_reset(st);
		return rc;
	}
	if (sqlite3_column_int(st, 0) == 0) {
		sqlite3_reset(st);
		return 0;
	}
	sqlite3_reset(st);
	pm_date_local(pm_now(), today);
	y = atoi(today);
	last = strncmp(today + 5, "12", 2) == 0 ? y + 1 : y;
	for (; y <= last; y++) {
		snprintf(year, sizeof year, "%04d", y);
		st = pm_db_stmt(db, "SELECT 1 FROM calendar_days"
		    " WHERE date >= ?1 || '-01-01' AND date <= ?1 || '-12-31'"
		    " LIMIT 1");
		if (st == NULL)
			return pm_err_code();
		pm_bind_text(st, 1, year);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc == SQLITE_ROW)
			continue;
		if (rc != SQLITE_DONE)
			return pm_db_error(db, "check calendar");
		snprintf(line, sizeof line, "calendar: no public holidays or "
		    "make-up working days for %s (add them to the estate's "
		    "calendar file and apply it)", year);
		if (report != NULL)
			report(line, arg);
		found = 1;
	}
	return found ? PM_EX_FOUND : 0;
}

int
pm_db_check(struct pm_db *db, void (*report)(const char *, void *), void *arg)
{
	int a, b, c;

	a = check_pragma(db, "PRAGMA integrity_check", 0, report, arg);
	if (a > PM_EX_FOUND)
		return a;
	b = check_pragma(db, "PRAGMA foreign_key_check", 1, report, arg);
	if (b > PM_EX_FOUND)
		return b;
	c = check_calendar_year(db, report, arg);
	if (c > PM_EX_FOUND)
		return c;
	return (a || b || c) ? PM_EX_FOUND : 0;
}

const struct pm_calendar *
pm_db_calendar(struct pm_db *db)
{
	struct pm_calendar *cal;
	sqlite3_stmt *st;
	char *hours;
	int rc;

	if (db->cal != NULL)
		return db->cal;
	if ((cal = malloc(sizeof *cal)) == NULL) {
		pm_err(PM_EX_SOFTWARE, "out of memory");
		return NULL;
	}
	pm_calendar_init(cal);
	if (pm_db_meta(db, "working_hours", &hours) != 0 ||
	    (hours != NULL && pm_calendar_set_hours(cal, hours) != 0))
		goto fail;
	st = pm_db_stmt(db, "SELECT date, working FROM calendar_days");
	if (st == NULL)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (pm_calendar_add_day(cal, pm_col_text(st, 0),
		    sqlite3_column_int(st, 1)) != 0) {
			sqlite3_reset(st);
			goto fail;
		}
	if (rc != SQLITE_DONE) {
		pm_db_error(db, "read calendar");
		sqlite3_reset(st);
		goto fail;
	}
	sqlite3_reset(st);
	free(hours);
	db->cal = cal;
	return cal;
fail:
	free(hours);
	pm_calendar_release(cal);
	free(cal);
	return NULL;
}
