/*
 * pm-unit - list and show units, set their owners and occupancy, and
 * import owners from a file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mask.h"
#include "money.h"
#include "rec.h"
#include "unit.h"

static const char usage[] =
    "pm-unit list [--building code] [--occupancy state] [--public]"
    " [--reveal]\n"
    "pm-unit show [--reveal] code ...\n"
    "pm-unit set [--owner name] [--phone phone] [--id-number number]"
    " [--occupancy state] [--condition condition] code ...\n"
    "pm-unit import [-n] [--from format] [file]";

enum {
	OPT_PUBLIC = 0x100,
	OPT_REVEAL,
	OPT_OWNER,
	OPT_PHONE,
	OPT_ID,
	OPT_CONDITION
};

static const struct pm_col unit_cols[] = {
	{ "code", PM_COL_TEXT },
	{ "building", PM_COL_TEXT },
	{ "entrance", PM_COL_INT },
	{ "floor", PM_COL_INT },
	{ "area", PM_COL_NUM },
	{ "occupancy", PM_COL_TEXT },
	{ "condition", PM_COL_TEXT },
	{ "owner_name", PM_COL_TEXT },
	{ "owner_phone", PM_COL_TEXT },
};

static const struct pm_col public_cols[] = {
	{ "code", PM_COL_TEXT },
	{ "name", PM_COL_TEXT },
	{ "area", PM_COL_NUM },
	{ "condition", PM_COL_TEXT },
};

static const struct pm_col show_cols[] = {
	{ "code", PM_COL_TEXT },
	{ "kind", PM_COL_TEXT },
	{ "name", PM_COL_TEXT },
	{ "building", PM_COL_TEXT },
	{ "entrance", PM_COL_INT },
	{ "floor", PM_COL_INT },
	{ "area", PM_COL_NUM },
	{ "occupancy", PM_COL_TEXT },
	{ "condition", PM_COL_TEXT },
	{ "owner_name", PM_COL_TEXT },
	{ "owner_phone", PM_COL_TEXT },
	{ "owner_id_number", PM_COL_TEXT },
	{ "retired", PM_COL_INT },
};

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* What the printing callbacks need. */
struct print {
	struct pm_cli *cli;
	struct pm_out *o;
	int reveal;
	int public_areas;
	int show;
};

/* An entrance or floor of 0 is one the record does not have. */
static void
out_int_or_null(struct pm_out *o, int v)
{
	if (v == 0)
		pm_out_text(o, NULL);
	else
		pm_out_int(o, v);
}

static void
out_area(struct pm_out *o, int64_t area)
{
	char buf[PM_MONEY_LEN];

	pm_out_text(o, pm_hundredths_fmt(area, buf));
}

/*
 * The writer is made at the first row, so a list that fails before it
 * (an unknown building) prints nothing but the error.
 */
static struct pm_out *
writer(struct print *p)
{
	if (p->o != NULL)
		return p->o;
	if (p->show) {
		p->o = pm_cli_out(p->cli, show_cols, NCOLS(show_cols));
		pm_out_vertical(p->o, 1);
	} else if (p->public_areas)
		p->o = pm_cli_out(p->cli, public_cols, NCOLS(public_cols));
	else
		p->o = pm_cli_out(p->cli, unit_cols, NCOLS(unit_cols));
	return p->o;
}

static int
print_unit(const struct pm_unit *u, void *arg)
{
	struct print *p = arg;
	struct pm_out *o = writer(p);
	char m1[PM_MASK_MAX], m2[PM_MASK_MAX];

	pm_out_text(o, u->code);
	if (p->public_areas) {
		pm_out_text(o, u->name);
		out_area(o, u->area);
		pm_out_text(o, u->condition);
		pm_out_row(o);
		return 0;
	}
	/* The show columns are the list columns with a few more around. */
	if (p->show) {
		pm_out_text(o, u->kind);
		pm_out_text(o, u->name);
	}
	pm_out_text(o, u->building);
	out_int_or_null(o, u->entrance);
	out_int_or_null(o, u->floor);
	out_area(o, u->area);
	pm_out_text(o, u->occupancy);
	pm_out_text(o, u->condition);
	pm_out_text(o, u->owner_name);
	pm_out_text(o, pm_mask_unless(u->owner_phone, p->reveal, m1));
	if (p->show) {
		pm_out_text(o, pm_mask_unless(u->owner_id_number, p->reveal,
		    m2));
		pm_out_int(o, u->retired);
	}
	pm_out_row(o);
	return 0;
}

/* Close the writer (made now if no row came) and keep the first error. */
static int
finish(struct print *p, int rc)
{
	int wrc;

	if (p->o == NULL && rc == 0)
		writer(p);
	wrc = pm_out_close(p->o);
	return rc != 0 ? rc : wrc;
}

static int
cmd_list(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "building", required_argument, NULL, 'b' },
		{ "occupancy", required_argument, NULL, 's' },
		{ "public", no_argument, NULL, OPT_PUBLIC },
		{ "reveal", no_argument, NULL, OPT_REVEAL },
		{ NULL, 0, NULL, 0 }
	};
	struct pm_unit_filter f;
	struct print p;
	struct pm_db *db;
	int c, rc;

	memset(&f, 0, sizeof f);
	memset(&p, 0, sizeof p);
	p.cli = cli;
	while ((c = pm_cli_getopt(cli, argc, argv, "b:s:", longopts)) != -1)
		switch (c) {
		case 'b':
			f.building = optarg;
			break;
		case 's':
			if (pm_unit_check_occupancy(optarg) != 0)
				return pm_cli_bad("occupancy", optarg,
				    "unknown occupancy (choose occupied, "
				    "vacant or rented)");
			f.occupancy = optarg;
			break;
		case OPT_PUBLIC:
			f.public_areas = p.public_areas = 1;
			break;
		case OPT_REVEAL:
			p.reveal = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if (f.public_areas && (f.building != NULL || f.occupancy != NULL))
		return pm_err(PM_EX_USAGE, "--public lists public areas, which "
		    "have no building or occupancy");
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	rc = pm_unit_list(db, &f, print_unit, &p);
	rc = finish(&p, rc);
	pm_db_close(db);
	return rc;
}

