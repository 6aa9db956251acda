/*
 * utf8.h - decoding UTF-8, strictly, in one place.
 *
 * pm keeps text as UTF-8 bytes and checks it on the way in (names,
 * descriptions), measures it for tables and masks it for privacy; all of
 * them agree on what a valid character is because they ask this module.
 */
#ifndef PM_UTF8_H
#define PM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the character at 's' (a NUL-terminated string) and return its
 * length in bytes, 1 to 4, storing its code point in *cp unless cp is
 * NULL.  Return 0 when the bytes there are not a valid character: a stray
 * continuation byte, an overlong form, a surrogate, a code point past
 * U+10FFFF, or a sequence cut short (the NUL is no continuation byte, so
 * decoding never reads past the string).  *cp is unspecified then.
 */
size_t pm_utf8_decode(const char *s, uint32_t *cp);

#endif
