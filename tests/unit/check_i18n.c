/*
 * check_i18n.c - which language people read, from the environment or
 * the estate, and looking messages up in the zh_CN catalogue.
 */
#include <stdlib.h>
#include <string.h>

#include "pmtest.h"
#include "i18n.h"

static const char *const vars[] = {
	"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL
};

/* No language in the environment, English, whatever the caller had. */
static void
clean(void)
{
	const char *const *v;

	for (v = vars; *v != NULL; v++)
		unsetenv(*v);
	pm_i18n_init();
	pm_i18n_set(PM_LANG_EN);
}

/*
 * Set the four variables (NULL: unset) and read them.  Returns the
 * language chosen; *named says whether the environment named one.
 */
static enum pm_lang
lang_of(const char *language, const char *lc_all, const char *lc_messages,
    const char *lang, int *named)
{
	const char *vals[4] = { language, lc_all, lc_messages, lang };
	int i;

	for (i = 0; i < 4; i++)
		if (vals[i] == NULL)
			unsetenv(vars[i]);
		else
			setenv(vars[i], vals[i], 1);
	pm_i18n_init();
	*named = pm_i18n_from_env();
	return pm_i18n_lang();
}

#define EN PM_LANG_EN
#define ZH PM_LANG_ZH

START_TEST(env_locale_variables)
{
	int named;

	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "zh_CN.UTF-8", &named), ZH);
	ck_assert_int_eq(named, 1);
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "en_US.UTF-8", &named), EN);
	ck_assert_int_eq(named, 1);
	/* C and anything pm does not speak are English, and named. */
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "C.UTF-8", &named), EN);
	ck_assert_int_eq(named, 1);
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "fr_FR.UTF-8", &named), EN);
	ck_assert_int_eq(named, 1);
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "zhx", &named), EN);
	/* LC_ALL before LC_MESSAGES before LANG. */
	ck_assert_int_eq(lang_of(NULL, NULL, "zh_CN", "en_US", &named), ZH);
	ck_assert_int_eq(lang_of(NULL, NULL, "en_US", "zh_CN", &named), EN);
	ck_assert_int_eq(lang_of(NULL, "en_US", "zh_CN", "zh_CN", &named), EN);
	ck_assert_int_eq(lang_of(NULL, "zh_CN", "en_US", "en_US", &named), ZH);
	ck_assert_int_eq(lang_of(NULL, "C", "zh_CN", "zh_CN", &named), EN);
	/* Set but empty is not set. */
	ck_assert_int_eq(lang_of(NULL, "", "", "zh_CN.UTF-8", &named), ZH);
	ck_assert_int_eq(lang_of("", "", "", "", &named), EN);
	ck_assert_int_eq(named, 0);
}
END_TEST

START_TEST(env_language_list)
{
	int named;

	/* LANGUAGE comes first: the first of its entries pm speaks. */
	ck_assert_int_eq(lang_of("zh_CN:en", NULL, NULL, "en_US.UTF-8",
	    &named), ZH);
	ck_assert_int_eq(named, 1);
	ck_assert_int_eq(lang_of("en:zh_CN", NULL, NULL, "zh_CN.UTF-8",
	    &named), EN);
	ck_assert_int_eq(lang_of("fr:de::zh_TW", NULL, NULL, "en_US.UTF-8",
	    &named), ZH);
	ck_assert_int_eq(lang_of("zh_CN", "en_US.UTF-8", NULL, NULL, &named),
	    ZH);
	/* None it speaks: the locale decides. */
	ck_assert_int_eq(lang_of("fr:de", NULL, NULL, "zh_CN.UTF-8", &named),
	    ZH);
	ck_assert_int_eq(lang_of("fr", NULL, NULL, NULL, &named), EN);
	ck_assert_int_eq(named, 0);
	/*
	 * Under the C locale LANGUAGE is ignored, as GNU gettext does:
	 * C, POSIX and C.UTF-8, wherever the locale is named.
	 */
	ck_assert_int_eq(lang_of("zh_CN", NULL, NULL, "C", &named), EN);
	ck_assert_int_eq(named, 1);
	ck_assert_int_eq(lang_of("zh_CN", NULL, NULL, "C.UTF-8", &named), EN);
	ck_assert_int_eq(lang_of("zh_CN", "POSIX", NULL, "zh_CN", &named), EN);
	ck_assert_int_eq(lang_of("zh_CN", NULL, "C", "zh_CN", &named), EN);
	/*
	 * No locale named at all is not the C locale named: LANGUAGE alone
	 * decides (cron with only LANGUAGE set gets what it asks for).
	 */
	ck_assert_int_eq(lang_of("zh_CN", NULL, NULL, NULL, &named), ZH);
	ck_assert_int_eq(named, 1);
}
END_TEST

