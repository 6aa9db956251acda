/*
 * check_vocab.c - the vocabularies: words in English, in Chinese and
 * other spellings, groups, the message for a word that is none, and
 * labels in the reader's language.
 */
#include <stdio.h>
#include <string.h>

#include "pmtest.h"
#include "i18n.h"
#include "vocab.h"

static const struct pm_vocab *const all[] = {
	&pm_v_occupancy, &pm_v_condition, &pm_v_role, &pm_v_ticket_kind,
	&pm_v_ticket_status, &pm_v_source, &pm_v_satisfaction, &pm_v_level,
	&pm_v_deadline, &pm_v_clock, &pm_v_unit_kind, &pm_v_event, NULL
};

static void
english(void)
{
	pm_i18n_set(PM_LANG_EN);
	pm_err_clear();
}

START_TEST(find_english_chinese_alias)
{
	ck_assert_str_eq(pm_vocab_find(&pm_v_occupancy, "vacant"), "vacant");
	ck_assert_str_eq(pm_vocab_find(&pm_v_occupancy, "空置"), "vacant");
	ck_assert_str_eq(pm_vocab_find(&pm_v_occupancy, "空房"), "vacant");
	ck_assert_str_eq(pm_vocab_find(&pm_v_occupancy, "已入住"), "occupied");
	ck_assert_str_eq(pm_vocab_find(&pm_v_occupancy, "租住"), "rented");
	ck_assert_str_eq(pm_vocab_find(&pm_v_role, "班长"), "lead");
	ck_assert_str_eq(pm_vocab_find(&pm_v_role, "组长"), "lead");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_status, "in-progress"),
	    "in_progress");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_status, "canceled"),
	    "cancelled");
	ck_assert_str_eq(pm_vocab_find(&pm_v_source, "微信"), "online");
	ck_assert_str_eq(pm_vocab_find(&pm_v_source, "walkin"), "walk-in");
	ck_assert_str_eq(pm_vocab_find(&pm_v_satisfaction,
	    "basically-satisfied"), "basic");
	ck_assert_str_eq(pm_vocab_find(&pm_v_level, "二级"), "2");
	ck_assert_str_eq(pm_vocab_find(&pm_v_deadline, "same-day"),
	    "same_day");
	/* Whole words only. */
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, "occ"));
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, "vacant "));
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, "租"));
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, "入住|已入住"));
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, ""));
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, NULL));
	/* A word of another vocabulary is no word of this one. */
	ck_assert_ptr_null(pm_vocab_find(&pm_v_occupancy, "good"));
}
END_TEST

START_TEST(find_ignores_ascii_case)
{
	ck_assert_str_eq(pm_vocab_find(&pm_v_occupancy, "VACANT"), "vacant");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_status, "In_Progress"),
	    "in_progress");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_status, "CANCELED"),
	    "cancelled");
	ck_assert_str_eq(pm_vocab_find(&pm_v_source, "WALK_IN"), "walk-in");
	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_status, "Open"), "open");
	/* Identifiers come back as stored, whatever the case typed. */
	ck_assert_str_eq(pm_vocab_find(&pm_v_role, "Manager"), "manager");
}
END_TEST

/* Every word is found by each of its names, and by no other word's. */
START_TEST(every_word_finds_itself)
{
	const struct pm_vocab *const *v;
	const struct pm_word *w;
	char alias[128], *a, *save;

	for (v = all; *v != NULL; v++)
		for (w = (*v)->words; w->id != NULL; w++) {
			ck_assert_str_eq(pm_vocab_find(*v, w->id), w->id);
			ck_assert_str_eq(pm_vocab_find(*v, w->zh), w->id);
			ck_assert_ptr_eq(pm_vocab_word(*v, w->id), w);
			ck_assert_int_eq(pm_vocab_index(*v, w->id),
			    (int)(w - (*v)->words));
			ck_assert_str_eq(pm_vocab_id(*v, (int)(w - (*v)->words)),
			    w->id);
			if (w->alias == NULL)
				continue;
			snprintf(alias, sizeof alias, "%s", w->alias);
			for (a = strtok_r(alias, "|", &save); a != NULL;
			    a = strtok_r(NULL, "|", &save))
				ck_assert_msg(strcmp(pm_vocab_find(*v, a), w->id)
				    == 0, "%s: alias '%s' finds '%s', not '%s'",
				    (*v)->what, a, pm_vocab_find(*v, a), w->id);
		}
}
END_TEST

START_TEST(index_and_id)
{
	/* Roles in rising rank. */
	ck_assert_int_eq(pm_vocab_index(&pm_v_role, "staff"), 0);
	ck_assert_int_eq(pm_vocab_index(&pm_v_role, "manager"), 3);
	ck_assert_int_eq(pm_vocab_index(&pm_v_role, "Manager"), -1);
	ck_assert_int_eq(pm_vocab_index(&pm_v_role, "boss"), -1);
	ck_assert_int_eq(pm_vocab_index(&pm_v_role, NULL), -1);
	ck_assert_str_eq(pm_vocab_id(&pm_v_role, 1), "lead");
	ck_assert_ptr_null(pm_vocab_id(&pm_v_role, 4));
	ck_assert_ptr_null(pm_vocab_id(&pm_v_role, -1));
	ck_assert_ptr_null(pm_vocab_word(&pm_v_role, "经理"));
	ck_assert_ptr_null(pm_vocab_word(&pm_v_role, NULL));
}
END_TEST

