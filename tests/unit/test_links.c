/*
 * test_links.c - the id rule (links.h): every spelling of an id both ways (the children's and the
 * recommendations'), the bare number with a review, ambiguity, "did you mean", the note per file,
 * and the work done at 100k recommendations.
 */
#include "tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recview/entity.h"
#include "recview/links.h"
#include "recview/model.h"
#include "recview/strbuf.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/recview-links-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	remove_tree(dir);
	return 0;
}

static void assert_key(const char *id, const char *want)
{
	char key[RV_ID_KEY_MAX];
	size_t n = rv_id_key(id, strlen(id), key, sizeof(key));
	if (strcmp(key, want) != 0)
		fail_msg("key of '%s' is '%s', not '%s'", id, key, want);
	assert_int_equal(n, strlen(want));
}

static void test_key_spellings(void **state)
{
	(void)state;
	static const char *const same[] = {"SSR1-1", "ssr1-1", "SSR1_1", "SSR1-01", "SSR1 1", "#SSR1-1", "Rec. SSR1-1",
					   "SSR1-001"};
	for (size_t i = 0; i < sizeof(same) / sizeof(*same); i++)
		assert_key(same[i], "ssr1|1");
	static const char *const bare[] = {"1", "Rec 1", "Rec. 1", "R-1", "#1", "Recommendation 1", "rec1", "01",
					   "REC.1", "R.1", "# 1"};
	for (size_t i = 0; i < sizeof(bare) / sizeof(*bare); i++)
		assert_key(bare[i], "1");
	assert_key("SSR2-05.4", "ssr2|5.4");
	assert_key("Rec. 4.1", "4.1");
	assert_key("SSR2-1.10", "ssr2|1.10"); /* a decimal's zeros are not leading zeros */
	assert_key("SSR1-11", "ssr1|11");
	assert_key("SSR1.1", "ssr1.1");       /* '.' between numbers is a decimal point: not SSR1-1 */
	assert_key("Rec", "rec");             /* a prefix alone is an id like any other */
	assert_key("Recycle-2", "recycle2");  /* "Rec" is a prefix only as a word */
	assert_key("-", "");
	char key[RV_ID_KEY_MAX];
	assert_true(rv_id_key_bare(key, rv_id_key(LIT("Rec. 4.1"), key, sizeof(key))));
	assert_false(rv_id_key_bare(key, rv_id_key(LIT("SSR1-1"), key, sizeof(key))));
}

static const char recs_plain[] = "id,review,number,title\n"
				 "SSR1-1,SSR1,1,one\n"
				 "SSR1-2,SSR1,2,two\n"
				 "SSR1-11,SSR1,11,eleven\n"
				 "SSR2-4.1,SSR2,4.1,four one\n";

/* The children write the recommendations' ids in every way of the issue. */
static void test_children_spell_ids(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv", recs_plain);
	write_test_file(dir, "deliverables.csv",
			"rec_id,review,description\n"
			"Rec 1,SSR1,a\nRec. 1,SSR1,b\nR-1,SSR1,c\n#1,SSR1,d\nSSR1-01,SSR1,e\nSSR1_1,SSR1,f\n1,SSR1,g\n"
			"ssr1-1,SSR1,h\nRecommendation 1,SSR1,i\nSSR1-1,SSR1,exact\n"
			"Rec. 4.1,SSR2,j\nSSR2-04.1,,k\n11,SSR1,l\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.diags.errors + m.diags.warnings, 0);
	long one = rv_find_rec(&m, LIT("SSR1-1")), four = rv_find_rec(&m, LIT("SSR2-4.1"));
	long eleven = rv_find_rec(&m, LIT("SSR1-11"));
	assert_int_equal(rv_rec_child_count(&m, (size_t)one, RV_DELIVERABLES), 10);
	assert_int_equal(rv_rec_child_count(&m, (size_t)four, RV_DELIVERABLES), 2);
	assert_int_equal(rv_rec_child_count(&m, (size_t)eleven, RV_DELIVERABLES), 1);
	/* Told apart: exact, by case, by the id rule; and one note for the file. */
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 9)->link, RV_LINK_EXACT);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 7)->link, RV_LINK_CASE);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 1)->link, RV_LINK_SPELLING);
	assert_int_equal(m.diags.notes, 1);
	assert_diag(&m.diags, 0, DIAG_NOTE, 2, 1, "12 rows name their recommendation by another spelling");
	struct strbuf sb;
	sb_init(&sb);
	assert_true(rv_child_describe_link(&m, RV_DELIVERABLES, rv_child_at(&m, RV_DELIVERABLES, 1), &sb));
	assert_non_null(strstr(sb.data, "linked as SSR1-1 (written 'Rec. 1')"));
	sb_reset(&sb);
	assert_false(rv_child_describe_link(&m, RV_DELIVERABLES, rv_child_at(&m, RV_DELIVERABLES, 9), &sb));
	assert_int_equal(sb.len, 0);
	sb_free(&sb);
	rv_model_free(&m);
}

