/*
 * fuzz_estate.c - libFuzzer target for the estate file loader.
 *
 * Every input is loaded from memory as an estate file.  The calendar
 * file it may name is not opened (PM_ESTATE_NO_CALENDAR): the fuzzer
 * would otherwise read whatever path it invents.  A crash, a leak or
 * undefined behaviour is a bug; a refusal must come with a message.
 *
 *	make fuzz && build/fuzz_estate -max_total_time=60 -max_len=4096
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "estate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_estate *e = NULL;
	int rc;

	pm_err_clear();
	rc = pm_estate_load_mem("fuzz.yaml", (const char *)data, size,
	    PM_ESTATE_NO_CALENDAR, &e);
	if (rc != 0 && (e != NULL || pm_err_msg()[0] == '\0'))
		abort();
	if (rc == 0 && (e == NULL || e->name == NULL))
		abort();
	pm_estate_free(e);
	return 0;
}
