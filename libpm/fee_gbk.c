/*
 * fee_gbk.c - GBK to UTF-8, for Alipay's statements (and banks' that are
 * GBK too).
 *
 * A table of our own (fee_gbk_table.c, made by tools/gbk-table.py) and
 * not iconv(3): glibc's iconv finds GBK in a gconv module loaded at run
 * time, which a static build, a container without gconv modules or
 * another C library may lack; and a decoder of our own says at which
 * byte a file stops being GBK, so the error names the line and column.
 * The table is 126 × 190 code points, 48 KB of read-only data.
 */
#include <stddef.h>
#include <stdint.h>

#include "fee.h"

extern const uint16_t pm_fee_gbk_table[126][190];

long
pm_fee_gbk_to_utf8(const char *in, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0, o = 0;
	unsigned c, t, cp;

	while (i < len) {
		c = p[i];
		if (c < 0x80) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		/* A lead byte 0x81..0xFE, a trail byte 0x40..0xFE but 0x7F. */
		if (c == 0x80 || c == 0xff || i + 1 >= len)
			return -1 - (long)i;
		t = p[i + 1];
		if (t < 0x40 || t == 0x7f || t == 0xff)
			return -1 - (long)i;
		cp = pm_fee_gbk_table[c - 0x81][t - 0x40 - (t > 0x7f)];
		if (cp == 0)
			return -1 - (long)i;
		if (cp < 0x800) {
			out[o++] = (char)(0xc0 | cp >> 6);
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[o++] = (char)(0xe0 | cp >> 12);
			out[o++] = (char)(0x80 | (cp >> 6 & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		}
		i += 2;
	}
	out[o] = '\0';
	return (long)o;
}
