/*
 * money.h - amounts of money as integer fen (分), never floating point.
 *
 * People type yuan: "1200", "1200.5", "1,200.50", "-3.07", "0.07".
 * pm keeps int64_t fen: 120000, 120050, 120050, -307, 7.
 */
#ifndef PM_MONEY_H
#define PM_MONEY_H

#include <stdint.h>

#define PM_MONEY_LEN 32	/* enough for any int64_t amount with sign, point, NUL */

/*
 * Parse a yuan amount into fen.  Accepted: an optional '-' (or '+'),
 * digits with optional thousands separators that must group exactly by
 * three ("1,200", "12,345,678"; not "1,20" or "1200,000"), an optional
 * '.' followed by one or two digits, and an optional leading "¥" or
 * trailing "元" (not both; the sign may stand before or after the "¥").
 * Rejected, because a person could mean two things:
 * more than two decimals ("1.234"), a bare "." or ".5", empty text,
 * spaces, exponents, several signs, anything beyond the int64_t range.
 * Returns 0, or PM_EX_DATAERR with "amount 'X': ..." recorded; *fen is
 * written only on success.
 */
int pm_money_parse(const char *s, int64_t *fen);

/*
 * Write 'fen' as yuan with exactly two decimals and no separators
 * ("1200.50", "-3.07", "0.00"), for files and programs.  Returns buf.
 */
char *pm_money_fmt(int64_t fen, char buf[PM_MONEY_LEN]);

/*
 * Multiply an amount in fen by a quantity given in hundredths (areas in
 * hundredths of a square metre) and round half up (away from zero) to the
 * fen: pm_money_mul_hundredths(250, 8950) is 2.50 yuan/m² × 89.50 m² =
 * 223.75 yuan = 22375 fen.  Returns 0, or PM_EX_DATAERR with "amount
 * overflow: ..." recorded when the result is outside int64_t.
 */
int pm_money_mul_hundredths(int64_t fen, int64_t hundredths, int64_t *out);

/*
 * Parse a decimal with up to two places ("89.5", "120.30") into
 * hundredths (8950, 12030); used for areas in m².  Same strictness as
 * pm_money_parse but no separators or currency signs, and no sign.
 * Returns 0, or PM_EX_DATAERR with "WHAT 'X': ..." recorded, where
 * 'what' names the quantity for the message ("area '89.555': more than
 * two decimals"); NULL means "value".
 */
int pm_hundredths_parse(const char *s, const char *what, int64_t *out);

/* Write hundredths as "89.50" (negative values as "-0.05").  Returns buf. */
char *pm_hundredths_fmt(int64_t v, char buf[PM_MONEY_LEN]);

#endif
