/*
 * pmtest.h - what every Check suite shares.
 *
 * Each suite file tests/unit/check_NAME.c defines "Suite *NAME_suite(void)";
 * the runner finds it by the file name.  Tests that touch the database
 * open a fresh in-memory one built from schema/ with pm_test_db().
 */
#ifndef PM_TEST_H
#define PM_TEST_H

#include <check.h>
#include <stdlib.h>

#include "db.h"
#include "err.h"

/* A fresh in-memory database with the whole schema; fails the test if not. */
static inline struct pm_db *
pm_test_db(void)
{
	struct pm_db *db = NULL;

	ck_assert_msg(pm_db_open_memory(&db) == 0, "open: %s", pm_err_msg());
	pm_db_set_actor(db, "check", "test", "tester");
	return db;
}

/* Assert that 'rc' is 'want' and the recorded message contains 'part'. */
#define pm_assert_err(rc, want, part) do { \
	int rc_ = (rc); \
	ck_assert_msg(rc_ == (want), "status %d, want %d (%s)", rc_, (want), pm_err_msg()); \
	ck_assert_msg(strstr(pm_err_msg(), (part)) != NULL, \
	    "message '%s' lacks '%s'", pm_err_msg(), (part)); \
} while (0)

#endif
