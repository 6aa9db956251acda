/*
 * check_cli.c - the shared options.  Paths that exit (help, version, bad
 * options) are tested on the real binaries in tests/cli/0001-man.t.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pmtest.h"

static int
run_nothing(struct pm_cli *cli, int argc, char **argv)
{
	return 0;
}

enum { OPT_REVEAL = PM_OPT_LONG };

static const struct pm_opt list_opts[] = {
	{ "building", 'b', "number", "the building" },
	{ "reveal", OPT_REVEAL, NULL, "show phone numbers" },
	{ NULL, 0, NULL, NULL }
};

static const struct pm_cli_verb verbs[] = {
	{ "list", run_nothing, "[-b number] [--reveal]", "list them",
	    list_opts, NULL },
	{ "show", run_nothing, "id ...", "show them", NULL, NULL },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

/* A pm_cli as pm_cli_main() hands it to verb 'i'. */
static void
cli_for(struct pm_cli *cli, int i)
{
	memset(cli, 0, sizeof *cli);
	cli->verbs = verbs;
	cli->v = &verbs[i];
	cli->verb = verbs[i].name;
	optind = 1;
}

START_TEST(test_shared_and_own_options)
{
	char *argv[] = { "list", "-d", "x.db", "--building", "3", "--as",
	    "wang.fang", "-o", "json", "--header", "-q", "--reveal", "3-1-502",
	    NULL };
	int argc = 13, c, reveal = 0;
	const char *building = NULL;
	struct pm_cli cli;

	cli_for(&cli, 0);
	while ((c = pm_cli_getopt(&cli, argc, argv)) != -1)
		switch (c) {
		case 'b': building = optarg; break;
		case OPT_REVEAL: reveal = 1; break;
		default: ck_abort_msg("unexpected option %d", c);
		}
	ck_assert_str_eq(building, "3");
	ck_assert_int_eq(reveal, 1);
	ck_assert_str_eq(cli.db_path, "x.db");
	ck_assert_str_eq(cli.user, "wang.fang");
	ck_assert_int_eq(cli.format, PM_FMT_JSON);
	ck_assert_int_eq(cli.header, 1);
	ck_assert_int_eq(cli.quiet, 1);
	ck_assert_int_eq(argc - optind, 1);
	ck_assert_str_eq(argv[optind], "3-1-502");
}
END_TEST

START_TEST(test_user_from_environment)
{
	char *argv[] = { "list", NULL };
	struct pm_cli cli;

	cli_for(&cli, 1);
	setenv("PM_USER", "li.na", 1);
	ck_assert_int_eq(pm_cli_getopt(&cli, 1, argv), -1);
	ck_assert_str_eq(cli.user, "li.na");
	ck_assert_int_eq(cli.user_given, 1);
	/* Not a terminal under the test runner: TSV. */
	ck_assert_int_eq(cli.format, PM_FMT_TSV);
	unsetenv("PM_USER");
}
END_TEST

static int
collect_id(const char *id, void *arg)
{
	strcat(arg, id);
	strcat(arg, ";");
	return strcmp(id, "stop") == 0 ? PM_EX_NOINPUT : 0;
}

START_TEST(test_each_id)
{
	char *ids[] = { "12", "13", "stop", "14" };
	char buf[64] = "";
	struct pm_cli cli;

	cli_for(&cli, 1);
	ck_assert_int_eq(pm_cli_each_id(&cli, 2, ids, collect_id, buf), 0);
	ck_assert_str_eq(buf, "12;13;");
	buf[0] = '\0';
	ck_assert_int_eq(pm_cli_each_id(&cli, 4, ids, collect_id, buf),
	    PM_EX_NOINPUT);
	ck_assert_str_eq(buf, "12;13;stop;");
}
END_TEST

START_TEST(test_bad_value_message)
{
	ck_assert_int_eq(pm_cli_bad("level", "7", "choose 1, 2 or 3"), PM_EX_USAGE);
	ck_assert_str_eq(pm_err_msg(), "level '7': choose 1, 2 or 3");
}
END_TEST

Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_add_test(tc, test_shared_and_own_options);
	tcase_add_test(tc, test_user_from_environment);
	tcase_add_test(tc, test_each_id);
	tcase_add_test(tc, test_bad_value_message);
	suite_add_tcase(s, tc);
	return s;
}