/* The other way round: the recommendations spell their ids so, the children write SSR1-1. */
static void test_parents_spell_ids(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv",
			"id,review,number,title\n"
			"Rec 1,SSR1,1,one\nRec. 2,SSR1,2,two\nR-3,SSR1,3,three\n#4,SSR1,4,four\nSSR1-05,SSR1,5,five\n"
			"SSR1_6,SSR1,6,six\n7,SSR1,7,seven\nssr1-11,SSR1,11,eleven\nRecommendation 20,SSR1,20,twenty\n"
			"Rec. 4.1,SSR2,4.1,four one\nx9,SSR3,09,by its number columns\n");
	write_test_file(dir, "status_history.csv",
			"rec_id,date,status\n"
			"SSR1-1,2016-01-01,complete\nSSR1-2,2016-01-01,complete\nSSR1-3,2016-01-01,complete\n"
			"SSR1-4,2016-01-01,complete\nSSR1-5,2016-01-01,complete\nSSR1-6,2016-01-01,complete\n"
			"SSR1-7,2016-01-01,complete\nSSR1-11,2016-01-01,complete\nSSR1-20,2016-01-01,complete\n"
			"SSR2-4.1,2016-01-01,complete\nSSR3-9,2016-01-01,complete\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.diags.errors + m.diags.warnings, 0);
	for (size_t i = 0; i < m.nrecs; i++) {
		if (rv_rec_child_count(&m, i, RV_HISTORY) != 1)
			fail_msg("recommendation '%.*s' has %zu history entries", (int)rv_rec_id(&m, i).len,
				 rv_rec_id(&m, i).ptr, rv_rec_child_count(&m, i, RV_HISTORY));
		assert_int_equal(rv_rec_status(&m, i, RV_DATE_NONE), RV_STATUS_COMPLETE);
	}
	rv_model_free(&m);
}

/* A bare number with no review column: the recommendations' numbers, when only one has it. */
static void test_bare_number_without_review(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv", recs_plain);
	write_test_file(dir, "questions.csv", "rec_id,question\n#2,known\nRec 4.1,known too\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.diags.errors + m.diags.warnings, 0);
	assert_int_equal(rv_child_at(&m, RV_QUESTIONS, 0)->rec, rv_find_rec(&m, LIT("SSR1-2")));
	assert_int_equal(rv_child_at(&m, RV_QUESTIONS, 1)->rec, rv_find_rec(&m, LIT("SSR2-4.1")));
	rv_model_free(&m);
}

/* Two recommendations with one key: a child naming it links to neither, and the warning names both. */
static void test_ambiguous_never_links(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv",
			"id,review,number,title\nSSR1-1,SSR1,1,one\nSSR1-01,SSR1,1,one again\nSSR2-1,SSR2,1,other review\n");
	write_test_file(dir, "deliverables.csv", "rec_id,description\nSSR1-001,which one?\nSSR1-1,exact wins\n#1,bare\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 0)->rec, -1);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 1)->rec, rv_find_rec(&m, LIT("SSR1-1")));
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 2)->rec, -1);
	assert_int_equal(m.diags.warnings, 2);
	assert_diag(&m.diags, 0, DIAG_WARNING, 2, 1, "ambiguous recommendation 'SSR1-001': the id rule reads it as SSR1-");
	char *line = diag_line(&m.diags.items[0]);
	assert_non_null(strstr(line, "SSR1-1 (line 2)"));
	assert_non_null(strstr(line, "SSR1-01 (line 3)"));
	assert_non_null(strstr(line, "; linked to neither"));
	free(line);
	assert_diag(&m.diags, 1, DIAG_WARNING, 4, 1, "ambiguous recommendation '#1'");
	rv_model_free(&m);
}

/*
 * Children in the recommendations' order link to the next one without a probe of the id index: never
 * to a row that repeats an id (the first row owns it), nor by case when another one has the id exactly.
 */
