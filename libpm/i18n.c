/*
 * i18n.c - choosing the language and looking messages up.
 *
 * The catalogue is an array of (English, Chinese) pairs generated from
 * po/zh_CN.po; the first lookup in Chinese sorts a table of pointers to
 * it, later ones search it.  English never touches the table.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static enum pm_lang lang = PM_LANG_EN;
static int from_env;

int
pm_i18n_parse(const char *name, enum pm_lang *out)
{
	if (name == NULL || *name == '\0')
		return -1;
	if (strncmp(name, "zh", 2) == 0 && (name[2] == '\0' ||
	    name[2] == '_' || name[2] == '-' || name[2] == '.')) {
		*out = PM_LANG_ZH;
		return 0;
	}
	if (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	    strncmp(name, "C.", 2) == 0 || (strncmp(name, "en", 2) == 0 &&
	    (name[2] == '\0' || name[2] == '_' || name[2] == '-' ||
	    name[2] == '.'))) {
		*out = PM_LANG_EN;
		return 0;
	}
	return -1;
}

static const char *
env(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

static int
is_c_locale(const char *loc)
{
	return strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0 ||
	    strncmp(loc, "C.", 2) == 0;
}

/* The first language of a LANGUAGE list that pm knows, in *out. */
static int
from_language_list(const char *list, enum pm_lang *out)
{
	char item[64];
	const char *p = list, *e;
	size_t n;

	while (*p != '\0') {
		e = strchr(p, ':');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		if (n > 0 && n < sizeof item) {
			memcpy(item, p, n);
			item[n] = '\0';
			if (pm_i18n_parse(item, out) == 0)
				return 0;
		}
		p += n;
		if (*p == ':')
			p++;
	}
	return -1;
}

void
pm_i18n_init(void)
{
	const char *loc, *list;
	enum pm_lang l;

	lang = PM_LANG_EN;
	from_env = 0;
	if ((loc = env("LC_ALL")) == NULL && (loc = env("LC_MESSAGES")) ==
	    NULL)
		loc = env("LANG");
	list = env("LANGUAGE");
	if (list != NULL && (loc == NULL || !is_c_locale(loc)) &&
	    from_language_list(list, &l) == 0) {
		lang = l;
		from_env = 1;
		return;
	}
	if (loc != NULL) {
		lang = pm_i18n_parse(loc, &l) == 0 ? l : PM_LANG_EN;
		from_env = 1;
	}
}

int
pm_i18n_from_env(void)
{
	return from_env;
}

void
pm_i18n_default(const char *name)
{
	enum pm_lang l;

	if (!from_env && pm_i18n_parse(name, &l) == 0)
		lang = l;
}

void
pm_i18n_set(enum pm_lang l)
{
	lang = l;
}

enum pm_lang
pm_i18n_lang(void)
{
	return lang;
}

static const struct pm_msg **sorted;

static int
by_id(const void *a, const void *b)
{
	return strcmp((*(const struct pm_msg *const *)a)->id,
	    (*(const struct pm_msg *const *)b)->id);
}

static int
find_id(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct pm_msg *const *)elem)->id);
}

const char *
pm_gettext(const char *msgid)
{
	const struct pm_msg **hit;
	int i;

	if (lang == PM_LANG_EN || msgid == NULL || *msgid == '\0')
		return msgid;
	if (sorted == NULL) {
		if ((sorted = malloc(pm_catalog_zh_n * sizeof *sorted +
		    1)) == NULL)
			return msgid;
		for (i = 0; i < pm_catalog_zh_n; i++)
			sorted[i] = &pm_catalog_zh[i];
		qsort(sorted, pm_catalog_zh_n, sizeof *sorted, by_id);
	}
	hit = bsearch(msgid, sorted, pm_catalog_zh_n, sizeof *sorted,
	    find_id);
	if (hit == NULL || (*hit)->str[0] == '\0')
		return msgid;
	return (*hit)->str;
}
