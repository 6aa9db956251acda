/*
 * fuzz_rec.c - libFuzzer target for the record reader (libpm/rec.c).
 *
 * The first byte picks the format (auto, CSV, TSV, JSON Lines), the rest
 * is the input, read through fmemopen() as an import would read a file.
 * Besides the sanitizers' checks, it asserts what callers rely on: a
 * record's values are valid UTF-8, line numbers only go forward, and an
 * error is always one of the documented statuses with a message that
 * names the input.
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -Ilibpm \
 *	    -D_GNU_SOURCE tests/fuzz/fuzz_rec.c libpm/rec.c libpm/err.c \
 *	    -o build/fuzz_rec
 *	build/fuzz_rec -max_total_time=60
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "rec.h"

static const char *const names[] = {
	"a", "b", "unit", "owner_name", "owner_phone", "", NULL
};

/* Strict UTF-8, as the reader promises for every value. */
static int
utf8_ok(const unsigned char *s)
{
	int need;
	unsigned char lo, hi;

	while (*s != '\0') {
		lo = 0x80;
		hi = 0xbf;
		if (*s < 0x80)
			need = 0;
		else if (*s >= 0xc2 && *s <= 0xdf)
			need = 1;
		else if (*s >= 0xe0 && *s <= 0xef) {
			need = 2;
			if (*s == 0xe0)
				lo = 0xa0;
			if (*s == 0xed)
				hi = 0x9f;
		} else if (*s >= 0xf0 && *s <= 0xf4) {
			need = 3;
			if (*s == 0xf0)
				lo = 0x90;
			if (*s == 0xf4)
				hi = 0x8f;
		} else
			return 0;
		s++;
		for (; need > 0; need--, s++) {
			if (*s < lo || *s > hi)
				return 0;
			lo = 0x80;
			hi = 0xbf;
		}
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_rec *r;
	const char *v;
	FILE *fp;
	int rc, i, line = 0;

	if (size < 1)
		return 0;
	fp = fmemopen((void *)(data + 1), size - 1 > 0 ? size - 1 : 1,
	    "r");
	if (fp == NULL)
		return 0;
	if (size == 1)
		fgetc(fp);	/* fmemopen() cannot open zero bytes */
	if (pm_rec_open(fp, "fuzz", (enum pm_rec_fmt)(data[0] % 4), &r) != 0)
		abort();
	while ((rc = pm_rec_next(r)) == 1) {
		if (pm_rec_line(r) < line || pm_rec_line(r) < 1)
			abort();
		line = pm_rec_line(r);
		for (i = 0; names[i] != NULL; i++)
			if ((v = pm_rec_get(r, names[i])) != NULL &&
			    !utf8_ok((const unsigned char *)v))
				abort();
		if (pm_rec_check_fields(r, names) != 0 &&
		    (pm_err_code() != PM_EX_DATAERR ||
		    strncmp(pm_err_msg(), "fuzz:", 5) != 0))
			abort();
	}
	if (rc != 0 && (rc != PM_EX_DATAERR ||
	    strncmp(pm_err_msg(), "fuzz:", 5) != 0))
		abort();
	if (pm_rec_next(r) != rc)
		abort();
	pm_rec_free(r);
	fclose(fp);
	return 0;
}
