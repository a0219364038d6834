/*
 * test_config_save.c - one setting written back into the configuration file (config_save.c): the
 * setting's last line replaced and every other line kept, appended when absent, the file and its
 * directories made, a link kept a link, and a file that cannot be written left as it was.
 */
#include "tests.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recview/config.h"
#include "recview/diag.h"

static char dir[64];

static int make_dir(void **state)
{
	*state = dir; /* drop_test_set removes it */
	static const struct test_file none[] = {{NULL, NULL}};
	return make_test_set(dir, sizeof(dir), "cfgsave", none);
}

#define path_of(name) test_path(dir, (name))

/* Writes text to NAME, saves split-ratio = value into it, and returns what the file then holds. */
static char *saved(const char *name, const char *text, const char *value)
{
	char err[300] = "";
	if (text)
		write_test_file(dir, name, text);
	bool ok = config_save_setting(path_of(name), "split-ratio", value, err, sizeof(err));
	if (!ok)
		fprintf(stderr, "%s\n", err);
	assert_true(ok);
	return read_whole_file(path_of(name), NULL);
}

static void test_replaces_the_last_line(void **state)
{
	(void)state;
	char *s = saved("config", "# my settings\nsplit-ratio = 40\ntheme = light  # comment\n  split-ratio=45\nmouse = on\n",
			"55");
	assert_string_equal(s, "# my settings\nsplit-ratio = 40\ntheme = light  # comment\nsplit-ratio = 55\nmouse = on\n");
	free(s);
}

static void test_appends_when_absent(void **state)
{
	(void)state;
	char *s = saved("config", "theme = dark\n# split-ratio = 30 (a comment, not a setting)\nsplit = on", "60");
	assert_string_equal(s, "theme = dark\n# split-ratio = 30 (a comment, not a setting)\nsplit = on\nsplit-ratio = 60\n");
	free(s);
	/* A longer name that begins with the setting's is another setting. */
	s = saved("config2", "split-ratio-x = 1\n", "25");
	assert_string_equal(s, "split-ratio-x = 1\nsplit-ratio = 25\n");
	free(s);
}

static void test_keeps_line_endings_and_bom(void **state)
{
	(void)state;
	char *s = saved("config", "\xEF\xBB\xBFsplit-ratio = 30\r\ntheme = dark\r\n", "35");
	assert_string_equal(s, "\xEF\xBB\xBFsplit-ratio = 35\r\ntheme = dark\r\n");
	free(s);
}

static void test_makes_file_and_directories(void **state)
{
	(void)state;
	char *s = saved("a/b/recview/config", NULL, "70");
	assert_string_equal(s, "split-ratio = 70\n");
	free(s);
	struct stat st;
	assert_int_equal(stat(path_of("a/b/recview"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* The new setting is read back as the setting. */
	struct config c;
	struct diag_list dl;
	diag_list_init(&dl);
	config_load(&c, path_of("a/b/recview/config"), &dl, NULL);
	assert_int_equal(c.split_ratio, 70);
	assert_int_equal(dl.warnings + dl.errors, 0);
	config_free(&c);
	diag_list_free(&dl);
}

static void test_link_stays_a_link(void **state)
{
	(void)state;
	write_test_file(dir, "real", "theme = dark\n");
	assert_int_equal(symlink("real", path_of("config")), 0);
	char *s = saved("config", NULL, "50");
	assert_string_equal(s, "theme = dark\nsplit-ratio = 50\n");
	free(s);
	struct stat st;
	assert_int_equal(lstat(path_of("config"), &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	s = read_whole_file(path_of("real"), NULL);
	assert_string_equal(s, "theme = dark\nsplit-ratio = 50\n");
	free(s);
}

static void test_mode_kept(void **state)
{
	(void)state;
	write_test_file(dir, "config", "author = me\n");
	assert_int_equal(chmod(path_of("config"), 0600), 0);
	free(saved("config", NULL, "45"));
	struct stat st;
	assert_int_equal(stat(path_of("config"), &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
}

static void test_failures_leave_the_file(void **state)
{
	(void)state;
	char err[300] = "";
	assert_false(config_save_setting(NULL, "split-ratio", "50", err, sizeof(err)));
	assert_non_null(strstr(err, "neither XDG_CONFIG_HOME nor HOME"));
	/* A dangling link. */
	assert_int_equal(symlink("nowhere", path_of("dangling")), 0);
	assert_false(config_save_setting(path_of("dangling"), "split-ratio", "50", err, sizeof(err)));
	assert_non_null(strstr(err, "a link to nothing"));
	/* A directory where the file should be. */
	assert_int_equal(mkdir(path_of("adir"), 0700), 0);
	assert_false(config_save_setting(path_of("adir"), "split-ratio", "50", err, sizeof(err)));
	assert_non_null(strstr(err, "not a configuration file"));
	/* A directory that cannot be written (root may write anywhere: then the save simply works). */
	assert_int_equal(mkdir(path_of("ro"), 0700), 0);
	write_test_file(dir, "ro/config", "theme = dark\n");
	assert_int_equal(chmod(path_of("ro"), 0500), 0);
	bool ok = config_save_setting(path_of("ro/config"), "split-ratio", "50", err, sizeof(err));
	char *s = read_whole_file(path_of("ro/config"), NULL);
	if (ok) {
		assert_string_equal(s, "theme = dark\nsplit-ratio = 50\n");
	} else {
		assert_non_null(strstr(err, "cannot write beside"));
		assert_string_equal(s, "theme = dark\n");
	}
	free(s);
	chmod(path_of("ro"), 0700);
}

int run_config_save_tests(void)
{
#define SAVE_TEST(f) cmocka_unit_test_setup_teardown(f, make_dir, drop_test_set)
	const struct CMUnitTest tests[] = {
		SAVE_TEST(test_replaces_the_last_line),
		SAVE_TEST(test_appends_when_absent),
		SAVE_TEST(test_keeps_line_endings_and_bom),
		SAVE_TEST(test_makes_file_and_directories),
		SAVE_TEST(test_link_stays_a_link),
		SAVE_TEST(test_mode_kept),
		SAVE_TEST(test_failures_leave_the_file),
	};
#undef SAVE_TEST
	return cmocka_run_group_tests_name("config_save", tests, NULL, NULL);
}