static void test_next_recommendation_as_the_index_finds_it(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv",
			"id,title\nR-1,one\nR-2,two\nR-2,two again\nR-3,three\nR-4,four\nr-5,five\nR-6,six\nr-6,six lower\n");
	write_test_file(dir, "deliverables.csv",
			"rec_id,description\nR-1,a\nr-2,b\nR-2,c\nR-3,d\nR-4,e\nR-5,f\nR-6,g\nr-6,h\nR-6,i\n");
	struct rv_model m;
	load_ok(&m, dir);
	long two = rv_find_rec(&m, LIT("R-2")), three = rv_find_rec(&m, LIT("R-3")), five = rv_find_rec(&m, LIT("r-5"));
	long six = rv_find_rec(&m, LIT("R-6")), six_lower = rv_find_rec(&m, LIT("r-6"));
	assert_true(two >= 0 && three >= 0 && five >= 0 && six >= 0 && six_lower >= 0 && six != six_lower);
	assert_int_equal(rv_rec_child_count(&m, (size_t)two, RV_DELIVERABLES), 2);
	for (size_t i = 0; i < m.nrecs; i++)
		if (rv_rec_duplicate(&m, i))
			assert_int_equal(rv_rec_child_count(&m, i, RV_DELIVERABLES), 0);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 3)->rec, three);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 3)->link, RV_LINK_EXACT);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 5)->rec, five);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 5)->link, RV_LINK_CASE);
	static const int sixes[] = {6, 8};
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, (size_t)sixes[i])->rec, six);
		assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, (size_t)sixes[i])->link, RV_LINK_EXACT);
	}
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 7)->rec, six_lower);
	assert_int_equal(rv_child_at(&m, RV_DELIVERABLES, 7)->link, RV_LINK_EXACT);
	assert_int_equal(m.diags.notes, 1); /* R-5 by case */
	rv_model_free(&m);
}

static void test_did_you_mean(void **state)
{
	(void)state;
	write_test_file(dir, "recommendations.csv", recs_plain);
	write_test_file(dir, "deliverables.csv", "rec_id,description\nSSR1-111,near 11\nSSR1-12,near 11 and 2\nXYZ-9,far\n");
	struct rv_model m;
	load_ok(&m, dir);
	assert_int_equal(m.diags.warnings, 3);
	assert_diag(&m.diags, 0, DIAG_WARNING, 2, 1,
		    "unknown recommendation 'SSR1-111': no such id in recommendations.csv; did you mean SSR1-11?");
	/* "ssr1|12" is one edit from "ssr1|1", "ssr1|2" and "ssr1|11": the first in id order. */
	assert_diag(&m.diags, 1, DIAG_WARNING, 3, 1, "did you mean SSR1-1?");
	assert_diag(&m.diags, 2, DIAG_WARNING, 4, 1, "'XYZ-9': no such id in recommendations.csv (the row is kept");
	assert_int_equal(rv_links_suggest(&m, LIT("ssr2-4.2")), rv_find_rec(&m, LIT("SSR2-4.1")));
	assert_int_equal(rv_links_suggest(&m, LIT("SSR9-99.9")), -1);
	rv_model_free(&m);
}

/*
 * 100k recommendations, 100k children in other spellings and 1,000 unknown ids: the id rule's work
 * (hash probes) grows with the rows, a few probes each, and the load stays well under a few seconds
 * (a generous bound for a shared machine: the probe count is the real test).
 */
static void test_100k_linear(void **state)
{
	(void)state;
	enum { N = 100000, UNKNOWN = 1000 };
	struct strbuf recs, dels;
	sb_init(&recs);
	sb_init(&dels);
	sb_adds(&recs, "id,review,number,title\n");
	sb_adds(&dels, "rec_id,review,description\n");
	static const char *const forms[] = {"SSR%d_%d", "ssr%d-%d", "#SSR%d-0%d", "SSR%d-%03d", "Rec %.0d%d"};
	for (int i = 0; i < N; i++) {
		int review = i / 1000 + 1, number = i % 1000 + 1;
		sb_addf(&recs, "SSR%d-%d,SSR%d,%d,t\n", review, number, review, number);
		char id[64];
		snprintf(id, sizeof(id), forms[i % 5], i % 5 == 4 ? 0 : review, number);
		sb_addf(&dels, "%s,SSR%d,d\n", id, review);
	}
	for (int i = 0; i < UNKNOWN; i++)
		sb_addf(&dels, "SSR%d-%d9,,unknown\n", i + 1, 1000 + i);
	write_test_file(dir, "recommendations.csv", recs.data);
	write_test_file(dir, "deliverables.csv", dels.data);
	sb_free(&recs);
	sb_free(&dels);
	size_t probes = rv_links_probes;
	clock_t start = clock();
	struct rv_model m;
	load_ok(&m, dir);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	probes = rv_links_probes - probes;
	size_t linked = 0;
	for (size_t i = 0; i < rv_child_total(&m, RV_DELIVERABLES); i++)
		linked += rv_child_at(&m, RV_DELIVERABLES, i)->rec >= 0;
	print_message("100k: %zu linked, %zu probes, %.2f s\n", linked, probes, seconds);
	assert_int_equal(linked, N);
	assert_true(probes < (size_t)(N + UNKNOWN) * 40);
	assert_true(seconds < 20.0);
	rv_model_free(&m);
}

int run_links_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_spellings),
		cmocka_unit_test_setup_teardown(test_children_spell_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_parents_spell_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bare_number_without_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ambiguous_never_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_recommendation_as_the_index_finds_it, setup, teardown),
		cmocka_unit_test_setup_teardown(test_did_you_mean, setup, teardown),
		cmocka_unit_test_setup_teardown(test_100k_linear, setup, teardown),
	};
	return cmocka_run_group_tests_name("links", tests, NULL, NULL);
}