START_TEST(groups)
{
	const struct pm_word *w;
	const char *id;

	ck_assert_str_eq(pm_vocab_find(&pm_v_ticket_status, "未关闭"), "open");
	ck_assert_ptr_nonnull(w = pm_vocab_word(&pm_v_ticket_status, "open"));
	ck_assert_str_eq(w->group,
	    "new,assigned,in_progress,waiting,resolved,called_back");
	ck_assert_ptr_null(pm_vocab_word(&pm_v_ticket_status, "new")->group);
	/* Membership: the group itself, its members, nothing else. */
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open", "open"), 1);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open", "new"), 1);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open",
	    "called_back"), 1);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open", "closed"), 0);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open",
	    "cancelled"), 0);
	/* A prefix of a member is no member. */
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open", "in"), 0);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open", "ne"), 0);
	/* A word that is no group holds only itself. */
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "new", "new"), 1);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "new", "assigned"),
	    0);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "nope", "nope"), 0);
	ck_assert_int_eq(pm_vocab_in(&pm_v_ticket_status, "open", NULL), 0);
	/* A group is a word only where groups are asked for. */
	ck_assert_int_eq(pm_vocab_check(&pm_v_ticket_status, "open", 1, &id),
	    0);
	ck_assert_str_eq(id, "open");
	pm_assert_err(pm_vocab_check(&pm_v_ticket_status, "open", 0, &id),
	    PM_EX_DATAERR, "status 'open': unknown status (choose new, "
	    "assigned, in_progress, waiting, resolved, called_back, closed or "
	    "cancelled)");
}
END_TEST

START_TEST(check_messages_english)
{
	const char *id = "unchanged";

	ck_assert_int_eq(pm_vocab_check(&pm_v_occupancy, "出租", 0, &id), 0);
	ck_assert_str_eq(id, "rented");
	id = "unchanged";
	pm_assert_err(pm_vocab_check(&pm_v_occupancy, "empty", 0, &id),
	    PM_EX_DATAERR, "occupancy 'empty': unknown occupancy (choose "
	    "occupied, vacant or rented)");
	ck_assert_str_eq(pm_err_msg(), "occupancy 'empty': unknown occupancy "
	    "(choose occupied, vacant or rented)");
	ck_assert_str_eq(id, "unchanged");
	/* Two words: "a or b"; with groups, the group is a choice. */
	pm_assert_err(pm_vocab_check(&pm_v_clock, "x", 0, &id), PM_EX_DATAERR,
	    "clock 'x': unknown clock (choose calendar or working)");
	pm_assert_err(pm_vocab_check(&pm_v_ticket_status, "done", 1, &id),
	    PM_EX_DATAERR, "(choose new, assigned, in_progress, waiting, "
	    "resolved, called_back, closed, cancelled or open)");
	/* The value is quoted as every value in a message. */
	pm_assert_err(pm_vocab_check(&pm_v_level, "4\033[2J", 0, &id),
	    PM_EX_DATAERR, "level '4\\x1B[2J': unknown level (choose 1, 2 or "
	    "3)");
	pm_assert_err(pm_vocab_check(&pm_v_level, NULL, 0, &id),
	    PM_EX_DATAERR, "level '': unknown level");
}
END_TEST

START_TEST(check_messages_chinese)
{
	const char *id;

	pm_i18n_set(PM_LANG_ZH);
	/* The choices in Chinese, the value in Chinese quotes. */
	pm_assert_err(pm_vocab_check(&pm_v_occupancy, "empty", 0, &id),
	    PM_EX_DATAERR, "入住状态“empty”：未知的入住状态（可选：自住、空置或"
	    "出租）");
	pm_assert_err(pm_vocab_check(&pm_v_satisfaction, "还行", 0, &id),
	    PM_EX_DATAERR, "（可选：满意、基本满意或不满意）");
	/* Words are accepted in either language, whatever the reader's. */
	ck_assert_int_eq(pm_vocab_check(&pm_v_occupancy, "vacant", 0, &id), 0);
	ck_assert_str_eq(id, "vacant");
	ck_assert_int_eq(pm_vocab_check(&pm_v_occupancy, "空置", 0, &id), 0);
	ck_assert_str_eq(id, "vacant");
}
END_TEST

START_TEST(labels)
{
	ck_assert_str_eq(pm_vocab_label(&pm_v_occupancy, "occupied"),
	    "occupied");
	ck_assert_str_eq(pm_vocab_label(&pm_v_role, "lead"), "lead");
	pm_i18n_set(PM_LANG_ZH);
	ck_assert_str_eq(pm_vocab_label(&pm_v_occupancy, "occupied"), "自住");
	ck_assert_str_eq(pm_vocab_label(&pm_v_role, "lead"), "班长");
	ck_assert_str_eq(pm_vocab_label(&pm_v_ticket_status, "open"),
	    "未关闭");
	ck_assert_str_eq(pm_vocab_label(&pm_v_event, "wait"), "暂停");
	/* Identifiers only: an unknown one, or a Chinese word, is as it is. */
	ck_assert_str_eq(pm_vocab_label(&pm_v_role, "boss"), "boss");
	ck_assert_str_eq(pm_vocab_label(&pm_v_role, "班长"), "班长");
	ck_assert_str_eq(pm_vocab_label(&pm_v_role, "Lead"), "Lead");
	ck_assert_ptr_null(pm_vocab_label(&pm_v_role, NULL));
}
END_TEST

Suite *
vocab_suite(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("vocab");

	tcase_add_checked_fixture(tc, english, english);
	tcase_add_test(tc, find_english_chinese_alias);
	tcase_add_test(tc, find_ignores_ascii_case);
	tcase_add_test(tc, every_word_finds_itself);
	tcase_add_test(tc, index_and_id);
	tcase_add_test(tc, groups);
	tcase_add_test(tc, check_messages_english);
	tcase_add_test(tc, check_messages_chinese);
	tcase_add_test(tc, labels);
	suite_add_tcase(s, tc);
	return s;
}
