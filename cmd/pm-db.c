/*
 * pm-db - create, load, upgrade, check and back up the pm database.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"
#include "estate.h"
#include "i18n.h"
#include "summary.h"
#include "vocab.h"

static int
cmd_init(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db;
	int rc;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_DB_CREATE, &db)) != 0)
		return rc;
	pm_db_close(db);
	return 0;
}

/*
 * What apply did, kept until the commit (or, with -n, the rollback) is
 * done, so nothing claims a change that was rolled back: the counts, and
 * with -n the rows, already formatted into memory.
 */
struct apply_report {
	struct {
		const char *what;
		int added, changed, retired;
	} kind[48];
	int n;
	struct pm_out *rows;	/* -n: the rows, into 'mem' */
	FILE *mem;
	char *buf;
	size_t len;
};

static void
report_kind(const char *what, int added, int changed, int retired, void *arg)
{
	struct apply_report *r = arg;

	if ((added == 0 && changed == 0 && retired == 0) ||
	    r->n == (int)(sizeof r->kind / sizeof r->kind[0]))
		return;
	r->kind[r->n].what = what;
	r->kind[r->n].added = added;
	r->kind[r->n].changed = changed;
	r->kind[r->n].retired = retired;
	r->n++;
}

static void
report_row(const char *what, const char *action, const char *key,
    const char *change, void *arg)
{
	struct apply_report *r = arg;

	pm_out_text(r->rows, action);
	pm_out_text(r->rows, what);
	pm_out_text(r->rows, key);
	pm_out_text(r->rows, change);
	pm_out_row(r->rows);
}

static const struct pm_col apply_cols[] = {
	{ N_("kind"), PM_COL_TEXT, &pm_v_estate_kind },
	{ N_("added"), PM_COL_INT, NULL },
	{ N_("changed"), PM_COL_INT, NULL },
	{ N_("retired"), PM_COL_INT, NULL },
};

/* The second record stream of "apply -n": one row per record. */
static const struct pm_col apply_row_cols[] = {
	{ N_("action"), PM_COL_TEXT, &pm_v_estate_action },
	{ N_("kind"), PM_COL_TEXT, &pm_v_estate_kind },
	{ N_("key"), PM_COL_TEXT, NULL },
	{ N_("change"), PM_COL_TEXT, NULL },
};

/*
 * The counts, then (-n) a blank line and the rows.  A table says "no
 * changes" when there are none; the other formats carry records only,
 * and so print nothing.
 */
static int
print_report(struct pm_cli *cli, struct apply_report *r)
{
	struct pm_out *o;
	int i, rc;

	if (cli->quiet)
		return 0;
	if (r->n == 0) {
		if (cli->format == PM_FMT_TABLE)
			printf("%s\n", _("no changes"));
		return 0;
	}
	o = pm_cli_out(cli, apply_cols, 4);
	for (i = 0; i < r->n; i++) {
		pm_out_text(o, r->kind[i].what);
		pm_out_int(o, r->kind[i].added);
		pm_out_int(o, r->kind[i].changed);
		pm_out_int(o, r->kind[i].retired);
		pm_out_row(o);
	}
	if ((rc = pm_out_close(o)) != 0 || r->len == 0)
		return rc;
	/* JSON Lines tell the streams apart by their keys. */
	if (cli->format != PM_FMT_JSON)
		putchar('\n');
	fwrite(r->buf, 1, r->len, stdout);
	return 0;
}

/* Start the rows of -n, in the output's format, into memory. */
static int
rows_start(struct pm_cli *cli, struct apply_report *r)
{
	if ((r->mem = open_memstream(&r->buf, &r->len)) == NULL ||
	    (r->rows = pm_out_new(r->mem, cli->format, cli->header,
	    apply_row_cols, 4)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return 0;
}

/* Finish the rows (tables are laid out now); the text is in r->buf. */
static int
rows_end(struct apply_report *r)
{
	int rc = 0;

	if (r->rows != NULL)
		rc = pm_out_close(r->rows);
	r->rows = NULL;
	if (r->mem != NULL && fclose(r->mem) != 0 && rc == 0)
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
	r->mem = NULL;
	return rc;
}

static int
cmd_apply(struct pm_cli *cli, int argc, char **argv)
{
	struct apply_report rep;
	struct pm_estate_report er;
	struct pm_estate *e = NULL;
	struct pm_db *db = NULL;
	int c, dry = 0, rc, rc2;

	memset(&rep, 0, sizeof rep);
	memset(&er, 0, sizeof er);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		if (c == 'n')
			dry = 1;
		else
			return pm_cli_usage(cli);
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 1, 1)) != 0)
		return rc;
	/*
	 * Its reader is a person, who applied a file by hand and wants to
	 * see what it did, even in a pipe or a mail.
	 */
	pm_cli_for_people(cli);
	/* Read and check the whole file before touching the database. */
	if ((rc = pm_estate_load(argv[optind], &e)) != 0)
		return rc;
	er.count = report_kind;
	er.arg = &rep;
	/* A dry run names every row it would write. */
	if (dry && !cli->quiet) {
		if ((rc = rows_start(cli, &rep)) != 0)
			goto out;
		er.row = report_row;
	}
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		goto out;
	if ((rc = pm_db_begin(db)) != 0 ||
	    (rc = pm_estate_apply(db, e, &er)) != 0)
		goto out;
	/*
	 * Share the files with the estate's group before the commit, so a
	 * user who may not give them to it gets an error and the data
	 * stays as it was.  The files' group and mode are not data: if
	 * the commit then fails, the files are shared and nothing else
	 * has changed, which is harmless.  A dry run changes nothing.
	 */
	if (!dry && e->group != NULL &&
	    (rc = pm_db_set_group(db, e->group)) != 0)
		goto out;
	if (dry)
		pm_db_rollback(db);
	else if ((rc = pm_db_commit(db)) != 0)
		goto out;
	if ((rc = rows_end(&rep)) == 0)
		rc = print_report(cli, &rep);
