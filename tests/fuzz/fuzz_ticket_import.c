/*
 * fuzz_ticket_import.c - libFuzzer target for "pm-ticket import": the
 * record reader, the spool, then the checks of every field (kind,
 * category, unit, description, source, received time, receiver) and the
 * add itself.
 *
 *	make fuzz && build/fuzz_ticket_import -max_total_time=60
 *
 * Each input is imported as a dry run into one in-memory database
 * holding a small estate, so runs do not depend on each other.  Besides
 * not crashing: an import that fails names its input ("fuzz" with a
 * line, or the count of errors), and one that succeeds wrote a ticket
 * for each id it gives, with a description that passes the text rule
 * again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "import.h"
#include "text.h"
#include "ticket.h"

static struct pm_db *db;

static const char estate_sql[] =
    "INSERT INTO departments(code, name) VALUES ('service', '客服部');"
    "INSERT INTO staff(login, name, department, role) VALUES"
    " ('zhang.wei', '张伟', 'service', 'staff'),"
    " ('li.na', '李娜', 'service', 'supervisor');"
    "INSERT INTO buildings(code, name) VALUES ('3', '3号楼');"
    "INSERT INTO units(code, building) VALUES ('3-1-502', '3');"
    "INSERT INTO units(code, kind, name) VALUES ('P-GATE-N', 'public', '北门');"
    "INSERT INTO categories(code, name, kind, urgent, emergency) VALUES"
    " ('door-lock', '门锁', 'repair', 0, 0),"
    " ('water-outage', '停水', 'repair', 1, 1),"
    " ('other', '其他', NULL, 0, 0);";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	if (pm_db_open_memory(&db) != 0 || pm_db_exec(db, estate_sql) != 0) {
		fprintf(stderr, "fuzz_ticket_import: %s\n", pm_err_msg());
		exit(1);
	}
	pm_db_set_actor(db, "fuzz", "import", "zhang.wei");
	return 0;
}

/* Each id given: a ticket that is there, with a description that is good. */
static int
written(const char *id, void *arg)
{
	struct pm_ticket t;
	int64_t n;

	if (pm_ticket_parse_id(id, &n) != 0 || pm_ticket_get(db, n, &t) != 0)
		abort();
	if (pm_text_check("description", t.description, 0, PM_TEXT_LINES) != 0)
		abort();
	pm_ticket_release(&t);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp;
	int rc;

	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	rc = pm_import_file(db, &pm_ticket_import, NULL, fp, "fuzz",
	    PM_REC_AUTO, 1, NULL, written, NULL);
	if (rc != 0 && strncmp(pm_err_msg(), "fuzz", 4) != 0)
		abort();
	fclose(fp);
	pm_err_clear();
	return 0;
}
