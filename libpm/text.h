/*
 * text.h - text that people type and text that pm shows them: one rule
 * for what a text field may hold, one way to quote a value inside a
 * message, and cutting text only between characters.
 *
 * Every value a user gives that comes back in a message goes through
 * pm_q(), so that a unit code typed as "\e[2J" cannot clear the screen
 * of the manager reading cron mail, and a right-to-left override cannot
 * make a message read as something else.
 */
#ifndef PM_TEXT_H
#define PM_TEXT_H

#include <stddef.h>

/* Bytes of a value kept in a message; longer values end in "...". */
#define PM_QUOTE_KEEP 64

/*
 * 's' quoted for a message: at most PM_QUOTE_KEEP bytes of it (whole
 * characters, then "..."), inside quotes ('x' in English, “x” in
 * Chinese), with control characters (C0, DEL, C1), bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) and
 * bytes that are not UTF-8 written as \xHH.  NULL is quoted as ''.
 *
 * The result lives in one of eight rotating static buffers, so up to
 * eight pm_q() results can be arguments of one message:
 *
 *	pm_err(PM_EX_NOINPUT, "unit %s: no such unit", pm_q(code));
 */
const char *pm_q(const char *s);

/*
 * As pm_q(), but a personal number (a phone or ID number) is masked
 * first (see mask.h), so a typing error in one never lands in cron mail
 * in clear.
 */
const char *pm_q_masked(const char *s);

/* What pm_text_check() allows beyond a single line of printable text. */
enum {
	PM_TEXT_LINES = 1,	/* newlines and tabs (descriptions, notes) */
	PM_TEXT_EMPTY = 2	/* "" (it means "clear the field") */
};

/*
 * The one rule for text a person types into any field: valid UTF-8; no
 * control characters (C0, DEL, C1) except, with PM_TEXT_LINES, tab and
 * newline; no bidirectional controls, which could make the text display
 * as something else; at most 'max' bytes (0: no limit); not empty
 * unless PM_TEXT_EMPTY.  'what' names the field in the message
 * ("description").  Returns 0, or PM_EX_DATAERR with a message naming
 * the field, the value (quoted) and the position of the first bad
 * character.
 */
int pm_text_check(const char *what, const char *s, size_t max, int flags);

/*
 * The length in bytes of the longest prefix of 's' that is at most
 * 'max' bytes and ends between two characters (a byte that is not
 * UTF-8 counts as one character).
 */
size_t pm_utf8_cut(const char *s, size_t max);

/*
 * Whether the code point is a bidirectional control (U+061C, U+200E,
 * U+200F, U+202A..U+202E, U+2066..U+2069).
 */
int pm_is_bidi_control(unsigned long cp);

/*
 * Normalize a code as a Chinese input method types it: full-width ASCII
 * (U+FF01..U+FF5E, "３－１－５０２") becomes ASCII, and the dashes people
 * type for a hyphen (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+30FC)
 * become '-'; spaces at either end are dropped.  Writes at most 'len'
 * bytes with the NUL into 'buf' and returns it; a code that does not
 * fit is cut (and then matches nothing).
 */
char *pm_code_normalize(const char *s, char *buf, size_t len);

/*
 * The edit distance (Damerau-Levenshtein, optimal string alignment)
 * between 'a' and 'b' in bytes, or a number above 'limit' as soon as it
 * must exceed it.  Used to suggest the code a user probably meant; a
 * string over 64 bytes (21 Chinese characters) is near nothing.
 */
int pm_edit_distance(const char *a, const char *b, int limit);

#endif
