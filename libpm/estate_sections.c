/*
 * estate_sections.c - the sections of the estate file that belong to one
 * tool each, in the order they are read and applied.  A tool's section
 * lives in a file of its own (estate_<tool>.c) and is added here: see
 * estate_priv.h for what it provides.
 */
#include <stddef.h>

#include "estate_priv.h"

extern const struct est_section est_checklists, est_facilities,
    est_maintenance, est_rounds, est_work_plans;
/* estate_people.c: pm-visit, pm-train, pm-survey, pm-duty, pm-gate. */
extern const struct est_section est_visit_quotas, est_training_quotas,
    est_survey_lines, est_duty_posts, est_gate;
extern const struct est_section est_fee_section;

const struct est_section *const est_sections[] = {
	&est_checklists, &est_facilities, &est_maintenance, &est_rounds,
	    &est_work_plans,	/* estate_inspect.c */
	&est_fee_section,	/* estate_fee.c */
	&est_visit_quotas, &est_training_quotas, &est_survey_lines,
	    &est_duty_posts, &est_gate,	/* estate_people.c */
	NULL
};
