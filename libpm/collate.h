/*
 * collate.h - the collations pm's queries use.
 *
 *   pm_natural   runs of digits compare as numbers, so 3-1-502 sorts
 *                before 3-1-1001 and building 3 before building 10
 */
#ifndef PM_COLLATE_H
#define PM_COLLATE_H

#include "db.h"

/*
 * Make the collations known to db's connection, defined when a query
 * first names one.  Calling it again costs nothing.
 */
void pm_db_collations(struct pm_db *db);

/* pm_natural as a C comparison of two NUL-terminated codes (qsort). */
int pm_natural_cmp(const char *a, const char *b);

#endif
