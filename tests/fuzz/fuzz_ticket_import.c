/*
 * fuzz_ticket_import.c - libFuzzer target for "pm-ticket import": the
 * record reader, then the checks of every field (kind, category, unit,
 * description, source, received time, receiver) and the add itself.
 *
 *	make fuzz && build/fuzz_ticket_import -max_total_time=60
 *
 * Each input is imported into one in-memory database holding a small
 * estate, inside a transaction that is always rolled back, so runs do
 * not depend on each other.  Besides not crashing: an import that fails
 * names its input and line ("fuzz:LINE: ..."), and one that succeeds
 * stored exactly as many tickets as it returned ids, each with a
 * description that passes the text check again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "err.h"
#include "rec.h"
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

static int64_t
tickets(void)
{
	sqlite3_stmt *st;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM tickets", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_ticket t;
	struct pm_rec *r = NULL;
	int64_t *ids = NULL;
	size_t nids = 0, i;
	FILE *fp;
	int rc;

	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	if (pm_rec_open(fp, "fuzz", PM_REC_AUTO, &r) != 0) {
		fclose(fp);
		return 0;
	}
	if (pm_db_begin(db) != 0)
		abort();
	rc = pm_ticket_import(db, r, &ids, &nids);
	if (rc != 0) {
		if (strncmp(pm_err_msg(), "fuzz:", 5) != 0)
			abort();
	} else {
		if ((int64_t)nids != tickets())
			abort();
		for (i = 0; i < nids; i++) {
			if (pm_ticket_get(db, ids[i], &t) != 0)
				abort();
			if (pm_ticket_check_text("description", t.description)
			    != 0)
				abort();
			pm_ticket_release(&t);
		}
	}
	pm_db_rollback(db);
	free(ids);
	pm_rec_free(r);
	fclose(fp);
	pm_err_clear();
	return 0;
}
