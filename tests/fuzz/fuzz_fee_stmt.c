/*
 * fuzz_fee_stmt.c - libFuzzer target for "pm-fee import": the statement
 * reader (WeChat Pay's CSV, Alipay's in GBK with its '#' lines: quoting,
 * the header, amounts, days, transaction ids, references) and the GBK
 * decoder.
 *
 *	make fuzz && build/fuzz_fee_stmt -max_total_time=60
 *
 * The first byte picks the format (odd: Alipay), the rest is the file.
 * Besides not crashing: a statement refused comes with a message that
 * names it, as an input error; the decoder's output is valid UTF-8 of at
 * most three bytes a byte, or it points inside its input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "fee.h"

#define CHECK(x) do { if (!(x)) abort(); } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	return 0;
}

/* 'len' bytes of well-formed UTF-8 (NUL is ASCII: the reader refuses it). */
static int
utf8_ok(const unsigned char *s, size_t len)
{
	size_t i = 0, n, k;

	while (i < len) {
		n = s[i] < 0x80 ? 1 : (s[i] & 0xe0) == 0xc0 ? 2 :
		    (s[i] & 0xf0) == 0xe0 ? 3 : (s[i] & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0 || i + n > len)
			return 0;
		for (k = 1; k < n; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += n;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *format;
	char *out;
	FILE *fp;
	long n;
	int rc;

	if (size == 0)
		return 0;
	format = data[0] & 1 ? "alipay" : "wechat";
	data++;
	size--;
	if ((out = malloc(3 * size + 1)) != NULL) {
		n = pm_fee_gbk_to_utf8((const char *)data, size, out);
		if (n >= 0)
			CHECK((size_t)n <= 3 * size && out[n] == '\0' &&
			    utf8_ok((unsigned char *)out, (size_t)n));
		else
			CHECK((size_t)(-n - 1) < size);
		free(out);
	}
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	pm_err_clear();
	rc = pm_fee_stmt_check(fp, "fuzz", format);
	fclose(fp);
	if (rc != 0) {
		CHECK(rc == PM_EX_DATAERR || rc == PM_EX_IOERR);
		CHECK(strncmp(pm_err_msg(), "fuzz", 4) == 0);
	}
	return 0;
}
