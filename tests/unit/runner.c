/*
 * runner.c - runs every Check suite in tests/unit/ (one per libpm module).
 * CK_RUN_SUITE=name runs one; CK_FORK=no helps under a debugger.
 */
#include <stdlib.h>
#include <check.h>

#define PM_SUITE(name) Suite *name##_suite(void);
#include "suites.h"
#undef PM_SUITE

int
main(void)
{
	SRunner *sr;
	int failed;

	/* Local times in tests are the estate's, whatever the caller's TZ. */
	setenv("TZ", "Asia/Shanghai", 1);
	unsetenv("PM_NOW");
	sr = srunner_create(NULL);
#define PM_SUITE(name) srunner_add_suite(sr, name##_suite());
#include "suites.h"
#undef PM_SUITE
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
