/*
 * gate.h - the gate (门岗): visitors and when they left, goods carried in
 * and out (物品进出登记), decoration workers (装修人员), tenants of rented
 * units (出租屋), large moves applied for ahead (大件物品搬运), and
 * offences against the rules, counted per offender (a warning the
 * first time, a fine or restriction after).
 *
 * Every registration is a record of one table, kept as facts (people.h):
 * a wrong one is voided and registered again.  ID and phone numbers are
 * personal data: checked when given, masked in output unless --reveal,
 * and masked in the audit trail.  The functions that write run inside
 * the caller's transaction as the acting staff member, at pm_now().
 *
 * The rules:
 *   - goods a visitor takes out need the owner's confirmation, named in
 *     'confirmed_by' (业主王建国电话确认);
 *   - a large move must be applied for at least the estate's
 *     move_notice ahead (default 24 hours); a manager may allow a later
 *     one with a reason, and the override is recorded with who and why;
 *   - a tenant is registered for a unit whose occupancy is rented;
 *   - a visitor leaves once.
 *
 * Errors: PM_EX_DATAERR for a refusal or bad input, PM_EX_NOINPUT for no
 * such unit or record, PM_EX_NOPERM for an override by someone who is not
 * a manager.
 */
#ifndef PM_GATE_H
#define PM_GATE_H

#include <stdint.h>

#include "clock.h"
#include "db.h"
#include "out.h"
#include "people.h"
#include "record.h"

/* The default notice for a large move: 24 hours. */
#define PM_GATE_MOVE_NOTICE 86400

struct pm_gate_record {
	const char *kind;	/* visitor, goods, worker, tenant, move,
				   offence (leave: pm_gate_leave()) */
	pm_time at;		/* arrived, passed, registered; a move's
				   time (required); 0: now */
	const char *unit;
	const char *name, *id_number, *phone;
	const char *detail;	/* purpose, items, the rule broken */
	const char *direction;	/* goods and moves: in or out */
	const char *carrier;	/* goods: resident, visitor or worker */
	const char *visitor;	/* goods: the visitor's record, or NULL */
	const char *company;	/* workers */
	const char *until;	/* workers, tenants: the last day */
	const char *confirmed_by;
	const char *override;	/* moves: the manager's reason */
};

/*
 * Register 'r'; sets *id.  For an offence, *nth is the offender's count
 * with this one (may be NULL).
 */
int pm_gate_add(struct pm_db *db, const struct pm_gate_record *r,
    int64_t *id, int *nth);

/* Visitor 'key' left at 'at' (0: now); sets *id to the record of it. */
int pm_gate_leave(struct pm_db *db, const char *key, pm_time at,
    int64_t *id);

extern const struct pm_fact pm_gate_fact;
extern const struct pm_rtype pm_gate_type;
extern const struct pm_rtype pm_gate_offender_type;

/*
 * The day's list at the gate for the local day holding 'day': every
 * record of the day (visitors with when they left, goods, moves due that
 * day, registrations, offences), and the decoration workers whose pass
 * holds that day, by time; ID and phone numbers masked unless 'reveal'.
 */
extern const struct pm_col pm_gate_day_cols[];
extern const int pm_gate_day_ncols;
int pm_gate_day(struct pm_db *db, pm_time day, int reveal, struct pm_out *o);

#endif
