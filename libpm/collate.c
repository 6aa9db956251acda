/*
 * collate.c - pm_natural, the order people expect of codes.
 */
#include <string.h>

#include "collate.h"

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/*
 * Natural order for codes: runs of digits compare as numbers, so
 * "3-1-502" < "3-1-1001" and "3" < "10"; the rest compares as bytes.
 * Codes equal that way ("01" and "1") are then ordered as bytes, so the
 * order is total and the same on every run.
 */
static int
natural_cmp(void *arg, int na, const void *va, int nb, const void *vb)
{
	const unsigned char *a = va, *b = vb;
	int i = 0, j = 0, si, sj, li, lj, k, c;

	while (i < na && j < nb) {
		if (is_digit(a[i]) && is_digit(b[j])) {
			while (i < na && a[i] == '0')
				i++;
			while (j < nb && b[j] == '0')
				j++;
			for (si = i; i < na && is_digit(a[i]); i++)
				;
			for (sj = j; j < nb && is_digit(b[j]); j++)
				;
			li = i - si;
			lj = j - sj;
			if (li != lj)
				return li < lj ? -1 : 1;
			for (k = 0; k < li; k++)
				if (a[si + k] != b[sj + k])
					return a[si + k] < b[sj + k] ? -1 : 1;
			continue;
		}
		if (a[i] != b[j])
			return a[i] < b[j] ? -1 : 1;
		i++;
		j++;
	}
	if (i < na || j < nb)
		return i < na ? 1 : -1;
	c = memcmp(a, b, na < nb ? na : nb);
	if (c != 0)
		return c;
	return na < nb ? -1 : na > nb;
}

/*
 * Register the natural collation when SQLite first meets its name.
 * Doing it on demand, rather than at every call, keeps cached
 * statements valid: redefining a collation would expire them.
 */
static void
need_collation(void *arg, sqlite3 *h, int enc, const char *name)
{
	if (strcmp(name, "pm_natural") == 0)
		sqlite3_create_collation_v2(h, "pm_natural", SQLITE_UTF8, NULL,
		    natural_cmp, NULL);
}

void
pm_db_collations(struct pm_db *db)
{
	sqlite3_collation_needed(db->h, NULL, need_collation);
}

int
pm_natural_cmp(const char *a, const char *b)
{
	return natural_cmp(NULL, (int)strlen(a), a, (int)strlen(b), b);
}
