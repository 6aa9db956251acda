/*
 * staff.h - the staff of the service center and their departments, as
 * the estate file lists them.
 *
 * Staff come from the estate file (pm-estate(5)) and change only when it
 * is applied again, so this module only declares how they are listed and
 * shown.  Phone numbers are masked unless --reveal.
 */
#ifndef PM_STAFF_H
#define PM_STAFF_H

#include "record.h"

/*
 * Staff list by department, then by role from the top (manager,
 * supervisor, lead, staff), then by login; filters --department and
 * --role (a role in English or Chinese: 班长 is "lead").
 */
extern const struct pm_rtype pm_staff_type;
extern const struct pm_rtype pm_department_type;

#endif
