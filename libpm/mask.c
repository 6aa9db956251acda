/*
 * mask.c - hide the middle of phone and ID numbers.
 *
 * Masking works on characters so that a multi-byte character is never
 * cut in half: the kept ends are copied whole, the middle is counted.
 */
#include <stdio.h>
#include <string.h>

#include "mask.h"
#include "utf8.h"

/* The length of the character at 's', or 1 for a byte that starts none. */
static size_t
char_len(const unsigned char *s)
{
	size_t n = pm_utf8_decode((const char *)s, NULL);

	return n != 0 ? n : 1;
}

/* The number of characters in 's'. */
static size_t
char_count(const char *s)
{
	size_t n = 0;

	while (*s != '\0') {
		s += char_len((const unsigned char *)s);
		n++;
	}
	return n;
}

/* The byte offset of character 'k' of 's' (k within the string). */
static size_t
char_offset(const char *s, size_t k)
{
	size_t off = 0;

	while (k-- > 0)
		off += char_len((const unsigned char *)s + off);
	return off;
}

const char *
pm_mask(const char *s, char buf[PM_MASK_MAX])
{
	size_t n, head, tail, hb, tb, stars, room;
	char *p = buf;

	if (s == NULL)
		return NULL;
	n = char_count(s);
	if (n >= 11) {
		head = 3;
		tail = 4;
	} else if (n >= 3) {
		head = 1;
		tail = 1;
	} else
		head = tail = 0;
	hb = char_offset(s, head);
	tb = strlen(s) - char_offset(s, n - tail);
	stars = n - head - tail;
	/* The ends are at most 7 characters, 28 bytes: they always fit. */
	room = PM_MASK_MAX - 1 - hb - tb;
	if (stars > room)
		stars = room;
	memcpy(p, s, hb);
	p += hb;
	memset(p, '*', stars);
	p += stars;
	memcpy(p, s + strlen(s) - tb, tb);
	p[tb] = '\0';
	return buf;
}

const char *
pm_mask_unless(const char *s, int reveal, char buf[PM_MASK_MAX])
{
	return reveal ? s : pm_mask(s, buf);
}

const char *
pm_mask_quote(const char *s, char out[PM_QUOTE_MAX])
{
	const unsigned char *p = (const unsigned char *)s;
	char *o = out;
	size_t n, i;
	unsigned long cp;

	while (*p != '\0') {
		n = char_len(p);
		/* Only whole characters, and at most PM_QUOTE_KEEP bytes. */
		if ((size_t)((const char *)p - s) + n > PM_QUOTE_KEEP) {
			strcpy(o, "...");
			return out;
		}
		cp = *p;
		if (n > 1) {
			cp = *p & (0x3f >> (n - 1));
			for (i = 1; i < n; i++)
				cp = cp << 6 | (p[i] & 0x3f);
		} else if (*p >= 0x80)
			cp = 0x80;	/* not UTF-8: shown as a byte */
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    cp == 0x200e || cp == 0x200f ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			for (i = 0; i < n; i++)
				o += sprintf(o, "\\x%02X", p[i]);
		} else {
			memcpy(o, p, n);
			o += n;
		}
		p += n;
	}
	*o = '\0';
	return out;
}
