/* test_diag.c - problems are small records, at most DIAG_KEEP_PER_KIND of a kind per file, the rest counted. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recview/diag.h"
#include "recview/model.h"
#include "recview/strbuf.h"
#include "tests.h"

static const char bad_date_tail[] = " (expected YYYY-MM-DD, YYYY-MM or YYYY; kept as written)";

static void add_bad_dates(struct diag_list *dl, const char *file, size_t n)
{
	for (size_t i = 0; i < n; i++)
		diag_add_value(dl, DIAG_WARNING, file, (uint32_t)i + 2, 5, "bad date", "2024-13-99", 10, bad_date_tail);
}

/* The whole diagnostics list of dl as --check writes it. */
static char *written(const struct diag_list *dl)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	diag_list_write(dl, f);
	fclose(f);
	return text;
}

static size_t count_lines(const char *s, const char *part)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, part)); p += strlen(part))
		n++;
	return n;
}

/* A value problem keeps its value only; its text is the one it had when built whole. */
static void test_value_text_built_when_shown(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_list_init(&dl);
	struct diag *d = diag_add_value(&dl, DIAG_WARNING, "h.csv", 3, 7, "bad date", "20\x1b[2J", 6, bad_date_tail);
	d->table = 3;
	assert_null(d->msg);
	assert_string_equal(d->value, "'20^[[2J'");
	char *line = diag_line(&dl.items[0]);
	assert_string_equal(line, "h.csv:3:7: warning: bad date '20^[[2J' (expected YYYY-MM-DD, YYYY-MM or YYYY; "
				  "kept as written)");
	free(line);
	assert_int_equal(dl.items[0].table, 3);
	diag_list_free(&dl);
}

/* 300,000 bad dates in one file keep 1,000 records; all are counted; a second kind and file keep theirs. */
static void test_kept_per_kind_and_file(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_list_init(&dl);
	add_bad_dates(&dl, "h.csv", 300000);
	add_bad_dates(&dl, "d.csv", 1500);
	for (int i = 0; i < 5; i++)
		diag_add(&dl, DIAG_ERROR, "h.csv", 1, (uint32_t)i + 1, "column %d has no name", i);
	for (int i = 0; i < 1200; i++) /* a message given whole: its kind is its text up to the quote */
		diag_add(&dl, DIAG_ERROR, "h.csv", 9, 1, "%s", i % 2 ? "duplicate id 'A'" : "duplicate id 'B'");
	assert_int_equal(dl.n, 1000 + 1000 + 5 + 1000);
	assert_int_equal(dl.warnings, 301500);
	assert_int_equal(dl.errors, 1205);
	/* Memory is bounded by what is kept: a few bytes of text per record. */
	assert_true(dl.text.used_bytes < 3005 * 48);
	assert_true(sizeof(struct diag) <= 64);

	char *text = written(&dl);
	assert_int_equal(count_lines(text, "h.csv:"), 2005 + 2); /* and its two count lines */
	assert_non_null(strstr(text, "h.csv:1001:5: warning: bad date '2024-13-99' (expected YYYY-MM-DD, YYYY-MM or "
				     "YYYY; kept as written)\nh.csv: warning: \u2026 and 299,000 more like this\n"));
	assert_non_null(strstr(text, "d.csv: warning: \u2026 and 500 more like this\n"));
	assert_non_null(strstr(text, "h.csv: error: \u2026 and 200 more like this\n"));
	assert_int_equal(count_lines(text, "more like this"), 3);
	free(text);

	diag_list_make_strict(&dl);
	assert_int_equal(dl.warnings, 0);
	assert_int_equal(dl.errors, 302705);
	text = written(&dl);
	assert_non_null(strstr(text, "h.csv: error: \u2026 and 299,000 more like this\n"));
	free(text);
	diag_list_free(&dl);
}

/* A problem only counted still takes the caller's table and row without harm. */
static void test_counted_problem_can_be_filled(void **state)
{
	(void)state;
	struct diag_list dl;
	diag_list_init(&dl);
	add_bad_dates(&dl, "h.csv", 1000);
	struct diag *d = diag_add(&dl, DIAG_WARNING, "h.csv", 1, 1, "row has %u fields", 3u);
	d->table = 1;
	for (int i = 0; i < 1000; i++)
		d = diag_add(&dl, DIAG_WARNING, "h.csv", 1, 1, "row has %u fields", 3u);
	d->row = 7;
	d = diag_add_value(&dl, DIAG_WARNING, "h.csv", 2, 2, "bad date", "x", 1, bad_date_tail);
	assert_true(d < dl.items || d >= dl.items + dl.n);
	d->table = 2;
	d->row = 9;
	assert_int_equal(dl.n, 2000);
	for (size_t i = 0; i < dl.n; i++)
		assert_int_equal(dl.items[i].row, -1);
	diag_list_free(&dl);
}

/* --check --all: every problem is kept and written, with no count line. */
static void test_keep_all(void **state)
{
	(void)state;
	diag_set_keep_per_kind(0);
	struct diag_list dl;
	diag_list_init(&dl);
	diag_set_keep_per_kind(DIAG_KEEP_PER_KIND);
	add_bad_dates(&dl, "h.csv", 3000);
	assert_int_equal(dl.n, 3000);
	char *text = written(&dl);
	assert_int_equal(count_lines(text, "bad date"), 3000);
	assert_null(strstr(text, "more like this"));
	free(text);
	diag_list_free(&dl);
}

/* Through the loader: 1,500 bad dates in status_history.csv keep 1,000, in file order, then the count. */
static void test_model_keeps_first_of_kind(void **state)
{
	(void)state;
	char dir[] = "/tmp/recview-diag-XXXXXX";
	assert_non_null(mkdtemp(dir));
	write_test_file(dir, "recommendations.csv", "id,title\nR-1,One\n");
	struct strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "rec_id,date\n");
	for (int i = 0; i < 1500; i++)
		sb_addf(&sb, "R-1,2024-%02d-99\n", 1 + i % 12);
	write_test_file(dir, "status_history.csv", sb.data);
	struct rv_model m;
	assert_int_equal(rv_model_load(&m, dir), RV_OK);
	assert_int_equal(m.diags.n, 1000);
	assert_int_equal(m.diags.warnings, 1500);
	assert_diag(&m.diags, 999, DIAG_WARNING, 1001, 5, "bad date '2024-04-99' (not a date; kept as written, undated)");
	assert_int_equal(m.diags.items[999].row, 999);
	char *text = written(&m.diags);
	assert_non_null(strstr(text, "status_history.csv: warning: \u2026 and 500 more like this\n"));
	free(text);
	rv_model_free(&m);
	sb_free(&sb);
	remove_tree(dir);
}

int run_diag_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_text_built_when_shown),
		cmocka_unit_test(test_kept_per_kind_and_file),
		cmocka_unit_test(test_counted_problem_can_be_filled),
		cmocka_unit_test(test_keep_all),
		cmocka_unit_test(test_model_keeps_first_of_kind),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
