/*
 * pm-staff - list and show the staff of the service center.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mask.h"
#include "staff.h"

static const char usage[] =
    "pm-staff list [--department code] [--role role] [--reveal]\n"
    "pm-staff show [--reveal] login ...";

enum {
	OPT_DEPARTMENT = 0x100,
	OPT_ROLE,
	OPT_REVEAL
};

static const struct pm_col list_cols[] = {
	{ "login", PM_COL_TEXT },
	{ "name", PM_COL_TEXT },
	{ "department", PM_COL_TEXT },
	{ "department_name", PM_COL_TEXT },
	{ "role", PM_COL_TEXT },
	{ "phone", PM_COL_TEXT },
	{ "retired", PM_COL_INT },	/* show only */
};

#define NLIST 6
#define NSHOW 7

struct print {
	struct pm_cli *cli;
	struct pm_out *o;
	int reveal;
	int show;
};

/* Made at the first row, so a failing list prints only its error. */
static struct pm_out *
writer(struct print *p)
{
	if (p->o == NULL) {
		p->o = pm_cli_out(p->cli, list_cols, p->show ? NSHOW : NLIST);
		pm_out_vertical(p->o, p->show);
	}
	return p->o;
}

static int
print_staff(const struct pm_staff *s, void *arg)
{
	struct print *p = arg;
	struct pm_out *o = writer(p);
	char m[PM_MASK_MAX];

	pm_out_text(o, s->login);
	pm_out_text(o, s->name);
	pm_out_text(o, s->department);
	pm_out_text(o, s->department_name);
	pm_out_text(o, s->role);
	pm_out_text(o, pm_mask_unless(s->phone, p->reveal, m));
	if (p->show)
		pm_out_int(o, s->retired);
	pm_out_row(o);
	return 0;
}

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
		{ "department", required_argument, NULL, OPT_DEPARTMENT },
		{ "role", required_argument, NULL, OPT_ROLE },
		{ "reveal", no_argument, NULL, OPT_REVEAL },
		{ NULL, 0, NULL, 0 }
	};
	struct pm_staff_filter f;
	struct print p;
	struct pm_db *db;
	int c, rc;

	memset(&f, 0, sizeof f);
	memset(&p, 0, sizeof p);
	p.cli = cli;
	while ((c = pm_cli_getopt(cli, argc, argv, "", longopts)) != -1)
		switch (c) {
		case OPT_DEPARTMENT:
			f.department = optarg;
			break;
		case OPT_ROLE:
			if (pm_staff_check_role(optarg) != 0)
				return pm_cli_bad("role", optarg, "unknown "
				    "role (choose staff, lead, supervisor or "
				    "manager)");
			f.role = optarg;
			break;
		case OPT_REVEAL:
			p.reveal = 1;
			break;
		default:
			return pm_cli_usage(cli);
		}
	if ((rc = pm_cli_operands(cli, argc - optind, argv + optind, 0, 0)) != 0)
		return rc;
	if ((rc = pm_cli_open(cli, 0, &db)) != 0)
		return rc;
	rc = finish(&p, pm_staff_list(db, &f, print_staff, &p));
	pm_db_close(db);
	return rc;
}

struct show {
	struct pm_db *db;
	struct print p;
};

static int
show_one(const char *login, void *arg)
{
	struct show *s = arg;

	return pm_staff_get(s->db, login, print_staff, &s->p);
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
	/* What was found before an unknown login is still printed. */
	rc = pm_cli_each_id(cli, argc, argv, show_one, &s);
	if (s.p.o != NULL || rc == 0)
		rc = finish(&s.p, rc);
	pm_db_close(s.db);
	return rc;
}

static const struct pm_cli_verb verbs[] = {
	{ "list", cmd_list },
	{ "show", cmd_show },
	{ NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, usage, verbs);
}