out:
	rc2 = rows_end(&rep);
	free(rep.buf);
	pm_db_close(db);
	pm_estate_free(e);
	return rc != 0 ? rc : rc2;
}

static int
cmd_migrate(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db;
	char *bak = NULL;
	int from, to, rc;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_DB_ANY_VERSION, &db)) != 0)
		return rc;
	rc = pm_db_migrate(db, &from, &to, &bak);
	if (rc == 0 && !cli->quiet) {
		if (from == to)
			printf(_("schema version %d is current\n"), to);
		else
			printf(_("migrated schema version %d to %d (backup %s)"
			    "\n"), from, to, pm_q(bak));
	}
	free(bak);
	pm_db_close(db);
	return rc;
}

static void
print_problem(const char *line, void *arg)
{
	printf("%s\n", line);
}

static int
cmd_check(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db;
	int rc;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	rc = pm_db_check(db, print_problem, NULL);
	if (rc == 0 && !cli->quiet)
		printf("%s\n", _("ok"));
	pm_db_close(db);
	return rc;
}

static int
cmd_backup(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db;
	int rc;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 1, 1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_DB_READONLY, &db)) != 0)
		return rc;
	rc = pm_db_backup(db, argv[0]);
	pm_db_close(db);
	return rc;
}

static const struct pm_col summary_cols[] = {
	{ N_("building"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("units"), PM_COL_INT, NULL },
	{ N_("occupied"), PM_COL_INT, NULL },
	{ N_("rented"), PM_COL_INT, NULL },
	{ N_("vacant"), PM_COL_INT, NULL },
	{ N_("area_m2"), PM_COL_NUM, NULL },
};

static int
summary_row(const struct pm_summary_row *r, void *arg)
{
	struct pm_out *o = arg;
	char area[32];

	snprintf(area, sizeof area, "%lld.%02lld", (long long)(r->area / 100),
	    (long long)(r->area % 100));
	pm_out_text(o, r->building);
	pm_out_text(o, r->name);
	pm_out_int(o, r->units);
	pm_out_int(o, r->occupied);
	pm_out_int(o, r->rented);
	pm_out_int(o, r->vacant);
	pm_out_text(o, area);
	pm_out_row(o);
	return 0;
}

static int
cmd_summary(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_db *db;
	struct pm_out *o;
	int rc, wrc;

	if ((rc = pm_cli_plain(cli, &argc, &argv, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, PM_DB_READONLY, &db)) != 0)
		return rc;
	o = pm_cli_out(cli, summary_cols, 7);
	rc = pm_summary(db, summary_row, o);
	wrc = pm_out_close(o);
	pm_db_close(db);
	return rc ? rc : wrc;
}

static const struct pm_opt apply_opts[] = {
	{ "dry-run", 'n', NULL,
	    N_("check the file and show what would change, keeping nothing") },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_cli_verb verbs[] = {
	{ "init", cmd_init, N_("[-d path]"),
	    N_("create a new database (mode 0600) with the current schema"),
	    NULL, NULL },
	{ "apply", cmd_apply, N_("[-n] [-d path] [-o format] [--header] file"),
	    N_("load the estate file: add, change and retire what it says"),
	    apply_opts, NULL },
	{ "migrate", cmd_migrate, N_("[-d path]"),
	    N_("upgrade the schema, after an online backup to PATH.vN.bak"),
	    NULL, NULL },
	{ "check", cmd_check, N_("[-d path]"),
	    N_("check integrity, references and this year's holidays; exit 1 "
	    "on a problem"), NULL, NULL },
	{ "backup", cmd_backup, N_("[-d path] file"),
	    N_("copy the database while others use it"), NULL, NULL },
	{ "summary", cmd_summary, N_("[-d path] [-o format] [--header]"),
	    N_("units, occupancy and floor area per building"), NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
