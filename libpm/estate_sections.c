/*
 * estate_sections.c - the sections of the estate file that belong to one
 * tool each, in the order they are read and applied.  A tool's section
 * lives in a file of its own (estate_<tool>.c) and is added here: see
 * estate_priv.h for what it provides.
 */
#include <stddef.h>

#include "estate_priv.h"

extern const struct est_section est_fee_section;

const struct est_section *const est_sections[] = {
	&est_fee_section,
	NULL
};
