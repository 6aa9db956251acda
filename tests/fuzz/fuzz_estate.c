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

/*
 * What a loaded estate promises its users: every place has a code, a
 * common part its building's code before its own and a name, the
 * language one of the two that are stored.
 */
static void
check(const struct pm_estate *e)
{
	const struct pm_estate_unit *u;
	size_t n;
	int i;

	for (i = 0; i < e->nunits; i++)
		if (e->units[i].code == NULL || e->units[i].building == NULL)
			abort();
	for (i = 0; i < e->npublic_areas; i++)
		if (e->public_areas[i].code == NULL ||
		    e->public_areas[i].building != NULL ||
		    e->public_areas[i].name == NULL)
			abort();
	for (i = 0; i < e->ncommon_parts; i++) {
		u = &e->common_parts[i];
		if (u->code == NULL || u->building == NULL || u->name == NULL)
			abort();
		n = strlen(u->building);
		if (strncmp(u->code, u->building, n) != 0 || u->code[n] != '-')
			abort();
	}
	if (e->language != NULL && strcmp(e->language, "zh_CN") != 0 &&
	    strcmp(e->language, "en") != 0)
		abort();
}

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
	if (rc == 0)
		check(e);
	pm_estate_free(e);
	return 0;
}
