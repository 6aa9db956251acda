/*
 * mask.h - hide owners' personal data (phone and ID numbers) in output.
 *
 * Lists and shows print a phone or ID number masked unless the user asks
 * for it with --reveal.  One rule, by the length of the text in
 * characters (not bytes), keeps enough to tell two numbers apart and to
 * check one read out on the phone, and no more:
 *
 *   11 or more   the first 3 and the last 4 stay:
 *                13812345678         -> 138****5678
 *                110101199003071233  -> 110***********1233
 *                010-12345678        -> 010*****5678
 *   3 to 10      the first and the last stay: 8888888 -> 8*****8
 *   1 or 2       every character is masked: 12 -> **
 *
 * Each hidden character becomes one '*', so the masked text is as long
 * (in characters) as the original.  A byte that is not valid UTF-8
 * counts as one character.
 */
#ifndef PM_MASK_H
#define PM_MASK_H

#include <stddef.h>

/* Room for any masked text: longer inputs get fewer stars. */
#define PM_MASK_MAX 128

/*
 * Write 's' masked into 'buf' and return buf; NULL (not known) gives
 * NULL, "" gives "".  The result always keeps the kept characters and
 * fits PM_MASK_MAX - 1 bytes: when the input is so long that its stars
 * would not fit, fewer stars are written.
 */
const char *pm_mask(const char *s, char buf[PM_MASK_MAX]);

/* As pm_mask(), or 's' itself when 'reveal' is set. */
const char *pm_mask_unless(const char *s, int reveal, char buf[PM_MASK_MAX]);

/*
 * Bytes of a value quoted in a message, and the room the quoted text
 * needs (each byte may become four, "..." may follow).
 */
#define PM_QUOTE_KEEP 64
#define PM_QUOTE_MAX (PM_QUOTE_KEEP * 4 + 8)

/*
 * Write 's' into 'buf' so that it is safe to quote in an error message:
 * at most PM_QUOTE_KEEP bytes of it (whole characters, then "..."), with
 * control characters (C0, DEL, C1), bidirectional controls (U+200E,
 * U+200F, U+202A..U+202E, U+2066..U+2069) and bytes that are not UTF-8
 * written as \xHH, so a message never carries a terminal escape or
 * text that displays as something else.  Returns buf.
 */
const char *pm_mask_quote(const char *s, char buf[PM_QUOTE_MAX]);

#endif