struct show {
	struct pm_db *db;
	struct print p;
};

static int
show_one(const char *code, void *arg)
{
	struct show *s = arg;

	return pm_unit_get(s->db, code, print_unit, &s->p);
}

static int
cmd_show(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "reveal", no_argument, NULL, OPT_REVEAL },
		{ NULL, 0, NULL, 0 }
	};
	struct show s;
	int c, rc;

	memset(&s, 0, sizeof s);
	s.p.cli = cli;
	s.p.show = 1;
	while ((c = pm_cli_getopt(cli, argc, argv, "", longopts)) != -1)
		if (c == OPT_REVEAL)
			s.p.reveal = 1;
		else
			return pm_cli_usage(cli);
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &s.db)) != 0)
		return rc;
	/* What was found before an unknown code is still printed. */
	rc = pm_cli_each_id(cli, argc, argv, show_one, &s);
	if (s.p.o != NULL || rc == 0)
		rc = finish(&s.p, rc);
	pm_db_close(s.db);
	return rc;
}

/*
 * The codes a command changed, kept until the commit succeeds so that
 * nothing is printed for a change that was rolled back.
 */
struct codes {
	char **v;
	size_t n, cap;
};

static int
codes_add(const char *code, void *arg)
{
	struct codes *c = arg;
	char **v;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		if ((v = realloc(c->v, c->cap * sizeof *v)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		c->v = v;
	}
	if ((c->v[c->n] = strdup(code)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	c->n++;
	return 0;
}

static void
codes_print_free(struct pm_cli *cli, struct codes *c, int print)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (print)
			pm_cli_print_id(cli, c->v[i]);
		free(c->v[i]);
	}
	free(c->v);
}

struct set {
	struct pm_db *db;
	struct pm_unit_change change;
	struct codes codes;
};

static int
set_one(const char *code, void *arg)
{
	struct set *s = arg;
	int rc, changed;

	if ((rc = pm_unit_set(s->db, code, &s->change, &changed)) != 0)
		return rc;
	return changed ? codes_add(code, &s->codes) : 0;
}

static int
cmd_set(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "owner", required_argument, NULL, OPT_OWNER },
		{ "phone", required_argument, NULL, OPT_PHONE },
		{ "id-number", required_argument, NULL, OPT_ID },
		{ "occupancy", required_argument, NULL, 's' },
		{ "condition", required_argument, NULL, OPT_CONDITION },
		{ NULL, 0, NULL, 0 }
	};
	struct pm_unit_change *ch;
	struct set s;
	int c, rc;

	memset(&s, 0, sizeof s);
	ch = &s.change;
	while ((c = pm_cli_getopt(cli, argc, argv, "s:", longopts)) != -1)
		switch (c) {
		case OPT_OWNER:
			ch->owner_name = optarg;
			break;
		case OPT_PHONE:
			ch->owner_phone = optarg;
			break;
		case OPT_ID:
			ch->owner_id_number = optarg;
			break;
		case 's':
			ch->occupancy = optarg;
			break;
		case OPT_CONDITION:
			ch->condition = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if (ch->owner_name == NULL && ch->owner_phone == NULL &&
	    ch->owner_id_number == NULL && ch->occupancy == NULL &&
	    ch->condition == NULL)
		return pm_err(PM_EX_USAGE, "nothing to set (give --owner, "
		    "--phone, --id-number, --occupancy or --condition)");
	/* Bad values are refused before the database is opened. */
	if ((rc = pm_unit_check_change(ch)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &s.db)) != 0)
		return rc;
	if ((rc = pm_db_begin(s.db)) == 0 &&
	    (rc = pm_cli_each_id(cli, argc, argv, set_one, &s)) == 0)
		rc = pm_db_commit(s.db);
	else
		pm_db_rollback(s.db);
	codes_print_free(cli, &s.codes, rc == 0);
	pm_db_close(s.db);
	return rc;
}

static void
report(const char *msg, void *arg)
{
	pm_warn("%s", msg);
}

static int
cmd_import(struct pm_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum pm_rec_fmt fmt = PM_REC_AUTO;
	struct codes codes;
	struct pm_db *db;
	int c, rc, dry = 0;

	memset(&codes, 0, sizeof codes);
	while ((c = pm_cli_getopt(cli, argc, argv, "nf:", longopts)) != -1)
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
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	if ((rc = pm_db_begin(db)) == 0 &&
	    (rc = pm_unit_import(db, argc ? argv[0] : NULL, fmt, codes_add,
	    report, &codes)) == 0 && !dry)
		rc = pm_db_commit(db);
	else
		pm_db_rollback(db);
	codes_print_free(cli, &codes, rc == 0);
	pm_db_close(db);
	return rc;
}

static const struct pm_cli_verb verbs[] = {
	{ "list", cmd_list },
	{ "show", cmd_show },
	{ "set", cmd_set },
	{ "import", cmd_import },
	{ NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, usage, verbs);
}
