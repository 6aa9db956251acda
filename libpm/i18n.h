/*
 * i18n.h - the language people read: English or Chinese.
 *
 * English is the source: every message, usage line, table heading and
 * label is written in English in the code and looked up in the zh_CN
 * catalogue (po/zh_CN.po, compiled into the library at build time) when
 * the reader's language is Chinese.  Machine output (TSV, CSV, JSON keys
 * and values) never changes with the language.
 *
 * Why not the C library's gettext: it translates only under a locale the
 * system has generated (a fresh Debian has none but C.UTF-8) and ignores
 * LANGUAGE under the C locale, and cron runs with no LANG at all; yet the
 * manager's nightly mail must be Chinese.  So pm picks the language from
 * the environment itself, falls back to the estate file's language:, and
 * needs no locale installed.  The catalogue stays a standard .po file,
 * so xgettext, msgfmt -c and any PO editor work on it.
 *
 * The language, in order:
 *   1. LANGUAGE (a colon list; the first of zh*, en* decides), unless the
 *      locale below is C or POSIX, as GNU gettext does;
 *   2. the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty:
 *      zh* is Chinese, anything else (C, C.UTF-8, en_US.UTF-8) English;
 *   3. none set: the estate file's language (pm_i18n_default()), else
 *      English.
 */
#ifndef PM_I18N_H
#define PM_I18N_H

enum pm_lang {
	PM_LANG_EN,
	PM_LANG_ZH
};

/*
 * The translation of 'msgid' in the current language, or 'msgid'
 * itself (English, or no translation).  The result is static.
 */
const char *pm_gettext(const char *msgid);

#define _(s) pm_gettext(s)
/* Marks a string for the catalogue where it is translated later. */
#define N_(s) (s)

/* Read the environment (once, at start; pm_cli_main() does it). */
void pm_i18n_init(void);

/*
 * Whether the environment named a language (rules 1 and 2 above); when
 * not, the estate's language decides.
 */
int pm_i18n_from_env(void);

/*
 * The estate's language ("zh_CN", "zh", "en", ...), used only when the
 * environment named none.  NULL or an unknown name leaves English.
 */
void pm_i18n_default(const char *lang);

/* Force a language (tests). */
void pm_i18n_set(enum pm_lang lang);

enum pm_lang pm_i18n_lang(void);

/*
 * Parse a language name as the estate file gives it: "zh_CN", "zh",
 * "zh-CN", "zh_CN.UTF-8" (Chinese); "en", "en_US", "C" (English).
 * Returns 0, or -1 when it is neither.
 */
int pm_i18n_parse(const char *name, enum pm_lang *lang);

/* A catalogue entry, as tools/po2c.awk writes them. */
struct pm_msg {
	const char *id;
	const char *str;
};

/* Generated from po/zh_CN.po. */
extern const struct pm_msg pm_catalog_zh[];
extern const int pm_catalog_zh_n;

#endif
