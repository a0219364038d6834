/* test_split.c - where the list and the page of the split go (split_layout) and the split settings of
 * the configuration file. */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/config.h"
#include "recview/split.h"

static void assert_rect(struct split_rect r, int x, int y, int w, int h)
{
	assert_int_equal(r.x, x);
	assert_int_equal(r.y, y);
	assert_int_equal(r.w, w);
	assert_int_equal(r.h, h);
}

/* 80x24: too narrow for the list beside a page and too short for one under it. */
static void test_auto_80x24_is_off(void **state)
{
	(void)state;
	struct split_layout l = split_layout(80, 24, SPLIT_AUTO, 50);
	assert_int_equal(l.shape, SPLIT_NONE);
	assert_rect(l.list, 0, 1, 80, 22);
}

/* 120x40: the list keeps 76 columns, the page has the rest after the separator column. */
static void test_auto_120x40_side_by_side(void **state)
{
	(void)state;
	struct split_layout l = split_layout(120, 40, SPLIT_AUTO, 50);
	assert_int_equal(l.shape, SPLIT_SIDE);
	assert_rect(l.list, 0, 1, 76, 38);
	assert_rect(l.sep, 76, 1, 1, 38);
	assert_rect(l.page, 77, 1, 43, 38);
}

/* 200x60: the ratio decides, half each. */
static void test_auto_200x60_follows_ratio(void **state)
{
	(void)state;
	struct split_layout l = split_layout(200, 60, SPLIT_AUTO, 50);
	assert_int_equal(l.shape, SPLIT_SIDE);
	assert_rect(l.list, 0, 1, 99, 58);
	assert_rect(l.page, 100, 1, 100, 58);
	l = split_layout(200, 60, SPLIT_AUTO, 70);
	assert_int_equal(l.list.w, 139);
	assert_int_equal(l.list.w + 1 + l.page.w, 200);
	/* The page keeps its 40 columns however large the ratio. */
	l = split_layout(120, 40, SPLIT_AUTO, 80);
	assert_int_equal(l.page.w, 40);
}

/* From 117 columns side by side, below that none (or stacked when tall). */
static void test_auto_threshold(void **state)
{
	(void)state;
	assert_int_equal(split_layout(117, 30, SPLIT_AUTO, 50).shape, SPLIT_SIDE);
	assert_int_equal(split_layout(116, 30, SPLIT_AUTO, 50).shape, SPLIT_NONE);
	assert_int_equal(split_layout(116, 39, SPLIT_AUTO, 50).shape, SPLIT_NONE);
}

/* Narrow and tall: the page under the list, a separator row between them. */
static void test_auto_stacked_when_tall(void **state)
{
	(void)state;
	struct split_layout l = split_layout(80, 50, SPLIT_AUTO, 50);
	assert_int_equal(l.shape, SPLIT_STACKED);
	assert_rect(l.list, 0, 1, 80, 23);
	assert_rect(l.sep, 0, 24, 80, 1);
	assert_rect(l.page, 0, 25, 80, 24);
	assert_int_equal(l.list.h + 1 + l.page.h, 48);
}

static void test_off_and_on(void **state)
{
	(void)state;
	assert_int_equal(split_layout(200, 60, SPLIT_OFF, 50).shape, SPLIT_NONE);
	/* on: also where auto has no room, the ratio as it is */
	struct split_layout l = split_layout(80, 24, SPLIT_ON, 50);
	assert_int_equal(l.shape, SPLIT_SIDE);
	assert_int_equal(l.list.w, 39);
	assert_int_equal(l.page.w, 40);
	/* on, wide: the list may get narrower than 76 columns */
	assert_int_equal(split_layout(120, 40, SPLIT_ON, 30).list.w, 35);
	assert_int_equal(split_layout(120, 40, SPLIT_AUTO, 30).list.w, 76);
	/* too small for two panes either way */
	assert_int_equal(split_layout(40, 10, SPLIT_ON, 50).shape, SPLIT_NONE);
	assert_int_equal(split_layout(40, 20, SPLIT_ON, 50).shape, SPLIT_STACKED);
}

static void test_ratio_and_mode_words(void **state)
{
	(void)state;
	assert_int_equal(split_clamp_ratio(5), SPLIT_RATIO_MIN);
	assert_int_equal(split_clamp_ratio(95), SPLIT_RATIO_MAX);
	assert_int_equal(split_clamp_ratio(45), 45);
	enum split_mode m;
	assert_true(split_parse_mode("auto", &m));
	assert_int_equal(m, SPLIT_AUTO);
	assert_true(split_parse_mode("yes", &m));
	assert_int_equal(m, SPLIT_ON);
	assert_true(split_parse_mode("off", &m));
	assert_int_equal(m, SPLIT_OFF);
	assert_false(split_parse_mode("sideways", &m));
	assert_string_equal(split_mode_name(SPLIT_ON), "on");
}

/* split and split-ratio in the configuration file; bad values are warnings and leave them unset. */
static void load(struct config *c, struct diag_list *dl, const char *text)
{
	char path[] = "/tmp/recview-split-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	diag_list_init(dl);
	config_load(c, path, dl, NULL);
	unlink(path);
}

static void test_config_settings(void **state)
{
	(void)state;
	struct config c;
	struct diag_list dl;
	load(&c, &dl, "split = off\nsplit-ratio = 65\n");
	assert_int_equal(dl.n, 0);
	assert_int_equal(c.split, SPLIT_OFF);
	assert_int_equal(c.split_ratio, 65);
	config_free(&c);
	diag_list_free(&dl);

	load(&c, &dl, "split = sideways\nsplit-ratio = 90\nsplit-ratio = 5x\n");
	assert_int_equal(dl.n, 3);
	assert_int_equal(c.split, -1);
	assert_int_equal(c.split_ratio, 0);
	config_free(&c);
	diag_list_free(&dl);
}

int run_split_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_auto_80x24_is_off),       cmocka_unit_test(test_auto_120x40_side_by_side),
		cmocka_unit_test(test_auto_200x60_follows_ratio), cmocka_unit_test(test_auto_threshold),
		cmocka_unit_test(test_auto_stacked_when_tall),   cmocka_unit_test(test_off_and_on),
		cmocka_unit_test(test_ratio_and_mode_words),     cmocka_unit_test(test_config_settings),
	};
	return cmocka_run_group_tests_name("split", tests, NULL, NULL);
}
