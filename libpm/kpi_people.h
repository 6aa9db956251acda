/*
 * kpi_people.h - the spans the people's figures are judged over, shared
 * by the figures (kpi_people.c) and the appraisal (report_appraisal.c),
 * so that a person's visits and a department's training add up to the
 * estate's.  Only libpm's kpi_* and report_* files include it.
 */
#ifndef PM_KPI_PEOPLE_H
#define PM_KPI_PEOPLE_H

#include "kpi.h"

/*
 * The days of 'p' whose visits are judged (those that have ended), as
 * [from, to) for pm_visit_quota().
 */
void kp_visit_span(const struct pm_period *p, pm_time *from, pm_time *to);

/*
 * The span for pm_train_quota() whose weeks are those of 'p' (ended in
 * it, by their Sunday); 0 when no week ended in it (or has yet).
 */
int kp_train_span(const struct pm_period *p, pm_time *from, pm_time *to);

#endif
