/*
 * pm-staff - list and show the staff of the service center and its
 * departments.  The verbs come from the record types in libpm/staff.c.
 */
#include "cli.h"
#include "staff.h"

static const struct pm_cli_verb verbs[] = {
	{ "list", pm_rec_cmd_list, NULL,
	    N_("list the staff who have not retired, by department and role"),
	    NULL, &pm_staff_type },
	{ "show", pm_rec_cmd_show, NULL,
	    N_("show staff members, retired ones too"), NULL,
	    &pm_staff_type },
	{ "departments", pm_rec_cmd_list, NULL,
	    N_("list the departments and their codes"), NULL,
	    &pm_department_type },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return pm_cli_main(argc, argv, verbs);
}
