/*
 * unit.h - units, public areas and buildings: their record types, and
 * setting what the estate file does not own (owners, occupancy,
 * condition), one unit at a time or from a file.
 *
 * The estate file (pm-estate(5)) says which units exist, their areas and
 * conditions; this module keeps who owns each unit, how to reach them,
 * and whether it is occupied, vacant (空置) or rented.  Owners' phone
 * and ID numbers are stored as given and masked in output unless
 * --reveal (the record types mark them).
 *
 * The functions that change units run inside the caller's transaction
 * and neither begin nor commit, so a command can change many units at
 * once and keep all or nothing; each unit that changes gets one audit
 * row.
 */
#ifndef PM_UNIT_H
#define PM_UNIT_H

#include "db.h"
#include "import.h"
#include "record.h"

/*
 * The record types.  Units list in natural order (3-1-502 before
 * 3-1-1001, building 3 before 10); "unit" finds public areas too, since
 * a ticket's place may be either.
 */
extern const struct pm_rtype pm_unit_type;	/* units; --public lists: */
extern const struct pm_rtype pm_public_type;	/* public areas and
						   common parts */
extern const struct pm_rtype pm_building_type;

/*
 * What to change in a unit.  NULL leaves a field as it is.  For the
 * owner fields "" clears the field (the owner is no longer known);
 * occupancy and condition cannot be cleared.
 */
struct pm_unit_change {
	const char *owner_name;
	const char *owner_phone;
	const char *owner_id_number;
	const char *occupancy;
	const char *condition;
};

/*
 * The checks pm_unit_set() makes, for callers that check before they
 * open anything.  Each returns 0 or PM_EX_DATAERR with a message that
 * quotes the value (pm_q(); a phone or ID number masked):
 *
 * name       the text rule of pm_text_check(), one line, at most 200
 *            bytes.
 * phone      a mobile number, 11 digits starting 13..19 (13812345678),
 *            or a landline: 7 to 20 digits in groups joined by single
 *            '-' (010-12345678, 0571-8888-8888); digits alone that are
 *            not a mobile number must be a local number, 7 or 8 digits.
 * id number  a resident ID number (GB 11643): 18 characters, 17 digits
 *            and a check digit (a digit or X, x accepted), the 7th to
 *            14th a real date (YYYYMMDD, 1900 or later), and the check
 *            digit right (ISO 7064 MOD 11-2).
 *
 * "" is accepted by the owner checks (it means "clear").
 */
int pm_unit_check_name(const char *s);
int pm_unit_check_phone(const char *s);
int pm_unit_check_id_number(const char *s);

/*
 * All the checks for the fields 'c' sets, in field order; occupancy and
 * condition are words of their vocabularies (in English or Chinese:
 * 空置 is "vacant"), and are replaced in 'c' by their identifiers.
 */
int pm_unit_check_change(struct pm_unit_change *c);

/*
 * Change unit 'code' (as a person types it: full-width digits and any
 * case are fine) as 'c' says, inside the caller's transaction.  An ID
 * number's x is stored as X.  Sets *changed to 1 when the stored row
 * differs afterwards, 0 when it already said so (then nothing is
 * written and no audit row is added).  Fails with:
 *
 *   PM_EX_DATAERR  a field fails its check; the unit is retired ("unit
 *                  'X': retired unit"); a public area given an owner or
 *                  an occupancy ("unit 'P-GATE-N': a public area has no
 *                  owner or occupancy")
 *   PM_EX_NOINPUT  "unit 'X': no such unit"
 *   others         from pm_db_error()
 *
 * The audit summary names each changed field with its old and new
 * value, phone and ID numbers masked.
 */
int pm_unit_set(struct pm_db *db, const char *code,
    struct pm_unit_change *c, int *changed);

/*
 * Importing owners: records with the fields unit, owner_name,
 * owner_phone, owner_id_number, occupancy; an empty field leaves that
 * value as it is; a unit named twice is an error naming both lines.
 * See import.h.  The ids printed are the codes of the units changed.
 */
extern const struct pm_import pm_unit_import;

#endif
