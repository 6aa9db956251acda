/*
 * ticket_import.c - add many tickets from CSV, TSV or JSON Lines: a
 * day's paper log, or the failed items of an inspection.
 *
 * The records are checked and spooled first (import.c), then added in
 * the order of their received time, as if the desk had typed them in as
 * they came: a ticket's repeat level looks back at the tickets received
 * before it, so adding a later one first would hide the earlier one from
 * it.  The import is one change: one audit row names it, while each
 * ticket keeps its "add" event.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "text.h"
#include "ticket_priv.h"

/* The fields a record may have, in the order the spool keeps them. */
enum {
	F_KIND, F_CATEGORY, F_UNIT, F_DESCRIPTION, F_SOURCE, F_RECEIVED,
	F_RECEIVER, F_N
};

static const char *const fields[F_N + 1] = {
	"kind", "category", "unit", "description", "source", "received",
	"receiver", NULL
};

static int
to_new(const char **vals, struct pm_ticket_new *n)
{
	int rc;

	memset(n, 0, sizeof *n);
	n->kind = vals[F_KIND];
	n->category = vals[F_CATEGORY];
	n->unit = vals[F_UNIT];
	n->description = vals[F_DESCRIPTION];
	n->source = vals[F_SOURCE];
	n->receiver = vals[F_RECEIVER];
	n->received_text = vals[F_RECEIVED];
	n->no_audit = 1;
	if (n->category == NULL)
		return pm_err(PM_EX_DATAERR, "category: missing");
	if (n->unit == NULL)
		return pm_err(PM_EX_DATAERR, "unit: missing");
	if (n->description == NULL)
		return pm_err(PM_EX_DATAERR, "description: missing");
	if (vals[F_RECEIVED] != NULL &&
	    (rc = pm_time_parse(vals[F_RECEIVED], &n->received)) != 0)
		return rc;
	return 0;
}

/* Everything pm_ticket_add() will check, and the names as stored. */
static int
check(struct pm_db *db, const char **vals, void *ctx)
{
	struct pm_ticket_new n;
	int rc;

	if ((rc = to_new(vals, &n)) != 0 ||
	    (rc = pm_ticket_check_new(db, &n)) != 0)
		return rc;
	vals[F_KIND] = n.kind;
	vals[F_CATEGORY] = n.category;
	vals[F_UNIT] = n.unit;
	vals[F_SOURCE] = n.source;
	return 0;
}

static int
write(struct pm_db *db, const char **vals, char *id, size_t len, void *ctx)
{
	struct pm_ticket_new n;
	int64_t tid;
	int rc;

	if ((rc = to_new(vals, &n)) != 0)
		return rc;
	/* check() did it all, before the lock, and stored the names. */
	n.checked = 1;
	if ((rc = pm_ticket_add(db, &n, &tid)) != 0)
		return rc;
	snprintf(id, len, "%lld", (long long)tid);
	return 0;
}

const struct pm_import pm_ticket_import = {
	fields, -1, 0, F_RECEIVED, check, write, "tickets"
};
