/*
 * pm-unit - units, public areas and buildings: list and show them, set
 * owners, occupancy and condition, and import owners from a file.
 * Options and glue only; the work is in libpm/unit.c.
 */
#include <string.h>

#include "cli.h"
#include "import.h"
#include "unit.h"

enum {
	OPT_OWNER = PM_OPT_LONG,
	OPT_PHONE,
	OPT_ID,
	OPT_CONDITION
};

static const struct pm_opt set_opts[] = {
	{ "owner", OPT_OWNER, N_("name"),
	    N_("the owner's name (\"\" when no longer known)") },
	{ "phone", OPT_PHONE, N_("phone"),
	    N_("the owner's phone: a mobile or a landline number") },
	{ "id-number", OPT_ID, N_("number"),
	    N_("the owner's resident ID number (18 characters)") },
	{ "occupancy", 's', N_("state"),
	    N_("occupied, vacant or rented (自住, 空置, 出租)") },
	{ "condition", OPT_CONDITION, N_("condition"),
	    N_("good, basic or poor (完好, 基本完好, 损坏)") },
	{ NULL, 0, NULL, NULL }
};

static int
set_one(struct pm_db *db, const char *code, char *canon, size_t len,
    void *arg)
{
	int rc, changed;

	if ((rc = pm_rec_find(db, &pm_unit_type, code, canon, len)) != 0 ||
	    (rc = pm_unit_set(db, canon, arg, &changed)) != 0)
		return rc;
	return changed ? 0 : PM_UNCHANGED;
}

static int
cmd_set(struct pm_cli *cli, int argc, char **argv)
{
	struct pm_unit_change ch;
	int c, rc;

	memset(&ch, 0, sizeof ch);
	while ((c = pm_cli_getopt(cli, argc, argv)) != -1)
		switch (c) {
		case OPT_OWNER:
			ch.owner_name = optarg;
			break;
		case OPT_PHONE:
			ch.owner_phone = optarg;
			break;
		case OPT_ID:
			ch.owner_id_number = optarg;
			break;
		case 's':
			ch.occupancy = optarg;
			break;
		case OPT_CONDITION:
			ch.condition = optarg;
			break;
		default:
			return pm_cli_usage(cli);
		}
	argc -= optind;
	argv += optind;
	if ((rc = pm_cli_operands(cli, argc, argv, 1, -1)) != 0)
		return rc;
	if (ch.owner_name == NULL && ch.owner_phone == NULL &&
	    ch.owner_id_number == NULL && ch.occupancy == NULL &&
	    ch.condition == NULL)
		return pm_err(PM_EX_USAGE, "nothing to set (give --owner, "
		    "--phone, --id-number, --occupancy or --condition)");
	/* Bad values are refused before the database is opened. */
	if ((rc = pm_unit_check_change(&ch)) != 0)
		return rc;
	return pm_cli_run_ids(cli, argc, argv, NULL, set_one, &ch);
}

static int
cmd_import(struct pm_cli *cli, int argc, char **argv)
{
	return pm_import_cmd(cli, argc, argv, &pm_unit_import, NULL);
}

static const struct pm_cli_verb verbs[] = {
	{ "list", pm_rec_cmd_list, NULL,
	    N_("list the units (or, with --public, the public areas and "
	    "common parts)"), NULL, &pm_unit_type },
	{ "show", pm_rec_cmd_show, NULL,
	    N_("show units or public areas, retired ones too"), NULL,
	    &pm_unit_type },
	{ "set", cmd_set,
	    N_("[--owner name] [--phone phone] [--id-number number]"
	    " [--occupancy state] [--condition condition] code ..."),
	    N_("set the owner, occupancy or condition of units"), set_opts,
	    NULL },
	{ "import", cmd_import, N_("[-n] [--from format] [file]"),
	    N_("set owners and occupancy from a CSV, TSV or JSON Lines file, "
	    "all or nothing"), pm_import_opts, NULL },
	{ "buildings", pm_rec_cmd_list, NULL,
	    N_("list the buildings and their codes"), NULL,
	    &pm_building_type },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
