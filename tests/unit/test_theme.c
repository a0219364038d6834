/* test_theme.c - every theme tells every status and every decision apart by colour (both colour sets
 * of a theme that has two), and every bar pattern differs, in UTF-8 and in ASCII. */
#include "tests.h"

#include <string.h>

#include "recview/theme.h"

static void assert_distinct_fg(const struct rv_theme *t, const struct rv_color_def *defs, const enum color *slots,
			       size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			if (defs[slots[i]].fg == defs[slots[j]].fg)
				fail_msg("theme %s: slots %d and %d share colour %d", t->name, (int)slots[i],
					 (int)slots[j], defs[slots[i]].fg);
		}
}

static void test_statuses_distinct_in_every_theme(void **state)
{
	(void)state;
	enum color slots[RV_STATUS_COUNT];
	for (int s = 0; s < RV_STATUS_COUNT; s++)
		slots[s] = rv_status_color((enum rv_status)s);
	size_t n = 0;
	for (const struct rv_theme *t; (t = rv_theme_at(n)) != NULL; n++) {
		if (t->mono)
			continue; /* attributes only: the patterns tell the statuses apart */
		assert_distinct_fg(t, t->defs, slots, RV_STATUS_COUNT);
		if (t->defs8)
			assert_distinct_fg(t, t->defs8, slots, RV_STATUS_COUNT);
	}
	assert_int_equal(n, 5);
}

static void test_decisions_distinct_in_every_theme(void **state)
{
	(void)state;
	enum color slots[RV_DECISION_COUNT];
	for (int d = 0; d < RV_DECISION_COUNT; d++)
		slots[d] = rv_decision_color((enum rv_decision)d);
	for (size_t i = 0; rv_theme_at(i); i++) {
		const struct rv_theme *t = rv_theme_at(i);
		if (t->mono)
			continue;
		assert_distinct_fg(t, t->defs, slots, RV_DECISION_COUNT);
		if (t->defs8)
			assert_distinct_fg(t, t->defs8, slots, RV_DECISION_COUNT);
	}
}

/* An xterm-256 colour only where the theme has an 8-colour set to fall back on. */
static void test_eight_colour_fallback(void **state)
{
	(void)state;
	for (size_t i = 0; rv_theme_at(i); i++) {
		const struct rv_theme *t = rv_theme_at(i);
		const struct rv_color_def *defs = t->defs8 ? t->defs8 : t->defs;
		for (int c = 0; c < C_COUNT; c++) {
			assert_true(defs[c].fg <= RV_COLOR_WHITE);
			assert_true(defs[c].bg <= RV_COLOR_WHITE);
		}
	}
	const struct rv_theme *oi = rv_theme_find("okabe-ito", 9);
	assert_non_null(oi);
	assert_non_null(oi->defs8);
	assert_int_equal(oi->defs[C_ST_COMPLETE].fg, 35);  /* bluish green #009E73 */
	assert_int_equal(oi->defs[C_ST_BEHIND].fg, 166);   /* vermillion #D55E00 */
	assert_null(rv_theme_find("okabe", 5));
}

static void test_patterns_distinct(void **state)
{
	(void)state;
	for (int ascii = 0; ascii < 2; ascii++) {
		for (int a = 0; a < RV_STATUS_COUNT; a++) {
			const char *pa = rv_status_pattern((enum rv_status)a, ascii);
			assert_true(ascii ? strlen(pa) == 1 : strlen(pa) >= 2); /* one column: ASCII or one UTF-8 glyph */
			for (int b = a + 1; b < RV_STATUS_COUNT; b++)
				assert_string_not_equal(pa, rv_status_pattern((enum rv_status)b, ascii));
		}
		for (int a = 0; a < RV_DECISION_COUNT; a++)
			for (int b = a + 1; b < RV_DECISION_COUNT; b++)
				assert_string_not_equal(rv_decision_pattern((enum rv_decision)a, ascii),
							rv_decision_pattern((enum rv_decision)b, ascii));
	}
	assert_string_equal(rv_status_pattern(RV_STATUS_COMPLETE, true), "#");
	assert_string_equal(rv_status_pattern(RV_STATUS_COMPLETE, false), "\xE2\x96\x88");
}

int run_theme_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statuses_distinct_in_every_theme),
		cmocka_unit_test(test_decisions_distinct_in_every_theme),
		cmocka_unit_test(test_eight_colour_fallback),
		cmocka_unit_test(test_patterns_distinct),
	};
	return cmocka_run_group_tests_name("theme", tests, NULL, NULL);
}
