/*
 * staff.c - the staff and department record types.
 */
#include <stddef.h>

#include "i18n.h"
#include "staff.h"

static const struct pm_field staff_fields[] = {
	PM_FIELD(N_("login"), PM_F_TEXT, "s.login", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "s.name", 0, NULL),
	PM_FIELD(N_("department"), PM_F_TEXT, "s.department", 0, NULL),
	PM_FIELD(N_("department_name"), PM_F_TEXT, "d.name", 0, NULL),
	PM_FIELD(N_("role"), PM_F_TEXT, "s.role", 0, &pm_v_role),
	PM_FIELD(N_("phone"), PM_F_TEXT, "s.phone", PM_F_MASKED, NULL),
	PM_FIELD(N_("unix_user"), PM_F_TEXT, "s.unix_user", PM_F_SHOW, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "s.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

static const struct pm_filter staff_filters[] = {
	{ .opt = { "department", PM_OPT_LONG, N_("code"),
	    N_("staff of this department") },
	    .kind = PM_FILTER_EQ, .sql = "s.department = ?",
	    .ref = &pm_department_type },
	{ .opt = { "role", PM_OPT_LONG + 1, N_("role"),
	    N_("staff, lead, supervisor or manager (员工, 班长, 主管, 经理)") },
	    .kind = PM_FILTER_EQ, .sql = "s.role = ?", .vocab = &pm_v_role },
	{ .opt = { NULL, 0, NULL, NULL } }
};

const struct pm_rtype pm_staff_type = {
	.name = N_("staff"),
	.from = "staff s JOIN departments d ON d.code = s.department",
	.key = "s.login",
	.key_kind = PM_KEY_TEXT,
	.key_arg = N_("login"),
	.where = "s.retired = 0",
	.order = "s.department, CASE s.role WHEN 'manager' THEN 0"
	    " WHEN 'supervisor' THEN 1 WHEN 'lead' THEN 2 ELSE 3 END, s.login",
	.fields = staff_fields,
	.filters = staff_filters,
	.not_found = N_("staff %s: no such staff member"),
	.list_cmd = "pm-staff list"
};

static const struct pm_field department_fields[] = {
	PM_FIELD(N_("code"), PM_F_TEXT, "d.code", 0, NULL),
	PM_FIELD(N_("name"), PM_F_TEXT, "d.name", 0, NULL),
	PM_FIELD(N_("staff"), PM_F_INT, "(SELECT count(*) FROM staff s"
	    " WHERE s.department = d.code AND s.retired = 0)", 0, NULL),
	PM_FIELD(N_("retired"), PM_F_INT, "d.retired", PM_F_SHOW, NULL),
	PM_FIELD_END
};

const struct pm_rtype pm_department_type = {
	.name = N_("department"),
	.from = "departments d",
	.key = "d.code",
	.key_kind = PM_KEY_CODE,
	.key_arg = N_("code"),
	.where = "d.retired = 0",
	.order = "d.code",
	.fields = department_fields,
	.not_found = N_("department %s: no such department"),
	.list_cmd = "pm-staff departments"
};