START_TEST(estate_default)
{
	int named;

	/* Nothing named (cron): the estate's language decides. */
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, NULL, &named), EN);
	ck_assert_int_eq(named, 0);
	pm_i18n_default("zh_CN");
	ck_assert_int_eq(pm_i18n_lang(), ZH);
	pm_i18n_default("en");
	ck_assert_int_eq(pm_i18n_lang(), EN);
	/* An unknown or missing name leaves it. */
	pm_i18n_default("zh");
	pm_i18n_default("klingon");
	ck_assert_int_eq(pm_i18n_lang(), ZH);
	pm_i18n_default(NULL);
	ck_assert_int_eq(pm_i18n_lang(), ZH);
	/* The environment named one: the estate's is not asked. */
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "en_US.UTF-8", &named), EN);
	pm_i18n_default("zh_CN");
	ck_assert_int_eq(pm_i18n_lang(), EN);
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "C", &named), EN);
	pm_i18n_default("zh_CN");
	ck_assert_int_eq(pm_i18n_lang(), EN);
	ck_assert_int_eq(lang_of(NULL, NULL, NULL, "zh_CN.UTF-8", &named), ZH);
	pm_i18n_default("en");
	ck_assert_int_eq(pm_i18n_lang(), ZH);
}
END_TEST

START_TEST(parse_names)
{
	static const char *const zh[] = { "zh", "zh_CN", "zh-CN",
	    "zh_CN.UTF-8", "zh.UTF-8", "zh_TW", NULL };
	static const char *const en[] = { "en", "en_US", "en-GB",
	    "en_US.UTF-8", "C", "POSIX", "C.UTF-8", NULL };
	static const char *const neither[] = { "", "zhx", "fr", "english",
	    "Zh_CN", "c", "EN", NULL };
	enum pm_lang l;
	int i;

	for (i = 0; zh[i] != NULL; i++) {
		l = EN;
		ck_assert_msg(pm_i18n_parse(zh[i], &l) == 0 && l == ZH, "%s",
		    zh[i]);
	}
	for (i = 0; en[i] != NULL; i++) {
		l = ZH;
		ck_assert_msg(pm_i18n_parse(en[i], &l) == 0 && l == EN, "%s",
		    en[i]);
	}
	for (i = 0; neither[i] != NULL; i++) {
		l = ZH;
		ck_assert_msg(pm_i18n_parse(neither[i], &l) == -1 && l == ZH,
		    "%s", neither[i]);
	}
	ck_assert_int_eq(pm_i18n_parse(NULL, &l), -1);
}
END_TEST

START_TEST(gettext_catalogue)
{
	/* "%s: empty" is in po/zh_CN.po. */
	static const char in_po[] = "%s: empty";
	static const char not_in_po[] = "no such message in the catalogue";
	int i;

	ck_assert_ptr_eq(pm_gettext(in_po), in_po);
	ck_assert_ptr_eq(_(not_in_po), not_in_po);
	pm_i18n_set(PM_LANG_ZH);
	ck_assert_str_eq(pm_gettext(in_po), "%s：为空");
	/* Not in the catalogue: the English, the very same string. */
	ck_assert_ptr_eq(pm_gettext(not_in_po), not_in_po);
	ck_assert_str_eq(pm_gettext(""), "");
	ck_assert_ptr_null(pm_gettext(NULL));
	/* Every entry compiled from the .po file is found. */
	ck_assert_int_ge(pm_catalog_zh_n, 1);
	for (i = 0; i < pm_catalog_zh_n; i++)
		ck_assert_str_eq(pm_gettext(pm_catalog_zh[i].id),
		    pm_catalog_zh[i].str);
	/* Messages are looked up where they are recorded. */
	pm_err(PM_EX_DATAERR, "%s: empty", "description");
	ck_assert_str_eq(pm_err_msg(), "description：为空");
	pm_i18n_set(PM_LANG_EN);
	pm_err(PM_EX_DATAERR, "%s: empty", "description");
	ck_assert_str_eq(pm_err_msg(), "description: empty");
}
END_TEST

Suite *
i18n_suite(void)
{
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("i18n");

	tcase_add_checked_fixture(tc, clean, clean);
	tcase_add_test(tc, env_locale_variables);
	tcase_add_test(tc, env_language_list);
	tcase_add_test(tc, estate_default);
	tcase_add_test(tc, parse_names);
	tcase_add_test(tc, gettext_catalogue);
	suite_add_tcase(s, tc);
	return s;
}
